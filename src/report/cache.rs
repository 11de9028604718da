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
use super::packed::{read_escaped, write_escaped};
use super::read::Facts;
use super::records::RecordFacts;
use crate::store::LoadError;
use crate::store::derived::{Derived, DerivedCache, Entry, EntryRef, ron_line, stat_files};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The kind of the report cache, the start of its file's name.
const KIND: &str = "report";

/// Where the report cache of the sessions folder `dir` is kept; `None` without a home or a
/// folder.
pub fn cache_path(dir: &Path) -> Option<PathBuf> {
    crate::store::derived::cache_path(dir, KIND)
}

/// What the cache keeps of a file: a session's facts, packed as one line of text
/// (`packed/text.rs`), or a record's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(super) enum FileFacts {
    Session(String),
    Record(RecordFacts),
}

/// A session's line starts with this, then the file's name, size and time apart by tabs,
/// then its facts ([`Packed::write_text`]); a record's line is its entry in RON.
const SESSION: &str = "S\t";

impl Derived for FileFacts {
    const FILE: &'static str = KIND;
    /// Bumped whenever [`Facts`], [`RecordFacts`] or the way they are computed changes.
    /// 6: a session's facts as one line of text, read straight into the packed facts.
    const FORMAT: u32 = 6;
    const FIELD: &'static str = "facts";
    type Known = ();

    fn to_line(entry: EntryRef<'_, Self>) -> Option<String> {
        let FileFacts::Session(facts) = entry.value else {
            return ron_line(&entry);
        };
        let (secs, nanos) = entry.modified;
        let mut name = String::new();
        write_escaped(entry.name, &mut name);
        Some(format!(
            "{SESSION}{name}\t{}\t{secs}\t{nanos}\t{facts}",
            entry.size
        ))
    }

    fn read_line(line: &str, _: &()) -> Option<Entry<Self>> {
        let Some(rest) = line.strip_prefix(SESSION) else {
            return ron::from_str(line).ok();
        };
        let mut parts = rest.splitn(5, '\t');
        let name = read_escaped(parts.next()?)?.into_owned();
        let size = parts.next()?.parse().ok()?;
        let modified = (parts.next()?.parse().ok()?, parts.next()?.parse().ok()?);
        Some(Entry {
            name,
            size,
            modified,
            value: FileFacts::Session(parts.next()?.to_string()),
        })
    }
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
    fn new(files: usize) -> Gathered {
        Gathered {
            slots: vec![None; files],
            ..Gathered::default()
        }
    }

    /// A file's facts from the cache; a session's line that cannot be read leaves the file
    /// to be read.
    fn cached(&mut self, i: usize, facts: FileFacts) {
        // A cache names each file once; one that does not is not believed twice.
        if self.slots[i].is_some() {
            return;
        }
        match facts {
            FileFacts::Session(line) => {
                if self.packed.push_text(&line, i) {
                    self.slots[i] = Some(Slot::Session(self.packed.sessions.len() - 1));
                }
            }
            FileFacts::Record(r) => self.record(i, r),
        }
    }

    fn session(&mut self, i: usize, facts: &Facts) {
        self.packed.push(facts, i);
        self.slots[i] = Some(Slot::Session(self.packed.sessions.len() - 1));
    }

    fn record(&mut self, i: usize, r: RecordFacts) {
        self.records.push((i, r));
        self.slots[i] = Some(Slot::Record(self.records.len() - 1));
    }

    /// A file's facts again, as the cache keeps them.
    fn facts(&self, slot: Slot) -> FileFacts {
        match slot {
            Slot::Session(k) => {
                let mut line = String::new();
                self.packed.write_text(k, &mut line);
                FileFacts::Session(line)
            }
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
    let streamed = DerivedCache::<FileFacts>::stream(dir, &(), &files, |i, f| got.cached(i, f));
    let mut cache = streamed.unwrap_or_else(|| {
        got = Gathered::new(files.len());
        DerivedCache::none()
    });
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
            cache.added(&files[i]);
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
