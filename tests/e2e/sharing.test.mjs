// End to end in headless Chromium: the External Sharing module in the sample host, from the
// caseworker's side and the recipient's side.
//
// The organisation admin starts the free trial; a caseworker turns on the "External Sharing"
// column, right-clicks a case name, shares with password + security code, previews, sends the link
// by e-mail; the recipient opens the link in a fresh browser, types the password, requests the code,
// reads it from the dev spool, sees the case, downloads one file (SHA-256 checked against the host)
// and everything as a zip (`unzip -t`); the caseworker follows the access log, hides items (panel
// editor and the preview's "Hide"), extends the link, sees the column icon, revokes, and the link
// answers like an unknown one. Then the main path once more in German, a field error, a double
// click on "Share", a download limit under "Advanced options" and "Change protection" (which ends
// the recipient's session; removing the protection asks first), and a case of another
// organisation.
//
// Every step leaves a screenshot in $DM_E2E_ARTIFACTS/sharing/ (docs/images/ takes copies of some).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { PLUGIN, SharingDesk, rowAction, until } from './sharing_desk.mjs';
import { zipEntries } from './zip_reader.mjs';

const COLUMN_CLASS = 'col-' + (PLUGIN + '/external-sharing.active-shares').replace(/[^a-z0-9_-]/gi, '-');
const world = new SharingDesk('sharing', { acceptDownloads: true });
const { artifacts, pageErrors, shot, signIn, language, api, caseRow, openCaseTab, spoolFiles } = world;

// Cases of the demo data (sample-host/src/demo/demo_data.cpp): number i has three attachments when
// i % 4 == 2, an e-mail address unless i % 10 == 3, a phone number when i % 5 < 3, and is closed
// when i % 7 == 0.
const CASE_EN = 'MH-2024-00002';  // phone + e-mail, three attachments: the main path
const CASE_DE = 'MH-2024-00006';  // phone + e-mail: the main path in German
const CASE_FORM = 'MH-2024-00018'; // e-mail, no phone: field error and double click
const CASE_MORE = 'MH-2024-00010'; // phone + e-mail: download limit, change of protection
const OTHER_ORG_CASE = 'BS-2024-00002';

let host;
let browser;
let portalPort;
let staff;       // the organisation's people: one browser context, one page
let desk;
const actionPosts = [];
const state = {};

before(async () => {
  await world.start();
  ({ host, browser, portalPort, staff, desk } = world);
  desk.on('request', (r) => { if (r.method() === 'POST' && r.url().includes('/actions/')) actionPosts.push(new URL(r.url()).pathname); });
});

after(() => world.stop());

// ---- helpers --------------------------------------------------------------------------------

async function caseId(number) {
  return (await caseRow(number)).getAttribute('data-case-id');
}

const linksTable = () => desk.locator('.tab-panel .vm-table').first();

async function openShareDialog(number, actionTitle) {
  const row = await caseRow(number);
  await row.locator('.case-link').click({ button: 'right' });
  await desk.waitForSelector(`.context-menu .menu-item:has-text("${actionTitle}")`);
  return async (name) => {
    if (name) await shot(desk, name);
    await desk.click(`.context-menu .menu-item:has-text("${actionTitle}")`);
    await desk.waitForSelector('.dialog form.vm-form input[name=expires_on]');
  };
}

function decodeQuotedPrintable(text) {
  return text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
}

async function newSpoolFile(kind, known, timeoutMs) {
  return until(`a new file in ${kind}/`, () => spoolFiles(kind).find((f) => !known.includes(f)), timeoutMs, 200);
}

const sha256 = (buffer) => createHash('sha256').update(buffer).digest('hex');

// The recipient: a fresh browser context (no cookie of anyone), password, code from the spool.
async function recipientSignIn(link, password, locale, prefix) {
  const { context, page } = await world.recipientOpens(link, locale, 'form[action$="/password"] input#password', { acceptDownloads: true });
  await shot(page, prefix + '-recipient-password');
  await page.fill('#password', password);
  await page.click('form[action$="/password"] button[type=submit]');
  await page.waitForSelector('form[action$="/code/send"] button');
  await shot(page, prefix + '-recipient-code-request');
  const knownSms = spoolFiles('sms');
  await page.click('form[action$="/code/send"] button');
  await page.waitForURL(/\?sent$/);
  // The outbox worker delivers right away when woken, else at its next poll (30 s at most).
  const file = await newSpoolFile('sms', knownSms, 45000);
  const sms = JSON.parse(readFileSync(join(host.spool, 'sms', file), 'utf8'));
  const code = /(\d{5,8})/.exec(sms.text)?.[1];
  assert.ok(code, 'a code in the SMS: ' + sms.text);
  await page.fill('#code', code);
  await shot(page, prefix + '-recipient-code-entry');
  await page.click('form[action$="/code"] button[type=submit]');
  await page.waitForURL((u) => u.href === link);
  return { context, page, code, sms };
}

// The names of the listed files: their download links (a PDF or an image also has "View").
async function recipientAttachmentNames(page) {
  return page.locator('ul.files li a[download]').allTextContents();
}


async function confirmRevoke(row, revokeLabel) {
  await rowAction(row, revokeLabel);
  await desk.waitForSelector('.dialog .confirm-text');
  return async (name) => {
    if (name) await shot(desk, name);
    await desk.click('.dialog .button-row .button-danger');
    await desk.waitForSelector('.dialog .confirm-text', { state: 'detached' });
  };
}

async function deadLinkAnswer(url) {
  const r = await fetch(url, { redirect: 'manual' });
  return { status: r.status, type: r.headers.get('content-type'), body: await r.text() };
}

// ---- the organisation admin -------------------------------------------------------------------

test('the module is off until the organisation admin starts the free trial', async () => {
  await signIn('claudia.frei', 'demo-claudia');
  await language('de');
  state.caseEn = await caseId(CASE_EN);
  const before = await api('/api/plugins/contributions?case_id=' + state.caseEn);
  const mine = before.body.plugins.find((p) => p.id === PLUGIN);
  assert.ok(mine, 'the module is loaded: ' + JSON.stringify(before.body));
  assert.deepEqual(mine.actions, [], 'no share action while the module is off');

  await desk.click('.nav-link[href="#/admin"]');
  const card = desk.locator(`.module-card[data-module-id="${PLUGIN}"]`);
  await card.locator('.module-panel .vm-pairs').first().waitFor();
  await shot(desk, 'de-01-admin-before-trial', { fullPage: true });
  await language('en');
  await card.locator('.module-panel button:has-text("Start free trial month")').waitFor();
  await shot(desk, 'en-01-admin-before-trial', { fullPage: true });
  await card.locator('.module-panel button:has-text("Start free trial month")').click();
  await desk.waitForSelector('.toast:has-text("The free trial month has started.")');
  await card.locator('.module-panel :text("Free trial")').first().waitFor();
  assert.equal(await card.locator('.module-panel button:has-text("Start free trial month")').count(), 0);
  await shot(desk, 'en-02-admin-trial-running', { fullPage: true });

  const after = await api('/api/plugins/contributions?case_id=' + state.caseEn);
  assert.equal(after.body.plugins.find((p) => p.id === PLUGIN).actions.length, 1, 'the share action once active');
});

// ---- the caseworker: English main path -------------------------------------------------------

test('a caseworker switches on the "External Sharing" column', async () => {
  await signIn('anna.meier', 'demo-anna');
  await language('en');
  await caseRow(CASE_EN);
  await desk.click('#column-chooser');
  await desk.waitForSelector('.dialog .column-choices');
  const box = desk.locator(`#${COLUMN_CLASS}`);
  assert.equal(await box.isChecked(), false, 'the column is off by default');
  await box.check();
  await shot(desk, 'en-03-column-chooser');
  await desk.click('.dialog .button-primary:has-text("OK")');
  await desk.waitForSelector('.case-table thead th:has-text("External Sharing")');
  await desk.waitForSelector(`.case-table tbody td.${COLUMN_CLASS}`);
  assert.equal(await desk.locator(`.case-table tbody td.${COLUMN_CLASS} .plugin-cell`).count(), 0, 'no case is shared yet');
});

test('right-click on the case name → "Share with external person": password + code, prefilled recipient', async () => {
  const details = await api('/api/cases/' + state.caseEn);
  state.correspondent = details.body.correspondent;
  assert.ok(state.correspondent.phone && state.correspondent.email, 'the demo case has phone and e-mail');
  const open = await openShareDialog(CASE_EN, 'Share with external person');
  await open('en-04-context-menu');
  assert.equal(await desk.inputValue('.dialog input[name=recipient_name]'), state.correspondent.name);
  assert.equal(await desk.inputValue('.dialog input[name=recipient_email]'), state.correspondent.email);
  assert.equal(await desk.inputValue('.dialog input[name=recipient_phone]'), state.correspondent.phone);
  await desk.check('.dialog input[type=radio][value=both]');
  await desk.locator('.dialog input[name=password]').waitFor({ state: 'visible' });
  await desk.click('.dialog button:has-text("Generate")');
  state.password = await desk.inputValue('.dialog input[name=password]');
  assert.equal(state.password.length, 16);
  assert.match(await desk.textContent('.dialog'), /SMS/, 'the code goes by SMS to the known phone');
  await shot(desk, 'en-05-share-dialog');
  await shot(desk, 'en-05-share-dialog-full', { fullPage: true });

  await desk.click('.dialog button[type=submit]:has-text("Share")');
  await desk.waitForSelector('.dialog .notice-success:has-text("Link created")');
  state.link = await desk.getAttribute('.dialog a.vm-link', 'href');
  assert.match(state.link, new RegExp(`^http://127\\.0\\.0\\.1:${portalPort}/s/[A-Za-z0-9_-]{40,}$`));
  assert.ok(await desk.locator('.dialog .copy-button').count(), 'a copy button next to the link');
  await shot(desk, 'en-06-share-result');
});

test('the preview shows what the recipient will see, with "Hide" buttons', async () => {
  const [preview] = await Promise.all([
    staff.waitForEvent('page'),
    desk.click('.dialog button:has-text("Preview")'),
  ]);
  await preview.waitForSelector('.preview');
  assert.match(preview.url(), /\/preview\/[0-9a-f]{32}$/);
  assert.ok(await preview.locator('form.hide button').count() > 0, 'hide buttons in the preview');
  state.attachments = (await api(`/api/cases/${state.caseEn}/attachments`)).body.attachments;
  assert.equal(state.attachments.length, 3);
  assert.deepEqual((await recipientAttachmentNames(preview)).sort(), state.attachments.map((a) => a.name).sort());
  await shot(preview, 'en-07-preview');
  await preview.close();
});

test('the link goes out by e-mail and lands in the dev mailbox', async () => {
  const knownMail = spoolFiles('mail');
  assert.equal(await desk.locator('.dialog input[name=send_email]').isChecked(), true);
  await desk.click('.dialog form.vm-form button[type=submit]');
  await desk.waitForSelector('.toast:has-text("queued for sending")');
  assert.equal(await desk.locator('.dialog').count(), 0);
  const file = await newSpoolFile('mail', knownMail, 20000);
  const mail = decodeQuotedPrintable(readFileSync(join(host.spool, 'mail', file), 'utf8'));
  assert.match(mail, new RegExp('^To: .*' + state.correspondent.email.replace(/\./g, '\\.'), 'mi'));
  assert.ok(mail.includes(state.link), 'the e-mail carries the link');
  await desk.evaluate(() => { location.hash = '#/mailbox'; });
  await desk.waitForSelector('.mail-subject');
  await shot(desk, 'en-08-dev-mailbox-link');
});

test('the recipient opens the link in a fresh browser: password, code by SMS, the case', async () => {
  const r = await recipientSignIn(state.link, state.password, 'en-GB', 'en-09');
  state.recipient = r;
  const page = r.page;
  await page.waitForSelector('ul.files');
  assert.match(await page.textContent('main h1'), /Shared case information/);
  assert.deepEqual((await recipientAttachmentNames(page)).sort(), state.attachments.map((a) => a.name).sort());
  assert.ok(await page.locator('dl dt').count() > 0, 'case details are shown');
  assert.equal(await page.locator('form.hide').count(), 0, 'no hide buttons for the recipient');
  await shot(page, 'en-10-recipient-view');
  await shot(page, 'en-10-recipient-view-full', { fullPage: true });
});

test('the recipient downloads one attachment: the bytes are the host\'s', async () => {
  const page = state.recipient.page;
  const wanted = state.attachments.find((a) => a.name.endsWith('.pdf')) || state.attachments[0];
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click(`ul.files li a:text-is(${JSON.stringify(wanted.name)})`),
  ]);
  assert.equal(download.suggestedFilename(), wanted.name);
  const saved = join(artifacts, 'download-' + wanted.id + '.bin');
  await download.saveAs(saved);
  const bytes = readFileSync(saved);
  assert.equal(bytes.length, wanted.size);
  assert.equal(sha256(bytes), wanted.sha256, 'SHA-256 of the download equals the host\'s');
  // And the host serves the same bytes to the caseworker.
  const fromHost = await desk.evaluate(async (p) => {
    const b = new Uint8Array(await (await fetch(p)).arrayBuffer());
    return Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', b))).map((x) => x.toString(16).padStart(2, '0')).join('');
  }, `/api/cases/${state.caseEn}/attachments/${wanted.id}/content`);
  assert.equal(fromHost, wanted.sha256);
});

test('"download all" gives a zip that unzip accepts, with every attachment and a summary', async () => {
  const page = state.recipient.page;
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('a.button[href$="/all.zip"]'),
  ]);
  const saved = join(artifacts, 'all.zip');
  await download.saveAs(saved);
  const test = execFileSync('unzip', ['-t', saved], { encoding: 'utf8' });
  assert.match(test, /No errors detected/);
  const entries = zipEntries(saved);
  const names = entries.map((e) => e.name);
  for (const a of state.attachments) {
    const entry = entries.find((e) => e.name === a.name);
    assert.ok(entry, `${a.name} in the zip: ${JSON.stringify(names)}`);
    assert.equal(entry.size, a.size);
  }
  assert.ok(names.some((n) => /summary\.html$/.test(n)), 'a printable summary: ' + JSON.stringify(names));
  assert.equal(entries.length, state.attachments.length + 1);
});

test('the caseworker sees the link and every access in the case\'s "External Sharing" tab', async () => {
  await openCaseTab(state.caseEn, 'External Sharing');
  const tabs = await desk.locator('.tabs .tab').allTextContents();
  assert.match(tabs[tabs.length - 1], /External Sharing/, 'the tab is right-most');
  const rows = linksTable().locator('tbody tr');
  assert.equal(await rows.count(), 1);
  const row = rows.first();
  assert.match(await row.textContent(), new RegExp(state.correspondent.email.replace(/\./g, '\\.')));
  assert.match(await row.textContent(), /Password and security code/);
  assert.match(await row.textContent(), /active/);
  state.shareId = await row.getAttribute('data-row-id');
  const log = await desk.textContent('.tab-panel');
  for (const what of ['password entered', 'code requested', 'code entered', 'viewed', 'downloaded', 'downloaded all (zip)']) {
    assert.ok(log.includes(what), `"${what}" in the access log`);
  }
  await shot(desk, 'en-11-panel-access-log', { fullPage: true });
  await shot(desk, 'en-11-panel-access-log-top');

  // The password can be shown again (the sources require it).
  await rowAction(row, 'Show password');
  await desk.waitForSelector('.dialog .vm-pairs');
  assert.equal((await desk.textContent('.dialog .vm-pairs dd')).trim(), state.password);
  await desk.click('.dialog .dialog-header .icon-button');
});

test('hiding items: the panel\'s "Visible items" editor and the preview\'s "Hide"', async () => {
  const csv = state.attachments.find((a) => a.name.endsWith('.csv'));
  const png = state.attachments.find((a) => a.name.endsWith('.png'));
  assert.ok(csv && png);
  const row = linksTable().locator('tbody tr').first();
  await rowAction(row, 'Visible items');
  await desk.waitForSelector('.dialog .item-row');
  const toggle = desk.locator(`.dialog input.switch[aria-label=${JSON.stringify(csv.name)}]`);
  assert.equal(await toggle.isChecked(), true);
  await toggle.uncheck();
  await shot(desk, 'en-12-visible-items');
  await desk.click('.dialog form.vm-form button[type=submit]');
  await desk.waitForSelector('.dialog', { state: 'detached' });

  const recipient = state.recipient.page;
  await recipient.reload();
  await recipient.waitForSelector('ul.files');
  let names = await recipientAttachmentNames(recipient);
  assert.ok(!names.includes(csv.name), 'hidden in the editor: gone for the recipient');
  assert.ok(names.includes(png.name));
  // A hidden item does not exist for the recipient, not even by its address.
  // (The portal's CSP forbids fetch() in its pages: ask with the recipient context's cookies.)
  const direct = await state.recipient.context.request.get(state.link + '/files/' + csv.id, { maxRedirects: 0 });
  assert.equal(direct.status(), 404);

  await openCaseTab(state.caseEn, 'External Sharing');
  const [preview] = await Promise.all([
    staff.waitForEvent('page'),
    linksTable().locator('tbody tr').first().locator('button:has-text("Preview")').click(),
  ]);
  await preview.waitForSelector('.preview');
  const item = preview.locator(`ul.files li:has(a:text-is(${JSON.stringify(png.name)}))`);
  await item.waitFor();
  await shot(preview, 'en-13-preview-hide');
  await item.locator('form.hide button').click();
  await preview.waitForSelector('.preview');
  await until('the preview to drop the hidden file', async () => !(await recipientAttachmentNames(preview)).includes(png.name));
  await preview.close();

  await recipient.reload();
  await recipient.waitForSelector('ul.files');
  names = await recipientAttachmentNames(recipient);
  assert.deepEqual(names, state.attachments.filter((a) => a !== csv && a !== png).map((a) => a.name));
  await shot(recipient, 'en-14-recipient-after-hide');
});

test('extending the link moves its expiry date', async () => {
  await openCaseTab(state.caseEn, 'External Sharing');
  const row = linksTable().locator('tbody tr').first();
  const before = await row.textContent();
  await rowAction(row, 'Extend');
  await desk.waitForSelector('.dialog input[name=expires_on]');
  const d = new Date(Date.now() + 30 * 86400000).toISOString().slice(0, 10);
  await desk.fill('.dialog input[name=expires_on]', d);
  await shot(desk, 'en-15-extend');
  await desk.click('.dialog form.vm-form button[type=submit]');
  await desk.waitForSelector('.dialog', { state: 'detached' });
  await until('the panel to show the new expiry', async () => {
    const text = await linksTable().locator('tbody tr').first().textContent().catch(() => '');
    return text !== before && text.includes(d.slice(0, 4));
  });
});

test('the case list shows the icon on the shared case', async () => {
  const row = await caseRow(CASE_EN);
  const cell = row.locator(`td.${COLUMN_CLASS} .plugin-cell`);
  await cell.waitFor();
  assert.match(await cell.getAttribute('title'), /1 active link/);
  assert.equal(await desk.locator(`.case-table tbody td.${COLUMN_CLASS} .plugin-cell`).count(), 1);
  await desk.fill('.toolbar input[type=search]', '');
  await until('the full overview', async () => (await desk.locator('.case-table tbody tr').count()) > 1);
  await desk.locator(`.case-table tbody td.${COLUMN_CLASS} .plugin-cell`).first().waitFor();
  await shot(desk, 'en-16-case-list-column');
});

test('revoking (from the ⋯ menu, confirm) kills the link at once: same answer as an unknown link', async () => {
  await openCaseTab(state.caseEn, 'External Sharing');
  const row = linksTable().locator('tbody tr').first();
  const confirm = await confirmRevoke(row, 'Revoke');
  await confirm('en-17-revoke-confirm');
  await until('the revoked badge', async () => /revoked/.test(await linksTable().locator('tbody tr').first().textContent()));
  assert.equal(await linksTable().locator('tbody tr').first().locator('.vm-menu-button').count(), 0, 'no actions left');
  await shot(desk, 'en-18-panel-revoked');

  const recipient = state.recipient.page;
  const response = await recipient.reload();
  const unknown = state.link.replace(/\/s\/.*$/, '/s/' + 'A'.repeat(43));
  const [revoked, never] = await Promise.all([deadLinkAnswer(state.link), deadLinkAnswer(unknown)]);
  assert.equal(response.status(), never.status);
  assert.equal(revoked.status, never.status);
  assert.equal(revoked.type, never.type);
  assert.equal(revoked.body, never.body);
  assert.equal(await recipient.content().then((h) => h.includes('Link not available')), true);
  await shot(recipient, 'en-19-recipient-dead-link');
  // The recipient's session cookie dies with the share: the zip is gone too.
  const zip = await state.recipient.context.request.get(state.link + '/all.zip', { maxRedirects: 0 });
  assert.equal(zip.status(), never.status);
  assert.equal(await zip.text(), never.body);
  await state.recipient.context.close();

  const listRow = await caseRow(CASE_EN);
  await listRow.locator(`td.${COLUMN_CLASS}`).waitFor();
  await until('the column icon to disappear', async () => (await listRow.locator(`td.${COLUMN_CLASS} .plugin-cell`).count()) === 0);
});

// ---- the same path in German -------------------------------------------------------------------

test('der Hauptweg auf Deutsch: teilen, Passwort, Code, Ansicht, beenden', async () => {
  await language('de');
  state.caseDe = await caseId(CASE_DE);
  const corr = (await api('/api/cases/' + state.caseDe)).body.correspondent;
  assert.ok(corr.phone);
  await desk.click('#column-chooser');
  await desk.waitForSelector('.dialog .column-choices');
  await shot(desk, 'de-03-spaltenauswahl');
  await desk.click('.dialog .dialog-header .icon-button');
  const open = await openShareDialog(CASE_DE, 'Fall mit externer Person teilen');
  await open('de-04-kontextmenue');
  await desk.check('.dialog input[type=radio][value=both]');
  await desk.click('.dialog button:has-text("Generieren")');
  const password = await desk.inputValue('.dialog input[name=password]');
  assert.match(await desk.textContent('.dialog'), /Sicherheitscode per SMS/);
  await shot(desk, 'de-05-teilen-dialog');
  await desk.click('.dialog button[type=submit]:has-text("Teilen")');
  await desk.waitForSelector('.dialog .notice-success:has-text("Link erstellt")');
  const link = await desk.getAttribute('.dialog a.vm-link', 'href');
  assert.match(await desk.textContent('.dialog'), /Per E-Mail senden/);
  await shot(desk, 'de-06-link-erstellt');
  // Only copy the link this time: close without sending.
  await desk.click('.dialog form.vm-form button:has-text("Schliessen")');
  await desk.waitForSelector('.dialog', { state: 'detached' });

  const { context, page } = await recipientSignIn(link, password, 'de-CH', 'de-09');
  await page.waitForSelector('ul.files');
  assert.match(await page.textContent('main h1'), /Geteilte Falldaten/);
  assert.match(await page.textContent('body'), /Alles als ZIP herunterladen/);
  await shot(page, 'de-10-ansicht');

  await openCaseTab(state.caseDe, 'Externes Teilen');
  const row = linksTable().locator('tbody tr').first();
  assert.match(await row.textContent(), /aktiv/);
  const panel = await desk.textContent('.tab-panel');
  assert.match(panel, /Zugriffsprotokoll/);
  assert.match(panel, /angesehen/);
  await shot(desk, 'de-11-reiter-externes-teilen', { fullPage: true });
  const confirm = await confirmRevoke(row, 'Beenden');
  await confirm('de-17-beenden');
  await until('den Status "beendet"', async () => /beendet/.test(await linksTable().locator('tbody tr').first().textContent()));

  const response = await page.reload();
  assert.equal(response.status(), 404);
  assert.match(await page.textContent('body'), /Link nicht verfügbar/);
  await shot(page, 'de-19-link-beendet');
  await context.close();
  await desk.evaluate(() => { location.hash = '#/mailbox'; });
  await desk.waitForSelector('.sms-text');
  await shot(desk, 'de-08-dev-postfach');
  await language('en');
});

// ---- form rules ----------------------------------------------------------------------------------

test('a field error is shown next to its field; a double click on "Share" creates one link', async () => {
  state.caseForm = await caseId(CASE_FORM);
  const open = await openShareDialog(CASE_FORM, 'Share with external person');
  await open();
  // Passes the browser's own e-mail check, not the module's (no top-level domain).
  await desk.fill('.dialog input[name=recipient_email]', 'lea.mueller@localhost');
  await desk.check('.dialog input[type=radio][value=password]');
  await desk.click('.dialog button:has-text("Generate")');
  await desk.click('.dialog button[type=submit]:has-text("Share")');
  const field = desk.locator('.dialog .field.field-invalid:has(input[name=recipient_email])');
  await field.locator('.field-error').waitFor();
  assert.match(await field.locator('.field-error').textContent(), /e-mail/i);
  assert.equal(await desk.locator('.dialog .field-error').count(), 1, 'only that field is marked');
  assert.equal(await desk.inputValue('.dialog input[name=recipient_email]'), 'lea.mueller@localhost', 'the input is kept');
  await shot(desk, 'en-20-field-error');

  await desk.fill('.dialog input[name=recipient_email]', 'lea.mueller@example.org');
  if ((await desk.inputValue('.dialog input[name=password]')) === '') await desk.click('.dialog button:has-text("Generate")');
  const creates = () => actionPosts.filter((p) => p.endsWith('/external-sharing.create')).length;
  const before = creates();
  await desk.dblclick('.dialog button[type=submit]:has-text("Share")');
  await desk.waitForSelector('.dialog .notice-success');
  assert.equal(creates() - before, 1, 'one request for a double click');
  await desk.click('.dialog form.vm-form button:has-text("Close")');
  await desk.waitForSelector('.dialog', { state: 'detached' });
  await openCaseTab(state.caseForm, 'External Sharing');
  assert.equal(await linksTable().locator('tbody tr').count(), 1, 'exactly one link in the panel');
});

// ---- download limit and change of protection ------------------------------------------------------

test('a download limit under "Advanced options"; "Change protection" ends the recipient\'s session', async () => {
  state.caseMore = await caseId(CASE_MORE);
  const open = await openShareDialog(CASE_MORE, 'Share with external person');
  await open();
  await desk.check('.dialog input[type=radio][value=password]');
  await desk.click('.dialog button:has-text("Generate")');
  const password = await desk.inputValue('.dialog input[name=password]');
  assert.equal(await desk.locator('.dialog input[name=download_limit]').isVisible(), false, 'hidden until asked for');
  await desk.check('.dialog input[name=advanced]');
  await desk.fill('.dialog input[name=download_limit]', '3');
  await shot(desk, 'en-21-share-dialog-download-limit');
  await desk.click('.dialog button[type=submit]:has-text("Share")');
  await desk.waitForSelector('.dialog .notice-success:has-text("Link created")');
  const link = await desk.getAttribute('.dialog a.vm-link', 'href');
  await desk.click('.dialog form.vm-form button:has-text("Close")');
  await desk.waitForSelector('.dialog', { state: 'detached' });

  // The recipient signs in with the password.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
  const recipient = await context.newPage();
  recipient.setDefaultTimeout(20000);
  await recipient.goto(link);
  await recipient.fill('#password', password);
  await recipient.click('form[action$="/password"] button[type=submit]');
  await recipient.waitForSelector('ul.files');

  await openCaseTab(state.caseMore, 'External Sharing');
  const row = linksTable().locator('tbody tr').first();
  assert.match(await row.textContent(), /0 of 3/, 'the panel shows the download limit');

  // A new password: the recipient's open session ends.
  await rowAction(row, 'Change protection');
  await desk.waitForSelector('.dialog input[type=radio][value=password]');
  await desk.check('.dialog input[type=radio][value=password]');
  await desk.click('.dialog button:has-text("Generate")');
  await shot(desk, 'en-22-change-protection');
  await desk.click('.dialog form.vm-form button[type=submit]');
  await desk.waitForSelector('.toast:has-text("Protection changed")');
  await recipient.reload();
  await recipient.waitForSelector('form[action$="/password"] input#password');
  assert.equal(await recipient.locator('ul.files').count(), 0, 'no content with the old session');

  // Removing the protection asks once more.
  await openCaseTab(state.caseMore, 'External Sharing');
  await rowAction(linksTable().locator('tbody tr').first(), 'Change protection');
  await desk.waitForSelector('.dialog input[type=radio][value=none]');
  await desk.check('.dialog input[type=radio][value=none]');
  await desk.click('.dialog form.vm-form button[type=submit]');
  await desk.waitForSelector('.dialog .notice-warning');
  await shot(desk, 'en-23-remove-protection-confirm');
  await desk.click('.dialog form.vm-form button[type=submit]:has-text("Remove protection")');
  await desk.waitForSelector('.toast:has-text("Protection changed")');
  await recipient.reload();
  await recipient.waitForSelector('ul.files');
  await context.close();
});

// ---- access -------------------------------------------------------------------------------------

test('a case of another organisation: no action, no panel, 404', async () => {
  // Eva works for the other organisation: find one of its cases through her session.
  const login = await fetch(host.url + '/api/login', {
    method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ login: 'eva.schmid', password: 'demo-eva' }),
  });
  assert.equal(login.status, 200);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const list = await (await fetch(host.url + '/api/cases?q=' + OTHER_ORG_CASE, { headers: { Cookie: cookie, Accept: 'application/json' } })).json();
  const foreign = list.cases.find((c) => c.number === OTHER_ORG_CASE);
  assert.ok(foreign, 'the other organisation\'s case');

  // Anna (signed in in the browser) asks for it.
  assert.equal((await api('/api/cases/' + foreign.id)).status, 404);
  assert.equal((await api('/api/plugins/contributions?case_id=' + foreign.id)).status, 404);
  assert.equal((await api(`/api/plugins/${PLUGIN}/panels/external-sharing.panel?case_id=${foreign.id}`)).status, 404);
  const invoke = await desk.evaluate(async ({ plugin, id }) => {
    const me = await (await fetch('/api/me')).json();
    const r = await fetch(`/api/plugins/${plugin}/actions/external-sharing.share`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token },
      body: JSON.stringify({ case_id: id, payload: {} }),
    });
    return r.status;
  }, { plugin: PLUGIN, id: foreign.id });
  assert.equal(invoke, 404);
  await desk.evaluate((h) => { location.hash = h; }, '#/cases/' + foreign.id);
  await desk.waitForSelector('.page .notice-error');
  assert.equal(await desk.locator('.tabs .tab').count(), 0, 'no tabs, no External Sharing panel');
  assert.deepEqual(pageErrors, [], 'no script errors on any page');
});
