//! Loading articles from files and folders, and mapping byte offsets to
//! 1-based line and column positions.

use std::collections::BTreeSet;
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Serialize;

use crate::error::{Error, Result};

/// One article: its text and an index of where lines start.
#[derive(Debug, Clone)]
pub struct Article {
    pub path: Arc<str>,
    pub title: String,
    pub text: String,
    line_starts: Vec<usize>,
    /// (byte offset, characters before it) every [`CHAR_MARK_STEP`] bytes or
    /// so: a column then costs a short count, even on a 50 MB line.
    char_marks: Vec<(usize, usize)>,
}

const CHAR_MARK_STEP: usize = 4096;

/// Where a claim sits in its article. `line` and `column` are 1-based, the
/// column counted in characters; `start..end` are byte offsets into the text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Span {
    pub path: Arc<str>,
    pub line: usize,
    pub column: usize,
    #[serde(skip)]
    pub start: usize,
    #[serde(skip)]
    pub end: usize,
}

impl Article {
    pub fn new(path: impl Into<Arc<str>>, text: impl Into<String>) -> Self {
        let mut text: String = text.into();
        if text.starts_with('\u{feff}') {
            text.drain(..'\u{feff}'.len_utf8());
        }
        let mut line_starts = vec![0];
        let bytes = text.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            // A lone CR ends a line too; CRLF counts once.
            if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                line_starts.push(i + 1);
            }
        }
        let mut char_marks = vec![(0, 0)];
        for (chars, (byte, _)) in text.char_indices().enumerate() {
            if byte >= char_marks.last().unwrap().0 + CHAR_MARK_STEP {
                char_marks.push((byte, chars));
            }
        }
        let title = text
            .lines()
            .map(|l| l.trim().trim_start_matches('#').trim())
            .find(|l| !l.is_empty())
            .unwrap_or_default()
            .to_string();
        Article {
            path: path.into(),
            title,
            text,
            line_starts,
            char_marks,
        }
    }

    /// How many characters come before byte `at`.
    fn chars_before(&self, at: usize) -> usize {
        let mark = self.char_marks.partition_point(|&(b, _)| b <= at) - 1;
        let (byte, chars) = self.char_marks[mark];
        chars + self.text[byte..at].chars().count()
    }

    /// The span of bytes `start..end`, which must lie on char boundaries.
    pub fn span(&self, start: usize, end: usize) -> Span {
        let line_idx = self.line_starts.partition_point(|&s| s <= start) - 1;
        let line_start = self.line_starts[line_idx];
        let column = self.chars_before(start) - self.chars_before(line_start) + 1;
        Span {
            path: self.path.clone(),
            line: line_idx + 1,
            column,
            start,
            end,
        }
    }

    pub fn slice(&self, span: &Span) -> &str {
        &self.text[span.start..span.end]
    }
}

/// Articles are the .txt and .md files; anything else in a folder is ignored.
fn is_article(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("txt") | Some("md")
    )
}

/// Sorts articles by path: the one order every report uses, so that output
/// does not depend on the order the articles were given in.
pub fn sort_by_path(articles: &mut [Article]) {
    articles.sort_by(|a, b| a.path.cmp(&b.path));
}

/// What loading found: the articles in path order, and the files found in
/// folders but passed over.
#[derive(Debug)]
pub struct Loaded {
    pub articles: Vec<Article>,
    pub skipped: Vec<Skipped>,
}

/// A file found while walking a folder and passed over, with the reason:
/// a folder in a repository holds whatever was committed to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub path: PathBuf,
    pub reason: SkipReason,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkipReason {
    /// A NUL byte at `offset`: an image or archive named `.txt`.
    Binary { offset: usize },
    /// A pipe, socket or device: reading one could block for ever.
    NotAFile,
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.reason {
            SkipReason::Binary { offset } => write!(
                f,
                "{}: skipped: binary file (NUL byte at offset {offset})",
                self.path.display()
            ),
            SkipReason::NotAFile => {
                write!(f, "{}: skipped: not a regular file", self.path.display())
            }
        }
    }
}

/// A file to read, named by the user or found in a folder.
struct Found {
    path: PathBuf,
    found_in_folder: bool,
}

/// Loads every path: a file as given, a folder as all articles under it.
/// A file reached twice (named twice, or through a symbolic link) is read
/// once. Binary files and non-files met in folders are skipped and listed in
/// [`Loaded::skipped`]; named explicitly, a binary file is an error.
pub fn load_paths(paths: &[PathBuf]) -> Result<Loaded> {
    let mut found = Vec::new();
    let mut skipped = Vec::new();
    for path in paths {
        let meta = fs::metadata(path).map_err(|source| Error::Io {
            path: path.clone(),
            source,
        })?;
        if meta.is_dir() {
            let before = found.len();
            let mut visited = BTreeSet::new();
            walk(path, &mut found, &mut skipped, &mut visited)?;
            if found.len() == before {
                return Err(Error::NoArticles {
                    path: path.clone(),
                    skipped: skipped.len(),
                });
            }
        } else {
            found.push(Found {
                path: path.clone(),
                found_in_folder: false,
            });
        }
    }
    // Path order first, so that which spelling of a duplicate is kept does
    // not depend on the order of the arguments; a file named beats one found.
    found.sort_by(|a, b| (&a.path, a.found_in_folder).cmp(&(&b.path, b.found_in_folder)));
    let mut seen = BTreeSet::new();
    found.retain(|f| seen.insert(fs::canonicalize(&f.path).unwrap_or_else(|_| f.path.clone())));
    let mut articles = Vec::with_capacity(found.len());
    for f in found {
        match load_file(&f.path) {
            Ok(article) => articles.push(article),
            Err(Error::Binary { path, offset }) if f.found_in_folder => skipped.push(Skipped {
                path,
                reason: SkipReason::Binary { offset },
            }),
            Err(e) => return Err(e),
        }
    }
    // Folders whose every article was skipped: nothing left to check.
    if articles.is_empty()
        && let Some(folder) = paths.iter().find(|p| p.is_dir())
    {
        return Err(Error::NoArticles {
            path: folder.clone(),
            skipped: skipped.len(),
        });
    }
    sort_by_path(&mut articles);
    Ok(Loaded { articles, skipped })
}

fn walk(
    dir: &Path,
    found: &mut Vec<Found>,
    skipped: &mut Vec<Skipped>,
    visited: &mut BTreeSet<PathBuf>,
) -> Result<()> {
    let io_err = |source| Error::Io {
        path: dir.to_path_buf(),
        source,
    };
    // Following a symbolic link back into a folder already seen would loop.
    let canonical = fs::canonicalize(dir).map_err(io_err)?;
    if !visited.insert(canonical) {
        return Ok(());
    }
    for entry in fs::read_dir(dir).map_err(io_err)? {
        let path = entry.map_err(io_err)?.path();
        // A dangling link has no metadata; as an article it fails when read.
        let meta = fs::metadata(&path).ok();
        if meta.as_ref().is_some_and(fs::Metadata::is_dir) {
            walk(&path, found, skipped, visited)?;
        } else if !is_article(&path) {
            continue;
        } else if meta.is_some_and(|m| !m.is_file()) {
            skipped.push(Skipped {
                path,
                reason: SkipReason::NotAFile,
            });
        } else {
            found.push(Found {
                path,
                found_in_folder: true,
            });
        }
    }
    Ok(())
}

pub fn load_file(path: &Path) -> Result<Article> {
    let bytes = fs::read(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    Article::from_bytes(path, bytes)
}

impl Article {
    /// An article from the bytes of file `path`: UTF-8 text without NUL
    /// bytes (a NUL marks a binary file, as it does for git).
    pub fn from_bytes(path: &Path, bytes: Vec<u8>) -> Result<Article> {
        if let Some(offset) = bytes.iter().position(|&b| b == 0) {
            return Err(Error::Binary {
                path: path.to_path_buf(),
                offset,
            });
        }
        let text = String::from_utf8(bytes).map_err(|e| Error::NotUtf8 {
            path: path.to_path_buf(),
            offset: e.utf8_error().valid_up_to(),
        })?;
        Ok(Article::new(path.to_string_lossy().as_ref(), text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_count_characters() {
        let a = Article::new("x.txt", "Title\nJosé met Ana\r\nthen Bo");
        let start = a.text.find("met").unwrap();
        let s = a.span(start, start + 3);
        assert_eq!((s.line, s.column), (2, 6));
        let start = a.text.find("Bo").unwrap();
        let s = a.span(start, start + 2);
        assert_eq!((s.line, s.column), (3, 6));
        assert_eq!(a.slice(&s), "Bo");
    }

    #[test]
    fn bom_is_dropped_and_title_is_first_line() {
        let a = Article::new("x.md", "\u{feff}# Headline here\n\nBody.");
        assert_eq!(a.title, "Headline here");
        assert!(a.text.starts_with('#'));
    }

    #[test]
    fn columns_far_along_a_long_line_count_characters() {
        let text = "Ünïcödé wörds, ".repeat(2_000);
        let a = Article::new("x.txt", format!("Title\n{text}"));
        let start = a.text.rfind("wörds").unwrap();
        let s = a.span(start, start + "wörds".len());
        let line_start = a.text.find('\n').unwrap() + 1;
        let column = a.text[line_start..start].chars().count() + 1;
        assert_eq!((s.line, s.column), (2, column));
    }

    #[test]
    fn lone_cr_ends_a_line() {
        let a = Article::new("x.txt", "one\rtwo");
        let s = a.span(4, 7);
        assert_eq!((s.line, s.column), (2, 1));
    }
}
