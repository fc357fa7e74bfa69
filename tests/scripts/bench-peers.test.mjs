// scripts/bench-peers.mjs: the peer pages draw the dashboard's own six charts from the same data,
// on the dashboard's own page with the app's scripts and build-time charts taken out, each
// library loaded as its documentation shows. Run with `node --test tests/scripts/`.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { holdFirstPaint, peerCharts, writePeers } from '../../scripts/bench-peers.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const data = JSON.parse(fs.readFileSync(path.join(root, 'data/bac-giang.json'), 'utf8'));

test('the peers get every chart with its labels and values', () => {
  const charts = peerCharts(data);
  assert.deepEqual(charts.map((c) => c.id), data.charts.map((c) => c.id));
  const growth = charts.find((c) => c.id === 'grdp-growth');
  assert.deepEqual(growth.rows, [{ label: '2023', value: 13.1 }, { label: '2024', value: 14.5 }]);
  const share = charts.find((c) => c.kind === 'share');
  assert.ok(share.whole > 0 && share.rows.every((r) => r.value > 0 && r.value <= share.whole));
  const timeline = charts.find((c) => c.kind === 'timeline');
  for (const r of timeline.rows) assert.ok(timeline.from <= r.start && r.start < r.end && r.end <= timeline.to, JSON.stringify(r));
});

test('the peer pages are the app page without its scripts and drawings, one box per chart', async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-peers-'));
  const app = path.join(tmp, 'app');
  fs.mkdirSync(app);
  fs.writeFileSync(path.join(app, 'style-1.css'), 'body{}');
  fs.writeFileSync(path.join(app, 'index.html'), '<html><head><link href=./style-1.css rel=stylesheet>'
    + '<script type=module src=./app.js></script><link as=fetch href=./app.wasm rel=preload></head><body><header>Kinh tế</header><main id="content" tabindex="-1">'
    + data.charts.map((c) => `<figure id="item-${c.id}" class="chart-card"><div class="chart-box"><canvas data-chart="${c.id}"></canvas>`
      + '<div class="chart-static"><svg class="chart-svg b0"><rect/></svg></div></div></figure>').join('')
    + '</main></body></html>');
  await writePeers(path.join(tmp, 'peers'), app);
  for (const [page, head, body] of [['chartjs.html', [], ['chart.umd.js', 'peer-data.js', 'chartjs.js']],
    ['vega-lite.html', ['vega.min.js', 'vega-lite.min.js', 'vega-embed.min.js'], ['peer-data.js', 'vega-lite.js']]]) {
    const html = fs.readFileSync(path.join(tmp, 'peers', page), 'utf8');
    assert.ok(!html.includes('app.js') && !html.includes('app.wasm') && !html.includes('chart-svg') && !html.includes('<canvas'), page);
    assert.equal(html.match(/data-peer-chart=/g).length, data.charts.length, page);
    const scripts = (part) => [...part.matchAll(/<script src=([^>]+)><\/script>/g)].map((m) => m[1]);
    const [before, after] = html.split('<body>');
    assert.deepEqual([scripts(before), scripts(after)], [head, body], page);
    for (const f of [...head, ...body]) assert.ok(fs.existsSync(path.join(tmp, 'peers', f)), f);
  }
  // The first-paint references: the same head (stylesheet, no scripts), without the charts'
  // boxes; the empty one holds one line of text.
  for (const page of ['floor-header.html', 'floor-blank.html']) {
    const html = fs.readFileSync(path.join(tmp, 'peers', page), 'utf8');
    assert.ok(html.includes('href=./style-1.css') && !html.includes('<script') && !html.includes('<figure'), page);
  }
  assert.ok(fs.readFileSync(path.join(tmp, 'peers', 'floor-header.html'), 'utf8').includes('<header>Kinh tế</header><main id=content></main>'));
  assert.ok(fs.readFileSync(path.join(tmp, 'peers', 'floor-blank.html'), 'utf8').includes('<body><p>Kinh tế Bắc Giang</p></body>'));
  // The held reference: the app's own page and files, rendering held until the last chart.
  const held = fs.readFileSync(path.join(tmp, 'peers', 'held', 'index.html'), 'utf8');
  const last = data.charts.at(-1).id;
  assert.ok(held.includes(`<link rel=expect href=#item-${last} blocking=render></head>`), held.slice(0, 300));
  assert.ok(held.includes('app.js') && held.includes('chart-svg'));
  assert.ok(fs.existsSync(path.join(tmp, 'peers', 'held', 'style-1.css')));
  fs.rmSync(tmp, { recursive: true, force: true });
});

test('holding the first paint needs a chart to wait for', () => {
  assert.throws(() => holdFirstPaint('<html><head></head><body><p>no charts</p></body></html>'), /no chart figure/);
});
