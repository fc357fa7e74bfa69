//! A compact binary form of a dataset. `build.rs` writes it after validating the JSON; the
//! app reads it with this small decoder instead of carrying a JSON parser (serde_json and
//! its visitors cost ~40 KB gzip of wasm; this decoder is a few hundred bytes).
//!
//! Layout: fields in declaration order; integers as LEB128 varints (signed ones zigzagged),
//! f64 as 8 little-endian bytes, strings as length + UTF-8, Option as 0/1 + value,
//! Vec as length + items, enums as one byte.

use super::*;

/// Reads values in order. Damage does not stop it: it marks the reader failed and every read
/// from then on gives a default, which [`decode`] then refuses. Without early returns, the
/// wasm carries no code to drop half-built values (−2.8 KB gzip of wasm, measured).
pub struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
    failed: bool,
}

impl<'a> Reader<'a> {
    pub fn new(buf: &'a [u8]) -> Self {
        Reader {
            buf,
            pos: 0,
            failed: false,
        }
    }

    /// Marks the input damaged and gives `value` in place of what could not be read.
    fn fail<T>(&mut self, value: T) -> T {
        self.failed = true;
        self.pos = self.buf.len();
        value
    }

    fn byte(&mut self) -> u8 {
        match self.buf.get(self.pos) {
            Some(&b) => {
                self.pos += 1;
                b
            }
            None => self.fail(0),
        }
    }

    fn take(&mut self, n: usize) -> &'a [u8] {
        match self.buf.get(self.pos..self.pos.saturating_add(n)) {
            Some(s) => {
                self.pos += n;
                s
            }
            None => self.fail(&[]),
        }
    }

    fn varint(&mut self) -> u64 {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte();
            value |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return value;
            }
        }
        self.fail(0)
    }

    /// A count or length: bounded by the bytes left, so a damaged one cannot allocate wildly.
    fn len(&mut self) -> usize {
        let n = self.varint();
        match usize::try_from(n) {
            Ok(n) if n <= self.buf.len() - self.pos => n,
            _ => self.fail(0),
        }
    }

    /// Whether everything was read, undamaged.
    pub fn done(&self) -> bool {
        !self.failed && self.pos == self.buf.len()
    }
}

fn put_varint(w: &mut Vec<u8>, mut v: u64) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            w.push(b);
            return;
        }
        w.push(b | 0x80);
    }
}

pub trait Codec: Sized {
    fn put(&self, w: &mut Vec<u8>);
    /// The next value; a default if the input is damaged (see [`Reader`]).
    fn get(r: &mut Reader) -> Self;
}

impl Codec for u32 {
    fn put(&self, w: &mut Vec<u8>) {
        put_varint(w, u64::from(*self));
    }
    fn get(r: &mut Reader) -> Self {
        let v = r.varint();
        u32::try_from(v).unwrap_or_else(|_| r.fail(0))
    }
}

impl Codec for u8 {
    fn put(&self, w: &mut Vec<u8>) {
        w.push(*self);
    }
    fn get(r: &mut Reader) -> Self {
        r.byte()
    }
}

impl Codec for i32 {
    fn put(&self, w: &mut Vec<u8>) {
        put_varint(w, u64::from(((*self << 1) ^ (*self >> 31)) as u32));
    }
    fn get(r: &mut Reader) -> Self {
        let z = u32::get(r);
        ((z >> 1) as i32) ^ -((z & 1) as i32)
    }
}

impl Codec for f64 {
    fn put(&self, w: &mut Vec<u8>) {
        w.extend_from_slice(&self.to_le_bytes());
    }
    fn get(r: &mut Reader) -> Self {
        match r.take(8).try_into() {
            Ok(bytes) => f64::from_le_bytes(bytes),
            Err(_) => r.fail(0.0),
        }
    }
}

impl Codec for String {
    fn put(&self, w: &mut Vec<u8>) {
        put_varint(w, self.len() as u64);
        w.extend_from_slice(self.as_bytes());
    }
    fn get(r: &mut Reader) -> Self {
        let n = r.len();
        match std::str::from_utf8(r.take(n)) {
            Ok(text) => text.to_string(),
            Err(_) => r.fail(String::new()),
        }
    }
}

impl<T: Codec> Codec for Option<T> {
    fn put(&self, w: &mut Vec<u8>) {
        match self {
            None => w.push(0),
            Some(v) => {
                w.push(1);
                v.put(w);
            }
        }
    }
    fn get(r: &mut Reader) -> Self {
        match r.byte() {
            0 => None,
            1 => Some(T::get(r)),
            _ => r.fail(None),
        }
    }
}

impl<T: Codec> Codec for Vec<T> {
    fn put(&self, w: &mut Vec<u8>) {
        put_varint(w, self.len() as u64);
        for v in self {
            v.put(w);
        }
    }
    fn get(r: &mut Reader) -> Self {
        let n = r.len();
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            if r.failed {
                break;
            }
            out.push(T::get(r));
        }
        out
    }
}

macro_rules! codec_struct {
    ($ty:ident { $($field:ident),* $(,)? }) => {
        impl Codec for $ty {
            fn put(&self, w: &mut Vec<u8>) {
                $(self.$field.put(w);)*
            }
            fn get(r: &mut Reader) -> Self {
                $ty { $($field: Codec::get(r)),* }
            }
        }
    };
}

macro_rules! codec_enum {
    (@first $first:expr $(, $rest:expr)*) => { $first };
    ($ty:ident { $($variant:ident = $n:literal),* $(,)? }) => {
        impl Codec for $ty {
            fn put(&self, w: &mut Vec<u8>) {
                w.push(match self { $($ty::$variant => $n),* });
            }
            fn get(r: &mut Reader) -> Self {
                match r.byte() {
                    $($n => $ty::$variant,)*
                    // The first variant stands in; the reader is failed.
                    _ => r.fail(codec_enum!(@first $($ty::$variant),*)),
                }
            }
        }
    };
}

codec_enum!(Lang { Vi = 0, En = 1 });
codec_enum!(Unit { Percent = 0, Vnd = 1, Usd = 2, Ha = 3, Count = 4, Rank = 5 });
codec_enum!(Status { Actual = 0, Estimate = 1, Plan = 2 });
codec_enum!(Qualifier { Over = 0, Nearly = 1, About = 2 });
codec_enum!(ChangeKind { Percent = 0, Multiple = 1 });
codec_enum!(ChangeBasis { SamePeriod = 0 });
codec_enum!(ChartKind { Bars = 0, Share = 1, Timeline = 2 });

codec_struct!(Text { vi, en });
codec_struct!(Change { kind, value, basis });
codec_struct!(Rank { position, scope });
codec_struct!(Amount { value, unit });
codec_struct!(Citation {
    source,
    paragraph,
    excerpt
});
codec_struct!(Source {
    id,
    file,
    lang,
    publisher,
    title,
    published
});
codec_struct!(Theme { id, label });
codec_struct!(DerivedSpec {
    id,
    theme,
    label,
    short,
    note,
    formula,
    decimals,
    chart
});
codec_struct!(Indicator {
    id,
    theme,
    label,
    short,
    value,
    unit,
    text,
    items,
    period,
    status,
    qualifier,
    change,
    previous,
    rank,
    equivalent,
    decimals,
    note,
    sources,
    chart,
    formula
});
codec_struct!(Chart {
    id,
    theme,
    kind,
    title,
    note,
    series,
    whole
});
codec_struct!(Dataset {
    format,
    id,
    version,
    as_of,
    title,
    subtitle,
    sources,
    themes,
    indicators,
    derived,
    charts
});

impl Codec for Formula {
    fn put(&self, w: &mut Vec<u8>) {
        let tag: u8 = match self {
            Formula::PercentOf { .. } => 0,
            Formula::Difference { .. } => 1,
            Formula::Share { .. } => 2,
        };
        w.push(tag);
        for id in self.inputs() {
            id.to_string().put(w);
        }
    }
    fn get(r: &mut Reader) -> Self {
        let tag = r.byte();
        let (a, b) = (String::get(r), String::get(r));
        match tag {
            0 => Formula::PercentOf { percent: a, of: b },
            1 => Formula::Difference {
                minuend: a,
                subtrahend: b,
            },
            2 => Formula::Share { part: a, whole: b },
            _ => r.fail(Formula::PercentOf { percent: a, of: b }),
        }
    }
}

impl Codec for Period {
    fn put(&self, w: &mut Vec<u8>) {
        match *self {
            Period::Year(y) => (0u8, y, 0u32, 0u32).put_tuple(w),
            Period::FirstMonths { year, months } => (1u8, year, months, 0).put_tuple(w),
            Period::Month { year, month } => (2u8, year, month, 0).put_tuple(w),
            Period::Date { year, month, day } => (3u8, year, month, day).put_tuple(w),
            Period::Years { from, to } => (4u8, from, to as u32, 0).put_tuple(w),
        }
    }
    fn get(r: &mut Reader) -> Self {
        let (tag, year, a, b) = (r.byte(), i32::get(r), u32::get(r), u32::get(r));
        match tag {
            0 => Period::Year(year),
            1 => Period::FirstMonths { year, months: a },
            2 => Period::Month { year, month: a },
            3 => Period::Date {
                year,
                month: a,
                day: b,
            },
            4 => match i32::try_from(a) {
                Ok(to) => Period::Years { from: year, to },
                Err(_) => r.fail(Period::Year(year)),
            },
            _ => r.fail(Period::Year(year)),
        }
    }
}

trait PutTuple {
    fn put_tuple(self, w: &mut Vec<u8>);
}

impl PutTuple for (u8, i32, u32, u32) {
    fn put_tuple(self, w: &mut Vec<u8>) {
        self.0.put(w);
        self.1.put(w);
        self.2.put(w);
        self.3.put(w);
    }
}

/// Encodes a validated dataset, derived values included: the build computed them (in code,
/// from their formulas), so the app carries no formula evaluation or its error reporting.
pub fn encode(d: &Dataset) -> Vec<u8> {
    let mut w = Vec::new();
    d.put(&mut w);
    w
}

/// Decodes what [`encode`] wrote.
pub fn decode(bytes: &[u8]) -> Result<Dataset, String> {
    let mut r = Reader::new(bytes);
    let data = Dataset::get(&mut r);
    match r.done() {
        true => Ok(data),
        false => Err("corrupt embedded dataset".into()),
    }
}
