//! A claim's value in words a reader uses ("90 days", "US$363 million",
//! "2:40 a.m. local time") and what a figure measures ("people killed"),
//! made from the extracted values, not from the labels alignment gives
//! subjects: reports show these, never a number in a base unit.

use super::ConflictClaim;
use crate::extract::{DateClaim, DateValue, FigureClaim, FigureValue, Qualifier};
use crate::text::{MONTHS, WEEKDAYS};

/// A figure as a conflict shows it: the value compared, and in words.
pub fn figure_claim(f: &FigureClaim) -> ConflictClaim {
    let mut claim = ConflictClaim::new(&f.span, &f.text, f.value.display());
    claim.reading = Some(figure_reading(&f.value));
    claim.measure = Some(figure_measure(&f.value));
    claim
}

/// A date as a conflict shows it: the value compared, and in words.
pub fn date_claim(d: &DateClaim) -> ConflictClaim {
    let mut claim = ConflictClaim::new(&d.span, &d.text, d.value.display());
    claim.reading = Some(date_reading(&d.value));
    claim.measure = Some(date_measure(&d.value).to_string());
    claim
}

/// The value of a figure in words: its hedge, its number and its unit.
pub fn figure_reading(v: &FigureValue) -> String {
    let hedge = match v.qualifier {
        Qualifier::Exact => "",
        Qualifier::AtLeast => "at least ",
        Qualifier::MoreThan => "more than ",
        Qualifier::About => "about ",
        Qualifier::AtMost => "at most ",
        Qualifier::Nearly => "nearly ",
        Qualifier::Vague => "roughly ",
    };
    let ranged = v.qualifier == Qualifier::Exact
        && v.low.is_finite()
        && v.high.is_finite()
        && v.low < v.high
        && v.number.is_finite();
    let amount = |n: f64| quantity(n, &v.dimension);
    if ranged && (v.low - v.number).abs() <= f64::EPSILON * v.number.abs() {
        return format!("{} to {}", amount(v.low), amount(v.high));
    }
    format!("{hedge}{}", amount(v.number))
}

/// What a figure counts or measures: "people killed", "villages",
/// "length of the contract", "amount in euros".
pub fn figure_measure(v: &FigureValue) -> String {
    let noun = v.noun.as_deref();
    match v.dimension.as_str() {
        "count" => {
            let Some(noun) = noun else {
                return "number".to_string();
            };
            let counted = plural(noun);
            // What happened is said of people in general ("people killed");
            // other nouns say it themselves ("deaths", "villages").
            match v.event.as_deref().and_then(participle) {
                Some(p) if matches!(noun, "person" | "people") => format!("{counted} {p}"),
                _ => counted,
            }
        }
        "percent" => match noun {
            Some(n) => format!("share of {}", plural(n)),
            None => "percentage".to_string(),
        },
        d => {
            let what = match d.strip_prefix("currency:") {
                Some(code) => match currency_name(code) {
                    Some(name) => format!("amount in {name}"),
                    None => format!("amount in {code}"),
                },
                None => match d {
                    "duration" => "length".to_string(),
                    "length" => "distance".to_string(),
                    "mass" => "weight".to_string(),
                    other => other.to_string(),
                },
            };
            // The noun a duration is of ("five-year contract") tells what
            // lasts; other units stand alone.
            match noun {
                Some(n) if d == "duration" => format!("{what} of the {n}"),
                _ => what,
            }
        }
    }
}

/// The time of day, day or period a date value names, in words.
pub fn date_reading(v: &DateValue) -> String {
    let zone = |z: &str| {
        if z == "local" {
            " local time".to_string()
        } else {
            format!(" {z}")
        }
    };
    match v {
        DateValue::Weekday { day, zone: z } => {
            let d = capitalised(WEEKDAYS[usize::from(*day) % 7]);
            if z == "local" {
                d
            } else {
                format!("{d}{}", zone(z))
            }
        }
        DateValue::Day { month, day } => {
            format!(
                "{} {day}",
                capitalised(MONTHS[usize::from(*month - 1) % 12])
            )
        }
        DateValue::Month(m) => capitalised(MONTHS[usize::from(*m - 1) % 12]),
        DateValue::Time {
            minutes,
            zone: z,
            before,
            after,
        } => {
            let hedge = match (*before > 0, *after > 0) {
                (true, true) => "around ",
                (true, false) => "shortly before ",
                (false, true) => "shortly after ",
                (false, false) => "",
            };
            format!("{hedge}{}{}", clock(*minutes), zone(z))
        }
        DateValue::PartOfDay(p) | DateValue::Relative(p) => p.clone(),
        DateValue::Quarter(q) => {
            let nth = ["first", "second", "third", "fourth"];
            match nth.get(usize::from(*q).wrapping_sub(1)) {
                Some(n) => format!("{n} quarter"),
                None => format!("quarter {q}"),
            }
        }
    }
}

/// What a date value gives: a time, a day, a month, a quarter.
pub fn date_measure(v: &DateValue) -> &'static str {
    match v {
        DateValue::Time { .. } | DateValue::PartOfDay(_) => "time",
        DateValue::Weekday { .. } | DateValue::Day { .. } => "day",
        DateValue::Month(_) => "month",
        DateValue::Quarter(_) => "quarter",
        DateValue::Relative(_) => "date",
    }
}

/// Minutes after midnight on a twelve-hour clock: "2:40 a.m.", "noon".
fn clock(minutes: u32) -> String {
    let (h, m) = ((minutes / 60) % 24, minutes % 60);
    match (h, m) {
        (12, 0) => "noon".to_string(),
        (0, 0) => "midnight".to_string(),
        _ => {
            let half = if h < 12 { "a.m." } else { "p.m." };
            let h12 = if h % 12 == 0 { 12 } else { h % 12 };
            format!("{h12}:{m:02} {half}")
        }
    }
}

/// An amount in the dimension's usual unit: "24 km", "90 days", "€3.8 billion".
fn quantity(n: f64, dimension: &str) -> String {
    if let Some(code) = dimension.strip_prefix("currency:") {
        let sign = if n < 0.0 { "-" } else { "" };
        return match currency_sign(code) {
            Some(s) => format!("{sign}{s}{}", number(n.abs())),
            None => format!("{} {code}", number(n)),
        };
    }
    // (factor to the base unit, singular, plural) from the largest down;
    // the first in which the amount is whole, else the first it reaches.
    let units: &[(f64, &str, &str)] = match dimension {
        "count" => return number(n),
        "percent" => return format!("{}%", number(n)),
        "magnitude" => return format!("magnitude {}", number(n)),
        "temperature" => return format!("{} °C", number(n)),
        "speed" => return format!("{} km/h", number(n)),
        "duration" | "age" => &[
            (31_557_600.0, "year", "years"),
            (2_629_800.0, "month", "months"),
            (604_800.0, "week", "weeks"),
            (86_400.0, "day", "days"),
            (3_600.0, "hour", "hours"),
            (60.0, "minute", "minutes"),
            (1.0, "second", "seconds"),
        ],
        "length" => &[(1000.0, "km", "km"), (1.0, "m", "m"), (0.01, "cm", "cm")],
        "mass" => &[
            (1000.0, "tonne", "tonnes"),
            (1.0, "kg", "kg"),
            (0.001, "g", "g"),
        ],
        "area" => &[
            (1_000_000.0, "km²", "km²"),
            (10_000.0, "hectare", "hectares"),
            (1.0, "m²", "m²"),
        ],
        "volume" => &[(1.0, "litre", "litres")],
        "power" => &[(1000.0, "GW", "GW"), (1.0, "MW", "MW")],
        other => return format!("{} {other}", number(n)),
    };
    let whole = |x: f64| (x - x.round()).abs() <= 1e-6 * x.abs().max(1.0);
    let (factor, one, many) = units
        .iter()
        .find(|(f, ..)| whole(n / f) && (n / f).abs() >= 1.0)
        .or_else(|| units.iter().find(|(f, ..)| (n / f).abs() >= 1.0))
        .or(units.last())
        .copied()
        .unwrap_or((1.0, "", ""));
    let x = n / factor;
    let unit = if (x - 1.0).abs() < 1e-9 { one } else { many };
    format!("{} {unit}", number(significant(x, 3)))
}

/// `x` rounded to `digits` significant digits (units kept whole).
fn significant(x: f64, digits: i32) -> f64 {
    if x == 0.0 || !x.is_finite() || x.abs() >= 10f64.powi(digits) {
        return x.round();
    }
    let scale = 10f64.powi(digits - 1 - x.abs().log10().floor() as i32);
    (x * scale).round() / scale
}

/// A number as news copy writes it: "26,000", "1.2 million", "7.1".
pub fn number(n: f64) -> String {
    if !n.is_finite() {
        return if n > 0.0 { "no limit" } else { "?" }.to_string();
    }
    for (scale, word) in [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")] {
        let x = n / scale;
        // Only where the words lose nothing: 227,415,806 stays as it is.
        if x.abs() >= 1.0 && ((x * 1000.0).round() - x * 1000.0).abs() < 1e-6 {
            return format!("{} {word}", decimal(x));
        }
    }
    if n.fract() == 0.0 && n.abs() < 1e15 {
        return grouped(n as i64);
    }
    decimal(n)
}

/// Up to three decimals, without trailing zeros.
fn decimal(x: f64) -> String {
    let s = format!("{x:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    match s.split_once('.') {
        Some((whole, frac)) => format!("{}.{frac}", grouped(whole.parse().unwrap_or(0))),
        None => grouped(s.parse().unwrap_or(0)),
    }
}

fn grouped(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

/// The sign copy writes before an amount of the currency.
fn currency_sign(code: &str) -> Option<&'static str> {
    Some(match code {
        "USD" => "US$",
        "EUR" => "€",
        "GBP" => "£",
        "JPY" => "¥",
        "INR" => "₹",
        "KRW" => "₩",
        "RUB" => "₽",
        "UAH" => "₴",
        "HKD" => "HK$",
        "AUD" => "A$",
        "CAD" => "C$",
        _ => return None,
    })
}

fn currency_name(code: &str) -> Option<&'static str> {
    Some(match code {
        "USD" => "US dollars",
        "EUR" => "euros",
        "GBP" => "pounds",
        "JPY" => "yen",
        "CNY" => "yuan",
        "KRW" => "won",
        "INR" => "rupees",
        "RUB" => "roubles",
        "UAH" => "hryvnias",
        "CHF" => "Swiss francs",
        "HKD" => "Hong Kong dollars",
        _ => return None,
    })
}

/// What happened to those an event class counts: "people killed".
fn participle(event: &str) -> Option<&'static str> {
    Some(match event {
        "death" => "killed",
        "injury" => "injured",
        "evacuation" => "evacuated",
        "arrest" => "arrested",
        "birth" => "born",
        _ => return None,
    })
}

/// The plural of a counted noun's lemma.
fn plural(noun: &str) -> String {
    let irregular = [
        ("person", "people"),
        ("people", "people"),
        ("child", "children"),
        ("man", "men"),
        ("woman", "women"),
        ("police", "police"),
        ("staff", "staff"),
        ("crew", "crew"),
    ];
    if let Some((_, p)) = irregular.iter().find(|(s, _)| *s == noun) {
        return p.to_string();
    }
    let consonant_y = noun.strip_suffix('y').filter(|stem| {
        stem.chars()
            .last()
            .is_some_and(|c| c.is_alphabetic() && !"aeiou".contains(c))
    });
    if let Some(stem) = consonant_y {
        format!("{stem}ies")
    } else if ["s", "x", "z", "ch", "sh"]
        .iter()
        .any(|e| noun.ends_with(e))
    {
        format!("{noun}es")
    } else {
        format!("{noun}s")
    }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figure(number: f64, dimension: &str, noun: Option<&str>) -> FigureValue {
        FigureValue {
            number,
            low: number,
            high: number,
            qualifier: Qualifier::Exact,
            dimension: dimension.to_string(),
            noun: noun.map(String::from),
            context: String::new(),
            frame: Vec::new(),
            conversion_of: None,
            reported: false,
            partial: false,
            event: None,
            owner: None,
        }
    }

    #[test]
    fn durations_read_in_the_unit_they_are_whole_in() {
        let days = figure(90.0 * 86_400.0, "duration", Some("trial"));
        assert_eq!(figure_reading(&days), "90 days");
        assert_eq!(figure_measure(&days), "length of the trial");
        let months = figure(3.0 * 2_629_800.0, "duration", None);
        assert_eq!(figure_reading(&months), "3 months");
        assert_eq!(
            figure_reading(&figure(31_557_600.0, "duration", None)),
            "1 year"
        );
    }

    #[test]
    fn money_and_lengths_read_as_copy_writes_them() {
        assert_eq!(
            figure_reading(&figure(363e6, "currency:USD", None)),
            "US$363 million"
        );
        assert_eq!(
            figure_reading(&figure(1.25e9, "currency:CHF", None)),
            "1.25 billion CHF"
        );
        assert_eq!(figure_reading(&figure(24_000.0, "length", None)), "24 km");
        // 1.2 miles, to three digits.
        assert_eq!(
            figure_reading(&figure(1931.2128, "length", None)),
            "1.93 km"
        );
        assert_eq!(figure_reading(&figure(12.5, "percent", None)), "12.5%");
    }

    #[test]
    fn counts_keep_every_digit_and_their_hedge() {
        assert_eq!(number(227_415_806.0), "227,415,806");
        assert_eq!(number(227_400_000.0), "227.4 million");
        let mut v = figure(4000.0, "count", Some("family"));
        v.qualifier = Qualifier::MoreThan;
        v.high = f64::INFINITY;
        assert_eq!(figure_reading(&v), "more than 4,000");
        assert_eq!(figure_measure(&v), "families");
        v.noun = Some("person".into());
        v.event = Some("injury".into());
        assert_eq!(figure_measure(&v), "people injured");
        v.noun = Some("village".into());
        assert_eq!(figure_measure(&v), "villages");
    }

    #[test]
    fn times_read_on_a_twelve_hour_clock() {
        let t = DateValue::Time {
            minutes: 21 * 60 + 5,
            zone: "local".into(),
            before: 10,
            after: 10,
        };
        assert_eq!(date_reading(&t), "around 9:05 p.m. local time");
        assert_eq!(date_measure(&t), "time");
        assert_eq!(date_reading(&DateValue::Quarter(2)), "second quarter");
        assert_eq!(
            date_reading(&DateValue::Day { month: 11, day: 3 }),
            "November 3"
        );
    }
}
