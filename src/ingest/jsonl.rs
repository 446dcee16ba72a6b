//! JSON Lines: one article per line, as crawlers such as news-please write them.
//!
//! Field names vary between tools, so each value has a short list of accepted
//! names (`text` or `maintext`; `published`, `date_publish` or `date`; `source`,
//! `source_domain` or `sitename`). Every line is its own document (`file#N`) and
//! fails on its own: one broken line does not lose the rest of the file.

use super::{DocMeta, Document, FileMeta, IngestError, parse_published, plain};
use serde_json::{Map, Value};

pub(crate) fn load(id: &str, path: &str, text: &str, meta: &dyn Fn(&str) -> Option<DocMeta>) -> Vec<Result<Document, IngestError>> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| {
            let n = i + 1;
            let doc_id = format!("{id}#{n}");
            let err_path = path.to_string();
            let object = match serde_json::from_str::<Value>(line) {
                Ok(Value::Object(o)) => o,
                Ok(_) => return Err(IngestError::JsonLine { path: err_path, line: n, message: "not a JSON object".into() }),
                Err(e) => return Err(IngestError::JsonLine { path: err_path, line: n, message: e.to_string() }),
            };
            let body = string_field(&object, &["text", "maintext", "body", "content"]).unwrap_or_default();
            let published = match object.get("published").or_else(|| object.get("date_publish")).or_else(|| object.get("date")) {
                None | Some(Value::Null) => None,
                Some(Value::String(s)) if s.trim().is_empty() => None,
                Some(Value::String(s)) => Some(parse_published(s).ok_or_else(|| IngestError::BadDate {
                    path: err_path.clone(),
                    line: Some(n),
                    value: s.clone(),
                })?),
                Some(other) => {
                    return Err(IngestError::BadDate { path: err_path, line: Some(n), value: other.to_string() });
                }
            };
            let author = string_field(&object, &["author"]).or_else(|| match object.get("authors") {
                Some(Value::Array(a)) => {
                    let names: Vec<&str> = a.iter().filter_map(Value::as_str).map(str::trim).filter(|s| !s.is_empty()).collect();
                    (!names.is_empty()).then(|| names.join(", "))
                }
                _ => None,
            });
            let file_meta = FileMeta {
                title: string_field(&object, &["title"]),
                published,
                source: string_field(&object, &["source", "source_domain", "sitename"]),
                url: string_field(&object, &["url"]),
                author,
            };
            super::finish(&doc_id, path, Some(n), file_meta, plain::to_paragraphs(&body), meta(&doc_id))
        })
        .collect()
}

/// The first of `names` holding a non-blank string.
fn string_field(o: &Map<String, Value>, names: &[&str]) -> Option<String> {
    names.iter().find_map(|n| o.get(*n).and_then(Value::as_str).map(str::trim).filter(|s| !s.is_empty()).map(str::to_string))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn lines_load_independently() {
        let text = concat!(
            r#"{"title":"Envoys meet","maintext":"The envoys met in Vienna on Monday.\nThey will meet again.","date_publish":"2025-03-04 10:00:00","source_domain":"example.org","authors":["A. B","C. D"]}"#,
            "\n\n",
            r#"{"title": "broken", "text": "#,
            "\n",
            r#"{"title":"No body","text":"   "}"#,
            "\n",
            r#"{"text":"Fine text here.","published":"yesterday"}"#,
            "\n",
            r#"[1,2]"#,
            "\n",
            r#"{"text":"Another text.","published":null,"url":"https://example.org/x"}"#,
            "\n",
        );
        let docs = load("f.jsonl", "in/f.jsonl", text, &|_| None);
        assert_eq!(docs.len(), 6);
        let d = docs[0].as_ref().unwrap();
        assert_eq!(d.id, "f.jsonl#1");
        assert_eq!(d.published, NaiveDate::from_ymd_opt(2025, 3, 4));
        assert_eq!(d.source.as_deref(), Some("example.org"));
        assert_eq!(d.author.as_deref(), Some("A. B, C. D"));
        assert_eq!(d.text, "The envoys met in Vienna on Monday.\n\nThey will meet again.");
        assert!(matches!(&docs[1], Err(IngestError::JsonLine { line: 3, path, .. }) if path == "in/f.jsonl"));
        assert!(docs[1].as_ref().unwrap_err().to_string().starts_with("in/f.jsonl:3: bad JSON line"));
        assert!(matches!(&docs[2], Err(IngestError::NoText { line: Some(4), .. })));
        assert_eq!(docs[2].as_ref().unwrap_err().to_string(), "in/f.jsonl:4: no article text found");
        assert!(matches!(&docs[3], Err(IngestError::BadDate { line: Some(5), .. })));
        assert!(matches!(&docs[4], Err(IngestError::JsonLine { line: 6, .. })));
        let d = docs[5].as_ref().unwrap();
        assert_eq!((d.id.as_str(), d.url.as_deref(), d.published), ("f.jsonl#7", Some("https://example.org/x"), None));
    }

    #[test]
    fn config_meta_by_line_id() {
        let text = r#"{"text":"The envoys met.","published":"2025-01-01"}"#;
        let meta = |id: &str| (id == "f.jsonl#1").then(|| DocMeta { published: Some("2025-02-02".into()), ..Default::default() });
        let docs = load("f.jsonl", "f.jsonl", text, &meta);
        assert_eq!(docs[0].as_ref().unwrap().published, NaiveDate::from_ymd_opt(2025, 2, 2));
    }
}
