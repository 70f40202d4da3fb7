// The main flows, done with JavaScript turned off, as a person on a basic phone would:
// signing in and out, adding, correcting, editing and deleting an organisation, the
// account page and its e-mail settings, the language switcher, user administration,
// and following a recommendation up from its proposal to a linked plan item.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { ACCOUNTS, PASSWORD, contextFor, launchBrowser, startServer } from './harness.mjs';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function noScriptPage(options) {
  const context = await contextFor(browser, server.base, { ...options, javaScript: false });
  const page = await context.newPage();
  const errors = [];
  // A form sent back with its errors answers 422; the browser logs that status, which
  // is the expected answer, not a fault of the page.
  page.on('console', (msg) => msg.type() === 'error' && !/status of 422/.test(msg.text()) && errors.push(msg.text()));
  return { context, page, errors };
}

test('signing in and out works without JavaScript, and a wrong password keeps the e-mail', async () => {
  const { context, page, errors } = await noScriptPage({ lang: 'en' });
  await page.goto('/login');
  await page.fill('#email', ACCOUNTS.viewer);
  await page.fill('#password', 'not the password');
  await page.click('form.form button[type=submit]');
  assert.match(await page.textContent('[role=alert]'), /not right/);
  assert.equal(await page.inputValue('#email'), ACCOUNTS.viewer);
  await page.fill('#password', PASSWORD);
  await page.click('form.form button[type=submit]');
  assert.equal(new URL(page.url()).pathname, '/');
  assert.ok(await page.isVisible('.session a[href="/account"]'));
  await page.click('.session button');
  assert.ok(await page.isVisible('.session a[href="/login"]'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a coordinator adds, corrects, edits and deletes an organisation without JavaScript', async () => {
  const { context, page, errors } = await noScriptPage({ role: 'coordinator', lang: 'en' });
  await page.goto('/organisations');
  await page.click('a[href="/organisations/new"]');
  await page.fill('#name', 'Collectif Bamako Solidarité');
  await page.selectOption('#country', 'ML');
  await page.fill('#city', 'Bamako');
  await page.fill('#website', 'ftp://bamako.example.org');
  await page.check('#visibility-public');
  await page.click('form.form button[type=submit]');
  assert.match(await page.textContent('[role=alert]'), /Website: use an address starting with https/);
  assert.equal(await page.inputValue('#name'), 'Collectif Bamako Solidarité');
  assert.equal(await page.inputValue('#city'), 'Bamako');
  assert.equal(await page.inputValue('#country'), 'ML', 'the chosen country is kept');
  assert.equal(await page.getAttribute('#website', 'aria-invalid'), 'true');
  await page.fill('#website', 'https://bamako.example.org');
  await page.click('form.form button[type=submit]');
  assert.match(await page.textContent('[role=status]'), /Saved/);
  assert.equal(await page.textContent('h1'), 'Collectif Bamako Solidarité');
  assert.match(await page.textContent('.facts'), /Mali · Western Africa · Africa/);

  await page.goto('/organisations');
  await page.fill('#q', 'bamako solidarite');
  await page.selectOption('#region', '011');
  await page.click('form.filters button[type=submit]');
  assert.equal(await page.locator('tbody tr').count(), 1, 'search ignores accents and case');
  await page.click('text=Collectif Bamako Solidarité');

  await page.click('a.button[href$="/edit"]');
  await page.fill('#city', 'Ségou');
  await page.click('form.form button[type=submit]');
  assert.match(await page.textContent('.facts'), /Ségou/);

  await page.click('button.danger');
  assert.equal(new URL(page.url()).pathname, '/organisations');
  assert.equal(await page.locator('text=Collectif Bamako Solidarité').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a member sees no way to add organisations and cannot edit another one', async () => {
  const { context, page } = await noScriptPage({ role: 'member', lang: 'en' });
  await page.goto('/organisations');
  assert.equal(await page.locator('a[href="/organisations/new"]').count(), 0);
  const response = await page.goto('/organisations/new');
  assert.equal(response.status(), 403);
  await context.close();
});

test('the account page saves settings, and the switcher turns the interface to Arabic', async () => {
  const { context, page, errors } = await noScriptPage({ role: 'viewer', lang: 'en' });
  await page.goto('/account');
  await page.selectOption('#time_zone', 'Africa/Nairobi');
  await page.click('form[action="/account"] button[type=submit]');
  assert.match(await page.textContent('[role=status]'), /Saved/);
  assert.equal(await page.inputValue('#time_zone'), 'Africa/Nairobi');

  await page.click('form.langs button[value=ar]');
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  assert.equal(await page.getAttribute('html', 'lang'), 'ar');
  assert.equal(new URL(page.url()).pathname, '/account');
  await page.goto('/organisations');
  assert.equal(await page.getAttribute('html', 'lang'), 'ar', 'the choice is remembered');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a member turns the weekly digest off from the account page without JavaScript', async () => {
  const { context, page, errors } = await noScriptPage({ role: 'member', lang: 'en' });
  await page.goto('/account');
  await page.click('a[href="/account/reminders"]');
  assert.ok(await page.isChecked('#weekly_digest'));
  await page.uncheck('#weekly_digest');
  await page.click('form[action="/account/reminders"] button[type=submit]');
  assert.match(await page.textContent('[role=status]'), /Saved/);
  await page.goto('/account/reminders');
  assert.equal(await page.isChecked('#weekly_digest'), false, 'the choice is kept');
  await page.check('#weekly_digest');
  await page.click('form[action="/account/reminders"] button[type=submit]');
  assert.ok(await page.isChecked('#weekly_digest'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('an admin adds a user in Arabic, with the weak password refused first', async () => {
  const { context, page, errors } = await noScriptPage({ role: 'admin', lang: 'ar' });
  await page.goto('/users/new');
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  await page.fill('#email', 'nadia@example.org');
  await page.fill('#name', 'نادية');
  await page.fill('#password', 'password123');
  await page.selectOption('#role', 'coordinator');
  await page.click('form.form button[type=submit]');
  assert.ok((await page.textContent('[role=alert]')).length > 10);
  assert.equal(await page.inputValue('#email'), 'nadia@example.org');
  assert.equal(await page.inputValue('#name'), 'نادية');
  assert.equal(await page.inputValue('#role'), 'coordinator');
  await page.fill('#password', 'zaytoun harvest in autumn');
  await page.click('form.form button[type=submit]');
  assert.ok(await page.isVisible('[role=status]'));
  await page.goto('/users');
  assert.equal(await page.locator('text=nadia@example.org').count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a coordinator records a recommendation, adopts it and links a plan item without JavaScript', async () => {
  const { context, page, errors } = await noScriptPage({ role: 'coordinator', lang: 'en' });
  await page.goto('/recommendations');
  await page.click('a.button[href="/recommendations/new"]');
  await page.fill('#text', 'Translate the toolkit into Amharic');
  await page.selectOption('#theme', 'expansion');
  await page.click('form.form button[type=submit]');
  assert.match(await page.textContent('[role=status]'), /Saved/);
  assert.match(await page.textContent('.facts'), /Proposed/);

  await page.selectOption('#status', 'dropped');
  await page.click('form[action$="/status"] button[type=submit]');
  assert.match(await page.textContent('[role=alert]'), /Reason: this is required/);
  assert.equal(await page.getAttribute('#reason', 'aria-invalid'), 'true');
  assert.equal(await page.inputValue('#status'), 'dropped', 'the chosen status is kept');
  await page.selectOption('#status', 'adopted');
  await page.fill('#reason', 'Agreed at the consultative meeting');
  await page.click('form[action$="/status"] button[type=submit]');
  assert.match(await page.textContent('.facts'), /Adopted/);
  assert.match(await page.textContent('table[aria-labelledby="history"]'), /Agreed at the consultative meeting/);

  const first = await page.locator('#item option').nth(1).getAttribute('value');
  await page.selectOption('#item', first);
  await page.click('form[action$="/items"] button[type=submit]');
  assert.equal(await page.locator(`a[href="/plan-items/${first}"]`).count(), 1);
  assert.match(await page.textContent('.facts'), /\d+ %/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a coordinator records a won target and moves a translation to review without JavaScript', async () => {
  const { context, page, errors } = await noScriptPage({ role: 'coordinator', lang: 'en' });
  await page.goto('/campaigns?kind=economic');
  await page.click('table a[href^="/campaigns/"]');
  await page.click('a.button[href$="/targets/new"]');
  await page.fill('#name', 'Sahel Pension Trust');
  await page.selectOption('#kind', 'institution');
  await page.selectOption('#outcome', 'won');
  await page.click('form.form button[type=submit]');
  assert.match(await page.textContent('[role=alert]'), /Date of the outcome/);
  assert.equal(await page.inputValue('#name'), 'Sahel Pension Trust', 'the typed name is kept');
  await page.fill('#outcome_date', '2026-02-01');
  await page.click('form.form button[type=submit]');
  assert.match(await page.textContent('[role=status]'), /Saved/);
  assert.match(await page.textContent('table.targets'), /Sahel Pension Trust/);

  await page.goto('/campaigns?kind=media');
  await page.click('table a[href^="/campaigns/"]');
  await page.click('a[href$="/matrix"]');
  await page.click('a.t-draft');
  await page.selectOption('#state', 'in_review');
  await page.click('form[action$="/state"] button[type=submit]');
  assert.match(await page.textContent('[role=status]'), /Saved/);
  assert.match(await page.textContent('main'), /In review/);
  assert.deepEqual(errors, []);
  await context.close();
});
