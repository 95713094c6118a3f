//! Deciding whether two written names are one person: word by word, with
//! an edit distance, a phonetic key of the word, and the nickname lexicon.

use rphonetic::{DoubleMetaphone, Encoder};
use serde::Deserialize;

use crate::lexicon::Lexicon;
use crate::text::name_key;

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

fn phonetic(word: &str) -> String {
    DoubleMetaphone::default().encode(word)
}

pub fn match_words(a: &str, b: &str, lex: &Lexicon, p: &NameParams) -> WordMatch {
    let (ka, kb) = (name_key(a), name_key(b));
    if ka == kb {
        return WordMatch::Same;
    }
    if ka.is_empty() || kb.is_empty() {
        return WordMatch::Different;
    }
    let (short, long) = if ka.len() <= kb.len() {
        (&ka, &kb)
    } else {
        (&kb, &ka)
    };
    if short.chars().count() == 1 {
        return if long.starts_with(short.as_str()) {
            WordMatch::Initial
        } else {
            WordMatch::Different
        };
    }
    if lex.are_nicknames(a, b)
        || (short.len() >= 3
            && long.starts_with(short.as_str())
            && lex.is_given_name(short)
            && lex.is_given_name(long))
    {
        return WordMatch::Nickname;
    }
    let similarity = strsim::jaro_winkler(&ka, &kb);
    if similarity < p.variant_similarity {
        return WordMatch::Different;
    }
    let edits = strsim::levenshtein(&ka, &kb);
    let sound_alike = phonetic(&ka) == phonetic(&kb);
    if sound_alike || (edits <= p.max_edits && short.chars().count() >= p.min_edit_length) {
        WordMatch::Variant
    } else {
        WordMatch::Different
    }
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
/// up. Whenever [`match_words`] says two words are not `Different`, a key
/// one of them `probes` is one the other is `filed` under: comparing only
/// words that meet on a key finds every match the comparison of all pairs
/// finds. Each rule of `match_words` has its key here, so the two change
/// together.
#[derive(Debug, Default)]
pub struct WordKeys {
    pub filed: Vec<String>,
    pub probes: Vec<String>,
}

impl WordKeys {
    fn both(&mut self, key: String) {
        self.filed.push(key.clone());
        self.probes.push(key);
    }
}

pub fn word_keys(word: &str, lex: &Lexicon, p: &NameParams) -> WordKeys {
    let key = name_key(word);
    let mut keys = WordKeys::default();
    // Same letters.
    keys.both(format!("k:{key}"));
    let Some(first) = key.chars().next() else {
        return keys;
    };
    // Initials: a one-letter word meets every word with its first letter.
    keys.filed.push(format!("i:{first}"));
    if key.chars().count() == 1 {
        keys.probes.push(format!("i:{first}"));
    }
    // Nicknames: the formal names both are short forms of.
    for formal in lex.nickname_formals(word) {
        keys.both(format!("n:{formal}"));
    }
    // Given names beginning longer given names ("Max" / "Maximilian").
    if lex.is_given_name(&key) {
        keys.probes.push(format!("p:{key}"));
        for (end, c) in key.char_indices() {
            let end = end + c.len_utf8();
            if end >= 3 {
                keys.filed.push(format!("p:{}", &key[..end]));
            }
        }
    }
    // Variants that sound alike.
    keys.both(format!("m:{}", phonetic(&key)));
    // Variants within the edit budget share a word left after deleting up
    // to that many letters from each (symmetric deletion).
    if key.chars().count() >= p.min_edit_length.saturating_sub(p.max_edits) {
        for d in deletions(&key, p.max_edits) {
            keys.both(format!("d:{d}"));
        }
    }
    keys
}

/// Every string left after deleting up to `n` characters of `s`, once each.
fn deletions(s: &str, n: usize) -> Vec<String> {
    let mut out = vec![s.to_string()];
    let mut level = vec![s.chars().collect::<Vec<char>>()];
    for _ in 0..n {
        let mut next = Vec::new();
        for w in &level {
            for i in 0..w.len() {
                let mut d = w.clone();
                d.remove(i);
                next.push(d);
            }
        }
        next.sort_unstable();
        next.dedup();
        out.extend(next.iter().map(|d| d.iter().collect::<String>()));
        level = next;
    }
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::LexiconData;

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
        let meet = |a: &WordKeys, b: &WordKeys| a.probes.iter().any(|k| b.filed.contains(k));
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
