//! Compiles the datasets of `data/` into the tables the binary embeds, so
//! that no TSV or YAML is parsed when it starts.
//!
//! A dataset is a TSV file (a `#` line heads it). [`compile_table`] turns
//! it into, in `OUT_DIR`:
//! - `STEM.rows`: the kept columns of each row, joined by tabs, in a
//!   [record file](#record-files);
//! - for each index, `STEM.INDEX.fst`: an FST map from every folded key
//!   (multi-word keys joined by one space) to `flags << 32 | set`, and
//!   `STEM.INDEX.sets`: record `set` lists the rows the key names, as
//!   little-endian u32, the row the key names first first.
//!
//! [`compile_map`] writes one FST map from folded keys to values computed
//! here, for a list whose look-up needs no row.
//!
//! # Record files
//! `u32 count`, `u32 offsets[count + 1]` into the data, then the data; all
//! little-endian. `src/table.rs` reads them.
//!
//! Adding a dataset is one call in `main`.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::path::{Path, PathBuf};

// The folding of src/fold.rs, shared so that keys and look-ups agree;
// the crate uses more of it than the build does.
#[allow(dead_code)]
#[path = "src/fold.rs"]
mod fold;

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=src/fold.rs");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));

    let words = key_set(&read_tsv("data/words/english.tsv"), 0);
    compile_map(
        &out,
        "words",
        words.iter().map(|w| (w.clone(), 1)).collect(),
    );

    let given = read_tsv("data/names/given.tsv");
    let surnames = read_tsv("data/names/surnames.tsv");
    compile_map(&out, "names", name_values(&given, &surnames, &words));
    compile_table(
        &out,
        &Table {
            input: "data/names/nicknames.tsv",
            stem: "nicknames",
            id: None,
            indexes: &[("names", &[0, 1])],
            columns: &[0],
            refs: &[],
            flags: &|_| 0,
            rank: &|_, _| 0,
        },
    );

    let given_keys = key_set(&given, 0);
    let surname_keys = key_set(&surnames, 0);
    let places = read_tsv("data/gazetteer/places.tsv");
    let country_keys: BTreeSet<String> = places
        .iter()
        .filter(|r| r[1] == "country")
        .flat_map(|r| {
            std::iter::once(r[2].as_str()).chain(r[9].split('|').filter(|n| !n.is_empty()))
        })
        .flat_map(keys_of)
        .collect();
    compile_table(
        &out,
        &Table {
            input: "data/gazetteer/places.tsv",
            stem: "places",
            id: Some(0),
            indexes: &[("names", &[2, 9]), ("demonyms", &[10])],
            // kind, name, country, region, district, population, lat, lon, capital
            columns: &[1, 2, 3, 4, 5, 6, 7, 8, 11],
            refs: &[3, 4, 5, 11],
            flags: &|key| {
                let flag =
                    |set: &BTreeSet<String>, bit: u32| if set.contains(key) { bit } else { 0 };
                flag(&words, PLACE_COMMON_WORD)
                    | flag(&given_keys, PLACE_GIVEN_NAME)
                    | flag(&surname_keys, PLACE_SURNAME)
                    | flag(&country_keys, PLACE_COUNTRY)
            },
            // The place a name names first: one whose own name it is
            // ("Turin" the city, not the Province of Turin), a district
            // last (the city it is named after comes first), then the most
            // populous.
            rank: &|key_, row| {
                let own = key(&row[2]) == key_;
                let not_district = row[1] != "district";
                let population: u64 = row[6].parse().unwrap_or(0);
                (u64::from(own) << 63) | (u64::from(not_district) << 62) | population
            },
        },
    );
}

/// Flags of a place name (`src/gazetteer.rs` reads the same bits).
const PLACE_COMMON_WORD: u32 = 1;
const PLACE_GIVEN_NAME: u32 = 2;
const PLACE_SURNAME: u32 = 4;
const PLACE_COUNTRY: u32 = 8;

/// A TSV dataset compiled into rows and indexes.
struct Table<'a> {
    input: &'a str,
    stem: &'a str,
    /// The column of the row's unique id, which `refs` columns name.
    id: Option<usize>,
    /// Each index's name and the columns whose values (several joined by
    /// `|`) are its keys.
    indexes: &'a [(&'a str, &'a [usize])],
    /// The columns kept in the rows, in this order.
    columns: &'a [usize],
    /// Columns holding ids of other rows: kept as those rows' numbers.
    refs: &'a [usize],
    /// Flags of a folded key, stored beside its set.
    flags: &'a dyn Fn(&str) -> u32,
    /// How strongly a folded key names a row: a set lists its rows by
    /// rank, highest first, then in row order.
    rank: &'a dyn Fn(&str, &[String]) -> u64,
}

fn read_tsv(path: &str) -> Vec<Vec<String>> {
    println!("cargo::rerun-if-changed={path}");
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}

/// The folded form of a key: lower case without diacritics, words
/// separated by one space.
fn key(s: &str) -> String {
    fold::fold(s)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn key_set(rows: &[Vec<String>], column: usize) -> BTreeSet<String> {
    rows.iter().map(|r| key(&r[column])).collect()
}

/// The keys of a name: itself, and for a saint's name the abbreviations
/// news copy uses ("Saint-Étienne": "St-Etienne", "St. Etienne").
fn keys_of(name: &str) -> Vec<String> {
    let k = key(name);
    let mut out = vec![k.clone()];
    for (long, shorts) in [("saint", ["st", "st."]), ("sainte", ["ste", "ste."])] {
        for sep in [' ', '-'] {
            if let Some(rest) = k.strip_prefix(long).and_then(|r| r.strip_prefix(sep)) {
                for short in shorts {
                    out.push(format!("{short} {rest}"));
                    out.push(format!("{short}-{rest}"));
                }
            }
        }
    }
    out
}

fn compile_table(out: &Path, t: &Table) {
    let rows = read_tsv(t.input);
    let ids: HashMap<&str, u32> = match t.id {
        Some(c) => rows
            .iter()
            .enumerate()
            .map(|(i, r)| {
                (
                    r[c].as_str(),
                    u32::try_from(i).expect("fewer than 2^32 rows"),
                )
            })
            .collect(),
        None => HashMap::new(),
    };
    let mut kept = Vec::with_capacity(rows.len());
    for r in &rows {
        let fields: Vec<String> = t
            .columns
            .iter()
            .map(|&c| {
                let v = r.get(c).map_or("", String::as_str);
                if t.refs.contains(&c) && !v.is_empty() {
                    match ids.get(v) {
                        Some(n) => n.to_string(),
                        None => panic!("{}: row {:?} names unknown id {v:?}", t.input, r[0]),
                    }
                } else {
                    v.to_string()
                }
            })
            .collect();
        kept.push(fields.join("\t").into_bytes());
    }
    write_records(&out.join(format!("{}.rows", t.stem)), &kept);
    for (name, columns) in t.indexes {
        let mut sets: BTreeMap<String, BTreeSet<u32>> = BTreeMap::new();
        for (i, r) in rows.iter().enumerate() {
            for &c in *columns {
                let Some(v) = r.get(c) else { continue };
                for n in v.split('|').filter(|n| !n.is_empty()) {
                    for k in keys_of(n) {
                        sets.entry(k).or_default().insert(i as u32);
                    }
                }
            }
        }
        // Keys naming the same rows share one set.
        let mut set_ids: BTreeMap<Vec<u32>, u64> = BTreeMap::new();
        let mut records = Vec::new();
        let mut map = Vec::with_capacity(sets.len());
        for (k, members) in sets {
            let mut members: Vec<u32> = members.into_iter().collect();
            members.sort_by_key(|&r| (std::cmp::Reverse((t.rank)(&k, &rows[r as usize])), r));
            let rows = members;
            let next = records.len() as u64;
            let set = *set_ids.entry(rows.clone()).or_insert_with(|| {
                records.push(rows.iter().flat_map(|r| r.to_le_bytes()).collect());
                next
            });
            map.push((k.clone(), (u64::from((t.flags)(&k)) << 32) | set));
        }
        write_records(&out.join(format!("{}.{name}.sets", t.stem)), &records);
        write_fst(&out.join(format!("{}.{name}.fst", t.stem)), map);
    }
}

fn compile_map(out: &Path, stem: &str, map: BTreeMap<String, u64>) {
    write_fst(&out.join(format!("{stem}.fst")), map.into_iter().collect());
}

/// Packs what the name lists say of each folded name (`src/name_lists.rs`
/// unpacks it): census given-name rank (bits 0-12), the share of people
/// with it as a given name (13-25) and as a surname (26-38), in thousandths
/// of a percent, nam_dict's highest frequency in a country (39-42) and
/// number of countries (43-48), and whether the name is a common English
/// word (49).
fn name_values(
    given: &[Vec<String>],
    surnames: &[Vec<String>],
    words: &BTreeSet<String>,
) -> BTreeMap<String, u64> {
    let num = |s: &str| {
        s.parse::<u64>()
            .unwrap_or_else(|_| panic!("not a number: {s:?}"))
    };
    let share = |s: &str| {
        let p: f64 = s.parse().unwrap_or_else(|_| panic!("not a number: {s:?}"));
        ((p * 1000.0).round() as u64).min(FIELD_13)
    };
    // Fields by (shift, mask); a name met twice (José, Jose) keeps the
    // better of each.
    let mut fields: BTreeMap<String, [u64; 5]> = BTreeMap::new();
    for r in given {
        let f = fields.entry(key(&r[0])).or_default();
        let rank = num(&r[1]).min(FIELD_13);
        f[0] = match (f[0], rank) {
            (0, n) | (n, 0) => n,
            (a, b) => a.min(b),
        };
        f[1] = f[1].max(share(&r[2]));
        f[3] = f[3].max(num(&r[4]).min(0xf));
        f[4] = f[4].max(num(&r[5]).min(0x3f));
    }
    for r in surnames {
        let f = fields.entry(key(&r[0])).or_default();
        f[2] = f[2].max(share(&r[2]));
    }
    fields
        .into_iter()
        .map(|(k, f)| {
            let word = u64::from(words.contains(&k));
            let v = f[0] | (f[1] << 13) | (f[2] << 26) | (f[3] << 39) | (f[4] << 43) | (word << 49);
            (k, v)
        })
        .collect()
}

const FIELD_13: u64 = (1 << 13) - 1;

fn write_records(path: &Path, records: &[Vec<u8>]) {
    let n = u32::try_from(records.len()).expect("fewer than 2^32 records");
    let mut bytes = Vec::new();
    bytes.extend(n.to_le_bytes());
    let mut offset = 0u32;
    bytes.extend(offset.to_le_bytes());
    for r in records {
        offset += u32::try_from(r.len()).expect("records under 4 GiB");
        bytes.extend(offset.to_le_bytes());
    }
    for r in records {
        bytes.extend(r);
    }
    fs::write(path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

/// Writes an FST map; `map` must be sorted by key, as BTreeMaps are.
fn write_fst(path: &Path, map: Vec<(String, u64)>) {
    let mut builder = fst::MapBuilder::memory();
    for (k, v) in map {
        builder
            .insert(k.as_bytes(), v)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
    let bytes = builder.into_inner().expect("an in-memory FST");
    fs::write(path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}
