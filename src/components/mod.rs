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

use crate::model::{Dataset, Lang};
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
