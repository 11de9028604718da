//! What the advisor sees: every screen drawn into a `TestBackend` and kept as an insta
//! snapshot, mostly at 80×24 (a laptop terminal as it opens), some wider to show the side
//! panel. Where meaning rests on a style (the selection, an overrun, a mark), the snapshot
//! carries a style map too. The clock is fixed, so timers are the same on every run.
//!
//! Also here: no panic at any size from 1×1 up (the edge sizes and a seeded sample of the
//! rest; all of them with `ATELIER_SWEEP=full`), the "please enlarge" message below the
//! minimum size, and Arabic and emoji text reaching the screen intact.

mod common;

use atelier::i18n::Lang;
use atelier::method::{Method, PhaseKind};
use atelier::model::{Author, Review, Session, SessionState};
use atelier::sample;
use atelier::ui::{
    Confirm, GroupEntry, Home, Model, Overlay, Pane, Screen, SessionEntry, SessionUi, Unreadable,
};
use atelier::update::{Msg, update};
use atelier::view::{MIN_HEIGHT, MIN_WIDTH};
use chrono::{DateTime, NaiveDate, TimeDelta, TimeZone, Utc};
use common::screen::{draw, styled, text};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::PathBuf;
use strum::VariantArray;

// ---------------------------------------------------------------------------------------
// Building models

const SEED: u64 = 7;
/// The model's own ids never meet the sample's.
const MODEL_SEED: u64 = 4242;

/// Tuesday 6 October 2026, 9:00 in Tanger (UTC+1): the bakers' third meeting starts.
fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 10, 6, 8, 0, 0).unwrap()
}

fn dir() -> PathBuf {
    PathBuf::from("/home/conseiller/.local/share/atelier/sessions")
}

fn session_path(n: u32) -> PathBuf {
    dir().join(format!("2026-10-06-boulangers-de-tanger-{n}-7kq2.ron"))
}

fn base_model(lang: Lang) -> Model {
    Model::new(lang, Method::builtin(), dir(), start(), MODEL_SEED)
}

/// The bakers' session 3, shown in the given phase, a few minutes into the closing timer.
fn session_model(lang: Lang, kind: PhaseKind) -> Model {
    let session = sample::bakers_session(start(), SEED);
    let now = session.saved + TimeDelta::minutes(4) + TimeDelta::seconds(12);
    with_session(lang, session, kind, now)
}

fn with_session(lang: Lang, mut session: Session, kind: PhaseKind, now: DateTime<Utc>) -> Model {
    let mut model = base_model(lang);
    model.now = now;
    model.today = now.date_naive();
    session.current_phase = session.method.index_of(kind).unwrap();
    let path = session_path(session.number);
    model.screen = Screen::Session(Box::new(SessionUi::new(session, path, false)));
    model
}

fn ui(model: &mut Model) -> &mut SessionUi {
    model.session_mut().expect("a session on screen")
}

fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn press(model: &mut Model, codes: &[KeyCode]) {
    for c in codes {
        update(model, key(*c));
    }
}

fn ch(model: &mut Model, c: char) {
    update(model, key(KeyCode::Char(c)));
}

fn ctrl(model: &mut Model, c: char) {
    update(
        model,
        Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
    );
}

fn type_text(model: &mut Model, text: &str) {
    for c in text.chars() {
        let mods = if c.is_uppercase() {
            KeyModifiers::SHIFT
        } else {
            KeyModifiers::NONE
        };
        update(model, Msg::Key(KeyEvent::new(KeyCode::Char(c), mods)));
    }
}

/// Focuses a pane of the phase on screen and selects a row in it.
fn focus(model: &mut Model, pane: Pane, row: usize) {
    let s = ui(model);
    let i = Pane::for_phase(s.phase())
        .iter()
        .position(|p| *p == pane)
        .expect("a pane of this phase");
    let phase = s.phase();
    s.focus.insert(phase, i);
    s.selected.insert(pane, row);
}

// ---------------------------------------------------------------------------------------
// Home

fn entry(group: &Session, path: &str, saved: DateTime<Utc>) -> SessionEntry {
    SessionEntry {
        path: dir().join(path),
        id: group.id.clone(),
        group_id: group.group.id.clone(),
        group_name: group.group.name.clone(),
        trade: group.group.trade.clone(),
        number: group.number,
        date: group.date,
        state: group.state,
        saved,
        shadowed: false,
        conflict: false,
    }
}

/// The folder of an advisor with two groups, a few sessions and two broken files.
fn listed_home() -> Home {
    let bakers = sample::bakers_session(start(), SEED);
    let tailors = sample::series(start(), SEED);
    let bakers_3 = entry(
        &bakers,
        "2026-10-06-boulangers-de-tanger-3-7kq2.ron",
        bakers.saved,
    );
    let mut bakers_2 = bakers_3.clone();
    bakers_2.number = 2;
    bakers_2.date = NaiveDate::from_ymd_opt(2026, 9, 21).unwrap();
    bakers_2.state = SessionState::Closed;
    bakers_2.path = dir().join("2026-09-21-boulangers-de-tanger-2-m3xd.ron");
    bakers_2.saved = bakers.saved - TimeDelta::days(15);
    let tailor_entries: Vec<SessionEntry> = tailors
        .iter()
        .rev()
        .map(|s| {
            entry(
                s,
                &format!("{}-tailleurs-d-oujda-{}-p9fa.ron", s.date, s.number),
                s.saved - TimeDelta::days(1),
            )
        })
        .collect();
    let groups = vec![
        GroupEntry {
            id: bakers.group.id.clone(),
            name: bakers.group.name.clone(),
            trade: bakers.group.trade.clone(),
            region: "Tanger-Tétouan-Al Hoceïma".into(),
            sessions: 3,
            last: bakers_3.clone(),
            open: Some(bakers_3.clone()),
        },
        GroupEntry {
            id: tailors[2].group.id.clone(),
            name: tailors[2].group.name.clone(),
            trade: tailors[2].group.trade.clone(),
            region: "Oriental".into(),
            sessions: 3,
            last: tailor_entries[0].clone(),
            open: None,
        },
    ];
    let mut recent = vec![bakers_3, bakers_2];
    recent.extend(tailor_entries);
    recent.sort_by_key(|e| std::cmp::Reverse(e.saved));
    let bad = |name: &str, place: &str, why: &str| Unreadable {
        path: dir().join(name),
        reason: format!("{}:{place}: {why}", dir().join(name).display()),
    };
    Home {
        groups,
        recent,
        unreadable: vec![
            bad(
                "2026-09-07-boulangers-de-tanger-1-copie.ron",
                "212:1",
                "le fichier s'arrête trop tôt : il a sans doute été coupé (copie interrompue, disque plein).",
            ),
            bad(
                "notes-reunion.ron",
                "1:1",
                "le fichier est vide : il ne contient aucune séance.",
            ),
        ],
        ..Home::default()
    }
}

fn home_model(lang: Lang) -> Model {
    let mut model = base_model(lang);
    update(&mut model, Msg::Listed(listed_home()));
    model
}

// ---------------------------------------------------------------------------------------
// Setup

fn setup_new(lang: Lang) -> Model {
    let mut model = base_model(lang);
    update(&mut model, Msg::Listed(Home::default()));
    ch(&mut model, 'n');
    assert!(matches!(model.screen, Screen::Setup(_)));
    model
}

/// The setup of the bakers' session 4: the group carried over, its open actions to review.
fn setup_next(lang: Lang) -> Model {
    let mut model = home_model(lang);
    let bakers = sample::bakers_session(start(), SEED);
    let reviews = bakers
        .plan
        .actions
        .iter()
        .map(|a| Review {
            action: a.clone(),
            from_session: bakers.id.clone(),
            from_number: 3,
            previous: None,
            status: None,
            comment: String::new(),
        })
        .collect();
    update(
        &mut model,
        Msg::NextReady {
            group: Box::new(bakers.group.clone()),
            number: 4,
            reviews,
            backlog: Vec::new(),
            next: Default::default(),
            attendance: Default::default(),
        },
    );
    model
}

// ---------------------------------------------------------------------------------------
// Drawing and reading the screen back

fn screen(model: &Model) -> String {
    text(&draw(model, 80, 24))
}

macro_rules! snap {
    ($name:expr, $model:expr) => {
        insta::assert_snapshot!($name, screen(&$model))
    };
    ($name:expr, $model:expr, $w:expr, $h:expr) => {
        insta::assert_snapshot!($name, text(&draw(&$model, $w, $h)))
    };
}

macro_rules! snap_styled {
    ($name:expr, $model:expr) => {
        insta::assert_snapshot!($name, styled(&draw(&$model, 80, 24)))
    };
}

// ---------------------------------------------------------------------------------------
// Home screen

#[test]
fn home_loading() {
    let model = base_model(Lang::Fr);
    snap!("home_loading", model);
}

#[test]
fn home_empty() {
    let mut model = base_model(Lang::Fr);
    update(&mut model, Msg::Listed(Home::default()));
    snap!("home_empty", model);
}

#[test]
fn home_with_groups_recent_and_unreadable_files() {
    let model = home_model(Lang::Fr);
    snap_styled!("home_full", model);
}

#[test]
fn home_in_english_with_recent_focused() {
    let mut model = home_model(Lang::En);
    press(&mut model, &[KeyCode::Tab, KeyCode::Down]);
    snap!("home_full_en_recent", model);
}

// ---------------------------------------------------------------------------------------
// Group setup

#[test]
fn setup_new_group_empty() {
    let model = setup_new(Lang::Fr);
    snap!("setup_new_empty", model);
}

#[test]
fn setup_with_field_errors() {
    let mut model = setup_new(Lang::Fr);
    type_text(&mut model, "Couturières de Fès");
    // Trade left empty; the date replaced by something that is no date.
    for _ in 0..7 {
        press(&mut model, &[KeyCode::Tab]);
    }
    for _ in 0..12 {
        press(&mut model, &[KeyCode::Backspace]);
    }
    type_text(&mut model, "32/13");
    // A member, so that starting checks the fields.
    press(&mut model, &[KeyCode::Tab, KeyCode::Tab]);
    ch(&mut model, 'a');
    type_text(&mut model, "Hafsa Lamrani");
    ctrl(&mut model, 's');
    ctrl(&mut model, 's');
    let Screen::Setup(setup) = &model.screen else {
        panic!("still in setup")
    };
    assert!(setup.form.has_errors(), "the form shows its errors");
    snap_styled!("setup_field_errors", model);
}

#[test]
fn setup_member_form_popup() {
    let mut model = setup_new(Lang::Fr);
    type_text(&mut model, "Boulangers de Tanger");
    press(&mut model, &[KeyCode::Tab]);
    type_text(&mut model, "Boulangerie");
    for _ in 0..8 {
        press(&mut model, &[KeyCode::Tab]);
    }
    ch(&mut model, 'a');
    type_text(&mut model, "Youssef Benali");
    press(&mut model, &[KeyCode::Tab]);
    type_text(&mut model, "Boulangerie L'Épi d'Or");
    press(
        &mut model,
        &[KeyCode::Tab, KeyCode::Tab, KeyCode::Right, KeyCode::Right],
    );
    snap!("setup_member_form", model);
}

#[test]
fn setup_next_session_of_a_group() {
    let model = setup_next(Lang::Fr);
    snap!("setup_next_session", model);
    snap!("setup_next_session_wide", model, 120, 40);
}

/// At the smallest size the form scrolls: the field being typed in is always in sight.
#[test]
fn setup_form_scrolls_to_the_focused_field_at_the_minimum_size() {
    let mut model = setup_next(Lang::Fr);
    let s = Lang::Fr.strings();
    let place = atelier::ui::FieldId::Place.label(s);
    assert!(!text(&draw(&model, MIN_WIDTH, MIN_HEIGHT)).contains(place));
    press(&mut model, &[KeyCode::Tab; 8]);
    let screen = text(&draw(&model, MIN_WIDTH, MIN_HEIGHT));
    assert!(
        screen.contains(&format!("▶{place}")),
        "the focused field is on screen:\n{screen}"
    );
}

/// A member of the group taken off the list leaves it: the form asks why.
#[test]
fn setup_member_leaving_asks_why() {
    let mut model = setup_next(Lang::Fr);
    press(
        &mut model,
        &[KeyCode::BackTab, KeyCode::Down, KeyCode::Down],
    );
    ch(&mut model, 'd');
    let Screen::Setup(setup) = &model.screen else {
        panic!("the setup screen");
    };
    assert!(setup.leave_form.is_some() && model.overlay.is_none());
    snap!("setup_member_leaving", model);
}

// ---------------------------------------------------------------------------------------
// Facilitation, phase by phase

#[test]
fn phase_checkin() {
    let mut model = session_model(Lang::Fr, PhaseKind::CheckIn);
    focus(&mut model, Pane::Attendance, 2);
    snap_styled!("phase_1_checkin", model);
}

#[test]
fn phase_followup() {
    let mut model = session_model(Lang::Fr, PhaseKind::FollowUp);
    focus(&mut model, Pane::Reviews, 0);
    snap!("phase_2_followup", model);
}

#[test]
fn phase_needs() {
    let mut model = session_model(Lang::Fr, PhaseKind::NeedEmergence);
    let priority = {
        let s = &ui(&mut model).session;
        let id = s.needs.priority.clone();
        s.needs
            .cards
            .iter()
            .position(|c| Some(&c.id) == id.as_ref())
    };
    focus(&mut model, Pane::Cards, priority.unwrap_or(3));
    snap_styled!("phase_3_needs", model);
}

#[test]
fn phase_problem() {
    let mut model = session_model(Lang::Fr, PhaseKind::ProblemReflection);
    focus(&mut model, Pane::Causes, 1);
    snap_styled!("phase_4_problem", model);
}

#[test]
fn phase_solutions() {
    let mut model = session_model(Lang::Fr, PhaseKind::SolutionSearch);
    focus(&mut model, Pane::Ideas, 1);
    snap_styled!("phase_5_solutions", model);
}

#[test]
fn phase_plan() {
    let mut model = session_model(Lang::Fr, PhaseKind::ActionPlan);
    focus(&mut model, Pane::Actions, 0);
    snap!("phase_6_plan", model);
}

#[test]
fn phase_closing() {
    let mut model = session_model(Lang::Fr, PhaseKind::Closing);
    focus(&mut model, Pane::ClosingMembers, 0);
    snap_styled!("phase_7_closing", model);
}

#[test]
fn first_session_empty_states() {
    let session = sample::bakers_first_session(start(), SEED);
    let now = start() + TimeDelta::minutes(2);
    for (kind, name) in [
        (PhaseKind::CheckIn, "first_session_checkin"),
        (PhaseKind::FollowUp, "first_session_followup"),
        (PhaseKind::NeedEmergence, "first_session_needs"),
        (PhaseKind::ProblemReflection, "first_session_problem"),
        (PhaseKind::Closing, "first_session_closing"),
    ] {
        let model = with_session(Lang::Fr, session.clone(), kind, now);
        snap!(name, model);
    }
}

#[test]
fn facilitation_in_both_languages() {
    for lang in [Lang::Fr, Lang::En] {
        let code = if lang == Lang::Fr { "fr" } else { "en" };
        for (kind, pane, name) in [
            (PhaseKind::CheckIn, Pane::Attendance, "checkin"),
            (PhaseKind::FollowUp, Pane::Reviews, "followup"),
            (PhaseKind::NeedEmergence, Pane::Cards, "needs"),
            (PhaseKind::ProblemReflection, Pane::Causes, "problem"),
            (PhaseKind::SolutionSearch, Pane::Ideas, "solutions"),
            (PhaseKind::ActionPlan, Pane::Actions, "plan"),
            (PhaseKind::Closing, Pane::ClosingMembers, "closing"),
        ] {
            let mut model = session_model(lang, kind);
            focus(&mut model, pane, 1);
            snap!(format!("lang_{code}_{name}"), model);
        }
    }
}

#[test]
fn facilitation_wide_with_side_panel() {
    for (kind, name, w, h) in [
        (PhaseKind::NeedEmergence, "wide_160x45_needs", 160, 45),
        (PhaseKind::ProblemReflection, "wide_160x45_problem", 160, 45),
        (PhaseKind::CheckIn, "wide_120x40_checkin", 120, 40),
        (PhaseKind::Closing, "wide_120x40_closing", 120, 40),
    ] {
        let model = session_model(Lang::Fr, kind);
        snap!(name, model, w, h);
    }
    let model = session_model(Lang::En, PhaseKind::ActionPlan);
    snap!("wide_120x40_plan_en", model, 120, 40);
}

// ---------------------------------------------------------------------------------------
// Typing, popups and states

#[test]
fn editor_typing_a_card_with_its_author() {
    let mut model = session_model(Lang::Fr, PhaseKind::NeedEmergence);
    focus(&mut model, Pane::Cards, 0);
    ch(&mut model, 'a');
    // Nadia is the author: F2, then her row's hotkey.
    update(&mut model, key(KeyCode::F(2)));
    let Some(Overlay::Picker(p)) = &model.overlay else {
        panic!("the author picker is open")
    };
    let nadia = p
        .options
        .iter()
        .position(|(name, _)| name == "Nadia Chraibi")
        .expect("Nadia is present");
    let hotkey = p.key(nadia).unwrap();
    ch(&mut model, hotkey);
    type_text(&mut model, "Les clients veulent payer par carte");
    let ed = ui(&mut model).editor.as_ref().expect("the editor is open");
    assert!(matches!(ed.author, Author::Member(_)));
    snap_styled!("editor_card_with_author", model);
}

#[test]
fn editor_multiline_statement() {
    let mut model = session_model(Lang::Fr, PhaseKind::ProblemReflection);
    focus(&mut model, Pane::Statement, 0);
    press(&mut model, &[KeyCode::Enter]);
    update(
        &mut model,
        Msg::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT)),
    );
    type_text(&mut model, "Et les fours consomment trop de gaz.");
    snap!("editor_statement_multiline", model);
}

#[test]
fn author_picker() {
    let mut model = session_model(Lang::Fr, PhaseKind::NeedEmergence);
    focus(&mut model, Pane::Cards, 0);
    ch(&mut model, 'a');
    update(&mut model, key(KeyCode::F(2)));
    press(&mut model, &[KeyCode::Down, KeyCode::Down, KeyCode::Down]);
    snap_styled!("author_picker", model);
}

#[test]
fn draft_left_in_a_list_and_a_text() {
    let mut model = session_model(Lang::Fr, PhaseKind::NeedEmergence);
    focus(&mut model, Pane::Cards, 0);
    ch(&mut model, 'a');
    type_text(&mut model, "Le pétrin électrique tombe en panne chaque mo");
    press(&mut model, &[KeyCode::Esc]);
    assert!(ui(&mut model).editor.is_none());
    snap!("draft_left_cards", model);

    let mut model = session_model(Lang::Fr, PhaseKind::ProblemReflection);
    focus(&mut model, Pane::Statement, 0);
    press(&mut model, &[KeyCode::Enter]);
    type_text(&mut model, " Surtout en hiver");
    press(&mut model, &[KeyCode::Esc, KeyCode::Tab]);
    snap!("draft_left_statement", model);
}

#[test]
fn action_form_popup() {
    let mut model = session_model(Lang::Fr, PhaseKind::ActionPlan);
    focus(&mut model, Pane::Actions, 0);
    ch(&mut model, 'a');
    type_text(&mut model, "Demander trois devis de fours à gaz économes");
    press(
        &mut model,
        &[KeyCode::Tab, KeyCode::Down, KeyCode::Char(' ')],
    );
    snap!("action_form_owners", model);

    press(&mut model, &[KeyCode::Tab]);
    type_text(&mut model, "le 31");
    press(&mut model, &[KeyCode::Tab]);
    type_text(&mut model, "Transport à Tétouan, 200 DH");
    ctrl(&mut model, 's');
    assert!(
        ui(&mut model).action_form.is_some(),
        "a bad date keeps the form open"
    );
    snap_styled!("action_form_error", model);
}

#[test]
fn action_form_edit_existing() {
    let mut model = session_model(Lang::En, PhaseKind::ActionPlan);
    focus(&mut model, Pane::Actions, 1);
    press(&mut model, &[KeyCode::Enter]);
    assert!(ui(&mut model).action_form.is_some());
    snap!("action_form_edit_en", model);
}

#[test]
fn delete_confirmation() {
    let mut model = session_model(Lang::Fr, PhaseKind::ProblemReflection);
    focus(&mut model, Pane::Causes, 0);
    ch(&mut model, 'd');
    assert!(matches!(
        model.overlay,
        Some(Overlay::Confirm(Confirm::Delete(..)))
    ));
    snap!("confirm_delete_cause", model);
}

#[test]
fn close_session_confirmation_lists_incomplete_actions() {
    let mut session = sample::bakers_session(start(), SEED);
    // Two actions decided in a hurry: one with nobody, one with no date.
    session.plan.actions[0].owners.clear();
    session.plan.actions[2].due = None;
    let now = session.saved + TimeDelta::minutes(6);
    let mut model = with_session(Lang::Fr, session, PhaseKind::Closing, now);
    ch(&mut model, 'c');
    assert!(matches!(
        model.overlay,
        Some(Overlay::Confirm(Confirm::CloseSession))
    ));
    snap!("confirm_close_missing", model);

    let mut model = session_model(Lang::En, PhaseKind::Closing);
    ch(&mut model, 'c');
    snap!("confirm_close_en", model);
}

#[test]
fn help_overlay() {
    let mut model = session_model(Lang::Fr, PhaseKind::NeedEmergence);
    ch(&mut model, '?');
    snap!("help_needs", model);
    press(&mut model, &[KeyCode::Down, KeyCode::Down, KeyCode::Down]);
    snap!("help_needs_scrolled", model);

    let mut model = home_model(Lang::En);
    ch(&mut model, '?');
    snap!("help_home_en", model);
}

#[test]
fn closed_session() {
    let mut model = session_model(Lang::Fr, PhaseKind::Closing);
    ch(&mut model, 'c');
    ch(&mut model, 'o');
    assert!(ui(&mut model).session.is_closed());
    // The flash of the close is gone at the next key.
    press(&mut model, &[KeyCode::Down]);
    snap!("session_closed", model);
}

#[test]
fn read_only_session() {
    let mut model = session_model(Lang::Fr, PhaseKind::NeedEmergence);
    ui(&mut model).read_only = true;
    ch(&mut model, 'a');
    assert!(ui(&mut model).editor.is_none(), "nothing opens for typing");
    snap!("session_read_only", model);
}

#[test]
fn overrun_timer_says_so_in_words() {
    let session = sample::bakers_session(start(), SEED);
    let now = session.saved + TimeDelta::minutes(13) + TimeDelta::seconds(5);
    let model = with_session(Lang::Fr, session.clone(), PhaseKind::Closing, now);
    let shown = screen(&model);
    assert!(shown.lines().next().unwrap().contains("DÉPASSÉ"));
    snap_styled!("timer_overrun", model);
    let model = with_session(Lang::En, session, PhaseKind::Closing, now);
    assert!(screen(&model).lines().next().unwrap().contains("OVER"));
}

#[test]
fn facilitator_panel_hidden() {
    let mut model = session_model(Lang::Fr, PhaseKind::SolutionSearch);
    ch(&mut model, 'i');
    assert!(ui(&mut model).panel_hidden);
    snap!("panel_hidden", model);
}

#[test]
fn save_failed_and_flash() {
    let mut model = session_model(Lang::Fr, PhaseKind::ActionPlan);
    let name = session_path(3).display().to_string();
    let message = atelier::i18n::fill(Lang::Fr.strings().store.save_full, &[&name]);
    update(&mut model, Msg::Saved(Err(message)));
    snap!("save_failed", model);
}

/// Issue 11, point 9: a session that cannot be created on a full disk says so in full, the
/// message wrapped over more rows instead of cut at the edge of the screen.
#[test]
fn a_long_flash_wraps_instead_of_being_cut() {
    for lang in [Lang::Fr, Lang::En] {
        let mut model = setup_next(lang);
        let path = session_path(4).display().to_string();
        let message = atelier::i18n::fill(lang.strings().store.save_full, &[&path]);
        update(&mut model, Msg::Failed(message.clone()));
        for (w, h) in [(100, 30), (80, 24)] {
            let shown = text(&draw(&model, w, h));
            let rows: Vec<&str> = shown.lines().collect();
            // The status rows sit above the footer, the last row.
            let start = rows.iter().position(|r| r.contains("✗ ")).unwrap();
            let status = rows[start..rows.len() - 1].join(" ");
            // Rows break between words, or inside a word longer than a row (the path).
            let words = |t: &str| t.split_whitespace().collect::<String>();
            assert!(
                words(&status).contains(&words(&message)),
                "{lang:?} {w}x{h}: the whole message {message:?} is on the screen:\n{shown}"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------
// Every size

/// One model per kind of screen, for the size sweep.
fn every_screen_kind() -> Vec<(&'static str, Model)> {
    let mut v = vec![
        ("home", home_model(Lang::Fr)),
        ("home-empty", {
            let mut m = base_model(Lang::En);
            update(&mut m, Msg::Listed(Home::default()));
            m
        }),
        ("setup", setup_new(Lang::Fr)),
        ("setup-next", setup_next(Lang::Fr)),
    ];
    let mut member_popup = setup_next(Lang::En);
    press(&mut member_popup, &[KeyCode::BackTab]);
    ch(&mut member_popup, 'a');
    v.push(("setup-member-popup", member_popup));
    for &kind in PhaseKind::VARIANTS {
        v.push(("phase", session_model(Lang::Fr, kind)));
    }
    let mut help = session_model(Lang::Fr, PhaseKind::NeedEmergence);
    ch(&mut help, '?');
    v.push(("help", help));
    let mut picker = session_model(Lang::Fr, PhaseKind::NeedEmergence);
    ch(&mut picker, 'a');
    update(&mut picker, key(KeyCode::F(2)));
    v.push(("picker", picker));
    let mut confirm = session_model(Lang::Fr, PhaseKind::Closing);
    ch(&mut confirm, 'c');
    v.push(("confirm", confirm));
    let mut form = session_model(Lang::Fr, PhaseKind::ActionPlan);
    ch(&mut form, 'a');
    press(&mut form, &[KeyCode::Tab]);
    v.push(("action-form", form));
    let mut editor = session_model(Lang::En, PhaseKind::Closing);
    focus(&mut editor, Pane::PrivateNotes, 0);
    press(&mut editor, &[KeyCode::Enter]);
    v.push(("editor", editor));
    // The presenter view (F5) of every phase kind, and while a card is typed in it.
    for &kind in PhaseKind::VARIANTS {
        let mut presenter = session_model(Lang::Fr, kind);
        press(&mut presenter, &[KeyCode::F(5)]);
        v.push(("presenter", presenter));
    }
    let mut typing = session_model(Lang::En, PhaseKind::NeedEmergence);
    press(&mut typing, &[KeyCode::F(5)]);
    ch(&mut typing, 'a');
    type_text(&mut typing, "Flour bags arrive wet");
    v.push(("presenter-typing", typing));
    // The programme screen: counting, then the shipped folder's figures, by group too.
    v.push(("programme-counting", programme_model(Lang::Fr, None, false)));
    v.push(("programme", programme_model(Lang::Fr, None, true)));
    v.push((
        "programme-by-group",
        programme_model(Lang::En, Some(atelier::report::By::Group), true),
    ));
    v
}

/// The programme screen over the shipped `sessions/` folder, its figures counted or not yet.
fn programme_model(lang: Lang, by: Option<atelier::report::By>, counted: bool) -> Model {
    let mut model = base_model(lang);
    let mut ui = atelier::ui::ProgrammeUi::new();
    ui.by = by;
    if counted {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions");
        let kept = atelier::report::Kept::of(atelier::report::read_folder(&dir).unwrap());
        ui.report = Some(kept.aggregate(ui.wanted(model.today)));
        ui.kept = Some(std::sync::Arc::new(kept));
    }
    model.screen = Screen::Programme(Box::new(ui));
    model
}

/// The whole sweep: every third width from 1 to 100 by every second height from 1 to 39.
fn full_sizes() -> Vec<(u16, u16)> {
    let mut v = Vec::new();
    for w in (1..=100).step_by(3) {
        for h in (1..=40).step_by(2) {
            v.push((w, h));
        }
    }
    v
}

/// What `cargo test` draws every screen at: the edges (the smallest sizes, either side of
/// the minimum, 80×24, 100×30, the corners of the range and a large terminal), and 60 sizes
/// of [`full_sizes`] drawn at random (`common::screen::sweep_sizes`: `ATELIER_SWEEP=full`
/// draws them all, `ATELIER_SEED` another sample).
fn sizes() -> (Vec<(u16, u16)>, u64) {
    let edges = [
        (1, 1),
        (2, 1),
        (1, 2),
        (MIN_WIDTH - 1, MIN_HEIGHT - 1),
        (MIN_WIDTH, MIN_HEIGHT),
        (MIN_WIDTH - 1, MIN_HEIGHT),
        (MIN_WIDTH, MIN_HEIGHT - 1),
        (80, 24),
        (100, 30),
        (1, 39),
        (100, 1),
        (100, 39),
        (200, 60),
    ];
    common::screen::sweep_sizes(&edges, full_sizes(), 60)
}

#[test]
fn no_panic_at_any_size_and_resizing_back() {
    let (sizes, seed) = sizes();
    // The screens are shared out among threads.
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(4);
    std::thread::scope(|scope| {
        for k in 0..workers {
            let sizes = &sizes;
            scope.spawn(move || {
                for (name, model) in every_screen_kind().into_iter().skip(k).step_by(workers) {
                    sweep(name, &model, sizes, seed);
                }
            });
        }
    });
}

/// Draws `model` at every size, then at 80×24 again: no panic, and the same screen as before.
fn sweep(name: &str, model: &Model, sizes: &[(u16, u16)], seed: u64) {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| f.render_widget(model, f.area())).unwrap();
    let normal = terminal.backend().buffer().clone();
    for &(w, h) in sizes {
        terminal.backend_mut().resize(w, h);
        let drawn = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            terminal.draw(|f| f.render_widget(model, f.area())).unwrap();
        }));
        assert!(
            drawn.is_ok(),
            "{name} panicked at {w}×{h} ({})",
            common::screen::sweep_hint(seed)
        );
    }
    // Growing back restores the view exactly.
    terminal.backend_mut().resize(80, 24);
    terminal.draw(|f| f.render_widget(model, f.area())).unwrap();
    assert_eq!(
        text(terminal.backend().buffer()),
        text(&normal),
        "{name} looks the same after resizing back ({})",
        common::screen::sweep_hint(seed)
    );
}

#[test]
fn below_the_minimum_size_asks_to_enlarge() {
    for lang in [Lang::Fr, Lang::En] {
        let model = session_model(lang, PhaseKind::NeedEmergence);
        let expected = match lang {
            Lang::Fr => "Fenêtre trop petite (59×24) : agrandissez-la à au moins 60×16.",
            Lang::En => "Window too small (59×24): make it at least 60×16.",
        };
        let small = text(&draw(&model, MIN_WIDTH - 1, 24));
        let joined = small
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(joined, expected);
        let short = text(&draw(&model, 80, MIN_HEIGHT - 1));
        assert!(!short.contains(" · séance 3 ·") && !short.contains("session 3 ·"));
        // Exactly the minimum: the screen itself.
        let ok = text(&draw(&model, MIN_WIDTH, MIN_HEIGHT));
        assert!(ok.contains("Boulangers de Tanger"), "{ok}");
    }
    let model = session_model(Lang::Fr, PhaseKind::CheckIn);
    insta::assert_snapshot!("too_small_40x10", text(&draw(&model, 40, 10)));
    insta::assert_snapshot!("minimum_60x16", text(&draw(&model, MIN_WIDTH, MIN_HEIGHT)));
}

// ---------------------------------------------------------------------------------------
// Arabic and emoji

#[test]
fn arabic_names_and_emoji_reach_the_screen_intact() {
    let mut session = sample::bakers_session(start(), SEED);
    let author = session
        .group
        .members
        .iter()
        .find(|m| m.name == "محمد الأمين")
        .map(|m| m.id.clone())
        .expect("an Arabic-named baker");
    session.needs.cards[0].text = "Le pain 🥖 ne se vend plus après 18h".into();
    session.needs.cards[0].author = Author::Member(author);
    session.needs.cards[1].text = "La pâtissière 👩‍🍳 travaille seule le vendredi".into();
    let now = session.saved + TimeDelta::minutes(4);
    let mut model = with_session(Lang::Fr, session, PhaseKind::NeedEmergence, now);
    focus(&mut model, Pane::Cards, 5);
    let cards = text(&draw(&model, 140, 30));
    for needle in [
        "محمد الأمين",
        "Le pain 🥖 ne se vend plus après 18h",
        "La pâtissière 👩‍🍳 travaille seule le vendredi",
    ] {
        assert!(cards.contains(needle), "{needle} in\n{cards}");
    }
    // The attendance of check-in, with the business name in Arabic and an emoji.
    let mut model = model;
    ui(&mut model).session.current_phase = 0;
    let checkin = text(&draw(&model, 100, 30));
    for needle in ["محمد الأمين — مخبزة النور 🥖", "خديجة بنعلي — حلويات خديجة"]
    {
        assert!(checkin.contains(needle), "{needle} in\n{checkin}");
    }
    // Typed in an editor, they survive too.
    let mut model = session_model(Lang::Fr, PhaseKind::NeedEmergence);
    ch(&mut model, 'a');
    type_text(&mut model, "الأمين : خبز 🥖 et 👩‍🍳 café");
    let typing = text(&draw(&model, 100, 30));
    assert!(typing.contains("الأمين : خبز 🥖 et 👩‍🍳 café"), "{typing}");
}

// ---------------------------------------------------------------------------------------
// The smallest screen that is not "please enlarge"

#[test]
fn every_screen_at_the_minimum_size() {
    for (i, (name, model)) in every_screen_kind().into_iter().enumerate() {
        insta::assert_snapshot!(
            format!("min_{i:02}_{name}"),
            text(&draw(&model, MIN_WIDTH, MIN_HEIGHT))
        );
    }
}

// ---------------------------------------------------------------------------------------
// Themes: high contrast for a projector, no colour for NO_COLOR. Meaning never rests on
// colour alone: selection is reversed and overrun says so in words, in every theme.

use atelier::theme::{Theme, ThemeName};
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

fn themed(mut model: Model, theme: Theme) -> Model {
    model.theme = theme;
    model
}

/// The cells with a colour of their own (not the terminal's), as "x,y: style".
fn coloured_cells(buf: &Buffer) -> Vec<String> {
    let mut out = Vec::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let c = &buf[(x, y)];
            if c.fg != Color::Reset || c.bg != Color::Reset {
                out.push(format!("{x},{y}: {:?}", c.style()));
            }
        }
    }
    out
}

/// The cells a terminal shows: not the one hidden behind a wide character (an emoji, a
/// CJK letter), which ratatui leaves without style.
fn shown_cells(buf: &Buffer) -> Vec<(u16, u16)> {
    use unicode_width::UnicodeWidthStr;
    let mut out = Vec::new();
    for y in 0..buf.area.height {
        let mut skip = 0;
        for x in 0..buf.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            skip = buf[(x, y)].symbol().width().saturating_sub(1);
            out.push((x, y));
        }
    }
    out
}

/// The cells of row `y` whose text is `needle`, with their modifiers.
fn modifiers_of(buf: &Buffer, y: u16, needle: &str) -> Vec<Modifier> {
    let row = common::screen::row_text(buf, y);
    let start = row
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} on row {y}: {row}"));
    let col = row[..start].chars().count() as u16;
    (col..col + needle.chars().count() as u16)
        .map(|x| buf[(x, y)].modifier)
        .collect()
}

fn row_of(buf: &Buffer, needle: &str) -> u16 {
    (0..buf.area.height)
        .find(|y| common::screen::row_text(buf, *y).contains(needle))
        .unwrap_or_else(|| panic!("{needle} on screen:\n{}", text(buf)))
}

/// The closing phase with its timer 5 seconds over, a row selected in the attendance.
fn overrun_model(lang: Lang) -> Model {
    let session = sample::bakers_session(start(), SEED);
    let now = session.saved + TimeDelta::minutes(13) + TimeDelta::seconds(5);
    with_session(lang, session, PhaseKind::Closing, now)
}

#[test]
fn no_color_screens_have_no_colour_in_any_theme() {
    for &theme_name in ThemeName::VARIANTS {
        for (name, model) in every_screen_kind() {
            let model = themed(model, Theme::named(theme_name, true));
            let cells = coloured_cells(&draw(&model, 80, 24));
            assert!(
                cells.is_empty(),
                "{name} in {theme_name:?} without colour: {:?}",
                &cells[..cells.len().min(5)]
            );
        }
    }
}

#[test]
fn themes_change_styles_never_words() {
    let dark: Vec<String> = every_screen_kind()
        .iter()
        .map(|(_, m)| text(&draw(m, 80, 24)))
        .collect();
    for theme in [Theme::LIGHT, Theme::HIGH_CONTRAST, Theme::MONO] {
        for ((name, model), dark) in every_screen_kind().into_iter().zip(&dark) {
            let other = text(&draw(&themed(model, theme), 80, 24));
            assert_eq!(dark, &other, "{name}: the same words in every theme");
        }
    }
}

#[test]
fn high_contrast_is_white_on_black_everywhere_popups_included() {
    for (name, model) in every_screen_kind() {
        let buf = draw(&themed(model, Theme::HIGH_CONTRAST), 80, 24);
        for (x, y) in shown_cells(&buf) {
            {
                let c = &buf[(x, y)];
                let grey = [Color::DarkGray, Color::Gray].contains(&c.fg);
                assert!(!grey, "{name}: grey text at {x},{y}");
                // Reversed cells swap the two: black text on a white or yellow ground.
                assert!(
                    c.bg == Color::Black || c.modifier.contains(Modifier::REVERSED),
                    "{name}: cell {x},{y} is not on black: {:?}\n{}",
                    c.style(),
                    text(&buf)
                );
            }
        }
    }
}

#[test]
fn light_theme_has_no_pale_text_on_any_screen() {
    let pale = [
        Color::Yellow,
        Color::LightYellow,
        Color::Cyan,
        Color::LightCyan,
    ];
    for (name, model) in every_screen_kind() {
        let buf = draw(&themed(model, Theme::LIGHT), 80, 24);
        for (x, y) in shown_cells(&buf) {
            {
                let c = &buf[(x, y)];
                // Yellow as a ground behind black text reads fine; yellow text does not.
                let shown_fg = if c.modifier.contains(Modifier::REVERSED) {
                    c.bg
                } else {
                    c.fg
                };
                assert!(!pale.contains(&shown_fg), "{name}: pale text at {x},{y}");
            }
        }
    }
}

#[test]
fn selection_and_overrun_read_without_colour() {
    for theme in [
        Theme::MONO,
        Theme::named(ThemeName::HighContrast, true),
        Theme::HIGH_CONTRAST,
    ] {
        // The overrun: in words, reversed and bold.
        let buf = draw(&themed(overrun_model(Lang::Fr), theme), 80, 24);
        for m in modifiers_of(&buf, 0, "DÉPASSÉ") {
            assert!(m.contains(Modifier::REVERSED | Modifier::BOLD), "{m:?}");
        }
        // A selected card: the ▶ and the reversed row, the other rows plain.
        let mut model = session_model(Lang::Fr, PhaseKind::NeedEmergence);
        focus(&mut model, Pane::Cards, 1);
        let buf = draw(&themed(model, theme), 80, 24);
        let sel = row_of(&buf, "▶");
        let reversed =
            |y: u16| (0..buf.area.width).any(|x| buf[(x, y)].modifier.contains(Modifier::REVERSED));
        assert!(
            reversed(sel),
            "the selected row is reversed\n{}",
            text(&buf)
        );
        assert!(!reversed(sel + 1), "the next row is not");
        // The home list's selection and the current phase in the phase bar alike.
        let buf = draw(&themed(home_model(Lang::Fr), theme), 80, 24);
        assert!((0..buf.area.width).any(|x| {
            buf[(x, row_of(&buf, "▶"))]
                .modifier
                .contains(Modifier::REVERSED)
        }));
    }
    // High contrast without colour keeps more emphasis than plain NO_COLOR: bold selection.
    let mut model = session_model(Lang::Fr, PhaseKind::NeedEmergence);
    focus(&mut model, Pane::Cards, 1);
    let buf = draw(
        &themed(model, Theme::named(ThemeName::HighContrast, true)),
        80,
        24,
    );
    let sel = row_of(&buf, "▶");
    assert!((0..buf.area.width).any(|x| {
        buf[(x, sel)]
            .modifier
            .contains(Modifier::REVERSED | Modifier::BOLD)
    }));
}

#[test]
fn high_contrast_snapshots_with_styles() {
    let needs = || {
        let mut model = session_model(Lang::Fr, PhaseKind::NeedEmergence);
        focus(&mut model, Pane::Cards, 1);
        model
    };
    snap_styled!(
        "theme_high_contrast_needs",
        themed(needs(), Theme::HIGH_CONTRAST)
    );
    snap_styled!(
        "theme_high_contrast_no_color_needs",
        themed(needs(), Theme::named(ThemeName::HighContrast, true))
    );
    snap_styled!(
        "theme_high_contrast_overrun",
        themed(overrun_model(Lang::En), Theme::HIGH_CONTRAST)
    );
    snap_styled!(
        "theme_light_overrun",
        themed(overrun_model(Lang::En), Theme::LIGHT)
    );
}
