//! Downloads: CSV that Excel opens correctly, JSON that parses back to the data, and pictures
//! drawn by the same chart code with their title, values, sources and version.

use bac_giang_economy::charts::{self, estimate_text_width, Caption, Frame, Palette};
use bac_giang_economy::export;
use bac_giang_economy::model::{Citation, Dataset, Indicator, Lang, Period, Status, Text};
use bac_giang_economy::{i18n, BuildInfo, BUILD};

fn data() -> &'static Dataset {
    bac_giang_economy::dataset()
}

/// Splits CSV text into records of fields (RFC 4180: quotes, doubled quotes, CRLF).
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = vec![];
    let mut row = vec![];
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(std::mem::take(&mut field)),
            ('\r', false) => {}
            ('\n', false) => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (c, _) => field.push(c),
        }
    }
    assert!(field.is_empty() && row.is_empty(), "ends with CRLF");
    rows
}

#[test]
fn chart_csv_has_bom_crlf_plain_numbers_and_every_row() {
    let d = data();
    for chart in &d.charts {
        for lang in Lang::ALL {
            let text = export::csv(d, BUILD, &d.chart_rows(chart), lang);
            assert!(text.starts_with('\u{FEFF}'), "UTF-8 BOM for Excel");
            assert!(text.ends_with("\r\n"));
            assert!(!text.replace("\r\n", "").contains('\r'));
            let rows = parse_csv(text.trim_start_matches('\u{FEFF}'));
            assert_eq!(rows[0], export::CSV_COLUMNS);
            let inds = d.chart_rows(chart);
            assert_eq!(rows.len(), inds.len() + 1, "{}", chart.id);
            for (row, ind) in rows[1..].iter().zip(&inds) {
                assert_eq!(row.len(), export::CSV_COLUMNS.len());
                assert_eq!(row[0], ind.id);
                assert_eq!(row[1], ind.label.get(lang));
                assert_eq!(row[2], ind.period.to_string());
                // Plain numbers: a dot for decimals, no grouping, whatever the language.
                match ind.value {
                    Some(v) => {
                        assert!((row[3].parse::<f64>().unwrap() - v).abs() <= v.abs() * 1e-11)
                    }
                    None => assert_eq!(row[3], ""),
                }
                assert_eq!(row[7], export::status_code(ind.status));
                for c in &ind.sources {
                    assert!(row[8].contains(&c.excerpt), "{}: every excerpt", ind.id);
                }
                assert_eq!(row[9], format!("{}+{}", d.version, BUILD.data_hash));
            }
        }
    }
}

#[test]
fn csv_escapes_commas_quotes_and_line_breaks_and_keeps_vietnamese() {
    let d = data();
    let mut ind: Indicator = d.indicators[0].clone();
    ind.id = "tricky".into();
    ind.label = Text {
        vi: "Đầu tư \"FDI\", mới\nnăm 2024".into(),
        en: "plain".into(),
    };
    ind.sources = vec![Citation {
        source: "vi-article".into(),
        paragraph: 3,
        excerpt: "tăng 22,5%, \"kỷ lục\"".into(),
    }];
    ind.status = Status::Plan;
    ind.period = Period::Year(2025);
    let text = export::csv(d, BUILD, &[&ind], Lang::Vi);
    assert!(
        text.contains("\"Đầu tư \"\"FDI\"\", mới\nnăm 2024\""),
        "{text}"
    );
    let rows = parse_csv(text.trim_start_matches('\u{FEFF}'));
    assert_eq!(rows[1][1], "Đầu tư \"FDI\", mới\nnăm 2024");
    assert_eq!(rows[1][8], "vi-article ¶3: “tăng 22,5%, \"kỷ lục\"”");
    assert_eq!(rows[1][7], "plan");
    // The BOM is the three bytes Excel looks for.
    assert_eq!(&text.as_bytes()[..3], &[0xEF, 0xBB, 0xBF]);
}

#[test]
fn chart_json_parses_back_to_the_data() {
    let d = data();
    for chart in &d.charts {
        let text = export::chart_json(d, BUILD, chart);
        let v: serde_json::Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
        assert_eq!(v["dataset"], d.id.as_str());
        assert_eq!(v["data_hash"], BUILD.data_hash);
        assert_eq!(v["data_version"], d.version.as_str());
        assert_eq!(v["charts"][0]["id"], chart.id.as_str());
        assert_eq!(v["charts"][0]["title"]["vi"], chart.title.vi.as_str());
        let rows = v["rows"].as_array().unwrap();
        let inds = d.chart_rows(chart);
        assert_eq!(rows.len(), inds.len());
        for (r, ind) in rows.iter().zip(&inds) {
            assert_eq!(r["id"], ind.id.as_str());
            assert_eq!(r["label"]["en"], ind.label.en.as_str());
            match ind.value {
                Some(v) => assert!((r["value"].as_f64().unwrap() - v).abs() <= v.abs() * 1e-11),
                None => assert!(r["value"].is_null()),
            }
            assert_eq!(r["computed"], ind.is_derived());
            assert_eq!(r["sources"].as_array().unwrap().len(), ind.sources.len());
            assert_eq!(r["sources"][0]["excerpt"], ind.sources[0].excerpt.as_str());
        }
        assert!(!v["sources"].as_array().unwrap().is_empty());
    }
    let all: serde_json::Value = serde_json::from_str(&export::dataset_json(d, BUILD)).unwrap();
    assert_eq!(all["rows"].as_array().unwrap().len(), d.indicators.len());
    assert_eq!(all["charts"].as_array().unwrap().len(), d.charts.len());
    assert_eq!(all["sources"].as_array().unwrap().len(), d.sources.len());
    let csv = export::dataset_csv(d, BUILD, Lang::En);
    assert_eq!(csv.matches("\r\n").count(), d.indicators.len() + 1);
}

#[test]
fn json_escapes_control_characters_and_quotes() {
    let d = data();
    let mut ind: Indicator = d.indicators[0].clone();
    ind.label = Text {
        vi: "a\"b\\c\u{1}\td".into(),
        en: "<img src=x onerror=alert(1)>".into(),
    };
    let mut data = d.clone();
    data.indicators = vec![ind];
    let v: serde_json::Value = serde_json::from_str(&export::dataset_json(&data, BUILD)).unwrap();
    assert_eq!(v["rows"][0]["label"]["vi"], "a\"b\\c\u{1}\td");
    assert_eq!(v["rows"][0]["label"]["en"], "<img src=x onerror=alert(1)>");

    // Every control character, escaped as JSON requires and read back as itself.
    let controls: String = (0u8..0x20).map(char::from).collect();
    data.indicators[0].label.vi = controls.clone();
    let json = export::dataset_json(&data, BUILD);
    assert!(json.contains(r"\u0000") && json.contains(r"\u001f") && json.contains(r"\u000b"));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["rows"][0]["label"]["vi"], controls.as_str());
}

#[test]
fn plain_numbers_hide_float_noise_not_digits() {
    assert_eq!(export::plain_number(1583.1295599999999), "1583.12956");
    assert_eq!(export::plain_number(5e14), "500000000000000");
    assert_eq!(export::plain_number(13.1), "13.1");
    assert_eq!(export::plain_number(0.1 + 0.2), "0.3");
    assert_eq!(export::plain_number(-2.5), "-2.5");
}

#[test]
fn file_names_carry_the_item_and_data_version() {
    let build = BuildInfo {
        data_hash: "0123abcd",
        date: "2026-01-02",
    };
    let name = export::file_name(data(), build, "grdp-growth", "csv");
    assert_eq!(
        name,
        format!("bac-giang-grdp-growth-{}+0123abcd.csv", data().version)
    );
}

#[test]
fn picture_downloads_carry_title_values_sources_and_version() {
    let d = data();
    for chart in &d.charts {
        for lang in Lang::ALL {
            let palette = Palette::light();
            let frame = Frame {
                data: d,
                chart,
                lang,
                palette: &palette,
                scale: 1.0,
                highlight: None,
                measure: &estimate_text_width,
            };
            let notes = [
                i18n::sources_line(d, d.chart_citations(chart), lang),
                i18n::version_line(d, BUILD, lang),
            ];
            let caption = Caption {
                title: chart.title.get(lang),
                notes: &notes,
            };
            let svg = charts::figure_svg(&frame, &caption, 640.0);
            assert!(svg.starts_with("<svg"), "{}", chart.id);
            // Text is XML-escaped in the SVG; compare with the same escaping.
            let esc = |s: &str| {
                s.replace('&', "&amp;")
                    .replace('<', "&lt;")
                    .replace('>', "&gt;")
            };
            assert!(
                svg.contains(&esc(chart.title.get(lang))),
                "{} title",
                chart.id
            );
            assert!(svg.contains(BUILD.data_hash), "{} version", chart.id);
            // The same drawing as on screen: every label the plain chart draws is in the picture.
            let (plain, _) = charts::render_svg(d, chart, lang, &palette, 640, None);
            for text in plain
                .split("<text")
                .skip(1)
                .filter_map(|t| t.split('>').nth(1))
            {
                let label = text.split('<').next().unwrap();
                assert!(
                    svg.contains(label),
                    "{}: {label:?} missing from the download",
                    chart.id
                );
            }
            let height = charts::figure_height(&frame, &caption, 640.0);
            assert!(
                svg.contains(&format!("height=\"{}\"", height as u32)),
                "{}",
                chart.id
            );
        }
    }
    // The bar values, as formatted for readers, are in the picture.
    let chart = d.chart("grdp-growth").unwrap();
    let palette = Palette::dark();
    let frame = Frame {
        data: d,
        chart,
        lang: Lang::Vi,
        palette: &palette,
        scale: 1.0,
        highlight: None,
        measure: &estimate_text_width,
    };
    let svg = charts::figure_svg(
        &frame,
        &Caption {
            title: "Tăng trưởng GRDP",
            notes: &[],
        },
        500.0,
    );
    assert!(svg.contains("13,1%") && svg.contains("14,5%"), "{svg}");
}

#[test]
fn wrap_breaks_at_words_within_the_width() {
    let w = |s: &str| s.chars().count() as f64;
    assert_eq!(
        charts::wrap("a bb ccc dddd", 6.0, &w),
        ["a bb", "ccc", "dddd"]
    );
    assert_eq!(charts::wrap("", 6.0, &w), Vec::<String>::new());
    // A word longer than the line stays whole on its own line.
    assert_eq!(charts::wrap("abcdefghij x", 4.0, &w), ["abcdefghij", "x"]);
}
