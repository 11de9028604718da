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
use strum::VariantArray;

/// A session shown in the phase of `pane`, that pane focused, its first row selected.
fn at_pane(session: Session, pane: Pane, size: (u16, u16)) -> Harness {
    let mut session = session;
    let kind = (PhaseKind::VARIANTS.iter().copied())
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

fn ctrl(h: &mut Harness, c: char) {
    h.ctrl(c);
}

/// The text of the focused field of the setup (group form or member popup) or action form.
fn form_value(h: &Harness) -> String {
    match &h.model.screen {
        atelier::ui::Screen::Setup(setup) => {
            let form = match &setup.member_form {
                Some(mf) => &mf.form,
                None => &setup.form,
            };
            form.focused_field().unwrap().value()
        }
        atelier::ui::Screen::Session(s) => {
            let af = s.action_form.as_ref().expect("the action form is open");
            af.form.focused_field().unwrap().value()
        }
        _ => panic!("no form on screen"),
    }
}

#[test]
fn ctrl_u_clears_a_session_field_and_ctrl_z_ctrl_y_undo_and_redo() {
    let mut h = at_pane(sample::bakers_session(t0(), 7), Pane::Cards, (80, 24));
    let card = h.session().needs.cards[0].text.clone();
    h.keys("e");
    assert_eq!(h.editor_text().as_deref(), Some(card.as_str()));
    ctrl(&mut h, 'u');
    assert_eq!(h.editor_text().as_deref(), Some(""), "Ctrl-U clears");
    assert!(
        h.session().drafts.values().any(String::is_empty),
        "the cleared text is the field's draft"
    );
    ctrl(&mut h, 'z');
    assert_eq!(
        h.editor_text().as_deref(),
        Some(card.as_str()),
        "Ctrl-Z undoes"
    );
    ctrl(&mut h, 'y');
    assert_eq!(h.editor_text().as_deref(), Some(""), "Ctrl-Y redoes");
    h.keys("au four");
    ctrl(&mut h, 'w');
    assert_eq!(
        h.editor_text().as_deref(),
        Some("au "),
        "Ctrl-W deletes a word"
    );
}

#[test]
fn ctrl_u_clears_a_prefilled_field_of_the_member_and_action_forms() {
    // A member's trade comes from the group's: Ctrl-U clears it.
    let mut h = Harness::new();
    h.keys("n");
    h.keys("Boulangers");
    h.tab();
    h.keys("Boulangerie");
    h.back_tab();
    h.back_tab(); // from the first field to the members
    h.keys("a");
    h.tab();
    h.tab();
    assert_eq!(form_value(&h), "Boulangerie");
    ctrl(&mut h, 'u');
    assert_eq!(form_value(&h), "", "Ctrl-U clears the trade");
    ctrl(&mut h, 'z');
    assert_eq!(form_value(&h), "Boulangerie", "Ctrl-Z brings it back");

    // An action's title, prefilled (from its idea, or as it was typed).
    let mut h = at_pane(sample::bakers_session(t0(), 7), Pane::Actions, (80, 24));
    h.keys("e");
    assert!(!form_value(&h).is_empty(), "the title is there");
    ctrl(&mut h, 'u');
    assert_eq!(form_value(&h), "", "Ctrl-U clears the action's title");
    h.keys("Acheter");
    assert_eq!(form_value(&h), "Acheter");
}

#[test]
fn the_in_field_keys_are_rows_of_the_key_table() {
    use atelier::keymap::{Action, Ctx, TABLE};
    for action in [
        Action::ClearField,
        Action::DeleteWord,
        Action::Undo,
        Action::Redo,
    ] {
        assert!(
            TABLE
                .iter()
                .any(|b| b.ctx == Ctx::TextField && b.action == action),
            "{action:?} is a row of the key table"
        );
    }
    assert!(
        TABLE
            .iter()
            .any(|b| b.ctx == Ctx::MultiLine && b.action == Action::NewLine)
    );
    // The help of a field being typed in lists them.
    let mut h = at_pane(sample::bakers_session(t0(), 7), Pane::Cards, (100, 30));
    h.keys("a");
    h.key(ratatui::crossterm::event::KeyEvent::new(
        KeyCode::F(1),
        ratatui::crossterm::event::KeyModifiers::NONE,
    ));
    let help = text(&draw(&h.model, 100, 60));
    let s = h.strings();
    for action in [
        Action::ClearField,
        Action::DeleteWord,
        Action::Undo,
        Action::Redo,
        Action::NewLine,
    ] {
        assert!(
            help.contains(action.label(s)),
            "the help lists {action:?}:\n{help}"
        );
    }
}

#[test]
fn alt_enter_is_a_new_line_in_every_field_of_several_lines() {
    let cases = [
        (Pane::Cards, "a"),
        (Pane::Cards, "e"),
        (Pane::Ideas, "a"),
        (Pane::Reviews, "e"),
        (Pane::ClosingMembers, "e"),
        (Pane::Remarks, "a"),
        (Pane::Statement, "a"),
    ];
    for (pane, key) in cases {
        let mut h = at_pane(sample::bakers_session(t0(), 7), pane, (80, 24));
        h.keys(key);
        ctrl(&mut h, 'u');
        h.keys("un");
        h.alt_enter();
        h.keys("deux");
        assert_eq!(
            h.editor_text().as_deref(),
            Some("un\ndeux"),
            "{pane:?} ({key}): Alt-Enter is a new line"
        );
    }
    // A field of one line: Alt-Enter validates, as Enter does.
    let mut h = at_pane(sample::bakers_session(t0(), 7), Pane::Guests, (80, 24));
    let before = h.session().checkin.guests.len();
    h.keys("a");
    h.keys("Nadia");
    h.alt_enter();
    assert_eq!(h.session().checkin.guests.len(), before + 1);
    assert_eq!(h.session().checkin.guests.last().unwrap().text, "Nadia");
}

/// The start of the forms a date takes, short enough to be on one line at 80 columns.
fn date_forms_head(h: &Harness) -> String {
    h.strings().date_forms.chars().take(17).collect()
}

#[test]
fn date_fields_say_what_they_take_before_anything_is_typed() {
    // The group's session date.
    let mut h = Harness::new();
    h.keys("n");
    while form_value(&h) != common::t0().date_naive().format("%d/%m/%Y").to_string() {
        h.tab();
    }
    let head = date_forms_head(&h);
    for (w, hgt) in [(80, 24), (100, 30)] {
        let screen = text(&draw(&h.model, w, hgt));
        assert!(screen.contains(&head), "setup date at {w}×{hgt}:\n{screen}");
    }
    // An action's due date.
    let mut h = at_pane(sample::bakers_session(t0(), 7), Pane::Actions, (80, 24));
    h.keys("a");
    h.tab();
    h.tab();
    let screen = text(&draw(&h.model, 80, 24));
    assert!(screen.contains(&head), "due date:\n{screen}");
    // The next meeting's date, prefilled or not.
    for session in [
        sample::bakers_session(t0(), 7),
        sample::bakers_first_session(t0(), 7),
    ] {
        for (w, hgt) in [(80, 24), (100, 30)] {
            let mut h = at_pane(session.clone(), Pane::NextDate, (w, hgt));
            h.keys("a");
            let screen = text(&draw(&h.model, w, hgt));
            assert!(screen.contains(&head), "next date at {w}×{hgt}:\n{screen}");
        }
    }
}

#[test]
fn plus_fourteen_is_fourteen_days() {
    let mut session = sample::bakers_first_session(t0(), 7);
    session.closing.next.date = None;
    let mut h = at_pane(session, Pane::NextDate, (80, 24));
    h.keys("a");
    h.keys("+14");
    h.enter();
    assert!(h.ui().editor.is_none(), "accepted");
    let date = h.session().date;
    assert_eq!(
        h.session().closing.next.date,
        Some(date + chrono::Days::new(14)),
        "{:?}",
        h.ui().editor.as_ref().and_then(|e| e.error.clone())
    );
}

/// The value shown by the focused choice field of the setup's form or member popup.
fn choice_shown(h: &Harness) -> String {
    let atelier::ui::Screen::Setup(setup) = &h.model.screen else {
        panic!("the setup on screen")
    };
    let form = match &setup.member_form {
        Some(mf) => &mf.form,
        None => &setup.form,
    };
    let f = form.focused_field().unwrap();
    f.options()[f.choice].clone()
}

#[test]
fn typing_a_letter_in_a_choice_field_jumps_to_the_first_value_that_starts_with_it() {
    let mut h = Harness::new();
    h.keys("n");
    h.tab();
    h.tab(); // the region
    h.keys("f");
    assert_eq!(choice_shown(&h), "Fès-Meknès");
    h.keys("d");
    assert_eq!(choice_shown(&h), "Drâa-Tafilalet", "accents ignored");
    h.keys("d");
    assert_eq!(
        choice_shown(&h),
        "Dakhla-Oued Ed-Dahab",
        "again: the next one"
    );
    h.keys("d");
    assert_eq!(choice_shown(&h), "Drâa-Tafilalet", "and round");
    h.keys("L");
    assert_eq!(choice_shown(&h), "Laâyoune-Sakia El Hamra", "case ignored");
    h.keys("x");
    assert_eq!(
        choice_shown(&h),
        "Laâyoune-Sakia El Hamra",
        "no match: no move"
    );
    // The member's legal status too.
    h.back_tab();
    h.back_tab();
    h.back_tab(); // to the members
    h.keys("a");
    for _ in 0..3 {
        h.tab();
    }
    let first = choice_shown(&h);
    let wanted = {
        let atelier::ui::Screen::Setup(setup) = &h.model.screen else {
            unreachable!()
        };
        let f = setup
            .member_form
            .as_ref()
            .unwrap()
            .form
            .focused_field()
            .unwrap();
        f.options().last().unwrap().clone()
    };
    let letter = wanted.chars().next().unwrap();
    h.keys(&letter.to_lowercase().to_string());
    assert_ne!(choice_shown(&h), first);
    assert!(
        choice_shown(&h)
            .to_lowercase()
            .starts_with(&letter.to_lowercase().to_string()),
        "{} starts with {letter}",
        choice_shown(&h)
    );
}

#[test]
fn the_members_hint_names_a_key_that_adds_a_member_from_any_field() {
    use atelier::keymap::{Action, Ctx, key_label};
    let mut h = Harness::new();
    h.keys("n");
    h.keys("Boulangers");
    let key = key_label(Ctx::SetupForm, Action::AddMember);
    assert_eq!(key, "Ctrl-N");
    for (w, hgt) in [(80, 24), (100, 30)] {
        let screen = text(&draw(&h.model, w, hgt));
        let hint = screen
            .lines()
            .find(|l| l.contains(&key))
            .unwrap_or_else(|| panic!("the hint names {key} at {w}×{hgt}:\n{screen}"));
        assert!(!hint.contains("Tab"), "no Tab walk: {hint}");
    }
    // From the third field, the key opens the member form at once.
    h.tab();
    h.tab();
    h.ctrl('n');
    let atelier::ui::Screen::Setup(setup) = &h.model.screen else {
        panic!("the setup on screen")
    };
    assert!(setup.member_form.is_some(), "Ctrl-N opens the member form");
    h.keys("Fatima");
    assert_eq!(form_value(&h), "Fatima");
}

#[test]
fn form_labels_are_whole_with_their_star_and_the_members_advice_too() {
    use atelier::ui::FieldId;
    let mut h = Harness::new();
    h.keys("n");
    h.keys("Boulangers");
    h.ctrl('n');
    h.keys("Fatima");
    h.ctrl('s');
    let s = h.strings();
    for (w, hgt) in [(100, 30), (80, 24)] {
        let screen = text(&draw(&h.model, w, hgt));
        for (id, required) in [
            (FieldId::Trade, true),
            (FieldId::Host, false),
            (FieldId::Date, true),
            (FieldId::Advisor, true),
        ] {
            let label = format!("{}{}", id.label(s), if required { "*" } else { "" });
            assert!(
                screen.contains(&label),
                "{label:?} whole at {w}×{hgt}:\n{screen}"
            );
        }
        assert!(
            screen.contains(s.setup_size_hint),
            "the advice on the group's size whole at {w}×{hgt}:\n{screen}"
        );
    }
    // The member popup's labels too.
    h.keys("a");
    let screen = text(&draw(&h.model, 80, 24));
    for id in [
        FieldId::MemberTrade,
        FieldId::LegalStatus,
        FieldId::Employees,
    ] {
        assert!(screen.contains(id.label(s)), "{id:?}:\n{screen}");
    }
}
