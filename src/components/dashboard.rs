use super::{use_app, word, DetailDialog, EmbedDialog, Header, ThemeFilter, ThemeSection};
use crate::i18n::{self, Msg};
use crate::web;
use leptos::prelude::*;

/// The dashboard: header, theme filter, one section per theme, the detail and embed dialogs.
#[component]
pub fn Dashboard() -> impl IntoView {
    let ctx = use_app();
    let data = ctx.data;
    // `previous` is None on an effect's first run: only later, explicit choices are
    // remembered and written to the URL.
    Effect::new(move |previous: Option<()>| {
        let lang = ctx.lang.get();
        web::set_document_language(lang.code(), data.title.get(lang));
        if previous.is_some() {
            web::store_lang(lang.code());
            web::set_query_param("lang", Some(lang.code()));
        }
    });
    Effect::new(move |previous: Option<()>| {
        let theme = ctx.filter.get();
        if previous.is_some() {
            web::set_query_param("theme", theme.as_deref());
        }
    });

    // Links from embeds point at a card or chart (`#item-…`): scroll there once it exists.
    request_animation_frame(web::scroll_to_fragment);

    let lang = ctx.lang;
    view! {
        <a class="skip" href="#content">{word(lang, Msg::SkipToContent)}</a>
        <div class="page" inert=move || ctx.dialog_open()>
            <Header/>
            <main id="content" tabindex="-1">
                <ThemeFilter/>
                {data.themes.iter().map(|t| view! { <ThemeSection theme=t.id.clone()/> }).collect_view()}
            </main>
            <footer class="site-footer">
                <p>{word(lang, Msg::Footer)}</p>
                <p class="version">{move || i18n::version_line(data, crate::BUILD, lang.get())}</p>
                // The build writes the whole app as one file (scripts/offline.mjs) to pass around.
                {(!ctx.offline_copy).then(|| view! {
                    <p>
                        <a
                            class="offline-download"
                            href="bac-giang-offline.html"
                            download=format!("bac-giang-offline-{}.html", crate::BUILD.data_hash)
                        >
                            {word(lang, Msg::DownloadOffline)}
                        </a>
                    </p>
                })}
            </footer>
        </div>
        <DetailDialog/>
        <EmbedDialog/>
    }
}
