//! Embeds: what `embed.html?…` shows, and the snippet editors paste. Pure functions over the
//! raw query string, so every hostile URL can be tested natively.
//!
//! Parameters (keys and keyword values are ASCII case-insensitive; unknown keys are ignored,
//! since host pages and link trackers add their own):
//! - `id` (required): an indicator or chart id from the data.
//! - `lang`: `vi` | `en`; absent → the reader's browser language.
//! - `theme`: `light` | `dark` | `auto` (default, follows the reader's system).
//! - `plain`: no header or footer. `transparent`: no page background.
//!   Both take no value, or `1`/`true`/`yes`, or `0`/`false`/`no`.
//!
//! A key given twice with different values is an error rather than a silent pick.

use crate::model::{Chart, Dataset, Indicator, Lang, Scheme};

/// The `type` of the height message an embed posts to its parent (see README "Embedding").
pub const HEIGHT_MESSAGE: &str = "bac-giang-embed:height";
/// The `type` of the message `embed.js` sends to ask an embed to post its height again.
pub const HEIGHT_REQUEST: &str = "bac-giang-embed:request-height";
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
    let mut q = format!("id={id}&lang={}", lang.code());
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

/// The HTML an editor pastes: the iframe (sized by `embed.js`, or `height` without it) and
/// the host script. No inline style or script, so it works under the host's strict CSP.
/// `base` is the app's address ending in `/`.
pub fn snippet(base: &str, title: &str, query: &str, height: u32) -> String {
    format!(
        "<iframe src=\"{base}embed.html?{q}\" title=\"{title}\" width=\"100%\" height=\"{height}\" \
         frameborder=\"0\" loading=\"lazy\" sandbox=\"{SANDBOX}\" data-bac-giang-embed></iframe>\n\
         <script src=\"{base}public/embed.js\" async></script>",
        q = escape_attr(query),
        title = escape_attr(title),
    )
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
