//! Arbitrary text as rule files (NUL bytes separate files): loading must
//! refuse it with an error or give a rule set that checks two articles
//! without a panic.
#![no_main]

use crosscheck::article::Article;
use crosscheck::rules::RuleSet;
use libfuzzer_sys::fuzz_target;

const A: &str = include_str!("../../seeds/000_94d892753a69eef2.txt");
const B: &str = include_str!("../../seeds/003_fa00c9ac587479bc.txt");

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let files: Vec<(&str, &str)> = text.split('\0').map(|t| ("fuzz.yaml", t)).collect();
    let Ok(set) = RuleSet::from_texts(&files) else {
        return;
    };
    let _ = crosscheck::check(&[Article::new("a.txt", A), Article::new("b.txt", B)], &set);
});
