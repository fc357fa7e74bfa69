//! Plain data types for a province dataset (no web dependencies).
//!
//! This module is compiled twice: into the app, and into `build.rs`, which validates every
//! `data/*.json` so bad data fails the build. It must therefore depend only on serde.

pub mod codec;
mod derive;
mod period;
mod validate;

pub use derive::combine_qualifiers;
pub use period::Period;
pub use validate::{load, DataError, DataErrors, SourceReader};

use serde::Deserialize;

/// The two languages every text in the data carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Vi,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Vi, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// Parses `vi`, `en`, or a BCP 47 tag such as `en-GB` / `vi-VN` (case-insensitive).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        // Tags are ASCII: a no-break space around one is not a separator.
        let primary = tag
            .trim_ascii()
            .split(['-', '_'])
            .next()
            .unwrap_or_default();
        [Lang::Vi, Lang::En]
            .into_iter()
            .find(|l| primary.eq_ignore_ascii_case(l.code()))
    }
}

/// The reader's colour scheme: automatic follows the system's `prefers-color-scheme`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scheme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Scheme {
    pub const ALL: [Scheme; 3] = [Scheme::Auto, Scheme::Light, Scheme::Dark];

    pub fn code(self) -> &'static str {
        match self {
            Scheme::Auto => "auto",
            Scheme::Light => "light",
            Scheme::Dark => "dark",
        }
    }

    pub fn from_code(code: &str) -> Option<Scheme> {
        Scheme::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Whether to draw dark, given what the reader's system prefers.
    pub fn is_dark(self, system_prefers_dark: bool) -> bool {
        match self {
            Scheme::Auto => system_prefers_dark,
            Scheme::Light => false,
            Scheme::Dark => true,
        }
    }
}

/// A text in both languages.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub vi: String,
    pub en: String,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    /// Per cent (13.1 means 13.1%).
    Percent,
    /// Vietnamese đồng, in đồng (500 trillion is 5e14).
    Vnd,
    /// US dollars, in dollars.
    Usd,
    /// Hectares.
    Ha,
    /// A whole number of things.
    Count,
    /// A position in a ranking (1 = first).
    Rank,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Actual,
    Estimate,
    Plan,
}

/// How exact the source says a value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Qualifier {
    Over,
    Nearly,
    About,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    /// Per cent change: 22.5 means +22.5%.
    Percent,
    /// A multiple of the earlier value: 4.6 means 4.6 times.
    Multiple,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeBasis {
    /// Compared with the same period a year earlier.
    SamePeriod,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
    pub kind: ChangeKind,
    pub value: f64,
    pub basis: ChangeBasis,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rank {
    pub position: u32,
    /// What the ranking is among, e.g. "cả nước" / "nationwide".
    pub scope: Text,
}

/// A value in another unit that the source gives alongside, e.g. "(USD 59 million)".
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Amount {
    pub value: f64,
    pub unit: Unit,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// Id of an entry in `sources`.
    pub source: String,
    /// Paragraph number in the source file (non-empty lines, from 1).
    pub paragraph: u32,
    /// The few words that carry the figure, exactly as in the source.
    pub excerpt: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    /// Path of the article text, relative to the dataset file.
    pub file: String,
    pub lang: Lang,
    pub publisher: Text,
    pub title: Text,
    /// Publication date, when known (shown with every citation; "not stated" otherwise).
    #[serde(default)]
    pub published: Option<Period>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    pub id: String,
    pub label: Text,
}

/// How a derived value is computed from other values (by id).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(tag = "op", rename_all = "kebab-case", deny_unknown_fields)]
pub enum Formula {
    /// `percent`% of `of` (unit of `of`).
    PercentOf { percent: String, of: String },
    /// `minuend` − `subtrahend` (same unit).
    Difference { minuend: String, subtrahend: String },
    /// `part` as a per cent of `whole` (same unit).
    Share { part: String, whole: String },
}

impl Formula {
    pub fn inputs(&self) -> [&str; 2] {
        match self {
            Formula::PercentOf { percent, of } => [percent, of],
            Formula::Difference {
                minuend,
                subtrahend,
            } => [minuend, subtrahend],
            Formula::Share { part, whole } => [part, whole],
        }
    }
}

/// A value computed in code from others, declared in the data as `derived`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DerivedSpec {
    pub id: String,
    pub theme: String,
    pub label: Text,
    #[serde(default)]
    pub short: Option<Text>,
    #[serde(default)]
    pub note: Option<Text>,
    pub formula: Formula,
    /// Decimals to show (default 1).
    #[serde(default)]
    pub decimals: Option<u8>,
    #[serde(default)]
    pub chart: Option<String>,
}

/// One fact: a number with a unit, or a short text (a name, a slogan) with optional items.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub id: String,
    pub theme: String,
    pub label: Text,
    /// Short label for charts; defaults to `label`.
    #[serde(default)]
    pub short: Option<Text>,
    #[serde(default)]
    pub value: Option<f64>,
    #[serde(default)]
    pub unit: Option<Unit>,
    #[serde(default)]
    pub text: Option<Text>,
    #[serde(default)]
    pub items: Vec<Text>,
    pub period: Period,
    pub status: Status,
    #[serde(default)]
    pub qualifier: Option<Qualifier>,
    #[serde(default)]
    pub change: Option<Change>,
    /// Id of the same measure for an earlier period; the card shows the difference.
    #[serde(default)]
    pub previous: Option<String>,
    #[serde(default)]
    pub rank: Option<Rank>,
    #[serde(default)]
    pub equivalent: Option<Amount>,
    /// Decimals to show at most (default 2).
    #[serde(default)]
    pub decimals: Option<u8>,
    #[serde(default)]
    pub note: Option<Text>,
    pub sources: Vec<Citation>,
    #[serde(default)]
    pub chart: Option<String>,
    /// Set by the loader for values declared under `derived`; never in the JSON.
    #[serde(skip)]
    pub formula: Option<Formula>,
}

impl Indicator {
    pub fn short_label(&self) -> &Text {
        self.short.as_ref().unwrap_or(&self.label)
    }

    pub fn is_derived(&self) -> bool {
        self.formula.is_some()
    }

    /// The number and unit, when this indicator is numeric.
    pub fn amount(&self) -> Option<(f64, Unit)> {
        Some((self.value?, self.unit?))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChartKind {
    /// Horizontal bars, one per series entry; entries with different units get separate panels.
    Bars,
    /// One whole split into parts (a 100% stacked bar).
    Share,
    /// Events and periods on a time axis.
    Timeline,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Chart {
    pub id: String,
    pub theme: String,
    pub kind: ChartKind,
    pub title: Text,
    #[serde(default)]
    pub note: Option<Text>,
    /// Indicator ids: the bars, the parts of a share, or the timeline events.
    pub series: Vec<String>,
    /// For `share` charts: the indicator id of the whole.
    #[serde(default)]
    pub whole: Option<String>,
}

/// A validated dataset. Derived values are appended to `indicators` with `formula` set.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// Format version of this file; currently 1.
    pub format: u32,
    pub id: String,
    /// Data version shown to readers, e.g. "2024-09-30.1".
    pub version: String,
    /// The date the figures describe.
    pub as_of: Period,
    pub title: Text,
    pub subtitle: Text,
    pub sources: Vec<Source>,
    pub themes: Vec<Theme>,
    pub indicators: Vec<Indicator>,
    #[serde(default)]
    pub derived: Vec<DerivedSpec>,
    pub charts: Vec<Chart>,
}

impl Dataset {
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    pub fn chart(&self, id: &str) -> Option<&Chart> {
        self.charts.iter().find(|c| c.id == id)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    pub fn theme(&self, id: &str) -> Option<&Theme> {
        self.themes.iter().find(|t| t.id == id)
    }

    pub fn indicators_in<'a>(&'a self, theme: &'a str) -> impl Iterator<Item = &'a Indicator> {
        self.indicators.iter().filter(move |i| i.theme == theme)
    }

    pub fn charts_in<'a>(&'a self, theme: &'a str) -> impl Iterator<Item = &'a Chart> {
        self.charts.iter().filter(move |c| c.theme == theme)
    }

    /// Indicators a chart draws, in order (validated to exist).
    pub fn series<'a>(&'a self, chart: &'a Chart) -> Vec<&'a Indicator> {
        // A list, not a lazy iterator: each caller's adapter over a lazy lookup compiled its own
        // copy of the lookup into the wasm.
        let mut found = Vec::with_capacity(chart.series.len());
        for id in &chart.series {
            found.extend(self.indicator(id));
        }
        found
    }

    /// Every indicator behind a chart, as its data table lists them: the series, then the
    /// whole of a share chart.
    pub fn chart_rows<'a>(&'a self, chart: &'a Chart) -> Vec<&'a Indicator> {
        let whole = chart.whole.as_deref().and_then(|id| self.indicator(id));
        let mut rows = self.series(chart);
        rows.extend(whole);
        rows
    }

    /// Every citation behind a chart's rows, in row order (for its sources line).
    pub fn chart_citations<'a>(&'a self, chart: &'a Chart) -> Vec<&'a Citation> {
        // A loop rather than `flat_map`: each flattening iterator type is code of its own.
        let mut cites = Vec::new();
        for row in self.chart_rows(chart) {
            cites.extend(row.sources.iter());
        }
        cites
    }

    /// The chart that best explains an indicator: its own `chart`, else the first chart
    /// that includes it.
    pub fn chart_for(&self, indicator: &Indicator) -> Option<&Chart> {
        match &indicator.chart {
            Some(id) => self.chart(id),
            None => self.charts.iter().find(|c| {
                c.series.contains(&indicator.id) || c.whole.as_deref() == Some(&indicator.id)
            }),
        }
    }
}
