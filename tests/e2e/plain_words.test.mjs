// End to end in headless Chromium: every state a person sees is a sentence in their language
// (issue #18, points 5, 7 and 9), never a stored code.
//
// The organisation admin's list of changes names who by name and what in words, in English and in
// German, and a refused licence key gives its reason in the page's language. A link protected by
// password and code, e-mailed: the link e-mail greets the recipient by name and says what will be
// asked; the code e-mail greets by name, not by address. The recipient mistypes the password and
// the code once each; the owner's panel then says "Link by e-mail: sent", "wrong password" and
// "wrong code" (German: "Link per E-Mail: gesendet", "falsches Passwort", "falscher Code"), and no
// stored code ("share_link (email)", "wrong_code", "licence.trial_started") or raw JSON anywhere.
// The zip's summary shows its times as people read them, not as the host stores them.
//
// Screenshots go to $DM_E2E_ARTIFACTS/plain_words/.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { PLUGIN, SharingDesk, tableRows, until } from './sharing_desk.mjs';

const world = new SharingDesk('plain_words', { acceptDownloads: true });
const { pageErrors, signIn, language, api, caseRow, openCaseTab, spoolFiles } = world;
const shot = (page, name) => world.shot(page, name, { fullPage: true });

// Demo data (sample-host/src/demo/demo_data.cpp): case i has an e-mail address unless
// i % 10 == 3, a phone number when i % 5 < 3, one attachment when i % 4 == 1, journal entries
// always. Case 9: e-mail, no phone (so the code goes by e-mail), one attachment.
const CASE = 'MH-2024-00009';

// The stored codes that must never reach a person: the access log's outcomes and actions, the
// outbox's message kinds and channels, the licence journal's actions.
const STORED_CODES = [
  'wrong_password', 'wrong_code', 'code_expired', 'limit_reached', 'code_send', 'code_verify',
  'download_all', 'share_link', 'one_time_code', 'owner_opened', 'owner_failed_attempts',
  'trial_started', 'key_refused', 'licence.', 'module.', '(email)', '(sms)',
];

let host;
let browser;
let desk;
const state = {};

before(async () => {
  await world.start();
  ({ host, browser, desk } = world);
});

after(() => world.stop());

// ---- helpers --------------------------------------------------------------------------------

// What a person reads of `text`: no address (a link's token may hold "_"), no whole User-Agent.
function readable(text) {
  return text.replace(/https?:\/\/\S+/g, ' ').replace(/Mozilla\/5\.0[^\n]*/g, ' ');
}

function assertPlainWords(text, where) {
  const words = readable(text);
  for (const code of STORED_CODES) {
    assert.ok(!words.includes(code), `${where}: the stored code "${code}" is shown: ${JSON.stringify(words)}`);
  }
  assert.doesNotMatch(words, /\b[a-z]+_[a-z_]+\b/, `${where}: a snake_case code is shown`);
  assert.doesNotMatch(words, /[{}]|":/, `${where}: raw JSON is shown`);
  assert.doesNotMatch(words, /\d{4}-\d\d-\d\dT\d\d:\d\d|\d\d:\d\d(:\d\d)? ?(UTC|Z)\b/, `${where}: a stored timestamp is shown`);
  assert.doesNotMatch(words, /\bWho: \d/, `${where}: a person is shown by number`);
}

const adminCard = async () => {
  await desk.evaluate(() => { location.hash = '#/cases'; });
  await desk.click('.nav-link[href="#/admin"]');
  const card = desk.locator(`.module-card[data-module-id="${PLUGIN}"]`);
  await card.locator('.module-panel .vm-table').last().waitFor();
  return card;
};

function decodeQuotedPrintable(text) {
  const bytes = [];
  const flat = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < flat.length; i++) {
    if (flat[i] === '=' && /^[0-9A-F]{2}$/.test(flat.slice(i + 1, i + 3))) {
      bytes.push(parseInt(flat.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(flat[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

// The text part of the newest mail to `address` that the spool did not hold in `known`.
async function newMailTo(address, known) {
  const file = await until(`a new e-mail to ${address}`, () => spoolFiles('mail').filter((f) => !known.includes(f))
    .find((f) => readFileSync(join(host.spool, 'mail', f), 'utf8').includes(address)), 45000, 200);
  const raw = readFileSync(join(host.spool, 'mail', file), 'utf8');
  const part = /Content-Type: text\/plain[^\r\n]*\r?\n(?:[^\r\n]+\r?\n)*\r?\n([\s\S]*?)\r?\n--/i.exec(raw);
  assert.ok(part, 'the mail has a text part');
  return decodeQuotedPrintable(part[1]);
}

// ---- tests ----------------------------------------------------------------------------------------

test('the admin\'s list of changes: who by name, what in words, in English and German', async () => {
  await world.startTrial();
  let rows = await tableRows((await adminCard()).locator('.vm-table').last());
  const started = rows.find((r) => r.What === 'Free trial started');
  assert.ok(started, 'the trial is listed in words: ' + JSON.stringify(rows));
  assert.equal(started.Who, 'Claudia Frei');
  assertPlainWords(await (await adminCard()).innerText(), 'the admin page (en)');
  await shot(desk, 'en-admin-changes');

  await language('de');
  const card = await adminCard();
  // A bad key: refused in German beside the field, and listed in German.
  await card.locator('textarea[name=licence_key]').fill('kein-schluessel');
  await card.locator('form.vm-form:has(textarea[name=licence_key]) button[type=submit]').click();
  const error = card.locator('.field:has(textarea[name=licence_key]) .field-error');
  await until('the refusal beside the key', async () => /Lizenzschlüssel/.test((await error.textContent()) || ''));
  assert.match(await error.textContent(), /^Das ist kein Lizenzschlüssel/);
  rows = await tableRows((await adminCard()).locator('.vm-table').last());
  assert.ok(rows.some((r) => r.Was === 'Kostenloser Testmonat gestartet' && r.Wer === 'Claudia Frei'), JSON.stringify(rows));
  const refused = rows.find((r) => /^Das ist kein Lizenzschlüssel/.test(r.Details || ''));
  assert.ok(refused, 'the refused key is listed with its reason in German: ' + JSON.stringify(rows));
  const german = await (await adminCard()).innerText();
  assertPlainWords(german, 'the admin page (de)');
  assert.doesNotMatch(german, /This is not a licence key|Free trial|licence key/, 'no English on the German page');
  await shot(desk, 'de-admin-changes');
  await language('en');
});

test('the link e-mail greets the recipient by name and says a password and a code will be asked', async () => {
  await signIn('anna.meier', 'demo-anna');
  await language('en');
  const row = await caseRow(CASE);
  state.caseId = await row.getAttribute('data-case-id');
  state.correspondent = (await api('/api/cases/' + state.caseId)).body.correspondent;
  assert.ok(state.correspondent.email && !state.correspondent.phone, 'the demo case has e-mail, no phone');
  await row.locator('.case-link').click({ button: 'right' });
  await desk.click('.context-menu .menu-item:has-text("Share with external person")');
  await desk.waitForSelector('.dialog form.vm-form input[name=expires_on]');
  assert.equal(await desk.inputValue('.dialog input[name=recipient_name]'), state.correspondent.name);
  await desk.check('.dialog input[type=radio][value=both]');
  await desk.click('.dialog button:has-text("Generate")');
  state.password = await desk.inputValue('.dialog input[name=password]');
  await desk.click('.dialog button[type=submit]:has-text("Share")');
  await desk.waitForSelector('.dialog .notice-success:has-text("Link created")');
  state.link = await desk.getAttribute('.dialog a.vm-link', 'href');
  const known = spoolFiles('mail');
  assert.equal(await desk.locator('.dialog input[name=send_email]').isChecked(), true);
  await desk.click('.dialog form.vm-form button[type=submit]');
  await desk.waitForSelector('.toast:has-text("queued for sending")');

  const mail = await newMailTo(state.correspondent.email, known);
  assert.ok(mail.startsWith(`Hello ${state.correspondent.name},`), 'greeted by name: ' + mail.slice(0, 80));
  assert.ok(mail.includes(state.link), 'the mail carries the link');
  assert.match(mail, /password/i, 'the mail says a password will be asked');
  assert.match(mail, /code/i, 'the mail says a code will be asked');
  assert.ok(!mail.includes(state.password), 'never the password itself');
});

test('the recipient mistypes password and code once; the code e-mail greets by name', async () => {
  const { context, page } = await world.recipientOpens(state.link, 'en-GB', 'form[action$="/password"] input#password', { acceptDownloads: true });
  state.recipient = { context, page };
  await page.fill('#password', state.password + 'x');
  await page.click('form[action$="/password"] button[type=submit]');
  await page.waitForSelector('p.error[role=alert]');
  assert.equal(await page.getAttribute('#password', 'aria-invalid'), 'true');
  assertPlainWords(await page.innerText('main'), 'the password page after a wrong password');
  await page.fill('#password', state.password);
  await page.click('form[action$="/password"] button[type=submit]');
  await page.waitForSelector('form[action$="/code/send"] button');
  const known = spoolFiles('mail');
  await page.click('form[action$="/code/send"] button');
  await page.waitForURL(/\?sent$/);
  const mail = await newMailTo(state.correspondent.email, known);
  assert.ok(mail.startsWith(`Hello ${state.correspondent.name},`), 'the code e-mail greets by name: ' + mail.slice(0, 80));
  assert.ok(!mail.split('\n')[0].includes('@'), 'not by e-mail address');
  const code = /\b(\d{6})\b/.exec(mail)?.[1];
  assert.ok(code, 'a code in the e-mail');
  const wrong = String((Number(code) + 1) % 1e6).padStart(6, '0');
  await page.fill('#code', wrong);
  await page.click('form[action$="/code"] button[type=submit]');
  await page.waitForSelector('p.error[role=alert]');
  assert.equal(await page.getAttribute('#code', 'aria-invalid'), 'true');
  assertPlainWords(await page.innerText('main'), 'the code page after a wrong code');
  await page.fill('#code', code);
  await page.click('form[action$="/code"] button[type=submit]');
  await page.waitForURL((u) => u.href === state.link);
  await page.waitForSelector('ul.files');
  assertPlainWords(await page.innerText('body'), 'the recipient\'s page');
});

test('the zip\'s summary shows its times as people read them', async () => {
  const page = state.recipient.page;
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('a.button[href$="/all.zip"]')]);
  const saved = join(world.artifacts, 'all.zip');
  await download.saveAs(saved);
  const names = execFileSync('unzip', ['-Z1', saved], { encoding: 'utf8' }).split('\n').filter(Boolean);
  const summary = names.find((n) => /summary\.html$/.test(n));
  assert.ok(summary, JSON.stringify(names));
  const html = execFileSync('unzip', ['-p', saved, summary], { encoding: 'utf8' });
  const text = html.replace(/<style[\s\S]*?<\/style>/g, ' ').replace(/<[^>]+>/g, ' ');
  const times = [...text.matchAll(/\d{1,2} [A-Z][a-z]{2,3} \d{4}, \d\d:\d\d CES?T/g)];
  assert.ok(times.length >= 2, 'the expiry and the journal\'s dates read as dates: ' + text.replace(/\s+/g, ' ').slice(0, 400));
  assertPlainWords(text, 'the zip\'s summary');
  await state.recipient.context.close();
});

test('the owner\'s panel says what happened in words, in English and German', async () => {
  await openCaseTab(state.caseId, 'External Sharing');
  const panel = desk.locator('.tab-panel');
  await until('the link e-mail to show as sent', async () => {
    await openCaseTab(state.caseId, 'External Sharing');
    return (await panel.textContent()).includes('Link by e-mail: sent');
  }, 45000, 1000);
  const all = await panel.textContent();  // hidden details (a row's facts, a whole User-Agent) too
  assert.match(all, /Code by e-mail: sent/);
  const log = await tableRows(panel.locator('.vm-table').nth(1));
  const outcomes = log.map((r) => r.Outcome);
  assert.ok(outcomes.includes('wrong password'), JSON.stringify(outcomes));
  assert.ok(outcomes.includes('wrong code'), JSON.stringify(outcomes));
  assertPlainWords(all, 'the panel (en)');
  await shot(desk, 'en-panel-words');

  await language('de');
  await openCaseTab(state.caseId, 'Externes Teilen');
  const german = await panel.textContent();
  assert.match(german, /Link per E-Mail: gesendet/);
  assert.match(german, /Code per E-Mail: gesendet/);
  const deOutcomes = (await tableRows(panel.locator('.vm-table').nth(1))).map((r) => r.Ergebnis);
  assert.ok(deOutcomes.includes('falsches Passwort'), JSON.stringify(deOutcomes));
  assert.ok(deOutcomes.includes('falscher Code'), JSON.stringify(deOutcomes));
  assertPlainWords(german, 'the panel (de)');
  assert.doesNotMatch(readable(german), /\b(sent|wrong|viewed|password entered)\b/, 'no English on the German panel');
  await shot(desk, 'de-panel-words');
  await language('en');
  assert.deepEqual(pageErrors, []);
});
