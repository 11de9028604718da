//! Read-only commands leave the sessions folder as they found it (issue #10, point 9): no
//! cache, no temporary file, no change of content or time, and the caches an earlier
//! version left there ignored and kept. Derived caches go to the OS cache folder.

#[path = "common/binary.rs"]
#[allow(dead_code)] // this file uses its `Env` only
mod binary;
#[path = "common/tmux.rs"]
mod tmux;

use binary::Env;
use std::path::Path;
use std::time::Duration;
use tmux::Term;

/// The folder with the shipped sessions copied in, and the caches the released version left.
fn env() -> Env {
    let env = Env::new();
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions");
    for e in std::fs::read_dir(shipped).unwrap() {
        let e = e.unwrap();
        let copy = env.dir.join(e.file_name());
        std::fs::copy(e.path(), &copy).unwrap();
        // Saved a minute ago: settled, so the commands cache them (see `derived::SETTLE`).
        let past = std::time::SystemTime::now() - Duration::from_secs(60);
        let file = std::fs::File::options().write(true).open(&copy).unwrap();
        file.set_modified(past).unwrap();
    }
    std::fs::write(env.dir.join(".atelier-cache.ron"), "(format: 1)\nold\n").unwrap();
    std::fs::write(env.dir.join(".atelier-report-cache.ron"), "(format: 1)\n").unwrap();
    env
}

fn session_id(env: &Env) -> String {
    let listing = atelier::store::Store::new(&env.dir).list();
    listing.sessions[0].id.as_str().to_string()
}

#[test]
fn report_check_show_and_export_to_stdout_write_nothing_in_the_folder() {
    let env = env();
    let id = session_id(&env);
    // The listing above made the cache in this test's process; the commands below run in
    // their own home: they start without one, which is when they would write it.
    let before = tmux::snapshot(&env.dir);
    let commands: Vec<Vec<&str>> = vec![
        vec!["report"],
        vec!["report", "--format", "csv", "--by", "trade"],
        vec!["check"],
        vec!["show", &id],
        vec!["show", &id, "--private"],
        vec!["export", &id, "--format", "html"],
        vec!["export", &id, "--format", "md", "--anonymize"],
        vec!["export", &id, "--format", "csv"],
        vec!["report"],
    ];
    for args in commands {
        let out = env
            .cmd()
            .arg("--dir")
            .arg(env.dir())
            .args(&args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {out:?}");
        assert!(
            tmux::snapshot(&env.dir) == before,
            "{args:?} changed the sessions folder"
        );
    }
    // The caches are in the OS cache folder of the commands' home, private.
    let cache = env.home.path().join(".cache").join("atelier");
    let names: Vec<String> = std::fs::read_dir(&cache)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().any(|n| n.starts_with("report-")), "{names:?}");
    // `show ID` and `export ID` ask the folder's index (issue 14, point 5).
    let index = names
        .iter()
        .find(|n| n.starts_with("index-") && n.ends_with(".sqlite"));
    assert!(index.is_some(), "{names:?}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&cache).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700);
        // It holds the sessions' texts: its owner's only, and so are SQLite's files beside it.
        for name in names.iter().filter(|n| n.starts_with("index-")) {
            let mode = std::fs::metadata(cache.join(name))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600, "{name}");
        }
    }
}

#[test]
fn replay_writes_nothing_in_the_folder() {
    if !tmux::available() {
        eprintln!("tmux not found: skipped");
        return;
    }
    let env = env();
    let id = session_id(&env);
    let before = tmux::snapshot(&env.dir);
    let mut term = Term::new(100, 30);
    term.start(
        &["--dir", env.dir(), "replay", &id],
        &[("RUST_BACKTRACE", "0")],
    );
    std::thread::sleep(Duration::from_millis(800));
    term.keys(&["Right", "Right", "End"]);
    std::thread::sleep(Duration::from_millis(300));
    term.keys(&["q"]);
    assert_eq!(term.wait_exit(), 0, "{}", term.screen());
    assert!(
        tmux::snapshot(&env.dir) == before,
        "replay changed the folder"
    );
}

/// A folder's caches note whose folder they are; a start of atelier removes the caches of a
/// folder that is gone once none of them has been written for a month, and nothing else:
/// not a gone folder's caches written lately, not those of a folder still there, not caches
/// without a note (written before notes existed).
#[test]
fn a_start_removes_the_caches_of_folders_gone_for_a_month() {
    if !tmux::available() {
        eprintln!("tmux not found: skipped");
        return;
    }
    let env = env();
    let mut term = Term::new(100, 30);
    let cache = term.path("home").join(".cache").join("atelier");
    std::fs::create_dir_all(&cache).unwrap();
    let now = std::time::SystemTime::now();
    let aged = |name: &str, text: &str, days: u64| {
        let path = cache.join(name);
        std::fs::write(&path, text).unwrap();
        let file = std::fs::File::options().write(true).open(&path).unwrap();
        file.set_modified(now - Duration::from_secs(days * 24 * 3600))
            .unwrap();
        path
    };
    let gone = [
        aged("folder-00000000000000aa.path", "/nowhere/sessions", 40),
        aged("index-00000000000000aa.sqlite", "", 40),
        aged("report-00000000000000aa.bin", "", 35),
    ];
    let kept = [
        aged("folder-00000000000000bb.path", "/nowhere/else", 40),
        aged("listing-00000000000000bb.ron", "", 2),
        aged("index-00000000000000cc.sqlite", "", 400),
    ];
    term.start(&["--dir", env.dir()], &[("RUST_BACKTRACE", "0")]);
    term.wait_for("Boulangers de Tanger");
    // The folder's own caches are written with the listing, its note beside them.
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    let note = loop {
        let notes: Vec<_> = std::fs::read_dir(&cache)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                name.starts_with("folder-") && !name.contains("00000000000000")
            })
            .collect();
        if let [note] = notes.as_slice() {
            break note.clone();
        }
        assert!(std::time::Instant::now() < deadline, "no note in {cache:?}");
        std::thread::sleep(Duration::from_millis(100));
    };
    term.keys(&["q"]);
    assert_eq!(term.wait_exit(), 0, "{}", term.screen());
    let canonical = env.dir.canonicalize().unwrap();
    assert_eq!(
        std::fs::read_to_string(&note).unwrap(),
        canonical.to_string_lossy()
    );
    for path in &gone {
        assert!(!path.exists(), "{} left", path.display());
    }
    for path in &kept {
        assert!(path.exists(), "{} removed", path.display());
    }
}
