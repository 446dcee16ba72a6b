//! The present tense of a schedule: "the summit opens on Tuesday", "Modi flies on
//! Tuesday to Vienna", "APEC leaders meet on Friday and Saturday".
//!
//! News tells what happened in the past tense and what is timetabled in the present,
//! so a bare weekday governed by a present-tense verb of scheduling lies ahead of the
//! publication day, whatever a default past reading of the sentence says. The verbs
//! are in `data/events/scheduled.tsv`.

use crate::text::Span;
use std::sync::LazyLock;

/// The phrases of `data/events/scheduled.tsv`, lowercased, each split into words.
static SCHEDULED: LazyLock<Vec<Vec<String>>> = LazyLock::new(|| {
    include_str!("../../data/events/scheduled.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split('\t').next())
        .map(|p| p.split_whitespace().map(str::to_lowercase).collect::<Vec<String>>())
        .filter(|p| !p.is_empty())
        .collect()
});

/// How many words before a weekday its verb may stand.
const REACH: usize = 8;

/// Words that show a verb told in the past: a governing verb found before the
/// scheduled one wins.
const PAST: &[&str] = &[
    "was", "were", "had", "did", "said", "told", "met", "held", "spoke", "flew", "went", "came", "took", "began", "left", "sat",
    "made", "gave", "saw", "won", "lost",
];

/// Words before a base form that make it no present tense: "to meet", "did not meet",
/// "could visit"; or a noun: "the start", "his visit".
const NOT_PRESENT_BEFORE: &[&str] = &[
    "to", "did", "didn't", "not", "never", "could", "might", "may", "should", "must", "cannot", "can't", "don't", "doesn't",
    "the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "whose",
];

/// Whether the weekday at `weekday` is governed by a present-tense verb of scheduling
/// standing within the few words before it in its sentence (from `from`), with no past
/// verb nearer to it.
pub(super) fn present_before(text: &str, from: usize, weekday: Span) -> bool {
    let Some(lead) = text.get(from..weekday.start()) else { return false };
    // A clause ends at a semicolon or dash: only the weekday's own clause counts.
    let lead = lead.rsplit([';', '\u{2014}', '\u{2013}']).next().unwrap_or(lead);
    let words: Vec<String> = lead
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}')
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase().replace('\u{2019}', "'"))
        .collect();
    let n = words.len();
    for back in 0..REACH.min(n) {
        let i = n - 1 - back;
        let w = words[i].as_str();
        if PAST.contains(&w) || w.len() > 4 && w.ends_with("ed") {
            return false;
        }
        for phrase in SCHEDULED.iter() {
            let len = phrase.len();
            if i + 1 < len {
                continue;
            }
            let start = i + 1 - len;
            let fits = words.get(start..=i).is_some_and(|ws| ws.iter().zip(phrase).all(|(a, b)| a == b));
            if !fits {
                continue;
            }
            // A base form needs a subject, not "to", a modal of doubt or a determiner.
            let third_person = phrase.last().is_some_and(|w| w.ends_with('s'));
            let before = start.checked_sub(1).and_then(|k| words.get(k)).map(String::as_str);
            if third_person || !before.is_some_and(|b| NOT_PRESENT_BEFORE.contains(&b)) {
                // "-s" forms after a determiner are plural nouns: "the talks", "his visits".
                return !(third_person && before.is_some_and(|b| NOT_PRESENT_BEFORE.contains(&b)));
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn weekday_span(text: &str, day: &str) -> Span {
        let at = text.find(day).expect("the weekday is in the sentence");
        Span::new(text, at, at + day.len()).expect("a span of the sentence")
    }

    #[test]
    fn a_timetable_in_the_present_tense_looks_ahead() {
        // The 2023 NATO summit in Vilnius opened on Tuesday 11 July.
        let s = "The NATO summit opens on Tuesday in the Lithuanian capital.";
        assert!(present_before(s, 0, weekday_span(s, "Tuesday")));
        let s = "From Vilnius, the president flies on Wednesday to Helsinki.";
        assert!(present_before(s, 0, weekday_span(s, "Wednesday")));
        let s = "Alliance leaders meet on Tuesday and Wednesday.";
        assert!(present_before(s, 0, weekday_span(s, "Tuesday")));
        let s = "The formal session takes place at the palace on Wednesday.";
        assert!(present_before(s, 0, weekday_span(s, "Wednesday")));
    }

    #[test]
    fn a_past_verb_a_noun_or_an_infinitive_is_no_timetable() {
        let s = "The NATO summit opened on Tuesday in the Lithuanian capital.";
        assert!(!present_before(s, 0, weekday_span(s, "Tuesday")));
        let s = "Leaders who meet often said on Tuesday that the talks were useful.";
        assert!(!present_before(s, 0, weekday_span(s, "Tuesday")));
        let s = "His visit on Wednesday drew protests.";
        assert!(!present_before(s, 0, weekday_span(s, "Wednesday")));
        let s = "The talks on Wednesday ran late.";
        assert!(!present_before(s, 0, weekday_span(s, "Wednesday")));
        let s = "They did not meet on Tuesday.";
        assert!(!present_before(s, 0, weekday_span(s, "Tuesday")));
    }
}
