//! Writes the sample sessions of `atelier::sample` as session files, the way atelier saves
//! them: `cargo run --example write-samples -- DIR`. The files in `sessions/` come from it.

use atelier::store;
use chrono::{TimeZone, Utc};
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(dir) = std::env::args().nth(1).map(PathBuf::from) else {
        eprintln!("usage: cargo run --example write-samples -- DIR");
        return ExitCode::from(2);
    };
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("{}: {e}", dir.display());
        return ExitCode::FAILURE;
    }
    // Fixed dates, so the files only change when the samples do.
    let now = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap();
    let mut sessions = atelier::sample::series(now, 20261124);
    // Another seed for another group: ids come from the seed, and two groups must not share one.
    sessions.extend(atelier::sample::bakers_series(now, 20261125));
    let s = store::Store::new(&dir);
    for session in &sessions {
        let path = s.path_for_new(session);
        if let Err(e) = store::save(&path, session) {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
        println!("{}", path.display());
    }
    ExitCode::SUCCESS
}
