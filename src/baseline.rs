//! Baselines: the conflicts a corpus has today, recorded so that a gate
//! fails only on new ones. An entry is a conflict's identity (rule, subject,
//! the values in conflict), so it survives edits that move lines.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result, without_position};
use crate::report::{BaselineSummary, Identity, Report, identity};

const VERSION: u32 = 1;

#[derive(Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    /// One entry a conflict, sorted; a conflict found twice is listed twice.
    pub conflicts: Vec<Identity>,
}

impl Baseline {
    pub fn of(report: &Report) -> Baseline {
        let mut conflicts: Vec<Identity> = report.conflicts.iter().map(identity).collect();
        conflicts.sort();
        Baseline {
            version: VERSION,
            conflicts,
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a baseline serializes") + "\n"
    }

    pub fn load(path: &Path) -> Result<Baseline> {
        let text = crate::paths::read_text(path)?;
        let malformed = |line, column, message| Error::Malformed {
            path: path.display().to_string(),
            line,
            column,
            message,
        };
        let b: Baseline = serde_json::from_str(&text).map_err(|e| {
            malformed(
                Some(e.line()),
                Some(e.column()),
                without_position(&e.to_string()),
            )
        })?;
        if b.version != VERSION {
            return Err(malformed(
                None,
                None,
                format!(
                    "unsupported baseline version {} (expected {VERSION})",
                    b.version
                ),
            ));
        }
        Ok(b)
    }

    /// Removes from `report` the conflicts this baseline records (each entry
    /// hides one conflict) and notes how many it hid and how many entries
    /// matched nothing any more.
    pub fn apply(&self, report: &mut Report, file: &str) {
        let mut left: BTreeMap<&Identity, usize> = BTreeMap::new();
        for e in &self.conflicts {
            *left.entry(e).or_default() += 1;
        }
        let mut known = 0;
        report.retain(|c| match left.get_mut(&identity(c)) {
            Some(n) if *n > 0 => {
                *n -= 1;
                known += 1;
                false
            }
            _ => true,
        });
        report.baseline = Some(BaselineSummary {
            file: file.to_string(),
            known,
            fixed: left.values().sum(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;
    use crate::rules::RuleSet;

    fn report(texts: &[&str]) -> Report {
        let articles: Vec<Article> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Article::new(format!("s/{i}.txt"), *t))
            .collect();
        crate::check(&articles, &RuleSet::load(&[] as &[&str]).unwrap()).unwrap()
    }

    #[test]
    fn an_entry_hides_its_conflict_wherever_the_lines_go() {
        let before = report(&[
            "Mayor Katarina Novak said the bridge was closed.",
            "Mayor Katarina Nowak said the bridge would reopen.",
        ]);
        assert_eq!(before.conflicts.len(), 1);
        let baseline = Baseline::of(&before);
        let json = baseline.to_json();
        assert_eq!(serde_json::from_str::<Baseline>(&json).unwrap(), baseline);
        let mut moved = report(&[
            "\n\nMayor Katarina Novak said the bridge was closed.",
            "Mayor Katarina Nowak said the bridge would reopen.",
        ]);
        baseline.apply(&mut moved, "b.json");
        assert!(moved.conflicts.is_empty());
        assert_eq!(
            moved.baseline.as_ref().map(|b| (b.known, b.fixed)),
            Some((1, 0))
        );
        let mut other = report(&[
            "Mayor Katarina Novak said the bridge was closed.",
            "Mayor Katarina Nowakk said the bridge would reopen.",
        ]);
        baseline.apply(&mut other, "b.json");
        assert_eq!(other.conflicts.len(), 1);
        assert_eq!(other.baseline.map(|b| (b.known, b.fixed)), Some((0, 1)));
    }
}
