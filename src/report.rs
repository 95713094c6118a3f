//! Reports: a table for people, JSON for tools, and the formats CI systems
//! read (SARIF, GitHub workflow commands, Markdown for a pull request).

pub mod github;
pub mod markdown;
pub mod sarif;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::str::FromStr;

use comfy_table::{Cell, Color, ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};
use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::rules::{Conflict, ConflictClaim, Rule, Severity};

/// Everything a check found, as reported.
#[derive(Debug)]
pub struct Report {
    pub articles: Vec<ArticleInfo>,
    pub conflicts: Vec<Conflict>,
    pub summary: Summary,
    /// The changed articles, when only conflicts involving them are kept.
    pub changed: Option<Vec<String>>,
    /// What a baseline hid, when one was applied.
    pub baseline: Option<BaselineSummary>,
    /// Article path -> index in `articles`, to find a claim's story.
    by_path: BTreeMap<String, usize>,
}

#[derive(Debug, Serialize)]
pub struct ArticleInfo {
    pub path: String,
    pub title: String,
    pub story: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Summary {
    pub articles: usize,
    pub claims: usize,
    pub conflicts: usize,
    pub stories: usize,
}

/// Conflicts a baseline knew: `known` were found again and are not
/// reported; `fixed` entries were not found any more.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct BaselineSummary {
    pub file: String,
    pub known: usize,
    pub fixed: usize,
}

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Table,
    Json,
    Sarif,
    Github,
    Markdown,
}

impl Format {
    pub const ALL: [Format; 5] = [
        Format::Table,
        Format::Json,
        Format::Sarif,
        Format::Github,
        Format::Markdown,
    ];
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Table => "table",
            Format::Json => "json",
            Format::Sarif => "sarif",
            Format::Github => "github",
            Format::Markdown => "markdown",
        })
    }
}

impl FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Format::ALL
            .into_iter()
            .find(|f| f.to_string() == s)
            .ok_or_else(|| format!("unknown format {s:?} (table, json, sarif, github, markdown)"))
    }
}

/// What makes a conflict the same one from run to run: its rule, its
/// subject and the values in conflict, not lines, which edits move.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Identity {
    pub rule: String,
    pub subject: String,
    pub values: Vec<String>,
}

pub fn identity(c: &Conflict) -> Identity {
    let values: BTreeSet<&str> = c.claims.iter().map(|x| x.value.as_str()).collect();
    Identity {
        rule: c.rule.clone(),
        subject: c.subject.clone(),
        values: values.into_iter().map(String::from).collect(),
    }
}

impl Identity {
    /// A stable hash of the identity (64-bit FNV-1a, which does not change
    /// between Rust versions as the standard hasher may).
    pub fn fingerprint(&self) -> String {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        let parts = [&self.rule, &self.subject].into_iter().chain(&self.values);
        for part in parts {
            for b in part.bytes().chain([0]) {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x0000_0100_0000_01b3);
            }
        }
        format!("{h:016x}")
    }
}

/// What rendering needs beyond the report.
pub struct RenderOptions<'a> {
    /// Width of the table.
    pub width: u16,
    /// Colour the table's severities (a terminal without NO_COLOR).
    pub colour: bool,
    /// The rules that ran, for SARIF's rule list.
    pub rules: &'a [Rule],
    /// Where links to articles point in Markdown: a URL the path is
    /// appended to, or `None` for relative links.
    pub link_base: Option<String>,
}

/// The JSON contract: the report as it was, plus stories, changed articles
/// and baseline counts.
#[derive(Serialize)]
struct JsonReport<'a> {
    articles: &'a [ArticleInfo],
    conflicts: Vec<JsonConflict<'a>>,
    summary: &'a Summary,
    #[serde(skip_serializing_if = "Option::is_none")]
    changed: Option<&'a [String]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline: Option<&'a BaselineSummary>,
}

#[derive(Serialize)]
struct JsonConflict<'a> {
    #[serde(flatten)]
    conflict: &'a Conflict,
    /// The story, when all claims lie in one.
    #[serde(skip_serializing_if = "Option::is_none")]
    story: Option<&'a str>,
    stories: Vec<&'a str>,
}

impl Report {
    pub fn new(articles: &[Article], claims: usize, conflicts: Vec<Conflict>) -> Self {
        let stories: BTreeSet<&str> = articles.iter().map(|a| &*a.story).collect();
        Report {
            articles: articles
                .iter()
                .map(|a| ArticleInfo {
                    path: a.path.to_string(),
                    title: a.title.clone(),
                    story: a.story.to_string(),
                    source: a.source.clone(),
                    published: a.published.clone(),
                })
                .collect(),
            summary: Summary {
                articles: articles.len(),
                claims,
                conflicts: conflicts.len(),
                stories: stories.len(),
            },
            conflicts,
            changed: None,
            baseline: None,
            by_path: articles
                .iter()
                .enumerate()
                .map(|(i, a)| (a.path.to_string(), i))
                .collect(),
        }
    }

    pub fn worst(&self) -> Option<Severity> {
        self.conflicts.iter().map(|c| c.severity).max()
    }

    /// Keeps the conflicts `keep` accepts, and the count in step.
    pub fn retain(&mut self, keep: impl FnMut(&Conflict) -> bool) {
        self.conflicts.retain(keep);
        self.summary.conflicts = self.conflicts.len();
    }

    /// Keeps only conflicts with a claim in one of `changed` (article paths
    /// as loaded): what a change brings in, compared with the whole corpus.
    pub fn keep_changed(&mut self, changed: &[String]) {
        let set: BTreeSet<&str> = changed.iter().map(String::as_str).collect();
        self.retain(|c| c.claims.iter().any(|x| set.contains(&*x.span.path)));
        let mut sorted = changed.to_vec();
        sorted.sort();
        sorted.dedup();
        self.changed = Some(sorted);
    }

    /// The stories of the articles a conflict's claims come from, sorted.
    pub fn stories_of(&self, conflict: &Conflict) -> Vec<&str> {
        let stories: BTreeSet<&str> = conflict
            .claims
            .iter()
            .filter_map(|x| self.article(&x.span.path).map(|a| a.story.as_str()))
            .collect();
        stories.into_iter().collect()
    }

    fn article(&self, path: &str) -> Option<&ArticleInfo> {
        self.by_path.get(path).map(|&i| &self.articles[i])
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.conflicts
            .iter()
            .filter(|c| c.severity == severity)
            .count()
    }

    /// One line a person reads: counts, and what was left out.
    pub fn summary_line(&self) -> String {
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        let n = self.conflicts.len();
        let mut line = format!(
            "{n} conflict{} ({} error, {} warning, {} info) in {} article{}",
            plural(n),
            self.count(Severity::Error),
            self.count(Severity::Warning),
            self.count(Severity::Info),
            self.summary.articles,
            plural(self.summary.articles),
        );
        if self.summary.stories > 1 {
            line.push_str(&format!(" of {} stories", self.summary.stories));
        }
        line.push_str(&format!(", {} claims", self.summary.claims));
        if let Some(changed) = &self.changed {
            line.push_str(&format!(
                "; only those involving the {} changed article{}",
                changed.len(),
                plural(changed.len())
            ));
        }
        if let Some(b) = &self.baseline {
            line.push_str(&format!(
                "; {} known from {} not shown, {} fixed",
                b.known, b.file, b.fixed
            ));
        }
        line
    }

    pub fn render(&self, format: Format, options: &RenderOptions) -> String {
        match format {
            Format::Table => self.to_table(options.width, options.colour),
            Format::Json => self.to_json(),
            Format::Sarif => sarif::render(self, options.rules),
            Format::Github => github::render(self),
            Format::Markdown => markdown::render(self, options.link_base.as_deref()),
        }
    }

    pub fn to_json(&self) -> String {
        let view = JsonReport {
            articles: &self.articles,
            conflicts: self
                .conflicts
                .iter()
                .map(|c| {
                    let stories = self.stories_of(c);
                    JsonConflict {
                        conflict: c,
                        story: (stories.len() == 1).then(|| stories[0]),
                        stories,
                    }
                })
                .collect(),
            summary: &self.summary,
            changed: self.changed.as_deref(),
            baseline: self.baseline.as_ref(),
        };
        serde_json::to_string_pretty(&view).expect("a report always serializes") + "\n"
    }

    /// The table: one row a conflict, grouped by story and subject, each
    /// claim with its place in the article, its text and, where the front
    /// matter gives them, its source and date.
    fn to_table(&self, width: u16, colour: bool) -> String {
        let mut out = String::new();
        if !self.conflicts.is_empty() {
            let many = self.summary.stories > 1;
            let mut header = vec!["severity", "kind", "subject", "claims", "suggested"];
            if many {
                header.insert(2, "story");
            }
            let mut table = table(width, header);
            if colour {
                table.enforce_styling();
            }
            let mut conflicts: Vec<(String, &Conflict)> = self
                .conflicts
                .iter()
                .map(|c| {
                    (
                        self.stories_of(c)
                            .iter()
                            .map(|s| short_story(s))
                            .collect::<Vec<_>>()
                            .join(", "),
                        c,
                    )
                })
                .collect();
            conflicts.sort_by(|(sa, a), (sb, b)| {
                sa.cmp(sb)
                    .then(a.subject.cmp(&b.subject))
                    .then(b.severity.cmp(&a.severity))
            });
            for (story, c) in conflicts {
                let claims = c
                    .claims
                    .iter()
                    .map(|x| claim_line(x, self.article(&x.span.path)))
                    .collect::<Vec<_>>()
                    .join("\n");
                let mut severity = Cell::new(c.severity);
                if colour {
                    severity = severity.fg(match c.severity {
                        Severity::Error => Color::Red,
                        Severity::Warning => Color::Yellow,
                        Severity::Info => Color::Cyan,
                    });
                }
                let mut row = vec![
                    severity,
                    Cell::new(c.kind),
                    Cell::new(format!("{}\n({})", c.subject, c.rule)),
                    Cell::new(format!("{}\n{}", c.message, claims)),
                    Cell::new(c.suggestion.clone().unwrap_or_default()),
                ];
                if many {
                    row.insert(2, Cell::new(story));
                }
                table.add_row(row);
            }
            out.push_str(&table.to_string());
            out.push('\n');
        }
        out.push_str(&self.summary_line());
        out.push('\n');
        out
    }
}

/// A claim as the table shows it: `file:line:column “text”`, then the
/// article's source and date where known.
fn claim_line(x: &ConflictClaim, article: Option<&ArticleInfo>) -> String {
    let mut line = format!(
        "{}:{}:{} “{}”",
        short_path(&x.span.path),
        x.span.line,
        x.span.column,
        x.text
    );
    let about: Vec<&str> = article
        .into_iter()
        .flat_map(|a| [a.source.as_deref(), a.published.as_deref()])
        .flatten()
        .collect();
    if !about.is_empty() {
        line.push_str(&format!(" ({})", about.join(", ")));
    }
    line
}

/// The last part of a folder story's path; a front-matter id as it is.
fn short_story(story: &str) -> &str {
    story
        .rsplit(['/', '\\'])
        .find(|s| !s.is_empty())
        .unwrap_or(story)
}

/// The file name alone when the path is long, to keep the table narrow.
fn short_path(path: &str) -> &str {
    if path.chars().count() > 24 {
        path.rsplit(['/', '\\']).next().unwrap_or(path)
    } else {
        path
    }
}

/// A table in the style of every table crosscheck prints, fitted to `width`.
pub fn table(width: u16, header: Vec<&str>) -> Table {
    let mut table = Table::new();
    table
        .load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(width)
        .set_header(header);
    table
}
