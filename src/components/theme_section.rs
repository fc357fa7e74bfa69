use super::{live_flag, local, use_app, ChartCard, Coded, IndicatorCard};
use leptos::prelude::*;

/// One theme: its heading, its charts, then its indicator cards. Hidden when filtered out.
/// Its charts and cards are rendered once `ready` (the dashboard adds far-away sections when
/// the browser is idle).
#[component]
pub fn ThemeSection(theme: String, ready: Coded<bool>) -> impl IntoView {
    let ctx = use_app();
    let lang = ctx.lang;
    let data = ctx.data;
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
        live_flag(move || ctx.filter.get().is_some_and(|f| f != theme))
    };
    // The charts and cards, once ready, are mounted as a subtree of their own (owned by this
    // section): in a reactive slot, every card's and chart's view would also compile the code
    // that rebuilds it in place (+4.5 KB gzip, measured), which a one-way switch never runs.
    let content = NodeRef::<leptos::html::Div>::new();
    let owner = Owner::current();
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
        <section class="theme" data-theme=theme.clone() aria-labelledby=heading_ref hidden=hidden>
            <h2 id=heading_id>{label}</h2>
            <div class="theme-content" node_ref=content></div>
        </section>
    }
}
