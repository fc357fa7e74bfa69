//! Splitting and joining text without std's generic machinery: `str::split` and
//! `str::split_once` with a `char` compile core's pattern searcher and an iterator per call into
//! the wasm, `[String]::join` a copy loop unrolled per separator length (~0.4 KB gzip together).
//! An ASCII byte is always a character boundary in UTF-8, so the pieces are the same as std's.

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

/// `parts` with `separator` between them: `[String]::join`, in a few bytes of wasm instead of
/// std's ~0.4 KB, whose copy loop is unrolled for short separators.
pub fn joined(parts: &[String], separator: &str) -> String {
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str(separator);
        }
        out.push_str(part);
    }
    out
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

    #[test]
    fn joined_is_what_join_writes() {
        let parts: Vec<String> = ["a", "", "bc", "đoạn 1"].map(String::from).into();
        for separator in ["", ",", "; ", " · "] {
            for n in 0..=parts.len() {
                assert_eq!(joined(&parts[..n], separator), parts[..n].join(separator));
            }
        }
    }
}
