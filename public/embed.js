/*! Bắc Giang economy embeds: sizes each <iframe data-bac-giang-embed> to its content, and
 * lets the page switch their language and colour scheme:
 *   bacGiangEmbeds.set({ lang: "vi" | "en", theme: "light" | "dark" | "auto" })  (either or both)
 * No dependencies, no inline styles (works under a strict CSP), safe to include twice.
 *
 * Messages (see README "Sharing and embedding"):
 *   embed → host: { type: "bac-giang-embed:height", v: 1, id: "<card or chart id>", height: <CSS px> }
 *   host → embed: { type: "bac-giang-embed:request-height" }  (asks for the height again)
 *   host → embed: { type: "bac-giang-embed:set", v: 1, lang?, theme? }  (what set() sends)
 *
 * A height is applied only to the iframe whose contentWindow sent it, and only when the
 * message's origin is the one that iframe was loaded from ("null" when it is sandboxed without
 * allow-same-origin). Anything else is ignored. */
(function () {
  'use strict';
  if (window.__bacGiangEmbeds) return;
  window.__bacGiangEmbeds = true;

  var HEIGHT = 'bac-giang-embed:height';
  var REQUEST = 'bac-giang-embed:request-height';
  var SET = 'bac-giang-embed:set';
  var LANGS = ['vi', 'en'];
  var THEMES = ['light', 'dark', 'auto'];
  // What the page last set: frames that load later (lazily, or added after) get it too.
  var settings = null;
  var SELECTOR = 'iframe[data-bac-giang-embed]';
  var MAX_HEIGHT = 10000;

  function expectedOrigin(frame) {
    var sandbox = frame.getAttribute('sandbox');
    if (sandbox !== null && !/(^|\s)allow-same-origin(\s|$)/i.test(sandbox)) return 'null';
    try {
      return new URL(frame.src, document.baseURI).origin;
    } catch (e) {
      return undefined;
    }
  }

  function prepare(frame) {
    // CSSOM writes are allowed under style-src 'self'; a style attribute would not be.
    frame.style.border = '0';
    frame.style.display = 'block';
    frame.style.width = '100%';
    frame.style.maxWidth = '100%';
  }

  function send(frame, message) {
    try {
      if (frame.contentWindow) frame.contentWindow.postMessage(message, '*');
    } catch (e) {
      /* a frame being removed */
    }
  }

  function ask(frame) {
    send(frame, { type: REQUEST });
    if (settings) send(frame, settings);
  }

  // Nothing secret is sent: '*' reaches sandboxed frames, whose origin is opaque.
  window.bacGiangEmbeds = {
    set: function (options) {
      var message = { type: SET, v: 1 };
      var o = options || {};
      if (o.lang !== undefined) {
        if (LANGS.indexOf(o.lang) < 0) throw new TypeError('bacGiangEmbeds.set: lang must be "vi" or "en"');
        message.lang = o.lang;
      }
      if (o.theme !== undefined) {
        if (THEMES.indexOf(o.theme) < 0) throw new TypeError('bacGiangEmbeds.set: theme must be "light", "dark" or "auto"');
        message.theme = o.theme;
      }
      if (message.lang === undefined && message.theme === undefined) return;
      // Frames loaded later get everything set so far.
      settings = settings || { type: SET, v: 1 };
      if (message.lang) settings.lang = message.lang;
      if (message.theme) settings.theme = message.theme;
      var frames = document.querySelectorAll(SELECTOR);
      for (var i = 0; i < frames.length; i++) send(frames[i], message);
    },
  };

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== HEIGHT || data.v !== 1) return;
    var height = data.height;
    if (typeof height !== 'number' || !isFinite(height) || height <= 0 || height > MAX_HEIGHT) return;
    var frames = document.querySelectorAll(SELECTOR);
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      if (event.origin !== expectedOrigin(frame)) return;
      prepare(frame);
      frame.style.height = Math.ceil(height) + 'px';
      return;
    }
  });

  function start() {
    var frames = document.querySelectorAll(SELECTOR);
    for (var i = 0; i < frames.length; i++) {
      prepare(frames[i]);
      // The embed may have posted its height before this script was listening.
      ask(frames[i]);
      frames[i].addEventListener('load', function (e) { ask(e.target); });
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
