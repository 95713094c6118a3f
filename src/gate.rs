//! A check run the way a CI gate asks for it: the corpus read less what the
//! config excludes, changed articles picked out (and read, when they lie
//! outside the corpus), a baseline applied.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::article::{Article, Found, Skipped, Walk, article_files, is_article, load_paths_where};
use crate::baseline::Baseline;
use crate::config::Exclude;
use crate::error::{Error, Result};
use crate::paths::identity;
use crate::report::Report;
use crate::rules::RuleSet;

pub struct Request<'a> {
    /// The corpus: files, and folders of articles.
    pub paths: &'a [PathBuf],
    pub exclude: &'a Exclude,
    /// When set, only conflicts involving these articles are reported.
    pub changed: Option<Changed>,
    pub baseline: Option<&'a Path>,
    /// Walk folders without `.gitignore`, `.ignore` and hidden-file rules.
    pub no_ignore: bool,
}

/// The articles a change touches.
#[derive(Debug, Clone, Default)]
pub struct Changed {
    /// Paths the user named (`--changed`): each must be an article of the
    /// corpus, or a folder holding some, since a typo would otherwise pass
    /// the gate in silence.
    pub named: Vec<PathBuf>,
    /// Paths from a list of changes (`--changed-from`): deleted files,
    /// files that are no articles and excluded files are passed over, and
    /// an article outside the corpus is read and checked against it.
    pub listed: Vec<PathBuf>,
}

/// What a gate run found: the report, and the files passed over while
/// reading (binary files, pipes), for the caller to warn about.
pub struct Outcome {
    pub report: Report,
    pub skipped: Vec<Skipped>,
    /// The articles read, in path order: the text `full` quotes and the
    /// HTML page shows.
    pub articles: Vec<Article>,
}

/// The corpus articles `changed` names, as loaded paths, in corpus order.
/// A changed article outside the corpus is read and added to it; paths
/// that no longer exist (deleted files), are not articles, are excluded or
/// are binary are passed over.
fn select_changed(
    articles: &mut Vec<Article>,
    changed: &Changed,
    walk: &Walk,
    skipped: &mut Vec<Skipped>,
) -> Result<Vec<String>> {
    let mut index: BTreeMap<PathBuf, usize> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| (identity(Path::new(&*a.path)), i))
        .collect();
    let keep = |p: &Path| (walk.keep)(p);
    let mut picked = Vec::new();
    for path in &changed.named {
        picked.extend(named_in_corpus(path, &index, walk, skipped)?);
    }
    for path in &changed.listed {
        let files = if path.is_dir() {
            match article_files(std::slice::from_ref(path), walk, skipped) {
                Ok(files) => files,
                Err(Error::NoArticles { .. }) => Vec::new(),
                Err(e) => return Err(e),
            }
        } else if path.is_file() && is_article(path) && keep(path) {
            // Named by a list of changes, not by the user: a binary file
            // there is passed over as in a folder.
            vec![Found {
                path: path.clone(),
                found_in_folder: true,
            }]
        } else {
            Vec::new()
        };
        for f in files {
            let id = identity(&f.path);
            let i = match index.get(&id) {
                Some(&i) => i,
                None => {
                    let Some(article) = f.read(skipped)? else {
                        continue;
                    };
                    articles.push(article);
                    index.insert(id, articles.len() - 1);
                    articles.len() - 1
                }
            };
            picked.push(i);
        }
    }
    picked.sort_unstable();
    picked.dedup();
    Ok(picked
        .into_iter()
        .map(|i| articles[i].path.to_string())
        .collect())
}

/// The corpus articles a path named by `--changed` stands for; an error
/// when it is missing, no article, or not in the corpus.
fn named_in_corpus(
    path: &Path,
    index: &BTreeMap<PathBuf, usize>,
    walk: &Walk,
    skipped: &mut Vec<Skipped>,
) -> Result<Vec<usize>> {
    let outside = |reason: &str| Error::NotInCorpus {
        path: path.to_path_buf(),
        reason: reason.to_string(),
    };
    let meta = std::fs::metadata(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    if meta.is_dir() {
        let found = match article_files(&[path.to_path_buf()], walk, skipped) {
            Ok(files) => files,
            Err(Error::NoArticles { .. }) => Vec::new(),
            Err(e) => return Err(e),
        };
        let picked: Vec<usize> = found
            .iter()
            .filter_map(|f| index.get(&identity(&f.path)).copied())
            .collect();
        if picked.is_empty() {
            return Err(outside("a folder with no article of the PATHs checked"));
        }
        return Ok(picked);
    }
    if !is_article(path) {
        return Err(outside("a file that is no article (.txt or .md)"));
    }
    match index.get(&identity(path)) {
        Some(&i) => Ok(vec![i]),
        None if !(walk.keep)(path) => Err(outside("a file crosscheck.yaml excludes")),
        None => Err(outside("an article outside the PATHs checked")),
    }
}

pub fn run(request: Request, set: &RuleSet) -> Result<Outcome> {
    let exclude = request.exclude.clone();
    let walk = Walk {
        keep: std::sync::Arc::new(move |p: &Path| !exclude.excludes(p)),
        ignore_files: !request.no_ignore,
    };
    let loaded = load_paths_where(request.paths, &walk)?;
    let (mut articles, mut skipped) = (loaded.articles, loaded.skipped);
    let changed = match &request.changed {
        Some(list) => Some(select_changed(&mut articles, list, &walk, &mut skipped)?),
        None => None,
    };
    // A binary file both in the corpus and among the changes is one warning.
    skipped.sort();
    skipped.dedup();
    let baseline = request.baseline.map(Baseline::load).transpose()?;
    // A bar on stderr for long runs on a terminal, nothing otherwise.
    let bar = crate::progress::Bar::for_articles(articles.len());
    let mut report = crate::check_with(&articles, set, &|| bar.tick())?;
    drop(bar);
    if let Some(changed) = changed {
        report.keep_changed(&changed);
    }
    if let (Some(b), Some(path)) = (baseline, request.baseline) {
        b.apply(&mut report, &path.display().to_string());
    }
    crate::article::sort_by_path(&mut articles);
    Ok(Outcome {
        report,
        skipped,
        articles,
    })
}
