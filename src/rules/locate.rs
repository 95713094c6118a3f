//! Where a key or value sits in a YAML text, for errors found after the
//! text was deserialized (a threshold out of range, a duplicate id).
//!
//! serde_yaml keeps no positions in the values it returns, but it marks
//! every error raised while reading a node with that node's line and
//! column. So the text is read once more, walking down the path, and an
//! error is raised on the node sought: its mark is the answer.

use std::fmt;

use serde::de::{
    self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, VariantAccess, Visitor,
};

/// One step down a YAML document: a key of a mapping or an item of a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// Which position of the node at a path: the key naming it or its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Key,
    Value,
}

const FOUND: &str = "crosscheck: node found";

/// The 1-based line and column of the node at `path` in `text`, or `None`
/// when the path leads nowhere. `Target::Key` only applies when the last
/// step is a key; for a list item it gives the item's start.
pub fn locate(text: &str, path: &[Step], target: Target) -> Option<(usize, usize)> {
    let seek = Seek { path, target };
    match seek.deserialize(serde_yaml::Deserializer::from_str(text)) {
        Err(e) if e.to_string().contains(FOUND) => e.location().map(|l| (l.line(), l.column())),
        _ => None,
    }
}

struct Seek<'p, 'a> {
    path: &'p [Step<'a>],
    target: Target,
}

impl<'de> DeserializeSeed<'de> for Seek<'_, '_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seek<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML node")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let Some((first, rest)) = self.path.split_first() else {
            return Err(de::Error::custom(FOUND));
        };
        let Step::Key(key) = *first else {
            while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
            return Ok(());
        };
        let stop_at_key = rest.is_empty() && self.target == Target::Key;
        while let Some(hit) = map.next_key_seed(KeySeek { key, stop_at_key })? {
            if hit {
                return map.next_value_seed(Seek {
                    path: rest,
                    target: self.target,
                });
            }
            map.next_value::<IgnoredAny>()?;
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let Some((first, rest)) = self.path.split_first() else {
            return Err(de::Error::custom(FOUND));
        };
        let Step::Index(index) = *first else {
            while seq.next_element::<IgnoredAny>()?.is_some() {}
            return Ok(());
        };
        for _ in 0..index {
            if seq.next_element::<IgnoredAny>()?.is_none() {
                return Ok(());
            }
        }
        seq.next_element_seed(Seek {
            path: rest,
            target: self.target,
        })?;
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(())
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        self.scalar()
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        self.scalar()
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        self.scalar()
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        self.scalar()
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        self.scalar()
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.scalar()
    }
    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<(), A::Error> {
        // A tagged node (`!tag value`): the tag is no step of the path.
        let (_, variant): (IgnoredAny, _) = data.variant()?;
        variant.newtype_variant_seed(self)
    }
}

impl Seek<'_, '_> {
    fn scalar<E: de::Error>(&self) -> Result<(), E> {
        if self.path.is_empty() {
            Err(E::custom(FOUND))
        } else {
            Ok(())
        }
    }
}

/// Reads a mapping key: true when it is the one sought; an error (the
/// answer) when the key itself is the target.
struct KeySeek<'a> {
    key: &'a str,
    stop_at_key: bool,
}

impl<'de> DeserializeSeed<'de> for KeySeek<'_> {
    type Value = bool;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for KeySeek<'_> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a mapping key")
    }

    fn visit_str<E: de::Error>(self, k: &str) -> Result<bool, E> {
        if k != self.key {
            Ok(false)
        } else if self.stop_at_key {
            Err(E::custom(FOUND))
        } else {
            Ok(true)
        }
    }
    fn visit_bool<E: de::Error>(self, k: bool) -> Result<bool, E> {
        self.visit_str(&k.to_string())
    }
    fn visit_i64<E: de::Error>(self, k: i64) -> Result<bool, E> {
        self.visit_str(&k.to_string())
    }
    fn visit_u64<E: de::Error>(self, k: u64) -> Result<bool, E> {
        self.visit_str(&k.to_string())
    }
    fn visit_f64<E: de::Error>(self, k: f64) -> Result<bool, E> {
        self.visit_str(&k.to_string())
    }
    fn visit_unit<E: de::Error>(self) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(false)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<bool, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "\
version: 1
# a comment
rules:
  - id: first
    params:
      tolerance: 0.5
  - id: second
    params: {tolerance: 2, min_value: 3}
lexicon:
  nicknames:
    Robert: [Bob, Rob]
    Katherine:
      - Kate
      - Kathy
";

    fn at(path: &[Step], target: Target) -> Option<(usize, usize)> {
        locate(TEXT, path, target)
    }

    #[test]
    fn finds_keys_and_values_in_block_style() {
        use Step::*;
        assert_eq!(at(&[Key("version")], Target::Key), Some((1, 1)));
        assert_eq!(at(&[Key("version")], Target::Value), Some((1, 10)));
        let tol = [Key("rules"), Index(0), Key("params"), Key("tolerance")];
        assert_eq!(at(&tol, Target::Key), Some((6, 7)));
        assert_eq!(at(&tol, Target::Value), Some((6, 18)));
        assert_eq!(at(&[Key("rules"), Index(1)], Target::Value), Some((7, 5)));
        let id = [Key("rules"), Index(1), Key("id")];
        assert_eq!(at(&id, Target::Value), Some((7, 9)));
    }

    #[test]
    fn finds_keys_and_values_in_flow_style() {
        use Step::*;
        let min = [Key("rules"), Index(1), Key("params"), Key("min_value")];
        assert_eq!(at(&min, Target::Key), Some((8, 28)));
        assert_eq!(at(&min, Target::Value), Some((8, 39)));
        let rob = [Key("lexicon"), Key("nicknames"), Key("Robert"), Index(1)];
        assert_eq!(at(&rob, Target::Value), Some((11, 19)));
        let kathy = [Key("lexicon"), Key("nicknames"), Key("Katherine"), Index(1)];
        assert_eq!(at(&kathy, Target::Value), Some((14, 9)));
    }

    #[test]
    fn a_path_that_leads_nowhere_has_no_position() {
        use Step::*;
        assert_eq!(at(&[Key("missing")], Target::Key), None);
        assert_eq!(at(&[Key("rules"), Index(5)], Target::Value), None);
        assert_eq!(at(&[Key("version"), Key("x")], Target::Value), None);
        assert_eq!(locate("b: [\n: a: 1", &[Key("a")], Target::Key), None);
    }
}
