//! Dates and times of events: weekdays, calendar dates, clock times with
//! their time zone, parts of the day, relative days and quarters.

use super::{DateClaim, nearest_event, phrase_event, span_of};
use crate::article::Article;
use crate::lexicon::Lexicon;
use crate::text::{Doc, MONTHS, TokenKind, WEEKDAYS, fold};

const PARTS_OF_DAY: &[&str] = &[
    "morning",
    "afternoon",
    "evening",
    "night",
    "midday",
    "noon",
    "midnight",
    "dawn",
];
const ZONES: &[&str] = &[
    "gmt", "utc", "et", "est", "edt", "cet", "cest", "bst", "pt", "pst", "pdt", "ct", "cst", "z",
];
const RELATIVE: &[&str] = &["yesterday", "today", "tomorrow", "tonight"];
const ORDINALS: &[&str] = &["first", "second", "third", "fourth"];
/// Words before a date that put it in the future: a trial that "will
/// resume Monday" has not happened on Monday.
const FUTURE: &[&str] = &["will", "shall", "scheduled", "due", "set"];
/// Words before a date that skip to the verb it belongs to: "died on
/// Saturday", "charged early Tuesday".
const DATE_LEAD: &[&str] = &[
    "on", "at", "early", "late", "last", "about", "around", "shortly", "just",
];

/// How far (in tokens) the event word of a date may stand from it.
const EVENT_WINDOW: usize = 16;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateValue {
    /// A day of the week, in a time zone ("local" unless a time says otherwise).
    Weekday { day: u8, zone: String },
    /// A calendar day.
    Day { month: u8, day: u8 },
    /// A month alone: "in March".
    Month(u8),
    /// A clock time in minutes after midnight, with its zone and how much
    /// the wording hedges it, in minutes before and after.
    Time {
        minutes: u32,
        zone: String,
        before: u32,
        after: u32,
    },
    /// "morning", "afternoon", ...
    PartOfDay(String),
    /// "yesterday", "next week", ...
    Relative(String),
    /// "third quarter".
    Quarter(u8),
}

impl DateValue {
    pub fn display(&self) -> String {
        match self {
            DateValue::Weekday { day, zone } => {
                let d = WEEKDAYS[*day as usize];
                if zone == "local" {
                    d.to_string()
                } else {
                    format!("{d} {zone}")
                }
            }
            DateValue::Day { month, day } => format!("{} {day}", MONTHS[*month as usize - 1]),
            DateValue::Month(m) => MONTHS[*m as usize - 1].to_string(),
            DateValue::Time { minutes, zone, .. } => {
                format!("{:02}:{:02} {zone}", minutes / 60, minutes % 60)
            }
            DateValue::PartOfDay(p) | DateValue::Relative(p) => p.clone(),
            DateValue::Quarter(q) => format!("quarter {q}"),
        }
    }

    /// The range of minutes after midnight a time or part of day allows.
    pub fn minutes(&self) -> Option<(i64, i64, String)> {
        match self {
            DateValue::Time {
                minutes,
                zone,
                before,
                after,
            } => Some((
                *minutes as i64 - *before as i64,
                (*minutes + *after) as i64,
                zone.clone(),
            )),
            DateValue::PartOfDay(p) => {
                let (a, b) = match p.as_str() {
                    "morning" | "dawn" => (4 * 60, 12 * 60),
                    "midday" | "noon" => (11 * 60, 13 * 60),
                    "afternoon" => (12 * 60, 18 * 60),
                    "evening" => (17 * 60, 23 * 60),
                    _ => return None,
                };
                Some((a, b, "local".into()))
            }
            _ => None,
        }
    }
}

/// A clock time at token `i`: minutes, the index after it, and the zone.
fn time_at(doc: &Doc, i: usize, end: usize) -> Option<(u32, usize, Option<String>)> {
    let t = &doc.tokens[i];
    if t.kind != TokenKind::Number {
        return None;
    }
    let s = doc.tok(i);
    let mut j = i + 1;
    let meridiem = |k: usize| -> Option<bool> {
        if k >= end || !doc.is_word(k) {
            return None;
        }
        match fold(doc.tok(k)).replace('.', "").as_str() {
            "am" => Some(false),
            "pm" => Some(true),
            _ => None,
        }
    };
    let (mut h, m): (u32, u32) = if let Some((a, b)) = s.split_once([':', '.']) {
        if b.len() != 2 {
            return None;
        }
        (a.parse().ok()?, b.parse().ok()?)
    } else if s.len() == 4 && s.chars().all(|c| c.is_ascii_digit()) {
        // "0847 GMT", "at 1353": a 24-hour time without a colon.
        let zone_next = j < end && doc.is_word(j) && ZONES.contains(&fold(doc.tok(j)).as_str());
        let at_before = i > 0 && doc.is_word(i - 1) && doc.folded(i - 1) == "at";
        if !zone_next && !at_before {
            return None;
        }
        (s[..2].parse().ok()?, s[2..].parse().ok()?)
    } else if s.len() <= 2 && meridiem(j).is_some() {
        (s.parse().ok()?, 0)
    } else {
        return None;
    };
    if let Some(pm) = meridiem(j) {
        if h > 12 {
            return None;
        }
        if pm && h < 12 {
            h += 12;
        } else if !pm && h == 12 {
            h = 0;
        }
        j += 1;
    } else if !s.contains(':') && s.len() != 4 {
        return None;
    }
    if h > 23 || m > 59 {
        return None;
    }
    let mut zone = None;
    if j < end && doc.is_word(j) {
        let z = fold(doc.tok(j));
        if ZONES.contains(&z.as_str()) {
            zone = Some(if z == "utc" || z == "z" {
                "gmt".to_string()
            } else {
                z
            });
            j += 1;
        } else if z == "local" && j + 1 < end && doc.folded(j + 1) == "time" {
            zone = Some("local".into());
            j += 2;
        }
    }
    Some((h * 60 + m, j, zone))
}

pub fn extract(article: &Article, doc: &Doc, lex: &Lexicon, skip: &[bool]) -> Vec<DateClaim> {
    let mut out = Vec::new();
    for (si, sentence) in doc.sentences.iter().enumerate() {
        if skip[si] {
            continue;
        }
        let end = sentence.end;
        let mut i = sentence.start;
        let mut found: Vec<(usize, usize, DateValue)> = Vec::new();
        while i < end {
            let w = doc.folded(i);
            if let Some((minutes, j, zone)) = time_at(doc, i, end) {
                let (before, after, start) = hedge(doc, i, sentence.start);
                // "with 7:41 left" is a game clock; "extinguished by 6:40
                // a.m." and "as of 4 p.m." are deadlines, not when it began.
                let clock = j < end && matches!(doc.folded(j), "left" | "remaining" | "to");
                let deadline = start > sentence.start
                    && matches!(doc.folded(start - 1), "by" | "until" | "till" | "of");
                if clock || deadline {
                    i = j;
                    continue;
                }
                let zone = zone.unwrap_or_else(|| "local".into());
                found.push((
                    start,
                    j,
                    DateValue::Time {
                        minutes,
                        zone,
                        before,
                        after,
                    },
                ));
                i = j;
                continue;
            }
            if doc.is_word(i) {
                if let Some(d) = WEEKDAYS.iter().position(|x| *x == w) {
                    let mut j = i + 1;
                    if j < end && PARTS_OF_DAY.contains(&doc.folded(j)) {
                        j += 1;
                    }
                    found.push((
                        i,
                        j,
                        DateValue::Weekday {
                            day: d as u8,
                            zone: "local".into(),
                        },
                    ));
                    i = j;
                    continue;
                }
                if let Some(m) = MONTHS
                    .iter()
                    .position(|x| *x == w)
                    .filter(|_| doc.is_capitalized(i))
                {
                    let month = m as u8 + 1;
                    let day_after = (i + 1 < end)
                        .then(|| doc.tok(i + 1).parse::<u8>().ok())
                        .flatten()
                        .filter(|d| (1..=31).contains(d));
                    let day_before = (i > sentence.start)
                        .then(|| doc.tok(i - 1).parse::<u8>().ok())
                        .flatten()
                        .filter(|d| (1..=31).contains(d));
                    if let Some(day) = day_after {
                        found.push((i, i + 2, DateValue::Day { month, day }));
                        i += 2;
                    } else if let Some(day) = day_before {
                        found.push((i - 1, i + 1, DateValue::Day { month, day }));
                        i += 1;
                    } else if w != "may" || i > sentence.start && doc.folded(i - 1) == "in" {
                        found.push((i, i + 1, DateValue::Month(month)));
                        i += 1;
                    } else {
                        i += 1;
                    }
                    continue;
                }
                if RELATIVE.contains(&w) {
                    found.push((i, i + 1, DateValue::Relative(w.to_string())));
                    i += 1;
                    continue;
                }
                if matches!(w, "next" | "last" | "this") && i + 1 < end {
                    let n = doc.folded(i + 1);
                    if matches!(n, "week" | "month" | "year" | "night" | "weekend") {
                        found.push((i, i + 2, DateValue::Relative(format!("{w} {n}"))));
                        i += 2;
                        continue;
                    }
                }
                if let Some(q) = ORDINALS.iter().position(|x| *x == w)
                    && i + 1 < end
                    && doc.folded(i + 1) == "quarter"
                {
                    found.push((i, i + 2, DateValue::Quarter(q as u8 + 1)));
                    i += 2;
                    continue;
                }
                // "this morning" is the morning the article was written.
                if PARTS_OF_DAY.contains(&w) && i > sentence.start {
                    let prev = doc.folded(i - 1);
                    if matches!(prev, "yesterday" | "the" | "early" | "late" | "in") {
                        found.push((i, i + 1, DateValue::PartOfDay(w.to_string())));
                    }
                }
            }
            i += 1;
        }
        // A weekday takes the zone of the nearest time in its bracket:
        // "10:42 p.m. on Tuesday (0142 GMT on Wednesday)".
        let bracket = |a: usize, b: usize| {
            (a.min(b)..a.max(b)).any(|t| doc.is_punct(t, "(") || doc.is_punct(t, ")"))
        };
        for k in 0..found.len() {
            let (ks, ke) = (found[k].0, found[k].1);
            let zone = found
                .iter()
                .filter_map(|(s, e, v)| match v {
                    DateValue::Time { zone, .. } => {
                        let gap = if *e <= ks {
                            ks - e
                        } else {
                            s.saturating_sub(ke)
                        };
                        (gap <= 2 && !bracket(*s, ks)).then_some((gap, zone.clone()))
                    }
                    _ => None,
                })
                .min()
                .map(|(_, z)| z);
            if let (Some(z), DateValue::Weekday { zone, .. }) = (zone, &mut found[k].2) {
                *zone = z;
            }
        }
        let year_at = |k: usize| {
            let t = doc.tok(k);
            (doc.tokens[k].kind == TokenKind::Number && t.len() == 4)
                .then(|| t.parse::<u32>().ok())
                .flatten()
                .filter(|y| (1900..=2100).contains(y))
        };
        // "officials said on Thursday": when it was said, not when it happened.
        let said = |s: usize| {
            (s.saturating_sub(2).max(sentence.start)..s)
                .any(|k| doc.is_word(k) && lex.is_speech_verb(doc.folded(k)))
        };
        let weekdays: Vec<(usize, u8)> = found
            .iter()
            .filter(|(s, ..)| !said(*s))
            .filter_map(|(s, _, v)| match v {
                DateValue::Weekday { day, .. } => Some((*s, *day)),
                _ => None,
            })
            .collect();
        // "It took place at 7:37": the event is the previous sentence's.
        let pronoun_subject = matches!(doc.folded(sentence.start), "it" | "this");
        let previous_event = || {
            let prev = doc.sentences[..si].last()?;
            nearest_event(doc, lex, prev.end, prev.clone()).map(|(c, _)| c)
        };
        // "will resume Monday", "planned for Monday": not yet happened, so
        // compared only with other plans.
        let future = |s: usize| {
            (s.saturating_sub(8).max(sentence.start)..s).any(|k| {
                doc.is_word(k)
                    && (FUTURE.contains(&doc.folded(k)) || lex.is_reported_cue(doc.tok(k)))
            })
        };
        // "charged Saturday with murder in the shooting": a date right after
        // a verb that names no event dates that verb, not the event nearby.
        let other_verb = |s: usize| {
            let mut k = s;
            while k > sentence.start && DATE_LEAD.contains(&doc.folded(k - 1)) {
                k -= 1;
            }
            if k == sentence.start || !doc.is_word(k - 1) || doc.is_capitalized(k - 1) {
                return false;
            }
            let verb = doc.folded(k - 1);
            let pair = k >= sentence.start + 2 && phrase_event(doc, lex, k - 2).is_some();
            (verb.ends_with("ed") || verb.ends_with("ing"))
                && lex.event_class(verb).is_none()
                && !lex.is_speech_verb(verb)
                && !pair
        };
        for (s, e, value) in found {
            if said(s) {
                continue;
            }
            let day = weekdays
                .iter()
                .min_by_key(|(at, _)| at.abs_diff(s))
                .map(|&(_, d)| d);
            // "December 2003", "In 2004, on 26 December": a year next to the date.
            let year = (e..(e + 3).min(end))
                .chain(s.saturating_sub(3).max(sentence.start)..s)
                .find_map(year_at);
            // The event word must be close: a sentence may date several things.
            let near = s.saturating_sub(EVENT_WINDOW).max(sentence.start)
                ..(e + EVENT_WINDOW).min(sentence.end);
            let event = if other_verb(s) {
                String::new()
            } else {
                nearest_event(doc, lex, s, near)
                    .map(|(c, _)| c)
                    .or_else(|| pronoun_subject.then(previous_event).flatten())
                    .map(|c| if future(s) { format!("planned {c}") } else { c })
                    .unwrap_or_default()
            };
            let (span, text) = span_of(article, doc, s..e);
            out.push(DateClaim {
                span,
                text,
                event,
                value,
                year,
                day,
            });
        }
    }
    out
}

/// Hedges before a time: "around", "shortly before"; minutes before and
/// after the time it allows, and where the phrase starts.
fn hedge(doc: &Doc, i: usize, floor: usize) -> (u32, u32, usize) {
    let w = |k: usize| {
        if k >= floor && k < i {
            doc.folded(k)
        } else {
            ""
        }
    };
    let at = if i > floor && w(i - 1) == "at" {
        i - 1
    } else {
        i
    };
    match (w(at.wrapping_sub(2)), w(at.wrapping_sub(1))) {
        ("shortly" | "just", "before") => (20, 0, at - 2),
        ("shortly" | "just", "after") => (0, 20, at - 2),
        (_, "about" | "around" | "approximately" | "roughly") => (20, 20, at - 1),
        (_, "before") => (60, 0, at - 1),
        (_, "after") => (0, 60, at - 1),
        _ => (0, 0, i),
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::claims;
    use super::DateValue;

    fn dates(text: &str) -> Vec<DateValue> {
        claims(text).dates.into_iter().map(|d| d.value).collect()
    }

    #[test]
    fn clock_times_with_zones_and_hedges() {
        let d = dates("The storm hit at about 11:15 p.m. local time, or 0415 GMT on Saturday.");
        assert_eq!(
            d[0],
            DateValue::Time {
                minutes: 23 * 60 + 15,
                zone: "local".into(),
                before: 20,
                after: 20
            }
        );
        assert_eq!(
            d[1],
            DateValue::Time {
                minutes: 4 * 60 + 15,
                zone: "gmt".into(),
                before: 0,
                after: 0
            }
        );
        assert_eq!(
            d[2],
            DateValue::Weekday {
                day: 5,
                zone: "gmt".into()
            }
        );
    }

    fn events(text: &str) -> Vec<(String, String)> {
        claims(text)
            .dates
            .into_iter()
            .map(|d| (d.value.display(), d.event))
            .collect()
    }

    #[test]
    fn game_clocks_deadlines_and_this_morning_date_nothing() {
        assert!(dates("He tied the record with 7:41 left in the first half.").is_empty());
        assert!(dates("The fire was put out by 6:40 a.m., officials said.").is_empty());
        assert!(dates("Parishioners will worship in a school this morning.").is_empty());
    }

    #[test]
    fn plans_and_other_verbs_are_other_events() {
        assert_eq!(
            events("The trial will resume Monday after the shooting."),
            [("monday".to_string(), "planned verdict".to_string())]
        );
        assert_eq!(
            events("He was charged Saturday in connection with the shooting."),
            [("saturday".to_string(), String::new())]
        );
        assert_eq!(
            events("The man died Friday, police said."),
            [("friday".to_string(), "death".to_string())]
        );
    }

    #[test]
    fn calendar_days_relative_days_and_quarters() {
        let d = dates(
            "The vote, set for 14 October, moved to Nov. 2; talks resume next week and the deal closes in the second quarter.",
        );
        assert_eq!(d[0], DateValue::Day { month: 10, day: 14 });
        assert!(d.contains(&DateValue::Relative("next week".into())));
        assert!(d.contains(&DateValue::Quarter(2)));
    }
}
