//! Writes the sample sessions of `atelier::sample`, and the visits, activities and diagnoses
//! beside them, as files the way atelier saves them: `cargo run --example write-samples -- DIR`. The files in `sessions/` come from it
//! (`tests/shipped.rs` checks that they still would, byte for byte).

use atelier::store;
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
    let sessions = atelier::sample::shipped();
    let s = store::Store::new(&dir);
    for session in &sessions {
        let path = s.path_for_new(session);
        if let Err(e) = store::save(&path, session) {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
        println!("{}", path.display());
    }
    for record in &atelier::sample::shipped_records() {
        let path = s.path_for_record(record);
        if let Err(e) = store::save_record(&path, record) {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
        println!("{}", path.display());
    }
    ExitCode::SUCCESS
}
