//! The tables `build.rs` compiles from `data/` and the binary embeds: FST
//! maps from folded keys, record files of rows and of row sets. Nothing is
//! parsed at start; a look-up reads the embedded bytes in place.

use std::sync::LazyLock;

/// The bytes of a file `build.rs` wrote to `OUT_DIR`.
macro_rules! embedded {
    ($name:literal) => {
        include_bytes!(concat!(env!("OUT_DIR"), "/", $name))
    };
}
pub(crate) use embedded;

/// An FST map embedded in the binary, opened on first use.
pub struct Map(LazyLock<fst::Map<&'static [u8]>>);

impl Map {
    pub const fn new(f: fn() -> fst::Map<&'static [u8]>) -> Self {
        Map(LazyLock::new(f))
    }

    /// The value of a folded key.
    pub fn get(&self, key: &str) -> Option<u64> {
        self.0.get(key)
    }
}

/// Opens an FST that `build.rs` wrote: a failure is a broken build.
pub fn open_fst(bytes: &'static [u8]) -> fst::Map<&'static [u8]> {
    fst::Map::new(bytes).expect("build.rs writes valid FSTs")
}

/// A record file: `u32 count`, `u32 offsets[count + 1]`, then the data,
/// little-endian (see `build.rs`).
#[derive(Clone, Copy)]
pub struct Records(&'static [u8]);

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(bytes[at..at + 4].try_into().expect("four bytes"))
}

impl Records {
    pub const fn new(bytes: &'static [u8]) -> Self {
        Records(bytes)
    }

    pub fn len(&self) -> usize {
        u32_at(self.0, 0) as usize
    }

    /// The bytes of record `i`.
    pub fn get(&self, i: usize) -> &'static [u8] {
        let data = 4 * (self.len() + 2);
        let start = u32_at(self.0, 4 + 4 * i) as usize;
        let end = u32_at(self.0, 8 + 4 * i) as usize;
        &self.0[data + start..data + end]
    }

    /// Record `i` as text: a row of tab-separated fields.
    pub fn row(&self, i: usize) -> Row {
        Row(std::str::from_utf8(self.get(i)).expect("build.rs writes UTF-8 rows"))
    }

    /// Record `i` as a list of row numbers.
    pub fn set(&self, i: usize) -> impl ExactSizeIterator<Item = u32> + Clone + 'static {
        self.get(i)
            .chunks_exact(4)
            .map(|b| u32::from_le_bytes(b.try_into().expect("four bytes")))
    }
}

/// A row of a table: its kept columns, in the order `build.rs` lists them.
#[derive(Clone, Copy, Debug)]
pub struct Row(pub &'static str);

impl Row {
    pub fn field(&self, n: usize) -> &'static str {
        self.0.split('\t').nth(n).unwrap_or("")
    }

    /// A numeric field; empty or absent reads as `None`.
    pub fn number<T: std::str::FromStr>(&self, n: usize) -> Option<T> {
        self.field(n).parse().ok()
    }
}

/// An index of a table: folded key -> flags and the set of rows it names.
pub struct Index {
    pub map: Map,
    pub sets: Records,
}

impl Index {
    /// The flags and the set number of a folded key.
    pub fn get(&self, key: &str) -> Option<(u32, u32)> {
        self.map.get(key).map(|v| ((v >> 32) as u32, v as u32))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A record file as build.rs writes it.
    fn records(items: &[&[u8]]) -> &'static [u8] {
        let mut bytes = Vec::new();
        bytes.extend((items.len() as u32).to_le_bytes());
        let mut offset = 0u32;
        bytes.extend(offset.to_le_bytes());
        for r in items {
            offset += r.len() as u32;
            bytes.extend(offset.to_le_bytes());
        }
        for r in items {
            bytes.extend(*r);
        }
        bytes.leak()
    }

    #[test]
    fn records_read_back_rows_and_sets() {
        let rows = Records::new(records(&[b"city\tOldbridge\t12", b"", b"region\tFenmoor"]));
        assert_eq!(rows.len(), 3);
        assert_eq!(rows.row(0).field(1), "Oldbridge");
        assert_eq!(rows.row(0).number::<u32>(2), Some(12));
        assert_eq!(rows.row(1).field(0), "");
        assert_eq!(rows.row(2).number::<u32>(5), None);
        let one = 7u32.to_le_bytes();
        let two: Vec<u8> = [3u32, 9].iter().flat_map(|n| n.to_le_bytes()).collect();
        let sets = Records::new(records(&[&one, &two]));
        assert_eq!(sets.set(1).collect::<Vec<_>>(), [3, 9]);
        assert_eq!(sets.set(0).len(), 1);
    }
}
