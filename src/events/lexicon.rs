//! The event lexicons in `data/events/`: trigger words and status cues.
//!
//! Both are compiled once into case-insensitive aho-corasick automata, so a
//! document is scanned once per lexicon however many phrases they hold.

use super::EventKind;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::sync::LazyLock;

/// How a trigger names its event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// A name for the event ("talks", "summit"): can be definite ("the talks") and refer back.
    Noun,
    /// A verb ("met", "visited"): asserts that something happened or will.
    Verb,
    /// The start of a war: one event per conflict, whatever the date.
    Onset,
}

#[derive(Clone, Debug)]
pub struct Trigger {
    pub phrase: String,
    pub kind: EventKind,
    pub form: Form,
}

/// What a cue word says about an event near it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Cue {
    Cancelled,
    Postponed,
    Planned,
    Held,
    /// A condition, wish or proposal: the event is not reported as real.
    Hypothetical,
    /// The event is denied ("not ready to talk").
    Negated,
    /// Just before a noun trigger, marks a general reference ("restart peace talks").
    Generic,
}

pub struct Lexicon<T> {
    pub automaton: AhoCorasick,
    pub entries: Vec<T>,
}

fn rows(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    data.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).map(|l| l.split('\t').collect())
}

/// Each phrase with a straight apostrophe also matches with a typographic one
/// ("ministers’ meeting"), and with "defence"/"defense" spellings left to the data.
fn build<T: Clone>(mut phrases: Vec<String>, mut entries: Vec<T>) -> Lexicon<T> {
    for i in 0..phrases.len() {
        if phrases[i].contains('\'') {
            phrases.push(phrases[i].replace('\'', "\u{2019}"));
            entries.push(entries[i].clone());
        }
    }
    let automaton = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(&phrases)
        .expect("lexicon phrases build an automaton");
    Lexicon { automaton, entries }
}

fn parse_kind(s: &str) -> Option<EventKind> {
    serde_json::from_value(serde_json::Value::String(s.to_string())).ok()
}

pub static TRIGGERS: LazyLock<Lexicon<Trigger>> = LazyLock::new(|| {
    let mut phrases = Vec::new();
    let mut entries = Vec::new();
    for cols in rows(include_str!("../../data/events/triggers.tsv")) {
        let (Some(phrase), Some(kind), Some(form)) = (cols.first(), cols.get(1).and_then(|k| parse_kind(k)), cols.get(2)) else {
            continue;
        };
        let form = match *form {
            "verb" => Form::Verb,
            "onset" => Form::Onset,
            _ => Form::Noun,
        };
        phrases.push(phrase.to_string());
        entries.push(Trigger { phrase: phrase.to_string(), kind, form });
    }
    build(phrases, entries)
});

pub static CUES: LazyLock<Lexicon<Cue>> = LazyLock::new(|| {
    let mut phrases = Vec::new();
    let mut entries = Vec::new();
    for cols in rows(include_str!("../../data/events/cues.tsv")) {
        let (Some(phrase), Some(effect)) = (cols.first(), cols.get(1)) else { continue };
        let cue = match *effect {
            "cancelled" => Cue::Cancelled,
            "postponed" => Cue::Postponed,
            "planned" => Cue::Planned,
            "held" => Cue::Held,
            "hypothetical" => Cue::Hypothetical,
            "negated" => Cue::Negated,
            "generic" => Cue::Generic,
            _ => continue,
        };
        phrases.push(phrase.to_string());
        entries.push(cue);
    }
    build(phrases, entries)
});

/// Whether `text[start..end]` stands as whole words (no letter or digit either side).
pub fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(|c| c.is_alphanumeric()) && !after.is_some_and(|c| c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicons_load_and_every_row_is_valid() {
        let bad: Vec<_> = rows(include_str!("../../data/events/triggers.tsv"))
            .filter(|c| c.len() < 3 || parse_kind(c[1]).is_none() || !matches!(c[2], "noun" | "verb" | "onset"))
            .collect();
        assert!(bad.is_empty(), "bad trigger rows: {bad:?}");
        assert!(TRIGGERS.entries.len() > 40);
        assert!(CUES.entries.len() > 40);
    }

    #[test]
    fn whole_words_only() {
        let t = "metropolis met";
        let hits: Vec<_> = TRIGGERS
            .automaton
            .find_iter(t)
            .filter(|m| whole_word(t, m.start(), m.end()))
            .map(|m| &t[m.start()..m.end()])
            .collect();
        assert_eq!(hits, vec!["met"]);
    }
}
