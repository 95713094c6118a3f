//! Paths the user names (changed files, config folders) matched against
//! the articles read: made absolute and cleaned of `.` and `..`, so that
//! `./archive/a.md`, `archive/a.md` and `/repo/archive/a.md` are one file.

use std::io::Read;
use std::path::{Component, Path, PathBuf};

use crate::error::{Error, Result};

/// `path` made absolute against the current folder, `.` and `..` resolved
/// as written (symbolic links are left alone: the file may not exist).
pub fn normalize(path: &Path) -> PathBuf {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let mut out = PathBuf::new();
    for c in absolute.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// What identifies a file: its canonical path where it exists (symbolic
/// links resolved), else its normalized path.
pub fn identity(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| normalize(path))
}

/// The bytes of `path`, which must be a regular file (or a link to one):
/// opening a pipe would block until something writes to it, and a device
/// can be endless.
pub fn read_file(path: &Path) -> Result<Vec<u8>> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    if !std::fs::metadata(path).map_err(io)?.is_file() {
        return Err(Error::NotAFile {
            path: path.to_path_buf(),
        });
    }
    std::fs::read(path).map_err(io)
}

/// [`read_file`] as UTF-8 text.
pub fn read_text(path: &Path) -> Result<String> {
    String::from_utf8(read_file(path)?).map_err(|_| Error::Io {
        path: path.to_path_buf(),
        source: std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "stream did not contain valid UTF-8",
        ),
    })
}

/// A list of paths, one a line, from standard input (`-`) or a file, as
/// `git diff --name-only` prints it: blank lines are skipped and names Git
/// quotes (`"caf\303\251.md"`) are unquoted.
pub fn read_list(source: &Path) -> Result<Vec<PathBuf>> {
    let io = |e| Error::Io {
        path: source.to_path_buf(),
        source: e,
    };
    let mut bytes = Vec::new();
    if source == Path::new("-") {
        std::io::stdin().read_to_end(&mut bytes).map_err(io)?;
    } else {
        bytes = std::fs::read(source).map_err(io)?;
    }
    let text = String::from_utf8(bytes).map_err(|e| Error::NotUtf8 {
        path: source.to_path_buf(),
        offset: e.utf8_error().valid_up_to(),
    })?;
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| {
            unquote_git(l)
                .map(PathBuf::from)
                .ok_or_else(|| Error::Malformed {
                    path: source.display().to_string(),
                    line: None,
                    column: None,
                    message: format!("cannot read the quoted path {l}"),
                })
        })
        .collect()
}

/// A path as Git prints it: plain, or in double quotes with C escapes and
/// octal bytes for anything outside ASCII.
fn unquote_git(line: &str) -> Option<String> {
    let Some(inner) = line.strip_prefix('"').and_then(|l| l.strip_suffix('"')) else {
        return Some(line.to_string());
    };
    let mut bytes = Vec::new();
    let mut chars = inner.bytes().peekable();
    while let Some(b) = chars.next() {
        if b != b'\\' {
            bytes.push(b);
            continue;
        }
        let e = chars.next()?;
        bytes.push(match e {
            b'n' => b'\n',
            b't' => b'\t',
            b'r' => b'\r',
            b'a' => 7,
            b'b' => 8,
            b'f' => 12,
            b'v' => 11,
            b'0'..=b'3' => {
                let (d2, d3) = (chars.next()?, chars.next()?);
                let digit = |d: u8| (b'0'..=b'7').contains(&d).then(|| d - b'0');
                (e - b'0') * 64 + digit(d2)? * 8 + digit(d3)?
            }
            other => other,
        });
    }
    String::from_utf8(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizing_resolves_dots() {
        let cwd = std::env::current_dir().unwrap();
        assert_eq!(normalize(Path::new("./a/../b/c.md")), cwd.join("b/c.md"));
        assert_eq!(normalize(Path::new("/x/./y/../z")), PathBuf::from("/x/z"));
    }

    #[test]
    fn git_quoted_names_are_unquoted() {
        assert_eq!(unquote_git("a b.md").as_deref(), Some("a b.md"));
        assert_eq!(
            unquote_git(r#""archive/caf\303\251 \"x\".md""#).as_deref(),
            Some("archive/café \"x\".md")
        );
        assert_eq!(unquote_git(r#""bad\3""#), None);
    }
}
