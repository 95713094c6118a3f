//! Aligning claims by subject: the mentions of one person across and
//! within articles, the figures that count one thing, the places and dates
//! of one event.

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;

use crate::article::Article;
use crate::extract::ArticleClaims;
use crate::lexicon::Lexicon;
use crate::names::{NameParams, WordKeys, WordMatch, match_words, same_person, word_keys};
use crate::text::name_key;

/// A claim of one article: `index` into the list of its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct ClaimRef {
    pub article: usize,
    pub index: usize,
}

/// How one word of a person's name is written across the mentions.
#[derive(Debug, Clone, Default)]
pub struct NameWord {
    /// Spelling key -> the mentions that write the word that way, and the
    /// word as first written.
    pub forms: BTreeMap<String, (String, Vec<ClaimRef>)>,
}

/// One person, however written.
#[derive(Debug, Clone)]
pub struct PersonSubject {
    pub name: String,
    pub mentions: Vec<ClaimRef>,
    pub words: Vec<NameWord>,
    /// Role claims of the person's mentions.
    pub roles: Vec<ClaimRef>,
}

/// Claims about one thing: figures counting it, places or dates of one
/// event.
#[derive(Debug, Clone)]
pub struct Subject {
    pub label: String,
    pub claims: Vec<ClaimRef>,
}

pub struct Aligned<'a> {
    pub articles: &'a [Article],
    pub claims: Vec<ArticleClaims>,
    pub people: Vec<PersonSubject>,
    pub figures: Vec<Subject>,
    pub places: Vec<Subject>,
    pub dates: Vec<Subject>,
    /// Names that are not people's, each written more than one way.
    pub terms: Vec<NameWord>,
    /// Places the articles write inside others: (inner spelling key, outer
    /// canonical name).
    pub place_within: BTreeSet<(String, String)>,
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn find(&mut self, x: usize) -> usize {
        let mut r = x;
        while self.0[r] != r {
            r = self.0[r];
        }
        let mut c = x;
        while self.0[c] != r {
            let n = self.0[c];
            self.0[c] = r;
            c = n;
        }
        r
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            // The smaller root stays, so the result does not depend on order.
            let (lo, hi) = (ra.min(rb), ra.max(rb));
            self.0[hi] = lo;
        }
    }
}

/// How the aligner finds the names that may be one person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Search {
    /// Only names that share a candidate key (see [`word_keys`]): near
    /// linear in the number of names.
    Blocked,
    /// Every name against every other: quadratic, the reference the
    /// blocked search must agree with.
    Exhaustive,
}

pub fn align<'a>(
    articles: &'a [Article],
    claims: Vec<ArticleClaims>,
    lex: &Lexicon,
) -> Aligned<'a> {
    align_with(articles, claims, lex, Search::Blocked)
}

pub fn align_with<'a>(
    articles: &'a [Article],
    claims: Vec<ArticleClaims>,
    lex: &Lexicon,
    search: Search,
) -> Aligned<'a> {
    let people = align_people(&claims, lex, &lex.names, search);
    let figures = group_by(&claims, |c| {
        c.figures
            .iter()
            .map(|f| {
                let v = &f.value;
                let noun = v
                    .noun
                    .as_deref()
                    .map(|n| lex.noun_group(n).unwrap_or(n).to_string())
                    .unwrap_or_default();
                // Counts and durations say nothing without what they count.
                let needs_noun = matches!(v.dimension.as_str(), "count" | "duration" | "length");
                // "12 Somali and 11 Yemeni pirates": a people's name counts
                // no one thing, it splits a count.
                let demonym = v.noun.as_deref().is_some_and(|n| lex.demonym(n).is_some());
                // "three times faster", "a four-time champion": no amount.
                let usable = v.conversion_of.is_none()
                    && !demonym
                    && v.noun.as_deref() != Some("time")
                    && !v.reported
                    && !v.partial
                    && v.dimension != "age"
                    && !(needs_noun && noun.is_empty());
                let key = if needs_noun {
                    // A count of people is about its event: killed, injured.
                    let grouped = v.noun.as_deref().and_then(|n| lex.noun_group(n)).is_some();
                    let event = match v.event.as_deref() {
                        Some(e) if grouped && v.dimension == "count" => e,
                        _ => "",
                    };
                    format!("{} {noun} {event}", v.dimension).trim().to_string()
                } else {
                    v.dimension.clone()
                };
                usable.then_some(key)
            })
            .collect()
    });
    // A sentence naming a year tells of that year's event ("a
    // demonstration in Athens in 1985"), another subject.
    let places = group_by(&claims, |c| {
        c.places
            .iter()
            .map(|p| {
                (p.event != "dateline").then(|| match p.year {
                    Some(y) => format!("{} {y}", p.event),
                    None => p.event.clone(),
                })
            })
            .collect()
    });
    let place_within = written_containment(&claims);
    let main_day = main_weekday(&claims);
    let dates = group_by(&claims, |c| {
        let names_main_day = main_day.is_some_and(|m| c.dates.iter().any(|d| d.day == Some(m)));
        c.dates
            .iter()
            .map(|d| {
                // An article that names the story's day and another day
                // tells of a later development on that other day
                // ("an aftershock on Monday").
                let later = names_main_day && d.day.is_some_and(|x| Some(x) != main_day);
                (!d.event.is_empty() && !later).then(|| d.event.clone())
            })
            .collect()
    });
    let terms = align_terms(&claims, lex, &lex.names);
    Aligned {
        articles,
        claims,
        people,
        figures,
        places,
        dates,
        terms,
        place_within,
    }
}

/// The places the story's articles write inside others ("Banstead,
/// Surrey"): the inner place's spelling key and the outer's name. The gazetteer cannot know
/// every town, shop and neighbourhood, but the articles say where they are.
fn written_containment(claims: &[ArticleClaims]) -> BTreeSet<(String, String)> {
    claims
        .iter()
        .flat_map(|c| c.places.iter())
        .filter_map(|p| {
            let outer = p.within.clone()?;
            let inner = name_key(&p.place);
            (inner != name_key(&outer)).then_some((inner, outer))
        })
        .collect()
}

/// Spellings of one name that is not a person's: words one or two edits
/// apart ("Bireun" / "Bireuen"). A word that is part of a person's name is
/// left to the people; two words the gazetteer knows (places, demonyms) are
/// two words, and a
/// word that starts another ("Indonesia" / "Indonesian") is another word.
fn align_terms(claims: &[ArticleClaims], lex: &Lexicon, p: &NameParams) -> Vec<NameWord> {
    let person_words: BTreeSet<String> = claims
        .iter()
        .flat_map(|c| {
            c.people
                .iter()
                .flat_map(|m| m.words.iter().map(|w| name_key(w)))
        })
        .collect();
    let mut forms: BTreeMap<String, (String, Vec<ClaimRef>)> = BTreeMap::new();
    for (article, c) in claims.iter().enumerate() {
        for (index, t) in c.terms.iter().enumerate() {
            let key = name_key(&t.text);
            if person_words.contains(&key) {
                continue;
            }
            forms
                .entry(key)
                .or_insert_with(|| (t.text.clone(), Vec::new()))
                .1
                .push(ClaimRef { article, index });
        }
    }
    let keys: Vec<&String> = forms.keys().collect();
    let mut uf = UnionFind((0..keys.len()).collect());
    // Keys are sorted, so spellings that share their first two letters
    // stand together: each is compared with its neighbours only.
    let block = |k: &str| k.chars().take(2).collect::<String>();
    for (i, a) in keys.iter().enumerate() {
        for (j, b) in keys.iter().enumerate().skip(i + 1) {
            if block(b) != block(a) {
                break;
            }
            // Words that end differently are another form of one word
            // ("Greece" / "Greeks", "Islamic" / "Islamist"); a misspelt
            // name keeps its last letter.
            if a.len().abs_diff(b.len()) > p.max_edits
                || a.chars().last() != b.chars().last()
                || british_to_american(a) == british_to_american(b)
            {
                continue;
            }
            let (wa, wb) = (&forms[*a].0, &forms[*b].0);
            // Two places ("Austria" / "Australia"), or two names of a
            // place known in several languages ("Genoa" / "Genova"); two
            // spellings of a town's name are a matter of spelling.
            let known = |w: &str| lex.known_place(w).is_some() || lex.demonym(w).is_some();
            match lex.one_place(wa, wb) {
                Some(true) => continue,
                None if known(wa) && known(wb) => continue,
                _ => {}
            }
            if match_words(wa, wb, lex, p) == WordMatch::Variant {
                uf.union(i, j);
            }
        }
    }
    let mut clusters: BTreeMap<usize, NameWord> = BTreeMap::new();
    for (i, key) in keys.iter().enumerate() {
        let root = uf.find(i);
        clusters
            .entry(root)
            .or_default()
            .forms
            .insert((*key).clone(), forms[*key].clone());
    }
    clusters
        .into_values()
        .filter(|w| w.forms.len() > 1)
        .collect()
}

/// A spelling key with British endings made American ("Technicolour",
/// "recognised", "theatre"): one word in two standards is not a misspelling.
fn british_to_american(key: &str) -> String {
    key.replace("our", "or")
        .replace("ise", "ize")
        .replace("isa", "iza")
        .replace("tre", "ter")
}

/// The weekday named by the most articles: the day of the story's event.
/// None on a tie.
fn main_weekday(claims: &[ArticleClaims]) -> Option<u8> {
    let mut articles = [0usize; 7];
    for c in claims {
        let days: BTreeSet<u8> = c.dates.iter().filter_map(|d| d.day).collect();
        for d in days {
            articles[usize::from(d)] += 1;
        }
    }
    let most = *articles.iter().max()?;
    let mut best = (0u8..).zip(articles).filter(|&(_, n)| n == most && n > 0);
    let first = best.next()?.0;
    best.next().is_none().then_some(first)
}

/// Groups claims by a key computed for each claim of each article (`None`:
/// not grouped), in key order.
fn group_by(
    claims: &[ArticleClaims],
    key: impl Fn(&ArticleClaims) -> Vec<Option<String>>,
) -> Vec<Subject> {
    let mut groups: BTreeMap<String, Vec<ClaimRef>> = BTreeMap::new();
    for (a, c) in claims.iter().enumerate() {
        for (index, k) in key(c).into_iter().enumerate() {
            if let Some(k) = k {
                groups
                    .entry(k)
                    .or_default()
                    .push(ClaimRef { article: a, index });
            }
        }
    }
    groups
        .into_iter()
        .map(|(label, claims)| Subject { label, claims })
        .collect()
}

/// A person as first seen: the mentions of one article that name them.
struct Entity {
    article: usize,
    words: Vec<String>,
    mentions: Vec<usize>,
}

fn align_people(
    claims: &[ArticleClaims],
    lex: &Lexicon,
    p: &NameParams,
    search: Search,
) -> Vec<PersonSubject> {
    // Within each article: surname-only mentions join the full name they
    // refer to; other mentions join a matching name or start a new one.
    let mut entities: Vec<Entity> = Vec::new();
    for (a, c) in claims.iter().enumerate() {
        let first = entities.len();
        let mut entity_of = vec![usize::MAX; c.people.len()];
        // The article's entity named exactly so: a name repeated is that
        // entity, not a scan of all of them, which is quadratic on long
        // articles and splits a name that two entities match.
        let mut named: BTreeMap<Vec<String>, usize> = BTreeMap::new();
        for (m, mention) in c.people.iter().enumerate() {
            let key = words_key(&mention.words);
            // A surname whose full name comes later in the text has no
            // entity yet: it is matched like any other mention.
            let target = match mention.refers_to.map(|r| entity_of[r]) {
                Some(e) if e != usize::MAX => Some(e),
                _ => named.get(&key).copied().or_else(|| {
                    let matches: Vec<usize> = (first..entities.len())
                        .filter(|&e| {
                            same_person(&mention.words, &entities[e].words, lex, p).is_some_and(
                                |pairs| !kin(&mention.words, &entities[e].words, &pairs),
                            )
                        })
                        .collect();
                    (matches.len() == 1).then(|| matches[0])
                }),
            };
            match target {
                Some(e) => {
                    entity_of[m] = e;
                    entities[e].mentions.push(m);
                    if mention.words.len() > entities[e].words.len() {
                        let old = words_key(&entities[e].words);
                        if named.get(&old) == Some(&e) {
                            named.remove(&old);
                        }
                        named.insert(key, e);
                        entities[e].words = mention.words.clone();
                    }
                }
                None => {
                    entity_of[m] = entities.len();
                    named.insert(key, entities.len());
                    entities.push(Entity {
                        article: a,
                        words: mention.words.clone(),
                        mentions: vec![m],
                    });
                }
            }
        }
    }
    // Across articles: full names that match are one person; a lone
    // surname joins the one full name it matches, if only one.
    let mut uf = UnionFind((0..entities.len()).collect());
    match search {
        Search::Blocked => link_blocked(&entities, &mut uf, lex, p),
        Search::Exhaustive => link_exhaustive(&entities, &mut uf, lex, p),
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for e in 0..entities.len() {
        groups.entry(uf.find(e)).or_default().push(e);
    }
    groups
        .into_values()
        .map(|members| person_subject(&members, &entities, claims, lex, p))
        .collect()
}

/// Whether two full names of one article that [`same_person`] matched
/// (`pairs`) are two people of one family: one surname, given names spelled
/// apart ("Charlene Kafoury", her brother "Charlie Kafoury"). A writer who
/// spells the surname the same both times did not misspell the given name.
fn kin(a: &[String], b: &[String], pairs: &[(usize, usize, WordMatch)]) -> bool {
    let (Some(last_a), Some(last_b)) = (a.len().checked_sub(1), b.len().checked_sub(1)) else {
        return false;
    };
    a.len() >= 2
        && b.len() >= 2
        && pairs
            .iter()
            .any(|&(i, j, m)| i == last_a && j == last_b && m == WordMatch::Same)
        && pairs
            .iter()
            .any(|&(i, j, m)| i == 0 && j == 0 && m == WordMatch::Variant)
}

fn link_exhaustive(entities: &[Entity], uf: &mut UnionFind, lex: &Lexicon, p: &NameParams) {
    for i in 0..entities.len() {
        for j in i + 1..entities.len() {
            let (a, b) = (&entities[i], &entities[j]);
            if a.article == b.article || a.words.len() < 2 || b.words.len() < 2 {
                continue;
            }
            if same_person(&a.words, &b.words, lex, p).is_some() {
                uf.union(i, j);
            }
        }
    }
    for i in 0..entities.len() {
        if entities[i].words.len() >= 2 {
            continue;
        }
        let mut roots: Vec<usize> = (0..entities.len())
            .filter(|&j| j != i && entities[j].words.len() >= 2)
            .filter(|&j| same_person(&entities[i].words, &entities[j].words, lex, p).is_some())
            .map(|j| uf.find(j))
            .collect();
        roots.sort_unstable();
        roots.dedup();
        if roots.len() == 1 {
            uf.union(i, roots[0]);
        } else if roots.is_empty() {
            for j in 0..i {
                if entities[j].words.len() == 1
                    && same_person(&entities[i].words, &entities[j].words, lex, p).is_some()
                {
                    uf.union(i, j);
                }
            }
        }
    }
}

/// The distinct words of many names, and which of them may match: each
/// word is compared only with the words it meets on a key of
/// [`word_keys`]. Names repeat the same words, so this is where the
/// quadratic cost of comparing names goes away.
pub(crate) struct WordTable<'w> {
    index: HashMap<&'w str, usize>,
    /// Per word, the words it matches either way round, itself included,
    /// sorted.
    matches: Vec<Vec<usize>>,
}

impl<'w> WordTable<'w> {
    /// The table of `words`, each filed and looked up under `keys` (all of
    /// [`word_keys`], or fewer where fewer kinds of match matter).
    pub(crate) fn new(
        words: impl IntoIterator<Item = &'w str>,
        lex: &Lexicon,
        p: &NameParams,
        keys: impl Fn(&str) -> WordKeys,
    ) -> Self {
        let mut index: HashMap<&str, usize> = HashMap::default();
        let mut list: Vec<&str> = Vec::new();
        for w in words {
            index.entry(w).or_insert_with(|| {
                list.push(w);
                list.len() - 1
            });
        }
        let (mut both, mut filed, mut probes) = (Vec::new(), Vec::new(), Vec::new());
        for (w, word) in list.iter().enumerate() {
            let keys = keys(word);
            both.extend(keys.both.into_iter().map(|key| (key, w)));
            filed.extend(keys.filed.into_iter().map(|key| (key, w)));
            probes.extend(keys.probes.into_iter().map(|key| (key, w)));
        }
        let pairs = meeting(both, filed, probes);
        // Comparing the candidates is most of the work: on every core.
        let matching: Vec<bool> = pairs
            .par_iter()
            .map(|&(a, b)| {
                let (x, y) = (list[a], list[b]);
                match_words(x, y, lex, p) != WordMatch::Different
                    || match_words(y, x, lex, p) != WordMatch::Different
            })
            .collect();
        let mut matches: Vec<Vec<usize>> = (0..list.len()).map(|w| vec![w]).collect();
        for (&(a, b), _) in pairs.iter().zip(matching).filter(|m| m.1) {
            matches[a].push(b);
            matches[b].push(a);
        }
        for m in &mut matches {
            m.sort_unstable();
        }
        WordTable { index, matches }
    }

    /// The id of a word given to [`WordTable::new`].
    pub(crate) fn id(&self, word: &str) -> usize {
        self.index[word]
    }

    /// The words word `id` may match, itself included, sorted.
    pub(crate) fn matches(&self, id: usize) -> &[usize] {
        &self.matches[id]
    }
}

/// The pairs `(a, b)`, `a < b`, sorted and each once, of items that meet
/// on a key: items are filed under their `both` and `filed` keys and look up
/// their `both` and `probes` keys. Sorted arrays rather than a map of
/// lists, so that millions of keys cost three arrays.
pub(crate) fn meeting(
    mut both: Vec<(u64, usize)>,
    mut filed: Vec<(u64, usize)>,
    mut probes: Vec<(u64, usize)>,
) -> Vec<(usize, usize)> {
    for list in [&mut both, &mut filed, &mut probes] {
        list.sort_unstable();
        list.dedup();
    }
    let mut pairs = Vec::new();
    for group in both.chunk_by(|a, b| a.0 == b.0) {
        for (i, &(_, a)) in group.iter().enumerate() {
            for &(_, b) in &group[i + 1..] {
                pairs.push((a, b));
            }
        }
    }
    cross(&probes, &filed, &mut pairs);
    cross(&probes, &both, &mut pairs);
    cross(&both, &filed, &mut pairs);
    for pair in &mut pairs {
        *pair = (pair.0.min(pair.1), pair.0.max(pair.1));
    }
    pairs.retain(|p| p.0 != p.1);
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// The pairs of an item of `probes` and an item of `filed` with one key,
/// both sorted.
fn cross(probes: &[(u64, usize)], filed: &[(u64, usize)], pairs: &mut Vec<(usize, usize)>) {
    let mut rest = filed;
    for group in probes.chunk_by(|a, b| a.0 == b.0) {
        let key = group[0].0;
        rest = &rest[rest.partition_point(|f| f.0 < key)..];
        let same = &rest[..rest.partition_point(|f| f.0 == key)];
        for &(_, a) in group {
            pairs.extend(same.iter().map(|&(_, b)| (a, b)));
        }
    }
}

/// Whether every word of entity `short` matches some word of `long`: what
/// [`same_person`] needs before it pairs the words up.
fn covers(table: &WordTable, ids: &[Vec<usize>], short: usize, long: usize) -> bool {
    ids[short].iter().all(|&x| {
        ids[long]
            .iter()
            .any(|y| table.matches(x).binary_search(y).is_ok())
    })
}

/// The links of [`link_exhaustive`], looking only at candidates: the
/// entities holding a word that matches a word of the name. Every word of
/// the shorter of two names that match matches a word of the longer, so the
/// shorter name's candidates hold every name it can be; each name looks
/// through its word with the fewest candidates.
fn link_blocked(entities: &[Entity], uf: &mut UnionFind, lex: &Lexicon, p: &NameParams) {
    let table = WordTable::new(
        entities
            .iter()
            .flat_map(|e| e.words.iter().map(String::as_str)),
        lex,
        p,
        |w| word_keys(w, lex, p),
    );
    let ids: Vec<Vec<usize>> = entities
        .iter()
        .map(|e| e.words.iter().map(|w| table.id(w)).collect())
        .collect();
    let mut full_with: Vec<Vec<usize>> = vec![Vec::new(); table.matches.len()];
    let mut lone_with: Vec<Vec<usize>> = vec![Vec::new(); table.matches.len()];
    for (e, ids) in ids.iter().enumerate() {
        let with = if ids.len() >= 2 {
            &mut full_with
        } else {
            &mut lone_with
        };
        for &w in ids {
            if with[w].last() != Some(&e) {
                with[w].push(e);
            }
        }
    }
    let cost = |w: usize| -> usize { table.matches(w).iter().map(|&v| full_with[v].len()).sum() };
    // `seen[e] == stamp`: entity `e` was already a candidate of this search.
    let mut seen = vec![0usize; entities.len()];
    let mut stamp = 0;
    for i in 0..entities.len() {
        let a = &entities[i];
        if a.words.len() < 2 {
            continue;
        }
        let Some(&w) = ids[i].iter().min_by_key(|&&w| cost(w)) else {
            continue;
        };
        stamp += 1;
        for &v in table.matches(w) {
            for &j in &full_with[v] {
                if seen[j] == stamp {
                    continue;
                }
                seen[j] = stamp;
                let b = &entities[j];
                // Each pair once, from its shorter name (from the first of
                // two as long).
                if a.article == b.article
                    || b.words.len() < a.words.len()
                    || (b.words.len() == a.words.len() && j <= i)
                    || !covers(&table, &ids, i, j)
                {
                    continue;
                }
                if same_person(&a.words, &b.words, lex, p).is_some() {
                    uf.union(i, j);
                }
            }
        }
    }
    for i in 0..entities.len() {
        if entities[i].words.len() >= 2 {
            continue;
        }
        let Some(&w) = ids[i].first() else {
            continue;
        };
        let matches = |j: usize| same_person(&entities[i].words, &entities[j].words, lex, p);
        // The full names it matches: joined if they are one person; two
        // people and the lone word stays apart, so the search stops there.
        stamp += 1;
        let mut root = None;
        let mut ambiguous = false;
        'full: for &v in table.matches(w) {
            for &j in &full_with[v] {
                if j == i || seen[j] == stamp {
                    continue;
                }
                seen[j] = stamp;
                if matches(j).is_some() {
                    let r = uf.find(j);
                    if root.is_some_and(|x| x != r) {
                        ambiguous = true;
                        break 'full;
                    }
                    root = Some(r);
                }
            }
        }
        match root {
            Some(r) if !ambiguous => uf.union(i, r),
            Some(_) => {}
            None => {
                stamp += 1;
                for &v in table.matches(w) {
                    for &j in &lone_with[v] {
                        if j >= i || seen[j] == stamp {
                            continue;
                        }
                        seen[j] = stamp;
                        if entities[j].words.len() == 1 && matches(j).is_some() {
                            uf.union(i, j);
                        }
                    }
                }
            }
        }
    }
}

/// A name's words in the form that tells spellings apart, no finer.
fn words_key(words: &[String]) -> Vec<String> {
    words.iter().map(|w| name_key(w)).collect()
}

fn person_subject(
    members: &[usize],
    entities: &[Entity],
    claims: &[ArticleClaims],
    lex: &Lexicon,
    p: &NameParams,
) -> PersonSubject {
    // The fullest name is the frame the other mentions are read against.
    let canonical = members
        .iter()
        .map(|&e| &entities[e].words)
        .max_by_key(|w| w.len())
        .cloned()
        .unwrap_or_default();
    let mentions = members.iter().flat_map(|&e| {
        entities[e].mentions.iter().map(move |&m| ClaimRef {
            article: entities[e].article,
            index: m,
        })
    });
    person_from_mentions(mentions, &canonical, claims, lex, p)
}

/// One person from their mentions, each read against the `canonical` name:
/// how each word is spelled, the name most articles use, their roles.
pub fn person_from_mentions(
    all: impl IntoIterator<Item = ClaimRef>,
    canonical: &[String],
    claims: &[ArticleClaims],
    lex: &Lexicon,
    p: &NameParams,
) -> PersonSubject {
    let mut words = vec![NameWord::default(); canonical.len()];
    let mut mentions = Vec::new();
    for r in all {
        mentions.push(r);
        let written = &claims[r.article].people[r.index].words;
        let Some(pairs) = same_person(written, canonical, lex, p) else {
            continue;
        };
        for (wi, ci, how) in pairs {
            if matches!(how, WordMatch::Same | WordMatch::Variant) {
                let form = &written[wi];
                let entry = words[ci]
                    .forms
                    .entry(name_key(form))
                    .or_insert_with(|| (form.clone(), Vec::new()));
                entry.1.push(r);
            }
        }
    }
    mentions.sort();
    let name = words
        .iter()
        .zip(canonical)
        .map(|(w, c)| {
            w.forms
                .values()
                .max_by_key(|(_, refs)| articles_in(refs))
                .map_or(c.clone(), |(form, _)| form.clone())
        })
        .collect::<Vec<_>>()
        .join(" ");
    // The roles attached to any of the person's mentions, looked for only
    // in the articles that mention the person.
    let sorted = &mentions;
    let mut articles: Vec<usize> = mentions.iter().map(|m| m.article).collect();
    articles.dedup();
    let roles = articles
        .into_iter()
        .flat_map(|a| {
            claims[a]
                .roles
                .iter()
                .enumerate()
                .filter(move |(_, r)| {
                    sorted
                        .binary_search(&ClaimRef {
                            article: a,
                            index: r.person,
                        })
                        .is_ok()
                })
                .map(move |(index, _)| ClaimRef { article: a, index })
        })
        .collect();
    PersonSubject {
        name,
        mentions,
        words,
        roles,
    }
}

/// How many articles a set of mentions comes from.
pub fn articles_in(refs: &[ClaimRef]) -> usize {
    let mut a: Vec<usize> = refs.iter().map(|r| r.article).collect();
    a.dedup();
    a.len()
}

#[cfg(test)]
mod tests {
    use crate::article::Article;
    use crate::extract::testing::{claims, lex};

    fn people(texts: &[&str]) -> Vec<String> {
        let articles: Vec<Article> = texts
            .iter()
            .enumerate()
            .map(|(k, t)| Article::new(format!("{k}.txt"), *t))
            .collect();
        let claims = texts.iter().map(|t| claims(t)).collect();
        let mut names: Vec<String> = super::align(&articles, claims, lex())
            .people
            .into_iter()
            .map(|p| p.name)
            .collect();
        names.sort();
        names
    }

    #[test]
    fn one_surname_and_two_given_names_in_one_article_are_kin() {
        let kin = "Charlene Kafoury said her mother was kind. \
                   Her brother Charlie Kafoury said nothing.";
        assert_eq!(people(&[kin]), ["Charlene Kafoury", "Charlie Kafoury"]);
        // In two articles, the same two names are one name spelled two ways.
        let (one, other) = (
            "Charlene Kafoury said her mother was kind.",
            "Charlie Kafoury said her mother was kind.",
        );
        assert_eq!(people(&[one, other]).len(), 1);
    }
}
