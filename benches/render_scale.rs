//! Scale benchmark for the render stage: builds a site of 10,000 events (spread
//! over 10 years, 2,000 documents) into a temp dir and prints how long it took.
//! Run: `cargo bench --bench render_scale`.

use std::time::Instant;
use summitry::dates::Precision;
use summitry::render::{write_site, Annotation, AnnotationKind, DocumentView, SiteData};
use summitry::timeline::*;

fn main() {
    let n_events = 10_000;
    let n_docs = 2_000;
    let mut documents = Vec::new();
    let mut views = Vec::new();
    for d in 0..n_docs {
        let id = format!("feed/part-{}.jsonl#{}", d / 100, d % 100);
        let text = format!("Headline {d}\n\nForeign ministers met in City {} on Tuesday to discuss item {d}.\n\nMore text follows here.", d % 50);
        views.push(DocumentView {
            id: id.clone(),
            annotations: vec![Annotation { start: 32, end: 35, kind: AnnotationKind::Trigger, event: Some(format!("e{:05}", d * 5)) }],
            text,
        });
        documents.push(DocumentInfo { id, path: format!("feed/part-{}.jsonl", d / 100), title: Some(format!("Headline {d}")), source: Some("Wire".into()), url: Some(format!("https://example.org/{d}")), author: None, published: Some(format!("20{:02}-03-01", 15 + d % 10)) });
    }
    let events: Vec<Event> = (0..n_events)
        .map(|i| {
            let year = 2015 + (i * 10 / n_events) as i32;
            let doc = &documents[i % n_docs];
            Event {
                id: format!("e{i:05}"),
                kind: [EventKind::Meeting, EventKind::Talks, EventKind::Call, EventKind::Visit][i % 4],
                title: format!("Meeting number {i}"),
                date: Some(EventDate { value: format!("{year}-{:02}-{:02}", 1 + i % 12, 1 + i % 28), precision: Precision::Day, end: None }),
                status: [Status::Held, Status::Planned, Status::Cancelled][i % 3],
                place: Some(PlaceInfo { name: format!("City {}", i % 50), city: None, country: Some("Country".into()) }),
                participants: vec![
                    Participant { name: format!("Minister {}", i % 300), role: Some("Foreign Minister".into()), country: None },
                    Participant { name: format!("Envoy {}", i % 120), role: None, country: None },
                ],
                sources: vec![SourceRef { document: doc.id.clone(), quote: "Foreign ministers met in City on Tuesday.".into(), start: 14, end: 70, date_start: None, date_end: None, status: Status::Held, published: doc.published.clone() }],
            }
        })
        .collect();
    let site = SiteData { title: "Scale".into(), timeline: Timeline { schema_version: SCHEMA_VERSION, documents, events, findings: vec![] }, documents: views };
    let dir = std::env::temp_dir().join(format!("summitry-render-scale-{}", std::process::id()));
    let t = Instant::now();
    write_site(&dir, &site).expect("site written");
    let elapsed = t.elapsed();
    let files = walk(&dir);
    println!("render_scale: {n_events} events, {n_docs} documents -> {files} files in {:.2} s", elapsed.as_secs_f64());
    let _ = std::fs::remove_dir_all(&dir);
}

fn walk(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir).map(|rd| rd.flatten().map(|e| if e.path().is_dir() { walk(&e.path()) } else { 1 }).sum()).unwrap_or(0)
}
