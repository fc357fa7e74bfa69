// End-to-end tests of embeds (release build in Chromium): auto-height, sandboxing, strict CSP,
// bad URLs, spoofed messages, every id, the copy-embed dialog, and a pasted snippet on a
// foreign news site.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  launch, serve, watchedPage, assert, assertEqual, run, root, indicatorIds, chartIds, axeViolations, frames,
} from './harness.mjs';
import { CSP } from '../../scripts/serve.mjs';
import { embedFiles, servedGzip } from '../../scripts/size-check.mjs';
import { checkHtml } from '../../scripts/html-check.mjs';

const browser = await launch();
const { server, base } = await serve(path.join(root, 'dist'));

// Records every CSP violation in every frame (init scripts run in each frame, sandboxed too).
const CSP_WATCH = () => {
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
};

async function open(url, { width = 1280, height = 900, ...options } = {}, alsoAllowed = []) {
  const context = await browser.newContext({ viewport: { width, height }, ...options });
  await context.addInitScript(CSP_WATCH);
  const watched = await watchedPage(context, base, alsoAllowed);
  const response = await watched.page.goto(url);
  return { context, response, ...watched };
}

/// Each embed iframe: its height, and the height of the document inside it.
async function frameHeights(page) {
  const frames = await page.$$('iframe[data-bac-giang-embed]');
  const out = [];
  for (const handle of frames) {
    const frame = await handle.contentFrame();
    const outer = await handle.evaluate((f) => f.getBoundingClientRect().height);
    const inner = await frame.evaluate(() => (document.querySelector('.embed') ? document.documentElement.getBoundingClientRect().height : -1));
    out.push({ src: await handle.getAttribute('src'), outer, inner });
  }
  return out;
}

/// Waits until every embed is drawn and its iframe is as tall as its content (±2 px).
async function waitForFittedFrames(page, label) {
  const deadline = Date.now() + 20000;
  let last;
  while (Date.now() < deadline) {
    last = await frameHeights(page);
    const drawn = await Promise.all(page.frames().filter(isEmbedFrame).map((f) =>
      f.evaluate(() => [...document.querySelectorAll('canvas')].every((c) => c.dataset.drawn))));
    if (last.length && drawn.every(Boolean) && last.every((h) => h.inner > 0 && Math.abs(h.outer - h.inner) <= 2)) return last;
    await frames(page, 1);
  }
  throw new Error(`${label}: iframes do not fit their content: ${JSON.stringify(last)}`);
}

/// An embed's frame: an item page (today's snippets) or embed.html (snippets published before).
const isEmbedFrame = (f) => /\/embed\.html|\/items\//.test(f.url());

async function violations(page) {
  const all = [];
  for (const frame of page.frames()) {
    all.push(...(await frame.evaluate(() => window.__violations || []).catch(() => [])));
  }
  return all;
}

// Host-page script (test-only, evaluated through DevTools, so no CSP exception): records each
// iframe's height over time.
function trackHeights(page) {
  return page.evaluate(() => {
    window.__heights = new Map();
    for (const f of document.querySelectorAll('iframe[data-bac-giang-embed]')) {
      const seen = [Math.round(f.getBoundingClientRect().height)];
      window.__heights.set(f, seen);
      new ResizeObserver(() => {
        const h = Math.round(f.getBoundingClientRect().height);
        if (h !== seen[seen.length - 1]) seen.push(h);
      }).observe(f);
    }
  });
}
const heightHistories = (page) => page.evaluate(() => [...window.__heights.values()]);

const failed = await run({
  async 'demo articles: every iframe fits its content at 1280 and 360 px, without later jumps'() {
    for (const file of ['article.html', 'article-en.html']) {
      // Tall enough that the lazy iframes all load.
      const { context, page, problems, response } = await open(`${base}public/demo/${file}`, { height: 2400 });
      assertEqual(response.headers()['content-security-policy'], CSP, 'the demo page is served under the strict CSP');
      assertEqual((await page.$$('iframe[data-bac-giang-embed]')).length, 3, 'three embeds');
      assertEqual((await page.$$('iframe[sandbox]')).length, 1, 'one sandboxed');
      const wide = await waitForFittedFrames(page, `${file} at 1280`);
      await trackHeights(page);
      // Ten frames of every embed: a height change would have been posted and applied.
      await frames(page, 10);
      // Once fitted, nothing moves while the viewport stays the same.
      for (const history of await heightHistories(page)) assertEqual(history.length, 1, `${file}: no height change after fitting`);
      await page.setViewportSize({ width: 360, height: 2400 });
      const narrow = await waitForFittedFrames(page, `${file} at 360`);
      assert(narrow.some((h, i) => h.inner > wide[i].inner), `${file}: narrower content is taller (${JSON.stringify(narrow)})`);
      await frames(page, 10);
      for (const history of await heightHistories(page)) assert(history.length <= 2, `${file}: one change for one resize, saw ${history}`);
      assertEqual(await violations(page), [], `${file}: CSP violations`);
      assertEqual(problems, [], `${file}: problems`);
      await context.close();
    }
  },

  async 'an embed that loads before embed.js still gets its height (handshake)'() {
    // Block embed.js until the embeds have drawn, then let it load.
    const context = await browser.newContext({ viewport: { width: 900, height: 2400 } });
    let release;
    const gate = new Promise((r) => { release = r; });
    await context.route('**/public/embed.js', async (route) => { await gate; await route.continue(); });
    const { page, problems } = await watchedPage(context, base);
    await page.goto(`${base}public/demo/article-en.html`, { waitUntil: 'commit' });
    await page.waitForFunction(() => document.querySelectorAll('iframe').length === 3);
    for (const f of page.frames().filter(isEmbedFrame)) {
      // A card embed has no canvas; a chart embed has drawn.
      await f.waitForFunction(() => document.querySelector('.embed')
        && [...document.querySelectorAll('canvas')].every((c) => c.dataset.drawn));
    }
    // Each embed has rendered, so it has posted its first height before embed.js listens.
    await frames(page, 2);
    release();
    await waitForFittedFrames(page, 'late embed.js');
    assertEqual(problems, [], 'problems');
    await context.close();
  },

  async 'a sandboxed embed renders fully although storage throws inside it'() {
    const { context, page, problems } = await open(`${base}public/demo/article-en.html`, { height: 2400 });
    await waitForFittedFrames(page, 'sandboxed');
    const frame = await (await page.$('iframe[sandbox]')).contentFrame();
    const inside = await frame.evaluate(() => {
      let storage = 'works';
      try { window.localStorage.getItem('x'); } catch (e) { storage = 'throws'; }
      const canvas = document.querySelector('canvas[data-chart]');
      const ctx = canvas.getContext('2d');
      const px = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      let painted = 0;
      for (let i = 0; i < px.length; i += 4) if (px[i] !== px[0] || px[i + 1] !== px[1] || px[i + 2] !== px[2]) painted++;
      return { storage, origin: window.origin, drawn: canvas.dataset.drawn, painted: painted / (px.length / 4),
        lang: document.documentElement.lang, footer: !!document.querySelector('.embed-foot a[href*="index.html"]') };
    });
    assertEqual(inside.storage, 'throws', 'storage is unavailable in the sandbox');
    assertEqual(inside.origin, 'null', 'opaque origin');
    assertEqual(inside.drawn, 'en', 'chart drawn in English');
    assert(inside.painted > 0.05, `chart painted (${inside.painted})`);
    assertEqual(inside.lang, 'en', 'document language');
    assert(inside.footer, 'footer links to the dashboard');
    assertEqual(await violations(page), [], 'CSP violations');
    assertEqual(problems, [], 'problems');
    await context.close();
  },

  async 'every page is served with the strict CSP and runs without a violation'() {
    for (const url of ['', 'index.html?lang=en', 'embed.html?id=park-land&lang=vi', 'embed.html?id=grdp-growth-2023&lang=en&theme=dark&transparent', 'embed.html?id=nope']) {
      const { context, page, problems, response } = await open(base + url);
      assertEqual(response.headers()['content-security-policy'], CSP, `${url}: CSP header`);
      await page.waitForSelector('.embed, .page');
      await page.waitForFunction(() => !document.querySelector('canvas:not([data-drawn])') || document.querySelector('.embed-problem'))
        .catch(() => {});
      await frames(page, 2);
      assertEqual(await violations(page), [], `${url}: CSP violations`);
      assertEqual(problems, [], `${url}: problems`);
      await context.close();
    }
  },

  async 'bad embed URLs show a short bilingual message with a link to the dashboard'() {
    const cases = {
      '': 'id', 'id=': 'id', 'id=nope': 'nope', 'id=park-land&lang=fr': 'fr', 'id=park-land&theme=purple': 'purple',
      'id=park-land&plain=maybe': 'maybe', 'id=park-land&lang=vi&lang=en': 'lang',
      'id=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E': '<img src=x onerror=alert(1)>',
      [`id=${'x'.repeat(5000)}`]: 'x'.repeat(40) + '…', 'id=%E0%A4%A': '%',
    };
    const { context, page, problems } = await open(base + 'embed.html');
    for (const [query, mentions] of Object.entries(cases)) {
      await page.goto(`${base}embed.html?${query}`);
      const box = page.locator('.embed-problem[role="alert"]');
      await box.waitFor({ timeout: 10000 });
      const text = await box.textContent();
      assert(text.includes('This embed cannot be shown') && text.includes('Không hiển thị được'), `${query}: bilingual title`);
      assert(text.includes(mentions), `${query}: names the problem (${mentions}) in: ${text}`);
      assertEqual(await box.locator('a[href="index.html"]').count(), 1, `${query}: links to the dashboard`);
      assertEqual(await page.locator('img').count(), 0, `${query}: markup in the URL stays text`);
    }
    assertEqual(problems, [], 'problems');
    await context.close();
  },

  async 'messages from anyone but the embed itself never change an iframe height'() {
    const { context, page, problems } = await open(`${base}public/demo/article.html`, { height: 2400 });
    const before = await waitForFittedFrames(page, 'before spoofing');
    const spoof = (height) => ({ type: 'bac-giang-embed:height', v: 1, id: 'park-land', height });
    // A last message, posted after all the others: once it arrives, they have been handled.
    const handled = page.evaluate(() => new Promise((done) => addEventListener('message', (e) => { if (e.data === 'test:last') done(); })));
    // The host window itself, a same-origin frame that is not an embed, and an embed frame
    // whose message reaches the host with the wrong origin are all ignored.
    await page.evaluate((m) => window.postMessage(m, '*'), spoof(999));
    await page.evaluate(() => {
      const f = document.createElement('iframe');
      f.name = 'intruder';
      document.body.append(f);
    });
    const intruder = page.frames().find((f) => f.name() === 'intruder');
    await intruder.evaluate((m) => { parent.postMessage(m, '*'); parent.postMessage({ ...m, height: 5 }, '*'); }, spoof(1234));
    // A message shaped wrongly from a real embed is ignored too.
    const embedFrame = page.frames().find((f) => f.url().includes('industrial-output'));
    await embedFrame.evaluate(() => {
      for (const bad of [{ type: 'bac-giang-embed:height', v: 1, height: '999' }, { type: 'bac-giang-embed:height', v: 1, height: 1e9 },
        { type: 'bac-giang-embed:height', v: 2, height: 700 }, { type: 'other', height: 700 }, 'bac-giang-embed:height', null]) parent.postMessage(bad, '*');
      parent.postMessage('test:last', '*');
    });
    await handled;
    await frames(page, 2);
    const after = await frameHeights(page);
    assertEqual(after.map((h) => h.outer), before.map((h) => h.outer), 'heights unchanged');
    assertEqual(problems, [], 'problems');
    await context.close();
  },

  async 'an embed fetches its own page, glue and wasm (no dashboard code), and fewer bytes'() {
    const fetched = async (url) => {
      const { context, page, problems } = await open(base + url);
      const files = new Set();
      page.on('response', (r) => files.add(new URL(r.url()).pathname.slice(1) || 'index.html'));
      await page.reload();
      await page.waitForFunction(() => [...document.querySelectorAll('canvas')].every((c) => c.dataset.drawn) && document.querySelector('.page, .embed'));
      // The favicon may be asked for after the first drawing, or not at all in a headless
      // browser: count what a settled page fetched, without it.
      await page.waitForLoadState('networkidle');
      assertEqual(problems, [], `${url}: problems`);
      await context.close();
      return [...files].filter((f) => !f.endsWith('favicon.svg')).sort();
    };
    const dist = path.join(root, 'dist');
    const dashboard = await fetched('?lang=vi');
    const embed = await fetched('embed.html?id=park-land&lang=vi');
    assertEqual(embed, embedFiles(dist).filter((f) => !f.endsWith('favicon.svg')).sort(), 'exactly the files embed.html names');
    const wasm = (files) => files.filter((f) => f.endsWith('.wasm'));
    assertEqual(wasm(embed).length, 1, 'one wasm');
    assert(!dashboard.includes(wasm(embed)[0]), `the embed's wasm (${wasm(embed)}) is its own, not the dashboard's (${wasm(dashboard)})`);
    const shared = embed.filter((f) => dashboard.includes(f));
    assert(shared.every((f) => f.endsWith('.css')), `only the stylesheet is shared: ${shared}`);
    const bytes = (files) => files.reduce((n, f) => n + servedGzip(dist, f), 0);
    assert(bytes(embed) < bytes(dashboard), `embed ${bytes(embed)} B < dashboard ${bytes(dashboard)} B (gzip)`);
  },

  async 'every card and chart id in the data makes a working embed, from embed.html and from its item page'() {
    const { context, page, problems } = await open(base + 'embed.html?id=park-land', { width: 640 });
    for (const id of [...indicatorIds, ...chartIds]) {
      const isChart = chartIds.includes(id);
      for (const [url, lang, site] of [[`embed.html?id=${id}&lang=en`, 'en', "Bắc Giang's economy"], [`items/${id}.vi.html`, 'vi', 'Kinh tế Bắc Giang']]) {
        await page.goto(base + url);
        // The app's own elements: on an item page, the build's, which the app attached to.
        await page.waitForSelector(isChart ? `figure[data-chart-card="${id}"]` : `article[data-indicator="${id}"]`, { timeout: 10000 });
        if (isChart) await page.waitForFunction(([id, lang]) => document.querySelector(`canvas[data-chart="${id}"]`)?.dataset.drawn === lang, [id, lang]);
        assertEqual(await page.locator('.embed-problem, .chart-static').count(), 0, `${url}: no error message, no build-time drawing left`);
        assertEqual(await page.locator('.card-open, .embed-button').count(), 0, `${url}: no dashboard controls in an embed`);
        assert((await page.title()).includes(site), `${url}: title`);
        assertEqual(await page.getAttribute('html', 'lang'), lang, `${url}: language`);
      }
    }
    assertEqual(problems, [], 'problems');
    await context.close();
  },

  async 'plain, theme and transparent flags change the embed'() {
    const look = async (query, scheme = 'light') => {
      const { context, page, problems } = await open(`${base}embed.html?id=grdp-growth&lang=en&${query}`, { colorScheme: scheme });
      await page.waitForFunction(() => document.querySelector('canvas')?.dataset.drawn === 'en');
      const r = await page.evaluate(() => {
        const c = document.querySelector('canvas');
        const px = c.getContext('2d').getImageData(1, 1, 1, 1).data;
        return { head: !!document.querySelector('.embed-head'), foot: !!document.querySelector('.embed-foot'),
          bg: getComputedStyle(document.body).backgroundColor, corner: [...px] };
      });
      assertEqual(problems, [], `${query}: problems`);
      await context.close();
      return r;
    };
    const normal = await look('');
    assert(normal.head && normal.foot, 'header and footer by default');
    const plain = await look('plain');
    assert(!plain.head && !plain.foot, 'plain drops header and footer');
    const dark = await look('theme=dark');
    const autoDark = await look('', 'dark');
    const forcedLight = await look('theme=light', 'dark');
    assertEqual(dark.corner, autoDark.corner, 'theme=dark draws like a dark system');
    assertEqual(forcedLight.corner, normal.corner, 'theme=light wins over a dark system');
    assert(dark.bg !== normal.bg, 'dark page background');
    const clear = await look('transparent');
    assertEqual(clear.bg, 'rgba(0, 0, 0, 0)', 'transparent page');
    assertEqual(clear.corner[3], 0, 'transparent chart background');
  },

  async 'every embed kind and the export page have no accessibility violations (axe-core), both languages, light and dark'() {
    const axe = async (page, label) => assertEqual(await axeViolations(page), [], `${label}: axe violations`);
    // One of each kind: number card, list card, computed card, each chart kind, the flags, the error page.
    const kinds = ['id=grdp-growth-2023', 'id=five-readiness', 'id=kcn-free-area', 'id=grdp-growth', 'id=park-land',
      'id=milestones', 'id=company-revenue&plain', 'id=industrial-output&transparent', 'id=nope'];
    for (const colorScheme of ['light', 'dark']) {
      for (const query of ['vi', 'en'].flatMap((lang) => kinds.map((kind) => `${kind}&lang=${lang}`))) {
        const { context, page, problems } = await open(`${base}embed.html?${query}`, { colorScheme, width: 600 });
        await page.waitForSelector('.embed');
        await page.waitForFunction(() => [...document.querySelectorAll('canvas')].every((c) => c.dataset.drawn));
        // A transparent embed shows the host page's background, which axe cannot see from inside
        // the frame (it assumes white): stand in a host page of the reader's scheme.
        if (query.includes('transparent')) {
          await page.evaluate((dark) => { document.documentElement.style.background = dark ? '#121212' : '#ffffff'; }, colorScheme === 'dark');
        }
        await axe(page, `${query} ${colorScheme}`);
        assertEqual(problems, [], 'problems');
        await context.close();
      }
      // The export page (downloads and embed code), reached from a card's and a chart's link.
      for (const lang of ['vi', 'en']) {
        for (const link of ['#embed-grdp-growth-2023', '#download-milestones']) {
          const { context, page, problems } = await open(`${base}?lang=${lang}`, { colorScheme });
          await page.click(link);
          await page.locator('#embed-code').waitFor();
          await page.locator('iframe.preview').evaluate((f) => f.scrollIntoView());
          await page.frameLocator('iframe.preview').locator('.embed').waitFor();
          await axe(page, `export page ${link} ${lang} ${colorScheme}`);
          assertEqual(problems, [], 'problems');
          await context.close();
        }
      }
    }
  },

  async 'Embed leads to the item\u2019s export page: snippet in the current language, options, preview, denied clipboard selects it'() {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) } });
    });
    const { page, problems } = await watchedPage(context, base);
    await page.goto(`${base}?lang=en`);
    await page.locator('#embed-park-land').waitFor();
    // The dashboard loads none of the export page's files until the link is followed.
    const before = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name));
    assert(!before.some((u) => u.includes('bac-giang-export')), `export files loaded with the dashboard: ${before}`);
    await page.click('#embed-park-land');
    await page.waitForURL(/\/export\.html\?id=park-land&lang=en#embed$/);
    const code = page.locator('#embed-code');
    await code.waitFor();
    let snippet = await code.inputValue();
    assert(snippet.includes(`src="${base}items/park-land.en.html"`), `snippet: ${snippet}`);
    assert(!snippet.includes('width=') && !snippet.includes('frameborder'), `valid iframe attributes: ${snippet}`);
    // The image snippet: the item's social card, its key fact as alt, linked to its page.
    const image = await page.locator('#image-code').inputValue();
    assertEqual(image, `<a href="${base}items/park-land.en.html"><img src="${base}items/park-land.en.png" width="600" height="315" `
      + 'alt="Land in established parks: occupied and free. Total: 2,474.8 ha; Occupied: about 1,583.1 ha · about 64%; Free: about 891.7 ha · about 36% — Vietnamese article, Viet Nam News (VNS)"'
      + '></a>', 'image snippet');
    assertEqual(await page.locator('a.item-link').getAttribute('href'), `${base}items/park-land.en.html`, 'the item page is offered to share');
    assert(snippet.includes(`<script src="${base}public/embed.js" async></script>`), 'host script');
    assertEqual(await page.title(), "Land in established parks: occupied and free · Bắc Giang's economy", 'page title names the item');
    await page.getByLabel('Without header and footer').check();
    await page.getByLabel('Dark', { exact: true }).check();
    snippet = await code.inputValue();
    assert(snippet.includes('items/park-land.en.html?theme=dark&amp;plain"'), `options in the snippet: ${snippet}`);
    assert(page.url().includes('export.html?id=park-land&lang=en&theme=dark&plain'), `the address follows the options: ${page.url()}`);
    // The preview is the frame as the code puts it on a page, sized by public/embed.js.
    assertEqual(await page.locator('iframe.preview').getAttribute('src'), 'items/park-land.en.html?theme=dark&plain', 'preview follows the options');
    const preview = page.frameLocator('iframe.preview');
    await preview.locator('html[data-theme="dark"] .embed-plain canvas[data-drawn="en"]').waitFor();
    const sized = await page.waitForFunction(() => {
      const frame = document.querySelector('iframe.preview');
      const inner = frame.contentDocument?.documentElement.scrollHeight ?? 0;
      return inner > 0 && Math.abs(inner - frame.getBoundingClientRect().height) <= 2;
    }, null, { timeout: 5000 }).then(() => true, () => false);
    assert(sized, 'the preview is sized to its content');
    await page.click('#embed .copy-button');
    await page.locator('#embed .copy-status', { hasText: 'did not allow copying' }).waitFor();
    const selection = await page.evaluate(() => {
      const a = document.activeElement;
      return { id: a.id, all: a.selectionStart === 0 && a.selectionEnd === a.value.length };
    });
    assertEqual(selection, { id: 'embed-code', all: true }, 'the code is focused and selected');
    // The page's own language switch: the code, title and preview follow.
    await page.click('.lang-button[lang="vi"]');
    snippet = await code.inputValue();
    assert(snippet.includes('items/park-land.vi.html?theme=dark&amp;plain') && snippet.includes('title="Đất KCN đã thành lập: lấp đầy và còn trống"'), snippet);
    assert((await page.locator('#image-code').inputValue()).includes('alt="Đất KCN đã thành lập: lấp đầy và còn trống.'), 'the image snippet follows the language');
    assertEqual(await page.locator('#embed .copy-status').textContent(), '', 'the status is cleared when the code changes');
    // The image code has a copy button of its own, with its own status.
    await page.click('#image .copy-button');
    await page.waitForFunction(() => document.activeElement?.id === 'image-code');
    assertEqual(await page.locator('#embed .copy-status').textContent(), '', 'one status per code');
    // Back to the dashboard, at the item, in the language chosen.
    await page.click('.back a');
    await page.waitForURL(/index\.html\?lang=vi&theme=parks#item-park-land$/);
    await page.locator('#item-park-land').waitFor();
    // A card's link, after a language switch on the dashboard: no downloads for a card.
    await page.goto(`${base}?lang=en`);
    await page.click('.lang-button[lang="vi"]');
    await page.click('#embed-grdp-growth-2023');
    await page.waitForURL(/export\.html\?id=grdp-growth-2023&lang=vi#embed$/);
    snippet = await page.locator('#embed-code').inputValue();
    assert(snippet.includes('items/grdp-growth-2023.vi.html"') && snippet.includes('title="Tăng trưởng GRDP năm 2023"'), snippet);
    assertEqual(await page.locator('#download').count(), 0, 'a card has no picture or data downloads');
    assertEqual(problems, [], 'problems');
    await context.close();
  },

  async 'the copied snippet on a foreign site fits on a phone and a desktop, sandboxed, under CSP'() {
    // Copy the snippet from the dashboard, as an editor would.
    const { context: c1, page: dash } = await open(`${base}?lang=vi`);
    await dash.click('#embed-grdp-growth-2023');
    const cardSnippet = await dash.locator('#embed-code').inputValue();
    await dash.goBack();
    await dash.click('#embed-company-revenue');
    const chartSnippet = await dash.locator('#embed-code').inputValue();
    const imageSnippet = await dash.locator('#image-code').inputValue();
    await c1.close();
    // A news site on another origin, with its own strict CSP that allows our frames and script.
    const site = fs.mkdtempSync(path.join(os.tmpdir(), 'news-site-'));
    const appOrigin = base.replace(/\/$/, '');
    fs.writeFileSync(path.join(site, 'index.html'),
      `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Tin tức</title><link rel="icon" href="data:,"></head>` +
      `<body><h1>Bài viết</h1><p>Đoạn mở đầu.</p>${cardSnippet}<p>Đoạn giữa.</p>${chartSnippet}<p>Bản tin:</p>${imageSnippet}<p>Hết.</p>` +
      `<iframe src="spoof.html" title="quảng cáo"></iframe></body></html>`);
    // A third-party frame on the news site that spams fake height messages.
    fs.writeFileSync(path.join(site, 'spoof.html'), '<!doctype html><title>ad</title><script src="spoof.js"></script>');
    fs.writeFileSync(path.join(site, 'spoof.js'),
      "setInterval(() => parent.postMessage({ type: 'bac-giang-embed:height', v: 1, id: 'grdp-growth-2023', height: 4321 }, '*'), 30);");
    const hostCsp = `default-src 'self'; script-src 'self' ${appOrigin}; frame-src 'self' ${appOrigin}; style-src 'self'; img-src 'self' data: ${appOrigin}`;
    const news = await serve(site, () => ({ 'content-security-policy': hostCsp }));
    // Every snippet the export page offers keeps the host page valid HTML.
    assertEqual(checkHtml([path.join(site, 'index.html')]), [], 'the Nu checker on a page holding the snippets');
    try {
      for (const width of [360, 1280]) {
        const { context, page, problems } = await open(news.base, { width, height: 3000 }, [news.base]);
        assertEqual((await page.$$('iframe[sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"]')).length, 2, 'sandboxed');
        const fitted = await waitForFittedFrames(page, `news site at ${width}`);
        assert(fitted.every((h) => h.outer < 1000), `spoofed heights ignored: ${JSON.stringify(fitted)}`);
        // The image snippet shows the item's picture.
        const img = await page.waitForFunction(() => {
          const i = document.querySelector('a > img[alt]');
          return i?.complete && i.naturalWidth > 0 && [i.naturalWidth, i.naturalHeight];
        }).then((h) => h.jsonValue());
        assertEqual(img, [1200, 630], 'the social card image loads');
        // Ten more spoofed messages delivered, and frames rendered after them.
        await page.evaluate(() => new Promise((done) => {
          let n = 0;
          addEventListener('message', (e) => { if (e.data?.height === 4321 && ++n === 10) done(); });
        }));
        await frames(page, 2);
        const again = await frameHeights(page);
        assertEqual(again.map((h) => h.outer), fitted.map((h) => h.outer), 'stable despite the spoofing frame');
        assertEqual(await violations(page), [], 'CSP violations');
        assertEqual(problems, [], `problems at ${width}`);
        await context.close();
      }
    } finally {
      news.server.close();
      fs.rmSync(site, { recursive: true, force: true });
    }
  },

  async 'item pages: every item in both languages, readable without JavaScript, with share tags, a 1200x630 image and oEmbed data'() {
    const dist = path.join(root, 'dist');
    const pngSize = (file) => {
      const b = fs.readFileSync(file);
      assertEqual([...b.subarray(1, 4)].map((c) => String.fromCharCode(c)).join(''), 'PNG', `${file}: a PNG`);
      return [b.readUInt32BE(16), b.readUInt32BE(20)];
    };
    let pages = 0;
    for (const id of [...indicatorIds, ...chartIds]) {
      for (const lang of ['vi', 'en']) {
        const page = `items/${id}.${lang}.html`;
        const res = await fetch(base + page);
        assertEqual(res.status, 200, `${page}: served`);
        const html = await res.text();
        const meta = (key) => html.match(new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)">`))?.[1];
        assert(html.includes(`data-item=${id} lang=${lang}>`), `${page}: names its item and language`);
        assert(html.includes('<body><main class="embed"'), `${page}: built content first in the body`);
        for (const key of ['og:title', 'og:description', 'og:image', 'og:url', 'twitter:card', 'twitter:image', 'description']) {
          assert(meta(key), `${page}: ${key}`);
        }
        assert(meta('description').includes(' — '), `${page}: the key fact names its source: ${meta('description')}`);
        assertEqual(meta('og:image'), `${id}.${lang}.png`, `${page}: og:image`);
        assertEqual(pngSize(path.join(dist, 'items', meta('og:image'))), [1200, 630], `${page}: image size`);
        const oembedHref = html.match(/<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/)?.[1];
        assertEqual(oembedHref, `items/${id}.${lang}.oembed.json`, `${page}: oEmbed link`);
        const o = await (await fetch(base + oembedHref)).json();
        assertEqual([o.version, o.type, o.width, o.thumbnail_width, o.thumbnail_height], ['1.0', 'rich', 640, 1200, 630], `${page}: oEmbed fields`);
        assert(o.html.includes(`src="items/${id}.${lang}.html"`) && o.height > 150 && o.title && o.provider_name, `${page}: oEmbed html`);
        pages++;
      }
    }
    assertEqual(pages, 2 * (indicatorIds.length + chartIds.length), 'every item, both languages');

    // Without JavaScript: the figure, the chart drawn at build time, the source and the links.
    const context = await browser.newContext({ viewport: { width: 700, height: 900 }, javaScriptEnabled: false, colorScheme: 'dark' });
    const page = await context.newPage();
    for (const [id, figure] of [['grdp-growth-2023', '13,1%'], ['park-land', null]]) {
      await page.goto(`${base}items/${id}.vi.html`);
      const text = await page.textContent('main');
      if (figure) assert(text.includes(figure), `${id}: the figure without JavaScript`);
      assert(text.includes('Nguồn') && text.includes('Số liệu đến'), `${id}: source and data as of`);
      if (!figure) {
        const shown = await page.evaluate(() => [...document.querySelectorAll('svg.chart-svg')].filter((s) => getComputedStyle(s).display !== 'none').length);
        assertEqual(shown, 1, `${id}: one build-time drawing shows`);
      }
      const dashboard = await page.getAttribute('.embed-foot a', 'href');
      assert(dashboard.startsWith('index.html?lang=vi'), `${id}: links to the dashboard (${dashboard})`);
      // Resolved against <base href="../">: the app's folder, not items/.
      assertEqual(await page.evaluate(() => document.querySelector('.embed-foot a').href.replace(location.origin, '')), `/${dashboard}`, 'link resolves from the app folder');
    }
    await context.close();

    // The build's copy, as a reader without scripts gets it (the app's script blocked, so axe
    // can still run), has no accessibility violations, light and dark.
    for (const colorScheme of ['light', 'dark']) {
      const c = await browser.newContext({ viewport: { width: 700, height: 900 }, colorScheme });
      await c.route(/bac-giang-embed-.*\.js$/, (route) => route.abort());
      const p = await c.newPage();
      for (const item of ['items/park-land.vi.html', 'items/grdp-growth-2023.en.html']) {
        await p.goto(base + item);
        await p.locator('main.embed').waitFor();
        assertEqual(await axeViolations(p), [], `${item} without scripts, ${colorScheme}: axe`);
      }
      await c.close();
    }

    // With JavaScript: the embed's app attaches, or (options that change what it shows) renders
    // afresh, with the options in the query.
    const { context: c2, page: live, problems } = await open(`${base}items/park-land.en.html?theme=dark&plain`, { width: 700 });
    await live.locator('html[data-theme="dark"] .embed-plain canvas[data-drawn="en"]').waitFor();
    assertEqual(await live.locator('main.embed').count(), 1, 'the built view gives way to the plain one');
    assertEqual(await live.locator('.embed-head, .chart-static').count(), 0, 'nothing of it is left');
    // Without options, the app attaches to the built page without moving anything.
    for (const item of ['items/park-land.en.html', 'items/grdp-growth-2023.vi.html']) {
      const c = await browser.newContext({ viewport: { width: 700, height: 900 } });
      await c.addInitScript(() => {
        window.__shifts = [];
        new PerformanceObserver((l) => window.__shifts.push(...l.getEntries().map((e) => e.value))).observe({ type: 'layout-shift', buffered: true });
      });
      const p = await c.newPage();
      await p.goto(base + item);
      await p.waitForFunction(() => document.documentElement.hasAttribute('data-app') && [...document.querySelectorAll('canvas')].every((c) => c.dataset.drawn));
      await frames(p, 3);
      assertEqual(await p.evaluate(() => window.__shifts), [], `${item}: layout shifts on hydration`);
      await c.close();
    }
    assertEqual(await violations(live), [], 'CSP violations');
    assertEqual(problems, [], 'problems');
    await c2.close();

    // The oEmbed html, pasted as a CMS would (addresses resolved against the oEmbed file), embeds the item.
    const o = await (await fetch(`${base}items/grdp-growth.en.oembed.json`)).json();
    const host = fs.mkdtempSync(path.join(os.tmpdir(), 'oembed-host-'));
    // Relative without SITE_URL: against the app's folder, as the item pages' <base> does.
    const resolved = o.html.replace(/src="([^"]+)"/g, (_, u) => `src="${new URL(u, base).href}"`);
    fs.writeFileSync(path.join(host, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CMS</title><link rel="icon" href="data:,"></head><body>${resolved}</body></html>`);
    const appOrigin = base.replace(/\/$/, '');
    const cms = await serve(host, () => ({ 'content-security-policy': `default-src 'self'; script-src ${appOrigin}; frame-src ${appOrigin}; img-src data:` }));
    try {
      const { context: c3, page: p3, problems: p3problems } = await open(cms.base, { width: 800 }, [cms.base]);
      await waitForFittedFrames(p3, 'oEmbed html');
      const inner = await (await (await p3.$('iframe')).contentFrame()).textContent('main');
      assert(inner.includes('GRDP growth'), `the oEmbed frame shows its item: ${inner.slice(0, 80)}`);
      assertEqual(p3problems, [], 'problems');
      await c3.close();
    } finally {
      cms.server.close();
      fs.rmSync(host, { recursive: true, force: true });
    }
  },

  async 'a host page switches its embeds language and scheme; messages from elsewhere, or malformed, are ignored'() {
    const { context, page, problems } = await open(`${base}public/demo/article.html`, { height: 2400, colorScheme: 'light' });
    await waitForFittedFrames(page, 'demo');
    const state = () => Promise.all(page.frames().filter(isEmbedFrame).map((f) => f.evaluate(() => ({
      lang: document.documentElement.lang, theme: document.documentElement.dataset.theme ?? 'auto',
      drawn: [...document.querySelectorAll('canvas')].map((c) => c.dataset.drawn),
    }))));
    const all = (list, key, value) => list.length === 3 && list.every((s) => s[key] === value);
    const waitFor = async (key, value, label) => {
      const deadline = Date.now() + 10000;
      let last;
      while (Date.now() < deadline) {
        last = await state();
        if (all(last, key, value) && last.every((s) => s.drawn.every((d) => d === last[0].lang))) return last;
        await frames(page, 1);
      }
      throw new Error(`${label}: ${JSON.stringify(last)}`);
    };
    assert(all(await state(), 'lang', 'vi'), 'Vietnamese to start with');
    // The demo's own toggles (public/demo/demo.js → embed.js's bacGiangEmbeds.set).
    await page.click('[data-set-lang="en"]');
    await waitFor('lang', 'en', 'English after the toggle');
    await page.click('[data-set-theme="dark"]');
    await waitFor('theme', 'dark', 'dark after the toggle');
    assertEqual(await page.getAttribute('[data-set-theme="dark"]', 'aria-pressed'), 'true', 'the toggle shows its state');
    await waitForFittedFrames(page, 'after switching');

    // Not from the parent: a message the embed posts to itself, and one from a sibling frame.
    const item = page.frames().find((f) => f.url().includes('/items/grdp-growth-2023'));
    await item.evaluate(() => window.postMessage({ type: 'bac-giang-embed:set', v: 1, lang: 'vi', theme: 'light' }, '*'));
    await page.evaluate(() => new Promise((done) => {
      const sibling = document.createElement('iframe');
      sibling.name = 'sibling';
      sibling.title = 'sibling';
      sibling.onload = done;
      document.body.append(sibling);
    }));
    await page.frame({ name: 'sibling' }).evaluate(() => {
      const target = parent.document.querySelector('iframe[src*="grdp-growth-2023"]').contentWindow;
      target.postMessage({ type: 'bac-giang-embed:set', v: 1, lang: 'vi', theme: 'light' }, '*');
    });
    // Malformed, from the parent itself: each is ignored whole.
    await page.evaluate(() => {
      for (const f of document.querySelectorAll('iframe[data-bac-giang-embed]')) {
        for (const m of [{ type: 'bac-giang-embed:set', v: 2, lang: 'vi' }, { type: 'bac-giang-embed:set', v: 1, lang: 'VI' },
          { type: 'bac-giang-embed:set', v: 1, lang: 'vi', theme: 'sepia' }, { type: 'bac-giang-embed:set', lang: 'vi' },
          'bac-giang-embed:set', null, { type: 'bac-giang-embed:set', v: 1, lang: ['vi'] }]) f.contentWindow.postMessage(m, '*');
      }
    });
    await frames(page, 10);
    const after = await state();
    assert(all(after, 'lang', 'en') && all(after, 'theme', 'dark'), `ignored: ${JSON.stringify(after)}`);
    // embed.js refuses a value it does not document, rather than sending it.
    const refused = await page.evaluate(() => { try { window.bacGiangEmbeds.set({ lang: 'fr' }); return false; } catch (e) { return e instanceof TypeError; } });
    assert(refused, 'set() throws on an unknown language');
    // Back to automatic: the frames follow the reader's (light) system again.
    await page.click('[data-set-theme="auto"]');
    await waitFor('theme', 'auto', 'automatic again');
    assertEqual(await violations(page), [], 'CSP violations');
    assertEqual(problems, [], 'problems');
    await context.close();
  },
});

server.close();
await browser.close();
process.exit(failed ? 1 : 0);
