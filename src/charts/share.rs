//! One whole split into its parts: a 100% stacked bar with a legend giving each part's value
//! and share. The shares are computed here from the values, never typed in.

use super::mark::Mark;
use super::{DrawResult, Frame, Hit};
use crate::format;
use crate::i18n::{self, Msg};
use crate::model::{combine_qualifiers, Chart, Dataset, Indicator, Lang, Qualifier};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

const PAD: f64 = 8.0;
const BAR: f64 = 40.0;
const LEGEND_TOP: f64 = 14.0;
const INSIDE_SIZE: f64 = 13.0;
const LEGEND_SIZE: f64 = 13.0;
const LEGEND_ROW: f64 = 24.0;

/// Narrow legends put the value and share on a second line.
const LEGEND_ROW_NARROW: f64 = 42.0;

fn legend_row(narrow: bool) -> f64 {
    if narrow {
        LEGEND_ROW_NARROW
    } else {
        LEGEND_ROW
    }
}

pub(super) fn height(chart: &Chart, narrow: bool) -> f64 {
    2.0 * PAD + BAR + LEGEND_TOP + chart.series.len() as f64 * legend_row(narrow) + LEGEND_ROW
}

struct Part<'a> {
    ind: &'a Indicator,
    share: f64,
    qualifier: Option<Qualifier>,
}

fn parts<'a>(data: &'a Dataset, chart: &'a Chart) -> Option<(&'a Indicator, Vec<Part<'a>>)> {
    let whole = data.indicator(chart.whole.as_deref()?)?;
    let total = whole.value?;
    let parts = data
        .series(chart)
        .into_iter()
        .map(|ind| Part {
            ind,
            share: ind.value.unwrap_or(0.0) / total * 100.0,
            qualifier: combine_qualifiers(ind.qualifier, whole.qualifier, false),
        })
        .collect();
    Some((whole, parts))
}

fn share_text(part: &Part, lang: Lang) -> String {
    format::qualified(
        part.qualifier,
        format!("{}%", format::number(part.share, 1, lang)),
        lang,
    )
}

fn legend_value(part: &Part, lang: Lang) -> String {
    format!(
        "{} · {}",
        format::headline(part.ind, lang),
        share_text(part, lang)
    )
}

fn legend_text(part: &Part, lang: Lang) -> String {
    format!(
        "{}: {}",
        part.ind.short_label().get(lang),
        legend_value(part, lang)
    )
}

fn total_text(whole: &Indicator, lang: Lang) -> String {
    format!(
        "{}: {}",
        i18n::t(lang, Msg::Total),
        format::headline(whole, lang)
    )
}

pub(super) fn summary_items(data: &Dataset, chart: &Chart, lang: Lang) -> Vec<String> {
    let Some((whole, parts)) = parts(data, chart) else {
        return Vec::new();
    };
    let mut items = vec![total_text(whole, lang)];
    items.extend(parts.iter().map(|p| legend_text(p, lang)));
    items
}

pub(super) fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    f: &Frame,
) -> DrawResult<Vec<Hit>, DB> {
    let Some((whole, parts)) = parts(f.data, f.chart) else {
        return Ok(Vec::new());
    };
    let (w, _) = area.dim_in_pixel();
    let w = w as i32;
    let p = f.palette;
    let pad = f.px(PAD);
    let (y0, y1) = (pad, pad + f.px(BAR));
    let track = (w - 2 * pad).max(1) as f64;
    let inside_font = f
        .font(INSIDE_SIZE, true, p.on_series)
        .pos(Pos::new(HPos::Center, VPos::Center));
    let legend_font = f
        .font(LEGEND_SIZE, false, p.text)
        .pos(Pos::new(HPos::Left, VPos::Center));
    let mut hits = Vec::new();
    let mut x = pad as f64;
    for (i, part) in parts.iter().enumerate() {
        let seg = part.share / 100.0 * track;
        let (sx0, sx1) = (x.round() as i32, (x + seg).round() as i32);
        area.draw(&Mark::rect([(sx0, y0), (sx1, y1)], p.series(i).filled()))?;
        let label = share_text(part, f.lang);
        let short = format!("{}%", format::number(part.share, 1, f.lang));
        for candidate in [&label, &short] {
            if f.text_width(candidate, INSIDE_SIZE, true) + f.px(8.0) < sx1 - sx0 {
                area.draw(&Mark::label(
                    candidate.as_str(),
                    ((sx0 + sx1) / 2, (y0 + y1) / 2),
                    inside_font.clone(),
                ))?;
                break;
            }
        }
        hits.push(Hit {
            x0: sx0,
            y0,
            x1: sx1,
            y1,
            id: part.ind.id.clone(),
            label: legend_text(part, f.lang),
        });
        x += seg;
    }
    // Whatever the parts leave of the whole stays visible as an outlined gap.
    area.draw(&Mark::rect(
        [(pad, y0), (w - pad, y1)],
        p.grid.stroke_width(1),
    ))?;

    let swatch = f.px(12.0);
    let narrow = f.is_narrow(w as u32);
    let row = legend_row(narrow);
    let text_x = pad + swatch + f.px(8.0);
    let mut y = y1 + f.px(LEGEND_TOP) + f.px(LEGEND_ROW / 2.0);
    for (i, part) in parts.iter().enumerate() {
        area.draw(&Mark::rect(
            [(pad, y - swatch / 2), (pad + swatch, y + swatch / 2)],
            p.series(i).filled(),
        ))?;
        let lines = if narrow {
            vec![
                format!("{}:", part.ind.short_label().get(f.lang)),
                legend_value(part, f.lang),
            ]
        } else {
            vec![legend_text(part, f.lang)]
        };
        let mut text_w = 0;
        for (k, line) in lines.iter().enumerate() {
            text_w = text_w.max(f.text_width(line, LEGEND_SIZE, false));
            let ly = y + k as i32 * f.px(LEGEND_ROW_NARROW - LEGEND_ROW);
            area.draw(&Mark::label(
                line.as_str(),
                (text_x, ly),
                legend_font.clone(),
            ))?;
        }
        let half = f.px(LEGEND_ROW / 2.0);
        hits.push(Hit {
            x0: pad,
            y0: y - half,
            x1: (text_x + text_w).min(w),
            y1: y - half + f.px(row),
            id: part.ind.id.clone(),
            label: legend_text(part, f.lang),
        });
        y += f.px(row);
    }
    let total = total_text(whole, f.lang);
    area.draw(&Mark::label(
        total.as_str(),
        (pad, y),
        f.font(13.0, true, p.muted)
            .pos(Pos::new(HPos::Left, VPos::Center)),
    ))?;
    Ok(hits)
}
