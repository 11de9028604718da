//! A folder's cache of facts derived from each session file, keyed by the file's name, size
//! and modification time: the listing's summary cache (`cache.rs`) is one, a line per file;
//! the report's cache (`report/cache.rs`, the report's packed facts written whole) follows
//! the same rules with the same pieces ([`stat_files`], [`stamp`], [`SETTLE`],
//! [`cache_file`]).
//!
//! A derived cache is not the advisor's data: it lives in the OS cache folder
//! (`ProjectDirs::cache_dir()`, `$XDG_CACHE_HOME/atelier/` on Linux), one file per sessions
//! folder and kind, named after the folder's canonical path ([`cache_path`]); nothing is ever
//! written into the sessions folder, which may be a project's read-only `sessions/` or a
//! synced folder. The `.atelier-cache.ron` and `.atelier-report-cache.ron` an earlier version
//! left in a folder are ignored, and left there.
//!
//! A derived cache is never the source of truth: a file whose size or time differs from its
//! entry (edited, copied in, restored), or that has none, is read again; an entry whose file
//! is gone is dropped; a cache that cannot be read whole (cut, corrupt, another format or
//! schema version) is ignored and rebuilt, never reported. Files that fail to read are never
//! cached: they are read again every time, so they are always reported. A file saved less
//! than [`SETTLE`] ago is read until its time settles. The cache is rewritten (through
//! [`write_atomic`], so two programs at once leave a whole file) only when something changed,
//! and a folder that cannot be written goes without. Deleting a cache costs one slow read.
//!
//! The file is a header line, then one line per entry: the entry in RON (`name`, `size`,
//! `modified`, then the value under its own field name, see [`Derived::FIELD`]), whatever the
//! value writes after it ([`Derived::write_tail`]), then a tab and `;` to show the line is
//! whole. Reading keeps only the values in memory and writing streams them.

use super::file::LoadError;
use super::file::is_session_name;
use super::save::write_atomic;
use crate::model::SCHEMA_VERSION;
use serde::de::{self, DeserializeOwned, IgnoredAny, MapAccess, Visitor};
use serde::ser::SerializeStruct;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::marker::PhantomData;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// A file younger than this may still change within the same time stamp (FAT keeps two
/// seconds): it is read every time and cached once it is older.
pub(crate) const SETTLE: Duration = Duration::from_secs(3);

/// A session file of the folder as `stat` sees it.
#[derive(Debug, Clone)]
pub(crate) struct FileStat {
    pub path: PathBuf,
    /// Where the file's name starts in `path`.
    name_at: usize,
    pub size: u64,
    pub modified: Option<SystemTime>,
}

impl FileStat {
    /// The file's name, as the caches and the index key it (a name that is not UTF-8 with
    /// `�` in place of what is not): the end of its path rather than a copy kept beside it.
    pub fn name(&self) -> std::borrow::Cow<'_, str> {
        let bytes = self.path.as_os_str().as_encoded_bytes();
        String::from_utf8_lossy(bytes.get(self.name_at..).unwrap_or_default())
    }
}

/// Seconds and nanoseconds since 1970, as a cache keeps a file's time.
pub(crate) fn stamp(t: SystemTime) -> Option<(u64, u32)> {
    let d = t.duration_since(UNIX_EPOCH).ok()?;
    Some((d.as_secs(), d.subsec_nanos()))
}

/// A file's size and time as `stat` sees them, following links as opening it does; `None`
/// for what is not a file (a folder named `*.ron`, a broken link).
fn stat(path: &Path) -> Option<(u64, Option<SystemTime>)> {
    let meta = std::fs::metadata(path).ok()?;
    meta.is_file().then(|| (meta.len(), meta.modified().ok()))
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
    let mut found: Vec<FileStat> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            // The name read in the path made anyway: a copy of each made and dropped at once
            // left a fragmented heap (the TUI's) sorting its free pieces for a tenth of a read.
            let path = e.path();
            let name = path.file_name().filter(|n| is_session_name(n))?;
            let name_at = path.as_os_str().len() - name.len();
            Some(FileStat {
                path,
                name_at,
                size: 0,
                modified: None,
            })
        })
        .collect();
    // One folder: by name, the bytes at the end of each path, without parsing the paths into
    // components (a twentieth of a report at 100,000 files). Names share long starts (a
    // date, a trade): their first 16 bytes are compared as one number before the rest.
    fn name(f: &FileStat) -> &[u8] {
        f.path
            .as_os_str()
            .as_encoded_bytes()
            .get(f.name_at..)
            .unwrap_or_default()
    }
    fn head(name: &[u8]) -> u128 {
        match name.first_chunk::<16>() {
            Some(b) => u128::from_be_bytes(*b),
            // A short name, padded with zeros (no name holds one): as it sorts.
            None => {
                let mut b = [0u8; 16];
                b[..name.len()].copy_from_slice(name);
                u128::from_be_bytes(b)
            }
        }
    }
    found.sort_unstable_by(|a, b| {
        let (a, b) = (name(a), name(b));
        head(a).cmp(&head(b)).then_with(|| a.cmp(b))
    });
    // On every core: a `stat` is a system call each, a third of a warm report at 100,000.
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .clamp(1, 8);
    let share = found.len().div_ceil(threads).max(1);
    // Each share's answers written in place, and whether it is a file beside: nothing the
    // threads allocate stays in their own heaps, and no second list of 100,000 is made.
    let mut files = vec![false; found.len()];
    std::thread::scope(|scope| {
        let handles: Vec<_> = found
            .chunks_mut(share)
            .zip(files.chunks_mut(share))
            .map(|(part, out)| {
                scope.spawn(move || {
                    for (f, is_file) in part.iter_mut().zip(out) {
                        if let Some((size, modified)) = stat(&f.path) {
                            (f.size, f.modified, *is_file) = (size, modified, true);
                        }
                    }
                })
            })
            .collect();
        // A thread's panic is the caller's: never a folder listed short.
        for h in handles {
            h.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
        }
    });
    let mut is_file = files.into_iter();
    found.retain(|_| is_file.next().unwrap_or(false));
    Ok(found)
}

/// What a derived cache keeps of each file.
pub(crate) trait Derived: Serialize + DeserializeOwned + Send + Sized {
    /// The cache's kind, the start of its file name in the OS cache folder.
    const FILE: &'static str;
    /// Bumped whenever the value or the way it is computed changes: older caches are ignored.
    const FORMAT: u32;
    /// The value's field in a line's RON entry (`summary`, `facts`).
    const FIELD: &'static str;
    /// What reading a line may use besides the line (values already in memory to share).
    type Known: Sync;

    /// Appends to a line, after its RON entry, what the value keeps out of its RON (no line
    /// break, no tab but a leading one). Nothing by default.
    fn write_tail(&self, _line: &mut String) {}

    /// A line without its end mark, as [`Derived::write_tail`] left it; `None` if it cannot
    /// be (the whole cache is then ignored). By default, the line is its RON entry.
    fn read_line(line: &str, _known: &Self::Known) -> Option<Entry<Self>> {
        ron::from_str(line).ok()
    }
}

/// A line of a cache. Its RON names the value's field [`Derived::FIELD`], so that a cache
/// reads the same whatever the value: hence the hand-written serde below.
pub(crate) struct Entry<T> {
    pub name: String,
    pub size: u64,
    /// Seconds and nanoseconds since 1970.
    pub modified: (u64, u32),
    pub value: T,
}

struct EntryRef<'a, T> {
    name: &'a str,
    size: u64,
    modified: (u64, u32),
    value: &'a T,
}

impl<T: Derived> Serialize for EntryRef<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut entry = s.serialize_struct("Entry", 4)?;
        entry.serialize_field("name", self.name)?;
        entry.serialize_field("size", &self.size)?;
        entry.serialize_field("modified", &self.modified)?;
        entry.serialize_field(T::FIELD, self.value)?;
        entry.end()
    }
}

impl<'de, T: Derived> Deserialize<'de> for Entry<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_struct(
            "Entry",
            &["name", "size", "modified"],
            EntryVisitor(PhantomData),
        )
    }
}

struct EntryVisitor<T>(PhantomData<T>);

impl<'de, T: Derived> Visitor<'de> for EntryVisitor<T> {
    type Value = Entry<T>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "a cache entry")
    }

    /// As a derived `Deserialize` reads: every field once, unknown ones ignored.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entry<T>, A::Error> {
        fn once<T, E: de::Error>(slot: &mut Option<T>, v: T, name: &'static str) -> Result<(), E> {
            match slot.replace(v) {
                Some(_) => Err(E::duplicate_field(name)),
                None => Ok(()),
            }
        }
        let (mut name, mut size, mut modified, mut value) = (None, None, None, None);
        while let Some(key) = map.next_key::<&str>()? {
            match key {
                "name" => once(&mut name, map.next_value()?, "name")?,
                "size" => once(&mut size, map.next_value()?, "size")?,
                "modified" => once(&mut modified, map.next_value()?, "modified")?,
                k if k == T::FIELD => once(&mut value, map.next_value()?, T::FIELD)?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(Entry {
            name: name.ok_or_else(|| de::Error::missing_field("name"))?,
            size: size.ok_or_else(|| de::Error::missing_field("size"))?,
            modified: modified.ok_or_else(|| de::Error::missing_field("modified"))?,
            value: value.ok_or_else(|| de::Error::missing_field(T::FIELD))?,
        })
    }
}

#[derive(Serialize, Deserialize, PartialEq)]
struct Header {
    format: u32,
    schema: u32,
}

impl Header {
    fn of<T: Derived>() -> Header {
        Header {
            format: T::FORMAT,
            schema: SCHEMA_VERSION,
        }
    }
}

/// FNV-1a, 64 bits: a name for a folder's path that stays the same from one run (and one
/// version of Rust) to the next.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The file of the `kind` cache of the sessions folder `dir`, in the OS cache folder: named
/// after the folder's canonical path, so that each folder has its own however it is named
/// (`./sessions`, a link, the full path). `None` when there is no home or the folder does
/// not exist (it then holds nothing to cache).
pub(crate) fn cache_path(dir: &Path, kind: &str) -> Option<PathBuf> {
    cache_file(dir, kind, "ron")
}

/// [`cache_path`] with another extension (the index is a database, not RON).
pub(crate) fn cache_file(dir: &Path, kind: &str, extension: &str) -> Option<PathBuf> {
    let canonical = std::fs::canonicalize(dir).ok()?;
    let key = fnv1a(canonical.as_os_str().as_encoded_bytes());
    Some(cache_dir()?.join(format!("{kind}-{key:016x}.{extension}")))
}

/// Notes `dir`'s canonical path beside its caches, once (rewritten only if it differs).
pub(crate) fn note_folder(dir: &Path) {
    let (Some(note), Ok(canonical)) = (cache_file(dir, "folder", "path"), dir.canonicalize())
    else {
        return;
    };
    // A path that is not UTF-8 would not be found again from its note: no note, never pruned.
    let Some(text) = canonical.to_str() else {
        return;
    };
    if std::fs::read_to_string(&note).is_ok_and(|t| t == text) {
        return;
    }
    if let Some(parent) = note.parent()
        && super::dir::create_private_dir(parent).is_ok()
    {
        let _ = write_atomic(&note, text, std::io::Write::write_all);
    }
}

/// The OS cache folder of atelier, where every folder's derived files are.
pub(crate) fn cache_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "atelier").map(|d| d.cache_dir().to_path_buf())
}

/// A folder's cache as read, consumed as the folder's files are matched against it.
pub(crate) struct DerivedCache<T> {
    entries: HashMap<String, Entry<T>>,
    /// An entry was dropped or a value added since the cache was read.
    changed: bool,
    settled_before: SystemTime,
}

impl<T: Derived> DerivedCache<T> {
    /// The folder's cache, or an empty one if there is none or it cannot be read whole.
    pub fn read(dir: &Path, known: &T::Known) -> DerivedCache<T> {
        DerivedCache {
            entries: cache_path(dir, T::FILE)
                .and_then(|path| read_entries(&path, known))
                .unwrap_or_default(),
            changed: false,
            settled_before: SystemTime::now().checked_sub(SETTLE).unwrap_or(UNIX_EPOCH),
        }
    }

    /// The cached value of a file if its size and time are the ones cached; `None`: read it,
    /// then tell [`DerivedCache::added`] if that went well.
    pub fn take(&mut self, file: &FileStat) -> Option<T> {
        let entry = self.entries.remove(file.name().as_ref())?;
        let fresh = entry.size == file.size
            && file.modified.and_then(stamp) == Some(entry.modified)
            && self.settled(file);
        if !fresh {
            self.changed = true;
            return None;
        }
        Some(entry.value)
    }

    /// A file was read well: it goes into the cache if it is settled.
    pub fn added(&mut self, file: &FileStat) {
        self.changed |= self.settled(file);
    }

    fn settled(&self, file: &FileStat) -> bool {
        file.modified.is_some_and(|t| t < self.settled_before)
    }

    /// Writes the cache again, with the values of the files read well, if an entry was
    /// added, changed or dropped. A cache folder that cannot be written (a full disk) just
    /// goes without.
    pub fn write_if_changed<'a>(
        &self,
        dir: &Path,
        values: impl Iterator<Item = (&'a FileStat, &'a T)>,
    ) where
        T: 'a,
    {
        let dropped = !self.entries.is_empty();
        if self.changed || dropped {
            let _ = write(dir, values, self.settled_before);
        }
    }
}

/// The cache's entries by file name; `None` if it cannot be read whole. The lines are parsed
/// on every core, a batch at a time: at 10,000 entries, parsing is most of a warm start,
/// and the whole text at once would be 40 MB more at its peak.
fn read_entries<T: Derived>(path: &Path, known: &T::Known) -> Option<HashMap<String, Entry<T>>> {
    const BATCH: usize = 256;
    let file = std::fs::File::open(path).ok()?;
    let mut lines = BufReader::new(file).lines();
    let header: Header = ron::from_str(&lines.next()?.ok()?).ok()?;
    if header != Header::of::<T>() {
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
        let parts: Vec<Option<Vec<Entry<T>>>> = std::thread::scope(|scope| {
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

fn parse_line<T: Derived>(line: &str, known: &T::Known) -> Option<Entry<T>> {
    // A line cut short (a full disk, a copy stopped midway) lacks its end mark.
    T::read_line(line.strip_suffix("\t;")?, known)
}

fn write<'a, T: Derived + 'a>(
    dir: &Path,
    values: impl Iterator<Item = (&'a FileStat, &'a T)>,
    settled_before: SystemTime,
) -> std::io::Result<()> {
    let header = crate::ron_text::to_string(&Header::of::<T>()).map_err(std::io::Error::other)?;
    let path = cache_path(dir, T::FILE).ok_or(std::io::ErrorKind::NotFound)?;
    if let Some(folder) = path.parent() {
        super::dir::create_private_dir(folder)?;
    }
    write_atomic(&path, "", |file, _| {
        let mut out = BufWriter::new(file);
        writeln!(out, "{header}")?;
        for (file, value) in values {
            let Some(modified) = file
                .modified
                .filter(|t| *t < settled_before)
                .and_then(stamp)
            else {
                continue;
            };
            let entry = EntryRef {
                name: &file.name(),
                size: file.size,
                modified,
                value,
            };
            // RON escapes line breaks and tabs inside strings; should a line hold one anyway,
            // the entry is left out (its file is read next time) rather than cut the cache.
            match crate::ron_text::to_string(&entry) {
                Ok(mut line) if !line.contains(['\n', '\t']) => {
                    value.write_tail(&mut line);
                    writeln!(out, "{line}\t;")?;
                }
                _ => {}
            }
        }
        out.flush()
    })
    .map_err(|e| std::io::Error::other(e.detail))?;
    note_folder(dir);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names of the folder's session files, in the order `stat_files` gives them.
    fn listed(dir: &Path) -> Vec<String> {
        stat_files(dir)
            .unwrap()
            .iter()
            .map(|f| f.name().into_owned())
            .collect()
    }

    #[test]
    fn a_folder_of_many_files_is_listed_whole_and_in_order() {
        let dir = tempfile::tempdir().unwrap();
        // Made in an order unlike the names', more than the threads' shares hold.
        let n = 1543;
        for k in 0..n {
            let name = format!("{:05}.ron", (k * 7919) % n);
            std::fs::write(dir.path().join(name), "").unwrap();
        }
        let want: Vec<String> = (0..n).map(|k| format!("{k:05}.ron")).collect();
        assert_eq!(listed(dir.path()), want);
    }

    #[test]
    fn names_alike_in_their_first_bytes_come_in_byte_order() {
        let dir = tempfile::tempdir().unwrap();
        let names = [
            "2026-11-24_boulangers_s03_b.ron",
            "2026-11-24_boulangers_s03_a.ron",
            "2026-11-24_boulangers_s02.ron",
            "2026-11-24_boulangerie.ron",
            "2026-11-24_boul.ron",
            "2026-11-24_b.ron",
            "2026-11-2.ron",
            "2026-11-24_boulangers_s03_a.ron.ron",
            "Z.ron",
            "é.ron",
        ];
        for n in names {
            std::fs::write(dir.path().join(n), "").unwrap();
        }
        let mut want: Vec<&str> = names.to_vec();
        want.sort_unstable();
        assert_eq!(listed(dir.path()), want);
    }

    #[test]
    fn the_folders_session_files_come_sorted_by_name_with_their_size() {
        let dir = tempfile::tempdir().unwrap();
        // More files than cores, made out of order, and what is not a session file.
        let names: Vec<String> = (0..40).rev().map(|i| format!("s{i:02}.ron")).collect();
        for (k, n) in names.iter().enumerate() {
            std::fs::write(dir.path().join(n), "x".repeat(k)).unwrap();
        }
        std::fs::write(dir.path().join(".atelier-tmp.ron"), "").unwrap();
        std::fs::write(dir.path().join("notes.txt"), "").unwrap();
        std::fs::create_dir(dir.path().join("dossier.ron")).unwrap();
        let files = stat_files(dir.path()).unwrap();
        let got: Vec<String> = files.iter().map(|f| f.name().into_owned()).collect();
        let mut want: Vec<&str> = names.iter().map(String::as_str).collect();
        want.sort_unstable();
        assert_eq!(got, want);
        for f in &files {
            assert_eq!(f.path, dir.path().join(f.name().as_ref()));
            assert_eq!(
                f.size as usize,
                39 - f.name()[1..3].parse::<usize>().unwrap()
            );
            assert!(f.modified.is_some());
        }
        assert!(stat_files(&dir.path().join("absent")).unwrap().is_empty());
    }
}
