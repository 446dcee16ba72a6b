//! Plain text into paragraphs.
//!
//! Scraped text comes in two shapes: one paragraph per line (often with no blank
//! lines between them), or prose hard-wrapped at a fixed width. Each line is a
//! paragraph, except that a long line that stops mid-sentence and is followed by
//! a line starting in lower case is joined with it: that is a wrapped sentence,
//! and keeping it whole lets later stages see the sentence.

/// Split text into whitespace-normalized paragraphs.
pub(crate) fn to_paragraphs(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut joinable = false;
    for raw in text.lines() {
        let line = normalize_space(raw);
        if line.is_empty() {
            joinable = false;
            continue;
        }
        let starts_lower = line.chars().next().is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
        match out.last_mut() {
            Some(prev) if joinable && starts_lower => {
                prev.push(' ');
                prev.push_str(&line);
            }
            _ => out.push(line),
        }
        joinable = out.last().is_some_and(|p| is_wrapped(p));
    }
    out
}

/// A line that looks cut at a fixed width: long, and not ending a sentence.
fn is_wrapped(line: &str) -> bool {
    let last = line.chars().last().unwrap_or('.');
    line.chars().count() >= 40 && !matches!(last, '.' | '!' | '?' | ':' | '"' | '\u{201d}' | '\u{2019}' | ')')
}

/// Collapse runs of whitespace (including no-break spaces) to one space and trim.
pub(crate) fn normalize_space(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split(|c: char| c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}').filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_paragraphs_and_wrapped_lines_join() {
        let text = "Headline Without Stop\nFirst paragraph on one line.\n\nThis sentence was wrapped by an old mail client and\ncontinues here.\nNext Paragraph starts upper.\n  spaced\u{a0} out  \n";
        assert_eq!(
            to_paragraphs(text),
            [
                "Headline Without Stop",
                "First paragraph on one line.",
                "This sentence was wrapped by an old mail client and continues here.",
                "Next Paragraph starts upper.",
                "spaced out",
            ]
        );
    }
}
