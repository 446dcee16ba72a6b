//! schema.org `Event` JSON-LD for event pages, so search engines and other tools
//! read the event without scraping the page.
//!
//! Dates keep their known precision (`2025-02`, `2025-W20` are ISO 8601 as
//! schema.org's `Date` asks). schema.org has no "held" status: a held or planned
//! event is `EventScheduled`, one reported as moved to another date (a
//! `rescheduled` finding) is `EventRescheduled`; an event whose status is unknown
//! gets no `eventStatus` at all rather than a guess.

use super::datefmt::Shown;
use super::html::{safe_url, script_json, Markup};
use crate::timeline::{DocumentInfo, Event, Status};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

pub(crate) fn event_jsonld(event: &Event, documents: &BTreeMap<&str, &DocumentInfo>, rescheduled: bool) -> Markup {
    let mut o = Map::new();
    o.insert("@context".into(), json!("https://schema.org"));
    o.insert("@type".into(), json!("Event"));
    o.insert("name".into(), json!(event.title));
    o.insert("identifier".into(), json!(event.id));
    if let Some(date) = &event.date {
        match Shown::parse(date) {
            Some(shown) => {
                o.insert("startDate".into(), json!(shown.iso()));
                if let Some(end) = shown.end_day() {
                    o.insert("endDate".into(), json!(end.format("%Y-%m-%d").to_string()));
                }
            }
            None => {
                o.insert("startDate".into(), json!(date.value));
            }
        }
    }
    let status = match event.status {
        Status::Cancelled => Some("EventCancelled"),
        Status::Postponed => Some("EventPostponed"),
        _ if rescheduled => Some("EventRescheduled"),
        Status::Held | Status::Planned => Some("EventScheduled"),
        Status::Unknown => None,
    };
    if let Some(s) = status {
        o.insert("eventStatus".into(), json!(format!("https://schema.org/{s}")));
    }
    if let Some(place) = &event.place {
        let mut p = Map::new();
        p.insert("@type".into(), json!("Place"));
        p.insert("name".into(), json!(place.name));
        let mut address = Map::new();
        if let Some(city) = &place.city {
            address.insert("addressLocality".into(), json!(city));
        }
        if let Some(country) = &place.country {
            address.insert("addressCountry".into(), json!(country));
        }
        if !address.is_empty() {
            address.insert("@type".into(), json!("PostalAddress"));
            p.insert("address".into(), Value::Object(address));
        }
        o.insert("location".into(), Value::Object(p));
    }
    let attendees: Vec<Value> = event
        .participants
        .iter()
        .map(|person| {
            let mut p = Map::new();
            p.insert("@type".into(), json!("Person"));
            p.insert("name".into(), json!(person.name));
            if let Some(role) = &person.role {
                p.insert("jobTitle".into(), json!(role));
            }
            if let Some(country) = &person.country {
                p.insert("nationality".into(), json!({"@type": "Country", "name": country}));
            }
            Value::Object(p)
        })
        .collect();
    if !attendees.is_empty() {
        o.insert("attendee".into(), Value::Array(attendees));
    }
    let mut based_on: Vec<&str> = event
        .sources
        .iter()
        .filter_map(|s| documents.get(s.document.as_str()))
        .filter_map(|d| d.url.as_deref().and_then(safe_url))
        .collect();
    based_on.sort_unstable();
    based_on.dedup();
    if !based_on.is_empty() {
        o.insert("isBasedOn".into(), json!(based_on));
    }
    script_json(&Value::Object(o))
}
