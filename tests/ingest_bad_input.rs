//! Bad input: each broken file gives one clear error naming it (and the line),
//! the other files still load, and no input at all makes a parser panic.

use std::fs;
use summitry::ingest::{self, Format, IngestError, Input};

#[test]
fn each_bad_file_is_one_named_error_and_the_rest_loads() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::write(root.join("binary.txt"), b"GIF89a\x01\x00\x00\x00\xff").unwrap();
    fs::write(root.join("latin1.txt"), b"Talks in Z\xfcrich ended.").unwrap();
    fs::write(root.join("empty.md"), b"").unwrap();
    fs::write(root.join("blank.txt"), b" \n\t\r\n  \n").unwrap();
    fs::write(root.join("fm.md"), "---\ntitle: x\nthis is not a key\n---\nBody.\n").unwrap();
    fs::write(root.join("date.txt"), "---\npublished: 2025-02-30\n---\nBody.\n").unwrap();
    fs::write(root.join("lines.jsonl"), "{\"text\":\"The envoys met.\"}\n{not json}\n").unwrap();
    fs::write(root.join("good.txt"), "The envoys met in Bern on Friday.\n").unwrap();
    let (files, mut errors) = ingest::discover(&[Input::Path(root.to_path_buf()), Input::Path(root.join("gone.html"))]);
    let mut docs = Vec::new();
    for f in &files {
        for r in ingest::load(f, &|_| None) {
            match r {
                Ok(d) => docs.push(d.id),
                Err(e) => errors.push(e),
            }
        }
    }
    assert_eq!(docs, ["good.txt", "lines.jsonl#1"]);
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(errors.len(), 8, "{messages:#?}");
    let expect = |name: &str, check: &dyn Fn(&IngestError) -> bool, text: &str| {
        let found: Vec<_> = errors.iter().filter(|e| e.to_string().contains(name)).collect();
        assert_eq!(found.len(), 1, "one error for {name}: {messages:#?}");
        assert!(check(found[0]), "{name}: {}", found[0]);
        assert!(found[0].to_string().contains(text), "{name}: {}", found[0]);
    };
    expect("gone.html", &|e| matches!(e, IngestError::Io { .. }), "cannot read");
    expect("binary.txt", &|e| matches!(e, IngestError::Binary { .. }), "binary file");
    expect("latin1.txt", &|e| matches!(e, IngestError::InvalidUtf8 { offset: 10, .. }), "offset 10");
    expect("empty.md", &|e| matches!(e, IngestError::Empty { .. }), "empty file");
    expect("blank.txt", &|e| matches!(e, IngestError::Empty { .. }), "empty file");
    expect("fm.md", &|e| matches!(e, IngestError::FrontMatter { line: 3, .. }), "fm.md:3: malformed front matter");
    expect("date.txt", &|e| matches!(e, IngestError::BadDate { line: Some(2), .. }), "date.txt:2: `published` is not a date");
    expect("lines.jsonl", &|e| matches!(e, IngestError::JsonLine { line: 2, .. }), "lines.jsonl:2: bad JSON line");
}

/// xorshift64*: a small deterministic generator, so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Pieces that reach the parsers' corner cases when strung together at random.
const FRAGMENTS: &[&str] = &[
    "---\n", "title: ", "published: ", "2025-02-30", "2025-07-10T10:00:00+03:00", "\n", "\r\n", "\n\n", " ", "\t", "é", "Ω", "🙂",
    "\u{feff}", "\u{200b}", "<", ">", "</", "<p>", "</p>", "<div class=\"comment share\">", "</div>", "<h1>", "<br>", "<pre>",
    "<script type=\"application/ld+json\">", "</script>", "{\"@graph\":[{\"@type\":\"NewsArticle\",\"datePublished\":\"", "\"}]}",
    "<![CDATA[", "]]>", "<meta property=\"og:title\" content=\"", "\">", "<table><tr><td>", "&amp;", "&#x1F600;", "&bogus;", "{",
    "}", "\"text\":", "\"maintext\":", "\"published\":", "\"date\":", "null", "[", "]", ",", "\"", "\\", "#", "**", "[link](", ")",
    "![img](x)", "`", "> ", "- ", "1. ", "By ", "Related posts\n", "About the Author\n", "Leave a Reply\n", "Published\non\nx\n",
    "Share this:", "Facebook Twitter", "The envoys met in Vienna on Monday, officials said.", " | World | example.org",
];

fn garbage(rng: &mut Rng) -> Vec<u8> {
    let mut out = Vec::new();
    let pieces = rng.below(60);
    for _ in 0..pieces {
        if rng.below(8) == 0 {
            // Raw bytes, including invalid UTF-8 (NUL only sometimes: it short-circuits to Binary).
            let n = rng.below(6);
            for _ in 0..n {
                let b = (rng.next() & 0xff) as u8;
                out.push(if b == 0 && rng.below(4) != 0 { b'x' } else { b });
            }
        } else {
            out.extend_from_slice(FRAGMENTS[rng.below(FRAGMENTS.len())].as_bytes());
        }
    }
    out
}

#[test]
fn no_input_panics_and_output_is_well_formed() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let formats = [Format::Text, Format::Markdown, Format::Html, Format::JsonLines];
    let (mut oks, mut errs) = (0, 0);
    for round in 0..1500 {
        let bytes = garbage(&mut rng);
        let format = formats[round % formats.len()];
        let load = || ingest::load_bytes("case.x", "fuzz/case.x", &bytes, format, &|_| None);
        let results = load();
        assert!(!results.is_empty(), "round {round}: no result at all");
        for r in &results {
            match r {
                Ok(d) => {
                    oks += 1;
                    assert!(!d.text.trim().is_empty(), "round {round}: empty text accepted");
                    assert!(!d.text.contains("\n\n\n"), "round {round}: paragraphs must be separated by one blank line");
                    assert_eq!(d.text, d.text.trim(), "round {round}: text not trimmed");
                }
                Err(e) => {
                    errs += 1;
                    assert!(e.to_string().starts_with("fuzz/case.x"), "round {round}: error does not name the file: {e}");
                }
            }
        }
        // Deterministic: the same bytes give the same documents.
        let again = load();
        let key = |rs: &[Result<ingest::Document, IngestError>]| rs.iter().map(|r| format!("{r:?}")).collect::<Vec<_>>();
        assert_eq!(key(&results), key(&again), "round {round}");
    }
    // The generator reaches both outcomes, so the checks above are exercised.
    assert!(oks > 100 && errs > 100, "{oks} documents, {errs} errors");
}

#[test]
fn boilerplate_filter_never_panics() {
    let mut rng = Rng(42);
    for _ in 0..2000 {
        let text = String::from_utf8_lossy(&garbage(&mut rng)).into_owned();
        let paragraphs: Vec<String> = text.split('\n').map(|s| s.split_whitespace().collect::<Vec<_>>().join(" ")).collect();
        let n = paragraphs.len();
        let kept = ingest::boilerplate::clean(paragraphs);
        assert!(kept.len() <= n);
    }
}
