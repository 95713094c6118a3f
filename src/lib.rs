//! crosscheck: reads several articles about one event, extracts their
//! claims, aligns them by subject and reports where the sources disagree.
//!
//! The pipeline runs one way: [`article`] → [`extract`] → [`align`] →
//! [`rules`] → [`report`].

pub mod align;
pub mod article;
pub mod error;
pub mod eval;
pub mod extract;
pub mod lexicon;
pub mod names;
pub mod report;
pub mod rules;
pub mod text;

use article::Article;
use report::Report;
use rules::RuleSet;

/// Checks `articles` against each other with the rules of `set`. The report
/// is the same whatever order the articles come in.
pub fn check(articles: &[Article], set: &RuleSet) -> Report {
    if !articles.is_sorted_by(|a, b| a.path <= b.path) {
        let mut sorted = articles.to_vec();
        article::sort_by_path(&mut sorted);
        return check(&sorted, set);
    }
    let claims: Vec<extract::ArticleClaims> = articles
        .iter()
        .map(|a| extract::extract(a, &set.lexicon))
        .collect();
    let total = claims.iter().map(|c| c.len()).sum();
    let aligned = align::align(articles, claims, &set.lexicon);
    let conflicts = rules::run(&aligned, set);
    Report::new(articles, total, conflicts)
}
