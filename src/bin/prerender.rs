//! Prints the dashboard's content as plain HTML in Vietnamese (the page's default language)
//! for the post-build hook to put in `index.html`; with the argument `embed` or `export`, what
//! `embed.html` or `export.html` shows without JavaScript; with `items <dir>`, every item's
//! page content and social card image (see `src/prerender/`).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use bac_giang_economy::{dataset, model::Lang, prerender, BUILD};
    match std::env::args().nth(1).as_deref() {
        Some("embed") => print!("{}", prerender::embed_fallback()),
        Some("export") => print!("{}", prerender::export_fallback()),
        // `items <dir> [<site address>]`: writes the social card images into <dir>, prints the
        // item pages as JSON.
        Some("items") => {
            let dir = std::env::args()
                .nth(2)
                .expect("usage: prerender items <dir> [<site address>]");
            let site = std::env::args().nth(3).unwrap_or_default();
            let path = std::path::Path::new(&dir);
            let (items, dashboard) = prerender::write_share_files(dataset(), BUILD, path, &site)
                .unwrap_or_else(|e| panic!("cannot write the share files into {dir}: {e}"));
            let json = serde_json::json!({ "items": items, "dashboard": dashboard });
            print!("{json}");
        }
        _ => print!("{}", prerender::html(dataset(), BUILD, Lang::Vi)),
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
