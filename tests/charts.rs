//! Every chart drawn natively to SVG: labels, values and marks asserted on the SVG text.

use bac_giang_economy::charts::{hit_at, preferred_height, render_svg, summary, Palette};
use bac_giang_economy::embedded_dataset;
use bac_giang_economy::model::{Dataset, Lang};

fn svg(
    data: &Dataset,
    id: &str,
    lang: Lang,
    width: u32,
) -> (String, Vec<bac_giang_economy::charts::Hit>) {
    let chart = data.chart(id).unwrap_or_else(|| panic!("chart {id}"));
    let (svg, hits) = render_svg(data, chart, lang, &Palette::light(), width, None);
    // Previews for humans (README screenshots, reviews); not asserted on.
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("chart-previews");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(format!("{id}-{}-{width}.svg", lang.code())), &svg).unwrap();
    (svg, hits)
}

/// The text content of every `<text>` element (plotters writes it on the line after the tag).
fn texts(svg: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut lines = svg.lines();
    while let Some(line) = lines.next() {
        if line.trim_start().starts_with("<text") {
            if let Some(content) = lines.next() {
                out.push(content.trim().replace("&amp;", "&"));
            }
        }
    }
    out
}

fn has_text(svg: &str, text: &str) -> bool {
    texts(svg).iter().any(|t| t == text)
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

#[test]
fn every_chart_draws_in_both_languages_at_narrow_and_wide_sizes() {
    let data = embedded_dataset();
    for chart in &data.charts {
        for lang in Lang::ALL {
            for width in [320, 640, 1100] {
                let (svg, hits) = svg(&data, &chart.id, lang, width);
                assert!(svg.starts_with("<svg"), "{} is an SVG document", chart.id);
                assert!(
                    count(&svg, "<text") >= chart.series.len(),
                    "{} labels every entry",
                    chart.id
                );
                let drawn: std::collections::HashSet<&str> =
                    hits.iter().map(|h| h.id.as_str()).collect();
                for id in &chart.series {
                    assert!(
                        drawn.contains(id.as_str()),
                        "{}: no tooltip region for {id}",
                        chart.id
                    );
                }
                for h in &hits {
                    assert!(
                        h.x0 >= 0 && h.x1 <= width as i32 && h.x0 < h.x1 && h.y0 < h.y1,
                        "{}: region inside the chart: {h:?}",
                        chart.id
                    );
                }
            }
        }
    }
}

#[test]
fn grdp_chart_shows_both_years_and_marks_the_estimate() {
    let data = embedded_dataset();
    let (vi, hits) = svg(&data, "grdp-growth", Lang::Vi, 640);
    assert!(has_text(&vi, "2023"), "{:?}", texts(&vi));
    assert!(has_text(&vi, "2024 (ước tính)"));
    assert!(vi.contains("13,1%") && vi.contains("14,5%"));
    assert!(vi.contains("+1,4 điểm % so với 2023"));
    let (en, _) = svg(&data, "grdp-growth", Lang::En, 640);
    assert!(en.contains("13.1%") && en.contains("14.5%") && en.contains("(estimate)"));
    // Actual: one filled rect. Estimate: faded fill, outline and hatching lines.
    assert!(
        count(&en, "<rect") >= 4,
        "background, actual bar, estimate fill and outline"
    );
    assert!(count(&en, "<polyline") >= 3, "estimate bar is hatched");
    // The bar of 14.5 is longer than the bar of 13.1.
    let (a, b) = (&hits[0], &hits[1]);
    assert_eq!(a.label, "2023: 13,1%");
    assert_eq!(b.label, "2024 (ước tính): 14,5% (+1,4 điểm % so với 2023)");
    assert!(b.x1 > a.x1, "14.5 draws longer than 13.1");
}

#[test]
fn company_chart_keeps_currencies_apart() {
    let data = embedded_dataset();
    let (en, hits) = svg(&data, "company-revenue", Lang::En, 640);
    assert!(en.contains("In Vietnamese đồng (VND)"));
    assert!(en.contains("In US dollars (USD), not converted"));
    assert!(en.contains("VND 67,805 billion (4.6× y/y)"));
    assert!(en.contains("VND 59,830 billion (+22.5% y/y)"));
    assert!(en.contains("VND 6,164 billion (+61.26% y/y)"));
    assert!(en.contains("over USD 70 million (+40% y/y)"));
    let (vi, _) = svg(&data, "company-revenue", Lang::Vi, 640);
    assert!(vi.contains("67.805 tỷ đồng (gấp 4,6 lần so cùng kỳ)"));
    assert!(vi.contains("trên 70 triệu USD (+40% so cùng kỳ)"));
    // Blueway's bar fills its own panel: it is the only USD value.
    let blueway = hits
        .iter()
        .find(|h| h.id == "blueway-vina-sales-9m-2024")
        .unwrap();
    let fukang = hits
        .iter()
        .find(|h| h.id == "fukang-revenue-9m-2024")
        .unwrap();
    assert!(
        blueway.y0 > fukang.y0,
        "USD panel comes after the VND panel"
    );
}

#[test]
fn share_charts_compute_parts_and_shares() {
    let data = embedded_dataset();
    let (vi, hits) = svg(&data, "park-land", Lang::Vi, 640);
    assert!(
        vi.contains("Đã lấp đầy: khoảng 1.583,1 ha · khoảng 64%"),
        "{vi}"
    );
    assert!(vi.contains("Còn trống: khoảng 891,7 ha · khoảng 36%"));
    assert!(vi.contains("Tổng: 2.474,8 ha"));
    assert_eq!(
        hits.iter().filter(|h| h.id == "kcn-occupied-area").count(),
        2,
        "segment and legend row"
    );
    let (en, _) = svg(&data, "industrial-output", Lang::En, 640);
    assert!(
        en.contains("Foreign-invested: over VND 438 trillion · over 87.6%"),
        "{en}"
    );
    assert!(en.contains("Other sectors: nearly VND 62 trillion · about 12.4%"));
    assert!(en.contains("Total: nearly VND 500 trillion"));
}

#[test]
fn timeline_places_milestones_in_order() {
    let data = embedded_dataset();
    let (en, hits) = svg(&data, "milestones", Lang::En, 800);
    assert!(en.contains("Resolution 147-NQ/TU · 15 Jul 2021"));
    assert!(en.contains("Resolution 11-NQ/TW · Feb 2022"));
    assert!(en.contains("Đồng Việt bridge due · Dec 2024"));
    assert!(en.contains("Data as of 30 Sep 2024"));
    for year in ["2021", "2025", "2030"] {
        assert!(has_text(&en, year), "tick {year}");
    }
    let x = |id: &str| {
        let h = hits.iter().find(|h| h.id == id).unwrap();
        h.x0.min(h.x1)
    };
    assert!(x("resolution-147") <= x("resolution-11"));
    let (vi, _) = svg(&data, "milestones", Lang::Vi, 360);
    assert!(vi.contains("Nghị quyết 147-NQ/TU · 15/7/2021"));
}

#[test]
fn tooltips_are_found_through_the_drawn_geometry() {
    let data = embedded_dataset();
    let (_, hits) = svg(&data, "park-pipeline", Lang::En, 640);
    let h = hits
        .iter()
        .find(|h| h.id == "kcn-approved-planning")
        .unwrap();
    let (cx, cy) = ((h.x0 + h.x1) as f64 / 2.0, (h.y0 + h.y1) as f64 / 2.0);
    assert_eq!(hit_at(&hits, cx, cy).unwrap().id, "kcn-approved-planning");
    assert!(hit_at(&hits, -5.0, -5.0).is_none());
}

#[test]
fn summaries_state_the_data_for_screen_readers() {
    let data = embedded_dataset();
    let grdp = data.chart("grdp-growth").unwrap();
    let en = summary(&data, grdp, Lang::En);
    assert!(en.starts_with("GRDP growth. 2023: 13.1%"), "{en}");
    assert!(en.contains("2024 (estimate): 14.5%"));
    let vi = summary(&data, data.chart("park-land").unwrap(), Lang::Vi);
    assert!(vi.contains("Tổng: 2.474,8 ha"));
    for chart in &data.charts {
        assert!(preferred_height(&data, chart, 360.0) > 80.0);
    }
}

#[test]
fn dark_palette_changes_the_background() {
    let data = embedded_dataset();
    let chart = data.chart("grdp-growth").unwrap();
    let (light, _) = render_svg(&data, chart, Lang::En, &Palette::light(), 400, None);
    let (dark, _) = render_svg(&data, chart, Lang::En, &Palette::dark(), 400, None);
    assert!(light.contains("#FFFFFF") || light.contains("#ffffff"));
    assert!(dark.contains("#181C22") || dark.contains("#181c22"));
}

#[test]
fn keyboard_steps_through_each_value_once_and_wraps() {
    use bac_giang_economy::charts::step_region;
    let data = embedded_dataset();
    let (_, hits) = svg(&data, "park-land", Lang::En, 640);
    let first = step_region(&hits, None, true).unwrap();
    assert_eq!(first.id, "kcn-occupied-area");
    let second = step_region(&hits, Some(&first.id), true).unwrap();
    assert_eq!(
        second.id, "kcn-free-area",
        "the legend row of the same part is skipped"
    );
    assert_eq!(
        step_region(&hits, Some(&second.id), true).unwrap().id,
        "kcn-occupied-area"
    );
    assert_eq!(step_region(&hits, None, false).unwrap().id, "kcn-free-area");
    assert!(step_region(&[], None, true).is_none());
}

#[test]
fn a_highlighted_indicator_is_outlined() {
    let data = embedded_dataset();
    let chart = data.chart("company-revenue").unwrap();
    let (plain, _) = render_svg(&data, chart, Lang::En, &Palette::light(), 640, None);
    let (marked, hits) = render_svg(
        &data,
        chart,
        Lang::En,
        &Palette::light(),
        640,
        Some("fukang-revenue-9m-2024"),
    );
    assert_eq!(
        count(&marked, "<rect") - count(&plain, "<rect"),
        1,
        "one outline"
    );
    let h = hits
        .iter()
        .find(|h| h.id == "fukang-revenue-9m-2024")
        .unwrap();
    assert!(
        marked.contains(&format!("x=\"{}\" y=\"{}\"", h.x0 - 3, h.y0 - 3)),
        "around its region"
    );
}

#[test]
fn markup_in_labels_is_escaped_in_svg() {
    let mut data = bac_giang_economy::dataset().clone();
    let chart = data.charts[0].clone();
    let first = chart.series[0].clone();
    let ind = data.indicators.iter_mut().find(|i| i.id == first).unwrap();
    ind.label.en = "<img src=x onerror=alert(1)> & \"quoted\"".into();
    ind.short = None;
    let (svg, _) = render_svg(&data, &chart, Lang::En, &Palette::light(), 640, None);
    assert!(!svg.contains("<img"), "{svg}");
    assert!(svg.contains("&lt;img src=x onerror=alert(1)&gt;"), "{svg}");
}

/// The app draws through one backend type for canvas and SVG (one compiled copy of the
/// charts); it must hand every call through unchanged.
#[test]
fn the_either_backend_draws_exactly_what_its_svg_backend_draws() {
    use bac_giang_economy::charts::{draw, estimate_text_width, Frame};
    use plotters::prelude::{IntoDrawingArea, SVGBackend};
    let data = embedded_dataset();
    let palette = Palette::dark();
    for chart in &data.charts {
        for (lang, width) in [(Lang::Vi, 900), (Lang::En, 360)] {
            let (through_either, _) = render_svg(&data, chart, lang, &palette, width, None);
            let height = preferred_height(&data, chart, width as f64).ceil() as u32;
            let mut direct = String::new();
            {
                let area =
                    SVGBackend::with_string(&mut direct, (width, height)).into_drawing_area();
                let frame = Frame {
                    data: &data,
                    chart,
                    lang,
                    palette: &palette,
                    scale: 1.0,
                    highlight: None,
                    measure: &estimate_text_width,
                };
                draw(&area, &frame).unwrap();
                area.present().unwrap();
            }
            assert!(through_either.len() > 1000, "{}: drawn", chart.id);
            assert_eq!(through_either, direct, "{} ({lang:?}, {width})", chart.id);
        }
    }
}

#[test]
fn svg_text_sizes_and_opacities_are_readable_numbers() {
    let data = embedded_dataset();
    let (svg, _) = svg(&data, "grdp-growth", Lang::En, 640);
    let values = |attr: &str| -> Vec<String> {
        svg.split(&format!(" {attr}=\""))
            .skip(1)
            .map(|rest| rest.split('"').next().unwrap().to_string())
            .collect()
    };
    let sizes = values("font-size");
    assert!(!sizes.is_empty(), "the chart has text");
    for size in &sizes {
        let px: f64 = size.parse().unwrap();
        assert!((8.0..20.0).contains(&px), "font-size=\"{size}\"");
    }
    let opacities = values("opacity");
    assert!(!opacities.is_empty());
    assert!(opacities.iter().all(|o| o == "1"), "{opacities:?}");
}

#[test]
fn captions_wrap_at_spaces_and_keep_no_break_spaces() {
    use bac_giang_economy::charts::wrap;
    // One "pixel" per character.
    let width = |t: &str| t.chars().count() as f64;
    assert_eq!(
        wrap("Giá trị  sản xuất\tcông nghiệp", 12.0, &width),
        ["Giá trị sản", "xuất công", "nghiệp"]
    );
    // A no-break space holds its words together, as in a typeset page.
    assert_eq!(
        wrap("VN\u{a0}500 trillion in output", 10.0, &width),
        ["VN\u{a0}500", "trillion", "in output"]
    );
    // A word longer than the line gets a line of its own rather than being cut.
    assert_eq!(
        wrap("a Chungcheongnam b", 5.0, &width),
        ["a", "Chungcheongnam", "b"]
    );
    assert!(wrap(" \n ", 5.0, &width).is_empty());
}
