//! The composite GitHub Action (action.yml): its inputs, and the script of
//! its check step run as a workflow runs it, with the binary on the path
//! and the inputs in the environment.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn action() -> serde_yaml::Value {
    let text = fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/action.yml")).unwrap();
    serde_yaml::from_str(&text).expect("action.yml is YAML")
}

/// The `run` script of the step named `name`.
fn step(name: &str) -> String {
    let action = action();
    let steps = action["runs"]["steps"].as_sequence().unwrap();
    let step = steps.iter().find(|s| s["name"] == name).unwrap();
    step["run"].as_str().unwrap().to_string()
}

/// The check step in `dir`, with `inputs` as the workflow passes them.
fn check_step(dir: &Path, inputs: &[(&str, &str)], base_ref: &str) -> Output {
    let bin = Path::new(env!("CARGO_BIN_EXE_crosscheck"))
        .parent()
        .unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut cmd = Command::new("bash");
    cmd.arg("-c")
        .arg(step("Check"))
        .current_dir(dir)
        .env("PATH", path)
        .env("BASE_REF", base_ref)
        .env_remove("COLUMNS")
        .env_remove("GITHUB_STEP_SUMMARY");
    // What GitHub passes for an input the workflow leaves out: its default.
    let action = action();
    for (name, input) in action["inputs"].as_mapping().unwrap() {
        let name = name.as_str().unwrap().to_uppercase().replace('-', "_");
        cmd.env(format!("INPUT_{name}"), input["default"].as_str().unwrap());
    }
    for (k, v) in inputs {
        cmd.env(format!("INPUT_{k}"), v);
    }
    cmd.output().expect("bash runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_action_takes_paths_changed_fail_on_and_format() {
    let action = action();
    for input in ["paths", "changed", "fail-on", "format", "output"] {
        assert!(
            action["inputs"][input]["description"].is_string(),
            "{input}"
        );
    }
    assert_eq!(action["runs"]["using"], "composite");
    assert!(step("Install crosscheck").contains("cargo install --locked"));
}

#[test]
fn the_check_step_reports_what_the_inputs_ask_for() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let all = check_step(
        root,
        &[
            ("PATHS", "tests/fixtures/archive"),
            ("FORMAT", "concise"),
            ("FAIL_ON", "never"),
        ],
        "",
    );
    assert_eq!(
        all.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&all.stderr)
    );
    assert!(stdout(&all).contains("4 conflicts"), "{}", stdout(&all));
    let changed = check_step(
        root,
        &[
            ("PATHS", "tests/fixtures/archive"),
            ("FORMAT", "concise"),
            (
                "CHANGED",
                "tests/fixtures/archive/bridge-vote/daily-ledger.txt",
            ),
        ],
        "",
    );
    assert_eq!(changed.status.code(), Some(1), "fail-on error by default");
    let text = stdout(&changed);
    assert!(
        text.starts_with(
            "tests/fixtures/archive/bridge-vote/daily-ledger.txt:3:12: error[role-mismatch]"
        ),
        "{text}"
    );
    assert!(text.contains("1 conflict (1 error)"), "{text}");
}

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args([
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.com",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            fs::copy(&path, &target).unwrap();
        }
    }
}

#[test]
fn changed_auto_checks_what_a_pull_request_changes() {
    let scratch: PathBuf = Path::new(env!("CARGO_TARGET_TMPDIR")).join("action-auto");
    let _ = fs::remove_dir_all(&scratch);
    let (origin, clone) = (scratch.join("origin"), scratch.join("clone"));
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/archive"),
        &origin.join("archive"),
    );
    git(&origin, &["init", "-q"]);
    git(&origin, &["add", "."]);
    git(&origin, &["commit", "-qm", "archive"]);
    git(&scratch, &["clone", "-q", "origin", "clone"]);
    git(&clone, &["checkout", "-qb", "new-article"]);
    let draft = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/drafts/harbour-fire-update.md"),
    )
    .unwrap();
    fs::write(clone.join("archive/harbour-fire/update.md"), draft).unwrap();
    fs::write(clone.join("NOTES.md"), "Not an article of the archive.\n").unwrap();
    git(&clone, &["add", "."]);
    git(&clone, &["commit", "-qm", "new article"]);
    let out = check_step(
        &clone,
        &[
            ("PATHS", "archive/"),
            ("CHANGED", "auto"),
            ("FORMAT", "concise"),
        ],
        "main",
    );
    let text = stdout(&out);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(
        lines[..2]
            .iter()
            .all(|l| l.starts_with("archive/harbour-fire/update.md:")),
        "{text}"
    );
    // Outside a pull request, `auto` has nothing to compare with.
    let out = check_step(&clone, &[("PATHS", "archive/"), ("CHANGED", "auto")], "");
    assert_eq!(out.status.code(), Some(2));
    fs::remove_dir_all(&scratch).unwrap();
}
