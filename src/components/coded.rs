//! Signals of small `Copy` values (yes/no, the language, the colour scheme, a width, a count)
//! kept as one `u32` signal type.
//!
//! Leptos compiles a signal's reactive code (arena access, tracking, reading, updating, the
//! guards) once per value *type*: ~0.4 KB of gzip each. The app's `bool`, `Lang`, `Scheme`,
//! `f64` and `u32` signals all share the `u32` code through [`Coded`], which converts at its
//! edges, so a component still reads and writes its own type.
//!
//! Flags no effect subscribes to (a section mounted, a drawing queued for an idle moment, a view
//! being restored from history) are `Coded<bool>` as well, read with `get_untracked`: a signal
//! nobody reads reactively is a stored value, and `StoredValue<bool>` compiled its own arena
//! code (−0.2 KB gzip).

use crate::embed::Scheme;
use crate::model::Lang;
use leptos::prelude::*;
use std::marker::PhantomData;

/// A value a [`Coded`] signal holds as a `u32`. `decode(encode(v))` is `v`.
pub trait Code: Copy + 'static {
    fn encode(self) -> u32;
    fn decode(code: u32) -> Self;
}

impl Code for u32 {
    fn encode(self) -> u32 {
        self
    }
    fn decode(code: u32) -> Self {
        code
    }
}

impl Code for bool {
    fn encode(self) -> u32 {
        self as u32
    }
    fn decode(code: u32) -> Self {
        code != 0
    }
}

/// Widths in CSS pixels, as `f32`: exact for layout's 1/64 px steps up to 262,144 px.
impl Code for f64 {
    fn encode(self) -> u32 {
        (self as f32).to_bits()
    }
    fn decode(code: u32) -> Self {
        f32::from_bits(code) as f64
    }
}

impl Code for Lang {
    fn encode(self) -> u32 {
        self as u32
    }
    fn decode(code: u32) -> Self {
        if code == Lang::En as u32 {
            Lang::En
        } else {
            Lang::Vi
        }
    }
}

impl Code for Scheme {
    fn encode(self) -> u32 {
        self as u32
    }
    fn decode(code: u32) -> Self {
        Scheme::ALL
            .into_iter()
            .find(|s| *s as u32 == code)
            .unwrap_or_default()
    }
}

/// A signal of `T`, stored as its [`Code`]. Reading it in a reactive context subscribes, as
/// with `RwSignal`; every `set` and `update` notifies.
pub struct Coded<T> {
    raw: RwSignal<u32>,
    value: PhantomData<fn() -> T>,
}

impl<T> Clone for Coded<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Coded<T> {}

impl<T: Code + Default> Default for Coded<T> {
    fn default() -> Self {
        Self::new(T::default())
    }
}

impl<T: Code> Coded<T> {
    pub fn new(value: T) -> Self {
        Coded {
            raw: RwSignal::new(value.encode()),
            value: PhantomData,
        }
    }

    pub fn get(&self) -> T {
        T::decode(self.raw.get())
    }

    pub fn get_untracked(&self) -> T {
        T::decode(self.raw.get_untracked())
    }

    /// None once the signal's owner is gone (its component was removed).
    pub fn try_get_untracked(&self) -> Option<T> {
        self.raw.try_get_untracked().map(T::decode)
    }

    pub fn set(&self, value: T) {
        self.raw.set(value.encode());
    }

    /// Sets the value unless the signal's owner is gone; whether it was set.
    pub fn try_set(&self, value: T) -> bool {
        self.raw.try_set(value.encode()).is_none()
    }

    pub fn update(&self, change: impl FnOnce(&mut T)) {
        let mut value = self.get_untracked();
        change(&mut value);
        self.set(value);
    }

    /// Subscribes the running effect without reading the value.
    pub fn track(&self) {
        self.raw.track();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_decodes_to_itself() {
        for v in [false, true] {
            assert_eq!(bool::decode(v.encode()), v);
        }
        for v in [Lang::Vi, Lang::En] {
            assert_eq!(Lang::decode(v.encode()), v);
        }
        for v in Scheme::ALL {
            assert_eq!(Scheme::decode(v.encode()), v);
        }
        for v in [0, 1, 7, u32::MAX] {
            assert_eq!(u32::decode(v.encode()), v);
        }
        for v in [0.0, 320.5, 412.015625, 1280.0, 262_143.984375] {
            assert_eq!(f64::decode(v.encode()), v);
        }
    }

    #[test]
    fn a_signal_reads_back_what_was_set() {
        let lang = Coded::new(Lang::Vi);
        lang.set(Lang::En);
        assert_eq!(lang.get_untracked(), Lang::En);
        let open = Coded::new(false);
        open.update(|o| *o = !*o);
        assert!(open.get_untracked());
        let scheme = Coded::new(Scheme::Dark);
        assert_eq!(scheme.get_untracked(), Scheme::Dark);
    }
}
