//! Ingest end to end through the public API (`discover` + `load`) on fixtures
//! written for these tests: every format, boilerplate-heavy pages, front matter
//! edge cases, a JSONL file with broken lines, config metadata overriding the
//! file's.

use chrono::NaiveDate;
use std::path::{Path, PathBuf};
use summitry::ingest::{self, DocMeta, Document, IngestError, Input, SourceFile};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ingest")
}

fn load_one(name: &str) -> Vec<Result<Document, IngestError>> {
    let file = SourceFile { id: name.to_string(), path: Some(fixtures().join(name)) };
    ingest::load(&file, &|_| None)
}

fn doc(name: &str) -> Document {
    match load_one(name).into_iter().next() {
        Some(Ok(d)) => d,
        other => panic!("{name}: expected a document, got {other:?}"),
    }
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Phrases of page furniture that must not reach the text.
fn assert_no_furniture(text: &str) {
    for noise in [
        "cookies", "Accept", "Advertisement", "Trending", "Related", "Leave a Reply", "email address", "About the Author",
        "Facebook", "Share", "Sign up", "All rights reserved", "Exit mobile version", "Connect with us", "By Petra", "By Tomas",
        "Great piece", "deskeditor", "Published", "| World |", "Privacy", "Politics",
    ] {
        assert!(!text.contains(noise), "furniture {noise:?} left in:\n{text}");
    }
}

#[test]
fn discover_fixture_folder() {
    let (files, errors) = ingest::discover(&[Input::Path(fixtures())]);
    assert!(errors.is_empty(), "{errors:?}");
    let ids: Vec<&str> = files.iter().map(|f| f.id.as_str()).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted);
    for id in ["boilerplate_article.txt", "boilerplate_page.html", "feed.jsonl", "summit_notes.md"] {
        assert!(ids.contains(&id), "{id} not found in {ids:?}");
    }
}

#[test]
fn boilerplate_heavy_html_page() {
    let d = doc("boilerplate_page.html");
    assert_eq!(d.title.as_deref(), Some("Ministers Agree to Meet Again in Vienna"));
    assert_eq!(d.source.as_deref(), Some("The Harbour Ledger"));
    assert_eq!(d.url.as_deref(), Some("https://ledger.example.net/world/ministers-vienna"));
    assert_eq!(d.author.as_deref(), Some("Petra Lindqvist"));
    // JSON-LD's datePublished, as written (not converted to UTC, not dateModified).
    assert_eq!(d.published, date(2025, 3, 12));
    assert_no_furniture(&d.text);
    let paragraphs: Vec<&str> = d.text.split("\n\n").collect();
    assert_eq!(paragraphs.first(), Some(&"Ministers Agree to Meet Again in Vienna"));
    assert!(paragraphs.contains(&"A long road to the table"), "heading on its own line: {paragraphs:?}");
    assert!(d.text.contains("met in Vienna on Wednesday for more than five hours"));
    assert!(d.text.contains("expected in April, would show"));
    assert_eq!(paragraphs.len(), 7, "{paragraphs:#?}");
}

#[test]
fn boilerplate_heavy_text_file() {
    let d = doc("boilerplate_article.txt");
    assert_no_furniture(&d.text);
    assert_eq!(d.title.as_deref(), Some("Envoys Resume Grain Corridor Talks in Istanbul"));
    let paragraphs: Vec<&str> = d.text.split("\n\n").collect();
    assert_eq!(
        paragraphs,
        [
            "Envoys Resume Grain Corridor Talks in Istanbul",
            "Negotiators from the three delegations returned to Istanbul on Monday to revive the stalled agreement on shipping corridors, two officials familiar with the talks said.",
            "The meeting, held at a hotel on the Bosphorus, lasted until late in the evening and ended without a joint statement.",
            "A Turkish official said the parties would meet again next week, possibly at the level of deputy ministers, if the technical teams agree on inspection rules.",
        ]
    );
}

#[test]
fn markdown_with_front_matter() {
    let d = doc("summit_notes.md");
    assert_eq!(d.title.as_deref(), Some("Notes on the Helsinki meeting"));
    assert_eq!(d.published, date(2025, 6, 3));
    assert_eq!(d.source.as_deref(), Some("Field Notes"));
    assert_eq!(d.author.as_deref(), Some("R. Okafor"));
    assert_eq!(
        d.text,
        "Notes on the Helsinki meeting\n\nThe defence ministers met in Helsinki on Monday and agreed to hold a second round in the autumn.\n\nThey discussed air defence.\n\nThey did not discuss sanctions.\n\n\"We will meet again,\" one minister said."
    );
    // Offsets point into the cleaned text: no Markdown marks left.
    assert!(!d.text.contains(['*', '[', '#', '>']));
}

#[test]
fn jsonl_with_broken_lines() {
    let results = load_one("feed.jsonl");
    assert_eq!(results.len(), 4, "blank line skipped: {results:?}");
    let first = results[0].as_ref().unwrap();
    assert_eq!(first.id, "feed.jsonl#1");
    assert_eq!(first.title.as_deref(), Some("Ministers Meet in Oslo"));
    assert_eq!(first.published, date(2025, 4, 8));
    assert_eq!(first.source.as_deref(), Some("example-news.no"));
    assert_eq!(first.text, "The ministers met in Oslo on Tuesday.\n\nThey agreed to meet again in May.");
    let broken = results[1].as_ref().unwrap_err();
    assert!(matches!(broken, IngestError::JsonLine { line: 3, .. }), "{broken}");
    assert!(broken.to_string().contains("feed.jsonl:3:"), "{broken}");
    let no_text = results[2].as_ref().unwrap_err();
    assert!(matches!(no_text, IngestError::NoText { line: Some(4), .. }), "{no_text}");
    assert!(no_text.to_string().contains("feed.jsonl:4:"), "{no_text}");
    let last = results[3].as_ref().unwrap();
    assert_eq!((last.id.as_str(), last.published, last.author.as_deref()), ("feed.jsonl#5", date(2025, 4, 10), Some("L. Bianchi")));
}

#[test]
fn front_matter_errors_name_file_and_line() {
    let e = load_one("front_matter_unclosed.txt").pop().unwrap().unwrap_err();
    assert!(matches!(e, IngestError::FrontMatter { line: 5, .. }), "{e}");
    let msg = e.to_string();
    assert!(msg.contains("front_matter_unclosed.txt:5: malformed front matter") && msg.contains("closing `---`"), "{msg}");
    let e = load_one("front_matter_bad_date.md").pop().unwrap().unwrap_err();
    assert!(matches!(&e, IngestError::BadDate { line: Some(3), value, .. } if value == "the first of February"), "{e}");
    assert!(e.to_string().contains("front_matter_bad_date.md:3: `published` is not a date"), "{e}");
}

#[test]
fn config_metadata_overrides_every_format() {
    let meta = |id: &str| match id {
        "summit_notes.md" | "feed.jsonl#5" | "boilerplate_page.html" => {
            Some(DocMeta { published: Some("2025-07-01".into()), source: Some("Config Source".into()), ..Default::default() })
        }
        _ => None,
    };
    for (name, id) in [("summit_notes.md", "summit_notes.md"), ("feed.jsonl", "feed.jsonl#5"), ("boilerplate_page.html", "boilerplate_page.html")] {
        let file = SourceFile { id: name.to_string(), path: Some(fixtures().join(name)) };
        let d = ingest::load(&file, &meta).into_iter().filter_map(Result::ok).find(|d| d.id == id).unwrap();
        assert_eq!((d.published, d.source.as_deref()), (date(2025, 7, 1), Some("Config Source")), "{id}");
    }
    // A config date that is not a date is an error naming the file, without a line.
    let bad = |_: &str| Some(DocMeta { published: Some("01/07/2025".into()), ..Default::default() });
    let file = SourceFile { id: "summit_notes.md".into(), path: Some(fixtures().join("summit_notes.md")) };
    let e = ingest::load(&file, &bad).pop().unwrap().unwrap_err();
    assert!(matches!(e, IngestError::BadDate { line: None, .. }), "{e}");
    assert!(e.to_string().contains("summit_notes.md: `published` is not a date: \"01/07/2025\""), "{e}");
}

#[test]
fn file_with_unknown_extension_given_directly_is_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cable.log");
    std::fs::write(&path, "Ministers Meet in Riga\nThe ministers met in Riga on Friday.\n").unwrap();
    let (files, errors) = ingest::discover(&[Input::Path(path)]);
    assert!(errors.is_empty());
    assert_eq!(files[0].id, "cable.log");
    let d = ingest::load(&files[0], &|_| None).pop().unwrap().unwrap();
    assert_eq!(d.title.as_deref(), Some("Ministers Meet in Riga"));
    assert_eq!(d.text, "Ministers Meet in Riga\n\nThe ministers met in Riga on Friday.");
}
