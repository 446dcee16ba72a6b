//! The whole run: inputs → documents → analyses → merged timeline.
//!
//! Per-document work (reading, cleaning, tagging, extraction) runs in parallel with
//! rayon; results are sorted by document id before merging, so the output does not
//! depend on the order of files on disk or the number of threads.

use crate::config::Config;
use crate::ingest::{self, Document, IngestError, Input};
use crate::render::{Annotation, AnnotationKind, DocumentView};
use crate::timeline::{DocumentInfo, Timeline, SCHEMA_VERSION};
use crate::{dates, entities, events, merge, text};
use rayon::prelude::*;

/// What a run produced, and what it had to skip.
pub struct RunOutput {
    pub timeline: Timeline,
    pub documents: Vec<DocumentView>,
    pub errors: Vec<IngestError>,
    /// Problems that lost nothing from the inputs but that the user should fix
    /// (a config entry that names no file).
    pub warnings: Vec<String>,
}

/// One document after the per-document stages.
pub struct Analyzed {
    pub doc: Document,
    pub mentions: Vec<events::EventMention>,
    pub annotations: Vec<Annotation>,
}

/// Run the per-document stages on one document.
pub fn analyze(doc: Document) -> Analyzed {
    let sentences = text::split_sentences(&doc.text);
    let timexes = dates::tag(&doc.text, &sentences, doc.published);
    let entities = entities::find(&doc.text, &sentences);
    let groups = entities::groups(&doc.text, &sentences, &entities);
    let mentions = events::extract(&events::Analysis {
        doc: &doc,
        sentences: &sentences,
        timexes: &timexes,
        entities: &entities,
        groups: &groups,
    });
    let mut annotations: Vec<Annotation> = timexes
        .iter()
        .map(|t| Annotation { start: t.span.start(), end: t.span.end(), kind: AnnotationKind::Date, event: None })
        .chain(entities.iter().map(|e| Annotation {
            start: e.span.start(),
            end: e.span.end(),
            kind: match e.entity {
                entities::Entity::Person(_) => AnnotationKind::Person,
                entities::Entity::Place(_) | entities::Entity::Nationality(_) => AnnotationKind::Place,
                entities::Entity::Organization(_) => AnnotationKind::Organization,
            },
            event: None,
        }))
        .chain(mentions.iter().map(|m| Annotation {
            start: m.trigger.start(),
            end: m.trigger.end(),
            kind: AnnotationKind::Trigger,
            event: None,
        }))
        .collect();
    annotations.sort();
    annotations.dedup();
    Analyzed { doc, mentions, annotations }
}

/// Read every input and build the timeline. Never fails as a whole: what could not
/// be read is in `errors`.
pub fn run(inputs: &[Input], config: &Config) -> RunOutput {
    let (files, mut errors) = ingest::discover(inputs);
    let file_ids: Vec<&str> = files.iter().map(|f| f.id.as_str()).collect();
    let warnings = config
        .unused_entries(&file_ids)
        .into_iter()
        .map(|k| format!("config: [documents.{k:?}] names no input file; its metadata is unused"))
        .collect();
    let meta = |id: &str| config.meta_for(id);
    let loaded: Vec<Vec<Result<Document, IngestError>>> = files.par_iter().map(|f| ingest::load(f, &meta)).collect();
    let mut docs = Vec::new();
    for result in loaded.into_iter().flatten() {
        match result {
            Ok(doc) => docs.push(doc),
            Err(e) => errors.push(e),
        }
    }
    docs.sort_by(|a, b| a.id.cmp(&b.id));
    docs.dedup_by(|a, b| a.id == b.id);
    let mut analyzed: Vec<Analyzed> = docs.into_par_iter().map(analyze).collect();
    analyzed.sort_by(|a, b| a.doc.id.cmp(&b.doc.id));

    let documents: Vec<DocumentInfo> = analyzed.iter().map(|a| document_info(&a.doc)).collect();
    let mentions = analyzed.iter().flat_map(|a| a.mentions.iter().cloned()).collect();
    let (mut events, findings) = merge::merge(mentions, &documents);
    for source in events.iter_mut().flat_map(|e| e.sources.iter_mut()) {
        // `analyzed` is sorted by id: a binary search, not a scan per source.
        if let Ok(i) = analyzed.binary_search_by(|a| a.doc.id.as_str().cmp(&source.document)) {
            let a = &analyzed[i];
            source.quote = a.doc.text.get(source.start..source.end).unwrap_or_default().to_string();
        }
    }
    let mut views: Vec<DocumentView> = analyzed
        .into_iter()
        .map(|a| DocumentView { id: a.doc.id, text: a.doc.text, annotations: a.annotations })
        .collect();
    link_annotations(&events, &mut views);
    RunOutput { timeline: Timeline { schema_version: SCHEMA_VERSION, documents, events, findings }, documents: views, errors, warnings }
}

/// Tie each trigger and date span that lies in an event's source sentence to that event.
/// `views` is sorted by id.
fn link_annotations(events: &[crate::timeline::Event], views: &mut [DocumentView]) {
    for event in events {
        for src in &event.sources {
            if let Ok(i) = views.binary_search_by(|v| v.id.as_str().cmp(&src.document)) {
                let view = &mut views[i];
                for a in view.annotations.iter_mut() {
                    if a.event.is_none() && a.start >= src.start && a.end <= src.end && matches!(a.kind, AnnotationKind::Trigger | AnnotationKind::Date) {
                        a.event = Some(event.id.clone());
                    }
                }
            }
        }
    }
}

fn document_info(doc: &Document) -> DocumentInfo {
    DocumentInfo {
        id: doc.id.clone(),
        path: doc.path.clone(),
        title: doc.title.clone(),
        source: doc.source.clone(),
        url: doc.url.clone(),
        author: doc.author.clone(),
        published: doc.published.map(|d| d.format("%Y-%m-%d").to_string()),
    }
}
