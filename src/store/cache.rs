//! The folder's summary cache, `.atelier-cache.ron`: file name → size, modification time and
//! [`Summary`], so that listing 10,000 sessions reads one file instead of all of them.
//!
//! It is derived, never the source of truth: a file whose size or time differs from its entry
//! (edited, copied in, restored) is parsed again; an entry whose file is gone is dropped; a
//! cache that cannot be read whole (cut, corrupt, another format or schema version) is ignored
//! and rebuilt, never reported. Files that fail to load are never cached: they are read again
//! at every listing, so they are always listed apart with their reason. Deleting the cache
//! costs one slow listing and nothing else.
//!
//! One line per entry, so that reading keeps only the summaries in memory and writing streams
//! them (through [`write_atomic`], so two programs listing at once leave a whole file).

use super::file::LoadError;
use super::listing::{Summary, is_session_file};
use super::save::write_atomic;
use crate::model::SCHEMA_VERSION;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// A dot name: listings and the file manager's default view skip it.
pub const CACHE_FILE: &str = ".atelier-cache.ron";

/// Bumped whenever [`Summary`] or the way it is computed changes: older caches are ignored.
const FORMAT: u32 = 2;

/// A file younger than this may still change within the same time stamp (FAT keeps two
/// seconds): it is parsed at every listing and cached once it is older.
pub(crate) const SETTLE: Duration = Duration::from_secs(3);

/// A session file of the folder as `stat` sees it.
#[derive(Debug, Clone)]
pub(crate) struct FileStat {
    pub path: PathBuf,
    pub name: String,
    pub size: u64,
    pub modified: Option<SystemTime>,
}

#[derive(Serialize, Deserialize, PartialEq)]
struct Header {
    format: u32,
    schema: u32,
}

/// A line of the cache is this in RON (the summary's search text is not serialized), a tab,
/// the search text with `\\`, tab and line breaks escaped, then a tab and `;` to show the
/// line is whole. The search text is most of the bytes: reading it as plain text rather
/// than as a RON string makes the cache several times faster to read.
#[derive(Deserialize)]
struct Entry {
    name: String,
    size: u64,
    /// Seconds and nanoseconds since 1970.
    modified: (u64, u32),
    summary: Summary,
}

#[derive(Serialize)]
struct EntryRef<'a> {
    name: &'a str,
    size: u64,
    modified: (u64, u32),
    summary: &'a Summary,
}

pub(crate) fn stamp(t: SystemTime) -> Option<(u64, u32)> {
    let d = t.duration_since(UNIX_EPOCH).ok()?;
    Some((d.as_secs(), d.subsec_nanos()))
}

/// The session files of the folder with their size and time, sorted by name. A folder that
/// does not exist yet holds none.
pub(crate) fn stat_files(dir: &Path) -> Result<Vec<FileStat>, LoadError> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => {
            return Err(LoadError::Io {
                detail: e.to_string(),
            });
        }
    };
    let mut files: Vec<FileStat> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let path = e.path();
            if !is_session_file(&path) {
                return None;
            }
            // Follows links, as opening the file does.
            let meta = std::fs::metadata(&path).ok()?;
            meta.is_file().then(|| FileStat {
                name: e.file_name().to_string_lossy().into_owned(),
                path,
                size: meta.len(),
                modified: meta.modified().ok(),
            })
        })
        .collect();
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

/// The search texts of a listing still in memory, by file name. Listing the folder again
/// (back to the home screen, the review browser opened) while the screen still holds the
/// last listing would otherwise hold every search text twice at its peak (40 MB more for
/// 10,000 sessions, over 100 MB in all): a text found unchanged is shared instead.
pub type Known = HashMap<String, Arc<str>>;

/// The cache as read, consumed as files are matched against it.
pub(super) struct Cache {
    entries: HashMap<String, Entry>,
    /// An entry was dropped or a summary added since the cache was read.
    changed: bool,
    settled_before: SystemTime,
}

impl Cache {
    /// The folder's cache, or an empty one if there is none or it cannot be read whole.
    /// `known`: search texts already in memory (the last listing's), by file name; an entry
    /// whose text is the same shares it rather than hold a copy (see [`Known`]).
    pub fn read(dir: &Path, known: &Known) -> Cache {
        let entries = read_entries(&dir.join(CACHE_FILE), known).unwrap_or_default();
        Cache {
            entries,
            changed: false,
            settled_before: SystemTime::now().checked_sub(SETTLE).unwrap_or(UNIX_EPOCH),
        }
    }

    /// The cached summary of a file if its size and time are the ones cached.
    pub fn take(&mut self, file: &FileStat) -> Option<Summary> {
        let entry = self.entries.remove(&file.name)?;
        let fresh = entry.size == file.size
            && file.modified.and_then(stamp) == Some(entry.modified)
            && self.settled(file);
        if !fresh {
            self.changed = true;
            return None;
        }
        let mut summary = entry.summary;
        summary.path = file.path.clone();
        summary.modified = file.modified;
        Some(summary)
    }

    /// A file was parsed well: it goes into the cache if it is settled.
    pub fn added(&mut self, file: &FileStat) {
        self.changed |= self.settled(file);
    }

    fn settled(&self, file: &FileStat) -> bool {
        file.modified.is_some_and(|t| t < self.settled_before)
    }

    /// Writes the cache again if an entry was added, changed or dropped. A folder that cannot
    /// be written (read-only, a CD, a full disk) just goes without: listing still works.
    pub fn write_if_changed(&self, dir: &Path, sessions: &[(FileStat, Summary)]) {
        let dropped = !self.entries.is_empty();
        if !(self.changed || dropped) {
            return;
        }
        let _ = write(dir, sessions, self.settled_before);
    }
}

/// The cache's entries by file name; `None` if it cannot be read whole. The lines are parsed
/// on every core, a batch at a time: at 10,000 entries, parsing is most of a warm start,
/// and the whole text at once would be 40 MB more at its peak.
fn read_entries(path: &Path, known: &Known) -> Option<HashMap<String, Entry>> {
    const BATCH: usize = 256;
    let file = std::fs::File::open(path).ok()?;
    let mut lines = BufReader::new(file).lines();
    let header: Header = ron::from_str(&lines.next()?.ok()?).ok()?;
    if header
        != (Header {
            format: FORMAT,
            schema: SCHEMA_VERSION,
        })
    {
        return None;
    }
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .clamp(1, 8);
    let mut entries = HashMap::new();
    let mut batch: Vec<String> = Vec::with_capacity(BATCH * threads);
    loop {
        batch.clear();
        for line in lines.by_ref().take(BATCH * threads) {
            batch.push(line.ok()?);
        }
        if batch.is_empty() {
            return Some(entries);
        }
        let parts: Vec<Option<Vec<Entry>>> = std::thread::scope(|scope| {
            let handles: Vec<_> = batch
                .chunks(BATCH)
                .map(|part| {
                    scope.spawn(move || part.iter().map(|l| parse_line(l, known)).collect())
                })
                .collect();
            handles.into_iter().map(|h| h.join().ok()?).collect()
        });
        for part in parts {
            for entry in part? {
                entries.insert(entry.name.clone(), entry);
            }
        }
    }
}

fn parse_line(line: &str, known: &Known) -> Option<Entry> {
    // A line cut short (a full disk, a copy stopped midway) lacks its end mark.
    let (entry, search) = line.strip_suffix("\t;")?.split_once('\t')?;
    let mut entry: Entry = ron::from_str(entry).ok()?;
    let search = unescape(search)?;
    entry.summary.search = match known.get(&entry.name) {
        Some(same) if **same == *search => Arc::clone(same),
        _ => search.into(),
    };
    Some(entry)
}

fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
}

/// The text [`escape`] was given; `None` for what it cannot have written.
fn unescape(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('\\') {
        out.push_str(&rest[..at]);
        let mut after = rest[at + 1..].chars();
        out.push(match after.next()? {
            '\\' => '\\',
            't' => '\t',
            'n' => '\n',
            'r' => '\r',
            _ => return None,
        });
        rest = after.as_str();
    }
    out.push_str(rest);
    Some(out)
}

fn write(
    dir: &Path,
    sessions: &[(FileStat, Summary)],
    settled_before: SystemTime,
) -> std::io::Result<()> {
    let header = Header {
        format: FORMAT,
        schema: SCHEMA_VERSION,
    };
    let header = ron::to_string(&header).map_err(std::io::Error::other)?;
    write_atomic(&dir.join(CACHE_FILE), "", |file, _| {
        let mut out = BufWriter::new(file);
        writeln!(out, "{header}")?;
        for (file, summary) in sessions {
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
                summary,
            };
            // RON escapes line breaks inside strings; should a line hold one anyway, the
            // entry is left out (its file is parsed next time) rather than cut the cache.
            match ron::to_string(&entry) {
                Ok(mut line) if !line.contains(['\n', '\t']) => {
                    line.push('\t');
                    escape(&summary.search, &mut line);
                    writeln!(out, "{line}\t;")?;
                }
                _ => {}
            }
        }
        out.flush()
    })
    .map_err(|e| std::io::Error::other(e.detail))
}
