//! Examples a rules file gives of a rule: short articles, and the
//! conflicts the rule must find in them (none, for articles that pass).
//! `crosscheck rules test` runs them; `crosscheck rules explain` shows one.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

/// An example as written in YAML.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ExampleDef {
    pub rule: String,
    #[serde(default)]
    pub note: Option<String>,
    pub articles: Vec<SnippetDef>,
    pub expect: Vec<ExpectedConflict>,
}

/// An article of an example: its text alone, or a name and a text. The
/// name's extension decides whether the text is Markdown.
#[derive(Debug)]
pub(super) enum SnippetDef {
    Text(String),
    Named(NamedSnippet),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct NamedSnippet {
    pub name: String,
    pub text: String,
}

impl<'de> Deserialize<'de> for SnippetDef {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Snippet;
        impl<'de> Visitor<'de> for Snippet {
            type Value = SnippetDef;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an article's text, or a mapping with `name` and `text`")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<SnippetDef, E> {
                Ok(SnippetDef::Text(s.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<SnippetDef, A::Error> {
                NamedSnippet::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(SnippetDef::Named)
            }
        }
        d.deserialize_any(Snippet)
    }
}

/// A conflict an example expects: every string of `values` occurs in the
/// text or value of one of its claims (ignoring case), as in gold files;
/// `subject` and `suggestion`, when given, must be equal.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectedConflict {
    pub values: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
}

/// An example, loaded.
#[derive(Debug, Clone)]
pub struct Example {
    pub rule: String,
    pub note: Option<String>,
    /// Name and text of each article.
    pub articles: Vec<(String, String)>,
    pub expect: Vec<ExpectedConflict>,
    /// The file it came from.
    pub source: String,
    /// Whether that file defines the rule too: a later file that replaces
    /// the rule then makes the example moot.
    pub defines_rule: bool,
    /// Its index in the file's `examples:` list.
    pub(super) item: usize,
}

/// The name an unnamed article of an example gets: a.txt, b.txt, ...
pub(super) fn default_name(k: usize) -> String {
    match u8::try_from(k) {
        Ok(k) if k < 26 => format!("{}.txt", char::from(b'a' + k)),
        _ => format!("article-{}.txt", k + 1),
    }
}
