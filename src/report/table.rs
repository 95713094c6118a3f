//! The table: one row a conflict, in the order people read them, each
//! claim with its place in the article, its text and, where the front
//! matter gives them, its source and date.

use std::collections::BTreeMap;

use comfy_table::{Cell, Color};

use super::words;
use super::{ArticleInfo, RenderOptions, Report, short_story};
use crate::rules::{ConflictClaim, Severity};

pub fn render(report: &Report, options: &RenderOptions) -> String {
    let mut out = String::new();
    if !report.conflicts.is_empty() {
        let many = report.summary.stories > 1;
        let mut header = vec!["severity", "kind", "subject", "claims", "suggested"];
        if many {
            header.insert(2, "story");
        }
        let mut table = super::table(options.width, header);
        if options.colour {
            table.enforce_styling();
        }
        let short = report.short_paths();
        for (story, c) in report.ordered() {
            let claims = c
                .claims
                .iter()
                .map(|x| claim_line(x, report.article(&x.span.path), &short))
                .collect::<Vec<_>>()
                .join("\n");
            let mut severity = Cell::new(c.severity);
            if options.colour {
                severity = severity.fg(match c.severity {
                    Severity::Error => Color::Red,
                    Severity::Warning => Color::Yellow,
                    Severity::Info => Color::Cyan,
                });
            }
            let headline = words::headline(c, options.rule(&c.rule));
            let mut row = vec![
                severity,
                Cell::new(c.kind),
                Cell::new(format!("{}\n({})", c.subject, c.rule)),
                Cell::new(format!("{headline}: {}\n{claims}", words::values(c))),
                Cell::new(words::suggestion(c).unwrap_or_default()),
            ];
            if many {
                let story = story.map_or_else(
                    || {
                        report
                            .stories_of(c)
                            .iter()
                            .map(|s| short_story(s))
                            .collect::<Vec<_>>()
                            .join(", ")
                    },
                    |s| short_story(s).to_string(),
                );
                row.insert(2, Cell::new(story));
            }
            table.add_row(row);
        }
        out.push_str(&table.to_string());
        out.push('\n');
    }
    out.push_str(&report.summary_line());
    out.push('\n');
    out
}

/// A claim as the table shows it: `file:line:column “text”`, then the
/// article's source and date where known.
fn claim_line(
    x: &ConflictClaim,
    article: Option<&ArticleInfo>,
    short: &BTreeMap<&str, String>,
) -> String {
    let path = short
        .get(&*x.span.path)
        .map_or(&*x.span.path, |s| s.as_str());
    let mut line = format!(
        "{} “{}”",
        words::location(x, path),
        words::one_line(&x.text)
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
