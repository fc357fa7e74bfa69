//! Mounts the dashboard; nothing else. (Embeds have their own entry, `src/bin/embed.rs`.)

#[cfg(target_arch = "wasm32")]
use bac_giang_economy::{components, web};

#[cfg(target_arch = "wasm32")]
fn main() {
    web::log_panics();
    web::after_first_paint(|| {
        // The release build wrote the dashboard into the page: attach to it. The dev loop's
        // page has none: render it. (The release build's wasm then carries no code to render
        // the whole page afresh: −N KB gzip.)
        if cfg!(page = "dashboard") || web::has_built_content() {
            leptos::mount::hydrate_body(components::dashboard_page)
        } else {
            leptos::mount::mount_to_body(components::dashboard_page)
        }
    });
}

/// Natively there is nothing to mount: the build renders the dashboard (`src/bin/prerender.rs`).
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
