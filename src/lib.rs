//! Bắc Giang's economy as sourced, bilingual indicator cards and charts.
//!
//! Data flows one way: `data/*.json` (validated by `build.rs`) → [`model`] → [`format`] /
//! [`i18n`] → [`charts`] → `components` → `main.rs`.

pub mod charts;
pub mod components;
pub mod embed;
pub mod export;
pub mod format;
pub mod i18n;
pub mod model;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod view_state;
pub mod web;

use model::Dataset;

/// A first-fit free list (lol_alloc) instead of Rust's default dlmalloc: the smallest allocator
/// code measured (−0.8 KB gzip for talc, −0.5 KB more for this one). Its O(free blocks) search
/// did not show in the timings, at the real dataset's size or the 63 × 50 fixture's, and it
/// coalesces freed neighbours: wasm memory stays flat over 1,000 language switches (e2e test).
/// `AssumeSingleThreaded` holds because this wasm has no threads (no `atomics`).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

/// The dataset compiled into this build: `build.rs` validated the JSON and encoded it with
/// [`model::codec`], so the wasm carries no JSON parser.
const EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/dataset.bin"));

/// What readers need to tell one build from another (footer, embeds, the offline file).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BuildInfo {
    /// First 8 hex digits of the SHA-256 of the dataset's JSON file.
    pub data_hash: &'static str,
    /// UTC date of the build, YYYY-MM-DD (`$SOURCE_DATE_EPOCH` when set).
    pub date: &'static str,
}

pub const BUILD: BuildInfo = BuildInfo {
    data_hash: env!("BAC_GIANG_DATA_HASH"),
    date: env!("BAC_GIANG_BUILD_DATE"),
};

/// The embedded dataset, parsed once on first use.
pub fn dataset() -> &'static Dataset {
    static DATA: std::sync::OnceLock<Dataset> = std::sync::OnceLock::new();
    DATA.get_or_init(embedded_dataset)
}

/// Parses the embedded dataset. Prefer [`dataset`], which parses only once.
pub fn embedded_dataset() -> Dataset {
    match model::codec::decode(EMBEDDED) {
        Ok(d) => d,
        Err(e) => panic!("embedded dataset failed validation after build: {e}"),
    }
}
