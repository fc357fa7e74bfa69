//! A chart as a standalone picture (SVG and PNG downloads): its title above, the chart drawn by
//! the same [`draw`] as on screen, and its sources and data version below, so the picture
//! carries its own citation wherever it travels.

use super::mark::Mark;
use super::{draw, preferred_height, DrawResult, EitherBackend, Frame};
use plotters::coord::Shift;
use plotters::prelude::*;

const PAD: f64 = 12.0;
const TITLE_SIZE: f64 = 17.0;
const NOTE_SIZE: f64 = 11.5;

/// The words of `text` in lines no wider than `max` (backing pixels), greedily. Words are
/// separated by ASCII whitespace only: a no-break space keeps its words on one line.
pub fn wrap(text: &str, max: f64, width_of: &dyn Fn(&str) -> f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_ascii_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if !line.is_empty() && width_of(&candidate) > max {
            lines.push(std::mem::replace(&mut line, word.to_string()));
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// What goes around the chart, already in the reader's language.
pub struct Caption<'a> {
    pub title: &'a str,
    /// Lines under the chart: sources, data version.
    pub notes: &'a [String],
}

struct Layout {
    title: Vec<String>,
    notes: Vec<String>,
    chart_top: f64,
    chart_height: f64,
    height: f64,
}

fn layout(frame: &Frame, caption: &Caption, width: f64) -> Layout {
    let inner = (width - 2.0 * PAD).max(40.0);
    let s = frame.scale;
    let measure = |size: f64, bold: bool| move |t: &str| (frame.measure)(t, size * s, bold) / s;
    let title = wrap(caption.title, inner, &measure(TITLE_SIZE, true));
    let mut notes = Vec::new();
    for note in caption.notes {
        notes.extend(wrap(note, inner, &measure(NOTE_SIZE, false)));
    }
    let chart_top = PAD + title.len() as f64 * TITLE_SIZE * 1.3 + 8.0;
    let chart_height = preferred_height(frame.data, frame.chart, width);
    let height = chart_top + chart_height + 8.0 + notes.len() as f64 * NOTE_SIZE * 1.4 + PAD;
    Layout {
        title,
        notes,
        chart_top,
        chart_height,
        height,
    }
}

/// Height in CSS pixels of the picture at `width`.
pub fn figure_height(frame: &Frame, caption: &Caption, width: f64) -> f64 {
    layout(frame, caption, width).height.ceil()
}

/// Draws the picture filling `area` (sized `width` × [`figure_height`] CSS pixels, times
/// `frame.scale`).
pub fn draw_figure<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &Frame,
    caption: &Caption,
    width: f64,
) -> DrawResult<(), DB> {
    let l = layout(frame, caption, width);
    let bg = frame.palette.background.unwrap_or(RGBColor(255, 255, 255));
    area.draw(&Mark::fill(area, bg))?;
    let px = |v: f64| (v * frame.scale).round() as i32;
    for (i, line) in l.title.iter().enumerate() {
        let y = PAD + i as f64 * TITLE_SIZE * 1.3;
        let style = frame.font(TITLE_SIZE, true, frame.palette.text);
        area.draw(&Mark::label(line.as_str(), (px(PAD), px(y)), style))?;
    }
    let chart = area
        .clone()
        .shrink((0, px(l.chart_top)), (px(width), px(l.chart_height)));
    draw(&chart, frame)?;
    let notes_top = l.chart_top + l.chart_height + 8.0;
    for (i, line) in l.notes.iter().enumerate() {
        let y = notes_top + i as f64 * NOTE_SIZE * 1.4;
        let style = frame.font(NOTE_SIZE, false, frame.palette.muted);
        area.draw(&Mark::label(line.as_str(), (px(PAD), px(y)), style))?;
    }
    Ok(())
}

/// The picture as an SVG document, `width` CSS pixels wide.
pub fn figure_svg(frame: &Frame, caption: &Caption, width: f64) -> String {
    let height = figure_height(frame, caption, width);
    let mut svg = String::new();
    {
        let backend = SVGBackend::with_string(&mut svg, (width as u32, height as u32));
        let area = EitherBackend::Svg(backend).into_drawing_area();
        // Writing to a String cannot fail; a failure would only mean missing marks.
        let _ = draw_figure(&area, frame, caption, width);
        let _ = area.present();
    }
    svg
}
