// Writes <dir>/bac-giang-offline.html: the whole dashboard in one HTML file that opens by
// double-click (file://) with zero network requests — styles inline, the wasm-bindgen glue
// inline, the wasm gzipped (by zopfli) and base64-encoded (unpacked in the page with DecompressionStream:
// no fetch), the favicon as a data: URL. A meta CSP allowing only this file's own script and
// style (by hash) and data: images makes "zero requests" a rule the browser enforces.
// The page is marked data-view=offline: the app then shows which data version and build it
// carries, and offers no embed codes (they would point at a file).
//
// Run by the post-build hook on every release build.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { gzipBest } from './precompress.mjs';

export const OFFLINE_FILE = 'bac-giang-offline.html';

const sha256 = (text) => `'sha256-${crypto.createHash('sha256').update(text).digest('base64')}'`;

function fail(message) {
  throw new Error(`offline copy: ${message}`);
}

/// `html` is the dashboard's page of the build in `dir`, with the content rendered for the
/// copy (its offline note and inline downloads). `app`, when given, is the folder of
/// the one-file copy's own build of the app (`BAC_GIANG_PAGE=offline`: the dashboard with the
/// per-chart downloads inline, scripts/build-release.sh), whose script and wasm go in instead
/// of the dashboard's.
export async function writeOfflineCopy(dir, html, app = null) {
  const read = (name) => fs.readFileSync(path.join(dir, name));
  const readApp = (name) => fs.readFileSync(path.join(app || dir, name));
  const scriptOf = (page) => page.match(/<script type=module src=\.\/([^ >]+\.js)/)?.[1] || fail('page script not found');
  // The page's script: the glue with the boot code appended (scripts/post-build.mjs). On a page
  // marked data-view=offline the boot code does not fetch the wasm; the loader below starts it.
  const glueName = scriptOf(app ? fs.readFileSync(path.join(app, 'index.html'), 'utf8') : html);
  // As written (debug builds) or minified by terser (release).
  const wasmName = readApp(glueName).toString().match(/module_or_path: ?'\.\/([^']+\.wasm)'/)?.[1] || fail('wasm not named in the page script');
  const cssName = html.match(/href=\.\/(style-[^ >]+\.css)/)?.[1] || fail('stylesheet not found');

  // The glue is an ES module; inline it as the page's module script without its exports.
  const glue = readApp(glueName).toString()
    // Unminified (debug) or minified (release, scripts/post-build.mjs) exports alike.
    .replace(/(^|[;}])export (class|function|const|let) /gm, '$1$2 ')
    .replace(/export ?\{[^}]*\};?\s*$/, '');
  if (/(^|[;}])\s*(export|import)\b(?!\.)/m.test(glue)) fail(`${glueName} has an import or export left`);
  if (/<\/script/i.test(glue)) fail(`${glueName} contains "</script" and cannot be inlined`);

  const wasm = (await gzipBest(readApp(wasmName))).toString('base64');
  const script = `${glue}
const packed = '${wasm}';
(async () => {
  const bytes = Uint8Array.from(atob(packed), (c) => c.charCodeAt(0));
  const wasm = await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
  await __wbg_init({ module_or_path: wasm });
})().catch((e) => {
  console.error('Bắc Giang offline copy failed to start:', e);
  const p = document.createElement('p');
  p.className = 'load-error';
  p.setAttribute('role', 'alert');
  p.textContent = 'Không mở được bản ngoại tuyến — hãy dùng trình duyệt mới hơn. · The offline copy could not start — please use a current browser.';
  document.body.prepend(p);
});
`;
  const css = read(cssName).toString();
  const favicon = `data:image/svg+xml;base64,${read('public/favicon.svg').toString('base64')}`;
  const csp = `default-src 'none'; script-src ${sha256(script)} 'wasm-unsafe-eval'; style-src ${sha256(css)}; img-src data:`;

  let out = html
    .replace(/<html([^>]*)>/, '<html$1 data-view=offline>')
    .replace(/<meta charset=utf-8>/, `$&<meta http-equiv=Content-Security-Policy content="${csp}">`)
    // Nothing to install or preload: everything is in this file.
    .replace(/<link [^>]*rel=(?:manifest|apple-touch-icon|modulepreload|preload)[^>]*>/g, '')
    .replace(/<link [^>]*rel=stylesheet[^>]*>/, () => `<style>${css}</style>`)
    .replace(/<script type=module src=[^>]*><\/script>/, () => `<script type=module>${script}</script>`)
    // Quoted: a base64 value may end in `=`, which an unquoted attribute value must not hold.
    .replace(/href=public\/favicon\.svg/, `href="${favicon}"`)
    // A saved file is not shared by link: no preview tags (their addresses would be requests).
    .replace(/<meta (?:property="og:|name="twitter:)[^>]*>|<link rel="canonical"[^>]*>/g, '');
  // Every reference left must be inline; anything else would be a request from file://.
  // Only attributes of tags count: text (the prerendered content may quote markup from the data,
  // escaped) and the inlined script and style bodies are not references.
  const tags = out.replace(/<(script|style)\b([^>]*)>[\s\S]*?<\/\1>/g, '<$1$2>').match(/<[a-zA-Z][^>]*>/g) || [];
  const external = tags.flatMap((tag) => [...tag.matchAll(/\s(?:src|href)=("[^"]*"|'[^']*'|[^\s>]+)/g)])
    .map((m) => m[1].replace(/^["']|["']$/g, ''))
    .filter((u) => !u.startsWith('data:') && !u.startsWith('#'));
  if (external.length) fail(`still refers to ${external.join(', ')}`);
  if (/url\((?!["']?data:)/.test(css)) fail('the stylesheet refers to a file (url())');
  if (!out.includes('data-view=offline')) fail('could not mark the page');

  fs.writeFileSync(path.join(dir, OFFLINE_FILE), out);
  return { file: OFFLINE_FILE, bytes: Buffer.byteLength(out) };
}
