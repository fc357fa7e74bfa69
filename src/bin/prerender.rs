//! The build's native step (run by the post-build hook): prints a page's content as HTML,
//! rendered by the app's components for the browser to hydrate (see `src/prerender/`).
//!
//! - `dashboard <vi|en> [offline]`: the dashboard in that language (`offline`: as the one-file
//!   copy shows it);
//! - `embed`, `export`: what `embed.html` and `export.html` show without JavaScript;
//! - `items <dir> [<site address>]`: writes every item's and the dashboard's social card image
//!   into `<dir>`, prints the item pages and the dashboard's share data as JSON.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use bac_giang_economy::{components::Page, dataset, model::Lang, prerender, BUILD};
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: prerender dashboard <vi|en> [offline] | embed | export | items <dir> [<site address>]";
    match args.first().map(String::as_str) {
        Some("dashboard") => {
            let lang = args
                .get(1)
                .and_then(|l| Lang::from_tag(l))
                .unwrap_or_else(|| panic!("{usage}"));
            let offline = match args.get(2).map(String::as_str) {
                None => false,
                Some("offline") => true,
                Some(_) => panic!("{usage}"),
            };
            print!("{}", prerender::dashboard(Page { lang, offline }));
        }
        Some("embed") => print!("{}", prerender::embed_fallback()),
        Some("export") => print!("{}", prerender::export_fallback()),
        Some("items") => {
            let dir = args.get(1).unwrap_or_else(|| panic!("{usage}"));
            let site = args.get(2).cloned().unwrap_or_default();
            let path = std::path::Path::new(dir);
            let (items, dashboard) = prerender::write_share_files(dataset(), BUILD, path, &site)
                .unwrap_or_else(|e| panic!("cannot write the share files into {dir}: {e}"));
            let json = serde_json::json!({ "items": items, "dashboard": dashboard });
            print!("{json}");
        }
        _ => panic!("{usage}"),
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
