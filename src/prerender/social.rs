//! Social card images: each item (and the dashboard) as a 1200 × 630 PNG for link previews
//! (`og:image`), newsletters and email. Composed as SVG — title, key figure, the chart drawn by
//! the same [`charts::draw`] through plotters' SVG backend, source line and data version — and
//! rasterised by resvg with the bundled DejaVu Sans (`fonts/`, every Vietnamese diacritic), so
//! every build draws the same pixels whatever fonts the machine has. Always the light palette:
//! previews sit on platforms of either colour and a light card reads on both.

use super::escape;
use crate::charts::{self, Frame, Palette};
use crate::embed::Target;
use crate::i18n;
use crate::model::{Dataset, Lang};
use crate::BuildInfo;
use plotters::prelude::{IntoDrawingArea, SVGBackend};
use resvg::{tiny_skia, usvg};
use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};
use std::sync::Arc;

/// The size link previews use (Open Graph's and X's large card: 1.91 : 1).
pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;
const MARGIN: f64 = 56.0;
const FAMILY: &str = "DejaVu Sans";
const REGULAR: &[u8] = include_bytes!("fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("fonts/DejaVuSans-Bold.ttf");

/// The bundled fonts, loaded once for every image of a build.
pub struct Fonts {
    options: usvg::Options<'static>,
}

impl Fonts {
    pub fn bundled() -> Self {
        let mut options = usvg::Options {
            font_family: FAMILY.to_string(),
            ..usvg::Options::default()
        };
        let db = options.fontdb_mut();
        db.load_font_data(REGULAR.to_vec());
        db.load_font_data(BOLD.to_vec());
        db.set_sans_serif_family(FAMILY);
        Fonts { options }
    }

    /// `svg` (1200 × 630) as PNG bytes.
    pub fn rasterise(&self, svg: &str) -> Result<Vec<u8>, String> {
        let tree = usvg::Tree::from_str(svg, &self.options).map_err(|e| e.to_string())?;
        let mut pixmap = tiny_skia::Pixmap::new(WIDTH, HEIGHT).ok_or("no pixmap")?;
        resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
        pixmap.encode_png().map_err(|e| e.to_string())
    }

    /// The fonts' own data, shared with the SVG parser (for tests that check what it loaded).
    pub fn database(&self) -> Arc<usvg::fontdb::Database> {
        self.options.fontdb.clone()
    }
}

/// Width of `text` in the bundled font at `size` px: the sum of its glyphs' advances (the
/// font has no kerning that would matter for wrapping).
pub fn text_width(text: &str, size: f64, bold: bool) -> f64 {
    let font = FontRef::new(if bold { BOLD } else { REGULAR }).expect("the bundled font parses");
    let (charmap, metrics) = (
        font.charmap(),
        font.glyph_metrics(Size::new(size as f32), LocationRef::default()),
    );
    text.chars()
        .map(|c| {
            let glyph = charmap.map(c).unwrap_or_default();
            metrics.advance_width(glyph).unwrap_or(0.0) as f64
        })
        .sum()
}

/// Whether the bundled font (regular and bold) draws `c` itself rather than a missing-glyph box.
pub fn has_glyph(c: char) -> bool {
    [REGULAR, BOLD].iter().all(|data| {
        let font = FontRef::new(data).expect("the bundled font parses");
        font.charmap().map(c).is_some()
    })
}

/// `text` broken into lines no wider than `width`, at most `max` of them (the last ends with
/// "…" when text is left over).
pub fn wrap(text: &str, size: f64, bold: bool, width: f64, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if line.is_empty() || text_width(&candidate, size, bold) <= width {
            line = candidate;
        } else {
            lines.push(std::mem::replace(&mut line, word.to_string()));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() > max {
        lines.truncate(max);
        let last = lines.last_mut().expect("max > 0");
        while !last.is_empty() && text_width(&format!("{last} …"), size, bold) > width {
            last.pop();
        }
        last.push_str(" …");
    }
    lines
}

/// An SVG document being composed, top to bottom.
struct Card {
    svg: String,
    palette: Palette,
}

impl Card {
    fn new() -> Self {
        let palette = Palette::light();
        let mut svg = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" font-family=\"{FAMILY}\">"
        );
        svg.push_str(&format!(
            "<rect width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"{}\"/><rect width=\"{WIDTH}\" height=\"12\" fill=\"{}\"/>",
            hex(palette.background.expect("light has a background")),
            hex(palette.series[0])
        ));
        Card { svg, palette }
    }

    /// Text, muted text and the accent (the first series), as SVG colours.
    fn colours(&self) -> [String; 3] {
        [
            self.palette.text,
            self.palette.muted,
            self.palette.series[0],
        ]
        .map(hex)
    }

    /// The small line above the title.
    fn header(&mut self, line: &str) {
        let muted = hex(self.palette.muted);
        self.text(MARGIN, 66.0, 24.0, false, &muted, line);
    }

    /// One line of text with its baseline at `y`.
    fn text(&mut self, x: f64, y: f64, size: f64, bold: bool, colour: &str, text: &str) {
        let weight = if bold { " font-weight=\"bold\"" } else { "" };
        self.svg.push_str(&format!(
            "<text x=\"{x}\" y=\"{y}\" font-size=\"{size}\"{weight} fill=\"{colour}\">{}</text>",
            escape(text)
        ));
    }

    /// Wrapped text from baseline `y`; returns the baseline after its last line.
    #[allow(clippy::too_many_arguments)]
    fn paragraph(
        &mut self,
        y: f64,
        size: f64,
        bold: bool,
        colour: &str,
        text: &str,
        width: f64,
        max: usize,
    ) -> f64 {
        let mut y = y;
        for line in wrap(text, size, bold, width, max) {
            self.text(MARGIN, y, size, bold, colour, &line);
            y += size * 1.25;
        }
        y
    }

    /// The chart, drawn for a box of `box_w` × `box_h` at (`x`, `y`), scaled to fit it whole.
    fn chart(
        &mut self,
        data: &Dataset,
        chart: &crate::model::Chart,
        lang: Lang,
        highlight: Option<&str>,
        (x, y, box_w, box_h): (f64, f64, f64, f64),
    ) {
        // Drawn narrower than the box, then scaled up to fill it (at most twice): the words
        // stay legible when a platform shows the card at half size. The width that fills the
        // box most (charts' heights follow their widths by steps) wins.
        let fit = |width: f64| {
            let height = charts::preferred_height(data, chart, width).round();
            ((box_w / width).min(box_h / height).min(2.0), width, height)
        };
        let (_, width, height) = (0..=12)
            .map(|i| fit((box_w / (1.0 + i as f64 / 12.0)).round()))
            .fold(
                (0.0, box_w, 0.0),
                |best, c| if c.0 > best.0 { c } else { best },
            );
        let mut drawing = String::new();
        {
            let area = SVGBackend::with_string(&mut drawing, (width as u32, height as u32))
                .into_drawing_area();
            let frame = Frame {
                data,
                chart,
                lang,
                palette: &self.palette,
                scale: 1.0,
                highlight,
                measure: &text_width,
            };
            if let Err(e) = charts::draw(&area, &frame) {
                panic!("chart `{}` cannot be drawn for its card: {e}", chart.id);
            }
            area.present().expect("an SVG string takes any drawing");
        }
        // plotters' document, nested as an `svg` element fitted into the box.
        let body = drawing
            .split_once('>')
            .map_or("", |(_, rest)| rest)
            .trim_end()
            .trim_end_matches("</svg>");
        self.svg.push_str(&format!(
            "<svg x=\"{x}\" y=\"{y}\" width=\"{box_w}\" height=\"{box_h}\" viewBox=\"0 0 {width} {height}\" preserveAspectRatio=\"xMidYMid meet\">{body}</svg>"
        ));
    }

    /// Source and data version along the bottom.
    fn footer(&mut self, sources: &str, version: &str) {
        let (muted, width) = (hex(self.palette.muted), WIDTH as f64 - 2.0 * MARGIN);
        let line = wrap(sources, 22.0, false, width, 1).remove(0);
        self.text(MARGIN, HEIGHT as f64 - 54.0, 22.0, false, &muted, &line);
        self.text(MARGIN, HEIGHT as f64 - 22.0, 20.0, false, &muted, version);
    }

    fn finish(mut self) -> String {
        self.svg.push_str("</svg>");
        self.svg
    }
}

fn hex(c: plotters::style::RGBColor) -> String {
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}

/// The card of one item, as SVG (rasterised by [`Fonts::rasterise`]).
pub fn item_svg(data: &Dataset, build: BuildInfo, target: &Target, lang: Lang) -> String {
    let mut card = Card::new();
    let [text, _, accent] = card.colours();
    let full = WIDTH as f64 - 2.0 * MARGIN;
    card.header(&format!(
        "{} · {}",
        data.title.get(lang),
        i18n::as_of_line(data, lang)
    ));
    let bottom = HEIGHT as f64 - 96.0;
    let sources = match target {
        Target::Indicator(ind) => {
            let chart = data.chart_for(ind);
            // With its chart beside it, the figure takes the left column.
            let column = if chart.is_some() { 500.0 } else { full };
            let mut y = card.paragraph(124.0, 44.0, true, &text, ind.label.get(lang), full, 2);
            let headline = crate::format::headline(ind, lang);
            if ind.amount().is_some() {
                // As large as fits the column, up to 100 px.
                let size = (column / text_width(&headline, 100.0, true) * 100.0).clamp(40.0, 100.0);
                y += size * 0.9;
                card.text(MARGIN, y, size, true, &accent, &headline);
                y += 46.0;
            } else {
                y = card.paragraph(y + 48.0, 44.0, true, &accent, &headline, column, 3) + 6.0;
            }
            let details = [
                Some(crate::format::period(&ind.period, lang)),
                i18n::change_line(data, ind, lang),
                i18n::rank_line(ind, lang),
                i18n::equivalent_line(ind, lang),
            ];
            let items = ind.items.iter().map(|i| format!("• {}", i.get(lang)));
            for line in details.into_iter().flatten().chain(items) {
                if y > bottom - 10.0 {
                    break;
                }
                y = card.paragraph(y, 28.0, false, &text, &line, column, 2);
            }
            if let Some(chart) = chart {
                let top = 160.0;
                card.chart(
                    data,
                    chart,
                    lang,
                    Some(&ind.id),
                    (
                        MARGIN + column + 24.0,
                        top,
                        full - column - 24.0,
                        bottom - top,
                    ),
                );
            }
            i18n::sources_line(data, &ind.sources, lang)
        }
        Target::Chart(chart) => {
            let y = card.paragraph(124.0, 44.0, true, &text, chart.title.get(lang), full, 2);
            card.chart(
                data,
                chart,
                lang,
                None,
                (MARGIN, y - 20.0, full, bottom - y + 20.0),
            );
            let cites: Vec<_> = data
                .chart_rows(chart)
                .into_iter()
                .flat_map(|i| i.sources.iter())
                .collect();
            i18n::sources_line(data, cites, lang)
        }
    };
    card.footer(&sources, &i18n::version_line(data, build, lang));
    card.finish()
}

/// The dashboard's card: its title and subtitle, and the first figure of each of the first
/// themes, side by side.
pub fn dashboard_svg(data: &Dataset, build: BuildInfo, lang: Lang) -> String {
    let mut card = Card::new();
    let [text, muted, accent] = card.colours();
    let full = WIDTH as f64 - 2.0 * MARGIN;
    card.header(&i18n::as_of_line(data, lang));
    let y = card.paragraph(136.0, 56.0, true, &text, data.title.get(lang), full, 2);
    card.paragraph(y, 28.0, false, &muted, data.subtitle.get(lang), full, 2);
    let headlines: Vec<_> = data
        .themes
        .iter()
        .filter_map(|t| data.indicators_in(&t.id).find(|i| i.amount().is_some()))
        .take(3)
        .collect();
    let column = full / headlines.len().max(1) as f64;
    for (i, ind) in headlines.iter().enumerate() {
        let x = MARGIN + column * i as f64;
        let figure = crate::format::headline(ind, lang);
        let size = ((column - 24.0) / text_width(&figure, 64.0, true) * 64.0).min(64.0);
        let mut cell = Card {
            svg: String::new(),
            palette: card.palette.clone(),
        };
        cell.text(x, 420.0, size, true, &accent, &figure);
        for (j, line) in wrap(ind.label.get(lang), 24.0, false, column - 24.0, 2)
            .iter()
            .enumerate()
        {
            cell.text(x, 462.0 + 30.0 * j as f64, 24.0, false, &text, line);
        }
        card.svg.push_str(&cell.svg);
    }
    let cites: Vec<_> = headlines.iter().flat_map(|i| i.sources.iter()).collect();
    card.footer(
        &i18n::sources_line(data, cites, lang),
        &i18n::version_line(data, build, lang),
    );
    card.finish()
}
