//! How the checks' work grows (issue 15): counted in pairs compared
//! (`crosscheck::rules::comparisons`), never timed, so that a busy machine
//! cannot fail these tests and a quadratic path cannot pass them.

use crosscheck::article::Article;
use crosscheck::report::Report;
use crosscheck::rules::{RuleSet, comparisons};

fn rules() -> RuleSet {
    RuleSet::load(&[] as &[&str]).expect("built-in rules")
}

/// The report on `articles` (one story) and the pairs its checks compared.
/// The checks of one story run on the calling thread, where the count is kept.
fn checked(articles: &[Article], set: &RuleSet) -> (Report, u64) {
    let before = comparisons();
    let report = crosscheck::check(articles, set).expect("checks");
    (report, comparisons() - before)
}

/// splitmix64: a fixed sequence from a seed, so every run builds the same
/// story.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[(self.next() % from.len() as u64) as usize]
    }
}

/// A story of `n` short articles the way outlets write one: each of two
/// or three sentences drawn from a few versions of the same facts, so
/// people, roles, figures, places and times meet across many articles and
/// disagree in some.
fn story(n: usize) -> Vec<Article> {
    // Each fact in a few versions; an article tells some of the facts, in
    // one version each.
    const FACTS: &[&[&str]] = &[
        &[
            "The ferry fire forced 2,400 workers from the pier at Korvik, officials said.",
            "The ferry fire forced 2,300 families from the pier at Korvik, officials said.",
            "The ferry fire forced 2,900 workers from the pier at Korvik, officials said.",
        ],
        &[
            "Interior Minister Ilse Brandt spoke to reporters on the quay.",
            "Housing Minister Ilse Brandt spoke to reporters on the quay.",
            "Harbour Master Otto Lind said the blaze spread fast.",
        ],
        &[
            "The talks in Lyon ended without a deal on the ferry routes.",
            "The talks in Nantes ended without a deal on the ferry routes.",
        ],
        &[
            "The fire broke out at 9:15 p.m. local time.",
            "The fire broke out at 9:50 p.m. local time.",
        ],
        &[
            "Tugs towed the ferry 12 kilometres (7.5 miles) to the dry dock.",
            "Crews restored power to 20,000 homes by Tuesday, the utility said.",
        ],
    ];
    let mut random = Random(n as u64);
    (0..n)
        .map(|i| {
            let mut text: Vec<&str> = Vec::new();
            for versions in FACTS {
                if !random.next().is_multiple_of(3) {
                    text.push(random.pick(versions));
                }
            }
            Article::new(
                format!("ferry/{i:05}.txt"),
                format!("Ferry fire\n\n{}\n", text.join(" ")),
            )
        })
        .collect()
}

#[test]
fn checks_grow_near_linearly_with_the_articles_of_a_story() {
    let set = rules();
    let (small, few) = checked(&story(60), &set);
    let (large, many) = checked(&story(600), &set);
    // The story has conflicts of each kind, so each check does its work.
    for report in [&small, &large] {
        let rules: std::collections::BTreeSet<&str> =
            report.conflicts.iter().map(|c| c.rule.as_str()).collect();
        for rule in [
            "figure-mismatch",
            "garbled-figure",
            "role-mismatch",
            "event-place",
            "event-date",
        ] {
            assert!(rules.contains(rule), "{rule} missing: {rules:?}");
        }
    }
    assert!(few > 0);
    eprintln!("comparisons: {few} for 60 articles, {many} for 600");
    assert!(
        many <= 12 * few,
        "60 articles: {few} comparisons; 600 articles: {many}, {:.1} times as many",
        many as f64 / few as f64
    );
}

#[test]
fn near_equal_counts_repeated_by_many_articles_are_one_finding() {
    let set = rules();
    let articles: Vec<Article> = (0..80)
        .map(|i| {
            let text = if i % 2 == 0 {
                "The dam failure forced 4,800 workers from the valley, the agency said."
            } else {
                "The dam failure forced 4,600 families from the valley, the agency said."
            };
            Article::new(
                format!("dam/{i:03}.txt"),
                format!("Dam failure\n\n{text}\n"),
            )
        })
        .collect();
    let (report, _) = checked(&articles, &set);
    let garbled: Vec<_> = report
        .conflicts
        .iter()
        .filter(|c| c.rule == "garbled-figure")
        .collect();
    assert_eq!(garbled.len(), 1, "{garbled:#?}");
    // One claim per article: the finding says who wrote which figure.
    assert_eq!(garbled[0].claims.len(), 80);
}

/// `sentences` sentences on one line, each a count of one of a few kinds of
/// people, most of them distinct and near one another.
fn long_article(path: &str, sentences: usize, seed: u64) -> Article {
    let mut random = Random(seed);
    let nouns = ["workers", "families", "residents", "pupils"];
    let text: String = (0..sentences)
        .map(|_| {
            let number = 1_000 + random.next() % 9_000;
            let noun = random.pick(&nouns);
            format!("The strike idled {number} {noun} at the plants, the union said. ")
        })
        .collect();
    Article::new(path, format!("Strike\n\n{text}\n"))
}

#[test]
fn counts_of_one_long_article_are_not_paired_with_each_other() {
    let set = rules();
    let long = long_article("mill/long.txt", 4_000, 5);
    let (report, alone) = checked(std::slice::from_ref(&long), &set);
    // A figure is compared with other articles' only; one article has none.
    assert!(report.summary.claims >= 3_500, "{}", report.summary.claims);
    assert!(
        report.conflicts.iter().all(|c| c.rule != "garbled-figure"),
        "{:?}",
        report.conflicts.first()
    );
    assert!(alone <= 4_000, "{alone} comparisons in one article");
    // A short second article meets each figure of the long one once.
    let short = Article::new(
        "mill/short.txt",
        "The strike idled 5,000 workers at the plants, the union said.\n",
    );
    let (_, both) = checked(&[long, short], &set);
    assert!(both <= 4 * 4_000, "{both} comparisons with a short article");
}
