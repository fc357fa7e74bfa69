use super::{lang_attr, live_flag, local, use_app, AppContext, ChartCard, Coded, IndicatorCard};
use crate::web;
use leptos::prelude::*;
use send_wrapper::SendWrapper;

/// One theme: its heading, its charts, then its indicator cards. Hidden when filtered out.
/// Its charts and cards are rendered once `ready` (the dashboard adds far-away sections when
/// the browser is idle).
///
/// The section has a language of its own (its `lang` attribute, and the context its cards and
/// charts read), which follows the reader's choice at once while the section is on screen (or
/// being printed) and when the browser is idle otherwise: a language switch then re-renders,
/// restyles and lays out what the reader sees, not the whole page. (Changing `<html lang>`
/// alone restyled and laid out every element, ~10 ms here; with the sections' own `lang`,
/// ~3 ms.)
#[component]
pub fn ThemeSection(theme: String, ready: Coded<bool>) -> impl IntoView {
    let page = use_app();
    let data = page.data;
    let lang = Coded::new(page.lang.get_untracked());
    let ctx = AppContext { lang, ..page };
    let on_screen = Coded::new(false);
    let idle_queued = Coded::new(false);
    super::effect(move |_| {
        let chosen = page.lang.get();
        if on_screen.get() || page.printing.get() {
            if lang.get_untracked() != chosen {
                lang.set(chosen);
            }
        } else if !idle_queued.get_untracked() {
            idle_queued.set(true);
            web::when_idle(move || {
                // Nothing to do once the section is gone.
                if idle_queued.try_set(false) && lang.get_untracked() != page.lang.get_untracked() {
                    lang.set(page.lang.get_untracked());
                }
            });
        }
    });
    let heading_id = format!("theme-{theme}");
    let heading_ref = heading_id.clone();
    let label = local(
        lang,
        &data
            .theme(&theme)
            .expect("theme ids come from the validated data")
            .label,
    );
    let hidden = {
        let theme = theme.clone();
        live_flag(move || page.filter.get().is_some_and(|f| f != theme))
    };
    // The charts and cards, once ready, are mounted as a subtree of their own (owned by this
    // section): in a reactive slot, every card's and chart's view would also compile the code
    // that rebuilds it in place (+4.5 KB gzip, measured), which a one-way switch never runs.
    let content = NodeRef::<leptos::html::Div>::new();
    super::effect(move |_| {
        let section = content.get().and_then(|el| el.parent_element());
        if let Some(section) = section {
            let seen = web::VisibilityObserver::new(
                &section,
                "0px",
                Box::new(move |on| on_screen.set(on)),
            );
            if seen.is_none() {
                on_screen.set(true);
            }
            let seen = SendWrapper::new(seen);
            on_cleanup(move || drop(seen));
        }
    });
    // An owner of the section's own, under which its context is provided: components share
    // their parent's owner, so a context provided here directly would reach the other
    // sections' contents as well.
    let owner = Owner::new();
    owner.with(|| provide_context(ctx));
    let owner = Some(owner);
    let mounted = Coded::new(false);
    super::effect({
        let theme = theme.clone();
        move |_| {
            let (true, Some(el), Some(owner)) = (ready.get(), content.get(), owner.as_ref()) else {
                return;
            };
            if mounted.get_untracked() {
                return;
            }
            mounted.set(true);
            let theme = theme.clone();
            owner.with(|| {
                leptos::mount::mount_to(el.into(), move || {
                    let charts = data
                        .charts_in(&theme)
                        .map(|c| view! { <ChartCard chart=c.id.clone()/> })
                        .collect_view();
                    let cards = data
                        .indicators_in(&theme)
                        .map(|i| view! { <IndicatorCard indicator=i.id.clone()/> })
                        .collect_view();
                    view! {
                        <div class="chart-grid">{charts}</div>
                        <div class="card-grid">{cards}</div>
                    }
                })
                .forget()
            });
        }
    });
    view! {
        <section class="theme" lang=lang_attr(lang) data-theme=theme.clone() aria-labelledby=heading_ref hidden=hidden>
            <h2 id=heading_id>{label}</h2>
            <div class="theme-content" node_ref=content></div>
        </section>
    }
}
