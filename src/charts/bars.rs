//! Horizontal bars, one per indicator. Indicators in different units (VND and USD revenue,
//! say) get separate panels with their own scale and a heading naming the unit, so no
//! currency is silently converted or compared with another.

use super::mark::Mark;
use super::{status_rect, DrawResult, Frame, Hit};
use crate::format;
use crate::i18n;
use crate::model::{Chart, Dataset, Indicator, Lang, Unit};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

const PAD: f64 = 8.0;
const ROW: f64 = 50.0;
/// On narrow charts the value gets its own line under the name, and the bar the full width.
const ROW_NARROW: f64 = 68.0;
const VALUE_LINE: f64 = 18.0;
const LABEL_GAP: f64 = 19.0;
const BAR: f64 = 22.0;
const HEADING: f64 = 24.0;
const PANEL_GAP: f64 = 12.0;

/// Indicators grouped by unit, in order of first appearance.
fn panels<'a>(data: &'a Dataset, chart: &'a Chart) -> Vec<(Unit, Vec<&'a Indicator>)> {
    let mut groups: Vec<(Unit, Vec<&Indicator>)> = Vec::new();
    for ind in data.series(chart) {
        let Some((_, unit)) = ind.amount() else {
            continue;
        };
        match groups.iter_mut().find(|(u, _)| *u == unit) {
            Some((_, list)) => list.push(ind),
            None => groups.push((unit, vec![ind])),
        }
    }
    groups
}

fn row_height(narrow: bool) -> f64 {
    if narrow {
        ROW_NARROW
    } else {
        ROW
    }
}

fn bar_offset(narrow: bool) -> f64 {
    if narrow {
        LABEL_GAP + VALUE_LINE
    } else {
        LABEL_GAP
    }
}

pub(super) fn height(data: &Dataset, chart: &Chart, narrow: bool) -> f64 {
    let groups = panels(data, chart);
    let multi = groups.len() > 1;
    let (row, gap) = (row_height(narrow), bar_offset(narrow));
    let panel =
        |rows: usize| rows as f64 * row - (row - gap - BAR) + if multi { HEADING } else { 0.0 };
    let panels: f64 = groups.iter().map(|(_, g)| panel(g.len())).sum();
    2.0 * PAD + panels + groups.len().saturating_sub(1) as f64 * PANEL_GAP
}

/// A bar's name: "Fukang (ước tính)".
fn bar_name(ind: &Indicator, lang: Lang) -> String {
    format!(
        "{}{}",
        ind.short_label().get(lang),
        i18n::status_tag(lang, ind.status)
    )
}

/// A bar's value: "67.805 tỷ đồng (gấp 4,6 lần so cùng kỳ)".
fn bar_value(data: &Dataset, ind: &Indicator, lang: Lang) -> String {
    let value = format::headline(ind, lang);
    match i18n::change_line(data, ind, lang) {
        Some(change) => format!("{value} ({change})"),
        None => value,
    }
}

/// Name and value, for tooltips and the chart summary: "Fukang (ước tính): 67.805 tỷ đồng (…)".
pub(super) fn named_value(data: &Dataset, ind: &Indicator, lang: Lang) -> String {
    format!("{}: {}", bar_name(ind, lang), bar_value(data, ind, lang))
}

pub(super) fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    f: &Frame,
) -> DrawResult<Vec<Hit>, DB> {
    let (w, _) = area.dim_in_pixel();
    let w = w as i32;
    let p = f.palette;
    let pad = f.px(PAD);
    let label_font = f.font(13.0, false, p.text);
    let value_font = f.font(13.0, true, p.text);
    let heading_font = f.font(12.0, true, p.muted);
    let groups = panels(f.data, f.chart);
    let narrow = f.is_narrow(w as u32);
    let (row, gap) = (row_height(narrow), bar_offset(narrow));
    let mut hits = Vec::new();
    let mut y = pad;
    for (gi, (unit, inds)) in groups.iter().enumerate() {
        let color = p.series(gi);
        if groups.len() > 1 {
            if gi > 0 {
                let line_y = y + f.px(PANEL_GAP / 2.0) - f.px(4.0);
                area.draw(&Mark::line(
                    (pad, line_y),
                    (w - pad, line_y),
                    p.grid.stroke_width(1),
                ))?;
                y += f.px(PANEL_GAP);
            }
            area.draw(&Mark::label(
                i18n::unit_heading(f.lang, *unit),
                (pad, y),
                heading_font.clone(),
            ))?;
            y += f.px(HEADING);
        }
        // Each value label with its width, measured once.
        let mut labels = Vec::with_capacity(inds.len());
        for ind in inds {
            let text = bar_value(f.data, ind, f.lang);
            let width = f.text_width(&text, 13.0, true);
            labels.push((text, width));
        }
        let widest = labels.iter().map(|(_, w)| *w).max().unwrap_or(0);
        let max = inds
            .iter()
            .filter_map(|i| i.value)
            .fold(0.0_f64, |m, v| m.max(v.abs()));
        // Room for the longest value label after the longest bar; never below a usable bar.
        // (unless the value has its own line, on narrow charts)
        let reserve = if narrow { 0 } else { widest + f.px(8.0) };
        let track = (w - 2 * pad - reserve).max(f.px(60.0));
        for (ind, (label, text_w)) in inds.iter().zip(labels) {
            let name = bar_name(ind, f.lang);
            area.draw(&Mark::label(name.as_str(), (pad, y), label_font.clone()))?;
            let (by0, by1) = (y + f.px(gap), y + f.px(gap + BAR));
            let v = ind.value.unwrap_or(0.0).abs();
            let len = if max > 0.0 {
                ((v / max) * track as f64).round() as i32
            } else {
                0
            }
            .max(f.px(2.0));
            let rect = (pad, by0, pad + len, by1);
            status_rect(area, f, rect, color, ind.status)?;
            let (text_x, text_y) = if narrow {
                (pad, y + f.px(LABEL_GAP + VALUE_LINE / 2.0) - f.px(2.0))
            } else {
                (pad + len + f.px(6.0), (by0 + by1) / 2)
            };
            area.draw(&Mark::label(
                label.as_str(),
                (text_x, text_y),
                value_font.clone().pos(Pos::new(HPos::Left, VPos::Center)),
            ))?;
            hits.push(Hit {
                x0: pad,
                y0: y,
                x1: (text_x + text_w).max(pad + len).min(w),
                y1: by1,
                id: ind.id.clone(),
                label: format!("{name}: {label}"),
            });
            y += f.px(row);
        }
        y -= f.px(row - gap - BAR);
    }
    Ok(hits)
}
