//! The config file, `crosscheck.yaml`: found in the current folder or the
//! nearest parent that has one, like `.vale.ini` or `_typos.toml`. Flags on
//! the command line win over it, and it wins over the defaults; every
//! resolved value remembers where it came from.

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use serde::Deserialize;

use crate::error::{Error, Result};
use crate::paths::normalize;
use crate::report::Format;
use crate::rules::Severity;

pub const FILE_NAME: &str = "crosscheck.yaml";

/// The least severity that fails a check, or `Never`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    pub fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }

    /// Whether a report whose worst conflict is `worst` fails.
    pub fn fails(self, worst: Option<Severity>) -> bool {
        matches!((self.threshold(), worst), (Some(t), Some(w)) if w >= t)
    }
}

impl fmt::Display for FailOn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            FailOn::Error => "error",
            FailOn::Warning => "warning",
            FailOn::Info => "info",
            FailOn::Never => "never",
        })
    }
}

impl FromStr for FailOn {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        [FailOn::Error, FailOn::Warning, FailOn::Info, FailOn::Never]
            .into_iter()
            .find(|f| f.to_string() == s)
            .ok_or_else(|| format!("unknown level {s:?} (error, warning, info, never)"))
    }
}

/// The file as written; every key optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    /// Folders of extra rules, relative to the config file.
    rules: Option<Vec<PathBuf>>,
    fail_on: Option<FailOn>,
    /// Patterns of paths not to read, relative to the config file.
    exclude: Option<Vec<String>>,
    format: Option<Format>,
    /// A baseline file, relative to the config file.
    baseline: Option<PathBuf>,
}

/// Where a value came from.
#[derive(Debug, Clone, PartialEq)]
pub enum Origin {
    Default,
    File(PathBuf),
    CommandLine,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Default => f.write_str("default"),
            Origin::File(p) => write!(f, "{}", p.display()),
            Origin::CommandLine => f.write_str("command line"),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Setting<T> {
    pub value: T,
    pub origin: Origin,
}

/// Which config file to read.
#[derive(Debug, Clone)]
pub enum Source {
    /// `crosscheck.yaml` in this folder or the nearest parent holding one.
    Search(PathBuf),
    /// This file (`--config FILE`).
    File(PathBuf),
    /// None (`--no-config`).
    Disabled,
}

/// Values given on the command line; unset ones come from the file.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub rules: Vec<PathBuf>,
    pub fail_on: Option<FailOn>,
    pub format: Option<Format>,
    pub baseline: Option<PathBuf>,
}

/// Paths not to read: glob patterns matched against paths relative to the
/// config file's folder, like `.gitignore` lines: a pattern without a slash
/// matches at any depth, and a pattern that matches a folder excludes
/// everything in it.
#[derive(Debug, Clone)]
pub struct Exclude {
    base: PathBuf,
    patterns: Vec<String>,
    set: GlobSet,
}

impl Exclude {
    pub fn none() -> Self {
        Exclude {
            base: PathBuf::new(),
            patterns: Vec::new(),
            set: GlobSet::empty(),
        }
    }

    pub fn new(base: &Path, patterns: Vec<String>) -> std::result::Result<Self, String> {
        let mut builder = GlobSetBuilder::new();
        for p in &patterns {
            let trimmed = p.trim().trim_end_matches('/');
            let glob = match trimmed.strip_prefix('/') {
                Some(anchored) => anchored.to_string(),
                None if !trimmed.contains('/') => format!("**/{trimmed}"),
                None => trimmed.to_string(),
            };
            let glob = GlobBuilder::new(&glob)
                .literal_separator(true)
                .build()
                .map_err(|e| format!("exclude pattern {p:?}: {e}"))?;
            builder.add(glob);
        }
        let set = builder.build().map_err(|e| e.to_string())?;
        Ok(Exclude {
            base: normalize(base),
            patterns,
            set,
        })
    }

    pub fn patterns(&self) -> &[String] {
        &self.patterns
    }

    /// Whether `path` (relative to the current folder, or absolute) is
    /// excluded; paths outside the config file's folder never are.
    pub fn excludes(&self, path: &Path) -> bool {
        if self.patterns.is_empty() {
            return false;
        }
        let Ok(rel) = normalize(path)
            .strip_prefix(&self.base)
            .map(Path::to_path_buf)
        else {
            return false;
        };
        rel.ancestors()
            .filter(|a| !a.as_os_str().is_empty())
            .any(|a| self.set.is_match(a))
    }
}

/// The settings a run uses.
#[derive(Debug, Clone)]
pub struct Config {
    /// The config file read, if any.
    pub file: Option<PathBuf>,
    /// Where the file was looked for, when none was found.
    pub searched_from: Option<PathBuf>,
    pub rules: Setting<Vec<PathBuf>>,
    pub fail_on: Setting<FailOn>,
    pub exclude: Setting<Exclude>,
    pub format: Setting<Format>,
    pub baseline: Setting<Option<PathBuf>>,
}

/// The command line's value, else the file's, else the default.
fn choose<T>(cli: Option<T>, file: Option<T>, default: T, in_file: &Origin) -> Setting<T> {
    match (cli, file) {
        (Some(value), _) => Setting {
            value,
            origin: Origin::CommandLine,
        },
        (None, Some(value)) => Setting {
            value,
            origin: in_file.clone(),
        },
        (None, None) => Setting {
            value: default,
            origin: Origin::Default,
        },
    }
}

/// The nearest `crosscheck.yaml` from `dir` up.
pub fn find(dir: &Path) -> Option<PathBuf> {
    normalize(dir)
        .ancestors()
        .map(|d| d.join(FILE_NAME))
        .find(|f| f.is_file())
}

fn parse(path: &Path) -> Result<ConfigFile> {
    let text = fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    if text.trim().is_empty() {
        return Ok(ConfigFile::default());
    }
    serde_yaml::from_str(&text).map_err(|e| {
        let loc = e.location();
        Error::Malformed {
            path: path.display().to_string(),
            line: loc.as_ref().map(|l| l.line()),
            column: loc.as_ref().map(|l| l.column()),
            message: crate::error::without_position(&e.to_string()),
        }
    })
}

impl Config {
    pub fn resolve(source: &Source, overrides: Overrides) -> Result<Config> {
        let (file, searched_from) = match source {
            Source::Search(dir) => match find(dir) {
                Some(f) => (Some(f), None),
                None => (None, Some(normalize(dir))),
            },
            Source::File(f) => (Some(f.clone()), None),
            Source::Disabled => (None, None),
        };
        let parsed = match &file {
            Some(f) => parse(f)?,
            None => ConfigFile::default(),
        };
        let in_file = Origin::File(file.clone().unwrap_or_default());
        // Paths in the file are relative to its folder.
        let dir = match file.as_deref().and_then(Path::parent) {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let rules = choose(
            (!overrides.rules.is_empty()).then_some(overrides.rules),
            parsed
                .rules
                .map(|r| r.into_iter().map(|p| dir.join(p)).collect()),
            Vec::new(),
            &in_file,
        );
        let fail_on = choose(overrides.fail_on, parsed.fail_on, FailOn::Error, &in_file);
        let format = choose(overrides.format, parsed.format, Format::Full, &in_file);
        let baseline = choose(
            overrides.baseline.map(Some),
            parsed.baseline.map(|b| Some(dir.join(b))),
            None,
            &in_file,
        );
        let exclude = match parsed.exclude {
            Some(patterns) => Setting {
                value: Exclude::new(&dir, patterns).map_err(|message| Error::Malformed {
                    path: file.clone().unwrap_or_default().display().to_string(),
                    line: None,
                    column: None,
                    message,
                })?,
                origin: in_file,
            },
            None => Setting {
                value: Exclude::none(),
                origin: Origin::Default,
            },
        };
        Ok(Config {
            file,
            searched_from,
            rules,
            fail_on,
            exclude,
            format,
            baseline,
        })
    }

    /// The resolved config as YAML a config file could hold, each value
    /// with where it came from.
    pub fn describe(&self) -> String {
        let mut out = match (&self.file, &self.searched_from) {
            (Some(f), _) => format!("# config file: {}\n", f.display()),
            (None, Some(d)) => {
                format!("# no {FILE_NAME} in {} or a folder above it\n", d.display())
            }
            (None, None) => "# no config file (--no-config)\n".to_string(),
        };
        let list = |items: Vec<String>| serde_json::to_string(&items).expect("strings serialize");
        let paths = |p: &[PathBuf]| list(p.iter().map(|p| p.display().to_string()).collect());
        let lines = [
            ("rules", paths(&self.rules.value), &self.rules.origin),
            (
                "fail_on",
                self.fail_on.value.to_string(),
                &self.fail_on.origin,
            ),
            (
                "exclude",
                list(self.exclude.value.patterns().to_vec()),
                &self.exclude.origin,
            ),
            ("format", self.format.value.to_string(), &self.format.origin),
            (
                "baseline",
                self.baseline
                    .value
                    .as_ref()
                    .map_or("null".to_string(), |p| {
                        serde_json::to_string(&p.display().to_string())
                            .expect("a string serializes")
                    }),
                &self.baseline.origin,
            ),
        ];
        for (key, value, origin) in lines {
            out.push_str(&format!("{key}: {value}  # {origin}\n"));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let d =
            std::env::temp_dir().join(format!("crosscheck-config-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&d);
        fs::create_dir_all(d.join("sub/deeper")).unwrap();
        d
    }

    #[test]
    fn found_from_a_subfolder_and_the_command_line_wins() {
        let d = temp_dir("find");
        fs::write(
            d.join(FILE_NAME),
            "rules: [house]\nfail_on: warning\nformat: json\nexclude: [drafts]\n",
        )
        .unwrap();
        let c = Config::resolve(
            &Source::Search(d.join("sub/deeper")),
            Overrides {
                format: Some(Format::Sarif),
                ..Overrides::default()
            },
        )
        .unwrap();
        assert_eq!(c.file.as_deref(), Some(d.join(FILE_NAME).as_path()));
        assert_eq!(c.rules.value, [d.join("house")]);
        assert_eq!(c.fail_on.value, FailOn::Warning);
        assert_eq!(c.format.value, Format::Sarif);
        assert_eq!(c.format.origin, Origin::CommandLine);
        assert!(matches!(c.fail_on.origin, Origin::File(_)));
        assert!(c.exclude.value.excludes(&d.join("sub/drafts/a.md")));
        assert!(!c.exclude.value.excludes(&d.join("sub/a.md")));
        let text = c.describe();
        assert!(text.contains("format: sarif  # command line"), "{text}");
        fs::remove_dir_all(d).unwrap();
    }

    #[test]
    fn unknown_keys_and_wrong_types_give_a_position() {
        let d = temp_dir("bad");
        let f = d.join(FILE_NAME);
        fs::write(&f, "fail_on: error\nformats: json\n").unwrap();
        let e = Config::resolve(&Source::File(f.clone()), Overrides::default()).unwrap_err();
        assert!(
            e.to_string().contains(":2:1: unknown field `formats`"),
            "{e}"
        );
        fs::write(&f, "fail_on: loud\n").unwrap();
        let e = Config::resolve(&Source::File(f.clone()), Overrides::default()).unwrap_err();
        assert!(e.to_string().contains(":1:10:"), "{e}");
        fs::remove_dir_all(d).unwrap();
    }

    #[test]
    fn exclude_patterns_work_like_gitignore_lines() {
        let x = Exclude::new(
            Path::new("/news"),
            vec!["drafts/".into(), "/archive/old".into(), "*.tmp.md".into()],
        )
        .unwrap();
        assert!(x.excludes(Path::new("/news/drafts/a.md")));
        assert!(x.excludes(Path::new("/news/archive/drafts/a.md")));
        assert!(x.excludes(Path::new("/news/archive/old/2019/a.md")));
        assert!(!x.excludes(Path::new("/news/other/archive/old/a.md")));
        assert!(x.excludes(Path::new("/news/archive/x.tmp.md")));
        assert!(!x.excludes(Path::new("/news/archive/x.md")));
        assert!(!x.excludes(Path::new("/elsewhere/drafts/a.md")));
    }
}
