//! Prints the dashboard's content as plain HTML in Vietnamese (the page's default language)
//! for the post-build hook to put in `index.html`; with the argument `embed` or `export`, what
//! `embed.html` or `export.html` shows without JavaScript. See `src/prerender/`.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use bac_giang_economy::{dataset, model::Lang, prerender, BUILD};
    match std::env::args().nth(1).as_deref() {
        Some("embed") => print!("{}", prerender::embed_fallback()),
        Some("export") => print!("{}", prerender::export_fallback()),
        _ => print!("{}", prerender::html(dataset(), BUILD, Lang::Vi)),
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
