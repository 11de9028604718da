//! The session file open for editing, and what it was when this atelier last read or wrote
//! it. The lock beside it keeps a second atelier out, but a lock file can go (removed by
//! hand, or the folder moved away and back by a sync tool or a backup restore), and a sync
//! tool, a restore or a hand edit ignore it anyway. So before every save the file on disk is
//! compared with what this atelier last saw (device, inode, size, modification time); if it
//! differs, it is never overwritten: the session on screen is saved as a conflict copy
//! beside it, with the same session id, and saving goes on there.

use super::save::{SaveError, save};
use crate::model::{Conflict, Session, Timestamp};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// What a file is on disk: enough to tell that it was replaced or changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    dev: u64,
    ino: u64,
    size: u64,
    modified: Option<SystemTime>,
}

impl Stamp {
    pub fn of(path: &Path) -> Option<Stamp> {
        std::fs::metadata(path).ok().map(|m| Stamp::of_metadata(&m))
    }

    pub(super) fn of_metadata(m: &std::fs::Metadata) -> Stamp {
        #[cfg(unix)]
        let (dev, ino) = {
            use std::os::unix::fs::MetadataExt;
            (m.dev(), m.ino())
        };
        #[cfg(not(unix))]
        let (dev, ino) = (0, 0);
        Stamp {
            dev,
            ino,
            size: m.len(),
            modified: m.modified().ok(),
        }
    }
}

/// How a save went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    /// Written over the file as this atelier left it.
    InPlace,
    /// The file had changed on disk: the session went to `copy`, which is now the file
    /// being edited, with `conflict` recorded in it.
    AsConflictCopy { copy: PathBuf, conflict: Conflict },
}

/// The session file being edited, and its stamp as last read or written here.
#[derive(Debug, Clone)]
pub struct Tracked {
    path: PathBuf,
    stamp: Option<Stamp>,
    /// Once saving moved to a conflict copy: what the copy records, kept in every later
    /// save there even if the caller's session does not carry it.
    conflict: Option<Conflict>,
}

impl Tracked {
    /// Reads a session file and remembers what it was. The stamp is taken from the open
    /// file, so it is the stamp of the very bytes read. A file with fields this atelier does
    /// not know (see [`super::unknown_fields`]) is never saved over, since what they hold
    /// would be lost: its first save is a conflict copy. Their paths are returned.
    pub fn open(path: &Path) -> Result<(Session, Tracked, Vec<String>), super::LoadError> {
        let io = |e: std::io::Error| super::LoadError::Io {
            detail: e.to_string(),
        };
        let mut file = std::fs::File::open(path).map_err(io)?;
        let stamp = file.metadata().map(|m| Stamp::of_metadata(&m)).ok();
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut file, &mut bytes).map_err(io)?;
        let session = super::parse(&bytes)?;
        let unknown = super::unknown_fields_of_parsed(&bytes);
        let tracked = Tracked {
            path: path.to_path_buf(),
            // No stamp matches the file on disk: the first save goes to a copy.
            stamp: if unknown.is_empty() { stamp } else { None },
            conflict: session.conflict.clone(),
        };
        Ok((session, tracked, unknown))
    }

    /// A file this atelier has just written (a new session).
    pub fn written(path: &Path) -> Tracked {
        Tracked {
            path: path.to_path_buf(),
            stamp: Stamp::of(path),
            conflict: None,
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Saves `session` over the file if the file is still what this atelier last read or
    /// wrote (or is gone: nothing to lose then); otherwise as a conflict copy beside it.
    /// `now` names and dates the copy.
    pub fn save(&mut self, session: &Session, now: Timestamp) -> Result<Saved, SaveError> {
        let on_disk = Stamp::of(&self.path);
        if on_disk.is_none() || (self.stamp.is_some() && on_disk == self.stamp) {
            match &self.conflict {
                Some(c) if session.conflict.as_ref() != Some(c) => {
                    let mut marked = session.clone();
                    marked.conflict = Some(c.clone());
                    save(&self.path, &marked)?;
                }
                _ => save(&self.path, session)?,
            }
            self.stamp = Stamp::of(&self.path);
            return Ok(Saved::InPlace);
        }
        let conflict = Conflict {
            of: self
                .path
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
            at: now,
        };
        let copy = conflict_path(&self.path, now);
        let mut ours = session.clone();
        ours.conflict = Some(conflict.clone());
        save(&copy, &ours)?;
        self.path = copy.clone();
        self.stamp = Stamp::of(&copy);
        self.conflict = Some(conflict.clone());
        Ok(Saved::AsConflictCopy { copy, conflict })
    }
}

/// `NAME.ron` → `NAME.conflict-20261206-093012.ron` beside it (a number added if taken):
/// it sorts next to the file it differs from, and says when.
pub fn conflict_path(path: &Path, now: Timestamp) -> PathBuf {
    let stem = path
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    let when = now.format("%Y%m%d-%H%M%S");
    let dir = path.parent().unwrap_or(Path::new(""));
    let mut candidate = dir.join(format!("{stem}.conflict-{when}.ron"));
    let mut n = 2;
    while candidate.exists() {
        candidate = dir.join(format!("{stem}.conflict-{when}-{n}.ron"));
        n += 1;
    }
    candidate
}
