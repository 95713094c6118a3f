//! The edits a plant makes: a surname respelled, a number changed in its
//! own format, a clock time shifted, a word put in the case of the one it
//! replaces.

/// `canonical` written the way `original` is: in capitals, in lower case,
/// in title case, or with a capital first letter. Acronyms ("CEO") stay as
/// they are.
pub fn in_case_of(original: &str, canonical: &str) -> String {
    let letters = |s: &str| s.chars().filter(|c| c.is_alphabetic()).collect::<Vec<_>>();
    let canon = letters(canonical);
    if canon.len() >= 2 && canon.iter().all(|c| c.is_uppercase()) {
        return canonical.to_string();
    }
    let orig = letters(original);
    if orig.len() >= 2 && orig.iter().all(|c| c.is_uppercase()) {
        return canonical.to_uppercase();
    }
    if orig.first().is_some_and(|c| c.is_lowercase()) {
        return canonical.to_lowercase();
    }
    let title_case = original
        .split(' ')
        .all(|w| !w.starts_with(char::is_lowercase) || is_minor_word(w));
    let mut out = String::with_capacity(canonical.len());
    for (k, word) in canonical.split(' ').enumerate() {
        if k > 0 {
            out.push(' ');
        }
        if (k == 0 || title_case) && !(k > 0 && is_minor_word(word)) {
            let mut cs = word.chars();
            if let Some(c) = cs.next() {
                out.extend(c.to_uppercase());
                out.push_str(cs.as_str());
            }
        } else {
            out.push_str(word);
        }
    }
    out
}

fn is_minor_word(w: &str) -> bool {
    matches!(w, "of" | "the" | "and" | "for" | "de" | "la")
}

const VOWELS: &str = "aeiou";

/// Respellings of a surname one letter away, as transliteration and
/// copying produce them: a vowel for another, a consonant doubled or
/// undoubled, k for c, y for i or j. The first letter keeps its case.
pub fn respellings(surname: &str) -> Vec<String> {
    let chars: Vec<char> = surname.chars().collect();
    let lower: Vec<char> = chars.iter().flat_map(|c| c.to_lowercase()).collect();
    if lower.len() != chars.len() || lower.len() < 4 || !lower.iter().all(char::is_ascii_lowercase)
    {
        return Vec::new();
    }
    let vowel = |c: char| VOWELS.contains(c);
    let mut out: Vec<Vec<char>> = Vec::new();
    let n = lower.len();
    for i in 0..n {
        let c = lower[i];
        let prev = i.checked_sub(1).map(|p| lower[p]);
        let next = lower.get(i + 1).copied();
        let mut replace = |with: &str| {
            let mut w = lower.clone();
            w.splice(i..i + 1, with.chars());
            out.push(w);
        };
        if i > 0 && vowel(c) {
            // A vowel heard another way; not next to another vowel, where
            // the swap makes a new sound.
            let alone = !prev.is_some_and(vowel) && !next.is_some_and(vowel);
            if alone {
                for v in match c {
                    'a' => "eo",
                    'e' => "ai",
                    'i' => "ey",
                    'o' => "au",
                    _ => "o",
                }
                .chars()
                {
                    replace(&v.to_string());
                }
            }
        }
        match c {
            'y' if i > 0 => replace("i"),
            'j' if i == 0 && next.is_some_and(vowel) => replace("y"),
            'y' if i == 0 && next.is_some_and(vowel) => replace("j"),
            'k' if next.is_some_and(|x| "aou".contains(x)) && prev != Some('c') => replace("c"),
            'c' if next.is_some_and(|x| "aou".contains(x)) => replace("k"),
            'c' if next == Some('k') => replace(""),
            _ => {}
        }
        let doubles = "bdfgklmnprstz";
        if i > 0 && doubles.contains(c) && prev.is_some_and(vowel) {
            if next == Some(c) {
                // A double consonant written single.
                replace("");
            } else if prev != Some(c)
                && (next.is_some_and(vowel) || (next.is_none() && "flnst".contains(c)))
            {
                replace(&format!("{c}{c}"));
            }
        }
    }
    let mut words: Vec<String> = out
        .into_iter()
        .map(|mut w| {
            if chars[0].is_uppercase()
                && let Some(first) = w.first_mut()
            {
                *first = first.to_ascii_uppercase();
            }
            w.into_iter().collect()
        })
        .filter(|w: &String| w != surname)
        .collect();
    words.sort();
    words.dedup();
    words
}

/// A number as written: digits (with thousands separators and decimals as
/// given) or a word.
#[derive(Debug, Clone, PartialEq)]
pub struct Written {
    pub value: f64,
    form: Form,
}

#[derive(Debug, Clone, PartialEq)]
enum Form {
    Digits { decimals: usize, separated: bool },
    Word { capital: bool },
}

const ONES: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

fn word_value(word: &str) -> Option<u32> {
    let lower = word.to_lowercase();
    if let Some(i) = ONES.iter().position(|w| *w == lower) {
        return Some(i as u32);
    }
    if let Some(i) = TENS.iter().position(|w| *w == lower) {
        return Some(20 + 10 * i as u32);
    }
    let (tens, ones) = lower.split_once('-')?;
    let t = TENS.iter().position(|w| *w == tens)?;
    let o = ONES[1..10].iter().position(|w| *w == ones)?;
    Some(20 + 10 * t as u32 + o as u32 + 1)
}

fn value_word(n: u32) -> Option<String> {
    match n {
        0..20 => Some(ONES[n as usize].to_string()),
        20..100 if n.is_multiple_of(10) => Some(TENS[(n / 10 - 2) as usize].to_string()),
        20..100 => Some(format!(
            "{}-{}",
            TENS[(n / 10 - 2) as usize],
            ONES[(n % 10) as usize]
        )),
        _ => None,
    }
}

impl Written {
    /// `s` read as a count: digits ("12", "58,000", "2.5") or a word from
    /// two to ninety-nine. Not a year, not a number with a leading zero,
    /// not "one" (its noun is singular).
    pub fn parse(s: &str) -> Option<Written> {
        if let Some(n) = word_value(s) {
            return (n >= 2).then_some(Written {
                value: f64::from(n),
                form: Form::Word {
                    capital: s.starts_with(char::is_uppercase),
                },
            });
        }
        if !s.starts_with(|c: char| c.is_ascii_digit())
            || !s
                .chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        {
            return None;
        }
        let (int, frac) = match s.split_once('.') {
            Some((i, f)) if !f.is_empty() && f.chars().all(|c| c.is_ascii_digit()) => (i, f),
            Some(_) => return None,
            None => (s, ""),
        };
        let separated = int.contains(',');
        if separated {
            let groups: Vec<&str> = int.split(',').collect();
            let ok = (1..=3).contains(&groups[0].len()) && groups[1..].iter().all(|g| g.len() == 3);
            if !ok {
                return None;
            }
        }
        let digits: String = int.chars().filter(char::is_ascii_digit).collect();
        if digits.len() > 1 && digits.starts_with('0') {
            return None;
        }
        let value: f64 = format!("{digits}.{frac}0").parse().ok()?;
        if !separated && frac.is_empty() && digits.len() == 4 && (1800.0..=2100.0).contains(&value)
        {
            return None;
        }
        (value >= 2.0 || !frac.is_empty()).then_some(Written {
            value,
            form: Form::Digits {
                decimals: frac.len(),
                separated,
            },
        })
    }

    /// `value` written the way this number was, if it can be.
    pub fn write(&self, value: f64) -> Option<String> {
        match self.form {
            Form::Word { capital } => {
                if value.fract() != 0.0 || !(2.0..100.0).contains(&value) {
                    return None;
                }
                let w = value_word(value as u32)?;
                Some(if capital { in_case_of("A", &w) } else { w })
            }
            Form::Digits {
                decimals,
                separated,
            } => {
                let text = format!("{value:.decimals$}");
                if text.parse::<f64>().ok()? != value {
                    return None;
                }
                if !separated {
                    return Some(text);
                }
                let (int, frac) = text
                    .split_once('.')
                    .map_or((text.as_str(), None), |(i, f)| (i, Some(f)));
                let mut grouped = String::new();
                for (k, c) in int.chars().enumerate() {
                    if k > 0 && (int.len() - k) % 3 == 0 {
                        grouped.push(',');
                    }
                    grouped.push(c);
                }
                if let Some(f) = frac {
                    grouped.push('.');
                    grouped.push_str(f);
                }
                Some(grouped)
            }
        }
    }

    /// Values clearly different from this one and as plausible, in the
    /// precision it was written with: a few more or fewer for a small
    /// count, a quarter to a half more or less for a larger one, its
    /// leading digits changed and its round zeros kept.
    pub fn alternatives(&self) -> Vec<f64> {
        let v = self.value;
        let decimals = match self.form {
            Form::Digits { decimals, .. } => decimals,
            Form::Word { .. } => 0,
        };
        let mut out: Vec<f64> = Vec::new();
        if decimals == 0 && v <= 12.0 {
            for d in [1.0, 2.0, -1.0, 3.0, -2.0] {
                out.push(v + d);
            }
        } else {
            // The step of the last digit written: 58,000 moves by 1,000.
            let step = if decimals > 0 {
                10f64.powi(-(decimals as i32))
            } else {
                let mut s = 1.0;
                while (v / (s * 10.0)).fract() == 0.0 && v / (s * 10.0) >= 1.0 {
                    s *= 10.0;
                }
                s
            };
            for f in [1.25, 0.75, 1.5, 0.6] {
                let mut x = (v * f / step).round() * step;
                if decimals > 0 {
                    x = (x * 10f64.powi(decimals as i32)).round() / 10f64.powi(decimals as i32);
                }
                out.push(x);
            }
        }
        // A count stays plural; a decimal stays above zero.
        let least = if decimals == 0 { 2.0 } else { 0.0 };
        let mut seen = Vec::new();
        out.retain(|&x| {
            let keep = x >= least && x > 0.0 && x != v && !seen.contains(&x);
            seen.push(x);
            keep
        });
        out
    }
}

/// A clock time as written: "9 a.m.", "10:30pm", "14:30".
#[derive(Debug, Clone, PartialEq)]
pub struct Clock {
    /// Minutes after midnight.
    pub minutes: u32,
    padded: bool,
    with_minutes: bool,
    /// The text between the number and the marker, and the marker as
    /// written ("a.m.", "PM"); none on a 24-hour clock.
    marker: Option<(String, String)>,
}

impl Clock {
    /// Reads `hour` ("9", "10:30", "14:30") and its marker ("a.m.", "pm",
    /// "" on a 24-hour clock), with `between` the text that parts them.
    pub fn parse(hour: &str, between: &str, marker: &str) -> Option<Clock> {
        let (h, m) = match hour.split_once(':') {
            Some((h, m)) if m.len() == 2 => (h, Some(m)),
            Some(_) => return None,
            None => (hour, None),
        };
        if h.is_empty() || h.len() > 2 || !h.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        let h: u32 = h.parse().ok()?;
        let mins: u32 = match m {
            Some(m) => m.parse().ok().filter(|&m| m < 60)?,
            None => 0,
        };
        let padded = hour.starts_with('0');
        let lower = marker.to_lowercase().replace('.', "");
        let h24 = match lower.as_str() {
            "" if m.is_some() && h < 24 => h,
            "am" if (1..=12).contains(&h) => h % 12,
            "pm" if (1..=12).contains(&h) => h % 12 + 12,
            _ => return None,
        };
        Some(Clock {
            minutes: h24 * 60 + mins,
            padded,
            with_minutes: m.is_some(),
            marker: (!marker.is_empty()).then(|| (between.to_string(), marker.to_string())),
        })
    }

    /// This time moved by `hours`, written as it was; none across midnight.
    pub fn shifted(&self, hours: i32) -> Option<String> {
        let minutes = i64::from(self.minutes) + i64::from(hours) * 60;
        if !(0..24 * 60).contains(&minutes) {
            return None;
        }
        let (h24, m) = ((minutes / 60) as u32, (minutes % 60) as u32);
        let mut out = match &self.marker {
            Some(_) => {
                let h = if h24 % 12 == 0 { 12 } else { h24 % 12 };
                h.to_string()
            }
            None if self.padded => format!("{h24:02}"),
            None => h24.to_string(),
        };
        if self.with_minutes {
            out.push_str(&format!(":{m:02}"));
        }
        if let Some((between, marker)) = &self.marker {
            out.push_str(between);
            let pm = h24 >= 12;
            out.extend(marker.chars().map(|c| match (c, pm) {
                ('a', true) => 'p',
                ('p', false) => 'a',
                ('A', true) => 'P',
                ('P', false) => 'A',
                _ => c,
            }));
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_follows_the_word_replaced() {
        assert_eq!(in_case_of("Velm", "Orsk"), "Orsk");
        assert_eq!(in_case_of("VELM", "New Orsk"), "NEW ORSK");
        assert_eq!(in_case_of("mayor", "Deputy Mayor"), "deputy mayor");
        assert_eq!(
            in_case_of("Harbour Master", "secretary of state"),
            "Secretary of State"
        );
        assert_eq!(in_case_of("Potter", "chief justice"), "Chief Justice");
        assert_eq!(in_case_of("ceo", "CFO"), "CFO");
    }

    #[test]
    fn respellings_are_one_letter_transliterations() {
        let r = respellings("Kovalchuk");
        for expected in ["Kovelchuk", "Covalchuk", "Kuvalchuk", "Kovalchok"] {
            assert!(r.contains(&expected.to_string()), "{expected} not in {r:?}");
        }
        assert!(
            r.iter().all(|w| strsim::levenshtein(w, "Kovalchuk") == 1),
            "{r:?}"
        );
        assert!(!r.contains(&"Kovallchuk".to_string()) && !r.contains(&"Kovalchukk".to_string()));
        assert!(respellings("Wittmann").contains(&"Witmann".to_string()));
        assert!(respellings("Demidof").contains(&"Demidoff".to_string()));
        assert!(respellings("Oremil").contains(&"Orremil".to_string()));
        assert!(respellings("Yanis").contains(&"Janis".to_string()));
        // Too short to respell safely, or not plain letters.
        assert!(respellings("Lim").is_empty());
        assert!(respellings("O'Dea").is_empty());
    }

    #[test]
    fn numbers_keep_their_format() {
        let n = Written::parse("58,000").unwrap();
        assert_eq!(n.value, 58_000.0);
        assert_eq!(n.write(64_000.0).as_deref(), Some("64,000"));
        let w = Written::parse("Seven").unwrap();
        assert_eq!(w.write(9.0).as_deref(), Some("Nine"));
        assert_eq!(w.write(34.0).as_deref(), Some("Thirty-four"));
        assert_eq!(w.write(140.0), None);
        let d = Written::parse("2.5").unwrap();
        assert_eq!(d.write(3.1).as_deref(), Some("3.1"));
        assert_eq!(d.write(3.15), None);
        for not_a_count in ["2031", "07", "one", "1", "3.", "12,34"] {
            assert_eq!(Written::parse(not_a_count), None, "{not_a_count}");
        }
    }

    #[test]
    fn alternatives_are_clearly_different_and_as_round() {
        assert_eq!(
            Written::parse("4").unwrap().alternatives(),
            [5.0, 6.0, 3.0, 7.0, 2.0]
        );
        let big = Written::parse("58,000").unwrap().alternatives();
        assert_eq!(big, [73_000.0, 44_000.0, 87_000.0, 35_000.0]);
        let round = Written::parse("300").unwrap().alternatives();
        assert_eq!(round, [400.0, 200.0, 500.0]);
        let small = Written::parse("1.5").unwrap().alternatives();
        assert_eq!(small, [1.9, 1.1, 2.3, 0.9]);
        let decimal = Written::parse("6.4").unwrap().alternatives();
        assert_eq!(decimal, [8.0, 4.8, 9.6, 3.8]);
    }

    #[test]
    fn clock_times_shift_in_their_own_format() {
        let c = Clock::parse("11", " ", "a.m.").unwrap();
        assert_eq!(c.minutes, 11 * 60);
        assert_eq!(c.shifted(2).as_deref(), Some("1 p.m."));
        assert_eq!(c.shifted(-3).as_deref(), Some("8 a.m."));
        let c = Clock::parse("10:45", "", "PM").unwrap();
        assert_eq!(c.shifted(1).as_deref(), Some("11:45PM"));
        assert_eq!(c.shifted(2), None);
        let c = Clock::parse("07:05", "", "").unwrap();
        assert_eq!(c.shifted(3).as_deref(), Some("10:05"));
        assert_eq!(Clock::parse("9", " ", ""), None);
        assert_eq!(Clock::parse("13", " ", "pm"), None);
    }
}
