//! Places an event takes from outside its own clause.
//!
//! The clause rules of the parent module put an event where its own sentence puts
//! it. News often names the place once and then leaves it implicit:
//!
//! - the reporter's city heads the article: a dateline ("GENEVA (Wire) —", "**Rio de
//!   Janeiro** —") or a byline line ("Ana Costa · Lima · 16 November 2024", "Ana
//!   Costa in Lima"); a report filed from there within days of the event is about an
//!   event held there (used only for events with no place of their own);
//! - an outcome is issued where the talks that produced it were held: "a statement
//!   released on Monday after two days of talks in Geneva";
//! - a relative clause of place takes the place it follows: "in Lima, where the two
//!   leaders met", and so does "there" after an event word ("they met there");
//! - with two places of one rank in a clause ("first in Muscat and then in Rome at the
//!   weekend"), the one written with the event's date is the event's;
//! - "in the capital" is the capital of the country just named; "a visit by X to
//!   Poland", "travelled on to Sandringham" name destinations;
//! - a meeting told by a gerund ("closed the summit in Vilnius after meeting Zelensky")
//!   is part of the gathering its sentence places;
//! - one verb may tell two meetings ("met officials in Beirut and Netanyahu in
//!   Israel"): each gets its own people and place;
//! - a place after "since the <event>" is that earlier event's, not the one before it.
//!
//! Each rule only fills a place that is missing, refines a country to a city in it, or
//! picks among the clause's own places, so an event does not take a place that its own
//! words contradict.

use super::{EventKind, EventMention, Hit};
use crate::entities::{Entity, EntityMention, Place, PlaceKind};
use crate::text::Span;

/// A known city or venue by the name a dateline or byline writes.
fn place_named(name: &str) -> Option<Place> {
    let name = name.trim().trim_matches(|c: char| matches!(c, '*' | '_' | ',' | ':' | '.' | ' '));
    if name.is_empty() {
        return None;
    }
    crate::entities::lookup_city(name).or_else(|| crate::entities::venue(name).filter(|v| v.city.is_some()))
}

/// "KUALA LUMPUR" → "Kuala Lumpur", "RIO DE JANEIRO" → "Rio de Janeiro".
fn title_case(head: &str) -> String {
    head.split(' ')
        .map(|w| {
            let lower = w.to_lowercase();
            if matches!(lower.as_str(), "de" | "el" | "al" | "da" | "do") {
                lower
            } else {
                let mut c = lower.chars();
                c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

/// The separators that end a dateline's place: "ROME -", "GENEVA (Wire) —", "DOHA, 14
/// May —", "ABU DHABI:".
const DATELINE_ENDS: &[&str] = &[" \u{2014}", " \u{2013}", " - ", " -- ", " (", ":", ","];

/// How long (in bytes) what stands between a dateline's place and its dash may be:
/// ", Switzerland", ", May 12 (Wire)".
const DATELINE_TAIL: usize = 40;

/// The place of a dateline opening `line`: up to four words, upper case ("THE
/// HAGUE") or capitalized ("Rio de Janeiro"), before a dash, a parenthesis, a colon
/// or a comma ("BUSAN, South Korea —").
fn dateline_place(line: &str) -> Option<Place> {
    let line = line.trim_start_matches(['*', '_']);
    let end = DATELINE_ENDS.iter().filter_map(|s| line.find(s)).min()?;
    let head = line.get(..end)?.trim_matches(|c: char| matches!(c, '*' | '_' | ' '));
    let words: Vec<&str> = head.split_whitespace().collect();
    if words.is_empty() || words.len() > 4 {
        return None;
    }
    let connector = |w: &str| matches!(w.to_lowercase().as_str(), "de" | "el" | "al" | "da" | "do");
    let upper = words.iter().all(|w| connector(w) || w.chars().all(|c| !c.is_alphabetic() || c.is_uppercase()));
    let capitalized = words.iter().all(|w| connector(w) || w.chars().next().is_some_and(char::is_uppercase));
    // A capitalized head must be followed by a dash, perhaps after a country, a date or
    // an agency in capitalized words: "Rio de Janeiro — Leaders", "Geneva, Switzerland
    // —", "Lima (Wire) —"; not "Lima, the Peruvian capital, ...".
    let rest = line.get(end..).unwrap_or("");
    let dash = ["\u{2014}", "\u{2013}", " - ", " -- "].iter().filter_map(|d| rest.find(d)).min();
    let dashed = dash.is_some_and(|k| {
        let lead = rest.get(..k).unwrap_or("");
        lead.len() <= DATELINE_TAIL && lead.split_whitespace().all(|w| {
            let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
            bare.is_empty() || bare.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
    });
    if upper && words.iter().any(|w| w.chars().filter(|c| c.is_alphabetic()).count() > 1) {
        return place_named(&title_case(head));
    }
    if capitalized && dashed {
        return place_named(head);
    }
    None
}

/// Words that may stand in a byline without a capital: "By Ana Costa and Li Wei, Lima".
fn byline_word(w: &str) -> bool {
    let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
    bare.is_empty()
        || bare.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        || matches!(bare, "and" | "van" | "von" | "de" | "der" | "da" | "dos" | "el" | "al" | "bin" | "min" | "read" | "am" | "pm")
}

/// The place of a byline line: short, no full stop, pieces set apart by "·", "|",
/// "•", "," or "in" ("Ana Costa · Lima · 16 November 2024", "Ana Costa, Lima",
/// "By Ana Costa | Lima | Updated: ...", "Ana Costa in Lima"), one piece a known city or
/// venue and another a name or a date in capitalized words.
fn byline_place(line: &str) -> Option<Place> {
    let line = line.trim().trim_matches(['*', '_']);
    if line.split_whitespace().count() > 16 || line.ends_with(['.', '?', '!', '"']) || line.contains(". ") {
        return None;
    }
    let pieces: Vec<&str> = line
        .split(['·', '|', '•', ','])
        .flat_map(|p| p.split(" in "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if pieces.len() < 2 {
        return None;
    }
    // Two reporters in two cities ("Ana Costa in Lima and Li Wei in Beijing") say
    // nothing of where the events were.
    let upper = |p: &str| p.chars().any(char::is_alphabetic) && p.chars().all(|c| !c.is_alphabetic() || c.is_uppercase());
    let named_piece = |p: &str| if upper(p) { place_named(&title_case(p)) } else { place_named(p) };
    let places: Vec<(usize, Place)> = pieces.iter().enumerate().filter_map(|(i, p)| named_piece(p).map(|pl| (i, pl))).collect();
    let [(i, place)] = <[(usize, Place); 1]>::try_from(places).ok()?;
    if line.matches(" in ").count() > 1 {
        return None;
    }
    // The place opens the line only when set apart by a bullet or bar ("LIMA · 16
    // November 2024 · Ana Costa"; "Kyiv, Moscow trade blame" is a headline), and
    // another piece reads as a name or a date.
    let named = pieces.iter().enumerate().any(|(k, p)| k != i && p.split_whitespace().count() >= 2 && p.split_whitespace().all(byline_word));
    let all_plain = line.split_whitespace().all(|w| byline_word(w) || w.trim_matches(|c: char| !c.is_alphanumeric()).len() <= 3);
    let bulleted = line.contains(['·', '|', '•']);
    ((i > 0 || bulleted) && named && all_plain).then_some(place)
}

/// How many of an article's first lines may carry its dateline or byline.
const HEAD_LINES: usize = 5;

/// Where the reporter files from, by the article's dateline or byline: the place of
/// the first of its first lines (after the headline) that gives one.
pub(super) fn report_city(text: &str) -> Option<Place> {
    let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).take(HEAD_LINES).collect();
    for (i, line) in lines.iter().enumerate() {
        if let Some(p) = dateline_place(line).filter(|_| line.split_whitespace().count() > 8) {
            return Some(p);
        }
        // A dateline set as a paragraph of its own: "GENEVA —".
        let bare = line.trim_end_matches(['*', '_', ' ']);
        if bare.split_whitespace().count() <= 5
            && bare.ends_with(['\u{2014}', '\u{2013}', '-'])
            && let Some(p) = dateline_place(&format!("{bare} ")) {
                return Some(p);
            }
        if i > 0
            && let Some(p) = byline_place(line) {
                return Some(p);
            }
    }
    None
}

/// Words that set an outcome after the talks that produced it: "a statement released
/// after two days of talks", "agreed ..., following negotiations".
const AFTER: &[&str] = &["after", "following", "concluding", "ending", "closing"];

/// How many words may stand between "after" and the event word ("after three days of
/// indirect negotiations").
const AFTER_WORDS: usize = 5;

/// Whether the words just before `trigger` set it as what an outcome came after.
fn set_after(text: &str, trigger: Span) -> bool {
    let before = super::words_before(text, trigger.start(), AFTER_WORDS + 1);
    before.iter().any(|w| AFTER.contains(&w.as_str()))
}

/// A statement or agreement with no place of its own, issued after talks its sentence
/// places ("a joint statement released on Monday after two days of talks in Geneva",
/// "After talks in Cairo, the two sides announced a deal"), was issued where the talks
/// were held.
pub(super) fn outcomes_after_talks(text: &str, out: &mut [EventMention]) {
    for k in 0..out.len() {
        let m = &out[k];
        if !matches!(m.kind, EventKind::Statement | EventKind::Agreement) || m.place.is_some() {
            continue;
        }
        let talks = out.iter().enumerate().find_map(|(j, n)| {
            let in_person = matches!(n.kind, EventKind::Talks | EventKind::Meeting | EventKind::Summit | EventKind::Conference);
            (j != k && in_person && n.sentence == m.sentence && set_after(text, n.trigger)).then(|| n.place.clone()).flatten()
        });
        if let Some(place) = talks
            && let Some(m) = out.get_mut(k) {
                m.place = Some(place);
            }
    }
}

/// How far (in bytes) a meeting named by a gerund may stand after the gathering it is
/// part of: "wrapped up their summit in Vilnius on Wednesday after meeting Zelensky".
const GERUND_WINDOW: usize = 80;

/// "Leaders closed their summit in Vilnius on Wednesday after meeting Ukraine's
/// president": a meeting told by a gerund after "after", "before" or "while", with no
/// place of its own, in the sentence that places a summit or conference just before
/// it, is part of that gathering and held where it is.
pub(super) fn meetings_within_gatherings(text: &str, out: &mut [EventMention]) {
    for k in 0..out.len() {
        let m = &out[k];
        let gerund = m.trigger.slice(text).ends_with("ing");
        let linked = super::words_before(text, m.trigger.start(), 1).first().is_some_and(|w| matches!(w.as_str(), "after" | "before" | "while"));
        if m.place.is_some() || !matches!(m.kind, EventKind::Meeting | EventKind::Talks) || !gerund || !linked {
            continue;
        }
        let gathering = out.iter().find_map(|s| {
            let before = s.trigger.end() <= m.trigger.start()
                && text.get(s.trigger.end()..m.trigger.start()).is_some_and(|between| between.len() <= GERUND_WINDOW && !between.contains([';', '.']));
            let placed = s.place.as_ref().filter(|p| p.kind != PlaceKind::Country);
            (matches!(s.kind, EventKind::Summit | EventKind::Conference) && s.sentence == m.sentence && before).then_some(placed).flatten().cloned()
        });
        if let Some(place) = gathering
            && let Some(m) = out.get_mut(k) {
                m.place = Some(place);
            }
    }
}

/// Among places of the best rank for an event, the one written right beside its date
/// ("first in the Omani capital and then in Rome at the weekend": the weekend's
/// meeting is the one in Rome). `None` when no such place stands beside the date.
pub(super) fn beside_date<'p>(date: Option<Span>, candidates: &[(Span, &'p Place)]) -> Option<&'p Place> {
    let date = date?;
    let gap = |s: Span| if s.end() <= date.start() { date.start() - s.end() } else { s.start().saturating_sub(date.end()) };
    // "in Rome at the weekend", "in Rome on Saturday": a preposition apart.
    let beside: Vec<&(Span, &Place)> = candidates.iter().filter(|(s, _)| gap(*s) <= 4).collect();
    match beside.as_slice() {
        [(_, p)] => Some(*p),
        _ => None,
    }
}

/// Whether a place named after "to" is where a visit goes: "the first visit by an
/// Indian premier to Poland" (a visit word a few words before, in the same phrase).
pub(super) fn visit_destination(text: &str, place: Span, hits: &[&Hit]) -> bool {
    let before = super::words_before(text, place.start(), 1);
    if before.first().is_none_or(|w| w != "to") {
        return false;
    }
    hits.iter().any(|h| {
        h.kind == EventKind::Visit
            && h.span.end() <= place.start()
            && text.get(h.span.end()..place.start()).is_some_and(|between| {
                between.len() <= 45 && !between.contains([',', ';', '.']) && between.split_whitespace().count() <= 7
            })
    })
}

/// Whether the words between an event word and a place after it open a phrase about
/// another event: "their first meeting since the shouting match in the Oval Office"
/// (the place is the earlier event's).
/// Only a phrase that names an event ("since the summit", "since their talks") and
/// runs on to the place: "met twice since mid-April, first in Muscat" is a time.
pub(super) fn since_phrase(between: &str) -> bool {
    let lower = between.to_ascii_lowercase();
    let Some(k) = lower.split(|c: char| !c.is_alphanumeric()).position(|w| w == "since").and_then(|_| lower.find("since ")) else { return false };
    let rest = lower.get(k + "since ".len()..).unwrap_or("");
    let next = rest.split_whitespace().next().unwrap_or("");
    !rest.contains([',', ';']) && matches!(next, "the" | "their" | "his" | "her" | "its" | "a" | "an" | "last")
}

/// Adverbs that may stand between a verb of motion and "to" with the destination:
/// "travelled on to Sandringham", "flew straight to Kyiv".
pub(super) fn motion_adverb(word: &str) -> bool {
    matches!(word, "on" | "onward" | "onwards" | "straight" | "directly" | "then" | "later" | "again")
}

/// The places after an event word that its sentence puts something at ("in Beirut",
/// "at the Kremlin"), in order.
fn located_after<'e>(text: &str, entities: &'e [EntityMention], m: &EventMention) -> Vec<(&'e EntityMention, Place)> {
    entities
        .iter()
        .filter(|e| e.span.start() >= m.trigger.end() && e.span.end() <= m.sentence.end())
        .filter(|e| super::words_before(text, e.span.start(), 1).first().is_some_and(|w| matches!(w.as_str(), "in" | "at")))
        .filter_map(|e| place_of(e).map(|p| (e, p)))
        .collect()
}

/// "The envoy met Lebanese officials in Beirut and Netanyahu in Israel last week": one
/// verb, two meetings, each with its own people and place. The meeting told second
/// becomes a mention of its own (same day and status) with the people named in its
/// part; the first keeps its place and loses them.
pub(super) fn split_coordinated_meetings(text: &str, entities: &[EntityMention], out: &mut Vec<EventMention>, keep: &mut Vec<bool>) {
    let n = out.len();
    for k in 0..n {
        let Some(m) = out.get(k) else { continue };
        if !matches!(m.kind, EventKind::Meeting | EventKind::Talks) || m.antecedent.is_some() || !keep.get(k).copied().unwrap_or(false) {
            continue;
        }
        let located = located_after(text, entities, m);
        let [(first, p1), (second, p2)] = located.as_slice() else { continue };
        // (The place beside the date may have been taken for the verb's: each part
        // now takes its own.)
        if m.place.as_ref().is_none_or(|p| p.name != p1.name && p.name != p2.name) || p1.name == p2.name {
            continue;
        }
        let Some(between) = text.get(first.span.end()..second.span.start()) else { continue };
        if !between.starts_with(" and ") || between.len() > 60 || between.contains([',', ';', '.']) {
            continue;
        }
        // The people named between "and" and the second place are the second meeting's.
        let theirs: Vec<String> = entities
            .iter()
            .filter(|e| e.span.start() >= first.span.end() && e.span.end() <= second.span.start())
            .filter_map(|e| match &e.entity {
                Entity::Person(p) => Some(p.name.clone()),
                _ => None,
            })
            .collect();
        if theirs.is_empty() {
            continue;
        }
        // The people named between the event word and the first place are the first's.
        let first_only: Vec<String> = entities
            .iter()
            .filter(|e| e.span.start() >= m.trigger.end() && e.span.end() <= first.span.start())
            .filter_map(|e| match &e.entity {
                Entity::Person(p) => Some(p.name.clone()),
                _ => None,
            })
            .collect();
        let mut again = m.clone();
        again.place = Some(p2.clone());
        again.participants.retain(|p| !first_only.contains(&p.name));
        if let Some(m) = out.get_mut(k) {
            m.participants.retain(|p| !theirs.contains(&p.name));
            m.place = Some(p1.clone());
        }
        out.push(again);
        keep.push(true);
    }
}

/// The place an entity mention stands for, when it is one.
fn place_of(m: &EntityMention) -> Option<Place> {
    match &m.entity {
        Entity::Place(_) | Entity::Organization(_) => m.place().filter(|p| p.kind != PlaceKind::Region || p.country.is_some()),
        _ => None,
    }
}

/// How far (in bytes) after "where" the event word of its clause may stand.
const WHERE_WINDOW: usize = 90;

/// "The groundwork was laid in Kuala Lumpur, where the two ministers held talks": an
/// event in a relative clause of place is held at the place the clause follows. So is
/// an event followed by "there" ("they met there on Sunday"): at the last place the
/// text put something at before it, in its sentence or the one before. For an event
/// whose clause names no place of its own.
pub(super) fn implicit_place(text: &str, entities: &[EntityMention], sentence: Span, trigger: Span) -> Option<Place> {
    where_place(text, entities, sentence, trigger)
        .or_else(|| there_place(text, entities, sentence, trigger))
        .or_else(|| the_capital(text, entities, sentence, trigger))
}

/// How far (in bytes) "in the capital" may stand from the event word it places.
const CAPITAL_WINDOW: usize = 40;

/// "the first Indian leader to visit Ukraine, arriving in the capital by train": "the
/// capital" is that of the country last named before it in its sentence.
fn the_capital(text: &str, entities: &[EntityMention], sentence: Span, trigger: Span) -> Option<Place> {
    let lower = sentence.slice(text).to_ascii_lowercase();
    let at = ["in the capital", "to the capital", "at the capital"].iter().filter_map(|p| lower.find(p).map(|k| (k, p.len()))).min()?;
    let (start, end) = (sentence.start() + at.0, sentence.start() + at.0 + at.1);
    // "the capital of X" names its country; "the capital's mayor" is no place.
    let after = text.get(end..).unwrap_or("");
    if after.starts_with(" of") || after.starts_with('\'') || after.starts_with('\u{2019}') {
        return None;
    }
    let gap = if end <= trigger.start() { trigger.start() - end } else { start.saturating_sub(trigger.end()) };
    if gap > CAPITAL_WINDOW {
        return None;
    }
    let country = entities.iter().rev().filter(|e| e.span.start() >= sentence.start() && e.span.end() <= start).find_map(|e| match &e.entity {
        Entity::Place(p) if p.kind == PlaceKind::Country => p.country.clone(),
        _ => None,
    })?;
    crate::entities::capital_of(&country).and_then(|c| crate::entities::lookup_city(&c))
}

fn where_place(text: &str, entities: &[EntityMention], sentence: Span, trigger: Span) -> Option<Place> {
    let head = text.get(sentence.start()..trigger.start())?;
    let at = head.rfind(", where ")?;
    let clause_start = sentence.start() + at;
    if trigger.start() - clause_start > WHERE_WINDOW {
        return None;
    }
    // The place ends right before ", where", or an apposition stands between: "rather
    // than Gyeongju, an hour's drive to the north, where ...".
    // "in Geneva, Switzerland, where": the city, not its country.
    let candidates: Vec<Place> = entities
        .iter()
        .filter(|e| e.span.end() <= clause_start && e.span.start() >= sentence.start())
        .filter(|e| {
            text.get(e.span.end()..clause_start).is_some_and(|gap| {
                gap.is_empty() || gap.starts_with(", ") && gap.len() <= WHERE_APPOSITION && !gap.contains([';', '.', '(', ')'])
            })
        })
        .filter_map(place_of)
        .collect();
    candidates.iter().rev().find(|p| p.kind != PlaceKind::Country).or(candidates.last()).cloned()
}

/// How long (in bytes) an apposition between a place and ", where" may be.
const WHERE_APPOSITION: usize = 45;

fn there_place(text: &str, entities: &[EntityMention], sentence: Span, trigger: Span) -> Option<Place> {
    let after = text.get(trigger.end()..sentence.end())?;
    let words: Vec<&str> = after.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).take(4).collect();
    // "met there", "held talks there on Sunday"; not "there were" opening a new clause.
    let there = words.iter().position(|w| *w == "there")?;
    if words.get(there + 1).is_some_and(|w| matches!(*w, "is" | "are" | "was" | "were" | "would" | "will" | "had" | "has")) {
        return None;
    }
    // The sentence before begins after the full stop before its own.
    let head = text.get(..sentence.start()).unwrap_or("").trim_end();
    let head = head.strip_suffix(['.', '!', '?']).unwrap_or(head);
    let window_start = head.rfind(['.', '!', '?']).map_or(0, |k| k + 1);
    entities
        .iter()
        .rev()
        .filter(|e| e.span.start() >= window_start && e.span.end() <= trigger.start())
        .filter(|e| super::words_before(text, e.span.start(), 2).iter().any(|w| matches!(w.as_str(), "in" | "at" | "to")))
        .find_map(place_of)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::Document;

    fn mentions(text: &str, published: &str) -> Vec<EventMention> {
        let doc = Document {
            id: "t.txt".into(),
            path: "t.txt".into(),
            title: None,
            source: None,
            url: None,
            author: None,
            published: chrono::NaiveDate::parse_from_str(published, "%Y-%m-%d").ok(),
            text: text.into(),
        };
        crate::pipeline::analyze(doc).mentions
    }

    fn city(m: &EventMention) -> Option<&str> {
        m.place.as_ref().and_then(|p| p.city.as_deref())
    }

    #[test]
    fn datelines_and_bylines_give_the_reporters_city() {
        assert_eq!(dateline_place("GENEVA (Wire) \u{2014} Envoys met for five hours on Monday.").map(|p| p.name), Some("Geneva".into()));
        assert_eq!(dateline_place("**Rio de Janeiro** \u{2014} Ministers of the bloc met on Monday.").map(|p| p.name), Some("Rio de Janeiro".into()));
        assert_eq!(dateline_place("BUSAN, South Korea \u{2014} The two leaders met on Thursday.").map(|p| p.name), Some("Busan".into()));
        assert_eq!(dateline_place("Lima, the Peruvian capital, was quiet on Friday as leaders met."), None);
        assert_eq!(dateline_place("Geneva, Switzerland \u{2014} Envoys met for five hours on Monday.").map(|p| p.name), Some("Geneva".into()));
        assert_eq!(dateline_place("Lima (Wire) - Leaders of the forum met on Friday.").map(|p| p.name), Some("Lima".into()));
        assert_eq!(dateline_place("Lima, where leaders met on Friday - and argued - was calm."), None);
        assert_eq!(byline_place("Ana Costa \u{b7} Lima \u{b7} November 16, 2024").map(|p| p.name), Some("Lima".into()));
        assert_eq!(byline_place("Ana Costa in Lima").map(|p| p.name), Some("Lima".into()));
        assert_eq!(byline_place("LIMA \u{b7} 16.11.2024 \u{b7} Ana Costa").map(|p| p.name), Some("Lima".into()));
        assert_eq!(byline_place("Lima, Ana Costa"), None);
        assert_eq!(byline_place("By Ana Costa | Baku | Updated: November 24, 2024 09:10 AZT").map(|p| p.name), Some("Baku".into()));
        // A headline is no byline, even when it opens with a city.
        assert_eq!(byline_place("Kyiv, Moscow trade blame over stalled prisoner swap"), None);
        assert_eq!(byline_place("Leaders to meet in Lima next week"), None);
        assert_eq!(byline_place("Ana Costa in Lima and Li Wei in Beijing \u{b7} 16 November 2024"), None);
        let text = "Climate talks end in overtime\n\nAna Costa \u{b7} Baku \u{b7} November 24, 2024\n\nMinisters from almost 200 countries met until dawn on Sunday and agreed a finance goal.";
        assert_eq!(report_city(text).map(|p| p.name), Some("Baku".into()));
        let text = "Climate talks end in overtime\n\nBAKU \u{2014}\n\nMinisters from almost 200 countries met until dawn on Sunday and agreed a finance goal.";
        assert_eq!(report_city(text).map(|p| p.name), Some("Baku".into()));
    }

    #[test]
    fn byline_city_places_a_meeting_reported_from_there() {
        let text = "Biden and Ishiba hold last talks\n\nAna Costa in Lima\n\nUS President Joe Biden met Japanese Prime Minister Shigeru Ishiba on Friday to discuss North Korea.";
        let m = mentions(text, "2024-11-16");
        let meeting = m.iter().find(|m| m.kind == EventKind::Meeting).expect("the meeting");
        assert_eq!(city(meeting), Some("Lima"), "{m:#?}");
    }

    #[test]
    fn the_gathering_filed_from_places_meetings_on_its_sidelines() {
        // Another summit runs into the same day: the sidelines are those of the
        // conference the report is filed from, not of the summit elsewhere.
        let text = "Recovery conference opens\n\nROME \u{b7} 10.07.2025 \u{b7} Ana Costa\n\nDelegations from dozens of countries opened a two-day conference on Thursday on rebuilding Ukraine. Volodymyr Zelensky held a meeting with Friedrich Merz on the sidelines on Thursday afternoon. Merz came straight from a European Union summit in Brussels, which had run from Tuesday to Thursday.";
        let m = mentions(text, "2025-07-10");
        let meeting = m.iter().find(|m| m.kind == EventKind::Meeting).expect("the meeting");
        assert_eq!(city(meeting), Some("Rome"), "{m:#?}");
    }

    #[test]
    fn a_meeting_told_as_part_of_a_summit_is_held_there() {
        let text = "NATO leaders closed their summit in Vilnius on Wednesday after meeting Ukraine's president Volodymyr Zelensky.";
        let m = mentions(text, "2023-07-12");
        let meeting = m.iter().find(|m| m.kind == EventKind::Meeting).expect("the meeting");
        assert_eq!(city(meeting), Some("Vilnius"), "{m:#?}");
    }

    #[test]
    fn the_dateline_city_refines_a_country() {
        let text = "Climate talks end\n\nBELEM, Nov 22 - Almost 200 countries agreed a deal on Saturday, closing the climate summit in Brazil a day late.";
        let m = mentions(text, "2025-11-22");
        let summit = m.iter().find(|m| m.kind == EventKind::Summit).expect("the summit");
        assert_eq!(city(summit), Some("Belém"), "{m:#?}");
    }

    #[test]
    fn an_outcome_placed_in_the_summits_country_is_in_its_city() {
        let text = "The BRICS summit in Kazan ran from Tuesday to Thursday. Leaders of the bloc agreed on Wednesday in Russia to study a grain exchange.";
        let m = mentions(text, "2024-10-25");
        let agreement = m.iter().find(|m| m.kind == EventKind::Agreement).expect("the agreement");
        assert_eq!(city(agreement), Some("Kazan"), "{m:#?}");
    }

    #[test]
    fn a_place_after_since_belongs_to_the_earlier_event() {
        let text = "Biden and Xi held talks inside the Filoli estate on Wednesday, their first meeting since the summit in Bali.";
        let m = mentions(text, "2023-11-16");
        let meeting = m.iter().find(|m| m.kind == EventKind::Meeting && m.trigger.slice(text) == "meeting");
        assert!(meeting.is_none_or(|m| city(m) != Some("Bali")), "{m:#?}");
        assert!(!since_phrase(" twice since mid-April, first "));
        assert!(since_phrase(" on Saturday, their first meeting since the talks "));
        let text = "Trump and Macron spoke inside St Peter's Basilica on Saturday, their first meeting since the talks in the Oval Office.";
        let m = mentions(text, "2025-04-27");
        let meeting = m.iter().find(|m| m.kind == EventKind::Meeting).expect("the meeting");
        assert_eq!(city(meeting), Some("Vatican City"), "{m:#?}");
    }

    #[test]
    fn a_destination_after_a_motion_adverb_is_where_the_meeting_is() {
        let text = "Emmanuel Macron, who flew on to Berlin later on Tuesday to meet Chancellor Friedrich Merz, said Europe must act together.";
        let m = mentions(text, "2025-05-07");
        // Since "flew on to" is a trip of its own, the trip takes the destination and
        // the meeting it is for places nothing elsewhere (merge joins the two).
        let trip = m.iter().find(|m| m.kind == EventKind::Visit).expect("the trip");
        assert_eq!(city(trip), Some("Berlin"), "{m:#?}");
        assert!(m.iter().all(|m| city(m).is_none_or(|c| c == "Berlin")), "{m:#?}");
    }

    #[test]
    fn an_apposition_renames_the_event_just_told() {
        // "the third visit ... to China" is the talks told again, not the visit named
        // in the sentence before.
        let text = "Lula said Pedro Sanchez would make a visit soon. On Friday Sanchez held talks with Xi Jinping, the third visit by a Spanish prime minister to China in two years.";
        let m = mentions(text, "2025-04-12");
        let talks = m.iter().position(|m| m.kind == EventKind::Talks).expect("the talks");
        let visit = m.iter().rev().find(|m| m.kind == EventKind::Visit).expect("the visit to China");
        assert_eq!(visit.antecedent, Some(talks), "{m:#?}");
    }

    #[test]
    fn one_verb_two_meetings_in_two_places() {
        let text = "US envoy Steve Witkoff met Qatari officials in Doha and Benjamin Netanyahu in Jerusalem on Tuesday.";
        let m = mentions(text, "2025-07-09");
        let meetings: Vec<&EventMention> = m.iter().filter(|m| m.kind == EventKind::Meeting).collect();
        assert_eq!(meetings.len(), 2, "{m:#?}");
        let names = |m: &EventMention| m.participants.iter().map(|p| p.name.clone()).collect::<Vec<String>>();
        assert_eq!(city(meetings[0]), Some("Doha"));
        assert!(!names(meetings[0]).contains(&"Benjamin Netanyahu".to_string()), "{m:#?}");
        assert_eq!(city(meetings[1]), Some("Jerusalem"));
        assert!(names(meetings[1]).contains(&"Benjamin Netanyahu".to_string()), "{m:#?}");
        assert_eq!(meetings[0].date, meetings[1].date);
    }

    #[test]
    fn the_capital_of_the_country_just_named() {
        let text = "Olaf Scholz flew to Central Asia and became the first leader of his country in years to visit Uzbekistan on Sunday, arriving in the capital for talks with President Shavkat Mirziyoyev.";
        let m = mentions(text, "2024-09-16");
        let visit = m.iter().find(|m| m.kind == EventKind::Visit && m.trigger.slice(text).starts_with("arriv")).expect("the arrival");
        assert_eq!(city(visit), Some("Tashkent"), "{m:#?}");
    }

    #[test]
    fn statement_after_talks_is_issued_where_they_were_held() {
        let text = "The United States and China said in a joint statement on Wednesday, after two days of talks in Stockholm, that they would keep the tariff truce.";
        let m = mentions(text, "2025-07-30");
        let statement = m.iter().find(|m| m.kind == EventKind::Statement).expect("the statement");
        assert_eq!(city(statement), Some("Stockholm"), "{m:#?}");
    }

    #[test]
    fn the_place_beside_the_date_wins_among_equals() {
        let text = "Armenian and Azerbaijani envoys have met twice, first in Almaty and then in Berlin on Tuesday, with no German mediation.";
        let m = mentions(text, "2024-03-01");
        let meeting = m.iter().find(|m| m.kind == EventKind::Meeting).expect("the meeting");
        assert_eq!(city(meeting), Some("Berlin"), "{m:#?}");
    }

    #[test]
    fn a_relative_clause_of_place_places_its_event() {
        let text = "The talks moved to Lausanne rather than Geneva, an hour away by train, where the two ministers met on Monday.";
        let m = mentions(text, "2025-03-04");
        let meeting = m.iter().find(|m| m.kind == EventKind::Meeting).expect("the meeting");
        assert_eq!(city(meeting), Some("Geneva"), "{m:#?}");
        let text = "The envoys gathered in Geneva, Switzerland, where they held talks on Monday.";
        let m = mentions(text, "2025-03-04");
        let talks = m.iter().find(|m| m.kind == EventKind::Talks).expect("the talks");
        assert_eq!(city(talks), Some("Geneva"), "{m:#?}");
        let text = "The deal was sketched in Stockholm, where Treasury Secretary Scott Bessent and Vice Premier He Lifeng held talks on Monday and Tuesday.";
        let m = mentions(text, "2025-07-30");
        let talks = m.iter().find(|m| m.kind == EventKind::Talks).expect("the talks");
        assert_eq!(city(talks), Some("Stockholm"), "{m:#?}");
    }

    #[test]
    fn there_refers_to_the_place_just_named() {
        let text = "Finnish President Alexander Stubb flew to Washington on Sunday. He met Donald Trump there on Monday.";
        let m = mentions(text, "2025-08-19");
        let meeting = m.iter().find(|m| m.kind == EventKind::Meeting).expect("the meeting");
        assert_eq!(city(meeting), Some("Washington"), "{m:#?}");
    }

    #[test]
    fn a_visit_to_a_country_goes_there() {
        let text = "Spanish Prime Minister Pedro Sanchez held talks with Xi Jinping on Friday, his third visit as prime minister to China in three years.";
        let m = mentions(text, "2025-04-12");
        let visit = m.iter().find(|m| m.kind == EventKind::Visit).expect("the visit");
        assert_eq!(visit.place.as_ref().and_then(|p| p.country.as_deref()), Some("China"), "{m:#?}");
    }
}
