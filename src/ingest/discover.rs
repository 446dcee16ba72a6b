//! Finding the files under the inputs.
//!
//! Directory walks skip hidden entries (names starting with `.`: editor swap
//! files, `.git`), a folder's own documentation (`README`, `LICENSE`,
//! `CHANGELOG`, `CONTRIBUTING`, whatever their extension: a corpus folder often
//! describes itself in a README.md, which is not an article) and files with an
//! extension no parser knows, and folders holding a site summitry built (they
//! carry a `.summitry-manifest`); a file named
//! directly is always read (as text when its extension is unknown), since the
//! user asked for it. Ids are relative paths with `/` separators on every
//! platform, and the list is sorted by id so runs are reproducible.

use super::{Format, IngestError, Input, SourceFile};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// List the files under `inputs`: directories recursively in sorted order, only
/// files with a known extension (`.txt`, `.md`, `.markdown`, `.html`, `.htm`,
/// `.jsonl`). A path that does not exist is an [`IngestError::Io`].
pub fn discover(inputs: &[Input]) -> (Vec<SourceFile>, Vec<IngestError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for input in inputs {
        match input {
            Input::Stdin => files.push(SourceFile { id: "-".to_string(), path: None }),
            Input::Path(path) => match std::fs::metadata(path) {
                Err(source) => errors.push(IngestError::Io { path: path.display().to_string(), source }),
                Ok(m) if m.is_dir() => {
                    let mut found = Vec::new();
                    let mut visited = HashSet::new();
                    walk(path, "", &mut found, &mut errors, &mut visited);
                    found.sort();
                    files.extend(found);
                }
                Ok(_) => {
                    let id = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string());
                    files.push(SourceFile { id, path: Some(path.clone()) });
                }
            },
        }
    }
    (files, errors)
}

/// Collect files under `dir`; `prefix` is `dir`'s id relative to the input (empty or ending in `/`).
/// `visited` holds the real paths of folders already walked, so a symlink loop ends.
fn walk(dir: &Path, prefix: &str, found: &mut Vec<SourceFile>, errors: &mut Vec<IngestError>, visited: &mut HashSet<PathBuf>) {
    if let Ok(real) = std::fs::canonicalize(dir)
        && !visited.insert(real) {
            return;
        }
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(source) => {
            errors.push(IngestError::Io { path: dir.display().to_string(), source });
            return;
        }
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    // A site summitry built (it leaves a manifest) is output, not articles: building
    // into a folder under the input must not read the last build back in.
    if entries.iter().any(|e| e.file_name() == SITE_MANIFEST) {
        return;
    }
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || is_folder_documentation(&name) {
            continue;
        }
        let path = entry.path();
        // Follow symlinks: a linked folder of articles is a normal setup.
        let Ok(meta) = std::fs::metadata(&path) else {
            continue;
        };
        let id = format!("{prefix}{name}");
        if meta.is_dir() {
            walk(&path, &format!("{id}/"), found, errors, visited);
        } else if Format::from_name(&name).is_some() {
            found.push(SourceFile { id, path: Some(path) });
        }
    }
}

/// The file `render::write_site` leaves in every site it builds.
const SITE_MANIFEST: &str = ".summitry-manifest";

/// `README.md`, `LICENSE.txt`, `changelog.md`: files that describe the folder.
fn is_folder_documentation(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name).to_ascii_uppercase();
    matches!(stem.as_str(), "README" | "LICENSE" | "LICENCE" | "CHANGELOG" | "CONTRIBUTING" | "COPYING")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn walks_sorted_skips_hidden_and_unknown() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("b/deep")).unwrap();
        fs::create_dir_all(root.join(".git")).unwrap();
        for f in ["z.txt", "a.md", "b/deep/c.html", "b/x.jsonl", "notes.csv", ".hidden.txt", ".git/config.txt", "b/page.HTM", "README.md", "b/LICENSE.txt"] {
            fs::write(root.join(f), "x").unwrap();
        }
        fs::write(root.join("loose.csv"), "x").unwrap();
        let inputs = vec![
            Input::Path(root.to_path_buf()),
            Input::Path(root.join("loose.csv")),
            Input::Path(root.join("missing.txt")),
            Input::Stdin,
        ];
        let (files, errors) = discover(&inputs);
        let ids: Vec<&str> = files.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(ids, ["a.md", "b/deep/c.html", "b/page.HTM", "b/x.jsonl", "z.txt", "loose.csv", "-"]);
        assert_eq!(files.last().unwrap().path, None);
        assert_eq!(errors.len(), 1);
        let msg = errors[0].to_string();
        assert!(msg.contains("missing.txt") && msg.contains("cannot read"), "{msg}");
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loop_ends() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("a")).unwrap();
        fs::write(dir.path().join("a/x.txt"), "x").unwrap();
        std::os::unix::fs::symlink(dir.path(), dir.path().join("a/loop")).unwrap();
        let (files, errors) = discover(&[Input::Path(dir.path().to_path_buf())]);
        assert!(errors.is_empty());
        let ids: Vec<&str> = files.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(ids, ["a/x.txt"]);
    }
}
