//! crosscheck: reads several articles about one event, extracts their
//! claims, aligns them by subject and reports where the sources disagree.
//!
//! The pipeline runs one way: [`article`] → [`extract`] → [`align`] →
//! [`rules`] → [`suppress`] → [`report`].

pub mod align;
pub mod article;
pub mod catalog;
pub mod error;
pub mod eval;
pub mod extract;
pub mod lexicon;
pub mod names;
pub mod progress;
pub mod report;
pub mod rules;
pub mod suppress;
pub mod text;

use article::Article;
use rayon::prelude::*;
use report::Report;
use rules::RuleSet;

/// Checks `articles` against each other with the rules of `set`, less the
/// conflicts that suppression comments in the articles silence (a comment
/// naming an unknown rule is an error).
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
    let aligned = align::align(articles, claims, &set.lexicon);
    let conflicts = suppress::apply(articles, set, rules::run(&aligned, set))?;
    Ok(Report::new(articles, total, conflicts))
}
