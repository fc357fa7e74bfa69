use super::{AppContext, Coded, Dashboard, EmbedView};
use crate::embed::{self, Scheme};
use crate::i18n;
use crate::view_state::{self, ViewState};
use crate::web;
use leptos::either::Either;
use leptos::prelude::*;

/// Chooses the view (dashboard, or one embedded card or chart), resolves language and colour
/// scheme, and provides the shared [`AppContext`].
#[component]
pub fn App() -> impl IntoView {
    let data = crate::dataset();
    // Theme sections the reader may already see in the prerendered page are rendered at once,
    // the others when the browser is idle (see Dashboard).
    let sections_in_view = web::prerendered_sections_in_view();
    // The build's prerendered HTML (readers without JavaScript) gives way to the app.
    web::remove_element("prerender");
    let embedded = web::is_embed_page();
    let params = embedded.then(|| embed::parse(data, &web::search()));
    let chosen = params.as_ref().and_then(|p| p.as_ref().ok());
    // The dashboard's view comes from its address; unusable values are dropped (the rest of
    // the view still opens).
    let view = match embedded {
        true => ViewState::default(),
        false => view_state::parse(data, &web::search()).0,
    };
    let card_open = view.card.is_some();
    let lang = match chosen.and_then(|p| p.lang).or(view.lang) {
        Some(lang) => lang,
        // Embeds do not read the dashboard's remembered language: the snippet names one.
        None if embedded => i18n::choose_lang(None, None, &web::browser_languages()),
        None => i18n::choose_lang(
            None,
            web::stored_lang().as_deref(),
            &web::browser_languages(),
        ),
    };
    let scheme = match chosen {
        Some(p) => p.scheme,
        None if embedded => Scheme::Auto,
        None => web::stored_scheme()
            .and_then(|s| Scheme::from_code(&s))
            .unwrap_or(Scheme::Auto),
    };
    let transparent = chosen.is_some_and(|p| p.transparent);
    let ctx = AppContext {
        data,
        lang: Coded::new(lang),
        filter: RwSignal::new(view.theme),
        open: RwSignal::new(view.card),
        tables: RwSignal::new(view.tables),
        embedding: RwSignal::new(None),
        scheme: Coded::new(scheme),
        dark: Coded::new(scheme.is_dark(web::prefers_dark())),
        printing: Coded::new(false),
        transparent,
        drawn: Coded::new(0),
        embedded,
        offline_copy: web::is_offline_copy(),
    };
    provide_context(ctx);
    web::watch_dark_preference(move |dark| ctx.dark.set(ctx.scheme.get_untracked().is_dark(dark)));
    super::effect(move |_| {
        let scheme = ctx.scheme.get();
        ctx.dark.set(scheme.is_dark(web::prefers_dark()));
        web::set_root_attribute(
            "data-theme",
            (scheme != Scheme::Auto).then(|| scheme.code()),
        );
    });
    web::set_root_attribute("data-transparent", transparent.then_some(""));
    // Paper is light: charts are redrawn in light colours for printing, then restored.
    web::on_print(move |printing| {
        ctx.printing.set(printing);
        let scheme = ctx.scheme.get_untracked();
        ctx.dark
            .set(!printing && scheme.is_dark(web::prefers_dark()));
    });

    match params {
        // Either, not AnyView: type erasure would compile in every view's rendering methods.
        Some(result) => Either::Left(view! { <EmbedView params=result/> }),
        // An open card's dialog returns focus to the card when closed: every card must exist.
        None => Either::Right(view! {
            <Dashboard sections_at_once=sections_in_view.filter(|_| !card_open)/>
        }),
    }
}
