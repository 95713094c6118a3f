//! Writing a report to a file: through a temporary file in the same folder
//! renamed over the target, so an interrupted run leaves the old report
//! whole; never over an article.

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::paths::identity;

/// Writes `bytes` to `path` atomically; refuses a path that is one of
/// `articles`.
pub fn write_atomic<'a>(
    path: &Path,
    bytes: &[u8],
    articles: impl IntoIterator<Item = &'a str>,
) -> Result<()> {
    let target = identity(path);
    if articles
        .into_iter()
        .any(|a| identity(Path::new(a)) == target)
    {
        return Err(Error::Usage {
            message: format!(
                "{}: is an article being checked; the report will not overwrite it",
                path.display()
            ),
        });
    }
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let name = path
        .file_name()
        .ok_or_else(|| Error::Usage {
            message: format!("{}: not a file name", path.display()),
        })?
        .to_string_lossy();
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let written = (|| {
        let mut f = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        fs::rename(&temp, path)
    })();
    if let Err(e) = written {
        let _ = fs::remove_file(&temp);
        return Err(io(e));
    }
    Ok(())
}

/// Appends `bytes` to `path`, creating it (a CI job summary file).
pub fn append(path: &Path, bytes: &[u8]) -> Result<()> {
    OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .and_then(|mut f| f.write_all(bytes))
        .map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_refuses_an_article() {
        let dir = std::env::temp_dir().join(format!("crosscheck-output-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let report = dir.join("report.json");
        fs::write(&report, "old").unwrap();
        write_atomic(&report, b"new", []).unwrap();
        assert_eq!(fs::read_to_string(&report).unwrap(), "new");
        let article = dir.join("a.md");
        fs::write(&article, "Text.").unwrap();
        let a = article.to_string_lossy().into_owned();
        assert!(write_atomic(&article, b"x", [a.as_str()]).is_err());
        assert_eq!(fs::read_to_string(&article).unwrap(), "Text.");
        assert_eq!(
            fs::read_dir(&dir).unwrap().count(),
            2,
            "no temporary file left"
        );
        fs::remove_dir_all(dir).unwrap();
    }
}
