// End to end in headless Chromium: the recipient's page (issue #18, "the recipient's page").
// A caseworker uploads a PDF, a PNG, an HTML file named .pdf, an SVG with script and a text file
// to a case and shares them. The recipient sees an SVG icon per file, "Download all" first, and
// "View" only for the PDFs and the image. A PDF opens in Chromium's viewer under the view route's
// sandboxing CSP (no download); the HTML named .pdf and the SVG run no script on the portal's
// origin; the print view shows details and journal and, printed, no forms or buttons; axe-core
// finds nothing on the page and the print view in English and German.
//
// Screenshots go to $DM_E2E_ARTIFACTS/recipient_page/.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { SharingDesk, assertAccessible, pdfViewerText, shareCase, until } from './sharing_desk.mjs';

const world = new SharingDesk('recipient_page', {}, [], ['attachments:', `  max_upload_bytes: ${8 << 20}`]);
const { pageErrors, caseRow, openAttachments, addAttachment } = world;
const shot = (page, name) => world.shot(page, name, { fullPage: true });

// Demo data (sample-host/src/demo/demo_data.cpp): case i has no attachment when i % 4 == 3.
const CASE = 'MH-2024-00011';  // open, without attachments of its own (a closed case takes no new file)

const PDF = Buffer.from(`%PDF-1.1
1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj
2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj
3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 144]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj
4 0 obj<</Length 44>>stream
BT /F1 18 Tf 20 70 Td (Hello PDF) Tj ET
endstream endobj
5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj
trailer<</Root 1 0 R>>
%%EOF
`);
// A PDF of `pages` pages ("Seite N" on each) with a proper cross-reference table, grown to about
// `bytes` by a comment in each page's content: a file the viewer takes seconds to read, not one
// that fits in a socket buffer.
function largePdf(pages, bytes) {
  const objects = [];
  const kids = [];
  for (let i = 0; i < pages; i += 1) kids.push(`${4 + 2 * i} 0 R`);
  objects.push('<</Type/Catalog/Pages 2 0 R>>');
  objects.push(`<</Type/Pages/Kids[${kids.join(' ')}]/Count ${pages}>>`);
  objects.push('<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>');
  for (let i = 0; i < pages; i += 1) {
    const text = `BT /F1 24 Tf 40 300 Td (Seite ${i + 1}) Tj ET`;
    objects.push(`<</Type/Page/Parent 2 0 R/MediaBox[0 0 420 595]/Contents ${5 + 2 * i} 0 R/Resources<</Font<</F1 3 0 R>>>>>>`);
    // Every page's content carries its share of the padding as a comment line.
    const padding = '%' + 'x'.repeat(Math.max(0, Math.floor(bytes / pages) - 2)) + '\n';
    const content = padding + text;
    objects.push(`<</Length ${Buffer.byteLength(content)}>>\nstream\n${content}\nendstream`);
  }
  let out = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<</Size ${objects.length + 1}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
const LARGE_PDF_PAGES = 30;
const LONG_NAME = 'Gutachten_Baubewilligung_Parzelle_4711_Nachtrag_2024_final_unterschrieben.pdf';

// A 1×1 red PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC', 'base64');
// Script that marks the portal's origin (title, storage) if it ever runs there.
const ATTACK = "document.title='pwned';try{localStorage.setItem('pwned','1')}catch(e){}";
const FILES = [
  { name: 'Bericht.pdf', mimeType: 'application/pdf', buffer: PDF, viewable: true, family: 'pdf' },
  { name: 'Scan.png', mimeType: 'image/png', buffer: PNG, viewable: true, family: 'image' },
  { name: 'Tarnung.pdf', mimeType: 'application/pdf', buffer: Buffer.from(`<!DOCTYPE html><html><body><script>${ATTACK}</script>x</body></html>`), viewable: true, family: 'pdf' },
  { name: 'Zeichnung.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" onload="${ATTACK}"><script>${ATTACK}</script></svg>`), viewable: false, family: 'image' },
  { name: 'Notizen.txt', mimeType: 'text/plain', buffer: Buffer.from('Notizen\n'), viewable: false, family: 'document' },
  { name: 'Handbuch.pdf', mimeType: 'application/pdf', buffer: largePdf(LARGE_PDF_PAGES, 6 << 20), viewable: true, family: 'pdf' },
  // One word longer than a phone is wide.
  { name: LONG_NAME, mimeType: 'application/pdf', buffer: PDF, viewable: true, family: 'pdf' },
];
const state = {};

before(async () => {
  await openAttachments(await world.startAtCase(CASE));
  for (const f of FILES) {
    await addAttachment(f);
  }
  state.link = await shareCase(world.desk, await caseRow(CASE), 'Tom Weber', 'none');
  state.limitedLink = await shareCase(world.desk, await caseRow(CASE), 'Lea Frei', 'none', async (dialog) => {
    await dialog.locator('input[name=advanced]').check();
    await dialog.locator('input[name=download_limit]').fill('1');
  });
  state.passwordLink = await shareCase(world.desk, await caseRow(CASE), 'Mia Graf', 'password');
});

after(() => world.stop());

// The recipient: a fresh browser context, nobody's cookies.
const recipientOpens = (locale = 'en-GB', link = state.link) =>
  world.recipientOpens(link, locale, 'ul.files', { acceptDownloads: true });

const fileItem = (page, name) => page.locator('ul.files li', { hasText: name });

// The script of a disguised file did not run on the portal's origin: the page's title and the
// origin's storage are untouched.
async function assertNoScriptRan(page) {
  assert.notEqual(await page.title(), 'pwned');
  await page.goto(state.link);
  assert.equal(await page.evaluate(() => localStorage.getItem('pwned')), null, 'the script wrote to the portal origin');
}

test('every file has its SVG icon; "View" only for PDFs and images; "Download all" first', async () => {
  const { context, page } = await recipientOpens();
  try {
    assert.equal(await page.locator('ul.files li').count(), FILES.length);
    for (const f of FILES) {
      const item = fileItem(page, f.name);
      const icon = item.locator('svg.file-icon');
      assert.equal(await icon.count(), 1, `one icon for ${f.name}`);
      assert.equal(await icon.getAttribute('aria-hidden'), 'true');
      assert.match(await icon.getAttribute('class'), new RegExp(`file-icon-${f.family}\\b`), f.name);
      const box = await icon.boundingBox();
      assert.ok(box && box.width >= 16 && box.height >= 16, `the icon of ${f.name} is drawn: ${JSON.stringify(box)}`);
      assert.ok(await icon.locator('path').count() > 0, 'a drawing, not a glyph');
      assert.equal(await item.locator('a.view').count(), f.viewable ? 1 : 0, `View for ${f.name}`);
    }
    // No icon font glyphs (arrows, dingbats, fullwidth forms, private use) anywhere on the page.
    const glyphs = await page.evaluate(() => (document.body.innerText.match(/[\u2190-\u2BFF\uE000-\uF8FF\uFF00-\uFFEF]/g) || []).join(''));
    assert.equal(glyphs, '', 'font glyphs on the page');
    // "Download all" is the first action, in front of the list, and the language switch is quiet.
    const first = page.locator('main .actions a').first();
    assert.equal(await first.textContent(), 'Download everything as ZIP');
    const [actionsTop, listTop] = await Promise.all([page.locator('main .actions').boundingBox(), page.locator('ul.files').boundingBox()]);
    assert.ok(actionsTop.y < listTop.y, 'the actions come before the list');
    const colours = await page.evaluate(() => ({
      all: getComputedStyle(document.querySelector('main .actions a.primary')).backgroundColor,
      lang: getComputedStyle(document.querySelector('header form.lang button')).backgroundColor,
    }));
    assert.notEqual(colours.all, 'rgba(0, 0, 0, 0)', 'Download all is a filled button');
    assert.equal(colours.lang, 'rgba(0, 0, 0, 0)', 'the language switch has no fill');
    await shot(page, 'en-01-recipient-page');
    await assertAccessible(page, 'the recipient page (English)');
  } finally {
    await context.close();
  }
});

test('a PDF opens in the browser\'s viewer under the sandboxing policy, without a download', async () => {
  const { context, page } = await recipientOpens();
  try {
    let downloads = 0;
    page.on('download', () => { downloads += 1; });
    // The main frame's navigation (the viewer fetches the file again for itself).
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/view/') && r.request().isNavigationRequest() && r.frame() === page.mainFrame()),
      fileItem(page, 'Bericht.pdf').locator('a.view').click(),
    ]);
    const h = await response.allHeaders();
    assert.equal(response.status(), 200);
    assert.equal(h['content-type'], 'application/pdf');
    assert.match(h['content-disposition'], /^inline; filename="Bericht\.pdf"/);
    assert.equal(h['x-content-type-options'], 'nosniff');
    assert.match(h['content-security-policy'], /^sandbox; default-src 'none'/);
    assert.doesNotMatch(h['content-security-policy'], /script-src/);
    // Chromium's PDF viewer drew the document: its toolbar counts one page, and no error.
    const viewer = await until('the PDF viewer to show the document', async () => {
      const text = await pdfViewerText(page);
      return /pages: ?1\b/.test(text) ? text : null;
    }, 20000);
    assert.doesNotMatch(viewer, /Failed to load/);
    assert.equal(downloads, 0, 'the PDF was shown, not downloaded');
    assert.match(page.url(), /\/view\//);
    await shot(page, 'en-02-pdf-inline');
  } finally {
    await context.close();
  }
});

test('a large PDF under a download limit of one is shown whole by the viewer; the view was that download', async () => {
  const { context, page } = await recipientOpens('en-GB', state.limitedLink);
  try {
    const refusals = [];
    context.on('response', (r) => { if (r.url().includes('/view/') && r.status() !== 200) refusals.push(r.status()); });
    await fileItem(page, 'Handbuch.pdf').locator('a.view').click();
    // The viewer fetches the file again for itself: under the limit that costs nothing more, so it
    // draws every page rather than "Failed to load".
    const viewer = await until('the PDF viewer to show all pages', async () => {
      const text = await pdfViewerText(page);
      return /Failed to load/.test(text) || new RegExp(`pages: ?${LARGE_PDF_PAGES}\\b`).test(text) ? text : null;
    }, 30000);
    assert.doesNotMatch(viewer, /Failed to load/);
    assert.deepEqual(refusals, []);
    // The one download is spent: another file is refused with the limit's page.
    await page.goBack();
    await page.waitForSelector('ul.files');
    const href = await fileItem(page, 'Notizen.txt').locator('a[download]').getAttribute('href');
    const other = await context.request.get(new URL(href, state.limitedLink).href);
    assert.equal(other.status(), 403);
    assert.match(await other.text(), /maximum number of downloads has been reached/);
  } finally {
    await context.close();
  }
});

// The recipient is often on a phone: 390×844 CSS pixels, touch, German.
test('on a phone nothing scrolls sideways, long names wrap, and every action is in reach', async () => {
  const context = await world.browser.newContext({
    viewport: { width: 390, height: 844 }, locale: 'de-CH', isMobile: true, hasTouch: true, deviceScaleFactor: 2,
  });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(20000);
    page.on('pageerror', (e) => pageErrors.push('recipient (phone): ' + String(e)));
    const fits = async (where) => {
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 390, `${where}: the page is ${width} px wide on a 390 px screen`);
    };
    // A touch target of at least 24×24 px (WCAG 2.2, 2.5.8), wholly on the screen.
    const inReach = async (locator, what) => {
      const box = await locator.boundingBox();
      assert.ok(box, `${what} is drawn`);
      assert.ok(box.x >= 0 && box.x + box.width <= 390, `${what} is on the screen: ${JSON.stringify(box)}`);
      assert.ok(box.width >= 24 && box.height >= 24, `${what} is large enough to touch: ${JSON.stringify(box)}`);
    };

    assert.equal((await page.goto(state.passwordLink)).status(), 200);
    await page.waitForSelector('input[type=password]');
    await fits('the password page');
    await inReach(page.locator('input[type=password]'), 'the password field');
    for (const target of await page.locator('a:visible, button:visible, input:visible').all()) {
      await inReach(target, `“${(await target.textContent()).trim() || await target.getAttribute('name')}” on the password page`);
    }
    await assertAccessible(page, 'the password page on a phone');

    // A link that no longer works (here: never did) says so on a phone too.
    const dead = state.link.replace(/\/s\/[^/]+$/, '/s/' + 'x'.repeat(43));
    assert.equal((await page.goto(dead)).status(), 404);
    await fits('the page of a link that does not work');
    for (const target of await page.locator('a:visible, button:visible').all()) {
      await inReach(target, `“${(await target.textContent()).trim()}” on the page of a dead link`);
    }

    // The recipient's page, in German and in English (the English words are longer).
    assert.equal((await page.goto(state.link)).status(), 200);
    for (const lang of ['de', 'en']) {
      if (lang === 'en') {
        // The page's quiet language switch, as a recipient would touch it.
        await page.click('form.lang button');
        await page.waitForFunction(() => document.documentElement.lang === 'en');
      }
      await page.waitForSelector('ul.files');
      await fits(`the recipient page (${lang})`);
      const long = fileItem(page, LONG_NAME);
      assert.match(await long.textContent(), new RegExp(LONG_NAME.replace(/\./g, '\\.')), 'the whole name is shown');
      for (const f of FILES) {
        const item = fileItem(page, f.name);
        await inReach(item.locator('a[download]'), `the download of ${f.name}`);
        if (f.viewable) await inReach(item.locator('a.view'), `View of ${f.name}`);
      }
      await inReach(page.locator('main .actions a').first(), 'Download all');
      // And everything else one can touch: links, buttons, the language switch.
      for (const target of await page.locator('a:visible, button:visible').all()) {
        await inReach(target, `“${(await target.textContent()).trim()}”`);
      }
      await assertAccessible(page, `the recipient page on a phone (${lang})`);
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      await world.shot(page, `${lang}-05-phone`);  // what the screen shows, not the whole page
    }
  } finally {
    await context.close();
  }
});

test('an image is shown in the browser', async () => {
  const { context, page } = await recipientOpens();
  try {
    await fileItem(page, 'Scan.png').locator('a.view').click();
    await page.waitForURL(/\/view\//);
    assert.equal(await page.evaluate(() => document.querySelector('img')?.naturalWidth), 1);
  } finally {
    await context.close();
  }
});

test('an HTML file named .pdf runs no script: it is only ever a PDF to the browser', async () => {
  const { context, page } = await recipientOpens();
  try {
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/view/')),
      fileItem(page, 'Tarnung.pdf').locator('a.view').click(),
    ]);
    assert.equal(response.headers()['content-type'], 'application/pdf');
    // The browser treats it as the PDF it claims to be, and fails to read it as one.
    await until('the PDF viewer to give up', async () => /Failed to load PDF document/.test(await pdfViewerText(page)), 20000);
    await assertNoScriptRan(page);
  } finally {
    await context.close();
  }
});

test('an SVG with script is a download, even on the view route, and runs no script', async () => {
  const { context, page } = await recipientOpens();
  try {
    const href = await fileItem(page, 'Zeichnung.svg').locator('a[download]').getAttribute('href');
    const viewUrl = new URL(href.replace('/files/', '/view/'), state.link).href;
    const r = await context.request.get(viewUrl);
    assert.equal(r.status(), 200);
    assert.match(r.headers()['content-disposition'], /^attachment;/);
    assert.notEqual(r.headers()['content-type'], 'image/svg+xml;charset=utf-8');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.goto(viewUrl).catch(() => null), // Chromium ends a navigation that becomes a download
    ]);
    assert.equal(download.suggestedFilename(), 'Zeichnung.svg');
    await assertNoScriptRan(page);
  } finally {
    await context.close();
  }
});

for (const [locale, lang, printLabel, detailsHeading, journalHeading] of [
  ['en-GB', 'en', 'Print view', 'Details', 'Journal'],
  ['de-CH', 'de', 'Druckansicht', 'Details', 'Journal'],
]) {
  test(`the print view (${lang}): details and journal on paper, no forms or buttons`, async () => {
    const { context, page } = await recipientOpens(locale);
    try {
      assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
      // The page itself, printed: no forms, no buttons, the content stays.
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.locator('header form.lang').isVisible(), false, 'the language switch is not printed');
      assert.equal(await page.locator('main .actions').isVisible(), false, 'the buttons are not printed');
      await page.emulateMedia({ media: 'screen' });

      await page.click(`main .actions a:text-is("${printLabel}")`);
      await page.waitForURL(/\/print$/);
      assert.equal(await page.locator('form').count(), 0, 'no form on the print view');
      await assertAccessible(page, `the print view (${lang})`);
      assert.equal(await page.locator('.print-note').isVisible(), true, 'on screen, the note says how to print');
      await shot(page, `${lang}-03-print-view-screen`);
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.locator('h2#det').textContent(), detailsHeading);
      assert.equal(await page.locator('h2#jou').textContent(), journalHeading);
      assert.ok(await page.locator('section[aria-labelledby=det] dd').count() > 0, 'details are printed');
      assert.ok(await page.locator('section[aria-labelledby=jou] article').count() > 0, 'journal entries are printed');
      assert.equal(await page.locator('section[aria-labelledby=det]').isVisible(), true);
      assert.equal(await page.locator('section[aria-labelledby=jou]').isVisible(), true);
      assert.equal(await page.locator('.print-note').isVisible(), false, 'the note is not printed');
      await shot(page, `${lang}-04-print-view-printed`);
      await page.emulateMedia({ media: 'screen' });
      await page.goBack();
      await page.waitForSelector('ul.files');
      await assertAccessible(page, `the recipient page (${lang})`);
    } finally {
      await context.close();
    }
  });
}

test('the owner\'s access log names the view and the print view', async () => {
  await world.openLinksTable(await (await caseRow(CASE)).getAttribute('data-case-id'));
  const log = world.desk.locator('.tab-panel .vm-table').nth(1);
  const text = await log.textContent();
  assert.match(text, /viewed: Bericht\.pdf/);
  assert.match(text, /opened the print view/);
  assert.deepEqual(pageErrors, []);
});
