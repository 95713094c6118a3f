//! Titles a plant may swap, each with the titles a reporter could
//! plausibly give the same person by mistake: the vice president for the
//! president, the prosecutor for the judge. Only offices a careful editor
//! would want corrected are listed, and only swaps within one line of work,
//! with abbreviations for abbreviations.

pub struct Office {
    /// The forms that name the office, the first as it is written in a
    /// replacement; compared without case.
    pub forms: &'static [&'static str],
    /// The offices (by their first form) it may be swapped for.
    pub swaps: &'static [&'static str],
}

const fn office(forms: &'static [&'static str], swaps: &'static [&'static str]) -> Office {
    Office { forms, swaps }
}

pub const OFFICES: &[Office] = &[
    office(&["President"], &["Vice President"]),
    office(&["Vice President", "Vice-President"], &["President"]),
    office(&["Prime Minister"], &["Deputy Prime Minister", "President"]),
    office(&["Deputy Prime Minister"], &["Prime Minister"]),
    office(&["Governor"], &["Lieutenant Governor", "Senator"]),
    office(&["Lieutenant Governor"], &["Governor"]),
    office(&["Senator"], &["Representative", "Governor"]),
    office(&["Representative"], &["Senator"]),
    office(&["Congressman"], &["Senator"]),
    office(&["Congresswoman"], &["Senator"]),
    office(&["Mayor"], &["Deputy Mayor", "Governor"]),
    office(&["Deputy Mayor"], &["Mayor"]),
    office(
        &["Secretary of State"],
        &["Defense Secretary", "Treasury Secretary"],
    ),
    office(
        &["Defense Secretary", "Defence Secretary"],
        &["Secretary of State", "Treasury Secretary"],
    ),
    office(&["Treasury Secretary"], &["Secretary of State"]),
    office(&["Attorney General"], &["Solicitor General"]),
    office(&["Solicitor General"], &["Attorney General"]),
    office(
        &["Foreign Minister"],
        &["Finance Minister", "Interior Minister"],
    ),
    office(
        &["Finance Minister"],
        &["Foreign Minister", "Economy Minister"],
    ),
    office(&["Economy Minister"], &["Finance Minister"]),
    office(
        &["Interior Minister"],
        &["Foreign Minister", "Justice Minister"],
    ),
    office(&["Justice Minister"], &["Interior Minister"]),
    office(
        &["Defense Minister", "Defence Minister"],
        &["Foreign Minister", "Interior Minister"],
    ),
    office(&["Health Minister"], &["Education Minister"]),
    office(&["Education Minister"], &["Health Minister"]),
    office(&["General"], &["Lieutenant General", "Colonel"]),
    office(&["Lieutenant General"], &["Major General"]),
    office(
        &["Major General"],
        &["Lieutenant General", "Brigadier General"],
    ),
    office(&["Brigadier General"], &["Major General"]),
    office(&["Colonel"], &["Lieutenant Colonel"]),
    office(&["Lieutenant Colonel"], &["Colonel"]),
    office(&["Admiral"], &["Vice Admiral"]),
    office(&["Vice Admiral"], &["Admiral"]),
    office(&["Lieutenant"], &["Sergeant"]),
    office(&["Sergeant"], &["Lieutenant"]),
    office(&["Detective"], &["Sergeant"]),
    office(&["Police Chief"], &["Deputy Police Chief", "Sheriff"]),
    office(&["Deputy Police Chief"], &["Police Chief"]),
    office(&["Sheriff"], &["Police Chief"]),
    office(&["Judge"], &["Prosecutor", "Magistrate"]),
    office(&["Magistrate"], &["Judge"]),
    office(&["Prosecutor"], &["Judge"]),
    office(&["District Attorney"], &["Judge"]),
    office(&["Justice"], &["Chief Justice"]),
    office(&["Chief Justice"], &["Justice"]),
    office(&["Cardinal"], &["Archbishop", "Bishop"]),
    office(&["Archbishop"], &["Bishop", "Cardinal"]),
    office(&["Bishop"], &["Archbishop"]),
    office(&["Chairman"], &["Chief Executive"]),
    office(&["Chairwoman"], &["Chief Executive"]),
    office(
        &["Chief Executive", "Chief Executive Officer"],
        &["Chief Operating Officer", "Chief Financial Officer"],
    ),
    office(&["Chief Financial Officer"], &["Chief Executive"]),
    office(&["Chief Operating Officer"], &["Chief Executive"]),
    office(&["CEO"], &["CFO", "COO"]),
    office(&["CFO"], &["CEO"]),
    office(&["COO"], &["CEO"]),
    office(&["Head Coach", "Coach"], &["Assistant Coach"]),
    office(&["Assistant Coach"], &["Head Coach"]),
    office(&["Sen."], &["Rep.", "Gov."]),
    office(&["Rep."], &["Sen."]),
    office(&["Gov."], &["Sen.", "Lt. Gov."]),
    office(&["Lt. Gov."], &["Gov."]),
    office(&["Gen."], &["Col."]),
    office(&["Col."], &["Gen."]),
    office(&["Lt."], &["Sgt."]),
    office(&["Sgt."], &["Lt."]),
    office(&["Det."], &["Sgt."]),
    // Positions on a team, in lower case before the name ("striker Ana
    // Vidal"): a player has one. Occupations are left out, since one
    // person is often an actor and a singer at once.
    office(&["quarterback"], &["running back", "wide receiver"]),
    office(&["running back"], &["quarterback"]),
    office(&["wide receiver"], &["quarterback"]),
    office(&["striker"], &["midfielder"]),
    office(&["midfielder"], &["striker"]),
];

/// The office one of whose forms is `form` (words parted by single spaces,
/// compared without case).
pub fn office_named(form: &str) -> Option<usize> {
    OFFICES
        .iter()
        .position(|o| o.forms.iter().any(|f| f.eq_ignore_ascii_case(form)))
}

/// Words that may stand right before a title without being part of it
/// ("U.S. President", "State Senator").
pub const QUALIFIERS: &[&str] = &[
    "u.s",
    "us",
    "uk",
    "u.k",
    "un",
    "u.n",
    "eu",
    "state",
    "former",
    "acting",
    "interim",
    "then",
    "nato",
    "federal",
    "county",
    "city",
    "army",
    "navy",
    "air",
    "force",
    "marine",
    "coast",
    "guard",
    "senior",
    "team",
    "new",
    "incoming",
    "outgoing",
    "retired",
    "democratic",
    "republican",
    "labour",
    "conservative",
    "liberal",
    "veteran",
    "rookie",
    "star",
    "british",
    "american",
];

/// Words before a title that change the office ("deputy mayor", "vice
/// admiral"): the title alone is not what was written.
pub const MODIFIERS: &[&str] = &[
    "deputy",
    "vice",
    "assistant",
    "associate",
    "lieutenant",
    "chief",
    "executive",
    "co",
    "under",
    "adjunct",
    "honorary",
    "general",
    "major",
    "brigadier",
    "head",
    "district",
    "lead",
    "backup",
    "court",
    "superior",
    "supreme",
    "crown",
    "public",
    "special",
    "athletic",
    "athletics",
    "safety",
    "managing",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_swap_names_a_listed_office_of_the_same_writing() {
        for o in OFFICES {
            for s in o.swaps {
                let i = office_named(s).unwrap_or_else(|| panic!("{s} is not listed"));
                assert_ne!(OFFICES[i].forms[0], o.forms[0]);
                let abbreviated = |f: &str| f.ends_with('.');
                let lower = |f: &str| f.starts_with(char::is_lowercase);
                assert_eq!(abbreviated(s), abbreviated(o.forms[0]), "{s}");
                assert_eq!(lower(s), lower(o.forms[0]), "{s}");
            }
        }
    }

    #[test]
    fn each_form_names_one_office() {
        let mut forms: Vec<String> = OFFICES
            .iter()
            .flat_map(|o| o.forms.iter().map(|f| f.to_lowercase()))
            .collect();
        let count = forms.len();
        forms.sort();
        forms.dedup();
        assert_eq!(forms.len(), count);
    }
}
