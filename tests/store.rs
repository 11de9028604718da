//! The sessions folder: round trips, atomic saves that fail midway, bad files left untouched,
//! duplicates, locks, permissions, and the follow-up carried across a group's sessions.
//! Every test works in its own temporary folder; none touches the real home.

use atelier::i18n::Lang;
use atelier::method::Method;
use atelier::model::{
    Action, ActionStatus, Author, Card, Cause, Change, Group, Id, Member, NewSession, Owner,
    Session, TextField, Theme, Timestamp,
};
use atelier::store::{self, LoadError, LockError, SaveErrorKind, SessionLock, Store};
use chrono::{NaiveDate, TimeZone, Utc};
use proptest::prelude::*;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

fn at(secs: i64) -> Timestamp {
    Utc.timestamp_opt(1_795_000_000 + secs, 0).unwrap()
}

fn member(id: &str, name: &str, phone: &str) -> Member {
    Member {
        id: id.into(),
        name: name.into(),
        business: format!("Atelier {name}"),
        phone: phone.into(),
        ..Default::default()
    }
}

fn group() -> Group {
    Group {
        id: "grp000000001".into(),
        name: "Boulangers de Tanger".into(),
        trade: "Boulangerie".into(),
        city: "Tanger".into(),
        members: vec![
            member("mem000000001", "Fatima Zahra El Idrissi", "0612345678"),
            member("mem000000002", "Youssef Benali", ""),
            member("mem000000003", "خديجة آيت واحمان", "0698765432"),
        ],
        ..Default::default()
    }
}

/// A session of the test group, with one card, one cause and the given actions.
fn session(id: &str, number: u32, actions: &[(&str, &str)]) -> Session {
    let mut s = Session::new(NewSession {
        id: id.into(),
        number,
        date: NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(),
        place: "Chambre de commerce, Tanger".into(),
        group: group(),
        method: Method::builtin(),
        reviews: Vec::new(),
        backlog: Vec::new(),
        now: at(0),
    });
    s.record(
        at(10),
        card(&format!("{id}-c1"), "Le prix de la farine a doublé 🍞"),
    );
    let cause = Cause {
        id: format!("{id}-k1").as_str().into(),
        text: "Fournisseur unique".into(),
        parent: None,
        category: None,
        root: true,
        created: at(20),
    };
    s.record(at(20), Change::CauseAdded { cause });
    for (i, (aid, what)) in actions.iter().enumerate() {
        let action = Action {
            id: (*aid).into(),
            what: (*what).into(),
            owners: vec![Owner::Member("mem000000001".into())],
            due: None,
            means: String::new(),
            indicator: String::new(),
            idea: None,
            project: None,
            created: at(30 + i as i64),
        };
        s.record(at(30 + i as i64), Change::ActionAdded { action });
    }
    s.saved = at(100);
    s
}

fn card(id: &str, text: &str) -> Change {
    Change::CardAdded {
        card: Card {
            id: id.into(),
            text: text.into(),
            author: Author::Member("mem000000003".into()),
            theme: None,
            created: at(10),
        },
    }
}

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

fn save_new(dir: &Path, s: &Session) -> PathBuf {
    let path = Store::new(dir).path_for_new(s);
    store::save(&path, s).unwrap();
    path
}

/// Files whose name starts with `.atelier-`: temporary files of a save.
fn temp_files(dir: &Path) -> Vec<PathBuf> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(".atelier-")
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Round trip and file names
// ---------------------------------------------------------------------------------------------

fn tricky_text() -> impl Strategy<Value = String> {
    let special = prop_oneof![
        Just("\u{feff}".to_string()),
        Just("\"quoted\" and 'single'".to_string()),
        Just("back\\slash \\n \\u{41}".to_string()),
        Just("line one\nline two\r\nthree\ttab".to_string()),
        Just("r#\"raw\"# r##\"x\"##".to_string()),
        Just("مخبزة الأمل — ثمن الدقيق".to_string()),
        Just("👩‍👩‍👧‍👦 🧑🏽‍🍳 🇲🇦".to_string()),
        Just("Pâtisserie l'Œillet, ça marche".to_string()),
        Just(")]}, // not a comment /* nor this */".to_string()),
        Just("\u{0}\u{7f}\u{200d}\u{301}e".to_string()),
        Just("\"# \"## r#\" #\" \\\" end\\".to_string()),
        Just("مُعَلِّمٌ ﻻ \u{200c}\u{200f}".to_string()),
        Just("Chambre d'Artisanat".to_string()),
    ];
    prop::collection::vec(prop_oneof![any::<String>(), special], 1..4).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_unicode_text_survives_save_and_load(
        card_text in tricky_text(),
        name in tricky_text(),
        notes in tricky_text(),
        title in tricky_text(),
    ) {
        let dir = tmp();
        let mut s = session("ses000000001", 1, &[]);
        s.group.members[1].name = name;
        s.record(at(40), card("c2", &card_text));
        s.record(at(41), Change::TextSet { field: TextField::PrivateNotes, text: notes });
        let theme = Theme { id: "t1".into(), title, category: None, created: at(42) };
        s.record(at(42), Change::ThemeAdded { theme });
        s.drafts.insert("card".into(), card_text);
        let path = save_new(dir.path(), &s);
        let back = store::load(&path).unwrap();
        prop_assert_eq!(&back, &s);
        // The listing's light reading (no cache yet) skips the raw strings rightly too.
        let listing = Store::new(dir.path()).without_index().list();
        prop_assert!(listing.unreadable.is_empty());
        let modified = fs::metadata(&path).unwrap().modified().ok();
        let whole = atelier::store::Summary::of(&s, path.clone(), modified);
        prop_assert_eq!(&listing.sessions[0].search, &whole.search);
    }
}

#[test]
fn saved_files_are_readable_pretty_ron_ending_with_a_newline() {
    let dir = tmp();
    let s = session("k3f9x2m7q1ab", 3, &[]);
    let path = save_new(dir.path(), &s);
    assert_eq!(
        path.file_name().unwrap(),
        "2026-11-24_boulangers-de-tanger_s03_k3f9x2.ron"
    );
    let text = fs::read_to_string(&path).unwrap();
    assert!(
        text.starts_with("(\n    version: 2,\n    kind: Session,\n"),
        "{}",
        &text[..40]
    );
    assert!(text.ends_with(")\n"));
    assert!(text.contains("خديجة آيت واحمان"), "Arabic is written as is");
}

#[test]
fn saved_files_hold_strings_as_typed_so_a_plain_search_finds_them() {
    let dir = tmp();
    let mut s = session("k3f9x2m7q1ab", 3, &[]);
    s.group.host = "Chambre d'Artisanat".into();
    s.record(at(40), card("c2", "مُشكل في التمويل"));
    s.record(at(41), card("c3", "Four 👩\u{200d}🍳 \"neuf\" \\ cassé"));
    s.record(
        at(42),
        Change::TextSet {
            field: TextField::Remarks,
            text: "ligne une\nligne deux".into(),
        },
    );
    let path = save_new(dir.path(), &s);
    let text = fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("\"Chambre d'Artisanat\""),
        "no \\' in the file"
    );
    assert!(text.contains("\"مُشكل في التمويل\""), "vowel marks as typed");
    // A `"` or a `\` makes it a raw string, still as typed inside.
    assert!(
        text.contains("r#\"Four 👩\u{200d}🍳 \"neuf\" \\ cassé\"#"),
        "{text}"
    );
    assert!(!text.contains("\\u{"), "no \\u{{…}} escapes");
    assert_eq!(store::load(&path).unwrap(), s);
}

#[test]
fn a_session_keeps_its_file_when_the_group_is_renamed() {
    let dir = tmp();
    let mut s = session("k3f9x2m7q1ab", 3, &[]);
    let path = save_new(dir.path(), &s);
    s.group.name = "Pâtissiers du Nord".into();
    store::save(&path, &s).unwrap();
    let listing = Store::new(dir.path()).list();
    assert_eq!(listing.sessions.len(), 1);
    assert_eq!(listing.sessions[0].path, path);
    assert_eq!(&*listing.sessions[0].group_name, "Pâtissiers du Nord");
    // A new session with a clashing short id gets the whole id in its name.
    let mut other = session("k3f9x2zzzzzz", 3, &[]);
    other.group.name = "Boulangers de Tanger".into();
    let other_path = Store::new(dir.path()).path_for_new(&other);
    assert_ne!(other_path, path);
    assert!(other_path.to_string_lossy().ends_with("_k3f9x2zzzzzz.ron"));
}

// ---------------------------------------------------------------------------------------------
// Atomic save
// ---------------------------------------------------------------------------------------------

#[test]
fn a_save_that_fails_midway_leaves_the_old_file_whole_and_no_temp_file() {
    let dir = tmp();
    let mut s = session("ses000000001", 1, &[]);
    let path = save_new(dir.path(), &s);
    let before = fs::read(&path).unwrap();

    s.record(at(200), card("c9", "Une carte qui ne sera pas écrite"));
    let in_memory = s.clone();
    // A disk that fills up after a hundred bytes.
    let err = store::save_with(&path, &s, |file, bytes| {
        file.write_all(&bytes[..100])?;
        Err(io::Error::from(io::ErrorKind::StorageFull))
    })
    .unwrap_err();

    assert_eq!(err.kind, SaveErrorKind::Full);
    assert_eq!(fs::read(&path).unwrap(), before, "old file byte-identical");
    assert!(
        temp_files(dir.path()).is_empty(),
        "no temp file left behind"
    );
    assert_eq!(s, in_memory, "the session in memory is unchanged");
    for lang in [Lang::Fr, Lang::En] {
        let m = err.message(lang.strings());
        assert!(m.contains(&path.display().to_string()), "{m}");
    }
    assert!(err.to_string().contains("free some disk space"), "{err}");

    // The next save goes through.
    store::save(&path, &s).unwrap();
    assert_eq!(store::load(&path).unwrap(), s);
}

#[test]
fn saving_into_a_vanished_folder_says_so() {
    let dir = tmp();
    let path = dir.path().join("gone").join("x.ron");
    let err = store::save(&path, &session("ses000000001", 1, &[])).unwrap_err();
    assert_eq!(err.kind, SaveErrorKind::FolderGone);
    assert!(err.to_string().contains("--dir"), "{err}");
}

#[cfg(unix)]
#[test]
fn files_are_0600_and_a_new_folder_0700() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tmp();
    let sessions = dir.path().join("a").join("b").join("sessions");
    store::ensure_dir(&sessions).unwrap();
    // The missing parents atelier made too: every folder it creates.
    for folder in [
        dir.path().join("a"),
        dir.path().join("a").join("b"),
        sessions.clone(),
    ] {
        let mode = fs::metadata(&folder).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700, "{}", folder.display());
    }
    // The exports folder, made the same way.
    let exports = sessions.join("exports");
    store::create_private_dir(&exports).unwrap();
    assert_eq!(
        fs::metadata(&exports).unwrap().permissions().mode() & 0o777,
        0o700
    );
    let path = save_new(&sessions, &session("ses000000001", 1, &[]));
    let mode = fs::metadata(&path).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    // Saved again (a rename over the old file): still 0600.
    store::save(&path, &session("ses000000001", 1, &[])).unwrap();
    assert_eq!(
        fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o600
    );
    assert!(
        temp_files(&sessions).is_empty(),
        "the writability probe cleans up"
    );
}

#[test]
fn the_folder_comes_from_the_flag_then_the_variable_then_the_os() {
    let flag = Some(PathBuf::from("/x/flag"));
    let env = Some("/x/env".into());
    assert_eq!(
        store::choose_dir(flag, env.clone()).unwrap(),
        Path::new("/x/flag")
    );
    assert_eq!(store::choose_dir(None, env).unwrap(), Path::new("/x/env"));
    let default = store::choose_dir(None, Some("".into())).unwrap();
    assert!(
        default.ends_with("atelier/sessions"),
        "{}",
        default.display()
    );
    assert!(!default.starts_with(env!("CARGO_MANIFEST_DIR")));
}

#[test]
fn a_file_where_the_folder_should_be_is_refused_with_a_sentence() {
    let dir = tmp();
    let file = dir.path().join("not-a-folder");
    fs::write(&file, "x").unwrap();
    let err = store::ensure_dir(&file).unwrap_err();
    assert!(matches!(err, store::DirError::NotAFolder { .. }));
    assert!(err.message(Lang::Fr.strings()).contains("--dir"));
}

// ---------------------------------------------------------------------------------------------
// Bad files
// ---------------------------------------------------------------------------------------------

/// One file of each kind of damage, beside one good session.
fn bad_folder() -> (tempfile::TempDir, Vec<(PathBuf, Vec<u8>)>) {
    let dir = tmp();
    let good = session("ses000000001", 1, &[]);
    let good_path = save_new(dir.path(), &good);
    let text = fs::read_to_string(&good_path).unwrap();
    let mut invalid = text.clone().into_bytes();
    let third_line = text.match_indices('\n').nth(1).unwrap().0 + 5;
    invalid.insert(third_line, 0xff);
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("empty.ron", Vec::new()),
        ("blank.ron", b"  \n\t\n".to_vec()),
        ("truncated.ron", text.as_bytes()[..text.len() / 2].to_vec()),
        (
            "garbage.ron",
            b"Ceci n'est pas une s\xc3\xa9ance.\n".to_vec(),
        ),
        ("invalid-utf8.ron", invalid),
        (
            "newer.ron",
            text.replacen("version: 2,", "version: 99,", 1).into_bytes(),
        ),
        (
            "newer-unknown.ron",
            text.replacen("version: 2,", "version: 7,\n    future: Thing(1, 2),", 1)
                .replacen("number: 1,", "number: \"one\",", 1)
                .into_bytes(),
        ),
    ];
    let files = files
        .into_iter()
        .map(|(name, bytes)| {
            let path = dir.path().join(name);
            fs::write(&path, &bytes).unwrap();
            (path, bytes)
        })
        .collect();
    (dir, files)
}

fn error_for<'a>(listing: &'a store::Listing, name: &str) -> &'a LoadError {
    &listing
        .unreadable
        .iter()
        .find(|(p, _)| p.file_name().unwrap() == name)
        .unwrap_or_else(|| panic!("{name} should be unreadable"))
        .1
}

#[test]
fn each_kind_of_bad_file_gets_its_own_message_and_stays_untouched() {
    let (dir, files) = bad_folder();
    let listing = Store::new(dir.path()).list();
    assert_eq!(
        listing.sessions.len(),
        1,
        "the good session is still listed"
    );
    assert_eq!(listing.unreadable.len(), files.len());

    assert_eq!(*error_for(&listing, "empty.ron"), LoadError::Empty);
    assert_eq!(*error_for(&listing, "blank.ron"), LoadError::Empty);
    assert!(matches!(
        error_for(&listing, "truncated.ron"),
        LoadError::Truncated { .. }
    ));
    assert!(matches!(
        error_for(&listing, "garbage.ron"),
        LoadError::Syntax {
            line: 1,
            col: 1,
            ..
        }
    ));
    assert_eq!(
        *error_for(&listing, "invalid-utf8.ron"),
        LoadError::InvalidUtf8 { line: 3, col: 5 }
    );
    assert_eq!(
        *error_for(&listing, "newer.ron"),
        LoadError::Newer {
            found: 99,
            known: atelier::model::SCHEMA_VERSION
        }
    );
    assert_eq!(
        *error_for(&listing, "newer-unknown.ron"),
        LoadError::Newer {
            found: 7,
            known: atelier::model::SCHEMA_VERSION
        }
    );

    let messages: Vec<String> = listing
        .unreadable
        .iter()
        .filter(|(p, _)| p.file_name().unwrap() != "blank.ron")
        .map(|(_, e)| e.message(Lang::En.strings()))
        .collect();
    for (i, m) in messages.iter().enumerate() {
        assert!(!messages[..i].contains(m), "messages differ: {m}");
    }
    let newer = error_for(&listing, "newer.ron").to_string();
    assert!(
        newer.contains("version 99") && newer.contains("update atelier"),
        "{newer}"
    );
    let located =
        error_for(&listing, "invalid-utf8.ron").located(Path::new("f.ron"), Lang::Fr.strings());
    assert!(located.starts_with("f.ron:3:5: "), "{located}");

    for (path, bytes) in &files {
        assert_eq!(
            &fs::read(path).unwrap(),
            bytes,
            "{} untouched",
            path.display()
        );
    }
    assert!(temp_files(dir.path()).is_empty());
}

#[test]
fn a_truncated_file_points_at_its_end() {
    let text = store::encode(&session("ses000000001", 1, &[])).unwrap();
    // Cuts all over: inside strings, names, numbers, between fields, near the very end.
    let cuts = (2..text.len())
        .step_by(53)
        .chain(text.len() - 6..text.len() - 1);
    for cut in cuts.filter(|c| text.is_char_boundary(*c)) {
        let err = store::parse(&text.as_bytes()[..cut]).unwrap_err();
        let LoadError::Truncated { line, col } = err else {
            panic!("cut at {cut}: {err:?}");
        };
        let kept = text[..cut].trim_end();
        assert_eq!(line, kept.lines().count(), "cut at {cut}");
        assert_eq!(
            col,
            kept.lines().last().unwrap().chars().count() + 1,
            "cut at {cut}"
        );
    }
}

#[test]
fn a_syntax_error_gives_line_column_and_the_parser_words() {
    let text = store::encode(&session("ses000000001", 1, &[])).unwrap();
    let broken = text.replacen("number: 1,", "number: 1,,", 1);
    let line = broken
        .lines()
        .position(|l| l.contains("number: 1,,"))
        .unwrap()
        + 1;
    match store::parse(broken.as_bytes()).unwrap_err() {
        LoadError::Syntax {
            line: l, detail, ..
        } => {
            assert_eq!(l, line);
            assert!(!detail.is_empty());
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_byte_order_mark_is_no_reason_to_refuse_a_file() {
    let dir = tmp();
    let s = session("ses000000001", 1, &[]);
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend(store::encode(&s).unwrap().into_bytes());
    let path = dir.path().join("bom.ron");
    fs::write(&path, &bytes).unwrap();
    assert_eq!(store::load(&path).unwrap(), s);
    assert_eq!(Store::new(dir.path()).list().sessions.len(), 1);
    assert_eq!(store::parse("\u{feff}".as_bytes()), Err(LoadError::Empty));
}

#[test]
fn a_running_timer_comes_back_paused_with_its_time_up_to_the_save() {
    let mut s = session("ses000000001", 1, &[]);
    s.record(at(0), Change::TimerStarted { phase: 0 });
    s.saved = at(95);
    let back = store::parse(store::encode(&s).unwrap().as_bytes()).unwrap();
    assert!(!back.timers[0].is_running());
    assert_eq!(back.timers[0].elapsed_secs, 95);
    let raw = store::parse_raw(store::encode(&s).unwrap().as_bytes()).unwrap();
    assert!(
        raw.timers[0].is_running(),
        "parse_raw gives the file as written"
    );
}

// ---------------------------------------------------------------------------------------------
// Listing
// ---------------------------------------------------------------------------------------------

#[test]
fn the_listing_skips_temp_files_lock_files_and_other_files() {
    let dir = tmp();
    let path = save_new(dir.path(), &session("ses000000001", 1, &[]));
    fs::write(dir.path().join(".atelier-abc123.tmp"), "partial").unwrap();
    fs::write(dir.path().join(".hidden.ron"), "x").unwrap();
    fs::write(dir.path().join("notes.txt"), "x").unwrap();
    fs::write(store::lock_path(&path), "").unwrap();
    fs::create_dir(dir.path().join("folder.ron")).unwrap();
    let listing = Store::new(dir.path()).list();
    assert_eq!(listing.sessions.len(), 1);
    assert!(listing.unreadable.is_empty(), "{:?}", listing.unreadable);
    let s = &listing.sessions[0];
    assert_eq!((s.number, s.cards, s.actions, s.members), (1, 1, 0, 3));
    assert_eq!(&*s.group_name, "Boulangers de Tanger");
    assert!(s.modified.is_some());
    // A folder that does not exist yet is simply empty.
    let none = Store::new(dir.path().join("missing")).list();
    assert!(none.sessions.is_empty() && none.unreadable.is_empty());
}

#[test]
fn a_session_found_twice_is_listed_twice_and_the_newer_copy_used() {
    let dir = tmp();
    let mut s = session("ses000000001", 1, &[]);
    let older = dir.path().join("copy-old.ron");
    store::save(&older, &s).unwrap();
    s.record(at(300), card("c3", "Ajoutée plus tard"));
    s.saved = at(301);
    let newer = dir.path().join("a-copy-new.ron");
    store::save(&newer, &s).unwrap();

    let listing = Store::new(dir.path()).list();
    assert_eq!(listing.sessions.len(), 2);
    let old = listing.by_path(&older).unwrap();
    let new = listing.by_path(&newer).unwrap();
    assert!(old.shadowed && !new.shadowed);
    assert_eq!(listing.in_use().count(), 1);
    assert_eq!(listing.find("ses0").unwrap().path, newer);
    assert_eq!(listing.groups().len(), 1);
    assert_eq!(listing.groups()[0].sessions, 1);
    assert_eq!(listing.groups()[0].latest.cards, 2);
}

#[test]
fn groups_sessions_and_ids_are_found_in_the_listing() {
    let dir = tmp();
    for (id, n) in [
        ("aaa000000001", 1),
        ("aab000000002", 2),
        ("bbb000000003", 3),
    ] {
        let mut s = session(id, n, &[]);
        s.saved = at(100 * i64::from(n));
        save_new(dir.path(), &s);
    }
    let mut other = session("ccc000000004", 1, &[]);
    other.group.id = "grp000000002".into();
    other.group.name = "Couturières de Fès".into();
    save_new(dir.path(), &other);

    let listing = Store::new(dir.path()).list();
    let groups = listing.groups();
    assert_eq!(groups.len(), 2);
    let bakers = groups
        .iter()
        .find(|g| g.latest.group_id.as_str() == "grp000000001")
        .unwrap();
    assert_eq!((bakers.sessions, bakers.latest.number), (3, 3));
    let numbers: Vec<u32> = listing
        .sessions_of_group(&"grp000000001".into())
        .iter()
        .map(|s| s.number)
        .collect();
    assert_eq!(numbers, [1, 2, 3]);
    assert_eq!(listing.next_number(&"grp000000001".into()), 4);
    assert_eq!(listing.next_number(&"new".into()), 1);

    assert_eq!(listing.find("bbb000000003").unwrap().number, 3);
    assert_eq!(listing.find("BBB").unwrap().number, 3);
    assert!(matches!(listing.find("aa"), Err(store::FindError::Ambiguous(ids)) if ids.len() == 2));
    assert_eq!(listing.find("zzz"), Err(store::FindError::NotFound));
    assert_eq!(listing.find(""), Err(store::FindError::NotFound));

    let store = Store::new(dir.path());
    let loaded = store.group_sessions(&listing, &"grp000000001".into());
    assert_eq!(
        loaded.iter().map(|s| s.number).collect::<Vec<_>>(),
        [1, 2, 3]
    );
}

// ---------------------------------------------------------------------------------------------
// Locks
// ---------------------------------------------------------------------------------------------

#[test]
fn the_lock_holds_across_atomic_saves_and_is_released_on_drop() {
    let dir = tmp();
    let mut s = session("ses000000001", 1, &[]);
    let path = save_new(dir.path(), &s);
    let lock = SessionLock::acquire(&path).unwrap();
    assert_eq!(lock.path(), store::lock_path(&path));
    for i in 0..3 {
        s.record(at(400 + i), card(&format!("l{i}"), "encore"));
        store::save(&path, &s).unwrap();
    }
    // Another open file description on the lock file: what a second atelier would have.
    let other = fs::OpenOptions::new()
        .write(true)
        .open(lock.path())
        .unwrap();
    assert!(
        other.try_lock().is_err(),
        "still locked after three renames"
    );
    assert_eq!(SessionLock::acquire(&path).unwrap_err(), LockError::Busy);
    assert!(
        LockError::Busy
            .message(Lang::Fr.strings())
            .contains("lecture seule")
    );
    drop(other);

    drop(lock);
    assert!(
        !store::lock_path(&path).exists(),
        "the lock file goes with the lock"
    );
    let again = SessionLock::acquire(&path).unwrap();
    let probe = fs::OpenOptions::new()
        .write(true)
        .open(again.path())
        .unwrap();
    assert!(probe.try_lock().is_err());
}

#[cfg(unix)]
#[test]
fn a_lock_file_is_0600_like_the_session_it_names() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tmp();
    let path = save_new(dir.path(), &session("ses000000001", 1, &[]));
    let lock = SessionLock::acquire(&path).unwrap();
    let mode = fs::metadata(lock.path()).unwrap().permissions().mode() & 0o777;
    assert_eq!(
        mode, 0o600,
        "a lock file says which session is open: {mode:o}"
    );
}

#[test]
fn a_lock_file_left_without_a_lock_blocks_nobody() {
    let dir = tmp();
    let path = save_new(dir.path(), &session("ses000000001", 1, &[]));
    fs::write(store::lock_path(&path), "left by a crash").unwrap();
    let lock = SessionLock::acquire(&path).unwrap();
    drop(lock);
}

#[cfg(unix)]
#[test]
fn a_lock_held_by_a_killed_process_is_released_by_the_os() {
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};
    if Command::new("flock").arg("--version").output().is_err() {
        eprintln!("flock(1) missing: skipped");
        return;
    }
    let dir = tmp();
    let path = save_new(dir.path(), &session("ses000000001", 1, &[]));
    let lock = store::lock_path(&path);
    // One process that takes the lock with flock(1) (the same kind of lock as std's
    // File::try_lock on Linux) and then becomes `sleep`, still holding it.
    let mut child = Command::new("sh")
        .args([
            "-c",
            "exec 9>>\"$0\"; flock 9; : >\"$0.ready\"; exec sleep 60",
        ])
        .arg(&lock)
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let ready = dir.path().join(format!(
        "{}.ready",
        lock.file_name().unwrap().to_string_lossy()
    ));
    let start = Instant::now();
    while !ready.exists() {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "the child never took the lock"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(SessionLock::acquire(&path).unwrap_err(), LockError::Busy);
    child.kill().unwrap(); // SIGKILL: no chance to clean up, the lock file stays
    child.wait().unwrap();
    assert!(lock.exists());
    SessionLock::acquire(&path).expect("the OS released the dead process's lock");
}

// ---------------------------------------------------------------------------------------------
// Follow-up carried over
// ---------------------------------------------------------------------------------------------

fn review_of(s: &mut Session, at_secs: i64, action: &str, status: Option<ActionStatus>) {
    let change = Change::ReviewStatusSet {
        action: action.into(),
        status,
    };
    s.record(at(at_secs), change);
}

#[test]
fn follow_up_carries_every_open_action_of_all_earlier_sessions() {
    let s1 = session(
        "s1",
        1,
        &[
            ("a1", "Comparer trois fournisseurs"),
            ("a2", "Ouvrir un compte"),
            ("a3", "Visiter le moulin"),
        ],
    );
    let mut s2 = Session::new(NewSession {
        id: "s2".into(),
        number: 2,
        date: NaiveDate::from_ymd_opt(2026, 12, 8).unwrap(),
        place: String::new(),
        group: group(),
        method: Method::builtin(),
        reviews: atelier::model::open_reviews(std::slice::from_ref(&s1)),
        backlog: Vec::new(),
        now: at(1000),
    });
    assert_eq!(
        s2.followup
            .reviews
            .iter()
            .map(|r| r.action.id.as_str())
            .collect::<Vec<_>>(),
        ["a1", "a2", "a3"]
    );
    review_of(&mut s2, 1001, "a1", Some(ActionStatus::Done));
    review_of(&mut s2, 1002, "a2", Some(ActionStatus::Blocked));
    // a3 not reviewed at session 2: it stays open, with no status yet.
    s2.record(
        at(1003),
        Change::ActionAdded {
            action: Action {
                id: "b1".into(),
                what: "Négocier un prix de groupe".into(),
                owners: vec![Owner::WholeGroup],
                due: None,
                means: String::new(),
                indicator: String::new(),
                idea: None,
                project: None,
                created: at(1003),
            },
        },
    );
    let mut s3 = session("s3", 3, &[]);
    s3.followup.reviews = atelier::model::open_reviews(&[s2.clone(), s1.clone()]);
    review_of(&mut s3, 2001, "a2", Some(ActionStatus::Dropped));
    review_of(&mut s3, 2002, "b1", Some(ActionStatus::InProgress));

    // Given in any order, the three sessions leave a3 (never reviewed) and b1 (in progress).
    let open = atelier::model::open_reviews(&[s3, s1, s2]);
    let summary: Vec<(&str, u32, Option<ActionStatus>)> = open
        .iter()
        .map(|r| (r.action.id.as_str(), r.from_number, r.previous))
        .collect();
    assert_eq!(
        summary,
        [("a3", 1, None), ("b1", 2, Some(ActionStatus::InProgress))]
    );
    assert_eq!(open[0].from_session, Id::from("s1"));
    assert_eq!(open[0].action.what, "Visiter le moulin");
    assert!(
        open.iter()
            .all(|r| r.status.is_none() && r.comment.is_empty())
    );
}

/// The sample series was written by hand (session 3 reviews "the 2 still open and the 3 of
/// session 2"): open_reviews must find the same list, in the same order.
#[test]
fn follow_up_of_the_sample_series_matches_what_its_third_session_reviews() {
    let series = atelier::sample::series(at(0), 11);
    let open = atelier::model::open_reviews(&series[..2]);
    let expected: Vec<(&Id, u32, Option<ActionStatus>)> = series[2]
        .followup
        .reviews
        .iter()
        .map(|r| (&r.action.id, r.from_number, r.previous))
        .collect();
    let found: Vec<(&Id, u32, Option<ActionStatus>)> = open
        .iter()
        .map(|r| (&r.action.id, r.from_number, r.previous))
        .collect();
    assert_eq!(found, expected);
}

#[test]
fn an_action_whose_session_is_lost_is_carried_from_its_last_review() {
    let s1 = session("s1", 1, &[("a1", "Comparer trois fournisseurs")]);
    let mut s2 = session("s2", 2, &[]);
    s2.followup.reviews = atelier::model::open_reviews(std::slice::from_ref(&s1));
    review_of(&mut s2, 10, "a1", Some(ActionStatus::Blocked));
    let open = atelier::model::open_reviews(&[s2]); // session 1's file is gone
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].from_number, 1);
    assert_eq!(open[0].previous, Some(ActionStatus::Blocked));
}

// ---------------------------------------------------------------------------------------------
// Strings
// ---------------------------------------------------------------------------------------------

/// Both languages have every string of the store, none empty, with the same `{}` marks.
#[test]
fn store_strings_are_complete_in_both_languages() {
    fn flat(v: &ron::Value, prefix: &str, out: &mut Vec<(String, String)>) {
        match v {
            ron::Value::Map(m) => {
                for (k, v) in m.iter() {
                    let ron::Value::String(k) = k else {
                        panic!("{k:?}")
                    };
                    flat(v, &format!("{prefix}.{k}"), out);
                }
            }
            ron::Value::String(s) => out.push((prefix.to_string(), s.clone())),
            other => panic!("{prefix}: {other:?}"),
        }
    }
    let strings = |lang: Lang| {
        let text = ron::to_string(lang.strings().store).unwrap();
        let mut out = Vec::new();
        flat(
            &ron::from_str::<ron::Value>(&text).unwrap(),
            "store",
            &mut out,
        );
        out
    };
    let (fr, en) = (strings(Lang::Fr), strings(Lang::En));
    assert_eq!(fr.len(), en.len());
    assert!(fr.len() > 100);
    for ((kf, f), (ke, e)) in fr.iter().zip(&en) {
        assert_eq!(kf, ke);
        assert!(!f.trim().is_empty() || f == " : ", "{kf} empty in French");
        assert!(!e.trim().is_empty() || e == ": ", "{ke} empty in English");
        assert_eq!(f.matches("{}").count(), e.matches("{}").count(), "{kf}");
    }
}

#[test]
fn warnings_point_at_links_that_lead_nowhere() {
    let mut s = session("ses000000001", 1, &[("a1", "Agir")]);
    s.needs.cards[0].author = Author::Member("ghost0000001".into());
    s.problem.causes[0].parent = Some("nowhere".into());
    s.plan.actions[0]
        .owners
        .push(Owner::Member("ghost0000002".into()));
    s.closing.usefulness.insert("mem000000001".into(), 9);
    let mut looped = s.problem.causes[0].clone();
    looped.id = "loop1".into();
    looped.parent = Some("loop2".into());
    let mut other = looped.clone();
    (other.id, other.parent) = ("loop2".into(), Some("loop1".into()));
    s.problem.causes.extend([looped, other]);
    s.timers.pop();
    let text = store::encode(&s).unwrap();
    let warnings = store::check_session(&s, Lang::En.strings());
    let messages: Vec<&str> = warnings.iter().map(|w| w.message.as_str()).collect();
    assert_eq!(warnings.len(), 7, "{messages:#?}");
    assert_eq!(
        messages.iter().filter(|m| m.contains("has a loop")).count(),
        2
    );
    assert!(messages[0].contains("ghost0000001") && messages[0].starts_with("card"));
    let (line, _) = store::locate(&text, &warnings[0].anchor);
    assert!(
        text.lines()
            .nth(line - 1)
            .unwrap()
            .contains("ses000000001-c1")
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("9 is not between 1 and 5"))
    );
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with("6 timers for 7 phases"))
    );
    let clean = session("ses000000002", 1, &[("a1", "Agir")]);
    assert_eq!(store::check_session(&clean, Lang::Fr.strings()), []);
}

/// The sample sessions are what the demo, the tests and the benchmarks build on: `check`
/// finds nothing to say about them.
#[test]
fn the_sample_sessions_pass_check() {
    let now = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap();
    let mut sessions = atelier::sample::bakers_series(now, 9);
    sessions.extend(atelier::sample::series(now, 9));
    for s in &sessions {
        let warnings = store::check_session(s, Lang::En.strings());
        assert!(warnings.is_empty(), "session {}: {warnings:?}", s.number);
    }
}

/// A folder atelier only reads (issue 11, point 8) is listed from its summary cache when
/// there is one, but no cache is written there; the same folder listed for writing gets one.
#[test]
fn a_read_only_store_lists_without_writing_the_summary_cache() {
    let dir = tmp();
    let path = save_new(dir.path(), &session("s1", 1, &[]));
    // Settled: a file saved this very second is not cached yet.
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(hour_ago)
        .unwrap();
    let files = |d: &Path| fs::read_dir(d).unwrap().count();
    let before = files(dir.path());
    // The summary cache lives in the OS cache folder, one per sessions folder.
    let cache = store::cache_path(dir.path()).expect("an OS cache folder");
    let _ = fs::remove_file(&cache);
    let listing = Store::read_only(dir.path()).list();
    assert_eq!(listing.sessions.len(), 1);
    assert!(!cache.exists());
    assert_eq!(files(dir.path()), before);
    Store::new(dir.path()).without_index().list();
    assert!(cache.exists());
    assert_eq!(files(dir.path()), before, "never in the sessions folder");
    let _ = fs::remove_file(&cache);
}
