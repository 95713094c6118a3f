//! Normalising a role phrase ("the head of the Ukrainian president's
//! office", "former US President") into a comparable value.

use std::collections::BTreeSet;

use crate::lexicon::Lexicon;
use crate::text::{fold, lemma};

/// A role reduced to its head title, qualifiers and the modifiers that
/// change its meaning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleValue {
    /// The canonical head title ("chief executive", "governor"), or the
    /// relation ("son in law").
    pub head: String,
    /// Words that narrow the title ("army", "interior", "Kessler").
    pub qualifiers: BTreeSet<String>,
    /// The qualifiers that name a field of office ("interior", "army"):
    /// two different fields are two offices.
    pub domains: BTreeSet<String>,
    pub former: bool,
    pub deputy: bool,
    /// A family tie rather than an office.
    pub relation: bool,
    /// A word too vague to contradict anything ("official").
    pub vague: bool,
}

impl RoleValue {
    /// The value as shown in reports: "former president", "deputy chair".
    pub fn display(&self) -> String {
        let mut parts = Vec::new();
        if self.former {
            parts.push("former".to_string());
        }
        if self.deputy {
            parts.push("deputy".to_string());
        }
        parts.extend(self.qualifiers.iter().cloned());
        parts.push(self.head.clone());
        parts.join(" ")
    }

    /// Whether the two could contradict each other at all: offices against
    /// offices, never a family tie or a vague word.
    pub fn comparable(&self, other: &RoleValue) -> bool {
        !self.relation && !other.relation && !self.vague && !other.vague
    }

    /// Whether both can be said of one person at once without contradiction.
    pub fn compatible(&self, other: &RoleValue) -> bool {
        if self.relation || other.relation {
            return self.head == other.head;
        }
        // One title narrows the other ("presiding judge" / "judge"); an
        // organisation named on one side only changes nothing ("NYPD
        // Commissioner" / "Police Commissioner"), a different field does
        // ("Interior Minister" / "Housing Minister").
        let (a, b) = (self.all_words(), other.all_words());
        let heads_agree = self.head.split(' ').all(|w| b.contains(w))
            || other.head.split(' ').all(|w| a.contains(w));
        let fields_agree = self.domains.is_empty()
            || other.domains.is_empty()
            || !self.domains.is_disjoint(&other.domains);
        // A past office and a present one are a career, not a conflict
        // ("former director" / "vice president"); the same office said
        // "former" on one side only is.
        if self.former != other.former {
            return !(heads_agree && fields_agree);
        }
        self.deputy == other.deputy && heads_agree && fields_agree
    }

    fn all_words(&self) -> BTreeSet<&str> {
        self.head
            .split(' ')
            .chain(self.qualifiers.iter().map(String::as_str))
            .collect()
    }
}

/// Folded words of a role phrase, possessives split off, articles dropped;
/// the lexicon's title phrases are cut the same way so the two compare.
pub fn role_words(phrase: &str) -> Vec<String> {
    fold(phrase)
        .replace("'s", " 's")
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '(' | ')' | ',' | '/'))
        .filter(|w| !w.is_empty() && !matches!(*w, "the" | "a" | "an"))
        .map(str::to_string)
        .collect()
}

const JOINERS: &[&str] = &[
    "of", "at", "for", "and", "in", "'s", "on", "to", "with", "from",
];

/// Finds the longest phrase of `words` at `pos` accepted by `is_match`.
fn longest_at(words: &[String], pos: usize, max: usize, is_match: impl Fn(&str) -> bool) -> usize {
    (1..=max.min(words.len() - pos))
        .rev()
        .find(|&n| {
            let phrase = words[pos..pos + n].join(" ");
            is_match(&phrase) || (n == 1 && is_match(&lemma(&phrase)))
        })
        .unwrap_or(0)
}

/// Reduces a role phrase to its value; `None` when it holds no title.
pub fn normalize(phrase: &str, lex: &Lexicon) -> Option<RoleValue> {
    let mut words = role_words(phrase);
    // A relation anywhere makes the role a family tie.
    for pos in 0..words.len() {
        let n = longest_at(&words, pos, 4, |p| lex.is_relation(p));
        if n > 0 {
            return Some(RoleValue {
                head: words[pos..pos + n].join(" "),
                qualifiers: BTreeSet::new(),
                domains: BTreeSet::new(),
                former: words[..pos].iter().any(|w| lex.is_former(w)),
                deputy: false,
                relation: true,
                vague: false,
            });
        }
    }
    // "Kessler's chief executive": the possessor is not part of the title.
    if let Some(p) = words.iter().position(|w| w == "'s")
        && !words[..p].iter().any(|w| w == "of")
    {
        words.drain(..=p);
    }
    let mut former = false;
    let mut deputy = false;
    words.retain(|w| {
        if lex.is_former(w) || w == "ex" {
            former = true;
            false
        } else if lex.is_deputy(w) {
            deputy = true;
            false
        } else {
            !(lex.is_role_filler(w)
                || lex.demonym(w).is_some()
                || lex.known_place(w).is_some() && !lex.is_title(w))
        }
    });
    // Synonymous titles to one canonical phrase, longest phrase first.
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    'outer: while i < words.len() {
        for (phrase, canonical) in &lex.title_synonyms {
            // An empty phrase would match without moving on, for ever.
            if !phrase.is_empty() && words[i..].starts_with(phrase) {
                out.extend(canonical.iter().cloned());
                i += phrase.len();
                continue 'outer;
            }
        }
        out.push(words[i].clone());
        i += 1;
    }
    let words = out;
    // The head is the longest title phrase; the last one on a tie, as
    // English titles end in their head ("district fire chief").
    let mut head: Option<(usize, usize)> = None;
    for pos in 0..words.len() {
        let n = longest_at(&words, pos, lex.max_title_words, |p| lex.is_title(p));
        if n > 0 && head.is_none_or(|(_, hn)| n >= hn) {
            head = Some((pos, n));
        }
    }
    let (pos, n) = head?;
    let head_words: Vec<String> = words[pos..pos + n].iter().map(|w| lemma(w)).collect();
    let head = head_words.join(" ");
    let qualifiers: BTreeSet<String> = words[..pos]
        .iter()
        .chain(&words[pos + n..])
        .filter(|w| !JOINERS.contains(&w.as_str()) && !w.chars().all(|c| !c.is_alphanumeric()))
        .map(|w| lemma(w))
        .filter(|w| !head_words.contains(w))
        .collect();
    let domains = qualifiers
        .iter()
        .filter(|w| lex.is_title_domain(w))
        .cloned()
        .collect();
    Some(RoleValue {
        vague: lex.is_vague_role(&head),
        head,
        qualifiers,
        domains,
        former,
        deputy,
        relation: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::LexiconData;

    #[test]
    fn an_empty_synonym_matches_nothing_and_the_reading_moves_on() {
        // The loader refuses an empty phrase; a lexicon built without it
        // must still not loop on one.
        let data = LexiconData {
            titles: vec!["warden".into()],
            title_synonyms: vec![vec!["warden".into(), "".into()]],
            ..Default::default()
        };
        let lex = Lexicon::compile(&data).unwrap();
        let role = normalize("prison warden", &lex).expect("a title");
        assert_eq!(role.head, "warden");
    }
}
