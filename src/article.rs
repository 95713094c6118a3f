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
    /// The story the article belongs to: its front matter's `story:`, else
    /// the folder that holds it. Figures, places, dates and roles are only
    /// compared within a story.
    pub story: Arc<str>,
    /// The outlet, from the front matter, for the report.
    pub source: Option<String>,
    /// The date of publication as written in the front matter.
    pub published: Option<String>,
    line_starts: Vec<usize>,
}

/// What an article's front matter says about it; every key is optional and
/// keys other than these (author, tags, ...) are left to other tools.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FrontMatter {
    pub story: Option<String>,
    pub source: Option<String>,
    pub published: Option<String>,
    pub title: Option<String>,
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
        let path: Arc<str> = path.into();
        let story = folder_of(&path).into();
        Article {
            path,
            title,
            text,
            story,
            source: None,
            published: None,
            line_starts,
        }
    }

    /// An article read from a file: its front matter, if any, sets the story,
    /// source, date and title, and is not read as article text.
    pub fn parse(path: impl Into<Arc<str>>, text: impl Into<String>) -> Result<Self> {
        let path: Arc<str> = path.into();
        let mut text: String = text.into();
        if text.starts_with('\u{feff}') {
            text.drain(..'\u{feff}'.len_utf8());
        }
        let Some((meta, body)) = split_front_matter(&path, &text)? else {
            return Ok(Article::new(path, text));
        };
        let mut article = Article::new(path, body);
        if let Some(story) = meta.story {
            article.story = story.into();
        }
        if let Some(title) = meta.title {
            article.title = title;
        }
        article.source = meta.source;
        article.published = meta.published;
        Ok(article)
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

/// The folder a path lies in, as written ("." for a bare file name).
fn folder_of(path: &str) -> String {
    match Path::new(path).parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_string_lossy().into_owned(),
        _ => ".".to_string(),
    }
}

/// A front matter block: `---` alone on the first line, up to a line of
/// `---` or `...`. Returns what it says and the text with the block's lines
/// emptied, so that lines and columns of the body stay those of the file.
/// `None` when the text has no such block.
pub fn split_front_matter(path: &str, text: &str) -> Result<Option<(FrontMatter, String)>> {
    let mut lines = text.split_inclusive('\n');
    if lines.next().map(str::trim_end) != Some("---") {
        return Ok(None);
    }
    let mut end = None;
    let mut offset = text.find('\n').map_or(text.len(), |i| i + 1);
    let block_start = offset;
    for line in lines {
        if matches!(line.trim_end(), "---" | "...") {
            end = Some((offset, offset + line.len()));
            break;
        }
        offset += line.len();
    }
    let Some((block_end, body_start)) = end else {
        return Ok(None);
    };
    let malformed =
        |line: Option<usize>, column: Option<usize>, message: String| Error::Malformed {
            path: path.to_string(),
            line,
            column,
            message: format!("front matter: {message}"),
        };
    let value: serde_yaml::Value =
        serde_yaml::from_str(&text[block_start..block_end]).map_err(|e| {
            let loc = e.location();
            // The block starts on the file's second line.
            malformed(
                loc.as_ref().map(|l| l.line() + 1),
                loc.map(|l| l.column()),
                crate::error::without_position(&e.to_string()),
            )
        })?;
    let map = match value {
        serde_yaml::Value::Mapping(m) => m,
        serde_yaml::Value::Null => serde_yaml::Mapping::new(),
        _ => {
            return Err(malformed(
                Some(2),
                None,
                "expected `key: value` lines".into(),
            ));
        }
    };
    let field = |key: &str| -> Result<Option<String>> {
        match map.get(key) {
            None | Some(serde_yaml::Value::Null) => Ok(None),
            Some(serde_yaml::Value::String(s)) => Ok(Some(s.trim().to_string())),
            Some(serde_yaml::Value::Number(n)) => Ok(Some(n.to_string())),
            Some(_) => Err(malformed(
                None,
                None,
                format!("`{key}` must be a single value"),
            )),
        }
    };
    let meta = FrontMatter {
        story: field("story")?.filter(|s| !s.is_empty()),
        source: field("source")?,
        published: field("published")?,
        title: field("title")?,
    };
    let mut body = String::with_capacity(text.len());
    for line in text[..body_start].split_inclusive('\n') {
        body.push_str(if line.ends_with("\r\n") {
            "\r\n"
        } else if line.ends_with('\n') {
            "\n"
        } else {
            ""
        });
    }
    body.push_str(&text[body_start..]);
    Ok(Some((meta, body)))
}

/// Articles are the .txt and .md files; anything else in a folder is ignored.
pub fn is_article(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("txt") | Some("md")
    )
}

/// Loads every path: a file as given, a folder as all articles under it,
/// sorted by path. The result is in the order the paths were given, without
/// duplicates.
pub fn load_paths(paths: &[PathBuf]) -> Result<Vec<Article>> {
    load_paths_where(paths, |_| true)
}

/// As [`load_paths`], skipping files and folders under a folder that `keep`
/// rejects; files named in `paths` are always read.
pub fn load_paths_where(paths: &[PathBuf], keep: impl Fn(&Path) -> bool) -> Result<Vec<Article>> {
    // Read on every core; the first failure in path order is the one
    // reported, whatever the thread count.
    let loaded: Vec<Result<Article>> = article_files(paths, &keep)?
        .par_iter()
        .map(|f| load_file(f))
        .collect();
    loaded.into_iter().collect()
}

/// The article files [`load_paths_where`] reads, in its order.
pub fn article_files(paths: &[PathBuf], keep: &dyn Fn(&Path) -> bool) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        let meta = fs::metadata(path).map_err(|source| Error::Io {
            path: path.clone(),
            source,
        })?;
        if meta.is_dir() {
            let mut found = Vec::new();
            let mut visited = BTreeSet::new();
            walk(path, keep, &mut found, &mut visited)?;
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
    Ok(files)
}

fn walk(
    dir: &Path,
    keep: &dyn Fn(&Path) -> bool,
    found: &mut Vec<PathBuf>,
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
        if !keep(&path) {
            continue;
        }
        if path.is_dir() {
            walk(&path, keep, found, visited)?;
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
    Article::parse(path.to_string_lossy().as_ref(), text)
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
    fn front_matter_sets_the_story_and_keeps_positions() {
        let text = "---\nstory: quake-2031\nsource: The Ledger\npublished: 2031-04-02\nauthor: X\n---\nMayor Ana Ruiz spoke.\n";
        let a = Article::parse("news/a.md", text).unwrap();
        assert_eq!(&*a.story, "quake-2031");
        assert_eq!(a.source.as_deref(), Some("The Ledger"));
        assert_eq!(a.published.as_deref(), Some("2031-04-02"));
        assert_eq!(a.title, "Mayor Ana Ruiz spoke.");
        assert!(!a.text.contains("story"));
        let start = a.text.find("Ana").unwrap();
        let s = a.span(start, start + 3);
        assert_eq!((s.line, s.column), (7, 7));
    }

    #[test]
    fn without_front_matter_the_folder_is_the_story() {
        assert_eq!(
            &*Article::parse("news/quake/a.txt", "---\nno end")
                .unwrap()
                .story,
            "news/quake"
        );
        assert_eq!(&*Article::new("a.txt", "x").story, ".");
    }

    #[test]
    fn malformed_front_matter_names_file_and_line() {
        let e = Article::parse("a.md", "---\nstory: [x\n---\nText.").unwrap_err();
        let msg = e.to_string();
        assert!(msg.starts_with("a.md:"), "{msg}");
        assert!(msg.contains("front matter"), "{msg}");
        let e = Article::parse("a.md", "---\nstory: {a: 1}\n---\nText.").unwrap_err();
        assert!(e.to_string().contains("story"), "{e}");
    }

    #[test]
    fn lone_cr_ends_a_line() {
        let a = Article::new("x.txt", "one\rtwo");
        let s = a.span(4, 7);
        assert_eq!((s.line, s.column), (2, 1));
    }
}
