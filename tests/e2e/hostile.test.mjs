// End-to-end tests (release build in Chromium): hostile URLs, the accessibility tree
// a screen reader gets, and target sizes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import {
  launch, serve, watchedPage, waitForCharts, assert, assertEqual, run, root, data, indicatorIds, chartIds, axeViolations, frames, buildTimeCharts,
} from './harness.mjs';

const browser = await launch();
const { server, base } = await serve(path.join(root, 'dist'));

const xss = '<img src=x onerror="window.__pwned=1">';
const enc = encodeURIComponent;

// Each: the address after the app's folder, and what must appear — the dashboard, or an
// embed's item, or the embed's bilingual message.
const DASHBOARD = [
  `?lang=${enc('<script>window.__pwned=1</script>')}`,
  `?lang=${enc(xss)}`,
  `?theme=${enc(xss)}`,
  `?card=${enc(xss)}`,
  `?table=${enc(xss)},park-land`,
  '?card=../../etc/passwd',
  `?lang=${'x'.repeat(100000)}`,
  `?table=${'park-land,'.repeat(5000)}`,
  `?card=${'%'.repeat(3000)}`,
  '?%',
  '?%E0%A4%A',
  '?lang=%FF%FE',
  '?card=%00',
  '?theme=parks&theme=growth&theme=nope',
  '?LANG=EN&lang=vi&Lang=fr',
  '?lang=en#%3Cimg%20src=x%20onerror=alert(1)%3E',
  '?&&&=&=x&lang',
  '?lang=en&lang=en&lang=en',
  '?theme=%20parks%20',
  '?card=grdp-growth-2023&card=',
  '?table=,,,,',
  '?lang=javascript:alert(1)',
  `?theme=${enc('\u202Eparks')}`,
  '?card=GRDP-GROWTH-2023',
];
const EMBED = [
  ['embed.html?id=', 'problem'],
  [`embed.html?id=${enc(xss)}`, 'problem'],
  [`embed.html?id=${enc('<svg onload=window.__pwned=1>')}`, 'problem'],
  ['embed.html?id=park-land&theme=dark&theme=light', 'problem'],
  ['embed.html?id=park-land&plain=maybe', 'problem'],
  [`embed.html?id=${'a'.repeat(100000)}`, 'problem'],
  ['embed.html?id=%E2%80%AEpark-land', 'problem'],
  ['embed.html?id=park-land%00', 'problem'],
  ['embed.html?&&&id=park-land', 'park-land'],
  ['embed.html?ID=park-land&LANG=EN', 'park-land'],
  ['embed.html??id=park-land', 'problem'],
  ['embed.html?id=javascript:alert(1)', 'problem'],
  ['embed.html?id=park-land;alert(1)', 'problem'],
  ['embed.html?id=grdp-growth-2023&transparent=1&plain=0', 'grdp-growth-2023'],
  ['embed.html?id=park-land&lang=%3Cscript%3E', 'problem'],
  ['embed.html?id=park-land#%3Cscript%3E', 'park-land'],
  // Item pages name their item; the query gives only options.
  ['items/park-land.vi.html?&&&plain&THEME=DARK', 'park-land'],
  [`items/park-land.en.html?theme=${enc('<script>')}`, 'problem'],
  ['items/park-land.vi.html?id=grdp-growth-2023', 'problem'],
  ['items/park-land.vi.html?lang=en&lang=vi', 'problem'],
];

const SITE = 'https://news.example/bac-giang/';

/// A real build with markup in the data's labels and the test-only panic path (`test-hooks`).
function buildFixture() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bac-giang-hostile-'));
  fs.cpSync(path.join(root, 'data'), path.join(tmp, 'data'), { recursive: true });
  const file = path.join(tmp, 'data/bac-giang.json');
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  json.indicators[0].label.en = `Growth ${xss}<script>window.__pwned=2</script>`;
  json.indicators[0].label.vi = `Tăng trưởng ${xss}`;
  json.title.en = `Bắc Giang <b>bold</b> & "quoted"`;
  fs.writeFileSync(file, JSON.stringify(json, null, 2));
  const out = path.join(tmp, 'dist');
  execFileSync('bash', [path.join(root, 'scripts', 'build-release.sh'), '--features', 'test-hooks', '--dist', out], {
    // A public address, as a deployment sets it: share tags become absolute.
    cwd: root, env: { ...process.env, DATASET: file, SITE_URL: SITE }, stdio: ['ignore', 'ignore', 'inherit'],
  });
  return { tmp, out, id: json.indicators[0].id };
}

const failed = await run({
  async [`${DASHBOARD.length + 2 * EMBED.length} hostile URLs load without errors and show the right view or a clear message`]() {
    assert(DASHBOARD.length + EMBED.length >= 30, 'at least 30 hostile URLs');
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, problems } = await watchedPage(context, base);
    page.on('dialog', (d) => { problems.push(`a dialog opened: ${d.message()}`); d.dismiss(); });
    for (const url of DASHBOARD) {
      await page.goto(base + url);
      await page.locator('article.card').first().waitFor({ timeout: 15000 });
      // The app has attached to the built page.
      await page.waitForFunction(() => document.documentElement.hasAttribute('data-app'), null, { timeout: 15000 });
      assertEqual(await page.locator('article.card').count(), indicatorIds.length, `${url.slice(0, 60)}: every card`);
      assertEqual(await page.locator('img, script:not([src])').count(), 0, `${url.slice(0, 60)}: no injected markup`);
      assert(!(await page.evaluate(() => window.__pwned)), `${url.slice(0, 60)}: nothing ran`);
      // The address is rewritten only by the reader's own changes; a bad one still shows.
      assert(['vi', 'en'].includes(await page.getAttribute('html', 'lang')), 'a language was chosen');
    }
    // The same addresses on the export page (an item's downloads and embed code), which reads
    // the embed's query.
    for (const [url, expect] of EMBED.flatMap((e) => [e, [e[0].replace('embed.html', 'export.html'), e[1]]])) {
      await page.goto(base + url);
      const exportPage = url.startsWith('export.html');
      if (expect === 'problem') {
        const box = page.locator('.embed-problem[role="alert"]');
        await box.waitFor({ timeout: 15000 });
        const text = await box.textContent();
        const [vi, en] = exportPage ? ['Không mở được', 'page cannot be shown'] : ['Không hiển thị được', 'This embed cannot be shown'];
        assert(text.includes(en) && text.includes(vi), `${url.slice(0, 60)}: bilingual message`);
        assert(text.length < 400, `${url.slice(0, 60)}: the message stays short (${text.length} chars)`);
      } else if (exportPage) {
        await page.locator('#embed-code').waitFor({ timeout: 15000 });
        assert(/items\/[a-z0-9-]+\.(vi|en)\.html/.test(await page.locator('#embed-code').inputValue())
          && (await page.locator('#embed-code').inputValue()).includes(`items/${expect}.`), `${url.slice(0, 60)}: code for ${expect}`);
      } else {
        await page.locator(`#item-${expect}`).waitFor({ timeout: 15000 });
      }
      assertEqual(await page.locator('img, script:not([src])').count(), 0, `${url.slice(0, 60)}: no injected markup`);
      assert(!(await page.evaluate(() => window.__pwned)), `${url.slice(0, 60)}: nothing ran`);
    }
    assertEqual(problems, [], 'no console errors, page errors or dialogs');
    await context.close();
  },

  async 'the accessibility tree holds every card’s name and value, and every chart with its data'() {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, problems } = await watchedPage(context, base);
    for (const lang of ['vi', 'en']) {
      await page.goto(`${base}?lang=${lang}`);
      await waitForCharts(page, lang);
      const tree = await page.locator('body').ariaSnapshot();
      const cards = await page.$$eval('article.card', (els) => els.map((e) => ({
        name: e.querySelector('.card-label').textContent, value: e.querySelector('.card-value').textContent,
      })));
      assertEqual(cards.length, indicatorIds.length, 'every card');
      for (const { name, value } of cards) {
        assert(tree.includes(name), `${lang}: card name “${name}” in the accessibility tree`);
        assert(tree.includes(value), `${lang}: value “${value}” of “${name}” in the accessibility tree`);
      }
      for (const id of chartIds) {
        const label = await page.getAttribute(`canvas[data-chart="${id}"]`, 'aria-label');
        assert(tree.includes(`img "${label.replace(/"/g, '\\"')}"`) || tree.includes(label.slice(0, 60)), `${lang}: chart ${id} as an image with its data`);
      }
    }
    assertEqual(problems, [], 'no errors');
    await context.close();
  },

  async 'a build with markup in its data shows it as text; a panic shows a bilingual reload banner'() {
    const fixture = buildFixture();
    const site = await serve(fixture.out);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, problems } = await watchedPage(context, site.base);
    page.on('dialog', (d) => { problems.push(`a dialog opened: ${d.message()}`); d.dismiss(); });
    await page.goto(`${site.base}?lang=en`);
    await waitForCharts(page, 'en');
    const label = await page.textContent(`[data-indicator="${fixture.id}"] .card-label`);
    assertEqual(label, `Growth ${xss}<script>window.__pwned=2</script>`, 'the label, as text');
    assertEqual(await page.textContent('h1'), 'Bắc Giang <b>bold</b> & "quoted"', 'the title, as text');
    assertEqual(await page.locator('img, b, script:not([src])').count(), 0, 'no element made from data');
    await page.goto(`${site.base}embed.html?id=${fixture.id}&lang=vi`);
    await page.locator(`#item-${fixture.id}`).waitFor();
    assert((await page.textContent('.card-label')).includes('<img src=x'), 'embed shows it as text');
    assertEqual(await page.locator('img').count(), 0, 'no image in the embed');
    assert(!(await page.evaluate(() => window.__pwned)), 'nothing ran');
    // Its item page: the markup stays text in the content and in every share tag, and the
    // share tags carry the site's absolute addresses (SITE_URL).
    const itemHtml = await (await fetch(`${site.base}items/${fixture.id}.en.html`)).text();
    const head = itemHtml.slice(0, itemHtml.indexOf('</head>'));
    assert(head.includes('<meta property="og:title" content="Growth &lt;img src=x'), `og:title escaped: ${head.slice(0, 400)}`);
    assertEqual(head.match(/<script/g).length, 1, 'the head holds only the app\'s own script');
    assert(head.includes(`<meta property="og:image" content="${SITE}items/${fixture.id}.en.png">`), 'og:image absolute');
    assert(head.includes(`<link rel="canonical" href="${SITE}items/${fixture.id}.en.html">`), 'canonical absolute');
    const oembed = await (await fetch(`${site.base}items/${fixture.id}.en.oembed.json`)).json();
    assertEqual(oembed.thumbnail_url, `${SITE}items/${fixture.id}.en.png`, 'oEmbed thumbnail absolute');
    assert(oembed.html.includes(`src="${SITE}items/${fixture.id}.en.html"`) && oembed.html.includes('&lt;img src=x'), `oEmbed html: ${oembed.html}`);
    await page.goto(`${site.base}items/${fixture.id}.en.html`);
    await page.locator(`#item-${fixture.id}`).waitFor();
    assertEqual(await page.locator('img, b, script:not([src])').count(), 0, 'no element made from data on the item page');
    assert(!(await page.evaluate(() => window.__pwned)), 'nothing ran on the item page');
    assertEqual(problems, [], 'no errors');

    // The deliberate panic (test-hooks builds only) after the app is on screen.
    const crash = await watchedPage(context, site.base);
    await crash.page.goto(`${site.base}?lang=vi&test-panic`);
    const banner = crash.page.locator('#crash-banner[role="alert"]');
    await banner.waitFor({ timeout: 15000 });
    const text = await banner.textContent();
    assert(text.includes('Đã xảy ra lỗi') && text.includes('Something went wrong'), `bilingual: ${text}`);
    assertEqual(await banner.locator('a').getAttribute('href'), `${site.base}?lang=vi&test-panic`, 'reload link keeps the view');
    assert(await banner.isVisible(), 'visible');
    assert((await crash.page.locator('article.card').count()) > 0, 'the page is not blank behind it');
    // The panic itself is reported to the console (that is what it is for), nothing else.
    assert(crash.problems.length > 0 && crash.problems.every((p) => /panic|unreachable/i.test(p)), `only the panic: ${crash.problems}`);
    // The shipped build has no such path.
    await crash.page.goto(`${base}?lang=vi&test-panic`);
    await waitForCharts(crash.page, 'vi');
    assertEqual(await crash.page.locator('#crash-banner').count(), 0, 'release build ignores ?test-panic');
    await context.close();
    site.server.close();
    fs.rmSync(fixture.tmp, { recursive: true, force: true });
  },

  async 'without JavaScript the page shows every figure; with it, the app attaches to them without duplicates'() {
    const noJs = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
    const page = await noJs.newPage();
    await page.goto(`${base}?lang=vi`);
    const cards = await page.$$eval('article.card', (els) => els.map((e) => ({
      label: e.querySelector('.card-label').textContent, value: e.querySelector('.card-value').textContent,
    })));
    assertEqual(cards.length, indicatorIds.length, 'every card, as plain HTML');
    assert(cards.some((c) => c.label === 'Tăng trưởng GRDP năm 2023' && c.value === '13,1%'), 'real figures in the reader’s format');
    assert(await page.locator('h1').isVisible(), 'the title is visible');
    assert(await page.locator('article.card').first().isVisible(), 'cards are visible');
    assertEqual(await page.locator('h2').count(), data.themes.length, 'one heading per theme');
    assert((await page.textContent('.site-footer')).includes('Phiên bản dữ liệu'), 'the version stamp');
    // Every chart drawn (at build time), its data also as a sentence for assistive technology;
    // controls that need the app are not shown (a source line shows its sources, as text).
    assertEqual(await page.locator('.chart-alt').count(), chartIds.length, 'every chart as a sentence');
    assert((await page.textContent('#item-grdp-growth .chart-alt')).includes('13,1%'), 'chart values');
    assertEqual(await page.locator('button:visible:not(.source-toggle), .embed-button:visible, canvas:visible').count(), 0, 'no control that cannot work');
    // The English page is English from the first byte.
    await page.goto(`${base}en/index.html`);
    assertEqual(await page.getAttribute('html', 'lang'), 'en', 'en/index.html is English');
    assert((await page.textContent('#item-grdp-growth-2023 .card-value')) === '13.1%', 'in English figures');
    // (hreflang only with SITE_URL: search engines take absolute addresses only.)
    assertEqual(await page.locator('link[rel=alternate][hreflang]').count(), 0, 'no relative hreflang');
    // Every chart is drawn, light and dark, wide and narrow: one drawing per box, as wide and
    // as high as its box, its marks in the scheme's colours (the stylesheet's, by role).
    const colours = { light: ['rgb(11, 92, 173)', 'rgb(27, 31, 36)'], dark: ['rgb(110, 176, 255)', 'rgb(232, 234, 237)'] };
    for (const [width, colorScheme] of [[1280, 'light'], [1280, 'dark'], [360, 'light'], [360, 'dark']]) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme, javaScriptEnabled: false });
      const shot = await context.newPage();
      await shot.goto(`${base}?lang=vi`);
      // Far sections are laid out when near the screen (content-visibility): all of them now.
      await shot.evaluate(() => document.querySelectorAll('.theme').forEach((s) => { s.style.contentVisibility = 'visible'; }));
      const shown = await buildTimeCharts(shot);
      assertEqual(shown.map((c) => c.id), chartIds.map((id) => `item-${id}`), `${width} ${colorScheme}: every chart`);
      for (const c of shown) {
        const where = `${width} ${colorScheme} ${c.id}`;
        assertEqual(c.shown, 1, `${where}: one drawing shown`);
        assertEqual(c.size, c.box, `${where}: the drawing fills its box`);
        assert(c.box[0] > 200 && c.box[1] > 80, `${where}: a real size ${c.box}`);
        assert(c.marks >= 2 && c.words >= 1 && c.sized, `${where}: marks and words (${c.marks}, ${c.words}, sizes ${c.sized})`);
        assertEqual([c.series, c.text], colours[colorScheme], `${where}: colours`);
      }
      await context.close();
    }
    // Printing (light colours) from the page without JavaScript, dark system or not.
    const dark = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'dark', javaScriptEnabled: false });
    const printed = await dark.newPage();
    await printed.goto(`${base}?lang=vi`);
    await printed.emulateMedia({ media: 'print' });
    assertEqual((await buildTimeCharts(printed))[0].series, colours.light[0], 'printed in light colours');
    await dark.close();
    // An embed's item is chosen at run time: without JavaScript it points to the dashboard.
    await page.goto(`${base}embed.html?id=grdp-growth-2023&lang=en`);
    const fallback = await page.textContent('body');
    assert(fallback.includes('needs JavaScript') && fallback.includes('cần JavaScript'), `embed without JavaScript: ${fallback}`);
    assertEqual(await page.getAttribute('.load-error [lang=en] a', 'href'), 'index.html', 'link to the dashboard');
    await noJs.close();

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const watched = await watchedPage(context, base);
    await watched.page.goto(`${base}?lang=vi`);
    await waitForCharts(watched.page, 'vi');
    assertEqual(await watched.page.locator('.chart-static').count(), 0, 'every build-time drawing gave way to its canvas');
    assertEqual(await watched.page.locator('article.card').count(), indicatorIds.length, 'each card once');
    assertEqual(await watched.page.locator('h1').count(), 1, 'one title');
    // Embeds do not carry the dashboard's content.
    const embedHtml = await (await fetch(`${base}embed.html`)).text();
    assert(!embedHtml.includes('<article') && !embedHtml.includes('<section'), 'embed.html carries no dashboard content');
    const embedPage = await context.newPage();
    await embedPage.goto(`${base}embed.html?id=grdp-growth-2023&lang=en`);
    await embedPage.locator('.embed').waitFor();
    assertEqual(await embedPage.locator('.load-error').count(), 0, 'the no-JavaScript notice is not shown when scripts run');
    await embedPage.close();
    assertEqual(watched.problems, [], 'no errors');
    await context.close();
  },

  async 'the app attaches to the built page without moving anything (no layout shift), in light and dark'() {
    // Where every landmark is: title, filter, headings, each card and chart with its value, chart
    // box and source line, the version line (page coordinates, CSS px).
    const places = (page) => page.evaluate(() => {
      const out = {};
      const put = (key, el) => {
        if (!el) return;
        const r = el.getBoundingClientRect();
        out[key] = [r.x, r.y + scrollY, r.width, r.height].map(Math.round);
      };
      put('h1', document.querySelector('h1'));
      put('as-of', document.querySelector('.as-of'));
      put('filter', document.querySelector('.theme-filter'));
      document.querySelectorAll('section.theme').forEach((s) => put(`h2 ${s.dataset.theme}`, s.querySelector('h2')));
      document.querySelectorAll('[id^=item-]').forEach((e) => {
        put(e.id, e);
        put(`${e.id} value`, e.querySelector('.card-value'));
        put(`${e.id} chart`, e.querySelector('.chart-box'));
        put(`${e.id} source`, e.querySelector('.source-toggle, .source'));
      });
      put('version', document.querySelector('.site-footer .version'));
      return out;
    });
    for (const [width, colorScheme] of [1280, 800, 360].flatMap((w) => [[w, 'light'], [w, 'dark']])) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
      const { page, problems } = await watchedPage(context, base);
      await page.addInitScript(() => {
        window.__shifts = [];
        new PerformanceObserver((list) => window.__shifts.push(...list.getEntries().map((e) => e.value)))
          .observe({ type: 'layout-shift', buffered: true });
      });
      // Hold the wasm back: the built page is what a reader sees meanwhile.
      let release;
      const held = new Promise((r) => { release = r; });
      await page.route('**/*.wasm', async (route) => { await held; await route.continue(); });
      await page.goto(`${base}?lang=vi`, { waitUntil: 'domcontentloaded' });
      await page.locator('h1').waitFor();
      // Far sections of the built page are laid out only when near the screen
      // (content-visibility, style.css), at an estimated height meanwhile: laid out now, so
      // every landmark's true place is compared. (Only sections off screen are skipped, so
      // what the reader sees is the same either way; the layout-shift entries below cover it.)
      await page.evaluate(() => document.querySelectorAll('.theme').forEach((s) => { s.style.contentVisibility = 'visible'; }));
      // Every chart is already drawn (at build time): one drawing filling each box.
      const drawn = await buildTimeCharts(page);
      assert(drawn.every((c) => c.shown === 1 && c.marks > 0 && JSON.stringify(c.size) === JSON.stringify(c.box)),
        `${width} ${colorScheme}: every chart drawn before the app runs: ${JSON.stringify(drawn)}`);
      const before = await places(page);
      assertEqual(Object.keys(before).length, 4 + data.themes.length + 3 * (indicatorIds.length + chartIds.length),
        `${width}: every landmark in the built page`);
      // Meanwhile: accessible, and Tab reaches no control that needs the app (only the skip
      // link and the source lines).
      assertEqual(await axeViolations(page), [], `${width} ${colorScheme}: axe on the built page`);
      await page.keyboard.press('Tab');
      assertEqual(await page.evaluate(() => document.activeElement.className), 'skip', 'skip link first');
      for (let i = 0; i < 5; i += 1) {
        await page.keyboard.press('Tab');
        assertEqual(await page.evaluate(() => document.activeElement.className), 'source-toggle', 'then the source lines');
      }
      // Back where the places were taken (the theme filter sticks to the top as the page scrolls).
      await page.evaluate(() => { document.activeElement.blur(); scrollTo(0, 0); });
      release();
      await waitForCharts(page, 'vi');
      await frames(page, 2);
      const after = await places(page);
      const moved = Object.keys(before).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
        .map((k) => `${k}: ${before[k]} → ${after[k]}`);
      assertEqual(moved, [], `${width} ${colorScheme}: what moved when the app took over`);
      assertEqual(await page.evaluate(() => window.__shifts), [], `${width}: layout shifts`);
      assertEqual(await page.locator('.chart-static').count(), 0, 'the build-time drawings gave way to the canvases');
      assertEqual(problems, [], 'problems');
      await context.close();
    }
  },

  async 'memory stays bounded over 1,000 language switches and 200 resizes'() {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, problems } = await watchedPage(context, base);
    await page.goto(`${base}?lang=vi`);
    await waitForCharts(page, 'vi');
    const cdp = await context.newCDPSession(page);
    const measure = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      const { nodes, jsEventListeners } = await cdp.send('Memory.getDOMCounters');
      return { js: usedSize, wasm: await page.evaluate(() => globalThis.bacGiangWasmBytes()), nodes, listeners: jsEventListeners };
    };
    // Warm up once (first switch creates what every later one reuses).
    await page.click('.lang-button[lang="en"]');
    await waitForCharts(page, 'en');
    await page.click('.lang-button[lang="vi"]');
    await waitForCharts(page, 'vi');
    const before = await measure();
    await page.evaluate(async () => {
      const frame = () => new Promise((r) => requestAnimationFrame(r));
      for (let i = 0; i < 1000; i++) {
        document.querySelector(`.lang-button[lang="${i % 2 ? 'vi' : 'en'}"]`).click();
        await frame();
      }
    });
    await waitForCharts(page, 'vi');
    const afterSwitches = await measure();
    for (let i = 0; i < 200; i++) {
      await page.setViewportSize({ width: i % 2 ? 1280 : 360, height: 900 });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    await waitForCharts(page, 'vi');
    const after = await measure();
    const mb = (n) => `${(n / 1048576).toFixed(2)} MB`;
    console.log(`       JS heap ${mb(before.js)} → ${mb(afterSwitches.js)} after 1,000 switches → ${mb(after.js)} after 200 resizes`);
    console.log(`       wasm memory ${mb(before.wasm)} → ${mb(afterSwitches.wasm)} → ${mb(after.wasm)}`);
    console.log(`       DOM nodes ${before.nodes} → ${afterSwitches.nodes} → ${after.nodes}; JS listeners ${before.listeners} → ${after.listeners}`);
    // Limits: no growth proportional to the number of switches (a leak of even 1 KB per
    // switch would add 1 MB); DOM and listeners back to where they were.
    assert(after.js - before.js < 2 * 1048576, `JS heap growth under 2 MB (${mb(after.js - before.js)})`);
    assert(after.wasm - before.wasm < 2 * 1048576, `wasm memory growth under 2 MB (${mb(after.wasm - before.wasm)})`);
    assert(Math.abs(after.nodes - before.nodes) < 50, `DOM nodes stable (${before.nodes} → ${after.nodes})`);
    assert(after.listeners - before.listeners < 20, `listeners stable (${before.listeners} → ${after.listeners})`);
    assertEqual(problems, [], 'no errors');
    await context.close();
  },

  async 'axe: an open card detail and an open source panel, both languages, light and dark'() {
    for (const colorScheme of ['light', 'dark']) {
      for (const lang of ['vi', 'en']) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme });
        const { page, problems } = await watchedPage(context, base);
        await page.goto(`${base}?lang=${lang}&card=kcn-occupied-area`);
        await page.locator('[role="dialog"] [data-dialog-for="kcn-occupied-area"]').waitFor();
        await page.waitForFunction(() => document.querySelector('[role="dialog"] canvas')?.dataset.drawn);
        assertEqual(await axeViolations(page), [], `axe with the detail open (${colorScheme}, ${lang})`);
        await page.keyboard.press('Escape');
        await page.locator('[data-indicator="kcn-occupied-area"] .source-toggle').click();
        assertEqual(await axeViolations(page), [], `axe with a source panel open (${colorScheme}, ${lang})`);
        assertEqual(problems, [], 'no errors');
        await context.close();
      }
    }
  },

  async 'text at 200% loses nothing; reduced motion turns transitions off'() {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
    const { page, problems } = await watchedPage(context, base);
    await page.goto(`${base}?lang=vi`);
    await waitForCharts(page, 'vi');
    const transitions = await page.$$eval('button', (els) => els.filter((e) => {
      const d = getComputedStyle(e).transitionDuration;
      return d.split(',').some((x) => parseFloat(x) > 0);
    }).length);
    assertEqual(transitions, 0, 'no transitions with reduced motion');
    // 200% text: the root font size doubled (as browser text zoom does); content reflows
    // without horizontal scrolling or clipped values.
    await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
    // Laid out again at the new size (reading a layout value forces it), then a frame drawn.
    await page.evaluate(() => document.documentElement.scrollWidth);
    await frames(page, 2);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert(overflow <= 1, `no horizontal scroll at 200% text (${overflow} px)`);
    const clipped = await page.$$eval('.card-value, .card-label, .source-toggle', (els) => els
      .filter((e) => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1).map((e) => e.textContent).slice(0, 5));
    assertEqual(clipped, [], 'no clipped values or labels at 200% text');
    assertEqual(problems, [], 'no errors');
    await context.close();
  },

  async 'keyboard: Tab reaches every control in reading order with a visible focus ring, never lost'() {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, problems } = await watchedPage(context, base);
    await page.goto(`${base}?lang=en&theme=growth`);
    await waitForCharts(page, 'en');
    const seen = [];
    let leftPage = false;
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const f = await page.evaluate(() => {
        const e = document.activeElement;
        const style = getComputedStyle(e);
        const r = e.getBoundingClientRect();
        return {
          tag: e.tagName, cls: e.className || e.getAttribute('data-chart') || '', body: e === document.body,
          ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2, top: r.top + window.scrollY, visible: r.width > 0 && r.height > 0,
        };
      });
      if (f.body) { leftPage = true; break; }
      seen.push(f);
    }
    assert(seen.length >= 25, `Tab moves through the page (${seen.length} stops)`);
    assertEqual(seen[0].cls, 'skip', 'the skip link comes first');
    const names = seen.map((f) => f.cls);
    const order = ['lang-button', 'scheme-button', 'share-button', 'filter-button', 'view-button', '', 'source-toggle', 'card-open'];
    for (const cls of order.filter(Boolean)) assert(names.includes(cls), `Tab reaches ${cls}`);
    assert(seen.some((f) => f.tag === 'CANVAS'), 'Tab reaches the chart (arrow keys step its values)');
    assert(names.indexOf('lang-button') < names.indexOf('filter-button') && names.indexOf('filter-button') < names.indexOf('view-button'), 'header, then filters, then charts');
    const noRing = seen.filter((f) => !f.ring && f.cls !== 'skip');
    assertEqual(noRing, [], 'every stop shows a focus ring');
    assert(seen.every((f) => f.visible), 'focus never lands on something invisible');
    // Shift+Tab walks back.
    await page.keyboard.press('Shift+Tab');
    const back = await page.evaluate(() => document.activeElement.className);
    // From past the end, Shift+Tab returns to the last stop; from a stop, to the one before.
    assertEqual(back, seen[seen.length - (leftPage ? 1 : 2)].cls, 'Shift+Tab goes back one stop');
    // Space toggles like a click; Esc in a dialog returns focus (see app tests).
    await page.focus('.view-button[data-view-as="table"]');
    await page.keyboard.press('Space');
    await page.locator('[data-chart-card="grdp-growth"] table').waitFor();
    assertEqual(problems, [], 'no errors');
    await context.close();
  },

  async 'every control is at least 24×24 CSS px (or an inline link in text)'() {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const { page, problems } = await watchedPage(context, base);
    await page.goto(`${base}?lang=vi&table=park-land`);
    await page.locator('table.data-table').waitFor();
    const controls = await page.$$eval('button, summary, a[href], input, [tabindex="0"]', (els) => els
      .filter((e) => e.getClientRects().length > 0 && !e.closest('.visually-hidden')).length);
    assert(controls > 100, `checked ${controls} controls`);
    const small = await page.$$eval('button, summary, a[href], input, [tabindex="0"]', (els) => els
      .filter((e) => e.getClientRects().length > 0 && !e.closest('.visually-hidden'))
      // Links inside running text are exempt (WCAG 2.5.8 "inline").
      .filter((e) => !(e.tagName === 'A' && getComputedStyle(e).display === 'inline' && e.closest('p')))
      .map((e) => { const r = e.getBoundingClientRect(); return { what: `${e.tagName}.${e.className}`, w: r.width, h: r.height }; })
      .filter((r) => r.w < 24 || r.h < 24));
    assertEqual(small, [], 'targets of at least 24×24 px');
    assertEqual(problems, [], 'no errors');
    await context.close();
  },
});

await browser.close();
server.close();
process.exit(failed ? 1 : 0);
