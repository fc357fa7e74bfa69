// Writes <dir>/sw.js from src/js/sw.js: the files to precache (every file in <dir> but those
// in SKIP and the embeds' own, which are kept once used) and a version hashed from the paths and
// contents of all of them. Used by the post-build hook (scripts/post-build.mjs).
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Not needed to read the app offline, so not fetched again on every first visit: the worker
// itself, the one-file copy (a download), the demo articles, robots.txt, the install icons (the browser keeps its own copy of an installed app's icon), and
// the pre-compressed copies (the server picks them; the worker caches what it receives).
const SKIP = [/\.(br|gz)$/, /^sw\.js$/, /^bac-giang-offline\.html$/, /^public\/demo\//,
  /^public\/robots\.txt$/, /^public\/icon/, /^share\.[a-z]+\.png$/];
/// Folders whose files are kept once used, never precached: the items' own pages, images and
/// oEmbed data (a reader of the dashboard needs none of them; there are hundreds).
export const ON_USE_DIRS = ['items/'];

function listFiles(dir, prefix = '') {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const rel = prefix + e.name;
    if (e.isDirectory()) return listFiles(path.join(dir, e.name), `${rel}/`);
    return SKIP.some((re) => re.test(rel)) ? [] : [rel];
  });
}

/// Trunk puts a content hash in the name of every file it processes (scripts, wasm, styles),
/// and the boot script is named by its hash; pages and public/ keep their names.
export const isHashed = (file) => !file.endsWith('.html') && !file.startsWith('public/');

/// `onUse`: files not precached but kept once a page fetches them — the embeds' own page and
/// files, which a reader of the dashboard never needs (precached, they would cost every first
/// visit ~70 KB more). Both count in the version.
export function writeServiceWorker(dir, onUse = []) {
  const all = listFiles(dir).sort();
  const inOnUseDir = (f) => ON_USE_DIRS.some((d) => f.startsWith(d));
  const files = all.filter((f) => !onUse.includes(f) && !inOnUseDir(f));
  const later = all.filter((f) => onUse.includes(f));
  const hash = crypto.createHash('sha256');
  for (const f of all) hash.update(`${f}\0`).update(fs.readFileSync(path.join(dir, f))).update('\0');
  const version = hash.digest('hex').slice(0, 16);
  const source = fs.readFileSync(path.join(root, 'src/js/sw.js'), 'utf8')
    .replace('__VERSION__', version)
    .replace('__FILES__', JSON.stringify(files))
    .replace('__ON_USE__', JSON.stringify(later))
    .replace('__ON_USE_DIRS__', JSON.stringify(ON_USE_DIRS))
    .replace('__HASHED__', JSON.stringify(all.filter(isHashed)));
  fs.writeFileSync(path.join(dir, 'sw.js'), minify(source));
  return { version, files, later };
}

/// Our own JS has no strings or regexes spanning lines, so dropping whole-line comments and
/// indentation is safe.
export function minify(js) {
  return js.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('//')).join('\n') + '\n';
}
