//! `atelier demo`: the demo groups are built into the binary, every one of them, and a
//! trainer can play with them in a real terminal without touching `sessions/` or the
//! advisor's own sessions folder.

#[path = "common/tmux.rs"]
mod tmux;

use atelier::demo::FILES;
use atelier::i18n::Lang;
use atelier::store;
use std::path::Path;
use std::time::{Duration, Instant};

fn shipped_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions")
}

/// A file added to `sessions/` and forgotten in `demo::FILES` would be missing from an
/// installed atelier's demo; one changed since the build would be stale.
#[test]
fn every_shipped_session_is_embedded_as_it_is() {
    let on_disk = store::session_files(&shipped_dir()).unwrap();
    let names: Vec<String> = on_disk
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    let mut embedded: Vec<&str> = FILES.iter().map(|f| f.name).collect();
    embedded.sort();
    assert_eq!(embedded, names, "demo::FILES lists the files of sessions/");
    for f in FILES {
        let text = std::fs::read_to_string(shipped_dir().join(f.name)).unwrap();
        assert!(text == f.text, "{} changed since it was embedded", f.name);
    }
}

#[test]
fn the_embedded_copy_loads_and_passes_check() {
    let dir = tempfile::tempdir().unwrap();
    atelier::demo::write_to(dir.path()).unwrap();
    let files = store::session_files(dir.path()).unwrap();
    assert_eq!(files.len(), FILES.len());
    assert!(FILES.len() >= 6, "two groups, three sessions each");
    for path in files {
        let s = store::load(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let warnings = store::check_session(&s, Lang::En.strings());
        assert!(warnings.is_empty(), "{}: {warnings:?}", path.display());
    }
}

/// Waits until the demo copy in `tmp` holds a session file containing `text`.
fn wait_demo_file(tmp: &Path, text: &str) {
    let start = Instant::now();
    loop {
        let found = std::fs::read_dir(tmp)
            .into_iter()
            .flatten()
            .flatten()
            .flat_map(|d| store::session_files(&d.path()).unwrap_or_default())
            .any(|p| {
                std::fs::read_to_string(p)
                    .unwrap_or_default()
                    .contains(text)
            });
        if found {
            return;
        }
        assert!(
            start.elapsed() < tmux::WAIT,
            "{text:?} never saved in the demo copy under {}",
            tmp.display()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn the_demo_in_a_real_terminal_leaves_every_real_session_untouched() {
    if !tmux::available() {
        return;
    }
    let mut term = tmux::Term::new(100, 30);
    // The advisor's own folder, with a session in it, named by ATELIER_DIR.
    let real = term.path("real-sessions");
    store::ensure_dir(&real).unwrap();
    let mine = atelier::sample::bakers_first_session(chrono::Utc::now(), 99);
    store::save(&real.join("mine.ron"), &mine).unwrap();
    let real_before = tmux::snapshot(&real);
    let shipped_before = tmux::snapshot(&shipped_dir());

    term.start(&["demo"], &[("ATELIER_DIR", &real)]);
    let banner = Lang::Fr.strings().demo.banner;
    term.wait_for(banner);
    term.wait_for("Boulangers de Tanger");
    // Opens the bakers' session in progress, goes back to the needs and adds a card.
    term.keys(&["Enter"]);
    term.wait_for("Boulangers de Tanger · séance 3");
    term.keys(&["[", "[", "[", "["]);
    term.wait_for("Cartes (24)");
    term.keys(&["a"]);
    let card = "Carte de démonstration 🥖";
    term.text(card);
    term.keys(&["Enter"]);
    term.wait_for("Cartes (25)");
    let screen = term.wait_for(banner);
    assert!(
        screen.lines().next().unwrap_or("").contains(banner),
        "{screen}"
    );
    // Saved, as in real use, in the throwaway copy.
    wait_demo_file(&term.tmpdir(), card);
    term.esc();
    term.keys(&["q"]);
    assert_eq!(term.wait_exit(), 0);

    assert_eq!(
        tmux::snapshot(&real),
        real_before,
        "the real folder changed"
    );
    assert_eq!(
        tmux::snapshot(&shipped_dir()),
        shipped_before,
        "sessions/ changed"
    );
    let left: Vec<_> = std::fs::read_dir(term.tmpdir())
        .unwrap()
        .flatten()
        .collect();
    assert!(left.is_empty(), "the demo copy was not removed: {left:?}");
}
