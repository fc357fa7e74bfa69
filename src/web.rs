//! The one place that touches the browser beyond the canvas: URL, storage, document
//! attributes, media queries, resize observation. Every call tolerates a hostile or
//! restricted environment (sandboxed iframes throw on storage access). Natively (the build
//! renders the components to HTML) there is no window: every call does nothing, as in a
//! browser that refuses it.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

const LANG_KEY: &str = "bac-giang.lang";
const SCHEME_KEY: &str = "bac-giang.scheme";

fn window() -> Option<web_sys::Window> {
    // wasm-bindgen's imports panic when called natively.
    if cfg!(target_arch = "wasm32") {
        web_sys::window()
    } else {
        None
    }
}

/// Replaces the address's query (keeping path and fragment) without reloading: a new history
/// entry with `push` (a new view: Back returns to the previous one), else in place.
pub fn set_query(query: &str, push: bool) {
    let Some(win) = window() else { return };
    let Ok(href) = win.location().href() else {
        return;
    };
    let Ok(url) = web_sys::Url::new(&href) else {
        return;
    };
    if url.search() == query {
        return;
    }
    url.set_search(query);
    if let Ok(history) = win.history() {
        let null = wasm_bindgen::JsValue::NULL;
        let _ = if push {
            history.push_state_with_url(&null, "", Some(&url.href()))
        } else {
            history.replace_state_with_url(&null, "", Some(&url.href()))
        };
    }
}

/// Calls `on_change` when Back or Forward changes the address. Lives as long as the page.
pub fn on_history_move(on_change: impl Fn() + 'static) {
    let Some(win) = window() else { return };
    let cb = Closure::<dyn Fn()>::new(on_change);
    let _ = win.add_event_listener_with_callback("popstate", cb.as_ref().unchecked_ref());
    cb.forget();
}

/// The current address, to share.
pub fn current_url() -> String {
    window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

fn storage() -> Option<web_sys::Storage> {
    // `local_storage()` throws (Err) in sandboxed frames and with storage blocked.
    window()?.local_storage().ok().flatten()
}

pub fn stored_lang() -> Option<String> {
    storage()?.get_item(LANG_KEY).ok().flatten()
}

pub fn store_lang(code: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(LANG_KEY, code);
    }
}

pub fn stored_scheme() -> Option<String> {
    storage()?.get_item(SCHEME_KEY).ok().flatten()
}

pub fn store_scheme(code: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(SCHEME_KEY, code);
    }
}

/// The browser's preferred languages, most preferred first.
pub fn browser_languages() -> Vec<String> {
    let Some(nav) = window().map(|w| w.navigator()) else {
        return Vec::new();
    };
    let mut langs: Vec<String> = nav
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    if langs.is_empty() {
        langs.extend(nav.language());
    }
    langs
}

pub fn set_document_language(code: &str, title: &str) {
    let Some(doc) = window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(root) = doc.document_element() {
        let _ = root.set_attribute("lang", code);
    }
    doc.set_title(title);
}

pub fn device_pixel_ratio() -> f64 {
    window()
        .map(|w| w.device_pixel_ratio())
        .filter(|r| r.is_finite() && *r > 0.0)
        .unwrap_or(1.0)
}

fn dark_query() -> Option<web_sys::MediaQueryList> {
    window()?
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
}

pub fn prefers_dark() -> bool {
    dark_query().is_some_and(|q| q.matches())
}

/// Calls `on_change` whenever the colour scheme preference flips. Lives as long as the page.
pub fn watch_dark_preference(on_change: impl Fn(bool) + 'static) {
    let Some(query) = dark_query() else { return };
    let cb = Closure::<dyn Fn(web_sys::MediaQueryListEvent)>::new(
        move |e: web_sys::MediaQueryListEvent| on_change(e.matches()),
    );
    let _ = query.add_event_listener_with_callback("change", cb.as_ref().unchecked_ref());
    cb.forget();
}

/// Observes an element's content width; disconnects when dropped.
pub struct WidthObserver {
    observer: web_sys::ResizeObserver,
    _callback: Closure<dyn Fn(js_sys::Array)>,
}

impl WidthObserver {
    pub fn new(target: &web_sys::Element, on_width: impl Fn(f64) + 'static) -> Option<Self> {
        let callback = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
            // A ResizeObserver reports ResizeObserverEntry objects only: no check needed (an
            // `instanceof` check is an import and code of its own).
            let entry = entries.get(0);
            if !entry.is_undefined() {
                on_width(
                    entry
                        .unchecked_into::<web_sys::ResizeObserverEntry>()
                        .content_rect()
                        .width(),
                );
            }
        });
        let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
        observer.observe(target);
        Some(WidthObserver {
            observer,
            _callback: callback,
        })
    }
}

impl Drop for WidthObserver {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Reports whether an element is on screen or, with `margin` ("100% 0px": one screen height
/// above and below), near it; disconnects when dropped. None where IntersectionObserver is
/// missing (treat the element as visible).
pub struct VisibilityObserver {
    observer: web_sys::IntersectionObserver,
    _callback: Closure<dyn Fn(js_sys::Array)>,
}

impl VisibilityObserver {
    pub fn new(
        target: &web_sys::Element,
        margin: &str,
        // Boxed: the observer's code is then compiled once, not once per caller.
        on_change: Box<dyn Fn(bool)>,
    ) -> Option<Self> {
        let callback = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
            // The last entry is the newest state of the one observed element.
            // (IntersectionObserverEntry objects only, as above.)
            if let Some(i) = entries.length().checked_sub(1) {
                let entry = entries
                    .get(i)
                    .unchecked_into::<web_sys::IntersectionObserverEntry>();
                on_change(entry.is_intersecting());
            }
        });
        let options = web_sys::IntersectionObserverInit::new();
        options.set_root_margin(margin);
        let observer = web_sys::IntersectionObserver::new_with_options(
            callback.as_ref().unchecked_ref(),
            &options,
        )
        .ok()?;
        observer.observe(target);
        Some(VisibilityObserver {
            observer,
            _callback: callback,
        })
    }
}

impl Drop for VisibilityObserver {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// A JavaScript function that calls `f` once. Every one-shot callback goes through this one
/// boxed type: wasm-bindgen compiles the shim JavaScript calls into once per closure type.
fn js_once(f: Box<dyn FnOnce()>) -> wasm_bindgen::JsValue {
    Closure::once_into_js(f)
}

/// Runs `f` before the browser's next paint (`requestAnimationFrame`).
pub fn next_frame(f: impl FnOnce() + 'static) {
    if let Some(w) = window() {
        let _ = w.request_animation_frame(js_once(Box::new(f)).unchecked_ref());
    }
}

/// Runs `f` once when the browser is idle (at the latest after a second), or after a short
/// delay where requestIdleCallback is missing (Safari).
pub fn when_idle(f: impl FnOnce() + 'static) {
    let Some(w) = window() else {
        return;
    };
    let callback = js_once(Box::new(f));
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(1000);
    if w.request_idle_callback_with_options(callback.unchecked_ref(), &options)
        .is_err()
    {
        let _ =
            w.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 50);
    }
}

/// Runs `f` once the page the build wrote has been painted and that paint reported, so the
/// app attaching to it does not delay the first paint. At once on a page without built content
/// (the dev loop, embeds) and in a page that is not being rendered (a background tab); after
/// 10 frames at most where the browser does not report paints.
pub fn after_first_paint(f: impl FnOnce() + 'static) {
    let rendered = has_built_content()
        && document().is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Visible);
    if !rendered || first_paint_reported() {
        return f();
    }
    poll_first_paint(Box::new(f), 0);
}

/// The elements the build rendered into `<body>` (the app's view; not its `<noscript>` or
/// scripts). None on a page without (the dev loop, `embed.html`, `export.html`).
fn built_content() -> Vec<web_sys::Element> {
    let Some(body) = document().and_then(|d| d.body()) else {
        return Vec::new();
    };
    let children = body.children();
    (0..children.length())
        .filter_map(|i| children.item(i))
        .filter(|el| !matches!(el.tag_name().as_str(), "NOSCRIPT" | "SCRIPT"))
        .collect()
}

/// Whether the build rendered this page's view into it (the app then hydrates it).
pub fn has_built_content() -> bool {
    !built_content().is_empty()
}

/// Removes what the build rendered, for a view that differs from it (an embed whose address
/// asks for another shape): the app then renders afresh.
pub fn remove_built_content() {
    for el in built_content() {
        el.remove();
    }
}

fn poll_first_paint(f: Box<dyn FnOnce()>, frames: u32) {
    let Some(w) = window() else {
        return f();
    };
    let next = js_once(Box::new(move || {
        if first_paint_reported() || frames >= 10 {
            f();
        } else {
            poll_first_paint(f, frames + 1);
        }
    }));
    let _ = w.request_animation_frame(next.unchecked_ref());
}

/// Whether the browser has reported the page's first contentful paint.
fn first_paint_reported() -> bool {
    window()
        .and_then(|w| w.performance())
        .is_none_or(|p| p.get_entries_by_name("first-contentful-paint").length() > 0)
}

/// Focuses the text field (`<textarea>` or `<input>`) with this DOM id and selects its text,
/// for copying by hand when the clipboard is denied.
pub fn select_by_id(id: &str) {
    let Some(el) = focus_by_id(id) else {
        return;
    };
    // `select()` is the same method on both kinds of field: one binding serves both (the ids
    // passed here are the app's own text fields).
    el.unchecked_into::<web_sys::HtmlInputElement>().select();
}

/// Focuses the first element matching `selector` inside `container` (an event's current
/// target, say).
pub fn focus_within(container: Option<web_sys::EventTarget>, selector: &str) {
    let found = container
        .map(|c| c.unchecked_into::<web_sys::Element>())
        .and_then(|c| c.query_selector(selector).ok().flatten())
        .map(|el| el.unchecked_into::<web_sys::HtmlElement>());
    if let Some(el) = found {
        let _ = el.focus();
    }
}

/// Focuses the element with this id, if it exists; gives the element back.
pub fn focus_by_id(id: &str) -> Option<web_sys::Element> {
    let el = window()?.document()?.get_element_by_id(id)?;
    // The app's ids name HTML elements (`focus` is the same method on any focusable one).
    let _ = el.unchecked_ref::<web_sys::HtmlElement>().focus();
    Some(el)
}

/// Measures text in `family` as the canvas will draw it (same font shorthand as
/// plotters-canvas), so charts lay out with exact widths and without touching the DOM; None
/// where the browser cannot (no canvas). One shared canvas that is not in the page: setting
/// the font of a canvas in the page makes the browser bring the page's style up to date first
/// (~30 ms after a language switch restyles every element).
pub fn text_measure(family: &'static str) -> impl Fn(&str, f64, bool) -> Option<f64> {
    move |text: &str, size: f64, bold: bool| {
        TEXT_MEASURER.with_borrow_mut(|measurer| {
            if measurer.is_none() {
                *measurer = TextMeasurer::new();
            }
            measurer.as_mut()?.width(text, family, size, bold)
        })
    }
}

struct TextMeasurer {
    context: web_sys::CanvasRenderingContext2d,
    /// The font last set (family, size bits, bold): setting it again is not free.
    font: (&'static str, u64, bool),
}

thread_local! {
    static TEXT_MEASURER: std::cell::RefCell<Option<TextMeasurer>> = const { std::cell::RefCell::new(None) };
}

impl TextMeasurer {
    fn new() -> Option<Self> {
        let context = offscreen_canvas(1, 1)?
            .get_context("2d")
            .ok()??
            .unchecked_into::<web_sys::CanvasRenderingContext2d>();
        Some(Self {
            context,
            font: ("", 0, false),
        })
    }

    fn width(&mut self, text: &str, family: &'static str, size: f64, bold: bool) -> Option<f64> {
        let font = (family, size.to_bits(), bold);
        if self.font != font {
            let weight = if bold { "bold" } else { "normal" };
            self.context
                .set_font(&format!("{weight} {size}px {family}"));
            self.font = font;
        }
        self.context.measure_text(text).ok().map(|m| m.width())
    }
}

fn document() -> Option<web_sys::Document> {
    window()?.document()
}

/// Whether this page is `embed.html` (marked `data-view=embed` by the post-build hook).
pub fn is_embed_page() -> bool {
    page_view_is("embed")
}

/// Whether this page is `export.html` (an item's downloads and embed code; `data-view=export`).
pub fn is_export_page() -> bool {
    page_view_is("export")
}

/// Whether this is the single-file offline copy (`scripts/offline.mjs` marks it).
pub fn is_offline_copy() -> bool {
    page_view_is("offline")
}

fn page_view_is(view: &str) -> bool {
    document()
        .and_then(|d| d.document_element())
        .and_then(|root| root.get_attribute("data-view"))
        .is_some_and(|v| v == view)
}

/// The raw query string, `?…` or empty.
pub fn search() -> String {
    window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Sets (or removes) an attribute on `<html>`, where CSS reads the theme and background.
pub fn set_root_attribute(name: &str, value: Option<&str>) {
    let Some(root) = document().and_then(|d| d.document_element()) else {
        return;
    };
    let _ = match value {
        Some(v) => root.set_attribute(name, v),
        None => root.remove_attribute(name),
    };
}

/// Sets a CSS property through the CSSOM, which the strict CSP allows (a style attribute
/// would need 'unsafe-inline').
pub fn set_style_property(el: &web_sys::HtmlElement, name: &str, value: &str) {
    let _ = el.style().set_property(name, value);
}

/// The address of the app's folder (ending in `/`), for snippets that point back to it.
pub fn app_base_url() -> String {
    window()
        .and_then(|w| w.location().href().ok())
        .and_then(|href| web_sys::Url::new_with_base("./", &href).ok())
        .map(|u| {
            u.set_search("");
            u.set_hash("");
            u.href()
        })
        .unwrap_or_default()
}

/// Scrolls to the element named by the URL's `#fragment`, once the app has drawn it.
pub fn scroll_to_fragment() {
    let Some(hash) = window().and_then(|w| w.location().hash().ok()) else {
        return;
    };
    let id = hash.trim_start_matches('#');
    if let Some(el) = document().and_then(|d| d.get_element_by_id(id)) {
        el.scroll_into_view();
    }
}

/// The height of the page's content in CSS pixels (the root's box, not the viewport).
fn content_height() -> f64 {
    document()
        .and_then(|d| d.document_element())
        .map(|root| root.get_bounding_client_rect().height().ceil())
        .unwrap_or(0.0)
}

/// Posts `{type: kind, v: 1, id, height}` to the parent frame when the content height differs
/// from the last one posted (or always, with `force`). The height is not a secret, so any
/// parent may read it: the target origin is `*`.
pub fn post_height(kind: &str, id: &str, force: bool) {
    thread_local!(static LAST: std::cell::Cell<f64> = const { std::cell::Cell::new(-1.0) });
    let height = content_height();
    if !force && LAST.with(|l| l.get()) == height {
        return;
    }
    LAST.with(|l| l.set(height));
    let Some(parent) = window().and_then(|w| w.parent().ok().flatten()) else {
        return;
    };
    let message = js_sys::Object::new();
    for (key, value) in [
        ("type", wasm_bindgen::JsValue::from_str(kind)),
        ("v", 1.into()),
        ("id", id.into()),
        ("height", height.into()),
    ] {
        let _ = js_sys::Reflect::set(&message, &key.into(), &value);
    }
    let _ = parent.post_message(&message, "*");
}

/// A message from the parent frame, read field by field.
pub struct ParentMessage(wasm_bindgen::JsValue);

impl ParentMessage {
    /// A field: absent (None), or present as a string (`Some(Some(text))`) or as anything else
    /// (`Some(None)`).
    pub fn text(&self, key: &str) -> Option<Option<String>> {
        let value = js_sys::Reflect::get(&self.0, &key.into()).ok()?;
        (!value.is_undefined()).then(|| value.as_string())
    }

    pub fn number(&self, key: &str) -> Option<f64> {
        js_sys::Reflect::get(&self.0, &key.into()).ok()?.as_f64()
    }
}

/// Calls `on_message` when the parent frame sends an object message whose `type` is `kind`
/// (`embed.js` asks for the height again; a host page sets the language or scheme). Messages
/// from any other window, and anything but objects, are ignored.
pub fn on_parent_message(kind: &'static str, on_message: impl Fn(ParentMessage) + 'static) {
    let Some(win) = window() else { return };
    let cb = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        let from_parent = match (
            e.source(),
            web_sys::window().and_then(|w| w.parent().ok().flatten()),
        ) {
            (Some(source), Some(parent)) => js_sys::Object::is(&source, &parent),
            _ => false,
        };
        let data = e.data();
        if !from_parent || !data.is_object() {
            return;
        }
        let message = ParentMessage(data);
        if message.text("type") == Some(Some(kind.to_string())) {
            on_message(message);
        }
    });
    let _ = win.add_event_listener_with_callback("message", cb.as_ref().unchecked_ref());
    cb.forget();
}

/// The page's language as its `<html lang>` says.
pub fn page_lang() -> Option<String> {
    document()?.document_element()?.get_attribute("lang")
}

/// The language of the page as its `<html lang>` says, and the item it is about
/// (`data-item`): set on the item pages the build writes.
pub fn page_item() -> Option<(String, String)> {
    let root = document()?.document_element()?;
    Some((
        root.get_attribute("data-item")?,
        root.get_attribute("lang")?,
    ))
}

/// Calls `on_change(true)` before the page is printed and `on_change(false)` after.
pub fn on_print(on_change: impl Fn(bool) + 'static) {
    let Some(win) = window() else { return };
    let on_change = std::rc::Rc::new(on_change);
    for (event, printing) in [("beforeprint", true), ("afterprint", false)] {
        let on_change = on_change.clone();
        let cb = Closure::<dyn Fn()>::new(move || on_change(printing));
        let _ = win.add_event_listener_with_callback(event, cb.as_ref().unchecked_ref());
        cb.forget();
    }
    // The print media query also flips for print previews and emulated print media.
    if let Ok(Some(query)) = win.match_media("print") {
        let cb = Closure::<dyn Fn(web_sys::MediaQueryListEvent)>::new(
            move |e: web_sys::MediaQueryListEvent| on_change(e.matches()),
        );
        let _ = query.add_event_listener_with_callback("change", cb.as_ref().unchecked_ref());
        cb.forget();
    }
}

/// Calls `on_resize` on every window resize. Lives as long as the page.
pub fn on_window_resize(on_resize: impl Fn() + 'static) {
    let Some(win) = window() else { return };
    let cb = Closure::<dyn Fn()>::new(on_resize);
    let _ = win.add_event_listener_with_callback("resize", cb.as_ref().unchecked_ref());
    cb.forget();
}

/// Copies `text` to the clipboard and reports whether it worked. Sandboxed frames, insecure
/// pages and denied permissions report false, so the caller can select the text instead.
pub fn copy_text(text: &str, done: impl Fn(bool) + 'static) {
    let clipboard = window()
        .and_then(|w| js_sys::Reflect::get(&w.navigator(), &"clipboard".into()).ok())
        .filter(|c| !c.is_undefined() && !c.is_null())
        .map(|c| c.unchecked_into::<web_sys::Clipboard>());
    let Some(clipboard) = clipboard else {
        done(false);
        return;
    };
    let done = std::rc::Rc::new(done);
    let ok = {
        let done = done.clone();
        Closure::once(move |_: wasm_bindgen::JsValue| done(true))
    };
    let failed = Closure::once(move |_: wasm_bindgen::JsValue| done(false));
    let _ = clipboard.write_text(text).then2(&ok, &failed);
    ok.forget();
    failed.forget();
}

/// Saves `href` (an object or data URL) as a file named `name`, through a temporary link.
fn save_href(name: &str, href: &str) {
    let Some(doc) = document() else { return };
    let Some(link) = doc
        .create_element("a")
        .ok()
        .map(|e| e.unchecked_into::<web_sys::HtmlAnchorElement>())
    else {
        return;
    };
    link.set_href(href);
    link.set_download(name);
    link.click();
}

/// Saves `text` as a file (UTF-8). Works offline and from `file://`: nothing is fetched.
pub fn download_text(name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    save_href(name, &url);
    // The click only queues the download; a busy browser (a slow phone) may read the blob
    // seconds later, and a revoked URL makes the download fail. 40 s, as FileSaver.js waits.
    let revoke = Closure::once(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(win) = window() {
        let _ = win.set_timeout_with_callback_and_timeout_and_arguments_0(
            revoke.as_ref().unchecked_ref(),
            40_000,
        );
    }
    revoke.forget();
}

/// A canvas that is not in the page, `width` × `height` backing pixels (downloads).
pub fn offscreen_canvas(width: u32, height: u32) -> Option<web_sys::HtmlCanvasElement> {
    let canvas = document()?
        .create_element("canvas")
        .ok()?
        .unchecked_into::<web_sys::HtmlCanvasElement>();
    canvas.set_width(width);
    canvas.set_height(height);
    Some(canvas)
}

/// Saves a canvas as a PNG file.
pub fn download_png(name: &str, canvas: &web_sys::HtmlCanvasElement) {
    if let Ok(url) = canvas.to_data_url() {
        save_href(name, &url);
    }
}

/// Panic messages in the browser's console. The reader's "something went wrong" banner comes
/// from the boot script (`src/js/boot.js`), which sees the wasm stop (`panic = "abort"`).
pub fn log_panics() {
    std::panic::set_hook(Box::new(console_error_panic_hook::hook));
}

/// A deliberate panic for the end-to-end test of the banner, in builds with the `test-hooks`
/// feature only: `?test-panic` panics once the app is on screen.
#[cfg(feature = "test-hooks")]
pub fn test_panic_requested() -> bool {
    search().contains("test-panic")
}
