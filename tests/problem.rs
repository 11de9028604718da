//! Problem reflection (issue 3, points 5–8) as message scripts with the keys of the key
//! table: the statement from the priority need, a why-chain five levels deep, re-parenting
//! (never under its own sub-cause), deletion of a branch after a confirmation that counts
//! it, folding, categories and the fishbone, root marks, members concerned. Every change is
//! in the history and survives a RON round trip. Then what the advisor sees, as insta
//! snapshots at 80×24 and 160×45, with a style map where meaning rests on style.

mod common;

use atelier::i18n::Lang;
use atelier::method::PhaseKind;
use atelier::model::{Author, Card, Change, Id, Session, TextField, Theme};
use atelier::sample;
use atelier::store;
use atelier::ui::{Confirm, Overlay, Pane, PickFor, PickValue};
use common::screen::{draw, styled, text};
use common::{Harness, SEED, t0};
use ratatui::crossterm::event::KeyCode;

// ---------------------------------------------------------------------------------------
// Helpers

fn problem_phase(s: &Session) -> usize {
    s.method.index_of(PhaseKind::ProblemReflection).unwrap()
}

/// The bakers' session 3 (11 causes on 3 levels, 2 roots), opened in problem reflection.
fn bakers() -> Harness {
    let mut s = sample::bakers_session(t0(), SEED);
    s.current_phase = problem_phase(&s);
    Harness::with_session(s, false)
}

/// A first session opened in problem reflection, nothing in it yet.
fn empty_problem() -> Harness {
    let mut s = sample::bakers_first_session(t0(), SEED);
    s.current_phase = problem_phase(&s);
    Harness::with_session(s, false)
}

/// Tab until this pane of the phase has focus.
fn focus(h: &mut Harness, pane: Pane) {
    for _ in 0..8 {
        if h.ui().pane() == pane {
            return;
        }
        h.tab();
    }
    panic!("{pane:?} never got focus");
}

/// The id of the cause whose text starts with `start`.
fn cause(h: &Harness, start: &str) -> Id {
    (h.session().problem.causes.iter())
        .find(|c| c.text.starts_with(start))
        .unwrap_or_else(|| panic!("no cause starts with {start:?}"))
        .id
        .clone()
}

fn selected(h: &Harness) -> Option<Id> {
    h.ui().selected_id(Pane::Causes)
}

fn selected_text(h: &Harness) -> String {
    let id = selected(h).expect("a cause selected");
    (h.session().problem.causes.iter())
        .find(|c| c.id == id)
        .unwrap()
        .text
        .clone()
}

/// Walks the causes pane from the top with `j` until the cause starting with `start` is
/// selected, as an advisor would.
fn select(h: &mut Harness, start: &str) {
    let id = cause(h, start);
    h.keys("g");
    for _ in 0..200 {
        if selected(h).as_ref() == Some(&id) {
            return;
        }
        h.keys("j");
    }
    panic!("{start:?} is not on screen");
}

/// Types a text in the open field and validates it.
fn type_enter(h: &mut Harness, text: &str) {
    h.keys(text);
    h.enter();
}

fn parent_text(h: &Harness, id: &Id) -> Option<String> {
    let p = &h.session().problem;
    let c = p.causes.iter().find(|c| &c.id == id)?;
    let parent = c.parent.as_ref()?;
    p.causes
        .iter()
        .find(|c| &c.id == parent)
        .map(|c| c.text.clone())
}

fn picker(h: &Harness) -> (PickFor, Vec<(String, PickValue)>, usize) {
    match h.overlay() {
        Some(Overlay::Picker(p)) => (p.purpose, p.options.clone(), p.cursor),
        other => panic!("expected a picker, found {other:?}"),
    }
}

fn hotkey(i: usize) -> char {
    atelier::keymap::picker_hotkey(i).unwrap()
}

/// The session survives being written and read back: its problem and its history whole.
fn round_trip(s: &Session) -> Session {
    let text = store::encode(s).expect("encodes");
    let back = store::parse(text.as_bytes()).expect("parses");
    assert_eq!(back.problem, s.problem);
    assert_eq!(back.history, s.history);
    back
}

fn screen(h: &Harness) -> String {
    text(&draw(&h.model, 80, 24))
}

// ---------------------------------------------------------------------------------------
// 5. The core problem starts from the priority need

/// A first session at need emergence with two themes, the second one chosen as priority.
fn with_priority(priority_is_card: bool) -> Harness {
    let mut s = sample::bakers_first_session(t0(), SEED);
    let at = t0();
    let theme = |id: &str, title: &str| Theme {
        id: Id::from(id),
        title: title.into(),
        category: None,
        created: at,
    };
    s.record(
        at,
        Change::ThemeAdded {
            theme: theme("th-prix", "Prix de la farine"),
        },
    );
    s.record(
        at,
        Change::ThemeAdded {
            theme: theme(
                "th-caisse",
                "Tenir la caisse et calculer nos prix de revient",
            ),
        },
    );
    s.record(
        at,
        Change::CardAdded {
            card: Card {
                id: Id::from("card-cnss"),
                text: "S'affilier à la CNSS sans se ruiner".into(),
                author: Author::Anonymous,
                theme: None,
                created: at,
            },
        },
    );
    let id = if priority_is_card {
        "card-cnss"
    } else {
        "th-caisse"
    };
    s.record(
        at,
        Change::PrioritySet {
            id: Some(Id::from(id)),
        },
    );
    s.current_phase = s.method.index_of(PhaseKind::NeedEmergence).unwrap();
    Harness::with_session(s, false)
}

#[test]
fn the_statement_starts_from_the_priority_theme_and_stays_editable() {
    let mut h = with_priority(false);
    h.keys("]");
    assert_eq!(h.session().phase_kind(), PhaseKind::ProblemReflection);
    let title = "Tenir la caisse et calculer nos prix de revient";
    assert_eq!(h.session().problem.statement, title);
    assert!(matches!(
        &h.session().history.last().unwrap().change,
        Change::TextSet { field: TextField::ProblemStatement, text } if text == title
    ));
    assert!(screen(&h).contains(title), "{}", screen(&h));

    // The group sharpens it: the statement pane has focus, `e` edits it.
    assert_eq!(h.ui().pane(), Pane::Statement);
    h.keys("e");
    assert_eq!(h.editor_text().as_deref(), Some(title));
    h.code(KeyCode::End);
    h.keys(" : on vend à perte sans le savoir");
    h.enter();
    let sharpened = format!("{title} : on vend à perte sans le savoir");
    assert_eq!(h.session().problem.statement, sharpened);

    // Back to the needs and forward again: what the group wrote is kept.
    h.keys("[");
    h.keys("]");
    assert_eq!(h.session().problem.statement, sharpened);
    round_trip(h.session());
}

#[test]
fn a_card_chosen_as_priority_starts_the_statement_too() {
    let mut h = with_priority(true);
    h.keys("]");
    assert_eq!(
        h.session().problem.statement,
        "S'affilier à la CNSS sans se ruiner"
    );
}

#[test]
fn no_priority_leaves_the_statement_empty() {
    let mut s = sample::bakers_first_session(t0(), SEED);
    s.current_phase = s.method.index_of(PhaseKind::NeedEmergence).unwrap();
    let mut h = Harness::with_session(s, false);
    let before = h.session().history.len();
    h.keys("]");
    assert_eq!(h.session().problem.statement, "");
    // Only the phase change and its timer's start (a first entry) are in the history.
    assert_eq!(h.session().history.len(), before + 2);
}

// ---------------------------------------------------------------------------------------
// 6. The cause tree

#[test]
fn a_why_chain_six_levels_deep_with_w() {
    let mut h = empty_problem();
    focus(&mut h, Pane::Causes);
    h.keys("a");
    type_enter(&mut h, "Nos marges fondent");
    h.esc(); // the field for the next direct cause, left empty
    assert!(h.ui().editor.is_none());
    let chain = [
        "Nous ne connaissons pas notre prix de revient",
        "Nous ne notons ni les ventes ni les dépenses",
        "Le cahier de caisse prend trop de temps au moment du rush",
        "Personne ne nous a montré une méthode simple",
        "Les formations de la Chambre ont lieu pendant les heures de vente",
    ];
    for why in chain {
        h.keys("w");
        assert!(h.ui().editor.is_some(), "w opens the field of a sub-cause");
        type_enter(&mut h, why);
        // The new sub-cause is selected: the next "why?" goes one level deeper.
        assert_eq!(selected_text(&h), why);
    }
    let p = &h.session().problem;
    let depths: Vec<usize> = p.tree_order().iter().map(|(d, _)| *d).collect();
    assert_eq!(depths, [0, 1, 2, 3, 4, 5]);
    for (i, c) in p.causes.iter().enumerate().skip(1) {
        assert_eq!(c.parent.as_ref(), Some(&p.causes[i - 1].id));
    }
    let added = (h.session().history.iter())
        .filter(|e| matches!(e.change, Change::CauseAdded { .. }))
        .count();
    assert_eq!(added, 6);
    let back = round_trip(h.session());
    assert_eq!(back.problem.depth(&back.problem.causes[5].id), 5);
}

#[test]
fn re_parenting_offers_the_tree_but_never_the_causes_own_branch() {
    let mut h = bakers();
    focus(&mut h, Pane::Causes);
    select(&mut h, "Pas de trésorerie");
    let moved = selected(&h).unwrap();
    let own_sub_cause = cause(&h, "Les cafés");
    h.keys("m");
    let (purpose, options, cursor) = picker(&h);
    assert_eq!(purpose, PickFor::ReparentCause);
    // First the top level, then every other cause, indented as in the tree.
    assert_eq!(options[0].1, PickValue::Item(None));
    let ids: Vec<Option<Id>> = (options.iter())
        .map(|(_, v)| match v {
            PickValue::Item(i) => i.clone(),
            _ => panic!("items only"),
        })
        .collect();
    assert!(!ids.contains(&Some(moved.clone())), "not under itself");
    assert!(
        !ids.contains(&Some(own_sub_cause.clone())),
        "not under its own sub-cause"
    );
    assert_eq!(options.len(), 1 + 11 - 2);
    assert!(options[2].0.starts_with("  Aucun groupement"));
    assert!(options[3].0.starts_with("    Méfiance"));
    // The cursor starts on its parent.
    assert_eq!(ids[cursor], Some(cause(&h, "Chacun achète")));

    // Under "Le blé et le beurre...", by its hotkey.
    let target = cause(&h, "Le blé et le beurre");
    let i = ids
        .iter()
        .position(|o| o.as_ref() == Some(&target))
        .unwrap();
    h.keys(&hotkey(i).to_string());
    assert!(h.overlay().is_none());
    assert_eq!(
        parent_text(&h, &moved).as_deref(),
        Some("Le blé et le beurre montent sur les marchés mondiaux")
    );
    // Its branch came with it, and it stays selected.
    assert_eq!(parent_text(&h, &own_sub_cause).unwrap(), selected_text(&h));
    assert_eq!(selected(&h), Some(moved.clone()));
    assert!(matches!(
        &h.session().history.last().unwrap().change,
        Change::CauseMoved { id, parent: Some(p) } if *id == moved && *p == target
    ));

    // Back to the top level: the first choice.
    h.keys("m0");
    assert_eq!(parent_text(&h, &moved), None);
    assert_eq!(selected(&h), Some(moved.clone()));
    round_trip(h.session());
}

#[test]
fn a_cause_under_its_own_sub_cause_is_refused_by_the_change_itself() {
    let mut s = sample::bakers_session(t0(), SEED);
    let top = s.problem.causes[0].id.clone();
    let grandchild = s.problem.causes[2].id.clone();
    assert_eq!(s.problem.depth(&grandchild), 2);
    let before = s.problem.clone();
    s.record(
        t0(),
        Change::CauseMoved {
            id: top.clone(),
            parent: Some(grandchild),
        },
    );
    s.record(
        t0(),
        Change::CauseMoved {
            id: top.clone(),
            parent: Some(top),
        },
    );
    assert_eq!(s.problem, before);
}

#[test]
fn deleting_a_branch_asks_first_and_says_how_many_sub_causes_go() {
    let mut h = bakers();
    focus(&mut h, Pane::Causes);
    select(&mut h, "Chacun achète");
    let top = selected(&h).unwrap();
    let branch = h.session().problem.subtree(&top);
    assert_eq!(branch.len(), 5);
    let linked = cause(&h, "Aucun groupement");
    let ideas_linked = (h.session().solutions.ideas.iter())
        .filter(|i| i.cause.as_ref() == Some(&linked))
        .count();
    assert!(
        ideas_linked > 0,
        "the sample links ideas to this root cause"
    );

    h.keys("d");
    assert_eq!(
        h.overlay().map(
            |o| matches!(o, Overlay::Confirm(Confirm::Delete(Pane::Causes, id)) if *id == top)
        ),
        Some(true)
    );
    let shown = screen(&h);
    assert!(
        shown.contains("et ses 4\u{a0}sous-causes"),
        "the question counts the sub-causes:\n{shown}"
    );
    // No: nothing goes.
    h.keys("n");
    assert_eq!(h.session().problem.causes.len(), 11);

    h.keys("d");
    h.keys("y");
    let p = &h.session().problem;
    assert_eq!(p.causes.len(), 6);
    assert!(branch.iter().all(|id| p.causes.iter().all(|c| &c.id != id)));
    // The ideas that answered a deleted cause stay, as general ideas.
    assert_eq!(h.session().solutions.ideas.len(), 6);
    assert!((h.session().solutions.ideas.iter()).all(|i| i.cause.as_ref() != Some(&linked)));
    assert!(matches!(
        &h.session().history.last().unwrap().change,
        Change::CauseDeleted { id } if *id == top
    ));
    // The selection moves to what took the deleted cause's place.
    assert!(selected_text(&h).starts_with("Le blé et le beurre"));
    round_trip(h.session());
}

#[test]
fn a_cause_alone_gets_the_usual_question() {
    let mut h = bakers();
    focus(&mut h, Pane::Causes);
    select(&mut h, "Méfiance");
    h.keys("d");
    let shown = screen(&h);
    assert!(shown.contains("Supprimer « Méfiance"), "{shown}");
    assert!(!shown.contains("sous-cause"), "{shown}");
}

#[test]
fn folding_hides_a_branch_and_the_selection_stays_sensible() {
    let mut h = bakers();
    focus(&mut h, Pane::Causes);
    let rows = |h: &Harness| h.ui().rows(Pane::Causes).len();
    assert_eq!(rows(&h), 11);

    // Space folds the selected branch; the selection stays on it.
    select(&mut h, "Chacun achète");
    h.keys(" ");
    assert_eq!(rows(&h), 7);
    assert!(selected_text(&h).starts_with("Chacun achète"));
    assert!(screen(&h).contains("▸ +4 Chacun achète"), "{}", screen(&h));
    // Down goes to the next cause on screen, not into the hidden branch.
    h.keys("j");
    assert!(selected_text(&h).starts_with("Le blé et le beurre"));

    // → on an open cause goes to its first sub-cause; ← on a leaf goes back up.
    h.code(KeyCode::Right);
    assert!(selected_text(&h).starts_with("Dépendance"));
    h.code(KeyCode::Left);
    assert!(selected_text(&h).starts_with("Le blé"));
    // ← on an open cause folds it; → unfolds it.
    h.code(KeyCode::Left);
    assert_eq!(rows(&h), 6);
    assert!(selected_text(&h).starts_with("Le blé"));
    h.code(KeyCode::Right);
    assert_eq!(rows(&h), 7);

    // From deep in a branch, ← climbs and folds, the selection never lost.
    select(&mut h, "Jamais formés");
    h.code(KeyCode::Left); // a leaf: up to its parent
    assert!(selected_text(&h).starts_with("Nous ne connaissons"));
    h.code(KeyCode::Left); // folds it
    h.code(KeyCode::Left); // folded: up to its parent
    assert!(selected_text(&h).starts_with("Nos prix de vente"));
    assert_eq!(rows(&h), 6);

    // Space on the folded "Chacun achète", then `w` on a folded cause opens its branch,
    // and the new "why?" is selected where it is seen.
    select(&mut h, "Chacun achète");
    h.keys(" ");
    assert_eq!(rows(&h), 10);
    h.keys(" ");
    h.keys("w");
    type_enter(&mut h, "Les minoteries exigent un paiement comptant");
    assert!(selected_text(&h).starts_with("Les minoteries"));
    assert_eq!(
        parent_text(&h, &selected(&h).unwrap()).unwrap(),
        "Chacun achète sa farine seul, en petites quantités"
    );

    // A leaf has nothing to fold: the advisor is told so.
    select(&mut h, "Méfiance");
    h.keys(" ");
    assert!(h.flash().is_some_and(|f| f.contains("pas de sous-cause")));

    // Folding is a way of looking: nothing in the history, nothing saved.
    assert!(!(h.session().history.iter()).any(|e| format!("{:?}", e.change).contains("Fold")));
}

#[test]
fn a_hundred_causes_scroll_and_the_selection_stays_on_screen() {
    let mut s = sample::large_session(t0(), SEED, 20, 4, 100, 5, 3);
    s.current_phase = problem_phase(&s);
    let mut h = Harness::with_session(s, false);
    focus(&mut h, Pane::Causes);
    for step in 0..100 {
        let text = selected_text(&h);
        let shown = screen(&h);
        let start: String = text.chars().take(20).collect();
        assert!(
            shown.contains(&start),
            "step {step}: {start:?} not on screen:\n{shown}"
        );
        h.keys("j");
    }
    // PgUp and Home bring it back up, still on screen.
    h.code(KeyCode::PageUp);
    let start: String = selected_text(&h).chars().take(20).collect();
    assert!(screen(&h).contains(&start));
    h.keys("g");
    assert!(screen(&h).contains("↓"), "a mark says there is more below");
}

// ---------------------------------------------------------------------------------------
// 7. Categories and the fishbone

#[test]
fn a_category_per_cause_from_the_methods_list_in_the_advisors_language() {
    let mut h = bakers();
    focus(&mut h, Pane::Causes);
    select(&mut h, "Le prix du pain");
    let id = selected(&h).unwrap();
    h.keys("c");
    let (purpose, options, cursor) = picker(&h);
    assert_eq!(purpose, PickFor::CauseCategory);
    let labels: Vec<&str> = options.iter().map(|(l, _)| l.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Sans catégorie",
            "Main-d'œuvre",
            "Méthodes",
            "Matériel",
            "Matières",
            "Milieu",
            "Marché",
            "Moyens financiers"
        ]
    );
    // The cursor on its category: market.
    assert_eq!(
        options[cursor].1,
        PickValue::Category(Some("market".into()))
    );
    h.keys("5"); // Milieu
    let category = |h: &Harness| {
        (h.session().problem.causes.iter())
            .find(|c| c.id == id)
            .unwrap()
            .category
            .clone()
    };
    assert_eq!(category(&h).as_deref(), Some("environment"));
    h.keys("c0");
    assert_eq!(category(&h), None);
    let sets: Vec<Option<String>> = (h.session().history.iter().rev().take(2))
        .map(|e| match &e.change {
            Change::CauseCategorySet { category, .. } => category.clone(),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(sets, [None, Some("environment".into())]);
    round_trip(h.session());

    // In English, the same list in English.
    h.model.lang = Lang::En;
    h.keys("c");
    let (_, options, _) = picker(&h);
    assert_eq!(options[0].0, "No category");
    assert_eq!(options[1].0, "Manpower");
    assert_eq!(options[7].0, "Financial means");
}

#[test]
fn the_fishbone_groups_causes_by_category_and_keeps_the_selection() {
    let mut h = bakers();
    focus(&mut h, Pane::Causes);
    select(&mut h, "Dépendance");
    h.keys("v");
    assert!(h.ui().tech.alt_view.contains(&Pane::Causes));
    // The same cause is selected; the arrows now walk the fishbone's order.
    assert!(selected_text(&h).starts_with("Dépendance"));
    let order: Vec<String> = (h.ui().rows(Pane::Causes).iter())
        .map(|id| {
            (h.session().problem.causes.iter())
                .find(|c| &c.id == id)
                .unwrap()
                .text
                .chars()
                .take(12)
                .collect()
        })
        .collect();
    assert_eq!(
        order,
        [
            // Main-d'œuvre
            "Méfiance ent",
            "Jamais formé",
            // Méthodes
            "Chacun achèt",
            "Aucun groupe",
            "Nous ne conn",
            // Matières
            "Le blé et le",
            "Dépendance a",
            // Marché
            "Les cafés et",
            "Nos prix de ",
            "Le prix du p",
            // Moyens financiers
            "Pas de tréso",
        ]
    );
    h.keys("j");
    assert!(selected_text(&h).starts_with("Les cafés"));
    // A cause filed elsewhere changes box; the selection follows it.
    h.keys("c7");
    assert!(selected_text(&h).starts_with("Les cafés"));
    let shown = screen(&h);
    assert!(shown.contains("Moyens financiers · 2"), "{shown}");
    // Back to the tree, on the same cause.
    h.keys("v");
    assert!(selected_text(&h).starts_with("Les cafés"));
}

// ---------------------------------------------------------------------------------------
// 8. Root causes, effects, members concerned

#[test]
fn root_causes_are_marked_and_unmarked_with_r() {
    let mut h = bakers();
    focus(&mut h, Pane::Causes);
    select(&mut h, "Le prix du pain");
    let id = selected(&h).unwrap();
    h.keys("r");
    let is_root = |h: &Harness| (h.session().problem.causes.iter()).any(|c| c.id == id && c.root);
    assert!(is_root(&h));
    assert!(screen(&h).contains("◆ 3 racines"), "{}", screen(&h));
    assert!(matches!(
        &h.session().history.last().unwrap().change,
        Change::CauseRootSet { root: true, .. }
    ));
    h.keys("r");
    assert!(!is_root(&h));
    round_trip(h.session());
}

#[test]
fn effects_are_added_edited_and_deleted() {
    let mut h = bakers();
    focus(&mut h, Pane::Effects);
    h.keys("a");
    type_enter(&mut h, "Des clients partent vers les grandes surfaces");
    h.esc();
    let effects = |h: &Harness| {
        (h.session().problem.effects.iter())
            .map(|e| e.text.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(effects(&h).len(), 4);
    h.keys("G");
    h.keys("e");
    h.code(KeyCode::End);
    type_enter(&mut h, " du quartier");
    assert_eq!(
        effects(&h)[3],
        "Des clients partent vers les grandes surfaces du quartier"
    );
    h.keys("d");
    h.keys("y");
    assert_eq!(effects(&h).len(), 3);
    round_trip(h.session());
}

#[test]
fn members_concerned_are_ticked_among_those_present() {
    let mut h = bakers();
    focus(&mut h, Pane::Concerned);
    let s = h.session();
    let present: Vec<Id> = s.present_members().map(|m| m.id.clone()).collect();
    // The sample marks two members; the list is those present.
    assert_eq!(h.ui().rows(Pane::Concerned), present);
    assert_eq!(s.problem.concerned.len(), 2);
    let shown = screen(&h);
    assert!(shown.contains("concernés 2/"), "{shown}");
    assert!(shown.contains("☑") && shown.contains("☐"), "{shown}");

    // Space ticks the first member, Enter ticks the next, Space again unticks.
    h.keys("g");
    let first = h.ui().selected_id(Pane::Concerned).unwrap();
    let was = h.session().problem.concerned.contains(&first);
    h.keys(" ");
    assert_eq!(h.session().problem.concerned.contains(&first), !was);
    assert!(matches!(
        &h.session().history.last().unwrap().change,
        Change::ConcernedSet { member, concerned } if *member == first && *concerned != was
    ));
    h.keys(" ");
    assert_eq!(h.session().problem.concerned.contains(&first), was);
    h.keys("j");
    let second = h.ui().selected_id(Pane::Concerned).unwrap();
    let was = h.session().problem.concerned.contains(&second);
    h.enter();
    assert_eq!(h.session().problem.concerned.contains(&second), !was);
    assert!(h.ui().editor.is_none(), "Enter ticks, it opens no field");
    round_trip(h.session());
}

#[test]
fn a_concerned_member_marked_absent_afterwards_stays_listed() {
    let mut s = sample::bakers_session(t0(), SEED);
    s.current_phase = problem_phase(&s);
    let concerned = s.problem.concerned[0].clone();
    s.record(
        t0(),
        Change::AttendanceSet {
            member: concerned.clone(),
            attendance: atelier::model::Attendance::Absent,
        },
    );
    let mut h = Harness::with_session(s, false);
    assert!(h.ui().rows(Pane::Concerned).contains(&concerned));
    focus(&mut h, Pane::Concerned);
    while h.ui().selected_id(Pane::Concerned).as_ref() != Some(&concerned) {
        h.keys("j");
    }
    let name = h.session().group.member_name(&concerned);
    assert!(
        screen(&h).contains(&format!("☑ {name} ({})", h.strings().absent)),
        "{}",
        screen(&h)
    );
}

#[test]
fn a_closed_session_refuses_every_change_of_the_problem() {
    let mut s = sample::bakers_session(t0(), SEED);
    s.current_phase = problem_phase(&s);
    s.record(t0(), Change::SessionClosed);
    let mut h = Harness::with_session(s, false);
    let before = h.session().problem.clone();
    focus(&mut h, Pane::Causes);
    h.keys("r");
    h.keys("m1");
    h.keys("c3");
    h.keys("w");
    focus(&mut h, Pane::Concerned);
    h.keys(" ");
    assert_eq!(h.session().problem, before);
    assert!(h.flash().is_some());
}

// ---------------------------------------------------------------------------------------
// A whole problem reflection, by keys, then written and read back

#[test]
fn a_whole_problem_reflection_by_keys_survives_a_round_trip() {
    let mut h = with_priority(false);
    h.keys("]");
    h.tab();
    h.keys("a");
    type_enter(&mut h, "Personne ne tient de cahier de caisse");
    type_enter(&mut h, "Les prix sont fixés « à l'œil »");
    h.esc();
    h.keys("g");
    h.keys("w");
    type_enter(&mut h, "On n'a jamais appris");
    h.keys("w");
    type_enter(&mut h, "Pas de formation près de chez nous");
    h.keys("r"); // the root cause
    h.keys("c2"); // méthodes
    h.keys("m0"); // finally a direct cause
    h.keys("g");
    h.keys("c6"); // marché, for the first cause
    h.tab();
    h.keys("a");
    type_enter(&mut h, "On vend à perte sans le savoir 📉");
    h.esc();
    h.tab();
    h.keys(" ");
    let s = h.session().clone();
    let back = round_trip(&s);
    let p = &back.problem;
    assert_eq!(
        p.statement,
        "Tenir la caisse et calculer nos prix de revient"
    );
    assert_eq!(p.causes.len(), 4);
    let deep = p
        .causes
        .iter()
        .find(|c| c.text.starts_with("Pas de formation"))
        .unwrap();
    assert!(deep.root);
    assert_eq!(deep.parent, None);
    assert_eq!(deep.category.as_deref(), Some("methods"));
    assert_eq!(p.causes[0].category.as_deref(), Some("market"));
    assert_eq!(p.effects[0].text, "On vend à perte sans le savoir 📉");
    assert_eq!(p.concerned.len(), 1);
    let kinds: Vec<&str> = (back.history.iter())
        .filter_map(|e| match e.change {
            Change::TextSet { .. } => Some("statement"),
            Change::CauseAdded { .. } => Some("cause"),
            Change::CauseRootSet { .. } => Some("root"),
            Change::CauseCategorySet { .. } => Some("category"),
            Change::CauseMoved { .. } => Some("moved"),
            Change::ItemAdded { .. } => Some("effect"),
            Change::ConcernedSet { .. } => Some("concerned"),
            _ => None,
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "statement",
            "cause",
            "cause",
            "cause",
            "cause",
            "root",
            "category",
            "moved",
            "category",
            "effect",
            "concerned"
        ]
    );
}

// ---------------------------------------------------------------------------------------
// Snapshots

/// The bakers' tree as the advisor left it: "Le blé et le beurre" folded, the root cause
/// "Aucun groupement d'achat" selected.
fn bakers_tree() -> Harness {
    let mut h = bakers();
    focus(&mut h, Pane::Causes);
    select(&mut h, "Le blé et le beurre");
    h.keys(" ");
    select(&mut h, "Aucun groupement");
    h
}

/// Three more "why?" under "Jamais formés...": six levels in all.
fn six_levels() -> Harness {
    let mut h = bakers();
    focus(&mut h, Pane::Causes);
    select(&mut h, "Jamais formés");
    for why in [
        "Les formations de la Chambre ont lieu le matin, pendant la vente",
        "Personne ne peut garder la boutique à notre place",
        "Pas d'apprenti assez formé pour tenir la caisse seul",
    ] {
        h.keys("w");
        type_enter(&mut h, why);
    }
    h.keys("r");
    h
}

#[test]
fn snapshot_tree_80x24() {
    let h = bakers_tree();
    insta::assert_snapshot!("tree_80x24", styled(&draw(&h.model, 80, 24)));
}

#[test]
fn snapshot_tree_and_fishbone_160x45() {
    let h = bakers_tree();
    insta::assert_snapshot!("tree_160x45", styled(&draw(&h.model, 160, 45)));
}

#[test]
fn snapshot_six_levels_80x24_and_160x45() {
    let h = six_levels();
    insta::assert_snapshot!("six_levels_80x24", styled(&draw(&h.model, 80, 24)));
    insta::assert_snapshot!("six_levels_160x45", text(&draw(&h.model, 160, 45)));
}

#[test]
fn snapshot_fishbone_80x24() {
    let mut h = bakers();
    focus(&mut h, Pane::Causes);
    select(&mut h, "Nous ne connaissons");
    h.keys("v");
    insta::assert_snapshot!("fishbone_80x24", styled(&draw(&h.model, 80, 24)));
}

/// With the questions hidden (`i`), the fishbone has room for its boxes around the spine.
#[test]
fn snapshot_fishbone_english_160x45() {
    let mut h = bakers();
    h.model.lang = Lang::En;
    h.keys("i");
    focus(&mut h, Pane::Causes);
    select(&mut h, "Nous ne connaissons");
    h.keys("v");
    insta::assert_snapshot!("fishbone_en_160x45", styled(&draw(&h.model, 160, 45)));
}

#[test]
fn snapshot_concerned_80x24() {
    let mut h = bakers();
    focus(&mut h, Pane::Concerned);
    h.keys("j");
    insta::assert_snapshot!("concerned_80x24", styled(&draw(&h.model, 80, 24)));
}

#[test]
fn snapshot_typing_a_why_80x24() {
    let mut h = bakers();
    focus(&mut h, Pane::Causes);
    select(&mut h, "Méfiance");
    h.keys("w");
    h.keys("On a déjà été trompés par un fournisseur");
    insta::assert_snapshot!("typing_why_80x24", text(&draw(&h.model, 80, 24)));
}

#[test]
fn snapshot_reparent_picker_and_delete_question_80x24() {
    let mut h = bakers();
    focus(&mut h, Pane::Causes);
    select(&mut h, "Pas de trésorerie");
    h.keys("m");
    insta::assert_snapshot!("reparent_picker_80x24", text(&draw(&h.model, 80, 24)));
    h.esc();
    select(&mut h, "Chacun achète");
    h.keys("d");
    insta::assert_snapshot!("delete_question_80x24", text(&draw(&h.model, 80, 24)));
}

#[test]
fn snapshot_a_hundred_causes_80x24() {
    let mut s = sample::large_session(t0(), SEED, 20, 4, 100, 5, 3);
    s.current_phase = problem_phase(&s);
    let mut h = Harness::with_session(s, false);
    focus(&mut h, Pane::Causes);
    for _ in 0..40 {
        h.keys("j");
    }
    insta::assert_snapshot!("hundred_causes_80x24", styled(&draw(&h.model, 80, 24)));
}

#[test]
fn snapshot_effects_80x24() {
    let mut h = bakers();
    focus(&mut h, Pane::Effects);
    insta::assert_snapshot!("effects_80x24", text(&draw(&h.model, 80, 24)));
}

/// The tree, the fishbone, a "why?" being typed and the picker, from 1×1 up: no panic.
#[test]
fn no_panic_at_any_size() {
    let mut h = bakers_tree();
    // Every eleventh width by every fourth height with ATELIER_SWEEP=full; a seeded sample
    // of them and the edges otherwise.
    let full: Vec<(u16, u16)> = (1..=170)
        .step_by(11)
        .flat_map(|w| (1..=50).step_by(4).map(move |h| (w, h)))
        .collect();
    let edges = [
        (1, 1),
        (2, 1),
        (1, 2),
        (59, 15),
        (60, 16),
        (80, 24),
        (100, 30),
        (1, 49),
        (166, 1),
        (166, 49),
    ];
    let (sizes, seed) = common::screen::sweep_sizes(&edges, full, 50);
    let sweep = |h: &Harness| {
        for &(w, ht) in &sizes {
            common::screen::draw_in_sweep(&h.model, w, ht, seed);
        }
    };
    sweep(&h);
    h.keys("v");
    sweep(&h);
    h.keys("w");
    h.keys("Pourquoi encore ?");
    sweep(&h);
    h.esc();
    h.keys("m");
    sweep(&h);
}
