// Trunk post-build hook (see Trunk.toml). Runs on the staging directory before it becomes dist/.
//
// 1. Replaces Trunk's inline loader <script type=module> with the glue file itself, the boot
//    code (src/js/boot.js) appended, under an integrity attribute, so the pages run under a
//    strict CSP (script-src 'self' 'wasm-unsafe-eval') without 'unsafe-inline'. The boot code
//    starts the wasm, shows a readable message if it cannot load, and registers the service
//    worker.
// 2. Other pages: scripts/build-release.sh first builds embed.html (its own page and wasm,
//    without the dashboard's views; see README "Sharing and embedding") and export.html (an item's
//    downloads and embed code) with this hook, which then only does 1, 5 (the page's
//    no-JavaScript text) and 6; the dashboard's build copies their output in ($PAGE_DISTS)
//    before 3, 4 and 7.
// 3. Writes sw.js, the service worker precaching exactly the dashboard's files and keeping the
//    other pages' own once used (see scripts/service-worker.mjs and README "Offline").
// 4. Writes bac-giang-offline.html, the whole app in one file (see scripts/offline.mjs), with
//    the app built for it ($OFFLINE_DIST: the dashboard with the per-chart downloads inline,
//    since the export page cannot travel in one file).
// 5. Puts the content, prerendered as plain HTML, into index.html (see below).
// 6. Release builds: minifies the page script (glue and boot code) with terser. The wasm is
//    left as cargo, wasm-bindgen and wasm-opt made it.
// 7. Release builds: writes .br and .gz (zopfli) copies of every text and wasm file for hosts
//    that serve pre-compressed files (see scripts/precompress.mjs).
// 8. Writes each card's and chart's own page (items/<id>.<lang>.html: the embed's page with the
//    item prerendered and its link-preview tags), its 1200 x 630 social card image and oEmbed
//    data, and the dashboard's share tags (see scripts/item-pages.mjs; SITE_URL makes their
//    addresses absolute). Runs before 3, so the worker's version covers them.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { minify, writeServiceWorker } from './service-worker.mjs';
import { writeOfflineCopy } from './offline.mjs';
import { precompress } from './precompress.mjs';
import { dashboardPage, DASHBOARD_PAGES, siteAddress, writeItemPages } from './item-pages.mjs';
import { minify as terser } from 'terser';

// The dev build's worker: replaces any earlier worker at this address, then unregisters, so
// the next load (Trunk's live reload) comes from the dev server.
const DEV_WORKER = `self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (e) => e.waitUntil(self.registration.unregister()));
`;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!dir) throw new Error('post-build: TRUNK_STAGING_DIR is not set (run through trunk build)');

// Which page this build makes: the dashboard (index.html), or embed.html or export.html.
const page = path.basename(process.env.TRUNK_HTML_FILE || 'index.html');
const otherPage = page === 'index.html' ? null : page.replace(/\.html$/, '');
if (otherPage && !['embed', 'export'].includes(otherPage)) throw new Error(`post-build: unknown page ${page}`);
// Trunk writes its page as index.html, whatever the source's name.
const indexPath = path.join(dir, 'index.html');
let html = fs.readFileSync(indexPath, 'utf8');

const inline = html.match(/<script type=(?:"module"|module)>([\s\S]*?)<\/script>/);
if (!inline) throw new Error('post-build: Trunk inline loader not found in index.html');
const glue = inline[1].match(/from '\.\/([^']+\.js)'/)?.[1];
const wasm = inline[1].match(/module_or_path: '\.\/([^']+\.wasm)'/)?.[1];
if (!glue || !wasm) throw new Error(`post-build: unexpected loader shape:\n${inline[1]}`);
const digest = (algo, text) => crypto.createHash(algo).update(text).digest();

// The script is renamed by its final content (Trunk's hash is of the glue it wrote): a change
// to src/js/boot.js alone must not reuse a name a cache holds.
const contentName = (file, body) => file.replace(/-[0-9a-f]+\.js$/, `-${digest('sha256', body).toString('hex').slice(0, 16)}.js`);

// 1. The page's script: the glue with src/js/boot.js appended in a block of its own (its
// names cannot meet the glue's), comments and indentation dropped. One file instead of two:
// a request fewer and one compressed stream (−0.3 KB gzip). Release builds minify the whole
// with terser (Trunk's `minify` leaves the glue as written: 9.7 -> 7.5 KB gzip). `initSync`
// (instantiating from bytes already in hand) is exported for other loaders; the boot code and
// the one-file copy both call `__wbg_init`, so only that stays exported (and keeps its name)
// and terser drops the other. scripts/offline.mjs reads the wasm's name back out of it.
const gluePath = path.join(dir, glue);
const exported = 'export { initSync, __wbg_init as default };';
const glueSource = fs.readFileSync(gluePath, 'utf8');
if (!glueSource.includes(exported)) throw new Error(`post-build: ${glue} no longer ends with \`${exported}\``);
const bootSource = minify(fs.readFileSync(path.join(root, 'src/js/boot.js'), 'utf8')).replace('__WASM__', wasm);
// The export stays last: the one-file copy drops it from the end.
let script = `${glueSource.replace(exported, '')}\n{\n${bootSource}}\nexport { __wbg_init as default };\n`;
if (process.env.TRUNK_PROFILE !== 'debug') {
  script = (await terser(script, {
    module: true, compress: { passes: 2 }, mangle: { reserved: ['__wbg_init'] }, format: { quote_style: 1 },
  })).code;
}
if (!script.includes(`'./${wasm}'`)) throw new Error('post-build: the page script no longer names the wasm as expected');
const scriptName = contentName(glue, script);
fs.rmSync(gluePath);
fs.writeFileSync(path.join(dir, scriptName), script);
const integrity = `sha384-${digest('sha384', script).toString('base64')}`;
// The script replaces Trunk's inline loader; its modulepreload link would only repeat it.
const preload = html.match(new RegExp(`<link [^>]*href=(["']?)\\./${glue.replace(/\./g, '\\.')}\\1[^>]*>`))?.[0];
if (!preload) throw new Error(`post-build: no modulepreload link for ${glue}`);
html = html.replace(preload, '').replace(/<script type=(?:"module"|module)>[\s\S]*?<\/script>/,
  `<script type=module src=./${scriptName} integrity=${integrity} crossorigin></script>`);
// Sandboxed embeds have an opaque origin: integrity-checked files are then cross-origin and
// must be fetched in CORS mode, or the browser blocks them.
html = html.replace(/<link (?![^>]*crossorigin)([^>]*integrity=[^>]*)>/g, '<link crossorigin $1>');
// The page a wasm is built for (BAC_GIANG_PAGE, scripts/build-release.sh) means nothing to the
// native prerenderer, and would make cargo rebuild the library for it.
const env = { ...process.env };
delete env.BAC_GIANG_PAGE;
// 5. The content as plain HTML, made natively by the same Rust formatting and chart code
// (src/prerender/), so readers see figures and charts before the wasm runs and without
// JavaScript. Large datasets prerender to megabytes; the default output buffer of
// execFileSync is 1 MB.
const run = { cwd: root, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 };
// The dashboard's view in a language (`offline`: as the one-file copy shows it), rendered by
// the app's components (src/prerender/); the browser hydrates it.
const dashboard = (...args) => {
  const out = execFileSync('cargo', ['run', '--quiet', '--bin', 'prerender', 'dashboard', ...args], run);
  if (!out.startsWith('<')) throw new Error(`post-build: unexpected prerender output:\n${out.slice(0, 200)}`);
  return out;
};
// The view goes first in <body>, where the app's hydration starts; no text before it.
const withContent = (page, view) => page.replace(/<body>\s*/, () => `<body>${view}`);
if (process.env.BAC_GIANG_PAGE === 'offline') {
  // The one-file copy's own build of the app (scripts/build-release.sh): only its script and
  // wasm are used, by the dashboard's build (4); nothing else to write.
  fs.writeFileSync(indexPath, html);
  console.log(`post-build: the one-file copy's app, ${scriptName}, ${wasm}`);
} else if (otherPage) {
  // One item is chosen at run time by the query: without JavaScript, a bilingual pointer to the
  // dashboard instead. The dashboard's build adds the service worker and compressed copies.
  html = html.replace('<body>', `<body>${execFileSync('cargo', ['run', '--quiet', '--bin', 'prerender', otherPage], run)}`);
  if (!html.includes(`data-view=${otherPage}`)) throw new Error(`post-build: ${page} is not marked data-view=${otherPage}`);
  fs.writeFileSync(path.join(dir, page), html);
  fs.rmSync(indexPath);
  console.log(`post-build: ${page}, ${scriptName}, ${wasm}`);
} else if (process.env.TRUNK_PROFILE === 'debug') {
  // The dev loop (`trunk serve`, scripts/dev.sh): only what shows edits fast. No prerendered
  // HTML (a native build of the library on every edit; the app renders the same content), no
  // other pages, one-file copy or compressed copies. The service worker is one that removes
  // itself, so a release build's worker, installed at the same address, cannot serve its
  // cached files in place of the edit.
  fs.writeFileSync(indexPath, html);
  fs.writeFileSync(path.join(dir, 'sw.js'), DEV_WORKER);
  console.log(`post-build: dev build, ${scriptName}, ${wasm} (release-only steps skipped)`);
} else {
  // The page without its content: each language's page and the one-file copy get their own.
  const shell = html;
  const content = { vi: dashboard('vi'), en: dashboard('en'), offline: dashboard('vi', 'offline') };
  // The other pages and their files, built just before (scripts/build-release.sh). Files of
  // several builds with the same name (the stylesheet, named by its content) are the same file.
  const pageDists = (process.env.PAGE_DISTS || '').split(':').filter(Boolean);
  const pageFiles = [];
  for (const pageDist of pageDists) {
    for (const f of fs.readdirSync(pageDist).filter((f) => fs.statSync(path.join(pageDist, f)).isFile())) {
      const target = path.join(dir, f);
      if (fs.existsSync(target) && !fs.readFileSync(target).equals(fs.readFileSync(path.join(pageDist, f)))) {
        throw new Error(`post-build: ${f} differs between the dashboard's build and ${pageDist}`);
      }
      fs.copyFileSync(path.join(pageDist, f), target);
      pageFiles.push(f);
    }
  }
  for (const p of ['embed.html', 'export.html']) {
    if (!pageFiles.includes(p)) console.warn(`post-build: no ${p} (built by scripts/build-release.sh, which sets PAGE_DISTS)`);
  }
  // 8. Each card's and chart's own page, social card image and oEmbed data (see
  // scripts/item-pages.mjs); the dashboard's share data.
  let items = 0;
  let share = null;
  const site = siteAddress(process.env.SITE_URL);
  if (pageFiles.includes('embed.html')) {
    if (!site) console.warn('post-build: SITE_URL is not set: og:url, og:image, twitter:image and the oEmbed addresses stay relative (link previews need absolute ones)');
    share = JSON.parse(execFileSync('cargo', ['run', '--quiet', '--bin', 'prerender', 'items', dir, site], run));
    writeItemPages(dir, share, site);
    items = share.items.length;
  }
  // The dashboard's page per language: index.html (Vietnamese, the default) and en/index.html,
  // each with its own content, title and share tags, and hreflang links between them. The
  // English page's addresses are the app folder's (<base>), like the item pages'.
  html = dashboardPage(withContent(shell, content.vi), share, site, 'vi');
  fs.writeFileSync(indexPath, html);
  fs.mkdirSync(path.join(dir, 'en'), { recursive: true });
  fs.writeFileSync(path.join(dir, DASHBOARD_PAGES.en), dashboardPage(withContent(shell, content.en), share, site, 'en'));
  // The worker precaches what the dashboard needs; the other pages' own files (those its page
  // does not load: its content links to export.html, its head does not) are kept when first
  // used, and so is the host script other sites load (the export page's preview uses it).
  // The English page too: a reader of the Vietnamese page switches in place (and the English
  // page, once opened, is kept).
  const onUse = [...new Set([...pageFiles.filter((f) => !shell.includes(f)), 'public/embed.js', DASHBOARD_PAGES.en])];
  // Item pages, their images and oEmbed data: kept once used, by folder (hundreds of files).
  const worker = writeServiceWorker(dir, onUse);
  const offlineApp = process.env.OFFLINE_DIST || null;
  if (!offlineApp) console.warn('post-build: the one-file copy uses the dashboard\'s app (OFFLINE_DIST is set by scripts/build-release.sh)');
  const offline = await writeOfflineCopy(dir, withContent(shell, content.offline), offlineApp);
  // Debug builds skip it: brotli at quality 11 on an unoptimised wasm takes long, for nothing.
  const packed = process.env.TRUNK_PROFILE === 'debug' ? 0 : await precompress(dir);
  console.log(`post-build: ${scriptName}, ${pageFiles.length} files of the other pages' builds, ${items} item pages, sw.js (${worker.files.length} files precached, version ${worker.version}), `
    + `${offline.file} (${(offline.bytes / 1024).toFixed(1)} KB), ${packed} pre-compressed copies`);
}
