//! The programme screen in a real terminal (tmux, as `tests/e2e.rs` drives atelier): from
//! the home screen over a copy of the shipped `sessions/` folder, `P` shows the folder's
//! figures as `atelier report` counts them, Tab groups them by advisor, Esc goes back home.
//!
//! Needs tmux (see `tests/common/tmux.rs`).

#[path = "common/tmux.rs"]
mod tmux;

use atelier::i18n::{Lang, fill};
use atelier::report::{self, Options};
use std::path::Path;
use tmux::Term;

#[test]
fn p_on_home_shows_the_shipped_sessions_figures() {
    if !tmux::available() {
        return;
    }
    let s = Lang::Fr.strings();
    let p = s.programme;
    let mut t = Term::new(100, 30);
    let dir = t.path("sessions");
    std::fs::create_dir(&dir).unwrap();
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions");
    for entry in std::fs::read_dir(shipped).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
    }
    // What the report counts of the same folder (overdue as of today, as atelier does).
    let want = report::aggregate_folder(
        report::read_folder(&dir).unwrap(),
        Options {
            today: Some(chrono::Local::now().date_naive()),
            ..Options::default()
        },
    );
    let f = &want.total;
    assert_eq!(f.sessions, 6, "the shipped sessions");

    t.start(
        &["--dir", dir.to_str().unwrap()],
        &[("RUST_BACKTRACE", "0")],
    );
    t.wait_for("Boulangers de Tanger");
    t.keys(&["P"]);
    let screen = t.wait_for(&p.actions.n(f.planned));
    assert!(screen.contains(p.attendance_by_month), "{screen}");
    assert!(screen.contains(p.needs_by_category), "{screen}");
    // The whole period's row: sessions, groups, members, attendance as the report says it.
    let rate = (f.present as f64 * 100.0 / f.expected() as f64).round();
    let total = screen
        .lines()
        .find(|l| l.trim_start().starts_with(s.report.all))
        .unwrap_or_else(|| panic!("the whole period's row in\n{screen}"));
    let cells: Vec<&str> = total.split_whitespace().collect();
    let mut expected = vec![s.report.all.to_string()];
    expected.extend([f.sessions, f.groups, f.members].map(|n| n.to_string()));
    assert_eq!(cells[..expected.len()], expected[..], "{screen}");
    assert!(
        total.contains(&fill(s.report.percent, &[&rate])),
        "{rate} % in {total}"
    );

    // Tab: by advisor, the advisors as rows.
    t.keys(&["Tab"]);
    let screen = t.wait_for("Karima Lahlou");
    assert!(screen.contains("Samira Benjelloun"), "{screen}");
    t.esc();
    t.wait_for("Boulangers de Tanger");
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
}
