// scripts/short-debug-string.mjs: the short debugString keeps what a panic message needs (an
// error's name, message and stack; a string quoted; other values as String writes them) and
// never throws. Run with `node --test tests/scripts/`.
import test from 'node:test';
import assert from 'node:assert/strict';
import { ORIGINAL, SHORT, shortDebugString } from '../../scripts/short-debug-string.mjs';

const compile = (source) => new Function(`const toString = Object.prototype.toString; ${source} return debugString;`)();
const short = compile(SHORT);
const original = compile(ORIGINAL);

test('errors, strings and primitives read as in the original', () => {
  const error = new TypeError('Failed to execute appendChild');
  const dom = new DOMException('The node is not a child', 'NotFoundError');
  for (const value of [error, dom, 'a "quoted" text', 42, -0.5, true, undefined]) {
    assert.equal(short(value), original(value), String(value));
  }
  assert.match(short(error), /^TypeError: Failed to execute appendChild\n.*short-debug-string/s);
});

test('other values are written without throwing', () => {
  assert.equal(short(null), 'null');
  assert.equal(short(10n), '10');
  assert.equal(short(Symbol('s')), 'Symbol(s)');
  assert.equal(short([1, 'a']), '1,a');
  assert.equal(short({ a: 1 }), '[object Object]');
  assert.equal(short(Object.create(null)), 'object', 'no toString: its type');
  assert.equal(short({ toString() { throw new Error('no'); } }), 'object');
});

test('shortDebugString replaces the function once, and refuses a glue written differently', () => {
  const glue = `let a = 1;\n${ORIGINAL}let b = 2;\n`;
  assert.equal(shortDebugString(glue), `let a = 1;\n${SHORT}let b = 2;\n`);
  assert.throws(() => shortDebugString(glue.replace("case 'bigint'", "case 'BigInt'")), /found 0 times/);
  assert.throws(() => shortDebugString(glue + ORIGINAL), /found 2 times/);
});
