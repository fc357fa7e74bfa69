// The dashboard side by side with what a newsroom would otherwise use: two test-only pages
// (tests/peers/) drawing the same six charts from the same data with Chart.js 4 and with
// Vega-Lite 6, served like the app (same server, pre-compressed copies). One run of cold loads
// alternating app, Chart.js, Vega-Lite, with the CPU throttled 4×; prints the medians of
//   - first contentful paint,
//   - first chart visible and every chart visible (the first frame in which a chart's box
//     holds its drawing: the app's build-time SVG or drawn canvas, a peer's rendered chart),
//   - bytes (gzip, as served): everything each page fetches, and for the app also the first
//     complete view (every card and chart visible: HTML + CSS, no JavaScript or wasm),
// and the app's figures as ratios of each peer's; the first contentful paint of two
// references (the page's header alone, an empty page with its stylesheet), which bound what a
// first paint of this page can take; and the app with its first paint held until its last
// chart is parsed, which shows what the two timing targets cost each other.
// Usage: node scripts/bench-peers.mjs (after a release build; RUNS=n, default 10 per page;
// BENCH_PREVIOUS=dir adds another build of the app, e.g. the previous release's, side by side).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, serve } from '../tests/e2e/harness.mjs';
import { precompress, precompressFile } from './precompress.mjs';
import { servedGzip } from './size-check.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

// A period as a year with its fraction ("2021-07-15" → 2021.54); a range's end is the end of
// its last year.
function years(period) {
  const [from, to] = period.split('/');
  const at = (p, end) => {
    const [y, m, d] = p.split('-').map(Number);
    if (!m) return y + (end ? 1 : 0);
    return y + (m - 1) / 12 + ((d || (end ? 28 : 1)) - 1) / 365;
  };
  return to ? [at(from, false), at(to, true)] : [at(from, false), at(from, false) + 0.15];
}

// A derived value computed as the app does (DATA.md "Derived values", src/model/derive.rs).
function value(byId, id) {
  const i = byId.get(id);
  if (!i.formula) return i.value;
  const f = i.formula;
  if (f.op === 'percent-of') return value(byId, f.percent) / 100 * value(byId, f.of);
  if (f.op === 'difference') return value(byId, f.minuend) - value(byId, f.subtrahend);
  if (f.op === 'share') return value(byId, f.part) / value(byId, f.whole) * 100;
  throw new Error(`${id}: unknown formula ${f.op}`);
}

// The six charts' data in Vietnamese, as the peers draw them: the same labels and values.
export function peerCharts(data) {
  const byId = new Map([...data.indicators, ...data.derived].map((i) => [i.id, i]));
  const label = (i) => (i.short ?? i.label).vi;
  return data.charts.map((c) => {
    const rows = c.series.map((id) => byId.get(id));
    const out = { id: c.id, kind: c.kind, title: c.title.vi, height: 80 + 36 * rows.length };
    if (c.kind === 'timeline') {
      out.rows = rows.map((i) => { const [start, end] = years(i.period); return { label: label(i), start, end }; });
      out.from = Math.floor(Math.min(...out.rows.map((r) => r.start)));
      out.to = Math.ceil(Math.max(...out.rows.map((r) => r.end)));
    } else {
      out.rows = rows.map((i) => ({ label: label(i), value: value(byId, i.id) }));
      if (c.kind === 'share') out.whole = value(byId, c.whole);
    }
    return out;
  });
}

// The peer pages: the app's own prerendered dashboard (same cards, text, layout and stylesheet,
// from the build in `appDist`) without its scripts and build-time charts, each chart box left
// to the peer library (its minified build as published, from node_modules), with the data.
export async function writePeers(dir, appDist) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const f of fs.readdirSync(path.join(root, 'tests', 'peers'))) {
    fs.copyFileSync(path.join(root, 'tests', 'peers', f), path.join(dir, f));
  }
  const app = fs.readFileSync(path.join(appDist, 'index.html'), 'utf8');
  const stylesheet = app.match(/href=\.\/(style-[^ >]+\.css)/)[1];
  fs.copyFileSync(path.join(appDist, stylesheet), path.join(dir, stylesheet));
  const page = app
    .replace(/<script type=module[^>]*><\/script>/, '')
    .replace(/<link [^>]*rel=(?:preload|modulepreload|manifest|icon|apple-touch-icon)[^>]*>/g, '')
    .replace(/ integrity=[^ >]+/g, '')
    .replace(/<svg class="chart-svg[\s\S]*?<\/svg>/g, '')
    .replace(/<canvas [^>]*><\/canvas>/g, '')
    .replace(/(<figure id="item-([^"]+)"[\s\S]*?<div class="chart-box[^"]*">)/g, '$1<div class=peer-chart data-peer-chart=$2></div>');
  if (!page.includes('data-peer-chart')) throw new Error('bench-peers: no chart box found in the app\'s page');
  // Each library loaded as its documentation shows (Chart.js "Getting Started": the script
  // after the content, then the code that makes the charts; Vega-Embed's README: the three
  // libraries in <head>, the embedding code at the end of <body>), as files: the CSP has no
  // inline scripts.
  const tags = (names) => names.map((n) => `<script src=${n}></script>`).join('');
  const css = '<link href=peer.css rel=stylesheet></head>';
  fs.writeFileSync(path.join(dir, 'chartjs.html'), page.replace('</head>', css)
    .replace('</body>', `${tags(['chart.umd.js', 'peer-data.js', 'chartjs.js'])}</body>`));
  fs.writeFileSync(path.join(dir, 'vega-lite.html'), page
    .replace('</head>', `${tags(['vega.min.js', 'vega-lite.min.js', 'vega-embed.min.js'])}${css}`)
    .replace('</body>', `${tags(['peer-data.js', 'vega-lite.js'])}</body>`));
  const libraries = {
    'chart.umd.js': 'chart.js/dist/chart.umd.min.js',
    'vega.min.js': 'vega/build/vega.min.js',
    'vega-lite.min.js': 'vega-lite/build/vega-lite.min.js',
    'vega-embed.min.js': 'vega-embed/build/vega-embed.min.js',
  };
  for (const [name, from] of Object.entries(libraries)) {
    fs.copyFileSync(path.join(root, 'node_modules', from), path.join(dir, name));
  }
  // Two references for first paint, measured in the same run: the page's own header alone
  // (the least a first paint of this page shows) and an empty page with its stylesheet (the
  // browser's own floor here).
  fs.writeFileSync(path.join(dir, 'floor-header.html'), page.replace(/<main[\s\S]*<\/main>/, '<main id=content></main>'));
  fs.writeFileSync(path.join(dir, 'floor-blank.html'), page.replace(/<body>[\s\S]*<\/body>/, '<body><p>Kinh tế Bắc Giang</p></body>'));
  const data = JSON.parse(fs.readFileSync(path.join(root, 'data', 'bac-giang.json'), 'utf8'));
  fs.writeFileSync(path.join(dir, 'peer-data.js'), `const PEER_CHARTS = ${JSON.stringify(peerCharts(data))};\n`);
  await precompress(dir);
  // The app itself with its first paint held (test-only: the dashboard paints progressively):
  // the build as served, its compressed copies included, but for its page (and no item pages).
  const held = path.join(dir, 'held');
  const own = (f) => f === path.join(appDist, 'items') || /^index\.html/.test(path.relative(appDist, f));
  fs.cpSync(appDist, held, { recursive: true, filter: (f) => !own(f) });
  fs.writeFileSync(path.join(held, 'index.html'), holdFirstPaint(app));
  await precompressFile(path.join(held, 'index.html'));
}

/// The page with rendering blocked until its last chart's figure has been parsed
/// (`<link rel=expect blocking=render>`): one first paint holding every chart, instead of the
/// header and first section first and the rest as the parser reaches it.
export function holdFirstPaint(html) {
  const figures = [...html.matchAll(/<figure id="(item-[^"]+)"/g)];
  if (!figures.length) throw new Error('bench-peers: no chart figure in the page');
  return html.replace('</head>', `<link rel=expect href=#${figures.at(-1)[1]} blocking=render></head>`);
}

// Runs in each page before its own scripts: when each chart became visible, i.e. the end of
// the rendering of the first frame in which its drawing was in place (a rAF callback runs
// before its frame's style, layout and paint; a message posted from it is handled right
// after them), and when it became interactive (answers hover and keys: a peer's chart once
// drawn, its library's handlers attached with it; the app's once its handlers are attached and
// know where its marks are: canvas[data-live], over the build-time drawing or on the drawn
// canvas; a build before data-live was interactive once its canvas was drawn). The same rule
// for every page.
export function recordCharts() {
  window.__charts = {};
  window.__interactive = {};
  const inPlace = () => {
    const peer = document.querySelectorAll('[data-peer-chart]');
    if (peer.length) return [...peer].map((b) => [b.dataset.peerChart, b.dataset.drawn === '1', b.dataset.drawn === '1']);
    return [...document.querySelectorAll('.chart-box')]
      .map((b) => [b.closest('[id^=item-]')?.id, !!b.querySelector('svg.chart-svg, canvas[data-drawn]'), !!b.querySelector('canvas[data-live], canvas[data-drawn]')]);
  };
  const channel = new MessageChannel();
  channel.port1.onmessage = ({ data: [shown, live] }) => {
    const now = performance.now();
    for (const id of shown) window.__charts[id] ??= now;
    for (const id of live) window.__interactive[id] ??= now;
  };
  const frame = () => {
    const now = inPlace();
    const shown = now.filter(([id, s]) => s && !(id in window.__charts)).map(([id]) => id);
    const live = now.filter(([id, , l]) => l && !(id in window.__interactive)).map(([id]) => id);
    if (shown.length || live.length) channel.port2.postMessage([shown, live]);
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/// One cold load of `url` at 4× CPU: its first contentful paint and when each of its `charts`
/// charts became visible (ms since navigation), and the paths it fetched. The page is left
/// open for the caller to close.
export async function coldLoad(browser, url, charts) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(recordCharts);
  const fetched = new Set();
  page.on('response', (r) => fetched.add(new URL(r.url()).pathname));
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction((n) => Object.keys(window.__charts || {}).length >= n
    && Object.keys(window.__interactive || {}).length >= n
    && performance.getEntriesByName('first-contentful-paint').length > 0, charts, { timeout: 60000, polling: 100 });
  const [fcp, times, live] = await page.evaluate(() => [performance.getEntriesByName('first-contentful-paint')[0].startTime,
    Object.values(window.__charts), Object.values(window.__interactive)]);
  return { page, context, fetched, fcp, times, live };
}

/// `previous`: another build of the app (a folder, e.g. the last release's dist/), loaded in
/// the same alternation and printed beside this one (A/B).
export async function benchPeers({ browser, appBase, appDist, previous, runs = Number(process.env.RUNS || 10) }) {
  const peersDir = path.join(root, 'target', 'bench-peers');
  await writePeers(peersDir, appDist);
  // Vega compiles its expressions with `new Function`: the peer pages are served without the
  // app's `script-src` restriction (a newsroom page using Vega would have to do the same).
  const peers = await serve(peersDir, () => ({
    'content-security-policy': "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'",
  }));
  const pages = {
    app: { url: `${appBase}?lang=vi`, dir: appDist },
    'Chart.js 4': { url: `${peers.base}chartjs.html`, dir: peersDir },
    'Vega-Lite 6': { url: `${peers.base}vega-lite.html`, dir: peersDir },
    held: { url: `${peers.base}held/?lang=vi`, dir: path.join(peersDir, 'held') },
  };
  const before = previous && await serve(previous);
  if (before) pages['previous build'] = { url: `${before.base}?lang=vi`, dir: previous };
  // First-paint references (no charts): see writePeers.
  const floors = {
    'the page\'s header alone': { url: `${peers.base}floor-header.html`, dir: peersDir },
    'an empty page with the stylesheet': { url: `${peers.base}floor-blank.html`, dir: peersDir },
  };
  const floorFcp = Object.fromEntries(Object.keys(floors).map((k) => [k, []]));
  const charts = JSON.parse(fs.readFileSync(path.join(root, 'data', 'bac-giang.json'), 'utf8')).charts.length;
  const results = Object.fromEntries(Object.keys(pages).map((k) => [k, { fcp: [], first: [], every: [], live: [], bytes: null }]));
  for (let i = 0; i < runs; i++) {
    for (const [name, p] of Object.entries(pages)) {
      const { page, context, fetched, fcp, times, live } = await coldLoad(browser, p.url, charts);
      const r = results[name];
      r.fcp.push(fcp);
      r.first.push(Math.min(...times));
      r.every.push(Math.max(...times));
      r.live.push(Math.max(...live));
      if (i === 0) {
        // Wait for the page to settle (the app's wasm, the service worker) before counting bytes.
        await page.waitForLoadState('networkidle');
        const files = [...fetched].map((f) => path.join(p.dir, decodeURIComponent(f) === '/' ? 'index.html' : decodeURIComponent(f)))
          .filter((f) => fs.existsSync(f) && fs.statSync(f).isFile());
        const gz = (f) => Math.min(servedGzip(p.dir, path.relative(p.dir, f)), fs.statSync(f).size);
        r.bytes = files.reduce((n, f) => n + gz(f), 0);
        if (name === 'app') r.firstView = files.filter((f) => /\.(html|css)$/.test(f)).reduce((n, f) => n + gz(f), 0);
      }
      await context.close();
    }
    for (const [name, p] of Object.entries(floors)) {
      const { context, fcp } = await coldLoad(browser, p.url, 0);
      floorFcp[name].push(fcp);
      await context.close();
    }
  }
  peers.server.close();
  before?.server.close();

  const m = (name, key) => median(results[name][key]);
  const lines = [];
  lines.push(`## Side by side with Chart.js 4 and Vega-Lite 6 (cold loads, CPU 4× slower, ${runs} alternating runs each)\n`);
  lines.push('| measure | app | Chart.js 4 | Vega-Lite 6 | app ÷ Chart.js | app ÷ Vega-Lite |\n|---|---:|---:|---:|---:|---:|');
  const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
  const compared = ['app', 'Chart.js 4', 'Vega-Lite 6'];
  for (const [key, what] of [['fcp', 'first contentful paint'], ['first', 'first chart visible'], ['every', 'every chart visible'], ['live', 'every chart interactive']]) {
    const [a, c, v] = compared.map((n) => m(n, key));
    lines.push(`| ${what} (ms) | ${a.toFixed(0)} | ${c.toFixed(0)} | ${v.toFixed(0)} | ${ratio(a, c)} | ${ratio(a, v)} |`);
  }
  const [a, c, v] = compared.map((n) => results[n].bytes / 1024);
  lines.push(`| bytes, everything fetched (KB gzip) | ${a.toFixed(1)} | ${c.toFixed(1)} | ${v.toFixed(1)} | ${ratio(a, c)} | ${ratio(a, v)} |`);
  const firstView = results.app.firstView / 1024;
  lines.push(`| bytes, first complete view (KB gzip, HTML + CSS) | ${firstView.toFixed(1)} | ${c.toFixed(1)} | ${v.toFixed(1)} | ${ratio(firstView, c)} | ${ratio(firstView, v)} |`);
  const every = m('app', 'every') / m('Chart.js 4', 'every');
  const fcp = m('app', 'fcp') / m('Chart.js 4', 'fcp');
  const chartJsFcp = m('Chart.js 4', 'fcp');
  lines.push(`\nFirst contentful paint of two references in the same run (no charts), against ${(chartJsFcp / 2).toFixed(0)} ms, half the Chart.js page's:\n`);
  lines.push('| reference | first contentful paint (ms) | ÷ Chart.js |\n|---|---:|---:|');
  for (const [name, times] of Object.entries(floorFcp)) {
    lines.push(`| ${name} | ${median(times).toFixed(0)} | ${ratio(median(times), chartJsFcp)} |`);
  }
  lines.push('\nThe two timing targets against each other, same run: the app with its first paint held until its last chart is parsed (`rel=expect`; not what the dashboard does):\n');
  lines.push('| | first contentful paint (ms) | ÷ Chart.js | every chart visible (ms) | ÷ Chart.js |\n|---|---:|---:|---:|---:|');
  for (const [name, label] of [['app', 'app (paints as it parses)'], ['held', 'app, first paint held']]) {
    lines.push(`| ${label} | ${m(name, 'fcp').toFixed(0)} | ${ratio(m(name, 'fcp'), chartJsFcp)} | ${m(name, 'every').toFixed(0)} | ${ratio(m(name, 'every'), m('Chart.js 4', 'every'))} |`);
  }
  if (before) {
    const shown = path.relative(root, previous).startsWith('..') ? previous : path.relative(root, previous);
    lines.push(`\nThis build against the previous one (\`${shown}\`), same run:\n`);
    lines.push('| measure | this build | previous build | this ÷ previous | this ÷ Chart.js | previous ÷ Chart.js |\n|---|---:|---:|---:|---:|---:|');
    // A peer's chart is interactive once drawn: both compare with Chart.js's every chart drawn.
    const rows = [['fcp', 'fcp', 'first contentful paint (ms)'], ['every', 'every', 'every chart visible (ms)'], ['live', 'every', 'every chart interactive (ms)']]
      .map(([key, peerKey, what]) => [what, m('app', key), m('previous build', key), m('Chart.js 4', peerKey), 0]);
    rows.push(['bytes, everything fetched (KB gzip)', ...['app', 'previous build', 'Chart.js 4'].map((n) => results[n].bytes / 1024), 1]);
    for (const [what, t, p, c, digits] of rows) {
      lines.push(`| ${what} | ${t.toFixed(digits)} | ${p.toFixed(digits)} | ${ratio(t, p)} | ${ratio(t, c)} | ${ratio(p, c)} |`);
    }
  }
  const live = m('app', 'live') / m('Chart.js 4', 'every');
  const header = m('app', 'fcp') / median(floorFcp['the page\'s header alone']);
  lines.push(`\nTargets: every chart interactive ≤ 1.0× Chart.js's every chart drawn: ${live <= 1 ? 'yes' : 'NO'} (${live.toFixed(2)}×); `
    + `every chart visible ≤ 0.6× Chart.js: ${every <= 0.6 ? 'yes' : 'NO'} (${every.toFixed(2)}×); `
    + `first contentful paint ≤ 1.15× the page's header alone: ${header <= 1.15 ? 'yes' : 'NO'} (${header.toFixed(2)}×; ÷ Chart.js ${fcp.toFixed(2)}×); `
    + `first complete view ≤ 30 KB gzip: ${firstView <= 30 ? 'yes' : 'NO'} (${firstView.toFixed(1)} KB).`);
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = path.resolve(root, process.env.BENCH_DIST || 'dist');
  const browser = await launch();
  const app = await serve(dist);
  const previous = process.env.BENCH_PREVIOUS && path.resolve(process.env.BENCH_PREVIOUS);
  console.log(await benchPeers({ browser, appBase: app.base, appDist: dist, previous }));
  app.server.close();
  await browser.close();
}
