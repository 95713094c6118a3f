//! GitHub Actions workflow commands: an annotation a conflict, on the claim
//! a change brought in where there is one, then a summary line (GitHub shows
//! only the first ten annotations of each level in a step).

use super::{RenderOptions, Report, words};
use crate::rules::Severity;

/// How many annotations of one level GitHub shows for a step.
const SHOWN_PER_LEVEL: usize = 10;

fn command(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// A command's message: `%`, CR and LF escaped.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A command's property value: as data, and `:` and `,` too.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn render(report: &Report, options: &RenderOptions) -> String {
    let mut out = String::new();
    for (_, c) in report.ordered() {
        if c.claims.is_empty() {
            continue;
        }
        // On the claim at fault: in a changed article where there is one.
        let at = &c.claims[report.at_fault(c)];
        let mut message = format!(
            "{}: {}",
            words::headline(c, options.rule(&c.rule)),
            words::values(c)
        );
        if let Some(s) = words::suggestion(c) {
            message.push_str(&format!("\nsuggestion: {s}"));
        }
        for x in &c.claims {
            message.push_str(&format!(
                "\n{}:{}:{} “{}”",
                x.span.path, x.span.line, x.span.column, x.text
            ));
        }
        let mut properties = vec![
            format!("file={}", escape_property(&at.span.path)),
            format!("line={}", at.span.line),
            format!("col={}", at.span.column),
        ];
        if !at.text.contains('\n') {
            properties.push(format!(
                "endColumn={}",
                at.span.column + at.text.chars().count()
            ));
        }
        properties.push(format!(
            "title={}",
            escape_property(&format!("{}: {}", c.rule, c.subject))
        ));
        out.push_str(&format!(
            "::{} {}::{}\n",
            command(c.severity),
            properties.join(","),
            escape_data(&message)
        ));
    }
    out.push_str(&format!("crosscheck: {}\n", report.summary_line()));
    let hidden = [Severity::Error, Severity::Warning, Severity::Info]
        .into_iter()
        .any(|s| report.count(s) > SHOWN_PER_LEVEL);
    if hidden {
        out.push_str(&format!(
            "crosscheck: GitHub shows the first {SHOWN_PER_LEVEL} annotations of each level; \
             the job summary lists them all\n"
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_follows_githubs_rules() {
        assert_eq!(escape_data("50% off\r\nnow"), "50%25 off%0D%0Anow");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
