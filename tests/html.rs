//! The HTML report in a real browser: headless Chromium opens the page of a
//! fixture archive from disk, its script runs, and the DOM it leaves must
//! hold every conflict and every claim highlighted; the page of articles
//! holding `<script>`, `&`, quotes and right-to-left text must show them as
//! text and run nothing of theirs. A screenshot of the seeds' report is
//! taken; `UPDATE_DOCS=1 cargo test --test html` copies it to
//! docs/report-seeds.png, which the README shows.
//!
//! Chromium is Debian's `chromium` (`.ci/run` installs it). Without it this
//! test fails and says how to get it; `CROSSCHECK_SKIP_BROWSER=1` skips it
//! on purpose.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// The browser to run: `$CHROMIUM`, else the first of the usual names on
/// PATH. `None` (after saying so) when the test is skipped on purpose.
fn chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("CHROMIUM") {
        return Some(PathBuf::from(path));
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    let found = ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .flat_map(|name| std::env::split_paths(&path).map(move |dir| dir.join(name)))
        .find(|p| p.is_file());
    if found.is_some() {
        return found;
    }
    if std::env::var("CROSSCHECK_SKIP_BROWSER").as_deref() == Ok("1") {
        eprintln!("skipped: no Chromium, and CROSSCHECK_SKIP_BROWSER=1");
        return None;
    }
    panic!(
        "the HTML report is tested in headless Chromium, which is not installed: \
         `apt-get install chromium` (or run `bash .ci/run`, which installs it), \
         set CHROMIUM=/path/to/chrome, or set CROSSCHECK_SKIP_BROWSER=1 to skip this test"
    );
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("html-{name}"));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn crosscheck(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("COLUMNS")
        .output()
        .expect("the binary runs")
}

/// The report of `corpus` as an HTML file in `dir`, and its JSON report.
fn report(corpus: &str, dir: &Path) -> (PathBuf, Value) {
    let page = dir.join("report.html");
    let out = crosscheck(&[
        "check",
        "--format",
        "html",
        "--output",
        page.to_str().unwrap(),
        corpus,
    ]);
    assert!(
        out.status.code().unwrap() < 2,
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json = crosscheck(&["check", "--format", "json", corpus]);
    (page, serde_json::from_slice(&json.stdout).unwrap())
}

/// Chromium, headless and cut off from the network, on `page` with
/// `extra` arguments; a fresh profile each run.
fn browse(browser: &Path, page: &Path, fragment: &str, extra: &[&str], profile: &Path) -> Output {
    let url = format!("file://{}{fragment}", page.display());
    Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            &format!("--user-data-dir={}", profile.display()),
        ])
        .args(extra)
        .arg(url)
        .output()
        .expect("chromium starts")
}

/// The DOM after the page's script ran.
fn dom(browser: &Path, page: &Path, fragment: &str, dir: &Path) -> String {
    let out = browse(
        browser,
        page,
        fragment,
        &["--dump-dom"],
        &dir.join("profile-dom"),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 DOM")
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

#[test]
fn every_conflict_and_claim_is_on_the_page_and_a_click_selects_one() {
    let Some(browser) = chromium() else {
        return;
    };
    let dir = scratch("archive");
    let (page, json) = report("tests/fixtures/archive", &dir);
    let conflicts = json["conflicts"].as_array().unwrap();
    // Opened on conflict 2, as a click on it leaves the page.
    let dom = dom(&browser, &page, "#c2", &dir);
    assert!(
        dom.contains(&format!("data-ready=\"{}\"", conflicts.len())),
        "the script ran"
    );
    assert_eq!(
        count(&dom, "<li class=\"conflict "),
        conflicts.len(),
        "{dom}"
    );
    // Every claim of every conflict is highlighted in its article.
    let claims: usize = conflicts
        .iter()
        .map(|c| c["claims"].as_array().unwrap().len())
        .sum();
    let ids: Vec<String> = dom
        .split("data-claims=\"")
        .skip(1)
        .flat_map(|rest| {
            rest[..rest.find('"').unwrap()]
                .split(' ')
                .map(String::from)
                .collect::<Vec<_>>()
        })
        .collect();
    let mut distinct = ids.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), claims, "{distinct:?}");
    // Each highlighted claim holds the claim's text.
    for c in conflicts {
        for x in c["claims"].as_array().unwrap() {
            let text = x["text"].as_str().unwrap();
            assert!(dom.contains(&format!("\">{text}</mark>")), "{text}");
        }
    }
    // The selected conflict and only its claims are marked selected.
    assert!(dom.contains("id=\"c2\""), "{dom}");
    let selected_items = count(&dom, "conflict sev-error selected");
    assert_eq!(selected_items, 1, "{dom}");
    assert!(count(&dom, "claim selected") >= 2, "{dom}");
    for mark in dom
        .split("<mark ")
        .skip(1)
        .filter(|m| m.contains("claim selected"))
    {
        assert!(
            mark.contains("data-conflicts=\"2") || mark.contains(" 2\""),
            "{mark}"
        );
    }
}

#[test]
fn article_text_is_shown_as_text_and_runs_nothing() {
    let Some(browser) = chromium() else {
        return;
    };
    let dir = scratch("escaping");
    let (page, json) = report("tests/fixtures/escaping", &dir);
    let html = fs::read_to_string(&page).unwrap();
    // Nothing is fetched: no URL in any attribute, no external resource.
    assert!(!html.contains("src=\"http") && !html.contains("href=\"http"));
    assert_eq!(count(&html, "<script"), 1, "our script only");
    let dom = dom(&browser, &page, "", &dir);
    assert!(!dom.contains("pwned</title>"), "a script of an article ran");
    assert!(dom.contains("<title>crosscheck: "), "{dom}");
    assert_eq!(count(&dom, "<script"), 1, "{dom}");
    assert!(
        !dom.contains("<img"),
        "markup of an article became an element"
    );
    assert!(!dom.contains("<em>thanked"), "{dom}");
    assert!(
        dom.contains("&lt;script&gt;document.title = \"pwned\"&lt;/script&gt;"),
        "{dom}"
    );
    assert!(dom.contains("Friday &amp; that"), "{dom}");
    assert!(
        dom.contains("The &lt;b&gt;Bold&lt;/b&gt; &amp; \"Quoted\" Gazette"),
        "{dom}"
    );
    assert!(dom.contains("O'Brien Street"), "{dom}");
    // Right-to-left text as written, in columns whose direction follows it.
    assert!(dom.contains("قال مدير الميناء"), "{dom}");
    assert!(dom.contains("מנהל הנמל"), "{dom}");
    assert!(dom.contains("dir=\"auto\""), "{dom}");
    let conflicts = json["conflicts"].as_array().unwrap().len();
    assert!(
        dom.contains(&format!("data-ready=\"{conflicts}\"")),
        "{dom}"
    );
}

#[test]
fn a_screenshot_of_the_seeds_report() {
    let Some(browser) = chromium() else {
        return;
    };
    let dir = scratch("seeds");
    let (page, _) = report("seeds/", &dir);
    let shot = dir.join("report-seeds.png");
    let out = browse(
        &browser,
        &page,
        "",
        &[
            &format!("--screenshot={}", shot.display()),
            "--window-size=1366,860",
        ],
        &dir.join("profile-shot"),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let png = fs::read(&shot).unwrap();
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG");
    assert!(png.len() > 20_000, "{} bytes: a blank page?", png.len());
    if std::env::var("UPDATE_DOCS").as_deref() == Ok("1") {
        fs::copy(
            &shot,
            Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/report-seeds.png"),
        )
        .unwrap();
    }
}
