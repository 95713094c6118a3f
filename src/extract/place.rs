//! Places of events: "talks in Kyiv", "Miami talks", "the Daejeon District
//! Court", a dateline "MIAMI —", normalised through the gazetteer.

use std::collections::BTreeSet;
use std::ops::Range;

use super::{PersonMention, PlaceClaim, nearest_event, phrase_event, span_of};
use crate::article::Article;
use crate::gazetteer::PlaceRef;
use crate::lexicon::Lexicon;
use crate::text::{Doc, TokenKind, is_calendar_word, name_key, with_name_key};

const PREPOSITIONS: &[&str] = &["in", "at", "near", "outside", "inside"];

/// How far (in tokens) an event word may stand from the place it locates.
const EVENT_WINDOW: usize = 8;

fn is_dash(doc: &Doc, i: usize) -> bool {
    doc.tokens[i].kind == TokenKind::Punct && matches!(doc.tok(i), "—" | "–" | "-")
}

/// Capitalised words from `i` on: a place name ("Bandar Abbas", "South
/// Ozone Park"), stopping at organisation words and people.
fn name_run(doc: &Doc, lex: &Lexicon, i: usize, end: usize, person_tok: &[bool]) -> Range<usize> {
    let mut j = i;
    while j < end
        && j < i + 4
        && doc.is_capitalized(j)
        && !person_tok[j]
        && !lex.is_function_word(doc.folded(j))
        && !is_calendar_word(doc.folded(j))
    {
        j += 1;
    }
    i..j
}

pub fn extract(
    article: &Article,
    doc: &Doc,
    lex: &Lexicon,
    skip: &[bool],
    people: &[PersonMention],
) -> Vec<PlaceClaim> {
    let mut person_tok = vec![false; doc.tokens.len()];
    for p in people {
        let first = doc.tokens.partition_point(|t| t.start < p.span.start);
        for (k, t) in doc.tokens.iter().enumerate().skip(first) {
            if t.end > p.span.end {
                break;
            }
            person_tok[k] = true;
        }
    }
    // Words of the people the article names: "directed at Palin" is aimed
    // at a person, not located in a place.
    let person_words: BTreeSet<String> = people
        .iter()
        .flat_map(|p| p.words.iter().map(|w| name_key(w)))
        .collect();
    let mut out = Vec::new();
    let push = |range: Range<usize>,
                event: String,
                known: Option<PlaceRef>,
                relative: bool,
                out: &mut Vec<PlaceClaim>| {
        let (span, text) = span_of(article, doc, range.clone());
        let place = match known {
            Some(k) => lex.place_name_as(k, &text).to_string(),
            None => text.clone(),
        };
        // Claims come sentence by sentence: only this sentence's can repeat it.
        let sentence_start = doc.tokens[doc.sentence_range(range.start).start].start;
        if out
            .iter()
            .rev()
            .take_while(|p: &&PlaceClaim| p.span.start >= sentence_start)
            .any(|p| p.span == span && p.event == event)
        {
            return;
        }
        out.push(PlaceClaim {
            span,
            text,
            event,
            place,
            known,
            relative,
            year: sentence_year(doc, range.start),
            within: written_within(doc, lex, range.end, &person_tok),
        });
    };
    for (si, sentence) in doc.sentences.iter().enumerate() {
        if skip[si] {
            continue;
        }
        let (s, e) = (sentence.start, sentence.end);
        // Dateline: "MIAMI —", "WALDKRAIBURG, Germany (Agency) —".
        if doc.tokens[s].after_newline || s == 0 {
            let mut j = s;
            while j < e
                && doc.is_word(j)
                && doc
                    .tok(j)
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase)
                && doc.tok(j).chars().count() > 1
            {
                j += 1;
            }
            if j > s
                && j < e
                && (is_dash(doc, j) || doc.is_punct(j, ","))
                && (s..e).take(14).any(|k| is_dash(doc, k))
            {
                let name = doc.slice(s..j);
                let known = lex.place(name);
                push(s..j, "dateline".into(), known, false, &mut out);
            }
        }
        for i in s..e {
            if !doc.is_word(i) {
                continue;
            }
            // "<event> in <Place>" and "in <Place> ... <event>".
            // "felt in Oman": where an event was noticed, not where it was.
            let noticed = || {
                (i.saturating_sub(2).max(s)..i)
                    .any(|k| doc.is_word(k) && lex.is_secondary_place_cue(doc.folded(k)))
            };
            let word = doc.folded(i);
            // "southwest of Tarata": a direction makes "of" locate.
            let directional = word == "of" && i > s && is_direction(doc.folded(i - 1));
            if (PREPOSITIONS.contains(&word) || word == "on" || directional) && !noticed() {
                let mut j = i + 1;
                if j < e && doc.folded(j) == "the" {
                    j += 1;
                }
                // "the town of Candarave": the kind of place, then its name.
                let mut named = false;
                if j + 1 < e && is_settlement(doc.folded(j)) && doc.folded(j + 1) == "of" {
                    j += 2;
                    named = true;
                }
                let mut run = name_run(doc, lex, j, e, &person_tok);
                // "Alaska Gov. Sarah ...": a title closes the place.
                while !run.is_empty() && lex.is_title(doc.folded(run.end - 1)) {
                    run.end -= 1;
                }
                if run.is_empty() || inside_organisation_name(doc, lex, i, s) {
                    continue;
                }
                let text = doc.slice(run.clone());
                // "in Peruvian territory": a people's adjective before a
                // noun places the event in their country.
                let demonym = (known_nothing(lex, text)
                    && run.end < e
                    && doc.is_word(run.end)
                    && !doc.is_capitalized(run.end))
                .then(|| lex.demonym(text))
                .flatten();
                let known = lex.place_in_text(text).or(demonym);
                // A name that alone reads as a place needs no more; "in
                // Bath" takes a word for a place only right after "in".
                let strong = demonym.is_some() || lex.known_place(text).is_some();
                let a_person = run
                    .clone()
                    .all(|k| with_name_key(doc.tok(k), |key| person_words.contains(key)));
                // "an office worker in Dubai", "the seismological center in
                // Tehran": the place locates the person or body named
                // before it, not the event.
                let owned_by_noun = i > s && doc.is_word(i - 1) && !doc.is_capitalized(i - 1) && {
                    let w = doc.folded(i - 1);
                    // "the burns centre in Nuremberg": an event of two words.
                    let pair = i > s + 1 && phrase_event(doc, lex, i - 2).is_some();
                    (lex.noun_group(doc.lemma(i - 1)).is_some() || lex.is_org_word(w))
                        && lex.event_class(w).is_none()
                        && lex.place_noun_class(w).is_none()
                        && !pair
                };
                if (!strong && a_person) || owned_by_noun {
                    continue;
                }
                let org = run.clone().any(|k| {
                    lex.is_org_word(doc.folded(k)) || lex.event_class(doc.folded(k)).is_some()
                });
                // An unknown name owning something ("Nixon's home") is no place.
                let owner = run.end < e && doc.tokens[run.end].kind == TokenKind::Possessive;
                let unknown_ok = named || (j == i + 1 && run.len() <= 3 && !owner && word != "on");
                if org || (!strong && !unknown_ok) {
                    continue;
                }
                let window = i.saturating_sub(EVENT_WINDOW).max(s)..(run.end + EVENT_WINDOW).min(e);
                if let Some((event, _)) = nearest_event(doc, lex, i, window) {
                    let relative = directional || matches!(word, "near" | "outside");
                    push(run, event, known, relative, &mut out);
                }
                continue;
            }
            // "<Place> <event>": "Miami talks", "Daejeon District Court".
            let run_start =
                i == s || !doc.is_capitalized(i - 1) || lex.is_function_word(doc.folded(i - 1));
            if doc.is_capitalized(i)
                && run_start
                && !person_tok[i]
                && !lex.is_function_word(doc.folded(i))
            {
                let mut j = i;
                while j < e && j < i + 5 && doc.is_capitalized(j) {
                    j += 1;
                }
                let mut place_end = j;
                while place_end > i
                    && (lex.is_org_word(doc.folded(place_end - 1))
                        || lex.is_title_domain(doc.folded(place_end - 1))
                        || lex.event_class(doc.folded(place_end - 1)).is_some())
                {
                    place_end -= 1;
                }
                if place_end == i
                    || (i..place_end).any(|k| {
                        lex.is_function_word(doc.folded(k)) || lex.is_org_word(doc.folded(k))
                    })
                {
                    continue;
                }
                let event = if place_end < j {
                    (place_end..j).find_map(|k| lex.event_class(doc.folded(k)))
                } else if j < e && doc.is_word(j) && !doc.is_capitalized(j) {
                    lex.event_class(doc.folded(j))
                        .or_else(|| lex.place_noun_class(doc.folded(j)))
                } else if j < e
                    && is_dash(doc, j)
                    && doc.is_word(j + 1)
                    && !doc.tokens[j].after_space
                {
                    // "Porto-based" reads as "Porto" "-" "based" only when split.
                    lex.event_class(doc.folded(j + 1))
                        .or_else(|| lex.place_noun_class(doc.folded(j + 1)))
                } else {
                    None
                };
                let hyphen_based = doc.tok(i).split_once('-').and_then(|(p, rest)| {
                    lex.event_class(rest)
                        .or_else(|| lex.place_noun_class(rest))
                        .map(|c| (p, c))
                });
                // "Intel-based servers", "Web-based": only a known place
                // makes a base.
                let hyphen_based = hyphen_based
                    .filter(|(p, _)| p.len() > 1)
                    .and_then(|(p, class)| lex.known_place(p).map(|k| (p, class, k)));
                if let Some((p, class, known)) = hyphen_based {
                    let start = doc.tokens[i].start;
                    let span = article.span(start, start + p.len());
                    out.push(PlaceClaim {
                        span,
                        text: p.to_string(),
                        event: class.to_string(),
                        place: lex.place_name_as(known, p).to_string(),
                        known: Some(known),
                        relative: false,
                        year: sentence_year(doc, i),
                        within: None,
                    });
                } else if let Some(event) = event {
                    let name = doc.slice(i..place_end);
                    let known = lex.place_in_text(name);
                    // "Missouri Valley Conference", "Central Election and
                    // Referendum Commission": a capitalised event word is
                    // part of a name, which only a known place starts.
                    let named_event = place_end < j && doc.is_capitalized(place_end);
                    if lex.known_place(name).is_some() || (place_end < j && !named_event) {
                        push(i..place_end, event.to_string(), known, false, &mut out);
                    }
                }
            }
        }
    }
    out
}

/// Whether the gazetteer knows `name` as no place at all.
fn known_nothing(lex: &Lexicon, name: &str) -> bool {
    lex.place(name).is_none()
}

/// A year (1900 to 2100) named in the sentence of token `at`: a place in a
/// sentence about 2003 is the place of a 2003 event.
fn sentence_year(doc: &Doc, at: usize) -> Option<u32> {
    doc.sentence_range(at).find_map(|k| {
        let t = doc.tok(k);
        (doc.tokens[k].kind == TokenKind::Number && t.len() == 4)
            .then(|| t.parse::<u32>().ok())
            .flatten()
            .filter(|y| (1900..=2100).contains(y))
    })
}

/// The larger place written right after a place ending at token `end`:
/// "Banstead, Surrey", "the store in Banstead in Surrey". A list ("Athens,
/// Patras and Volos") gives none.
fn written_within(doc: &Doc, lex: &Lexicon, end: usize, person_tok: &[bool]) -> Option<String> {
    let stop = doc.sentence_range(end.saturating_sub(1)).end;
    let mut j = end;
    if j < stop && (doc.is_punct(j, ",") || doc.folded(j) == "in") {
        j += 1;
    } else {
        return None;
    }
    if j < stop && doc.folded(j) == "the" {
        j += 1;
    }
    let run = name_run(doc, lex, j, stop, person_tok);
    if run.is_empty() || lex.is_org_word(doc.tok(run.end - 1)) {
        return None;
    }
    let listed = run.end < stop && matches!(doc.folded(run.end), "and" | "or");
    if listed {
        return None;
    }
    let text = doc.slice(run);
    Some(lex.place_in_text(text).map_or_else(
        || text.to_string(),
        |k| lex.place_name_as(k, text).to_string(),
    ))
}

/// Whether the preposition at `prep` stands inside the name of an
/// organisation: "University of Alabama at Birmingham", "Organization for
/// Security and Cooperation in Europe".
fn inside_organisation_name(doc: &Doc, lex: &Lexicon, prep: usize, sentence_start: usize) -> bool {
    let mut k = prep;
    while k > sentence_start && prep - k < 8 {
        k -= 1;
        let w = doc.tok(k);
        if !doc.is_word(k) || !(doc.is_capitalized(k) || lex.is_function_word(w)) {
            return false;
        }
        if doc.is_capitalized(k) && lex.is_org_word(w) {
            return true;
        }
    }
    false
}

fn is_direction(w: &str) -> bool {
    matches!(
        w,
        "north"
            | "south"
            | "east"
            | "west"
            | "northeast"
            | "northwest"
            | "southeast"
            | "southwest"
            | "north-east"
            | "north-west"
            | "south-east"
            | "south-west"
    )
}

fn is_settlement(w: &str) -> bool {
    matches!(
        w,
        "town"
            | "city"
            | "village"
            | "province"
            | "region"
            | "district"
            | "island"
            | "port"
            | "municipality"
            | "county"
    )
}

#[cfg(test)]
mod tests {
    use super::super::testing::claims;

    fn places(text: &str) -> Vec<(String, String)> {
        claims(text)
            .places
            .into_iter()
            .map(|p| (p.place, p.event))
            .collect()
    }

    #[test]
    fn event_places_are_normalised() {
        let p = places("Negotiations in Kiev stalled, and the Geneva talks resumed.");
        assert!(
            p.contains(&("Kyiv".to_string(), "talks".to_string())),
            "{p:?}"
        );
        assert!(
            p.contains(&("Geneva".to_string(), "talks".to_string())),
            "{p:?}"
        );
    }

    #[test]
    fn datelines_and_based() {
        let p =
            places("LAGOS — The Nairobi-based club said the fire at the depot in Kano was out.");
        assert!(
            p.contains(&("Lagos".to_string(), "dateline".to_string())),
            "{p:?}"
        );
        assert!(
            p.contains(&("Nairobi".to_string(), "base".to_string())),
            "{p:?}"
        );
        assert!(
            p.contains(&("Kano".to_string(), "fire".to_string())),
            "{p:?}"
        );
    }

    #[test]
    fn a_place_needs_its_event_not_a_person_or_body_before_it() {
        // The worker is in Dubai; the quake is not.
        assert!(places("An office worker in Dubai said the quake lasted 30 seconds.").is_empty());
        // A person named elsewhere in the article is no place.
        assert!(places("Pastor Ann Kroon spoke. The fire was not aimed at Kroon.").is_empty());
        // Only a known place makes a base.
        assert!(places("The Intel-based servers ship soon.").is_empty());
        assert_eq!(
            places("The burns centre in Nuremberg took four."),
            [("Nuremberg".to_string(), "hospital".to_string())]
        );
    }

    #[test]
    fn years_and_larger_places_written_after() {
        let c = claims(
            "A demonstration in Athens in 1985 ended. The fire in Dornbeck, Valmark spread.",
        );
        let got: Vec<(&str, Option<u32>, Option<&str>)> = c
            .places
            .iter()
            .map(|p| (p.place.as_str(), p.year, p.within.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("Athens", Some(1985), None),
                ("Dornbeck", None, Some("Valmark"))
            ]
        );
    }

    #[test]
    fn places_inside_names_of_organisations_are_none() {
        assert!(places("The Federation for Peace and Cooperation in Norvia met.").is_empty());
        assert!(places("He spoke to the Northern Valley Conference on Friday.").is_empty());
    }
}
