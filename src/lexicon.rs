//! General vocabulary loaded from the YAML files in `rules/`: names,
//! nicknames, titles, places, events, units. The extractors and the aligner
//! read it; nothing here is specific to one story.

use std::collections::BTreeMap;

// Look-ups outnumber everything else the extractors do; the keys are the
// lexicon's own words, so a fast hash needs no protection against floods.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Deserialize;

use crate::gazetteer::{Gazetteer, PlaceRef};
use crate::name_lists;
use crate::names::NameParams;
use crate::text::{fold, is_calendar_word, with_fold};

/// The `lexicon:` section of a rules file, as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LexiconData {
    pub given_names: Vec<String>,
    pub nicknames: BTreeMap<String, Vec<String>>,
    pub places: Vec<PlaceDef>,
    pub titles: Vec<String>,
    pub title_synonyms: Vec<Vec<String>>,
    pub title_domains: Vec<String>,
    pub relations: Vec<String>,
    pub vague_roles: Vec<String>,
    pub role_modifiers: RoleModifiers,
    pub org_words: Vec<String>,
    pub function_words: Vec<String>,
    pub speech_verbs: Vec<String>,
    pub events: BTreeMap<String, Vec<String>>,
    pub place_nouns: BTreeMap<String, Vec<String>>,
    pub units: BTreeMap<String, UnitDef>,
    pub currencies: BTreeMap<String, Vec<String>>,
    pub noun_groups: BTreeMap<String, Vec<String>>,
    pub owned_counts: Vec<String>,
    pub collective_nouns: Vec<String>,
    pub reported_cues: Vec<String>,
    pub partial_cues: Vec<String>,
    pub secondary_place_cues: Vec<String>,
    /// Preferred spelling -> the variants a newsroom rejects; read by the
    /// rules, not by extraction.
    pub house_style: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RoleModifiers {
    pub former: Vec<String>,
    pub deputy: Vec<String>,
    pub ignore: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceDef {
    pub name: String,
    pub kind: PlaceKind,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub demonyms: Vec<String>,
    #[serde(default)]
    pub capital: Option<String>,
    #[serde(default, rename = "in")]
    pub within: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceKind {
    Country,
    Region,
    District,
    City,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitDef {
    /// What the unit measures; figures are compared only within one dimension.
    pub dimension: String,
    /// How many base units of the dimension one of this unit is.
    #[serde(default = "one")]
    pub factor: f64,
    #[serde(default)]
    pub aliases: Vec<String>,
}

fn one() -> f64 {
    1.0
}

impl LexiconData {
    /// Appends `other` to this lexicon: lists grow, map entries add up.
    pub fn merge(&mut self, other: LexiconData) {
        self.given_names.extend(other.given_names);
        for (k, v) in other.nicknames {
            self.nicknames.entry(k).or_default().extend(v);
        }
        self.places.extend(other.places);
        self.titles.extend(other.titles);
        self.title_synonyms.extend(other.title_synonyms);
        self.title_domains.extend(other.title_domains);
        self.relations.extend(other.relations);
        self.vague_roles.extend(other.vague_roles);
        self.role_modifiers
            .former
            .extend(other.role_modifiers.former);
        self.role_modifiers
            .deputy
            .extend(other.role_modifiers.deputy);
        self.role_modifiers
            .ignore
            .extend(other.role_modifiers.ignore);
        self.org_words.extend(other.org_words);
        self.function_words.extend(other.function_words);
        self.speech_verbs.extend(other.speech_verbs);
        for (k, v) in other.events {
            self.events.entry(k).or_default().extend(v);
        }
        for (k, v) in other.place_nouns {
            self.place_nouns.entry(k).or_default().extend(v);
        }
        self.units.extend(other.units);
        for (k, v) in other.currencies {
            self.currencies.entry(k).or_default().extend(v);
        }
        for (k, v) in other.noun_groups {
            self.noun_groups.entry(k).or_default().extend(v);
        }
        self.owned_counts.extend(other.owned_counts);
        self.collective_nouns.extend(other.collective_nouns);
        self.reported_cues.extend(other.reported_cues);
        self.partial_cues.extend(other.partial_cues);
        self.secondary_place_cues.extend(other.secondary_place_cues);
        for (k, v) in other.house_style {
            self.house_style.entry(k).or_default().extend(v);
        }
    }
}

/// The lexicon compiled into lookup tables. All keys are folded
/// (see [`fold`]).
#[derive(Debug, Default)]
pub struct Lexicon {
    /// Given names the rules files add to the name lists.
    given_names: HashSet<String>,
    /// Each name the rules files give to the formal names it is a short
    /// form of (and itself); added to the nickname list.
    nickname_of: HashMap<String, Vec<String>>,
    gazetteer: Gazetteer,
    titles: HashSet<String>,
    /// Longest title phrase in words, to bound phrase look-ups.
    pub max_title_words: usize,
    pub title_synonyms: Vec<(Vec<String>, Vec<String>)>,
    title_domains: HashSet<String>,
    relations: HashSet<String>,
    vague_roles: HashSet<String>,
    former: HashSet<String>,
    deputy: HashSet<String>,
    role_ignore: HashSet<String>,
    org_words: HashSet<String>,
    function_words: HashSet<String>,
    speech_verbs: HashSet<String>,
    event_class: HashMap<String, String>,
    /// First words of the event phrases of several words.
    event_phrase_starts: HashSet<String>,
    place_noun_class: HashMap<String, String>,
    units: HashMap<String, (String, f64)>,
    currencies: HashMap<String, String>,
    noun_group: HashMap<String, String>,
    /// Lemmas of counted nouns that belong to a player, a game or a product.
    owned_counts: HashSet<String>,
    /// Nouns counted in the singular ("20 police").
    collective_nouns: HashSet<String>,
    reported_cues: HashSet<String>,
    partial_cues: HashSet<String>,
    secondary_place_cues: HashSet<String>,
    /// Thresholds for deciding that two names are one person.
    pub names: NameParams,
}

/// A place entry that contradicts the gazetteer: `place` indexes
/// [`LexiconData::places`], `key` is the field at fault.
#[derive(Debug)]
pub struct LexiconError {
    pub place: usize,
    pub key: &'static str,
    pub message: String,
}

fn folded_set(words: &[String]) -> HashSet<String> {
    words.iter().map(|w| fold(w)).collect()
}

impl Lexicon {
    pub fn compile(data: &LexiconData) -> Result<Self, LexiconError> {
        let mut lex = Lexicon {
            given_names: folded_set(&data.given_names),
            titles: data.titles.iter().map(|t| words_of(t).join(" ")).collect(),
            title_domains: folded_set(&data.title_domains),
            relations: data
                .relations
                .iter()
                .map(|t| words_of(t).join(" "))
                .collect(),
            vague_roles: folded_set(&data.vague_roles),
            former: folded_set(&data.role_modifiers.former),
            deputy: folded_set(&data.role_modifiers.deputy),
            role_ignore: folded_set(&data.role_modifiers.ignore),
            org_words: folded_set(&data.org_words),
            function_words: folded_set(&data.function_words),
            speech_verbs: folded_set(&data.speech_verbs),
            owned_counts: data
                .owned_counts
                .iter()
                .map(|n| crate::text::lemma(n))
                .collect(),
            collective_nouns: folded_set(&data.collective_nouns),
            reported_cues: folded_set(&data.reported_cues),
            partial_cues: folded_set(&data.partial_cues),
            secondary_place_cues: folded_set(&data.secondary_place_cues),
            ..Default::default()
        };
        lex.max_title_words = data
            .titles
            .iter()
            .chain(data.relations.iter())
            .map(|t| t.split_whitespace().count())
            .max()
            .unwrap_or(1);
        for (formal, shorts) in &data.nicknames {
            let f = fold(formal);
            lex.nickname_of
                .entry(f.clone())
                .or_default()
                .push(f.clone());
            for s in shorts {
                lex.nickname_of.entry(fold(s)).or_default().push(f.clone());
            }
        }
        for group in &data.title_synonyms {
            let Some(first) = group.first() else { continue };
            let canonical = words_of(first);
            for phrase in group {
                lex.title_synonyms
                    .push((words_of(phrase), canonical.clone()));
            }
        }
        // Longest phrases first, so "chief executive officer" wins over "chief executive".
        lex.title_synonyms
            .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        lex.gazetteer = Gazetteer::with_places(&data.places)?;
        for (class, triggers) in &data.events {
            for t in triggers {
                let t = fold(t);
                if let Some((first, _)) = t.split_once(' ') {
                    lex.event_phrase_starts.insert(first.to_string());
                }
                lex.event_class.insert(t, class.clone());
            }
        }
        for (class, nouns) in &data.place_nouns {
            for n in nouns {
                lex.place_noun_class.insert(fold(n), class.clone());
            }
        }
        for (name, unit) in &data.units {
            for a in std::iter::once(name).chain(&unit.aliases) {
                lex.units
                    .insert(fold(a), (unit.dimension.clone(), unit.factor));
            }
        }
        for (code, aliases) in &data.currencies {
            lex.currencies.insert(fold(code), code.clone());
            for a in aliases {
                lex.currencies.insert(fold(a), code.clone());
            }
        }
        for (group, nouns) in &data.noun_groups {
            for n in nouns {
                lex.noun_group.insert(crate::text::lemma(n), group.clone());
            }
        }
        Ok(lex)
    }

    /// Whether a word is a given name: one the rules files add, or one of
    /// the name lists that is not also a month or a weekday, a title or a
    /// country ("May", "King", "Jordan").
    pub fn is_given_name(&self, w: &str) -> bool {
        with_fold(w, |f| {
            self.given_names.contains(f)
                || (name_lists::is_given_name(f)
                    && !is_calendar_word(f)
                    && !self.titles.contains(f)
                    && !self.gazetteer.names_country(f))
        })
    }

    /// Whether a word is a common English word ("bath", "split").
    pub fn is_common_word(&self, w: &str) -> bool {
        with_fold(w, name_lists::is_common_word)
    }

    /// True when one name is a short form of the other, or both are short
    /// forms of one formal name ("Dan" / "Daniel", "Kasia" / "Katarzyna").
    pub fn are_nicknames(&self, a: &str, b: &str) -> bool {
        let fb = self.nickname_formals(b);
        !fb.is_empty() && self.nickname_formals(a).iter().any(|f| fb.contains(f))
    }

    /// The formal names `w` is a short form of (and itself, if formal),
    /// folded: two words are nicknames of each other when these lists meet.
    pub fn nickname_formals(&self, w: &str) -> Vec<&str> {
        with_fold(w, |f| {
            let mut out: Vec<&str> = name_lists::nickname_formals(f).collect();
            if let Some(user) = self.nickname_of.get(f) {
                out.extend(user.iter().map(String::as_str));
            }
            out
        })
    }

    /// The places a name may name.
    pub fn place(&self, name: &str) -> Option<PlaceRef> {
        self.gazetteer.place(name)
    }

    /// The places a name names when it alone reads as a place (see
    /// [`Gazetteer::known_place`]): "Portugal", "Porto", not "Bath".
    pub fn known_place(&self, name: &str) -> Option<PlaceRef> {
        if is_acronym(name) {
            return self.acronym_place(name);
        }
        self.gazetteer.known_place(name)
    }

    /// A word in capitals is a place where a rules file says so ("UAE") or
    /// where it names a widely known place ("ROME" in a dateline), not
    /// where GeoNames gives a village the name of an acronym ("PAME").
    fn acronym_place(&self, name: &str) -> Option<PlaceRef> {
        self.gazetteer
            .declared_place(name)
            .or_else(|| self.gazetteer.notable_place(name))
    }

    /// The places a name names when the place it names first is widely
    /// known, whatever else the name is ("Lyon", a surname too).
    pub fn notable_place(&self, name: &str) -> Option<PlaceRef> {
        self.gazetteer.notable_place(name)
    }

    /// The places a name written in running text may name: any, but an
    /// acronym only as [`Lexicon::known_place`] takes one ("UAE", not "PAME").
    pub fn place_in_text(&self, name: &str) -> Option<PlaceRef> {
        if is_acronym(name) {
            return self.acronym_place(name);
        }
        self.place(name)
    }

    /// The kind of the place a name names first.
    pub fn place_kind(&self, place: PlaceRef) -> PlaceKind {
        self.gazetteer.kind(place)
    }

    /// The country the place a name names first lies in.
    pub fn place_country(&self, place: PlaceRef) -> PlaceRef {
        self.gazetteer.country(place)
    }

    /// The name a place is reported by.
    pub fn place_name(&self, place: PlaceRef) -> &str {
        self.gazetteer.name(place)
    }

    /// The name a place written `written` is reported by (see
    /// [`Gazetteer::name_as_written`]).
    pub fn place_name_as<'a>(&'a self, place: PlaceRef, written: &'a str) -> &'a str {
        self.gazetteer.name_as_written(place, written)
    }

    pub fn demonym(&self, word: &str) -> Option<PlaceRef> {
        self.gazetteer.demonym(word)
    }

    pub fn capital(&self, place: PlaceRef) -> Option<PlaceRef> {
        self.gazetteer.capital(place)
    }

    /// Whether some place of `inner` is some place of `outer` or lies in it.
    pub fn place_within(&self, inner: PlaceRef, outer: PlaceRef) -> bool {
        self.gazetteer.within(inner, outer)
    }

    /// Whether two names name one place, and whether it is known widely
    /// enough for both to be right (see [`Gazetteer::one_place`]).
    pub fn one_place(&self, a: &str, b: &str) -> Option<bool> {
        let (x, y) = (self.place(a)?, self.place(b)?);
        self.gazetteer.one_place(x, y)
    }

    /// Up to `n` places near the one `place` names first, of its kind and
    /// region, nearest first.
    pub fn places_near(&self, place: PlaceRef, n: usize) -> Vec<PlaceRef> {
        self.gazetteer.places_near(place, n)
    }

    pub fn is_title(&self, folded_phrase: &str) -> bool {
        self.titles.contains(folded_phrase)
    }
    pub fn is_title_domain(&self, w: &str) -> bool {
        with_fold(w, |f| self.title_domains.contains(f))
    }
    pub fn is_relation(&self, folded_phrase: &str) -> bool {
        self.relations.contains(folded_phrase)
    }
    pub fn is_vague_role(&self, w: &str) -> bool {
        with_fold(w, |f| self.vague_roles.contains(f))
    }
    pub fn is_former(&self, w: &str) -> bool {
        with_fold(w, |f| self.former.contains(f))
    }
    pub fn is_deputy(&self, w: &str) -> bool {
        with_fold(w, |f| self.deputy.contains(f))
    }
    pub fn is_role_filler(&self, w: &str) -> bool {
        with_fold(w, |f| self.role_ignore.contains(f))
    }
    pub fn is_org_word(&self, w: &str) -> bool {
        with_fold(w, |f| self.org_words.contains(f))
    }
    pub fn is_function_word(&self, w: &str) -> bool {
        with_fold(w, |f| self.function_words.contains(f))
    }
    pub fn is_speech_verb(&self, w: &str) -> bool {
        with_fold(w, |f| self.speech_verbs.contains(f))
    }
    pub fn is_reported_cue(&self, w: &str) -> bool {
        with_fold(w, |f| self.reported_cues.contains(f))
    }
    pub fn is_partial_cue(&self, w: &str) -> bool {
        with_fold(w, |f| self.partial_cues.contains(f))
    }
    pub fn is_secondary_place_cue(&self, w: &str) -> bool {
        with_fold(w, |f| self.secondary_place_cues.contains(f))
    }
    pub fn event_class(&self, w: &str) -> Option<&str> {
        with_fold(w, |f| self.event_class.get(f)).map(String::as_str)
    }
    /// Whether an event phrase of several words starts with `w`.
    pub fn starts_event_phrase(&self, w: &str) -> bool {
        with_fold(w, |f| self.event_phrase_starts.contains(f))
    }
    /// The class of a word that locates a thing only right after a place:
    /// "Lisbon club", "Porto-based".
    pub fn place_noun_class(&self, w: &str) -> Option<&str> {
        with_fold(w, |f| self.place_noun_class.get(f)).map(String::as_str)
    }
    /// A unit's dimension and factor to the dimension's base unit.
    pub fn unit(&self, w: &str) -> Option<(&str, f64)> {
        with_fold(w, |f| self.units.get(f)).map(|(d, f)| (d.as_str(), *f))
    }
    pub fn currency(&self, w: &str) -> Option<&str> {
        with_fold(w, |f| self.currencies.get(f)).map(String::as_str)
    }
    /// Whether a counted noun (a lemma) tallies one player's, game's or
    /// product's record ("points", "touchdowns", "GB"), so that counts of it
    /// compare only when they name the same owner.
    pub fn is_owned_count(&self, lemma: &str) -> bool {
        self.owned_counts.contains(lemma)
    }
    pub fn is_collective_noun(&self, w: &str) -> bool {
        self.collective_nouns.contains(w)
    }
    /// The group of a counted noun ("families" -> "people"), by lemma.
    pub fn noun_group(&self, lemma: &str) -> Option<&str> {
        self.noun_group.get(lemma).map(String::as_str)
    }
}

/// A word in capitals, as acronyms are written: "UAE", "NATO".
fn is_acronym(name: &str) -> bool {
    name.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !name.contains(' ')
        && name.chars().all(|c| c.is_uppercase() || c == '.')
}

pub(crate) fn words_of(phrase: &str) -> Vec<String> {
    fold(phrase)
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon(yaml: &str) -> Lexicon {
        let data: LexiconData = serde_yaml::from_str(yaml).unwrap();
        Lexicon::compile(&data).unwrap()
    }

    #[test]
    fn given_names_come_from_the_lists_and_the_rules_files() {
        let lex = lexicon("titles: [king]");
        assert!(lex.is_given_name("Margarethe") && lex.is_given_name("Oksana"));
        // Months, titles and countries are not given names here.
        for w in ["May", "King", "Jordan", "Qwyneth"] {
            assert!(!lex.is_given_name(w), "{w}");
        }
        let lex = lexicon("given_names: [Qwyneth]");
        assert!(lex.is_given_name("QWYNETH") && lex.is_given_name("Margarethe"));
    }

    #[test]
    fn nicknames_come_from_the_lists_and_the_rules_files() {
        let lex = lexicon("nicknames:\n  Qwyneth: [Qwyn]");
        assert!(lex.are_nicknames("Bob", "Robert"));
        assert!(lex.are_nicknames("Gianni", "Giovanni"));
        assert!(lex.are_nicknames("Qwyn", "Qwyneth"));
        // Spelling variants are no nicknames: the checker reports them.
        assert!(!lex.are_nicknames("Brian", "Bryant"));
        assert!(!lex.are_nicknames("Qwyn", "Robert"));
    }

    #[test]
    fn places_added_in_a_rules_file_join_the_gazetteer() {
        let lex = lexicon(
            "places:\n  - {name: Qarnbury, kind: district, in: Normandy, aliases: [Qarn]}\n",
        );
        let qarn = lex.place("Qarn").unwrap();
        assert_eq!(lex.place_name(qarn), "Qarnbury");
        assert!(lex.place_within(qarn, lex.place("France").unwrap()));
        assert!(lex.is_common_word("split") && !lex.is_common_word("qarn"));
    }
}
