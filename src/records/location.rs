//! Where the data directory is: a flag, an environment variable, a portable folder beside the
//! program (for USB installs), or the platform's local data directory.

use std::path::{Path, PathBuf};

use directories::ProjectDirs;

use crate::records::error::StoreError;

/// Environment variable that points the app at another data directory.
pub const DATA_DIR_ENV: &str = "LATIH_ASN_DATA_DIR";

/// A folder with this name beside the executable makes the app portable: data stays on the stick.
pub const PORTABLE_DIR: &str = "latih-asn-data";

/// Picks the data directory, first match wins: `--data-dir`, `LATIH_ASN_DATA_DIR`, a
/// `latih-asn-data` folder beside the executable, the platform's local data directory.
///
/// Local, not roaming: on Windows the records and `device.key` belong to this PC, and a roaming
/// profile would carry one device identity to every PC the user logs on to.
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
    project_dirs()
        .map(|dirs| dirs.data_local_dir().to_path_buf())
        .ok_or(StoreError::NoDataDir)
}

/// Where builds before the move to the local folder kept their data, when `dir` is the platform's
/// local data directory and that place is another one (on Windows, `%APPDATA%`, the roaming
/// profile; elsewhere both are the same folder and this is `None`).
pub fn roaming_data_dir(dir: &Path) -> Option<PathBuf> {
    let dirs = project_dirs()?;
    (dirs.data_local_dir() == dir && dirs.data_dir() != dir).then(|| dirs.data_dir().to_path_buf())
}

fn project_dirs() -> Option<ProjectDirs> {
    ProjectDirs::from("id", "latih-asn", "latih-asn")
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

    #[test]
    fn the_platform_folder_is_the_local_one() {
        let dir = resolve_data_dir(None, None, None).unwrap();
        let dirs = project_dirs().unwrap();
        assert_eq!(dir, dirs.data_local_dir());
        // Only where roaming and local differ (Windows) is there an earlier folder to move.
        assert_eq!(
            roaming_data_dir(&dir).is_some(),
            dirs.data_dir() != dirs.data_local_dir()
        );
        assert_eq!(roaming_data_dir(Path::new("/elsewhere")), None);
    }
}
