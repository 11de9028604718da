//! The programme screen (`P` on the home screen), by message scripts on a copy of the
//! shipped `sessions/` folder: it shows at once while the runner reads and counts the
//! folder, the runner's answer fills it, the period and grouping keys change its rows (every
//! figure the same as `report::aggregate_folder` gives with the same options), the table
//! scrolls, Esc goes back home, and the folder changing counts it again. The screens are
//! kept as insta snapshots with their styles (80×24 and 160×45, French and English); the
//! clock is the harness's, so the periods do not move with the date.

mod common;

use atelier::i18n::Lang;
use atelier::method::Method;
use atelier::report::{self, By, Options, Report};
use atelier::sample;
use atelier::store::{self, Store};
use atelier::ui::{Model, Period, ProgrammeUi, Screen};
use atelier::update::{Effect, Msg, update};
use common::screen::{draw, styled, text};
use common::{Harness, t0};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::{Path, PathBuf};

/// The shipped example folder.
fn shipped() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions")
}

/// A copy of the shipped folder, on the home screen.
fn folder(lang: Lang) -> Harness {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(shipped()).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    let mut h = Harness::in_dir(dir);
    h.model.lang = lang;
    h.tick();
    h
}

fn programme(h: &Harness) -> &ProgrammeUi {
    match &h.model.screen {
        Screen::Programme(ui) => ui,
        _ => panic!("not the programme screen"),
    }
}

/// The figures on screen.
fn shown(h: &Harness) -> &Report {
    programme(h)
        .shown(h.model.today)
        .expect("the figures counted")
}

/// What `atelier report` counts on the same folder with the same options.
fn expected(h: &Harness, options: Options) -> Report {
    let folder = report::read_folder(h.dir.path()).unwrap();
    report::aggregate_folder(folder, options)
}

fn options(from: Option<(i32, u32, u32)>, by: Option<By>) -> Options {
    let today = t0().date_naive();
    Options {
        from: from.map(|(y, m, d)| common::day(y, m, d)),
        to: from.map(|_| today),
        by: by.into_iter().collect(),
        today: Some(today),
    }
}

/// The home screen on no folder, today fixed: for what comes before the runner answers.
fn bare_model() -> Model {
    let mut model = Model::new(
        Lang::Fr,
        Method::builtin(),
        PathBuf::from("/nonexistent"),
        t0(),
        1,
    );
    model.today = t0().date_naive();
    model
}

#[test]
fn p_shows_the_screen_at_once_and_the_runners_answer_fills_it() {
    // Before the runner answers: the screen, counting, and the read asked of the runner.
    let mut model = bare_model();
    let key = KeyEvent::new(KeyCode::Char('P'), KeyModifiers::SHIFT);
    let effects = update(&mut model, Msg::Key(key));
    assert_eq!(effects, [Effect::ReadProgramme(options(None, None))]);
    let screen = text(&draw(&model, 80, 24));
    assert!(
        screen.contains(Lang::Fr.strings().programme.counting),
        "{screen}"
    );
    // Keys work meanwhile: another grouping waits for the facts, Esc goes home.
    let tab = KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE);
    assert!(update(&mut model, Msg::Key(tab)).is_empty());
    let Screen::Programme(ui) = &model.screen else {
        panic!("the programme screen")
    };
    assert_eq!(ui.by, Some(By::Advisor));

    // Through the runner: the whole folder's figures, as the report counts them.
    let mut h = folder(Lang::Fr);
    h.keys("P");
    assert_eq!(
        h.effects.last(),
        Some(&Effect::ReadProgramme(options(None, None)))
    );
    let want = expected(&h, options(None, None));
    assert_eq!(shown(&h), &want);
    assert_eq!(want.total.sessions, 6, "the shipped sessions");
    let screen = text(&draw(&h.model, 80, 24));
    assert!(screen.contains("Présence par mois"), "{screen}");
    assert!(screen.contains("Actions (19 décidées)"), "{screen}");
}

#[test]
fn the_period_and_grouping_keys_change_the_rows_counted_from_the_kept_facts() {
    let mut h = folder(Lang::Fr);
    h.keys("P");
    let kept = programme(&h).kept.clone().expect("the facts kept");
    // Tab: by advisor, counted again from the facts read (no second read of the folder).
    let from = h.effects.len();
    h.tab();
    let want = options(None, Some(By::Advisor));
    assert_eq!(
        h.effects[from..],
        [Effect::CountProgramme {
            kept: kept.clone(),
            options: want.clone()
        }]
    );
    let r = shown(&h);
    assert_eq!(r, &expected(&h, want));
    let labels: Vec<String> = r
        .buckets
        .iter()
        .map(|(k, _)| report::row_label(k, r, Lang::Fr))
        .collect();
    assert_eq!(labels, ["Karima Lahlou", "Samira Benjelloun"]);
    let screen = text(&draw(&h.model, 80, 24));
    assert!(screen.contains("Regroupement : Conseiller"), "{screen}");
    assert!(screen.contains("Karima Lahlou"), "{screen}");

    // Round the groupings: host, trade, region, group, month; each as the report counts.
    for by in [By::Host, By::Trade, By::Region, By::Group, By::Month] {
        h.tab();
        assert_eq!(programme(&h).by, Some(by));
        assert_eq!(shown(&h), &expected(&h, options(None, Some(by))), "{by:?}");
    }
    // Shift-Tab goes back one.
    h.back_tab();
    assert_eq!(programme(&h).by, Some(By::Group));

    // →: the last twelve months (the current month and the eleven before, up to today).
    h.code(KeyCode::Right);
    assert_eq!(programme(&h).period, Period::LastTwelveMonths);
    let want = options(Some((2025, 12, 1)), Some(By::Group));
    assert_eq!(shown(&h), &expected(&h, want));
    // →: this year, then last year (2025: nothing in the shipped folder).
    h.code(KeyCode::Right);
    assert_eq!(programme(&h).period, Period::Year(2026));
    assert_eq!(shown(&h).total.sessions, 6);
    h.code(KeyCode::Right);
    assert_eq!(programme(&h).period, Period::Year(2025));
    let r = shown(&h);
    let want = Options {
        from: Some(common::day(2025, 1, 1)),
        to: Some(common::day(2025, 12, 31)),
        by: vec![By::Group],
        today: Some(t0().date_naive()),
    };
    assert_eq!(r, &expected(&h, want));
    assert_eq!(r.total.sessions, 0);
    assert!(r.buckets.is_empty());
    // ← back, and round to the whole folder.
    h.code(KeyCode::Left);
    h.code(KeyCode::Left);
    h.code(KeyCode::Left);
    assert_eq!(programme(&h).period, Period::All);
    // The folder itself was read once.
    let reads = h
        .effects
        .iter()
        .filter(|e| matches!(e, Effect::ReadProgramme(_)))
        .count();
    assert_eq!(reads, 1);
}

#[test]
fn the_table_scrolls_and_esc_goes_home() {
    // Six groups: more rows by group than 60×16 shows.
    let mut sessions = sample::shipped();
    for i in 0..8 {
        let mut s = sample::bakers_session(t0(), 100 + i);
        s.group.name = format!("Groupe {i}");
        sessions.push(s);
    }
    let dir = tempfile::tempdir().unwrap();
    let st = Store::new(dir.path());
    for s in &sessions {
        store::save(&st.path_for_new(s), s).unwrap();
    }
    let mut h = Harness::in_dir(dir);
    h.send(Msg::Resized {
        width: 60,
        height: 16,
    });
    h.keys("P");
    for _ in 0..5 {
        h.tab();
    }
    assert_eq!(programme(&h).by, Some(By::Group));
    let rows = shown(&h).buckets.len();
    let height = atelier::layout::programme::table_rows(&h.model).unwrap();
    assert!(rows > height, "{rows} rows in {height} lines");
    h.code(KeyCode::End);
    assert_eq!(programme(&h).sel, rows - 1);
    assert_eq!(programme(&h).scroll, rows - height);
    let screen = text(&draw(&h.model, 60, 16));
    assert!(screen.contains("▶"), "{screen}");
    h.code(KeyCode::Home);
    assert_eq!((programme(&h).sel, programme(&h).scroll), (0, 0));
    h.code(KeyCode::PageDown);
    assert_eq!(programme(&h).sel, (rows - 1).min(10));
    h.code(KeyCode::Up);
    h.keys("j");
    assert_eq!(programme(&h).sel, (rows - 1).min(10));
    h.code(KeyCode::PageUp);
    assert_eq!(programme(&h).sel, 0);

    let from = h.effects.len();
    h.esc();
    assert!(matches!(h.model.screen, Screen::Home));
    // The screen let go of the browser's rows: the folder is listed again, even unchanged.
    assert_eq!(h.effects[from..], [Effect::Relist]);
}

#[test]
fn the_folder_changing_counts_it_again() {
    let mut h = folder(Lang::Fr);
    h.keys("P");
    h.tab();
    assert_eq!(shown(&h).total.sessions, 6);
    // A colleague's session arrives (a sync).
    let s = sample::series(t0(), 11).remove(0);
    store::save(&Store::new(h.dir.path()).path_for_new(&s), &s).unwrap();
    let from = h.effects.len();
    h.send(Msg::FolderChanged);
    let want = options(None, Some(By::Advisor));
    assert_eq!(h.effects[from..], [Effect::ReadProgramme(want.clone())]);
    let r = shown(&h);
    assert_eq!(r.total.sessions, 7);
    assert_eq!(r, &expected(&h, want));
}

#[test]
fn the_folder_read_again_is_not_held_beside_the_facts_kept() {
    let mut h = folder(Lang::Fr);
    h.keys("P");
    assert!(programme(&h).kept.is_some());
    // Without the runner's answer (the app's read takes seconds at 100,000 sessions): the
    // facts kept go when the folder is read again, and a grouping asked meanwhile waits.
    let mut model = std::mem::replace(&mut h.model, bare_model());
    assert_eq!(
        update(&mut model, Msg::FolderChanged),
        [Effect::ReadProgramme(options(None, None))]
    );
    let Screen::Programme(ui) = &model.screen else {
        panic!("the programme screen")
    };
    assert!(ui.kept.is_none());
    let tab = KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE);
    assert!(update(&mut model, Msg::Key(tab)).is_empty());
    // The facts read come: the grouping asked is counted from them.
    let folder = report::read_folder(h.dir.path()).unwrap();
    let kept = std::sync::Arc::new(report::Kept::of(folder));
    let counted = atelier::update::Counted {
        report: Box::new(kept.aggregate(options(None, None))),
        kept: Some(kept.clone()),
    };
    let effects = update(&mut model, Msg::ProgrammeCounted(Ok(counted)));
    assert_eq!(
        effects,
        [Effect::CountProgramme {
            kept,
            options: options(None, Some(By::Advisor))
        }]
    );
}

#[test]
fn the_programme_screen_lets_go_of_the_browsers_rows_and_home_lists_them_again() {
    let mut h = folder(Lang::Fr);
    let rows = h.model.home.rows.len();
    assert!(rows > 0 && h.model.home.loaded);
    h.keys("P");
    assert!(shown(&h).total.sessions > 0);
    // Its facts and the browser's rows are not held at once (160 MB at 100,000 sessions).
    assert!(h.model.home.rows.is_empty() && !h.model.home.loaded);
    // A listing asked before the screen opened, come while it shows: its rows go too, the
    // home screen's lists stay.
    let groups = h.model.home.groups.len();
    let listing = Store::new(h.dir.path()).list();
    h.send(Msg::Listed(atelier::ui::Home::from_listing(
        listing,
        Lang::Fr,
    )));
    assert!(h.model.home.rows.is_empty());
    assert_eq!(h.model.home.groups.len(), groups);
    // Home: the folder, unchanged, is listed again (the runner would otherwise skip it),
    // and the browser has every row.
    h.esc();
    assert_eq!(h.effects.last(), Some(&Effect::Relist));
    assert_eq!(h.model.home.rows.len(), rows);
    assert!(h.model.home.loaded && !h.model.home.rows_let_go);
    h.keys("r");
    let screen = text(&draw(&h.model, 100, 30));
    assert!(
        screen.contains(&format!("{rows}")),
        "the browser counts its {rows} rows:\n{screen}"
    );
    // Home again from the browser: nothing let go, nothing forced.
    h.esc();
    assert_eq!(h.effects.last(), Some(&Effect::Refresh));
}

#[test]
fn help_lists_the_screens_keys() {
    let mut h = folder(Lang::Fr);
    h.keys("P");
    h.keys("?");
    let screen = text(&draw(&h.model, 100, 40));
    let a = &Lang::Fr.strings().actions;
    for needle in [a.next_period, a.prev_period, a.next_grouping, a.back] {
        assert!(screen.contains(needle), "{needle} in\n{screen}");
    }
}

#[test]
fn labels_from_the_files_reach_the_screen_without_control_characters() {
    let mut s = sample::shipped().remove(0);
    s.group.advisor = "Karim\u{1b}[31m \u{202e}rouge\u{7}".into();
    s.group.name = "Boulangers\u{2066}\u{1b}]0;titre\u{7}".into();
    let dir = tempfile::tempdir().unwrap();
    store::save(&Store::new(dir.path()).path_for_new(&s), &s).unwrap();
    let mut h = Harness::in_dir(dir);
    h.keys("P");
    for by in [By::Advisor, By::Host, By::Trade, By::Region, By::Group] {
        h.tab();
        assert_eq!(programme(&h).by, Some(by));
        let buf = draw(&h.model, 100, 30);
        for cell in buf.content() {
            let bad = cell.symbol().chars().any(|c| {
                c.is_control()
                    || ('\u{202a}'..='\u{202e}').contains(&c)
                    || ('\u{2066}'..='\u{2069}').contains(&c)
            });
            assert!(!bad, "{:?} on screen by {by:?}", cell.symbol());
        }
    }
    let screen = text(&draw(&h.model, 100, 30));
    assert!(screen.contains("Boulangers"), "{screen}");
}

#[test]
fn snapshots_at_80x24_and_160x45_in_french_and_english() {
    for (lang, code) in [(Lang::Fr, "fr"), (Lang::En, "en")] {
        let mut h = folder(lang);
        h.keys("P");
        insta::assert_snapshot!(
            format!("programme_all_80x24_{code}"),
            styled(&draw(&h.model, 80, 24))
        );
        // By advisor, over the last twelve months.
        h.tab();
        h.code(KeyCode::Right);
        insta::assert_snapshot!(
            format!("programme_advisor_160x45_{code}"),
            styled(&draw(&h.model, 160, 45))
        );
    }
}

#[test]
fn a_folder_that_cannot_be_read_is_said_where_the_figures_would_be() {
    let mut model = bare_model();
    let key = KeyEvent::new(KeyCode::Char('P'), KeyModifiers::SHIFT);
    update(&mut model, Msg::Key(key));
    let why = "Le dossier /srv/séances ne peut pas être lu : permission refusée.";
    update(&mut model, Msg::ProgrammeCounted(Err(why.into())));
    let screen = text(&draw(&model, 100, 30));
    assert!(screen.contains("permission refusée"), "{screen}");
    assert!(
        !screen.contains(Lang::Fr.strings().programme.counting),
        "no longer counting: {screen}"
    );
}

#[test]
fn a_national_programmes_counts_are_written_with_their_thousands_apart() {
    let mut model = bare_model();
    let key = KeyEvent::new(KeyCode::Char('P'), KeyModifiers::SHIFT);
    let effects = update(&mut model, Msg::Key(key));
    let Some(Effect::ReadProgramme(options)) = effects.first() else {
        panic!("{effects:?}")
    };
    let mut report = atelier::report::Report {
        options: options.clone(),
        unreadable: 1234,
        ..Default::default()
    };
    report.total.sessions = 100_000;
    report.total.planned = 600_303;
    report.total.done = 400_821;
    let counted = atelier::update::Counted {
        report: Box::new(report),
        kept: None,
    };
    update(&mut model, Msg::ProgrammeCounted(Ok(counted)));
    // Thousands apart by a space that does not break, as the report writes them.
    let screen = text(&draw(&model, 100, 30)).replace(['\u{a0}', '\u{202f}'], " ");
    assert!(screen.contains("Actions (600 303 décidées)"), "{screen}");
    assert!(screen.contains("400 821"), "{screen}");
    assert!(screen.contains("1 234"), "{screen}");
}
