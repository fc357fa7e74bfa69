//! Mounts the downloads and embed code of one card or chart (`export.html`); nothing else. A
//! wasm of its own: readers of the dashboard load these tools only when they use them.

fn main() {
    bac_giang_economy::web::log_panics();
    bac_giang_economy::web::after_first_paint(|| {
        leptos::mount::mount_to_body(bac_giang_economy::components::export_page)
    });
}
