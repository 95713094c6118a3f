//! Deciding whether two written names are one person: word by word, with
//! an edit distance, a phonetic key of the word, and the nickname lexicon.

use std::hash::Hasher;

use rphonetic::{DoubleMetaphone, Encoder};
use rustc_hash::FxHasher;
use serde::Deserialize;

use crate::lexicon::Lexicon;
use crate::text::{name_key, with_name_key};

/// Thresholds for name matching, from the `alignment:` section of the rules.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NameParams {
    /// Jaro-Winkler similarity two spellings of one name reach at least (0..1).
    pub variant_similarity: f64,
    /// Edits allowed between two spellings whose phonetic keys differ.
    pub max_edits: usize,
    /// Shorter words must sound alike: edits alone do not make a variant.
    pub min_edit_length: usize,
    /// Spelling variants allowed in one name before it is another person.
    pub max_variant_words: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum WordMatch {
    /// Same letters, ignoring case, diacritics, apostrophes and hyphens.
    Same,
    /// A short form of the other ("Dan" / "Daniel").
    Nickname,
    /// An initial of the other ("M." / "Maria").
    Initial,
    /// One spelled two ways ("Umarov" / "Umerov").
    Variant,
    Different,
}

/// The Double Metaphone key of a folded word. The algorithm is defined for
/// Latin letters only (its crate slices bytes and panics on others), so a
/// word in another script has none.
fn phonetic(key: &str) -> Option<String> {
    key.is_ascii()
        .then(|| DoubleMetaphone::default().encode(key))
}

pub fn match_words(a: &str, b: &str, lex: &Lexicon, p: &NameParams) -> WordMatch {
    with_name_key(a, |ka| {
        with_name_key(b, |kb| match_keys(a, b, ka, kb, lex, p))
    })
}

/// [`match_words`] given the words' name keys.
fn match_keys(a: &str, b: &str, ka: &str, kb: &str, lex: &Lexicon, p: &NameParams) -> WordMatch {
    if ka == kb {
        return WordMatch::Same;
    }
    if ka.is_empty() || kb.is_empty() {
        return WordMatch::Different;
    }
    let (short, long) = if ka.len() <= kb.len() {
        (ka, kb)
    } else {
        (kb, ka)
    };
    if short.chars().count() == 1 {
        return if long.starts_with(short) {
            WordMatch::Initial
        } else {
            WordMatch::Different
        };
    }
    if lex.are_nicknames(a, b)
        || (short.len() >= 3
            && long.starts_with(short)
            && lex.is_given_name(short)
            && lex.is_given_name(long))
    {
        return WordMatch::Nickname;
    }
    if jaro_winkler_bound(ka, kb) < p.variant_similarity
        || strsim::jaro_winkler(ka, kb) < p.variant_similarity
    {
        return WordMatch::Different;
    }
    let edits = strsim::levenshtein(ka, kb);
    let sound_alike = phonetic(ka).is_some_and(|k| Some(k) == phonetic(kb));
    if sound_alike || (edits <= p.max_edits && short.chars().count() >= p.min_edit_length) {
        WordMatch::Variant
    } else {
        WordMatch::Different
    }
}

/// An upper bound of the Jaro-Winkler similarity of two ASCII keys, from the
/// letters they share: most pairs of words compared share too few letters to
/// be variants, and this rules them out without the full computation.
/// Other keys get 1, which rules nothing out.
fn jaro_winkler_bound(a: &str, b: &str) -> f64 {
    if !a.is_ascii() || !b.is_ascii() || a.is_empty() || b.is_empty() {
        return 1.0;
    }
    let mut counts = [0i32; 128];
    for c in a.bytes() {
        counts[usize::from(c)] += 1;
    }
    let mut shared = 0;
    for c in b.bytes() {
        let n = &mut counts[usize::from(c)];
        if *n > 0 {
            *n -= 1;
            shared += 1;
        }
    }
    // Jaro counts matches (at most the shared letters) against both lengths;
    // Winkler's prefix bonus adds at most 0.4 of what Jaro leaves.
    let shared = f64::from(shared);
    let jaro = (shared / a.len() as f64 + shared / b.len() as f64 + 1.0) / 3.0;
    // A hair above, so rounding never rules out a pair at the threshold.
    0.6 * jaro + 0.4 + 1e-9
}

/// How the words of `a` pair with the words of `b` when both name one
/// person: `(index in a, index in b, match)`; `None` when they do not.
/// Word order does not matter ("Chen Xiaoyu" / "Xiaoyu Chen").
pub fn same_person(
    a: &[String],
    b: &[String],
    lex: &Lexicon,
    p: &NameParams,
) -> Option<Vec<(usize, usize, WordMatch)>> {
    if a.is_empty() || b.is_empty() {
        return None;
    }
    let swap = a.len() > b.len();
    let (short, long) = if swap { (b, a) } else { (a, b) };
    let mut used = vec![false; long.len()];
    let mut pairs = Vec::new();
    for (i, w) in short.iter().enumerate() {
        let best = long
            .iter()
            .enumerate()
            .filter(|(j, _)| !used[*j])
            .map(|(j, v)| (match_words(w, v, lex, p), j))
            .min()?;
        if best.0 == WordMatch::Different {
            return None;
        }
        used[best.1] = true;
        pairs.push(if swap {
            (best.1, i, best.0)
        } else {
            (i, best.1, best.0)
        });
    }
    // A lone word stands for a surname: it must match the other's surname
    // (last word, or first in East Asian order), not a given name.
    if short.len() == 1 {
        let j = if swap { pairs[0].0 } else { pairs[0].1 };
        let at_end = j + 1 == long.len() || j == 0 && !lex.is_given_name(&long[0]);
        if !at_end || matches!(pairs[0].2, WordMatch::Nickname | WordMatch::Initial) {
            return None;
        }
    }
    let variants = pairs.iter().filter(|x| x.2 == WordMatch::Variant).count();
    let anchored = pairs
        .iter()
        .any(|x| matches!(x.2, WordMatch::Same | WordMatch::Variant));
    (variants <= p.max_variant_words && anchored).then_some(pairs)
}

/// Where a name word is filed for the candidate search, and what it looks
/// up: it is filed under `both` and `filed`, and looks up `both` and
/// `probes`. Whenever [`match_words`] says two words are not `Different`,
/// a key one of them looks up is one the other is filed under: comparing
/// only words that meet on a key finds every match the comparison of all
/// pairs finds. Each rule of `match_words` has its key here, so the two
/// change together. Keys are hashes: two that collide only add a
/// comparison.
#[derive(Debug, Default)]
pub struct WordKeys {
    pub both: Vec<u64>,
    pub filed: Vec<u64>,
    pub probes: Vec<u64>,
}

impl WordKeys {
    fn both(&mut self, key: u64) {
        self.both.push(key);
    }
}

/// The key of `text` under a kind of match (`tag`).
fn key_of(tag: u8, text: impl IntoIterator<Item = char>) -> u64 {
    let mut h = FxHasher::default();
    h.write_u8(tag);
    for c in text {
        h.write_u32(u32::from(c));
    }
    h.finish()
}

pub fn word_keys(word: &str, lex: &Lexicon, p: &NameParams) -> WordKeys {
    let mut keys = variant_keys(word, p);
    let key = name_key(word);
    let Some(first) = key.chars().next() else {
        return keys;
    };
    // Initials: a one-letter word meets every word with its first letter.
    keys.filed.push(key_of(b'i', [first]));
    if key.chars().count() == 1 {
        keys.probes.push(key_of(b'i', [first]));
    }
    // Nicknames: the formal names both are short forms of.
    for formal in lex.nickname_formals(word) {
        keys.both(key_of(b'n', formal.chars()));
    }
    // Given names beginning longer given names ("Max" / "Maximilian").
    if lex.is_given_name(&key) {
        keys.probes.push(key_of(b'p', key.chars()));
        for (end, c) in key.char_indices() {
            let end = end + c.len_utf8();
            if end >= 3 {
                keys.filed.push(key_of(b'p', key[..end].chars()));
            }
        }
    }
    keys
}

/// The keys of [`word_keys`] for words [`match_words`] finds `Same`.
pub fn same_keys(word: &str) -> WordKeys {
    let mut keys = WordKeys::default();
    keys.both(key_of(b'k', name_key(word).chars()));
    keys
}

/// The keys of [`word_keys`] for words [`match_words`] finds `Same` or a
/// `Variant`.
pub fn variant_keys(word: &str, p: &NameParams) -> WordKeys {
    let mut keys = same_keys(word);
    let key = name_key(word);
    if key.is_empty() {
        return keys;
    }
    // Variants that sound alike.
    if let Some(sound) = phonetic(&key) {
        keys.both(key_of(b'm', sound.chars()));
    }
    // Variants within the edit budget share a word left after deleting up
    // to that many letters from each (symmetric deletion). One of the two
    // has at least `min_edit_length` letters, and the other, as few more
    // edits allow; only the first kind need be filed.
    let chars: Vec<char> = key.chars().collect();
    if chars.len() >= p.min_edit_length.saturating_sub(p.max_edits) {
        let mut deleted = Vec::new();
        let mut found = Vec::new();
        deletion_keys(&chars, p.max_edits, 0, &mut deleted, &mut found);
        found.sort_unstable();
        found.dedup();
        if chars.len() >= p.min_edit_length {
            keys.both.extend(found);
        } else {
            keys.probes.extend(found);
        }
    }
    keys
}

/// The keys of `chars` less `deleted`, and less up to `n` more characters
/// from `from` on.
fn deletion_keys(
    chars: &[char],
    n: usize,
    from: usize,
    deleted: &mut Vec<usize>,
    out: &mut Vec<u64>,
) {
    let left = (0..chars.len())
        .filter(|i| !deleted.contains(i))
        .map(|i| chars[i]);
    out.push(key_of(b'd', left));
    if deleted.len() == n {
        return;
    }
    for i in from..chars.len() {
        deleted.push(i);
        deletion_keys(chars, n, i + 1, deleted, out);
        deleted.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::LexiconData;

    #[test]
    fn jaro_winkler_bound_is_never_below_the_similarity() {
        let words = [
            "umarov",
            "umerov",
            "zelensky",
            "zelenskyy",
            "smith",
            "smyth",
            "johnson",
            "jonson",
            "abc",
            "cba",
            "aaaa",
            "ab",
            "martha",
            "marhta",
            "dwayne",
            "duane",
            "dixon",
            "dicksonx",
        ];
        for a in words {
            for b in words {
                let bound = jaro_winkler_bound(a, b);
                assert!(bound >= strsim::jaro_winkler(a, b), "{a} / {b}");
            }
        }
        assert!(jaro_winkler_bound("smith", "johnson") < 0.8);
    }

    fn lex() -> Lexicon {
        let mut d = LexiconData::default();
        d.nicknames.insert("Daniel".into(), vec!["Dan".into()]);
        d.given_names = [
            "Daniel",
            "Dan",
            "Ravi",
            "Piara",
            "Brian",
            "Bryant",
            "Max",
            "Maximilian",
        ]
        .map(String::from)
        .to_vec();
        Lexicon::compile(&d).unwrap()
    }

    fn params() -> NameParams {
        NameParams {
            variant_similarity: 0.8,
            max_edits: 2,
            min_edit_length: 5,
            max_variant_words: 2,
        }
    }

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    fn same(a: &str, b: &str) -> bool {
        same_person(&words(a), &words(b), &lex(), &params()).is_some()
    }

    #[test]
    fn transliterations_are_one_person() {
        assert!(same("Rustam Umarov", "Rustem Umerov"));
        assert!(same("Wittkopf", "Steve Witkoff"));
        assert!(same("Heydar Alishbandi", "Heidar Alishvandi"));
        assert!(same("Brian Dalton", "Bryant Dalton"));
    }

    #[test]
    fn nicknames_and_order_are_not_differences() {
        let l = lex();
        assert_eq!(
            match_words("Dan", "Daniel", &l, &params()),
            WordMatch::Nickname
        );
        assert_eq!(
            match_words("Max", "Maximilian", &l, &params()),
            WordMatch::Nickname
        );
        assert!(same("Xiaoyu Chen", "Chen Xiaoyu"));
    }

    #[test]
    fn names_in_other_scripts_compare_without_a_panic() {
        assert!(same("Рустем Умєров", "Рустем Умеров"));
        // A Cyrillic "е" inside a Latin name: a variant, not a panic.
        assert_eq!(
            match_words("Rust\u{435}m", "Rustem", &lex(), &params()),
            WordMatch::Variant
        );
    }

    #[test]
    fn words_that_match_meet_on_a_key() {
        let lex = crate::extract::testing::lex();
        let p = &lex.names;
        let mut words: Vec<String> = [
            "Rustam",
            "Rustem",
            "Umarov",
            "Umerov",
            "Witkoff",
            "Wittkopf",
            "Dan",
            "Daniel",
            "Max",
            "Maximilian",
            "M",
            "Zelensky",
            "Zelenskyy",
            "Heydar",
            "Heidar",
            "Alishvandi",
            "Alishbandi",
            "José",
            "Jose",
            "O’Neill",
            "ONeill",
            "Jae-won",
            "Jaewon",
            "Kasia",
            "Katarzyna",
            "Bob",
            "Robert",
            "Smith",
            "Smyth",
            "Łukasz",
            "Lukasz",
            "Chen",
            "Xiaoyu",
        ]
        .map(String::from)
        .to_vec();
        // Typos of every kind: a letter dropped, doubled or changed.
        for w in words.clone() {
            let c: Vec<char> = w.chars().collect();
            for i in 1..c.len() {
                let mut dropped = c.clone();
                dropped.remove(i);
                let mut doubled = c.clone();
                doubled.insert(i, c[i]);
                let mut changed = c.clone();
                changed[i] = if c[i] == 'a' { 'e' } else { 'a' };
                words.extend([dropped, doubled, changed].map(|v| v.into_iter().collect()));
            }
        }
        let keys: Vec<WordKeys> = words.iter().map(|w| word_keys(w, lex, p)).collect();
        let meet = |a: &WordKeys, b: &WordKeys| {
            let mut probes = a.probes.iter().chain(&a.both);
            probes.any(|k| b.filed.contains(k) || b.both.contains(k))
        };
        let mut matched = 0;
        for (i, a) in words.iter().enumerate() {
            for (j, b) in words.iter().enumerate() {
                if match_words(a, b, lex, p) != WordMatch::Different {
                    matched += 1;
                    assert!(
                        meet(&keys[i], &keys[j]) || meet(&keys[j], &keys[i]),
                        "{a} / {b}"
                    );
                }
            }
        }
        assert!(matched > words.len() * 3, "{matched}");
    }

    #[test]
    fn people_sharing_a_surname_stay_apart() {
        assert!(!same("Ravi Singh", "Piara Singh"));
        assert!(!same("Park Jae-won", "Park Dong-soo"));
        assert!(!same("John Smith", "Paul Smyth"));
        assert!(!same("Steve Witkoff", "Steve Wozniak"));
    }
}
