//! Splitting text at an ASCII separator byte: what `str::split` and `str::split_once` do with a
//! `char`, without core's pattern searcher, which each of those calls compiled into the wasm
//! with its own iterator (~0.3 KB gzip together). An ASCII byte is always a character
//! boundary in UTF-8, so the pieces are the same as std's.

/// The pieces of `text` between the `separator` bytes, as `text.split(separator as char)`.
pub fn split_ascii(text: &str, separator: u8) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let current = rest?;
        match current.bytes().position(|b| b == separator) {
            Some(at) => {
                rest = current.get(at + 1..);
                current.get(..at)
            }
            None => {
                rest = None;
                Some(current)
            }
        }
    })
}

/// The text before and after the first `separator` byte, as
/// `text.split_once(separator as char)`.
pub fn split_once_ascii(text: &str, separator: u8) -> Option<(&str, &str)> {
    let at = text.bytes().position(|b| b == separator)?;
    Some((text.get(..at)?, text.get(at + 1..)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXTS: [&str; 12] = [
        "",
        "&",
        "&&",
        "a",
        "a&b",
        "&a&",
        "lang=en&theme=growth&table=a,b,",
        "đoạn=1&ghi chú=đất&",
        "=",
        "==x",
        "1.5e-7",
        "tỷ đồng,",
    ];

    #[test]
    fn pieces_are_what_std_splits() {
        for text in TEXTS {
            for separator in [b'&', b'=', b',', b'.', b'e'] {
                let ours: Vec<&str> = split_ascii(text, separator).collect();
                let std: Vec<&str> = text.split(separator as char).collect();
                assert_eq!(ours, std, "{text:?} at {:?}", separator as char);
                assert_eq!(
                    split_once_ascii(text, separator),
                    text.split_once(separator as char),
                    "{text:?} once at {:?}",
                    separator as char
                );
            }
        }
    }
}
