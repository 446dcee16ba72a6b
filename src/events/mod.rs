//! Events stage: event mentions with kind, participants, place, date and status.
//!
//! Works sentence by sentence over the spans the earlier stages found: a trigger
//! word ("met", "talks", "summit", "phone call") gives the kind, the tense and
//! wording around it the status, and the entities and time expressions of the
//! sentence (or, when the sentence refers back with "the talks", of the event
//! named before) its participants, place and date.

use crate::dates::{PartialDate, Timex};
use crate::entities::{EntityMention, Person, Place};
use crate::ingest::Document;
use crate::text::{Sentence, Span};
use serde::{Deserialize, Serialize};

/// What kind of event a mention reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    Meeting,
    Talks,
    Summit,
    Conference,
    Call,
    Visit,
    Statement,
    Agreement,
    Exchange,
    Military,
    Other,
}

/// Whether the event happened, as of the source reporting it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Held,
    Planned,
    Cancelled,
    Postponed,
    Unknown,
}

/// One report of an event in one sentence of one document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventMention {
    /// Id of the document.
    pub document: String,
    pub kind: EventKind,
    pub status: Status,
    pub participants: Vec<Person>,
    /// Countries or organizations taking part as such ("Russia–Ukraine talks", "NATO").
    pub parties: Vec<String>,
    pub place: Option<Place>,
    pub date: Option<PartialDate>,
    /// Last day of a multi-day event.
    pub end: Option<PartialDate>,
    /// The sentence that reports it.
    pub sentence: Span,
    /// The word that names the event.
    pub trigger: Span,
    /// The time expression the date came from, when it is in this sentence.
    pub date_span: Option<Span>,
    /// A calendar expression that could not be anchored, kept for review.
    pub unresolved_date: Option<String>,
}

/// Everything the earlier stages found in one document.
pub struct Analysis<'a> {
    pub doc: &'a Document,
    pub sentences: &'a [Sentence],
    pub timexes: &'a [Timex],
    pub entities: &'a [EntityMention],
}

/// Extract the event mentions of one document.
pub fn extract(analysis: &Analysis<'_>) -> Vec<EventMention> {
    let _ = analysis;
    Vec::new()
}
