//! Atelier with 10,000 sessions in its folder (issue 4, point 7). Run with
//! `cargo bench --bench scale [-- DIR]`; the folder (default: `$TMPDIR/atelier-scale-10000`)
//! is generated once by `cargo run --release --example gen-sessions -- 10000 DIR` and reused.
//!
//! Measures, each in a fresh process so that its peak memory (VmHWM) is its own:
//! - cold list: no summary cache, every file parsed (the file cache is warm: the folder was
//!   just read; a truly cold disk adds its reading time);
//! - warm list: with the summary cache → the home screen's lists built → its first frame
//!   rendered into a 200×60 buffer, which is what the advisor waits for at start;
//! - a filter over the 10,000 summaries' search text, as the review browser does per key;
//! - every session loaded whole one at a time (`Store::sessions`), the slow path of a report.

use atelier::i18n::Lang;
use atelier::method::Method;
use atelier::store::{CACHE_FILE, Store};
use atelier::ui::{Home, Model};
use atelier::update::{Msg, update};
use chrono::{TimeZone, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

const N: usize = 10_000;

fn ms(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1000.0
}

/// The process's peak resident memory in MB, from /proc (Linux); 0 elsewhere.
fn peak_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

fn ensure_folder(dir: &Path) {
    let count = std::fs::read_dir(dir).map_or(0, |d| {
        d.filter_map(Result::ok)
            .filter(|e| atelier::store::is_session_file(&e.path()))
            .count()
    });
    if count >= N {
        return;
    }
    let _ = std::fs::remove_dir_all(dir);
    eprintln!("generating {N} sessions into {} …", dir.display());
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let ok = Command::new(cargo)
        .args(["run", "--release", "--example", "gen-sessions", "--"])
        .arg(N.to_string())
        .arg(dir)
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "gen-sessions failed");
}

/// One measurement, run in this process (called as a child of the main one).
fn child(what: &str, dir: &Path) {
    let store = Store::new(dir);
    match what {
        "cold" => {
            let _ = std::fs::remove_file(dir.join(CACHE_FILE));
            let t = Instant::now();
            let listing = store.list();
            let list = ms(t);
            assert_eq!(listing.sessions.len(), N);
            println!("cold|{list:.0}|{:.0}", peak_mb());
        }
        "warm" => {
            let now = Utc.with_ymd_and_hms(2026, 11, 29, 9, 0, 0).unwrap();
            let mut model = Model::new(Lang::Fr, Method::builtin(), dir.to_path_buf(), now, 1);
            let t = Instant::now();
            let listing = store.list();
            let list = ms(t);
            let t2 = Instant::now();
            let home = Home::from_listing(&listing, model.strings());
            let lists = ms(t2);
            let t3 = Instant::now();
            update(&mut model, Msg::Listed(home));
            let area = Rect::new(0, 0, 200, 60);
            let mut buf = Buffer::empty(area);
            (&model).render(area, &mut buf);
            let frame = ms(t3);
            let total = ms(t);
            assert_eq!(listing.sessions.len(), N);
            std::hint::black_box(&buf);
            // The review browser's filter, one key: every summary's text searched.
            let mut filters = Vec::new();
            for q in ["oujda", "crédit", "مليكة", "couture tanger"] {
                let t = Instant::now();
                let q = q.to_lowercase();
                let hits = listing
                    .sessions
                    .iter()
                    .filter(|s| q.split(' ').all(|w| s.search.contains(w)))
                    .count();
                filters.push(ms(t));
                std::hint::black_box(hits);
            }
            let filter = filters.iter().cloned().fold(0.0, f64::max);
            println!(
                "warm|{list:.0}|{lists:.0}|{frame:.0}|{total:.0}|{filter:.1}|{:.0}",
                peak_mb()
            );
        }
        "sessions" => {
            let t = Instant::now();
            let loaded = store.sessions().filter(|(_, s)| s.is_ok()).count();
            assert_eq!(loaded, N);
            println!("sessions|{:.0}|{:.0}", ms(t), peak_mb());
        }
        _ => panic!("unknown measurement {what}"),
    }
}

fn run(what: &str, dir: &Path) -> Vec<String> {
    let exe = std::env::current_exe().expect("the bench's own path");
    let out = Command::new(exe)
        .args(["--bench", "--child", what])
        .arg(dir)
        .output()
        .expect("the bench runs itself");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text
        .lines()
        .find(|l| l.starts_with(what))
        .expect("a result line");
    line.split('|').skip(1).map(str::to_string).collect()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    // `cargo test` also runs benches in test mode with `--bench` absent: keep that quick.
    if args.iter().any(|a| a == "--test") || !args.iter().any(|a| a == "--bench") {
        println!("scale bench: run with `cargo bench --bench scale`");
        return;
    }
    if let Some(i) = args.iter().position(|a| a == "--child") {
        child(&args[i + 1], Path::new(&args[i + 2]));
        return;
    }
    let dir = args
        .iter()
        .skip(1)
        .find(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("atelier-scale-10000"));
    ensure_folder(&dir);
    // Read the folder once so that "cold" measures parsing, not the disk.
    let _ = Store::new(&dir).sessions().count();
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    println!("{N} sessions in {}, {cores} cores", dir.display());
    println!();
    let cold = run("cold", &dir);
    let warm = run("warm", &dir);
    let warm2 = run("warm", &dir);
    let all = run("sessions", &dir);
    println!("| measure | time | peak memory |");
    println!("|---|---:|---:|");
    println!(
        "| list, no summary cache (every file parsed, {cores} threads) | {} ms | {} MB |",
        cold[0], cold[1]
    );
    for w in [&warm, &warm2] {
        println!(
            "| start: list with cache {} ms + home lists {} ms + first frame {} ms | **{} ms** | {} MB |",
            w[0], w[1], w[2], w[3], w[5]
        );
    }
    println!(
        "| filter key over the search text of {N} summaries (worst of 4) | {} ms | |",
        warm[4]
    );
    println!(
        "| every session loaded whole, one at a time (`Store::sessions`) | {} ms | {} MB |",
        all[0], all[1]
    );
}
