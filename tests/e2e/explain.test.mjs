// End-to-end tests of "every number explained" (release build in Chromium): source panels,
// data tables, downloads from the export page (CSV = the table shown; SVG/PNG carry title and
// values), share links,
// Back/Forward, the colour scheme toggle, contrast in dark mode, print.
import fs from 'node:fs';
import path from 'node:path';
import {
  launch, serve, watchedPage, waitForCharts, assert, assertEqual, run, root, data, chartIds, indicatorIds, axeViolations,
} from './harness.mjs';

const browser = await launch();
const { server, base } = await serve(path.join(root, 'dist'));

async function open(query, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, ...options });
  const watched = await watchedPage(context, base);
  await watched.page.goto(base + query);
  return { context, ...watched };
}

/// Clicks a download button and returns the file's name and bytes.
async function download(page, locator) {
  const [dl] = await Promise.all([
    page.waitForEvent('download').catch(async (e) => {
      throw new Error(`no download from ${locator}: ${e.message.split('\n')[0]}`);
    }),
    locator.click(),
  ]);
  const file = await dl.path();
  return { name: dl.suggestedFilename(), bytes: fs.readFileSync(file) };
}

/// RFC 4180 records (quotes, doubled quotes, CRLF).
function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; } else if (c !== '\r') field += c;
  }
  return rows;
}

const hash = (await import('node:crypto')).createHash('sha256').update(fs.readFileSync(path.join(root, 'data/bac-giang.json'))).digest('hex').slice(0, 8);
const versionToken = `${data.version}+${hash}`;

const failed = await run({
  async 'for every chart, the export page\u2019s CSV equals the table shown on the dashboard (both languages)'() {
    const { context, page, problems } = await open('?lang=vi');
    await waitForCharts(page, 'vi');
    // The export page in a tab of its own: one per chart and language, as a reader follows
    // each chart's Download link (Chromium limits a tab's rapid downloads).
    const exportTabs = [];
    for (const lang of ['vi', 'en']) {
      if (lang === 'en') await page.click('.lang-button[lang="en"]');
      for (const id of chartIds) {
        const fig = page.locator(`[data-chart-card="${id}"]`);
        if ((await fig.locator('.data-table').count()) === 0) await fig.locator('[data-view-as="table"]').click();
        const table = fig.locator('table.data-table');
        await table.waitFor();
        assertEqual(await fig.locator('[data-view-as="table"]').getAttribute('aria-pressed'), 'true', `${id}: Table pressed`);
        assert((await table.locator('caption').textContent()).length > 3, `${id}: table has a caption`);
        assertEqual(await table.locator('thead th[scope="col"]').count(), 5, `${id}: header cells`);
        const shown = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => ({
          id: tr.dataset.id, label: tr.querySelector('th').textContent, value: tr.querySelector('[data-value]')?.dataset.value ?? '',
          status: tr.dataset.status, period: tr.children[1].textContent,
        })));
        const href = await fig.locator(`#download-${id}`).getAttribute('href');
        assertEqual(href, `export.html?id=${id}&lang=${lang}#download`, `${id}: the Download link names the chart and language`);
        const tab = await watchedPage(context, base);
        exportTabs.push(tab.problems);
        await tab.page.goto(base + href);
        const { name, bytes } = await download(tab.page, tab.page.locator('[data-download="csv"]'));
        await tab.page.close();
        assertEqual(name, `bac-giang-${id}-${versionToken}.csv`, `${id}: file name carries id and data version`);
        assertEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], `${id}: UTF-8 BOM`);
        const [header, ...rows] = parseCsv(bytes.toString('utf8').slice(1));
        assertEqual(header, ['id', 'label', 'period', 'value', 'unit', 'qualifier', 'text', 'status', 'sources', 'data_version'], 'columns');
        assertEqual(rows.map((r) => ({ id: r[0], label: r[1], value: r[3], status: r[7] })),
          shown.map(({ id, label, value, status }) => ({ id, label, value, status })), `${id} (${lang}): CSV rows = table rows`);
        assert(rows.every((r) => r[8].includes('¶') && r[9] === versionToken), `${id}: sources and version in every row`);
      }
    }
    // Numbers in the table are in the reader's format; in the CSV they are plain.
    const cell = await page.locator('[data-chart-card="grdp-growth"] tbody tr:first-child td.num').textContent();
    assertEqual(cell, '13.1%', 'English table number');
    assertEqual([...problems, ...exportTabs.flat()], [], 'no errors');
    await context.close();
  },

  async 'SVG and PNG downloads carry the chart title, its values and the data version'() {
    const { context, page: first, problems } = await open('?lang=vi');
    const tabProblems = [];
    for (const id of chartIds) {
      // A fresh tab per chart: Chromium's multiple-downloads guard blocks a tab's rapid
      // downloads after about ten (a reader would see an "Allow" prompt; headless denies).
      const { page, problems: tab } = await watchedPage(context, base);
      tabProblems.push(tab);
      await page.goto(`${base}export.html?id=${id}&lang=vi#download`);
      const section = page.locator('#download');
      await section.waitFor();
      const svg = await download(page, section.locator('[data-download="svg"]'));
      assertEqual(svg.name, `bac-giang-${id}-${versionToken}.svg`, 'svg name');
      const text = svg.bytes.toString('utf8');
      const title = await page.locator('.export-title').textContent();
      assert(text.startsWith('<svg') && text.includes(title.replace(/&/g, '&amp;')), `${id}: SVG holds the title “${title}”`);
      assert(text.includes(hash), `${id}: SVG holds the data hash`);
      if (id === 'grdp-growth') assert(text.includes('13,1%') && text.includes('14,5%'), 'the values as readers see them');
      const json = await download(page, section.locator('[data-download="json"]'));
      const parsed = JSON.parse(json.bytes.toString('utf8'));
      assertEqual(parsed.charts[0].id, id, 'JSON names the chart');
      assertEqual(parsed.data_hash, hash, 'JSON names the data version');
      const png = await download(page, section.locator('[data-download="png"]'));
      assertEqual([...png.bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join(''), 'PNG', `${id}: a PNG`);
      const width = png.bytes.readUInt32BE(16);
      const cssWidth = await section.evaluate((s) => s.getBoundingClientRect().width);
      assert(Math.abs(width - Math.round(Math.min(Math.max(cssWidth, 320), 1200)) * 2) <= 2, `${id}: PNG at 2x pixels (${width} for ${cssWidth} CSS px)`);
      await page.close();
    }
    // The whole dataset from the dashboard's footer.
    await waitForCharts(first, 'vi');
    const csv = await download(first, first.locator('[data-download="dataset-csv"]'));
    assertEqual(parseCsv(csv.bytes.toString('utf8').slice(1)).length - 1, indicatorIds.length, 'dataset CSV: one row per indicator');
    const all = JSON.parse((await download(first, first.locator('[data-download="dataset-json"]'))).bytes.toString('utf8'));
    assertEqual(all.rows.length, indicatorIds.length, 'dataset JSON: every indicator');
    assertEqual([...problems, ...tabProblems.flat()], [], 'no errors');
    await context.close();
  },

  async 'a card’s source panel shows the article, paragraph and excerpt in each language; computed values show inputs'() {
    const { context, page, problems } = await open('?lang=vi');
    await waitForCharts(page, 'vi');
    const card = page.locator('[data-indicator="grdp-growth-2023"]');
    const toggle = card.locator('.source-toggle');
    assertEqual(await toggle.getAttribute('aria-expanded'), 'false', 'closed at first');
    await toggle.click();
    const items = card.locator('.source-panel .source-list > li');
    assertEqual(await items.count(), 2, 'both articles state it');
    assert((await items.nth(0).textContent()).includes('đoạn 1: năm 2023 đạt 13,1%, đứng đầu cả nước'), 'Vietnamese excerpt first, with its paragraph');
    assertEqual(await items.nth(0).locator('q').getAttribute('lang'), 'vi', 'excerpt marked with its language');
    assert((await items.nth(1).textContent()).includes('đoạn 8: 13.1 per cent in 2023, the highest in the country'), 'the English article’s words too');
    assert((await items.nth(0).textContent()).includes('tiếng Việt · không ghi ngày đăng'), 'language and (missing) date said');
    await page.click('.lang-button[lang="en"]');
    assert((await items.nth(0).textContent()).includes('para. 8: 13.1 per cent in 2023, the highest in the country'), 'English first after switching');
    assert((await items.nth(0).textContent()).startsWith('Viet Nam News (VNS) — '), 'publisher named');
    // Keyboard: Esc closes and focus returns to the toggle; Enter opens again.
    await toggle.focus();
    await page.keyboard.press('Escape');
    assertEqual(await toggle.getAttribute('aria-expanded'), 'false', 'Esc closes');
    assert(await toggle.evaluate((b) => document.activeElement === b), 'focus stays on the toggle');
    await page.keyboard.press('Enter');
    assertEqual(await toggle.getAttribute('aria-expanded'), 'true', 'Enter opens');
    // A computed value: the computation and each input with its sources.
    const derived = page.locator('[data-indicator="kcn-occupied-area"]');
    await derived.locator('.source-toggle').click();
    const panel = derived.locator('.source-panel');
    assert((await panel.locator('.source-formula').textContent()).includes('Computed: about 63.97% × 2,474.8 ha'), 'formula with its inputs');
    assertEqual(await panel.locator('.source-inputs > li').count(), 2, 'both inputs listed');
    assert((await panel.locator('.source-inputs').textContent()).includes('The occupancy rate is currently 63.97 per cent'), 'an input’s own excerpt');
    // Two clicks from a number in a table to the sentence it came from.
    const fig = page.locator('[data-chart-card="park-land"]');
    await fig.locator('[data-view-as="table"]').click();
    await fig.locator('tbody tr:first-child .source-toggle').click();
    assert((await fig.locator('tbody tr:first-child .source-panel').textContent()).includes('63.97'), 'table row sources');
    assertEqual(problems, [], 'no errors');
    await context.close();
  },

  async 'a share link opens exactly the view it was copied from'() {
    const { context, page, problems } = await open('?lang=vi', { permissions: ['clipboard-read', 'clipboard-write'] });
    await waitForCharts(page, 'vi');
    await page.click('.lang-button[lang="en"]');
    await page.click('.filter-button[data-theme="parks"]');
    await page.locator('[data-chart-card="park-land"] [data-view-as="table"]').click();
    await page.locator('[data-indicator="kcn-occupied-area"] .card-open').click();
    await page.locator('[role="dialog"]').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('[role="dialog"]').waitFor({ state: 'detached' });
    await page.locator('[data-indicator="kcn-planned-area"] .card-open').click();
    await page.locator('[role="dialog"]').waitFor();
    const url = page.url();
    assertEqual(new URL(url).search, '?lang=en&theme=parks&card=kcn-planned-area&table=park-land', 'the address holds the view');
    // The open card's own copy-link button: its item page, whose link preview is this card.
    await page.click('[role="dialog"] .share-button');
    await page.locator('[role="dialog"] .share-status', { hasText: 'copied' }).waitFor();
    assertEqual(await page.evaluate(() => navigator.clipboard.readText()), `${base}items/kcn-planned-area.en.html`, 'the open card\'s link is its page');
    // The copy-link button (behind the dialog): close, copy, read the clipboard.
    await page.keyboard.press('Escape');
    await page.locator('[role="dialog"]').waitFor({ state: 'detached' });
    await page.click('.share-button');
    await page.waitForFunction(() => document.querySelector('.share-status')?.textContent.trim().length > 0);
    assertEqual(await page.textContent('.share-status'), 'Link to this exact view copied.', 'status said');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assertEqual(copied, page.url(), 'the copied link is the current address');

    const other = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const second = await watchedPage(other, base);
    await second.page.goto(url);
    await second.page.locator('[role="dialog"] [data-dialog-for="kcn-planned-area"]').waitFor();
    assertEqual(await second.page.getAttribute('html', 'lang'), 'en', 'language');
    assertEqual(await second.page.getAttribute('.filter-button[data-theme="parks"]', 'aria-pressed'), 'true', 'theme filter');
    assertEqual(await second.page.locator('section.theme:not([hidden])').count(), 1, 'one theme shown');
    assertEqual(await second.page.locator('[data-chart-card="park-land"] table.data-table').count(), 1, 'table tab');
    assertEqual(second.problems, [], 'no errors in the opened link');
    assertEqual(problems, [], 'no errors');
    await other.close();
    await context.close();
  },

  async 'a denied clipboard shows the link selected for copying by hand'() {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) } });
    });
    const { page, problems } = await watchedPage(context, base);
    await page.goto(`${base}?lang=en&theme=parks`);
    await waitForCharts(page, 'en');
    await page.click('.share-button');
    await page.locator('.share-status', { hasText: 'did not allow copying' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'share-url');
    const field = await page.evaluate(() => {
      const a = document.activeElement;
      return { value: a.value, all: a.selectionStart === 0 && a.selectionEnd === a.value.length };
    });
    assertEqual(field, { value: page.url(), all: true }, 'the link is focused and selected');
    // A later view change takes the field away again (the link would be stale).
    await page.click('.filter-button[data-theme="growth"]');
    await page.locator('#share-url').waitFor({ state: 'detached' });
    assertEqual(await page.textContent('.share-status'), '', 'and the status with it');
    assertEqual(problems, [], 'no errors');
    await context.close();
  },

  async 'Back and Forward move between views; a language switch is not a step'() {
    const { context, page, problems } = await open('?lang=vi');
    await waitForCharts(page, 'vi');
    const search = () => new URL(page.url()).search;
    await page.click('.filter-button[data-theme="growth"]');
    await page.locator('[data-chart-card="grdp-growth"] [data-view-as="table"]').click();
    await page.click('.lang-button[lang="en"]');
    await page.locator('[data-indicator="grdp-growth-2023"] .card-open').click();
    await page.locator('[role="dialog"]').waitFor();
    assertEqual(search(), '?lang=en&theme=growth&card=grdp-growth-2023&table=grdp-growth', 'after four changes');
    await page.goBack();
    await page.locator('[role="dialog"]').waitFor({ state: 'detached' });
    assertEqual(search(), '?lang=en&theme=growth&table=grdp-growth', 'Back closes the card');
    assertEqual(await page.getAttribute('html', 'lang'), 'en', 'language kept');
    await page.goBack();
    await page.locator('[data-chart-card="grdp-growth"] canvas').waitFor();
    assertEqual(await page.locator('[data-chart-card="grdp-growth"] table').count(), 0, 'Back shows the chart again');
    await page.goBack();
    await page.waitForFunction(() => document.querySelector('.filter-button[data-theme="all"]').getAttribute('aria-pressed') === 'true');
    assertEqual(search(), '?lang=vi', 'Back to the first view (in its language)');
    await page.goForward();
    await page.waitForFunction(() => document.querySelector('.filter-button[data-theme="growth"]').getAttribute('aria-pressed') === 'true');
    await page.goForward();
    await page.locator('[data-chart-card="grdp-growth"] table').waitFor();
    await page.goForward();
    await page.locator('[role="dialog"] [data-dialog-for="grdp-growth-2023"]').waitFor();
    assertEqual(search(), '?lang=en&theme=growth&card=grdp-growth-2023&table=grdp-growth', 'Forward all the way');
    // A bad share link opens what it can.
    await page.goto(`${base}?lang=en&theme=nope&card=%3Cimg%3E&table=park-land,zzz`);
    await page.locator('[data-chart-card="park-land"] table').waitFor();
    assertEqual(await page.getAttribute('.filter-button[data-theme="all"]', 'aria-pressed'), 'true', 'unknown theme → all');
    assertEqual(await page.locator('[role="dialog"]').count(), 0, 'unknown card → none open');
    assertEqual(problems, [], 'no errors');
    await context.close();
  },

  async 'colour scheme: Auto/Light/Dark toggle, remembered, readable (axe colour contrast) in both'() {
    const { context, page, problems } = await open('?lang=en&table=grdp-growth', { colorScheme: 'light' });
    await page.locator('[data-chart-card="grdp-growth"] table').waitFor();
    await waitForCharts(page, 'en');
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const lightBg = await bg();
    await page.click('.scheme-button[data-scheme="dark"]');
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    assert((await bg()) !== lightBg, 'the page turns dark');
    await page.waitForFunction(() => [...document.querySelectorAll('canvas[data-chart]')].every((c) => {
      const px = c.getContext('2d').getImageData(1, 1, 1, 1).data; return px[0] < 100;
    }));
    await page.locator('[data-indicator="grdp-growth-2023"] .source-toggle').click();
    assertEqual(await axeViolations(page), [], 'axe (incl. color-contrast): dark, table and source panel shown');
    await page.reload();
    await waitForCharts(page, 'en');
    assertEqual(await page.getAttribute('.scheme-button[data-scheme="dark"]', 'aria-pressed'), 'true', 'remembered');
    assertEqual(await page.evaluate(() => document.documentElement.dataset.theme), 'dark', 'applied on load');
    await page.click('.scheme-button[data-scheme="light"]');
    await page.locator('[data-indicator="grdp-growth-2023"] .source-toggle').click();
    assertEqual(await axeViolations(page), [], 'axe: light');
    await page.click('.scheme-button[data-scheme="auto"]');
    assertEqual(await page.evaluate(() => document.documentElement.dataset.theme ?? null), null, 'auto follows the system');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForFunction(() => getComputedStyle(document.body).backgroundColor !== 'rgb(245, 246, 248)');
    assertEqual(problems, [], 'no errors');
    await context.close();
  },

  async 'print: no buttons or filters, charts and tables on light pages, nothing split'() {
    const { context, page, problems } = await open('?lang=vi&table=park-land', { colorScheme: 'dark' });
    await waitForCharts(page, 'vi');
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    const visible = await page.evaluate(() => [...document.querySelectorAll('button, nav, summary, [role="group"]')]
      .filter((e) => e.getClientRects().length > 0)
      .map((e) => ({ cls: e.className, border: getComputedStyle(e).borderTopStyle, bg: getComputedStyle(e).backgroundColor })));
    // Source lines stay (they are the citation), shown as plain text.
    assert(visible.every((v) => v.cls === 'source-toggle' && (v.border === 'none' || v.border === 'hidden')), `only source lines remain: ${JSON.stringify(visible.filter((v) => v.cls !== 'source-toggle').slice(0, 5))}`);
    assertEqual(await page.locator('table.data-table').count(), 1, 'the table prints');
    const avoid = await page.$$eval('.card, .chart-card', (els) => els.every((e) => getComputedStyle(e).breakInside === 'avoid'));
    assert(avoid, 'cards and charts are not split across pages');
    assertEqual(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(255, 255, 255)', 'white paper');
    // Charts are redrawn in light colours for paper, and back after printing.
    const corner = () => page.evaluate(() => [...document.querySelectorAll('canvas[data-chart]')]
      .map((c) => c.getContext('2d').getImageData(1, 1, 1, 1).data[0]));
    await page.waitForFunction(() => [...document.querySelectorAll('canvas[data-chart]')]
      .every((c) => c.getContext('2d').getImageData(1, 1, 1, 1).data[0] > 200), null, { timeout: 5000 })
      .catch(async () => { throw new Error(`charts light for print: ${await corner()}`); });
    await page.screenshot({ path: path.join(root, 'target/print-vi.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen', colorScheme: 'dark' });
    await page.waitForFunction(() => [...document.querySelectorAll('canvas[data-chart]')]
      .every((c) => c.getContext('2d').getImageData(1, 1, 1, 1).data[0] < 100), null, { timeout: 5000 });
    assertEqual(problems, [], 'no errors');
    await context.close();
  },
});

await browser.close();
server.close();
process.exit(failed ? 1 : 0);
