// End to end in headless Chromium (issue #18 §3, long values): three links whose recipients have
// long names and 80-character e-mail addresses keep the panel to one line per link at 1280×800 and
// at 390×844; the long texts end in "…" (whole as the cell's tooltip), and the link's "Details"
// (from its "⋯" menu, by keyboard: Enter, closed with Escape) show every fact whole, in English
// and German.
//
// Screenshots go to $DM_E2E_ARTIFACTS/long_cells/.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { SharingDesk } from './sharing_desk.mjs';

let desk;
const world = new SharingDesk('long_cells').aroundTests((w) => {
  desk = w.desk;
});
const { pageErrors, signIn, language, caseRow, deskShot: shot } = world;

// Demo case 12 (sample-host/src/demo/demo_data.cpp) has a correspondent with an e-mail address.
const CASE = 'MH-2024-00012';
// 80 characters each, valid addresses (a local part of at most 64).
const address = (who) => {
  const domain = '@registry-office.example.org';
  return (who + '.').padEnd(80 - domain.length, 'x') + domain;
};
const LINKS = ['Lina', 'Tom', 'Eva'].map((first) => ({
  name: `${first} Brunner-Wehrli von der Langen Strasse im Oberen Tal, Vertreterin der Erbengemeinschaft`,
  email: address(first.toLowerCase()),
}));

const state = {};

// Shares the case with `link` by e-mail through the dialog (no protection) and sends it.
async function shareByEmail(link) {
  await (await caseRow(CASE)).locator('.case-link').click({ button: 'right' });
  await desk.click('.context-menu .menu-item:has-text("Share with external person")');
  await desk.waitForSelector('.dialog form.vm-form input[name=expires_on]');
  await desk.fill('.dialog input[name=recipient_name]', link.name);
  await desk.fill('.dialog input[name=recipient_email]', link.email);
  await desk.fill('.dialog input[name=recipient_phone]', '');
  await desk.check('.dialog input[type=radio][value=none]');
  await desk.check('.dialog input[name=send_email]');
  await desk.click('.dialog button[type=submit]');
  await desk.waitForSelector('.dialog .notice-success');
  // The result's second step sends the e-mail (still ticked): the link is then "e-mailed to".
  assert.ok(await desk.isChecked('.dialog form.vm-form input[name=send_email]'));
  await desk.click('.dialog form.vm-form button[type=submit]');
  await desk.waitForSelector('.dialog', { state: 'detached' });
}

const openSharingTab = (title) => world.openLinksTable(state.caseId, title);

const linksTable = () => desk.locator('.tab-panel .vm-table').first();

// How the links table is laid out: its sideways scroll, each row's height and line height, and
// per visible text cell whether it is cut (wider than its box) and its tooltip.
const layout = () => linksTable().evaluate((t) => {
  const wrap = t.closest('.table-scroll');
  const heads = [...t.tHead.rows[0].cells].map((th) => th.textContent.trim());
  return {
    scrollWidth: wrap.scrollWidth,
    clientWidth: wrap.clientWidth,
    rows: [...t.tBodies[0].rows].map((tr) => ({
      height: tr.getBoundingClientRect().height,
      lineHeight: parseFloat(getComputedStyle(tr.cells[0]).lineHeight) || 20,
      cells: Object.fromEntries([...tr.cells].filter((td) => td.offsetParent !== null && !td.classList.contains('row-actions'))
        .map((td) => [heads[td.cellIndex], { cut: td.scrollWidth > td.clientWidth, title: td.title, overflow: getComputedStyle(td).textOverflow }])),
    })),
  };
});

function assertOneLinePerLink(l, where) {
  assert.equal(l.scrollWidth, l.clientWidth, `${where}: the links table does not scroll sideways`);
  assert.equal(l.rows.length, LINKS.length);
  const heights = new Set(l.rows.map((r) => Math.round(r.height)));
  assert.equal(heights.size, 1, `${where}: every row is as high as the others: ${[...heights]}`);
  for (const r of l.rows) assert.ok(r.height < 2 * r.lineHeight + 24, `${where}: a row is one line high (${r.height})`);
}

// The Details dialog's pairs as {label: value}.
const detailsShown = async () => {
  await desk.waitForSelector('.dialog .vm-pairs');
  return desk.evaluate(() => {
    const dl = document.querySelector('.dialog .vm-pairs');
    return Object.fromEntries([...dl.querySelectorAll('dt')].map((dt) => [dt.textContent.trim(), dt.nextElementSibling.textContent.trim()]));
  });
};

// Opens the Details of the first link by keyboard: "⋯", Enter (the menu opens on "Details"), Enter.
async function openDetailsByKeyboard() {
  const row = linksTable().locator('tbody tr').first();
  await row.locator('.vm-menu-button').focus();
  await desk.keyboard.press('Enter');
  assert.equal(await desk.evaluate(() => document.activeElement.getAttribute('role')), 'menuitem');
  await desk.keyboard.press('Enter');
  return detailsShown();
}

async function closeWithEscape() {
  await desk.keyboard.press('Escape');
  await desk.waitForSelector('.dialog', { state: 'detached' });
}

// ---- tests ----------------------------------------------------------------------------------------

test('three links with long names and 80-character addresses', async () => {
  await world.startTrial();
  await signIn('anna.meier', 'demo-anna');
  await language('en');
  state.caseId = await (await caseRow(CASE)).getAttribute('data-case-id');
  for (const link of LINKS) {
    assert.equal(link.email.length, 80);
    await shareByEmail(link);
  }
  await openSharingTab();
  assert.equal(await linksTable().locator('tbody tr').count(), LINKS.length);
});

test('at 1280×800 each link is one line; long texts end in "…" with the whole text as tooltip', async () => {
  await openSharingTab();
  await shot('en-1280');
  const l = await layout();
  assertOneLinePerLink(l, '1280×800');
  const shown = new Set(LINKS.flatMap((k) => [k.name, k.email]));
  for (const r of l.rows) {
    for (const column of ['Recipient', 'E-mailed to']) {
      const c = r.cells[column];
      assert.ok(c, `${column} is shown at 1280 px`);
      assert.ok(c.cut, `${column} is cut: ${JSON.stringify(c)}`);
      assert.equal(c.overflow, 'ellipsis', `${column} ends in "…"`);
      assert.ok(shown.has(c.title), `${column}'s tooltip is the whole text: ${c.title}`);
    }
  }
});

test('Details by keyboard show every fact whole and close with Escape, in English and German', async () => {
  await openSharingTab();
  const en = await openDetailsByKeyboard();
  await shot('en-details');
  const link = LINKS.find((k) => k.name === en.Recipient);
  assert.ok(link, `the whole name: ${en.Recipient}`);
  assert.equal(en['E-mail'], link.email);
  assert.equal(en['E-mailed to'], link.email);
  assert.equal(en['Created by'], 'Anna Meier');
  assert.equal(en.Protection, 'No verification');
  assert.match(en.Expires, /\d{4}, \d\d:\d\d \(.+\)$/, en.Expires);
  assert.match(en['Visible items'], /^Case details: \d+ of \d+; /);
  for (const label of ['Telephone number', 'Created', 'Status', 'Downloads', 'Last access', 'Message']) {
    assert.ok(en[label], `${label} is shown`);
  }
  await closeWithEscape();

  await language('de');
  await openSharingTab('Externes Teilen');
  const de = await openDetailsByKeyboard();
  assert.equal((await desk.textContent('.dialog .dialog-title')).trim(), 'Details zum Link');
  assert.equal(de['Empfänger:in'], link.name);
  assert.equal(de['Per E-Mail an'], link.email);
  assert.equal(de.Schutz, 'Kein Schutz');
  assert.match(de['Sichtbare Einträge'], /^Fallakten-Details: \d+ von \d+; /);
  await closeWithEscape();
  await language('en');
});

test('at 390×844 each link is still one line, nothing scrolls sideways, Details show the whole texts', async () => {
  await desk.setViewportSize({ width: 390, height: 844 });
  try {
    await openSharingTab();
    await shot('en-390');
    const l = await layout();
    assertOneLinePerLink(l, '390×844');
    for (const r of l.rows) {
      const c = r.cells.Recipient;
      assert.ok(c, 'the recipient stays');
      assert.ok(c.cut && c.overflow === 'ellipsis', `the recipient ends in "…": ${JSON.stringify(c)}`);
    }
    const actions = linksTable().locator('tbody tr').first().locator('td.row-actions');
    const box = await actions.boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= 390, `the row's actions are in the window: ${JSON.stringify(box)}`);
    const shown = await openDetailsByKeyboard();
    await shot('en-390-details');
    // Each label above its value: a long value gets the dialog's width, not a narrow column.
    const widths = await desk.evaluate(() => {
      const dd = document.querySelector('.dialog .vm-pairs dd');
      return { dd: dd.getBoundingClientRect().width, dl: dd.parentElement.getBoundingClientRect().width };
    });
    assert.ok(widths.dd > 0.9 * widths.dl, `a value is as wide as the list: ${JSON.stringify(widths)}`);
    const link = LINKS.find((k) => k.name === shown.Recipient);
    assert.ok(link, `the whole name: ${shown.Recipient}`);
    assert.equal(shown['E-mailed to'], link.email);
    await closeWithEscape();
  } finally {
    await desk.setViewportSize(world.deskOptions.viewport);
  }
  assert.deepEqual(pageErrors, []);
});
