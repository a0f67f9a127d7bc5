// End to end in headless Chromium: the recipient's side of External Sharing as the owner and the
// recipient see it (issue #18, second round).
//
// Two links on one case: the owner's access log says which link each row belongs to, and names the
// recipient's browser ("HeadlessChrome on Linux") with its whole User-Agent string on demand; the
// owner's own visit to a link (the panel's "Private URL", after a preview) is shown as the owner's,
// not the recipient's, and records no "first opened" journal entry. One size format everywhere: the
// portal page and the panel's "Visible items" editor show the same size, with a decimal comma in
// German. Downloads carry a readable ASCII filename= for curl and older clients next to the exact
// filename*=UTF-8''… for browsers.
//
// Screenshots go to $DM_E2E_ARTIFACTS/round2_recipient/.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { SharingDesk, rowAction, shareCase, tableRows, until } from './sharing_desk.mjs';

const world = new SharingDesk('round2_recipient');
const { pageErrors, signIn, language, api, caseRow, openCaseTab } = world;
const shot = (page, name) => world.shot(page, name, { fullPage: true });

// Demo data (sample-host/src/demo/demo_data.cpp): case i has three attachments (a CSV, a PDF, a
// PNG) when i % 4 == 2, and the one attachment "Gesprächsnotiz.txt" when i % 4 == 1.
const CASE_TWO_LINKS = 'MH-2024-00002';
const CASE_UMLAUT_FILE = 'MH-2024-00005';

let host;
let browser;
let portalPort;
let staff;
let desk;
const state = {};

before(async () => {
  await world.start();
  ({ host, browser, portalPort, staff, desk } = world);
});

after(() => world.stop());

// ---- helpers --------------------------------------------------------------------------------

const linksTable = () => desk.locator('.tab-panel .vm-table').first();
const accessLogTable = () => desk.locator('.tab-panel .vm-table').nth(1);

// A direct link without protection for `recipientName`, made with the share dialog and not
// e-mailed; returns its URL.
async function createLink(number, recipientName) {
  const link = await shareCase(desk, await caseRow(number), recipientName, 'none');
  assert.match(link, new RegExp(`^http://127\\.0\\.0\\.1:${portalPort}/s/[A-Za-z0-9_-]{40,}$`));
  return link;
}

// Switches the language on the overview, not while a case's tab is still rendering.
async function backToOverviewIn(lang) {
  await desk.evaluate(() => { location.hash = '#/cases'; });
  await desk.waitForSelector('.toolbar input[type=search]');
  await language(lang);
  await desk.waitForSelector('.toolbar input[type=search]');
}

// The recipient: a fresh browser context, nobody's cookies.
const recipientOpens = (link, locale = 'en-GB') => world.recipientOpens(link, locale);

// The access log as [{column label: cell text}], newest first.
const accessLogRows = () => tableRows(accessLogTable());


function linkRow(name) {
  return linksTable().locator('tbody tr', { hasText: name });
}

async function firstOpenings(caseId, name) {
  const journal = await api(`/api/cases/${caseId}/journal`);
  assert.equal(journal.status, 200);
  return journal.body.entries.filter((e) => e.text.includes(name) &&
    /opened the link for the first time|hat den Link zum ersten Mal geöffnet/.test(e.text)).length;
}

// ---- tests ----------------------------------------------------------------------------------------

test('the organisation admin starts the free trial', async () => {
  await world.startTrial();
});

test('two links on one case: each access log row names its link\'s recipient', async () => {
  await signIn('anna.meier', 'demo-anna');
  await language('en');
  state.caseId = await (await caseRow(CASE_TWO_LINKS)).getAttribute('data-case-id');
  state.lina = await createLink(CASE_TWO_LINKS, 'Lina Brunner');
  state.tom = await createLink(CASE_TWO_LINKS, 'Tom Weber');

  state.linaRecipient = await recipientOpens(state.lina);
  await openCaseTab(state.caseId, 'External Sharing');
  let rows = await accessLogRows();
  assert.ok('Link' in rows[0], 'a "Link" column in the access log: ' + JSON.stringify(rows[0]));
  assert.deepEqual(rows.map((r) => [r.Link, r.What]), [['Lina Brunner', 'viewed']]);
  assert.equal(rows[0].Outcome, 'OK');
  // When and with what, as people say it; the browser's whole string one click away.
  assert.match(rows[0].When, /\((now|\d+ minutes? ago)\)$/, rows[0].When);
  const sent = await state.linaRecipient.page.evaluate(() => navigator.userAgent);
  const browserCell = () => accessLogTable().locator('tbody tr').first().locator('details.vm-cell-detail');
  assert.match(await browserCell().locator('summary').textContent(), /^(HeadlessChrome|Chrome) on Linux$/);
  assert.equal(await browserCell().locator('.vm-cell-detail-text').isVisible(), false, 'the string waits to be asked for');
  await browserCell().locator('summary').click();
  assert.equal(await browserCell().locator('.vm-cell-detail-text').textContent(), sent);
  assert.equal(await browserCell().locator('.vm-cell-detail-text').isVisible(), true);
  await shot(desk, 'en-access-log-browser');

  const tomRecipient = await recipientOpens(state.tom);
  await openCaseTab(state.caseId, 'External Sharing');
  rows = await accessLogRows();
  assert.deepEqual(rows.map((r) => r.Link).sort(), ['Lina Brunner', 'Tom Weber']);
  await shot(desk, 'en-access-log-two-links');
  await tomRecipient.context.close();

  await language('de');
  await openCaseTab(state.caseId, 'Externes Teilen');
  const german = await accessLogRows();
  assert.deepEqual(german.map((r) => r.Link).sort(), ['Lina Brunner', 'Tom Weber']);
  assert.deepEqual(german.map((r) => r.Was), ['angesehen', 'angesehen']);
  assert.match(await browserCell().locator('summary').textContent(), /^(HeadlessChrome|Chrome) auf Linux$/);
  await shot(desk, 'de-access-log-two-links');
  await backToOverviewIn('en');
});

test('the owner\'s own visit to a link after a preview is not the recipient\'s view', async () => {
  state.ben = await createLink(CASE_TWO_LINKS, 'Ben Keller');
  await openCaseTab(state.caseId, 'External Sharing');
  // A preview first (that is how the portal learns this browser is the organisation's) …
  const [preview] = await Promise.all([
    staff.waitForEvent('page'),
    linkRow('Ben Keller').locator('button:has-text("Preview")').click(),
  ]);
  await preview.waitForSelector('.preview');
  await preview.close();
  // … then the row's Private URL, clicked in the host.
  await openCaseTab(state.caseId, 'External Sharing');
  const privateUrl = linkRow('Ben Keller').locator('a.vm-link');
  assert.equal(await privateUrl.getAttribute('href'), state.ben);
  await privateUrl.click();
  await desk.waitForURL(state.ben);
  await desk.waitForSelector('ul.files');
  const banner = await desk.textContent('.owner-visit');
  assert.match(banner, /your own preview, not as the recipient's access/);
  await shot(desk, 'en-owner-visit-page');
  await desk.goBack();

  await openCaseTab(state.caseId, 'External Sharing');
  let ben = (await accessLogRows()).filter((r) => r.Link === 'Ben Keller');
  assert.deepEqual(ben.map((r) => r.What), ['Your organisation, not the recipient: viewed']);
  assert.equal(await firstOpenings(state.caseId, 'Ben Keller'), 0, 'no "first opened" entry for the owner\'s visit');
  await shot(desk, 'en-access-log-owner-visit');

  // The recipient's first visit is the first opening.
  const recipient = await recipientOpens(state.ben);
  assert.equal(await recipient.page.locator('.owner-visit').count(), 0);
  await recipient.context.close();
  await openCaseTab(state.caseId, 'External Sharing');
  ben = (await accessLogRows()).filter((r) => r.Link === 'Ben Keller');
  assert.deepEqual(ben.map((r) => r.What), ['viewed', 'Your organisation, not the recipient: viewed']);
  await until('the journal entry of the first opening', async () => (await firstOpenings(state.caseId, 'Ben Keller')) === 1);
});

test('a file has one size: the portal page and the panel\'s "Visible items" agree, German with a decimal comma', async () => {
  const sizesOnPortal = async (page) => Object.fromEntries(await page.locator('ul.files li').evaluateAll(
    (items) => items.map((li) => [li.querySelector('a').textContent.trim(), li.querySelector('.size').textContent.trim()])));
  const sizesInPanel = async () => {
    await openCaseTab(state.caseId, linksTitle());
    await rowAction(linkRow('Lina Brunner'), visibleItems());
    await desk.waitForSelector('.dialog .item-row');
    const sizes = Object.fromEntries(await desk.locator('.dialog .item-row').evaluateAll(
      (rows) => rows.map((r) => [r.querySelector('.item-title').textContent.trim(), (r.querySelector('.item-detail') || {}).textContent?.trim()])));
    await desk.click('.dialog .dialog-header .icon-button');
    return sizes;
  };
  let lang = 'en';
  const linksTitle = () => (lang === 'en' ? 'External Sharing' : 'Externes Teilen');
  const visibleItems = () => (lang === 'en' ? 'Visible items' : 'Sichtbare Einträge');

  const attachments = (await api(`/api/cases/${state.caseId}/attachments`)).body.attachments;
  assert.equal(attachments.length, 3);
  const english = await sizesOnPortal(state.linaRecipient.page);
  const englishPanel = await sizesInPanel();
  for (const a of attachments) {
    assert.match(english[a.name], /^\d+(\.\d)? (bytes|kB|MB)$/, `${a.name}: ${english[a.name]}`);
    assert.equal(englishPanel[a.name], english[a.name], `${a.name}: the panel says what the portal says`);
  }

  const germanRecipient = await recipientOpens(state.lina, 'de-CH');
  const german = await sizesOnPortal(germanRecipient.page);
  await shot(germanRecipient.page, 'de-portal-sizes');
  await germanRecipient.context.close();
  lang = 'de';
  await language('de');
  const germanPanel = await sizesInPanel();
  await backToOverviewIn('en');
  for (const a of attachments) {
    assert.equal(german[a.name], english[a.name].replace('.', ',').replace('bytes', 'Bytes'), a.name);
    assert.equal(germanPanel[a.name], german[a.name], `${a.name}: das Panel sagt, was das Portal sagt`);
  }
  assert.ok(Object.values(german).some((s) => /^\d+,\d (kB|MB)$/.test(s)), 'a decimal comma: ' + JSON.stringify(german));
});

test('downloads carry a readable ASCII filename= for curl and old clients, the exact name for browsers', async () => {
  const caseId = await (await caseRow(CASE_UMLAUT_FILE)).getAttribute('data-case-id');
  const link = await createLink(CASE_UMLAUT_FILE, 'Lina Brunner');
  const [file] = (await api(`/api/cases/${caseId}/attachments`)).body.attachments;
  assert.equal(file.name, 'Gesprächsnotiz.txt');

  // Over HTTP as curl sees it (a link without protection needs no session).
  const r = await fetch(`${link}/files/${encodeURIComponent(file.id)}`);
  assert.equal(r.status, 200);
  const disposition = r.headers.get('content-disposition');
  assert.equal(disposition,
    'attachment; filename="Gespraechsnotiz.txt"; filename*=UTF-8\'\'Gespr%C3%A4chsnotiz.txt');
  await r.arrayBuffer();
  const zip = await fetch(`${link}/all.zip`);
  assert.equal(zip.status, 200);
  assert.match(zip.headers.get('content-disposition'), /^attachment; filename="[ -~]+\.zip"; filename\*=UTF-8''/);
  await zip.arrayBuffer();

  // And Chromium still saves under the exact name.
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(link);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click(`ul.files li a:text-is(${JSON.stringify(file.name)})`),
  ]);
  assert.equal(download.suggestedFilename(), file.name);
  await context.close();
});

test('no script errors on any page', () => {
  assert.deepEqual(pageErrors, []);
});
