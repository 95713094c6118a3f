//! `crosscheck eval` end to end: gold files in, scores out.

use std::process::Command;

use serde_json::Value;

fn eval(args: &[&str]) -> (i32, Value) {
    let mut all = vec!["eval", "--format", "json"];
    all.extend_from_slice(args);
    let out = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(&all)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        serde_json::from_slice(&out.stdout).expect("JSON"),
    )
}

#[test]
fn seeds_score_full_marks() {
    let (code, v) = eval(&["--min-precision", "0.9", "--min-recall", "0.9", "seeds"]);
    assert_eq!(code, 0, "{v:#}");
    assert_eq!(v["total"]["gold"], 6);
    assert_eq!(v["total"]["found"], 6);
    assert_eq!(v["total"]["traps"], 0);
}

#[test]
fn minimums_set_the_exit_status() {
    let (code, _) = eval(&["--min-recall", "1.01", "seeds"]);
    assert_eq!(code, 1);
}

/// The quality bar: every gold set in the repository, in total, at
/// precision and recall 0.90 or better, with no trap reported.
#[test]
fn all_gold_sets_reach_the_quality_bar() {
    let (code, v) = eval(&[
        "--min-precision",
        "0.9",
        "--min-recall",
        "0.9",
        "seeds",
        "tests/corpus/dev",
        "tests/corpus/real",
    ]);
    let t = &v["total"];
    assert_eq!(code, 0, "below 0.90 / 0.90: {t:#}");
    assert_eq!(t["traps"], 0, "{t:#}");
}

/// A guard that the invented stories do not lose what they have.
#[test]
fn dev_stories_keep_their_quality() {
    let (_, v) = eval(&["tests/corpus/dev"]);
    let t = &v["total"];
    let (gold, found, reported, extra) = (
        t["gold"].as_f64().unwrap(),
        t["found"].as_f64().unwrap(),
        t["reported"].as_f64().unwrap(),
        t["extra"].as_f64().unwrap(),
    );
    assert!(found / gold >= 0.80, "recall {}", found / gold);
    assert!(
        (reported - extra) / reported >= 0.95,
        "precision {}",
        (reported - extra) / reported
    );
    assert_eq!(t["traps"], 0);
}
