//! The project config, `summitry.toml`. Every key is optional.
//!
//! ```toml
//! title = "Ukraine diplomacy 2025"
//! input = ["articles"]        # paths relative to this file
//! output = "output"
//!
//! [documents."seed.txt"]       # metadata for files you cannot edit
//! published = "2025-07-11"
//! source = "Example News"
//! ```

use crate::ingest::DocMeta;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub title: Option<String>,
    #[serde(default)]
    pub input: Vec<PathBuf>,
    pub output: Option<PathBuf>,
    /// Metadata by document id (path relative to its input).
    #[serde(default)]
    pub documents: BTreeMap<String, DocMeta>,
    /// Directory the config was read from: relative paths resolve against it.
    #[serde(skip)]
    pub base: PathBuf,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: cannot read config")]
    Io { path: String, source: std::io::Error },
    #[error("{path}: invalid config: {message}")]
    Parse { path: String, message: String },
}

impl Config {
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path)
            .map_err(|source| ConfigError::Io { path: path.display().to_string(), source })?;
        let mut config: Config = toml::from_str(&text)
            .map_err(|e| ConfigError::Parse { path: path.display().to_string(), message: e.to_string() })?;
        config.base = path.parent().map(Path::to_path_buf).unwrap_or_default();
        Ok(config)
    }

    /// Input paths resolved against the config's directory.
    pub fn inputs(&self) -> Vec<PathBuf> {
        self.input.iter().map(|p| self.base.join(p)).collect()
    }

    pub fn output_dir(&self) -> PathBuf {
        self.base.join(self.output.clone().unwrap_or_else(|| PathBuf::from("output")))
    }

    /// Metadata for a document id. A JSONL line (`file.jsonl#3`) also takes the file's entry.
    pub fn meta_for(&self, id: &str) -> Option<DocMeta> {
        self.documents
            .get(id)
            .or_else(|| id.split_once('#').and_then(|(file, _)| self.documents.get(file)))
            .cloned()
    }

    /// Keys of `[documents."…"]` entries that name none of `file_ids` (ids of the files
    /// found in the inputs). A typo in a key would otherwise drop its metadata silently.
    pub fn unused_entries<'a>(&'a self, file_ids: &[&str]) -> Vec<&'a str> {
        self.documents.keys().map(String::as_str).filter(|k| !file_ids.contains(k)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_optional() {
        let c: Config = toml::from_str("").unwrap();
        assert!(c.input.is_empty() && c.documents.is_empty() && c.title.is_none());
        let c: Config = toml::from_str("[documents.\"a.txt\"]\npublished = \"2025-02-19\"\n").unwrap();
        assert_eq!(c.meta_for("a.txt").unwrap().published.as_deref(), Some("2025-02-19"));
        assert!(c.meta_for("b.txt").is_none());
    }

    #[test]
    fn entries_naming_no_file_are_reported() {
        let c: Config =
            toml::from_str("[documents.\"a.txt\"]\npublished = \"2025-02-19\"\n[documents.\"b.txt\"]\n").unwrap();
        assert_eq!(c.unused_entries(&["a.txt", "feed.jsonl"]), vec!["b.txt"]);
        assert!(c.unused_entries(&["a.txt", "b.txt"]).is_empty());
    }

    #[test]
    fn unknown_keys_are_errors() {
        assert!(toml::from_str::<Config>("inptu = []").is_err());
    }
}
