//! Embed URLs and snippets: every item embeds, every flag parses, every bad URL gets a clear
//! error and nothing panics, whatever the query string holds.

use bac_giang_economy::embed::{self, EmbedError, Target};
use bac_giang_economy::model::Lang;
use bac_giang_economy::model::Scheme;

fn data() -> &'static bac_giang_economy::model::Dataset {
    bac_giang_economy::dataset()
}

fn all_ids() -> Vec<&'static str> {
    let d = data();
    d.indicators
        .iter()
        .map(|i| i.id.as_str())
        .chain(d.charts.iter().map(|c| c.id.as_str()))
        .collect()
}

#[test]
fn every_card_and_chart_round_trips_through_its_query() {
    let ids = all_ids();
    assert!(ids.len() >= 40, "indicators and charts: {}", ids.len());
    for id in ids {
        for lang in Lang::ALL {
            for scheme in Scheme::ALL {
                for (plain, transparent) in
                    [(false, false), (true, false), (false, true), (true, true)]
                {
                    let q = embed::query(id, lang, scheme, plain, transparent);
                    let p = embed::parse(data(), &format!("?{q}"))
                        .unwrap_or_else(|e| panic!("{q}: {e:?}"));
                    assert_eq!(p.target.id(), id);
                    assert_eq!(
                        (p.lang, p.scheme, p.plain, p.transparent),
                        (Some(lang), scheme, plain, transparent),
                        "{q}"
                    );
                }
            }
        }
    }
}

#[test]
fn ids_name_cards_or_charts() {
    let p = embed::parse(data(), "id=grdp-growth-2023").unwrap();
    assert!(matches!(p.target, Target::Indicator(i) if i.id == "grdp-growth-2023"));
    let p = embed::parse(data(), "id=park-land").unwrap();
    assert!(matches!(p.target, Target::Chart(c) if c.id == "park-land"));
    // Defaults: browser language, automatic scheme, header and footer, opaque.
    assert_eq!(
        (p.lang, p.scheme, p.plain, p.transparent),
        (None, Scheme::Auto, false, false)
    );
}

#[test]
fn keys_and_keywords_ignore_ascii_case_and_unknown_keys_are_ignored() {
    let p = embed::parse(
        data(),
        "?ID=park-land&Lang=EN&THEME=Dark&Plain=TRUE&utm_source=news&fbclid=x",
    )
    .unwrap();
    assert_eq!(p.target.id(), "park-land");
    assert_eq!(
        (p.lang, p.scheme, p.plain, p.transparent),
        (Some(Lang::En), Scheme::Dark, true, false)
    );
    // Ids are exact: the data's ids are lowercase.
    assert_eq!(
        embed::parse(data(), "id=PARK-LAND"),
        Err(EmbedError::UnknownId("PARK-LAND".into()))
    );
}

#[test]
fn flags_take_no_value_or_a_yes_or_no() {
    for (q, plain) in [
        ("plain", true),
        ("plain=", true),
        ("plain=1", true),
        ("plain=yes", true),
        ("plain=0", false),
        ("plain=false", false),
        ("plain=No", false),
    ] {
        let p = embed::parse(data(), &format!("id=park-land&{q}")).unwrap();
        assert_eq!(p.plain, plain, "{q}");
    }
}

#[test]
fn bad_urls_get_a_clear_error() {
    let cases: &[(&str, EmbedError)] = &[
        ("", EmbedError::MissingId),
        ("?", EmbedError::MissingId),
        ("id=", EmbedError::MissingId),
        ("lang=en", EmbedError::MissingId),
        ("id=nope", EmbedError::UnknownId("nope".into())),
        (
            "id=park-land&lang=fr",
            EmbedError::BadValue {
                key: "lang",
                value: "fr".into(),
            },
        ),
        (
            "id=park-land&theme=purple",
            EmbedError::BadValue {
                key: "theme",
                value: "purple".into(),
            },
        ),
        (
            "id=park-land&plain=maybe",
            EmbedError::BadValue {
                key: "plain",
                value: "maybe".into(),
            },
        ),
        (
            "id=park-land&transparent=2",
            EmbedError::BadValue {
                key: "transparent",
                value: "2".into(),
            },
        ),
        (
            "id=park-land&lang=vi&lang=en",
            EmbedError::Conflict { key: "lang" },
        ),
        (
            "id=park-land&id=grdp-growth",
            EmbedError::Conflict { key: "id" },
        ),
        (
            "id=park-land&plain&plain=0",
            EmbedError::Conflict { key: "plain" },
        ),
    ];
    for (q, expected) in cases {
        assert_eq!(
            embed::parse(data(), q).as_ref().err(),
            Some(expected),
            "{q}"
        );
    }
    // The same value twice is not a conflict.
    assert!(embed::parse(data(), "id=park-land&lang=en&lang=en").is_ok());
}

#[test]
fn hostile_values_are_decoded_like_the_browser_and_shortened_when_shown() {
    assert_eq!(
        embed::parse(data(), "id=%3Cscript%3Ealert(1)%3C%2Fscript%3E"),
        Err(EmbedError::UnknownId("<script>alert(1)</script>".into()))
    );
    // Broken escapes stay literal; invalid UTF-8 becomes U+FFFD; `+` is a space.
    assert_eq!(
        embed::parse(data(), "id=%ZZ%4"),
        Err(EmbedError::UnknownId("%ZZ%4".into()))
    );
    assert_eq!(
        embed::parse(data(), "id=%FF%FE"),
        Err(EmbedError::UnknownId("\u{FFFD}\u{FFFD}".into()))
    );
    // Exactly what `String::from_utf8_lossy` writes: a truncated sequence is one U+FFFD and
    // valid text around it is kept.
    for raw in [
        "%C3%A9%FFx",
        "a%E1%BA",
        "%E1%BA%A3%F0%9F%98",
        "%ED%A0%80z",
        "%C0%AF",
    ] {
        let expected = String::from_utf8_lossy(&decode_percent(raw)).into_owned();
        assert_eq!(
            embed::parse(data(), &format!("id={raw}")),
            Err(EmbedError::UnknownId(expected)),
            "{raw}"
        );
    }
    assert_eq!(
        embed::parse(data(), "id=a+b"),
        Err(EmbedError::UnknownId("a b".into()))
    );
    assert_eq!(
        embed::parse(data(), "id=park%2Dland&lang=%65n").map(|p| (p.target.id(), p.lang)),
        Ok(("park-land", Some(Lang::En)))
    );
    let long = "x".repeat(100_000);
    match embed::parse(data(), &format!("id={long}")) {
        Err(EmbedError::UnknownId(shown)) => {
            assert_eq!(shown.chars().count(), 41, "40 characters and an ellipsis")
        }
        other => panic!("{other:?}"),
    }
    match embed::parse(data(), &format!("id=park-land&theme={}", "ệ".repeat(50))) {
        Err(EmbedError::BadValue {
            key: "theme",
            value,
        }) => assert!(value.ends_with('…') && value.starts_with("ệệ")),
        other => panic!("{other:?}"),
    }
}

/// A small deterministic generator, so failures reproduce without a dependency.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

#[test]
fn ten_thousand_random_queries_never_panic_and_always_decide() {
    let keys = [
        "id",
        "ID",
        "Id",
        "lang",
        "LANG",
        "theme",
        "Theme",
        "plain",
        "transparent",
        "utm",
        "",
        "%69d",
        "i%64",
    ];
    let values = [
        "park-land",
        "grdp-growth-2023",
        "milestones",
        "vi",
        "en",
        "EN",
        "dark",
        "light",
        "auto",
        "1",
        "0",
        "true",
        "no",
        "",
        "%",
        "%2",
        "%zz",
        "%FF",
        "%C3%A9",
        "+",
        "<img src=x onerror=alert(1)>",
        "\"",
        "'",
        "\u{0}",
        "ệ",
        "😀",
        "#",
        "javascript:alert(1)",
        "../../etc/passwd",
        " ",
        "\n",
        "=",
        "?",
    ];
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    let mut decided = [0usize; 2];
    for _ in 0..10_000 {
        let mut q = String::new();
        if rng.next().is_multiple_of(2) {
            q.push('?');
        }
        // Usually an id first, so valid embeds are common enough to test the flags after it.
        if !rng.next().is_multiple_of(4) {
            q.push_str("id=");
            q.push_str(rng.pick(&[
                "park-land",
                "grdp-growth-2023",
                "milestones",
                "kcn-free-area",
            ]));
        }
        for _ in 0..rng.next() % 6 {
            q.push_str(rng.pick(&["&", "&", "&", "&&", ";"]));
            q.push_str(rng.pick(&keys));
            if !rng.next().is_multiple_of(5) {
                q.push('=');
            }
            q.push_str(rng.pick(&values));
            if rng.next().is_multiple_of(50) {
                q.push_str(&"y".repeat((rng.next() % 5000) as usize));
            }
        }
        match embed::parse(data(), &q) {
            Ok(p) => {
                assert!(all_ids().contains(&p.target.id()), "{q}");
                decided[0] += 1;
            }
            Err(e) => {
                let shown = match &e {
                    EmbedError::UnknownId(v) | EmbedError::BadValue { value: v, .. } => {
                        v.chars().count()
                    }
                    _ => 0,
                };
                assert!(shown <= 41, "{q}: {e:?}");
                decided[1] += 1;
            }
        }
    }
    // Both outcomes occur, so the generator exercises the parser, not just its first check.
    assert!(decided[0] > 100 && decided[1] > 100, "{decided:?}");
}

#[test]
fn the_snippet_is_csp_clean_sandboxed_valid_and_escaped() {
    let s = embed::snippet(
        "https://example.org/bg/",
        "Tăng \"GRDP\" <2023> & more",
        "items/park-land.vi.html?theme=dark&plain",
        420,
    );
    assert!(
        s.contains(r#"src="https://example.org/bg/items/park-land.vi.html?theme=dark&amp;plain""#),
        "{s}"
    );
    assert!(
        s.contains(r#"title="Tăng &quot;GRDP&quot; &lt;2023&gt; &amp; more""#),
        "{s}"
    );
    assert!(s.contains(r#"height="420""#));
    // Valid HTML: an iframe's width is a number of pixels (embed.js makes it 100 %), and
    // frameborder is obsolete (embed.js sets no border).
    assert!(!s.contains("width=") && !s.contains("frameborder"), "{s}");
    assert!(s.contains(r#"sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox""#));
    assert!(
        !s.contains("allow-same-origin"),
        "the embed never gets the host's origin"
    );
    assert!(s.contains("data-bac-giang-embed"));
    assert!(s.contains(r#"<script src="https://example.org/bg/public/embed.js" async></script>"#));
    // Nothing a strict CSP would block: no style attribute, no inline script body.
    assert!(!s.contains("style="), "{s}");
    assert_eq!(s.matches("<script").count(), 1);
}

#[test]
fn item_addresses_name_the_page_and_only_the_chosen_options() {
    assert_eq!(
        embed::item_page("park-land", Lang::En),
        "items/park-land.en.html"
    );
    assert_eq!(
        embed::item_image("park-land", Lang::Vi),
        "items/park-land.vi.png"
    );
    let address = |scheme, plain, transparent| {
        embed::item_address("park-land", Lang::Vi, scheme, plain, transparent)
    };
    assert_eq!(
        address(Scheme::Auto, false, false),
        "items/park-land.vi.html"
    );
    assert_eq!(
        address(Scheme::Dark, true, true),
        "items/park-land.vi.html?theme=dark&plain&transparent"
    );
    assert_eq!(
        address(Scheme::Auto, false, true),
        "items/park-land.vi.html?transparent"
    );
    // Every option an item page's address carries parses back, with the page's item and
    // language.
    let d = data();
    for id in all_ids() {
        for lang in Lang::ALL {
            for (scheme, plain, transparent) in
                [(Scheme::Light, true, false), (Scheme::Auto, false, true)]
            {
                let address = embed::item_address(id, lang, scheme, plain, transparent);
                let query = address.split_once('?').map_or("", |(_, q)| q);
                let p = embed::parse_item(d, id, lang, query).unwrap();
                assert_eq!(
                    (p.target.id(), p.lang, p.scheme, p.plain, p.transparent),
                    (id, Some(lang), scheme, plain, transparent)
                );
            }
        }
    }
}

#[test]
fn an_item_page_query_may_switch_the_language_but_not_the_item() {
    let d = data();
    let p = embed::parse_item(d, "park-land", Lang::Vi, "?lang=en").unwrap();
    assert_eq!(p.lang, Some(Lang::En));
    assert_eq!(
        embed::parse_item(d, "park-land", Lang::Vi, "id=grdp-growth"),
        Err(EmbedError::Conflict { key: "id" })
    );
    assert_eq!(
        embed::parse_item(d, "park-land", Lang::Vi, "theme=sepia"),
        Err(EmbedError::BadValue {
            key: "theme",
            value: "sepia".into()
        })
    );
}

#[test]
fn the_image_snippet_links_the_card_image_to_its_page_with_the_fact_as_alt() {
    let s = embed::image_snippet(
        "https://example.org/bg/",
        "park-land",
        Lang::En,
        "Land \"free\" <now>",
    );
    assert_eq!(
        s,
        "<a href=\"https://example.org/bg/items/park-land.en.html\"><img src=\"https://example.org/bg/items/park-land.en.png\" \
         width=\"600\" height=\"315\" alt=\"Land &quot;free&quot; &lt;now&gt;\"></a>"
    );
}

#[test]
fn key_facts_state_the_figure_and_its_publishers_in_each_language() {
    let d = data();
    let grdp = Target::find(d, "grdp-growth-2023").unwrap();
    assert_eq!(
        embed::key_fact(d, &grdp, Lang::En),
        "GRDP growth in 2023: 13.1%, 1st among all provinces — Vietnamese article, Viet Nam News (VNS)"
    );
    assert_eq!(
        embed::key_fact(d, &grdp, Lang::Vi),
        "Tăng trưởng GRDP năm 2023: 13,1%, thứ 1 cả nước — Bài báo tiếng Việt, Viet Nam News (VNS)"
    );
    for id in all_ids() {
        let t = Target::find(d, id).unwrap();
        for lang in Lang::ALL {
            let fact = embed::key_fact(d, &t, lang);
            // Short enough for a preview, names a source, and never a half-written value.
            assert!(fact.chars().count() <= 260, "{id}: {fact}");
            assert!(fact.contains(" — "), "{id}: {fact}");
            assert!(
                !fact.contains("NaN") && !fact.contains("  "),
                "{id}: {fact}"
            );
        }
    }
    // A chart's sentence is cut at an item, marked.
    let land = Target::find(d, "park-land").unwrap();
    let fact = embed::key_fact(d, &land, Lang::En);
    assert!(
        fact.starts_with("Land in established parks: occupied and free."),
        "{fact}"
    );
}

#[test]
fn host_settings_take_only_the_documented_words() {
    let s = |v: &str| Some(Some(v.to_string()));
    assert_eq!(
        embed::host_settings(Some(1.0), s("en"), s("dark")),
        Some(embed::HostSettings {
            lang: Some(Lang::En),
            scheme: Some(Scheme::Dark)
        })
    );
    assert_eq!(
        embed::host_settings(Some(1.0), None, s("auto")),
        Some(embed::HostSettings {
            lang: None,
            scheme: Some(Scheme::Auto)
        })
    );
    for (v, lang, theme) in [
        (None, s("en"), None),      // no version
        (Some(2.0), s("en"), None), // another version
        (Some(1.0), s("EN"), None), // not exactly as documented
        (Some(1.0), s("fr"), None),
        (Some(1.0), Some(None), None),    // not a string
        (Some(1.0), s("en"), s("sepia")), // one bad field spoils the message
        (Some(1.0), None, Some(None)),
        (Some(1.0), None, None), // nothing to set
    ] {
        assert_eq!(
            embed::host_settings(v, lang.clone(), theme.clone()),
            None,
            "{v:?} {lang:?} {theme:?}"
        );
    }
}

#[test]
fn fallback_heights_are_sensible_and_dashboard_links_point_at_the_item() {
    let d = data();
    for id in all_ids() {
        let t = Target::find(d, id).unwrap();
        let h = t.fallback_height(d);
        assert!((200..=900).contains(&h), "{id}: {h}");
    }
    let t = Target::find(d, "park-land").unwrap();
    assert_eq!(
        embed::dashboard_href(&t, Lang::En),
        "index.html?lang=en&theme=parks#item-park-land"
    );
}

/// Percent escapes as raw bytes (the test's own decoder, for the expected text).
fn decode_percent(raw: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let mut rest = raw;
    while let Some(c) = rest.chars().next() {
        if let Some(byte) = rest
            .strip_prefix('%')
            .and_then(|r| r.get(..2))
            .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(byte);
            rest = &rest[3..];
        } else {
            out.extend_from_slice(c.to_string().as_bytes());
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}
