use super::{use_app, word, CopyStatus, Downloads, Header};
use crate::embed::{self, EmbedError, EmbedParams, Target};
use crate::i18n::{self, export_text, ExportMsg, Msg};
use crate::model::{Lang, Scheme};
use crate::web;
use leptos::either::Either;
use leptos::prelude::*;

/// What the dashboard's "Download" and "Embed" links lead to (`export.html`): for one card or
/// chart, its data and picture downloads (charts) and its embed code, with the embed's options
/// and a live preview of the frame as an article would show it. A page and wasm of its own, so
/// readers of the dashboard do not load these tools until they use them. A bad address shows
/// a readable message with a link to the dashboard.
#[component]
pub fn ExportView(params: Result<EmbedParams<'static>, EmbedError>) -> impl IntoView {
    let ctx = use_app();
    let (data, lang) = (ctx.data, ctx.lang);
    let params = match params {
        Ok(p) => p,
        Err(e) => {
            web::set_document_language("vi", "Bắc Giang · export");
            return Either::Left(super::embed_view::problem(
                &e,
                "Không mở được trang tải về và nhúng",
                "This download and embed page cannot be shown",
            ));
        }
    };
    let target = params.target;
    let scheme = RwSignal::new(params.scheme);
    let plain = RwSignal::new(params.plain);
    let transparent = RwSignal::new(params.transparent);
    let status = CopyStatus::default();
    let image_status = CopyStatus::default();
    let base = web::app_base_url();
    // The address follows the page (language and options), so "Copy link" and a reload
    // give this same page.
    let query = move || {
        embed::query(
            target.id(),
            lang.get(),
            scheme.get(),
            plain.get(),
            transparent.get(),
        )
    };
    super::effect(move |_| {
        let l = lang.get();
        let title = format!("{} · {}", target.title(l), data.title.get(l));
        web::set_document_language(l.code(), &title);
        web::set_query(&query(), false);
        status.reset();
        image_status.reset();
    });
    // Links from the dashboard name a section (`#download`, `#embed`).
    web::next_frame(web::scroll_to_fragment);

    // What the snippets show: the item's own page, with the chosen options.
    let page = move || {
        embed::item_address(
            target.id(),
            lang.get(),
            scheme.get(),
            plain.get(),
            transparent.get(),
        )
    };
    let code = {
        let base = base.clone();
        move || {
            embed::snippet(
                &base,
                target.title(lang.get()),
                &page(),
                target.fallback_height(data),
            )
        }
    };
    let image_code = {
        let base = base.clone();
        move || {
            let l = lang.get();
            embed::image_snippet(&base, target.id(), l, &embed::key_fact(data, &target, l))
        }
    };
    let page_url = move || format!("{base}{}", embed::item_page(target.id(), lang.get()));
    let copy_from = move |text: String, field: &'static str, status: CopyStatus| {
        web::copy_text(&text, move |ok| {
            status.record(ok);
            if !ok {
                web::select_by_id(field);
            }
        });
    };
    let code_to_copy = code.clone();
    let copy = move |_| copy_from(code_to_copy(), "embed-code", status);
    let image_to_copy = image_code.clone();
    let copy_image = move |_| copy_from(image_to_copy(), "image-code", image_status);
    // Options start from the address; only the reader changes them afterwards: attributes,
    // not properties kept in step.
    let scheme_choice = move |s: Scheme, label: fn(Lang) -> &'static str| {
        view! {
            <label class="option">
                <input
                    type="radio"
                    name="embed-scheme"
                    value=s.code()
                    checked={ scheme.get_untracked() == s }
                    on:change=move |_| scheme.set(s)
                />
                {move || label(lang.get())}
            </label>
        }
    };
    let flag = move |signal: RwSignal<bool>, label: ExportMsg, name: &'static str| {
        view! {
            <label class="option">
                <input
                    type="checkbox"
                    name=name
                    // A checkbox's value is "on" anyway; written out, the two kinds of option
                    // are one element type, built by one function.
                    value="on"
                    checked=signal.get_untracked()
                    on:change=move |_| signal.update(|v| *v = !*v)
                />
                {say(lang, label)}
            </label>
        }
    };
    let section = NodeRef::<leptos::html::Section>::new();
    let downloads = match target {
        Target::Chart(c) => Some(view! {
            <section class="export-part" id="download" aria-labelledby="download-title" node_ref=section>
                <h3 id="download-title">{word(lang, Msg::Download)}</h3>
                <p>{say(lang, ExportMsg::DownloadIntro)}</p>
                <Downloads chart=c.id.clone() measure=Box::new(move || section.get_untracked().map(Into::into))/>
            </section>
        }),
        Target::Indicator(_) => None,
    };
    Either::Right(view! {
        <div class="page">
            <Header/>
            // Named: the preview frame holds a `main` of its own (landmarks must differ).
            <main id="content" class="export" aria-labelledby="export-title">
                <p class="back">
                    <a href=move || embed::dashboard_href(&target, lang.get())>
                        <span aria-hidden="true">"← "</span>
                        {say(lang, ExportMsg::BackToDashboard)}
                    </a>
                </p>
                <h2 class="export-title" id="export-title">
                    {move || target.title(lang.get()).to_string()}
                </h2>
                {downloads}
                <section class="export-part" id="embed" aria-labelledby="embed-title">
                    <h3 id="embed-title">{say(lang, ExportMsg::EmbedTitle)}</h3>
                    <p>{say(lang, ExportMsg::EmbedIntro)}</p>
                    <fieldset class="options">
                        <legend>{word(lang, Msg::ColourScheme)}</legend>
                        {scheme_choice(Scheme::Auto, |l| export_text(l, ExportMsg::SchemeAuto))}
                        {scheme_choice(Scheme::Light, |l| i18n::t(l, Msg::SchemeLight))}
                        {scheme_choice(Scheme::Dark, |l| i18n::t(l, Msg::SchemeDark))}
                    </fieldset>
                    <div class="options">
                        {flag(plain, ExportMsg::Plain, "plain")}
                        {flag(transparent, ExportMsg::Transparent, "transparent")}
                    </div>
                    {code_box(lang, "embed-code", 6, [ExportMsg::EmbedCode, ExportMsg::Copy], code, copy, status)}
                    <p class="note">{say(lang, ExportMsg::EmbedAttributes)}</p>
                    <p class="note">
                        {say(lang, ExportMsg::PageLink)}" "
                        <a class="item-link" href=page_url.clone()>{page_url.clone()}</a>
                    </p>
                </section>
                <section class="export-part" id="image" aria-labelledby="image-title">
                    <h3 id="image-title">{say(lang, ExportMsg::ImageTitle)}</h3>
                    <p>{say(lang, ExportMsg::ImageIntro)}</p>
                    {code_box(lang, "image-code", 4, [ExportMsg::ImageCode, ExportMsg::CopyImage], image_code, copy_image, image_status)}
                </section>
                <section class="export-part export-preview" aria-labelledby="preview-title">
                    <h3 id="preview-title">{say(lang, ExportMsg::Preview)}</h3>
                    // The frame as the code above puts it in an article; public/embed.js (loaded
                    // by this page) sizes it to its content, as on a news site. Not sandboxed:
                    // the app's own page, which the service worker then serves offline too
                    // (it cannot serve a frame of opaque origin).
                    <iframe
                        class="preview"
                        src=page
                        title=move || target.title(lang.get()).to_string()
                        height=target.fallback_height(data).to_string()
                        data-bac-giang-embed=""
                    ></iframe>
                </section>
            </main>
        </div>
    })
}

/// A code to paste: its label, the code (read-only, selectable) and its copy button with the
/// outcome. `words`: the label's and the button's.
fn code_box(
    lang: RwSignal<Lang>,
    id: &'static str,
    rows: u32,
    [label, button]: [ExportMsg; 2],
    code: impl Fn() -> String + Send + Sync + 'static,
    copy: impl Fn(leptos::ev::MouseEvent) + 'static,
    status: CopyStatus,
) -> impl IntoView {
    view! {
        <label class="code-label" for=id>{say(lang, label)}</label>
        <textarea id=id class="embed-code" readonly rows=rows spellcheck="false">{code}</textarea>
        <div class="copy-row">
            <button type="button" class="copy-button" on:click=copy>{say(lang, button)}</button>
            <p class="copy-status" role="status">
                {status.message(lang, |l| export_text(l, ExportMsg::Copied), |l| export_text(l, ExportMsg::CopyBlocked))}
            </p>
        </div>
    }
}

/// An export page word, in the current language.
fn say(
    lang: RwSignal<Lang>,
    msg: ExportMsg,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    move || export_text(lang.get(), msg)
}
