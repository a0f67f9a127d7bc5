// End to end in headless Chromium: a preview belongs to its link, not to the browser session
// (issue #18, defect 1).
//
// The owner opens the previews of two links of one case in two tabs of one browser, hides an
// attachment in the first, and reloads both: each tab still shows its own recipient's link, the
// hide landed on the first link only (in its preview and for its recipient), and the second
// link's recipient still sees everything. Once the second link is revoked, its preview says so.
//
// Screenshots go to $DM_E2E_ARTIFACTS/preview_links/.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { SharingDesk, rowAction, shareCase, until } from './sharing_desk.mjs';

const world = new SharingDesk('preview_links');
const { pageErrors, signIn, language, caseRow, openCaseTab } = world;
const shot = (page, name) => world.shot(page, name, { fullPage: true });

// Demo data (sample-host/src/demo/demo_data.cpp): case i has three attachments (a CSV, a PDF, a
// PNG) when i % 4 == 2.
const CASE = 'MH-2024-00006';
const FIRST = 'Mara Roth';
const SECOND = 'Noah Frey';

let browser;
let staff;
let desk;
const state = {};

before(async () => {
  await world.start();
  ({ browser, staff, desk } = world);
});

after(() => world.stop());

const linksTable = () => desk.locator('.tab-panel .vm-table').first();
const linkRow = (name) => linksTable().locator('tbody tr', { hasText: name });
// The names of the listed files: their download links (a PDF or an image also has "View").
const attachmentNames = (page) => page.locator('ul.files li a[download]').allTextContents();
const bannerOf = (page) => page.textContent('p.preview');

// The row's Preview opens the link's preview in a new tab of the desk's browser.
async function openPreview(name) {
  await openCaseTab(state.caseId, 'External Sharing');
  const [preview] = await Promise.all([
    staff.waitForEvent('page'),
    linkRow(name).locator('button:has-text("Preview")').click(),
  ]);
  preview.setDefaultTimeout(20000);
  preview.on('pageerror', (e) => pageErrors.push('preview: ' + String(e)));
  await preview.waitForSelector('ul.files');
  return preview;
}

// What the recipient of `link` sees: a fresh browser context, nobody's cookies.
async function recipientSees(link) {
  const context = await browser.newContext({ locale: 'en-GB' });
  try {
    const page = await context.newPage();
    assert.equal((await page.goto(link)).status(), 200);
    await page.waitForSelector('ul.files');
    return (await attachmentNames(page)).sort();
  } finally {
    await context.close();
  }
}

test('the organisation admin starts the free trial', async () => {
  await world.startTrial();
});

test('previews of two links in two tabs: "Hide" in the first acts on the first link only', async () => {
  await signIn('anna.meier', 'demo-anna');
  await language('en');
  state.caseId = await (await caseRow(CASE)).getAttribute('data-case-id');
  state.first = await shareCase(desk, await caseRow(CASE), FIRST, 'none');
  state.second = await shareCase(desk, await caseRow(CASE), SECOND, 'none');
  const everything = await recipientSees(state.first);
  assert.equal(everything.length, 3, 'the case has three attachments: ' + everything);

  const first = await openPreview(FIRST);
  const second = await openPreview(SECOND);

  // "Hide" in the first tab, opened before the second (issue #18: "The form has expired").
  const hidden = everything[0];
  const item = first.locator(`ul.files li:has(a:text-is(${JSON.stringify(hidden)}))`);
  await item.locator('form.hide button').click();
  await first.waitForSelector('main p.error, ul.files');
  assert.equal(await first.locator('main p.error').count(), 0, 'the hide was refused: ' + (await first.textContent('main')));
  await until('the first preview to drop the hidden file', async () => !(await attachmentNames(first)).includes(hidden));
  await shot(first, 'en-first-preview-after-hide');

  // Both reloaded: each still shows its own recipient's link, at its own address.
  assert.notEqual(first.url(), second.url(), 'each preview has its own address');
  await first.reload();
  await second.reload();
  await first.waitForSelector('ul.files');
  await second.waitForSelector('ul.files');
  const firstBanner = await bannerOf(first);
  const secondBanner = await bannerOf(second);
  assert.match(firstBanner, new RegExp(`Preview of the link for ${FIRST}`));
  assert.doesNotMatch(firstBanner, new RegExp(SECOND));
  assert.match(secondBanner, new RegExp(`Preview of the link for ${SECOND}`));
  assert.doesNotMatch(secondBanner, new RegExp(FIRST));
  assert.deepEqual((await attachmentNames(first)).sort(), everything.filter((n) => n !== hidden));
  assert.deepEqual((await attachmentNames(second)).sort(), everything);
  await shot(second, 'en-second-preview-untouched');

  // And so for the recipients.
  assert.deepEqual(await recipientSees(state.first), everything.filter((n) => n !== hidden));
  assert.deepEqual(await recipientSees(state.second), everything);
  state.firstPreview = first;
  state.secondPreview = second;
});

test('the preview of a revoked link says so, and the other preview goes on', async () => {
  await openCaseTab(state.caseId, 'External Sharing');
  await rowAction(linkRow(SECOND), 'Revoke');
  await desk.waitForSelector('.dialog .confirm-text');
  await desk.click('.dialog .button-row .button-danger');
  await desk.waitForSelector('.dialog .confirm-text', { state: 'detached' });

  const second = state.secondPreview;
  const answer = await second.reload();
  assert.equal(answer.status(), 410);
  const text = await second.textContent('main');
  assert.match(text, new RegExp(`Preview of the link for ${SECOND}`));
  assert.match(text, /This link has been revoked/);
  assert.equal(await second.locator('ul.files').count(), 0, 'nothing of the revoked link is shown');
  await shot(second, 'en-revoked-link-preview');

  const first = state.firstPreview;
  await first.reload();
  await first.waitForSelector('ul.files');
  assert.match(await bannerOf(first), new RegExp(FIRST));
  assert.deepEqual(pageErrors, []);
});
