//! Where content files come from: the binary (rust-embed) or a folder on disk (a content pack).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use rust_embed::RustEmbed;

/// Read access to a content tree, with paths relative to its root and `/` as separator.
pub trait ContentFiles {
    /// The text of a file: `None` when it does not exist, `Err` when it cannot be read as UTF-8.
    fn read(&self, path: &str) -> Option<Result<String, String>>;

    /// The module folders: top-level folders that hold a `module.ron`.
    fn modules(&self) -> Vec<String>;

    /// How to name this tree in messages (e.g. the pack's folder).
    fn label(&self) -> String;
}

#[derive(RustEmbed)]
#[folder = "assets/content/"]
#[include = "*.ron"]
#[include = "*/id/*.md"]
#[include = "*/en/*.md"]
struct Embedded;

/// The content compiled into the binary.
#[derive(Debug, Clone, Copy, Default)]
pub struct EmbeddedFiles;

impl ContentFiles for EmbeddedFiles {
    fn read(&self, path: &str) -> Option<Result<String, String>> {
        let file = Embedded::get(path)?;
        Some(String::from_utf8(file.data.into_owned()).map_err(|error| error.to_string()))
    }

    fn modules(&self) -> Vec<String> {
        let modules: BTreeSet<String> = Embedded::iter()
            .filter_map(|path| {
                path.strip_suffix("/module.ron")
                    .filter(|dir| !dir.contains('/'))
                    .map(str::to_owned)
            })
            .collect();
        modules.into_iter().collect()
    }

    fn label(&self) -> String {
        "assets/content".to_owned()
    }
}

/// A content tree in a folder: a content pack, or the source tree during `content check`.
#[derive(Debug, Clone)]
pub struct DirFiles {
    root: PathBuf,
}

impl DirFiles {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }
}

impl ContentFiles for DirFiles {
    fn read(&self, path: &str) -> Option<Result<String, String>> {
        let full = self.root.join(path);
        match std::fs::read(&full) {
            Ok(bytes) => Some(String::from_utf8(bytes).map_err(|error| error.to_string())),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => None,
            Err(error) => Some(Err(error.to_string())),
        }
    }

    fn modules(&self) -> Vec<String> {
        let Ok(entries) = std::fs::read_dir(&self.root) else {
            return Vec::new();
        };
        let mut modules: Vec<String> = entries
            .filter_map(Result::ok)
            .filter(|entry| entry.path().join("module.ron").is_file())
            .filter_map(|entry| entry.file_name().to_str().map(str::to_owned))
            .collect();
        modules.sort();
        modules
    }

    fn label(&self) -> String {
        self.root.display().to_string()
    }
}
