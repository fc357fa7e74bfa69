use crate::i18n::{self, Msg};
use crate::model::Lang;
use leptos::prelude::*;

/// What a page whose item the address chooses at run time (`embed.html`, `export.html`) shows
/// without JavaScript: in both languages, what needs it (`needs`, `[vi, en]`) and a link to
/// the dashboard, whose built page has every figure (`new_tab` from an article's frame). The
/// build renders it into the page's `<noscript>`; the browser never runs it.
#[component]
pub fn NeedsScript(needs: [&'static str; 2], new_tab: bool) -> impl IntoView {
    let part = move |lang: Lang, needs: &'static str| {
        view! {
            <span lang=lang.code()>
                {format!("{needs} ")}
                <a href="index.html" target=new_tab.then_some("_blank") rel=new_tab.then_some("noopener")>
                    {i18n::t(lang, Msg::OpenDashboard)}
                </a>
            </span>
        }
    };
    view! {
        <noscript>
            <p class="load-error">{part(Lang::Vi, needs[0])}" · "{part(Lang::En, needs[1])}</p>
        </noscript>
    }
}
