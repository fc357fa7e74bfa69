// scripts/fast-strings.mjs: the glue's string reader gives exactly what TextDecoder gives, for
// ASCII, non-ASCII, empty and long strings alike. Run with `node --test tests/scripts/`.
import test from 'node:test';
import assert from 'node:assert/strict';
import { FAST, ORIGINAL, fastStrings } from '../../scripts/fast-strings.mjs';

// The function as the glue defines it, over a memory of our own.
function reader(source, memory) {
  return new Function('memory', `
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    const decodeText = (bytes) => decoder.decode(bytes);
    const getUint8ArrayMemory0 = () => memory;
    ${source}
    return getStringFromWasm0;`)(memory);
}

test('the fast reader returns what the decoder returns', () => {
  const texts = ['', 'class', 'aria-haspopup', 'rgba(11,92,173,1)', 'x'.repeat(32), 'y'.repeat(33),
    'Nhúng', 'Bắc Giang', 'Tăng trưởng GRDP năm 2023', '\u007f\u0000', 'a'.repeat(31) + 'é', '2.474,8 ha'];
  const encoded = texts.map((t) => new TextEncoder().encode(t));
  const memory = new Uint8Array(7 + encoded.reduce((n, e) => n + e.length, 0));
  const places = [];
  let at = 7; // not at 0: the reader must honour the pointer
  for (const e of encoded) { memory.set(e, at); places.push([at, e.length]); at += e.length; }
  const fast = reader(FAST, memory);
  const original = reader(ORIGINAL, memory);
  places.forEach(([ptr, len], i) => {
    assert.equal(fast(ptr, len), texts[i]);
    assert.equal(fast(ptr, len), original(ptr, len));
  });
});

test('fastStrings replaces the function once, and refuses a glue written differently', () => {
  const glue = `let a = 1;\n${ORIGINAL}\nlet b = 2;\n`;
  assert.equal(fastStrings(glue), `let a = 1;\n${FAST}\nlet b = 2;\n`);
  assert.throws(() => fastStrings(glue.replace('ptr >>> 0', 'ptr | 0')), /found 0 times/);
  assert.throws(() => fastStrings(glue + ORIGINAL), /found 2 times/);
});
