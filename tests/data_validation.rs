//! Malformed datasets must fail with the file, the JSON path and the problem.

use bac_giang_economy::model::{load, Dataset};
use std::path::Path;

fn fixtures() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures"))
}

fn load_fixture(rel: &str) -> Result<Dataset, String> {
    let path = fixtures().join(rel);
    let text = std::fs::read_to_string(&path).unwrap();
    let dir = fixtures().to_path_buf();
    let read = move |f: &str| std::fs::read_to_string(dir.join(f)).ok();
    load(rel, &text, Some(&read)).map_err(|e| e.to_string())
}

#[test]
fn the_minimal_fixture_is_valid_and_derives_values() {
    let d = load_fixture("valid-minimal.json").expect("valid");
    let used = d.indicator("used-area").expect("derived value added");
    assert!(used.is_derived());
    assert!((used.value.unwrap() - 60.0).abs() < 1e-9);
    assert_eq!(
        used.qualifier,
        Some(bac_giang_economy::model::Qualifier::About)
    );
}

/// (fixture, expected message: `file: path: problem`, matched as a prefix of one line).
const CASES: &[(&str, &str)] = &[
    ("unknown-field", "invalid/unknown-field.json: $.indicators[0].valeu: unknown field `valeu`"),
    ("missing-language", "invalid/missing-language.json: $.indicators[1].label: missing field `en`"),
    ("empty-text", "invalid/empty-text.json: $.themes[0].label.vi: empty text"),
    ("unknown-unit", "invalid/unknown-unit.json: $.indicators[1].unit: unknown variant `km2`, expected one of"),
    ("unknown-theme", "invalid/unknown-theme.json: $.indicators[2].theme: unknown theme `economy`"),
    ("unknown-source", "invalid/unknown-source.json: $.indicators[0].sources[0].source: unknown source `wire`"),
    ("unknown-chart-series", "invalid/unknown-chart-series.json: $.charts[0].series[1]: unknown indicator `growth-2024`"),
    ("unknown-chart-ref", "invalid/unknown-chart-ref.json: $.indicators[0].chart: unknown chart `gdp`"),
    ("duplicate-id", "invalid/duplicate-id.json: $.indicators[1].id: duplicate id `growth-2023`"),
    ("chart-id-clashes", "invalid/chart-id-clashes.json: $.charts[0].id: duplicate id `area`"),
    ("bad-period-month", "invalid/bad-period-month.json: $.indicators[0].period: bad period `2024-13`: month 13 is outside 1–12"),
    ("bad-period-day", "invalid/bad-period-day.json: $.indicators[1].period: bad period `2023-02-29`: day 29 is outside 1–28"),
    ("bad-period-span", "invalid/bad-period-span.json: $.indicators[0].period: bad period `2030/2021`: 2030 is not before 2021"),
    ("as-of-not-a-date", "invalid/as-of-not-a-date.json: $.as_of: must be a date (YYYY-MM-DD)"),
    ("count-not-whole", "invalid/count-not-whole.json: $.indicators[1].value: a count must be a whole number ≥ 0"),
    ("value-without-unit", "invalid/value-without-unit.json: $.indicators[0].unit: a value needs a unit"),
    ("derived-unknown-input", "invalid/derived-unknown-input.json: $.derived[0].formula: unknown indicator `land-area`"),
    ("derived-unit-mismatch", "invalid/derived-unit-mismatch.json: $.derived[0].formula: `percent` input `area` is not a percent"),
    ("share-exceeds-whole", "invalid/share-exceeds-whole.json: $.charts[1].series: the parts add up to more than the whole"),
    ("missing-sources", "invalid/missing-sources.json: $.indicators[0].sources: every value needs at least one source"),
    ("long-excerpt", "invalid/long-excerpt.json: $.indicators[0].sources[0].excerpt: excerpt has 13 words; quote at most 12"),
    ("excerpt-not-in-paragraph", "invalid/excerpt-not-in-paragraph.json: $.indicators[0].sources[0].excerpt: excerpt not found in paragraph 1 of source `art`"),
    ("paragraph-out-of-range", "invalid/paragraph-out-of-range.json: $.indicators[0].sources[0].paragraph: source `art` has only 2 paragraphs"),
    ("bad-id", "invalid/bad-id.json: $.indicators[0].id: id `Growth_2023` must be lowercase letters, digits and inner hyphens"),
    ("non-finite-number", "invalid/non-finite-number.json: $.indicators[0].value: number out of range"),
    ("syntax-error", "invalid/syntax-error.json: $: trailing comma at line"),
];

#[test]
fn every_malformed_fixture_fails_with_its_message() {
    let mut failures = Vec::new();
    for (name, expected) in CASES {
        match load_fixture(&format!("invalid/{name}.json")) {
            Ok(_) => failures.push(format!("{name}: loaded without error")),
            Err(msg) => {
                if !msg.lines().any(|l| l.starts_with(expected)) {
                    failures.push(format!(
                        "{name}:\n  expected: {expected}\n  got:      {msg}"
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_fixture_file_is_covered() {
    let count = std::fs::read_dir(fixtures().join("invalid"))
        .unwrap()
        .count();
    assert_eq!(
        count,
        CASES.len(),
        "each invalid fixture needs an expected message"
    );
}
