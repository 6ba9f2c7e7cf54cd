//! Content packs tried as an attacker would, through the library (the command line is in
//! `packs_cli.rs`), on real folders in temporary directories: nothing outside a pack is read,
//! nothing unbounded is read, an install is all or nothing, and a pack is checked once.

// Links, FIFOs and devices are Unix cases; elsewhere their helpers go unused.
#![cfg_attr(not(unix), allow(unused_imports, unused_mut, dead_code))]

#[path = "harness/files.rs"]
mod files;
#[path = "harness/pack.rs"]
mod pack;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use files::copy_dir;
use latih_asn::content::{
    self, ContentError, ContentErrorKind as K, Counted, Field, FileType, Markup, ModuleSource,
    PackError, Trust, limits,
};
use pack::{Spec, write_pack};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/pack-valid");

/// A copy of the fixture pack as `<tmp>/<name>`, and the data folder's `packs/`.
struct Setup {
    _tmp: tempfile::TempDir,
    source: PathBuf,
    packs: PathBuf,
    outside: PathBuf,
}

fn setup(name: &str) -> Setup {
    let tmp = tempfile::tempdir().unwrap();
    let source = tmp.path().join("usb").join(name);
    copy_dir(Path::new(FIXTURE), &source);
    let data = tmp.path().join("data");
    let packs = latih_asn::records::Store::open(&data).unwrap().packs_dir();
    // A secret outside the pack, as /etc/shadow would be.
    let outside = tmp.path().join("rahasia");
    fs::create_dir_all(&outside).unwrap();
    fs::write(outside.join("shadow.md"), "## RAHASIA-NEGARA\n\nroot:x:0:0").unwrap();
    Setup {
        _tmp: tmp,
        source,
        packs,
        outside,
    }
}

fn invalid(result: Result<content::InstalledPack, PackError>) -> Vec<ContentError> {
    match result {
        Err(PackError::Invalid(errors)) => errors,
        other => panic!("expected the pack to be refused as invalid, got {other:?}"),
    }
}

/// Nothing in the data folder: no pack, no staging leftovers, no copied byte of the secret.
fn assert_nothing_installed(setup: &Setup) {
    let visible: Vec<_> = fs::read_dir(&setup.packs)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| !name.starts_with('.'))
        .collect();
    assert!(visible.is_empty(), "installed: {visible:?}");
    assert!(
        !contains_text(&setup.packs, "RAHASIA"),
        "the secret was copied"
    );
    let (catalog, refused) = content::load_with_packs(&setup.packs).unwrap();
    assert_eq!(catalog.modules.len(), 4);
    assert!(refused.is_empty());
}

fn contains_text(dir: &Path, needle: &str) -> bool {
    let Ok(entries) = fs::read_dir(dir) else {
        return false;
    };
    entries.flatten().any(|entry| {
        let path = entry.path();
        match fs::symlink_metadata(&path) {
            Ok(meta) if meta.is_dir() => contains_text(&path, needle),
            Ok(meta) if meta.is_file() => {
                fs::read(&path).is_ok_and(|bytes| String::from_utf8_lossy(&bytes).contains(needle))
            }
            _ => false,
        }
    })
}

fn replace_in(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from:?} not in {}", path.display());
    fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// Runs `job` on another thread and fails the test if it takes longer than `limit` (a FIFO
/// opened for reading would block forever).
fn within<T: Send + 'static>(limit: Duration, job: impl FnOnce() -> T + Send + 'static) -> T {
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = sender.send(job());
    });
    receiver
        .recv_timeout(limit)
        .expect("the check hung (did it open a FIFO?)")
}

#[test]
fn a_valid_pack_installs_and_its_modules_say_where_they_came_from() {
    let setup = setup("paket-daerah");
    let installed = content::install_pack(&setup.source, &setup.packs, true).unwrap();
    assert_eq!(installed.info.id, "paket-daerah");
    assert_eq!(installed.modules, ["lokal"]);
    assert!(setup.packs.join("paket-daerah/.checked.ron").is_file());
    let (catalog, refused) = content::load_with_packs(&setup.packs).unwrap();
    assert!(refused.is_empty(), "{refused:?}");
    let module = catalog.module("lokal").unwrap();
    assert_eq!(
        module.source(),
        &ModuleSource::Pack {
            id: "paket-daerah".into(),
            version: None,
            hash: installed.hash.clone(),
        }
    );
    assert_eq!(installed.hash.len(), 64);
    assert_eq!(
        catalog.module("asn").unwrap().source(),
        &ModuleSource::Embedded {
            app_version: env!("CARGO_PKG_VERSION").into()
        }
    );
    assert_eq!(catalog.packs.len(), 1);
    assert!(catalog.packs[0].enabled);
}

#[cfg(unix)]
#[test]
fn a_lesson_linked_out_of_the_pack_is_refused_and_never_copied() {
    let setup = setup("paket-daerah");
    let lesson = setup.source.join("lokal/id/lokal-l1.md");
    fs::remove_file(&lesson).unwrap();
    std::os::unix::fs::symlink(setup.outside.join("shadow.md"), &lesson).unwrap();
    let errors = invalid(content::install_pack(&setup.source, &setup.packs, true));
    assert!(
        errors
            .iter()
            .any(|e| e.file == "lokal/id/lokal-l1.md" && e.kind == K::NotAFile(FileType::Symlink)),
        "{errors:?}"
    );
    assert_nothing_installed(&setup);

    // A linked folder is refused the same way, by name.
    let setup = setup_with_linked_folder();
    let errors = invalid(content::install_pack(&setup.source, &setup.packs, true));
    assert!(
        errors
            .iter()
            .any(|e| e.file == "lokal/en" && e.kind == K::NotAFile(FileType::Symlink)),
        "{errors:?}"
    );
    assert_nothing_installed(&setup);
}

#[cfg(unix)]
fn setup_with_linked_folder() -> Setup {
    let setup = setup("paket-daerah");
    let en = setup.source.join("lokal/en");
    let elsewhere = setup.outside.join("en");
    copy_dir(&en, &elsewhere);
    fs::write(elsewhere.join("lokal-l1.md"), "## RAHASIA-NEGARA").unwrap();
    fs::remove_dir_all(&en).unwrap();
    std::os::unix::fs::symlink(&elsewhere, &en).unwrap();
    setup
}

#[cfg(unix)]
#[test]
fn a_file_swapped_for_a_link_after_install_sets_the_pack_aside() {
    let setup = setup("paket-daerah");
    content::install_pack(&setup.source, &setup.packs, true).unwrap();
    let lesson = setup.packs.join("paket-daerah/lokal/id/lokal-l1.md");
    fs::remove_file(&lesson).unwrap();
    std::os::unix::fs::symlink(setup.outside.join("shadow.md"), &lesson).unwrap();
    let (catalog, refused) = content::load_with_packs(&setup.packs).unwrap();
    assert!(catalog.module("lokal").is_none());
    assert_eq!(refused.len(), 1);
    assert!(
        refused[0]
            .errors
            .iter()
            .any(|e| e.kind == K::NotAFile(FileType::Symlink)),
        "{:?}",
        refused[0].errors
    );
    let aside = refused[0].set_aside.clone().expect("moved aside");
    assert!(aside.starts_with(setup.packs.join(".set-aside")));
    assert!(!setup.packs.join("paket-daerah").exists());
    // Set aside once: the next start neither loads nor checks it again.
    let (catalog, refused) = content::load_with_packs(&setup.packs).unwrap();
    assert!(refused.is_empty());
    assert_eq!(catalog.modules.len(), 4);
}

#[test]
fn ids_that_could_leave_the_pack_are_refused_before_any_file_is_read() {
    let setup = setup("paket-daerah");
    let module = setup.source.join("lokal/module.ron");
    // `lokal/id/../../../rahasia/shadow.md` is the secret, outside the pack.
    let evil = "../../../rahasia/shadow";
    replace_in(&module, "id: \"lokal-l1\"", &format!("id: \"{evil}\""));
    replace_in(
        &setup.source.join("lokal/questions.ron"),
        "lesson: \"lokal-l1\"",
        &format!("lesson: \"{evil}\""),
    );
    for lang in ["id", "en"] {
        replace_in(
            &setup.source.join("lokal").join(lang).join("module.ron"),
            "\"lokal-l1\":",
            &format!("\"{evil}\":"),
        );
    }
    let errors = invalid(content::install_pack(&setup.source, &setup.packs, true));
    assert!(
        errors.iter().any(|e| e.file == "lokal/module.ron"
            && e.kind
                == K::InvalidId {
                    what: Counted::Lessons,
                    id: evil.into()
                }),
        "{errors:?}"
    );
    assert!(
        !errors.iter().any(|e| e.file.contains("..")),
        "a path with .. was tried: {errors:?}"
    );
    assert_nothing_installed(&setup);

    // Question and objective ids, and a module id that is not its folder.
    let setup = self::setup("paket-daerah");
    replace_in(
        &setup.source.join("lokal/module.ron"),
        "id: \"lokal\"",
        "id: \"../lokal\"",
    );
    let errors = invalid(content::install_pack(&setup.source, &setup.packs, true));
    assert!(
        errors
            .iter()
            .any(|e| matches!(&e.kind, K::FolderMismatch { id, .. } if id == "../lokal")),
        "{errors:?}"
    );
    let setup = self::setup("paket-daerah");
    for file in ["questions.ron", "id/questions.ron", "en/questions.ron"] {
        replace_in(
            &setup.source.join("lokal").join(file),
            "\"lokal-q01\"",
            "\"lokal/q01\"",
        );
    }
    let errors = invalid(content::install_pack(&setup.source, &setup.packs, true));
    assert!(
        errors.iter().any(|e| e.kind
            == K::InvalidId {
                what: Counted::Questions,
                id: "lokal/q01".into()
            }),
        "{errors:?}"
    );
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
}

#[cfg(unix)]
#[test]
fn a_fifo_in_a_pack_is_refused_without_hanging() {
    let setup = setup("paket-daerah");
    let lesson = setup.source.join("lokal/id/lokal-l1.md");
    fs::remove_file(&lesson).unwrap();
    mkfifo(&lesson);
    let (source, packs) = (setup.source.clone(), setup.packs.clone());
    let result = within(Duration::from_secs(20), move || {
        content::install_pack(&source, &packs, true)
    });
    let errors = invalid(result);
    assert!(
        errors
            .iter()
            .any(|e| e.file == "lokal/id/lokal-l1.md" && e.kind == K::NotAFile(FileType::Fifo)),
        "{errors:?}"
    );
    assert_nothing_installed(&setup);

    // One that no rule names is refused too: the pack is not what it claims to be.
    let setup = self::setup("paket-daerah");
    mkfifo(&setup.source.join("lokal/catatan"));
    let (source, packs) = (setup.source.clone(), setup.packs.clone());
    let errors = invalid(within(Duration::from_secs(20), move || {
        content::install_pack(&source, &packs, true)
    }));
    assert!(
        errors
            .iter()
            .any(|e| e.file == "lokal/catatan" && e.kind == K::NotAFile(FileType::Fifo)),
        "{errors:?}"
    );
}

#[cfg(unix)]
#[test]
fn a_link_to_an_endless_device_is_refused_without_reading_it() {
    let setup = setup("paket-daerah");
    let lesson = setup.source.join("lokal/en/lokal-l1.md");
    fs::remove_file(&lesson).unwrap();
    std::os::unix::fs::symlink("/dev/zero", &lesson).unwrap();
    let (source, packs) = (setup.source.clone(), setup.packs.clone());
    let errors = invalid(within(Duration::from_secs(20), move || {
        content::install_pack(&source, &packs, true)
    }));
    assert!(
        errors
            .iter()
            .any(|e| e.file == "lokal/en/lokal-l1.md" && e.kind == K::NotAFile(FileType::Symlink)),
        "{errors:?}"
    );
}

#[test]
fn a_huge_sparse_file_is_refused_without_being_read() {
    let setup = setup("paket-daerah");
    // 200 MB (a few KB on disk): reading it would take seconds and 200 MB of memory.
    let lesson = setup.source.join("lokal/id/lokal-l1.md");
    fs::File::create(&lesson)
        .unwrap()
        .set_len(200 * 1024 * 1024)
        .unwrap();
    let questions = setup.source.join("lokal/questions.ron");
    fs::OpenOptions::new()
        .write(true)
        .open(&questions)
        .unwrap()
        .set_len(10 * 1024 * 1024 * 1024)
        .unwrap();
    let (source, packs) = (setup.source.clone(), setup.packs.clone());
    let errors = invalid(within(Duration::from_secs(20), move || {
        content::install_pack(&source, &packs, true)
    }));
    assert!(
        errors.iter().any(|e| e.file == "lokal/questions.ron"
            && e.kind
                == K::TooLarge {
                    limit: limits::QUESTIONS_BYTES
                }),
        "{errors:?}"
    );
    assert_nothing_installed(&setup);

    let setup = self::setup("paket-daerah");
    let lesson = setup.source.join("lokal/id/lokal-l1.md");
    fs::File::create(&lesson)
        .unwrap()
        .set_len(200 * 1024 * 1024)
        .unwrap();
    let errors = invalid(content::install_pack(&setup.source, &setup.packs, true));
    assert!(
        errors.iter().any(|e| e.file == "lokal/id/lokal-l1.md"
            && e.kind
                == K::TooLarge {
                    limit: limits::LESSON_BYTES
                }),
        "{errors:?}"
    );
}

#[test]
fn the_whole_pack_has_a_size_cap_even_when_each_file_is_under_its_own() {
    let tmp = tempfile::tempdir().unwrap();
    let source = tmp.path().join("besar");
    let mut spec = Spec::at_caps("besar");
    spec.lesson_bytes = limits::LESSON_BYTES as usize - 16;
    write_pack(&source, &spec);
    let packs = tmp.path().join("data/packs");
    let errors = invalid(content::install_pack(&source, &packs, true));
    assert!(
        errors.iter().any(|e| e.kind
            == K::PackTooLarge {
                limit: limits::PACK_BYTES
            }),
        "{errors:?}"
    );
}

#[test]
fn a_pack_at_the_caps_is_accepted_and_one_past_them_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let source = tmp.path().join("penuh");
    write_pack(&source, &Spec::at_caps("penuh"));
    let size = pack::tree_bytes(&source);
    assert!(
        size > limits::PACK_BYTES * 9 / 10 && size <= limits::PACK_BYTES,
        "the generated pack is {size} bytes"
    );
    let packs = tmp.path().join("data/packs");
    let installed = content::install_pack(&source, &packs, true).unwrap();
    assert_eq!(installed.modules, ["penuh"]);

    let source = tmp.path().join("terlalu");
    let mut spec = Spec::small("terlalu");
    spec.questions = limits::QUESTIONS + 1;
    write_pack(&source, &spec);
    let errors = invalid(content::install_pack(&source, &packs, true));
    assert_eq!(
        errors,
        [ContentError::new(
            "terlalu/questions.ron",
            None,
            K::TooMany {
                what: Counted::Questions,
                found: limits::QUESTIONS + 1,
                limit: limits::QUESTIONS
            }
        )]
    );
}

#[test]
fn all_installed_packs_together_have_a_size_cap() {
    let tmp = tempfile::tempdir().unwrap();
    let packs = tmp.path().join("data/packs");
    let spec = |module: &str| Spec {
        lessons: 20,
        questions: 200,
        lesson_bytes: 20 * 1024,
        text_chars: 330,
        module: module.to_owned(),
    };
    for name in ["dua", "satu"] {
        write_pack(&tmp.path().join(name), &spec(name));
        let size = pack::tree_bytes(&tmp.path().join(name));
        assert!(size > limits::INSTALLED_BYTES / 2 && size < limits::PACK_BYTES);
    }
    let first = content::install_pack(&tmp.path().join("satu"), &packs, true).unwrap();
    let errors = invalid(content::install_pack(&tmp.path().join("dua"), &packs, true));
    assert_eq!(
        errors,
        [ContentError::new(
            "pack.ron",
            None,
            K::InstalledTooLarge {
                installed: first.bytes,
                limit: limits::INSTALLED_BYTES
            }
        )]
    );
    content::remove_pack(&packs, "satu").unwrap();
    content::install_pack(&tmp.path().join("dua"), &packs, true).unwrap();

    // Copied in by hand past the cap: the pack past it waits, untouched, and is named.
    copy_dir(&tmp.path().join("satu"), &packs.join("satu"));
    let (catalog, refused) = content::load_with_packs(&packs).unwrap();
    assert!(catalog.module("dua").is_some() && catalog.module("satu").is_none());
    assert_eq!(refused.len(), 1);
    assert_eq!(refused[0].name, "satu");
    assert!(matches!(
        refused[0].errors[0].kind,
        K::InstalledTooLarge { .. }
    ));
    assert!(refused[0].set_aside.is_none() && packs.join("satu").is_dir());
}

#[test]
fn a_badly_broken_pack_stops_at_the_error_cap() {
    let tmp = tempfile::tempdir().unwrap();
    let source = tmp.path().join("rusak");
    write_pack(&source, &Spec::at_caps("rusak"));
    // Every question points at a lesson that does not exist: 500 errors and more.
    let path = source.join("rusak/questions.ron");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        text.replace("lesson: \"rusak-l", "lesson: \"rusak-x"),
    )
    .unwrap();
    let errors = content::check_content(&content::DirFiles::new(&source), "rusak").unwrap_err();
    assert_eq!(errors.len(), limits::ERRORS + 1);
    assert_eq!(
        errors.last().unwrap().kind,
        K::TooManyErrors(limits::ERRORS)
    );
}

#[test]
fn ranges_are_enforced() {
    let cases: [(&str, &str, Field, u64); 4] = [
        ("pass_mark: 80", "pass_mark: 0", Field::PassMark, 0),
        ("pass_mark: 80", "pass_mark: 101", Field::PassMark, 101),
        ("quiz_size: 2", "quiz_size: 3", Field::QuizSize, 3),
        ("minutes: 5", "minutes: 0", Field::Minutes, 0),
    ];
    for (from, to, field, value) in cases {
        let setup = setup("paket-daerah");
        replace_in(&setup.source.join("lokal/module.ron"), from, to);
        let errors = invalid(content::install_pack(&setup.source, &setup.packs, true));
        assert!(
            errors.iter().any(|e| e.file == "lokal/module.ron"
                && matches!(e.kind, K::OutOfRange { field: f, value: v, .. } if f == field && v == value)),
            "{to}: {errors:?}"
        );
        assert_nothing_installed(&setup);
    }
    let setup = setup("paket-daerah");
    replace_in(
        &setup.source.join("lokal/module.ron"),
        "pass_mark: 80",
        "pass_mark: 0",
    );
    let errors = invalid(content::install_pack(&setup.source, &setup.packs, true));
    assert_eq!(
        errors[0].message(latih_asn::lang::Lang::Id),
        "lokal/module.ron:5: lokal: nilai lulus (pass_mark) bernilai 0; yang diizinkan 50 sampai 100"
    );
}

#[test]
fn a_byte_order_mark_is_accepted_and_stripped() {
    let setup = setup("paket-daerah");
    for file in [
        "module.ron",
        "questions.ron",
        "id/module.ron",
        "id/questions.ron",
        "en/module.ron",
        "en/questions.ron",
        "id/lokal-l1.md",
        "en/lokal-l1.md",
    ] {
        let path = setup.source.join("lokal").join(file);
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend(fs::read(&path).unwrap());
        fs::write(&path, bytes).unwrap();
    }
    content::install_pack(&setup.source, &setup.packs, true).unwrap();
    let (catalog, _) = content::load_with_packs(&setup.packs).unwrap();
    let lesson = &catalog.module("lokal").unwrap().lessons[0];
    assert!(
        lesson.body.id.starts_with("## Kewajiban"),
        "{:?}",
        lesson.body.id
    );
    // The installed copy is the bytes that were checked, mark included.
    let copied = fs::read(setup.packs.join("paket-daerah/lokal/id/lokal-l1.md")).unwrap();
    assert!(copied.starts_with(b"\xEF\xBB\xBF## Kewajiban"));
}

#[test]
fn links_images_and_html_in_lessons_are_refused() {
    for (body, markup) in [
        ("Lihat [laman ini](http://contoh.id).", Markup::Link),
        ("![logo](logo.png)", Markup::Image),
        ("<iframe src=\"x\"></iframe>", Markup::Html),
    ] {
        let setup = setup("paket-daerah");
        let lesson = setup.source.join("lokal/en/lokal-l1.md");
        let text = fs::read_to_string(&lesson).unwrap();
        fs::write(&lesson, format!("{text}\n\n{body}\n")).unwrap();
        let errors = invalid(content::install_pack(&setup.source, &setup.packs, true));
        assert!(
            errors.iter().any(|e| e.file == "lokal/en/lokal-l1.md"
                && matches!(e.kind, K::Markup { markup: m, .. } if m == markup)),
            "{body}: {errors:?}"
        );
    }
}

#[test]
fn a_pack_cannot_take_an_app_module_or_redefine_an_instrument() {
    let setup = setup("paket-daerah");
    fs::rename(setup.source.join("lokal"), setup.source.join("asn")).unwrap();
    replace_in(
        &setup.source.join("asn/module.ron"),
        "id: \"lokal\"",
        "id: \"asn\"",
    );
    let errors = invalid(content::install_pack(&setup.source, &setup.packs, true));
    assert!(
        errors.iter().any(|e| e.kind
            == K::Conflict {
                what: Counted::Modules,
                id: "asn".into(),
                by: None
            }),
        "{errors:?}"
    );

    let setup = self::setup("paket-daerah");
    fs::write(
        setup.source.join("instruments.ron"),
        "(version: 1, instruments: [(id: \"uu-20-2023\", kind: Law, short: {\"id\": \"UU Palsu\", \"en\": \"Fake\"}, title: {\"id\": \"UU Palsu\", \"en\": \"Fake\"})])",
    )
    .unwrap();
    let errors = invalid(content::install_pack(&setup.source, &setup.packs, true));
    assert!(
        errors.iter().any(|e| e.kind
            == K::Conflict {
                what: Counted::Instruments,
                id: "uu-20-2023".into(),
                by: None
            }),
        "{errors:?}"
    );
}

#[test]
fn two_installs_at_once_one_wins_the_other_is_told() {
    let setup = setup("paket-daerah");
    let second = setup.source.with_file_name("salinan");
    copy_dir(&setup.source, &second);
    fs::write(
        second.join("pack.ron"),
        "(version: 1, id: \"paket-daerah-2\", name: \"Salinan\")",
    )
    .unwrap();
    let barrier = std::sync::Barrier::new(2);
    let results: Vec<Result<content::InstalledPack, PackError>> = std::thread::scope(|scope| {
        let handles: Vec<_> = [&setup.source, &second]
            .into_iter()
            .map(|source| {
                let (barrier, packs) = (&barrier, &setup.packs);
                scope.spawn(move || {
                    barrier.wait();
                    // Slow writes keep the first install running while the second starts.
                    content::install_pack_with(source, packs, true, &mut |_| {
                        std::thread::sleep(Duration::from_millis(100));
                    })
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let ok = results.iter().filter(|r| r.is_ok()).count();
    let busy = results
        .iter()
        .filter(|r| matches!(r, Err(PackError::Busy)))
        .count();
    assert_eq!((ok, busy), (1, 1), "{results:?}");
    // The same module under another pack id is refused once the first has finished.
    let retry = content::install_pack(&second, &setup.packs, true);
    let first_id = results.iter().find_map(|r| r.as_ref().ok()).unwrap();
    if first_id.info.id == "paket-daerah" {
        let errors = invalid(retry);
        assert!(
            errors.iter().any(|e| e.kind
                == K::Conflict {
                    what: Counted::Modules,
                    id: "lokal".into(),
                    by: Some("paket-daerah".into())
                }),
            "{errors:?}"
        );
    } else {
        invalid(retry);
    }
    let (catalog, refused) = content::load_with_packs(&setup.packs).unwrap();
    assert!(refused.is_empty());
    assert_eq!(catalog.modules.len(), 5);
}

#[test]
fn a_pack_is_checked_once_and_set_aside_when_it_changes() {
    let setup = setup("paket-daerah");
    content::install_pack(&setup.source, &setup.packs, true).unwrap();
    let record = setup.packs.join("paket-daerah/.checked.ron");
    let recorded = fs::read(&record).unwrap();
    // Loading by the record rewrites nothing.
    for _ in 0..2 {
        let (catalog, refused) = content::load_with_packs(&setup.packs).unwrap();
        assert!(refused.is_empty());
        assert!(catalog.module("lokal").is_some());
        assert_eq!(fs::read(&record).unwrap(), recorded);
    }
    // A record from another app version: checked in full once, then recorded again.
    let text = String::from_utf8(recorded.clone()).unwrap();
    let old = text.replace(
        &format!("app_version: \"{}\"", env!("CARGO_PKG_VERSION")),
        "app_version: \"0.0.1\"",
    );
    assert_ne!(old, text);
    fs::write(&record, &old).unwrap();
    let (catalog, refused) = content::load_with_packs(&setup.packs).unwrap();
    assert!(refused.is_empty() && catalog.module("lokal").is_some());
    let rewritten = fs::read_to_string(&record).unwrap();
    assert!(rewritten.contains(env!("CARGO_PKG_VERSION")));

    // Edited after install (even to something valid): set aside with the file named.
    let lesson = setup.packs.join("paket-daerah/lokal/id/lokal-l1.md");
    let text = fs::read_to_string(&lesson).unwrap();
    fs::write(&lesson, text.replace("netralitas", "NETRALITAS")).unwrap();
    let (catalog, refused) = content::load_with_packs(&setup.packs).unwrap();
    assert!(catalog.module("lokal").is_none());
    assert_eq!(refused.len(), 1);
    assert_eq!(
        refused[0].errors,
        [ContentError::new(
            "lokal/id/lokal-l1.md",
            None,
            K::ChangedSinceCheck
        )]
    );
    assert!(refused[0].set_aside.is_some());
    assert!(
        refused[0]
            .notice(latih_asn::lang::Lang::Id)
            .contains("disisihkan")
    );
    // Reinstalling the real pack works (nothing of the old one is in the way).
    content::install_pack(&setup.source, &setup.packs, true).unwrap();
    let (catalog, refused) = content::load_with_packs(&setup.packs).unwrap();
    assert!(refused.is_empty() && catalog.module("lokal").is_some());
}

#[test]
fn a_pack_copied_by_hand_is_checked_in_full_once_and_recorded() {
    let setup = setup("paket-daerah");
    copy_dir(&setup.source, &setup.packs.join("paket-daerah"));
    let (catalog, refused) = content::load_with_packs(&setup.packs).unwrap();
    assert!(refused.is_empty() && catalog.module("lokal").is_some());
    let record = setup.packs.join("paket-daerah/.checked.ron");
    assert!(record.is_file());
    assert_eq!(catalog.packs[0].trust, Trust::Unsigned);
}

#[test]
fn leftovers_of_a_killed_install_are_never_loaded_and_are_cleaned() {
    let setup = setup("paket-daerah");
    // What a kill mid-copy leaves: a partial copy in staging, and one in the old place.
    let staging = setup.packs.join(".staging/0123abcd");
    copy_dir(&setup.source, &staging);
    fs::remove_file(staging.join("lokal/en/lokal-l1.md")).unwrap();
    let old = setup.packs.join(".incoming-0123abcd");
    copy_dir(&setup.source, &old);
    let (catalog, refused) = content::load_with_packs(&setup.packs).unwrap();
    assert!(refused.is_empty(), "{refused:?}");
    assert!(catalog.module("lokal").is_none());
    assert!(!staging.exists() && !old.exists());
    // And the real install goes through.
    content::install_pack(&setup.source, &setup.packs, true).unwrap();
}

#[test]
fn an_unsigned_pack_waits_for_confirmation_and_a_trusted_one_does_not() {
    let setup = setup("paket-daerah");
    match content::install_pack(&setup.source, &setup.packs, false) {
        Err(PackError::NeedsConfirmation(pack)) => {
            assert_eq!(pack.trust, Trust::Unsigned);
            assert_eq!(pack.info.id, "paket-daerah");
        }
        other => panic!("{other:?}"),
    }
    assert!(!setup.packs.join("paket-daerah").exists());

    // Signed, and the key trusted here: installs without asking.
    let key = content::PublisherKey::generate();
    let files = content::DirFiles::new(&setup.source);
    let checked = content::check_content(&files, "paket-daerah").unwrap();
    sign(&setup.source, &key, &checked.hash);
    content::trust_publisher(&setup.packs, "BKD Provinsi Lampung", &key.public_hex()).unwrap();
    let installed = content::install_pack(&setup.source, &setup.packs, false).unwrap();
    assert!(matches!(
        installed.trust,
        Trust::Trusted { ref publisher, .. } if publisher == "BKD Provinsi Lampung"
    ));
    // The signature is not part of what is copied or hashed.
    assert!(!setup.packs.join("paket-daerah/pack.sig").exists());
    assert_eq!(installed.hash, checked.hash);
}

#[test]
fn a_signature_that_does_not_match_is_refused_even_when_confirmed() {
    let setup = setup("paket-daerah");
    let key = content::PublisherKey::generate();
    let checked =
        content::check_content(&content::DirFiles::new(&setup.source), "paket-daerah").unwrap();
    sign(&setup.source, &key, &checked.hash);
    content::trust_publisher(&setup.packs, "BKD", &key.public_hex()).unwrap();
    replace_in(
        &setup.source.join("lokal/module.ron"),
        "pass_mark: 80",
        "pass_mark: 50",
    );
    let errors = invalid(content::install_pack(&setup.source, &setup.packs, true));
    assert!(
        errors
            .iter()
            .any(|e| e.file == "pack.sig" && matches!(e.kind, K::BadSignature(_))),
        "{errors:?}"
    );
}

/// Signs the pack at `dir` as `content sign` does (the CLI test goes through the binary).
fn sign(dir: &Path, key: &content::PublisherKey, hash: &str) {
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_latih-asn"))
        .args(["content", "sign"])
        .arg(dir)
        .arg("--key")
        .arg({
            let file = dir.with_file_name(format!("kunci-{}", &hash[..8]));
            fs::write(&file, key.to_file_text()).unwrap();
            file
        })
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
}

#[test]
fn disable_enable_and_remove() {
    let setup = setup("paket-daerah");
    content::install_pack(&setup.source, &setup.packs, true).unwrap();
    content::set_enabled(&setup.packs, "paket-daerah", false).unwrap();
    let (catalog, _) = content::load_with_packs(&setup.packs).unwrap();
    assert!(catalog.module("lokal").is_none());
    assert_eq!(catalog.packs.len(), 1);
    assert!(!catalog.packs[0].enabled);
    content::set_enabled(&setup.packs, "paket-daerah", true).unwrap();
    let (catalog, _) = content::load_with_packs(&setup.packs).unwrap();
    assert!(catalog.module("lokal").is_some());
    content::remove_pack(&setup.packs, "paket-daerah").unwrap();
    let (catalog, _) = content::load_with_packs(&setup.packs).unwrap();
    assert!(catalog.module("lokal").is_none() && catalog.packs.is_empty());
    assert!(!setup.packs.join("paket-daerah").exists());
    // An id that tries to leave the packs folder names nothing.
    assert!(matches!(
        content::remove_pack(&setup.packs, "../data"),
        Err(PackError::NotInstalled(_))
    ));
    assert!(setup.packs.parent().unwrap().join("learners").is_dir());
}

#[test]
fn format_md_states_the_limits_in_force() {
    let format = fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/content/FORMAT.md"
    ))
    .unwrap();
    let kib = |bytes: u64| format!("{} KiB", bytes / 1024);
    let chars = |n: usize| format!("{n} characters");
    let rows = [
        ("`pack.ron`", kib(limits::PACK_FILE_BYTES)),
        ("`pack.sig`", kib(limits::SIGNATURE_FILE_BYTES)),
        ("`instruments.ron`", kib(limits::INSTRUMENTS_BYTES)),
        ("`<module>/module.ron`", kib(limits::MODULE_BYTES)),
        ("`<module>/questions.ron`", kib(limits::QUESTIONS_BYTES)),
        (
            "`<module>/<locale>/module.ron`",
            kib(limits::MODULE_TEXT_BYTES),
        ),
        (
            "`<module>/<locale>/questions.ron`",
            kib(limits::QUESTIONS_TEXT_BYTES),
        ),
        (
            "a lesson body `<module>/<locale>/<lesson-id>.md`",
            kib(limits::LESSON_BYTES),
        ),
        ("all files of a pack together", kib(limits::PACK_BYTES)),
        (
            "all installed packs together (on or off)",
            kib(limits::INSTALLED_BYTES),
        ),
        ("files and folders in a pack", limits::ENTRIES.to_string()),
        ("folder depth below the pack", limits::DEPTH.to_string()),
        ("packs installed", limits::PACKS.to_string()),
        ("modules in a pack", limits::MODULES.to_string()),
        ("lessons in a module", limits::LESSONS.to_string()),
        (
            "learning objectives in a module",
            limits::OBJECTIVES.to_string(),
        ),
        ("questions in a module", limits::QUESTIONS.to_string()),
        ("options in a question", limits::OPTIONS.to_string()),
        (
            "citations on a lesson or question",
            limits::CITATIONS.to_string(),
        ),
        ("key points in a lesson", limits::KEY_POINTS.to_string()),
        (
            "instruments declared by a pack",
            limits::INSTRUMENTS.to_string(),
        ),
        (
            "title (module, lesson, pack name)",
            chars(limits::TITLE_CHARS),
        ),
        ("module summary", chars(limits::SUMMARY_CHARS)),
        ("objective text", chars(limits::OBJECTIVE_CHARS)),
        ("key point", chars(limits::KEY_POINT_CHARS)),
        ("question stem", chars(limits::STEM_CHARS)),
        ("option text", chars(limits::OPTION_CHARS)),
        ("option's reason (`why`)", chars(limits::WHY_CHARS)),
        ("explanation", chars(limits::EXPLANATION_CHARS)),
        (
            "citation part (`pasal`, `ayat`, `huruf`, `angka`), pack version",
            chars(limits::SHORT_CHARS),
        ),
        (
            "errors listed before a check stops",
            limits::ERRORS.to_string(),
        ),
    ];
    for (what, limit) in rows {
        let row = format!("| {what} | {limit} |");
        assert!(format.contains(&row), "FORMAT.md lacks {row}");
    }
    assert!(format.contains(&format!(
        "percent needed to pass the final test: {} to {}",
        limits::PASS_MARK_MIN,
        limits::PASS_MARK_MAX
    )));
    assert!(format.contains(&format!(
        "reading time: {} to {}",
        limits::MINUTES_MIN,
        limits::MINUTES_MAX
    )));
}
