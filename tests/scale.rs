//! Archive-scale behaviour on small generated archives: the blocked name
//! search finds what comparing every name finds, and the output does not
//! depend on the number of threads.

use std::path::{Path, PathBuf};
use std::process::Command;

use crosscheck::align::{Search, align_with};
use crosscheck::article::load_paths;
use crosscheck::rules::RuleSet;

/// A generated archive in a folder of its own, removed when dropped.
struct Archive(PathBuf);

impl Drop for Archive {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The `gen_corpus` example of this build (`cargo test` builds examples;
/// a filtered run may not have, so it is built here if missing).
fn generator() -> PathBuf {
    let exe = std::env::current_exe().expect("test path");
    let profile_dir = exe
        .parent()
        .and_then(Path::parent)
        .expect("target/<profile>/deps");
    let path = profile_dir
        .join("examples")
        .join(format!("gen_corpus{}", std::env::consts::EXE_SUFFIX));
    if !path.exists() {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let status = Command::new(cargo)
            .args(["build", "--quiet", "--example", "gen_corpus"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .status()
            .expect("cargo runs");
        assert!(status.success(), "gen_corpus builds");
    }
    path
}

fn generate(name: &str, stories: usize, seed: u64) -> Archive {
    let dir = std::env::temp_dir().join(format!("crosscheck-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let out = Command::new(generator())
        .args([
            "--stories",
            &stories.to_string(),
            "--seed",
            &seed.to_string(),
        ])
        .arg("--out")
        .arg(&dir)
        .output()
        .expect("gen_corpus runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Archive(dir)
}

/// The people found by each search, as the report would read them.
fn people(paths: &[PathBuf], search: Search) -> String {
    let set = RuleSet::load(&[] as &[&str]).expect("built-in rules");
    let articles = load_paths(paths).expect("articles load").articles;
    let claims = articles
        .iter()
        .map(|a| crosscheck::extract::extract(a, &set.lexicon))
        .collect();
    let aligned = align_with(&articles, claims, &set.lexicon, search);
    format!("{:#?}", aligned.people)
}

#[test]
fn blocked_name_search_finds_the_people_of_the_exhaustive_one() {
    // All stories as one: names from different stories meet, share given
    // names and surnames, and must still come out as the same people.
    let archive = generate("blocking", 40, 11);
    let paths = [archive.0.clone()];
    let blocked = people(&paths, Search::Blocked);
    assert!(blocked.matches("PersonSubject").count() > 100, "{blocked}");
    assert_eq!(blocked, people(&paths, Search::Exhaustive));
}

#[test]
fn blocked_name_search_agrees_on_real_articles() {
    // Real names: diacritics, initials, nicknames, East Asian order.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let paths: Vec<PathBuf> = ["seeds", "tests/corpus/dev", "tests/corpus/real"]
        .iter()
        .map(|p| root.join(p))
        .collect();
    assert_eq!(
        people(&paths, Search::Blocked),
        people(&paths, Search::Exhaustive)
    );
}

fn check_json(paths: &[&Path], threads: &str, flag: bool) -> Vec<u8> {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_crosscheck"));
    if flag {
        cmd.args(["-j", threads]);
    } else {
        cmd.env("RAYON_NUM_THREADS", threads);
    }
    let out = cmd
        .args(["check", "--format", "json", "--fail-on", "never"])
        .args(paths)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stderr.is_empty(), "no progress bar off a terminal");
    out.stdout
}

#[test]
fn output_is_the_same_whatever_the_thread_count() {
    let archive = generate("threads", 20, 5);
    let real = Path::new("tests/corpus");
    let paths = [archive.0.as_path(), real];
    let one = check_json(&paths, "1", false);
    assert!(one.len() > 10_000);
    assert_eq!(one, check_json(&paths, "4", false));
    assert_eq!(one, check_json(&paths, "4", true));
    assert_eq!(one, check_json(&paths, "3", true));
}
