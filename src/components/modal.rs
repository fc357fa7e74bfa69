use super::{use_app, word};
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
    // In an effect: only in the browser (the build renders this natively, without a window).
    super::effect(move |_| {
        let handle = window_event_listener(ev::keydown, move |e| {
            if e.key() == "Escape" && open.get_untracked().is_some() {
                e.prevent_default();
                close();
            }
        });
        on_cleanup(move || handle.remove());
    });
    let close_button = NodeRef::<leptos::html::Button>::new();
    // Built anew for each id the dialog opens with. An id without content closes it again.
    let dialog = move || {
        let Some(body) = content(open.get()?) else {
            open.set(None);
            return None;
        };
        // Focus goes to the close button once it is in the page.
        web::next_frame(move || {
            if let Some(button) = close_button.get_untracked() {
                let _ = button.focus();
            }
        });
        Some(view! {
            <div class="backdrop" on:click=move |_| close()>
                <div
                    class="dialog"
                    role="dialog"
                    aria-modal="true"
                    aria-labelledby=labelled_by
                    on:click=|e| e.stop_propagation()
                >
                    <button type="button" class="dialog-close" node_ref=close_button on:click=move |_| close()>
                        {word(lang, Msg::Close)}
                    </button>
                    {body}
                </div>
            </div>
        })
    };
    view! { <div class="modal-host">{dialog}</div> }
}
