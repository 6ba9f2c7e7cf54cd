//! Where the LRS is and who HR is there: `<data>/lrs/config.ron`, readable only by its owner
//! (it holds the LRS key).

use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::i18n;
use crate::lang::Lang;
use crate::lrs::PushError;

/// The schema version of `config.ron`.
const CONFIG_VERSION: u32 = 1;

/// The folder of everything the push keeps, under the data folder.
pub(crate) const LRS_DIR: &str = "lrs";
const CONFIG_FILE: &str = "config.ron";

/// An LRS to send statements to: its xAPI endpoint (statements go to `{endpoint}/statements`)
/// and the basic-auth user and key it gave HR. Made by [`LrsConfig::new`], which checks and
/// tidies it; `Debug` never shows the key.
#[derive(Clone, PartialEq, Eq)]
pub struct LrsConfig {
    /// The xAPI endpoint, e.g. `https://lrs.bkd.example.go.id/xAPI`, without a trailing `/`.
    pub endpoint: String,
    pub user: String,
    pub key: String,
}

/// What is wrong with an LRS address or user, before anything is saved or sent.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ConfigError {
    #[error("the LRS address is empty")]
    EmptyEndpoint,
    #[error("{0} is not a web address")]
    NotAUrl(String),
    #[error("{0} is not an http:// or https:// address")]
    NotHttp(String),
    #[error("{0} has a query or a fragment")]
    HasQuery(String),
    /// A common slip: the statements resource instead of the endpoint it belongs to.
    #[error("{0} ends with /statements")]
    EndsWithStatements(String),
    #[error("the LRS user is empty")]
    EmptyUser,
}

impl ConfigError {
    /// What the user sees, in their language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ConfigError::EmptyEndpoint => i18n::tr(lang, "lrs-config-empty-endpoint"),
            ConfigError::NotAUrl(url) => {
                i18n::tr_args(lang, "lrs-config-not-a-url", &[("url", url)])
            }
            ConfigError::NotHttp(url) => {
                i18n::tr_args(lang, "lrs-config-not-http", &[("url", url)])
            }
            ConfigError::HasQuery(url) => {
                i18n::tr_args(lang, "lrs-config-has-query", &[("url", url)])
            }
            ConfigError::EndsWithStatements(url) => {
                i18n::tr_args(lang, "lrs-config-ends-with-statements", &[("url", url)])
            }
            ConfigError::EmptyUser => i18n::tr(lang, "lrs-config-empty-user"),
        }
    }
}

/// The file as written: versioned, like every file of the app.
#[derive(Serialize, Deserialize)]
struct ConfigFile {
    version: u32,
    endpoint: String,
    user: String,
    key: String,
}

impl LrsConfig {
    /// Checks and tidies what the user typed: the endpoint trimmed and without trailing `/`,
    /// an http or https URL with a host and no query; the user trimmed and not empty. The key
    /// is kept as typed (a key may be anything the LRS made).
    pub fn new(endpoint: &str, user: &str, key: &str) -> Result<LrsConfig, ConfigError> {
        let endpoint = normalize_endpoint(endpoint)?;
        let user = user.trim();
        if user.is_empty() {
            return Err(ConfigError::EmptyUser);
        }
        Ok(LrsConfig {
            endpoint,
            user: user.to_owned(),
            key: key.to_owned(),
        })
    }

    /// Where statements are posted.
    pub fn statements_url(&self) -> String {
        format!("{}/statements", self.endpoint)
    }

    /// Whether the key would cross a network unencrypted: plain http to a host other than this
    /// PC. Worth a warning, not a refusal (an LRS inside the office network may have no TLS).
    pub fn sends_key_in_clear(&self) -> bool {
        let Ok(uri) = self.endpoint.parse::<ureq::http::Uri>() else {
            return false;
        };
        let host = uri.host().unwrap_or_default();
        uri.scheme_str() == Some("http")
            && !(host == "localhost" || host.starts_with("127.") || host == "[::1]")
    }

    /// The saved configuration, if there is one. A damaged file is an error and stays as it is.
    pub fn load(data_dir: &Path) -> Result<Option<LrsConfig>, PushError> {
        let path = config_path(data_dir);
        let text = match fs::read_to_string(&path) {
            Ok(text) => text,
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(error) => {
                return Err(PushError::ConfigUnreadable {
                    path,
                    detail: error.to_string(),
                });
            }
        };
        let file: ConfigFile =
            ron::from_str(&text).map_err(|error| PushError::ConfigUnreadable {
                path: path.clone(),
                detail: error.to_string(),
            })?;
        if file.version > CONFIG_VERSION {
            return Err(PushError::ConfigUnreadable {
                path,
                detail: format!("version {}", file.version),
            });
        }
        LrsConfig::new(&file.endpoint, &file.user, &file.key)
            .map(Some)
            .map_err(PushError::Config)
    }

    /// Saves the configuration atomically; on Unix the file is readable by its owner only, from
    /// before the key is written into it.
    pub fn save(&self, data_dir: &Path) -> Result<(), PushError> {
        let path = config_path(data_dir);
        let file = ConfigFile {
            version: CONFIG_VERSION,
            endpoint: self.endpoint.clone(),
            user: self.user.clone(),
            key: self.key.clone(),
        };
        let text = ron::ser::to_string_pretty(&file, ron::ser::PrettyConfig::default()).map_err(
            |error| PushError::Save {
                path: path.clone(),
                detail: error.to_string(),
            },
        )?;
        crate::records::write_atomic_with(&path, |out| {
            owner_only(out.get_ref())?;
            io::Write::write_all(out, text.as_bytes())
        })
        .map_err(|error| PushError::Save {
            path,
            detail: error.to_string(),
        })
    }

    /// Forgets the saved configuration (and so the key). Returns whether there was one. What
    /// was sent is kept: pushing to the same LRS again later sends only what is new.
    pub fn clear(data_dir: &Path) -> Result<bool, PushError> {
        let path = config_path(data_dir);
        match fs::remove_file(&path) {
            Ok(()) => Ok(true),
            Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(false),
            Err(error) => Err(PushError::Save {
                path,
                detail: error.to_string(),
            }),
        }
    }
}

/// The key is a secret: logs and panics show that it is set, never what it is.
impl fmt::Debug for LrsConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LrsConfig")
            .field("endpoint", &self.endpoint)
            .field("user", &self.user)
            .field("key", &if self.key.is_empty() { "" } else { "***" })
            .finish()
    }
}

/// `<data>/lrs/config.ron`.
pub fn config_path(data_dir: &Path) -> PathBuf {
    data_dir.join(LRS_DIR).join(CONFIG_FILE)
}

#[cfg(unix)]
fn owner_only(file: &fs::File) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(fs::Permissions::from_mode(0o600))
}

#[cfg(not(unix))]
fn owner_only(_file: &fs::File) -> io::Result<()> {
    // On Windows the file inherits the ACL of the user's data folder.
    Ok(())
}

fn normalize_endpoint(endpoint: &str) -> Result<String, ConfigError> {
    let endpoint = endpoint.trim().trim_end_matches('/');
    if endpoint.is_empty() {
        return Err(ConfigError::EmptyEndpoint);
    }
    let uri: ureq::http::Uri = endpoint
        .parse()
        .map_err(|_| ConfigError::NotAUrl(endpoint.to_owned()))?;
    match uri.scheme_str() {
        Some(scheme)
            if scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https") => {}
        Some(_) => return Err(ConfigError::NotHttp(endpoint.to_owned())),
        None => return Err(ConfigError::NotAUrl(endpoint.to_owned())),
    }
    if uri.host().is_none_or(str::is_empty) {
        return Err(ConfigError::NotAUrl(endpoint.to_owned()));
    }
    if uri.query().is_some() || endpoint.contains('#') {
        return Err(ConfigError::HasQuery(endpoint.to_owned()));
    }
    if uri.path().to_ascii_lowercase().ends_with("/statements") {
        return Err(ConfigError::EndsWithStatements(endpoint.to_owned()));
    }
    Ok(endpoint.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoints_are_checked_and_tidied() {
        let ok = |url: &str| LrsConfig::new(url, "hr", "k").map(|c| c.endpoint);
        assert_eq!(
            ok(" https://lrs.example.go.id/xAPI/ ").as_deref(),
            Ok("https://lrs.example.go.id/xAPI")
        );
        assert_eq!(
            ok("http://127.0.0.1:8100/xAPI").as_deref(),
            Ok("http://127.0.0.1:8100/xAPI")
        );
        assert_eq!(ok(""), Err(ConfigError::EmptyEndpoint));
        assert_eq!(ok("  /  "), Err(ConfigError::EmptyEndpoint));
        assert!(matches!(
            ok("lrs.example.go.id"),
            Err(ConfigError::NotAUrl(_))
        ));
        assert!(matches!(
            ok("ftp://lrs.example.go.id"),
            Err(ConfigError::NotHttp(_))
        ));
        assert!(matches!(ok("https://"), Err(ConfigError::NotAUrl(_))));
        assert!(matches!(
            ok("https://exa mple.id"),
            Err(ConfigError::NotAUrl(_))
        ));
        assert!(matches!(
            ok("https://lrs.id/xAPI?x=1"),
            Err(ConfigError::HasQuery(_))
        ));
        assert!(matches!(
            ok("https://lrs.id/xAPI#top"),
            Err(ConfigError::HasQuery(_))
        ));
        assert!(matches!(
            ok("https://lrs.id/xAPI/statements"),
            Err(ConfigError::EndsWithStatements(_))
        ));
    }

    #[test]
    fn a_user_is_needed_and_trimmed() {
        assert_eq!(
            LrsConfig::new("https://lrs.id", "  ", "k"),
            Err(ConfigError::EmptyUser)
        );
        assert_eq!(
            LrsConfig::new("https://lrs.id", " hr ", " k ")
                .unwrap()
                .user,
            "hr"
        );
        assert_eq!(
            LrsConfig::new("https://lrs.id", "hr", " k ").unwrap().key,
            " k "
        );
    }

    #[test]
    fn debug_never_shows_the_key() {
        let config = LrsConfig::new("https://lrs.id", "hr", "rahasia-sekali").unwrap();
        let shown = format!("{config:?}");
        assert!(!shown.contains("rahasia"), "{shown}");
        assert!(shown.contains("***"), "{shown}");
    }

    #[test]
    fn plain_http_off_this_pc_is_flagged() {
        let clear = |url: &str| LrsConfig::new(url, "hr", "k").unwrap().sends_key_in_clear();
        assert!(clear("http://lrs.kantor.local/xAPI"));
        assert!(clear("http://10.0.0.5:8080/xAPI"));
        assert!(!clear("https://lrs.kantor.local/xAPI"));
        assert!(!clear("http://127.0.0.1:8100/xAPI"));
        assert!(!clear("http://localhost:8100"));
        assert!(!clear("http://[::1]:8100/xAPI"));
    }

    #[test]
    fn saved_config_round_trips_owner_only_and_clears() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(LrsConfig::load(dir.path()).unwrap(), None);
        let config = LrsConfig::new("https://lrs.id/xAPI", "hr", "secret").unwrap();
        config.save(dir.path()).unwrap();
        assert_eq!(LrsConfig::load(dir.path()).unwrap(), Some(config));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(config_path(dir.path()))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        assert!(LrsConfig::clear(dir.path()).unwrap());
        assert!(!LrsConfig::clear(dir.path()).unwrap());
        assert_eq!(LrsConfig::load(dir.path()).unwrap(), None);
    }

    #[test]
    fn a_damaged_config_is_an_error_and_stays() {
        let dir = tempfile::tempdir().unwrap();
        let path = config_path(dir.path());
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, "(version: 1, endpoint: ").unwrap();
        assert!(matches!(
            LrsConfig::load(dir.path()),
            Err(PushError::ConfigUnreadable { .. })
        ));
        assert_eq!(
            fs::read_to_string(&path).unwrap(),
            "(version: 1, endpoint: "
        );
    }
}
