//! Render stage: the static site (askama templates under `templates/`) and exports.
//!
//! Everything article text touches goes through askama's HTML escaping or, for
//! fragments that need markup inside user text, through [`html::Markup`], whose
//! constructors escape first. URLs from articles are only ever linked when their
//! scheme is http or https. Every output is a pure function of its input (sorted
//! maps, no clock), so two builds are byte-identical.
//!
//! - [`site`]: the pages (timeline, events, documents, review, taxonomies);
//! - [`jsonl`], [`timelinejs`], [`ics`], [`csv`]: exports for other tools;
//! - [`schema`]: the JSON Schema of `timeline.json`, generated from the Rust types.

pub mod csv;
pub mod datefmt;
pub mod html;
pub mod ics;
pub mod jsonl;
mod jsonld;
pub mod links;
pub mod schema;
pub mod site;
pub mod timelinejs;

use crate::timeline::{EventKind, Status, Timeline};
use std::path::Path;

/// What an extracted span of a document is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum AnnotationKind {
    Date,
    Person,
    Place,
    Organization,
    /// The word that names an event.
    Trigger,
}

/// One extracted span of a document's cleaned text, for the source page.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Annotation {
    pub start: usize,
    pub end: usize,
    pub kind: AnnotationKind,
    /// The event this span belongs to, when it belongs to one.
    pub event: Option<String>,
}

/// A document's cleaned text and its extracted spans.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocumentView {
    pub id: String,
    pub text: String,
    /// Sorted by start; may nest (a date inside an event sentence) but never cross.
    pub annotations: Vec<Annotation>,
}

/// Everything the site is built from.
pub struct SiteData {
    /// Site title (config `title`, default "summitry").
    pub title: String,
    pub timeline: Timeline,
    pub documents: Vec<DocumentView>,
}

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("{path}: cannot write")]
    Io { path: String, source: std::io::Error },
    #[error("template {name}: {source}")]
    Template { name: &'static str, source: askama::Error },
}

/// Write the site (`index.html`, `events/*.html`, `documents/*.html`, `review.html`,
/// taxonomy pages, assets) and the exports (`timeline.json`, `timeline.jsonl`,
/// `timeline.timelinejs.json`, `timeline.ics`, `timeline.csv`) into `out_dir`.
///
/// Files are overwritten in place. Files of an earlier build that this build does
/// not write again are removed, but only those listed in that build's manifest
/// (`.summitry-manifest`): nothing else in `out_dir` is ever touched.
pub fn write_site(out_dir: &Path, site: &SiteData) -> Result<(), RenderError> {
    site::write(out_dir, site)
}

/// The timeline as pretty JSON with a trailing newline: the contract's form.
pub fn timeline_json(timeline: &Timeline) -> String {
    let mut s = serde_json::to_string_pretty(timeline).unwrap_or_else(|_| "{}".to_string());
    s.push('\n');
    s
}

/// An output format of `summitry extract --format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Json,
    Jsonl,
    Timelinejs,
    Ics,
    Csv,
}

impl Format {
    pub const ALL: [Format; 5] = [Format::Json, Format::Jsonl, Format::Timelinejs, Format::Ics, Format::Csv];

    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Timelinejs => "timelinejs",
            Format::Ics => "ics",
            Format::Csv => "csv",
        }
    }

    /// The file `build` writes this format to.
    pub fn file_name(self) -> &'static str {
        match self {
            Format::Json => "timeline.json",
            Format::Jsonl => "timeline.jsonl",
            Format::Timelinejs => "timeline.timelinejs.json",
            Format::Ics => "timeline.ics",
            Format::Csv => "timeline.csv",
        }
    }
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Format, String> {
        Format::ALL.into_iter().find(|f| f.name() == s).ok_or_else(|| {
            let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
            format!("unknown format `{s}` (expected one of: {})", names.join(", "))
        })
    }
}

/// One export: its text, and a note for stderr when events had to be left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Export {
    pub text: String,
    /// Events the format cannot hold (undated ones, or coarser than a day for iCalendar).
    pub left_out: usize,
    pub note: Option<String>,
}

/// The timeline in the given format.
pub fn export(format: Format, timeline: &Timeline) -> Export {
    let plain = |text| Export { text, left_out: 0, note: None };
    match format {
        Format::Json => plain(timeline_json(timeline)),
        Format::Jsonl => plain(jsonl::to_jsonl(timeline)),
        Format::Csv => plain(csv::to_csv(timeline)),
        Format::Timelinejs => {
            let (text, left_out) = timelinejs::to_timelinejs(timeline);
            let note = (left_out > 0).then(|| format!("timelinejs: {left_out} undated event(s) left out"));
            Export { text, left_out, note }
        }
        Format::Ics => {
            let (text, left_out) = ics::to_ics(timeline);
            let note = (left_out > 0)
                .then(|| format!("ics: {left_out} event(s) without a day-precision date left out (undated, or known only to the week, month or year)"));
            Export { text, left_out, note }
        }
    }
}

/// The contract's name of a kind (`meeting`).
pub(crate) fn kind_name(kind: EventKind) -> String {
    serde_json::to_value(kind).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

/// The contract's name of a status (`held`).
pub(crate) fn status_name(status: Status) -> String {
    serde_json::to_value(status).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

/// A status for people.
pub(crate) fn status_label(status: Status) -> &'static str {
    match status {
        Status::Held => "Held",
        Status::Planned => "Planned",
        Status::Cancelled => "Cancelled",
        Status::Postponed => "Postponed",
        Status::Unknown => "Status unknown",
    }
}

/// `meeting` → `Meeting`.
pub(crate) fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
