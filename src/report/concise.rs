//! One line a conflict, `path:line:column: severity[rule]: message`, for
//! grep and for the problem matchers of editors and CI: the location is
//! the claim at fault, the path as given on the command line.

use super::paint::Paint;
use super::words;
use super::{RenderOptions, Report};

pub fn render(report: &Report, options: &RenderOptions) -> String {
    let paint = Paint { on: options.colour };
    let mut out = String::new();
    for (_, c) in report.ordered() {
        let x = &c.claims[report.at_fault(c)];
        let mut message = format!(
            "{}: {}",
            words::headline(c, options.rule(&c.rule)),
            words::values(c)
        );
        if let Some(s) = words::suggestion(c) {
            message.push_str(&format!("; suggestion: {s}"));
        }
        out.push_str(&format!(
            "{}: {}: {}\n",
            words::location(x, &x.span.path),
            paint.severity(c.severity, &format!("{}[{}]", c.severity, c.rule)),
            words::one_line(&message)
        ));
    }
    out.push_str(&report.summary_line());
    out.push('\n');
    out
}
