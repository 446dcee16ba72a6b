//! Trips told as tours and stops: "began a four-day tour of the Gulf", "the second
//! stop of his tour", "touring the Amazon".
//!
//! "Tour" names a leader's trip abroad in diplomatic news, but also a concert, a
//! campaign or a soldier's service; only the trip is a visit.

use super::{EventKind, EventMention};
use crate::entities::{Entity, EntityMention, PlaceKind};

/// "Modi flies on Tuesday to Vienna, the first visit to Austria by an Indian prime
/// minister": a visit placed only in a country goes to the city of that country its
/// sentence sends the traveller to ("to Vienna", "in Vienna").
pub(super) fn city_of_country_visit(text: &str, entities: &[EntityMention], out: &mut [EventMention]) {
    for m in out.iter_mut().filter(|m| m.kind == EventKind::Visit) {
        let Some(country) = m.place.as_ref().filter(|p| p.kind == PlaceKind::Country).and_then(|p| p.country.clone()) else { continue };
        let cities: Vec<_> = entities
            .iter()
            .filter(|e| m.sentence.contains(e.span))
            .filter_map(|e| match &e.entity {
                Entity::Place(p) if p.kind == PlaceKind::City && p.country.as_deref() == Some(country.as_str()) => {
                    let prep = super::words_before(text, e.span.start(), 1).pop().unwrap_or_default();
                    matches!(prep.as_str(), "to" | "in").then(|| p.clone())
                }
                _ => None,
            })
            .collect();
        // One city of that country: two leave the stop unknown.
        if let [city] = cities.as_slice() {
            m.place = Some(city.clone());
        }
    }
}

/// "He stopped in Warsaw, where he held talks with Tusk": an event told in a relative
/// clause opened by "where" happens at the place that "where" stands for, the place
/// named just before it.
/// A mention that so learns its place, and has a date and actors, says enough to keep.
pub(super) fn place_of_where(text: &str, entities: &[EntityMention], out: &mut [EventMention], keep: &mut [bool]) {
    for (k, m) in out.iter_mut().enumerate().filter(|(_, m)| m.place.is_none() && m.kind != EventKind::Call && !m.onset) {
        let Some(lead) = text.get(m.sentence.start()..m.trigger.start()) else { continue };
        let Some(at) = lead.rfind(", where ") else { continue };
        let where_at = m.sentence.start() + at;
        // The words between "where" and the event: its subject, a few words.
        if lead.get(at + 8..).is_none_or(|between| between.split_whitespace().count() > 8) {
            continue;
        }
        let place = entities
            .iter()
            .filter(|e| m.sentence.contains(e.span) && e.span.end() <= where_at && where_at - e.span.end() <= 50)
            .filter_map(|e| e.place())
            .next_back();
        if let Some(p) = place {
            m.place = Some(p);
            let actors = !m.participants.is_empty() || !m.parties.is_empty();
            if let (Some(kept), true) = (keep.get_mut(k), actors && m.date.is_some()) {
                *kept = true;
            }
        }
    }
}

/// Whether "was in"/"were in" tells where someone named just before was: "Zelensky,
/// who was in the United Arab Emirates on Monday". Only the relative "who" and a
/// proper name after it: "the economy was in recession" and "Trump was in
/// Washington" (at home) are no trips.
pub(super) fn stay_of_someone(text: &str, start: usize, end: usize) -> bool {
    let prev = super::words_before(text, start, 1).pop().unwrap_or_default();
    let rest = text.get(end..).unwrap_or("").trim_start();
    let rest = rest.strip_prefix("the ").unwrap_or(rest);
    prev == "who" && rest.chars().next().is_some_and(char::is_uppercase)
}

/// Words that may stand between a traveller and "arrived": "Xi, who also arrived".
const ARRIVAL_ADVERBS: &[&str] = &["also", "finally", "later", "first", "then", "had", "has", "have", "only", "just", "eventually"];

/// Nouns of people who travel on state business: "the Ukrainian president arrived".
const TRAVELLERS: &[&str] = &[
    "president", "minister", "chancellor", "premier", "leader", "leaders", "king", "emir", "prince", "envoy", "secretary",
    "delegation", "delegations", "who",
];

/// Words that make an arrival the time of another clause: "as they arrived", "by the
/// time the president arrived", "when he arrived".
const SUBORDINATORS: &[&str] = &["as", "when", "time", "after", "before", "once", "until", "while"];

/// Whether "arrived"/"arrives" with no place after it ("Xi, who also arrived on
/// Thursday", "Biden arrived the same way in February 2023") is someone's arrival on a
/// trip: its subject is a name, a traveller's title or "who", and it is no clause of
/// time ("as they arrived on Monday", told of the hosts' greeting).
pub(super) fn arrival_of_someone(text: &str, start: usize) -> bool {
    let before = super::words_before(text, start, 6);
    let mut i = before.len();
    while i > 0 && ARRIVAL_ADVERBS.contains(&before[i - 1].as_str()) {
        i -= 1;
    }
    let Some(subject) = i.checked_sub(1).and_then(|k| before.get(k)) else { return false };
    let raw_subject = text
        .get(..start)
        .unwrap_or("")
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
        .filter(|w| !w.is_empty())
        .rev()
        .nth(before.len() - i)
        .unwrap_or("");
    let named = raw_subject.chars().next().is_some_and(char::is_uppercase);
    let subordinate = before.get(..i.saturating_sub(1)).unwrap_or(&[]).iter().rev().take(3).any(|w| SUBORDINATORS.contains(&w.as_str()));
    (named || TRAVELLERS.contains(&subject.as_str())) && !subordinate
}

/// Words before "tour" that make it no diplomatic trip: "a concert tour", "a guided
/// tour", "a campaign tour" at home.
const NOT_TRIP_BEFORE: &[&str] = &["concert", "book", "guided", "campaign", "bus", "stadium", "farewell", "comedy", "golf", "tennis", "cycling", "media", "virtual"];

/// Whether "tour"/"tours"/"toured"/"touring" at `start..end` is a leader's trip.
pub(super) fn tour_is_trip(text: &str, start: usize, end: usize) -> bool {
    let next = super::next_word(text, end);
    let after = text.get(end..).unwrap_or("").trim_start().to_ascii_lowercase();
    if after.starts_with("of duty") || matches!(next.as_str(), "de" | "guide" | "guides" | "operator" | "operators" | "bus") {
        return false;
    }
    let prev = super::words_before(text, start, 1).pop().unwrap_or_default();
    !NOT_TRIP_BEFORE.contains(&prev.as_str()) && !text.get(..start).unwrap_or("").ends_with('-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, word: &str) -> (usize, usize) {
        let s = text.find(word).expect("the word is in the text");
        (s, s + word.len())
    }

    #[test]
    fn who_was_in_a_place_is_a_stay_the_economy_in_recession_is_not() {
        // Blinken stopped in Cairo on 18 June 2024 during his Middle East trip.
        let t = "Blinken, who was in Cairo on Monday, flew on to Doha.";
        let (s, e) = at(t, "was in");
        assert!(stay_of_someone(t, s, e));
        let t = "The economy was in recession on Monday.";
        let (s, e) = at(t, "was in");
        assert!(!stay_of_someone(t, s, e));
    }

    #[test]
    fn an_arrival_needs_a_traveller_and_no_clause_of_time() {
        // Scholz arrived in Beijing on 14 April 2024 by way of Chongqing.
        let t = "Olaf Scholz, who also arrived on Sunday, toured a factory.";
        assert!(arrival_of_someone(t, at(t, "arrived").0));
        let t = "German Chancellor Olaf Scholz arrived on Sunday.";
        assert!(arrival_of_someone(t, at(t, "arrived").0));
        let t = "Li Qiang greeted the delegations as they arrived on Sunday.";
        assert!(!arrival_of_someone(t, at(t, "arrived").0));
        let t = "By the time the chancellor arrived on Sunday, the talks were over.";
        assert!(!arrival_of_someone(t, at(t, "arrived").0));
        let t = "Once the list arrived, the guns fell silent.";
        assert!(!arrival_of_someone(t, at(t, "arrived").0));
    }

    #[test]
    fn an_event_after_where_is_at_the_place_before_it() {
        use crate::entities::{Person, Place};
        use crate::events::{EventMention, Status};
        // Blinken stopped in Doha on 12 June 2024 and held talks there.
        let t = "Blinken stopped in Doha, where he held talks with the emir on Wednesday.";
        let span = |w: &str| {
            let s = t.find(w).expect("in text");
            crate::text::Span::new(t, s, s + w.len()).expect("span")
        };
        let doha = Place { name: "Doha".into(), kind: PlaceKind::City, city: Some("Doha".into()), country: Some("Qatar".into()) };
        let entities = vec![EntityMention { span: span("Doha"), entity: Entity::Place(doha) }];
        let mut out = vec![EventMention {
            document: "t".into(),
            kind: EventKind::Talks,
            status: Status::Held,
            status_explicit: true,
            participants: vec![Person { name: "Antony Blinken".into(), role: None, country: None }],
            parties: vec![],
            place: None,
            date: None,
            end: None,
            sentence: span(t),
            trigger: span("held talks"),
            date_span: None,
            unresolved_date: None,
            onset: false,
            antecedent: None,
            round: None,
        }];
        place_of_where(t, &entities, &mut out, &mut [false]);
        assert_eq!(out[0].place.as_ref().map(|p| p.name.as_str()), Some("Doha"));
    }

    #[test]
    fn a_leaders_tour_is_a_trip_a_concert_tour_is_not() {
        // Xi Jinping's tour of Vietnam, Malaysia and Cambodia, April 2025.
        let t = "Xi Jinping began a five-day tour of Southeast Asia in Hanoi on Monday.";
        let (s, e) = at(t, "tour");
        assert!(tour_is_trip(t, s, e));
        let t = "The singer's concert tour of Asia ends in Tokyo.";
        let (s, e) = at(t, "tour");
        assert!(!tour_is_trip(t, s, e));
        let t = "He served a tour of duty in Iraq.";
        let (s, e) = at(t, "tour");
        assert!(!tour_is_trip(t, s, e));
    }
}
