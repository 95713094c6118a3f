//! A conflict in plain words, for the formats people read: a headline
//! ("Heidar Alishvandi is spelled 3 ways"), its claims grouped by the value
//! they give, each value as written and in words, and the suggestion with
//! how many articles give it. Made from the claims' structured fields
//! (`reading`, `measure`), never from the labels alignment gives subjects
//! beyond the names of people and events.

use std::collections::BTreeSet;

use crate::rules::{Check, Conflict, ConflictClaim, Rule};

/// The claims of a conflict that give one value.
#[derive(Debug, Clone, PartialEq)]
pub struct Group<'a> {
    /// The value compared (normalised).
    pub value: &'a str,
    /// Indices into the conflict's claims, in claim order.
    pub claims: Vec<usize>,
    /// How many articles give the value.
    pub articles: usize,
}

impl Group<'_> {
    /// The distinct texts the value is written as, in claim order.
    pub fn texts<'c>(&self, c: &'c Conflict) -> Vec<&'c str> {
        let mut out: Vec<&str> = Vec::new();
        for &i in &self.claims {
            let t = c.claims[i].text.as_str();
            if !out.contains(&t) {
                out.push(t);
            }
        }
        out
    }

    /// The value in words: its reading, else its text as written.
    pub fn words<'c>(&self, c: &'c Conflict) -> &'c str {
        let first = &c.claims[self.claims[0]];
        first.reading.as_deref().unwrap_or(&first.text)
    }

    /// The value as a person reads it in a list: the texts as written in
    /// quotes, then the value in words where the text does not say it.
    pub fn label(&self, c: &Conflict) -> String {
        let texts = self.texts(c);
        let mut label = texts
            .iter()
            .take(2)
            .map(|t| format!("\"{}\"", one_line(t)))
            .collect::<Vec<_>>()
            .join(" / ");
        if texts.len() > 2 {
            label.push_str(" / …");
        }
        let reading = c.claims[self.claims[0]].reading.as_deref();
        if let Some(r) = reading.filter(|r| !texts.iter().all(|t| says(t, r))) {
            label.push_str(&format!(" ({r})"));
        }
        label
    }
}

/// Whether `text` says `reading` as it is ("injuring 14 people" says "14").
fn says(text: &str, reading: &str) -> bool {
    text.to_lowercase().contains(&reading.to_lowercase())
}

/// Line breaks inside a claim ("New\nYork") shown as spaces.
pub fn one_line(s: &str) -> String {
    s.split(['\r', '\n'])
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The claims grouped by value: the value most articles give first, then
/// in order of their first claim.
pub fn groups(c: &Conflict) -> Vec<Group<'_>> {
    let mut out: Vec<Group> = Vec::new();
    for (i, x) in c.claims.iter().enumerate() {
        match out.iter_mut().find(|g| g.value == x.value) {
            Some(g) => g.claims.push(i),
            None => out.push(Group {
                value: &x.value,
                claims: vec![i],
                articles: 0,
            }),
        }
    }
    for g in &mut out {
        let paths: BTreeSet<&str> = g.claims.iter().map(|&i| &*c.claims[i].span.path).collect();
        g.articles = paths.len();
    }
    out.sort_by_key(|g| (std::cmp::Reverse(g.articles), g.claims[0]));
    out
}

/// How many articles the conflict's claims come from.
pub fn articles(c: &Conflict) -> usize {
    let paths: BTreeSet<&str> = c.claims.iter().map(|x| &*x.span.path).collect();
    paths.len()
}

/// The group the suggestion names: the one whose value it is, else (for a
/// name, where the suggestion is the spelling of the words that vary) the
/// one most articles give among those holding every word of it.
pub fn suggested_group(c: &Conflict, groups: &[Group]) -> Option<usize> {
    let s = c.suggestion.as_deref()?;
    if let Some(i) = groups.iter().position(|g| g.value == s) {
        return Some(i);
    }
    let wanted: Vec<&str> = s.split_whitespace().collect();
    groups.iter().position(|g| {
        let words: Vec<&str> = g.value.split_whitespace().collect();
        wanted.iter().all(|w| words.contains(w))
    })
}

/// The suggestion in words, with how many articles give it: "Volodymyr
/// Zelenskyy (2 of 3 articles)", or "Kyiv (house style)".
pub fn suggestion(c: &Conflict) -> Option<String> {
    let s = c.suggestion.as_deref()?;
    let groups = groups(c);
    Some(match suggested_group(c, &groups) {
        Some(i) if c.kind != crate::rules::Kind::Style => {
            let g = &groups[i];
            let words = if g.value == s {
                g.words(c).to_string()
            } else {
                one_line(g.texts(c)[0])
            };
            format!("{words} ({} of {} articles)", g.articles, articles(c))
        }
        _ => format!("{s} (house style)"),
    })
}

/// What the claims measure, when they all measure one thing.
fn measure(c: &Conflict) -> Option<&str> {
    let first = c.claims.first()?.measure.as_deref()?;
    c.claims
        .iter()
        .all(|x| x.measure.as_deref() == Some(first))
        .then_some(first)
}

/// The headline of a conflict: what disagrees, in plain words. A rule
/// whose message is its own (not its check's default) keeps its message.
pub fn headline(c: &Conflict, rule: Option<&Rule>) -> String {
    let Some(rule) = rule else {
        return c.message.clone();
    };
    if rule.message != rule.check.default_message() {
        return c.message.clone();
    }
    let n = groups(c).len();
    let subject = one_line(&c.subject);
    match rule.check {
        Check::NameSpelling | Check::TermSpelling => {
            format!("{subject} is spelled {n} ways")
        }
        Check::RoleMismatch => format!("{subject} is given {n} roles that do not agree"),
        Check::FigureMismatch => match measure(c) {
            Some(m) => format!("{m}: {n} different figures"),
            None => format!("{n} different figures for one thing"),
        },
        Check::GarbledFigure => {
            let things: Vec<&str> = c
                .claims
                .iter()
                .filter_map(|x| x.measure.as_deref())
                .collect();
            format!(
                "near-equal figures count different things: {}",
                things.join(" / ")
            )
        }
        Check::UnitConversion => "a conversion in brackets does not hold".to_string(),
        Check::EventPlace => format!("{subject}: {n} different places"),
        Check::EventDate => {
            let what = measure(c).unwrap_or("date");
            format!("{subject}: {n} different {what}s")
        }
        Check::HouseStyle => c.message.clone(),
    }
}

/// The values in words, most articles' first: "14 / 16".
pub fn values(c: &Conflict) -> String {
    groups(c)
        .iter()
        .map(|g| one_line(g.words(c)))
        .collect::<Vec<_>>()
        .join(" / ")
}

/// `claim` as `path:line:column`, with the path as given.
pub fn location(claim: &ConflictClaim, path: &str) -> String {
    format!("{path}:{}:{}", claim.span.line, claim.span.column)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;
    use crate::rules::RuleSet;

    fn check(texts: &[&str]) -> (Vec<Conflict>, RuleSet) {
        let set = RuleSet::load(&[] as &[&str]).unwrap();
        let articles: Vec<Article> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Article::new(format!("{i}.txt"), *t))
            .collect();
        (crate::check(&articles, &set).unwrap().conflicts, set)
    }

    #[test]
    fn a_spelling_is_headed_by_its_count_and_grouped_by_value() {
        let (found, set) = check(&[
            "Mayor Katarina Novak opened the ferry terminal on Monday.",
            "Mayor Katarina Nowak opened the ferry terminal on Monday.",
            "Mayor Katarina Novak cut the ribbon at the ferry terminal.",
        ]);
        let c = found.iter().find(|c| c.rule == "name-spelling").unwrap();
        assert_eq!(
            headline(c, set.rule("name-spelling")),
            "Katarina Novak is spelled 2 ways"
        );
        let g = groups(c);
        assert_eq!(g[0].label(c), "\"Katarina Novak\"");
        assert_eq!(g[0].articles, 2);
        assert_eq!(
            suggestion(c).as_deref(),
            Some("Katarina Novak (2 of 3 articles)")
        );
    }

    #[test]
    fn figures_are_headed_by_what_they_measure_and_read_in_words() {
        let (found, set) = check(&[
            "The ferry operator signed a 90-day lease for the pier, its owner said.",
            "The ferry operator signed a three-month lease for the pier, its owner said.",
        ]);
        let c = found
            .iter()
            .find(|c| c.rule == "figure-mismatch")
            .expect("the lease lengths disagree");
        assert_eq!(
            headline(c, set.rule("figure-mismatch")),
            "length of the lease: 2 different figures"
        );
        assert_eq!(values(c), "90 days / 3 months");
        assert_eq!(groups(c)[0].label(c), "\"90-day lease\" (90 days)");
    }
}
