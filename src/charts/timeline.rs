//! Events and periods on a time axis: dated decisions as dots, spans (plans, programmes) as
//! bars; plans are hatched. A dashed line marks the date the data describes.

use super::mark::Mark;
use super::{status_rect, DrawResult, Frame, Hit};
use crate::format;
use crate::i18n;
use crate::model::{Chart, Status};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

const PAD: f64 = 8.0;
const ROW: f64 = 46.0;
const MARK_Y: f64 = 26.0;
const AXIS: f64 = 44.0;

pub(super) fn height(chart: &Chart) -> f64 {
    2.0 * PAD + chart.series.len() as f64 * ROW + AXIS
}

pub(super) fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    f: &Frame,
) -> DrawResult<Vec<Hit>, DB> {
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    let p = f.palette;
    let pad = f.px(PAD);
    let events = f.data.series(f.chart);
    let spans: Vec<(f64, f64)> = events.iter().map(|e| e.period.span()).collect();
    let t0 = spans
        .iter()
        .map(|s| s.0)
        .fold(f64::INFINITY, f64::min)
        .floor();
    let t1 = spans
        .iter()
        .map(|s| s.1)
        .fold(f64::NEG_INFINITY, f64::max)
        .ceil()
        .max(t0 + 1.0);
    let (left, right) = (pad + f.px(4.0), w - pad - f.px(4.0));
    let x_of = |t: f64| left + ((t - t0) / (t1 - t0) * (right - left) as f64).round() as i32;

    let axis_y = pad + events.len() as i32 * f.px(ROW) + f.px(6.0);
    let tick_font = f
        .font(12.0, false, p.muted)
        .pos(Pos::new(HPos::Center, VPos::Top));
    // Year ticks, thinned so labels never collide.
    let year_w = f.text_width("2030", 12.0, false) as f64 + f.px(10.0) as f64;
    let px_per_year = (right - left) as f64 / (t1 - t0);
    let step = [1, 2, 5, 10, 20]
        .into_iter()
        .find(|s| *s as f64 * px_per_year >= year_w)
        .unwrap_or(50);
    area.draw(&Mark::line(
        (left, axis_y),
        (right, axis_y),
        p.muted.stroke_width(1),
    ))?;
    let mut year = t0 as i32;
    while year as f64 <= t1 {
        let x = x_of(year as f64);
        area.draw(&Mark::line((x, pad), (x, axis_y), p.grid.stroke_width(1)))?;
        if (year - t0 as i32) % step == 0 && (year as f64) < t1 {
            // Year labels sit in the middle of their year.
            let mid = x_of(year as f64 + 0.5).min(right - f.px(12.0));
            area.draw(&Mark::label(
                year.to_string(),
                (mid, axis_y + f.px(5.0)),
                tick_font.clone(),
            ))?;
        }
        year += 1;
    }

    // The date the data describes.
    let (as_of, _) = f.data.as_of.span();
    if (t0..=t1).contains(&as_of) {
        let x = x_of(as_of);
        area.draw(&Mark::dashed(
            (x, pad),
            (x, axis_y),
            f.px(4.0),
            f.px(3.0),
            p.text.stroke_width(1),
        ))?;
        let text = i18n::as_of_line(f.data, f.lang);
        let font = f.font(11.0, false, p.text);
        let tw = f.text_width(&text, 11.0, false);
        let tx = (x - tw / 2).clamp(pad, (w - pad - tw).max(pad));
        area.draw(&Mark::label(text, (tx, h - pad - f.px(13.0)), font))?;
    }

    let label_font = f.font(13.0, false, p.text);
    let mut hits = Vec::new();
    for (i, (ev, (s, e))) in events.iter().zip(&spans).enumerate() {
        let y = pad + i as i32 * f.px(ROW);
        let color = p.series(if ev.status == Status::Plan { 1 } else { 0 });
        let label = format!(
            "{} · {}",
            ev.short_label().get(f.lang),
            format::period(&ev.period, f.lang)
        );
        let (x0, x1) = (x_of(*s), x_of(*e));
        let my = y + f.px(MARK_Y);
        let r = f.px(7.0);
        let mark = if x1 - x0 > 2 * r {
            let rect = (x0, my - f.px(6.0), x1, my + f.px(6.0));
            status_rect(area, f, rect, color, ev.status)?;
            rect
        } else {
            let cx = (x0 + x1) / 2;
            if ev.status == Status::Plan {
                area.draw(&Mark::dot((cx, my), r, p.faded(color).filled()))?;
                area.draw(&Mark::dot(
                    (cx, my),
                    r,
                    color.stroke_width(f.px(2.0).max(1) as u32),
                ))?;
            } else {
                area.draw(&Mark::dot((cx, my), r, color.filled()))?;
            }
            (cx - r, my - r, cx + r, my + r)
        };
        let tw = f.text_width(&label, 13.0, false);
        let tx = mark.0.clamp(pad, (w - pad - tw).max(pad));
        area.draw(&Mark::label(
            label.as_str(),
            (tx, y + f.px(2.0)),
            label_font.clone(),
        ))?;
        let status = i18n::status(f.lang, ev.status);
        let detail = ev
            .text
            .as_ref()
            .map(|t| format!(" — {}", t.get(f.lang)))
            .unwrap_or_default();
        hits.push(Hit {
            x0: tx.min(mark.0),
            y0: y,
            x1: (tx + tw).max(mark.2),
            y1: mark.3,
            id: ev.id.clone(),
            label: format!("{label} ({status}){detail}"),
        });
    }
    Ok(hits)
}
