// Writes <dir>/sw.js from src/js/sw.js: the list of the build's files the app needs (every
// file in <dir> but those in SKIP) and a version hashed from their paths and contents. Used by the post-build hook; the e2e update test calls it after changing a build.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Not needed to read the app offline, so not fetched again on every first visit: the worker
// itself, the one-file copy (a download), the demo articles, the host script other sites load,
// robots.txt, the install icons (the browser keeps its own copy of an installed app's icon), and
// the pre-compressed copies (the server picks them; the worker caches what it receives).
const SKIP = [/\.(br|gz)$/, /^sw\.js$/, /^bac-giang-offline\.html$/, /^public\/demo\//, /^public\/embed\.js$/,
  /^public\/robots\.txt$/, /^public\/icon/];

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

export function writeServiceWorker(dir) {
  const files = listFiles(dir).sort();
  const hash = crypto.createHash('sha256');
  for (const f of files) hash.update(`${f}\0`).update(fs.readFileSync(path.join(dir, f))).update('\0');
  const version = hash.digest('hex').slice(0, 16);
  const source = fs.readFileSync(path.join(root, 'src/js/sw.js'), 'utf8')
    .replace('__VERSION__', version)
    .replace('__FILES__', JSON.stringify(files))
    .replace('__HASHED__', JSON.stringify(files.filter(isHashed)));
  fs.writeFileSync(path.join(dir, 'sw.js'), minify(source));
  return { version, files };
}

/// Our own JS has no strings or regexes spanning lines, so dropping whole-line comments and
/// indentation is safe.
export function minify(js) {
  return js.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('//')).join('\n') + '\n';
}
