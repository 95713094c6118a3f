//! Loading articles from files and folders, and mapping byte offsets to
//! 1-based line and column positions.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;

use crate::error::{Error, Result};

/// One article: its text and an index of where lines start.
#[derive(Debug, Clone)]
pub struct Article {
    pub path: Arc<str>,
    pub title: String,
    pub text: String,
    line_starts: Vec<usize>,
}

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
        }
    }

    /// The span of bytes `start..end`, which must lie on char boundaries.
    pub fn span(&self, start: usize, end: usize) -> Span {
        let line_idx = self.line_starts.partition_point(|&s| s <= start) - 1;
        let line_start = self.line_starts[line_idx];
        let column = self.text[line_start..start].chars().count() + 1;
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

/// Loads every path: a file as given, a folder as all articles under it,
/// sorted by path. The result is in the order the paths were given, without
/// duplicates.
pub fn load_paths(paths: &[PathBuf]) -> Result<Vec<Article>> {
    let mut files = Vec::new();
    for path in paths {
        let meta = fs::metadata(path).map_err(|source| Error::Io {
            path: path.clone(),
            source,
        })?;
        if meta.is_dir() {
            let mut found = Vec::new();
            let mut visited = BTreeSet::new();
            walk(path, &mut found, &mut visited)?;
            if found.is_empty() {
                return Err(Error::NoArticles { path: path.clone() });
            }
            found.sort();
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    let mut seen = BTreeSet::new();
    files.retain(|f| seen.insert(f.clone()));
    // Read on every core; the first failure in path order is the one
    // reported, whatever the thread count.
    let loaded: Vec<Result<Article>> = files.par_iter().map(|f| load_file(f)).collect();
    loaded.into_iter().collect()
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>, visited: &mut BTreeSet<PathBuf>) -> Result<()> {
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
        if path.is_dir() {
            walk(&path, found, visited)?;
        } else if is_article(&path) {
            found.push(path);
        }
    }
    Ok(())
}

pub fn load_file(path: &Path) -> Result<Article> {
    let bytes = fs::read(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let text = String::from_utf8(bytes).map_err(|e| Error::NotUtf8 {
        path: path.to_path_buf(),
        offset: e.utf8_error().valid_up_to(),
    })?;
    Ok(Article::new(path.to_string_lossy().as_ref(), text))
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
    fn lone_cr_ends_a_line() {
        let a = Article::new("x.txt", "one\rtwo");
        let s = a.span(4, 7);
        assert_eq!((s.line, s.column), (2, 1));
    }
}
