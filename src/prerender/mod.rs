//! What only the build does: each page's view rendered to HTML by the app's own components
//! (Leptos's `ssr`, natively), which the browser then hydrates; the social card images, share
//! tags and oEmbed data of every card and chart. Run by the post-build hook through
//! `src/bin/prerender.rs`; not part of any wasm.

use crate::components::{self, Page};
use crate::embed::Target;
use crate::model::{Dataset, Lang};
use crate::BuildInfo;
use leptos::prelude::*;

#[cfg(not(target_arch = "wasm32"))]
pub mod social;

pub use crate::format::escape_html as escape;

/// A view as HTML, rendered natively under an owner of its own (the context it provides lives
/// as long as the rendering): what the browser's `hydrate` attaches to.
///
/// Leptos marks places in the HTML with empty comments written `<!>`, which the HTML standard
/// calls a parse error ("abrupt closing of empty comment"; browsers make it an empty comment).
/// Written `<!---->`, the same empty comment is valid HTML and parses to the same DOM. (Text
/// and attribute values are escaped, so `<!>` is only ever a marker.)
pub fn render<V: IntoView + 'static>(view: impl FnOnce() -> V) -> String {
    Owner::new()
        .with(|| view().into_view().to_html())
        .replace("<!>", "<!---->")
}

/// The dashboard as `index.html` (Vietnamese), `en/index.html` or the one-file copy holds it.
pub fn dashboard(page: Page) -> String {
    render(move || components::dashboard(page))
}

/// An item's own page (`items/<id>.<lang>.html`): the embed of the card or chart as the
/// embed's app shows it, with the dashboard's name, "data as of", a link to the dashboard and
/// the data version.
pub fn item_page(target: &Target, lang: Lang) -> String {
    let id = target.id().to_string();
    render(move || components::item_page(&id, lang))
}

/// What an embed shows without JavaScript: its item is chosen by the query at run time, so it
/// cannot be written in advance; instead, both languages point to the dashboard, whose built
/// page has every figure. Inside `<noscript>`: nothing of it exists when scripts run.
pub fn embed_fallback() -> String {
    render(|| {
        view! {
            <components::NeedsScript
                needs=["Thẻ số liệu hoặc biểu đồ này cần JavaScript.", "This figure or chart needs JavaScript."]
                new_tab=true
            />
        }
    })
}

/// What the export page (an item's downloads and embed code) shows without JavaScript: the
/// same pointer to the dashboard, in the same tab (the page is the app's own, not a frame).
/// (The words are here, not in `i18n`'s tables: only the build says them, and a wasm calling
/// those tables would carry them too.)
pub fn export_fallback() -> String {
    render(|| {
        view! {
            <components::NeedsScript
                needs=["Trang tải về và mã nhúng cần JavaScript.", "Downloads and embed codes need JavaScript."]
                new_tab=false
            />
        }
    })
}

/// One item page the build writes: what `scripts/post-build.mjs` needs to put it in the embed's
/// page (head and body) and to write its oEmbed data.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug, serde::Serialize)]
pub struct ItemPage {
    pub id: String,
    pub lang: &'static str,
    /// `items/<id>.<lang>.html`, `.png`, `.oembed.json`, relative to the app's folder.
    pub page: String,
    pub image: String,
    pub oembed: String,
    /// The item's title, and the page's: "<item> · <dashboard>".
    pub heading: String,
    pub title: String,
    /// One sentence with its source ([`crate::embed::key_fact`]).
    pub description: String,
    /// The page's content without JavaScript ([`item_page`]).
    pub body: String,
    /// The iframe height the snippet gives (before `embed.js` sizes it).
    pub height: u32,
    /// The embed code for the item page (its oEmbed `html`), against the site's address.
    pub snippet: String,
}

/// The dashboard's share data: its card image and one sentence per language.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug, serde::Serialize)]
pub struct DashboardCard {
    pub lang: &'static str,
    pub image: String,
    pub title: String,
    pub description: String,
}

/// Writes every item's social card (`<dir>/items/<id>.<lang>.png`) and the dashboard's
/// (`<dir>/share.<lang>.png`); returns what the item pages need. `site` is the app's public
/// address ending in `/`, or empty (snippets are then relative).
#[cfg(not(target_arch = "wasm32"))]
pub fn write_share_files(
    data: &Dataset,
    build: BuildInfo,
    dir: &std::path::Path,
    site: &str,
) -> std::io::Result<(Vec<ItemPage>, Vec<DashboardCard>)> {
    use crate::embed;
    let fonts = social::Fonts::bundled();
    let png = |svg: &str| fonts.rasterise(svg).map_err(std::io::Error::other);
    std::fs::create_dir_all(dir.join("items"))?;
    let mut pages = Vec::new();
    for lang in Lang::ALL {
        for target in Target::all(data) {
            let id = target.id();
            let image = embed::item_image(id, lang);
            std::fs::write(
                dir.join(&image),
                png(&social::item_svg(data, build, &target, lang))?,
            )?;
            let (page, height) = (embed::item_page(id, lang), target.fallback_height(data));
            pages.push(ItemPage {
                id: id.to_string(),
                lang: lang.code(),
                oembed: embed::item_oembed(id, lang),
                snippet: embed::snippet(site, target.title(lang), &page, height),
                page,
                image,
                heading: target.title(lang).to_string(),
                title: format!("{} · {}", target.title(lang), data.title.get(lang)),
                description: embed::key_fact(data, &target, lang),
                body: item_page(&target, lang),
                height,
            });
        }
    }
    let mut cards = Vec::new();
    for lang in Lang::ALL {
        let image = format!("share.{}.png", lang.code());
        std::fs::write(
            dir.join(&image),
            png(&social::dashboard_svg(data, build, lang))?,
        )?;
        cards.push(DashboardCard {
            lang: lang.code(),
            image,
            title: data.title.get(lang).to_string(),
            description: data.subtitle.get(lang).to_string(),
        });
    }
    Ok((pages, cards))
}
