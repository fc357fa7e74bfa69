//! Bắc Giang's economy as sourced, bilingual indicator cards and charts.
//!
//! Data flows one way: `data/*.json` (validated by `build.rs`) → [`model`] → [`format`] /
//! [`i18n`] → [`charts`] → `components` → `main.rs`.

pub mod model;
pub mod format;
pub mod i18n;
pub mod charts;
pub mod components;
pub mod web;

use model::Dataset;

/// The dataset compiled into this build (validated by `build.rs`, so loading cannot fail).
pub const EMBEDDED_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/dataset.json"));

/// The embedded dataset, parsed once on first use.
pub fn dataset() -> &'static Dataset {
    static DATA: std::sync::OnceLock<Dataset> = std::sync::OnceLock::new();
    DATA.get_or_init(embedded_dataset)
}

/// Parses the embedded dataset. Prefer [`dataset`], which parses only once.
pub fn embedded_dataset() -> Dataset {
    match model::load("dataset.json", EMBEDDED_JSON, None) {
        Ok(d) => d,
        Err(e) => panic!("embedded dataset failed validation after build: {e}"),
    }
}
