//! What the dashboard shows, as its address holds it, so a shared link opens exactly that view:
//! `?lang=en&theme=parks&card=kcn-occupied-area&table=park-land,grdp-growth`.
//!
//! Pure (no web dependencies): parsed from and written to the raw query string, tested natively
//! with every valid state and random input. Bad values never fail: each is dropped (the reader
//! gets the rest of the view) and reported, so callers can tell.

use crate::embed::query_pairs;
use crate::model::{Dataset, Lang};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ViewState {
    /// None: not in the address (the remembered or browser language applies).
    pub lang: Option<Lang>,
    /// The theme filter; None shows every theme.
    pub theme: Option<String>,
    /// The indicator whose detail is open.
    pub card: Option<String>,
    /// Charts shown as tables, in the data's order.
    pub tables: Vec<String>,
}

/// A parameter that was present but unusable, and dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dropped {
    pub key: &'static str,
    pub value: String,
}

const KEYS: [&str; 4] = ["lang", "theme", "card", "table"];

/// Reads a query string (`?…` or without the `?`). Keys are ASCII case-insensitive, unknown
/// keys are ignored (other tools add their own), a repeated key keeps its last value, and
/// `table` lists chart ids separated by commas (also as repeated keys).
pub fn parse(data: &Dataset, search: &str) -> (ViewState, Vec<Dropped>) {
    let mut state = ViewState::default();
    let mut dropped = Vec::new();
    let mut tables: Vec<&str> = Vec::new();
    for (key, value) in query_pairs(search) {
        let Some(key) = KEYS.iter().find(|k| k.eq_ignore_ascii_case(&key)) else {
            continue;
        };
        let mut drop = |value: &str| {
            dropped.push(Dropped {
                key,
                value: value.chars().take(40).collect(),
            })
        };
        match *key {
            "lang" => match Lang::from_tag(&value).filter(|_| value.len() <= 16) {
                Some(lang) => state.lang = Some(lang),
                None => drop(&value),
            },
            // "all" is what the filter's own button is called in the markup.
            "theme" if value.is_empty() || value.eq_ignore_ascii_case("all") => state.theme = None,
            "theme" => match data.theme(&value) {
                Some(t) => state.theme = Some(t.id.clone()),
                None => drop(&value),
            },
            "card" if value.is_empty() => state.card = None,
            "card" => match data.indicator(&value) {
                Some(i) => state.card = Some(i.id.clone()),
                None => drop(&value),
            },
            _ => {
                for id in value.split(',').filter(|id| !id.is_empty()) {
                    match data.chart(id) {
                        Some(c) if !tables.contains(&c.id.as_str()) => tables.push(&c.id),
                        Some(_) => {}
                        None => drop(id),
                    }
                }
            }
        }
    }
    state.tables = data
        .charts
        .iter()
        .filter(|c| tables.contains(&c.id.as_str()))
        .map(|c| c.id.clone())
        .collect();
    (state, dropped)
}

impl ViewState {
    /// The query string for this state (`?…`, or empty for the default view). Ids are the
    /// data's own (lowercase letters, digits, hyphens), so they need no escaping.
    pub fn query(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if let Some(lang) = self.lang {
            parts.push(format!("lang={}", lang.code()));
        }
        if let Some(theme) = &self.theme {
            parts.push(format!("theme={theme}"));
        }
        if let Some(card) = &self.card {
            parts.push(format!("card={card}"));
        }
        if !self.tables.is_empty() {
            parts.push(format!("table={}", self.tables.join(",")));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }

    /// Whether going from `self` to `next` is a new view (a history entry) rather than the same
    /// view in another language (which replaces the entry).
    pub fn is_new_view(&self, next: &ViewState) -> bool {
        self.theme != next.theme || self.card != next.card || self.tables != next.tables
    }
}

/// Shows chart `id` as a table (`on`) or as a drawing, keeping `tables` in the data's order so
/// equal views have equal addresses.
pub fn set_table(data: &Dataset, tables: &mut Vec<String>, id: &str, on: bool) {
    let shown = |chart: &str| {
        if chart == id {
            on
        } else {
            tables.iter().any(|t| t == chart)
        }
    };
    *tables = data
        .charts
        .iter()
        .filter(|c| shown(&c.id))
        .map(|c| c.id.clone())
        .collect();
}
