// Renders the app icons in public/ from public/icon.svg with the system Chromium:
// icon-192.png and icon-512.png (rounded, for browsers and the home screen) and
// icon-maskable-512.png (full bleed; the artwork stays inside the central safe zone).
// The PNGs are committed; rerun after changing icon.svg: node scripts/icons.mjs
import fs from 'node:fs';
import path from 'node:path';
import { launch, root } from '../tests/e2e/harness.mjs';

const svg = fs.readFileSync(path.join(root, 'public/icon.svg'), 'utf8');
const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
const browser = await launch();
for (const [name, size, radius] of [['icon-192.png', 192, 0.18], ['icon-512.png', 512, 0.18], ['icon-maskable-512.png', 512, 0]]) {
  const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
  await page.setContent(`<style>html,body{margin:0;background:transparent}img{display:block;width:${size}px;height:${size}px;border-radius:${radius * size}px}</style><img src="${src}">`);
  await page.locator('img').evaluate((img) => img.decode());
  await page.screenshot({ path: path.join(root, 'public', name), omitBackground: true });
  console.log('wrote public/' + name);
  await page.close();
}
await browser.close();
