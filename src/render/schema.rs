//! JSON Schema of `timeline.json`, generated from the Rust types with schemars
//! (`summitry schema`), so the schema cannot drift from what `extract` writes.
//!
//! The timeline types derive `JsonSchema` in `timeline.rs`. The three enums they
//! borrow from other stages (`EventKind`, `Status`, `Precision`) get their schema
//! here, as the list of their serde names; [`all_kinds`] and friends are checked
//! for completeness by an exhaustive `match`, so a new variant fails to compile
//! until it is listed.

use crate::dates::Precision;
use crate::timeline::{EventKind, Status, Timeline};
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::Serialize;
use std::borrow::Cow;

fn string_enum<T: Serialize>(values: &[T], description: &str) -> Schema {
    let names: Vec<serde_json::Value> = values.iter().filter_map(|v| serde_json::to_value(v).ok()).collect();
    json_schema!({ "type": "string", "enum": names, "description": description })
}

pub fn all_kinds() -> [EventKind; 11] {
    // Exhaustive: adding a variant breaks this match until it is listed below.
    match EventKind::Meeting {
        EventKind::Meeting
        | EventKind::Talks
        | EventKind::Summit
        | EventKind::Conference
        | EventKind::Call
        | EventKind::Visit
        | EventKind::Statement
        | EventKind::Agreement
        | EventKind::Exchange
        | EventKind::Military
        | EventKind::Other => {}
    }
    [
        EventKind::Meeting,
        EventKind::Talks,
        EventKind::Summit,
        EventKind::Conference,
        EventKind::Call,
        EventKind::Visit,
        EventKind::Statement,
        EventKind::Agreement,
        EventKind::Exchange,
        EventKind::Military,
        EventKind::Other,
    ]
}

pub fn all_statuses() -> [Status; 5] {
    match Status::Held {
        Status::Held | Status::Planned | Status::Cancelled | Status::Postponed | Status::Unknown => {}
    }
    [Status::Held, Status::Planned, Status::Cancelled, Status::Postponed, Status::Unknown]
}

pub fn all_precisions() -> [Precision; 4] {
    match Precision::Day {
        Precision::Day | Precision::Week | Precision::Month | Precision::Year => {}
    }
    [Precision::Day, Precision::Week, Precision::Month, Precision::Year]
}

impl JsonSchema for EventKind {
    fn schema_name() -> Cow<'static, str> {
        "EventKind".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        string_enum(&all_kinds(), "What kind of event it is.")
    }
}

impl JsonSchema for Status {
    fn schema_name() -> Cow<'static, str> {
        "Status".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        string_enum(&all_statuses(), "Whether the event happened, as of the source reporting it.")
    }
}

impl JsonSchema for Precision {
    fn schema_name() -> Cow<'static, str> {
        "Precision".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        string_enum(&all_precisions(), "How much of a calendar date is known.")
    }
}

/// The JSON Schema (draft 2020-12) of the timeline JSON, pretty, with a trailing newline.
pub fn timeline_schema() -> String {
    let schema = schemars::schema_for!(Timeline);
    let mut s = serde_json::to_string_pretty(&schema).unwrap_or_else(|_| "{}".to_string());
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_lists_every_enum_value() {
        let s: serde_json::Value = serde_json::from_str(&timeline_schema()).unwrap();
        let defs = &s["$defs"];
        assert_eq!(defs["EventKind"]["enum"].as_array().unwrap().len(), 11);
        assert_eq!(defs["Status"]["enum"][1], "planned");
        assert_eq!(defs["Precision"]["enum"][3], "year");
        assert!(s["required"].as_array().unwrap().iter().any(|v| v == "events"));
    }
}
