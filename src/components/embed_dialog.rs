use super::{clicked, embed_button_id, listen, live, use_app, word, Coded, CopyStatus, Modal};
use crate::embed::{self, Scheme, Target};
use crate::i18n::Msg;
use crate::web;
use leptos::prelude::*;

/// The embed code of a card or chart for the current language, with the render options, a
/// copy button, and manual copying when the clipboard is denied (the code is then selected).
#[component]
pub fn EmbedDialog() -> impl IntoView {
    let ctx = use_app();
    let (data, lang) = (ctx.data, ctx.lang);
    let scheme = Coded::new(ctx.scheme.get_untracked());
    let plain = Coded::new(false);
    let transparent = Coded::new(false);
    let status = CopyStatus::default();
    let base = web::app_base_url();
    super::effect(move |_| {
        ctx.embedding.track();
        status.reset();
    });

    let content = move |id: String| {
        let target = Target::find(data, &id)?;
        let base = base.clone();
        let code = move || {
            let l = lang.get();
            let query = embed::query(target.id(), l, scheme.get(), plain.get(), transparent.get());
            embed::snippet(&base, target.title(l), &query, target.fallback_height(data))
        };
        let code_to_copy = code.clone();
        let copy = move |_| {
            let text = code_to_copy();
            web::copy_text(&text, move |ok| {
                status.record(ok);
                if !ok {
                    web::select_by_id("embed-code");
                }
            });
        };
        // The dialog is built anew each time it opens (see `Modal`), so the options start
        // from the signals, and only the reader changes them while it is open: attributes, not
        // properties kept in step (a property setter is code of its own).
        let scheme_choice = move |s: Scheme, msg: Msg| {
            view! {
                <label class="option">
                    <input
                        type="radio"
                        name="embed-scheme"
                        value=s.code()
                        checked={ scheme.get_untracked() == s }
                        {..listen("change", move |_| scheme.set(s))}
                    />
                    {word(lang, msg)}
                </label>
            }
        };
        let flag = move |signal: Coded<bool>, msg: Msg, name: &'static str| {
            view! {
                <label class="option">
                    <input
                        type="checkbox"
                        name=name
                        // A checkbox's value is "on" anyway; written out, the two kinds of
                        // option are one element type, built by one function.
                        value="on"
                        checked=signal.get_untracked()
                        {..listen("change", move |_| signal.update(|v| *v = !*v))}
                    />
                    {word(lang, msg)}
                </label>
            }
        };
        Some(view! {
            <div class="dialog-body embed-dialog" data-embed-for=id.clone()>
                <h2 id="embed-title">
                    {word(lang, Msg::EmbedTitle)}
                    <span class="embed-subject">{live(move || target.title(lang.get()).to_string())}</span>
                </h2>
                <p>{word(lang, Msg::EmbedIntro)}</p>
                <fieldset class="options">
                    <legend>{word(lang, Msg::ColourScheme)}</legend>
                    {scheme_choice(Scheme::Auto, Msg::SchemeAuto)}
                    {scheme_choice(Scheme::Light, Msg::SchemeLight)}
                    {scheme_choice(Scheme::Dark, Msg::SchemeDark)}
                </fieldset>
                <div class="options">
                    {flag(plain, Msg::Plain, "plain")}
                    {flag(transparent, Msg::Transparent, "transparent")}
                </div>
                <label class="code-label" for="embed-code">{word(lang, Msg::EmbedCode)}</label>
                <textarea id="embed-code" class="embed-code" readonly rows="6" spellcheck="false">{live(code)}</textarea>
                <div class="copy-row">
                    <button type="button" class="copy-button" on:click=clicked(copy)>{word(lang, Msg::Copy)}</button>
                    <p class="copy-status" role="status">
                        {status.message(lang, Msg::Copied, Msg::CopyBlocked)}
                    </p>
                </div>
                <p class="note">{word(lang, Msg::EmbedAttributes)}</p>
            </div>
        })
    };
    view! { <Modal open=ctx.embedding labelled_by="embed-title" return_focus=embed_button_id content=content/> }
}
