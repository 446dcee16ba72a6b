//! Merge stage: one event per real event; disagreements become findings.

use crate::events::EventMention;
use crate::timeline::{DocumentInfo, Event, Finding};

/// Group mentions that describe the same real event into events, in chronological order.
pub fn merge(mentions: Vec<EventMention>, documents: &[DocumentInfo]) -> (Vec<Event>, Vec<Finding>) {
    let _ = (mentions, documents);
    (Vec::new(), Vec::new())
}
