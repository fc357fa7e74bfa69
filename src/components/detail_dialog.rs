use super::indicator_card::{item_list, meta_row, value_details};
use super::{card_dom_id, line, local, use_app, word, ChartView};
use crate::format;
use crate::i18n::{self, Msg};
use crate::web;
use leptos::ev;
use leptos::prelude::*;

/// The open indicator in full: larger chart, notes, items and every source with its excerpt.
/// Esc, the close button or a click outside close it; focus returns to the card.
#[component]
pub fn DetailDialog() -> impl IntoView {
    let ctx = use_app();
    let (data, lang) = (ctx.data, ctx.lang);
    let close = move || {
        if let Some(id) = ctx.open.get_untracked() {
            ctx.open.set(None);
            // After the next render: until then the page is still `inert` and refuses focus.
            request_animation_frame(move || web::focus_by_id(&card_dom_id(&id)));
        }
    };
    let handle = window_event_listener(ev::keydown, move |e| {
        if e.key() == "Escape" && ctx.open.get_untracked().is_some() {
            e.prevent_default();
            close();
        }
    });
    on_cleanup(move || handle.remove());
    let close_ref = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if ctx.open.get().is_some() {
            if let Some(button) = close_ref.get() {
                let _ = button.focus();
            }
        }
    });

    move || {
        let ind = ctx.open.get().and_then(|id| data.indicator(&id))?;
        let chart = data.chart_for(ind).map(|c| c.id.clone());
        Some(view! {
            <div class="backdrop" on:click=move |_| close()>
                <div
                    class="dialog"
                    role="dialog"
                    aria-modal="true"
                    aria-labelledby="dialog-title"
                    data-dialog-for=ind.id.clone()
                    on:click=|e| e.stop_propagation()
                >
                    <button type="button" class="dialog-close" node_ref=close_ref on:click=move |_| close()>
                        {word(lang, Msg::Close)}
                    </button>
                    {meta_row(ind, lang)}
                    <h2 id="dialog-title">{local(lang, &ind.label)}</h2>
                    <p class="card-value">{line(lang, ind, format::headline)}</p>
                    {value_details(ind, lang)}
                    {chart.map(|c| view! { <div class="dialog-chart"><ChartView chart=c highlight=ind.id.clone()/></div> })}
                    {ind.note.as_ref().map(|n| view! { <p class="note">{local(lang, n)}</p> })}
                    {item_list(ind, lang)}
                    <h3>{word(lang, Msg::Sources)}</h3>
                    <ol class="source-list">
                        {ind.sources.iter().map(|c| {
                            let source = data.source(&c.source);
                            view! {
                                <li>
                                    <span class="source-name">{move || source.map(|s| format!("{} — {}", s.publisher.get(lang.get()), s.title.get(lang.get()))).unwrap_or_default()}</span>
                                    <span class="source-where">{move || format!(", {} {}: ", i18n::t(lang.get(), Msg::Paragraph), c.paragraph)}</span>
                                    <q lang=source.map(|s| s.lang.code()).unwrap_or("vi")>{c.excerpt.clone()}</q>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                </div>
            </div>
        })
    }
}
