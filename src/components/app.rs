use super::{AppContext, Dashboard, EmbedView, ExportView};
use crate::embed;
use crate::i18n;
use crate::model::{Lang, Scheme};
use crate::view_state::{self, ViewState};
use crate::web;
use leptos::either::EitherOf3;
use leptos::prelude::*;

/// The app as the page asks for it (`embed.html` is marked `data-view=embed`, `export.html`
/// `data-view=export`): the dashboard, one embedded card or chart, or an item's downloads and
/// embed code. The release build instead mounts each page's function in a wasm of its own, so
/// none carries the others' views; this component serves tests and any build that wants all.
#[component]
pub fn App() -> impl IntoView {
    // Either, not AnyView: type erasure would compile in every view's rendering methods.
    if web::is_embed_page() {
        EitherOf3::A(embed_page())
    } else if web::is_export_page() {
        EitherOf3::B(export_page())
    } else {
        EitherOf3::C(dashboard_page())
    }
}

/// The dashboard: its view comes from the address, the remembered or browser language and
/// the remembered colour scheme.
pub fn dashboard_page() -> impl IntoView {
    let data = crate::dataset();
    // Theme sections the reader may already see in the prerendered page are rendered at once,
    // the others when the browser is idle (see Dashboard).
    let sections_in_view = web::prerendered_sections_in_view();
    // The build's prerendered HTML (readers without JavaScript) gives way to the app.
    web::remove_element("prerender");
    // Unusable values in the address are dropped (the rest of the view still opens).
    let view = view_state::parse(data, &web::search()).0;
    let card_open = view.card.is_some();
    let (lang, scheme) = remembered(view.lang);
    start(false, lang, scheme, false, view);
    // An open card's dialog returns focus to the card when closed: every card must exist.
    view! { <Dashboard sections_at_once=sections_in_view.filter(|_| !card_open)/> }
}

/// One card or chart for an article's frame or an item page, as its address names it (or a readable message
/// when the address is unusable). Embeds do not read the dashboard's remembered language or
/// scheme: the snippet names them.
pub fn embed_page() -> impl IntoView {
    let data = crate::dataset();
    // An item page names its item and language itself; `embed.html` takes both from the query.
    let params = match web::page_item() {
        Some((id, lang)) => embed::parse_item(
            data,
            &id,
            Lang::from_tag(&lang).unwrap_or(Lang::Vi),
            &web::search(),
        ),
        None => embed::parse(data, &web::search()),
    };
    // An item page's build-time content gives way to the app.
    web::remove_element("prerender");
    let chosen = params.as_ref().ok();
    let lang = chosen
        .and_then(|p| p.lang)
        .unwrap_or_else(|| i18n::choose_lang(None, None, &web::browser_languages()));
    let scheme = chosen.map_or(Scheme::Auto, |p| p.scheme);
    let transparent = chosen.is_some_and(|p| p.transparent);
    start(true, lang, scheme, transparent, ViewState::default());
    view! { <EmbedView params=params/> }
}

/// A card's or chart's downloads and embed code (`export.html`), as the address names it (the
/// embed's own query: id, language and options), in the reader's remembered colour scheme.
pub fn export_page() -> impl IntoView {
    let data = crate::dataset();
    let params = embed::parse(data, &web::search());
    let (lang, scheme) = remembered(params.as_ref().ok().and_then(|p| p.lang));
    start(false, lang, scheme, false, ViewState::default());
    view! { <ExportView params=params/> }
}

/// The language the address names, else the remembered or the browser's, and the remembered
/// colour scheme: how the dashboard and the export page open (embeds take both from their
/// snippet instead).
fn remembered(address_lang: Option<Lang>) -> (Lang, Scheme) {
    let lang = address_lang.unwrap_or_else(|| {
        i18n::choose_lang(
            None,
            web::stored_lang().as_deref(),
            &web::browser_languages(),
        )
    });
    let scheme = web::stored_scheme()
        .and_then(|s| Scheme::from_code(&s))
        .unwrap_or(Scheme::Auto);
    (lang, scheme)
}

/// Provides the shared [`AppContext`] and keeps the page's colour scheme in step with it.
fn start(embedded: bool, lang: Lang, scheme: Scheme, transparent: bool, view: ViewState) {
    let ctx = AppContext {
        data: crate::dataset(),
        lang: RwSignal::new(lang),
        filter: RwSignal::new(view.theme),
        open: RwSignal::new(view.card),
        tables: RwSignal::new(view.tables),
        scheme: RwSignal::new(scheme),
        dark: RwSignal::new(scheme.is_dark(web::prefers_dark())),
        printing: RwSignal::new(false),
        transparent,
        drawn: RwSignal::new(0),
        embed_page: embedded,
        offline_page: web::is_offline_copy(),
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
}
