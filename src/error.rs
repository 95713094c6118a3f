//! Errors at the library boundary. Each carries the file (and position where
//! there is one) so the binary can print a single line and exit 2.

use std::fmt;
use std::path::PathBuf;

#[derive(Debug)]
pub enum Error {
    /// A path given by the user could not be read.
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// An article is not valid UTF-8; `offset` is the first bad byte.
    NotUtf8 { path: PathBuf, offset: usize },
    /// A file named as an article holds a NUL byte at `offset`.
    Binary { path: PathBuf, offset: usize },
    /// A path was given but holds no article (.txt or .md); `skipped`
    /// files were passed over as binary or not files.
    NoArticles { path: PathBuf, skipped: usize },
    /// A file the user wrote for crosscheck (its config, a baseline, an
    /// article's front matter) cannot be read as such.
    Malformed {
        path: String,
        line: Option<usize>,
        column: Option<usize>,
        message: String,
    },
    /// `eval --plant` was given no story of two articles or more.
    NoStory { path: PathBuf },
    /// A request that cannot be carried out as asked.
    Usage { message: String },
    /// `--changed` names a path that is not an article of the corpus.
    NotInCorpus { path: PathBuf, reason: String },
    /// The worker threads asked for could not be started.
    Threads { count: usize, message: String },
    /// A rule or lexicon file is malformed or inconsistent.
    Rules {
        path: String,
        line: Option<usize>,
        column: Option<usize>,
        message: String,
    },
    /// `--select` or `--ignore` names a rule no rules file defines.
    UnknownRule {
        option: String,
        id: String,
        /// The defined id closest to the one given, if one is close.
        hint: Option<String>,
    },
    /// A suppression comment in an article is malformed or names an
    /// unknown rule.
    Directive {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
}

/// A parser's message without the "at line L column C" it ends with, since
/// the error names the position before the message.
pub fn without_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) if message[i..].contains(" column ") => message[..i].to_string(),
        _ => message.to_string(),
    }
}

impl Error {
    pub fn rules(path: impl Into<String>, message: impl Into<String>) -> Self {
        Error::Rules {
            path: path.into(),
            line: None,
            column: None,
            message: message.into(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io { path, source } => write!(f, "{}: {}", path.display(), source),
            Error::NotUtf8 { path, offset } => write!(
                f,
                "{}: not valid UTF-8 (first bad byte at offset {offset})",
                path.display()
            ),
            Error::Binary { path, offset } => write!(
                f,
                "{}: binary file, not an article (NUL byte at offset {offset})",
                path.display()
            ),
            Error::NoArticles { path, skipped: 0 } => {
                write!(
                    f,
                    "{}: no articles (.txt or .md files) found",
                    path.display()
                )
            }
            Error::NoArticles { path, skipped } => write!(
                f,
                "{}: no articles (.txt or .md files) found, {skipped} skipped",
                path.display()
            ),
            Error::NoStory { path } => write!(
                f,
                "{}: no story of two or more articles to plant in (a story is a folder, or the articles whose front matter gives one `story:`)",
                path.display()
            ),
            Error::Usage { message } => f.write_str(message),
            Error::NotInCorpus { path, reason } => write!(
                f,
                "{}: --changed names {reason}; to check a file against an archive: \
                 crosscheck check FILE --against ARCHIVE",
                path.display()
            ),
            Error::Threads { count, message } => {
                write!(f, "cannot start {count} threads: {message}")
            }
            Error::Rules {
                path,
                line,
                column,
                message,
            }
            | Error::Malformed {
                path,
                line,
                column,
                message,
            } => match (line, column) {
                (Some(l), Some(c)) => write!(f, "{path}:{l}:{c}: {message}"),
                (Some(l), None) => write!(f, "{path}:{l}: {message}"),
                _ => write!(f, "{path}: {message}"),
            },
            Error::UnknownRule { option, id, hint } => {
                write!(f, "{option}: no rule has the id {id:?}")?;
                if let Some(h) = hint {
                    write!(f, " (did you mean {h:?}?)")?;
                }
                write!(f, "; `crosscheck rules` lists them")
            }
            Error::Directive {
                path,
                line,
                column,
                message,
            } => write!(f, "{path}:{line}:{column}: {message}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

pub type Result<T> = std::result::Result<T, Error>;
