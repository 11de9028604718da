//! The home screen's first screenful from the folder's index (issue 14, point 5): shown at
//! once at start while the folder is listed whole, the same rows as the whole listing gives,
//! then replaced by it.

mod common;

use atelier::i18n::Lang;
use atelier::model::{Id, SessionState};
use atelier::runner::{Done, Runner, Setup};
use atelier::sample;
use atelier::store::index::Index;
use atelier::store::{self, Store};
use atelier::ui::Home;
use atelier::update::{Effect, Msg, update};
use chrono::Duration;
use std::sync::{Arc, Mutex};

/// Twelve groups (the shipped two, and copies of them under other ids, names and dates),
/// one session copied twice under another name, and the index removed when the test ends.
struct Folder {
    dir: tempfile::TempDir,
}

impl Drop for Folder {
    fn drop(&mut self) {
        Index::delete(self.dir.path());
    }
}

fn folder() -> Folder {
    let dir = tempfile::tempdir().unwrap();
    for copy in 0..6 {
        for s in sample::shipped() {
            let mut s = s.clone();
            s.id = Id(format!("{}-{copy}", s.id.as_str()));
            s.group.id = Id(format!("{}-{copy}", s.group.id.as_str()));
            s.group.name = format!("{} {copy}", s.group.name);
            s.date += Duration::days(copy * 9);
            s.saved += Duration::days(copy * 9);
            let name = format!("{}-{copy}.ron", s.id.as_str());
            store::save(&dir.path().join(name), &s).unwrap();
        }
    }
    // The latest session of one group copied under another name, saved earlier: the older
    // copy is listed, marked, and never counted twice.
    let latest = sample::shipped()
        .into_iter()
        .max_by_key(|s| s.saved)
        .unwrap();
    let mut older = latest.clone();
    older.id = Id(format!("{}-5", latest.id.as_str()));
    older.group.id = Id(format!("{}-5", latest.group.id.as_str()));
    older.group.name = format!("{} 5", latest.group.name);
    older.date += Duration::days(45);
    older.saved += Duration::days(45) - Duration::hours(1);
    store::save(&dir.path().join("copy.ron"), &older).unwrap();
    Folder { dir }
}

#[test]
fn the_first_screen_from_the_index_has_the_rows_of_the_whole_listing() {
    let f = folder();
    let whole = Home::from_listing(Store::new(f.dir.path()).without_index().list(), Lang::Fr);
    let mut index = Index::open(f.dir.path()).unwrap();
    assert!(
        index.first_screen(100).unwrap().is_none(),
        "nothing indexed yet"
    );
    index.refresh(&|_, _| {}).unwrap();

    let first = index.first_screen(100).unwrap().unwrap();
    let home = Home::first_screen(first, Lang::Fr);
    assert_eq!(whole.groups.len(), 12);
    assert_eq!(home.partial, Some(12));
    assert_eq!(
        home.groups, whole.groups,
        "every group, its count, latest and open session"
    );
    assert!(
        home.groups.iter().any(|g| g.open.is_some())
            && whole
                .groups
                .iter()
                .any(|g| g.last.state == SessionState::Closed)
    );
    assert_eq!(
        home.recent, whole.recent,
        "the sessions saved last, the older copy marked"
    );
    assert!(home.recent.iter().any(|e| e.shadowed));
    assert!(
        home.rows.is_empty(),
        "the review browser waits for the whole listing"
    );

    // A file removed since the index last looked is not offered.
    let gone = &whole.recent[0].path;
    std::fs::rename(gone, f.dir.path().join("moved.txt")).unwrap();
    let first = index.first_screen(100).unwrap().unwrap();
    let home = Home::first_screen(first, Lang::Fr);
    assert!(home.recent.iter().all(|e| e.path != *gone));
    assert!(home.groups.iter().all(|g| g.last.path != *gone));
    std::fs::rename(f.dir.path().join("moved.txt"), gone).unwrap();

    // Fewer groups asked: the first ones, the folder's count kept.
    let first = index.first_screen(3).unwrap().unwrap();
    let home = Home::first_screen(first, Lang::Fr);
    assert_eq!(home.groups, whole.groups[..3]);
    assert_eq!(home.partial, Some(12));
}

#[test]
fn the_first_screen_shows_at_once_then_the_whole_listing_replaces_it() {
    let f = folder();
    // Refreshed by a first run of atelier on the folder.
    Index::open(f.dir.path())
        .unwrap()
        .refresh(&|_, _| {})
        .unwrap();
    let (mut runner, done) = runner(&f);
    runner.perform(vec![Effect::Refresh]);
    runner.settle_listing();
    runner.settle();
    let homes: Vec<Home> = std::mem::take(&mut *done.lock().unwrap())
        .into_iter()
        .filter_map(|d| match d {
            Done::Msg(Msg::Listed(home)) => Some(home),
            _ => None,
        })
        .collect();
    assert_eq!(homes.len(), 2, "the first screen, then the whole listing");
    assert_eq!(homes[0].partial, Some(12));
    assert_eq!(homes[1].partial, None);
    assert_eq!(homes[0].groups, homes[1].groups);

    // On screen: the folder's count of groups in the title, the browser waiting for the
    // rest; then everything.
    let mut h = common::Harness::in_dir(tempfile::tempdir().unwrap());
    let model = &mut h.model;
    let mut first = homes[0].clone();
    first.groups.truncate(2);
    update(model, Msg::Listed(first));
    assert!(!model.home.loaded);
    let text = common::screen::text(&common::screen::draw(model, 100, 30));
    assert!(text.contains("Groupes (12)"), "{text}");
    update(model, Msg::Listed(homes[1].clone()));
    assert!(model.home.loaded);
    assert!(!model.home.rows.is_empty());
}

/// The app's runner on the folder, and what it answers.
fn runner(f: &Folder) -> (Runner, Arc<Mutex<Vec<Done>>>) {
    let done: Arc<Mutex<Vec<Done>>> = Arc::default();
    let collected = Arc::clone(&done);
    let runner = Runner::new(
        Setup {
            store: Store::new(f.dir.path()),
            lang: Lang::Fr,
            exports: None,
            read_only: false,
            following: false,
            fail_saves: Arc::default(),
        },
        Arc::new(move |d| collected.lock().unwrap().push(d)),
    );
    (runner, done)
}

thread_local! {
    /// Whether the last refresh asked of `listed_homes` was announced by `Msg::Relisting`.
    static RELISTED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// How many whole listings the runner sends for one refresh asked; a listing again is
/// announced by `Msg::Relisting` (the home screen lets go of its rows meanwhile).
fn listed_homes(runner: &mut Runner, done: &Mutex<Vec<Done>>) -> usize {
    listed_after(runner, done, Effect::Refresh)
}

/// [`listed_homes`] for `Effect::Refresh` or `Effect::Relist`.
fn listed_after(runner: &mut Runner, done: &Mutex<Vec<Done>>, asked: Effect) -> usize {
    runner.perform(vec![asked]);
    runner.settle_listing();
    runner.settle();
    let said: Vec<Done> = std::mem::take(&mut *done.lock().unwrap());
    let listed = said
        .iter()
        .filter(|d| matches!(d, Done::Msg(Msg::Listed(h)) if h.partial.is_none()))
        .count();
    let relisting = said
        .iter()
        .position(|d| matches!(d, Done::Msg(Msg::Relisting)));
    let whole = said
        .iter()
        .position(|d| matches!(d, Done::Msg(Msg::Listed(h)) if h.partial.is_none()));
    match (relisting, whole) {
        (Some(r), Some(w)) => assert!(r < w, "said before the listing"),
        (Some(_), None) => panic!("announced, never sent"),
        _ => {}
    }
    RELISTED.with(|c| c.set(relisting.is_some()));
    listed
}

#[test]
fn a_folder_unchanged_since_its_last_listing_is_not_listed_again() {
    let f = folder();
    let set_folder_time = |ago: u64| {
        let t = std::time::SystemTime::now() - std::time::Duration::from_secs(ago);
        std::fs::File::open(f.dir.path())
            .unwrap()
            .set_modified(t)
            .unwrap();
    };
    set_folder_time(60);
    let (mut runner, done) = runner(&f);
    assert_eq!(listed_homes(&mut runner, &done), 1);
    assert!(
        !RELISTED.with(|c| c.get()),
        "the first listing is no listing again"
    );
    // The review browser opened, back home: nothing was added, removed or renamed.
    assert_eq!(listed_homes(&mut runner, &done), 0);
    // Back from the programme screen, which let go of the rows: listed again all the same.
    assert_eq!(listed_after(&mut runner, &done, Effect::Relist), 1);
    assert_eq!(listed_homes(&mut runner, &done), 0);
    // A file saved (an atomic rename): listed again, once (the listing waits the moment it
    // takes for a change to show in the folder's time).
    let s = sample::shipped().remove(0);
    store::save(&f.dir.path().join("new.ron"), &s).unwrap();
    assert_eq!(listed_homes(&mut runner, &done), 1);
    assert!(RELISTED.with(|c| c.get()));
    assert_eq!(listed_homes(&mut runner, &done), 0);
    // A file system with whole seconds (the folder's time says so), its time not yet past
    // (here a minute ahead, as another machine's clock may set it): a change in the same
    // second would not show, so it is listed again each time.
    let ahead = std::time::SystemTime::now() + std::time::Duration::from_secs(60);
    let whole = std::time::UNIX_EPOCH
        + std::time::Duration::from_secs(
            ahead
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_secs(),
        );
    std::fs::File::open(f.dir.path())
        .unwrap()
        .set_modified(whole)
        .unwrap();
    assert_eq!(listed_homes(&mut runner, &done), 1);
    assert_eq!(listed_homes(&mut runner, &done), 1);
    // A file that cannot be read is read again each time, the folder unchanged.
    std::fs::write(f.dir.path().join("broken.ron"), "(").unwrap();
    set_folder_time(60);
    assert_eq!(listed_homes(&mut runner, &done), 1);
    assert_eq!(listed_homes(&mut runner, &done), 1);
}
