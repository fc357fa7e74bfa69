use super::{clicked, live, use_app, word};
use crate::i18n::{self, Msg};
use crate::web;
use leptos::prelude::*;

/// Copies the address of the current view (language, theme filter, open card, tables). Where
/// the clipboard is denied, the link is shown selected for copying by hand.
#[component]
pub fn ShareButton() -> impl IntoView {
    let ctx = use_app();
    let lang = ctx.lang;
    // None: not tried for this view; Some(copied).
    let copied = RwSignal::new(None::<bool>);
    let url = StoredValue::new(None::<String>);
    super::effect(move |_| {
        ctx.view_state();
        copied.set(None);
    });
    let copy = move |_| {
        let link = web::current_url();
        url.set_value(Some(link.clone()));
        web::copy_text(&link, move |ok| {
            copied.set(Some(ok));
            if !ok {
                // Once the field below exists (effects run after this callback).
                request_animation_frame(|| web::select_by_id("share-url"));
            }
        });
    };
    // The link for copying by hand, after the status (see `replaced`).
    let share = NodeRef::<leptos::html::Div>::new();
    super::replaced(super::at_end(share), move || {
        (copied.get() == Some(false)).then(|| view! {
            <input class="share-url" id="share-url" readonly value=url.get_value().unwrap_or_default() aria-label=word(lang, Msg::CopyLink)/>
        })
    });
    view! {
        <div class="share" node_ref=share>
            <button type="button" class="share-button" on:click=clicked(copy)>{word(lang, Msg::CopyLink)}</button>
            <p class="share-status" role="status">
                {live(move || copied.get().map_or("", |ok| i18n::t(lang.get(), if ok { Msg::LinkCopied } else { Msg::LinkBlocked })).to_string())}
            </p>
        </div>
    }
}
