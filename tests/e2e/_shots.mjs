import path from 'node:path';
import { launch, serve, waitForCharts, root } from './harness.mjs';
const browser = await launch();
const { server, base } = await serve(path.join(root, 'dist'));
for (const [lang, width, scheme] of [['vi', 360, 'light'], ['en', 1280, 'dark']]) {
  const ctx = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
  const page = await ctx.newPage();
  page.on('console', m => { if (m.type() === 'error') console.log('ERR', m.text()); });
  await page.goto(`${base}?lang=${lang}&theme=parks&table=park-land`);
  await page.waitForSelector('table.data-table');
  await page.screenshot({ path: `/tmp/s-head-${lang}-${width}.png` });
  await page.click('[data-indicator="kcn-occupied-area"] .source-toggle');
  await page.locator('[data-indicator="kcn-occupied-area"] .source-panel').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `/tmp/s-src-${lang}-${width}.png` });
  await page.locator('table.data-table').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `/tmp/s-table-${lang}-${width}.png` });
  console.log(page.url());
  await ctx.close();
}
await browser.close(); server.close();
