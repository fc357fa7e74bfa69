// Replaces the glue's `debugString` (how a JS value is written into a Rust panic message, e.g.
// when Leptos unwraps a failed DOM call) with a few lines.
//
// Why: wasm-bindgen's version describes arrays, classes and plain objects in detail (~0.4 KB
// gzip of glue) for messages this app only shows if a browser call fails, which is a bug to
// report, not a path readers take. Errors, the likely values there, keep name, message and
// stack; other values are written with `String`.
//
// The function replaced is taken from wasm-bindgen 0.2.130's glue, matched exactly (as in
// scripts/fast-strings.mjs): a glue written differently fails the build with a message.
import fs from 'node:fs';

export const ORIGINAL = fs.readFileSync(new URL('./debug-string.original.js', import.meta.url), 'utf8');

export const SHORT = `function debugString(val) {
    try {
        if (val instanceof Error) return \`\${val.name}: \${val.message}\\n\${val.stack}\`;
        return typeof val === 'string' ? JSON.stringify(val) : String(val);
    } catch (_) {
        return typeof val;
    }
}
`;

/** The glue with the short `debugString`; throws unless the original is found exactly once. */
export function shortDebugString(glue) {
  const found = glue.split(ORIGINAL).length - 1;
  if (found !== 1) throw new Error(`short-debug-string: wasm-bindgen's debugString found ${found} times in the glue, expected once as written in scripts/debug-string.original.js`);
  return glue.replace(ORIGINAL, SHORT);
}
