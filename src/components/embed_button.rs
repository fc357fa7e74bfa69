use super::{clicked, embed_button_id, live, use_app, word};
use crate::i18n::Msg;
use crate::model::Text;
use leptos::prelude::*;

/// Opens the embed dialog for a card or chart.
#[component]
pub fn EmbedButton(item: String, title: &'static Text) -> impl IntoView {
    let ctx = use_app();
    let lang = ctx.lang;
    let id = embed_button_id(&item);
    view! {
        <button
            type="button"
            class="embed-button"
            id=id
            aria-haspopup="dialog"
            on:click=clicked(move |_| ctx.embedding.set(Some(item.clone())))
        >
            {word(lang, Msg::Embed)}
            <span class="visually-hidden">{live(move || format!(": {}", title.get(lang.get())))}</span>
        </button>
    }
}
