//! Browser tests (wasm-bindgen-test in headless Chromium): number formatting cross-checked
//! against the browser's own `Intl.NumberFormat`, and the mounted components.
#![cfg(target_arch = "wasm32")]

use bac_giang_economy::format;
use bac_giang_economy::model::Lang;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn intl(x: f64, lang: Lang, max_frac: usize) -> String {
    let f = js_sys::Function::new_with_args(
        "x, locale, digits",
        "return new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(x)",
    );
    let locale = if lang == Lang::Vi { "vi-VN" } else { "en-US" };
    f.call3(
        &wasm_bindgen::JsValue::NULL,
        &x.into(),
        &locale.into(),
        &(max_frac as f64).into(),
    )
    .unwrap()
    .as_string()
    .unwrap()
}

#[wasm_bindgen_test]
fn number_formatting_matches_intl_number_format() {
    let mut values = vec![
        0.0,
        1.0,
        7.5,
        13.1,
        14.5,
        27.69,
        63.97,
        61.26,
        2474.8,
        1583.12956,
        891.67044,
        438000.0,
        500000.0,
        59830.0,
        67805.0,
        6164.0,
        1.7,
        70.0,
        1.5,
        1234.5,
        999.999,
        1e6,
        123456789.123,
        1e15,
        0.125,
        0.375,
        1.005,
        2.675,
        1.0049,
        9.995,
        99.95,
        0.5,
        1.5,
        2.5,
        -2.5,
        -1234.567,
        -0.75,
        -13.1,
        4.6,
        87.6,
        12.4,
        0.01,
        0.001,
        12345.678,
        std::f64::consts::PI,
        2.0 / 3.0,
        1.0 / 3.0,
    ];
    // A deterministic spread of magnitudes and fractions.
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    for _ in 0..300 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let mantissa = (seed % 10_000_000) as f64 / 1000.0;
        let scale = 10f64.powi((seed >> 40) as i32 % 7 - 2);
        let sign = if seed & 1 == 0 { 1.0 } else { -1.0 };
        values.push(sign * mantissa * scale);
    }
    let mut checked = 0;
    for &x in &values {
        for lang in Lang::ALL {
            for digits in 0..=3 {
                let ours = format::number(x, digits, lang);
                let theirs = intl(x, lang, digits);
                // Intl writes "-0" for small negatives; we deliberately print "0".
                if theirs == "-0" {
                    assert_eq!(ours, "0");
                    continue;
                }
                assert_eq!(ours, theirs, "{x} with {digits} decimals in {lang:?}");
                checked += 1;
            }
        }
    }
    assert!(checked > 2500, "checked {checked} values");
}

/// Resolves once `start` has called the function it is given.
async fn promised(start: impl FnOnce(&js_sys::Function)) {
    let mut start = Some(start);
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(start) = start.take() {
            start(&resolve);
        }
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Resolves in the next task, after the microtasks (Leptos' effects among them) queued before.
async fn next_task() {
    promised(|resolve| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(resolve, 0)
            .unwrap();
    })
    .await;
}

/// Resolves once the browser has rendered a frame (`requestAnimationFrame`) and the task after
/// it has run: what the app does "after the next frame" is done by then.
async fn next_frame() {
    promised(|resolve| {
        web_sys::window()
            .unwrap()
            .request_animation_frame(resolve)
            .unwrap();
    })
    .await;
    next_task().await;
}

/// Waits until the browser has been idle twice: what a switch leaves for idle moments (the
/// sections off screen, the page's `lang`) is done by then.
async fn settled() {
    next_frame().await;
    for _ in 0..2 {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .request_idle_callback(&resolve)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    }
}

fn root_lang() -> Option<String> {
    document().document_element().unwrap().get_attribute("lang")
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn text_of(selector: &str) -> String {
    document()
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector}"))
        .text_content()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn app_renders_cards_and_switches_language() {
    let host: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), bac_giang_economy::components::App);
    next_frame().await;

    let data = bac_giang_economy::dataset();
    let cards = host.query_selector_all("article.card").unwrap().length() as usize;
    assert_eq!(cards, data.indicators.len(), "one card per indicator");
    let charts = host
        .query_selector_all("canvas[data-chart]")
        .unwrap()
        .length() as usize;
    assert_eq!(charts, data.charts.len(), "one canvas per chart");

    // Start from Vietnamese, whatever the test browser prefers.
    let vi: web_sys::HtmlElement = host
        .query_selector("button.lang-button[lang=vi]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    vi.click();
    settled().await;
    assert_eq!(
        text_of("article[data-indicator=grdp-growth-2023] .card-value"),
        "13,1%"
    );
    assert_eq!(
        text_of("article[data-indicator=investment-attracted-2024] .card-value"),
        "trên 1,7 tỷ USD"
    );
    assert_eq!(root_lang().as_deref(), Some("vi"));

    // The section on screen follows a switch at once (the next frame), with its own `lang`;
    // the page's `lang` and the sections off screen follow when the browser is idle.
    let growth = host
        .query_selector("section[data-theme=growth]")
        .unwrap()
        .unwrap();
    let far = host
        .query_selector("section.theme:last-of-type")
        .unwrap()
        .unwrap();
    growth.scroll_into_view();
    next_frame().await;
    let en: web_sys::HtmlElement = host
        .query_selector("button.lang-button[lang=en]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    en.click();
    // The task after the click's (before the browser has been idle).
    next_task().await;
    assert_eq!(
        text_of("article[data-indicator=grdp-growth-2023] .card-value"),
        "13.1%"
    );
    assert_eq!(growth.get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(
        far.get_attribute("lang").as_deref(),
        Some("vi"),
        "an offscreen section waits"
    );
    settled().await;
    assert_eq!(far.get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(root_lang().as_deref(), Some("en"));
    assert_eq!(
        text_of("article[data-indicator=investment-attracted-2024] .card-value"),
        "over USD 1.7 billion"
    );
    assert_eq!(
        text_of("article[data-indicator=luxshare-revenue-9m-2024] .change"),
        "+22.5% y/y"
    );
    assert_eq!(en.get_attribute("aria-pressed").as_deref(), Some("true"));

    // The detail dialog opens from a card and closes with Escape.
    let open: web_sys::HtmlElement = host
        .query_selector("#card-kcn-planned-area")
        .unwrap()
        .unwrap()
        .unchecked_into();
    open.click();
    next_frame().await;
    assert!(text_of("[role=dialog] h2").contains("Planned area"));
    let esc = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &{
        let init = web_sys::KeyboardEventInit::new();
        init.set_key("Escape");
        init
    })
    .unwrap();
    web_sys::window().unwrap().dispatch_event(&esc).unwrap();
    next_frame().await;
    assert!(
        document()
            .query_selector("[role=dialog]")
            .unwrap()
            .is_none(),
        "Escape closes the dialog"
    );
    drop(handle);
}

/// Mounts the app as `embed.html?{query}` would run it, returns the host element's HTML-level
/// findings through `check`, then restores the test page.
async fn with_embed_page(query: &str, check: impl FnOnce(&web_sys::HtmlElement)) {
    with_page("embed", query, check).await
}

/// Mounts the app as the page marked `data-view={view}` would run it at `?{query}` (see
/// [`with_embed_page`]).
async fn with_page(view: &str, query: &str, check: impl FnOnce(&web_sys::HtmlElement)) {
    let window = web_sys::window().unwrap();
    let root = document().document_element().unwrap();
    let history = window.history().unwrap();
    let before = window.location().href().unwrap();
    root.set_attribute("data-view", view).unwrap();
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(query))
        .unwrap();
    let host: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), bac_giang_economy::components::App);
    next_frame().await;
    next_frame().await;
    check(&host);
    drop(handle);
    host.remove();
    for attribute in ["data-view", "data-theme", "data-transparent"] {
        root.remove_attribute(attribute).unwrap();
    }
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&before))
        .unwrap();
}

#[wasm_bindgen_test]
async fn embed_page_shows_one_item_without_dashboard_controls() {
    with_embed_page("?id=park-land&lang=en&plain&theme=dark", |host| {
        let count = |s: &str| host.query_selector_all(s).unwrap().length();
        assert_eq!(count("figure[data-chart-card=park-land]"), 1, "the chart");
        assert_eq!(count("article.card"), 0, "no cards");
        assert_eq!(
            count(".embed-button, .card-open, .theme-filter, .lang-switch"),
            0,
            "no dashboard controls"
        );
        assert_eq!(
            count(".embed-head, .embed-foot"),
            0,
            "plain: no header or footer"
        );
        let title = bac_giang_economy::dataset()
            .chart("park-land")
            .unwrap()
            .title
            .get(Lang::En)
            .to_string();
        assert_eq!(text_of("figure[data-chart-card=park-land] h3"), title);
        let root = document().document_element().unwrap();
        assert_eq!(root.get_attribute("data-theme").as_deref(), Some("dark"));
        assert_eq!(root.get_attribute("lang").as_deref(), Some("en"));
    })
    .await;
    with_embed_page("?id=grdp-growth-2023&lang=vi", |host| {
        assert_eq!(
            text_of(".embed article[data-indicator=grdp-growth-2023] .card-value"),
            "13,1%"
        );
        let link = host.query_selector(".embed-foot a").unwrap().unwrap();
        assert_eq!(
            link.get_attribute("href").as_deref(),
            Some("index.html?lang=vi&theme=growth#item-grdp-growth-2023")
        );
    })
    .await;
    with_embed_page("?id=%3Cb%3Enope&lang=en", |host| {
        assert_eq!(
            host.query_selector_all("b").unwrap().length(),
            0,
            "markup stays text"
        );
        let message = text_of(".embed-problem");
        assert!(
            message.contains("There is no card or chart with the id “<b>nope”."),
            "{message}"
        );
        assert!(
            message.contains("Không có thẻ hoặc biểu đồ nào mang mã"),
            "{message}"
        );
    })
    .await;
}

#[wasm_bindgen_test]
async fn markup_inside_data_is_rendered_as_text() {
    use bac_giang_economy::components::{AppContext, IndicatorCard, SourceNote};
    use bac_giang_economy::model::Scheme;
    use leptos::prelude::*;

    const MARKUP: &str =
        "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script>";
    let mut data = bac_giang_economy::dataset().clone();
    let ind = &mut data.indicators[0];
    let id = ind.id.clone();
    ind.label.vi = format!("Nhãn {MARKUP}");
    ind.sources[0].excerpt = format!("trích {MARKUP}");
    let data: &'static _ = Box::leak(Box::new(data));

    let host: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let card_id = id.clone();
    let _handle = leptos::mount::mount_to(host.clone(), move || {
        provide_context(AppContext {
            data,
            lang: RwSignal::new(Lang::Vi),
            filter: RwSignal::new(None),
            open: RwSignal::new(None),
            tables: RwSignal::new(Vec::new()),
            scheme: RwSignal::new(Scheme::Auto),
            dark: RwSignal::new(false),
            printing: RwSignal::new(false),
            transparent: false,
            drawn: RwSignal::new(0),
            embed_page: false,
            offline_page: false,
        });
        let ind = data.indicator(&card_id).unwrap();
        view! { <IndicatorCard indicator=card_id.clone()/> <SourceNote ind=ind/> }
    });
    next_frame().await;
    // Open the source panel so the excerpt is rendered too.
    let toggle: web_sys::HtmlElement = host
        .query_selector(".source-toggle")
        .unwrap()
        .unwrap()
        .unchecked_into();
    toggle.click();
    next_frame().await;

    let html = host.inner_html();
    assert!(
        html.contains("Nhãn &lt;img src=x onerror=\"window.__pwned=1\"&gt;&lt;script&gt;"),
        "{html}"
    );
    assert!(html.contains("trích &lt;img"), "the excerpt is text too");
    assert_eq!(host.query_selector_all("img, script").unwrap().length(), 0);
    let label = host.query_selector(".card-label").unwrap().unwrap();
    assert_eq!(label.text_content().unwrap(), format!("Nhãn {MARKUP}"));
    let pwned = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__pwned".into()).unwrap();
    assert!(pwned.is_undefined(), "nothing ran");
}

#[wasm_bindgen_test]
async fn export_page_offers_downloads_and_the_embed_code_for_the_address_item() {
    with_page("export", "?id=park-land&lang=en&theme=dark", |host| {
        let count = |s: &str| host.query_selector_all(s).unwrap().length();
        assert_eq!(count("#download [data-download]"), 4, "CSV, JSON, PNG, SVG");
        // The textarea's text is its value (readonly, never edited).
        let code = text_of("#embed-code");
        assert!(
            code.contains("items/park-land.en.html?theme=dark\""),
            "{code}"
        );
        // The image snippet: the item's picture, its key fact as alt, linked to its page.
        let image = text_of("#image-code");
        assert!(
            image.contains("items/park-land.en.png\" width=\"600\" height=\"315\" alt=\"Land in established parks"),
            "{image}"
        );
        assert!(
            code.contains("title=\"Land in established parks: occupied and free\""),
            "{code}"
        );
        assert_eq!(
            count("input[name=embed-scheme][value=dark][checked]"),
            1,
            "the address's options are preselected"
        );
        let attr = |s: &str, a: &str| {
            host.query_selector(s)
                .unwrap()
                .unwrap()
                .get_attribute(a)
                .unwrap_or_default()
        };
        assert_eq!(
            attr(".back a", "href"),
            "index.html?lang=en&theme=parks#item-park-land"
        );
        assert_eq!(
            attr("iframe.preview", "src"),
            "items/park-land.en.html?theme=dark"
        );
        assert_eq!(
            text_of(".export-title"),
            "Land in established parks: occupied and free"
        );
    })
    .await;
    with_page("export", "?id=grdp-growth-2023&lang=vi", |host| {
        let count = |s: &str| host.query_selector_all(s).unwrap().length();
        assert_eq!(count("#download"), 0, "a card has no downloads of its own");
        assert_eq!(count("#embed-code"), 1);
        assert_eq!(count("#image-code"), 1);
    })
    .await;
    with_page("export", "?lang=en", |_| {
        let message = text_of(".embed-problem");
        assert!(
            message.contains("This download and embed page cannot be shown")
                && message.contains("The embed address does not name a card or chart (id)."),
            "{message}"
        );
    })
    .await;
}
