//! Mounts one embedded card or chart (`embed.html`, and the item pages the build writes);
//! nothing else. A wasm of its own, without the dashboard's views, so an article's frame loads
//! less (README "Sharing and embedding").

#[cfg(target_arch = "wasm32")]
use bac_giang_economy::{components, web};

#[cfg(target_arch = "wasm32")]
fn main() {
    web::log_panics();
    web::after_first_paint(|| {
        if components::embed_hydrates() {
            leptos::mount::hydrate_body(components::embed_page)
        } else {
            leptos::mount::mount_to_body(components::embed_page)
        }
    });
}

/// Natively there is nothing to mount: the build renders the item pages (`src/bin/prerender.rs`).
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
