// scripts/minify-names.mjs: the wasm's imports and exports get short names in the wasm and in
// the glue alike, and the renamed pair still runs. Run with `node --test tests/scripts/`.
import test from 'node:test';
import assert from 'node:assert/strict';
import { renameGlue, renameWasm, shortName } from '../../scripts/minify-names.mjs';

const MODULE = './app_bg.js';

// A module importing `imports` (each () -> i32) from MODULE, exporting a memory, a function
// per name in `exports` (each returns the sum of every import's result) and a custom section.
function moduleWith(imports, exports) {
  const name = (s) => [s.length, ...Buffer.from(s)];
  const section = (id, body) => [id, body.length, ...body];
  const bytes = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  bytes.push(...section(1, [1, 0x60, 0, 1, 0x7f])); // type 0: () -> i32
  const importSection = [imports.length];
  for (const field of imports) importSection.push(...name(MODULE), ...name(field), 0, 0);
  bytes.push(...section(2, importSection));
  bytes.push(...section(3, [exports.length, ...exports.map(() => 0)]));
  bytes.push(...section(5, [1, 0, 1])); // one memory of one page
  const exportSection = [exports.length + 1, ...name('memory'), 2, 0];
  exports.forEach((field, i) => exportSection.push(...name(field), 0, imports.length + i));
  bytes.push(...section(7, exportSection));
  // Each body: call every import, add the results.
  const body = [0];
  imports.forEach((_, i) => body.push(0x10, i, ...(i ? [0x6a] : [])));
  body.push(0x0b);
  bytes.push(...section(10, [exports.length, ...exports.flatMap(() => [body.length, ...body])]));
  bytes.push(...section(0, [...name('producers'), 1, 2, 3]));
  return Buffer.from(bytes);
}

test('shortName counts in letters: a … Z, then two letters', () => {
  assert.deepEqual([0, 1, 25, 26, 51, 52, 53].map(shortName), ['a', 'b', 'z', 'A', 'Z', 'aa', 'ab']);
  const names = new Set(Array.from({ length: 3000 }, (_, i) => shortName(i)));
  assert.equal(names.size, 3000);
  for (const n of names) assert.match(n, /^[a-zA-Z]+$/);
});

const glue = `function __wbg_get_imports() {
    const import0 = {
        __proto__: null,
        __wbg_one_0123456789abcdef: function() { return 1; },
        __wbg_two_fedcba9876543210: function() { return 2; },
    };
    return { __proto__: null, "${MODULE}": import0 };
}
function run_h1(a) { return wasm.run_h1(a); }
export function total() { return wasm.total() + run_h1(0) * 0; }
export const pages = () => wasm.memory.buffer.byteLength / 65536;
`;

test('renamed wasm and glue still run together; the custom section is gone', async () => {
  const input = moduleWith(['__wbg_one_0123456789abcdef', '__wbg_two_fedcba9876543210'], ['total', 'run_h1']);
  const renamed = renameWasm(input);
  assert.equal(renamed.oldModule, MODULE);
  assert.deepEqual([...renamed.imports.values()], ['a', 'b']);
  assert.deepEqual([...renamed.exports], [['total', 'a'], ['run_h1', 'b']]);
  assert.ok(renamed.bytes.length < input.length);
  const module = new WebAssembly.Module(renamed.bytes);
  assert.deepEqual(WebAssembly.Module.customSections(module, 'producers'), []);
  assert.deepEqual(WebAssembly.Module.exports(module).map((e) => e.name), ['memory', 'a', 'b']);

  const text = renameGlue(glue, renamed);
  assert.ok(!/__wbg_one|__wbg_two|\.\/app_bg\.js|wasm\.total|wasm\.run_h1/.test(text), text);
  assert.match(text, /function run_h1\(a\) \{ return wasm\.b\(a\); \}/); // the glue's own name stays
  // Evaluate the glue as a module body: hand its imports to the renamed wasm, call through it.
  const glueModule = new Function(`let wasm; ${text.replace(/export /g, '')}
    return { imports: __wbg_get_imports, bind: (w) => { wasm = w; }, total, pages };`)();
  const instance = await WebAssembly.instantiate(module, glueModule.imports());
  glueModule.bind(instance.exports);
  assert.equal(glueModule.total(), 3);
  assert.equal(glueModule.pages(), 1);
});

test('an import missing from the glue fails with its name', () => {
  const renamed = renameWasm(moduleWith(['__wbg_one_0123456789abcdef', '__wbg_three_aaaaaaaaaaaaaaaa'], ['total']));
  assert.throws(() => renameGlue(glue, renamed), /import "__wbg_three_aaaaaaaaaaaaaaaa" is a key of the glue 0 times/);
});

test('an export the glue reaches other than as wasm.<name> fails', () => {
  const renamed = renameWasm(moduleWith(['__wbg_one_0123456789abcdef', '__wbg_two_fedcba9876543210'], ['total']));
  assert.throws(() => renameGlue(`${glue}\nconst f = wasm['total'];`, renamed), /still uses total as a property or string/);
});

test('imports from a second module are refused', () => {
  const bytes = moduleWith(['__wbg_one_0123456789abcdef', '__wbg_two_fedcba9876543210'], ['total']);
  // Rename the second import's module in place (same length): './app_bg.js' -> './xyz_bg.js'.
  const at = bytes.lastIndexOf(Buffer.from(MODULE));
  Buffer.from('./xyz_bg.js').copy(bytes, at);
  assert.throws(() => renameWasm(bytes), /imports from "\.\/app_bg\.js" and "\.\/xyz_bg\.js"/);
});

test('renameWasm refuses what is not wasm', () => {
  assert.throws(() => renameWasm(Buffer.from('not a wasm module')), /not a wasm module/);
});
