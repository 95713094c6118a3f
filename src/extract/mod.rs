//! Claims extracted from one article: people and their roles, figures,
//! places and dates of events. Plain text in, deterministic, no model.

mod date;
mod figure;
mod person;
mod place;
mod role;
mod term;

use crate::article::{Article, Span};
use crate::gazetteer::PlaceRef;
use crate::lexicon::Lexicon;
use crate::text::Doc;

pub use date::DateValue;
pub use figure::{FigureValue, Qualifier};
pub use role::RoleValue;

/// A person as named in one mention.
#[derive(Debug, Clone)]
pub struct PersonMention {
    pub span: Span,
    pub text: String,
    /// Name words as written, without initials and titles.
    pub words: Vec<String>,
    /// For a surname-only mention, the index (among the article's person
    /// mentions) of the full-name mention it refers to.
    pub refers_to: Option<usize>,
}

/// A role given to a person: a title before the name, an appositive, ...
#[derive(Debug, Clone)]
pub struct RoleClaim {
    pub span: Span,
    pub text: String,
    /// Index of the person mention (among the article's person mentions).
    pub person: usize,
    pub value: RoleValue,
}

/// A number as written, with what it counts.
#[derive(Debug, Clone)]
pub struct FigureClaim {
    pub span: Span,
    pub text: String,
    pub value: FigureValue,
}

/// Where an event took place.
#[derive(Debug, Clone)]
pub struct PlaceClaim {
    pub span: Span,
    pub text: String,
    /// The event class from the events lexicon ("talks", "court", ...).
    pub event: String,
    /// The place's canonical name (gazetteer) or its name as written.
    pub place: String,
    /// The places of the gazetteer its name may name.
    pub known: Option<PlaceRef>,
    /// Given as a reference point ("70 km east of Munich", "near Tarata")
    /// rather than as the place itself.
    pub relative: bool,
    /// A year named in the sentence: the place of another year's event.
    pub year: Option<u32>,
    /// The larger place written right after it ("Banstead, Surrey",
    /// "Waitrose in Wellington"), by its canonical name.
    pub within: Option<String>,
}

/// When an event took place.
#[derive(Debug, Clone)]
pub struct DateClaim {
    pub span: Span,
    pub text: String,
    pub event: String,
    pub value: DateValue,
    /// A year named in the sentence: dates of another year's event are
    /// another subject.
    pub year: Option<u32>,
    /// The weekday the sentence names (0 = Monday), the nearest where it
    /// names several: times of a later day are of a later event.
    pub day: Option<u8>,
}

/// A proper name that is not a person's ("Bireuen", "Hormozgan"), kept for
/// its spelling.
#[derive(Debug, Clone)]
pub struct TermMention {
    pub span: Span,
    pub text: String,
}

#[derive(Debug, Clone)]
pub enum Claim {
    Person(PersonMention),
    Role(RoleClaim),
    Figure(FigureClaim),
    Place(PlaceClaim),
    Date(DateClaim),
    Term(TermMention),
}

impl Claim {
    pub fn span(&self) -> &Span {
        match self {
            Claim::Person(c) => &c.span,
            Claim::Role(c) => &c.span,
            Claim::Figure(c) => &c.span,
            Claim::Place(c) => &c.span,
            Claim::Date(c) => &c.span,
            Claim::Term(c) => &c.span,
        }
    }

    pub fn text(&self) -> &str {
        match self {
            Claim::Person(c) => &c.text,
            Claim::Role(c) => &c.text,
            Claim::Figure(c) => &c.text,
            Claim::Place(c) => &c.text,
            Claim::Date(c) => &c.text,
            Claim::Term(c) => &c.text,
        }
    }
}

/// The claims of one article, each kind in its own list.
#[derive(Debug, Clone, Default)]
pub struct ArticleClaims {
    pub people: Vec<PersonMention>,
    pub roles: Vec<RoleClaim>,
    pub figures: Vec<FigureClaim>,
    pub places: Vec<PlaceClaim>,
    pub dates: Vec<DateClaim>,
    pub terms: Vec<TermMention>,
}

impl ArticleClaims {
    pub fn len(&self) -> usize {
        self.people.len()
            + self.roles.len()
            + self.figures.len()
            + self.places.len()
            + self.dates.len()
            + self.terms.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every claim, in the order of the article.
    pub fn all(&self) -> Vec<Claim> {
        let mut all: Vec<Claim> = self
            .people
            .iter()
            .cloned()
            .map(Claim::Person)
            .chain(self.roles.iter().cloned().map(Claim::Role))
            .chain(self.figures.iter().cloned().map(Claim::Figure))
            .chain(self.places.iter().cloned().map(Claim::Place))
            .chain(self.dates.iter().cloned().map(Claim::Date))
            .chain(self.terms.iter().cloned().map(Claim::Term))
            .collect();
        all.sort_by_key(|c| (c.span().start, c.span().end));
        all
    }
}

/// A claim's span and exact text from token range `range`.
fn span_of(article: &Article, doc: &Doc, range: std::ops::Range<usize>) -> (Span, String) {
    let bytes = doc.byte_range(range);
    let span = article.span(bytes.start, bytes.end);
    (span, article.text[bytes].to_string())
}

/// Lines that carry no claim about the event: bylines, advertisement
/// markers, update stamps.
fn is_boilerplate(doc: &Doc, sentence: &std::ops::Range<usize>) -> bool {
    let first = doc.folded(sentence.start);
    let len = sentence.len();
    (first == "by" && len <= 6)
        || (len <= 4
            && (sentence.clone()).any(|i| {
                matches!(
                    doc.folded(i),
                    "advertisement" | "advertising" | "sponsored"
                )
            }))
        || (len <= 14
            && (sentence.clone()).take(3).any(|i| {
                matches!(
                    doc.folded(i),
                    "updated" | "published" | "posted" | "copyright"
                )
            }))
        // Time stamps and shouting lines: "WEDNESDAY, MARCH 4, 2009, 10:53 AM".
        || (len <= 15
            && !(sentence.clone())
                .any(|i| doc.is_word(i) && doc.tok(i).chars().any(char::is_lowercase)))
}

/// Headlines in Title Case capitalise every word, so capitals there say
/// nothing about names.
fn is_title_case(doc: &Doc, lex: &Lexicon, sentence: &std::ops::Range<usize>) -> bool {
    // Every word but short function words capitalised.
    let mut words = 0;
    for i in sentence.clone().filter(|&i| doc.is_word(i)) {
        if !doc.is_capitalized(i) && !lex.is_function_word(doc.folded(i)) {
            return false;
        }
        words += 1;
    }
    words >= 4
}

pub fn extract(article: &Article, lex: &Lexicon) -> ArticleClaims {
    let doc = Doc::new(&article.text);
    let skip: Vec<bool> = doc
        .sentences
        .iter()
        .map(|s| is_boilerplate(&doc, s))
        .collect();
    let skip_names: Vec<bool> = doc
        .sentences
        .iter()
        .zip(&skip)
        .map(|(s, &b)| b || is_title_case(&doc, lex, s))
        .collect();
    let (people, roles) = person::extract(article, &doc, lex, &skip_names);
    let figures = figure::extract(article, &doc, lex, &skip, &people);
    let places = place::extract(article, &doc, lex, &skip_names, &people);
    let dates = date::extract(article, &doc, lex, &skip);
    let terms = term::extract(article, &doc, lex, &skip_names, &people);
    ArticleClaims {
        people,
        roles,
        figures,
        places,
        dates,
        terms,
    }
}

/// The event class of the nearest event word to token `at` in its sentence,
/// looking at single words and two-word phrases.
fn nearest_event(
    doc: &Doc,
    lex: &Lexicon,
    at: usize,
    within: std::ops::Range<usize>,
) -> Option<(String, usize)> {
    let mut best: Option<(usize, &str, usize)> = None;
    // The second word of a phrase already read: "opened fire" is a
    // shooting, its "fire" no fire.
    let mut covered = usize::MAX;
    for i in within {
        // "March" the month is no march.
        if i == covered
            || !doc.is_word(i)
            || (doc.is_capitalized(i) && crate::text::is_calendar_word(doc.folded(i)))
        {
            continue;
        }
        let (word, lemma) = (doc.folded(i), doc.lemma(i));
        let single = lex
            .event_class(word)
            .or_else(|| (lemma != word).then(|| lex.event_class(lemma))?);
        let pair = if doc.is_word(i + 1) {
            phrase_event(doc, lex, i)
        } else {
            None
        };
        if pair.is_some() {
            covered = i + 1;
        }
        if let Some(class) = pair.or(single) {
            // A phrase is as near as its nearer word.
            let d = match pair {
                Some(_) => i.abs_diff(at).min((i + 1).abs_diff(at)),
                None => i.abs_diff(at),
            };
            if best.as_ref().is_none_or(|b| d < b.0) {
                best = Some((d, class, i));
            }
        }
    }
    best.map(|(_, c, i)| (c.to_string(), i))
}

/// The event class of the two words at tokens `i` and `i + 1` ("opened
/// fire"), looked up only after a word that starts an event phrase.
fn phrase_event<'l>(doc: &Doc, lex: &'l Lexicon, i: usize) -> Option<&'l str> {
    if i + 1 >= doc.tokens.len() || !lex.starts_event_phrase(doc.folded(i)) {
        return None;
    }
    lex.event_class(&format!("{} {}", doc.folded(i), doc.folded(i + 1)))
}

impl Claim {
    /// The kind of claim and its normalised value, for listings.
    pub fn describe(&self) -> (&'static str, String) {
        match self {
            Claim::Person(p) => ("person", p.words.join(" ")),
            Claim::Role(r) => ("role", r.value.display()),
            Claim::Figure(f) => {
                let v = &f.value;
                let mut s = format!(
                    "{} [{}..{}] noun={} @ {}",
                    v.display(),
                    v.low,
                    v.high,
                    v.noun.as_deref().unwrap_or("-"),
                    v.event.as_deref().unwrap_or("")
                );
                if !v.frame.is_empty() {
                    s.push_str(&format!(" frame={}", v.frame.join(",")));
                }
                for (flag, name) in [(v.reported, "reported"), (v.partial, "partial")] {
                    if flag {
                        s.push(' ');
                        s.push_str(name);
                    }
                }
                ("figure", s)
            }
            Claim::Place(p) => ("place", format!("{} @ {}", p.place, p.event)),
            Claim::Date(d) => ("date", format!("{} @ {}", d.value.display(), d.event)),
            Claim::Term(t) => ("name", t.text.clone()),
        }
    }
}

#[cfg(test)]
pub(crate) mod testing {
    use std::sync::OnceLock;

    use crate::article::Article;
    use crate::lexicon::Lexicon;
    use crate::rules::RuleSet;

    /// The built-in lexicon, loaded once for all extractor tests.
    pub fn lex() -> &'static Lexicon {
        static SET: OnceLock<RuleSet> = OnceLock::new();
        &SET.get_or_init(|| RuleSet::load(&[] as &[&str]).expect("built-in rules load"))
            .lexicon
    }

    pub fn claims(text: &str) -> super::ArticleClaims {
        super::extract(&Article::new("t.txt", text), lex())
    }
}
