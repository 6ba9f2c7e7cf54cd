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
    /// A key file exists but cannot be read or is damaged: signing stops; nothing is replaced.
    #[error("the key in {path} cannot be used: {detail}")]
    KeyUnreadable { path: PathBuf, detail: String },
    /// This PC's key files are gone although it has signed records: a new identity is made
    /// only when the user asks for it.
    #[error("this PC's signing key is missing from {path}")]
    IdentityMissing { path: PathBuf },
    #[error("this installation already has an HR authority key")]
    AuthorityExists,
    #[error("this installation has no HR authority key")]
    NoAuthority,
    #[error("cannot read {path}: {detail}")]
    Read { path: PathBuf, detail: String },
}

impl StoreError {
    pub(crate) fn write(path: impl Into<PathBuf>, source: io::Error) -> Self {
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
            StoreError::KeyUnreadable { path, detail } => i18n::tr_args(
                lang,
                "error-key-unreadable",
                &[("path", &path.display().to_string()), ("detail", detail)],
            ),
            StoreError::IdentityMissing { path } => i18n::tr_args(
                lang,
                "error-identity-missing",
                &[("path", &path.display().to_string())],
            ),
            StoreError::AuthorityExists => i18n::tr(lang, "error-authority-exists"),
            StoreError::NoAuthority => i18n::tr(lang, "error-no-authority"),
            StoreError::Read { path, detail } => i18n::tr_args(
                lang,
                "error-read",
                &[("path", &path.display().to_string()), ("detail", detail)],
            ),
        }
    }
}
