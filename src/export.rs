//! The data behind a chart (or the whole dataset) as files readers can take with them: CSV that
//! Excel opens correctly (UTF-8 with a byte-order mark, CRLF, plain locale-independent numbers)
//! and JSON. Pure functions, tested natively.

use crate::model::{Chart, Dataset, Indicator, Lang, Qualifier, Status, Unit};
use crate::BuildInfo;
use std::fmt::Write;

pub fn unit_code(u: Unit) -> &'static str {
    match u {
        Unit::Percent => "percent",
        Unit::Vnd => "vnd",
        Unit::Usd => "usd",
        Unit::Ha => "ha",
        Unit::Count => "count",
        Unit::Rank => "rank",
    }
}

pub fn status_code(s: Status) -> &'static str {
    match s {
        Status::Actual => "actual",
        Status::Estimate => "estimate",
        Status::Plan => "plan",
    }
}

pub fn qualifier_code(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Over => "over",
        Qualifier::Nearly => "nearly",
        Qualifier::About => "about",
    }
}

/// The data version as one token: `2024-09-30.1+0cfe10d6`.
pub fn version_token(data: &Dataset, build: BuildInfo) -> String {
    format!("{}+{}", data.version, build.data_hash)
}

/// `bac-giang-grdp-growth-2024-09-30.1+0cfe10d6.csv`: what, and which data.
pub fn file_name(data: &Dataset, build: BuildInfo, item: &str, ext: &str) -> String {
    format!("{}-{item}-{}.{ext}", data.id, version_token(data, build))
}

/// A number as machines read it: a dot for decimals, no grouping, and computed values rounded
/// to 12 significant digits so float noise (`1583.1295599999999`) does not show.
pub fn plain_number(v: f64) -> String {
    if v == 0.0 || !v.is_finite() {
        return v.to_string();
    }
    let digits = 11 - v.abs().log10().floor() as i32;
    let rounded = if digits >= 0 {
        let scale = 10f64.powi(digits.min(300));
        (v * scale).round() / scale
    } else {
        let scale = 10f64.powi(-digits);
        (v / scale).round() * scale
    };
    rounded.to_string()
}

/// One CSV field, quoted when it holds a comma, quote or line break (RFC 4180).
fn csv_field(out: &mut String, field: &str) {
    if field.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

/// "vi-article ¶6: “…”; vns ¶14: “…”": every citation, with the exact words.
fn sources_cell(ind: &Indicator) -> String {
    let cells: Vec<String> = ind
        .sources
        .iter()
        .map(|c| format!("{} ¶{}: “{}”", c.source, c.paragraph, c.excerpt))
        .collect();
    cells.join("; ")
}

pub const CSV_COLUMNS: [&str; 10] = [
    "id",
    "label",
    "period",
    "value",
    "unit",
    "qualifier",
    "text",
    "status",
    "sources",
    "data_version",
];

/// Rows of indicators as CSV, labels and texts in `lang`.
pub fn csv(data: &Dataset, build: BuildInfo, rows: &[&Indicator], lang: Lang) -> String {
    let version = version_token(data, build);
    let mut out = String::from("\u{FEFF}");
    // Pushed one by one: `[&str]::join` would be the wasm's only user of its generic copy.
    for (i, column) in CSV_COLUMNS.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(column);
    }
    out.push_str("\r\n");
    for ind in rows {
        let fields = [
            ind.id.clone(),
            ind.label.get(lang).to_string(),
            ind.period.to_string(),
            ind.value.map(plain_number).unwrap_or_default(),
            ind.unit.map(unit_code).unwrap_or_default().to_string(),
            ind.qualifier
                .map(qualifier_code)
                .unwrap_or_default()
                .to_string(),
            ind.text
                .as_ref()
                .map(|t| t.get(lang).to_string())
                .unwrap_or_default(),
            status_code(ind.status).to_string(),
            sources_cell(ind),
            version.clone(),
        ];
        for (i, f) in fields.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            csv_field(&mut out, f);
        }
        out.push_str("\r\n");
    }
    out
}

/// A JSON string literal.
fn json_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                // `\u00XX` by hand: core's hex formatter for this one case is not worth its bytes.
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(HEX[(c as usize) >> 4] as char);
                out.push(HEX[(c as usize) & 15] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn json_text(out: &mut String, vi: &str, en: &str) {
    out.push_str("{\"vi\":");
    json_str(out, vi);
    out.push_str(",\"en\":");
    json_str(out, en);
    out.push('}');
}

fn json_opt_str(out: &mut String, s: Option<&str>) {
    match s {
        Some(s) => json_str(out, s),
        None => out.push_str("null"),
    }
}

fn json_indicator(out: &mut String, ind: &Indicator) {
    out.push_str("{\"id\":");
    json_str(out, &ind.id);
    out.push_str(",\"label\":");
    json_text(out, &ind.label.vi, &ind.label.en);
    out.push_str(",\"period\":");
    json_str(out, &ind.period.to_string());
    out.push_str(",\"value\":");
    match ind.value {
        Some(v) if v.is_finite() => out.push_str(&plain_number(v)),
        _ => out.push_str("null"),
    }
    out.push_str(",\"unit\":");
    json_opt_str(out, ind.unit.map(unit_code));
    out.push_str(",\"qualifier\":");
    json_opt_str(out, ind.qualifier.map(qualifier_code));
    out.push_str(",\"text\":");
    match &ind.text {
        Some(t) => json_text(out, &t.vi, &t.en),
        None => out.push_str("null"),
    }
    out.push_str(",\"status\":");
    json_str(out, status_code(ind.status));
    out.push_str(",\"computed\":");
    out.push_str(if ind.is_derived() { "true" } else { "false" });
    out.push_str(",\"sources\":[");
    for (i, c) in ind.sources.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"source\":");
        json_str(out, &c.source);
        let _ = write!(out, ",\"paragraph\":{},\"excerpt\":", c.paragraph);
        json_str(out, &c.excerpt);
        out.push('}');
    }
    out.push_str("]}");
}

/// A chart's data as JSON: which dataset and build, the chart, its rows with every citation,
/// and the articles cited.
pub fn chart_json(data: &Dataset, build: BuildInfo, chart: &Chart) -> String {
    json_document(data, build, Some(chart), &data.chart_rows(chart))
}

/// The whole dataset as JSON, in the same shape as a chart's (every indicator, computed ones
/// included and marked), with its themes and charts.
pub fn dataset_json(data: &Dataset, build: BuildInfo) -> String {
    let rows: Vec<&Indicator> = data.indicators.iter().collect();
    json_document(data, build, None, &rows)
}

/// The whole dataset as CSV rows, labels in `lang`.
pub fn dataset_csv(data: &Dataset, build: BuildInfo, lang: Lang) -> String {
    let rows: Vec<&Indicator> = data.indicators.iter().collect();
    csv(data, build, &rows, lang)
}

fn json_document(
    data: &Dataset,
    build: BuildInfo,
    chart: Option<&Chart>,
    rows: &[&Indicator],
) -> String {
    let mut out = String::from("{\"dataset\":");
    json_str(&mut out, &data.id);
    out.push_str(",\"title\":");
    json_text(&mut out, &data.title.vi, &data.title.en);
    out.push_str(",\"data_version\":");
    json_str(&mut out, &data.version);
    out.push_str(",\"data_hash\":");
    json_str(&mut out, build.data_hash);
    out.push_str(",\"build_date\":");
    json_str(&mut out, build.date);
    out.push_str(",\"as_of\":");
    json_str(&mut out, &data.as_of.to_string());
    let charts: Vec<&Chart> = match chart {
        Some(c) => vec![c],
        None => data.charts.iter().collect(),
    };
    out.push_str(",\"charts\":[");
    for (i, c) in charts.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"id\":");
        json_str(&mut out, &c.id);
        out.push_str(",\"theme\":");
        json_str(&mut out, &c.theme);
        out.push_str(",\"title\":");
        json_text(&mut out, &c.title.vi, &c.title.en);
        out.push_str(",\"rows\":[");
        for (k, ind) in data.chart_rows(c).iter().enumerate() {
            if k > 0 {
                out.push(',');
            }
            json_str(&mut out, &ind.id);
        }
        out.push_str("]}");
    }
    out.push_str("],\"rows\":[");
    for (i, ind) in rows.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        json_indicator(&mut out, ind);
    }
    out.push_str("],\"sources\":[");
    let cited = data.sources.iter().filter(|s| {
        rows.iter()
            .any(|r| r.sources.iter().any(|c| c.source == s.id))
    });
    for (i, s) in cited.enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"id\":");
        json_str(&mut out, &s.id);
        out.push_str(",\"lang\":");
        json_str(&mut out, s.lang.code());
        out.push_str(",\"publisher\":");
        json_text(&mut out, &s.publisher.vi, &s.publisher.en);
        out.push_str(",\"title\":");
        json_text(&mut out, &s.title.vi, &s.title.en);
        out.push_str(",\"published\":");
        json_opt_str(&mut out, s.published.map(|p| p.to_string()).as_deref());
        out.push('}');
    }
    out.push_str("]}");
    out
}
