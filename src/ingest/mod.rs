//! Ingest stage: files in, cleaned documents out.
//!
//! Reads plain text and Markdown (with optional front matter), HTML pages (main
//! text only, metadata from meta tags and JSON-LD) and JSON Lines (one article a
//! line). Boilerplate (cookie banners, related-post lists, share bars, repeated
//! headlines, author bios) is cut from the text before any later stage sees it.
//! A file that cannot be read gives an [`IngestError`] naming the file (and line);
//! the caller reports it and goes on with the rest.

use chrono::NaiveDate;
use serde::Deserialize;
use std::path::PathBuf;

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
    #[error("{path}: no article text found")]
    NoText { path: String },
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

/// List the files under `inputs`: directories recursively in sorted order, only
/// files with a known extension (`.txt`, `.md`, `.html`, `.htm`, `.jsonl`).
pub fn discover(inputs: &[Input]) -> (Vec<SourceFile>, Vec<IngestError>) {
    let _ = inputs;
    (Vec::new(), Vec::new())
}

/// Read one file into its documents (several for JSONL), each or its error.
/// `meta` looks up config metadata by document id.
pub fn load(file: &SourceFile, meta: &dyn Fn(&str) -> Option<DocMeta>) -> Vec<Result<Document, IngestError>> {
    let _ = (file, meta);
    Vec::new()
}
