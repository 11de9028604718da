//! Typing in a field, whatever the pane and the screen: every pane that opens a field shows
//! what is typed (at 80×24 and 100×30), the in-field keys (clear, word, undo, redo, new
//! line) work in every field, date fields say what they take before anything is typed.

mod common;

use atelier::method::PhaseKind;
use atelier::model::Session;
use atelier::sample;
use atelier::ui::Pane;
use atelier::update::Msg;
use common::screen::{draw, text};
use common::{Harness, t0};
use ratatui::crossterm::event::KeyCode;

/// A session shown in the phase of `pane`, that pane focused, its first row selected.
fn at_pane(session: Session, pane: Pane, size: (u16, u16)) -> Harness {
    let mut session = session;
    let kind = (PhaseKind::ALL.into_iter())
        .find(|k| Pane::for_phase(*k).contains(&pane))
        .expect("a phase shows the pane");
    session.current_phase = session.method.index_of(kind).unwrap();
    let mut h = Harness::with_session(session, false);
    h.send(Msg::Resized {
        width: size.0,
        height: size.1,
    });
    let i = Pane::for_phase(kind)
        .iter()
        .position(|p| *p == pane)
        .unwrap();
    let ui = h.model.session_mut().unwrap();
    ui.focus.insert(kind, i);
    ui.selected.insert(pane, 0);
    h
}

/// Opens the field of a pane as a person does: `a` adds (or opens a text pane), `e` edits
/// the selected row where rows are not added (a review's comment, a commitment), `b` the
/// number of dots.
fn open_field(h: &mut Harness, pane: Pane) {
    match pane {
        Pane::Reviews | Pane::ClosingMembers => h.keys("e"),
        Pane::Votes => h.keys("b"),
        _ => h.keys("a"),
    }
}

/// Every pane that opens a field when asked.
const FIELD_PANES: [Pane; 17] = [
    Pane::Guests,
    Pane::Objective,
    Pane::Remarks,
    Pane::Reviews,
    Pane::Cards,
    Pane::Themes,
    Pane::Votes,
    Pane::Statement,
    Pane::Causes,
    Pane::Effects,
    Pane::Ideas,
    Pane::Actions,
    Pane::ClosingMembers,
    Pane::Comments,
    Pane::NextDate,
    Pane::NextPlace,
    Pane::NextTopic,
];

#[test]
fn every_open_field_shows_what_is_typed_at_80x24_and_100x30() {
    let sessions = [
        ("a session well under way", sample::bakers_session(t0(), 7)),
        ("a first session", sample::bakers_first_session(t0(), 7)),
    ];
    let mut failures = Vec::new();
    for (what, session) in &sessions {
        for size in [(80, 24), (100, 30)] {
            for pane in FIELD_PANES.into_iter().chain([Pane::PrivateNotes]) {
                if pane == Pane::Reviews && session.followup.reviews.is_empty() {
                    continue;
                }
                let mut h = at_pane(session.clone(), pane, size);
                open_field(&mut h, pane);
                let typed = if pane == Pane::Votes {
                    for _ in 0..4 {
                        h.code(KeyCode::Backspace);
                    }
                    "42"
                } else {
                    // One word: a long text wraps, never inside it.
                    "ZoéTape"
                };
                h.keys(typed);
                let open = h.ui().editor.is_some() || h.ui().action_form.is_some();
                let screen = text(&draw(&h.model, size.0, size.1));
                // A number alone could be anywhere: right after the box's left border.
                let shown = if pane == Pane::Votes {
                    screen.lines().any(|l| l.contains(&format!("│{typed}")))
                } else {
                    screen.contains(typed)
                };
                if !open || !shown {
                    failures.push(format!(
                        "{pane:?} in {what} at {}×{} (field open: {open}):\n{screen}",
                        size.0, size.1
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "typed text not on screen:\n{}",
        failures.join("\n\n")
    );
}
