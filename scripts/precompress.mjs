// Writes `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip -9) beside every text or wasm
// file of a build, for hosts that serve pre-compressed files (nginx `gzip_static`/`brotli_static`,
// Caddy `precompressed`, scripts/serve.mjs; see README "Deploying"). A copy is kept only when it
// is smaller than the file.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export const COMPRESSIBLE = /\.(html|js|mjs|css|wasm|svg|json|webmanifest|txt)$/;
export const ENCODINGS = [
  { name: 'br', ext: '.br', compress: (b) => zlib.brotliCompressSync(b, { params: {
    [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: b.length } }) },
  { name: 'gzip', ext: '.gz', compress: (b) => zlib.gzipSync(b, { level: 9 }) },
];

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]);
}

export function precompress(dir) {
  let written = 0;
  for (const file of walk(dir).filter((f) => COMPRESSIBLE.test(f))) {
    const body = fs.readFileSync(file);
    for (const { ext, compress } of ENCODINGS) {
      const packed = compress(body);
      if (packed.length < body.length) {
        fs.writeFileSync(file + ext, packed);
        written++;
      } else {
        fs.rmSync(file + ext, { force: true });
      }
    }
  }
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] || 'dist';
  console.log(`precompress: ${precompress(dir)} files written in ${dir}`);
}
