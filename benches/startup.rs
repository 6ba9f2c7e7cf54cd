//! Start to first window, and resident memory when idle on the home screen, of the release
//! binary in a virtual X display (software rendering), against the budgets in design.md
//! (≤ 0.3 s, ≤ 60 MB).
//!
//! ```text
//! cargo build --release && cargo bench --bench startup
//! ```
//! Needs `Xvfb` and `xdotool` (Debian: `apt-get install xvfb xdotool`); uses `$DISPLAY` if set.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const RUNS: usize = 7;

fn main() {
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

    let mut first_window = Vec::new();
    let mut resident = Vec::new();
    for _ in 0..RUNS {
        let start = Instant::now();
        let mut child = Command::new(&bin)
            .arg("--data-dir")
            .arg(&data)
            .env("DISPLAY", &display)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let elapsed = wait_for_window(&child, &display, start);
        first_window.push(elapsed.as_secs_f64());
        std::thread::sleep(Duration::from_secs(2));
        resident.push(rss_mb(child.id()));
        stop(&mut child);
    }
    if let Some(mut xvfb) = xvfb {
        stop(&mut xvfb);
    }
    let _ = std::fs::remove_dir_all(&data);
    report("start to first window (s)", &mut first_window, 0.3);
    report("resident memory idle on home (MB)", &mut resident, 60.0);
    let size = std::fs::metadata(&bin)
        .map(|m| m.len() as f64 / 1_048_576.0)
        .unwrap_or(0.0);
    println!("release binary size: {size:.1} MB (budget 20 MB)");
}

fn wait_for_window(child: &Child, display: &str, start: Instant) -> Duration {
    loop {
        let found = Command::new("xdotool")
            .args(["search", "--onlyvisible", "--pid", &child.id().to_string()])
            .env("DISPLAY", display)
            .output()
            .map(|out| !out.stdout.is_empty())
            .unwrap_or(false);
        if found || start.elapsed() > Duration::from_secs(30) {
            return start.elapsed();
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
