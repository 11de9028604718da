//! Lists scroll as terminal users expect (issue 12, point 2): the selection moves inside
//! the visible rows, and the list scrolls only when the selection would leave them. The
//! offset is UI state that `update` keeps, measured as the view draws (`layout::scroll`).

mod common;

use atelier::method::PhaseKind;
use atelier::model::{Action, Card, Cause, Id, Member, Session};
use atelier::sample;
use atelier::ui::{
    GroupEntry, HomePane, Pane, ReviewRow, Screen, SessionEntry, SetupFocus, TimelinePane,
    Unreadable,
};
use atelier::update::Msg;
use common::screen::{draw, text};
use common::{Harness, t0};
use ratatui::crossterm::event::KeyCode;

/// The bakers' session in its need phase, with 60 cards: far more than 80×24 shows.
fn long_list() -> Harness {
    let mut session: Session = sample::bakers_session(t0(), 7);
    session.current_phase = session.method.index_of(PhaseKind::NeedEmergence).unwrap();
    let model = session.needs.cards[0].clone();
    session.needs.cards = (0..60)
        .map(|i| Card {
            id: Id::from(format!("card{i:08}").as_str()),
            text: format!("carte numéro {i}"),
            ..model.clone()
        })
        .collect();
    let h = Harness::with_session(session, false);
    assert_eq!(h.ui().pane(), Pane::Cards);
    assert_eq!(h.model.size, (80, 24));
    h
}

/// The screen's rows at 80×24: the row of the cursor, and the first card shown.
fn cursor_and_first(h: &Harness) -> (usize, String) {
    let screen = text(&draw(&h.model, 80, 24));
    let rows: Vec<&str> = screen.lines().collect();
    let cursor = rows
        .iter()
        .position(|r| r.contains('▶') && r.contains("carte numéro"))
        .unwrap_or_else(|| panic!("no cursor:\n{screen}"));
    let first = rows
        .iter()
        .find(|r| r.contains("carte numéro"))
        .unwrap()
        .trim_start_matches(['│', '┃', ' ', '▶'])
        .to_string();
    (cursor, first)
}

#[test]
fn up_from_the_last_card_moves_the_cursor_not_the_list() {
    let mut h = long_list();
    h.code(KeyCode::End);
    assert_eq!(h.ui().selection(Pane::Cards), 59);
    let (cursor, first) = cursor_and_first(&h);
    assert!(
        !first.contains("numéro 0 "),
        "the list is scrolled: {first}"
    );
    h.code(KeyCode::Up);
    assert_eq!(h.ui().selection(Pane::Cards), 58);
    let (cursor_up, first_up) = cursor_and_first(&h);
    assert_eq!(
        cursor_up + 1,
        cursor,
        "the cursor goes up one row on screen"
    );
    assert_eq!(first_up, first, "the list stays where it was");
}

#[test]
fn the_list_scrolls_only_at_its_edges() {
    let mut h = long_list();
    h.code(KeyCode::End);
    // Up the rows shown: the cursor moves, the list stays, until the top row.
    let mut before = cursor_and_first(&h);
    let mut moved = 0;
    loop {
        h.code(KeyCode::Up);
        let now = cursor_and_first(&h);
        if now.1 != before.1 {
            assert_eq!(
                now.0, before.0,
                "past the top row the list scrolls, not the cursor"
            );
            break;
        }
        assert_eq!(now.0 + 1, before.0, "the cursor goes up one row");
        moved += 1;
        before = now;
    }
    assert!(moved > 5, "the cursor walked up the rows shown ({moved})");
    // Down again: the cursor goes down one row and the list stays.
    let top = cursor_and_first(&h);
    h.code(KeyCode::Down);
    assert_eq!(cursor_and_first(&h), (top.0 + 1, top.1));
}

// ---------------------------------------------------------------------------------------
// Every other list, the same way: End, then ↑.

/// The number after `label` in a row of the screen, if the row has one: the rows of a list
/// are told apart so (a header naming the column has no number).
fn numbered(row: &str, label: &str) -> Option<usize> {
    let after = &row[row.find(label)? + label.len()..];
    let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// Where a list stands on the screen (80×24 unless resized): the screen row of the cursor, and the number
/// of the first row shown, its rows being told apart by `label` followed by their number.
fn place(h: &Harness, label: &str) -> (usize, usize) {
    let (width, height) = h.model.size;
    let screen = text(&draw(&h.model, width, height));
    let rows: Vec<&str> = screen.lines().collect();
    let cursor = rows
        .iter()
        .position(|r| r.contains('▶') && numbered(r, label).is_some())
        .unwrap_or_else(|| panic!("no cursor on a row of {label:?}:\n{screen}"));
    let first = rows.iter().find_map(|r| numbered(r, label)).unwrap();
    (cursor, first)
}

/// End, then ↑: the cursor goes up a screen row and the first row shown stays; ↑ again up to
/// the top row, then the list scrolls by one row and the cursor stays on the top row.
fn up_from_the_end(h: &mut Harness, label: &str) {
    h.code(KeyCode::End);
    let (cursor, first) = place(h, label);
    assert!(first > 0, "the list is scrolled at its end");
    h.code(KeyCode::Up);
    assert_eq!(
        place(h, label),
        (cursor - 1, first),
        "↑ from the last row moves the cursor up one row, not the list"
    );
    let mut before = place(h, label);
    loop {
        h.code(KeyCode::Up);
        let now = place(h, label);
        if now.1 != before.1 {
            assert_eq!(
                now,
                (before.0, before.1 - 1),
                "past the top row the list scrolls by one, not the cursor"
            );
            break;
        }
        assert_eq!(now.0 + 1, before.0, "the cursor goes up one row");
        before = now;
    }
    // The top row of the list is where the cursor stopped.
    let screen = text(&draw(&h.model, 80, 24));
    let top = (screen.lines())
        .position(|r| numbered(r, label).is_some())
        .unwrap();
    assert_eq!(
        before.0, top,
        "the cursor walked up to the top row:\n{screen}"
    );
}

/// The home screen with 40 groups, 30 recent sessions and 12 unreadable files.
fn long_home() -> Harness {
    let common::Folder { mut h, .. } = common::folder_of(sample::series(t0(), 7), |_| {});
    let mut home = h.model.home.clone();
    let (group, recent) = (home.groups[0].clone(), home.recent[0].clone());
    home.groups = (0..40)
        .map(|i| GroupEntry {
            name: format!("Groupe {i:02}"),
            ..group.clone()
        })
        .collect();
    home.recent = (0..30)
        .map(|i| SessionEntry {
            group_name: format!("Récent {i:02}"),
            ..recent.clone()
        })
        .collect();
    home.unreadable = (0..12)
        .map(|i| Unreadable {
            path: format!("illisible-{i:02}.ron").into(),
            reason: "abîmé".into(),
        })
        .collect();
    h.send(Msg::Listed(home));
    assert_eq!(h.model.size, (80, 24));
    h
}

#[test]
fn home_lists_scroll_only_at_their_edges() {
    let mut h = long_home();
    up_from_the_end(&mut h, "Groupe ");
    h.tab();
    assert_eq!(h.model.home.pane, HomePane::Recent);
    up_from_the_end(&mut h, "Récent ");
    h.tab();
    assert_eq!(h.model.home.pane, HomePane::Unreadable);
    up_from_the_end(&mut h, "illisible-");
}

#[test]
fn the_review_browser_scrolls_only_at_its_edges() {
    let mut h = long_home();
    let mut home = h.model.home.clone();
    let row = home.rows[0].clone();
    home.rows = std::sync::Arc::new(
        (0..300)
            .map(|i| ReviewRow {
                group: format!("Ligne {i:03}").into(),
                ..row.clone()
            })
            .collect(),
    );
    h.keys("r");
    h.send(Msg::Listed(home));
    // Oldest first: the same date for all, then by the group's name.
    h.code(KeyCode::F(3));
    assert!(matches!(h.model.screen, Screen::Review(_)));
    up_from_the_end(&mut h, "Ligne ");
}

#[test]
fn the_members_of_group_setup_scroll_only_at_their_edges() {
    let mut session = sample::bakers_session(t0(), 7);
    let model = session.group.members[0].clone();
    for i in 0..25 {
        session.group.members.push(Member {
            id: Id::from(format!("memb{i:08}").as_str()),
            name: format!("Membre {i:02}"),
            ..model.clone()
        });
    }
    let common::Folder { mut h, .. } = common::folder_of(vec![session], |_| {});
    // The group's next session: its members carried over, the list focused.
    h.keys("s");
    h.back_tab();
    let Screen::Setup(setup) = &h.model.screen else {
        panic!("not group setup");
    };
    assert_eq!(setup.focus, SetupFocus::Members);
    assert!(setup.members.len() > 25);
    up_from_the_end(&mut h, "Membre ");
}

/// The bakers' session with 30 members and 30 actions: the lists of the timeline and the
/// action plan, longer than 80×24 shows.
fn crowded() -> Session {
    let mut session = sample::bakers_session(t0(), 7);
    let member = session.group.members[0].clone();
    session.group.members = (0..30)
        .map(|i| Member {
            id: Id::from(format!("memb{i:08}").as_str()),
            name: format!("Membre {i:02}"),
            ..member.clone()
        })
        .collect();
    session.plan.actions = (0..30)
        .map(|i| Action {
            id: Id::from(format!("actn{i:08}").as_str()),
            what: format!("Tâche {i:02}"),
            owners: Vec::new(),
            due: None,
            means: String::new(),
            indicator: String::new(),
            idea: None,
            project: None,
            created: session.created,
        })
        .collect();
    session
}

#[test]
fn the_timeline_lists_scroll_only_at_their_edges() {
    let common::Folder { mut h, .. } = common::folder_of(vec![crowded()], |_| {});
    h.keys("t");
    let Screen::Timeline(ui) = &h.model.screen else {
        panic!("not the timeline");
    };
    assert_eq!(ui.pane, TimelinePane::Attendance);
    up_from_the_end(&mut h, "Membre ");
    h.tab();
    up_from_the_end(&mut h, "Tâche ");
}

#[test]
fn the_action_plan_scrolls_only_at_its_edges() {
    let mut session = crowded();
    session.current_phase = session.method.index_of(PhaseKind::ActionPlan).unwrap();
    let mut h = Harness::with_session(session, false);
    assert_eq!(h.ui().pane(), Pane::Actions);
    up_from_the_end(&mut h, "Tâche ");
}

#[test]
fn the_cause_tree_scrolls_only_at_its_edges() {
    let mut session = sample::bakers_session(t0(), 7);
    session.current_phase = session
        .method
        .index_of(PhaseKind::ProblemReflection)
        .unwrap();
    let model = session.problem.causes[0].clone();
    session.problem.causes = (0..40)
        .map(|i| Cause {
            id: Id::from(format!("caus{i:08}").as_str()),
            text: format!("Cause {i:02}"),
            parent: None,
            ..model.clone()
        })
        .collect();
    let mut h = Harness::with_session(session, false);
    while h.ui().pane() != Pane::Causes {
        h.tab();
    }
    up_from_the_end(&mut h, "Cause ");
}

#[test]
fn a_resize_keeps_the_selection_in_sight_from_where_the_list_was() {
    let mut h = long_home();
    h.code(KeyCode::End);
    for _ in 0..3 {
        h.code(KeyCode::Up);
    }
    // Groups 30 to 39 in sight, the cursor on 36.
    assert_eq!(h.model.home.group_sel, 36);
    assert_eq!(place(&h, "Groupe ").1, 30);
    // Shorter: five rows. The list moves just enough to keep 36 in sight, as its last row.
    h.send(Msg::Resized {
        width: 80,
        height: 16,
    });
    let (cursor, first) = place(&h, "Groupe ");
    assert_eq!((first, h.model.home.group_scroll), (32, 32));
    h.code(KeyCode::Up);
    assert_eq!(place(&h, "Groupe "), (cursor - 1, 32));
    // Taller again: the list comes back down to fill its room, no blank rows below 39.
    h.send(Msg::Resized {
        width: 80,
        height: 24,
    });
    assert_eq!(
        (place(&h, "Groupe ").1, h.model.home.group_scroll),
        (30, 30)
    );
}
