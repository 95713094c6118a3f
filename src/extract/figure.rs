//! Figures: numbers as written ("58,000", "1.2 million", "€3.8bn", "12%",
//! "minus 19", "two", "tens of thousands", "at least 23"), normalised to a
//! range in a base unit, with the noun they count and their context.

use std::ops::Range;

use super::{FigureClaim, PersonMention, nearest_event, span_of};

/// How far (in tokens) the event word of a figure may stand from it.
const EVENT_WINDOW: usize = 6;
use crate::article::Article;
use crate::lexicon::Lexicon;
use crate::text::{Doc, MONTHS, TokenKind, fold, is_calendar_word, lemma, name_key};

/// How a figure is hedged; it decides the range of values it allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qualifier {
    Exact,
    AtLeast,
    MoreThan,
    About,
    AtMost,
    Nearly,
    /// A vague amount: "dozens", "tens of thousands".
    Vague,
}

#[derive(Debug, Clone)]
pub struct FigureValue {
    /// The number as written, scaled ("1.2 million" -> 1_200_000).
    pub number: f64,
    /// The range the wording allows, in the dimension's base unit.
    pub low: f64,
    pub high: f64,
    pub qualifier: Qualifier,
    /// "count", "percent", "currency:EUR", "length", "duration", ...
    pub dimension: String,
    /// Lemma of the noun counted ("worker"), where there is one.
    pub noun: Option<String>,
    /// Lemmas of the content words of the figure's clause, sorted, each
    /// once, joined by spaces: one string rather than one per word, for an
    /// archive holds millions of figures. See [`FigureValue::context_words`].
    pub context: String,
    /// When the clause says its event happened ("2003", "december", "last
    /// year"): figures about an earlier event are another subject.
    pub frame: Vec<String>,
    /// The index (among the article's figures) of the figure this one
    /// converts, for "5 kilometres (3.1 miles)".
    pub conversion_of: Option<usize>,
    /// Said of what someone asked or expected, not of what happened
    /// ("prosecutors had sought 12 years").
    pub reported: bool,
    /// Said of a part only ("in Sumatra alone"), not of the whole.
    pub partial: bool,
    /// The event the figure is about, from the nearest event word of its
    /// clause ("killed", "injured").
    pub event: Option<String>,
    /// The person the figure is said of ("Smith scored 30 points"): the
    /// spelling key of their last name. Whoever says it is not its owner.
    pub owner: Option<String>,
}

impl FigureValue {
    /// The value compared, as shown in reports.
    /// The words of [`FigureValue::context`], in sorted order.
    pub fn context_words(&self) -> impl Iterator<Item = &str> {
        self.context.split(' ').filter(|w| !w.is_empty())
    }

    pub fn display(&self) -> String {
        let n = if self.number.fract() == 0.0 && self.number.abs() < 1e15 {
            group_thousands(self.number as i64)
        } else {
            format!("{:.2}", self.number)
                .trim_end_matches('0')
                .trim_end_matches('.')
                .to_string()
        };
        match self.dimension.as_str() {
            "count" => n,
            d => format!("{n} {d}"),
        }
    }
}

/// Folded "seven", "twenty-five" -> their value.
fn word_number(w: &str) -> Option<f64> {
    if let Some(n) = units(w).or_else(|| tens(w)) {
        return Some(n as f64);
    }
    let (t, u) = split_at_hyphen(w)?;
    let u = units(u).filter(|u| (1..10).contains(u))?;
    Some((tens(t)? + u) as f64)
}

/// The parts of a word before and after its first hyphen. A byte search:
/// this runs for every word, and a char pattern costs more on short words.
fn split_at_hyphen(w: &str) -> Option<(&str, &str)> {
    let k = w.bytes().position(|b| b == b'-')?;
    Some((&w[..k], &w[k + 1..]))
}

/// "zero" to "nineteen".
fn units(w: &str) -> Option<u32> {
    Some(match w {
        "zero" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        _ => return None,
    })
}

/// "twenty" to "ninety".
fn tens(w: &str) -> Option<u32> {
    Some(match w {
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

fn scale(w: &str, money: bool) -> Option<f64> {
    // "€40m." at the end of a sentence reads as an abbreviation.
    match fold(w).trim_end_matches('.') {
        "hundred" => Some(1e2),
        "thousand" => Some(1e3),
        "k" if money => Some(1e3),
        "million" | "millions" => Some(1e6),
        "billion" | "billions" => Some(1e9),
        "trillion" => Some(1e12),
        "m" | "mn" | "mln" if money => Some(1e6),
        "bn" | "b" if money => Some(1e9),
        "tn" if money => Some(1e12),
        _ => None,
    }
}

/// Vague amounts and the ranges they stand for.
fn vague_amount(doc: &Doc, i: usize) -> Option<(usize, f64, f64)> {
    let w = doc.folded(i);
    let of_next = |j: usize| doc.is_word(j) && doc.folded(j) == "of" && doc.is_word(j + 1);
    match w {
        "dozens" => Some((1, 24.0, 199.0)),
        "hundreds" if of_next(i + 1) && doc.folded(i + 2) == "thousands" => Some((3, 2e5, 1e6)),
        "hundreds" => Some((1, 200.0, 1999.0)),
        "tens" if of_next(i + 1) && doc.folded(i + 2) == "thousands" => Some((3, 2e4, 1e5)),
        "thousands" => Some((1, 2000.0, 19999.0)),
        "millions" => Some((1, 2e6, 1e9)),
        _ => None,
    }
}

/// The qualifier in the (up to three) words before token `i`, and where
/// the qualified phrase starts.
fn qualifier_before(doc: &Doc, i: usize, floor: usize) -> (Qualifier, usize) {
    let w = |k: usize| {
        if k >= floor && k < i {
            doc.folded(k)
        } else {
            ""
        }
    };
    let two = |a: &str, b: &str| i >= floor + 2 && w(i - 2) == a && w(i - 1) == b;
    let three = |a: &str, b: &str, c: &str| {
        i >= floor + 3 && w(i - 3) == a && w(i - 2) == b && w(i - 1) == c
    };
    if three("as", "many", "as") || three("as", "much", "as") {
        return (Qualifier::AtMost, i - 3);
    }
    if two("at", "least") || two("no", "fewer") {
        return (Qualifier::AtLeast, i - 2);
    }
    if two("more", "than") || two("just", "over") || two("over", "than") {
        return (Qualifier::MoreThan, i - 2);
    }
    if two("up", "to")
        || two("at", "most")
        || two("fewer", "than")
        || two("less", "than")
        || two("just", "under")
    {
        return (Qualifier::AtMost, i - 2);
    }
    if two("close", "to") {
        return (Qualifier::Nearly, i - 2);
    }
    if two("an", "estimated") {
        return (Qualifier::About, i - 2);
    }
    if i > floor {
        match w(i - 1) {
            "over" | "above" => return (Qualifier::MoreThan, i - 1),
            "about" | "around" | "some" | "roughly" | "approximately" | "approx" | "estimated"
            | "circa" => {
                return (Qualifier::About, i - 1);
            }
            "nearly" | "almost" => return (Qualifier::Nearly, i - 1),
            "under" => return (Qualifier::AtMost, i - 1),
            _ => {}
        }
    }
    (Qualifier::Exact, i)
}

/// The values a hedged number allows.
fn range_of(q: Qualifier, v: f64) -> (f64, f64) {
    match q {
        Qualifier::Exact | Qualifier::Vague => (v, v),
        Qualifier::AtLeast | Qualifier::MoreThan => (v, f64::INFINITY),
        Qualifier::About => (v * 0.9, v * 1.1),
        Qualifier::AtMost => (0.0_f64.min(v), v),
        Qualifier::Nearly => (v * 0.9, v),
    }
}

fn is_year(doc: &Doc, i: usize) -> Option<u32> {
    let t = &doc.tokens[i];
    let s = doc.tok(i);
    if t.kind != TokenKind::Number || s.len() != 4 {
        return None;
    }
    let y: u32 = s.parse().ok()?;
    (1900..=2100).contains(&y).then_some(y)
}

/// Whether the token at `i` follows a deadline word: "until 2030", "by
/// June" name a deadline, not when the event happened.
fn after_deadline_word(doc: &Doc, i: usize) -> bool {
    (i.saturating_sub(2)..i)
        .any(|k| matches!(doc.folded(k), "until" | "till" | "through" | "by" | "to"))
}

/// A year that dates an event.
fn event_year(doc: &Doc, i: usize) -> Option<u32> {
    is_year(doc, i).filter(|_| !after_deadline_word(doc, i))
}

/// The time anchors of a clause: event years, month names, and "last
/// year" / "years ago" for an earlier event.
fn time_frame(doc: &Doc, clause: Range<usize>) -> Vec<String> {
    let mut frame = Vec::new();
    for k in clause.clone() {
        if let Some(y) = event_year(doc, k) {
            frame.push(y.to_string());
            continue;
        }
        if !doc.is_word(k) {
            continue;
        }
        let w = doc.folded(k);
        let next = (k + 1 < clause.end && doc.is_word(k + 1)).then(|| doc.folded(k + 1));
        if MONTHS.contains(&w)
            && (w != "may" || doc.is_capitalized(k))
            && !after_deadline_word(doc, k)
        {
            frame.push(w.to_string());
        } else if w == "last" && matches!(next, Some("year" | "month")) {
            frame.push(format!("last {}", next.unwrap_or_default()));
        } else if matches!(w, "years" | "months" | "decades") && next == Some("ago") {
            frame.push("ago".into());
        }
    }
    frame.sort();
    frame.dedup();
    frame
}

/// A number at token `i`: its value, and the index after it.
fn number_at(doc: &Doc, i: usize) -> Option<(f64, usize)> {
    let t = &doc.tokens[i];
    match t.kind {
        TokenKind::Number => {
            let s = doc.tok(i);
            if s.contains(':') {
                return None;
            }
            let v: f64 = s.replace(',', "").parse().ok()?;
            Some((v, i + 1))
        }
        TokenKind::Word => {
            let w = doc.folded(i);
            let v = match split_at_hyphen(w) {
                // "five-year": the number is the first part of the word.
                Some((first, _)) => word_number(w).or_else(|| word_number(first))?,
                None if w == "one" => return None,
                None => word_number(w)?,
            };
            Some((v, i + 1))
        }
        _ => None,
    }
}

/// Person mentions sorted by where they start, so that a clause finds its
/// own without a scan of every mention, which is quadratic on a long
/// article.
struct ByStart<'a> {
    people: &'a [PersonMention],
    /// Indices into `people`, by start.
    order: Vec<usize>,
}

impl<'a> ByStart<'a> {
    fn new(people: &'a [PersonMention]) -> Self {
        let mut order: Vec<usize> = (0..people.len()).collect();
        order.sort_by_key(|&i| (people[i].span.start, i));
        ByStart { people, order }
    }

    /// The mentions that lie within `bytes`, in their original order.
    fn within(&self, bytes: Range<usize>) -> Vec<&'a PersonMention> {
        let start = |i: &usize| self.people[*i].span.start;
        let from = self.order.partition_point(|i| start(i) < bytes.start);
        let to = self.order.partition_point(|i| start(i) <= bytes.end);
        let mut inside: Vec<usize> = self.order[from..to]
            .iter()
            .copied()
            .filter(|&i| self.people[i].span.end <= bytes.end)
            .collect();
        inside.sort_unstable();
        inside.into_iter().map(|i| &self.people[i]).collect()
    }
}

/// The person a figure at token `at` is said of: the one named nearest to it
/// in its clause, leaving out whoever a speech verb makes the speaker.
fn owner(
    doc: &Doc,
    lex: &Lexicon,
    clause: Range<usize>,
    at: usize,
    people: &ByStart,
) -> Option<String> {
    let bytes = doc.byte_range(clause.clone());
    let named: Vec<&PersonMention> = people
        .within(bytes)
        .into_iter()
        .filter(|p| !p.words.is_empty())
        .collect();
    if named.is_empty() {
        return None;
    }
    let distance = |p: &PersonMention, byte: usize| {
        if p.span.end <= byte {
            byte - p.span.end
        } else {
            p.span.start.saturating_sub(byte)
        }
    };
    let speakers: Vec<usize> = clause
        .filter(|&k| doc.is_word(k) && lex.is_speech_verb(doc.folded(k)))
        .filter_map(|k| {
            let b = doc.tokens[k].start;
            (0..named.len()).min_by_key(|&n| distance(named[n], b))
        })
        .collect();
    let b = doc.tokens[at].start;
    (0..named.len())
        .filter(|n| !speakers.contains(n))
        .min_by_key(|&n| distance(named[n], b))
        .and_then(|n| named[n].words.last())
        .map(|w| name_key(w))
}

/// "Oct. 19", "21 July": the number is a day of a month.
fn is_day_of_month(doc: &Doc, i: usize, sentence: &Range<usize>) -> bool {
    let month = |k: usize| {
        let w = doc.folded(k);
        let w = w.trim_end_matches('.');
        doc.is_word(k)
            && doc.is_capitalized(k)
            && MONTHS
                .iter()
                .any(|m| *m == w || (w.len() >= 3 && m.starts_with(w)))
    };
    (i > sentence.start && month(i - 1)) || (i + 1 < sentence.end && month(i + 1))
}

/// "Week 15", "USB 3.0", "Flight 370": a number after a name names
/// something rather than counting it.
fn is_label(doc: &Doc, lex: &Lexicon, i: usize, sentence: &Range<usize>) -> bool {
    if i == 0 || i - 1 < sentence.start || doc.tokens[i].kind != TokenKind::Number {
        return false;
    }
    let k = i - 1;
    let w = doc.folded(k);
    doc.is_word(k)
        && doc.is_capitalized(k)
        && !is_calendar_word(w)
        && lex.unit(w).is_none()
        && lex.currency(doc.folded(k)).is_none()
        && !lex.is_function_word(w)
        && !matches!(
            w,
            "about" | "around" | "nearly" | "almost" | "some" | "over" | "roughly"
        )
}

/// One more person hurt or killed, said without a number: "another
/// wounded", "wounding a third". The count and the index after it.
fn one_more_person(
    doc: &Doc,
    lex: &Lexicon,
    i: usize,
    sentence: &Range<usize>,
) -> Option<(f64, usize)> {
    let is_event =
        |k: usize| k < sentence.end && doc.is_word(k) && lex.event_class(doc.folded(k)).is_some();
    match doc.folded(i) {
        "another" if is_event(i + 1) && lex.noun_group(doc.lemma(i + 1)).is_some() => {
            Some((1.0, i + 1))
        }
        "a" if i > sentence.start
            && is_event(i - 1)
            && i + 1 < sentence.end
            && matches!(doc.folded(i + 1), "second" | "third" | "fourth" | "fifth")
            && !(i + 2 < sentence.end && doc.folded(i + 2) == "of") =>
        {
            Some((1.0, i + 2))
        }
        _ => None,
    }
}

/// Whether "and a half" starts at token `k`.
fn and_a_half(doc: &Doc, k: usize, end: usize) -> bool {
    k + 3 <= end
        && doc.folded(k) == "and"
        && doc.folded(k + 1) == "a"
        && doc.folded(k + 2) == "half"
}

/// A fraction in words before a unit: "half a mile", "a half mile", "a
/// mile and a half" (whose half is read after the unit). The whole part and
/// the index of the unit.
fn fraction_at(
    doc: &Doc,
    lex: &Lexicon,
    i: usize,
    sentence: &Range<usize>,
) -> Option<(f64, usize)> {
    let w = doc.folded(i);
    if !matches!(w, "a" | "an" | "half") || i + 2 >= sentence.end {
        return None;
    }
    let unit = |k: usize| doc.is_word(k) && lex.unit(doc.folded(k)).is_some();
    let next = doc.folded(i + 1);
    match w {
        "half" if matches!(next, "a" | "an") && unit(i + 2) => Some((0.5, i + 2)),
        "a" | "an" if next == "half" && unit(i + 2) => Some((0.5, i + 2)),
        "a" | "an" if and_a_half(doc, i + 2, sentence.end) && unit(i + 1) => Some((1.0, i + 1)),
        _ => None,
    }
}

/// Whether the word at `at`, after a plural count, modifies the plural noun
/// at `next` rather than being counted: "two former co-workers", "47 assault
/// rifles". The count agrees with the plural; a singular before it is no
/// counted noun. A capitalised word ("12 Somali pirates", "Israeli
/// soldiers") names a part of those counted, and stays the noun.
fn modifies_plural(doc: &Doc, lex: &Lexicon, at: usize, next: usize) -> bool {
    let (word, after) = (doc.folded(at), doc.folded(next));
    doc.lemma(at) == word
        && !doc.is_capitalized(at)
        && !doc.is_capitalized(next)
        && lex.noun_group(word).is_none()
        && after.ends_with('s')
        && doc.lemma(next) != after
        && !lex.is_function_word(after)
        && !lex.is_speech_verb(after)
}

/// Whether the singular word at `at`, after a plural count, makes the
/// number a name ("the 12000 block", "a .38 caliber", "8.49pm") rather
/// than a count: nouns of a group, events, tallies and collective nouns
/// ("20 police") are counted in the singular. Capitalised words are left
/// to the aligner, which knows the peoples' names ("12 Somali").
fn names_rather_than_counts(doc: &Doc, lex: &Lexicon, at: usize) -> bool {
    let word = doc.folded(at);
    doc.lemma(at) == word
        && !doc.is_capitalized(at)
        && lex.noun_group(word).is_none()
        && lex.event_class(word).is_none()
        && !lex.is_owned_count(word)
        && !lex.is_collective_noun(word)
}

/// Boundaries of the clause around token `i`: dashes, semicolons and
/// brackets close it, so an aside is not the figure's context.
fn clause(doc: &Doc, i: usize, sentence: &Range<usize>) -> Range<usize> {
    let is_break = |k: usize| {
        doc.tokens[k].kind == TokenKind::Punct && matches!(doc.tok(k), "—" | "–" | ";" | "(" | ")")
    };
    let mut s = i;
    while s > sentence.start && !is_break(s - 1) {
        s -= 1;
    }
    let mut e = i;
    while e < sentence.end && !is_break(e) {
        e += 1;
    }
    s..e
}

pub fn extract(
    article: &Article,
    doc: &Doc,
    lex: &Lexicon,
    skip: &[bool],
    people: &[PersonMention],
) -> Vec<FigureClaim> {
    let mut out: Vec<FigureClaim> = Vec::new();
    let people = ByStart::new(people);
    for (si, sentence) in doc.sentences.iter().enumerate() {
        if skip[si] {
            continue;
        }
        let mut i = sentence.start;
        while i < sentence.end {
            if let Some(skip) = score_or_ratio(doc, i, sentence.end) {
                i = skip;
                continue;
            }
            match figure_at(doc, lex, i, sentence.clone()) {
                Some((mut range, mut value)) => {
                    let cl = clause(doc, i, sentence);
                    value.frame = time_frame(doc, cl.clone());
                    let mut context: Vec<&str> = cl
                        .clone()
                        .filter(|&k| doc.is_word(k) && !range.contains(&k))
                        .filter(|&k| {
                            !lex.is_function_word(doc.folded(k)) && doc.tok(k).chars().count() > 2
                        })
                        .map(|k| doc.lemma(k))
                        .collect();
                    context.sort_unstable();
                    context.dedup();
                    value.context = context.join(" ");
                    value.reported = cl
                        .clone()
                        .filter(|&k| k < range.start && doc.is_word(k))
                        .any(|k| lex.is_reported_cue(doc.folded(k)));
                    value.partial = cl
                        .clone()
                        .any(|k| doc.is_word(k) && lex.is_partial_cue(doc.folded(k)));
                    value.owner = owner(doc, lex, cl.clone(), range.start, &people);
                    let near = range.start.saturating_sub(EVENT_WINDOW).max(cl.start)
                        ..(range.end + EVENT_WINDOW).min(cl.end);
                    value.event = nearest_event(doc, lex, range.start, near).map(|(e, _)| e);
                    // "14 injured": the noun is the event, the count is of people.
                    if let Some(n) = &value.noun
                        && lex.noun_group(n).is_some()
                        && let Some(e) = lex.event_class(n)
                    {
                        value.event = Some(e.to_string());
                        value.noun = Some("people".into());
                    } else if value
                        .noun
                        .as_deref()
                        .is_some_and(|n| lex.noun_group(n).is_some())
                        && range.end < cl.end
                        && doc.is_word(range.end)
                        && let Some(e) = lex.event_class(doc.folded(range.end))
                    {
                        // "249 people injured": the participle after the
                        // noun names the event.
                        value.event = Some(e.to_string());
                        range.end += 1;
                    }
                    // "(43 miles)" right after a figure converts it.
                    if range.start >= 2
                        && doc.is_punct(range.start - 1, "(")
                        && let Some(prev) = out.last()
                        && doc.tokens[range.start - 2].end == prev.span.end
                    {
                        value.conversion_of = Some(out.len() - 1);
                    }
                    // "killing 10 people": the verb belongs to the claim.
                    if range.start > cl.start
                        && doc.is_word(range.start - 1)
                        && lex.event_class(doc.folded(range.start - 1)).is_some()
                        && matches!(doc.folded(range.start - 1), w if w.ends_with("ing") || w.ends_with("ed"))
                    {
                        range.start -= 1;
                    }
                    let (span, text) = span_of(article, doc, range.clone());
                    out.push(FigureClaim { span, text, value });
                    i = range.end;
                }
                None => i += 1,
            }
        }
    }
    out
}

/// Reads a figure starting at token `i` (after any qualifier before it).
fn figure_at(
    doc: &Doc,
    lex: &Lexicon,
    i: usize,
    sentence: Range<usize>,
) -> Option<(Range<usize>, FigureValue)> {
    // Most tokens start no figure: rule them out before reading around them.
    if vague_amount(doc, i).is_none()
        && number_at(doc, i).is_none()
        && one_more_person(doc, lex, i, &sentence).is_none()
        && fraction_at(doc, lex, i, &sentence).is_none()
    {
        return None;
    }
    let (q, start) = qualifier_before(doc, i, sentence.start);
    let mut negative = false;
    let mut start = start;
    if i > sentence.start && matches!(doc.folded(i - 1), "minus" | "negative") {
        negative = true;
        start = start.min(i - 1);
    }
    // A currency sign or code before the number: "€3.8bn", "US$ 4", "$136M".
    let mut currency: Option<String> = None;
    if i > sentence.start
        && (!doc.tokens[i].after_space || doc.is_word(i - 1))
        && let Some(c) = lex.currency(doc.folded(i - 1))
        && (doc.tokens[i - 1].kind != TokenKind::Word
            || doc.is_capitalized(i - 1)
            || doc.tok(i - 1).len() <= 3)
    {
        currency = Some(c.to_string());
        start = start.min(i - 1);
        // "US$": a country prefix glued to the sign.
        if i >= 2
            && doc.is_word(i - 2)
            && !doc.tokens[i - 1].after_space
            && doc.tok(i - 2).len() <= 2
            && doc.is_capitalized(i - 2)
        {
            start = start.min(i - 2);
        }
    }
    let (mut value, mut j, mut qualifier) = if let Some((n, lo, hi)) = vague_amount(doc, i) {
        let end = i + n;
        let (lo, hi) = (lo, hi);
        let mut v = FigureValue::new(lo, Qualifier::Vague);
        v.low = lo;
        v.high = hi;
        (v, end, Qualifier::Vague)
    } else {
        let (mut n, mut j) = number_at(doc, i)
            .or_else(|| one_more_person(doc, lex, i, &sentence))
            .or_else(|| fraction_at(doc, lex, i, &sentence))?;
        // "two and a half hours".
        if (doc.tokens[i].kind == TokenKind::Number || word_number(doc.folded(i)).is_some())
            && and_a_half(doc, j, sentence.end)
        {
            n += 0.5;
            j += 3;
        }
        // Ordinals ("117th Street") are not amounts.
        if doc.is_word(j)
            && !doc.tokens[j].after_space
            && matches!(doc.folded(j), "st" | "nd" | "rd" | "th")
        {
            return None;
        }
        if is_year(doc, i).is_some() && currency.is_none() {
            return None;
        }
        if currency.is_none()
            && (is_day_of_month(doc, i, &sentence) || is_label(doc, lex, i, &sentence))
        {
            return None;
        }
        // A word number inside a word ("four-by-four") is no figure.
        if doc.is_word(i) && doc.tok(i).matches('-').count() > 1 {
            return None;
        }
        (FigureValue::new(n, q), j, q)
    };
    if doc.is_word(i) && fold(doc.tok(i)) == "dozen" {
        return None;
    }
    let mut number = value.number;
    if negative {
        number = -number;
    }
    // The rest of a hyphenated word ("five-year", "billion-won") reads as
    // the words after the number.
    let mut tail: Vec<String> = Vec::new();
    if doc.is_word(i) && doc.tok(i).contains('-') {
        tail.extend(doc.tok(i).split('-').skip(1).map(fold));
    }
    let next_words = |j: &mut usize, tail: &mut Vec<String>| -> Option<String> {
        if !tail.is_empty() {
            return Some(tail.remove(0));
        }
        // "22-year-old", "6.1-magnitude": a hyphen joins number and word.
        if *j < sentence.end
            && doc.is_punct(*j, "-")
            && doc.is_word(*j + 1)
            && !doc.tokens[*j].after_space
        {
            let parts: Vec<String> = doc.tok(*j + 1).split('-').map(fold).collect();
            *j += 2;
            tail.extend(parts.into_iter().skip(1));
            return Some(fold(doc.tok(*j - 1).split('-').next().unwrap_or("")));
        }
        if *j < sentence.end && (doc.is_word(*j) || doc.tokens[*j].kind == TokenKind::Punct) {
            let w = doc.tok(*j);
            *j += 1;
            return Some(fold(w));
        }
        None
    };
    let mut dimension = "count".to_string();
    let mut factor = 1.0;
    let mut peek = j;
    let mut noun = None;
    let mut noun_end = None;
    let mut consumed_tail_end = j;
    let mut steps = 0;
    while let Some(w) = next_words(&mut peek, &mut tail) {
        steps += 1;
        if steps > 6 {
            break;
        }
        if let Some(s) = scale(&w, currency.is_some()) {
            number *= s;
            consumed_tail_end = peek;
            continue;
        }
        if w == "%" || w == "percent" {
            dimension = "percent".into();
            consumed_tail_end = peek;
            break;
        }
        if w == "per" {
            continue;
        }
        if w == "cent" && dimension == "count" {
            dimension = "percent".into();
            consumed_tail_end = peek;
            break;
        }
        if currency.is_none()
            && w.len() > 1
            && let Some(c) = lex.currency(&w)
        {
            currency = Some(c.to_string());
            consumed_tail_end = peek;
            continue;
        }
        if dimension == "count"
            && currency.is_none()
            && let Some((d, f)) = lex.unit(&w)
        {
            dimension = d.to_string();
            factor = f;
            // "a mile and a half".
            if tail.is_empty() && and_a_half(doc, peek, sentence.end) {
                number += 0.5;
                peek += 3;
            }
            consumed_tail_end = peek;
            continue;
        }
        if w == "old" && dimension == "duration" {
            dimension = "age".into();
            consumed_tail_end = peek;
            continue;
        }
        // The counted noun: the first content word after the number.
        if matches!(
            w.as_str(),
            "more" | "other" | "additional" | "further" | "extra" | "new"
        ) {
            continue;
        }
        // "nine years in prison": a unit, then what it is spent on.
        if dimension != "count" && matches!(w.as_str(), "in" | "of") {
            continue;
        }
        // "wounding two others": other people.
        if w == "others" {
            noun = Some("people".to_string());
            noun_end = Some(peek);
            break;
        }
        // "12 worst-hit villages": a compound adjective before the noun.
        if w.contains('-') && w.chars().all(|c| c.is_alphabetic() || c == '-') {
            continue;
        }
        if w.chars().all(|c| c.is_alphabetic()) && !lex.is_function_word(&w) {
            // A word read whole from its token, not from a hyphenated one.
            let whole = tail.is_empty() && peek > j && doc.folded(peek - 1) == w;
            let following = (whole && peek < sentence.end && doc.is_word(peek)).then_some(peek);
            // "12 nautical miles", "two square kilometres": a word before a
            // unit qualifies the unit, or makes another unit with it.
            if dimension == "count"
                && currency.is_none()
                && let Some(k) = following
                && !doc.is_capitalized(k)
                && let Some((d, f)) = lex.unit(doc.folded(k))
            {
                let (d, f) = lex
                    .unit(&format!("{w} {}", doc.folded(k)))
                    .unwrap_or((d, f));
                dimension = d.to_string();
                factor = f;
                peek = k + 1;
                consumed_tail_end = peek;
                continue;
            }
            match following.filter(|&k| number > 1.0 && modifies_plural(doc, lex, peek - 1, k)) {
                // "three strong aftershocks": the plural noun is counted.
                Some(k) => {
                    noun = Some(doc.lemma(k).to_string());
                    noun_end = Some(k + 1);
                }
                // "the 12000 block", "a .38 caliber", "8.49pm": a singular
                // noun after a plural count names a thing, it counts none.
                None if whole
                    && number > 1.0
                    && dimension == "count"
                    && currency.is_none()
                    && names_rather_than_counts(doc, lex, peek - 1) => {}
                None => {
                    noun = Some(lemma(&w));
                    if tail.is_empty() {
                        noun_end = Some(peek);
                    }
                }
            }
            break;
        }
        if w.contains(char::is_alphabetic) && w.chars().all(|c| c.is_alphabetic() || c == '\'') {
            break;
        }
        break;
    }
    j = noun_end
        .unwrap_or(consumed_tail_end)
        .max(consumed_tail_end)
        .max(j);
    if let Some(c) = &currency {
        dimension = format!("currency:{c}");
    }
    // "wounding a third": the ordinal counts one more person.
    if noun.is_none()
        && dimension == "count"
        && !doc.tokens[i].kind.eq(&TokenKind::Number)
        && fold(doc.tok(i)) == "a"
    {
        noun = Some("people".to_string());
    }
    // "magnitude 7.1": the unit stands before the number.
    if dimension == "count" && i > sentence.start {
        let mut b = start.max(sentence.start + 1) - 1;
        // "magnitude-5.9": a hyphen joins the unit to the number.
        if doc.is_punct(b, "-") && !doc.tokens[b + 1].after_space && b > sentence.start {
            b -= 1;
        }
        let before = doc.folded(b);
        if let Some((d, f)) = lex.unit(before)
            && d == "magnitude"
        {
            dimension = d.to_string();
            factor = f;
        }
    }
    if dimension == "temperature" && factor != 1.0 {
        // Fahrenheit to Celsius.
        number = (number - 32.0) * 5.0 / 9.0;
        factor = 1.0;
    }
    let base = number * factor;
    let (low, high) = if qualifier == Qualifier::Vague {
        (value.low * factor, value.high * factor)
    } else {
        let (lo, hi) = range_of(qualifier, base);
        (lo.min(hi), hi.max(lo))
    };
    qualifier = if qualifier == Qualifier::Vague {
        Qualifier::Vague
    } else {
        q
    };
    value.number = if qualifier == Qualifier::Vague {
        value.number
    } else {
        base
    };
    value.low = low;
    value.high = high;
    value.qualifier = qualifier;
    value.dimension = dimension;
    value.noun = noun;
    Some((start..j, value))
}

impl FigureValue {
    fn new(number: f64, qualifier: Qualifier) -> Self {
        FigureValue {
            number,
            low: number,
            high: number,
            qualifier,
            dimension: "count".into(),
            noun: None,
            context: String::new(),
            frame: Vec::new(),
            owner: None,
            conversion_of: None,
            reported: false,
            partial: false,
            event: None,
        }
    }
}

/// Scores and ratios are no amounts: "88-72 win", "1 in 500"; the index
/// after them.
fn score_or_ratio(doc: &Doc, i: usize, end: usize) -> Option<usize> {
    let number = |k: usize| k < end && doc.tokens[k].kind == TokenKind::Number;
    if !number(i) {
        return None;
    }
    let glued = |k: usize| !doc.tokens[k].after_space;
    if i + 2 < end
        && matches!(doc.tok(i + 1), "-" | "–")
        && glued(i + 1)
        && glued(i + 2)
        && number(i + 2)
    {
        return Some(i + 3);
    }
    if i + 2 < end && doc.folded(i + 1) == "in" && number(i + 2) && doc.tok(i + 2).len() != 4 {
        return Some(i + 3);
    }
    None
}

/// "58000" -> "58,000".
fn group_thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

#[cfg(test)]
mod tests {
    use super::super::testing::claims;
    use super::Qualifier;

    fn figures(text: &str) -> Vec<(String, f64, f64, String, Option<String>)> {
        claims(text)
            .figures
            .iter()
            .map(|f| {
                let v = &f.value;
                (
                    f.text.clone(),
                    v.low,
                    v.high,
                    v.dimension.clone(),
                    v.noun.clone(),
                )
            })
            .collect()
    }

    #[test]
    fn numbers_in_many_formats() {
        let f =
            figures("Officials counted 1,200,000 voters, 3.5 million tourists and 12% turnout.");
        assert_eq!(f[0].1, 1_200_000.0);
        assert_eq!(f[0].4.as_deref(), Some("voter"));
        assert_eq!(f[1].1, 3_500_000.0);
        assert_eq!(f[2].3, "percent");
    }

    #[test]
    fn money_with_signs_codes_and_scales() {
        let f = figures("The club paid £31m, and the rival bid was $4.2bn.");
        assert_eq!((f[0].1, f[0].3.as_str()), (31e6, "currency:GBP"));
        assert_eq!((f[1].1, f[1].3.as_str()), (4.2e9, "currency:USD"));
    }

    #[test]
    fn hedges_and_vague_amounts_are_ranges() {
        let c = claims(
            "At least 23 people died and dozens of homes were lost; more than 400 were hurt.",
        );
        let v: Vec<_> = c.figures.iter().map(|f| &f.value).collect();
        assert_eq!(v[0].qualifier, Qualifier::AtLeast);
        assert!(v[0].high.is_infinite());
        assert_eq!(v[1].qualifier, Qualifier::Vague);
        assert!(v[1].low >= 24.0);
        assert_eq!(v[2].qualifier, Qualifier::MoreThan);
    }

    #[test]
    fn words_units_and_conversions() {
        let c = claims(
            "Residents within three miles (4.8 km) left after a seven-year wait at minus 5 Celsius.",
        );
        let f = &c.figures;
        assert_eq!(f[0].value.dimension, "length");
        assert!((f[0].value.number - 4828.0).abs() < 1.0);
        assert_eq!(f[1].value.conversion_of, Some(0));
        assert_eq!((f[2].value.number / 31_557_600.0).round(), 7.0);
        assert_eq!(f[3].value.number, -5.0);
    }

    #[test]
    fn magnitudes_events_and_time_frames() {
        let c = claims(
            "A magnitude-5.4 tremor hit the coast. It left 31 people injured. \
             In March 2009 a 6.8-magnitude quake killed more than 200. \
             Another 12 dead were counted last year.",
        );
        let f = &c.figures;
        assert_eq!(f[0].value.dimension, "magnitude");
        assert_eq!(f[1].text, "31 people injured");
        assert_eq!(f[1].value.event.as_deref(), Some("injury"));
        assert_eq!(f[2].value.frame, ["2009", "march"]);
        let dead = f.iter().find(|x| x.text == "12 dead").expect("12 dead");
        assert_eq!(dead.value.noun.as_deref(), Some("people"));
        assert_eq!(dead.value.frame, ["last year"]);
    }

    #[test]
    fn modifiers_are_not_the_counted_noun() {
        let f = figures(
            "Three strong aftershocks followed. He shot two former co-workers. \
             Pirates fled 12 nautical miles offshore. Police found 47 assault rifles \
             and 20 police came. Some 12 Somali pirates were held.",
        );
        let nouns: Vec<(&str, Option<&str>)> =
            f.iter().map(|x| (x.3.as_str(), x.4.as_deref())).collect();
        assert_eq!(
            nouns,
            [
                ("count", Some("aftershock")),
                ("count", Some("co-worker")),
                ("length", Some("offshore")),
                ("count", Some("rifle")),
                ("count", Some("police")),
                ("count", Some("somali")),
            ]
        );
        assert!((f[2].1 - 12.0 * 1852.0).abs() < 1.0);
    }

    #[test]
    fn a_singular_noun_after_a_plural_count_counts_nothing() {
        let f = figures(
            "It happened in the 12000 block of Main Street at 8.49pm, \
             with a .38 caliber revolver.",
        );
        assert!(f.iter().all(|x| x.4.is_none()), "{f:?}");
    }

    #[test]
    fn an_event_phrase_outweighs_its_own_word() {
        let c = claims("The gunman opened fire on 12 workers.");
        assert_eq!(c.figures[0].value.event.as_deref(), Some("shooting"));
    }

    #[test]
    fn fractions_in_words() {
        let f = figures(
            "She lived half a mile away. He moved a mile and a half away. \
             They walked a half mile home after two and a half hours.",
        );
        let values: Vec<(String, f64)> = f.iter().map(|x| (x.0.clone(), x.1)).collect();
        let mile = 1609.344;
        assert_eq!(values[0], ("half a mile away".to_string(), 0.5 * mile));
        assert_eq!(
            values[1],
            ("a mile and a half away".to_string(), 1.5 * mile)
        );
        assert_eq!(values[2], ("a half mile home".to_string(), 0.5 * mile));
        assert_eq!(values[3].1, 2.5 * 3600.0);
        // A half of something else is no figure.
        assert!(figures("Half a dozen fans left in the second half.").is_empty());
    }

    #[test]
    fn one_more_person_without_a_number() {
        let c = claims(
            "The gunman shot dead one guard, wounding two others. \
             Police said another wounded was in hospital. \
             A cousin said he had killed a neighbour, injuring a third.",
        );
        let texts: Vec<(&str, f64, Option<&str>)> = c
            .figures
            .iter()
            .map(|f| (f.text.as_str(), f.value.number, f.value.noun.as_deref()))
            .collect();
        assert_eq!(
            texts,
            [
                ("wounding two others", 2.0, Some("people")),
                ("another wounded", 1.0, Some("people")),
                ("injuring a third", 1.0, Some("people")),
            ]
        );
        // A fraction is no person.
        assert!(
            claims("Floods damaged a third of the homes.")
                .figures
                .is_empty()
        );
    }
}
