// Writes `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip format, compressed by zopfli)
// beside every text or wasm file of a build, for hosts that serve pre-compressed files (nginx
// `gzip_static`/`brotli_static`, Caddy `precompressed`, scripts/serve.mjs; see README
// "Deploying"). A copy is kept only when it is smaller than the file.
//
// zopfli writes ordinary gzip streams (any client inflates them) 3–5 % smaller than zlib's
// level 9, at ~100× the time: ~2 s for the wasm, once per release build. The size check and the
// benchmark count these `.gz` files: they are what a gzip client is sent.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { gzipAsync } from '@gfx/zopfli';

export const COMPRESSIBLE = /\.(html|js|mjs|css|wasm|svg|json|webmanifest|txt)$/;

/// The smallest gzip stream of `body` this build can make (zopfli, 15 iterations: more buys a
/// few dozen bytes of the wasm for seconds more).
export async function gzipBest(body) {
  return Buffer.from(await gzipAsync(body, { numiterations: 15 }));
}

export const ENCODINGS = [
  { name: 'br', ext: '.br', compress: async (b) => zlib.brotliCompressSync(b, { params: {
    [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: b.length } }) },
  { name: 'gzip', ext: '.gz', compress: gzipBest },
];

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]);
}

/// Writes one file's compressed copies; returns how many were kept.
export async function precompressFile(file) {
  const body = fs.readFileSync(file);
  let written = 0;
  for (const { ext, compress } of ENCODINGS) {
    const packed = await compress(body);
    if (packed.length < body.length) {
      fs.writeFileSync(file + ext, packed);
      written++;
    } else {
      fs.rmSync(file + ext, { force: true });
    }
  }
  return written;
}

export async function precompress(dir) {
  let written = 0;
  for (const file of walk(dir).filter((f) => COMPRESSIBLE.test(f))) written += await precompressFile(file);
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] || 'dist';
  console.log(`precompress: ${await precompress(dir)} files written in ${dir}`);
}
