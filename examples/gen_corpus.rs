//! Writes a synthetic newsroom archive for benchmarks: one folder per story,
//! two to six articles of about 3 KB each, and a `gold.yaml` per story naming
//! the conflicts planted in it, so `crosscheck eval` can score the archive.
//!
//! ```sh
//! cargo run --release --example gen_corpus -- --stories 1000 --seed 7 --out /tmp/archive
//! ```
//!
//! People, places and titles come from the name lists and gazetteer of
//! `data/` and the titles of `rules/lexicons/`, read at run time and kept
//! where the extractor recognises them. Given names are the lists'; surnames
//! are built from syllables, tens of
//! thousands of them, so that name matching meets many distinct names. The
//! same seed always gives the same archive, byte for byte.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use clap::Parser;
use crosscheck::lexicon::Lexicon;
use crosscheck::rules::RuleSet;
use serde_yaml::Value;

#[derive(Parser)]
#[command(about = "Write a synthetic archive of news stories")]
struct Args {
    /// Number of stories (each two to six articles).
    #[arg(long)]
    stories: usize,
    /// Seed of the generator: one seed, one archive.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Folder to write; created if missing.
    #[arg(long)]
    out: PathBuf,
}

fn main() {
    let args = Args::parse();
    let pools = Pools::load(Path::new(env!("CARGO_MANIFEST_DIR")));
    let mut bytes = 0usize;
    let mut articles = 0usize;
    for s in 0..args.stories {
        let dir = args.out.join(format!("story-{s:06}"));
        let story = Story::new(&pools, args.seed, s as u64);
        let written = story.write(&dir).unwrap_or_else(|e| {
            eprintln!("gen_corpus: {}: {e}", dir.display());
            std::process::exit(2);
        });
        articles += written.0;
        bytes += written.1;
    }
    eprintln!(
        "gen_corpus: {} stories, {articles} articles, {:.1} MB in {}",
        args.stories,
        bytes as f64 / 1e6,
        args.out.display()
    );
}

/// splitmix64: small, fast, and its output is fixed by its seed, so an
/// archive never changes between runs or platforms.
struct Rng(u64);

impl Rng {
    fn new(seed: u64, stream: u64) -> Self {
        let mut r = Rng(seed ^ stream.wrapping_mul(0xA076_1D64_78BD_642F));
        r.next();
        r
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A number in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64 * n as f64) as usize
    }
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
    fn chance(&mut self, p: f64) -> bool {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64) < p
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    /// An index skewed towards the start: a few surnames are common, most
    /// are rare, as in a real archive.
    fn skewed(&mut self, n: usize) -> usize {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        ((u * u) * n as f64) as usize
    }
}

/// The vocabulary the generator draws from.
struct Pools {
    given: Vec<String>,
    /// Formal given names with their short forms.
    nicknames: Vec<(String, Vec<String>)>,
    surnames: Vec<String>,
    /// Cities with the country they are in.
    cities: Vec<(String, String)>,
    titles: Vec<String>,
    /// Groups of titles that name one office ("chief executive" / "CEO").
    synonyms: Vec<Vec<String>>,
}

fn yaml(path: &Path) -> Value {
    let text = fs::read_to_string(path).unwrap_or_else(|e| {
        eprintln!("gen_corpus: {}: {e}", path.display());
        std::process::exit(2);
    });
    serde_yaml::from_str(&text).unwrap_or_else(|e| {
        eprintln!("gen_corpus: {}: {e}", path.display());
        std::process::exit(2);
    })
}

/// The rows of a TSV file of data/, without its `#` header.
fn tsv(path: &Path) -> Vec<Vec<String>> {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.split('\t').map(String::from).collect())
        .collect()
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn strings(v: &Value) -> Vec<String> {
    v.as_sequence()
        .map(|s| {
            s.iter()
                .filter_map(|x| x.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

/// Plain ASCII letters, capitalised: easy to vary and to recognise.
fn plain_name(s: &str) -> bool {
    s.len() >= 3
        && s.chars().all(|c| c.is_ascii_alphabetic())
        && s.starts_with(|c: char| c.is_ascii_uppercase())
}

impl Pools {
    fn load(root: &Path) -> Pools {
        let titles_file = yaml(&root.join("rules/lexicons/titles.yaml"));
        let set = RuleSet::load(&[] as &[&str]).expect("built-in rules load");
        let lex = &set.lexicon;
        let given: Vec<String> = tsv(&root.join("data/names/given.tsv"))
            .into_iter()
            .map(|row| row[0].clone())
            .filter(|g| plain_name(g) && lex.is_given_name(g))
            .collect();
        let given_set: BTreeSet<String> = given.iter().map(|g| g.to_lowercase()).collect();
        let mut nicknames: Vec<(String, Vec<String>)> = Vec::new();
        for row in tsv(&root.join("data/names/nicknames.tsv")) {
            let (formal, short) = (capitalised(&row[0]), capitalised(&row[1]));
            if !given_set.contains(&row[0]) || !plain_name(&short) {
                continue;
            }
            match nicknames.last_mut() {
                Some((f, shorts)) if *f == formal => shorts.push(short),
                _ => nicknames.push((formal, vec![short])),
            }
        }
        // Cities the extractor takes for places on their name alone, each
        // with its country's name.
        let places = tsv(&root.join("data/gazetteer/places.tsv"));
        let country_names: std::collections::BTreeMap<&str, &str> = places
            .iter()
            .filter(|row| row[1] == "country")
            .map(|row| (row[0].as_str(), row[2].as_str()))
            .collect();
        let cities = places
            .iter()
            .filter(|row| row[1] == "city" && lex.known_place(&row[2]).is_some())
            .filter(|row| row[6].parse::<u64>().unwrap_or(0) >= 100_000)
            .filter_map(|row| {
                Some((
                    row[2].clone(),
                    country_names.get(row[3].as_str())?.to_string(),
                ))
            })
            .collect();
        let mut taken: BTreeSet<String> = given_set;
        let titles = strings(&titles_file["lexicon"]["titles"]);
        for t in &titles {
            taken.insert(t.to_lowercase());
        }
        let synonyms = titles_file["lexicon"]["title_synonyms"]
            .as_sequence()
            .map(|s| s.iter().map(strings).collect())
            .unwrap_or_default();
        Pools {
            given,
            nicknames,
            surnames: surnames(40_000, &taken, lex),
            cities,
            titles: OFFICES
                .iter()
                .filter(|o| titles.iter().any(|t| t == *o))
                .map(|o| o.to_string())
                .collect(),
            synonyms,
        }
    }

    fn person(&self, rng: &mut Rng) -> Person {
        let surname = self.surnames[rng.skewed(self.surnames.len())].clone();
        // A third of people go by a name that has short forms.
        let (given, nickname) = if rng.chance(0.3) && !self.nicknames.is_empty() {
            let (formal, short) = rng.pick(&self.nicknames);
            (formal.clone(), Some(rng.pick(short).clone()))
        } else {
            (rng.pick(&self.given).clone(), None)
        };
        let title = rng.pick(&self.titles).clone();
        Person {
            given,
            nickname,
            surname,
            title_variant: self.synonym(&title, rng),
            title,
        }
    }

    /// Another way to say one title, when the lexicon knows one: it must
    /// not read as a conflict.
    fn synonym(&self, title: &str, rng: &mut Rng) -> Option<String> {
        let others: Vec<&String> = self
            .synonyms
            .iter()
            .find(|g| g.iter().any(|t| t == title))?
            .iter()
            .filter(|t| *t != title && !t.contains('\''))
            .collect();
        (!others.is_empty()).then(|| rng.pick(&others).to_string())
    }

    fn has_synonym(&self, title: &str) -> bool {
        self.synonyms.iter().any(|g| g.iter().any(|t| t == title))
    }
}

/// Offices the generator gives people; each must be a title of the
/// lexicon, so that roles are read as roles.
const OFFICES: &[&str] = &[
    "mayor",
    "governor",
    "spokesman",
    "spokeswoman",
    "chief executive",
    "chief financial officer",
    "chief operating officer",
    "managing director",
    "director",
    "police chief",
    "fire chief",
    "minister",
    "senator",
    "prosecutor",
    "judge",
    "lawyer",
    "chairman",
    "coach",
    "captain",
    "general manager",
    "commissioner",
    "ambassador",
    "envoy",
    "professor",
    "district administrator",
    "site manager",
    "head coach",
    "sporting director",
];

/// Surnames from syllables, in a fixed order: none is a word of the
/// lexicon, so none reads as a place or a title.
fn surnames(count: usize, taken: &BTreeSet<String>, lex: &Lexicon) -> Vec<String> {
    const ONSETS: &[&str] = &[
        "b", "br", "ch", "d", "dr", "f", "g", "gr", "h", "j", "k", "kr", "l", "m", "n", "p", "pr",
        "r", "s", "sh", "st", "t", "tr", "v", "w", "z", "bl", "kl", "sl", "th",
    ];
    const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "ai", "ei", "ou", "ia", "y"];
    const CODAS: &[&str] = &["", "", "n", "r", "l", "s", "k", "m", "nd", "rt", "st", "ck"];
    const ENDINGS: &[&str] = &[
        "", "", "", "ov", "ova", "enko", "ski", "son", "sen", "ez", "es", "ini", "elli", "ou",
        "ian", "yan", "er", "mann", "berg", "stein", "ovic", "ani", "ashi", "oglu", "ic", "ley",
        "ton", "wood", "field", "ard", "ek", "uk", "ak", "is", "os", "as",
    ];
    let mut rng = Rng::new(0x5EED, 0);
    let mut seen = BTreeSet::new();
    let mut out = Vec::with_capacity(count);
    while out.len() < count {
        let mut s = String::new();
        for _ in 0..rng.range(1, 3) {
            s.push_str(rng.pick::<&str>(ONSETS));
            s.push_str(rng.pick::<&str>(VOWELS));
            s.push_str(rng.pick::<&str>(CODAS));
        }
        s.push_str(rng.pick::<&str>(ENDINGS));
        if s.len() < 4 || s.len() > 12 {
            continue;
        }
        let mut name = s[..1].to_uppercase();
        name.push_str(&s[1..]);
        if !taken.contains(&s) && lex.place(&s).is_none() && seen.insert(s) {
            out.push(name);
        }
    }
    out
}

#[derive(Clone)]
struct Person {
    given: String,
    nickname: Option<String>,
    surname: String,
    title: String,
    /// The office said another way, where the lexicon has one.
    title_variant: Option<String>,
}

/// A spelling variant of a name, as transliterations and typos make them:
/// one vowel changed, a letter doubled or dropped.
fn variant(word: &str, rng: &mut Rng) -> String {
    let chars: Vec<char> = word.chars().collect();
    for _ in 0..20 {
        let mut v = chars.clone();
        let i = rng.range(1, v.len() - 1);
        match rng.below(3) {
            0 if "aeiou".contains(v[i]) => {
                let swaps = ['a', 'e', 'i', 'o', 'u'];
                let mut c = *rng.pick(&swaps);
                if c == v[i] {
                    c = if c == 'a' { 'e' } else { 'a' };
                }
                v[i] = c;
            }
            1 if v[i].is_ascii_alphabetic() && !"aeiouy".contains(v[i]) => {
                if v.get(i + 1) == Some(&v[i]) {
                    v.remove(i);
                } else {
                    v.insert(i, v[i]);
                }
            }
            2 if !"aeiouy".contains(v[i]) && v.len() > 6 && i + 1 < v.len() => {
                v.remove(i);
            }
            _ => continue,
        }
        let out: String = v.into_iter().collect();
        if out != word {
            return out;
        }
    }
    format!("{word}h")
}

#[derive(Clone, Copy, PartialEq)]
enum Event {
    Fire,
    Quake,
    Storm,
    Crash,
    Talks,
    Verdict,
    Launch,
    Shooting,
}

const EVENTS: &[Event] = &[
    Event::Fire,
    Event::Quake,
    Event::Storm,
    Event::Crash,
    Event::Talks,
    Event::Verdict,
    Event::Launch,
    Event::Shooting,
];

const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// One fact the articles of a story report, in the words of each.
#[derive(Clone)]
struct Figure {
    /// The number as the story has it.
    value: u64,
    /// The number one article gives instead, when a conflict is planted.
    planted: Option<(usize, u64)>,
}

/// What one article tells of its story's facts.
struct Told {
    place: String,
    weekday: &'static str,
    clock: String,
    dead: u64,
    injured: u64,
    crowd: u64,
    money: u64,
    org: String,
}

/// What the articles of one story report.
struct Story {
    id: u64,
    event: Event,
    rng: Rng,
    city: (String, String),
    /// Another city of the same country, for a planted place conflict.
    other_city: Option<(usize, String)>,
    weekday: usize,
    /// Minutes after midnight, and the time one article gives instead.
    time: (u32, Option<(usize, u32)>),
    month: usize,
    day: u32,
    year: u32,
    organisation: String,
    people: Vec<Person>,
    /// Per person: an article that misspells the surname, and how.
    misspelt: Vec<Option<(usize, String)>>,
    /// Per person: an article that gives another office.
    other_role: Vec<Option<(usize, String)>>,
    dead: Figure,
    injured: Figure,
    crowd: Figure,
    money: Figure,
    articles: usize,
}

/// Company names: an invented head word and an organisation word of the
/// lexicon, so the extractor reads them as companies, not people.
const ORG_HEADS: &[&str] = &[
    "Nordvik",
    "Castellan",
    "Vireo",
    "Altmark",
    "Seabright",
    "Ironvale",
    "Kellbrook",
    "Marwick",
    "Oakridge",
    "Stellaris",
    "Brightwater",
    "Halvorne",
    "Quayside",
    "Redfern",
    "Sablon",
];
const ORG_TAILS: &[&str] = &[
    "Group",
    "Holdings",
    "Industries",
    "Systems",
    "Motors",
    "Energy",
    "Technologies",
    "Shipping",
];

impl Story {
    fn new(pools: &Pools, seed: u64, id: u64) -> Story {
        let mut rng = Rng::new(seed, id + 1);
        let event = *rng.pick(EVENTS);
        let city = rng.pick(&pools.cities).clone();
        let articles = rng.range(2, 6);
        let others: Vec<&(String, String)> = pools
            .cities
            .iter()
            .filter(|c| c.1 == city.1 && c.0 != city.0)
            .collect();
        let other_city = (rng.chance(0.15) && !others.is_empty())
            .then(|| (rng.below(articles), rng.pick(&others).0.clone()));
        let people: Vec<Person> = (0..rng.range(3, 6))
            .map(|_| pools.person(&mut rng))
            .collect();
        let mut misspelt = vec![None; people.len()];
        let mut other_role = vec![None; people.len()];
        if rng.chance(0.3) {
            let p = rng.below(people.len());
            misspelt[p] = Some((rng.below(articles), variant(&people[p].surname, &mut rng)));
        }
        if rng.chance(0.2) {
            let p = rng.below(people.len());
            let unrelated: Vec<&String> = pools
                .titles
                .iter()
                .filter(|t| {
                    // Another office outright: no shared word ("coach" /
                    // "head coach") and no other wording of one office.
                    let own = &people[p].title;
                    !t.split(' ').any(|w| own.split(' ').any(|o| o == w)) && !pools.has_synonym(t)
                })
                .collect();
            if !unrelated.is_empty() {
                other_role[p] = Some((rng.below(articles), rng.pick(&unrelated).to_string()));
            }
        }
        let figure = |lo: u64, hi: u64, p: f64, rng: &mut Rng| {
            let value = lo + rng.below((hi - lo + 1) as usize) as u64;
            let planted = rng.chance(p).then(|| {
                let delta = (value / 4).max(2) + rng.below(5) as u64;
                (rng.below(articles), value + delta)
            });
            Figure { value, planted }
        };
        let dead = figure(2, 90, 0.12, &mut rng);
        let injured = figure(5, 400, 0.1, &mut rng);
        let crowd = figure(150, 9000, 0.1, &mut rng);
        let money = figure(3, 900, 0.08, &mut rng);
        let time = rng.range(0, 24 * 60 - 1) as u32 / 5 * 5;
        let time_conflict = rng.chance(0.1).then(|| {
            (
                rng.below(articles),
                (time + 60 * rng.range(1, 5) as u32) % (24 * 60),
            )
        });
        let organisation = format!("{} {}", rng.pick(ORG_HEADS), rng.pick(ORG_TAILS));
        Story {
            id,
            event,
            city,
            other_city,
            weekday: rng.below(7),
            time: (time, time_conflict),
            month: rng.below(12),
            day: rng.range(1, 28) as u32,
            year: rng.range(2005, 2024) as u32,
            organisation,
            people,
            misspelt,
            other_role,
            dead,
            injured,
            crowd,
            money,
            articles,
            rng,
        }
    }

    /// Writes the articles and the gold file; returns (articles, bytes).
    fn write(mut self, dir: &Path) -> std::io::Result<(usize, usize)> {
        fs::create_dir_all(dir)?;
        let mut bytes = 0;
        for a in 0..self.articles {
            let text = self.article(a);
            bytes += text.len();
            let name = (b'a' + a as u8) as char;
            fs::write(dir.join(format!("{name}.txt")), text)?;
        }
        fs::write(dir.join("gold.yaml"), self.gold())?;
        Ok((self.articles, bytes))
    }

    fn gold(&self) -> String {
        let files: Vec<String> = (0..self.articles)
            .map(|a| format!("{}.txt", (b'a' + a as u8) as char))
            .collect();
        let mut out = format!(
            "# Generated story {} (gen_corpus): the conflicts planted in it.\narticles: [{}]\nconflicts:\n",
            self.id,
            files.join(", ")
        );
        let mut entry = |kind: &str, subject: &str, values: [&str; 2]| {
            let _ = writeln!(
                out,
                "  - kind: {kind}\n    subject: {subject}\n    values: [\"{}\", \"{}\"]",
                values[0], values[1]
            );
        };
        for (p, m) in self.people.iter().zip(&self.misspelt) {
            if let Some((_, v)) = m {
                entry("spelling", &p.full(), [&p.surname, v]);
            }
        }
        for (p, r) in self.people.iter().zip(&self.other_role) {
            if let Some((_, t)) = r {
                entry("role", &p.full(), [&p.title, t]);
            }
        }
        for (name, f) in [("dead", &self.dead), ("injured", &self.injured)] {
            if let Some((_, v)) = f.planted
                && self.event.has_casualties()
            {
                entry("figure", name, [&group(f.value), &group(v)]);
            }
        }
        if let Some((_, v)) = self.crowd.planted {
            entry("figure", "crowd", [&group(self.crowd.value), &group(v)]);
        }
        if let Some((_, v)) = self.money.planted {
            entry(
                "figure",
                "money",
                [&self.money.value.to_string(), &v.to_string()],
            );
        }
        if let Some((_, c)) = &self.other_city {
            entry("place", "event", [&self.city.0, c]);
        }
        if let Some((_, t)) = self.time.1 {
            entry("date", "time", [&clock(self.time.0), &clock(t)]);
        }
        if out.ends_with("conflicts:\n") {
            out.truncate(out.len() - 1);
            out.push_str(" []\n");
        }
        out
    }

    fn value(&self, f: &Figure, article: usize) -> u64 {
        match f.planted {
            Some((a, v)) if a == article => v,
            _ => f.value,
        }
    }

    fn place(&self, article: usize) -> &str {
        match &self.other_city {
            Some((a, c)) if *a == article => c,
            _ => &self.city.0,
        }
    }

    fn clock(&self, article: usize) -> String {
        match self.time.1 {
            Some((a, t)) if a == article => clock(t),
            _ => clock(self.time.0),
        }
    }

    /// How article `a` names person `p` in full, and by surname alone.
    fn names(&mut self, a: usize, p: usize) -> (String, String) {
        let person = &self.people[p];
        let surname = match &self.misspelt[p] {
            Some((x, v)) if *x == a => v.clone(),
            _ => person.surname.clone(),
        };
        let given = match &person.nickname {
            Some(n) if self.rng.chance(0.4) => n.clone(),
            _ => person.given.clone(),
        };
        (format!("{given} {surname}"), surname)
    }

    fn title(&mut self, a: usize, p: usize, pools_synonym: Option<String>) -> String {
        match &self.other_role[p] {
            Some((x, t)) if *x == a => t.clone(),
            _ => pools_synonym.unwrap_or_else(|| self.people[p].title.clone()),
        }
    }

    fn article(&mut self, a: usize) -> String {
        let target = self.rng.range(2600, 3400);
        let told = Told {
            place: self.place(a).to_string(),
            weekday: WEEKDAYS[self.weekday],
            clock: self.clock(a),
            dead: self.value(&self.dead, a),
            injured: self.value(&self.injured, a),
            crowd: self.value(&self.crowd, a),
            money: self.value(&self.money, a),
            org: self.organisation.clone(),
        };
        let (place, org, e) = (told.place.clone(), told.org.clone(), self.event);
        let country = self.city.1.clone();
        let mut paragraphs: Vec<String> = Vec::new();
        paragraphs.push(e.headline(&place, told.dead, &mut self.rng));
        let agency = *self.rng.pick(&[
            "Metro Wire",
            "Press Service",
            "Continental News",
            "Harbour Times",
        ]);
        let lead = e.lead(&told, &mut self.rng);
        paragraphs.push(if self.rng.chance(0.6) {
            format!("{}, {} ({agency}) — {lead}", place.to_uppercase(), country)
        } else {
            lead
        });
        let mut facts: Vec<String> = e.facts(&told);
        let year = self.year;
        facts.push(format!(
            "It was the worst such event in the region since {}, according to local records.",
            year - self.rng.range(3, 30) as u32
        ));
        facts.push(format!(
            "The events of {} {}, {year} will be examined by an independent panel.",
            MONTHS[self.month], self.day
        ));
        // Each article tells the facts in its own order, with the people
        // and their quotes in between, then background to its length.
        shuffle(&mut facts, &mut self.rng);
        let mut people_lines = Vec::new();
        for p in 0..self.people.len() {
            let (full, surname) = self.names(a, p);
            let synonym = self.people[p]
                .title_variant
                .clone()
                .filter(|_| self.rng.chance(0.3));
            let title = self.title(a, p, synonym);
            people_lines.push(quote_line(
                &full,
                &surname,
                &title,
                &org,
                &place,
                e,
                &mut self.rng,
            ));
        }
        let (mut f, mut q) = (0, 0);
        while f < facts.len() || q < people_lines.len() {
            let mut para = String::new();
            for _ in 0..self.rng.range(1, 2) {
                if f < facts.len() {
                    push_sentence(&mut para, &facts[f]);
                    f += 1;
                }
            }
            if q < people_lines.len() {
                push_sentence(&mut para, &people_lines[q]);
                q += 1;
            }
            paragraphs.push(para);
        }
        let mut fillers: Vec<usize> = (0..BACKGROUNDS).collect();
        shuffle(&mut fillers, &mut self.rng);
        let mut len: usize = paragraphs.iter().map(|p| p.len() + 2).sum();
        let mut fillers = fillers.into_iter();
        while len < target {
            let Some(which) = fillers.next() else { break };
            let s = background(&place, &country, &org, e, which);
            len += s.len() + 2;
            let at = self.rng.range(2, paragraphs.len());
            paragraphs.insert(at, s);
        }
        paragraphs.join("\n\n") + "\n"
    }
}

fn shuffle<T>(items: &mut [T], rng: &mut Rng) {
    for i in (1..items.len()).rev() {
        items.swap(i, rng.below(i + 1));
    }
}

fn push_sentence(para: &mut String, s: &str) {
    if !para.is_empty() {
        para.push(' ');
    }
    para.push_str(s);
}

impl Person {
    fn full(&self) -> String {
        format!("{} {}", self.given, self.surname)
    }
}

fn clock(minutes: u32) -> String {
    let (h, m) = (minutes / 60, minutes % 60);
    let (h12, half) = match h {
        0 => (12, "a.m."),
        1..=11 => (h, "a.m."),
        12 => (12, "p.m."),
        _ => (h - 12, "p.m."),
    };
    format!("{h12}:{m:02} {half}")
}

/// "58000" -> "58,000".
fn group(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Sentences that name a person with their office and, often, a quote.
fn quote_line(
    full: &str,
    surname: &str,
    title: &str,
    org: &str,
    place: &str,
    e: Event,
    rng: &mut Rng,
) -> String {
    let quote = *rng.pick(e.quotes());
    // The quote with its last stop turned into a comma, before "said X".
    let lead_in = format!("{},", quote.trim_end_matches('.'));
    let clause = e.claim_clause(rng);
    let age = rng.range(31, 68);
    let first = match rng.below(8) {
        0 => format!("\"{lead_in}\" said {title} {full}."),
        1 => format!("{full}, the {title} of {org}, said {clause}."),
        2 => format!(
            "{} {full} told reporters in {place} that {clause}.",
            capitalise(title)
        ),
        3 => format!("\"{lead_in}\" {full}, {title} at {org}, told a news conference."),
        4 => format!("According to {title} {full}, {clause}."),
        5 => format!(
            "{full}, {age}, who has been {title} since {}, said {clause}.",
            2000 + age % 20
        ),
        6 => format!("The {title} of {org}, {full}, said {clause}. \"{quote}\""),
        _ => format!("{org} {title} {full} said in a statement that {clause}."),
    };
    let second = match rng.below(6) {
        0 => format!(" {surname} said the inquiry would take weeks."),
        1 => format!(" \"We owe everyone answers,\" {surname} added."),
        2 => format!(" {surname} later visited the scene with local officials."),
        3 => format!(" Asked about the timetable, {surname} said only that work was under way."),
        4 => String::new(),
        _ => format!(" {surname} declined to comment further."),
    };
    first + &second
}

/// Sentences with no claim in them, to bring an article to its length.
fn background(place: &str, country: &str, org: &str, e: Event, which: usize) -> String {
    let noun = e.noun();
    match which {
        0 => format!("Residents of {place} said they had never seen anything like it, and many stayed awake through the night to follow the news."),
        1 => format!("{org} has operated in the area for decades and is one of the largest employers in {country}."),
        2 => "Emergency services asked people to avoid the area and to follow official channels for updates rather than rumours circulating online.".to_string(),
        3 => format!("Local radio broadcast appeals for calm throughout the day, and schools in {place} announced they would stay open."),
        4 => "Opposition politicians called for a full and public inquiry, saying warnings had been ignored for years.".to_string(),
        5 => "Images shared on social media showed crowds gathering near the scene while officers kept onlookers behind barriers.".to_string(),
        6 => "Insurers said it was too early to estimate claims, but analysts expected the cost to weigh on regional budgets.".to_string(),
        7 => format!("The {noun} drew messages of sympathy from neighbouring countries and from international organisations."),
        8 => "Volunteers set up tables with water, blankets and hot food, and a local church opened its doors to anyone who needed shelter.".to_string(),
        9 => "Officials promised to publish a detailed timeline once the first findings were in, possibly before the end of the month.".to_string(),
        10 => format!("Traffic around {place} was diverted for most of the afternoon, and rail services ran with long delays."),
        11 => "Experts cautioned against drawing conclusions before the investigators had finished their work on the site.".to_string(),
        12 => format!("Shopkeepers in the centre of {place} pulled down their shutters early, and the usual evening crowds stayed away."),
        13 => format!("Newspapers in {country} devoted their front pages to the {noun} the next morning, many of them with the same photograph."),
        14 => "A hotline for relatives was opened in the afternoon and received hundreds of calls within the first hour.".to_string(),
        15 => format!("Critics said {org} had been warned about safety problems in a report that was never made public."),
        16 => "The regional parliament interrupted its session to hold a minute of silence.".to_string(),
        17 => format!("Some families in {place} said they learned what had happened from their neighbours rather than from the authorities."),
        18 => "Engineers were brought in to inspect nearby buildings, and several streets remained closed until they had finished.".to_string(),
        19 => format!("It was not the first time the area had made headlines: a smaller {noun} a few years ago had led to calls for reform."),
        20 => "Unions said they would press for an independent review of working conditions and emergency plans.".to_string(),
        21 => "A spokesperson for the regional government said more information would be released at a briefing the following day.".to_string(),
        22 => "Officials urged people not to share unverified videos, some of which turned out to show other events.".to_string(),
        _ => format!("The mood in {place} was sombre as darkness fell, with candles placed along the railings of the main square."),
    }
}

const BACKGROUNDS: usize = 24;

impl Event {
    fn noun(self) -> &'static str {
        match self {
            Event::Fire => "fire",
            Event::Quake => "earthquake",
            Event::Storm => "storm",
            Event::Crash => "crash",
            Event::Talks => "talks",
            Event::Verdict => "verdict",
            Event::Launch => "launch",
            Event::Shooting => "shooting",
        }
    }

    fn has_casualties(self) -> bool {
        matches!(
            self,
            Event::Fire | Event::Quake | Event::Storm | Event::Crash | Event::Shooting
        )
    }

    fn headline(self, place: &str, dead: u64, rng: &mut Rng) -> String {
        let variants: [String; 2] = match self {
            Event::Fire => [
                format!("Fire tears through plant in {place}, {dead} dead"),
                format!("Deadly blaze hits industrial site near {place}"),
            ],
            Event::Quake => [
                format!("Earthquake shakes {place}, killing {dead}"),
                format!("Strong quake hits region around {place}"),
            ],
            Event::Storm => [
                format!("Storm batters {place} as rivers burst their banks"),
                format!("{dead} killed as storm sweeps across coast"),
            ],
            Event::Crash => [
                format!("Train crash near {place} leaves {dead} dead"),
                format!("Investigators search for cause of crash outside {place}"),
            ],
            Event::Talks => [
                format!("Delegations meet in {place} for second round of talks"),
                format!("Talks in {place} end without a deal"),
            ],
            Event::Verdict => [
                format!("Court in {place} delivers verdict in fraud trial"),
                "Former executives sentenced after long trial".to_string(),
            ],
            Event::Launch => [
                format!("Rocket lifts off from {place} with weather satellite"),
                format!("Satellite launch from {place} goes ahead after delays"),
            ],
            Event::Shooting => [
                format!("Gunman kills {dead} in {place} shopping centre"),
                format!("Shooting in {place}: police name suspect"),
            ],
        };
        rng.pick(&variants).clone()
    }

    fn lead(self, t: &Told, rng: &mut Rng) -> String {
        let Told {
            place,
            weekday,
            dead,
            injured,
            org,
            ..
        } = t;
        let either = rng.chance(0.5);
        match self {
            Event::Fire if either => format!(
                "A fire tore through a warehouse at a plant run by {org} in {place} on {weekday}, killing {dead} workers and injuring {injured} people, police said."
            ),
            Event::Fire => format!(
                "At least {dead} people were killed when a fire broke out at the {org} site in {place} on {weekday}, and {injured} were injured, officials said."
            ),
            Event::Quake if either => format!(
                "An earthquake struck near {place} on {weekday}, killing {dead} people and injuring {injured} others, according to emergency services."
            ),
            Event::Quake => format!(
                "A powerful earthquake struck the area around {place} on {weekday}; {dead} people were killed and {injured} injured, officials said."
            ),
            Event::Storm if either => format!(
                "A storm swept across the coast near {place} on {weekday}, killing {dead} people and injuring {injured}, the authorities said."
            ),
            Event::Storm => format!(
                "{} people were killed and {injured} injured when a storm hit {place} on {weekday}, officials said.",
                capitalise(&dead.to_string())
            ),
            Event::Crash if either => format!(
                "A passenger train collided with a freight train near {place} on {weekday}, killing {dead} people and injuring {injured}, rail officials said."
            ),
            Event::Crash => format!(
                "The crash near {place} on {weekday} killed {dead} passengers and injured {injured} others, police said."
            ),
            Event::Talks if either => format!(
                "Negotiators met in {place} on {weekday} for talks on a trade agreement, the second round this year."
            ),
            Event::Talks => format!(
                "The talks in {place} opened on {weekday} with both delegations promising progress on a trade agreement."
            ),
            Event::Verdict if either => format!(
                "A court in {place} on {weekday} sentenced two former managers of {org} over a fraud that cost investors millions."
            ),
            Event::Verdict => format!(
                "The verdict was delivered in {place} on {weekday} after a trial that lasted nine months."
            ),
            Event::Launch if either => format!(
                "A rocket carrying a weather satellite lifted off from {place} on {weekday}, the space agency said."
            ),
            Event::Launch => format!(
                "The launch from {place} went ahead on {weekday} after two delays caused by high winds."
            ),
            Event::Shooting if either => format!(
                "A gunman opened fire in a shopping centre in {place} on {weekday}, killing {dead} people and wounding {injured}, police said."
            ),
            Event::Shooting => format!(
                "The shooting in {place} on {weekday} left {dead} people dead and {injured} wounded, police said."
            ),
        }
    }

    /// The event's facts: a time, figures with the nouns they count.
    fn facts(self, t: &Told) -> Vec<String> {
        let Told {
            place,
            clock,
            dead,
            injured,
            money,
            org,
            ..
        } = t;
        let money = *money;
        let crowd = group(t.crowd);
        let km = 5 + money % 60;
        let miles = (km as f64 * 0.621371).round() as u64;
        let mut out = match self {
            Event::Fire => vec![
                format!(
                    "The fire broke out at around {clock} and spread quickly to a neighbouring hall."
                ),
                format!("Authorities evacuated about {crowd} residents living near the plant."),
                format!("The company put the damage at around €{money} million."),
                format!(
                    "More than {} firefighters fought the flames through the night.",
                    40 + money % 200
                ),
            ],
            Event::Quake => vec![
                format!(
                    "The quake struck at {clock} local time at a depth of {km} kilometres ({miles} miles)."
                ),
                format!("About {crowd} residents were evacuated from damaged homes in {place}."),
                format!("The government released ${money} million in emergency aid."),
                format!(
                    "The earthquake had a magnitude of {}.{}, the seismological institute said.",
                    5 + money % 3,
                    money % 10
                ),
            ],
            Event::Storm => vec![
                format!(
                    "The storm made landfall at {clock} with winds of up to {} km/h.",
                    90 + money % 100
                ),
                format!("Some {crowd} residents were evacuated from low-lying districts."),
                format!("Officials estimated the damage at €{money} million."),
            ],
            Event::Crash => vec![
                format!("The crash happened at {clock}, shortly after the train left the station."),
                format!("The train was carrying about {crowd} passengers, the operator said."),
                format!("Repairs to the line are expected to cost ${money} million."),
            ],
            Event::Talks => vec![
                format!("The talks began at {clock} and ran late into the evening."),
                format!(
                    "The agreement under discussion covers trade worth ${money} million a year."
                ),
                format!("About {crowd} protesters gathered outside the venue."),
            ],
            Event::Verdict => vec![
                format!("The court ruled at {clock} after the judges deliberated for two days."),
                format!(
                    "The fraud cost {crowd} investors a total of €{money} million, prosecutors said."
                ),
                format!(
                    "The court ordered {org} to pay €{} million in compensation.",
                    money / 3 + 1
                ),
            ],
            Event::Launch => vec![
                format!("The rocket lifted off at {clock} local time."),
                format!(
                    "The satellite cost ${money} million to build and weighs {} kilograms.",
                    500 + crowd.len() * 100
                ),
                format!("About {crowd} spectators watched the launch from nearby beaches."),
            ],
            Event::Shooting => vec![
                format!(
                    "The shooting began at {clock}, when the centre was crowded with shoppers."
                ),
                format!("Police evacuated about {crowd} people from the building."),
                format!(
                    "The suspect was arrested {} kilometres ({miles} miles) from the scene.",
                    km
                ),
            ],
        };
        if self.has_casualties() {
            out.push(format!(
                "Hospitals treated {injured} injured people, and the death toll of {dead} could rise, officials warned."
            ));
        }
        out
    }

    fn claim_clause(self, rng: &mut Rng) -> &'static str {
        let clauses: &[&str] = match self {
            Event::Fire => &[
                "the cause of the fire was not yet known",
                "the sprinklers had been inspected in the spring",
            ],
            Event::Quake => &[
                "rescue teams were still searching the rubble",
                "older buildings had suffered the worst damage",
            ],
            Event::Storm => &[
                "the clean-up would take weeks",
                "the warnings had gone out in good time",
            ],
            Event::Crash => &[
                "the signalling system would be examined",
                "the driver had survived",
            ],
            Event::Talks => &["the talks had been constructive", "a deal was within reach"],
            Event::Verdict => &[
                "the ruling would be appealed",
                "the sentence sent a clear message",
            ],
            Event::Launch => &[
                "the satellite had reached its orbit",
                "the first signals had been received",
            ],
            Event::Shooting => &[
                "the suspect had acted alone",
                "the motive was still unclear",
            ],
        };
        rng.pick::<&str>(clauses)
    }

    fn quotes(self) -> &'static [&'static str] {
        match self {
            Event::Fire | Event::Quake | Event::Storm | Event::Crash | Event::Shooting => &[
                "This is a black day for all of us.",
                "Our thoughts are with the families.",
                "Crews worked without a break.",
                "We will find out what went wrong.",
            ],
            Event::Talks => &[
                "We made real progress today.",
                "There is still a long way to go.",
                "Both sides want an agreement.",
            ],
            Event::Verdict => &[
                "Justice has been done.",
                "We will appeal this ruling.",
                "The victims deserved this verdict.",
            ],
            Event::Launch => &[
                "The launch went perfectly.",
                "This satellite will improve forecasts.",
                "It was a proud day for the team.",
            ],
        }
    }
}
