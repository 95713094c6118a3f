//! The `crosscheck` command line: a thin front on the library.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use crosscheck::article::load_paths;
use crosscheck::rules::{RuleSet, Severity};

#[derive(Parser)]
#[command(
    name = "crosscheck",
    version,
    about = "Find where news articles about one event disagree"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Worker threads (default: one per core).
    #[arg(short = 'j', long, global = true, value_name = "N")]
    threads: Option<usize>,
}

#[derive(Subcommand)]
enum Command {
    /// Check articles against each other and report conflicts.
    Check {
        /// Articles: files, or folders holding .txt and .md files.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// Folder of extra rule files; they add to the built-in rules or
        /// replace them by id. Repeatable.
        #[arg(long = "rules", value_name = "DIR")]
        rules: Vec<PathBuf>,
        /// Exit 1 when a conflict at or above this severity is found.
        #[arg(long, value_enum, default_value_t = FailOn::Error)]
        fail_on: FailOn,
        #[command(flatten)]
        selection: Selection,
    },
    /// Measure the checker against gold files: every folder under DIR that
    /// holds a gold.yaml is one story.
    Eval {
        /// Folders to search for gold.yaml files.
        #[arg(required = true)]
        dirs: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// Folder of extra rule files. Repeatable.
        #[arg(long = "rules", value_name = "DIR")]
        rules: Vec<PathBuf>,
        /// Exit 1 when the total precision is below this.
        #[arg(long, value_name = "P", default_value_t = 0.0)]
        min_precision: f64,
        /// Exit 1 when the total recall is below this.
        #[arg(long, value_name = "R", default_value_t = 0.0)]
        min_recall: f64,
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

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Table,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("crosscheck: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, crosscheck::error::Error> {
    if let Some(n) = cli.threads {
        crosscheck::progress::use_threads(n)?;
    }
    match cli.command {
        Command::Claims { paths, rules } => list_claims(&paths, &rules),
        Command::Rules {
            action,
            rules,
            format,
            selection,
        } => rules_command(action, rules, format, &selection),
        Command::Eval {
            dirs,
            format,
            rules,
            min_precision,
            min_recall,
            selection,
        } => {
            let set = selection.load(&rules)?;
            let eval = crosscheck::eval::evaluate(&dirs, &set)?;
            let text = match format {
                Format::Json => serde_json::to_string_pretty(&eval).expect("serializes") + "\n",
                Format::Table => eval.to_table(output_width()),
            };
            let _ = std::io::stdout().lock().write_all(text.as_bytes());
            let t = &eval.total;
            let below = t.precision() < min_precision
                || t.recall() < min_recall
                || t.traps > 0 && min_precision > 0.0;
            Ok(ExitCode::from(if below { 1 } else { 0 }))
        }
        Command::Check {
            paths,
            format,
            rules,
            fail_on,
            selection,
        } => {
            let set = selection.load(&rules)?;
            let articles = load_paths(&paths)?;
            let bar = crosscheck::progress::Bar::for_articles(articles.len());
            let report = crosscheck::check_with(&articles, &set, &|| bar.tick())?;
            drop(bar);
            let text = match format {
                Format::Json => report.to_json(),
                Format::Table => report.to_table(output_width()),
            };
            // A closed stdout (`| head`) ends the run quietly.
            let _ = std::io::stdout().lock().write_all(text.as_bytes());
            let failed = match (fail_on.threshold(), report.worst()) {
                (Some(t), Some(w)) => w >= t,
                _ => false,
            };
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
            Format::Table => (catalog::list_table(&set, output_width()), 0),
        },
        Some(RulesAction::Explain { id }) => (catalog::explain(&set, &id)?, 0),
        Some(RulesAction::Test { .. }) => {
            let outcomes = catalog::run_examples(&set);
            let failed = outcomes.iter().any(|o| o.status == catalog::Status::Failed);
            (catalog::examples_report(&set, &outcomes), u8::from(failed))
        }
    };
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    Ok(ExitCode::from(code))
}

fn list_claims(paths: &[PathBuf], rules: &[PathBuf]) -> Result<ExitCode, crosscheck::error::Error> {
    let set = RuleSet::load(rules)?;
    let articles = load_paths(paths)?;
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
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    Ok(ExitCode::SUCCESS)
}

/// The terminal's width where there is one (from `COLUMNS`), else 100.
fn output_width() -> u16 {
    let columns = || std::env::var("COLUMNS").ok()?.parse().ok();
    if std::io::stdout().is_terminal() {
        columns().unwrap_or(100)
    } else {
        100
    }
}
