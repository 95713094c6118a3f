//! Given names, surnames, nicknames and common English words from field
//! datasets (`data/names/`, `data/words/`), compiled by `build.rs`.

use crate::table::{Index, Map, Records, embedded, open_fst};

static NAMES: Map = Map::new(|| open_fst(embedded!("names.fst")));
static WORDS: Map = Map::new(|| open_fst(embedded!("words.fst")));
static NICKNAMES: Index = Index {
    map: Map::new(|| open_fst(embedded!("nicknames.names.fst"))),
    sets: Records::new(embedded!("nicknames.names.sets")),
};
static NICKNAME_ROWS: Records = Records::new(embedded!("nicknames.rows"));

/// What the name lists say of one folded name.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NameInfo {
    /// Rank among the 1990 US census given names, 1 the commonest; 0 when
    /// not among them.
    pub census_given: u32,
    /// The share of people the census found with it as a given name and as
    /// a surname, in thousandths of a percent.
    pub given_share: u32,
    pub surname_share: u32,
    /// nam_dict's frequency of the given name in the country where it is
    /// commonest, 1 (rare) to 13; 0 when nam_dict lacks it.
    pub frequency: u32,
    /// In how many of nam_dict's 55 countries the given name is used.
    pub countries: u32,
    /// Whether the name is also a common English word ("Grace", "Will").
    pub common_word: bool,
}

/// The lists' entry for a folded name (build.rs packs the bits).
pub fn name_info(folded: &str) -> Option<NameInfo> {
    let v = NAMES.get(folded)?;
    let field = |shift: u32, bits: u32| ((v >> shift) & ((1 << bits) - 1)) as u32;
    Some(NameInfo {
        census_given: field(0, 13),
        given_share: field(13, 13),
        surname_share: field(26, 13),
        frequency: field(39, 4),
        countries: field(43, 6),
        common_word: field(49, 1) == 1,
    })
}

/// Given names that are everyday words ("Mark", "Grace") count as given
/// names only among the commonest of the census.
const COMMON_WORD_RANK: u32 = 500;
/// A name only nam_dict knows must be used at least this much somewhere
/// (1 rare to 13 extremely common)...
const MIN_FREQUENCY: u32 = 2;
/// ... and be no shorter: two-letter entries ("Le", "Li") are mostly
/// surnames in news copy.
const MIN_LENGTH: usize = 3;
/// A name this common somewhere in nam_dict's world is a given name even
/// where the census finds it more as a surname ("Ali").
const WORLD_COMMON: u32 = 8;

/// Whether the lists make a folded word a given name: a census given name
/// (one that is an everyday word only when common), or a name nam_dict
/// knows that is no everyday word; either way not a name the census finds
/// more often as a surname ("Wilson", "Bryant"), unless it is common as a
/// given name somewhere in the world.
pub fn is_given_name(folded: &str) -> bool {
    name_info(folded).is_some_and(|i| {
        let census = i.census_given > 0 && (!i.common_word || i.census_given <= COMMON_WORD_RANK);
        let world =
            i.frequency >= MIN_FREQUENCY && !i.common_word && folded.chars().count() >= MIN_LENGTH;
        let surname_first = i.surname_share > i.given_share && i.frequency < WORLD_COMMON;
        (census || world) && !surname_first
    })
}

/// Whether a folded word is a common English word.
pub fn is_common_word(folded: &str) -> bool {
    WORDS.get(folded).is_some()
}

/// The formal names a folded name is a nickname of, and the name itself
/// if it is a formal name with nicknames, as written in the list.
pub fn nickname_formals(folded: &str) -> impl Iterator<Item = &'static str> {
    NICKNAMES
        .get(folded)
        .into_iter()
        .flat_map(|(_, set)| NICKNAMES.sets.set(set as usize))
        .map(|row| NICKNAME_ROWS.row(row as usize).field(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn census_and_world_given_names() {
        assert!(is_given_name("mary"));
        assert!(is_given_name("wojciech"));
        assert!(is_given_name("aino"));
        // "Mark" is a word and a common name; "Will" is a word first.
        assert!(is_given_name("mark"));
        assert!(!is_given_name("will"));
        assert!(!is_given_name("table"));
        let smith = name_info("smith").unwrap();
        assert!(smith.surname_share > 1000 && smith.given_share == 0);
        assert!(!is_given_name("smith"));
        // More often a surname than a given name in the census.
        assert!(!is_given_name("wilson"));
        assert!(is_given_name("james"));
    }

    #[test]
    fn folded_forms_meet() {
        // nam_dict writes "José", the census "Jose": one folded entry.
        let jose = name_info("jose").unwrap();
        assert!(jose.census_given > 0 && jose.frequency > 0);
    }

    #[test]
    fn nicknames_lead_to_formal_names() {
        let formals: Vec<_> = nickname_formals("bob").collect();
        assert!(formals.contains(&"robert"), "{formals:?}");
        assert!(nickname_formals("robert").any(|f| f == "robert"));
        assert_eq!(nickname_formals("xqzv").count(), 0);
    }

    #[test]
    fn common_words() {
        assert!(is_common_word("bath"));
        assert!(!is_common_word("bath's"));
        assert!(!is_common_word("zzyzx"));
    }
}
