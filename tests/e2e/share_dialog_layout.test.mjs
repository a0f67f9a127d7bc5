// End to end in headless Chromium: the share dialog's layout (issue #18, "the share dialog").
//
// At 1280 × 800 the dialog leads with who, protection and expiry, says in one line what is shared
// ("3 of 4 attachments, 2 of 5 journal entries", "3 von 4 Anhängen, …") and opens the item list on
// demand; the Share button is in sight without scrolling. Screenshots go to
// $DM_E2E_ARTIFACTS/share_dialog_layout/.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { SharingDesk, assertAccessible } from './sharing_desk.mjs';

// Demo data (sample-host/src/demo/demo_data.cpp): a case with journal entries and three attachments.
const CASE = 'MH-2024-00006';

const world = new SharingDesk('share_dialog_layout');
const { signIn, language, caseRow, shot } = world;
let desk;

before(async () => {
  await world.start();
  ({ desk } = world);
});

after(() => world.stop());

const MENU = { en: 'Share with external person', de: 'Fall mit externer Person teilen' };
const SHARE = { en: 'Share', de: 'Teilen' };
// Each group's words by language and plural form (the form follows the group's total).
const WORDS = {
  en: { details: ['case detail', 'case details'], journal: ['journal entry', 'journal entries'], attachments: ['attachment', 'attachments'], of: 'of' },
  de: { details: ['Falldetail', 'Falldetails'], journal: ['Journaleintrag', 'Journaleinträgen'], attachments: ['Anhang', 'Anhängen'], of: 'von' },
};

async function openDialog(lang) {
  const row = await caseRow(CASE);
  await row.locator('.case-link').click({ button: 'right' });
  await desk.click(`.context-menu .menu-item:has-text("${MENU[lang]}")`);
  await desk.waitForSelector('.dialog form.vm-form input[name=expires_on]');
  return desk.locator('.dialog');
}

// What the item list holds, read from its checkboxes (hidden or not): group → [checked, total].
async function counts(dialog) {
  return dialog.locator('.item-section').evaluateAll((sections) => sections.map((s) => {
    const items = [...s.querySelectorAll('.item-row input[type=checkbox]')];
    const on = s.querySelector('legend input[type=checkbox]').checked;
    return [items.length, on ? items.filter((i) => i.checked).length : 0];
  }));
}

// The summary the test expects from the list's state, in the dialog's group order.
function expectedSummary(lang, state) {
  const w = WORDS[lang];
  return ['details', 'journal', 'attachments'].map((g, i) => [g, ...state[i]])
    .filter(([, total]) => total > 0)
    .map(([g, total, checked]) => `${checked} ${w.of} ${total} ${w[g][total === 1 ? 0 : 1]}`).join(', ');
}

async function checkDialog(lang) {
  const dialog = await openDialog(lang);
  // The Share button is inside the viewport when the dialog opens, without scrolling anything.
  const submit = dialog.locator(`form.vm-form button[type=submit]:has-text("${SHARE[lang]}")`);
  const box = await submit.boundingBox();
  assert.ok(box, 'the Share button is drawn');
  assert.ok(box.y >= 0 && box.x >= 0 && box.y + box.height <= 800 && box.x + box.width <= 1280,
    `the Share button lies within 1280 × 800: ${JSON.stringify(box)}`);
  assert.equal(await dialog.locator('.dialog-body').evaluate((b) => b.scrollTop), 0, 'nothing was scrolled');
  // Who comes first: the recipient's name is the form's first field.
  assert.equal(await dialog.locator('form.vm-form .field input').first().getAttribute('name'), 'recipient_name');
  await shot(desk, `${lang}-dialog-opened`);

  // The item list is folded away; the summary says what it holds.
  const summary = dialog.locator('.items-summary');
  const expand = dialog.locator('button.items-expand');
  assert.equal(await dialog.locator('.item-row').first().isVisible(), false, 'the items start folded');
  assert.equal(await expand.getAttribute('aria-expanded'), 'false');
  const before = await counts(dialog);
  assert.ok(before[1][0] >= 1 && before[2][0] >= 2, `the case has journal entries and attachments: ${JSON.stringify(before)}`);
  assert.equal((await summary.textContent()).trim(), expectedSummary(lang, before));

  // Expanding shows the items; unticking one attachment changes the summary at once.
  await expand.click();
  assert.equal(await expand.getAttribute('aria-expanded'), 'true');
  await dialog.locator('.item-row').first().waitFor();
  const attachment = dialog.locator('.item-section').nth(2).locator('.item-row input[type=checkbox]:checked').first();
  await attachment.uncheck();
  const after = await counts(dialog);
  assert.equal(after[2][1], before[2][1] - 1);
  assert.equal((await summary.textContent()).trim(), expectedSummary(lang, after));
  const [, , attachments] = after;
  assert.match(await summary.textContent(), new RegExp(`${attachments[1]} ${WORDS[lang].of} ${attachments[0]} ${WORDS[lang].attachments[1]}`));
  await shot(desk, `${lang}-dialog-expanded`);
  await assertAccessible(desk, `the expanded share dialog (${lang})`);
  // A whole group switched off counts none.
  await dialog.locator('.item-section').nth(1).locator('legend input[type=checkbox]').uncheck();
  assert.match(await summary.textContent(), new RegExp(`, 0 ${WORDS[lang].of} ${after[1][0]} `));

  await dialog.locator('.dialog-header .icon-button').click();
  await desk.locator('.discard-prompt button.button-danger').click();
  await desk.waitForSelector('.dialog', { state: 'detached' });
}

test('the organisation admin starts the free trial', async () => {
  await world.startTrial();
});

test('an English caseworker: who first, the summary of what is shared, Share in sight', async () => {
  await signIn('anna.meier', 'demo-anna');
  await language('en');
  await checkDialog('en');
});

test('a German caseworker: "3 von 4 Anhängen", Teilen in sight', async () => {
  await language('de');
  await checkDialog('de');
});

test('the folded dialog still shares: the link is made with the items as chosen', async () => {
  await language('en');
  const dialog = await openDialog('en');
  await desk.fill('.dialog input[name=recipient_name]', 'Lina Brunner');
  await desk.check('.dialog input[type=radio][value=none]');
  await dialog.locator('form.vm-form button[type=submit]').click();
  await desk.waitForSelector('.dialog .notice-success:has-text("Link created")');
  assert.deepEqual(world.pageErrors, []);
});
