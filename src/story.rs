//! Stories in a corpus: each story is aligned and checked on its own, and
//! people are linked across stories so that a name is spelled one way
//! everywhere. This sits between alignment and the rules: it splits the
//! corpus before [`crate::align`] and merges people after it.

use std::collections::{BTreeMap, BTreeSet};
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use rustc_hash::FxHasher;

use crate::align::{Aligned, ClaimRef, PersonSubject, WordTable, meeting, person_from_mentions};
use crate::article::{Article, Span};
use crate::extract::ArticleClaims;
use crate::lexicon::Lexicon;
use crate::names::{WordMatch, same_keys, same_person, variant_keys};
use crate::rules::{Check, Conflict, RuleSet};
use crate::text::name_key;

/// The articles of one story, as indices into the corpus, in corpus order.
#[derive(Debug, Clone, PartialEq)]
pub struct Story {
    pub id: Arc<str>,
    pub articles: Vec<usize>,
}

/// The stories of a corpus, in the order their first article comes.
pub fn stories(articles: &[Article]) -> Vec<Story> {
    let mut out: Vec<Story> = Vec::new();
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, a) in articles.iter().enumerate() {
        let s = *index.entry(&a.story).or_insert_with(|| {
            out.push(Story {
                id: a.story.clone(),
                articles: Vec::new(),
            });
            out.len() - 1
        });
        out[s].articles.push(i);
    }
    out
}

/// A person as aligned within one story, with mentions in corpus indices.
pub struct StoryPerson {
    pub story: usize,
    pub mentions: Vec<ClaimRef>,
}

/// The people of one story's alignment, their mentions moved to corpus
/// article indices.
pub fn people_of(story_index: usize, story: &Story, aligned: &Aligned) -> Vec<StoryPerson> {
    aligned
        .people
        .iter()
        .map(|p| StoryPerson {
            story: story_index,
            mentions: p
                .mentions
                .iter()
                .map(|r| ClaimRef {
                    article: story.articles[r.article],
                    index: r.index,
                })
                .collect(),
        })
        .collect()
}

/// Whether two full names written in different stories are one person
/// spelled two ways. With no shared event to go by, this asks for more than
/// alignment within a story does: as many words, every word the same but
/// at most one, and that one a variant of a word that is not a given name
/// ("Katarina Novak" / "Katarina Nowak", not "John Smith" / "Joan Smith").
fn strongly_same(a: &[String], b: &[String], lex: &Lexicon) -> bool {
    if a.len() != b.len() || a.len() < 2 {
        return false;
    }
    let Some(pairs) = same_person(a, b, lex, &lex.names) else {
        return false;
    };
    let mut variants = 0;
    for (i, j, how) in pairs {
        match how {
            WordMatch::Same => {}
            WordMatch::Variant if !lex.is_given_name(&a[i]) && !lex.is_given_name(&b[j]) => {
                variants += 1
            }
            _ => return false,
        }
    }
    variants <= 1
}

/// The pairs of people of different stories, in order, that may be one
/// person by [`strongly_same`]: a spelling of each that agrees word for word
/// but for one word, and that one a word that may match the other. Each
/// spelling is filed under each of its words and the other words, and looks
/// itself up under the words that word may match; people who merely share
/// a common given name never meet, so the cost follows the names that match.
fn strong_candidates(
    story_of: &[usize],
    spellings: &[BTreeSet<&[String]>],
    lex: &Lexicon,
) -> Vec<(usize, usize)> {
    let words = spellings
        .iter()
        .flatten()
        .flat_map(|name| name.iter().map(String::as_str));
    // A word may differ only as the variant of a word that is no given name.
    let table = WordTable::new(words, lex, &lex.names, |w| {
        if lex.is_given_name(w) {
            same_keys(w)
        } else {
            variant_keys(w, &lex.names)
        }
    });
    // The other words of a name, as compared: sorted keys, hashed.
    let rest = |name: &[String], k: usize| {
        let mut keys: Vec<String> = (0..name.len())
            .filter(|&i| i != k)
            .map(|i| name_key(&name[i]))
            .collect();
        keys.sort_unstable();
        let mut h = FxHasher::default();
        keys.hash(&mut h);
        h.finish()
    };
    // The key of the other words with one word in the place left out.
    let key = |others: u64, word: usize| {
        let mut h = FxHasher::default();
        (others, word).hash(&mut h);
        h.finish()
    };
    let (mut own, mut variants) = (Vec::new(), Vec::new());
    for (i, names) in spellings.iter().enumerate() {
        for name in names {
            for k in 0..name.len() {
                let others = rest(name, k);
                let word = table.id(&name[k]);
                own.push((key(others, word), i));
                let matching = table.matches(word).iter().filter(|&&v| v != word);
                variants.extend(matching.map(|&v| (key(others, v), i)));
            }
        }
    }
    let mut pairs = meeting(own, Vec::new(), variants);
    pairs.retain(|&(i, j)| story_of[i] != story_of[j]);
    pairs
}

/// Groups of story people who are one person across stories; each group
/// spans at least two stories and holds at most one person of each.
fn link(people: &[StoryPerson], claims: &[ArticleClaims], lex: &Lexicon) -> Vec<Vec<usize>> {
    // The full names each person is written with.
    let spellings: Vec<BTreeSet<&[String]>> = people
        .iter()
        .map(|p| {
            p.mentions
                .iter()
                .map(|r| claims[r.article].people[r.index].words.as_slice())
                .filter(|w| w.len() >= 2)
                .collect()
        })
        .collect();
    let story_of: Vec<usize> = people.iter().map(|p| p.story).collect();
    let candidates = strong_candidates(&story_of, &spellings, lex);
    let matches: Vec<(usize, usize)> = candidates
        .into_iter()
        .filter(|&(i, j)| {
            spellings[i]
                .iter()
                .any(|a| spellings[j].iter().any(|b| strongly_same(a, b, lex)))
        })
        .collect();
    // A person who matches two people of one story could be either: no link.
    let mut per_story: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for &(i, j) in &matches {
        *per_story.entry((i, people[j].story)).or_default() += 1;
        *per_story.entry((j, people[i].story)).or_default() += 1;
    }
    let mut root: Vec<usize> = (0..people.len()).collect();
    let mut stories: Vec<BTreeSet<usize>> = people.iter().map(|p| [p.story].into()).collect();
    fn find(root: &mut [usize], mut x: usize) -> usize {
        while root[x] != x {
            root[x] = root[root[x]];
            x = root[x];
        }
        x
    }
    for (i, j) in matches {
        if per_story[&(i, people[j].story)] > 1 || per_story[&(j, people[i].story)] > 1 {
            continue;
        }
        let (ri, rj) = (find(&mut root, i), find(&mut root, j));
        // A chain of links must not make two people of one story one.
        if ri == rj || !stories[ri].is_disjoint(&stories[rj]) {
            continue;
        }
        let (lo, hi) = (ri.min(rj), ri.max(rj));
        root[hi] = lo;
        let moved = std::mem::take(&mut stories[hi]);
        stories[lo].extend(moved);
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..people.len() {
        let r = find(&mut root, i);
        groups.entry(r).or_default().push(i);
    }
    groups.into_values().filter(|g| g.len() > 1).collect()
}

/// Name-spelling conflicts of people who appear in more than one story.
/// Each replaces the conflicts found inside the stories for that person,
/// which are removed from `within`.
pub fn across_stories(
    articles: &[Article],
    mut claims: Vec<ArticleClaims>,
    people: &[StoryPerson],
    set: &RuleSet,
    within: &mut Vec<Conflict>,
) -> Vec<Conflict> {
    let lex = &set.lexicon;
    let groups = link(people, &claims, lex);
    if groups.is_empty() {
        return Vec::new();
    }
    // Only the people are read: roles, figures, places and dates stay
    // within their stories.
    for c in &mut claims {
        *c = ArticleClaims {
            people: std::mem::take(&mut c.people),
            ..ArticleClaims::default()
        };
    }
    let mut group_mentions: Vec<Vec<ClaimRef>> = Vec::new();
    let mut subjects: Vec<PersonSubject> = Vec::new();
    for group in &groups {
        let mut mentions: Vec<ClaimRef> = group
            .iter()
            .flat_map(|&p| people[p].mentions.iter().copied())
            .collect();
        mentions.sort();
        let mut canonical: &[String] = &[];
        for r in &mentions {
            let words = &claims[r.article].people[r.index].words;
            if words.len() > canonical.len() {
                canonical = words;
            }
        }
        subjects.push(person_from_mentions(
            mentions.clone(),
            canonical,
            &claims,
            lex,
            &lex.names,
        ));
        group_mentions.push(mentions);
    }
    let aligned = Aligned {
        articles,
        claims,
        people: subjects,
        figures: Vec::new(),
        places: Vec::new(),
        dates: Vec::new(),
        terms: Vec::new(),
        place_within: BTreeSet::new(),
    };
    let spans: Vec<BTreeSet<&Span>> = group_mentions
        .iter()
        .map(|mentions| {
            mentions
                .iter()
                .map(|r| &aligned.claims[r.article].people[r.index].span)
                .collect()
        })
        .collect();
    let spelling = |c: &Conflict| {
        set.rules
            .iter()
            .any(|r| r.id == c.rule && r.check == Check::NameSpelling)
    };
    let found: Vec<Conflict> = crate::rules::run(&aligned, set)
        .into_iter()
        .filter(|c| spelling(c))
        .collect();
    // A conflict is one group's when the group holds all its claims: only
    // the groups holding its first claim need be asked, not all of them.
    let mut groups_with: BTreeMap<&Span, Vec<usize>> = BTreeMap::new();
    for (g, s) in spans.iter().enumerate() {
        for &span in s {
            groups_with.entry(span).or_default().push(g);
        }
    }
    let all_groups: Vec<usize> = (0..spans.len()).collect();
    let holding = |c: &Conflict| -> Vec<usize> {
        let asked = match c.claims.first() {
            Some(x) => groups_with.get(&x.span).map_or(&[][..], Vec::as_slice),
            None => &all_groups,
        };
        asked
            .iter()
            .copied()
            .filter(|&g| c.claims.iter().all(|x| spans[g].contains(&x.span)))
            .collect()
    };
    let mut reported = vec![false; spans.len()];
    for c in &found {
        for g in holding(c) {
            reported[g] = true;
        }
    }
    within.retain(|c| !(spelling(c) && holding(c).iter().any(|&g| reported[g])));
    found
}

#[cfg(test)]
mod tests {
    use std::sync::OnceLock;

    use super::*;

    fn set() -> &'static RuleSet {
        static SET: OnceLock<RuleSet> = OnceLock::new();
        SET.get_or_init(|| RuleSet::load(&[] as &[&str]).unwrap())
    }

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn one_surname_variant_links_stories_two_do_not() {
        let lex = &set().lexicon;
        assert!(strongly_same(
            &words("Katarina Novak"),
            &words("Katarina Nowak"),
            lex
        ));
        assert!(!strongly_same(
            &words("Rustam Umarov"),
            &words("Rustem Umerov"),
            lex
        ));
        assert!(!strongly_same(
            &words("John Smith"),
            &words("Joan Smith"),
            lex
        ));
        assert!(!strongly_same(&words("Novak"), &words("Nowak"), lex));
    }

    #[test]
    fn candidates_hold_every_strong_match() {
        let lex = &set().lexicon;
        let given = ["Katarina", "John", "Joan", "Maria", "Dan", "Daniel"];
        let surnames = [
            "Novak", "Nowak", "Smith", "Smyth", "Umarov", "Umerov", "Lechner", "Lehner",
        ];
        let names: Vec<Vec<String>> = given
            .iter()
            .flat_map(|g| surnames.iter().map(move |s| words(&format!("{g} {s}"))))
            .chain([
                words("Chen Xiaoyu"),
                words("Xiaoyu Chen"),
                words("Ana Maria Lopez"),
            ])
            .collect();
        // Two people a name, in stories 0, 1, 2 in turn; some hold two names.
        let spellings: Vec<BTreeSet<&[String]>> = (0..names.len() * 2)
            .map(|i| {
                let mut s: BTreeSet<&[String]> = [names[i % names.len()].as_slice()].into();
                if i % 5 == 0 {
                    s.insert(&names[(i * 7) % names.len()]);
                }
                s
            })
            .collect();
        let story_of: Vec<usize> = (0..spellings.len()).map(|i| i % 3).collect();
        let found = strong_candidates(&story_of, &spellings, lex);
        let mut strong = 0;
        for i in 0..spellings.len() {
            for j in i + 1..spellings.len() {
                let same = spellings[i]
                    .iter()
                    .any(|a| spellings[j].iter().any(|b| strongly_same(a, b, lex)));
                if same && story_of[i] != story_of[j] {
                    strong += 1;
                    assert!(found.binary_search(&(i, j)).is_ok(), "{i} {j}");
                }
            }
        }
        assert!(strong > 50, "{strong}");
        // Sharing a given name is not enough to be compared.
        assert!(found.len() < spellings.len() * spellings.len() / 8);
    }

    #[test]
    fn stories_keep_their_first_order() {
        let mut a = Article::new("x/b.txt", "B");
        a.story = "s2".into();
        let list = [
            Article::new("y/a.txt", "A"),
            a,
            Article::new("y/c.txt", "C"),
        ];
        let s = stories(&list);
        assert_eq!(s.len(), 2);
        assert_eq!(&*s[0].id, "y");
        assert_eq!(s[0].articles, [0, 2]);
        assert_eq!(s[1].articles, [1]);
    }

    fn article(path: &str, text: &str) -> Article {
        Article::new(path, text)
    }

    #[test]
    fn a_name_is_compared_across_stories_and_figures_are_not() {
        let articles = [
            article(
                "fire/a.txt",
                "Mayor Katarina Novak said the fire destroyed 40 homes in the valley.",
            ),
            article(
                "flood/b.txt",
                "Mayor Katarina Nowak said the flood destroyed 90 homes in the valley.",
            ),
        ];
        let report = crate::check(&articles, set()).unwrap();
        let rules: Vec<&str> = report.conflicts.iter().map(|c| c.rule.as_str()).collect();
        assert_eq!(rules, ["name-spelling"], "{:?}", report.conflicts);
        let together = [
            article(
                "fire/a.txt",
                "Mayor Katarina Novak said the fire destroyed 40 homes in the valley.",
            ),
            article(
                "fire/b.txt",
                "Mayor Katarina Nowak said the fire destroyed 90 homes in the valley.",
            ),
        ];
        let report = crate::check(&together, set()).unwrap();
        assert!(
            report.conflicts.iter().any(|c| c.rule == "figure-mismatch"),
            "{:?}",
            report.conflicts
        );
    }

    #[test]
    fn a_spelling_conflict_within_a_story_is_reported_once_when_linked() {
        let articles = [
            article("a/1.txt", "Coach Piotr Kowalczyk praised the team."),
            article("a/2.txt", "Coach Piotr Kowalczik praised the team."),
            article("b/3.txt", "Coach Piotr Kowalczyk left the club."),
        ];
        let report = crate::check(&articles, set()).unwrap();
        let spelling: Vec<&Conflict> = report
            .conflicts
            .iter()
            .filter(|c| c.rule == "name-spelling")
            .collect();
        assert_eq!(spelling.len(), 1, "{spelling:?}");
        assert_eq!(spelling[0].claims.len(), 3, "{spelling:?}");
    }
}
