//! Ingest stage: files in, cleaned documents out.
//!
//! Reads plain text and Markdown (with optional front matter), HTML pages (main
//! text only, metadata from meta tags and JSON-LD) and JSON Lines (one article a
//! line). Boilerplate (cookie banners, related-post lists, share bars, repeated
//! headlines, author bios) is cut from the text before any later stage sees it.
//! A file that cannot be read gives an [`IngestError`] naming the file (and line);
//! the caller reports it and goes on with the rest.
//!
//! Why the pieces are split the way they are:
//! - [`discover`](discover()) only lists files, so the caller can load them in parallel and
//!   still get a deterministic order (ids sort the same on every machine).
//! - Every format is turned into a list of paragraphs first and then goes through
//!   the one shared [`boilerplate`] filter, so a cookie banner is removed the same
//!   way whether it came from a scraped `.txt`, a `.jsonl` dump or an HTML page.
//!   The phrases it looks for live in `data/boilerplate.txt`, not in code.
//! - The cleaned text is the paragraphs joined by a blank line (`"\n\n"`); every
//!   later stage's byte offsets point into that string.
//! - Metadata precedence: the config's `[documents."id"]` table wins over what the
//!   file says (front matter, meta tags, JSON fields), because it exists for files
//!   the user cannot edit. Config values are validated like file values.
//! - Dates (`published`) are accepted as `YYYY-MM-DD`, RFC 3339, or an ISO date
//!   followed by a time (`2025-02-19T10:30`, `2025-02-19 10:30:00.000`); the
//!   document's date is the calendar date as written, not converted to UTC.
//! - Unknown front-matter keys are ignored (files written for Jekyll or Hugo carry
//!   `layout:`, `tags:` and the like); known keys are checked.

pub mod boilerplate;
mod discover;
mod front_matter;
mod html;
mod jsonl;
mod markdown;
mod plain;

use chrono::NaiveDate;
use serde::Deserialize;
use std::path::PathBuf;

pub use discover::discover;

/// One article, cleaned. `text` is what every later stage reads; spans are byte
/// offsets into it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// Path relative to the input it was found under, `#N` appended for line N of a JSONL file.
    pub id: String,
    /// The file it came from, as given or found (`-` for standard input).
    pub path: String,
    pub title: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    pub published: Option<NaiveDate>,
    pub text: String,
}

/// Metadata a user supplies for a document in the config (`[documents."path"]`).
/// Values given here win over what the file says.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocMeta {
    pub title: Option<String>,
    pub published: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
}

/// Why a document (or one line of a JSONL file) was skipped.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("{path}: cannot read: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("{path}: binary file, not text")]
    Binary { path: String },
    #[error("{path}: not valid UTF-8 (first bad byte at offset {offset})")]
    InvalidUtf8 { path: String, offset: usize },
    #[error("{path}: empty file")]
    Empty { path: String },
    #[error("{path}:{line}: malformed front matter: {message}")]
    FrontMatter { path: String, line: usize, message: String },
    #[error("{path}{}: `published` is not a date: {value:?} (use YYYY-MM-DD or RFC 3339)", line.map(|l| format!(":{l}")).unwrap_or_default())]
    BadDate { path: String, line: Option<usize>, value: String },
    #[error("{path}:{line}: bad JSON line: {message}")]
    JsonLine { path: String, line: usize, message: String },
    /// `line` is set for one line of a JSONL file.
    #[error("{path}{}: no article text found", line.map(|l| format!(":{l}")).unwrap_or_default())]
    NoText { path: String, line: Option<usize> },
}

/// Where documents come from: a file or directory path, or standard input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    Path(PathBuf),
    Stdin,
}

/// A file found under an input, with the document id prefix it gets.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct SourceFile {
    /// Path relative to the input (the file name for a file given directly; `-` for stdin).
    pub id: String,
    /// Where to read it; `None` for standard input.
    pub path: Option<PathBuf>,
}

/// How a file's content is parsed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
    JsonLines,
}

impl Format {
    /// The format for a file name's extension; `None` for an extension discovery skips.
    pub fn from_name(name: &str) -> Option<Format> {
        let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase())?;
        match ext.as_str() {
            "txt" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "jsonl" => Some(Format::JsonLines),
            _ => None,
        }
    }

    /// Guess from content (standard input): `<` is HTML, `{` JSON Lines, else text.
    pub fn sniff(text: &str) -> Format {
        match text.trim_start().chars().next() {
            Some('<') => Format::Html,
            Some('{') => Format::JsonLines,
            _ => Format::Text,
        }
    }
}

/// Metadata a file itself gives, before the config's values are laid over it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct FileMeta {
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
}

/// Read one file into its documents (several for JSONL), each or its error.
/// `meta` looks up config metadata by document id.
pub fn load(file: &SourceFile, meta: &dyn Fn(&str) -> Option<DocMeta>) -> Vec<Result<Document, IngestError>> {
    let display = match &file.path {
        Some(p) => p.display().to_string(),
        None => "-".to_string(),
    };
    let bytes = match read_bytes(file) {
        Ok(b) => b,
        Err(source) => return vec![Err(IngestError::Io { path: display, source })],
    };
    let format = match &file.path {
        Some(p) => Format::from_name(&p.to_string_lossy()).unwrap_or(Format::Text),
        None => Format::sniff(&String::from_utf8_lossy(bytes.get(..1024).unwrap_or(&bytes))),
    };
    load_bytes(&file.id, &display, &bytes, format, meta)
}

fn read_bytes(file: &SourceFile) -> std::io::Result<Vec<u8>> {
    match &file.path {
        Some(p) => std::fs::read(p),
        None => {
            let mut buf = Vec::new();
            std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut buf)?;
            Ok(buf)
        }
    }
}

/// Parse `bytes` as `format`: the part of [`load`] after reading, usable on
/// in-memory content. `id` is the document id, `path` what errors name.
pub fn load_bytes(
    id: &str,
    path: &str,
    bytes: &[u8],
    format: Format,
    meta: &dyn Fn(&str) -> Option<DocMeta>,
) -> Vec<Result<Document, IngestError>> {
    let text = match decode(path, bytes) {
        Ok(t) => t,
        Err(e) => return vec![Err(e)],
    };
    let text: &str = &text;
    if format == Format::JsonLines {
        return jsonl::load(id, path, text, meta);
    }
    let parsed = match format {
        Format::Html => Ok(html::extract(text)),
        Format::Markdown => front_matter::split(path, text).map(|(fm, body)| (fm, markdown::to_paragraphs(body))),
        _ => front_matter::split(path, text).map(|(fm, body)| (fm, plain::to_paragraphs(body))),
    };
    let result = parsed.and_then(|(file_meta, paragraphs)| finish(id, path, None, file_meta, paragraphs, meta(id)));
    vec![result]
}

/// Check that `bytes` are text: no NUL bytes, valid UTF-8, not blank. Drops a
/// BOM. Text saved as UTF-16 (with its byte-order mark, as some Windows editors
/// write it) is decoded rather than rejected as binary.
fn decode<'a>(path: &str, bytes: &'a [u8]) -> Result<std::borrow::Cow<'a, str>, IngestError> {
    let text: std::borrow::Cow<'a, str> = if let Some(units) = utf16_units(bytes) {
        let decoded = char::decode_utf16(units).collect::<Result<String, _>>();
        match decoded {
            Ok(s) if !s.contains('\0') => std::borrow::Cow::Owned(s),
            _ => return Err(IngestError::Binary { path: path.to_string() }),
        }
    } else {
        if bytes.contains(&0) {
            return Err(IngestError::Binary { path: path.to_string() });
        }
        let text = std::str::from_utf8(bytes)
            .map_err(|e| IngestError::InvalidUtf8 { path: path.to_string(), offset: e.valid_up_to() })?;
        std::borrow::Cow::Borrowed(text.strip_prefix('\u{feff}').unwrap_or(text))
    };
    if text.trim().is_empty() {
        return Err(IngestError::Empty { path: path.to_string() });
    }
    Ok(text)
}

/// The code units of UTF-16 text with a byte-order mark (BOM dropped).
fn utf16_units(bytes: &[u8]) -> Option<Vec<u16>> {
    let (le, rest) = match bytes {
        [0xff, 0xfe, rest @ ..] => (true, rest),
        [0xfe, 0xff, rest @ ..] => (false, rest),
        _ => return None,
    };
    if rest.len() % 2 != 0 {
        return None;
    }
    Some(
        rest.chunks_exact(2)
            .filter_map(|c| <[u8; 2]>::try_from(c).ok())
            .map(|b| if le { u16::from_le_bytes(b) } else { u16::from_be_bytes(b) })
            .collect(),
    )
}

/// Common last step for every format: boilerplate removal, title fallback,
/// config metadata laid over the file's, the empty-text check.
pub(crate) fn finish(
    id: &str,
    path: &str,
    line: Option<usize>,
    file_meta: FileMeta,
    paragraphs: Vec<String>,
    config: Option<DocMeta>,
) -> Result<Document, IngestError> {
    let paragraphs = boilerplate::clean(paragraphs);
    if paragraphs.is_empty() {
        return Err(IngestError::NoText { path: path.to_string(), line });
    }
    let config = config.unwrap_or_default();
    let published = match config.published.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(value) => Some(
            parse_published(value)
                .ok_or_else(|| IngestError::BadDate { path: path.to_string(), line: None, value: value.to_string() })?,
        ),
        None => file_meta.published,
    };
    let title = nonempty(config.title)
        .or(file_meta.title)
        .or_else(|| paragraphs.first().filter(|p| looks_like_headline(p)).cloned());
    Ok(Document {
        id: id.to_string(),
        path: path.to_string(),
        title,
        source: nonempty(config.source).or(file_meta.source),
        url: nonempty(config.url).or(file_meta.url),
        author: nonempty(config.author).or(file_meta.author),
        published,
        text: paragraphs.join("\n\n"),
    })
}

fn nonempty(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

/// A short line without a final stop reads as a headline.
pub(crate) fn looks_like_headline(line: &str) -> bool {
    let words = line.split_whitespace().count();
    let last = line.trim_end().chars().last().unwrap_or('.');
    (2..=25).contains(&words) && line.len() <= 200 && !matches!(last, '.' | ',' | ';' | ':' | '!' | '…')
}

/// Parse a publication date: `YYYY-MM-DD`, RFC 3339, or an ISO date followed by
/// `T` or a space and a time (with optional fraction and zone). The date is the
/// calendar date as written.
pub fn parse_published(value: &str) -> Option<NaiveDate> {
    let value = value.trim();
    if let Ok(dt) = chrono::DateTime::parse_from_rfc3339(value) {
        return Some(dt.date_naive());
    }
    let date_part = value.get(..10)?;
    let date = NaiveDate::parse_from_str(date_part, "%Y-%m-%d").ok()?;
    let rest = value.get(10..)?;
    if rest.is_empty() {
        return Some(date);
    }
    let time = rest.strip_prefix('T').or_else(|| rest.strip_prefix(' '))?;
    valid_time_suffix(time).then_some(date)
}

/// `HH:MM[:SS[.fff]]` then an optional zone (`Z`, `+01:00`, `+0100`, ` UTC`).
fn valid_time_suffix(s: &str) -> bool {
    static TIME: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:[.,]\d{1,9})?)?\s*(?:Z|z|UTC|GMT|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?$")
            .expect("static regex")
    });
    TIME.is_match(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_formats() {
        let d = NaiveDate::from_ymd_opt(2025, 2, 19);
        for ok in ["2025-02-19", "2025-02-19T10:00:00Z", "2025-02-19T23:30:00-05:00", "2025-02-19 03:01:00.000000", "2025-02-19T06:00", "2025-02-19T10:52:50+0100", " 2025-02-19 "] {
            assert_eq!(parse_published(ok), d, "{ok}");
        }
        for bad in ["2025-02-30", "19/02/2025", "tomorrow", "2025-02-19x", "2025-02-19T25:00", "", "2025-2-19", "２０２５-02-19"] {
            assert_eq!(parse_published(bad), None, "{bad}");
        }
    }

    #[test]
    fn format_by_name_and_sniffing() {
        assert_eq!(Format::from_name("a/B.HTM"), Some(Format::Html));
        assert_eq!(Format::from_name("x.markdown"), Some(Format::Markdown));
        assert_eq!(Format::from_name("x.csv"), None);
        assert_eq!(Format::from_name("noext"), None);
        assert_eq!(Format::sniff("  <!doctype html>"), Format::Html);
        assert_eq!(Format::sniff("\n{\"text\":1}"), Format::JsonLines);
        assert_eq!(Format::sniff("Plain words"), Format::Text);
    }

    #[test]
    fn bad_bytes_are_named_errors() {
        let none = |_: &str| None;
        let e = load_bytes("a.txt", "dir/a.txt", b"ab\0cd", Format::Text, &none);
        assert!(matches!(&e[..], [Err(IngestError::Binary { path })] if path == "dir/a.txt"));
        let e = load_bytes("a.txt", "a.txt", b"caf\xc3\xa9 \xff!", Format::Text, &none);
        assert!(matches!(&e[..], [Err(IngestError::InvalidUtf8 { offset: 6, .. })]), "{e:?}");
        let e = load_bytes("a.txt", "a.txt", b" \n\t\n", Format::Markdown, &none);
        assert!(matches!(&e[..], [Err(IngestError::Empty { .. })]));
        let utf16: Vec<u8> = [0xff, 0xfe].into_iter().chain("Talks in Z\u{fc}rich.".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let d = load_bytes("a.txt", "a.txt", &utf16, Format::Text, &none);
        assert_eq!(d[0].as_ref().map(|d| d.text.as_str()).ok(), Some("Talks in Z\u{fc}rich."));
        let e = load_bytes("a.txt", "a.txt", &[0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00], Format::Text, &none);
        assert!(matches!(&e[..], [Err(IngestError::Binary { .. })]), "lone surrogate: {e:?}");
        let e = load_bytes("a.html", "a.html", b"<html><body><nav>Home</nav></body></html>", Format::Html, &none);
        assert!(matches!(&e[..], [Err(IngestError::NoText { line: None, .. })]), "{e:?}");
    }

    #[test]
    fn config_metadata_wins_and_is_validated() {
        let src = b"---\ntitle: From file\npublished: 2025-01-02\nsource: File Times\n---\nThe envoys met in Geneva on Monday.\n";
        let meta = |id: &str| {
            (id == "a.txt").then(|| DocMeta { published: Some("2025-03-04".into()), title: Some("From config".into()), ..Default::default() })
        };
        let docs = load_bytes("a.txt", "in/a.txt", src, Format::Text, &meta);
        let doc = docs[0].as_ref().unwrap();
        assert_eq!(doc.published, NaiveDate::from_ymd_opt(2025, 3, 4));
        assert_eq!(doc.title.as_deref(), Some("From config"));
        assert_eq!(doc.source.as_deref(), Some("File Times"));
        let bad = |_: &str| Some(DocMeta { published: Some("March 4".into()), ..Default::default() });
        let docs = load_bytes("a.txt", "in/a.txt", src, Format::Text, &bad);
        let err = docs[0].as_ref().unwrap_err();
        assert!(matches!(err, IngestError::BadDate { line: None, .. }));
        assert!(err.to_string().starts_with("in/a.txt: `published` is not a date: \"March 4\""), "{err}");
    }

    #[test]
    fn title_from_first_line_kept_once() {
        let src = b"Envoys Agree to Meet Again in Geneva\n\nThe envoys met on Monday.\n\nEnvoys Agree to Meet Again in Geneva\n";
        let docs = load_bytes("a.txt", "a.txt", src, Format::Text, &|_| None);
        let doc = docs[0].as_ref().unwrap();
        assert_eq!(doc.title.as_deref(), Some("Envoys Agree to Meet Again in Geneva"));
        assert_eq!(doc.text, "Envoys Agree to Meet Again in Geneva\n\nThe envoys met on Monday.");
    }
}
