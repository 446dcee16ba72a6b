//! End to end on the four seed articles in ../shared/seeds (publication dates from
//! tests/fixtures/seeds.toml, as a user would supply them for files they cannot edit).
//! What is asserted is what a careful reader gets from them (../shared/seeds/README.md).

use serde_json::Value;
use std::path::Path;
use std::process::Command;

const SEEDS: &str = "../shared/seeds";

fn timeline() -> Option<Value> {
    if !Path::new(SEEDS).is_dir() {
        eprintln!("SKIPPED: {SEEDS} is missing; the seed acceptance test needs ../shared beside the repository");
        return None;
    }
    let out = Command::new(env!("CARGO_BIN_EXE_summitry"))
        .args(["extract", SEEDS, "--config", "tests/fixtures/seeds.toml"])
        .output()
        .expect("summitry runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "summitry failed: {stderr}");
    Some(serde_json::from_slice(&out.stdout).expect("stdout is JSON"))
}

fn events_on<'a>(t: &'a Value, date: &str) -> Vec<&'a Value> {
    t["events"].as_array().unwrap().iter().filter(|e| e["date"]["value"] == date).collect()
}

fn names(e: &Value) -> Vec<&str> {
    e["participants"].as_array().unwrap().iter().filter_map(|p| p["name"].as_str()).collect()
}

fn sources(e: &Value) -> Vec<&str> {
    e["sources"].as_array().unwrap().iter().filter_map(|s| s["document"].as_str()).collect()
}

fn has_person(e: &Value, surname: &str) -> bool {
    names(e).iter().any(|n| n.ends_with(surname))
}

fn place_text(e: &Value) -> String {
    format!("{} {} {}", e["place"]["name"], e["place"]["city"], e["place"]["country"])
}

#[test]
fn seeds_give_the_meetings_a_careful_reader_gets() {
    let Some(t) = timeline() else { return };
    let events = t["events"].as_array().unwrap();

    // Saudi Arabia, 18 Feb 2025: Rubio and Lavrov, held; exactly one such event.
    let riyadh: Vec<_> = events_on(&t, "2025-02-18")
        .into_iter()
        .filter(|e| has_person(e, "Rubio") && has_person(e, "Lavrov"))
        .collect();
    assert_eq!(riyadh.len(), 1, "one Rubio–Lavrov event on 2025-02-18: {riyadh:#?}");
    let riyadh = riyadh[0];
    assert_eq!(riyadh["status"], "held");
    assert!(place_text(riyadh).contains("Saudi Arabia"), "{riyadh:#?}");

    // Istanbul, 16 May 2025: talks, 003 among the sources.
    let istanbul: Vec<_> = events_on(&t, "2025-05-16")
        .into_iter()
        .filter(|e| place_text(e).contains("Istanbul"))
        .collect();
    assert_eq!(istanbul.len(), 1, "one Istanbul event on 2025-05-16: {istanbul:#?}");
    assert_eq!(istanbul[0]["kind"], "talks");
    assert!(sources(istanbul[0]).contains(&"003_b6a664ef53afea79.txt"));

    // Kuala Lumpur, 10 Jul 2025: Rubio and Lavrov, held, both KL articles as sources.
    let kl: Vec<_> = events
        .iter()
        .filter(|e| place_text(e).contains("Kuala Lumpur") && has_person(e, "Rubio"))
        .collect();
    assert_eq!(kl.len(), 1, "one Rubio–Lavrov event in Kuala Lumpur: {kl:#?}");
    let kl = kl[0];
    assert_eq!(kl["date"]["value"], "2025-07-10");
    assert_eq!(kl["status"], "held");
    assert!(has_person(kl, "Lavrov"));
    let kl_sources = sources(kl);
    assert!(kl_sources.contains(&"000_da3071988aafe7b3.txt") && kl_sources.contains(&"001_25fc6c82eb263419.txt"), "{kl_sources:?}");

    // The June talks, dated by "the June 2 talks".
    let june: Vec<_> = events_on(&t, "2025-06-02").into_iter().filter(|e| e["kind"] == "talks").collect();
    assert_eq!(june.len(), 1, "{june:#?}");

    // In that order.
    let pos = |e: &Value| events.iter().position(|x| x == e).unwrap();
    assert!(pos(riyadh) < pos(istanbul[0]) && pos(istanbul[0]) < pos(june[0]) && pos(june[0]) < pos(kl));

    // The recall "last met in February in Saudi Arabia" is a source of the February meeting, not a new event.
    assert!(sources(riyadh).contains(&"001_25fc6c82eb263419.txt"), "{:?}", sources(riyadh));
}

#[test]
fn seeds_show_the_invasion_year_conflict() {
    let Some(t) = timeline() else { return };
    let findings = t["findings"].as_array().unwrap();
    let conflict = findings
        .iter()
        .find(|f| f["kind"] == "date_conflict" && f["message"].as_str().unwrap_or("").contains("2024"))
        .unwrap_or_else(|| panic!("no 2022-vs-2024 date conflict among {findings:#?}"));
    let docs: Vec<&str> = conflict["documents"].as_array().unwrap().iter().filter_map(Value::as_str).collect();
    assert!(docs.contains(&"000_da3071988aafe7b3.txt"), "{docs:?}");
    assert!(conflict["message"].as_str().unwrap().contains("2022"));
}

#[test]
fn seeds_cancelled_trip_and_planned_visit() {
    let Some(t) = timeline() else { return };
    let events = t["events"].as_array().unwrap();
    let trip = events
        .iter()
        .find(|e| has_person(e, "Zelenskyy") || has_person(e, "Zelensky"))
        .filter(|_| true);
    assert!(trip.is_some());
    let cancelled: Vec<_> = events.iter().filter(|e| e["status"] == "cancelled").collect();
    assert!(
        cancelled.iter().any(|e| e["date"]["value"] == "2025-02-18" && place_text(e).contains("Saudi Arabia")),
        "the cancelled trip to Saudi Arabia on 18 Feb: {cancelled:#?}"
    );
    let north_korea: Vec<_> = events.iter().filter(|e| place_text(e).contains("North Korea") && has_person(e, "Lavrov")).collect();
    assert_eq!(north_korea.len(), 1, "{north_korea:#?}");
    assert_eq!(north_korea[0]["status"], "planned");
    assert_eq!(north_korea[0]["kind"], "visit");
}

#[test]
fn seed_boilerplate_is_not_an_event() {
    let Some(t) = timeline() else { return };
    for e in t["events"].as_array().unwrap() {
        for s in e["sources"].as_array().unwrap() {
            let q = s["quote"].as_str().unwrap();
            for noise in ["cookies", "Related posts", "Leave a Reply", "Advertisement", "Exit mobile version"] {
                assert!(!q.contains(noise), "boilerplate quoted as a source: {q}");
            }
        }
    }
}
