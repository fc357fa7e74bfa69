//! Mounts the app; nothing else.

fn main() {
    bac_giang_economy::web::log_panics();
    bac_giang_economy::web::after_first_paint(|| {
        leptos::mount::mount_to_body(bac_giang_economy::components::App)
    });
}
