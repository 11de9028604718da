//! The folder's report cache (in the OS cache folder, see `store/derived.rs`): file name → size, modification
//! time and [`Facts`], so that a report on 10,000 sessions reads one file of 20 MB instead of
//! 1.3 GB of sessions (0.3 s instead of 1.2 s on 2 cores, and steady when the machine is
//! busy).
//!
//! A derived cache, with the same rules as the listing's summary cache (see
//! `store/derived.rs`): unreadable files are never cached (they are counted as unreadable at
//! every report), and the report is the same with or without the cache.
//!
//! One line per entry. The facts hold no member's name, phone or note, only the group's name,
//! host and advisor (the labels of `--by`, see [`Facts`]): the cache holds
//! nothing the session files beside it do not.

use super::light::read_each;
use super::packed::Packed;
use super::read::Facts;
use super::records::RecordFacts;
use crate::store::LoadError;
use crate::store::derived::{Derived, DerivedCache, stat_files};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The kind of the report cache, the start of its file's name.
const KIND: &str = "report";

/// Where the report cache of the sessions folder `dir` is kept; `None` without a home or a
/// folder.
pub fn cache_path(dir: &Path) -> Option<PathBuf> {
    crate::store::derived::cache_path(dir, KIND)
}

/// What the cache keeps of a file: a session's facts or a record's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(super) enum FileFacts {
    Session(Box<Facts>),
    Record(RecordFacts),
}

/// A line is the entry in RON, then a tab and `;`.
impl Derived for FileFacts {
    const FILE: &'static str = KIND;
    /// Bumped whenever [`Facts`], [`RecordFacts`] or the way they are computed changes.
    /// 5: a session's members and attendance in their compact form (`compact.rs`).
    const FORMAT: u32 = 5;
    const FIELD: &'static str = "facts";
    type Known = ();
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
    /// The facts of every readable session file, in file-name order.
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
    fn new(files: usize) -> Gathered {
        Gathered {
            slots: vec![None; files],
            ..Gathered::default()
        }
    }

    fn keep(&mut self, i: usize, facts: FileFacts) {
        self.slots[i] = Some(match facts {
            FileFacts::Session(s) => {
                self.packed.push(&s, i);
                Slot::Session(self.packed.sessions.len() - 1)
            }
            FileFacts::Record(r) => {
                self.records.push((i, r));
                Slot::Record(self.records.len() - 1)
            }
        });
    }

    /// A file's facts again, as the cache keeps them.
    fn facts(&self, slot: Slot) -> FileFacts {
        match slot {
            Slot::Session(k) => FileFacts::Session(Box::new(self.packed.facts(k))),
            Slot::Record(k) => FileFacts::Record(self.records[k].1.clone()),
        }
    }
}

/// Reads a folder for the report: the cache for the files unchanged since it was written,
/// the files themselves for the others (on every core), then the cache brought up to date.
/// The facts are packed as they come, a batch at a time: the folder's facts are never all
/// in memory as [`Facts`]. Session files are never written. A folder that does not exist
/// holds none.
pub fn read_folder(dir: &Path) -> Result<Folder, LoadError> {
    let files = stat_files(dir)?;
    let mut got = Gathered::new(files.len());
    let streamed = DerivedCache::<FileFacts>::stream(dir, &(), &files, |i, f| got.keep(i, f));
    let mut cache = streamed.unwrap_or_else(|| {
        got = Gathered::new(files.len());
        DerivedCache::none()
    });
    let todo: Vec<usize> = (0..files.len())
        .filter(|&i| got.slots[i].is_none())
        .collect();
    let paths: Vec<PathBuf> = todo.iter().map(|&i| files[i].path.clone()).collect();
    let mut unreadable = 0;
    for (&i, facts) in todo.iter().zip(read_each(&paths)) {
        // A visit, an activity or a diagnosis beside the sessions is read as a record (its
        // facts cached as a session's are); a file that is neither is an unreadable session.
        let facts = facts.map(|f| FileFacts::Session(Box::new(f))).or_else(|| {
            let record = crate::store::load_record(&files[i].path).ok()?;
            Some(FileFacts::Record(RecordFacts::of(&record)))
        });
        match facts {
            Some(f) => {
                cache.added(&files[i]);
                got.keep(i, f);
            }
            None => unreadable += 1,
        }
    }
    let kept = files.iter().zip(&got.slots);
    cache.write_if_changed(
        dir,
        kept.filter_map(|(file, slot)| Some((file, got.facts((*slot)?)))),
    );
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
