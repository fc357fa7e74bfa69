//! The prerendered content of index.html: every figure as text, in the app's markup, with the
//! chart heights the app will draw, and data shown as text, never as markup.

use bac_giang_economy::model::Lang;
use bac_giang_economy::{charts, embedded_dataset, format, i18n, prerender, BUILD};

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

#[test]
fn holds_every_card_chart_and_theme_in_both_languages() {
    let data = embedded_dataset();
    for lang in [Lang::Vi, Lang::En] {
        let html = prerender::html(&data, BUILD, lang);
        assert!(html.starts_with("<div id=prerender>") && html.ends_with("</div></div>"));
        assert_eq!(count(&html, "<article "), data.indicators.len());
        assert_eq!(count(&html, "<figure "), data.charts.len());
        assert_eq!(count(&html, "<section "), data.themes.len());
        assert_eq!(count(&html, "<h1>"), 1);
        for ind in &data.indicators {
            let escaped = |t: &str| prerender::escape(t);
            assert!(html.contains(&format!("id=item-{} ", ind.id)), "{}", ind.id);
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
            assert!(html.contains(&prerender::escape(&charts::summary(&data, chart, lang))));
        }
        assert!(html.contains(&prerender::escape(&i18n::version_line(&data, BUILD, lang))));
    }
}

#[test]
fn chart_boxes_keep_the_height_the_chart_is_drawn_at() {
    let data = embedded_dataset();
    let html = prerender::html(&data, BUILD, Lang::Vi);
    for chart in &data.charts {
        let figure = &html[html.find(&format!("id=item-{} ", chart.id)).unwrap()..];
        let figure = &figure[..figure.find("</figure>").unwrap()];
        let wide = charts::preferred_height(&data, chart, charts::NARROW + 1.0).round();
        let narrow = charts::preferred_height(&data, chart, charts::NARROW - 1.0).round();
        assert!(
            figure.contains(&format!("<svg class=wide width=100% height={wide} ")),
            "{}",
            chart.id
        );
        assert!(
            figure.contains(&format!("<svg class=narrow width=100% height={narrow} ")),
            "{}",
            chart.id
        );
    }
    // The stylesheet switches between the two at the width the charts do.
    let css = include_str!("../style.css");
    assert!(css.contains(&format!("@container (width < {}px)", charts::NARROW)));
}

#[test]
fn controls_that_need_the_app_are_inert_until_it_runs() {
    let html = prerender::html(&embedded_dataset(), BUILD, Lang::En);
    // Walk the tags keeping the open elements: every button and summary must sit inside an
    // inert copy (hidden, unfocusable); links work without JavaScript and stay usable.
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
        let inert = tag.contains("data-inert-copy") && tag.contains(" inert ");
        // The export page's links are drawn as buttons and copied inert like them.
        if name == "button" || (name == "a" && tag.contains("class=embed-button")) {
            assert!(
                open.iter().any(|(_, i)| *i),
                "<{tag}> outside an inert copy"
            );
            controls += 1;
        }
        open.push((name, inert));
    }
    assert!(open.is_empty());
    assert!(controls > 100, "{controls}");
    assert!(html.contains("class=filter-button href=#theme-growth"));
    assert!(html.contains("class=skip href=#content"));
}

#[test]
fn markup_in_data_is_text() {
    let mut data = embedded_dataset();
    let hostile = "<img src=x onerror=alert(1)> & \"quoted\" 'single' <script>alert(2)</script>";
    data.title.vi = hostile.into();
    data.themes[0].label.vi = hostile.into();
    data.indicators[0].label.vi = hostile.into();
    data.charts[0].title.vi = hostile.into();
    let html = prerender::html(&data, BUILD, Lang::Vi);
    assert!(!html.contains("<img"));
    assert!(!html.contains("<script"));
    assert!(html.contains(
        "&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quoted&quot; &#39;single&#39; &lt;script&gt;"
    ));
}

#[test]
fn an_embed_without_javascript_points_to_the_dashboard_in_both_languages() {
    let html = prerender::embed_fallback();
    assert!(html.starts_with("<noscript>") && html.ends_with("</noscript>"));
    assert!(html.contains("<span lang=vi>") && html.contains("<span lang=en>"));
    assert_eq!(
        count(&html, "<a href=index.html target=_blank rel=noopener>"),
        2
    );
    assert!(html.contains("JavaScript"));
}

#[test]
fn the_export_page_without_javascript_points_to_the_dashboard_in_the_same_tab() {
    let html = prerender::export_fallback();
    assert!(html.starts_with("<noscript>") && html.ends_with("</noscript>"));
    assert!(html.contains("<span lang=vi>Trang tải về và mã nhúng cần JavaScript."));
    assert!(html.contains("<span lang=en>Downloads and embed codes need JavaScript."));
    assert_eq!(count(&html, "<a href=index.html>"), 2);
}
