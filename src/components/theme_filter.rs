use super::{lang_attr, pressed, use_app, word};
use crate::i18n::{self, Msg};
use leptos::prelude::*;

/// A row of toggle buttons, one per theme plus "All". Plain buttons: Tab, Enter and Space
/// work everywhere, and `aria-pressed` tells assistive technology which one is on.
#[component]
pub fn ThemeFilter() -> impl IntoView {
    let ctx = use_app();
    let (lang, filter) = (ctx.lang, ctx.filter);
    // The theme's id as a `&'static str` (the data lives for the whole run): the button is
    // then the same element type as the colour-scheme and chart/table buttons, built by the
    // same code.
    let button = move |id: Option<&'static str>| {
        let selected = move || filter.with(|f| f.as_deref() == id);
        let label = move || match id {
            None => i18n::t(lang.get(), Msg::AllThemes),
            Some(t) => ctx.data.theme(t).map_or("", |t| t.label.get(lang.get())),
        };
        let value = id.unwrap_or("all");
        view! {
            <button
                type="button"
                class="filter-button"
                data-theme=value
                aria-pressed=pressed(selected)
                on:click=move |_| filter.set(id.map(str::to_string))
            >
                {label}
            </button>
        }
    };
    view! {
        <nav class="theme-filter" lang=lang_attr(lang) aria-label=word(lang, Msg::ThemesLabel)>
            {button(None)}
            {ctx.data.themes.iter().map(|t| button(Some(t.id.as_str()))).collect_view()}
        </nav>
    }
}
