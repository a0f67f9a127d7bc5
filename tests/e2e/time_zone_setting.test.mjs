// End to end in headless Chromium: the organisation's time zone as a setting of the admin page
// (issue #18, point 7). The admin refuses nothing silently: an unknown zone is a sentence beside
// the field in the admin's language; a known one is kept, listed among the changes in words, and
// the caseworker's panel shows its times on the new clock at once.
//
// Screenshots go to $DM_E2E_ARTIFACTS/time_zone_setting/.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { PLUGIN, SharingDesk, shareCase, tableRows, until } from './sharing_desk.mjs';

// Demo data (sample-host/src/demo/demo_data.cpp): any case of the demo organisation.
const CASE = 'MH-2024-00003';

const world = new SharingDesk('time_zone_setting');
const { signIn, language, caseRow, openLinksTable, shot } = world;
let desk;
const state = {};

before(async () => {
  await world.start();
  ({ desk } = world);
});

after(() => world.stop());

// The minutes of the day of the "Created by" cell's time ("anna.meier, 7 Dec 2026, 01:53").
async function createdMinutes() {
  await openLinksTable(state.caseId);
  const [row] = await tableRows(desk.locator('.tab-panel .vm-table').first());
  const m = /(\d\d):(\d\d)$/.exec(row['Created by'] || row['Erstellt von'] || '');
  assert.ok(m, `a time in the Created by cell: ${JSON.stringify(row)}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

async function adminCard() {
  await desk.click('.nav-link[href="#/admin"]');
  const card = desk.locator(`.module-card[data-module-id="${PLUGIN}"]`);
  await card.locator('input[name=time_zone]').waitFor();
  return card;
}

async function submitZone(card, zone) {
  await card.locator('input[name=time_zone]').fill(zone);
  await card.locator('form.vm-form:has(input[name=time_zone]) button[type=submit]').click();
}

test('the organisation admin starts the free trial', async () => {
  await world.startTrial();
});

test('a caseworker shares a case; the panel shows Zurich time', async () => {
  await signIn('anna.meier', 'demo-anna');
  await language('en');
  const row = await caseRow(CASE);
  state.caseId = await row.getAttribute('data-case-id');
  await shareCase(desk, row, 'Lina Brunner', 'none');
  state.zurich = await createdMinutes();
});

test('the admin page refuses an unknown zone beside the field, in both languages', async () => {
  await signIn('claudia.frei', 'demo-claudia');
  for (const [lang, sentence] of [['de', /«Mars\/Base» ist keine Zeitzone/], ['en', /"Mars\/Base" is not a time zone/]]) {
    await language(lang);
    const card = await adminCard();
    assert.equal(await card.locator('input[name=time_zone]').inputValue(), 'Europe/Zurich', 'Zurich until chosen');
    await submitZone(card, 'Mars/Base');
    const field = card.locator('.field:has(input[name=time_zone])');
    await field.locator('.field-error').waitFor();
    assert.match(await field.locator('.field-error').textContent(), sentence);
    assert.equal(await desk.locator('.dialog').count(), 0, 'no dialog for the refusal');
  }
  await shot(desk, 'en-unknown-zone');
});

test('the admin chooses America/New_York: saved, listed among the changes in words', async () => {
  const card = await adminCard();
  await submitZone(card, 'America/New_York');
  await desk.waitForSelector('.toast:has-text("The time zone was saved.")');
  const fresh = await adminCard();
  await until('the page to show the new zone', async () => (await fresh.locator('input[name=time_zone]').inputValue()) === 'America/New_York');
  const changes = await tableRows(fresh.locator('.vm-table').last());
  const change = changes.find((r) => r.What === 'Time zone changed');
  assert.ok(change, `the change is listed: ${JSON.stringify(changes)}`);
  assert.equal(change.Details, 'Europe/Zurich → America/New_York');
  assert.equal(change.Who, 'Claudia Frei');
  await shot(desk, 'en-zone-changed');
  await language('de');
  const german = await tableRows((await adminCard()).locator('.vm-table').last());
  assert.ok(german.some((r) => r.Was === 'Zeitzone geändert'), JSON.stringify(german));
});

test('the caseworker\'s panel shows the same moment on New York time (6 hours earlier)', async () => {
  await signIn('anna.meier', 'demo-anna');
  await language('en');
  const newYork = await createdMinutes();
  // December: Zurich is UTC+1, New York UTC-5.
  assert.equal((state.zurich - newYork + 24 * 60) % (24 * 60), 6 * 60, `Zurich ${state.zurich} min, New York ${newYork} min`);
  await shot(desk, 'en-panel-new-york');
  assert.deepEqual(world.pageErrors, []);
});
