//! Light Markdown stripping: enough that the cleaned text reads as prose and
//! offsets point at words, not at `**` or link targets. Not a CommonMark parser:
//! block structure (headings, lists, quotes, fences, rules, tables) and the
//! common inline marks (emphasis, links, images, code, strikethrough, inline
//! HTML tags) only. Lines of one Markdown paragraph are joined, as a renderer
//! would; headings and list items are paragraphs of their own.

use super::plain::normalize_space;
use regex::Regex;
use std::sync::LazyLock;

static HEADING: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^#{1,6}(?:\s+|$)(.*?)(?:\s+#+)?\s*$").expect("static regex"));
static LIST_ITEM: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:[-*+]|\d{1,9}[.)])\s+(.*)$").expect("static regex"));
static RULE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$").expect("static regex"));
static REF_DEF: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\[[^\]]+\]:\s*\S+").expect("static regex"));
static TABLE_SEP: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$").expect("static regex"));

/// Inline rewrites, applied in order.
static INLINE: LazyLock<Vec<(Regex, &'static str)>> = LazyLock::new(|| {
    [
        (r"!\[[^\]]*\]\([^)]*\)", ""),                    // images
        (r"!\[[^\]]*\]\[[^\]]*\]", ""),                   // reference images
        (r"\[([^\]]+)\]\([^)]*\)", "$1"),                 // links
        (r"\[([^\]]+)\]\[[^\]]*\]", "$1"),                // reference links
        (r"<(https?://[^>\s]+)>", "$1"),                  // autolinks
        (r"`+([^`]+?)`+", "$1"),                          // code
        (r"\*\*([^*]+?)\*\*", "$1"),                      // strong
        (r"__([^_]+?)__", "$1"),                          // strong
        (r"~~([^~]+?)~~", "$1"),                          // strikethrough
        (r"(^|[^\w*])\*([^*\s](?:[^*]*[^*\s])?)\*", "$1$2"), // emphasis
        (r"(^|[^\w])_([^_\s](?:[^_]*[^_\s])?)_($|[^\w])", "$1$2$3"), // emphasis
        (r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>", " "), // inline HTML tags
        (r"\\([\\`*_{}\[\]()#+\-.!>|])", "$1"),           // escapes
    ]
    .into_iter()
    .map(|(p, r)| (Regex::new(p).expect("static regex"), r))
    .collect()
});

/// Markdown into whitespace-normalized paragraphs of plain text.
pub(crate) fn to_paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Vec<String> = Vec::new();
    let mut fence: Option<&str> = None;
    for raw in text.lines() {
        let line = raw.trim();
        if let Some(marker) = fence {
            if line.starts_with(marker) {
                fence = None;
            } else if !line.is_empty() {
                out.push(normalize_space(line));
            }
            continue;
        }
        if line.starts_with("```") || line.starts_with("~~~") {
            flush(&mut current, &mut out);
            fence = Some(if line.starts_with("```") { "```" } else { "~~~" });
            continue;
        }
        let mut line = line;
        while let Some(rest) = line.strip_prefix('>') {
            line = rest.trim_start();
        }
        if line.is_empty() {
            flush(&mut current, &mut out);
            continue;
        }
        // Setext heading underline: the paragraph so far is a heading.
        let setext = line.len() >= 2 && (line.chars().all(|c| c == '=') || (line.len() >= 3 && line.chars().all(|c| c == '-')));
        if setext && !current.is_empty() {
            flush(&mut current, &mut out);
            continue;
        }
        if RULE.is_match(line) || REF_DEF.is_match(line) || TABLE_SEP.is_match(line) || line.starts_with("<!--") {
            flush(&mut current, &mut out);
            continue;
        }
        if let Some(c) = HEADING.captures(line) {
            flush(&mut current, &mut out);
            current.push(c.get(1).map_or("", |m| m.as_str()).to_string());
            flush(&mut current, &mut out);
            continue;
        }
        if let Some(c) = LIST_ITEM.captures(line) {
            flush(&mut current, &mut out);
            current.push(c.get(1).map_or("", |m| m.as_str()).to_string());
            continue;
        }
        if line.starts_with('|') {
            flush(&mut current, &mut out);
            current.push(line.replace('|', " "));
            flush(&mut current, &mut out);
            continue;
        }
        current.push(line.to_string());
    }
    flush(&mut current, &mut out);
    out
}

fn flush(current: &mut Vec<String>, out: &mut Vec<String>) {
    if current.is_empty() {
        return;
    }
    let joined = current.join(" ");
    current.clear();
    let text = normalize_space(&strip_inline(&joined));
    if !text.is_empty() {
        out.push(text);
    }
}

/// Remove inline Markdown marks, keeping the words.
pub(crate) fn strip_inline(s: &str) -> String {
    let mut s = s.to_string();
    for (re, rep) in INLINE.iter() {
        if re.is_match(&s) {
            s = re.replace_all(&s, *rep).into_owned();
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_marks_and_keeps_words() {
        let md = "# Envoys **meet** in Geneva #\n\nThe [foreign ministers](https://example.org/a) met on\n*Tuesday* for __four__ hours. ![map](m.png)\n\n> A quoted line\n\n- first item\n- second `item`\n1. numbered\n\n---\nSetext Heading\n==============\nsnake_case_word stays, _this_ goes\n\n```\ncode line\n```\n[ref]: https://example.org\n| a | b |\n|---|---|\n| 1 | 2 |\n";
        assert_eq!(
            to_paragraphs(md),
            [
                "Envoys meet in Geneva",
                "The foreign ministers met on Tuesday for four hours.",
                "A quoted line",
                "first item",
                "second item",
                "numbered",
                "Setext Heading",
                "snake_case_word stays, this goes",
                "code line",
                "a b",
                "1 2",
            ]
        );
    }
}
