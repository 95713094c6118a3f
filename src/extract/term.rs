//! Proper names that are not people: towns, provinces, companies, ships.
//! Only their spelling is compared, so a name is one capitalised word, read
//! where a capital means a name: inside a sentence, outside headlines.

use super::{PersonMention, TermMention, span_of};
use crate::article::Article;
use crate::lexicon::Lexicon;
use rustc_hash::FxHashMap;

use crate::text::{Doc, TokenKind, fold, is_calendar_word};

/// Shorter names are too often distinct words one letter apart
/// ("Iran" / "Iraq").
const MIN_LETTERS: usize = 5;

pub fn extract(
    article: &Article,
    doc: &Doc,
    lex: &Lexicon,
    skip: &[bool],
    people: &[PersonMention],
) -> Vec<TermMention> {
    // The mentions by start, each with the furthest end of those up to it:
    // a word is in a mention if one starting before it ends after it. A
    // look-up, not a scan of every mention, which is quadratic on a long
    // article.
    let mut spans: Vec<(usize, usize)> =
        people.iter().map(|p| (p.span.start, p.span.end)).collect();
    spans.sort_unstable();
    let mut furthest = 0;
    for s in &mut spans {
        furthest = furthest.max(s.1);
        s.1 = furthest;
    }
    let in_person = |start: usize| {
        let before = spans.partition_point(|s| s.0 <= start);
        before > 0 && spans[before - 1].1 > start
    };
    let mut candidates = Vec::new();
    for (si, sentence) in doc.sentences.iter().enumerate() {
        if skip[si] {
            continue;
        }
        for i in sentence.start + 1..sentence.end {
            if !is_name_word(doc, lex, i) || in_person(doc.tokens[i].start) {
                continue;
            }
            // After a quotation mark or colon a capital starts a sentence.
            let prev = doc.tok(i - 1);
            if doc.tokens[i - 1].kind == TokenKind::Punct
                && matches!(prev, "\"" | "“" | "‘" | "'" | ":" | "(" | "-" | "—")
            {
                continue;
            }
            candidates.push(i);
        }
    }
    // A word the article also writes in lower case is a common word
    // capitalised for a name ("Investment Bank", "Senior Center").
    let mut common: FxHashMap<&str, bool> =
        candidates.iter().map(|&i| (doc.lemma(i), false)).collect();
    if !common.is_empty() {
        for i in 0..doc.tokens.len() {
            if doc.is_word(i)
                && doc.tok(i).starts_with(char::is_lowercase)
                && let Some(seen) = common.get_mut(doc.lemma(i))
            {
                *seen = true;
            }
        }
    }
    candidates
        .into_iter()
        .filter(|&i| !common[doc.lemma(i)])
        .map(|i| {
            let (span, text) = span_of(article, doc, i..i + 1);
            TermMention { span, text }
        })
        .collect()
}

/// A capitalised word of letters that is none of the vocabulary the
/// lexicons know: not a title, a month, an event word or a function word.
fn is_name_word(doc: &Doc, lex: &Lexicon, i: usize) -> bool {
    if !doc.is_word(i) || !doc.is_capitalized(i) {
        return false;
    }
    let w = doc.tok(i);
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    if letters < MIN_LETTERS
        || !w.chars().all(char::is_alphabetic)
        || !w.chars().skip(1).any(char::is_lowercase)
    {
        return false;
    }
    let f = fold(w);
    !(lex.is_function_word(&f)
        || is_calendar_word(&f)
        || lex.is_title(&f)
        || lex.is_title_domain(&f)
        || lex.is_org_word(&f)
        || lex.is_given_name(&f)
        || lex.event_class(&f).is_some()
        || lex.place_noun_class(&f).is_some())
}

#[cfg(test)]
mod tests {
    use crate::extract::testing::claims;

    fn terms(text: &str) -> Vec<String> {
        claims(text).terms.into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn names_inside_sentences_not_starts_or_people() {
        assert_eq!(
            terms("Rescuers reached the town of Kirovsk after Governor Anna Petrenko flew in."),
            ["Kirovsk"]
        );
        // A sentence start, a short word and a person are no terms.
        assert!(terms("Later the Lyon team met Jean Dupont.").is_empty());
    }

    #[test]
    fn headlines_and_quotes_say_nothing() {
        assert!(terms("Flooding Hits Northern Villages Again").is_empty());
        assert!(terms("He said: \"Nobody expected this.\"").is_empty());
    }
}
