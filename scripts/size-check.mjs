// The size check CI runs (bytes are deterministic, unlike timings): the gzip bytes a browser is
// sent for every file the dashboard needs — the service worker's precache list, which the build
// writes from the files the dashboard loads — against a limit. Fails when over, or when an
// embed (embed.html and the files it names: its own glue, wasm and boot script, the shared
// stylesheet and icon) would cost more than the dashboard. Also prints what the export page
// (an item's downloads and embed code, loaded only when a reader follows its link) costs.
// A file's gzip bytes are its pre-compressed `.gz` copy (zopfli, scripts/precompress.mjs; checked
// to inflate to the file), or zlib level 9 where the build wrote none.
//
// The limit is a ratchet set just above the current size, so no change makes the dashboard
// heavier unnoticed. Lower LIMIT_KB whenever a change makes it lighter.
//   node scripts/size-check.mjs [dist]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export const LIMIT_KB = 172.5;

export function dashboardFiles(dist) {
  const sw = fs.readFileSync(path.join(dist, 'sw.js'), 'utf8');
  const list = sw.match(/const FILES = (\[.*?\]);/)?.[1];
  if (!list) throw new Error(`${dist}/sw.js: no precache list`);
  return JSON.parse(list).filter((f) => f !== 'embed.html');
}

/// The files an embed loads: embed.html and every local file its `<link>`s and `<script>`s name
/// (the boot script imports the glue and fetches the wasm, both also linked for preloading).
/// `name` may name another page of the build (export.html).
export function embedFiles(dist, name = 'embed.html') {
  const page = fs.readFileSync(path.join(dist, name), 'utf8');
  const linked = [...page.matchAll(/<(?:link|script)\b[^>]*?\b(?:href|src)=["']?(?:\.\/)?([^"' >#?]+)/g)].map((m) => m[1])
    .filter((f) => !f.includes(':') && fs.existsSync(path.join(dist, f)) && fs.statSync(path.join(dist, f)).isFile());
  return [name, ...new Set(linked)];
}

/// Bytes of `file` (in `dist`) as a gzip client receives them.
export function servedGzip(dist, file) {
  const body = fs.readFileSync(path.join(dist, file));
  const copy = path.join(dist, `${file}.gz`);
  if (!fs.existsSync(copy)) return zlib.gzipSync(body, { level: 9 }).length;
  const packed = fs.readFileSync(copy);
  if (!zlib.gunzipSync(packed).equals(body)) {
    throw new Error(`${copy} does not inflate to ${file}: stale pre-compressed copy (rebuild)`);
  }
  return packed.length;
}

export function dashboardGzip(dist) {
  return dashboardFiles(dist).map((f) => ({
    file: f,
    raw: fs.statSync(path.join(dist, f)).size,
    gzip: servedGzip(dist, f),
  }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = process.argv[2] || 'dist';
  const files = dashboardGzip(dist);
  const total = files.reduce((s, f) => s + f.gzip, 0);
  for (const f of files) console.log(`  ${(f.gzip / 1024).toFixed(1).padStart(7)} KB  ${f.file}`);
  const kb = (total / 1024).toFixed(1);
  console.log(`dashboard: ${kb} KB gzip; limit ${LIMIT_KB} KB (ratchet)`);
  if (!fs.existsSync(path.join(dist, 'embed.html'))) {
    console.error(`size check FAILED: ${dist} has no embed.html (build with scripts/build-release.sh)`);
    process.exit(1);
  }
  const embed = embedFiles(dist).reduce((n, f) => n + servedGzip(dist, f), 0);
  console.log(`embed page: ${(embed / 1024).toFixed(1)} KB gzip (${embedFiles(dist).join(', ')})`);
  if (fs.existsSync(path.join(dist, 'export.html'))) {
    const files = embedFiles(dist, 'export.html');
    const bytes = files.reduce((n, f) => n + servedGzip(dist, f), 0);
    console.log(`export page (loaded only when used; its preview also loads an embed): ${(bytes / 1024).toFixed(1)} KB gzip (${files.join(', ')})`);
  }
  if (embed > total) {
    console.error(`size check FAILED: an embed (${(embed / 1024).toFixed(1)} KB) costs more than the dashboard`);
    process.exit(1);
  }
  if (total > LIMIT_KB * 1024) {
    console.error(`size check FAILED: the dashboard grew to ${kb} KB gzip, over the ${LIMIT_KB} KB limit.
To see what grew, compare the largest functions of this build's wasm and main's:
  cargo install twiggy && twiggy top -n 30 ${dist}/bac-giang-economy-*_bg.wasm
(build with \`debug = true\` under [profile.release] for readable names), or the files above
against BENCHMARKS.md. Lower the limit when a change makes the app lighter; raise it only for a
feature worth its bytes, and say so in the commit.`);
    process.exit(1);
  }
}
