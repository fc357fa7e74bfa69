//! Thin Leptos views over the model; logic lives in `format`, `i18n` and `charts`.

mod app;
mod chart_card;
mod chart_view;
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
mod needs_script;
mod scheme_toggle;
mod share_button;
mod source_note;
mod theme_filter;
mod theme_section;

pub use app::{
    dashboard, dashboard_of, dashboard_page, embed_hydrates, embed_page, export_page, item_page,
    App, Page,
};
pub use chart_card::ChartCard;
pub use chart_view::ChartView;
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
pub use needs_script::NeedsScript;
pub use scheme_toggle::SchemeToggle;
pub use share_button::ShareButton;
pub use source_note::SourceNote;
pub use theme_filter::ThemeFilter;
pub use theme_section::ThemeSection;

use crate::i18n::{self, Msg};
use crate::model::{Dataset, Indicator, Lang, Scheme, Text};
use leptos::prelude::*;

/// State shared by every component, provided once by [`App`].
#[derive(Clone, Copy)]
pub struct AppContext {
    pub data: &'static Dataset,
    pub lang: RwSignal<Lang>,
    /// The selected theme id; None shows every theme.
    pub filter: RwSignal<Option<String>>,
    /// The indicator whose detail dialog is open.
    pub open: RwSignal<Option<String>>,
    /// Charts shown as data tables instead of drawings.
    pub tables: RwSignal<Vec<String>>,
    /// The requested colour scheme; `dark` is what it resolves to on this system.
    pub scheme: RwSignal<Scheme>,
    pub dark: RwSignal<bool>,
    /// Whether the page is being printed (every chart must be drawn, in light colours).
    pub printing: RwSignal<bool>,
    /// Draw without a background (transparent embeds).
    pub transparent: bool,
    /// Counts finished chart drawings on the embed page, which waits for the first one before
    /// reporting its height (`EmbedView`); the dashboard does not count.
    pub drawn: RwSignal<u32>,
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

/// The app's shared state. Not `expect_context`: its panic message formats the type's name
/// with `Debug`, which brings `str`'s escaping code into the wasm (−4.6 KB gzip).
pub fn use_app() -> AppContext {
    use_context::<AppContext>().expect("components run inside App, which provides AppContext")
}

/// `Effect::new` with the closure boxed: Leptos compiles an effect's machinery once per
/// closure type, so the app's effects share one copy (−1.2 KB gzip).
pub fn effect(run: impl FnMut(Option<()>) + 'static) {
    Effect::new(Box::new(run) as Box<dyn FnMut(Option<()>)>);
}

/// DOM id of an indicator's card, to return focus to it.
pub fn card_dom_id(indicator: &str) -> String {
    format!("card-{indicator}")
}

/// The outcome of a "copy" button: not tried yet (None, or reset), copied, or refused by the
/// browser.
#[derive(Clone, Copy, Default)]
pub struct CopyStatus(RwSignal<Option<bool>>);

impl CopyStatus {
    /// Back to "not tried" (the thing to copy changed).
    pub fn reset(&self) {
        self.0.set(None);
    }

    pub fn record(&self, copied: bool) {
        self.0.set(Some(copied));
    }

    /// Whether the last try was refused (the text is then offered for copying by hand).
    pub fn refused(&self) -> bool {
        self.0.get() == Some(false)
    }

    /// The status line: empty until tried, then `done` or `refused`, in the current language.
    pub fn message(
        self,
        lang: RwSignal<Lang>,
        done: fn(Lang) -> &'static str,
        refused: fn(Lang) -> &'static str,
    ) -> impl Fn() -> &'static str + Send + Sync + 'static {
        move || match self.0.get() {
            None => "",
            Some(true) => done(lang.get()),
            Some(false) => refused(lang.get()),
        }
    }
}

// Reactive text helpers: the few shapes every view uses to show something in the current
// language, so components read as markup rather than closures.

/// `aria-pressed` (or `aria-expanded`) that follows `on`.
pub fn pressed(
    on: impl Fn() -> bool + Send + Sync + 'static,
) -> impl Fn() -> &'static str + Send + Sync + 'static {
    move || if on() { "true" } else { "false" }
}

/// A `lang` attribute that follows the language. The dashboard's parts carry their own, so
/// that `<html lang>` can follow a switch when the browser is idle: changing it restyles
/// every element of the page, changing a part's restyles that part (see `ThemeSection`).
pub fn lang_attr(lang: RwSignal<Lang>) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    move || lang.get().code()
}

/// A text from the data, in the current language.
pub fn local(
    lang: RwSignal<Lang>,
    text: &'static Text,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    move || text.get(lang.get())
}

/// An interface word, in the current language.
pub fn word(
    lang: RwSignal<Lang>,
    msg: Msg,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    move || i18n::t(lang.get(), msg)
}

/// A line computed from an indicator, in the current language.
pub fn line(
    lang: RwSignal<Lang>,
    ind: &'static Indicator,
    compose: fn(&'static Indicator, Lang) -> String,
) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    move || compose(ind, lang.get())
}

/// A paragraph that exists only when `compose` has something to say. Whether it does depends
/// on the data, not the language (a comparison, a rank, a formula), so the paragraph is
/// decided once and only its text follows the language.
pub fn optional_line(
    lang: RwSignal<Lang>,
    ind: &'static Indicator,
    class: &'static str,
    compose: fn(&'static Indicator, Lang) -> Option<String>,
) -> Option<impl IntoView> {
    compose(ind, lang.get_untracked())?;
    let text = move || compose(ind, lang.get()).unwrap_or_default();
    Some(view! { <p class=class>{text}</p> })
}

/// Text widths as the browser's canvas measures them, estimated where it cannot.
pub fn text_width() -> impl Fn(&str, f64, bool) -> f64 {
    let measure = crate::web::text_measure(crate::charts::FONT_FAMILY);
    move |text, size, bold| {
        measure(text, size, bold)
            .unwrap_or_else(|| crate::charts::estimate_text_width(text, size, bold))
    }
}
