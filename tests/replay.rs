//! Replay (issue 5, point 5): a saved session stepped through from its history. The core
//! (`atelier::replay`) is tested on the realistic sample sessions, which are built edit by
//! edit through `Session::record` like the app builds them; the screen by message scripts
//! through `update`, as the app drives it, and by snapshots.

mod common;
#[path = "common/tmux.rs"]
mod tmux;

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
fn a_card_of_the_whole_group_is_told_inside_the_sentence() {
    let mut s = sample::bakers_first_session(t0(), SEED);
    let card = Card {
        id: "c1".into(),
        text: "Le prix de la farine".into(),
        author: Author::WholeGroup,
        theme: None,
        created: t0(),
    };
    s.record(t0(), Change::CardAdded { card });
    let r = Replay::new(&s);
    assert_eq!(
        r.describe(0, Lang::En),
        "Card added by the whole group: “Le prix de la farine”"
    );
    assert_eq!(
        r.describe(0, Lang::Fr),
        "Carte ajoutée par tout le groupe : « Le prix de la farine »"
    );
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

// ---------------------------------------------------------------------------------------
// The screen, by message scripts

use atelier::ui::{Browser, ReplayUi, Screen};
use atelier::update::{Effect, Msg};
use common::Harness;
use common::screen::{draw, text};
use ratatui::crossterm::event::KeyCode;
use std::path::PathBuf;

fn path() -> PathBuf {
    PathBuf::from("/nonexistent/atelier-replay/session.ron")
}

/// The review browser with this session open read-only, as after Enter on its row.
fn viewing(session: &Session) -> Harness {
    let mut h = Harness::new();
    h.model.screen = Screen::Review(Box::new(Browser::new()));
    h.send(Msg::Viewed {
        session: Box::new(session.clone()),
        path: path(),
    });
    h
}

/// Replay opened with `R` from the session view.
fn replaying(session: &Session) -> Harness {
    replaying_in(session, Lang::Fr)
}

fn replaying_in(session: &Session, lang: Lang) -> Harness {
    let mut h = viewing(session);
    h.model.lang = lang;
    h.keys("R");
    replay_ui(&h);
    h
}

fn replay_ui(h: &Harness) -> &ReplayUi {
    match &h.model.screen {
        Screen::Replay(ui) => ui,
        _ => panic!("not the replay screen"),
    }
}

fn position(h: &Harness) -> usize {
    replay_ui(h).replay.position()
}

/// The session as the screen draws it at this step.
fn shown(h: &Harness) -> Session {
    replay_ui(h).view.session.clone()
}

#[test]
fn keys_step_through_the_events_in_order_and_back_to_the_same_screens() {
    let s = sample::bakers_session(t0(), SEED);
    let mut h = replaying(&s);
    assert_eq!(position(&h), 0);
    let mut states = vec![shown(&h)];
    let mut events = Vec::new();
    for i in 1..=40 {
        // → and l both step on.
        h.code(KeyCode::Right);
        h.keys("l");
        assert_eq!(position(&h), 2 * i);
        states.push(shown(&h));
        events.push(replay_ui(&h).replay.latest().unwrap().1.clone());
    }
    let every_other: Vec<_> = s
        .history
        .iter()
        .skip(1)
        .step_by(2)
        .take(40)
        .cloned()
        .collect();
    assert_eq!(
        events, every_other,
        "the events come in the history's order"
    );
    for i in (0..40).rev() {
        h.code(KeyCode::Left);
        h.keys("h");
        assert_eq!(position(&h), 2 * i);
        assert_eq!(shown(&h), states[i], "coming back to step {}", 2 * i);
    }
    h.code(KeyCode::Left);
    assert_eq!(position(&h), 0, "nothing before the start");
    h.code(KeyCode::End);
    assert_eq!(position(&h), s.history.len());
    h.code(KeyCode::Right);
    assert_eq!(position(&h), s.history.len(), "nothing after the end");
    h.code(KeyCode::Home);
    assert_eq!(position(&h), 0);
}

#[test]
fn brackets_jump_phase_by_phase_and_the_stepper_follows() {
    let s = sample::bakers_session(t0(), SEED);
    let mut h = replaying(&s);
    let mut phases = vec![replay_ui(&h).view.session.current_phase];
    for _ in 0..10 {
        h.keys("]");
        let ui = replay_ui(&h);
        let (_, e) = ui.replay.latest().unwrap();
        assert!(
            matches!(e.change, Change::PhaseEntered { .. }),
            "{:?}",
            e.change
        );
        phases.push(ui.view.session.current_phase);
    }
    assert_eq!(phases, [0, 1, 2, 3, 4, 5, 6, 6, 6, 6, 6]);
    h.keys("[");
    assert_eq!(replay_ui(&h).view.session.current_phase, 5);
    assert_eq!(replay_ui(&h).view.phase(), PhaseKind::ActionPlan);
}

#[test]
fn space_plays_one_event_a_second_and_any_key_stops() {
    let s = sample::bakers_session(t0(), SEED);
    let mut h = replaying(&s);
    h.keys(" ");
    assert!(replay_ui(&h).playing);
    h.wait_ms(3_100);
    assert_eq!(position(&h), 3, "one event a second");
    h.keys(" ");
    assert!(!replay_ui(&h).playing);
    h.wait(5);
    assert_eq!(position(&h), 3, "paused");
    h.keys(" ");
    h.wait(2);
    h.code(KeyCode::Left);
    assert!(!replay_ui(&h).playing, "a step by hand stops playing");
    let here = position(&h);
    h.wait(3);
    assert_eq!(position(&h), here);
    // Near the end, playing stops by itself on the last event.
    h.code(KeyCode::End);
    h.code(KeyCode::Left);
    h.code(KeyCode::Left);
    h.keys(" ");
    h.wait(5);
    assert_eq!(position(&h), s.history.len());
    assert!(!replay_ui(&h).playing);
}

#[test]
fn esc_goes_back_to_the_session_view_as_it_was() {
    let s = sample::bakers_session(t0(), SEED);
    let mut h = viewing(&s);
    h.code(KeyCode::Down);
    h.code(KeyCode::Down);
    h.keys("R");
    h.code(KeyCode::Right);
    h.esc();
    let Screen::Review(b) = &h.model.screen else {
        panic!("back to the review browser");
    };
    let v = b.view.as_ref().expect("its session view");
    assert_eq!(v.scroll, 2);
    assert_eq!(*v.session, s);
}

#[test]
fn replay_never_writes() {
    let s = sample::bakers_session(t0(), SEED);
    let mut h = replaying(&s);
    let from = h.effects.len();
    for keys in ["l", "]", "]", "[", " "] {
        h.keys(keys);
    }
    h.wait(4);
    h.code(KeyCode::End);
    h.keys("i");
    h.code(KeyCode::Home);
    assert!(
        h.effects[from..].is_empty(),
        "no effect at all: {:?}",
        &h.effects[from..]
    );
    assert_eq!(h.saves, 0);
}

#[test]
fn started_from_the_command_line_esc_quits() {
    let s = sample::bakers_session(t0(), SEED);
    let mut h = Harness::new();
    h.send(Msg::Replay {
        pseudonyms: false,
        session: Box::new(s),
        path: path(),
    });
    h.code(KeyCode::Right);
    assert_eq!(position(&h), 1);
    h.esc();
    assert!(h.quit);
    assert_eq!(h.effects.last(), Some(&Effect::Quit));
}

#[test]
fn the_private_notes_never_show() {
    let s = sample::bakers_session(t0(), SEED);
    let notes = s.closing.private_notes.clone();
    assert!(!notes.is_empty(), "the sample has private notes");
    let mut h = replaying(&s);
    h.code(KeyCode::End);
    assert_eq!(replay_ui(&h).view.phase(), PhaseKind::Closing);
    assert_eq!(
        replay_ui(&h).view.session.closing.private_notes,
        "(notes privées : jamais montrées en relecture)"
    );
    let first_line = notes.lines().next().unwrap();
    let screen = text(&draw(&h.model, 160, 50));
    assert!(!screen.contains(first_line), "{screen}");
    // Nor in the words of any event.
    let r = &replay_ui(&h).replay;
    for i in 0..r.len() {
        assert!(!r.describe(i, Lang::Fr).contains(first_line));
    }
}

/// Steps to the event where this card was typed.
fn to_card(h: &mut Harness, text: &str) {
    h.code(KeyCode::Home);
    loop {
        h.code(KeyCode::Right);
        let ui = replay_ui(h);
        if let Some((_, e)) = ui.replay.latest()
            && matches!(&e.change, Change::CardAdded { card } if card.text.starts_with(text))
        {
            return;
        }
        assert!(
            ui.replay.position() < ui.replay.len(),
            "card {text} not found"
        );
    }
}

/// Steps to the first cause under another one.
fn to_sub_cause(h: &mut Harness) {
    h.code(KeyCode::Home);
    loop {
        h.code(KeyCode::Right);
        let ui = replay_ui(h);
        if let Some((_, e)) = ui.replay.latest()
            && matches!(&e.change, Change::CauseAdded { cause } if cause.parent.is_some())
        {
            return;
        }
        assert!(ui.replay.position() < ui.replay.len(), "no sub-cause");
    }
}

#[test]
fn snapshots_of_two_steps_in_french_and_english() {
    let s = sample::bakers_session(t0(), SEED);
    let first_card = s.needs.cards[4].text.clone();
    for lang in [Lang::Fr, Lang::En] {
        let mut h = replaying_in(&s, lang);
        let code = if lang == Lang::Fr { "fr" } else { "en" };
        to_card(&mut h, &first_card);
        insta::assert_snapshot!(format!("card_80x24_{code}"), text(&draw(&h.model, 80, 24)));
        to_sub_cause(&mut h);
        insta::assert_snapshot!(format!("cause_80x24_{code}"), text(&draw(&h.model, 80, 24)));
    }
}

#[test]
fn a_correction_after_closing_stands_out_on_screen() {
    let mut h = replaying(&corrected());
    h.code(KeyCode::End);
    h.code(KeyCode::Left);
    let screen = text(&draw(&h.model, 80, 24));
    assert!(
        screen.contains("Correction après clôture : Carte")
            && screen.contains("Le tissu coûte cher à Oujda (wax et brocart)"),
        "{screen}"
    );
}

#[test]
fn no_panic_with_an_empty_history_or_a_tiny_terminal() {
    let empty = sample::bakers_first_session(t0(), SEED);
    let full = sample::bakers_session(t0(), SEED);
    for s in [&empty, &full] {
        let mut h = replaying(s);
        for keys in ["l", "]", "[", "h", " "] {
            h.keys(keys);
        }
        h.code(KeyCode::End);
        h.code(KeyCode::Home);
        h.wait(2);
        for (w, ht) in [(20, 5), (1, 1), (60, 16), (80, 24), (200, 50)] {
            draw(&h.model, w, ht);
        }
        h.code(KeyCode::End);
        for (w, ht) in [(20, 5), (60, 16), (61, 17), (79, 23)] {
            draw(&h.model, w, ht);
        }
    }
    let mut h = replaying(&empty);
    let screen = text(&draw(&h.model, 80, 24));
    assert!(screen.contains("pas d'historique"), "{screen}");
    h.esc();
    assert!(matches!(h.model.screen, Screen::Review(_)));
}

#[test]
fn the_demo_sessions_replay_to_their_saved_data() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "ron")
            || atelier::store::kind_of(&path) != Some(atelier::model::dated::Kind::Session)
        {
            continue;
        }
        let s = atelier::store::load(&path).unwrap();
        let r = Replay::new(&s);
        assert!(r.rebuilds_saved(), "{} replays to its data", path.display());
        assert!(!r.is_empty(), "{} has a history", path.display());
        checked += 1;
    }
    assert!(checked >= 2, "{checked} demo sessions");
}

// ---------------------------------------------------------------------------------------
// `atelier replay FILE|ID`

#[test]
fn the_command_line_names_a_session_it_cannot_find_and_documents_itself() {
    let env = common::binary::Env::new();
    let out = env
        .cmd()
        .args(["--dir", env.dir(), "replay", "zz9999"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("Aucun fichier ni identifiant de séance ne correspond à « zz9999 »"),
        "{err}"
    );
    let help = env.cmd().args(["replay", "--help"]).output().unwrap();
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(help.contains("Rejouer une séance enregistrée"), "{help}");
    let help = env
        .cmd()
        .args(["--lang", "en", "replay", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(help.contains("Replay a saved session"), "{help}");
}

#[test]
fn the_phase_purpose_and_questions_sit_beside_and_i_hides_them() {
    let s = sample::bakers_session(t0(), SEED);
    let mut h = replaying(&s);
    h.keys("]]]");
    let phase = &s.method.phases[3];
    // The first words of the first question: the panel wraps it.
    let question: String = phase.questions[0].get(Lang::Fr).chars().take(14).collect();
    let question = question.as_str();
    let purpose_start: String = phase.purpose.get(Lang::Fr).chars().take(20).collect();
    // Wide: the purpose and the questions in a column on the right.
    let wide = text(&draw(&h.model, 160, 45));
    assert!(wide.contains(&purpose_start), "{wide}");
    assert!(wide.contains(question), "{wide}");
    // At 80×24, beside the event: the questions (the purpose is in the help).
    let narrow = text(&draw(&h.model, 80, 24));
    let title = phase.title.get(Lang::Fr);
    assert!(narrow.contains(title), "{narrow}");
    h.keys("i");
    assert!(replay_ui(&h).panel_hidden);
    for (w, ht) in [(160, 45), (80, 24)] {
        let screen = text(&draw(&h.model, w, ht));
        assert!(!screen.contains(question), "{screen}");
        assert!(screen.contains("Dernier événement"), "{screen}");
    }
    // The panel stays hidden while stepping, until i again.
    h.code(KeyCode::Right);
    assert!(replay_ui(&h).panel_hidden);
    h.keys("i");
    assert!(text(&draw(&h.model, 160, 45)).contains(question));
}

/// A replay can't add anything: its empty panes say there is nothing yet, never which key
/// would add something (the session screen's hints "a : …" would mislead there).
#[test]
fn empty_panes_in_a_replay_give_no_key_hints() {
    let s = sample::bakers_session(t0(), SEED);
    let mut h = replaying_in(&s, Lang::Fr);
    let strings = Lang::Fr.strings();
    // The first event of each phase: the phase's panes are still empty then.
    let mut said = 0;
    for _ in 0..s.method.phases.len() {
        let screen = text(&draw(&h.model, 120, 40));
        said += screen.matches(strings.nothing_yet).count();
        for hint in [
            strings.empty_cards,
            strings.empty_causes,
            strings.empty_effects,
            strings.empty_ideas,
            strings.empty_guests,
            strings.solutions.empty_plan,
        ] {
            let start: String = hint.chars().take(20).collect();
            assert!(!screen.contains(&start), "{hint:?} in a replay:\n{screen}");
        }
        h.code(KeyCode::Char(']'));
    }
    assert!(said > 0, "the empty panes say there is nothing yet");
}

/// Issue 9, point 22: a real session taught to a class. `--anonymize` (and `p` in replay)
/// shows the exports' pseudonyms at every step, in the states drawn and in the words of
/// every event; `p` again gives the real names back, at the same step.
#[test]
fn pseudonyms_replace_every_real_name_at_every_step_and_p_turns_them_off() {
    for s in [
        sample::bakers_session(t0(), SEED),
        sample::series(t0(), SEED).remove(1),
    ] {
        let mut names: Vec<String> = s.group.members.iter().map(|m| m.name.clone()).collect();
        names.push(s.group.advisor.clone());
        let first = s.group.members[0].name.clone();
        let mut h = Harness::new();
        h.send(Msg::Replay {
            session: Box::new(s.clone()),
            path: path(),
            pseudonyms: true,
        });
        let r = &replay_ui(&h).replay;
        for i in 0..r.len() {
            let words = r.describe(i, Lang::Fr);
            for n in &names {
                assert!(!words.contains(n.as_str()), "event {i}: {n} in {words:?}");
            }
        }
        let len = r.len();
        let mut seen_pseudonym = false;
        for step in 0..=len {
            if step % 25 == 0 || step == len {
                let screen = text(&draw(&h.model, 160, 50));
                for n in &names {
                    assert!(!screen.contains(n.as_str()), "step {step}: {n}:\n{screen}");
                }
                seen_pseudonym |= screen.contains("Membre A");
            }
            h.code(KeyCode::Right);
        }
        assert!(seen_pseudonym, "the pseudonyms are drawn");
        // Back to the real names, at the same step.
        h.code(KeyCode::Home);
        for _ in 0..40 {
            h.code(KeyCode::Right);
        }
        h.keys("p");
        assert_eq!(position(&h), 40);
        assert!(!replay_ui(&h).pseudonyms);
        let names_now = &replay_ui(&h).view.session.group.members;
        assert_eq!(names_now[0].name, first, "the real names are back");
        h.keys("p");
        assert_eq!(position(&h), 40);
        assert_ne!(replay_ui(&h).view.session.group.members[0].name, first);
    }
}

/// `atelier replay FILE --anonymize` in a real terminal: the pseudonyms from the first
/// screen on, to the last step.
#[test]
fn replay_anonymize_in_a_real_terminal_shows_no_real_name() {
    if !tmux::available() {
        return;
    }
    let mut term = tmux::Term::new(100, 30);
    let s = sample::bakers_session(t0(), SEED);
    let file = term.path("bakers.ron");
    atelier::store::save(&file, &s).unwrap();
    term.start(&["replay", file.to_str().unwrap(), "--anonymize"], &[]);
    term.wait_for("Boulangers de Tanger");
    for key in ["Right", "End"] {
        term.keys(&[key]);
        std::thread::sleep(std::time::Duration::from_millis(300));
        let screen = term.screen();
        for m in &s.group.members {
            assert!(!screen.contains(&m.name), "{}:\n{screen}", m.name);
        }
    }
    term.wait_for("Membre ");
    term.keys(&["q"]);
    assert_eq!(term.wait_exit(), 0);
}

/// `}` goes to the last step of the phase on screen, all its work done (the step before the
/// next phase is entered); pressed again, to the end of the next phase, and at the last
/// step it stays.
#[test]
fn brace_goes_to_the_end_of_the_phase() {
    let s = sample::bakers_session(t0(), SEED);
    let mut h = replaying(&s);
    let mut ends = Vec::new();
    for _ in 0..10 {
        h.keys("}");
        let ui = replay_ui(&h);
        let (p, r) = (ui.replay.position(), &ui.replay);
        if p < r.len() {
            assert_ne!(r.phase_at(p + 1), r.phase_at(p), "step {p} ends its phase");
        }
        ends.push((p, r.phase_at(p)));
    }
    let phases: Vec<usize> = ends.iter().map(|e| e.1).collect();
    assert_eq!(phases, [0, 1, 2, 3, 4, 5, 6, 6, 6, 6]);
    assert_eq!(
        ends[6].0,
        s.history.len(),
        "the last phase ends at the last step"
    );
    // The cards of the need phase are all on its last step, none on its first.
    let mut h = replaying(&s);
    h.keys("]]");
    assert!(
        shown(&h).needs.cards.is_empty(),
        "] lands on the empty first step"
    );
    h.keys("}");
    assert_eq!(shown(&h).phase_kind(), PhaseKind::NeedEmergence);
    assert_eq!(shown(&h).needs.cards.len(), s.needs.cards.len());
    h.keys("?");
    let screen = text(&draw(&h.model, 100, 40));
    assert!(
        screen.contains(atelier::keymap::Action::PhaseEnd.label(h.strings())),
        "{screen}"
    );
}

/// At step 0 nobody's attendance is said: it was not taken yet. Each member's shows from
/// the event that set it; once the session has left the check-in, whoever was not marked
/// was present.
#[test]
fn attendance_is_not_shown_before_it_is_taken() {
    let s = sample::bakers_session(t0(), SEED);
    let strings = Lang::Fr.strings();
    let mut h = replaying(&s);
    let screen = text(&draw(&h.model, 100, 30));
    assert!(!screen.contains(strings.present), "{screen}");
    assert!(screen.contains(strings.attendance_pending), "{screen}");
    let members = s.group.members.len();
    assert_eq!(replay_ui(&h).view.attendance_pending.len(), members);
    // The first attendance event: that member only is no longer pending.
    let first = s
        .history
        .iter()
        .position(|e| matches!(e.change, Change::AttendanceSet { .. }))
        .expect("the sample takes attendance");
    while position(&h) <= first {
        h.code(KeyCode::Right);
    }
    assert_eq!(
        replay_ui(&h).replay.phase(),
        0,
        "attendance is taken at check-in"
    );
    assert_eq!(replay_ui(&h).view.attendance_pending.len(), members - 1);
    // The check-in's last step: whoever was not marked was present.
    h.keys("}");
    assert_eq!(replay_ui(&h).replay.phase(), 0);
    assert!(replay_ui(&h).view.attendance_pending.is_empty());
    h.keys("]");
    assert!(replay_ui(&h).view.attendance_pending.is_empty());
    let screen = text(&draw(&h.model, 100, 30));
    assert!(!screen.contains(strings.attendance_pending), "{screen}");
}

/// Attendance in words that say the same of a woman and of a man: "absence excusée", not
/// "excusé", on the check-in pane and in the replay's sentence.
#[test]
fn attendance_is_told_in_neutral_words() {
    let s = sample::bakers_session(t0(), SEED);
    let i = s
        .history
        .iter()
        .position(|e| {
            matches!(
                e.change,
                Change::AttendanceSet {
                    attendance: atelier::model::Attendance::Excused,
                    ..
                }
            )
        })
        .expect("someone is excused in the sample");
    let mut h = replaying(&s);
    while position(&h) <= i {
        h.code(KeyCode::Right);
    }
    let said = replay_ui(&h).replay.describe(i, Lang::Fr);
    assert!(said.ends_with("absence excusée"), "{said}");
    let screen = text(&draw(&h.model, 120, 30));
    assert!(screen.contains("~ absence excusée"), "{screen}");
    assert!(!screen.contains("excusé "), "{screen}");
}

/// A timer running when atelier was killed (or quit) comes back paused, counted up to the
/// last save; opening the session to go on tells the history so, at that moment, or a replay
/// would let the timer run on to a later save and say the history does not rebuild the
/// session. Opening writes nothing for it: it goes with the next change.
#[test]
fn a_timer_paused_by_a_restart_is_in_the_history_and_replay_stays_faithful() {
    let mut s = sample::bakers_first_session(t0(), SEED);
    let started = t0() + chrono::Duration::seconds(30);
    s.record(started, Change::TimerStarted { phase: 0 });
    // Written while the timer ran, then read back: it comes back paused at the save.
    s.saved = started + chrono::Duration::seconds(25);
    let text = atelier::store::encode(&s).unwrap();
    let mut loaded = atelier::store::parse(text.as_bytes()).unwrap();
    assert!(!loaded.timer(0).is_running());
    assert_eq!(loaded.timer(0).elapsed_secs, 25);

    let mut h = Harness::new();
    let saves = h.saves;
    h.open(loaded.clone(), false);
    assert_eq!(h.saves, saves, "opening writes nothing");
    let opened = h.session().clone();
    assert!(
        matches!(
            opened.history.last().map(|e| &e.change),
            Some(Change::TimerPaused {
                phase: 0,
                elapsed_secs: 25
            })
        ),
        "{:?}",
        opened.history.last()
    );
    // A later save (the advisor goes on): the replay still rebuilds the session.
    loaded = opened;
    loaded.saved += chrono::Duration::seconds(600);
    assert!(Replay::new(&loaded).rebuilds_saved());
}
