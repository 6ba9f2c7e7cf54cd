//! Where content files come from: the binary (rust-embed) or a folder on disk (a content pack).
//!
//! A folder is input from outside, so [`DirFiles`] is confined and bounded: it reads only
//! regular files inside its root (never through a symbolic link, never a FIFO, device or
//! socket, which it recognises without opening them), only at paths the content format names,
//! each under its size cap and all under the pack's cap. What it read is kept, byte for byte,
//! so that the bytes checked are the bytes hashed and the bytes an install copies.

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rust_embed::RustEmbed;

use crate::content::error::{ContentError, ContentErrorKind, FileType};
use crate::content::limits;

/// Read access to a content tree, with paths relative to its root and `/` as separator.
pub trait ContentFiles {
    /// The text of a file, without a leading UTF-8 byte order mark: `None` when it does not
    /// exist, `Err` when it may not or cannot be read.
    fn read(&self, path: &str) -> Option<Result<String, ContentErrorKind>>;

    /// The module folders: top-level folders that hold a `module.ron`.
    fn modules(&self) -> Vec<String>;

    /// How to name this tree in messages (e.g. the pack's folder).
    fn label(&self) -> String;

    /// Problems found in the tree before any file was read (special files, too many files).
    fn problems(&self) -> Vec<ContentError> {
        Vec::new()
    }
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
    fn read(&self, path: &str) -> Option<Result<String, ContentErrorKind>> {
        let file = Embedded::get(path)?;
        Some(decode(&file.data))
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

/// UTF-8 text without a leading byte order mark (some Windows editors write one).
pub(super) fn decode(bytes: &[u8]) -> Result<String, ContentErrorKind> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    String::from_utf8(bytes.to_vec())
        .map_err(|error| ContentErrorKind::Unreadable(error.utf8_error().to_string()))
}

/// A regular file found in the tree, as it was when the folder was listed.
#[derive(Debug, Clone, Copy)]
struct Found {
    len: u64,
    /// Device and inode, to notice a file swapped between listing and opening.
    #[cfg(unix)]
    id: (u64, u64),
}

/// A content tree in a folder: a content pack, or the source tree during `content check`.
#[derive(Debug)]
pub struct DirFiles {
    root: PathBuf,
    /// Every regular file below the root, by relative path.
    files: BTreeMap<String, Found>,
    /// Everything else that is not a folder, by relative path: never opened.
    special: BTreeMap<String, FileType>,
    problems: Vec<ContentError>,
    /// The bytes of every file read so far, exactly as read.
    read: RefCell<BTreeMap<String, Arc<Vec<u8>>>>,
    /// Bytes read so far, against [`limits::PACK_BYTES`].
    spent: Cell<u64>,
}

impl DirFiles {
    /// Lists the tree at `root` (without opening any file). A root that is a symbolic link to a
    /// folder is followed, since that is the folder the user chose; nothing below it is.
    pub fn new(root: impl Into<PathBuf>) -> Self {
        let root = root.into();
        let mut files = Self {
            root: root.clone(),
            files: BTreeMap::new(),
            special: BTreeMap::new(),
            problems: Vec::new(),
            read: RefCell::new(BTreeMap::new()),
            spent: Cell::new(0),
        };
        match fs::metadata(&root) {
            Ok(meta) if meta.is_dir() => files.walk(),
            Ok(_) => files.problems.push(ContentError::new(
                root.display().to_string(),
                None,
                ContentErrorKind::NotAFile(FileType::Other),
            )),
            Err(error) => files.problems.push(ContentError::new(
                root.display().to_string(),
                None,
                ContentErrorKind::Unreadable(error.to_string()),
            )),
        }
        files
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Every file read so far, in path order, exactly as read.
    pub fn read_so_far(&self) -> Vec<(String, Arc<Vec<u8>>)> {
        self.read
            .borrow()
            .iter()
            .map(|(path, bytes)| (path.clone(), Arc::clone(bytes)))
            .collect()
    }

    /// Lists the folder breadth-first, without following links and without opening files.
    fn walk(&mut self) {
        let mut entries = 0usize;
        let mut pending: Vec<(PathBuf, String, usize)> =
            vec![(self.root.clone(), String::new(), 0)];
        while let Some((dir, prefix, depth)) = pending.pop() {
            let listing = match fs::read_dir(&dir) {
                Ok(listing) => listing,
                Err(error) => {
                    self.problem(&prefix, ContentErrorKind::Unreadable(error.to_string()));
                    continue;
                }
            };
            for entry in listing {
                let entry = match entry {
                    Ok(entry) => entry,
                    Err(error) => {
                        self.problem(&prefix, ContentErrorKind::Unreadable(error.to_string()));
                        continue;
                    }
                };
                let name = entry.file_name();
                let Some(name) = name.to_str() else {
                    let lossy = format!("{prefix}{}", name.to_string_lossy());
                    self.problem(&lossy, ContentErrorKind::BadFileName);
                    continue;
                };
                // Hidden entries (.DS_Store, .git, the app's own records) are never read.
                if name.starts_with('.') {
                    continue;
                }
                entries += 1;
                if entries > limits::ENTRIES {
                    self.problem(
                        "",
                        ContentErrorKind::TooManyEntries {
                            limit: limits::ENTRIES,
                        },
                    );
                    return;
                }
                let relative = format!("{prefix}{name}");
                let path = entry.path();
                let meta = match fs::symlink_metadata(&path) {
                    Ok(meta) => meta,
                    Err(error) => {
                        self.problem(&relative, ContentErrorKind::Unreadable(error.to_string()));
                        continue;
                    }
                };
                let kind = meta.file_type();
                if kind.is_dir() {
                    if depth + 1 >= limits::DEPTH {
                        self.problem(
                            &relative,
                            ContentErrorKind::TooDeep {
                                limit: limits::DEPTH,
                            },
                        );
                    } else {
                        pending.push((path, format!("{relative}/"), depth + 1));
                    }
                } else if kind.is_file() {
                    self.files.insert(relative, found(&meta));
                } else {
                    let kind = special_kind(&kind);
                    self.problem(&relative, ContentErrorKind::NotAFile(kind));
                    self.special.insert(relative, kind);
                }
            }
        }
    }

    fn problem(&mut self, path: &str, kind: ContentErrorKind) {
        let file = if path.is_empty() {
            self.root.display().to_string()
        } else {
            path.to_owned()
        };
        self.problems.push(ContentError::new(file, None, kind));
    }

    /// The bytes of a file as [`ContentFiles::read`] would read them, without decoding.
    pub(super) fn read_bytes(&self, path: &str) -> Option<Result<Arc<Vec<u8>>, ContentErrorKind>> {
        if let Some(bytes) = self.read.borrow().get(path) {
            return Some(Ok(Arc::clone(bytes)));
        }
        let Some(cap) = limits::file_cap(path).filter(|_| is_allowed_path(path)) else {
            return Some(Err(ContentErrorKind::BadPath(path.to_owned())));
        };
        if let Some(kind) = self.special.get(path) {
            return Some(Err(ContentErrorKind::NotAFile(*kind)));
        }
        let found = *self.files.get(path)?;
        if found.len > cap {
            return Some(Err(ContentErrorKind::TooLarge { limit: cap }));
        }
        let too_much = ContentErrorKind::PackTooLarge {
            limit: limits::PACK_BYTES,
        };
        if self.spent.get() + found.len > limits::PACK_BYTES {
            return Some(Err(too_much));
        }
        let bytes = match read_capped(&self.root.join(path), found, cap) {
            Ok(bytes) => bytes,
            Err(kind) => return Some(Err(kind)),
        };
        let spent = self.spent.get() + bytes.len() as u64;
        self.spent.set(spent);
        if spent > limits::PACK_BYTES {
            return Some(Err(too_much));
        }
        let bytes = Arc::new(bytes);
        self.read
            .borrow_mut()
            .insert(path.to_owned(), Arc::clone(&bytes));
        Some(Ok(bytes))
    }
}

impl ContentFiles for DirFiles {
    fn read(&self, path: &str) -> Option<Result<String, ContentErrorKind>> {
        Some(self.read_bytes(path)?.and_then(|bytes| decode(&bytes)))
    }

    fn modules(&self) -> Vec<String> {
        // BTreeMap order: sorted, and each folder once.
        self.files
            .keys()
            .filter_map(|path| path.strip_suffix("/module.ron"))
            .filter(|dir| !dir.contains('/'))
            .map(str::to_owned)
            .collect()
    }

    fn label(&self) -> String {
        self.root.display().to_string()
    }

    fn problems(&self) -> Vec<ContentError> {
        self.problems.clone()
    }
}

/// Whether a relative path may be read: `/`-separated names of letters, digits, `.`, `_`
/// and `-`, none empty or starting with a dot (so no `..`), at most [`limits::DEPTH`] deep.
fn is_allowed_path(path: &str) -> bool {
    let parts: Vec<&str> = path.split('/').collect();
    parts.len() <= limits::DEPTH
        && parts.iter().all(|part| {
            !part.is_empty()
                && !part.starts_with('.')
                && part
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
        })
}

fn found(meta: &fs::Metadata) -> Found {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Found {
            len: meta.len(),
            id: (meta.dev(), meta.ino()),
        }
    }
    #[cfg(not(unix))]
    Found { len: meta.len() }
}

fn special_kind(kind: &fs::FileType) -> FileType {
    if kind.is_symlink() {
        return FileType::Symlink;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return FileType::Fifo;
        }
        if kind.is_block_device() || kind.is_char_device() {
            return FileType::Device;
        }
        if kind.is_socket() {
            return FileType::Socket;
        }
    }
    FileType::Other
}

/// Reads a small file of the app's own (a check record, the trusted publishers) with the same
/// care as a pack's files: a regular file, opened without blocking, at most `cap` bytes.
pub(super) fn read_regular(path: &Path, cap: u64) -> Result<Vec<u8>, ContentErrorKind> {
    let meta = fs::symlink_metadata(path)
        .map_err(|error| ContentErrorKind::Unreadable(error.to_string()))?;
    if !meta.is_file() {
        return Err(ContentErrorKind::NotAFile(special_kind(&meta.file_type())));
    }
    let found = found(&meta);
    if found.len > cap {
        return Err(ContentErrorKind::TooLarge { limit: cap });
    }
    read_capped(path, found, cap)
}

/// `O_NONBLOCK`, so that opening a FIFO that replaced a listed file cannot hang. std has no
/// portable name for it and the crate takes no `libc` dependency for one constant; where the
/// value is not known here, the listing (which never opens special files) and the identity
/// check after opening remain.
#[cfg(all(
    target_os = "linux",
    any(
        target_arch = "x86",
        target_arch = "x86_64",
        target_arch = "arm",
        target_arch = "aarch64",
        target_arch = "riscv64"
    )
))]
const O_NONBLOCK: i32 = 0o4000;
#[cfg(any(target_os = "macos", target_os = "freebsd", target_os = "openbsd"))]
const O_NONBLOCK: i32 = 0x4;
#[cfg(all(
    unix,
    not(any(
        all(
            target_os = "linux",
            any(
                target_arch = "x86",
                target_arch = "x86_64",
                target_arch = "arm",
                target_arch = "aarch64",
                target_arch = "riscv64"
            )
        ),
        target_os = "macos",
        target_os = "freebsd",
        target_os = "openbsd"
    ))
))]
const O_NONBLOCK: i32 = 0;

/// Reads at most `cap` bytes of the file the listing found at `path`. It is opened without
/// blocking, checked to be that same regular file, and read through `take(cap + 1)` so that a
/// file that grew (or a sparse or endless one) is refused without being read in full.
fn read_capped(path: &Path, found: Found, cap: u64) -> Result<Vec<u8>, ContentErrorKind> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(O_NONBLOCK);
    }
    let file = options
        .open(path)
        .map_err(|error| ContentErrorKind::Unreadable(error.to_string()))?;
    let meta = file
        .metadata()
        .map_err(|error| ContentErrorKind::Unreadable(error.to_string()))?;
    if !meta.is_file() {
        return Err(ContentErrorKind::ChangedWhileRead);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if (meta.dev(), meta.ino()) != found.id {
            return Err(ContentErrorKind::ChangedWhileRead);
        }
    }
    // The capacity is the listed size, itself at most `cap`: a file that grew is caught below.
    let mut bytes = Vec::with_capacity(usize::try_from(found.len).unwrap_or(0));
    file.take(cap + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| ContentErrorKind::Unreadable(error.to_string()))?;
    if bytes.len() as u64 > cap {
        return Err(ContentErrorKind::TooLarge { limit: cap });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allowed_paths() {
        for good in ["pack.ron", "lokal/module.ron", "lokal/id/lokal-l1.md"] {
            assert!(is_allowed_path(good), "{good}");
        }
        for bad in [
            "../x.md",
            "lokal/../../etc/passwd",
            "/etc/passwd",
            "lokal//module.ron",
            "lokal/id/.x.md",
            "a/b/c/d.md",
            "lokal\\id\\x.md",
            "C:/x.md",
        ] {
            assert!(!is_allowed_path(bad), "{bad}");
        }
    }

    #[test]
    fn bom_is_stripped() {
        assert_eq!(decode(b"\xEF\xBB\xBF## A").unwrap(), "## A");
        assert_eq!(decode(b"## A").unwrap(), "## A");
        assert!(decode(b"\xFF").is_err());
    }

    #[test]
    fn reads_are_confined_and_capped() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("m/id")).unwrap();
        fs::write(dir.path().join("m/module.ron"), "()").unwrap();
        fs::write(
            dir.path().join("m/id/big.md"),
            vec![b'a'; limits::LESSON_BYTES as usize + 1],
        )
        .unwrap();
        fs::write(dir.path().join("m/id/ok.md"), "\u{feff}text").unwrap();
        let files = DirFiles::new(dir.path());
        assert!(files.problems().is_empty(), "{:?}", files.problems());
        assert_eq!(files.modules(), ["m"]);
        assert_eq!(files.read("m/id/ok.md").unwrap().unwrap(), "text");
        assert_eq!(
            files.read("m/id/big.md").unwrap().unwrap_err(),
            ContentErrorKind::TooLarge {
                limit: limits::LESSON_BYTES
            }
        );
        assert!(files.read("m/id/none.md").is_none());
        assert!(matches!(
            files.read("m/../../x.md"),
            Some(Err(ContentErrorKind::BadPath(_)))
        ));
        // What was read is kept as read, BOM included: that is what gets hashed and copied.
        let read = files.read_so_far();
        assert_eq!(read.len(), 1);
        assert_eq!(read[0].1.as_slice(), "\u{feff}text".as_bytes());
    }
}
