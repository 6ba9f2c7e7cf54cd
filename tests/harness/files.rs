//! File helpers shared by the integration tests.

#![allow(dead_code)]

use std::fs;
use std::path::Path;

/// Copies a folder tree, e.g. a content pack fixture into a temporary data directory.
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}
