//! Writing a report to a file: through a temporary file in the same folder
//! renamed over the target, so an interrupted run leaves the old report
//! whole and no temporary file; only to a regular file or a new path, never
//! over an article.

use std::ffi::CString;
use std::fs::{self, OpenOptions};
use std::io::Write;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::ptr::null_mut;
use std::sync::atomic::{AtomicPtr, Ordering};

use crate::error::{Error, Result};
use crate::paths::identity;

/// Writes `bytes` to `path` atomically; refuses a path that is one of
/// `articles`, or that is there and not a regular file (a device, a pipe,
/// a folder: renaming over one would replace it). A symbolic link is
/// followed, so the file it names gets the report and the link stays.
pub fn write_atomic<'a>(
    path: &Path,
    bytes: &[u8],
    articles: impl IntoIterator<Item = &'a str>,
) -> Result<()> {
    if fs::symlink_metadata(path).is_ok() {
        let regular = fs::metadata(path).is_ok_and(|m| m.is_file());
        if !regular {
            return Err(Error::NotAFile {
                path: path.to_path_buf(),
            });
        }
    }
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
    // Through a link, the file it names is replaced.
    let path = if fs::symlink_metadata(path).is_ok_and(|m| m.is_symlink()) {
        target.as_path()
    } else {
        path
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
    let _cleanup = RemovedOnSignal::new(&temp);
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

/// The temporary file being written, as a C string for [`remove_and_die`]:
/// null when there is none.
static TEMPORARY: AtomicPtr<libc::c_char> = AtomicPtr::new(null_mut());

const SIGNALS: [libc::c_int; 3] = [libc::SIGINT, libc::SIGTERM, libc::SIGHUP];

/// The handler of [`SIGNALS`] while a temporary file exists: removes it,
/// then dies of the signal as the default handler would. Only
/// async-signal-safe calls.
extern "C" fn remove_and_die(signal: libc::c_int) {
    let temp = TEMPORARY.swap(null_mut(), Ordering::SeqCst);
    // SAFETY: `temp` is null or a C string leaked by `RemovedOnSignal::new`
    // and not freed while it is in TEMPORARY; unlink, signal and raise are
    // async-signal-safe.
    unsafe {
        if !temp.is_null() {
            libc::unlink(temp);
        }
        libc::signal(signal, libc::SIG_DFL);
        libc::raise(signal);
    }
}

/// While alive, an interrupt or termination removes the temporary file
/// before the process dies; dropped, the previous handlers are back.
struct RemovedOnSignal {
    previous: Vec<libc::sighandler_t>,
}

impl RemovedOnSignal {
    fn new(temp: &Path) -> Self {
        let Ok(name) = CString::new(temp.as_os_str().as_bytes()) else {
            return RemovedOnSignal {
                previous: Vec::new(),
            };
        };
        TEMPORARY.store(name.into_raw(), Ordering::SeqCst);
        let handler = remove_and_die as extern "C" fn(libc::c_int) as libc::sighandler_t;
        // SAFETY: installs a handler that makes only async-signal-safe calls.
        let previous = SIGNALS
            .iter()
            .map(|&s| unsafe { libc::signal(s, handler) })
            .collect();
        RemovedOnSignal { previous }
    }
}

impl Drop for RemovedOnSignal {
    fn drop(&mut self) {
        for (&s, &handler) in SIGNALS.iter().zip(&self.previous) {
            // SAFETY: puts back the handler that was there before.
            unsafe { libc::signal(s, handler) };
        }
        let temp = TEMPORARY.swap(null_mut(), Ordering::SeqCst);
        if !temp.is_null() {
            // SAFETY: the string leaked by `new`, taken back once.
            drop(unsafe { CString::from_raw(temp) });
        }
    }
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

    /// In a child process (this test binary run again): a termination while
    /// the temporary file exists removes it, and the process still dies of
    /// the signal.
    #[test]
    fn a_termination_while_writing_removes_the_temporary_file() {
        use std::os::unix::process::ExitStatusExt;
        const CHILD: &str = "CROSSCHECK_TEST_TEMPORARY";
        if let Some(temp) = std::env::var_os(CHILD) {
            let temp = PathBuf::from(temp);
            fs::write(&temp, "half a report").unwrap();
            let _guard = RemovedOnSignal::new(&temp);
            // SAFETY: sends this process a signal; the handler ends it.
            unsafe { libc::raise(libc::SIGTERM) };
            unreachable!("the signal ends the process");
        }
        let dir = std::env::temp_dir().join(format!("crosscheck-signal-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let temp = dir.join(".report.json.1.tmp");
        let status = std::process::Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "output::tests::a_termination_while_writing_removes_the_temporary_file",
                "--nocapture",
            ])
            .env(CHILD, &temp)
            .stdout(std::process::Stdio::null())
            .status()
            .unwrap();
        assert_eq!(status.signal(), Some(libc::SIGTERM), "{status:?}");
        assert!(!temp.exists());
        fs::remove_dir_all(dir).unwrap();
    }
}
