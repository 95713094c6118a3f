//! `crosscheck eval --plant`: what the checker would catch on a newsroom's
//! own stories, measured without gold files.
//!
//! For each story of two articles or more, facts that at least two of its
//! articles state are found with plain patterns ([`facts`]), a few are
//! drawn from the seed, and for each one planted copy of the story is made
//! in memory: one article changed at that fact, in all its mentions there.
//! The planted copy and the original are checked as `check` checks them; a
//! plant is found when a conflict of its kind that holds the changed text
//! is reported for the copy and not for the original. Whatever else the
//! copy adds is noise.
//!
//! Planted disagreements are single-fact edits: the figure is the recall
//! of such edits, not the checker's precision, and says nothing about
//! disagreements that span several facts.

mod change;
mod facts;
mod offices;
mod words;

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use rayon::prelude::*;
use serde::Serialize;

use crate::article::Article;
use crate::error::{Error, Result};
use crate::lexicon::Lexicon;
use crate::rules::{Conflict, Kind, RuleSet};
use change::{in_case_of, respellings};
use facts::{Form, Found, Mention, What, locate};
use offices::{OFFICES, office_named};
use words::{Text, WEEKDAYS, weekday};

/// The kinds of disagreement a plant makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PlantKind {
    Spelling,
    Role,
    Figure,
    Place,
    Date,
}

impl PlantKind {
    pub const ALL: [PlantKind; 5] = [
        PlantKind::Spelling,
        PlantKind::Role,
        PlantKind::Figure,
        PlantKind::Place,
        PlantKind::Date,
    ];

    /// The kind of conflict that finds a plant of this kind.
    pub fn conflict_kind(self) -> Kind {
        match self {
            PlantKind::Spelling => Kind::Spelling,
            PlantKind::Role => Kind::Role,
            PlantKind::Figure => Kind::Figure,
            PlantKind::Place => Kind::Place,
            PlantKind::Date => Kind::Date,
        }
    }

    fn name(self) -> &'static str {
        match self {
            PlantKind::Spelling => "spelling",
            PlantKind::Role => "role",
            PlantKind::Figure => "figure",
            PlantKind::Place => "place",
            PlantKind::Date => "date",
        }
    }
}

impl fmt::Display for PlantKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for PlantKind {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, String> {
        PlantKind::ALL
            .into_iter()
            .find(|k| k.name() == s)
            .ok_or_else(|| format!("unknown kind {s:?} (spelling, role, figure, place, date)"))
    }
}

/// What to plant.
#[derive(Debug, Clone)]
pub struct Options {
    /// Facts planted per story and kind, at most.
    pub per_kind: usize,
    pub seed: u64,
    pub kinds: Vec<PlantKind>,
}

/// One planted disagreement and what the checker made of it.
#[derive(Debug, Clone, Serialize)]
pub struct Plant {
    pub kind: PlantKind,
    pub story: String,
    /// The article changed, and where its first changed mention starts.
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub before: String,
    pub after: String,
    /// Mentions changed in the article.
    pub mentions: usize,
    /// Articles of the story that state the fact.
    pub stated_by: usize,
    pub found: bool,
    /// The changed line around the first change.
    pub excerpt: String,
    /// Conflicts the copy adds beyond the plant's own.
    pub noise: Vec<Noise>,
}

/// A conflict reported for a planted copy and not for the original, other
/// than the one that finds the plant.
#[derive(Debug, Clone, Serialize)]
pub struct Noise {
    pub rule: String,
    pub kind: Kind,
    pub subject: String,
    pub texts: Vec<String>,
}

/// Plants, finds and noise of one kind or all.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Tally {
    pub planted: usize,
    pub found: usize,
    pub missed: usize,
    pub noise: usize,
    /// Found over planted; none when nothing was planted.
    pub recall: Option<f64>,
    pub noise_per_plant: Option<f64>,
}

impl Tally {
    fn add(&mut self, plant: &Plant) {
        self.planted += 1;
        if plant.found {
            self.found += 1;
        } else {
            self.missed += 1;
        }
        self.noise += plant.noise.len();
        let ratio = |x: usize| {
            let r = x as f64 / self.planted as f64;
            (r * 10_000.0).round() / 10_000.0
        };
        self.recall = Some(ratio(self.found));
        self.noise_per_plant = Some(ratio(self.noise));
    }
}

#[derive(Debug, Serialize)]
pub struct Evaluation {
    pub seed: u64,
    pub per_kind: usize,
    /// Stories of two articles or more, the ones planted in.
    pub stories: usize,
    pub kinds: BTreeMap<PlantKind, Tally>,
    pub total: Tally,
    pub plants: Vec<Plant>,
}

/// A change to one article: the text put in place of `range`.
#[derive(Debug, Clone)]
struct Edit {
    range: Range<usize>,
    text: String,
}

/// A plant chosen, not yet checked.
#[derive(Debug)]
struct Planned {
    kind: PlantKind,
    article: usize,
    edits: Vec<Edit>,
    stated_by: usize,
}

/// A draw from the seed, keyed by what is being chosen: the same on every
/// machine and thread count, and one choice does not move when another
/// changes. FNV-1a over the key, then the splitmix64 finaliser to scatter
/// near keys; a generator crate would tie the figures to its version.
fn draw(seed: u64, key: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ seed;
    for part in key {
        for b in part.bytes().chain([0xff]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h = (h ^ (h >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// The last part of a path: draws do not depend on how the path to the
/// stories was written.
fn last_part(path: &str) -> &str {
    Path::new(path)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(path)
}

/// Whether `phrase` (lower case) occurs in `haystack` (lower case) as whole words.
fn contains_words(haystack: &str, phrase: &str) -> bool {
    haystack.match_indices(phrase).any(|(i, _)| {
        let before = haystack[..i].chars().next_back();
        let after = haystack[i + phrase.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// One story, read for planting.
struct Story<'a> {
    name: &'a str,
    articles: &'a [Article],
    texts: Vec<Text<'a>>,
    found: Vec<Vec<Found>>,
    /// Every word of the story, in lower case.
    words: HashSet<String>,
    /// The words the story writes in lower case somewhere: common words,
    /// whatever a capital elsewhere suggests.
    common: HashSet<String>,
    /// The whole story in lower case, for names of several words.
    lower: String,
    /// Surnames that follow a given name somewhere in the story.
    people: HashSet<String>,
    lex: &'a Lexicon,
    seed: u64,
}

impl<'a> Story<'a> {
    fn new(articles: &'a [Article], lex: &'a Lexicon, options: &Options) -> Story<'a> {
        let texts: Vec<Text> = articles.iter().map(|a| Text::new(&a.text)).collect();
        let found = texts
            .iter()
            .map(|t| {
                options
                    .kinds
                    .iter()
                    .flat_map(|&k| facts::find(t, lex, k))
                    .collect()
            })
            .collect();
        let mut words = HashSet::new();
        let mut common = HashSet::new();
        let mut people = HashSet::new();
        for t in &texts {
            for i in 0..t.words.len() {
                let lower = t.base_str(i).to_lowercase();
                if lower == t.base_str(i) {
                    common.insert(lower.clone());
                }
                words.insert(t.str(i).to_lowercase());
                words.insert(lower);
            }
            people.extend(facts::people(t, lex));
        }
        let lower = articles
            .iter()
            .map(|a| a.text.to_lowercase())
            .collect::<Vec<_>>()
            .join("\n");
        Story {
            name: last_part(&articles[0].story),
            articles,
            texts,
            found,
            words,
            common,
            lower,
            people,
            lex,
            seed: options.seed,
        }
    }

    fn file(&self, article: usize) -> &str {
        last_part(&self.articles[article].path)
    }

    /// Up to `per_kind` plants of each kind, drawn among the facts two
    /// articles or more state.
    fn plan(&self, options: &Options) -> Vec<Planned> {
        let mut stated: BTreeMap<(PlantKind, &str), (&What, BTreeSet<usize>)> = BTreeMap::new();
        for (a, found) in self.found.iter().enumerate() {
            for f in found.iter().filter(|f| f.states) {
                let entry = stated
                    .entry((f.what.kind(), f.key.as_str()))
                    .or_insert((&f.what, BTreeSet::new()));
                entry.1.insert(a);
            }
        }
        let mut plans = Vec::new();
        for &kind in &options.kinds {
            let mut candidates: Vec<(u64, &str, &What, &BTreeSet<usize>)> = stated
                .iter()
                .filter(|((k, _), (_, articles))| *k == kind && articles.len() >= 2)
                .map(|((_, key), (what, articles))| {
                    let d = draw(self.seed, &[self.name, kind.name(), key]);
                    (d, *key, *what, articles)
                })
                .collect();
            candidates.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
            let chosen = candidates
                .into_iter()
                .filter_map(|(_, key, what, articles)| self.plant(what, key, articles))
                .take(options.per_kind);
            plans.extend(chosen);
        }
        plans
    }

    /// Every mention of the fact in `article`, when all are sure.
    fn mentions(&self, article: usize, kind: PlantKind, key: &str) -> Option<Vec<Mention>> {
        let found: Vec<&Found> = self.found[article]
            .iter()
            .filter(|f| f.what.kind() == kind && f.key == key)
            .collect();
        if found.is_empty() || found.iter().any(|f| !f.sure) {
            return None;
        }
        let mut mentions: Vec<Mention> = found.iter().map(|f| f.mention.clone()).collect();
        mentions.sort_by_key(|m| (m.range.start, std::cmp::Reverse(m.range.end)));
        // Edits apply in order and never overlap.
        let mut end = 0;
        mentions.retain(|m| {
            let apart = m.range.start >= end;
            end = end.max(m.range.end);
            apart
        });
        Some(mentions)
    }

    /// The plant of one fact: the article drawn among those that state it
    /// and can be changed with certainty, and the change drawn among those
    /// that fit every mention there.
    fn plant(&self, what: &What, key: &str, stating: &BTreeSet<usize>) -> Option<Planned> {
        let kind = what.kind();
        match what {
            // A title before someone the story names with a given name.
            What::Office { surname, .. } if !self.people.contains(&surname.to_lowercase()) => {
                return None;
            }
            // "Marine Commandos": a capital does not make a common word a name.
            What::Surname { surname, .. } if self.common.contains(&surname.to_lowercase()) => {
                return None;
            }
            _ => {}
        }
        let mut targets: Vec<(u64, usize)> = stating
            .iter()
            .map(|&a| {
                (
                    draw(self.seed, &[self.name, kind.name(), key, self.file(a)]),
                    a,
                )
            })
            .collect();
        targets.sort();
        for (_, a) in targets {
            let Some(mentions) = self.mentions(a, kind, key) else {
                continue;
            };
            let options = self.changes(what, a, &mentions);
            if options.is_empty() {
                continue;
            }
            let d = draw(
                self.seed,
                &[self.name, kind.name(), key, self.file(a), "change"],
            );
            let texts = &options[(d % options.len() as u64) as usize];
            let edits = mentions
                .iter()
                .zip(texts)
                .map(|(m, text)| Edit {
                    range: m.range.clone(),
                    text: text.clone(),
                })
                .collect();
            return Some(Planned {
                kind,
                article: a,
                edits,
                stated_by: stating.len(),
            });
        }
        None
    }

    /// The ways the fact may be changed in `article`: for each, the text
    /// of every mention.
    fn changes(&self, what: &What, article: usize, mentions: &[Mention]) -> Vec<Vec<String>> {
        let text = &self.articles[article].text;
        let words = |new: &str| -> Vec<String> {
            mentions
                .iter()
                .map(|m| {
                    let old = &text[m.range.clone()];
                    match (&m.form, old.split_once(' ')) {
                        (Form::AfterArticle, Some((article, name))) => {
                            let vowel = new.starts_with(['A', 'E', 'I', 'O', 'U']);
                            let a = in_case_of(article, if vowel { "an" } else { "a" });
                            format!("{a} {}", in_case_of(name, new))
                        }
                        _ => in_case_of(old, new),
                    }
                })
                .collect()
        };
        let lex = self.lex;
        match what {
            What::Surname { surname, .. } => respellings(surname)
                .into_iter()
                .filter(|w| {
                    !self.words.contains(&w.to_lowercase())
                        && !lex.is_given_name(w)
                        && locate(lex, w).is_none()
                })
                .map(|w| words(&w))
                .collect(),
            What::Office { office, surname } => OFFICES[*office]
                .swaps
                .iter()
                .filter(|swap| {
                    let other = office_named(swap);
                    // Not a title another article already gives the person.
                    !self.found.iter().flatten().any(|f| {
                        matches!(&f.what, What::Office { office: o, surname: s }
                            if Some(*o) == other && s.eq_ignore_ascii_case(surname))
                    })
                })
                .map(|swap| words(swap))
                .collect(),
            What::Figure { .. } => {
                let Some(Form::Number { written, scale }) = mentions.first().map(|m| &m.form)
                else {
                    return Vec::new();
                };
                written
                    .alternatives()
                    .into_iter()
                    .filter_map(|alt| {
                        let total = alt * scale;
                        mentions
                            .iter()
                            .map(|m| match &m.form {
                                Form::Number { written, scale } => {
                                    written.write(((total / scale) * 1e6).round() / 1e6)
                                }
                                _ => None,
                            })
                            .collect::<Option<Vec<String>>>()
                    })
                    .collect()
            }
            What::Place { name } => {
                let own = name.to_lowercase();
                let Some(place) = locate(lex, name) else {
                    return Vec::new();
                };
                place
                    .near()
                    .filter(|p| {
                        let lower = p.to_lowercase();
                        !p.contains([',', '(', '/'])
                            && p.split(' ').count() <= 3
                            && p.split(' ').all(|w| w.starts_with(char::is_uppercase))
                            && !lex.is_given_name(p)
                            && !lower.contains(&own)
                            && !own.contains(&lower)
                            && !contains_words(&self.lower, &lower)
                    })
                    .map(words)
                    .collect()
            }
            What::Weekday(day) => {
                let t = &self.texts[article];
                let named: Vec<usize> = (0..t.words.len())
                    .filter_map(|i| weekday(t.base_str(i)))
                    .collect();
                [1, 6, 2, 5, 3, 4]
                    .iter()
                    .map(|o| (day + o) % 7)
                    .filter(|d| !named.contains(d))
                    .map(|d| words(WEEKDAYS[d]))
                    .collect()
            }
            What::Time(_) => [1, 2, 3, -1, -2, -3]
                .iter()
                .filter_map(|&h| {
                    mentions
                        .iter()
                        .map(|m| match &m.form {
                            Form::Clock(c) => c.shifted(h),
                            _ => None,
                        })
                        .collect::<Option<Vec<String>>>()
                })
                .collect(),
        }
    }
}

/// A conflict as compared between the original and a planted copy: its
/// rule and its claims, each at its place in the original text; a claim
/// on changed text has no such place.
type ConflictKey = (String, Vec<ClaimKey>);

/// A claim's article, its place in the original text (none on changed
/// text) and its text.
type ClaimKey = (String, Option<(usize, usize)>, String);

/// Where `start..end` of the planted text was in the original, unless it
/// overlaps a change.
fn unplanted(edits: &[Edit], start: usize, end: usize) -> Option<(usize, usize)> {
    let mut delta: isize = 0;
    for e in edits {
        let new_start = e.range.start.checked_add_signed(delta)?;
        let new_end = new_start + e.text.len();
        if start < new_end.max(new_start + 1) && end > new_start {
            return None;
        }
        if new_end > start {
            break;
        }
        delta += e.text.len() as isize - e.range.len() as isize;
    }
    Some((
        start.checked_add_signed(-delta)?,
        end.checked_add_signed(-delta)?,
    ))
}

/// The key of a conflict, and whether one of its claims holds changed
/// text; `planted` names the changed article and its edits.
fn conflict_key(c: &Conflict, planted: Option<(&str, &[Edit])>) -> (ConflictKey, bool) {
    let mut touches = false;
    let mut claims: Vec<ClaimKey> = c
        .claims
        .iter()
        .map(|claim| {
            let span = &claim.span;
            let place = match planted {
                Some((path, edits)) if *span.path == *path => {
                    let p = unplanted(edits, span.start, span.end);
                    touches |= p.is_none();
                    p
                }
                _ => Some((span.start, span.end)),
            };
            (span.path.to_string(), place, claim.text.clone())
        })
        .collect();
    claims.sort();
    ((c.rule.clone(), claims), touches)
}

/// The planted copy of one story checked against the original's conflicts.
fn check_plant(
    articles: &[Article],
    original: &HashSet<ConflictKey>,
    planned: &Planned,
    set: &RuleSet,
) -> Result<Plant> {
    let source = &articles[planned.article];
    let mut text = String::with_capacity(source.text.len() + 16);
    let mut at = 0;
    for e in &planned.edits {
        text.push_str(&source.text[at..e.range.start]);
        text.push_str(&e.text);
        at = e.range.end;
    }
    text.push_str(&source.text[at..]);
    let mut copy = Article::new(source.path.clone(), text);
    copy.story = source.story.clone();
    copy.title = source.title.clone();
    copy.source = source.source.clone();
    copy.published = source.published.clone();
    let first = &planned.edits[0];
    let excerpt = excerpt(
        &copy.text,
        first.range.start,
        first.range.start + first.text.len(),
    );
    let mut story = articles.to_vec();
    story[planned.article] = copy;
    let report = crate::check(&story, set)?;
    let mut found = false;
    let mut noise = Vec::new();
    for c in &report.conflicts {
        let (key, touches) = conflict_key(c, Some((&source.path, &planned.edits)));
        if original.contains(&key) {
            continue;
        }
        if touches && c.kind == planned.kind.conflict_kind() {
            found = true;
        } else {
            noise.push(Noise {
                rule: c.rule.clone(),
                kind: c.kind,
                subject: c.subject.clone(),
                texts: c.claims.iter().map(|x| x.text.clone()).collect(),
            });
        }
    }
    let span = source.span(first.range.start, first.range.end);
    Ok(Plant {
        kind: planned.kind,
        story: source.story.to_string(),
        path: source.path.to_string(),
        line: span.line,
        column: span.column,
        before: source.text[first.range.clone()].to_string(),
        after: first.text.clone(),
        mentions: planned.edits.len(),
        stated_by: planned.stated_by,
        found,
        excerpt,
        noise,
    })
}

/// The line of `text` around `start..end`, cut to about 60 characters on
/// each side.
fn excerpt(text: &str, start: usize, end: usize) -> String {
    let line_start = text[..start].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let line_end = text[end..]
        .find(['\n', '\r'])
        .map_or(text.len(), |i| end + i);
    let before: Vec<char> = text[line_start..start].chars().collect();
    let after: Vec<char> = text[end..line_end].chars().collect();
    let mut out = String::new();
    if before.len() > 60 {
        out.push('…');
    }
    out.extend(&before[before.len().saturating_sub(60)..]);
    out.push_str(&text[start..end]);
    out.extend(after.iter().take(60));
    if after.len() > 60 {
        out.push('…');
    }
    out.trim().to_string()
}

/// Plants disagreements into the stories of `articles` (those of two
/// articles or more) and measures how many the rules of `set` find.
/// `paths` are what the user named, for the error when no story qualifies.
pub fn evaluate(
    paths: &[PathBuf],
    articles: &[Article],
    set: &RuleSet,
    options: &Options,
) -> Result<Evaluation> {
    let mut sorted = articles.to_vec();
    crate::article::sort_by_path(&mut sorted);
    let stories: Vec<Vec<Article>> = crate::story::stories(&sorted)
        .into_iter()
        .filter(|s| s.articles.len() >= 2)
        .map(|s| s.articles.iter().map(|&i| sorted[i].clone()).collect())
        .collect();
    if stories.is_empty() {
        return Err(Error::NoStory {
            path: paths.first().cloned().unwrap_or_default(),
        });
    }
    let prepared = stories
        .par_iter()
        .map(|members| {
            let report = crate::check(members, set)?;
            let original: HashSet<ConflictKey> = report
                .conflicts
                .iter()
                .map(|c| conflict_key(c, None).0)
                .collect();
            let plans = Story::new(members, &set.lexicon, options).plan(options);
            Ok((original, plans))
        })
        .collect::<Result<Vec<_>>>()?;
    let jobs: Vec<(usize, &Planned)> = prepared
        .iter()
        .enumerate()
        .flat_map(|(s, (_, plans))| plans.iter().map(move |p| (s, p)))
        .collect();
    let plants = jobs
        .par_iter()
        .map(|&(s, p)| check_plant(&stories[s], &prepared[s].0, p, set))
        .collect::<Result<Vec<Plant>>>()?;
    let mut kinds: BTreeMap<PlantKind, Tally> = options
        .kinds
        .iter()
        .map(|&k| (k, Tally::default()))
        .collect();
    let mut total = Tally::default();
    for p in &plants {
        kinds.entry(p.kind).or_default().add(p);
        total.add(p);
    }
    Ok(Evaluation {
        seed: options.seed,
        per_kind: options.per_kind,
        stories: stories.len(),
        kinds,
        total,
        plants,
    })
}

impl Evaluation {
    /// A table a person reads, a line a kind and the total; below it, with
    /// `verbose` 1, each plant missed, and with 2 every plant, its line and
    /// the noise it brought.
    pub fn to_table(&self, width: u16, verbose: u8) -> String {
        let mut table = crate::report::table(
            width,
            vec![
                "kind",
                "planted",
                "found",
                "missed",
                "recall",
                "noise",
                "noise/plant",
            ],
        );
        let ratio = |r: Option<f64>| r.map_or("-".to_string(), |r| format!("{r:.2}"));
        let row = |name: String, t: &Tally| {
            vec![
                name,
                t.planted.to_string(),
                t.found.to_string(),
                t.missed.to_string(),
                ratio(t.recall),
                t.noise.to_string(),
                ratio(t.noise_per_plant),
            ]
        };
        for (k, t) in &self.kinds {
            table.add_row(row(k.to_string(), t));
        }
        table.add_row(row("TOTAL".into(), &self.total));
        let mut out = table.to_string();
        out.push('\n');
        for p in &self.plants {
            if verbose >= 2 || (verbose == 1 && !p.found) {
                let verdict = if p.found { "found" } else { "missed" };
                out.push_str(&format!(
                    "{verdict} {} {}:{}:{} {:?} -> {:?}",
                    p.kind, p.path, p.line, p.column, p.before, p.after
                ));
                if verbose >= 2 {
                    out.push_str(&format!(
                        " ({} mentions, stated by {} articles)\n    {}\n",
                        p.mentions, p.stated_by, p.excerpt
                    ));
                    for n in &p.noise {
                        out.push_str(&format!(
                            "    noise {} {}: {:?}\n",
                            n.rule, n.subject, n.texts
                        ));
                    }
                } else {
                    out.push('\n');
                }
            }
        }
        let t = &self.total;
        out.push_str(&format!(
            "TOTAL stories={} planted={} found={} recall={} noise={} noise_per_plant={} seed={}\n",
            self.stories,
            t.planted,
            t.found,
            ratio(t.recall),
            t.noise,
            ratio(t.noise_per_plant),
            self.seed
        ));
        out
    }
}

#[cfg(test)]
mod tests {
    use std::sync::OnceLock;

    use super::*;

    fn rules() -> &'static RuleSet {
        static SET: OnceLock<RuleSet> = OnceLock::new();
        SET.get_or_init(|| RuleSet::load(&[] as &[&str]).expect("built-in rules load"))
    }

    fn story(texts: &[&str]) -> Vec<Article> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| Article::new(format!("quay/{i}.txt"), *t))
            .collect()
    }

    fn options(kinds: &[PlantKind]) -> Options {
        Options {
            per_kind: 5,
            seed: 1,
            kinds: kinds.to_vec(),
        }
    }

    const CRANES: [&str; 3] = [
        "Quay foreman Ingrid Solberg counted 12 cranes in Tampere after the storm on Monday.",
        "The storm left 12 cranes idle, foreman Ingrid Solberg told the night shift.",
        "Dockers' leader Dario Pelz blamed the wind in Oulu.",
    ];

    #[test]
    fn draws_depend_on_seed_and_key_alone() {
        assert_eq!(
            draw(1, &["quay", "spelling"]),
            draw(1, &["quay", "spelling"])
        );
        assert_ne!(
            draw(1, &["quay", "spelling"]),
            draw(2, &["quay", "spelling"])
        );
        assert_ne!(
            draw(1, &["quay", "spelling"]),
            draw(1, &["quays", "pelling"])
        );
        // Pinned: a change here changes every published figure.
        assert_eq!(draw(1, &["quay"]), 0x8dee_4fb1_7561_657c);
    }

    #[test]
    fn positions_in_a_planted_copy_map_back_to_the_original() {
        let edits = [Edit {
            range: 10..14,
            text: "abcdef".into(),
        }];
        assert_eq!(unplanted(&edits, 0, 5), Some((0, 5)));
        assert_eq!(unplanted(&edits, 12, 13), None);
        assert_eq!(unplanted(&edits, 8, 11), None);
        assert_eq!(unplanted(&edits, 16, 18), Some((14, 16)));
    }

    #[test]
    fn only_facts_two_articles_state_are_planted() {
        let articles = story(&CRANES);
        let all = options(&PlantKind::ALL);
        let plans = Story::new(&articles, &rules().lexicon, &all).plan(&all);
        let planted: Vec<(PlantKind, &str)> = plans
            .iter()
            .map(|p| {
                let e = &p.edits[0];
                (p.kind, &articles[p.article].text[e.range.clone()])
            })
            .collect();
        // Pelz, Oulu, Tampere and Monday are stated once each.
        assert_eq!(
            planted,
            [(PlantKind::Spelling, "Solberg"), (PlantKind::Figure, "12")]
        );
        let respelled = &plans[0].edits[0].text;
        assert_eq!(strsim::levenshtein(respelled, "Solberg"), 1, "{respelled}");
        assert_ne!(plans[1].edits[0].text, "12");
    }

    #[test]
    fn a_plant_is_found_by_a_new_conflict_of_its_kind_on_the_changed_text() {
        let articles = story(&CRANES);
        let paths = [PathBuf::from("quay")];
        let spelling = options(&[PlantKind::Spelling]);
        let eval = evaluate(&paths, &articles, rules(), &spelling).unwrap();
        assert_eq!((eval.total.planted, eval.total.found), (1, 1));
        let p = &eval.plants[0];
        let original = &articles.iter().find(|a| *a.path == p.path).unwrap().text;
        let line = original.lines().nth(p.line - 1).unwrap();
        let at: String = line.chars().skip(p.column - 1).collect();
        assert!(at.starts_with("Solberg"), "{p:?}");
        // Without the rules that could see it, the same plant is missed.
        let mut blind = RuleSet::load(&[] as &[&str]).unwrap();
        blind
            .select(&[], &["name-spelling".into(), "term-spelling".into()])
            .unwrap();
        let eval = evaluate(&paths, &articles, &blind, &spelling).unwrap();
        assert_eq!((eval.total.planted, eval.total.found), (1, 0));
        assert_eq!(eval.total.recall, Some(0.0));
    }

    #[test]
    fn no_story_of_two_articles_is_an_error_naming_the_path() {
        let one = story(&CRANES[..1]);
        let e = evaluate(
            &[PathBuf::from("quay")],
            &one,
            rules(),
            &options(&PlantKind::ALL),
        )
        .unwrap_err();
        assert!(e.to_string().starts_with("quay: no story"), "{e}");
    }

    #[test]
    fn excerpts_are_the_changed_line_cut_around_the_change() {
        let text = format!(
            "first line\n{}CHANGE{}\nlast",
            "a".repeat(80),
            "b".repeat(80)
        );
        let start = text.find("CHANGE").unwrap();
        let e = excerpt(&text, start, start + 6);
        assert_eq!(e, format!("…{}CHANGE{}…", "a".repeat(60), "b".repeat(60)));
        assert!(contains_words("in tampere today", "tampere"));
        assert!(!contains_words("in tamperes today", "tampere"));
    }
}
