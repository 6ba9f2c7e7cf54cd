//! Where the data directory is: a flag, an environment variable, a portable folder beside the
//! program (for USB installs), or the platform's data directory.

use std::path::{Path, PathBuf};

use directories::ProjectDirs;

use crate::records::error::StoreError;

/// Environment variable that points the app at another data directory.
pub const DATA_DIR_ENV: &str = "LATIH_ASN_DATA_DIR";

/// A folder with this name beside the executable makes the app portable: data stays on the stick.
pub const PORTABLE_DIR: &str = "latih-asn-data";

/// Picks the data directory, first match wins: `--data-dir`, `LATIH_ASN_DATA_DIR`, a
/// `latih-asn-data` folder beside the executable, the platform data directory.
pub fn resolve_data_dir(
    flag: Option<&Path>,
    env: Option<&str>,
    exe_dir: Option<&Path>,
) -> Result<PathBuf, StoreError> {
    if let Some(flag) = flag {
        return Ok(flag.to_path_buf());
    }
    if let Some(env) = env.filter(|value| !value.trim().is_empty()) {
        return Ok(PathBuf::from(env));
    }
    if let Some(portable) = exe_dir
        .map(|dir| dir.join(PORTABLE_DIR))
        .filter(|dir| dir.is_dir())
    {
        return Ok(portable);
    }
    ProjectDirs::from("id", "latih-asn", "latih-asn")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .ok_or(StoreError::NoDataDir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precedence() {
        let dir = tempfile::tempdir().unwrap();
        let flag = dir.path().join("flag");
        assert_eq!(
            resolve_data_dir(Some(&flag), Some("/env"), None).unwrap(),
            flag
        );
        assert_eq!(
            resolve_data_dir(None, Some("/env"), None).unwrap(),
            PathBuf::from("/env")
        );
        std::fs::create_dir(dir.path().join(PORTABLE_DIR)).unwrap();
        assert_eq!(
            resolve_data_dir(None, None, Some(dir.path())).unwrap(),
            dir.path().join(PORTABLE_DIR)
        );
        assert_eq!(
            resolve_data_dir(None, Some("  "), Some(dir.path())).unwrap(),
            dir.path().join(PORTABLE_DIR)
        );
    }
}
