//! The pages as the build renders them (the app's components, natively): every figure as
//! text, the chart heights the app will draw, controls out of reach until the app attaches,
//! and data shown as text, never as markup.

use bac_giang_economy::charts::Palette;
use bac_giang_economy::components::Page;
use bac_giang_economy::embed::Target;
use bac_giang_economy::model::{Dataset, Lang};
use bac_giang_economy::prerender::social;
use bac_giang_economy::{charts, embedded_dataset, format, i18n, prerender, BUILD};

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

/// Text as Leptos writes it into HTML (`&`, `<` and `>` escaped).
fn text(t: &str) -> String {
    t.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn dashboard(lang: Lang) -> String {
    prerender::dashboard(Page {
        lang,
        offline: false,
    })
}

#[test]
fn holds_every_card_chart_and_theme_in_both_languages() {
    let data = embedded_dataset();
    for lang in [Lang::Vi, Lang::En] {
        let html = dashboard(lang);
        assert!(html.starts_with("<a href=\"#content\""), "{}", &html[..80]);
        assert_eq!(count(&html, "<article "), data.indicators.len());
        assert_eq!(count(&html, "<figure "), data.charts.len());
        assert_eq!(count(&html, "<section "), data.themes.len());
        assert_eq!(count(&html, "<h1>"), 1);
        for ind in &data.indicators {
            let escaped = |t: &str| text(t);
            assert!(
                html.contains(&format!("id=\"item-{}\"", ind.id)),
                "{}",
                ind.id
            );
            assert!(html.contains(&escaped(ind.label.get(lang))), "{}", ind.id);
            assert!(
                html.contains(&escaped(&format::headline(ind, lang))),
                "{}",
                ind.id
            );
            assert!(html.contains(&escaped(&i18n::sources_line(&data, &ind.sources, lang))));
            for line in [
                i18n::change_line(&data, ind, lang),
                i18n::rank_line(ind, lang),
                i18n::equivalent_line(ind, lang),
                i18n::formula_line(&data, ind, lang),
            ]
            .into_iter()
            .flatten()
            {
                assert!(html.contains(&escaped(&line)), "{}: {line}", ind.id);
            }
        }
        for chart in &data.charts {
            assert!(html.contains(&text(&charts::summary(&data, chart, lang))));
        }
        assert!(html.contains(&text(&i18n::version_line(&data, BUILD, lang))));
    }
}

#[test]
fn every_chart_is_drawn_once_per_band_at_the_height_its_box_has() {
    let data = embedded_dataset();
    let html = dashboard(Lang::Vi);
    let bands = charts::chart_bands();
    for chart in &data.charts {
        let figure = &html[html.find(&format!("id=\"item-{}\"", chart.id)).unwrap()..];
        let figure = &figure[..figure.find("</figure>").unwrap()];
        assert_eq!(count(figure, "<svg "), bands.len(), "{}", chart.id);
        for (i, band) in bands.iter().enumerate() {
            let w = band.drawn;
            let h = charts::preferred_height(&data, chart, w as f64).round();
            let svg = format!("<svg class=\"chart-svg b{i}\" viewBox=\"0 0 {w} {h}\" preserveAspectRatio=none width=100% height={h} ");
            assert!(figure.contains(&svg), "{}: {svg}", chart.id);
            // The height the canvas takes at every width of the band (--h-wide/--h-narrow).
            for edge in [band.from, band.to.map(|t| t - 1)].into_iter().flatten() {
                let at_edge = charts::preferred_height(&data, chart, edge as f64).round();
                assert_eq!(at_edge, h, "{} at {edge} px", chart.id);
            }
        }
        // Drawn, not empty: marks and the chart's own words.
        let marks = count(figure, "<rect ") + count(figure, "<path ") + count(figure, "<circle ");
        assert!(marks >= 2 * bands.len(), "{}: {marks} marks", chart.id);
        assert!(count(figure, "<text ") >= bands.len(), "{}", chart.id);
    }
}

#[test]
fn a_build_time_drawing_answers_the_pointer_where_its_marks_are() {
    // Until its canvas is drawn, a chart's tooltips and keys come from `built_regions`: the
    // regions of the very drawing the box shows (its band's), in that drawing's pixels.
    let data = embedded_dataset();
    for lang in [Lang::Vi, Lang::En] {
        for chart in &data.charts {
            for band in charts::chart_bands() {
                let edges = [band.from, band.to.map(|t| t - 1), Some(band.drawn)];
                for w in edges.into_iter().flatten() {
                    assert_eq!(charts::band_at(w as f64), band, "{w} px");
                    let (hits, size) = charts::built_regions(&data, chart, lang, w as f64);
                    let (_, drawn) = charts::render_svg(
                        &data,
                        chart,
                        lang,
                        &Palette::distinct(),
                        band.drawn,
                        None,
                    );
                    assert_eq!(hits, drawn, "{} at {w} px", chart.id);
                    let h = charts::preferred_height(&data, chart, band.drawn as f64).round();
                    assert_eq!(size, (band.drawn, h as u32));
                    let series = data.series(chart);
                    assert!(
                        series.iter().all(|i| hits.iter().any(|h| h.id == i.id)),
                        "{}: every value answers",
                        chart.id
                    );
                    for h in &hits {
                        let inside = h.x0 < size.0 as i32 && h.y0 < size.1 as i32;
                        assert!(inside, "{} at {w} px: {h:?} in {size:?}", chart.id);
                    }
                }
            }
        }
    }
}

#[test]
fn bands_cover_every_width_without_straddling_the_layout_switch() {
    let bands = charts::chart_bands();
    assert_eq!(bands[0].from, None);
    assert_eq!(bands[bands.len() - 1].to, None);
    for pair in bands.windows(2) {
        assert_eq!(pair[0].to, pair[1].from, "contiguous");
    }
    for band in &bands {
        let (from, to) = (
            band.from.unwrap_or(0) as f64,
            band.to.map_or(f64::MAX, f64::from),
        );
        assert!(to <= charts::NARROW || from >= charts::NARROW, "{band:?}");
        // Drawn inside its band (the open ends at the page's narrowest and widest boxes).
        assert!(
            from <= band.drawn as f64 && (band.drawn as f64) < to,
            "{band:?}"
        );
        // Stretched by at most ~5 % either way between its edges.
        if let (Some(f), Some(t)) = (band.from, band.to) {
            assert!(band.drawn as f64 / f as f64 <= 1.055 && t as f64 / band.drawn as f64 <= 1.055);
        }
    }
    // The stylesheet shows each band's drawing with exactly these queries.
    let css = include_str!("../style.css");
    let expected = charts::band_css();
    assert!(
        css.contains(&expected),
        "style.css should have the band rules:\n{expected}"
    );
}

/// Charts (canvas, build-time SVG, text measure) set their words in the page's own font stack,
/// so a cold page looks up one family, not a second one for the charts.
#[test]
fn charts_use_the_page_font() {
    let css = include_str!("../style.css");
    let body = css
        .split("\nbody {")
        .nth(1)
        .expect("style.css has a body rule");
    let body = &body[..body.find('}').expect("the body rule ends")];
    assert!(
        body.contains(&format!("font-family: {};", charts::FONT_FAMILY)),
        "style.css body should use charts::FONT_FAMILY:\n{body}"
    );
    // The drawings inherit it: no other rule names a family.
    assert_eq!(
        count(css, "font-family:"),
        1,
        "only body names a font family"
    );
}

#[test]
fn chart_marks_name_their_colour_role_never_a_colour() {
    let html = dashboard(Lang::Vi);
    assert!(!html.contains(" fill=\"#") && !html.contains(" stroke=\"#"));
    assert!(
        !html.contains("style="),
        "no style attributes (the CSP forbids them)"
    );
    for role in ["bg", "text", "s0", "s1", "f0", "k s0"] {
        assert!(html.contains(&format!("class=\"{role}\"")), "{role}");
    }
}

/// The containers style.css keeps invisible (and so unfocusable) until the app attaches.
const WAIT_FOR_THE_APP: [&str; 6] = [
    "tools",
    "theme-filter",
    "view-switch",
    "chart-actions",
    "card-actions",
    "dataset-downloads",
];

#[test]
fn controls_that_need_the_app_are_out_of_reach_until_it_attaches() {
    let css = include_str!("../style.css");
    let rule = format!(
        ":root:not([data-app]) :is({}) {{ visibility: hidden; }}",
        WAIT_FOR_THE_APP.map(|c| format!(".{c}")).join(", ")
    );
    assert!(
        css.replace("\n  ", " ").contains(&rule),
        "style.css should have {rule}"
    );
    let html = dashboard(Lang::En);
    // Walk the tags keeping the open elements: every button (but a source line's, whose text
    // is the sources) and every export link must sit inside one of those containers.
    let mut open: Vec<(String, bool)> = Vec::new();
    let mut controls = 0;
    for tag in html.split('<').skip(1) {
        let tag = &tag[..tag.find('>').expect("a closed tag")];
        if let Some(name) = tag.strip_prefix('/') {
            let (last, _) = open.pop().expect("balanced tags");
            assert_eq!(last, name, "balanced tags");
            continue;
        }
        let name = tag.split(' ').next().unwrap().to_string();
        // Comments (Leptos's hydration markers), void elements and a chart's marks
        // (`<rect …/>`) have no end tag.
        if name.starts_with('!') || tag.ends_with('/') || name == "input" {
            continue;
        }
        let waits = WAIT_FOR_THE_APP
            .iter()
            .any(|c| tag.contains(&format!("class=\"{c}\"")));
        let is_control = (name == "button" && !tag.contains("class=\"source-toggle\""))
            || (name == "a" && tag.contains("class=\"embed-button\""));
        if is_control {
            assert!(
                open.iter().any(|(_, w)| *w),
                "<{tag}> is usable before the app"
            );
            controls += 1;
        }
        open.push((name, waits));
    }
    assert!(open.is_empty());
    assert!(controls > 100, "{controls}");
    assert!(html.contains("<a href=\"#content\""));
}

#[test]
fn markup_in_data_is_text() {
    let mut data = embedded_dataset();
    let hostile = "<img src=x onerror=alert(1)> & \"quoted\" 'single' <script>alert(2)</script>";
    data.title.vi = hostile.into();
    data.themes[0].label.vi = hostile.into();
    data.indicators[0].label.vi = hostile.into();
    data.charts[0].title.vi = hostile.into();
    let data: &'static Dataset = Box::leak(Box::new(data));
    let page = Page {
        lang: Lang::Vi,
        offline: false,
    };
    let html = prerender::render(move || bac_giang_economy::components::dashboard_of(data, page));
    assert!(!html.contains("<img"));
    assert!(!html.contains("<script"));
    assert!(html
        .contains("&lt;img src=x onerror=alert(1)&gt; &amp; \"quoted\" 'single' &lt;script&gt;"));
}

#[test]
fn an_embed_without_javascript_points_to_the_dashboard_in_both_languages() {
    let html = prerender::embed_fallback();
    assert!(html.starts_with("<noscript>") && html.ends_with("</noscript>"));
    assert!(html.contains("<span lang=\"vi\">") && html.contains("<span lang=\"en\">"));
    assert_eq!(
        count(
            &html,
            "<a href=\"index.html\" target=\"_blank\" rel=\"noopener\">"
        ),
        2
    );
    assert!(html.contains("JavaScript"));
}

#[test]
fn the_export_page_without_javascript_points_to_the_dashboard_in_the_same_tab() {
    let html = prerender::export_fallback();
    assert!(html.starts_with("<noscript>") && html.ends_with("</noscript>"));
    assert!(html.contains("<span lang=\"vi\">Trang tải về và mã nhúng cần JavaScript. <a"));
    assert!(html.contains("<span lang=\"en\">Downloads and embed codes need JavaScript. <a"));
    assert_eq!(count(&html, "<a href=\"index.html\">"), 2);
}

#[test]
fn the_svg_backend_names_roles_joins_lines_and_refuses_unnamed_colours() {
    use plotters::prelude::*;
    use plotters::style::text_anchor::{HPos, Pos, VPos};
    let palette = charts::Palette::distinct();
    let mut out = String::new();
    {
        let area = charts::StyledSvg::new(&mut out, (100, 50), &palette).into_drawing_area();
        let line = palette.series[0].stroke_width(2);
        // Two lines alike become one path, written relative after its first point.
        area.draw(&PathElement::new(vec![(0, 10), (10, 0)], line))
            .unwrap();
        area.draw(&PathElement::new(vec![(7, 10), (17, 0)], line))
            .unwrap();
        area.draw(&Rectangle::new(
            [(1, 2), (31, 12)],
            palette.faded(palette.series[1]).filled(),
        ))
        .unwrap();
        let top = TextStyle::from(("sans-serif", 13.0).into_font())
            .color(&palette.text)
            .pos(Pos::new(HPos::Right, VPos::Top));
        area.draw(&Text::new("A & <b>", (90, 20), top)).unwrap();
        // A colour no role has cannot be shown by the stylesheet: an error, not a guess.
        let stray = area.draw(&Rectangle::new(
            [(0, 0), (1, 1)],
            RGBColor(9, 9, 9).filled(),
        ));
        assert!(stray.unwrap_err().to_string().contains("#090909"));
    }
    assert_eq!(
        out,
        "<path class=\"k s0\" stroke-width=\"2\" d=\"M0 10l10-10m-3 10l10-10\"/>\
         <rect class=\"f1\" x=\"1\" y=\"2\" width=\"30\" height=\"10\"/>\
         <text class=\"text\" x=\"90\" y=\"30.4\" text-anchor=\"end\">A &amp; &lt;b&gt;</text>"
    );
}

fn every_target(data: &bac_giang_economy::model::Dataset) -> Vec<Target<'_>> {
    Target::all(data).collect()
}

#[test]
fn item_pages_show_their_item_without_javascript_and_nothing_that_needs_it() {
    let data = bac_giang_economy::dataset();
    for target in every_target(data) {
        for lang in Lang::ALL {
            let html = prerender::item_page(&target, lang);
            let id = target.id();
            assert!(html.starts_with("<main class=\"embed\""), "{id}");
            assert!(html.contains(&text(target.title(lang))), "{id}");
            assert!(html.contains(&text(&i18n::as_of_line(data, lang))), "{id}");
            assert!(
                html.contains(&text(&i18n::version_line(data, BUILD, lang))),
                "{id}"
            );
            let dashboard = bac_giang_economy::embed::dashboard_href(&target, lang);
            assert!(
                html.contains(&format!("href=\"{}\"", prerender::escape(&dashboard))),
                "{id}"
            );
            match target {
                Target::Indicator(ind) => {
                    assert!(html.contains(&text(&format::headline(ind, lang))), "{id}");
                    assert!(
                        !html.contains("card-actions"),
                        "{id}: the embed has no dialog"
                    );
                }
                Target::Chart(_) => {
                    assert_eq!(
                        count(&html, "<svg class=\"chart-svg"),
                        charts::chart_bands().len(),
                        "{id}"
                    );
                    assert!(
                        !html.contains("embed-button"),
                        "{id}: no export links in an embed"
                    );
                }
            }
            assert_eq!(count(&html, "<main"), 1, "{id}");
            assert_eq!(count(&html, "<h1"), 1, "{id}");
        }
    }
}

#[test]
fn the_bundled_font_draws_every_character_the_cards_show() {
    let data = bac_giang_economy::dataset();
    let mut text = String::new();
    for lang in Lang::ALL {
        for target in every_target(data) {
            text.push_str(&social::item_svg(data, BUILD, &target, lang));
        }
        text.push_str(&social::dashboard_svg(data, BUILD, lang));
    }
    let mut missing: Vec<char> = text
        .chars()
        .filter(|&c| !c.is_control() && !social::has_glyph(c))
        .collect();
    missing.dedup();
    assert!(missing.is_empty(), "no glyph for {missing:?}");
    // Every Vietnamese letter with its tone marks, whatever the data holds today.
    for c in "ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵĐ".chars()
    {
        assert!(
            social::has_glyph(c) && social::has_glyph(c.to_uppercase().next().unwrap()),
            "{c}"
        );
    }
}

#[test]
fn social_cards_are_1200_by_630_pngs_that_keep_their_text_inside() {
    let data = bac_giang_economy::dataset();
    let fonts = social::Fonts::bundled();
    assert!(fonts
        .database()
        .faces()
        .any(|f| f.families.iter().any(|(name, _)| name == "DejaVu Sans")));
    let grdp = Target::find(data, "grdp-growth-2023").unwrap();
    let land = Target::find(data, "park-land").unwrap();
    for svg in [
        social::item_svg(data, BUILD, &grdp, Lang::Vi),
        social::item_svg(data, BUILD, &land, Lang::En),
        social::dashboard_svg(data, BUILD, Lang::En),
    ] {
        let png = fonts.rasterise(&svg).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        let size = |at: usize| u32::from_be_bytes(png[at..at + 4].try_into().unwrap());
        assert_eq!((size(16), size(20)), (social::WIDTH, social::HEIGHT));
        // The same SVG gives the same bytes: every build draws the same pixels.
        assert_eq!(png, fonts.rasterise(&svg).unwrap());
    }
    // The card says what the item says: title, figure, source and data version.
    let svg = social::item_svg(data, BUILD, &grdp, Lang::Vi);
    for part in [
        "Tăng trưởng GRDP năm 2023",
        "13,1%",
        "thứ 1 cả nước",
        "Nguồn: Bài báo tiếng Việt, đoạn 1",
        "Phiên bản dữ liệu",
    ] {
        assert!(svg.contains(part), "{part}");
    }
    // Its chart, with the item pointed out.
    assert!(svg.contains("<svg x="), "the GRDP card has its chart");
    // Every line of every card fits the card's width.
    for target in every_target(data) {
        for lang in Lang::ALL {
            let svg = social::item_svg(data, BUILD, &target, lang);
            for text in svg.split("<text x=\"56\"").skip(1) {
                let size: f64 = text
                    .split("font-size=\"")
                    .nth(1)
                    .unwrap()
                    .split('"')
                    .next()
                    .unwrap()
                    .parse()
                    .unwrap();
                let bold = text.split('>').next().unwrap().contains("bold");
                let words = text
                    .split_once('>')
                    .unwrap()
                    .1
                    .split("</text>")
                    .next()
                    .unwrap();
                let width = social::text_width(&words.replace("&amp;", "&"), size, bold);
                assert!(
                    56.0 + width <= social::WIDTH as f64 - 40.0,
                    "{}: {words} is {width} px",
                    target.id()
                );
            }
        }
    }
}

#[test]
fn wrapping_keeps_whole_words_and_marks_what_it_leaves_out() {
    let lines = social::wrap(
        "Vốn đầu tư thu hút quy đổi trong chín tháng đầu năm 2024",
        30.0,
        false,
        300.0,
        2,
    );
    assert_eq!(lines.len(), 2);
    assert!(
        lines
            .iter()
            .all(|l| social::text_width(l, 30.0, false) <= 300.0),
        "{lines:?}"
    );
    assert!(lines[1].ends_with(" …"), "{lines:?}");
    assert_eq!(
        social::wrap("Một dòng", 30.0, false, 600.0, 2),
        vec!["Một dòng".to_string()]
    );
}
