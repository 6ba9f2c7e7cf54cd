//! Moves the data folder that earlier Windows builds kept in the roaming profile (`%APPDATA%`)
//! to the local one (`%LOCALAPPDATA%`), once and without losing anything.
//!
//! The steps: copy the old folder into a staging folder beside the new place, read every file
//! back and compare it with the original, write a mark into the copy, rename the copy into
//! place, and only then rename the old folder aside (`data.moved`). Whatever stops it (a power
//! cut, a full disk, a file that changes while it is copied), the old folder is whole until the
//! new one is complete and verified; the next start goes on from where it stopped. Written
//! against plain paths, so it is tested on every platform.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// Written into the copy once it is verified: with it, the new folder is the whole old one.
pub const MOVED_MARK: &str = "moved-from-roaming.txt";

/// What a start found and did.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// No old folder (a new installation, or moved before).
    Nothing,
    /// The new folder holds the old one; the old one was renamed to `aside`.
    Moved { aside: PathBuf },
    /// The new folder holds the old one, but the old one could not be renamed (a program still
    /// has a file in it open); the next start tries again. Nothing is lost either way.
    OldKept { error: String },
    /// Both folders hold records and the new one is not a copy of the old one: neither is
    /// touched, and the new one is used.
    BothKept,
}

#[derive(Debug, thiserror::Error)]
pub enum MoveError {
    #[error("cannot {action} {path}: {source}")]
    Io {
        action: &'static str,
        path: PathBuf,
        source: io::Error,
    },
    #[error("the copy of {0} differs from the original")]
    Mismatch(PathBuf),
}

fn io_error(action: &'static str, path: &Path) -> impl FnOnce(io::Error) -> MoveError {
    let path = path.to_path_buf();
    move |source| MoveError::Io {
        action,
        path,
        source,
    }
}

/// Moves `old` to `new` as described above. On an error the old folder is whole and is the
/// one to use for now.
pub fn move_once(old: &Path, new: &Path) -> Result<Outcome, MoveError> {
    if old == new || !old.is_dir() {
        return Ok(Outcome::Nothing);
    }
    if new.exists() {
        if new.join(MOVED_MARK).is_file() {
            // An earlier start put the verified copy in place and stopped before the old
            // folder was set aside.
            return Ok(set_aside(old));
        }
        if holds_files(new)? {
            return Ok(Outcome::BothKept);
        }
        // Only empty folders (made by a start that failed before writing anything).
        fs::remove_dir_all(new).map_err(io_error("remove", new))?;
    }
    let staging = sibling(new, "partial");
    if staging.exists() {
        // A copy an earlier start did not finish; the old folder is whole, so begin again.
        fs::remove_dir_all(&staging).map_err(io_error("remove", &staging))?;
    }
    copy_tree(old, &staging)?;
    verify_tree(old, &staging)?;
    let mark = staging.join(MOVED_MARK);
    let note = format!(
        "latih-asn moved its data here from {} (the roaming profile) so that records and the \
         device key stay on this PC. The old folder was renamed and kept.\n",
        old.display()
    );
    write_synced(&mark, note.as_bytes())?;
    if let Some(parent) = new.parent() {
        fs::create_dir_all(parent).map_err(io_error("create", parent))?;
    }
    fs::rename(&staging, new).map_err(io_error("rename", &staging))?;
    Ok(set_aside(old))
}

/// Renames the old folder to `data.moved` (or `data.moved-2`, … if taken).
fn set_aside(old: &Path) -> Outcome {
    let aside = (1..)
        .map(|n| match n {
            1 => sibling(old, "moved"),
            n => sibling(old, &format!("moved-{n}")),
        })
        .find(|path| !path.exists())
        .expect("some name is free");
    match fs::rename(old, &aside) {
        Ok(()) => Outcome::Moved { aside },
        Err(error) => Outcome::OldKept {
            error: format!("{}: {error}", old.display()),
        },
    }
}

/// `…/data` → `…/data.SUFFIX`.
fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".");
    name.push(suffix);
    path.with_file_name(name)
}

fn holds_files(dir: &Path) -> Result<bool, MoveError> {
    for entry in fs::read_dir(dir).map_err(io_error("read", dir))? {
        let path = entry.map_err(io_error("read", dir))?.path();
        if !path.is_dir() || holds_files(&path)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn copy_tree(from: &Path, to: &Path) -> Result<(), MoveError> {
    fs::create_dir_all(to).map_err(io_error("create", to))?;
    for entry in fs::read_dir(from).map_err(io_error("read", from))? {
        let source = entry.map_err(io_error("read", from))?.path();
        let target = to.join(source.file_name().unwrap_or_default());
        if source.is_dir() {
            copy_tree(&source, &target)?;
        } else {
            fs::copy(&source, &target).map_err(io_error("copy", &source))?;
            // Flushing needs write access on Windows (FlushFileBuffers).
            fs::OpenOptions::new()
                .write(true)
                .open(&target)
                .and_then(|file| file.sync_all())
                .map_err(io_error("write", &target))?;
        }
    }
    Ok(())
}

/// Every file and folder of `original` is in `copy` with the same bytes.
fn verify_tree(original: &Path, copy: &Path) -> Result<(), MoveError> {
    for entry in fs::read_dir(original).map_err(io_error("read", original))? {
        let source = entry.map_err(io_error("read", original))?.path();
        let target = copy.join(source.file_name().unwrap_or_default());
        if source.is_dir() {
            if !target.is_dir() {
                return Err(MoveError::Mismatch(source));
            }
            verify_tree(&source, &target)?;
        } else if !same_bytes(&source, &target)? {
            return Err(MoveError::Mismatch(source));
        }
    }
    Ok(())
}

fn same_bytes(a: &Path, b: &Path) -> Result<bool, MoveError> {
    let open = |path: &Path| fs::File::open(path).map_err(io_error("read", path));
    let (mut a_file, mut b_file) = (open(a)?, open(b)?);
    let (mut a_buf, mut b_buf) = (vec![0; 64 * 1024], vec![0; 64 * 1024]);
    loop {
        let n = read_full(&mut a_file, &mut a_buf).map_err(io_error("read", a))?;
        let m = read_full(&mut b_file, &mut b_buf).map_err(io_error("read", b))?;
        if a_buf[..n] != b_buf[..m] {
            return Ok(false);
        }
        if n == 0 {
            return Ok(true);
        }
    }
}

/// Fills `buf` unless the file ends first; the count read.
fn read_full(file: &mut fs::File, buf: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match file.read(&mut buf[filled..])? {
            0 => break,
            n => filled += n,
        }
    }
    Ok(filled)
}

fn write_synced(path: &Path, bytes: &[u8]) -> Result<(), MoveError> {
    use std::io::Write;
    let mut file = fs::File::create(path).map_err(io_error("write", path))?;
    file.write_all(bytes)
        .and_then(|()| file.sync_all())
        .map_err(io_error("write", path))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An old data folder as earlier builds left it.
    fn old_folder(root: &Path) -> PathBuf {
        let old = root.join("Roaming/latih-asn/latih-asn/data");
        for (file, text) in [
            ("settings.ron", "(version: 1)"),
            ("device.key", "secret key bytes"),
            ("device.ron", "(id: \"pc-1\")"),
            ("attempts/a.ron", "attempt a"),
            ("attempts/b.ron", "attempt b"),
            ("logs/latih-asn_rCURRENT.log", "log"),
        ] {
            let path = old.join(file);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, text).unwrap();
        }
        fs::create_dir_all(old.join("quarantine")).unwrap();
        // A larger file than one read buffer, to compare across buffers.
        fs::write(old.join("attempts/big.ron"), vec![7u8; 200_000]).unwrap();
        old
    }

    fn new_place(root: &Path) -> PathBuf {
        root.join("Local/latih-asn/latih-asn/data")
    }

    fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
        let mut found = Vec::new();
        let mut stack = vec![dir.to_path_buf()];
        while let Some(at) = stack.pop() {
            for entry in fs::read_dir(&at).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else {
                    let name = path
                        .strip_prefix(dir)
                        .unwrap()
                        .to_string_lossy()
                        .into_owned();
                    found.push((name.replace('\\', "/"), fs::read(&path).unwrap()));
                }
            }
        }
        found.sort();
        found
    }

    fn without_mark(mut files: Vec<(String, Vec<u8>)>) -> Vec<(String, Vec<u8>)> {
        files.retain(|(name, _)| name != MOVED_MARK);
        files
    }

    #[test]
    fn moves_everything_and_sets_the_old_folder_aside() {
        let root = tempfile::tempdir().unwrap();
        let old = old_folder(root.path());
        let before = files(&old);
        let new = new_place(root.path());

        let outcome = move_once(&old, &new).unwrap();

        let aside = old.with_file_name("data.moved");
        assert_eq!(
            outcome,
            Outcome::Moved {
                aside: aside.clone()
            }
        );
        assert!(!old.exists());
        assert_eq!(without_mark(files(&new)), before);
        assert!(new.join("quarantine").is_dir(), "empty folders come along");
        assert!(new.join(MOVED_MARK).is_file());
        assert_eq!(files(&aside), before, "the old folder is kept, renamed");
        assert!(!new.with_file_name("data.partial").exists());
        // Once: the next start finds nothing to move.
        assert_eq!(move_once(&old, &new).unwrap(), Outcome::Nothing);
    }

    #[test]
    fn nothing_to_move_without_an_old_folder() {
        let root = tempfile::tempdir().unwrap();
        let new = new_place(root.path());
        let old = root.path().join("Roaming/latih-asn/latih-asn/data");
        assert_eq!(move_once(&old, &new).unwrap(), Outcome::Nothing);
        assert!(!new.exists());
        assert_eq!(move_once(&new, &new).unwrap(), Outcome::Nothing);
    }

    #[test]
    fn a_copy_cut_short_is_started_again_and_loses_nothing() {
        let root = tempfile::tempdir().unwrap();
        let old = old_folder(root.path());
        let before = files(&old);
        let new = new_place(root.path());
        // What a power cut in the middle of copying leaves: part of the files, one cut short.
        let staging = new.with_file_name("data.partial");
        fs::create_dir_all(staging.join("attempts")).unwrap();
        fs::write(staging.join("attempts/a.ron"), "attem").unwrap();
        fs::write(staging.join("stray.tmp"), "x").unwrap();

        assert!(matches!(
            move_once(&old, &new).unwrap(),
            Outcome::Moved { .. }
        ));
        assert_eq!(without_mark(files(&new)), before);
        assert!(!staging.exists());
    }

    #[test]
    fn a_move_stopped_before_the_old_folder_was_set_aside_is_finished() {
        let root = tempfile::tempdir().unwrap();
        let old = old_folder(root.path());
        let new = new_place(root.path());
        // The verified copy is in place (with its mark) and the app has written to it since.
        copy_tree(&old, &new).unwrap();
        fs::write(new.join(MOVED_MARK), "moved").unwrap();
        fs::write(new.join("attempts/c.ron"), "attempt c").unwrap();
        let after = files(&new);

        assert!(matches!(
            move_once(&old, &new).unwrap(),
            Outcome::Moved { .. }
        ));
        assert!(!old.exists());
        assert_eq!(files(&new), after, "the new folder is not copied over");
    }

    #[test]
    fn a_new_folder_with_its_own_records_is_left_alone_and_so_is_the_old() {
        let root = tempfile::tempdir().unwrap();
        let old = old_folder(root.path());
        let before = files(&old);
        let new = new_place(root.path());
        fs::create_dir_all(&new).unwrap();
        fs::write(new.join("device.key"), "another PC's key").unwrap();

        assert_eq!(move_once(&old, &new).unwrap(), Outcome::BothKept);
        assert_eq!(files(&old), before);
        assert_eq!(
            files(&new),
            [("device.key".to_owned(), b"another PC's key".to_vec())]
        );
    }

    #[test]
    fn empty_folders_at_the_new_place_do_not_stop_the_move() {
        let root = tempfile::tempdir().unwrap();
        let old = old_folder(root.path());
        let before = files(&old);
        let new = new_place(root.path());
        fs::create_dir_all(new.join("attempts")).unwrap();

        assert!(matches!(
            move_once(&old, &new).unwrap(),
            Outcome::Moved { .. }
        ));
        assert_eq!(without_mark(files(&new)), before);
    }

    #[test]
    fn a_failed_copy_leaves_the_old_folder_whole_and_in_use() {
        let root = tempfile::tempdir().unwrap();
        let old = old_folder(root.path());
        let before = files(&old);
        // The place for the new folder cannot be made: a file stands where a folder must be.
        fs::create_dir_all(root.path().join("Local")).unwrap();
        fs::write(root.path().join("Local/latih-asn"), "not a folder").unwrap();
        let new = new_place(root.path());

        assert!(move_once(&old, &new).is_err());
        assert_eq!(files(&old), before);
        assert!(!new.exists());
    }

    #[test]
    fn a_copy_that_differs_is_caught() {
        let root = tempfile::tempdir().unwrap();
        let old = old_folder(root.path());
        let copy = root.path().join("copy");
        copy_tree(&old, &copy).unwrap();
        verify_tree(&old, &copy).unwrap();

        fs::write(copy.join("attempts/big.ron"), vec![7u8; 199_999]).unwrap();
        assert!(matches!(
            verify_tree(&old, &copy),
            Err(MoveError::Mismatch(_))
        ));
        fs::write(copy.join("attempts/big.ron"), vec![7u8; 200_000]).unwrap();
        fs::remove_file(copy.join("device.key")).unwrap();
        assert!(verify_tree(&old, &copy).is_err());
    }

    #[test]
    fn an_earlier_aside_folder_is_not_overwritten() {
        let root = tempfile::tempdir().unwrap();
        let old = old_folder(root.path());
        let earlier = old.with_file_name("data.moved");
        fs::create_dir_all(&earlier).unwrap();
        fs::write(earlier.join("keep.txt"), "keep").unwrap();
        let new = new_place(root.path());

        assert_eq!(
            move_once(&old, &new).unwrap(),
            Outcome::Moved {
                aside: old.with_file_name("data.moved-2")
            }
        );
        assert_eq!(fs::read(earlier.join("keep.txt")).unwrap(), b"keep");
    }
}
