//! A live session without a stumble (issue 9): the header says when the timer is paused, the
//! footer keeps the keys that move between phases and leave, the vote's rows hold still
//! under the cursor, scores move on, the next session starts from what was planned, and
//! the closing stays readable at 80×24. Drawn into a `TestBackend` at a fixed clock.

mod common;

use atelier::i18n::Lang;
use atelier::method::{Method, PhaseKind};
use atelier::model::Session;
use atelier::sample;
use atelier::ui::{Model, Screen, SessionUi};
use atelier::update::{Msg, update};
use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use common::screen::{draw, row_text, text};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::PathBuf;

const SEED: u64 = 7;

fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 10, 6, 8, 0, 0).unwrap()
}

fn dir() -> PathBuf {
    PathBuf::from("/home/conseiller/.local/share/atelier/sessions")
}

fn with_session(lang: Lang, mut session: Session, kind: PhaseKind) -> Model {
    let now = session.saved + TimeDelta::minutes(4);
    let mut model = Model::new(lang, Method::builtin(), dir(), now, 4242);
    model.now = now;
    model.today = now.date_naive();
    session.current_phase = session.method.index_of(kind).unwrap();
    let path = dir().join("bakers-3.ron");
    model.screen = Screen::Session(Box::new(SessionUi::new(session, path, false)));
    model
}

fn bakers(lang: Lang, kind: PhaseKind) -> Model {
    let mut s = sample::bakers_session(start(), SEED);
    s.state = atelier::model::SessionState::InProgress;
    s.closed = None;
    with_session(lang, s, kind)
}

fn press(model: &mut Model, code: KeyCode) {
    update(model, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn keys(model: &mut Model, text: &str) {
    for c in text.chars() {
        press(model, KeyCode::Char(c));
    }
}

fn header(model: &Model, width: u16) -> String {
    row_text(&draw(model, width, 24), 0)
}

fn footer(model: &Model, width: u16) -> String {
    row_text(&draw(model, width, 24), 23)
}

// ---------------------------------------------------------------------------------------
// 4. The timer says when it is paused

#[test]
fn a_paused_timer_says_so_in_words_with_its_key_and_a_running_one_does_not() {
    for (lang, words) in [
        (Lang::Fr, "⏸ en pause — t pour reprendre"),
        (Lang::En, "⏸ paused — t to resume"),
    ] {
        let mut model = bakers(lang, PhaseKind::NeedEmergence);
        for w in [80, 100] {
            let head = header(&model, w);
            assert!(head.contains(words), "{w}: {head}");
            assert!(head.contains("Boulangers de Tanger"), "{w}: {head}");
        }
        keys(&mut model, "t");
        let head = header(&model, 80);
        assert!(head.contains('▶') && !head.contains(words), "{head}");
    }
}

#[test]
fn a_closed_session_shows_its_paused_timer_without_asking_for_t() {
    let mut s = sample::bakers_session(start(), SEED);
    s.state = atelier::model::SessionState::Closed;
    s.closed = Some(s.saved);
    s.settle_after_load();
    let model = with_session(Lang::Fr, s, PhaseKind::Closing);
    assert!(model.session().unwrap().session.is_closed());
    let head = header(&model, 80);
    assert!(head.contains('⏸') && !head.contains("reprendre"), "{head}");
}
