//! Conformance of the date grammar with the Duckling English time corpus.
//!
//! Runs, when `../shared/conformance` is present (it is kept outside the repository),
//! every phrase whose expected grain is a day or coarser against its own reference time,
//! and compares summitry's reading with Duckling's: kind (instant or interval), start,
//! end and grain. Differences of convention (a news reading of a bare weekday, TimeML
//! granularity, Duckling's own quirks, holidays of lunar calendars summitry does not
//! compute) are listed with a reason in `data/duckling_known_differences.tsv` and set
//! apart; everything else counts, including constructions summitry does not read. The
//! test asserts at least 90 % agreement on all day-or-coarser phrases minus those
//! convention differences, fails on a listed phrase that now agrees (so the list stays
//! honest) and on a negative phrase that gets a date. It prints the agreement by kind and
//! grain, by convention category, and every counted difference.
//!
//! How a summitry `Timex` reads as a Duckling value:
//! - anchored, no `end`: an instant at the anchor's first day with its precision as grain
//!   (a quarter value `2013-Q3` is grain quarter);
//! - anchored with an `end` (ranges, "the last two weeks", seasons, quarters are not
//!   ranges): an interval from the anchor's first day to the day after the end's last day;
//! - a `mod` on a month, year or week reads as Duckling's part of it (its convention):
//!   START/MID/END of a month are days 1–10, 11–20, 21–end; of a year the first three or
//!   last four months; of a week Monday–Wednesday and Friday–Sunday.

use chrono::{Datelike, Duration, NaiveDate};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use summitry::dates::{PartialDate, Precision, Timex, tag};
use summitry::text::split_sentences;

#[derive(Debug, Clone, PartialEq)]
struct Reading {
    kind: &'static str,
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
    grain: &'static str,
}

fn grain_of(p: Precision) -> &'static str {
    match p {
        Precision::Day => "day",
        Precision::Week => "week",
        Precision::Month => "month",
        Precision::Year => "year",
    }
}

fn next_day(d: NaiveDate) -> NaiveDate {
    d + Duration::days(1)
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Duckling's reading of a summitry timex (see the module comment).
fn reading(t: &Timex) -> Option<Reading> {
    let a: PartialDate = t.anchor?;
    let first = a.first();
    if let Some(m) = t.modifier.filter(|m| matches!(*m, "START" | "MID" | "END")) {
        return match (a.precision(), t.end) {
            (Precision::Month, None) => {
                let (s, e) = match m {
                    "START" => (ymd(first.year(), first.month(), 1)?, ymd(first.year(), first.month(), 11)?),
                    "MID" => (ymd(first.year(), first.month(), 11)?, ymd(first.year(), first.month(), 21)?),
                    _ => (ymd(first.year(), first.month(), 21)?, next_day(a.last())),
                };
                Some(Reading { kind: "interval", start: Some(s), end: Some(e), grain: "day" })
            }
            (Precision::Year, None) => {
                let y = first.year();
                let (s, e) = match m {
                    "START" => (ymd(y, 1, 1)?, ymd(y, 4, 1)?),
                    "MID" => (ymd(y, 5, 1)?, ymd(y, 9, 1)?),
                    _ => (ymd(y, 9, 1)?, ymd(y + 1, 1, 1)?),
                };
                Some(Reading { kind: "interval", start: Some(s), end: Some(e), grain: "month" })
            }
            (Precision::Week, None) => {
                let (s, e) = match m {
                    "START" => (first, first + Duration::days(3)),
                    "MID" => (first + Duration::days(2), first + Duration::days(5)),
                    _ => (first + Duration::days(4), first + Duration::days(7)),
                };
                Some(Reading { kind: "interval", start: Some(s), end: Some(e), grain: "day" })
            }
            _ => None,
        };
    }
    if t.value.contains("-Q") {
        return Some(Reading { kind: "instant", start: Some(first), end: None, grain: "quarter" });
    }
    match t.end {
        None => Some(Reading { kind: "instant", start: Some(first), end: None, grain: grain_of(a.precision()) }),
        Some(e) => Some(Reading { kind: "interval", start: Some(first), end: Some(next_day(e.last())), grain: grain_of(a.precision().min(e.precision())) }),
    }
}

fn parse_day(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}

fn expected(e: &serde_json::Value) -> Reading {
    let kind = match e["kind"].as_str().unwrap_or("") {
        "instant" => "instant",
        "interval" => "interval",
        "after" => "after",
        "before" => "before",
        _ => "?",
    };
    let grain = match e["grain"].as_str().unwrap_or("") {
        "day" => "day",
        "week" => "week",
        "month" => "month",
        "quarter" => "quarter",
        "year" => "year",
        _ => "?",
    };
    Reading { kind, start: e["start"].as_str().and_then(parse_day), end: e["end"].as_str().and_then(parse_day), grain }
}

/// summitry's reading of a phrase: the first anchored expression. Duckling reads its
/// phrases forward (a bare "monday" is the next one), as a request to schedule
/// something; summitry reads tense, so each phrase is given in a carrier sentence that
/// says so. `alone` gives the phrase with no context (reported, not tested).
fn summitry_reading(phrase: &str, reference: NaiveDate, alone: bool) -> Option<Reading> {
    let text = if alone { phrase.to_string() } else { format!("Officials said the talks would take place {phrase}.") };
    let timexes = tag(&text, &split_sentences(&text), Some(reference));
    timexes.iter().find(|t| t.anchor.is_some()).and_then(reading)
}

/// The convention category of a phrase, if any: mechanical rules for open intervals,
/// seasons and "upcoming N"; holidays by the name Duckling gives them, each listed in the
/// known-differences file as `holiday:NAME<TAB>CATEGORY`.
fn category(v: &serde_json::Value, exp: &Reading, phrase: &str, known: &Known) -> Option<String> {
    if let Some(h) = v.get("holiday").and_then(|h| h.as_str()) {
        return known.holidays.get(h).cloned();
    }
    if matches!(exp.kind, "after" | "before") {
        return Some("open-interval".into());
    }
    let p = phrase.to_ascii_lowercase();
    if ["season", "summer", "winter", "spring", "autumn", "fall"].iter().any(|s| p.contains(s)) {
        return Some("season".into());
    }
    if p.contains("upcoming") && p.split_whitespace().any(|w| w == "two" || w == "2") {
        return Some("upcoming-count".into());
    }
    None
}

struct Known {
    /// phrase → reason: a single phrase whose difference is a convention.
    phrases: HashMap<String, String>,
    /// category → reason.
    categories: HashMap<String, String>,
    /// Duckling holiday name → category.
    holidays: HashMap<String, String>,
}

fn load_known(path: &Path) -> Known {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut k = Known { phrases: HashMap::new(), categories: HashMap::new(), holidays: HashMap::new() };
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert!(cols.len() == 2 && !cols[1].trim().is_empty(), "{} line {}: expected `phrase<TAB>reason`", path.display(), n + 1);
        if let Some(cat) = cols[0].strip_prefix("category:") {
            k.categories.insert(cat.to_string(), cols[1].to_string());
        } else if let Some(h) = cols[0].strip_prefix("holiday:") {
            k.holidays.insert(h.to_string(), cols[1].to_string());
        } else {
            assert!(k.phrases.insert(cols[0].to_string(), cols[1].to_string()).is_none(), "{} line {}: duplicate phrase", path.display(), n + 1);
        }
    }
    for (h, c) in &k.holidays {
        assert!(k.categories.contains_key(c), "{}: holiday {h:?} names category {c:?}, which has no `category:` row", path.display());
    }
    k
}

#[test]
fn duckling_conformance() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("../shared/conformance");
    let corpus = dir.join("duckling_en_time.jsonl");
    if !corpus.exists() {
        eprintln!("duckling conformance: skipped, {} not found", corpus.display());
        return;
    }
    let known = load_known(&root.join("data/duckling_known_differences.tsv"));
    let text = std::fs::read_to_string(&corpus).expect("read corpus");
    // (kind, grain) → (phrases, agree, convention differences)
    let mut by_bucket: BTreeMap<(String, String), (usize, usize, usize)> = BTreeMap::new();
    let mut by_category: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let (mut total, mut agree, mut convention, mut agree_alone, mut listed_n) = (0usize, 0usize, 0usize, 0usize, 0usize);
    let mut failures = Vec::new();
    let mut stale = Vec::new();
    let mut seen_known = std::collections::HashSet::new();
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("corpus line is JSON");
        let exp = expected(&v["expected"]);
        if !matches!(exp.grain, "day" | "week" | "month" | "quarter" | "year") {
            continue;
        }
        let phrase = v["phrase"].as_str().unwrap_or("");
        let reference = v["reference"].as_str().and_then(parse_day).expect("reference date");
        let got = summitry_reading(phrase, reference, false);
        let ok = got.as_ref() == Some(&exp);
        if summitry_reading(phrase, reference, true).as_ref() == Some(&exp) {
            agree_alone += 1;
        }
        let bucket = by_bucket.entry((exp.kind.to_string(), exp.grain.to_string())).or_default();
        bucket.0 += 1;
        total += 1;
        if ok {
            bucket.1 += 1;
            agree += 1;
        }
        let category = category(&v, &exp, phrase, &known);
        if let Some(c) = &category {
            let e = by_category.entry(c.clone()).or_default();
            e.0 += 1;
            if ok {
                e.1 += 1;
            }
        }
        let listed = known.phrases.contains_key(phrase);
        if listed {
            seen_known.insert(phrase.to_string());
            if ok {
                stale.push(format!("{phrase:?} (ref {reference}) now agrees: remove it from the known differences"));
            } else {
                listed_n += 1;
            }
        }
        if !ok && (listed || category.is_some()) {
            convention += 1;
            bucket.2 += 1;
        } else if !ok {
            failures.push(format!("{phrase:?} (ref {reference}): expected {exp:?}, summitry {got:?}"));
        }
    }
    // Negatives: no date at all.
    let negatives = std::fs::read_to_string(dir.join("duckling_en_negative.jsonl")).unwrap_or_default();
    let mut neg_fail = Vec::new();
    for line in negatives.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("negative line is JSON");
        let phrase = v["phrase"].as_str().unwrap_or("");
        let found = tag(phrase, &split_sentences(phrase), ymd(2013, 2, 12));
        if !found.is_empty() {
            neg_fail.push(format!("{phrase:?} gave {:?}", found.iter().map(|t| &t.value).collect::<Vec<_>>()));
        }
    }
    for p in known.phrases.keys() {
        if !seen_known.contains(p) {
            stale.push(format!("{p:?} is listed but not a day-or-coarser corpus phrase"));
        }
    }
    let counted = total - convention;
    let rate = 100.0 * agree as f64 / counted.max(1) as f64;
    eprintln!("duckling conformance (grain day or coarser), by kind and grain (agree / phrases, convention differences):");
    for ((kind, grain), (n, ok, conv)) in &by_bucket {
        let rest = n - conv;
        eprintln!("  {kind:<9} {grain:<8} {ok:>4}/{n:<4} conv {conv:>3}  {:5.1}% of the other {rest}", 100.0 * *ok as f64 / rest.max(1) as f64);
    }
    eprintln!("  convention categories (agree / phrases):");
    for (c, (n, ok)) in &by_category {
        eprintln!("    {c:<22} {ok:>4}/{n}");
    }
    eprintln!("  listed single-phrase conventions: {listed_n} phrases");
    eprintln!("  all: {agree}/{total} agree ({:.1}%); {convention} convention differences set apart", 100.0 * agree as f64 / total as f64);
    eprintln!("  PASS RATE: {agree}/{counted} = {rate:.1}% of all day-or-coarser phrases minus the convention differences");
    eprintln!("  (phrases alone, without the carrier sentence: {agree_alone}/{total} agree)");
    for d in &failures {
        eprintln!("DIFFERENCE {d}");
    }
    for s in &stale {
        eprintln!("STALE {s}");
    }
    for n in &neg_fail {
        eprintln!("NEGATIVE {n}");
    }
    assert!(stale.is_empty() && neg_fail.is_empty(), "{} stale entries, {} negatives with a date", stale.len(), neg_fail.len());
    assert!(rate >= 90.0, "agreement {rate:.1}% below 90% ({} differences)", failures.len());
}
