use super::{use_app, word};
use crate::embed;
use crate::i18n::Msg;
use crate::model::{Scheme, Text};
use leptos::prelude::*;

/// "Download" or "Embed" for a card or chart: a link to its export page (`export.html`, a
/// page and wasm of their own, see `ExportView`), at the part named by `part`, in the current
/// language. The dashboard itself then carries none of those tools.
#[component]
pub fn ExportLink(
    item: String,
    /// `download` or `embed`: the section of the export page, and the link's DOM id prefix.
    part: &'static str,
    label: Msg,
    /// The item's title, for screen readers ("Embed: GRDP growth").
    title: &'static Text,
) -> impl IntoView {
    let ctx = use_app();
    let lang = ctx.lang;
    let id = format!("{part}-{item}");
    let href = move || {
        let query = embed::query(&item, lang.get(), Scheme::Auto, false, false);
        format!("export.html?{query}#{part}")
    };
    view! {
        <a class="embed-button" id=id href=href>
            {word(lang, label)}
            <span class="visually-hidden">{move || format!(": {}", title.get(lang.get()))}</span>
        </a>
    }
}
