//! CSV export (RFC 4180): a header row, then one row per event, CRLF line ends,
//! fields quoted when they hold a comma, quote, CR or LF, quotes doubled.
//!
//! Spreadsheets run a cell that starts with `=`, `+`, `-`, `@`, tab or CR as a
//! formula, so such text fields get a leading `'` (the usual defence against CSV
//! injection); dates and numbers never start that way.

use crate::render::{kind_name, status_name};
use crate::timeline::Timeline;

pub const HEADER: [&str; 14] = [
    "id", "date", "precision", "end", "kind", "status", "title", "place", "city", "country", "participants", "sources", "documents", "first_quote",
];

fn field(out: &mut String, value: &str) {
    let neutral = match value.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{value}"),
        _ => value.to_string(),
    };
    if neutral.contains([',', '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&neutral.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(&neutral);
    }
}

fn row(out: &mut String, fields: &[&str]) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        field(out, f);
    }
    out.push_str("\r\n");
}

pub fn to_csv(timeline: &Timeline) -> String {
    let mut out = String::new();
    row(&mut out, &HEADER);
    for e in &timeline.events {
        let precision = e.date.as_ref().and_then(|d| serde_json::to_value(d.precision).ok()).and_then(|v| v.as_str().map(str::to_string));
        let participants: Vec<&str> = e.participants.iter().map(|p| p.name.as_str()).collect();
        let mut documents: Vec<&str> = e.sources.iter().map(|s| s.document.as_str()).collect();
        documents.dedup();
        let sources = e.sources.len().to_string();
        row(
            &mut out,
            &[
                &e.id,
                e.date.as_ref().map_or("", |d| d.value.as_str()),
                precision.as_deref().unwrap_or(""),
                e.date.as_ref().and_then(|d| d.end.as_deref()).unwrap_or(""),
                &kind_name(e.kind),
                &status_name(e.status),
                &e.title,
                e.place.as_ref().map_or("", |p| p.name.as_str()),
                e.place.as_ref().and_then(|p| p.city.as_deref()).unwrap_or(""),
                e.place.as_ref().and_then(|p| p.country.as_deref()).unwrap_or(""),
                &participants.join("; "),
                &sources,
                &documents.join("; "),
                e.sources.first().map_or("", |s| s.quote.as_str()),
            ],
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_and_formula_neutralising() {
        let mut s = String::new();
        row(&mut s, &["plain", "a,b", "say \"hi\"", "two\nlines", "=cmd()", "-1", ""]);
        assert_eq!(s, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",'=cmd(),'-1,\r\n");
    }
}
