//! The README's sample outputs are the binary's: every fenced block that
//! opens with a `$ crosscheck ...` line is run, and its output must be the
//! rest of the block. When findings change on purpose, refresh them with
//!
//! ```sh
//! UPDATE_README=1 cargo test --test readme
//! ```
//!
//! and review the diff of README.md.

use std::fs;
use std::process::Command;

/// A sample: the line of its command in the README, the arguments, and
/// the byte range of the output it shows.
struct Sample {
    line: usize,
    args: Vec<String>,
    output: std::ops::Range<usize>,
}

fn samples(readme: &str) -> Vec<Sample> {
    let mut out = Vec::new();
    let mut offset = 0;
    let mut lines = readme.split_inclusive('\n').enumerate().peekable();
    while let Some((n, line)) = lines.next() {
        offset += line.len();
        if line.trim_end() != "```" {
            continue;
        }
        let Some(&(_, first)) = lines.peek() else {
            break;
        };
        let Some(command) = first.trim_end().strip_prefix("$ crosscheck ") else {
            continue;
        };
        lines.next();
        offset += first.len();
        let start = offset;
        for (_, l) in lines.by_ref() {
            if l.trim_end() == "```" {
                out.push(Sample {
                    line: n + 2,
                    args: command.split_whitespace().map(String::from).collect(),
                    output: start..offset,
                });
                offset += l.len();
                break;
            }
            offset += l.len();
        }
    }
    out
}

fn run(args: &[String]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("COLUMNS")
        .env_remove("NO_COLOR")
        .output()
        .expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("UTF-8 output"),
    )
}

#[test]
fn the_readme_shows_what_the_binary_prints() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = fs::read_to_string(path).unwrap();
    let samples = samples(&readme);
    assert!(samples.len() >= 2, "the README shows `check` and `eval`");
    assert!(
        samples.iter().any(|s| s.args[..2] == ["check", "seeds/"]),
        "the README shows `crosscheck check seeds/`"
    );
    let update = std::env::var("UPDATE_README").as_deref() == Ok("1");
    let mut updated = readme.clone();
    let mut stale = Vec::new();
    // From the last, so that earlier ranges stay valid while replacing.
    for s in samples.iter().rev() {
        let (code, actual) = run(&s.args);
        assert!(code == 0 || code == 1, "README.md:{}: exit {code}", s.line);
        if s.args[..2] == ["check", "seeds/"] {
            assert_eq!(code, 1, "the seeds disagree, so the gate fails");
        }
        if readme[s.output.clone()] != actual {
            stale.push(s.line);
            updated.replace_range(s.output.clone(), &actual);
        }
    }
    if update {
        if updated != readme {
            fs::write(path, updated).unwrap();
        }
        return;
    }
    assert!(
        stale.is_empty(),
        "README.md: the samples at lines {stale:?} differ from what the binary prints; \
         refresh them with `UPDATE_README=1 cargo test --test readme` and review the diff"
    );
}

#[test]
fn the_readme_says_how_to_install_and_why_the_first_run_exits_1() {
    let readme = fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    assert!(readme.contains("cargo install --locked --path ."));
    assert!(readme.contains("cargo install --locked --git "));
    assert!(readme.contains("exits with status 1"));
    assert!(readme.contains("(docs/report-seeds.png)"));
    assert!(
        std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/docs/report-seeds.png"
        ))
        .is_file()
    );
}
