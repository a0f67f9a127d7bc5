// What the External Sharing browser tests share: a sample host with the module and Debian's
// Chromium, the module's config, and the caseworker's steps in the sample host (sign in,
// language, a case in the overview, a link's action behind its row's "⋯" menu).
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { chromium } from 'playwright-core';

import { freePort, startHost } from './host_harness.mjs';

export const CHROMIUM = process.env.DM_E2E_CHROMIUM || '/usr/bin/chromium';
const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

// Starts the sample host with the External Sharing module ($DM_ES_PLUGIN, its config written by
// `pluginConfig` as for startHost) and a headless Chromium. Fails, never skips, when either is
// missing: that is a broken test machine.
export async function startModuleHost(pluginConfig) {
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: install Debian's chromium (scripts/install-deps.sh)`);
  const plugin = process.env.DM_ES_PLUGIN;
  assert.ok(plugin, 'DM_ES_PLUGIN is not set; run this test through ctest');
  const host = await startHost({ plugin, pluginConfig });
  try {
    return { host, browser: await chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS }) };
  } catch (e) {
    await host.stop();
    throw e;
  }
}

// Closes the browser and stops the host, keeping the host's log in `artifacts`.
export async function stopModuleHost({ host, browser }, artifacts) {
  if (browser) await browser.close();
  if (host) {
    writeFileSync(join(artifacts, 'host.log'), host.log());
    await host.stop();
  }
}

// Writes the module's config into the host's folder: SQLite in the plugin data folder, the portal
// on a free port, mail and SMS into the host's spool folder (its dev mailbox). `writtenBy` names
// the test in the file's first line. Returns the file's path and the portal's port.
export async function writeModuleConfig({ dir, spool }, writtenBy) {
  const portalPort = await freePort();
  const path = join(dir, 'external-sharing.yaml');
  writeFileSync(path, [
    `# Written by ${writtenBy}.`,
    'storage:', '  backend: sqlite', '  sqlite:', '    path: external-sharing.db',
    'crypto:', `  key_file: ${JSON.stringify(join(dir, 'sealing.keys'))}`, '  create_missing_key_file: true',
    '  argon2:', '    memory_kib: 8192', '    iterations: 1',
    'portal:', '  listen_address: 127.0.0.1', `  port: ${portalPort}`, `  public_url: http://127.0.0.1:${portalPort}`,
    'policy:', '  direct_link_expiry_days: 20', '  email_link_expiry_hours: 24', '  max_expiry_days: 90', '  code_digits: 6',
    'notify:', '  mail: spool', '  sms: spool', `  spool_directory: ${JSON.stringify(spool)}`,
    '  from_address: no-reply@dossier.example', '  from_name: External Sharing', '',
  ].join('\n'));
  return { path, portalPort };
}

// Signs `page` in to the host at `url` (signing out whoever is signed in first).
export async function signInAs(page, url, login, password) {
  if (await page.locator('#topbar:not([hidden]) .button-ghost').count()) {
    await page.click('#topbar .button-ghost');
  } else {
    await page.goto(url);
  }
  await page.waitForSelector('#login');
  await page.fill('#login', login);
  await page.fill('#password', password);
  await page.click('.login-form button[type=submit]');
  await page.waitForSelector('#topbar .user-name');
}

// The user's language choice in the top bar ("de" or "en").
export async function chooseLanguage(page, lang) {
  const button = page.locator(`.lang-button:has-text("${lang.toUpperCase()}")`);
  if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
  await page.waitForSelector(`.lang-button.active:has-text("${lang.toUpperCase()}")`);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

// Opens the overview, filtered to one case; returns its row.
export async function findCase(page, number) {
  if (!page.url().endsWith('#/cases')) await page.evaluate(() => { location.hash = '#/cases'; });
  await page.waitForSelector('.toolbar input[type=search]');
  await page.fill('.toolbar input[type=search]', number);
  const row = page.locator(`.case-table tbody tr:has-text("${number}")`);
  await row.waitFor();
  await page.waitForFunction(() => document.querySelectorAll('.case-table tbody tr').length === 1);
  return row;
}

// Shares the case of the overview's `row` with `recipientName` through the share dialog, as a
// direct link protected by `protection` ("none", or "password" with a generated one); returns the
// link's URL once the dialog is closed.
export async function shareCase(page, row, recipientName, protection) {
  await row.locator('.case-link').click({ button: 'right' });
  await page.click('.context-menu .menu-item:has-text("Share with external person")');
  await page.waitForSelector('.dialog form.vm-form input[name=expires_on]');
  await page.fill('.dialog input[name=recipient_name]', recipientName);
  await page.check(`.dialog input[type=radio][value=${protection}]`);
  if (protection === 'password') await page.click('.dialog button:has-text("Generate")');
  await page.click('.dialog button[type=submit]:has-text("Share")');
  await page.waitForSelector('.dialog .notice-success:has-text("Link created")');
  const link = await page.getAttribute('.dialog a.vm-link', 'href');
  await page.click('.dialog form.vm-form button:has-text("Close")');
  await page.waitForSelector('.dialog', { state: 'detached' });
  return link;
}

// A link's action behind its row's "⋯" menu (view-model rows[].menu): only Preview is a button.
export async function rowAction(row, label) {
  await row.locator('.vm-menu-button').click();
  await row.locator(`.vm-menu [role=menuitem]:has-text("${label}")`).click();
}
