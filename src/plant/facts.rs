//! The facts a story's articles state, found with plain patterns and the
//! lexicon's vocabulary: a surname after a given name, a title before a
//! name, a number before the noun it counts, a place after "in", "at" or
//! "near" or in a dateline, a weekday, a clock time. Never from the
//! checker's claims: a measure of the checker cannot choose its test by
//! what the checker sees.
//!
//! Each mention says whether it can be changed without doubt about what it
//! names ("sure"); a name inside a longer name ("Velm Harbour Trust"), a
//! feast day ("Good Friday") or a range ("9 to 11 a.m.") is not.

use std::ops::Range;

use crate::gazetteer::PlaceRef;
use crate::lexicon::{Lexicon, PlaceKind};

use super::PlantKind;
use super::change::{Clock, Written};
use super::offices::{MODIFIERS, OFFICES, QUALIFIERS, office_named};
use super::words::{Text, WEEKDAYS, is_month, weekday};

/// A fact, as it is compared across articles.
#[derive(Debug, Clone, PartialEq)]
pub enum What {
    Surname {
        given: String,
        surname: String,
    },
    Office {
        office: usize,
        surname: String,
    },
    /// A count: its value (a scale word such as "million" applied) and
    /// the noun it counts, singular.
    Figure {
        total: f64,
        noun: String,
    },
    Place {
        name: String,
    },
    Weekday(usize),
    /// Minutes after midnight.
    Time(u32),
}

impl What {
    pub fn kind(&self) -> PlantKind {
        match self {
            What::Surname { .. } => PlantKind::Spelling,
            What::Office { .. } => PlantKind::Role,
            What::Figure { .. } => PlantKind::Figure,
            What::Place { .. } => PlantKind::Place,
            What::Weekday(_) | What::Time(_) => PlantKind::Date,
        }
    }

    /// What makes two articles state the same fact, in lower case.
    pub fn key(&self) -> String {
        match self {
            What::Surname { given, surname } => {
                format!("{} {}", given.to_lowercase(), surname.to_lowercase())
            }
            What::Office { office, surname } => format!(
                "{} {}",
                OFFICES[*office].forms[0].to_lowercase(),
                surname.to_lowercase()
            ),
            What::Figure { total, noun } => format!("{total} {noun}"),
            What::Place { name } => name.to_lowercase(),
            What::Weekday(d) => WEEKDAYS[*d].to_lowercase(),
            What::Time(m) => format!("{:02}:{:02}", m / 60, m % 60),
        }
    }
}

/// How a mention is written, as far as changing it needs to know.
#[derive(Debug, Clone)]
pub enum Form {
    Words,
    /// A name with the article "a" or "an" before it, which agrees with it.
    AfterArticle,
    Number {
        written: Written,
        scale: f64,
    },
    Clock(Clock),
}

#[derive(Debug, Clone)]
pub struct Mention {
    pub range: Range<usize>,
    pub form: Form,
}

/// One place where an article speaks of a fact.
#[derive(Debug, Clone)]
pub struct Found {
    pub what: What,
    pub key: String,
    pub mention: Mention,
    /// The pattern that states the fact ("Ana Vidal", "in Velm"), not a
    /// later mention of it ("Vidal").
    pub states: bool,
    /// The mention can be changed without doubt about what it names.
    pub sure: bool,
}

impl Found {
    fn new(what: What, range: Range<usize>, form: Form, states: bool, sure: bool) -> Found {
        Found {
            key: what.key(),
            what,
            mention: Mention { range, form },
            states,
            sure,
        }
    }
}

/// A place the gazetteer knows, as plants need it: the country it lies in,
/// and the places a planted copy may move it to.
pub struct Located<'a> {
    lex: &'a Lexicon,
    place: PlaceRef,
    /// Found by its name or an alias, not by a demonym.
    by_name: bool,
}

/// How many nearby places a planted copy may move a place to.
const NEAR: usize = 20;

/// The place the gazetteer knows by `name` (a name, an alias or a
/// demonym) when the name alone reads as a place, or names a widely known
/// one ("Lyon"): a village that shares a surname's spelling is no place
/// to plant. This and [`Located`] are the
/// one reading of the gazetteer here, so that a new representation of it
/// changes only them.
pub fn locate<'a>(lex: &'a Lexicon, name: &str) -> Option<Located<'a>> {
    let (place, by_name) = match lex.known_place(name).or_else(|| lex.notable_place(name)) {
        Some(p) => (p, true),
        None => (lex.demonym(name)?, false),
    };
    Some(Located {
        lex,
        place,
        by_name,
    })
}

impl<'a> Located<'a> {
    /// The country the place lies in, or the place itself at the top.
    pub fn country(&self) -> PlaceRef {
        self.lex.place_country(self.place)
    }

    /// Whether the place is `outer` or lies inside it.
    pub fn lies_in(&self, outer: &Located) -> bool {
        self.lex.place_within(self.place, outer.place)
    }

    pub fn is_city(&self) -> bool {
        self.lex.place_kind(self.place) == PlaceKind::City
    }

    /// Places of the same kind in the same region or country, nearest
    /// first: none for a country or a demonym.
    pub fn near(&self) -> impl Iterator<Item = &'a str> + use<'a> {
        let lex = self.lex;
        let near = if self.by_name {
            lex.places_near(self.place, NEAR)
        } else {
            Vec::new()
        };
        near.into_iter().map(move |p| lex.place_name(p))
    }
}

/// Every mention of a fact of `kind` in the article.
pub fn find(t: &Text, lex: &Lexicon, kind: PlantKind) -> Vec<Found> {
    match kind {
        PlantKind::Spelling => surnames(t, lex),
        PlantKind::Role => titles(t, lex),
        PlantKind::Figure => figures(t, lex),
        PlantKind::Place => places(t, lex),
        PlantKind::Date => {
            let mut out = weekdays(t, lex);
            out.extend(clock_times(t));
            out
        }
    }
}

/// The surnames of the people the article names with a given name, in
/// lower case: evidence that a title stands before a person.
pub fn people(t: &Text, lex: &Lexicon) -> Vec<String> {
    let mut out = Vec::new();
    for i in 0..t.words.len() {
        if !t.capitalised(i) || !lex.is_given_name(t.str(i)) {
            continue;
        }
        let mut j = i;
        while j + 1 < t.words.len()
            && t.capitalised(j + 1)
            && (t.joined(j) || (is_initial(t, j) && j > i))
        {
            j += 1;
        }
        if j > i {
            out.push(t.base_str(j).to_lowercase());
        }
    }
    out
}

/// A middle initial with its dot: "Ana M. Vidal".
fn is_initial(t: &Text, i: usize) -> bool {
    t.str(i).chars().count() == 1 && t.capitalised(i) && t.gap_after(i) == ". "
}

fn letters_only(s: &str) -> bool {
    !s.is_empty() && s.chars().all(char::is_alphabetic)
}

/// A word that can only be a surname: capitalised plain letters, not a
/// given name, a place, a title, a weekday or a month.
fn surname_like(t: &Text, lex: &Lexicon, i: usize) -> bool {
    let s = t.base_str(i);
    let mut cs = s.chars();
    cs.next().is_some_and(|c| c.is_ascii_uppercase())
        && cs.all(|c| c.is_ascii_lowercase())
        && s.len() >= 4
        && !lex.is_given_name(s)
        && !lex.is_function_word(s)
        && !lex.is_org_word(s)
        && weekday(s).is_none()
        && !is_month(s)
        && office_named(s).is_none()
        && locate(lex, s).is_none()
}

/// Words that may stand before a surname without making it part of
/// another name.
const HONORIFICS: &[&str] = &[
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof",
];

fn surnames(t: &Text, lex: &Lexicon) -> Vec<Found> {
    let n = t.words.len();
    let mut stated: Vec<(usize, What)> = Vec::new();
    for i in 0..n.saturating_sub(1) {
        if !t.capitalised(i) || !t.joined(i) || !lex.is_given_name(t.str(i)) {
            continue;
        }
        // "the Carolina Panthers", "San Diego Chargers": a team, not a person.
        if i > 0 && t.joined(i - 1) {
            let prev = t.str(i - 1);
            let lower = prev.to_lowercase();
            let named = t.telling_capital(i - 1)
                && !HONORIFICS.contains(&lower.as_str())
                && !QUALIFIERS.contains(&lower.as_str())
                && !is_title_word(prev)
                && locate(lex, prev).is_none();
            let place = locate(lex, &t.text[t.words[i - 1].start..t.words[i].end]).is_some();
            if lower == "the" || named || place {
                continue;
            }
        }
        let mut j = i + 1;
        if is_initial(t, j) && j + 1 < n {
            j += 1;
        }
        if !surname_like(t, lex, j) || (t.joined(j) && t.telling_capital(j + 1)) {
            continue;
        }
        // "Beverly Hills", "Alice Springs, Australia": a place, not a person.
        let whole = &t.text[t.words[i].start..t.base(j).end];
        if locate(lex, whole).is_some() || qualified(t, lex, j).is_some() {
            continue;
        }
        let what = What::Surname {
            given: t.str(i).to_string(),
            surname: t.base_str(j).to_string(),
        };
        stated.push((j, what));
    }
    let mut out = Vec::new();
    let mut done: Vec<String> = Vec::new();
    for (_, what) in &stated {
        let What::Surname { surname, .. } = what else {
            continue;
        };
        let lower = surname.to_lowercase();
        if done.contains(&lower) {
            continue;
        }
        done.push(lower.clone());
        // Two people of one surname: no mention of it is sure.
        let mut givens: Vec<&What> = Vec::new();
        for (_, w) in &stated {
            let same = matches!(w, What::Surname { surname: s, .. } if s.to_lowercase() == lower);
            if same && !givens.iter().any(|g| g.key() == w.key()) {
                givens.push(w);
            }
        }
        let mut given_names: Vec<String> = givens
            .iter()
            .filter_map(|w| match w {
                What::Surname { given, .. } => Some(given.to_lowercase()),
                _ => None,
            })
            .collect();
        given_names.sort();
        given_names.dedup();
        let ambiguous = given_names.len() > 1;
        for k in 0..n {
            if !t.capitalised(k) || t.base_str(k).to_lowercase() != lower {
                continue;
            }
            let sure = !ambiguous && surname_mention_sure(t, k, &given_names);
            let states = stated.iter().any(|&(j, _)| j == k);
            for what in &givens {
                let own = stated.iter().any(|(j, w)| *j == k && w.key() == what.key());
                out.push(Found::new(
                    (*what).clone(),
                    t.base(k),
                    Form::Words,
                    states && own,
                    sure,
                ));
            }
        }
    }
    out
}

/// Whether `word` ends a title ("Mayor", the "Minister" of "Prime Minister").
fn is_title_word(word: &str) -> bool {
    OFFICES.iter().flat_map(|o| o.forms).any(|f| {
        f.rsplit(' ')
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case(word))
    })
}

fn surname_mention_sure(t: &Text, k: usize, given_names: &[String]) -> bool {
    if k > 0 && t.joined(k - 1) && t.telling_capital(k - 1) {
        let prev = t.str(k - 1).to_lowercase();
        if !given_names.contains(&prev)
            && !HONORIFICS.contains(&prev.as_str())
            && !is_title_word(&prev)
        {
            return false;
        }
    }
    !(t.joined(k) && t.telling_capital(k + 1))
}

fn titles(t: &Text, lex: &Lexicon) -> Vec<Found> {
    let n = t.words.len();
    let mut out = Vec::new();
    for k in 1..n {
        if !t.capitalised(k) || !letters_only(t.str(k)) || lex.is_function_word(t.str(k)) {
            continue;
        }
        let abbreviated = t.gap_after(k - 1) == ". ";
        if !abbreviated && !t.joined(k - 1) {
            continue;
        }
        // The longest title that ends right before the name.
        let mut title = None;
        for len in (1..=4).rev() {
            let Some(first) = k.checked_sub(len) else {
                continue;
            };
            let inner_ok = (first..k - 1).all(|m| {
                t.words[m].line == t.words[k].line && matches!(t.gap_after(m), " " | ". ")
            });
            if !inner_ok {
                continue;
            }
            let mut phrase = t.text[t.words[first].start..t.words[k - 1].end].to_string();
            if abbreviated {
                phrase.push('.');
            }
            if let Some(o) = office_named(&phrase) {
                let end = t.words[k - 1].end + usize::from(abbreviated);
                title = Some((first, o, t.words[first].start..end));
                break;
            }
        }
        let Some((first, office, range)) = title else {
            continue;
        };
        // The name: capitalised words and initials, four at most.
        let mut last = k;
        while last + 1 < n
            && last < k + 4
            && t.capitalised(last + 1)
            && (t.joined(last) || is_initial(t, last))
        {
            last += 1;
        }
        if t.joined(last) && t.telling_capital(last + 1) {
            continue;
        }
        let surname = t.base_str(last);
        let person = letters_only(surname)
            && surname.chars().count() >= 2
            && (k..=last).all(|m| !lex.is_org_word(t.str(m)))
            && !lex.is_function_word(surname)
            && weekday(surname).is_none()
            && !is_month(surname)
            && locate(lex, surname).is_none();
        if !person {
            continue;
        }
        let mut sure = true;
        if first > 0 && t.joined(first - 1) {
            let prev = t.base_str(first - 1);
            let lower = prev.to_lowercase();
            if MODIFIERS.contains(&lower.as_str())
                || (t.telling_capital(first - 1)
                    && !QUALIFIERS.contains(&lower.as_str())
                    && locate(lex, prev).is_none())
            {
                sure = false;
            }
        }
        let what = What::Office {
            office,
            surname: surname.to_string(),
        };
        out.push(Found::new(what, range, Form::Words, sure, sure));
    }
    out
}

const SCALES: &[(&str, f64)] = &[
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
];

/// Words before a number that make it a label ("Flight 12", "page 3").
const LABELS: &[&str] = &[
    "no",
    "number",
    "flight",
    "route",
    "highway",
    "interstate",
    "page",
    "room",
    "gate",
    "channel",
    "level",
    "category",
    "grade",
    "phase",
    "round",
    "chapter",
    "section",
    "article",
    "unit",
    "ward",
    "precinct",
    "platform",
    "terminal",
    "line",
    "bus",
    "train",
    "exit",
    "pier",
    "lot",
    "block",
    "row",
    "seat",
    "game",
    "week",
    "episode",
    "season",
    "stage",
    "lane",
    "floor",
    "bay",
    "box",
    "suite",
    "apartment",
    "apt",
    "version",
    "model",
    "size",
    "code",
    "division",
    "squad",
    "item",
    "paragraph",
    "verse",
    "act",
    "scene",
    "track",
    "volume",
    "vol",
    "issue",
    "part",
    "step",
    "day",
    "year",
    "magnitude",
    "aged",
    "age",
    "ages",
    "number",
    "lottery",
    "jersey",
];

/// Words after a number that are not what it counts, or that count a
/// stretch of time: "two days" in two articles is too often two facts.
const NOT_NOUNS: &[&str] = &[
    "percent",
    "per",
    "cent",
    "percentage",
    "times",
    "am",
    "pm",
    "th",
    "st",
    "nd",
    "rd",
    "more",
    "less",
    "fewer",
    "plus",
    "point",
    "degree",
    "degrees",
    "out",
    "something",
    "somethings",
    "straight",
    "consecutive",
    "dozen",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "block",
    "twenties",
    "thirties",
    "forties",
    "fifties",
    "sixties",
    "seventies",
    "eighties",
    "nineties",
    "second",
    "seconds",
    "sec",
    "secs",
    "minute",
    "minutes",
    "min",
    "mins",
    "hour",
    "hours",
    "hr",
    "hrs",
    "day",
    "days",
    "night",
    "nights",
    "week",
    "weeks",
    "weekend",
    "weekends",
    "month",
    "months",
    "year",
    "years",
    "decade",
    "decades",
    "century",
    "centuries",
    "season",
    "seasons",
    "term",
    "terms",
    "quarter",
    "quarters",
    "half",
    "halves",
    "round",
    "rounds",
    "inning",
    "innings",
    "period",
    "periods",
];

/// Words between two numbers that make them a range: "three to five".
const RANGE_WORDS: &[&str] = &[
    "to", "or", "and", "between", "from", "than", "of", "-", "x", "by",
];

fn number_at(t: &Text, i: usize) -> bool {
    Written::parse(t.str(i)).is_some() || t.is_number(i)
}

fn figures(t: &Text, lex: &Lexicon) -> Vec<Found> {
    let n = t.words.len();
    let mut out = Vec::new();
    for i in 0..n {
        if t.line(i).timestamp {
            continue;
        }
        let Some(written) = Written::parse(t.str(i)) else {
            continue;
        };
        // Five digits or more without separators: a code or an address.
        if t.str(i).len() >= 5 && t.str(i).chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        let w = t.words[i];
        let before = t.text[..w.start].chars().next_back();
        let after = t.text[w.end..].chars().next();
        if before.is_some_and(|c| "$€£¥#".contains(c)) || after.is_some_and(|c| "%/°".contains(c))
        {
            continue;
        }
        if i > 0 && t.words[i - 1].line == w.line && !w.sentence_start {
            let prev = t.str(i - 1).to_lowercase();
            let range = RANGE_WORDS.contains(&prev.as_str()) && i >= 2 && number_at(t, i - 2);
            if LABELS.contains(&prev.as_str())
                || is_month(&prev)
                || t.telling_capital(i - 1)
                || number_at(t, i - 1)
                || range
            {
                continue;
            }
        }
        if !t.joined(i) {
            continue;
        }
        let mut j = i + 1;
        let mut scale = 1.0;
        if let Some(&(_, s)) = SCALES.iter().find(|(w, _)| t.str(j) == *w) {
            if !t.joined(j) {
                continue;
            }
            scale = s;
            j += 1;
        }
        let noun = t.str(j);
        // "the mother of two died": a verb, not a noun.
        let verb = noun.len() > 4 && noun.ends_with("ed");
        let countable = noun.len() >= 3
            && !verb
            && noun.chars().all(|c| c.is_ascii_lowercase())
            && !lex.is_function_word(noun)
            && !NOT_NOUNS.contains(&noun)
            && !is_month(noun)
            && weekday(noun).is_none();
        if !countable {
            continue;
        }
        let singular = match noun.strip_suffix('s') {
            Some(stem) if stem.len() >= 3 && !stem.ends_with('s') => stem,
            _ => noun,
        };
        let what = What::Figure {
            total: written.value * scale,
            noun: singular.to_string(),
        };
        let form = Form::Number { written, scale };
        out.push(Found::new(what, w.start..w.end, form, true, true));
    }
    out
}

/// The place named after word `i` and a comma ("Velm, Ostland"), if the
/// gazetteer knows it.
fn qualified<'a>(t: &Text, lex: &'a Lexicon, i: usize) -> Option<Located<'a>> {
    if i + 1 >= t.words.len() || t.gap_after(i) != ", " || !t.capitalised(i + 1) {
        return None;
    }
    (1..=3).rev().find_map(|len| {
        let last = i + len;
        if last >= t.words.len() || !(i + 1..last).all(|m| t.joined(m)) {
            return None;
        }
        locate(lex, &t.text[t.words[i + 1].start..t.base(last).end])
    })
}

/// Whether `name` is a place a plant can move: the gazetteer knows it and
/// has somewhere near to move it to, and it is not a given name.
fn movable_place(lex: &Lexicon, name: &str) -> bool {
    !lex.is_given_name(name) && locate(lex, name).is_some_and(|p| p.near().next().is_some())
}

/// The place named by the words from `s`, longest first, when nothing
/// after it makes it part of a longer name ("Velm Harbour", "Velm-based").
fn place_at(t: &Text, lex: &Lexicon, s: usize, max_words: usize) -> Option<(usize, String)> {
    for len in (1..=max_words).rev() {
        let last = s + len - 1;
        if last >= t.words.len() || !(s..=last).all(|m| t.capitalised(m)) {
            continue;
        }
        if !(s..last).all(|m| t.joined(m)) {
            continue;
        }
        let name = &t.text[t.words[s].start..t.base(last).end];
        if !movable_place(lex, name) {
            continue;
        }
        return place_mention_sure(t, lex, s, len).then(|| (len, name.to_string()));
    }
    None
}

/// Whether the place at words `s..s + len` is a place of its own: not
/// inside a longer name ("East Velm", "Velm Harbour", "Velm 76ers", "Velm
/// club"), and, when a comma adds where it lies, in the country the
/// gazetteer puts it in ("Athens, Texas" is not the Greek one, and a
/// city moved elsewhere in its country may leave "California").
fn place_mention_sure(t: &Text, lex: &Lexicon, s: usize, len: usize) -> bool {
    let last = s + len - 1;
    let prev_name = s > 0 && t.joined(s - 1) && t.telling_capital(s - 1);
    let next_name = t.joined(last) && {
        let next = t.str(last + 1);
        next.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            || lex.place_noun_class(next).is_some()
    };
    // "Velm fired its coach", "Velm said": a team or a government, not a
    // place; after a preposition or an article the place stays a place.
    let actor = t.joined(last) && {
        let next = t.str(last + 1);
        let prev =
            (s > 0 && t.words[s - 1].line == t.words[s].line).then(|| t.str(s - 1).to_lowercase());
        next.chars().all(char::is_lowercase)
            && !lex.is_function_word(next)
            && !prev.is_some_and(|p| lex.is_function_word(&p))
    };
    let elsewhere = t.gap_after(last) == ", "
        && t.capitalised(last + 1)
        && match (
            qualified(t, lex, last),
            locate(lex, &t.text[t.words[s].start..t.base(last).end]),
        ) {
            (Some(q), Some(p)) => !p.lies_in(&q),
            _ => true,
        };
    !prev_name && !next_name && !actor && !elsewhere && !among_foreign_places(t, lex, s, len)
}

/// Whether the line of the place at words `s..s + len` names a place of
/// another country ("the University of Alabama at Birmingham": the
/// gazetteer's Birmingham is not the one meant).
fn among_foreign_places(t: &Text, lex: &Lexicon, s: usize, len: usize) -> bool {
    let Some(own) = locate(lex, &t.text[t.words[s].start..t.base(s + len - 1).end]) else {
        return false;
    };
    let country = own.country();
    let line = t.words[s].line;
    let on_line = |m: usize| t.words[m].line == line;
    let first = (0..s).rev().take_while(|&m| on_line(m)).last().unwrap_or(s);
    let mut m = first;
    while m < t.words.len() && on_line(m) {
        if (s..s + len).contains(&m) || !t.capitalised(m) {
            m += 1;
            continue;
        }
        let two = m + 1 < t.words.len() && t.joined(m) && t.capitalised(m + 1);
        let found = two
            .then(|| locate(lex, &t.text[t.words[m].start..t.base(m + 1).end]))
            .flatten()
            .map(|p| (p, 2))
            .or_else(|| locate(lex, t.base_str(m)).map(|p| (p, 1)));
        match found {
            Some((p, _)) if p.country() != country => return true,
            Some((_, used)) => m += used,
            None => m += 1,
        }
    }
    false
}

/// A dateline: a place opening a line, then the agency in brackets or a
/// dash ("VELM, Ostland (Wire) —").
fn dateline(t: &Text, s: usize) -> bool {
    let rest = t.text[t.words[s].end..]
        .split(['\n', '\r'])
        .next()
        .unwrap_or_default();
    let opens = |r: &str| {
        [" (", " —", " –", " - ", "—", " --"]
            .iter()
            .any(|p| r.starts_with(p))
    };
    opens(rest)
        || rest.strip_prefix(", ").is_some_and(|r| {
            let head: String = r.chars().take(40).collect();
            [" (", " —", " –", " - "].iter().any(|p| head.contains(p))
        })
}

fn places(t: &Text, lex: &Lexicon) -> Vec<Found> {
    let n = t.words.len();
    let mut stated: Vec<(usize, String)> = Vec::new();
    for p in 0..n {
        let line_start = p == 0 || t.words[p - 1].line != t.words[p].line;
        if line_start
            && let Some((len, name)) = place_at(t, lex, p, 3)
            && dateline(t, p + len - 1)
        {
            stated.push((p, name));
        }
        let prep = t.str(p).to_lowercase();
        if matches!(prep.as_str(), "in" | "at" | "near")
            && t.joined(p)
            && let Some((_, name)) = place_at(t, lex, p + 1, 4)
            // "the record at North Carolina": at a region is a team or a school.
            && (prep != "at" || locate(lex, &name).is_some_and(|l| l.is_city()))
        {
            stated.push((p + 1, name));
        }
    }
    let mut out = Vec::new();
    let mut done: Vec<String> = Vec::new();
    for (_, name) in &stated {
        let lower = name.to_lowercase();
        if done.contains(&lower) {
            continue;
        }
        done.push(lower);
        let what = What::Place { name: name.clone() };
        for k in 0..n {
            let Some(len) = t.spells(k, name) else {
                continue;
            };
            let mut range = t.words[k].start..t.base(k + len - 1).end;
            let mut form = Form::Words;
            // "a Velm bakery" becomes "an Orsk bakery".
            if k > 0 && t.joined(k - 1) && matches!(t.str(k - 1), "a" | "an" | "A" | "An") {
                range.start = t.words[k - 1].start;
                form = Form::AfterArticle;
            }
            let states = stated.iter().any(|(s, _)| *s == k);
            let sure = place_mention_sure(t, lex, k, len);
            out.push(Found::new(what.clone(), range, form, states, sure));
        }
    }
    out
}

/// Verbs of reporting besides the lexicon's verbs of saying.
const REPORT_VERBS: &[&str] = &[
    "reported",
    "reports",
    "announced",
    "announces",
    "confirmed",
    "tweeted",
    "wrote",
    "released",
    "published",
    "posted",
    "updated",
];

/// Words after a weekday that keep it the day of one event.
const PARTS_OF_DAY: &[&str] = &[
    "morning",
    "afternoon",
    "evening",
    "night",
    "noon",
    "midnight",
    "overnight",
    "dawn",
    "night's",
];

fn weekdays(t: &Text, lex: &Lexicon) -> Vec<Found> {
    let mut out = Vec::new();
    for i in 0..t.words.len() {
        let Some(d) = weekday(t.base_str(i)) else {
            continue;
        };
        if !t.capitalised(i) || t.line(i).timestamp {
            continue;
        }
        // "Good Friday", "Monday Night Football": a name, not a day;
        // "Sunday school", "Friday prayers": a habit, not a day.
        let named = (i > 0 && t.joined(i - 1) && t.telling_capital(i - 1))
            || (t.joined(i) && t.telling_capital(i + 1) && !is_month(t.str(i + 1)));
        let habit = t.joined(i) && {
            let next = t.str(i + 1);
            next.chars().all(|c| c.is_lowercase())
                && !lex.is_function_word(next)
                && !PARTS_OF_DAY.contains(&next)
        };
        let every = i > 0
            && ["first", "second", "third", "fourth", "every", "each"]
                .contains(&t.str(i - 1).to_lowercase().as_str());
        let sure = !named && !habit && !every;
        // "police said Monday" dates the report, not the event: articles
        // published on other days say other days.
        let reported = (i.saturating_sub(3)..i).any(|m| {
            let w = t.str(m);
            t.words[m].line == t.words[i].line
                && (lex.is_speech_verb(w) || REPORT_VERBS.contains(&w.to_lowercase().as_str()))
        });
        let what = What::Weekday(d);
        out.push(Found::new(
            what,
            t.base(i),
            Form::Words,
            sure && !reported,
            sure,
        ));
    }
    out
}

const ZONES: &[&str] = &[
    "gmt", "utc", "local", "hours", "hrs", "bst", "cet", "cest", "est", "edt", "et", "pst", "pdt",
    "pt", "cst", "cdt", "ct", "mst", "mdt", "ist", "jst", "aest", "wib",
];

fn clock_times(t: &Text) -> Vec<Found> {
    let n = t.words.len();
    let mut out = Vec::new();
    for i in 0..n {
        if t.line(i).timestamp {
            continue;
        }
        let s = t.str(i);
        let lower = s.to_lowercase();
        let glued = ["am", "pm"]
            .iter()
            .find(|m| lower.len() > 2 && lower.ends_with(*m))
            .and_then(|_| {
                let (hour, marker) = s.split_at(s.len() - 2);
                Clock::parse(hour, "", marker).map(|c| (c, t.words[i].end))
            });
        let next_same_line = i + 1 < n && t.words[i + 1].line == t.words[i].line;
        let spaced = || {
            if !next_same_line || !matches!(t.gap_after(i), "" | " ") {
                return None;
            }
            let m = t.str(i + 1);
            if !["am", "pm", "a.m", "p.m"].contains(&m.to_lowercase().as_str()) {
                return None;
            }
            let mut end = t.words[i + 1].end;
            let mut marker = m.to_string();
            if m.contains('.') && t.text[end..].starts_with('.') {
                marker.push('.');
                end += 1;
            }
            Clock::parse(s, t.gap_after(i), &marker).map(|c| (c, end))
        };
        let zoned = || {
            let zone = t.joined(i) && ZONES.contains(&t.str(i + 1).to_lowercase().as_str());
            if !zone || !s.contains(':') {
                return None;
            }
            Clock::parse(s, "", "").map(|c| (c, t.words[i].end))
        };
        let Some((clock, end)) = glued.or_else(spaced).or_else(zoned) else {
            continue;
        };
        // One end of a range is not the time of the event.
        let range_before = i > 0
            && t.words[i - 1].line == t.words[i].line
            && (["to", "until", "till", "through", "and", "between", "from"]
                .contains(&t.str(i - 1).to_lowercase().as_str())
                || t.text[t.words[i - 1].end..t.words[i].start].contains(['-', '–']));
        let rest = t.text[end..].trim_start_matches([' ', '\u{a0}']);
        let range_after = ["-", "–", "to ", "until ", "till ", "and "]
            .iter()
            .any(|p| {
                rest.strip_prefix(p)
                    .is_some_and(|r| r.trim_start().starts_with(|c: char| c.is_ascii_digit()))
            });
        let sure = !range_before && !range_after;
        let what = What::Time(clock.minutes);
        let range = t.words[i].start..end;
        out.push(Found::new(what, range, Form::Clock(clock), sure, sure));
    }
    out
}

#[cfg(test)]
mod tests {
    use std::sync::OnceLock;

    use super::*;
    use crate::rules::RuleSet;

    fn lex() -> &'static Lexicon {
        static SET: OnceLock<RuleSet> = OnceLock::new();
        &SET.get_or_init(|| RuleSet::load(&[] as &[&str]).expect("built-in rules load"))
            .lexicon
    }

    /// (text, states, sure) of each mention of `kind` in `text`.
    fn mentions(text: &str, kind: PlantKind) -> Vec<(String, bool, bool)> {
        let t = Text::new(text);
        find(&t, lex(), kind)
            .into_iter()
            .map(|f| (text[f.mention.range].to_string(), f.states, f.sure))
            .collect()
    }

    fn m(text: &str, states: bool, sure: bool) -> (String, bool, bool) {
        (text.to_string(), states, sure)
    }

    #[test]
    fn a_surname_is_stated_after_a_given_name_and_mentioned_alone() {
        let found = mentions(
            "Kiln owner Olaf Brenning lit the fire. Later Brenning's crew left.",
            PlantKind::Spelling,
        );
        assert_eq!(
            found,
            [m("Brenning", true, true), m("Brenning", false, true)]
        );
        // Two people of one surname: no mention is sure.
        let found = mentions(
            "Olaf Brenning and Ingrid Brenning ran the kiln.",
            PlantKind::Spelling,
        );
        assert!(found.iter().all(|(_, _, sure)| !sure), "{found:?}");
        // A longer name, or a common word written with a capital.
        let longer = "The kiln of Olaf Brenning Kilnworks opened at dawn near the river.";
        assert!(mentions(longer, PlantKind::Spelling).is_empty());
        assert!(mentions("Marta Lyon arrived.", PlantKind::Spelling).is_empty());
        let team = "Fans of the Carolina Harriers cheered loudly, while supporters of \
                    Port Olaf Brennings waited outside the gates in the rain.\n\
                    San Diego Harriers lost.";
        assert!(mentions(team, PlantKind::Spelling).is_empty());
        let titled = "The kiln was lit by Mayor Olaf Brenning at dawn.";
        assert_eq!(
            mentions(titled, PlantKind::Spelling),
            [m("Brenning", true, true)]
        );
    }

    #[test]
    fn a_title_is_stated_right_before_a_name() {
        let t = Text::new(
            "On the quay, Deputy Mayor Liesel Amsel thanked the crews, then Sen. Dario Pelz \
             spoke, while Velm Governor Ana Ruiz stayed away from the ceremony.",
        );
        let found = find(&t, lex(), PlantKind::Role);
        let described: Vec<(&str, &str, bool)> = found
            .iter()
            .map(|f| {
                let What::Office { office, surname } = &f.what else {
                    panic!("{f:?}")
                };
                (OFFICES[*office].forms[0], surname.as_str(), f.sure)
            })
            .collect();
        // The longest title wins; an unknown word before a title leaves
        // the office in doubt.
        assert_eq!(
            described,
            [
                ("Deputy Mayor", "Amsel", true),
                ("Sen.", "Pelz", true),
                ("Governor", "Ruiz", false)
            ]
        );
    }

    #[test]
    fn a_count_is_a_number_before_its_noun() {
        let found = mentions(
            "Crews saved 14 passengers and two million tonnes of grain, not Flight 12 passengers, \
             $40 million, 3 to 5 boats, 2031 boats or 9 days.",
            PlantKind::Figure,
        );
        assert_eq!(found, [m("14", true, true), m("two", true, true)]);
        let t = Text::new("Crews saved two million tonnes.");
        let What::Figure { total, noun } = &find(&t, lex(), PlantKind::Figure)[0].what else {
            panic!()
        };
        assert_eq!((*total, noun.as_str()), (2e6, "tonne"));
    }

    #[test]
    fn a_place_is_stated_after_in_at_near_or_in_a_dateline() {
        let found = mentions(
            "TURKU (Coast Wire) — The ferry docked in Turku. The Turku Harbour Board met.",
            PlantKind::Place,
        );
        assert_eq!(
            found,
            [
                m("TURKU", true, true),
                m("Turku", true, true),
                m("Turku", false, false)
            ]
        );
        // The gazetteer's Athens is not the one in Texas.
        let texas = mentions("The tug was built in Athens, Texas.", PlantKind::Place);
        assert_eq!(texas, []);
        let greece = mentions("The tug was built in Athens, Greece.", PlantKind::Place);
        assert_eq!(greece, [m("Athens", true, true)]);
        // The gazetteer puts its Los Angeles in California, and a city
        // moves to a place of its own region first: the state stays right.
        let state = mentions(
            "The clinic in Los Angeles, California, opened.",
            PlantKind::Place,
        );
        assert_eq!(state, [m("Los Angeles", true, true)]);
        // At a region: a team or a school, not a place.
        assert_eq!(
            mentions("She scored at Ontario all season.", PlantKind::Place),
            []
        );
        // The article goes with the name it is changed with.
        let found = mentions("It sank in Turku, near a Turku pier.", PlantKind::Place);
        assert_eq!(found, [m("Turku", true, true), m("a Turku", false, true)]);
    }

    #[test]
    fn weekdays_and_clock_times_of_events() {
        let found = mentions(
            "The kiln cracked on Thursday, officials said Monday, before Good Friday.",
            PlantKind::Date,
        );
        assert_eq!(
            found,
            [
                m("Thursday", true, true),
                m("Monday", false, true),
                m("Friday", false, false)
            ]
        );
        let found = mentions(
            "It cracked at 6:40 a.m. and at 9pm; the shop opens from 9 a.m. to 5 p.m.",
            PlantKind::Date,
        );
        assert_eq!(
            found,
            [
                m("6:40 a.m.", true, true),
                m("9pm", true, true),
                m("9 a.m.", false, false),
                m("5 p.m.", false, false)
            ]
        );
    }

    #[test]
    fn a_place_is_located_and_has_neighbours_in_its_country() {
        let turku = locate(lex(), "Turku").unwrap();
        let finland = locate(lex(), "Finland").unwrap();
        assert_eq!(turku.country(), finland.country());
        // Towns of its region first, nearest first, then of its country.
        let near: Vec<&str> = turku.near().collect();
        assert_eq!(near.first(), Some(&"Raisio"), "{near:?}");
        assert!(near.contains(&"Salo") && near.contains(&"Pori"), "{near:?}");
        assert!(turku.near().all(|p| p != "Turku"));
        assert_eq!(finland.near().count(), 0);
        assert!(locate(lex(), "Brenning").is_none());
    }
}
