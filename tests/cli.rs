//! End-to-end tests: run the binary on fixtures and read its JSON.

use std::path::Path;

use serde_json::Value;

#[path = "support/run.rs"]
mod support_run;
use support_run::crosscheck;

fn json(args: &[&str]) -> (i32, Value) {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let out = crosscheck(&all);
    let v = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    (out.status.code().unwrap(), v)
}

fn fold(s: &str) -> String {
    s.replace(['\u{2019}', '\u{2018}'], "'")
        .replace(['\u{201c}', '\u{201d}'], "\"")
        .to_lowercase()
}

/// The gold matching of the gold files' header: same kind, and every value
/// found in the text or value of some claim.
fn matches(conflict: &Value, entry: &serde_yaml::Value) -> bool {
    if conflict["kind"].as_str() != entry["kind"].as_str() {
        return false;
    }
    let texts: Vec<String> = conflict["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            fold(&format!(
                "{} \u{1} {}",
                c["text"].as_str().unwrap(),
                c["value"].as_str().unwrap()
            ))
        })
        .collect();
    entry["values"]
        .as_sequence()
        .unwrap()
        .iter()
        .all(|v| texts.iter().any(|t| t.contains(&fold(v.as_str().unwrap()))))
}

#[test]
fn seeds_find_every_gold_conflict_and_no_trap() {
    let (code, report) = json(&["seeds/"]);
    assert_eq!(code, 1, "error-level conflicts fail the check");
    let gold: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string("seeds/gold.yaml").unwrap()).unwrap();
    let conflicts = report["conflicts"].as_array().unwrap();
    let list = |k: &str| gold[k].as_sequence().cloned().unwrap_or_default();
    for g in list("conflicts") {
        assert!(
            conflicts.iter().any(|c| matches(c, &g)),
            "missed {:?}",
            g["id"]
        );
    }
    for t in list("traps") {
        assert!(
            !conflicts.iter().any(|c| matches(c, &t)),
            "trap hit: {:?}",
            t["note"]
        );
    }
    let expected: Vec<_> = list("conflicts")
        .into_iter()
        .chain(list("optional"))
        .collect();
    let extra = conflicts
        .iter()
        .filter(|c| !expected.iter().any(|g| matches(c, g)))
        .count();
    assert!(extra <= 1, "{extra} conflicts beyond the gold ones");
    assert_eq!(report["summary"]["articles"], 2);
    assert_eq!(
        report["summary"]["conflicts"].as_u64().unwrap() as usize,
        conflicts.len()
    );
}

#[test]
fn every_claim_span_slices_the_article_to_its_text() {
    let (_, report) = json(&["seeds/"]);
    for conflict in report["conflicts"].as_array().unwrap() {
        for claim in conflict["claims"].as_array().unwrap() {
            let text = std::fs::read_to_string(claim["path"].as_str().unwrap()).unwrap();
            let line = text
                .lines()
                .nth(claim["line"].as_u64().unwrap() as usize - 1)
                .unwrap();
            let from: String = line
                .chars()
                .skip(claim["column"].as_u64().unwrap() as usize - 1)
                .collect();
            assert!(from.starts_with(claim["text"].as_str().unwrap()), "{claim}");
        }
    }
}

#[test]
fn output_is_deterministic() {
    let a = crosscheck(&["check", "--format", "json", "seeds/"]);
    let b = crosscheck(&[
        "check",
        "--format",
        "json",
        "seeds/003_fa00c9ac587479bc.txt",
        "seeds/000_94d892753a69eef2.txt",
    ]);
    assert_eq!(
        a.stdout,
        crosscheck(&["check", "--format", "json", "seeds/"]).stdout
    );
    let (ra, rb): (Value, Value) = (
        serde_json::from_slice(&a.stdout).unwrap(),
        serde_json::from_slice(&b.stdout).unwrap(),
    );
    assert_eq!(
        ra["conflicts"].as_array().unwrap().len(),
        rb["conflicts"].as_array().unwrap().len()
    );
}

#[test]
fn table_lists_subjects_and_a_summary() {
    let out = crosscheck(&["check", "seeds/"]);
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.contains("Rustem Umerov"), "{table}");
    assert!(table.lines().all(|l| l.chars().count() <= 100), "{table}");
    assert!(table.trim_end().ends_with("claims"), "{table}");
}

#[test]
fn fail_on_sets_the_exit_status() {
    assert_eq!(
        crosscheck(&["check", "--fail-on", "never", "seeds/"])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        crosscheck(&["check", "--fail-on", "info", "seeds/"])
            .status
            .code(),
        Some(1)
    );
}

#[test]
fn consistent_articles_pass() {
    let (code, report) = json(&["tests/fixtures/consistent"]);
    assert_eq!(
        report["conflicts"].as_array().unwrap().len(),
        0,
        "{report:#}"
    );
    assert_eq!(code, 0);
}

#[test]
fn bad_input_is_one_line_on_stderr_and_exit_2() {
    for (args, needle) in [
        (vec!["check", "no/such/dir"], "no/such/dir"),
        (
            vec!["check", "tests/fixtures/empty"],
            "tests/fixtures/empty",
        ),
        (
            vec!["check", "--rules", "tests/fixtures/bad-rules", "seeds/"],
            "bad.yaml",
        ),
        (vec!["check", "--format", "xml", "seeds/"], "xml"),
    ] {
        let out = crosscheck(&args);
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(needle), "{args:?}: {err}");
        if needle != "xml" {
            assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        }
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn rules_folder_overrides_a_rule_by_id() {
    let (code, report) = json(&["--rules", "tests/fixtures/quiet-rules", "seeds/"]);
    let conflicts = report["conflicts"].as_array().unwrap();
    assert!(conflicts.iter().all(|c| c["rule"] != "name-spelling"));
    assert!(
        conflicts
            .iter()
            .any(|c| c["rule"] == "event-place" && c["severity"] == "warning")
    );
    assert_eq!(code, 1);
    assert!(Path::new("tests/fixtures/quiet-rules/rules.yaml").exists());
}
