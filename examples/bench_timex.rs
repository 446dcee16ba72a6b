//! Throughput of the temporal tagger alone (sentence split + tagging), single-threaded,
//! on the TempEval-3 training texts. Run: `cargo run --release --example bench_timex`.

use std::time::Instant;
use summitry::dates::{tag, timex_io::parse_dct};
use summitry::text::split_sentences;

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| "../shared/tempeval3/train/input.jsonl".to_string());
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!("bench_timex: cannot read {path}");
        std::process::exit(1);
    };
    let docs: Vec<(String, Option<chrono::NaiveDate>)> = data
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|v| (v["text"].as_str().unwrap_or("").to_string(), v["dct"].as_str().and_then(parse_dct)))
        .collect();
    let bytes: usize = docs.iter().map(|(t, _)| t.len()).sum();
    let mut best = f64::MAX;
    let mut count = 0usize;
    for _ in 0..20 {
        let start = Instant::now();
        count = 0;
        for (text, dct) in &docs {
            let sentences = split_sentences(text);
            count += tag(text, &sentences, *dct).len();
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    // Tagging only, sentences given (what the pipeline's dates stage costs).
    let sentences: Vec<_> = docs.iter().map(|(t, _)| split_sentences(t)).collect();
    let mut best_tag = f64::MAX;
    for _ in 0..20 {
        let start = Instant::now();
        for ((text, dct), s) in docs.iter().zip(&sentences) {
            std::hint::black_box(tag(text, s, *dct));
        }
        best_tag = best_tag.min(start.elapsed().as_secs_f64());
    }
    let mb = bytes as f64 / 1e6;
    println!("{} documents, {:.2} MB, {count} timexes", docs.len(), mb);
    println!("split + tag: {:.1} ms, {:.1} MB/s", best * 1e3, mb / best);
    println!("tag only:    {:.1} ms, {:.1} MB/s", best_tag * 1e3, mb / best_tag);
}
