//! A terminal closed, `kill`, SIGINT or SIGQUIT while a session is open: the card just
//! validated is in the file, the lock is let go, the terminal is given back as it was
//! (main screen, cursor shown, cooked mode), the demo's copy is removed, and atelier ends by
//! that same signal (the shell sees 128 + N). Through the real binary in tmux.

#[path = "common/tmux.rs"]
mod tmux;

use atelier::store;
use std::path::Path;
use std::process::Command;
use tmux::Term;

/// SIGHUP, SIGINT, SIGQUIT, SIGTERM: their names for `kill` and their numbers.
const SIGNALS: [(&str, i32); 4] = [("HUP", 1), ("INT", 2), ("QUIT", 3), ("TERM", 15)];

fn send(term: &Term, signal: &str) {
    let pid = term.pid();
    let sent = Command::new("kill")
        .args([&format!("-{signal}"), &pid.to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
}

/// The terminal as atelier found it: out of the alternate screen, cursor shown, and the
/// line discipline cooked again (raw mode turns `icanon` and `echo` off).
#[track_caller]
fn assert_terminal_restored(term: &Term, what: &str) {
    assert_eq!(
        term.format("#{alternate_on}"),
        "0",
        "{what}: the alternate screen is left"
    );
    assert_eq!(
        term.format("#{cursor_flag}"),
        "1",
        "{what}: the cursor is shown"
    );
    let tty = term.format("#{pane_tty}");
    let out = Command::new("stty")
        .args(["-a", "-F", &tty])
        .output()
        .unwrap();
    let modes = String::from_utf8_lossy(&out.stdout);
    let words: Vec<&str> = modes.split_whitespace().collect();
    assert!(
        words.contains(&"icanon") && words.contains(&"echo"),
        "{what}: the terminal is left raw:\n{modes}"
    );
}

/// Opens the bakers' session in its needs phase and validates a card; returns the card.
fn validate_a_card(term: &Term, signal: &str) -> String {
    term.wait_for("Boulangers de Tanger");
    term.keys(&["Enter"]);
    let screen = term.wait_for("Cartes (");
    let count: usize = screen
        .split("Cartes (")
        .nth(1)
        .and_then(|r| r.split(')').next())
        .and_then(|n| n.parse().ok())
        .expect("the number of cards");
    let card = format!("Carte avant SIG{signal} 🥖");
    term.keys(&["a"]);
    term.text(&card);
    term.keys(&["Enter"]);
    term.wait_for(&format!("Cartes ({})", count + 1));
    card
}

#[test]
fn each_ending_signal_saves_the_last_card_releases_the_lock_and_restores_the_terminal() {
    if !tmux::available() {
        return;
    }
    for (name, number) in SIGNALS {
        let mut term = Term::new(80, 24);
        let dir = term.path("sessions");
        store::ensure_dir(&dir).unwrap();
        let mut session = atelier::sample::bakers_session(chrono::Utc::now(), 3);
        session.current_phase = 2; // the needs
        let file = dir.join("bakers.ron");
        store::save(&file, &session).unwrap();
        term.start(
            &["--dir", dir.to_str().unwrap()],
            &[("RUST_BACKTRACE", "0")],
        );
        let card = validate_a_card(&term, name);
        // And half of the next one, in the field that stays open for it: a draft.
        let draft = format!("Brouillon avant SIG{name}");
        term.text(&draft);
        term.wait_for(&draft);
        // At once: typed, not yet written (saves wait for a pause in the typing).
        send(&term, name);
        assert_eq!(term.wait_exit(), 128 + number, "SIG{name}: ended by it");
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(text.contains(&card), "SIG{name}: the card is in the file");
        let saved = store::load(&file).unwrap();
        assert!(
            saved.drafts.values().any(|d| *d == draft),
            "SIG{name}: the draft is in the file: {:?}",
            saved.drafts
        );
        assert!(
            !store::lock_path(&file).exists(),
            "SIG{name}: the lock file is left"
        );
        assert_terminal_restored(&term, &format!("SIG{name}"));
    }
}

fn demo_copies(tmp: &Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(tmp)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect()
}

#[test]
fn a_signal_removes_the_demo_copy() {
    if !tmux::available() {
        return;
    }
    for (name, number) in [("HUP", 1), ("TERM", 15)] {
        let mut term = Term::new(80, 24);
        term.start(&["demo"], &[("RUST_BACKTRACE", "0")]);
        term.wait_for("Boulangers de Tanger");
        assert_eq!(demo_copies(&term.tmpdir()).len(), 1, "the demo's copy");
        send(&term, name);
        assert_eq!(term.wait_exit(), 128 + number, "SIG{name}: ended by it");
        let left = demo_copies(&term.tmpdir());
        assert!(
            left.is_empty(),
            "SIG{name}: the demo copy is left: {left:?}"
        );
        assert_terminal_restored(&term, &format!("demo, SIG{name}"));
    }
}

/// The terminal window closed for real (not a signal sent by hand): the card just validated
/// is saved, the lock let go, and the demo's copy removed, though no terminal is left to
/// restore.
#[test]
fn closing_the_terminal_window_saves_and_cleans_up() {
    if !tmux::available() {
        return;
    }
    let mut term = Term::new(80, 24);
    let dir = term.path("sessions");
    store::ensure_dir(&dir).unwrap();
    let mut session = atelier::sample::bakers_session(chrono::Utc::now(), 3);
    session.current_phase = 2;
    let file = dir.join("bakers.ron");
    store::save(&file, &session).unwrap();
    term.start(
        &["--dir", dir.to_str().unwrap()],
        &[("RUST_BACKTRACE", "0")],
    );
    let card = validate_a_card(&term, "HUP (fenêtre fermée)");
    let pid = term.pid();
    term.close();
    wait_gone(pid);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains(&card), "the card is in the file");
    assert!(!store::lock_path(&file).exists(), "the lock file is left");

    let mut term = Term::new(80, 24);
    term.start(&["demo"], &[("RUST_BACKTRACE", "0")]);
    term.wait_for("Boulangers de Tanger");
    let pid = term.pid();
    term.close();
    wait_gone(pid);
    let left = demo_copies(&term.tmpdir());
    assert!(left.is_empty(), "the demo copy is left: {left:?}");
}

/// Waits for a process to end.
#[track_caller]
fn wait_gone(pid: u32) {
    let start = std::time::Instant::now();
    while Path::new(&format!("/proc/{pid}")).exists() {
        assert!(start.elapsed() < tmux::WAIT, "atelier {pid} still runs");
        std::thread::sleep(std::time::Duration::from_millis(40));
    }
}
