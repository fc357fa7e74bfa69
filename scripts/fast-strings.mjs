// Builds short ASCII strings the wasm hands to JS in the glue itself, instead of through a
// TextDecoder call.
//
// Why: wasm-bindgen decodes every string with `TextDecoder.decode` on a fresh subarray, about
// 4 µs a call on the benchmark machine, and a cold load of the dashboard passes ~5,400 strings
// — tag, attribute and class names, event names, colours — nearly all short ASCII. Measured
// (decode time per load, three loads each): 18–26 ms → 9–15 ms unthrottled. Non-ASCII or long
// strings still go to the decoder; for ASCII both give the same string.
//
// The function replaced is matched exactly, so a wasm-bindgen that writes it differently fails
// the build with a message instead of silently losing the change.

export const ORIGINAL = `function getStringFromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    return decodeText(getUint8ArrayMemory0().subarray(ptr, ptr + len));
}`;

export const FAST = `function getStringFromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    const bytes = getUint8ArrayMemory0();
    if (len <= 32) {
        let text = '';
        for (let i = ptr, end = ptr + len; i < end; i++) {
            const byte = bytes[i];
            if (byte > 127) return decodeText(bytes.subarray(ptr, end));
            text += String.fromCharCode(byte);
        }
        return text;
    }
    return decodeText(bytes.subarray(ptr, ptr + len));
}`;

/** The glue with the fast string path; throws unless the original is found exactly once. */
export function fastStrings(glue) {
  const found = glue.split(ORIGINAL).length - 1;
  if (found !== 1) throw new Error(`fast-strings: wasm-bindgen's getStringFromWasm0 found ${found} times in the glue, expected once as written in scripts/fast-strings.mjs`);
  return glue.replace(ORIGINAL, FAST);
}
