//! The dashboard's content as plain semantic HTML, written into `index.html` at build time
//! (`src/bin/prerender.rs`, run by the post-build hook): readers see real figures and charts
//! before the wasm loads, and search engines and readers without JavaScript get them too. Made
//! with the same formatting and chart code as the app; the app removes it when it mounts. Not
//! part of the wasm.
//!
//! The markup mirrors the components' (same elements, classes and texts), so the app takes over
//! without a visible jump: controls that need the app are present but hidden (`.inert-copy`,
//! keeping their size), and each chart is drawn into SVG at the height its canvas will have,
//! once per band of box widths (a container query shows the one for the box), with its data as
//! a sentence for assistive technology.

use crate::charts::{self, Frame, Palette};
use crate::embed::Target;
use crate::format;
use crate::i18n::{self, Msg};
use crate::model::{Chart, Dataset, Indicator, Lang, Status};
use crate::BuildInfo;
use plotters::prelude::IntoDrawingArea;

#[cfg(not(target_arch = "wasm32"))]
pub mod social;
mod svg;
pub use svg::StyledSvg;

/// Text as HTML: `&`, `<`, `>` and quotes escaped (data may hold any characters).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Marks controls that need the app: laid out at their size (so nothing moves when the app
/// takes over) but invisible, unfocusable and out of the accessibility tree until then.
const INERT: &str = "inert aria-hidden=true data-inert-copy";

struct Writer<'a> {
    out: String,
    data: &'a Dataset,
    lang: Lang,
    /// An item page (as an embed shows it): no dashboard-only controls.
    embedded: bool,
}

impl Writer<'_> {
    fn raw(&mut self, html: &str) {
        self.out.push_str(html);
    }

    /// `<tag attrs>text</tag>`, the text escaped; `attrs` is trusted markup.
    fn el(&mut self, tag: &str, attrs: &str, text: &str) {
        let space = if attrs.is_empty() { "" } else { " " };
        self.out
            .push_str(&format!("<{tag}{space}{attrs}>{}</{tag}>", escape(text)));
    }

    fn word(&self, msg: Msg) -> &'static str {
        i18n::t(self.lang, msg)
    }

    /// A control that only works once the app runs; its container is an [`INERT`] copy.
    fn button(&mut self, class: &str, text: &str) {
        self.el("button", &format!("type=button class={class}"), text);
    }

    fn header(&mut self) {
        let (data, lang) = (self.data, self.lang);
        self.raw("<header class=site-header><div class=titles>");
        self.el("h1", "", data.title.get(lang));
        self.el("p", "class=subtitle", data.subtitle.get(lang));
        self.el("p", "class=as-of", &i18n::as_of_line(data, lang));
        self.raw(&format!("</div><div class=tools {INERT}>"));
        self.raw("<div class=lang-switch>");
        self.button("lang-button", "VI");
        self.button("lang-button", "EN");
        self.raw("</div><div class=scheme-switch>");
        for msg in [Msg::SchemeAutoShort, Msg::SchemeLight, Msg::SchemeDark] {
            self.button("scheme-button", self.word(msg));
        }
        self.raw("</div><div class=share>");
        self.button("share-button", self.word(Msg::CopyLink));
        self.raw("</div></div></header>");
    }

    /// The theme filter as links to each section: it works without JavaScript too.
    fn filter(&mut self) {
        let (data, lang) = (self.data, self.lang);
        self.raw(&format!(
            "<nav class=theme-filter aria-label=\"{}\">",
            escape(self.word(Msg::ThemesLabel))
        ));
        self.el(
            "a",
            "class=filter-button href=#content",
            self.word(Msg::AllThemes),
        );
        for theme in &data.themes {
            let href = format!("class=filter-button href=#theme-{}", escape(&theme.id));
            self.el("a", &href, theme.label.get(lang));
        }
        self.raw("</nav>");
    }

    fn chart(&mut self, chart: &Chart) {
        let (data, lang) = (self.data, self.lang);
        let id = escape(&chart.id);
        self.raw(&format!(
            "<figure id=item-{id} class=chart-card aria-labelledby=chart-title-{id}><div class=chart-head>"
        ));
        self.el("h3", &format!("id=chart-title-{id}"), chart.title.get(lang));
        self.raw(&format!("<div class=view-switch {INERT}>"));
        self.button("view-button", self.word(Msg::ShowChart));
        self.button("view-button", self.word(Msg::ShowTable));
        self.raw("</div></div><div class=\"chart-box chart-static\">");
        self.out.push_str(&chart_svgs(data, chart, lang));
        self.el(
            "p",
            "class=\"chart-alt visually-hidden\"",
            &charts::summary(data, chart, lang),
        );
        self.raw("</div><figcaption>");
        if let Some(note) = &chart.note {
            self.el("p", "class=note", note.get(lang));
        }
        let cites: Vec<_> = data
            .chart_rows(chart)
            .into_iter()
            .flat_map(|i| i.sources.iter())
            .collect();
        self.el("p", "class=source", &i18n::sources_line(data, cites, lang));
        if self.embedded {
            self.raw("<div class=chart-actions></div></figcaption></figure>");
            return;
        }
        self.raw(&format!("<div class=chart-actions {INERT}>"));
        self.el("a", "class=embed-button", self.word(Msg::Download));
        self.el("a", "class=embed-button", self.word(Msg::Embed));
        self.raw("</div></figcaption></figure>");
    }

    fn card(&mut self, ind: &Indicator) {
        let (data, lang) = (self.data, self.lang);
        let status = match ind.status {
            Status::Actual => "status-actual",
            Status::Estimate => "status-estimate",
            Status::Plan => "status-plan",
        };
        let id = escape(&ind.id);
        self.raw(&format!(
            "<article id=item-{id} class=\"card {status}\" aria-labelledby=label-{id}><p class=meta>"
        ));
        self.el(
            "span",
            &format!("class=\"badge {status}\""),
            i18n::status(lang, ind.status),
        );
        if ind.is_derived() {
            self.el(
                "span",
                "class=\"badge badge-derived\"",
                self.word(Msg::Computed),
            );
        }
        self.el("span", "class=period", &format::period(&ind.period, lang));
        self.raw("</p>");
        self.el(
            "h3",
            &format!("class=card-label id=label-{id}"),
            ind.label.get(lang),
        );
        let value_class = match ind.amount() {
            Some(_) => "class=card-value",
            None => "class=\"card-value card-text\"",
        };
        self.el("p", value_class, &format::headline(ind, lang));
        let details = [
            ("equivalent", i18n::equivalent_line(ind, lang)),
            ("change", i18n::change_line(data, ind, lang)),
            ("rank", i18n::rank_line(ind, lang)),
            ("formula", i18n::formula_line(data, ind, lang)),
        ];
        for (class, line) in details {
            if let Some(line) = line {
                self.el("p", &format!("class={class}"), &line);
            }
        }
        if !ind.items.is_empty() {
            self.raw("<ul class=items>");
            for item in &ind.items {
                self.el("li", "", item.get(lang));
            }
            self.raw("</ul>");
        }
        self.raw("<div class=source-note>");
        self.el(
            "span",
            "class=source-toggle",
            &i18n::sources_line(data, &ind.sources, lang),
        );
        if self.embedded {
            self.raw("</div></article>");
            return;
        }
        self.raw(&format!("</div><div class=card-actions {INERT}>"));
        self.button("card-open", self.word(Msg::Details));
        self.el("a", "class=embed-button", self.word(Msg::Embed));
        self.raw("</div></article>");
    }

    fn footer(&mut self, build: BuildInfo) {
        let (data, lang) = (self.data, self.lang);
        self.raw("<footer class=site-footer>");
        self.el("p", "", self.word(Msg::Footer));
        self.el("p", "class=version", &i18n::version_line(data, build, lang));
        self.raw(&format!("<p class=dataset-downloads {INERT}>"));
        self.out.push_str(&escape(self.word(Msg::DownloadData)));
        self.raw(" ");
        self.button("tool-button", "CSV");
        self.raw(" ");
        self.button("tool-button", "JSON");
        // No link to the one-file copy: it needs JavaScript too (the app adds it, last).
        self.raw("</p></footer>");
    }
}

/// A band of chart box widths (CSS px) whose build-time chart is drawn at one width and
/// stretched to the box: `from..to`, open-ended at the narrowest and widest.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Band {
    pub from: Option<u32>,
    pub to: Option<u32>,
    pub drawn: u32,
}

/// How much wider each band's widest box is than its narrowest: its drawing, made for the
/// middle, is at most ~5 % off until the canvas takes over (and exact at the middle).
const BAND_STEP: f64 = 1.1;

/// Narrowest and widest chart boxes the page lays out (style.css): on a 320 px phone, and a
/// theme's only chart across the whole 1240 px page (less the page's and the card's padding and
/// border). The open-ended bands at either end are drawn for the middle of what is left.
const NARROWEST: f64 = 266.0;
const WIDEST: f64 = 1174.0;

/// The bands, narrowest first. None straddles [`charts::NARROW`], where the chart's layout
/// and height change, so each band's drawing has the height its boxes have.
pub fn chart_bands() -> Vec<Band> {
    let mut edges = vec![charts::NARROW];
    while edges[0] / BAND_STEP > NARROWEST {
        edges.insert(0, edges[0] / BAND_STEP);
    }
    while edges[edges.len() - 1] * BAND_STEP < WIDEST {
        edges.push(edges[edges.len() - 1] * BAND_STEP);
    }
    // Between the page's extremes, each pair of neighbours is a band drawn at its geometric
    // middle; the outermost two are open-ended.
    let mut points = vec![NARROWEST];
    points.extend(edges.iter().map(|e| e.round()));
    points.push(WIDEST);
    let last = points.len() - 2;
    points
        .windows(2)
        .enumerate()
        .map(|(i, pair)| Band {
            from: (i > 0).then_some(pair[0] as u32),
            to: (i < last).then_some(pair[1] as u32),
            drawn: (pair[0] * pair[1]).sqrt().round() as u32,
        })
        .collect()
}

/// The container queries that show each band's drawing (style.css holds a copy; a test keeps
/// the two equal).
pub fn band_css() -> String {
    let mut css = String::new();
    for (i, band) in chart_bands().iter().enumerate() {
        let query = match (band.from, band.to) {
            (None, Some(to)) => format!("width < {to}px"),
            (Some(from), Some(to)) => format!("{from}px <= width < {to}px"),
            (Some(from), None) => format!("width >= {from}px"),
            (None, None) => "width >= 0px".to_string(),
        };
        css.push_str(&format!(
            "@container ({query}) {{ .chart-svg.b{i} {{ display: block; }} }}\n"
        ));
    }
    css
}

/// A chart drawn at build time by the same [`charts::draw`] as the canvas, once per band of
/// box widths, into SVG whose colours the stylesheet gives (see [`svg`]). Hidden from
/// assistive technology: the chart's sentence after it says what it shows.
fn chart_svgs(data: &Dataset, chart: &Chart, lang: Lang) -> String {
    let palette = Palette::distinct();
    let mut out = String::new();
    for (i, band) in chart_bands().iter().enumerate() {
        let width = band.drawn;
        let height = charts::preferred_height(data, chart, width as f64).round() as u32;
        // Hidden by its `display` attribute, which the stylesheet's band rule overrides: a
        // reader without the stylesheet (a reader mode, a feed) gets the sentence, not 16 copies.
        out.push_str(&format!(
            "<svg class=\"chart-svg b{i}\" viewBox=\"0 0 {width} {height}\" preserveAspectRatio=none width=100% height={height} display=none aria-hidden=true>"
        ));
        let frame = Frame {
            data,
            chart,
            lang,
            palette: &palette,
            scale: 1.0,
            highlight: None,
            measure: &charts::estimate_text_width,
        };
        let area = StyledSvg::new(&mut out, (width, height), &palette).into_drawing_area();
        if let Err(e) = charts::draw(&area, &frame) {
            panic!("chart `{}` cannot be drawn at build time: {e}", chart.id);
        }
        drop(area); // it writes into `out`
        out.push_str("</svg>");
    }
    out
}

/// The whole dashboard as the app first draws it (all themes shown), in the app's markup.
pub fn html(data: &Dataset, build: BuildInfo, lang: Lang) -> String {
    let mut w = Writer {
        out: String::new(),
        data,
        lang,
        embedded: false,
    };
    w.raw("<div id=prerender>");
    w.el("a", "class=skip href=#content", w.word(Msg::SkipToContent));
    w.raw("<div class=page>");
    w.header();
    w.raw("<main id=content tabindex=-1>");
    w.filter();
    for theme in &data.themes {
        let id = escape(&theme.id);
        w.raw(&format!(
            "<section class=theme data-theme={id} aria-labelledby=theme-{id}>"
        ));
        w.el("h2", &format!("id=theme-{id}"), theme.label.get(lang));
        w.raw("<div class=chart-grid>");
        for chart in data.charts_in(&theme.id) {
            w.chart(chart);
        }
        w.raw("</div><div class=card-grid>");
        for ind in data.indicators_in(&theme.id) {
            w.card(ind);
        }
        w.raw("</div></section>");
    }
    w.raw("</main>");
    w.footer(build);
    w.raw("</div></div>");
    w.out
}

/// An item's own page (`items/<id>.<lang>.html`) as the embed's app first draws it: the
/// dashboard's name and "data as of", the card or chart (charts drawn as on the dashboard), a
/// link to the dashboard and the data version. The app replaces it when scripts run.
pub fn item_page(data: &Dataset, build: BuildInfo, target: &Target, lang: Lang) -> String {
    let mut w = Writer {
        out: String::new(),
        data,
        lang,
        embedded: true,
    };
    let theme = data.theme(target.theme()).map_or("", |t| t.label.get(lang));
    w.raw("<div id=prerender><main class=embed>");
    w.el("h1", "class=visually-hidden", data.title.get(lang));
    w.el("h2", "class=visually-hidden", theme);
    w.raw("<p class=embed-head>");
    w.el("span", "class=embed-brand", data.title.get(lang));
    w.el("span", "class=embed-asof", &i18n::as_of_line(data, lang));
    w.raw("</p>");
    match target {
        Target::Indicator(ind) => w.card(ind),
        Target::Chart(chart) => w.chart(chart),
    }
    w.raw("<footer class=embed-foot>");
    // The dashboard is the page's neighbour: the same tab (unlike the embed's link out of a
    // frame).
    let href = escape(&crate::embed::dashboard_href(target, lang));
    w.raw(&format!("<a href=\"{href}\">"));
    w.out.push_str(&escape(w.word(Msg::OpenDashboard)));
    w.raw("<span aria-hidden=true> ↗</span></a>");
    w.el(
        "span",
        "class=embed-version",
        &i18n::version_line(data, build, lang),
    );
    w.raw("</footer></main></div>");
    w.out
}

/// What an embed shows without JavaScript: its item is chosen by the query at run time, so it
/// cannot be written in advance; instead, both languages point to the dashboard, whose
/// prerendered page has every figure. Inside `<noscript>`: nothing of it exists when scripts run.
pub fn embed_fallback() -> String {
    pointer_to_dashboard(
        [
            "Thẻ số liệu hoặc biểu đồ này cần JavaScript.",
            "This figure or chart needs JavaScript.",
        ],
        " target=_blank rel=noopener",
    )
}

/// What the export page (an item's downloads and embed code) shows without JavaScript: the
/// same pointer to the dashboard, in the same tab (the page is the app's own, not a frame).
pub fn export_fallback() -> String {
    pointer_to_dashboard(
        [
            "Trang tải về và mã nhúng cần JavaScript.",
            "Downloads and embed codes need JavaScript.",
        ],
        "",
    )
}

/// `[vi, en]`: what needs JavaScript. (Written here, not in `i18n`'s tables: only this native
/// code says it, and a wasm calling those tables would carry the words too.)
fn pointer_to_dashboard(needs: [&str; 2], link_attributes: &str) -> String {
    let part = |lang: Lang, needs: &str| {
        format!(
            "<span lang={}>{} <a href=index.html{link_attributes}>{}</a></span>",
            lang.code(),
            escape(needs),
            escape(i18n::t(lang, Msg::OpenDashboard)),
        )
    };
    format!(
        "<noscript><p class=load-error>{} · {}</p></noscript>",
        part(Lang::Vi, needs[0]),
        part(Lang::En, needs[1])
    )
}

/// One item page the build writes: what `scripts/post-build.mjs` needs to put it in the embed's
/// page (head and body) and to write its oEmbed data.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug, serde::Serialize)]
pub struct ItemPage {
    pub id: String,
    pub lang: &'static str,
    /// `items/<id>.<lang>.html`, `.png`, `.oembed.json`, relative to the app's folder.
    pub page: String,
    pub image: String,
    pub oembed: String,
    /// The item's title, and the page's: "<item> · <dashboard>".
    pub heading: String,
    pub title: String,
    /// One sentence with its source ([`crate::embed::key_fact`]).
    pub description: String,
    /// The page's content without JavaScript ([`item_page`]).
    pub body: String,
    /// The iframe height the snippet gives (before `embed.js` sizes it).
    pub height: u32,
    /// The embed code for the item page (its oEmbed `html`), against the site's address.
    pub snippet: String,
}

/// The dashboard's share data: its card image and one sentence per language.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug, serde::Serialize)]
pub struct DashboardCard {
    pub lang: &'static str,
    pub image: String,
    pub title: String,
    pub description: String,
}

/// Writes every item's social card (`<dir>/items/<id>.<lang>.png`) and the dashboard's
/// (`<dir>/share.<lang>.png`); returns what the item pages need. `site` is the app's public
/// address ending in `/`, or empty (snippets are then relative).
#[cfg(not(target_arch = "wasm32"))]
pub fn write_share_files(
    data: &Dataset,
    build: BuildInfo,
    dir: &std::path::Path,
    site: &str,
) -> std::io::Result<(Vec<ItemPage>, Vec<DashboardCard>)> {
    use crate::embed;
    let fonts = social::Fonts::bundled();
    let png = |svg: &str| fonts.rasterise(svg).map_err(std::io::Error::other);
    std::fs::create_dir_all(dir.join("items"))?;
    let mut pages = Vec::new();
    for lang in Lang::ALL {
        for target in Target::all(data) {
            let id = target.id();
            let image = embed::item_image(id, lang);
            std::fs::write(
                dir.join(&image),
                png(&social::item_svg(data, build, &target, lang))?,
            )?;
            let (page, height) = (embed::item_page(id, lang), target.fallback_height(data));
            pages.push(ItemPage {
                id: id.to_string(),
                lang: lang.code(),
                oembed: embed::item_oembed(id, lang),
                snippet: embed::snippet(site, target.title(lang), &page, height),
                page,
                image,
                heading: target.title(lang).to_string(),
                title: format!("{} · {}", target.title(lang), data.title.get(lang)),
                description: embed::key_fact(data, &target, lang),
                body: item_page(data, build, &target, lang),
                height,
            });
        }
    }
    let mut cards = Vec::new();
    for lang in Lang::ALL {
        let image = format!("share.{}.png", lang.code());
        std::fs::write(
            dir.join(&image),
            png(&social::dashboard_svg(data, build, lang))?,
        )?;
        cards.push(DashboardCard {
            lang: lang.code(),
            image,
            title: data.title.get(lang).to_string(),
            description: data.subtitle.get(lang).to_string(),
        });
    }
    Ok((pages, cards))
}
