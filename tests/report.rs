//! The reports people read, end to end: the `full` layout by snapshot at 80
//! and 120 columns, `concise` lines, colour, the width of a real terminal,
//! paths by their shortest unique suffix, the order of conflicts, Markdown
//! under GitHub's limit, and SARIF validated against the SARIF 2.1.0 schema.
//!
//! `tests/sarif-schema-2.1.0.json` is the schema as published by OASIS
//! (2.1.0-rtm.5), taken unchanged from the npm package @microsoft/jest-sarif
//! 1.0.0-beta.0 (MIT), file `lib/schemas/sarif-2.1.0-rtm.5.json`
//! (sha256 2d99159ae54a3eea97f81781cff48780548657c35949f4b7f25e99a2ba4de4f8).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const ARCHIVE: &str = "tests/fixtures/archive";
const SAME_NAMES: &str = "tests/fixtures/same-names";

/// `crosscheck ARGS...` from the project's root, with `env` set and
/// NO_COLOR and COLUMNS cleared unless `env` sets them.
fn run_with(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_crosscheck"));
    cmd.args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .env_remove("COLUMNS");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("the binary runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("UTF-8 output")
}

fn widest(text: &str) -> usize {
    text.lines()
        .map(|l| unicode_width(l.trim_end_matches('\r')))
        .max()
        .unwrap_or(0)
}

/// Terminal columns of a line without escapes (every character here is
/// one column wide but for the ellipsis, which is one too).
fn unicode_width(line: &str) -> usize {
    let mut n = 0;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            // CSI: ESC [ ... final byte in @..~
            for d in chars.by_ref() {
                if ('@'..='~').contains(&d) && d != '[' {
                    break;
                }
            }
            continue;
        }
        n += 1;
    }
    n
}

#[test]
fn full_is_the_default_and_its_layout_at_80_and_120_columns() {
    for width in ["80", "120"] {
        let out = run_with(&["check", ARCHIVE], &[("COLUMNS", width)]);
        assert_eq!(out.status.code(), Some(1));
        let text = stdout(&out);
        assert!(widest(&text) <= width.parse().unwrap(), "{text}");
        insta::assert_snapshot!(format!("full_archive_{width}"), text);
        let seeds = stdout(&run_with(&["check", "seeds/"], &[("COLUMNS", width)]));
        assert!(widest(&seeds) <= width.parse().unwrap(), "{seeds}");
        insta::assert_snapshot!(format!("full_seeds_{width}"), seeds);
    }
}

#[test]
fn the_table_fits_80_and_120_columns() {
    for width in ["80", "120"] {
        let out = run_with(
            &["check", "--format", "table", ARCHIVE],
            &[("COLUMNS", width)],
        );
        let text = stdout(&out);
        assert!(widest(&text) <= width.parse().unwrap(), "{text}");
        insta::assert_snapshot!(format!("table_archive_{width}"), text);
    }
}

#[test]
fn concise_is_one_line_a_conflict_at_the_claim_at_fault() {
    let out = run_with(&["check", "--format", "concise", ARCHIVE], &[]);
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    let (conflicts, summary) = lines.split_at(lines.len() - 1);
    assert_eq!(conflicts.len(), 4, "{text}");
    assert!(summary[0].starts_with("4 conflicts"), "{text}");
    for line in conflicts {
        // path:line:column: severity[rule]: message
        let mut parts = line.splitn(4, ':');
        let path = parts.next().unwrap();
        assert!(
            Path::new(env!("CARGO_MANIFEST_DIR")).join(path).is_file(),
            "{line}"
        );
        assert!(parts.next().unwrap().parse::<usize>().is_ok(), "{line}");
        assert!(parts.next().unwrap().parse::<usize>().is_ok(), "{line}");
        let rest = parts.next().unwrap();
        assert!(
            rest.starts_with(" error[") || rest.starts_with(" warning["),
            "{line}"
        );
    }
    // The spelling most articles do not use is the one at fault.
    assert!(
        text.contains("bridge-vote/council-notes.txt:3:182: error[name-spelling]: Katarina Novak is spelled 2 ways: Katarina Novak / Katarina Nowak; suggestion: Katarina Novak (2 of 3 articles)"),
        "{text}"
    );
    insta::assert_snapshot!("concise_archive", text);
}

#[test]
fn colour_is_asked_for_or_on_a_terminal_without_no_color() {
    let has_escape = |out: &Output| out.stdout.contains(&0x1b);
    assert!(!has_escape(&run_with(&["check", ARCHIVE], &[])), "a pipe");
    let always = run_with(
        &["check", "--color", "always", ARCHIVE],
        &[("NO_COLOR", "1")],
    );
    assert!(has_escape(&always), "--color always wins over NO_COLOR");
    let never = run_with(&["check", "--color", "never", ARCHIVE], &[]);
    assert!(!has_escape(&never));
    for format in ["concise", "table"] {
        let out = run_with(
            &["check", "--color", "always", "--format", format, ARCHIVE],
            &[],
        );
        assert!(has_escape(&out), "{format}");
    }
    // On a terminal: coloured, unless NO_COLOR is set.
    if let Some(screen) = on_terminal(&["check", ARCHIVE], 90, &[]) {
        assert!(screen.contains('\u{1b}'), "{screen}");
        let plain = on_terminal(&["check", ARCHIVE], 90, &[("NO_COLOR", "1")]).unwrap();
        assert!(!plain.contains('\u{1b}'), "{plain}");
    }
}

/// What `crosscheck ARGS` prints on a terminal `columns` wide, through
/// util-linux `script`, which gives it a pseudo-terminal.
fn on_terminal(args: &[&str], columns: usize, env: &[(&str, &str)]) -> Option<String> {
    if Command::new("script").arg("--version").output().is_err() {
        assert!(
            std::env::var_os("CI").is_none(),
            "util-linux `script` is needed for the terminal tests"
        );
        return None;
    }
    // The environment goes in the command: the shell `script` starts may
    // set COLUMNS itself.
    let assignments: Vec<String> = env.iter().map(|(k, v)| format!("{k}={v}")).collect();
    let command = format!(
        "stty cols {columns} rows 50; {} exec {} {}",
        assignments.join(" "),
        env!("CARGO_BIN_EXE_crosscheck"),
        args.join(" ")
    );
    let mut cmd = Command::new("script");
    cmd.args(["-qec", &command, "/dev/null"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .env_remove("COLUMNS");
    let out = cmd.output().expect("script runs");
    Some(
        String::from_utf8(out.stdout)
            .expect("UTF-8")
            .replace("\r\n", "\n"),
    )
}

#[test]
fn the_width_is_the_terminals_and_columns_never_widens_it() {
    let Some(screen) = on_terminal(&["check", ARCHIVE], 64, &[]) else {
        return;
    };
    assert!(screen.contains("error[figure-mismatch]"), "{screen}");
    assert!(widest(&screen) <= 64, "{screen}");
    // COLUMNS narrows the report on a terminal, but never widens it.
    let narrow = on_terminal(
        &["check", "--format", "table", ARCHIVE],
        100,
        &[("COLUMNS", "70")],
    )
    .unwrap();
    assert!(widest(&narrow) <= 70, "{narrow}");
    assert!(widest(&narrow) > 60, "{narrow}");
    let wide = on_terminal(
        &["check", "--format", "table", ARCHIVE],
        72,
        &[("COLUMNS", "200")],
    )
    .unwrap();
    assert!(widest(&wide) <= 72, "{wide}");
}

#[test]
fn paths_are_shown_by_their_shortest_unique_suffix() {
    let text = stdout(&run_with(&["check", SAME_NAMES], &[]));
    // Both stories hold a reuters.txt and a herald.txt.
    for path in [
        "flood/reuters.txt",
        "quake/reuters.txt",
        "flood/herald.txt",
        "quake/herald.txt",
    ] {
        assert!(text.contains(&format!("{path}:3:")), "{path}: {text}");
    }
    assert!(!text.contains("same-names/"), "{text}");
    // On the seeds, file names alone.
    let seeds = stdout(&run_with(&["check", "seeds/"], &[]));
    assert!(seeds.contains(" 000_94d892753a69eef2.txt:3:237"), "{seeds}");
    assert!(!seeds.contains("seeds/"), "{seeds}");
}

#[test]
fn conflicts_go_by_story_then_severity_then_position() {
    let text = stdout(&run_with(
        &["check", "--format", "concise", "seeds/", SAME_NAMES],
        &[],
    ));
    let heads: Vec<(String, String, usize, usize)> = text
        .lines()
        .filter(|l| l.contains(": error[") || l.contains(": warning["))
        .map(|l| {
            let parts: Vec<&str> = l.splitn(5, ':').collect();
            let story = Path::new(parts[0]).parent().unwrap().display().to_string();
            let severity = parts[3].trim().split('[').next().unwrap().to_string();
            (
                story,
                severity,
                parts[1].parse().unwrap(),
                parts[2].parse().unwrap(),
            )
        })
        .collect();
    let stories: Vec<&str> = heads.iter().map(|h| h.0.as_str()).collect();
    let mut grouped = stories.clone();
    grouped.dedup();
    // Stories by name: flood, quake, seeds.
    assert_eq!(
        grouped,
        [
            "tests/fixtures/same-names/flood",
            "tests/fixtures/same-names/quake",
            "seeds"
        ],
        "{text}"
    );
    let seeds: Vec<&(String, String, usize, usize)> =
        heads.iter().filter(|h| h.0 == "seeds").collect();
    // Errors first: the one warning of the seeds comes last.
    assert_eq!(seeds.last().unwrap().1, "warning", "{text}");
    assert!(
        seeds[..seeds.len() - 1].iter().all(|h| h.1 == "error"),
        "{text}"
    );
}

/// A story folder `dir/story-N` for each N: two articles whose counts of
/// houses disagree.
fn many_conflicts(dir: &Path, stories: usize) {
    for n in 0..stories {
        let story = dir.join(format!("story-{n:03}"));
        fs::create_dir_all(&story).unwrap();
        for (name, count) in [("a.txt", 40 + n % 7), ("b.txt", 90 + n % 5)] {
            fs::write(
                story.join(name),
                format!(
                    "Tremor in Varesco {n}\n\nA tremor damaged {count} houses in the hill town of Varesco {n} on Monday, mayor Elena Marchetti said.\n"
                ),
            )
            .unwrap();
        }
    }
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("crosscheck-report-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn markdown_stays_under_githubs_comment_limit() {
    let dir = scratch("markdown");
    many_conflicts(&dir, 400);
    let path = dir.to_str().unwrap();
    let md = stdout(&run_with(&["check", "--format", "markdown", path], &[]));
    assert!(
        md.chars().count() <= 65_536,
        "{} characters",
        md.chars().count()
    );
    let rows = md.lines().filter(|l| l.starts_with("| error |")).count();
    let all = stdout(&run_with(&["check", "--format", "json", path], &[]));
    let total = serde_json::from_str::<Value>(&all).unwrap()["summary"]["conflicts"]
        .as_u64()
        .unwrap() as usize;
    assert!(total >= 400, "{total}");
    assert!(rows > 50 && rows < total, "{rows} of {total}");
    let last = md.trim_end().lines().last().unwrap();
    assert_eq!(
        last,
        format!(
            "{} more conflicts left out to stay under GitHub's 65536-character limit; `crosscheck check --format full` (or `--format sarif`) lists them all.",
            total - rows
        )
    );
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn sarif_validates_against_the_sarif_2_1_0_schema() {
    // The schema's pattern for `language` ends in a stray `]`, which
    // JavaScript reads as a literal and Rust's regex engine refuses: it is
    // escaped here, in memory, to the same meaning.
    let text = fs::read_to_string("tests/sarif-schema-2.1.0.json").unwrap();
    let stray = r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$""#;
    assert!(
        text.contains(stray),
        "the schema changed: look at this again"
    );
    let text = text.replace(stray, r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}\\]?$""#);
    let schema: Value = serde_json::from_str(&text).unwrap();
    let validator = jsonschema::options()
        .with_draft(jsonschema::Draft::Draft4)
        .build(&schema)
        .expect("the schema compiles");
    for corpus in [ARCHIVE, "seeds/", SAME_NAMES] {
        let out = run_with(&["check", "--format", "sarif", corpus], &[]);
        let sarif: Value = serde_json::from_slice(&out.stdout).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&sarif)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{corpus}: {errors:#?}");
        let driver = &sarif["runs"][0]["tool"]["driver"];
        for rule in driver["rules"].as_array().unwrap() {
            assert!(
                rule["fullDescription"]["text"]
                    .as_str()
                    .is_some_and(|t| !t.is_empty()),
                "{rule}"
            );
            let help = &rule["help"];
            assert!(
                help["text"].as_str().unwrap().contains("What it checks"),
                "{rule}"
            );
            assert!(
                help["markdown"]
                    .as_str()
                    .unwrap()
                    .contains("### What it checks"),
                "{rule}"
            );
        }
        for result in sarif["runs"][0]["results"].as_array().unwrap() {
            assert_eq!(result["locations"].as_array().unwrap().len(), 1);
            assert!(!result["relatedLocations"].as_array().unwrap().is_empty());
        }
    }
    // The claim at fault is the first location: the spelling fewer articles use.
    let out = run_with(&["check", "--format", "sarif", ARCHIVE], &[]);
    let sarif: Value = serde_json::from_slice(&out.stdout).unwrap();
    let spelling = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "name-spelling")
        .unwrap();
    let first = &spelling["locations"][0]["physicalLocation"];
    assert_eq!(
        first["artifactLocation"]["uri"],
        "tests/fixtures/archive/bridge-vote/council-notes.txt"
    );
    assert_eq!(first["region"]["snippet"]["text"], "Katarina Nowak");
    // With --changed, the claim in the changed article.
    let changed = "tests/fixtures/archive/harbour-fire/morning-post.md";
    let out = run_with(
        &["check", "--format", "sarif", ARCHIVE, "--changed", changed],
        &[],
    );
    let sarif: Value = serde_json::from_slice(&out.stdout).unwrap();
    for result in sarif["runs"][0]["results"].as_array().unwrap() {
        assert_eq!(
            result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            changed
        );
    }
}
