//! End-to-end benchmark: generates archives (or reuses them), times
//! `crosscheck check --format json` on each, and prints a Markdown table.
//!
//! ```sh
//! cargo build --release --examples && cargo run --release --example bench
//! cargo run --release --example bench -- --articles 1000,10000 --runs 5
//! ```
//!
//! Each archive is `gen_corpus` output with a story for every four articles
//! (stories have two to six), kept under `--dir` so later runs reuse it.
//! Wall time is the median of `--runs` runs; peak memory is the largest
//! resident set of the `crosscheck` process over those runs, as the kernel
//! reports it when the process is reaped.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use clap::Parser;

#[derive(Parser)]
#[command(about = "Time crosscheck check on generated archives")]
struct Args {
    /// Archive sizes, in articles.
    #[arg(long, value_delimiter = ',', default_value = "1000,10000,100000")]
    articles: Vec<usize>,
    /// Runs per size; the median is reported.
    #[arg(long, default_value_t = 3)]
    runs: usize,
    /// Where the archives are written and reused.
    #[arg(long, default_value = "/tmp/crosscheck-bench")]
    dir: PathBuf,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Passed on as `-j N`; the default is one thread per core.
    #[arg(long)]
    threads: Option<usize>,
}

/// What one size measured.
struct Row {
    articles: usize,
    stories: usize,
    bytes: u64,
    seconds: f64,
    /// CPU seconds (user and system) of the median run by wall time.
    cpu: f64,
    claims: u64,
    conflicts: u64,
    peak_rss: u64,
}

fn main() {
    let args = Args::parse();
    let bin_dir = sibling_dir();
    let crosscheck = bin_dir.join("crosscheck");
    let generator = bin_dir.join("examples").join("gen_corpus");
    for exe in [&crosscheck, &generator] {
        if !exe.exists() {
            fail(&format!(
                "{} is missing: run `cargo build --release --examples` first",
                exe.display()
            ));
        }
    }
    let before = machine();
    let mut rows = Vec::new();
    for &n in &args.articles {
        let archive = archive(&generator, &args.dir, n, args.seed);
        let (articles, stories, bytes) = measure_input(&archive);
        let mut times = Vec::new();
        let mut peak = 0;
        let mut summary = (0, 0);
        for run in 0..args.runs {
            let measured = time_check(&crosscheck, &archive, args.threads);
            eprintln!(
                "{n} articles, run {}: {:.3} s, {:.3} s CPU, {:.1} MB peak",
                run + 1,
                measured.seconds,
                measured.cpu,
                measured.peak as f64 / 1e6
            );
            times.push((measured.seconds, measured.cpu));
            peak = peak.max(measured.peak);
            summary = measured.summary;
        }
        times.sort_by(|a, b| a.0.total_cmp(&b.0));
        let (seconds, cpu) = times[times.len() / 2];
        rows.push(Row {
            articles,
            stories,
            bytes,
            seconds,
            cpu,
            claims: summary.0,
            conflicts: summary.1,
            peak_rss: peak,
        });
    }
    let command: Vec<String> = std::env::args().skip(1).collect();
    println!(
        "`cargo run --release --example bench -- {}`\n\n{before} before the runs, {} after\n",
        command.join(" "),
        load()
    );
    print!("{}", table(&rows, args.runs));
}

/// `target/release`: the folder holding the `examples` folder this runs from.
fn sibling_dir() -> PathBuf {
    let exe = std::env::current_exe().unwrap_or_else(|e| fail(&e.to_string()));
    exe.parent()
        .and_then(Path::parent)
        .map(Path::to_path_buf)
        .unwrap_or_else(|| fail("cannot find the target folder"))
}

fn fail(message: &str) -> ! {
    eprintln!("bench: {message}");
    std::process::exit(2)
}

/// The machine and its load, for the record.
fn machine() -> String {
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name"))
        .map(|l| l.trim_start_matches([' ', '\t', ':']).to_string())
        .unwrap_or_else(|| "unknown CPU".into());
    format!("{cores} cores, {model}; load average {}", load())
}

/// The load averages over 1, 5 and 15 minutes.
fn load() -> String {
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    load.split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The archive of about `articles` articles, generated unless a complete
/// one is there already.
fn archive(generator: &Path, dir: &Path, articles: usize, seed: u64) -> PathBuf {
    let stories = articles.div_ceil(4);
    let path = dir.join(format!("articles-{articles}-seed-{seed}"));
    let stamp = path.join(".complete");
    if stamp.exists() {
        return path;
    }
    let _ = std::fs::remove_dir_all(&path);
    eprintln!("generating {stories} stories in {}", path.display());
    let status = Command::new(generator)
        .args([
            "--stories",
            &stories.to_string(),
            "--seed",
            &seed.to_string(),
        ])
        .arg("--out")
        .arg(&path)
        .status()
        .unwrap_or_else(|e| fail(&format!("gen_corpus: {e}")));
    if !status.success() {
        fail("gen_corpus failed");
    }
    std::fs::write(&stamp, "").unwrap_or_else(|e| fail(&e.to_string()));
    path
}

/// Articles, stories (folders) and bytes of article text in an archive.
fn measure_input(archive: &Path) -> (usize, usize, u64) {
    let (mut articles, mut stories, mut bytes) = (0, 0, 0);
    let read = |p: &Path| std::fs::read_dir(p).unwrap_or_else(|e| fail(&e.to_string()));
    for story in read(archive).flatten() {
        if !story.path().is_dir() {
            continue;
        }
        stories += 1;
        for file in read(&story.path()).flatten() {
            let p = file.path();
            if matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "md")) {
                articles += 1;
                bytes += file.metadata().map_or(0, |m| m.len());
            }
        }
    }
    (articles, stories, bytes)
}

/// What one run of `crosscheck check` measured.
struct Measured {
    seconds: f64,
    cpu: f64,
    peak: u64,
    /// (claims, conflicts) from the report's summary.
    summary: (u64, u64),
}

fn time_check(crosscheck: &Path, archive: &Path, threads: Option<usize>) -> Measured {
    let mut cmd = Command::new(crosscheck);
    if let Some(n) = threads {
        cmd.args(["-j", &n.to_string()]);
    }
    cmd.args(["check", "--format", "json", "--fail-on", "never"])
        .arg(archive)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit());
    let start = Instant::now();
    #[expect(
        clippy::zombie_processes,
        reason = "wait_with_usage reaps it, with wait4"
    )]
    let mut child = cmd
        .spawn()
        .unwrap_or_else(|e| fail(&format!("crosscheck: {e}")));
    let mut stdout = child.stdout.take().expect("stdout is piped");
    let reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        stdout.read_to_end(&mut out).map(|_| out)
    });
    let (status, cpu, peak) = wait_with_usage(child.id());
    let seconds = start.elapsed().as_secs_f64();
    let out = reader
        .join()
        .expect("reader thread")
        .unwrap_or_else(|e| fail(&e.to_string()));
    if status != 0 {
        fail(&format!("crosscheck exited with {status}"));
    }
    let report: serde_json::Value =
        serde_json::from_slice(&out).unwrap_or_else(|e| fail(&format!("report: {e}")));
    let count = |k: &str| report["summary"][k].as_u64().unwrap_or(0);
    Measured {
        seconds,
        cpu,
        peak,
        summary: (count("claims"), count("conflicts")),
    }
}

/// Reaps child `pid`: its exit code, CPU seconds and the peak of its
/// resident set, which `wait4` reports for that one child (std's `wait`
/// does not).
fn wait_with_usage(pid: u32) -> (i32, f64, u64) {
    let mut status = 0;
    // SAFETY: `rusage` is plain data the kernel fills in; `pid` is our own
    // child, reaped once here and never waited on again.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let reaped = unsafe { libc::wait4(pid as libc::pid_t, &mut status, 0, &mut usage) };
    if reaped < 0 {
        fail(&std::io::Error::last_os_error().to_string());
    }
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -1
    };
    let seconds = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    let cpu = seconds(usage.ru_utime) + seconds(usage.ru_stime);
    // Linux reports kilobytes.
    (code, cpu, usage.ru_maxrss as u64 * 1024)
}

fn table(rows: &[Row], runs: usize) -> String {
    let mut out = format!(
        "| articles | stories | input MB | wall s (median of {runs}) | CPU s | MB/s | articles/s | claims | conflicts | peak RSS MB | RSS / input |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
    );
    for r in rows {
        let mb = r.bytes as f64 / 1e6;
        out.push_str(&format!(
            "| {} | {} | {:.1} | {:.3} | {:.2} | {:.1} | {:.0} | {} | {} | {:.1} | {:.2} |\n",
            r.articles,
            r.stories,
            mb,
            r.seconds,
            r.cpu,
            mb / r.seconds,
            r.articles as f64 / r.seconds,
            r.claims,
            r.conflicts,
            r.peak_rss as f64 / 1e6,
            r.peak_rss as f64 / r.bytes as f64,
        ));
    }
    // The targets, where the sizes measured allow a verdict.
    let find = |n: usize| rows.iter().find(|r| r.articles.abs_diff(n) * 20 < n);
    out.push('\n');
    let slowest = rows
        .iter()
        .map(|r| r.bytes as f64 / 1e6 / r.seconds)
        .fold(f64::INFINITY, f64::min);
    out.push_str(&format!(
        "- end to end at least 30 MB/s: slowest {slowest:.1} MB/s\n"
    ));
    if let Some(big) = find(100_000) {
        out.push_str(&format!(
            "- 100k articles under 10 s: {:.2} s\n",
            big.seconds
        ));
        if let Some(mid) = find(10_000) {
            out.push_str(&format!(
                "- time for 100k at most 11x the time for 10k: {:.1}x\n",
                big.seconds / mid.seconds
            ));
        }
    }
    let worst = rows
        .iter()
        .map(|r| r.peak_rss as f64 / r.bytes as f64)
        .fold(0.0, f64::max);
    out.push_str(&format!(
        "- peak memory at most 3x the input: worst {worst:.2}x\n"
    ));
    out
}
