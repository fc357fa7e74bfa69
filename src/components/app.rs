use super::{AppContext, Dashboard, EmbedView};
use crate::embed::{self, Scheme};
use crate::i18n;
use crate::web;
use leptos::either::Either;
use leptos::prelude::*;

/// Chooses the view (dashboard, or one embedded card or chart), resolves language and colour
/// scheme, and provides the shared [`AppContext`].
#[component]
pub fn App() -> impl IntoView {
    let data = crate::dataset();
    let embedded = web::is_embed_page();
    let params = embedded.then(|| embed::parse(data, &web::search()));
    let chosen = params.as_ref().and_then(|p| p.as_ref().ok());
    let lang = match chosen.and_then(|p| p.lang) {
        Some(lang) => lang,
        // Embeds do not read the dashboard's remembered language: the snippet names one.
        None if embedded => i18n::choose_lang(None, None, &web::browser_languages()),
        None => i18n::choose_lang(
            web::query_param("lang").as_deref(),
            web::stored_lang().as_deref(),
            &web::browser_languages(),
        ),
    };
    let scheme = chosen.map_or(Scheme::Auto, |p| p.scheme);
    let transparent = chosen.is_some_and(|p| p.transparent);
    let ctx = AppContext {
        data,
        lang: RwSignal::new(lang),
        // An unknown `?theme=` falls back to showing every theme.
        filter: RwSignal::new(
            web::query_param("theme").filter(|t| !embedded && data.theme(t).is_some()),
        ),
        open: RwSignal::new(None),
        embedding: RwSignal::new(None),
        scheme,
        dark: RwSignal::new(scheme.is_dark(web::prefers_dark())),
        transparent,
        drawn: RwSignal::new(0),
        embedded,
        offline_copy: web::is_offline_copy(),
    };
    provide_context(ctx);
    web::watch_dark_preference(move |dark| ctx.dark.set(scheme.is_dark(dark)));
    web::set_root_attribute(
        "data-theme",
        (scheme != Scheme::Auto).then(|| scheme.code()),
    );
    web::set_root_attribute("data-transparent", transparent.then_some(""));

    match params {
        // Either, not AnyView: type erasure would compile in every view's rendering methods.
        Some(result) => Either::Left(view! { <EmbedView params=result/> }),
        None => Either::Right(view! { <Dashboard/> }),
    }
}
