//! The dashboard's address: every valid view round-trips; bad values are dropped one by one
//! (the rest of the view still opens) and reported; nothing panics, whatever the query holds.

use bac_giang_economy::model::Lang;
use bac_giang_economy::view_state::{self, Dropped, ViewState};

fn data() -> &'static bac_giang_economy::model::Dataset {
    bac_giang_economy::dataset()
}

#[test]
fn every_valid_view_round_trips_through_its_address() {
    let d = data();
    let themes: Vec<Option<String>> = std::iter::once(None)
        .chain(d.themes.iter().map(|t| Some(t.id.clone())))
        .collect();
    let cards: Vec<Option<String>> = std::iter::once(None)
        .chain(d.indicators.iter().map(|i| Some(i.id.clone())))
        .collect();
    // Every subset of charts shown as tables.
    let subsets: Vec<Vec<String>> = (0..1u32 << d.charts.len())
        .map(|mask| {
            d.charts
                .iter()
                .enumerate()
                .filter(|(i, _)| mask & (1 << i) != 0)
                .map(|(_, c)| c.id.clone())
                .collect()
        })
        .collect();
    let mut checked = 0;
    for lang in [None, Some(Lang::Vi), Some(Lang::En)] {
        for theme in &themes {
            for (k, card) in cards.iter().enumerate() {
                for (s, tables) in subsets.iter().enumerate() {
                    // All views number some 67,000; a stride of 6 keeps
                    // every value of every field while staying fast.
                    if (k + s) % 6 != 0 {
                        continue;
                    }
                    let state = ViewState {
                        lang,
                        theme: theme.clone(),
                        card: card.clone(),
                        tables: tables.clone(),
                    };
                    let (back, dropped) = view_state::parse(d, &state.query());
                    assert_eq!(back, state, "{}", state.query());
                    assert!(dropped.is_empty());
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 10_000, "{checked}");
    assert_eq!(ViewState::default().query(), "");
}

#[test]
fn address_forms_people_type_or_tools_add() {
    let d = data();
    let (s, dropped) = view_state::parse(
        d,
        "?LANG=EN-gb&Theme=parks&utm_source=x&table=park-land,grdp-growth&table=park-land&card=grdp-growth-2023",
    );
    assert!(dropped.is_empty());
    assert_eq!(s.lang, Some(Lang::En));
    assert_eq!(s.theme.as_deref(), Some("parks"));
    assert_eq!(s.card.as_deref(), Some("grdp-growth-2023"));
    // Data order, no repeats: equal views have equal addresses.
    assert_eq!(s.tables, ["grdp-growth", "park-land"]);
    assert_eq!(
        s.query(),
        "?lang=en&theme=parks&card=grdp-growth-2023&table=grdp-growth,park-land"
    );
    assert_eq!(view_state::parse(d, "?theme=all").0.theme, None);
    assert_eq!(view_state::parse(d, "").0, ViewState::default());
    assert_eq!(view_state::parse(d, "?").0, ViewState::default());
}

#[test]
fn bad_values_are_dropped_and_reported_the_rest_opens() {
    let d = data();
    let (s, dropped) = view_state::parse(
        d,
        "?lang=fr&theme=%3Cscript%3E&card=nope&table=grdp-growth,x,,park-land&theme=parks",
    );
    assert_eq!(s.lang, None);
    assert_eq!(
        s.theme.as_deref(),
        Some("parks"),
        "a later valid value wins"
    );
    assert_eq!(s.card, None);
    assert_eq!(s.tables, ["grdp-growth", "park-land"]);
    let keys: Vec<(&str, &str)> = dropped
        .iter()
        .map(|Dropped { key, value }| (*key, value.as_str()))
        .collect();
    assert_eq!(
        keys,
        [
            ("lang", "fr"),
            ("theme", "<script>"),
            ("card", "nope"),
            ("table", "x")
        ]
    );
    // Reported values are cut to 40 characters.
    let long = "a".repeat(100_000);
    let (_, dropped) = view_state::parse(d, &format!("?card={long}"));
    assert_eq!(dropped[0].value.len(), 40);
}

#[test]
fn new_view_versus_same_view_in_another_language() {
    let a = ViewState {
        lang: Some(Lang::Vi),
        ..Default::default()
    };
    let b = ViewState {
        lang: Some(Lang::En),
        ..Default::default()
    };
    assert!(!a.is_new_view(&b), "a language switch replaces the entry");
    let c = ViewState {
        card: Some("grdp-growth-2023".into()),
        ..a.clone()
    };
    assert!(a.is_new_view(&c), "opening a card is a history entry");
}

#[test]
fn set_table_keeps_data_order_without_repeats() {
    let d = data();
    let mut t = Vec::new();
    view_state::set_table(d, &mut t, "park-land", true);
    view_state::set_table(d, &mut t, "grdp-growth", true);
    view_state::set_table(d, &mut t, "grdp-growth", true);
    assert_eq!(t, ["grdp-growth", "park-land"]);
    view_state::set_table(d, &mut t, "grdp-growth", false);
    assert_eq!(t, ["park-land"]);
}

struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn ten_thousand_random_addresses_never_panic_and_always_yield_a_valid_view() {
    let d = data();
    let pieces = [
        "lang",
        "LANG",
        "theme",
        "card",
        "table",
        "=",
        "&",
        "?",
        "%",
        "%E1%BA",
        "%ZZ",
        "+",
        ",",
        "en",
        "vi",
        "parks",
        "all",
        "grdp-growth",
        "park-land",
        "grdp-growth-2023",
        "<img>",
        "ú",
        "\u{0}",
        "%00",
        "%FF%FE",
        "utm",
        "#",
    ];
    let mut rng = XorShift(0xD1B5_4A32_D192_ED03);
    let mut with_drops = 0;
    for _ in 0..10_000 {
        let n = (rng.next() % 24) as usize;
        let mut q = String::new();
        for _ in 0..n {
            q.push_str(pieces[(rng.next() % pieces.len() as u64) as usize]);
        }
        if rng.next().is_multiple_of(50) {
            q.push_str(&"x".repeat(50_000));
        }
        let (s, dropped) = view_state::parse(d, &q);
        // Whatever came in, what comes out is a view the app can show.
        assert!(s.theme.as_deref().is_none_or(|t| d.theme(t).is_some()));
        assert!(s.card.as_deref().is_none_or(|c| d.indicator(c).is_some()));
        assert!(s.tables.iter().all(|t| d.chart(t).is_some()));
        assert!(dropped.iter().all(|x| x.value.chars().count() <= 40));
        assert_eq!(
            view_state::parse(d, &s.query()).0,
            s,
            "canonical form is stable"
        );
        with_drops += usize::from(!dropped.is_empty());
    }
    assert!(
        with_drops > 100,
        "the generator produces bad values too: {with_drops}"
    );
}

#[test]
fn language_tags_are_read_by_their_primary_subtag() {
    for (tag, lang) in [
        ("vi", Some(Lang::Vi)),
        ("EN", Some(Lang::En)),
        ("en-GB", Some(Lang::En)),
        ("vi_VN", Some(Lang::Vi)),
        (" en-us\t", Some(Lang::En)),
        ("En-", Some(Lang::En)),
        ("eng", None),
        ("e", None),
        ("", None),
        ("-en", None),
        ("de-DE", None),
        ("vi x", None),
        ("\u{a0}en", None),
    ] {
        assert_eq!(Lang::from_tag(tag), lang, "{tag:?}");
    }
}
