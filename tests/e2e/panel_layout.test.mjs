// End to end in headless Chromium at 1280×800 (issue #18 §3 and §6): the External Sharing panel
// keeps one line per link with Preview and a "⋯" menu for the rest, every action reachable without
// scrolling sideways; the menu works by mouse and keyboard; icons are inline SVG, never a font
// glyph that some systems lack.
//
// Screenshots go to $DM_E2E_ARTIFACTS/panel_layout/.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { SharingDesk, shareCase } from './sharing_desk.mjs';

// An English browser of 1280 × 800 (the desk's default).
let desk;
const world = new SharingDesk('panel_layout').aroundTests((w) => {
  desk = w.desk;
});
const { pageErrors, signIn, language, caseRow, deskShot: shot } = world;

// Demo case 12 (sample-host/src/demo/demo_data.cpp) has a phone number and an e-mail address.
const CASE_TWO_LINKS = 'MH-2024-00012';
const VIEWPORT = world.deskOptions.viewport;
// Some of the glyphs the host drew icons with before they were SVG.
const OLD_GLYPHS = ['⤴', '🔗', '🔒', '🗑', '＋', '👁', '◌', '⧉', '⭳', '🕓', '📅', '🔑', '⚙', '✕', '⋯'];
const MENU = ['Details', 'Show password', 'Change protection', 'Extend/Change', 'Visible items', 'Reset counters', 'Revoke'];

const state = {};

// ---- helpers --------------------------------------------------------------------------------

const openSharingTab = (title) => world.openLinksTable(state.caseId, title);

const linksTable = () => desk.locator('.tab-panel .vm-table').first();
const linkRow = (name) => linksTable().locator('tbody tr', { hasText: name });
const menuOf = (row) => row.locator('.vm-menu');
const triggerOf = (row) => row.locator('.vm-menu-button');

// The box of `locator` lies inside the window, left to right (and top to bottom with `vertical`).
async function assertInView(locator, what, vertical = false) {
  const box = await locator.boundingBox();
  assert.ok(box && box.width > 0 && box.height > 0, `${what} is drawn`);
  assert.ok(box.x >= 0 && box.x + box.width <= VIEWPORT.width, `${what} within the window's width: ${JSON.stringify(box)}`);
  if (vertical) assert.ok(box.y >= 0 && box.y + box.height <= VIEWPORT.height, `${what} within the window's height: ${JSON.stringify(box)}`);
}

const activeText = () => desk.evaluate(() => [document.activeElement.getAttribute('role'), document.activeElement.textContent.trim()]);

// ---- tests ----------------------------------------------------------------------------------------

test('two password links on one case', async () => {
  await world.startTrial();

  await signIn('anna.meier', 'demo-anna');
  await language('en');
  state.caseId = await (await caseRow(CASE_TWO_LINKS)).getAttribute('data-case-id');
  // Password links: their menu holds every action there is.
  await shareCase(desk, await caseRow(CASE_TWO_LINKS), 'Lina Brunner', 'password');
  await shareCase(desk, await caseRow(CASE_TWO_LINKS), 'Tom Weber', 'password');
  await openSharingTab();
  assert.equal(await linksTable().locator('tbody tr').count(), 2);
});

test('at 1280 px each link is one line with Preview and "⋯", every action reachable without scrolling sideways', async () => {
  await openSharingTab();
  await shot('en-panel-1280');
  const scroll = await linksTable().evaluate((t) => {
    const wrap = t.closest('.table-scroll');
    return { scrollWidth: wrap.scrollWidth, clientWidth: wrap.clientWidth };
  });
  assert.equal(scroll.scrollWidth, scroll.clientWidth, 'the links table does not scroll sideways');

  for (const name of ['Lina Brunner', 'Tom Weber']) {
    const row = linkRow(name);
    const visible = await row.locator('td.row-actions > button').allTextContents();
    assert.deepEqual(visible.map((s) => s.trim()), ['Preview'], `${name}: Preview is the row's one button`);
    await assertInView(row.locator('td.row-actions > button:has-text("Preview")'), `${name}: Preview`);
    await assertInView(triggerOf(row), `${name}: ⋯`);

    // One line: every text of the row sits on the same line, dates included.
    const lines = await row.evaluate((tr) => {
      const tops = [];
      const walker = document.createTreeWalker(tr, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!n.textContent.trim() || n.parentElement.closest('[hidden]')) continue;
        const range = document.createRange();
        range.selectNodeContents(n);
        for (const r of range.getClientRects()) if (r.height > 0) tops.push(r.top + r.height / 2);
      }
      const lineHeight = parseFloat(getComputedStyle(tr.querySelector('td')).lineHeight) || 20;
      return { spread: Math.max(...tops) - Math.min(...tops), lineHeight, height: tr.getBoundingClientRect().height };
    });
    assert.ok(lines.spread < lines.lineHeight / 2, `${name}: all texts on one line (${JSON.stringify(lines)})`);
    assert.ok(lines.height < 2 * lines.lineHeight + 24, `${name}: the row is one line high (${JSON.stringify(lines)})`);

    await triggerOf(row).click();
    const items = menuOf(row).locator('[role=menuitem]');
    assert.deepEqual((await items.allTextContents()).map((s) => s.trim()), MENU);
    for (let i = 0; i < await items.count(); i++) {
      await assertInView(items.nth(i), `${name}: menu item ${i + 1}`, true);
    }
    await shot('en-panel-menu-' + name.split(' ')[0].toLowerCase());
    await desk.keyboard.press('Escape');
  }
});

test('the "⋯" menu by mouse: opens, closes on a click elsewhere, an item runs its action', async () => {
  await openSharingTab();
  const row = linkRow('Lina Brunner');
  const trigger = triggerOf(row);
  assert.equal(await trigger.getAttribute('aria-haspopup'), 'menu');
  assert.equal(await trigger.getAttribute('aria-expanded'), 'false');
  assert.equal(await trigger.getAttribute('aria-label'), 'More actions for Lina Brunner');
  assert.equal(await menuOf(row).isVisible(), false);
  await trigger.click();
  assert.equal(await trigger.getAttribute('aria-expanded'), 'true');
  assert.equal(await menuOf(row).getAttribute('role'), 'menu');
  assert.ok(await menuOf(row).isVisible());
  await desk.mouse.click(5, 5);
  assert.equal(await trigger.getAttribute('aria-expanded'), 'false');
  assert.equal(await menuOf(row).isVisible(), false);

  await trigger.click();
  await menuOf(row).locator('[role=menuitem]:has-text("Show password")').click();
  await desk.waitForSelector('.dialog .vm-pairs');
  assert.ok((await desk.textContent('.dialog .vm-pairs dd')).trim().length >= 12, 'the generated password is shown');
  await desk.click('.dialog .dialog-header .icon-button');
  await desk.waitForSelector('.dialog', { state: 'detached' });
});

test('the "⋯" menu by keyboard: Enter and Space open it, arrows move, Escape closes and returns the focus', async () => {
  await openSharingTab();
  const row = linkRow('Lina Brunner');
  const trigger = triggerOf(row);
  await trigger.focus();
  await desk.keyboard.press('Enter');
  assert.equal(await trigger.getAttribute('aria-expanded'), 'true');
  assert.deepEqual(await activeText(), ['menuitem', 'Details']);
  await desk.keyboard.press('ArrowDown');
  assert.deepEqual(await activeText(), ['menuitem', 'Show password']);
  await desk.keyboard.press('ArrowUp');
  await desk.keyboard.press('ArrowUp');
  assert.deepEqual(await activeText(), ['menuitem', 'Revoke'], 'ArrowUp on the first item wraps to the last');
  await desk.keyboard.press('Home');
  assert.deepEqual(await activeText(), ['menuitem', 'Details']);
  await desk.keyboard.press('Escape');
  assert.equal(await trigger.getAttribute('aria-expanded'), 'false');
  assert.equal(await menuOf(row).isVisible(), false);
  assert.ok(await trigger.evaluate((b) => b === document.activeElement), 'the focus is back on "⋯"');

  await desk.keyboard.press('Space');
  assert.equal(await trigger.getAttribute('aria-expanded'), 'true');
  await desk.keyboard.press('ArrowDown');
  await desk.keyboard.press('ArrowDown');
  await desk.keyboard.press('ArrowDown');
  assert.deepEqual(await activeText(), ['menuitem', 'Extend/Change']);
  await desk.keyboard.press('Enter');
  await desk.waitForSelector('.dialog input[name=expires_on]');
  await desk.click('.dialog .dialog-header .icon-button');
  await desk.waitForSelector('.dialog', { state: 'detached' });
});

test('Revoke from the menu asks, then ends the link', async () => {
  await openSharingTab();
  const row = linkRow('Tom Weber');
  await triggerOf(row).click();
  await menuOf(row).locator('[role=menuitem]:has-text("Revoke")').click();
  await desk.waitForSelector('.dialog .confirm-text');
  await shot('en-revoke-from-menu');
  await desk.click('.dialog .button-row .button-danger');
  await desk.waitForSelector('.dialog .confirm-text', { state: 'detached' });
  await desk.waitForFunction(() => {
    const tr = [...document.querySelectorAll('.tab-panel .vm-table')][0]?.querySelectorAll('tbody tr');
    return tr && [...tr].some((r) => r.textContent.includes('Tom Weber') && /revoked/.test(r.textContent));
  });
  assert.equal(await triggerOf(linkRow('Tom Weber')).count(), 0, 'a revoked link has no menu left');
  assert.deepEqual((await linkRow('Tom Weber').locator('td.row-actions > button').allTextContents()).map((s) => s.trim()),
    ['Details'], 'only its details');
  assert.equal(await triggerOf(linkRow('Lina Brunner')).count(), 1, 'the other link keeps its menu');
});

test('every icon on the case page and the panel is an inline SVG; no icon glyph remains; unknown names draw nothing', async () => {
  await openSharingTab();
  const row = linkRow('Lina Brunner');
  await triggerOf(row).click();
  const icons = await desk.evaluate(() => [...document.querySelectorAll('.icon')]
    .filter((i) => i.checkVisibility())
    .map((i) => {
      const r = i.getBoundingClientRect();
      return { tag: i.tagName.toLowerCase(), name: i.getAttribute('class'), text: i.textContent, hidden: i.getAttribute('aria-hidden'), role: i.getAttribute('role'), w: r.width, h: r.height, paths: i.querySelectorAll('path').length };
    }));
  const names = new Set(icons.map((i) => i.name.replace('icon icon-', '')));
  for (const expected of ['plus', 'trash', 'eye', 'key', 'lock', 'calendar', 'eye-off', 'copy', 'more', 'refresh']) {
    assert.ok(names.has(expected), `the "${expected}" icon is on the page: ${[...names]}`);
  }
  for (const i of icons) {
    assert.equal(i.tag, 'svg', `${i.name} is an svg`);
    assert.ok(i.w > 0 && i.h > 0, `${i.name} has a size: ${i.w}×${i.h}`);
    assert.ok(i.paths > 0, `${i.name} has a path`);
    assert.ok(i.hidden === 'true' || i.role === 'img', `${i.name} is hidden from assistive technology or named`);
  }
  await desk.keyboard.press('Escape');

  // A dialog's close button too.
  await triggerOf(row).click();
  await menuOf(row).locator('[role=menuitem]:has-text("Extend")').click();
  const close = desk.locator('.dialog .dialog-header .icon-button svg.icon-close');
  const box = await close.boundingBox();
  assert.ok(box && box.width > 0 && box.height > 0, 'the dialog\'s ✕ is an svg with a size');
  const text = await desk.evaluate(() => document.body.innerText);
  for (const glyph of OLD_GLYPHS) assert.ok(!text.includes(glyph), `no "${glyph}" glyph on the page`);
  await desk.click('.dialog .dialog-header .icon-button');
  await desk.waitForSelector('.dialog', { state: 'detached' });

  const unknown = await desk.evaluate(async () => {
    const { icon } = await import('/static/icons.js');
    return [icon('no-such-icon'), icon('plus')?.tagName];
  });
  assert.deepEqual(unknown, [null, 'svg']);
  assert.deepEqual(pageErrors, []);
});
