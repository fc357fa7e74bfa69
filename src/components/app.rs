use super::{AppContext, Dashboard, EmbedView, ExportView};
use crate::embed;
use crate::i18n;
use crate::model::{Dataset, Lang, Scheme};
use crate::view_state;
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

/// What a page is as built: its language, and whether it is the one-file copy. The build
/// renders each page for one (natively); in the browser, [`Page::current`] reads it back from
/// the document, so the view hydrated is the view the build wrote. What the reader asks for
/// (the address, the remembered choices) is applied once hydrated, as any later change is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Page {
    pub lang: Lang,
    pub offline: bool,
}

impl Page {
    /// This page: `<html lang>` (as the build wrote it; the app changes it only later) and
    /// the one-file copy's marker.
    pub fn current() -> Self {
        Self {
            lang: web::page_lang()
                .and_then(|l| Lang::from_tag(&l))
                .unwrap_or(Lang::Vi),
            offline: web::is_offline_copy(),
        }
    }
}

/// The dashboard of this page ([`Page::current`]).
pub fn dashboard_page() -> impl IntoView {
    dashboard(Page::current())
}

/// The dashboard as built for `page`, then as the reader asks: the view the address holds
/// (theme, open card, tables, language), else the remembered or browser language (on the
/// default, Vietnamese page; the English page is the reader's choice already), and the
/// remembered colour scheme.
pub fn dashboard(page: Page) -> impl IntoView {
    dashboard_of(crate::dataset(), page)
}

/// [`dashboard`] of other data than the build's (the tests' hostile data).
pub fn dashboard_of(data: &'static Dataset, page: Page) -> impl IntoView {
    let ctx = start(data, false, page, Scheme::Auto, false);
    // The first effect: it runs before the dashboard's own (which then take this view as the
    // one the page opened with, not a new history entry). Natively, effects do not run.
    super::effect(move |first: Option<()>| {
        if first.is_some() {
            return;
        }
        let data = ctx.data;
        // Unusable values in the address are dropped (the rest of the view still opens).
        let view = view_state::parse(data, &web::search()).0;
        let (lang, scheme) = remembered(view.lang.or((page.lang != Lang::Vi).then_some(page.lang)));
        ctx.lang.set(lang);
        ctx.scheme.set(scheme);
        ctx.dark.set(scheme.is_dark(web::prefers_dark()));
        ctx.filter.set(view.theme);
        ctx.tables.set(view.tables);
        ctx.open.set(view.card);
    });
    view! { <Dashboard/> }
}

/// One card or chart for an article's frame or an item page, as its address names it (or a
/// readable message when the address is unusable). Embeds do not read the dashboard's
/// remembered language or scheme: the snippet names them.
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
    let chosen = params.as_ref().ok();
    let lang = chosen
        .and_then(|p| p.lang)
        .unwrap_or_else(|| i18n::choose_lang(None, None, &web::browser_languages()));
    let scheme = chosen.map_or(Scheme::Auto, |p| p.scheme);
    let transparent = chosen.is_some_and(|p| p.transparent);
    // An item page hydrates in the language it was built in, then takes the address's.
    let built = match web::page_item() {
        Some(_) => Page::current(),
        None => Page {
            lang,
            offline: false,
        },
    };
    let ctx = start(data, true, built, scheme, transparent);
    if built.lang != lang {
        super::effect(move |first: Option<()>| {
            if first.is_none() {
                ctx.lang.set(lang);
            }
        });
    }
    view! { <EmbedView params=params/> }
}

/// Whether an embed's page holds the view its address asks for, built, to hydrate: an item
/// page opened without options that change its shape (`plain`) or a bad one. When it does
/// not, what the build wrote is removed, for the app to render afresh.
pub fn embed_hydrates() -> bool {
    if !web::has_built_content() {
        return false;
    }
    let same = web::page_item().is_some_and(|(id, lang)| {
        let lang = Lang::from_tag(&lang).unwrap_or(Lang::Vi);
        embed::parse_item(crate::dataset(), &id, lang, &web::search()).is_ok_and(|p| !p.plain)
    });
    if !same {
        web::remove_built_content();
    }
    same
}

/// An item's page as the build writes it: the embed of `id` in `lang`, with its header and
/// footer (the snippet's default options).
pub fn item_page(id: &str, lang: Lang) -> impl IntoView {
    let data = crate::dataset();
    let params = embed::parse_item(data, id, lang, "");
    start(
        data,
        true,
        Page {
            lang,
            offline: false,
        },
        Scheme::Auto,
        false,
    );
    view! { <EmbedView params=params/> }
}

/// A card's or chart's downloads and embed code (`export.html`), as the address names it (the
/// embed's own query: id, language and options), in the reader's remembered colour scheme.
pub fn export_page() -> impl IntoView {
    let data = crate::dataset();
    let params = embed::parse(data, &web::search());
    let (lang, scheme) = remembered(params.as_ref().ok().and_then(|p| p.lang));
    start(
        data,
        false,
        Page {
            lang,
            offline: false,
        },
        scheme,
        false,
    );
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

/// Provides the shared [`AppContext`] (for `page`: every card shown, none open, no tables) and
/// keeps the page's colour scheme in step with it.
fn start(
    data: &'static Dataset,
    embedded: bool,
    page: Page,
    scheme: Scheme,
    transparent: bool,
) -> AppContext {
    let ctx = AppContext {
        data,
        lang: RwSignal::new(page.lang),
        filter: RwSignal::new(None),
        open: RwSignal::new(None),
        tables: RwSignal::new(Vec::new()),
        scheme: RwSignal::new(scheme),
        dark: RwSignal::new(scheme.is_dark(web::prefers_dark())),
        printing: RwSignal::new(false),
        transparent,
        drawn: RwSignal::new(0),
        embed_page: embedded,
        offline_page: page.offline,
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
    // The controls work from now on (style.css shows them): after hydration, as effects run.
    super::effect(|_| web::set_root_attribute("data-app", Some("")));
    // Paper is light: charts are redrawn in light colours for printing, then restored.
    web::on_print(move |printing| {
        ctx.printing.set(printing);
        let scheme = ctx.scheme.get_untracked();
        ctx.dark
            .set(!printing && scheme.is_dark(web::prefers_dark()));
    });
    ctx
}
