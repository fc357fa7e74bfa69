// Writes README screenshots of the release build (dist/) to docs/screenshots/:
// both languages at 360 px and 1280 px, plus dark mode. Usage: node scripts/screenshots.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, serve, waitForCharts } from '../tests/e2e/harness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'docs/screenshots');
fs.mkdirSync(out, { recursive: true });
const browser = await launch();
const { server, base } = await serve(path.join(root, 'dist'));
const shots = [
  ['vi', 1280, 'light', 1400], ['en', 1280, 'light', 1400],
  ['vi', 360, 'light', 1500], ['en', 360, 'light', 1500],
  ['en', 1280, 'dark', 1400], ['vi', 360, 'dark', 1500],
];
for (const [lang, width, colorScheme, height] of shots) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(`${base}?lang=${lang}`);
  await waitForCharts(page, lang);
  const file = path.join(out, `${lang}-${width}-${colorScheme}.png`);
  await page.screenshot({ path: file });
  console.log('wrote', path.relative(root, file));
  await context.close();
}
await browser.close();
server.close();
