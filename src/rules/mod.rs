//! Rules: loading the YAML rule and lexicon files, and running the checks
//! they configure over aligned claims.
//!
//! Every problem in a rules file is an [`Error::Rules`] with the file, line
//! and column of the key or value at fault: serde_yaml marks what it finds
//! while reading, and [`locate`] finds the rest (ranges, duplicate ids,
//! contradictory lexicon entries) in the text afterwards.

mod checks;
pub mod example;
pub mod house_style;
mod locate;
pub mod params;
pub mod reading;

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::article::Span;
use crate::error::{Error, Result};
use crate::lexicon::{Lexicon, LexiconData};
use crate::names::NameParams;
use example::{ExampleDef, SnippetDef};
use locate::{Step, Target, locate};
use params::{ParamSpec, Setting};

pub use checks::{comparisons, run, sort_conflicts};
pub use example::{Example, ExpectedConflict};
pub use house_style::HouseStyle;

/// The schema version of rules files this crosscheck reads.
pub const VERSION: u32 = 1;

/// The built-in rule files, compiled into the binary so that `check` works
/// from any folder. Loading starts from the first; it names the others in
/// `lexicons:`, which are looked up here.
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
        "rules/lexicons/places.yaml",
        include_str!("../../rules/lexicons/places.yaml"),
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
    /// A word written against the house style.
    Style,
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
            Kind::Style => "style",
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
    HouseStyle,
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
            Check::HouseStyle => Kind::Style,
        }
    }

    /// The parameters the check reads.
    pub fn params(self) -> &'static [ParamSpec] {
        match self {
            Check::FigureMismatch => params::FIGURE_MISMATCH,
            Check::GarbledFigure => params::GARBLED_FIGURE,
            Check::UnitConversion => params::UNIT_CONVERSION,
            Check::EventDate => params::EVENT_DATE,
            Check::NameSpelling
            | Check::TermSpelling
            | Check::RoleMismatch
            | Check::EventPlace
            | Check::HouseStyle => &[],
        }
    }

    /// The message of a rule that gives none.
    pub fn default_message(self) -> &'static str {
        match self {
            Check::NameSpelling | Check::TermSpelling => "{subject} is spelled {values}",
            Check::RoleMismatch => "{subject} is given incompatible roles: {values}",
            Check::FigureMismatch => "{subject}: {values}",
            Check::GarbledFigure => "near-equal figures count different things: {values}",
            Check::UnitConversion => "the conversion in brackets does not hold: {values}",
            Check::EventPlace => "{subject} located in {values}",
            Check::EventDate => "{subject} dated {values}",
            Check::HouseStyle => "house style is \"{suggestion}\", not {values}",
        }
    }

    pub const ALL: [Check; 9] = [
        Check::NameSpelling,
        Check::TermSpelling,
        Check::RoleMismatch,
        Check::FigureMismatch,
        Check::GarbledFigure,
        Check::UnitConversion,
        Check::EventPlace,
        Check::EventDate,
        Check::HouseStyle,
    ];
}

impl fmt::Display for Check {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = match self {
            Check::NameSpelling => "name-spelling",
            Check::TermSpelling => "term-spelling",
            Check::RoleMismatch => "role-mismatch",
            Check::FigureMismatch => "figure-mismatch",
            Check::GarbledFigure => "garbled-figure",
            Check::UnitConversion => "unit-conversion",
            Check::EventPlace => "event-place",
            Check::EventDate => "event-date",
            Check::HouseStyle => "house-style",
        };
        f.write_str(s)
    }
}

/// The placeholders a message may hold.
const PLACEHOLDERS: &[&str] = &["{subject}", "{values}", "{suggestion}"];

/// A rule as written in YAML.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleDef {
    id: String,
    #[serde(default)]
    kind: Option<Kind>,
    /// Absent when the entry only turns a rule defined earlier on or off.
    #[serde(default)]
    check: Option<Check>,
    #[serde(default)]
    severity: Option<Severity>,
    #[serde(default)]
    message: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    rationale: Option<String>,
    #[serde(default)]
    enabled: Option<bool>,
    #[serde(default)]
    params: serde_yaml::Mapping,
}

/// Parameters of the figure checks.
#[derive(Debug, Clone, Default)]
pub struct FigureParams {
    /// Content words two figures' clauses share before they count as one subject.
    pub min_shared_context: usize,
    /// Largest ratio between two amounts of money still compared as one.
    pub max_money_ratio: f64,
    /// Largest ratio between two other amounts still compared as one.
    pub max_ratio: f64,
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
#[derive(Debug, Clone, Default)]
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

impl Params {
    /// The parameters a check runs with, from its settings.
    fn of(check: Check, s: &[Setting]) -> Params {
        let v = |name| params::value(s, name);
        match check {
            Check::FigureMismatch | Check::GarbledFigure | Check::UnitConversion => {
                let mut p = FigureParams::default();
                match check {
                    Check::FigureMismatch => {
                        p.min_shared_context = v("min_shared_context") as usize;
                        p.max_money_ratio = v("max_money_ratio");
                        p.max_ratio = v("max_ratio");
                        p.lower_bound_reach = v("lower_bound_reach");
                    }
                    Check::GarbledFigure => {
                        p.max_relative_difference = v("max_relative_difference");
                        p.min_value = v("min_value");
                    }
                    _ => p.tolerance = v("tolerance"),
                }
                Params::Figure(p)
            }
            Check::EventDate => Params::Date(DateParams {
                tolerance_minutes: v("tolerance_minutes") as i64,
            }),
            _ => Params::None,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub kind: Kind,
    pub check: Check,
    pub severity: Severity,
    pub message: String,
    /// What the rule flags.
    pub description: Option<String>,
    /// Why that matters to a reader.
    pub rationale: Option<String>,
    pub params: Params,
    /// Every parameter of the check, with the value in force.
    pub settings: Vec<Setting>,
    /// False when its file turns it off with `enabled: false`.
    pub enabled: bool,
    /// The file the rule came from.
    pub source: String,
    /// Its index in that file's `rules:` list.
    item: usize,
}

/// A rules file: vocabulary files it uses, alignment thresholds, rules,
/// lexicon entries and examples, each section optional.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    version: u32,
    #[serde(default)]
    lexicons: Vec<String>,
    #[serde(default)]
    alignment: serde_yaml::Mapping,
    #[serde(default)]
    rules: Vec<RuleDef>,
    #[serde(default)]
    lexicon: LexiconData,
    #[serde(default)]
    examples: Vec<ExampleDef>,
}

/// A file named in `lexicons:`: vocabulary only.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile {
    version: u32,
    #[serde(default)]
    lexicon: LexiconData,
}

/// A file read, kept for the positions of errors found after reading.
#[derive(Debug)]
struct Source {
    path: String,
    text: Cow<'static, str>,
    /// The folder its `lexicons:` are relative to; `None` for built-ins.
    dir: Option<PathBuf>,
}

impl Source {
    fn position(&self, path: &[Step], target: Target) -> Option<(usize, usize)> {
        locate(&self.text, path, target)
    }

    fn error(&self, path: &[Step], target: Target, message: impl Into<String>) -> Error {
        let pos = self.position(path, target);
        Error::Rules {
            path: self.path.clone(),
            line: pos.map(|p| p.0),
            column: pos.map(|p| p.1),
            message: message.into(),
        }
    }

    fn parse<T: DeserializeOwned>(&self) -> Result<T> {
        if let Some((line, column)) = crate::yaml::too_deep(&self.text) {
            return Err(Error::Rules {
                path: self.path.clone(),
                line: Some(line),
                column: Some(column),
                message: format!(
                    "nested deeper than {} levels (recursion limit)",
                    crate::yaml::MAX_DEPTH
                ),
            });
        }
        serde_yaml::from_str(&self.text).map_err(|e| {
            let loc = e.location();
            let mut message = e.to_string();
            if let Some(l) = &loc {
                // The position goes in front, as `path:line:column:`.
                let at = format!(" at line {} column {}", l.line(), l.column());
                message = message.replacen(&at, "", 1);
            }
            Error::Rules {
                path: self.path.clone(),
                line: loc.as_ref().map(|l| l.line()),
                column: loc.as_ref().map(|l| l.column()),
                message,
            }
        })
    }

    fn check_version(&self, version: u32) -> Result<()> {
        if version == VERSION {
            Ok(())
        } else {
            Err(self.error(
                &[Step::Key("version")],
                Target::Value,
                format!("unsupported version {version}: this crosscheck reads version {VERSION}"),
            ))
        }
    }
}

/// All rules with the lexicon, thresholds and examples they use.
#[derive(Debug)]
pub struct RuleSet {
    /// The rules that run, in the order they were first defined.
    pub rules: Vec<Rule>,
    pub lexicon: Lexicon,
    pub house_style: HouseStyle,
    pub examples: Vec<Example>,
    /// Every rule defined, running or not.
    defined: Vec<Rule>,
    sources: Vec<Source>,
}

struct Loader {
    sources: Vec<Source>,
    /// Files already read (built-in names, canonical paths): each is read once.
    seen: BTreeSet<String>,
    /// In order of first definition; a later definition replaces in place.
    rules: Vec<Rule>,
    alignment: Vec<Setting>,
    lexicon: LexiconData,
    /// For each place of `lexicon.places`, its file and index there.
    place_origins: Vec<(usize, usize)>,
    house_style: HouseStyle,
    /// Examples with the index of their file.
    examples: Vec<(usize, Example)>,
}

/// What makes a rule id usable in `--select a,b` and in suppression comments.
fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

impl Loader {
    fn new() -> Self {
        Loader {
            sources: Vec::new(),
            seen: BTreeSet::new(),
            rules: Vec::new(),
            alignment: params::defaults(params::ALIGNMENT),
            lexicon: LexiconData::default(),
            place_origins: Vec::new(),
            house_style: HouseStyle::default(),
            examples: Vec::new(),
        }
    }

    fn push(&mut self, source: Source) -> usize {
        self.sources.push(source);
        self.sources.len() - 1
    }

    /// Reads a rules file and every lexicon file it names.
    fn add_rules_file(&mut self, source: Source) -> Result<()> {
        let f = self.push(source);
        let file: RuleFile = self.sources[f].parse()?;
        self.sources[f].check_version(file.version)?;
        for (j, name) in file.lexicons.iter().enumerate() {
            self.add_lexicon_file(f, j, name)?;
        }
        self.add_alignment(f, &file.alignment)?;
        let defined: BTreeSet<String> = file.rules.iter().map(|r| r.id.clone()).collect();
        self.add_rules(f, file.rules)?;
        self.add_lexicon(f, file.lexicon)?;
        for (i, def) in file.examples.into_iter().enumerate() {
            let example = self.example(f, i, def, &defined)?;
            self.examples.push((f, example));
        }
        Ok(())
    }

    /// The lexicon file `name` that file `f` names as its `j`th, relative
    /// to `f`'s folder.
    fn add_lexicon_file(&mut self, f: usize, j: usize, name: &str) -> Result<()> {
        let from = &self.sources[f];
        let missing = |looked: &str| {
            from.error(
                &[Step::Key("lexicons"), Step::Index(j)],
                Target::Value,
                format!("lexicon file {name:?} not found (looked for {looked})"),
            )
        };
        let source = match &from.dir {
            None => {
                let dir = Path::new(&from.path).parent().unwrap_or(Path::new(""));
                let path = dir.join(name).to_string_lossy().replace('\\', "/");
                let (path, text) = BUILTIN
                    .iter()
                    .find(|(p, _)| *p == path)
                    .ok_or_else(|| missing(&path))?;
                Source {
                    path: path.to_string(),
                    text: Cow::Borrowed(text),
                    dir: None,
                }
            }
            Some(dir) => {
                let path = dir.join(name);
                if !path.is_file() {
                    return Err(missing(&path.display().to_string()));
                }
                read_source(&path)?
            }
        };
        if !self.seen.insert(seen_key(&source)) {
            return Ok(());
        }
        let l = self.push(source);
        let file: LexiconFile = self.sources[l].parse()?;
        self.sources[l].check_version(file.version)?;
        self.add_lexicon(l, file.lexicon)
    }

    fn add_alignment(&mut self, f: usize, written: &serde_yaml::Mapping) -> Result<()> {
        params::apply(&mut self.alignment, written).map_err(|e| {
            self.sources[f].error(
                &[Step::Key("alignment"), Step::Key(&e.key)],
                e.target,
                format!("alignment: {}", e.message),
            )
        })
    }

    fn add_rules(&mut self, f: usize, defs: Vec<RuleDef>) -> Result<()> {
        let src = &self.sources[f];
        let mut ids: BTreeMap<String, usize> = BTreeMap::new();
        for (i, def) in defs.into_iter().enumerate() {
            let at = |key: &str, target: Target, message: String| {
                src.error(
                    &[Step::Key("rules"), Step::Index(i), Step::Key(key)],
                    target,
                    format!("rule {:?}: {message}", def.id),
                )
            };
            if !valid_id(&def.id) {
                return Err(at(
                    "id",
                    Target::Value,
                    "an id is letters, digits, '-', '_' and '.' only".into(),
                ));
            }
            if let Some(&first) = ids.get(&def.id) {
                let line = src
                    .position(
                        &[Step::Key("rules"), Step::Index(first), Step::Key("id")],
                        Target::Value,
                    )
                    .map_or(String::new(), |(l, _)| format!(" (line {l})"));
                return Err(at(
                    "id",
                    Target::Value,
                    format!("duplicate rule id: an earlier rule of this file{line} has it"),
                ));
            }
            ids.insert(def.id.clone(), i);
            let Some(check) = def.check else {
                // `id` and `enabled` alone: a rule defined earlier turned on or off.
                let alone = def.kind.is_none()
                    && def.severity.is_none()
                    && def.message.is_none()
                    && def.description.is_none()
                    && def.rationale.is_none()
                    && def.params.is_empty();
                let known = self.rules.iter().position(|r| r.id == def.id);
                return match (def.enabled, alone, known) {
                    (Some(on), true, Some(k)) => {
                        self.rules[k].enabled = on;
                        continue;
                    }
                    (Some(_), true, None) => Err(at(
                        "id",
                        Target::Value,
                        "no rule defined before has this id to turn on or off; a new rule needs `check` and `severity`".into(),
                    )),
                    _ => Err(at(
                        "id",
                        Target::Key,
                        "missing `check`: a rule needs `check` and `severity`, or `enabled` alone to turn a rule defined before on or off".into(),
                    )),
                };
            };
            let Some(severity) = def.severity else {
                return Err(at(
                    "id",
                    Target::Key,
                    format!("missing `severity` (error, warning or info) for check `{check}`"),
                ));
            };
            let kind = check.kind();
            if def.kind.is_some_and(|k| k != kind) {
                return Err(at(
                    "kind",
                    Target::Value,
                    format!(
                        "check `{check}` reports {kind} conflicts, not {}",
                        def.kind.unwrap_or(kind)
                    ),
                ));
            }
            let message = def
                .message
                .unwrap_or_else(|| check.default_message().to_string());
            if let Some(bad) = unknown_placeholder(&message) {
                return Err(at(
                    "message",
                    Target::Value,
                    format!(
                        "unknown placeholder {bad}: a message may hold {}",
                        PLACEHOLDERS.join(", ")
                    ),
                ));
            }
            let mut settings = params::defaults(check.params());
            params::apply(&mut settings, &def.params).map_err(|e| {
                src.error(
                    &[
                        Step::Key("rules"),
                        Step::Index(i),
                        Step::Key("params"),
                        Step::Key(&e.key),
                    ],
                    e.target,
                    format!("rule {:?}: {}", def.id, e.message),
                )
            })?;
            let rule = Rule {
                params: Params::of(check, &settings),
                id: def.id,
                kind,
                check,
                severity,
                message,
                description: def.description,
                rationale: def.rationale,
                settings,
                enabled: def.enabled.unwrap_or(true),
                source: src.path.clone(),
                item: i,
            };
            // A later rule with the same id replaces the earlier one.
            match self.rules.iter_mut().find(|r| r.id == rule.id) {
                Some(old) => *old = rule,
                None => self.rules.push(rule),
            }
        }
        Ok(())
    }

    fn add_lexicon(&mut self, f: usize, mut lexicon: LexiconData) -> Result<()> {
        for (g, group) in lexicon.title_synonyms.iter().enumerate() {
            if let Some(k) = group
                .iter()
                .position(|p| crate::lexicon::words_of(p).is_empty())
            {
                let path = [
                    Step::Key("lexicon"),
                    Step::Key("title_synonyms"),
                    Step::Index(g),
                    Step::Index(k),
                ];
                return Err(self.sources[f].error(
                    &path,
                    Target::Value,
                    "title_synonyms: an empty phrase (give a title of one word or more)",
                ));
            }
        }
        let style = std::mem::take(&mut lexicon.house_style);
        for (preferred, variants) in &style {
            self.house_style.add(preferred, variants).map_err(|e| {
                let mut path = vec![
                    Step::Key("lexicon"),
                    Step::Key("house_style"),
                    Step::Key(preferred),
                ];
                let target = match e.variant {
                    Some(j) => {
                        path.push(Step::Index(j));
                        Target::Value
                    }
                    None => Target::Key,
                };
                self.sources[f].error(&path, target, format!("house_style: {}", e.message))
            })?;
        }
        self.place_origins
            .extend((0..lexicon.places.len()).map(|k| (f, k)));
        self.lexicon.merge(lexicon);
        Ok(())
    }

    fn example(
        &self,
        f: usize,
        i: usize,
        def: ExampleDef,
        defined: &BTreeSet<String>,
    ) -> Result<Example> {
        let src = &self.sources[f];
        let at = |path: &[Step], message: &str| {
            let mut full = vec![Step::Key("examples"), Step::Index(i)];
            full.extend_from_slice(path);
            src.error(&full, Target::Value, format!("example: {message}"))
        };
        if def.articles.is_empty() {
            return Err(at(&[Step::Key("articles")], "give at least one article"));
        }
        let mut articles: Vec<(String, String)> = Vec::new();
        for (k, snippet) in def.articles.into_iter().enumerate() {
            let (name, text) = match snippet {
                SnippetDef::Text(t) => (example::default_name(k), t),
                SnippetDef::Named(n) => (n.name, n.text),
            };
            if articles.iter().any(|(n, _)| *n == name) {
                return Err(at(
                    &[Step::Key("articles"), Step::Index(k), Step::Key("name")],
                    &format!("two articles are named {name:?}"),
                ));
            }
            articles.push((name, text));
        }
        for (k, e) in def.expect.iter().enumerate() {
            if e.values.is_empty() {
                return Err(at(
                    &[Step::Key("expect"), Step::Index(k), Step::Key("values")],
                    "an expected conflict needs at least one value",
                ));
            }
        }
        Ok(Example {
            defines_rule: defined.contains(&def.rule),
            rule: def.rule,
            note: def.note,
            articles,
            expect: def.expect,
            source: src.path.clone(),
            item: i,
        })
    }

    fn finish(self) -> Result<RuleSet> {
        let mut lexicon = Lexicon::compile(&self.lexicon).map_err(|e| {
            let (f, k) = self.place_origins[e.place];
            self.sources[f].error(
                &[
                    Step::Key("lexicon"),
                    Step::Key("places"),
                    Step::Index(k),
                    Step::Key(e.key),
                ],
                Target::Value,
                e.message,
            )
        })?;
        let a = |name| params::value(&self.alignment, name);
        lexicon.names = NameParams {
            variant_similarity: a("variant_similarity"),
            max_edits: a("max_edits") as usize,
            min_edit_length: a("min_edit_length") as usize,
            max_variant_words: a("max_variant_words") as usize,
        };
        let mut examples = Vec::new();
        for (f, ex) in self.examples {
            if !self.rules.iter().any(|r| r.id == ex.rule) {
                return Err(self.sources[f].error(
                    &[
                        Step::Key("examples"),
                        Step::Index(ex.item),
                        Step::Key("rule"),
                    ],
                    Target::Value,
                    format!("example: no rule has the id {:?}", ex.rule),
                ));
            }
            examples.push(ex);
        }
        Ok(RuleSet {
            rules: self.rules.iter().filter(|r| r.enabled).cloned().collect(),
            lexicon,
            house_style: self.house_style,
            examples,
            defined: self.rules,
            sources: self.sources,
        })
    }
}

/// The first `{...}` of a message that is no placeholder.
fn unknown_placeholder(message: &str) -> Option<String> {
    let mut rest = message;
    while let Some(open) = rest.find('{') {
        let close = rest[open..].find('}').map_or(rest.len(), |c| open + c + 1);
        let token = &rest[open..close];
        if !PLACEHOLDERS.contains(&token) {
            return Some(token.to_string());
        }
        rest = &rest[close..];
    }
    None
}

fn read_source(path: &Path) -> Result<Source> {
    let text = crate::paths::read_text(path)?;
    Ok(Source {
        path: path.display().to_string(),
        text: Cow::Owned(text),
        dir: Some(path.parent().unwrap_or(Path::new("")).to_path_buf()),
    })
}

/// One key per file, however its path was written.
fn seen_key(source: &Source) -> String {
    match &source.dir {
        None => format!("built-in:{}", source.path),
        Some(_) => fs::canonicalize(&source.path)
            .map_or_else(|_| source.path.clone(), |p| p.display().to_string()),
    }
}

impl RuleSet {
    /// The built-in rules, then every `.yaml`/`.yml` file of each folder in
    /// `dirs`, in name order.
    pub fn load(dirs: &[impl AsRef<Path>]) -> Result<RuleSet> {
        let mut loader = Loader::new();
        let (path, text) = BUILTIN[0];
        let root = Source {
            path: path.to_string(),
            text: Cow::Borrowed(text),
            dir: None,
        };
        loader.seen.insert(seen_key(&root));
        loader.add_rules_file(root)?;
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
                let source = read_source(&f)?;
                if loader.seen.insert(seen_key(&source)) {
                    loader.add_rules_file(source)?;
                }
            }
        }
        loader.finish()
    }

    /// Rules from rule files given as (name, text), in order, without the
    /// built-in ones: a later rule replaces an earlier one of the same id.
    /// Errors name the file as given; the lexicon files a file names are
    /// looked for among the built-in ones.
    pub fn from_texts(files: &[(&str, &str)]) -> Result<RuleSet> {
        let mut loader = Loader::new();
        for (name, text) in files {
            loader.add_rules_file(Source {
                path: name.to_string(),
                text: Cow::Owned(text.to_string()),
                dir: None,
            })?;
        }
        loader.finish()
    }

    /// Every rule defined, running or not, in order of definition.
    pub fn defined(&self) -> &[Rule] {
        &self.defined
    }

    /// The rule defined with `id`, running or not.
    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.defined.iter().find(|r| r.id == id)
    }

    pub fn is_active(&self, id: &str) -> bool {
        self.rules.iter().any(|r| r.id == id)
    }

    /// Runs only the rules of `select` (all enabled ones when it is empty,
    /// and those even when their file turns them off), less those of
    /// `ignore`. Each id must name a defined rule.
    pub fn select(&mut self, select: &[String], ignore: &[String]) -> Result<()> {
        for (option, ids) in [("--select", select), ("--ignore", ignore)] {
            for id in ids {
                if self.rule(id).is_none() {
                    return Err(Error::UnknownRule {
                        option: option.to_string(),
                        id: id.clone(),
                        hint: self.closest_id(id),
                    });
                }
            }
        }
        self.rules = self
            .defined
            .iter()
            .filter(|r| {
                if select.is_empty() {
                    r.enabled
                } else {
                    select.contains(&r.id)
                }
            })
            .filter(|r| !ignore.contains(&r.id))
            .cloned()
            .collect();
        Ok(())
    }

    /// The defined id most like `id`, when one is like it at all.
    pub fn closest_id(&self, id: &str) -> Option<String> {
        self.defined
            .iter()
            .map(|r| (strsim::jaro_winkler(id, &r.id), &r.id))
            .filter(|(score, _)| *score >= 0.8)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, id)| id.clone())
    }

    /// The line where a rule is defined in its file.
    pub fn rule_line(&self, rule: &Rule) -> Option<usize> {
        self.line_of(&rule.source, &[Step::Key("rules"), Step::Index(rule.item)])
    }

    /// The line where an example starts in its file.
    pub fn example_line(&self, example: &Example) -> Option<usize> {
        self.line_of(
            &example.source,
            &[Step::Key("examples"), Step::Index(example.item)],
        )
    }

    fn line_of(&self, path: &str, steps: &[Step]) -> Option<usize> {
        let source = self.sources.iter().find(|s| s.path == path)?;
        source.position(steps, Target::Value).map(|p| p.0)
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
    /// The value in words, where `value` is a normalised form a reader
    /// would not use ("90 days" for a duration kept in seconds).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reading: Option<String>,
    /// What the claim measures, in words ("people killed", "time"), for
    /// figures and dates.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub measure: Option<String>,
}

impl ConflictClaim {
    pub fn new(span: &Span, text: &str, value: String) -> Self {
        ConflictClaim {
            span: span.clone(),
            text: text.to_string(),
            value,
            reading: None,
            measure: None,
        }
    }

    /// The value as a reader says it.
    pub fn words(&self) -> &str {
        self.reading.as_deref().unwrap_or(&self.value)
    }
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
