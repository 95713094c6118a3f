//! The reliability audit's failures (issue 15): a gate that cannot be
//! fooled (spellings, links), hung (pipes, deep nesting, thread counts) or
//! made to lose a report (full disks, devices), and that says what is wrong
//! in one line. Large inputs are generated here; nothing is timed.

use std::fs;
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

use serde_json::Value;

/// An empty scratch folder of its own for each test.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("reliability-{name}"));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn command(dir: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_crosscheck"));
    c.args(args).current_dir(dir).stdin(Stdio::null());
    c
}

/// `crosscheck ARGS` run in `dir`.
fn run_in(dir: &Path, args: &[&str]) -> Output {
    command(dir, args).output().expect("the binary runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Exit 2 and exactly one `crosscheck: ` line on stderr holding every one
/// of `needles`.
fn assert_one_line_error(out: &Output, needles: &[&str]) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("crosscheck: "), "{err}");
    for n in needles {
        assert!(err.contains(n), "{n:?} not in {err}");
    }
}

/// Two articles of one story giving one count two ways: a figure conflict,
/// which only articles of one story are checked for.
fn flood_story(dir: &Path) {
    fs::create_dir_all(dir).unwrap();
    let text = |n: &str| {
        format!(
            "Flood\n\nThe flood forced {n} residents from their homes in the delta, officials said.\n"
        )
    };
    fs::write(dir.join("a.txt"), text("12,000")).unwrap();
    fs::write(dir.join("b.txt"), text("21,000")).unwrap();
}

fn conflicts(out: &Output) -> Vec<Value> {
    let report: Value = serde_json::from_slice(&out.stdout).expect("a JSON report");
    report["conflicts"].as_array().unwrap().clone()
}

#[test]
fn a_file_named_twice_in_two_spellings_stays_in_its_story() {
    let dir = scratch("twice");
    flood_story(&dir.join("twice"));
    let out = run_in(
        &dir,
        &["check", "--format", "json", "twice", "./twice/a.txt"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let found = conflicts(&out);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0]["rule"], "figure-mismatch");
}

#[test]
fn a_link_to_another_storys_article_leaves_it_in_that_story() {
    let dir = scratch("link");
    flood_story(&dir.join("b_story"));
    fs::create_dir_all(dir.join("a_story")).unwrap();
    fs::write(
        dir.join("a_story/a.txt"),
        "Fair\n\nThe spring fair opened in the old square.\n",
    )
    .unwrap();
    std::os::unix::fs::symlink("../b_story/b.txt", dir.join("a_story/aa-link.txt")).unwrap();
    let out = run_in(&dir, &["check", "--format", "json", "a_story", "b_story"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let found = conflicts(&out);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0]["rule"], "figure-mismatch");
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    for article in report["articles"].as_array().unwrap() {
        let expected = if article["path"] == "a_story/a.txt" {
            "a_story"
        } else {
            "b_story"
        };
        assert_eq!(article["story"], expected, "{article}");
    }
}

fn full_disk() -> fs::File {
    fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full")
}

#[test]
fn a_report_that_cannot_be_written_fails_the_run() {
    let dir = scratch("stdout-full");
    flood_story(&dir.join("story"));
    for fail_on in ["error", "never"] {
        let out = command(&dir, &["check", "--fail-on", fail_on, "story"])
            .stdout(full_disk())
            .output()
            .unwrap();
        assert_one_line_error(&out, &["standard output", "No space left on device"]);
    }
}

#[test]
fn an_error_with_stderr_on_a_full_disk_exits_2_without_a_panic() {
    let dir = scratch("stderr-full");
    let out = command(&dir, &["check", "missing-folder"])
        .stderr(full_disk())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn changed_articles_are_listed_sorted() {
    let dir = scratch("changed-order");
    flood_story(&dir.join("story"));
    let out = run_in(
        &dir,
        &[
            "check",
            "--format",
            "json",
            "story",
            "--changed",
            "story/b.txt",
            "--changed",
            "story/a.txt",
        ],
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        report["changed"],
        serde_json::json!(["story/a.txt", "story/b.txt"])
    );
}

fn fifo(path: &Path) {
    let made = Command::new("mkfifo").arg(path).status().expect("mkfifo");
    assert!(made.success());
}

/// Waits for `child`, failing if it opens the pipe `fifo` to read it: a
/// writer can open a pipe without blocking only while a reader has it
/// open, and the writer's close then ends the reader's wait. No clock.
fn wait_not_reading(mut child: Child, fifo: &Path) -> Output {
    loop {
        if child.try_wait().unwrap().is_some() {
            return child.wait_with_output().unwrap();
        }
        let writer = fs::OpenOptions::new()
            .write(true)
            .custom_flags(libc::O_NONBLOCK)
            .open(fifo);
        match writer {
            Ok(w) => {
                drop(w);
                let _ = child.wait();
                panic!("{} was opened for reading", fifo.display());
            }
            Err(e) if e.raw_os_error() == Some(libc::ENXIO) => std::thread::yield_now(),
            Err(e) => panic!("{e}"),
        }
    }
}

#[test]
fn pipes_named_as_article_baseline_or_config_are_refused() {
    let dir = scratch("fifo-named");
    flood_story(&dir.join("story"));
    for (name, args) in [
        ("pipe.txt", vec!["check", "pipe.txt"]),
        (
            "base.json",
            vec!["check", "story", "--baseline", "base.json"],
        ),
        ("conf.yaml", vec!["--config", "conf.yaml", "check", "story"]),
    ] {
        let pipe = dir.join(name);
        fifo(&pipe);
        let child = command(&dir, &args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let out = wait_not_reading(child, &pipe);
        assert_one_line_error(&out, &[name, "not a regular file"]);
        fs::remove_file(&pipe).unwrap();
    }
}

#[test]
fn a_thread_count_past_the_limit_is_refused() {
    let dir = scratch("threads");
    flood_story(&dir.join("story"));
    let out = run_in(&dir, &["-j", "1000000", "check", "story"]);
    assert_one_line_error(&out, &["1000000 threads", "at most 1024"]);
    let fine = run_in(&dir, &["-j", "3", "check", "story"]);
    assert_eq!(fine.status.code(), Some(1), "{}", stderr(&fine));
}

const LEVELS: usize = 100_000;

fn rules_file(params: &str, description: &str) -> String {
    format!(
        "version: 1\nrules:\n  - id: deep-rule\n    kind: figure\n    check: figure-mismatch\n    severity: error\n    message: m\n    description: {description}\n    params: {params}\n"
    )
}

#[test]
fn deep_nesting_is_refused_wherever_yaml_is_read() {
    let dir = scratch("deep");
    flood_story(&dir.join("story"));
    // A string holding a closing bracket at each level: brackets in strings
    // are text, the nesting is the YAML's.
    let strings = format!("{}{}", "[']', ".repeat(LEVELS), "]".repeat(LEVELS));
    fs::create_dir_all(dir.join("rules")).unwrap();
    fs::write(dir.join("rules/deep.yaml"), rules_file(&strings, "d")).unwrap();
    let out = run_in(&dir, &["check", "--rules", "rules", "story"]);
    assert_one_line_error(&out, &["deep.yaml:", "recursion limit"]);
    // Indentation nests as brackets do (each level a space more, so fewer
    // levels keep the file small).
    let mut block = String::from("exclude:\n");
    for level in 1..2_000 {
        block.push_str(&format!("{}k{level}:\n", " ".repeat(level)));
    }
    fs::write(dir.join("deep-config.yaml"), &block).unwrap();
    let out = run_in(&dir, &["--config", "deep-config.yaml", "check", "story"]);
    assert_one_line_error(&out, &["deep-config.yaml:", "recursion limit"]);
    let front = format!(
        "---\nstory: {}{}\n---\nThe flood forced 21,000 residents from their homes.\n",
        "[".repeat(LEVELS),
        "]".repeat(LEVELS)
    );
    fs::write(dir.join("story/c.txt"), front).unwrap();
    let out = run_in(&dir, &["check", "story"]);
    assert_one_line_error(&out, &["c.txt:2:", "recursion limit"]);
    fs::remove_file(dir.join("story/c.txt")).unwrap();
    let baseline = format!("{}{}", "[".repeat(LEVELS), "]".repeat(LEVELS));
    fs::write(dir.join("base.json"), baseline).unwrap();
    let out = run_in(&dir, &["check", "story", "--baseline", "base.json"]);
    assert_one_line_error(&out, &["base.json:1:"]);
}

#[test]
fn brackets_in_a_quoted_description_are_text() {
    let dir = scratch("brackets-quoted");
    flood_story(&dir.join("story"));
    fs::create_dir_all(dir.join("rules")).unwrap();
    let description = format!("\"{}\"", "[".repeat(200));
    fs::write(
        dir.join("rules/quoted.yaml"),
        rules_file("{min_shared_context: 2}", &description),
    )
    .unwrap();
    let out = run_in(&dir, &["check", "--rules", "rules", "story"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
}

#[test]
fn an_empty_title_synonym_is_refused_where_it_is_written() {
    let dir = scratch("empty-synonym");
    flood_story(&dir.join("story"));
    fs::create_dir_all(dir.join("rules")).unwrap();
    for (text, at) in [
        (
            "version: 1\nlexicon:\n  title_synonyms:\n    - [warden, \"\"]\n",
            "syn.yaml:4:",
        ),
        (
            "version: 1\nlexicon:\n  title_synonyms:\n    - - warden\n      -\n",
            "syn.yaml:5:",
        ),
    ] {
        fs::write(dir.join("rules/syn.yaml"), text).unwrap();
        let out = run_in(&dir, &["check", "--rules", "rules", "story"]);
        assert_one_line_error(&out, &[at, "empty phrase"]);
    }
}

#[test]
fn the_report_goes_only_to_a_regular_file_or_a_new_path() {
    let dir = scratch("output-targets");
    flood_story(&dir.join("story"));
    let pipe = dir.join("report.pipe");
    fifo(&pipe);
    for target in [pipe.to_str().unwrap(), "/dev/null"] {
        let out = run_in(&dir, &["check", "story", "--output", target]);
        assert_one_line_error(&out, &[target, "not a regular file"]);
    }
    assert!(fs::metadata(&pipe).unwrap().file_type().is_fifo());
    assert!(
        fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );
    // Through a link, the file it names gets the report; the link stays.
    fs::write(dir.join("real.txt.json"), "old").unwrap();
    std::os::unix::fs::symlink("real.txt.json", dir.join("link.json")).unwrap();
    let out = run_in(
        &dir,
        &[
            "check",
            "story",
            "--format",
            "json",
            "--output",
            "link.json",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        fs::symlink_metadata(dir.join("link.json"))
            .unwrap()
            .is_symlink()
    );
    let written: Value =
        serde_json::from_str(&fs::read_to_string(dir.join("real.txt.json")).unwrap()).unwrap();
    assert_eq!(written["conflicts"].as_array().unwrap().len(), 1);
    let leftovers: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn the_report_never_overwrites_the_baseline_it_reads() {
    let dir = scratch("output-baseline");
    flood_story(&dir.join("story"));
    let made = run_in(&dir, &["baseline", "story", "--output", "base.json"]);
    assert_eq!(made.status.code(), Some(0), "{}", stderr(&made));
    let before = fs::read(dir.join("base.json")).unwrap();
    for target in ["base.json", "./base.json"] {
        let out = run_in(
            &dir,
            &[
                "check",
                "story",
                "--baseline",
                "base.json",
                "--output",
                target,
            ],
        );
        assert_one_line_error(&out, &[target, "baseline"]);
    }
    assert_eq!(fs::read(dir.join("base.json")).unwrap(), before);
}

#[test]
fn a_usage_error_is_one_line_and_a_usage_hint() {
    let dir = scratch("usage");
    for args in [
        vec!["check", "--bogus", "x"],
        vec!["check"],
        vec!["check", "--format", "xml", "x"],
        vec!["frobnicate"],
        vec!["-j", "many", "check", "x"],
    ] {
        let out = run_in(&dir, &args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        let lines: Vec<&str> = err.lines().collect();
        assert!(
            (1..=2).contains(&lines.len()),
            "{args:?}: {} lines: {err}",
            lines.len()
        );
        assert!(lines[0].starts_with("crosscheck: "), "{err}");
        assert!(
            lines.get(1).is_none_or(|l| l.starts_with("usage: ")),
            "{err}"
        );
    }
    // Help stays clap's, on stdout.
    let help = run_in(&dir, &["check", "--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&help.stdout).contains("--output"));
}

#[test]
fn a_pipe_of_articles_is_not_waited_on_when_found_in_a_folder() {
    let dir = scratch("fifo-folder");
    flood_story(&dir.join("story"));
    let pipe = dir.join("story/pipe.txt");
    fifo(&pipe);
    let child = command(&dir, &["check", "story"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let out = wait_not_reading(child, &pipe);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("skipped: not a regular file"));
}
