//! Atelier with 10,000 sessions in its folder (issue 4, point 7). Run with
//! `cargo bench --bench scale [-- DIR]`; the folder (default: `$TMPDIR/atelier-scale-10000`)
//! is generated once by `cargo run --release --example gen-sessions -- 10000 DIR` and reused.
//!
//! Measures, each in a fresh process so that its peak memory (VmHWM) is its own:
//! - cold list: no summary cache, every file parsed (the file cache is warm: the folder was
//!   just read; a truly cold disk adds its reading time);
//! - warm list: with the summary cache → the home screen's lists built → its first frame
//!   rendered into a 200×60 buffer, which is what the advisor waits for at start;
//! - then the review browser: `r`, its first frame with every row; then each key typed into
//!   its filter, update and frame, as the loop does per key;
//! - `atelier report` (read, count, Markdown) without its cache, then with it;
//! - every session loaded whole one at a time (`Store::sessions`), for comparison.
//!
//! Peak memory of the whole program can also be checked from outside, e.g.
//! `/usr/bin/time -v target/release/atelier report --dir DIR` ("Maximum resident set size").

use atelier::i18n::Lang;
use atelier::method::Method;
use atelier::store::{self, Store};
use atelier::ui::{Home, Model};
use atelier::update::{Msg, update};
use chrono::{TimeZone, Utc};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// How many sessions: 10,000, or `ATELIER_SCALE` (100,000 by hand: about 13 GB).
fn n() -> usize {
    std::env::var("ATELIER_SCALE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000)
}

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

fn key(c: char) -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

fn buf_text(buf: &Buffer) -> String {
    buf.content().iter().map(|c| c.symbol()).collect()
}

fn ensure_folder(dir: &Path) {
    let n = n();
    let count = std::fs::read_dir(dir).map_or(0, |d| {
        d.filter_map(Result::ok)
            .filter(|e| atelier::store::is_session_file(&e.path()))
            .count()
    });
    if count >= n {
        return;
    }
    let _ = std::fs::remove_dir_all(dir);
    eprintln!("generating {n} sessions into {} …", dir.display());
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let ok = Command::new(cargo)
        .args(["run", "--release", "--example", "gen-sessions", "--"])
        .arg(n.to_string())
        .arg(dir)
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "gen-sessions failed");
}

/// One measurement, run in this process (called as a child of the main one).
fn child(what: &str, dir: &Path) {
    let store = Store::new(dir);
    #[allow(non_snake_case)]
    let N = n();
    match what {
        "index-cold" | "index" => {
            use atelier::store::index::{self, Index};
            let t = Instant::now();
            if what == "index-cold" {
                Index::delete(dir);
                let mut index = Index::open(dir).unwrap();
                index.refresh(&|_, _| {}).unwrap();
                println!(
                    "{what}|{:.0}|{:.0}|{:.0}",
                    ms(t),
                    peak_mb(),
                    index.size_mb()
                );
                return;
            }
            // The home screen's first frame from the index, as the listing thread sends it
            // before listing the folder.
            let now = Utc.with_ymd_and_hms(2026, 11, 29, 9, 0, 0).unwrap();
            let mut model = Model::new(Lang::Fr, Method::builtin(), dir.to_path_buf(), now, 1);
            let t = Instant::now();
            let first = Index::open(dir)
                .unwrap()
                .first_screen(100)
                .unwrap()
                .unwrap();
            update(&mut model, Msg::Listed(Home::first_screen(first, Lang::Fr)));
            let area = Rect::new(0, 0, 200, 60);
            let mut buf = Buffer::empty(area);
            (&model).render(area, &mut buf);
            let first_frame = ms(t);
            assert!(buf_text(&buf).contains("Groupes"));
            // An id to look for, taken outside the timing: the first file's.
            let first = std::fs::read_dir(dir)
                .unwrap()
                .filter_map(Result::ok)
                .map(|e| e.path())
                .find(|p| store::kind_of(p) == Some(atelier::model::dated::Kind::Session))
                .unwrap();
            let id = store::load(&first).unwrap().id.as_str().to_string();
            let t = Instant::now();
            let found = index::find_path(dir, &id[..id.len() - 2], false).unwrap();
            let resolve = ms(t);
            assert_eq!(found, first);
            let t = Instant::now();
            let latest = index::latest_path(dir);
            let latest_ms = ms(t);
            assert!(latest.is_some());
            let index = Index::open(dir).unwrap();
            let mut times = Vec::new();
            let mut hits = 0;
            for typed in ["oujda", "crédit", "oujda crédit", "boulang", "fournisseur"] {
                let t = Instant::now();
                let folded = atelier::trades::fold(typed);
                let words: Vec<&str> = folded.split_whitespace().collect();
                index.word_hits(&words, |_, _| hits += 1).unwrap();
                times.push(ms(t));
            }
            times.sort_by(f64::total_cmp);
            let mut index = index;
            let t = Instant::now();
            index.refresh(&|_, _| {}).unwrap();
            let refresh = ms(t);
            println!(
                "{what}|{resolve:.1}|{latest_ms:.1}|{:.1}|{:.1}|{hits}|{refresh:.0}|{:.0}|{first_frame:.1}",
                times[times.len() / 2],
                times[times.len() - 1],
                peak_mb()
            );
        }
        "cold" => {
            if let Some(cache) = store::cache_path(dir) {
                let _ = std::fs::remove_file(cache);
            }
            atelier::store::index::Index::delete(dir);
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
            let listed = listing.sessions.len();
            let t2 = Instant::now();
            let home = Home::from_listing(listing, model.lang);
            let lists = ms(t2);
            let t3 = Instant::now();
            update(&mut model, Msg::Listed(home));
            let area = Rect::new(0, 0, 200, 60);
            let mut buf = Buffer::empty(area);
            (&model).render(area, &mut buf);
            let frame = ms(t3);
            let total = ms(t);
            assert_eq!(listed, N);
            std::hint::black_box(&buf);
            // The review browser: `r` on the home screen, its first frame with every row.
            let t5 = Instant::now();
            let effects = update(&mut model, key('r'));
            (&model).render(area, &mut buf);
            // From `ui::OFF_THREAD_FROM` rows they come from the filter thread: its answer
            // is timed in too.
            for effect in effects {
                if let atelier::update::Effect::FilterRows(asked) = effect {
                    let shown = asked.run();
                    update(&mut model, Msg::RowsFiltered { asked, shown });
                    (&model).render(area, &mut buf);
                }
            }
            let review = ms(t5);
            assert!(
                buf_text(&buf).contains(&format!("{N}")),
                "the browser lists {N} rows"
            );
            // Each key typed into its filter: update, then the frame drawn, as the loop does.
            // From `ui::OFF_THREAD_FROM` rows the filter itself is asked of a thread: its
            // answer (the filter worked out, `update`, the frame) is timed apart.
            let mut keys = Vec::new();
            let mut answers = Vec::new();
            for c in "oujda crédit".chars() {
                let t = Instant::now();
                let effects = update(&mut model, key(c));
                (&model).render(area, &mut buf);
                keys.push(ms(t));
                for effect in effects {
                    if let atelier::update::Effect::FilterRows(asked) = effect {
                        let t = Instant::now();
                        let shown = asked.run();
                        update(&mut model, Msg::RowsFiltered { asked, shown });
                        (&model).render(area, &mut buf);
                        answers.push(ms(t));
                    }
                }
            }
            keys.sort_by(f64::total_cmp);
            answers.sort_by(f64::total_cmp);
            let worst = keys.last().copied().unwrap_or_default();
            let median = keys[keys.len() / 2];
            let answer = answers.get(answers.len() / 2).copied().unwrap_or_default();
            let answer_worst = answers.last().copied().unwrap_or_default();
            // Esc twice: back home, which lists the folder again while the screen still
            // holds the last listing (as the app does, sharing the unchanged search texts).
            update(
                &mut model,
                Msg::Key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)),
            );
            update(
                &mut model,
                Msg::Key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)),
            );
            let t6 = Instant::now();
            let known: atelier::store::Known = model
                .home
                .rows
                .iter()
                .filter_map(|r| {
                    let name = r.path.file_name().unwrap().to_string_lossy().into_owned();
                    Some((name, std::sync::Arc::clone(r.search.as_ref()?)))
                })
                .collect();
            let again = store.list_sharing(&known, &|_, _| {});
            let home = Home::from_listing(again, model.lang);
            drop(known);
            update(&mut model, Msg::Listed(home));
            (&model).render(area, &mut buf);
            let back = ms(t6);
            println!(
                "warm|{list:.0}|{lists:.0}|{frame:.0}|{total:.0}|{review:.0}|{median:.1}|{worst:.1}|{:.0}|{back:.0}|{answer:.1}|{answer_worst:.1}",
                peak_mb()
            );
        }
        "report" | "report-cold" => {
            if what == "report-cold"
                && let Some(cache) = atelier::report::cache_path(dir)
            {
                let _ = std::fs::remove_file(cache);
            }
            let t = Instant::now();
            let folder = atelier::report::read_folder_to_count(dir).unwrap();
            let read = folder.read;
            let report =
                atelier::report::aggregate_folder(folder, atelier::report::Options::default());
            let text = atelier::report::to_markdown(&report, &Method::builtin(), Lang::Fr);
            std::hint::black_box(text);
            let total = ms(t);
            // The programme screen's facts kept, counted again for another grouping (Tab):
            // what a key costs there once the folder is read.
            let folder = atelier::report::read_folder_to_count(dir).unwrap();
            let kept = atelier::report::Kept::of(folder);
            let mut counts = Vec::new();
            for by in [
                vec![],
                vec![atelier::report::By::Advisor],
                vec![atelier::report::By::Month],
                vec![atelier::report::By::Group],
            ] {
                let t = Instant::now();
                let opts = atelier::report::Options {
                    by,
                    ..atelier::report::Options::default()
                };
                std::hint::black_box(kept.aggregate(opts));
                counts.push(ms(t));
            }
            counts.sort_by(f64::total_cmp);
            println!(
                "{what}|{total:.0}|{read}|{:.0}|{:.0}|{:.0}",
                peak_mb(),
                counts[counts.len() / 2],
                counts[counts.len() - 1]
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
        .unwrap_or_else(|| std::env::temp_dir().join(format!("atelier-scale-{}", n())));
    ensure_folder(&dir);
    // Read the folder once so that "cold" measures parsing, not the disk.
    let _ = Store::new(&dir).sessions().count();
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    #[allow(non_snake_case)]
    let N = n();
    println!("{N} sessions in {}, {cores} cores", dir.display());
    println!();
    let cold = run("cold", &dir);
    let warm = run("warm", &dir);
    let warm2 = run("warm", &dir);
    let report_cold = run("report-cold", &dir);
    let report = run("report", &dir);
    let index_cold = run("index-cold", &dir);
    let index = run("index", &dir);
    // Every session loaded whole takes 20 minutes at 100,000: only at 10,000.
    let all = if n() <= 10_000 {
        run("sessions", &dir)
    } else {
        vec!["-".into(), "-".into()]
    };
    println!("| measure | time | peak memory |");
    println!("|---|---:|---:|");
    println!(
        "| list, no summary cache (every file parsed, {cores} threads) | {} ms | {} MB |",
        cold[0], cold[1]
    );
    for w in [&warm, &warm2] {
        println!(
            "| start: list with cache {} ms + home lists {} ms + first frame {} ms | **{} ms** | |",
            w[0], w[1], w[2], w[3]
        );
    }
    for w in [&warm, &warm2] {
        println!(
            "| review browser (`r`): first frame with all {N} rows (filtered off the UI thread from 20,000) | **{} ms** | |",
            w[4]
        );
    }
    for w in [&warm, &warm2] {
        println!(
            "| review filter, one key typed (update + frame), median / worst of 12 | {} / **{} ms** | |",
            w[5], w[6]
        );
    }
    for w in [&warm, &warm2] {
        if w[9] != "0.0" {
            println!(
                "| review filter off the UI thread: its answer (filter, update, frame), median / worst | {} / {} ms | |",
                w[9], w[10]
            );
        }
    }
    for w in [&warm, &warm2] {
        println!(
            "| back home: the folder listed again, lists and frame; the process's peak | {} ms | **{} MB** |",
            w[8], w[7]
        );
    }
    println!(
        "| `atelier report` without its cache ({} files read, {cores} threads) | {} ms | {} MB |",
        report_cold[1], report_cold[0], report_cold[2]
    );
    println!(
        "| `atelier report` with its cache ({} files read) | **{} ms** | {} MB |",
        report[1], report[0], report[2]
    );
    println!(
        "| the facts kept counted again (programme screen: period or grouping), median / worst of 4 | {} / {} ms | |",
        report[3], report[4]
    );
    println!(
        "| index built from nothing (every file read, {cores} threads; {} MB on disk) | {} ms | {} MB |",
        index_cold[2], index_cold[0], index_cold[1]
    );
    println!(
        "| home screen's first frame from the index (first screenful, 200×60) | **{} ms** | |",
        index[7]
    );
    println!(
        "| `follow ID`, `replay ID`, `show ID`: an id's start resolved through the index | **{} ms** | {} MB |",
        index[0], index[6]
    );
    println!(
        "| `follow`: the session saved last, through the index | **{} ms** | |",
        index[1]
    );
    println!(
        "| filter words through the index (FTS5 trigram), median / worst of 5 ({} rows in all) | {} / **{} ms** | |",
        index[4], index[2], index[3]
    );
    println!(
        "| index refreshed, nothing changed (every file `stat`ed) | {} ms | |",
        index[5]
    );
    println!(
        "| every session loaded whole, one at a time (`Store::sessions`) | {} ms | {} MB |",
        all[0], all[1]
    );
}
