//! Solution search and the action plan, driven through `update` with the keys of the key
//! table as an advisor presses them (the harness of tests/common, a clock the test moves):
//! linking ideas to root causes, their type, rating with two keystrokes per idea, the matrix,
//! choosing, actions started from chosen ideas, due-date shortcuts, sorting the plan, and the
//! warning before closing. Every change must be in the session's history and come back equal
//! from a RON round trip.
//!
//! Then insta snapshots of the ideas list, the matrix and the action table at 80×24 and
//! 160×45 on the bakers' session, each with a map of the styles where meaning rests on a
//! style (the selection, the active rating, the chosen marks, what an action lacks).

mod common;

use atelier::method::PhaseKind;
use atelier::model::{Action, Author, Change, Id, IdeaKind, Owner, Session};
use atelier::sample;
use atelier::store;
use atelier::ui::{ActionSort, Confirm, FieldError, FieldId, Model, Overlay, Pane, PickFor};
use chrono::{DateTime, TimeZone, Utc};
use common::screen::{draw, row_text, styled, text};
use common::{Harness, day, t0};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Style;

// ---------------------------------------------------------------------------------------
// Sessions and moves

const SEED: u64 = 7;

/// The bakers' session 3 (6 ideas, 2 chosen, 4 actions), on screen in this phase.
fn bakers_in(kind: PhaseKind) -> Harness {
    in_phase(sample::bakers_session(t0(), SEED), kind)
}

fn in_phase(mut s: Session, kind: PhaseKind) -> Harness {
    s.current_phase = s.method.index_of(kind).unwrap();
    Harness::with_session(s, false)
}

/// A session with the bakers' group and problem tree but no ideas and no actions yet, on
/// screen in solution search.
fn bakers_without_ideas() -> Harness {
    let mut s = sample::bakers_session(t0(), SEED);
    s.solutions.ideas.clear();
    s.plan.actions.clear();
    in_phase(s, PhaseKind::SolutionSearch)
}

/// Types ideas one after another (Enter, and the field is ready for the next), then leaves
/// the field.
fn type_ideas(h: &mut Harness, texts: &[&str]) {
    h.keys("a");
    for t in texts {
        h.keys(t);
        h.enter();
    }
    h.esc();
}

fn idea_texts(h: &Harness) -> Vec<String> {
    h.session()
        .solutions
        .ideas
        .iter()
        .map(|i| i.text.clone())
        .collect()
}

fn ratings(h: &Harness) -> Vec<(Option<u8>, Option<u8>)> {
    h.session()
        .solutions
        .ideas
        .iter()
        .map(|i| (i.impact, i.effort))
        .collect()
}

fn selected(h: &Harness, pane: Pane) -> Option<Id> {
    h.ui().selected_id(pane)
}

fn idea_id(h: &Harness, n: usize) -> Id {
    h.session().solutions.ideas[n].id.clone()
}

fn picker_labels(h: &Harness) -> (PickFor, Vec<String>, usize) {
    match h.overlay() {
        Some(Overlay::Picker(p)) => (
            p.purpose,
            p.options.iter().map(|(l, _)| l.clone()).collect(),
            p.cursor,
        ),
        other => panic!("expected a picker, got {other:?}"),
    }
}

fn form_value(h: &Harness, f: FieldId) -> String {
    h.ui()
        .action_form
        .as_ref()
        .expect("the action form")
        .form
        .value(f)
}

/// The changes of the history, without their timestamps.
fn changes(s: &Session) -> Vec<&Change> {
    s.history.iter().map(|e| &e.change).collect()
}

/// The session as a RON file holds it, read back.
fn round_trip(s: &Session) -> Session {
    let text = store::encode(s).expect("the session encodes");
    store::parse(text.as_bytes()).expect("and reads back")
}

/// Equal once read back, but for what reading a file always does: a timer that was running
/// when it was written comes back paused (`Session::settle_after_load`).
fn assert_round_trip(s: &Session) {
    let mut expected = s.clone();
    expected.settle_after_load();
    let back = round_trip(s);
    assert!(
        back == expected,
        "the session comes back equal from its file"
    );
    assert_eq!(back.history, s.history);
    assert_eq!(back.solutions, s.solutions);
    assert_eq!(back.plan, s.plan);
}

// ---------------------------------------------------------------------------------------
// Point 9: ideas linked to a root cause or general, their proposer and type

#[test]
fn an_idea_is_linked_to_a_root_cause_or_to_the_problem_as_a_whole() {
    let mut h = bakers_in(PhaseKind::SolutionSearch);
    let st = h.strings();
    let roots: Vec<(Id, String)> = h
        .session()
        .problem
        .causes
        .iter()
        .filter(|c| c.root)
        .map(|c| (c.id.clone(), c.text.clone()))
        .collect();
    assert_eq!(roots.len(), 2, "the sample marks two root causes");

    // Idea 6 is general: the picker offers "general" and the two roots, and starts on general.
    h.keys("G");
    let six = idea_id(&h, 5);
    assert_eq!(selected(&h, Pane::Ideas), Some(six.clone()));
    h.keys("l");
    let (purpose, labels, cursor) = picker_labels(&h);
    assert_eq!(purpose, PickFor::LinkIdeaCause);
    assert_eq!(labels.len(), 3);
    assert_eq!(labels[0], st.solutions.general);
    assert!(labels[1].ends_with(&roots[0].1) && labels[2].ends_with(&roots[1].1));
    assert_eq!(cursor, 0, "the cursor starts on the idea's own link");

    // Its hotkey links it to the second root cause; the picker then starts there.
    h.keys("2");
    assert!(h.overlay().is_none());
    assert_eq!(
        h.session().solutions.ideas[5].cause,
        Some(roots[1].0.clone())
    );
    h.keys("l");
    assert_eq!(picker_labels(&h).2, 2);

    // Back to general with 0.
    h.keys("0");
    assert_eq!(h.session().solutions.ideas[5].cause, None);
    let links: Vec<&Change> = changes(h.session())
        .into_iter()
        .filter(|c| matches!(c, Change::IdeaCauseSet { id, .. } if *id == six))
        .collect();
    assert_eq!(
        links,
        [
            &Change::IdeaCauseSet {
                id: six.clone(),
                cause: Some(roots[1].0.clone())
            },
            &Change::IdeaCauseSet {
                id: six,
                cause: None
            },
        ]
    );
    assert_round_trip(h.session());
}

#[test]
fn with_no_root_cause_marked_every_cause_is_offered_in_tree_order() {
    let mut s = sample::bakers_session(t0(), SEED);
    for c in &mut s.problem.causes {
        c.root = false;
    }
    let tree: Vec<String> = s
        .problem
        .tree_order()
        .iter()
        .map(|(_, c)| c.text.clone())
        .collect();
    let mut h = in_phase(s, PhaseKind::SolutionSearch);
    h.keys("l");
    let (_, labels, _) = picker_labels(&h);
    assert_eq!(labels.len(), 1 + tree.len());
    for (label, text) in labels[1..].iter().zip(&tree) {
        assert_eq!(
            label.trim_start(),
            text,
            "sub-causes indented under their parent"
        );
    }
    // Escape leaves the link as it was.
    let before = h.session().solutions.ideas[0].cause.clone();
    h.esc();
    assert_eq!(h.session().solutions.ideas[0].cause, before);
}

#[test]
fn an_idea_gets_its_type_with_c_and_a_digit_and_its_proposer_with_f2() {
    let mut h = bakers_without_ideas();
    type_ideas(
        &mut h,
        &["Acheter la farine ensemble", "Écrire au ministère"],
    );
    h.keys("g");
    h.keys("c");
    let (purpose, labels, cursor) = picker_labels(&h);
    assert_eq!(purpose, PickFor::IdeaKind);
    let st = h.strings();
    assert_eq!(
        labels,
        [
            st.solutions.kind_none,
            st.solutions.kind_individual,
            st.solutions.kind_collective,
            st.solutions.kind_lobbying,
            st.solutions.kind_service,
        ],
        "the four types sit on the keys 1 to 4"
    );
    assert_eq!(cursor, 0);
    h.keys("2");
    h.keys("jc3");
    h.keys("c4"); // changed its mind: a service request to the chamber
    let kinds: Vec<Option<IdeaKind>> = h.session().solutions.ideas.iter().map(|i| i.kind).collect();
    assert_eq!(
        kinds,
        [Some(IdeaKind::Collective), Some(IdeaKind::ServiceRequest)]
    );
    h.keys("c");
    assert_eq!(
        picker_labels(&h).2,
        4,
        "the picker starts on the idea's type"
    );
    h.keys("0");
    assert_eq!(h.session().solutions.ideas[1].kind, None);

    // The proposer: F2, then a member's key, their place in the group's list.
    let youssef = h.session().group.members[1].clone();
    h.code(KeyCode::F(2));
    h.keys(&atelier::keymap::member_hotkey(1).unwrap().to_string());
    assert_eq!(
        h.session().solutions.ideas[1].proposer,
        Author::Member(youssef.id.clone())
    );
    let new_ideas = [idea_id(&h, 0), idea_id(&h, 1)];
    let kinds_set = changes(h.session())
        .iter()
        .filter(|c| matches!(c, Change::IdeaKindSet { id, .. } if new_ideas.contains(id)))
        .count();
    assert_eq!(
        kinds_set, 4,
        "one change per type given, none for the picker opened"
    );
    assert_round_trip(h.session());
}

// ---------------------------------------------------------------------------------------
// Point 10: impact and effort with single keys, the matrix, choosing

#[test]
fn rating_is_two_keystrokes_per_idea_and_moves_on_by_itself() {
    let mut h = bakers_without_ideas();
    type_ideas(
        &mut h,
        &[
            "Commande groupée de farine",
            "Fiche de prix de revient",
            "Lettre à la fédération",
            "Huile d'olive au lieu du beurre",
        ],
    );
    h.keys("g");
    let first = idea_id(&h, 0);
    assert_eq!(h.ui().tech.rating_effort, None, "impact first");
    h.keys("5");
    assert_eq!(ratings(&h)[0], (Some(5), None));
    assert_eq!(
        h.ui().tech.rating_effort,
        Some(first.clone()),
        "after the impact, the effort of the same idea"
    );
    assert_eq!(selected(&h, Pane::Ideas), Some(first));
    h.keys("3");
    assert_eq!(ratings(&h)[0], (Some(5), Some(3)));
    assert_eq!(
        selected(&h, Pane::Ideas),
        Some(idea_id(&h, 1)),
        "on to the next idea"
    );
    assert_eq!(h.ui().tech.rating_effort, None, "ready for its impact");

    // The whole list, two keys an idea.
    h.keys("423525");
    assert_eq!(
        ratings(&h),
        [
            (Some(5), Some(3)),
            (Some(4), Some(2)),
            (Some(3), Some(5)),
            (Some(2), Some(5)),
        ]
    );
    // On the last idea the selection stays, ready for its impact again.
    assert_eq!(selected(&h, Pane::Ideas), Some(idea_id(&h, 3)));
    assert_eq!(h.ui().tech.rating_effort, None);

    // Every rating is a change in the history: the impact, then impact and effort.
    let new_ideas: Vec<Id> = (0..4).map(|n| idea_id(&h, n)).collect();
    let rated: Vec<(Option<u8>, Option<u8>)> = h
        .session()
        .history
        .iter()
        .filter_map(|e| match &e.change {
            Change::IdeaRated { id, impact, effort } if new_ideas.contains(id) => {
                Some((*impact, *effort))
            }
            _ => None,
        })
        .collect();
    assert_eq!(rated.len(), 8);
    assert_eq!(rated[..2], [(Some(5), None), (Some(5), Some(3))]);
    assert_round_trip(h.session());
}

#[test]
fn arrows_choose_the_rating_and_zero_clears_it() {
    let mut h = bakers_in(PhaseKind::SolutionSearch);
    h.keys("j"); // idea 2: impact 4, effort 3
    let two = idea_id(&h, 1);
    // → : the digits set the effort, the impact is untouched, then on to idea 3.
    h.code(KeyCode::Right);
    assert_eq!(h.ui().tech.rating_effort, Some(two.clone()));
    h.keys("1");
    assert_eq!(ratings(&h)[1], (Some(4), Some(1)));
    assert_eq!(selected(&h, Pane::Ideas), Some(idea_id(&h, 2)));

    // Back up: ← and → switch by hand; 0 clears the active rating and stays.
    h.keys("k");
    h.code(KeyCode::Right);
    h.code(KeyCode::Left);
    assert_eq!(h.ui().tech.rating_effort, None);
    h.keys("0");
    assert_eq!(ratings(&h)[1], (None, Some(1)));
    assert_eq!(
        selected(&h, Pane::Ideas),
        Some(two.clone()),
        "clearing stays put"
    );
    assert_eq!(h.ui().tech.rating_effort, None);
    h.code(KeyCode::Right);
    h.keys("0");
    assert_eq!(ratings(&h)[1], (None, None));
    assert_eq!(selected(&h, Pane::Ideas), Some(two.clone()));
    assert_eq!(
        h.ui().tech.rating_effort,
        Some(two.clone()),
        "still the effort"
    );

    // Moving by hand after an impact: the next idea starts with its impact again.
    h.code(KeyCode::Left);
    h.keys("4");
    assert_eq!(h.ui().tech.rating_effort, Some(two));
    h.keys("j2");
    assert_eq!(ratings(&h)[1], (Some(4), None));
    assert_eq!(
        ratings(&h)[2],
        (Some(2), Some(2)),
        "idea 3's impact, not its effort"
    );

    // A digit that changes nothing adds nothing to the history, but still moves on.
    let before = h.session().history.len();
    h.keys("k"); // idea 2
    h.code(KeyCode::Left);
    h.keys("4");
    assert_eq!(h.session().history.len(), before);
    assert_eq!(h.ui().tech.rating_effort, Some(idea_id(&h, 1)));
    assert_round_trip(h.session());
}

#[test]
fn a_closed_session_refuses_ratings_and_stays_where_it_is() {
    let mut s = sample::bakers_session(t0(), SEED);
    s.record(t0(), Change::SessionClosed);
    let mut h = in_phase(s, PhaseKind::SolutionSearch);
    let before = ratings(&h);
    h.keys("1");
    assert_eq!(ratings(&h), before);
    assert_eq!(h.flash(), Some(h.strings().session_closed_reopen));
    assert_eq!(h.ui().tech.rating_effort, None);
    assert_eq!(selected(&h, Pane::Ideas), Some(idea_id(&h, 0)));
}

/// The ideas drawn in each quadrant of the matrix, by their number in the list, read from
/// the screen: the cross `┼` splits it, the names head each quarter.
fn matrix_quadrants(buf: &Buffer) -> Vec<(String, Vec<usize>)> {
    let rows: Vec<String> = (0..buf.area.height).map(|y| row_text(buf, y)).collect();
    let (y_mid, x_mid) = rows
        .iter()
        .enumerate()
        .find_map(|(y, r)| r.chars().position(|c| c == '┼').map(|x| (y, x)))
        .expect("the matrix's cross");
    let mut out = Vec::new();
    for (top, left) in [(true, true), (true, false), (false, true), (false, false)] {
        let lines: Vec<String> = rows
            .iter()
            .enumerate()
            .filter(|(y, _)| if top { *y < y_mid } else { *y > y_mid })
            .map(|(_, r)| {
                let chars: Vec<char> = r.chars().collect();
                let (a, b) = if left {
                    (0, x_mid)
                } else {
                    (x_mid + 1, chars.len())
                };
                chars[a.min(chars.len())..b.min(chars.len())]
                    .iter()
                    .collect::<String>()
                    .trim_matches(|c| c == '┃' || c == ' ' || c == '│')
                    .to_string()
            })
            .collect();
        // The quarter's name is the last heading above (or first below) the cross.
        let head = if top {
            lines
                .iter()
                .rposition(|l| l.ends_with(')') && l.contains(" ("))
        } else {
            lines
                .iter()
                .position(|l| l.ends_with(')') && l.contains(" ("))
        }
        .expect("a quadrant's name");
        let end = if top {
            lines.len()
        } else {
            lines[head + 1..]
                .iter()
                .position(|l| l.ends_with(')') && l.contains(" ("))
                .map_or(lines.len(), |p| head + 1 + p)
        };
        let numbers = lines[head + 1..end]
            .iter()
            .filter_map(|l| {
                l.trim_start_matches('✓')
                    .split_whitespace()
                    .next()
                    .and_then(|n| n.parse().ok())
            })
            .collect();
        out.push((lines[head].clone(), numbers));
    }
    out
}

#[test]
fn the_matrix_places_each_idea_in_its_quadrant_three_counting_as_high() {
    let mut h = bakers_without_ideas();
    type_ideas(
        &mut h,
        &[
            "Trois trois",
            "Trois deux",
            "Deux trois",
            "Deux deux",
            "Cinq un",
            "Pas notée",
        ],
    );
    h.keys("g");
    h.keys("3332232251");
    h.keys("4"); // the last one: its impact only, so not placed yet
    h.keys("v");
    assert!(h.ui().tech.alt_view.contains(&Pane::Ideas));
    let st = h.strings().solutions;
    let buf = draw(&h.model, 80, 24);
    let quads = matrix_quadrants(&buf);
    let names: Vec<&str> = quads.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            format!("{} (2)", st.quick_wins),
            format!("{} (1)", st.big_projects),
            format!("{} (1)", st.fillers),
            format!("{} (1)", st.thankless),
        ]
    );
    let numbers: Vec<Vec<usize>> = quads.into_iter().map(|(_, n)| n).collect();
    // 3/2 and 5/1 are quick wins, 3/3 a big project, 2/2 a filler, 2/3 thankless.
    assert_eq!(numbers, [vec![2, 5], vec![1], vec![4], vec![3]]);
    let screen = text(&buf);
    let unrated = screen
        .lines()
        .position(|l| l.contains(&format!("{} (1)", st.unrated)))
        .expect("the ideas not rated yet, listed apart");
    assert!(
        screen
            .lines()
            .nth(unrated + 1)
            .unwrap()
            .contains("6 Pas notée")
    );

    // `v` again: back to the list.
    h.keys("v");
    assert!(!text(&draw(&h.model, 80, 24)).contains('┼'));
}

#[test]
fn chosen_ideas_carry_a_mark_and_a_style_in_the_list_and_the_matrix() {
    let mut h = bakers_in(PhaseKind::SolutionSearch);
    h.keys("jj");
    assert!(h.session().solutions.ideas[2].chosen);
    h.keys(" ");
    assert!(
        !h.session().solutions.ideas[2].chosen,
        "Space takes the choice back"
    );
    h.keys("j ");
    assert!(h.session().solutions.ideas[3].chosen);
    assert_eq!(
        changes(h.session()).last(),
        Some(&&Change::IdeaChosen {
            id: idea_id(&h, 3),
            chosen: true
        })
    );

    // Wide: list and matrix side by side, each chosen idea marked ✓ in the chosen style.
    let buf = draw(&h.model, 160, 45);
    let marked = h.model.theme.marked;
    let marks = cells_with(&buf, "✓", marked);
    // Ideas 1 and 4 are chosen now: a mark in the list and one in the matrix each.
    assert_eq!(marks.len(), 4, "{}", text(&buf));
    let screen = text(&buf);
    assert!(screen.contains("✓ 4. Je calcule déjà"));
    assert!(screen.contains("✓ 4 Je calcule déjà"));
    assert!(!screen.contains("✓ 3"));

    // The selected idea is highlighted in the matrix as in the list.
    let selected_cells = cells_with(&buf, "4", h.model.theme.selected);
    assert_eq!(selected_cells.len(), 2, "idea 4 selected in both views");
    assert_round_trip(h.session());
}

// ---------------------------------------------------------------------------------------
// Point 11: the action plan

#[test]
fn an_action_starts_from_a_chosen_idea_prefilled() {
    let mut h = bakers_in(PhaseKind::ActionPlan);
    let st = h.strings();
    // Both chosen ideas of the sample have their action already.
    h.keys("c");
    assert!(h.overlay().is_none());
    assert_eq!(h.flash(), Some(st.solutions.no_chosen_idea_left));

    // Back in solution search, the group also chooses idea 2 (Hicham's, present).
    h.keys("[");
    h.keys("j ");
    h.keys("]");
    let idea = h.session().solutions.ideas[1].clone();
    let Author::Member(hicham) = idea.proposer.clone() else {
        panic!("idea 2 is a member's");
    };
    h.keys("c");
    let (purpose, labels, _) = picker_labels(&h);
    assert_eq!(purpose, PickFor::ActionFromIdea);
    assert_eq!(
        labels,
        [idea.text.as_str()],
        "only chosen ideas without action"
    );
    h.keys("2"); // idea 2, on the key of its number in the list of ideas
    let af = h.ui().action_form.as_ref().expect("the action form opens");
    assert_eq!(af.editing, None);
    assert_eq!(form_value(&h, FieldId::ActionWhat), idea.text);
    let owners = af.form.get(FieldId::ActionOwners).unwrap();
    let ticked: Vec<&Owner> = owners
        .marks
        .iter()
        .zip(&af.owners)
        .filter(|(m, _)| **m)
        .map(|(_, o)| o)
        .collect();
    assert_eq!(
        ticked,
        [&Owner::Member(hicham.clone())],
        "the proposer carries it"
    );
    let link = af.form.get(FieldId::ActionIdea).unwrap().choice;
    assert_eq!(af.ideas[link], Some(idea.id.clone()));

    // The advisor only adds the date and the means; the text stays as the idea said it.
    h.tab();
    h.tab();
    h.keys("+2s");
    h.tab();
    h.keys("Rendez-vous avec le directeur commercial");
    h.ctrl('s');
    assert!(h.ui().action_form.is_none());
    let a: &Action = h.session().plan.actions.last().unwrap();
    assert_eq!(a.what, idea.text);
    assert_eq!(a.owners, [Owner::Member(hicham)]);
    assert_eq!(
        a.due,
        Some(h.session().date + chrono::Days::new(14)),
        "+2s: two weeks"
    );
    assert_eq!(a.means, "Rendez-vous avec le directeur commercial");
    assert_eq!(a.idea, Some(idea.id.clone()));
    assert_eq!(
        selected(&h, Pane::Actions),
        Some(a.id.clone()),
        "the new action selected"
    );
    assert!(matches!(
        changes(h.session()).last(),
        Some(Change::ActionAdded { action }) if action == a
    ));

    // No chosen idea is left without its action.
    h.keys("c");
    assert_eq!(h.flash(), Some(st.solutions.no_chosen_idea_left));
    assert_round_trip(h.session());
}

/// Issue 9, point 5: each chosen idea is on the key of its number in the list of ideas, so
/// it keeps its key when the ideas before it have their action; a key no row has is said.
#[test]
fn a_chosen_idea_keeps_its_key_in_the_action_picker() {
    let mut s = sample::bakers_session(t0(), SEED);
    s.plan.actions.clear();
    for i in &mut s.solutions.ideas {
        i.chosen = true;
    }
    assert!(s.solutions.ideas.len() >= 4);
    let ideas = s.solutions.ideas.clone();
    let mut h = in_phase(s, PhaseKind::ActionPlan);
    let keys = |h: &Harness| match h.overlay() {
        Some(Overlay::Picker(p)) => (0..p.options.len())
            .map(|i| (p.key(i), p.options[i].0.clone()))
            .collect::<Vec<_>>(),
        other => panic!("expected a picker, got {other:?}"),
    };
    let numbered = |ns: &[usize]| {
        ns.iter()
            .map(|&n| {
                (
                    atelier::keymap::picker_hotkey(n),
                    ideas[n - 1].text.replace('\n', " "),
                )
            })
            .collect::<Vec<_>>()
    };
    let all: Vec<usize> = (1..=ideas.len()).collect();
    h.keys("c");
    assert_eq!(keys(&h), numbered(&all));
    // Idea 3 on 3: an action from it.
    h.keys("3");
    assert_eq!(form_value(&h, FieldId::ActionWhat), ideas[2].text);
    h.ctrl('s');
    assert!(h.ui().action_form.is_none());
    assert_eq!(
        h.session().plan.actions[0].idea.as_ref(),
        Some(&ideas[2].id)
    );
    // Idea 4 is still on 4, and 3 chooses nothing: said, and the picker stays.
    h.keys("c");
    let rest: Vec<usize> = all.iter().copied().filter(|&n| n != 3).collect();
    assert_eq!(keys(&h), numbered(&rest));
    h.keys("3");
    assert_eq!(picker_labels(&h).0, PickFor::ActionFromIdea);
    assert!(
        h.flash()
            .is_some_and(|f| f.starts_with(h.strings().picker_no_key.split("{}").next().unwrap())),
        "{:?}",
        h.flash()
    );
    h.keys("4");
    assert_eq!(form_value(&h, FieldId::ActionWhat), ideas[3].text);
}

#[test]
fn with_no_idea_chosen_the_advisor_is_told_how_to_choose_one() {
    let mut s = sample::bakers_session(t0(), SEED);
    for i in &mut s.solutions.ideas {
        i.chosen = false;
    }
    let mut h = in_phase(s, PhaseKind::ActionPlan);
    h.keys("c");
    assert!(h.overlay().is_none());
    assert_eq!(h.flash(), Some(h.strings().solutions.no_chosen_idea));
}

/// Monday 31 January 2028 (a leap year), 9:00: a session at the end of a month.
fn end_of_january() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2028, 1, 31, 9, 0, 0).unwrap()
}

/// Adds a free action with `a`: its text, then its due date typed as is.
fn add_action(h: &mut Harness, what: &str, due: &str) {
    h.keys("a");
    h.keys(what);
    h.tab();
    h.tab();
    h.keys(due);
    h.ctrl('s');
}

#[test]
fn due_dates_take_shortcuts_from_the_session_date_and_refuse_what_is_not_a_date() {
    let mut s = sample::bakers_session(end_of_january(), SEED);
    s.plan.actions.clear();
    let mut h = Harness::new();
    h.now = end_of_january();
    s.current_phase = s.method.index_of(PhaseKind::ActionPlan).unwrap();
    h.open(s, false);
    assert_eq!(h.session().date, day(2028, 1, 31));
    for (what, typed) in [
        ("Un mois", "+1m"),
        ("Sept jours", "+7j"),
        ("Une semaine", "+1w"),
        ("Deux semaines", "+2s"),
        ("Dix jours", "+10d"),
        ("Une date", "15/03"),
        ("Sans date", ""),
    ] {
        add_action(&mut h, what, typed);
        assert!(h.ui().action_form.is_none(), "{typed:?} accepted");
    }
    let dues: Vec<(&str, Option<chrono::NaiveDate>)> = h
        .session()
        .plan
        .actions
        .iter()
        .map(|a| (a.what.as_str(), a.due))
        .collect();
    assert_eq!(
        dues,
        [
            ("Un mois", Some(day(2028, 2, 29))),
            ("Sept jours", Some(day(2028, 2, 7))),
            ("Une semaine", Some(day(2028, 2, 7))),
            ("Deux semaines", Some(day(2028, 2, 14))),
            ("Dix jours", Some(day(2028, 2, 10))),
            ("Une date", Some(day(2028, 3, 15))),
            ("Sans date", None),
        ]
    );

    // In a year that is not a leap year, a month after 31 January is 28 February.
    let mut s = sample::bakers_session(Utc.with_ymd_and_hms(2027, 1, 31, 9, 0, 0).unwrap(), SEED);
    s.current_phase = s.method.index_of(PhaseKind::ActionPlan).unwrap();
    let mut h2 = Harness::with_session(s, false);
    add_action(&mut h2, "Un mois", "+1m");
    assert_eq!(
        h2.session().plan.actions.last().unwrap().due,
        Some(day(2027, 2, 28))
    );

    // A date that is not one: the form stays open on the field, with the sentence that says
    // how to write one; nothing is recorded, and what was typed is still there.
    let count = h.session().plan.actions.len();
    let history = h.session().history.len();
    for bad in ["demain", "31/02", "+3x", "+m"] {
        add_action(&mut h, "Rappeler la minoterie", bad);
        let af = h.ui().action_form.as_ref().expect("the form stays open");
        let due = af.form.get(FieldId::ActionDue).unwrap();
        assert_eq!(due.error, Some(FieldError::BadDate), "{bad:?} refused");
        assert_eq!(af.form.focused_field().unwrap().id, FieldId::ActionDue);
        assert_eq!(h.flash(), Some(h.strings().field_bad_date));
        assert_eq!(form_value(&h, FieldId::ActionDue), bad);
        // Esc asks before throwing the typing away.
        h.esc();
        assert_eq!(
            h.overlay().map(confirm_of),
            Some(Some(Confirm::DiscardActionForm))
        );
        h.keys("y");
    }
    assert_eq!(h.session().plan.actions.len(), count);
    assert_eq!(h.session().history.len(), history);
    assert_round_trip(h.session());
}

fn confirm_of(o: &Overlay) -> Option<Confirm> {
    match o {
        Overlay::Confirm(c) => Some(c.clone()),
        _ => None,
    }
}

fn action_whats(h: &Harness) -> Vec<String> {
    h.ui()
        .rows(Pane::Actions)
        .iter()
        .map(|id| {
            let a = h
                .session()
                .plan
                .actions
                .iter()
                .find(|a| &a.id == id)
                .unwrap();
            a.what.split_whitespace().next().unwrap().to_string()
        })
        .collect()
}

#[test]
fn the_plan_sorts_by_due_date_or_owner_and_the_selection_follows_its_action() {
    let mut h = bakers_in(PhaseKind::ActionPlan);
    // An action with no owner and no date, added last.
    add_action(&mut h, "Visiter le moulin de Tétouan", "");
    let stored: Vec<Id> = h
        .session()
        .plan
        .actions
        .iter()
        .map(|a| a.id.clone())
        .collect();
    let history = h.session().history.len();
    assert_eq!(
        action_whats(&h),
        ["Recenser", "Rencontrer", "Organiser", "Calculer", "Visiter"]
    );
    h.keys("g");
    h.keys("j"); // "Rencontrer…": due in four weeks, Youssef first among its owners
    let meet = selected(&h, Pane::Actions).unwrap();

    // Due date: soonest first, no date last.
    h.keys("s");
    assert_eq!(h.ui().tech.sort, ActionSort::Due);
    assert_eq!(
        action_whats(&h),
        ["Recenser", "Calculer", "Rencontrer", "Organiser", "Visiter"]
    );
    assert_eq!(selected(&h, Pane::Actions), Some(meet.clone()));
    assert_eq!(h.ui().selection(Pane::Actions), 2);

    // Owner: members by name, then the whole group, the advisor, the host, no one.
    h.keys("s");
    assert_eq!(h.ui().tech.sort, ActionSort::Owner);
    assert_eq!(
        action_whats(&h),
        ["Recenser", "Rencontrer", "Calculer", "Organiser", "Visiter"]
    );
    assert_eq!(selected(&h, Pane::Actions), Some(meet.clone()));

    // Moving, editing and deleting act on the rows as shown.
    h.keys("j");
    let group_action = selected(&h, Pane::Actions).unwrap();
    let what = h
        .session()
        .plan
        .actions
        .iter()
        .find(|a| a.id == group_action)
        .unwrap()
        .what
        .clone();
    assert!(what.starts_with("Calculer"));
    h.enter();
    assert_eq!(
        h.ui().action_form.as_ref().unwrap().editing,
        Some(group_action.clone())
    );
    assert_eq!(form_value(&h, FieldId::ActionWhat), what);
    h.esc();

    // Back to the order of entry; the plan itself never moved and nothing was recorded.
    h.keys("s");
    assert_eq!(h.ui().tech.sort, ActionSort::Entered);
    assert_eq!(selected(&h, Pane::Actions), Some(group_action));
    let now: Vec<Id> = h
        .session()
        .plan
        .actions
        .iter()
        .map(|a| a.id.clone())
        .collect();
    assert_eq!(now, stored);
    assert_eq!(h.session().history.len(), history);
}

#[test]
fn an_action_edited_in_a_sorted_plan_stays_selected_where_it_moves() {
    let mut h = bakers_in(PhaseKind::ActionPlan);
    h.keys("s"); // by due date
    h.keys("g"); // "Recenser…", due first
    let first = selected(&h, Pane::Actions).unwrap();
    h.enter();
    h.tab();
    h.tab();
    // Select all of the date and put it last: +2m.
    for _ in 0..10 {
        h.code(KeyCode::Backspace);
    }
    h.keys("+2m");
    h.ctrl('s');
    assert!(h.ui().action_form.is_none());
    assert_eq!(action_whats(&h).last().unwrap(), "Recenser");
    assert_eq!(selected(&h, Pane::Actions), Some(first));
    assert_eq!(h.ui().selection(Pane::Actions), 3);
}

#[test]
fn before_closing_the_actions_without_owner_or_date_are_named_and_closing_still_works() {
    let mut h = bakers_in(PhaseKind::ActionPlan);
    add_action(&mut h, "Visiter le moulin de Tétouan", "");
    // With an owner, no date.
    h.keys("a");
    h.keys("Préparer une affiche pour la fête du pain");
    h.tab();
    h.keys(" ");
    h.ctrl('s');
    // With a date, no owner.
    add_action(&mut h, "Relancer la CNSS", "+7j");
    h.keys("]");
    assert_eq!(h.session().phase_kind(), PhaseKind::Closing);
    h.keys("c");
    assert_eq!(
        h.overlay().map(confirm_of),
        Some(Some(Confirm::CloseSession))
    );
    let st = h.strings();
    let screen = text(&draw(&h.model, 80, 24));
    let lines: Vec<&str> = screen.lines().collect();
    let line_of = |what: &str| {
        lines
            .iter()
            .find(|l| l.contains(what))
            .unwrap_or_else(|| panic!("{what} named in:\n{screen}"))
            .to_string()
    };
    let visit = line_of("Visiter le moulin");
    assert!(
        visit.contains(st.no_owner) && visit.contains(st.no_date),
        "{visit}"
    );
    let poster = line_of("Préparer une affiche");
    assert!(
        !poster.contains(st.no_owner) && poster.contains(st.no_date),
        "{poster}"
    );
    let cnss = line_of("Relancer la CNSS");
    assert!(
        cnss.contains(st.no_owner) && !cnss.contains(st.no_date),
        "{cnss}"
    );
    assert!(
        !screen.contains("Recenser"),
        "complete actions are not listed"
    );

    // The advisor may go on anyway.
    h.keys("y");
    assert!(h.session().is_closed());
    assert_eq!(changes(h.session()).last(), Some(&&Change::SessionClosed));
    assert_round_trip(h.session());
}

/// Issue 9, point 2: a new idea starts from the author last chosen for an idea, else the
/// whole group, never from the last card's author; each pane keeps its own last choice, and
/// the author is on screen before Enter.
#[test]
fn a_new_idea_never_takes_the_last_cards_author() {
    let mut s = sample::bakers_session(t0(), SEED);
    s.solutions.ideas.clear();
    s.plan.actions.clear();
    let present: Vec<usize> = (0..s.group.members.len())
        .filter(|&i| s.present_members().any(|m| m.id == s.group.members[i].id))
        .take(2)
        .collect();
    let member = |i: usize| {
        let m = &s.group.members[present[i]];
        (
            Author::Member(m.id.clone()),
            m.name.clone(),
            atelier::keymap::member_hotkey(present[i])
                .unwrap()
                .to_string(),
        )
    };
    let ((card_author, _, card_key), (idea_author, idea_name, idea_key)) = (member(0), member(1));
    let mut h = in_phase(s.clone(), PhaseKind::NeedEmergence);
    let st = h.strings();
    let author = |h: &Harness| h.ui().editor.as_ref().map(|e| e.author.clone());
    let go_to = |h: &mut Harness, kind: PhaseKind| {
        for _ in 0..8 {
            if h.ui().phase() == kind {
                return;
            }
            h.keys(if h.ui().phase() < kind { "]" } else { "[" });
        }
        panic!("{kind:?} not reached");
    };
    assert_eq!(h.ui().pane(), Pane::Cards);
    h.keys("a");
    h.code(KeyCode::F(2));
    h.keys(&card_key);
    h.keys("Une carte");
    h.enter();
    h.esc();
    assert_eq!(h.session().needs.cards.last().unwrap().author, card_author);

    go_to(&mut h, PhaseKind::SolutionSearch);
    h.keys("a");
    assert_eq!(author(&h), Some(Author::WholeGroup), "an idea's default");
    let screen = text(&draw(&h.model, 80, 24));
    let field = screen
        .lines()
        .find(|l| l.contains('✎'))
        .unwrap_or_else(|| panic!("the idea's field:\n{screen}"));
    assert!(
        field.contains(st.author_group),
        "shown before Enter: {field}"
    );
    h.code(KeyCode::F(2));
    h.keys(&idea_key);
    let screen = text(&draw(&h.model, 80, 24));
    assert!(screen.contains(&idea_name), "{screen}");
    h.keys("Une idée");
    h.enter();
    h.esc();
    assert_eq!(h.session().solutions.ideas[0].proposer, idea_author);

    // Each pane starts from its own last choice.
    go_to(&mut h, PhaseKind::NeedEmergence);
    h.keys("a");
    assert_eq!(author(&h), Some(card_author));
    h.esc();
    go_to(&mut h, PhaseKind::SolutionSearch);
    h.keys("a");
    assert_eq!(author(&h), Some(idea_author));
}

#[test]
fn a_whole_solution_and_plan_phase_as_an_advisor_types_it() {
    let mut h = bakers_without_ideas();
    type_ideas(
        &mut h,
        &[
            "Commande groupée de farine chaque semaine",
            "Atelier « prix de revient » à la Chambre",
            "Pétition pour le prix du pain",
        ],
    );
    // Link, type, rate, choose: idea by idea.
    h.keys("g");
    h.keys("l1c2");
    h.keys("53");
    h.keys("l2c4");
    h.keys("42");
    h.keys("c3");
    h.keys("35");
    h.keys("g ");
    h.keys("j ");
    h.keys("]");
    // Two actions from the two chosen ideas (each on its number), then a free one.
    h.keys("c1");
    h.tab();
    h.tab();
    h.keys("+2w");
    h.ctrl('s');
    h.keys("c2");
    h.tab();
    h.keys(" ");
    h.tab();
    h.keys("+1m");
    h.ctrl('s');
    let s = h.session();
    assert_eq!(s.plan.actions.len(), 2);
    assert_eq!(
        s.plan
            .actions
            .iter()
            .map(|a| a.idea.clone())
            .collect::<Vec<_>>(),
        [Some(idea_id(&h, 0)), Some(idea_id(&h, 1))]
    );
    let ideas = &s.solutions.ideas;
    assert_eq!(
        ideas
            .iter()
            .map(|i| (i.impact, i.effort, i.kind, i.chosen))
            .collect::<Vec<_>>(),
        [
            (Some(5), Some(3), Some(IdeaKind::Collective), true),
            (Some(4), Some(2), Some(IdeaKind::ServiceRequest), true),
            (Some(3), Some(5), Some(IdeaKind::Lobbying), false),
        ]
    );
    assert!(ideas[0].cause.is_some() && ideas[1].cause.is_some() && ideas[2].cause.is_none());
    assert_eq!(idea_texts(&h).len(), 3);

    // Everything is in the history, in order, and replays to the same session.
    let mut replay = s.clone();
    replay.solutions = Default::default();
    replay.plan = Default::default();
    let first = idea_id(&h, 0);
    let from = s
        .history
        .iter()
        .position(|e| matches!(&e.change, Change::IdeaAdded { idea } if idea.id == first))
        .unwrap();
    for e in &s.history[from..] {
        replay.apply(&e.change, e.at);
    }
    assert_eq!(replay.solutions, s.solutions);
    assert_eq!(replay.plan, s.plan);
    assert_round_trip(s);
}

// ---------------------------------------------------------------------------------------
// What the advisor sees

/// Cells showing `symbol` with every part of `style` (and maybe more).
fn cells_with(buf: &Buffer, symbol: &str, style: Style) -> Vec<(u16, u16)> {
    let mut out = Vec::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let c = &buf[(x, y)];
            let s = c.style();
            if c.symbol() == symbol
                && style.fg.is_none_or(|f| s.fg == Some(f))
                && s.add_modifier.contains(style.add_modifier)
            {
                out.push((x, y));
            }
        }
    }
    out
}

fn snap(name: &str, model: &Model, width: u16, height: u16) {
    insta::assert_snapshot!(name, styled(&draw(model, width, height)));
}

/// The bakers' ideas with idea 2 selected, its impact just set: the digits set its effort.
fn ideas_mid_rating() -> Harness {
    let mut h = bakers_in(PhaseKind::SolutionSearch);
    h.keys("j");
    h.keys("4");
    h
}

#[test]
fn snapshot_ideas_list_80x24() {
    let h = ideas_mid_rating();
    snap("ideas_list_80x24", &h.model, 80, 24);
}

#[test]
fn snapshot_ideas_matrix_80x24() {
    let mut h = ideas_mid_rating();
    h.keys("v");
    snap("ideas_matrix_80x24", &h.model, 80, 24);
}

#[test]
fn snapshot_ideas_and_matrix_160x45() {
    let h = ideas_mid_rating();
    snap("ideas_and_matrix_160x45", &h.model, 160, 45);
}

/// The bakers' plan sorted by due date, with an action still missing its owner and date.
fn plan_sorted() -> Harness {
    let mut h = bakers_in(PhaseKind::ActionPlan);
    add_action(&mut h, "Visiter le moulin de Tétouan avec Omar Kettani", "");
    h.keys("s");
    h.keys("g");
    h
}

#[test]
fn snapshot_action_table_80x24() {
    let h = plan_sorted();
    snap("action_table_80x24", &h.model, 80, 24);
}

#[test]
fn snapshot_action_table_160x45() {
    let h = plan_sorted();
    snap("action_table_160x45", &h.model, 160, 45);
}

#[test]
fn snapshot_action_table_80x24_english() {
    let mut h = plan_sorted();
    h.model.lang = atelier::i18n::Lang::En;
    h.keys("s"); // by owner
    snap("action_table_80x24_en", &h.model, 80, 24);
}
