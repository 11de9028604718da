//! A visit, an activity or a diagnosis open for editing, and what its file was when this
//! atelier last read or wrote it: the same guard as a session's (see `tracked.rs`). A record
//! file changed on disk since (a sync tool, a restore, another atelier on a shared folder, a
//! hand edit) is never overwritten: the record on screen goes to a conflict copy beside it,
//! `NAME.conflict-YYYYMMDD-HHMMSS.ron`, with the same record id, and saving goes on there.
//!
//! Unlike a session, a record keeps no `conflict` field: the copy's name says what it is a
//! copy of and when (see [`conflict_of`]), which `check` reads back. Adding a field to each
//! record kind for it would change the format for a fact its name already carries.

use super::record::{parse_record, record_unknown_fields_of_parsed, save_record};
use super::save::SaveError;
use super::tracked::{Saved, Stamp, conflict_path};
use crate::model::dated::Record;
use crate::model::{Conflict, Timestamp};
use chrono::{NaiveDateTime, TimeZone, Utc};
use std::path::{Path, PathBuf};

/// Saves `record` at `path` if the file there is still the one `stamp` describes (what was
/// last read or written), or is gone (nothing to lose then); otherwise as a conflict copy
/// beside it, named and dated by `now`. `stamp` is `None` for a file never to be written
/// over (one with fields this atelier does not know): its first save is a copy. What the
/// runner calls when it keeps the stamp itself; [`TrackedRecord`] keeps it for you.
pub fn save_record_tracked(
    path: &Path,
    record: &Record,
    stamp: Option<&Stamp>,
    now: Timestamp,
) -> Result<Saved, SaveError> {
    let on_disk = Stamp::of(path);
    if on_disk.is_none() || (stamp.is_some() && on_disk.as_ref() == stamp) {
        save_record(path, record)?;
        return Ok(Saved::InPlace);
    }
    let conflict = Conflict {
        of: path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
        at: now,
    };
    let copy = conflict_path(path, now);
    save_record(&copy, record)?;
    Ok(Saved::AsConflictCopy { copy, conflict })
}

/// The record file being edited and its stamp as last read or written here.
#[derive(Debug, Clone)]
pub struct TrackedRecord {
    path: PathBuf,
    stamp: Option<Stamp>,
}

impl TrackedRecord {
    /// Reads a record file and remembers what it was (the stamp of the open file, so of the
    /// very bytes read). A file with fields this atelier does not know is never saved over:
    /// its first save is a conflict copy. Their paths are returned.
    pub fn open(path: &Path) -> Result<(Record, TrackedRecord, Vec<String>), super::LoadError> {
        let io = |e: std::io::Error| super::LoadError::Io {
            detail: e.to_string(),
        };
        let mut file = std::fs::File::open(path).map_err(io)?;
        let stamp = file.metadata().map(|m| Stamp::of_metadata(&m)).ok();
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut file, &mut bytes).map_err(io)?;
        let record = parse_record(&bytes)?;
        let unknown = record_unknown_fields_of_parsed(&bytes, &record);
        let tracked = TrackedRecord {
            path: path.to_path_buf(),
            stamp: if unknown.is_empty() { stamp } else { None },
        };
        Ok((record, tracked, unknown))
    }

    /// A record file this atelier has just written (a new record).
    pub fn written(path: &Path) -> TrackedRecord {
        TrackedRecord {
            path: path.to_path_buf(),
            stamp: Stamp::of(path),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Saves over the file if it is still what this atelier last read or wrote, otherwise
    /// as a conflict copy, which becomes the file edited from then on.
    pub fn save(&mut self, record: &Record, now: Timestamp) -> Result<Saved, SaveError> {
        let saved = save_record_tracked(&self.path, record, self.stamp.as_ref(), now)?;
        if let Saved::AsConflictCopy { copy, .. } = &saved {
            self.path = copy.clone();
        }
        self.stamp = Stamp::of(&self.path);
        Ok(saved)
    }
}

/// What a conflict copy's name says: the name of the file it differs from and when it was
/// made (`NAME.conflict-20261206-093012.ron`, or `…-093012-2.ron`); `None` for another name.
pub fn conflict_of(path: &Path) -> Option<Conflict> {
    let name = path.file_name()?.to_str()?;
    let stem = name.strip_suffix(".ron")?;
    let (of, when) = stem.rsplit_once(".conflict-")?;
    let when = when.get(..15)?;
    let at = NaiveDateTime::parse_from_str(when, "%Y%m%d-%H%M%S").ok()?;
    Some(Conflict {
        of: format!("{of}.ron"),
        at: Utc.from_utc_datetime(&at),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_s_name_says_what_it_copies_and_when() {
        let at = Utc.with_ymd_and_hms(2026, 12, 6, 9, 30, 12).unwrap();
        let file = Path::new("/x/2026-12-02_g_visit_v7k2m9.ron");
        let copy = conflict_path(file, at);
        let c = conflict_of(&copy).unwrap();
        assert_eq!(c.of, "2026-12-02_g_visit_v7k2m9.ron");
        assert_eq!(c.at, at);
        let second = Path::new("/x/a.conflict-20261206-093012-2.ron");
        assert_eq!(conflict_of(second).unwrap().of, "a.ron");
        assert!(conflict_of(file).is_none());
        assert!(conflict_of(Path::new("a.conflict-garbage.ron")).is_none());
    }
}
