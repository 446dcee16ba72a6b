//! Boilerplate removal, shared by every input format.
//!
//! Scraped articles carry page furniture that would otherwise reach the date and
//! event extractors: cookie banners, "Related posts" lists, comment forms, share
//! bars, bylines, author bios, repeated headlines, section labels and the pieces
//! of a "Published on … by …" line. Each format first turns its input into
//! paragraphs; [`clean`] then drops the furniture paragraph by paragraph.
//!
//! The phrases are data (`data/boilerplate.txt`, compiled in); the shapes that
//! are not a fixed phrase (bylines, lines that are only a date, share bars, a
//! "Headline | Section | site" line, repeated headlines) are general rules below. The
//! rules are deliberately conservative: a paragraph that reads as a sentence of
//! the article is kept even when it starts like furniture ("By Tuesday, the
//! envoys had left" is not a byline).

use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;

/// The lexicon, parsed once.
#[derive(Default)]
struct Lexicon {
    line: HashSet<String>,
    prefix: Vec<String>,
    list: HashSet<String>,
    bio: HashSet<String>,
    end: HashSet<String>,
    share: HashSet<String>,
    share_filler: HashSet<String>,
    label: HashSet<String>,
    dateline: HashSet<String>,
}

const LEXICON_TEXT: &str = include_str!("../../data/boilerplate.txt");

/// Parse the lexicon; an error names the line.
fn parse_lexicon(text: &str) -> Result<Lexicon, String> {
    let mut lex = Lexicon::default();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim_end();
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((kind, phrase)) = line.split_once('\t') else {
            return Err(format!("data/boilerplate.txt:{}: expected <kind><TAB><phrase>", i + 1));
        };
        let phrase = phrase.trim();
        if phrase.is_empty() || phrase != phrase.to_lowercase() {
            return Err(format!("data/boilerplate.txt:{}: phrase must be non-empty lower case", i + 1));
        }
        let p = phrase.to_string();
        match kind {
            "line" => lex.line.insert(p),
            "prefix" => {
                lex.prefix.push(p);
                true
            }
            "list" => lex.list.insert(p),
            "bio" => lex.bio.insert(p),
            "end" => lex.end.insert(p),
            "share" => lex.share.insert(p),
            "share_filler" => lex.share_filler.insert(p),
            "label" => lex.label.insert(p),
            "dateline" => lex.dateline.insert(p),
            other => return Err(format!("data/boilerplate.txt:{}: unknown kind {other:?}", i + 1)),
        };
    }
    Ok(lex)
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| parse_lexicon(LEXICON_TEXT).unwrap_or_default());

/// "By Jane Doe", "Written by J. Doe and R. Roe, Example News".
static BYLINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:by|written by|words by|reporting by|story by|author:)\s+(.+)$").expect("static regex"));

/// A paragraph that is only a date (and time), with an optional "Published"-style lead.
static DATE_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    let month = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?";
    let time = r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[a-z]{2,5})?)?";
    Regex::new(&format!(
        r"(?i)^(?:(?:published|updated|posted|last updated|date)(?:\s+on)?:?\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:{month}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{month},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}){time}$"
    ))
    .expect("static regex")
});

/// "Updated 3 hours ago", "Published: 5 min ago".
static RELATIVE_STAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:published|updated|posted)\s*:?\s*)?\d+\s+(?:sec|second|min|minute|hour|hr|day|week)s?\s+ago$").expect("static regex")
});

/// Words that may stand in a byline name without being capitalized.
const NAME_CONNECTORS: &[&str] = &["and", "&", "de", "da", "del", "der", "van", "von", "la", "le", "bin", "al", "el", "|", "-", "–", "—", "·", "•", "in", "for"];

/// Lower-case, trimmed, leading bullets and trailing punctuation removed: the
/// form lexicon phrases are compared with.
fn key(p: &str) -> String {
    let t = p.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '•' | '·' | '|' | '-' | '–' | '—' | '*' | '>' | '»' | '›'));
    let t = t.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '.' | '…' | '|' | '>' | '»' | '›' | '!' | '-' | '–' | '—'));
    t.to_lowercase()
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// A short line with no closing full stop: a headline or a link title.
fn is_title_line(p: &str) -> bool {
    let last = p.trim_end().chars().last().unwrap_or('.');
    word_count(p) <= 20 && p.len() <= 160 && !matches!(last, '.' | ';' | ',')
}

fn is_byline(p: &str) -> bool {
    let Some(c) = BYLINE.captures(p.trim()) else { return false };
    let rest = c.get(1).map_or("", |m| m.as_str());
    let words: Vec<&str> = rest.split_whitespace().collect();
    if words.is_empty() || words.len() > 10 || rest.ends_with(['.', '!', '?']) && !ends_with_initial(rest) {
        return false;
    }
    words.iter().all(|w| {
        let bare = w.trim_matches(|c: char| matches!(c, ',' | '(' | ')' | '/' | ';'));
        bare.is_empty()
            || bare.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            || NAME_CONNECTORS.contains(&bare.to_lowercase().as_str())
    })
}

fn ends_with_initial(s: &str) -> bool {
    s.split_whitespace().last().is_some_and(|w| w.trim_end_matches('.').chars().count() <= 2)
}

fn is_share_bar(k: &str, lex: &Lexicon) -> bool {
    let mut strong = false;
    for tok in k.split(|c: char| c.is_whitespace() || matches!(c, '|' | '/' | '•' | '·' | ',' | ':')).filter(|t| !t.is_empty()) {
        if lex.share.contains(tok) {
            strong = true;
        } else if !lex.share_filler.contains(tok) && !tok.chars().all(|c| c.is_ascii_digit()) {
            return false;
        }
    }
    strong
}

fn is_cookie_notice(k: &str) -> bool {
    k.contains("cookie")
        && word_count(k) <= 80
        && ["accept", "consent", "opt-out", "opt out", "privacy", "your experience", "agree"].iter().any(|w| k.contains(w))
}

/// Remove boilerplate paragraphs. Input and output are whitespace-normalized
/// paragraphs in document order.
pub fn clean(paragraphs: Vec<String>) -> Vec<String> {
    let lex = &*LEXICON;
    let keys: Vec<String> = paragraphs.iter().map(|p| key(p)).collect();
    let mut kept: Vec<String> = Vec::with_capacity(paragraphs.len());
    let mut seen: HashSet<String> = HashSet::new();
    let mut i = 0;
    while i < paragraphs.len() {
        let (Some(p), Some(k)) = (paragraphs.get(i), keys.get(i)) else { break };
        i += 1;
        if k.is_empty() {
            continue;
        }
        if lex.end.contains(k.as_str()) {
            break;
        }
        if lex.list.contains(k.as_str()) {
            let mut dropped = 0;
            while dropped < 12 && paragraphs.get(i).is_some_and(|n| is_title_line(n)) {
                i += 1;
                dropped += 1;
            }
            continue;
        }
        if lex.bio.contains(k.as_str()) {
            i += 1;
            continue;
        }
        if lex.dateline.contains(k.as_str()) {
            // The rest of a split dateline: more fragments, then a short name or date.
            while keys.get(i).is_some_and(|n| lex.dateline.contains(n.as_str())) {
                i += 1;
            }
            if paragraphs.get(i).is_some_and(|n| word_count(n) <= 3 && is_title_line(n) && !n.ends_with(['?', '!'])) {
                i += 1;
            }
            continue;
        }
        if lex.line.contains(k.as_str())
            || (kept.is_empty() && lex.label.contains(k.as_str()))
            || lex.prefix.iter().any(|pre| k.starts_with(pre.as_str())) && word_count(k) <= 80
            || is_cookie_notice(k)
            || is_share_bar(k, lex)
            || DATE_ONLY.is_match(p)
            || RELATIVE_STAMP.is_match(p)
            || is_byline(p)
        {
            continue;
        }
        // "Headline | Section | site" just before the headline itself.
        if let Some((first, _)) = p.split_once(" | ") {
            let first = key(first);
            if !first.is_empty() && keys.iter().skip(i).take(3).any(|n| *n == first) {
                continue;
            }
        }
        // A repeated headline goes wherever it repeats. Repeated prose stays:
        // pages may quote the same passage twice on purpose.
        if word_count(p) >= 3 && is_title_line(p) && !seen.insert(k.clone()) {
            continue;
        }
        kept.push(p.clone());
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(lines: &[&str]) -> Vec<String> {
        lines.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn lexicon_is_well_formed() {
        let lex = parse_lexicon(LEXICON_TEXT).unwrap();
        assert!(lex.line.contains("advertisement") && lex.list.contains("related posts") && lex.end.contains("leave a reply"));
        assert!(parse_lexicon("line advertisement").is_err());
        assert!(parse_lexicon("lime\tx").is_err());
        assert!(parse_lexicon("line\tUpper").is_err());
    }

    #[test]
    fn drops_furniture_keeps_article() {
        let input = v(&[
            "Follow us",
            "Europe",
            "Envoys Agree to Resume Talks | Europe | news.example.net",
            "Envoys Agree to Resume Talks",
            "Envoys Agree to Resume Talks",
            "Posted",
            "on",
            "editorx",
            "By Maria van der Berg and Tom Ng",
            "March 4, 2025 at 10:32 am",
            "The two delegations met in Vienna on Monday, officials said.",
            "Advertisement",
            "Share this:",
            "Facebook Twitter WhatsApp Email",
            "By Tuesday, the envoys had left the city.",
            "Related articles",
            "Ministers Plan Another Round",
            "What the Vienna Talks Mean",
            "The next round is set for April.",
            "About the Author",
            "Jane Roe covers diplomacy for a regional paper.",
            "This website uses cookies to improve your experience. Accept",
            "Leave a Reply",
            "Your email address will not be published.",
            "A comment that should not survive.",
        ]);
        assert_eq!(
            clean(input),
            v(&[
                "Envoys Agree to Resume Talks",
                "The two delegations met in Vienna on Monday, officials said.",
                "By Tuesday, the envoys had left the city.",
                "The next round is set for April.",
            ])
        );
    }

    #[test]
    fn keeps_sentences_that_look_like_furniture() {
        let input = v(&[
            "World leaders met in Paris.",
            "Share prices fell after the talks.",
            "Published reports said the talks failed.",
            "Updated figures will follow, the ministry said.",
            "Short",
            "Short",
        ]);
        assert_eq!(clean(input.clone()), input);
    }

    #[test]
    fn label_only_at_the_top() {
        assert_eq!(clean(v(&["World", "The envoys met."])), v(&["The envoys met."]));
        assert_eq!(clean(v(&["The envoys met.", "World"])), v(&["The envoys met.", "World"]));
    }
}
