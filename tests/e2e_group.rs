//! Issue 13 in a real terminal: from the home screen to a group's page, a coaching visit
//! typed and saved, atelier quit; the visit read back with `atelier show` (by its id, only
//! with `--private`: a visit is the advisor's own), and on the group's page after a
//! restart. Needs tmux (see tests/e2e.rs).

#[path = "common/tmux.rs"]
mod tmux;

use atelier::i18n::Lang;
use atelier::store;
use std::process::Command;
use tmux::Term;

const SEEN: &str = "Machine réparée 🧵 — الخياطة";

#[test]
fn a_visit_typed_on_the_group_page_is_shown_by_show_and_after_a_restart() {
    if !tmux::available() {
        return;
    }
    let s = Lang::Fr.strings();
    let gs = s.group_page;
    let mut t = Term::new(100, 30);
    let dir = t.path("sessions");
    std::fs::create_dir(&dir).unwrap();
    let st = store::Store::new(&dir);
    let series = atelier::sample::series(chrono::Utc::now(), 7);
    let tailors = series[0].group.name.clone();
    for session in &series {
        store::save(&st.path_for_new(session), session).unwrap();
    }
    let args = ["--dir", dir.to_str().unwrap()];
    t.start(&args, &[("RUST_BACKTRACE", "0")]);
    t.wait_for(&tailors);
    t.keys(&["p"]);
    t.wait_for(gs.title);
    t.keys(&["v"]);
    t.wait_for(gs.form_visit);
    // The second member; then past the date and the topics to what was seen.
    t.keys(&["Right", "Tab", "Tab", "Tab"]);
    t.text(SEEN);
    t.wait_for("Machine réparée");
    t.keys(&["C-s"]);
    t.wait_gone(gs.form_visit);
    let screen = t.wait_for("Machine réparée");
    assert!(
        screen.contains(&fill_section(gs.section_records)),
        "{screen}"
    );
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);

    // One visit file, named for what it is.
    let visits: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains("_visit_"))
        .collect();
    assert_eq!(visits.len(), 1, "{visits:?}");
    let record = store::load_record(&visits[0]).unwrap();
    let id = record.dated().id().as_str()[..6].to_string();

    // `show` takes its id; a visit is private.
    let show = |private: bool| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_atelier"));
        c.args(["show", &id, "--dir", dir.to_str().unwrap()])
            .env("LANG", "C.UTF-8")
            .env("HOME", t.path("home"));
        if private {
            c.arg("--private");
        }
        c.output().unwrap()
    };
    let refused = show(false);
    assert_eq!(refused.status.code(), Some(1));
    assert!(!String::from_utf8_lossy(&refused.stdout).contains("Machine réparée"));
    let shown = show(true);
    assert!(shown.status.success(), "{shown:?}");
    let text = String::from_utf8_lossy(&shown.stdout);
    assert!(text.contains(SEEN), "{text}");

    // And on the page after a restart.
    t.start(&args, &[("RUST_BACKTRACE", "0")]);
    t.wait_for(&tailors);
    t.keys(&["p"]);
    t.wait_for(gs.title);
    t.keys(&["BTab"]);
    let screen = t.wait_for("Machine réparée");
    assert!(screen.contains("Machine réparée"), "{screen}");
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
}

/// The section's name as its tab says it, without the count.
fn fill_section(label: &str) -> String {
    label.split(" (").next().unwrap_or(label).to_string()
}
