use super::{local, use_app, word, ChartCard, IndicatorCard};
use crate::embed::{
    self, EmbedError, EmbedParams, Target, HEIGHT_MESSAGE, HEIGHT_REQUEST, SET_MESSAGE,
};
use crate::i18n::{self, Msg};
use crate::web;
use leptos::either::Either;
use leptos::prelude::*;

/// One card or chart for an article's iframe: a small header naming the dashboard, the item,
/// and a footer linking to the full dashboard with the data version (`plain` drops both).
/// Posts its height to the parent on load and whenever it changes. A bad URL shows a short
/// bilingual message instead.
#[component]
pub fn EmbedView(params: Result<EmbedParams<'static>, EmbedError>) -> impl IntoView {
    let ctx = use_app();
    let (data, lang) = (ctx.data, ctx.lang);
    let id = params.as_ref().map(|p| p.target.id()).unwrap_or("");
    let has_chart = matches!(
        params,
        Ok(EmbedParams {
            target: Target::Chart(_),
            ..
        })
    );
    // Measuring forces a synchronous layout, so heights are final when posted. A chart embed
    // waits for its first drawing, so the host never sees the undrawn height.
    super::effect(move |_| {
        if ctx.drawn.get() > 0 || !has_chart {
            web::post_height(HEIGHT_MESSAGE, id, false);
        }
    });
    web::on_window_resize(move || web::post_height(HEIGHT_MESSAGE, id, false));
    web::on_parent_message(HEIGHT_REQUEST, move |_| {
        web::post_height(HEIGHT_MESSAGE, id, true)
    });
    // The host page's own language or colour scheme toggle (`embed.js`'s `set`).
    web::on_parent_message(SET_MESSAGE, move |m| {
        let Some(set) = embed::host_settings(m.number("v"), m.text("lang"), m.text("theme")) else {
            return;
        };
        if let Some(l) = set.lang {
            ctx.lang.set(l);
        }
        if let Some(s) = set.scheme {
            ctx.scheme.set(s);
        }
    });

    let params = match params {
        Ok(p) => p,
        Err(e) => {
            web::set_document_language("vi", "Bắc Giang · embed");
            return Either::Left(problem(
                &e,
                "Không hiển thị được nội dung nhúng",
                "This embed cannot be shown",
            ));
        }
    };
    let target = params.target;
    let theme = data.theme(target.theme());
    super::effect(move |_| {
        let l = lang.get();
        let title = format!("{} · {}", target.title(l), data.title.get(l));
        web::set_document_language(l.code(), &title);
    });
    let item = match target {
        Target::Indicator(i) => Either::Left(view! { <IndicatorCard indicator=i.id.clone()/> }),
        Target::Chart(c) => Either::Right(view! { <ChartCard chart=c.id.clone()/> }),
    };
    let chrome = !params.plain;
    Either::Right(view! {
        // A source panel or the table view changes the height without a resize or a drawing:
        // post it once the change is laid out. (Observing every layout instead would also
        // post the passing heights of a resize.)
        <main
            class="embed"
            class:embed-plain=!chrome
            on:click=move |_| web::next_frame(move || web::post_height(HEIGHT_MESSAGE, id, false))
            on:keyup=move |_| web::next_frame(move || web::post_height(HEIGHT_MESSAGE, id, false))
        >
            // The frame is a page of its own: the dashboard's heading levels (site, theme, item)
            // keep its outline whole for screen readers.
            <h1 class="visually-hidden">{local(lang, &data.title)}</h1>
            <h2 class="visually-hidden">{move || theme.map(|t| t.label.get(lang.get())).unwrap_or_default().to_string()}</h2>
            {chrome.then(|| view! {
                <p class="embed-head">
                    <span class="embed-brand">{local(lang, &data.title)}</span>
                    <span class="embed-asof">{move || i18n::as_of_line(data, lang.get())}</span>
                </p>
            })}
            {item}
            {chrome.then(|| view! {
                <footer class="embed-foot">
                    <a href=move || embed::dashboard_href(&target, lang.get()) target="_blank" rel="noopener">
                        {word(lang, Msg::OpenDashboard)}
                        <span aria-hidden="true">" ↗"</span>
                    </a>
                    <span class="embed-version">{move || i18n::version_line(data, crate::BUILD, lang.get())}</span>
                </footer>
            })}
        </main>
    })
}

/// What a reader sees when the address of an embed (or of its export page) is wrong, under
/// `title` in both languages (the URL's own language may be the broken part).
pub(super) fn problem(
    error: &EmbedError,
    title_vi: &'static str,
    title_en: &'static str,
) -> impl IntoView {
    let (vi, en) = match error {
        EmbedError::MissingId => (
            "Đường dẫn nhúng thiếu mã thẻ hoặc biểu đồ (id).".to_string(),
            "The embed address does not name a card or chart (id).".to_string(),
        ),
        EmbedError::UnknownId(id) => (
            format!("Không có thẻ hoặc biểu đồ nào mang mã “{id}”."),
            format!("There is no card or chart with the id “{id}”."),
        ),
        EmbedError::BadValue { key, value } => (
            format!("Giá trị “{value}” không hợp lệ cho tham số “{key}”."),
            format!("“{value}” is not a valid value for “{key}”."),
        ),
        EmbedError::Conflict { key } => (
            format!("Tham số “{key}” xuất hiện nhiều lần với các giá trị khác nhau."),
            format!("“{key}” is given more than once with different values."),
        ),
    };
    view! {
        <main class="embed">
          <div class="embed-problem" role="alert">
            <h1 class="problem-title"><span lang="vi">{title_vi}</span>" · "<span lang="en">{title_en}</span></h1>
            <p lang="vi">{vi}</p>
            <p lang="en">{en}</p>
            <p>
                <a href="index.html" target="_blank" rel="noopener">
                    <span lang="vi">"Mở bảng số liệu đầy đủ"</span>" · "<span lang="en">"Open the full dashboard"</span>
                </a>
            </p>
          </div>
        </main>
    }
}
