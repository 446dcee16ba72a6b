//! Events stage: event mentions with kind, participants, place, date and status.
//!
//! Works clause by clause over the spans the earlier stages found. A trigger word
//! ("met", "talks", "summit", "phone call"; `data/events/triggers.tsv`) gives the
//! kind; cue words in the clause (`data/events/cues.tsv`) the status, or show that
//! the event is only hypothetical ("if Trump and Putin meet") or a general reference
//! ("restart peace talks"). Each date and place of the clause goes to the trigger
//! nearest to it, so "the Istanbul talks, a continuation of the negotiations held
//! after the invasion in 2022" dates the invasion, not the talks.
//!
//! A definite noun ("the talks", "the meeting") with nothing new of its own refers
//! back to the event named before: it becomes a mention linked to that antecedent,
//! and the two share what each knows (the place named in one, the date in the other).
//!
//! Status comes from explicit cues first, then from the date against the publication
//! date. A bare weekday is read by the status of its event within the document: the
//! dates stage reads it by the tense of its sentence, but "left open the possibility
//! of attending the talks on Friday" is past tense about talks still to come; when the
//! document presents the event as planned the weekday moves to the next such day.

mod lexicon;

use crate::dates::{PartialDate, Precision, Timex, TimexType};
use crate::entities::{Entity, EntityMention, Person, Place, PlaceKind};
use crate::ingest::Document;
use crate::text::{Sentence, Span};
use chrono::{Datelike, Duration};
use lexicon::{whole_word, Cue, Form, CUES, TRIGGERS};
use serde::{Deserialize, Serialize};

/// What kind of event a mention reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    Meeting,
    Talks,
    Summit,
    Conference,
    Call,
    Visit,
    Statement,
    Agreement,
    Exchange,
    Military,
    Other,
}

impl EventKind {
    /// Kinds that may describe the same real event: a meeting is often also called
    /// "talks", and a summit "a meeting".
    pub fn family(self) -> u8 {
        match self {
            EventKind::Meeting | EventKind::Talks | EventKind::Summit | EventKind::Conference => 0,
            EventKind::Visit => 1,
            EventKind::Call => 2,
            EventKind::Statement => 3,
            EventKind::Agreement => 4,
            EventKind::Exchange => 5,
            EventKind::Military => 6,
            EventKind::Other => 7,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Meeting => "meeting",
            EventKind::Talks => "talks",
            EventKind::Summit => "summit",
            EventKind::Conference => "conference",
            EventKind::Call => "call",
            EventKind::Visit => "visit",
            EventKind::Statement => "statement",
            EventKind::Agreement => "agreement",
            EventKind::Exchange => "exchange",
            EventKind::Military => "military",
            EventKind::Other => "other",
        }
    }

    /// When one real event is named with several kinds, the most telling wins.
    pub fn specificity(self) -> u8 {
        match self {
            EventKind::Summit | EventKind::Conference => 4,
            EventKind::Talks => 3,
            EventKind::Call | EventKind::Visit | EventKind::Exchange | EventKind::Military => 3,
            EventKind::Meeting => 2,
            EventKind::Agreement | EventKind::Statement => 1,
            EventKind::Other => 0,
        }
    }
}

/// Whether the event happened, as of the source reporting it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Held,
    Planned,
    Cancelled,
    Postponed,
    Unknown,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Held => "held",
            Status::Planned => "planned",
            Status::Cancelled => "cancelled",
            Status::Postponed => "postponed",
            Status::Unknown => "unknown",
        }
    }
}

/// One report of an event in one sentence of one document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventMention {
    /// Id of the document.
    pub document: String,
    pub kind: EventKind,
    pub status: Status,
    /// True when the status comes from words of the text, not only from the date.
    pub status_explicit: bool,
    pub participants: Vec<Person>,
    /// Countries or organizations taking part as such ("Russian and American diplomats", "NATO").
    pub parties: Vec<String>,
    pub place: Option<Place>,
    pub date: Option<PartialDate>,
    /// Last day of a multi-day event.
    pub end: Option<PartialDate>,
    /// The sentence that reports it.
    pub sentence: Span,
    /// The word that names the event.
    pub trigger: Span,
    /// The time expression the date came from, when it is in this sentence.
    pub date_span: Option<Span>,
    /// A calendar expression that could not be anchored, kept for review.
    pub unresolved_date: Option<String>,
    /// The start of a war: merged by the countries involved, whatever the dates say.
    pub onset: bool,
    /// Index (within the same document's mentions) of the event this one refers back to.
    pub antecedent: Option<usize>,
    /// Which round of a series ("the second round of talks"): rounds are separate events.
    pub round: Option<u32>,
}

/// Everything the earlier stages found in one document.
pub struct Analysis<'a> {
    pub doc: &'a Document,
    pub sentences: &'a [Sentence],
    pub timexes: &'a [Timex],
    pub entities: &'a [EntityMention],
}

/// A trigger found in the text.
struct Hit {
    span: Span,
    kind: EventKind,
    form: Form,
}

fn find_triggers(text: &str) -> Vec<Hit> {
    TRIGGERS
        .automaton
        .find_iter(text)
        .filter(|m| whole_word(text, m.start(), m.end()))
        .filter_map(|m| {
            let t = TRIGGERS.entries.get(m.pattern().as_usize())?;
            let span = Span::new(text, m.start(), m.end())?;
            // "call for", "calls on", "called to": appeals, not phone calls.
            if t.kind == EventKind::Call && t.phrase.starts_with("call") {
                let next = next_word(text, m.end());
                if matches!(next.as_str(), "for" | "on" | "to" | "upon") {
                    return None;
                }
            }
            Some(Hit { span, kind: t.kind, form: t.form })
        })
        .collect()
}

fn next_word(text: &str, pos: usize) -> String {
    text[pos..].trim_start().split(|c: char| !c.is_alphanumeric() && c != '\'').next().unwrap_or("").to_ascii_lowercase()
}

/// The words just before `pos`, lowercased, at most `n` of them, nearest last.
fn words_before(text: &str, pos: usize, n: usize) -> Vec<String> {
    let mut words: Vec<String> = text[..pos]
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
        .filter(|w| !w.is_empty())
        .rev()
        .take(n)
        .map(|w| w.to_lowercase())
        .collect();
    words.reverse();
    words
}

const DETERMINERS: &[&str] = &["the", "this", "that", "these", "those", "their", "its", "his", "her", "our", "friday's", "thursday's"];

/// Split a sentence into clauses at semicolons, dashes, "while", "but", "although" and
/// after a fronted subordinate phrase ("While X, Y" / "Speaking after X, Y").
fn clauses(text: &str, sentence: Span) -> Vec<Span> {
    let s = sentence.slice(text);
    let base = sentence.start();
    let lower = s.to_ascii_lowercase();
    let mut cuts: Vec<usize> = Vec::new();
    for sep in ["; ", " \u{2014} ", " \u{2013} ", " -- "] {
        cuts.extend(lower.match_indices(sep).map(|(i, _)| i));
    }
    for word in [" while ", " whereas ", " but ", " although ", " though ", " even as "] {
        cuts.extend(lower.match_indices(word).map(|(i, _)| i));
    }
    let fronted = ["while ", "although ", "though ", "speaking ", "following ", "after ", "before ", "despite ", "as "];
    if fronted.iter().any(|f| lower.starts_with(f)) {
        if let Some(i) = lower.find(", ") {
            cuts.push(i + 1);
        }
    }
    cuts.retain(|&c| c > 0 && c < s.len() && s.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::new();
    let mut start = 0;
    for c in cuts.into_iter().chain(std::iter::once(s.len())) {
        if let Some(span) = Span::new(text, base + start, base + c) {
            if !span.slice(text).trim().is_empty() {
                out.push(span);
            }
        }
        start = c;
    }
    out
}

fn cues_in(text: &str, span: Span) -> Vec<(Span, Cue)> {
    let s = span.slice(text);
    CUES.automaton
        .find_iter(s)
        .filter(|m| whole_word(s, m.start(), m.end()))
        .filter_map(|m| {
            let cue = *CUES.entries.get(m.pattern().as_usize())?;
            Some((Span::new(text, span.start() + m.start(), span.start() + m.end())?, cue))
        })
        .collect()
}

fn distance(a: Span, b: Span) -> usize {
    if a.end() <= b.start() {
        b.start() - a.end()
    } else if b.end() <= a.start() {
        a.start() - b.end()
    } else {
        0
    }
}

/// Index of the trigger nearest to `span`; ties go to the trigger before it.
fn nearest(hits: &[&Hit], span: Span) -> Option<usize> {
    hits.iter()
        .enumerate()
        .min_by_key(|(_, h)| (distance(h.span, span), h.span.start() > span.start()))
        .map(|(i, _)| i)
}

fn country_of(entity: &Entity) -> Option<&str> {
    match entity {
        Entity::Person(p) => p.country.as_deref(),
        Entity::Nationality(c) => Some(c.as_str()),
        Entity::Organization(o) => o.country.as_deref().or(Some(o.name.as_str())),
        Entity::Place(_) => None,
    }
}

/// A place is where an event happened when it follows "in", "at", "to" or "from",
/// or is a city or venue; a bare country is more often an actor ("Russia said").
fn is_location(text: &str, m: &EntityMention, place: &Place) -> bool {
    if matches!(place.kind, PlaceKind::City | PlaceKind::Venue) {
        return true;
    }
    let before = words_before(text, m.span.start(), 2);
    before.iter().any(|w| matches!(w.as_str(), "in" | "at" | "to" | "from" | "inside" | "near" | "southern" | "northern" | "eastern" | "western" | "central"))
}

/// Extract the event mentions of one document.
pub fn extract(analysis: &Analysis<'_>) -> Vec<EventMention> {
    let text = analysis.doc.text.as_str();
    let hits = find_triggers(text);
    let mut out: Vec<EventMention> = Vec::new();
    let mut keep: Vec<bool> = Vec::new();
    for sentence in analysis.sentences {
        for clause in clauses(text, sentence.span) {
            let clause_hits: Vec<&Hit> = hits.iter().filter(|h| clause.contains(h.span)).collect();
            if clause_hits.is_empty() {
                continue;
            }
            extract_clause(analysis, sentence.span, clause, &clause_hits, &mut out, &mut keep);
        }
    }
    resolve_weekdays(analysis, &mut out);
    retain_kept(out, &keep)
}

/// Phrases that set one event inside another: "met on the sidelines of the summit in X".
const INSIDE: &[&str] = &["sidelines of", "sideline of", "fringes of", "fringe of", "margins of", "margin of", "during the", "at the"];

/// An event held on the sidelines of another takes its place, and lends it its date.
fn share_setting(text: &str, clause_start: usize, first: usize, out: &mut [EventMention]) {
    for i in first..out.len() {
        for j in (i + 1)..out.len() {
            let (a, b) = (out[i].trigger, out[j].trigger);
            if a.start() < clause_start || a.end() > b.start() {
                continue;
            }
            let between = text.get(a.end()..b.start()).unwrap_or("").to_ascii_lowercase();
            if between.len() > 80 || !INSIDE.iter().any(|p| between.contains(p)) {
                continue;
            }
            if out[i].place.is_none() {
                out[i].place = out[j].place.clone();
            }
            if out[j].date.is_none() {
                out[j].date = out[i].date;
            }
        }
    }
}

fn extract_clause(
    a: &Analysis<'_>,
    sentence: Span,
    clause: Span,
    hits: &[&Hit],
    out: &mut Vec<EventMention>,
    keep: &mut Vec<bool>,
) {
    let text = a.doc.text.as_str();
    let cues = cues_in(text, clause);
    let dct = a.doc.published;

    // Dates and places go to the nearest trigger; people and parties to all of them.
    let mut dates: Vec<Vec<&Timex>> = vec![Vec::new(); hits.len()];
    let mut unresolved: Vec<Option<&Timex>> = vec![None; hits.len()];
    for t in a.timexes.iter().filter(|t| clause.contains(t.span) && t.kind == TimexType::Date) {
        let Some(i) = nearest(hits, t.span) else { continue };
        if t.anchor.is_some() {
            dates[i].push(t);
        } else if t.unresolved {
            unresolved[i] = Some(t);
        }
    }
    let mut places: Vec<Vec<&Place>> = vec![Vec::new(); hits.len()];
    let mut participants: Vec<Person> = Vec::new();
    let mut parties: Vec<String> = Vec::new();
    for m in a.entities.iter().filter(|m| clause.contains(m.span)) {
        match &m.entity {
            Entity::Place(p) if is_location(text, m, p) => {
                if let Some(i) = nearest(hits, m.span) {
                    places[i].push(p);
                }
            }
            Entity::Person(p) => {
                if !participants.iter().any(|q| q.name == p.name) {
                    participants.push(p.clone());
                }
            }
            _ => {}
        }
        if let Some(c) = country_of(&m.entity) {
            if !parties.iter().any(|p| p == c) {
                parties.push(c.to_string());
            }
        }
    }

    let first = out.len();
    for (i, hit) in hits.iter().enumerate() {
        let before = words_before(text, hit.span.start(), 3);
        let definite = hit.form == Form::Noun
            && before.iter().rev().take(2).any(|w| DETERMINERS.contains(&w.as_str()) || w.ends_with("'s"));
        let date = dates[i].iter().min_by_key(|t| distance(t.span, hit.span)).copied();

        // A general reference ("restart peace talks") names no event, unless a date pins it.
        let generic = hit.form == Form::Noun
            && date.is_none()
            && cues.iter().any(|(s, c)| *c == Cue::Generic && s.end() <= hit.span.start() && hit.span.start() - s.end() <= 12);
        if generic {
            continue;
        }
        // Cue words govern verbs and indefinite nouns; a definite noun names a real event.
        let applies = |s: &Span| hit.form != Form::Noun || !definite || distance(*s, hit.span) < 3;
        let has = |cue: Cue| cues.iter().any(|(s, c)| *c == cue && applies(s) && !hit.span.overlaps(*s));
        let cancelled = has(Cue::Cancelled);
        let postponed = has(Cue::Postponed);
        if !cancelled && !postponed && hit.form != Form::Onset && (has(Cue::Hypothetical) || has(Cue::Negated)) {
            continue;
        }
        let mut status_explicit = true;
        let status = if cancelled {
            Status::Cancelled
        } else if postponed {
            Status::Postponed
        } else if has(Cue::Planned) {
            Status::Planned
        } else if has(Cue::Held) || (hit.form == Form::Verb && is_past_verb(hit.span.slice(text))) || hit.form == Form::Onset {
            Status::Held
        } else {
            status_explicit = false;
            match (date.and_then(|t| t.anchor), dct) {
                (Some(d), Some(p)) if d.last() < p => Status::Held,
                (Some(d), Some(p)) if d.first() > p => Status::Planned,
                _ => Status::Unknown,
            }
        };
        let place = best_place(&places[i]);
        let mention = EventMention {
            document: a.doc.id.clone(),
            kind: hit.kind,
            status,
            status_explicit,
            participants: participants.clone(),
            parties: parties.clone(),
            place,
            date: date.and_then(|t| t.anchor),
            end: date.and_then(|t| t.end),
            sentence,
            trigger: hit.span,
            date_span: date.map(|t| t.span),
            unresolved_date: unresolved[i].map(|t| t.span.slice(text).to_string()),
            onset: hit.form == Form::Onset,
            antecedent: None,
            round: round_of(text, clause, hit.span),
        };
        push_mention(mention, definite, out, keep);
    }
    share_setting(text, clause.start(), first, out);
    // An anaphor that learned its place from its setting passes it back to its antecedent.
    for k in first..out.len() {
        if let Some(i) = out[k].antecedent {
            let mut m = out[k].clone();
            share(out, i, &mut m);
            out[k] = m;
        }
    }
}

/// Record a mention, linking a definite reference to the event named before it, and
/// noting whether it says enough to be a real event on its own. Mentions too vague to
/// keep still tell [`resolve_weekdays`] how the document presents an event.
fn push_mention(mut m: EventMention, definite: bool, out: &mut Vec<EventMention>, keep: &mut Vec<bool>) {
    let specific = m.date.is_some() || m.place.is_some() || m.unresolved_date.is_some();
    let actors = definite
        || !m.participants.is_empty()
        || !m.parties.is_empty()
        || m.date.is_some_and(|d| d.precision() == Precision::Day);
    let enough = m.onset && !m.parties.is_empty() || specific && actors;
    if definite && !m.onset {
        let antecedent = out
            .iter()
            .enumerate()
            .rev()
            .find(|(_, prev)| prev.kind.family() == m.kind.family() && !prev.onset && compatible(prev, &m))
            .map(|(i, _)| i);
        if let Some(i) = antecedent {
            m.antecedent = Some(i);
            share(out, i, &mut m);
            out.push(m);
            keep.push(enough || keep.get(i).copied().unwrap_or(false));
            return;
        }
    }
    keep.push(enough);
    out.push(m);
}

/// Drop the mentions not kept, renumbering antecedent links (a link to a dropped
/// mention is cut).
fn retain_kept(all: Vec<EventMention>, keep: &[bool]) -> Vec<EventMention> {
    let mut new_index = vec![None; all.len()];
    let mut out = Vec::new();
    for (i, mut m) in all.into_iter().enumerate() {
        if keep.get(i).copied().unwrap_or(false) {
            m.antecedent = m.antecedent.and_then(|a| new_index.get(a).copied().flatten());
            new_index[i] = Some(out.len());
            out.push(m);
        }
    }
    out
}

/// Whether two mentions in one document can be the same event.
fn compatible(a: &EventMention, b: &EventMention) -> bool {
    let dates = match (a.date, b.date) {
        (Some(x), Some(y)) => x.compatible(&y),
        _ => true,
    };
    let places = match (&a.place, &b.place) {
        (Some(x), Some(y)) => places_compatible(x, y),
        _ => true,
    };
    dates && places
}

pub(crate) fn places_compatible(x: &Place, y: &Place) -> bool {
    if x.name == y.name {
        return true;
    }
    match (&x.city, &y.city) {
        (Some(a), Some(b)) => a == b,
        _ => x.country.is_some() && x.country == y.country,
    }
}

/// Fill in what an anaphoric mention and its antecedent each lack from the other.
fn share(out: &mut [EventMention], i: usize, m: &mut EventMention) {
    let Some(prev) = out.get_mut(i) else { return };
    match (&prev.place, &m.place) {
        (None, Some(p)) => prev.place = Some(p.clone()),
        (Some(p), None) => m.place = Some(p.clone()),
        (Some(p), Some(q)) if p.kind == PlaceKind::Country && q.kind != PlaceKind::Country => prev.place = Some(q.clone()),
        _ => {}
    }
    if prev.date.is_none() && m.date.is_some() {
        prev.date = m.date;
        prev.end = m.end;
    }
    for p in &m.participants {
        if !prev.participants.iter().any(|q| q.name == p.name) {
            prev.participants.push(p.clone());
        }
    }
    if m.participants.is_empty() {
        m.participants = prev.participants.clone();
    }
    if m.date.is_none() {
        m.date = prev.date;
        m.end = prev.end;
    }
}

fn best_place(places: &[&Place]) -> Option<Place> {
    let rank = |p: &Place| match p.kind {
        PlaceKind::Venue => 0,
        PlaceKind::City => 1,
        PlaceKind::Region => 2,
        PlaceKind::Country => 3,
    };
    let best = places.iter().min_by_key(|p| rank(p))?;
    let mut place = (*best).clone();
    // "Kuala Lumpur, Malaysia": a city's country from the country named beside it.
    if place.country.is_none() {
        place.country = places.iter().find(|p| p.kind == PlaceKind::Country).and_then(|p| p.country.clone());
    }
    Some(place)
}

const ORDINALS: &[(&str, u32)] = &[
    ("first", 1), ("1st", 1), ("second", 2), ("2nd", 2), ("third", 3), ("3rd", 3), ("fourth", 4), ("4th", 4),
    ("fifth", 5), ("5th", 5), ("sixth", 6), ("6th", 6), ("seventh", 7), ("7th", 7), ("eighth", 8), ("8th", 8),
    ("ninth", 9), ("9th", 9), ("tenth", 10), ("10th", 10),
];

/// The round number of a trigger: "the second round of talks", "a third round of
/// negotiations", "round two"; only within the few words before the trigger.
fn round_of(text: &str, clause: Span, trigger: Span) -> Option<u32> {
    let from = clause.start().max(trigger.start().saturating_sub(40));
    let window = text.get(from..trigger.end())?.to_ascii_lowercase();
    let words: Vec<&str> = window.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let r = words.iter().position(|w| *w == "round")?;
    let before = r.checked_sub(1).and_then(|i| words.get(i)).copied();
    ORDINALS.iter().find(|(o, _)| Some(*o) == before).map(|(_, n)| *n)
}

fn is_past_verb(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    w.ends_with("ed") || matches!(w.as_str(), "met" | "spoke" | "held talks" | "sat down")
}

/// Re-read bare weekdays by the status their event has in the document.
fn resolve_weekdays(a: &Analysis<'_>, out: &mut [EventMention]) {
    let Some(dct) = a.doc.published else { return };
    let text = a.doc.text.as_str();
    for i in 0..out.len() {
        let Some(span) = out[i].date_span else { continue };
        let Some(date) = out[i].date.and_then(|d| d.as_day()) else { continue };
        if !is_bare_weekday(span.slice(text)) {
            continue;
        }
        let planned = out.iter().enumerate().any(|(j, o)| {
            (j == i || same_in_document(o, &out[i])) && o.status_explicit && o.status == Status::Planned
        });
        let held = out.iter().enumerate().any(|(j, o)| {
            (j == i || same_in_document(o, &out[i])) && o.status_explicit && o.status == Status::Held
        });
        let shifted = if planned && !held && date < dct {
            date + Duration::days(7)
        } else if held && !planned && date > dct {
            date - Duration::days(7)
        } else {
            continue;
        };
        debug_assert_eq!(shifted.weekday(), date.weekday());
        let m = &mut out[i];
        m.date = Some(PartialDate::day(shifted));
        if !m.status_explicit {
            m.status = if shifted < dct { Status::Held } else if shifted > dct { Status::Planned } else { m.status };
        }
    }
}

/// Two mentions of one document that name the same event: linked by anaphora, or
/// of one kind family at the same place.
fn same_in_document(a: &EventMention, b: &EventMention) -> bool {
    if a.kind.family() != b.kind.family() {
        return false;
    }
    matches!((&a.place, &b.place), (Some(x), Some(y)) if places_compatible(x, y))
}

fn is_bare_weekday(s: &str) -> bool {
    let w = s.trim().to_ascii_lowercase();
    let w = w.strip_prefix("on ").unwrap_or(&w);
    matches!(w, "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday")
}

#[cfg(test)]
mod tests;
