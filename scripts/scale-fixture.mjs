// Writes a test-only dataset of 63 provinces × 50 indicators (the benchmark's scale check), made
// from the real one: each province gets every theme, indicator, derived value and chart of
// data/bac-giang.json under its own ids, plus copies of the first plain indicators up to 50.
// Sources stay shared (the excerpts must be found in the articles). The benchmark builds the
// app with it (DATASET=…) and compares build time, size and first paint with the real data.
//   node scripts/scale-fixture.mjs [out-dir]   → <out-dir>/scale.json (+ sources/)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROVINCES = 63;
export const PER_PROVINCE = 50;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function scaleDataset(real) {
  const perProvince = real.indicators.length + real.derived.length;
  const extra = PER_PROVINCE - perProvince;
  if (extra < 0 || extra > real.indicators.length) throw new Error(`cannot make ${PER_PROVINCE} from ${perProvince}`);
  const out = { ...real, id: `${real.id}-scale`, version: `${real.version}.scale`, themes: [], indicators: [], derived: [], charts: [] };
  for (let p = 1; p <= PROVINCES; p++) {
    const rn = (id) => `${id}-p${p}`;
    const place = (text) => ({ vi: `${text.vi} · tỉnh ${p}`, en: `${text.en} · province ${p}` });
    for (const t of real.themes) out.themes.push({ ...t, id: rn(t.id), label: place(t.label) });
    const indicator = (i) => ({
      ...i,
      id: rn(i.id),
      theme: rn(i.theme),
      ...(i.chart ? { chart: rn(i.chart) } : {}),
      ...(i.previous ? { previous: rn(i.previous) } : {}),
    });
    for (const i of real.indicators) out.indicators.push(indicator(i));
    // Copies without chart or comparison links, so the charts keep their real series.
    for (const i of real.indicators.slice(0, extra)) {
      const { chart, previous, ...plain } = indicator(i);
      out.indicators.push({ ...plain, id: rn(`${i.id}-copy`), label: { vi: `${i.label.vi} (bản sao)`, en: `${i.label.en} (copy)` } });
    }
    for (const d of real.derived) {
      const formula = Object.fromEntries(Object.entries(d.formula).map(([k, v]) => [k, k === 'op' ? v : rn(v)]));
      out.derived.push({ ...d, id: rn(d.id), theme: rn(d.theme), formula, ...(d.chart ? { chart: rn(d.chart) } : {}) });
    }
    for (const c of real.charts) {
      out.charts.push({
        ...c, id: rn(c.id), theme: rn(c.theme), title: place(c.title), series: c.series.map(rn),
        ...(c.whole ? { whole: rn(c.whole) } : {}),
      });
    }
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = path.resolve(process.argv[2] || path.join(root, 'target', 'scale-data'));
  fs.mkdirSync(dir, { recursive: true });
  fs.cpSync(path.join(root, 'data', 'sources'), path.join(dir, 'sources'), { recursive: true });
  const real = JSON.parse(fs.readFileSync(path.join(root, 'data', 'bac-giang.json'), 'utf8'));
  const scaled = scaleDataset(real);
  const file = path.join(dir, 'scale.json');
  fs.writeFileSync(file, JSON.stringify(scaled, null, 1));
  console.log(`${file}: ${PROVINCES} provinces × ${PER_PROVINCE} indicators = ${scaled.indicators.length + scaled.derived.length}, `
    + `${scaled.charts.length} charts, ${scaled.themes.length} themes, ${(fs.statSync(file).size / 1024).toFixed(0)} KB`);
}
