//! Timeline stage: the typed model that `timeline.json` serializes.
//!
//! This is the JSON contract (see README, "JSON contract"). Field names and
//! meanings only change together with [`SCHEMA_VERSION`].

use crate::dates::Precision;
pub use crate::events::{EventKind, Status};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub const SCHEMA_VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Timeline {
    pub schema_version: u32,
    pub documents: Vec<DocumentInfo>,
    /// In chronological order, undated last.
    pub events: Vec<Event>,
    pub findings: Vec<Finding>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct DocumentInfo {
    pub id: String,
    pub path: String,
    pub title: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    /// `YYYY-MM-DD`, or null when neither the document nor the config gives one.
    pub published: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Event {
    /// Stable slug: date, kind and main names (`2025-07-10-meeting-rubio-lavrov`).
    pub id: String,
    pub kind: EventKind,
    pub title: String,
    pub date: Option<EventDate>,
    pub status: Status,
    pub place: Option<PlaceInfo>,
    pub participants: Vec<Participant>,
    pub sources: Vec<SourceRef>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct EventDate {
    /// ISO 8601 at the given precision: `2025-07-10`, `2025-W20`, `2025-07`, `2025`.
    pub value: String,
    pub precision: Precision,
    /// Last day of a multi-day event (`YYYY-MM-DD`), absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct PlaceInfo {
    pub name: String,
    pub city: Option<String>,
    pub country: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Participant {
    pub name: String,
    pub role: Option<String>,
    pub country: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct SourceRef {
    /// Document id.
    pub document: String,
    /// The sentence that reports the event.
    pub quote: String,
    /// Byte offsets of the quote in the document's cleaned text.
    pub start: usize,
    pub end: usize,
    /// Byte offsets of the date expression, when the quote has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_start: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_end: Option<usize>,
    /// What this source says of the event's status.
    pub status: Status,
    /// The source document's publication date, when known.
    pub published: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// Sources give incompatible dates for one event.
    DateConflict,
    /// Sources give different places for one event.
    PlaceConflict,
    /// A time expression could not be pinned to the calendar.
    UnresolvedDate,
    /// A document has no publication date, so its relative dates cannot be resolved.
    MissingPublished,
    /// An event has no place.
    MissingPlace,
    /// No source pins down an event's date.
    Undated,
    /// An event was expected on one day and took place on another.
    Rescheduled,
    /// Sources disagree on status in a way the latest report does not settle.
    StatusConflict,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Finding {
    pub severity: Severity,
    pub kind: FindingKind,
    pub message: String,
    pub events: Vec<String>,
    pub documents: Vec<String>,
}
