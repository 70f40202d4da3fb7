// The browser suite's harness: a real `tadamun serve --demo` on a fresh SQLite file,
// Debian's Chromium driven by playwright-core, and the checks every page must pass.

import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const PASSWORD = 'browser suite password';
export const ACCOUNTS = {
  viewer: 'viewer@demo.tadamun.org',
  member: 'member@demo.tadamun.org',
  coordinator: 'coordinator@demo.tadamun.org',
  admin: 'admin@demo.tadamun.org',
};
export const WIDTHS = [360, 1280];
export const SCREENSHOTS = path.join(ROOT, 'screenshots');

/** Page weight budgets, in bytes on the wire (compressed). */
const HTML_AND_CSS_BUDGET = 50 * 1024;
const TOTAL_BUDGET = 100 * 1024;

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Starts `tadamun serve --demo` on a port of its own; resolves once it listens. */
export async function startServer() {
  const bin = process.env.TADAMUN_BIN ?? path.join(ROOT, 'target/debug/tadamun');
  const dir = mkdtempSync(path.join(tmpdir(), 'tadamun-browser-'));
  const child = spawn(
    bin,
    ['serve', '--demo', '--demo-password', PASSWORD, '--database', `sqlite://${dir}/tadamun.db`, '--listen', '127.0.0.1:0'],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, TADAMUN_LOG: 'warn' } },
  );
  const base = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const found = out.match(/Tadamun is running at (http:\/\/\S+)/);
      if (found) resolve(found[1]);
    });
    child.on('exit', (code) => reject(new Error(`tadamun serve exited with ${code} before listening:\n${out}`)));
    child.on('error', reject);
  });
  return {
    base,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium with a fresh profile and no calls home. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

/** A browser context in `lang`, signed in as `role` (or anonymous). */
export async function contextFor(browser, base, { role, lang, width = 1280, javaScript = true }) {
  const context = await browser.newContext({
    baseURL: base,
    locale: lang,
    viewport: { width, height: 900 },
    javaScriptEnabled: javaScript,
  });
  if (role) {
    const page = await context.newPage();
    await page.goto('/login');
    await page.fill('#email', ACCOUNTS[role]);
    await page.fill('#password', PASSWORD);
    await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/login')), page.click('form.form button[type=submit]')]);
    await page.close();
  }
  return context;
}

/**
 * Loads `url` in a new page of `context` and runs every check on it. Returns the list
 * of problems found (empty when the page passes) and the page, still open.
 */
export async function checkPage(context, url, { lang, width, expectStatus = 200, screenshot }) {
  const problems = [];
  const page = await context.newPage();
  const sizes = [];
  page.on('console', (msg) => {
    // The browser logs a page's own non-2xx status (the not-found page) as an error;
    // that status is checked below instead.
    const ownStatus = expectStatus !== 200 && msg.text().includes(`status of ${expectStatus}`);
    if (msg.type() === 'error' && !ownStatus) problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => problems.push(`failed request: ${req.url()} (${req.failure()?.errorText})`));
  page.on('requestfinished', async (req) => {
    const response = await req.response();
    const { responseBodySize } = await req.sizes();
    sizes.push({ type: req.resourceType(), url: req.url(), bytes: responseBodySize, status: response?.status() });
  });
  const response = await page.goto(url, { waitUntil: 'load' });
  if (response.status() !== expectStatus) problems.push(`status ${response.status()}, expected ${expectStatus}`);
  for (const s of sizes) {
    if (s.type !== 'document' && s.status >= 400) problems.push(`sub-resource ${s.url} answered ${s.status}`);
  }

  const layout = await page.evaluate(() => {
    const html = document.documentElement;
    // Wide content inside a box that scrolls sideways and itself fits (a chart, a
    // timeline) is reached by scrolling that box, not the page.
    const insideScroller = (el) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        if (['auto', 'scroll'].includes(getComputedStyle(p).overflowX)) {
          const r = p.getBoundingClientRect();
          return r.left >= -1 && r.right <= window.innerWidth + 1;
        }
      }
      return false;
    };
    const overflowing = [...document.querySelectorAll('body *')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && (r.right > window.innerWidth + 1 || r.left < -1) && !el.closest('table, .skip, .visually-hidden') && !insideScroller(el);
      })
      .slice(0, 3)
      .map((el) => `<${el.tagName.toLowerCase()} class="${el.className}">`);
    const unlabelled = [...document.querySelectorAll('input, select, textarea')]
      .filter((el) => !['hidden', 'submit', 'button'].includes(el.type))
      .filter((el) => el.labels.length === 0 && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby'))
      .map((el) => el.name || el.id);
    const brand = document.querySelector('.brand')?.getBoundingClientRect();
    // Forms start on the reading side: the first label's start edge meets the form's.
    const form = document.querySelector('main form.form');
    const label = form?.querySelector('label');
    const formSide = form && label ? (() => {
      const f = form.getBoundingClientRect();
      const l = label.getBoundingClientRect();
      return { startsRight: Math.abs(l.right - f.right) < 2, startsLeft: Math.abs(l.left - f.left) < 2 };
    })() : null;
    return {
      lang: html.getAttribute('lang'),
      dir: html.getAttribute('dir'),
      direction: getComputedStyle(html).direction,
      scrollWidth: html.scrollWidth,
      innerWidth: window.innerWidth,
      overflowing,
      unlabelled,
      brandCentre: brand ? brand.left + brand.width / 2 : null,
      formSide,
    };
  });
  if (layout.lang !== lang) problems.push(`<html lang="${layout.lang}">, expected ${lang}`);
  const rtl = lang === 'ar';
  if (layout.dir !== (rtl ? 'rtl' : 'ltr') || layout.direction !== (rtl ? 'rtl' : 'ltr')) {
    problems.push(`direction ${layout.dir}/${layout.direction} in ${lang}`);
  }
  if (layout.brandCentre !== null && (layout.brandCentre > layout.innerWidth / 2) !== rtl) {
    problems.push(`navigation starts on the wrong side for ${lang}`);
  }
  if (layout.formSide && !(rtl ? layout.formSide.startsRight : layout.formSide.startsLeft)) {
    problems.push(`form labels do not start on the ${rtl ? 'right' : 'left'} in ${lang}`);
  }
  if (layout.scrollWidth > layout.innerWidth + 1 || layout.overflowing.length) {
    problems.push(`overflows ${width}px: scrollWidth ${layout.scrollWidth}; ${layout.overflowing.join(', ')}`);
  }
  if (layout.unlabelled.length) problems.push(`fields without a label: ${layout.unlabelled.join(', ')}`);

  const htmlAndCss = sizes.filter((s) => s.type === 'document' || s.type === 'stylesheet').reduce((n, s) => n + s.bytes, 0);
  const total = sizes.filter((s) => s.type !== 'image').reduce((n, s) => n + s.bytes, 0);
  if (htmlAndCss > HTML_AND_CSS_BUDGET) problems.push(`HTML and CSS weigh ${htmlAndCss} bytes compressed (budget ${HTML_AND_CSS_BUDGET})`);
  if (total > TOTAL_BUDGET) problems.push(`the page needs ${total} bytes (budget ${TOTAL_BUDGET})`);

  await page.evaluate(axeSource);
  const axe = await page.evaluate(() => axe.run(document, { resultTypes: ['violations'] }));
  for (const v of axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
    problems.push(`axe ${v.impact}: ${v.id} — ${v.help} (${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join('; ')})`);
  }

  if (screenshot) {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, `${screenshot}-${lang}-${width}.png`), fullPage: true });
  }

  // Keyboard focus is visible: the first Tab lands on a focused element with an outline.
  await page.keyboard.press('Tab');
  const focus = await page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    return { tag: el.tagName, outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  if (!focus || focus.outline === 'none' || focus.width < 1) problems.push(`keyboard focus not visible: ${JSON.stringify(focus)}`);

  return { problems, page };
}
