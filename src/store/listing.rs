//! Listing the sessions folder as light summaries: what the home screen and the review
//! browser show, without keeping thousands of whole sessions in memory. The folder's visits,
//! activities and diagnoses are listed too, apart from the sessions (see `listing_records.rs`):
//! they are files of the folder, not unreadable sessions.

use super::cache::Listed;
use super::derived::{FileStat, stat_files};
use super::file::{LoadError, parse};
use super::record_summary::RecordSummary;
use super::summary::Summary;
use crate::model::{Id, Timestamp};
use std::cmp::Reverse;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The folder's content: readable sessions, newest first, and the files that are not.
#[derive(Debug, Clone, Default)]
pub struct Listing {
    pub sessions: Vec<Summary>,
    /// The visits, activities and diagnoses, oldest first (see [`Listing::with_records`]).
    pub records: Vec<RecordSummary>,
    /// Files that failed to load, by path, with the reason. They are left untouched.
    pub unreadable: Vec<(PathBuf, LoadError)>,
}

/// A group as the home screen shows it: its latest session (whose group data is the most
/// recent) and how many sessions it had.
#[derive(Debug, Clone, Copy)]
pub struct GroupEntry<'a> {
    pub latest: &'a Summary,
    pub sessions: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FindError {
    NotFound,
    /// The ids that start with what was typed.
    Ambiguous(Vec<Id>),
}

impl Listing {
    /// Sorts newest first and marks the older copies of a session found twice.
    pub fn new(mut sessions: Vec<Summary>, mut unreadable: Vec<(PathBuf, LoadError)>) -> Listing {
        let mut newest: BTreeMap<&Id, usize> = BTreeMap::new();
        for (i, s) in sessions.iter().enumerate() {
            let keep = newest.entry(&s.id).or_insert(i);
            if freshness(s) > freshness(&sessions[*keep]) {
                *keep = i;
            }
        }
        let mut shadowed = vec![true; sessions.len()];
        for i in newest.into_values() {
            shadowed[i] = false;
        }
        for (s, shadowed) in sessions.iter_mut().zip(shadowed) {
            s.shadowed = shadowed;
        }
        // Unstable, so without a buffer of half the summaries (17 MB at 100,000): the path
        // makes every key different, so the order is the same.
        sessions.sort_unstable_by(|a, b| {
            (
                Reverse(a.date),
                Reverse(a.number),
                Reverse(a.saved),
                &a.path,
            )
                .cmp(&(
                    Reverse(b.date),
                    Reverse(b.number),
                    Reverse(b.saved),
                    &b.path,
                ))
        });
        unreadable.sort_by(|a, b| a.0.cmp(&b.0));
        Listing {
            sessions,
            records: Vec::new(),
            unreadable,
        }
    }

    /// The sessions in use: one per session id.
    pub fn in_use(&self) -> impl Iterator<Item = &Summary> {
        self.sessions.iter().filter(|s| !s.shadowed)
    }

    /// One entry per group, the group with the most recent session first.
    pub fn groups(&self) -> Vec<GroupEntry<'_>> {
        let mut by_group: BTreeMap<&Id, GroupEntry<'_>> = BTreeMap::new();
        for s in self.in_use() {
            by_group
                .entry(&s.group_id)
                .and_modify(|g| {
                    g.sessions += 1;
                    if (s.number, s.date, s.saved)
                        > (g.latest.number, g.latest.date, g.latest.saved)
                    {
                        g.latest = s;
                    }
                })
                .or_insert(GroupEntry {
                    latest: s,
                    sessions: 1,
                });
        }
        let mut groups: Vec<GroupEntry<'_>> = by_group.into_values().collect();
        groups.sort_by_key(|g| (Reverse(g.latest.date), Reverse(g.latest.saved)));
        groups
    }

    /// A group's sessions in number order.
    pub fn sessions_of_group(&self, group: &Id) -> Vec<&Summary> {
        let mut v: Vec<&Summary> = self.in_use().filter(|s| &s.group_id == group).collect();
        v.sort_by_key(|s| (s.number, s.date, s.saved));
        v
    }

    /// The number the group's next session gets.
    pub fn next_number(&self, group: &Id) -> u32 {
        self.in_use()
            .filter(|s| &s.group_id == group)
            .map(|s| s.number)
            .max()
            .map_or(1, |n| n.saturating_add(1))
    }

    /// A session by the name of its file in the folder (as the status line shows it, with or
    /// without `.ron`), by its whole id, or by the first characters of its id.
    pub fn find(&self, query: &str) -> Result<&Summary, FindError> {
        let q = query.trim().to_lowercase();
        if q.is_empty() {
            return Err(FindError::NotFound);
        }
        let named = |s: &&Summary| {
            let name = s.path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let stem = s.path.file_stem().and_then(|n| n.to_str()).unwrap_or("");
            name.to_lowercase() == q || stem.to_lowercase() == q
        };
        if let Some(s) = self.sessions.iter().find(named) {
            return Ok(s);
        }
        if let Some(s) = self.in_use().find(|s| s.id.as_str() == q) {
            return Ok(s);
        }
        let found: Vec<&Summary> = self
            .in_use()
            .filter(|s| s.id.as_str().starts_with(&q))
            .collect();
        match found.as_slice() {
            [] => Err(FindError::NotFound),
            [one] => Ok(one),
            many => Err(FindError::Ambiguous(
                many.iter().map(|s| s.id.clone()).collect(),
            )),
        }
    }

    pub fn by_path(&self, path: &Path) -> Option<&Summary> {
        self.sessions.iter().find(|s| s.path == path)
    }
}

/// Which of two copies of a session is newer: the later save, then the later file time.
fn freshness(s: &Summary) -> (Timestamp, Option<SystemTime>) {
    (s.saved, s.modified)
}

/// The session files of a folder, sorted by name. A folder that does not exist yet holds
/// none; one that cannot be read is reported like an unreadable file.
pub fn session_files(dir: &Path) -> Result<Vec<PathBuf>, LoadError> {
    Ok(stat_files(dir)?.into_iter().map(|f| f.path).collect())
}

/// Lists the folder: the summary cache for the files unchanged since it was written, a
/// parse for the others (on every core), then the cache brought up to date. Session files
/// are never written, whatever is found. `progress(done, total)` is called as files are
/// parsed (from the parsing threads), `total` being the number of files to parse. The cache
/// is left as it is unless `write_cache` (false for a folder atelier only reads).
pub(super) fn scan(
    dir: &Path,
    known: &super::cache::Known,
    progress: &(dyn Fn(usize, usize) + Sync),
    write_cache: bool,
) -> Listing {
    let files = match stat_files(dir) {
        Ok(f) => f,
        Err(e) => return Listing::new(Vec::new(), vec![(dir.to_path_buf(), e)]),
    };
    let mut cache = super::cache::Cache::read(dir, known);
    let mut listed = Vec::with_capacity(files.len());
    let mut todo = Vec::new();
    for file in files {
        match cache.take(&file) {
            Some(value) => listed.push((file, value)),
            None => todo.push(file),
        }
    }
    let mut unreadable = Vec::new();
    for (file, result) in parse_all(todo, progress) {
        match result {
            Ok(value) => {
                cache.added(&file);
                listed.push((file, value));
            }
            Err(e) => unreadable.push((file.path, e)),
        }
    }
    if write_cache {
        cache.write_if_changed(dir, listed.iter().map(|(file, s)| (file, s)));
    }
    let mut sessions = Vec::with_capacity(listed.len());
    let mut records = Vec::new();
    let mut shared = super::summary::SharedTexts::default();
    // The path and time belong to the file, not to what the cache keeps of it.
    for (file, value) in listed {
        match value {
            Listed::Session(mut s) => {
                (s.path, s.modified) = (file.path, file.modified);
                shared.share(&mut s);
                sessions.push(s);
            }
            Listed::Record(mut r) => {
                (r.path, r.modified) = (file.path, file.modified);
                records.push(r);
            }
        }
    }
    Listing::new(sessions, unreadable).with_records(records)
}

pub(super) type Parsed = (FileStat, Result<Listed, LoadError>);

/// Parses the files on as many threads as there are cores, one file at a time each: only
/// the summaries are kept.
pub(super) fn parse_all(
    files: Vec<FileStat>,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Vec<Parsed> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let total = files.len();
    if total == 0 {
        return Vec::new();
    }
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(8)
        .min(total);
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let files = &files;
    let out: Vec<(usize, Result<Listed, LoadError>)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(file) = files.get(i) else { break };
                        mine.push((i, read_summary(&file.path, file.modified)));
                        progress(done.fetch_add(1, Ordering::Relaxed) + 1, total);
                    }
                    mine
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_default())
            .collect()
    });
    // A file whose parse panicked is listed apart, never silently left out.
    let mut results: Vec<Option<Result<Listed, LoadError>>> = vec![None; total];
    for (i, r) in out {
        results[i] = Some(r);
    }
    files
        .iter()
        .zip(results)
        .map(|(file, r)| {
            let r = r.unwrap_or_else(|| {
                Err(LoadError::Io {
                    detail: "the file could not be parsed".into(),
                })
            });
            (file.clone(), r)
        })
        .collect()
}

/// The light way first (see `light.rs`), the whole file if that fails; a file the session
/// reader names as a record (`LoadError::OtherKind`) is read as one. Sessions are most of a
/// folder, so they are tried first: a record costs a failed light read and a failed session
/// parse more, once, before the cache keeps it.
fn read_summary(path: &Path, modified: Option<SystemTime>) -> Result<Listed, LoadError> {
    let bytes = std::fs::read(path).map_err(|e| LoadError::Io {
        detail: e.to_string(),
    })?;
    if let Some(summary) = super::light::summary(&bytes, path.to_path_buf(), modified) {
        return Ok(Listed::Session(summary));
    }
    match parse(&bytes) {
        Ok(session) => Ok(Listed::Session(Summary::of(
            &session,
            path.to_path_buf(),
            modified,
        ))),
        Err(LoadError::OtherKind { .. }) => {
            let record = super::record::parse_record(&bytes)?;
            Ok(Listed::Record(RecordSummary::of(
                &record,
                path.to_path_buf(),
                modified,
            )))
        }
        Err(e) => Err(e),
    }
}
