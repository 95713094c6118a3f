//! Measuring the checker against gold files: which expected conflicts it
//! finds, which it misses, what it reports beyond them, and which traps it
//! falls into.
//!
//! A gold file (`gold.yaml`) lists the articles of one story and the
//! conflicts expected in them. A reported conflict matches an entry when
//! its kind is equal and every string of the entry's `values` occurs
//! (case-insensitive, curly quotes folded) in the text or value of one of
//! its claims.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::article::load_file;
use crate::error::{Error, Result};
use crate::rules::{Conflict, Kind, RuleSet};

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct GoldEntry {
    pub kind: Kind,
    pub values: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Gold {
    articles: Vec<String>,
    #[serde(default)]
    conflicts: Vec<GoldEntry>,
    #[serde(default)]
    optional: Vec<GoldEntry>,
    #[serde(default)]
    traps: Vec<GoldEntry>,
}

/// The result on one story.
#[derive(Debug, Serialize)]
pub struct StoryScore {
    pub story: String,
    pub gold: usize,
    pub found: usize,
    pub reported: usize,
    pub extra: usize,
    pub missed: Vec<GoldEntry>,
    pub extras: Vec<Conflict>,
    pub trap_hits: Vec<GoldEntry>,
    /// Per kind: (gold, found, reported, extra).
    pub kinds: BTreeMap<Kind, Counts>,
}

#[derive(Debug, Default, Clone, Copy, Serialize)]
pub struct Counts {
    pub gold: usize,
    pub found: usize,
    pub reported: usize,
    pub extra: usize,
    pub traps: usize,
}

impl Counts {
    fn add(&mut self, o: Counts) {
        self.gold += o.gold;
        self.found += o.found;
        self.reported += o.reported;
        self.extra += o.extra;
        self.traps += o.traps;
    }

    /// Reported conflicts that match a gold or optional entry, over all reported.
    pub fn precision(&self) -> f64 {
        if self.reported == 0 {
            0.0
        } else {
            (self.reported - self.extra) as f64 / self.reported as f64
        }
    }

    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            0.0
        } else {
            self.found as f64 / self.gold as f64
        }
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

#[derive(Debug, Serialize)]
pub struct Evaluation {
    pub stories: Vec<StoryScore>,
    pub total: Counts,
    pub kinds: BTreeMap<Kind, Counts>,
}

/// Case and curly quotes folded, for matching expected values.
pub fn fold_quotes(s: &str) -> String {
    s.replace(['\u{2019}', '\u{2018}'], "'")
        .replace(['\u{201c}', '\u{201d}'], "\"")
        .to_lowercase()
}

/// The matching of the gold format.
pub fn matches(conflict: &Conflict, entry: &GoldEntry) -> bool {
    if conflict.kind != entry.kind {
        return false;
    }
    let texts: Vec<String> = conflict
        .claims
        .iter()
        .map(|c| fold_quotes(&format!("{} \u{1} {}", c.text, c.value)))
        .collect();
    entry
        .values
        .iter()
        .all(|v| texts.iter().any(|t| t.contains(&fold_quotes(v))))
}

/// Every folder under `dirs` (the folders themselves included) that holds
/// a `gold.yaml`, sorted.
pub fn find_stories(dirs: &[PathBuf]) -> Result<Vec<PathBuf>> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
        if dir.join("gold.yaml").is_file() {
            out.push(dir.to_path_buf());
        }
        let entries = fs::read_dir(dir).map_err(|source| Error::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        let mut subdirs: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_dir())
            .collect();
        subdirs.sort();
        for d in subdirs {
            walk(&d, out)?;
        }
        Ok(())
    }
    let mut out = Vec::new();
    for d in dirs {
        walk(d, &mut out)?;
    }
    Ok(out)
}

/// Checks one story and scores the report against its gold file.
pub fn score_story(dir: &Path, set: &RuleSet) -> Result<StoryScore> {
    let gold_path = dir.join("gold.yaml");
    let text = fs::read_to_string(&gold_path).map_err(|source| Error::Io {
        path: gold_path.clone(),
        source,
    })?;
    let gold: Gold = serde_yaml::from_str(&text).map_err(|e| {
        let loc = e.location();
        Error::Rules {
            path: gold_path.display().to_string(),
            line: loc.as_ref().map(|l| l.line()),
            column: loc.as_ref().map(|l| l.column()),
            message: e.to_string(),
        }
    })?;
    let articles = gold
        .articles
        .iter()
        .map(|a| load_file(&dir.join(a)))
        .collect::<Result<Vec<_>>>()?;
    let report = crate::check(&articles, set)?;
    let conflicts = report.conflicts;
    let expected: Vec<&GoldEntry> = gold.conflicts.iter().chain(&gold.optional).collect();
    let missed: Vec<GoldEntry> = gold
        .conflicts
        .iter()
        .filter(|g| !conflicts.iter().any(|c| matches(c, g)))
        .cloned()
        .collect();
    let trap_hits: Vec<GoldEntry> = gold
        .traps
        .iter()
        .filter(|t| conflicts.iter().any(|c| matches(c, t)))
        .cloned()
        .collect();
    let extras: Vec<Conflict> = conflicts
        .iter()
        .filter(|c| !expected.iter().any(|g| matches(c, g)))
        .cloned()
        .collect();
    let mut kinds: BTreeMap<Kind, Counts> = BTreeMap::new();
    for g in &gold.conflicts {
        let k = kinds.entry(g.kind).or_default();
        k.gold += 1;
        if conflicts.iter().any(|c| matches(c, g)) {
            k.found += 1;
        }
    }
    for c in &conflicts {
        kinds.entry(c.kind).or_default().reported += 1;
    }
    for c in &extras {
        kinds.entry(c.kind).or_default().extra += 1;
    }
    for t in &trap_hits {
        kinds.entry(t.kind).or_default().traps += 1;
    }
    Ok(StoryScore {
        story: dir.display().to_string(),
        gold: gold.conflicts.len(),
        found: gold.conflicts.len() - missed.len(),
        reported: conflicts.len(),
        extra: extras.len(),
        missed,
        extras,
        trap_hits,
        kinds,
    })
}

pub fn evaluate(dirs: &[PathBuf], set: &RuleSet) -> Result<Evaluation> {
    let stories = find_stories(dirs)?;
    if stories.is_empty() {
        let path = dirs.first().cloned().unwrap_or_default();
        return Err(Error::rules(
            path.display().to_string(),
            "no folder with a gold.yaml under this path",
        ));
    }
    let stories = stories
        .iter()
        .map(|d| score_story(d, set))
        .collect::<Result<Vec<_>>>()?;
    let mut total = Counts::default();
    let mut kinds: BTreeMap<Kind, Counts> = BTreeMap::new();
    for s in &stories {
        for (k, c) in &s.kinds {
            kinds.entry(*k).or_default().add(*c);
            total.add(*c);
        }
    }
    Ok(Evaluation {
        stories,
        total,
        kinds,
    })
}

impl Evaluation {
    /// A table a person reads: a line a story, then per kind, then the
    /// total; below it, what was missed, reported beyond gold, or trapped.
    pub fn to_table(&self, width: u16) -> String {
        let mut table = crate::report::table(
            width,
            vec![
                "story",
                "gold",
                "found",
                "reported",
                "extra",
                "traps",
                "precision",
                "recall",
                "F1",
            ],
        );
        let row = |name: String, c: &Counts| {
            vec![
                name,
                c.gold.to_string(),
                c.found.to_string(),
                c.reported.to_string(),
                c.extra.to_string(),
                c.traps.to_string(),
                format!("{:.2}", c.precision()),
                format!("{:.2}", c.recall()),
                format!("{:.2}", c.f1()),
            ]
        };
        for s in &self.stories {
            let c = s.kinds.values().fold(Counts::default(), |mut a, c| {
                a.add(*c);
                a
            });
            let name = Path::new(&s.story)
                .file_name()
                .map_or(s.story.clone(), |n| n.to_string_lossy().into_owned());
            table.add_row(row(name, &c));
        }
        for (k, c) in &self.kinds {
            table.add_row(row(format!("kind: {k}"), c));
        }
        table.add_row(row("TOTAL".into(), &self.total));
        let mut out = table.to_string();
        out.push('\n');
        for s in &self.stories {
            for g in &s.missed {
                out.push_str(&format!("{}: missed {} {:?}\n", s.story, g.kind, g.values));
            }
            for c in &s.extras {
                let texts: Vec<&str> = c.claims.iter().map(|x| x.text.as_str()).collect();
                out.push_str(&format!(
                    "{}: extra {} {:?} {:?}\n",
                    s.story, c.kind, c.subject, texts
                ));
            }
            for t in &s.trap_hits {
                out.push_str(&format!("{}: trap {} {:?}\n", s.story, t.kind, t.values));
            }
        }
        out.push_str(&format!(
            "TOTAL stories={} gold={} found={} reported={} extra={} traps={} precision={:.2} recall={:.2} f1={:.2}\n",
            self.stories.len(),
            self.total.gold,
            self.total.found,
            self.total.reported,
            self.total.extra,
            self.total.traps,
            self.total.precision(),
            self.total.recall(),
            self.total.f1()
        ));
        out
    }
}
