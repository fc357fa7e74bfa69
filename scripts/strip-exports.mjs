// Removes wasm-bindgen classes the app never uses from a release build: their JS in the glue,
// their exports in the wasm, then (through wasm-opt, with the flags index.html gives Trunk) the
// code only those exports reached.
//
// Why: Leptos 0.8 turns on `server_fn`'s `browser` feature whatever the app's features are, and
// with it wasm-streams exports the classes `IntoUnderlyingSource`, `IntoUnderlyingByteSource`
// and `IntoUnderlyingSink` through wasm-bindgen. A client-side app without server functions
// never creates them, but exports are roots: the linker and wasm-opt must keep them and
// everything they call (~5 KB of wasm and ~3 KB of glue, raw).
//
// Each step checks what it found, so a new wasm-bindgen or Leptos that changes the shape fails
// the build with a message instead of shipping a glue that calls a missing export.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

/** The classes removed, as wasm-bindgen names them in the glue. */
export const UNUSED_CLASSES = ['IntoUnderlyingByteSource', 'IntoUnderlyingSink', 'IntoUnderlyingSource'];

/**
 * The glue without the classes' code; throws when a class is not found as expected or is still
 * referenced afterwards. Returns [text, lower-case names whose wasm exports go].
 */
export function stripGlue(text, classes = UNUSED_CLASSES) {
  const found = [];
  for (const name of classes) {
    const before = text;
    // `export class Name { … }` ends at the first `}` at the start of a line.
    text = text.replace(new RegExp(`^export class ${name} \\{\\n[\\s\\S]*?^\\}\\n`, 'm'), '');
    text = text.replace(new RegExp(`^if \\(Symbol\\.dispose\\) ${name}\\.prototype\\[Symbol\\.dispose\\] = ${name}\\.prototype\\.free;\\n`, 'm'), '');
    text = text.replace(new RegExp(`^const ${name}Finalization = [\\s\\S]*?;\\n`, 'm'), '');
    if (text === before) continue; // not in this build (a Leptos without wasm-streams)
    found.push(name.toLowerCase());
  }
  const left = classes.filter((name) => new RegExp(`\\b${name}\\b|wasm\\.(__wbg_)?${name.toLowerCase()}_`).test(text));
  if (left.length) throw new Error(`strip-exports: the glue still refers to ${left.join(', ')} after removing its class`);
  return [text, found];
}

export function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

export function leb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return out;
}

/**
 * The wasm module without the exports whose names `drop(name)` picks; returns [bytes, names
 * dropped]. Only the export section changes: wasm-opt removes what is unreachable afterwards.
 */
export function dropExports(bytes, drop) {
  if (bytes.readUInt32LE(0) !== 0x6d736100) throw new Error('strip-exports: not a wasm module');
  const parts = [bytes.subarray(0, 8)];
  const dropped = [];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, body] = readLeb(bytes, at + 1);
    const end = body + size;
    if (id !== 7) {
      parts.push(bytes.subarray(at, end));
      at = end;
      continue;
    }
    let [count, p] = readLeb(bytes, body);
    const kept = [];
    for (let i = 0; i < count; i++) {
      const start = p;
      const [length, nameAt] = readLeb(bytes, p);
      const name = bytes.subarray(nameAt, nameAt + length).toString('utf8');
      [, p] = readLeb(bytes, nameAt + length + 1); // kind byte, then the index
      if (drop(name)) dropped.push(name);
      else kept.push(bytes.subarray(start, p));
    }
    if (p !== end) throw new Error('strip-exports: export section not read to its end');
    const section = Buffer.concat([Buffer.from(leb(kept.length)), ...kept]);
    parts.push(Buffer.from([7, ...leb(section.length)]), section);
    at = end;
  }
  return [Buffer.concat(parts), dropped];
}

/** wasm-opt's level and flags for the app, as `index.html` gives them to Trunk. */
export function wasmOptArgs(indexHtml) {
  const link = indexHtml.match(/<link data-trunk rel="rust"[^>]*>/)?.[0] ?? '';
  const level = link.match(/data-wasm-opt="([^"]+)"/)?.[1];
  const params = link.match(/data-wasm-opt-params="([^"]+)"/)?.[1];
  if (!level || !params) throw new Error('strip-exports: no data-wasm-opt / data-wasm-opt-params on the rust link in index.html');
  return [`-O${level}`, ...params.split(/\s+/)];
}

/**
 * Strips the unused classes from the glue and wasm files in `dir` (file names as in the page);
 * returns the bytes saved, raw, for the build log.
 */
export function stripUnusedExports(dir, glue, wasm, root) {
  const gluePath = path.join(dir, glue);
  const wasmPath = path.join(dir, wasm);
  const glueText = fs.readFileSync(gluePath, 'utf8');
  const [stripped, classes] = stripGlue(glueText);
  if (!classes.length) return 0;
  const before = fs.readFileSync(wasmPath);
  const pattern = new RegExp(`^(__wbg_)?(${classes.join('|')})_`);
  const [bytes, dropped] = dropExports(before, (name) => pattern.test(name));
  if (!dropped.length) throw new Error(`strip-exports: the glue had ${classes.join(', ')} but the wasm exports none of them`);
  fs.writeFileSync(wasmPath, bytes);
  const args = wasmOptArgs(fs.readFileSync(path.join(root, 'index.html'), 'utf8'));
  execFileSync('wasm-opt', [...args, wasmPath, '-o', wasmPath], { stdio: 'inherit' });
  fs.writeFileSync(gluePath, stripped);
  return before.length - fs.statSync(wasmPath).size + glueText.length - stripped.length;
}
