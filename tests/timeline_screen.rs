//! The group timeline screen, by message scripts: opened from the home screen, the review
//! browser and the read-only session view, each time Esc going back to where it came from
//! as it was; Tab through its panes; the attendance grid scrolled sideways when the
//! sessions do not fit; the action tracker sorted with the selection following the action.
//! The screens are kept as insta snapshots (80×24 and 160×45, French and English).

mod common;

use atelier::i18n::Lang;
use atelier::model::{Change, Id, Session};
use atelier::sample;
use atelier::store;
use atelier::ui::{ActionSort, HomePane, Screen, TimelinePane, TimelineUi};
use atelier::update::{Effect, Msg};
use chrono::TimeDelta;
use common::screen::{draw, text};
use common::{Folder, Harness, SEED, folder_of, t0};
use ratatui::crossterm::event::KeyCode;

/// The harness on the home screen, its folder holding the tailors' three sessions and the
/// bakers' session of the fixtures.
fn folder() -> Folder {
    let mut sessions = sample::series(t0(), SEED);
    let fixture = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/spine-bakers-s03.ron"),
    )
    .unwrap();
    sessions.push(store::parse(fixture.as_bytes()).unwrap());
    folder_of(sessions, |_| {})
}

fn tailors() -> Id {
    sample::series(t0(), SEED)[0].group.id.clone()
}

fn timeline(h: &Harness) -> &TimelineUi {
    match &h.model.screen {
        Screen::Timeline(ui) => ui,
        _ => panic!("not the timeline"),
    }
}

fn screen(h: &Harness, width: u16, height: u16) -> String {
    text(&draw(&h.model, width, height))
}

/// Selects the tailors on the home screen's list of groups.
fn select_tailors(h: &mut Harness) {
    let i = h
        .model
        .home
        .groups
        .iter()
        .position(|g| g.id == tailors())
        .unwrap();
    h.model.home.group_sel = i;
}

#[test]
fn t_on_home_opens_the_selected_groups_timeline_and_esc_goes_back() {
    let Folder { mut h, .. } = folder();
    select_tailors(&mut h);
    h.keys("t");
    assert_eq!(h.effects.last(), Some(&Effect::LoadTimeline(tailors())));
    let ui = timeline(&h);
    assert_eq!(ui.attendance.sessions.len(), 3);
    assert_eq!(ui.pane, TimelinePane::Attendance);
    assert_eq!(ui.group.id, tailors());
    let fr = screen(&h, 80, 24);
    assert!(fr.contains("S1") && fr.contains("S3"), "{fr}");
    insta::assert_snapshot!("attendance_80x24", fr);
    h.esc();
    assert!(matches!(h.model.screen, Screen::Home));
    // From a recent session too: its group.
    h.tab();
    assert_eq!(h.model.home.pane, HomePane::Recent);
    h.keys("t");
    assert!(matches!(h.model.screen, Screen::Timeline(_)));
}

#[test]
fn f4_in_the_browser_opens_the_rows_group_and_esc_keeps_the_filter() {
    let Folder { mut h, .. } = folder();
    h.keys("r");
    // Letters are the filter here: `t` types, F4 opens.
    h.keys("tanger");
    let before = h.effects.len();
    h.code(KeyCode::F(4));
    let bakers = &timeline(&h).group;
    assert!(bakers.name.contains("Tanger"), "{}", bakers.name);
    assert_eq!(
        h.count_since(before, &Effect::LoadTimeline(bakers.id.clone())),
        1
    );
    h.esc();
    let Screen::Review(b) = &h.model.screen else {
        panic!("back to the browser")
    };
    assert_eq!(b.filter, "tanger");
    // Nothing shown: F4 says to pick a group, and stays.
    h.keys("zzz");
    h.code(KeyCode::F(4));
    assert!(matches!(h.model.screen, Screen::Review(_)));
    assert_eq!(h.flash(), Some(h.strings().home_pick_group_first));
}

#[test]
fn t_in_the_session_view_opens_its_group_and_esc_returns_to_the_same_line() {
    let Folder { mut h, .. } = folder();
    h.keys("r");
    h.keys("oujda");
    h.enter();
    h.code(KeyCode::PageDown);
    let scroll = |h: &Harness| match &h.model.screen {
        Screen::Review(b) => b.view.as_ref().map(|v| v.scroll),
        _ => None,
    };
    let at = scroll(&h).expect("the session view");
    assert!(at > 0);
    h.keys("t");
    assert_eq!(timeline(&h).group.id, tailors());
    h.esc();
    assert_eq!(scroll(&h), Some(at));
    h.esc();
    assert_eq!(scroll(&h), None, "then Esc leaves the view for the browser");
}

#[test]
fn tab_goes_through_the_three_panes_and_back() {
    let Folder { mut h, .. } = folder();
    select_tailors(&mut h);
    h.keys("t");
    h.tab();
    assert_eq!(timeline(&h).pane, TimelinePane::Actions);
    let actions = screen(&h, 80, 24);
    insta::assert_snapshot!("actions_80x24", actions);
    h.tab();
    assert_eq!(timeline(&h).pane, TimelinePane::Needs);
    insta::assert_snapshot!("needs_80x24", screen(&h, 80, 24));
    h.tab();
    assert_eq!(timeline(&h).pane, TimelinePane::Attendance);
    h.back_tab();
    assert_eq!(timeline(&h).pane, TimelinePane::Needs);
    // `q` still quits from here, as everywhere outside a field.
    h.keys("q");
    assert!(h.quit);
}

#[test]
fn the_tracker_moves_sorts_and_shows_the_selected_action_in_full() {
    let Folder { mut h, .. } = folder();
    select_tailors(&mut h);
    h.keys("t");
    h.tab();
    let n = timeline(&h).actions.len();
    assert!(n >= 5, "{n}");
    h.code(KeyCode::Down);
    h.code(KeyCode::Down);
    let chosen = timeline(&h).selected_action().unwrap().action.id.clone();
    // The line below shows its whole text.
    let what = timeline(&h).selected_action().unwrap().action.what.clone();
    let shown = screen(&h, 160, 45);
    for word in what.split_whitespace() {
        assert!(shown.contains(word), "{word} of {what:?} not on\n{shown}");
    }
    h.keys("s");
    let ui = timeline(&h);
    assert_eq!(ui.sort, ActionSort::Due);
    assert_eq!(ui.selected_action().unwrap().action.id, chosen);
    // By due date: those with one first, in date order.
    let dues: Vec<_> = ui
        .action_order()
        .into_iter()
        .map(|i| ui.actions[i].action.due)
        .collect();
    let with: Vec<_> = dues.iter().flatten().collect();
    assert!(with.windows(2).all(|w| w[0] <= w[1]), "{dues:?}");
    assert!(dues.iter().skip_while(|d| d.is_some()).all(|d| d.is_none()));
    h.code(KeyCode::End);
    assert_eq!(timeline(&h).action_sel, n - 1);
    h.code(KeyCode::Down);
    assert_eq!(timeline(&h).action_sel, n - 1, "the end stops");
    h.keys("ss");
    assert_eq!(timeline(&h).sort, ActionSort::Entered);
}

/// The tailors' third session copied as sessions 4 to 12, a fortnight apart.
fn twelve_sessions() -> Vec<Session> {
    let mut sessions = sample::series(t0(), SEED);
    let third = sessions[2].clone();
    for k in 4..=12u32 {
        let mut s = third.clone();
        s.id = Id(format!("copy{k}"));
        s.number = k;
        s.date = third.date + TimeDelta::days(14 * i64::from(k - 3));
        // The first member misses every other copy: the cells differ from column to column.
        if k % 2 == 0 {
            let first = s.group.members[0].id.clone();
            s.record(
                t0(),
                Change::AttendanceSet {
                    member: first,
                    attendance: atelier::model::Attendance::Absent,
                },
            );
        }
        sessions.push(s);
    }
    sessions
}

/// The timeline of [`twelve_sessions`], opened in a terminal of this size.
fn twelve_sessions_at(width: u16, height: u16) -> Harness {
    let mut h = Harness::new();
    h.send(Msg::Resized { width, height });
    h.send(Msg::TimelineLoaded {
        sessions: twelve_sessions(),
        skipped: 0,
    });
    h
}

#[test]
fn twelve_sessions_at_80_columns_show_the_latest_and_scroll_sideways() {
    let mut h = twelve_sessions_at(80, 24);
    let first = screen(&h, 80, 24);
    insta::assert_snapshot!("twelve_sessions_80x24", first);
    let header = first
        .lines()
        .find(|l| l.contains("S12"))
        .expect("S12 shown");
    assert!(!header.contains("S1 "), "{header}");
    let grid = timeline(&h).grid(80, |s| s.chars().count());
    assert!(grid.shown < 12 && grid.first + grid.shown == 12, "{grid:?}");
    // ← shows earlier sessions, down to the first, and no further.
    for _ in 0..20 {
        h.code(KeyCode::Left);
    }
    assert_eq!(timeline(&h).first_session, Some(0));
    let start = screen(&h, 80, 24);
    assert!(start.lines().any(|l| l.contains("S1 ")), "{start}");
    assert!(!start.contains("S12"), "{start}");
    // → back to the latest: the default again, whatever number of sessions comes.
    for _ in 0..20 {
        h.code(KeyCode::Right);
    }
    assert_eq!(timeline(&h).first_session, None);
    assert_eq!(screen(&h, 80, 24), first);
    // The member name column stays while the sessions scroll.
    let name = timeline(&h).attendance.members[1].member.name.clone();
    let short = name.split_whitespace().next().unwrap().to_string();
    assert!(start.contains(&short) && first.contains(&short));
}

#[test]
fn wide_screens_in_french_and_english() {
    let Folder { mut h, .. } = folder();
    select_tailors(&mut h);
    h.keys("t");
    h.send(Msg::Resized {
        width: 160,
        height: 45,
    });
    insta::assert_snapshot!("attendance_160x45", screen(&h, 160, 45));
    h.tab();
    insta::assert_snapshot!("actions_160x45", screen(&h, 160, 45));
    h.model.lang = Lang::En;
    h.back_tab();
    let en = screen(&h, 80, 24);
    assert!(
        en.contains(Lang::En.strings().timeline.legend_attendance),
        "{en}"
    );
    insta::assert_snapshot!("attendance_en_80x24", en);
}

/// Where each member row's rate starts, in columns, must be the same on every row:
/// Arabic names and an emoji take their real width.
#[test]
fn arabic_names_and_emoji_keep_the_columns_aligned() {
    let mut sessions = sample::series(t0(), SEED);
    for s in &mut sessions {
        s.group.members[0].name = "Zineb 🧵 Tahiri".into();
    }
    assert!(
        sessions[2]
            .group
            .members
            .iter()
            .any(|m| m.name.chars().any(|c| ('\u{600}'..='\u{6ff}').contains(&c)))
    );
    let mut h = Harness::new();
    h.send(Msg::TimelineLoaded {
        sessions,
        skipped: 0,
    });
    let buf = draw(&h.model, 80, 24);
    // The column of the first "%" cell of each row: the rate's, on member rows.
    let mut ends = Vec::new();
    for y in 0..24 {
        if let Some(x) = (0..80).find(|&x| buf[(x, y)].symbol() == "%") {
            ends.push(x);
        }
    }
    assert_eq!(ends.len(), 9, "{ends:?}");
    assert!(ends.windows(2).all(|w| w[0] == w[1]), "{ends:?}");
    // The emoji and the Arabic names are there whole.
    let shown = text(&buf);
    assert!(shown.contains("Zineb 🧵 Tahiri"), "{shown}");
    assert!(shown.contains("حليمة الزياني"), "{shown}");
}

#[test]
fn unreadable_files_are_counted_and_no_session_is_a_message() {
    let mut h = Harness::new();
    h.send(Msg::TimelineLoaded {
        sessions: Vec::new(),
        skipped: 2,
    });
    assert!(matches!(h.model.screen, Screen::Home));
    assert_eq!(h.flash(), Some(h.strings().home_group_unreadable));
    h.send(Msg::TimelineLoaded {
        sessions: sample::series(t0(), SEED),
        skipped: 1,
    });
    let shown = screen(&h, 80, 24);
    let sentence = h.strings().timeline.skipped.n(1);
    assert!(shown.contains(&sentence[..40]), "{shown}");
}

#[test]
fn the_recurring_needs_scroll_stops_at_the_end() {
    let mut h = twelve_sessions_at(60, 16);
    h.back_tab();
    assert_eq!(timeline(&h).pane, TimelinePane::Needs);
    let rows = timeline(&h).need_rows().len();
    let page = timeline(&h).pane_rows((60, 16));
    h.code(KeyCode::End);
    assert_eq!(timeline(&h).needs_scroll, rows.saturating_sub(page));
    h.code(KeyCode::Down);
    assert_eq!(timeline(&h).needs_scroll, rows.saturating_sub(page));
    h.code(KeyCode::Home);
    assert_eq!(timeline(&h).needs_scroll, 0);
}

#[test]
fn every_size_from_1x1_draws_without_a_panic() {
    let mut h = Harness::new();
    h.send(Msg::TimelineLoaded {
        sessions: twelve_sessions(),
        skipped: 1,
    });
    for pane in 0..3 {
        for width in (1..=100).step_by(3) {
            for height in 1..=30 {
                h.model.size = (width, height);
                draw(&h.model, width, height);
            }
        }
        // Moving at a cramped size too.
        h.model.size = (60, 16);
        for code in [KeyCode::End, KeyCode::Left, KeyCode::PageUp, KeyCode::Right] {
            h.code(code);
        }
        insta::assert_snapshot!(format!("cramped_60x16_pane{pane}"), screen(&h, 60, 16));
        h.tab();
    }
}

#[test]
fn x_in_the_actions_pane_exports_the_groups_tracker_and_nowhere_else_in_the_timeline() {
    let Folder { mut h, dir } = folder();
    select_tailors(&mut h);
    h.keys("t");
    let before = h.effects.len();
    // The attendance grid has no X: nothing happens.
    h.keys("X");
    assert_eq!(h.effects.len(), before);
    h.tab();
    assert_eq!(timeline(&h).pane, TimelinePane::Actions);
    h.keys("X");
    assert!(
        matches!(h.effects.last(), Some(Effect::ExportTracker { group, .. }) if *group == tailors())
    );
    // Written beside the minutes by the runner, the place said, and the screen stays.
    let exports = dir.join("exports");
    let slug = atelier::store::slug(&timeline(&h).group.name);
    for ext in ["md", "html", "csv"] {
        assert!(
            exports.join(format!("actions_{slug}.{ext}")).is_file(),
            "{ext}"
        );
    }
    assert!(h.flash().unwrap().contains(&exports.display().to_string()));
    assert!(matches!(h.model.screen, Screen::Timeline(_)));
    h.send(Msg::Exported(Err("disque plein".into())));
    assert_eq!(h.flash(), Some("disque plein"));
}

#[test]
fn the_trackers_overdue_actions_are_late_today_not_at_the_groups_last_session() {
    let overdue_when = |today: chrono::NaiveDate| {
        let Folder { mut h, .. } = folder();
        h.now = today.and_hms_opt(9, 0, 0).unwrap().and_utc();
        select_tailors(&mut h);
        h.keys("t");
        timeline(&h).actions.iter().filter(|a| a.overdue).count()
    };
    let last = sample::series(t0(), SEED)
        .iter()
        .map(|s| s.date)
        .max()
        .unwrap();
    let open_with_due = sample::series(t0(), SEED)
        .last()
        .unwrap()
        .plan
        .actions
        .iter()
        .filter(|a| a.due.is_some_and(|d| d >= last))
        .count();
    assert!(open_with_due > 0);
    // The session 3's own actions are due after it: late only once that day has passed.
    let far = last + TimeDelta::days(365);
    assert_eq!(overdue_when(far), overdue_when(last) + open_with_due);
}
