//! A chart drawn at build time, for the HTML the build writes: the same [`super::draw`] as the
//! canvas, into SVG whose colours the stylesheet gives ([`StyledSvg`]), once per band of box
//! widths. SVG scales, but its words must not stretch far: each band is 10 % wide, none
//! straddles [`super::NARROW`] (where layout and height change), and a container query per band
//! ([`band_css`], copied into style.css and kept equal by a test) shows the one for the box's
//! width. Native only: `ChartView` shows it until its canvas is drawn.

use super::{Frame, Palette, StyledSvg};
use crate::model::{Chart, Dataset, Lang};
use plotters::prelude::IntoDrawingArea;

/// A band of chart box widths (CSS px) whose build-time chart is drawn at one width and
/// stretched to the box: `from..to`, open-ended at the narrowest and widest.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Band {
    pub from: Option<u32>,
    pub to: Option<u32>,
    pub drawn: u32,
}

/// How much wider each band's widest box is than its narrowest: its drawing, made for the
/// middle, is at most ~5 % off until the canvas takes over (and exact at the middle).
const BAND_STEP: f64 = 1.1;

/// Narrowest and widest chart boxes the page lays out (style.css): on a 320 px phone, and a
/// theme's only chart across the whole 1240 px page (less the page's and the card's padding and
/// border). The open-ended bands at either end are drawn for the middle of what is left.
const NARROWEST: f64 = 266.0;
const WIDEST: f64 = 1174.0;

/// The bands, narrowest first. None straddles [`super::NARROW`], where the chart's layout
/// and height change, so each band's drawing has the height its boxes have.
pub fn chart_bands() -> Vec<Band> {
    let mut edges = vec![super::NARROW];
    while edges[0] / BAND_STEP > NARROWEST {
        edges.insert(0, edges[0] / BAND_STEP);
    }
    while edges[edges.len() - 1] * BAND_STEP < WIDEST {
        edges.push(edges[edges.len() - 1] * BAND_STEP);
    }
    // Between the page's extremes, each pair of neighbours is a band drawn at its geometric
    // middle; the outermost two are open-ended.
    let mut points = vec![NARROWEST];
    points.extend(edges.iter().map(|e| e.round()));
    points.push(WIDEST);
    let last = points.len() - 2;
    points
        .windows(2)
        .enumerate()
        .map(|(i, pair)| Band {
            from: (i > 0).then_some(pair[0] as u32),
            to: (i < last).then_some(pair[1] as u32),
            drawn: (pair[0] * pair[1]).sqrt().round() as u32,
        })
        .collect()
}

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
