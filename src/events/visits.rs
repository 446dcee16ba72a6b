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
