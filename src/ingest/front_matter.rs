//! Front matter at the very top of a `.txt` / `.md` file:
//!
//! ```text
//! ---
//! title: Envoys meet in Geneva
//! published: 2025-03-04
//! source: Example News
//! ---
//! ```
//!
//! Only flat `key: value` lines; values may be quoted. Known keys are title,
//! published, source, url, author; other keys (and indented or `- ` lines under
//! them, as YAML lists) are ignored so files written for static site generators
//! load. A known key given twice, a line that is not `key: value`, or a missing
//! closing `---` is an error with the line number: silently reading such a file
//! as body text would put the metadata into the article.

use super::{FileMeta, IngestError, parse_published};

/// Split front matter from the body. Without a leading `---` line the whole text
/// is the body.
pub(crate) fn split<'a>(path: &str, text: &'a str) -> Result<(FileMeta, &'a str), IngestError> {
    let mut lines = LineIter { text, pos: 0 };
    match lines.next() {
        Some((_, first)) if first.trim_end() == "---" => {}
        _ => return Ok((FileMeta::default(), text)),
    }
    let err = |line: usize, message: String| IngestError::FrontMatter { path: path.to_string(), line, message };
    let mut meta = FileMeta::default();
    let mut seen: Vec<&str> = Vec::new();
    let mut in_unknown = false;
    let mut number = 1;
    for (end, line) in lines {
        number += 1;
        let trimmed = line.trim();
        if line.trim_end() == "---" || line.trim_end() == "..." {
            return Ok((meta, text.get(end..).unwrap_or("")));
        }
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if line.starts_with([' ', '\t']) || trimmed.starts_with("- ") || trimmed == "-" {
            if in_unknown {
                continue;
            }
            return Err(err(number, format!("unexpected indented line {trimmed:?}")));
        }
        let Some((key, value)) = line.split_once(':') else {
            return Err(err(number, format!("expected `key: value`, found {trimmed:?} (is the closing `---` missing?)")));
        };
        let key = key.trim();
        if key.is_empty() || key.contains(char::is_whitespace) {
            return Err(err(number, format!("expected `key: value`, found {trimmed:?}")));
        }
        let value = unquote(value.trim());
        let key_lower = key.to_ascii_lowercase();
        let slot = match key_lower.as_str() {
            "title" => &mut meta.title,
            "source" => &mut meta.source,
            "url" => &mut meta.url,
            "author" => &mut meta.author,
            "published" => {
                if !value.is_empty() {
                    let date = parse_published(value).ok_or_else(|| IngestError::BadDate {
                        path: path.to_string(),
                        line: Some(number),
                        value: value.to_string(),
                    })?;
                    meta.published = Some(date);
                }
                in_unknown = false;
                check_repeat(&mut seen, "published").map_err(|m| err(number, m))?;
                continue;
            }
            _ => {
                in_unknown = true;
                continue;
            }
        };
        in_unknown = false;
        if !value.is_empty() {
            *slot = Some(value.to_string());
        }
        let known = ["title", "source", "url", "author"].into_iter().find(|k| *k == key_lower).unwrap_or("title");
        check_repeat(&mut seen, known).map_err(|m| err(number, m))?;
    }
    Err(err(1, "front matter opened with `---` is never closed by a `---` line".to_string()))
}

fn check_repeat<'k>(seen: &mut Vec<&'k str>, key: &'k str) -> Result<(), String> {
    if seen.contains(&key) {
        return Err(format!("key `{key}` given twice"));
    }
    seen.push(key);
    Ok(())
}

fn unquote(v: &str) -> &str {
    for q in ['"', '\''] {
        if let Some(inner) = v.strip_prefix(q).and_then(|s| s.strip_suffix(q)) {
            return inner.trim();
        }
    }
    v
}

/// Lines with the byte offset just past each line's end (after its `\n`).
struct LineIter<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Iterator for LineIter<'a> {
    type Item = (usize, &'a str);
    fn next(&mut self) -> Option<(usize, &'a str)> {
        let rest = self.text.get(self.pos..)?;
        if rest.is_empty() {
            return None;
        }
        let (line, advance) = match rest.find('\n') {
            Some(i) => (rest.get(..i).unwrap_or(""), i + 1),
            None => (rest, rest.len()),
        };
        self.pos += advance;
        Some((self.pos, line.strip_suffix('\r').unwrap_or(line)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn reads_keys_and_body() {
        let (m, body) = split("a.md", "---\ntitle: \"Talks: day two\"\npublished: 2025-05-16T09:00:00+03:00\nlayout: post\ntags:\n  - x\n- y\nauthor: A. Writer\n---\nBody line.\n").unwrap();
        assert_eq!(m.title.as_deref(), Some("Talks: day two"));
        assert_eq!(m.published, NaiveDate::from_ymd_opt(2025, 5, 16));
        assert_eq!(m.author.as_deref(), Some("A. Writer"));
        assert_eq!(body, "Body line.\n");
    }

    #[test]
    fn no_front_matter_means_whole_body() {
        let text = "Title\n---\nnot front matter\n";
        let (m, body) = split("a.txt", text).unwrap();
        assert_eq!(m, FileMeta::default());
        assert_eq!(body, text);
        let (_, body) = split("a.txt", "---\r\ntitle: x\r\n---\r\nBody\r\n").unwrap();
        assert_eq!(body, "Body\r\n");
    }

    #[test]
    fn errors_carry_line_numbers() {
        let e = split("f.txt", "---\ntitle: x\nsource: y\n").unwrap_err();
        assert!(matches!(e, IngestError::FrontMatter { line: 1, .. }), "{e}");
        let e = split("f.txt", "---\ntitle: x\njust words here\n---\nbody").unwrap_err();
        assert!(matches!(e, IngestError::FrontMatter { line: 3, .. }), "{e}");
        assert!(e.to_string().starts_with("f.txt:3: malformed front matter"), "{e}");
        let e = split("f.txt", "---\n\npublished: last Tuesday\n---\nbody").unwrap_err();
        assert!(matches!(&e, IngestError::BadDate { line: Some(3), value, .. } if value == "last Tuesday"), "{e}");
        assert!(e.to_string().starts_with("f.txt:3: `published` is not a date"), "{e}");
        let e = split("f.txt", "---\ntitle: a\nTitle: b\n---\nbody").unwrap_err();
        assert!(matches!(e, IngestError::FrontMatter { line: 3, .. }), "{e}");
        let e = split("f.txt", "---\ntitle: a\n  indented\n---\n").unwrap_err();
        assert!(matches!(e, IngestError::FrontMatter { line: 3, .. }), "{e}");
    }

    #[test]
    fn empty_values_are_absent() {
        let (m, _) = split("a.txt", "---\ntitle:\npublished: ''\n---\nx").unwrap();
        assert_eq!(m, FileMeta::default());
    }
}
