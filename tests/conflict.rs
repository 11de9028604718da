//! A session file that changes on disk while open here is never overwritten: the session on
//! screen goes to a conflict copy beside it, with the same session id, and `check` names the
//! copy with what to do. The file may change by another atelier (its lock file removed, or
//! the folder moved away and back), a sync tool, a restore, or garbage written over it.

mod common;
#[path = "common/tmux.rs"]
mod tmux;

use atelier::model::{Author, Card, Change, Id, Session};
use atelier::store::{self, Saved, Tracked};
use chrono::{DateTime, TimeZone, Utc};
use common::binary::Env;
use std::fs;
use std::path::Path;

fn at(secs: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap() + chrono::Duration::seconds(secs)
}

fn add_card(s: &mut Session, id: &str, text: &str, secs: i64) {
    s.record(
        at(secs),
        Change::CardAdded {
            card: Card {
                id: Id::from(id),
                text: text.to_string(),
                author: Author::Anonymous,
                theme: None,
                created: at(secs),
            },
        },
    );
    s.saved = at(secs);
}

fn cards(path: &Path) -> Vec<String> {
    let s = store::load(path).unwrap();
    s.needs.cards.iter().map(|c| c.text.clone()).collect()
}

fn bakers(env: &Env) -> std::path::PathBuf {
    env.save(&atelier::sample::bakers_session(at(0), 0))
}

#[test]
fn an_unchanged_file_is_saved_in_place_again_and_again() {
    let env = Env::new();
    let path = bakers(&env);
    let (mut ours, mut tracked, _) = Tracked::open(&path).unwrap();
    for k in 0..3 {
        add_card(&mut ours, &format!("a{k}"), &format!("A{k}"), 10 + k);
        assert_eq!(tracked.save(&ours, ours.saved).unwrap(), Saved::InPlace);
    }
    assert!(cards(&path).ends_with(&["A0".into(), "A1".into(), "A2".into()]));
    assert_eq!(fs::read_dir(&env.dir).unwrap().count(), 1, "no copy made");
}

#[test]
fn a_file_replaced_by_another_copy_while_open_is_kept_and_ours_goes_beside_it() {
    let env = Env::new();
    let path = bakers(&env);
    let (mut ours, mut tracked, _) = Tracked::open(&path).unwrap();
    add_card(&mut ours, "a1", "A1", 10);
    tracked.save(&ours, ours.saved).unwrap();

    // Another atelier (the lock file gone) opens the file as it is, adds B1, saves.
    let mut theirs = store::load(&path).unwrap();
    add_card(&mut theirs, "b1", "B1", 20);
    store::save(&path, &theirs).unwrap();

    add_card(&mut ours, "a2", "A2", 30);
    let Saved::AsConflictCopy { copy, conflict } = tracked.save(&ours, ours.saved).unwrap() else {
        panic!("the changed file was overwritten");
    };
    let original = cards(&path);
    assert!(original.contains(&"B1".into()) && !original.contains(&"A2".into()));
    let kept = cards(&copy);
    assert!(kept.contains(&"A1".into()) && kept.contains(&"A2".into()));
    let copied = store::load(&copy).unwrap();
    assert_eq!(copied.id, ours.id, "the copy keeps the session's id");
    assert_eq!(copied.conflict, Some(conflict.clone()));
    assert_eq!(
        conflict.of,
        path.file_name().unwrap().to_string_lossy(),
        "it names the file it differs from"
    );
    assert_eq!(conflict.at, at(30));
    assert!(
        copy.file_name()
            .unwrap()
            .to_string_lossy()
            .contains(".conflict-20261201-090030"),
        "{}",
        copy.display()
    );

    // Saving goes on in the copy; the original is never touched again.
    let before = fs::read(&path).unwrap();
    add_card(&mut ours, "a3", "A3", 40);
    assert_eq!(tracked.save(&ours, ours.saved).unwrap(), Saved::InPlace);
    assert_eq!(tracked.path(), copy);
    assert!(cards(&copy).contains(&"A3".into()));
    assert_eq!(fs::read(&path).unwrap(), before);

    // `check` names the copy and says what to do.
    let out = env
        .cmd()
        .args(["--lang", "en", "check", "--dir", env.dir()])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains(&format!("{}:", copy.file_name().unwrap().to_string_lossy()))
            && stdout.contains("conflict copy of")
            && stdout.contains("keep the right one"),
        "{stdout}"
    );
}

#[test]
fn garbage_written_over_the_file_while_open_is_never_overwritten() {
    let env = Env::new();
    let path = bakers(&env);
    let (mut ours, mut tracked, _) = Tracked::open(&path).unwrap();
    fs::write(&path, "\u{1b}]0;garbage\u{7} not a session").unwrap();
    add_card(&mut ours, "a1", "A1", 10);
    let saved = tracked.save(&ours, ours.saved).unwrap();
    assert!(matches!(saved, Saved::AsConflictCopy { .. }), "{saved:?}");
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        "\u{1b}]0;garbage\u{7} not a session",
        "the garbage is the user's to look at"
    );
    assert!(cards(tracked.path()).contains(&"A1".into()));
}

#[test]
fn a_file_deleted_while_open_is_written_again_where_it_was() {
    let env = Env::new();
    let path = bakers(&env);
    let (mut ours, mut tracked, _) = Tracked::open(&path).unwrap();
    fs::remove_file(&path).unwrap();
    add_card(&mut ours, "a1", "A1", 10);
    assert_eq!(tracked.save(&ours, ours.saved).unwrap(), Saved::InPlace);
    assert!(cards(&path).contains(&"A1".into()));
}

/// Polls the folder until a conflict copy is there.
fn wait_copy(dir: &Path) -> std::path::PathBuf {
    let start = std::time::Instant::now();
    loop {
        let copy = store::session_files(dir)
            .unwrap()
            .into_iter()
            .find(|p| p.to_string_lossy().contains(".conflict-"));
        if let Some(copy) = copy {
            return copy;
        }
        assert!(
            start.elapsed() < std::time::Duration::from_secs(10),
            "no conflict copy in {}",
            dir.display()
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

fn guests(path: &Path) -> Vec<String> {
    let s = store::load(path).unwrap();
    s.checkin.guests.iter().map(|g| g.text.clone()).collect()
}

/// Two ateliers on one session once its lock file is gone: the second opens it for
/// editing and saves; the first, saving next, finds the file changed and keeps it.
#[test]
fn two_ateliers_with_the_lock_file_removed_lose_nothing() {
    if !tmux::available() {
        return;
    }
    let mut t = tmux::Term::new(100, 30);
    let dir = t.path("sessions");
    fs::create_dir(&dir).unwrap();
    let session = atelier::sample::bakers_first_session(Utc::now(), 7);
    let group = session.group.name.clone();
    let file = store::Store::new(&dir).path_for_new(&session);
    store::save(&file, &session).unwrap();
    let args = ["--dir", dir.to_str().unwrap()];
    let empty_guests = atelier::i18n::Lang::Fr.strings().empty_guests;
    let head: String = empty_guests.chars().take(20).collect();

    let first = t.start(&args, &[]);
    t.wait_for(&group);
    t.keys(&["Enter"]);
    t.wait_for(&head);
    t.keys(&["Tab", "a"]);
    t.text("Invité A1");
    t.keys(&["Enter"]);
    let start = std::time::Instant::now();
    while !guests(&file).contains(&"Invité A1".to_string()) {
        assert!(start.elapsed().as_secs() < 5, "A1 saved");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }

    // The lock file goes (a sync tool, a restore); a second atelier opens the session.
    fs::remove_file(store::lock_path(&file)).unwrap();
    t.start(&args, &[]);
    t.wait_for(&group);
    t.keys(&["Enter"]);
    t.wait_for("Invité A1");
    t.keys(&["Tab", "a"]);
    t.text("Invité B1");
    t.keys(&["Enter"]);
    let start = std::time::Instant::now();
    while !guests(&file).contains(&"Invité B1".to_string()) {
        assert!(start.elapsed().as_secs() < 5, "B1 saved");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }

    // The first one adds A2: the file it would overwrite holds B1.
    t.switch_to(&first);
    // Its guest field is still open, for the next guest.
    t.text("Invité A2");
    t.keys(&["Enter"]);
    let copy = wait_copy(&dir);
    t.wait_for("copie en conflit");
    let original = guests(&file);
    assert!(
        original.contains(&"Invité A1".to_string()) && original.contains(&"Invité B1".to_string()),
        "{original:?}"
    );
    let ours = guests(&copy);
    assert!(
        ours.contains(&"Invité A1".to_string()) && ours.contains(&"Invité A2".to_string()),
        "{ours:?}"
    );
    let copied = store::load(&copy).unwrap();
    assert_eq!(copied.id, session.id);
    assert_eq!(
        copied.conflict.unwrap().of,
        file.file_name().unwrap().to_string_lossy()
    );
    t.keys(&["Escape"]);
    std::thread::sleep(std::time::Duration::from_millis(300));
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
}

/// A card's `author:` written `author_x:` by a hand edit.
fn with_misspelt_author(env: &Env) -> (std::path::PathBuf, String) {
    let path = bakers(env);
    let text = fs::read_to_string(&path).unwrap();
    let at = text.find("author: ").expect("a card with an author");
    let text = format!(
        "{}author_x: {}",
        &text[..at],
        &text[at + "author: ".len()..]
    );
    fs::write(&path, &text).unwrap();
    (path, text)
}

#[test]
fn check_names_an_unknown_field_with_its_path_and_place() {
    let env = Env::new();
    let (path, text) = with_misspelt_author(&env);
    let unknown = store::unknown_fields(text.as_bytes());
    assert_eq!(unknown.len(), 1, "{unknown:?}");
    assert!(unknown[0].ends_with(".author_x"), "{unknown:?}");
    let out = env
        .cmd()
        .args(["--lang", "en", "check"])
        .arg(&path)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    let (line, col) = store::locate(&text, "author_x:");
    assert!(
        stdout.contains(&format!(
            "{}:{line}:{col}: warning: unknown field \"{}\"",
            path.display(),
            unknown[0]
        )),
        "{stdout}"
    );
}

#[test]
fn a_file_with_unknown_fields_is_never_saved_over() {
    let env = Env::new();
    let (path, text) = with_misspelt_author(&env);
    let (mut ours, mut tracked, unknown) = Tracked::open(&path).unwrap();
    assert_eq!(unknown.len(), 1);
    add_card(&mut ours, "a1", "A1", 10);
    let saved = tracked.save(&ours, ours.saved).unwrap();
    assert!(matches!(saved, Saved::AsConflictCopy { .. }), "{saved:?}");
    assert_eq!(fs::read_to_string(&path).unwrap(), text, "left as it is");
    assert!(cards(tracked.path()).contains(&"A1".into()));
}

#[test]
fn the_shipped_sessions_and_the_fixtures_have_no_unknown_field() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut seen = 0;
    for dir in ["sessions", "tests/fixtures"] {
        for entry in fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "ron") {
                let unknown = store::unknown_fields(&fs::read(&path).unwrap());
                assert!(unknown.is_empty(), "{}: {unknown:?}", path.display());
                seen += 1;
            }
        }
    }
    assert!(seen >= 7, "{seen} files");
}

/// The review browser says which file is a conflict copy, in its state column; the copy,
/// saved last, is the one in use, and the file it differs from is still listed, to view.
#[test]
fn the_review_browser_lists_a_conflict_copy_as_such() {
    let session = atelier::sample::bakers_session(at(0), 0);
    let mut copy = session.clone();
    copy.saved = at(60);
    let mut folder = common::folder_of(vec![session.clone()], |dir| {
        let original = store::session_files(dir).unwrap().remove(0);
        let path = store::conflict_path(&original, at(60));
        copy.conflict = Some(atelier::model::Conflict {
            of: original.file_name().unwrap().to_string_lossy().into_owned(),
            at: at(60),
        });
        store::save(&path, &copy).unwrap();
    });
    let h = &mut folder.h;
    h.keys("r");
    let screen = common::screen::text(&common::screen::draw(&h.model, 120, 30));
    let rows: Vec<&str> = screen
        .lines()
        .filter(|l| l.contains(&session.group.name[..10]))
        .collect();
    assert_eq!(rows.len(), 2, "both files listed:\n{screen}");
    assert_eq!(
        rows.iter().filter(|r| r.contains("⚠conflit")).count(),
        1,
        "{screen}"
    );
}

/// Opening a file with a field atelier does not know says so on the screen, in a real
/// terminal, and what is typed then goes to a conflict copy, never over the file.
#[test]
fn opening_a_file_with_an_unknown_field_says_so_and_keeps_it() {
    if !tmux::available() {
        return;
    }
    let mut t = tmux::Term::new(100, 30);
    let dir = t.path("sessions");
    fs::create_dir(&dir).unwrap();
    let session = atelier::sample::bakers_first_session(Utc::now(), 7);
    let file = store::Store::new(&dir).path_for_new(&session);
    store::save(&file, &session).unwrap();
    let text = fs::read_to_string(&file).unwrap().replacen(
        "    place:",
        "    place_x: \"salle 2\",\n    place:",
        1,
    );
    fs::write(&file, &text).unwrap();
    t.start(&["--dir", dir.to_str().unwrap()], &[]);
    t.wait_for(&session.group.name);
    t.keys(&["Enter"]);
    t.wait_for("champs qu'atelier ne connaît pas (place_x)");
    t.keys(&["Tab", "a"]);
    t.text("Invité X");
    t.keys(&["Enter"]);
    wait_copy(&dir);
    assert_eq!(
        fs::read_to_string(&file).unwrap(),
        text,
        "the file as it was"
    );
    t.keys(&["Escape"]);
    std::thread::sleep(std::time::Duration::from_millis(300));
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
}
