use super::{pressed, use_app, word};
use crate::i18n::Msg;
use crate::model::Scheme;
use crate::web;
use leptos::prelude::*;

/// Automatic / light / dark. Automatic follows the system's `prefers-color-scheme`; the choice
/// is remembered where storage allows.
#[component]
pub fn SchemeToggle() -> impl IntoView {
    let ctx = use_app();
    let lang = ctx.lang;
    let button = move |scheme: Scheme, label: Msg| {
        view! {
            <button
                type="button"
                class="scheme-button"
                data-scheme=scheme.code()
                aria-pressed=pressed(move || ctx.scheme.get() == scheme)
                on:click=move |_| {
                    ctx.scheme.set(scheme);
                    web::store_scheme(scheme.code());
                }
            >
                {word(lang, label)}
            </button>
        }
    };
    view! {
        <div class="scheme-switch" role="group" aria-label=word(lang, Msg::ColourScheme)>
            {button(Scheme::Auto, Msg::SchemeAutoShort)}
            {button(Scheme::Light, Msg::SchemeLight)}
            {button(Scheme::Dark, Msg::SchemeDark)}
        </div>
    }
}
