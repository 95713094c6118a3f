//! Rules: loading the YAML rule and lexicon files, and running the checks
//! they configure over aligned claims.

mod checks;

use std::collections::BTreeMap;
use std::fmt;
use std::fs;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::article::Span;
use crate::error::{Error, Result};
use crate::lexicon::{Lexicon, LexiconData};
use crate::names::NameParams;

pub use checks::run;

/// The built-in rule files, compiled into the binary so that `check` works
/// from any folder.
const BUILTIN: &[(&str, &str)] = &[
    (
        "rules/default.yaml",
        include_str!("../../rules/default.yaml"),
    ),
    (
        "rules/lexicons/titles.yaml",
        include_str!("../../rules/lexicons/titles.yaml"),
    ),
    (
        "rules/lexicons/names.yaml",
        include_str!("../../rules/lexicons/names.yaml"),
    ),
    (
        "rules/lexicons/gazetteer.yaml",
        include_str!("../../rules/lexicons/gazetteer.yaml"),
    ),
    (
        "rules/lexicons/vocabulary.yaml",
        include_str!("../../rules/lexicons/vocabulary.yaml"),
    ),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Spelling,
    Role,
    Figure,
    Place,
    Date,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = match self {
            Kind::Spelling => "spelling",
            Kind::Role => "role",
            Kind::Figure => "figure",
            Kind::Place => "place",
            Kind::Date => "date",
        };
        f.write_str(s)
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        f.write_str(s)
    }
}

/// Which algorithm a rule runs; its `params` are those of the check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Check {
    NameSpelling,
    TermSpelling,
    RoleMismatch,
    FigureMismatch,
    GarbledFigure,
    UnitConversion,
    EventPlace,
    EventDate,
}

impl Check {
    /// The kind of conflict the check reports.
    pub fn kind(self) -> Kind {
        match self {
            Check::NameSpelling | Check::TermSpelling => Kind::Spelling,
            Check::RoleMismatch => Kind::Role,
            Check::FigureMismatch | Check::GarbledFigure | Check::UnitConversion => Kind::Figure,
            Check::EventPlace => Kind::Place,
            Check::EventDate => Kind::Date,
        }
    }
}

/// A rule as written in YAML.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleDef {
    id: String,
    kind: Kind,
    check: Check,
    severity: Severity,
    message: String,
    #[serde(default)]
    description: Option<String>,
    #[serde(default = "yes")]
    enabled: bool,
    #[serde(default)]
    params: serde_yaml::Mapping,
}

fn yes() -> bool {
    true
}

/// Parameters of the figure checks.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct FigureParams {
    /// Content words two figures' clauses share before they count as one subject.
    pub min_shared_context: usize,
    /// Largest ratio between two amounts of money still compared as one.
    pub max_money_ratio: f64,
    /// Garbled figures: largest relative difference still "near-equal".
    pub max_relative_difference: f64,
    /// Garbled figures: smallest value considered.
    pub min_value: f64,
    /// Unit conversions: relative error allowed beyond rounding.
    pub tolerance: f64,
    /// How far a floor ("at least 3") reaches, as a multiple of its value;
    /// below 1, floors reach without limit.
    pub lower_bound_reach: f64,
}

/// Parameters of the date check.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DateParams {
    /// Minutes two times may differ by and still be one time.
    pub tolerance_minutes: i64,
}

#[derive(Debug, Clone)]
pub enum Params {
    None,
    Figure(FigureParams),
    Date(DateParams),
}

#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub kind: Kind,
    pub check: Check,
    pub severity: Severity,
    pub message: String,
    pub description: Option<String>,
    pub params: Params,
    /// The file the rule came from.
    pub source: String,
}

/// A rules file: rules, alignment thresholds and lexicon entries, each
/// section optional.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    version: u32,
    #[serde(default)]
    rules: Vec<RuleDef>,
    #[serde(default)]
    alignment: Option<NameParams>,
    #[serde(default)]
    lexicon: Option<LexiconData>,
}

/// All active rules with the lexicon and thresholds they use.
#[derive(Debug)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
    pub lexicon: Lexicon,
}

struct Loader {
    rules: BTreeMap<String, (usize, RuleDef, String)>,
    order: usize,
    lexicon: LexiconData,
    names: Option<NameParams>,
}

impl Loader {
    fn add(&mut self, source: &str, text: &str) -> Result<()> {
        let file: RuleFile = serde_yaml::from_str(text).map_err(|e| {
            let loc = e.location();
            Error::Rules {
                path: source.to_string(),
                line: loc.as_ref().map(|l| l.line()),
                column: loc.as_ref().map(|l| l.column()),
                message: e.to_string(),
            }
        })?;
        if file.version != 1 {
            return Err(Error::rules(
                source,
                format!("unsupported version {} (expected 1)", file.version),
            ));
        }
        let mut ids = std::collections::BTreeSet::new();
        for def in file.rules {
            if !ids.insert(def.id.clone()) {
                return Err(Error::rules(
                    source,
                    format!("duplicate rule id {:?}", def.id),
                ));
            }
            if def.kind != def.check.kind() {
                return Err(Error::rules(
                    source,
                    format!(
                        "rule {:?}: check {:?} reports {} conflicts, not {}",
                        def.id,
                        def.check,
                        def.check.kind(),
                        def.kind
                    ),
                ));
            }
            self.order += 1;
            // A later rule with the same id replaces the earlier one.
            let order = self.rules.get(&def.id).map_or(self.order, |r| r.0);
            self.rules
                .insert(def.id.clone(), (order, def, source.to_string()));
        }
        if let Some(a) = file.alignment {
            self.names = Some(a);
        }
        if let Some(l) = file.lexicon {
            self.lexicon.merge(l);
        }
        Ok(())
    }

    fn finish(self) -> Result<RuleSet> {
        let names = self
            .names
            .ok_or_else(|| Error::rules("rules", "no `alignment:` thresholds in any rules file"))?;
        check_range(
            "alignment.variant_similarity",
            names.variant_similarity,
            0.0,
            1.0,
        )?;
        let mut lexicon = Lexicon::compile(&self.lexicon).map_err(|m| Error::rules("rules", m))?;
        lexicon.names = names;
        let mut rules: Vec<(usize, Rule)> = Vec::new();
        for (order, def, source) in self.rules.into_values() {
            if !def.enabled {
                continue;
            }
            let params = parse_params(&def, &source)?;
            rules.push((
                order,
                Rule {
                    id: def.id,
                    kind: def.kind,
                    check: def.check,
                    severity: def.severity,
                    message: def.message,
                    description: def.description,
                    params,
                    source,
                },
            ));
        }
        rules.sort_by_key(|(o, _)| *o);
        Ok(RuleSet {
            rules: rules.into_iter().map(|(_, r)| r).collect(),
            lexicon,
        })
    }
}

fn check_range(what: &str, v: f64, lo: f64, hi: f64) -> Result<()> {
    if (lo..=hi).contains(&v) {
        Ok(())
    } else {
        Err(Error::rules(
            "rules",
            format!("{what} = {v} is outside {lo}..{hi}"),
        ))
    }
}

fn parse_params(def: &RuleDef, source: &str) -> Result<Params> {
    let value = serde_yaml::Value::Mapping(def.params.clone());
    let bad =
        |e: serde_yaml::Error| Error::rules(source, format!("rule {:?}: params: {e}", def.id));
    Ok(match def.check {
        Check::FigureMismatch | Check::GarbledFigure | Check::UnitConversion => {
            let p: FigureParams = serde_yaml::from_value(value).map_err(bad)?;
            check_range(
                "max_relative_difference",
                p.max_relative_difference,
                0.0,
                1.0,
            )?;
            check_range("tolerance", p.tolerance, 0.0, 1.0)?;
            Params::Figure(p)
        }
        Check::EventDate => Params::Date(serde_yaml::from_value(value).map_err(bad)?),
        _ => {
            if !def.params.is_empty() {
                return Err(Error::rules(
                    source,
                    format!("rule {:?}: check {:?} takes no params", def.id, def.check),
                ));
            }
            Params::None
        }
    })
}

impl RuleSet {
    /// The built-in rules, then every `.yaml`/`.yml` file of each folder in
    /// `dirs`, in name order.
    pub fn load(dirs: &[impl AsRef<Path>]) -> Result<RuleSet> {
        let mut loader = Loader {
            rules: BTreeMap::new(),
            order: 0,
            lexicon: LexiconData::default(),
            names: None,
        };
        for (source, text) in BUILTIN {
            loader.add(source, text)?;
        }
        for dir in dirs {
            let dir = dir.as_ref();
            let io = |source| Error::Io {
                path: dir.to_path_buf(),
                source,
            };
            let mut files: Vec<_> = fs::read_dir(dir)
                .map_err(io)?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml")))
                .collect();
            files.sort();
            if files.is_empty() {
                return Err(Error::rules(
                    dir.display().to_string(),
                    "no rule files (.yaml) in this folder",
                ));
            }
            for f in files {
                let text = fs::read_to_string(&f).map_err(|source| Error::Io {
                    path: f.clone(),
                    source,
                })?;
                loader.add(&f.display().to_string(), &text)?;
            }
        }
        loader.finish()
    }
}

/// One claim in a conflict: where it is, what it says, and the value that
/// was compared.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ConflictClaim {
    #[serde(flatten)]
    pub span: Span,
    pub text: String,
    pub value: String,
}

/// Claims about one subject that a rule finds in disagreement.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Conflict {
    pub rule: String,
    pub kind: Kind,
    pub severity: Severity,
    pub subject: String,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
    pub claims: Vec<ConflictClaim>,
}
