use super::{card_dom_id, line, local, optional_line, use_app, word, ExportLink, SourceNote};
use crate::format;
use crate::i18n::{self, Msg};
use crate::model::{Indicator, Lang, Status};
use leptos::prelude::*;

pub(super) fn status_class(s: Status) -> &'static str {
    match s {
        Status::Actual => "status-actual",
        Status::Estimate => "status-estimate",
        Status::Plan => "status-plan",
    }
}

fn equivalent_line(ind: &'static Indicator, lang: Lang) -> Option<String> {
    i18n::equivalent_line(ind, lang)
}

fn change(ind: &'static Indicator, lang: Lang) -> Option<String> {
    i18n::change_line(crate::dataset(), ind, lang)
}

fn formula(ind: &'static Indicator, lang: Lang) -> Option<String> {
    i18n::formula_line(crate::dataset(), ind, lang)
}

fn status(ind: &'static Indicator, lang: Lang) -> String {
    i18n::status(lang, ind.status).to_string()
}

fn period(ind: &'static Indicator, lang: Lang) -> String {
    format::period(&ind.period, lang)
}

fn open_label(ind: &'static Indicator, lang: Lang) -> String {
    format!(": {}", ind.label.get(lang))
}

/// The lines under a headline value: equivalent, change, rank, computation.
pub(super) fn value_details(ind: &'static Indicator, lang: RwSignal<Lang>) -> impl IntoView {
    view! {
        {optional_line(lang, ind, "equivalent", equivalent_line)}
        {optional_line(lang, ind, "change", change)}
        {optional_line(lang, ind, "rank", i18n::rank_line)}
        {optional_line(lang, ind, "formula", formula)}
    }
}

/// The badges and period above a value.
pub(super) fn meta_row(ind: &'static Indicator, lang: RwSignal<Lang>) -> impl IntoView {
    view! {
        <p class="meta">
            <span class=format!("badge {}", status_class(ind.status))>{line(lang, ind, status)}</span>
            {ind.is_derived().then(|| view! { <span class="badge badge-derived">{word(lang, Msg::Computed)}</span> })}
            <span class="period">{line(lang, ind, period)}</span>
        </p>
    }
}

/// The bullet list of an indicator's items, if it has any.
pub(super) fn item_list(ind: &'static Indicator, lang: RwSignal<Lang>) -> impl IntoView {
    (!ind.items.is_empty()).then(|| {
        view! { <ul class="items">{ind.items.iter().map(|item| view! { <li>{local(lang, item)}</li> }).collect_view()}</ul> }
    })
}

/// One indicator: value with qualifier, period, status, change, rank, items, sources.
/// The whole card opens the detail dialog through its (stretched) details button.
#[component]
pub fn IndicatorCard(indicator: String) -> impl IntoView {
    let ctx = use_app();
    let (data, lang) = (ctx.data, ctx.lang);
    let ind = data
        .indicator(&indicator)
        .expect("indicator ids come from the validated data");
    let label_id = format!("label-{}", ind.id);
    let label_ref = label_id.clone();
    let value_class = if ind.amount().is_some() {
        "card-value"
    } else {
        "card-value card-text"
    };
    view! {
        <article
            id=crate::embed::anchor(&ind.id)
            class=format!("card {}", status_class(ind.status))
            data-indicator=ind.id.clone()
            aria-labelledby=label_ref
        >
            {meta_row(ind, lang)}
            <h3 class="card-label" id=label_id>{local(lang, &ind.label)}</h3>
            <p class=value_class>{line(lang, ind, format::headline)}</p>
            {value_details(ind, lang)}
            {item_list(ind, lang)}
            <SourceNote ind=ind/>
            // Embeds show the card alone: no dialog inside an article's frame.
            {(!ctx.embedded()).then(|| view! {
                <div class="card-actions">
                    <button
                        type="button"
                        class="card-open"
                        id=card_dom_id(&ind.id)
                        aria-haspopup="dialog"
                        on:click=move |_| ctx.open.set(Some(ind.id.clone()))
                    >
                        {word(lang, Msg::Details)}
                        <span class="visually-hidden">{line(lang, ind, open_label)}</span>
                    </button>
                    {ctx.can_embed().then(|| view! { <ExportLink item=ind.id.clone() part="embed" label=Msg::Embed title=&ind.label/> })}
                </div>
            })}
        </article>
    }
}
