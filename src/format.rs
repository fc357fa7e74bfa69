//! Number, amount, change and period formatting for Vietnamese and English.
//! Pure functions: `13,1%` / `13.1%`, `2.474,8 ha` / `2,474.8 ha`,
//! `500.000 tỷ đồng` / `VND 500 trillion`, `1,7 tỷ USD` / `USD 1.7 billion`.

use crate::model::{Change, ChangeKind, Indicator, Lang, Period, Qualifier, Unit};

/// Decimals shown when the data does not say.
pub const DEFAULT_MAX_DECIMALS: usize = 2;

/// Formats `x` with at most `max_frac` decimals, grouping thousands. Rounds like
/// `Intl.NumberFormat`: the shortest decimal that round-trips `x`, then half away from zero,
/// so 1.005 → "1.01" (not the binary value's "1.00").
pub fn number(x: f64, max_frac: usize, lang: Lang) -> String {
    if !x.is_finite() {
        return if x.is_nan() {
            "NaN".into()
        } else if x > 0.0 {
            "∞".into()
        } else {
            "-∞".into()
        };
    }
    let (int_digits, frac_digits) = round_half_away(x.abs(), max_frac);
    let (group, decimal) = match lang {
        Lang::Vi => ('.', ','),
        Lang::En => (',', '.'),
    };
    let is_zero = int_digits.iter().all(|&d| d == 0) && frac_digits.is_empty();
    let mut out = String::new();
    if x < 0.0 && !is_zero {
        out.push('-');
    }
    for (i, d) in int_digits.iter().enumerate() {
        if i > 0 && (int_digits.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push((b'0' + d) as char);
    }
    if !frac_digits.is_empty() {
        out.push(decimal);
        out.extend(frac_digits.iter().map(|d| (b'0' + d) as char));
    }
    out
}

/// Integer digits and (trailing-zero-trimmed) fraction digits of a non-negative `x`.
fn round_half_away(x: f64, max_frac: usize) -> (Vec<u8>, Vec<u8>) {
    // `Display` writes the shortest decimal that reads back as `x`, never with an exponent.
    let plain = format!("{x}");
    let (int, frac) = plain.split_once('.').unwrap_or((&plain, ""));
    let digits = |s: &str| -> Vec<u8> { s.bytes().map(|b| b - b'0').collect() };
    let (mut int, mut frac) = (digits(int), digits(frac));
    if frac.len() > max_frac {
        let round_up = frac[max_frac] >= 5;
        frac.truncate(max_frac);
        if round_up {
            let mut carry = true;
            for d in frac.iter_mut().rev().chain(int.iter_mut().rev()) {
                if !carry {
                    break;
                }
                if *d == 9 {
                    *d = 0;
                } else {
                    *d += 1;
                    carry = false;
                }
            }
            if carry {
                int.insert(0, 1);
            }
        }
    }
    while frac.last() == Some(&0) {
        frac.pop();
    }
    (int, frac)
}

/// English ordinal: 1st, 2nd, 3rd, 4th, 11th, 22nd.
pub fn ordinal_en(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

pub fn rank(position: u32, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("thứ {position}"),
        Lang::En => ordinal_en(position),
    }
}

/// Scales for money: the largest that shows the value exactly with at most one decimal is
/// used in English (VND 500 trillion, VND 59,830 billion); Vietnamese writes đồng in tỷ
/// (500.000 tỷ đồng) as newspapers do.
fn money(value: f64, unit: Unit, max_frac: usize, lang: Lang) -> String {
    let abs = value.abs();
    let n = |x: f64| number(x, max_frac, lang);
    match (unit, lang) {
        (Unit::Vnd, Lang::Vi) if abs >= 1e9 => format!("{} tỷ đồng", n(value / 1e9)),
        (Unit::Vnd, Lang::Vi) if abs >= 1e6 => format!("{} triệu đồng", n(value / 1e6)),
        (Unit::Vnd, Lang::Vi) => format!("{} đồng", n(value)),
        (Unit::Usd, Lang::Vi) if abs >= 1e9 => format!("{} tỷ USD", n(value / 1e9)),
        (Unit::Usd, Lang::Vi) if abs >= 1e6 => format!("{} triệu USD", n(value / 1e6)),
        (Unit::Usd, Lang::Vi) => format!("{} USD", n(value)),
        (_, Lang::En) => {
            let code = if unit == Unit::Vnd { "VND" } else { "USD" };
            let scales: &[(f64, &str)] = if unit == Unit::Vnd {
                &[(1e12, "trillion"), (1e9, "billion"), (1e6, "million")]
            } else {
                &[(1e9, "billion"), (1e6, "million")]
            };
            let exact_at = |s: f64| {
                let x = abs / s;
                x >= 1.0 && ((x * 10.0).round() - x * 10.0).abs() < 1e-6
            };
            let pick = scales
                .iter()
                .find(|(s, _)| exact_at(*s))
                .or_else(|| scales.iter().find(|(s, _)| abs / s >= 1.0));
            match pick {
                Some((s, word)) => format!("{code} {} {word}", n(value / s)),
                None => format!("{code} {}", n(value)),
            }
        }
        _ => unreachable!("money() is only called for VND and USD"),
    }
}

/// A value in its unit, without qualifier: `13,1%`, `2.474,8 ha`, `VND 500 trillion`, `9th`.
pub fn amount(value: f64, unit: Unit, max_frac: usize, lang: Lang) -> String {
    match unit {
        Unit::Percent => format!("{}%", number(value, max_frac, lang)),
        Unit::Ha => format!("{} ha", number(value, max_frac, lang)),
        Unit::Count => number(value, 0, lang),
        Unit::Rank => rank(value.round().max(1.0) as u32, lang),
        Unit::Vnd | Unit::Usd => money(value, unit, max_frac, lang),
    }
}

pub fn qualifier_word(q: Qualifier, lang: Lang) -> &'static str {
    match (q, lang) {
        (Qualifier::Over, Lang::Vi) => "trên",
        (Qualifier::Nearly, Lang::Vi) => "gần",
        (Qualifier::About, Lang::Vi) => "khoảng",
        (Qualifier::Over, Lang::En) => "over",
        (Qualifier::Nearly, Lang::En) => "nearly",
        (Qualifier::About, Lang::En) => "about",
    }
}

/// `trên 1,7 tỷ USD` / `over USD 1.7 billion`.
pub fn qualified(q: Option<Qualifier>, text: String, lang: Lang) -> String {
    match q {
        Some(q) => format!("{} {text}", qualifier_word(q, lang)),
        None => text,
    }
}

fn max_decimals(ind: &Indicator) -> usize {
    ind.decimals.map_or(DEFAULT_MAX_DECIMALS, usize::from)
}

/// The headline of an indicator: its qualified amount, or its text.
pub fn headline(ind: &Indicator, lang: Lang) -> String {
    match ind.amount() {
        Some((v, unit)) => qualified(
            ind.qualifier,
            amount(v, unit, max_decimals(ind), lang),
            lang,
        ),
        None => ind
            .text
            .as_ref()
            .map(|t| t.get(lang).to_string())
            .unwrap_or_default(),
    }
}

/// The amount alone (no qualifier), for tight places such as chart labels.
pub fn bare_amount(ind: &Indicator, lang: Lang) -> Option<String> {
    ind.amount()
        .map(|(v, unit)| amount(v, unit, max_decimals(ind), lang))
}

/// `+22,5%` / `+22.5%`, `gấp 4,6 lần` / `4.6×`.
pub fn change(c: &Change, lang: Lang) -> String {
    match c.kind {
        ChangeKind::Percent => format!("{}{}%", sign(c.value), number(c.value, 2, lang)),
        ChangeKind::Multiple => match lang {
            Lang::Vi => format!("gấp {} lần", number(c.value, 2, lang)),
            Lang::En => format!("{}×", number(c.value, 2, lang)),
        },
    }
}

fn sign(x: f64) -> &'static str {
    if x > 0.0 {
        "+"
    } else {
        ""
    }
}

/// Difference from an earlier value of the same measure: percentage points for percents,
/// per cent change otherwise. `+1,4 điểm %` / `+1.4 pp`.
pub fn difference(now: f64, before: f64, unit: Unit, lang: Lang) -> String {
    if unit == Unit::Percent {
        let pp = now - before;
        let word = if lang == Lang::Vi { "điểm %" } else { "pp" };
        format!("{}{} {word}", sign(pp), number(pp, 2, lang))
    } else if before != 0.0 {
        let pct = (now / before - 1.0) * 100.0;
        format!("{}{}%", sign(pct), number(pct, 1, lang))
    } else {
        String::new()
    }
}

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// `9 tháng 2024` / `Jan–Sep 2024`, `30/9/2024` / `30 Sep 2024`, `2021–2030`.
pub fn period(p: &Period, lang: Lang) -> String {
    let mon = |m: u32| MONTHS_EN[(m.clamp(1, 12) - 1) as usize];
    match (*p, lang) {
        (Period::Year(y), _) => y.to_string(),
        (Period::FirstMonths { year, months }, Lang::Vi) => format!("{months} tháng {year}"),
        (Period::FirstMonths { year, months: 1 }, Lang::En) => format!("Jan {year}"),
        (Period::FirstMonths { year, months }, Lang::En) => format!("Jan–{} {year}", mon(months)),
        (Period::Month { year, month }, Lang::Vi) => format!("tháng {month}/{year}"),
        (Period::Month { year, month }, Lang::En) => format!("{} {year}", mon(month)),
        (Period::Date { year, month, day }, Lang::Vi) => format!("{day}/{month}/{year}"),
        (Period::Date { year, month, day }, Lang::En) => format!("{day} {} {year}", mon(month)),
        (Period::Years { from, to }, _) => format!("{from}–{to}"),
    }
}

/// Text as HTML: `&`, `<`, `>` and quotes escaped (data may hold any characters).
pub fn escape_html(text: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;
    use Lang::{En, Vi};

    #[test]
    fn numbers_follow_each_language() {
        assert_eq!(number(13.1, 2, Vi), "13,1");
        assert_eq!(number(13.1, 2, En), "13.1");
        assert_eq!(number(2474.8, 2, Vi), "2.474,8");
        assert_eq!(number(2474.8, 2, En), "2,474.8");
        assert_eq!(number(500000.0, 2, Vi), "500.000");
        assert_eq!(number(1234567.891, 2, En), "1,234,567.89");
        assert_eq!(number(0.0, 2, En), "0");
    }

    #[test]
    fn rounding_is_half_away_from_zero_on_the_decimal_text() {
        assert_eq!(number(1.005, 2, En), "1.01");
        assert_eq!(number(0.125, 2, En), "0.13");
        assert_eq!(number(2.5, 0, En), "3");
        assert_eq!(number(-2.5, 0, En), "-3");
        assert_eq!(number(9.995, 2, En), "10");
        assert_eq!(number(999.96, 1, Vi), "1.000");
        assert_eq!(number(1583.1, 0, Vi), "1.583");
        assert_eq!(number(0.0004, 2, En), "0");
        assert_eq!(number(-0.0004, 2, En), "0", "no negative zero");
        assert_eq!(number(0.0005, 3, En), "0.001");
        assert_eq!(number(0.00095, 3, Vi), "0,001");
        assert_eq!(number(99.95, 1, En), "100");
    }

    #[test]
    fn negatives_and_large_numbers() {
        assert_eq!(number(-5.25, 1, Vi), "-5,3");
        assert_eq!(number(-1234.5, 2, En), "-1,234.5");
        assert_eq!(number(1e15, 0, En), "1,000,000,000,000,000");
        assert_eq!(number(1e21, 0, Vi), "1.000.000.000.000.000.000.000");
        assert_eq!(number(1e-7, 2, En), "0");
    }

    #[test]
    fn amounts_in_both_languages() {
        assert_eq!(amount(13.1, Unit::Percent, 2, Vi), "13,1%");
        assert_eq!(amount(13.1, Unit::Percent, 2, En), "13.1%");
        assert_eq!(amount(2474.8, Unit::Ha, 2, Vi), "2.474,8 ha");
        assert_eq!(amount(2474.8, Unit::Ha, 2, En), "2,474.8 ha");
        assert_eq!(amount(59_830e9, Unit::Vnd, 2, Vi), "59.830 tỷ đồng");
        assert_eq!(amount(59_830e9, Unit::Vnd, 2, En), "VND 59,830 billion");
        assert_eq!(amount(500_000e9, Unit::Vnd, 2, Vi), "500.000 tỷ đồng");
        assert_eq!(amount(500_000e9, Unit::Vnd, 2, En), "VND 500 trillion");
        assert_eq!(amount(1.5e12, Unit::Vnd, 2, En), "VND 1.5 trillion");
        assert_eq!(amount(1.5e12, Unit::Vnd, 2, Vi), "1.500 tỷ đồng");
        assert_eq!(amount(1.7e9, Unit::Usd, 2, Vi), "1,7 tỷ USD");
        assert_eq!(amount(1.7e9, Unit::Usd, 2, En), "USD 1.7 billion");
        assert_eq!(amount(70e6, Unit::Usd, 2, Vi), "70 triệu USD");
        assert_eq!(amount(70e6, Unit::Usd, 2, En), "USD 70 million");
        assert_eq!(amount(9.0, Unit::Rank, 2, Vi), "thứ 9");
        assert_eq!(amount(9.0, Unit::Rank, 2, En), "9th");
        assert_eq!(amount(14.0, Unit::Count, 2, En), "14");
        assert_eq!(amount(2500.0, Unit::Usd, 2, En), "USD 2,500");
        assert_eq!(amount(-62e12, Unit::Vnd, 0, En), "VND -62 trillion");
    }

    #[test]
    fn qualifiers_changes_and_differences() {
        let text = amount(1.7e9, Unit::Usd, 2, Vi);
        assert_eq!(
            qualified(Some(Qualifier::Over), text, Vi),
            "trên 1,7 tỷ USD"
        );
        let text = amount(5e14, Unit::Vnd, 2, En);
        assert_eq!(
            qualified(Some(Qualifier::Nearly), text, En),
            "nearly VND 500 trillion"
        );
        let pct = Change {
            kind: ChangeKind::Percent,
            value: 61.26,
            basis: crate::model::ChangeBasis::SamePeriod,
        };
        assert_eq!(change(&pct, Vi), "+61,26%");
        assert_eq!(change(&pct, En), "+61.26%");
        let times = Change {
            kind: ChangeKind::Multiple,
            value: 4.6,
            basis: crate::model::ChangeBasis::SamePeriod,
        };
        assert_eq!(change(&times, Vi), "gấp 4,6 lần");
        assert_eq!(change(&times, En), "4.6×");
        assert_eq!(difference(14.5, 13.1, Unit::Percent, Vi), "+1,4 điểm %");
        assert_eq!(difference(13.1, 14.5, Unit::Percent, En), "-1.4 pp");
        assert_eq!(difference(110.0, 100.0, Unit::Ha, En), "+10%");
    }

    #[test]
    fn ordinals_and_periods() {
        let ords: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111]
            .map(ordinal_en)
            .to_vec();
        assert_eq!(
            ords,
            [
                "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st",
                "111th"
            ]
        );
        let p = |s: &str| s.parse::<Period>().unwrap();
        assert_eq!(period(&p("2024-9m"), Vi), "9 tháng 2024");
        assert_eq!(period(&p("2024-9m"), En), "Jan–Sep 2024");
        assert_eq!(period(&p("2024-09-30"), Vi), "30/9/2024");
        assert_eq!(period(&p("2024-09-30"), En), "30 Sep 2024");
        assert_eq!(period(&p("2022-02"), Vi), "tháng 2/2022");
        assert_eq!(period(&p("2022-02"), En), "Feb 2022");
        assert_eq!(period(&p("2021/2030"), En), "2021–2030");
        assert_eq!(period(&p("2023"), Vi), "2023");
    }
}
