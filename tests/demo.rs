//! The demo: articles/ built with summitry.toml. output/ is committed, so it must be
//! exactly what the current code builds; and the demo timeline must hold what its
//! articles report (docs/demo-articles.md).

mod common;

use common::read_tree;
use serde_json::Value;
use std::fs;
use std::path::Path;
use std::process::Command;


fn build_demo() -> (tempfile::TempDir, Value) {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    let out = Command::new(env!("CARGO_BIN_EXE_summitry"))
        .args(["build", "-o"])
        .arg(&site)
        .output()
        .expect("summitry runs");
    assert!(out.status.success(), "demo build failed: {}", String::from_utf8_lossy(&out.stderr));
    let json = serde_json::from_slice(&fs::read(site.join("timeline.json")).unwrap()).unwrap();
    (tmp, json)
}

#[test]
fn committed_output_is_what_the_code_builds() {
    let (tmp, _) = build_demo();
    let built = read_tree(&tmp.path().join("site"));
    let committed = read_tree(Path::new("output"));
    let names = |t: &[(String, Vec<u8>)]| t.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(names(&built), names(&committed), "output/ has other files than a build makes: run `cargo run --release -- build`");
    for ((name, a), (_, b)) in built.iter().zip(&committed) {
        assert!(a == b, "output/{name} is stale: run `cargo run --release -- build` and commit output/");
    }
}

fn events(t: &Value) -> &Vec<Value> {
    t["events"].as_array().unwrap()
}

fn has(e: &Value, surname: &str) -> bool {
    e["participants"].as_array().unwrap().iter().any(|p| p["name"].as_str().unwrap_or("").ends_with(surname))
}

fn sources(e: &Value) -> Vec<&str> {
    e["sources"].as_array().unwrap().iter().filter_map(|s| s["document"].as_str()).collect()
}

#[test]
fn demo_timeline_holds_the_core_events() {
    let (_tmp, t) = build_demo();
    let find = |date: &str, who: &str| -> Vec<&Value> {
        events(&t).iter().filter(|e| e["date"]["value"] == date && has(e, who)).collect()
    };
    // Riyadh, 18 Feb: one Rubio–Lavrov event, held, previewed and reported.
    let riyadh = find("2025-02-18", "Lavrov");
    assert_eq!(riyadh.len(), 1, "{riyadh:#?}");
    assert_eq!(riyadh[0]["status"], "held");
    assert!(sources(riyadh[0]).contains(&"2025-02-18-diriyah-talks.md"));
    assert!(sources(riyadh[0]).contains(&"2025-02-17-riyadh-preview.txt"));
    // The Trump–Putin call of 18 Mar.
    let call = find("2025-03-18", "Putin");
    assert!(call.iter().any(|e| e["kind"] == "call" && e["status"] == "held"), "{call:#?}");
    // Anchorage, 15 Aug: the summit, held, with the preview among its sources.
    let alaska = find("2025-08-15", "Putin");
    assert!(!alaska.is_empty());
    assert!(alaska.iter().any(|e| sources(e).contains(&"alaska/2025-08-09-summit-announced.txt")), "{alaska:#?}");
    // The undated page is reported.
    let findings = t["findings"].as_array().unwrap();
    assert!(findings.iter().any(|f| f["kind"] == "missing_published"
        && f["documents"].as_array().unwrap().iter().any(|d| d == "rome-recovery-conference.html")));
}
