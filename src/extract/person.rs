//! People: capitalised name sequences with evidence that they name a person
//! (a given name, a title, a verb of saying), surname-only mentions resolved
//! to the full name, and the roles attached to each mention.

use std::collections::BTreeMap;
use std::ops::Range;

use super::role::{self, role_words};
use super::{PersonMention, RoleClaim, span_of};
use crate::article::Article;
use crate::lexicon::Lexicon;
use crate::names::{WordMatch, match_words};
use crate::text::{Doc, TokenKind, fold, is_calendar_word, lemma};

/// Lower-case words that join the parts of a name ("de la Fuente").
const PARTICLES: &[&str] = &[
    "de", "la", "del", "della", "di", "da", "das", "dos", "do", "van", "von", "der", "den", "ter",
    "le", "du", "bin", "ibn", "al", "el", "y", "zu",
];

fn is_initial(s: &str) -> bool {
    let mut c = s.chars();
    matches!((c.next(), c.next(), c.next()), (Some(a), Some('.'), None) if a.is_uppercase())
}

fn is_all_caps(s: &str) -> bool {
    s.chars().filter(|c| c.is_alphabetic()).count() > 1 && !s.chars().any(char::is_lowercase)
}

/// A word that can stand in a name: capitalised, not shouting, not a
/// dotted abbreviation ("U.S.").
fn is_name_word(doc: &Doc, i: usize) -> bool {
    if !doc.is_capitalized(i) {
        return false;
    }
    let w = doc.tok(i);
    !is_all_caps(w) && (!w.contains('.') || is_initial(w))
}

/// A capitalised word that is vocabulary rather than a name: a title, a
/// domain of a title, a place, an organisation word, a function word.
fn is_vocabulary(doc: &Doc, lex: &Lexicon, i: usize) -> bool {
    let w = doc.folded(i);
    lex.is_title(w)
        || lex.is_title(doc.lemma(i))
        || lex.is_title_domain(w)
        || lex.is_function_word(w)
        || lex.is_former(w)
        || lex.is_deputy(w)
        || lex.is_role_filler(w)
        || lex.demonym(w).is_some()
        || lex.is_org_word(w)
        || lex.is_speech_verb(w)
        || is_calendar_word(w)
}

/// Maximal runs of name words in a sentence, with particles inside.
fn chunks(doc: &Doc, sentence: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = sentence.start;
    while i < sentence.end {
        if !is_name_word(doc, i) {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        // Particles inside a name ("de la Fuente") when a name word follows.
        let particle = |i: usize| {
            doc.is_word(i)
                && PARTICLES.contains(&doc.folded(i))
                && (i + 1..(i + 3).min(sentence.end)).any(|j| is_name_word(doc, j))
                && (i + 1..sentence.end)
                    .take_while(|&j| doc.is_word(j) && !is_name_word(doc, j))
                    .all(|j| PARTICLES.contains(&doc.folded(j)))
        };
        while i < sentence.end && (is_name_word(doc, i) || particle(i)) {
            i += 1;
        }
        out.push(start..i);
    }
    out
}

struct Candidate {
    /// Tokens of the name itself.
    name: Range<usize>,
    /// The whole chunk, including leading titles.
    chunk: Range<usize>,
    sentence: Range<usize>,
}

pub fn extract(
    article: &Article,
    doc: &Doc,
    lex: &Lexicon,
    skip: &[bool],
) -> (Vec<PersonMention>, Vec<RoleClaim>) {
    let mut candidates = Vec::new();
    for (si, sentence) in doc.sentences.iter().enumerate() {
        if skip[si] {
            continue;
        }
        for chunk in chunks(doc, sentence.clone()) {
            let mut start = chunk.start;
            while start < chunk.end && is_vocabulary(doc, lex, start) {
                start += 1;
            }
            // "Fired Jim O'Brien", "Knowing Billy": a capitalised verb
            // before a given name opens the sentence, not the name.
            if start + 1 < chunk.end
                && is_verb_form(doc.folded(start))
                && !lex.is_given_name(doc.folded(start))
                && lex.is_given_name(doc.folded(start + 1))
            {
                start += 1;
            }
            // "the 'Philly Max'": a determiner makes it a thing's name.
            if start == chunk.start && after_determiner(doc, chunk.start, sentence.start) {
                continue;
            }
            let mut end = start;
            while end < chunk.end && !is_vocabulary(doc, lex, end) {
                end += 1;
            }
            // "Billy King": a title word after a lone given name, ending
            // the sequence, is a surname.
            if end == start + 1
                && end + 1 == chunk.end
                && lex.is_given_name(doc.folded(start))
                && lex.is_title(doc.folded(end))
            {
                end += 1;
            }
            // Particles and initials cannot end a name.
            while end > start && {
                let w = doc.tok(end - 1);
                PARTICLES.contains(&fold(w).as_str()) || is_initial(w)
            } {
                end -= 1;
            }
            // Organisations ("Kessler Spezialchemie AG") hold no person.
            if end < sentence.end
                && doc.is_word(end)
                && doc.tok(end).starts_with(char::is_uppercase)
                && lex.is_org_word(doc.folded(end))
            {
                continue;
            }
            if end > start {
                candidates.push(Candidate {
                    name: start..end,
                    chunk: chunk.clone(),
                    sentence: sentence.clone(),
                });
            }
        }
    }

    // Pass 1: full names (two words or more) with evidence of a person.
    let no_people = vec![None; doc.tokens.len()];
    let mut people: Vec<PersonMention> = Vec::new();
    let mut cand_person: Vec<Option<usize>> = vec![None; candidates.len()];
    for (ci, c) in candidates.iter().enumerate() {
        let words = name_words(doc, c.name.clone());
        if words.len() < 2 || is_place_name(lex, &words) {
            continue;
        }
        let evidence = lex.is_given_name(&words[0])
            || words
                .iter()
                .any(|w| is_hyphenated_given(lex, w) || lex.is_given_name(w))
            || (c.chunk.start..c.name.start).any(|i| is_title_word(lex, doc.tok(i)))
            || pre_title(doc, lex, c).is_some()
            || after_honorific(doc, c)
            || near_speech_verb(doc, lex, c)
            || !appositive(doc, lex, c, &no_people).is_empty()
            || reversed_appositive(doc, lex, c).is_some();
        if evidence {
            cand_person[ci] = Some(people.len());
            people.push(mention(article, doc, c.name.clone(), words));
        }
    }
    // Pass 2: single words that repeat a word of a full name (surname-only
    // mentions), or that carry a title or a verb of saying.
    // The latest full name for each folded key (its surname, or a first word
    // that is not a given name), and for each surname as written: looked up,
    // not scanned, so that a long article stays linear.
    let mut latest_by_key: BTreeMap<String, usize> = BTreeMap::new();
    let mut latest_by_surname: BTreeMap<String, usize> = BTreeMap::new();
    for (p, person) in people.iter().enumerate() {
        let (first, last) = (&person.words[0], person.words.last().unwrap());
        latest_by_key.insert(fold(last), p);
        if !lex.is_given_name(first) {
            latest_by_key.insert(fold(first), p);
        }
        latest_by_surname.insert(last.clone(), p);
    }
    for (ci, c) in candidates.iter().enumerate() {
        if cand_person[ci].is_some() {
            continue;
        }
        let words = name_words(doc, c.name.clone());
        if words.len() != 1
            || lex.known_place(&words[0]).is_some()
            || lex.is_given_name(&words[0]) && !has_title(doc, lex, c)
        {
            continue;
        }
        let target = latest_by_key.get(&fold(&words[0])).copied();
        // "Authorities said": a lone capitalised word opening a sentence
        // needs more than a verb of saying.
        let speaks = near_speech_verb(doc, lex, c) && c.chunk.start != c.sentence.start;
        // "Zelensky" for "Zelenskyy": a variant of a full name's surname.
        let target = target.or_else(|| {
            latest_by_surname
                .iter()
                .filter(|(last, _)| {
                    match_words(&words[0], last, lex, &lex.names) == WordMatch::Variant
                })
                .map(|(_, &p)| p)
                .max()
        });
        if target.is_some() || has_title(doc, lex, c) || speaks {
            cand_person[ci] = Some(people.len());
            let mut m = mention(article, doc, c.name.clone(), words);
            m.refers_to = target;
            people.push(m);
        }
    }

    // Roles of every mention.
    let person_at: Vec<Option<usize>> = {
        let mut v = vec![None; doc.tokens.len()];
        for (ci, c) in candidates.iter().enumerate() {
            if let Some(p) = cand_person[ci] {
                for t in c.name.clone() {
                    v[t] = Some(p);
                }
            }
        }
        v
    };
    let mut roles = Vec::new();
    for (ci, c) in candidates.iter().enumerate() {
        let Some(p) = cand_person[ci] else { continue };
        let mut phrases = Vec::new();
        if let Some(r) = pre_title(doc, lex, c) {
            // "President and General Manager Ed Stefanski": both offices.
            if r.start > c.sentence.start + 1 && doc.folded(r.start - 1) == "and" {
                let before = Candidate {
                    name: r.start - 1..r.start - 1,
                    chunk: r.start - 1..r.start - 1,
                    sentence: c.sentence.clone(),
                };
                phrases.extend(pre_title(doc, lex, &before));
            }
            phrases.push(r);
        }
        if let Some(r) = reversed_appositive(doc, lex, c) {
            phrases.push(r);
        }
        phrases.extend(appositive(doc, lex, c, &person_at));
        for r in phrases {
            let text = doc.slice(r.clone());
            if let Some(value) = role::normalize(text, lex) {
                let (span, text) = span_of(article, doc, r);
                roles.push(RoleClaim {
                    span,
                    text,
                    person: p,
                    value,
                });
            }
        }
    }
    // Order mentions as they appear; keep `refers_to` and `person` in step.
    let mut order: Vec<usize> = (0..people.len()).collect();
    order.sort_by_key(|&i| people[i].span.start);
    let mut new_index = vec![0; people.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    let mut sorted: Vec<PersonMention> = order.iter().map(|&i| people[i].clone()).collect();
    for m in &mut sorted {
        m.refers_to = m.refers_to.map(|r| new_index[r]);
    }
    for r in &mut roles {
        r.person = new_index[r.person];
    }
    roles.sort_by_key(|r| (r.span.start, r.person));
    (sorted, roles)
}

/// A past participle or gerund by its ending ("Fired", "Knowing").
fn is_verb_form(w: &str) -> bool {
    w.len() > 4 && (w.ends_with("ed") || w.ends_with("ing"))
}

/// Whether an article ("the", "a") stands right before token `i`, quotes
/// aside.
fn after_determiner(doc: &Doc, i: usize, floor: usize) -> bool {
    let mut k = i;
    while k > floor && doc.tokens[k - 1].kind == TokenKind::Punct && is_quote(doc.tok(k - 1)) {
        k -= 1;
    }
    k > floor && doc.is_word(k - 1) && matches!(doc.folded(k - 1), "the" | "a" | "an")
}

fn is_quote(p: &str) -> bool {
    matches!(p, "\"" | "'" | "“" | "‘")
}

fn mention(article: &Article, doc: &Doc, name: Range<usize>, words: Vec<String>) -> PersonMention {
    let (span, text) = span_of(article, doc, name);
    PersonMention {
        span,
        text,
        words,
        refers_to: None,
    }
}

/// The words of a name, initials and particles left out.
fn name_words(doc: &Doc, name: Range<usize>) -> Vec<String> {
    name.filter(|&i| {
        let w = doc.tok(i);
        !is_initial(w) && !PARTICLES.contains(&w)
    })
    .map(|i| doc.tok(i).to_string())
    .collect()
}

fn is_place_name(lex: &Lexicon, words: &[String]) -> bool {
    lex.known_place(&words.join(" ")).is_some()
        || words.iter().all(|w| lex.known_place(w).is_some())
}

/// Romanised Korean given names are written "Jae-won", "Ha-eun".
/// "Porto-based" is no name: the second syllable must not be a word of
/// the lexicon.
fn is_hyphenated_given(lex: &Lexicon, w: &str) -> bool {
    let mut parts = w.split('-');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(a), Some(b), None) => {
            a.chars().next().is_some_and(char::is_uppercase)
                && a.len() <= 5
                && b.len() <= 4
                && b.chars().all(char::is_lowercase)
                && lex.place_noun_class(b).is_none()
                && lex.event_class(b).is_none()
                && !lex.is_function_word(b)
        }
        _ => false,
    }
}

fn is_title_word(lex: &Lexicon, w: &str) -> bool {
    let words = role_words(w).join(" ");
    lex.is_title(&words) || lex.is_title(&lemma(w)) || lex.is_relation(&words)
}

fn has_title(doc: &Doc, lex: &Lexicon, c: &Candidate) -> bool {
    c.chunk.start < c.name.start
        && (c.chunk.start..c.name.start).any(|i| is_title_word(lex, doc.tok(i)))
        || pre_title(doc, lex, c).is_some()
        || after_honorific(doc, c)
}

/// "Mrs Ada Obi", "Dr. Lee": an honorific stands before a person's name.
fn after_honorific(doc: &Doc, c: &Candidate) -> bool {
    (c.name.start > 0
        && matches!(
            doc.folded(c.name.start - 1),
            "mr" | "mrs" | "ms" | "dr" | "mr." | "mrs." | "ms." | "dr."
        ))
        || (c.name.start > 1
            && doc.is_punct(c.name.start - 1, ".")
            && matches!(doc.folded(c.name.start - 2), "mr" | "mrs" | "ms" | "dr"))
}

fn near_speech_verb(doc: &Doc, lex: &Lexicon, c: &Candidate) -> bool {
    let after = c.name.end;
    let before = c.chunk.start;
    (after < c.sentence.end && doc.is_word(after) && lex.is_speech_verb(doc.folded(after)))
        || (before > c.sentence.start
            && doc.is_word(before - 1)
            && lex.is_speech_verb(doc.folded(before - 1)))
}

/// A title right before the name: "U.S. Army Secretary Daniel Driscoll",
/// "security chief Rustem Umerov", "President Donald Trump’s envoy ...".
fn pre_title(doc: &Doc, lex: &Lexicon, c: &Candidate) -> Option<Range<usize>> {
    let end = c.name.start;
    if end == c.sentence.start {
        return None;
    }
    // "Secretary of the Army Dan Driscoll": the head may stand before the
    // domain it governs.
    let mut head = end - 1;
    let mut steps = 0;
    while steps < 4
        && head > c.sentence.start
        && doc.is_word(head)
        && !is_title_word(lex, doc.tok(head))
        && (lex.is_title_domain(doc.folded(head)) || matches!(doc.folded(head), "of" | "the"))
    {
        head -= 1;
        steps += 1;
    }
    // "head" names an office only as "head of ..." or "head coach".
    if !doc.is_word(head) || !is_title_word(lex, doc.tok(head)) || doc.folded(head) == "head" {
        return None;
    }
    let mut start = head;
    let mut unknown_lower = 0;
    while start > c.sentence.start {
        let i = start - 1;
        if !doc.is_word(i) || doc.tokens[i + 1].after_newline {
            break;
        }
        let w = doc.tok(i);
        let f = fold(w);
        let known = (is_title_word(lex, w) && !lex.is_relation(&role_words(w).join(" ")))
            || lex.is_title_domain(w)
            || lex.is_former(w)
            || lex.is_deputy(w)
            || lex.is_role_filler(w)
            || lex.demonym(w).is_some()
            || lex.known_place(w).is_some();
        // "Secretary of the Army": a joiner only between a title and the
        // capitalised domain it governs.
        let joiner = matches!(f.as_str(), "of" | "the")
            && doc.is_word(start)
            && doc.is_capitalized(start)
            && (i.saturating_sub(2)..i).any(|k| doc.is_word(k) && is_title_word(lex, doc.tok(k)));
        if known || joiner {
            start = i;
        } else if lex.is_function_word(w) || lex.is_speech_verb(w) || is_calendar_word(&f) {
            break;
        } else if doc.is_capitalized(i)
            && !lex.is_given_name(w)
            && !(i > c.sentence.start && lex.is_given_name(doc.folded(i - 1)))
        {
            start = i;
        } else if !doc.is_capitalized(i)
            && unknown_lower == 0
            && i + 1 == head
            // "the Sixers fired president Billy King": a verb is no part of the title.
            && !is_verb_form(&f)
        {
            unknown_lower += 1;
            start = i;
        } else {
            break;
        }
    }
    while start < end && matches!(doc.folded(start), "the" | "of") {
        start += 1;
    }
    Some(start..end)
}

/// "the head of the president's office, Kyrylo Budanov": a role phrase
/// before a comma that sets off the name.
fn reversed_appositive(doc: &Doc, lex: &Lexicon, c: &Candidate) -> Option<Range<usize>> {
    let comma = c.chunk.start.checked_sub(1)?;
    if comma <= c.sentence.start || !doc.is_punct(comma, ",") {
        return None;
    }
    // The name must itself be set off: followed by a comma, a stop or a verb.
    let next = c.name.end;
    let set_off = next >= c.sentence.end
        || doc.is_punct(next, ",")
        || doc.is_punct(next, ".")
        || doc.is_word(next) && !doc.is_capitalized(next);
    if !set_off {
        return None;
    }
    let end = comma;
    let mut start = end;
    while start > c.sentence.start {
        let i = start - 1;
        let kind = doc.tokens[i].kind;
        if kind == TokenKind::Possessive {
            start = i;
            continue;
        }
        if kind != TokenKind::Word {
            break;
        }
        let f = doc.folded(i);
        if (lex.is_function_word(f) && !matches!(f, "of" | "the" | "a" | "an" | "at" | "for"))
            || lex.is_speech_verb(f)
        {
            break;
        }
        start = i;
    }
    while start < end && matches!(doc.folded(start), "the" | "a" | "an") {
        start += 1;
    }
    if end - start > 10 || start >= end {
        return None;
    }
    // The phrase must end in a title: "Kessler's chief executive".
    let words = role_words(doc.slice(start..end));
    let last = words.last()?;
    let ends_in_title = (1..=lex.max_title_words.min(words.len()))
        .any(|n| lex.is_title(&words[words.len() - n..].join(" ")))
        || lex.is_title(&lemma(last))
        || (words.contains(&"of".to_string())
            && words
                .iter()
                .take_while(|w| *w != "of")
                .any(|w| lex.is_title(w)));
    ends_in_title.then_some(start..end)
}

/// ", son-in-law of former US President Donald Trump," after the name; the
/// phrase stops before another person, and "X’s new chief of staff and head
/// of the delegation" gives two roles.
fn appositive(
    doc: &Doc,
    lex: &Lexicon,
    c: &Candidate,
    person_at: &[Option<usize>],
) -> Vec<Range<usize>> {
    let mut i = c.name.end;
    // "Park Jae-won (63), the former governor": skip a bracketed age.
    if doc.is_punct(i, "(") {
        while i < c.sentence.end && !doc.is_punct(i, ")") {
            i += 1;
        }
        i += 1;
    }
    if i >= c.sentence.end || !doc.is_punct(i, ",") {
        return Vec::new();
    }
    let mut start = i + 1;
    let mut end = start;
    while end < c.sentence.end {
        let t = &doc.tokens[end];
        if t.kind == TokenKind::Punct
            && matches!(
                doc.tok(end),
                "," | "." | ";" | ")" | "(" | "—" | "–" | ":" | "\"" | "“" | "”"
            )
        {
            break;
        }
        if t.kind == TokenKind::Number
            || (doc.is_word(end)
                && matches!(doc.folded(end), "who" | "which" | "whose" | "said" | "says"))
        {
            break;
        }
        end += 1;
    }

    // A possessor chain at the start: "President Volodymyr Zelenskyy’s new chief".
    if let Some(pos) = (start..end).find(|&j| doc.tokens[j].kind == TokenKind::Possessive)
        && (start..pos).any(|j| person_at[j].is_some())
    {
        start = pos + 1;
    }
    // Stop before another person or the title in front of them.
    if let Some(other) = (start..end).find(|&j| person_at[j].is_some()) {
        let mut cut = other;
        while cut > start
            && doc.is_word(cut - 1)
            && (doc.is_capitalized(cut - 1)
                || is_title_word(lex, doc.tok(cut - 1))
                || lex.is_former(doc.folded(cut - 1)))
        {
            cut -= 1;
        }
        end = cut;
    }
    while end > start
        && doc.is_word(end - 1)
        && matches!(
            doc.folded(end - 1),
            "of" | "the" | "and" | "a" | "to" | "for"
        )
    {
        end -= 1;
    }
    while start < end && matches!(doc.folded(start), "the" | "a" | "an") {
        start += 1;
    }
    if start >= end || end - start > 12 {
        return Vec::new();
    }
    // The phrase must name an office or a tie within its first words.
    let first_words =
        (start..end.min(start + 6)).any(|j| doc.is_word(j) && is_title_word(lex, doc.tok(j)));
    let verbish = doc.is_word(start) && {
        let f = doc.folded(start);
        lex.is_speech_verb(f)
            || f.ends_with("ed") && !is_title_word(lex, f)
            || lex.is_function_word(f) && !lex.is_former(f)
    };
    if !first_words || verbish {
        return Vec::new();
    }
    // "chief of staff and head of the delegation": two roles.
    let mut parts = Vec::new();
    let mut part_start = start;
    for j in start..end {
        if doc.is_word(j)
            && doc.folded(j) == "and"
            && (j + 1..end).any(|k| is_title_word(lex, doc.tok(k)))
        {
            if j > part_start {
                parts.push(part_start..j);
            }
            part_start = j + 1;
        }
    }
    parts.push(part_start..end);
    parts
}

#[cfg(test)]
mod tests {
    use super::super::testing::claims;

    fn people(text: &str) -> Vec<String> {
        claims(text).people.iter().map(|p| p.text.clone()).collect()
    }

    fn roles(text: &str) -> Vec<(String, String)> {
        let c = claims(text);
        c.roles
            .iter()
            .map(|r| (c.people[r.person].text.clone(), r.value.display()))
            .collect()
    }

    #[test]
    fn finds_people_by_given_name_title_and_speech() {
        assert_eq!(
            people("Finance Minister Ana Souza met Pierre Lefèvre in Lyon. Lefèvre said little."),
            ["Ana Souza", "Pierre Lefèvre", "Lefèvre"]
        );
        assert_eq!(
            people("The Kessler Spezialchemie AG plant burned."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn verbs_determiners_and_title_surnames_around_names() {
        assert_eq!(
            people("The club said on Monday: Fired Tom Lane, coach. Knowing Anna Weber, he left."),
            ["Tom Lane", "Anna Weber"]
        );
        assert_eq!(
            people("Fans called the deal the \"Boston Max\" after talks with Anna Weber."),
            ["Anna Weber"]
        );
        assert_eq!(
            roles("The club fired president Billy King on Monday."),
            [("Billy King".to_string(), "president".to_string())]
        );
    }

    #[test]
    fn co_held_titles_are_two_roles() {
        assert_eq!(
            roles("Club President and General Manager Ed Stone resigned."),
            [
                ("Ed Stone".to_string(), "club president".to_string()),
                ("Ed Stone".to_string(), "general manager".to_string()),
            ]
        );
    }

    #[test]
    fn surname_mentions_refer_to_the_full_name() {
        let c = claims("Coach Marta Vieira arrived. Later Vieira spoke to reporters.");
        assert_eq!(c.people.len(), 2);
        assert_eq!(c.people[1].refers_to, Some(0));
    }

    #[test]
    fn titles_before_and_appositives_after() {
        assert_eq!(
            roles("Health Minister Karl Brandt visited the site."),
            [("Karl Brandt".to_string(), "health minister".to_string())]
        );
        assert_eq!(
            roles("Sara Okafor, the bank's chief financial officer, resigned."),
            [(
                "Sara Okafor".to_string(),
                "chief financial officer".to_string()
            )]
        );
        assert_eq!(
            roles("The chairman of Delta Shipping, Omar Haddad, declined to comment."),
            [(
                "Omar Haddad".to_string(),
                "delta shipping chair".to_string()
            )]
        );
    }

    #[test]
    fn possessive_chains_give_each_person_a_role() {
        let r = roles("Governor Mary Clarke’s spokesman Tom Reyes said the roads were closed.");
        assert!(
            r.contains(&("Mary Clarke".to_string(), "governor".to_string())),
            "{r:?}"
        );
        assert!(
            r.contains(&("Tom Reyes".to_string(), "spokesperson".to_string())),
            "{r:?}"
        );
    }

    #[test]
    fn bylines_are_not_claims() {
        assert!(people("Storm hits coast\n\nBy Jane Doe\n\nThe storm hit.").is_empty());
    }
}
