// The two Trunk pages (index.html: the dashboard; embed.html: one card or chart) are separate
// sources built with the same settings: a change to one page's wasm optimisation or stylesheet
// must not leave the other behind. Run with `node --test tests/scripts/`.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const page = (name) => fs.readFileSync(path.join(root, name), 'utf8');
const rustLink = (html) => html.match(/<link data-trunk rel="rust"[^>]*>/)?.[0] ?? '';
const attr = (tag, name) => tag.match(new RegExp(`${name}="([^"]*)"`))?.[1];

test('both pages build their wasm with the same wasm-opt settings, each its own bin', () => {
  const [dashboard, embed] = [rustLink(page('index.html')), rustLink(page('embed.html'))];
  for (const name of ['data-wasm-opt', 'data-wasm-opt-params', 'data-type']) {
    assert.ok(attr(dashboard, name), `index.html's rust link has ${name}`);
    assert.equal(attr(embed, name), attr(dashboard, name), name);
  }
  assert.equal(attr(dashboard, 'data-bin'), 'bac-giang-economy');
  assert.equal(attr(embed, 'data-bin'), 'bac-giang-embed');
});

test('both pages use the same stylesheet and favicon; embed.html is marked as the embed view', () => {
  for (const link of ['<link data-trunk rel="css" href="style.css">', '<link rel="icon" href="public/favicon.svg" type="image/svg+xml">']) {
    assert.ok(page('index.html').includes(link) && page('embed.html').includes(link), link);
  }
  assert.match(page('embed.html'), /<html lang="vi" data-view="embed">/);
  assert.match(page('embed.html'), /<meta name="robots" content="noindex">/);
});
