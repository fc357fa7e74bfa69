// Minimal static file server for the release build, on 127.0.0.1 only.
// Usage: node scripts/serve.mjs [dir] [port]  (port 0 picks a free one; prints the URL)
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { ENCODINGS } from './precompress.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.txt': 'text/plain; charset=utf-8', '.webmanifest': 'application/manifest+json',
};

// The strict policy README recommends to hosts; every page of the app runs under it.
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";

// Sandboxed embeds (iframe sandbox without allow-same-origin) have an opaque origin, so their
// module scripts and wasm are cross-origin CORS requests: they need Access-Control-Allow-Origin.
const BASE_HEADERS = {
  'content-security-policy': CSP,
  'access-control-allow-origin': '*',
  'x-content-type-options': 'nosniff',
};

// The pre-compressed copy of `file` (scripts/precompress.mjs) the client accepts, brotli first;
// only one at least as new as the file, so a file changed after the build is served as it is.
function precompressed(file, acceptEncoding) {
  const accepted = new Set(acceptEncoding.split(',').map((e) => e.split(';')[0].trim()));
  let original;
  try { original = fs.statSync(file); } catch { return null; }
  return ENCODINGS.find(({ name, ext }) => {
    if (!accepted.has(name)) return false;
    try { return fs.statSync(file + ext).mtimeMs >= original.mtimeMs; } catch { return false; }
  }) || null;
}

export function startServer(root, port = 0, extraHeaders = () => ({})) {
  root = path.resolve(root);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    let file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    const packed = precompressed(file, req.headers['accept-encoding'] || '');
    fs.readFile(packed ? file + packed.ext : file, (err, body) => {
      if (err) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
      res.writeHead(200, {
        'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
        'cache-control': 'no-store',
        vary: 'accept-encoding',
        ...(packed ? { 'content-encoding': packed.name } : {}),
        ...BASE_HEADERS,
        ...extraHeaders(url),
      });
      res.end(body);
    });
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await startServer(process.argv[2] || 'dist', Number(process.argv[3] || 8080));
  console.log(`serving ${process.argv[2] || 'dist'} at http://127.0.0.1:${server.address().port}/`);
}
