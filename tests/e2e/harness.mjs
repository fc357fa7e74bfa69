// A tiny test harness around playwright-core: launches the system Chromium, serves dist/ on
// 127.0.0.1, records console errors, page errors and any request that leaves the server.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { startServer } from '../../scripts/serve.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const data = JSON.parse(fs.readFileSync(path.join(root, 'data/bac-giang.json'), 'utf8'));
export const indicatorIds = [...data.indicators, ...data.derived].map((i) => i.id);
export const chartIds = data.charts.map((c) => c.id);

/// axe-core's violations on a page (and its frames), one line each, through @axe-core/playwright.
/// The builder injects axe with DevTools evaluation, which the page's strict CSP does not govern.
export async function axeViolations(page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export async function serve(dir = 'dist', headers) {
  const server = await startServer(dir, 0, headers);
  return { server, base: `http://127.0.0.1:${server.address().port}/` };
}

/// A page that remembers every problem: console errors, uncaught errors, foreign requests.
export async function watchedPage(context, base, alsoAllowed = []) {
  const allowed = [base, ...alsoAllowed, 'data:', 'blob:', 'about:'];
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => {
    // CSP violations are also reported as console warnings/errors; any error fails a test.
    if (m.type() === 'error') problems.push(`console error: ${m.text()} (${m.location()?.url || 'unknown'})`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    const url = r.url();
    if (!allowed.some((prefix) => url.startsWith(prefix))) problems.push(`third-party request: ${url}`);
  });
  page.on('requestfailed', (r) => {
    // Navigating on cancels the previous page's unfinished fetches (favicon, wasm preload):
    // not a failure. Blocked requests report their own errors (ERR_BLOCKED_BY_CSP, HTTP status).
    if (r.failure()?.errorText === 'net::ERR_ABORTED') return;
    problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
  });
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  return { page, problems };
}

/// Resolves once `n` frames have been rendered in the page and in each of its frames (an
/// iframe renders, and posts what it has to say, in frames of its own), then a task more.
export async function frames(page, n = 3) {
  await Promise.all(page.frames().map((f) => f.evaluate((n) => new Promise((done) => {
    const step = (k) => (k ? requestAnimationFrame(() => step(k - 1)) : setTimeout(done, 0));
    step(n);
  }), n).catch(() => {})));
}

export async function waitForCharts(page, lang) {
  await page.waitForFunction((lang) => {
    // Charts in filtered-out (hidden) sections are drawn when they are shown.
    if (!document.documentElement.hasAttribute('data-app')) return false;
    const canvases = [...document.querySelectorAll('canvas[data-chart]')].filter((c) => !c.parentElement.closest('[hidden]'));
    return canvases.length > 0 && canvases.every((c) => c.dataset.drawn === lang);
  }, lang, { timeout: 30000 });
}

/// Fraction of a canvas's pixels that differ from its top-left pixel (the background).
export function paintedFraction(page, id) {
  return page.evaluate((id) => {
    const c = document.querySelector(`canvas[data-chart="${id}"]`);
    const ctx = c.getContext('2d');
    const { data } = ctx.getImageData(0, 0, c.width, c.height);
    let differ = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) differ++;
    }
    return differ / (data.length / 4);
  }, id);
}

/// What each chart box of the built page shows before the app: how many of its build-time drawings are
/// displayed (one, chosen by the box's width), the displayed one's size and marks, the box's
/// size, and the colours the stylesheet gives its first series and its text.
export function buildTimeCharts(page) {
  return page.evaluate(() => [...document.querySelectorAll('.chart-box')].map((box) => {
    const shown = [...box.querySelectorAll('svg.chart-svg')].filter((s) => getComputedStyle(s).display !== 'none');
    const svg = shown[0];
    const r = svg?.getBoundingClientRect();
    const b = box.getBoundingClientRect();
    // A mark's colour: its fill, or its stroke when outlined (a hatched estimate's outline).
    const fill = (sel) => {
      const e = svg?.querySelector(sel);
      if (!e) return null;
      const style = getComputedStyle(e);
      return style.fill === 'none' ? style.stroke : style.fill;
    };
    return {
      id: box.closest('figure').id,
      shown: shown.length,
      size: r && [Math.round(r.width), Math.round(r.height)],
      box: [Math.round(b.width), Math.round(b.height)],
      marks: svg ? svg.querySelectorAll('rect, path, circle').length : 0,
      words: svg ? svg.querySelectorAll('text').length : 0,
      // Words drawn at a size of their own keep it (the stylesheet only sets the default).
      sized: svg ? [...svg.querySelectorAll('text[font-size]')]
        .every((t) => getComputedStyle(t).fontSize === `${t.getAttribute('font-size')}px`) : false,
      series: fill('.s0'),
      text: fill('text.text'),
    };
  }));
}

export function assert(cond, message) {
  if (!cond) throw new Error(message);
}

export function assertEqual(actual, expected, message) {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(`${message}\n    expected: ${JSON.stringify(expected)}\n    actual:   ${JSON.stringify(actual)}`);
  }
}

/// Runs named async tests in order; prints a line each; exits non-zero if any failed.
export async function run(tests) {
  let failed = 0;
  const only = process.env.E2E_ONLY;
  for (const [name, fn] of Object.entries(tests)) {
    if (only && !name.includes(only)) continue;
    const t0 = Date.now();
    try {
      await fn();
      console.log(`  ok   ${name} (${Date.now() - t0} ms)`);
    } catch (e) {
      failed++;
      console.log(`  FAIL ${name}\n       ${String(e.stack || e).split('\n').join('\n       ')}`);
    }
  }
  console.log(failed ? `\n${failed} end-to-end test(s) failed` : '\nall end-to-end tests passed');
  return failed;
}
