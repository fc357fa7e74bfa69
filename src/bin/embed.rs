//! Mounts one embedded card or chart (`embed.html`); nothing else. A wasm of its own, without
//! the dashboard's views, so an article's frame loads less (README "Sharing and embedding").

fn main() {
    bac_giang_economy::web::log_panics();
    bac_giang_economy::web::after_first_paint(|| {
        leptos::mount::mount_to_body(bac_giang_economy::components::embed_page)
    });
}
