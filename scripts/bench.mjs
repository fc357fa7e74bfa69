// Prints size and speed figures for the release build in dist/ (build it first; see
// scripts/bench.sh). Figures, not pass/fail: timings on a shared machine are noisy.
//   - every built file's bytes, raw, gzip and brotli as served (the build's pre-compressed .gz
//     and .br copies: scripts/precompress.mjs), and the totals, against the budget
//   - the service worker's precache and the one-file offline copy, raw and gzip
//   - median time from navigation start to every chart drawn, over RUNS (≥ 20) cold loads,
//     unthrottled and with the CPU throttled 4× through DevTools (like a mid-range phone)
//   - median language-switch time (click to every chart redrawn in the new language)
//   - the dashboard side by side with Chart.js 4 and Vega-Lite 6 peer pages (scripts/bench-peers.mjs)
//   - Lighthouse (mobile preset) scores, unless LIGHTHOUSE=0 (installed into target/ on first use)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, serve } from '../tests/e2e/harness.mjs';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { isHashed } from './service-worker.mjs';
import { LIMIT_KB, servedGzip } from './size-check.mjs';
import { benchPeers } from './bench-peers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// BENCH_DIST=other/dir compares another build (A/B), e.g. one without a change.
const dist = path.resolve(root, process.env.BENCH_DIST || 'dist');
const RUNS = Math.max(20, Number(process.env.RUNS || 20));
// BENCH_PARTS=switch,loads (say) runs only those timing parts; bytes are always printed.
const PARTS = new Set((process.env.BENCH_PARTS || 'loads,switch,peers,scale,lighthouse').split(','));

function files(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]);
}

const kb = (n) => (n / 1024).toFixed(1).padStart(8);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

console.log('## Bytes (release build, dist/)\n');
// Gzip and brotli as a host serving the build's pre-compressed copies sends them
// (scripts/precompress.mjs); a file without a copy is sent as is.
const gzipOf = (f) => Math.min(servedGzip(dist, path.relative(dist, f)), fs.statSync(f).size);
const brotliOf = (f) => (fs.existsSync(`${f}.br`) ? fs.statSync(`${f}.br`) : fs.statSync(f)).size;
console.log('| file | raw KB | gzip KB | brotli KB |\n|---|---:|---:|---:|');
let raw = 0, gz = 0, br = 0;
// The items' pages, pictures and oEmbed files: one line per kind, not hundreds.
const groups = new Map();
for (const f of files(dist).filter((f) => !/\.(br|gz)$/.test(f)).sort()) {
  const body = fs.readFileSync(f);
  const g = gzipOf(f);
  const b = brotliOf(f);
  raw += body.length; gz += g; br += b;
  const rel = path.relative(dist, f);
  const group = rel.match(/^items\/.*?(\.[a-z]+\.(?:html|png|oembed\.json))$/)?.[1].replace(/^\.[a-z]+/, '');
  if (!group) {
    console.log(`| ${rel} | ${kb(body.length)} | ${kb(g)} | ${kb(b)} |`);
    continue;
  }
  const sum = groups.get(group) || { n: 0, raw: 0, g: 0, b: 0 };
  groups.set(group, { n: sum.n + 1, raw: sum.raw + body.length, g: sum.g + g, b: sum.b + b });
}
for (const [ext, t] of groups) console.log(`| items/*${ext} (${t.n} files, in all) | ${kb(t.raw)} | ${kb(t.g)} | ${kb(t.b)} |`);
console.log(`| **all files** (incl. demo pages and embed.js) | ${kb(raw)} | ${kb(gz)} | ${kb(br)} |`);

const browser = await launch();
const { server, base } = await serve(dist);

// What a reader's browser actually fetches for a page: every response from our server until
// the page is drawn, counted with the gzip (and brotli) size of the file served.
async function transfer(url, ready) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const fetched = new Set();
  page.on('response', (r) => { if (r.url().startsWith(base)) fetched.add(new URL(r.url()).pathname); });
  await page.goto(base + url, { waitUntil: 'networkidle' });
  await page.waitForFunction(ready);
  await context.close();
  let raw = 0, gz = 0, br = 0;
  for (const p of fetched) {
    let f = path.join(dist, decodeURIComponent(p));
    if (fs.statSync(f).isDirectory()) f = path.join(f, 'index.html');
    raw += fs.statSync(f).size; gz += gzipOf(f); br += brotliOf(f);
  }
  return { raw, gz, br, files: [...fetched].sort() };
}
const drawn = () => [...document.querySelectorAll('canvas[data-chart]')].every((c) => c.dataset.drawn) && document.querySelector('.page, .embed')
  && !document.querySelector('main[aria-busy="true"]');
const pages = {
  dashboard: await transfer('?lang=vi', drawn),
  'embed (card)': await transfer('embed.html?id=grdp-growth-2023&lang=vi', drawn),
  'embed (chart)': await transfer('embed.html?id=park-land&lang=vi', drawn),
  // An item's own page (what a shared link or today's snippet opens). Builds from before item
  // pages have none.
  ...(fs.existsSync(path.join(dist, 'items')) ? {
    'item page (card)': await transfer('items/grdp-growth-2023.vi.html', drawn),
    'item page (chart)': await transfer('items/park-land.vi.html', drawn),
  } : {}),
};
// Loaded only when a reader follows a card's or chart's Download or Embed link; its preview
// frame loads that item's embed as well (counted here).
// (Builds from before the export page, measured for comparison, have none.)
const exportPage = fs.existsSync(path.join(dist, 'export.html')) ? await transfer('export.html?id=park-land&lang=vi',
  () => document.querySelector('#embed-code')?.value && document.querySelector('iframe.preview')?.style.height) : null;
console.log('\n## Transfer per page (what the browser fetches, as the build\'s pre-compressed copies)\n');
console.log('| page | raw KB | gzip KB | brotli KB | files |\n|---|---:|---:|---:|---|');
for (const [name, t] of [...Object.entries(pages), ...(exportPage ? [['export page, with its preview (when used)', exportPage]] : [])]) {
  console.log(`| ${name} | ${kb(t.raw)} | ${kb(t.gz)} | ${kb(t.br)} | ${t.files.join(' ')} |`);
}
if (fs.existsSync(path.join(dist, 'items'))) {
  // What link previews fetch: the social card images (no page needs them).
  const pngs = fs.readdirSync(path.join(dist, 'items')).filter((f) => f.endsWith('.png')).map((f) => fs.statSync(path.join(dist, 'items', f)).size);
  const sorted = [...pngs].sort((a, b) => a - b);
  console.log(`\nsocial card images: ${pngs.length} in items/, 1200 × 630 PNG, median ${kb(sorted[sorted.length >> 1]).trim()} KB, largest ${kb(sorted[sorted.length - 1]).trim()} KB, ${kb(pngs.reduce((a, b) => a + b, 0)).trim()} KB in all`);
}
const total = pages.dashboard.gz;
console.log(`\nsize check: the tests fail above ${LIMIT_KB} KB gzip for the dashboard (scripts/size-check.mjs)`);
console.log(`embeds ≤ dashboard: ${Object.values(pages).every((t) => t.gz <= total) ? 'yes' : 'NO'}\n`);

// Offline: what the service worker stores after a first visit (files with hashed names come
// from the HTTP cache, the rest are fetched again), and the one-file copy people email.
const precache = JSON.parse(fs.readFileSync(path.join(dist, 'sw.js'), 'utf8').match(/const FILES = (\[.*\]);/)[1]);
const sizeOf = (names) => names.reduce(([r, g], n) => {
  const f = path.join(dist, n);
  return [r + fs.statSync(f).size, g + gzipOf(f)];
}, [0, 0]);
const [preRaw, preGz] = sizeOf(precache);
const refetched = precache.filter((f) => !isHashed(f));
const [refRaw, refGz] = sizeOf(refetched);
const [offRaw, offGz] = sizeOf(['bac-giang-offline.html']);
console.log('## Offline\n');
console.log('| what | raw KB | gzip KB |\n|---|---:|---:|');
console.log(`| service-worker precache (${precache.length} files) | ${kb(preRaw)} | ${kb(preGz)} |`);
console.log(`| of which fetched again on a first visit (${refetched.join(' ')}) | ${kb(refRaw)} | ${kb(refGz)} |`);
console.log(`| one-file copy bac-giang-offline.html | ${kb(offRaw)} | ${kb(offGz)} |`);
const [swRaw, swGz] = sizeOf(['sw.js']);
console.log(`| first visit in all: dashboard + sw.js + files fetched again | ${kb(pages.dashboard.raw + swRaw + refRaw)} | ${kb(pages.dashboard.gz + swGz + refGz)} |\n`);

// Runs in the page (a function, not a string: the pages' CSP has no 'unsafe-eval'). Optionally
// clicks a language button, then polls (see below); resolves with the start time, the time
// every chart on screen was drawn in `lang` (what the reader sees; the
// others are drawn when the browser is idle), and the time every chart was.
const untilDrawn = ({ lang, click, screenOnly, byTask }) => new Promise((resolve) => {
  // By the chart's box (a canvas not yet drawn lies over its build-time drawing).
  const onScreen = (e) => { const r = (e.closest('.chart-box') ?? e).getBoundingClientRect(); return r.height > 0 && r.bottom > 0 && r.top < innerHeight; };
  const isDrawn = (e) => e.dataset.drawn === lang;
  const t0 = performance.now();
  let seen = null;
  if (click) document.querySelector(`button.lang-button[lang="${lang}"]`).click();
  // With byTask (a language switch), polled until the screen is drawn through a message
  // channel (a task right after the app's microtasks), so the figure is the work's duration
  // rather than the wait for the next frame. Otherwise by frames: polling by task would keep
  // the browser from ever being idle and force a layout between every two drawings.
  const channel = new MessageChannel();
  const tick = () => {
    const all = [...document.querySelectorAll('canvas[data-chart]')];
    // Vacuously true when no chart is on screen (a long theme filter can fill the first screen).
    if (seen === null && all.length > 0 && all.filter(onScreen).every(isDrawn)) {
      // A switch's figure includes the style and layout of the new text (forced here), which
      // the browser would otherwise do after this task; only painting is left out.
      if (byTask) void document.body.offsetHeight;
      seen = performance.now();
    }
    // Every chart: also those of sections added when idle (<main> is busy until the last).
    const complete = () => all.every(isDrawn) && !document.querySelector('main[aria-busy="true"]');
    if (seen !== null && (screenOnly || complete())) resolve([t0, seen, performance.now()]);
    else if (seen === null && byTask) channel.port2.postMessage(0);
    else requestAnimationFrame(tick);
  };
  channel.port1.onmessage = tick;
  tick();
});

async function coldLoads(throttle) {
  const loads = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } }); // cold: empty cache
    const page = await context.newPage();
    if (throttle > 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: throttle });
    await page.goto(base + '?lang=vi', { waitUntil: 'commit' });
    // Milliseconds since navigation start.
    loads.push((await page.evaluate(untilDrawn, { lang: 'vi', click: false })).slice(1));
    await context.close();
  }
  return loads;
}
const loads = PARTS.has('loads') ? await coldLoads(1) : [];
const throttledLoads = PARTS.has('loads') ? await coldLoads(4) : [];

const switches = [];
if (PARTS.has('switch')) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(base + '?lang=vi');
  await page.evaluate(untilDrawn, { lang: 'vi', click: false });
  for (let i = 0; i < RUNS; i++) {
    const [t0, t1, t2] = await page.evaluate(untilDrawn, { lang: i % 2 === 0 ? 'en' : 'vi', click: true, byTask: true });
    switches.push([t1 - t0, t2 - t0]);
  }
  await context.close();
}
// The alternative: the switch as a navigation to the other language's built page, keeping the
// view in the address (warm: the service worker holds both pages after one visit each). Timed
// from the navigation's start to its first paint and to every chart on screen drawn (the app
// attached, so interactive).
const navigations = [];
if (PARTS.has('switch')) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  for (const url of [base + '?lang=vi', base + 'en/']) {
    await page.goto(url);
    await page.evaluate(untilDrawn, { lang: url.endsWith('en/') ? 'en' : 'vi', click: false });
  }
  await page.waitForFunction(() => navigator.serviceWorker.controller);
  for (let i = 0; i < RUNS; i++) {
    const lang = i % 2 === 0 ? 'en' : 'vi';
    await page.goto(`${base}${lang === 'en' ? 'en/' : ''}?theme=industry&lang=${lang}`, { waitUntil: 'commit' });
    const [, seen] = await page.evaluate(untilDrawn, { lang, click: false, screenOnly: true });
    const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
    navigations.push([fcp, seen]);
  }
  await context.close();
}
// Side by side with the same dashboard drawn by Chart.js 4 and by Vega-Lite 6 (scripts/bench-peers.mjs).
const peers = PARTS.has('peers') ? await benchPeers({ browser, appBase: base, appDist: dist }) : null;

// Scale: the app built with a generated dataset of 63 provinces × 50 indicators (test-only,
// scripts/scale-fixture.mjs), against the real one: build time, bytes, first paint and the
// charts on screen drawn, over cold loads. SCALE=0 skips it.
let scale = null;
if (process.env.SCALE !== '0' && PARTS.has('scale')) {
  const dataDir = path.join(root, 'target', 'scale-data');
  execFileSync('node', [path.join(root, 'scripts', 'scale-fixture.mjs'), dataDir], { stdio: 'inherit' });
  const scaleDist = path.join(root, 'target', 'scale-dist');
  const started = performance.now();
  try {
    execFileSync('bash', [path.join(root, 'scripts', 'build-release.sh'), '--dist', scaleDist], {
      cwd: root, env: { ...process.env, DATASET: path.join(dataDir, 'scale.json') }, stdio: 'pipe', maxBuffer: 64 * 1024 * 1024,
    });
  } catch (e) {
    // Trunk reports on stdout: show what went wrong.
    console.error(`${e.stdout ?? ''}${e.stderr ?? ''}`);
    throw e;
  }
  const buildSeconds = (performance.now() - started) / 1000;
  const scaled = await serve(scaleDist);
  const firstPaints = async (at) => {
    const runs = [];
    for (let i = 0; i < 10; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(at + '?lang=vi', { waitUntil: 'commit' });
      const [, onScreen] = await page.evaluate(untilDrawn, { lang: 'vi', click: false, screenOnly: true });
      const paint = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
      runs.push([paint, onScreen]);
      await context.close();
    }
    return runs;
  };
  const { dashboardGzip } = await import('./size-check.mjs');
  const bytes = (d) => dashboardGzip(d).reduce((n, f) => n + f.gzip, 0);
  scale = {
    buildSeconds, real: await firstPaints(base), scaled: await firstPaints(scaled.base),
    realBytes: bytes(dist), scaledBytes: bytes(scaleDist),
  };
  scaled.server.close();
}
await browser.close();

// Lighthouse, mobile preset (simulated slow 4G and 4× CPU), on the served release build.
let lighthouse = null;
if (process.env.LIGHTHOUSE !== '0' && PARTS.has('lighthouse')) {
  try {
    const out = path.join(root, 'target', 'lighthouse.json');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    // Installed once into target/ (not a test dependency: only the benchmark uses it).
    const tool = path.join(root, 'target', 'lighthouse-tool');
    const bin = path.join(tool, 'node_modules', '.bin', 'lighthouse');
    if (!fs.existsSync(bin)) {
      execFileSync('npm', ['install', '--prefix', tool, '--no-audit', '--no-fund', '--no-save', 'lighthouse@12.2.3'], { stdio: 'ignore', timeout: 300000 });
    }
    // Asynchronously: this process serves the pages Lighthouse loads.
    await promisify(execFile)(bin, [`${base}?lang=vi`, '--quiet', '--output=json', `--output-path=${out}`,
      '--only-categories=performance,accessibility,best-practices,seo',
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run'],
    { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM || '/usr/bin/chromium' }, timeout: 300000 });
    lighthouse = JSON.parse(fs.readFileSync(out, 'utf8'));
  } catch (e) {
    console.log(`(Lighthouse did not run: ${e.message.split('\n')[0]})\n`);
  }
}
server.close();

console.log('## Speed (headless Chromium, this machine)\n');
console.log(`| measure | median ms | min | max | runs |\n|---|---:|---:|---:|---:|`);
const row = (name, xs) => xs.length && console.log(`| ${name} | ${median(xs).toFixed(1)} | ${Math.min(...xs).toFixed(1)} | ${Math.max(...xs).toFixed(1)} | ${xs.length} |`);
const col = (pairs, i) => pairs.map((p) => p[i]);
row('navigation → charts on screen drawn (cold load)', col(loads, 0));
row('navigation → charts on screen drawn (cold load, CPU 4× slower)', col(throttledLoads, 0));
row('navigation → every chart drawn, incl. offscreen at idle (CPU 4× slower)', col(throttledLoads, 1));
row('language switch → everything on screen re-rendered', col(switches, 0));
row('language switch → every chart redrawn, incl. offscreen at idle', col(switches, 1));
row('language switch as a navigation to the other page (warm) → first contentful paint', col(navigations, 0));
row('language switch as a navigation to the other page (warm) → every chart on screen drawn, interactive', col(navigations, 1));
if (lighthouse) {
  console.log('\n## Lighthouse 12 (mobile preset)\n');
  console.log('| category | score | target |\n|---|---:|---:|');
  const targets = { performance: 100, accessibility: 100, 'best-practices': 100, seo: 95 };
  for (const [id, c] of Object.entries(lighthouse.categories)) console.log(`| ${id} | ${Math.round(c.score * 100)} | ${targets[id] ?? ''} |`);
  const metric = (id) => lighthouse.audits[id]?.displayValue ?? '?';
  console.log(`\nFCP ${metric('first-contentful-paint')} · LCP ${metric('largest-contentful-paint')} · TBT ${metric('total-blocking-time')}`
    + ` · CLS ${metric('cumulative-layout-shift')} · Speed Index ${metric('speed-index')}`);
}

if (peers) console.log(`\n${peers}`);

if (scale) {
  const m = (runs, i) => median(runs.map((r) => r[i]));
  console.log(`\n## Scale: 63 provinces × 50 indicators (generated, test-only)\n`);
  console.log('| measure | real dataset | 63 × 50 | ratio |\n|---|---:|---:|---:|');
  const line = (name, a, b, unit) => console.log(`| ${name} | ${a.toFixed(1)} ${unit} | ${b.toFixed(1)} ${unit} | ${(b / a).toFixed(2)}× |`);
  line('dashboard transfer (gzip)', scale.realBytes / 1024, scale.scaledBytes / 1024, 'KB');
  line('first contentful paint (median of 10 cold loads)', m(scale.real, 0), m(scale.scaled, 0), 'ms');
  line('charts on screen drawn (median of 10 cold loads)', m(scale.real, 1), m(scale.scaled, 1), 'ms');
  console.log(`\nThe 63 × 50 build (data change only, the app recompiled and re-optimised): ${scale.buildSeconds.toFixed(0)} s.`);
  console.log(`First paint within 2× of the real dataset: ${m(scale.scaled, 0) <= 2 * m(scale.real, 0) ? 'yes' : 'NO'}.`);
}
