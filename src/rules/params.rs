//! The parameters of the checks and of name alignment: name, meaning,
//! default and range, in one table that loading, `crosscheck rules explain`
//! and the test of rules/README.md all read.

use std::fmt;

use serde_yaml::{Mapping, Value};

use super::locate::Target;

/// One numeric parameter.
#[derive(Debug)]
pub struct ParamSpec {
    pub name: &'static str,
    pub doc: &'static str,
    pub default: f64,
    pub min: f64,
    /// `f64::INFINITY` when there is no upper bound.
    pub max: f64,
    /// Whole numbers only.
    pub integer: bool,
}

impl ParamSpec {
    /// The range as a reader sees it: "0 to 1", "at least 100".
    pub fn range(&self) -> String {
        let kind = if self.integer {
            "a whole number"
        } else {
            "a number"
        };
        if self.max.is_infinite() {
            format!("{kind} of at least {}", Num(self.min))
        } else {
            format!("{kind} from {} to {}", Num(self.min), Num(self.max))
        }
    }
}

/// A number written the way a rules file writes it: `2`, `0.03`.
#[derive(Debug, Clone, Copy)]
pub struct Num(pub f64);

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

const fn spec(
    name: &'static str,
    doc: &'static str,
    default: f64,
    (min, max): (f64, f64),
    integer: bool,
) -> ParamSpec {
    ParamSpec {
        name,
        doc,
        default,
        min,
        max,
        integer,
    }
}

pub const FIGURE_MISMATCH: &[ParamSpec] = &[
    spec(
        "min_shared_context",
        "content words the clauses of two figures must share before they are taken to count one thing",
        2.0,
        (0.0, 50.0),
        true,
    ),
    spec(
        "max_money_ratio",
        "two sums of money further apart than this factor are taken to be different sums, not one sum given two ways",
        2.0,
        (1.0, f64::INFINITY),
        false,
    ),
    spec(
        "max_ratio",
        "two other amounts (counts, lengths, durations) further apart than this factor are taken to be different things: a toll misreported is seldom ten times another",
        10.0,
        (1.0, f64::INFINITY),
        false,
    ),
    spec(
        "lower_bound_reach",
        "how far a floor (\"at least 3\") reaches, as a multiple of its value; 0 lets floors reach without limit",
        2.0,
        (0.0, f64::INFINITY),
        false,
    ),
];

pub const GARBLED_FIGURE: &[ParamSpec] = &[
    spec(
        "max_relative_difference",
        "largest difference between two figures, as a share of the larger, for them to count as near-equal",
        0.1,
        (0.0, 1.0),
        false,
    ),
    spec(
        "min_value",
        "figures below this are too common to be a copied figure and are not compared",
        100.0,
        (0.0, f64::INFINITY),
        false,
    ),
];

pub const UNIT_CONVERSION: &[ParamSpec] = &[spec(
    "tolerance",
    "error allowed beyond the rounding of the digits written, as a share of the first figure",
    0.03,
    (0.0, 1.0),
    false,
)];

pub const EVENT_DATE: &[ParamSpec] = &[spec(
    "tolerance_minutes",
    "two times of one event that differ by at most this many minutes agree",
    0.0,
    (0.0, 1440.0),
    true,
)];

/// The `alignment:` section: when two written names are one person.
pub const ALIGNMENT: &[ParamSpec] = &[
    spec(
        "variant_similarity",
        "Jaro-Winkler similarity two spellings of one name word reach at least",
        0.8,
        (0.0, 1.0),
        false,
    ),
    spec(
        "max_edits",
        "spellings that do not sound alike may still differ by this many edits",
        2.0,
        (0.0, 10.0),
        true,
    ),
    spec(
        "min_edit_length",
        "edits alone make a variant only in words at least this long",
        5.0,
        (1.0, 100.0),
        true,
    ),
    spec(
        "max_variant_words",
        "a name with more words spelled differently than this is another person",
        2.0,
        (0.0, 10.0),
        true,
    ),
];

/// A parameter with the value in force.
#[derive(Debug, Clone)]
pub struct Setting {
    pub spec: &'static ParamSpec,
    pub value: f64,
}

/// The defaults of `specs`.
pub fn defaults(specs: &'static [ParamSpec]) -> Vec<Setting> {
    specs
        .iter()
        .map(|spec| Setting {
            spec,
            value: spec.default,
        })
        .collect()
}

/// The value of parameter `name`; the specs guarantee it is there.
pub fn value(settings: &[Setting], name: &str) -> f64 {
    settings
        .iter()
        .find(|s| s.spec.name == name)
        .map_or(f64::NAN, |s| s.value)
}

/// What is wrong with one entry of a parameter mapping, and whether the
/// key or its value is to blame.
#[derive(Debug)]
pub struct ParamError {
    pub key: String,
    pub target: Target,
    pub message: String,
}

/// Reads `written` over `settings`: every key must be a parameter of
/// `settings`, every value a number in its range.
pub fn apply(settings: &mut [Setting], written: &Mapping) -> Result<(), ParamError> {
    for (key, value) in written {
        let name = match key {
            Value::String(s) => s.clone(),
            other => serde_yaml::to_string(other)
                .unwrap_or_default()
                .trim()
                .to_string(),
        };
        let known: Vec<&str> = settings.iter().map(|s| s.spec.name).collect();
        let Some(setting) = settings.iter_mut().find(|s| s.spec.name == name) else {
            let message = if known.is_empty() {
                format!("unknown parameter `{name}`: this check takes no parameters")
            } else {
                format!(
                    "unknown parameter `{name}`, expected one of {}",
                    known
                        .iter()
                        .map(|k| format!("`{k}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            };
            return Err(ParamError {
                key: name,
                target: Target::Key,
                message,
            });
        };
        let spec = setting.spec;
        let bad = |message: String| ParamError {
            key: name.clone(),
            target: Target::Value,
            message,
        };
        let number = match value {
            Value::Number(n) => n.as_f64().unwrap_or(f64::NAN),
            other => {
                return Err(bad(format!(
                    "`{name}` must be {}, not {}",
                    spec.range(),
                    describe(other)
                )));
            }
        };
        if spec.integer && number.fract() != 0.0 {
            return Err(bad(format!(
                "`{name}` must be {}, not {}",
                spec.range(),
                Num(number)
            )));
        }
        if !(spec.min..=spec.max).contains(&number) {
            return Err(bad(format!(
                "`{name}` = {} is out of range: it must be {}",
                Num(number),
                spec.range()
            )));
        }
        setting.value = number;
    }
    Ok(())
}

fn describe(v: &Value) -> String {
    match v {
        Value::Null => "nothing".into(),
        Value::Bool(b) => format!("`{b}`"),
        Value::String(s) => format!("the text {s:?}"),
        Value::Sequence(_) => "a list".into(),
        Value::Mapping(_) => "a mapping".into(),
        Value::Tagged(_) => "a tagged value".into(),
        Value::Number(n) => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(specs: &'static [ParamSpec], yaml: &str) -> Result<Vec<Setting>, ParamError> {
        let mut s = defaults(specs);
        apply(&mut s, &serde_yaml::from_str(yaml).unwrap())?;
        Ok(s)
    }

    #[test]
    fn unwritten_parameters_keep_their_defaults() {
        let s = read(FIGURE_MISMATCH, "max_money_ratio: 3").unwrap();
        assert_eq!(value(&s, "max_money_ratio"), 3.0);
        assert_eq!(value(&s, "min_shared_context"), 2.0);
    }

    #[test]
    fn unknown_keys_blame_the_key() {
        let e = read(UNIT_CONVERSION, "tolerence: 0.1").unwrap_err();
        assert_eq!((e.key.as_str(), e.target), ("tolerence", Target::Key));
        assert!(e.message.contains("expected one of `tolerance`"), "{e:?}");
    }

    #[test]
    fn wrong_types_and_ranges_blame_the_value() {
        let e = read(UNIT_CONVERSION, "tolerance: high").unwrap_err();
        assert_eq!(e.target, Target::Value);
        assert!(e.message.contains("not the text \"high\""), "{e:?}");
        let e = read(GARBLED_FIGURE, "max_relative_difference: 1.5").unwrap_err();
        assert_eq!(
            e.message,
            "`max_relative_difference` = 1.5 is out of range: it must be a number from 0 to 1"
        );
        let e = read(EVENT_DATE, "tolerance_minutes: 2.5").unwrap_err();
        assert!(e.message.contains("a whole number"), "{e:?}");
        let e = read(GARBLED_FIGURE, "min_value: -1").unwrap_err();
        assert!(e.message.contains("at least 0"), "{e:?}");
    }

    #[test]
    fn defaults_lie_in_their_ranges() {
        for specs in [
            FIGURE_MISMATCH,
            GARBLED_FIGURE,
            UNIT_CONVERSION,
            EVENT_DATE,
            ALIGNMENT,
        ] {
            for s in specs {
                assert!((s.min..=s.max).contains(&s.default), "{}", s.name);
                assert!(!s.integer || s.default.fract() == 0.0, "{}", s.name);
            }
        }
    }
}
