// A/B of two builds by cold loads taken alternately, load by load (A B, B A, A B …), so the
// machine's drift over minutes falls on both alike — this machine's timings drift by ±25 %
// between runs of one build, more than most changes move them.
//
//   node scripts/bench-pairs.mjs <distA> <distB> [pairs=20]
//
// Each load: 4× CPU throttling, a 412 × 823 viewport, `?lang=vi`, until every chart is drawn
// and <main> is no longer busy. Prints, per build, the median time to that point and the median
// long-task time past 50 ms after the first contentful paint (what Lighthouse's TBT adds up).
import { launch, serve } from '../tests/e2e/harness.mjs';

const dirs = process.argv.slice(2, 4);
const N = +(process.argv[4] || 20);
if (dirs.length !== 2) throw new Error('usage: node scripts/bench-pairs.mjs <distA> <distB> [pairs]');
const servers = await Promise.all(dirs.map((d) => serve(d)));
const browser = await launch();
const res = dirs.map(() => ({ drawn: [], tbt: [] }));
for (let i = 0; i < N; i++) for (let k = 0; k < 2; k++) {
  const j = i % 2 ? 1 - k : k; // who goes first alternates
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(() => { window.__lt = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lt.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true }); });
  await page.goto(`${servers[j].base}?lang=vi`);
  await page.waitForFunction(() => { const c = [...document.querySelectorAll('canvas[data-chart]')]; return c.length && !document.querySelector('main[aria-busy="true"]') && c.every((e) => e.dataset.drawn === 'vi'); }, null, { timeout: 60000, polling: 50 });
  const t = await page.evaluate(() => performance.now());
  await page.waitForTimeout(800);
  const [lt, fcp] = await page.evaluate(() => [window.__lt, performance.getEntriesByName('first-contentful-paint')[0]?.startTime || 0]);
  res[j].drawn.push(t); res[j].tbt.push(lt.filter(([s]) => s > fcp).reduce((a, [, d]) => a + Math.max(0, d - 50), 0));
  await context.close();
}
const med = (a) => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)].toFixed(0); };
dirs.forEach((d, j) => console.log(`${d}: every chart drawn ${med(res[j].drawn)} ms, long tasks after first paint ${med(res[j].tbt)} ms (medians of ${N})`));
await browser.close(); servers.forEach((s) => s.server.close());
