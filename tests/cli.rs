//! The command line, end to end, on inputs written into a temp dir per test.

mod common;

use common::read_tree;
use serde_json::Value;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn summitry(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_summitry")).current_dir(dir).args(args).output().expect("summitry runs")
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(&p, bytes).unwrap();
    p
}

const GOOD: &str = "---\ntitle: Ministers meet\npublished: 2024-11-14\n---\nThe foreign ministers of Japan and Korea met in Tokyo on Wednesday for three hours.\n";

#[test]
fn bad_inputs_are_reported_by_name_and_the_rest_is_processed() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    write(d, "in/good.txt", GOOD.as_bytes());
    write(d, "in/binary.txt", b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00");
    write(d, "in/latin1.txt", b"Caf\xe9 talks in Z\xfcrich\n");
    write(d, "in/empty.md", b"");
    write(d, "in/unterminated.md", b"---\ntitle: No end\npublished: 2024-01-01\nBody text.\n");
    write(d, "in/baddate.txt", b"---\npublished: last Tuesday\n---\nText of the article.\n");
    write(d, "in/lines.jsonl", b"{\"text\": \"Talks were held in Doha on Monday.\", \"published\": \"2025-01-15\"}\n{not json\n{\"text\": \"A call took place.\", \"published\": \"2025-01-16\"}\n");
    let out = summitry(d, &["extract", "in"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "exit code 2 when something was skipped; stderr: {stderr}");
    for needle in ["binary.txt", "latin1.txt", "empty.md", "unterminated.md", "baddate.txt", "lines.jsonl:2"] {
        assert!(stderr.contains(needle), "stderr should name {needle}: {stderr}");
    }
    let t: Value = serde_json::from_slice(&out.stdout).expect("the timeline is still printed");
    let ids: Vec<&str> = t["documents"].as_array().unwrap().iter().filter_map(|d| d["id"].as_str()).collect();
    assert_eq!(ids, vec!["good.txt", "lines.jsonl#1", "lines.jsonl#3"]);
    assert!(stderr.contains("6 skipped"), "{stderr}");
}

#[test]
fn clean_run_exits_zero_and_reads_stdin() {
    let tmp = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_summitry"))
        .current_dir(tmp.path())
        .args(["extract", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(GOOD.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let t: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(t["schema_version"], 1);
    assert_eq!(t["documents"][0]["published"], "2024-11-14");
}

#[test]
fn missing_input_is_an_error_not_a_panic() {
    let tmp = tempfile::tempdir().unwrap();
    let out = summitry(tmp.path(), &["extract", "no-such-dir"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such-dir"));
}


#[test]
fn builds_are_byte_identical_whatever_the_input_order() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    write(d, "a/one.txt", GOOD.as_bytes());
    write(d, "b/two.txt", b"---\npublished: 2024-11-20\n---\nThe Japanese and Korean foreign ministers, who met in Tokyo last week, spoke by phone on Tuesday.\n");
    write(d, "b/three.jsonl", b"{\"text\": \"Leaders will meet in Seoul next Friday.\", \"published\": \"2024-11-21\"}\n");
    let first = summitry(d, &["build", "a", "b", "-o", "out1"]);
    assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
    let again = summitry(d, &["build", "a", "b", "-o", "out2"]);
    let reversed = summitry(d, &["build", "b", "a", "-o", "out3"]);
    assert!(again.status.success() && reversed.status.success());
    let one = read_tree(&d.join("out1"));
    assert!(one.iter().any(|(p, _)| p == "timeline.json"), "{:?}", one.iter().map(|(p, _)| p).collect::<Vec<_>>());
    assert!(one.iter().any(|(p, _)| p == "index.html"));
    assert!(one == read_tree(&d.join("out2")), "two builds differ");
    assert!(one == read_tree(&d.join("out3")), "input order changes the output");
}

#[test]
fn config_metadata_applies_to_files_given_on_the_command_line() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    write(d, "art/plain.txt", b"The envoys met in Muscat on Saturday.\n");
    write(d, "meta.toml", b"[documents.\"plain.txt\"]\npublished = \"2025-04-14\"\nsource = \"Example Wire\"\n");
    let out = summitry(d, &["extract", "art", "--config", "meta.toml"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let t: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(t["documents"][0]["published"], "2025-04-14");
    assert_eq!(t["documents"][0]["source"], "Example Wire");
}

#[test]
fn a_config_entry_naming_no_file_is_a_warning() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    write(d, "art/plain.txt", b"The envoys met in Muscat on Saturday.\n");
    // A typo in the key: the metadata would otherwise be dropped without a word.
    write(d, "meta.toml", b"[documents.\"plian.txt\"]\npublished = \"2025-04-14\"\n");
    let out = summitry(d, &["extract", "art", "--config", "meta.toml"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("warning: config: [documents.\"plian.txt\"] names no input file"), "{stderr}");
}

#[test]
fn build_says_how_many_events_the_calendar_exports_leave_out() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    write(d, "art/a.md", b"---\npublished: 2025-04-14\n---\nThe envoys met in Muscat on Saturday. The two ministers held talks in Rome at some point in May.\n");
    let out = summitry(d, &["build", "art", "--output", "site"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("ics: 1 event(s) without a day-precision date left out"), "{stderr}");
}

#[test]
fn an_undated_document_keeps_its_dates_unresolved() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    // No front matter, no config entry: nothing tells the publication date.
    write(d, "in/undated.txt", b"The prime ministers of Spain and Portugal met in Madrid on Tuesday to discuss water rights.\n");
    let out = summitry(d, &["extract", "in"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let t: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(t["documents"][0]["published"], Value::Null);
    let events = t["events"].as_array().unwrap();
    assert_eq!(events.len(), 1, "{events:#?}");
    assert_eq!(events[0]["date"], Value::Null, "no day may be invented: {:#?}", events[0]);
    assert_eq!(events[0]["place"]["city"], "Madrid");
    let kinds: Vec<&str> = t["findings"].as_array().unwrap().iter().filter_map(|f| f["kind"].as_str()).collect();
    assert!(kinds.contains(&"missing_published") && kinds.contains(&"unresolved_date"), "{kinds:?}");
}

#[test]
fn a_site_built_inside_the_input_is_not_read_back() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    write(d, "in/one.txt", GOOD.as_bytes());
    let first = summitry(d, &["build", "in", "-o", "in/site"]);
    assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
    let second = summitry(d, &["build", "in", "-o", "in/site"]);
    let stderr = String::from_utf8_lossy(&second.stderr);
    assert!(second.status.success(), "{stderr}");
    assert!(stderr.contains("1 documents"), "the built site was read as articles: {stderr}");
}
