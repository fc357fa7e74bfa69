// The W3C Nu HTML checker (npm vnu-jar, run with Java) on every page the build writes: the
// dashboard, embed, export and item pages, the one-file copy and the demo articles. Errors only;
// 0 is the bar. Its CSS checker predates container queries, so exactly its `@container` and
// `container-type` messages are set aside, nothing else.
//   node scripts/html-check.mjs [dist]     (exits 1 on any error)
// checkHtml() is also used by the end-to-end tests for a page holding every snippet the export
// page offers.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const JAR = path.join(root, 'node_modules/vnu-jar/build/dist/vnu.jar');
const CONTAINER_QUERIES = [
  /^CSS: “container-type”: Property “container-type” doesn't exist\.?$/,
  /^CSS: Unrecognized at-rule “@container”\.?$/,
];

/// The checker's errors for `files`, as `file:line: message`, container-query messages aside.
export function checkHtml(files) {
  if (!fs.existsSync(JAR)) throw new Error(`html-check: ${JAR} is missing (scripts/ensure-tools.sh installs it)`);
  let out;
  try {
    out = execFileSync('java', ['-jar', JAR, '--errors-only', '--format', 'json', '--stdout', ...files],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (e) {
    // Exit status 1 means "errors found"; the report is on stdout all the same.
    out = e.stdout;
    if (!out) throw e;
  }
  return JSON.parse(out).messages
    .filter((m) => m.type === 'error' || m.subType === 'fatal')
    .filter((m) => !CONTAINER_QUERIES.some((re) => re.test(m.message)))
    .map((m) => `${path.relative(root, fileURLToPath(m.url))}:${m.lastLine ?? '?'}: ${m.message}`);
}

/// Every HTML page of a build folder.
export function builtPages(dist) {
  const html = (dir) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.html')).map((f) => path.join(dir, f)) : []);
  return [...html(dist), ...html(path.join(dist, 'items')), ...html(path.join(dist, 'public/demo'))];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = path.resolve(process.argv[2] || 'dist');
  const pages = builtPages(dist);
  if (!pages.some((p) => p.includes(`${path.sep}items${path.sep}`))) throw new Error(`html-check: no item pages in ${dist}`);
  const errors = checkHtml(pages);
  for (const e of errors) console.log(e);
  console.log(`html-check: ${pages.length} pages, ${errors.length} errors`);
  process.exit(errors.length ? 1 : 0);
}
