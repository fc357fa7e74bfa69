//! Charts drawn with plotters. Each kind is one function generic over `DrawingBackend`, so
//! the same code paints the browser canvas and native SVG (tests, downloads).
//!
//! Sizes are given in CSS pixels and multiplied by `Frame::scale` (the device pixel ratio),
//! so a HiDPI canvas gets a sharper backing store, not smaller marks.

mod bands;
mod bars;
#[cfg(not(target_arch = "wasm32"))]
mod build_time;
mod either;
mod figure;
mod mark;
mod share;
#[cfg(not(target_arch = "wasm32"))]
mod styled_svg;
mod timeline;

pub use bands::{band_at, built_regions, chart_bands, Band};
#[cfg(not(target_arch = "wasm32"))]
pub use build_time::{band_css, chart_svgs};
pub use either::EitherBackend;
pub use figure::{draw_figure, figure_height, figure_svg, wrap, Caption};
#[cfg(not(target_arch = "wasm32"))]
pub use styled_svg::StyledSvg;

use crate::format;
use crate::model::{Chart, ChartKind, Dataset, Lang, Status};
use mark::Mark;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

pub type DrawResult<T, DB> = Result<T, DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Colours of one colour scheme.
#[derive(Debug, Clone, PartialEq)]
pub struct Palette {
    /// None draws nothing behind the chart (transparent embeds).
    pub background: Option<RGBColor>,
    pub text: RGBColor,
    pub muted: RGBColor,
    pub grid: RGBColor,
    pub on_series: RGBColor,
    pub series: [RGBColor; 4],
}

impl Palette {
    pub fn light() -> Self {
        Palette {
            background: Some(RGBColor(255, 255, 255)),
            text: RGBColor(27, 31, 36),
            muted: RGBColor(84, 93, 105),
            grid: RGBColor(208, 214, 221),
            on_series: RGBColor(255, 255, 255),
            series: [
                RGBColor(11, 92, 173),
                RGBColor(196, 72, 12),
                RGBColor(43, 122, 62),
                RGBColor(112, 72, 232),
            ],
        }
    }

    pub fn dark() -> Self {
        Palette {
            background: Some(RGBColor(24, 28, 34)),
            text: RGBColor(232, 234, 237),
            muted: RGBColor(170, 178, 189),
            grid: RGBColor(62, 70, 81),
            on_series: RGBColor(16, 18, 22),
            series: [
                RGBColor(110, 176, 255),
                RGBColor(255, 146, 84),
                RGBColor(105, 219, 124),
                RGBColor(236, 128, 196),
            ],
        }
    }

    /// A palette whose every role (see [`Palette::roles`]) has a colour of its own, for a
    /// drawing that names each mark's role and leaves its colour to a stylesheet (the
    /// prerendered page's SVG). The colours themselves are never shown.
    pub fn distinct() -> Self {
        let grey = |v| RGBColor(v, v, v);
        Palette {
            background: Some(grey(0)),
            text: grey(1),
            muted: grey(2),
            grid: grey(3),
            on_series: grey(4),
            series: [
                RGBColor(255, 0, 0),
                RGBColor(0, 255, 0),
                RGBColor(0, 0, 255),
                RGBColor(255, 255, 0),
            ],
        }
    }

    pub fn for_dark(dark: bool) -> Self {
        if dark {
            Self::dark()
        } else {
            Self::light()
        }
    }

    /// Every colour a chart may draw, by role: `bg`, `text`, `muted`, `grid`, `on` (text on a
    /// series colour), `s0`…`s3` (series) and `f0`…`f3` (the series faded). The build-time
    /// SVG names these roles and the stylesheet gives their colours (style.css `.chart-svg`).
    pub fn roles(&self) -> Vec<(&'static str, RGBColor)> {
        let mut roles = vec![
            ("text", self.text),
            ("muted", self.muted),
            ("grid", self.grid),
            ("on", self.on_series),
        ];
        roles.extend(self.background.map(|bg| ("bg", bg)));
        for (i, (s, f)) in [("s0", "f0"), ("s1", "f1"), ("s2", "f2"), ("s3", "f3")]
            .into_iter()
            .enumerate()
        {
            roles.push((s, self.series[i]));
            roles.push((f, self.faded(self.series[i])));
        }
        roles
    }

    pub fn series(&self, i: usize) -> RGBColor {
        self.series[i % self.series.len()]
    }

    /// A colour mixed towards the background, for estimates and plans.
    pub fn faded(&self, c: RGBColor) -> RGBColor {
        let bg = self.background.unwrap_or(RGBColor(255, 255, 255));
        let mix = |a: u8, b: u8| ((a as u16 * 2 + b as u16 * 3) / 5) as u8;
        RGBColor(mix(c.0, bg.0), mix(c.1, bg.1), mix(c.2, bg.2))
    }
}

/// Everything a chart needs to draw itself.
pub struct Frame<'a> {
    pub data: &'a Dataset,
    pub chart: &'a Chart,
    pub lang: Lang,
    pub palette: &'a Palette,
    /// Backing-store pixels per CSS pixel.
    pub scale: f64,
    /// An indicator to point out (the one a detail dialog is about).
    pub highlight: Option<&'a str>,
    /// Width of a text in backing-store pixels: `(text, font size in backing pixels, bold)`.
    /// The browser passes the canvas's own `measureText`; SVG uses [`estimate_text_width`].
    pub measure: &'a dyn Fn(&str, f64, bool) -> f64,
}

impl Frame<'_> {
    /// Whether a drawing area of `backing_width` pixels is narrow (see [`NARROW`]).
    fn is_narrow(&self, backing_width: u32) -> bool {
        (backing_width as f64 / self.scale) < NARROW
    }

    fn px(&self, css: f64) -> i32 {
        (css * self.scale).round() as i32
    }

    /// Width of `text` in backing-store pixels at `css_size`. Charts measure through this
    /// instead of plotters' `estimate_text_size`, which in the browser measures a DOM span
    /// with an inline style attribute (blocked by a strict CSP, and a forced layout per call).
    fn text_width(&self, text: &str, css_size: f64, bold: bool) -> i32 {
        (self.measure)(text, css_size * self.scale, bold).ceil() as i32
    }

    fn font(&self, css_size: f64, bold: bool, color: RGBColor) -> TextStyle<'static> {
        let style = if bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        FontDesc::new(FontFamily::Name(FONT_FAMILY), css_size * self.scale, style)
            .color(&color)
            .pos(Pos::new(HPos::Left, VPos::Top))
    }
}

/// A region of the drawn chart and what its tooltip says. Coordinates are backing-store
/// pixels, as drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub x0: i32,
    pub y0: i32,
    pub x1: i32,
    pub y1: i32,
    /// The indicator this region shows.
    pub id: String,
    pub label: String,
}

impl Hit {
    pub fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.x0 as f64 && x <= self.x1 as f64 && y >= self.y0 as f64 && y <= self.y1 as f64
    }
}

/// The region under a point (backing-store pixels), preferring the smallest.
pub fn hit_at(hits: &[Hit], x: f64, y: f64) -> Option<&Hit> {
    hits.iter()
        .filter(|h| h.contains(x, y))
        .min_by_key(|h| (h.x1 - h.x0) as i64 * (h.y1 - h.y0) as i64)
}

/// The next (or previous) region after the one showing `current`, for stepping through a
/// chart's values from the keyboard. Each indicator counts once (a share part has a segment
/// and a legend row); the order is the drawing order, wrapping around.
pub fn step_region<'a>(hits: &'a [Hit], current: Option<&str>, forward: bool) -> Option<&'a Hit> {
    let mut distinct: Vec<&Hit> = Vec::new();
    for h in hits {
        if !distinct.iter().any(|d| d.id == h.id) {
            distinct.push(h);
        }
    }
    let n = distinct.len();
    let at = current.and_then(|id| distinct.iter().position(|h| h.id == id));
    let next = match (at, forward) {
        (None, true) => 0,
        (None, false) => n.checked_sub(1)?,
        (Some(i), true) => (i + 1) % n,
        (Some(i), false) => (i + n - 1) % n,
    };
    distinct.get(next).copied()
}

/// Draws `frame.chart` filling `area`; returns the tooltip regions.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &Frame,
) -> DrawResult<Vec<Hit>, DB> {
    if let Some(bg) = frame.palette.background {
        area.draw(&Mark::fill(area, bg))?;
    }
    let hits = match frame.chart.kind {
        ChartKind::Bars => bars::draw(area, frame),
        ChartKind::Share => share::draw(area, frame),
        ChartKind::Timeline => timeline::draw(area, frame),
    }?;
    // Every chart kind reports where each indicator is drawn, so one outline serves all.
    let (w, h) = area.dim_in_pixel();
    let pad = frame.px(3.0);
    let style = frame.palette.text.stroke_width(frame.px(2.0).max(1) as u32);
    for hit in hits
        .iter()
        .filter(|hit| Some(hit.id.as_str()) == frame.highlight)
    {
        let corners = [
            ((hit.x0 - pad).max(0), (hit.y0 - pad).max(0)),
            (
                (hit.x1 + pad).min(w as i32 - 1),
                (hit.y1 + pad).min(h as i32 - 1),
            ),
        ];
        area.draw(&Mark::rect(corners, style))?;
    }
    Ok(hits)
}

/// Below this width (CSS px) charts stack labels instead of setting them side by side.
pub const NARROW: f64 = 560.0;

/// The page's font stack (style.css `body`, kept equal by a test): charts set their words in
/// the page's type, and a cold page looks up no second family (each family costs a font
/// lookup per size and weight, and character fallbacks, in the first layout).
pub const FONT_FAMILY: &str =
    "system-ui, -apple-system, Segoe UI, Roboto, Helvetica Neue, Arial, Noto Sans, sans-serif";

/// Height in CSS pixels the chart wants at a given width, so its box fits the content.
pub fn preferred_height(data: &Dataset, chart: &Chart, width: f64) -> f64 {
    let narrow = width < NARROW;
    match chart.kind {
        ChartKind::Bars => bars::height(data, chart, narrow),
        ChartKind::Share => share::height(chart, narrow),
        ChartKind::Timeline => timeline::height(chart),
    }
}

/// The chart's heights at and above [`NARROW`] and below it (CSS px): the only two it takes.
/// A container query picks between them, so a resized box gets its new height in the same
/// layout as its new width instead of a frame later when the chart redraws.
pub fn box_heights(data: &Dataset, chart: &Chart) -> (f64, f64) {
    (
        preferred_height(data, chart, NARROW),
        preferred_height(data, chart, NARROW - 1.0),
    )
}

/// A sentence stating the chart's data, for `aria-label` and as text fallback.
pub fn summary(data: &Dataset, chart: &Chart, lang: Lang) -> String {
    let items: Vec<String> = match chart.kind {
        ChartKind::Timeline => data
            .series(chart)
            .into_iter()
            .map(|i| {
                format!(
                    "{}: {}",
                    i.short_label().get(lang),
                    format::period(&i.period, lang)
                )
            })
            .collect(),
        ChartKind::Share => share::summary_items(data, chart, lang),
        ChartKind::Bars => data
            .series(chart)
            .into_iter()
            .map(|i| bars::named_value(data, i, lang))
            .collect(),
    };
    format!("{}. {}.", chart.title.get(lang), items.join("; "))
}

/// Renders a chart to an SVG document (native tests, downloads).
pub fn render_svg(
    data: &Dataset,
    chart: &Chart,
    lang: Lang,
    palette: &Palette,
    width: u32,
    highlight: Option<&str>,
) -> (String, Vec<Hit>) {
    let height = preferred_height(data, chart, width as f64).ceil() as u32;
    let mut svg = String::new();
    let hits;
    {
        let area = EitherBackend::Svg(SVGBackend::with_string(&mut svg, (width, height)))
            .into_drawing_area();
        let frame = Frame {
            data,
            chart,
            lang,
            palette,
            scale: 1.0,
            highlight,
            measure: &estimate_text_width,
        };
        hits = draw(&area, &frame).expect("drawing to an SVG string cannot fail");
        area.present().expect("present SVG");
    }
    (svg, hits)
}

/// A bar or span: solid for actual values; faded, hatched and outlined for estimates and
/// plans, so the difference never relies on colour alone.
fn status_rect<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    f: &Frame,
    (x0, y0, x1, y1): (i32, i32, i32, i32),
    color: RGBColor,
    status: Status,
) -> DrawResult<(), DB> {
    let corners = [(x0, y0), (x1, y1)];
    if status == Status::Actual {
        return area.draw(&Mark::rect(corners, color.filled()));
    }
    area.draw(&Mark::rect(corners, f.palette.faded(color).filled()))?;
    let line = color.stroke_width(f.px(1.5).max(1) as u32);
    let (h, step) = (y1 - y0, f.px(7.0).max(2));
    let mut x = x0 - h;
    while x < x1 {
        // A 45° stroke from the bottom-left, clipped to the rectangle.
        let (mut ax, mut ay, mut bx, mut by) = (x, y1, x + h, y0);
        if ax < x0 {
            ay -= x0 - ax;
            ax = x0;
        }
        if bx > x1 {
            by += bx - x1;
            bx = x1;
        }
        if ax <= bx {
            area.draw(&Mark::line((ax, ay), (bx, by), line))?;
        }
        x += step;
    }
    area.draw(&Mark::rect(corners, line))
}

/// The width of `text` at `size` pixels in the page's fonts, from per-character classes, for
/// SVG output, whose font the reader's system chooses: sized for the widest common one
/// (DejaVu Sans, 13–18 % wider than Arial), so a label never runs past the drawing; narrower
/// fonts leave a little room.
pub fn estimate_text_width(text: &str, size: f64, bold: bool) -> f64 {
    let ems: f64 = text
        .chars()
        .map(|c| match c {
            'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | 'I' | ' ' => 0.28,
            'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '-' | '/' => 0.36,
            'm' | 'w' | 'M' | 'W' | '%' | '@' => 0.85,
            '0'..='9' | '+' | '=' | '<' | '>' | '≈' | '$' => 0.56,
            '—' | '…' => 1.0,
            // ASCII only: char::is_uppercase would pull Unicode tables into the wasm.
            c if c.is_ascii_uppercase() => 0.68,
            _ => 0.53,
        })
        .sum();
    ems * size * if bold { 1.2 } else { 1.15 }
}
