//! Arbitrary bytes as an article file: loading must refuse them cleanly or
//! give an article whose every claim slices back to its text, and the whole
//! check must run without a panic.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use crosscheck::article::Article;
use crosscheck::rules::RuleSet;
use libfuzzer_sys::fuzz_target;

fn rules() -> &'static RuleSet {
    static SET: OnceLock<RuleSet> = OnceLock::new();
    SET.get_or_init(|| RuleSet::load(&[] as &[&str]).expect("built-in rules load"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(article) = Article::from_bytes(Path::new("fuzz.txt"), data.to_vec()) else {
        return;
    };
    let set = rules();
    for claim in crosscheck::extract::extract(&article, &set.lexicon).all() {
        assert_eq!(article.slice(claim.span()), claim.text());
    }
    // A malformed suppression comment is an error to report, not a panic.
    let _ = crosscheck::check(&[article], set);
});
