//! One self-contained HTML page (inline style and script, nothing fetched,
//! opens from disk): per story the articles side by side in columns, each
//! claim in conflict highlighted in its sentence in its conflict's colour,
//! and the list of conflicts beside them. Clicking a conflict scrolls every
//! column to its claims; filters hide kinds and severities; a rule's
//! explanation shows on hover. `report.html#c3` opens with conflict 3
//! selected. Every piece of article and rule text is escaped.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use super::words;
use super::{RenderOptions, Report, short_story};
use crate::article::Article;
use crate::rules::{Conflict, Kind, Severity};

const STYLE: &str = include_str!("html/report.css");
const SCRIPT: &str = include_str!("html/report.js");

/// Text for HTML element content and attribute values alike.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
    out
}

/// The hue of conflict `k`: golden-angle steps keep neighbours apart.
fn hue(k: usize) -> usize {
    (k * 137 + 200) % 360
}

/// A part of the page: a story, or the conflicts across stories.
struct Section<'r> {
    title: String,
    /// Conflicts as (number on the page, conflict).
    conflicts: Vec<(usize, &'r Conflict)>,
    /// The articles shown as columns, in path order.
    articles: Vec<&'r str>,
}

fn sections<'r>(report: &'r Report) -> Vec<Section<'r>> {
    let mut out: Vec<Section> = Vec::new();
    let mut keys: Vec<Option<&str>> = Vec::new();
    for (k, (story, c)) in report.ordered().into_iter().enumerate() {
        let i = match keys.iter().position(|s| *s == story) {
            Some(i) => i,
            None => {
                keys.push(story);
                out.push(Section {
                    title: match story {
                        Some(s) => format!("Story {}", short_story(s)),
                        None => "Across stories".to_string(),
                    },
                    conflicts: Vec::new(),
                    articles: Vec::new(),
                });
                out.len() - 1
            }
        };
        out[i].conflicts.push((k + 1, c));
    }
    for (section, story) in out.iter_mut().zip(&keys) {
        let paths: BTreeSet<&str> = match story {
            // Every article of the story, side by side.
            Some(s) => report
                .articles
                .iter()
                .filter(|a| a.story == *s)
                .map(|a| a.path.as_str())
                .collect(),
            // Across stories: the articles the claims are in.
            None => section
                .conflicts
                .iter()
                .flat_map(|(_, c)| c.claims.iter().map(|x| &*x.span.path))
                .filter_map(|p| report.article(p).map(|a| a.path.as_str()))
                .collect(),
        };
        section.articles = paths.into_iter().collect();
    }
    out
}

pub fn render(report: &Report, options: &RenderOptions) -> String {
    let mut out = String::new();
    let title = format!("crosscheck: {}", report.summary_line());
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"crosscheck {}\">\n<title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n",
        env!("CARGO_PKG_VERSION"),
        escape(&title)
    );
    let _ = write!(
        out,
        "<header>\n<h1>crosscheck</h1>\n<p class=\"summary\">{}</p>\n",
        escape(&report.summary_line())
    );
    filters(&mut out, report);
    out.push_str("</header>\n<main>\n");
    let short = report.short_paths();
    for (s, section) in sections(report).iter().enumerate() {
        story(&mut out, report, options, section, s + 1, &short);
    }
    if report.conflicts.is_empty() {
        out.push_str("<p class=\"none\">No conflicts: the articles agree.</p>\n");
    }
    let _ = write!(
        out,
        "</main>\n<script>\n{SCRIPT}</script>\n</body>\n</html>\n"
    );
    out
}

/// Check boxes for the kinds and severities the report holds.
fn filters(out: &mut String, report: &Report) {
    if report.conflicts.is_empty() {
        return;
    }
    let kinds: BTreeSet<Kind> = report.conflicts.iter().map(|c| c.kind).collect();
    let severities: BTreeSet<Severity> = report.conflicts.iter().map(|c| c.severity).collect();
    out.push_str(
        "<form class=\"filters\" aria-label=\"Filters\">\n<fieldset><legend>Severity</legend>\n",
    );
    for s in severities.iter().rev() {
        let n = report.count(*s);
        let _ = writeln!(
            out,
            "<label class=\"sev-{s}\"><input type=\"checkbox\" name=\"severity\" value=\"{s}\" checked> {s} ({n})</label>"
        );
    }
    out.push_str("</fieldset>\n<fieldset><legend>Kind</legend>\n");
    for k in &kinds {
        let n = report.conflicts.iter().filter(|c| c.kind == *k).count();
        let _ = writeln!(
            out,
            "<label><input type=\"checkbox\" name=\"kind\" value=\"{k}\" checked> {k} ({n})</label>"
        );
    }
    out.push_str("</fieldset>\n</form>\n");
}

fn story(
    out: &mut String,
    report: &Report,
    options: &RenderOptions,
    section: &Section,
    number: usize,
    short: &BTreeMap<&str, String>,
) {
    let _ = write!(
        out,
        "<section class=\"story\" id=\"story-{number}\">\n<h2>{} <small>{} article{}, {} conflict{}</small></h2>\n<div class=\"layout\">\n<ol class=\"conflicts\">\n",
        escape(&section.title),
        section.articles.len(),
        plural(section.articles.len()),
        section.conflicts.len(),
        plural(section.conflicts.len()),
    );
    for &(k, c) in &section.conflicts {
        conflict_item(out, report, options, c, k, number, short);
    }
    out.push_str("</ol>\n<div class=\"columns\">\n");
    for path in &section.articles {
        let Some(article) = options.article(path) else {
            continue;
        };
        column(out, report, article, section, number, short);
    }
    out.push_str("</div>\n</div>\n</section>\n");
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The id of claim `i` of conflict `k` in section `s`.
fn claim_id(s: usize, k: usize, i: usize) -> String {
    format!("s{s}-c{k}-{i}")
}

fn conflict_item(
    out: &mut String,
    report: &Report,
    options: &RenderOptions,
    c: &Conflict,
    k: usize,
    s: usize,
    short: &BTreeMap<&str, String>,
) {
    let rule = options.rule(&c.rule);
    let help = options
        .help
        .get(&c.rule)
        .map(|h| h.text.clone())
        .or_else(|| rule.and_then(|r| r.description.clone()))
        .unwrap_or_default();
    let _ = write!(
        out,
        "<li class=\"conflict sev-{sev}\" id=\"c{k}\" data-conflict=\"{k}\" data-kind=\"{kind}\" data-severity=\"{sev}\" data-section=\"{s}\" style=\"--hue: {hue}\" tabindex=\"0\">\n\
         <p class=\"head\"><span class=\"swatch\"></span><span class=\"badge\">{sev}</span> <code class=\"rule\" title=\"{help}\">{rule}</code> <span class=\"headline\">{headline}</span></p>\n<ul class=\"values\">\n",
        sev = c.severity,
        kind = c.kind,
        hue = hue(k),
        help = escape(&help),
        rule = escape(&c.rule),
        headline = escape(&words::headline(c, rule)),
    );
    let fault = report.at_fault(c);
    for g in words::groups(c) {
        let _ = write!(
            out,
            "<li><bdi class=\"value\">{}</bdi>",
            escape(&g.label(c))
        );
        for &i in &g.claims {
            let x = &c.claims[i];
            let path = short
                .get(&*x.span.path)
                .map_or(&*x.span.path, |p| p.as_str());
            let _ = write!(
                out,
                " <a class=\"at{}\" href=\"#c{k}\" data-claim=\"{}\"><bdi>{}</bdi></a>",
                if i == fault { " fault" } else { "" },
                claim_id(s, k, i),
                escape(&words::location(x, path))
            );
        }
        if g.articles > 1 {
            let _ = write!(
                out,
                " <span class=\"count\">({} articles)</span>",
                g.articles
            );
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n");
    if let Some(sug) = words::suggestion(c) {
        let _ = writeln!(
            out,
            "<p class=\"suggestion\">Suggestion: <bdi>{}</bdi></p>",
            escape(&sug)
        );
    }
    if let Some(r) = rule {
        let why: Vec<&str> = [r.description.as_deref(), r.rationale.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        if !why.is_empty() {
            let _ = writeln!(
                out,
                "<details class=\"why\"><summary>About {}</summary><p>{}</p></details>",
                escape(&r.id),
                escape(&why.join(" "))
            );
        }
    }
    out.push_str("</li>\n");
}

/// One article as a column: its title and source, then its text with the
/// claims of the section's conflicts marked.
fn column(
    out: &mut String,
    report: &Report,
    article: &Article,
    section: &Section,
    s: usize,
    short: &BTreeMap<&str, String>,
) {
    let path = short
        .get(&*article.path)
        .map_or(&*article.path, |p| p.as_str());
    let info = report.article(&article.path);
    let about: Vec<&str> = info
        .into_iter()
        .flat_map(|a| [a.source.as_deref(), a.published.as_deref()])
        .flatten()
        .collect();
    let _ = write!(
        out,
        "<article class=\"column\" data-path=\"{}\">\n<h3 dir=\"auto\">{}</h3>\n<p class=\"meta\"><bdi>{}</bdi>{}</p>\n<div class=\"text\" dir=\"auto\">",
        escape(&article.path),
        escape(&article.title),
        escape(path),
        if about.is_empty() {
            String::new()
        } else {
            format!(" · {}", escape(&about.join(", ")))
        }
    );
    // Every claim of the section in this article: (start, end, conflict, id).
    let mut marks: Vec<(usize, usize, usize, String)> = Vec::new();
    for &(k, c) in &section.conflicts {
        for (i, x) in c.claims.iter().enumerate() {
            if *x.span.path == *article.path && x.span.start < x.span.end {
                let end = x.span.end.min(article.text.len());
                marks.push((x.span.start, end, k, claim_id(s, k, i)));
            }
        }
    }
    let text = &article.text;
    // Blank lines of front matter are not shown.
    let first = marks.iter().map(|m| m.0).min().unwrap_or(text.len());
    let begin = text.len() - text.trim_start().len();
    let mut bounds: BTreeSet<usize> = marks.iter().flat_map(|m| [m.0, m.1]).collect();
    bounds.insert(begin.min(first));
    bounds.insert(text.len());
    let bounds: Vec<usize> = bounds.into_iter().collect();
    for pair in bounds.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let piece = escape(&text[a..b]);
        let over: Vec<&(usize, usize, usize, String)> =
            marks.iter().filter(|m| m.0 <= a && b <= m.1).collect();
        if over.is_empty() {
            out.push_str(&piece);
            continue;
        }
        let conflicts: BTreeSet<usize> = over.iter().map(|m| m.2).collect();
        let ids: Vec<&str> = over.iter().map(|m| m.3.as_str()).collect();
        let lead = *conflicts.iter().next().unwrap_or(&0);
        let _ = write!(
            out,
            "<mark class=\"claim\" data-conflicts=\"{}\" data-claims=\"{}\" style=\"--hue: {}\">{piece}</mark>",
            conflicts
                .iter()
                .map(usize::to_string)
                .collect::<Vec<_>>()
                .join(" "),
            ids.join(" "),
            hue(lead)
        );
    }
    out.push_str("</div>\n</article>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_covers_markup_and_both_quotes() {
        assert_eq!(
            escape(r#"<script>a & "b" 'c'</script>"#),
            "&lt;script&gt;a &amp; &quot;b&quot; &#39;c&#39;&lt;/script&gt;"
        );
    }
}
