use super::{clicked, use_app, word};
use crate::i18n::Msg;
use crate::web;
use leptos::ev;
use leptos::prelude::*;

/// A modal dialog over the (inert) page, open while `open` holds an id. Esc, the close button
/// or a click outside close it; focus moves to the close button on open and returns to the
/// element `return_focus(id)` names on close.
#[component]
pub fn Modal<F, V>(
    open: RwSignal<Option<String>>,
    /// DOM id of the heading that names the dialog.
    labelled_by: &'static str,
    return_focus: fn(&str) -> String,
    /// The dialog's content for the open id; None keeps it closed (an unknown id).
    content: F,
) -> impl IntoView
where
    F: Fn(String) -> Option<V> + Send + Sync + 'static,
    V: IntoView + 'static,
{
    // The frame first: its effect runs before the content's, so the content finds this
    // opening's dialog element.
    let dialog = NodeRef::<leptos::html::Div>::new();
    let frame = frame(open, labelled_by, return_focus, dialog);
    // The content, built anew for each id the dialog opens with (see `replaced`), after the
    // close button. An id without content closes the dialog again.
    super::replaced(super::at_end(dialog), move || {
        let body = content(open.get()?);
        if body.is_none() {
            open.set(None);
        }
        body
    });
    frame
}

/// The dialog's frame (backdrop, dialog, close button, Escape, focus), the same for every
/// dialog: a function of its own, not generic over the content, so it is compiled once rather
/// than once per kind of dialog (−0.4 KB gzip). `dialog` gets the dialog element of each opening.
fn frame(
    open: RwSignal<Option<String>>,
    labelled_by: &'static str,
    return_focus: fn(&str) -> String,
    dialog: NodeRef<leptos::html::Div>,
) -> impl IntoView {
    let lang = use_app().lang;
    let close = move || {
        if let Some(id) = open.get_untracked() {
            open.set(None);
            // After the next render: until then the page is still `inert` and refuses focus.
            web::next_frame(move || {
                web::focus_by_id(&return_focus(&id));
            });
        }
    };
    let handle = window_event_listener(ev::keydown, move |e| {
        if e.key() == "Escape" && open.get_untracked().is_some() {
            e.prevent_default();
            close();
        }
    });
    on_cleanup(move || handle.remove());
    // Built anew for each opening; focus goes to the close button once it is in the page (found
    // there: an element reference of the button type compiled code of its own, +0.4 KB gzip).
    let host = NodeRef::<leptos::html::Div>::new();
    super::replaced(super::at_end(host), move || {
        open.get()?;
        web::next_frame(move || {
            web::focus_within(host.get_untracked().map(Into::into), ".dialog-close");
        });
        Some(view! {
            <div class="backdrop" on:click=clicked(move |_| close())>
                <div
                    class="dialog"
                    role="dialog"
                    aria-modal="true"
                    aria-labelledby=labelled_by
                    node_ref=dialog
                    on:click=clicked(|e| e.stop_propagation())
                >
                    <button type="button" class="dialog-close" on:click=clicked(move |_| close())>
                        {word(lang, Msg::Close)}
                    </button>
                </div>
            </div>
        })
    });
    view! { <div class="modal-host" node_ref=host></div> }
}
