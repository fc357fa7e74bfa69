// Gives the wasm's imports and exports short names, in the wasm and in its JS glue alike, and
// drops the wasm's custom sections (producers, target features: the browser reads neither).
//
// Why: wasm-bindgen names each of the ~200 functions the wasm imports from the glue like
// `__wbg_appendChild_dbf7ad2f48413560`, under the module name `./bac-giang-economy_bg.js`,
// and both files carry every name: 12 KB raw of import section in the wasm, 8 KB in the glue,
// and the 16 hex digits of each name do not compress. terser cannot shorten them (they are
// object keys the wasm looks up by name); this does, for both files at once.
//
// Each step checks what it found — every import name is one key of the glue's import object,
// every renamed export is used as `wasm.name` and nowhere else — so a wasm-bindgen that
// changes the glue's shape fails the build with a message instead of shipping a glue that
// hands the wasm a missing import.
import fs from 'node:fs';
import path from 'node:path';
import { readLeb, leb } from './strip-exports.mjs';

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The `i`-th short name: a … Z, aa, ab, … (letters only: valid keys and property names). */
export function shortName(i) {
  let name = '';
  for (i += 1; i > 0; i = Math.floor((i - 1) / LETTERS.length)) name = LETTERS[(i - 1) % LETTERS.length] + name;
  return name;
}

function readName(bytes, at) {
  const [length, start] = readLeb(bytes, at);
  return [bytes.subarray(start, start + length).toString('utf8'), start + length];
}

const nameBytes = (name) => Buffer.concat([Buffer.from(leb(Buffer.byteLength(name))), Buffer.from(name)]);
const section = (id, body) => Buffer.concat([Buffer.from([id, ...leb(body.length)]), body]);

// An import's description after its kind byte: its length in bytes.
function skipImportDesc(bytes, kind, at) {
  const limits = (p) => {
    const flags = bytes[p];
    [, p] = readLeb(bytes, p + 1);
    if (flags & 1) [, p] = readLeb(bytes, p);
    return p;
  };
  switch (kind) {
    case 0: return readLeb(bytes, at)[1]; // function: type index
    case 1: return limits(at + 1); // table: element type, limits
    case 2: return limits(at); // memory: limits
    case 3: return at + 2; // global: value type, mutability
    case 4: return readLeb(bytes, at + 1)[1]; // tag: attribute, type index
    default: throw new Error(`minify-names: unknown import kind ${kind}`);
  }
}

/**
 * The module with every import and every export not in `keep` renamed, and no custom
 * sections. Every import must come from one module (the glue). Returns { bytes, oldModule,
 * module (its new name), imports, exports } with the renamings as Maps from old name to new.
 */
export function renameWasm(bytes, keep = ['memory']) {
  if (bytes.readUInt32LE(0) !== 0x6d736100) throw new Error('minify-names: not a wasm module');
  const parts = [bytes.subarray(0, 8)];
  const imports = new Map();
  const exports = new Map();
  const newModule = 'a';
  let module = null;
  let exportCount = 0;
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, body] = readLeb(bytes, at + 1);
    const end = body + size;
    if (id === 0) {
      at = end; // custom section: dropped
      continue;
    }
    if (id !== 2 && id !== 7) {
      parts.push(bytes.subarray(at, end));
      at = end;
      continue;
    }
    let [count, p] = readLeb(bytes, body);
    const entries = [Buffer.from(leb(count))];
    for (let i = 0; i < count; i++) {
      if (id === 2) {
        const [from, fieldAt] = readName(bytes, p);
        const [field, kindAt] = readName(bytes, fieldAt);
        const next = skipImportDesc(bytes, bytes[kindAt], kindAt + 1);
        module ??= from;
        if (from !== module) throw new Error(`minify-names: imports from "${module}" and "${from}": expected one module, the glue`);
        if (imports.has(field)) throw new Error(`minify-names: "${field}" imported twice`);
        imports.set(field, shortName(imports.size));
        entries.push(nameBytes(newModule), nameBytes(imports.get(field)), bytes.subarray(kindAt, next));
        p = next;
      } else {
        const [name, kindAt] = readName(bytes, p);
        const [, next] = readLeb(bytes, kindAt + 1);
        let renamed = name;
        if (!keep.includes(name)) {
          do renamed = shortName(exportCount++);
          while (keep.includes(renamed));
          exports.set(name, renamed);
        }
        entries.push(nameBytes(renamed), bytes.subarray(kindAt, next));
        p = next;
      }
    }
    if (p !== end) throw new Error(`minify-names: section ${id} not read to its end`);
    parts.push(section(id, Buffer.concat(entries)));
    at = end;
  }
  return { bytes: Buffer.concat(parts), oldModule: module, module: newModule, imports, exports };
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The glue with the same renamings: the import object's module key and each import's key,
 * and each `wasm.<export>`. Throws when a name is not found exactly where expected.
 */
export function renameGlue(text, { oldModule, module, imports, exports }) {
  const moduleKey = new RegExp(`(["'])${escape(oldModule)}\\1:`, 'g');
  const moduleKeys = text.match(moduleKey)?.length ?? 0;
  if (moduleKeys !== 1) throw new Error(`minify-names: the glue names its import module "${oldModule}" ${moduleKeys} times, not once`);
  text = text.replace(moduleKey, `"${module}":`);
  for (const [name, short] of imports) {
    const key = new RegExp(`(?<![\\w$.])${escape(name)}(?=\\s*:)`, 'g');
    const found = text.match(key)?.length ?? 0;
    if (found !== 1) throw new Error(`minify-names: import "${name}" is a key of the glue ${found} times, not once`);
    text = text.replace(key, short);
  }
  for (const [name, short] of exports) {
    text = text.replace(new RegExp(`(?<=\\bwasm\\.)${escape(name)}(?![\\w$])`, 'g'), short);
  }
  // Left as a property or a string, an old name would be looked up and missed at run time.
  // (As a JS name — the glue has functions named like the exports they call — it is the
  // glue's own, which terser shortens.)
  const left = [...imports.keys(), ...exports.keys()].filter((name) => new RegExp(`[.'"\`]${escape(name)}(?![\\w$])|(?<![\\w$])${escape(name)}\\s*:`).test(text));
  if (left.length) throw new Error(`minify-names: the glue still uses ${left.slice(0, 5).join(', ')} as a property or string after renaming`);
  return text;
}

/** Renames in the glue and wasm files in `dir`; returns the raw bytes saved, for the log. */
export function minifyNames(dir, glue, wasm) {
  const gluePath = path.join(dir, glue);
  const wasmPath = path.join(dir, wasm);
  const before = fs.readFileSync(wasmPath);
  const glueText = fs.readFileSync(gluePath, 'utf8');
  const renamed = renameWasm(before);
  const text = renameGlue(glueText, renamed);
  fs.writeFileSync(wasmPath, renamed.bytes);
  fs.writeFileSync(gluePath, text);
  return before.length - renamed.bytes.length + glueText.length - text.length;
}
