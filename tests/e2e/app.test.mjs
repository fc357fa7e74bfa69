// End-to-end tests of the release build (dist/) in Chromium.
import fs from 'node:fs';
import path from 'node:path';
import {
  launch, serve, watchedPage, waitForCharts, assert, assertEqual, run, root, data, indicatorIds, chartIds, axeViolations, paintedFraction,
} from './harness.mjs';

const browser = await launch();
const { server, base } = await serve(path.join(root, 'dist'));

async function open(query = '?lang=vi', options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const watched = await watchedPage(context, base);
  await watched.page.goto(base + query);
  return { context, ...watched };
}

const failed = await run({
  async 'dashboard loads with one card per indicator, every chart painted, no errors'() {
    const { context, page, problems } = await open('?lang=vi');
    await waitForCharts(page, 'vi');
    const cards = await page.$$eval('article.card', (els) => els.map((e) => e.dataset.indicator));
    assertEqual(cards.sort(), [...indicatorIds].sort(), 'one card per indicator (typed and derived)');
    const charts = await page.$$eval('figure.chart-card canvas', (els) => els.map((e) => e.dataset.chart));
    assertEqual(charts.sort(), [...chartIds].sort(), 'one chart per chart in the data');
    for (const id of chartIds) {
      const painted = await paintedFraction(page, id);
      assert(painted > 0.01, `chart ${id} is painted (${(painted * 100).toFixed(2)}% non-background pixels)`);
      const label = await page.getAttribute(`canvas[data-chart="${id}"]`, 'aria-label');
      assert(label && label.length > 20, `chart ${id} has an aria-label stating its data`);
    }
    assertEqual(await page.getAttribute('html', 'lang'), 'vi', 'document language');
    assertEqual(problems, [], 'no console errors, page errors or foreign requests');
    await context.close();
  },

  async 'the build is served from its pre-compressed copies (brotli), which decode to the same bytes'() {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, problems } = await watchedPage(context, base);
    const responses = [];
    page.on('response', (r) => responses.push(r));
    await page.goto(base + '?lang=vi');
    await waitForCharts(page, 'vi');
    const dist = path.join(root, 'dist');
    const served = [];
    for (const r of responses) {
      let rel = decodeURIComponent(new URL(r.url()).pathname).slice(1) || 'index.html';
      if (!/\.(html|js|css|wasm)$/.test(rel)) continue;
      const encoding = (await r.allHeaders())['content-encoding'];
      assertEqual(encoding, 'br', `${rel}: content-encoding`);
      const body = await r.body();
      assert(body.equals(fs.readFileSync(path.join(dist, rel))), `${rel}: decoded body equals the built file`);
      assert(fs.statSync(path.join(dist, `${rel}.br`)).size < body.length, `${rel}: the copy is smaller`);
      served.push(rel);
    }
    assert(served.some((f) => f.endsWith('.wasm')) && served.includes('index.html'), `served: ${served}`);
    assertEqual(problems, [], 'no problems');
    await context.close();
  },

  async 'canvas backing store follows devicePixelRatio'() {
    const { context, page, problems } = await open('?lang=en', { deviceScaleFactor: 2 });
    await waitForCharts(page, 'en');
    const ratio = await page.$eval('canvas[data-chart="grdp-growth"]', (c) => c.width / c.getBoundingClientRect().width);
    assert(Math.abs(ratio - 2) < 0.02, `backing store is 2x the CSS size (got ${ratio})`);
    assertEqual(problems, [], 'no problems');
    await context.close();
  },

  async 'language switch changes labels, number format, title and redraws charts'() {
    const { context, page, problems } = await open('?lang=vi');
    await waitForCharts(page, 'vi');
    const value = () => page.textContent('article[data-indicator="kcn-planned-area"] .card-value');
    assertEqual(await value(), '2.474,8 ha', 'Vietnamese number format');
    const viTitle = await page.title();
    await page.click('button.lang-button[lang="en"]');
    await waitForCharts(page, 'en');
    assertEqual(await value(), '2,474.8 ha', 'English number format');
    assertEqual(await page.textContent('article[data-indicator="industrial-output-9m-2024"] .card-value'), 'nearly VND 500 trillion', 'English money');
    assertEqual(await page.getAttribute('html', 'lang'), 'en', 'html lang follows');
    assert((await page.title()) !== viTitle, 'title follows');
    assert((await page.textContent('h1')).includes('economy'), 'heading in English');
    assert(page.url().includes('lang=en'), 'URL remembers the language');
    // Remembered: a fresh visit without ?lang= comes back in English.
    await page.goto(base);
    await waitForCharts(page, 'en');
    assertEqual(await page.getAttribute('html', 'lang'), 'en', 'choice remembered in storage');
    assertEqual(problems, [], 'no problems');
    await context.close();
  },

  async 'initial language: bad ?lang= falls back to the browser language, then Vietnamese'() {
    const en = await open('?lang=xx', { locale: 'en-GB' });
    await waitForCharts(en.page, 'en');
    assertEqual(await en.page.getAttribute('html', 'lang'), 'en', 'browser language used');
    assertEqual(en.problems, [], 'no problems');
    await en.context.close();
    const de = await open('', { locale: 'de-DE' });
    await waitForCharts(de.page, 'vi');
    assertEqual(await de.page.getAttribute('html', 'lang'), 'vi', 'Vietnamese by default');
    await de.context.close();
  },

  async 'storage that throws does not break the app'() {
    const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
    await context.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
    });
    const { page, problems } = await watchedPage(context, base);
    await page.goto(base + '?lang=en');
    await waitForCharts(page, 'en');
    await page.click('button.lang-button[lang="vi"]');
    await waitForCharts(page, 'vi');
    assertEqual(problems, [], 'no problems');
    await context.close();
  },

  async 'hovering a bar shows its exact value in a tooltip'() {
    const { context, page, problems } = await open('?lang=vi');
    await waitForCharts(page, 'vi');
    const box = await page.locator('canvas[data-chart="grdp-growth"]').boundingBox();
    // First bar: 8 px padding + 19 px label, 22 px tall (see charts/bars.rs).
    await page.mouse.move(box.x + 60, box.y + 8 + 19 + 11);
    const tip = page.locator('.chart-box .tooltip');
    await tip.waitFor({ timeout: 5000 });
    assertEqual(await tip.textContent(), '2023: 13,1%', 'tooltip text');
    await page.mouse.move(box.x + 60, box.y + 8 + 50 + 19 + 11);
    await page.waitForFunction(() => document.querySelector('.chart-box .tooltip')?.textContent.includes('14,5%'));
    await page.mouse.move(0, 0);
    await tip.waitFor({ state: 'detached', timeout: 5000 });
    assertEqual(problems, [], 'no problems');
    await context.close();
  },

  async 'arrow keys on a focused chart step through its values'() {
    const { context, page, problems } = await open('?lang=en');
    await waitForCharts(page, 'en');
    await page.focus('canvas[data-chart="company-revenue"]');
    await page.keyboard.press('ArrowRight');
    const tip = page.locator('.chart-box .tooltip');
    await tip.waitFor({ timeout: 5000 });
    assertEqual(await tip.textContent(), 'Fukang (estimate): VND 67,805 billion (4.6× y/y)', 'first value');
    const live = page.locator('[data-chart-card="company-revenue"] [aria-live="polite"]');
    assertEqual(await live.textContent(), 'Fukang (estimate): VND 67,805 billion (4.6× y/y)', 'announced to screen readers');
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => document.querySelector('.chart-box .tooltip')?.textContent.startsWith('Blueway Vina'));
    assert((await live.textContent()).startsWith('Blueway Vina'), 'each step announced');
    await page.keyboard.press('Tab');
    await tip.waitFor({ state: 'detached', timeout: 5000 });
    assertEqual(problems, [], 'no problems');
    await context.close();
  },

  async 'before its canvas is drawn, a chart answers the pointer and keys over its build-time drawing'() {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // Idle callbacks held back (an init script: not subject to the CSP): the canvases wait for
    // idle time, so the build-time drawings stay until the test lets them go.
    await context.addInitScript(() => {
      window.__idle = [];
      window.requestIdleCallback = (f) => window.__idle.push(f);
    });
    const { page, problems } = await watchedPage(context, base);
    await page.goto(base + '?lang=vi');
    await page.waitForFunction((n) => document.documentElement.hasAttribute('data-app')
      && document.querySelectorAll('canvas[data-live]').length === n, chartIds.length, { timeout: 30000 });
    assertEqual(await page.locator('canvas[data-drawn]').count(), 0, 'no canvas drawn yet');
    assertEqual(await page.locator('.chart-static').count(), chartIds.length, 'every chart as the build drew it');
    // The same places as on the canvas (the drawing is its band's, stretched at most ~5 %).
    const box = await page.locator('canvas[data-chart="grdp-growth"]').boundingBox();
    await page.mouse.move(box.x + 60, box.y + 8 + 19 + 11);
    const tip = page.locator('.chart-box .tooltip');
    await tip.waitFor({ timeout: 5000 });
    assertEqual(await tip.textContent(), '2023: 13,1%', 'tooltip over the build-time drawing');
    await page.mouse.move(box.x + 60, box.y + 8 + 50 + 19 + 11);
    await page.waitForFunction(() => document.querySelector('.chart-box .tooltip')?.textContent.includes('14,5%'));
    await page.mouse.move(0, 0);
    await tip.waitFor({ state: 'detached', timeout: 5000 });
    await page.focus('canvas[data-chart="company-revenue"]');
    await page.keyboard.press('ArrowRight');
    await tip.waitFor({ timeout: 5000 });
    const live = page.locator('[data-chart-card="company-revenue"] [aria-live="polite"]');
    assert((await tip.textContent()).startsWith('Fukang'), `first value from the keyboard: ${await tip.textContent()}`);
    assertEqual(await live.textContent(), await tip.textContent(), 'announced to screen readers');
    await page.keyboard.press('Tab');
    await tip.waitFor({ state: 'detached', timeout: 5000 });
    assertEqual(await page.locator('canvas[data-drawn]').count(), 0, 'all of it without a canvas drawn');
    // Idle at last (and from now on: a chart that draws at idle may queue again): each canvas
    // takes its drawing's place and answers alike.
    await page.evaluate(() => {
      const idle = (f) => setTimeout(() => f({ didTimeout: false, timeRemaining: () => 50 }), 0);
      window.requestIdleCallback = idle;
      window.__idle.splice(0).forEach(idle);
    });
    await waitForCharts(page, 'vi');
    assertEqual(await page.locator('.chart-static').count(), 0, 'the canvases took their places');
    // Back in view and measured again: focusing the other chart scrolled the page.
    await page.locator('canvas[data-chart="grdp-growth"]').scrollIntoViewIfNeeded();
    const drawn = await page.locator('canvas[data-chart="grdp-growth"]').boundingBox();
    await page.mouse.move(drawn.x + 60, drawn.y + 8 + 19 + 11);
    await page.waitForFunction(() => document.querySelector('.chart-box .tooltip')?.textContent === '2023: 13,1%');
    assertEqual(problems, [], 'no problems');
    await context.close();
  },

  async 'theme filter works from the keyboard'() {
    const { context, page, problems } = await open('?lang=en');
    await waitForCharts(page, 'en');
    await page.focus('button.filter-button[data-theme="parks"]');
    await page.keyboard.press('Enter');
    const visible = await page.$$eval('section.theme', (els) => els.filter((e) => !e.hidden).map((e) => e.dataset.theme));
    assertEqual(visible, ['parks'], 'only the chosen theme shows');
    assertEqual(await page.getAttribute('button.filter-button[data-theme="parks"]', 'aria-pressed'), 'true', 'pressed state');
    await page.focus('button.filter-button[data-theme="all"]');
    await page.keyboard.press('Space');
    const all = await page.$$eval('section.theme', (els) => els.filter((e) => !e.hidden).length);
    assertEqual(all, data.themes.length, 'all themes again');
    assertEqual(problems, [], 'no problems');
    await context.close();
  },

  async 'the theme filter is shareable in the URL; an unknown theme falls back to all'() {
    const { context, page, problems } = await open('?lang=en&theme=companies');
    await waitForCharts(page, 'en');
    const visible = () => page.$$eval('section.theme', (els) => els.filter((e) => !e.hidden).map((e) => e.dataset.theme));
    assertEqual(await visible(), ['companies'], '?theme= selects the theme');
    await page.click('button.filter-button[data-theme="parks"]');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('theme') === 'parks');
    await page.click('button.filter-button[data-theme="all"]');
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('theme'));
    await waitForCharts(page, 'en'); // charts that were hidden draw once shown
    assertEqual(await page.$$eval('canvas[data-chart]', (els) => els.every((c) => c.dataset.drawn === 'en')), true, 'all charts drawn');
    await page.goto(base + '?lang=en&theme=%3Cscript%3E');
    await waitForCharts(page, 'en');
    assertEqual((await visible()).length, data.themes.length, 'unknown theme shows everything');
    assertEqual(problems, [], 'no problems');
    await context.close();
  },

  async 'charts repaint when the system switches to dark mode'() {
    const { context, page, problems } = await open('?lang=en', { colorScheme: 'light' });
    await waitForCharts(page, 'en');
    const corner = () => page.$eval('canvas[data-chart="grdp-growth"]', (c) => [...c.getContext('2d').getImageData(1, 1, 1, 1).data].slice(0, 3));
    assertEqual(await corner(), [255, 255, 255], 'light background');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForFunction(() => {
      const c = document.querySelector('canvas[data-chart="grdp-growth"]');
      return c.getContext('2d').getImageData(1, 1, 1, 1).data[0] < 100;
    }, null, { timeout: 5000 });
    assertEqual(await corner(), [24, 28, 34], 'dark background');
    assertEqual(problems, [], 'no problems');
    await context.close();
  },

  async 'a card opens its detail; Esc closes it and focus returns'() {
    const { context, page, problems } = await open('?lang=en');
    await waitForCharts(page, 'en');
    await page.click('article[data-indicator="kcn-occupied-area"]');
    const dialog = page.locator('[role="dialog"]');
    await dialog.waitFor();
    assertEqual(await dialog.locator('[data-dialog-for]').getAttribute('data-dialog-for'), 'kcn-occupied-area', 'dialog for the clicked card');
    assert((await dialog.textContent()).includes('Computed: about 63.97% × 2,474.8 ha'), 'shows the computation');
    assert(await dialog.locator('q').count() >= 2, 'quotes the source excerpts');
    await page.waitForFunction(() => document.querySelector('[role="dialog"] canvas')?.dataset.drawn === 'en');
    await page.waitForFunction(() => document.activeElement?.className === 'dialog-close', null, { timeout: 5000 })
      .catch(() => { throw new Error('focus moves into the dialog'); });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // Focus returns on the next animation frame, once the page is no longer inert.
    await page.waitForFunction(() => document.activeElement?.id === 'card-kcn-occupied-area', null, { timeout: 5000 })
      .catch(async () => { throw new Error(`focus returns to the card (active: "${await page.evaluate(() => document.activeElement?.id)}")`); });
    assertEqual(problems, [], 'no problems');
    await context.close();
  },

  async 'at 360 px there is no horizontal scroll and charts still draw'() {
    const { context, page, problems } = await open('?lang=vi', { viewport: { width: 360, height: 740 } });
    await waitForCharts(page, 'vi');
    const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    assert(scroll <= client, `no horizontal scroll (scrollWidth ${scroll} > ${client})`);
    for (const id of chartIds) {
      assert((await paintedFraction(page, id)) > 0.01, `chart ${id} painted at 360 px`);
    }
    // Tooltips stay inside their chart, from the keyboard and the pointer, at either edge.
    const tipInside = () => page.evaluate(() => {
      const tip = document.querySelector('.chart-box .tooltip');
      const t = tip.getBoundingClientRect();
      const b = tip.parentElement.getBoundingClientRect();
      return t.left >= b.left - 1 && t.right <= b.right + 1;
    });
    await page.focus('canvas[data-chart="milestones"]');
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('.chart-box .tooltip');
    assert((await page.textContent('.chart-box .tooltip')).startsWith('Nghị quyết 147-NQ/TU'), 'first milestone');
    assert(await tipInside(), 'keyboard tooltip at the left edge stays inside');
    const revenue = page.locator('canvas[data-chart="company-revenue"]');
    await revenue.scrollIntoViewIfNeeded();
    const box = await revenue.boundingBox();
    // The right end of the USD bar (8 px padding, 22 px bar at the bottom; see charts/bars.rs).
    await page.mouse.move(box.x + box.width - 12, box.y + box.height - 18);
    await page.waitForFunction(() => document.querySelector('.chart-box .tooltip')?.textContent.startsWith('Blueway'));
    assert(await tipInside(), 'pointer tooltip at the right edge stays inside');
    assertEqual(problems, [], 'no problems');
    await context.close();
  },

  async 'canvases are drawn when idle, those near the screen first; a language switch redraws the screen at once; printing draws all'() {
    const context = await browser.newContext({ viewport: { width: 1280, height: 500 }, colorScheme: 'dark' });
    // Records the order in which canvases are first drawn (an init script: not subject to the CSP).
    await context.addInitScript(() => {
      window.__drawOrder = [];
      new MutationObserver((records) => {
        for (const r of records) if (r.target.dataset.chart && !window.__drawOrder.includes(r.target.dataset.chart)) window.__drawOrder.push(r.target.dataset.chart);
      }).observe(document, { subtree: true, attributeFilter: ['data-drawn'] });
    });
    const { page, problems } = await watchedPage(context, base);
    await page.goto(base + '?lang=vi');
    await waitForCharts(page, 'vi');
    // Within one screen height of the viewport (the observer's margin) at the top of the page.
    const near = await page.$$eval('canvas[data-chart]', (cs) => cs.filter((c) => c.getBoundingClientRect().top < 2 * innerHeight).map((c) => c.dataset.chart));
    const order = await page.evaluate(() => window.__drawOrder);
    assert(near.length > 0 && near.length < chartIds.length, `some charts start far from the screen (near: ${near})`);
    assertEqual(order.slice(0, near.length).sort(), [...near].sort(), `charts near the screen first (order: ${order})`);
    assertEqual(order.length, chartIds.length, 'every chart drawn in the end');

    // In the task right after the click: the charts on screen are redrawn, those far below not yet.
    const afterClick = await page.evaluate(() => new Promise((resolve) => {
      document.querySelector('button.lang-button[lang="en"]').click();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve([...document.querySelectorAll('canvas[data-chart]')].map((c) => ({
        top: c.getBoundingClientRect().top, drawn: c.dataset.drawn })));
      channel.port2.postMessage(0);
    }));
    for (const c of afterClick) if (c.top < 500) assertEqual(c.drawn, 'en', 'a chart on screen is redrawn at once');
    assert(afterClick.some((c) => c.drawn === 'vi'), 'charts far below wait for idle time');
    await waitForCharts(page, 'en');

    // Printing (paper is light): every chart, far ones included, is redrawn light at once.
    const backgrounds = (print) => page.evaluate((print) => new Promise((resolve) => {
      if (print) window.dispatchEvent(new Event('beforeprint'));
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve([...document.querySelectorAll('canvas[data-chart]')].map((c) => {
        const [r, g, b] = c.getContext('2d').getImageData(0, 0, 1, 1).data;
        return (r + g + b) / 3 > 200;
      }));
      channel.port2.postMessage(0);
    }), print);
    assertEqual(await backgrounds(false), chartIds.map(() => false), 'dark backgrounds before printing');
    assertEqual(await backgrounds(true), chartIds.map(() => true), 'every chart has a light background while printing');
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    assertEqual(problems, [], 'no problems');
    await context.close();
  },

  async 'a chart swapped for its table and back leaves no observer behind'() {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // Counts the resize and intersection observers the page connects and disconnects.
    await context.addInitScript(() => {
      window.__observers = 0;
      for (const Kind of [ResizeObserver, IntersectionObserver]) {
        const { observe, disconnect } = Kind.prototype;
        Kind.prototype.observe = function (...a) { if (!this.__on) { this.__on = true; window.__observers++; } return observe.apply(this, a); };
        Kind.prototype.disconnect = function () { if (this.__on) { this.__on = false; window.__observers--; } return disconnect.apply(this); };
      }
    });
    const { page, problems } = await watchedPage(context, base);
    await page.goto(`${base}?lang=en`);
    await waitForCharts(page, 'en');
    const connected = () => page.evaluate(() => window.__observers);
    const before = await connected();
    const card = page.locator('[data-chart-card="grdp-growth"]');
    await card.locator('[data-view-as="table"]').click();
    await card.locator('table').waitFor();
    const asTable = await connected();
    assert(asTable < before, `the chart's observers disconnect with it (${before} → ${asTable})`);
    for (let i = 0; i < 3; i++) {
      await card.locator('[data-view-as="chart"]').click();
      await page.waitForSelector('canvas[data-chart="grdp-growth"][data-drawn]');
      await page.setViewportSize({ width: 1000 + i * 40, height: 900 });
      await card.locator('[data-view-as="table"]').click();
      await card.locator('table').waitFor();
      await page.setViewportSize({ width: 700 + i * 60, height: 900 });
    }
    assertEqual(await connected(), asTable, 'none left after three more swaps');
    await card.locator('[data-view-as="chart"]').click();
    await page.waitForSelector('canvas[data-chart="grdp-growth"][data-drawn]');
    assertEqual(await connected(), before, 'the chart observes again');
    assertEqual(await page.locator('#crash-banner').count(), 0, 'no crash banner');
    assertEqual(problems, [], 'no problems');
    await context.close();
  },

  async 'charts redraw when their container resizes'() {
    const { context, page, problems } = await open('?lang=en');
    await waitForCharts(page, 'en');
    const width = () => page.$eval('canvas[data-chart="company-revenue"]', (c) => c.width);
    const before = await width();
    // The canvas takes its new height in the same layout as its box's new width (a container
    // query), not a frame later when the chart redraws, so an embed posts its height once.
    const sameLayout = await page.evaluate(() => {
      const canvas = document.querySelector('canvas[data-chart="company-revenue"]');
      const height = () => canvas.getBoundingClientRect().height;
      const wide = height();
      canvas.parentElement.style.width = '300px';
      const narrow = height();
      canvas.parentElement.style.width = '';
      return { wide, narrow, back: height() };
    });
    assert(sameLayout.narrow > sameLayout.wide && sameLayout.back === sameLayout.wide, `heights ${JSON.stringify(sameLayout)}`);
    await page.setViewportSize({ width: 420, height: 900 });
    await page.waitForFunction((b) => document.querySelector('canvas[data-chart="company-revenue"]').width < b, before);
    const drawn = await page.$eval('canvas[data-chart="company-revenue"]', (c) => ({ css: c.getBoundingClientRect().height, backing: c.height / devicePixelRatio }));
    assert(Math.abs(drawn.css - sameLayout.narrow) < 0.5 && Math.abs(drawn.backing - drawn.css) < 1, `redrawn at the narrow height ${JSON.stringify(drawn)}`);
    assert((await paintedFraction(page, 'company-revenue')) > 0.01, 'still painted after resize');
    assertEqual(problems, [], 'no problems');
    await context.close();
  },

  async 'no accessibility violations (axe-core), light and dark'() {
    for (const colorScheme of ['light', 'dark']) {
      for (const lang of ['vi', 'en']) {
        const { context, page } = await open(`?lang=${lang}`, { colorScheme });
        await waitForCharts(page, lang);
        assertEqual(await axeViolations(page), [], `axe violations (${colorScheme}, ${lang})`);
        await context.close();
      }
    }
  },
});

await browser.close();
server.close();
process.exit(failed ? 1 : 0);
