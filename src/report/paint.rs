//! Colour for the terminal formats: ANSI styles where asked for
//! (`--color`), the text alone otherwise.

use anstyle::{AnsiColor, Style};

use crate::rules::Severity;

/// Paints text, or leaves it plain when colour is off.
#[derive(Debug, Clone, Copy)]
pub struct Paint {
    pub on: bool,
}

impl Paint {
    fn with(self, style: Style, text: &str) -> String {
        if self.on && !text.is_empty() {
            format!("{}{text}{}", style.render(), style.render_reset())
        } else {
            text.to_string()
        }
    }

    pub fn severity_style(severity: Severity) -> Style {
        let colour = match severity {
            Severity::Error => AnsiColor::Red,
            Severity::Warning => AnsiColor::Yellow,
            Severity::Info => AnsiColor::Cyan,
        };
        Style::new().fg_color(Some(colour.into())).bold()
    }

    /// In the colour of a severity: red errors, yellow warnings, cyan info.
    pub fn severity(self, severity: Severity, text: &str) -> String {
        self.with(Self::severity_style(severity), text)
    }

    pub fn bold(self, text: &str) -> String {
        self.with(Style::new().bold(), text)
    }

    /// Locations and gutters, as rustc draws them.
    pub fn gutter(self, text: &str) -> String {
        self.with(
            Style::new().fg_color(Some(AnsiColor::Blue.into())).bold(),
            text,
        )
    }

    /// The suggestion.
    pub fn good(self, text: &str) -> String {
        self.with(
            Style::new().fg_color(Some(AnsiColor::Green.into())).bold(),
            text,
        )
    }
}
