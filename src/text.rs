//! Tokens and sentences shared by the extractors, and the folding used to
//! compare words regardless of case, diacritics and apostrophe style.

use std::ops::Range;

use unicode_normalization::char::is_combining_mark;

pub use crate::fold::fold;
use crate::fold::{fold_into, is_invisible};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    /// The `'s` / `’s` split off a word.
    Possessive,
    Punct,
}

#[derive(Debug, Clone, Copy)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// A line break separates this token from the previous one.
    pub after_newline: bool,
    /// Only spaces (no line break) separate this token from the previous one;
    /// false when the two touch.
    pub after_space: bool,
}

/// An article cut into tokens and sentences. Every line break ends a sentence:
/// in news text a line is a paragraph, a headline or a byline.
pub struct Doc<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Range<usize>>,
    /// Every token folded, and its lemma: extractors look at the words
    /// around each token many times over, so each is folded once.
    folded: Strings,
    lemmas: Strings,
}

/// Many short strings in one buffer: one allocation instead of one per token.
struct Strings {
    buf: String,
    ends: Vec<usize>,
}

impl Strings {
    fn with_capacity(bytes: usize, count: usize) -> Self {
        Strings {
            buf: String::with_capacity(bytes),
            ends: Vec::with_capacity(count),
        }
    }

    /// Ends the string written to the buffer since the last call.
    fn seal(&mut self) {
        self.ends.push(self.buf.len());
    }

    fn last(&self) -> &str {
        let start = self.ends.len().checked_sub(2).map_or(0, |k| self.ends[k]);
        &self.buf[start..self.ends.last().copied().unwrap_or(0)]
    }

    fn get(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.buf[start..self.ends[i]]
    }
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str) -> Self {
        let tokens = tokenize(text);
        let sentences = split_sentences(text, &tokens);
        let mut folded = Strings::with_capacity(text.len(), tokens.len());
        let mut lemmas = Strings::with_capacity(text.len(), tokens.len());
        for t in &tokens {
            fold_into(&text[t.start..t.end], &mut folded.buf);
            folded.seal();
            lemma_into(folded.last(), &mut lemmas.buf);
            lemmas.seal();
        }
        Doc {
            text,
            tokens,
            sentences,
            folded,
            lemmas,
        }
    }

    pub fn tok(&self, i: usize) -> &'a str {
        let t = &self.tokens[i];
        &self.text[t.start..t.end]
    }

    /// Lower-cased, diacritic-free text of token `i`.
    pub fn folded(&self, i: usize) -> &str {
        self.folded.get(i)
    }

    /// The [`lemma`] of token `i`.
    pub fn lemma(&self, i: usize) -> &str {
        self.lemmas.get(i)
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Word)
    }

    pub fn is_punct(&self, i: usize, p: &str) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Punct && self.tok(i) == p)
    }

    pub fn is_capitalized(&self, i: usize) -> bool {
        self.is_word(i) && self.tok(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// Index of the sentence holding token `i`.
    pub fn sentence_of(&self, i: usize) -> usize {
        self.sentences.partition_point(|s| s.end <= i)
    }

    pub fn sentence_range(&self, i: usize) -> Range<usize> {
        self.sentences[self.sentence_of(i)].clone()
    }

    /// Bytes covered by tokens `range`.
    pub fn byte_range(&self, range: Range<usize>) -> Range<usize> {
        self.tokens[range.start].start..self.tokens[range.end - 1].end
    }

    pub fn slice(&self, range: Range<usize>) -> &'a str {
        let b = self.byte_range(range);
        &self.text[b]
    }
}

fn is_word_char(c: char) -> bool {
    // Most characters are ASCII: no look-up in the Unicode tables for them.
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric() || is_combining_mark(c)
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '`')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

pub fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let offset = |i: usize| chars.get(i).map_or(text.len(), |&(o, _)| o);
    // About one token in five bytes of news text: few reallocations.
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let mut i = 0;
    let mut newline = true;
    let mut space = false;
    while i < chars.len() {
        let c = chars[i].1;
        if c.is_whitespace() || is_invisible(c) {
            if matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}') {
                newline = true;
            }
            space = true;
            i += 1;
            continue;
        }
        let start = i;
        let kind;
        if c.is_ascii_digit() {
            kind = TokenKind::Number;
            i += 1;
            while let Some(c) = at(i) {
                if c.is_ascii_digit() {
                    i += 1;
                } else if matches!(c, ',' | '.' | ':')
                    && at(i + 1).is_some_and(|d| d.is_ascii_digit())
                {
                    i += 2;
                } else {
                    break;
                }
            }
        } else if is_word_char(c) {
            kind = TokenKind::Word;
            i += 1;
            loop {
                match at(i) {
                    Some(c) if is_word_char(c) => i += 1,
                    Some(c) if is_invisible(c) && at(i + 1).is_some_and(is_word_char) => i += 2,
                    Some(c)
                        if (is_apostrophe(c) || is_hyphen(c))
                            && at(i + 1).is_some_and(|d| d.is_alphabetic()) =>
                    {
                        i += 2
                    }
                    // Initials and dotted abbreviations: "M.", "U.S.", "a.m."
                    Some('.')
                        if i - start == 1
                            || (i >= start + 3 && at(i - 2) == Some('.') && i - start >= 3) =>
                    {
                        if i - start == 1 || at(i - 2) == Some('.') {
                            i += 1;
                            if at(i).is_some_and(char::is_alphabetic)
                                && at(i + 1) == Some('.')
                                && !at(i + 2).is_some_and(char::is_alphabetic)
                            {
                                i += 2;
                            }
                        }
                        break;
                    }
                    _ => break,
                }
            }
        } else {
            kind = TokenKind::Punct;
            i += 1;
        }
        let (s, e) = (offset(start), offset(i));
        let word = &text[s..e];
        // Split a possessive 's off its word: "Trump’s" -> "Trump" + "’s".
        let possessive_len = if kind == TokenKind::Word && e - s > 3 {
            let mut rev = word.chars().rev();
            match (rev.next(), rev.next()) {
                (Some('s'), Some(a)) if is_apostrophe(a) => 1 + a.len_utf8(),
                _ => 0,
            }
        } else {
            0
        };
        let after_newline = newline && !tokens.is_empty();
        if possessive_len > 0 {
            tokens.push(Token {
                start: s,
                end: e - possessive_len,
                kind,
                after_newline,
                after_space: space,
            });
            tokens.push(Token {
                start: e - possessive_len,
                end: e,
                kind: TokenKind::Possessive,
                after_newline: false,
                after_space: false,
            });
        } else {
            tokens.push(Token {
                start: s,
                end: e,
                kind,
                after_newline,
                after_space: space,
            });
        }
        newline = false;
        space = false;
    }
    tokens
}

/// Days of the week, Monday first.
pub const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Months, January first.
pub const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Calendar words (folded) are never a name or a place.
pub fn is_calendar_word(folded: &str) -> bool {
    WEEKDAYS.contains(&folded) || MONTHS.contains(&folded)
}

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "ave", "gen", "col", "lt", "sgt", "capt", "prof", "sen", "rep",
    "gov", "jr", "sr", "inc", "corp", "ltd", "co", "no", "vs", "mt", "rd", "blvd", "jan", "feb",
    "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "approx", "est", "fig",
];

/// Tokens a sentence holds at most. Real sentences stay far below; text
/// without stops (a transcript, a paragraph of CJK) is cut here, so that
/// work done per sentence stays bounded.
const MAX_SENTENCE_TOKENS: usize = 200;

fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let mut sentences = Vec::new();
    let mut start = 0;
    for i in 0..tokens.len() {
        if i > start && (tokens[i].after_newline || i - start == MAX_SENTENCE_TOKENS) {
            sentences.push(start..i);
            start = i;
        }
        let t = &tokens[i];
        let s = &text[t.start..t.end];
        let ends = t.kind == TokenKind::Punct && matches!(s, "." | "!" | "?");
        if !ends {
            continue;
        }
        if s == "." && i > 0 {
            let prev = &tokens[i - 1];
            let word = &text[prev.start..prev.end];
            if prev.kind == TokenKind::Word && ABBREVIATIONS.contains(&fold(word).as_str()) {
                continue;
            }
        }
        // A closing quote or bracket right after the stop stays in the sentence.
        let mut end = i + 1;
        while end < tokens.len()
            && tokens[end].kind == TokenKind::Punct
            && !tokens[end].after_space
            && matches!(
                &text[tokens[end].start..tokens[end].end],
                "\"" | "”" | "’" | ")" | "'"
            )
        {
            end += 1;
        }
        if end < tokens.len() && !tokens[end].after_newline {
            sentences.push(start..end);
            start = end;
        }
    }
    if start < tokens.len() {
        sentences.push(start..tokens.len());
    }
    sentences
}

/// Calls `f` with the folded form of `s`, without allocating for a short
/// ASCII word: look-ups in the lexicon fold every word they are asked about.
pub fn with_fold<T>(s: &str, f: impl FnOnce(&str) -> T) -> T {
    const MAX: usize = 32;
    // Lower-case ASCII is folded already.
    if s.bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase() && b != b'`')
    {
        return f(s);
    }
    if s.len() <= MAX && s.is_ascii() {
        let mut buf = [0u8; MAX];
        for (out, b) in buf.iter_mut().zip(s.bytes()) {
            *out = match b {
                b'`' => b'\'',
                _ => b.to_ascii_lowercase(),
            };
        }
        return f(std::str::from_utf8(&buf[..s.len()]).expect("ASCII stays ASCII"));
    }
    f(&fold(s))
}

/// The letters of a name alone: "O’Neill" and "O'Neill", "Vega-C" and
/// "Vega C" get the same key.
pub fn name_key(s: &str) -> String {
    fold(s).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Calls `f` with the [`name_key`] of `s`, without allocating for a short
/// ASCII word: name matching keys both words of every pair it compares.
pub fn with_name_key<T>(s: &str, f: impl FnOnce(&str) -> T) -> T {
    const MAX: usize = 32;
    if s.len() <= MAX && s.is_ascii() {
        let mut buf = [0u8; MAX];
        let mut len = 0;
        for b in s.bytes().filter(u8::is_ascii_alphanumeric) {
            buf[len] = b.to_ascii_lowercase();
            len += 1;
        }
        return f(std::str::from_utf8(&buf[..len]).expect("ASCII stays ASCII"));
    }
    f(&name_key(s))
}

/// A crude English lemma for matching nouns: "families" -> "family".
pub fn lemma(word: &str) -> String {
    with_fold(word, |w| {
        let mut out = String::with_capacity(w.len());
        lemma_into(w, &mut out);
        out
    })
}

/// The lemma of folded word `w`, appended to `out`.
fn lemma_into(w: &str, out: &mut String) {
    if w.len() > 4 && w.ends_with("ies") {
        out.push_str(&w[..w.len() - 3]);
        out.push('y');
    } else if w.len() > 4 && (w.ends_with("ches") || w.ends_with("shes") || w.ends_with("sses")) {
        out.push_str(&w[..w.len() - 2]);
    } else if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") {
        out.push_str(&w[..w.len() - 1]);
    } else {
        out.push_str(w);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn with_fold_folds_as_fold_does() {
        for w in ["O`Neill", "ÅLESUND", "Straße", "said", &"Long".repeat(20)] {
            assert_eq!(with_fold(w, str::to_string), fold(w));
        }
    }

    fn words(text: &str) -> Vec<String> {
        let d = Doc::new(text);
        (0..d.tokens.len()).map(|i| d.tok(i).to_string()).collect()
    }

    #[test]
    fn splits_possessives_and_keeps_abbreviations() {
        assert_eq!(
            words("President Trump’s envoy met U.S. officials at 2:15 a.m."),
            [
                "President",
                "Trump",
                "’s",
                "envoy",
                "met",
                "U.S.",
                "officials",
                "at",
                "2:15",
                "a.m."
            ]
        );
    }

    #[test]
    fn keeps_hyphens_apostrophes_and_initials_inside_names() {
        assert_eq!(
            words("Rosa M. Quispe and Kieran O’Neill met Park Jae-won."),
            [
                "Rosa",
                "M.",
                "Quispe",
                "and",
                "Kieran",
                "O’Neill",
                "met",
                "Park",
                "Jae-won",
                "."
            ]
        );
    }

    #[test]
    fn invisible_characters_stay_inside_words() {
        assert_eq!(
            words("Ume\u{200b}rov\u{a0}Wit\u{ad}koff \u{200b}Kyiv"),
            ["Ume\u{200b}rov", "Wit\u{ad}koff", "Kyiv"]
        );
    }

    #[test]
    fn numbers_keep_separators_and_split_units() {
        assert_eq!(
            words("€3.8bn, 58,000 at 8:30pm"),
            ["€", "3.8", "bn", ",", "58,000", "at", "8:30", "pm"]
        );
        assert_eq!(words("1,200,000 and 7.1"), ["1,200,000", "and", "7.1"]);
    }

    #[test]
    fn sentences_end_at_stops_and_line_breaks() {
        let d = Doc::new("Headline here\nMr. Smith said so. Then he left.\nBy Jo");
        let s: Vec<&str> = d.sentences.iter().map(|r| d.slice(r.clone())).collect();
        assert_eq!(
            s,
            [
                "Headline here",
                "Mr. Smith said so.",
                "Then he left.",
                "By Jo"
            ]
        );
    }

    #[test]
    fn sentences_without_stops_are_cut() {
        let text = "word ".repeat(1000);
        let d = Doc::new(&text);
        let lens: Vec<usize> = d.sentences.iter().map(|s| s.len()).collect();
        assert_eq!(lens, [200; 5]);
    }

    #[test]
    fn folding_removes_case_diacritics_and_curly_quotes() {
        assert_eq!(fold("Łukasz Wróbel’s"), "lukasz wrobel's");
        assert_eq!(fold("Jose\u{301}"), "jose");
        assert_eq!(fold("Ume\u{200b}rov Wit\u{ad}koff"), "umerov witkoff");
        assert_eq!(name_key("O’Neill"), name_key("o'neill"));
        for word in ["O'Neill", "Vega-C", "DE LA", "Ångström", "x`y"] {
            assert_eq!(with_name_key(word, str::to_string), name_key(word));
        }
        assert_eq!(lemma("families"), "family");
        assert_eq!(lemma("workers"), "worker");
    }
}
