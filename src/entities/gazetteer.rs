//! The built-in knowledge: data files compiled in with `include_str!`, parsed once,
//! and one aho-corasick automaton over every surface form they hold.
//!
//! Every surface form (a city's spellings, a country's aliases and demonyms, an
//! organization, a venue, a person's aliases and stand-alone surnames) becomes one
//! pattern; a pattern may stand for several things ("Kremlin" is an organization and a
//! venue, "Austin" a surname and a city), and the caller decides between them with the
//! context. Matching is case-sensitive on purpose: proper names are capitalised, and
//! "turkey" or "nice" are not places.

use aho_corasick::{AhoCorasick, MatchKind};
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;
use thiserror::Error;

/// An error in one of the data files, naming the file and line.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
#[error("{file}:{line}: {message}")]
pub struct DataError {
    pub file: &'static str,
    pub line: usize,
    pub message: String,
}

pub(crate) const CITIES: (&str, &str) = ("data/cities.tsv", include_str!("../../data/cities.tsv"));
pub(crate) const COUNTRIES: (&str, &str) = ("data/countries.tsv", include_str!("../../data/countries.tsv"));
pub(crate) const PEOPLE: (&str, &str) = ("data/people.tsv", include_str!("../../data/people.tsv"));
pub(crate) const ORGS: (&str, &str) = ("data/orgs.tsv", include_str!("../../data/orgs.tsv"));
pub(crate) const VENUES: (&str, &str) = ("data/venues.tsv", include_str!("../../data/venues.tsv"));
pub(crate) const ROLES: (&str, &str) = ("data/roles.tsv", include_str!("../../data/roles.tsv"));
pub(crate) const REGIONS: (&str, &str) = ("data/regions.tsv", include_str!("../../data/regions.tsv"));
pub(crate) const ADMIN1: (&str, &str) = ("data/admin1.tsv", include_str!("../../data/admin1.tsv"));
pub(crate) const NOT_NAMES: (&str, &str) = ("data/not_names.tsv", include_str!("../../data/not_names.tsv"));
pub(crate) const STOPLIST: (&str, &str) = ("data/place_stoplist.tsv", include_str!("../../data/place_stoplist.tsv"));

/// A data row: its 1-based line number and its columns.
pub(crate) struct Row<'a> {
    pub line: usize,
    pub cols: Vec<&'a str>,
}

/// Rows of a TSV file: `#` comments and blank lines skipped, the header checked.
pub(crate) fn rows(file: (&'static str, &'static str), header: &[&str]) -> Result<Vec<Row<'static>>, DataError> {
    let (name, text) = file;
    let mut out = Vec::new();
    let mut seen_header = false;
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if !seen_header {
            if cols != header {
                return Err(DataError { file: name, line: i + 1, message: format!("header should be {}", header.join(" ")) });
            }
            seen_header = true;
            continue;
        }
        if cols.len() != header.len() {
            return Err(DataError {
                file: name,
                line: i + 1,
                message: format!("expected {} columns, found {}", header.len(), cols.len()),
            });
        }
        out.push(Row { line: i + 1, cols });
    }
    if !seen_header {
        return Err(DataError { file: name, line: 0, message: "no header".into() });
    }
    Ok(out)
}

pub(crate) fn list(s: &str) -> impl Iterator<Item = &str> {
    s.split('|').map(str::trim).filter(|x| !x.is_empty())
}

fn col<'a>(row: &Row<'a>, i: usize) -> &'a str {
    row.cols.get(i).copied().unwrap_or("")
}

/// A date of a term of office, given to the day, month or year.
/// `start` is its first day, `end` its last.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct LooseDate {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

pub(crate) fn parse_loose_date(s: &str) -> Option<LooseDate> {
    let parts: Vec<&str> = s.split('-').collect();
    let num = |i: usize, len: usize| -> Option<u32> {
        let p = parts.get(i)?;
        (p.len() == len && p.bytes().all(|b| b.is_ascii_digit())).then(|| p.parse().ok()).flatten()
    };
    match parts.len() {
        1 => {
            let y = num(0, 4)? as i32;
            Some(LooseDate { start: NaiveDate::from_ymd_opt(y, 1, 1)?, end: NaiveDate::from_ymd_opt(y, 12, 31)? })
        }
        2 => {
            let (y, m) = (num(0, 4)? as i32, num(1, 2)?);
            let start = NaiveDate::from_ymd_opt(y, m, 1)?;
            let next = if m == 12 { NaiveDate::from_ymd_opt(y + 1, 1, 1)? } else { NaiveDate::from_ymd_opt(y, m + 1, 1)? };
            Some(LooseDate { start, end: next.pred_opt()? })
        }
        3 => {
            let d = NaiveDate::from_ymd_opt(num(0, 4)? as i32, num(1, 2)?, num(2, 2)?)?;
            Some(LooseDate { start: d, end: d })
        }
        _ => None,
    }
}

#[derive(Debug)]
pub(crate) struct Country {
    pub name: String,
    pub capital: String,
}

#[derive(Debug)]
pub(crate) struct City {
    pub name: String,
    pub country: String,
    pub population: u64,
    pub capital: bool,
}

#[derive(Debug)]
pub(crate) struct Org {
    pub name: String,
    pub country: Option<String>,
    pub venue: Option<usize>,
}

#[derive(Debug)]
pub(crate) struct Venue {
    pub name: String,
    pub city: Option<String>,
    pub country: Option<String>,
}

#[derive(Debug)]
pub(crate) struct Region {
    pub name: String,
    pub country: String,
}

/// One term of office of a person.
#[derive(Debug, Clone)]
pub(crate) struct Term {
    pub role: String,
    pub country: Option<String>,
    pub org: Option<String>,
    pub from: LooseDate,
    pub to: Option<LooseDate>,
}

#[derive(Debug)]
pub(crate) struct KnownPerson {
    pub name: String,
    /// The name a title or a later mention uses alone: the first of the `short` column
    /// ("Xi" for Xi Jinping, "Lee" for Lee Jae-myung).
    pub short: Option<String>,
    /// Terms, most relevant first when no date is known: the one still running (or
    /// ended last), then the one begun first.
    pub terms: Vec<Term>,
}

impl KnownPerson {
    /// The term to report: the one covering `date` (earliest begun first), else the
    /// one ordered first (still running or ended last).
    pub fn term_at(&self, date: Option<NaiveDate>) -> Option<&Term> {
        if let Some(d) = date {
            let covering = self
                .terms
                .iter()
                .filter(|t| t.from.start <= d && t.to.is_none_or(|to| d <= to.end))
                .min_by_key(|t| t.from.start);
            if covering.is_some() {
                return covering;
            }
        }
        self.terms.first()
    }
}

/// What a surface form stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Target {
    /// A full name or alias of a known person.
    Person(usize),
    Org(usize),
    Venue(usize),
    Country(usize),
    /// A demonym or adjective of nationality of the country.
    Demonym(usize),
    Region(usize),
    City(usize),
    /// A surname that may stand alone for the person.
    Surname(usize),
    /// A short name that stands for the person only once the full name was written
    /// ("Lee", "Wang", "He": common family names, or words).
    IntroducedSurname(usize),
}

#[derive(Debug)]
pub(crate) struct Role {
    pub phrase: String,
    pub role: String,
    pub family: String,
}

/// Why a capitalised word is no name (data/not_names.tsv).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NotName {
    /// A group or title noun ("Officials", "Delegation", "Head"): skipped before a name,
    /// ends one after it.
    Group,
    /// A headline verb ("Meets", "Hosts"): ends a name; no name starts with it.
    Verb,
}

pub(crate) struct Gazetteer {
    pub countries: Vec<Country>,
    pub cities: Vec<City>,
    pub orgs: Vec<Org>,
    pub venues: Vec<Venue>,
    pub regions: Vec<Region>,
    pub people: Vec<KnownPerson>,
    pub roles: Vec<Role>,
    /// Capitalised words that are never part of a person's name (data/not_names.tsv).
    pub not_names: HashMap<String, NotName>,
    /// What each pattern of the automaton stands for (best first).
    pub targets: Vec<Vec<Target>>,
    pub automaton: AhoCorasick,
    pub by_surface: HashMap<String, usize>,
    pub country_by_name: HashMap<String, usize>,
}

pub(crate) static GAZETTEER: LazyLock<Result<Gazetteer, DataError>> = LazyLock::new(Gazetteer::load);

/// The gazetteer, or `None` when a data file is malformed (the data test reports it).
pub(crate) fn gazetteer() -> Option<&'static Gazetteer> {
    GAZETTEER.as_ref().ok()
}

fn opt(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

impl Gazetteer {
    pub(crate) fn load() -> Result<Gazetteer, DataError> {
        let mut forms: BTreeMap<String, Vec<Target>> = BTreeMap::new();
        let mut add = |form: &str, t: Target| {
            let form = form.trim();
            if !form.is_empty() {
                let v = forms.entry(form.to_string()).or_default();
                if !v.contains(&t) {
                    v.push(t);
                }
            }
        };

        let stop: Vec<&str> = rows(STOPLIST, &["name", "reason"])?.iter().map(|r| col(r, 0)).collect();

        let mut countries = Vec::new();
        let mut country_by_name = HashMap::new();
        for r in rows(COUNTRIES, &["name", "iso2", "aliases", "demonyms", "capital"])? {
            let i = countries.len();
            let name = col(&r, 0).to_string();
            add(&name, Target::Country(i));
            for a in list(col(&r, 2)) {
                add(a, Target::Country(i));
            }
            for d in list(col(&r, 3)) {
                add(d, Target::Demonym(i));
            }
            country_by_name.insert(name.clone(), i);
            countries.push(Country { name, capital: col(&r, 4).to_string() });
        }

        let mut cities = Vec::new();
        let header = ["country", "name", "geonameid", "ascii", "alternates", "iso2", "population", "capital", "lat", "lon"];
        for r in rows(CITIES, &header)? {
            let population = col(&r, 6).parse::<u64>().map_err(|_| DataError {
                file: CITIES.0,
                line: r.line,
                message: "population is not a number".into(),
            })?;
            let i = cities.len();
            let forms_of = std::iter::once(col(&r, 1)).chain(std::iter::once(col(&r, 3))).chain(list(col(&r, 4)));
            for f in forms_of {
                if !f.is_empty() && !stop.contains(&f) {
                    add(f, Target::City(i));
                }
            }
            cities.push(City {
                name: col(&r, 1).to_string(),
                country: col(&r, 0).to_string(),
                population,
                capital: col(&r, 7) == "1",
            });
        }

        let mut venues = Vec::new();
        for r in rows(VENUES, &["name", "aliases", "city", "country"])? {
            let i = venues.len();
            add(col(&r, 0), Target::Venue(i));
            for a in list(col(&r, 1)) {
                add(a, Target::Venue(i));
            }
            venues.push(Venue { name: col(&r, 0).to_string(), city: opt(col(&r, 2)), country: opt(col(&r, 3)) });
        }

        let mut orgs = Vec::new();
        for r in rows(ORGS, &["name", "aliases", "country", "venue"])? {
            let i = orgs.len();
            add(col(&r, 0), Target::Org(i));
            for a in list(col(&r, 1)) {
                add(a, Target::Org(i));
            }
            let venue = match opt(col(&r, 3)) {
                None => None,
                Some(v) => Some(venues.iter().position(|x| x.name == v).ok_or_else(|| DataError {
                    file: ORGS.0,
                    line: r.line,
                    message: format!("venue {v} is not in data/venues.tsv"),
                })?),
            };
            orgs.push(Org { name: col(&r, 0).to_string(), country: opt(col(&r, 2)), venue });
        }

        let mut regions = Vec::new();
        for r in rows(REGIONS, &["name", "aliases", "country", "note"])? {
            let i = regions.len();
            add(col(&r, 0), Target::Region(i));
            for a in list(col(&r, 1)) {
                add(a, Target::Region(i));
            }
            regions.push(Region { name: col(&r, 0).to_string(), country: col(&r, 2).to_string() });
        }
        // First-level regions (generated; see scripts/build_gazetteer.py).
        for r in rows(ADMIN1, &["country", "name", "aliases", "code", "type"])? {
            let i = regions.len();
            add(col(&r, 1), Target::Region(i));
            for a in list(col(&r, 2)) {
                add(a, Target::Region(i));
            }
            regions.push(Region { name: col(&r, 1).to_string(), country: col(&r, 0).to_string() });
        }

        let mut people: Vec<KnownPerson> = Vec::new();
        let mut person_index: HashMap<String, usize> = HashMap::new();
        let header = ["name", "aliases", "short", "role", "country", "org", "from", "to"];
        for r in rows(PEOPLE, &header)? {
            let bad = |m: &str| DataError { file: PEOPLE.0, line: r.line, message: m.to_string() };
            let from = parse_loose_date(col(&r, 6)).ok_or_else(|| bad("from is not a date"))?;
            let to = match opt(col(&r, 7)) {
                None => None,
                Some(s) => Some(parse_loose_date(&s).ok_or_else(|| bad("to is not a date"))?),
            };
            let name = col(&r, 0).to_string();
            let i = *person_index.entry(name.clone()).or_insert_with(|| {
                people.push(KnownPerson { name: name.clone(), short: None, terms: Vec::new() });
                people.len() - 1
            });
            add(&name, Target::Person(i));
            for a in list(col(&r, 1)) {
                add(a, Target::Person(i));
            }
            for s in list(col(&r, 2)) {
                // "(Lee)": the short name, standing alone only after the full name.
                match s.strip_prefix('(').and_then(|x| x.strip_suffix(')')) {
                    Some(inner) => add(inner, Target::IntroducedSurname(i)),
                    None => add(s, Target::Surname(i)),
                }
            }
            if let Some(p) = people.get_mut(i) {
                if p.short.is_none() {
                    p.short = list(col(&r, 2)).next().map(|s| s.trim_start_matches('(').trim_end_matches(')').to_string());
                }
                p.terms.push(Term { role: col(&r, 3).to_string(), country: opt(col(&r, 4)), org: opt(col(&r, 5)), from, to });
            }
        }
        for p in &mut people {
            // Running terms first (to = None sorts last in the reversed order), then the one begun first.
            p.terms.sort_by(|a, b| {
                let end = |t: &Term| t.to.map(|d| d.end);
                match (end(a), end(b)) {
                    (None, Some(_)) => std::cmp::Ordering::Less,
                    (Some(_), None) => std::cmp::Ordering::Greater,
                    (x, y) => y.cmp(&x),
                }
                .then(a.from.start.cmp(&b.from.start))
                .then(a.role.cmp(&b.role))
            });
        }

        let mut not_names = HashMap::new();
        for r in rows(NOT_NAMES, &["word", "kind"])? {
            let kind = match col(&r, 1) {
                "group" => NotName::Group,
                "verb" => NotName::Verb,
                k => return Err(DataError { file: NOT_NAMES.0, line: r.line, message: format!("kind {k} is not group or verb") }),
            };
            not_names.insert(col(&r, 0).to_string(), kind);
        }

        let mut roles = Vec::new();
        for r in rows(ROLES, &["phrase", "role", "family"])? {
            roles.push(Role { phrase: col(&r, 0).to_string(), role: col(&r, 1).to_string(), family: col(&r, 2).to_string() });
        }
        roles.sort_by(|a, b| b.phrase.len().cmp(&a.phrase.len()).then(a.phrase.cmp(&b.phrase)));

        let mut patterns: Vec<String> = Vec::with_capacity(forms.len());
        let mut targets = Vec::with_capacity(forms.len());
        let mut by_surface = HashMap::new();
        for (form, mut ts) in forms {
            ts.sort();
            // Among cities of one name keep the capital, then the most populous.
            let best_city = ts
                .iter()
                .filter_map(|t| match t {
                    Target::City(i) => cities.get(*i).map(|c| (c.capital, c.population, std::cmp::Reverse(*i), *i)),
                    _ => None,
                })
                .max()
                .map(|x| x.3);
            ts.retain(|t| !matches!(t, Target::City(i) if Some(*i) != best_city));
            by_surface.insert(form.clone(), patterns.len());
            patterns.push(form);
            targets.push(ts);
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .map_err(|e| DataError { file: "data/", line: 0, message: format!("automaton: {e}") })?;
        Ok(Gazetteer {
            countries,
            cities,
            orgs,
            venues,
            regions,
            people,
            roles,
            not_names,
            targets,
            automaton,
            by_surface,
            country_by_name,
        })
    }

    /// What an exact surface form stands for.
    pub(crate) fn lookup(&self, form: &str) -> &[Target] {
        self.by_surface.get(form).and_then(|&i| self.targets.get(i)).map_or(&[], |v| v.as_slice())
    }

    /// The country (English short name) a target belongs to.
    pub(crate) fn country_of(&self, t: Target, date: Option<NaiveDate>) -> Option<String> {
        match t {
            Target::Country(i) | Target::Demonym(i) => self.countries.get(i).map(|c| c.name.clone()),
            Target::City(i) => self.cities.get(i).map(|c| c.country.clone()),
            Target::Region(i) => self.regions.get(i).map(|r| r.country.clone()),
            Target::Venue(i) => self.venues.get(i).and_then(|v| v.country.clone()),
            Target::Org(i) => self.orgs.get(i).and_then(|o| o.country.clone()),
            Target::Person(i) | Target::Surname(i) | Target::IntroducedSurname(i) => {
                self.people.get(i).and_then(|p| p.term_at(date)).and_then(|t| t.country.clone())
            }
        }
    }
}
