//! `atelier follow [FILE|ID]`: a second screen (a projector, a co-facilitator's laptop on a
//! shared folder) that shows a session another atelier is running, in presenter view, and
//! redraws it whenever that atelier saves it.
//!
//! It never writes: no save, no lock, no draft, no summary cache (so no `Store::list`, which
//! refreshes the cache). Each save of the other atelier replaces the file by a rename, so the
//! file is watched by path, and its identity (inode), size and time tell that it changed. A
//! file missing for a moment or not readable keeps the last good state on screen, with a
//! line that says the file is awaited.

use crate::i18n::{Strings, fill};
use crate::model::{Id, Session};
use crate::store::{self, FindError, LoadError};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

/// How often `follow` without a session named looks whether the folder changed (one `stat`
/// of the folder: a save renames a file into it, a new session adds one).
const LATEST_EVERY: Duration = Duration::from_secs(2);

/// How a file looked when it was last read: a rename gives it another inode, a write in
/// place another size or time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    inode: u64,
}

impl Stamp {
    fn of(meta: &std::fs::Metadata) -> Stamp {
        #[cfg(unix)]
        let inode = std::os::unix::fs::MetadataExt::ino(meta);
        #[cfg(not(unix))]
        let inode = 0;
        Stamp {
            len: meta.len(),
            modified: meta.modified().ok(),
            inode,
        }
    }
}

/// What one look at the file found.
#[derive(Debug)]
pub enum Seen {
    Unchanged,
    /// The file changed and reads whole.
    Changed(Box<Session>),
    /// The file went missing or stopped reading (the reason, in a sentence); said once
    /// while the reason stays the same, again when it changes.
    Waiting(String),
}

/// Watches one session file by its path. Only reads.
#[derive(Debug)]
pub struct Watch {
    path: PathBuf,
    strings: &'static Strings,
    /// The file as last read whole.
    shown: Option<Stamp>,
    /// The file as last found unreadable: not parsed again until it changes.
    failed: Option<Stamp>,
    /// Why the file is awaited, as last said: said again only when it changes (an
    /// unreadable file deleted is then said to be missing).
    waiting: Option<String>,
    /// `follow` without a session named: the folder whose latest session is followed, so
    /// that the next session the advisor starts comes up on the second screen by itself.
    latest_in: Option<PathBuf>,
    scanned: Option<Instant>,
    /// The folder's own time when it was last scanned: unchanged, nothing was added,
    /// removed or saved by a rename since, and no file is looked at.
    folder_seen: Option<SystemTime>,
    /// Files read and found not to be the next session (or unreadable), as they were then:
    /// not read again until they change, so a folder whose file times do not follow the
    /// order of saves (a copy, a merge) costs one read per file, not one every scan.
    examined: HashMap<PathBuf, Stamp>,
    /// Files read whole by scans, for the tests.
    reads: usize,
    /// The group and number of the session on screen: only a later session of the same
    /// group is moved to, so another advisor saving another group in a shared folder never
    /// takes the projector away.
    on_screen: Option<(Id, u32)>,
}

impl Watch {
    pub fn new(path: PathBuf, strings: &'static Strings) -> Watch {
        Watch {
            path,
            strings,
            shown: None,
            failed: None,
            waiting: None,
            latest_in: None,
            scanned: None,
            folder_seen: None,
            examined: HashMap::new(),
            reads: 0,
            on_screen: None,
        }
    }

    /// Follows whichever session of `dir` is saved last, starting with this watch's file.
    pub fn latest_of(mut self, dir: PathBuf) -> Watch {
        self.latest_in = Some(dir);
        self
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Looks at the file: cheap when it has not changed (one `stat`).
    pub fn look(&mut self) -> Seen {
        self.move_to_newer_session();
        let meta = match std::fs::metadata(&self.path) {
            Ok(m) => m,
            Err(e) => return self.fail(None, e.to_string()),
        };
        let stamp = Stamp::of(&meta);
        // A file back as it was (moved away and back) is read again all the same: the
        // screen must stop saying it is awaited.
        let shown = self.waiting.is_none() && Some(stamp) == self.shown;
        if shown || Some(stamp) == self.failed {
            return Seen::Unchanged;
        }
        match store::load(&self.path) {
            Ok(session) => {
                self.on_screen = Some((session.group.id.clone(), session.number));
                self.shown = Some(stamp);
                self.failed = None;
                self.waiting = None;
                Seen::Changed(Box::new(session))
            }
            Err(e) => {
                let reason = e.message(self.strings);
                self.fail(Some(stamp), reason)
            }
        }
    }

    /// Following the folder's latest session: when the advisor closes the session on screen
    /// and starts the group's next one, follow that one. Only files saved since the one on
    /// screen are looked at, only a later session of the same group is taken (a shared
    /// folder holds other advisors' groups), and only once it reads whole, so a half-written
    /// file never replaces a good screen.
    fn move_to_newer_session(&mut self) {
        let (Some(dir), Some((group, number))) = (&self.latest_in, &self.on_screen) else {
            return;
        };
        if self.scanned.is_some_and(|t| t.elapsed() < LATEST_EVERY) {
            return;
        }
        self.scanned = Some(Instant::now());
        let folder = std::fs::metadata(dir).and_then(|m| m.modified()).ok();
        if folder.is_some() && folder == self.folder_seen {
            return;
        }
        self.folder_seen = folder;
        let current = std::fs::metadata(&self.path)
            .and_then(|m| m.modified())
            .ok();
        let Ok(files) = store::session_files(dir) else {
            return;
        };
        // One `stat` a file; only those saved after the one on screen and not already
        // examined as they are now are candidates.
        let mut newer: Vec<(SystemTime, Stamp, PathBuf)> = files
            .into_iter()
            .filter(|p| *p != self.path)
            .filter_map(|p| {
                let meta = std::fs::metadata(&p).ok()?;
                let stamp = Stamp::of(&meta);
                (self.examined.get(&p) != Some(&stamp))
                    .then(|| Some((meta.modified().ok()?, stamp, p)))
                    .flatten()
            })
            .filter(|(m, _, _)| current.is_none_or(|c| *m > c))
            .collect();
        crate::sort::by_key(&mut newer, |(m, _, _)| std::cmp::Reverse(*m));
        let mut next = None;
        for (_, stamp, path) in newer {
            self.reads += 1;
            match store::load(&path) {
                Ok(s) if s.group.id == *group && s.number > *number => {
                    next = Some(path);
                    break;
                }
                _ => {
                    self.examined.insert(path, stamp);
                }
            }
        }
        if let Some(path) = next {
            self.path = path;
            self.shown = None;
            self.failed = None;
        }
    }

    fn fail(&mut self, stamp: Option<Stamp>, reason: String) -> Seen {
        self.failed = stamp;
        if self.waiting.as_ref() == Some(&reason) {
            return Seen::Unchanged;
        }
        self.waiting = Some(reason.clone());
        Seen::Waiting(reason)
    }
}

/// The session `atelier follow` was asked for: a file, an id (or its start) in the folder,
/// or without either the folder's most recently saved session. Asks the folder's index
/// (`store::index`), which reads only the files changed since it last looked.
pub fn resolve(dir: &Path, target: Option<&str>, strings: &Strings) -> Result<PathBuf, String> {
    if let Some(t) = target
        && Path::new(t).is_file()
    {
        return Ok(PathBuf::from(t));
    }
    // A folder that cannot be read is said as such, not as "nothing found" (opened only:
    // looking at every file is the index's to do, and only when the folder changed).
    match std::fs::read_dir(dir) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            let e = LoadError::Io {
                detail: e.to_string(),
            };
            return Err(unreadable(dir, &e, strings));
        }
        _ => {}
    }
    let Some(target) = target else {
        return store::index::latest_path(dir)
            .ok_or_else(|| fill(strings.demo.nothing_to_follow, &[&dir.display()]));
    };
    let l = &strings.store.cli;
    match store::index::find_path(dir, target, false) {
        Ok(path) => Ok(path),
        Err(FindError::NotFound) => Err(fill(l.not_found, &[&target, &dir.display()])),
        Err(FindError::Ambiguous(ids)) => {
            let ids: Vec<&str> = ids.iter().map(Id::as_str).collect();
            Err(fill(l.ambiguous, &[&target, &ids.join(", ")]))
        }
    }
}

fn unreadable(dir: &Path, e: &LoadError, strings: &Strings) -> String {
    let reason = e.message(strings);
    fill(strings.demo.folder_unreadable, &[&dir.display(), &reason])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use chrono::{TimeZone, Utc};

    fn session() -> Session {
        let now = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap();
        crate::sample::bakers_session(now, 3)
    }

    #[test]
    fn a_missing_file_is_awaited_once_then_read_again() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        let mut watch = Watch::new(path.clone(), Lang::En.strings());
        assert!(matches!(watch.look(), Seen::Waiting(_)));
        assert!(matches!(watch.look(), Seen::Unchanged));
        store::save(&path, &session()).unwrap();
        assert!(matches!(watch.look(), Seen::Changed(_)));
        assert!(matches!(watch.look(), Seen::Unchanged));
        // Moved away and back unchanged: awaited, then shown again.
        let away = dir.path().join("away");
        std::fs::rename(&path, &away).unwrap();
        assert!(matches!(watch.look(), Seen::Waiting(_)));
        std::fs::rename(&away, &path).unwrap();
        assert!(matches!(watch.look(), Seen::Changed(_)));
        assert!(matches!(watch.look(), Seen::Unchanged));
        // Half written: the last good state stays, the file is awaited.
        std::fs::write(&path, "(id: \"abc\", ").unwrap();
        assert!(matches!(watch.look(), Seen::Waiting(_)));
        assert!(matches!(watch.look(), Seen::Unchanged));
        let mut s = session();
        s.place = "Ailleurs".into();
        store::save(&path, &s).unwrap();
        match watch.look() {
            Seen::Changed(back) => assert_eq!(back.place, "Ailleurs"),
            other => panic!("{other:?}"),
        }
    }

    /// What the waiting line says is the current reason: a file that was unreadable and is
    /// then deleted is said to be missing, not still unreadable (issue 11, point 9).
    #[test]
    fn the_waiting_reason_follows_what_became_of_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        store::save(&path, &session()).unwrap();
        let mut watch = Watch::new(path.clone(), Lang::En.strings());
        assert!(matches!(watch.look(), Seen::Changed(_)));
        std::fs::write(&path, "(id: \"abc\", ").unwrap();
        let unreadable = match watch.look() {
            Seen::Waiting(reason) => reason,
            other => panic!("{other:?}"),
        };
        std::fs::remove_file(&path).unwrap();
        let missing = std::fs::metadata(&path).unwrap_err().to_string();
        match watch.look() {
            Seen::Waiting(reason) => {
                assert_ne!(reason, unreadable);
                assert_eq!(reason, missing);
            }
            other => panic!("the reason stayed {unreadable:?}: {other:?}"),
        }
        // Said once while it stays so.
        assert!(matches!(watch.look(), Seen::Unchanged));
        // Garbage again: said again, with its own reason.
        std::fs::write(&path, "(id: ").unwrap();
        match watch.look() {
            Seen::Waiting(reason) => assert_ne!(reason, missing),
            other => panic!("{other:?}"),
        }
        assert!(matches!(watch.look(), Seen::Unchanged));
    }

    #[test]
    fn following_the_latest_moves_to_the_next_session_saved() {
        let dir = tempfile::tempdir().unwrap();
        let first = dir.path().join("s1.ron");
        store::save(&first, &session()).unwrap();
        let mut watch = Watch::new(first.clone(), Lang::En.strings());
        watch = watch.latest_of(dir.path().to_path_buf());
        assert!(matches!(watch.look(), Seen::Changed(_)));
        // The advisor starts the next session: a newer file. A half-written one is not taken.
        let next = dir.path().join("s2.ron");
        std::thread::sleep(Duration::from_millis(20));
        std::fs::write(&next, "(version: 1, ").unwrap();
        watch.scanned = None;
        assert!(matches!(watch.look(), Seen::Unchanged));
        assert_eq!(watch.path(), first);
        // Another advisor's group saved in the shared folder: not taken.
        let now = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap();
        let other = crate::sample::series(now, 5).remove(0);
        assert_ne!(other.group.id, session().group.id);
        store::save(&dir.path().join("other.ron"), &other).unwrap();
        watch.scanned = None;
        assert!(matches!(watch.look(), Seen::Unchanged));
        assert_eq!(watch.path(), first);
        // The same group's next session is.
        let mut s2 = session();
        s2.number += 1;
        s2.place = "Salle 2".into();
        std::thread::sleep(Duration::from_millis(20));
        store::save(&next, &s2).unwrap();
        watch.scanned = None;
        match watch.look() {
            Seen::Changed(s) => assert_eq!(s.place, "Salle 2"),
            other => panic!("{other:?}"),
        }
        assert_eq!(watch.path(), next);
        // A watch on a named session stays on it.
        let mut named = Watch::new(first.clone(), Lang::En.strings());
        assert!(matches!(named.look(), Seen::Changed(_)));
        assert!(matches!(named.look(), Seen::Unchanged));
        assert_eq!(named.path(), first);
    }

    #[test]
    fn following_the_latest_reads_a_file_once_until_it_changes_whatever_its_time() {
        let dir = tempfile::tempdir().unwrap();
        let first = dir.path().join("s1.ron");
        store::save(&first, &session()).unwrap();
        // Other groups' sessions with file times after the one followed (a folder copied
        // without keeping times): each is a candidate, none is the next session.
        let now = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap();
        std::thread::sleep(Duration::from_millis(20));
        for (n, other) in crate::sample::series(now, 5).into_iter().enumerate() {
            store::save(&dir.path().join(format!("other{n}.ron")), &other).unwrap();
        }
        let mut watch = Watch::new(first, Lang::En.strings()).latest_of(dir.path().into());
        assert!(matches!(watch.look(), Seen::Changed(_)));
        watch.scanned = None;
        assert!(matches!(watch.look(), Seen::Unchanged));
        let after_first = watch.reads;
        assert_eq!(after_first, 3, "each newer file read once");
        // Scan after scan, the folder unchanged: no file read, not even listed.
        for _ in 0..5 {
            watch.scanned = None;
            assert!(matches!(watch.look(), Seen::Unchanged));
        }
        assert_eq!(watch.reads, after_first);
        // The folder changes (a file added): the scan runs, the examined files are not read
        // again, the new one is.
        std::thread::sleep(Duration::from_millis(20));
        let mut other = crate::sample::series(now, 5).remove(0);
        other.number = 9;
        store::save(&dir.path().join("other9.ron"), &other).unwrap();
        watch.scanned = None;
        assert!(matches!(watch.look(), Seen::Unchanged));
        assert_eq!(watch.reads, after_first + 1);
    }
}
