// End to end in headless Chromium, second round on the caseworker's side and the sample host
// (issue #18): each test shows one class of defect gone in the browser, with the real sample host,
// the real External Sharing module and Debian's Chromium.
//
//   language       the app follows the browser's languages until the user chooses, then the choice
//   admin page     one price, the key field not required beside the trial, a bad key is a field error
//   names          every label the module gives the host is in the user's language
//   expiry         choosing e-mail shows its 24-hour default before anything is made; nothing cuts it
//   counts         "1 case", "1 link revoked." — plural rules, German and English
//   no contact     no code offered to a case without phone or e-mail, field errors beside the fields
//   escape         a filled dialog asks before it throws away what was typed (keyboard only)
//   someone new    "+ Share with someone new" starts with an empty recipient
//   mailbox        a folded subject shows without a stray space
//
// Screenshots go to $DM_E2E_ARTIFACTS/round2_caseworker/.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { PLUGIN, SharingDesk, showItems, until } from './sharing_desk.mjs';

// An English browser: the host must not open in German for it.
const world = new SharingDesk('round2_caseworker', { viewport: { width: 1280, height: 900 } });
const { pageErrors, shot, signIn, language, caseRow, openCaseTab, spoolFiles } = world;

// Demo cases (sample-host/src/demo/demo_data.cpp): number i has an e-mail address unless
// i % 10 == 3, a phone number when i % 5 < 3, and is closed when i % 7 == 0.
const CASE_EXPIRY = 'MH-2024-00012';   // phone + e-mail
const CASE_NO_CONTACT = 'MH-2024-00003'; // neither phone nor e-mail
const CASE_ESCAPE = 'MH-2024-00016';   // e-mail
const CASE_NEW = 'MH-2024-00022';      // phone + e-mail
const CASE_COUNT = 'MH-2024-00017';    // phone + e-mail

let host;
let browser;
let desk;

before(async () => {
  await world.start();
  ({ host, browser, desk } = world);
});

after(() => world.stop());

// ---- helpers --------------------------------------------------------------------------------

async function openContextMenu(number) {
  const row = await caseRow(number);
  await row.locator('.case-link').click({ button: 'right' });
  await desk.waitForSelector('.context-menu .menu-group');
}

async function openShareDialog(number, actionTitle) {
  await openContextMenu(number);
  await desk.click(`.context-menu .menu-item:has-text("${actionTitle}")`);
  await desk.waitForSelector('.dialog form.vm-form input[name=expires_on]');
}

async function openSharingTab(number, tabTitle) {
  await openCaseTab(await (await caseRow(number)).getAttribute('data-case-id'), tabTitle);
}

const field = (name) => desk.locator(`.dialog .field:has([name="${name}"])`);
// Dates on the organisation's calendar (Europe/Zurich, the plugin's default zone): the date field's
// value, and the day-first English date the texts show ("CLDR spells September "Sep" or "Sept").
const zurichParts = (ms) => Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Zurich', year: 'numeric', month: '2-digit', day: '2-digit' })
  .formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
const isoDate = (ms) => { const p = zurichParts(ms); return `${p.year}-${p.month}-${p.day}`; };
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept?', 'Oct', 'Nov', 'Dec'];
const englishDate = (ms) => { const p = zurichParts(ms); return `${Number(p.day)} ${MONTHS[Number(p.month) - 1]} ${p.year}`; };

// The Subject of a raw message, decoded as RFC 2047 says: folding undone, the blank between two
// encoded words dropped.
function subjectOf(raw) {
  const head = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n([ \t])/g, '$1');
  const line = head.split(/\r?\n/).find((l) => /^subject:/i.test(l)) || '';
  const value = line.replace(/^subject:\s*/i, '');
  return value.replace(/\?=[ \t]+=\?/g, '?==?').replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, charset, enc, text) => (
    enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (m, h) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8')));
}

// Closes the open dialog with its ✕; a changed form asks first, answered with `discardLabel`.
async function closeDialog(discardLabel) {
  await desk.click('.dialog .dialog-header .icon-button');
  if (await desk.locator('.dialog .discard-prompt').count()) {
    await desk.click(`.dialog .discard-prompt button:has-text("${discardLabel}")`);
  }
  await desk.waitForSelector('.dialog', { state: 'detached' });
}

// ---- the browser's language, then the user's choice ---------------------------------------------

test('an English browser gets the app in English, a German one in German, until the user chooses', async () => {
  // Nobody has chosen a language yet in this fresh host.
  await desk.goto(host.url);
  await desk.waitForSelector('#login');
  assert.equal(await desk.evaluate(() => document.documentElement.lang), 'en', 'the sign-in page follows the browser');
  assert.match(await desk.textContent('.login-form button[type=submit]'), /Sign in/);
  await signIn('beat.keller', 'demo-beat');
  await desk.waitForSelector('.nav-link:has-text("Cases")');
  assert.equal(await desk.evaluate(() => document.documentElement.lang), 'en');

  const swiss = await browser.newContext({ locale: 'de-CH' });
  const page = await swiss.newPage();
  await page.goto(host.url);
  await page.waitForSelector('#login');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
  await signIn('felix.huber', 'demo-felix', page);
  await page.waitForSelector('.nav-link:has-text("Fälle")');
  await swiss.close();

  // The user's choice wins over the browser from then on, also after a reload.
  await language('de');
  await desk.reload();
  await desk.waitForSelector('.nav-link:has-text("Fälle")');
  assert.equal(await desk.evaluate(() => document.documentElement.lang), 'de');
  await shot(desk, 'language-choice-kept');
});

// ---- the organisation admin: one price, the key field, a bad key ---------------------------------

test('the admin page shows one price, no required key beside the trial, a bad key beside the field', async () => {
  await signIn('claudia.frei', 'demo-claudia');
  for (const [lang, price, module] of [['en', 'Price', 'External Sharing'], ['de', 'Preis', 'Externes Teilen']]) {
    await language(lang);
    await desk.click('.nav-link[href="#/admin"]');
    const card = desk.locator(`.module-card[data-module-id="${PLUGIN}"]`);
    await card.locator('.module-panel .vm-pairs').first().waitFor();
    assert.equal(await card.locator(`.vm-pairs dt:text-is("${price}")`).count(), 1, `one "${price}" line`);
    // The heading is the settings icon (a glyph) and the module's name.
    assert.equal((await card.locator('.module-header h3').textContent()).replace(/^[^A-Za-z]+/, '').trim(), module, 'the card is named in the language');
    const keyField = card.locator('.field:has(textarea[name=licence_key])');
    assert.equal(await keyField.locator('.required').count(), 0, 'the key is not marked required beside the trial');
    assert.equal(await keyField.locator('textarea').evaluate((t) => t.required), false);
  }
  await language('en');
  await desk.click('.nav-link[href="#/admin"]');
  const card = desk.locator(`.module-card[data-module-id="${PLUGIN}"]`);
  const keyField = card.locator('.field:has(textarea[name=licence_key])');
  await keyField.waitFor();
  // An empty key: refused beside the field, the page stays.
  await card.locator('form.vm-form:has(textarea[name=licence_key]) button[type=submit]').click();
  await keyField.locator('.field-error').waitFor();
  assert.match(await keyField.locator('.field-error').textContent(), /Enter the licence key/);
  // A bad key: the sentence beside the field of the same form, no second dialog.
  await keyField.locator('textarea').fill('garbage');
  await card.locator('form.vm-form:has(textarea[name=licence_key]) button[type=submit]').click();
  await until('the refusal beside the key', async () => /licence key/i.test((await keyField.locator('.field-error').textContent()) || '') && !/Enter the licence key/.test(await keyField.locator('.field-error').textContent()));
  assert.equal(await desk.locator('.dialog').count(), 0, 'no dialog opened for the refusal');
  assert.equal(await keyField.locator('textarea').inputValue(), 'garbage', 'what was typed stays');
  await shot(desk, 'admin-bad-key');

  await card.locator('.module-panel button:has-text("Start free trial month")').click();
  await desk.waitForSelector('.toast:has-text("The free trial month has started.")');
});

// ---- every label the module gives the host, in the user's language -------------------------------

test('the module\'s menu heading, column and card are named in German for a German user', async () => {
  await signIn('anna.meier', 'demo-anna');
  await language('de');
  await openContextMenu(CASE_EXPIRY);
  const menu = desk.locator('.context-menu');
  await menu.locator('.menu-item:has-text("Fall mit externer Person teilen")').waitFor();
  assert.equal((await menu.locator('.menu-group').textContent()).trim(), 'Externes Teilen');
  assert.doesNotMatch(await menu.textContent(), /External Sharing/);
  await desk.keyboard.press('Escape');

  await desk.click('#column-chooser');
  await desk.waitForSelector('.dialog .column-choices');
  const choices = await desk.textContent('.dialog .column-choices');
  assert.match(choices, /Externes Teilen/);
  assert.doesNotMatch(choices, /External Sharing/, 'column title and module name in German');
  await shot(desk, 'de-column-chooser');
  await desk.click('.dialog .dialog-header .icon-button');
  await desk.waitForSelector('.dialog', { state: 'detached' });

  const id = await (await caseRow(CASE_EXPIRY)).getAttribute('data-case-id');
  await desk.evaluate((h) => { location.hash = h; }, '#/cases/' + id + '/details');
  await desk.waitForSelector('.tabs .tab:has-text("Externes Teilen")');
  assert.doesNotMatch(await desk.textContent('.tabs'), /External Sharing/);
  await language('en');
  await openContextMenu(CASE_EXPIRY);
  assert.equal((await desk.locator('.context-menu .menu-group').textContent()).trim(), 'External Sharing');
  await desk.keyboard.press('Escape');
});

// ---- choosing e-mail and the expiry --------------------------------------------------------------

test('ticking e-mail shows its 24-hour default on the date before anything is made, and says so', async () => {
  await language('en');
  await openShareDialog(CASE_EXPIRY, 'Share with external person');
  const now = Date.now();
  const tomorrow = isoDate(now + 24 * 3600e3);
  const in20 = isoDate(now + 20 * 86400e3);
  const send = desk.locator('.dialog input[name=send_email]');
  assert.equal(await send.isChecked(), true, 'e-mail is chosen for a case with an address');
  assert.equal(await desk.inputValue('.dialog input[name=expires_on]'), tomorrow, 'the date shows the e-mail default');
  const help = await field('send_email').locator('.field-help').textContent();
  assert.match(help, /24 hours/);
  assert.match(help, new RegExp(englishDate(now + 24 * 3600e3)), help);
  await shot(desk, 'en-expiry-email-default');
  await send.uncheck();
  assert.equal(await desk.inputValue('.dialog input[name=expires_on]'), in20, 'a link to copy: 20 days');
  await send.check();
  assert.equal(await desk.inputValue('.dialog input[name=expires_on]'), tomorrow);
  await closeDialog('Discard');
});

test('the date chosen with e-mail is what the link gets, also after sending: nothing cuts it', async () => {
  await language('en');
  await openShareDialog(CASE_EXPIRY, 'Share with external person');
  const in30ms = Date.now() + 30 * 86400e3;
  const in30 = isoDate(in30ms);
  assert.equal(await desk.locator('.dialog input[name=send_email]').isChecked(), true);
  await desk.fill('.dialog input[name=expires_on]', in30);
  await desk.fill('.dialog input[name=recipient_name]', 'Jürg Müller-Lüdenscheidt');
  await desk.check('.dialog input[name=notify_on_open]');
  await desk.check('.dialog input[type=radio][value=none]');
  await desk.click('.dialog button[type=submit]:has-text("Share")');
  await desk.waitForSelector('.dialog .notice-success:has-text("Link created")');
  const link = await desk.getAttribute('.dialog a.vm-link', 'href');
  assert.match(await desk.textContent('.dialog'), new RegExp(`valid until ${englishDate(in30ms)}, 23:59`));
  assert.equal(await desk.locator('.dialog input[name=send_email]').isChecked(), true, 'sending starts as chosen');
  const knownMail = spoolFiles('mail');
  await desk.click('.dialog form.vm-form button[type=submit]');
  await desk.waitForSelector('.toast:has-text("queued for sending")');
  await until('the link e-mail in the spool', () => spoolFiles('mail').some((f) => !knownMail.includes(f)), 30000);

  await openSharingTab(CASE_EXPIRY, 'External Sharing');
  const row = desk.locator('.tab-panel .vm-table').first().locator('tbody tr').first();
  assert.match(await row.textContent(), new RegExp(`${englishDate(in30ms)}, 23:59`), 'the panel shows the chosen expiry');
  await shot(desk, 'en-expiry-kept-after-sending');

  // The recipient opens it; the owner's notice is a long non-ASCII subject, folded in the mail.
  const knownAfterSend = spoolFiles('mail');
  const recipient = await browser.newContext({ locale: 'en-GB' });
  const page = await recipient.newPage();
  const first = await page.goto(link);
  assert.equal(first.status(), 200);
  await page.waitForSelector('main h1');
  await recipient.close();
  await until('the owner\'s notice in the spool', () => spoolFiles('mail').some((f) => !knownAfterSend.includes(f)), 45000);

  await desk.evaluate(() => { location.hash = '#/mailbox'; });
  await desk.waitForSelector('.mail-subject');
  // Each subject follows an envelope glyph.
  const subjects = (await desk.locator('.mail-subject').allTextContents()).map((s) => s.replace(/^[^\p{L}]+/u, '').trim());
  const opened = subjects.find((s) => /^Your link for .* was opened/.test(s));
  assert.ok(opened, 'the owner\'s notice is listed: ' + JSON.stringify(subjects));
  const file = spoolFiles('mail').filter((f) => !knownAfterSend.includes(f))
    .find((f) => /^Your link for .* was opened/.test(subjectOf(readFileSync(join(host.spool, 'mail', f), 'utf8'))));
  assert.ok(file, 'the notice in the spool');
  const raw = readFileSync(join(host.spool, 'mail', file), 'utf8');
  assert.match(raw, /^Subject: =\?UTF-8\?B\?[^\r\n]*\r?\n[ \t]+=\?UTF-8\?B\?/m, 'the subject is folded into several encoded words');
  assert.equal(opened, subjectOf(raw), 'the mailbox shows the subject as sent, no stray space');
  assert.ok(opened.startsWith('Your link for Jürg Müller-Lüdenscheidt was opened ('), opened);
  await shot(desk, 'mailbox-subject');
});

test('a date past the maximum is refused by the server beside the date field, nothing is made', async () => {
  await language('de');
  await openShareDialog(CASE_EXPIRY, 'Fall mit externer Person teilen');
  const help = await field('send_email').locator('.field-help').textContent();
  assert.match(help, /24 Stunden gültig/, 'the consequence in German');
  // The browser's own check would stop the form; take it away to reach the server.
  await desk.evaluate(() => document.querySelector('.dialog input[name=expires_on]').removeAttribute('max'));
  await desk.fill('.dialog input[name=expires_on]', isoDate(Date.now() + 120 * 86400e3));
  await desk.check('.dialog input[type=radio][value=none]');
  await desk.click('.dialog button[type=submit]:has-text("Teilen")');
  const date = desk.locator('.dialog .field.field-invalid:has(input[name=expires_on])');
  await date.waitFor();
  assert.match(await date.locator('.field-error').textContent(), /Höchstdauer/);
  assert.equal(await desk.locator('.dialog .dialog-notices .notice, .dialog .form-notices .notice').count(), 0, 'nothing on top');
  assert.equal(await desk.locator('.dialog .notice-success').count(), 0, 'no link made');
  await shot(desk, 'de-expiry-field-error');
  await closeDialog('Verwerfen');
  await language('en');
});

// ---- count texts ---------------------------------------------------------------------------------

test('counts use the language\'s plural rules: "1 case", "1 link revoked."', async () => {
  await language('en');
  await caseRow(CASE_COUNT);
  await until('"1 case"', async () => (await desk.textContent('main .total')).trim() === '1 case');
  await language('de');
  await caseRow(CASE_COUNT);
  await until('"1 Fall"', async () => (await desk.textContent('main .total')).trim() === '1 Fall');
  await language('en');

  await openShareDialog(CASE_COUNT, 'Share with external person');
  await desk.locator('.dialog input[name=send_email]').uncheck();
  await desk.check('.dialog input[type=radio][value=none]');
  await desk.click('.dialog button[type=submit]:has-text("Share")');
  await desk.waitForSelector('.dialog .notice-success:has-text("Link created")');
  await desk.click('.dialog form.vm-form button:has-text("Close")');
  await desk.waitForSelector('.dialog', { state: 'detached' });
  await openSharingTab(CASE_COUNT, 'External Sharing');
  await desk.click('.tab-panel button:has-text("Revoke all links")');
  await desk.waitForSelector('.dialog .confirm-text');
  await desk.click('.dialog .button-row .button-danger');
  const toast = desk.locator('.toast:has-text("revoked")');
  await toast.waitFor();
  assert.equal((await toast.textContent()).trim(), '1 link revoked.');
});

// ---- a case without phone or e-mail --------------------------------------------------------------

test('a case without phone or e-mail is not offered a code, is told why, and errors sit beside their fields', async () => {
  await language('en');
  await openShareDialog(CASE_NO_CONTACT, 'Share with external person');
  assert.equal(await desk.locator('.dialog input[type=radio][value=code]').count(), 0, 'no code without a contact');
  assert.equal(await desk.locator('.dialog input[type=radio][value=both]').count(), 0);
  assert.match(await desk.locator('.dialog fieldset.field-choices .field-help').textContent(), /neither a telephone number nor an e-mail address/);
  assert.equal(await desk.locator('.dialog input[name=send_email]').isChecked(), false, 'nothing to e-mail to');
  await shot(desk, 'en-no-contact');

  // Asking for e-mail without an address: beside the address, not on top of the dialog.
  await desk.check('.dialog input[name=send_email]');
  await desk.check('.dialog input[type=radio][value=none]');
  await desk.click('.dialog button[type=submit]:has-text("Share")');
  const email = desk.locator('.dialog .field.field-invalid:has(input[name=recipient_email])');
  await email.waitFor();
  assert.match(await email.locator('.field-error').textContent(), /e-mail address/);
  assert.equal(await desk.locator('.dialog .dialog-notices .notice, .dialog .form-notices .notice').count(), 0, 'nothing on top');

  // With an address typed, the form comes back offering the code by e-mail to that address.
  await desk.fill('.dialog input[name=recipient_email]', 'kein.kontakt@example.org');
  // Nothing to share: refused beside "What to share".
  await showItems(desk.locator('.dialog'));
  for (const box of await desk.locator('.dialog .item-section-title input[type=checkbox]').all()) await box.uncheck();
  await desk.click('.dialog button[type=submit]:has-text("Share")');
  await desk.locator('.dialog .field-items.field-invalid .field-error').waitFor();
  assert.equal(await desk.locator('.dialog input[type=radio][value=code]').count(), 1, 'the code is offered now');
  assert.match(await desk.locator('.dialog label:has(input[type=radio][value=code])').textContent(), /kein\.kontakt@example\.org/);
  assert.equal(await desk.locator('.dialog .dialog-notices .notice, .dialog .form-notices .notice').count(), 0, 'nothing on top');
  await closeDialog('Discard');
});

// ---- Escape --------------------------------------------------------------------------------------

test('Escape asks before throwing away a filled dialog, by keyboard alone', async () => {
  await language('en');
  // An untouched dialog closes at once.
  await openShareDialog(CASE_ESCAPE, 'Share with external person');
  await desk.keyboard.press('Escape');
  await desk.waitForSelector('.dialog', { state: 'detached' });

  await openShareDialog(CASE_ESCAPE, 'Share with external person');
  await desk.fill('.dialog input[name=recipient_name]', 'Someone Typed');
  await desk.keyboard.press('Escape');
  const prompt = desk.locator('.dialog .discard-prompt');
  await prompt.waitFor();
  assert.equal(await desk.evaluate(() => document.activeElement.textContent), 'Keep editing', 'focus on the safe answer');
  await shot(desk, 'en-escape-asks');
  await desk.keyboard.press('Escape');  // Escape on the question keeps editing
  await prompt.waitFor({ state: 'detached' });
  assert.equal(await desk.inputValue('.dialog input[name=recipient_name]'), 'Someone Typed', 'nothing was thrown away');

  await desk.keyboard.press('Escape');
  await prompt.waitFor();
  await desk.keyboard.press('Enter');  // "Keep editing"
  await prompt.waitFor({ state: 'detached' });
  assert.equal(await desk.inputValue('.dialog input[name=recipient_name]'), 'Someone Typed');

  await desk.keyboard.press('Escape');
  await prompt.waitFor();
  await desk.keyboard.press('Tab');
  assert.equal(await desk.evaluate(() => document.activeElement.textContent), 'Discard');
  await desk.keyboard.press('Enter');
  await desk.waitForSelector('.dialog', { state: 'detached' });
});

// ---- someone new ---------------------------------------------------------------------------------

test('"+ Share with someone new" starts with an empty recipient', async () => {
  await language('en');
  await openSharingTab(CASE_NEW, 'External Sharing');
  await desk.click('.tab-panel button:has-text("Share with someone new")');
  await desk.waitForSelector('.dialog form.vm-form input[name=expires_on]');
  for (const name of ['recipient_name', 'recipient_email', 'recipient_phone']) {
    assert.equal(await desk.inputValue(`.dialog input[name=${name}]`), '', `${name} is empty`);
  }
  assert.equal(await desk.locator('.dialog input[name=send_email]').isChecked(), false);
  await shot(desk, 'en-someone-new');
  await desk.keyboard.press('Escape');
  await desk.waitForSelector('.dialog', { state: 'detached' });
  // The context menu's action still starts with the case's correspondent.
  await openShareDialog(CASE_NEW, 'Share with external person');
  assert.notEqual(await desk.inputValue('.dialog input[name=recipient_name]'), '');
  await desk.keyboard.press('Escape');
  await desk.waitForSelector('.dialog', { state: 'detached' });
});

test('no script error in the caseworker\'s browser', () => {
  assert.deepEqual(pageErrors, []);
});
