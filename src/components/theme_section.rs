use super::{local, use_app, ChartCard, IndicatorCard};
use leptos::prelude::*;

/// One theme: its heading, its charts, then its indicator cards. Hidden when filtered out.
#[component]
pub fn ThemeSection(theme: String) -> impl IntoView {
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
        move || ctx.filter.get().is_some_and(|f| f != theme)
    };
    let charts = data
        .charts_in(&theme)
        .map(|c| view! { <ChartCard chart=c.id.clone()/> })
        .collect_view();
    let cards = data
        .indicators_in(&theme)
        .map(|i| view! { <IndicatorCard indicator=i.id.clone()/> })
        .collect_view();
    view! {
        <section class="theme" data-theme=theme.clone() aria-labelledby=heading_ref hidden=hidden>
            <h2 id=heading_id>{label}</h2>
            <div class="chart-grid">{charts}</div>
            <div class="card-grid">{cards}</div>
        </section>
    }
}
