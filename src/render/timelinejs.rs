//! TimelineJS 3 export (Knight Lab's JSON format): one slide per dated event.
//!
//! `start_date` / `end_date` carry only the parts the date knows (`{year}`,
//! `{year, month}`, `{year, month, day}`), so TimelineJS scales the slide to the
//! right precision; `display_date` is the same text the site shows ("week 20, 2025").
//! A week becomes its month when it lies in one month, else its year. TimelineJS
//! renders `headline` and `text` as HTML, so every piece of article text is
//! HTML-escaped and only http(s) URLs are linked. Undated events cannot be placed
//! on a timeline and are left out (and counted).

use super::datefmt::{date_text, Shown};
use super::html::{escape, safe_url};
use super::links::SlugMap;
use crate::render::{kind_name, status_label};
use crate::timeline::{DocumentInfo, Event, Timeline};
use chrono::Datelike;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

fn parts(year: i32, month: Option<u32>, day: Option<u32>) -> Value {
    let mut m = Map::new();
    m.insert("year".into(), json!(year.to_string()));
    if let Some(mo) = month {
        m.insert("month".into(), json!(mo.to_string()));
        if let Some(d) = day {
            m.insert("day".into(), json!(d.to_string()));
        }
    }
    Value::Object(m)
}

fn slide(e: &Event, shown: Shown, docs: &BTreeMap<&str, &DocumentInfo>, ids: &SlugMap) -> Value {
    let (start, end) = match shown {
        Shown::Day { start, end } => (
            parts(start.year(), Some(start.month()), Some(start.day())),
            end.map(|d| parts(d.year(), Some(d.month()), Some(d.day()))),
        ),
        Shown::Week { .. } => {
            let (first, last) = shown.bounds();
            if first.month() == last.month() { (parts(first.year(), Some(first.month()), None), None) } else { (parts(first.year(), None, None), None) }
        }
        Shown::Month { year, month } => (parts(year, Some(month), None), None),
        Shown::Year { year } => (parts(year, None, None), None),
    };
    let mut text = String::new();
    text.push_str(&format!("<p><strong>{}</strong>", escape(status_label(e.status))));
    if let Some(p) = &e.place {
        text.push_str(&format!(" · {}", escape(&p.name)));
    }
    if !e.participants.is_empty() {
        let names: Vec<String> = e.participants.iter().map(|p| escape(&p.name)).collect();
        text.push_str(&format!(" · {}", names.join(", ")));
    }
    text.push_str("</p><ul>");
    for s in &e.sources {
        let doc = docs.get(s.document.as_str());
        let title = escape(doc.and_then(|d| d.title.as_deref()).unwrap_or(&s.document));
        let linked = match doc.and_then(|d| d.url.as_deref()).and_then(safe_url) {
            Some(url) => format!("<a href=\"{}\" target=\"_blank\" rel=\"noopener noreferrer\">{title}</a>", escape(url)),
            None => title,
        };
        text.push_str(&format!("<li>{linked}: “{}”</li>", escape(&s.quote)));
    }
    text.push_str("</ul>");
    let mut o = Map::new();
    o.insert("start_date".into(), start);
    if let Some(end) = end {
        o.insert("end_date".into(), end);
    }
    o.insert("display_date".into(), json!(date_text(e.date.as_ref())));
    o.insert("text".into(), json!({"headline": escape(&e.title), "text": text}));
    o.insert("group".into(), json!(kind_name(e.kind)));
    o.insert("unique_id".into(), json!(ids.get(&e.id)));
    Value::Object(o)
}

/// The TimelineJS JSON, and how many (undated) events were left out.
pub fn to_timelinejs(timeline: &Timeline) -> (String, usize) {
    let docs: BTreeMap<&str, &DocumentInfo> = timeline.documents.iter().map(|d| (d.id.as_str(), d)).collect();
    let ids = SlugMap::new(timeline.events.iter().map(|e| e.id.as_str()));
    let mut slides = Vec::new();
    let mut left_out = 0;
    for e in &timeline.events {
        match e.date.as_ref().and_then(Shown::parse) {
            Some(shown) => slides.push(slide(e, shown, &docs, &ids)),
            None => left_out += 1,
        }
    }
    let mut s = serde_json::to_string_pretty(&json!({ "events": slides })).unwrap_or_else(|_| "{}".to_string());
    s.push('\n');
    (s, left_out)
}
