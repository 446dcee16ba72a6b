//! Text stage: sentences and spans over a document's cleaned text.
//!
//! Every later stage speaks in [`Span`]s: byte offsets into the cleaned text that
//! are guaranteed to fall on UTF-8 character boundaries, so slicing never panics.
//! Sentence splitting is rule based: a sentence ends at `.`, `!` or `?` (optionally
//! followed by closing quotes or brackets) before white space and an upper-case
//! letter, digit or opening quote, unless the word before the stop is a known
//! abbreviation ("U.S.", "Feb.", "Lt.") or a single initial. Line breaks that
//! separate paragraphs always end a sentence: news text puts headlines and
//! captions on lines of their own, without a final stop.

use serde::Serialize;

/// A half-open byte range `[start, end)` into a document's cleaned text.
///
/// Built only through [`Span::new`], which checks the bounds against the text,
/// so a `Span` in hand can always slice its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    start: usize,
    end: usize,
}

impl Span {
    /// A span over `text[start..end]`, or `None` when the range is out of order,
    /// out of bounds or splits a character.
    pub fn new(text: &str, start: usize, end: usize) -> Option<Span> {
        (start <= end && end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end))
            .then_some(Span { start, end })
    }

    /// The span of a whole regex or aho-corasick match over the same text: those are
    /// always on character boundaries.
    pub(crate) fn from_range_unchecked(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }

    pub fn start(&self) -> usize {
        self.start
    }
    pub fn end(&self) -> usize {
        self.end
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    /// The text this span covers. Returns "" if `text` is not the text the span was made for
    /// and the range does not fit it.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// One sentence of a document, with the index of the paragraph (block of lines
/// separated by a blank line or a line break) it belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    pub paragraph: usize,
}

/// Words that end with a full stop without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "gov", "sen", "rep", "st",
    "jr", "sr", "rev", "hon", "pres", "amb", "messrs", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu",
    "thur", "thurs", "fri", "sat", "sun", "approx", "est", "dept", "fig", "al", "u.s", "u.k", "u.n", "e.u", "a.m",
    "p.m", "d.c", "i.e", "e.g", "mt", "ft",
];

fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_start_matches(|c: char| !c.is_alphanumeric()).to_ascii_lowercase();
    if w.chars().count() == 1 && w.chars().all(|c| c.is_alphabetic()) {
        return true; // an initial: "John M. Curtis"
    }
    ABBREVIATIONS.contains(&w.as_str())
}

/// Split `text` into sentences. Sentences never span a line break; leading and
/// trailing white space is left out of each span; empty lines yield nothing.
pub fn split_sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut paragraph = 0usize;
    let mut offset = 0usize;
    for line in text.split_inclusive('\n') {
        let line_start = offset;
        offset += line.len();
        let body = line.trim_end_matches(['\n', '\r']);
        if body.trim().is_empty() {
            continue;
        }
        split_line(text, line_start, body, paragraph, &mut out);
        paragraph += 1;
    }
    out
}

fn split_line(text: &str, base: usize, line: &str, paragraph: usize, out: &mut Vec<Sentence>) {
    let bytes = line.as_bytes();
    let mut start = 0usize;
    let mut i = 0usize;
    while i < bytes.len() {
        let b = bytes[i];
        if matches!(b, b'.' | b'!' | b'?') {
            // Extend over repeated stops and closing quotes/brackets.
            let mut j = i + 1;
            loop {
                if j < bytes.len() && matches!(bytes[j], b'.' | b'!' | b'?' | b'"' | b'\'' | b')' | b']') {
                    j += 1;
                } else if line[j..].starts_with('\u{201d}') || line[j..].starts_with('\u{2019}') {
                    j += 3;
                } else {
                    break;
                }
            }
            let next_ws = j < bytes.len() && (bytes[j] == b' ' || bytes[j] == b'\t');
            if next_ws {
                let rest = line[j..].trim_start();
                let next = rest.chars().next();
                let starts_new = next.is_some_and(|c| {
                    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '\u{201c}' | '\'' | '\u{2018}' | '(' | '[')
                });
                let word_start = line[..i].rfind(|c: char| c.is_whitespace()).map_or(0, |p| p + 1);
                let word = &line[word_start..i];
                let abbrev = b == b'.' && is_abbreviation(word);
                if starts_new && !abbrev {
                    push_trimmed(text, base + start, base + j, paragraph, out);
                    start = j;
                }
            }
            i = j;
        } else {
            i += 1;
        }
    }
    push_trimmed(text, base + start, base + line.len(), paragraph, out);
}

fn push_trimmed(text: &str, start: usize, end: usize, paragraph: usize, out: &mut Vec<Sentence>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(Sentence { span: Span { start: start + lead, end: end - trail }, paragraph });
    }
}

/// The sentence that contains byte `pos`, by binary search over sorted sentences.
pub fn sentence_at(sentences: &[Sentence], pos: usize) -> Option<usize> {
    let i = sentences.partition_point(|s| s.span.end <= pos);
    (i < sentences.len() && sentences[i].span.start <= pos).then_some(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &str) -> Vec<&str> {
        split_sentences(t).iter().map(|s| s.span.slice(t)).collect()
    }

    #[test]
    fn splits_on_stops_but_not_abbreviations() {
        let t = "The U.S. envoy met Lt. Gen. Kellogg on Feb. 3. Talks went well! Did they? Yes.";
        assert_eq!(texts(t), vec!["The U.S. envoy met Lt. Gen. Kellogg on Feb. 3.", "Talks went well!", "Did they?", "Yes."]);
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        let t = "\u{201c}We are ready.\u{201d} He left. \"Fine.\" Next";
        assert_eq!(texts(t), vec!["\u{201c}We are ready.\u{201d}", "He left.", "\"Fine.\"", "Next"]);
    }

    #[test]
    fn lines_are_paragraphs() {
        let t = "Headline without stop\n\nBody one. Body two.\nAnother line";
        let s = split_sentences(t);
        assert_eq!(texts(t), vec!["Headline without stop", "Body one.", "Body two.", "Another line"]);
        assert_eq!(s.iter().map(|s| s.paragraph).collect::<Vec<_>>(), vec![0, 1, 1, 2]);
    }

    #[test]
    fn initials_do_not_split() {
        assert_eq!(texts("John M. Curtis wrote it. Then"), vec!["John M. Curtis wrote it.", "Then"]);
    }

    #[test]
    fn span_rejects_char_splits() {
        let t = "Erdoğan";
        assert!(Span::new(t, 0, 5).is_none()); // inside ğ
        assert_eq!(Span::new(t, 0, 4).unwrap().slice(t), "Erdo");
        assert!(Span::new(t, 3, 2).is_none());
        assert!(Span::new(t, 0, 99).is_none());
    }

    #[test]
    fn sentence_lookup() {
        let t = "One. Two. Three.";
        let s = split_sentences(t);
        assert_eq!(sentence_at(&s, 0), Some(0));
        assert_eq!(sentence_at(&s, 6), Some(1));
        assert_eq!(sentence_at(&s, 4), None); // the space between
    }
}
