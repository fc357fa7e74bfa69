use super::{word, AppContext, DetailDialog, Header, ThemeFilter, ThemeSection};
use crate::i18n::{self, Msg};
use crate::web;
use leptos::prelude::*;

/// The dashboard: header, theme filter, one section per theme, and the detail dialog.
#[component]
pub fn App() -> impl IntoView {
    let data = crate::dataset();
    let lang = i18n::choose_lang(
        web::query_param("lang").as_deref(),
        web::stored_lang().as_deref(),
        &web::browser_languages(),
    );
    let ctx = AppContext {
        data,
        lang: RwSignal::new(lang),
        // An unknown `?theme=` falls back to showing every theme.
        filter: RwSignal::new(web::query_param("theme").filter(|t| data.theme(t).is_some())),
        open: RwSignal::new(None),
        dark: RwSignal::new(web::prefers_dark()),
    };
    provide_context(ctx);
    web::watch_dark_preference(move |dark| ctx.dark.set(dark));

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

    let lang = ctx.lang;
    view! {
        <a class="skip" href="#content">{word(lang, Msg::SkipToContent)}</a>
        <div class="page" inert=move || ctx.open.get().is_some()>
            <Header/>
            <main id="content" tabindex="-1">
                <ThemeFilter/>
                {data.themes.iter().map(|t| view! { <ThemeSection theme=t.id.clone()/> }).collect_view()}
            </main>
            <footer class="site-footer">
                <p>{word(lang, Msg::Footer)}</p>
                <p>
                    {move || {
                        let l = lang.get();
                        format!("{} {} · {}", i18n::t(l, Msg::Version), data.version, i18n::as_of_line(data, l))
                    }}
                </p>
            </footer>
        </div>
        <DetailDialog/>
    }
}
