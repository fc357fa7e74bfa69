//! Periods as written in the data: `2023`, `2024-9m` (first 9 months), `2022-02`,
//! `2021-07-15`, `2021/2030` (a span of years).

use serde::Deserialize;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub enum Period {
    Year(i32),
    /// The first `months` months of `year`.
    FirstMonths {
        year: i32,
        months: u32,
    },
    Month {
        year: i32,
        month: u32,
    },
    Date {
        year: i32,
        month: u32,
        day: u32,
    },
    Years {
        from: i32,
        to: i32,
    },
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn year(s: &str) -> Result<i32, String> {
    if s.len() != 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("year `{s}` must have four digits"));
    }
    let y: i32 = s.parse().map_err(|_| format!("bad year `{s}`"))?;
    if !(1900..=2100).contains(&y) {
        return Err(format!("year {y} is outside 1900–2100"));
    }
    Ok(y)
}

fn number(s: &str, what: &str, range: std::ops::RangeInclusive<u32>) -> Result<u32, String> {
    if s.is_empty() || s.len() > 2 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("{what} `{s}` is not a number"));
    }
    let n: u32 = s.parse().map_err(|_| format!("bad {what} `{s}`"))?;
    if !range.contains(&n) {
        return Err(format!(
            "{what} {n} is outside {}–{}",
            range.start(),
            range.end()
        ));
    }
    Ok(n)
}

impl std::str::FromStr for Period {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let bad = |why: String| {
            format!("bad period `{s}`: {why} (expected YYYY, YYYY-Nm, YYYY-MM, YYYY-MM-DD or YYYY/YYYY)")
        };
        if let Some((a, b)) = s.split_once('/') {
            let (from, to) = (year(a).map_err(bad)?, year(b).map_err(bad)?);
            if from >= to {
                return Err(bad(format!("{from} is not before {to}")));
            }
            return Ok(Period::Years { from, to });
        }
        let parts: Vec<&str> = s.split('-').collect();
        match parts.as_slice() {
            [y] => Ok(Period::Year(year(y).map_err(bad)?)),
            [y, m] if m.ends_with('m') => Ok(Period::FirstMonths {
                year: year(y).map_err(bad)?,
                months: number(&m[..m.len() - 1], "month count", 1..=11).map_err(bad)?,
            }),
            [y, m] => Ok(Period::Month {
                year: year(y).map_err(bad)?,
                month: number(m, "month", 1..=12).map_err(bad)?,
            }),
            [y, m, d] => {
                let year = year(y).map_err(bad)?;
                let month = number(m, "month", 1..=12).map_err(bad)?;
                let day = number(d, "day", 1..=days_in_month(year, month)).map_err(bad)?;
                Ok(Period::Date { year, month, day })
            }
            _ => Err(bad("unrecognised form".into())),
        }
    }
}

impl TryFrom<String> for Period {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        s.parse()
    }
}

impl fmt::Display for Period {
    /// The canonical data form (the same text the data file uses).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Period::Year(y) => write!(f, "{y}"),
            Period::FirstMonths { year, months } => write!(f, "{year}-{months}m"),
            Period::Month { year, month } => write!(f, "{year}-{month:02}"),
            Period::Date { year, month, day } => write!(f, "{year}-{month:02}-{day:02}"),
            Period::Years { from, to } => write!(f, "{from}/{to}"),
        }
    }
}

impl Period {
    /// Start and end as fractional years, for placing the period on a time axis.
    pub fn span(&self) -> (f64, f64) {
        let month_start = |y: i32, m: u32| y as f64 + (m as f64 - 1.0) / 12.0;
        match *self {
            Period::Year(y) => (y as f64, y as f64 + 1.0),
            Period::FirstMonths { year, months } => {
                (year as f64, year as f64 + months as f64 / 12.0)
            }
            Period::Month { year, month } => (
                month_start(year, month),
                month_start(year, month) + 1.0 / 12.0,
            ),
            Period::Date { year, month, day } => {
                let t = month_start(year, month)
                    + (day as f64 - 1.0) / (12.0 * days_in_month(year, month) as f64);
                (t, t)
            }
            Period::Years { from, to } => (from as f64, to as f64 + 1.0),
        }
    }

    pub fn is_date(&self) -> bool {
        matches!(self, Period::Date { .. })
    }
}
