use super::*;
use crate::model::{Id, Session};
use crate::store::{self, FindError, Listing};
use chrono::{TimeZone, Utc};
use std::collections::HashSet;
use std::fs::File;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

/// A folder of sessions whose index is removed when the test ends.
struct Folder {
    dir: tempfile::TempDir,
}

impl Drop for Folder {
    fn drop(&mut self) {
        if let Some(path) = cache_file(self.dir.path(), "index", "sqlite") {
            remove(&path);
        }
    }
}

impl Folder {
    fn new() -> Folder {
        Folder {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn save(&self, name: &str, id: &str, saved_hour: u32) -> PathBuf {
        let now = Utc
            .with_ymd_and_hms(2026, 11, 24, saved_hour, 0, 0)
            .unwrap();
        let mut s: Session = crate::sample::bakers_session(now, 3);
        s.id = Id(id.into());
        s.saved = now;
        let path = self.path().join(name);
        store::save(&path, &s).unwrap();
        path
    }

    /// Every file and the folder dated a minute ago: settled, so the folder's time is
    /// trusted by the next refresh.
    fn settle(&self) {
        let past = SystemTime::now() - Duration::from_secs(60);
        for e in std::fs::read_dir(self.path()).unwrap() {
            File::options()
                .write(true)
                .open(e.unwrap().path())
                .unwrap()
                .set_modified(past)
                .unwrap();
        }
        self.set_folder_time(past);
    }

    fn set_folder_time(&self, t: SystemTime) {
        File::open(self.path()).unwrap().set_modified(t).unwrap();
    }

    fn folder_time(&self) -> SystemTime {
        std::fs::metadata(self.path()).unwrap().modified().unwrap()
    }

    fn find(&self, q: &str) -> Result<String, FindError> {
        find_path(self.path(), q, false)
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
    }
}

#[test]
fn an_id_its_start_or_a_file_name_finds_the_file_as_the_listing_does() {
    let f = Folder::new();
    f.save("a.ron", "sess-aaa111", 9);
    f.save("b.ron", "sess-aab222", 10);
    f.save("Other Name.ron", "sess-ccc333", 11);
    assert_eq!(f.find("sess-aaa111"), Ok("a.ron".into()));
    assert_eq!(f.find("SESS-AAB"), Ok("b.ron".into()));
    assert_eq!(f.find("other name"), Ok("Other Name.ron".into()));
    assert_eq!(f.find("other name.ron"), Ok("Other Name.ron".into()));
    assert_eq!(f.find("sess-zzz"), Err(FindError::NotFound));
    assert_eq!(f.find("  "), Err(FindError::NotFound));
    // The same answers as the folder's listing gives.
    let listing = store::Store::new(f.path()).list();
    for q in ["sess-aab", "sess-aa", "a", "nothing"] {
        assert_eq!(
            listing.find(q).map(|s| s.path.clone()),
            find_path(f.path(), q, false),
            "{q}"
        );
    }
    match f.find("sess-aa") {
        Err(FindError::Ambiguous(mut ids)) => {
            ids.sort();
            assert_eq!(
                ids,
                vec![Id("sess-aaa111".into()), Id("sess-aab222".into())]
            )
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(latest_path(f.path()), Some(f.path().join("Other Name.ron")));
}

#[test]
fn a_session_copied_twice_resolves_to_the_copy_saved_last() {
    let f = Folder::new();
    f.save("old.ron", "sess-dup", 9);
    f.save("new.ron", "sess-dup", 12);
    f.save("other.ron", "sess-other", 10);
    assert_eq!(f.find("sess-dup"), Ok("new.ron".into()));
    assert_eq!(f.find("sess-d"), Ok("new.ron".into()));
    assert_eq!(f.find("old"), Ok("old.ron".into()));
    assert_eq!(latest_path(f.path()), Some(f.path().join("new.ron")));
}

#[test]
fn a_settled_folder_is_trusted_and_a_changed_one_is_read_again() {
    let f = Folder::new();
    f.save("a.ron", "sess-a", 9);
    f.settle();
    assert_eq!(f.find("sess-a"), Ok("a.ron".into()));
    let index = Index::open(f.path()).unwrap();
    assert!(index.current(), "the folder's settled time is recorded");

    // A file slipped in without the folder's time changing (no tool does that) is not
    // looked for: the answer came from the index alone, without a look at every file.
    let before = f.folder_time();
    f.save("b.ron", "sess-b", 10);
    f.set_folder_time(before);
    assert_eq!(f.find("sess-b"), Err(FindError::NotFound));

    // Any real arrival changes the folder's time: the index is refreshed.
    f.save("c.ron", "sess-c", 11);
    assert_eq!(f.find("sess-b"), Ok("b.ron".into()));
    assert_eq!(f.find("sess-c"), Ok("c.ron".into()));
    assert_eq!(latest_path(f.path()), Some(f.path().join("c.ron")));

    // A file removed is no longer found.
    std::fs::remove_file(f.path().join("c.ron")).unwrap();
    assert_eq!(f.find("sess-c"), Err(FindError::NotFound));
    assert_eq!(latest_path(f.path()), Some(f.path().join("b.ron")));
}

#[test]
fn a_file_changed_in_place_is_read_again_before_it_answers() {
    let f = Folder::new();
    f.save("a.ron", "sess-a", 9);
    f.settle();
    assert_eq!(f.find("sess-a"), Ok("a.ron".into()));
    // The same name, another session, written in place: the folder's time stays, the
    // file's size and time do not.
    let before = f.folder_time();
    let text = std::fs::read_to_string(f.path().join("a.ron")).unwrap();
    std::fs::write(
        f.path().join("a.ron"),
        text.replace("\"sess-a\"", "\"sess-new\""),
    )
    .unwrap();
    f.set_folder_time(before);
    assert_eq!(f.find("a"), Ok("a.ron".into()));
    assert_eq!(
        f.find("sess-new"),
        Ok("a.ron".into()),
        "the row was read again"
    );
}

#[test]
fn an_unreadable_file_has_no_row_and_a_broken_index_is_built_again() {
    let f = Folder::new();
    f.save("a.ron", "sess-a", 9);
    std::fs::write(f.path().join("broken.ron"), "(not a session").unwrap();
    let mut index = Index::open(f.path()).unwrap();
    let unreadable = index.refresh(&|_, _| {}).unwrap();
    assert_eq!(unreadable.len(), 1);
    assert!(unreadable[0].0.ends_with("broken.ron"));
    assert_eq!(f.find("broken"), Err(FindError::NotFound));
    drop(index);

    let path = cache_file(f.path(), "index", "sqlite").unwrap();
    remove(&path);
    std::fs::write(&path, b"this is no database, and never was").unwrap();
    assert_eq!(f.find("sess-a"), Ok("a.ron".into()));
    let size = std::fs::metadata(&path).unwrap().len();
    assert!(size > 1000, "a database again ({size} bytes)");
}

#[test]
fn records_are_found_by_show_and_left_out_of_a_session_search() {
    let f = Folder::new();
    let records = crate::sample::shipped_records();
    let visit = records
        .iter()
        .find(|r| matches!(r, crate::model::dated::Record::Visit(_)))
        .unwrap();
    let id = visit.dated().id().as_str().to_string();
    store::save_record(&f.path().join("visit.ron"), visit).unwrap();
    f.save("s.ron", "sess-a", 9);
    assert_eq!(
        find_path(f.path(), &id, true),
        Ok(f.path().join("visit.ron"))
    );
    assert_eq!(find_path(f.path(), &id, false), Err(FindError::NotFound));
    assert_eq!(latest_path(f.path()), Some(f.path().join("s.ron")));
}

#[test]
fn the_text_of_sessions_is_searched_by_words_accents_and_case_ignored() {
    let f = Folder::new();
    f.save("a.ron", "sess-a", 9);
    f.save("b.ron", "sess-b", 9);
    let mut index = Index::open(f.path()).unwrap();
    index.refresh(&|_, _| {}).unwrap();
    let listing = store::Store::new(f.path()).without_index().list();
    let text = listing.sessions[0].search.clone().unwrap().to_string();
    // A word of the session, typed with capitals and accents, folded as the filter does.
    let word = text
        .split_whitespace()
        .find(|w| w.chars().count() >= 5)
        .unwrap()
        .to_string();
    let typed = crate::trades::fold(&word.to_uppercase().replacen('E', "É", 1));
    let both: HashSet<String> = ["a.ron".to_string(), "b.ron".to_string()].into();
    // Short words are looked for in the texts the index keeps, as long ones by trigrams.
    let short: String = word.chars().take(2).collect();
    let mut hits = vec![HashSet::new(); 4];
    index
        .word_hits(&[&typed, "zzzqqq", &short, "q\"zz"], |i, name| {
            hits[i].insert(name.to_string());
        })
        .unwrap();
    assert_eq!(hits[0], both);
    assert!(hits[1].is_empty());
    assert_eq!(hits[2], both);
    assert!(
        hits[3].is_empty(),
        "a quote typed is a character, not the query's syntax"
    );
}

#[test]
fn a_listing_through_the_index_is_the_folders_listing_without_its_texts() {
    let f = Folder::new();
    f.save("a.ron", "sess-a", 9);
    f.save("b.ron", "sess-b", 9);
    std::fs::write(f.path().join("broken.ron"), "(not a session").unwrap();
    f.settle();
    let plain = store::Store::new(f.path()).without_index().list();
    let mut index = Index::open(f.path()).unwrap();
    let mut listed = index.listing(&|_, _| {}).unwrap();
    assert!(listed.sessions.iter().all(|s| s.search.is_none()));
    for s in &mut listed.sessions {
        s.search = plain.by_path(&s.path).unwrap().search.clone();
    }
    assert_eq!(listed.sessions, plain.sessions);
    assert_eq!(listed.unreadable.len(), 1);
    assert_eq!(listed.unreadable[0].0, plain.unreadable[0].0);
    // Asked again, only the broken file is read (it has no row): the rest from the rows.
    let read = std::sync::Mutex::new(Vec::new());
    let again = index
        .listing(&|done, total| read.lock().unwrap().push((done, total)))
        .unwrap();
    assert_eq!(read.into_inner().unwrap(), vec![(1, 1)]);
    assert_eq!(again.sessions.len(), 2);
    assert_eq!(
        again.unreadable.len(),
        1,
        "a broken file is read again each time"
    );
}

#[test]
fn a_session_moved_to_another_group_leaves_its_old_group_uncounted() {
    let f = Folder::new();
    let path = f.save("a.ron", "sess-a", 9);
    let mut index = Index::open(f.path()).unwrap();
    index.refresh(&|_, _| {}).unwrap();
    assert_eq!(index.first_screen(10).unwrap().unwrap().groups, 1);
    let mut s = store::load(&path).unwrap();
    s.group.id = Id("another-group".into());
    s.group.name = "Un autre groupe".into();
    store::save(&path, &s).unwrap();
    index.refresh(&|_, _| {}).unwrap();
    let first = index.first_screen(10).unwrap().unwrap();
    assert_eq!(first.groups, 1, "the old group has no session left");
    assert_eq!(
        first.sessions.keys().collect::<Vec<_>>(),
        vec![&Id("another-group".into())]
    );
}

#[test]
fn a_groups_listing_holds_its_sessions_and_every_copy_of_them() {
    let f = Folder::new();
    let a1 = f.save("a1.ron", "sess-a1", 9);
    f.save("a2.ron", "sess-a2", 10);
    // A session of another group, and a newer copy of a1 filed under that group's name.
    let b = f.save("b.ron", "sess-b", 9);
    let mut s = store::load(&b).unwrap();
    s.group.id = Id("group-b".into());
    store::save(&b, &s).unwrap();
    let mut copy = store::load(&a1).unwrap();
    copy.group.id = Id("group-b".into());
    copy.saved = Utc.with_ymd_and_hms(2026, 11, 24, 11, 0, 0).unwrap();
    store::save(&f.path().join("a1-copy.ron"), &copy).unwrap();
    let group = store::load(&a1).unwrap().group.id;
    let whole = store::Store::new(f.path()).without_index().list();
    let mut index = Index::open(f.path()).unwrap();
    let listed = index.group_listing(&group).unwrap();
    let names = |l: &Listing| -> Vec<(String, bool)> {
        let mut v: Vec<(String, bool)> = l
            .sessions
            .iter()
            .map(|s| {
                (
                    s.path.file_name().unwrap().to_string_lossy().into(),
                    s.shadowed,
                )
            })
            .collect();
        v.sort();
        v
    };
    // The group's two sessions and the copy that shadows one of them; not the other group's.
    assert_eq!(
        names(&listed),
        vec![
            ("a1-copy.ron".into(), false),
            ("a1.ron".into(), true),
            ("a2.ron".into(), false)
        ]
    );
    let paths = |v: Vec<&crate::store::Summary>| -> Vec<PathBuf> {
        v.into_iter().map(|s| s.path.clone()).collect()
    };
    assert_eq!(
        paths(listed.sessions_of_group(&group)),
        paths(whole.sessions_of_group(&group)),
        "the copy in use is the whole listing's"
    );
    assert_eq!(listed.next_number(&group), whole.next_number(&group));
}

#[test]
fn a_listings_summaries_hold_their_groups_texts_once() {
    let f = Folder::new();
    f.save("a.ron", "sess-a", 9);
    f.save("b.ron", "sess-b", 10);
    for listing in [
        store::Store::new(f.path()).list(),
        store::Store::new(f.path()).without_index().list(),
    ] {
        let [a, b] = &listing.sessions[..] else {
            panic!("two sessions")
        };
        assert_eq!(a.group_id, b.group_id);
        for (x, y) in [
            (&a.group_name, &b.group_name),
            (&a.trade, &b.trade),
            (&a.city, &b.city),
            (&a.host, &b.host),
            (&a.advisor, &b.advisor),
            (&a.place, &b.place),
        ] {
            assert!(Arc::ptr_eq(x, y), "{x} held twice");
        }
    }
}
