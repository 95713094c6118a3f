//! crosscheck: reads several articles about one event, extracts their
//! claims, aligns them by subject and reports where the sources disagree.
//!
//! The pipeline runs one way: [`article`] → [`extract`] → [`align`] →
//! [`rules`] → [`suppress`] → [`report`].

pub mod align;
pub mod article;
pub mod baseline;
pub mod catalog;
pub mod config;
pub mod error;
pub mod eval;
pub mod extract;
pub mod gate;
pub mod lexicon;
pub mod names;
pub mod output;
pub mod paths;
pub mod progress;
pub mod report;
pub mod rules;
pub mod story;
pub mod suppress;
pub mod text;

use article::Article;
use rayon::prelude::*;
use report::Report;
use rules::RuleSet;

/// Checks `articles` against each other with the rules of `set`: each story
/// on its own, and the spelling of names across stories; less the conflicts
/// that suppression comments in the articles silence (a comment naming an
/// unknown rule is an error).
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
    // Articles are extracted on every core; collecting keeps their order.
    let claims: Vec<extract::ArticleClaims> = articles
        .par_iter()
        .map(|a| {
            let claims = extract::extract(a, &set.lexicon);
            extracted();
            claims
        })
        .collect();
    let total = claims.iter().map(|c| c.len()).sum();
    let stories = story::stories(articles);
    if stories.len() <= 1 {
        let aligned = align::align(articles, claims, &set.lexicon);
        let conflicts = suppress::apply(articles, set, rules::run(&aligned, set))?;
        return Ok(Report::new(articles, total, conflicts));
    }
    let mut conflicts = Vec::new();
    let mut people = Vec::new();
    for (i, s) in stories.iter().enumerate() {
        let members: Vec<Article> = s.articles.iter().map(|&a| articles[a].clone()).collect();
        let story_claims = s.articles.iter().map(|&a| claims[a].clone()).collect();
        let aligned = align::align(&members, story_claims, &set.lexicon);
        conflicts.extend(rules::run(&aligned, set));
        people.extend(story::people_of(i, s, &aligned));
    }
    let across = story::across_stories(articles, &claims, &people, set, &mut conflicts);
    conflicts.extend(across);
    let mut conflicts = suppress::apply(articles, set, conflicts)?;
    rules::sort_conflicts(&mut conflicts);
    Ok(Report::new(articles, total, conflicts))
}
