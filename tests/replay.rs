//! Replay (issue 5, point 5): a saved session stepped through from its history. The core
//! (`atelier::replay`) is tested on the realistic sample sessions, which are built edit by
//! edit through `Session::record` like the app builds them; the screen by message scripts
//! through `update`, as the app drives it, and by snapshots.

mod common;

use atelier::i18n::Lang;
use atelier::method::PhaseKind;
use atelier::model::{Author, Card, Change, Id, IdGen, Session, SessionState};
use atelier::replay::{Replay, SNAPSHOT_EVERY, same_data, start_state};
use atelier::sample;
use chrono::TimeDelta;
use common::{SEED, t0};

/// Every sample session with a history: the bakers' session 3 (in progress), the tailors'
/// three (closed, with a member joining and one edited), the bakers' series.
fn samples() -> Vec<Session> {
    let mut v = vec![sample::bakers_session(t0(), SEED)];
    v.extend(sample::series(t0(), SEED));
    v.extend(sample::bakers_series(t0(), SEED));
    v
}

/// A closed session corrected afterwards: reopened, a card corrected, closed again.
fn corrected() -> Session {
    let mut s = sample::series(t0(), SEED).remove(0);
    assert!(s.is_closed());
    let card = s.needs.cards[0].id.clone();
    let mut at = s.history.last().unwrap().at;
    let mut next = |s: &mut Session, change| {
        at += TimeDelta::seconds(600);
        s.record(at, change);
    };
    next(&mut s, Change::SessionReopened);
    next(
        &mut s,
        Change::CardEdited {
            id: card,
            text: "Le tissu coûte cher à Oujda (wax et brocart)".into(),
        },
    );
    next(&mut s, Change::SessionClosed);
    s
}

#[test]
fn the_samples_have_a_realistic_history() {
    for s in samples() {
        let kinds: Vec<&Change> = s.history.iter().map(|e| &e.change).collect();
        let has = |f: &dyn Fn(&Change) -> bool| kinds.iter().any(|c| f(c));
        assert!(s.history.len() > 100, "{} events", s.history.len());
        assert!(has(&|c| matches!(c, Change::CardAdded { .. })));
        assert!(has(&|c| matches!(c, Change::ThemeAdded { .. })));
        assert!(has(&|c| matches!(
            c,
            Change::DotsSet { .. } | Change::TallySet { .. }
        )));
        assert!(has(&|c| matches!(c, Change::CauseAdded { .. })));
        assert!(has(&|c| matches!(c, Change::IdeaRated { .. })));
        assert!(has(&|c| matches!(c, Change::ActionAdded { .. })));
        assert!(has(&|c| matches!(c, Change::PhaseEntered { .. })));
        assert!(s.history.windows(2).all(|w| w[0].at <= w[1].at));
    }
}

#[test]
fn the_start_is_the_session_as_created() {
    // A session as `Session::new` makes it, then edits recorded on it: the start rebuilt
    // from the result is the session as it was before the edits.
    let created = sample::bakers_first_session(t0(), SEED);
    let mut s = created.clone();
    let mut ids = IdGen::new(SEED + 1);
    let fatima = s.group.members[0].id.clone();
    let needs = s.method.index_of(PhaseKind::NeedEmergence).unwrap();
    let mut at = t0();
    for change in [
        Change::AttendanceSet {
            member: s.group.members[1].id.clone(),
            attendance: atelier::model::Attendance::Absent,
        },
        Change::TimerStarted { phase: 0 },
        Change::PhaseEntered { phase: needs },
        Change::CardAdded {
            card: Card {
                id: ids.next_id(),
                text: "Le prix de la farine a doublé".into(),
                author: Author::Member(fatima),
                theme: None,
                created: t0(),
            },
        },
        Change::DotBudgetSet { budget: 5 },
    ] {
        at += TimeDelta::seconds(30);
        s.record(at, change);
    }
    assert_eq!(start_state(&s), created);
    let replay = Replay::new(&s);
    assert_eq!(replay.start(), &created);
    assert_eq!(replay.state_at(replay.len()).needs, s.needs);
}

#[test]
fn the_last_step_holds_the_saved_data() {
    for s in samples().into_iter().chain([corrected()]) {
        let mut r = Replay::new(&s);
        assert!(r.rebuilds_saved(), "session {} rebuilds", s.number);
        while r.step_forward() {}
        assert_eq!(r.position(), s.history.len());
        assert!(same_data(r.state(), &s));
        // The same data, to the field: only the history and the time of writing differ.
        let mut end = r.state().clone();
        end.history = s.history.clone();
        end.saved = s.saved;
        assert_eq!(end, s);
    }
}

#[test]
fn forwards_the_events_come_in_the_order_of_the_history() {
    let s = sample::bakers_session(t0(), SEED);
    let mut r = Replay::new(&s);
    assert_eq!(r.position(), 0);
    assert!(r.latest().is_none());
    let mut seen = Vec::new();
    while r.step_forward() {
        let (i, e) = r.latest().unwrap();
        assert_eq!(i + 1, r.position());
        seen.push(e.clone());
    }
    assert_eq!(seen, s.history);
    // Cards appear one by one, in the order typed.
    let mut r = Replay::new(&s);
    let mut cards = Vec::new();
    while r.step_forward() {
        let now: Vec<Id> = r.state().needs.cards.iter().map(|c| c.id.clone()).collect();
        if now.len() > cards.len() {
            assert_eq!(now.len(), cards.len() + 1, "one card at a time");
            assert_eq!(now[..cards.len()], cards[..]);
            cards = now;
        }
    }
    assert!(!cards.is_empty());
}

#[test]
fn backwards_returns_to_the_identical_state() {
    // Long enough to cross several snapshots.
    let s = sample::large_session(t0(), SEED, 300, 20, 120, 60, 30);
    assert!(s.history.len() > 3 * SNAPSHOT_EVERY, "{}", s.history.len());
    let mut r = Replay::new(&s);
    let mut forward = vec![r.state().clone()];
    while r.step_forward() {
        forward.push(r.state().clone());
    }
    let n = r.len();
    for i in (0..n).rev() {
        assert!(r.step_back());
        assert_eq!(r.position(), i);
        assert_eq!(r.state(), &forward[i], "state at step {i} coming back");
    }
    assert!(!r.step_back(), "nothing before the start");
    // Jumps anywhere give the same states too.
    for i in [n, 7, n / 2, SNAPSHOT_EVERY, SNAPSHOT_EVERY - 1, 0, n - 1] {
        r.go_to(i);
        assert_eq!(r.state(), &forward[i], "go_to({i})");
        assert_eq!(&r.state_at(i), &forward[i]);
    }
}

#[test]
fn phase_jumps_land_on_the_first_event_of_the_phase() {
    let s = sample::bakers_session(t0(), SEED);
    let mut r = Replay::new(&s);
    let mut landed = vec![0];
    while r.next_phase() {
        let p = r.position();
        // The event landed on is the one that entered the phase.
        let (_, e) = r.latest().unwrap();
        assert!(
            matches!(e.change, Change::PhaseEntered { phase } if phase == r.phase()),
            "step {p}: {:?}",
            e.change
        );
        assert_ne!(
            r.phase_at(p - 1),
            r.phase(),
            "the step before is another phase"
        );
        landed.push(p);
    }
    let phases: Vec<usize> = landed.iter().map(|&p| r.phase_at(p)).collect();
    assert_eq!(phases, [0, 1, 2, 3, 4, 5, 6], "every phase, in order");
    // Back, phase by phase, through the same steps.
    let mut back = vec![r.position()];
    while r.prev_phase() {
        back.push(r.position());
    }
    back.reverse();
    assert_eq!(back, landed);
}

#[test]
fn each_event_is_told_in_words_and_corrections_are_labelled() {
    let s = corrected();
    let r = Replay::new(&s);
    let n = r.len();
    let fr: Vec<String> = (0..n).map(|i| r.describe(i, Lang::Fr)).collect();
    let en: Vec<String> = (0..n).map(|i| r.describe(i, Lang::En)).collect();
    assert!(fr.iter().chain(&en).all(|d| !d.trim().is_empty()));
    assert!(
        fr.iter().any(|d| d.starts_with("Carte ajoutée par ")),
        "{fr:#?}"
    );
    assert!(fr.iter().any(|d| d.starts_with("Thème créé : « ")));
    assert!(fr.iter().any(|d| d.starts_with("Action décidée : « ")));
    assert!(en.iter().any(|d| d.starts_with("Card added by ")));
    // The three events after the first closing are corrections, in both languages.
    let close = s
        .history
        .iter()
        .position(|e| e.change == Change::SessionClosed)
        .unwrap();
    assert_eq!(close, n - 4);
    for i in 0..n {
        assert_eq!(r.is_correction(i), i > close, "event {i}");
        assert_eq!(fr[i].starts_with("Correction après clôture : "), i > close);
        assert_eq!(en[i].starts_with("Correction after closing: "), i > close);
    }
    assert_eq!(
        fr[n - 2],
        "Correction après clôture : Carte corrigée : « Le tissu coûte cher à Oujda (wax et brocart) »"
    );
    assert_eq!(fr[close], "Séance clôturée");
    // A cause is told with the cause it is under.
    let b = Replay::new(&sample::bakers_session(t0(), SEED));
    let sub = (0..b.len())
        .map(|i| b.describe(i, Lang::Fr))
        .find(|d| d.starts_with("Cause « ") && d.contains(" » sous « "));
    assert!(sub.is_some());
}

#[test]
fn an_empty_history_replays_nothing_without_panic() {
    let s = sample::bakers_first_session(t0(), SEED);
    assert!(s.history.is_empty());
    let mut r = Replay::new(&s);
    assert!(r.is_empty());
    assert!(!r.step_forward());
    assert!(!r.step_back());
    assert!(!r.next_phase());
    assert!(!r.prev_phase());
    r.go_to(50);
    assert_eq!(r.position(), 0);
    assert_eq!(r.describe(0, Lang::Fr), "");
    assert_eq!(r.state().state, SessionState::InProgress);
}
