//! Thin Leptos views over the model; logic lives in `format`, `i18n` and `charts`.

mod app;
mod chart_card;
mod chart_view;
mod coded;
mod dashboard;
mod data_table;
mod detail_dialog;
mod downloads;
mod embed_view;
mod export_link;
mod export_view;
mod header;
mod indicator_card;
mod modal;
mod scheme_toggle;
mod share_button;
mod source_note;
mod theme_filter;
mod theme_section;

pub use app::{dashboard_page, embed_page, export_page, App};
pub use chart_card::ChartCard;
pub use chart_view::ChartView;
pub use coded::{Code, Coded};
pub use dashboard::Dashboard;
pub use data_table::DataTable;
pub use detail_dialog::DetailDialog;
pub use downloads::Downloads;
pub use embed_view::EmbedView;
pub use export_link::ExportLink;
pub use export_view::ExportView;
pub use header::Header;
pub use indicator_card::IndicatorCard;
pub use modal::Modal;
pub use scheme_toggle::SchemeToggle;
pub use share_button::ShareButton;
pub use source_note::SourceNote;
pub use theme_filter::ThemeFilter;
pub use theme_section::ThemeSection;

use crate::embed::Scheme;
use crate::i18n::{self, Msg};
use crate::model::{Dataset, Indicator, Lang, Text};
use leptos::prelude::*;

/// State shared by every component, provided once by [`App`].
#[derive(Clone, Copy)]
pub struct AppContext {
    pub data: &'static Dataset,
    pub lang: Coded<Lang>,
    /// The selected theme id; None shows every theme.
    pub filter: RwSignal<Option<String>>,
    /// The indicator whose detail dialog is open.
    pub open: RwSignal<Option<String>>,
    /// Charts shown as data tables instead of drawings.
    pub tables: RwSignal<Vec<String>>,
    /// The requested colour scheme; `dark` is what it resolves to on this system.
    pub scheme: Coded<Scheme>,
    pub dark: Coded<bool>,
    /// Whether the page is being printed (every chart must be drawn, in light colours).
    pub printing: Coded<bool>,
    /// Draw without a background (transparent embeds).
    pub transparent: bool,
    /// Counts finished chart drawings on the embed page, which waits for the first one before
    /// reporting its height (`EmbedView`); the dashboard does not count.
    pub drawn: Coded<u32>,
    /// Whether this is an embed: one card or chart, without dashboard controls. Read it
    /// through [`AppContext::embedded`].
    pub embed_page: bool,
    /// Whether this is the single-file offline copy (no embed codes: they would point at a
    /// file). Read it through [`AppContext::offline_copy`].
    pub offline_page: bool,
}

impl AppContext {
    /// Whether this is an embed. A release build makes each page's wasm on its own
    /// (`scripts/build-release.sh` sets `BAC_GIANG_PAGE`, which `build.rs` turns into
    /// `cfg(page = …)`), so the answer is known when compiling and the other page's branches
    /// leave the wasm: the embed's carries no downloads, detail or embed buttons.
    pub fn embedded(&self) -> bool {
        cfg!(page = "embed") || (!cfg!(page = "dashboard") && self.embed_page)
    }

    /// Whether this is the single-file offline copy (made from its own build of the app,
    /// `cfg(page = "offline")`, or, run by hand, from the dashboard's; never an embed's or the
    /// export page's).
    pub fn offline_copy(&self) -> bool {
        !cfg!(page = "embed")
            && !cfg!(page = "export")
            && (cfg!(page = "offline") || self.offline_page)
    }

    /// Whether charts offer their downloads in place: in the one-file copy, which has no
    /// export page. Known when compiling a release build, so only the copy's wasm carries them.
    pub fn inline_downloads(&self) -> bool {
        cfg!(page = "offline")
            || (!cfg!(any(page = "dashboard", page = "embed", page = "export"))
                && self.offline_page)
    }

    /// Whether cards and charts offer their embed code.
    pub fn can_embed(&self) -> bool {
        !self.embedded() && !self.offline_copy()
    }

    /// The view as the address holds it (see [`crate::view_state`]).
    pub fn view_state(&self) -> crate::view_state::ViewState {
        crate::view_state::ViewState {
            lang: Some(self.lang.get()),
            theme: self.filter.get(),
            card: self.open.get(),
            tables: self.tables.get(),
        }
    }

    /// Whether a dialog is open (the page behind it is then inert).
    pub fn dialog_open(&self) -> bool {
        self.open.get().is_some()
    }
}

/// The app's shared state. Not `expect_context`: its panic message formats the type name with
/// `Debug`, which kept `str`'s and `char`'s escaping code in the wasm and a formatted panic at
/// every call (−4.8 KB gzip).
pub fn use_app() -> AppContext {
    use_context::<AppContext>().expect("components run inside App, which provides AppContext")
}

/// DOM id of an indicator's card, to return focus to it.
pub fn card_dom_id(indicator: &str) -> String {
    format!("card-{indicator}")
}

/// An effect (see Leptos' `Effect::new`) whose closure is boxed: Leptos compiles an effect's
/// task once per closure type, ~1 KB each; boxed, all of the app's effects share one
/// (−2.4 KB gzip).
pub fn effect(run: impl FnMut(Option<()>) + 'static) {
    let run: Box<dyn FnMut(Option<()>)> = Box::new(run);
    Effect::new(run);
}

/// A click handler, boxed: Leptos compiles the code that attaches a handler once per closure
/// type; boxed, every click handler in the app shares it (−2.3 KB gzip).
pub fn clicked(
    handler: impl FnMut(web_sys::MouseEvent) + 'static,
) -> Box<dyn FnMut(web_sys::MouseEvent)> {
    Box::new(handler)
}

/// Any listener but a click's, as an attribute to spread on an element:
/// `<canvas {..listen("keydown", move |e| …)}>`. Leptos compiles the code that attaches a
/// handler once per event type and handler type; through a custom event (named at run time)
/// and one boxed handler type, the app's keyboard, pointer, focus and change listeners share
/// one copy. The handler gets the plain `Event` (`unchecked_ref` gives the specific kind).
/// (Clicks stay `on:click` with [`clicked`]: moved here as well, the 19 click sites' elements
/// each took a spread attribute type of their own, +0.5 KB.)
pub fn listen(event: &'static str, handler: impl FnMut(web_sys::Event) + 'static) -> Listener {
    let handler: Box<dyn FnMut(web_sys::Event)> = Box::new(handler);
    leptos::tachys::html::event::on(leptos::ev::Custom::new(event), handler)
}

/// What [`listen`] returns.
pub type Listener = leptos::tachys::html::event::On<
    leptos::ev::Custom<web_sys::Event>,
    Box<dyn FnMut(web_sys::Event)>,
>;

/// Shows `content()` at `place` (a parent element, and the child to insert before, or None for
/// the end), built anew each time what it reads changes and removed when it returns None. A
/// reactive slot (`{move || …}`) would also compile, per subtree type, the code that updates
/// the previous subtree in place, which a whole replacement never runs (−6.6 KB gzip for the
/// two dialogs, measured).
pub fn replaced<V: IntoView + 'static>(
    place: impl Fn() -> Option<(web_sys::Element, Option<web_sys::Node>)> + 'static,
    content: impl Fn() -> Option<V> + 'static,
) {
    use leptos::tachys::view::{Mountable, Render};
    let mut shown: Option<<View<V> as Render>::State> = None;
    effect(move |_| {
        let Some((parent, before)) = place() else {
            return;
        };
        let next = content();
        if let Some(mut old) = shown.take() {
            old.unmount();
        }
        shown = next.map(|view| {
            let mut state = view.into_view().build();
            state.mount(&parent, before.as_ref());
            state
        });
    });
}

/// The place for [`replaced`] at the end of `host`'s children.
pub fn at_end<E>(host: NodeRef<E>) -> impl Fn() -> Option<(web_sys::Element, Option<web_sys::Node>)>
where
    E: leptos::html::ElementType,
    E::Output: wasm_bindgen::JsCast + Clone + Into<web_sys::Element> + 'static,
{
    move || host.get().map(|el| (el.into(), None))
}

/// The outcome of a "copy" button: not tried yet (or reset), copied, or refused by the browser.
/// Two `bool` signals rather than one `Option<bool>`: each signal value type compiles its own
/// reactive code, and `bool` signals are in the app anyway.
#[derive(Clone, Copy, Default)]
pub struct CopyStatus {
    tried: Coded<bool>,
    copied: Coded<bool>,
}

impl CopyStatus {
    /// Back to "not tried" (the thing to copy changed).
    pub fn reset(&self) {
        self.tried.set(false);
    }

    pub fn record(&self, copied: bool) {
        self.copied.set(copied);
        self.tried.set(true);
    }

    /// Whether the last try was refused (the text is then offered for copying by hand).
    pub fn refused(&self) -> bool {
        self.tried.get() && !self.copied.get()
    }

    /// The status line: empty until tried, then `done` or `refused`, in the current language.
    pub fn message(
        self,
        lang: Coded<Lang>,
        done: fn(Lang) -> &'static str,
        refused: fn(Lang) -> &'static str,
    ) -> Live {
        live(move || {
            if !self.tried.get() {
                return String::new();
            }
            let text = if self.copied.get() { done } else { refused };
            text(lang.get()).to_string()
        })
    }
}

// Reactive text helpers: the few shapes every view uses to show something in the current
// language, so components read as markup rather than closures.

/// A text (or attribute value) that follows signals, the language mostly. Every reactive text
/// in the views has this one type: Leptos compiles its build and update code once per type,
/// and each closure is a type of its own (one boxed type for ~30 closures: −4.0 KB gzip).
pub type Live = Box<dyn Fn() -> String + Send + Sync>;

/// A reactive text.
pub fn live(text: impl Fn() -> String + Send + Sync + 'static) -> Live {
    Box::new(text)
}

/// A yes/no that follows signals (`hidden`, `inert`, `checked`): one type for all, as [`Live`].
pub type LiveFlag = Box<dyn Fn() -> bool + Send + Sync>;

/// A reactive yes/no.
pub fn live_flag(on: impl Fn() -> bool + Send + Sync + 'static) -> LiveFlag {
    Box::new(on)
}

/// `aria-pressed` (or `aria-expanded`) that follows `on`.
pub fn pressed(on: impl Fn() -> bool + Send + Sync + 'static) -> Live {
    live(move || on().to_string())
}

/// A `lang` attribute that follows the language. The dashboard's parts carry their own, so
/// that `<html lang>` can follow a switch when the browser is idle: changing it restyles
/// every element of the page, changing a part's restyles that part (see `ThemeSection`).
pub fn lang_attr(lang: Coded<Lang>) -> Live {
    live(move || lang.get().code().into())
}

/// A text from the data, in the current language.
pub fn local(lang: Coded<Lang>, text: &'static Text) -> Live {
    live(move || text.get(lang.get()).to_string())
}

/// An interface word, in the current language.
pub fn word(lang: Coded<Lang>, msg: Msg) -> Live {
    live(move || i18n::t(lang.get(), msg).to_string())
}

/// A line computed from an indicator, in the current language.
pub fn line(
    lang: Coded<Lang>,
    ind: &'static Indicator,
    compose: fn(&'static Indicator, Lang) -> String,
) -> Live {
    live(move || compose(ind, lang.get()))
}

/// A paragraph that exists only when `compose` has something to say. Whether it does depends
/// on the data, not the language (a comparison, a rank, a formula), so the paragraph is
/// decided once and only its text follows the language.
pub fn optional_line(
    lang: Coded<Lang>,
    ind: &'static Indicator,
    class: &'static str,
    compose: fn(&'static Indicator, Lang) -> Option<String>,
) -> Option<impl IntoView> {
    compose(ind, lang.get_untracked())?;
    let text = live(move || compose(ind, lang.get()).unwrap_or_default());
    Some(view! { <p class=class>{text}</p> })
}
