//! Scoring a timeline against a gold file of the events its articles report.
//!
//! Gold is JSON Lines, one real event a line:
//! `{"id", "kind", "date": "YYYY-MM-DD"|"YYYY-MM"|"YYYY"|null, "end"?, "participants": [..],
//!   "place": {"city", "country"}|null, "status", "documents": [..], "pinnable": bool}`.
//!
//! A gold event is *found* when some timeline event has the same kind family
//! (in person: meeting, talks, summit, conference, visit; call; statement;
//! agreement; exchange; an agreement also matches the statement, talks or call
//! that produced it), at least one of its participants (none needed when gold names nobody) (by surname, accents and
//! case folded) and the right date: the same day, a day within a multi-day event,
//! or the same month where gold knows only the month. Recall counts pinnable gold
//! events (those the articles date to the day or to the month); duplicates count every extra timeline event that matches an already
//! found gold event; precision counts the timeline's diplomatic events (not
//! military or other) that match some gold event loosely (kind family plus a
//! shared participant or place, and a compatible date).

use crate::dates::{PartialDate, Precision};
use crate::timeline::{Event, EventKind, Status, Timeline};
use serde::Deserialize;
use std::fmt::Write as _;

#[derive(Clone, Debug, Deserialize)]
pub struct GoldPlace {
    pub city: Option<String>,
    pub country: Option<String>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct GoldEvent {
    pub id: String,
    pub kind: EventKind,
    pub date: Option<String>,
    #[serde(default)]
    pub end: Option<String>,
    #[serde(default)]
    pub participants: Vec<String>,
    pub place: Option<GoldPlace>,
    pub status: Status,
    #[serde(default)]
    pub documents: Vec<String>,
    #[serde(default = "yes")]
    pub pinnable: bool,
}

fn yes() -> bool {
    true
}

#[derive(Debug, thiserror::Error)]
pub enum GoldError {
    #[error("{path}:{line}: bad gold line: {message}")]
    Line { path: String, line: usize, message: String },
}

/// Parse a gold file; every bad line is an error naming it.
pub fn parse_gold(path: &str, text: &str) -> Result<Vec<GoldEvent>, GoldError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let g: GoldEvent = serde_json::from_str(line)
            .map_err(|e| GoldError::Line { path: path.to_string(), line: i + 1, message: e.to_string() })?;
        out.push(g);
    }
    Ok(out)
}

/// Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
pub fn parse_partial(s: &str) -> Option<PartialDate> {
    let parts: Vec<&str> = s.split('-').collect();
    let num = |i: usize| parts.get(i).and_then(|p| p.parse::<u32>().ok());
    match parts.len() {
        1 => PartialDate::year(parts[0].parse().ok()?),
        2 => PartialDate::month(parts[0].parse().ok()?, num(1)?),
        3 => PartialDate::ymd(parts[0].parse().ok()?, num(1)?, num(2)?),
        _ => None,
    }
}

fn event_date(e: &Event) -> Option<PartialDate> {
    let d = e.date.as_ref()?;
    if d.precision == Precision::Week {
        let (y, w) = d.value.split_once("-W")?;
        return PartialDate::iso_week(y.parse().ok()?, w.parse().ok()?);
    }
    parse_partial(&d.value)
}

fn family(kind: EventKind) -> u8 {
    match kind {
        EventKind::Meeting | EventKind::Talks | EventKind::Summit | EventKind::Conference | EventKind::Visit => 0,
        EventKind::Call => 1,
        EventKind::Statement => 2,
        EventKind::Agreement => 3,
        EventKind::Exchange => 4,
        EventKind::Military => 5,
        EventKind::Other => 6,
    }
}

/// Lowercase ASCII letters of a name's last word, accents dropped: "Erdoğan" → "erdogan".
fn surname_key(name: &str) -> String {
    let last = name.split_whitespace().last().unwrap_or(name);
    last.chars()
        .filter_map(|c| {
            let c = match c {
                'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
                'é' | 'è' | 'ê' | 'ë' => 'e',
                'í' | 'ì' | 'î' | 'ï' => 'i',
                'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
                'ú' | 'ù' | 'û' | 'ü' => 'u',
                'ğ' => 'g',
                'ş' => 's',
                'ç' => 'c',
                'ñ' => 'n',
                'ı' => 'i',
                c => c,
            };
            c.is_alphanumeric().then(|| c.to_ascii_lowercase())
        })
        .collect()
}

/// Kinds that count as the same: one family, or an agreement against the statement,
/// talks or call that produced it (a joint statement is often reported as either).
fn kinds_match(gold: EventKind, event: EventKind) -> bool {
    let (g, e) = (family(gold), family(event));
    let agreement = family(EventKind::Agreement);
    let related = [family(EventKind::Meeting), family(EventKind::Statement), family(EventKind::Call)];
    g == e || (g == agreement && related.contains(&e)) || (e == agreement && related.contains(&g))
}

/// A gold event that names nobody (an exchange of prisoners) needs no participant.
fn shares_participant(g: &GoldEvent, e: &Event) -> bool {
    g.participants.is_empty()
        || g.participants
        .iter()
        .any(|gp| e.participants.iter().any(|p| surname_key(&p.name) == surname_key(gp)))
}

fn fold(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

fn place_right(g: &GoldEvent, e: &Event) -> Option<bool> {
    let gp = g.place.as_ref()?;
    let ep = e.place.as_ref();
    if let Some(city) = &gp.city {
        return Some(ep.is_some_and(|p| p.city.as_deref().is_some_and(|c| fold(c) == fold(city)) || fold(&p.name) == fold(city)));
    }
    let country = gp.country.as_ref()?;
    Some(ep.is_some_and(|p| p.country.as_deref().is_some_and(|c| fold(c) == fold(country))))
}

/// Whether the event's date is right for the gold event: the same day, a day within a
/// multi-day event, or (where gold knows only the month) the same month.
fn date_right(g: &GoldEvent, e: &Event) -> bool {
    let (Some(gd), Some(ed)) = (g.date.as_deref().and_then(parse_partial), event_date(e)) else { return false };
    match gd.precision() {
        Precision::Day => {
            let last = g.end.as_deref().and_then(parse_partial).map_or(gd.first(), |e| e.last());
            ed.precision() == Precision::Day && ed.first() >= gd.first() && ed.first() <= last
        }
        _ => gd.contains(&ed) && ed.precision() <= gd.precision(),
    }
}

fn loose_match(g: &GoldEvent, e: &Event) -> bool {
    if !kinds_match(g.kind, e.kind) {
        return false;
    }
    let dates_ok = match (g.date.as_deref().and_then(parse_partial), event_date(e)) {
        (Some(a), Some(b)) => a.compatible(&b) || a.first().signed_duration_since(b.first()).num_days().abs() <= 7,
        _ => true,
    };
    dates_ok && (shares_participant(g, e) || place_right(g, e) == Some(true))
}

/// The scores of one evaluation, with what was missed.
#[derive(Debug, Default)]
pub struct Report {
    pub gold_pinnable: usize,
    pub found: usize,
    pub duplicates: usize,
    pub diplomatic_events: usize,
    pub correct_events: usize,
    pub place_checked: usize,
    pub place_right: usize,
    pub status_checked: usize,
    pub status_right: usize,
    /// Events of unpinnable gold given a day the articles do not allow.
    pub invented_days: usize,
    pub misses: Vec<String>,
}

impl Report {
    pub fn recall(&self) -> f64 {
        ratio(self.found, self.gold_pinnable)
    }
    pub fn precision(&self) -> f64 {
        ratio(self.correct_events, self.diplomatic_events)
    }
    pub fn place_accuracy(&self) -> f64 {
        ratio(self.place_right, self.place_checked)
    }
    pub fn status_accuracy(&self) -> f64 {
        ratio(self.status_right, self.status_checked)
    }

    pub fn render(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "recall     {:.3}  ({} of {} pinnable gold events)", self.recall(), self.found, self.gold_pinnable);
        let _ = writeln!(s, "duplicates {}", self.duplicates);
        let _ = writeln!(s, "precision  {:.3}  ({} of {} diplomatic events)", self.precision(), self.correct_events, self.diplomatic_events);
        let _ = writeln!(s, "place      {:.3}  ({} of {})", self.place_accuracy(), self.place_right, self.place_checked);
        let _ = writeln!(s, "status     {:.3}  ({} of {})", self.status_accuracy(), self.status_right, self.status_checked);
        let _ = writeln!(s, "invented   {}  (days given to events the articles do not date)", self.invented_days);
        for m in &self.misses {
            let _ = writeln!(s, "  {m}");
        }
        s
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

fn describe(e: &Event) -> String {
    format!("{} [{} {} {}]", e.id, e.kind.as_str(), e.date.as_ref().map_or("undated", |d| d.value.as_str()), e.status.as_str())
}

/// How well a timeline event fits a gold event it strictly matches: one event is
/// credited to the gold event it fits best, so a summit and a meeting on its
/// sidelines are two events, not a duplicate.
fn fit(g: &GoldEvent, e: &Event) -> i32 {
    // A meeting is often reported as talks and the other way round; a summit is not.
    let one_to_one = |k: EventKind| matches!(k, EventKind::Meeting | EventKind::Talks);
    let exact_kind = if g.kind == e.kind { 3 } else if one_to_one(g.kind) && one_to_one(e.kind) { 2 } else { 0 };
    let place = i32::from(place_right(g, e) == Some(true)) * 3;
    let people = g
        .participants
        .iter()
        .filter(|gp| e.participants.iter().any(|p| surname_key(&p.name) == surname_key(gp)))
        .count() as i32;
    let first_day = i32::from(g.date.as_deref().and_then(parse_partial).zip(event_date(e)).is_some_and(|(a, b)| a.first() == b.first())) * 2;
    exact_kind + place + people + first_day
}

/// How well an event that only loosely matches a gold event fits it: the place and
/// the people first, then the kind; for reporting a miss against the likeliest event.
fn loose_fit(g: &GoldEvent, e: &Event) -> i32 {
    let place = i32::from(place_right(g, e) == Some(true)) * 3;
    let people = g.participants.iter().filter(|gp| e.participants.iter().any(|p| surname_key(&p.name) == surname_key(gp))).count() as i32;
    place + people + i32::from(g.kind == e.kind)
}

/// Whether an event that does not strictly match a gold event is still likely the
/// same event told wrong (for place, status and invented-day accounting): the right
/// place, or the gold event's people (two of them, or its only one) with no place in
/// disagreement. An unrelated event of a president who is everywhere is not.
fn plausibly_same(g: &GoldEvent, e: &Event) -> bool {
    let people = g.participants.iter().filter(|gp| e.participants.iter().any(|p| surname_key(&p.name) == surname_key(gp))).count();
    let places_differ = place_right(g, e) == Some(false) && e.place.is_some();
    place_right(g, e) == Some(true) || !g.participants.is_empty() && people >= g.participants.len().min(2) && !places_differ
}

/// Score `timeline` against `gold`.
pub fn evaluate(gold: &[GoldEvent], timeline: &Timeline) -> Report {
    let mut r = Report::default();
    let events = &timeline.events;
    // A month is weak evidence: an event matched on its month alone must not be
    // somewhere else (Trump's October trip to Egypt is not October's Budapest summit).
    let coarse = |g: &GoldEvent| g.date.as_deref().and_then(parse_partial).is_none_or(|d| d.precision() != Precision::Day);
    let strict = |g: &GoldEvent, e: &Event| {
        kinds_match(g.kind, e.kind)
            && shares_participant(g, e)
            && date_right(g, e)
            && !(coarse(g) && place_right(g, e) == Some(false) && e.place.is_some())
    };
    // Each event is credited to the gold event it fits best among those it matches.
    let credited: Vec<Option<usize>> = events
        .iter()
        .map(|e| {
            gold.iter()
                .enumerate()
                .filter(|(_, g)| strict(g, e))
                .max_by_key(|(gi, g)| (fit(g, e), std::cmp::Reverse(*gi)))
                .map(|(gi, _)| gi)
        })
        .collect();
    let mut used = vec![false; events.len()];
    for (gi, g) in gold.iter().enumerate() {
        let mine: Vec<usize> = (0..events.len()).filter(|&i| credited[i] == Some(gi)).collect();
        let loose: Vec<usize> = (0..events.len()).filter(|&i| loose_match(g, &events[i])).collect();
        for &i in mine.iter().chain(&loose) {
            used[i] = true;
        }
        let best = mine
            .iter()
            .copied()
            .max_by_key(|&i| (fit(g, &events[i]), std::cmp::Reverse(i)))
            .or_else(|| {
                loose
                    .iter()
                    .copied()
                    .filter(|&i| plausibly_same(g, &events[i]))
                    .max_by_key(|&i| (loose_fit(g, &events[i]), std::cmp::Reverse(i)))
            })
            .map(|i| &events[i]);
        if g.pinnable && g.date.is_some() {
            r.gold_pinnable += 1;
            if mine.is_empty() {
                let near: Vec<String> = loose.iter().map(|&i| describe(&events[i])).collect();
                r.misses.push(format!(
                    "missed {} ({} {}): nearest: {}",
                    g.id,
                    g.date.as_deref().unwrap_or("-"),
                    g.kind.as_str(),
                    if near.is_empty() { "none".into() } else { near.join("; ") }
                ));
            } else {
                r.found += 1;
                if mine.len() > 1 {
                    r.duplicates += mine.len() - 1;
                    let all: Vec<String> = mine.iter().map(|&i| describe(&events[i])).collect();
                    r.misses.push(format!("duplicate {}: {}", g.id, all.join("; ")));
                }
            }
        }
        if let Some(e) = best.filter(|e| shares_participant(g, e) && !g.participants.is_empty()) {
            // Only an event that is plausibly this one (it names one of its people)
            // can have invented a day for it; a month-only gold event found by a day
            // counts for recall but still shows the day as invented.
            let gold_precision = g.date.as_deref().and_then(parse_partial).map(|d| d.precision());
            let event_precision = e.date.as_ref().map(|d| d.precision);
            if event_precision.is_some_and(|p| gold_precision.is_none_or(|gp| p < gp)) {
                r.invented_days += 1;
                r.misses.push(format!("invented precision for {}: {}", g.id, describe(e)));
            }
        }
        if let Some(e) = best {
            if let Some(ok) = place_right(g, e) {
                r.place_checked += 1;
                if ok {
                    r.place_right += 1;
                } else {
                    let gp = g.place.as_ref().and_then(|p| p.city.clone().or(p.country.clone())).unwrap_or_default();
                    r.misses.push(format!("wrong place for {}: {:?} vs {gp}", g.id, e.place.as_ref().map(|p| &p.name)));
                }
            }
            r.status_checked += 1;
            if e.status == g.status {
                r.status_right += 1;
            } else {
                r.misses.push(format!("wrong status for {}: {} vs {}", g.id, e.status.as_str(), g.status.as_str()));
            }
        }
    }
    for (i, e) in events.iter().enumerate() {
        if matches!(e.kind, EventKind::Military | EventKind::Other) {
            continue;
        }
        r.diplomatic_events += 1;
        if used[i] {
            r.correct_events += 1;
        } else {
            r.misses.push(format!("spurious {}: {}", describe(e), e.title));
        }
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::{EventDate, Participant, PlaceInfo};

    fn event(id: &str, kind: EventKind, date: &str, precision: Precision, who: &[&str], city: &str, status: Status) -> Event {
        Event {
            id: id.into(),
            kind,
            title: id.into(),
            date: Some(EventDate { value: date.into(), precision, end: None }),
            status,
            place: Some(PlaceInfo { name: city.into(), city: Some(city.into()), country: None }),
            participants: who.iter().map(|n| Participant { name: n.to_string(), role: None, country: None }).collect(),
            sources: Vec::new(),
        }
    }

    fn timeline(events: Vec<Event>) -> Timeline {
        Timeline { schema_version: 1, documents: Vec::new(), events, findings: Vec::new() }
    }

    const GOLD: &str = r#"{"id":"a","kind":"talks","date":"2025-05-10","end":"2025-05-11","participants":["He Lifeng","Scott Bessent"],"place":{"city":"Geneva","country":"Switzerland"},"status":"held","documents":[],"pinnable":true}
{"id":"b","kind":"call","date":"2025-06","participants":["Xi Jinping"],"place":null,"status":"held","documents":[],"pinnable":false}
"#;

    #[test]
    fn scores_found_duplicate_spurious_and_invented() {
        let gold = parse_gold("gold.jsonl", GOLD).unwrap();
        let t = timeline(vec![
            event("x", EventKind::Meeting, "2025-05-11", Precision::Day, &["Bessent"], "Geneva", Status::Held),
            event("y", EventKind::Talks, "2025-05-10", Precision::Day, &["Lifeng"], "Geneva", Status::Planned),
            event("z", EventKind::Call, "2025-06-05", Precision::Day, &["Xi Jinping"], "Beijing", Status::Held),
            event("w", EventKind::Summit, "2025-01-01", Precision::Day, &["Nobody"], "Oslo", Status::Held),
        ]);
        let r = evaluate(&gold, &t);
        assert_eq!((r.gold_pinnable, r.found, r.duplicates), (1, 1, 1));
        assert_eq!((r.correct_events, r.diplomatic_events), (3, 4));
        assert_eq!(r.invented_days, 1);
        assert_eq!((r.place_right, r.place_checked), (1, 1));
        // Gold "a" is credited with its best fit, the planned talks "y": a wrong status.
        assert_eq!((r.status_right, r.status_checked), (1, 2));
        assert!(r.render().contains("spurious w"));
    }

    #[test]
    fn bad_gold_lines_name_the_line() {
        let err = parse_gold("g.jsonl", "{\"id\":\"a\"}\n").unwrap_err().to_string();
        assert!(err.starts_with("g.jsonl:1:"), "{err}");
    }
}
