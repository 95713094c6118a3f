//! SARIF 2.1.0, the format code-scanning services read: a rule per rule id
//! with its explanation as help, a result per conflict located at the claim
//! at fault, the other claims as related locations.

use serde_json::{Value, json};

use super::{RenderOptions, Report, RuleHelp, identity, words};
use crate::rules::{ConflictClaim, Rule, Severity};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

pub fn render(report: &Report, options: &RenderOptions) -> String {
    let rules = options.rules;
    let mut driver = json!({
        "name": env!("CARGO_PKG_NAME"),
        "version": env!("CARGO_PKG_VERSION"),
        "rules": rules.iter().map(|r| rule(r, options.help.get(&r.id))).collect::<Vec<_>>(),
    });
    // A link to the project, where Cargo.toml names one.
    let uri = [env!("CARGO_PKG_HOMEPAGE"), env!("CARGO_PKG_REPOSITORY")]
        .into_iter()
        .find(|u| !u.is_empty());
    if let Some(uri) = uri {
        driver["informationUri"] = json!(uri);
    }
    let results: Vec<Value> = report
        .conflicts
        .iter()
        .map(|c| {
            let mut text = c.message.clone();
            if let Some(s) = words::suggestion(c) {
                text.push_str(&format!(" (suggestion: {s})"));
            }
            let fault = report.at_fault(c);
            let related: Vec<Value> = c
                .claims
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != fault)
                .map(|(i, x)| {
                    let mut l = location(x);
                    l["id"] = json!(i);
                    l
                })
                .collect();
            let mut result = json!({
                "ruleId": c.rule,
                "level": level(c.severity),
                "message": {"text": text},
                "locations": [location(&c.claims[fault])],
                "partialFingerprints": {"crosscheckConflict/v1": identity(c).fingerprint()},
            });
            if !related.is_empty() {
                result["relatedLocations"] = json!(related);
            }
            if let Some(i) = rules.iter().position(|r| r.id == c.rule) {
                result["ruleIndex"] = json!(i);
            }
            result
        })
        .collect();
    let sarif = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": driver},
            // Columns count characters, as everywhere in crosscheck.
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    serde_json::to_string_pretty(&sarif).expect("SARIF serializes") + "\n"
}

/// A claim as a location: where it is, and its value in words.
fn location(x: &ConflictClaim) -> Value {
    json!({
        "physicalLocation": {
            "artifactLocation": {"uri": artifact_uri(&x.span.path)},
            "region": region(x.span.line, x.span.column, &x.text),
        },
        "message": {"text": words::one_line(x.words())},
    })
}

fn rule(r: &Rule, help: Option<&RuleHelp>) -> Value {
    let flat = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let full = r.description.as_deref().map(flat);
    // The first sentence of the description says what the rule flags.
    let short = full
        .as_deref()
        .map(|d| {
            d.split_inclusive(". ")
                .next()
                .unwrap_or(d)
                .trim()
                .to_string()
        })
        .unwrap_or_else(|| format!("{} conflicts", r.kind));
    let mut v = json!({
        "id": r.id,
        "shortDescription": {"text": short},
        "defaultConfiguration": {"level": level(r.severity)},
        "properties": {"tags": [r.kind.to_string()]},
    });
    // What the rule flags, then why that matters.
    let explained: Vec<String> = full
        .into_iter()
        .chain(r.rationale.as_deref().map(flat))
        .collect();
    v["fullDescription"] = json!({
        "text": if explained.is_empty() { v["shortDescription"]["text"].as_str().unwrap_or_default().to_string() } else { explained.join(" ") }
    });
    if let Some(h) = help {
        v["help"] = json!({"text": h.text, "markdown": h.markdown});
    }
    v
}

/// Where a claim's text starts and ends; the end column is the one after
/// its last character.
fn region(line: usize, column: usize, text: &str) -> Value {
    let lines: Vec<&str> = text.split('\n').collect();
    let last = lines.last().copied().unwrap_or("").trim_end_matches('\r');
    let (end_line, end_column) = if lines.len() > 1 {
        (line + lines.len() - 1, last.chars().count() + 1)
    } else {
        (line, column + text.chars().count())
    };
    json!({
        "startLine": line,
        "startColumn": column,
        "endLine": end_line,
        "endColumn": end_column,
        "snippet": {"text": text},
    })
}

/// A path as a URI reference: relative with forward slashes (relative to
/// where crosscheck ran, which CI makes the repository root), bytes outside
/// the unreserved set percent-encoded.
pub fn artifact_uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let path = path.strip_prefix("./").unwrap_or(&path);
    let mut out = String::new();
    if path.starts_with('/') {
        out.push_str("file://");
    }
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_relative_and_encoded() {
        assert_eq!(
            artifact_uri("./archive/a b/é.md"),
            "archive/a%20b/%C3%A9.md"
        );
        assert_eq!(artifact_uri("/tmp/x.md"), "file:///tmp/x.md");
    }

    #[test]
    fn regions_end_after_the_text() {
        let r = region(3, 5, "Umarov");
        assert_eq!(
            (r["endLine"].as_u64(), r["endColumn"].as_u64()),
            (Some(3), Some(11))
        );
        let r = region(3, 5, "New\nYork");
        assert_eq!(
            (r["endLine"].as_u64(), r["endColumn"].as_u64()),
            (Some(4), Some(5))
        );
    }
}
