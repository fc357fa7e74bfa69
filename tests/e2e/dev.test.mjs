// The dev loop (scripts/dev.sh, `trunk serve`): a saved data edit reaches the open page, and a
// data mistake prints file, JSON path and hint while the page keeps the last good build.
// Works on a copy of the data (DATASET, watched with --watch), so the working tree is untouched.
// Prints the time from saving the edit to the new value on screen (BENCHMARKS.md, "Dev loop").
//   node tests/e2e/dev.test.mjs
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { launch, assert, run, root } from './harness.mjs';

const PORT = Number(process.env.DEV_PORT || 8097);
const base = `http://127.0.0.1:${PORT}/`;
const card = 'article[data-indicator="grdp-growth-2023"] .card-value';

// The dataset and the article copies it is checked against, in a folder of their own.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dev-loop-'));
fs.cpSync(path.join(root, 'data/sources'), path.join(dir, 'sources'), { recursive: true });
const dataset = path.join(dir, 'bac-giang.json');
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'dev-loop-dist-'));
const original = fs.readFileSync(path.join(root, 'data/bac-giang.json'), 'utf8');
fs.writeFileSync(dataset, original);
// The same file with GRDP growth in 2023 changed from 13.1 to `value`.
const edited = (value) => original.replace('"value": 13.1,', `"value": ${value},`);
assert(edited(13.7) !== original, 'the data has the value the test edits');

let output = '';
const server = spawn('bash', ['scripts/dev.sh', '--watch', dir, '--no-error-reporting'], {
  cwd: root,
  env: { ...process.env, DATASET: dataset, PORT: String(PORT), DEV_DIST: out, NO_COLOR: 'true' },
  detached: true,
});
server.stdout.on('data', (d) => { output += d; });
server.stderr.on('data', (d) => { output += d; });
const stop = () => { try { process.kill(-server.pid, 'SIGTERM'); } catch { /* gone */ } };
process.on('exit', stop);

// Resolves once the server's output (from `from` on) matches `pattern`.
async function printed(pattern, from, label, ms = 900_000) {
  const deadline = Date.now() + ms;
  while (!pattern.test(output.slice(from))) {
    if (server.exitCode !== null) throw new Error(`trunk serve exited:\n${output.slice(-3000)}`);
    if (Date.now() > deadline) throw new Error(`${label}: not printed:\n${output.slice(-3000)}`);
    await new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        server.stdout.off('data', done);
        server.stderr.off('data', done);
        server.off('exit', done);
        resolve();
      };
      const timer = setTimeout(done, deadline - Date.now());
      server.stdout.on('data', done);
      server.stderr.on('data', done);
      server.on('exit', done);
    });
  }
}

const browser = await launch();
let page;
const failed = await run({
  async 'the first dev build serves the dashboard'() {
    await printed(/success/, 0, 'first build');
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${base}?lang=vi`);
    await page.waitForFunction((s) => document.querySelector(s)?.textContent.includes('13,1'), card, { timeout: 60_000 });
  },

  async 'a saved data edit is on the open page within seconds'() {
    const from = output.length;
    const saved = Date.now();
    fs.writeFileSync(dataset, edited(13.7));
    await page.waitForFunction((s) => document.querySelector(s)?.textContent.includes('13,7'), card, { timeout: 300_000 });
    const seconds = (Date.now() - saved) / 1000;
    console.log(`dev loop: data edit saved → new value on the open page in ${seconds.toFixed(1)} s`);
    assert(/success/.test(output.slice(from)), 'trunk reports the rebuild');
  },

  async 'a data mistake is printed with file, path and hint, and the page keeps the last good build'() {
    const from = output.length;
    fs.writeFileSync(dataset, edited('"13.9"'));
    await printed(/error/i, from, 'the mistake');
    await printed(/invalid data; see DATA\.md/, from, 'the hint');
    const report = output.slice(from);
    assert(report.includes('bac-giang.json') && report.includes('$.indicators[0].value'), `file and JSON path printed:\n${report.slice(-2000)}`);
    // The page was not reloaded with a broken build: the last good value is still there.
    assert((await page.textContent(card)).includes('13,7'), 'the last good build stays on the page');
    // Mended, the loop goes on.
    fs.writeFileSync(dataset, edited(13.2));
    await page.waitForFunction((s) => document.querySelector(s)?.textContent.includes('13,2'), card, { timeout: 300_000 });
  },
});

await browser.close();
stop();
fs.rmSync(dir, { recursive: true, force: true });
fs.rmSync(out, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
