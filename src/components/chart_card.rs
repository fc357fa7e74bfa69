use super::{local, pressed, use_app, word, ChartView, DataTable, ExportLink};
use crate::i18n::{self, Msg};
use crate::view_state;
use leptos::either::Either;
use leptos::prelude::*;

/// A titled chart with its note and the sources of every value it draws; it switches to its
/// data table (kept in the address, so a shared link shows the same).
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
        let all = data.chart_citations(spec);
        i18n::sources_line(data, all, lang.get())
    };
    let figure = NodeRef::<leptos::html::Figure>::new();
    // Follows the address's list of tables, but changes (and so rebuilds the chart) only when
    // this chart's own view does.
    let as_table = Memo::new(move |_| ctx.tables.with(|t| t.contains(&spec.id)));
    let body = move || match as_table.get() {
        true => Either::Left(view! { <DataTable chart=spec.id.clone()/> }),
        false => Either::Right(view! { <ChartView chart=spec.id.clone()/> }),
    };
    let view_button = move |table: bool, label: Msg| {
        view! {
            <button
                type="button"
                class="view-button"
                data-view-as=if table { "table" } else { "chart" }
                aria-pressed=pressed(move || as_table.get() == table)
                on:click=move |_| ctx.tables.update(|t| view_state::set_table(data, t, &spec.id, table))
            >
                {word(lang, label)}
            </button>
        }
    };
    view! {
        <figure node_ref=figure id=crate::embed::anchor(&spec.id) class="chart-card" data-chart-card=spec.id.clone() aria-labelledby=title_ref>
            <div class="chart-head">
                <h3 id=title_id>{local(lang, &spec.title)}</h3>
                <div class="view-switch" role="group" aria-label=word(lang, Msg::ChartOrTable)>
                    {view_button(false, Msg::ShowChart)}
                    {view_button(true, Msg::ShowTable)}
                </div>
            </div>
            {body}
            <figcaption>
                {spec.note.as_ref().map(|n| view! { <p class="note">{local(lang, n)}</p> })}
                <p class="source">{cites}</p>
                <div class="chart-actions">
                    // Sandboxed embeds cannot save files; the dashboard's export page offers them,
                    // and the one-file copy (which has no export page) in place.
                    {inline_downloads(&spec.id, figure)}
                    {ctx.can_embed().then(|| view! {
                        <ExportLink item=spec.id.clone() part="download" label=Msg::Download title=&spec.title/>
                        <ExportLink item=spec.id.clone() part="embed" label=Msg::Embed title=&spec.title/>
                    })}
                </div>
            </figcaption>
        </figure>
    }
}

/// A chart's downloads in place (a menu under the chart), for the one-file copy, which has no
/// export page. Compiled only where it can show: in the other pages' release builds it is
/// nothing at all (`None::<()>`), since even a view that is never built costs its type's
/// rendering code (+0.5 KB gzip on the dashboard, measured).
#[cfg(not(any(page = "dashboard", page = "embed", page = "export")))]
fn inline_downloads(
    chart: &str,
    figure: NodeRef<leptos::html::Figure>,
) -> Option<impl IntoView + use<>> {
    use super::Downloads;
    let ctx = use_app();
    let chart = chart.to_string();
    ctx.inline_downloads().then(|| {
        view! {
            <details class="downloads">
                <summary>{word(ctx.lang, Msg::Download)}</summary>
                <Downloads
                    chart=chart
                    measure=Box::new(move || figure.get_untracked().map(Into::into))
                />
            </details>
        }
    })
}

#[cfg(any(page = "dashboard", page = "embed", page = "export"))]
fn inline_downloads(_chart: &str, _figure: NodeRef<leptos::html::Figure>) -> Option<()> {
    None
}
