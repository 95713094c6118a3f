//! The plain reading of an article that plants need: words with their
//! positions, the line each is on, and whether it starts a sentence.
//! Deliberately apart from the extractors' tokenizer, so that what is
//! planted does not move when extraction does.

use std::ops::Range;

/// A word, a number ("58,000", "6.1", "10:30") or an abbreviation without
/// its last dot ("U.S"); byte offsets into the article.
#[derive(Debug, Clone, Copy)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    /// First of its line, or after a sentence's end (a dot after an
    /// abbreviation such as "Mr." or "Nov." ends none).
    pub sentence_start: bool,
}

#[derive(Debug, Clone, Copy)]
pub struct Line {
    /// A headline in title case or capitals: there a capital says nothing
    /// about names.
    pub title_case: bool,
    /// A line of dates and times only ("7:15 a.m. Dec. 7, 2009"): when the
    /// article was published, not what happened.
    pub timestamp: bool,
}

pub struct Text<'a> {
    pub text: &'a str,
    pub words: Vec<Word>,
    pub lines: Vec<Line>,
}

pub const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// Words after which a dot ends no sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "sen", "rep", "gov", "lt", "col", "sgt",
    "capt", "det", "rev", "no", "vs", "inc", "corp", "co", "ltd", "mt", "ft", "prof", "gov", "adm",
    "maj", "cpl", "pvt", "insp", "supt", "ave", "blvd", "rd",
];

/// Words a timestamp line may hold besides numbers, months and weekdays.
const TIMESTAMP_WORDS: &[&str] = &[
    "at",
    "on",
    "updated",
    "posted",
    "published",
    "last",
    "by",
    "am",
    "pm",
    "a.m",
    "p.m",
    "et",
    "est",
    "edt",
    "ct",
    "cst",
    "cdt",
    "pt",
    "pst",
    "pdt",
    "mt",
    "mst",
    "mdt",
    "gmt",
    "utc",
    "bst",
    "cet",
    "ist",
    "uk",
    "us",
    "local",
    "time",
    "jst",
    "date",
    "edited",
];

pub fn is_month(word: &str) -> bool {
    MONTHS.contains(&word.to_lowercase().as_str())
}

pub fn weekday(word: &str) -> Option<usize> {
    WEEKDAYS.iter().position(|d| d.eq_ignore_ascii_case(word))
}

/// Whether `c` may join two characters into one word: "U.S", "O'Neill",
/// "58,000", "6.1", "10:30", "bird-flu".
fn joins(prev: char, c: char, next: char) -> bool {
    match c {
        ',' | ':' => prev.is_ascii_digit() && next.is_ascii_digit(),
        '.' => {
            (prev.is_ascii_digit() && next.is_ascii_digit())
                || (prev.is_alphabetic() && next.is_alphabetic())
        }
        '\'' | '\u{2019}' => prev.is_alphabetic() && next.is_alphabetic(),
        '-' => prev.is_alphanumeric() && next.is_alphanumeric(),
        _ => false,
    }
}

impl<'a> Text<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut words = Vec::new();
        let mut lines = Vec::new();
        let mut line_start = 0;
        for (line_no, raw) in text.split_inclusive(['\n', '\r']).enumerate() {
            let first = words.len();
            let chars: Vec<(usize, char)> = raw.char_indices().collect();
            let mut k = 0;
            while k < chars.len() {
                if !chars[k].1.is_alphanumeric() {
                    k += 1;
                    continue;
                }
                let begin = k;
                k += 1;
                while k < chars.len() {
                    let c = chars[k].1;
                    if c.is_alphanumeric() {
                        k += 1;
                    } else if k + 1 < chars.len() && joins(chars[k - 1].1, c, chars[k + 1].1) {
                        k += 2;
                    } else {
                        break;
                    }
                }
                let start = line_start + chars[begin].0;
                let end = line_start + chars.get(k).map_or(raw.len(), |&(i, _)| i);
                words.push(Word {
                    start,
                    end,
                    line: line_no,
                    sentence_start: false,
                });
            }
            for i in first..words.len() {
                words[i].sentence_start = i == first || {
                    let prev = &text[words[i - 1].start..words[i - 1].end];
                    let gap = &text[words[i - 1].end..words[i].start];
                    let abbreviation = gap.starts_with('.')
                        && (prev.chars().count() == 1
                            || prev.contains('.')
                            || ABBREVIATIONS.contains(&prev.to_lowercase().as_str()));
                    gap.contains(['.', '!', '?', ':', ';']) && !abbreviation
                };
            }
            lines.push(describe_line(text, &words[first..]));
            line_start += raw.len();
        }
        Text { text, words, lines }
    }

    pub fn str(&self, i: usize) -> &'a str {
        &self.text[self.words[i].start..self.words[i].end]
    }

    /// The word without a possessive "'s".
    pub fn base(&self, i: usize) -> Range<usize> {
        let w = self.words[i];
        let s = self.str(i);
        let cut = ["'s", "\u{2019}s", "'S", "\u{2019}S"]
            .iter()
            .find(|p| s.len() > p.len() && s.ends_with(*p))
            .map_or(0, |p| p.len());
        w.start..w.end - cut
    }

    pub fn base_str(&self, i: usize) -> &'a str {
        &self.text[self.base(i)]
    }

    /// The text between word `i` and the next.
    pub fn gap_after(&self, i: usize) -> &'a str {
        match self.words.get(i + 1) {
            Some(next) => &self.text[self.words[i].end..next.start],
            None => &self.text[self.words[i].end..],
        }
    }

    /// Whether only spaces part word `i` from the next one on its line.
    pub fn joined(&self, i: usize) -> bool {
        i + 1 < self.words.len()
            && self.words[i].line == self.words[i + 1].line
            && self.gap_after(i).chars().all(|c| c == ' ' || c == '\u{a0}')
    }

    pub fn capitalised(&self, i: usize) -> bool {
        self.str(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// A capital that says word `i` belongs to a name: not the first of a
    /// sentence, not in a headline.
    pub fn telling_capital(&self, i: usize) -> bool {
        let w = self.words[i];
        self.capitalised(i) && !w.sentence_start && !self.lines[w.line].title_case
    }

    pub fn is_number(&self, i: usize) -> bool {
        self.str(i)
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    }

    pub fn line(&self, i: usize) -> Line {
        self.lines[self.words[i].line]
    }

    /// Whether the words at `i..` spell `phrase` (words parted by single
    /// spaces, compared without case); the number of words it takes.
    pub fn spells(&self, i: usize, phrase: &str) -> Option<usize> {
        let mut n = 0;
        for (k, part) in phrase.split(' ').enumerate() {
            let j = i + k;
            if j >= self.words.len() || (k > 0 && !self.joined(j - 1)) {
                return None;
            }
            let word = if k + 1 == phrase.split(' ').count() {
                self.base_str(j)
            } else {
                self.str(j)
            };
            if !word.eq_ignore_ascii_case(part) && word.to_lowercase() != part.to_lowercase() {
                return None;
            }
            n += 1;
        }
        Some(n)
    }
}

fn describe_line(text: &str, words: &[Word]) -> Line {
    let strs: Vec<&str> = words.iter().map(|w| &text[w.start..w.end]).collect();
    let alphabetic: Vec<&str> = strs
        .iter()
        .copied()
        .filter(|s| s.chars().count() >= 4 && s.chars().all(char::is_alphabetic))
        .collect();
    let capitals = alphabetic
        .iter()
        .filter(|s| s.chars().next().is_some_and(char::is_uppercase))
        .count();
    let title_case = alphabetic.len() >= 3 && capitals * 4 >= alphabetic.len() * 3;
    let timestamp = strs
        .iter()
        .any(|s| s.starts_with(|c: char| c.is_ascii_digit()))
        && strs.iter().all(|s| {
            let lower = s.to_lowercase();
            s.starts_with(|c: char| c.is_ascii_digit())
                || is_month(s)
                || weekday(s).is_some()
                || TIMESTAMP_WORDS.contains(&lower.as_str())
        });
    Line {
        title_case,
        timestamp,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strs<'a>(t: &'a Text) -> Vec<&'a str> {
        (0..t.words.len()).map(|i| t.str(i)).collect()
    }

    #[test]
    fn words_keep_numbers_abbreviations_and_names_whole() {
        let t =
            Text::new("Gov. Ilse O'Hara's 12,500 ferry-men left at 10:30 a.m. from the U.S. pier.");
        assert_eq!(
            strs(&t),
            [
                "Gov",
                "Ilse",
                "O'Hara's",
                "12,500",
                "ferry-men",
                "left",
                "at",
                "10:30",
                "a.m",
                "from",
                "the",
                "U.S",
                "pier"
            ]
        );
        assert_eq!(t.base_str(2), "O'Hara");
        // The dot after "Gov" ends no sentence.
        assert!(!t.words[1].sentence_start);
        assert!(t.joined(1) && !t.joined(0));
    }

    #[test]
    fn sentences_start_after_a_full_stop_and_on_each_line() {
        let t = Text::new("The kiln cooled. Potters waited\nLater that week");
        let starts: Vec<bool> = t.words.iter().map(|w| w.sentence_start).collect();
        assert_eq!(
            starts,
            [true, false, false, true, false, true, false, false]
        );
    }

    #[test]
    fn headlines_and_timestamps_are_told_apart_from_prose() {
        let t = Text::new(
            "Glassblowers Strike Over Furnace Rules\n8:40 a.m. Mar. 3, 2031\nThe furnace in Velm shut at dawn.\n",
        );
        assert!(t.lines[0].title_case && !t.lines[0].timestamp);
        assert!(t.lines[1].timestamp);
        assert!(!t.lines[2].title_case && !t.lines[2].timestamp);
    }
}
