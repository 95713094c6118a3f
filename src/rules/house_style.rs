//! House style: the spellings a newsroom prefers and the variants it
//! rejects ("Kiev" -> "Kyiv"). A variant is flagged wherever it is written,
//! in a single article too, the way prose linters substitute words; and a
//! preferred spelling is the suggested reading of a name spelled two ways.

use std::collections::HashMap;
use std::ops::Range;

use super::checks::Finding;
use crate::align::Aligned;
use crate::rules::ConflictClaim;
use crate::text::tokenize;

/// The `house_style:` entries of every rules file, compiled for matching.
#[derive(Debug, Default)]
pub struct HouseStyle {
    entries: Vec<Entry>,
    preferred: Vec<Vec<String>>,
    /// First word of each variant, lower-cased -> its entries.
    by_first: HashMap<String, Vec<usize>>,
}

#[derive(Debug)]
struct Entry {
    preferred: String,
    /// The variant cut into tokens the way articles are.
    variant: Vec<String>,
}

/// Why an entry was refused; `variant` indexes its list of variants, or is
/// `None` when the preferred form itself is at fault.
#[derive(Debug)]
pub struct StyleError {
    pub variant: Option<usize>,
    pub message: String,
}

/// Tokens of a phrase, cut by the tokenizer that reads articles, so that
/// "Kiev's", "e-mail" and "U.S." cut the same way in both.
fn tokens(s: &str) -> Vec<String> {
    tokenize(s)
        .iter()
        .map(|t| s[t.start..t.end].to_string())
        .collect()
}

/// Lower case with one apostrophe and one hyphen; diacritics stay, since
/// "Zurich" / "Zürich" may be just what a house style decides.
fn lower(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{2019}' | '\u{2018}' | '`' => '\'',
            '\u{2010}' | '\u{2011}' => '-',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// An acronym ("UN", "U.S.") matches only in capitals: "us" is no "US".
fn is_acronym(s: &str) -> bool {
    s.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !s.chars().any(char::is_lowercase)
}

fn same_token(variant: &str, written: &str) -> bool {
    if is_acronym(variant) {
        lower(variant) == lower(written) && !written.chars().any(char::is_lowercase)
    } else {
        lower(variant) == lower(written)
    }
}

fn same_words(variant: &[String], written: &[impl AsRef<str>]) -> bool {
    variant.len() == written.len()
        && variant
            .iter()
            .zip(written)
            .all(|(v, w)| same_token(v, w.as_ref()))
}

impl HouseStyle {
    /// Adds one entry, refusing what would make the style contradict
    /// itself: a variant that is its own preferred form, a variant of two
    /// preferred forms, or a chain (a variant that is preferred elsewhere).
    /// A variant listed again for the same preferred form is taken once.
    pub fn add(&mut self, preferred: &str, variants: &[String]) -> Result<(), StyleError> {
        let pref = tokens(preferred);
        let refuse = |variant, message| Err(StyleError { variant, message });
        if pref.is_empty() {
            return refuse(None, "a preferred spelling needs at least one word".into());
        }
        if let Some(e) = self.entries.iter().find(|e| same_words(&e.variant, &pref)) {
            return refuse(
                None,
                format!(
                    "{preferred:?} is already a variant of {:?}: it cannot be preferred too",
                    e.preferred
                ),
            );
        }
        for (j, v) in variants.iter().enumerate() {
            let words = tokens(v);
            if words.is_empty() {
                return refuse(Some(j), "a variant needs at least one word".into());
            }
            if same_words(&words, &pref) {
                return refuse(
                    Some(j),
                    format!("variant {v:?} is the preferred spelling {preferred:?} itself"),
                );
            }
            if self.preferred.iter().any(|p| same_words(&words, p)) {
                return refuse(
                    Some(j),
                    format!("{v:?} is a preferred spelling elsewhere: it cannot be a variant too"),
                );
            }
            match self.entries.iter().find(|e| same_words(&e.variant, &words)) {
                Some(e) if e.preferred == preferred => continue,
                Some(e) => {
                    return refuse(
                        Some(j),
                        format!("{v:?} is already a variant of {:?}", e.preferred),
                    );
                }
                None => {}
            }
            self.by_first
                .entry(lower(&words[0]))
                .or_default()
                .push(self.entries.len());
            self.entries.push(Entry {
                preferred: preferred.to_string(),
                variant: words,
            });
        }
        if !self.preferred.contains(&pref) {
            self.preferred.push(pref);
        }
        Ok(())
    }

    /// The preferred spelling of one written word: the word itself when it
    /// is a preferred spelling, or the one it is a variant of. Only
    /// one-word entries read single words.
    pub fn reading(&self, word: &str) -> Option<String> {
        let written = [word.to_string()];
        if let Some(p) = self
            .preferred
            .iter()
            .find(|p| p.len() == 1 && same_words(p, &written))
        {
            return Some(p[0].clone());
        }
        self.entries
            .iter()
            .find(|e| !e.preferred.contains(' ') && same_words(&e.variant, &written))
            .map(|e| e.preferred.clone())
    }

    /// Every variant written in `text`, left to right, as byte ranges with
    /// the preferred spelling; the longest variant wins where two start at
    /// one word.
    pub fn find_in(&self, text: &str) -> Vec<(Range<usize>, &str)> {
        // The built-in style is empty: no article need be read again.
        if self.entries.is_empty() {
            return Vec::new();
        }
        let toks = tokenize(text);
        let written: Vec<&str> = toks.iter().map(|t| &text[t.start..t.end]).collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            let best = self
                .by_first
                .get(&lower(written[i]))
                .into_iter()
                .flatten()
                .map(|&k| &self.entries[k])
                .filter(|e| {
                    written
                        .get(i..i + e.variant.len())
                        .is_some_and(|w| same_words(&e.variant, w))
                })
                .max_by_key(|e| e.variant.len());
            match best {
                Some(e) => {
                    let n = e.variant.len();
                    out.push((toks[i].start..toks[i + n - 1].end, e.preferred.as_str()));
                    i += n;
                }
                None => i += 1,
            }
        }
        out
    }
}

/// One finding per variant written, in every article.
pub(super) fn house_style(al: &Aligned, style: &HouseStyle) -> Vec<Finding> {
    let mut out = Vec::new();
    for article in al.articles {
        for (range, preferred) in style.find_in(&article.text) {
            let text = article.text[range.clone()].to_string();
            out.push(Finding {
                subject: preferred.to_string(),
                suggestion: Some(preferred.to_string()),
                claims: vec![ConflictClaim::new(
                    &article.span(range.start, range.end),
                    &text,
                    text.clone(),
                )],
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn style(entries: &[(&str, &[&str])]) -> HouseStyle {
        let mut s = HouseStyle::default();
        for (p, vs) in entries {
            let vs: Vec<String> = vs.iter().map(|v| v.to_string()).collect();
            s.add(p, &vs).unwrap();
        }
        s
    }

    fn found<'a>(s: &'a HouseStyle, text: &'a str) -> Vec<(&'a str, &'a str)> {
        s.find_in(text)
            .into_iter()
            .map(|(r, p)| (&text[r], p))
            .collect()
    }

    #[test]
    fn variants_match_whole_words_in_any_case() {
        let s = style(&[("Kyiv", &["Kiev"]), ("email", &["e-mail"])]);
        assert_eq!(
            found(&s, "KIEV: in Kiev's centre, a kievan e-mail."),
            [("KIEV", "Kyiv"), ("Kiev", "Kyiv"), ("e-mail", "email")]
        );
    }

    #[test]
    fn acronyms_match_only_in_capitals() {
        let s = style(&[("United Nations", &["UN"])]);
        assert_eq!(
            found(&s, "The UN met; un-named."),
            [("UN", "United Nations")]
        );
    }

    #[test]
    fn the_longest_variant_wins() {
        let s = style(&[("Kyiv", &["Kiev"]), ("Chicken Kyiv", &["Chicken Kiev"])]);
        assert_eq!(
            found(&s, "Chicken Kiev in Kiev."),
            [("Chicken Kiev", "Chicken Kyiv"), ("Kiev", "Kyiv")]
        );
    }

    #[test]
    fn diacritics_are_a_difference() {
        let s = style(&[("Zürich", &["Zurich"])]);
        assert_eq!(found(&s, "Zurich and Zürich"), [("Zurich", "Zürich")]);
    }

    #[test]
    fn contradictions_are_refused() {
        let mut s = style(&[("Kyiv", &["Kiev"])]);
        let e = s.add("Kiyv", &["Kiev".into()]).unwrap_err();
        assert_eq!(e.variant, Some(0));
        assert!(e.message.contains("already a variant of \"Kyiv\""), "{e:?}");
        let e = s.add("Kiev", &["Kyjiw".into()]).unwrap_err();
        assert_eq!(e.variant, None);
        let e = s.add("Odesa", &["odesa".into()]).unwrap_err();
        assert!(e.message.contains("itself"), "{e:?}");
        let e = s.add("Lviv", &["Kyiv".into()]).unwrap_err();
        assert!(e.message.contains("preferred spelling elsewhere"), "{e:?}");
        assert!(s.add("Kyiv", &["Kiev".into(), "Kiew".into()]).is_ok());
    }

    #[test]
    fn single_words_read_as_their_preferred_spelling() {
        let s = style(&[("Zelenskyy", &["Zelensky", "Zelenskiy"])]);
        assert_eq!(s.reading("Zelenskiy").as_deref(), Some("Zelenskyy"));
        assert_eq!(s.reading("Zelenskyy").as_deref(), Some("Zelenskyy"));
        assert_eq!(s.reading("Umerov"), None);
    }
}
