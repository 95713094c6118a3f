//! Progress of long runs, and how many threads they use. Nothing here
//! touches stdout: reports written there stay byte for byte the same.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::error::{Error, Result};

/// Below this many articles a run ends before a bar would say anything.
const MIN_ARTICLES: usize = 500;

/// A bar on stderr counting articles through extraction, the longest
/// stage. Hidden unless stderr is a terminal and the run is long; cleared
/// when dropped.
pub struct Bar(Option<ProgressBar>);

impl Bar {
    pub fn for_articles(count: usize) -> Bar {
        if count < MIN_ARTICLES || !std::io::stderr().is_terminal() {
            return Bar(None);
        }
        let bar = ProgressBar::with_draw_target(Some(count as u64), ProgressDrawTarget::stderr());
        let style = ProgressStyle::with_template(
            "{prefix} [{bar:40}] {pos}/{len} articles, {elapsed} so far, {eta} left",
        )
        .expect("the template is valid")
        .progress_chars("=> ");
        bar.set_style(style);
        bar.set_prefix("reading");
        Bar(Some(bar))
    }

    /// One more article done.
    pub fn tick(&self) {
        if let Some(bar) = &self.0 {
            bar.inc(1);
        }
    }
}

impl Drop for Bar {
    fn drop(&mut self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}

/// The most threads `-j` asks for: more only costs the time to start them
/// (a million take minutes), on any machine made yet.
pub const MAX_THREADS: usize = 1024;

/// Runs the library's parallel work on `threads` threads instead of one per
/// core (0: one per core; `RAYON_NUM_THREADS` sets the default too); more
/// than [`MAX_THREADS`] is refused.
pub fn use_threads(threads: usize) -> Result<()> {
    if threads > MAX_THREADS {
        return Err(Error::Threads {
            count: threads,
            message: format!("at most {MAX_THREADS} threads"),
        });
    }
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build_global()
        .map_err(|e| Error::Threads {
            count: threads,
            message: e.to_string(),
        })
}
