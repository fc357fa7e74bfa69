use super::{local, pressed, use_app};
use crate::format;
use crate::i18n::{self, CitationView, Msg};
use crate::model::{Citation, Indicator, Lang};
use crate::web;
use leptos::prelude::*;

/// Every citation of a value: article (publisher, title, language, date), paragraph and the
/// quoted words, the reader's language first. Shared with the detail dialog.
pub(super) fn citation_list(cites: &'static [Citation], lang: RwSignal<Lang>) -> impl IntoView {
    let data = use_app().data;
    // In the reader's language first: the list is rebuilt when the language changes.
    let items = move || {
        let items = i18n::citations(data, cites, lang.get()).into_iter().map(
            |CitationView {
                 article,
                 place,
                 excerpt,
                 excerpt_lang,
             }| {
                view! {
                    <li>
                        <span class="source-name">{article}</span>
                        <span class="source-where">{format!("{place}: ")}</span>
                        <q lang=excerpt_lang.code()>{excerpt}</q>
                    </li>
                }
            },
        );
        items.collect_view()
    };
    view! { <ol class="source-list">{items}</ol> }
}

/// What a panel says about a value: for a computed one, the computation and each input with
/// its value and sources; then the value's own citations.
fn explanation(ind: &'static Indicator, lang: RwSignal<Lang>) -> impl IntoView {
    let data = use_app().data;
    let inputs = ind
        .formula
        .as_ref()
        .map(|f| f.inputs().map(|id| data.indicator(id)));
    view! {
        {ind.formula.is_some().then(|| view! {
            <p class="source-formula">{move || i18n::formula_line(data, ind, lang.get()).unwrap_or_default()}</p>
        })}
        {inputs.map(|inputs| view! {
            <ul class="source-inputs">
                {inputs.into_iter().flatten().map(|input| view! {
                    <li>
                        <strong>{local(lang, &input.label)}</strong>
                        {move || format!(": {}", format::headline(input, lang.get()))}
                        {citation_list(&input.sources, lang)}
                    </li>
                }).collect_view()}
            </ul>
        })}
        // A computed value's own sources are its inputs' (listed above with each input).
        {ind.formula.is_none().then(|| citation_list(&ind.sources, lang))}
    }
}

/// The source line of a value. Pressing it opens, in place, where the figure comes from:
/// the article, the paragraph and the words (in both languages where both articles state it),
/// or how it was computed. Esc closes it.
#[component]
pub fn SourceNote(ind: &'static Indicator, #[prop(optional)] compact: bool) -> impl IntoView {
    let ctx = use_app();
    let (data, lang) = (ctx.data, ctx.lang);
    let open = RwSignal::new(false);
    let panel_id = format!("sources-{}{}", ind.id, if compact { "-row" } else { "" });
    // Built when opened: most panels are never opened.
    let explained = move || open.get().then(|| explanation(ind, lang));
    let on_key = move |e: web_sys::KeyboardEvent| {
        if e.key() == "Escape" && open.get_untracked() {
            e.stop_propagation();
            open.set(false);
            web::focus_within(e.current_target(), ".source-toggle");
        }
    };
    view! {
        <div class="source-note" on:keydown=on_key>
            <button
                type="button"
                class="source-toggle"
                aria-expanded=pressed(move || open.get())
                aria-controls=panel_id.clone()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {move || match compact {
                    // In a table row the column header already says "Sources".
                    true => i18n::t(lang.get(), Msg::Sources).to_string(),
                    false => i18n::sources_line(data, &ind.sources, lang.get()),
                }}
            </button>
            <div class="source-panel" id=panel_id hidden=move || !open.get()>{explained}</div>
        </div>
    }
}
