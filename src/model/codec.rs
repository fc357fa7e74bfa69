//! A compact binary form of a dataset. `build.rs` writes it after validating the JSON; the
//! app reads it with this small decoder instead of carrying a JSON parser (serde_json and
//! its visitors cost ~40 KB gzip of wasm; this decoder is a few hundred bytes).
//!
//! Layout: fields in declaration order; integers as LEB128 varints (signed ones zigzagged),
//! f64 as 8 little-endian bytes, strings as length + UTF-8, Option as 0/1 + value,
//! Vec as length + items, enums as one byte.

use super::*;

pub struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub fn new(buf: &'a [u8]) -> Self {
        Reader { buf, pos: 0 }
    }

    fn byte(&mut self) -> Option<u8> {
        let b = *self.buf.get(self.pos)?;
        self.pos += 1;
        Some(b)
    }

    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let s = self.buf.get(self.pos..self.pos.checked_add(n)?)?;
        self.pos += n;
        Some(s)
    }

    fn varint(&mut self) -> Option<u64> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            value |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Some(value);
            }
        }
        None
    }

    pub fn at_end(&self) -> bool {
        self.pos == self.buf.len()
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
    fn get(r: &mut Reader) -> Option<Self>;
}

impl Codec for u32 {
    fn put(&self, w: &mut Vec<u8>) {
        put_varint(w, u64::from(*self));
    }
    fn get(r: &mut Reader) -> Option<Self> {
        u32::try_from(r.varint()?).ok()
    }
}

impl Codec for u8 {
    fn put(&self, w: &mut Vec<u8>) {
        w.push(*self);
    }
    fn get(r: &mut Reader) -> Option<Self> {
        r.byte()
    }
}

impl Codec for i32 {
    fn put(&self, w: &mut Vec<u8>) {
        put_varint(w, u64::from(((*self << 1) ^ (*self >> 31)) as u32));
    }
    fn get(r: &mut Reader) -> Option<Self> {
        let z = u32::try_from(r.varint()?).ok()?;
        Some(((z >> 1) as i32) ^ -((z & 1) as i32))
    }
}

impl Codec for f64 {
    fn put(&self, w: &mut Vec<u8>) {
        w.extend_from_slice(&self.to_le_bytes());
    }
    fn get(r: &mut Reader) -> Option<Self> {
        Some(f64::from_le_bytes(r.take(8)?.try_into().ok()?))
    }
}

impl Codec for String {
    fn put(&self, w: &mut Vec<u8>) {
        put_varint(w, self.len() as u64);
        w.extend_from_slice(self.as_bytes());
    }
    fn get(r: &mut Reader) -> Option<Self> {
        let n = usize::try_from(r.varint()?).ok()?;
        String::from_utf8(r.take(n)?.to_vec()).ok()
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
    fn get(r: &mut Reader) -> Option<Self> {
        match r.byte()? {
            0 => Some(None),
            1 => Some(Some(T::get(r)?)),
            _ => None,
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
    fn get(r: &mut Reader) -> Option<Self> {
        let n = usize::try_from(r.varint()?).ok()?;
        // Bounded by the input, so a corrupt length cannot allocate wildly.
        let mut out = Vec::with_capacity(n.min(r.buf.len()));
        for _ in 0..n {
            out.push(T::get(r)?);
        }
        Some(out)
    }
}

macro_rules! codec_struct {
    ($ty:ident { $($field:ident),* $(,)? }) => {
        impl Codec for $ty {
            fn put(&self, w: &mut Vec<u8>) {
                $(self.$field.put(w);)*
            }
            fn get(r: &mut Reader) -> Option<Self> {
                Some($ty { $($field: Codec::get(r)?),* })
            }
        }
    };
}

macro_rules! codec_enum {
    ($ty:ident { $($variant:ident = $n:literal),* $(,)? }) => {
        impl Codec for $ty {
            fn put(&self, w: &mut Vec<u8>) {
                w.push(match self { $($ty::$variant => $n),* });
            }
            fn get(r: &mut Reader) -> Option<Self> {
                match r.byte()? { $($n => Some($ty::$variant),)* _ => None }
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
    fn get(r: &mut Reader) -> Option<Self> {
        let tag = r.byte()?;
        let (a, b) = (String::get(r)?, String::get(r)?);
        match tag {
            0 => Some(Formula::PercentOf { percent: a, of: b }),
            1 => Some(Formula::Difference {
                minuend: a,
                subtrahend: b,
            }),
            2 => Some(Formula::Share { part: a, whole: b }),
            _ => None,
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
    fn get(r: &mut Reader) -> Option<Self> {
        let (tag, year, a, b) = (r.byte()?, i32::get(r)?, u32::get(r)?, u32::get(r)?);
        match tag {
            0 => Some(Period::Year(year)),
            1 => Some(Period::FirstMonths { year, months: a }),
            2 => Some(Period::Month { year, month: a }),
            3 => Some(Period::Date {
                year,
                month: a,
                day: b,
            }),
            4 => Some(Period::Years {
                from: year,
                to: i32::try_from(a).ok()?,
            }),
            _ => None,
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

/// Encodes a dataset (derived values are left out; the reader recomputes them).
pub fn encode(d: &Dataset) -> Vec<u8> {
    let mut raw = d.clone();
    raw.indicators.retain(|i| !i.is_derived());
    let mut w = Vec::new();
    raw.put(&mut w);
    w
}

/// Decodes what [`encode`] wrote, then computes derived values.
pub fn decode(bytes: &[u8]) -> Result<Dataset, String> {
    let mut r = Reader::new(bytes);
    let data = Dataset::get(&mut r)
        .filter(|_| r.at_end())
        .ok_or("corrupt embedded dataset")?;
    super::with_derived(data)
}
