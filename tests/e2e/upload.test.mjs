// End to end in headless Chromium: a caseworker adds an attachment to a case in the sample host
// (issue #18) and shares it. "Bericht über Lärm.pdf" goes in through the case's "Add attachment"
// file input (a labelled <input type=file>, reached with Tab), appears in the case's list at once
// and ticked in the share dialog, and the recipient downloads it from the portal with the same
// bytes. A file over the host's limit (attachments.max_upload_bytes, 1 MiB here) gets its error
// next to the control, in German for a German user, and leaves the list as it was.
//
// Screenshots go to $DM_E2E_ARTIFACTS/upload/.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { SharingDesk, shareCase, showItems } from './sharing_desk.mjs';

const LIMIT = 1 << 20;
const world = new SharingDesk('upload', {}, [], ['attachments:', `  max_upload_bytes: ${LIMIT}`]);
const { pageErrors, language, api, caseRow } = world;
const shot = (page, name) => world.shot(page, name, { fullPage: true });

// Demo data (sample-host/src/demo/demo_data.cpp): case i has no attachment when i % 4 == 3.
const CASE = 'MH-2024-00003';
const NAME = 'Bericht über Lärm.pdf';
// Bytes that are not all alike, so a misplaced or lost chunk would show.
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), createHash('sha512').update('Lärm').digest(),
  Buffer.from(Array.from({ length: 300000 }, (_, i) => (i * 7919) & 0xff)), Buffer.from('\n%%EOF\n')]);
const sha256 = (buffer) => createHash('sha256').update(buffer).digest('hex');
const state = {};

before(async () => {
  state.caseId = await world.startAtCase(CASE);
});

after(() => world.stop());

const openAttachments = () => world.openAttachments(state.caseId);

const attachmentNames = async () => (await api(`/api/cases/${state.caseId}/attachments`)).body.attachments.map((a) => a.name);

test('"Add attachment" takes "Bericht über Lärm.pdf"; it is listed at once', async () => {
  const desk = world.desk;
  await openAttachments();
  assert.deepEqual(await attachmentNames(), [], 'the case starts without attachments');
  const input = desk.getByLabel('Add attachment');
  assert.equal(await input.getAttribute('type'), 'file', 'a real file input, found by its label');
  // Keyboard: Tab from the last tab reaches the control.
  await desk.locator('.tabs .tab').last().focus();
  await desk.keyboard.press('Tab');
  assert.equal(await desk.evaluate(() => document.activeElement.id), 'attachment-upload');
  await shot(desk, 'en-01-empty-case');

  await world.addAttachment({ name: NAME, mimeType: 'application/pdf', buffer: PDF });
  await desk.waitForSelector(`.tab-panel .data-table tbody tr:has-text("${NAME}")`);
  assert.equal(await desk.evaluate(() => document.activeElement.id), 'attachment-upload', 'the focus stays on the control');
  await shot(desk, 'en-02-added');

  const [added] = (await api(`/api/cases/${state.caseId}/attachments`)).body.attachments;
  assert.equal(added.name, NAME);
  assert.equal(added.media_type, 'application/pdf');
  assert.equal(added.size, PDF.length);
  assert.equal(added.sha256, sha256(PDF));
  state.added = added;
});

test('the share dialog offers it ticked; the recipient downloads the same bytes', async () => {
  const desk = world.desk;
  const link = await shareCase(desk, await caseRow(CASE), 'Tom Weber', 'none', async (dialog) => {
    await showItems(dialog);
    const item = dialog.locator(`.item-row:has-text("${NAME}") input[type=checkbox]`);
    assert.equal(await item.count(), 1, 'the new attachment is in the dialog');
    assert.equal(await item.isChecked(), true);
    await shot(desk, 'en-03-share-dialog');
  });

  const context = await world.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB', acceptDownloads: true });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(20000);
    page.on('pageerror', (e) => pageErrors.push('recipient: ' + String(e)));
    assert.equal((await page.goto(link)).status(), 200);
    await page.waitForSelector('ul.files');
    await shot(page, 'en-04-recipient');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click(`ul.files li a:text-is(${JSON.stringify(NAME)})`),
    ]);
    assert.equal(download.suggestedFilename(), NAME);
    const saved = join(world.artifacts, 'download.pdf');
    await download.saveAs(saved);
    assert.ok(readFileSync(saved).equals(PDF), 'the recipient gets the bytes the caseworker uploaded');
  } finally {
    await context.close();
  }
});

test('a file over the limit: the error next to the control, in German; nothing added', async () => {
  const desk = world.desk;
  await desk.evaluate(() => { location.hash = '#/cases'; });
  await desk.waitForSelector('.toolbar input[type=search]');
  await language('de');
  await openAttachments();
  const input = desk.getByLabel('Anhang hinzufügen');
  await input.setInputFiles({ name: 'Zu gross.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(2 * LIMIT, 7) });
  const status = desk.locator('.attachment-upload #attachment-upload-status.field-error');
  await status.waitFor();
  assert.equal((await status.textContent()).trim(), 'Die Datei ist grösser, als ein Anhang sein darf.');
  assert.equal(await desk.getAttribute('#attachment-upload', 'aria-describedby'), 'attachment-upload-status');
  await shot(desk, 'de-05-too-large');
  assert.deepEqual(await attachmentNames(), [NAME], 'the list is as it was');
  assert.deepEqual(pageErrors, []);
});
