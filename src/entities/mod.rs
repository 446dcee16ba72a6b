//! Entities stage: people (with role and country), places, countries and organizations.
//!
//! Built-in knowledge is general data kept in `data/` (people who hold offices,
//! GeoNames cities, countries with demonyms, organizations, venues, regions, a role
//! lexicon; see data/README.md), compiled in with `include_str!`, parsed once
//! (`LazyLock`) and matched in one aho-corasick pass over every surface form.
//! Matching is case-sensitive and whole-word: names are capitalised, so "turkey" is
//! no country, and "Parisian" holds no Paris.
//!
//! Decisions worth knowing:
//! - **Ambiguous surface forms** are decided by kind: a known person's full name, then
//!   an organization, a venue, a country, a demonym, a region, a city; a stand-alone
//!   surname comes last unless its person was named in full earlier in the document
//!   ("Austin" is the Texas city until "Lloyd Austin" appears). Among cities of one name
//!   the capital wins, then the most populous. "Georgia" is the Caucasus country (the
//!   first-level regions of data/admin1.tsv leave out names a country or a city bears).
//! - **People missing from the list** are found after a role phrase ("Defense Minister
//!   Rustem Umerov", "aide Vladimir Medinsky", "his German counterpart Boris Pistorius")
//!   or in an apposition ending with one ("X, the special envoy,"). Their country comes
//!   from a demonym, country, organization or person just before the role ("Turkish",
//!   "UK", "Kremlin", "Putin's"); "counterpart" takes the role of the person named
//!   before. Their surname alone later in the document is the same person.
//! - **Terms of office**: [`find`] gives a known person the role of the term running
//!   (or ended last); [`find_at`] the term covering a date. A title in the text picks
//!   the term it names.
//! - **Metonymy**: the Kremlin, the White House, the Élysée, Downing Street are
//!   [`Organization`]s with a country; [`EntityMention::place`] and [`venue`] give the
//!   building and its city. Other venues (Lancaster House) are [`Place`]s of kind
//!   [`PlaceKind::Venue`].
//! - **Groups** ("European leaders", "the Russian delegation", "the two diplomats") are
//!   not an [`Entity`] variant, so that every `match` on entities stays as it is; call
//!   [`groups`] with the mentions `find` returned.

mod gazetteer;
mod groups;
mod people;

pub use gazetteer::DataError;
pub use groups::{Group, GroupMention, groups};

use crate::text::{Sentence, Span};
use aho_corasick::{AhoCorasick, MatchKind};
use chrono::NaiveDate;
use gazetteer::{City, Gazetteer, KnownPerson, Target, Venue, gazetteer};
use regex::Regex;
use std::sync::LazyLock;

/// A person, with the canonical spelling of the name.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Person {
    pub name: String,
    pub role: Option<String>,
    /// Country the person represents (English short name: "Russia", "United States").
    pub country: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PlaceKind {
    City,
    Country,
    /// A region or province ("Donetsk region", "southern Turkey").
    Region,
    /// A building or site standing for a city ("the Kremlin", "Diriyah Palace").
    Venue,
}

/// A place, resolved to its city and country where known.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Place {
    pub name: String,
    pub kind: PlaceKind,
    pub city: Option<String>,
    pub country: Option<String>,
}

/// An organization ("NATO", "ASEAN", "Kremlin" standing for Russia's government).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Organization {
    pub name: String,
    pub country: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Entity {
    Person(Person),
    Place(Place),
    Organization(Organization),
    /// A demonym or adjective of nationality ("Russian", "Turkish"): the country it names.
    Nationality(String),
}

/// An entity found at a span of the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntityMention {
    pub span: Span,
    pub entity: Entity,
}

/// Find entities in `text`, sorted by position and not overlapping.
///
/// Known people get the role and country of their current (or last) term; use
/// [`find_at`] to get the office held at the document's date.
pub fn find(text: &str, sentences: &[Sentence]) -> Vec<EntityMention> {
    find_at(text, sentences, None)
}

/// Like [`find`], with known people's role and country as of `date` (the term that
/// covers it; the current or last term when none does).
pub fn find_at(text: &str, sentences: &[Sentence], date: Option<NaiveDate>) -> Vec<EntityMention> {
    match gazetteer() {
        Some(g) => Finder { g, text, sentences, date }.run(),
        None => Vec::new(),
    }
}

/// The city of `name` (any GeoNames spelling kept: "Kiev" gives Kyiv), preferring
/// capitals, then the most populous.
pub fn lookup_city(name: &str) -> Option<Place> {
    let g = gazetteer()?;
    g.lookup(name).iter().find_map(|t| match t {
        Target::City(i) => g.cities.get(*i).map(city_place),
        _ => None,
    })
}

/// The country (English short name) a demonym or adjective names: "Turkish" → "Turkey".
pub fn country_of_demonym(word: &str) -> Option<String> {
    let g = gazetteer()?;
    g.lookup(word).iter().find_map(|t| match t {
        Target::Demonym(i) => g.countries.get(*i).map(|c| c.name.clone()),
        _ => None,
    })
}

/// The canonical English short name of a country given any of its names ("U.S.", "Britain").
pub fn country_named(name: &str) -> Option<String> {
    let g = gazetteer()?;
    g.lookup(name).iter().find_map(|t| match t {
        Target::Country(i) => g.countries.get(*i).map(|c| c.name.clone()),
        _ => None,
    })
}

/// The capital of a country (by its canonical name), as GeoNames gives it. GeoNames'
/// country table lags renamings (it still says Nur-Sultan for Astana): when its name is
/// no city of that country, the city the city table flags as the capital is taken.
pub fn capital_of(country: &str) -> Option<String> {
    let g = gazetteer()?;
    let named = g.country_by_name.get(country).and_then(|&i| g.countries.get(i)).map(|c| c.capital.clone()).filter(|c| !c.is_empty());
    if named.as_deref().and_then(lookup_city).is_some_and(|p| p.country.as_deref() == Some(country)) {
        return named;
    }
    g.cities.iter().filter(|c| c.capital && c.country == country).max_by_key(|c| c.population).map(|c| c.name.clone()).or(named)
}

/// The place a venue or an organization housed in one stands for: "Kremlin" →
/// Kremlin, Moscow, Russia; "Lancaster House" → London.
pub fn venue(name: &str) -> Option<Place> {
    let g = gazetteer()?;
    let targets = g.lookup(name);
    let index = targets.iter().find_map(|t| match t {
        Target::Venue(i) => Some(*i),
        Target::Org(i) => g.orgs.get(*i).and_then(|o| o.venue),
        _ => None,
    })?;
    g.venues.get(index).map(venue_place)
}

/// A known person by any alias, with role and country as of `date` (see [`find_at`]).
pub fn person(name: &str, date: Option<NaiveDate>) -> Option<Person> {
    let g = gazetteer()?;
    g.lookup(name).iter().find_map(|t| match t {
        Target::Person(i) => g.people.get(*i).map(|p| known_person(p, date)),
        _ => None,
    })
}

/// The short name of a known person, by any alias: the family name news uses alone
/// ("Xi" for Xi Jinping, "Lee" for Lee Jae-myung, "Araghchi"), from the `short` column
/// of data/people.tsv. `None` for a person not in the list or without one.
pub fn short_name(name: &str) -> Option<String> {
    let g = gazetteer()?;
    g.lookup(name).iter().find_map(|t| match t {
        Target::Person(i) => g.people.get(*i).and_then(|p| p.short.clone()),
        _ => None,
    })
}

/// The organization a known person serves ("Mark Rutte" → "NATO"), when not a country.
pub fn person_org(name: &str, date: Option<NaiveDate>) -> Option<String> {
    let g = gazetteer()?;
    g.lookup(name).iter().find_map(|t| match t {
        Target::Person(i) => g.people.get(*i).and_then(|p| p.term_at(date)).and_then(|t| t.org.clone()),
        _ => None,
    })
}

/// The family of a role as reported ("Secretary of State" → "foreign_minister",
/// "Defence Secretary" → "defense_minister", "aide" → "aide"); see data/roles.tsv.
pub fn role_family(role: &str) -> Option<&'static str> {
    let g = gazetteer()?;
    g.roles
        .iter()
        .find(|r| r.role.eq_ignore_ascii_case(role) || r.phrase.eq_ignore_ascii_case(role))
        .map(|r| r.family.as_str())
}

/// Check that every data file parses (file and line of the first error).
pub fn check_data() -> Result<(), DataError> {
    match &*gazetteer::GAZETTEER {
        Ok(_) => Ok(()),
        Err(e) => Err(e.clone()),
    }
}

impl EntityMention {
    /// The place this mention stands for: a place itself, or the venue of an
    /// organization named after its building ("talks at the Kremlin" → Moscow).
    pub fn place(&self) -> Option<Place> {
        match &self.entity {
            Entity::Place(p) => Some(p.clone()),
            Entity::Organization(o) => venue(&o.name),
            _ => None,
        }
    }
}

fn city_place(c: &City) -> Place {
    Place { name: c.name.clone(), kind: PlaceKind::City, city: Some(c.name.clone()), country: Some(c.country.clone()) }
}

fn venue_place(v: &Venue) -> Place {
    Place { name: v.name.clone(), kind: PlaceKind::Venue, city: v.city.clone(), country: v.country.clone() }
}

fn known_person(p: &KnownPerson, date: Option<NaiveDate>) -> Person {
    let term = p.term_at(date);
    Person { name: p.name.clone(), role: term.map(|t| t.role.clone()), country: term.and_then(|t| t.country.clone()) }
}

/// Captures of every match, found with the fast matcher first: capture groups need a
/// slower engine, so it only runs where a match is known to start.
pub(crate) fn captures<'r, 't>(re: &'r Regex, text: &'t str) -> impl Iterator<Item = regex::Captures<'t>> + use<'r, 't> {
    re.find_iter(text).filter_map(move |m| re.captures_at(text, m.start()))
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// A gazetteer match with its word boundaries checked.
#[derive(Clone, Copy, Debug)]
struct Raw {
    start: usize,
    end: usize,
    pattern: usize,
}

#[derive(Clone, Debug)]
enum CandKind {
    Gaz(usize),
    Fixed(Entity),
}

#[derive(Clone, Debug)]
struct Cand {
    start: usize,
    end: usize,
    /// Lower wins among candidates of the same span.
    rank: u8,
    kind: CandKind,
}

const DIRECTIONS: &[&str] = &[
    "northern", "southern", "eastern", "western", "central", "northeastern", "northwestern", "southeastern",
    "southwestern", "north-eastern", "north-western", "south-eastern", "south-western", "Northern", "Southern",
    "Eastern", "Western", "Central",
];

static REGION_SUFFIX: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"\b(?P<name>\p{Lu}[\p{L}'’\-]+)[ \t]+(?P<kind>region|oblast|province|governorate|Region|Oblast|Province|Governorate)\b").ok()
});

struct Finder<'a> {
    g: &'static Gazetteer,
    text: &'a str,
    sentences: &'a [Sentence],
    date: Option<NaiveDate>,
}

impl Finder<'_> {
    fn run(&self) -> Vec<EntityMention> {
        let raws = self.raw_matches();
        let mut cands: Vec<Cand> = raws.iter().map(|r| Cand { start: r.start, end: r.end, rank: 5, kind: CandKind::Gaz(r.pattern) }).collect();
        self.regions(&raws, &mut cands);
        self.org_countries(&raws, &mut cands);
        self.role_people(&raws, &mut cands);
        cands.sort_by(|a, b| a.start.cmp(&b.start).then((b.end - b.start).cmp(&(a.end - a.start))).then(a.rank.cmp(&b.rank)));

        let mut out: Vec<EntityMention> = Vec::new();
        let mut seen: Vec<usize> = Vec::new(); // known people named in full so far
        let mut last_end = 0usize;
        for c in cands {
            if c.start < last_end {
                continue;
            }
            let entity = match c.kind {
                CandKind::Fixed(e) => {
                    if let Entity::Person(p) = &e
                        && let Some(Target::Person(i)) = self.g.lookup(&p.name).iter().find(|t| matches!(t, Target::Person(_)))
                        && !seen.contains(i)
                    {
                        seen.push(*i);
                    }
                    Some(e)
                }
                CandKind::Gaz(p) => self.resolve(p, &mut seen),
            };
            if let Some(entity) = entity {
                out.push(EntityMention { span: Span::from_range_unchecked(c.start, c.end), entity });
                last_end = c.end;
            }
        }
        self.unknown_coreference(&mut out);
        self.fill_counterparts(&mut out);
        out
    }

    fn raw_matches(&self) -> Vec<Raw> {
        let mut raws = Vec::new();
        for m in self.g.automaton.find_overlapping_iter(self.text) {
            let (s, e) = (m.start(), m.end());
            let before_ok = self.text.get(..s).and_then(|t| t.chars().next_back()).is_none_or(|c| !is_word_char(c));
            let after_ok = self.text.get(e..).and_then(|t| t.chars().next()).is_none_or(|c| !is_word_char(c));
            if before_ok && after_ok {
                raws.push(Raw { start: s, end: e, pattern: m.pattern().as_usize() });
            }
        }
        raws.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end), r.pattern));
        raws
    }

    fn targets(&self, pattern: usize) -> &'static [Target] {
        self.g.targets.get(pattern).map_or(&[], |v| v.as_slice())
    }

    fn resolve(&self, pattern: usize, seen: &mut Vec<usize>) -> Option<Entity> {
        let g = self.g;
        let ts = self.targets(pattern);
        let person = |i: usize, seen: &mut Vec<usize>| {
            if !seen.contains(&i) {
                seen.push(i);
            }
            g.people.get(i).map(|p| Entity::Person(known_person(p, self.date)))
        };
        if let Some(Target::Person(i)) = ts.iter().find(|t| matches!(t, Target::Person(_))) {
            return person(*i, seen);
        }
        // A surname of someone named before in this document.
        if let Some(i) = ts.iter().rev().find_map(|t| match t {
            Target::Surname(i) | Target::IntroducedSurname(i) if seen.contains(i) => Some(*i),
            _ => None,
        }) {
            return person(i, seen);
        }
        for t in ts {
            let e = match *t {
                Target::Org(i) => g.orgs.get(i).map(|o| Entity::Organization(Organization { name: o.name.clone(), country: o.country.clone() })),
                Target::Venue(i) => g.venues.get(i).map(|v| Entity::Place(venue_place(v))),
                Target::Country(i) => g.countries.get(i).map(|c| {
                    Entity::Place(Place { name: c.name.clone(), kind: PlaceKind::Country, city: None, country: Some(c.name.clone()) })
                }),
                Target::Demonym(i) => g.countries.get(i).map(|c| Entity::Nationality(c.name.clone())),
                Target::Region(i) => g.regions.get(i).map(|r| {
                    Entity::Place(Place { name: r.name.clone(), kind: PlaceKind::Region, city: None, country: Some(r.country.clone()) })
                }),
                Target::City(i) => g.cities.get(i).map(|c| Entity::Place(city_place(c))),
                Target::Person(_) | Target::Surname(_) | Target::IntroducedSurname(_) => None,
            };
            if e.is_some() {
                return e;
            }
        }
        // Only surnames: resolve when they name one person.
        let mut people = ts.iter().filter_map(|t| match t {
            Target::Surname(i) => Some(*i),
            _ => None,
        });
        match (people.next(), people.next()) {
            (Some(i), None) => person(i, seen),
            _ => None,
        }
    }

    fn sentence_bounds(&self, pos: usize) -> (usize, usize) {
        let i = self.sentences.partition_point(|s| s.span.end() <= pos);
        self.sentences
            .get(i)
            .filter(|s| s.span.start() <= pos)
            .map_or((0, self.text.len()), |s| (s.span.start(), s.span.end()))
    }

    /// "southern Turkey", "Donetsk region".
    fn regions(&self, raws: &[Raw], cands: &mut Vec<Cand>) {
        for r in raws {
            let Some(Target::Country(i)) = self.targets(r.pattern).first().copied() else { continue };
            let Some(before) = self.text.get(..r.start) else { continue };
            let Some(trimmed) = before.strip_suffix(' ') else { continue };
            let word_start = trimmed.rfind(|c: char| !(c.is_alphabetic() || c == '-')).map_or(0, |p| p + 1);
            let word = trimmed.get(word_start..).unwrap_or("");
            if DIRECTIONS.contains(&word) {
                let country = self.g.countries.get(i).map(|c| c.name.clone());
                let name = self.text.get(word_start..r.end).unwrap_or("").to_string();
                cands.push(Cand {
                    start: word_start,
                    end: r.end,
                    rank: 1,
                    kind: CandKind::Fixed(Entity::Place(Place { name, kind: PlaceKind::Region, city: None, country })),
                });
            }
        }
        let Some(suffix) = &*REGION_SUFFIX else { return };
        for m in captures(suffix, self.text) {
            let (Some(all), Some(name)) = (m.get(0), m.get(1)) else { continue };
            let country = self.g.lookup(name.as_str()).iter().find_map(|t| match t {
                Target::City(_) | Target::Region(_) | Target::Country(_) => self.g.country_of(*t, None),
                _ => None,
            });
            if country.is_none() && STOP_REGION.contains(&name.as_str()) {
                continue;
            }
            cands.push(Cand {
                start: all.start(),
                end: all.end(),
                rank: 1,
                kind: CandKind::Fixed(Entity::Place(Place { name: all.as_str().to_string(), kind: PlaceKind::Region, city: None, country })),
            });
        }
    }

    /// "Russia's Foreign Ministry", "the Turkish Defense Ministry": a body without a
    /// country of its own takes the one written just before it.
    fn org_countries(&self, raws: &[Raw], cands: &mut Vec<Cand>) {
        for r in raws {
            let Some(Target::Org(i)) = self.targets(r.pattern).first().copied() else { continue };
            let Some(org) = self.g.orgs.get(i) else { continue };
            if org.country.is_some() {
                continue;
            }
            if let Some((cue_start, country)) = self.cue_before(raws, r.start, 0) {
                cands.push(Cand {
                    start: cue_start,
                    end: r.end,
                    rank: 1,
                    kind: CandKind::Fixed(Entity::Organization(Organization { name: org.name.clone(), country: Some(country) })),
                });
            }
        }
    }

    /// The country of the nearest gazetteer match ending before `pos` in the same
    /// sentence, joined to it by a possessive and at most `max_words` lower-case words.
    fn cue_before(&self, raws: &[Raw], pos: usize, max_words: usize) -> Option<(usize, String)> {
        let (sent_start, _) = self.sentence_bounds(pos);
        // Raws are sorted by start; any match ending before `pos` starts before it, and
        // matches are short, so look back over a bounded window only.
        let upto = raws.partition_point(|r| r.start < pos);
        let mut best: Option<&Raw> = None;
        for r in raws.get(upto.saturating_sub(64)..upto).unwrap_or(&[]) {
            if r.end <= pos && r.start >= sent_start && best.is_none_or(|b| r.end > b.end || (r.end == b.end && r.start < b.start)) {
                best = Some(r);
            }
        }
        let r = best?;
        let gap = self.text.get(r.end..pos)?;
        let words = gap.split_whitespace().filter(|w| !w.starts_with(['\'', '’'])).count();
        if words > max_words || !people::cue_gap_ok(gap) {
            return None;
        }
        let country = self.targets(r.pattern).iter().find_map(|t| self.g.country_of(*t, self.date))?;
        Some((r.start, country))
    }

    /// People found by title or apposition: each role phrase (one aho-corasick pass),
    /// then a name right after it or an apposition ending right before it.
    fn role_people(&self, raws: &[Raw], cands: &mut Vec<Cand>) {
        let Some(p) = &*people::PATTERNS else { return };
        for m in p.roles.find_iter(self.text) {
            let (rs, re) = (m.start(), m.end());
            let before_ok = self.text.get(..rs).and_then(|t| t.chars().next_back()).is_none_or(|c| !is_word_char(c));
            let next = self.text.get(re..).and_then(|t| t.chars().next());
            if !before_ok || next.is_some_and(is_word_char) {
                continue;
            }
            let Some(phrase) = self.text.get(rs..re) else { continue };
            // Title: "Defense Minister Rustem Umerov".
            let mut named = false;
            if let Some(c) = self.text.get(re..).and_then(|rest| p.name_after.captures(rest))
                && let Some(n) = c.name("name")
            {
                named = people::clean_name(self.g, n.as_str()).is_some();
                self.role_person(raws, cands, phrase, rs, re + n.start(), n.as_str());
            }
            // No name: "the Saudi crown prince", "Russia's foreign minister" is the
            // office holder, when the list knows exactly one.
            if !named {
                self.office_holder(raws, cands, phrase, rs, re);
            }
            // Apposition: "Steve Witkoff, the special envoy," — the phrase ends it.
            if next.is_none_or(|c| matches!(c, ',' | '.' | ';' | ')' | ' ')) {
                let (sent_start, _) = self.sentence_bounds(rs);
                let mut from = rs.saturating_sub(160).max(sent_start);
                while from < rs && !self.text.is_char_boundary(from) {
                    from += 1;
                }
                if let Some(window) = self.text.get(from..rs)
                    && let Some(c) = p.apposition_before.captures(window)
                    && let Some(n) = c.name("name")
                    // "Villa Saladin, the residence of Switzerland's ambassador": the
                    // apposition's head is another noun, the role someone else's.
                    && !window.get(n.end()..).is_some_and(|between| between.split_whitespace().any(|w| w == "of"))
                {
                    self.role_person(raws, cands, phrase, rs, from + n.start(), n.as_str());
                }
            }
        }
    }

    fn office_holder(&self, raws: &[Raw], cands: &mut Vec<Cand>, phrase: &str, rs: usize, re: usize) {
        let g = self.g;
        let Some(role) = people::role_of(g, phrase) else { return };
        let Some((cue_start, country)) = self.cue_before(raws, rs, 0) else { return };
        // "a Russian diplomat", "former Ukrainian president" are someone else.
        let prev_word = self.text.get(..cue_start).and_then(|t| t.split_whitespace().next_back()).unwrap_or("");
        if matches!(prev_word.to_lowercase().as_str(), "a" | "an" | "former" | "ex" | "then" | "late" | "another" | "deputy" | "acting" | "vice") {
            return;
        }
        let holds = |t: &gazetteer::Term| match self.date {
            Some(d) => t.from.start <= d && t.to.is_none_or(|to| d <= to.end),
            None => t.to.is_none(),
        };
        let matching = |exact: bool| -> Vec<(usize, &gazetteer::Term)> {
            g.people
                .iter()
                .enumerate()
                .flat_map(|(i, p)| p.terms.iter().map(move |t| (i, t)))
                .filter(|(_, t)| holds(t) && t.country.as_deref() == Some(country.as_str()))
                .filter(|(_, t)| {
                    if exact {
                        t.role.eq_ignore_ascii_case(&role.role)
                    } else {
                        role_family(&t.role) == Some(role.family.as_str()) && !matches!(role.family.as_str(), "aide" | "official" | "envoy" | "diplomat" | "minister" | "military" | "counterpart")
                    }
                })
                .collect()
        };
        let mut found = matching(true);
        if found.is_empty() {
            found = matching(false);
        }
        found.dedup_by_key(|(i, _)| *i);
        if let [(i, t)] = found.as_slice()
            && let Some(kp) = g.people.get(*i)
        {
            cands.push(Cand {
                start: cue_start,
                end: re,
                rank: 0,
                kind: CandKind::Fixed(Entity::Person(Person { name: kp.name.clone(), role: Some(t.role.clone()), country: t.country.clone() })),
            });
        }
    }

    fn role_person(&self, raws: &[Raw], cands: &mut Vec<Cand>, phrase: &str, role_start: usize, name_start: usize, name: &str) {
        let g = self.g;
        let Some((s, e)) = people::clean_name(g, name) else { return };
        let Some(name) = name.get(s..e) else { return };
        let (name_start, len) = (name_start + s, e - s);
        let targets = g.lookup(name);
        let known = targets
            .iter()
            .find_map(|t| match t {
                Target::Person(i) => Some(*i),
                _ => None,
            })
            .or_else(|| if targets.is_empty() { people::near_known(g, name) } else { None });
        if let Some(i) = known {
            let Some(kp) = g.people.get(i) else { return };
            if targets.is_empty() {
                // A variant of a known name: the known person, with the term the title names.
                let family = people::role_of(g, phrase).map(|r| r.family.as_str());
                let term = kp
                    .terms
                    .iter()
                    .find(|t| role_family(&t.role).is_some_and(|f| Some(f) == family))
                    .or_else(|| kp.term_at(self.date));
                cands.push(Cand {
                    start: name_start,
                    end: name_start + len,
                    rank: 0,
                    kind: CandKind::Fixed(Entity::Person(Person {
                        name: kp.name.clone(),
                        role: term.map(|t| t.role.clone()),
                        country: term.and_then(|t| t.country.clone()),
                    })),
                });
                return;
            }
            // Known: the gazetteer gives role and country, but a title in the text picks
            // the term it names ("Defense Minister Rustem Umerov" before his later post).
            let family = people::role_of(g, phrase).map(|r| r.family.as_str());
            let current = kp.term_at(self.date);
            let same = |t: &gazetteer::Term| role_family(&t.role).is_some_and(|f| Some(f) == family);
            if current.is_some_and(same) || family.is_none() {
                return;
            }
            if let Some(t) = kp.terms.iter().find(|t| same(t)) {
                cands.push(Cand {
                    start: name_start,
                    end: name_start + len,
                    rank: 0,
                    kind: CandKind::Fixed(Entity::Person(Person { name: kp.name.clone(), role: Some(t.role.clone()), country: t.country.clone() })),
                });
            }
            return;
        }
        if targets.iter().any(|t| matches!(t, Target::Surname(_) | Target::IntroducedSurname(_))) {
            return; // a known surname: resolved with the document's context
        }
        if !targets.is_empty() {
            return; // a place or organization, not a person
        }
        let Some(role) = people::role_of(g, phrase) else { return };
        // A title's cue stands before it ("Turkish President X"); an apposition's between
        // the name and the role ("X, Ukraine's defense minister"), never after ("envoy to Ukraine").
        let country = match self.cue_before(raws, role_start, 3) {
            Some((s, c)) if role_start < name_start || s >= name_start + len => Some(c),
            _ => None,
        };
        cands.push(Cand {
            start: name_start,
            end: name_start + len,
            rank: 0,
            kind: CandKind::Fixed(Entity::Person(Person { name: name.to_string(), role: Some(role.role.clone()), country })),
        });
    }

    /// Later mentions of a person found by role: the full name again, or the last name.
    fn unknown_coreference(&self, out: &mut Vec<EntityMention>) {
        let known: Vec<Person> = out
            .iter()
            .filter_map(|m| match &m.entity {
                Entity::Person(p) if self.g.lookup(&p.name).is_empty() => Some(p.clone()),
                _ => None,
            })
            .collect();
        if known.is_empty() {
            return;
        }
        let mut forms: Vec<(String, usize)> = Vec::new();
        for (i, p) in known.iter().enumerate() {
            forms.push((p.name.clone(), i));
            if let Some(last) = p.name.split(' ').next_back()
                && last.len() >= 3
                && last != p.name
                && self.g.lookup(last).is_empty()
                && !known.iter().any(|q| q.name != p.name && q.name.ends_with(last))
            {
                forms.push((last.to_string(), i));
            }
        }
        forms.sort();
        forms.dedup_by(|a, b| a.0 == b.0);
        let Ok(ac) = AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(forms.iter().map(|f| &f.0)) else {
            return;
        };
        let mut firsts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for x in out.iter() {
            if let Entity::Person(q) = &x.entity {
                firsts.entry(q.name.as_str()).or_insert(x.span.start());
            }
        }
        let mut added = Vec::new();
        for m in ac.find_iter(self.text) {
            let (s, e) = (m.start(), m.end());
            let before_ok = self.text.get(..s).and_then(|t| t.chars().next_back()).is_none_or(|c| !is_word_char(c));
            let after_ok = self.text.get(e..).and_then(|t| t.chars().next()).is_none_or(|c| !is_word_char(c));
            let span = Span::from_range_unchecked(s, e);
            let i = out.partition_point(|x| x.span.end() <= s);
            if !before_ok || !after_ok || out.get(i).is_some_and(|x| x.span.overlaps(span)) {
                continue;
            }
            // Only after the person was introduced.
            let Some((_, i)) = forms.get(m.pattern().as_usize()) else { continue };
            let Some(p) = known.get(*i) else { continue };
            if firsts.get(p.name.as_str()).is_some_and(|&f| f < s) {
                added.push(EntityMention { span, entity: Entity::Person(p.clone()) });
            }
        }
        out.extend(added);
        out.sort_by_key(|m| (m.span.start(), m.span.end()));
    }

    /// "his German counterpart Boris Pistorius": the role of the person named before.
    fn fill_counterparts(&self, out: &mut [EntityMention]) {
        let mut last_role: Option<String> = None;
        for m in out.iter_mut() {
            if let Entity::Person(p) = &mut m.entity {
                match p.role.as_deref() {
                    Some("counterpart") => p.role = last_role.clone(),
                    Some(r) => last_role = Some(r.to_string()),
                    None => {}
                }
            }
        }
    }
}

/// Words that take "region" in running text without naming one ("the Gulf region").
const STOP_REGION: &[&str] = &["The", "This", "That", "Each", "Every", "Whole", "Entire", "Wider", "Greater", "Border"];

#[cfg(test)]
mod tests;
