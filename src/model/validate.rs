//! Loading and validating a dataset. Every problem names the file, the JSON path and what is
//! wrong, so a data editor can fix it without reading Rust.

use super::derive::{combined_status, evaluate};
use super::*;
use std::collections::HashSet;
use std::fmt;

/// Reads a source article by its path relative to the dataset file (None when unavailable).
pub type SourceReader<'a> = dyn Fn(&str) -> Option<String> + 'a;

#[derive(Debug, Clone, PartialEq)]
pub struct DataError {
    pub file: String,
    /// JSONPath-like location, e.g. `$.indicators[3].label.en`.
    pub path: String,
    pub problem: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.file, self.path, self.problem)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct DataErrors(pub Vec<DataError>);

impl fmt::Display for DataErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (n, e) in self.0.iter().enumerate() {
            if n > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for DataErrors {}

/// Longest excerpt allowed: a few words, not whole sentences.
const MAX_EXCERPT_WORDS: usize = 12;

struct Checker<'a> {
    file: &'a str,
    errors: Vec<DataError>,
}

impl Checker<'_> {
    fn fail(&mut self, path: impl Into<String>, problem: impl Into<String>) {
        self.errors.push(DataError {
            file: self.file.to_string(),
            path: path.into(),
            problem: problem.into(),
        });
    }

    fn text(&mut self, path: &str, t: &Text) {
        for lang in Lang::ALL {
            if t.get(lang).trim().is_empty() {
                self.fail(format!("{path}.{}", lang.code()), "empty text");
            }
        }
    }

    fn opt_text(&mut self, path: &str, t: &Option<Text>) {
        if let Some(t) = t {
            self.text(path, t);
        }
    }

    fn id(&mut self, path: &str, id: &str, seen: &mut HashSet<String>) {
        let well_formed = !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !id.starts_with('-')
            && !id.ends_with('-');
        if !well_formed {
            self.fail(
                format!("{path}.id"),
                format!("id `{id}` must be lowercase letters, digits and inner hyphens"),
            );
        }
        if !seen.insert(id.to_string()) {
            self.fail(format!("{path}.id"), format!("duplicate id `{id}`"));
        }
    }

    fn finite(&mut self, path: String, x: f64) {
        if !x.is_finite() {
            self.fail(path, "number is not finite");
        }
    }
}

fn normalize_space(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Parses and validates `json` (named `file` in messages). When `read_source` is given,
/// every citation's excerpt is checked against the cited paragraph of the article.
pub fn load(
    file: &str,
    json: &str,
    read_source: Option<&SourceReader>,
) -> Result<Dataset, DataErrors> {
    let de = &mut serde_json::Deserializer::from_str(json);
    let mut data: Dataset = serde_path_to_error::deserialize(de).map_err(|e| {
        // serde_path_to_error writes `?` where the position is unknown (syntax errors).
        let raw = e.path().to_string();
        let known = raw.trim_end_matches('?').trim_end_matches('.');
        let path = if known.is_empty() {
            "$".to_string()
        } else {
            format!("$.{known}")
        };
        DataErrors(vec![DataError {
            file: file.to_string(),
            path,
            problem: e.into_inner().to_string(),
        }])
    })?;
    let mut c = Checker {
        file,
        errors: Vec::new(),
    };
    check(&mut c, &data, read_source);
    if c.errors.is_empty() {
        add_derived(&mut c, &mut data);
    }
    if c.errors.is_empty() {
        check_charts(&mut c, &data);
    }
    if c.errors.is_empty() {
        Ok(data)
    } else {
        Err(DataErrors(c.errors))
    }
}

fn check(c: &mut Checker, d: &Dataset, read_source: Option<&SourceReader>) {
    if d.format != 1 {
        c.fail(
            "$.format",
            format!("unsupported format {}; expected 1", d.format),
        );
    }
    if !d.as_of.is_date() {
        c.fail("$.as_of", "must be a date (YYYY-MM-DD)");
    }
    if d.version.trim().is_empty() {
        c.fail("$.version", "empty text");
    }
    c.text("$.title", &d.title);
    c.text("$.subtitle", &d.subtitle);

    let mut source_ids = HashSet::new();
    let mut paragraphs: Vec<(String, Option<Vec<String>>)> = Vec::new();
    for (n, s) in d.sources.iter().enumerate() {
        let path = format!("$.sources[{n}]");
        c.id(&path, &s.id, &mut source_ids);
        c.text(&format!("{path}.publisher"), &s.publisher);
        c.text(&format!("{path}.title"), &s.title);
        let text = read_source.map(|read| read(&s.file));
        if let Some(None) = text {
            c.fail(
                format!("{path}.file"),
                format!("cannot read source file `{}`", s.file),
            );
        }
        let paras = text.flatten().map(|t| {
            t.lines()
                .filter(|l| !l.trim().is_empty())
                .map(normalize_space)
                .collect()
        });
        paragraphs.push((s.id.clone(), paras));
    }
    if d.sources.is_empty() {
        c.fail("$.sources", "at least one source is required");
    }

    let mut theme_ids = HashSet::new();
    for (n, t) in d.themes.iter().enumerate() {
        c.id(&format!("$.themes[{n}]"), &t.id, &mut theme_ids);
        c.text(&format!("$.themes[{n}].label"), &t.label);
    }

    let mut ids = HashSet::new();
    let chart_ids: HashSet<&str> = d.charts.iter().map(|ch| ch.id.as_str()).collect();
    for (n, ind) in d.indicators.iter().enumerate() {
        let path = format!("$.indicators[{n}]");
        c.id(&path, &ind.id, &mut ids);
        if !theme_ids.contains(&ind.theme) {
            c.fail(
                format!("{path}.theme"),
                format!("unknown theme `{}`", ind.theme),
            );
        }
        c.text(&format!("{path}.label"), &ind.label);
        c.opt_text(&format!("{path}.short"), &ind.short);
        c.opt_text(&format!("{path}.text"), &ind.text);
        c.opt_text(&format!("{path}.note"), &ind.note);
        for (k, item) in ind.items.iter().enumerate() {
            c.text(&format!("{path}.items[{k}]"), item);
        }
        match (ind.value, ind.unit, &ind.text) {
            (Some(v), Some(unit), None) => {
                c.finite(format!("{path}.value"), v);
                let whole = v.fract() == 0.0 && v >= 0.0;
                match unit {
                    Unit::Count if !whole => c.fail(
                        format!("{path}.value"),
                        "a count must be a whole number ≥ 0",
                    ),
                    Unit::Rank if !whole || v < 1.0 => {
                        c.fail(format!("{path}.value"), "a rank must be a whole number ≥ 1")
                    }
                    _ => {}
                }
            }
            (Some(_), None, _) => c.fail(format!("{path}.unit"), "a value needs a unit"),
            (None, Some(_), _) => c.fail(format!("{path}.value"), "a unit needs a value"),
            (Some(_), Some(_), Some(_)) => c.fail(
                path.clone(),
                "give either `value` and `unit` or `text`, not both",
            ),
            (None, None, None) => c.fail(path.clone(), "needs `value` and `unit`, or `text`"),
            (None, None, Some(_)) => {}
        }
        if let Some(ch) = &ind.change {
            c.finite(format!("{path}.change.value"), ch.value);
            if ch.kind == ChangeKind::Multiple && ch.value <= 0.0 {
                c.fail(
                    format!("{path}.change.value"),
                    "a multiple must be positive",
                );
            }
        }
        if let Some(eq) = &ind.equivalent {
            c.finite(format!("{path}.equivalent.value"), eq.value);
        }
        if let Some(r) = &ind.rank {
            if r.position == 0 {
                c.fail(format!("{path}.rank.position"), "a rank starts at 1");
            }
            c.text(&format!("{path}.rank.scope"), &r.scope);
        }
        if let Some(dec) = ind.decimals {
            if dec > 4 {
                c.fail(format!("{path}.decimals"), "at most 4 decimals");
            }
        }
        if let Some(prev) = &ind.previous {
            match d.indicators.iter().find(|i| &i.id == prev) {
                None => c.fail(
                    format!("{path}.previous"),
                    format!("unknown indicator `{prev}`"),
                ),
                Some(p) if p.unit != ind.unit || p.value.is_none() => c.fail(
                    format!("{path}.previous"),
                    format!("`{prev}` is not a value in the same unit"),
                ),
                Some(_) => {}
            }
        }
        if let Some(chart) = &ind.chart {
            if !chart_ids.contains(chart.as_str()) {
                c.fail(format!("{path}.chart"), format!("unknown chart `{chart}`"));
            }
        }
        if ind.sources.is_empty() {
            c.fail(
                format!("{path}.sources"),
                "every value needs at least one source",
            );
        }
        for (k, cite) in ind.sources.iter().enumerate() {
            let cpath = format!("{path}.sources[{k}]");
            let Some((_, paras)) = paragraphs.iter().find(|(id, _)| *id == cite.source) else {
                c.fail(
                    format!("{cpath}.source"),
                    format!("unknown source `{}`", cite.source),
                );
                continue;
            };
            let words = cite.excerpt.split_whitespace().count();
            if words == 0 {
                c.fail(format!("{cpath}.excerpt"), "empty excerpt");
            } else if words > MAX_EXCERPT_WORDS {
                c.fail(
                    format!("{cpath}.excerpt"),
                    format!("excerpt has {words} words; quote at most {MAX_EXCERPT_WORDS}"),
                );
            }
            if cite.paragraph == 0 {
                c.fail(
                    format!("{cpath}.paragraph"),
                    "paragraphs are numbered from 1",
                );
            } else if let Some(paras) = paras {
                match paras.get(cite.paragraph as usize - 1) {
                    None => c.fail(
                        format!("{cpath}.paragraph"),
                        format!(
                            "source `{}` has only {} paragraphs",
                            cite.source,
                            paras.len()
                        ),
                    ),
                    Some(p) if !p.contains(&normalize_space(&cite.excerpt)) => c.fail(
                        format!("{cpath}.excerpt"),
                        format!(
                            "excerpt not found in paragraph {} of source `{}`",
                            cite.paragraph, cite.source
                        ),
                    ),
                    Some(_) => {}
                }
            }
        }
    }

    for (n, dv) in d.derived.iter().enumerate() {
        let path = format!("$.derived[{n}]");
        c.id(&path, &dv.id, &mut ids);
        if !theme_ids.contains(&dv.theme) {
            c.fail(
                format!("{path}.theme"),
                format!("unknown theme `{}`", dv.theme),
            );
        }
        c.text(&format!("{path}.label"), &dv.label);
        c.opt_text(&format!("{path}.short"), &dv.short);
        c.opt_text(&format!("{path}.note"), &dv.note);
        if let Some(chart) = &dv.chart {
            if !chart_ids.contains(chart.as_str()) {
                c.fail(format!("{path}.chart"), format!("unknown chart `{chart}`"));
            }
        }
    }

    for (n, ch) in d.charts.iter().enumerate() {
        let path = format!("$.charts[{n}]");
        // Charts share the id space with indicators: both are addressable (embeds, links).
        c.id(&path, &ch.id, &mut ids);
        if !theme_ids.contains(&ch.theme) {
            c.fail(
                format!("{path}.theme"),
                format!("unknown theme `{}`", ch.theme),
            );
        }
        c.text(&format!("{path}.title"), &ch.title);
        c.opt_text(&format!("{path}.note"), &ch.note);
    }
}

/// Appends derived values in declaration order; each may use indicators and earlier derived.
fn add_derived(c: &mut Checker, d: &mut Dataset) {
    for (n, spec) in d.derived.clone().into_iter().enumerate() {
        let path = format!("$.derived[{n}].formula");
        let [a, b] = spec.formula.inputs();
        let (Some(ia), Some(ib)) = (d.indicator(a), d.indicator(b)) else {
            let missing = if d.indicator(a).is_none() { a } else { b };
            c.fail(
                path,
                format!("unknown indicator `{missing}` (derived values may only use indicators and earlier derived values)"),
            );
            continue;
        };
        match evaluate(&spec.formula, ia, ib) {
            Err(problem) => c.fail(path, problem),
            Ok((value, unit, qualifier)) => {
                let mut sources = ia.sources.clone();
                for s in &ib.sources {
                    if !sources.contains(s) {
                        sources.push(s.clone());
                    }
                }
                let derived = Indicator {
                    id: spec.id.clone(),
                    theme: spec.theme.clone(),
                    label: spec.label.clone(),
                    short: spec.short.clone(),
                    value: Some(value),
                    unit: Some(unit),
                    text: None,
                    items: Vec::new(),
                    period: ib.period,
                    status: combined_status(ia.status, ib.status),
                    qualifier,
                    change: None,
                    previous: None,
                    rank: None,
                    equivalent: None,
                    decimals: Some(spec.decimals.unwrap_or(1)),
                    note: spec.note.clone(),
                    sources,
                    chart: spec.chart.clone(),
                    formula: Some(spec.formula.clone()),
                };
                d.indicators.push(derived);
            }
        }
    }
}

fn check_charts(c: &mut Checker, d: &Dataset) {
    for (n, ch) in d.charts.iter().enumerate() {
        let path = format!("$.charts[{n}]");
        if ch.series.is_empty() {
            c.fail(
                format!("{path}.series"),
                "a chart needs at least one series entry",
            );
        }
        let mut units = Vec::new();
        for (k, id) in ch.series.iter().enumerate() {
            match d.indicator(id) {
                None => c.fail(
                    format!("{path}.series[{k}]"),
                    format!("unknown indicator `{id}`"),
                ),
                Some(i) if ch.kind != ChartKind::Timeline && i.amount().is_none() => c.fail(
                    format!("{path}.series[{k}]"),
                    format!("`{id}` has no value to draw"),
                ),
                Some(i) => units.push(i.unit),
            }
        }
        match (ch.kind, &ch.whole) {
            (ChartKind::Share, None) => {
                c.fail(format!("{path}.whole"), "a share chart needs `whole`")
            }
            (ChartKind::Share, Some(w)) => match d.indicator(w).and_then(|i| i.amount()) {
                None => c.fail(
                    format!("{path}.whole"),
                    format!("unknown numeric indicator `{w}`"),
                ),
                Some((total, unit)) => {
                    if units.iter().any(|u| *u != Some(unit)) {
                        c.fail(
                            format!("{path}.series"),
                            "all parts must have the unit of the whole",
                        );
                    } else {
                        let sum: f64 = d.series(ch).into_iter().filter_map(|i| i.value).sum();
                        if sum > total * 1.000_001 {
                            c.fail(
                                format!("{path}.series"),
                                "the parts add up to more than the whole",
                            );
                        }
                    }
                }
            },
            (_, Some(_)) => c.fail(format!("{path}.whole"), "`whole` is only for share charts"),
            _ => {}
        }
    }
}
