//! The gazetteer: countries, regions, districts and cities from GeoNames
//! (`data/gazetteer/`, compiled by `build.rs`), with the places a rules
//! file adds.
//!
//! A name may name several places ("Springfield", "Victoria"): a
//! [`PlaceRef`] stands for all the places of one name, the one the name
//! names first (its own name before an alternate one, a district after the
//! city it is named after, then the most populous) leading. Containment asks whether some place of one name lies
//! in some place of the other.

use std::cmp::Ordering;

use rustc_hash::FxHashMap as HashMap;

use crate::lexicon::{LexiconError, PlaceDef, PlaceKind};
use crate::table::{Index, Map, Records, Row, embedded, open_fst};

static ROWS: Records = Records::new(embedded!("places.rows"));
static NAMES: Index = Index {
    map: Map::new(|| open_fst(embedded!("places.names.fst"))),
    sets: Records::new(embedded!("places.names.sets")),
};
static DEMONYMS: Index = Index {
    map: Map::new(|| open_fst(embedded!("places.demonyms.fst"))),
    sets: Records::new(embedded!("places.demonyms.sets")),
};

// The columns of a row, as build.rs keeps them.
const KIND: usize = 0;
const NAME: usize = 1;
const COUNTRY: usize = 2;
const REGION: usize = 3;
const DISTRICT: usize = 4;
const POPULATION: usize = 5;
const LAT: usize = 6;
const LON: usize = 7;
const CAPITAL: usize = 8;

// The flags of a name, as build.rs sets them.
const COMMON_WORD: u32 = 1;
const GIVEN_NAME: u32 = 2;
const SURNAME: u32 = 4;
const COUNTRY_NAME: u32 = 8;

/// A town this size is known beyond its region, so its name alone reads
/// as the place.
const TOWN: u64 = 15_000;
/// A city this size has names in other languages ("Munich", "München").
const EXONYM_CITY: u64 = 100_000;
/// A city this size is the place even where its name is a person's
/// ("Houston") or a word ("Phoenix").
const METROPOLIS: u64 = 1_000_000;

/// A place as a name names it: all the places of one name, or one place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PlaceRef {
    /// A set of the names index.
    Name(u32),
    /// A set of the demonyms index ("Portuguese").
    Demonym(u32),
    /// A set of a name that places of the rules files add to.
    Added(u32),
    /// One place: a row of the gazetteer, or past its rows an added place.
    One(u32),
}

/// A place a rules file adds.
#[derive(Debug, Clone)]
struct AddedPlace {
    name: String,
    kind: PlaceKind,
    /// The place it lies in, as a place number.
    within: Option<u32>,
}

/// The gazetteer with the places of the rules files.
#[derive(Debug, Default)]
pub struct Gazetteer {
    added: Vec<AddedPlace>,
    /// Names the rules files give: folded name -> set of place numbers, the
    /// places they name it for first; a built-in name keeps its places.
    added_names: HashMap<String, u32>,
    added_sets: Vec<Vec<u32>>,
    /// How many places at the head of each added set the rules files name
    /// there: a name a rules file gives names its place first.
    added_declared: Vec<usize>,
    added_demonyms: HashMap<String, u32>,
    /// Capitals the rules files give, by place number.
    added_capitals: HashMap<u32, u32>,
}

fn builtin_rows() -> u32 {
    ROWS.len() as u32
}

fn row(place: u32) -> Option<Row> {
    (place < builtin_rows()).then(|| ROWS.row(place as usize))
}

fn kind_of(row: Row) -> PlaceKind {
    match row.field(KIND) {
        "country" => PlaceKind::Country,
        "region" => PlaceKind::Region,
        "district" => PlaceKind::District,
        _ => PlaceKind::City,
    }
}

/// Calls `f` with the [`key`] of `name`, without allocating for a plain
/// word: places are looked up for most capitalised words read.
fn with_key<T>(name: &str, f: impl FnOnce(&str) -> T) -> T {
    if name.contains(char::is_whitespace) {
        f(&key(name))
    } else {
        crate::text::with_fold(name, f)
    }
}

/// The form a name is looked up in: folded, words separated by one space.
fn key(name: &str) -> String {
    let folded = crate::text::fold(name);
    if folded.contains(|c: char| c.is_whitespace() && c != ' ') || folded.contains("  ") {
        folded.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        folded
    }
}

impl Gazetteer {
    /// The gazetteer with the places of `defs` added: a place whose name,
    /// kind and `in` match a built-in place extends it (aliases, demonyms,
    /// capital); any other is a new place.
    pub fn with_places(defs: &[PlaceDef]) -> Result<Self, LexiconError> {
        let mut g = Gazetteer::default();
        let mut numbers = Vec::with_capacity(defs.len());
        // Names only the rules files give, to catch one naming two places.
        let mut own_names: HashMap<String, usize> = HashMap::default();
        for (i, def) in defs.iter().enumerate() {
            let number = match g.builtin_match(def) {
                Some(n) => n,
                None => {
                    g.added.push(AddedPlace {
                        name: def.name.clone(),
                        kind: def.kind,
                        within: None,
                    });
                    builtin_rows() + g.added.len() as u32 - 1
                }
            };
            numbers.push(number);
            for (field, n) in std::iter::once(("name", &def.name))
                .chain(def.aliases.iter().map(|a| ("aliases", a)))
            {
                let k = key(n);
                if let Some(&prev) = own_names.get(&k)
                    && numbers[prev] != number
                {
                    return Err(LexiconError {
                        place: i,
                        key: field,
                        message: format!(
                            "place name {n:?} names both {:?} and {:?}",
                            defs[prev].name, def.name
                        ),
                    });
                }
                own_names.insert(k.clone(), i);
                g.declare(&k, number, false);
            }
            for d in &def.demonyms {
                g.declare(&key(d), number, true);
            }
        }
        for (i, def) in defs.iter().enumerate() {
            let number = numbers[i];
            if let Some(w) = &def.within {
                let outer = g.place(w).ok_or_else(|| LexiconError {
                    place: i,
                    key: "in",
                    message: format!("place {:?} lies in unknown place {w:?}", def.name),
                })?;
                if let Some(added) = number.checked_sub(builtin_rows()) {
                    g.added[added as usize].within = Some(g.first(outer));
                }
            }
            if let Some(c) = &def.capital {
                let capital = g.place(c).ok_or_else(|| LexiconError {
                    place: i,
                    key: "capital",
                    message: format!("place {:?} has unknown capital {c:?}", def.name),
                })?;
                g.added_capitals.insert(number, g.first(capital));
            }
        }
        Ok(g)
    }

    /// The built-in place a definition extends: one of its name and kind,
    /// in the place it names with `in` (when that is known), the most
    /// populous first.
    fn builtin_match(&self, def: &PlaceDef) -> Option<u32> {
        let (_, set) = NAMES.get(&key(&def.name))?;
        let outer = def.within.as_deref().and_then(|w| self.place(w));
        NAMES.sets.set(set as usize).find(|&p| {
            let r = ROWS.row(p as usize);
            kind_of(r) == def.kind
                && key(r.field(NAME)) == key(&def.name)
                && outer.is_none_or(|o| self.candidates(o).any(|q| self.one_within(p, q)))
        })
    }

    /// The added set of folded name `k` (of demonyms with `demonym`),
    /// made on first use with the built-in places of the name.
    fn added_set_for(&mut self, k: &str, demonym: bool) -> u32 {
        let (index, builtin) = if demonym {
            (&mut self.added_demonyms, &DEMONYMS)
        } else {
            (&mut self.added_names, &NAMES)
        };
        if let Some(&s) = index.get(k) {
            return s;
        }
        let members = builtin
            .get(k)
            .map(|(_, set)| builtin.sets.set(set as usize).collect())
            .unwrap_or_default();
        self.added_sets.push(members);
        self.added_declared.push(0);
        let s = self.added_sets.len() as u32 - 1;
        index.insert(k.to_string(), s);
        s
    }

    /// Makes folded name `k` (a demonym with `demonym`) name place
    /// `number` first, after the places the rules files named by it before.
    fn declare(&mut self, k: &str, number: u32, demonym: bool) {
        let set = self.added_set_for(k, demonym) as usize;
        let declared = self.added_declared[set];
        let members = &mut self.added_sets[set];
        if members[..declared].contains(&number) {
            return;
        }
        members.retain(|&m| m != number);
        members.insert(declared, number);
        self.added_declared[set] += 1;
    }

    /// The places a name may name.
    pub fn place(&self, name: &str) -> Option<PlaceRef> {
        with_key(name, |k| {
            if let Some(&s) = self.added_names.get(k) {
                return Some(PlaceRef::Added(s));
            }
            NAMES.get(k).map(|(_, s)| PlaceRef::Name(s))
        })
    }

    /// The places a name may name, when the name alone reads as a place:
    /// a country; a region whose name is no everyday word; a town of
    /// [`TOWN`] people whose name is neither a word nor a person's name; a
    /// city of [`METROPOLIS`] people. "Bath", "Police", "Jackson" and a
    /// hamlet's name are places only where the text says so ("in Bath").
    pub fn known_place(&self, name: &str) -> Option<PlaceRef> {
        with_key(name, |k| self.known_key(name, k))
    }

    fn known_key(&self, name: &str, k: &str) -> Option<PlaceRef> {
        if let Some(&s) = self.added_names.get(k) {
            // A rules file's own place is as known as a name gets.
            if self.added_sets[s as usize]
                .iter()
                .any(|&p| p >= builtin_rows())
            {
                return Some(PlaceRef::Added(s));
            }
        }
        let (flags, set) = NAMES.get(k)?;
        let first = NAMES.sets.set(set as usize).next()?;
        let r = ROWS.row(first as usize);
        let population = r.number::<u64>(POPULATION).unwrap_or(0);
        let word = flags & COMMON_WORD != 0;
        let person = flags & (GIVEN_NAME | SURNAME) != 0;
        let known = match kind_of(r) {
            PlaceKind::Country => true,
            PlaceKind::Region => !word,
            PlaceKind::District => population >= TOWN && !word && !person,
            PlaceKind::City => population >= METROPOLIS || (population >= TOWN && !word && !person),
        };
        known.then(|| self.place(name)).flatten()
    }

    /// Whether a folded name names a country, among other places.
    pub fn names_country(&self, folded: &str) -> bool {
        NAMES
            .get(folded)
            .is_some_and(|(flags, _)| flags & COUNTRY_NAME != 0)
    }

    /// The places a name may name when the place it names first is known
    /// widely (a country, a region, a city of [`EXONYM_CITY`] people) and
    /// the name is no everyday word, whatever else it is: "Lyon", a
    /// surname too, and "ROME", not "Coast".
    pub fn notable_place(&self, name: &str) -> Option<PlaceRef> {
        let p = self.place(name)?;
        if let PlaceRef::Name(_) = p
            && self.is_common_word(name)
        {
            return None;
        }
        let wide = match row(self.first(p)) {
            Some(r) => {
                matches!(kind_of(r), PlaceKind::Country | PlaceKind::Region)
                    || r.number::<u64>(POPULATION).unwrap_or(0) >= EXONYM_CITY
            }
            None => true,
        };
        wide.then_some(p)
    }

    /// Whether a place name is also an everyday English word ("Mobile",
    /// "Split"): extraction wants more than the word before taking it for
    /// the place.
    pub fn is_common_word(&self, name: &str) -> bool {
        NAMES
            .get(&key(name))
            .is_some_and(|(flags, _)| flags & COMMON_WORD != 0)
    }

    pub fn demonym(&self, word: &str) -> Option<PlaceRef> {
        let k = key(word);
        if let Some(&s) = self.added_demonyms.get(&k) {
            return Some(PlaceRef::Added(s));
        }
        DEMONYMS.get(&k).map(|(_, s)| PlaceRef::Demonym(s))
    }

    /// The place numbers of a reference, the one it names first first.
    fn candidates(&self, p: PlaceRef) -> Box<dyn Iterator<Item = u32> + '_> {
        match p {
            PlaceRef::Name(s) => Box::new(NAMES.sets.set(s as usize)),
            PlaceRef::Demonym(s) => Box::new(DEMONYMS.sets.set(s as usize)),
            PlaceRef::Added(s) => Box::new(self.added_sets[s as usize].iter().copied()),
            PlaceRef::One(n) => Box::new(std::iter::once(n)),
        }
    }

    fn first(&self, p: PlaceRef) -> u32 {
        self.candidates(p)
            .next()
            .expect("a reference names at least one place")
    }

    fn name_of(&self, place: u32) -> &str {
        match row(place) {
            Some(r) => r.field(NAME),
            None => &self.added[(place - builtin_rows()) as usize].name,
        }
    }

    /// The name to report a place by: that of the place its name names
    /// first.
    pub fn name(&self, p: PlaceRef) -> &str {
        self.name_of(self.first(p))
    }

    /// The name to report a place written `written` by: the gazetteer's
    /// where the name is the place's own, or the place is known widely
    /// enough to have names in other languages ("Kiev": "Kyiv"); else as
    /// written, since an alternate name of a small place may well mean
    /// another place ("Zeitun" is a village of Malta and a quarter of Gaza).
    pub fn name_as_written<'a>(&'a self, p: PlaceRef, written: &'a str) -> &'a str {
        let first = self.first(p);
        let own = key(self.name_of(first)) == key(written);
        let wide = match row(first) {
            Some(r) => {
                matches!(kind_of(r), PlaceKind::Country | PlaceKind::Region)
                    || r.number::<u64>(POPULATION).unwrap_or(0) >= EXONYM_CITY
            }
            None => true,
        };
        if own || wide {
            self.name_of(first)
        } else {
            written
        }
    }

    /// The places a name names where a rules file gives it: the only
    /// places an acronym ("UK", "NYC") is taken for outside a dateline,
    /// since GeoNames' short alternate names meet every acronym ("PAME").
    pub fn declared_place(&self, name: &str) -> Option<PlaceRef> {
        let &s = self.added_names.get(&key(name))?;
        (self.added_declared[s as usize] > 0).then_some(PlaceRef::Added(s))
    }

    pub fn kind(&self, p: PlaceRef) -> PlaceKind {
        let first = self.first(p);
        match row(first) {
            Some(r) => kind_of(r),
            None => self.added[(first - builtin_rows()) as usize].kind,
        }
    }

    /// The country the place a name names first lies in (itself, for a
    /// country; the outermost place it lies in, for an added place in no
    /// country).
    pub fn country(&self, p: PlaceRef) -> PlaceRef {
        let around = self.enclosing(self.first(p));
        let country = around
            .iter()
            .copied()
            .find(|&q| match row(q) {
                Some(r) => kind_of(r) == PlaceKind::Country,
                None => self.added[(q - builtin_rows()) as usize].kind == PlaceKind::Country,
            })
            .unwrap_or(*around.last().expect("a place encloses itself"));
        PlaceRef::One(country)
    }

    /// The places a place lies in, itself first, innermost to outermost.
    fn enclosing(&self, place: u32) -> Vec<u32> {
        let mut out = vec![place];
        let mut cur = place;
        // Added places may nest in added places; a cycle stops here.
        for _ in 0..16 {
            match row(cur) {
                Some(r) => {
                    for field in [DISTRICT, REGION, COUNTRY] {
                        if let Some(n) = r.number::<u32>(field)
                            && n != cur
                        {
                            out.push(n);
                        }
                    }
                    return out;
                }
                None => match self.added[(cur - builtin_rows()) as usize].within {
                    Some(w) if !out.contains(&w) => {
                        out.push(w);
                        cur = w;
                    }
                    _ => return out,
                },
            }
        }
        out
    }

    fn one_within(&self, inner: u32, outer: u32) -> bool {
        self.enclosing(inner).contains(&outer)
    }

    /// Whether some place of `inner` is some place of `outer` or lies in
    /// it: "Springfield" lies in "Illinois", and in "Missouri" too.
    pub fn within(&self, inner: PlaceRef, outer: PlaceRef) -> bool {
        let mut around: Vec<u32> = self
            .candidates(inner)
            .flat_map(|p| self.enclosing(p))
            .collect();
        around.sort_unstable();
        self.candidates(outer)
            .any(|o| around.binary_search(&o).is_ok())
    }

    /// Whether two names name one place and, if so, whether that place is
    /// known widely enough to have a name in several languages: a country,
    /// a region or a city of [`EXONYM_CITY`] people ("Genoa" and "Genova"
    /// are both right, "Bireun" and "Bireuen" are two spellings of a town).
    pub fn one_place(&self, a: PlaceRef, b: PlaceRef) -> Option<bool> {
        let of_b: Vec<u32> = self.candidates(b).collect();
        let shared: Vec<u32> = self.candidates(a).filter(|p| of_b.contains(p)).collect();
        if shared.is_empty() {
            return None;
        }
        Some(shared.iter().any(|&p| match row(p) {
            Some(r) => {
                matches!(kind_of(r), PlaceKind::Country | PlaceKind::Region)
                    || r.number::<u64>(POPULATION).unwrap_or(0) >= EXONYM_CITY
            }
            None => true,
        }))
    }

    /// The capital of the country a name names first.
    pub fn capital(&self, p: PlaceRef) -> Option<PlaceRef> {
        let first = self.first(p);
        if let Some(&c) = self.added_capitals.get(&first) {
            return Some(PlaceRef::One(c));
        }
        row(first)?.number::<u32>(CAPITAL).map(PlaceRef::One)
    }

    /// Up to `n` other places of the kind of the place `p` names first,
    /// nearest first: those of its region (for a city or a district), then
    /// those of the rest of its country; for a city, only towns at least
    /// [`TOWN`] people strong (or as large as it, if smaller). A plausible
    /// wrong place for it. None for a country, or a place the rules files
    /// add.
    pub fn places_near(&self, p: PlaceRef, n: usize) -> Vec<PlaceRef> {
        let first = self.first(p);
        let Some(r) = row(first) else {
            return Vec::new();
        };
        let kind = kind_of(r);
        if kind == PlaceKind::Country {
            return Vec::new();
        }
        let floor = match kind {
            PlaceKind::City => TOWN.min(r.number(POPULATION).unwrap_or(0)),
            _ => 0,
        };
        // Rows are sorted by country, region and district, each after the
        // place it lies in: the country's places follow its row.
        let country: usize = r
            .field(COUNTRY)
            .parse()
            .expect("build.rs writes row numbers");
        let here = position(r);
        let mut near: Vec<(bool, f64, u32)> = (country + 1..ROWS.len())
            .map(|i| (i, ROWS.row(i)))
            .take_while(|(_, q)| q.field(COUNTRY) == r.field(COUNTRY))
            .filter(|(i, q)| {
                *i as u32 != first
                    && kind_of(*q) == kind
                    && q.number::<u64>(POPULATION).unwrap_or(0) >= floor
            })
            .filter_map(|(i, q)| {
                let other_region = kind == PlaceKind::Region || q.field(REGION) != r.field(REGION);
                Some((other_region, distance(here?, position(q)?), i as u32))
            })
            .collect();
        near.sort_by(|a, b| {
            a.0.cmp(&b.0)
                .then(a.1.partial_cmp(&b.1).unwrap_or(Ordering::Equal))
                .then(a.2.cmp(&b.2))
        });
        near.into_iter()
            .take(n)
            .map(|(_, _, i)| PlaceRef::One(i))
            .collect()
    }
}

fn position(r: Row) -> Option<(f64, f64)> {
    Some((r.number(LAT)?, r.number(LON)?))
}

/// Great-circle distance in kilometres.
fn distance((lat1, lon1): (f64, f64), (lat2, lon2): (f64, f64)) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * a.sqrt().asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn builtin() -> Gazetteer {
        Gazetteer::default()
    }

    fn within(g: &Gazetteer, inner: &str, outer: &str) -> bool {
        let (i, o) = (g.place(inner).unwrap(), g.place(outer).unwrap());
        g.within(i, o)
    }

    fn def(name: &str, kind: PlaceKind, within: Option<&str>) -> PlaceDef {
        PlaceDef {
            name: name.into(),
            kind,
            aliases: Vec::new(),
            demonyms: Vec::new(),
            capital: None,
            within: within.map(Into::into),
        }
    }

    #[test]
    fn containment_holds_across_levels() {
        let g = builtin();
        // A city in its Australian state and country.
        assert!(within(&g, "Ballarat", "Victoria"));
        assert!(within(&g, "Ballarat", "Australia"));
        // A French commune in its department and its region.
        assert!(within(&g, "Bayeux", "Calvados"));
        assert!(within(&g, "Bayeux", "Normandy"));
        assert!(within(&g, "Bayeux", "France"));
        // An Italian province in its region, a department in its region.
        assert!(within(&g, "Province of Turin", "Piedmont"));
        assert!(within(&g, "Calvados", "Normandy"));
        // A place is within itself; never within what it contains.
        assert!(within(&g, "Normandy", "Normandy"));
        assert!(!within(&g, "Normandy", "Bayeux"));
        assert!(!within(&g, "Ballarat", "Normandy"));
    }

    #[test]
    fn an_ambiguous_name_lies_in_each_of_its_places() {
        let g = builtin();
        let springfield = g.place("Springfield").unwrap();
        assert!(g.candidates(springfield).count() > 10);
        assert!(within(&g, "Springfield", "Illinois"));
        assert!(within(&g, "Springfield", "Missouri"));
        assert!(!within(&g, "Springfield", "Portugal"));
        // The most populous place of a name leads it.
        assert_eq!(g.kind(g.place("Paris").unwrap()), PlaceKind::City);
        assert!(within(&g, "Paris", "France") && within(&g, "Paris", "Texas"));
    }

    #[test]
    fn a_name_names_its_own_place_first() {
        let g = builtin();
        // "Turin" is the city's name and an alternate of the more
        // populous province.
        let turin = g.place("Turin").unwrap();
        assert_eq!(g.name(turin), "Turin");
        assert_eq!(g.kind(turin), PlaceKind::City);
        assert_eq!(g.name(g.place("Torino").unwrap()), "Turin");
    }

    #[test]
    fn alternate_names_and_folding() {
        let g = builtin();
        assert_eq!(g.name(g.place("Kiev").unwrap()), "Kyiv");
        assert_eq!(g.place("zurich"), g.place("Zürich"));
        assert_eq!(g.place("SAO PAULO"), g.place("São Paulo"));
        assert_eq!(g.place("Sao  Paulo"), g.place("São Paulo"));
        // Saints are written short in news copy.
        assert_eq!(g.place("St. Etienne"), g.place("Saint-Étienne"));
        assert_eq!(g.place("St-Etienne"), g.place("Saint-Étienne"));
        // A division word before or after a name is an alternate.
        assert!(g.place("Provincia di Torino").is_some());
        assert!(g.place("Qarnavelle Xyzzy").is_none());
    }

    #[test]
    fn demonyms_and_capitals() {
        let g = builtin();
        let portuguese = g.demonym("Portuguese").unwrap();
        assert_eq!(g.name(portuguese), "Portugal");
        assert!(g.within(g.place("Lisbon").unwrap(), portuguese));
        let capital = g.capital(g.place("Portugal").unwrap()).unwrap();
        assert_eq!(g.name(capital), "Lisbon");
        assert_eq!(g.capital(g.place("Bayeux").unwrap()), None);
    }

    #[test]
    fn names_that_are_words_or_people_need_more_than_the_name() {
        let g = builtin();
        assert!(g.known_place("Portugal").is_some());
        assert!(g.known_place("Ballarat").is_some());
        assert!(g.known_place("Normandy").is_some());
        // Everyday words and surnames are places only where text says so.
        for name in ["Bath", "Mobile", "Split", "Police", "Jackson"] {
            assert!(g.place(name).is_some(), "{name}");
            assert!(g.known_place(name).is_none(), "{name}");
        }
        assert!(g.is_common_word("Mobile") && !g.is_common_word("Ballarat"));
        // A country is a country whatever else its name is.
        assert!(g.known_place("Chad").is_some());
        assert!(g.names_country("jordan") && !g.names_country("ballarat"));
    }

    #[test]
    fn one_place_tells_exonyms_from_spellings() {
        let g = builtin();
        let one = |a: &str, b: &str| g.one_place(g.place(a).unwrap(), g.place(b).unwrap());
        assert_eq!(one("Turin", "Torino"), Some(true));
        assert_eq!(one("Ballarat", "Ballaarat"), Some(true));
        assert_eq!(one("Turin", "Lisbon"), None);
    }

    #[test]
    fn places_near_are_of_the_same_region_nearest_first() {
        let g = builtin();
        let ballarat = g.place("Ballarat").unwrap();
        let near = g.places_near(ballarat, 5);
        assert_eq!(near.len(), 5);
        let here = position(ROWS.row(g.first(ballarat) as usize)).unwrap();
        let mut last = 0.0;
        for p in near {
            let r = ROWS.row(g.first(p) as usize);
            assert_eq!(kind_of(r), PlaceKind::City);
            assert_eq!(
                r.field(REGION),
                ROWS.row(g.first(ballarat) as usize).field(REGION)
            );
            assert_ne!(g.first(p), g.first(ballarat));
            let d = distance(here, position(r).unwrap());
            assert!(d >= last);
            last = d;
        }
        // Regions are near regions of their country.
        let normandy = g.place("Normandy").unwrap();
        let regions = g.places_near(normandy, 3);
        assert!(regions.iter().all(|&p| g.kind(p) == PlaceKind::Region));
        assert!(
            regions
                .iter()
                .all(|&p| g.within(p, g.place("France").unwrap()))
        );
        assert!(g.places_near(g.place("Portugal").unwrap(), 3).is_empty());
    }

    #[test]
    fn added_places_extend_or_join_the_gazetteer() {
        let mut lisbon = def("Lisbon", PlaceKind::City, Some("Portugal"));
        lisbon.aliases.push("Olisipo Nova".into());
        let mut hamlet = def("Vale de Qarn", PlaceKind::City, Some("Lisbon"));
        hamlet.aliases.push("Qarn".into());
        let mut country = def("Portugal", PlaceKind::Country, None);
        country.aliases.push("PT-Land".into());
        country.demonyms.push("Lusitanian".into());
        let g = Gazetteer::with_places(&[lisbon, hamlet, country]).unwrap();
        // The alias names the built-in Lisbon, not a new place.
        assert_eq!(
            g.first(g.place("Olisipo Nova").unwrap()),
            g.first(g.place("Lisbon").unwrap())
        );
        // A new place lies where its `in` says, and so in all around it.
        assert!(within(&g, "Qarn", "Lisbon"));
        assert!(within(&g, "Vale de Qarn", "Portugal"));
        assert!(g.known_place("Qarn").is_some());
        assert_eq!(g.name(g.place("Qarn").unwrap()), "Vale de Qarn");
        assert!(g.within(g.place("Lisbon").unwrap(), g.demonym("Lusitanian").unwrap()));
        assert!(within(&g, "Lisbon", "PT-Land"));
    }

    #[test]
    fn a_name_a_rules_file_gives_names_its_place_first() {
        let mut country = def("Portugal", PlaceKind::Country, None);
        // "Paris" names cities first; here it is declared a name of Portugal.
        country.aliases.push("Paris".into());
        let g = Gazetteer::with_places(&[country]).unwrap();
        let paris = g.place("Paris").unwrap();
        assert_eq!(g.name(paris), "Portugal");
        // The built-in places of the name stay.
        assert!(within(&g, "Paris", "Texas"));
    }

    #[test]
    fn added_places_that_contradict_are_errors() {
        let a = def("Qarnbury", PlaceKind::City, None);
        let mut b = def("Qarnton", PlaceKind::City, None);
        b.aliases.push("Qarnbury".into());
        let e = Gazetteer::with_places(&[a, b]).unwrap_err();
        assert_eq!((e.place, e.key), (1, "aliases"));
        assert!(e.message.contains("names both"), "{}", e.message);
        let e = Gazetteer::with_places(&[def("Qarnbury", PlaceKind::City, Some("Xyzzyland"))])
            .unwrap_err();
        assert_eq!((e.place, e.key), (0, "in"));
        let mut c = def("Xyzzyland", PlaceKind::Country, None);
        c.capital = Some("Qarnopolis".into());
        let e = Gazetteer::with_places(&[c]).unwrap_err();
        assert_eq!((e.place, e.key), (0, "capital"));
    }

    /// The tables build.rs compiled hold every row of the TSV, in its
    /// order, each found under its name.
    #[test]
    fn compiled_rows_follow_the_dataset() {
        let text = include_str!("../data/gazetteer/places.tsv");
        let rows: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();
        assert_eq!(ROWS.len(), rows.len());
        let g = builtin();
        for (i, line) in rows.iter().enumerate().step_by(997) {
            let fields: Vec<&str> = line.split('\t').collect();
            let r = ROWS.row(i);
            assert_eq!(r.field(KIND), fields[1]);
            assert_eq!(r.field(NAME), fields[2]);
            assert_eq!(r.field(POPULATION), fields[6]);
            let country = ROWS.row(r.number::<usize>(COUNTRY).unwrap());
            assert_eq!(country.field(KIND), "country", "{line}");
            let named = g.place(fields[2]).unwrap();
            assert!(g.candidates(named).any(|p| p == i as u32), "{line}");
            for alt in fields[9].split('|').filter(|a| !a.is_empty()) {
                let named = g.place(alt).unwrap();
                assert!(g.candidates(named).any(|p| p == i as u32), "{alt}: {line}");
            }
        }
    }
}
