//! The trainer's session clicked and typed through in the simulator: the Pelatih area behind the
//! PIN, a new session, attendance marked from the keyboard (from HR's roster), the hot-seat
//! pre-test and post-test for two people, everything still there after a restart; and a test
//! taken at a participant's own PC with the session code, whose records the trainer imports
//! (a file from another session refused).

#[path = "harness/app.rs"]
mod harness;
#[path = "harness/keyboard.rs"]
mod keyboard;

use std::path::Path;

use chrono::{NaiveDate, Utc};
use iced::keyboard::key::Named;

use harness::{assert_shows, click, open, send, shows, shows_containing, type_into};
use keyboard::Keyboard;
use latih_asn::app::{App, Message, Screen};
use latih_asn::content::Form;
use latih_asn::hr::roster::{self, Roster};
use latih_asn::lang::Lang;
use latih_asn::records::Store;
use latih_asn::screen::learn::{join, profile};
use latih_asn::screen::pin;
use latih_asn::screen::settings as settings_screen;
use latih_asn::screen::trainer::desk::{self, Tab};
use latih_asn::training::code::DeskCode;
use latih_asn::training::{SessionDraft, TestPhase, sessions};

const PIN: &str = "246810";
const SITI: &str = "198507152010012003";
const BUDI: &str = "199001012015031001";
const WAYAN: &str = "197803102005012002";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

/// HR's roster on the trainer's laptop: the people the attendance field finds.
fn write_roster(dir: &Path, people: &[(String, String, String)]) {
    let mut csv = String::from("NIP;Nama;Unit Kerja\n");
    for (nip, name, unit) in people {
        csv.push_str(&format!("{nip};{name};{unit}\n"));
    }
    let parsed = roster::parse_bytes("pegawai.csv", csv.as_bytes(), today()).unwrap();
    assert!(parsed.bad.is_empty(), "{:?}", parsed.bad);
    let preview = roster::preview(&Roster::default(), &parsed);
    roster::apply(&Roster::default(), &preview, "pegawai.csv", Utc::now())
        .save(dir)
        .unwrap();
}

fn three() -> Vec<(String, String, String)> {
    vec![
        (SITI.into(), "Siti Aminah".into(), "Bagian Umum".into()),
        (
            BUDI.into(),
            "Budi Santoso".into(),
            "Dinas Pendidikan".into(),
        ),
        (WAYAN.into(), "Wayan Putra".into(), "Inspektorat".into()),
    ]
}

/// Settings → Area Pelatih → the PIN (set on first entry, typed after).
fn enter_trainer_area(kb: &mut Keyboard, first: bool) {
    kb.send(Message::SettingsPressed);
    kb.send(Message::Settings(settings_screen::Message::TrainerPressed));
    kb.send(Message::Pin(pin::Message::PinChanged(PIN.into())));
    if first {
        kb.send(Message::Pin(pin::Message::AgainChanged(PIN.into())));
    }
    kb.send(Message::Pin(pin::Message::Submitted));
    assert_shows(&kb.app, "Sesi pelatihan");
    assert_shows(&kb.app, "Area Pelatih");
}

fn trainer(app: &App) -> &desk::Desk {
    match app.screen() {
        Screen::Trainer(desk) => desk,
        _ => panic!("not in the trainer area"),
    }
}

fn t(message: desk::Message) -> Message {
    Message::Trainer(message)
}

fn create_session(kb: &mut Keyboard) {
    kb.send(t(desk::Message::NewPressed));
    assert_shows(&kb.app, "Sesi baru");
    // The title field has the focus: the trainer just types.
    kb.type_text("Sosialisasi netralitas ASN");
    kb.send(t(desk::Message::DraftPlace(
        "Aula Kantor Bupati Mesuji".into(),
    )));
    kb.send(t(desk::Message::DraftTrainer("Rina Wulandari".into())));
    kb.send(t(desk::Message::CreatePressed));
    // Nothing but the title yet on record? No: the form defaulted today's date, the first
    // module and 2 JP, so the session is created and opens on its attendance list.
    let session = trainer(&kb.app).session().expect("the new session is open");
    assert_eq!(session.title, "Sosialisasi netralitas ASN");
    assert_eq!(session.place, "Aula Kantor Bupati Mesuji");
    assert_shows(&kb.app, "Tandai hadir");
}

/// Answers every question of the running hot-seat test from the keyboard: an option (1 or 2)
/// then Enter, until the thank-you screen shows.
fn answer_all(kb: &mut Keyboard, name: &str, option: &str) {
    let thanks = format!("Terima kasih, {name}.");
    for _ in 0..200 {
        if shows(&kb.app, &thanks) {
            return;
        }
        kb.type_text(option);
        kb.tap(Named::Enter);
    }
    panic!("the test did not end");
}

#[test]
fn a_session_runs_from_attendance_to_hot_seat_tests_and_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    write_roster(dir.path(), &three());
    let mut kb = Keyboard::new(open(dir.path(), Lang::Id));
    enter_trainer_area(&mut kb, true);
    assert_shows(&kb.app, "Belum ada sesi di komputer ini.");
    create_session(&mut kb);

    // Attendance from the keyboard: part of a name or NIP, Enter. The field keeps the focus.
    kb.type_text("siti");
    kb.tap(Named::Enter);
    assert_shows(&kb.app, "Siti Aminah hadir (1 dari 1).");
    kb.type_text("budi san");
    kb.tap(Named::Enter);
    assert_shows(&kb.app, "Budi Santoso hadir (2 dari 2).");
    // Not on the roster: said so, nobody marked.
    kb.type_text("joko");
    kb.tap(Named::Enter);
    assert_shows(
        &kb.app,
        "Tidak ditemukan: \"joko\". Tambahkan peserta di bawah.",
    );
    let session = trainer(&kb.app).session().unwrap();
    assert_eq!(session.present_count(), 2);
    // Saved as the trainer goes: the file on disk has both marks.
    let on_disk = sessions::load(&Store::existing(dir.path()));
    assert_eq!(on_disk.sessions[0].present_count(), 2);
    let token = session.token.clone();

    // Presenter mode on the projector: the clicker's keys, then Escape back to the session.
    kb.send(t(desk::Message::PresentPressed));
    let Screen::Presenter(presenter, _) = kb.app.screen() else {
        panic!("presenter mode is on")
    };
    let slides = presenter.len();
    assert!(slides > 10);
    assert!(
        !shows(&kb.app, "Pengaturan"),
        "no app header on the projector"
    );
    for _ in 0..3 {
        kb.tap(Named::PageDown);
    }
    kb.tap(Named::Space);
    kb.tap(Named::PageUp);
    let Screen::Presenter(presenter, _) = kb.app.screen() else {
        panic!("still presenting")
    };
    assert_eq!(presenter.index(), 3);
    assert!(harness::shows_containing(&kb.app, &format!("4 / {slides}")));
    kb.tap(Named::End);
    let Screen::Presenter(presenter, _) = kb.app.screen() else {
        panic!("still presenting")
    };
    assert_eq!(presenter.index(), slides - 1);
    kb.tap(Named::Escape);
    assert_eq!(
        trainer(&kb.app).session().unwrap().present_count(),
        2,
        "back on the same session"
    );
    // The room quiz shows no question of the post-test's form.
    kb.send(t(desk::Message::RoomQuizPressed));
    let Screen::RoomQuiz(quiz, _) = kb.app.screen() else {
        panic!("the room quiz is on")
    };
    let catalog = latih_asn::content::load_embedded().unwrap();
    let tested = catalog.module(quiz.module()).unwrap();
    assert!(!quiz.questions().is_empty());
    assert!(
        quiz.questions()
            .iter()
            .all(|id| tested.question(id).unwrap().form != Form::B)
    );
    kb.tap(Named::Escape);
    assert!(matches!(kb.app.screen(), Screen::Trainer(_)));

    // The pre-test in the hot seat, for two people one after another.
    kb.send(t(desk::Message::TabPicked(Tab::Tests)));
    assert_shows(&kb.app, "0 peserta sudah mengerjakan (terdaftar 2).");
    assert_shows(&kb.app, "Mulai pre-test bergiliran di laptop ini");
    kb.send(t(desk::Message::HotSeatPressed(TestPhase::Pre)));
    assert_shows(&kb.app, "Pre-test bergiliran");
    kb.type_text(SITI);
    kb.tap(Named::Enter);
    assert_shows(&kb.app, "Siti Aminah");
    kb.tap(Named::Enter);
    // While a participant is in the test, the header offers no way into the trainer's app.
    assert!(!shows(&kb.app, "Pengaturan"));
    answer_all(&mut kb, "Siti Aminah", "1");
    assert!(shows_containing(&kb.app, "Jawaban Anda tersimpan. Nilai:"));
    // The next person starts from an empty field and sees nothing of Siti's test.
    kb.tap(Named::Enter);
    assert_shows(
        &kb.app,
        "Peserta berikutnya: ketik NIP atau nama Anda, lalu tekan Enter.",
    );
    assert!(!shows_containing(&kb.app, "Nilai:"));
    // Siti again is refused: one pre-test each.
    kb.type_text(SITI);
    kb.tap(Named::Enter);
    assert_shows(&kb.app, "Siti Aminah sudah mengerjakan tes ini.");
    kb.send(t(desk::Message::HotSeat(
        latih_asn::screen::trainer::hot_seat::Message::Typed(String::new()),
    )));
    kb.type_text("budi");
    kb.tap(Named::Enter);
    kb.tap(Named::Enter);
    answer_all(&mut kb, "Budi Santoso", "2");
    kb.tap(Named::Enter);
    // The first Escape leaves the focused field, the second the hot seat.
    kb.tap(Named::Escape);
    kb.tap(Named::Escape);
    assert_shows(&kb.app, "2 peserta sudah mengerjakan (terdaftar 2).");

    // The post-test, the same way.
    assert_shows(&kb.app, "Mulai post-test bergiliran di laptop ini");
    kb.send(t(desk::Message::HotSeatPressed(TestPhase::Post)));
    for (nip, name) in [(SITI, "Siti Aminah"), (BUDI, "Budi Santoso")] {
        kb.type_text(nip);
        kb.tap(Named::Enter);
        kb.tap(Named::Enter);
        answer_all(&mut kb, name, "1");
        kb.tap(Named::Enter);
    }
    kb.tap(Named::Escape);
    kb.tap(Named::Escape);

    // On disk: four signed attempts carrying the session and their test, drawn from the forms
    // the session set (pre A, post B).
    let store = Store::existing(dir.path());
    let loaded = store.load();
    let module = catalog
        .module(&trainer(&kb.app).session().unwrap().modules[0])
        .unwrap();
    let tagged: Vec<_> = loaded
        .attempts
        .iter()
        .filter(|a| a.session.as_ref().is_some_and(|s| s.token == token))
        .collect();
    assert_eq!(tagged.len(), 4);
    for attempt in &tagged {
        assert!(attempt.signature.is_some());
        let phase = attempt.session.as_ref().unwrap().phase;
        let form = if phase == TestPhase::Pre {
            Form::A
        } else {
            Form::B
        };
        for answer in &attempt.answers {
            assert_eq!(module.question(&answer.question).unwrap().form, form);
        }
    }
    // Two profiles were made for the participants, one each, with their NIP and unit, kept
    // off this laptop's own profile list.
    assert_eq!(loaded.learners.len(), 2);
    assert!(loaded.learners.iter().any(|l| l.unit == "Dinas Pendidikan"));
    assert!(
        loaded
            .learners
            .iter()
            .all(|l| loaded.settings.hidden_learners.contains(&l.id))
    );

    // The report: on screen, and as PDF and CSV with the same numbers as the records.
    kb.send(t(desk::Message::TabPicked(Tab::Report)));
    assert_shows(&kb.app, "Kehadiran");
    assert_shows(&kb.app, "Peserta terdaftar: 2 orang; hadir: 2 orang.");
    let score = |nip: &str, phase: TestPhase| {
        tagged
            .iter()
            .find(|a| {
                a.session.as_ref().unwrap().phase == phase
                    && a.taken_by.as_ref().unwrap().nip.as_ref().unwrap().as_str() == nip
            })
            .unwrap()
            .score
            .percent()
    };
    let pre_mean =
        (f64::from(score(SITI, TestPhase::Pre)) + f64::from(score(BUDI, TestPhase::Pre))) / 2.0;
    let pre_text = format!("{pre_mean:.1}").replace('.', ",");
    assert!(
        shows_containing(&kb.app, &format!("Rata-rata {pre_text} %")),
        "the pre-test mean {pre_text} is on screen"
    );
    let files = tempfile::tempdir().unwrap();
    let pdf = files.path().join("laporan.pdf");
    let people = files.path().join("peserta.csv");
    kb.send(t(desk::Message::ExportTo(
        latih_asn::training::documents::Document::ReportPdf,
        Some(pdf.clone()),
    )));
    kb.send(t(desk::Message::ExportTo(
        latih_asn::training::documents::Document::ReportPeopleCsv,
        Some(people.clone()),
    )));
    let document = lopdf::Document::load(&pdf).unwrap();
    let text: String = document
        .get_pages()
        .keys()
        .map(|page| document.extract_text(&[*page]).unwrap())
        .collect();
    assert!(text.contains("LAPORAN HASIL PELATIHAN"));
    assert!(text.contains("Siti Aminah") && text.contains("Budi Santoso"));
    let csv = std::fs::read_to_string(&people).unwrap();
    let siti_line = csv.lines().find(|l| l.contains(SITI)).unwrap();
    assert!(
        siti_line.contains(&format!(";{}.0;", score(SITI, TestPhase::Pre))),
        "{siti_line}"
    );
    let attendance = files.path().join("hadir.pdf");
    kb.send(t(desk::Message::ExportTo(
        latih_asn::training::documents::Document::AttendancePdf,
        Some(attendance.clone()),
    )));
    let document = lopdf::Document::load(&attendance).unwrap();
    let text: String = document
        .get_pages()
        .keys()
        .map(|page| document.extract_text(&[*page]).unwrap())
        .collect();
    assert!(text.contains("DAFTAR HADIR") && text.contains("Tanda tangan"));

    // Closing the app mid-session loses nothing: a new start shows the session as it was.
    drop(kb);
    let mut kb = Keyboard::new(open(dir.path(), Lang::Id));
    enter_trainer_area(&mut kb, false);
    assert_shows(&kb.app, "Sosialisasi netralitas ASN");
    kb.send(t(desk::Message::OpenPressed(token)));
    assert_eq!(trainer(&kb.app).session().unwrap().present_count(), 2);
    kb.send(t(desk::Message::TabPicked(Tab::Tests)));
    assert_shows(&kb.app, "2 peserta sudah mengerjakan (terdaftar 2).");
    for phase in [TestPhase::Pre, TestPhase::Post] {
        let session = trainer(&kb.app).session().unwrap();
        assert_eq!(
            desk::taken(kb.app.attempts(), &session.token, phase).len(),
            2
        );
    }
}

#[test]
fn forty_people_are_marked_present_from_the_keyboard_in_a_few_keys_each() {
    let dir = tempfile::tempdir().unwrap();
    let first = [
        "Agus", "Bambang", "Citra", "Dewi", "Eko", "Fitri", "Gunawan", "Hendra", "Indah", "Joko",
    ];
    let last = ["Saputra", "Wijaya", "Lestari", "Pratama"];
    let mut people = Vec::new();
    for (i, given) in first.iter().enumerate() {
        for (j, family) in last.iter().enumerate() {
            let n = i * last.len() + j + 1;
            people.push((
                format!("19850715201001{}{:03}", 1 + n % 2, n),
                format!("{given} {family}"),
                "Sekretariat Daerah".to_owned(),
            ));
        }
    }
    write_roster(dir.path(), &people);
    let mut kb = Keyboard::new(open(dir.path(), Lang::Id));
    enter_trainer_area(&mut kb, true);
    create_session(&mut kb);
    let mut keys = 0;
    for (_, name, _) in &people {
        // What a trainer types: the first three letters of each name and of the family name.
        let typed: String = name
            .split(' ')
            .map(|w| w.chars().take(3).collect::<String>())
            .collect::<Vec<_>>()
            .join(" ");
        kb.type_text(&typed);
        kb.tap(Named::Enter);
        keys += typed.chars().count() + 1;
        assert!(
            shows_containing(&kb.app, &format!("{name} hadir")),
            "{name} was not marked by typing {typed:?}"
        );
    }
    assert_eq!(trainer(&kb.app).session().unwrap().present_count(), 40);
    // 8 keys a person: at a slow 1 key a second and a few seconds to read each name off the
    // sheet, 40 people take about 4 minutes.
    assert!(keys <= 40 * 8, "{keys} keys");
}

/// A test at a participant's own PC, with the code the trainer shows; the trainer imports that
/// PC's records file and it joins the session. A file from another session is refused whole.
#[test]
fn a_desk_test_with_the_session_code_joins_the_session_on_import() {
    let trainer_dir = tempfile::tempdir().unwrap();
    let desk_dir = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let trainer_store = Store::open(trainer_dir.path()).unwrap();
    let mut session = SessionDraft {
        title: "Sosialisasi netralitas".into(),
        date: "2026-11-20".into(),
        place: "Aula".into(),
        trainer: "Rina".into(),
        instansi: "BKPSDM Mesuji".into(),
        modules: vec!["pilkada".into()],
        jp: "2".into(),
    }
    .build(sessions::fresh_token(&trainer_store), Utc::now(), None)
    .unwrap();
    session
        .add(
            WAYAN,
            "Wayan Putra",
            "Inspektorat",
            None,
            latih_asn::training::Added::Typed,
            Utc::now(),
        )
        .unwrap();
    sessions::save(&trainer_store, &session).unwrap();
    let code = DeskCode::new(&session.token, TestPhase::Post, Form::B, "pilkada").to_code();

    // The participant's PC: a profile with their NIP, Home → the session test → the code.
    let mut app = open(desk_dir.path(), Lang::Id);
    type_into(&mut app, profile::NAME_INPUT, "Wayan Putra");
    type_into(&mut app, profile::NIP_INPUT, WAYAN);
    type_into(&mut app, profile::UNIT_INPUT, "Inspektorat");
    type_into(&mut app, profile::INSTANSI_INPUT, "Pemkab Mesuji");
    click(&mut app, "Simpan profil");
    click(&mut app, "Ikut tes sesi pelatihan…");
    // A mistyped code is refused with what to do.
    let mut typo: Vec<char> = code.chars().collect();
    typo[0] = if typo[0] == '7' { '8' } else { '7' };
    type_into(
        &mut app,
        join::CODE_FIELD,
        &typo.into_iter().collect::<String>(),
    );
    send(&mut app, Message::Join(join::Message::Submitted));
    assert!(shows_containing(
        &app,
        "Periksa kembali kode di layar pelatih."
    ));
    send(
        &mut app,
        Message::Join(join::Message::Typed(code.to_lowercase())),
    );
    send(&mut app, Message::Join(join::Message::Submitted));
    let Screen::Quiz(quiz) = app.screen() else {
        panic!("the code should start the test")
    };
    assert_eq!(quiz.run.module, "pilkada");
    let mut kb = Keyboard::new(app);
    for _ in 0..200 {
        if !matches!(kb.app.screen(), Screen::Quiz(_)) {
            break;
        }
        kb.type_text("1");
        kb.tap(Named::Enter);
    }
    assert!(matches!(kb.app.screen(), Screen::Result(_)));
    let desk_store = Store::existing(desk_dir.path());
    let bundle = latih_asn::records::bundle::export(&desk_store, out.path(), Utc::now()).unwrap();

    // The same PC's records of another session's test, and of no session at all.
    let other = tempfile::tempdir().unwrap();
    let other_store = Store::open(other.path()).unwrap();
    let learner = {
        let draft = latih_asn::records::LearnerDraft {
            name: "Budi".into(),
            nip: BUDI.into(),
            without_nip: false,
            unit: "Dinas".into(),
            instansi: "Pemkab".into(),
        };
        other_store
            .save_learner(&draft.build(&[], today(), Utc::now()).unwrap())
            .unwrap()
    };
    let catalog = latih_asn::content::load_embedded().unwrap();
    let module = catalog.module("pilkada").unwrap();
    let drawn = latih_asn::quiz::draw(module, module.quiz_size, 5, Some(Form::A));
    let run = latih_asn::quiz::QuizRun::new(module, latih_asn::quiz::Mode::Exam, 5, drawn);
    let mut attempt =
        latih_asn::records::Attempt::from_run(&run, module, &learner, Utc::now(), Utc::now());
    let plain_dir = tempfile::tempdir().unwrap();
    other_store.record_attempt(&attempt).unwrap();
    let plain =
        latih_asn::records::bundle::export(&other_store, plain_dir.path(), Utc::now()).unwrap();
    attempt.id = uuid::Uuid::new_v4();
    attempt.session = Some(latih_asn::training::SessionTag {
        token: "ZZZZZZ".into(),
        phase: TestPhase::Pre,
    });
    other_store.record_attempt(&attempt).unwrap();
    let foreign_dir = tempfile::tempdir().unwrap();
    let foreign =
        latih_asn::records::bundle::export(&other_store, foreign_dir.path(), Utc::now()).unwrap();

    // The trainer's laptop: the session's Tests tab shows the code; the import attaches.
    let mut kb = Keyboard::new(open(trainer_dir.path(), Lang::Id));
    enter_trainer_area(&mut kb, true);
    kb.send(t(desk::Message::OpenPressed(session.token.clone())));
    kb.send(t(desk::Message::TabPicked(Tab::Tests)));
    assert_shows(&kb.app, &code);
    let before = std::fs::read_dir(trainer_dir.path().join("imported"))
        .map(Iterator::count)
        .unwrap_or(0);
    kb.send(t(desk::Message::ImportPicked(Some(foreign.clone()))));
    assert!(shows_containing(
        &kb.app,
        "memuat hasil tes sesi lain (kode ZZZZZZ)"
    ));
    kb.send(t(desk::Message::ImportPicked(Some(plain.clone()))));
    assert!(shows_containing(
        &kb.app,
        "tidak memuat hasil tes sesi pelatihan mana pun"
    ));
    let after = std::fs::read_dir(trainer_dir.path().join("imported"))
        .map(Iterator::count)
        .unwrap_or(0);
    assert_eq!(before, after, "a refused file changes nothing");
    kb.send(t(desk::Message::ImportPicked(Some(bundle.clone()))));
    assert!(shows_containing(&kb.app, "1 hasil tes sesi ini ada di"));
    let session_now = trainer(&kb.app).session().unwrap().clone();
    assert_eq!(
        desk::taken(kb.app.attempts(), &session_now.token, TestPhase::Post),
        vec![WAYAN.to_owned()]
    );
    assert_shows(&kb.app, "1 peserta sudah mengerjakan (terdaftar 1).");
}

/// At 200% text on a 1366×768 screen (683×384 logical pixels) every trainer screen reflows:
/// no text runs off the right edge or is squeezed, in either language.
#[test]
fn every_trainer_screen_reflows_at_200_percent_in_both_languages() {
    for lang in [Lang::Id, Lang::En] {
        let dir = tempfile::tempdir().unwrap();
        write_roster(dir.path(), &three());
        let mut kb = Keyboard::new(open(dir.path(), lang));
        let check = |app: &App, screen: &str| {
            if let Some(overflow) = harness::text_overflowing(app, 683.0, 384.0) {
                panic!("{screen} ({lang:?}) at 200%: {overflow}");
            }
        };
        kb.send(Message::SettingsPressed);
        kb.send(Message::Settings(settings_screen::Message::TrainerPressed));
        kb.send(Message::Pin(pin::Message::PinChanged(PIN.into())));
        kb.send(Message::Pin(pin::Message::AgainChanged(PIN.into())));
        kb.send(Message::Pin(pin::Message::Submitted));
        check(&kb.app, "session list");
        kb.send(t(desk::Message::NewPressed));
        kb.type_text("Sosialisasi netralitas ASN menjelang Pilkada serentak");
        kb.send(t(desk::Message::DraftPlace(
            "Aula Kantor Bupati Mesuji".into(),
        )));
        kb.send(t(desk::Message::DraftTrainer(
            "Dr. Hj. Rina Wulandari, S.Sos., M.Si.".into(),
        )));
        check(&kb.app, "new session");
        kb.send(t(desk::Message::CreatePressed));
        kb.type_text("siti");
        kb.tap(Named::Enter);
        kb.type_text("bud");
        check(&kb.app, "attendance");
        kb.send(t(desk::Message::TabPicked(Tab::Tests)));
        check(&kb.app, "tests");
        kb.send(t(desk::Message::TabPicked(Tab::Report)));
        check(&kb.app, "report");
        kb.send(t(desk::Message::TabPicked(Tab::Tests)));
        kb.send(t(desk::Message::HotSeatPressed(TestPhase::Pre)));
        kb.type_text("sit");
        check(&kb.app, "hot seat");
        kb.tap(Named::Enter);
        check(&kb.app, "hot seat, ready");
    }
}
