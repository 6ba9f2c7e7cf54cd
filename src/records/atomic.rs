//! Atomic file replacement: a save either fully happens or leaves the old file as it was.

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::Path;

/// Writes `bytes` to `path` through a temporary file in the same folder: write, flush to disk,
/// then rename over the target. A crash at any point leaves either the old or the new file,
/// never a half-written one (a stray `.tmp` at worst, which loading ignores). A bare file name
/// (`laporan.csv`) is written in the current folder.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with(path, |out| out.write_all(bytes))
}

/// Like [`write_atomic`], for content made piece by piece (a large export): `write` fills a
/// buffered temporary file in the target's folder, which then replaces `path` in one rename, so
/// the content never has to be held in memory whole. If `write` or any step after it fails, the
/// temporary file is removed and `path` is left as it was. A bare file name (`laporan.csv`) is
/// written in the current folder.
pub fn write_atomic_with<T, E>(
    path: &Path,
    write: impl FnOnce(&mut BufWriter<File>) -> Result<T, E>,
) -> Result<T, E>
where
    E: From<io::Error>,
{
    // `Path::parent` of a bare name is "", which no file call accepts.
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(
        ".{name}.{}.{}.tmp",
        std::process::id(),
        uuid::Uuid::new_v4().simple()
    ));
    let file = File::create_new(&tmp)?;
    let result = (|| {
        let mut out = BufWriter::new(file);
        let value = write(&mut out)?;
        let file = out.into_inner().map_err(io::IntoInnerError::into_error)?;
        file.sync_all()?;
        drop(file);
        fs::rename(&tmp, path)?;
        sync_dir(dir)?;
        Ok(value)
    })();
    if result.is_err() {
        let _ignored_cleanup = fs::remove_file(&tmp);
    }
    result
}

/// Opens (creating) a lock file; `.write()` on the result waits for other writers, in this
/// process or another copy of the app on the same folder.
pub(crate) fn lock_file(path: &Path) -> Result<fd_lock::RwLock<File>, crate::records::StoreError> {
    std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
        .map(fd_lock::RwLock::new)
        .map_err(|e| crate::records::StoreError::write(path, e))
}

/// Makes the rename itself durable (on Unix a directory entry lives in the directory's data).
fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_content_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ron");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "two");
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("a.ron")]);
    }

    #[test]
    fn failed_write_keeps_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ron");
        write_atomic(&path, b"old").unwrap();
        // A directory where the file's folder should be makes the write fail.
        let bad = dir.path().join("a.ron").join("child.ron");
        assert!(write_atomic(&bad, b"new").is_err());
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
    }

    #[test]
    fn streamed_writes_replace_the_file_or_leave_it_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.json");
        write_atomic(&path, b"old").unwrap();
        let written = write_atomic_with(&path, |out| {
            for n in 0..1000 {
                write!(out, "{n},")?;
            }
            Ok::<_, io::Error>(1000)
        })
        .unwrap();
        assert_eq!(written, 1000);
        assert!(fs::read_to_string(&path).unwrap().starts_with("0,1,2,"));

        // A failure half-way keeps the previous content and leaves no temporary file.
        let failed = write_atomic_with(&path, |out| {
            out.write_all(b"half")?;
            Err::<(), _>(io::Error::other("disk full"))
        });
        assert!(failed.is_err());
        assert!(fs::read_to_string(&path).unwrap().starts_with("0,1,2,"));
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
