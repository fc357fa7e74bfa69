// scripts/service-worker.mjs and the size check's view of the two pages: the worker precaches
// the dashboard's files and keeps the embeds' own on use; its version covers both; an embed's
// files are what embed.html's links and scripts name. Run with `node --test tests/scripts/`.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeServiceWorker } from '../../scripts/service-worker.mjs';
import { dashboardFiles, embedFiles } from '../../scripts/size-check.mjs';

/// A build's folder in miniature: two pages, each with its own boot script, glue and wasm, one
/// shared stylesheet, and files the worker skips.
function build() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-'));
  const write = (f, body) => {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), body);
  };
  write('index.html', '<link href=./style-1.css rel=stylesheet><script type=module src=./boot-a.js></script><link href=./app-a.js rel=modulepreload><link href=./app-a_bg.wasm rel=preload>');
  write('embed.html', '<link href=public/favicon.svg rel=icon><link crossorigin href=./style-1.css rel=stylesheet><script type=module src=./boot-b.js integrity=x crossorigin></script>'
    + '<link crossorigin href=./embed-b.js rel=modulepreload><link as=fetch href=./embed-b_bg.wasm rel=preload>'
    + '<noscript><a href=index.html>dashboard</a></noscript>');
  for (const f of ['style-1.css', 'boot-a.js', 'app-a.js', 'app-a_bg.wasm', 'boot-b.js', 'embed-b.js', 'embed-b_bg.wasm',
    'public/favicon.svg', 'bac-giang-offline.html', 'app-a_bg.wasm.gz']) write(f, f);
  return dir;
}

const listed = (dir, name) => JSON.parse(fs.readFileSync(path.join(dir, 'sw.js'), 'utf8').match(new RegExp(`const ${name} = (\\[.*?\\]);`))[1]);

test('the worker precaches the dashboard and keeps the embeds\' own files on use', () => {
  const dir = build();
  const onUse = ['embed.html', 'boot-b.js', 'embed-b.js', 'embed-b_bg.wasm'];
  const { files, later } = writeServiceWorker(dir, onUse);
  assert.deepEqual(files, ['app-a.js', 'app-a_bg.wasm', 'boot-a.js', 'index.html', 'public/favicon.svg', 'style-1.css']);
  assert.deepEqual(later, [...onUse].sort());
  assert.deepEqual(listed(dir, 'FILES'), files);
  assert.deepEqual(listed(dir, 'ON_USE'), later);
  // The size check counts what the worker precaches: the dashboard's files.
  assert.deepEqual(dashboardFiles(dir), files);
});

test('a changed embed file changes the worker\'s version', () => {
  const dir = build();
  const onUse = ['embed.html', 'boot-b.js', 'embed-b.js', 'embed-b_bg.wasm'];
  const before = writeServiceWorker(dir, onUse).version;
  assert.equal(writeServiceWorker(dir, onUse).version, before, 'same files, same version');
  fs.writeFileSync(path.join(dir, 'embed-b_bg.wasm'), 'changed');
  assert.notEqual(writeServiceWorker(dir, onUse).version, before);
});

test('an embed\'s files are its page and what its links and scripts name, not its anchors', () => {
  const dir = build();
  assert.deepEqual(embedFiles(dir), ['embed.html', 'public/favicon.svg', 'style-1.css', 'boot-b.js', 'embed-b.js', 'embed-b_bg.wasm']);
});

test('item pages, their images and oEmbed data are kept once used, never precached', () => {
  const dir = build();
  for (const f of ['items/park-land.vi.html', 'items/park-land.vi.png', 'items/park-land.vi.oembed.json', 'share.vi.png']) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), f);
  }
  const { files, version } = writeServiceWorker(dir, ['embed.html']);
  assert.ok(!files.some((f) => f.startsWith('items/') || f.startsWith('share.')), `precached: ${files}`);
  assert.deepEqual(listed(dir, 'ON_USE_DIRS'), ['items/']);
  // They count in the version: a new item page is a new build.
  fs.writeFileSync(path.join(dir, 'items/park-land.vi.html'), 'changed');
  assert.notEqual(writeServiceWorker(dir, ['embed.html']).version, version);
});
