use super::{use_app, word, CopyStatus};
use crate::i18n::{self, Msg};
use crate::web;
use leptos::prelude::*;

/// Copies the address of the current view (language, theme filter, tables), or of the open
/// card's own page. Where the clipboard is denied, the link is shown selected for copying by
/// hand.
#[component]
pub fn ShareButton() -> impl IntoView {
    let ctx = use_app();
    let lang = ctx.lang;
    let status = CopyStatus::default();
    // The link last copied, shown for copying by hand when the clipboard refused it.
    let url = StoredValue::new(String::new());
    super::effect(move |_| {
        ctx.view_state();
        status.reset();
    });
    let copy = move |_| {
        // An open card: its own page, whose link preview shows that card (the dashboard's
        // shows the whole dashboard). The one-file copy has no item pages beside it.
        let link = match ctx.open.get_untracked() {
            Some(id) if !ctx.offline_copy() => format!(
                "{}{}",
                web::app_base_url(),
                crate::embed::item_page(&id, lang.get_untracked())
            ),
            _ => web::current_url(),
        };
        url.set_value(link.clone());
        web::copy_text(&link, move |ok| {
            status.record(ok);
            if !ok {
                // Once the field below exists (effects run after this callback).
                web::next_frame(|| web::select_by_id("share-url"));
            }
        });
    };
    // The link for copying by hand, after the status.
    let by_hand = move || {
        status.refused().then(|| view! {
            <input class="share-url" id="share-url" readonly value=url.get_value() aria-label=word(lang, Msg::CopyLink)/>
        })
    };
    view! {
        <div class="share">
            <button type="button" class="share-button" on:click=copy>{word(lang, Msg::CopyLink)}</button>
            <p class="share-status" role="status">
                {status.message(lang, |l| i18n::t(l, Msg::LinkCopied), |l| i18n::t(l, Msg::LinkBlocked))}
            </p>
            {by_hand}
        </div>
    }
}
