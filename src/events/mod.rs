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

mod kinds;
mod lexicon;
mod places;
mod schedule;
mod visits;

use crate::dates::{PartialDate, Precision, Timex, TimexType};
use crate::entities::{Entity, EntityMention, GroupMention, Person, Place, PlaceKind};
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
    /// Which status wins when one source says two things of an event: a
    /// cancellation over a postponement over a report over a plan.
    pub fn weight(self) -> u8 {
        match self {
            Status::Cancelled => 4,
            Status::Postponed => 3,
            Status::Held => 2,
            Status::Planned => 1,
            Status::Unknown => 0,
        }
    }

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
    /// Groups of people ("European leaders", "the Russian delegation").
    pub groups: &'a [GroupMention],
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
                // "called his Indian counterpart", "called Putin": a phone call; "called
                // the memorandum blackmail", "called the talks useful": a verdict.
                if t.phrase == "called" && !called_someone(text, m.end()) {
                    return None;
                }
            }
            // "the round" of talks, but not "a round of sanctions" (the rounds of talks
            // and negotiations are phrases of their own), "year-round" or "a round trip".
            // "X, who was in the Emirates on Monday": a stop told in passing.
            if matches!(t.phrase.as_str(), "was in" | "were in") && !visits::stay_of_someone(text, m.start(), m.end()) {
                return None;
            }
            if matches!(t.phrase.as_str(), "arrived" | "arrives") && !visits::arrival_of_someone(text, m.start()) {
                return None;
            }
            if t.phrase.starts_with("tour") && !visits::tour_is_trip(text, m.start(), m.end()) {
                return None;
            }
            if matches!(t.phrase.as_str(), "round" | "rounds") {
                let next = next_word(text, m.end());
                let prev = words_before(text, m.start(), 1).pop().unwrap_or_default();
                let hyphen = text[m.end()..].starts_with('-') || text[..m.start()].ends_with('-');
                if hyphen || matches!(next.as_str(), "of" | "table" | "trip" | "trips") || matches!(prev.as_str(), "all" | "turned" | "turn" | "came") {
                    return None;
                }
            }
            // "agreed to meet" is a plan, "an agreed line" an adjective, "agreed with
            // him" an opinion: only an agreement reached is one.
            if matches!(t.phrase.as_str(), "agree" | "agreed" | "agrees") && !kinds::agreement_verb(text, m.start(), m.end()) {
                return None;
            }
            // "a sign of", "sign up": not a signing; "to telephone Putin" is a call,
            // "a telephone line" is not.
            if matches!(t.phrase.as_str(), "sign" | "signs") && !kinds::signing_verb(text, m.start(), m.end()) {
                return None;
            }
            if t.phrase == "telephone" && !called_someone(text, m.end()) {
                return None;
            }
            // "had spoken to Trump by phone", "talked with Modi over the phone": a call
            // when a verb of talking comes a few words before, with someone to talk
            // to; "told reporters by phone" and "reached by phone" are interviews.
            if matches!(t.phrase.as_str(), "by phone" | "by telephone" | "over the phone") && !talked_by_phone(text, m.start()) {
                return None;
            }
            // "the conversation between X and Y": a call; "a conversation about" is not.
            if t.phrase == "conversation" && !matches!(next_word(text, m.end()).as_str(), "between" | "with") {
                return None;
            }
            // "The summit, hosted by Putin": the participle describes the event named
            // before it; it is not another one.
            // "the two ministers were received by Trump": a passive, which is a meeting.
            if matches!(t.phrase.as_str(), "hosted" | "welcomed" | "received") && next_word(text, m.end()) == "by" && !kinds::passive(text, m.start()) {
                return None;
            }
            // "is expected to speak with Zelensky", "will speak to Erdogan": a call
            // planned; "speak to" elsewhere is mostly speech ("rose to speak to the
            // assembly"), so only after a word that looks ahead.
            if t.phrase.starts_with("speak ") {
                let prev = words_before(text, m.start(), 2);
                let ahead = match prev.as_slice() {
                    [.., w, to] if to == "to" => matches!(w.as_str(), "expected" | "set" | "due" | "plans" | "planned" | "scheduled" | "going" | "intends"),
                    [.., w] => matches!(w.as_str(), "will" | "would" | "shall"),
                    _ => false,
                };
                let addressed = next_word(text, m.end());
                let assembly = matches!(addressed.as_str(), "parliament" | "congress" | "senate" | "lawmakers" | "reporters" | "journalists");
                if !ahead || assembly || !called_someone(text, m.end()) {
                    return None;
                }
            }
            // "spoke with reporters", "spoke to the press": not a call.
            if t.phrase.starts_with("spoke") {
                let next = next_word(text, m.end());
                if matches!(next.as_str(), "reporters" | "journalists" | "the" | "a" | "an" | "state" | "media") {
                    return None;
                }
            }
            Some(Hit { span, kind: t.kind, form: t.form })
        })
        .collect()
}

/// Whether the words after "called" name a person called up: a capitalized name, or
/// "his/her/their counterpart(s)".
fn called_someone(text: &str, pos: usize) -> bool {
    let rest = text[pos..].trim_start();
    let mut words = rest.split_whitespace();
    let first = words.next().unwrap_or("");
    let second = words.next().unwrap_or("").to_ascii_lowercase();
    let named = first.chars().next().is_some_and(char::is_uppercase) && !matches!(first, "The" | "A" | "It" | "This");
    let counterpart = matches!(first, "his" | "her" | "their") && (second.starts_with("counterpart") || words.next().is_some_and(|w| w.to_ascii_lowercase().starts_with("counterpart")));
    named || counterpart
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

const DETERMINERS: &[&str] = &["the", "this", "these", "those", "their", "its", "his", "her", "our", "friday's", "thursday's"];

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
    if fronted.iter().any(|f| lower.starts_with(f))
        && let Some(i) = lower.find(", ") {
            cuts.push(i + 1);
        }
    cuts.retain(|&c| c > 0 && c < s.len() && s.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::new();
    let mut start = 0;
    for c in cuts.into_iter().chain(std::iter::once(s.len())) {
        if let Some(span) = Span::new(text, base + start, base + c)
            && !span.slice(text).trim().is_empty() {
                out.push(span);
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

/// The trigger a date belongs to: the nearest, except that a verb coordinated after
/// the date ("met in Istanbul on Wednesday and agreed on another exchange") starts a
/// clause of its own, so the date stays with the verb before it when there is one.
fn nearest_for_date(text: &str, hits: &[&Hit], date: Span) -> Option<usize> {
    let has_before = hits.iter().any(|h| h.span.end() <= date.start());
    hits.iter()
        .enumerate()
        .min_by_key(|(_, h)| {
            let coordinated = has_before
                && h.span.start() >= date.end()
                && text.get(date.end()..h.span.start()).is_some_and(|between| between.contains(" and "));
            (distance(h.span, date) + if coordinated { 60 } else { 0 }, h.span.start() > date.start())
        })
        .map(|(i, _)| i)
}

/// The call a dated verb of saying reports in the past simple: "said on Friday (that)
/// he had a call with", "told reporters on Monday they spoke by phone". Only when the
/// words between hold no modal, future or perfect: "said on Friday he would call" and
/// "said on Friday they had spoken twice last week" are not that day's calls.
fn reported_call(text: &str, date: Span, hits: &[&Hit]) -> Option<usize> {
    let (k, call) = hits.iter().enumerate().find(|(_, h)| h.span.start() >= date.end())?;
    if call.kind != EventKind::Call {
        return None;
    }
    let between = text.get(date.end()..call.span.start())?.to_ascii_lowercase();
    if between.len() > 80 || between.contains(['.', ';']) {
        return None;
    }
    let words: Vec<&str> = between.split(|c: char| !c.is_alphanumeric() && c != '\'').filter(|w| !w.is_empty()).collect();
    let blocked = words.iter().any(|w| matches!(*w, "will" | "would" | "could" | "might" | "may" | "to" | "plans" | "planned" | "expects" | "hopes" | "wants" | "if" | "when" | "been" | "next"));
    // "had" counts as the past simple only with an article after it ("had a call").
    let perfect = words.windows(2).any(|w| w[0] == "had" && !matches!(w[1], "a" | "an" | "the" | "his" | "her" | "their" | "what"));
    (!blocked && !perfect).then_some(k)
}

/// Whether "by phone" at `pos` ends a verb of talking to someone: "spoke to X by
/// phone", "speak by phone", "talked with X over the phone".
fn talked_by_phone(text: &str, pos: usize) -> bool {
    let before = words_before(text, pos, 6);
    let Some(verb) = before.iter().rposition(|w| matches!(w.as_str(), "spoke" | "spoken" | "speak" | "speaks" | "speaking" | "talked" | "talk" | "talks" | "conferred" | "chatted")) else {
        return false;
    };
    // Either nothing after the verb ("the leaders spoke by phone") or someone talked to.
    let rest = &before[verb + 1..];
    let press = rest.iter().any(|w| matches!(w.as_str(), "reporters" | "journalists" | "press" | "media" | "radio" | "television"));
    !press && (rest.is_empty() || matches!(rest.first().map(String::as_str), Some("to" | "with" | "again" | "twice" | "briefly")))
}

/// Index of the trigger nearest to `span`; ties go to the trigger before it.
fn nearest(hits: &[&Hit], span: Span) -> Option<usize> {
    hits.iter()
        .enumerate()
        .min_by_key(|(_, h)| (distance(h.span, span), h.span.start() > span.start()))
        .map(|(i, _)| i)
}

/// The role given to a group taking part as such ("European leaders").
pub const GROUP_ROLE: &str = "group";

/// Verbs of saying: a date right after one dates the saying, not the event said.
const SPEECH_VERBS: &[&str] = &[
    "said", "says", "told", "tells", "announced", "announces", "added", "stated", "wrote", "posted", "confirmed",
    "disclosed", "revealed", "tweeted", "noted", "insisted", "warned", "claimed", "reported",
];

/// How far (in bytes) a person other than the clause's subject may stand from the
/// trigger to count as taking part.
const PERSON_WINDOW: usize = 90;

/// Words before a name that make the person an object, not a participant:
/// "pressure on Putin", "criticized Biden".
const NOT_PARTICIPANT_BEFORE: &[&str] = &[
    "of", "on", "against", "accused", "criticized", "criticised", "blamed", "condemned", "about", "urged", "praised", "thanked",
];

/// The first lowercase word before `pos`, skipping a title in owned_places before a
/// name ("the offices of President X" gives "of"; "Secretary of State X" gives the
/// word before "Secretary").
fn governing_word(text: &str, pos: usize) -> Option<String> {
    // Within the sentence: "... on Wednesday. Biden and Xi spoke" is not "on Biden",
    // nor is a name that opens a paragraph governed by the end of the one before.
    let head = text.get(..pos)?;
    let bytes = head.as_bytes();
    let cut = (0..bytes.len()).rev().find(|&k| {
        bytes[k] == b'\n' || matches!(bytes[k], b'.' | b'!' | b'?') && bytes.get(k + 1).is_some_and(|c| c.is_ascii_whitespace())
    });
    let head = cut.and_then(|k| head.get(k + 1..)).unwrap_or(head);
    let words: Vec<&str> = head
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-' && c != '.')
        .filter(|w| !w.is_empty())
        .rev()
        .take(8)
        .collect();
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        if capital(w) {
            i += 1;
        } else if w == "of" && words.get(i + 1).is_some_and(|n| capital(n)) && i > 0 {
            i += 2;
        } else {
            return Some(w.to_lowercase());
        }
    }
    None
}

/// How far (in bytes) a place may stand from the trigger it locates.
const PLACE_WINDOW: usize = 70;

/// Nouns that, standing between a trigger and a place, take the place for
/// themselves: "talks to end the war in Ukraine", "missions in Washington".
const PLACE_BLOCKERS: &[&str] = &[
    "war", "conflict", "crisis", "fighting", "invasion", "attack", "attacks", "strikes", "offensive", "aggression",
    "territory", "border", "missions", "embassy", "embassies", "consulates", "region", "troops", "forces", "people",
    "settlement", "situation", "economy", "sanctions", "refugees", "ceasefire", "relations", "ties",
];

fn country_of(entity: &Entity) -> Option<&str> {
    match entity {
        Entity::Person(p) => p.country.as_deref(),
        Entity::Nationality(c) => Some(c.as_str()),
        Entity::Organization(o) => o.country.as_deref().or(Some(o.name.as_str())),
        Entity::Place(_) => None,
    }
}

/// Nouns that name a place by "of": "the city of X".
const PLACE_NOUNS: &[&str] = &["city", "capital", "town", "port", "resort", "village", "island", "province", "region"];

/// Places that, before an event word, name its topic (`data/events/topic_places.tsv`).
static TOPIC_PLACES: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
    include_str!("../../data/events/topic_places.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split('\t').next())
        .map(str::to_lowercase)
        .collect()
});

fn is_topic_place(name: &str) -> bool {
    TOPIC_PLACES.iter().any(|t| t == &name.to_lowercase())
}

/// Verbs whose object is the place visited: "to visit North Korea".
const VISIT_VERBS: &[&str] = &["visit", "visits", "visited", "visiting", "tour", "toured", "touring", "reached", "arrive", "arrived", "returned"];

/// Prepositions that put an event at a place.
const LOCATIVES: &[&str] = &["in", "at", "inside", "near", "outside"];

/// Words after which "to" marks a destination ("a trip to Beijing"), not an
/// addressee ("a message to Washington").
const MOTION: &[&str] = &[
    "trip", "trips", "visit", "visits", "travel", "travelled", "traveled", "travels", "travelling", "traveling", "flew", "fly",
    "flies", "went", "go", "goes", "going", "headed", "head", "heads", "heading", "arrived", "delegation", "delegations",
    "return", "returned", "returning", "journey", "mission", "came", "come", "comes", "coming", "invited", "invitation",
    "moved", "relocated", "back",
];

/// Whether a place names where an event happens, rather than an actor ("Moscow
/// asserted", "Russia said") or a topic ("the situation in Ukraine").
///
/// A place is a location when a locative preposition stands before it ("in
/// Riyadh", "at the Kremlin", "in southern Turkey"), unless the word before that
/// preposition is a noun that owns it ("the war in Ukraine"); or when it directly
/// names the event ("the Istanbul talks"; only cities and venues, since "Ukraine
/// peace talks" names a party); or when it is the country of a city just named
/// ("Kuala Lumpur, Malaysia").
fn is_location(text: &str, m: &EntityMention, place: &Place, hits: &[&Hit], previous: Option<&EntityMention>) -> bool {
    let before = words_before(text, m.span.start(), 10);
    let mut i = before.len();
    // Skip "the" and direction words: "at the Kremlin", "in southern Turkey".
    loop {
        if i > 0 && matches!(before[i - 1].as_str(), "the" | "southern" | "northern" | "eastern" | "western" | "central") {
            i -= 1;
        } else if i > 1 && before[i - 1] == "of" && PLACE_NOUNS.contains(&before[i - 2].as_str()) {
            // "in the port city of Tianjin", "the Saudi capital of Riyadh"
            i -= 2;
            // "in the Egyptian Red Sea resort of Sharm el-Sheikh": a few modifiers back.
            while i > 0 && !LOCATIVES.contains(&before[i - 1].as_str()) && before.len() - i < 7 {
                i -= 1;
            }
        } else {
            break;
        }
    }
    if i > 1 && before[i - 1] == "to" && MOTION.contains(&before[i - 2].as_str()) {
        return true;
    }
    if places::visit_destination(text, m.span, hits) || i > 2 && before[i - 1] == "to" && places::motion_adverb(&before[i - 2]) && MOTION.contains(&before[i - 3].as_str()) {
        return true;
    }
    // "the venue might not be Oman", "not in Geneva": a place denied.
    let n = before.len();
    if before.last().is_some_and(|w| w == "not") || n >= 2 && before[n - 2] == "not" && matches!(before[n - 1].as_str(), "be" | "in" | "at") {
        return false;
    }
    let after = &text[m.span.end()..];
    // "at Washington's request", "in Russia's war": a possessive names an owner.
    if after.starts_with("'s") || after.starts_with("\u{2019}s") {
        return false;
    }
    // "the U.S.-Russia talks": a country in a compound names a party.
    let mut rest = after.chars();
    if matches!(rest.next(), Some('-' | '\u{2013}')) && rest.next().is_some_and(char::is_alphabetic) {
        return false;
    }
    let modifier = hits.iter().any(|h| h.span.start() >= m.span.end() && after[..h.span.start() - m.span.end()].trim().is_empty());
    if modifier {
        // "the Istanbul talks" says where; "Ukraine peace talks" says who; "the Gaza
        // ceasefire talks" says what about.
        return matches!(place.kind, PlaceKind::City | PlaceKind::Venue) && !is_topic_place(m.span.slice(text));
    }
    if i > 0 && VISIT_VERBS.contains(&before[i - 1].as_str()) {
        return true;
    }
    if i > 0 && LOCATIVES.contains(&before[i - 1].as_str()) {
        let owner = i.checked_sub(2).and_then(|k| before.get(k));
        return !owner.is_some_and(|w| PLACE_BLOCKERS.contains(&w.as_str()) || w == "peace");
    }
    if place.kind == PlaceKind::Country
        && let Some(prev) = previous {
            let gap = text.get(prev.span.end()..m.span.start()).unwrap_or("x");
            let city_before = matches!(&prev.entity, Entity::Place(p) if p.kind == PlaceKind::City);
            return city_before && gap.trim() == ",";
        }
    false
}

/// Extract the event mentions of one document.
pub fn extract(analysis: &Analysis<'_>) -> Vec<EventMention> {
    let text = analysis.doc.text.as_str();
    let mut hits = find_triggers(text);
    let releases: Vec<Hit> = kinds::release_hits(text).into_iter().filter(|r| !hits.iter().any(|h| h.span.contains(r.span) || r.span.contains(h.span))).collect();
    hits.extend(releases);
    hits.sort_by_key(|h| h.span.start());
    kinds::drop_agreed_objects(text, &mut hits);
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
    places::outcomes_after_talks(text, &mut out);
    places::meetings_within_gatherings(text, &mut out);
    resolve_weekdays(analysis, &mut out);
    kinds::relative_days(analysis, &mut out, &mut keep);
    kinds::signed_at_summit(&mut out, &mut keep);
    kinds::exchange_people(&mut out);
    kinds::agreed_terms(text, &mut out);
    kinds::summit_of_agreement(text, &mut out, &mut keep);
    kinds::outcomes_of_meetings(&mut out, &mut keep, text);
    backfill_participants(analysis, &mut out);
    visits::place_of_where(text, analysis.entities, &mut out, &mut keep);
    // The gathering a report is filed from is placed first, for the meetings on its
    // sidelines to take its place.
    place_from_dateline(analysis, &mut out, true);
    sidelines_of_the_summit(text, &mut out, &mut keep);
    visits_to_summits(&mut out);
    place_from_summit(&mut out);
    place_from_dateline(analysis, &mut out, false);
    // A summit placed by the dateline places what was adopted or held during it.
    place_from_summit(&mut out);
    places::split_coordinated_meetings(text, analysis.entities, &mut out, &mut keep);
    visits::city_of_country_visit(text, analysis.entities, &mut out);
    retain_kept(out, &keep)
}

/// "On the sidelines, Trump met Zelensky": a meeting on the sidelines of no gathering
/// named in its sentence is on those of the summit the article reports, and takes its
/// place, and its day when the summit has one.
fn sidelines_of_the_summit(text: &str, out: &mut [EventMention], keep: &mut [bool]) {
    for k in 0..out.len() {
        let m = &out[k];
        let in_person = matches!(m.kind, EventKind::Meeting | EventKind::Talks);
        if !in_person || m.antecedent.is_some() || m.place.is_some() && m.date.is_some() {
            continue;
        }
        let sentence = m.sentence.slice(text).to_ascii_lowercase();
        let bare = ["on the sidelines", "on the margins", "on the fringes"].iter().any(|p| sentence.contains(p) && !sentence.contains(&format!("{p} of")));
        if !bare {
            continue;
        }
        let summit = out
            .iter()
            .enumerate()
            .filter(|(j, s)| *j != k && matches!(s.kind, EventKind::Summit | EventKind::Conference) && keep.get(*j).copied().unwrap_or(false))
            // The summit being reported, not the next one announced in passing.
            .min_by_key(|(j, s)| (s.status == Status::Planned && s.status_explicit, *j > k, j.abs_diff(k)))
            .map(|(_, s)| (s.place.clone(), s.date, s.end));
        let Some((place, date, end)) = summit else { continue };
        let m = &mut out[k];
        if m.place.is_none() {
            m.place = place;
        }
        if m.date.is_none() && end.is_none() {
            m.date = date;
        }
        if (m.date.is_some() || m.place.is_some())
            && let Some(flag) = keep.get_mut(k) {
                *flag = *flag || !m.participants.is_empty();
            }
    }
}

/// "Trump opened his visit on Monday" in a report on a summit he attends: the visit is
/// his part in the summit, not a trip of its own. A visit with no place of its own (or
/// the summit's city) on a day of a summit the same article reports becomes a mention
/// of that summit.
fn visits_to_summits(out: &mut [EventMention]) {
    let summits: Vec<(usize, chrono::NaiveDate, chrono::NaiveDate, Option<Place>)> = out
        .iter()
        .enumerate()
        .filter(|(_, m)| matches!(m.kind, EventKind::Summit | EventKind::Conference))
        .filter_map(|(i, m)| {
            let d = m.date.filter(|d| d.precision() == Precision::Day)?;
            Some((i, d.first(), m.end.map_or(d.last(), |e| e.last()), m.place.clone()))
        })
        .collect();
    for (k, m) in out.iter_mut().enumerate().filter(|(_, m)| m.kind == EventKind::Visit && m.antecedent.is_none()) {
        let Some(day) = m.date.filter(|d| d.precision() == Precision::Day).map(|d| d.first()) else { continue };
        let summit = summits.iter().find(|(_, from, to, place)| {
            *from <= day && day <= *to
                && match (&m.place, place) {
                    (None, _) => true,
                    (Some(p), Some(q)) => p.kind != PlaceKind::Country && places_compatible(p, q),
                    (Some(_), None) => false,
                }
        });
        if let Some((i, ..)) = summit {
            m.kind = EventKind::Summit;
            // It tells the summit's day; its people are told apart from the summit's
            // (the visitor attends, the others named near the word are hosts or people
            // met there, whose meetings are events of their own).
            m.participants.clear();
            // Links point backwards (see `retain_kept`); a later summit mention is joined
            // by merging instead.
            m.antecedent = (*i < k).then_some(*i);
        }
    }
}

/// Meetings held while a summit is on, reported in the same article, are held where
/// the summit is: "Modi met Xi on Sunday" in a report on the SCO summit in Tianjin.
fn place_from_summit(out: &mut [EventMention]) {
    type Summit = (chrono::NaiveDate, chrono::NaiveDate, Place, Vec<Person>);
    let summits: Vec<Summit> = out
        .iter()
        .filter(|m| matches!(m.kind, EventKind::Summit | EventKind::Conference))
        .filter_map(|m| {
            let place = m.place.clone().filter(|p| p.kind != PlaceKind::Country)?;
            let d = m.date.filter(|d| d.precision() == Precision::Day)?;
            let last = m.end.map_or(d.last(), |e| e.last());
            Some((d.first() - Duration::days(1), last + Duration::days(1), place, m.participants.clone()))
        })
        .collect();
    for m in out.iter_mut() {
        let in_person = matches!(m.kind, EventKind::Meeting | EventKind::Talks);
        // A declaration or accord adopted while a summit is on is the summit's: its
        // place, and its people when the text names none of its own.
        let adopted = matches!(m.kind, EventKind::Statement | EventKind::Agreement);
        let Some(day) = m.date.filter(|d| d.precision() == Precision::Day).map(|d| d.first()) else { continue };
        // Placed only in a country, it may still be placed in the summit's city there.
        let country = m.place.as_ref().filter(|p| p.kind == PlaceKind::Country).and_then(|p| p.country.clone());
        if m.place.is_some() && country.is_none() || !(in_person || adopted) {
            continue;
        }
        let during: Vec<&Summit> = summits
            .iter()
            .filter(|(from, to, place, _)| *from <= day && day <= *to && (country.is_none() || place.country == country))
            .collect();
        // Several mentions of one summit agree on its place; two summits at once do not.
        let one_place = during.windows(2).all(|w| w[0].2.name == w[1].2.name);
        if let (Some((_, _, place, people)), true) = (during.first(), one_place) {
            m.place = Some(place.clone());
            if adopted && m.participants.iter().all(|p| p.role.as_deref() == Some(GROUP_ROLE)) && !people.is_empty() {
                m.participants = people.clone();
            }
        }
    }
}

/// An in-person event with no place of its own, reported within a few days of its
/// date, happened where the dateline puts the reporter: the usual shape of a report
/// filed from the venue; an event placed only in the dateline city's country is in
/// that city. With `gatherings_only`, only summits and conferences.
fn place_from_dateline(a: &Analysis<'_>, out: &mut [EventMention], gatherings_only: bool) {
    let (Some(city), Some(published)) = (places::report_city(&a.doc.text), a.doc.published) else { return };
    for m in out.iter_mut() {
        let gathering = matches!(m.kind, EventKind::Summit | EventKind::Conference);
        let in_person = gathering || !gatherings_only && matches!(m.kind, EventKind::Meeting | EventKind::Talks);
        let near = m.date.is_some_and(|d| (d.first() - published).num_days().abs() <= 3 && d.precision() == Precision::Day);
        // "ending the summit in Azerbaijan" filed from Baku: the city refines the country.
        let country_of_city = m.place.as_ref().is_some_and(|p| p.kind == PlaceKind::Country && p.country.is_some() && p.country == city.country);
        if (m.place.is_none() || country_of_city) && in_person && near && m.status != Status::Planned {
            m.place = Some(city.clone());
        }
    }
}

/// How many sentences after a lede may name its people.
const BACKFILL_SENTENCES: usize = 3;

/// Spokespeople speak about events; they are not taken to be in them.
fn is_spokesperson(p: &Person) -> bool {
    p.role.as_deref().is_some_and(|r| r.to_ascii_lowercase().contains("spokes"))
}

/// A lede often names the sides before the people: "Russian and American top
/// diplomats met in Malaysia on Thursday. U.S. Secretary of State Marco Rubio said
/// his Russian counterpart Sergei Lavrov ...". A mention with parties but no people
/// takes the people of the next sentence who represent those parties.
fn backfill_participants(a: &Analysis<'_>, out: &mut [EventMention]) {
    let is_group = |p: &Person| p.role.as_deref() == Some(GROUP_ROLE);
    // A sentence that reports an event of its own keeps its people for that event.
    let reporting: Vec<Span> = out.iter().map(|m| m.sentence).collect();
    for m in out.iter_mut().filter(|m| m.participants.iter().all(is_group) && !m.parties.is_empty() && !m.onset) {
        let Some(i) = crate::text::sentence_at(a.sentences, m.sentence.start()) else { continue };
        let following: Vec<&Sentence> = a
            .sentences
            .get(i + 1..(i + 1 + BACKFILL_SENTENCES).min(a.sentences.len()))
            .unwrap_or(&[])
            .iter()
            .filter(|s| !reporting.contains(&s.span))
            .collect();
        for e in a.entities.iter().filter(|e| following.iter().any(|s| s.span.contains(e.span))) {
            if let Entity::Person(p) = &e.entity {
                let represents = !is_spokesperson(p) && p.country.as_ref().is_some_and(|c| m.parties.contains(c));
                if represents && !m.participants.iter().any(|q| q.name == p.name) {
                    m.participants.push(p.clone());
                }
            }
        }
    }
    // A group stands in for people only until the people are named.
    for m in out.iter_mut() {
        if m.participants.iter().any(|p| !is_group(p)) {
            m.participants.retain(|p| !is_group(p));
        }
    }
}

/// Phrases that set one event inside another: "met on the sidelines of the summit in X".
const INSIDE: &[&str] = &["sidelines of", "sideline of", "fringes of", "fringe of", "margins of", "margin of", "during the", "at the"];

/// Phrases that name the purpose of a gathering: "met for a summit", "gathered for
/// the talks": the two triggers name one event.
const PURPOSE: &[&str] = &[" for a ", " for an ", " for the ", " for their "];

/// An event held on the sidelines of another takes its place, and lends it its date.
fn share_setting(text: &str, clause_start: usize, first: usize, out: &mut [EventMention]) {
    for i in first..out.len() {
        for j in (i + 1)..out.len() {
            let (a, b) = (out[i].trigger, out[j].trigger);
            if a.start() < clause_start || a.end() > b.start() {
                continue;
            }
            let between = text.get(a.end()..b.start()).unwrap_or("").to_ascii_lowercase();
            // "will meet in The Hague on Tuesday and Wednesday for a summit": one event.
            if between.len() <= 60 && PURPOSE.iter().any(|p| between.contains(p)) && out[j].antecedent.is_none() && !out[j].onset {
                out[j].antecedent = Some(i);
                continue;
            }
            // "Anwar hosted the first summit", "held talks": a verb whose object is an
            // event noun is that event.
            let verb = out[i].trigger.slice(text).to_ascii_lowercase();
            let object = matches!(verb.as_str(), "hosted" | "hosts" | "host" | "hosting" | "held" | "holds" | "hold" | "holding" | "convened" | "chaired")
                && between.len() <= 30
                && !between.contains(',')
                && out[j].antecedent.is_none()
                && !out[j].onset;
            if object {
                let (a, b) = one_event_told_twice(out, i, j);
                if a.place.is_none() {
                    a.place.clone_from(&b.place);
                }
                continue;
            }
            // "met in Alaska in August, a summit that ...": a noun in apposition renames
            // the event just told.
            // It renames the event just told even when it was first taken for a
            // reference to one told earlier in another sentence.
            let linked_elsewhere = out[j].antecedent.and_then(|k| out.get(k)).is_some_and(|k| k.sentence != out[j].sentence);
            let apposition = (out[j].antecedent.is_none() || linked_elsewhere)
                && !out[j].onset
                && between.rfind(", ").is_some_and(|k| {
                    let tail: Vec<&str> = between[k + 2..].split_whitespace().collect();
                    // "..., a summit that", or a participle: "held talks on Wednesday,
                    // meeting on the sidelines of the summit".
                    tail.len() <= 3 && tail.first().is_some_and(|w| matches!(*w, "a" | "an" | "the"))
                        || tail.is_empty() && out[j].trigger.slice(text).ends_with("ing")
                });
            if apposition && between.len() <= 80 {
                let (a, b) = one_event_told_twice(out, i, j);
                if b.date.is_none() {
                    (b.date, b.end) = (a.date, a.end);
                }
                if a.date.is_none() {
                    (a.date, a.end) = (b.date, b.end);
                }
                continue;
            }
            if between.len() > 80 || !INSIDE.iter().any(|p| between.contains(p)) {
                continue;
            }
            let refine = match (&out[i].place, &out[j].place) {
                (None, Some(_)) => true,
                (Some(p), Some(q)) => p.kind == PlaceKind::Country && q.kind != PlaceKind::Country && p.country == q.country,
                _ => false,
            };
            if refine {
                out[i].place = out[j].place.clone();
            }
            // "A planned meeting at the G7 summit in Canada earlier this month": an
            // event inside a gathering falls within its days; only a single day or a
            // month is lent, never the first day of a span.
            if out[i].date.is_none() && out[j].end.is_none() && between.len() <= 40 {
                out[i].date = out[j].date;
            }
            if out[j].date.is_none() {
                // The setting's date comes from the event held in it, or from the event
                // that one refers back to.
                out[j].date = out[i].date.or_else(|| out[i].antecedent.and_then(|k| out.get(k)).and_then(|a| a.date));
            }
        }
    }
}

/// The two people the article is about so far: the pair that takes part together in
/// most of its events (the latest such pair on a tie). "A three-way meeting with
/// Zelensky" in a story on Trump and Putin does not make Zelensky one of "the two
/// leaders".
fn main_pair(out: &[EventMention]) -> Option<(Person, Person)> {
    let mut counts: Vec<((Person, Person), usize, usize)> = Vec::new();
    for (k, m) in out.iter().enumerate() {
        let named: Vec<&Person> = m.participants.iter().filter(|p| p.role.as_deref() != Some(GROUP_ROLE)).collect();
        for (i, a) in named.iter().enumerate() {
            for b in &named[i + 1..] {
                let (a, b) = if a.name <= b.name { (*a, *b) } else { (*b, *a) };
                match counts.iter_mut().find(|(pair, _, _)| pair.0.name == a.name && pair.1.name == b.name) {
                    Some(entry) => {
                        entry.1 += 1;
                        entry.2 = k;
                    }
                    None => counts.push(((a.clone(), b.clone()), 1, k)),
                }
            }
        }
    }
    counts.into_iter().max_by_key(|(_, n, last)| (*n, *last)).map(|(pair, _, _)| pair)
}

/// Whether an event word stands in a prepositional phrase of place or time: "from the
/// summit venue", "at the summit", "during the talks".
fn in_setting_phrase(text: &str, trigger: Span) -> bool {
    let before = words_before(text, trigger.start(), 3);
    let n = before.len();
    let prep = |w: &str| matches!(w, "from" | "at" | "during" | "after" | "before" | "since" | "of");
    n >= 1 && prep(&before[n - 1]) || n >= 2 && prep(&before[n - 2]) && DETERMINERS.contains(&before[n - 1].as_str())
}

/// Whether the event word's subject is "he" or "she" opening its clause: "He met Xi
/// on Sunday", "She later travelled to Kyiv".
fn pronoun_subject(text: &str, clause: Span, trigger: Span) -> bool {
    let Some(lead) = text.get(clause.start()..trigger.start()) else { return false };
    let words: Vec<&str> = lead.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    words.len() <= 3 && words.first().is_some_and(|w| matches!(*w, "He" | "She" | "he" | "she"))
}

/// Phrases that refer back to people named before (`data/events/references.tsv`):
/// `pair` ones stand for the two people the article is about, `title` ones (after
/// "the" opening a clause) for the last person named with that title.
static REFERENCES: std::sync::LazyLock<Vec<(String, bool)>> = std::sync::LazyLock::new(|| {
    include_str!("../../data/events/references.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let (phrase, kind) = l.split_once('\t')?;
            Some((phrase.trim().to_lowercase(), kind.trim() == "pair"))
        })
        .collect()
});

fn references(pair: bool) -> impl Iterator<Item = &'static str> {
    REFERENCES.iter().filter(move |(_, p)| *p == pair).map(|(s, _)| s.as_str())
}

/// The nearest character boundary at or before `i`.
fn char_floor(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Whether a role is the title itself, not a deputy's or a former holder's: "Vice
/// President" is not "the president".
fn holds_title(role: &str, title: &str) -> bool {
    let role = role.to_ascii_lowercase();
    let first = role.split_whitespace().next().unwrap_or("");
    !matches!(first, "vice" | "deputy" | "former" | "acting" | "interim" | "ex") && (role == title || role.ends_with(&format!(" {title}")))
}

/// The title of a subject like "The chancellor" or "The Turkish president" opening the
/// clause of an event word, lowercased.
fn title_subject(text: &str, clause: Span, trigger: Span) -> Option<String> {
    let lead = text.get(clause.start()..trigger.start())?.trim().to_ascii_lowercase();
    let rest = lead.strip_prefix("the ")?;
    let fits = |r: &str, t: &str| r.starts_with(t) && r.len() <= t.len() + 2;
    references(false).find(|t| fits(rest, t) || rest.split_once(' ').is_some_and(|(_, r)| fits(r, t))).map(str::to_string)
}


/// Whether the subject of a trigger is a pair named before ("the two leaders met").
fn refers_to_pair(text: &str, clause: Span, trigger: Span) -> bool {
    let Some(lead) = text.get(char_floor(text, clause.start().max(trigger.start().saturating_sub(60)))..trigger.start()) else { return false };
    let lead = lead.to_ascii_lowercase();
    // The subject of the clause, however long the clause runs before the event word:
    // "The two leaders last spoke in May, in a brief conversation over coffee in Tirana".
    let subject = text.get(clause.start()..trigger.start()).map(|s| s.trim_start().to_ascii_lowercase()).unwrap_or_default();
    references(true).any(|p| lead.contains(p) || subject.starts_with(p))
}

/// The first and last day of an event, from its date and a length written before its
/// name ("on Sunday for a three-day summit", "the two-day talks ended on Friday"). The
/// day given is the first, unless the clause says the event ended then.
fn span_by_duration(
    a: &Analysis<'_>,
    text: &str,
    clause: Span,
    hit: &Hit,
    date: Option<&Timex>,
    cues: &[(Span, Cue)],
) -> (Option<PartialDate>, Option<PartialDate>) {
    let (start, end) = (date.and_then(|t| t.anchor), date.and_then(|t| t.end));
    let Some(day) = start.filter(|d| d.precision() == Precision::Day && end.is_none()).map(|d| d.first()) else {
        return (start, end);
    };
    // "a three-day summit", "the two-day meeting": a length right before the name.
    let days = a
        .timexes
        .iter()
        .filter(|t| t.kind == TimexType::Duration && clause.contains(t.span) && t.span.end() <= hit.span.start())
        .find(|t| {
            let between = text.get(t.span.end()..hit.span.start()).unwrap_or("x");
            between.split_whitespace().count() <= 1 && between.trim().chars().all(char::is_alphabetic)
        })
        .and_then(|t| t.value.strip_prefix('P').and_then(|v| v.strip_suffix('D')).and_then(|n| n.parse::<i64>().ok()))
        .filter(|n| (2..=14).contains(n));
    // "talks that ended after three days": the ending belongs to the length, the day
    // named is the first.
    let told_after = days.is_none();
    let Some(n) = days.or_else(|| length_told_after(a, text, clause, hit)) else { return (start, end) };
    // "ran late into Tuesday night", "went on into Friday": the day the event reached
    // is its last.
    let into = date.is_some_and(|t| {
        let before = words_before(text, t.span.start(), 2);
        before.iter().any(|w| w == "into") || t.span.slice(text).to_ascii_lowercase().starts_with("into ")
    });
    let ended = into || !told_after && cues.iter().any(|(s, _)| {
        let w = s.slice(text).to_ascii_lowercase();
        matches!(w.as_str(), "ended" | "concluded" | "wrapped up") && clause.contains(*s)
    });
    if ended {
        (Some(PartialDate::day(day - Duration::days(n - 1))), Some(PartialDate::day(day)))
    } else {
        (start, Some(PartialDate::day(day + Duration::days(n - 1))))
    }
}

/// Whether a time expression names a day an event can take: a date, or a time of a
/// named day ("on Sunday afternoon"), but not a bare clock time ("at 10 a.m."), whose
/// day is only the one the story happens to be telling.
fn names_day(t: &Timex, text: &str) -> bool {
    match t.kind {
        TimexType::Date => true,
        TimexType::Time => t.span.slice(text).chars().find(|c| !c.is_whitespace()).is_some_and(char::is_alphabetic) && !t.span.slice(text).trim().to_ascii_lowercase().starts_with("at "),
        _ => false,
    }
}

/// Link mention `j` to mention `i` (i < j) as the same event told twice, and give
/// both the union of their people. Returns both, to share what else each knows.
fn one_event_told_twice(out: &mut [EventMention], i: usize, j: usize) -> (&mut EventMention, &mut EventMention) {
    let (first, second) = out.split_at_mut(j);
    let (a, b) = (&mut first[i], &mut second[0]);
    b.antecedent = Some(i);
    for p in &a.participants {
        if !b.participants.iter().any(|q| q.name == p.name) {
            b.participants.push(p.clone());
        }
    }
    a.participants.clone_from(&b.participants);
    (a, b)
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
    // Calls a dated verb of saying reports as past ("said on Friday he had a call").
    let mut told_past: Vec<bool> = vec![false; hits.len()];
    for t in a.timexes.iter().filter(|t| clause.contains(t.span) && names_day(t, text)) {
        // "last month's Geneva truce", "the 2022 negotiations": a date that modifies a
        // noun dates that noun, so only a trigger right after it.
        let after = &text[t.span.end()..];
        let modifier = t.adjectival || after.starts_with("'s") || after.starts_with("\u{2019}s");
        // "Trump said on Thursday that he would meet Putin": the day of the saying.
        // "by 2035", "until 2030", "since 2019": a deadline or the start of a period,
        // not the day of an event.
        let bound = t.since || words_before(text, t.span.start(), 1).first().is_some_and(|w| matches!(w.as_str(), "by" | "until" | "till" | "since" | "through" | "before"));
        if bound {
            continue;
        }
        let directly_modifies = hits.iter().any(|h| h.span.start() >= t.span.end() && text[t.span.end()..h.span.start()].trim().is_empty());
        let reported = words_before(text, t.span.start(), 2).iter().any(|w| SPEECH_VERBS.contains(&w.as_str()));
        // "X and Y have agreed ..., Z announced late on Wednesday": announcing an
        // agreement is the day it is known to be reached.
        let announced = (!directly_modifies && hits.iter().all(|h| h.kind != EventKind::Statement))
            .then(|| kinds::announced_agreement(text, t.span, hits))
            .flatten();
        if reported && !directly_modifies && announced.is_none() && hits.iter().all(|h| h.kind != EventKind::Statement) {
            // "Trump said on Friday that he had a good call with Xi": a call told in the
            // past simple by one who took part is that day's call, the usual way a call
            // becomes known; a call he "had held" or "would have" is not dated by it.
            match reported_call(text, t.span, hits) {
                Some(k) if t.anchor.is_some() => {
                    dates[k].push(t);
                    told_past[k] = true;
                }
                _ => {}
            }
            continue;
        }
        let i = if let Some(k) = announced {
            Some(k)
        } else if modifier {
            hits.iter().position(|h| h.span.start() >= t.span.end() && h.span.start() - t.span.end() <= 30)
        } else {
            nearest_for_date(text, hits, t.span).map(|n| kinds::date_before_agreeing(text, t.span, n, hits).unwrap_or(n))
        };
        let Some(i) = i else { continue };
        // "a clash in the valley in 2020", "the ceasefire that ended the fighting in
        // July": a date in a relative clause about fighting dates the fighting.
        if kinds::dates_fighting(text, hits[i].span, t.span) {
            continue;
        }
        // The start of a war takes only the date written with it ("the invasion in
        // 2022", "the war started Feb. 24, 2024").
        if hits[i].form == Form::Onset && distance(hits[i].span, t.span) > 35 {
            continue;
        }
        if t.anchor.is_some() {
            dates[i].push(t);
        } else if t.unresolved {
            unresolved[i] = Some(t);
        }
    }
    let mut places: Vec<Vec<(Span, &Place)>> = vec![Vec::new(); hits.len()];
    let mut owned_places: Vec<(usize, Span, Place)> = Vec::new();
    let blocked = |hit: &Hit, at: Span| {
        let (from, to) = if at.start() >= hit.span.end() { (hit.span.end(), at.start()) } else { (at.end(), hit.span.start()) };
        let between = text.get(from..to).unwrap_or("");
        // With one event in the clause, a place named anywhere in it is that event's
        // ("leaders agreed in The Hague on Wednesday ... ending a summit").
        (between.len() > PLACE_WINDOW && hits.len() > 1)
            || between.split(|c: char| !c.is_alphanumeric()).any(|w| PLACE_BLOCKERS.contains(&w.to_ascii_lowercase().as_str()))
            || at.start() >= hit.span.end() && places::since_phrase(between)
    };
    let mut parties: Vec<String> = Vec::new();
    // "in the Saudi capital": the capital of the country the adjective names.
    for m in a.entities.iter().filter(|m| clause.contains(m.span)) {
        if let Entity::Nationality(country) = &m.entity {
            let after = text[m.span.end()..].trim_start().to_ascii_lowercase();
            let located = words_before(text, m.span.start(), 2).iter().any(|w| LOCATIVES.contains(&w.as_str()));
            if located && after.starts_with("capital")
                && let (Some(place), Some(i)) = (crate::entities::capital_of(country).and_then(|c| crate::entities::lookup_city(&c)), nearest(hits, m.span)) {
                    owned_places.push((i, m.span, place));
                }
        }
    }
    let mut previous: Option<&EntityMention> = None;
    let mut persons: Vec<(Span, &Person)> = Vec::new();
    for m in a.entities.iter().filter(|m| clause.contains(m.span)) {
        let prev = previous.replace(m);
        match &m.entity {
            Entity::Place(p) if is_location(text, m, p, hits, prev) => {
                if let Some(i) = nearest(hits, m.span).filter(|&i| !blocked(hits[i], m.span)) {
                    places[i].push((m.span, p));
                }
            }
            // "at the White House", "in the Kremlin": an institution named by its
            // building is a place when the text puts the event there.
            Entity::Organization(_) => {
                if let Some(venue) = m.place().filter(|v| is_location(text, m, v, hits, prev))
                    && let Some(i) = nearest(hits, m.span).filter(|&i| !blocked(hits[i], m.span)) {
                        owned_places.push((i, m.span, venue));
                    }
            }
            Entity::Person(p) => {
                let object = governing_word(text, m.span.start()).is_some_and(|w| NOT_PARTICIPANT_BEFORE.contains(&w.as_str()));
                if !object && !is_spokesperson(p) {
                    persons.push((m.span, p));
                }
            }
            _ => {}
        }
        let actor_country = match &m.entity {
            Entity::Place(p) if p.kind == PlaceKind::Country && !is_location(text, m, p, hits, prev) => p.country.as_deref(),
            _ => None,
        };
        if let Some(c) = country_of(&m.entity).or(actor_country)
            && !parties.iter().any(|p| p == c) {
                parties.push(c.to_string());
            }
    }

    let fronted = a.timexes.iter().find(|t| {
        names_day(t, text)
            && t.anchor.is_some()
            && clause.contains(t.span)
            && text.get(clause.start()..t.span.start()).is_some_and(|lead| lead.split_whitespace().count() <= 1)
    });
    let first = out.len();
    // Which event words stand in a phrase of place or time, once per clause.
    let settings: Vec<bool> = hits.iter().map(|h| in_setting_phrase(text, h.span)).collect();
    for (i, hit) in hits.iter().enumerate() {
        // People near the trigger, and the clause's first person (its subject).
        // The subject counts for the first trigger after it only: in "X cancelled a
        // trip ... to counter the talks", X takes part in the trip, not the talks.
        let mut participants: Vec<Person> = Vec::new();
        for (k, (span, p)) in persons.iter().enumerate() {
            let subject_of_this = k == 0
                && span.end() <= hit.span.start()
                // An event named as a place on the way ("rode from the summit venue to
                // their meeting") does not take the subject from the event it leads to.
                && !hits.iter().zip(&settings).any(|(h, setting)| h.span.start() >= span.end() && h.span.start() < hit.span.start() && !setting);
            if (subject_of_this || distance(*span, hit.span) <= PERSON_WINDOW) && !participants.iter().any(|q| q.name == p.name) {
                participants.push((*p).clone());
            }
        }
        // A list that starts near the trigger runs on: "brought together UK Prime
        // Minister Keir Starmer, French President Emmanuel Macron, ... and NATO
        // Secretary-General Mark Rutte" names every one of them.
        for k in 1..persons.len() {
            let (prev_span, _) = persons[k - 1];
            let (span, p) = persons[k];
            let listed = participants.iter().any(|q| q.name == persons[k - 1].1.name)
                && text.get(prev_span.end()..span.start()).is_some_and(|between| {
                    between.len() <= 60 && (between.contains(',') || between.contains(" and ")) && !between.contains(". ") && !between.contains(';')
                });
            if listed && !participants.iter().any(|q| q.name == p.name) {
                participants.push(p.clone());
            }
        }
        // Groups near the trigger take part as such ("European leaders met"), with the
        // members the text names; they never count as shared people when merging.
        for g in a.groups.iter().filter(|g| clause.contains(g.span) && distance(g.span, hit.span) <= PERSON_WINDOW) {
            for member in &g.group.members {
                if !participants.iter().any(|q| q.name == member.name) {
                    participants.push(member.clone());
                }
            }
            if g.group.members.is_empty() && !participants.iter().any(|q| q.name == g.group.name) {
                let name = g.group.name.trim_start_matches("the ").trim_start_matches("The ").to_string();
                participants.push(Person { name, role: Some(GROUP_ROLE.to_string()), country: g.group.country.clone() });
            }
        }
        // What a definite reference itself says of who took part: "the meeting with X",
        // "the talks between X and Y" (people after it, close by).
        // "the meeting with X", "the talks between X and Y", "the meeting that followed
        // brought together X, Y and Z".
        let gathering = persons.iter().find(|(span, _)| span.start() >= hit.span.end()).is_some_and(|(span, _)| {
            text.get(hit.span.end()..span.start()).is_some_and(|between| {
                let between = between.to_ascii_lowercase();
                ["brought together", "gathered", "included", "involved", "attended by", "joined by"].iter().any(|g| between.contains(g))
            })
        });
        let introduces = gathering || matches!(next_word(text, hit.span.end()).as_str(), "with" | "between" | "of" | "involving" | "among");
        let first_after = persons.iter().find(|(span, _)| span.start() >= hit.span.end() && span.start() - hit.span.end() <= PERSON_WINDOW);
        // The people named after it, and the rest of a list they open.
        let named_after: Vec<String> = match first_after {
            Some((first, _)) if introduces => persons
                .iter()
                .filter(|(span, p)| span.start() >= first.start() && participants.iter().any(|q| q.name == p.name))
                .map(|(_, p)| p.name.clone())
                .collect(),
            _ => Vec::new(),
        };
        let before = words_before(text, hit.span.start(), 3);
        let definite = hit.form == Form::Noun
            && before.iter().rev().take(2).any(|w| DETERMINERS.contains(&w.as_str()) || w.ends_with("'s"));
        // "since their meeting in Riyadh", "before the summit": another event than the
        // one being reported, so not a reference back to it.
        let other_event = before.iter().any(|w| matches!(w.as_str(), "since" | "before" | "after" | "until" | "previous" | "last" | "earlier" | "next"))
            // "held talks with Tusk on Thursday, the first visit by an Indian premier to
            // Poland": a noun in apposition characterizes the event just told (see
            // `share_setting`); it does not refer back to an earlier sentence.
            || kinds::characterizes_event_before(text, clause, hit.span, hits);
        let definite = definite && !other_event;
        // "his talks with Putin" names its own participants; "the talks" does not.
        let possessive = definite && before.iter().rev().take(2).any(|w| matches!(w.as_str(), "his" | "her" | "their" | "its"));
        // A date that opens the clause ("On Monday, X rode to the summit and their
        // meeting") dates every event of the clause that has none of its own.
        let date = dates[i].iter().min_by_key(|t| distance(t.span, hit.span)).copied().or(fronted);

        // A general reference ("restart peace talks") names no event, unless a date pins it.
        let adjacent_date = date.is_some_and(|t| distance(t.span, hit.span) <= 25);
        let generic = hit.form == Form::Noun
            && !adjacent_date
            && cues.iter().any(|(s, c)| *c == Cue::Generic && s.end() <= hit.span.start() && hit.span.start() - s.end() <= 12);
        if generic {
            continue;
        }
        // Cue words govern verbs and indefinite nouns; a definite noun names a real event.
        // So does its own predicate: "the talks that began on Thursday", "the talks
        // had been expected on Thursday".
        let relative = |s: &Span| {
            s.start() >= hit.span.end()
                && text.get(hit.span.end()..s.start()).is_some_and(|between| {
                    let words: Vec<&str> = between.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
                    words.iter().all(|w| matches!(*w, "that" | "which" | "was" | "were" | "had" | "have" | "has" | "been" | "is" | "are" | "will" | "would" | "be"))
                })
        };
        let applies = |s: &Span| hit.form != Form::Noun || !definite || distance(*s, hit.span) < 3 || relative(s);
        // Calling an event off reaches over its name: "cancelled his planned meeting",
        // "the talks in Muscat were called off".
        let reaches = |s: &Span, c: Cue| matches!(c, Cue::Cancelled | Cue::Postponed) && distance(*s, hit.span) <= 40;
        let has = |cue: Cue| cues.iter().any(|(s, c)| *c == cue && (applies(s) || reaches(s, *c)) && !hit.span.contains(*s));
        // A gathering named as the setting of another event ("a meeting at the G7
        // summit fell through") does not take that event's status words.
        let setting = before.windows(2).any(|w| matches!(w[0].as_str(), "at" | "during" | "of") && w[1] == "the")
            || before.last().is_some_and(|w| matches!(w.as_str(), "at" | "during"));
        let cancelled = !setting && has(Cue::Cancelled);
        let postponed = !setting && has(Cue::Postponed);
        // A condition or denial governs the event near it, not one a clause away:
        // "wrapped up a round of talks ... and agreed on a possible framework".
        // A cue governs the first event after it: in "called for the round in a joint
        // statement" the wish is the round, not the statement.
        let object_before = |s: &Span| hits.iter().any(|h| h.span.start() >= s.end() && h.span.end() <= hit.span.start());
        // ... nor one set in a phrase of its own: "the headline he wanted at a summit".
        let phrase_between = |s: &Span| {
            s.end() <= hit.span.start()
                && text.get(s.end()..hit.span.start()).is_some_and(|between| {
                    between.split(|c: char| !c.is_alphanumeric()).any(|w| matches!(w, "at" | "in" | "on" | "during" | "after" | "before" | "since" | "by"))
                })
        };
        let near = |cue: Cue| {
            cues.iter().any(|(s, c)| {
                *c == cue
                    && applies(s)
                    && !(s.end() <= hit.span.start() && (object_before(s) || phrase_between(s)))
                    && if s.end() <= hit.span.start() { hit.span.start() - s.end() <= 45 } else { s.start().saturating_sub(hit.span.end()) <= 20 }
            })
        };
        if !cancelled && !postponed && hit.form != Form::Onset && (near(Cue::Hypothetical) || near(Cue::Negated)) {
            continue;
        }
        // Between a plan and a report in one clause ("spoke last week, and expects to
        // meet him"), the cue nearest the trigger speaks for it.
        // "Zelensky did meet Carney": the emphatic past.
        let emphatic = before.last().is_some_and(|w| w == "did");
        let past_verb = hit.form == Form::Verb && (is_past_verb(hit.span.slice(text)) || emphatic);
        // An invitation is a plan of what it invites to, not of a meeting told in the
        // past tense ("Menon, who was invited by Sato, met her on Friday").
        let invitation = |s: &Span| past_verb && s.slice(text).to_ascii_lowercase().starts_with("invit");
        // A plan told after the event word and another verb, of another action
        // ("leaders gathering in Brussels welcomed the sanctions and were expected to
        // adopt their own") is that action's plan.
        // (another verb, or "and" opening a second predicate: "welcomed the truce and
        // were expected to adopt").
        let verb_between = |s: &Span| {
            text.get(hit.span.end()..s.start())
                .is_some_and(|between| between.split(|c: char| !c.is_alphanumeric()).any(|w| w == "and" || w.len() > 3 && is_past_verb(w)))
        };
        let other_action = |s: &Span, c: Cue| {
            c == Cue::Planned && s.start() >= hit.span.end() && verb_between(s) && verb_after_to(text, *s).is_some_and(|v| !ASPECT_VERBS.contains(&v.as_str()))
        };
        let nearest_cue = cues
            .iter()
            .filter(|(s, c)| matches!(c, Cue::Planned | Cue::Held) && applies(s) && !hit.span.contains(*s) && distance(*s, hit.span) <= 50 && !other_action(s, *c) && !invitation(s))
            .filter(|(s, _)| !kinds::in_relative_clause_after(text, hit.span, *s))
            .min_by_key(|(s, _)| distance(*s, hit.span))
            .map(|(_, c)| *c);
        let mut status_explicit = true;
        let status = if hit.form == Form::Onset {
            Status::Held
        } else if cancelled {
            Status::Cancelled
        } else if postponed {
            Status::Postponed
        } else if nearest_cue == Some(Cue::Planned) {
            Status::Planned
        } else if nearest_cue == Some(Cue::Held) || past_verb || told_past.get(i).copied().unwrap_or(false) {
            Status::Held
        } else {
            status_explicit = false;
            match (date.and_then(|t| t.anchor), dct) {
                (Some(d), Some(p)) if d.last() < p => Status::Held,
                (Some(d), Some(p)) if d.first() > p => Status::Planned,
                _ => Status::Unknown,
            }
        };
        let mut candidates = places[i].clone();
        candidates.extend(owned_places.iter().filter(|(k, _, _)| *k == i).map(|(_, s, p)| (*s, p)));
        // A call joins people where they are: the place named is theirs, not the call's.
        let place = if hit.kind == EventKind::Call {
            None
        } else {
            best_place(hit.span, date.map(|t| t.span), &candidates).or_else(|| places::implicit_place(text, a.entities, sentence, hit.span))
        };
        // "He met Xi on Sunday": a pronoun subject is the person named last before
        // the sentence (the usual thread of a news paragraph); "The chancellor flew to
        // Shanghai" is the last person named with that title.
        let title = title_subject(text, clause, hit.span);
        if (pronoun_subject(text, clause, hit.span) || title.is_some())
            && let Some(p) = a
                .entities
                .iter()
                .rev()
                .filter(|e| e.span.end() <= sentence.start())
                .find_map(|e| match &e.entity {
                    Entity::Person(p)
                        if !is_spokesperson(p)
                            && title.as_deref().is_none_or(|t| p.role.as_deref().is_some_and(|r| holds_title(r, t)) && !kinds::qualified_title(text, e.span, t)) =>
                    {
                        Some(p)
                    }
                    _ => None,
                })
            && !participants.iter().any(|q| q.name == p.name) {
                participants.insert(0, p.clone());
            }
        // "The two leaders last met in Rome": the pair the article is about: the two
        // people who take part together in most of its events so far.
        if participants.iter().filter(|p| p.role.as_deref() != Some(GROUP_ROLE)).count() < 2 && refers_to_pair(text, clause, hit.span)
            && let Some((x, y)) = main_pair(out) {
                for p in [x, y] {
                    if !participants.iter().any(|q| q.name == p.name) {
                        participants.push(p);
                    }
                }
            }
        let (start, end) = span_by_duration(a, text, clause, hit, date, &cues);
        let mention = EventMention {
            document: a.doc.id.clone(),
            kind: hit.kind,
            status,
            status_explicit,
            participants: if hit.form == Form::Onset { Vec::new() } else { participants.clone() },
            parties: parties.clone(),
            place,
            date: start,
            end,
            sentence,
            trigger: hit.span,
            date_span: date.map(|t| t.span),
            unresolved_date: unresolved[i].map(|t| t.span.slice(text).to_string()),
            onset: hit.form == Form::Onset,
            antecedent: None,
            // "The next round" follows the last round the article numbered.
            round: round_of(text, clause, hit.span)
                .or_else(|| next_round(text, clause, hit.span).then(|| out.iter().filter_map(|m| m.round).max().map(|r| r + 1)).flatten()),
        };
        // The clause's subject: its first person, when before the event word or joined
        // to it ("the summit turned to climate, with Lula pressing partners"); not the
        // subject of another verb after it ("the meeting came two days after Misri
        // announced an agreement").
        let subject = persons
            .first()
            .filter(|(span, _)| {
                span.end() <= hit.span.start() || words_before(text, span.start(), 4).iter().any(|w| matches!(w.as_str(), "with" | "by"))
            })
            .map(|(_, p)| p.name.clone());
        push_mention(mention, definite, possessive, &named_after, subject.as_deref(), out, keep);
    }
    share_setting(text, clause.start(), first, out);
    // An event that learned its place and date from its setting now says enough.
    for k in first..out.len() {
        let m = &out[k];
        let specific = m.date.is_some() && m.place.is_some();
        let actors = !m.participants.is_empty() || !m.parties.is_empty();
        if specific && actors && !m.onset
            && let Some(kept) = keep.get_mut(k) {
                *kept = true;
            }
    }
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
#[allow(clippy::too_many_arguments)]
fn push_mention(
    mut m: EventMention,
    definite: bool,
    possessive: bool,
    named_after: &[String],
    subject: Option<&str>,
    out: &mut Vec<EventMention>,
    keep: &mut Vec<bool>,
) {
    let specific = m.date.is_some() || m.place.is_some() || m.unresolved_date.is_some();
    let actors = definite
        || !m.participants.is_empty()
        || !m.parties.is_empty()
        || m.date.is_some_and(|d| d.precision() == Precision::Day);
    let enough = m.onset && !m.parties.is_empty() || specific && actors;
    if definite && !m.onset {
        // Prefer an antecedent that is itself kept: a vague mention in between ("the
        // U.S.-Russia talks") usually refers back to the same event anyway.
        let candidate = |only_kept: bool| {
            out.iter()
                .enumerate()
                .rev()
                .find(|(i, prev)| {
                    (!only_kept || keep.get(*i).copied().unwrap_or(false))
                        && anaphor_kinds(prev.kind, m.kind)
                        && !prev.onset
                        && prev.sentence != m.sentence
                        && compatible(prev, &m)
                        // "the failed talks of 2022" is not the event whose chain of
                        // references began with "met on Friday".
                        && compatible(root(out, *i), &m)
                        // "The second round" names its own round, not the last event.
                        && (m.round.is_none() || prev.round == m.round)
                        // A visit told as past ("the first visit by a premier to
                        // Poland", on Thursday) is not one only invited or planned
                        // without a date ("invited him to visit India").
                        && !(prev.status == Status::Planned && prev.status_explicit && prev.date.is_none() && m.status == Status::Held && m.date.is_some())
                        // "the first summit between ASEAN, the GCC and China, attended by
                        // Li Qiang": a reference that brings people of its own is new.
                        && named_after.iter().all(|n| prev.participants.iter().any(|p| &p.name == n))
                        && (!possessive
                            || prev.participants.is_empty()
                            || m.participants.is_empty()
                            || prev.participants.iter().any(|p| m.participants.iter().any(|q| q.name == p.name)))
                })
                .map(|(i, _)| i)
        };
        let antecedent = candidate(true).or_else(|| candidate(false));
        if let Some(i) = antecedent {
            // An anaphor's sentence is about something else too ("the offices of X did
            // not respond to questions about the meeting"): keep only the people it
            // attaches to the event, or that the antecedent already has.
            let known: Vec<String> = out[i].participants.iter().map(|p| p.name.clone()).collect();
            m.participants.retain(|p| named_after.contains(&p.name) || known.contains(&p.name) || subject == Some(p.name.as_str()));
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

/// The organizations (not countries) an event is named for: the G7, NATO.
fn organizations(m: &EventMention) -> Vec<&String> {
    m.parties.iter().filter(|p| crate::entities::country_named(p).is_none()).collect()
}

/// The first mention of the chain of references `i` belongs to.
fn root(out: &[EventMention], mut i: usize) -> &EventMention {
    // Links point backwards, so the walk ends; the bound is a guard all the same.
    for _ in 0..out.len() {
        match out[i].antecedent {
            Some(a) if a < i => i = a,
            _ => break,
        }
    }
    &out[i]
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

/// Whether "the <kind>" can refer back to an event named as `antecedent`: meetings
/// and talks name each other, a summit or conference only its own sort.
fn anaphor_kinds(antecedent: EventKind, anaphor: EventKind) -> bool {
    let multilateral = |k: EventKind| matches!(k, EventKind::Summit | EventKind::Conference);
    antecedent.family() == anaphor.family() && multilateral(antecedent) == multilateral(anaphor)
}

/// Whether two mentions in one document can be the same event.
fn compatible(a: &EventMention, b: &EventMention) -> bool {
    // A day within the other's days ("the two-day summit ... On Monday the summit").
    let covers = |m: &EventMention, d: &PartialDate| {
        m.date.zip(m.end).is_some_and(|(s, e)| s.first() <= d.first() && d.last() <= e.last())
    };
    let dates = match (a.date, b.date) {
        (Some(x), Some(y)) => x.compatible(&y) || covers(a, &y) || covers(b, &x),
        _ => true,
    };
    let places = match (&a.place, &b.place) {
        (Some(x), Some(y)) => places_compatible(x, y),
        _ => true,
    };
    // Within one article, an event reported as held is not the one it says is still
    // to come: "talks ended on Friday, with a plan to reconvene in Cairo. The talks
    // that began on Thursday ...".
    let explicit = |m: &EventMention| m.status_explicit.then_some(m.status);
    let rounds = !matches!((a.round, b.round), (Some(x), Some(y)) if x != y);
    // "the G7 summit in Canada" is not the NATO summit the article is about: two
    // events named for different organizations.
    let (oa, ob) = (organizations(a), organizations(b));
    let forums = oa.is_empty() || ob.is_empty() || oa.iter().any(|o| ob.contains(o));
    let statuses = !matches!((explicit(a), explicit(b)), (Some(Status::Held), Some(Status::Planned)) | (Some(Status::Planned), Some(Status::Held)));
    dates && places && statuses && rounds && forums
}

pub(crate) fn places_compatible(x: &Place, y: &Place) -> bool {
    if x.name == y.name {
        return true;
    }
    // A region and a city cannot be checked against each other (the gazetteer does not
    // say which region a city lies in): Alaska is not Miami.
    let region_and_city = |a: &Place, b: &Place| a.kind == PlaceKind::Region && !matches!(b.kind, PlaceKind::Country | PlaceKind::Region);
    if region_and_city(x, y) || region_and_city(y, x) {
        return false;
    }
    match (&x.city, &y.city) {
        (Some(a), Some(b)) => a == b,
        _ => x.country.is_some() && x.country == y.country,
    }
}

/// Fill in the place and people an anaphoric mention and its antecedent each lack
/// from the other. Dates are not copied: merging unites the two, and a copied date
/// would count twice when sources vote on the date.
fn share(out: &mut [EventMention], i: usize, m: &mut EventMention) {
    let Some(prev) = out.get_mut(i) else { return };
    match (&prev.place, &m.place) {
        (None, Some(p)) => prev.place = Some(p.clone()),
        (Some(p), None) => m.place = Some(p.clone()),
        (Some(p), Some(q)) if p.kind == PlaceKind::Country && q.kind != PlaceKind::Country => prev.place = Some(q.clone()),
        _ => {}
    }
    for p in &m.participants {
        if !prev.participants.iter().any(|q| q.name == p.name) {
            prev.participants.push(p.clone());
        }
    }
    if m.participants.is_empty() {
        m.participants = prev.participants.clone();
    }
}

/// The place of an event among those its clause puts it at: the most specific
/// (venue, city, region, country) of those near the trigger, else of all; the nearest
/// among equals. "Negotiations in the Qatari capital ended ..., with a plan to
/// reconvene in Cairo" took place in Doha.
fn best_place(trigger: Span, date: Option<Span>, places: &[(Span, &Place)]) -> Option<Place> {
    let rank = |p: &Place| match p.kind {
        PlaceKind::Venue => 0,
        PlaceKind::City => 1,
        PlaceKind::Region => 2,
        PlaceKind::Country => 3,
    };
    let key = |s: Span, p: &Place| (distance(s, trigger) > PLACE_WINDOW, rank(p));
    let top = places.iter().map(|(s, p)| key(*s, p)).min()?;
    let equals: Vec<(Span, &Place)> = places.iter().filter(|(s, p)| key(*s, p) == top).copied().collect();
    let nearest = places.iter().min_by_key(|(s, p)| (key(*s, p), distance(*s, trigger))).map(|(_, p)| p)?;
    let best = places::beside_date(date, &equals).unwrap_or(nearest);
    let mut place = best.clone();
    // "Kuala Lumpur, Malaysia": a city's country from the country named beside it.
    if place.country.is_none() {
        place.country = places.iter().find(|(_, p)| p.kind == PlaceKind::Country).and_then(|(_, p)| p.country.clone());
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
    let from = char_floor(text, clause.start().max(trigger.start().saturating_sub(40)));
    let window = text.get(from..trigger.end())?.to_ascii_lowercase();
    let words: Vec<&str> = window.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let trigger_words = trigger.slice(text).split_whitespace().count();
    let ordinal = |w: Option<&&str>| ORDINALS.iter().find(|(o, _)| w == Some(o)).map(|(_, n)| *n);
    // "the second round of talks", "a third round": the round is the trigger, or names
    // it by "of"; "since the first round on May 16, the talks" dates no round.
    if let Some(r) = words.iter().rposition(|w| *w == "round" || *w == "rounds") {
        let gap = words.get(r + 1..words.len().saturating_sub(trigger_words)).unwrap_or(&[]);
        let names_trigger = r + trigger_words >= words.len() || gap.len() <= 4 && gap.first() == Some(&"of");
        if names_trigger {
            return r.checked_sub(1).and_then(|i| ordinal(words.get(i)));
        }
    }
    // "met for a third time": a later meeting of a series.
    let after = text.get(trigger.end()..char_floor(text, clause.end().min(trigger.end() + 30)))?.to_ascii_lowercase();
    let after: Vec<&str> = after.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    if after.len() >= 4 && after[0] == "for" && matches!(after[1], "a" | "the") && after[3] == "time" {
        return ordinal(after.get(2)).filter(|n| *n > 1);
    }
    None
}

/// Verbs of an event's course: "the talks are expected to begin", "set to last two
/// days". A plan of any other verb after the event word is of another action.
const ASPECT_VERBS: &[&str] = &["begin", "start", "open", "resume", "continue", "last", "run", "end", "conclude", "close", "take", "be", "go", "happen", "meet", "convene", "reconvene", "focus"];

/// The verb a plan cue governs, when the cue ends in "to" ("expected to adopt") or
/// is followed by it ("were expected to adopt"); None for other cues.
fn verb_after_to(text: &str, cue: Span) -> Option<String> {
    let after = text.get(cue.end()..)?;
    if cue.slice(text).to_ascii_lowercase().ends_with(" to") {
        return Some(next_word(after, 0));
    }
    let rest = after.trim_start();
    let rest = rest.strip_prefix("to ").or_else(|| rest.strip_prefix("To "))?;
    Some(next_word(rest, 0))
}

/// Whether a trigger is "the next round" (of talks): a round numbered by the ones
/// before it.
fn next_round(text: &str, clause: Span, trigger: Span) -> bool {
    let from = char_floor(text, clause.start().max(trigger.start().saturating_sub(20)));
    let Some(window) = text.get(from..trigger.end()) else { return false };
    let words: Vec<String> = window.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_ascii_lowercase).collect();
    words.windows(2).any(|w| w[0] == "next" && w[1] == "round") && words.last().is_some_and(|w| w == "round" || w == "talks" || w == "negotiations")
}

fn is_past_verb(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    // "spoke by phone", "spoke with": the verb is the first word of the phrase.
    let head = w.split_whitespace().next().unwrap_or("");
    // "held talks", "sat down" and the one-word verbs all show it in their first word.
    head.ends_with("ed") || matches!(head, "spoke" | "met" | "held" | "sat" | "flew" | "went" | "came" | "made" | "took" | "began" | "left")
}

/// Which way a bare weekday points, from what the text says of its event.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Direction {
    Past,
    Future,
}

/// Re-read bare weekdays by the status their event has in the document: its own
/// explicit status first (held, or called off, points back; planned forward; "cancelled
/// the talks scheduled for Friday" forward), else that of the other mentions of the
/// same event in the document.
fn resolve_weekdays(a: &Analysis<'_>, out: &mut [EventMention]) {
    let Some(dct) = a.doc.published else { return };
    let text = a.doc.text.as_str();
    for i in 0..out.len() {
        let Some(span) = out[i].date_span else { continue };
        let Some(date) = out[i].date.and_then(|d| d.as_day()) else { continue };
        if !is_bare_weekday(span.slice(text)) {
            continue;
        }
        let scheduled_for = words_before(text, span.start(), 2).iter().any(|w| w == "for");
        // "The talks had been expected on Thursday": a plan told in the past, for a day
        // already gone; the tense of the sentence placed it right.
        let from = out[i].trigger.end().min(span.start());
        let past_plan = text.get(from..span.start()).is_some_and(|between| {
            between.split(|c: char| !c.is_alphanumeric()).any(|w| matches!(w, "had" | "was" | "were"))
        });
        let own = out[i].status_explicit.then_some(out[i].status);
        let direction = match own {
            Some(Status::Held) => Some(Direction::Past),
            Some(Status::Planned) if past_plan => None,
            Some(Status::Planned) => Some(Direction::Future),
            Some(Status::Cancelled | Status::Postponed) => Some(if scheduled_for { Direction::Future } else { Direction::Past }),
            // "The summit opens on Tuesday": a timetable told in the present tense.
            _ if schedule::present_before(text, out[i].sentence.start(), span) => Some(Direction::Future),
            // The other mentions do not overrule a future its own sentence gives firmly
            // ("told reporters the talks would begin on Sunday"): news tells the past
            // by default, so a future is deliberate. A past reading may be the default.
            _ if matches!(crate::dates::tense_at(text, a.sentences, span), crate::dates::resolve::Reading { tense: crate::dates::resolve::Tense::Future, firm: true, .. }) => None,
            _ => {
                let others = |status: Status| {
                    out.iter().enumerate().any(|(j, o)| j != i && same_in_document(o, &out[i]) && o.status_explicit && o.status == status)
                };
                match (others(Status::Planned), others(Status::Held)) {
                    (true, false) => Some(Direction::Future),
                    (false, true) => Some(Direction::Past),
                    _ => None,
                }
            }
        };
        let shifted = match direction {
            Some(Direction::Future) if date < dct => date + Duration::days(7),
            Some(Direction::Past) if date > dct => date - Duration::days(7),
            _ => continue,
        };
        debug_assert_eq!(shifted.weekday(), date.weekday());
        move_day(&mut out[i], shifted, dct);
        // "that day", "the next day" told after this weekday counted from it: they move
        // with it.
        let delta = shifted - date;
        for j in 0..out.len() {
            let Some(other) = out[j].date_span else { continue };
            if j == i || other.start() <= span.start() || !is_narrative_day(other.slice(text)) {
                continue;
            }
            let antecedent = a.timexes.iter().rev().find(|t| t.span.end() <= other.start() && t.anchor.is_some_and(|d| d.precision() == Precision::Day) && !is_narrative_day(t.span.slice(text)));
            if antecedent.is_some_and(|t| t.span == span)
                && let Some(d) = out[j].date.and_then(|d| d.as_day())
            {
                move_day(&mut out[j], d + delta, dct);
            }
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
    // "on Friday evening": a weekday with a time of day is read the same way.
    let w = ["morning", "afternoon", "evening", "night"].iter().find_map(|t| w.strip_suffix(t)).map_or(w, str::trim_end);
    matches!(w, "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday")
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod recall_tests;

/// Give a mention another day; a status the text did not state follows it.
fn move_day(m: &mut EventMention, day: chrono::NaiveDate, dct: chrono::NaiveDate) {
    m.date = Some(PartialDate::day(day));
    if !m.status_explicit {
        m.status = if day < dct {
            Status::Held
        } else if day > dct {
            Status::Planned
        } else {
            m.status
        };
    }
}

/// A day named by its place in the story ("that day", "the next day", "two days
/// later", "the same day"), not by the calendar.
fn is_narrative_day(s: &str) -> bool {
    let w = s.trim().to_ascii_lowercase();
    let words: Vec<&str> = w.split_whitespace().collect();
    let Some(first) = words.first() else { return false };
    matches!(*first, "that" | "the" | "later" | "earlier")
        && words.iter().any(|w| matches!(*w, "day" | "morning" | "afternoon" | "evening" | "night"))
        || words.last().is_some_and(|l| matches!(*l, "later" | "after" | "earlier" | "before"))
}

/// A length told after the event's name: "talks that ended after three days", "talks
/// that lasted two days", "a meeting lasting three days". A length with "after" before
/// the name ("three days after the attack") is an offset, not this.
fn length_told_after(a: &Analysis<'_>, text: &str, clause: Span, hit: &Hit) -> Option<i64> {
    a.timexes
        .iter()
        .filter(|t| t.kind == TimexType::Duration && clause.contains(t.span) && t.span.start() >= hit.span.end())
        .find(|t| {
            let lead = words_before(text, t.span.start(), 1);
            lead.first().is_some_and(|w| matches!(w.as_str(), "after" | "lasted" | "lasting"))
                && text.get(hit.span.end()..t.span.start()).is_some_and(|between| between.len() <= 40 && !between.contains(','))
        })
        .and_then(|t| t.value.strip_prefix('P').and_then(|v| v.strip_suffix('D')).and_then(|n| n.parse::<i64>().ok()))
        .filter(|n| (2..=14).contains(n))
}
