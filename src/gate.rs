//! A check run the way a CI gate asks for it: the corpus read less what the
//! config excludes, changed articles picked out (and read, when they lie
//! outside the corpus), a baseline applied.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::article::{Article, Found, Skipped, article_files, is_article, load_paths_where};
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
    pub changed: Option<Vec<PathBuf>>,
    pub baseline: Option<&'a Path>,
}

/// What a gate run found: the report, and the files passed over while
/// reading (binary files, pipes), for the caller to warn about.
pub struct Outcome {
    pub report: Report,
    pub skipped: Vec<Skipped>,
}

/// The corpus articles `changed` names, as loaded paths, in corpus order.
/// A changed article outside the corpus is read and added to it; paths
/// that no longer exist (deleted files), are not articles, are excluded or
/// are binary are passed over.
fn select_changed(
    articles: &mut Vec<Article>,
    changed: &[PathBuf],
    exclude: &Exclude,
    skipped: &mut Vec<Skipped>,
) -> Result<Vec<String>> {
    let mut index: BTreeMap<PathBuf, usize> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| (identity(Path::new(&*a.path)), i))
        .collect();
    let keep = |p: &Path| !exclude.excludes(p);
    let mut picked = Vec::new();
    for path in changed {
        let files = if path.is_dir() {
            match article_files(std::slice::from_ref(path), &keep, skipped) {
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

pub fn run(request: Request, set: &RuleSet) -> Result<Outcome> {
    let keep = |p: &Path| !request.exclude.excludes(p);
    let loaded = load_paths_where(request.paths, keep)?;
    let (mut articles, mut skipped) = (loaded.articles, loaded.skipped);
    let changed = match &request.changed {
        Some(list) => Some(select_changed(
            &mut articles,
            list,
            request.exclude,
            &mut skipped,
        )?),
        None => None,
    };
    // Changed articles read from outside the corpus join their stories.
    crate::article::place_in_stories(&mut articles);
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
    Ok(Outcome { report, skipped })
}
