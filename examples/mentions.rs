//! Development aid: print the event mentions of each document given, one per line,
//! before merging. `cargo run --example mentions -- FILE... [--config FILE]`.

use summitry::config::Config;
use summitry::ingest::{self, Input};

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let config = match args.iter().position(|a| a == "--config") {
        Some(i) if i + 1 < args.len() => {
            let c = Config::load(std::path::Path::new(&args[i + 1])).expect("config");
            args.drain(i..=i + 1);
            c
        }
        _ => Config::default(),
    };
    let inputs: Vec<Input> = args.iter().map(|a| Input::Path(a.into())).collect();
    let (files, errors) = ingest::discover(&inputs);
    for e in errors {
        eprintln!("{e}");
    }
    let meta = |id: &str| config.meta_for(id);
    for f in &files {
        for doc in ingest::load(f, &meta).into_iter().flatten() {
            println!("== {} ({:?})", doc.id, doc.published);
            let a = summitry::pipeline::analyze(doc);
            for m in &a.mentions {
                let people: Vec<&str> = m.participants.iter().map(|p| p.name.as_str()).collect();
                println!(
                    "  {:?} {:?}{} date={} place={} people={:?} parties={:?} ante={:?} round={:?}\n     \"{}\" [{}]",
                    m.kind,
                    m.status,
                    if m.status_explicit { "!" } else { "" },
                    m.date.map(|d| d.iso()).unwrap_or_default(),
                    m.place.as_ref().map(|p| p.name.as_str()).unwrap_or(""),
                    people,
                    m.parties,
                    m.antecedent,
                    m.round,
                    m.sentence.slice(&a.doc.text).chars().take(160).collect::<String>(),
                    m.trigger.slice(&a.doc.text),
                );
            }
        }
    }
}
