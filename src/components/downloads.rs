use super::use_app;
use crate::charts::{self, Caption, Frame, Palette};
use crate::export;
use crate::i18n;
use crate::web;
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;

/// Width (CSS px) of downloaded pictures: the column's width on screen, within sensible bounds.
fn picture_width(figure: Option<web_sys::Element>) -> f64 {
    figure
        .map(|f| f.get_bounding_client_rect().width())
        .filter(|w| *w >= 1.0)
        .unwrap_or(720.0)
        .clamp(320.0, 1200.0)
}

/// The data behind a chart as CSV or JSON, and the chart itself as PNG (2× pixels) or SVG,
/// drawn by the same function as on screen with its title, sources and data version around
/// it. File names carry the chart id and the data version.
#[component]
pub fn Downloads(
    chart: String,
    /// The element whose width the pictures take (the export page's downloads section, or the
    /// chart's figure in the one-file copy).
    measure: Box<dyn Fn() -> Option<web_sys::Element>>,
) -> impl IntoView {
    let ctx = use_app();
    let (data, lang) = (ctx.data, ctx.lang);
    let spec = data
        .chart(&chart)
        .expect("chart ids come from the validated data");
    let build = crate::BUILD;
    let name = move |ext: &str| export::file_name(data, build, &spec.id, ext);
    let notes = move |l| {
        let all = data.chart_citations(spec);
        [
            i18n::sources_line(data, all, l),
            i18n::version_line(data, build, l),
        ]
    };
    // Pictures use the colours on screen (light or dark), always on a background.
    let palette = move || Palette::for_dark(ctx.dark.get_untracked());

    let csv = move |_| {
        let text = export::csv(data, build, &data.chart_rows(spec), lang.get_untracked());
        web::download_text(&name("csv"), "text/csv;charset=utf-8", &text);
    };
    let json = move |_| {
        let text = export::chart_json(data, build, spec);
        web::download_text(&name("json"), "application/json", &text);
    };
    // Shared by the PNG and SVG buttons (it holds `measure`, which is not `Copy`).
    let picture = std::rc::Rc::new(move |png: bool| {
        let l = lang.get_untracked();
        let notes = notes(l);
        let caption = Caption {
            title: spec.title.get(l),
            notes: &notes,
        };
        let palette = palette();
        let width = picture_width(measure());
        let scale = if png { 2.0 } else { 1.0 };
        let measure = super::text_width();
        let frame = Frame {
            data,
            chart: spec,
            lang: l,
            palette: &palette,
            scale,
            highlight: None,
            measure: &measure,
        };
        if !png {
            let svg = charts::figure_svg(&frame, &caption, width);
            web::download_text(&name("svg"), "image/svg+xml", &svg);
            return;
        }
        let height = charts::figure_height(&frame, &caption, width);
        let Some(canvas) = web::offscreen_canvas((width * scale) as u32, (height * scale) as u32)
        else {
            return;
        };
        if let Some(backend) = CanvasBackend::with_canvas_object(canvas.clone()) {
            let area = charts::EitherBackend::Canvas(backend).into_drawing_area();
            if charts::draw_figure(&area, &frame, &caption, width).is_ok() {
                let _ = area.present();
                web::download_png(&name("png"), &canvas);
            }
        }
    });
    let svg_picture = picture.clone();
    view! {
        <div class="download-list">
                <button type="button" class="tool-button" data-download="csv" on:click=csv>"CSV"</button>
                <button type="button" class="tool-button" data-download="json" on:click=json>"JSON"</button>
                <button type="button" class="tool-button" data-download="png" on:click=move |_| picture(true)>"PNG"</button>
                <button type="button" class="tool-button" data-download="svg" on:click=move |_| svg_picture(false)>"SVG"</button>
        </div>
    }
}
