//! The `crosscheck` command line: a thin front on the library.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use crosscheck::article::{Article, Walk, load_paths_where};
use crosscheck::config::{Config, FailOn, Overrides, Source};
use crosscheck::gate::Changed;
use crosscheck::report::{Format as ReportFormat, RenderOptions, markdown};
use crosscheck::rules::RuleSet;

/// See the comment on `mimalloc` in Cargo.toml.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "crosscheck",
    version,
    about = "Find where news articles about one event disagree"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Read this config file instead of looking for crosscheck.yaml.
    #[arg(long, global = true, value_name = "FILE", conflicts_with = "no_config")]
    config: Option<PathBuf>,
    /// Read no config file.
    #[arg(long, global = true)]
    no_config: bool,
    /// Worker threads (default: one per core).
    #[arg(short = 'j', long, global = true, value_name = "N")]
    threads: Option<usize>,
    /// Read every file under a folder: no .gitignore, .ignore or
    /// hidden-file rules.
    #[arg(long, global = true)]
    no_ignore: bool,
}

/// The flags that override the config file.
#[derive(clap::Args)]
struct Settings {
    /// Folder of extra rule files; they add to the built-in rules or
    /// replace them by id. Repeatable; replaces the config's `rules`.
    #[arg(long = "rules", value_name = "DIR")]
    rules: Vec<PathBuf>,
    /// Output format [default: full]
    #[arg(long, value_parser = PossibleValuesParser::new(crosscheck::report::Format::names()).try_map(|s| s.parse::<crosscheck::report::Format>()))]
    format: Option<crosscheck::report::Format>,
    /// Exit 1 when a conflict at or above this severity is found [default: error]
    #[arg(long, value_parser = PossibleValuesParser::new(["error", "warning", "info", "never"]).try_map(|s| s.parse::<FailOn>()))]
    fail_on: Option<FailOn>,
    /// Report only conflicts that a baseline file does not record.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
}

impl Settings {
    fn overrides(self) -> Overrides {
        Overrides {
            rules: self.rules,
            fail_on: self.fail_on,
            format: self.format,
            baseline: self.baseline,
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Check articles against each other and report conflicts.
    Check {
        /// Articles: files, or folders holding .txt and .md files.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        settings: Settings,
        /// Report only conflicts involving this article of PATHS (or the
        /// articles of this folder). One path a flag; repeat it for more.
        #[arg(long, value_name = "PATH")]
        changed: Vec<PathBuf>,
        /// As --changed, with the paths read one a line from FILE (`-`:
        /// standard input), as `git diff --name-only` prints them.
        #[arg(long, value_name = "FILE")]
        changed_from: Option<PathBuf>,
        /// Check PATHS against the articles of DIR: only conflicts
        /// involving PATHS are reported. Repeatable.
        #[arg(long, value_name = "DIR", conflicts_with_all = ["changed", "changed_from"])]
        against: Vec<PathBuf>,
        /// When to colour the report.
        #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
        color: ColorChoice,
        /// Write the report to FILE instead of standard output.
        #[arg(long, value_name = "FILE")]
        output: Option<PathBuf>,
        #[command(flatten)]
        selection: Selection,
    },
    /// Record today's conflicts, for `check --baseline`.
    Baseline {
        /// Articles: files, or folders holding .txt and .md files.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Folder of extra rule files. Repeatable.
        #[arg(long = "rules", value_name = "DIR")]
        rules: Vec<PathBuf>,
        /// Write the baseline to FILE instead of standard output.
        #[arg(long, value_name = "FILE")]
        output: Option<PathBuf>,
        #[command(flatten)]
        selection: Selection,
    },
    /// Print the resolved config and where each value comes from.
    Config {
        #[command(flatten)]
        settings: Settings,
    },
    /// Measure the checker against gold files (every folder under PATH
    /// that holds a gold.yaml is one story), or, with --plant, against
    /// disagreements planted into copies of the stories under PATH.
    Eval {
        /// Folders to search for gold.yaml files; with --plant, stories as
        /// `check` reads them (files or folders).
        #[arg(required = true, value_name = "PATH")]
        dirs: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// Folder of extra rule files. Repeatable.
        #[arg(long = "rules", value_name = "DIR")]
        rules: Vec<PathBuf>,
        /// Exit 1 when the total precision is below this.
        #[arg(
            long,
            value_name = "P",
            default_value_t = 0.0,
            conflicts_with = "plant"
        )]
        min_precision: f64,
        /// Exit 1 when the total recall is below this.
        #[arg(long, value_name = "R", default_value_t = 0.0)]
        min_recall: f64,
        /// Plant up to N disagreements per story and kind into in-memory
        /// copies of the stories and count those found [N: 2].
        #[arg(long, value_name = "N", num_args = 0..=1, require_equals = true, default_missing_value = "2")]
        plant: Option<usize>,
        /// The seed the plants are drawn from.
        #[arg(long, value_name = "S", default_value_t = 1, requires = "plant")]
        seed: u64,
        /// The kinds to plant (comma-separated) [default: all]
        #[arg(long, value_name = "KIND", value_delimiter = ',', requires = "plant",
              value_parser = PossibleValuesParser::new(["spelling", "role", "figure", "place", "date"]).try_map(|s| s.parse::<crosscheck::plant::PlantKind>()))]
        kinds: Vec<crosscheck::plant::PlantKind>,
        /// With --plant, list each plant missed; twice, every plant with its
        /// line and the other conflicts it brought.
        #[arg(short, long, action = clap::ArgAction::Count, requires = "plant")]
        verbose: u8,
        #[command(flatten)]
        selection: Selection,
    },
    /// List the rules (id, check, kind, severity, where each is defined),
    /// explain one, or run their examples.
    Rules {
        #[command(subcommand)]
        action: Option<RulesAction>,
        /// Folder of extra rule files. Repeatable.
        #[arg(long = "rules", value_name = "DIR", global = true)]
        rules: Vec<PathBuf>,
        /// Output format of the list.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        #[command(flatten)]
        selection: Selection,
    },
    /// List the claims extracted from articles, one a line.
    Claims {
        /// Articles: files, or folders holding .txt and .md files.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Folder of extra rule files. Repeatable.
        #[arg(long = "rules", value_name = "DIR")]
        rules: Vec<PathBuf>,
    },
}

#[derive(Subcommand)]
enum RulesAction {
    /// What a rule checks, why, its parameters and an example.
    Explain {
        /// The rule's id.
        id: String,
    },
    /// Run the examples of the built-in rules and of each DIR's rule files;
    /// exit 1 when one fails.
    Test {
        /// Folders of rule files.
        dirs: Vec<PathBuf>,
    },
}

/// Which of the loaded rules run.
#[derive(Args)]
struct Selection {
    /// Run only these rules (ids, comma-separated or repeated), even ones
    /// turned off by `enabled: false`.
    #[arg(long, value_name = "ID", value_delimiter = ',')]
    select: Vec<String>,
    /// Do not run these rules (ids, comma-separated or repeated).
    #[arg(long, value_name = "ID", value_delimiter = ',')]
    ignore: Vec<String>,
}

impl Selection {
    fn load(&self, rules: &[PathBuf]) -> Result<RuleSet, crosscheck::error::Error> {
        let mut set = RuleSet::load(rules)?;
        set.select(&self.select, &self.ignore)?;
        Ok(set)
    }
}

/// When the report is coloured: `auto` on a terminal unless NO_COLOR is
/// set; `always` for CI logs, whatever NO_COLOR says.
#[derive(Clone, Copy, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Table,
    Json,
}

fn main() -> ExitCode {
    // `--version` carries the notices the embedded datasets' licences ask for.
    let command = Cli::command().long_version(crosscheck::attribution::long_version());
    let cli = match command
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m))
    {
        Ok(cli) => cli,
        Err(e) if e.use_stderr() => {
            say(&usage_error(&e.render().to_string()));
            return ExitCode::from(2);
        }
        // --help and --version, as clap writes them.
        Err(e) => {
            let text = e.render().to_string();
            return match print(&text) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    say(&format!("crosscheck: {e}"));
                    ExitCode::from(2)
                }
            };
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            say(&format!("crosscheck: {e}"));
            ExitCode::from(2)
        }
    }
}

/// Clap's account of a usage error ("error: ...", a tip, the usage, a
/// pointer to --help) as one line, then the usage as a hint.
fn usage_error(rendered: &str) -> String {
    let lines: Vec<&str> = rendered.lines().map(str::trim).collect();
    let reason = lines
        .iter()
        .find(|l| !l.is_empty())
        .map_or("invalid arguments", |l| {
            l.trim_start_matches("error:").trim()
        });
    match lines.iter().find_map(|l| l.strip_prefix("Usage:")) {
        Some(usage) => format!("crosscheck: {reason}\nusage: {} (see --help)", usage.trim()),
        None => format!("crosscheck: {reason}"),
    }
}

/// A line on stderr. A stderr that cannot be written to (a full disk)
/// leaves nothing else to tell: the exit status still says it.
fn say(line: &str) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{line}").and_then(|()| err.flush());
}

/// `text` on stdout. A reader that went away (`| head`) ends the run
/// quietly; any other failure (a full disk) is an error: a report that was
/// not written must not pass for one that was.
fn print(text: &str) -> Result<(), crosscheck::error::Error> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(crosscheck::error::Error::Io {
            path: PathBuf::from("standard output"),
            source: e,
        }),
        _ => Ok(()),
    }
}

fn run(cli: Cli) -> Result<ExitCode, crosscheck::error::Error> {
    if let Some(n) = cli.threads {
        crosscheck::progress::use_threads(n)?;
    }
    let source = match (cli.config, cli.no_config) {
        (Some(file), _) => Source::File(file),
        (None, true) => Source::Disabled,
        (None, false) => Source::Search(PathBuf::from(".")),
    };
    let config = |overrides| Config::resolve(&source, overrides);
    let no_ignore = cli.no_ignore;
    let rules_only = |rules| Overrides {
        rules,
        ..Overrides::default()
    };
    match cli.command {
        Command::Claims { paths, rules } => {
            list_claims(&paths, &config(rules_only(rules))?, no_ignore)
        }
        Command::Rules {
            action,
            rules,
            format,
            selection,
        } => rules_command(action, rules, format, &selection),
        Command::Config { settings } => {
            let text = config(settings.overrides())?.describe();
            print(&text)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Baseline {
            paths,
            rules,
            output,
            selection,
        } => {
            let config = config(rules_only(rules))?;
            let set = selection.load(&config.rules.value)?;
            let request = crosscheck::gate::Request {
                paths: &paths,
                exclude: &config.exclude.value,
                changed: None,
                baseline: None,
                no_ignore,
            };
            let report = gate(request, &set)?.report;
            let text = crosscheck::baseline::Baseline::of(&report).to_json();
            emit(&text, output.as_deref(), &report)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval {
            dirs,
            format,
            rules,
            min_recall,
            plant: Some(per_kind),
            seed,
            kinds,
            verbose,
            selection,
            ..
        } => {
            // `--plant 3 DIR` reads 3 as a path: say how to give a count.
            if let Some(n) = dirs
                .iter()
                .find(|d| !d.exists() && d.to_str().is_some_and(|s| s.parse::<usize>().is_ok()))
            {
                let n = n.display();
                return Err(crosscheck::error::Error::Usage {
                    message: format!(
                        "{n}: no such file or folder (for {n} plants per story and kind, write --plant={n})"
                    ),
                });
            }
            let config = config(rules_only(rules))?;
            let set = selection.load(&config.rules.value)?;
            let articles = load_articles(&dirs, &config, no_ignore)?;
            let options = crosscheck::plant::Options {
                per_kind,
                seed,
                kinds: if kinds.is_empty() {
                    crosscheck::plant::PlantKind::ALL.to_vec()
                } else {
                    kinds
                },
            };
            let eval = crosscheck::plant::evaluate(&dirs, &articles, &set, &options)?;
            let text = match format {
                Format::Json => serde_json::to_string_pretty(&eval).expect("serializes") + "\n",
                Format::Table => eval.to_table(output_width(true), verbose),
            };
            let _ = std::io::stdout().lock().write_all(text.as_bytes());
            let below = eval.total.recall.unwrap_or(0.0) < min_recall;
            Ok(ExitCode::from(if below { 1 } else { 0 }))
        }
        Command::Eval {
            dirs,
            format,
            rules,
            min_precision,
            min_recall,
            plant: None,
            selection,
            ..
        } => {
            let set = selection.load(&config(rules_only(rules))?.rules.value)?;
            let eval = crosscheck::eval::evaluate(&dirs, &set)?;
            let text = match format {
                Format::Json => serde_json::to_string_pretty(&eval).expect("serializes") + "\n",
                Format::Table => eval.to_table(output_width(true)),
            };
            print(&text)?;
            let t = &eval.total;
            let below = t.precision() < min_precision
                || t.recall() < min_recall
                || t.traps > 0 && min_precision > 0.0;
            Ok(ExitCode::from(if below { 1 } else { 0 }))
        }
        Command::Check {
            paths,
            settings,
            changed,
            changed_from,
            against,
            color,
            output,
            selection,
        } => {
            let config = config(settings.overrides())?;
            if let (Some(out), Some(baseline)) = (&output, &config.baseline.value)
                && crosscheck::paths::identity(out) == crosscheck::paths::identity(baseline)
            {
                return Err(crosscheck::error::Error::Usage {
                    message: format!(
                        "{}: is the baseline being read; the report will not overwrite it",
                        out.display()
                    ),
                });
            }
            let set = selection.load(&config.rules.value)?;
            // `check FILE --against DIR`: FILE is the change, DIR the rest.
            let (corpus, changed) = if against.is_empty() {
                let mut listed = Vec::new();
                if let Some(from) = &changed_from {
                    listed = crosscheck::paths::read_list(from)?;
                }
                let wanted = !changed.is_empty() || changed_from.is_some();
                (
                    paths,
                    wanted.then_some(Changed {
                        named: changed,
                        listed,
                    }),
                )
            } else {
                let corpus = against.iter().chain(&paths).cloned().collect();
                (
                    corpus,
                    Some(Changed {
                        named: paths,
                        listed: Vec::new(),
                    }),
                )
            };
            let request = crosscheck::gate::Request {
                paths: &corpus,
                exclude: &config.exclude.value,
                changed,
                baseline: config.baseline.value.as_deref(),
                no_ignore,
            };
            let outcome = gate(request, &set)?;
            let report = &outcome.report;
            let format = config.format.value;
            let to_terminal = output.is_none() && std::io::stdout().is_terminal();
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            let help = match format {
                ReportFormat::Sarif | ReportFormat::Html => crosscheck::catalog::help(&set),
                _ => Default::default(),
            };
            let options = RenderOptions {
                width: output_width(output.is_none()),
                colour: match color {
                    ColorChoice::Always => true,
                    ColorChoice::Never => false,
                    ColorChoice::Auto => to_terminal && !no_color,
                },
                rules: &set.rules,
                link_base: markdown::link_base(|k| std::env::var(k).ok()),
                articles: &outcome.articles,
                help: &help,
            };
            emit(&report.render(format, &options), output.as_deref(), report)?;
            // GitHub shows few annotations; the job summary gets them all.
            if format == ReportFormat::Github
                && let Some(summary) = std::env::var_os("GITHUB_STEP_SUMMARY")
            {
                let text = report.render(ReportFormat::Markdown, &options);
                crosscheck::output::append(std::path::Path::new(&summary), text.as_bytes())?;
            }
            let failed = config.fail_on.value.fails(report.worst());
            Ok(ExitCode::from(if failed { 1 } else { 0 }))
        }
    }
}

fn rules_command(
    action: Option<RulesAction>,
    mut rules: Vec<PathBuf>,
    format: Format,
    selection: &Selection,
) -> Result<ExitCode, crosscheck::error::Error> {
    use crosscheck::catalog;
    if let Some(RulesAction::Test { dirs }) = &action {
        rules.extend(dirs.iter().cloned());
    }
    let set = selection.load(&rules)?;
    let (text, code) = match action {
        None => match format {
            Format::Json => (catalog::list_json(&set), 0),
            Format::Table => (catalog::list_table(&set, output_width(true)), 0),
        },
        Some(RulesAction::Explain { id }) => (catalog::explain(&set, &id)?, 0),
        Some(RulesAction::Test { .. }) => {
            let outcomes = catalog::run_examples(&set);
            let failed = outcomes.iter().any(|o| o.status == catalog::Status::Failed);
            (catalog::examples_report(&set, &outcomes), u8::from(failed))
        }
    };
    print(&text)?;
    Ok(ExitCode::from(code))
}

/// The report to `output` (atomically) or to standard output, where a
/// closed pipe (`| head`) ends the run quietly.
fn emit(
    text: &str,
    output: Option<&std::path::Path>,
    report: &crosscheck::report::Report,
) -> Result<(), crosscheck::error::Error> {
    match output {
        Some(file) => crosscheck::output::write_atomic(
            file,
            text.as_bytes(),
            report.articles.iter().map(|a| a.path.as_str()),
        ),
        None => print(text),
    }
}

fn list_claims(
    paths: &[PathBuf],
    config: &Config,
    no_ignore: bool,
) -> Result<ExitCode, crosscheck::error::Error> {
    let set = RuleSet::load(&config.rules.value)?;
    let articles = load_articles(paths, config, no_ignore)?;
    let mut out = String::new();
    for a in &articles {
        for c in crosscheck::extract::extract(a, &set.lexicon).all() {
            let s = c.span();
            let (kind, value) = c.describe();
            out.push_str(&format!(
                "{}:{}:{}\t{kind}\t{}\t{value}\n",
                s.path,
                s.line,
                s.column,
                c.text()
            ));
        }
    }
    print(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// A gate run, with a warning on stderr for each file skipped.
fn gate(
    request: crosscheck::gate::Request,
    set: &RuleSet,
) -> Result<crosscheck::gate::Outcome, crosscheck::error::Error> {
    let outcome = crosscheck::gate::run(request, set)?;
    warn_skipped(&outcome.skipped);
    Ok(outcome)
}

/// Loads the articles less those excluded, with a warning on stderr for
/// each file skipped.
fn load_articles(
    paths: &[PathBuf],
    config: &Config,
    no_ignore: bool,
) -> Result<Vec<Article>, crosscheck::error::Error> {
    let exclude = config.exclude.value.clone();
    let walk = Walk {
        keep: std::sync::Arc::new(move |p: &Path| !exclude.excludes(p)),
        ignore_files: !no_ignore,
    };
    let loaded = load_paths_where(paths, &walk)?;
    warn_skipped(&loaded.skipped);
    Ok(loaded.articles)
}

fn warn_skipped(skipped: &[crosscheck::article::Skipped]) {
    for file in skipped {
        say(&format!("crosscheck: warning: {file}"));
    }
}

/// The width of the terminal standard output is, with `COLUMNS` as an
/// override that never makes it wider; `COLUMNS` or 100 columns for a pipe
/// or a file.
fn output_width(to_stdout: bool) -> u16 {
    let columns = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<u16>().ok())
        .filter(|&c| c > 0);
    let terminal = to_stdout
        .then(|| terminal_size::terminal_size_of(std::io::stdout()))
        .flatten()
        .map(|(w, _)| w.0)
        .filter(|&w| w > 0);
    match (columns, terminal) {
        (Some(c), Some(t)) => c.min(t),
        (c, t) => c.or(t).unwrap_or(100),
    }
}
