//! The sessions folder inside the sync tools programmes use (Syncthing, Nextcloud or a
//! shared drive, git): what those tools leave in a folder, reproduced by hand (their names,
//! temporary files, renames), not the daemons. Their conflict copies are listed and counted
//! as atelier's own, once, and named by `check` with what to do; two files with the same id
//! are counted once; their temporary files and folders are never listed, nor "unreadable";
//! a lock file that arrives from another machine blocks nobody; a session open here that a
//! sync replaces goes to a conflict copy.

mod common;

use atelier::i18n::Lang;
use atelier::model::Session;
use atelier::store::{self, Saved, SessionLock, Store, Tracked};
use atelier::ui::Home;
use chrono::{TimeDelta, TimeZone, Utc};
use common::binary::Env;
use std::fs;
use std::path::{Path, PathBuf};

fn series() -> Vec<Session> {
    atelier::sample::series(Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap(), 7)
}

/// `NAME.ron` → the same folder, `NAME` + `tail` (+ `.ron`).
fn beside(path: &Path, tail: &str) -> PathBuf {
    let stem = path.file_stem().unwrap().to_string_lossy();
    path.with_file_name(format!("{stem}{tail}"))
}

fn name(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

/// What Syncthing, Nextcloud and a versioning leave in a synced folder besides the files:
/// half-received temporary files, the old versions' folder, its own marker and ignore list,
/// a download in progress, an office lock, and a lock file copied from another machine.
fn sync_litter(dir: &Path, of: &Path) {
    let file = name(of);
    fs::write(
        dir.join(format!(".syncthing.{file}.tmp")),
        "(\n    version: 2,\n",
    )
    .unwrap();
    fs::write(dir.join(format!("~syncthing~{file}.tmp")), "(\n    vers").unwrap();
    fs::create_dir(dir.join(".stfolder")).unwrap();
    fs::write(dir.join(".stignore"), "*.lock\n").unwrap();
    let versions = dir.join(".stversions");
    fs::create_dir(&versions).unwrap();
    let stem = of.file_stem().unwrap().to_string_lossy();
    fs::copy(of, versions.join(format!("{stem}~20261206-093012.ron"))).unwrap();
    fs::write(dir.join(format!("{file}.part")), "(\n    ver").unwrap();
    fs::write(dir.join(format!(".~lock.{file}#")), "someone,host,...").unwrap();
    fs::write(dir.join(format!("{file}.lock")), "").unwrap();
}

/// The tailors' three sessions; session 3 changed on two machines before they synced
/// (Syncthing kept the other machine's, saved later, as its copy), session 2 likewise under
/// Nextcloud (its copy saved earlier), and the tools' litter beside them.
struct Synced {
    env: Env,
    sessions: Vec<PathBuf>,
    syncthing: PathBuf,
    nextcloud: PathBuf,
}

fn synced() -> Synced {
    let env = Env::new();
    let series = series();
    let sessions: Vec<PathBuf> = series.iter().map(|s| env.save(s)).collect();
    let mut theirs = series[2].clone();
    theirs.saved += TimeDelta::minutes(5);
    theirs.place = "Chez Karim".into();
    let syncthing = beside(&sessions[2], ".sync-conflict-20261206-093012-ABCDEF7.ron");
    store::save(&syncthing, &theirs).unwrap();
    let mut older = series[1].clone();
    older.saved -= TimeDelta::minutes(5);
    let nextcloud = beside(&sessions[1], " (conflicted copy 2026-12-06 093012).ron");
    store::save(&nextcloud, &older).unwrap();
    sync_litter(&env.dir, &sessions[0]);
    Synced {
        env,
        sessions,
        syncthing,
        nextcloud,
    }
}

#[test]
fn sync_tools_conflict_copies_are_listed_as_conflict_copies_and_counted_once() {
    let f = synced();
    let listing = Store::new(&f.env.dir).list();
    assert!(listing.unreadable.is_empty(), "{:?}", listing.unreadable);
    assert_eq!(listing.sessions.len(), 5, "three sessions and two copies");
    assert_eq!(listing.in_use().count(), 3);
    // The one saved last is the one used: Syncthing's copy of session 3, the file of
    // session 2.
    let used: Vec<&Path> = listing.in_use().map(|s| s.path.as_path()).collect();
    assert!(used.contains(&f.syncthing.as_path()), "{used:?}");
    assert!(used.contains(&f.sessions[1].as_path()), "{used:?}");
    let copies: Vec<&Path> = listing
        .sessions
        .iter()
        .filter(|s| s.is_conflict_copy())
        .map(|s| s.path.as_path())
        .collect();
    assert_eq!(copies, [f.syncthing.as_path(), f.nextcloud.as_path()]);

    // The home screen: one group of three sessions; the browser says which are copies.
    let home = Home::from_listing(listing.clone(), Lang::Fr);
    assert_eq!(home.groups.len(), 1);
    assert_eq!(home.groups[0].sessions, 3);
    let conflicts: Vec<&Path> = home
        .rows
        .iter()
        .filter(|r| r.conflict)
        .map(|r| r.path.as_path())
        .collect();
    assert_eq!(conflicts.len(), 2, "{conflicts:?}");
    // The timeline reads each session once.
    let group = &listing.sessions[0].group_id;
    let numbers: Vec<u32> = Store::new(&f.env.dir)
        .group_sessions(&listing, group)
        .iter()
        .map(|s| s.number)
        .collect();
    assert_eq!(numbers, [1, 2, 3]);
    // The report too.
    let (facts, files, unreadable) = atelier::report::read_dir(&f.env.dir).unwrap();
    assert_eq!((files, unreadable), (5, 0));
    let report = atelier::report::aggregate(facts, files, unreadable, Default::default());
    assert_eq!(report.total.sessions, 3);
}

#[test]
fn check_names_each_sync_tool_s_copy_with_what_to_do_and_skips_their_temporary_files() {
    let f = synced();
    let out = f
        .env
        .cmd()
        .args(["check", "--lang", "en", "--dir", f.env.dir()])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let line_of = |path: &Path, what: &str| {
        stdout
            .lines()
            .find(|l| l.starts_with(&format!("{}:", path.display())) && l.contains(what))
            .unwrap_or_else(|| panic!("no line on {} with {what:?} in\n{stdout}", path.display()))
            .to_string()
    };
    let syncthing = line_of(&f.syncthing, "conflict copy of");
    assert!(
        syncthing.contains(&format!(
            "conflict copy of {}, made by Syncthing",
            name(&f.sessions[2])
        )) && syncthing.contains("keep the right one"),
        "{syncthing}"
    );
    let nextcloud = line_of(&f.nextcloud, "conflict copy of");
    assert!(
        nextcloud.contains(&format!(
            "conflict copy of {}, made by a sync tool",
            name(&f.sessions[1])
        )),
        "{nextcloud}"
    );
    // The copies not in use are named with the file that is, and what to do.
    for (old, used) in [
        (&f.sessions[2], &f.syncthing),
        (&f.nextcloud, &f.sessions[1]),
    ] {
        let line = line_of(old, "same session as");
        assert!(
            line.contains(&used.display().to_string()) && line.contains("Compare them"),
            "{line}"
        );
    }
    // Nothing of the tools' own files: checked are the five session files.
    for l in stdout.lines() {
        assert!(
            !l.contains("syncthing~")
                && !l.contains(".syncthing.")
                && !l.contains(".stversions")
                && !l.contains(".part")
                && !l.contains(".lock"),
            "{l}"
        );
    }
    assert!(
        stdout.ends_with("5 files checked: 0 unreadable, 4 warnings. Unreadable files are left as they are: restore a copy or fix them at the place shown; warnings do not stop a session from opening.\n"),
        "{stdout}"
    );
}

#[test]
fn a_record_s_sync_conflict_copy_and_a_record_found_twice_are_counted_once_and_named() {
    let env = Env::new();
    let sessions: Vec<PathBuf> = series().iter().map(|s| env.save(s)).collect();
    let group = store::load(&sessions[0]).unwrap().group;
    let mut visit = common_visit(&group);
    let record = atelier::model::dated::Record::Visit(Box::new(visit.clone()));
    let path = Store::new(&env.dir).path_for_record(&record);
    store::save_record(&path, &record).unwrap();
    // Changed on two machines: Syncthing keeps the other machine's, saved later.
    visit.saved += TimeDelta::minutes(5);
    visit.seen.push_str(" Vu aussi le four.");
    let copy = beside(&path, ".sync-conflict-20261206-093012-ABCDEF7.ron");
    store::save_record(
        &copy,
        &atelier::model::dated::Record::Visit(Box::new(visit.clone())),
    )
    .unwrap();
    // And the same visit copied in by hand under another name, saved earlier.
    visit.saved -= TimeDelta::minutes(10);
    let twice = env.dir.join("visite-copiee.ron");
    store::save_record(
        &twice,
        &atelier::model::dated::Record::Visit(Box::new(visit)),
    )
    .unwrap();

    let listing = Store::new(&env.dir).list();
    assert!(listing.unreadable.is_empty(), "{:?}", listing.unreadable);
    assert_eq!(listing.records.len(), 3);
    let used: Vec<&Path> = listing.records_in_use().map(|r| r.path.as_path()).collect();
    assert_eq!(used, [copy.as_path()]);
    assert!(listing.record_by_path(&copy).unwrap().is_conflict_copy());
    let group_id = &listing.sessions[0].group_id;
    assert_eq!(
        Store::new(&env.dir).group_records(&listing, group_id).len(),
        1
    );

    let out = env
        .cmd()
        .args(["check", "--lang", "fr", "--dir", env.dir()])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let on = |p: &Path| {
        stdout
            .lines()
            .filter(|l| l.starts_with(&format!("{}:", p.display())))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert!(
        on(&copy).contains(&format!(
            "copie en conflit de {}, faite par Syncthing",
            name(&path)
        )),
        "{stdout}"
    );
    for old in [&path, &twice] {
        let lines = on(old);
        assert!(
            lines.contains("même fiche que")
                && lines.contains(&copy.display().to_string())
                && lines.contains("gardez la bonne"),
            "{stdout}"
        );
    }
}

fn common_visit(group: &atelier::model::Group) -> atelier::model::dated::Visit {
    let mut v = common::records::visit();
    v.group = group.id.clone();
    v.group_name = group.name.clone();
    v.member = group.members[0].id.clone();
    v.member_name = group.members[0].name.clone();
    v
}

#[test]
fn a_lock_file_from_another_machine_blocks_nobody() {
    // A lock is an OS lock held on the file by a running atelier, not the file's being
    // there: a lock file a sync brings (or a copy of a folder) holds no lock on this
    // machine, whatever it contains.
    let env = Env::new();
    let path = env.save(&series()[0]);
    let lock = store::lock_path(&path);
    fs::write(&lock, "held by atelier on another-laptop, pid 4242\n").unwrap();
    let held = SessionLock::acquire(&path).expect("a copied lock file blocks nobody");
    // While held here, a second atelier on this machine is kept out.
    assert!(matches!(
        SessionLock::acquire(&path),
        Err(store::LockError::Busy)
    ));
    drop(held);
    assert!(!lock.exists(), "the lock file goes with the lock");
}

#[test]
fn a_session_open_here_that_a_sync_replaces_goes_to_a_conflict_copy() {
    let env = Env::new();
    let series = series();
    let path = env.save(&series[2]);
    let (mut ours, mut tracked, _) = Tracked::open(&path).unwrap();
    // Syncthing brings the other machine's version: written to a temporary file, then
    // renamed over the session file.
    let mut theirs = series[2].clone();
    theirs.place = "Chez Karim".into();
    theirs.saved += TimeDelta::minutes(1);
    let tmp = env.dir.join(format!(".syncthing.{}.tmp", name(&path)));
    store::save(&tmp, &theirs).unwrap();
    fs::rename(&tmp, &path).unwrap();

    ours.place = "Chez Fatima".into();
    ours.saved += TimeDelta::minutes(2);
    let saved = tracked.save(&ours, ours.saved).unwrap();
    let Saved::AsConflictCopy { copy, .. } = saved else {
        panic!("saved over the synced file: {saved:?}");
    };
    assert_eq!(store::load(&path).unwrap().place, "Chez Karim");
    assert_eq!(store::load(&copy).unwrap().place, "Chez Fatima");
    let listing = Store::new(&env.dir).list();
    assert_eq!(listing.in_use().count(), 1);
    assert!(listing.by_path(&copy).unwrap().is_conflict_copy());
}

#[test]
fn the_home_screen_says_which_line_is_a_conflict_copy_and_which_an_older_copy() {
    let f = synced();
    let dir = tempfile::tempdir().unwrap();
    for entry in fs::read_dir(&f.env.dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
        }
    }
    let mut h = common::Harness::in_dir(dir);
    h.tick();
    let screen = common::screen::text(&common::screen::draw(&h.model, 160, 30));
    let lines = |what: &str| screen.lines().filter(|l| l.contains(what)).count();
    let s = Lang::Fr.strings();
    // Session 3: Syncthing's copy is in use, the file beside it the older copy; session 2:
    // Nextcloud's copy is the older one.
    assert_eq!(lines(s.home_conflict_copy), 1, "{screen}");
    assert_eq!(lines(&s.home_older_copy[..30]), 2, "{screen}");
}
