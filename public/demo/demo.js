// The demo articles' own toggles: the host page switches its embeds' language and colour scheme
// through embed.js (bacGiangEmbeds.set), and its own colours with them. A file, not inline:
// the demo pages run under the strict CSP hosts are advised to use.
document.addEventListener('click', (event) => {
  const button = event.target.closest('[data-set-lang], [data-set-theme]');
  if (!button || !window.bacGiangEmbeds) return;
  const kind = button.dataset.setLang ? 'lang' : 'theme';
  const value = button.dataset.setLang || button.dataset.setTheme;
  window.bacGiangEmbeds.set({ [kind]: value });
  if (kind === 'theme') {
    if (value === 'auto') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = value;
  }
  for (const other of document.querySelectorAll(`[data-set-${kind}]`)) {
    other.setAttribute('aria-pressed', String(other === button));
  }
});
