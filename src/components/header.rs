use super::{lang_attr, local, pressed, use_app, word, SchemeToggle, ShareButton};
use crate::i18n::{self, Msg};
use crate::model::Lang;
use leptos::prelude::*;

/// Title, subtitle, "data as of", and the tools: language, colour scheme, copy link.
#[component]
pub fn Header() -> impl IntoView {
    let ctx = use_app();
    let (data, lang) = (ctx.data, ctx.lang);
    let switch = move |target: Lang, label: &'static str, name: &'static str| {
        view! {
            <button
                type="button"
                class="lang-button"
                lang=target.code()
                aria-pressed=pressed(move || lang.get() == target)
                on:click=move |_| lang.set(target)
            >
                {label}
                <span class="visually-hidden">{format!(" – {name}")}</span>
            </button>
        }
    };
    view! {
        <header class="site-header" lang=lang_attr(lang)>
            <div class="titles">
                <h1>{local(lang, &data.title)}</h1>
                <p class="subtitle">{local(lang, &data.subtitle)}</p>
                <p class="as-of">{move || i18n::as_of_line(data, lang.get())}</p>
                // The single file travels by email: say which data and build it carries.
                {ctx.offline_copy().then(|| view! {
                    <p class="offline-note">
                        {move || {
                            let l = lang.get();
                            format!("{} — {}", i18n::t(l, Msg::OfflineCopy), i18n::version_line(data, crate::BUILD, l))
                        }}
                    </p>
                })}
            </div>
            <div class="tools">
                <div class="lang-switch" role="group" aria-label=word(lang, Msg::Language)>
                    {switch(Lang::Vi, "VI", "Tiếng Việt")}
                    {switch(Lang::En, "EN", "English")}
                </div>
                <SchemeToggle/>
                <ShareButton/>
            </div>
        </header>
    }
}
