//! Thin Leptos views over the model; logic lives in `format`, `i18n` and `charts`.

mod app;
mod chart_card;
mod chart_view;
mod detail_dialog;
mod header;
mod indicator_card;
mod theme_filter;
mod theme_section;

pub use app::App;
pub use chart_card::ChartCard;
pub use chart_view::ChartView;
pub use detail_dialog::DetailDialog;
pub use header::Header;
pub use indicator_card::IndicatorCard;
pub use theme_filter::ThemeFilter;
pub use theme_section::ThemeSection;

use crate::i18n::{self, Msg};
use crate::model::{Dataset, Indicator, Lang, Text};
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
    pub dark: RwSignal<bool>,
}

pub fn use_app() -> AppContext {
    expect_context::<AppContext>()
}

/// DOM id of an indicator's card, to return focus to it.
pub fn card_dom_id(indicator: &str) -> String {
    format!("card-{indicator}")
}

// Reactive text helpers: the few shapes every view uses to show something in the current
// language, so components read as markup rather than closures.

/// A text from the data, in the current language.
pub fn local(
    lang: RwSignal<Lang>,
    text: &'static Text,
) -> impl Fn() -> &'static str + Copy + Send + Sync {
    move || text.get(lang.get())
}

/// An interface word, in the current language.
pub fn word(lang: RwSignal<Lang>, msg: Msg) -> impl Fn() -> &'static str + Copy + Send + Sync {
    move || i18n::t(lang.get(), msg)
}

/// A line computed from an indicator, in the current language.
pub fn line(
    lang: RwSignal<Lang>,
    ind: &'static Indicator,
    compose: fn(&'static Indicator, Lang) -> String,
) -> impl Fn() -> String + Copy + Send + Sync {
    move || compose(ind, lang.get())
}

/// A paragraph that exists only when `compose` has something to say.
pub fn optional_line(
    lang: RwSignal<Lang>,
    ind: &'static Indicator,
    class: &'static str,
    compose: fn(&'static Indicator, Lang) -> Option<String>,
) -> impl Fn() -> Option<AnyView> + Send + Sync {
    move || compose(ind, lang.get()).map(|text| view! { <p class=class>{text}</p> }.into_any())
}
