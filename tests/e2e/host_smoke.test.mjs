// Smoke test of the sample host's web UI in headless Chromium: sign in, the case overview with a
// plugin column, the context menu with host and plugin actions, a plugin dialog (double submit
// sends once), the case tabs with a plugin panel, escaping, language switch, dev mailbox.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { chromium } from 'playwright-core';

import { startHost } from './host_harness.mjs';

const artifacts = process.env.DM_E2E_ARTIFACTS || join(process.cwd(), 'artifacts');
mkdirSync(artifacts, { recursive: true });

let host;
let browser;
let page;
const actionPosts = [];
const pageErrors = [];

before(async () => {
  host = await startHost();
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 1360, height: 860 }, locale: 'de-CH' });
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('request', (r) => { if (r.method() === 'POST' && r.url().includes('/actions/')) actionPosts.push(r.url()); });
});

after(async () => {
  if (browser) await browser.close();
  if (host) await host.stop();
});

// A full-page shot resizes the viewport, which closes an open context menu: menus get a plain shot.
const shot = (name, fullPage = true) => page.screenshot({ path: join(artifacts, name + '.png'), fullPage });

test('signs in and shows the case overview with a plugin column', async () => {
  await page.goto(host.url);
  await page.fill('#login', 'anna.meier');
  await page.fill('#password', 'demo-anna');
  await page.click('.login-form button[type=submit]');
  await page.waitForSelector('.case-table tbody tr');
  assert.equal(await page.locator('.case-table tbody tr').count(), 50);
  assert.match(await page.textContent('.org-name'), /Stadt Musterhausen/);
  assert.match(await page.textContent('.case-table thead'), /Fixture flag/);
  assert.ok(await page.locator('.plugin-cell').count() > 0, 'plugin cells rendered');
  await shot('01-case-overview');
});

test('sorts by case name and pages', async () => {
  await page.click('th.sortable button:has-text("Fallname")');
  await page.waitForSelector('th[aria-sort="ascending"]:has-text("Fallname")');
  await page.click('.pager button[aria-label="Weiter"]');
  await page.waitForSelector('.pager-label:has-text("Seite 2 von 3")');
  await page.click('.pager button[title="Erste"]');
  await page.waitForSelector('.pager-label:has-text("Seite 1 von 3")');
});

test('right-click on a case name opens the context menu with host and plugin actions', async () => {
  await page.locator('.case-link').first().click({ button: 'right' });
  await page.waitForSelector('.context-menu');
  await page.waitForSelector('.context-menu .menu-item:has-text("Begrüssen")');
  const text = await page.textContent('.context-menu');
  assert.match(text, /Öffnen/);
  assert.match(text, /Fall schliessen/);
  assert.match(text, /Fixture Module/);
  await shot('02-context-menu', false);
});

test('a plugin action opens a dialog whose form submits once on a double click', async () => {
  await page.click('.context-menu .menu-item:has-text("Begrüssen")');
  await page.waitForSelector('.dialog form.vm-form');
  assert.equal(await page.locator('.dialog input[type=password]').isVisible(), false, 'show_if hides the password');
  await page.check('.dialog input[type=radio][value=password]');
  assert.equal(await page.locator('.dialog input[type=password]').isVisible(), true);
  await page.click('.dialog button:has-text("Generieren")');
  assert.ok((await page.inputValue('.dialog input[name=password]')).length >= 16);
  assert.equal(await page.locator('.dialog .item-row').count(), 3);
  await shot('03-plugin-dialog');
  await page.fill('.dialog input[name=name]', 'Lea');
  const before = actionPosts.length;
  await page.dblclick('.dialog button[type=submit]');
  await page.waitForSelector('.toast:has-text("Greeted.")');
  assert.equal(await page.locator('.dialog').count(), 0, 'the dialog closed');
  assert.equal(actionPosts.length - before, 1, 'exactly one submission');
});

test('opens a case and walks through its tabs, the plugin panel right-most', async () => {
  await page.locator('.case-link').first().click();
  await page.waitForSelector('.tabs .tab');
  const tabs = await page.locator('.tabs .tab').allTextContents();
  assert.deepEqual(tabs.map((s) => s.trim()).slice(0, 3), ['Details', 'Journal', 'Anhänge']);
  assert.match(tabs[tabs.length - 1], /Fixture/);
  await page.waitForSelector('.details dt');
  await shot('04-case-details');
  await page.click('.tabs .tab:has-text("Journal")');
  await page.waitForSelector('.journal-entry');
  await shot('05-case-journal');
  await page.click('.tabs .tab:has-text("Anhänge")');
  await page.waitForSelector('.tab-panel table, .tab-panel .empty');
  await shot('06-case-attachments');
  await page.click('.tabs .tab:has-text("Fixture")');
  await page.waitForSelector('.tab-panel .vm-table');
  const panel = await page.textContent('.tab-panel');
  assert.match(panel, /Case MH-2024-\d{5}/);
  // Plugin text is text: the "<b>" arrives as characters, never as markup.
  assert.match(panel, /First <b>link<\/b>/);
  assert.equal(await page.locator('.tab-panel b').count(), 0);
  await shot('07-case-plugin-panel');
});

test('a failing plugin action shows an error notice and the host keeps working', async () => {
  await page.click('.tab-panel button:has-text("Explode")');
  await page.waitForSelector('.tab-panel .notice-error');
  assert.match(await page.textContent('.tab-panel .notice-error'), /Fixture Module/);
  await page.click('.tabs .tab:has-text("Details")');
  await page.waitForSelector('.details dt');
});

test('switches the language to English and back', async () => {
  await page.click('.lang-button:has-text("EN")');
  await page.waitForSelector('.nav-link:has-text("Cases")');
  await page.waitForSelector('.tabs .tab:has-text("Attachments")');
  await page.click('.lang-button:has-text("DE")');
  await page.waitForSelector('.nav-link:has-text("Fälle")');
});

// Spooled as the plugin's spool senders write them: marked with the organisation they belong to.
function spool(name, organisation, code) {
  writeFileSync(join(host.spool, 'mail', name + '.eml'), [
    'X-Spool-Organisation: ' + organisation,
    'From: External Sharing <noreply@example.org>', 'To: lea.mueller@example.org',
    'Subject: =?UTF-8?Q?Ihr_Zugangscode_f=C3=BCr_die_Fallakte?=', 'Date: Mon, 23 Nov 2026 13:27:16 +0000',
    'Content-Type: text/plain; charset=UTF-8', '', `Ihr Code lautet ${code}. Link: http://127.0.0.1:1/s/abc`, ''].join('\r\n'));
  writeFileSync(join(host.spool, 'sms', name + '.json'), JSON.stringify({ to: '+41 79 123 45 67', text: `Code ${code}`, created_at: '2026-11-23T13:27:16Z', organisation_id: organisation }));
}

test('shows spooled mail and text messages of the own organisation in the dev mailbox', async () => {
  const me = await page.evaluate(async () => (await fetch('/api/me')).json());
  spool('0001', me.organisation.id, '48213');
  spool('0002', me.organisation.id + '0', '99999');  // another organisation's
  await page.click('.nav-link:has-text("Dev-Postfach")');
  await page.waitForSelector('.mail-subject');
  assert.match(await page.textContent('.mail-subject'), /Ihr Zugangscode für die Fallakte/);
  assert.match(await page.textContent('.mail-body'), /48213/);
  assert.match(await page.textContent('.sms-text'), /Code 48213/);
  // The text message's time as a German reader reads it, not the stored "2026-11-23T13:27:16Z".
  const smsTime = (await page.locator('tr:has(.sms-text) td').first().textContent()).trim();
  assert.match(smsTime, /^23\.11\.2026, \d\d:27$/, smsTime);
  assert.doesNotMatch(await page.textContent('body'), /99999/, 'nothing of another organisation');
  await shot('08-dev-mailbox');
});

test('the organisation admin sees the modules page', async () => {
  await page.click('button:has-text("Abmelden")');
  await page.waitForSelector('#login');
  await page.fill('#login', 'claudia.frei');
  await page.fill('#password', 'demo-claudia');
  await page.click('.login-form button[type=submit]');
  await page.waitForSelector('.nav-link:has-text("Administration")');
  await page.click('.nav-link:has-text("Administration")');
  await page.waitForSelector('.module-card .module-panel .vm-text');
  assert.match(await page.textContent('.module-card'), /Active users: 3/);
  await shot('09-admin-modules');
  assert.deepEqual(pageErrors, [], 'no script errors on the page');
});
