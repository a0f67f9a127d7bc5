// End to end in headless Chromium: times as people read them (issue #18, points 7 and 8).
//
// Every time a person sees is on the organisation's clock (Europe/Zurich unless configured), in the
// reader's language's format: "26.12.2026, 03:35" for German readers, "26 Dec 2026, 03:35" for
// English ones, relative where that helps ("in 20 days"), and with the zone named where the reader
// may be elsewhere (the recipient's page: "MEZ" / "CET"). A date means the end of that day in the
// organisation's zone, always: the default expiry, a date picked in the dialog and a date sent
// through the host's JSON API all end at 23:59 Zurich time.
//
// Screenshots go to $DM_E2E_ARTIFACTS/times/.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { PLUGIN, SharingDesk, tableRows } from './sharing_desk.mjs';

// Demo data (sample-host/src/demo/demo_data.cpp): every case has journal entries.
const CASE = 'MH-2024-00003';
const ZONE = 'Europe/Zurich';
const DAY = 86400e3;

const world = new SharingDesk('times', {}, ['organisation:', `  time_zone: ${ZONE}`]);
const { artifacts, pageErrors, signIn, language, caseRow, openCaseTab } = world;
let browser;
let portalPort;
let desk;
const state = {};

before(async () => {
  await world.start();
  ({ browser, portalPort, desk } = world);
});

after(() => world.stop());

// ---- the organisation's calendar, from the test's side -------------------------------------------

// The date in Zurich of a moment, as its parts.
function zurichDay(ms) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return { y: parts.year, m: parts.month, d: parts.day };
}
const isoDay = ({ y, m, d }) => `${y}-${m}-${d}`;
const germanDay = ({ y, m, d }) => `${d}.${m}.${y}`;
// English day-first dates; CLDR spells September "Sep" or "Sept" depending on its version.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept?', 'Oct', 'Nov', 'Dec'];
const englishDay = ({ y, m, d }) => `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;

// ---- helpers (as in round2_recipient.test.mjs) ----------------------------------------------------

const shot = (page, name) => page.screenshot({ path: join(artifacts, name + '.png'), fullPage: true });

// The host's JSON API, with the signed-in user's session and its CSRF token.
async function api(method, path, body) {
  return desk.evaluate(async ({ m, p, b }) => {
    const me = await (await fetch('/api/me')).json();
    const r = await fetch(p, {
      method: m,
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token },
      body: b === undefined ? undefined : JSON.stringify(b),
    });
    return { status: r.status, body: await r.json().catch(() => null) };
  }, { m: method, p: path, b: body });
}
const action = (name, caseId, payload) =>
  api('POST', `/api/plugins/${PLUGIN}/actions/${name}`, { case_id: caseId, payload });

const linkRows = () => tableRows(desk.locator('.tab-panel .vm-table').first());

// The recipient: a fresh browser context in `locale`, nobody's cookies.
const recipientPage = (link, locale) => world.recipientOpens(link, locale, 'p.expiry time');

// ---- tests ----------------------------------------------------------------------------------------

test('the organisation admin starts the free trial', async () => {
  await world.startTrial();
});

test('an English caseworker: the default expiry ends at 23:59 Zurich time, shown day first', async () => {
  await signIn('anna.meier', 'demo-anna');
  await language('en');
  const row = await caseRow(CASE);
  state.caseId = await row.getAttribute('data-case-id');
  await row.locator('.case-link').click({ button: 'right' });
  await desk.click('.context-menu .menu-item:has-text("Share with external person")');
  await desk.waitForSelector('.dialog form.vm-form input[name=expires_on]');
  const in20 = zurichDay(Date.now() + 20 * DAY);
  assert.equal(await desk.inputValue('.dialog input[name=expires_on]'), isoDay(in20), 'the date 20 days on, in Zurich');
  await desk.fill('.dialog input[name=recipient_name]', 'Lina Brunner');
  await desk.check('.dialog input[type=radio][value=none]');
  const sendEmail = desk.locator('.dialog input[name=send_email]');
  if (await sendEmail.count() && await sendEmail.isChecked()) await sendEmail.uncheck();
  await desk.fill('.dialog input[name=expires_on]', isoDay(in20));
  await desk.click('.dialog button[type=submit]:has-text("Share")');
  await desk.waitForSelector('.dialog .notice-success:has-text("Link created")');
  const validUntil = await desk.textContent('.dialog .vm-text:has-text("valid until")');
  assert.match(validUntil, new RegExp(`valid until ${englishDay(in20)}, 23:59\\.`));
  state.lina = await desk.getAttribute('.dialog a.vm-link', 'href');
  await shot(desk, 'en-share-result');
  await desk.locator('.dialog button', { hasText: /^Close$/ }).click();
  await desk.waitForSelector('.dialog', { state: 'detached' });

  await openCaseTab(state.caseId, 'External Sharing');
  const [lina] = (await linkRows()).filter((r) => r.Recipient.startsWith('Lina Brunner'));
  assert.match(lina.Expires, new RegExp(`^${englishDay(in20)}, 23:59 \\(in 2[01] days\\)$`));
  assert.match(lina['Created by'], /, \d{1,2} [A-Z][a-z]{2,3} \d{4}, \d\d:\d\d$/);
  assert.doesNotMatch(JSON.stringify(lina), /UTC|\d{4}-\d\d-\d\d/);
  await shot(desk, 'en-panel-dates');
});

test('an English recipient reads English dates on Zurich time with the zone named', async () => {
  const { context, page } = await recipientPage(state.lina, 'en-GB');
  const expiry = (await page.textContent('p.expiry time')).trim();
  assert.match(expiry, new RegExp(`^${englishDay(zurichDay(Date.now() + 20 * DAY))}, 23:59 CES?T$`));
  const journal = await page.locator('article .meta time').evaluateAll((ts) => ts.map((t) => [t.textContent, t.getAttribute('datetime')]));
  assert.ok(journal.length > 0, 'the case\'s journal is shared');
  for (const [text, machine] of journal) {
    assert.match(text, /^\d{1,2} [A-Z][a-z]{2,3} \d{4}, \d\d:\d\d CES?T$/, 'not the host\'s raw timestamp');
    assert.match(machine, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/, 'the machine form stays in the datetime attribute');
  }
  await shot(page, 'en-portal-dates');
  await context.close();
});

test('a German caseworker and a German recipient read German dates', async () => {
  // Another caseworker of the organisation, in a German browser of her own.
  desk = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'de-CH' })).newPage();
  desk.setDefaultTimeout(20000);
  desk.on('pageerror', (e) => pageErrors.push(String(e)));
  world.desk = desk;  // the shared helpers (signIn, language, openCaseTab) act on her page now
  await signIn('beat.keller', 'demo-beat');
  await language('de');
  await openCaseTab(state.caseId, 'Externes Teilen');
  const in20 = zurichDay(Date.now() + 20 * DAY);
  const [lina] = (await linkRows()).filter((r) => r['Empfänger:in'].startsWith('Lina Brunner'));
  assert.match(lina['Läuft ab'], new RegExp(`^${germanDay(in20).replaceAll('.', '\\.')}, 23:59 \\(in 2[01] Tagen\\)$`));
  await shot(desk, 'de-panel-dates');

  const { context, page } = await recipientPage(state.lina, 'de-CH');
  assert.equal((await page.textContent('p.expiry time')).trim().replace(/ MES?Z$/, ''), `${germanDay(in20)}, 23:59`);
  assert.match((await page.textContent('p.expiry time')).trim(), / MES?Z$/);
  for (const text of await page.locator('article .meta time').allTextContents()) {
    assert.match(text, /^\d\d\.\d\d\.\d{4}, \d\d:\d\d MES?Z$/);
  }
  await shot(page, 'de-portal-dates');
  await context.close();
});

test('through the host\'s JSON API a date ends at 23:59 Zurich time too: creating and extending', async () => {
  // What is shared comes from the dialog's selection field, as the host's dialog sends it.
  const dialog = await action('external-sharing.share', state.caseId, {});
  assert.equal(dialog.status, 200, JSON.stringify(dialog.body));
  const field = (function find(node) {
    if (!node || typeof node !== 'object') return null;
    if (node.name === 'selection' && Array.isArray(node.groups)) return node;
    for (const value of Object.values(node)) {
      const found = find(value);
      if (found) return found;
    }
    return null;
  })(dialog.body);
  assert.ok(field, 'the share dialog has a selection field');
  const selection = Object.fromEntries(field.groups.map((g) => [g.name, {
    included: g.included !== false, items: (g.items || []).filter((i) => i.checked).map((i) => i.id),
  }]));
  const in10 = zurichDay(Date.now() + 10 * DAY);
  const created = await action('external-sharing.create', state.caseId, {
    recipient_name: 'Tom Weber', recipient_email: '', recipient_phone: '', protection: 'none',
    notify_on_open: false, advanced: true, download_limit: '', expires_on: isoDay(in10), selection,
  });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  const text = JSON.stringify(created.body);
  assert.ok(text.includes(`Der Link ist gültig bis ${germanDay(in10)}, 23:59.`), text);

  const panel = await api('GET', `/api/plugins/${PLUGIN}/panels/external-sharing.panel?case_id=${encodeURIComponent(state.caseId)}`);
  const table = panel.body.body.find((e) => e.type === 'table');
  const tom = table.rows.find((r) => r.cells.recipient.text.startsWith('Tom Weber'));
  // The end of the day ten calendar days on in Zurich is 10 to 11 days away, depending on the hour
  // the test runs at; the relative text rounds to whole days (just after midnight: "in 11 Tagen").
  assert.match(tom.cells.expires.text, new RegExp(`^${germanDay(in10).replaceAll('.', '\\.')}, 23:59 \\(in (10|11) Tagen\\)$`));

  const in30 = zurichDay(Date.now() + 30 * DAY);
  const extended = await action('external-sharing.save-expiry', state.caseId, {
    share_id: tom.id, expires_on: isoDay(in30), download_limit: '',
  });
  assert.equal(extended.status, 200, JSON.stringify(extended.body));
  assert.equal(extended.body.type, 'close');
  assert.equal(extended.body.notice.text, `Der Link läuft neu am ${germanDay(in30)}, 23:59 ab.`);
  assert.deepEqual(pageErrors, []);
});
