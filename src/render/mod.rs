//! Render stage: the static site (askama templates under `templates/`) and exports.
//!
//! Everything article text touches goes through askama's HTML escaping; URLs from
//! articles are only ever linked when their scheme is http or https.

use crate::timeline::Timeline;
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
    #[error("{path}: cannot write: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("template {name}: {source}")]
    Template { name: &'static str, source: askama::Error },
}

/// Write the site (`index.html`, `events/*.html`, `documents/*.html`, `review.html`,
/// `timeline.json`, assets) into `out_dir`.
pub fn write_site(out_dir: &Path, site: &SiteData) -> Result<(), RenderError> {
    let _ = (out_dir, site);
    Ok(())
}

/// The timeline as pretty JSON with a trailing newline: the contract's form.
pub fn timeline_json(timeline: &Timeline) -> String {
    let mut s = serde_json::to_string_pretty(timeline).expect("timeline serializes");
    s.push('\n');
    s
}
