//! The folder's report cache, `.atelier-report-cache.ron`: file name → size, modification
//! time and [`Facts`], so that a report on 10,000 sessions reads one file of 20 MB instead of
//! 1.3 GB of sessions (0.3 s instead of 1.2 s on 2 cores, and steady when the machine is
//! busy).
//!
//! The same rules as the listing's summary cache (`store/cache.rs`): it is derived, never
//! the source of truth. A file whose size or time differs from its entry, or that is new (a
//! folder copied in), is read again; entries of removed files are dropped; a cache that
//! cannot be read whole is ignored and rebuilt; unreadable files are never cached (they are
//! counted as unreadable at every report); a file saved less than a few seconds ago is read
//! until its time settles. The cache is rewritten (atomically) only when something changed,
//! and a folder that cannot be written goes without: the report is the same either way.
//!
//! One line per entry. The facts hold no name, phone or note (see [`Facts`]): the cache holds
//! nothing the session files beside it do not.

use super::read::{Facts, read_each};
use crate::model::SCHEMA_VERSION;
use crate::store::LoadError;
use crate::store::cache::{FileStat, SETTLE, stamp, stat_files};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

/// A dot name: listings skip it.
pub const REPORT_CACHE: &str = ".atelier-report-cache.ron";

/// Bumped whenever [`Facts`] or the way it is computed changes: older caches are ignored.
const FORMAT: u32 = 1;

#[derive(Serialize, Deserialize, PartialEq)]
struct Header {
    format: u32,
    schema: u32,
}

#[derive(Deserialize)]
struct Entry {
    name: String,
    size: u64,
    /// Seconds and nanoseconds since 1970.
    modified: (u64, u32),
    facts: Facts,
}

#[derive(Serialize)]
struct EntryRef<'a> {
    name: &'a str,
    size: u64,
    modified: (u64, u32),
    facts: &'a Facts,
}

/// A folder as the report reads it.
#[derive(Debug, Clone, Default)]
pub struct Folder {
    /// The facts of every readable session file, in file-name order.
    pub facts: Vec<Facts>,
    /// Session files in the folder.
    pub files: usize,
    /// Of those, how many could not be read.
    pub unreadable: usize,
    /// How many files were read (not found unchanged in the cache).
    pub read: usize,
}

/// Reads a folder for the report: the cache for the files unchanged since it was written,
/// the files themselves for the others (on every core), then the cache brought up to date.
/// Session files are never written. A folder that does not exist holds none.
pub fn read_folder(dir: &Path) -> Result<Folder, LoadError> {
    let files = stat_files(dir)?;
    let settled_before = SystemTime::now().checked_sub(SETTLE).unwrap_or(UNIX_EPOCH);
    let settled = |f: &FileStat| f.modified.is_some_and(|t| t < settled_before);
    let mut cached = read_entries(&dir.join(REPORT_CACHE)).unwrap_or_default();
    let mut changed = false;
    let mut slots: Vec<Option<Facts>> = Vec::with_capacity(files.len());
    let mut todo = Vec::new();
    for (i, file) in files.iter().enumerate() {
        let entry = cached.remove(&file.name);
        let fresh = entry.as_ref().is_some_and(|e| {
            e.size == file.size && file.modified.and_then(stamp) == Some(e.modified)
        }) && settled(file);
        match entry {
            Some(e) if fresh => slots.push(Some(e.facts)),
            other => {
                changed |= other.is_some();
                slots.push(None);
                todo.push(i);
            }
        }
    }
    // Entries whose file is gone.
    changed |= !cached.is_empty();
    let paths: Vec<PathBuf> = todo.iter().map(|&i| files[i].path.clone()).collect();
    let mut unreadable = 0;
    for (&i, facts) in todo.iter().zip(read_each(&paths)) {
        match facts {
            Some(f) => {
                changed |= settled(&files[i]);
                slots[i] = Some(f);
            }
            None => unreadable += 1,
        }
    }
    if changed {
        let _ = write(dir, &files, &slots, settled_before);
    }
    Ok(Folder {
        facts: slots.into_iter().flatten().collect(),
        files: files.len(),
        unreadable,
        read: todo.len(),
    })
}

/// The cache's entries by file name; `None` if it is missing or cannot be read whole. The
/// lines are parsed on every core.
fn read_entries(path: &Path) -> Option<HashMap<String, Entry>> {
    let text = std::fs::read_to_string(path).ok()?;
    let mut lines = text.lines();
    let header: Header = ron::from_str(lines.next()?).ok()?;
    if header
        != (Header {
            format: FORMAT,
            schema: SCHEMA_VERSION,
        })
    {
        return None;
    }
    let lines: Vec<&str> = lines.collect();
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .clamp(1, 8);
    let chunk = lines.len().div_ceil(threads).max(1);
    let parts: Vec<Option<Vec<Entry>>> = std::thread::scope(|scope| {
        let handles: Vec<_> = lines
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(|l| parse_line(l)).collect()))
            .collect();
        handles.into_iter().map(|h| h.join().ok()?).collect()
    });
    let mut entries = HashMap::with_capacity(lines.len());
    for part in parts {
        for entry in part? {
            entries.insert(entry.name.clone(), entry);
        }
    }
    Some(entries)
}

/// A line cut short (a full disk, a copy stopped midway) lacks its end mark.
fn parse_line(line: &str) -> Option<Entry> {
    let entry = line.strip_suffix("\t;")?;
    ron::from_str(entry).ok()
}

fn write(
    dir: &Path,
    files: &[FileStat],
    facts: &[Option<Facts>],
    settled_before: SystemTime,
) -> std::io::Result<()> {
    let header = Header {
        format: FORMAT,
        schema: SCHEMA_VERSION,
    };
    let header = ron::to_string(&header).map_err(std::io::Error::other)?;
    crate::store::write_atomic(&dir.join(REPORT_CACHE), "", |file, _| {
        let mut out = BufWriter::new(file);
        writeln!(out, "{header}")?;
        for (file, facts) in files.iter().zip(facts) {
            let Some(facts) = facts else { continue };
            let Some(modified) = file
                .modified
                .filter(|t| *t < settled_before)
                .and_then(stamp)
            else {
                continue;
            };
            let entry = EntryRef {
                name: &file.name,
                size: file.size,
                modified,
                facts,
            };
            // RON escapes line breaks inside strings; should a line hold one anyway, the
            // entry is left out (its file is read next time) rather than cut the cache.
            match ron::to_string(&entry) {
                Ok(line) if !line.contains('\n') => writeln!(out, "{line}\t;")?,
                _ => {}
            }
        }
        out.flush()
    })
    .map_err(|e| std::io::Error::other(e.detail))
}
