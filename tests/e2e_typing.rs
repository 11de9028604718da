//! Typing in the real binary in a real 80×24 terminal (tmux, see tests/common/tmux.rs): a
//! field opened in the smallest pane shows what is typed, and Alt-Enter makes a new line in
//! every encoding a terminal sends it in (`ESC CR` at once, `ESC` and `CR` read apart,
//! `CSI 13;3u`), in a card and in a follow-up comment.
//!
//! Needs tmux: without it the tests say they are skipped and pass, except under CI.

#[path = "common/tmux.rs"]
mod tmux;

use atelier::i18n::Lang;
use atelier::method::PhaseKind;
use atelier::model::Session;
use atelier::store;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use tmux::Term;

/// Starts atelier at 80×24 on a folder holding `session`, and opens it.
fn opened(session: &Session) -> (Term, PathBuf) {
    let mut t = Term::new(80, 24);
    let dir = t.path("sessions");
    std::fs::create_dir(&dir).unwrap();
    let file = store::Store::new(&dir).path_for_new(session);
    store::save(&file, session).unwrap();
    t.start(
        &["--dir", dir.to_str().unwrap()],
        &[("RUST_BACKTRACE", "0")],
    );
    t.wait_for(&session.group.name);
    t.keys(&["Enter"]);
    t.wait_for(&format!("séance {}", session.number));
    (t, file)
}

/// Polls the session file until `pred` holds on the session it holds.
#[track_caller]
fn wait_saved(file: &Path, what: &str, pred: impl Fn(&Session) -> bool) {
    let start = Instant::now();
    loop {
        if store::load(file).is_ok_and(|s| pred(&s)) {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "waited for {what} in {}",
            file.display()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Alt-Enter in each encoding, between the words: one read, two reads, the kitty protocol.
fn type_lines(t: &Term, words: [&str; 4]) {
    t.text(words[0]);
    t.keys(&["-H", "1b", "0d"]);
    t.text(words[1]);
    t.keys(&["-H", "1b"]);
    t.keys(&["-H", "0d"]);
    t.text(words[2]);
    t.keys(&["-H", "1b", "5b", "31", "33", "3b", "33", "75"]);
    t.text(words[3]);
}

#[test]
fn a_guest_typed_in_the_three_row_pane_is_on_screen_at_80x24() {
    if !tmux::available() {
        return;
    }
    let s = Lang::Fr.strings();
    let session = atelier::sample::bakers_first_session(chrono::Utc::now(), 7);
    let (t, file) = opened(&session);
    t.wait_for(&format!("{} (0)", s.pane_guests));
    t.keys(&["Tab", "a"]);
    t.text("Nadia, CRI");
    // Typed, not validated yet: in the field, on screen.
    let screen = t.wait_for("Nadia, CRI");
    assert!(screen.contains('✎'), "the field is open:\n{screen}");
    t.keys(&["Enter"]);
    wait_saved(&file, "the guest", |s| {
        s.checkin.guests.iter().any(|g| g.text == "Nadia, CRI")
    });
}

#[test]
fn alt_enter_is_a_new_line_in_a_card_and_a_follow_up_comment_in_every_encoding() {
    if !tmux::available() {
        return;
    }
    let mut session = atelier::sample::bakers_session(chrono::Utc::now(), 7);
    session.current_phase = session.method.index_of(PhaseKind::NeedEmergence).unwrap();
    let cards = session.needs.cards.len();
    let (t, file) = opened(&session);

    t.keys(&["a"]);
    type_lines(&t, ["un", "deux", "trois", "quatre"]);
    t.wait_for("quatre");
    t.keys(&["Enter"]);
    wait_saved(&file, "a card of four lines", |s| {
        s.needs.cards.len() == cards + 1
            && s.needs.cards.last().unwrap().text == "un\ndeux\ntrois\nquatre"
    });
    t.esc();

    // The follow-up: the first action's comment.
    t.keys(&["["]);
    t.wait_for("▶Suivi");
    t.keys(&["e"]);
    t.keys(&["C-u"]);
    type_lines(&t, ["fait", "reste", "à", "voir"]);
    t.wait_for("voir");
    t.keys(&["Enter"]);
    wait_saved(&file, "a comment of four lines", |s| {
        s.followup
            .reviews
            .iter()
            .any(|r| r.comment == "fait\nreste\nà\nvoir")
    });
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
}
