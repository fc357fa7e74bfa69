use super::{lang_attr, use_app, word, DetailDialog, Header, ThemeFilter, ThemeSection};
use crate::export;
use crate::i18n::{self, Msg};
use crate::view_state;
use crate::web;
use leptos::prelude::*;

/// The dashboard: header, theme filter, one section per theme, the detail and embed dialogs.
#[component]
pub fn Dashboard() -> impl IntoView {
    let ctx = use_app();
    let data = ctx.data;
    // The address always holds the view (language, theme filter, open card, tables), so the
    // link shared is the view seen. A new view is a history entry; Back and Forward restore it.
    let shown = StoredValue::new(ctx.view_state());
    // Set while Back/Forward applies an address, which must not add an entry of its own.
    let restoring = StoredValue::new(false);
    super::effect(move |previous: Option<()>| {
        let next = ctx.view_state();
        let lang = ctx.lang.get();
        // The page's language and title: at once on opening; after a switch, when the browser
        // is idle (the page's parts carry their own `lang`, see `lang_attr`, and changing the
        // root's restyles every element).
        let document_language = move || {
            // `try_`: nothing to do once the dashboard is gone.
            if let Some(lang) = ctx.lang.try_get_untracked() {
                web::set_document_language(lang.code(), data.title.get(lang));
            }
        };
        if previous.is_none() {
            document_language();
        } else {
            let (new_view, new_lang) =
                shown.with_value(|s| (s.is_new_view(&next), s.lang != next.lang));
            if new_lang {
                web::when_idle(document_language);
                if !restoring.get_value() {
                    web::store_lang(lang.code());
                }
            }
            web::set_query(&next.query(), new_view && !restoring.get_value());
        }
        restoring.set_value(false);
        shown.set_value(next);
    });
    web::on_history_move(move || {
        let (state, _) = view_state::parse(data, &web::search());
        let lang = state.lang.unwrap_or(ctx.lang.get_untracked());
        let changed = shown.with_value(|s| s.is_new_view(&state) || s.lang != Some(lang));
        if changed {
            restoring.set_value(true);
            ctx.lang.set(lang);
            ctx.filter.set(state.theme);
            ctx.open.set(state.card);
            ctx.tables.set(state.tables);
        }
    });

    #[cfg(feature = "test-hooks")]
    if web::test_panic_requested() {
        web::next_frame(|| panic!("deliberate panic (?test-panic, test-hooks build)"));
    }

    // Links from embeds point at a card or chart (`#item-…`): scroll there once it exists.
    web::next_frame(web::scroll_to_fragment);

    let lang = ctx.lang;
    view! {
        <a class="skip" href="#content" lang=lang_attr(lang)>{word(lang, Msg::SkipToContent)}</a>
        <div class="page" inert=move || ctx.dialog_open()>
            <Header/>
            <main id="content" tabindex="-1">
                <ThemeFilter/>
                {data.themes.iter().map(|t| view! { <ThemeSection theme=t.id.clone()/> }).collect_view()}
            </main>
            <footer class="site-footer" lang=lang_attr(lang)>
                <p>{word(lang, Msg::Footer)}</p>
                <p class="version">{move || i18n::version_line(data, crate::BUILD, lang.get())}</p>
                <p class="dataset-downloads">
                    {word(lang, Msg::DownloadData)}
                    " "
                    <button type="button" class="tool-button" data-download="dataset-csv" on:click=move |_| {
                        let text = export::dataset_csv(data, crate::BUILD, lang.get_untracked());
                        web::download_text(&export::file_name(data, crate::BUILD, "all", "csv"), "text/csv;charset=utf-8", &text);
                    }>"CSV"</button>
                    " "
                    <button type="button" class="tool-button" data-download="dataset-json" on:click=move |_| {
                        let text = export::dataset_json(data, crate::BUILD);
                        web::download_text(&export::file_name(data, crate::BUILD, "all", "json"), "application/json", &text);
                    }>"JSON"</button>
                </p>
                // The build writes the whole app as one file (scripts/offline.mjs) to pass around.
                {(!ctx.offline_copy()).then(|| view! {
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
    }
}
