//! The bands of chart box widths the build draws each chart for (see `build_time`), and where
//! the marks of the drawing shown in a box are: in the browser, a chart answers the pointer and
//! the keyboard over its build-time drawing from these regions until its canvas is drawn.

use super::{Frame, Hit, Palette};
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

/// The band a chart box of `width` CSS px belongs to (the one its container query shows).
pub fn band_at(width: f64) -> Band {
    let bands = chart_bands();
    let inside = |b: &&Band| {
        b.from.is_none_or(|from| width >= from as f64) && b.to.is_none_or(|to| width < to as f64)
    };
    *bands.iter().find(inside).unwrap_or(&bands[0])
}

/// The tooltip regions of the build-time drawing a box of `width` CSS px shows, and that
/// drawing's size (its coordinates' space; the box stretches it to fit). The same
/// [`super::draw`] as the drawing, on a backend that paints nothing.
pub fn built_regions(
    data: &Dataset,
    chart: &Chart,
    lang: Lang,
    width: f64,
) -> (Vec<Hit>, (u32, u32)) {
    let drawn = band_at(width).drawn;
    let height = super::preferred_height(data, chart, drawn as f64).round() as u32;
    let area = super::EitherBackend::Regions((drawn, height)).into_drawing_area();
    let frame = Frame {
        data,
        chart,
        lang,
        palette: &Palette::light(),
        scale: 1.0,
        highlight: None,
        measure: &super::estimate_text_width,
    };
    // Painting nothing cannot fail; a chart that cannot be drawn has no regions.
    let hits = super::draw(&area, &frame).unwrap_or_default();
    (hits, (drawn, height))
}
