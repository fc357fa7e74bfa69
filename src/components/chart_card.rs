use super::{local, use_app, ChartView, EmbedButton};
use crate::i18n;
use leptos::prelude::*;

/// A titled chart with its note and the sources of every value it draws.
#[component]
pub fn ChartCard(chart: String) -> impl IntoView {
    let ctx = use_app();
    let (data, lang) = (ctx.data, ctx.lang);
    let spec = data
        .chart(&chart)
        .expect("chart ids come from the validated data");
    let title_id = format!("chart-title-{}", spec.id);
    let title_ref = title_id.clone();
    let cites = move || {
        let inds = spec
            .whole
            .iter()
            .chain(&spec.series)
            .filter_map(|id| data.indicator(id));
        let all: Vec<_> = inds.flat_map(|i| i.sources.iter()).collect();
        i18n::sources_line(data, all, lang.get())
    };
    view! {
        <figure id=crate::embed::anchor(&spec.id) class="chart-card" data-chart-card=spec.id.clone() aria-labelledby=title_ref>
            <h3 id=title_id>{local(lang, &spec.title)}</h3>
            <ChartView chart=chart/>
            <figcaption>
                {spec.note.as_ref().map(|n| view! { <p class="note">{local(lang, n)}</p> })}
                <p class="source">{cites}</p>
                {ctx.can_embed().then(|| view! { <EmbedButton item=spec.id.clone() title=&spec.title/> })}
            </figcaption>
        </figure>
    }
}
