//! A file that a sync tool brings, changes or takes away while atelier is open shows without
//! a restart: the folder watcher (one `stat` of the folder every 2 s in the app) says the
//! folder changed, and the home screen and the review browser list it again, the selection
//! staying on what was selected. Other screens list nothing; the watcher never sends
//! anything while the folder is unchanged. The files are written as Syncthing writes them
//! (a temporary file, then a rename).

mod common;
#[path = "common/tmux.rs"]
mod tmux;

use atelier::model::Session;
use atelier::store::{self, Store};
use atelier::ui::{HomePane, Screen};
use atelier::update::{Effect, Msg};
use chrono::{TimeZone, Utc};
use common::{Harness, folder_of};
use std::path::{Path, PathBuf};
use std::time::Duration;

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap()
}

/// Writes a session into `dir` as Syncthing does: a temporary file, then a rename.
fn synced_in(dir: &Path, session: &Session) -> PathBuf {
    let path = Store::new(dir).path_for_new(session);
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let tmp = dir.join(format!(".syncthing.{name}.tmp"));
    store::save(&tmp, session).unwrap();
    std::fs::rename(&tmp, &path).unwrap();
    path
}

fn listed(h: &Harness, path: &Path) -> bool {
    h.model.home.recent.iter().any(|e| e.path == path)
}

#[test]
fn the_folder_changed_lists_it_again_on_the_home_screen_and_in_the_browser_only() {
    let mut h = Harness::new();
    assert!(matches!(h.model.screen, Screen::Home));
    let from = h.effects.len();
    h.send(Msg::FolderChanged);
    assert_eq!(h.effects[from..], [Effect::Refresh]);
    h.keys("r");
    assert!(matches!(h.model.screen, Screen::Review(_)));
    let from = h.effects.len();
    h.send(Msg::FolderChanged);
    assert_eq!(h.effects[from..], [Effect::Refresh]);

    // In a session nothing is listed: going home does it.
    let mut h = Harness::with_session(atelier::sample::bakers_session(now(), 99), false);
    let from = h.effects.len();
    h.send(Msg::FolderChanged);
    assert!(h.effects[from..].is_empty(), "{:?}", &h.effects[from..]);
}

#[test]
fn a_session_a_sync_brings_shows_on_the_home_screen_and_the_selection_stays_put() {
    let series = atelier::sample::series(now(), 7);
    let mut f = folder_of(series[..2].to_vec(), |_| {});
    let tailors = series[0].group.id.clone();
    // The second recent session selected: the tailors' first.
    f.h.tab();
    assert_eq!(f.h.model.home.pane, HomePane::Recent);
    f.h.keys("j");
    let selected = f.h.model.home.recent[f.h.model.home.recent_sel]
        .path
        .clone();
    f.h.watch_folder(Duration::from_millis(50));

    // A colleague's machine saves session 3, and another group's session, newer.
    let third = synced_in(&f.dir, &series[2]);
    let mut bakers = atelier::sample::bakers_session(now(), 99);
    bakers.date = series[2].date + chrono::Days::new(1);
    bakers.saved = series[2].saved + chrono::TimeDelta::hours(1);
    let theirs = synced_in(&f.dir, &bakers);
    assert!(
        f.h.pump_until(5, |h| listed(h, &third) && listed(h, &theirs)),
        "not listed: {:?}",
        f.h.model.home.recent
    );
    let home = &f.h.model.home;
    assert_eq!(home.groups.len(), 2);
    assert_eq!(home.recent.len(), 4);
    assert_eq!(home.recent[home.recent_sel].path, selected, "the same file");
    assert_eq!(
        home.groups[home.group_sel].id, tailors,
        "the same group, though another came on top"
    );

    // Taken away on the other machine: gone here too.
    std::fs::remove_file(&theirs).unwrap();
    assert!(f.h.pump_until(5, |h| !listed(h, &theirs)));
    assert_eq!(f.h.model.home.groups.len(), 1);
}

#[test]
fn the_review_browser_lists_a_synced_session_and_keeps_its_row_selected() {
    synced_row_kept_selected(false);
}

/// The same when the rows are filtered off the UI thread (many of them): the last rows stay
/// on screen until the new ones are filtered, then the selection finds its file again.
#[test]
fn the_selection_finds_its_file_again_when_many_rows_are_filtered_off_the_ui_thread() {
    synced_row_kept_selected(true);
}

fn synced_row_kept_selected(off_thread: bool) {
    let series = atelier::sample::series(now(), 7);
    let mut f = folder_of(series[..2].to_vec(), |_| {});
    f.h.keys("r");
    if off_thread && let Screen::Review(b) = &mut f.h.model.screen {
        b.off_thread_from = 0;
    }
    // The newest first: session 2, then session 1, selected.
    f.h.keys("j");
    let row = |h: &Harness| {
        let Screen::Review(b) = &h.model.screen else {
            panic!("the browser")
        };
        let rows = &h.model.home.rows;
        rows[b.visible(rows)[b.sel]].path.clone()
    };
    let selected = row(&f.h);
    f.h.watch_folder(Duration::from_millis(50));
    let third = synced_in(&f.dir, &series[2]);
    assert!(f.h.pump_until(5, |h| h.model.home.rows.iter().any(|r| r.path == third)));
    assert_eq!(f.h.model.home.rows.len(), 3);
    assert_eq!(row(&f.h), selected, "the same row, one further down");
    let Screen::Review(b) = &f.h.model.screen else {
        panic!("the browser")
    };
    assert!(!b.filtering());
}

#[test]
fn a_session_file_added_from_outside_shows_on_the_home_screen_within_seconds() {
    if !tmux::available() {
        return;
    }
    let mut t = tmux::Term::new(100, 30);
    let dir = t.path("sessions");
    std::fs::create_dir(&dir).unwrap();
    let st = Store::new(&dir);
    let series = atelier::sample::series(now(), 7);
    for session in &series {
        store::save(&st.path_for_new(session), session).unwrap();
    }
    let bakers = atelier::sample::bakers_session(now(), 99);
    let name = bakers.group.name.clone();
    t.start(
        &["--dir", dir.to_str().unwrap()],
        &[("RUST_BACKTRACE", "0")],
    );
    t.wait_for(&series[0].group.name);
    assert!(!t.screen().contains(&name));
    let start = std::time::Instant::now();
    synced_in(&dir, &bakers);
    t.wait_for(&name);
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "{:?}",
        start.elapsed()
    );
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
}
