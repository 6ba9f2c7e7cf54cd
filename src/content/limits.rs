//! The bounds a content tree must stay within, and the format of ids. They are written out in
//! `assets/content/FORMAT.md`; a test there keeps the two in step.
//!
//! Why bounds at all: a pack comes from outside (a USB stick, a shared folder), and the app
//! reads it at every start on old office PCs. Every read, count and text has a ceiling, so a
//! pack that is huge by mistake or on purpose is refused quickly instead of freezing the app.

/// Largest `pack.ron`.
pub const PACK_FILE_BYTES: u64 = 8 * 1024;
/// Largest `pack.sig`.
pub const SIGNATURE_FILE_BYTES: u64 = 4 * 1024;
/// Largest `instruments.ron`.
pub const INSTRUMENTS_BYTES: u64 = 128 * 1024;
/// Largest `<module>/module.ron`.
pub const MODULE_BYTES: u64 = 64 * 1024;
/// Largest `<module>/questions.ron`.
pub const QUESTIONS_BYTES: u64 = 512 * 1024;
/// Largest `<module>/<locale>/module.ron`.
pub const MODULE_TEXT_BYTES: u64 = 256 * 1024;
/// Largest `<module>/<locale>/questions.ron`.
pub const QUESTIONS_TEXT_BYTES: u64 = 1024 * 1024;
/// Largest lesson body (`<module>/<locale>/<lesson>.md`): ten times the longest lesson the app
/// ships. A lesson is parsed and laid out on the UI thread when it opens; at 256 KiB that took
/// 141 ms, at this cap about 30 ms, under the 50 ms of a slide change (BENCHMARKS.md).
pub const LESSON_BYTES: u64 = 64 * 1024;
/// Largest sum of every file read from one pack.
pub const PACK_BYTES: u64 = 2 * 1024 * 1024;
/// Largest sum of every installed pack, switched on or off. Every start reads, hashes and
/// parses the packs that are on, so this bounds what packs add to the start (BENCHMARKS.md).
pub const INSTALLED_BYTES: u64 = 2 * 1024 * 1024;

/// Most entries (files and folders, at any depth) in a pack folder.
pub const ENTRIES: usize = 2_000;
/// Deepest folder nesting below the pack root (`<module>/<locale>/<file>` is depth 3).
pub const DEPTH: usize = 3;

/// Most content packs installed at once.
pub const PACKS: usize = 20;
/// Most modules in one pack.
pub const MODULES: usize = 10;
/// Most lessons in one module.
pub const LESSONS: usize = 30;
/// Most learning objectives in one module.
pub const OBJECTIVES: usize = 50;
/// Most questions in one module's pool.
pub const QUESTIONS: usize = 500;
/// Most options in one question.
pub const OPTIONS: usize = 6;
/// Most citations on one lesson or question.
pub const CITATIONS: usize = 20;
/// Most key points in one lesson.
pub const KEY_POINTS: usize = 12;
/// Most instruments one pack may declare.
pub const INSTRUMENTS: usize = 100;

/// Longest texts, in characters.
pub const TITLE_CHARS: usize = 200;
pub const SUMMARY_CHARS: usize = 1_000;
pub const OBJECTIVE_CHARS: usize = 500;
pub const KEY_POINT_CHARS: usize = 500;
pub const STEM_CHARS: usize = 2_000;
pub const OPTION_CHARS: usize = 500;
pub const WHY_CHARS: usize = 1_000;
pub const EXPLANATION_CHARS: usize = 2_000;
/// A citation part (`pasal`, `ayat`, `huruf`, `angka`) or a version string.
pub const SHORT_CHARS: usize = 40;

/// Pass mark range, in percent.
pub const PASS_MARK_MIN: u8 = 50;
pub const PASS_MARK_MAX: u8 = 100;
/// Reading time of one lesson, in minutes.
pub const MINUTES_MIN: u32 = 1;
pub const MINUTES_MAX: u32 = 180;

/// Jam pelajaran a module may declare (whole 45-minute units). A module's own minutes cap it
/// further: see `content::model::jp_cap`.
pub const JP_MIN: u32 = 1;
pub const JP_MAX: u32 = 40;

/// Errors listed before a check stops: enough to fix a pack in one pass, and a bound on the
/// time a broken pack can cost.
pub const ERRORS: usize = 100;

/// Longest id.
pub const ID_CHARS: usize = 64;

/// Whether `id` has the form every id must have: 1 to 64 characters, lowercase ASCII letters,
/// digits and `-`, not starting with `-`. No separators, no dots, so an id used in a file name
/// can never leave its folder.
pub fn is_valid_id(id: &str) -> bool {
    let bytes = id.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= ID_CHARS
        && bytes[0] != b'-'
        && bytes
            .iter()
            .all(|&b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The size cap of the file at `path` (relative to the content root, `/`-separated), or `None`
/// for a file the format does not name (it is never read).
pub fn file_cap(path: &str) -> Option<u64> {
    let parts: Vec<&str> = path.split('/').collect();
    match parts.as_slice() {
        ["pack.ron"] => Some(PACK_FILE_BYTES),
        ["pack.sig"] => Some(SIGNATURE_FILE_BYTES),
        ["instruments.ron"] => Some(INSTRUMENTS_BYTES),
        [_, "module.ron"] => Some(MODULE_BYTES),
        [_, "questions.ron"] => Some(QUESTIONS_BYTES),
        [_, _, "module.ron"] => Some(MODULE_TEXT_BYTES),
        [_, _, "questions.ron"] => Some(QUESTIONS_TEXT_BYTES),
        [_, _, name] if name.ends_with(".md") => Some(LESSON_BYTES),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        for good in ["asn", "asn-l1", "uu-20-2023", "a", "0x", &"a".repeat(64)] {
            assert!(is_valid_id(good), "{good}");
        }
        for bad in [
            "",
            "-a",
            "../etc",
            "a/b",
            "a\\b",
            "A",
            "a.b",
            "..",
            "a b",
            "é",
            &"a".repeat(65),
        ] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }

    #[test]
    fn caps_by_path() {
        assert_eq!(file_cap("lokal/id/lokal-l1.md"), Some(LESSON_BYTES));
        assert_eq!(file_cap("lokal/questions.ron"), Some(QUESTIONS_BYTES));
        assert_eq!(
            file_cap("lokal/en/questions.ron"),
            Some(QUESTIONS_TEXT_BYTES)
        );
        assert_eq!(file_cap("README.txt"), None);
        assert_eq!(file_cap("a/b/c/d.md"), None);
    }
}
