//! Properties of the whole pipeline on generated text (issue 7): no panic,
//! every span slices its article to the claim's text, and the report is
//! byte-identical across runs and whatever the order of the articles.
//! Case counts are kept small so that `cargo test` stays fast; raise them
//! with `PROPTEST_CASES=2000 cargo test --release --test properties`.

use std::sync::OnceLock;

use crosscheck::article::{Article, Span};
use crosscheck::report::{Format, RenderOptions, Report};
use crosscheck::rules::RuleSet;
use proptest::prelude::*;

#[path = "support/position.rs"]
mod support_position;
use support_position::position;

fn rules() -> &'static RuleSet {
    static SET: OnceLock<RuleSet> = OnceLock::new();
    SET.get_or_init(|| RuleSet::load(&[] as &[&str]).expect("built-in rules load"))
}

/// The report as the table `check` prints.
fn to_table(report: &Report, width: u16) -> String {
    report.render(Format::Table, &RenderOptions::plain(width, &rules().rules))
}

/// Words every extractor reacts to, and some that break tokens.
const WORDS: &[&str] = &[
    "Rustem",
    "Rustam",
    "Umerov",
    "Umarov",
    "Steve",
    "Witkoff",
    "José",
    "Jose\u{301}",
    "Mr.",
    "President",
    "Defence",
    "Minister",
    "former",
    "said",
    "told",
    "the",
    "of",
    "in",
    "near",
    "Kyiv",
    "Miami",
    "U.S.",
    "talks",
    "quake",
    "killed",
    "at",
    "least",
    "58,000",
    "3.8",
    "€",
    "bn",
    "workers",
    "families",
    "km",
    "(",
    ")",
    "miles",
    "10:53",
    "a.m.",
    "Tuesday",
    "March",
    "2024",
    "'s",
    "’s",
    "—",
    "-",
    ",",
    ".",
    "\"",
    "“",
    "”",
    "Вова",
    "Умєров",
    "رستم",
    "乌梅罗夫",
    "O’Neill",
    "Jae-won",
    "de",
    "la",
    "\u{feff}",
    "\u{ad}",
    "\u{200d}",
    "\u{301}",
];

const SEPARATORS: &[&str] = &[
    " ", " ", " ", "\n", "\r\n", "\r", "\u{a0}", "\u{200b}", ". ", ", ", "\n\n", "",
];

/// News-like text: pool words and arbitrary strings, joined by separators.
fn news() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        8 => proptest::sample::select(WORDS).prop_map(str::to_string),
        1 => any::<String>(),
        1 => (0u32..100_000).prop_map(|n| n.to_string()),
    ];
    let piece = (word, proptest::sample::select(SEPARATORS));
    proptest::collection::vec(piece, 0..120)
        .prop_map(|pieces| pieces.into_iter().map(|(w, s)| w + s).collect())
}

/// Arbitrary Unicode or news-like text.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![1 => any::<String>(), 3 => news()]
}

fn assert_span(article: &Article, span: &Span, text: &str) {
    assert!(
        span.start <= span.end && span.end <= article.text.len(),
        "{span:?}"
    );
    assert_eq!(article.slice(span), text);
    assert_eq!(&*span.path, &*article.path);
    assert_eq!(
        (span.line, span.column),
        position(&article.text, span.start),
        "{span:?}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn no_panic_on_arbitrary_text(a in text(), b in text()) {
        let set = rules();
        let report = crosscheck::check(&[Article::new("a.txt", a), Article::new("b.txt", b)], set).unwrap();
        report.to_json();
        to_table(&report, 80);
    }

    #[test]
    fn every_span_slices_its_article_to_the_claim_text(a in text(), b in text()) {
        let set = rules();
        let articles = [Article::new("a.txt", a), Article::new("b.txt", b)];
        for article in &articles {
            for claim in crosscheck::extract::extract(article, &set.lexicon).all() {
                assert_span(article, claim.span(), claim.text());
            }
        }
        for conflict in crosscheck::check(&articles, set).unwrap().conflicts {
            for claim in &conflict.claims {
                let article = articles.iter().find(|a| a.path == claim.span.path).unwrap();
                assert_span(article, &claim.span, &claim.text);
            }
        }
    }

}

proptest! {
    // Eight checks a case: fewer cases keep the debug suite fast.
    #![proptest_config(ProptestConfig::with_cases(16))]

    #[test]
    fn same_input_same_bytes_whatever_the_order(a in news(), b in news(), c in news()) {
        let set = rules();
        let articles = [Article::new("a.txt", a), Article::new("b.txt", b), Article::new("c.txt", c)];
        let report = crosscheck::check(&articles, set).unwrap();
        let (json, table) = (report.to_json(), to_table(&report, 100));
        prop_assert_eq!(&json, &crosscheck::check(&articles, set).unwrap().to_json());
        for order in [[2, 1, 0], [1, 2, 0]] {
            let shuffled: Vec<Article> = order.iter().map(|&i| articles[i].clone()).collect();
            let report = crosscheck::check(&shuffled, set).unwrap();
            prop_assert_eq!(&json, &report.to_json());
            prop_assert_eq!(&table, &to_table(&report, 100));
        }
    }
}
