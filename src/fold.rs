//! Folding: the one form words are compared in, here and in `build.rs`,
//! which folds the keys of the embedded tables with this very code so that
//! a look-up and its key always agree. Depends on nothing in the crate.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lower case, no diacritics, one apostrophe: the form words are compared in.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// [`fold`], appended to `out`.
pub fn fold_into(s: &str, out: &mut String) {
    // Most words are ASCII, which decomposes to itself: lowering the case
    // is all there is to do, without the cost of decomposition.
    if s.is_ascii() && !s.contains('`') {
        let start = out.len();
        out.push_str(s);
        out[start..].make_ascii_lowercase();
        return;
    }
    fold_unicode(s, out);
}

fn fold_unicode(s: &str, out: &mut String) {
    for c in s.nfd() {
        if is_combining_mark(c) || is_invisible(c) {
            continue;
        }
        match c {
            'ł' | 'Ł' => out.push('l'),
            'ø' | 'Ø' => out.push('o'),
            'đ' | 'Đ' => out.push('d'),
            'ß' => out.push_str("ss"),
            'æ' | 'Æ' => out.push_str("ae"),
            'œ' | 'Œ' => out.push_str("oe"),
            'ı' => out.push('i'),
            '\u{2019}' | '\u{2018}' | '`' => out.push('\''),
            '\u{2010}' | '\u{2011}' | '\u{2013}' => out.push('-'),
            _ => out.extend(c.to_lowercase()),
        }
    }
}

/// Invisible characters that may sit inside a word without breaking it:
/// soft hyphen, zero-width space, non-joiner and joiner, word joiner,
/// zero-width no-break space.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_folds_as_unicode_does() {
        let all: String = (0u8..128).map(char::from).collect();
        let mut unicode = String::new();
        fold_unicode(&all, &mut unicode);
        assert_eq!(fold(&all), unicode);
        assert_eq!(fold("O`Neill Ålesund"), "o'neill alesund");
        assert_eq!(fold("Łódź Straße"), "lodz strasse");
    }
}
