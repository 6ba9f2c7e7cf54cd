//! Store errors: `Clone` (through `Arc`) so they can travel inside UI messages.

use std::io;
use std::path::PathBuf;
use std::sync::Arc;

use thiserror::Error;

use crate::i18n;
use crate::lang::Lang;

#[derive(Debug, Clone, Error)]
pub enum StoreError {
    #[error("cannot write {path}: {source}")]
    Write {
        path: PathBuf,
        source: Arc<io::Error>,
    },
    #[error("cannot encode record: {0}")]
    Encode(String),
    #[error("no data directory could be found for this user")]
    NoDataDir,
}

impl StoreError {
    pub(super) fn write(path: impl Into<PathBuf>, source: io::Error) -> Self {
        Self::Write {
            path: path.into(),
            source: Arc::new(source),
        }
    }

    /// What the user sees: what failed and where, in their language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            StoreError::Write { path, source } => i18n::tr_args(
                lang,
                "error-save",
                &[
                    ("path", &path.display().to_string()),
                    ("detail", &source.to_string()),
                ],
            ),
            StoreError::Encode(detail) => {
                i18n::tr_args(lang, "error-encode", &[("detail", detail)])
            }
            StoreError::NoDataDir => i18n::tr(lang, "error-no-data-dir"),
        }
    }
}
