//! JSON Lines export: one event per line, each a complete `Event` object of the
//! contract, for `jq`, `grep` and line-oriented pipelines. The documents and
//! findings stay in `timeline.json`.

use crate::timeline::Timeline;

pub fn to_jsonl(timeline: &Timeline) -> String {
    let mut out = String::new();
    for e in &timeline.events {
        // serde_json escapes newlines inside strings, so each event is one line.
        if let Ok(line) = serde_json::to_string(e) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}
