//! HTML ingest measured on Mozilla Readability's test pages
//! (`../shared/conformance/readability`, see `../shared/conformance/README.md`).
//!
//! For every page, summitry's main text of `source.html` is compared with the
//! text of `expected.html` (what Readability extracts) as bags of lower-case
//! words: word-level F1 over the multiset overlap. The publication date is
//! compared with `publishedTime` of `expected-metadata.json`, both reduced to a
//! calendar date as written; pages without a `publishedTime` do not count for the
//! date figure. The test prints the worst pages and the means, and fails when
//! the mean F1 drops below 0.85 or the date is right on fewer than 90 % of the
//! pages that give one. Without the folder (it is not part of the repository) it
//! says so and passes.

use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use summitry::ingest::{self, SourceFile};

const MIN_MEAN_F1: f64 = 0.85;
const MIN_DATE_SHARE: f64 = 0.90;

struct PageResult {
    name: String,
    f1: Option<f64>,
    precision: f64,
    recall: f64,
    /// (expected, found) when the page gives a date.
    date: Option<(String, Option<String>)>,
    error: Option<String>,
}

fn words(text: &str) -> HashMap<String, usize> {
    let mut bag = HashMap::new();
    for w in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        *bag.entry(w.to_lowercase()).or_insert(0) += 1;
    }
    bag
}

/// (precision, recall, F1) of `found` against `expected`.
fn f1(found: &HashMap<String, usize>, expected: &HashMap<String, usize>) -> (f64, f64, f64) {
    let overlap: usize = found.iter().map(|(w, n)| (*n).min(expected.get(w).copied().unwrap_or(0))).sum();
    let total_found: usize = found.values().sum();
    let total_expected: usize = expected.values().sum();
    if overlap == 0 {
        return (0.0, 0.0, 0.0);
    }
    let p = overlap as f64 / total_found as f64;
    let r = overlap as f64 / total_expected as f64;
    (p, r, 2.0 * p * r / (p + r))
}

/// Text of an HTML fragment, text nodes separated by spaces.
fn html_text(html: &str) -> String {
    let doc = scraper::Html::parse_document(html);
    doc.root_element().text().collect::<Vec<_>>().join(" ")
}

/// `publishedTime` reduced to `YYYY-MM-DD` (every format in the corpus starts with it).
fn expected_date(meta: &serde_json::Value) -> Option<String> {
    let s = meta.get("publishedTime")?.as_str()?;
    let d = s.trim().get(..10)?;
    chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok().map(|d| d.to_string())
}

fn measure(dir: &Path) -> PageResult {
    let name = dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let source = SourceFile { id: format!("{name}/source.html"), path: Some(dir.join("source.html")) };
    let loaded = ingest::load(&source, &|_| None);
    let (doc, error) = match loaded.into_iter().next() {
        Some(Ok(d)) => (Some(d), None),
        Some(Err(e)) => (None, Some(e.to_string())),
        None => (None, Some("no document".to_string())),
    };
    let meta: serde_json::Value = std::fs::read_to_string(dir.join("expected-metadata.json"))
        .ok()
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or(serde_json::Value::Null);
    let date = expected_date(&meta).map(|e| (e, doc.as_ref().and_then(|d| d.published).map(|d| d.to_string())));
    let (mut precision, mut recall, mut score) = (0.0, 0.0, None);
    if let Ok(expected) = std::fs::read_to_string(dir.join("expected.html")) {
        let found = doc.as_ref().map(|d| words(&d.text)).unwrap_or_default();
        let (p, r, f) = f1(&found, &words(&html_text(&expected)));
        (precision, recall, score) = (p, r, Some(f));
    }
    PageResult { name, f1: score, precision, recall, date, error }
}

#[test]
fn readability_pages() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/conformance/readability");
    if !root.is_dir() {
        println!("skipped: folder missing: {} (the Readability pages are not part of the repository)", root.display());
        return;
    }
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("readable folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("source.html").is_file())
        .collect();
    dirs.sort();
    let results: Vec<PageResult> = dirs.par_iter().map(|d| measure(d)).collect();

    let mut scored: Vec<&PageResult> = results.iter().filter(|r| r.f1.is_some()).collect();
    scored.sort_by(|a, b| a.f1.unwrap_or(0.0).total_cmp(&b.f1.unwrap_or(0.0)).then(a.name.cmp(&b.name)));
    println!("worst pages by word F1 (precision / recall):");
    for r in scored.iter().take(10) {
        println!("  {:<40} F1 {:.3}  P {:.3}  R {:.3}{}", r.name, r.f1.unwrap_or(0.0), r.precision, r.recall, r.error.as_deref().map(|e| format!("  ({e})")).unwrap_or_default());
    }
    let n = scored.len().max(1) as f64;
    let mean_f1 = scored.iter().map(|r| r.f1.unwrap_or(0.0)).sum::<f64>() / n;
    let mean_p = scored.iter().map(|r| r.precision).sum::<f64>() / n;
    let mean_r = scored.iter().map(|r| r.recall).sum::<f64>() / n;
    let good = scored.iter().filter(|r| r.f1.unwrap_or(0.0) >= 0.9).count();

    let dated: Vec<&PageResult> = results.iter().filter(|r| r.date.is_some()).collect();
    let right = dated.iter().filter(|r| r.date.as_ref().is_some_and(|(e, f)| f.as_deref() == Some(e.as_str()))).count();
    println!("dates found wrong or missing:");
    for r in &dated {
        if let Some((e, f)) = &r.date
            && f.as_deref() != Some(e.as_str()) {
                println!("  {:<40} expected {e}, found {}", r.name, f.as_deref().unwrap_or("none"));
            }
    }
    let date_share = right as f64 / dated.len().max(1) as f64;
    println!(
        "readability: {} pages, {} with expected text: mean F1 {:.3} (precision {:.3}, recall {:.3}), F1 >= 0.9 on {}; date right on {}/{} pages that give one ({:.1} %)",
        results.len(),
        scored.len(),
        mean_f1,
        mean_p,
        mean_r,
        good,
        right,
        dated.len(),
        100.0 * date_share
    );
    assert!(results.len() >= 100, "expected the 130 Readability pages, found {}", results.len());
    assert!(mean_f1 >= MIN_MEAN_F1, "mean word F1 {mean_f1:.3} below {MIN_MEAN_F1}");
    assert!(date_share >= MIN_DATE_SHARE, "date right on {:.1} % of pages, below {:.0} %", 100.0 * date_share, 100.0 * MIN_DATE_SHARE);
}
