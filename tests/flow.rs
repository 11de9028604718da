//! Message scripts: whole sessions driven through `update` with the keys of the key table,
//! as an advisor presses them, with a clock the test moves itself. Effects are performed in
//! memory (tests/common), so what is asserted is the session data, its history and the
//! effects, never a terminal or a file.

mod common;

use atelier::model::{
    ActionStatus, Attendance, Author, Change, Id, LegalStatus, NextMeeting, Owner, Region, Session,
    SessionState, TextField,
};
use atelier::sample;
use atelier::ui::{Confirm, FieldError, FieldId, Overlay, Pane, Screen, Setup, SetupFocus, Target};
use atelier::update::Effect;
use chrono::TimeDelta;
use common::{Harness, SEED, at, day, t0};
use ratatui::crossterm::event::KeyCode;

// ---------------------------------------------------------------------------------------
// Helpers

fn setup(h: &Harness) -> &Setup {
    match &h.model.screen {
        Screen::Setup(s) => s,
        _ => panic!("expected the setup screen"),
    }
}

fn on_home(h: &Harness) -> bool {
    matches!(h.model.screen, Screen::Home)
}

fn confirm(h: &Harness) -> Option<Confirm> {
    match h.overlay() {
        Some(Overlay::Confirm(c)) => Some(c.clone()),
        _ => None,
    }
}

/// Adds a member through the member form of the setup screen (the members list has focus).
fn add_member(h: &mut Harness, name: &str, business: &str, legal_steps: usize, employees: &str) {
    h.keys("a");
    h.keys(name);
    h.tab();
    h.keys(business);
    h.tab(); // trade: the group's, already there
    h.tab();
    for _ in 0..legal_steps {
        h.code(KeyCode::Right);
    }
    h.tab();
    h.keys(employees);
    for _ in 0..3 {
        h.enter(); // on to the phone, the gender, the year the business started
    }
    h.enter(); // the last field: the member joins the list
}

/// The history events a script cares about, with their timestamps.
fn milestones(s: &Session) -> Vec<(chrono::DateTime<chrono::Utc>, String)> {
    s.history
        .iter()
        .filter_map(|e| {
            let label = match &e.change {
                Change::PhaseEntered { phase } => format!("phase {phase}"),
                Change::CardAdded { card } => format!("card {}", card.text),
                Change::SessionClosed => "closed".into(),
                Change::SessionReopened => "reopened".into(),
                _ => return None,
            };
            Some((e.at, label))
        })
        .collect()
}

fn member_ids(s: &Session) -> Vec<Id> {
    s.group.members.iter().map(|m| m.id.clone()).collect()
}

/// Goes to a phase of a session opened in check-in, with `]`.
fn go_to_phase(h: &mut Harness, phase: usize) {
    while h.session().current_phase < phase {
        h.keys("]");
    }
}

// ---------------------------------------------------------------------------------------
// 1. A whole session

#[test]
fn a_whole_session_from_setup_to_closing_then_reopened() {
    let mut h = Harness::new();
    let st = h.strings();

    // Group setup: the form, then three members.
    h.keys("n");
    assert_eq!(setup(&h).focus, SetupFocus::Form);
    h.keys("Couturières de l'Oriental");
    h.tab();
    h.keys("Couture et broderie");
    h.tab();
    h.code(KeyCode::Right);
    h.code(KeyCode::Right); // region: Oriental
    h.tab(); // another region: not needed
    h.tab();
    h.keys("Oujda");
    h.tab();
    h.keys("Chambre d'artisanat de l'Oriental");
    h.tab();
    h.keys("Nadia Berrada");
    h.tab(); // the date: today, already there
    h.tab();
    h.keys("Maison de l'artisan, Oujda");
    h.tab();
    assert_eq!(setup(&h).focus, SetupFocus::Members);
    add_member(&mut h, "محمد الأمين", "Tissus Al Amine", 2, "2");
    add_member(&mut h, "Hafsa Lamrani", "Broderie Hafsa 🧵✨", 1, "");
    add_member(&mut h, "Amina Ouazzani", "Atelier Amina", 0, "1");
    assert_eq!(setup(&h).members.len(), 3);
    h.ctrl('s');

    assert_eq!(h.created.len(), 1, "Ctrl-S creates the session");
    assert!(
        h.created[0].timer(0).is_running(),
        "the meeting starts with its session: check-in's timer runs"
    );
    let s = h.session();
    assert_eq!(
        (s.number, s.date, s.state),
        (1, day(2026, 11, 24), SessionState::InProgress)
    );
    assert_eq!(s.place, "Maison de l'artisan, Oujda");
    let g = &s.group;
    assert_eq!(g.name, "Couturières de l'Oriental");
    assert_eq!(g.trade, "Couture et broderie");
    assert_eq!(g.region, Region::Oriental);
    assert_eq!(
        (g.city.as_str(), g.advisor.as_str()),
        ("Oujda", "Nadia Berrada")
    );
    assert_eq!(g.host, "Chambre d'artisanat de l'Oriental");
    assert_eq!(g.start_date, Some(day(2026, 11, 24)));
    let names: Vec<&str> = g.members.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["محمد الأمين", "Hafsa Lamrani", "Amina Ouazzani"]);
    assert_eq!(g.members[1].business, "Broderie Hafsa 🧵✨");
    assert_eq!(
        g.members[0].legal_status,
        Some(LegalStatus::AutoEntrepreneur)
    );
    assert_eq!(g.members[1].legal_status, Some(LegalStatus::Informal));
    assert_eq!(g.members[2].legal_status, None);
    let employees: Vec<Option<u32>> = g.members.iter().map(|m| m.employees).collect();
    assert_eq!(employees, [Some(2), None, Some(1)]);
    assert!(g.members.iter().all(|m| m.trade == "Couture et broderie"));
    assert!(
        g.members
            .iter()
            .all(|m| m.joined == Some(day(2026, 11, 24)))
    );
    assert!(
        s.checkin
            .attendance
            .values()
            .all(|a| *a == Attendance::Present)
    );
    let m = member_ids(s);

    // 1 Check-in: the timer runs from the session's start; Hafsa is excused; a guest, the objective, two lines of remarks.
    h.wait_until(60);
    h.keys("j2");
    h.wait_until(120);
    h.tab();
    h.keys("a");
    h.keys("Karim Tazi, CRI de l'Oriental");
    h.enter();
    h.esc();
    h.wait_until(180);
    h.tab();
    h.enter();
    h.keys("Fixer le prix des commandes de mariage");
    h.enter();
    h.wait_until(240);
    h.tab();
    h.enter();
    h.keys("Hafsa excusée : mariage de sa sœur");
    h.alt_enter();
    h.keys("Amina arrivée à 10 h 20");
    h.enter();

    // 2 Follow-up: a first session has nothing to review.
    h.wait_until(900);
    h.keys("]");
    assert!(h.session().followup.reviews.is_empty());

    // 3 Needs: cards, authors picked with F2 and a hotkey while typing.
    h.wait_until(1000);
    h.keys("]");
    h.keys("a");
    assert_eq!(h.ui().editor.as_ref().unwrap().author, Author::Anonymous);
    h.keys("Les clientes paient ");
    h.code(KeyCode::F(2));
    // Each member on their place in the group's list: Mohamed is 1 (Hafsa, 2, is excused).
    h.keys("1");
    assert!(h.overlay().is_none());
    h.keys("en retard");
    h.wait_until(1100);
    h.enter();
    h.keys("Le tissu coûte cher à Oujda");
    h.wait_until(1160);
    h.enter();
    h.code(KeyCode::F(2));
    h.keys("3");
    h.keys("Pas de vitrine en ligne pour nos modèles 📱");
    h.wait_until(1220);
    h.enter();
    h.esc();
    h.keys("a");
    assert_eq!(
        h.ui().editor.as_ref().unwrap().author,
        Author::Member(m[2].clone()),
        "the next card starts with the last author"
    );
    h.esc();
    h.keys("gj*"); // the second card is the priority
    let cards = &h.session().needs.cards;
    let authors: Vec<&Author> = cards.iter().map(|c| &c.author).collect();
    assert_eq!(
        authors,
        [
            &Author::Member(m[0].clone()),
            &Author::Member(m[0].clone()),
            &Author::Member(m[2].clone())
        ]
    );
    assert_eq!(h.session().needs.priority, Some(cards[1].id.clone()));

    // 4 Problem: the statement (it starts from the priority card; the group sharpens it),
    // two causes, a sub-cause (w) made a root cause (r), an effect.
    h.wait_until(2800);
    h.keys("]");
    assert_eq!(h.session().problem.statement, "Le tissu coûte cher à Oujda");
    h.enter();
    h.keys(" : nos prix de mariage ne couvrent pas nos coûts");
    h.enter();
    h.tab();
    h.keys("a");
    h.keys("Prix fixés au jugé");
    h.enter();
    h.keys("Acomptes trop faibles");
    h.enter();
    h.esc();
    h.keys("g");
    h.keys("w");
    h.keys("On ne compte pas le tissu ni le temps");
    h.enter();
    h.keys("r");
    h.tab();
    h.keys("a");
    h.keys("Trésorerie à sec après l'été");
    h.enter();
    h.esc();
    let p = &h.session().problem;
    assert_eq!(
        p.statement,
        "Le tissu coûte cher à Oujda : nos prix de mariage ne couvrent pas nos coûts"
    );
    let causes: Vec<(&str, bool, bool)> = p
        .causes
        .iter()
        .map(|c| (c.text.as_str(), c.parent.is_some(), c.root))
        .collect();
    assert_eq!(
        causes,
        [
            ("Prix fixés au jugé", false, false),
            ("Acomptes trop faibles", false, false),
            ("On ne compte pas le tissu ni le temps", true, true),
        ]
    );
    assert_eq!(p.causes[2].parent.as_ref(), Some(&p.causes[0].id));
    assert_eq!(p.effects.len(), 1);
    assert_eq!(p.effects[0].text, "Trésorerie à sec après l'été");

    // 5 Solutions: two ideas from the whole group, the first one chosen.
    h.wait_until(4600);
    h.keys("]");
    h.keys("a");
    h.code(KeyCode::F(2));
    h.keys("0"); // the whole group
    h.keys("Une fiche de prix de revient");
    h.enter();
    h.keys("Demander 50 % d'acompte");
    h.enter();
    h.esc();
    h.keys("g ");
    let ideas = &h.session().solutions.ideas;
    let chosen: Vec<(&str, bool)> = ideas.iter().map(|i| (i.text.as_str(), i.chosen)).collect();
    assert_eq!(
        chosen,
        [
            ("Une fiche de prix de revient", true),
            ("Demander 50 % d'acompte", false)
        ]
    );
    assert!(ideas.iter().all(|i| i.proposer == Author::WholeGroup));
    let idea = ideas[0].id.clone();

    // 6 Action plan: one action through the form.
    h.wait_until(6400);
    h.keys("]");
    h.keys("a");
    h.keys("Remplir la fiche pour 3 commandes");
    h.tab();
    h.keys(" "); // the first owner: محمد
    h.code(KeyCode::Down);
    h.code(KeyCode::Down);
    h.keys(" "); // and Amina
    h.tab();
    h.keys("+2w");
    h.tab();
    h.keys("Modèle de fiche de l'animatrice");
    h.tab();
    h.keys("3 fiches remplies");
    h.tab();
    h.code(KeyCode::Right); // the idea it carries out
    h.enter();
    assert!(
        h.ui().action_form.is_none(),
        "the form is closed once the action is added"
    );
    let actions = &h.session().plan.actions;
    assert_eq!(actions.len(), 1);
    let a = &actions[0];
    assert_eq!(a.what, "Remplir la fiche pour 3 commandes");
    assert_eq!(
        a.owners,
        [Owner::Member(m[0].clone()), Owner::Member(m[2].clone())]
    );
    assert_eq!(
        a.due,
        Some(day(2026, 12, 8)),
        "+2w is two weeks after the session date"
    );
    assert_eq!(a.means, "Modèle de fiche de l'animatrice");
    assert_eq!(a.indicator, "3 fiches remplies");
    assert_eq!(a.idea, Some(idea));

    // 7 Closing: commitments, scores, the next meeting, private notes.
    h.wait_until(7600);
    h.keys("]");
    h.enter();
    h.keys("Je calcule mes prix avant chaque devis");
    h.enter();
    h.keys("4");
    // A score moves on to the next present member: Amina, past Hafsa, who is excused.
    assert_eq!(h.ui().selection(Pane::ClosingMembers), 2);
    h.keys("k3");
    assert_eq!(
        h.flash(),
        Some(st.closing_score_present_only),
        "Hafsa is excused"
    );
    h.keys("j");
    h.enter();
    h.keys("Je demande 50 % d'acompte");
    h.enter();
    h.keys("5");
    h.tab(); // comments
    h.tab();
    h.enter();
    h.keys("22/12/2026");
    h.enter();
    h.tab();
    h.enter();
    h.keys("Maison de l'artisan");
    h.enter();
    h.tab();
    h.enter();
    h.keys("Le prix de revient, suite");
    h.enter();
    h.tab();
    h.enter();
    h.keys("Hafsa semble découragée");
    h.alt_enter();
    h.keys("Appeler la Chambre pour le local");
    h.enter();

    // Closing the session pauses the phase's timer and saves at once.
    h.wait_until(8200);
    let saves = h.saves;
    h.keys("c");
    assert_eq!(confirm(&h), Some(Confirm::CloseSession));
    h.keys("y");
    assert_eq!(h.session().state, SessionState::Closed);
    assert_eq!(h.session().closed, Some(at(8200)));
    assert_eq!(h.saves, saves + 1);
    assert_eq!(h.flash(), Some(st.session_closed_done));

    // A closed session refuses edits, with a sentence that says how to reopen it.
    let before = h.session().clone();
    h.keys("a"); // private notes
    assert_eq!(h.flash(), Some(st.session_closed_reopen));
    assert!(h.ui().editor.is_none());
    for _ in 0..5 {
        h.back_tab();
    }
    h.keys("g1");
    assert_eq!(h.flash(), Some(st.session_closed_reopen));
    assert_eq!(h.session(), &before);

    h.wait_until(8300);
    h.keys("c");
    assert_eq!(confirm(&h), Some(Confirm::ReopenSession));
    h.keys("y");
    assert_eq!(h.session().state, SessionState::InProgress);

    // The data of every phase.
    let s = h.session().clone();
    let c = &s.checkin;
    assert_eq!(c.attendance[&m[1]], Attendance::Excused);
    assert_eq!(c.attendance[&m[0]], Attendance::Present);
    assert_eq!(c.guests.len(), 1);
    assert_eq!(c.guests[0].text, "Karim Tazi, CRI de l'Oriental");
    assert_eq!(c.objective, "Fixer le prix des commandes de mariage");
    assert_eq!(
        c.remarks,
        "Hafsa excusée : mariage de sa sœur\nAmina arrivée à 10 h 20"
    );
    let cl = &s.closing;
    assert_eq!(cl.commitments.len(), 2);
    assert_eq!(
        cl.commitments[&m[0]],
        "Je calcule mes prix avant chaque devis"
    );
    assert_eq!(cl.commitments[&m[2]], "Je demande 50 % d'acompte");
    assert_eq!(cl.usefulness.get(&m[0]), Some(&4));
    assert_eq!(cl.usefulness.get(&m[1]), None);
    assert_eq!(cl.usefulness.get(&m[2]), Some(&5));
    assert_eq!(cl.next.date, Some(day(2026, 12, 22)));
    assert_eq!(cl.next.place, "Maison de l'artisan");
    assert_eq!(cl.next.topic, "Le prix de revient, suite");
    assert_eq!(
        cl.private_notes,
        "Hafsa semble découragée\nAppeler la Chambre pour le local"
    );
    assert!(
        s.drafts.is_empty(),
        "everything typed was validated: {:?}",
        s.drafts
    );

    // Actual time per phase: each timer ran from its phase's first entry, with no key, to
    // the next phase (the closing one until the session was closed).
    let elapsed: Vec<u32> = s.timers.iter().map(|t| t.elapsed_secs).collect();
    assert_eq!(elapsed, [900, 100, 1800, 1800, 1800, 1200, 600]);
    assert!(s.timers.iter().all(|t| !t.is_running()));

    // The history: what happened, in order, at the clock's times.
    let expected: Vec<(chrono::DateTime<chrono::Utc>, String)> = [
        (900, "phase 1"),
        (1000, "phase 2"),
        (1100, "card Les clientes paient en retard"),
        (1160, "card Le tissu coûte cher à Oujda"),
        (1220, "card Pas de vitrine en ligne pour nos modèles 📱"),
        (2800, "phase 3"),
        (4600, "phase 4"),
        (6400, "phase 5"),
        (7600, "phase 6"),
        (8200, "closed"),
        (8300, "reopened"),
    ]
    .into_iter()
    .map(|(t, l)| (at(t), l.to_string()))
    .collect();
    assert_eq!(milestones(&s), expected);
    assert!(s.history.windows(2).all(|w| w[0].at <= w[1].at));
    let attendance = s
        .history
        .iter()
        .find(|e| matches!(e.change, Change::AttendanceSet { .. }))
        .unwrap();
    assert_eq!(attendance.at, at(60));

    // The history replays to the same data, from the session as it was created.
    let mut replay = h.created[0].clone();
    for e in &s.history {
        replay.apply(&e.change, e.at);
    }
    replay.history = s.history.clone();
    replay.saved = s.saved;
    replay.drafts = s.drafts.clone();
    assert_eq!(replay, s);
}

// ---------------------------------------------------------------------------------------
// 2. Timers

#[test]
fn timers_run_pause_change_and_overrun_with_a_fixed_clock() {
    let mut h = Harness::with_session(sample::bakers_first_session(t0(), SEED), false);
    let planned = h.session().timer(0).planned_secs;
    assert_eq!(planned, 15 * 60);

    h.keys("t");
    assert!(h.session().timer(0).is_running());
    h.wait(90);
    assert_eq!(h.session().timer(0).elapsed(h.now), 90);
    assert_eq!(h.session().timer(0).remaining(h.now), 15 * 60 - 90);
    h.keys("t");
    let t = h.session().timer(0);
    assert!(!t.is_running());
    assert_eq!(t.elapsed_secs, 90);
    h.wait(60);
    assert_eq!(
        h.session().timer(0).elapsed(h.now),
        90,
        "a paused timer stands still"
    );

    h.keys("+");
    assert_eq!(h.session().timer(0).planned_secs, 16 * 60);
    h.keys("--");
    assert_eq!(h.session().timer(0).planned_secs, 14 * 60);
    assert_eq!(
        h.session().timer(0).elapsed_secs,
        90,
        "+/- change the plan, not the time run"
    );

    // Typing does not stop the clock; Alt-t works inside a field.
    h.tab();
    h.keys("a");
    h.alt('t');
    assert!(h.session().timer(0).is_running());
    h.wait(30);
    h.keys("Said");
    // Moving on pauses the running timer: its phase is over.
    h.alt(']');
    assert_eq!(h.session().current_phase, 1);
    let t = h.session().timer(0);
    assert!(!t.is_running());
    assert_eq!(t.elapsed_secs, 120);
    assert!(
        h.session().timer(1).is_running(),
        "the first entry into a phase starts its timer"
    );
    h.keys("t");
    assert_eq!(h.session().timer(1).elapsed_secs, 0);

    // Over time: the remaining time goes below zero.
    for _ in 0..19 {
        h.keys("-");
    }
    assert_eq!(h.session().timer(1).planned_secs, 60);
    h.keys("t");
    h.wait(100);
    let t = h.session().timer(1);
    assert_eq!(t.remaining(h.now), -40);
    assert!(t.overrun(h.now));
    h.keys("t");
    assert_eq!(h.session().timer(1).elapsed_secs, 100);

    let timer_events: Vec<Change> = h
        .session()
        .history
        .iter()
        .map(|e| e.change.clone())
        .filter(|c| {
            matches!(
                c,
                Change::TimerStarted { .. }
                    | Change::TimerPaused { .. }
                    | Change::PlannedChanged { .. }
            )
        })
        .collect();
    let mut expected = vec![
        Change::TimerStarted { phase: 0 },
        Change::TimerPaused {
            phase: 0,
            elapsed_secs: 90,
        },
        Change::PlannedChanged {
            phase: 0,
            planned_secs: 960,
        },
        Change::PlannedChanged {
            phase: 0,
            planned_secs: 900,
        },
        Change::PlannedChanged {
            phase: 0,
            planned_secs: 840,
        },
        Change::TimerStarted { phase: 0 },
        Change::TimerPaused {
            phase: 0,
            elapsed_secs: 120,
        },
    ];
    expected.push(Change::TimerStarted { phase: 1 });
    expected.push(Change::TimerPaused {
        phase: 1,
        elapsed_secs: 0,
    });
    expected.extend((1..=19).rev().map(|n| Change::PlannedChanged {
        phase: 1,
        planned_secs: n * 60,
    }));
    expected.push(Change::TimerStarted { phase: 1 });
    expected.push(Change::TimerPaused {
        phase: 1,
        elapsed_secs: 100,
    });
    assert_eq!(timer_events, expected);
}

#[test]
fn a_phase_timer_starts_on_first_entry_only_and_a_resume_stays_paused() {
    let mut h = Harness::with_session(sample::bakers_first_session(t0(), SEED), false);
    let running = |h: &Harness, p: usize| h.session().timer(p).is_running();
    h.keys("]");
    assert_eq!(h.session().current_phase, 1);
    assert!(running(&h, 1), "entering follow-up starts its timer");
    h.wait(40);
    h.keys("]");
    assert!(!running(&h, 1), "leaving pauses it");
    assert!(running(&h, 2), "entering need emergence starts its timer");
    h.wait(20);
    // Back with [: the earlier phase's timer stays as it was, paused at its time.
    h.keys("[");
    assert_eq!(h.session().current_phase, 1);
    assert!(!running(&h, 1) && !running(&h, 2));
    assert_eq!(h.session().timer(1).elapsed(h.now), 40);
    // Forward again: need emergence was entered before, its timer waits for t.
    h.keys("]");
    assert!(!running(&h, 2));
    assert_eq!(h.session().timer(2).elapsed(h.now), 20);
    // The history says it all, in order: replay reads it.
    let events: Vec<Change> = h
        .session()
        .history
        .iter()
        .map(|e| e.change.clone())
        .filter(|c| {
            matches!(
                c,
                Change::PhaseEntered { .. }
                    | Change::TimerStarted { .. }
                    | Change::TimerPaused { .. }
            )
        })
        .collect();
    let paused = |phase, elapsed_secs| Change::TimerPaused {
        phase,
        elapsed_secs,
    };
    assert_eq!(
        events,
        vec![
            Change::PhaseEntered { phase: 1 },
            Change::TimerStarted { phase: 1 },
            paused(1, 40),
            Change::PhaseEntered { phase: 2 },
            Change::TimerStarted { phase: 2 },
            paused(2, 20),
            Change::PhaseEntered { phase: 1 },
            Change::PhaseEntered { phase: 2 },
        ]
    );

    // A running timer, then a crash: the session comes back with it paused.
    h.keys("t");
    h.wait(30);
    let mut saved = h.saved.clone().expect("saved while running");
    assert!(saved.timer(2).is_running());
    saved.settle_after_load();
    let mut h = Harness::with_session(saved, false);
    assert!(!running(&h, 2), "a resumed session waits for t");
    h.wait(60);
    assert!(!running(&h, 2));
}

#[test]
fn a_running_timer_is_saved_every_few_seconds_without_any_change() {
    let mut h = Harness::with_session(sample::bakers_first_session(t0(), SEED), false);
    h.keys("t");
    h.wait(1);
    let saves = h.saves;
    assert!(saves >= 1, "starting the timer is a change");
    h.wait(60);
    assert!(
        h.saves >= saves + 3,
        "a crash loses at most a few seconds of a running timer"
    );
    let saved = h.saved.as_ref().unwrap();
    assert!(saved.timer(0).is_running());
    assert!(h.now - saved.saved <= TimeDelta::seconds(15));
}

// ---------------------------------------------------------------------------------------
// 3. Nothing typed is lost

#[test]
fn half_typed_text_survives_moving_between_phases_and_esc() {
    let mut h = Harness::with_session(sample::bakers_first_session(t0(), SEED), false);
    go_to_phase(&mut h, 2);
    h.keys("a");
    h.keys("Le prix de la far");
    // The draft is in the session at once, so the next autosave carries it.
    assert_eq!(
        h.session().drafts.get("new:Cards").map(String::as_str),
        Some("Le prix de la far")
    );
    h.wait(1);
    assert_eq!(
        h.saved
            .as_ref()
            .unwrap()
            .drafts
            .get("new:Cards")
            .map(String::as_str),
        Some("Le prix de la far")
    );

    // In a field `]` is text: Alt-] moves on, and the text stays as a draft.
    h.alt(']');
    assert_eq!(h.session().current_phase, 3);
    assert_eq!(
        h.session().drafts.get("new:Cards").map(String::as_str),
        Some("Le prix de la far")
    );
    assert!(h.session().needs.cards.is_empty());
    h.keys("[");
    assert_eq!(h.session().current_phase, 2);
    assert_eq!(
        h.editor_text().as_deref(),
        Some("Le prix de la far"),
        "the field comes back open"
    );
    h.keys("ine a doublé");
    h.enter();
    assert_eq!(
        h.session().needs.cards[0].text,
        "Le prix de la farine a doublé"
    );
    assert!(!h.session().drafts.contains_key("new:Cards"));

    // Esc then `]`: the same.
    h.keys("Pas de crédit");
    h.esc();
    assert_eq!(h.flash(), Some(h.strings().draft_kept));
    h.keys("]");
    h.keys("[");
    assert_eq!(h.editor_text().as_deref(), Some("Pas de crédit"));
    h.esc();

    // Esc keeps a draft of a text field too; Enter takes it up again.
    go_to_phase(&mut h, 3);
    h.enter();
    h.keys("Les fours sont");
    h.esc();
    assert!(h.ui().editor.is_none());
    assert_eq!(h.session().problem.statement, "");
    assert_eq!(
        h.session()
            .drafts
            .get("text:ProblemStatement")
            .map(String::as_str),
        Some("Les fours sont")
    );
    h.enter();
    assert_eq!(h.editor_text().as_deref(), Some("Les fours sont"));
    h.keys(" trop vieux");
    h.enter();
    assert_eq!(h.session().problem.statement, "Les fours sont trop vieux");
    assert!(!h.session().drafts.contains_key("text:ProblemStatement"));

    // Esc with nothing changed leaves no draft behind.
    h.enter();
    h.esc();
    assert!(!h.session().drafts.contains_key("text:ProblemStatement"));
    assert_eq!(h.flash(), None);

    // The half card left in the needs phase is still waiting there, with its author.
    let drafts: Vec<(&str, &str)> = h
        .session()
        .drafts
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    assert_eq!(
        drafts,
        [
            ("new:Cards", "Pas de crédit"),
            ("new:Cards/author", "anonymous")
        ]
    );
}

#[test]
fn pasted_text_keeps_new_lines_only_where_a_field_has_lines() {
    let mut h = Harness::with_session(sample::bakers_first_session(t0(), SEED), false);
    // Remarks (multi-line): pasted with nothing open, typing starts there.
    h.tab();
    h.tab();
    h.tab();
    assert_eq!(h.ui().pane(), Pane::Remarks);
    h.paste("Four en panne\r\nLivraison en retard\rClient absent\n");
    assert_eq!(
        h.ui().editor.as_ref().unwrap().target,
        Target::Text(TextField::Remarks)
    );
    assert_eq!(
        h.session().drafts.get("text:Remarks").map(String::as_str),
        Some("Four en panne\nLivraison en retard\nClient absent\n"),
        "\\r\\n and a lone \\r are new lines; the draft is there at once"
    );
    h.enter();
    assert_eq!(
        h.session().checkin.remarks,
        "Four en panne\nLivraison en retard\nClient absent"
    );

    // The objective (one line): new lines become spaces.
    h.back_tab();
    h.enter();
    h.paste("Mieux vendre\r\nle pain\rau quartier\n");
    assert_eq!(
        h.editor_text().as_deref(),
        Some("Mieux vendre le pain au quartier")
    );
    h.enter();
    assert_eq!(
        h.session().checkin.objective,
        "Mieux vendre le pain au quartier"
    );

    // A card (it takes lines, as Alt-Enter does), Arabic script and emoji intact.
    go_to_phase(&mut h, 2);
    h.paste("الخبز\nغالي 🍞");
    h.enter();
    assert_eq!(h.session().needs.cards[0].text, "الخبز\nغالي 🍞");

    // A field of the action form (one line).
    h.esc();
    go_to_phase(&mut h, 5);
    h.keys("a");
    h.paste("Acheter\nun pétrin");
    assert_eq!(
        h.session()
            .drafts
            .get("action:new:ActionWhat")
            .map(String::as_str),
        Some("Acheter un pétrin")
    );
    h.enter(); // owners
    h.enter(); // due
    h.enter(); // means
    h.enter(); // indicator
    h.enter(); // idea
    h.enter(); // added
    assert_eq!(h.session().plan.actions[0].what, "Acheter un pétrin");
    assert!(h.session().drafts.is_empty());
}

// ---------------------------------------------------------------------------------------
// 4. Autosave

#[test]
fn a_change_is_saved_within_a_second_and_nothing_else_is() {
    let mut h = Harness::with_session(sample::bakers_first_session(t0(), SEED), false);
    h.wait(600);
    assert_eq!(h.saves, 0, "nothing changed, nothing to save");

    h.keys("2"); // the first member is excused
    let changed = h.now;
    h.wait(2);
    assert_eq!(h.saves, 1);
    assert!(h.save_times[0] - changed <= TimeDelta::seconds(1));
    assert_eq!(
        h.saved
            .as_ref()
            .unwrap()
            .checkin
            .attendance
            .values()
            .filter(|a| **a == Attendance::Excused)
            .count(),
        1
    );
    h.wait(300);
    assert_eq!(h.saves, 1, "saved once, then quiet");

    // Typing without a pause: a save still comes at least every second.
    h.tab();
    h.keys("a");
    let start = h.save_times.len();
    let typed_from = h.now;
    for c in "Monsieur Alaoui, du Crédit Agricole".chars() {
        h.wait_ms(120);
        h.keys(&c.to_string());
    }
    h.wait_ms(1000);
    let mut times = vec![typed_from];
    times.extend(&h.save_times[start..]);
    assert!(times.len() >= 5);
    assert!(
        times
            .windows(2)
            .all(|w| w[1] - w[0] <= TimeDelta::seconds(1)),
        "saves while typing: {times:?}"
    );
    assert_eq!(
        h.saved
            .as_ref()
            .unwrap()
            .drafts
            .get("new:Guests")
            .map(String::as_str),
        Some("Monsieur Alaoui, du Crédit Agricole")
    );

    // Everything saved: q leaves at once, with no question.
    h.esc();
    h.wait(2);
    let from = h.effects.len();
    h.keys("q");
    assert_eq!(&h.effects[from..], [Effect::Quit]);
    assert!(h.quit);
    assert!(h.overlay().is_none());
}

#[test]
fn q_right_after_a_change_saves_first_then_quits() {
    let mut h = Harness::with_session(sample::bakers_first_session(t0(), SEED), false);
    h.keys("3");
    let from = h.effects.len();
    h.keys("q");
    assert!(
        matches!(&h.effects[from..], [Effect::Save(_), Effect::Quit]),
        "{:?}",
        &h.effects[from..]
    );
    assert!(h.quit);
    assert!(
        h.saved
            .as_ref()
            .unwrap()
            .checkin
            .attendance
            .values()
            .any(|a| *a == Attendance::Absent)
    );
}

#[test]
fn after_a_failed_save_q_asks_and_saving_is_retried() {
    let mut h = Harness::with_session(sample::bakers_first_session(t0(), SEED), false);
    h.fail_saves = true;
    h.keys("2");
    h.wait(1);
    assert_eq!(h.saves, 1);
    assert!(h.ui().save.error.is_some());

    let from = h.effects.len();
    h.keys("q");
    assert!(matches!(
        h.overlay(),
        Some(Overlay::Confirm(Confirm::QuitUnsaved))
    ));
    assert!(!h.effects[from..].contains(&Effect::Quit));
    assert!(!h.quit);
    h.keys("n");
    assert!(h.overlay().is_none());
    assert!(!h.quit);

    // The disk stays full: retried every few seconds, not at every tick.
    let attempts = h.saves;
    h.wait(10);
    let retries = h.saves - attempts;
    assert!((2..=4).contains(&retries), "{retries} retries in 10 s");

    // Room again: the next retry succeeds and q quits at once.
    h.fail_saves = false;
    h.wait(4);
    assert!(h.ui().save.error.is_none());
    assert!(h.saved.is_some());
    h.keys("q");
    assert!(h.quit);
}

// ---------------------------------------------------------------------------------------
// 5. The next session of a group

#[test]
fn the_next_session_reviews_the_open_actions_of_earlier_ones() {
    // Three closed sessions of the tailors, the last one two weeks ago.
    let series = sample::series(t0() - TimeDelta::days(14), SEED);
    let latest = series.last().unwrap().clone();
    // The folder holds the group's sessions: the next one is prepared from them.
    let common::Folder { mut h, .. } = common::folder_of(series.clone(), |_| {});
    assert!(on_home(&h));

    // Enter on the group: its next session, group and members carried over.
    h.enter();
    assert!(
        h.effects
            .contains(&Effect::PrepareNext(latest.group.id.clone()))
    );
    let present: Vec<Id> = latest
        .group
        .members
        .iter()
        .filter(|m| m.left.is_none())
        .map(|m| m.id.clone())
        .collect();
    assert_eq!(
        setup(&h)
            .members
            .iter()
            .map(|m| m.id.clone())
            .collect::<Vec<_>>(),
        present
    );
    h.ctrl('s');
    let s = h.session();
    assert_eq!(s.number, 4);
    assert_eq!(s.group.id, latest.group.id);
    assert_eq!(s.group.name, latest.group.name);
    let expected = atelier::model::open_reviews(&series);
    assert!(expected.len() >= 4, "the sample has actions to follow up");
    assert_eq!(s.followup.reviews, expected);

    // Follow-up: a status per action with 1–4, a comment with Enter, 0 to undo.
    h.keys("]");
    assert_eq!(h.ui().pane(), Pane::Reviews);
    h.keys("1j2j3j4");
    h.keys("g");
    h.enter();
    h.keys("Fait pour 2 clientes sur 3");
    h.enter();
    h.keys("G0");
    let reviews = &h.session().followup.reviews;
    let n = reviews.len();
    let statuses: Vec<Option<ActionStatus>> = reviews.iter().map(|r| r.status).collect();
    let mut want = vec![
        Some(ActionStatus::Done),
        Some(ActionStatus::InProgress),
        Some(ActionStatus::Blocked),
        Some(ActionStatus::Dropped),
    ];
    want.resize(n, None);
    if n == 4 {
        want[3] = None; // the last one, undone with 0
    }
    assert_eq!(statuses, want);
    assert_eq!(reviews[0].comment, "Fait pour 2 clientes sur 3");
    assert!(reviews[1..].iter().all(|r| r.comment.is_empty()));
    let status_events = h
        .session()
        .history
        .iter()
        .filter(|e| matches!(e.change, Change::ReviewStatusSet { .. }))
        .count();
    assert_eq!(status_events, 5);
    // The reviewed actions themselves are untouched: they belong to their sessions.
    for (r, e) in reviews.iter().zip(&expected) {
        assert_eq!(r.action, e.action);
    }
}

/// Home with the tailors' three sessions, the last one planning the next meeting so.
fn tailors_planning(next: NextMeeting) -> (Harness, Session) {
    let mut series = sample::series(t0() - TimeDelta::days(14), SEED);
    series.last_mut().unwrap().closing.next = next;
    let latest = series.last().unwrap().clone();
    // The folder holds the group's sessions: the next one is prepared from them.
    let common::Folder { h, .. } = common::folder_of(series.clone(), |_| {});
    (h, latest)
}

#[test]
fn the_next_session_starts_from_the_date_place_and_topic_planned_at_closing() {
    let planned = day(2026, 12, 8);
    let (mut h, _) = tailors_planning(NextMeeting {
        date: Some(planned),
        place: "Maison de l'artisan, salle 2 ".into(),
        topic: "Les prix de revient, suite".into(),
    });
    h.enter();
    let form = &setup(&h).form;
    assert_eq!(form.value(FieldId::Date), "08/12/2026");
    assert_eq!(form.value(FieldId::Place), "Maison de l'artisan, salle 2");
    h.ctrl('s');
    let s = h.session();
    assert_eq!(s.date, planned);
    assert_eq!(s.place, "Maison de l'artisan, salle 2");
    assert_eq!(s.checkin.objective, "Les prix de revient, suite");
    // Through the history, so that replay shows where the objective came from.
    assert!(s.history.iter().any(|e| e.change
        == Change::TextSet {
            field: TextField::Objective,
            text: "Les prix de revient, suite".into(),
        }));

    // A planned date already past: today's is proposed, the meeting is being held now.
    let (mut h, _) = tailors_planning(NextMeeting {
        date: Some(day(2026, 11, 20)),
        place: String::new(),
        topic: String::new(),
    });
    h.enter();
    assert_eq!(setup(&h).form.value(FieldId::Date), "24/11/2026");
    assert_eq!(setup(&h).form.value(FieldId::Place), "");
    h.ctrl('s');
    assert_eq!(h.session().checkin.objective, "");
}

#[test]
fn a_first_session_has_nothing_to_follow_up() {
    let mut h = Harness::with_session(sample::bakers_first_session(t0(), SEED), false);
    h.keys("]");
    assert_eq!(h.ui().pane(), Pane::Reviews);
    assert!(h.session().followup.reviews.is_empty());
    let events = h.session().history.len();
    h.keys("1");
    h.enter();
    assert_eq!(
        h.session().history.len(),
        events,
        "no action, nothing to set"
    );
    assert!(h.ui().editor.is_none());

    // And the screen says so, rather than showing an empty box.
    let area = ratatui::layout::Rect::new(0, 0, 120, 30);
    let mut buf = ratatui::buffer::Buffer::empty(area);
    ratatui::widgets::Widget::render(&h.model, area, &mut buf);
    let text: String = buf.content().iter().map(|c| c.symbol()).collect();
    assert!(text.contains(h.strings().empty_reviews_first), "{text}");
}

// ---------------------------------------------------------------------------------------
// 6. Read-only

#[test]
fn a_read_only_session_refuses_every_change() {
    let mut session = sample::bakers_session(t0(), SEED);
    session.settle_after_load();
    let mut h = Harness::with_session(session, true);
    let st = h.strings();
    assert_eq!(h.flash(), Some(st.session_read_only));
    let before = h.session().clone();
    let history = before.history.len();

    // Moving between phases is reading: allowed, and not recorded.
    while h.session().current_phase > 2 {
        h.keys("[");
    }
    assert_eq!(h.session().current_phase, 2);
    h.keys("a");
    assert_eq!(h.flash(), Some(st.session_read_only));
    assert!(h.ui().editor.is_none());
    h.keys("Texte"); // no field open: these are keys, not text
    h.paste("Une carte collée");
    h.keys("*");
    h.keys("t+");
    h.keys("d"); // refused at once, without asking first
    assert_eq!(h.flash(), Some(st.session_read_only));
    h.wait(60);

    let after = h.session();
    assert_eq!(after.history.len(), history);
    assert_eq!(after.needs, before.needs);
    assert_eq!(after.timers, before.timers);
    assert!(after.drafts.is_empty());
    let mut same = after.clone();
    same.current_phase = before.current_phase;
    assert_eq!(same, before);
    assert_eq!(h.saves, 0, "a read-only session is never written");

    // Closing is refused too.
    go_to_phase(&mut h, 6);
    h.keys("c");
    assert!(h.overlay().is_none());
    assert_eq!(h.flash(), Some(st.session_read_only));
    assert_eq!(h.session().state, before.state);
}

// ---------------------------------------------------------------------------------------
// 7. Setup validation

#[test]
fn setup_refuses_bad_fields_next_to_them_and_asks_before_discarding() {
    let mut h = Harness::new();
    let st = h.strings();
    h.keys("n");

    // No member yet.
    h.ctrl('s');
    assert_eq!(h.flash(), Some(st.setup_need_members));
    assert_eq!(setup(&h).focus, SetupFocus::Members);
    assert!(h.created.is_empty());

    // A member whose employees are not a number stays in its form.
    add_member(&mut h, "Rachid Bennani", "Zellige Bennani", 0, "abc");
    let mf = setup(&h)
        .member_form
        .as_ref()
        .expect("the member form stays open");
    assert_eq!(
        mf.form.get(FieldId::Employees).unwrap().error,
        Some(FieldError::NotANumber)
    );
    for _ in 0..3 {
        h.code(KeyCode::Backspace);
    }
    h.keys("12");
    for _ in 0..4 {
        h.enter();
    }
    assert!(setup(&h).member_form.is_none());
    assert_eq!(setup(&h).members[0].employees, Some(12));

    // No group name, no trade, no advisor, a date that does not exist.
    h.tab(); // back to the form
    for _ in 0..7 {
        h.tab();
    }
    assert_eq!(setup(&h).form.focus, 7);
    for _ in 0..10 {
        h.code(KeyCode::Backspace);
    }
    h.keys("31/02/2026");
    h.tick();
    let kept = h.setup_draft().expect("what is typed in setup is kept");
    assert_eq!(kept.members.len(), 1);
    h.ctrl('s');
    assert!(h.created.is_empty());
    assert_eq!(h.flash(), Some(st.setup_fix_fields));
    let form = &setup(&h).form;
    let errors: Vec<(FieldId, FieldError)> = form
        .fields
        .iter()
        .filter_map(|f| f.error.map(|e| (f.id, e)))
        .collect();
    assert_eq!(
        errors,
        [
            (FieldId::GroupName, FieldError::Required),
            (FieldId::Trade, FieldError::Required),
            (FieldId::Advisor, FieldError::Required),
            (FieldId::Date, FieldError::BadDate),
        ]
    );
    assert_eq!(form.focus, 0, "the first field to fix has focus");

    // Esc on a changed setup asks; no keeps it as it was.
    h.esc();
    assert_eq!(confirm(&h), Some(Confirm::DiscardSetup));
    h.keys("n");
    assert!(h.overlay().is_none());
    assert_eq!(setup(&h).members.len(), 1);

    // Fixed, it starts.
    h.keys("Zelligeurs de Fès");
    assert_eq!(
        setup(&h).form.get(FieldId::GroupName).unwrap().error,
        None,
        "typing clears the error"
    );
    h.tab();
    h.keys("Zellige");
    for _ in 0..5 {
        h.tab();
    }
    h.keys("Omar Kettani");
    h.tab();
    for _ in 0..10 {
        h.code(KeyCode::Backspace);
    }
    h.keys("+3w");
    h.ctrl('s');
    assert_eq!(h.created.len(), 1);
    assert!(
        h.setup_draft().is_none(),
        "the session exists: no setup draft left"
    );
    assert_eq!(h.session().date, day(2026, 12, 15));
    assert_eq!(h.session().group.name, "Zelligeurs de Fès");

    // Esc then yes discards; an untouched setup goes home without a question.
    let mut h = Harness::new();
    h.keys("n");
    h.keys("X");
    h.tick();
    assert!(h.setup_draft().is_some());
    h.esc();
    h.keys("y");
    assert!(on_home(&h));
    assert!(h.setup_draft().is_none(), "given up: its draft goes");
    assert!(h.created.is_empty());
    h.keys("n");
    h.esc();
    assert!(h.overlay().is_none());
    assert!(on_home(&h));
}

// ---------------------------------------------------------------------------------------
// 8. Delete asks first

#[test]
fn delete_asks_first_and_a_cause_goes_with_its_sub_causes() {
    let mut h = Harness::with_session(sample::bakers_first_session(t0(), SEED), false);
    go_to_phase(&mut h, 2);
    h.keys("a");
    h.keys("Farine trop chère");
    h.enter();
    h.keys("Pas de livreur");
    h.enter();
    h.esc();
    h.keys("g*");
    let first = h.session().needs.cards[0].id.clone();
    assert_eq!(h.session().needs.priority, Some(first.clone()));

    h.keys("d");
    assert_eq!(
        confirm(&h),
        Some(Confirm::Delete(Pane::Cards, first.clone()))
    );
    h.keys("n");
    assert_eq!(h.session().needs.cards.len(), 2);
    h.keys("d");
    h.esc();
    assert_eq!(h.session().needs.cards.len(), 2, "Esc is no too");
    h.keys("d");
    h.keys("y");
    let cards: Vec<&str> = h
        .session()
        .needs
        .cards
        .iter()
        .map(|c| c.text.as_str())
        .collect();
    assert_eq!(cards, ["Pas de livreur"]);
    assert_eq!(
        h.session().needs.priority,
        None,
        "the priority went with its card"
    );

    // Causes: a tree, then its top deleted.
    h.keys("]");
    h.tab();
    h.keys("a");
    h.keys("Les fournisseurs imposent leurs prix");
    h.enter();
    h.keys("Pas de trésorerie");
    h.enter();
    h.esc();
    h.keys("g");
    h.keys("w");
    h.keys("Chacun achète seul");
    h.enter();
    h.keys("w"); // the new sub-cause is selected: why, again
    h.keys("Personne ne se connaît");
    h.enter();
    let p = &h.session().problem;
    assert_eq!(p.causes.len(), 4);
    assert_eq!(p.depth(&p.causes[3].id), 2);
    let top = p.causes[0].id.clone();
    h.keys("g");
    h.keys("d");
    assert_eq!(
        confirm(&h),
        Some(Confirm::Delete(Pane::Causes, top.clone()))
    );
    h.keys("y");
    let causes: Vec<&str> = h
        .session()
        .problem
        .causes
        .iter()
        .map(|c| c.text.as_str())
        .collect();
    assert_eq!(causes, ["Pas de trésorerie"]);
    let deleted: Vec<&Change> = h
        .session()
        .history
        .iter()
        .map(|e| &e.change)
        .filter(|c| matches!(c, Change::CauseDeleted { .. } | Change::CardDeleted { .. }))
        .collect();
    assert_eq!(
        deleted,
        [
            &Change::CardDeleted { id: first },
            &Change::CauseDeleted { id: top }
        ]
    );
}

// ---------------------------------------------------------------------------------------
// Found while writing these scripts

#[test]
fn paste_in_setup_goes_to_the_focused_field_only() {
    let mut h = Harness::new();
    h.keys("n");
    h.paste("Brodeuses\r\nde Salé\n");
    assert_eq!(
        setup(&h).form.value(FieldId::GroupName),
        "Brodeuses de Salé"
    );
    for _ in 0..9 {
        h.tab();
    }
    assert_eq!(setup(&h).focus, SetupFocus::Members);
    let before: Vec<String> = setup(&h).form.fields.iter().map(|f| f.value()).collect();
    h.paste("Texte collé dans la liste");
    let after: Vec<String> = setup(&h).form.fields.iter().map(|f| f.value()).collect();
    assert_eq!(
        after, before,
        "no field has focus: a paste must not land in a hidden one"
    );
}

#[test]
fn leaving_a_session_saves_it_releases_its_lock_and_goes_home() {
    let mut h = Harness::with_session(sample::bakers_first_session(t0(), SEED), false);
    h.keys("2");
    let from = h.effects.len();
    h.esc();
    assert!(
        matches!(
            &h.effects[from..],
            [Effect::Save(_), Effect::Release, Effect::Refresh]
        ),
        "{:?}",
        &h.effects[from..]
    );
    assert!(on_home(&h));
    let saved = h.saved.as_ref().unwrap();
    assert!(
        saved
            .checkin
            .attendance
            .values()
            .any(|a| *a == Attendance::Excused)
    );

    // If that save fails, the session stays on screen, still locked: its text is only here.
    let mut h = Harness::with_session(sample::bakers_first_session(t0(), SEED), false);
    h.fail_saves = true;
    h.keys("3");
    h.esc();
    assert!(!on_home(&h));
    assert!(h.ui().save.error.is_some());
    assert_eq!(h.released, 0);
    h.fail_saves = false;
    h.esc();
    assert!(on_home(&h));
    assert_eq!(h.released, 1);
    assert!(
        h.saved
            .as_ref()
            .unwrap()
            .checkin
            .attendance
            .values()
            .any(|a| *a == Attendance::Absent)
    );
}

#[test]
fn alt_enter_in_a_form_field_never_discards_what_was_typed() {
    // The action form: Alt-Enter is the new-line key of text fields, pressed by habit.
    let mut h = Harness::with_session(sample::bakers_first_session(t0(), SEED), false);
    go_to_phase(&mut h, 5);
    h.keys("a");
    h.keys("Acheter un pétrin");
    h.alt_enter();
    let s = h.session();
    let kept = s.plan.actions.iter().any(|a| a.what == "Acheter un pétrin")
        || s.drafts.get("action:new:ActionWhat").map(String::as_str) == Some("Acheter un pétrin");
    assert!(kept, "the action typed is gone");

    // Group setup: the same key must not throw the setup away.
    let mut h = Harness::new();
    h.keys("n");
    h.keys("Brodeuses de Salé");
    h.alt_enter();
    assert!(!on_home(&h), "the setup was discarded");
    assert_eq!(
        setup(&h).form.value(FieldId::GroupName),
        "Brodeuses de Salé"
    );
}

/// Tab leaves a text field keeping what it says, and moves to the next pane, as in a form.
#[test]
fn tab_in_a_text_field_validates_it_and_moves_on() {
    let mut h = Harness::with_session(atelier::sample::bakers_first_session(t0(), 7), false);
    h.tab(); // attendance → guests
    h.tab(); // guests → objective
    h.enter();
    h.keys("Parler des prix");
    h.tab();
    assert_eq!(h.session().checkin.objective, "Parler des prix");
    assert!(h.session().drafts.is_empty());
    assert_eq!(h.ui().pane(), atelier::ui::Pane::Remarks);
    assert!(h.ui().editor.is_none());
    // A new-item field: Tab adds what was typed, then moves on.
    h.back_tab();
    h.back_tab();
    assert_eq!(h.ui().pane(), atelier::ui::Pane::Guests);
    h.keys("a");
    h.keys("Karim");
    h.tab();
    assert_eq!(h.session().checkin.guests.len(), 1);
    assert_eq!(h.ui().pane(), atelier::ui::Pane::Objective);
}
