use super::{local, use_app, word, SourceNote};
use crate::export::{plain_number, status_code};
use crate::format;
use crate::i18n::{self, Msg};
use leptos::prelude::*;

/// A chart's data as an accessible table: caption, header cells, values with their units and
/// qualifiers in the current language, status, and each row's sources. Rows carry their
/// indicator id, status and raw value (`data-*`), which the CSV download repeats.
#[component]
pub fn DataTable(chart: String) -> impl IntoView {
    let ctx = use_app();
    let (data, lang) = (ctx.data, ctx.lang);
    let spec = data
        .chart(&chart)
        .expect("chart ids come from the validated data");
    let rows = data.chart_rows(spec);
    view! {
        <div class="table-scroll">
            <table class="data-table" data-table-for=spec.id.clone()>
                // The figure's heading shows the title; the caption names the table for
                // assistive technology.
                <caption class="visually-hidden">{local(lang, &spec.title)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{word(lang, Msg::ColIndicator)}</th>
                        <th scope="col">{word(lang, Msg::ColPeriod)}</th>
                        <th scope="col" class="num">{word(lang, Msg::ColValue)}</th>
                        <th scope="col">{word(lang, Msg::ColStatus)}</th>
                        <th scope="col">{word(lang, Msg::Sources)}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|ind| view! {
                        <tr data-id=ind.id.clone() data-status=status_code(ind.status)>
                            <th scope="row">{local(lang, &ind.label)}</th>
                            <td>{move || format::period(&ind.period, lang.get())}</td>
                            <td class="num" data-value=ind.value.map(plain_number)>
                                {move || format::headline(ind, lang.get())}
                            </td>
                            <td>{move || i18n::status(lang.get(), ind.status)}</td>
                            <td><SourceNote ind=ind compact=true/></td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
