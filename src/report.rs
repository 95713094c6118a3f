//! Reports, one module a format: `full` and `concise` for a terminal and
//! an editor, a table, a self-contained HTML page with the articles side
//! by side, JSON for tools, and the formats CI systems read (SARIF, GitHub
//! workflow commands, Markdown for a pull request). What they share lives
//! here: the order conflicts are shown in, the claim at fault, paths made
//! short, and [`words`], a conflict said in plain words.

pub mod concise;
pub mod full;
pub mod github;
pub mod html;
pub mod markdown;
pub mod paint;
pub mod sarif;
pub mod table;
pub mod words;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::str::FromStr;

use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};
use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::rules::{Conflict, Rule, Severity};

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
    Full,
    Concise,
    Table,
    Html,
    Json,
    Sarif,
    Github,
    Markdown,
}

impl Format {
    pub const ALL: [Format; 8] = [
        Format::Full,
        Format::Concise,
        Format::Table,
        Format::Html,
        Format::Json,
        Format::Sarif,
        Format::Github,
        Format::Markdown,
    ];

    /// The names, for help and errors.
    pub fn names() -> Vec<&'static str> {
        Format::ALL.iter().map(|f| f.name()).collect()
    }

    fn name(self) -> &'static str {
        match self {
            Format::Full => "full",
            Format::Concise => "concise",
            Format::Table => "table",
            Format::Html => "html",
            Format::Json => "json",
            Format::Sarif => "sarif",
            Format::Github => "github",
            Format::Markdown => "markdown",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Format::ALL
            .into_iter()
            .find(|f| f.name() == s)
            .ok_or_else(|| format!("unknown format {s:?} ({})", Format::names().join(", ")))
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
    /// Columns the terminal formats fit in.
    pub width: u16,
    /// Colour for a terminal (ANSI escapes).
    pub colour: bool,
    /// The rules that ran, for SARIF's rule list and the words of headlines.
    pub rules: &'a [Rule],
    /// Where links to articles point in Markdown: a URL the path is
    /// appended to, or `None` for relative links.
    pub link_base: Option<String>,
    /// The articles checked, for the sentences `full` quotes and the
    /// columns of the HTML page; formats that need none take `&[]`.
    pub articles: &'a [Article],
    /// Each rule's explanation by id, for SARIF's `help` and the HTML
    /// page; formats that need none take an empty map.
    pub help: &'a BTreeMap<String, RuleHelp>,
}

/// What `crosscheck rules explain` says of a rule, as text and Markdown.
#[derive(Debug, Clone, Default)]
pub struct RuleHelp {
    pub text: String,
    pub markdown: String,
}

impl<'a> RenderOptions<'a> {
    /// Options for `rules` and no more: no colour, no articles, no help.
    pub fn plain(width: u16, rules: &'a [Rule]) -> Self {
        static NO_HELP: BTreeMap<String, RuleHelp> = BTreeMap::new();
        RenderOptions {
            width,
            colour: false,
            rules,
            link_base: None,
            articles: &[],
            help: &NO_HELP,
        }
    }

    pub fn rule(&self, id: &str) -> Option<&'a Rule> {
        self.rules.iter().find(|r| r.id == id)
    }

    pub fn article(&self, path: &str) -> Option<&'a Article> {
        let i = self
            .articles
            .binary_search_by(|a| (*a.path).cmp(path))
            .ok()
            .or_else(|| self.articles.iter().position(|a| &*a.path == path))?;
        Some(&self.articles[i])
    }
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
        self.changed = Some(changed.to_vec());
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

    pub fn article(&self, path: &str) -> Option<&ArticleInfo> {
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
        let counts: Vec<String> = [Severity::Error, Severity::Warning, Severity::Info]
            .into_iter()
            .map(|s| (s, self.count(s)))
            .filter(|&(_, k)| k > 0)
            .map(|(s, k)| match s {
                Severity::Info => format!("{k} info"),
                _ => format!("{k} {s}{}", plural(k)),
            })
            .collect();
        let mut line = format!("{n} conflict{}", plural(n));
        if !counts.is_empty() {
            line.push_str(&format!(" ({})", counts.join(", ")));
        }
        line.push_str(&format!(
            " in {} article{}",
            self.summary.articles,
            plural(self.summary.articles)
        ));
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
            Format::Full => full::render(self, options),
            Format::Concise => concise::render(self, options),
            Format::Table => table::render(self, options),
            Format::Html => html::render(self, options),
            Format::Json => self.to_json(),
            Format::Sarif => sarif::render(self, options),
            Format::Github => github::render(self, options),
            Format::Markdown => markdown::render(self, options),
        }
    }

    /// The conflicts as people read them: story by story (conflicts across
    /// stories last), errors first, then by where their first claim is.
    pub fn ordered(&self) -> Vec<(Option<&str>, &Conflict)> {
        let mut out: Vec<(Option<&str>, &Conflict)> = self
            .conflicts
            .iter()
            .map(|c| {
                let stories = self.stories_of(c);
                ((stories.len() == 1).then(|| stories[0]), c)
            })
            .collect();
        let first = |c: &Conflict| {
            c.claims
                .first()
                .map(|x| (x.span.path.clone(), x.span.line, x.span.column))
        };
        out.sort_by(|(sa, a), (sb, b)| {
            let key = |s: Option<&str>| {
                (
                    s.is_none(),
                    s.map(short_story).map(str::to_owned),
                    s.map(str::to_owned),
                )
            };
            key(*sa)
                .cmp(&key(*sb))
                .then(b.severity.cmp(&a.severity))
                .then_with(|| first(a).cmp(&first(b)))
                .then_with(|| a.rule.cmp(&b.rule))
                .then_with(|| a.subject.cmp(&b.subject))
        });
        out
    }

    /// How many articles a story has in the report.
    pub fn story_size(&self, story: &str) -> usize {
        self.articles.iter().filter(|a| a.story == story).count()
    }

    /// Each article path by its shortest suffix of whole path components
    /// that no other article's path ends with: `reuters.txt` where it is
    /// the only one, `quake/reuters.txt` where two stories hold one.
    pub fn short_paths(&self) -> BTreeMap<&str, String> {
        short_suffixes(self.articles.iter().map(|a| a.path.as_str()))
    }

    /// The index of the claim at fault in `c`: in a changed article when
    /// only changes are reported, else the first claim that differs from
    /// the suggestion, else the first of the reading fewest articles give.
    pub fn at_fault(&self, c: &Conflict) -> usize {
        if let Some(changed) = &self.changed
            && let Some(i) = c
                .claims
                .iter()
                .position(|x| changed.iter().any(|p| *p == *x.span.path))
        {
            return i;
        }
        let groups = words::groups(c);
        let suggested = words::suggested_group(c, &groups);
        let minority = match suggested {
            Some(s) => groups
                .iter()
                .enumerate()
                .find(|(i, _)| *i != s)
                .map(|g| g.1),
            None => groups.iter().min_by_key(|g| (g.articles, g.claims[0])),
        };
        minority.map_or(0, |g| g.claims[0])
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
}

/// The shortest unique suffix of each path, in whole components: one pass
/// a suffix length, counting every path's suffix of that length, for an
/// archive may hold a hundred thousand paths.
fn short_suffixes<'a>(paths: impl Iterator<Item = &'a str>) -> BTreeMap<&'a str, String> {
    let split: Vec<(&str, Vec<&str>)> = paths
        .collect::<BTreeSet<&str>>()
        .into_iter()
        .map(|p| (p, p.split(['/', '\\']).filter(|s| !s.is_empty()).collect()))
        .collect();
    let mut out = BTreeMap::new();
    let deepest = split
        .iter()
        .map(|(_, parts)| parts.len())
        .max()
        .unwrap_or(0);
    for n in 1..deepest {
        let mut counts: BTreeMap<&[&str], usize> = BTreeMap::new();
        for (_, parts) in &split {
            if parts.len() >= n {
                *counts.entry(&parts[parts.len() - n..]).or_default() += 1;
            }
        }
        for (path, parts) in &split {
            if parts.len() > n && !out.contains_key(path) && counts[&parts[parts.len() - n..]] == 1
            {
                out.insert(*path, parts[parts.len() - n..].join("/"));
            }
        }
    }
    for (path, _) in &split {
        out.entry(*path).or_insert_with(|| path.to_string());
    }
    out
}

/// The last part of a folder story's path; a front-matter id as it is.
pub fn short_story(story: &str) -> &str {
    story
        .rsplit(['/', '\\'])
        .find(|s| !s.is_empty())
        .unwrap_or(story)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_paths_are_the_shortest_unique_suffixes() {
        let short = short_suffixes(
            [
                "desk/flood/wire.txt",
                "desk/storm/wire.txt",
                "desk/storm/herald.md",
                "wire.txt",
            ]
            .into_iter(),
        );
        assert_eq!(short["desk/flood/wire.txt"], "flood/wire.txt");
        assert_eq!(short["desk/storm/wire.txt"], "storm/wire.txt");
        assert_eq!(short["desk/storm/herald.md"], "herald.md");
        // A path that is another's suffix is shown whole.
        assert_eq!(short["wire.txt"], "wire.txt");
    }
}
