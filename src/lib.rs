//! crosscheck: reads several articles about one event, extracts their
//! claims, aligns them by subject and reports where the sources disagree.
//!
//! The pipeline runs one way: [`article`] → [`extract`] → [`align`] →
//! [`rules`] → [`suppress`] → [`report`].

pub mod align;
pub mod article;
pub mod attribution;
pub mod baseline;
pub mod catalog;
pub mod config;
pub mod error;
pub mod eval;
pub mod extract;
pub mod fold;
pub mod gate;
pub mod gazetteer;
pub mod lexicon;
pub mod name_lists;
pub mod names;
pub mod output;
pub mod paths;
pub mod plant;
pub mod progress;
pub mod report;
pub mod rules;
pub mod story;
pub mod suppress;
mod table;
pub mod text;
pub mod yaml;

use article::Article;
use rayon::prelude::*;
use report::Report;
use rules::RuleSet;

/// Checks `articles` against each other with the rules of `set`: each story
/// on its own, and the spelling of names across stories; less the conflicts
/// that suppression comments in the articles silence (a comment naming an
/// unknown rule is an error). The report is the same whatever order the
/// articles come in.
pub fn check(articles: &[Article], set: &RuleSet) -> error::Result<Report> {
    check_with(articles, set, &|| {})
}

/// [`check`], calling `extracted` once per article as its claims come out
/// (from any thread), for a progress display.
pub fn check_with(
    articles: &[Article],
    set: &RuleSet,
    extracted: &(dyn Fn() + Sync),
) -> error::Result<Report> {
    if !articles.is_sorted_by(|a, b| a.path <= b.path) {
        let mut sorted = articles.to_vec();
        article::sort_by_path(&mut sorted);
        return check_with(&sorted, set, extracted);
    }
    let extract = |a: &Article| {
        let claims = extract::extract(a, &set.lexicon);
        extracted();
        claims
    };
    let stories = story::stories(articles);
    if stories.len() <= 1 {
        // Articles are extracted on every core; collecting keeps their order.
        let claims: Vec<extract::ArticleClaims> = articles.par_iter().map(extract).collect();
        let total = claims.iter().map(|c| c.len()).sum();
        let aligned = align::align(articles, claims, &set.lexicon);
        let conflicts = suppress::apply(articles, set, rules::run(&aligned, set))?;
        return Ok(Report::new(articles, total, conflicts));
    }
    // Each story is read, aligned and checked on its own, on every core, and
    // its findings gathered in story order. Only the names of its people
    // are kept, for the check across stories: an archive's claims are never
    // all held at once.
    let checked: Vec<_> = stories
        .par_iter()
        .enumerate()
        .map(|(i, s)| {
            let members: Vec<Article> = s.articles.iter().map(|&a| articles[a].clone()).collect();
            let story_claims: Vec<extract::ArticleClaims> = members.iter().map(extract).collect();
            let count: usize = story_claims.iter().map(|c| c.len()).sum();
            let aligned = align::align(&members, story_claims, &set.lexicon);
            let found = rules::run(&aligned, set);
            let people = story::people_of(i, s, &aligned);
            let names: Vec<extract::ArticleClaims> = aligned
                .claims
                .into_iter()
                .map(|c| extract::ArticleClaims {
                    people: c.people,
                    ..Default::default()
                })
                .collect();
            (found, people, names, count)
        })
        .collect();
    let mut total = 0;
    let mut conflicts = Vec::new();
    let mut people = Vec::new();
    let mut claims: Vec<extract::ArticleClaims> = Vec::new();
    claims.resize_with(articles.len(), Default::default);
    for (s, (found, story_people, names, count)) in stories.iter().zip(checked) {
        total += count;
        conflicts.extend(found);
        people.extend(story_people);
        for (&a, n) in s.articles.iter().zip(names) {
            claims[a] = n;
        }
    }
    let across = story::across_stories(articles, claims, &people, set, &mut conflicts);
    conflicts.extend(across);
    let mut conflicts = suppress::apply(articles, set, conflicts)?;
    rules::sort_conflicts(&mut conflicts);
    Ok(Report::new(articles, total, conflicts))
}
