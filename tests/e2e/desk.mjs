// What the browser tests do at the sample host's desk: wait for something, sign in, switch the
// language, find a case in the overview and open one of its tabs. Bound to a test's page and host
// by deskHelpers(() => page, () => host), since both exist only once its `before` has run.

export async function until(what, fn, timeoutMs = 20000, everyMs = 150) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export function deskHelpers(page, host) {
  async function signIn(login, password) {
    const desk = page();
    if (await desk.locator('#topbar:not([hidden]) .button-ghost').count()) {
      await desk.click('#topbar .button-ghost');
    } else {
      await desk.goto(host().url);
    }
    await desk.waitForSelector('#login');
    await desk.fill('#login', login);
    await desk.fill('#password', password);
    await desk.click('.login-form button[type=submit]');
    await desk.waitForSelector('#topbar .user-name');
  }

  async function language(lang) {
    const desk = page();
    const button = desk.locator(`.lang-button:has-text("${lang.toUpperCase()}")`);
    if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
    await desk.waitForSelector(`.lang-button.active:has-text("${lang.toUpperCase()}")`);
    await desk.waitForFunction((l) => document.documentElement.lang === l, lang);
  }

  // The overview's row of case `number`, searched for until it is the only one.
  async function caseRow(number) {
    const desk = page();
    if (!desk.url().endsWith('#/cases')) {
      await desk.evaluate(() => { location.hash = '#/cases'; });
    }
    await desk.waitForSelector('.toolbar input[type=search]');
    await desk.fill('.toolbar input[type=search]', number);
    const row = desk.locator(`.case-table tbody tr:has-text("${number}")`);
    await row.waitFor();
    await until(`the overview to show only ${number}`, async () => (await desk.locator('.case-table tbody tr').count()) === 1);
    return row;
  }

  // Opens case `id` and its tab `tabTitle`, waiting until the tab's panel is rendered.
  async function openCaseTab(id, tabTitle) {
    const desk = page();
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
  }

  return { signIn, language, caseRow, openCaseTab };
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
