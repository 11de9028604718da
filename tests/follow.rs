//! `atelier follow`: a second screen picks up what another atelier saves, survives the file
//! being replaced or missing for a moment, and never writes anything in the folder.

#[path = "common/binary.rs"]
mod binary;
#[allow(dead_code)] // the drawing helpers of the render tests, two of them used here
#[path = "common/screen.rs"]
mod screen;
#[path = "common/tmux.rs"]
mod tmux;

use atelier::follow::{Seen, Watch};
use atelier::i18n::Lang;
use atelier::method::{Method, PhaseKind};
use atelier::model::{Author, Card, Change, Session};
use atelier::store;
use atelier::ui::Model;
use atelier::update::{Msg, update};
use chrono::{TimeDelta, TimeZone, Utc};
use std::path::PathBuf;
use std::time::Duration;

fn bakers() -> Session {
    let now = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap();
    atelier::sample::bakers_session(now, 41)
}

/// What the advisor's atelier does between two saves: back to the needs, one more card in
/// the priority theme.
fn advisor_adds_a_card(s: &mut Session, text: &str) {
    let at = s.saved + TimeDelta::seconds(30);
    let phase = s.method.index_of(PhaseKind::NeedEmergence).unwrap();
    s.record(at, Change::PhaseEntered { phase });
    let card = Card {
        id: format!("follow{}", s.needs.cards.len()).as_str().into(),
        text: text.into(),
        author: Author::Anonymous,
        theme: s.needs.priority.clone(),
        created: at,
    };
    s.record(at, Change::CardAdded { card });
    s.saved = at;
}

/// The follow logic as the app loop runs it: a save made on another thread reaches the
/// model at the next look, with the phase the advisor went to.
#[test]
fn a_save_from_elsewhere_reaches_the_model_at_the_next_look() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    let mut session = bakers();
    store::save(&path, &session).unwrap();
    let mut model = Model::new(
        Lang::Fr,
        Method::builtin(),
        dir.path().to_path_buf(),
        Utc::now(),
        1,
    );
    let mut watch = Watch::new(path.clone(), Lang::Fr.strings());
    let Seen::Changed(first) = watch.look() else {
        panic!("the file reads")
    };
    update(
        &mut model,
        Msg::Followed {
            session: first,
            path: path.clone(),
        },
    );
    assert!(matches!(watch.look(), Seen::Unchanged));

    advisor_adds_a_card(&mut session, "Livrer les cafés du quartier");
    let writer = {
        let (path, session) = (path.clone(), session.clone());
        std::thread::spawn(move || store::save(&path, &session).unwrap())
    };
    writer.join().unwrap();
    let Seen::Changed(next) = watch.look() else {
        panic!("the save is seen at the next look")
    };
    update(
        &mut model,
        Msg::Followed {
            session: next,
            path,
        },
    );
    let ui = model.session().unwrap();
    assert_eq!(ui.phase(), PhaseKind::NeedEmergence);
    assert!(ui.read_only && ui.presenter);
    let last = ui.session.needs.cards.last().unwrap();
    assert_eq!(last.text, "Livrer les cafés du quartier");
}

#[test]
fn follow_says_what_it_cannot_follow() {
    let env = binary::Env::new();
    let out = env
        .cmd()
        .args(["follow", "--dir", env.dir()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Aucune séance à suivre"), "{err}");

    env.save(&bakers());
    let out = env
        .cmd()
        .args(["follow", "zzzz", "--dir", env.dir()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("zzzz"), "{err}");
    // Nothing was written while looking: no summary cache, no lock.
    let names: Vec<String> = std::fs::read_dir(&env.dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
}

/// In a real terminal: `atelier follow` (no argument: the latest saved session) shows each
/// save this test process makes, atomically, as the advisor's atelier does; a file gone for
/// a moment keeps the last state with a waiting line; and the folder is left exactly as
/// the test left it.
#[test]
fn follow_in_a_real_terminal_shows_each_save_and_writes_nothing() {
    if !tmux::available() {
        return;
    }
    let mut term = tmux::Term::new(120, 40);
    let dir = term.path("shared");
    store::ensure_dir(&dir).unwrap();
    let store_ = store::Store::new(&dir);
    // An older session of another group, and the bakers' session being run.
    let now = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap();
    let tailors = atelier::sample::series(now, 5).remove(1);
    store::save(&store_.path_for_new(&tailors), &tailors).unwrap();
    let mut session = bakers();
    let path: PathBuf = store_.path_for_new(&session);
    store::save(&path, &session).unwrap();

    term.start(&["follow", "--dir", dir.to_str().unwrap()], &[]);
    let fr = Lang::Fr.strings();
    term.wait_for("Boulangers de Tanger");
    let question = "Quelles difficultés rencontrez-vous";
    assert!(!term.screen().contains(question));

    advisor_adds_a_card(&mut session, "Livrer les cafés du quartier");
    store::save(&path, &session).unwrap();
    term.wait_for(question);
    term.wait_for("Livrer les cafés du quartier");

    // Gone for a moment (a copy tool, a sync): the last state stays, with a line.
    let away = term.path("away.ron");
    std::fs::rename(&path, &away).unwrap();
    let waiting = fr.demo.waiting.split(" (").next().unwrap();
    let screen = term.wait_for(waiting);
    assert!(screen.contains("Livrer les cafés du quartier"), "{screen}");
    std::fs::rename(&away, &path).unwrap();
    term.wait_gone(waiting);

    let before = tmux::snapshot(&dir);
    advisor_adds_a_card(&mut session, "Un four solaire partagé");
    store::save(&path, &session).unwrap();
    term.wait_for("Un four solaire partagé");
    let after_save = tmux::snapshot(&dir);
    // Keys that would write in an atelier that edits: export, a new card; and back from
    // presenter view to the facilitator's layout, still read-only.
    term.keys(&["X", "a", "F5", "X", "a"]);
    std::thread::sleep(Duration::from_millis(600));
    term.esc();
    term.keys(&["q"]);
    assert_eq!(term.wait_exit(), 0);

    // Only the followed file changed, by this test's own save; nothing was added.
    let names = |s: &[(String, Vec<u8>, Option<std::time::SystemTime>)]| {
        s.iter().map(|f| f.0.clone()).collect::<Vec<_>>()
    };
    assert_eq!(names(&before), names(&after_save));
    assert!(
        tmux::snapshot(&dir) == after_save,
        "follow wrote in the folder: {:?}",
        names(&tmux::snapshot(&dir))
    );
}

/// The bakers' session at its check-in, with a phone number typed in the guest, the
/// objective and the remarks: what the advisor's view shows in clear.
fn bakers_with_phones() -> Session {
    let mut s = bakers();
    s.current_phase = s.method.index_of(PhaseKind::CheckIn).unwrap();
    s.checkin.guests.push(atelier::model::Item {
        id: "guestphone".into(),
        text: "Karim, CRI : 06 61 23 45 67".into(),
        created: s.saved,
    });
    s.checkin.objective = "Rappeler Nadia au 0522 98 76 54".into();
    s.checkin.remarks = "Youssef : +212 6 12 34 56 78".into();
    s
}

/// Digits of the phone numbers above, as they would read in clear.
const PHONE_PARTS: [&str; 3] = ["61 23 45", "98 76 54", "12 34 56"];

/// Point 21: `follow` is a projector. F5 does not open the advisor's view (phones in clear,
/// a read-only line about another atelier, edit keys refused), the keys offered are only
/// those that work there, and the phones stay masked at every size.
#[test]
fn follow_stays_a_masked_projection_and_offers_only_the_keys_it_can_use() {
    use atelier::keymap::{Action, bindings_for};
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let mut model = Model::new(
        Lang::Fr,
        Method::builtin(),
        PathBuf::from("/shared"),
        Utc::now(),
        1,
    );
    let path = PathBuf::from("/shared/s.ron");
    update(
        &mut model,
        Msg::Followed {
            session: Box::new(bakers_with_phones()),
            path,
        },
    );
    for code in [KeyCode::F(5), KeyCode::Tab, KeyCode::F(5), KeyCode::Down] {
        let effects = update(
            &mut model,
            Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)),
        );
        assert!(effects.is_empty(), "{code:?}: {effects:?}");
        let ui = model.session().unwrap();
        assert!(ui.presenter && ui.read_only, "{code:?} left presenter view");
        assert_eq!(ui.phase(), PhaseKind::CheckIn, "the advisor's phase");
    }
    let offered: Vec<Action> = bindings_for(&atelier::ui::active_contexts(&model))
        .iter()
        .map(|b| b.action)
        .collect();
    for refused in [
        Action::TogglePresenter,
        Action::Add,
        Action::Edit,
        Action::Delete,
        Action::Export,
        Action::NextPhase,
        Action::PrevPhase,
        Action::TimerToggle,
    ] {
        assert!(!offered.contains(&refused), "{refused:?} is offered");
    }
    assert!(offered.contains(&Action::Quit) && offered.contains(&Action::Help));
    for (w, h) in [(80, 24), (120, 40), (200, 50)] {
        let text = screen::text(&screen::draw(&model, w, h));
        for part in PHONE_PARTS {
            assert!(!text.contains(part), "{w}x{h}: {part} in clear:\n{text}");
        }
        assert!(
            !text.contains("F5"),
            "{w}x{h}: a key follow cannot use:\n{text}"
        );
        assert!(
            !text.contains(Lang::Fr.strings().session_read_only),
            "{w}x{h}:\n{text}"
        );
    }
}

/// Point 21 in a real terminal at 80×24: F5 keeps the projection, masked, without the
/// advisor's read-only line or keys.
#[test]
fn follow_in_a_real_terminal_keeps_the_projection_on_f5() {
    if !tmux::available() {
        return;
    }
    let mut term = tmux::Term::new(80, 24);
    let dir = term.path("shared");
    store::ensure_dir(&dir).unwrap();
    let path = dir.join("bakers.ron");
    store::save(&path, &bakers_with_phones()).unwrap();
    term.start(&["follow", path.to_str().unwrap()], &[]);
    let fr = Lang::Fr.strings();
    let quit = format!("q {}", atelier::keymap::Action::Quit.label(fr));
    term.wait_for("Boulangers de Tanger");
    term.keys(&["F5"]);
    std::thread::sleep(Duration::from_millis(400));
    term.keys(&["F5", "Tab", "F5"]);
    std::thread::sleep(Duration::from_millis(400));
    let screen = term.screen();
    for part in PHONE_PARTS {
        assert!(!screen.contains(part), "{part} in clear:\n{screen}");
    }
    assert!(!screen.contains("F5"), "{screen}");
    assert!(!screen.contains(fr.session_read_only), "{screen}");
    assert!(screen.contains(&quit), "the way out is shown:\n{screen}");
    term.keys(&["q"]);
    assert_eq!(term.wait_exit(), 0);
}
