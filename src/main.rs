//! Mounts the dashboard; nothing else. (Embeds have their own entry, `src/bin/embed.rs`.)

fn main() {
    bac_giang_economy::web::log_panics();
    bac_giang_economy::web::after_first_paint(|| {
        leptos::mount::mount_to_body(bac_giang_economy::components::dashboard_page)
    });
}
