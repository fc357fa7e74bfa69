//! Embeds and sharing: what an item page (`items/<id>.<lang>.html?…`) or `embed.html?…` shows,
//! the snippets editors paste, the sentence link previews carry, and the messages host pages
//! send. Pure functions over the raw query string and message fields, so every hostile URL and
//! message can be tested natively.
//!
//! Parameters (keys and keyword values are ASCII case-insensitive; unknown keys are ignored,
//! since host pages and link trackers add their own):
//! - `id` (required by `embed.html`; an item page names its own): an indicator or chart id.
//! - `lang`: `vi` | `en`; absent → the item page's language, or for `embed.html` the reader's
//!   browser language.
//! - `theme`: `light` | `dark` | `auto` (default, follows the reader's system).
//! - `plain`: no header or footer. `transparent`: no page background.
//!   Both take no value, or `1`/`true`/`yes`, or `0`/`false`/`no`.
//!
//! A key given twice with different values is an error rather than a silent pick.

use crate::model::{Chart, Dataset, Indicator, Lang, Scheme};

/// The `type` of the height message an embed posts to its parent (see README "Sharing and embedding").
pub const HEIGHT_MESSAGE: &str = "bac-giang-embed:height";
/// The `type` of the message `embed.js` sends to ask an embed to post its height again.
pub const HEIGHT_REQUEST: &str = "bac-giang-embed:request-height";
/// The `type` of the message a host page sends to set an embed's language or colour scheme:
/// `{ type: "bac-giang-embed:set", v: 1, lang?: "vi" | "en", theme?: "light" | "dark" | "auto" }`
/// (`embed.js`'s `bacGiangEmbeds.set`).
pub const SET_MESSAGE: &str = "bac-giang-embed:set";
/// Longest value shown back to the reader in an error message.
const SHOWN_VALUE_MAX: usize = 40;

/// What an embed shows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Target<'a> {
    Indicator(&'a Indicator),
    Chart(&'a Chart),
}

impl<'a> Target<'a> {
    pub fn find(data: &'a Dataset, id: &str) -> Option<Target<'a>> {
        data.indicator(id)
            .map(Target::Indicator)
            .or_else(|| data.chart(id).map(Target::Chart))
    }

    /// Every card and chart of the data, cards first: what gets an item page.
    pub fn all(data: &'a Dataset) -> impl Iterator<Item = Target<'a>> {
        data.indicators
            .iter()
            .map(Target::Indicator)
            .chain(data.charts.iter().map(Target::Chart))
    }

    pub fn id(&self) -> &'a str {
        match self {
            Target::Indicator(i) => &i.id,
            Target::Chart(c) => &c.id,
        }
    }

    pub fn theme(&self) -> &'a str {
        match self {
            Target::Indicator(i) => &i.theme,
            Target::Chart(c) => &c.theme,
        }
    }

    pub fn title(&self, lang: Lang) -> &'a str {
        match self {
            Target::Indicator(i) => i.label.get(lang),
            Target::Chart(c) => c.title.get(lang),
        }
    }

    /// The iframe height used before (or without) `embed.js`: roughly the content's height
    /// at a typical article width, so the frame rarely needs to change.
    pub fn fallback_height(&self, data: &Dataset) -> u32 {
        match self {
            Target::Indicator(i) => 300 + 26 * i.items.len() as u32,
            Target::Chart(c) => {
                crate::charts::preferred_height(data, c, 640.0).round() as u32 + 190
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct EmbedParams<'a> {
    pub target: Target<'a>,
    pub lang: Option<Lang>,
    pub scheme: Scheme,
    pub plain: bool,
    pub transparent: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EmbedError {
    MissingId,
    /// The id as given, shortened for display.
    UnknownId(String),
    BadValue {
        key: &'static str,
        value: String,
    },
    Conflict {
        key: &'static str,
    },
}

const KEYS: [&str; 5] = ["id", "lang", "theme", "plain", "transparent"];

/// Parses an embed URL's query string (with or without the leading `?`).
pub fn parse<'a>(data: &'a Dataset, search: &str) -> Result<EmbedParams<'a>, EmbedError> {
    let mut values: [Option<String>; 5] = Default::default();
    for (key, value) in query_pairs(search) {
        let Some(k) = KEYS
            .iter()
            .position(|known| known.eq_ignore_ascii_case(&key))
        else {
            continue;
        };
        match &values[k] {
            Some(previous) if *previous != value => {
                return Err(EmbedError::Conflict { key: KEYS[k] })
            }
            _ => values[k] = Some(value),
        }
    }
    let [id, lang, theme, plain, transparent] = values;
    let id = id.filter(|v| !v.is_empty()).ok_or(EmbedError::MissingId)?;
    let target = Target::find(data, &id).ok_or_else(|| EmbedError::UnknownId(shorten(&id)))?;
    let bad = |key: &'static str, value: &str| EmbedError::BadValue {
        key,
        value: shorten(value),
    };
    let lang = match lang.as_deref() {
        None | Some("") => None,
        Some(v) => {
            Some(keyword(v, &[("vi", Lang::Vi), ("en", Lang::En)]).ok_or_else(|| bad("lang", v))?)
        }
    };
    let scheme = match theme.as_deref() {
        None | Some("") => Scheme::Auto,
        Some(v) => {
            keyword(v, &Scheme::ALL.map(|s| (s.code(), s))).ok_or_else(|| bad("theme", v))?
        }
    };
    let flag = |key: &'static str, value: Option<String>| match value.as_deref() {
        None => Ok(false),
        Some(v) => keyword(
            v,
            &[
                ("", true),
                ("1", true),
                ("true", true),
                ("yes", true),
                ("0", false),
                ("false", false),
                ("no", false),
            ],
        )
        .ok_or_else(|| bad(key, v)),
    };
    Ok(EmbedParams {
        target,
        lang,
        scheme,
        plain: flag("plain", plain)?,
        transparent: flag("transparent", transparent)?,
    })
}

/// What an item page (`items/<id>.<lang>.html?…`) shows: the page names the item and its
/// language; the query gives the options an embed's does, and a `lang` there switches the
/// language. (Ids are lowercase ASCII, digits and `-`: validated, so they need no escaping.)
pub fn parse_item<'a>(
    data: &'a Dataset,
    id: &str,
    page_lang: Lang,
    search: &str,
) -> Result<EmbedParams<'a>, EmbedError> {
    let search = search.strip_prefix('?').unwrap_or(search);
    let mut params = parse(data, &format!("id={id}&{search}"))?;
    params.lang.get_or_insert(page_lang);
    Ok(params)
}

/// What a host page's [`SET_MESSAGE`] asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HostSettings {
    pub lang: Option<Lang>,
    pub scheme: Option<Scheme>,
}

/// Reads a [`SET_MESSAGE`] from its fields (each absent, a string, or something else:
/// `None`, `Some(Some(text))`, `Some(None)`). Anything malformed — another version, a value
/// that is not one of the documented words (exactly as written), or nothing to set — is
/// ignored whole: `None`.
pub fn host_settings(
    version: Option<f64>,
    lang: Option<Option<String>>,
    theme: Option<Option<String>>,
) -> Option<HostSettings> {
    if version != Some(1.0) {
        return None;
    }
    let lang = match lang {
        None => None,
        Some(v) => Some(match v?.as_str() {
            "vi" => Lang::Vi,
            "en" => Lang::En,
            _ => return None,
        }),
    };
    let scheme = match theme {
        None => None,
        Some(v) => {
            let v = v?;
            Some(*Scheme::ALL.iter().find(|s| s.code() == v)?)
        }
    };
    (lang.is_some() || scheme.is_some()).then_some(HostSettings { lang, scheme })
}

fn keyword<T: Copy>(value: &str, choices: &[(&str, T)]) -> Option<T> {
    choices
        .iter()
        .find(|(word, _)| word.eq_ignore_ascii_case(value))
        .map(|(_, v)| *v)
}

/// At most [`SHOWN_VALUE_MAX`] characters of a value, to quote it back to the reader.
fn shorten(value: &str) -> String {
    // Characters counted, not sliced by byte index: a slice brings in the code that reports a
    // cut inside a character.
    let mut shown: String = value.chars().take(SHOWN_VALUE_MAX).collect();
    if shown.len() < value.len() {
        shown.push('…');
    }
    shown
}

/// Splits a query string into decoded pairs as `URLSearchParams` does: `+` is a space, `%XX`
/// escapes are decoded, a malformed escape is kept literally, invalid UTF-8 becomes U+FFFD.
pub fn query_pairs(search: &str) -> impl Iterator<Item = (String, String)> + '_ {
    let search = search.strip_prefix('?').unwrap_or(search);
    search
        .split('&')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let (k, v) = part.split_once('=').unwrap_or((part, ""));
            (decode(k), decode(v))
        })
}

fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len()
                && hex(bytes[i + 1]).is_some()
                && hex(bytes[i + 2]).is_some() =>
            {
                out.push(hex(bytes[i + 1]).unwrap_or(0) * 16 + hex(bytes[i + 2]).unwrap_or(0));
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

/// The query string of an embed (the inverse of [`parse`]); defaults are left out.
pub fn query(id: &str, lang: Lang, scheme: Scheme, plain: bool, transparent: bool) -> String {
    format!(
        "id={id}&lang={}{}",
        lang.code(),
        options(scheme, plain, transparent)
    )
}

/// An embed's options other than its item and language, each after a `&`; defaults left out.
fn options(scheme: Scheme, plain: bool, transparent: bool) -> String {
    let mut q = String::new();
    if scheme != Scheme::Auto {
        q.push_str("&theme=");
        q.push_str(scheme.code());
    }
    if plain {
        q.push_str("&plain");
    }
    if transparent {
        q.push_str("&transparent");
    }
    q
}

/// The recommended iframe sandbox: scripts run; the "open the dashboard" link may open a tab
/// that is not itself sandboxed. No same-origin access, so the embed cannot touch the host.
pub const SANDBOX: &str = "allow-scripts allow-popups allow-popups-to-escape-sandbox";

/// The address of an item's own page (beside the app, in `items/`), written at build time in
/// each language: readable without JavaScript, with its social card image and oEmbed data.
pub fn item_page(id: &str, lang: Lang) -> String {
    format!("items/{id}.{}.html", lang.code())
}

/// The item's oEmbed data (written at build time).
pub fn item_oembed(id: &str, lang: Lang) -> String {
    format!("items/{id}.{}.oembed.json", lang.code())
}

/// The item's social card image (1200 × 630 PNG, drawn at build time).
pub fn item_image(id: &str, lang: Lang) -> String {
    format!("items/{id}.{}.png", lang.code())
}

/// The item page's address with an embed's options (its language is the page's):
/// `items/grdp-growth.en.html?theme=dark&plain`.
pub fn item_address(
    id: &str,
    lang: Lang,
    scheme: Scheme,
    plain: bool,
    transparent: bool,
) -> String {
    let page = item_page(id, lang);
    match options(scheme, plain, transparent).strip_prefix('&') {
        Some(options) => format!("{page}?{options}"),
        None => page,
    }
}

/// The HTML an editor pastes: the iframe showing `page` (an item page's address with its
/// options, relative to `base`), sized by `embed.js` (full width, its content's height) or
/// `height` without it, and the host script. No inline style or script, so it works under the
/// host's strict CSP; no presentational attributes, so the host page stays valid HTML.
/// `base` is the app's address ending in `/`.
pub fn snippet(base: &str, title: &str, page: &str, height: u32) -> String {
    format!(
        "<iframe src=\"{base}{page}\" title=\"{title}\" height=\"{height}\" \
         loading=\"lazy\" sandbox=\"{SANDBOX}\" data-bac-giang-embed></iframe>\n\
         <script src=\"{base}public/embed.js\" async></script>",
        page = escape_attr(page),
        title = escape_attr(title),
    )
}

/// The snippet for newsletters, email and AMP, where frames and scripts do not run: the
/// item's social card image, its key fact as the text alternative, linked to its page. Half
/// the image's size, so it is sharp on high-density screens. No style attribute, so a host's
/// strict CSP has nothing to block (news and email templates already fit images to the column).
pub fn image_snippet(base: &str, id: &str, lang: Lang, alt: &str) -> String {
    format!(
        "<a href=\"{base}{page}\"><img src=\"{base}{image}\" width=\"600\" height=\"315\" \
         alt=\"{alt}\"></a>",
        page = escape_attr(&item_page(id, lang)),
        image = escape_attr(&item_image(id, lang)),
        alt = escape_attr(alt),
    )
}

/// One sentence a link preview, a search result or an image's `alt` can carry: what the item
/// says and who said it, from the data by the cards' own formatting. An indicator: "GRDP growth
/// (2023): 13.1%, 1st among all provinces — Viet Nam News (VNS)". A chart: its data sentence.
pub fn key_fact(data: &Dataset, target: &Target, lang: Lang) -> String {
    let (fact, cites): (String, Vec<&crate::model::Citation>) = match target {
        Target::Indicator(ind) => {
            let (label, period) = (
                ind.label.get(lang),
                crate::format::period(&ind.period, lang),
            );
            // "GRDP growth in 2023: 13.1%", not "GRDP growth in 2023 (2023): 13.1%".
            let when = if label.contains(&period) {
                String::new()
            } else {
                format!(" ({period})")
            };
            let mut fact = format!("{label}{when}: {}", crate::format::headline(ind, lang));
            let detail = crate::i18n::rank_line(ind, lang)
                .or_else(|| crate::i18n::change_line(data, ind, lang));
            if let Some(detail) = detail {
                fact.push_str(", ");
                fact.push_str(&detail);
            }
            (fact, ind.sources.iter().collect())
        }
        Target::Chart(chart) => {
            let sentence = crate::charts::summary(data, chart, lang);
            let cites = data
                .chart_rows(chart)
                .into_iter()
                .flat_map(|i| i.sources.iter())
                .collect();
            (
                shorten_sentence(sentence.trim_end_matches('.'), FACT_MAX),
                cites,
            )
        }
    };
    let mut publishers: Vec<&str> = Vec::new();
    for c in cites {
        if let Some(source) = data.source(&c.source) {
            let name = source.publisher.get(lang);
            if !publishers.contains(&name) {
                publishers.push(name);
            }
        }
    }
    if publishers.is_empty() {
        fact
    } else {
        format!("{fact} — {}", publishers.join(", "))
    }
}

/// Longest fact before its sources (characters): link previews cut descriptions near 200.
const FACT_MAX: usize = 160;

/// `text` whole if short enough, else cut after its last `; ` that fits, with "…".
fn shorten_sentence(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let fits: String = text.chars().take(max).collect();
    let cut = fits
        .rfind("; ")
        .or_else(|| fits.rfind(' '))
        .unwrap_or(fits.len());
    format!("{}…", &fits[..cut])
}

/// Escapes text for a double-quoted HTML attribute.
pub fn escape_attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// The full dashboard showing the same language and theme, scrolled to the item.
pub fn dashboard_href(target: &Target, lang: Lang) -> String {
    format!(
        "index.html?lang={}&theme={}#{}",
        lang.code(),
        target.theme(),
        anchor(target.id())
    )
}

/// The DOM id of a card or chart in the dashboard, for links into it.
pub fn anchor(id: &str) -> String {
    format!("item-{id}")
}
