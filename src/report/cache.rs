//! The folder's report cache (in the OS cache folder, see `store/derived.rs`): the facts of
//! every file read well, packed, with each file's name, size and modification time
//! (`packed/snapshot.rs`), so that a report on 100,000 sessions reads one file of about
//! 60 MB instead of 13 GB of sessions, and its ids already numbered.
//!
//! A derived cache, with the same rules as the listing's summary cache (see
//! `store/derived.rs`): a file whose size or time differs is read again, one gone is left
//! out, one saved less than three seconds ago is read until its time settles; unreadable
//! files are never cached (they are counted as unreadable at every report); a cache that
//! cannot be read whole is built again; it is rewritten atomically, and only when something
//! changed; and the report is the same with or without it.
//!
//! The facts hold no member's name, phone or note, only the group's name, host and advisor
//! (the labels of `--by`, see [`Facts`]): the cache holds nothing the session files beside
//! it do not.

use super::light::read_each;
use super::packed::snapshot::{self, Filed, Held, Ids, Snapshot};
use super::packed::{GONE, Packed};
use super::read::Facts;
use super::records::RecordFacts;
use crate::store::LoadError;
use crate::store::derived::{FileStat, SETTLE, stamp, stat_files};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

/// The kind of the report cache, the start of its file's name.
const KIND: &str = "report";

/// Where the report cache of the sessions folder `dir` is kept; `None` without a home or a
/// folder.
pub fn cache_path(dir: &Path) -> Option<PathBuf> {
    crate::store::derived::cache_file(dir, KIND, "bin")
}

/// A folder as the report reads it: its sessions' facts packed (see `packed.rs`), its
/// records as they are.
#[derive(Clone, Default)]
pub struct Folder {
    pub(super) packed: Packed,
    /// The facts of every readable visit, activity and diagnosis, in file-name order.
    pub records: Vec<RecordFacts>,
    /// Session files in the folder (its visits, activities and diagnoses left out).
    pub files: usize,
    /// Of those, how many could not be read.
    pub unreadable: usize,
    /// How many files were read (not found unchanged in the cache).
    pub read: usize,
}

impl Folder {
    /// The facts of every readable session file, in file-name order. A folder read only to
    /// be counted ([`read_folder_to_count`]) may give them without their sessions', members'
    /// and actions' ids (empty), which it did not read.
    pub fn facts(&self) -> Vec<Facts> {
        let p = &self.packed;
        p.in_order().into_iter().map(|i| p.facts(i)).collect()
    }
}

/// The facts of every readable file of a folder (in file-name order), the number of session
/// files and how many of them could not be read. A folder that does not exist holds none.
/// Files unchanged since the last report come from the folder's report cache.
pub fn read_dir(dir: &Path) -> Result<(Vec<Facts>, usize, usize), LoadError> {
    let folder = read_folder(dir)?;
    Ok((folder.facts(), folder.files, folder.unreadable))
}

/// How many files are read (on every core) before their facts are packed.
const READ_AT_ONCE: usize = 2000;

/// Where a file's facts went.
#[derive(Clone, Copy)]
enum Slot {
    /// The session packed at this place.
    Session(usize),
    /// The record at this place of the records read.
    Record(usize),
}

/// What a folder's files gave, as they come.
#[derive(Default)]
struct Gathered {
    packed: Packed,
    /// Each record with its file's place.
    records: Vec<(usize, RecordFacts)>,
    /// By file: where its facts went, `None` until read.
    slots: Vec<Option<Slot>>,
}

impl Gathered {
    fn session(&mut self, i: usize, facts: &Facts) {
        self.packed.push(facts, i);
        self.slots[i] = Some(Slot::Session(self.packed.sessions.len() - 1));
    }

    fn record(&mut self, i: usize, r: RecordFacts) {
        self.records.push((i, r));
        self.slots[i] = Some(Slot::Record(self.records.len() - 1));
    }
}

/// Reads a folder for the report: the cache for the files unchanged since it was written,
/// the files themselves for the others (on every core, a share at a time), then the cache
/// brought up to date. Session files are never written. A folder that does not exist holds
/// none.
pub fn read_folder(dir: &Path) -> Result<Folder, LoadError> {
    read(dir, Ids::Texts)
}

/// [`read_folder`] for counting only (`atelier report`, the programme screen): when the
/// cache holds every file as it is, the ids' texts are not read (the facts can then be
/// counted, not added to: see [`Folder::facts`]); else the folder is read as
/// [`read_folder`] does.
pub fn read_folder_to_count(dir: &Path) -> Result<Folder, LoadError> {
    read(dir, Ids::Numbers)
}

fn read(dir: &Path, ids: Ids) -> Result<Folder, LoadError> {
    let path = cache_path(dir);
    // The folder's files are stated while the cache is read up to its table of files: each
    // took a third of a warm report at 100,000 sessions.
    let (files, opened) = std::thread::scope(|scope| {
        let stating = scope.spawn(|| stat_files(dir));
        let opened = path.as_deref().and_then(|p| snapshot::open(p, ids));
        let files = stating
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        (files, opened)
    });
    let files = files?;
    let settled_before = SystemTime::now().checked_sub(SETTLE).unwrap_or(UNIX_EPOCH);
    let settled = |f: &FileStat| f.modified.is_some_and(|t| t < settled_before);
    let mut got = Gathered {
        slots: vec![None; files.len()],
        ..Gathered::default()
    };
    let mut changed = false;
    let mut cached = opened.and_then(|o| claimed(o, &files, &settled));
    // Every file found as the cache holds it (a file that cannot be read never is).
    let whole =
        |c: &Snapshot| c.unclaimed == 0 && c.packed.sessions.len() + c.records.len() == files.len();
    if ids == Ids::Numbers && cached.as_ref().is_some_and(|c| !whole(c)) {
        // Files to read and a cache to write: the ids' texts are wanted after all.
        cached = path
            .as_deref()
            .and_then(|p| snapshot::open(p, Ids::Texts))
            .and_then(|o| claimed(o, &files, &settled));
    }
    if let Some(cached) = cached {
        got.packed = cached.packed;
        for (k, s) in got.packed.sessions.iter().enumerate() {
            if s.order != GONE {
                got.slots[s.order as usize] = Some(Slot::Session(k));
            }
        }
        for (i, r) in cached.records {
            got.record(i, r);
        }
        // Changed or gone: their sessions stay `GONE`, and the cache is written again.
        changed = cached.unclaimed > 0;
    }
    let todo: Vec<usize> = (0..files.len())
        .filter(|&i| got.slots[i].is_none())
        .collect();
    let mut unreadable = 0;
    // A share at a time, packed as it comes: the facts of every file read at once were
    // 550 MB at 100,000 sessions.
    for share in todo.chunks(READ_AT_ONCE) {
        let paths: Vec<PathBuf> = share.iter().map(|&i| files[i].path.clone()).collect();
        for (&i, facts) in share.iter().zip(read_each(&paths)) {
            // A visit, an activity or a diagnosis beside the sessions is read as a record
            // (its facts cached as a session's are); a file that is neither is an
            // unreadable session.
            if let Some(f) = facts {
                got.session(i, &f);
            } else if let Ok(record) = crate::store::load_record(&files[i].path) {
                got.record(i, RecordFacts::of(&record));
            } else {
                unreadable += 1;
                continue;
            }
            changed |= settled(&files[i]);
        }
    }
    if changed && let Some(path) = &path {
        // A cache folder that cannot be written (a full disk) just goes without.
        if write(path, &files, &got, settled_before).is_ok() {
            crate::store::note_folder(dir);
        }
    }
    let mut records = got.records;
    records.sort_by_key(|(i, _)| *i);
    Ok(Folder {
        files: files.len() - records.len(),
        unreadable,
        read: todo.len(),
        packed: got.packed,
        records: records.into_iter().map(|(_, r)| r).collect(),
    })
}

/// The cache opened, its files claimed by the folder's unchanged ones (see
/// [`snapshot::Opened::claim`]).
fn claimed(
    opened: snapshot::Opened,
    files: &[FileStat],
    settled: &impl Fn(&FileStat) -> bool,
) -> Option<Snapshot> {
    // The cache names its files in the folder's order: each is looked for where the last
    // one was found, and by name only when out of that order (a name not UTF-8 sorts by
    // its bytes).
    let mut next = 0;
    let mut by_name: Option<HashMap<std::borrow::Cow<'_, str>, usize>> = None;
    let mut taken = vec![false; files.len()];
    opened.claim(|seen: snapshot::Seen<'_>| {
        let mut at = files.get(next).map(FileStat::name);
        while at.as_ref().is_some_and(|name| **name < *seen.name) {
            next += 1;
            at = files.get(next).map(FileStat::name);
        }
        let i = match at {
            Some(name) if name == seen.name => {
                // Two names not UTF-8 may read alike: the next one is the next file's.
                next += 1;
                next - 1
            }
            _ => *by_name
                .get_or_insert_with(|| {
                    files
                        .iter()
                        .enumerate()
                        .map(|(i, f)| (f.name(), i))
                        .collect()
                })
                .get(seen.name)?,
        };
        let f = &files[i];
        let fresh = !std::mem::replace(&mut taken[i], true)
            && f.size == seen.size
            && f.modified.and_then(stamp) == Some(seen.modified)
            && settled(f);
        fresh.then_some(i)
    })
}

/// Writes the cache of what was read well from the settled files, atomically.
fn write(
    path: &Path,
    files: &[FileStat],
    got: &Gathered,
    settled_before: SystemTime,
) -> std::io::Result<()> {
    let filed: Vec<Filed> = files
        .iter()
        .zip(&got.slots)
        .filter_map(|(f, slot)| {
            let modified = f.modified.filter(|t| *t < settled_before).and_then(stamp)?;
            Some(Filed {
                name: f.name(),
                size: f.size,
                modified,
                held: match (*slot)? {
                    Slot::Session(k) => Held::Session(k),
                    Slot::Record(k) => Held::Record(&got.records[k].1),
                },
            })
        })
        .collect();
    if let Some(folder) = path.parent() {
        crate::store::create_private_dir(folder)?;
    }
    crate::store::write_atomic(path, "", |file, _| {
        snapshot::write(std::io::BufWriter::new(file), &got.packed, &filed)
    })
    .map_err(|e| std::io::Error::other(e.detail))?;
    // The cache of versions before format 7, a text file beside it, is not read any more.
    let _ = std::fs::remove_file(path.with_extension("ron"));
    Ok(())
}
