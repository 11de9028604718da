//! The sessions folder: one RON file per session, saved atomically, locked while open, listed
//! as light summaries; beside them one file per visit, activity or diagnosis (`record*.rs`),
//! listed, checked and guarded against overwrites the same way. Sessions and records are
//! read, written, locked and listed here; the rest of the program sees `Session`, `Record`
//! and summary values and error enums with sentences. Three others touch the folder through
//! these functions or beside them: `runner` (which performs the effects with them, and keeps
//! the group setup's draft file), `report/read` (which reads the files its own way for the
//! report's facts) and `export` (which writes its files with `write_atomic`, outside the
//! folder's session files).
//!
//! Files that cannot be read are reported, never written, moved or deleted: the advisor
//! decides what to do with them.

pub mod broken;
mod cache;
mod check;
mod conflict_name;
pub(crate) mod derived;
mod dir;
mod file;
pub mod index;
mod known;
mod light;
mod link_check;
mod listing;
mod listing_records;
mod lock;
mod name;
mod places;
pub(crate) mod project;
mod prune;
mod record;
mod record_check;
mod record_summary;
mod record_tracked;
mod save;
mod summary;
mod tracked;

pub use cache::{Known, cache_path};
pub use check::{Warning, check_history, check_session, misfit_reason};
pub use conflict_name::{ConflictName, CopyMaker, conflict_name};
pub(crate) use derived::note_folder;
pub use dir::{
    Access, DirError, choose_dir, create_private_dir, data_folder, ensure_dir, resolve_dir,
};
pub use file::{
    LoadError, is_session_file, kind_of, load, parse, parse_raw, unknown_fields,
    unknown_fields_of_parsed,
};
pub use link_check::{life_links, record_links};
pub use listing::{FindError, GroupEntry, Listing, session_files};
pub use listing_records::Found;
pub use lock::{LockError, SessionLock, lock_path};
pub use name::{file_name, folded, record_file_name, slug};
pub use places::{history_places, locate, locate_key};
pub(crate) use prune::prune_gone_folders;
pub use record::{
    encode_record, load_record, parse_record, record_unknown_fields,
    record_unknown_fields_of_parsed, save_record,
};
pub(crate) use record_check::kind_word;
pub use record_check::{check_record, orphan_warning};
pub use record_summary::RecordSummary;
pub use record_tracked::{TrackedRecord, conflict_of, save_record_tracked};
pub use save::{SaveError, SaveErrorKind, encode, save, save_with, write_atomic};
pub use summary::{SEARCH_MAX, SharedTexts, Summary, search_text};
pub use tracked::{Saved, Stamp, Tracked, conflict_path};

use crate::model::dated::Record;
use crate::model::{Id, Session};
use std::path::{Path, PathBuf};

/// A sessions folder. Holds only its path: every call reads the disk afresh, so files copied
/// in by hand show up at the next `list` (the summary cache only spares parsing the files
/// whose size and time have not changed).
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
    /// A folder atelier may not write (see [`Access::ReadOnly`]): listings read the summary
    /// cache but never write it.
    read_only: bool,
    /// Listings go through the folder's index when it can be used (see [`Store::list`]).
    indexed: bool,
}

impl Store {
    /// No IO: use [`resolve_dir`] first to choose and create the folder.
    pub fn new(dir: impl Into<PathBuf>) -> Store {
        Store {
            dir: dir.into(),
            read_only: false,
            indexed: true,
        }
    }

    /// This folder listed without its index, by the summary cache alone, as a folder whose
    /// index cannot be used is (the summary cache's own tests).
    pub fn without_index(self) -> Store {
        Store {
            indexed: false,
            ..self
        }
    }

    /// A folder atelier only reads: its listings write no summary cache.
    pub fn read_only(dir: impl Into<PathBuf>) -> Store {
        Store {
            read_only: true,
            ..Store::new(dir)
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// A folder atelier only reads (see [`Store::read_only`]).
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Every session file of the folder, as summaries, and the files that cannot be read.
    /// Through the folder's index (in the OS cache folder, see [`index`]), brought up to
    /// date first: the sessions' search texts then stay there ([`Summary::search`] is
    /// `None`). A folder atelier only reads, or whose index cannot be used, is listed by its
    /// summary cache (in the OS cache folder, see [`cache_path`], rewritten when it is out
    /// of date), the search texts in memory. Either way only new and changed files are
    /// parsed, on every core. Session files are never written.
    pub fn list(&self) -> Listing {
        self.list_sharing(&Known::new(), &|_, _| {})
    }

    /// [`Store::list`], telling `progress(done, total)` as the files not in the cache are
    /// parsed (called from the parsing threads: send it on a channel to show it).
    pub fn list_with_progress(&self, progress: &(dyn Fn(usize, usize) + Sync)) -> Listing {
        self.list_sharing(&Known::new(), progress)
    }

    /// [`Store::list_with_progress`] while an earlier listing is still in memory: without
    /// the index, the summaries whose search text is unchanged share it with `known` (see
    /// [`Known`]).
    pub fn list_sharing(&self, known: &Known, progress: &(dyn Fn(usize, usize) + Sync)) -> Listing {
        if self.indexed
            && !self.read_only
            && let Some(mut index) = index::Index::open(&self.dir)
        {
            match index.listing(progress) {
                Ok(listing) => {
                    // The summary cache is not kept up to date beside the index: a file no
                    // listing reads (hundreds of MB for a national programme's folder).
                    if let Some(stale) = cache_path(&self.dir) {
                        let _ = std::fs::remove_file(stale);
                    }
                    return listing;
                }
                // A row that does not read back: the index is built again next time.
                Err(rusqlite::Error::FromSqlConversionFailure(..)) => {
                    drop(index);
                    index::Index::delete(&self.dir);
                }
                // Busy past its wait, a full disk: the summary cache does instead.
                Err(_) => {}
            }
        }
        listing::scan(&self.dir, known, progress, !self.read_only)
    }

    /// What [`Store::list`] says of one group: its sessions and records, and the other
    /// copies of them. Through the index (the other summaries never read into memory),
    /// else the whole listing.
    pub fn list_group(&self, group: &Id) -> Listing {
        if self.indexed
            && !self.read_only
            && let Some(mut index) = index::Index::open(&self.dir)
            && let Ok(listing) = index.group_listing(group)
        {
            return listing;
        }
        self.list()
    }

    /// Every session file of the folder, loaded one at a time as the iterator advances, in
    /// file-name order: for reading all sessions whole (a report) without holding them all.
    /// Shadowed copies are included; filter with a [`Listing`] if that matters.
    pub fn sessions(&self) -> impl Iterator<Item = (PathBuf, Result<Session, LoadError>)> + use<> {
        let files = session_files(&self.dir).unwrap_or_default();
        files.into_iter().map(|path| {
            let session = load(&path);
            (path, session)
        })
    }

    /// Where a new session is saved. The name is chosen once, when the session is created,
    /// and kept: renaming the group later does not move the file. Should the name be taken
    /// (the same short id twice, very unlikely), the whole id makes it unique.
    pub fn path_for_new(&self, session: &Session) -> PathBuf {
        let short = self.dir.join(file_name(session, session.id.short()));
        if !short.exists() {
            return short;
        }
        self.dir.join(file_name(session, session.id.as_str()))
    }

    /// Where a new visit, activity or diagnosis is saved, named like a session's file (see
    /// [`record_file_name`]), the whole id on a clash.
    pub fn path_for_record(&self, record: &Record) -> PathBuf {
        let id = record.dated().id();
        let short = self.dir.join(record_file_name(record, id.short()));
        if !short.exists() {
            return short;
        }
        self.dir.join(record_file_name(record, id.as_str()))
    }

    /// The sessions of a group, loaded whole, in number order (the copy in use when a session
    /// is there twice). What [`crate::model::open_reviews`] and a group timeline read. A file
    /// that fails to load now is skipped: it is in the listing's `unreadable` the next time.
    pub fn group_sessions(&self, listing: &Listing, group: &Id) -> Vec<Session> {
        listing
            .sessions_of_group(group)
            .into_iter()
            .filter_map(|s| load(&s.path).ok())
            .collect()
    }

    /// The visits, activities and diagnoses of a group, loaded whole, in date order (the
    /// copy saved last when a record is there twice). A file that fails to load now is
    /// skipped: it is in the listing's `unreadable` the next time.
    pub fn group_records(&self, listing: &Listing, group: &Id) -> Vec<Record> {
        listing
            .records_of_group(group)
            .into_iter()
            .filter_map(|r| load_record(&r.path).ok())
            .collect()
    }
}

/// Removes every derived file of the folder `dir` from the OS cache folder (its summary
/// cache, its report cache, its index, the note of its path): for a folder about to go, such
/// as the demo's copy, whose files would otherwise stay there under a name nothing will ask
/// for again.
pub fn forget_derived(dir: &Path) {
    // The report's cache is binary since format 7; its RON of earlier versions may be there.
    for (kind, extension) in [("listing", "ron"), ("report", "bin"), ("report", "ron")] {
        if let Some(path) = derived::cache_file(dir, kind, extension) {
            let _ = std::fs::remove_file(path);
        }
    }
    index::Index::delete(dir);
    if let Some(note) = derived::cache_file(dir, "folder", "path") {
        let _ = std::fs::remove_file(note);
    }
}
