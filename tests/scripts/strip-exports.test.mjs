// scripts/strip-exports.mjs: the unused wasm-bindgen classes leave the glue and the wasm, and
// nothing else does. Run with `node --test tests/scripts/`.
import test from 'node:test';
import assert from 'node:assert/strict';
import { dropExports, stripGlue, wasmOptArgs } from '../../scripts/strip-exports.mjs';

// A module with one function exported under three names (what wasm-bindgen's exports look
// like to the export section).
function moduleWithExports(names) {
  const bytes = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  bytes.push(1, 4, 1, 0x60, 0, 0); // type section: () -> ()
  bytes.push(3, 2, 1, 0); // function section: one function of type 0
  const exports = [names.length];
  for (const name of names) exports.push(name.length, ...Buffer.from(name), 0, 0);
  bytes.push(7, exports.length, ...exports);
  bytes.push(10, 4, 1, 2, 0, 0x0b); // code section: an empty body
  return Buffer.from(bytes);
}

test('dropExports removes only the chosen exports, and the module stays valid', () => {
  const input = moduleWithExports(['main', 'intounderlyingsink_write', '__wbg_intounderlyingsink_free']);
  const [out, dropped] = dropExports(input, (n) => /^(__wbg_)?intounderlyingsink_/.test(n));
  assert.deepEqual(dropped, ['intounderlyingsink_write', '__wbg_intounderlyingsink_free']);
  const names = WebAssembly.Module.exports(new WebAssembly.Module(out)).map((e) => e.name);
  assert.deepEqual(names, ['main']);
});

test('dropExports refuses what is not wasm', () => {
  assert.throws(() => dropExports(Buffer.from('not a wasm module'), () => true), /not a wasm module/);
});

const glue = `/* @ts-self-types="./app.d.ts" */

export class IntoUnderlyingSink {
    free() {
        const ptr = this.__destroy_into_raw();
        wasm.__wbg_intounderlyingsink_free(ptr, 0);
    }
    write(chunk) {
        return wasm.intounderlyingsink_write(this.__wbg_ptr, chunk);
    }
}
if (Symbol.dispose) IntoUnderlyingSink.prototype[Symbol.dispose] = IntoUnderlyingSink.prototype.free;

export function start() {
    wasm.main();
}
const IntoUnderlyingSinkFinalization = (typeof FinalizationRegistry === 'undefined')
    ? { register: () => {}, unregister: () => {} }
    : new FinalizationRegistry(ptr => wasm.__wbg_intounderlyingsink_free(ptr, 1));
const keep = 1;
`;

test('stripGlue removes a class, its dispose hook and its finalizer, and keeps the rest', () => {
  const [text, found] = stripGlue(glue, ['IntoUnderlyingSink', 'IntoUnderlyingSource']);
  assert.deepEqual(found, ['intounderlyingsink']);
  assert.ok(!/IntoUnderlying|intounderlying/.test(text), text);
  assert.match(text, /export function start\(\) \{\n    wasm\.main\(\);\n\}/);
  assert.match(text, /const keep = 1;/);
});

test('stripGlue fails loudly when the class is still used elsewhere', () => {
  const used = `${glue}export function sink() { return new IntoUnderlyingSink(); }\n`;
  assert.throws(() => stripGlue(used, ['IntoUnderlyingSink']), /still refers to IntoUnderlyingSink/);
});

test('wasm-opt gets the level and flags index.html gives Trunk', () => {
  const html = '<link data-trunk rel="rust" data-bin="x" data-wasm-opt="s" data-type="main"\n data-wasm-opt-params="--converge --enable-bulk-memory">';
  assert.deepEqual(wasmOptArgs(html), ['-Os', '--converge', '--enable-bulk-memory']);
  assert.throws(() => wasmOptArgs('<link data-trunk rel="rust">'), /no data-wasm-opt/);
});
