//! Groups that take part in events as such: "European leaders", "NATO foreign
//! ministers", "the Russian delegation", "the two diplomats".
//!
//! Kept apart from [`Entity`](super::Entity) on purpose: a group is not one thing the
//! other stages can place or date, and adding a variant would make every `match` on
//! entities handle it. [`groups`] reads the text and the entity mentions already found
//! and returns each group with its country or organization and, where the text names
//! them, its members.

use super::{Entity, EntityMention, Person};
use crate::text::{Sentence, Span};
use regex::Regex;
use std::sync::LazyLock;

/// What a group phrase refers to.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Group {
    /// The phrase as written, without a leading article: "Russian delegation".
    pub name: String,
    /// The country the group represents, when one is named ("Russian delegation").
    pub country: Option<String>,
    /// The organization, when one is named ("NATO foreign ministers", "European leaders" → European Union).
    pub org: Option<String>,
    /// How many members the text says ("the two diplomats"), if it says.
    pub size: Option<usize>,
    /// Members named in the same sentence (or the one before, for "the two ..."):
    /// people of the group's country or organization, or the last `size` people named.
    pub members: Vec<Person>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupMention {
    pub span: Span,
    pub group: Group,
}

const HEADS: &str = r"leaders|heads of state|foreign ministers|defen[cs]e ministers|finance ministers|ministers|delegations?|negotiators|diplomats|envoys|officials|counterparts|presidents|sides|teams?";

static GROUP_RE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?:(?P<art>[Tt]he|[Bb]oth)[ \t]+)?(?:(?P<num>two|three|four|both)[ \t]+)?(?P<pre>(?:[\p{{L}}.'’\-]+[ \t]+){{0,2}}?)(?P<head>{HEADS})$"
    ))
    .ok()
});

/// The head nouns alone: a cheap first pass, the full pattern then runs on a short window.
static HEAD_RE: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(&format!(r"\b(?:{HEADS})\b")).ok());

/// Adjectives that name an organization's members collectively.
const BLOCS: &[(&str, &str)] = &[("European", "European Union"), ("EU", "European Union"), ("Western", "West"), ("Arab", "Arab League"), ("Gulf", "Gulf Cooperation Council")];

/// Find group references, given the text, its sentences and the entities [`find`](super::find) found.
pub fn groups(text: &str, sentences: &[Sentence], entities: &[EntityMention]) -> Vec<GroupMention> {
    let (Some(re), Some(heads)) = (&*GROUP_RE, &*HEAD_RE) else { return Vec::new() };
    let mut out = Vec::new();
    for h in heads.find_iter(text) {
        let mut base = h.start().saturating_sub(60);
        while base < h.start() && !text.is_char_boundary(base) {
            base += 1;
        }
        let Some(window) = text.get(base..h.end()) else { continue };
        let Some(c) = re.captures(window) else { continue };
        let at = |m: Option<regex::Match<'_>>| m.map(|m| Part { start: base + m.start(), end: base + m.end(), text: text.get(base + m.start()..base + m.end()).unwrap_or("") });
        let (Some(all), Some(head)) = (at(c.get(0)), at(c.name("head"))) else { continue };
        let pre = at(c.name("pre")).filter(|p| p.start < p.end);
        let size = c.name("num").map(|n| match n.as_str() {
            "two" | "both" => 2,
            "three" => 3,
            _ => 4,
        });
        let size = size.or_else(|| c.name("art").filter(|a| a.as_str().eq_ignore_ascii_case("both")).map(|_| 2));
        // The entity that qualifies the head: inside `pre`, the last one.
        let (pre_start, pre_end) = pre.map_or((head.start(), head.start()), |p| (p.start(), p.end()));
        let qualifier = entities.iter().rev().find(|m| m.span.start() >= pre_start && m.span.end() <= pre_end);
        let mut country = None;
        let mut org = None;
        let mut start = all.start();
        match qualifier.map(|m| &m.entity) {
            Some(Entity::Nationality(c)) => country = Some(c.clone()),
            Some(Entity::Place(p)) => country = p.country.clone(),
            Some(Entity::Organization(o)) => match &o.country {
                Some(c) => country = Some(c.clone()),
                None => org = Some(o.name.clone()),
            },
            _ => {}
        }
        if country.is_none() && org.is_none() {
            let words = pre.map_or("", |p| p.as_str());
            if let Some((_, o)) = BLOCS.iter().find(|(w, _)| words.split_whitespace().any(|x| x == *w)) {
                org = Some(o.to_string());
            }
        }
        if country.is_none() && org.is_none() && size.is_none() {
            continue; // "officials said": no group we can name
        }
        // Lower-case words before the qualifier are not part of the name ("met European leaders").
        if let Some(q) = qualifier {
            if c.name("art").is_none() && c.name("num").is_none() {
                start = q.span.start();
            }
        } else if let Some(p) = pre {
            let lead: usize = p.as_str().split_inclusive([' ', '\t']).take_while(|w| w.chars().next().is_some_and(|ch| ch.is_lowercase())).map(str::len).sum();
            if c.name("art").is_none() && c.name("num").is_none() {
                start = p.start() + lead;
            }
        }
        let name_start = at(c.name("num")).map_or(start, |n| n.start()).max(start);
        let Some(span) = Span::new(text, start, all.end()) else { continue };
        let name = text.get(name_start..all.end()).unwrap_or("").to_string();
        let members = members(sentences, entities, span, country.as_deref(), org.as_deref(), size);
        out.push(GroupMention { span, group: Group { name, country, org, size, members } });
    }
    out
}

fn members(
    sentences: &[Sentence],
    entities: &[EntityMention],
    span: Span,
    country: Option<&str>,
    org: Option<&str>,
    size: Option<usize>,
) -> Vec<Person> {
    let idx = sentences.iter().position(|s| s.span.start() <= span.start() && span.start() < s.span.end());
    let (from, to) = match idx {
        Some(i) => {
            let s = sentences.get(i).map_or(span, |s| s.span);
            let prev = i.checked_sub(1).and_then(|j| sentences.get(j)).map_or(s.start(), |p| p.span.start());
            (if size.is_some() { prev } else { s.start() }, s.end())
        }
        None => (0, span.end()),
    };
    let people: Vec<&Person> = entities
        .iter()
        .filter(|m| m.span.start() >= from && m.span.end() <= to)
        .filter_map(|m| match &m.entity {
            Entity::Person(p) => Some(p),
            _ => None,
        })
        .collect();
    let mut out: Vec<Person> = Vec::new();
    if let Some(c) = country {
        for p in &people {
            if p.country.as_deref() == Some(c) && !out.iter().any(|q| q.name == p.name) {
                out.push((*p).clone());
            }
        }
    } else if let Some(o) = org {
        for p in &people {
            if super::person_org(&p.name, None).as_deref() == Some(o) && !out.iter().any(|q| q.name == p.name) {
                out.push((*p).clone());
            }
        }
    } else if let Some(n) = size {
        // "the two diplomats": the last n distinct people named before the phrase.
        for p in people.iter().rev() {
            if out.len() < n && !out.iter().any(|q| q.name == p.name) {
                out.push((*p).clone());
            }
        }
        out.reverse();
    }
    out
}

/// A capture moved to offsets in the whole text.
#[derive(Clone, Copy)]
struct Part<'t> {
    start: usize,
    end: usize,
    text: &'t str,
}

impl<'t> Part<'t> {
    fn start(&self) -> usize {
        self.start
    }
    fn end(&self) -> usize {
        self.end
    }
    fn as_str(&self) -> &'t str {
        self.text
    }
}
