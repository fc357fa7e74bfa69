use super::indicator_card::{item_list, meta_row, value_details};
use super::source_note::citation_list;
use super::{card_dom_id, line, local, use_app, word, ChartView, Modal, ShareButton};
use crate::format;
use crate::i18n::Msg;
use leptos::prelude::*;

/// The open indicator in full: larger chart, notes, items and every source with its excerpt.
#[component]
pub fn DetailDialog() -> impl IntoView {
    let ctx = use_app();
    let (data, lang) = (ctx.data, ctx.lang);
    let content = move |id: String| {
        let ind = data.indicator(&id)?;
        let chart = data.chart_for(ind).map(|c| c.id.clone());
        Some(view! {
            <div class="dialog-body" data-dialog-for=ind.id.clone()>
                    {meta_row(ind, lang)}
                    <h2 id="dialog-title">{local(lang, &ind.label)}</h2>
                    <p class="card-value">{line(lang, ind, format::headline)}</p>
                    {value_details(ind, lang)}
                    {chart.map(|c| view! { <div class="dialog-chart"><ChartView chart=c highlight=ind.id.clone()/></div> })}
                    {ind.note.as_ref().map(|n| view! { <p class="note">{local(lang, n)}</p> })}
                    {item_list(ind, lang)}
                    <h3>{word(lang, Msg::Sources)}</h3>
                    {citation_list(&ind.sources, lang)}
                    // A link to this card's own page, whose preview shows the card.
                    <ShareButton/>
            </div>
        })
    };
    view! { <Modal open=ctx.open labelled_by="dialog-title" return_focus=card_dom_id content=content/> }
}
