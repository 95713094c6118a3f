//! The rules language end to end: invalid rule files are exit 2 with
//! `path:line:column: message`, folders override and select rules, house
//! style, suppression comments, rule examples and the `rules` commands.

use std::fs;
use std::path::PathBuf;
use std::process::Output;

use serde_json::Value;

#[path = "support/claims.rs"]
mod support_claims;
use support_claims::claim_texts;

#[path = "support/run.rs"]
mod support_run;
use support_run::crosscheck;

/// A fresh folder holding `files`, named after the test.
fn folder(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("crosscheck-rules-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    for (file, text) in files {
        let path = dir.join(file);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
    dir
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Runs `check --rules` on a folder with one file `rules.yaml` and asserts
/// the error names that file, the line and column, and says `message`.
fn assert_rules_error(name: &str, yaml: &str, line: usize, column: usize, message: &str) {
    let dir = folder(name, &[("rules.yaml", yaml)]);
    let out = crosscheck(&["check", "--rules", dir.to_str().unwrap(), "seeds/"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{name}: {err}");
    assert!(out.stdout.is_empty(), "{name}");
    assert_eq!(err.lines().count(), 1, "{name}: {err}");
    let path = dir.join("rules.yaml");
    let prefix = format!("crosscheck: {}:{line}:{column}: ", path.display());
    assert!(
        err.starts_with(&prefix),
        "{name}: want {prefix:?}, got {err}"
    );
    assert!(err.contains(message), "{name}: want {message:?}, got {err}");
}

#[test]
fn malformed_yaml_is_an_error_at_its_position() {
    assert_rules_error(
        "malformed",
        "version: 1\nrules:\n\t- id: a\n",
        3,
        1,
        "found character that cannot start any token",
    );
}

#[test]
fn unknown_keys_are_errors_at_the_key() {
    assert_rules_error(
        "unknown-top",
        "version: 1\nrule:\n  - id: a\n",
        2,
        1,
        "unknown field `rule`",
    );
    assert_rules_error(
        "unknown-rule-key",
        "version: 1\nrules:\n  - id: a\n    check: event-place\n    severity: error\n    sevrity: info\n",
        6,
        5,
        "rules[0]: unknown field `sevrity`",
    );
    assert_rules_error(
        "unknown-param",
        "version: 1\nrules:\n  - id: a\n    check: unit-conversion\n    severity: error\n    params:\n      tolerence: 0.1\n",
        7,
        7,
        "rule \"a\": unknown parameter `tolerence`, expected one of `tolerance`",
    );
    assert_rules_error(
        "unknown-lexicon-section",
        "version: 1\nlexicon:\n  nicknamez:\n    Robert: [Bob]\n",
        3,
        3,
        "lexicon: unknown field `nicknamez`",
    );
    assert_rules_error(
        "param-of-a-check-without-params",
        "version: 1\nrules:\n  - id: a\n    check: event-place\n    severity: error\n    params: {tolerance: 1}\n",
        6,
        14,
        "this check takes no parameters",
    );
}

#[test]
fn unknown_checks_and_kinds_are_errors_at_the_value() {
    assert_rules_error(
        "unknown-check",
        "version: 1\nrules:\n  - id: a\n    check: name-spellng\n    severity: error\n",
        4,
        12,
        "rules[0].check: unknown variant `name-spellng`",
    );
    assert_rules_error(
        "unknown-kind",
        "version: 1\nrules:\n  - id: a\n    kind: speling\n    check: name-spelling\n    severity: error\n",
        4,
        11,
        "rules[0].kind: unknown variant `speling`",
    );
    assert_rules_error(
        "kind-of-another-check",
        "version: 1\nrules:\n  - id: a\n    kind: place\n    check: name-spelling\n    severity: error\n",
        4,
        11,
        "rule \"a\": check `name-spelling` reports spelling conflicts, not place",
    );
}

#[test]
fn wrong_types_are_errors_at_the_value() {
    assert_rules_error(
        "wrong-severity",
        "version: 1\nrules:\n  - id: a\n    check: event-place\n    severity: critical\n",
        5,
        15,
        "rules[0].severity: unknown variant `critical`",
    );
    assert_rules_error(
        "wrong-enabled",
        "version: 1\nrules:\n  - id: a\n    check: event-place\n    severity: info\n    enabled: maybe\n",
        6,
        14,
        "rules[0].enabled: invalid type: string \"maybe\", expected a boolean",
    );
    assert_rules_error(
        "wrong-param-type",
        "version: 1\nrules:\n  - id: a\n    check: event-date\n    severity: info\n    params:\n      tolerance_minutes: soon\n",
        7,
        26,
        "`tolerance_minutes` must be a whole number from 0 to 1440, not the text \"soon\"",
    );
    assert_rules_error(
        "wrong-nicknames",
        "version: 1\nlexicon:\n  nicknames: [Bob]\n",
        3,
        14,
        "lexicon.nicknames: invalid type: sequence, expected a map",
    );
}

#[test]
fn thresholds_outside_their_range_are_errors_at_the_value() {
    assert_rules_error(
        "range-param",
        "version: 1\nrules:\n  - id: garbled-figure\n    check: garbled-figure\n    severity: warning\n    params:\n      max_relative_difference: 1.5\n",
        7,
        32,
        "`max_relative_difference` = 1.5 is out of range: it must be a number from 0 to 1",
    );
    assert_rules_error(
        "range-alignment",
        "version: 1\nalignment:\n  variant_similarity: 2\n",
        3,
        23,
        "alignment: `variant_similarity` = 2 is out of range",
    );
}

#[test]
fn a_missing_lexicon_file_is_an_error_at_its_name() {
    assert_rules_error(
        "missing-lexicon",
        "version: 1\nlexicons:\n  - places/nowhere.yaml\n",
        3,
        5,
        "lexicon file \"places/nowhere.yaml\" not found",
    );
}

#[test]
fn a_duplicate_rule_id_in_one_file_is_an_error_at_the_second() {
    assert_rules_error(
        "duplicate-id",
        "version: 1\nrules:\n  - id: a\n    check: event-place\n    severity: info\n  - id: a\n    check: event-date\n    severity: info\n",
        6,
        9,
        "rule \"a\": duplicate rule id: an earlier rule of this file (line 3) has it",
    );
}

#[test]
fn versions_are_required_and_checked() {
    assert_rules_error("no-version", "rules: []\n", 1, 1, "missing field `version`");
    assert_rules_error(
        "version-2",
        "# future\nversion: 2\n",
        2,
        10,
        "unsupported version 2: this crosscheck reads version 1",
    );
}

#[test]
fn inconsistent_lexicon_entries_are_errors_at_the_entry() {
    assert_rules_error(
        "unknown-place",
        "version: 1\nlexicon:\n  places:\n    - name: Port Vell\n      kind: city\n      in: Qarnavelle\n",
        6,
        11,
        "place \"Port Vell\" lies in unknown place \"Qarnavelle\"",
    );
    assert_rules_error(
        "house-style-chain",
        "version: 1\nlexicon:\n  house_style:\n    Kyiv: [Kiev]\n    Lviv: [Lvov, Kiev]\n",
        5,
        18,
        "house_style: \"Kiev\" is already a variant of \"Kyiv\"",
    );
}

#[test]
fn messages_and_ids_are_checked() {
    assert_rules_error(
        "placeholder",
        "version: 1\nrules:\n  - id: a\n    check: event-place\n    severity: info\n    message: \"{subject} at {place}\"\n",
        6,
        14,
        "unknown placeholder {place}",
    );
    assert_rules_error(
        "bad-id",
        "version: 1\nrules:\n  - id: my rule\n    check: event-place\n    severity: info\n",
        3,
        9,
        "an id is letters, digits",
    );
}

#[test]
fn a_folder_without_rule_files_is_an_error() {
    let dir = folder("no-rule-files", &[("notes.txt", "nothing")]);
    let out = crosscheck(&["check", "--rules", dir.to_str().unwrap(), "seeds/"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no rule files (.yaml) in this folder"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_lexicon_file_named_and_in_the_folder_is_read_once() {
    let place = "version: 1\nlexicon:\n  places:\n    - name: Port Vell\n      kind: city\n      in: Spain\n";
    let dir = folder(
        "lexicon-once",
        &[
            ("a.yaml", "version: 1\nlexicons: [places.yaml]\n"),
            ("places.yaml", place),
        ],
    );
    let out = crosscheck(&["check", "--rules", dir.to_str().unwrap(), "seeds/"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
}

#[test]
fn a_lexicon_file_holds_vocabulary_only() {
    let dir = folder(
        "lexicon-only",
        &[
            ("a.yaml", "version: 1\nlexicons: [lexicons/more.yaml]\n"),
            (
                "lexicons/more.yaml",
                "version: 1\nrules:\n  - id: x\n    check: event-place\n    severity: info\n",
            ),
        ],
    );
    let out = crosscheck(&["check", "--rules", dir.to_str().unwrap(), "seeds/"]);
    let path = dir.join("lexicons/more.yaml");
    assert_eq!(
        stderr(&out),
        format!(
            "crosscheck: {}:2:1: unknown field `rules`, expected `version` or `lexicon`\n",
            path.display()
        )
    );
}

fn json(args: &[&str]) -> (i32, Value) {
    let out = crosscheck(args);
    let v = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|_| panic!("JSON from {args:?}: {}", stderr(&out)));
    (out.status.code().unwrap(), v)
}

fn rules_of(report: &Value) -> Vec<String> {
    report["conflicts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["rule"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn select_and_ignore_choose_the_rules_that_run() {
    let (_, all) = json(&["check", "--format", "json", "seeds/"]);
    assert!(rules_of(&all).contains(&"event-place".to_string()));
    let (_, only) = json(&[
        "check",
        "--format",
        "json",
        "--select",
        "event-place,role-mismatch",
        "seeds/",
    ]);
    let rules = rules_of(&only);
    assert!(!rules.is_empty());
    assert!(
        rules
            .iter()
            .all(|r| r == "event-place" || r == "role-mismatch"),
        "{rules:?}"
    );
    let (_, less) = json(&[
        "check",
        "--format",
        "json",
        "--ignore",
        "name-spelling",
        "--ignore",
        "event-place",
        "seeds/",
    ]);
    let rules = rules_of(&less);
    assert_eq!(
        rules.len(),
        rules_of(&all)
            .iter()
            .filter(|r| *r != "name-spelling" && *r != "event-place")
            .count()
    );
    // --select runs a rule its folder turned off.
    let (_, back) = json(&[
        "check",
        "--format",
        "json",
        "--rules",
        "tests/fixtures/quiet-rules",
        "--select",
        "name-spelling",
        "seeds/",
    ]);
    assert!(rules_of(&back).iter().all(|r| r == "name-spelling"));
    assert!(!rules_of(&back).is_empty());
}

#[test]
fn unknown_ids_in_select_and_ignore_are_exit_2() {
    let out = crosscheck(&["check", "--select", "name-speling", "seeds/"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "crosscheck: --select: no rule has the id \"name-speling\" (did you mean \"name-spelling\"?); `crosscheck rules` lists them\n"
    );
    let out = crosscheck(&["eval", "--ignore", "nothing-like-it", "seeds"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("crosscheck: --ignore: no rule has the id \"nothing-like-it\"; ")
    );
}

#[test]
fn eval_honours_selection() {
    let (_, v) = json(&[
        "eval",
        "--format",
        "json",
        "--select",
        "event-place",
        "seeds",
    ]);
    assert_eq!(v["total"]["reported"], 1, "{v:#}");
}

fn conflicts(report: &Value) -> &Vec<Value> {
    report["conflicts"].as_array().unwrap()
}

const HOUSE: &str = "tests/fixtures/rules-house-style";

#[test]
fn house_style_flags_variants_in_a_single_article() {
    let dir = folder(
        "house-single",
        &[(
            "a.txt",
            "Talks in Kiev\n\nThe mayor said the talks in KIEV and kievan food would go on.\n",
        )],
    );
    let (code, report) = json(&[
        "check",
        "--format",
        "json",
        "--rules",
        HOUSE,
        dir.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "house style is a warning: {report:#}");
    let found: Vec<(&str, u64, u64, &str)> = conflicts(&report)
        .iter()
        .map(|c| {
            assert_eq!(c["rule"], "house-style");
            assert_eq!(c["kind"], "style");
            assert_eq!(c["severity"], "warning");
            let claim = &c["claims"][0];
            (
                claim["text"].as_str().unwrap(),
                claim["line"].as_u64().unwrap(),
                claim["column"].as_u64().unwrap(),
                c["suggestion"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(found, [("Kiev", 1, 10, "Kyiv"), ("KIEV", 3, 29, "Kyiv")]);
}

#[test]
fn house_style_is_the_suggested_reading_of_a_misspelled_name() {
    let articles = [
        (
            "a.txt",
            "Talks\n\nPresident Volodymyr Zelensky said on Monday that the talks would go on.\n",
        ),
        (
            "b.txt",
            "Talks\n\nPresident Volodymyr Zelenskiy said on Monday that the talks would go on.\n",
        ),
    ];
    let dir = folder("house-suggestion", &articles);
    let spelling = |args: &[&str]| {
        let mut all = vec!["check", "--format", "json", "--select", "name-spelling"];
        all.extend_from_slice(args);
        all.push(dir.to_str().unwrap());
        let (_, report) = json(&all);
        conflicts(&report)[0].clone()
    };
    // One article each way: no majority, so no suggestion...
    let plain = spelling(&[]);
    assert_eq!(
        claim_texts(&plain),
        ["Volodymyr Zelensky", "Volodymyr Zelenskiy"]
    );
    assert!(plain.get("suggestion").is_none(), "{plain:#}");
    // ... until the house style gives one, even a spelling neither uses.
    let styled = spelling(&["--rules", HOUSE]);
    assert_eq!(styled["suggestion"], "Zelenskyy", "{styled:#}");
}

#[test]
fn markdown_comments_suppress_rules_and_plain_text_keeps_them() {
    let text = "Talks\n\n<!-- crosscheck-disable-next-line house-style -->\nIn Kiev, talks.\n\
                Kiev again.\n<!-- crosscheck-disable -->\nKiev three.\n\
                <!-- crosscheck-enable house-style -->\nKiev four.\n";
    let dir = folder("suppress", &[("a.md", text), ("b.txt", text)]);
    let (_, report) = json(&[
        "check",
        "--format",
        "json",
        "--rules",
        HOUSE,
        dir.to_str().unwrap(),
    ]);
    let at: Vec<(String, u64)> = conflicts(&report)
        .iter()
        .map(|c| {
            let claim = &c["claims"][0];
            let path = claim["path"].as_str().unwrap();
            (
                path.rsplit('/').next().unwrap().to_string(),
                claim["line"].as_u64().unwrap(),
            )
        })
        .collect();
    let want: Vec<(String, u64)> = [("a.md", 5), ("a.md", 9)]
        .into_iter()
        .chain([("b.txt", 4), ("b.txt", 5), ("b.txt", 7), ("b.txt", 9)])
        .map(|(p, l)| (p.to_string(), l))
        .collect();
    assert_eq!(at, want);
}

#[test]
fn a_suppression_comment_naming_no_rule_is_exit_2_at_its_place() {
    let dir = folder(
        "suppress-unknown",
        &[(
            "a.md",
            "Title\n\nText <!-- crosscheck-disable house-styel -->\n",
        )],
    );
    let out = crosscheck(&["check", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        format!(
            "crosscheck: {}:3:30: crosscheck-disable: no rule has the id \"house-styel\" (did you mean \"house-style\"?)\n",
            dir.join("a.md").display()
        )
    );
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_examples_of_the_built_in_rules_pass_and_cover_every_rule() {
    let out = crosscheck(&["rules", "test"]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.trim_end().ends_with(" failed, 0 skipped"), "{text}");
    assert!(text.contains(" 0 failed"), "{text}");
    let (_, list) = json(&["rules", "--format", "json"]);
    for rule in list.as_array().unwrap() {
        let id = rule["id"].as_str().unwrap();
        assert!(
            text.lines()
                .any(|l| l.starts_with("ok   ") && l[5..].starts_with(&format!("{id} "))),
            "no example of {id}:\n{text}"
        );
    }
}

#[test]
fn the_house_style_fixture_examples_pass() {
    let out = crosscheck(&["rules", "test", HOUSE]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).contains("house.yaml:10 a rejected spelling"));
}

#[test]
fn a_failing_example_is_exit_1_with_its_diff() {
    let yaml = "version: 1\nexamples:\n  - rule: event-place\n    note: wrong on purpose\n    articles:\n      - \"The talks in Porto ended on Friday.\"\n      - \"The talks in Lisbon ended on Friday.\"\n    expect:\n      - values: [Porto, Madrid]\n";
    let dir = folder("failing-example", &[("x.yaml", yaml)]);
    let out = crosscheck(&["rules", "test", dir.to_str().unwrap()]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    let path = dir.join("x.yaml");
    let at = text
        .lines()
        .position(|l| l.starts_with("FAIL event-place"))
        .expect(&text);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[at],
        format!("FAIL event-place     {}:3 wrong on purpose", path.display())
    );
    assert_eq!(
        lines[at + 1],
        "     - expected values [\"Porto\", \"Madrid\"]"
    );
    assert!(
        lines[at + 2].starts_with("     + found talks located in \"Porto\" / \"Lisbon\" [a.txt:1:14 “Porto”, b.txt:1:14 “Lisbon”]"),
        "{text}"
    );
    assert!(text.trim_end().ends_with("1 failed, 0 skipped"), "{text}");
}

#[test]
fn examples_of_a_replaced_or_disabled_rule_are_skipped() {
    let out = crosscheck(&["rules", "test", "tests/fixtures/quiet-rules"]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        text.lines()
            .any(|l| l.starts_with("skip name-spelling") && l.ends_with("(the rule does not run)")),
        "{text}"
    );
    assert!(
        text.lines().any(|l| l.starts_with("skip event-place")
            && l.ends_with("(the rule is replaced by tests/fixtures/quiet-rules/rules.yaml)")),
        "{text}"
    );
}

#[test]
fn an_example_of_an_unknown_rule_is_an_error_at_its_rule() {
    assert_rules_error(
        "example-unknown-rule",
        "version: 1\nexamples:\n  - rule: event-plaice\n    articles: [x]\n    expect: []\n",
        3,
        11,
        "example: no rule has the id \"event-plaice\"",
    );
    assert_rules_error(
        "example-no-articles",
        "version: 1\nexamples:\n  - rule: event-place\n    articles: []\n    expect: []\n",
        4,
        15,
        "example: give at least one article",
    );
}

#[test]
fn rules_lists_every_rule_with_its_origin() {
    let out = crosscheck(&["rules", "--rules", "tests/fixtures/quiet-rules"]);
    let table = stdout(&out);
    assert_eq!(out.status.code(), Some(0));
    let row = |id: &str| {
        table
            .lines()
            .find(|l| l.contains(&format!("│ {id} ")))
            .unwrap_or_else(|| panic!("{id} in {table}"))
            .to_string()
    };
    assert!(
        row("garbled-figure").contains("rules/default.yaml:"),
        "{table}"
    );
    assert!(row("name-spelling").contains("┆ no "), "{table}");
    assert!(row("event-place").contains("┆ yes "), "{table}");
    assert!(table.contains("8 of 9 rules run"), "{table}");
    let (_, list) = json(&[
        "rules",
        "--format",
        "json",
        "--rules",
        "tests/fixtures/quiet-rules",
    ]);
    let place = list
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "event-place")
        .expect("event-place listed");
    assert_eq!(place["source"], "tests/fixtures/quiet-rules/rules.yaml");
    assert_eq!(place["line"], 9);
    assert_eq!(place["severity"], "warning");
    let (_, list) = json(&["rules", "--format", "json", "--ignore", "event-date"]);
    let date = list
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "event-date")
        .unwrap();
    assert_eq!(date["active"], false);
    assert_eq!(date["check"], "event-date");
    assert_eq!(date["kind"], "date");
    assert_eq!(date["severity"], "error");
    assert_eq!(date["source"], "rules/default.yaml");
}

#[test]
fn rules_explain_tells_what_why_parameters_and_an_example() {
    let out = crosscheck(&["rules", "explain", "unit-conversion"]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0));
    for part in [
        "unit-conversion — check unit-conversion, figure conflicts, severity warning\n",
        "\nWhat it checks\n  A figure converted in brackets",
        "\nWhy\n  A conversion added by an editor",
        "\nParameters\n  tolerance = 0.03 (default 0.03; a number from 0 to 1)\n",
        "\nExample (rules/default.yaml:",
        "  finds:\n    the conversion in brackets does not hold:",
        "[a.txt:1:20 “6 kilometres”, a.txt:1:34 “9 miles”]",
    ] {
        assert!(text.contains(part), "{part:?} in\n{text}");
    }
    let out = crosscheck(&["rules", "explain", "unit-convertion"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("did you mean \"unit-conversion\""));
}

/// The ```yaml blocks of rules/README.md, each with the line it starts on.
fn readme_blocks() -> Vec<(usize, String)> {
    let readme = fs::read_to_string("rules/README.md").unwrap();
    let mut blocks = Vec::new();
    let mut current: Option<(usize, String)> = None;
    for (n, line) in readme.lines().enumerate() {
        match &mut current {
            None if line == "```yaml" => current = Some((n + 2, String::new())),
            Some(_) if line == "```" => blocks.push(current.take().unwrap()),
            Some((_, text)) => {
                text.push_str(line);
                text.push('\n');
            }
            None => {}
        }
    }
    blocks
}

/// Every YAML block of rules/README.md is a complete rules file: it loads
/// after the built-in rules and its examples pass. A block that names a
/// lexicon file gets the block after it as that file.
#[test]
fn every_yaml_block_of_the_rules_readme_loads_and_its_examples_pass() {
    use crosscheck::catalog::{Status, run_examples};
    use crosscheck::rules::RuleSet;
    let blocks = readme_blocks();
    assert!(blocks.len() >= 25, "{} blocks", blocks.len());
    for (k, (line, text)) in blocks.iter().enumerate() {
        let mut files = vec![("rules.yaml".to_string(), text.clone())];
        if let Some(named) = text.lines().find_map(|l| l.strip_prefix("  - "))
            && text.contains("\nlexicons:\n")
        {
            files.push((named.to_string(), blocks[k + 1].1.clone()));
        }
        let files: Vec<(&str, &str)> = files
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        let dir = folder(&format!("readme-{line}"), &files);
        let set = RuleSet::load(&[&dir]).unwrap_or_else(|e| panic!("rules/README.md:{line}: {e}"));
        for o in run_examples(&set) {
            let ours = o.example.source.starts_with(dir.to_str().unwrap());
            assert!(
                o.status == Status::Passed || (!ours && o.status != Status::Failed),
                "rules/README.md:{line}: {:?} {:?}",
                o.status,
                o.diff
            );
        }
    }
}

/// The keys a section accepts, read from the error serde gives for an
/// unknown one.
fn keys_of(yaml: &str) -> Vec<String> {
    let dir = folder("keys", &[("rules.yaml", yaml)]);
    let e = crosscheck::rules::RuleSet::load(&[&dir])
        .unwrap_err()
        .to_string();
    let expected = e.split_once("expected").unwrap_or_else(|| panic!("{e}")).1;
    expected
        .split('`')
        .skip(1)
        .step_by(2)
        .map(String::from)
        .collect()
}

#[test]
fn the_rules_readme_documents_every_key_parameter_and_check() {
    use crosscheck::rules::{Check, params};
    let readme = fs::read_to_string("rules/README.md").unwrap();
    let sections = [
        "version: 1\nzzz: 1\n",
        "version: 1\nrules:\n  - zzz: 1\n",
        "version: 1\nlexicon:\n  zzz: 1\n",
        "version: 1\nlexicon:\n  places:\n    - zzz: 1\n",
        "version: 1\nlexicon:\n  units:\n    u: {zzz: 1}\n",
        "version: 1\nlexicon:\n  role_modifiers: {zzz: 1}\n",
        "version: 1\nexamples:\n  - zzz: 1\n",
        "version: 1\nexamples:\n  - rule: x\n    articles: [{zzz: 1}]\n",
        "version: 1\nexamples:\n  - rule: x\n    articles: [a]\n    expect: [{zzz: 1}]\n",
    ];
    for yaml in sections {
        let keys = keys_of(yaml);
        assert!(!keys.is_empty(), "{yaml}");
        for key in keys {
            let documented =
                readme.contains(&format!("`{key}`")) || readme.contains(&format!("\n### {key}"));
            assert!(documented, "`{key}` undocumented");
        }
    }
    let row = |spec: &params::ParamSpec| {
        format!(
            "| `{}` | {} | {} | {} |",
            spec.name,
            spec.doc,
            params::Num(spec.default),
            spec.range()
        )
    };
    for check in Check::ALL {
        assert!(readme.contains(&format!("\n### {check}\n")), "{check}");
        assert!(readme.contains(&format!("`{check}`")), "{check}");
        for spec in check.params() {
            assert!(readme.contains(&row(spec)), "{}", row(spec));
        }
    }
    for spec in params::ALIGNMENT {
        assert!(readme.contains(&row(spec)), "{}", row(spec));
    }
}

/// tests/fixtures/rules-from-readme was written from rules/README.md alone:
/// it turns the built-in `event-date` off for a looser one, makes house
/// style an error and keeps its vocabulary in a lexicon file.
#[test]
fn a_rules_folder_written_from_the_readme_does_what_the_readme_says() {
    let dir = "tests/fixtures/rules-from-readme";
    let out = crosscheck(&["rules", "test", dir]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let (code, report) = json(&[
        "check",
        "--format",
        "json",
        "--rules",
        dir,
        "tests/fixtures/readme-articles",
    ]);
    assert_eq!(code, 1, "house style is an error here");
    let found: Vec<(&str, &str, Vec<&str>)> = conflicts(&report)
        .iter()
        .map(|c| {
            (
                c["rule"].as_str().unwrap(),
                c["severity"].as_str().unwrap(),
                claim_texts(c),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            ("house-style", "error", vec!["Oporto"]),
            (
                "loose-times",
                "warning",
                vec![
                    "3:40 a.m. local time",
                    "3:55 a.m. local time",
                    "4:40 a.m. local time"
                ]
            ),
        ]
    );
    assert_eq!(conflicts(&report)[0]["suggestion"], "Porto");
    assert_eq!(
        conflicts(&report)[1]["message"],
        "fire: the articles give \"3:40 a.m. local time\" / \"3:55 a.m. local time\" / \"4:40 a.m. local time\""
    );
}

/// `enabled: false` with the id alone turns off a rule defined before; the
/// id alone, or an id no rule has, is an error at the entry.
#[test]
fn a_rule_is_turned_off_by_its_id_and_enabled_alone() {
    let dir = folder(
        "enabled-alone",
        &[(
            "rules.yaml",
            "version: 1\nrules:\n  - id: event-place\n    enabled: false\n",
        )],
    );
    let (_, report) = json(&[
        "check",
        "--format",
        "json",
        "--rules",
        dir.to_str().unwrap(),
        "seeds/",
    ]);
    let rules = rules_of(&report);
    assert!(!rules.contains(&"event-place".to_string()), "{rules:?}");
    assert!(rules.contains(&"name-spelling".to_string()), "{rules:?}");
    // `--select` turns it back on, as for a rule defined with `enabled: false`.
    let (_, selected) = json(&[
        "check",
        "--format",
        "json",
        "--rules",
        dir.to_str().unwrap(),
        "--select",
        "event-place",
        "seeds/",
    ]);
    assert_eq!(rules_of(&selected), ["event-place"]);
    assert_rules_error(
        "enabled-unknown",
        "version: 1\nrules:\n  - id: event-plaice\n    enabled: false\n",
        3,
        9,
        "no rule defined before has this id",
    );
    assert_rules_error(
        "enabled-with-severity",
        "version: 1\nrules:\n  - id: event-place\n    severity: info\n",
        3,
        5,
        "missing `check`",
    );
    assert_rules_error(
        "severity-missing",
        "version: 1\nrules:\n  - id: my-places\n    check: event-place\n",
        3,
        5,
        "missing `severity`",
    );
}
