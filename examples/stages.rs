//! Micro-benchmark per stage: runs the steps of `crosscheck::check` one by
//! one on an archive, in process, and prints how long each takes (median of
//! `--runs`), so a change to one stage can be measured on its own.
//!
//! ```sh
//! cargo run --release --example gen_corpus -- --stories 2500 --seed 1 --out /tmp/archive
//! cargo run --release --example stages -- /tmp/archive
//! cargo run --release --example stages -- --threads 1 --exhaustive /tmp/archive
//! ```
//!
//! The steps are those of `crosscheck::check_with`: extraction of every
//! article, then per story alignment and rules, then names across stories,
//! suppression comments and the JSON report. `check_with` extracts each
//! story as it checks it, to hold less; here extraction comes first, so it
//! is timed on its own, and the whole archive's claims are held at once.

use std::path::PathBuf;
use std::time::Instant;

use clap::Parser;
use crosscheck::align::{Search, align_with};
use crosscheck::article::{Article, load_paths};
use crosscheck::extract::{ArticleClaims, extract};
use crosscheck::report::Report;
use crosscheck::rules::{self, RuleSet};
use crosscheck::{story, suppress};
use rayon::prelude::*;

#[derive(Parser)]
#[command(about = "Time each stage of crosscheck check")]
struct Args {
    /// Archive: folders of stories, or files.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    #[arg(long, default_value_t = 3)]
    runs: usize,
    /// Threads for the parallel stages (default: one per core).
    #[arg(long)]
    threads: Option<usize>,
    /// Also time the exhaustive name search (quadratic: small archives only).
    #[arg(long)]
    exhaustive: bool,
}

/// Seconds each stage took in one run, in pipeline order.
type Timings = Vec<(&'static str, f64)>;

fn main() {
    let args = Args::parse();
    if let Some(n) = args.threads {
        crosscheck::progress::use_threads(n).unwrap_or_else(|e| fail(&e.to_string()));
    }
    let set = RuleSet::load(&[] as &[&str]).unwrap_or_else(|e| fail(&e.to_string()));
    let mut runs: Vec<Timings> = Vec::new();
    let mut size = (0, 0);
    for _ in 0..args.runs {
        let mut t = Timings::new();
        let articles = timed(&mut t, "load", || {
            load_paths(&args.paths)
                .unwrap_or_else(|e| fail(&e.to_string()))
                .articles
        });
        size = (articles.len(), articles.iter().map(|a| a.text.len()).sum());
        let claims: Vec<ArticleClaims> = timed(&mut t, "extract", || {
            articles
                .par_iter()
                .map(|a| extract(a, &set.lexicon))
                .collect()
        });
        if args.exhaustive {
            for (name, search) in [
                ("align, one story, blocked", Search::Blocked),
                ("align, one story, exhaustive", Search::Exhaustive),
            ] {
                let all = claims.clone();
                timed(&mut t, name, || {
                    align_with(&articles, all, &set.lexicon, search)
                        .people
                        .len()
                });
            }
        }
        stories(&mut t, &articles, claims, &set);
        runs.push(t);
    }
    println!(
        "{} articles, {:.1} MB, median of {} runs, {} threads",
        size.0,
        size.1 as f64 / 1e6,
        args.runs,
        rayon::current_num_threads()
    );
    println!("| stage | seconds | MB/s |\n|---|---:|---:|");
    for (i, (name, _)) in runs[0].iter().enumerate() {
        let mut secs: Vec<f64> = runs.iter().map(|r| r[i].1).collect();
        secs.sort_by(f64::total_cmp);
        let median = secs[secs.len() / 2];
        println!(
            "| {name} | {median:.3} | {:.1} |",
            size.1 as f64 / 1e6 / median
        );
    }
}

/// The steps after extraction, as `check_with` takes them.
fn stories(t: &mut Timings, articles: &[Article], claims: Vec<ArticleClaims>, set: &RuleSet) {
    let total = claims.iter().map(|c| c.len()).sum();
    let stories = story::stories(articles);
    let (mut align_s, mut rules_s) = (0.0, 0.0);
    let mut conflicts = Vec::new();
    let mut people = Vec::new();
    for (i, s) in stories.iter().enumerate() {
        let start = Instant::now();
        let members: Vec<Article> = s.articles.iter().map(|&a| articles[a].clone()).collect();
        let story_claims = s.articles.iter().map(|&a| claims[a].clone()).collect();
        let aligned = crosscheck::align::align(&members, story_claims, &set.lexicon);
        let middle = Instant::now();
        conflicts.extend(rules::run(&aligned, set));
        people.extend(story::people_of(i, s, &aligned));
        align_s += (middle - start).as_secs_f64();
        rules_s += middle.elapsed().as_secs_f64();
    }
    t.push(("align (per story, one thread)", align_s));
    t.push(("rules (per story, one thread)", rules_s));
    // Only the names are kept for the check across stories.
    let claims = claims
        .into_iter()
        .map(|c| ArticleClaims {
            people: c.people,
            ..Default::default()
        })
        .collect();
    let across = timed(t, "names across stories", || {
        story::across_stories(articles, claims, &people, set, &mut conflicts)
    });
    conflicts.extend(across);
    let report = timed(t, "suppress, sort, report", || {
        let mut conflicts =
            suppress::apply(articles, set, conflicts).unwrap_or_else(|e| fail(&e.to_string()));
        rules::sort_conflicts(&mut conflicts);
        Report::new(articles, total, conflicts)
    });
    timed(t, "JSON", || report.to_json().len());
}

fn timed<T>(t: &mut Timings, name: &'static str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    t.push((name, start.elapsed().as_secs_f64()));
    out
}

fn fail(message: &str) -> ! {
    eprintln!("stages: {message}");
    std::process::exit(2)
}
