//! The shipped dataset: complete, sourced, and its derived values computed in code.

use bac_giang_economy::embedded_dataset;
use bac_giang_economy::model::{Qualifier, Status, Unit};

#[test]
fn holds_every_headline_fact_of_the_articles() {
    let d = embedded_dataset();
    let v = |id: &str| {
        d.indicator(id)
            .unwrap_or_else(|| panic!("missing {id}"))
            .value
            .unwrap()
    };
    assert_eq!(v("grdp-growth-2023"), 13.1);
    assert_eq!(v("grdp-growth-2024"), 14.5);
    assert_eq!(
        d.indicator("grdp-growth-2024").unwrap().status,
        Status::Estimate
    );
    assert_eq!(
        d.indicator("grdp-growth-2023")
            .unwrap()
            .rank
            .as_ref()
            .unwrap()
            .position,
        1
    );
    assert_eq!(v("kcn-approved-planning"), 14.0);
    assert_eq!(v("kcn-zoning-in-progress"), 6.0);
    assert_eq!(v("kcn-established"), 10.0);
    assert_eq!(v("kcn-planned-area"), 2474.8);
    assert_eq!(v("kcn-occupancy-rate"), 63.97);
    assert_eq!(v("kcn-awaiting-approval"), 13.0);
    assert_eq!(v("investment-attracted-2024"), 1.7e9);
    assert_eq!(v("fdi-rank-2024"), 9.0);
    assert_eq!(v("iip-growth-9m-2024"), 27.69);
    assert_eq!(v("industrial-output-9m-2024"), 5e14);
    assert_eq!(v("fdi-sector-output-9m-2024"), 4.38e14);
    assert_eq!(v("luxshare-revenue-9m-2024"), 5.983e13);
    assert_eq!(v("fukang-revenue-9m-2024"), 6.7805e13);
    assert_eq!(v("hana-micron-revenue-9m-2024"), 6.164e12);
    assert_eq!(v("blueway-vina-sales-9m-2024"), 7e7);
    assert_eq!(v("dong-viet-bridge-investment"), 1.5e12);
    assert_eq!(d.indicator("partner-provinces").unwrap().items.len(), 5);
    assert_eq!(d.indicator("kcn-new-9m-2024").unwrap().items.len(), 2);
    assert_eq!(d.indicator("kcn-expanded-9m-2024").unwrap().items.len(), 2);
    for id in [
        "resolution-147",
        "resolution-11",
        "fdi-principle-1-2-3",
        "five-readiness",
        "direction-2025",
        "chungcheongnam-plan",
        "provincial-plan-2021-2030",
    ] {
        assert!(d.indicator(id).is_some(), "missing {id}");
    }
}

#[test]
fn derived_values_are_computed_not_typed() {
    let d = embedded_dataset();
    let occupied = d.indicator("kcn-occupied-area").unwrap();
    assert!(occupied.is_derived());
    assert!((occupied.value.unwrap() - 2474.8 * 0.6397).abs() < 1e-9);
    assert_eq!(occupied.unit, Some(Unit::Ha));
    assert_eq!(occupied.qualifier, Some(Qualifier::About));
    let free = d.indicator("kcn-free-area").unwrap();
    assert!((free.value.unwrap() + occupied.value.unwrap() - 2474.8).abs() < 1e-9);
    let share = d.indicator("fdi-sector-share-9m-2024").unwrap();
    assert!((share.value.unwrap() - 87.6).abs() < 1e-9);
    assert_eq!(
        share.qualifier,
        Some(Qualifier::Over),
        "over 438 / nearly 500 is over 87.6%"
    );
    let other = d.indicator("other-sector-output-9m-2024").unwrap();
    assert_eq!(other.qualifier, Some(Qualifier::Nearly));
    // Derived values cite the sources of their inputs.
    assert!(share.sources.len() >= 2);
    // And no derived id is typed in among the indicators of the file.
    let raw: serde_json::Value =
        serde_json::from_str(include_str!("../data/bac-giang.json")).unwrap();
    let typed: Vec<&str> = raw["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    for dv in &d.derived {
        assert!(!typed.contains(&dv.id.as_str()));
    }
}

#[test]
fn facts_stated_by_both_articles_cite_both() {
    let d = embedded_dataset();
    for id in [
        "grdp-growth-2023",
        "grdp-growth-2024",
        "kcn-planned-area",
        "kcn-occupancy-rate",
        "investment-attracted-2024",
        "industrial-output-9m-2024",
        "partner-provinces",
    ] {
        let sources: Vec<&str> = d
            .indicator(id)
            .unwrap()
            .sources
            .iter()
            .map(|c| c.source.as_str())
            .collect();
        assert!(
            sources.contains(&"vi-article") && sources.contains(&"vns"),
            "{id} cites {sources:?}"
        );
    }
}

#[test]
fn every_theme_has_content_and_every_chart_is_reachable() {
    let d = embedded_dataset();
    for t in &d.themes {
        assert!(
            d.indicators_in(&t.id).count() > 0,
            "theme {} has no cards",
            t.id
        );
    }
    for c in &d.charts {
        assert!(d.series(c).len() == c.series.len());
    }
    for i in &d.indicators {
        if let Some(c) = d.chart_for(i) {
            assert!(d.chart(&c.id).is_some());
        }
    }
}

#[test]
fn embedded_code_matches_the_json_file() {
    let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/data"));
    let read = |rel: &str| std::fs::read_to_string(dir.join(rel)).ok();
    let from_json = bac_giang_economy::model::load(
        "data/bac-giang.json",
        include_str!("../data/bac-giang.json"),
        Some(&read),
    )
    .unwrap();
    assert_eq!(
        embedded_dataset(),
        from_json,
        "build.rs code generation round-trips the data"
    );
}

#[test]
fn the_binary_codec_round_trips_and_rejects_damage() {
    use bac_giang_economy::model::codec::{decode, encode};
    let d = embedded_dataset();
    let bytes = encode(&d);
    assert_eq!(decode(&bytes).unwrap(), d);
    assert!(decode(&[]).is_err());
    for cut in [1, bytes.len() / 3, bytes.len() - 1] {
        assert!(decode(&bytes[..cut]).is_err(), "truncated at {cut}");
    }
    let mut trailing = bytes.clone();
    trailing.push(0);
    assert!(decode(&trailing).is_err(), "trailing bytes");
    assert!(decode(&[0xff; 64]).is_err(), "garbage");
    // The reader carries on past damage with defaults: no change of a byte may make it panic
    // or hang, and whatever it accepts must still be a valid dataset.
    for at in (0..bytes.len()).step_by(5) {
        for value in [0x00, 0x7f, 0x80, 0xff] {
            let mut damaged = bytes.clone();
            damaged[at] = value;
            if let Ok(d) = decode(&damaged) {
                assert!(!d.indicators.is_empty(), "byte {at} = {value:#x}");
            }
        }
    }
}

#[test]
fn build_stamp_names_the_json_file_and_a_real_date() {
    use sha2::Digest;
    let build = bac_giang_economy::BUILD;
    let json = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/data/bac-giang.json")).unwrap();
    let full: String = sha2::Sha256::digest(&json)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    // Same as `sha256sum data/bac-giang.json | cut -c1-8`, so readers can check it.
    assert_eq!(build.data_hash, &full[..8]);

    let parts: Vec<u32> = build.date.split('-').map(|p| p.parse().unwrap()).collect();
    assert_eq!(build.date.len(), 10, "{}", build.date);
    assert!(parts[0] >= 2024 && (1..=12).contains(&parts[1]) && (1..=31).contains(&parts[2]));

    let d = embedded_dataset();
    use bac_giang_economy::{i18n::version_line, model::Lang};
    let vi = version_line(&d, build, Lang::Vi);
    let en = version_line(&d, build, Lang::En);
    assert_eq!(
        vi,
        format!(
            "Phiên bản dữ liệu {} · mã {} · dựng ngày {}",
            d.version, build.data_hash, build.date
        )
    );
    assert_eq!(
        en,
        format!(
            "Data version {} · hash {} · built {}",
            d.version, build.data_hash, build.date
        )
    );
}

#[test]
fn citations_put_the_readers_article_first_and_keep_the_other_languages_words() {
    use bac_giang_economy::i18n::citations;
    use bac_giang_economy::model::Lang;
    let d = embedded_dataset();
    let ind = d.indicator("grdp-growth-2023").unwrap();
    let vi = citations(&d, &ind.sources, Lang::Vi);
    let en = citations(&d, &ind.sources, Lang::En);
    assert_eq!(vi.len(), 2);
    assert_eq!(vi[0].excerpt_lang, Lang::Vi);
    assert_eq!(
        vi[1].excerpt_lang,
        Lang::En,
        "the English article's statement too"
    );
    assert_eq!(en[0].excerpt_lang, Lang::En);
    assert!(vi[0].excerpt.contains("13,1%") && en[0].excerpt.contains("13.1 per cent"));
    assert_eq!(vi[0].place, "đoạn 1");
    assert_eq!(en[0].place, "para. 8");
    // No publication date in the data: said, not invented.
    assert!(
        vi[0]
            .article
            .ends_with("· tiếng Việt · không ghi ngày đăng"),
        "{}",
        vi[0].article
    );
    assert!(
        en[0].article.starts_with("Viet Nam News (VNS) — "),
        "{}",
        en[0].article
    );
    assert!(
        en[0].article.ends_with("· in English · date not stated"),
        "{}",
        en[0].article
    );
}

/// The cards decide once whether a card has an equivalent, change, rank or computation line
/// and let only its text follow the language (`components::optional_line`): whether a line
/// exists must depend on the data alone.
#[test]
fn a_cards_lines_exist_in_both_languages_or_neither() {
    use bac_giang_economy::i18n;
    use bac_giang_economy::model::{Indicator, Lang};
    let d = embedded_dataset();
    type Compose<'a> = Box<dyn Fn(&Indicator, Lang) -> Option<String> + 'a>;
    let lines: [(&str, Compose); 4] = [
        ("equivalent", Box::new(i18n::equivalent_line)),
        ("change", Box::new(|i, l| i18n::change_line(&d, i, l))),
        ("rank", Box::new(i18n::rank_line)),
        ("formula", Box::new(|i, l| i18n::formula_line(&d, i, l))),
    ];
    for (name, compose) in &lines {
        let mut shown = 0;
        for ind in &d.indicators {
            let (vi, en) = (compose(ind, Lang::Vi), compose(ind, Lang::En));
            assert_eq!(vi.is_some(), en.is_some(), "{name} line of {}", ind.id);
            shown += usize::from(vi.is_some());
        }
        assert!(shown > 0, "the dataset shows no {name} line at all");
    }
}

#[test]
fn a_charts_rows_and_citations_follow_its_series_then_its_whole() {
    let d = embedded_dataset();
    for chart in &d.charts {
        let rows: Vec<&str> = d.chart_rows(chart).iter().map(|i| i.id.as_str()).collect();
        let mut expected: Vec<&str> = chart.series.iter().map(String::as_str).collect();
        expected.extend(chart.whole.as_deref());
        assert_eq!(rows, expected, "{}", chart.id);
        let cites: Vec<(&str, u32)> = d
            .chart_citations(chart)
            .iter()
            .map(|c| (c.source.as_str(), c.paragraph))
            .collect();
        let mut expected = Vec::new();
        for id in &rows {
            let ind = d.indicator(id).unwrap();
            expected.extend(ind.sources.iter().map(|c| (c.source.as_str(), c.paragraph)));
        }
        assert!(!cites.is_empty(), "{}: a chart is sourced", chart.id);
        assert_eq!(cites, expected, "{}", chart.id);
    }
    let share = d
        .charts
        .iter()
        .find(|c| c.whole.is_some())
        .expect("a share chart");
    assert_eq!(
        d.chart_rows(share).len(),
        share.series.len() + 1,
        "the whole is a row"
    );
}
