//! The default report on a terminal, in the layout rustc and ruff use: one
//! block a conflict, the headline in plain words, a line for each value
//! with the articles that give it, the sentence a claim comes from with the
//! claim underlined, and the suggestion.
//!
//! ```text
//! error[name-spelling]: Katarina Novak is spelled 2 ways
//!   "Katarina Novak"   a.txt:3:7, c.txt:1:7   (2 articles)
//!   "Katarina Nowak"   b.txt:5:1
//!    --> b.txt:5:1
//!     |  Katarina Nowak, the mayor, opened the terminal.
//!     |  ^^^^^^^^^^^^^^
//!   suggestion: Katarina Novak (2 of 3 articles)
//! ```

use std::collections::BTreeMap;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::paint::Paint;
use super::words::{self, Group};
use super::{RenderOptions, Report, short_story};
use crate::article::Article;
use crate::rules::{Conflict, ConflictClaim};

/// Sentences quoted per conflict at most: a conflict of many values shows
/// the first few, the value lines list them all.
const MAX_EXCERPTS: usize = 4;

/// The narrowest width laid out; below it lines wrap as the terminal will.
const MIN_WIDTH: usize = 40;

pub fn render(report: &Report, options: &RenderOptions) -> String {
    let paint = Paint { on: options.colour };
    let width = usize::from(options.width).max(MIN_WIDTH);
    let short = report.short_paths();
    let mut out = String::new();
    let many = report.summary.stories > 1;
    let mut current: Option<Option<&str>> = None;
    for (story, c) in report.ordered() {
        if many && current != Some(story) {
            let title = match story {
                Some(s) => format!(
                    "story {} ({} articles)",
                    short_story(s),
                    report.story_size(s)
                ),
                None => "across stories".to_string(),
            };
            out.push_str(&paint.bold(&format!("── {title} ──")));
            out.push_str("\n\n");
            current = Some(story);
        }
        conflict(&mut out, report, c, options, &short, width, paint);
        out.push('\n');
    }
    out.push_str(&paint.bold(&report.summary_line()));
    out.push('\n');
    out
}

fn conflict(
    out: &mut String,
    report: &Report,
    c: &Conflict,
    options: &RenderOptions,
    short: &BTreeMap<&str, String>,
    width: usize,
    paint: Paint,
) {
    let head = format!("{}[{}]", c.severity, c.rule);
    let headline = words::headline(c, options.rule(&c.rule));
    let lines = wrap(&format!("{head}: {}", words::one_line(&headline)), width, 2);
    for (k, line) in lines.iter().enumerate() {
        if k == 0 {
            let rest = &line[head.len()..];
            out.push_str(&format!(
                "{}{}\n",
                paint.severity(c.severity, &head),
                paint.bold(rest)
            ));
        } else {
            out.push_str(&format!("{}\n", paint.bold(line)));
        }
    }
    let groups = words::groups(c);
    let path = |x: &ConflictClaim| {
        short
            .get(&*x.span.path)
            .cloned()
            .unwrap_or_else(|| x.span.path.to_string())
    };
    let labels: Vec<String> = groups.iter().map(|g| g.label(c)).collect();
    // Labels share a column unless one is too long for it.
    let cap = width * 2 / 5;
    let column = labels
        .iter()
        .map(|l| l.width())
        .filter(|&w| w <= cap)
        .max()
        .unwrap_or(0);
    for (g, label) in groups.iter().zip(&labels) {
        let locations: Vec<String> = g
            .claims
            .iter()
            .map(|&i| words::location(&c.claims[i], &path(&c.claims[i])))
            .collect();
        let count = (g.articles > 1).then(|| format!("({} articles)", g.articles));
        value_line(out, label, column, &locations, count.as_deref(), width);
    }
    let suggested = words::suggested_group(c, &groups);
    let fault = report.at_fault(c);
    let quoted: Vec<&Group> = groups
        .iter()
        .enumerate()
        .filter(|(i, _)| Some(*i) != suggested)
        .map(|(_, g)| g)
        .take(MAX_EXCERPTS)
        .collect();
    for g in quoted {
        let i = if g.claims.contains(&fault) {
            fault
        } else {
            g.claims[0]
        };
        let x = &c.claims[i];
        let Some(article) = options.article(&x.span.path) else {
            continue;
        };
        // The outlet and date, where the front matter gives them.
        let about: Vec<&str> = report
            .article(&x.span.path)
            .into_iter()
            .flat_map(|a| [a.source.as_deref(), a.published.as_deref()])
            .flatten()
            .collect();
        let about = if about.is_empty() {
            String::new()
        } else {
            format!(" ({})", about.join(", "))
        };
        out.push_str(&format!(
            "   {} {}{about}\n",
            paint.gutter("-->"),
            words::location(x, &path(x))
        ));
        let (line, underline) = excerpt(article, x, width.saturating_sub(7));
        let bar = paint.gutter("|");
        out.push_str(&format!("    {bar}  {line}\n"));
        let carets = underline.trim_start();
        out.push_str(&format!(
            "    {bar}  {}{}\n",
            &underline[..underline.len() - carets.len()],
            paint.severity(c.severity, carets)
        ));
    }
    if let Some(s) = words::suggestion(c) {
        let lines = wrap(&format!("  suggestion: {}", words::one_line(&s)), width, 4);
        for (k, line) in lines.iter().enumerate() {
            match line.strip_prefix("  suggestion:") {
                Some(rest) if k == 0 => {
                    out.push_str(&format!("  {}{rest}\n", paint.good("suggestion:")));
                }
                _ => out.push_str(&format!("{line}\n")),
            }
        }
    }
}

/// `text` in lines of at most `width` columns, broken between words, the
/// lines after the first indented by `indent`; a word too long for a line
/// stands alone on it.
fn wrap(text: &str, width: usize, indent: usize) -> Vec<String> {
    let body = text.trim_start();
    let mut lines = Vec::new();
    let mut line = text[..text.len() - body.len()].to_string();
    let mut empty = true;
    for word in body.split(' ').filter(|w| !w.is_empty()) {
        if !empty && line.width() + 1 + word.width() > width {
            lines.push(std::mem::replace(&mut line, " ".repeat(indent)));
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(word);
        empty = false;
    }
    lines.push(line);
    lines
}

/// `  label   a.txt:1:2, b.txt:3:4   (2 articles)`, the locations wrapped
/// under one another when the line would pass `width`.
fn value_line(
    out: &mut String,
    label: &str,
    column: usize,
    locations: &[String],
    count: Option<&str>,
    width: usize,
) {
    let mut line = format!("  {label}");
    let at = if label.width() <= column {
        line.push_str(&" ".repeat(column - label.width()));
        2 + column + 3
    } else {
        // A label too long for the column: locations go below it.
        out.push_str(&line);
        out.push('\n');
        line = String::new();
        6
    };
    let mut items: Vec<String> = locations
        .iter()
        .enumerate()
        .map(|(k, l)| {
            if k + 1 < locations.len() {
                format!("{l},")
            } else {
                l.clone()
            }
        })
        .collect();
    if let Some(n) = count {
        items.push(format!("  {n}"));
    }
    let mut used = line.width();
    let mut first = true;
    for item in items {
        let gap = if first { at.saturating_sub(used) } else { 1 };
        if !first && used + gap + item.width() > width {
            out.push_str(line.trim_end());
            out.push('\n');
            line = " ".repeat(at);
            used = at;
            line.push_str(item.trim_start());
            used += item.trim_start().width();
            continue;
        }
        line.push_str(&" ".repeat(gap));
        line.push_str(&item);
        used += gap + item.width();
        first = false;
    }
    out.push_str(line.trim_end());
    out.push('\n');
}

/// The line a claim stands on, cut to `room` columns around the claim,
/// and the underline beneath the claim.
fn excerpt(article: &Article, x: &ConflictClaim, room: usize) -> (String, String) {
    let text = &article.text;
    let start = x.span.start.min(text.len());
    let is_break = |c: char| c == '\n' || c == '\r';
    let line_start = text[..start].rfind(is_break).map_or(0, |i| i + 1);
    let line_end = text[start..]
        .find(is_break)
        .map_or(text.len(), |i| start + i);
    let end = x.span.end.clamp(start, line_end);
    let cells = |s: &str| -> Vec<(char, usize)> {
        s.chars()
            .map(|ch| {
                let ch = if ch.is_control() { ' ' } else { ch };
                (ch, ch.width().unwrap_or(0))
            })
            .collect()
    };
    let before = cells(&text[line_start..start]);
    let mut claim = cells(&text[start..end]);
    let after = cells(&text[end..line_end]);
    let total = |v: &[(char, usize)]| v.iter().map(|c| c.1).sum::<usize>();
    let room = room.max(20);
    let (mut b, mut a) = (before.as_slice(), after.as_slice());
    let (mut cut_b, mut cut_a) = (false, false);
    if total(b) + total(&claim) + total(a) > room {
        // The claim itself, cut where it alone is too long.
        let most = room.saturating_sub(8);
        if total(&claim) > most {
            let mut kept = 0;
            claim.retain(|c| {
                kept += c.1;
                kept <= most
            });
            claim.push(('…', 1));
        }
        let spare = room.saturating_sub(total(&claim) + 2);
        let left = (spare / 2).max(spare.saturating_sub(total(a)));
        let right = spare.saturating_sub(total(b).min(left));
        if total(b) > left {
            let mut kept = 0;
            let from = b
                .iter()
                .rposition(|c| {
                    kept += c.1;
                    kept > left
                })
                .map_or(0, |k| k + 1);
            b = &b[from..];
            cut_b = true;
        }
        if total(a) > right {
            let mut kept = 0;
            let to = a
                .iter()
                .position(|c| {
                    kept += c.1;
                    kept > right
                })
                .unwrap_or(a.len());
            a = &a[..to];
            cut_a = true;
        }
    }
    let mut line = String::new();
    if cut_b {
        line.push('…');
    }
    let lead = total(b) + usize::from(cut_b);
    line.extend(b.iter().chain(&claim).chain(a).map(|c| c.0));
    if cut_a {
        line.push('…');
    }
    let underline = format!("{}{}", " ".repeat(lead), "^".repeat(total(&claim).max(1)));
    (line.trim_end().to_string(), underline)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim_in(article: &Article, text: &str) -> ConflictClaim {
        let start = article.text.find(text).unwrap();
        ConflictClaim::new(
            &article.span(start, start + text.len()),
            text,
            text.to_string(),
        )
    }

    #[test]
    fn an_excerpt_underlines_the_claim_in_its_line() {
        let a = Article::new("a.txt", "Title\nThe mayor, Katarina Nowak, spoke.\nMore.");
        let (line, under) = excerpt(&a, &claim_in(&a, "Katarina Nowak"), 80);
        assert_eq!(line, "The mayor, Katarina Nowak, spoke.");
        assert_eq!(under, "           ^^^^^^^^^^^^^^");
    }

    #[test]
    fn a_long_line_is_cut_around_the_claim() {
        let text = format!(
            "{} Katarina Nowak {}",
            "word ".repeat(40),
            "more ".repeat(40)
        );
        let a = Article::new("a.txt", text);
        let (line, under) = excerpt(&a, &claim_in(&a, "Katarina Nowak"), 40);
        assert!(line.width() <= 40, "{line}");
        assert!(line.starts_with('…') && line.ends_with('…'), "{line}");
        let at = under.find('^').unwrap();
        let shown: String = line.chars().skip(at).take(14).collect();
        assert_eq!(shown, "Katarina Nowak");
    }

    #[test]
    fn wide_characters_keep_the_underline_under_the_claim() {
        let a = Article::new("a.txt", "東京で Katarina Nowak が話した");
        let (_, under) = excerpt(&a, &claim_in(&a, "Katarina Nowak"), 80);
        // 東京で is six columns, then a space.
        assert_eq!(under.find('^'), Some(7));
    }

    #[test]
    fn headlines_wrap_between_words() {
        let lines = wrap(
            "warning[garbled-figure]: near-equal figures count different things",
            40,
            2,
        );
        assert_eq!(
            lines,
            [
                "warning[garbled-figure]: near-equal",
                "  figures count different things"
            ]
        );
        assert_eq!(wrap("  suggestion: Novak", 80, 4), ["  suggestion: Novak"]);
    }

    #[test]
    fn locations_wrap_under_one_another() {
        let mut out = String::new();
        let locations: Vec<String> = (1..=6)
            .map(|k| format!("story/article{k}.txt:1:1"))
            .collect();
        value_line(
            &mut out,
            "\"Nowak\"",
            7,
            &locations,
            Some("(6 articles)"),
            60,
        );
        for line in out.lines() {
            assert!(line.width() <= 60, "{line}");
        }
        assert_eq!(out.lines().count(), 4, "{out}");
        assert!(
            out.lines().nth(1).unwrap().starts_with(&" ".repeat(12)),
            "{out}"
        );
    }
}
