//! The CI gate end to end: the binary over the fixture archive of several
//! stories (tests/fixtures/archive), each format, exit code, --changed,
//! baselines, crosscheck.yaml and --output.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

#[path = "support/claims.rs"]
mod support_claims;
use support_claims::claim_texts;

const ARCHIVE: &str = "tests/fixtures/archive";
const DRAFT: &str = "tests/fixtures/drafts/harbour-fire-update.md";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The binary run in `dir` with no config file unless the test asks, and
/// no GitHub Actions variables from the environment the tests run in.
fn run_in(dir: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_crosscheck"));
    cmd.args(args)
        .current_dir(dir)
        .env_remove("GITHUB_STEP_SUMMARY")
        .env_remove("GITHUB_SERVER_URL")
        .env_remove("GITHUB_REPOSITORY")
        .env_remove("GITHUB_SHA")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("the binary runs");
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or("").as_bytes()).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

fn run(args: &[&str]) -> Output {
    let mut all = vec!["--no-config"];
    all.extend_from_slice(args);
    run_in(root(), &all, None)
}

fn code(out: &Output) -> i32 {
    out.status.code().expect("exited")
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

fn text(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// A fresh folder for one test, removed first if a run left it.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("crosscheck-gate-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
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

fn conflict<'a>(report: &'a Value, rule: &str) -> &'a Value {
    report["conflicts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["rule"] == rule)
        .unwrap_or_else(|| panic!("no {rule} conflict in {report:#}"))
}

#[test]
fn stories_are_checked_apart_and_names_across_them() {
    let out = run(&["check", "--format", "json", ARCHIVE]);
    assert_eq!(code(&out), 1);
    let r = json(&out);
    assert_eq!(r["summary"]["stories"], 4);
    assert_eq!(r["summary"]["conflicts"], 4, "{r:#}");
    let figure = conflict(&r, "figure-mismatch");
    assert_eq!(figure["story"], "harbour-fire");
    assert_eq!(claim_texts(figure), ["14 warehouses", "19 warehouses"]);
    let role = conflict(&r, "role-mismatch");
    assert_eq!(role["story"], format!("{ARCHIVE}/bridge-vote"));
    // Front matter puts two folders' articles in one story.
    let place = conflict(&r, "event-place");
    assert_eq!(place["story"], "lantern-festival");
    assert_eq!(claim_texts(place), ["Nantes", "Lyon"]);
    // One person, spelled two ways in two stories.
    let spelling = conflict(&r, "name-spelling");
    assert!(spelling.get("story").is_none(), "{spelling:#}");
    assert_eq!(spelling["stories"].as_array().unwrap().len(), 2);
    assert_eq!(
        claim_texts(spelling),
        ["Katarina Nowak", "Katarina Novak", "Katarina Novak"]
    );
    let herald = r["articles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["path"].as_str().unwrap().ends_with("coast-herald.md"))
        .unwrap();
    assert_eq!(herald["source"], "Coast Herald");
    assert_eq!(herald["published"], "2031-03-04");
    assert_eq!(herald["title"], "Warehouse fire closes the old harbour");
    // Front matter is not text, and lines still count from the file's top.
    assert_eq!(figure["claims"][0]["line"], 8);
}

#[test]
fn the_table_shows_stories_and_sources() {
    let out = run(&["check", "--format", "table", ARCHIVE]);
    let t = text(&out);
    assert!(t.contains("story"), "{t}");
    assert!(t.contains("lantern-festival"), "{t}");
    assert!(t.contains("(Coast"), "{t}");
    assert!(!t.contains('\u{1b}'), "no colour in a pipe: {t}");
    let last = t.trim_end().lines().last().unwrap();
    assert!(
        last.starts_with("4 conflicts (4 errors) in 7 articles of 4 stories, "),
        "{t}"
    );
    assert!(last.ends_with(" claims"), "{t}");
}

#[test]
fn exit_codes_follow_fail_on() {
    let status = |args: &[&str]| code(&run(args));
    assert_eq!(status(&["check", "--fail-on", "never", ARCHIVE]), 0);
    assert_eq!(status(&["check", "--fail-on", "error", ARCHIVE]), 1);
    assert_eq!(status(&["check", "tests/fixtures/consistent"]), 0);
    // Only the bridge story: errors fail by default, never does not.
    let bridge = format!("{ARCHIVE}/bridge-vote");
    assert_eq!(status(&["check", &bridge]), 1);
    assert_eq!(status(&["check", "--fail-on", "never", &bridge]), 0);
    assert_eq!(status(&["check", "--format", "yaml", ARCHIVE]), 2);
    assert_eq!(status(&["check", "--baseline", "no/such.json", ARCHIVE]), 2);
}

#[test]
fn warnings_fail_the_gate_when_asked() {
    let dir = scratch("warnings");
    fs::write(
        dir.join("rules.yaml"),
        "version: 1\nrules:\n  - id: figure-mismatch\n    kind: figure\n    check: figure-mismatch\n    severity: warning\n    message: \"{subject}: {values}\"\n    params: {min_shared_context: 2, max_money_ratio: 2.0}\n",
    )
    .unwrap();
    let story = format!("{ARCHIVE}/harbour-fire");
    let rules = dir.to_string_lossy().into_owned();
    let with = |fail_on: &str| {
        code(&run(&[
            "check",
            "--rules",
            &rules,
            "--fail-on",
            fail_on,
            &story,
        ]))
    };
    assert_eq!(with("error"), 0);
    assert_eq!(with("warning"), 1);
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn sarif_has_what_the_schema_requires() {
    let out = run(&["check", "--format", "sarif", ARCHIVE]);
    assert_eq!(code(&out), 1);
    let s = json(&out);
    assert_eq!(s["version"], "2.1.0");
    assert!(s["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let run = &s["runs"][0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "crosscheck");
    assert!(driver["version"].is_string());
    let rules = driver["rules"].as_array().unwrap();
    assert!(rules.len() >= 7);
    for rule in rules {
        assert!(rule["id"].is_string());
        assert!(rule["shortDescription"]["text"].is_string());
        let level = rule["defaultConfiguration"]["level"].as_str().unwrap();
        assert!(["error", "warning", "note"].contains(&level));
    }
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 4);
    for r in results {
        let index = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], r["ruleId"]);
        assert_eq!(r["level"], "error");
        assert!(!r["message"]["text"].as_str().unwrap().is_empty());
        assert!(r["partialFingerprints"].as_object().unwrap().len() == 1);
        // The claim at fault, then the others as related locations.
        let locations = r["locations"].as_array().unwrap();
        assert_eq!(locations.len(), 1);
        let related = r["relatedLocations"].as_array().unwrap();
        assert!(!related.is_empty());
        for l in locations.iter().chain(related) {
            let p = &l["physicalLocation"];
            let uri = p["artifactLocation"]["uri"].as_str().unwrap();
            assert!(uri.starts_with("tests/fixtures/archive/"), "{uri}");
            assert!(!uri.contains('\\'));
            let region = &p["region"];
            assert!(region["startLine"].as_u64().unwrap() >= 1);
            assert!(region["startColumn"].as_u64().unwrap() >= 1);
            assert!(region["endColumn"].as_u64() > region["startColumn"].as_u64());
        }
    }
    // The same conflict keeps its fingerprint run after run.
    assert_eq!(
        out.stdout,
        self::run(&["check", "--format", "sarif", ARCHIVE]).stdout
    );
}

#[test]
fn github_annotations_and_the_job_summary() {
    let dir = scratch("github");
    let summary = dir.join("summary.md");
    fs::write(&summary, "earlier step\n").unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_crosscheck"));
    let out = cmd
        .args(["--no-config", "check", "--format", "github", ARCHIVE])
        .current_dir(root())
        .env("GITHUB_STEP_SUMMARY", &summary)
        .env_remove("GITHUB_SERVER_URL")
        .output()
        .unwrap();
    assert_eq!(code(&out), 1);
    let t = text(&out);
    let annotations: Vec<&str> = t.lines().filter(|l| l.starts_with("::")).collect();
    assert_eq!(annotations.len(), 4, "{t}");
    for a in &annotations {
        assert!(a.starts_with("::error file=tests/fixtures/archive/"), "{a}");
        assert!(
            a.contains(",line=") && a.contains(",col=") && a.contains(",title="),
            "{a}"
        );
        // Newlines in the message are escaped: one command, one line.
        assert!(a.contains("%0A"), "{a}");
    }
    assert!(t.contains("title=name-spelling%3A Katarina Novak::"), "{t}");
    assert!(
        t.lines().any(|l| l.starts_with("crosscheck: 4 conflicts")),
        "{t}"
    );
    let md = fs::read_to_string(&summary).unwrap();
    assert!(md.starts_with("earlier step\n"), "appended: {md}");
    assert!(md.contains("| error |"), "{md}");
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn markdown_links_every_claim() {
    let out = run(&["check", "--format", "markdown", ARCHIVE]);
    let md = text(&out);
    assert!(md.contains("4 conflicts"), "{md}");
    assert!(md.contains("| severity | story | rule |"), "{md}");
    assert!(
        md.contains("(tests/fixtures/archive/harbour-fire/coast-herald.md#L8)"),
        "{md}"
    );
    assert_eq!(md.lines().filter(|l| l.starts_with("| error |")).count(), 4);
}

#[test]
fn changed_reports_what_a_new_article_brings_in() {
    let out = run(&["check", "--format", "json", DRAFT, "--against", ARCHIVE]);
    assert_eq!(code(&out), 1);
    let r = json(&out);
    assert_eq!(r["changed"], serde_json::json!([DRAFT]));
    assert_eq!(r["summary"]["conflicts"], 2, "{r:#}");
    // Against an old article of its story...
    let figure = conflict(&r, "figure-mismatch");
    assert_eq!(
        claim_texts(figure),
        ["14 warehouses", "19 warehouses", "23 warehouses"]
    );
    // ... and a name spelled otherwise in the rest of the archive.
    let spelling = conflict(&r, "name-spelling");
    assert_eq!(spelling["subject"], "Jonas Lindqvist");
    assert!(claim_texts(spelling).contains(&"Jonas Lindquist"));
    // An old article changed: only its own conflicts.
    let old = format!("./{ARCHIVE}/bridge-vote/daily-ledger.txt");
    let r = json(&run(&[
        "check",
        "--format",
        "json",
        ARCHIVE,
        "--changed",
        &old,
    ]));
    let rules: Vec<&str> = r["conflicts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["role-mismatch"]);
}

#[test]
fn changed_from_reads_a_list_as_git_prints_it() {
    // What `git diff --name-only` gives: a deleted file, a file that is no
    // article, and the new article with an absolute path.
    let absolute = root().join(DRAFT);
    let list = format!("archive/removed.md\nREADME.rs\n\n{}\n", absolute.display());
    let out = run_in(
        root(),
        &[
            "--no-config",
            "check",
            "--format",
            "json",
            ARCHIVE,
            "--changed-from",
            "-",
        ],
        Some(&list),
    );
    let r = json(&out);
    assert_eq!(r["summary"]["conflicts"], 2, "{r:#}");
    // No change to articles: nothing to report, and the gate passes.
    let out = run_in(
        root(),
        &["--no-config", "check", ARCHIVE, "--changed-from", "-"],
        Some(""),
    );
    assert_eq!(code(&out), 0, "{}", text(&out));
    assert!(text(&out).contains("0 conflicts"));
}

#[test]
fn baseline_hides_recorded_conflicts_and_still_fails_on_a_new_one() {
    let dir = scratch("baseline");
    let archive = dir.join("archive");
    copy_dir(&root().join(ARCHIVE), &archive);
    let baseline = dir.join(".crosscheck-baseline.json");
    let b = baseline.to_string_lossy().into_owned();
    let a = archive.to_string_lossy().into_owned();
    let out = run(&["baseline", &a, "--output", &b]);
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    // `baseline > FILE` gives the same file.
    assert_eq!(
        text(&run(&["baseline", &a])),
        fs::read_to_string(&baseline).unwrap()
    );
    let check = |extra: &[&str]| {
        let mut args = vec!["check", "--format", "json", "--baseline", &b, &a];
        args.extend_from_slice(extra);
        let out = run(&args);
        (code(&out), json(&out))
    };
    let (status, r) = check(&[]);
    assert_eq!(status, 0, "{r:#}");
    assert_eq!(r["summary"]["conflicts"], 0);
    assert_eq!(r["baseline"]["known"], 4);
    assert_eq!(r["baseline"]["fixed"], 0);
    // Edits that move lines do not make old conflicts new.
    let post = archive.join("harbour-fire/morning-post.md");
    let moved = fs::read_to_string(&post)
        .unwrap()
        .replace("# Harbour blaze", "\n\n\n# Harbour blaze");
    fs::write(&post, moved).unwrap();
    let (status, r) = check(&[]);
    assert_eq!((status, &r["summary"]["conflicts"]), (0, &Value::from(0)));
    // A new article with new conflicts fails the gate.
    fs::copy(root().join(DRAFT), archive.join("harbour-fire/update.md")).unwrap();
    let (status, r) = check(&[]);
    assert_eq!(status, 1);
    assert_eq!(r["summary"]["conflicts"], 2, "{r:#}");
    // The figure conflict now has a third value: a new conflict, and the
    // recorded one is gone.
    assert_eq!(r["baseline"]["known"], 3);
    assert_eq!(r["baseline"]["fixed"], 1);
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn config_file_is_found_from_a_subfolder_and_flags_win() {
    let dir = scratch("config");
    copy_dir(&root().join(ARCHIVE), &dir.join("archive"));
    fs::create_dir_all(dir.join("desk")).unwrap();
    fs::write(
        dir.join("crosscheck.yaml"),
        "# the newsroom's gate\nfail_on: never\nformat: json\nexclude:\n  - wire/\n",
    )
    .unwrap();
    let desk = dir.join("desk");
    let out = run_in(&desk, &["check", "../archive"], None);
    assert_eq!(code(&out), 0, "fail_on: never from the file");
    let r = json(&out);
    // wire/ is excluded: the festival story keeps one article, no conflict.
    assert_eq!(r["summary"]["articles"], 5);
    assert!(
        r["conflicts"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["rule"] != "event-place")
    );
    let out = run_in(
        &desk,
        &[
            "check",
            "--fail-on",
            "error",
            "--format",
            "table",
            "../archive",
        ],
        None,
    );
    assert_eq!(code(&out), 1);
    assert!(text(&out).contains("┌"), "table from the command line");
    let shown = text(&run_in(&desk, &["config", "--format", "sarif"], None));
    let file = dir.join("crosscheck.yaml");
    assert!(
        shown.contains(&format!("# config file: {}", file.display())),
        "{shown}"
    );
    assert!(
        shown.contains(&format!("fail_on: never  # {}", file.display())),
        "{shown}"
    );
    assert!(shown.contains("format: sarif  # command line"), "{shown}");
    assert!(shown.contains("rules: []  # default"), "{shown}");
    assert!(shown.contains("exclude: [\"wire/\"]"), "{shown}");
    let shown = text(&run_in(&desk, &["--no-config", "config"], None));
    assert!(shown.contains("format: full  # default"), "{shown}");
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_bad_config_is_one_line_with_its_position_and_exit_2() {
    let dir = scratch("bad-config");
    fs::write(
        dir.join("crosscheck.yaml"),
        "fail_on: error\nfromat: json\n",
    )
    .unwrap();
    let out = run_in(&dir, &["check", "x"], None);
    let err = String::from_utf8(out.stderr.clone()).unwrap();
    assert_eq!(code(&out), 2);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("crosscheck: "), "{err}");
    assert!(
        err.contains("crosscheck.yaml:2:1: unknown field `fromat`"),
        "{err}"
    );
    fs::write(dir.join("crosscheck.yaml"), "fail_on: [error]\n").unwrap();
    let out = run_in(&dir, &["config"], None);
    assert_eq!(code(&out), 2);
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("crosscheck.yaml:1:")
    );
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn bad_front_matter_is_an_input_error() {
    let dir = scratch("front-matter");
    fs::write(dir.join("a.md"), "---\nstory: [open\n---\nText.\n").unwrap();
    let out = run_in(&dir, &["--no-config", "check", "."], None);
    assert_eq!(code(&out), 2);
    let err = String::from_utf8(out.stderr.clone()).unwrap();
    assert!(
        err.contains("a.md:") && err.contains("front matter"),
        "{err}"
    );
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn output_replaces_a_file_and_never_an_article() {
    let dir = scratch("output");
    let report = dir.join("report.sarif");
    fs::write(&report, "old report").unwrap();
    let r = report.to_string_lossy().into_owned();
    let out = run(&["check", "--format", "sarif", "--output", &r, ARCHIVE]);
    assert_eq!(code(&out), 1, "the exit code still gates");
    assert!(out.stdout.is_empty());
    let sarif: Value = serde_json::from_slice(&fs::read(&report).unwrap()).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    assert_eq!(
        fs::read_dir(&dir).unwrap().count(),
        1,
        "no temporary file left"
    );
    let article = format!("{ARCHIVE}/wire/markets.txt");
    let before = fs::read(root().join(&article)).unwrap();
    let out = run(&["check", "--output", &article, ARCHIVE]);
    assert_eq!(code(&out), 2);
    assert_eq!(fs::read(root().join(&article)).unwrap(), before);
    fs::remove_dir_all(dir).unwrap();
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn changed_takes_one_path_a_flag_and_swallows_no_corpus_path() {
    let harbour = "tests/fixtures/archive/harbour-fire";
    let bridge = "tests/fixtures/archive/bridge-vote";
    let ledger = "tests/fixtures/archive/bridge-vote/daily-ledger.txt";
    let herald = "tests/fixtures/archive/harbour-fire/coast-herald.md";
    // The path after --changed is a changed article; the one after it is
    // another corpus path, not a second changed article.
    let r = json(&run(&[
        "check",
        "--format",
        "json",
        harbour,
        "--changed",
        herald,
        bridge,
    ]));
    assert_eq!(r["changed"], serde_json::json!([herald]), "{r:#}");
    assert_eq!(r["summary"]["articles"], 4, "both folders are read: {r:#}");
    let r = json(&run(&[
        "check",
        "--format",
        "json",
        harbour,
        bridge,
        "--changed",
        herald,
        "--changed",
        ledger,
    ]));
    assert_eq!(r["changed"], serde_json::json!([ledger, herald]), "{r:#}");
    // A changed path that is missing, or no article of the corpus, is exit 2
    // with one line naming it.
    for (path, reason) in [
        (
            "tests/fixtures/archive/harbour-fire/no-such.md",
            "No such file",
        ),
        (DRAFT, "an article outside the PATHs checked"),
        (
            "tests/fixtures/archive/wire/",
            "a folder with no article of the PATHs checked",
        ),
        ("Cargo.toml", "no article"),
    ] {
        let out = run(&["check", harbour, "--changed", path]);
        let err = stderr(&out);
        assert_eq!(code(&out), 2, "{path}: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.starts_with(&format!("crosscheck: {path}: ")), "{err}");
        assert!(err.contains(reason), "{err}");
        assert!(out.stdout.is_empty());
    }
    let err = stderr(&run(&["check", harbour, "--changed", DRAFT]));
    assert!(
        err.contains("crosscheck check FILE --against ARCHIVE"),
        "{err}"
    );
}

#[test]
fn folders_are_walked_with_ignore_files_unless_no_ignore() {
    let dir = scratch("ignore");
    copy_dir(
        &root().join(ARCHIVE).join("harbour-fire"),
        &dir.join("harbour-fire"),
    );
    // An npm package's README, a hidden folder and a file .ignore names:
    // no articles, each of which would bring in a conflict if read.
    let stray = "# Notes\n\nPort director Katarina Nowak said the old harbour would reopen.\n";
    for file in [
        "node_modules/harbour-kit/README.md",
        ".drafts/harbour-fire.md",
        "harbour-fire/scratch.md",
    ] {
        let path = dir.join(file);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, stray).unwrap();
    }
    fs::write(dir.join(".gitignore"), "node_modules/\n").unwrap();
    fs::write(dir.join("harbour-fire/.ignore"), "scratch.md\n").unwrap();
    let read = |args: &[&str]| {
        let mut all = vec!["--no-config", "check", "--format", "json"];
        all.extend_from_slice(args);
        json(&run_in(&dir, &all, None))
    };
    let r = read(&["."]);
    assert_eq!(r["summary"]["articles"], 2, "{r:#}");
    let r = read(&["--no-ignore", "."]);
    assert_eq!(r["summary"]["articles"], 5, "{r:#}");
    let paths: Vec<&str> = r["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["path"].as_str().unwrap())
        .collect();
    assert!(
        paths.contains(&"./node_modules/harbour-kit/README.md"),
        "{paths:?}"
    );
    fs::remove_dir_all(dir).unwrap();
}
