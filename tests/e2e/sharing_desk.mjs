// What the External Sharing browser tests share: the sample host with the module (SQLite in the
// plugin's data folder, the portal on a free port, mail and SMS into the host's spool folder, its dev
// mailbox), Debian's headless Chromium, and the organisation's desk: one browser context and page
// on which the organisation's people sign in, choose a language and find their cases.
//
//   let desk;
//   const world = new SharingDesk('sharing', { acceptDownloads: true }).aroundTests((w) => { desk = w.desk; });
//   const { shot, signIn, caseRow } = world; // bound: usable as plain functions
//
// Each test file gets its own folder of screenshots, $DM_E2E_ARTIFACTS/<name>/, with the host's log.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before } from 'node:test';

import { AxeBuilder } from '@axe-core/playwright';
import { chromium } from 'playwright-core';

import { freePort, startHost } from './host_harness.mjs';

export const PLUGIN = 'ch.example.external-sharing';
const CHROMIUM = process.env.DM_E2E_CHROMIUM || '/usr/bin/chromium';
const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

// Polls `fn` until it returns something truthy, and returns that.
export async function until(what, fn, timeoutMs = 20000, everyMs = 150) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

// A view-model table's body rows as [{column label: cell text}], in order.
export async function tableRows(table) {
  const labels = (await table.locator('thead th').allTextContents()).map((s) => s.trim());
  const rows = [];
  for (const tr of await table.locator('tbody tr').all()) {
    const cells = (await tr.locator('td').allTextContents()).map((s) => s.trim());
    rows.push(Object.fromEntries(labels.map((l, i) => [l, cells[i]])));
  }
  return rows;
}

// A link row's action: the panel shows Preview as a button and the rest behind the row's "⋯" menu.
export async function rowAction(row, label) {
  await row.locator('.vm-menu-button').click();
  await row.locator(`.vm-menu [role=menuitem]:has-text("${label}")`).click();
}

// Opens the share dialog's folded item list (the `collapsed` items field) unless it is open.
export async function showItems(dialog) {
  const expand = dialog.locator('button.items-expand');
  if (await expand.count() && (await expand.getAttribute('aria-expanded')) !== 'true') await expand.click();
}

// Shares the case of `row` (a case-list row) through the dialog with `recipientName` and
// `protection` ('none', 'password', …), closes the dialog and returns the link. `inDialog(dialog)`,
// when given, runs on the open dialog before anything is filled in (to check or change items).
export async function shareCase(page, row, recipientName, protection, inDialog) {
  await row.locator('.case-link').click({ button: 'right' });
  await page.click('.context-menu .menu-item:has-text("Share with external person")');
  await page.waitForSelector('.dialog form.vm-form input[name=expires_on]');
  if (inDialog) await inDialog(page.locator('.dialog'));
  await page.fill('.dialog input[name=recipient_name]', recipientName);
  await page.check(`.dialog input[type=radio][value=${protection}]`);
  if (protection === 'password') await page.click('.dialog button:has-text("Generate")');
  await page.click('.dialog button[type=submit]:has-text("Share")');
  await page.waitForSelector('.dialog .notice-success:has-text("Link created")');
  const link = await page.getAttribute('.dialog a.vm-link', 'href');
  // With an e-mail address the result is a form (send it, or close); without one, a Close button.
  await page.click('.dialog form.vm-form button:has-text("Close"), .dialog .vm-buttons button:has-text("Close")');
  await page.waitForSelector('.dialog', { state: 'detached' });
  return link;
}

// The text Chromium's built-in PDF viewer shows on `page` (its toolbar and any error dialog, read
// through the shadow roots of its extension frame; '' while there is no viewer): "… 1 …" once a
// one-page document is drawn, "Failed to load PDF document" for a file that is no PDF.
export async function pdfViewerText(page) {
  const viewer = page.frames().find((f) => f.url().startsWith('chrome-extension://') && f.url().endsWith('/index.html'));
  if (!viewer) return '';
  return viewer.evaluate(() => {
    const root = document.querySelector('pdf-viewer');
    if (!root) return '';
    let text = '';
    const walk = (node) => {
      if (node.shadowRoot) walk(node.shadowRoot);
      for (const c of node.childNodes) {
        if (c.nodeType === Node.TEXT_NODE) text += c.textContent + ' ';
        else if (c.nodeType === Node.ELEMENT_NODE && !['STYLE', 'SCRIPT'].includes(c.tagName)) {
          if (c.id === 'pagelength') text += 'pages:';
          walk(c);
        }
      }
    };
    walk(root);
    return text.replace(/\s+/g, ' ').trim();
  }).catch(() => '');
}

// The WCAG 2.1 A and AA rules of axe-core (issue #18: zero violations on every view).
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// axe-core's WCAG 2.1 A/AA violations on `page` as they stand now, each as {id, impact, help, targets}
// (`targets`: the CSS selectors of the offending nodes), so that a failure names what to fix.
export async function axeViolations(page) {
  // A view in motion is no view to judge: a list reloading is dimmed (aria-busy, opacity .6) and
  // fades back in, and colour contrast measured during the fade fails (seen on the case list's
  // chips). Wait until nothing is busy and no finite transition or animation runs.
  const judge = async () => {
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"], table[aria-busy]') &&
      document.getAnimations().every((a) => a.playState !== 'running' ||
        a.effect?.getComputedTiming().iterations === Infinity));
    const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    return violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  };
  const first = await judge();
  if (first.length === 0) return first;
  // The view may still have changed while axe read it (a list that began to reload mid-analysis
  // was dimmed in one CI run). It is judged once more, settled: a real violation is found both
  // times, on the same nodes, and only those count.
  await page.waitForTimeout(500);
  const again = new Set((await judge()).flatMap((v) => v.targets.map((t) => v.id + ' ' + t)));
  return first.map((v) => ({ ...v, targets: v.targets.filter((t) => again.has(v.id + ' ' + t)) }))
    .filter((v) => v.targets.length > 0);
}

// Violations as lines for a failure message: id, impact, help, then each offending node's selector.
export function formatViolations(violations) {
  return violations.map((v) => `  ${v.id} (${v.impact}): ${v.help}\n${v.targets.map((t) => '    ' + t).join('\n')}`).join('\n');
}

// Fails, naming every violation, when axe finds any on `page`; `where` names the view.
export async function assertAccessible(page, where) {
  const found = await axeViolations(page);
  assert.equal(found.length, 0, `axe-core finds ${found.length} violation(s) on ${where}:\n${formatViolations(found)}`);
}

export class SharingDesk {
  // `name`: the test file's, for its artifacts folder and config; `deskOptions`: the desk's
  // browser context (viewport, acceptDownloads) beyond an English browser of 1280 × 800;
  // `moreConfig`: YAML lines added to the module's configuration (e.g. an `organisation:` section);
  // `moreHostConfig`: YAML lines added to the sample host's (e.g. an `attachments:` section).
  constructor(name, deskOptions = {}, moreConfig = [], moreHostConfig = []) {
    this.name = name;
    this.moreConfig = moreConfig;
    this.moreHostConfig = moreHostConfig;
    this.artifacts = join(process.env.DM_E2E_ARTIFACTS || join(process.cwd(), 'artifacts'), name);
    mkdirSync(this.artifacts, { recursive: true });
    this.deskOptions = { viewport: { width: 1280, height: 800 }, locale: 'en-GB', ...deskOptions };
    this.pageErrors = [];
  }

  async start() {
    // Fail, never skip: a missing browser is a broken test machine.
    assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: install Debian's chromium (scripts/install-deps.sh)`);
    const plugin = process.env.DM_ES_PLUGIN;
    assert.ok(plugin, 'DM_ES_PLUGIN is not set; run this test through ctest');
    this.host = await startHost({ plugin, hostConfig: this.moreHostConfig, pluginConfig: (folders) => this.#writePluginConfig(folders) });
    this.browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
    // The host's language is the user's setting; the browser's only shows until the user chooses.
    this.staff = await this.browser.newContext(this.deskOptions);
    this.desk = await this.staff.newPage();
    this.desk.setDefaultTimeout(20000);
    this.desk.on('pageerror', (e) => this.pageErrors.push(String(e)));
  }

  // The recipient opens `link` in a fresh browser context (nobody's cookies) of 1280 × 800 in
  // `locale`: the answer must be 200 and `waitFor` must show. `contextOptions` add to the
  // context's (e.g. acceptDownloads). Returns { context, page }; the caller closes the context.
  async recipientOpens(link, locale = 'en-GB', waitFor = 'ul.files', contextOptions = {}) {
    const context = await this.browser.newContext({ viewport: { width: 1280, height: 800 }, locale, ...contextOptions });
    const page = await context.newPage();
    page.setDefaultTimeout(20000);
    page.on('pageerror', (e) => this.pageErrors.push('recipient: ' + String(e)));
    assert.equal((await page.goto(link)).status(), 200);
    await page.waitForSelector(waitFor);
    return { context, page };
  }

  // Starts the host and the browser before the file's first test and stops them after its last.
  // `started` runs once the world is up (e.g. to keep `world.desk` in a variable): node:test does
  // not wait for one top-level before-hook to finish before it runs the next.
  aroundTests(started = () => {}) {
    before(async () => {
      await this.start();
      await started(this);
    });
    after(() => this.stop());
    return this;
  }

  async stop() {
    if (this.browser) await this.browser.close();
    if (this.host) {
      writeFileSync(join(this.artifacts, 'host.log'), this.host.log());
      await this.host.stop();
    }
  }

  async #writePluginConfig({ dir, spool }) {
    this.portalPort = await freePort();
    const path = join(dir, 'external-sharing.yaml');
    writeFileSync(path, [
      `# Written by tests/e2e/${this.name}.test.mjs (sharing_desk.mjs).`,
      'storage:', '  backend: sqlite', '  sqlite:', '    path: external-sharing.db',
      'crypto:', `  key_file: ${JSON.stringify(join(dir, 'sealing.keys'))}`, '  create_missing_key_file: true',
      '  argon2:', '    memory_kib: 8192', '    iterations: 1',
      'portal:', '  listen_address: 127.0.0.1', `  port: ${this.portalPort}`, `  public_url: http://127.0.0.1:${this.portalPort}`,
      'policy:', '  direct_link_expiry_days: 20', '  email_link_expiry_hours: 24', '  max_expiry_days: 90', '  code_digits: 6',
      'notify:', '  mail: spool', '  sms: spool', `  spool_directory: ${JSON.stringify(spool)}`,
      '  from_address: no-reply@dossier.example', '  from_name: External Sharing',
      ...this.moreConfig, '',
    ].join('\n'));
    return path;
  }

  // ---- helpers, bound so that a test file can take them out of the object ----------------------

  shot = (page, name, options = {}) => page.screenshot({ path: join(this.artifacts, name + '.png'), fullPage: !!options.fullPage });
  // The desk as it is now, as the window shows it.
  deskShot = (name) => this.shot(this.desk, name);

  // Signs in on the desk (or on another page of the host) through the login form.
  signIn = async (login, password, page = this.desk) => {
    if (await page.locator('#topbar:not([hidden]) .button-ghost').count()) {
      await page.click('#topbar .button-ghost');
    } else {
      await page.goto(this.host.url);
    }
    await page.waitForSelector('#login');
    await page.fill('#login', login);
    await page.fill('#password', password);
    await page.click('.login-form button[type=submit]');
    await page.waitForSelector('#topbar .user-name');
  };

  // Chooses the user's language with the top bar's buttons.
  language = async (lang) => {
    const button = this.desk.locator(`.lang-button:has-text("${lang.toUpperCase()}")`);
    if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
    await this.desk.waitForSelector(`.lang-button.active:has-text("${lang.toUpperCase()}")`);
    await this.desk.waitForFunction((l) => document.documentElement.lang === l, lang);
  };

  // JSON API of the host with the signed-in user's session (GET only: no CSRF token needed).
  api = async (path) => this.desk.evaluate(async (p) => {
    const r = await fetch(p, { headers: { Accept: 'application/json' } });
    return { status: r.status, body: await r.json().catch(() => null) };
  }, path);

  // Opens the overview, filtered to one case; returns its row.
  caseRow = async (number) => {
    const desk = this.desk;
    if (!desk.url().endsWith('#/cases')) {
      await desk.evaluate(() => { location.hash = '#/cases'; });
    }
    await desk.waitForSelector('.toolbar input[type=search]');
    await desk.fill('.toolbar input[type=search]', number);
    const row = desk.locator(`.case-table tbody tr:has-text("${number}")`);
    await row.waitFor();
    await until(`the overview to show only ${number}`, async () => (await desk.locator('.case-table tbody tr').count()) === 1);
    return row;
  };

  // Opens a case on a fresh render: details first (each hash change re-renders the case), then the tab.
  // The case's tab read afresh (through the case list) with its first table laid out: the host
  // fits a table to its width a frame or two after drawing it.
  openLinksTable = async (id, tabTitle = 'External Sharing') => {
    const desk = this.desk;
    await desk.evaluate(() => { location.hash = '#/cases'; });
    await desk.waitForSelector('.case-table');
    await this.openCaseTab(id, tabTitle);
    await desk.waitForSelector('.tab-panel .vm-table tbody tr');
    await desk.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  };

  openCaseTab = async (id, tabTitle) => {
    const desk = this.desk;
    const details = '#/cases/' + id + '/details';
    if (await desk.evaluate(() => location.hash) === details) {
      await desk.evaluate(() => { location.hash = '#/cases'; });
      await desk.waitForSelector('.case-table');
    }
    await desk.evaluate((h) => { location.hash = h; }, details);
    await desk.waitForSelector(`.case-header ~ .tabs .tab.active[href="${details}"]`);
    await desk.click(`.tabs .tab:has-text("${tabTitle}")`);
    await desk.waitForSelector(`.tabs .tab.active:has-text("${tabTitle}")`);
    await desk.waitForSelector('.tab-panel .panel-title');
    await desk.waitForSelector('.tab-panel .panel-content:not([aria-busy])');
  };

  // Starts the world for a caseworker's tests: the module's free trial month begun, Anna signed in
  // on the desk in English. Returns the id of her case `number`.
  startAtCase = async (number) => {
    await this.start();
    await this.startTrial();
    await this.signIn('anna.meier', 'demo-anna');
    await this.language('en');
    return (await this.caseRow(number)).getAttribute('data-case-id');
  };

  // The case's Attachments tab, rendered afresh (through the case list), its upload control ready.
  openAttachments = async (caseId) => {
    const desk = this.desk;
    await desk.evaluate(() => { location.hash = '#/cases'; });
    await desk.waitForSelector('.toolbar input[type=search]');
    await desk.evaluate((h) => { location.hash = h; }, '#/cases/' + caseId + '/attachments');
    await desk.waitForSelector('.tabs .tab.active[href$="/attachments"]');
    await desk.waitForSelector('.tab-panel #attachment-upload');
  };

  // Adds a file ({ name, mimeType, buffer }) through the open Attachments tab's control (in
  // English) and waits for the host to confirm it.
  addAttachment = async ({ name, mimeType, buffer }) => {
    await this.desk.getByLabel('Add attachment').setInputFiles({ name, mimeType, buffer });
    await this.desk.waitForSelector(`#attachment-upload-status:has-text("“${name}” was added.")`);
  };

  // The organisation admin (English) starts the module's free trial month on the admin page.
  startTrial = async () => {
    await this.signIn('claudia.frei', 'demo-claudia');
    await this.language('en');
    await this.desk.click('.nav-link[href="#/admin"]');
    const card = this.desk.locator(`.module-card[data-module-id="${PLUGIN}"]`);
    await card.locator('.module-panel button:has-text("Start free trial month")').click();
    await this.desk.waitForSelector('.toast:has-text("The free trial month has started.")');
  };

  // The files the host's dev mailbox holds of `kind` ('mail' or 'sms'), sorted.
  spoolFiles = (kind) => {
    const dir = join(this.host.spool, kind);
    return existsSync(dir) ? readdirSync(dir).sort() : [];
  };
}
