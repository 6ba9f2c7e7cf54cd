//! Start to first window and to the first frame with content, and resident memory when idle on
//! the home screen, of the release binary in a virtual X display (software rendering), against
//! the budgets in design.md (first frame with content ≤ 0.15 s, ≤ 30 MB resident); the same
//! with a content pack at the size caps installed; and, in process, what loading and checking such a pack and opening a lesson at the size cap cost.
//!
//! ```text
//! cargo build --release && cargo bench --bench startup
//! ```
//! Needs `Xvfb` and `xdotool` (Debian: `apt-get install xvfb xdotool`); uses `$DISPLAY` if set.

#[path = "../tests/harness/pack.rs"]
mod pack;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use latih_asn::content::{self, limits};

const RUNS: usize = 7;

fn main() {
    let packs = packs_in_process();
    let bin = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/latih-asn");
    if !bin.exists() {
        eprintln!("build the release binary first: cargo build --release");
        return;
    }
    let mut xvfb = None;
    let display = match std::env::var("DISPLAY") {
        Ok(display) if !display.is_empty() => display,
        _ => {
            let display = ":77".to_owned();
            xvfb = Some(
                Command::new("Xvfb")
                    .args([
                        display.as_str(),
                        "-screen",
                        "0",
                        "1366x768x24",
                        "-nolisten",
                        "tcp",
                    ])
                    .stderr(Stdio::null())
                    .spawn()
                    .expect("Xvfb is needed: apt-get install xvfb xdotool"),
            );
            // Wait until the X server answers: a run started before that fails to open a window.
            for _ in 0..100 {
                let ready = Command::new("xdotool")
                    .arg("getdisplaygeometry")
                    .env("DISPLAY", &display)
                    .stderr(Stdio::null())
                    .output()
                    .is_ok_and(|out| out.status.success());
                if ready {
                    break;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            display
        }
    };

    // A data directory with a learner, so the app opens on the home screen.
    let data = tempdir();
    let learner = "8b1e7c5e-0000-4000-8000-000000000001";
    std::fs::create_dir_all(data.join("learners")).unwrap();
    std::fs::write(
        data.join("learners").join(format!("{learner}.ron")),
        format!(
            "(version: 1, id: \"{learner}\", name: \"Siti Aminah\", nip: Some(\"198001012005012001\"), \
             unit: \"Bagian Umum\", instansi: \"Pemkab Mesuji\", created: \"2026-11-23T08:00:00Z\")"
        ),
    )
    .unwrap();
    std::fs::write(
        data.join("settings.ron"),
        format!("(version: 1, language: Some(Id), last_learner: Some(\"{learner}\"))"),
    )
    .unwrap();

    let (mut first_window, mut first_content, mut resident) = start_runs(&bin, &data, &display);

    // The same data folder with a pack at the caps installed (by the release binary, so its
    // check record is that build's): every start loads it by its record.
    let status = Command::new(&bin)
        .args(["content", "install", "--yes", "--data-dir"])
        .arg(&data)
        .arg(packs.at_caps.path().join("penuh"))
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success(), "the pack at the caps installs");
    let (mut with_pack, mut content_with_pack, mut resident_with_pack) =
        start_runs(&bin, &data, &display);

    if let Some(mut xvfb) = xvfb {
        stop(&mut xvfb);
    }
    let _ = std::fs::remove_dir_all(&data);
    report("start to first window (s)", &mut first_window, 0.3);
    report(
        "start to first frame with content: home drawn (s)",
        &mut first_content,
        0.15,
    );
    report("resident memory idle on home (MB)", &mut resident, 30.0);
    report(
        "start to first window, a pack at the caps installed (s)",
        &mut with_pack,
        0.3,
    );
    report(
        "start to first frame with content, a pack at the caps installed (s)",
        &mut content_with_pack,
        0.3,
    );
    report(
        "resident memory idle on home, a pack at the caps installed (MB)",
        &mut resident_with_pack,
        30.0,
    );
    let size = std::fs::metadata(&bin)
        .map(|m| m.len() as f64 / 1_048_576.0)
        .unwrap_or(0.0);
    println!("release binary size: {size:.1} MB (budget 20 MB)");
}

/// Starts the app `RUNS` times: seconds to its first window, and MB resident after 2 s. A run
/// whose app exits without a window (on a loaded machine Xvfb now and then refuses a
/// connection: `XOpenDisplayFailed`) measures nothing and is started again, and counted.
fn start_runs(bin: &Path, data: &Path, display: &str) -> (Vec<f64>, Vec<f64>, Vec<f64>) {
    let mut first_window = Vec::new();
    let mut first_content = Vec::new();
    let mut resident = Vec::new();
    let mut failed = 0;
    while first_window.len() < RUNS && failed < RUNS * 2 {
        let start = Instant::now();
        let mut child = Command::new(bin)
            .arg("--data-dir")
            .arg(data)
            .env("DISPLAY", display)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let Some(elapsed) = wait_for_window(&mut child, display, start) else {
            failed += 1;
            stop(&mut child);
            continue;
        };
        first_window.push(elapsed.as_secs_f64());
        if let Some(content) = wait_for_content(&child, display, start) {
            first_content.push(content.as_secs_f64());
        }
        std::thread::sleep(Duration::from_secs(2));
        resident.push(rss_mb(child.id()));
        stop(&mut child);
    }
    if failed > 0 {
        println!("({failed} starts without a window were started again)");
    }
    (first_window, first_content, resident)
}

/// Time from start until the window shows the home screen drawn: its pixels read back with
/// `xwd` as fast as it runs (a few ms for the window), until most of them are the light page
/// and some are dark text. A window that is mapped but not yet drawn is black in Xvfb.
fn wait_for_content(child: &Child, display: &str, start: Instant) -> Option<Duration> {
    let ids = Command::new("xdotool")
        .args(["search", "--onlyvisible", "--pid", &child.id().to_string()])
        .env("DISPLAY", display)
        .output()
        .ok()?;
    let id = String::from_utf8_lossy(&ids.stdout)
        .split_whitespace()
        .last()?
        .to_owned();
    while start.elapsed() < Duration::from_secs(10) {
        let picture = Command::new("xwd")
            .args(["-silent", "-id", &id])
            .env("DISPLAY", display)
            .output()
            .ok()?;
        if drawn(&picture.stdout) {
            return Some(start.elapsed());
        }
    }
    None
}

/// Whether an XWD picture (32 bits a pixel) is mostly light with some dark text on it.
fn drawn(xwd: &[u8]) -> bool {
    let word = |at: usize| {
        xwd.get(at..at + 4)
            .map_or(0, |b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize)
    };
    let (header, bits_per_pixel, colours) = (word(0), word(44), word(76));
    if bits_per_pixel != 32 || header == 0 {
        return false;
    }
    let Some(pixels) = xwd.get(header + colours * 12..) else {
        return false;
    };
    let (mut light, mut dark, mut total) = (0usize, 0usize, 0usize);
    for pixel in pixels.chunks_exact(4) {
        let sum = pixel[0] as u32 + pixel[1] as u32 + pixel[2] as u32;
        total += 1;
        if sum > 600 {
            light += 1;
        } else if sum < 250 {
            dark += 1;
        }
    }
    total > 0 && light * 2 > total && dark * 500 > total
}

/// Packs generated for the bench.
struct Packs {
    at_caps: tempfile::TempDir,
}

/// What a pack at the caps costs in process: loading it by its record (every start), checking
/// it in full (install, or the first start of a new app version), and opening a lesson at the
/// lesson cap (the Markdown parse happens on the UI thread when a lesson opens).
fn packs_in_process() -> Packs {
    let at_caps = tempfile::tempdir().unwrap();
    let source = at_caps.path().join("penuh");
    pack::write_pack(&source, &pack::Spec::at_caps("penuh"));
    let bytes = pack::tree_bytes(&source);
    println!(
        "pack at the caps: {} questions, {} lessons, {:.2} MiB (cap {:.0} MiB)",
        limits::QUESTIONS,
        limits::LESSONS,
        bytes as f64 / 1_048_576.0,
        limits::PACK_BYTES as f64 / 1_048_576.0
    );

    let mut embedded = Vec::new();
    for _ in 0..RUNS {
        let start = Instant::now();
        let catalog = content::load(&content::EmbeddedFiles, &Default::default()).unwrap();
        embedded.push(start.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(catalog.modules.len(), 4);
    }
    report_ms("load and check the embedded content", &mut embedded);

    let mut full = Vec::new();
    for _ in 0..RUNS {
        let start = Instant::now();
        let files = content::DirFiles::new(&source);
        let checked = content::check_content(&files, "penuh").unwrap();
        full.push(start.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(checked.question_count(), limits::QUESTIONS);
    }
    report_ms("full check of the pack at the caps (install)", &mut full);

    let data = tempfile::tempdir().unwrap();
    let packs_dir = data.path().join("packs");
    let mut none = Vec::new();
    for _ in 0..RUNS {
        let start = Instant::now();
        let (catalog, _) = content::load_with_packs(&packs_dir).unwrap();
        none.push(start.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(catalog.modules.len(), 4);
    }
    report_ms(
        "load the embedded content, no pack installed (every start)",
        &mut none,
    );
    content::install_pack(&source, &packs_dir, true).unwrap();
    let mut recorded = Vec::new();
    for _ in 0..RUNS {
        let start = Instant::now();
        let (catalog, refused) = content::load_with_packs(&packs_dir).unwrap();
        recorded.push(start.elapsed().as_secs_f64() * 1000.0);
        assert!(refused.is_empty() && catalog.module("penuh").is_some());
    }
    report_ms(
        "load the embedded content and the pack by its record (every start)",
        &mut recorded,
    );

    // A broken pack at the caps: every question points at a missing lesson.
    let broken = data.path().join("rusak");
    pack::write_pack(&broken, &pack::Spec::at_caps("rusak"));
    let questions = broken.join("rusak/questions.ron");
    let text = std::fs::read_to_string(&questions).unwrap();
    std::fs::write(
        &questions,
        text.replace("lesson: \"rusak-l", "lesson: \"rusak-x"),
    )
    .unwrap();
    let mut refused = Vec::new();
    for _ in 0..RUNS {
        let start = Instant::now();
        let errors = content::check_content(&content::DirFiles::new(&broken), "rusak").unwrap_err();
        refused.push(start.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(errors.len(), limits::ERRORS + 1);
    }
    report_ms("check of a broken pack at the caps (refused)", &mut refused);

    lesson_at_cap();
    Packs { at_caps }
}

/// Opens a lesson whose body is at the lesson cap, as the lesson screen does: parse both
/// languages' Markdown, build the view, lay it out (text shaping) in a 1366×768 window.
fn lesson_at_cap() {
    use latih_asn::screen::learn::lesson::LessonReader;
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("panjang");
    let spec = pack::Spec {
        lesson_bytes: limits::LESSON_BYTES as usize - 64,
        ..pack::Spec::small("panjang")
    };
    pack::write_pack(&source, &spec);
    let checked = content::check_content(&content::DirFiles::new(&source), "panjang").unwrap();
    let mut catalog = content::load_embedded().unwrap();
    catalog.modules.extend(checked.catalog.modules);
    let module = catalog.module("panjang").unwrap();
    let theme = latih_asn::theme::iced_theme(latih_asn::settings::ThemeChoice::Light);
    let settings = iced::Settings {
        fonts: latih_asn::fonts::all(),
        default_font: latih_asn::fonts::DEFAULT,
        ..iced::Settings::default()
    };
    let (mut parse, mut layout) = (Vec::new(), Vec::new());
    for _ in 0..RUNS {
        let start = Instant::now();
        let reader = LessonReader::new(module, 0, latih_asn::screen::learn::lesson::Return::Module);
        parse.push(start.elapsed().as_secs_f64() * 1000.0);
        let ctx = latih_asn::app::Ctx {
            lang: latih_asn::lang::Lang::Id,
            colors: latih_asn::theme::Colors::of(latih_asn::settings::ThemeChoice::Light),
            theme: &theme,
            catalog: &catalog,
            learner: None,
        };
        let start = Instant::now();
        let ui = iced_test::Simulator::with_size(
            settings.clone(),
            (1366.0, 768.0),
            reader.view(&ctx, module),
        );
        layout.push(start.elapsed().as_secs_f64() * 1000.0);
        drop(ui);
    }
    println!(
        "lesson at the cap: {:.0} KiB of Markdown per language",
        module.lessons[0].body.id.len() as f64 / 1024.0
    );
    report_ms("open it: parse the Markdown of both languages", &mut parse);
    report_ms(
        "open it: build and lay out the view (first frame)",
        &mut layout,
    );
}

fn report_ms(what: &str, values: &mut [f64]) {
    values.sort_by(f64::total_cmp);
    println!(
        "{what}: median {:.1} ms, min {:.1}, max {:.1} over {} runs",
        values[values.len() / 2],
        values[0],
        values[values.len() - 1],
        values.len()
    );
}

/// Time until the app's window is visible; `None` if the app exited without one.
fn wait_for_window(child: &mut Child, display: &str, start: Instant) -> Option<Duration> {
    loop {
        if child.try_wait().ok().flatten().is_some() {
            return None;
        }
        let found = Command::new("xdotool")
            .args(["search", "--onlyvisible", "--pid", &child.id().to_string()])
            .env("DISPLAY", display)
            .output()
            .map(|out| !out.stdout.is_empty())
            .unwrap_or(false);
        if found || start.elapsed() > Duration::from_secs(30) {
            return Some(start.elapsed());
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn rss_mb(pid: u32) -> f64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|rest| rest.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

fn stop(child: &mut Child) {
    let _ = child.kill();
    let _ = child.wait();
}

fn report(what: &str, values: &mut [f64], budget: f64) {
    if values.is_empty() {
        println!("{what}: not measured (no run got that far)");
        return;
    }
    values.sort_by(f64::total_cmp);
    let median = values[values.len() / 2];
    let verdict = if median <= budget { "within" } else { "OVER" };
    println!(
        "{what}: median {median:.3}, min {:.3}, max {:.3} over {} runs ({verdict} budget {budget})",
        values[0],
        values[values.len() - 1],
        values.len()
    );
}

fn tempdir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("latih-asn-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
