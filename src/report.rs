//! Reports: a table for people, JSON for tools.

use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};
use serde::Serialize;

use crate::article::Article;
use crate::rules::{Conflict, Severity};

/// Everything a check found, as reported.
#[derive(Debug, Serialize)]
pub struct Report {
    pub articles: Vec<ArticleInfo>,
    pub conflicts: Vec<Conflict>,
    pub summary: Summary,
}

#[derive(Debug, Serialize)]
pub struct ArticleInfo {
    pub path: String,
    pub title: String,
}

#[derive(Debug, Serialize)]
pub struct Summary {
    pub articles: usize,
    pub claims: usize,
    pub conflicts: usize,
}

impl Report {
    pub fn new(articles: &[Article], claims: usize, conflicts: Vec<Conflict>) -> Self {
        Report {
            articles: articles
                .iter()
                .map(|a| ArticleInfo {
                    path: a.path.to_string(),
                    title: a.title.clone(),
                })
                .collect(),
            summary: Summary {
                articles: articles.len(),
                claims,
                conflicts: conflicts.len(),
            },
            conflicts,
        }
    }

    pub fn worst(&self) -> Option<Severity> {
        self.conflicts.iter().map(|c| c.severity).max()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a report always serializes") + "\n"
    }

    /// The table: one row a conflict, grouped by subject, each claim with
    /// its place in the article and its text.
    pub fn to_table(&self, width: u16) -> String {
        let mut out = String::new();
        if !self.conflicts.is_empty() {
            let mut table = Table::new();
            table
                .load_style(UTF8_FULL_CONDENSED)
                .set_content_arrangement(ContentArrangement::Dynamic)
                .set_width(width)
                .set_header(vec!["severity", "kind", "subject", "claims", "suggested"]);
            let mut conflicts: Vec<&Conflict> = self.conflicts.iter().collect();
            conflicts.sort_by(|a, b| a.subject.cmp(&b.subject).then(b.severity.cmp(&a.severity)));
            for c in conflicts {
                let claims = c
                    .claims
                    .iter()
                    .map(|x| {
                        format!(
                            "{}:{}:{} “{}”",
                            short_path(&x.span.path),
                            x.span.line,
                            x.span.column,
                            x.text
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n");
                table.add_row(vec![
                    c.severity.to_string(),
                    c.kind.to_string(),
                    format!("{}\n({})", c.subject, c.rule),
                    format!("{}\n{}", c.message, claims),
                    c.suggestion.clone().unwrap_or_default(),
                ]);
            }
            out.push_str(&table.to_string());
            out.push('\n');
        }
        let count = |s: Severity| self.conflicts.iter().filter(|c| c.severity == s).count();
        out.push_str(&format!(
            "{} conflict{} ({} error, {} warning, {} info) in {} article{}, {} claims\n",
            self.conflicts.len(),
            if self.conflicts.len() == 1 { "" } else { "s" },
            count(Severity::Error),
            count(Severity::Warning),
            count(Severity::Info),
            self.summary.articles,
            if self.summary.articles == 1 { "" } else { "s" },
            self.summary.claims,
        ));
        out
    }
}

/// The file name alone when the path is long, to keep the table narrow.
fn short_path(path: &str) -> &str {
    if path.chars().count() > 24 {
        path.rsplit(['/', '\\']).next().unwrap_or(path)
    } else {
        path
    }
}
