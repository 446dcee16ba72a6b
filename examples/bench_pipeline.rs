//! Throughput of the whole pipeline (ingest → merge), without rendering:
//! `cargo run --release --example bench_pipeline -- [DIR] [ROUNDS]`
//! (default: the development corpus `eval/dev/articles`, 20 rounds). Prints documents
//! and megabytes of cleaned text per second. A benchmark, not a test: it asserts nothing.

use std::time::Instant;
use summitry::config::Config;
use summitry::ingest::Input;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| "eval/dev/articles".to_string());
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(20);
    let inputs = vec![Input::Path(dir.clone().into())];
    let config = Config::default();
    let warm = summitry::pipeline::run(&inputs, &config);
    let bytes: usize = warm.documents.iter().map(|d| d.text.len()).sum();
    let docs = warm.documents.len();
    let start = Instant::now();
    let mut events = 0;
    for _ in 0..rounds {
        events = summitry::pipeline::run(&inputs, &config).timeline.events.len();
    }
    let secs = start.elapsed().as_secs_f64() / rounds as f64;
    println!(
        "{dir}: {docs} documents, {:.2} MB of text, {events} events: {:.1} ms a run, {:.0} documents/s, {:.2} MB/s ({} threads)",
        bytes as f64 / 1e6,
        secs * 1e3,
        docs as f64 / secs,
        bytes as f64 / 1e6 / secs,
        rayon::current_num_threads()
    );
}
