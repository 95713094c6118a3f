//! Suppression comments in Markdown articles, read after the checks:
//!
//! - `<!-- crosscheck-disable RULE... -->` turns rules off from the comment on,
//! - `<!-- crosscheck-enable RULE... -->` turns them on again,
//! - `<!-- crosscheck-disable-next-line RULE... -->` turns them off for the
//!   line after the comment.
//!
//! Without a RULE a comment speaks of every rule. A conflict is dropped
//! when any of its claims lies where its rule is off: the author of that
//! article has said the claim is meant, and a disagreement with a claim
//! that is meant is no longer news. Plain-text articles have no comments;
//! they are silenced through a baseline instead.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::article::{Article, Span};
use crate::error::{Error, Result};
use crate::rules::{Conflict, RuleSet};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Disable,
    Enable,
    DisableNextLine,
}

#[derive(Debug)]
struct Directive {
    action: Action,
    /// Empty for every rule.
    rules: Vec<String>,
    /// Byte offset where the comment ends: it acts from there on.
    end: usize,
    /// Line the comment ends on.
    line: usize,
}

const PREFIX: &str = "crosscheck-";

/// Only Markdown has comments a reader does not see.
fn is_markdown(path: &str) -> bool {
    Path::new(path)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md"))
}

/// The directives of one article, in order; an unknown directive or rule
/// id is an error at its position.
fn directives(article: &Article, set: &RuleSet) -> Result<Vec<Directive>> {
    let text = &article.text;
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find("<!--").map(|i| from + i) {
        let body_start = open + 4;
        let Some(close) = text[body_start..].find("-->").map(|i| body_start + i) else {
            break;
        };
        from = close + 3;
        let body = &text[body_start..close];
        let trimmed = body.trim_start();
        if !trimmed.starts_with(PREFIX) {
            continue;
        }
        let at = |offset: usize, message: String| {
            let span = article.span(offset, offset);
            Error::Directive {
                path: article.path.to_string(),
                line: span.line,
                column: span.column,
                message,
            }
        };
        let mut words = words_with_offsets(body, body_start);
        let (word_at, word) = words.remove(0);
        let action = match word {
            "crosscheck-disable" => Action::Disable,
            "crosscheck-enable" => Action::Enable,
            "crosscheck-disable-next-line" => Action::DisableNextLine,
            _ => {
                return Err(at(
                    word_at,
                    format!(
                        "unknown directive `{word}`: use crosscheck-disable, crosscheck-enable \
                         or crosscheck-disable-next-line"
                    ),
                ));
            }
        };
        let mut rules = Vec::new();
        for (offset, id) in words {
            if set.rule(id).is_none() {
                let hint = set
                    .closest_id(id)
                    .map_or(String::new(), |h| format!(" (did you mean {h:?}?)"));
                return Err(at(
                    offset,
                    format!("{word}: no rule has the id {id:?}{hint}"),
                ));
            }
            rules.push(id.to_string());
        }
        out.push(Directive {
            action,
            rules,
            end: from,
            line: article.span(from, from).line,
        });
    }
    Ok(out)
}

/// The words of a comment (ids are separated by spaces or commas), with
/// their byte offsets in the article.
fn words_with_offsets(body: &str, base: usize) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in body.char_indices().chain([(body.len(), ' ')]) {
        let sep = c.is_whitespace() || c == ',';
        match (start, sep) {
            (None, false) => start = Some(i),
            (Some(s), true) => {
                out.push((base + s, &body[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// Whether `rule` is off at `span` under `directives`.
fn is_off(directives: &[Directive], rule: &str, span: &Span) -> bool {
    let names = |d: &Directive| d.rules.is_empty() || d.rules.iter().any(|r| r == rule);
    let next_line = directives
        .iter()
        .any(|d| d.action == Action::DisableNextLine && d.line + 1 == span.line && names(d));
    if next_line {
        return true;
    }
    // Replayed in order: "disable" then "enable name-spelling" leaves
    // every rule off but that one.
    let mut all_off = false;
    let mut off: BTreeSet<&str> = BTreeSet::new();
    let mut on_despite_all: BTreeSet<&str> = BTreeSet::new();
    for d in directives.iter().filter(|d| d.end <= span.start) {
        match (d.action, d.rules.is_empty()) {
            (Action::DisableNextLine, _) => {}
            (Action::Disable, true) => {
                all_off = true;
                on_despite_all.clear();
            }
            (Action::Enable, true) => {
                all_off = false;
                off.clear();
                on_despite_all.clear();
            }
            (Action::Disable, false) => {
                for r in &d.rules {
                    off.insert(r);
                    on_despite_all.remove(r.as_str());
                }
            }
            (Action::Enable, false) => {
                for r in &d.rules {
                    off.remove(r.as_str());
                    on_despite_all.insert(r);
                }
            }
        }
    }
    off.contains(rule) || (all_off && !on_despite_all.contains(rule))
}

/// Drops the conflicts the Markdown articles' comments silence.
pub fn apply(
    articles: &[Article],
    set: &RuleSet,
    conflicts: Vec<Conflict>,
) -> Result<Vec<Conflict>> {
    let mut by_path: BTreeMap<&str, Vec<Directive>> = BTreeMap::new();
    for a in articles.iter().filter(|a| is_markdown(&a.path)) {
        let ds = directives(a, set)?;
        if !ds.is_empty() {
            by_path.insert(&a.path, ds);
        }
    }
    if by_path.is_empty() {
        return Ok(conflicts);
    }
    Ok(conflicts
        .into_iter()
        .filter(|c| {
            !c.claims.iter().any(|claim| {
                by_path
                    .get(claim.span.path.as_ref())
                    .is_some_and(|ds| is_off(ds, &c.rule, &claim.span))
            })
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use std::sync::OnceLock;

    use super::*;

    fn set() -> &'static RuleSet {
        static SET: OnceLock<RuleSet> = OnceLock::new();
        SET.get_or_init(|| RuleSet::load(&[] as &[&str]).unwrap())
    }

    /// Whether `rule` is off at the first occurrence of `word`.
    fn off(text: &str, rule: &str, word: &str) -> bool {
        let a = Article::new("a.md", text);
        let ds = directives(&a, set()).unwrap();
        let start = a.text.find(word).unwrap();
        is_off(&ds, rule, &a.span(start, start + word.len()))
    }

    #[test]
    fn ranges_turn_named_rules_off_until_enabled() {
        let text = "One.\n<!-- crosscheck-disable name-spelling, event-place -->\nTwo.\n\
                    <!-- crosscheck-enable event-place -->\nThree.";
        assert!(!off(text, "name-spelling", "One"));
        assert!(off(text, "name-spelling", "Two"));
        assert!(off(text, "event-place", "Two"));
        assert!(!off(text, "event-date", "Two"));
        assert!(off(text, "name-spelling", "Three"));
        assert!(!off(text, "event-place", "Three"));
    }

    #[test]
    fn a_comment_without_rules_speaks_of_all() {
        let text = "<!-- crosscheck-disable -->One.\n<!--crosscheck-enable role-mismatch-->Two.\n\
                    <!-- crosscheck-enable -->Three.";
        assert!(off(text, "event-date", "One"));
        assert!(off(text, "event-date", "Two"));
        assert!(!off(text, "role-mismatch", "Two"));
        assert!(!off(text, "event-date", "Three"));
    }

    #[test]
    fn next_line_means_the_line_after_the_comment() {
        let text = "<!-- crosscheck-disable-next-line house-style -->\nOne.\nTwo.";
        assert!(off(text, "house-style", "One"));
        assert!(!off(text, "house-style", "Two"));
        assert!(!off(text, "event-date", "One"));
    }

    #[test]
    fn unknown_directives_and_rules_are_errors_at_their_place() {
        let a = Article::new("a.md", "Text.\n  <!-- crosscheck-disable name-speling -->");
        let e = directives(&a, set()).unwrap_err().to_string();
        assert_eq!(
            e,
            "a.md:2:27: crosscheck-disable: no rule has the id \"name-speling\" \
             (did you mean \"name-spelling\"?)"
        );
        let a = Article::new("a.md", "<!-- crosscheck-disabel -->");
        let e = directives(&a, set()).unwrap_err().to_string();
        assert!(
            e.starts_with("a.md:1:6: unknown directive `crosscheck-disabel`"),
            "{e}"
        );
        let a = Article::new("a.md", "<!-- an ordinary comment -->");
        assert!(directives(&a, set()).unwrap().is_empty());
    }
}
