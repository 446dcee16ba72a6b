//! iCalendar export (RFC 5545) for calendar apps.
//!
//! Only events known to the day are exported, as all-day events
//! (`DTSTART;VALUE=DATE`, `DTEND` the day after the last day, exclusive as the RFC
//! says): putting a month-precision event on the 1st would invent a day. The rest are
//! left out and counted, so the caller can say so.
//!
//! Output is deterministic: `UID` is `<event-id>@summitry`, and `DTSTAMP` (required)
//! comes from the latest publication date among the event's sources (the moment
//! the information was last reported), falling back to the event's own day, never
//! the clock. Lines end in CRLF and are folded at 75 octets, on char boundaries.
//! TEXT values escape `\`, `;`, `,` and newlines.

use super::datefmt::Shown;
use super::html::safe_url;
use crate::render::kind_name;
use crate::timeline::{DocumentInfo, Event, Status, Timeline};
use std::collections::BTreeMap;
use chrono::{Duration, NaiveDate};

/// Escape a TEXT value (RFC 5545 §3.3.11).
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Fold a content line at 75 octets (§3.1): CRLF plus one space before each
/// continuation, never inside a UTF-8 sequence.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
    out
}

fn day(d: NaiveDate) -> String {
    d.format("%Y%m%d").to_string()
}

fn status(s: Status) -> &'static str {
    match s {
        Status::Held => "CONFIRMED",
        Status::Cancelled => "CANCELLED",
        Status::Planned | Status::Postponed | Status::Unknown => "TENTATIVE",
    }
}

fn vevent(out: &mut String, e: &Event, docs: &BTreeMap<&str, &DocumentInfo>, start: NaiveDate, last: NaiveDate) {
    let published = e.sources.iter().filter_map(|s| s.published.as_deref()).filter_map(super::datefmt::parse_day).max();
    let stamp = published.unwrap_or(start);
    let mut lines = vec![
        "BEGIN:VEVENT".to_string(),
        format!("UID:{}", escape_text(&format!("{}@summitry", e.id))),
        format!("DTSTAMP:{}T000000Z", day(stamp)),
        format!("DTSTART;VALUE=DATE:{}", day(start)),
        format!("DTEND;VALUE=DATE:{}", day(last + Duration::days(1))),
        format!("SUMMARY:{}", escape_text(&e.title)),
        format!("STATUS:{}", status(e.status)),
        format!("CATEGORIES:{}", escape_text(&kind_name(e.kind))),
    ];
    if let Some(p) = &e.place {
        let mut parts = vec![p.name.as_str()];
        parts.extend(p.city.as_deref().filter(|c| *c != p.name));
        parts.extend(p.country.as_deref().filter(|c| *c != p.name));
        lines.push(format!("LOCATION:{}", escape_text(&parts.join(", "))));
    }
    let mut desc = String::new();
    if !e.participants.is_empty() {
        let names: Vec<&str> = e.participants.iter().map(|p| p.name.as_str()).collect();
        desc.push_str(&format!("Participants: {}\n", names.join(", ")));
    }
    desc.push_str("Sources:");
    for s in &e.sources {
        let doc = docs.get(s.document.as_str());
        let title = doc.and_then(|d| d.title.as_deref()).unwrap_or(&s.document);
        desc.push_str(&format!("\n- {title}"));
        if let Some(p) = &s.published {
            desc.push_str(&format!(" ({p})"));
        }
        if let Some(url) = doc.and_then(|d| d.url.as_deref()).and_then(safe_url) {
            desc.push_str(&format!(" {url}"));
        }
        desc.push_str(&format!(": \"{}\"", s.quote));
    }
    lines.push(format!("DESCRIPTION:{}", escape_text(&desc)));
    if let Some(url) = e.sources.iter().find_map(|s| docs.get(s.document.as_str()).and_then(|d| d.url.as_deref()).and_then(safe_url)) {
        lines.push(format!("URL:{url}"));
    }
    lines.push("END:VEVENT".to_string());
    for l in lines {
        out.push_str(&fold(&l));
    }
}

/// The calendar, and how many events were left out for lack of a day.
pub fn to_ics(timeline: &Timeline) -> (String, usize) {
    let mut out = String::new();
    for l in ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//summitry//summitry timeline//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"] {
        out.push_str(&fold(l));
    }
    let docs: BTreeMap<&str, &DocumentInfo> = timeline.documents.iter().map(|d| (d.id.as_str(), d)).collect();
    let mut left_out = 0;
    for e in &timeline.events {
        match e.date.as_ref().and_then(Shown::parse) {
            Some(Shown::Day { start, end }) => vevent(&mut out, e, &docs, start, end.unwrap_or(start)),
            _ => left_out += 1,
        }
    }
    out.push_str(&fold("END:VCALENDAR"));
    (out, left_out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text_values() {
        assert_eq!(escape_text("a,b;c\\d\ne\r\nf"), "a\\,b\\;c\\\\d\\ne\\nf");
    }

    #[test]
    fn folds_at_75_octets_on_char_boundaries() {
        let line = format!("SUMMARY:{}", "é".repeat(60));
        let folded = fold(&line);
        for part in folded.split("\r\n").filter(|p| !p.is_empty()) {
            assert!(part.len() <= 75, "{} octets", part.len());
        }
        let unfolded = folded.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, line);
        assert_eq!(fold("SHORT"), "SHORT\r\n");
    }
}
