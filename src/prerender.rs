//! The dashboard's content as plain semantic HTML, written into `index.html` at build time
//! (`src/bin/prerender.rs`, run by the post-build hook): readers see real figures before the
//! wasm loads, and search engines and readers without JavaScript get them too. Made with the
//! same formatting code as the app; the app removes it when it mounts. Not part of the wasm.

use crate::format;
use crate::i18n::{self, Msg};
use crate::model::{Dataset, Lang};
use crate::BuildInfo;

/// Text as HTML: `&`, `<`, `>` and quotes escaped (data may hold any characters).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Title, "data as of", and every theme with its cards (label, value, period, sources), in
/// the app's own markup classes so the page looks the same before the app takes over.
pub fn html(data: &Dataset, build: BuildInfo, lang: Lang) -> String {
    let e = escape;
    let mut out = String::new();
    out.push_str("<div id=prerender class=page>");
    out.push_str(&format!(
        "<header class=site-header><div class=titles><h1>{}</h1><p class=subtitle>{}</p><p class=as-of>{}</p></div></header><main>",
        e(data.title.get(lang)),
        e(data.subtitle.get(lang)),
        e(&i18n::as_of_line(data, lang)),
    ));
    for theme in &data.themes {
        out.push_str(&format!(
            "<section class=theme><h2>{}</h2><div class=card-grid>",
            e(theme.label.get(lang))
        ));
        for ind in data.indicators_in(&theme.id) {
            out.push_str(&format!(
                "<article class=card><p class=meta><span class=period>{}</span></p><h3 class=card-label>{}</h3><p class=card-value>{}</p><p class=source>{}</p></article>",
                e(&format::period(&ind.period, lang)),
                e(ind.label.get(lang)),
                e(&format::headline(ind, lang)),
                e(&i18n::sources_line(data, &ind.sources, lang)),
            ));
        }
        out.push_str("</div></section>");
    }
    out.push_str(&format!(
        "</main><footer class=site-footer><p>{}</p><p>{}</p></footer></div>",
        e(i18n::t(lang, Msg::Footer)),
        e(&i18n::version_line(data, build, lang)),
    ));
    out
}
