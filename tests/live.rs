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

// ---------------------------------------------------------------------------------------
// 13. The footer keeps moving on and leaving

#[test]
fn at_80_columns_the_footer_keeps_the_next_phase_and_the_way_out_in_every_pane() {
    use atelier::keymap::Action;
    for lang in [Lang::Fr, Lang::En] {
        let s = lang.strings();
        let next = format!("] {}", Action::NextPhase.label(s));
        let back = format!("Esc {}", Action::Back.label(s));
        let help = format!("? {}", Action::Help.label(s));
        let phases = Method::builtin().phases.len();
        for phase in 0..phases {
            let mut model = bakers(lang, PhaseKind::CheckIn);
            model.session_mut().unwrap().session.current_phase = phase;
            let panes = atelier::ui::Pane::for_phase(model.session().unwrap().phase()).len();
            for pane in 0..panes {
                let foot = footer(&model, 80);
                assert!(foot.contains(&help), "{phase}/{pane}: {foot}");
                assert!(foot.contains(&back), "{phase}/{pane}: {foot}");
                // The last phase has no next one: the key is not offered there.
                assert_eq!(
                    foot.contains(&next),
                    phase + 1 < phases,
                    "{phase}/{pane}: {foot}"
                );
                press(&mut model, KeyCode::Tab);
            }
        }
    }
}

#[test]
fn at_80_columns_the_home_footer_keeps_review_next_session_and_quit() {
    use atelier::keymap::Action;
    for lang in [Lang::Fr, Lang::En] {
        let s = lang.strings();
        let mut model = Model::new(lang, Method::builtin(), dir(), start(), 4242);
        update(&mut model, Msg::Listed(atelier::ui::Home::default()));
        let foot = footer(&model, 80);
        for (key, action) in [
            ("r", Action::OpenReview),
            ("s", Action::NextSession),
            ("n", Action::NewGroup),
            ("q", Action::Quit),
        ] {
            let want = format!("{key} {}", action.label(s));
            assert!(foot.contains(&want), "{want}: {foot}");
        }
    }
}

#[test]
fn the_closing_footer_keeps_closing_the_session_at_80_columns() {
    use atelier::keymap::Action;
    for lang in [Lang::Fr, Lang::En] {
        let s = lang.strings();
        let model = bakers(lang, PhaseKind::Closing);
        let foot = footer(&model, 80);
        let close = format!("c {}", Action::CloseSession.label(s));
        assert!(foot.contains(&close), "{foot}");
    }
}

// ---------------------------------------------------------------------------------------
// 11. Usefulness scores move on

#[test]
fn a_usefulness_score_moves_the_cursor_to_the_next_present_member() {
    use atelier::model::Attendance;
    use atelier::ui::Pane;
    let mut model = bakers(Lang::Fr, PhaseKind::Closing);
    let rows = model.session().unwrap().rows(Pane::ClosingMembers);
    let present: Vec<usize> = rows
        .iter()
        .enumerate()
        .filter(|(_, id)| model.session().unwrap().session.attendance_of(id) == Attendance::Present)
        .map(|(i, _)| i)
        .collect();
    assert!(present.len() < rows.len(), "someone is away in the sample");
    let sel = |m: &Model| m.session().unwrap().selection(Pane::ClosingMembers);
    let score = |m: &Model, i: usize| {
        let ui = m.session().unwrap();
        ui.session.closing.usefulness.get(&rows[i]).copied()
    };
    assert_eq!(model.session().unwrap().pane(), Pane::ClosingMembers);
    assert_eq!(sel(&model), present[0]);
    // Each digit scores the member under the cursor and moves on, over those away.
    for (k, digit) in ['4', '2', '5', '3'].iter().enumerate() {
        keys(&mut model, &digit.to_string());
        assert_eq!(
            score(&model, present[k]),
            digit.to_digit(10).map(|d| d as u8)
        );
        assert_eq!(sel(&model), present[k + 1], "after {digit}");
    }
    // 0 clears the score and stays.
    press(&mut model, KeyCode::Up);
    let here = sel(&model);
    keys(&mut model, "0");
    assert_eq!(sel(&model), here);
    // The last present member keeps the cursor.
    press(&mut model, KeyCode::End);
    let last = *present.last().unwrap();
    while sel(&model) > last {
        press(&mut model, KeyCode::Up);
    }
    keys(&mut model, "5");
    assert_eq!(score(&model, last), Some(5));
    assert_eq!(sel(&model), last);
}

// ---------------------------------------------------------------------------------------
// 10. The vote's rows hold still under the cursor

#[test]
fn vote_rows_hold_still_while_dots_are_placed_and_sort_at_the_next_voter_or_on_leaving() {
    use atelier::ui::Pane;
    let mut model = bakers(Lang::Fr, PhaseKind::NeedEmergence);
    model.session_mut().unwrap().session.needs.dot_budget = 99;
    press(&mut model, KeyCode::Tab);
    press(&mut model, KeyCode::Tab);
    assert_eq!(model.session().unwrap().pane(), Pane::Votes);
    press(&mut model, KeyCode::F(2));
    press(&mut model, KeyCode::Enter);
    assert!(model.session().unwrap().tech.voter.is_some());
    let rows = |m: &Model| m.session().unwrap().rows(Pane::Votes);
    let sel = |m: &Model| m.session().unwrap().selection(Pane::Votes);
    let title = |m: &Model| row_text(&draw(m, 80, 24), 3);
    let before = rows(&model);
    assert!(before.len() >= 3);
    assert!(
        title(&model).contains("classés par votes"),
        "{}",
        title(&model)
    );

    // The last theme gets dots enough to lead: its row stays where the cursor is.
    press(&mut model, KeyCode::End);
    let last = before.len() - 1;
    let theme = before[last].clone();
    keys(&mut model, "9");
    press(&mut model, KeyCode::Right);
    assert_eq!(rows(&model), before, "no row moves while dots are placed");
    assert_eq!(sel(&model), last);
    let ranking = model.session().unwrap().session.needs.ranking();
    assert_eq!(ranking[0].0, theme, "it leads the votes");
    let screen = text(&draw(&model, 80, 24));
    assert!(title(&model).contains("tri à F2"), "{screen}");
    // Its rank is said as it is now, in its row at the bottom.
    let row = screen.lines().nth(4 + last).unwrap();
    assert!(row.contains(" 1. "), "{screen}");

    // The next voter: the ranking sorts, the cursor follows the theme.
    press(&mut model, KeyCode::F(2));
    press(&mut model, KeyCode::Enter);
    assert_eq!(rows(&model)[0], theme);
    assert_eq!(sel(&model), 0);
    assert!(title(&model).contains("classés par votes"));

    // A dot on the last row, then the focus leaves the pane: sorted again.
    press(&mut model, KeyCode::End);
    let theme = rows(&model)[last].clone();
    keys(&mut model, "99");
    press(&mut model, KeyCode::Right);
    assert_eq!(rows(&model)[last], theme);
    press(&mut model, KeyCode::Tab);
    assert_ne!(model.session().unwrap().pane(), Pane::Votes);
    assert_eq!(rows(&model)[0], theme, "leaving the pane sorts the vote");
}

// ---------------------------------------------------------------------------------------
// 30. The closing for the room at 80×24

#[test]
fn the_closing_for_the_room_never_shows_an_item_without_its_heading_at_80x24() {
    use atelier::ui::Pane;
    for lang in [Lang::Fr, Lang::En] {
        let p = &lang.strings().presenter;
        let mut model = bakers(lang, PhaseKind::Closing);
        press(&mut model, KeyCode::F(5));
        let members = model.session().unwrap().rows(Pane::ClosingMembers).len();
        let mut scrolled = 0;
        for k in 0..members {
            let screen = text(&draw(&model, 80, 24));
            let lines: Vec<&str> = screen.lines().collect();
            // The first line of the flowing part, after the next meeting and the score.
            let usefulness = p.usefulness.many.split("{}").next().unwrap();
            let top = lines.iter().position(|l| l.contains(usefulness)).unwrap();
            let first = lines[top + 1..]
                .iter()
                .find(|l| !l.trim().is_empty())
                .unwrap();
            assert!(
                first.contains(p.decided) || first.contains(p.commitments),
                "member {k}: the first item has no heading above it:\n{screen}"
            );
            // Nothing out of sight is counted over text (pages have a mark of their own).
            for l in &lines[top + 1..] {
                for mark in ["↑", "↓"] {
                    if let Some(i) = l.find(mark) {
                        let before = l[..i].trim();
                        assert!(
                            before.is_empty() || before == p.decided || before == p.commitments,
                            "member {k}: {l}\n{screen}"
                        );
                    }
                }
            }
            // A later page of the room's view: its mark ("2/3") near the bottom.
            let later = lines.iter().rev().take(3).any(|l| {
                l.split_whitespace().last().is_some_and(|m| {
                    m.split_once('/').is_some_and(|(k, n)| {
                        k != "1" && k.parse::<u32>().is_ok() && n.parse::<u32>().is_ok()
                    })
                })
            });
            if later {
                scrolled += 1;
            }
            press(&mut model, KeyCode::Down);
        }
        assert!(scrolled > 0, "the closing scrolls at 80×24");
    }
}

/// The footer offers F2 (the author) only in a field that has one: typing a card does,
/// typing a guest does not (F2 does nothing there).
#[test]
fn f2_is_offered_only_where_the_field_has_an_author() {
    let f2 = "F2";
    let mut model = bakers(Lang::Fr, PhaseKind::CheckIn);
    // The guests pane, a new guest.
    press(&mut model, KeyCode::Tab);
    keys(&mut model, "a");
    let footer = row_text(&draw(&model, 120, 30), 29);
    assert!(
        model.session().unwrap().editor.is_some(),
        "a guest being typed"
    );
    assert!(!footer.contains(f2), "guest: {footer}");

    let mut model = bakers(Lang::Fr, PhaseKind::NeedEmergence);
    keys(&mut model, "a");
    let footer = row_text(&draw(&model, 120, 30), 29);
    assert!(
        model.session().unwrap().editor.is_some(),
        "a card being typed"
    );
    assert!(footer.contains(f2), "card: {footer}");
}
