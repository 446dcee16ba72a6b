//! `summitry timex`: the tagger as a standalone TimeML tool over JSON Lines.
//!
//! Input lines are `{"id", "dct", "text"}`; output lines `{"id", "timexes": [{"start",
//! "end", "text", "type", "value", "mod"?}]}` with offsets in Unicode code points (the
//! TempEval scorer's convention), converted from the tagger's byte spans. A bad line is
//! reported with its line number and skipped; the others are still processed.

use super::Timex;
use crate::text::split_sentences;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::io::{BufRead, Write};

#[derive(Deserialize)]
struct InputDoc {
    #[serde(default)]
    id: serde_json::Value,
    #[serde(default)]
    dct: Option<String>,
    text: String,
}

#[derive(Serialize)]
struct OutTimex<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    value: &'a str,
    #[serde(rename = "mod", skip_serializing_if = "Option::is_none")]
    modifier: Option<&'static str>,
}

#[derive(Serialize)]
struct OutDoc<'a> {
    id: &'a serde_json::Value,
    timexes: Vec<OutTimex<'a>>,
}

/// A line that could not be processed.
#[derive(Debug, thiserror::Error)]
pub enum TimexError {
    #[error("{source_name} line {line}: {message}")]
    BadLine { source_name: String, line: usize, message: String },
    #[error("{source_name}: {err}")]
    Io { source_name: String, err: std::io::Error },
}

/// Parse a publication date: `YYYY-MM-DD`, or an RFC 3339 / ISO date-time whose date part is used.
pub fn parse_dct(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d").ok()
}

/// Tag one document and render its output line (without the newline).
pub fn tag_line(id: &serde_json::Value, text: &str, dct: Option<NaiveDate>) -> String {
    let sentences = split_sentences(text);
    let timexes = super::tag(text, &sentences, dct);
    render(id, text, &timexes)
}

fn render(id: &serde_json::Value, text: &str, timexes: &[Timex]) -> String {
    // byte offset → code point offset, walking forward once (timexes are sorted).
    let mut out = Vec::with_capacity(timexes.len());
    let mut byte = 0usize;
    let mut cp = 0usize;
    let mut to_cp = |target: usize| {
        if target < byte {
            byte = 0;
            cp = 0;
        }
        cp += text.get(byte..target).map_or(0, |s| s.chars().count());
        byte = target;
        cp
    };
    for t in timexes {
        let start = to_cp(t.span.start());
        let end = to_cp(t.span.end());
        out.push(OutTimex { start, end, text: t.span.slice(text), kind: t.kind.as_str(), value: &t.value, modifier: t.modifier });
    }
    serde_json::to_string(&OutDoc { id, timexes: out }).unwrap_or_default()
}

/// Run the tagger over JSON Lines from `input`, writing one output line per good input
/// line. Returns the errors of the bad lines (already skipped).
pub fn run<R: BufRead, W: Write>(source_name: &str, input: R, mut output: W) -> Result<Vec<TimexError>, TimexError> {
    let mut errors = Vec::new();
    for (n, line) in input.lines().enumerate() {
        let line_no = n + 1;
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                errors.push(TimexError::BadLine { source_name: source_name.into(), line: line_no, message: e.to_string() });
                continue;
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        let doc: InputDoc = match serde_json::from_str(&line) {
            Ok(d) => d,
            Err(e) => {
                errors.push(TimexError::BadLine { source_name: source_name.into(), line: line_no, message: format!("not a {{\"id\", \"dct\", \"text\"}} object: {e}") });
                continue;
            }
        };
        let dct = match doc.dct.as_deref().filter(|s| !s.trim().is_empty()) {
            None => None,
            Some(s) => match parse_dct(s) {
                Some(d) => Some(d),
                None => {
                    errors.push(TimexError::BadLine { source_name: source_name.into(), line: line_no, message: format!("dct {s:?} is not a date (YYYY-MM-DD)") });
                    continue;
                }
            },
        };
        let out = tag_line(&doc.id, &doc.text, dct);
        writeln!(output, "{out}").map_err(|err| TimexError::Io { source_name: source_name.into(), err })?;
    }
    output.flush().map_err(|err| TimexError::Io { source_name: source_name.into(), err })?;
    Ok(errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_code_points_and_bad_lines_are_named() {
        let input = "{\"id\":\"a\",\"dct\":\"2025-02-20\",\"text\":\"Erdoğan met him on Tuesday.\"}\nnot json\n{\"id\":\"b\",\"dct\":\"soon\",\"text\":\"x\"}\n";
        let mut out = Vec::new();
        let errs = run("in.jsonl", input.as_bytes(), &mut out).expect("io");
        let out = String::from_utf8(out).expect("utf8");
        assert_eq!(out.lines().count(), 1);
        let v: serde_json::Value = serde_json::from_str(out.lines().next().unwrap_or("")).expect("json");
        let t = &v["timexes"][0];
        assert_eq!(t["start"], 19);
        assert_eq!(t["end"], 26);
        assert_eq!(t["value"], "2025-02-18");
        assert_eq!(t["type"], "DATE");
        assert_eq!(errs.len(), 2);
        assert!(errs[0].to_string().contains("in.jsonl line 2"));
        assert!(errs[1].to_string().contains("line 3"));
    }
}
