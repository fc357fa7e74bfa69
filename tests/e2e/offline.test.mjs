// End-to-end tests of offline use (release build in Chromium): the installable app and its
// service worker (offline reload, update notice, old caches dropped), the one-file offline copy
// opened from file://, and the places where a service worker is unavailable.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import {
  launch, serve, watchedPage, waitForCharts, assert, assertEqual, run, root, indicatorIds, chartIds,
  paintedFraction, axeViolations, CHROMIUM_ARGS, frames, buildTimeCharts,
} from './harness.mjs';

const browser = await launch();
const dist = path.join(root, 'dist');
const { server, base } = await serve(dist);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bac-giang-offline-'));
const dataHash = (file) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex').slice(0, 8);
const swFiles = (dir) => JSON.parse(fs.readFileSync(path.join(dir, 'sw.js'), 'utf8').match(/const FILES = (\[.*\]);/)[1]);
const swOnUse = (dir) => JSON.parse(fs.readFileSync(path.join(dir, 'sw.js'), 'utf8').match(/const ON_USE = (\[.*\]);/)[1]);
const swVersion = (dir) => fs.readFileSync(path.join(dir, 'sw.js'), 'utf8').match(/const VERSION = '([0-9a-f]+)'/)[1];

/// Waits until a service worker controls the page (clients.claim() on first install).
async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', null, { timeout: 30000 });
}

/// What a reader sees: every card's text and every chart's accessible description.
function visibleContent(page) {
  return page.evaluate(() => ({
    cards: [...document.querySelectorAll('article.card')].map((c) => c.innerText),
    charts: [...document.querySelectorAll('canvas[data-chart]')].map((c) => c.getAttribute('aria-label')),
    footer: document.querySelector('.site-footer').innerText,
  }));
}

async function assertAllPainted(page, where) {
  for (const id of chartIds) {
    const painted = await paintedFraction(page, id);
    assert(painted > 0.01, `${where}: chart ${id} painted (${(painted * 100).toFixed(2)}% non-background pixels)`);
  }
}

const cacheNames = (page) => page.evaluate(() => caches.keys());

/// A copy of the data with a new version, built into `out` with trunk: a real new release.
function buildChangedVersion(out) {
  const data = path.join(tmp, 'data-v2');
  fs.cpSync(path.join(root, 'data'), data, { recursive: true });
  const json = JSON.parse(fs.readFileSync(path.join(data, 'bac-giang.json'), 'utf8'));
  json.version = '2099-12-31.update-test';
  fs.writeFileSync(path.join(data, 'bac-giang.json'), JSON.stringify(json, null, 2));
  execFileSync('bash', [path.join(root, 'scripts', 'build-release.sh'), '--dist', out], {
    cwd: root,
    // 2100-01-01: the build date must show up too.
    env: { ...process.env, DATASET: path.join(data, 'bac-giang.json'), SOURCE_DATE_EPOCH: '4102444800' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return { version: json.version, hash: dataHash(path.join(data, 'bac-giang.json')) };
}

const failed = await run({
  async 'installable: manifest with icons and start URL, service worker, no installability errors'() {
    // Installability is not evaluated in incognito-like contexts: use a real profile.
    const profile = fs.mkdtempSync(path.join(tmp, 'profile-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS,
    });
    const { page, problems } = await watchedPage(context, base);
    await page.goto(`${base}?lang=vi`);
    await waitForCharts(page, 'vi');
    await controlled(page);
    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send('Page.getAppManifest');
    assertEqual(manifest.errors, [], 'the manifest parses without errors');
    assertEqual(manifest.url, `${base}public/manifest.webmanifest`, 'manifest linked from the page');
    const parsed = JSON.parse(manifest.data);
    assertEqual(new URL(parsed.start_url, manifest.url).href, base, 'start URL is the deploy path (relative)');
    assertEqual(new URL(parsed.scope, manifest.url).href, base, 'scope is the deploy path');
    // Every icon loads and has the size it claims.
    const icons = await page.evaluate(async (icons) => Promise.all(icons.map(async (icon) => {
      const url = new URL(icon.src, new URL('public/manifest.webmanifest', location.href)).href;
      const response = await fetch(url);
      if (icon.type === 'image/svg+xml') return { sizes: icon.sizes, ok: response.ok, got: 'any' };
      const bitmap = await createImageBitmap(await response.blob());
      return { sizes: icon.sizes, ok: response.ok, got: `${bitmap.width}x${bitmap.height}` };
    })), parsed.icons);
    for (const icon of icons) assert(icon.ok && icon.got === icon.sizes, `icon ${JSON.stringify(icon)}`);
    assert(parsed.icons.some((i) => i.purpose === 'maskable'), 'a maskable icon');
    let errors;
    for (let i = 0; i < 10; i++) {
      ({ installabilityErrors: errors } = await cdp.send('Page.getInstallabilityErrors'));
      if (errors.length === 0) break;
      await frames(page, 5);
    }
    assertEqual(errors, [], 'Chromium reports no installability errors');
    assertEqual(problems, [], 'no console errors, page errors or foreign requests');
    await context.close();
  },

  async 'after one visit the app works offline: same cards, painted charts, language switch, embeds'() {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, problems } = await watchedPage(context, base);
    await page.goto(`${base}?lang=en`);
    await waitForCharts(page, 'en');
    await controlled(page);
    const online = await visibleContent(page);
    assertEqual(online.cards.length, indicatorIds.length, 'every card online');

    // The precache holds exactly the build's files, under this build's version.
    assertEqual(await cacheNames(page), [`bac-giang-${swVersion(dist)}`], 'one cache, named by the build version');
    const cached = await page.evaluate(async () => {
      const cache = await caches.open((await caches.keys())[0]);
      return (await cache.keys()).map((r) => r.url).sort();
    });
    assertEqual(cached, swFiles(dist).map((f) => new URL(f, base).href).sort(), 'precache = the build\'s files');
    assert(swFiles(dist).some((f) => f.endsWith('.wasm')) && swFiles(dist).includes('index.html'), 'wasm and page precached');
    // Embeds and the export page have their own pages and wasm: not precached (a dashboard
    // reader never needs them), kept once seen.
    // The English page too: a reader of one language never needs the other's page.
    for (const other of ['embed.html', 'export.html', 'en/index.html']) {
      assert(!swFiles(dist).includes(other) && swOnUse(dist).includes(other), `${other}: files kept on use, not precached`);
    }
    // Offline, a page not yet seen says so in both languages (not the browser's error page).
    await context.setOffline(true);
    await page.goto(`${base}export.html?id=${chartIds[0]}&lang=vi`);
    const unseen = await page.textContent('body');
    assert(unseen.includes('cần kết nối mạng') && unseen.includes('needs a connection'), `unseen page offline: ${unseen}`);
    await context.setOffline(false);
    await page.goto(`${base}embed.html?id=${chartIds[0]}&lang=vi`);
    await page.waitForFunction((id) => document.querySelector(`canvas[data-chart="${id}"]`)?.dataset.drawn === 'vi', chartIds[0]);
    await page.goto(`${base}export.html?id=${chartIds[0]}&lang=vi`);
    await page.locator('#embed-code').waitFor();
    const kept = await page.evaluate(async () => {
      const cache = await caches.open((await caches.keys())[0]);
      return (await cache.keys()).map((r) => r.url).sort();
    });
    const isItem = (u) => u.includes('/items/');
    const unvisited = ['en/index.html'];
    assertEqual(kept.filter((u) => !isItem(u)), [...swFiles(dist), ...swOnUse(dist).filter((f) => !unvisited.includes(f))].map((f) => new URL(f, base).href).sort(), 'the embed\'s and export page\'s files kept after one use');
    // Item pages are fetched when used (here: the export page's preview) and kept once seen.
    assertEqual(kept.filter(isItem), [`${base}items/${chartIds[0]}.vi.html`], 'only the item page seen is kept');
    assert(!swFiles(dist).some((f) => f.startsWith('items/') || f.startsWith('share.')), 'no item page or picture precached');
    await page.goto(`${base}?lang=en`);
    await waitForCharts(page, 'en');

    await context.setOffline(true);
    const fromNetwork = [];
    page.on('response', (r) => { if (!r.fromServiceWorker()) fromNetwork.push(r.url()); });
    await page.reload();
    await waitForCharts(page, 'en');
    assertEqual(await visibleContent(page), online, 'offline reload shows the same cards, charts and footer');
    await assertAllPainted(page, 'offline');
    assertEqual(fromNetwork.filter((u) => u.startsWith('http')), [], 'everything came from the service worker');

    await page.click('.lang-button[lang="vi"]');
    await waitForCharts(page, 'vi');
    assert((await page.textContent('main')).includes('13,1%'), 'Vietnamese numbers after switching offline');
    assertEqual(await page.getAttribute('html', 'lang'), 'vi', 'document language switched');

    // A shared link with a query, and the embed seen before, open offline too (the query
    // selects a view).
    await page.goto(`${base}?lang=en&theme=parks`);
    await waitForCharts(page, 'en');
    await page.goto(`${base}embed.html?id=${chartIds[0]}&lang=vi`);
    await page.waitForFunction((id) => document.querySelector(`canvas[data-chart="${id}"]`)?.dataset.drawn === 'vi', chartIds[0]);
    assert((await paintedFraction(page, chartIds[0])) > 0.01, 'embed chart painted offline');
    await page.goto(`${base}export.html?id=${chartIds[0]}&lang=en`);
    await page.locator('#embed-code').waitFor();
    assert((await page.locator('#embed-code').inputValue()).includes(`items/${chartIds[0]}.en.html`), 'export page works offline once seen');
    // The item page seen online opens offline, enhanced; one never seen says it needs a connection.
    await page.goto(`${base}items/${chartIds[0]}.vi.html`);
    await page.waitForFunction((id) => document.querySelector(`canvas[data-chart="${id}"]`)?.dataset.drawn === 'vi', chartIds[0]);
    await page.goto(`${base}items/${chartIds[1]}.en.html`);
    assert((await page.textContent('body')).includes('needs a connection'), 'an unseen item page offline');
    // The English page, seen once online, opens offline in English.
    await context.setOffline(false);
    await page.goto(`${base}en/`);
    await waitForCharts(page, 'en');
    await context.setOffline(true);
    await page.reload();
    await waitForCharts(page, 'en');
    assertEqual(await page.getAttribute('html', 'lang'), 'en', 'English page offline');
    await assertAllPainted(page, 'English page offline');
    assertEqual(problems, [], 'no console errors, page errors or failed requests offline');
    await context.close();
  },

  async 'a new build with changed data: update notice (bilingual), Reload shows the new version, old cache deleted'() {
    // The site is a copy of dist/ that this test redeploys.
    const site = path.join(tmp, 'site');
    fs.cpSync(dist, site, { recursive: true });
    const { server: siteServer, base: siteBase } = await serve(site);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, problems } = await watchedPage(context, siteBase);
    await page.goto(`${siteBase}?lang=en`);
    await waitForCharts(page, 'en');
    await controlled(page);
    const before = await page.textContent('.site-footer .version');
    assert(before.includes(dataHash(path.join(root, 'data/bac-giang.json'))), `footer names the data hash: ${before}`);
    const oldCaches = await cacheNames(page);

    const v2dir = path.join(tmp, 'v2');
    const v2 = buildChangedVersion(v2dir);
    fs.rmSync(site, { recursive: true });
    fs.cpSync(v2dir, site, { recursive: true });

    // The network coming back is one of the background checks (besides hourly and on focus).
    await context.setOffline(true);
    await context.setOffline(false);
    const notice = page.locator('.update-notice');
    await notice.waitFor({ timeout: 30000 });
    await page.waitForFunction(() => document.querySelector('.update-notice p')?.textContent !== '');
    assertEqual(await notice.getAttribute('role'), 'status', 'announced politely, focus not taken');
    assertEqual(await page.textContent('.update-notice p'), 'A new version of the dashboard is ready.', 'English notice');
    assertEqual(await page.textContent('.site-footer .version'), before, 'the page is not replaced behind the reader\'s back');
    await page.click('.lang-button[lang="vi"]');
    await page.waitForFunction(() => document.querySelector('.update-notice p').textContent.startsWith('Đã có phiên bản mới'));
    assertEqual(await page.textContent('.update-reload'), 'Tải lại', 'Vietnamese button after switching');
    assertEqual(await axeViolations(page), [], 'axe: no violations with the notice shown');

    await Promise.all([page.waitForEvent('load'), page.click('.update-reload')]);
    await waitForCharts(page, 'vi');
    const after = await page.textContent('.site-footer .version');
    assertEqual(after, `Phiên bản dữ liệu ${v2.version} · mã ${v2.hash} · dựng ngày 2100-01-01`, 'the new version shows after reloading');
    assertEqual(await page.locator('.update-notice').count(), 0, 'no notice after the update');
    const newCaches = await cacheNames(page);
    assertEqual(newCaches, [`bac-giang-${swVersion(site)}`], `only the new cache remains (was ${oldCaches})`);
    assert(!oldCaches.includes(newCaches[0]), 'a different cache than before');
    assertEqual(problems, [], 'no console errors, page errors or failed requests');
    await context.close();
    siteServer.close();
  },

  async 'the one-file copy opens from file:// alone: every card and chart, both languages, only file:/data:/blob: requests'() {
    const folder = path.join(tmp, 'emailed');
    fs.mkdirSync(folder);
    const file = path.join(folder, 'bac-giang-offline.html');
    fs.copyFileSync(path.join(dist, 'bac-giang-offline.html'), file);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await context.setOffline(true);
    const page = await context.newPage();
    const problems = [];
    const requests = [];
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`file://${file}?lang=en`);
    await waitForCharts(page, 'en');

    const cards = await page.$$eval('article.card', (els) => els.map((e) => e.dataset.indicator));
    assertEqual(cards.sort(), [...indicatorIds].sort(), 'one card per indicator');
    const charts = await page.$$eval('canvas[data-chart]', (els) => els.map((e) => e.dataset.chart));
    assertEqual(charts.sort(), [...chartIds].sort(), 'every chart');
    await assertAllPainted(page, 'file://');
    const note = await page.textContent('.offline-note');
    const hash = dataHash(path.join(root, 'data/bac-giang.json'));
    assert(new RegExp(`^Offline copy \\(single file\\) — Data version .+ · hash ${hash} · built \\d{4}-\\d{2}-\\d{2}$`).test(note),
      `the header names the data version and build date: ${note}`);
    // Embed codes would point at a file, and the export page is not in the one file: each
    // chart offers its downloads in place instead (the copy's own build of the app).
    assertEqual(await page.locator('.embed-button, .offline-download').count(), 0, 'no export links or download link in the copy');
    assertEqual(await page.locator('[data-download="dataset-csv"], [data-download="dataset-json"]').count(), 2, 'dataset downloads in the copy');
    assertEqual(await page.locator('figure details.downloads').count(), chartIds.length, 'every chart\'s downloads in place');
    const fig = page.locator(`[data-chart-card="${chartIds[0]}"]`);
    await fig.locator('.downloads summary').click();
    for (const kind of ['csv', 'svg', 'png']) {
      const [download] = await Promise.all([page.waitForEvent('download'), fig.locator(`[data-download="${kind}"]`).click()]);
      assert(download.suggestedFilename().startsWith(`bac-giang-${chartIds[0]}-`) && download.suggestedFilename().endsWith(`.${kind}`), `${kind}: ${download.suggestedFilename()}`);
      assert(fs.statSync(await download.path()).size > 100, `${kind}: a file with content`);
    }

    // Fully interactive: language, theme filter, a detail dialog.
    await page.click('.lang-button[lang="vi"]');
    await waitForCharts(page, 'vi');
    assert((await page.textContent('main')).includes('13,1%'), 'Vietnamese numbers');
    assert((await page.textContent('.offline-note')).startsWith('Bản ngoại tuyến (một tệp) — Phiên bản dữ liệu'), 'Vietnamese note');
    const filters = page.locator('.filter-button');
    await filters.nth(1).click();
    assertEqual(await page.locator('section.theme:visible').count(), 1, 'theme filter shows one theme');
    await filters.nth(0).click();
    await page.locator('article.card button.card-open').first().click();
    const dialog = page.locator('[role="dialog"]');
    await dialog.waitFor();
    assert((await dialog.locator('q').count()) >= 1, 'the detail dialog quotes its sources');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.click('.lang-button[lang="en"]');
    await waitForCharts(page, 'en');

    const foreign = requests.filter((u) => !/^(file|data|blob):/.test(u));
    assertEqual(foreign, [], 'every request is file:, data: or blob:');
    assertEqual(requests.filter((u) => u.startsWith('file:')).length, 1, 'the one file: request is the file itself');
    assertEqual(problems, [], 'no console errors or warnings (a CSP violation would be one)');
    await context.close();

    // Without JavaScript (a mail client's preview, a locked-down reader) the copy still shows
    // every chart: the build-time drawings, coloured by its inline stylesheet.
    const noJs = await browser.newContext({ viewport: { width: 360, height: 800 }, colorScheme: 'dark', javaScriptEnabled: false });
    await noJs.setOffline(true);
    const still = await noJs.newPage();
    await still.goto(`file://${file}`);
    await still.evaluate(() => document.querySelectorAll('.theme').forEach((s) => { s.style.contentVisibility = 'visible'; }));
    const drawn = await buildTimeCharts(still);
    assertEqual(drawn.length, chartIds.length, 'every chart in the copy without JavaScript');
    for (const c of drawn) {
      assert(c.shown === 1 && c.marks > 0 && JSON.stringify(c.size) === JSON.stringify(c.box), `${c.id} drawn: ${JSON.stringify(c)}`);
      assertEqual(c.series, 'rgb(110, 176, 255)', `${c.id}: dark colours from the copy's stylesheet`);
    }
    await noJs.close();
  },

  async 'sandboxed iframes (no service worker there): no errors surface, dashboard and embed render'() {
    const host = path.join(tmp, 'host');
    fs.mkdirSync(host);
    fs.writeFileSync(path.join(host, 'index.html'), `<!doctype html><html lang="en"><title>Host</title><link rel="icon" href="data:,">
<iframe sandbox="allow-scripts" title="dashboard" id="dash" width="1000" height="700" src="${base}?lang=en"></iframe>
<iframe sandbox="allow-scripts" title="chart" id="embed" width="600" height="500" src="${base}embed.html?id=${chartIds[0]}&lang=vi"></iframe>`);
    const { server: hostServer, base: hostBase } = await serve(host, () => ({ 'content-security-policy': `frame-src ${base}` }));
    const context = await browser.newContext({ viewport: { width: 1280, height: 1400 } });
    const { page, problems } = await watchedPage(context, hostBase, [base]);
    await page.goto(hostBase);
    const dash = await (await page.$('#dash')).contentFrame();
    const embed = await (await page.$('#embed')).contentFrame();
    await dash.waitForFunction(() => document.querySelectorAll('canvas[data-drawn="en"]').length > 0
      && !document.querySelector('main[aria-busy="true"]'), null, { timeout: 30000 });
    await embed.waitForFunction(() => document.querySelector('canvas[data-drawn="vi"]'), null, { timeout: 30000 });
    assertEqual(await dash.$$eval('article.card', (e) => e.length), indicatorIds.length, 'the sandboxed dashboard renders every card');
    // The scenario is real: the frame cannot even read navigator.serviceWorker.
    const access = await dash.evaluate(() => { try { return typeof navigator.serviceWorker; } catch (e) { return e.name; } });
    assertEqual(access, 'SecurityError', 'service workers are unavailable in the sandbox');
    assertEqual(problems, [], 'no console errors or page errors in any frame');
    await context.close();
    hostServer.close();
  },

  async 'where registration fails (sw.js missing), the app works as before without errors'() {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { server: noSw, base: noSwBase } = await serve(dist);
    // A host that does not deploy sw.js: registration is rejected.
    const swRequests = [];
    await context.route('**/sw.js', (route) => { swRequests.push(route.request().url()); route.fulfill({ status: 404, body: 'not found' }); });
    const { page, problems } = await watchedPage(context, noSwBase);
    const infos = [];
    page.on('console', (m) => { if (m.type() === 'info') infos.push(m.text()); });
    await page.goto(`${noSwBase}?lang=vi`);
    await waitForCharts(page, 'vi');
    await page.waitForFunction(() => navigator.serviceWorker.getRegistrations().then((r) => r.length === 0));
    // The rejected registration's message, then the rest.
    for (let i = 0; i < 100 && !infos.some((t) => t.startsWith('Offline use unavailable here')); i++) await frames(page, 1);
    assert(infos.some((t) => t.startsWith('Offline use unavailable here')), `the failure is logged as information: ${infos}`);
    assertEqual(await page.$$eval('article.card', (e) => e.length), indicatorIds.length, 'every card');
    // Chromium itself reports the failed script fetch; nothing else may appear.
    const browserNote = /sw\.js|A bad HTTP response code \(404\) was received when fetching the script/;
    assertEqual(problems.filter((p) => !browserNote.test(p)), [], 'no errors beyond the browser noting the missing file');
    assertEqual(swRequests.length > 0, true, 'registration was attempted');
    await context.close();
    noSw.close();
  },
});

await browser.close();
server.close();
fs.rmSync(tmp, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
