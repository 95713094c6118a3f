//! A Markdown report for a pull-request comment or a CI job summary: the
//! summary line, then a table of conflicts with links to each claim.

use super::sarif::artifact_uri;
use super::{RenderOptions, Report, words};

/// Text in a table cell: Markdown's punctuation escaped, one line.
fn cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '~' => {
                out.push('\\');
                out.push(ch);
            }
            '\r' | '\n' => out.push(' '),
            _ => out.push(ch),
        }
    }
    out
}

/// Links go to `base` + path where the run knows where the files are
/// published (a GitHub Actions run: the commit's blob URL), else relative.
pub fn link_base(env: impl Fn(&str) -> Option<String>) -> Option<String> {
    let server = env("GITHUB_SERVER_URL")?;
    let repo = env("GITHUB_REPOSITORY")?;
    let sha = env("GITHUB_SHA")?;
    Some(format!("{server}/{repo}/blob/{sha}/"))
}

/// GitHub refuses a comment longer than this many characters.
pub const GITHUB_LIMIT: usize = 65_536;

pub fn render(report: &Report, options: &RenderOptions) -> String {
    render_within(report, options, GITHUB_LIMIT)
}

/// The report in at most `limit` characters: rows are left out from the
/// end, and a last line says how many and how to see them all.
pub fn render_within(report: &Report, options: &RenderOptions, limit: usize) -> String {
    let link_base = options.link_base.as_deref();
    let mut out = String::from("### crosscheck\n\n");
    out.push_str(&cell(&report.summary_line()));
    out.push_str("\n\n");
    if report.conflicts.is_empty() {
        return out;
    }
    let many = report.summary.stories > 1;
    out.push_str(if many {
        "| severity | story | rule | conflict | claims |\n|---|---|---|---|---|\n"
    } else {
        "| severity | rule | conflict | claims |\n|---|---|---|---|\n"
    });
    let ordered = report.ordered();
    let total = ordered.len();
    for (shown, (_, c)) in ordered.into_iter().enumerate() {
        let claims: Vec<String> = c
            .claims
            .iter()
            .map(|x| {
                let uri = artifact_uri(&x.span.path);
                let uri = uri.strip_prefix("file://").unwrap_or(&uri);
                format!(
                    "[{}:{}:{}]({}{}#L{}) “{}”",
                    cell(&x.span.path),
                    x.span.line,
                    x.span.column,
                    link_base.unwrap_or(""),
                    uri,
                    x.span.line,
                    cell(&x.text)
                )
            })
            .collect();
        let mut message = format!(
            "{}: {}",
            cell(&words::headline(c, options.rule(&c.rule))),
            cell(&words::values(c))
        );
        if let Some(s) = words::suggestion(c) {
            message.push_str(&format!("; suggestion: {}", cell(&s)));
        }
        let story = if many {
            format!(" {} |", cell(&report.stories_of(c).join(", ")))
        } else {
            String::new()
        };
        let row = format!(
            "| {} |{story} {} | {} | {} |\n",
            c.severity,
            cell(&c.rule),
            message,
            claims.join("<br>")
        );
        let left = total - shown;
        if out.chars().count() + row.chars().count() + left_out(left).chars().count() > limit {
            out.push_str(&left_out(left));
            return out;
        }
        out.push_str(&row);
    }
    out
}

/// The line that ends a report cut to fit a comment.
fn left_out(n: usize) -> String {
    format!(
        "\n{n} more conflict{} left out to stay under GitHub's {GITHUB_LIMIT}-character limit; \
         `crosscheck check --format full` (or `--format sarif`) lists them all.\n",
        if n == 1 { "" } else { "s" }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_escape_markdown() {
        assert_eq!(cell("a|b *c*\nd"), "a\\|b \\*c\\* d");
    }

    #[test]
    fn links_use_the_actions_commit_when_known() {
        let env = |k: &str| {
            Some(
                match k {
                    "GITHUB_SERVER_URL" => "https://github.com",
                    "GITHUB_REPOSITORY" => "news/archive",
                    _ => "abc123",
                }
                .to_string(),
            )
        };
        assert_eq!(
            link_base(env).as_deref(),
            Some("https://github.com/news/archive/blob/abc123/")
        );
        assert_eq!(link_base(|_| None), None);
    }
}
