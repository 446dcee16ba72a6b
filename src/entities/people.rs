//! People the built-in list does not know, found from the words around their names:
//! a title before the name ("Defense Minister Rustem Umerov", "aide Vladimir Medinsky",
//! "his German counterpart Boris Pistorius") or an apposition after it ("Yuri Ushakov,
//! a Kremlin aide,"). The role comes from the role lexicon (data/roles.tsv); the country
//! from a demonym, country, organization or person written just before the role
//! ("Turkish President", "UK Defence Minister", "Kremlin aide", "Putin's adviser").

use super::gazetteer::{Gazetteer, NotName, Role, Target};
use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;
use std::sync::LazyLock;

/// One capitalised name word: "Umerov", "Sa'ar", "Kosiniak-Kamysz", "J.D.".
const WORD: &str = r"\p{Lu}[\p{L}'’.\-]*";
/// Lower-case particles inside names: "Tamim bin Hamad", "Ursula von der Leyen".
const PARTICLE: &str = r"(?:bin|bint|ibn|al|el|de|da|du|van|von|der|den|la|le|di|dos|das)";

fn name_pattern() -> String {
    format!(r"{WORD}(?:[ \t]+(?:{PARTICLE}[ \t]+)*{WORD}){{0,3}}")
}

pub(crate) struct Patterns {
    /// Every role phrase, matched without regard to ASCII case, longest first.
    pub roles: AhoCorasick,
    /// A name right after a role: "[ ]Hakan Fidan".
    pub name_after: Regex,
    /// An apposition ending right before a role: "Steve Witkoff, the special ".
    pub apposition_before: Regex,
}

pub(crate) static PATTERNS: LazyLock<Option<Patterns>> = LazyLock::new(|| {
    let g = super::gazetteer::gazetteer()?;
    let roles = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(g.roles.iter().map(|r| r.phrase.as_str()))
        .ok()?;
    let name = name_pattern();
    let name_after = Regex::new(&format!(r"^[ \t]+(?P<name>{name})")).ok()?;
    let apposition_before = Regex::new(&format!(
        r"\b(?P<name>{name}),[ \t]+(?:the|a|an|his|her|its|their|\p{{Lu}}[\p{{L}}.]*['’]s)[ \t]+(?:[\p{{L}}'’.\-]+[ \t]+){{0,4}}$"
    ))
    .ok()?;
    Some(Patterns { roles, name_after, apposition_before })
});

/// Capitalised words that end a name or cannot be one.
const STOP_WORDS: &[&str] = &[
    "A", "An", "The", "In", "On", "At", "And", "But", "Or", "Of", "For", "To", "With", "From", "After", "Before", "When",
    "While", "As", "By", "He", "She", "They", "It", "This", "That", "These", "Those", "His", "Her", "Their", "Its",
    "We", "I", "You", "Meanwhile", "Earlier", "Later", "Then", "However", "Monday", "Tuesday", "Wednesday", "Thursday",
    "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
    "Oct", "Nov", "Dec", "Mr", "Mrs", "Ms", "Dr", "Said", "Says", "Told", "Today", "Yesterday", "Tomorrow",
];

/// Honorifics and ranks that may stand between a role and a name ("envoy Lt. Gen.
/// Keith Kellogg", "Crown Prince Mohammed"); skipped, not part of the name.
const HONORIFICS: &[&str] = &[
    "Lt", "Gen", "Col", "Maj", "Adm", "Capt", "Sgt", "Sen", "Rep", "Gov", "Dr", "Prof", "Mr", "Mrs", "Ms", "Sir",
    "Lord", "Dame", "Sheikh", "Sheikha", "Prince", "Princess", "King", "Queen", "Emir", "Sultan", "General",
    "Lieutenant", "Colonel", "Major", "Admiral", "Marshal", "Field", "Ambassador", "President", "Minister", "Secretary",
    "Chancellor", "Premier", "Vice", "Deputy", "Acting", "Former",
];

/// Clean a captured name: skip leading honorifics, cut at the first stop word or known
/// place, strip a final possessive or stop. Returns the byte range kept, relative to `name`.
pub(crate) fn clean_name(g: &Gazetteer, name: &str) -> Option<(usize, usize)> {
    // A known person's full name stands as it is, even when a word of it is a city
    // ("Vladimir Putin": Vladimir is a Russian city).
    let mut tokens: Vec<(usize, &str)> = Vec::new();
    let mut off = 0usize;
    for tok in name.split([' ', '\t']) {
        if !tok.is_empty() {
            tokens.push((off, tok));
        }
        off += tok.len() + 1;
    }
    // The known name may follow other words a pattern took along ("Affairs Minister
    // Subrahmanyam Jaishankar" before an apposition): try every start, longest first.
    let first = tokens.iter().position(|(_, t)| !HONORIFICS.contains(&t.trim_end_matches('.'))).unwrap_or(0);
    for (k, &(s, _)) in tokens.iter().enumerate().skip(first) {
        for &(o, t) in tokens.iter().skip(k).rev() {
            let e = o + t.trim_end_matches(['.', ',']).trim_end_matches("'s").trim_end_matches("’s").len();
            if let Some(full) = name.get(s..e)
                && g.lookup(full).iter().any(|x| matches!(x, Target::Person(_)))
            {
                return Some((s, e));
            }
        }
    }
    let mut start: Option<usize> = None;
    let mut end = 0usize;
    let mut words = 0usize;
    let mut offset = 0usize;
    for tok in name.split([' ', '\t']) {
        let tok_start = offset;
        offset += tok.len() + 1;
        if tok.is_empty() {
            continue;
        }
        let mut t = tok;
        for suffix in ["'s", "’s", "'", "’", ","] {
            if let Some(s) = t.strip_suffix(suffix) {
                t = s;
            }
        }
        let is_initial = t.chars().count() == 2 && t.ends_with('.');
        if t.ends_with('.') && !is_initial && t.matches('.').count() == 1 {
            t = t.trim_end_matches('.');
        }
        let not_name = g.not_names.get(t).copied();
        if start.is_none() && (HONORIFICS.contains(&t) || not_name == Some(NotName::Group)) {
            continue;
        }
        if start.is_none() && not_name == Some(NotName::Verb) {
            return None; // "Envoy Meets Russian Officials"
        }
        if t.is_empty() || STOP_WORDS.contains(&t) || not_name.is_some() {
            break;
        }
        if HONORIFICS.contains(&t) {
            // A title inside the words taken: the name starts after it.
            start = None;
            words = 0;
            continue;
        }
        let lower_particle = t.chars().next().is_some_and(|c| c.is_lowercase());
        let kinds = if lower_particle { &[][..] } else { g.lookup(t) };
        if kinds.iter().any(|x| matches!(x, Target::Country(_) | Target::Demonym(_) | Target::Org(_) | Target::Venue(_) | Target::Region(_))) {
            // A country, organization or demonym is not part of a name ("Umerov Ukraine").
            if words == 0 {
                return None;
            }
            break;
        }
        if words == 0 && kinds.iter().any(|x| matches!(x, Target::City(_))) && !tokens.iter().any(|&(o, _)| o > tok_start) {
            return None; // a lone city after a role: "the minister Kyiv"
        }
        start.get_or_insert(tok_start);
        end = tok_start + t.len();
        if !lower_particle {
            words += 1;
        }
        if tok.len() != t.len() {
            break; // a possessive or stop ended the name
        }
    }
    let start = start?;
    (words > 0 && end > start).then_some((start, end))
}

/// A known person a name not in the list still stands for: a known surname after a
/// first name that starts like one of the person's names ("Recep Erdoğan",
/// "Emannuel Macron" with a typo).
pub(crate) fn near_known(g: &Gazetteer, name: &str) -> Option<usize> {
    let mut toks = name.split(' ').filter(|t| !t.is_empty());
    let first = toks.next()?;
    let last = toks.next_back()?;
    let mut people = g.lookup(last).iter().filter_map(|t| match t {
        Target::Surname(i) => Some(*i),
        _ => None,
    });
    let (i, None) = (people.next()?, people.next()) else { return None };
    let prefix = |s: &str| s.chars().take(2).collect::<String>();
    let known = g.people.get(i)?;
    known.name.split(' ').any(|t| prefix(t) == prefix(first)).then_some(i)
}

/// The role lexicon entry for a phrase as written.
pub(crate) fn role_of<'a>(g: &'a Gazetteer, phrase: &str) -> Option<&'a Role> {
    let p = phrase.to_lowercase();
    g.roles.iter().find(|r| r.phrase == p)
}

/// Whether the text between a country cue and a role may join them: an optional
/// possessive, then at most three lower-case words ("'s top", "special Mideast").
pub(crate) fn cue_gap_ok(gap: &str) -> bool {
    let mut rest = gap;
    for p in ["'s", "’s", "'", "’"] {
        if let Some(r) = rest.strip_prefix(p) {
            rest = r;
            break;
        }
    }
    if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
        return false;
    }
    let words: Vec<&str> = rest.split_whitespace().collect();
    words.len() <= 3
        && words.iter().all(|w| {
            matches!(*w, "Mideast" | "Middle" | "East")
                || (w.chars().next().is_some_and(|c| c.is_lowercase()) && w.chars().all(|c| c.is_alphabetic() || c == '-'))
        })
        && !words.contains(&"and")
}
