// Every page that exists, for every role, in English and Arabic, at phone and desktop
// widths: loads cleanly, is laid out in the language's direction, does not overflow,
// passes axe, has labelled fields and visible focus, and stays within its weight.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { WIDTHS, checkPage, contextFor, launchBrowser, startServer } from './harness.mjs';

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

/** Ids the page list needs, read through the API as the coordinator. */
async function ids() {
  const context = await contextFor(browser, server.base, { role: 'coordinator', lang: 'en' });
  const orgs = (await (await context.request.get('/api/v1/organisations?limit=100')).json()).items;
  const people = (await (await context.request.get('/api/v1/people?limit=100')).json()).items;
  const plan = (await (await context.request.get('/api/v1/plans')).json())[0].id;
  const tree = await (await context.request.get(`/api/v1/plans/${plan}`)).json();
  const groups = await (await context.request.get('/api/v1/working-groups')).json();
  const meetings = await (await context.request.get('/api/v1/meetings')).json();
  const recommendations = await (await context.request.get('/api/v1/recommendations')).json();
  const campaigns = await (await context.request.get('/api/v1/campaigns')).json();
  const economic = campaigns.find((c) => c.kind === 'economic').id;
  const targets = await (await context.request.get(`/api/v1/campaigns/${economic}/targets`)).json();
  const media = campaigns.find((c) => c.kind === 'media').id;
  const content = await (await context.request.get(`/api/v1/campaigns/${media}/content`)).json();
  const events = (await (await context.request.get('/api/v1/events?when=all&limit=500')).json()).items;
  const publicEvent = events.find((e) => e.visibility === 'public' && e.kind === 'webinar').id;
  const registration = await (await context.request.post(`/api/v1/events/${publicEvent}/registrations`, {
    data: { name: 'Browser Test', email: 'browser-test@example.org', country: 'KE', lang: 'en', consent: true },
  })).json();
  await context.close();
  const admin = await contextFor(browser, server.base, { role: 'admin', lang: 'en' });
  const users = (await (await admin.request.get('/api/v1/users')).json()).items;
  await admin.close();
  const member = users.find((u) => u.role === 'member');
  return {
    publicOrg: orgs.find((o) => o.visibility === 'public').id,
    memberOrg: member.organisation,
    someUser: member.id,
    publicPerson: people.find((p) => p.visibility === 'public').id,
    pseudonymousPerson: people.find((p) => p.pseudonymous).id,
    plan,
    action: tree.items.find((i) => i.level === 'action' && i.status === 'blocked').id,
    initiative: tree.items.find((i) => i.level === 'initiative').id,
    indicator: tree.indicators[0].id,
    group: groups[0].id,
    // The consultative meeting: minutes, decisions and action items.
    meeting: meetings.find((m) => m.kind === 'consultative').id,
    recommendation: recommendations.find((r) => r.status === 'in_progress').id,
    // The economic campaign: targets won, partly won, lost and open.
    campaign: economic,
    target: targets[0].id,
    // The media campaign: content in Arabic with translations at every step.
    mediaCampaign: media,
    contentItem: content[0].id,
    publicEvent,
    registrationPage: registration.url,
    networkEvent: events.find((e) => e.visibility === 'network').id,
  };
}

/** The working group, meeting and recommendation pages every signed-in user reads. */
function groupPages({ group, meeting, recommendation, campaign, mediaCampaign, contentItem }, shots) {
  const shot = (name) => (shots ? name : null);
  return [
    ['/campaigns', shot('campaigns')],
    [`/campaigns/${campaign}`, shot('campaign')],
    [`/campaigns/${mediaCampaign}`, shot('campaign-media')],
    [`/content/${contentItem}`, shot('content-item')],
    [`/content/${contentItem}/translations/en`, shot('translation')],
    [`/content/${contentItem}/translations/pt`, null],
    [`/campaigns/${mediaCampaign}/matrix`, shot('translation-matrix')],
    ['/translations/mine', null],
    ['/content/calendar', shot('editorial-calendar')],
    ['/content/calendar?view=week', shot('editorial-calendar-week')],
    ['/groups', shot('groups')],
    [`/groups/${group}`, shot('group')],
    ['/meetings', shot('meetings')],
    [`/meetings/${meeting}`, shot('meeting')],
    ['/recommendations', shot('recommendations')],
    [`/recommendations/${recommendation}`, shot('recommendation')],
  ];
}

/** The pages of each role: [path, screenshot name or null, expected status]. */
function pagesFor(role, found) {
  const { publicOrg, memberOrg, someUser, publicPerson, pseudonymousPerson, plan, action, initiative, indicator, group, meeting, recommendation, publicEvent, networkEvent, registrationPage } = found;
  const everyone = [
    ['/', 'home'],
    ['/organisations', 'organisations'],
    [`/organisations/${publicOrg}`, 'organisation'],
    ['/people', 'people'],
    [`/people/${publicPerson}`, 'person'],
    ['/coverage', 'coverage'],
    ['/events', 'events'],
    ['/events?when=past', null],
    [`/events/${publicEvent}`, 'event'],
    [`/events/${publicEvent}?tz=America/Bogota`, null],
    [registrationPage, 'registration'],
    ['/calendar', 'calendar'],
    ['/calendar?view=week', 'calendar-week'],
    ['/search?q=solidarity', 'search'],
    [`/search?q=${encodeURIComponent('التضامن')}&kind=organisation`, null],
    ['/no-such-page', null, 404],
  ];
  const signedIn = [
    ['/focus-areas', 'focus-areas'],
    ['/coverage?status=prospects&focus=media', null],
    ['/plans', 'plans'],
    [`/plans/${plan}`, 'plan'],
    [`/plans/${plan}/timeline`, 'plan-timeline'],
    [`/plans/${plan}/report`, 'plan-report'],
    [`/plan-items/${action}`, 'plan-action'],
    [`/plan-items/${initiative}`, null],
    [`/indicators/${indicator}`, 'indicator'],
    ['/plans/mine', null],
    ['/plans/attention', 'plans-attention'],
    ['/slots', null],
    ['/slots?countries=KE,GB,MY&regions=002&duration=90', 'slots'],
    [`/events/${networkEvent}`, null],
  ];
  const pages = {
    anonymous: [...everyone, ['/login', 'login']],
    viewer: [
      ...everyone,
      ...signedIn,
      ['/account', 'account'],
      ['/account/reminders', 'reminder-settings'],
      ['/outreach', 'outreach'],
      ['/outreach/stalled', null],
      ['/outreach/mine', null],
      ...groupPages(found, true),
    ],
    member: [...everyone, ...signedIn, ['/account', null], [`/organisations/${memberOrg}/edit`, null], ...groupPages(found, false), ['/events/new', null], [`/events/${publicEvent}/registrations`, null]],
    coordinator: [
      ...everyone,
      ...signedIn,
      ['/organisations/new', 'organisation-form'],
      ['/people/new', 'person-form'],
      ['/organisations/import', 'import'],
      [`/people/${pseudonymousPerson}`, 'person-pseudonymous'],
      [`/people/${pseudonymousPerson}/edit`, null],
      [`/organisations/${publicOrg}/edit`, null],
      ['/outreach?region=002', 'outreach'],
      ['/organisations?stage=prospect', null],
      ['/plans/new', 'plan-item-form'],
      [`/plan-items/${action}/edit`, null],
      [`/plan-items/${initiative}/indicators/new`, 'indicator-form'],
      ...groupPages(found, true),
      ['/groups/new', 'group-form'],
      [`/groups/${group}/edit`, null],
      ['/meetings/new', 'meeting-form'],
      [`/meetings/${meeting}/edit`, null],
      ['/recommendations/new', 'recommendation-form'],
      [`/recommendations/${recommendation}/edit`, null],
      ['/recommendations?status=adopted&stale_days=30', null],
      ['/campaigns/new', 'campaign-form'],
      [`/campaigns/${found.campaign}/edit`, null],
      [`/campaigns/${found.campaign}/targets/new`, 'target-form'],
      [`/campaigns/${found.campaign}/targets/${found.target}/edit`, null],
      ['/campaigns?kind=media&region=002', null],
      [`/campaigns/${found.mediaCampaign}/content/new`, 'content-form'],
      [`/content/${found.contentItem}/edit`, null],
      [`/campaigns/${found.mediaCampaign}/reach`, 'reach-import'],
      ['/events/new', 'event-form'],
      [`/events/${publicEvent}/edit`, null],
      [`/events/${publicEvent}/registrations`, 'event-registrations'],
    ],
    admin: [
      ...everyone,
      ['/users', 'users'],
      ['/users/new', 'user-form'],
      [`/users/${someUser}`, null],
      ['/audit', 'audit'],
      ['/admin/jobs', 'jobs'],
      ...groupPages(found, false),
    ],
  };
  return pages[role];
}

test('every page passes every check for every role, language and width', async (t) => {
  const found = await ids();
  for (const role of ['anonymous', 'viewer', 'member', 'coordinator', 'admin']) {
    for (const lang of ['en', 'ar']) {
      for (const width of WIDTHS) {
        await t.test(`${role} ${lang} ${width}px`, async () => {
          const context = await contextFor(browser, server.base, { role: role === 'anonymous' ? null : role, lang, width });
          const failures = [];
          // BROWSER_PAGES=text checks only the pages whose path contains it.
          const only = process.env.BROWSER_PAGES;
          const pages = pagesFor(role, found).filter(([path]) => !only || path.includes(only));
          for (const [path, shot, status = 200] of pages) {
            const { problems, page } = await checkPage(context, path, {
              lang,
              width,
              expectStatus: status,
              screenshot: shot ? `${role}-${shot}` : null,
            });
            await page.close();
            failures.push(...problems.map((p) => `${path}: ${p}`));
          }
          await context.close();
          assert.deepEqual(failures, [], failures.join('\n'));
        });
      }
    }
  }
});
