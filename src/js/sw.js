// Service worker: the app offline after one visit. scripts/post-build.mjs fills in the build's
// files and a version hashed from their contents, and writes it as sw.js at the app's root
// (its scope). Any changed file changes this script, which is how browsers notice an update.
const VERSION = '__VERSION__';
const FILES = __FILES__;
// Files kept once used rather than precached: the embeds' and the export page's own page and
// files (a reader of the dashboard never needs them; a page seen once online opens offline
// after).
const ON_USE = __ON_USE__;
// Folders whose files are all kept once used: the items' own pages, images and oEmbed data.
const ON_USE_DIRS = __ON_USE_DIRS__;
// Files whose names carry a hash of their content.
const HASHED = new Set(__HASHED__);
const PREFIX = 'bac-giang-';
const CACHE = PREFIX + VERSION;
const scope = self.registration.scope;
const urls = new Set(FILES.map((f) => new URL(f, scope).href));
const onUse = new Set(ON_USE.map((f) => new URL(f, scope).href));
const onUseDirs = ON_USE_DIRS.map((d) => new URL(d, scope).href);

self.addEventListener('install', (event) => {
  // Files with a content hash in their name may come from the HTTP cache (the page has just
  // loaded them); the others bypass it ('reload'), so the precache holds this build's bytes.
  const request = (file) => new Request(new URL(file, scope), { cache: HASHED.has(file) ? 'default' : 'reload' });
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES.map(request))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

// The page asks for this when the reader accepts the update notice.
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  url.hash = '';
  // The query only selects a view (?lang=, embed.html?id=…): same file.
  url.search = '';
  // A folder's address is its index.html (the app's root, en/).
  if (url.pathname.endsWith('/')) url.pathname += 'index.html';
  const keep = onUse.has(url.href) || onUseDirs.some((d) => url.href.startsWith(d));
  if (!urls.has(url.href) && !keep) return;
  event.respondWith(caches.open(CACHE).then(async (cache) => {
    const hit = await cache.match(url.href);
    if (hit) return hit;
    let response;
    try {
      response = await fetch(request);
    } catch (e) {
      // Offline, a page never opened online: a readable page instead of the browser's error.
      if (request.mode === 'navigate') return notYetOffline();
      throw e;
    }
    // A full cache must not fail the request.
    if (keep && response.ok) event.waitUntil(cache.put(url.href, response.clone()).catch(() => {}));
    return response;
  }));
});

// Both languages: the page that knows the reader's choice is the one that could not load.
function notYetOffline() {
  const body = '<!doctype html><html lang=vi><meta charset=utf-8><link rel=icon href="data:,">'
    + '<meta name=viewport content="width=device-width,initial-scale=1"><title>Bắc Giang · offline</title>'
    + '<p class=load-error role=alert><span lang=vi>Trang này cần kết nối mạng trong lần mở đầu tiên.</span> · '
    + '<span lang=en>This page needs a connection the first time it is opened.</span></p>'
    + `<p><a href="${new URL('index.html', scope).href}">Bảng số liệu · The dashboard</a></p>`;
  // 200: the page is the answer (the browser would not show an error status's body any better).
  return new Response(body, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } });
}
