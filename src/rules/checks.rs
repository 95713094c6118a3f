//! The checks: each reads aligned subjects and reports the claims that
//! disagree.

use std::collections::{BTreeMap, BTreeSet};

use super::house_style::{self, HouseStyle};
use super::{Check, Conflict, ConflictClaim, DateParams, FigureParams, Params, Rule, RuleSet};
use crate::align::{Aligned, ClaimRef, articles_in};
use crate::extract::{DateValue, FigureClaim, FigureValue, PlaceClaim, Qualifier};
use crate::lexicon::Lexicon;
use crate::text::name_key;

/// Runs every rule of `set` over `aligned`; conflicts come sorted by where
/// their first claim is.
pub fn run(aligned: &Aligned, set: &RuleSet) -> Vec<Conflict> {
    let mut out = Vec::new();
    for rule in &set.rules {
        let found = match (rule.check, &rule.params) {
            (Check::NameSpelling, _) => name_spelling(aligned, &set.house_style),
            (Check::TermSpelling, _) => term_spelling(aligned, &set.house_style),
            (Check::RoleMismatch, _) => role_mismatch(aligned),
            (Check::FigureMismatch, Params::Figure(p)) => figure_mismatch(aligned, p, &set.lexicon),
            (Check::GarbledFigure, Params::Figure(p)) => garbled_figure(aligned, p, &set.lexicon),
            (Check::UnitConversion, Params::Figure(p)) => unit_conversion(aligned, p),
            (Check::EventPlace, _) => event_place(aligned, &set.lexicon),
            (Check::EventDate, Params::Date(p)) => event_date(aligned, p),
            (Check::HouseStyle, _) => house_style::house_style(aligned, &set.house_style),
            _ => Vec::new(),
        };
        out.extend(found.into_iter().map(|f| f.into_conflict(rule)));
    }
    sort_conflicts(&mut out);
    out
}

/// Conflicts in the order of their first claim, then rule and subject.
pub fn sort_conflicts(conflicts: &mut [Conflict]) {
    conflicts.sort_by(|a, b| {
        let key = |c: &Conflict| {
            c.claims
                .first()
                .map(|x| (x.span.path.clone(), x.span.line, x.span.column))
        };
        key(a)
            .cmp(&key(b))
            .then_with(|| a.rule.cmp(&b.rule))
            .then_with(|| a.subject.cmp(&b.subject))
    });
}

/// A conflict before the rule's severity and message are applied.
pub(super) struct Finding {
    pub(super) subject: String,
    pub(super) claims: Vec<ConflictClaim>,
    pub(super) suggestion: Option<String>,
}

impl Finding {
    fn into_conflict(self, rule: &Rule) -> Conflict {
        let mut values: Vec<&str> = Vec::new();
        for c in &self.claims {
            if !values.contains(&c.words()) {
                values.push(c.words());
            }
        }
        let values = values
            .iter()
            .map(|v| format!("\"{v}\""))
            .collect::<Vec<_>>()
            .join(" / ");
        let message = rule
            .message
            .replace("{subject}", &self.subject)
            .replace("{values}", &values)
            .replace("{suggestion}", self.suggestion.as_deref().unwrap_or("-"));
        Conflict {
            rule: rule.id.clone(),
            kind: rule.kind,
            severity: rule.severity,
            subject: self.subject,
            message,
            suggestion: self.suggestion,
            claims: self.claims,
        }
    }
}

/// The value most articles give, if one is given by more articles than
/// any other.
fn majority<'a>(votes: impl Iterator<Item = (&'a str, usize)>) -> Option<String> {
    let mut tally: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
    for (v, article) in votes {
        tally.entry(v).or_default().insert(article);
    }
    let mut counts: Vec<(usize, &str)> = tally.iter().map(|(v, a)| (a.len(), *v)).collect();
    counts.sort_by_key(|c| std::cmp::Reverse(c.0));
    match counts.as_slice() {
        [(n, v), rest @ ..] if rest.first().is_none_or(|r| r.0 < *n) => Some(v.to_string()),
        _ => None,
    }
}

fn claim(span: &crate::article::Span, text: &str, value: String) -> ConflictClaim {
    ConflictClaim::new(span, text, value)
}

/// One finding a person: each distinct spelling of the words that vary,
/// shown by one mention per article (the fullest).
fn name_spelling(al: &Aligned, style: &HouseStyle) -> Vec<Finding> {
    let mut out = Vec::new();
    for person in &al.people {
        let varying: Vec<&crate::align::NameWord> =
            person.words.iter().filter(|w| w.forms.len() > 1).collect();
        if varying.is_empty() {
            continue;
        }
        // The spelling each mention uses for the varying words.
        let form_of: Vec<BTreeMap<ClaimRef, &str>> = varying
            .iter()
            .map(|w| {
                let mut of = BTreeMap::new();
                for (k, (_, refs)) in w.forms.iter().rev() {
                    of.extend(refs.iter().map(|&r| (r, k.as_str())));
                }
                of
            })
            .collect();
        let mut by_spelling: BTreeMap<Vec<Option<&str>>, Vec<ClaimRef>> = BTreeMap::new();
        for &r in &person.mentions {
            let signature: Vec<Option<&str>> =
                form_of.iter().map(|of| of.get(&r).copied()).collect();
            if signature.iter().any(Option::is_some) {
                by_spelling.entry(signature).or_default().push(r);
            }
        }
        let mut claims = Vec::new();
        for refs in by_spelling.values() {
            let mut per_article: BTreeMap<usize, ClaimRef> = BTreeMap::new();
            for &r in refs {
                let words = |r: ClaimRef| al.claims[r.article].people[r.index].words.len();
                let best = per_article.entry(r.article).or_insert(r);
                if words(r) > words(*best) {
                    *best = r;
                }
            }
            for r in per_article.values() {
                let m = &al.claims[r.article].people[r.index];
                claims.push(claim(&m.span, &m.text, m.words.join(" ")));
            }
        }
        claims.sort_by(|a, b| a.span.cmp(&b.span));
        out.push(Finding {
            subject: person.name.clone(),
            suggestion: spelling_majority(&varying, style),
            claims,
        });
    }
    out
}

/// A name that is not a person's written one way in one article and
/// another way in another: a claim for the first mention of each spelling
/// in each article.
fn term_spelling(al: &Aligned, style: &HouseStyle) -> Vec<Finding> {
    let mut out = Vec::new();
    for term in &al.terms {
        let articles: BTreeSet<usize> = term
            .forms
            .values()
            .flat_map(|(_, refs)| refs.iter().map(|r| r.article))
            .collect();
        if articles.len() < 2 {
            continue;
        }
        let mut claims = Vec::new();
        for (_, refs) in term.forms.values() {
            let mut seen = BTreeSet::new();
            for r in refs.iter().filter(|r| seen.insert(r.article)) {
                let t = &al.claims[r.article].terms[r.index];
                claims.push(claim(&t.span, &t.text, t.text.clone()));
            }
        }
        claims.sort_by(|a, b| a.span.cmp(&b.span));
        let suggestion = spelling_majority(&[term], style);
        out.push(Finding {
            subject: suggestion.clone().unwrap_or_else(|| {
                term.forms
                    .values()
                    .next()
                    .map(|f| f.0.clone())
                    .unwrap_or_default()
            }),
            suggestion,
            claims,
        });
    }
    out
}

/// The spelling of the varying words the house style prefers, else the one
/// most articles use, when each word has one.
fn spelling_majority(varying: &[&crate::align::NameWord], style: &HouseStyle) -> Option<String> {
    let parts: Option<Vec<String>> =
        varying
            .iter()
            .map(|w| {
                let house = w.forms.values().find_map(|(form, _)| style.reading(form));
                house.or_else(|| {
                    majority(w.forms.values().flat_map(|(form, refs)| {
                        refs.iter().map(move |r| (form.as_str(), r.article))
                    }))
                })
            })
            .collect();
    parts.map(|p| p.join(" "))
}

fn role_mismatch(al: &Aligned) -> Vec<Finding> {
    let mut out = Vec::new();
    for person in &al.people {
        let roles: Vec<(usize, &crate::extract::RoleClaim)> = person
            .roles
            .iter()
            .map(|r| (r.article, &al.claims[r.article].roles[r.index]))
            .collect();
        let mut bad: BTreeSet<usize> = BTreeSet::new();
        let articles: BTreeSet<usize> = roles.iter().map(|r| r.0).collect();
        for &x in &articles {
            for &y in articles.iter().filter(|&&y| y > x) {
                let rx: Vec<usize> = (0..roles.len()).filter(|&i| roles[i].0 == x).collect();
                let ry: Vec<usize> = (0..roles.len()).filter(|&i| roles[i].0 == y).collect();
                let agree = rx.iter().any(|&i| {
                    ry.iter()
                        .any(|&j| roles[i].1.value.compatible(&roles[j].1.value))
                });
                if agree {
                    continue;
                }
                for &i in &rx {
                    for &j in &ry {
                        let (a, b) = (&roles[i].1.value, &roles[j].1.value);
                        // An article that gives both roles at once ("team
                        // president and general manager") says they coexist.
                        let together = articles.iter().any(|&z| {
                            let rz = || roles.iter().filter(move |r| r.0 == z).map(|r| &r.1.value);
                            rz().any(|v| v.compatible(a)) && rz().any(|v| v.compatible(b))
                        });
                        if a.comparable(b) && !a.compatible(b) && !together {
                            bad.insert(i);
                            bad.insert(j);
                        }
                    }
                }
            }
        }
        if bad.is_empty() {
            continue;
        }
        let claims = bad
            .iter()
            .map(|&i| {
                claim(
                    &roles[i].1.span,
                    &roles[i].1.text,
                    roles[i].1.value.display(),
                )
            })
            .collect::<Vec<_>>();
        out.push(Finding {
            subject: person.name.clone(),
            suggestion: None,
            claims,
        });
    }
    out
}

/// The first claim of each value in each article: one article repeating a
/// figure is one voice.
fn one_per_value(claims: impl Iterator<Item = (ClaimRef, ConflictClaim)>) -> Vec<ConflictClaim> {
    let mut seen = BTreeSet::new();
    claims
        .filter(|(r, c)| seen.insert((r.article, c.value.clone())))
        .map(|(_, c)| c)
        .collect()
}

/// The claims of articles after `x`'s in `refs`, which is sorted by article:
/// claims are compared across articles only, and skipping a long article's
/// own pairs keeps it linear.
fn later_articles(refs: &[ClaimRef], x: ClaimRef) -> &[ClaimRef] {
    &refs[refs.partition_point(|r| r.article <= x.article)..]
}

fn figure<'a>(al: &'a Aligned, r: ClaimRef) -> &'a FigureClaim {
    &al.claims[r.article].figures[r.index]
}

/// Whether two figures can both hold. A floor ("at least 3", "more than
/// 26,000") reaches `lower_bound_reach` times its value, not to infinity:
/// "at least three dead" against "24 dead" is news an editor checks. Two
/// floors agree only when they are the same floor.
fn overlap(a: &FigureClaim, b: &FigureClaim, p: &FigureParams) -> bool {
    let slack = |v: f64| v.abs() * 0.005;
    let (va, vb) = (&a.value, &b.value);
    let open = |v: &FigureValue| v.high.is_infinite() && v.low > 0.0;
    if open(va) && open(vb) {
        return (va.low - vb.low).abs() <= slack(va.low.max(vb.low));
    }
    let high = |v: &FigureValue| {
        if open(v) && p.lower_bound_reach >= 1.0 {
            v.low * p.lower_bound_reach
        } else {
            v.high
        }
    };
    va.low - slack(va.low) <= high(vb) + slack(high(vb))
        && vb.low - slack(vb.low) <= high(va) + slack(high(va))
}

/// Figures said of two different people are two subjects ("Smith scored 30
/// points", "Jones scored 12").
fn same_owner(a: &FigureValue, b: &FigureValue) -> bool {
    match (&a.owner, &b.owner) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

/// The figures that are the only value their article gives for a subject
/// in one time frame. Two of them from two articles speak of the same thing
/// when their clauses share a single word ("five villages were hit,
/// officials said" / "flattening seven villages, officials said"). Counts
/// of people need their event (killed, injured) for that: a story counts
/// people in too many ways.
fn sole_figures(
    al: &Aligned,
    refs: &[ClaimRef],
    p: &FigureParams,
    lex: &Lexicon,
) -> BTreeSet<ClaimRef> {
    let mut groups: BTreeMap<(usize, &[String]), Vec<ClaimRef>> = BTreeMap::new();
    for &r in refs {
        let v = &figure(al, r).value;
        let people = v
            .noun
            .as_deref()
            .is_some_and(|n| lex.noun_group(n).is_some());
        if people && v.event.is_none() {
            continue;
        }
        groups.entry((r.article, &v.frame)).or_default().push(r);
    }
    groups
        .into_values()
        .filter(|g| {
            g.iter()
                .all(|&x| g.iter().all(|&y| overlap(figure(al, x), figure(al, y), p)))
        })
        .flatten()
        .collect()
}

/// Whether two figures speak of the same thing: the same noun, the same
/// years, enough shared context, amounts of one order.
fn same_subject(a: &FigureClaim, b: &FigureClaim, p: &FigureParams, lex: &Lexicon) -> bool {
    comparable(a, b, p, lex) && shared_context(a, b) >= p.min_shared_context
}

/// Whether two figures may speak of one thing at all: the same time frame,
/// owner and noun, amounts of money of one order. A tally of someone's
/// record ("30 points", "256 GB") needs its owner named on both sides: a
/// story gives one for every player and every model.
fn comparable(a: &FigureClaim, b: &FigureClaim, p: &FigureParams, lex: &Lexicon) -> bool {
    let (va, vb) = (&a.value, &b.value);
    if va.frame != vb.frame || !same_owner(va, vb) {
        return false;
    }
    let owned = |v: &FigureValue| v.noun.as_deref().is_some_and(|n| lex.is_owned_count(n));
    if (owned(va) || owned(vb)) && (va.owner.is_none() || vb.owner.is_none()) {
        return false;
    }
    if va.dimension == "count" && va.noun != vb.noun {
        return false;
    }
    let (x, y) = (va.number.abs().max(1.0), vb.number.abs().max(1.0));
    let limit = if va.dimension.starts_with("currency") {
        p.max_money_ratio
    } else {
        p.max_ratio
    };
    if x.max(y) / x.min(y) > limit {
        return false;
    }
    true
}

/// How many content words the clauses of two figures share.
fn shared_context(a: &FigureClaim, b: &FigureClaim) -> usize {
    let (va, vb) = (&a.value, &b.value);
    // Both lists are sorted and hold each word once.
    let ca: Vec<&str> = va
        .context_words()
        .filter(|w| Some(*w) != va.noun.as_deref())
        .collect();
    let shared = vb
        .context_words()
        .filter(|w| ca.binary_search(w).is_ok())
        .count();
    // A shared noun ("five-year contract" / "four-year contract") is context
    // too, where the noun is not already what makes the subject.
    let noun_bonus =
        usize::from(va.dimension != "count" && va.noun.is_some() && va.noun == vb.noun);
    shared + noun_bonus
}

/// Whether `x` and `y` are each other's closest figure in the other's
/// article: where an article gives several figures of one kind (the
/// percentages of a poll, the prices of a range), each is read against the
/// figure of the other article whose clause is most like its own, not
/// against all of them.
fn mutual_best(al: &Aligned, refs: &[ClaimRef], x: ClaimRef, y: ClaimRef) -> bool {
    let best_in = |from: ClaimRef, article: usize, to: ClaimRef| {
        let f = figure(al, from);
        let score = |r: ClaimRef| shared_context(f, figure(al, r));
        let target = score(to);
        refs.iter()
            .filter(|r| r.article == article)
            .all(|&r| score(r) <= target)
    };
    best_in(x, y.article, y) && best_in(y, x.article, x)
}

fn figure_claim(f: &FigureClaim) -> ConflictClaim {
    super::reading::figure_claim(f)
}

fn figure_mismatch(al: &Aligned, p: &FigureParams, lex: &Lexicon) -> Vec<Finding> {
    let mut out = Vec::new();
    for subject in &al.figures {
        let refs = &subject.claims;
        let sole = sole_figures(al, refs, p, lex);
        let same = |x: ClaimRef, y: ClaimRef| {
            let (fx, fy) = (figure(al, x), figure(al, y));
            same_subject(fx, fy, p, lex)
                || (sole.contains(&x)
                    && sole.contains(&y)
                    && comparable(fx, fy, p, lex)
                    && shared_context(fx, fy) >= 1)
        };
        let mut bad: BTreeSet<ClaimRef> = BTreeSet::new();
        for &x in refs {
            for &y in later_articles(refs, x) {
                let (fx, fy) = (figure(al, x), figure(al, y));
                if !same(x, y) || overlap(fx, fy, p) || !mutual_best(al, refs, x, y) {
                    continue;
                }
                // Agreement elsewhere: another figure of the other article
                // on the same subject gives this value.
                let agrees = |f: ClaimRef, other_article: usize| {
                    refs.iter()
                        .filter(|r| r.article == other_article)
                        .any(|&r| same(f, r) && overlap(figure(al, f), figure(al, r), p))
                };
                if agrees(x, y.article) || agrees(y, x.article) {
                    continue;
                }
                bad.insert(x);
                bad.insert(y);
            }
        }
        if bad.is_empty() {
            continue;
        }
        let all: Vec<ConflictClaim> = bad.iter().map(|&r| figure_claim(figure(al, r))).collect();
        let suggestion = majority(
            bad.iter()
                .zip(&all)
                .map(|(r, c)| (c.value.as_str(), r.article)),
        );
        let claims = one_per_value(bad.iter().copied().zip(all));
        out.push(Finding {
            subject: subject.label.clone(),
            suggestion,
            claims,
        });
    }
    out
}

/// Near-equal figures counting different things in the same story, the
/// classic garbled figure ("58,000 workers" / "56,000 families").
fn garbled_figure(al: &Aligned, p: &FigureParams, lex: &Lexicon) -> Vec<Finding> {
    let mut out = Vec::new();
    for (x, y) in near_equal_counts(al, p, lex) {
        if x.article == y.article {
            continue;
        }
        let (fx, fy) = (figure(al, x), figure(al, y));
        let (vx, vy) = (&fx.value, &fy.value);
        if vx.dimension != "count"
            || vy.dimension != "count"
            || vx.qualifier == Qualifier::Vague
            || vy.qualifier == Qualifier::Vague
        {
            continue;
        }
        let (Some(nx), Some(ny)) = (&vx.noun, &vy.noun) else {
            continue;
        };
        if nx == ny || vx.frame != vy.frame || vx.number < p.min_value || vy.number < p.min_value {
            continue;
        }
        // Both count things of one kind ("workers" / "families").
        let related = lex.noun_group(nx).is_some() && lex.noun_group(nx) == lex.noun_group(ny);
        let diff = (vx.number - vy.number).abs() / vx.number.max(vy.number);
        if !related || diff == 0.0 || diff > p.max_relative_difference {
            continue;
        }
        out.push(Finding {
            subject: format!("{nx} / {ny}"),
            suggestion: None,
            claims: vec![figure_claim(fx), figure_claim(fy)],
        });
    }
    out
}

/// The pairs of figures `garbled_figure` must look at, in claim order: only
/// counts of one noun group and the same time frame, and, where every number is
/// positive, only numbers close enough to be near-equal. Comparing every
/// figure of a story with every other would grow with the square of it.
fn near_equal_counts(al: &Aligned, p: &FigureParams, lex: &Lexicon) -> Vec<(ClaimRef, ClaimRef)> {
    // (noun group, time frame) -> (number, claim) of each count.
    type Counts<'a> = BTreeMap<(&'a str, &'a [String]), Vec<(f64, ClaimRef)>>;
    let mut groups: Counts = BTreeMap::new();
    for s in &al.figures {
        for &r in &s.claims {
            let v = &figure(al, r).value;
            if let Some(group) = v.noun.as_deref().and_then(|n| lex.noun_group(n))
                && v.dimension == "count"
            {
                groups
                    .entry((group, v.frame.as_slice()))
                    .or_default()
                    .push((v.number, r));
            }
        }
    }
    let d = p.max_relative_difference;
    let mut pairs = Vec::new();
    for mut members in groups.into_values() {
        members.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        // (y - x) / y <= d  <=>  y <= x / (1 - d), for 0 < x <= y; the
        // margin keeps every pair rounding could let through.
        let windowed = p.min_value > 0.0
            && (0.0..1.0).contains(&d)
            && members.iter().all(|m| m.0.is_finite() && m.0 > 0.0);
        for (i, &(x, rx)) in members.iter().enumerate() {
            let limit = x / (1.0 - d) * (1.0 + 1e-9);
            for &(y, ry) in &members[i + 1..] {
                if windowed && y > limit {
                    break;
                }
                pairs.push((rx.min(ry), rx.max(ry)));
            }
        }
    }
    pairs.sort_unstable();
    pairs
}

/// "5 kilometres (8 miles)": the figure in brackets must convert the one
/// before it, within rounding.
fn unit_conversion(al: &Aligned, p: &FigureParams) -> Vec<Finding> {
    let mut out = Vec::new();
    for c in &al.claims {
        for f in &c.figures {
            let Some(k) = f.value.conversion_of else {
                continue;
            };
            let orig = &c.figures[k];
            if orig.value.dimension != f.value.dimension || orig.value.dimension == "count" {
                continue;
            }
            let (a, b) = (orig.value.number, f.value.number);
            // Rounding to the digits written: half a unit of the last digit.
            let digits = |t: &str| {
                t.split(|ch: char| !ch.is_ascii_digit() && ch != '.')
                    .find(|s| s.chars().any(|ch| ch.is_ascii_digit()))
                    .and_then(|s| s.split_once('.'))
                    .map_or(0, |(_, d)| d.len() as i32)
            };
            let unit_of = |text: &str, v: f64, written: f64| {
                if written == 0.0 {
                    0.5
                } else {
                    0.5 * 10f64.powi(-digits(text)) * (v / written).abs()
                }
            };
            let written = |t: &str| {
                t.split(|ch: char| !ch.is_ascii_digit() && ch != '.' && ch != ',')
                    .find_map(|s| s.replace(',', "").parse::<f64>().ok())
                    .unwrap_or(0.0)
            };
            let slack = unit_of(&f.text, b, written(&f.text))
                + unit_of(&orig.text, a, written(&orig.text))
                + p.tolerance * a.abs();
            if (a - b).abs() > slack {
                out.push(Finding {
                    subject: format!("conversion of {}", orig.text),
                    suggestion: None,
                    claims: vec![figure_claim(orig), figure_claim(f)],
                });
            }
        }
    }
    out
}

fn places_compatible(
    a: &PlaceClaim,
    b: &PlaceClaim,
    lex: &Lexicon,
    written: &BTreeSet<(String, String)>,
) -> bool {
    if let (Some(x), Some(y)) = (a.known, b.known)
        && (lex.place_within(x, y) || lex.place_within(y, x))
    {
        return true;
    }
    let (ka, kb) = (name_key(&a.place), name_key(&b.place));
    ka == kb
        || ka.contains(&kb)
        || kb.contains(&ka)
        || written_inside(&ka, b, lex, written)
        || written_inside(&kb, a, lex, written)
}

/// Whether the articles put the place keyed `inner` inside `outer`,
/// directly or through places they put it in, or through the gazetteer
/// from a place written: "Banstead, Surrey" and "Surrey, England" put
/// Banstead in England, and so does "Banstead, Surrey" when the gazetteer
/// knows Surrey.
fn written_inside(
    inner: &str,
    outer: &PlaceClaim,
    lex: &Lexicon,
    written: &BTreeSet<(String, String)>,
) -> bool {
    let outer_key = name_key(&outer.place);
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let mut todo = vec![inner.to_string()];
    while let Some(p) = todo.pop() {
        if !seen.insert(p.clone()) {
            continue;
        }
        let around = written
            .range((p.clone(), String::new())..)
            .take_while(|(i, _)| *i == p);
        for (_, o) in around {
            let within_known = lex
                .place(o)
                .zip(outer.known)
                .is_some_and(|(x, y)| x == y || lex.place_within(x, y));
            if name_key(o) == outer_key || within_known {
                return true;
            }
            todo.push(name_key(o));
        }
    }
    false
}

fn event_place(al: &Aligned, lex: &Lexicon) -> Vec<Finding> {
    disagreeing(
        &al.places,
        |r| &al.claims[r.article].places[r.index],
        // A reference point ("east of Munich") is not compared with a place
        // given outright ("in Waldkraiburg").
        |a, b| (a.relative == b.relative).then(|| places_compatible(a, b, lex, &al.place_within)),
        |p| claim(&p.span, &p.text, p.place.clone()),
        |p| p.place.clone(),
    )
}

fn dates_compatible(a: &DateValue, b: &DateValue, p: &DateParams) -> Option<bool> {
    use DateValue::*;
    match (a, b) {
        (Weekday { day: x, zone: zx }, Weekday { day: y, zone: zy }) => {
            (zx == zy).then_some(x == y)
        }
        (Day { .. }, Day { .. }) | (Quarter(_), Quarter(_)) => Some(a == b),
        // A month alone seldom dates the event itself (hearings, earlier events).
        (Month(_), Month(_)) => None,
        _ => {
            let (Some((a0, a1, za)), Some((b0, b1, zb))) = (a.minutes(), b.minutes()) else {
                return None;
            };
            if za != zb {
                return None;
            }
            Some(a0 <= b1 + p.tolerance_minutes && b0 <= a1 + p.tolerance_minutes)
        }
    }
}

fn event_date(al: &Aligned, p: &DateParams) -> Vec<Finding> {
    disagreeing(
        &al.dates,
        |r| &al.claims[r.article].dates[r.index],
        |a, b| {
            if a.year != b.year {
                return None;
            }
            dates_compatible(&a.value, &b.value, p)
        },
        super::reading::date_claim,
        |d| d.value.display(),
    )
}

/// Subjects whose articles disagree: a claim of one article that is
/// comparable with a claim of another, incompatible with it, and agreed
/// with by nothing in that other article.
fn disagreeing<'a, T: 'a>(
    subjects: &[crate::align::Subject],
    get: impl Fn(ClaimRef) -> &'a T,
    compatible: impl Fn(&T, &T) -> Option<bool>,
    to_claim: impl Fn(&T) -> ConflictClaim,
    value: impl Fn(&T) -> String,
) -> Vec<Finding> {
    let mut out = Vec::new();
    for subject in subjects {
        let refs = &subject.claims;
        let mut bad: BTreeSet<ClaimRef> = BTreeSet::new();
        let agreed = |c: &T, article: usize| {
            refs.iter()
                .filter(|r| r.article == article)
                .any(|&r| compatible(c, get(r)) == Some(true))
        };
        for &x in refs {
            for &y in later_articles(refs, x) {
                let (cx, cy) = (get(x), get(y));
                if compatible(cx, cy) == Some(false)
                    && !agreed(cx, y.article)
                    && !agreed(cy, x.article)
                {
                    bad.insert(x);
                    bad.insert(y);
                }
            }
        }
        if bad.is_empty() || articles_in(&bad.iter().copied().collect::<Vec<_>>()) < 2 {
            continue;
        }
        let values: Vec<String> = bad.iter().map(|&r| value(get(r))).collect();
        let suggestion = majority(
            values
                .iter()
                .zip(bad.iter())
                .map(|(v, r)| (v.as_str(), r.article)),
        );
        let claims = one_per_value(bad.iter().map(|&r| (r, to_claim(get(r)))));
        out.push(Finding {
            subject: subject.label.clone(),
            suggestion,
            claims,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use std::sync::OnceLock;

    use crate::article::Article;
    use crate::rules::{Conflict, RuleSet};

    fn set() -> &'static RuleSet {
        static SET: OnceLock<RuleSet> = OnceLock::new();
        SET.get_or_init(|| RuleSet::load(&[] as &[&str]).unwrap())
    }

    /// The conflicts of rule `rule` between two one-paragraph articles.
    fn conflicts(rule: &str, a: &str, b: &str) -> Vec<Conflict> {
        let articles = [Article::new("a.txt", a), Article::new("b.txt", b)];
        crate::check(&articles, set())
            .unwrap()
            .conflicts
            .into_iter()
            .filter(|c| c.rule == rule)
            .collect()
    }

    fn values(c: &Conflict) -> Vec<&str> {
        c.claims.iter().map(|x| x.text.as_str()).collect()
    }

    #[test]
    fn spelling_flags_variants_not_nicknames() {
        let c = conflicts(
            "name-spelling",
            "Mayor Katarina Novak said the bridge was closed. Coach Robert Ellis agreed.",
            "Mayor Katarina Nowak said the bridge would reopen. Coach Bob Ellis agreed.",
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(values(&c[0]), ["Katarina Novak", "Katarina Nowak"]);
    }

    #[test]
    fn role_flags_other_offices_not_other_wordings() {
        let c = conflicts(
            "role-mismatch",
            "Interior Minister Lena Vogt and Secretary of the Navy Paul Hart spoke.",
            "Housing Minister Lena Vogt and Navy Secretary Paul Hart spoke.",
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].subject, "Lena Vogt");
    }

    #[test]
    fn figures_flag_different_values_not_different_wordings() {
        let c = conflicts(
            "figure-mismatch",
            "The storm destroyed 1.2 million homes across the coast, officials said.",
            "The storm destroyed 900,000 homes across the coast, officials said.",
        );
        assert_eq!(c.len(), 1, "{c:?}");
        let same = conflicts(
            "figure-mismatch",
            "The storm destroyed 1.2 million homes across the coast, officials said.",
            "The storm destroyed 1,200,000 homes across the coast, officials said.",
        );
        assert!(same.is_empty(), "{same:?}");
    }

    #[test]
    fn hedged_figures_are_ranges() {
        let c = conflicts(
            "figure-mismatch",
            "The blast killed at least 23 people in the market, police said.",
            "The blast killed 31 people in the market, police said.",
        );
        assert!(c.is_empty(), "{c:?}");
    }

    #[test]
    fn garbled_figures_are_near_equal_counts_of_one_kind() {
        let articles = [
            Article::new("a.txt", "The fire forced 1,000 workers from their homes."),
            Article::new("b.txt", "The fire forced 1,100 families from their homes."),
            Article::new("c.txt", "The fire forced 1,112 residents from their homes."),
            Article::new("d.txt", "The fire destroyed 1,050 buildings in the town."),
        ];
        let pairs: Vec<Vec<String>> = crate::check(&articles, set())
            .unwrap()
            .conflicts
            .iter()
            .filter(|c| c.rule == "garbled-figure")
            .map(|c| c.claims.iter().map(|x| x.text.clone()).collect())
            .collect();
        // 1,000 / 1,112 differ by just over a tenth; buildings are no people.
        assert_eq!(
            pairs,
            [
                ["1,000 workers", "1,100 families"],
                ["1,100 families", "1,112 residents"]
            ]
        );
    }

    #[test]
    fn floors_reach_twice_their_value_and_differ_from_other_floors() {
        let far = conflicts(
            "figure-mismatch",
            "The landslide killed at least four people near the mine, police said.",
            "The landslide killed 40 people near the mine, police said.",
        );
        assert_eq!(far.len(), 1, "{far:?}");
        let floors = conflicts(
            "figure-mismatch",
            "The landslide killed more than 400 people near the mine, police said.",
            "The landslide killed more than 520 people near the mine, police said.",
        );
        assert_eq!(floors.len(), 1, "{floors:?}");
    }

    #[test]
    fn the_only_count_of_a_thing_in_each_article_is_one_subject() {
        let c = conflicts(
            "figure-mismatch",
            "Floods cut off four bridges in the valley. Crews worked overnight.",
            "Engineers in the valley said six bridges were swept away.",
        );
        assert_eq!(c.len(), 1, "{c:?}");
        // An earlier year's count is another subject.
        let other_year = conflicts(
            "figure-mismatch",
            "Floods cut off four bridges in the valley.",
            "In 2011 engineers inspected six bridges swept away.",
        );
        assert!(other_year.is_empty(), "{other_year:?}");
    }

    #[test]
    fn tallies_of_a_record_need_their_owner() {
        let c = conflicts(
            "figure-mismatch",
            "The season ended with 14 games lost at home, the club said.",
            "The season ended with 9 games lost at home, the club said.",
        );
        assert!(c.is_empty(), "{c:?}");
        let owned = conflicts(
            "figure-mismatch",
            "Marek Duda scored 30 points in the final at home.",
            "Marek Duda scored 23 points in the final at home.",
        );
        assert_eq!(owned.len(), 1, "{owned:?}");
    }

    #[test]
    fn amounts_an_order_apart_are_other_things() {
        let c = conflicts(
            "figure-mismatch",
            "The quake killed 5 people in the province, officials said.",
            "The 2004 tsunami killed 170,000 people in the province, officials said.",
        );
        assert!(c.is_empty(), "{c:?}");
    }

    #[test]
    fn a_figure_is_read_against_the_most_alike_of_the_other_article() {
        // 70 percent of homes against 70 percent of homes: the 40 percent of
        // the vote is another thing, however much context it shares.
        let c = conflicts(
            "figure-mismatch",
            "Officials said 70 percent of homes in the valley were damaged.",
            "Officials in the valley said 70 percent of homes were damaged. The party won 40 percent of the vote in the valley, officials said.",
        );
        assert!(c.is_empty(), "{c:?}");
    }

    #[test]
    fn a_peoples_name_splits_a_count() {
        let c = conflicts(
            "figure-mismatch",
            "The navy arrested 12 Somali and 11 Yemeni pirates on the boat.",
            "The navy arrested 23 Somali and Yemeni pirates on the boat.",
        );
        assert!(c.is_empty(), "{c:?}");
    }

    #[test]
    fn places_the_articles_put_inside_others_agree() {
        let c = conflicts(
            "event-place",
            "The fire at the store in Dornbeck, Valmark spread fast.",
            "The fire in Valmark spread fast.",
        );
        assert!(c.is_empty(), "{c:?}");
        // Through the gazetteer: a town written in a region it knows.
        let known = conflicts(
            "event-place",
            "The fire at the store in Dornbeck, Bavaria spread fast.",
            "The fire in Germany spread fast.",
        );
        assert!(known.is_empty(), "{known:?}");
        let other = conflicts(
            "event-place",
            "The fire at the store in Dornbeck spread fast.",
            "The fire in Valmark spread fast.",
        );
        assert_eq!(other.len(), 1, "{other:?}");
    }

    #[test]
    fn names_of_places_spelled_two_ways() {
        let c = conflicts(
            "term-spelling",
            "Rescuers reached the hamlet of Dravenko by road.",
            "The hamlet of Dravemko was cut off by the floods.",
        );
        assert_eq!(c.len(), 1, "{c:?}");
        // Another form of a word, or one word in two standards, is no misspelling.
        let forms = conflicts(
            "term-spelling",
            "The Marovian delegation and the Colourfest organisers met.",
            "Delegates from Marovia and the Colorfest organisers met.",
        );
        assert!(forms.is_empty(), "{forms:?}");
    }

    #[test]
    fn times_of_a_later_day_are_a_later_event() {
        let c = conflicts(
            "event-date",
            "The quake struck on Sunday at 14:05. An aftershock hit on Monday at 09:10.",
            "The quake struck at 14:05 on Sunday, officials said.",
        );
        assert!(c.is_empty(), "{c:?}");
    }

    #[test]
    fn conversions_in_brackets_must_hold() {
        let c = conflicts(
            "unit-conversion",
            "The plume rose 5 kilometres (8 miles) high.",
            "Nothing here.",
        );
        assert_eq!(c.len(), 1, "{c:?}");
        let ok = conflicts(
            "unit-conversion",
            "The plume rose 5 kilometres (3.1 miles) high.",
            "Nothing.",
        );
        assert!(ok.is_empty(), "{ok:?}");
    }

    #[test]
    fn places_inside_one_another_agree() {
        let c = conflicts(
            "event-place",
            "The summit in Lyon ended.",
            "The summit in Nantes ended.",
        );
        assert_eq!(c.len(), 1, "{c:?}");
        let ok = conflicts(
            "event-place",
            "The summit in Lyon ended.",
            "The summit in France ended.",
        );
        assert!(ok.is_empty(), "{ok:?}");
    }

    #[test]
    fn dates_compare_within_one_time_zone() {
        let c = conflicts(
            "event-date",
            "The launch took place at 9:15 p.m. local time.",
            "The launch took place at 9:51 p.m. local time.",
        );
        assert_eq!(c.len(), 1, "{c:?}");
        let ok = conflicts(
            "event-date",
            "The launch took place at 9:15 p.m. local time.",
            "The launch took place at 0115 GMT.",
        );
        assert!(ok.is_empty(), "{ok:?}");
    }
}
