use super::{card_dom_id, use_app};
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

/// The lines under a headline value: equivalent, change, rank, computation.
pub(super) fn value_details(ind: &'static Indicator, lang: RwSignal<Lang>) -> impl IntoView {
    let data = crate::dataset();
    view! {
        {move || ind.equivalent.as_ref().map(|eq| {
            let l = lang.get();
            view! { <p class="equivalent">{format!("≈ {}", format::amount(eq.value, eq.unit, 2, l))}</p> }
        })}
        {move || i18n::change_line(data, ind, lang.get()).map(|c| view! { <p class="change">{c}</p> })}
        {move || i18n::rank_line(ind, lang.get()).map(|r| view! { <p class="rank">{r}</p> })}
        {move || i18n::formula_line(data, ind, lang.get()).map(|f| view! { <p class="formula">{f}</p> })}
    }
}

/// The badges and period above a value.
pub(super) fn meta_row(ind: &'static Indicator, lang: RwSignal<Lang>) -> impl IntoView {
    view! {
        <p class="meta">
            <span class=format!("badge {}", status_class(ind.status))>{move || i18n::status(lang.get(), ind.status)}</span>
            {ind.is_derived().then(|| view! { <span class="badge badge-derived">{move || i18n::t(lang.get(), Msg::Computed)}</span> })}
            <span class="period">{move || format::period(&ind.period, lang.get())}</span>
        </p>
    }
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
    let numeric = ind.amount().is_some();
    view! {
        <article
            class=format!("card {}", status_class(ind.status))
            data-indicator=ind.id.clone()
            aria-labelledby=label_ref
        >
            {meta_row(ind, lang)}
            <h3 class="card-label" id=label_id>{move || ind.label.get(lang.get()).to_string()}</h3>
            <p class=if numeric { "card-value" } else { "card-value card-text" }>{move || format::headline(ind, lang.get())}</p>
            {value_details(ind, lang)}
            {(!ind.items.is_empty()).then(|| view! {
                <ul class="items">
                    {ind.items.iter().map(|item| view! { <li>{move || item.get(lang.get()).to_string()}</li> }).collect_view()}
                </ul>
            })}
            <p class="source">{move || i18n::sources_line(data, &ind.sources, lang.get())}</p>
            <button
                type="button"
                class="card-open"
                id=card_dom_id(&ind.id)
                aria-haspopup="dialog"
                on:click=move |_| ctx.open.set(Some(ind.id.clone()))
            >
                {move || i18n::t(lang.get(), Msg::Details)}
                <span class="visually-hidden">{move || format!(": {}", ind.label.get(lang.get()))}</span>
            </button>
        </article>
    }
}
