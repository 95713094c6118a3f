//! What a rule set says about itself: its rules listed, one rule
//! explained, and the examples of its rules run as tests. It runs the whole
//! pipeline on the examples, so it sits beside `eval`, after `report`.

use serde::Serialize;

use crate::article::Article;
use crate::error::{Error, Result};
use crate::eval::fold_quotes;
use crate::rules::params::Num;
use crate::rules::{Conflict, Example, ExpectedConflict, Rule, RuleSet};

/// One line of `crosscheck rules`.
#[derive(Debug, Serialize)]
pub struct RuleInfo {
    pub id: String,
    pub check: String,
    pub kind: String,
    pub severity: String,
    /// Whether the rule runs (after `enabled:`, `--select` and `--ignore`).
    pub active: bool,
    pub source: String,
    pub line: Option<usize>,
}

pub fn list(set: &RuleSet) -> Vec<RuleInfo> {
    set.defined()
        .iter()
        .map(|r| RuleInfo {
            id: r.id.clone(),
            check: r.check.to_string(),
            kind: r.kind.to_string(),
            severity: r.severity.to_string(),
            active: set.is_active(&r.id),
            source: r.source.clone(),
            line: set.rule_line(r),
        })
        .collect()
}

pub fn list_json(set: &RuleSet) -> String {
    serde_json::to_string_pretty(&list(set)).expect("rule infos serialize") + "\n"
}

pub fn list_table(set: &RuleSet, width: u16) -> String {
    let mut table = crate::report::table(
        width,
        vec!["id", "check", "kind", "severity", "runs", "defined in"],
    );
    for r in list(set) {
        let at = match r.line {
            Some(l) => format!("{}:{l}", r.source),
            None => r.source,
        };
        table.add_row(vec![
            r.id,
            r.check,
            r.kind,
            r.severity,
            if r.active { "yes" } else { "no" }.to_string(),
            at,
        ]);
    }
    let active = set.rules.len();
    format!(
        "{table}\n{active} of {} rules run; `crosscheck rules explain ID` tells what one checks\n",
        set.defined().len()
    )
}

/// Words of `text` in lines of at most `width` characters, each indented.
fn wrap(text: &str, indent: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            out.push_str(&format!("{indent}{line}\n"));
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        out.push_str(&format!("{indent}{line}\n"));
    }
    out
}

/// What a rule checks, why, its parameters and an example run live.
pub fn explain(set: &RuleSet, id: &str) -> Result<String> {
    let rule = set.rule(id).ok_or_else(|| Error::UnknownRule {
        option: "rules explain".into(),
        id: id.to_string(),
        hint: set.closest_id(id),
    })?;
    let mut out = format!(
        "{} — check {}, {} conflicts, severity {}{}\n",
        rule.id,
        rule.check,
        rule.kind,
        rule.severity,
        if set.is_active(id) {
            ""
        } else {
            " (does not run)"
        }
    );
    let at = set
        .rule_line(rule)
        .map_or(rule.source.clone(), |l| format!("{}:{l}", rule.source));
    out.push_str(&format!("defined in {at}\n"));
    let section = |out: &mut String, title: &str, text: &Option<String>| {
        if let Some(t) = text {
            out.push_str(&format!("\n{title}\n{}", wrap(t, "  ", 76)));
        }
    };
    section(&mut out, "What it checks", &rule.description);
    section(&mut out, "Why", &rule.rationale);
    out.push_str(&format!("\nMessage\n  {}\n", rule.message));
    out.push_str("\nParameters\n");
    if rule.settings.is_empty() {
        out.push_str("  none\n");
    }
    for s in &rule.settings {
        out.push_str(&format!(
            "  {} = {} (default {}; {})\n{}",
            s.spec.name,
            Num(s.value),
            Num(s.spec.default),
            s.spec.range(),
            wrap(s.spec.doc, "      ", 72)
        ));
    }
    if let Some(example) = set
        .examples
        .iter()
        .find(|e| e.rule == rule.id && !e.expect.is_empty())
    {
        out.push_str(&show_example(set, rule, example));
    }
    Ok(out)
}

/// [`explain`] in Markdown, for SARIF's `help.markdown`.
pub fn explain_markdown(set: &RuleSet, id: &str) -> Result<String> {
    let rule = set.rule(id).ok_or_else(|| Error::UnknownRule {
        option: "rules explain".into(),
        id: id.to_string(),
        hint: set.closest_id(id),
    })?;
    let flat = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = format!(
        "**{}**: check `{}`, {} conflicts, severity {}\n",
        rule.id, rule.check, rule.kind, rule.severity
    );
    for (title, text) in [
        ("What it checks", &rule.description),
        ("Why", &rule.rationale),
    ] {
        if let Some(t) = text {
            out.push_str(&format!("\n### {title}\n\n{}\n", flat(t)));
        }
    }
    out.push_str(&format!("\n### Message\n\n`{}`\n", rule.message));
    if !rule.settings.is_empty() {
        out.push_str("\n### Parameters\n\n");
        for s in &rule.settings {
            out.push_str(&format!(
                "- `{}` = {} (default {}; {}): {}\n",
                s.spec.name,
                Num(s.value),
                Num(s.spec.default),
                s.spec.range(),
                flat(s.spec.doc)
            ));
        }
    }
    if let Some(example) = set
        .examples
        .iter()
        .find(|e| e.rule == rule.id && !e.expect.is_empty())
    {
        out.push_str("\n### Example\n\n");
        for (name, text) in &example.articles {
            out.push_str(&format!("- {name}: {}\n", flat(text)));
        }
        let expected: Vec<String> = example.expect.iter().map(describe_expected).collect();
        out.push_str(&format!("\nexpects {}\n", expected.join("; ")));
    }
    Ok(out)
}

/// Every running rule's explanation as text and Markdown, by id.
pub fn help(set: &RuleSet) -> std::collections::BTreeMap<String, crate::report::RuleHelp> {
    set.rules
        .iter()
        .filter_map(|r| {
            let text = explain(set, &r.id).ok()?;
            let markdown = explain_markdown(set, &r.id).ok()?;
            Some((r.id.clone(), crate::report::RuleHelp { text, markdown }))
        })
        .collect()
}

fn show_example(set: &RuleSet, rule: &Rule, example: &Example) -> String {
    let at = set
        .example_line(example)
        .map_or(example.source.clone(), |l| {
            format!("{}:{l}", example.source)
        });
    let mut out = format!("\nExample ({at})\n");
    if let Some(note) = &example.note {
        out.push_str(&wrap(note, "  ", 76));
    }
    for (name, text) in &example.articles {
        out.push_str(&format!("  {name}:\n{}", wrap(text, "    ", 74)));
    }
    match found(set, example) {
        Ok(conflicts) if !conflicts.is_empty() => {
            out.push_str("  finds:\n");
            for c in conflicts.iter().filter(|c| c.rule == rule.id) {
                out.push_str(&wrap(&describe(c), "    ", 74));
            }
        }
        _ => {
            out.push_str("  expects:\n");
            for e in &example.expect {
                out.push_str(&wrap(&describe_expected(e), "    ", 74));
            }
        }
    }
    out
}

/// The conflicts of an example's rule in its articles.
fn found(set: &RuleSet, example: &Example) -> Result<Vec<Conflict>> {
    let articles: Vec<Article> = example
        .articles
        .iter()
        .map(|(name, text)| Article::new(name.as_str(), text.as_str()))
        .collect();
    let report = crate::check(&articles, set)?;
    Ok(report
        .conflicts
        .into_iter()
        .filter(|c| c.rule == example.rule)
        .collect())
}

fn describe(c: &Conflict) -> String {
    let claims: Vec<String> = c
        .claims
        .iter()
        .map(|x| {
            format!(
                "{}:{}:{} “{}”",
                x.span.path, x.span.line, x.span.column, x.text
            )
        })
        .collect();
    let mut s = format!("{} [{}]", c.message, claims.join(", "));
    if let Some(sug) = &c.suggestion {
        s.push_str(&format!(" suggestion {sug:?}"));
    }
    s
}

fn describe_expected(e: &ExpectedConflict) -> String {
    let mut s = format!("values {:?}", e.values);
    if let Some(subject) = &e.subject {
        s.push_str(&format!(" subject {subject:?}"));
    }
    if let Some(sug) = &e.suggestion {
        s.push_str(&format!(" suggestion {sug:?}"));
    }
    s
}

/// Whether a conflict is the one expected: each value occurs in the text or
/// value of one of its claims, ignoring case, as in gold files.
fn matches(c: &Conflict, e: &ExpectedConflict) -> bool {
    let texts: Vec<String> = c
        .claims
        .iter()
        .map(|x| fold_quotes(&format!("{} \u{1} {}", x.text, x.value)))
        .collect();
    e.values
        .iter()
        .all(|v| texts.iter().any(|t| t.contains(&fold_quotes(v))))
        && e.subject.as_ref().is_none_or(|s| *s == c.subject)
        && e.suggestion
            .as_ref()
            .is_none_or(|s| Some(s) == c.suggestion.as_ref())
}

#[derive(Debug, PartialEq, Eq)]
pub enum Status {
    Passed,
    Failed,
    /// Why the example was not run.
    Skipped(String),
}

/// An example run: its status and, when it failed, what differed.
#[derive(Debug)]
pub struct Outcome<'a> {
    pub example: &'a Example,
    pub status: Status,
    /// `- expected ...` and `+ found ...` lines.
    pub diff: Vec<String>,
}

/// Runs every example of `set`. An example whose rule does not run, or
/// whose file's definition of the rule a later file replaced, is skipped.
pub fn run_examples(set: &RuleSet) -> Vec<Outcome<'_>> {
    set.examples
        .iter()
        .map(|example| {
            let skip = |why: String| Outcome {
                example,
                status: Status::Skipped(why),
                diff: Vec::new(),
            };
            let Some(rule) = set.rule(&example.rule) else {
                return skip("no such rule".into());
            };
            if !set.is_active(&rule.id) {
                return skip("the rule does not run".into());
            }
            if example.defines_rule && rule.source != example.source {
                return skip(format!("the rule is replaced by {}", rule.source));
            }
            let conflicts = match found(set, example) {
                Ok(c) => c,
                Err(e) => {
                    return Outcome {
                        example,
                        status: Status::Failed,
                        diff: vec![format!("! {e}")],
                    };
                }
            };
            let mut used = vec![false; conflicts.len()];
            let mut diff = Vec::new();
            for e in &example.expect {
                let hit = (0..conflicts.len()).find(|&k| !used[k] && matches(&conflicts[k], e));
                match hit {
                    Some(k) => used[k] = true,
                    None => diff.push(format!("- expected {}", describe_expected(e))),
                }
            }
            for (c, _) in conflicts.iter().zip(&used).filter(|(_, u)| !**u) {
                diff.push(format!("+ found {}", describe(c)));
            }
            Outcome {
                example,
                status: if diff.is_empty() {
                    Status::Passed
                } else {
                    Status::Failed
                },
                diff,
            }
        })
        .collect()
}

/// A line an example, its diff below it, and the totals.
pub fn examples_report(set: &RuleSet, outcomes: &[Outcome]) -> String {
    let mut out = String::new();
    let count = |f: fn(&Status) -> bool| outcomes.iter().filter(|o| f(&o.status)).count();
    let width = outcomes
        .iter()
        .map(|o| o.example.rule.chars().count())
        .max()
        .unwrap_or(0);
    for o in outcomes {
        let ex = o.example;
        let at = set
            .example_line(ex)
            .map_or(ex.source.clone(), |l| format!("{}:{l}", ex.source));
        let label = match &o.status {
            Status::Passed => "ok  ".to_string(),
            Status::Failed => "FAIL".to_string(),
            Status::Skipped(_) => "skip".to_string(),
        };
        let mut line = format!("{label} {:width$} {at}", ex.rule);
        if let Some(note) = &ex.note {
            line.push_str(&format!(" {note}"));
        }
        if let Status::Skipped(why) = &o.status {
            line.push_str(&format!(" ({why})"));
        }
        out.push_str(line.trim_end());
        out.push('\n');
        for d in &o.diff {
            out.push_str(&format!("     {d}\n"));
        }
    }
    out.push_str(&format!(
        "{} examples: {} passed, {} failed, {} skipped\n",
        outcomes.len(),
        count(|s| *s == Status::Passed),
        count(|s| *s == Status::Failed),
        count(|s| matches!(s, Status::Skipped(_))),
    ));
    out
}
