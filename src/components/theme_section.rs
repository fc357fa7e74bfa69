use super::{lang_attr, local, use_app, AppContext, ChartCard, IndicatorCard};
use crate::web;
use leptos::context::Provider;
use leptos::prelude::*;
use send_wrapper::SendWrapper;

/// One theme: its heading, its charts, then its indicator cards. Hidden when filtered out.
///
/// The section has a language of its own (its `lang` attribute, and the context its cards and
/// charts read), which follows the reader's choice at once while the section is on screen (or
/// being printed) and when the browser is idle otherwise: a language switch then re-renders,
/// restyles and lays out what the reader sees, not the whole page. (Changing `<html lang>`
/// alone restyled and laid out every element, ~10 ms here; with the sections' own `lang`,
/// ~3 ms.)
#[component]
pub fn ThemeSection(theme: String) -> impl IntoView {
    let page = use_app();
    let data = page.data;
    let lang = RwSignal::new(page.lang.get_untracked());
    let ctx = AppContext { lang, ..page };
    let on_screen = RwSignal::new(false);
    let idle_queued = StoredValue::new(false);
    super::effect(move |_| {
        let chosen = page.lang.get();
        if on_screen.get() || page.printing.get() {
            if lang.get_untracked() != chosen {
                lang.set(chosen);
            }
        } else if !idle_queued.get_value() {
            idle_queued.set_value(true);
            web::when_idle(move || {
                // Nothing to do once the section is gone.
                if idle_queued.try_set_value(false).is_none()
                    && lang.get_untracked() != page.lang.get_untracked()
                {
                    lang.set(page.lang.get_untracked());
                }
            });
        }
    });
    let heading_id = format!("theme-{theme}");
    let theme_id = theme.clone();
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
        move || page.filter.get().is_some_and(|f| f != theme)
    };
    let section = NodeRef::<leptos::html::Section>::new();
    super::effect(move |_| {
        if let Some(section) = section.get() {
            let seen = web::VisibilityObserver::new(
                &section,
                "0px",
                Box::new(move |on| on_screen.set(on)),
            );
            if seen.is_none() {
                on_screen.set(true);
            }
            // Disconnected when the section goes (cleanups must be `Send`; this wasm has one
            // thread).
            let seen = SendWrapper::new(seen);
            on_cleanup(move || drop(seen));
        }
    });
    // Rendered inside the `Provider`, whose context the cards and charts read.
    let content = move || {
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
    };
    // `Provider` gives the section's cards and charts its own context (with its language),
    // under an owner of their own.
    view! {
        <section class="theme" lang=lang_attr(lang) data-theme=theme_id aria-labelledby=heading_ref hidden=hidden node_ref=section>
            <h2 id=heading_id>{label}</h2>
            <div class="theme-content">
                <Provider value=ctx>
                    {content()}
                </Provider>
            </div>
        </section>
    }
}
