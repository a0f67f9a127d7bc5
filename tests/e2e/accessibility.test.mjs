// Accessibility end to end in headless Chromium (issue #18): axe-core's WCAG 2.1 A and AA rules find
// nothing on any view the module draws, in German and English — the case list with the "External
// Sharing" column, the share dialog (open, with a field error, with the link), the case's panel
// (links, the "⋯" menu, Details, access log), the change-protection and extend dialogs, the licence
// admin page — nor on any portal page (unprotected link, password form with and without an error,
// code request and entry, the dead link, the owner's preview). And a share is made by keyboard
// alone: Tab, arrows, Space and Enter from the case list to the link, no pointer.
//
// Screenshots go to $DM_E2E_ARTIFACTS/accessibility/.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { PLUGIN, SharingDesk, axeViolations, formatViolations, rowAction, until } from './sharing_desk.mjs';

const COLUMN_CLASS = 'col-' + (PLUGIN + '/external-sharing.active-shares').replace(/[^a-z0-9_-]/gi, '-');
const world = new SharingDesk('accessibility');
const { shot, signIn, language, caseRow } = world;

// Demo cases (sample-host/src/demo/demo_data.cpp) with phone and e-mail: codes can go out.
const CASES = { en: 'MH-2024-00002', de: 'MH-2024-00006' };
const KEYBOARD_CASE = 'MH-2024-00010';
const LABELS = {
  en: { share: 'Share with external person', details: 'Details', extend: 'Extend', protection: 'Change protection', locale: 'en-GB' },
  de: { share: 'Fall mit externer Person teilen', details: 'Details', extend: 'Verlängern', protection: 'Schutz ändern', locale: 'de-CH' },
};

let desk;
const state = { links: {} };
// What axe found in the current test, per view: a test looks at every view before it fails.
let found = [];

before(async () => {
  await world.start();
  desk = world.desk;
});

after(() => world.stop());

async function check(page, where) {
  const violations = await axeViolations(page);
  if (violations.length) {
    found.push(`${where}:\n${formatViolations(violations)}`);
    await shot(page, 'violation-' + where.replace(/[^a-z0-9]+/gi, '-'));
  }
}

function assertNoneFound() {
  const report = found.join('\n');
  found = [];
  assert.equal(report, '', 'axe-core violations:\n' + report);
}

// The password field's last button makes a password (after "Show" when the field has one).
const GENERATE = '.dialog .input-group:has(input[name=password]) > button:last-child';

const linksTable = () => desk.locator('.tab-panel .vm-table').first();

async function openShareDialog(number, lang) {
  const row = await caseRow(number);
  await row.locator('.case-link').click({ button: 'right' });
  await desk.click(`.context-menu .menu-item:has-text("${LABELS[lang].share}")`);
  await desk.waitForSelector('.dialog form.vm-form input[name=expires_on]');
}

// Shares `number` with `protection` through the dialog; returns {link, password}.
async function share(number, lang, protection) {
  await openShareDialog(number, lang);
  await desk.check(`.dialog input[type=radio][value=${protection}]`);
  let password = null;
  if (protection === 'password' || protection === 'both') {
    await desk.click(GENERATE);
    password = await desk.inputValue('.dialog input[name=password]');
  }
  await desk.click('.dialog form.vm-form button[type=submit]');
  await desk.waitForSelector('.dialog a.vm-link');
  const link = await desk.getAttribute('.dialog a.vm-link', 'href');
  await desk.keyboard.press('Escape');
  await desk.waitForSelector('.dialog', { state: 'detached' });
  return { link, password };
}

async function recipientPage(lang) {
  const context = await world.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: LABELS[lang].locale });
  const page = await context.newPage();
  page.setDefaultTimeout(20000);
  return page;
}

// ---- the organisation admin ---------------------------------------------------------------------

test('the licence admin page, German and English', async () => {
  await world.startTrial();
  for (const lang of ['de', 'en']) {
    await language(lang);
    await desk.locator(`.module-card[data-module-id="${PLUGIN}"] .module-panel .vm-pairs`).first().waitFor();
    await check(desk, `${lang} licence admin page`);
  }
  assertNoneFound();
});

// ---- the caseworker ------------------------------------------------------------------------------

for (const lang of ['en', 'de']) {
  test(`${lang}: the case list with the External Sharing column, the share dialog and its result`, async () => {
    await signIn('anna.meier', 'demo-anna');
    await language(lang);
    await caseRow(CASES[lang]);
    if (!(await desk.locator('.case-table thead th.col-' + COLUMN_CLASS.slice(4)).count()) && !(await desk.locator(`.case-table td.${COLUMN_CLASS}`).count())) {
      await desk.click('#column-chooser');
      await desk.waitForSelector('.dialog .column-choices');
      await check(desk, `${lang} column chooser`);
      await desk.check(`#${COLUMN_CLASS}`);
      await desk.click('.dialog .button-primary');
      await desk.waitForSelector(`.case-table tbody td.${COLUMN_CLASS}`);
    }
    await check(desk, `${lang} case list`);

    await (await caseRow(CASES[lang])).locator('.case-link').click({ button: 'right' });
    await desk.waitForSelector(`.context-menu .menu-item:has-text("${LABELS[lang].share}")`);
    await check(desk, `${lang} case context menu`);
    await desk.click(`.context-menu .menu-item:has-text("${LABELS[lang].share}")`);
    await desk.waitForSelector('.dialog form.vm-form input[name=expires_on]');
    await check(desk, `${lang} share dialog`);

    // A field error: an address the browser takes and the module refuses (no top-level domain).
    await desk.fill('.dialog input[name=recipient_email]', 'lea.mueller@localhost');
    await desk.check('.dialog input[type=radio][value=password]');
    await desk.click(GENERATE);
    state.password = await desk.inputValue('.dialog input[name=password]');
    assert.ok(state.password, 'a generated password');
    await desk.click('.dialog form.vm-form button[type=submit]');
    await desk.locator('.dialog .field-error').first().waitFor();
    await check(desk, `${lang} share dialog with field errors`);
    await shot(desk, `${lang}-share-dialog-errors`);

    await desk.fill('.dialog input[name=recipient_email]', 'lea.mueller@example.org');
    await desk.click('.dialog form.vm-form button[type=submit]');
    await desk.waitForSelector('.dialog a.vm-link');
    state.links[lang] = { password: { link: await desk.getAttribute('.dialog a.vm-link', 'href'), password: state.password } };
    await check(desk, `${lang} share result`);
    await shot(desk, `${lang}-share-result`);
    await desk.keyboard.press('Escape');
    await desk.waitForSelector('.dialog', { state: 'detached' });

    state.links[lang].code = await share(CASES[lang], lang, 'code');
    state.links[lang].none = await share(CASES[lang], lang, 'none');
    assertNoneFound();
  });

  test(`${lang}: the portal's pages`, async () => {
    const links = state.links[lang];
    const page = await recipientPage(lang);
    try {
      await page.goto(links.none.link);
      await page.waitForSelector('ul.files');
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      await check(page, `${lang} portal: unprotected link`);

      await page.goto(links.password.link);
      await page.waitForSelector('input#password');
      await check(page, `${lang} portal: password form`);
      await page.fill('#password', 'not-the-password');
      await page.click('form[action$="/password"] button[type=submit]');
      await page.waitForSelector('.error');
      // The message belongs to the field: a screen reader gives it again on the field.
      assert.equal(await page.getAttribute('#password', 'aria-invalid'), 'true');
      assert.equal(await page.getAttribute('#password', 'aria-describedby'), await page.getAttribute('.error', 'id'));
      await check(page, `${lang} portal: password form with an error`);
      await shot(page, `${lang}-portal-password-error`);

      await page.goto(links.code.link);
      await page.waitForSelector('form[action$="/code/send"] button');
      await check(page, `${lang} portal: code request`);
      await page.click('form[action$="/code/send"] button');
      await page.waitForURL(/\?sent$/);
      await page.waitForSelector('input#code');
      await check(page, `${lang} portal: code entry`);
      await shot(page, `${lang}-portal-code-entry`);

      const dead = await page.goto(links.none.link.replace(/\/s\/.*$/, '/s/' + 'A'.repeat(43)));
      assert.equal(dead.status(), 404);
      await check(page, `${lang} portal: unknown link`);
    } finally {
      await page.context().close();
    }
    assertNoneFound();
  });

  test(`${lang}: the case's panel, its menu, Details, access log, the protection and extend dialogs, the preview`, async () => {
    const id = await (await caseRow(CASES[lang])).getAttribute('data-case-id');
    await world.openLinksTable(id, lang === 'en' ? 'External Sharing' : 'Externes Teilen');
    await check(desk, `${lang} panel with links and access log`);
    await shot(desk, `${lang}-panel`, { fullPage: true });

    const row = () => linksTable().locator('tbody tr').first();
    await row().locator('.vm-menu-button').click();
    await desk.waitForSelector('.tab-panel .vm-menu:not([hidden])');
    await check(desk, `${lang} panel with the ⋯ menu open`);
    await desk.keyboard.press('Escape');

    await rowAction(row(), LABELS[lang].details);
    await desk.waitForSelector('.dialog .vm-pairs');
    await check(desk, `${lang} Details dialog`);
    await desk.keyboard.press('Escape');
    await desk.waitForSelector('.dialog', { state: 'detached' });

    await rowAction(row(), LABELS[lang].protection);
    await desk.waitForSelector('.dialog input[type=radio][value=password]');
    await check(desk, `${lang} change-protection dialog`);
    await desk.keyboard.press('Escape');
    await desk.waitForSelector('.dialog', { state: 'detached' });

    await rowAction(row(), LABELS[lang].extend);
    await desk.waitForSelector('.dialog input[name=expires_on]');
    await check(desk, `${lang} extend dialog`);
    await desk.keyboard.press('Escape');
    await desk.waitForSelector('.dialog', { state: 'detached' });

    const [preview] = await Promise.all([
      world.staff.waitForEvent('page'),
      row().locator('td.row-actions > button').first().click(),
    ]);
    await preview.waitForSelector('.preview');
    await check(preview, `${lang} owner's preview`);
    await shot(preview, `${lang}-preview`);
    await preview.close();
    assertNoneFound();
  });
}

// ---- by keyboard alone ---------------------------------------------------------------------------

// What has the focus: enough to say where it is and whether one can see it.
const focus = () => desk.evaluate(() => {
  const a = document.activeElement;
  const style = a ? getComputedStyle(a) : null;
  return {
    tag: a?.tagName, type: a?.type, value: a?.value, text: (a?.textContent || '').trim().slice(0, 60),
    inDialog: !!a?.closest('.dialog'), inMenu: !!a?.closest('.context-menu'),
    ring: !!style && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
  };
});

// `selector` in Playwright's syntax (:has-text too).
const focusMatches = (selector) => desk.locator(selector).evaluateAll((nodes) => nodes.includes(document.activeElement));

// Presses `key` until the focus is on `selector` (at most `max` times); with `trapped`, the focus
// never leaves the dialog on the way. Every stop must show a focus ring.
async function pressUntil(key, selector, { max = 40, trapped = false } = {}) {
  for (let i = 0; i < max; i++) {
    await desk.keyboard.press(key);
    const at = await focus();
    if (trapped) assert.ok(at.inDialog, `${key} keeps the focus in the dialog: ${JSON.stringify(at)}`);
    if (await focusMatches(selector)) {
      assert.ok(at.ring, `a visible focus ring on ${selector}: ${JSON.stringify(at)}`);
      return at;
    }
  }
  assert.fail(`${key} × ${max} never reaches ${selector}; the focus is on ${JSON.stringify(await focus())}`);
}

test('a share made by keyboard alone: case list, context menu, dialog, link', async () => {
  await signIn('anna.meier', 'demo-anna');
  await language('en');
  const row = await caseRow(KEYBOARD_CASE);
  const caseLink = `.case-table tr[data-case-id="${await row.getAttribute('data-case-id')}"] .case-link`;
  // The search box has the focus (the filter was typed there): Tab on to the case's name.
  assert.ok(await focusMatches('.toolbar input[type=search]'));
  await pressUntil('Tab', caseLink);

  // The keyboard's context menu key opens the case's menu on its first item; Escape closes it and
  // gives the focus back; Shift+F10 opens it too.
  await desk.keyboard.press('ContextMenu');
  await desk.waitForSelector('.context-menu');
  assert.ok((await focus()).inMenu, 'the menu has the focus');
  await desk.keyboard.press('Escape');
  await desk.waitForSelector('.context-menu', { state: 'detached' });
  assert.ok(await focusMatches(caseLink), 'Escape gives the focus back to the case\'s name');
  await desk.keyboard.press('Shift+F10');
  await desk.waitForSelector('.context-menu');
  assert.ok((await focus()).inMenu, 'Shift+F10: the menu has the focus');
  await desk.waitForSelector(`.context-menu .menu-item:has-text("${LABELS.en.share}")`);
  await pressUntil('ArrowDown', `.context-menu .menu-item:has-text("${LABELS.en.share}")`, { max: 10 });
  await desk.keyboard.press('Enter');
  await desk.waitForSelector('.dialog form.vm-form input[name=expires_on]');
  assert.ok((await focus()).inDialog, 'the dialog takes the focus');
  await shot(desk, 'keyboard-01-dialog');

  // Protection: Tab into the choices, arrows to "Password".
  await pressUntil('Tab', '.dialog input[type=radio]', { trapped: true });
  await pressUntil('ArrowDown', '.dialog input[type=radio][value=password]', { max: 6, trapped: true });
  assert.equal(await desk.isChecked('.dialog input[type=radio][value=password]'), true, 'the arrows choose');
  await pressUntil('Tab', GENERATE, { trapped: true });
  await desk.keyboard.press('Space');
  assert.equal((await desk.inputValue('.dialog input[name=password]')).length, 16, 'Space on "Generate" makes a password');
  await shot(desk, 'keyboard-02-password');

  // The focus stays in the dialog: round and round, both ways.
  await pressUntil('Tab', '.dialog .dialog-header .icon-button', { trapped: true });
  await pressUntil('Shift+Tab', '.dialog form.vm-form button[type=submit]', { trapped: true, max: 2 });
  await desk.keyboard.press('Enter');
  await desk.waitForSelector('.dialog a.vm-link');
  const link = await desk.getAttribute('.dialog a.vm-link', 'href');
  assert.match(link, /\/s\/[A-Za-z0-9_-]{40,}$/);
  assert.ok(await desk.isVisible('.dialog a.vm-link'), 'the link is shown');
  await pressUntil('Tab', '.dialog .copy-button', { trapped: true });
  await shot(desk, 'keyboard-03-link');

  // Escape closes the result (nothing typed in it) and gives the focus back to the case's name.
  await desk.keyboard.press('Escape');
  await desk.waitForSelector('.dialog', { state: 'detached' });
  await until('the focus back on the case\'s name', () => focusMatches(caseLink), 5000);
  assert.deepEqual(world.pageErrors, [], 'no script errors');
});
