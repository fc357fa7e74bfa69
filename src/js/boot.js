// What the page runs besides the wasm. scripts/post-build.mjs fills in the wasm's name and
// appends this, in a block of its own, to the wasm-bindgen glue: one module file (not inline:
// the CSP forbids inline scripts), one request, one compressed stream. `__wbg_init` is the
// glue's. It starts the wasm app, then offers offline use through the service worker (sw.js).
// This stays in JavaScript: a service-worker client in Rust would cost the wasm more.

const root = document.documentElement;
const say = (vi, en) => (root.lang === 'en' ? en : vi);

// A panic stops the wasm where it happens (a trap: release builds abort at once, without a
// message); the reader then gets a bilingual banner with a link that reloads the same view
// instead of a page that silently stopped answering. Plain DOM: the app's state can no longer
// be trusted. A trap in an event handler or a frame callback arrives as an uncaught error.
const crashed = (e) => {
  if (!(e instanceof WebAssembly.RuntimeError) || document.getElementById('crash-banner')) return;
  const banner = document.createElement('div');
  banner.id = banner.className = 'crash-banner';
  banner.setAttribute('role', 'alert');
  const text = document.createElement('p');
  text.textContent = 'Đã xảy ra lỗi — hãy tải lại trang. · Something went wrong — please reload the page.';
  const reload = document.createElement('a');
  reload.href = location.href;
  reload.textContent = 'Tải lại · Reload';
  banner.append(text, reload);
  document.body.prepend(banner);
};
addEventListener('error', (e) => crashed(e.error));
addEventListener('unhandledrejection', (e) => crashed(e.reason));

// The service worker starts once the app runs, so its precaching never competes with the
// first load. The one-file copy starts the app from the bytes it carries (scripts/offline.mjs).
if (root.dataset.view !== 'offline') __wbg_init({ module_or_path: './__WASM__' }).then((wasm) => {
  // Read-only diagnostics for the memory test (and curious readers): the wasm heap in bytes.
  globalThis.bacGiangWasmBytes = () => wasm.memory.buffer.byteLength;
  registerWorker();
}, (e) => {
  console.error('Bắc Giang app failed to start:', e);
  const p = document.createElement('p');
  p.className = 'load-error';
  p.setAttribute('role', 'alert');
  // Both languages: the app that knows the reader's choice did not start.
  p.textContent = 'Không tải được ứng dụng — hãy tải lại trang. · The app could not load — please reload the page.';
  document.body.prepend(p);
});

// Reading navigator.serviceWorker throws in sandboxed frames; register() rejects on file://,
// in some private windows and with storage blocked. The app then works online as before.
// Embeds do not register it: installing would precache the whole dashboard for a reader of
// an article. (Where the dashboard's worker is already installed, it serves embeds too.)
let sw;
function registerWorker() {
  if (root.dataset.view === 'embed') return;
  try {
    sw = navigator.serviceWorker;
  } catch (e) {
    return;
  }
  if (sw && location.protocol !== 'file:') {
    sw.register('./sw.js').then(watch, (e) => console.info('Offline use unavailable here:', e.message));
  }
}

function watch(reg) {
  let reloading = false;
  sw.addEventListener('controllerchange', () => {
    if (reloading) location.reload();
  });
  const offer = (worker) => {
    // Without a controller this is the first install, not an update; one notice is enough.
    if (!sw.controller || document.querySelector('.update-notice')) return;
    const box = document.createElement('div');
    box.className = 'update-notice';
    box.setAttribute('role', 'status');
    const text = document.createElement('p');
    const reload = document.createElement('button');
    const later = document.createElement('button');
    reload.type = later.type = 'button';
    reload.className = 'update-reload';
    later.className = 'update-later';
    const label = () => {
      text.textContent = say('Đã có phiên bản mới của bảng số liệu.', 'A new version of the dashboard is ready.');
      reload.textContent = say('Tải lại', 'Reload');
      later.textContent = '×';
      later.setAttribute('aria-label', say('Để sau', 'Later'));
    };
    reload.addEventListener('click', () => {
      reloading = true;
      reload.disabled = true;
      worker.postMessage('skip-waiting');
    });
    later.addEventListener('click', () => box.remove());
    box.append(text, reload, later);
    document.body.append(box);
    // Filled after insertion so screen readers announce it; follows the language switch.
    setTimeout(label, 50);
    new MutationObserver(label).observe(root, { attributes: true, attributeFilter: ['lang'] });
  };
  if (reg.waiting) offer(reg.waiting);
  reg.addEventListener('updatefound', () => {
    const worker = reg.installing;
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed') offer(worker);
    });
  });
  // Background checks: hourly, when the page is shown again and when the network returns.
  const check = () => {
    if (navigator.onLine) reg.update().catch(() => {});
  };
  setInterval(check, 3600e3);
  addEventListener('online', check);
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden) check();
  });
}
