//! Prints the dashboard's content as plain HTML in Vietnamese (the page's default language)
//! for the post-build hook to put in `index.html`. See `src/prerender.rs`.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use bac_giang_economy::{dataset, model::Lang, prerender, BUILD};
    print!("{}", prerender::html(dataset(), BUILD, Lang::Vi));
}

#[cfg(target_arch = "wasm32")]
fn main() {}
