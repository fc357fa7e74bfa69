use super::use_app;
use crate::charts::{self, Frame, Hit, Palette};
use crate::model::Lang;
use crate::web;
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use send_wrapper::SendWrapper;

/// A chart on a canvas: backing store sized by devicePixelRatio, redrawn when its box
/// resizes, the language or the colour scheme changes; tooltips found through the
/// regions the chart reported while drawing. Until the canvas is first drawn (and without
/// JavaScript) the chart shows as the build drew it, in SVG at the canvas's height; once the
/// app has attached, that drawing answers the pointer and keys through the transparent canvas
/// over it, from the regions the same drawing code reports (`charts::built_regions`), so a
/// chart is interactive as soon as the page is, and its canvas waits for an idle moment.
#[component]
pub fn ChartView(
    chart: String,
    /// An indicator to outline (the subject of a detail dialog).
    #[prop(optional)]
    highlight: Option<String>,
) -> impl IntoView {
    let ctx = use_app();
    let data = ctx.data;
    let spec = data
        .chart(&chart)
        .expect("chart ids come from the validated data");
    // The language the page was built (and its charts drawn) in.
    let page_lang = ctx.lang.get_untracked();
    let box_ref = NodeRef::<leptos::html::Div>::new();
    let canvas_ref = NodeRef::<leptos::html::Canvas>::new();
    let canvas = move || canvas_ref.get_untracked();
    let width = RwSignal::new(0.0_f64);
    // What the canvas shows: its tooltip regions, the language, scheme and width it was drawn
    // for, where the tooltip goes, the value the keyboard is on and the indicator outlined.
    // (One stored value: each stored type compiles code of its own.)
    let drawing = StoredValue::new(Drawing {
        highlight,
        ..Drawing::default()
    });
    // The tooltip's text (its place is in `drawing`). Signals share value types with the
    // app's others for the same reason.
    let tip = RwSignal::new(None::<String>);
    // What the keyboard last stepped to, for screen readers (a polite live region).
    let announced = RwSignal::new(None::<String>);
    // Whether the canvas has been drawn: it then takes the build-time drawing's place.
    let painted = RwSignal::new(false);
    // Whether the build's drawing is in the page (hydrated); a chart rendered in the browser
    // (a dialog's, a table's chart shown again) has none and draws its canvas at once.
    let built = StoredValue::new(false);

    // Where the build's drawing is wrong (another language) or absent, charts on or near the
    // screen are drawn at once and the others when the browser is idle, so a language switch
    // costs only what the reader sees. Embeds show one
    // chart (and offscreen iframes get no intersection updates), printing needs every chart.
    let near_screen = RwSignal::new(ctx.embedded());
    super::effect(move |_| {
        if let Some(el) = box_ref.get() {
            built.set_value(el.query_selector("svg.chart-svg").ok().flatten().is_some());
            let (wide, narrow) = charts::box_heights(data, spec);
            web::set_style_property(&el, "--h-wide", &px(wide));
            web::set_style_property(&el, "--h-narrow", &px(narrow));
            // Measured now as well: browsers skip rendering steps (and so ResizeObserver) in
            // offscreen iframes, where an embed must still draw to report its height. (The
            // dashboard's charts get their first width from the observer, without a forced layout.)
            if ctx.embedded() {
                width.set(el.get_bounding_client_rect().width());
            }
            let sized = web::WidthObserver::new(&el, move |w| width.set(w));
            let mut seen = None;
            if !ctx.embedded() {
                seen = web::VisibilityObserver::new(
                    &el,
                    "100% 0px",
                    Box::new(move |near| near_screen.set(near)),
                );
                if seen.is_none() {
                    near_screen.set(true);
                }
            }
            // Disconnected when the chart goes (this effect's cleanup, which must be `Send`:
            // browser objects are not, and this wasm has one thread).
            let observers = SendWrapper::new((sized, seen));
            on_cleanup(move || drop(observers));
        }
    });

    // Draws with the current language, scheme and width, unless the canvas already shows
    // exactly that. Reads signals untracked: the effect below decides when.
    let draw = move || {
        let (lang, dark, w) = (
            ctx.lang.get_untracked(),
            ctx.dark.get_untracked(),
            width.get_untracked(),
        );
        let Some(canvas) = canvas() else {
            return;
        };
        let key = (lang, dark, w.to_bits());
        if w < 1.0 || drawing.with_value(|d| d.drawn_as == Some(key)) {
            return;
        }
        // The canvas carries the language it is drawn in. Without its own `lang`, every
        // canvas re-resolves its fonts synchronously when the page's language changes (~12 ms
        // for the dashboard's canvases, measured in Chromium).
        let _ = canvas.set_attribute("lang", lang.code());
        let h = charts::preferred_height(data, spec, w);
        let dpr = web::device_pixel_ratio();
        canvas.set_width((w * dpr).round() as u32);
        // The CSS height comes from the box's --h-wide/--h-narrow (see style.css).
        canvas.set_height((h * dpr).round() as u32);
        let Some(backend) = CanvasBackend::with_canvas_object(canvas.clone()) else {
            return;
        };
        let measure = super::text_width();
        let area = charts::EitherBackend::Canvas(backend).into_drawing_area();
        let mut palette = Palette::for_dark(dark);
        if ctx.transparent {
            palette.background = None;
        }
        let highlight = drawing.with_value(|d| d.highlight.clone());
        let frame = Frame {
            data,
            chart: spec,
            lang,
            palette: &palette,
            scale: dpr,
            highlight: highlight.as_deref(),
            measure: &measure,
        };
        match charts::draw(&area, &frame) {
            Ok(regions) => drawing.update_value(|d| {
                d.hits = regions;
                d.space = (canvas.width() as f64, canvas.height() as f64);
            }),
            // Without the error's text: plotters-canvas keeps a JavaScript error as its
            // JSON, which for a DOMException is "{}"; formatting it cost ~0.3 KB of wasm.
            Err(_) => leptos::logging::error!("chart `{}` failed to draw", spec.id),
        }
        let _ = area.present();
        drawing.update_value(|d| d.drawn_as = Some(key));
        tip.set(None);
        let _ = canvas.set_attribute("data-drawn", lang.code());
        let _ = canvas.set_attribute("data-live", "");
        if !painted.get_untracked() {
            painted.set(true);
        }
        // Only an embed waits for its first drawing (see `EmbedView`).
        if ctx.embedded() {
            ctx.drawn.update(|n| *n = n.wrapping_add(1));
        }
    };

    // Until the canvas is drawn, the build-time drawing shown at the box's width answers the
    // pointer and keys: its regions, from the same drawing code painting nothing (microseconds).
    let build_time_regions = move || {
        let (Some(canvas), w) = (canvas(), width.get_untracked()) else {
            return;
        };
        if w < 1.0 {
            return;
        }
        let (hits, (dw, dh)) = charts::built_regions(data, spec, page_lang, w);
        drawing.update_value(|d| {
            d.hits = hits;
            d.space = (dw as f64, dh as f64);
        });
        let _ = canvas.set_attribute("data-live", "");
    };

    let idle_queued = StoredValue::new(false);
    super::effect(move |_| {
        // What a drawing depends on.
        ctx.lang.track();
        ctx.dark.track();
        width.track();
        box_ref.track();
        let (near, printing) = (near_screen.get(), ctx.printing.get());
        // The build-time drawing is right while it is in the reader's language (its colours
        // follow the scheme through the stylesheet): interactive now, its canvas when idle.
        // An embed draws at once: it reports its height once drawn (see `EmbedView`).
        let built_is_right = built.get_value()
            && !painted.get_untracked()
            && ctx.lang.get_untracked() == page_lang
            && !ctx.embedded();
        if built_is_right {
            build_time_regions();
        }
        if (near && !built_is_right) || printing {
            // After this turn's other effects: a canvas setting its language or font brings the
            // page's style up to date, and should do so once, after every text has changed.
            leptos::task::spawn_local(async move {
                // Nothing to do if the chart was removed meanwhile (a table shown instead).
                if width.try_get_untracked().is_some() {
                    draw();
                }
            });
        } else if !idle_queued.get_value() {
            idle_queued.set_value(true);
            web::when_idle(move || {
                // Nothing to do if the chart was removed meanwhile.
                if idle_queued.try_set_value(false).is_none() {
                    draw();
                }
            });
        }
    });

    // The canvas's CSS box, and the regions' pixels per CSS pixel across and down.
    let geometry = move || {
        let canvas = canvas()?;
        let rect = canvas.get_bounding_client_rect();
        let (w, h) = drawing.with_value(|d| d.space);
        Some((
            rect.clone(),
            w / rect.width().max(1.0),
            h / rect.height().max(1.0),
        ))
    };
    // Shows a tooltip above a point (CSS pixels of the canvas). It is anchored in proportion
    // to x — left-aligned at the left edge, centred in the middle, right-aligned at the right
    // edge — so, being at most as wide as the box (CSS), it never leaves it.
    let place_tip = move |width: f64, x: f64, y: f64, label: String| {
        let anchor = (x / width.max(1.0)).clamp(0.0, 1.0);
        drawing.update_value(|d| d.tip_at = (x, y, anchor));
        tip.set(Some(label));
    };

    let show_tip = move |client_x: f64, client_y: f64| {
        let Some((rect, sx, sy)) = geometry() else {
            return;
        };
        let (x, y) = (client_x - rect.left(), client_y - rect.top());
        match drawing
            .with_value(|d| charts::hit_at(&d.hits, x * sx, y * sy).map(|h| h.label.clone()))
        {
            Some(label) => place_tip(rect.width(), x, y, label),
            None => tip.set(None),
        }
    };

    // Arrow keys step through the values with the same tooltip the pointer shows.
    let on_key = move |e: web_sys::KeyboardEvent| {
        let forward = match e.key().as_str() {
            "ArrowRight" | "ArrowDown" => true,
            "ArrowLeft" | "ArrowUp" => false,
            _ => return,
        };
        e.prevent_default();
        let Some((rect, sx, sy)) = geometry() else {
            return;
        };
        let current = drawing.with_value(|d| d.focused.clone());
        let next = drawing.with_value(|d| {
            charts::step_region(&d.hits, current.as_deref(), forward).map(|h| {
                let x = (h.x0 + h.x1) as f64 / 2.0 / sx;
                (h.id.clone(), x, h.y0 as f64 / sy, h.label.clone())
            })
        });
        if let Some((id, x, y, label)) = next {
            drawing.update_value(|d| d.focused = Some(id));
            announced.set(Some(label.clone()));
            place_tip(rect.width(), x, y, label);
        }
    };
    let pointer =
        move |e: web_sys::PointerEvent| show_tip(e.client_x() as f64, e.client_y() as f64);
    let hide = move || {
        drawing.update_value(|d| d.focused = None);
        tip.set(None);
    };

    // The tooltip, last in the box, for the value it shows.
    let tooltip = move || {
        tip.get().map(|label| {
            let (x, y, anchor) = drawing.with_value(|d| d.tip_at);
            let percent = (-anchor * 1000.0).round() / 10.0;
            let shift = format!("translate({percent}%, calc(-100% - 12px))");
            view! {
                <div
                    class="tooltip"
                    role="tooltip"
                    style:left=px(x)
                    style:top=px(y)
                    style:transform=shift
                >
                    {label}
                </div>
            }
        })
    };

    let lang = ctx.lang;
    view! {
        <div class="chart-box" node_ref=box_ref>
            <canvas
                node_ref=canvas_ref
                lang=ctx.lang.get_untracked().code()
                data-chart=spec.id.clone()
                role="img"
                aria-label=move || charts::summary(data, spec, lang.get())
                on:pointermove=pointer
                on:pointerdown=pointer
                on:pointerleave=move |_| tip.set(None)
                tabindex="0"
                on:keydown=on_key
                on:blur=move |_| hide()
            ></canvas>
            {move || (!painted.get()).then(|| build_time_drawing(spec, page_lang))}
            <p class="visually-hidden" aria-live="polite">{move || announced.get().unwrap_or_default()}</p>
            {tooltip}
        </div>
    }
}

/// The chart as the build drew it (`charts::chart_svgs`), and its sentence for assistive
/// technology. In the browser the drawing is already in the page (hydration keeps it) or not
/// needed (the canvas is drawn at once), so the wasm carries no SVG drawing code.
fn build_time_drawing(spec: &'static crate::model::Chart, lang: Lang) -> impl IntoView {
    let data = crate::dataset();
    #[cfg(not(target_arch = "wasm32"))]
    let drawing = charts::chart_svgs(data, spec, lang);
    #[cfg(target_arch = "wasm32")]
    let drawing = String::new();
    view! {
        <div class="chart-static" inner_html=drawing></div>
        <p class="chart-alt visually-hidden">{charts::summary(data, spec, lang)}</p>
    }
}

/// A CSS length in pixels.
fn px(x: f64) -> String {
    format!("{x}px")
}

#[derive(Default)]
struct Drawing {
    hits: Vec<Hit>,
    /// The width and height of the drawing `hits` are in (its pixels).
    space: (f64, f64),
    drawn_as: Option<(Lang, bool, u64)>,
    /// The tooltip's x, y (CSS px) and horizontal anchor (0 = left edge … 1 = right edge).
    tip_at: (f64, f64, f64),
    /// The indicator whose value the keyboard last stepped to.
    focused: Option<String>,
    /// The indicator to outline (a detail dialog's subject).
    highlight: Option<String>,
}
