//! The folder's summary cache: fast when nothing changed, never the source of truth.
//!
//! Files are given a modification time in the past: a file younger than a few seconds is
//! never cached (its time stamp may not change at its next save on a coarse file system).

use atelier::model::Session;
use atelier::store::{self, LoadError, Store};
use chrono::{TimeZone, Utc};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

fn samples() -> Vec<Session> {
    let now = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap();
    let mut v = atelier::sample::series(now, 11);
    v.push(atelier::sample::bakers_session(now, 12));
    v
}

/// An hour ago, plus `secs`: settled, and different for each call that asks for it.
fn past(secs: u64) -> SystemTime {
    SystemTime::now() - Duration::from_secs(3600) + Duration::from_secs(secs)
}

fn set_time(path: &Path, t: SystemTime) {
    fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(t)
        .unwrap();
}

fn save(dir: &Path, s: &Session, t: SystemTime) -> PathBuf {
    let path = Store::new(dir).path_for_new(s);
    store::save(&path, s).unwrap();
    set_time(&path, t);
    path
}

fn folder() -> (tempfile::TempDir, Vec<PathBuf>) {
    let dir = tempfile::tempdir().unwrap();
    let paths = samples()
        .iter()
        .enumerate()
        .map(|(i, s)| save(dir.path(), s, past(i as u64)))
        .collect();
    (dir, paths)
}

/// The listing as the lists see it, for comparing a cached listing with a parsed one.
fn seen(l: &store::Listing) -> Vec<(PathBuf, store::Summary)> {
    l.sessions
        .iter()
        .map(|s| (s.path.clone(), s.clone()))
        .collect()
}

fn cache_of(dir: &Path) -> String {
    fs::read_to_string(store::cache_path(dir).unwrap()).unwrap()
}

#[test]
fn the_cache_gives_the_same_listing_as_parsing_every_file() {
    let (dir, paths) = folder();
    let parsed = Store::new(dir.path()).without_index().list();
    assert_eq!(parsed.sessions.len(), paths.len());
    let cache = cache_of(dir.path());
    assert_eq!(
        cache.lines().count(),
        1 + paths.len(),
        "a header and a line per file"
    );

    let cached = Store::new(dir.path()).without_index().list();
    assert_eq!(seen(&cached), seen(&parsed));
    assert_eq!(
        cache_of(dir.path()),
        cache,
        "nothing changed, nothing rewritten"
    );
}

#[test]
fn the_cache_is_used_when_nothing_changed() {
    let (dir, paths) = folder();
    Store::new(dir.path()).without_index().list();
    // The summary in the cache is believed while the file's size and time are the same: put
    // a different group name of the same length into the cache to see it is the one listed.
    let cache = cache_of(dir.path());
    assert!(cache.contains("Boulangers de Tanger"));
    fs::write(
        store::cache_path(dir.path()).unwrap(),
        cache.replace("Boulangers de Tanger", "Boulangers de Tétouan"),
    )
    .unwrap();
    let listing = Store::new(dir.path()).without_index().list();
    assert_eq!(listing.sessions.len(), paths.len());
    assert!(
        listing
            .sessions
            .iter()
            .any(|s| &*s.group_name == "Boulangers de Tétouan")
    );
}

#[test]
fn a_file_copied_in_after_the_cache_was_written_shows_up() {
    let (dir, paths) = folder();
    let before = Store::new(dir.path()).without_index().list();
    // A copy of a folder from another advisor: a new name, an old time.
    let copied = dir.path().join("copie-de-fatima.ron");
    fs::copy(&paths[0], &copied).unwrap();
    set_time(&copied, past(0) - Duration::from_secs(86_400));
    let after = Store::new(dir.path()).without_index().list();
    assert_eq!(after.sessions.len(), before.sessions.len() + 1);
    assert!(after.by_path(&copied).is_some());
    assert!(cache_of(dir.path()).contains("copie-de-fatima.ron"));
}

#[test]
fn a_file_replaced_by_a_copy_with_the_same_name_is_read_again() {
    let (dir, paths) = folder();
    Store::new(dir.path()).without_index().list();
    // Another session copied over an existing file name (size and time differ).
    fs::copy(&paths[1], &paths[0]).unwrap();
    set_time(&paths[0], past(100));
    let listing = Store::new(dir.path()).without_index().list();
    let s = listing.by_path(&paths[0]).unwrap();
    let other = listing.by_path(&paths[1]).unwrap();
    assert_eq!(s.id, other.id);
    assert_eq!(s.search, other.search);
}

#[test]
fn a_changed_file_is_read_again() {
    let (dir, paths) = folder();
    Store::new(dir.path()).without_index().list();
    let mut s = store::load(&paths[0]).unwrap();
    s.group.name = "Groupe renommé".into();
    store::save(&paths[0], &s).unwrap();
    // Even with the old time: the size differs.
    set_time(&paths[0], past(0));
    let listing = Store::new(dir.path()).without_index().list();
    let got = listing.by_path(&paths[0]).unwrap();
    assert_eq!(&*got.group_name, "Groupe renommé");
    assert!(
        got.search
            .as_deref()
            .unwrap()
            .starts_with("groupe renomme\n")
    );

    // Same size, another time: read again too.
    s.group.name = "Groupe renommè".into();
    store::save(&paths[0], &s).unwrap();
    set_time(&paths[0], past(1000));
    let listing = Store::new(dir.path()).without_index().list();
    assert_eq!(
        &*listing.by_path(&paths[0]).unwrap().group_name,
        "Groupe renommè"
    );
}

#[test]
fn a_file_saved_just_now_is_not_cached_until_it_settles() {
    let dir = tempfile::tempdir().unwrap();
    let path = Store::new(dir.path()).path_for_new(&samples()[0]);
    store::save(&path, &samples()[0]).unwrap();
    let listing = Store::new(dir.path()).without_index().list();
    assert_eq!(listing.sessions.len(), 1);
    let cache = fs::read_to_string(store::cache_path(dir.path()).unwrap()).unwrap_or_default();
    assert!(cache.lines().count() <= 1, "{cache}");
}

#[test]
fn a_removed_file_disappears_from_the_listing_and_the_cache() {
    let (dir, paths) = folder();
    Store::new(dir.path()).without_index().list();
    fs::remove_file(&paths[0]).unwrap();
    let listing = Store::new(dir.path()).without_index().list();
    assert_eq!(listing.sessions.len(), paths.len() - 1);
    assert!(listing.by_path(&paths[0]).is_none());
    let name = paths[0].file_name().unwrap().to_str().unwrap();
    assert!(!cache_of(dir.path()).contains(name));
}

#[test]
fn a_corrupt_or_foreign_cache_is_ignored_and_rebuilt() {
    let (dir, paths) = folder();
    let good = Store::new(dir.path()).without_index().list();
    let cache = cache_of(dir.path());
    let mut middle = cache.len() / 2;
    while !cache.is_char_boundary(middle) {
        middle += 1;
    }
    let half = &cache[..middle];
    let newer = cache.replacen("format:5", "format:99", 1);
    assert_ne!(newer, cache);
    for bad in [
        String::new(),
        "not ron at all\n".to_string(),
        half.to_string(),
        newer,
        "\u{0}\u{1}binary".to_string(),
    ] {
        fs::write(store::cache_path(dir.path()).unwrap(), &bad).unwrap();
        let listing = Store::new(dir.path()).without_index().list();
        assert_eq!(
            seen(&listing),
            seen(&good),
            "with a cache of {:?}",
            bad.get(..40)
        );
        assert!(listing.unreadable.is_empty(), "the cache is never reported");
        assert_eq!(cache_of(dir.path()), cache, "and is rebuilt");
    }
    assert_eq!(good.sessions.len(), paths.len());
}

#[test]
fn a_folder_for_the_cache_is_no_trouble() {
    let (dir, paths) = folder();
    let cache = store::cache_path(dir.path()).unwrap();
    fs::create_dir_all(&cache).unwrap();
    let listing = Store::new(dir.path()).without_index().list();
    fs::remove_dir(&cache).unwrap();
    assert_eq!(listing.sessions.len(), paths.len());
    assert!(listing.unreadable.is_empty());
}

#[test]
fn unreadable_files_are_listed_apart_and_never_cached() {
    let (dir, paths) = folder();
    let cut = dir.path().join("coupe.ron");
    let text = fs::read_to_string(&paths[0]).unwrap();
    fs::write(&cut, &text[..text.len() / 2]).unwrap();
    set_time(&cut, past(5));
    for _ in 0..2 {
        let listing = Store::new(dir.path()).without_index().list();
        assert_eq!(listing.sessions.len(), paths.len());
        assert_eq!(listing.unreadable.len(), 1);
        assert_eq!(listing.unreadable[0].0, cut);
        assert!(matches!(
            listing.unreadable[0].1,
            LoadError::Truncated { .. }
        ));
        assert!(!cache_of(dir.path()).contains("coupe.ron"));
    }
}

#[test]
fn the_cache_never_hides_a_file_that_fails_to_load_now() {
    let (dir, paths) = folder();
    Store::new(dir.path()).without_index().list();
    // A good file, cached, then cut (a bad copy over it): listed apart, not from the cache.
    let text = fs::read_to_string(&paths[0]).unwrap();
    fs::write(&paths[0], &text[..text.len() - 10]).unwrap();
    set_time(&paths[0], past(0));
    let listing = Store::new(dir.path()).without_index().list();
    assert!(listing.by_path(&paths[0]).is_none());
    assert_eq!(listing.unreadable.len(), 1);
    assert_eq!(listing.unreadable[0].0, paths[0]);
    let name = paths[0].file_name().unwrap().to_str().unwrap();
    assert!(!cache_of(dir.path()).contains(name));
}

#[test]
fn the_search_text_holds_what_the_browser_filters_on_lowercased_without_accents() {
    use atelier::trades::fold;
    let s = &samples()[0];
    let text = store::search_text(s);
    assert!(text.len() <= store::SEARCH_MAX);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], fold(&s.group.name));
    assert!(lines.contains(&fold(&s.group.trade).as_str()));
    assert!(lines.contains(&fold(s.group.region.name()).as_str()));
    assert!(lines.contains(&fold(&s.group.advisor).as_str()));
    for c in &s.needs.cards {
        assert!(text.contains(&fold(&c.text)), "{}", c.text);
    }
    // Accents folded: the filter folds what is typed the same way.
    assert!(!text.contains('é') && !text.contains('è') && !text.contains('à'));
    assert_eq!(text, text.to_lowercase());
}

#[test]
fn the_search_text_is_cut_on_a_character_boundary() {
    let now = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap();
    let mut s = atelier::sample::large_session(now, 3, 200, 10, 40, 10, 10);
    s.group.name = "é".repeat(5000);
    let text = store::search_text(&s);
    assert!(text.len() <= store::SEARCH_MAX && text.len() > store::SEARCH_MAX - 4);
}

#[test]
fn progress_counts_the_files_parsed() {
    let (dir, paths) = folder();
    let seen = std::sync::Mutex::new(Vec::new());
    Store::new(dir.path())
        .without_index()
        .list_with_progress(&|done, total| seen.lock().unwrap().push((done, total)));
    let mut seen = seen.into_inner().unwrap();
    seen.sort();
    let want: Vec<(usize, usize)> = (1..=paths.len()).map(|i| (i, paths.len())).collect();
    assert_eq!(seen, want);
    // Nothing to parse the second time.
    let again = std::sync::Mutex::new(0);
    Store::new(dir.path())
        .without_index()
        .list_with_progress(&|_, _| *again.lock().unwrap() += 1);
    assert_eq!(*again.lock().unwrap(), 0);
}

#[test]
fn sessions_are_loaded_one_at_a_time() {
    let (dir, paths) = folder();
    fs::write(dir.path().join("vide.ron"), "").unwrap();
    let all: Vec<_> = Store::new(dir.path()).sessions().collect();
    assert_eq!(all.len(), paths.len() + 1);
    assert_eq!(all.iter().filter(|(_, r)| r.is_ok()).count(), paths.len());
    assert!(
        all.iter()
            .any(|(p, r)| p.ends_with("vide.ron") && *r.as_ref().unwrap_err() == LoadError::Empty)
    );
}

#[test]
fn a_listing_without_cache_gives_the_summaries_of_the_whole_files() {
    // The light path (history and method skipped) against the ordinary parse of each file.
    let (dir, paths) = folder();
    let listed = Store::new(dir.path()).without_index().list();
    for path in &paths {
        let whole = store::load(path).unwrap();
        let mut expected = store::Summary::of(&whole, path.clone(), None);
        let got = listed.by_path(path).unwrap().clone();
        expected.modified = got.modified;
        expected.shadowed = got.shadowed;
        assert_eq!(got, expected, "{}", path.display());
    }
}

#[test]
fn listing_again_shares_the_search_texts_already_in_memory() {
    let (dir, paths) = folder();
    let st = Store::new(dir.path()).without_index();
    let first = st.list();
    let known: store::Known = first
        .sessions
        .iter()
        .map(|s| {
            let name = s.path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::sync::Arc::clone(s.search.as_ref().unwrap()))
        })
        .collect();
    // One file changes; the others come from the cache, their texts shared.
    let changed = &paths[0];
    let mut s = store::load(changed).unwrap();
    s.group.name = "Groupe renommé".into();
    store::save(changed, &s).unwrap();
    set_time(changed, past(500));
    let again = st.list_sharing(&known, &|_, _| {});
    for s in &again.sessions {
        let before = first.by_path(&s.path).unwrap();
        if &s.path == changed {
            assert!(s.search.as_deref().unwrap().starts_with("groupe renomme\n"));
            assert!(!std::sync::Arc::ptr_eq(
                s.search.as_ref().unwrap(),
                before.search.as_ref().unwrap()
            ));
        } else {
            assert!(
                std::sync::Arc::ptr_eq(s.search.as_ref().unwrap(), before.search.as_ref().unwrap()),
                "{} holds its text twice",
                s.path.display()
            );
        }
    }
    // The same listing as without sharing.
    assert_eq!(seen(&again), seen(&st.list()));
}
