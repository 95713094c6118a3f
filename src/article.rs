//! Loading articles from files and folders, and mapping byte offsets to
//! 1-based line and column positions.

use std::collections::BTreeSet;
use std::fmt;
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
    /// (byte offset, characters before it) every [`CHAR_MARK_STEP`] bytes or
    /// so: a column then costs a short count, even on a 50 MB line.
    char_marks: Vec<(usize, usize)>,
}

const CHAR_MARK_STEP: usize = 4096;

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
        // A mark at the first character boundary every CHAR_MARK_STEP bytes.
        let mut char_marks = vec![(0, 0)];
        let (mut byte, mut chars) = (0, 0);
        loop {
            let mut next = byte + CHAR_MARK_STEP;
            while next < text.len() && !text.is_char_boundary(next) {
                next += 1;
            }
            if next >= text.len() {
                break;
            }
            chars += text[byte..next].chars().count();
            char_marks.push((next, chars));
            byte = next;
        }
        // Every article of an archive is held to the end: no slack.
        line_starts.shrink_to_fit();
        char_marks.shrink_to_fit();
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
            char_marks,
        }
    }

    /// An article from the bytes of file `path`: UTF-8 text without NUL
    /// bytes (a NUL marks a binary file, as it does for git), front matter
    /// read as by [`Article::parse`].
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
        Article::parse(path.to_string_lossy().as_ref(), text)
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
        // A short line is counted from its start; a long one from the marks.
        let before = if start - line_start <= CHAR_MARK_STEP {
            self.text[line_start..start].chars().count()
        } else {
            self.chars_before(start) - self.chars_before(line_start)
        };
        let column = before + 1;
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
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Skipped {
    pub path: PathBuf,
    pub reason: SkipReason,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
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
#[derive(Debug, Clone)]
pub struct Found {
    pub path: PathBuf,
    pub found_in_folder: bool,
}

impl Found {
    /// Reads the file: `None` (and an entry in `skipped`) for a binary file
    /// found in a folder; named explicitly, a binary file is an error.
    pub fn read(&self, skipped: &mut Vec<Skipped>) -> Result<Option<Article>> {
        self.settle(load_file(&self.path), skipped)
    }

    /// What reading the file gave, as [`Found::read`] reports it.
    fn settle(&self, read: Result<Article>, skipped: &mut Vec<Skipped>) -> Result<Option<Article>> {
        match read {
            Ok(article) => Ok(Some(article)),
            Err(Error::Binary { path, offset }) if self.found_in_folder => {
                skipped.push(Skipped {
                    path,
                    reason: SkipReason::Binary { offset },
                });
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }
}

/// How folders are walked: which files the config leaves out, and whether
/// `.gitignore`, `.ignore` and hidden-file rules apply, as in ripgrep.
#[derive(Clone)]
pub struct Walk {
    /// False for a file or folder (under a folder walked) to leave out.
    pub keep: Arc<dyn Fn(&Path) -> bool + Send + Sync>,
    /// Honour `.gitignore`, `.ignore` and `.git/info/exclude` files, and
    /// pass over hidden files and folders (`node_modules/` in a
    /// `.gitignore`, `.git/`); `--no-ignore` turns this off.
    pub ignore_files: bool,
}

impl Default for Walk {
    fn default() -> Self {
        Walk {
            keep: Arc::new(|_| true),
            ignore_files: true,
        }
    }
}

impl fmt::Debug for Walk {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Walk")
            .field("ignore_files", &self.ignore_files)
            .finish_non_exhaustive()
    }
}

/// Loads every path: a file as given, a folder as all articles under it.
/// A file reached twice (named twice, or through a symbolic link) is read
/// once. Binary files and non-files met in folders are skipped and listed in
/// [`Loaded::skipped`]; named explicitly, a binary file is an error.
pub fn load_paths(paths: &[PathBuf]) -> Result<Loaded> {
    load_paths_where(paths, &Walk::default())
}

/// As [`load_paths`], walking folders as `walk` says; files named in
/// `paths` are always read.
pub fn load_paths_where(paths: &[PathBuf], walk: &Walk) -> Result<Loaded> {
    let mut skipped = Vec::new();
    let found = article_files(paths, walk, &mut skipped)?;
    // Read on every core; what is kept, skipped or reported as the first
    // failure goes in path order, whatever the thread count.
    let loaded: Vec<Result<Article>> = found.par_iter().map(|f| load_file(&f.path)).collect();
    let mut articles = Vec::with_capacity(found.len());
    for (f, read) in found.iter().zip(loaded) {
        articles.extend(f.settle(read, &mut skipped)?);
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
    skipped.sort();
    Ok(Loaded { articles, skipped })
}

/// The article files [`load_paths_where`] reads, in path order and each
/// once; pipes, sockets and devices found in folders go to `skipped`.
pub fn article_files(
    paths: &[PathBuf],
    walk: &Walk,
    skipped: &mut Vec<Skipped>,
) -> Result<Vec<Found>> {
    let mut found = Vec::new();
    for path in paths {
        let meta = fs::metadata(path).map_err(|source| Error::Io {
            path: path.clone(),
            source,
        })?;
        if meta.is_dir() {
            let before = found.len();
            walk_folder(path, walk, &mut found, skipped)?;
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
    found.retain(|f| seen.insert(crate::paths::identity(&f.path)));
    Ok(found)
}

/// The articles under `dir`, with the walker ripgrep uses: symbolic links
/// followed (a loop is walked once), ignore files honoured unless
/// `walk.ignore_files` is off, folders the config leaves out not entered.
fn walk_folder(
    dir: &Path,
    walk: &Walk,
    found: &mut Vec<Found>,
    skipped: &mut Vec<Skipped>,
) -> Result<()> {
    let keep = walk.keep.clone();
    let on = walk.ignore_files;
    let walker = ignore::WalkBuilder::new(dir)
        .follow_links(true)
        .hidden(on)
        .ignore(on)
        .git_ignore(on)
        .git_exclude(on)
        .git_global(false)
        .parents(on)
        // An archive copied out of its repository keeps its .gitignore.
        .require_git(false)
        .filter_entry(move |e| e.depth() == 0 || keep(e.path()))
        .build();
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                walk_error(e, found)?;
                continue;
            }
        };
        let path = entry.path();
        if entry.depth() == 0 || !is_article(path) {
            continue;
        }
        // Followed links: the metadata of what they point to.
        match fs::metadata(path) {
            Ok(m) if m.is_dir() => {}
            Ok(m) if !m.is_file() => skipped.push(Skipped {
                path: path.to_path_buf(),
                reason: SkipReason::NotAFile,
            }),
            // A dangling link has no metadata; as an article it fails when read.
            _ => found.push(Found {
                path: path.to_path_buf(),
                found_in_folder: true,
            }),
        }
    }
    Ok(())
}

/// What the walker could not do: a loop of links is walked once, an
/// unreadable folder is an error, a dangling link named like an article is
/// kept so that reading it reports it.
fn walk_error(e: ignore::Error, found: &mut Vec<Found>) -> Result<()> {
    fn parts(e: &ignore::Error) -> (Option<&Path>, Option<&ignore::Error>) {
        match e {
            ignore::Error::WithPath { path, err } => (Some(path), Some(err)),
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
                parts(err)
            }
            ignore::Error::Loop { .. } => (None, None),
            other => (None, Some(other)),
        }
    }
    if matches!(&e, ignore::Error::Loop { .. })
        || matches!(&e, ignore::Error::WithDepth { err, .. } if matches!(**err, ignore::Error::Loop { .. }))
    {
        return Ok(());
    }
    let (path, _) = parts(&e);
    let Some(io) = e.io_error() else {
        // A malformed ignore file is no reason to stop.
        return Ok(());
    };
    let path = path.map(Path::to_path_buf).unwrap_or_default();
    if io.kind() == std::io::ErrorKind::NotFound && is_article(&path) {
        found.push(Found {
            path,
            found_in_folder: true,
        });
        return Ok(());
    }
    Err(Error::Io {
        path,
        source: std::io::Error::new(io.kind(), io.to_string()),
    })
}

pub fn load_file(path: &Path) -> Result<Article> {
    let bytes = fs::read(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    Article::from_bytes(path, bytes)
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
        let line_start = a.text.find('\n').unwrap() + 1;
        // Before, across and after the marks, which fall inside characters.
        for (start, _) in a.text.match_indices("wörds").step_by(37) {
            let s = a.span(start, start + "wörds".len());
            let column = a.text[line_start..start].chars().count() + 1;
            assert_eq!((s.line, s.column), (2, column));
        }
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
