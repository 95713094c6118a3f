//! `crosscheck eval --plant` end to end: disagreements planted into copies
//! of a story, in memory, and counted found or missed.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use serde_json::Value;

#[path = "support/run.rs"]
mod support_run;
use support_run::crosscheck;

const FERRY: &str = "tests/fixtures/plant";

fn plant_json(args: &[&str]) -> (i32, Value) {
    let mut all = vec!["eval", "--format", "json"];
    all.extend_from_slice(args);
    let out = crosscheck(&all);
    let v = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!("{e}: {}", String::from_utf8_lossy(&out.stderr));
    });
    (out.status.code().unwrap(), v)
}

/// Every file under `dir` with its bytes and time of change.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>, SystemTime)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(snapshot(&path));
        } else {
            let modified = path.metadata().unwrap().modified().unwrap();
            out.push((path.clone(), std::fs::read(&path).unwrap(), modified));
        }
    }
    out.sort();
    out
}

/// The text of `path` from `line:column` on.
fn text_at(path: &str, line: u64, column: u64) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join(path)).unwrap();
    let line = text.lines().nth(line as usize - 1).unwrap();
    line.chars().skip(column as usize - 1).collect()
}

/// One plant of each kind in the invented ferry story: the fact drawn, the
/// article and place it is changed at, the change, and the story's files
/// as they were.
#[test]
fn each_kind_plants_one_fact_at_its_place_and_leaves_the_files_alone() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(FERRY);
    let before = snapshot(&root);
    for (kind, file, line, column, was, now) in [
        ("spelling", "island-post.txt", 4, 22, "Virtanen", "Virtenen"),
        ("role", "coast-radio.txt", 4, 1, "Mayor", "Governor"),
        ("figure", "coast-radio.txt", 5, 22, "14", "11"),
        ("place", "island-post.txt", 3, 27, "Turku", ""),
        ("date", "coast-radio.txt", 3, 43, "6:40 a.m.", "8:40 a.m."),
    ] {
        let (code, v) = plant_json(&["--plant=1", "--kinds", kind, FERRY]);
        assert_eq!(code, 0, "{v:#}");
        let plants = v["plants"].as_array().unwrap();
        assert_eq!(plants.len(), 1, "{v:#}");
        let p = &plants[0];
        assert_eq!(p["kind"], kind);
        assert_eq!(p["path"], format!("{FERRY}/ferry/{file}"), "{p:#}");
        assert_eq!(
            (p["line"].as_u64(), p["column"].as_u64()),
            (Some(line), Some(column))
        );
        assert_eq!(p["before"], was, "{p:#}");
        let after = p["after"].as_str().unwrap();
        if now.is_empty() {
            // Another place of the same country, named nowhere in the story.
            assert!(
                after != was && after.starts_with(char::is_uppercase),
                "{p:#}"
            );
            let story = snapshot(&root)
                .iter()
                .map(|f| String::from_utf8(f.1.clone()).unwrap())
                .collect::<String>();
            assert!(!story.contains(after), "{p:#}");
        } else {
            assert_eq!(after, now, "{p:#}");
        }
        assert_eq!(p["stated_by"], 2);
        assert!(p["excerpt"].as_str().unwrap().contains(after), "{p:#}");
        let path = p["path"].as_str().unwrap();
        assert!(text_at(path, line, column).starts_with(was), "{p:#}");
    }
    assert_eq!(snapshot(&root), before, "the story's files changed");
}

/// With the spelling rules left out, the respelled surname is still
/// planted, and counted missed.
#[test]
fn a_plant_the_rules_cannot_see_is_missed() {
    let args = ["--plant=1", "--kinds", "spelling", FERRY];
    let (_, seen) = plant_json(&args);
    assert_eq!(seen["total"]["found"], 1, "{seen:#}");
    let mut blind = vec!["--ignore", "name-spelling,term-spelling"];
    blind.extend_from_slice(&args);
    let (code, v) = plant_json(&blind);
    assert_eq!(code, 0);
    assert_eq!(v["total"]["planted"], 1);
    assert_eq!(v["total"]["found"], 0);
    assert_eq!(v["total"]["recall"], 0.0);
    assert_eq!(v["plants"][0]["found"], false);
    let out = crosscheck(&[
        "eval",
        "--plant=1",
        "--kinds",
        "spelling",
        "--ignore",
        "name-spelling,term-spelling",
        "-v",
        FERRY,
    ]);
    let table = String::from_utf8(out.stdout).unwrap();
    let missed = format!(
        "missed spelling {FERRY}/ferry/island-post.txt:4:22 \"Virtanen\" -> \"Virtenen\"\n"
    );
    assert!(table.contains(&missed), "{table}");
}

/// The table and `-v`, with a rule set that finds nothing, so that the
/// snapshot depends on what is planted and not on what is found.
#[test]
fn the_table_lists_kinds_then_each_plant_missed() {
    let out = crosscheck(&["eval", "--plant", "--select", "house-style", "-v", FERRY]);
    assert_eq!(out.status.code(), Some(0));
    let expected = "\
┌──────────┬─────────┬───────┬────────┬────────┬───────┬─────────────┐
│ kind     ┆ planted ┆ found ┆ missed ┆ recall ┆ noise ┆ noise/plant │
╞══════════╪═════════╪═══════╪════════╪════════╪═══════╪═════════════╡
│ spelling ┆ 2       ┆ 0     ┆ 2      ┆ 0.00   ┆ 0     ┆ 0.00        │
│ role     ┆ 1       ┆ 0     ┆ 1      ┆ 0.00   ┆ 0     ┆ 0.00        │
│ figure   ┆ 1       ┆ 0     ┆ 1      ┆ 0.00   ┆ 0     ┆ 0.00        │
│ place    ┆ 1       ┆ 0     ┆ 1      ┆ 0.00   ┆ 0     ┆ 0.00        │
│ date     ┆ 2       ┆ 0     ┆ 2      ┆ 0.00   ┆ 0     ┆ 0.00        │
│ TOTAL    ┆ 7       ┆ 0     ┆ 7      ┆ 0.00   ┆ 0     ┆ 0.00        │
└──────────┴─────────┴───────┴────────┴────────┴───────┴─────────────┘
missed spelling tests/fixtures/plant/ferry/island-post.txt:4:22 \"Virtanen\" -> \"Virtenen\"
missed spelling tests/fixtures/plant/ferry/island-post.txt:5:14 \"Lindqvist\" -> \"Lyndqvist\"
missed role tests/fixtures/plant/ferry/coast-radio.txt:4:1 \"Mayor\" -> \"Governor\"
missed figure tests/fixtures/plant/ferry/coast-radio.txt:5:22 \"14\" -> \"11\"
";
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.starts_with(expected), "{table}");
    assert!(
        table.ends_with(
            "missed date tests/fixtures/plant/ferry/night-desk.txt:3:69 \"Thursday\" -> \"Saturday\"\n\
             TOTAL stories=1 planted=7 found=0 recall=0.00 noise=0 noise_per_plant=0.00 seed=1\n"
        ),
        "{table}"
    );
}

/// The same seed gives the same report byte for byte, whatever the thread
/// count; another seed draws other plants.
#[test]
fn plants_follow_the_seed_and_not_the_thread_count() {
    let run = |seed: &str, threads: &str| {
        let out = crosscheck(&[
            "-j",
            threads,
            "eval",
            "--plant",
            "--seed",
            seed,
            "--format",
            "json",
            "tests/corpus/real",
            "tests/corpus/dev",
        ]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    let one = run("1", "1");
    assert_eq!(one, run("1", "3"));
    assert_eq!(one, run("1", "2"));
    let v: Value = serde_json::from_slice(&one).unwrap();
    assert!(
        v["total"]["planted"].as_u64().unwrap() >= 20,
        "{:#}",
        v["total"]
    );
    let other: Value = serde_json::from_slice(&run("2", "2")).unwrap();
    let changes = |v: &Value| -> Vec<String> {
        v["plants"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| format!("{} {} {}", p["path"], p["before"], p["after"]))
            .collect()
    };
    assert_ne!(changes(&v), changes(&other));
}

#[test]
fn no_story_of_two_articles_is_one_line_and_exit_2() {
    for path in [
        "tests/fixtures/drafts",
        "tests/fixtures/archive/lantern-festival",
    ] {
        let out = crosscheck(&["eval", "--plant", path]);
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.starts_with(&format!(
                "crosscheck: {path}: no story of two or more articles"
            )),
            "{err}"
        );
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn min_recall_sets_the_exit_status() {
    let (code, v) = plant_json(&[
        "--plant=1",
        "--kinds",
        "spelling",
        "--min-recall",
        "1",
        FERRY,
    ]);
    assert_eq!((code, &v["total"]["recall"]), (0, &Value::from(1.0)));
    let (code, _) = plant_json(&[
        "--plant=1",
        "--kinds",
        "spelling",
        "--ignore",
        "name-spelling,term-spelling",
        "--min-recall",
        "0.5",
        FERRY,
    ]);
    assert_eq!(code, 1);
}

#[test]
fn a_count_after_plant_without_equals_is_explained() {
    let out = crosscheck(&["eval", "--plant", "3", FERRY]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        err,
        "crosscheck: 3: no such file or folder (for 3 plants per story and kind, write --plant=3)\n"
    );
}

#[test]
fn plant_options_are_checked() {
    for args in [
        vec!["eval", "--seed", "3", FERRY],
        vec!["eval", "--plant=two", FERRY],
        vec!["eval", "--plant", "--kinds", "weather", FERRY],
        vec!["eval", "--plant", "--min-precision", "0.5", FERRY],
    ] {
        let out = crosscheck(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}
