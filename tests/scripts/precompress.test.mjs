// scripts/precompress.mjs and the size check's reading of its copies: the .gz copies are
// ordinary gzip that inflates to the file, smaller than zlib's level 9; a copy that does not
// match its file fails the size check. Run with `node --test tests/scripts/`.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { gzipBest, precompress } from '../../scripts/precompress.mjs';
import { servedGzip } from '../../scripts/size-check.mjs';

// Text with the repetition real builds have (markup, CSS), and some noise.
function sample() {
  let s = '';
  for (let i = 0; i < 2000; i++) s += `<p class="card-value">${(i * 7919) % 1000},${i % 10}%</p>\n`;
  return Buffer.from(s);
}

test('gzipBest writes gzip that inflates to the input, smaller than level 9', async () => {
  const body = sample();
  const best = await gzipBest(body);
  assert.deepEqual(zlib.gunzipSync(best), body);
  assert.ok(best.length < zlib.gzipSync(body, { level: 9 }).length, `${best.length} bytes`);
});

test('precompress writes .gz and .br copies only where they are smaller', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'precompress-'));
  fs.writeFileSync(path.join(dir, 'page.html'), sample());
  fs.writeFileSync(path.join(dir, 'tiny.js'), 'x');
  fs.writeFileSync(path.join(dir, 'icon.png'), sample());
  const written = await precompress(dir);
  assert.equal(written, 2);
  assert.deepEqual(zlib.gunzipSync(fs.readFileSync(path.join(dir, 'page.html.gz'))), sample());
  assert.deepEqual(zlib.brotliDecompressSync(fs.readFileSync(path.join(dir, 'page.html.br'))), sample());
  assert.ok(!fs.existsSync(path.join(dir, 'tiny.js.gz')), 'a copy larger than the file is not kept');
  assert.ok(!fs.existsSync(path.join(dir, 'icon.png.gz')), 'images are not compressed');
  // The size check counts the copy a gzip client is sent …
  assert.equal(servedGzip(dir, 'page.html'), fs.statSync(path.join(dir, 'page.html.gz')).size);
  // … level 9 where there is none …
  assert.equal(servedGzip(dir, 'tiny.js'), zlib.gzipSync(Buffer.from('x'), { level: 9 }).length);
  // … and refuses a copy of an older version of the file.
  fs.appendFileSync(path.join(dir, 'page.html'), 'changed');
  assert.throws(() => servedGzip(dir, 'page.html'), /does not inflate to page\.html/);
  fs.rmSync(dir, { recursive: true });
});
