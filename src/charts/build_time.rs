//! A chart drawn at build time, for the HTML the build writes: the same [`super::draw`] as the
//! canvas, into SVG whose colours the stylesheet gives ([`StyledSvg`]), once per band of box
//! widths. SVG scales, but its words must not stretch far: each band is 10 % wide, none
//! straddles [`super::NARROW`] (where layout and height change), and a container query per band
//! ([`band_css`], copied into style.css and kept equal by a test) shows the one for the box's
//! width. Native only: `ChartView` shows it until its canvas is drawn.

use super::{chart_bands, Frame, Palette, StyledSvg};
use crate::model::{Chart, Dataset, Lang};
use plotters::prelude::IntoDrawingArea;

/// The container queries that show each band's drawing (style.css holds a copy; a test keeps
/// the two equal).
pub fn band_css() -> String {
    let mut css = String::new();
    for (i, band) in chart_bands().iter().enumerate() {
        let query = match (band.from, band.to) {
            (None, Some(to)) => format!("width < {to}px"),
            (Some(from), Some(to)) => format!("{from}px <= width < {to}px"),
            (Some(from), None) => format!("width >= {from}px"),
            (None, None) => "width >= 0px".to_string(),
        };
        css.push_str(&format!(
            "@container ({query}) {{ .chart-svg.b{i} {{ display: block; }} }}\n"
        ));
    }
    css
}

/// A chart drawn at build time by the same [`super::draw`] as the canvas, once per band of
/// box widths, into SVG whose colours the stylesheet gives. Hidden from
/// assistive technology: the chart's sentence after it says what it shows.
pub fn chart_svgs(data: &Dataset, chart: &Chart, lang: Lang) -> String {
    let palette = Palette::distinct();
    let mut out = String::new();
    for (i, band) in chart_bands().iter().enumerate() {
        let width = band.drawn;
        let height = super::preferred_height(data, chart, width as f64).round() as u32;
        // Hidden by its `display` attribute, which the stylesheet's band rule overrides: a
        // reader without the stylesheet (a reader mode, a feed) gets the sentence, not 16 copies.
        out.push_str(&format!(
            "<svg class=\"chart-svg b{i}\" viewBox=\"0 0 {width} {height}\" preserveAspectRatio=none width=100% height={height} display=none aria-hidden=true>"
        ));
        let frame = Frame {
            data,
            chart,
            lang,
            palette: &palette,
            scale: 1.0,
            highlight: None,
            measure: &super::estimate_text_width,
        };
        let area = StyledSvg::new(&mut out, (width, height), &palette).into_drawing_area();
        if let Err(e) = super::draw(&area, &frame) {
            panic!("chart `{}` cannot be drawn at build time: {e}", chart.id);
        }
        drop(area); // it writes into `out`
        out.push_str("</svg>");
    }
    out
}
