//! Mounts the app; nothing else.

fn main() {
    bac_giang_economy::web::show_banner_on_panic();
    bac_giang_economy::web::after_first_paint(|| {
        leptos::mount::mount_to_body(bac_giang_economy::components::App)
    });
}
