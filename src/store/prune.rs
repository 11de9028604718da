//! The derived files of sessions folders that are gone. Each folder's caches are named after
//! a hash of its path (`derived::cache_file`), so a folder renamed, moved or deleted leaves
//! them in the OS cache folder under a name nothing asks for again: at 100,000 sessions its
//! index alone is 1.4 GB. Beside its caches each folder has a note of its path
//! (`folder-HASH.path`, written by `derived::note_folder`); when that path no longer exists
//! and none of the folder's files has been written for [`UNUSED`], they all go. A folder on a
//! drive unplugged for longer is read again when it comes back (its index rebuilt): derived
//! data costs only that.
//!
//! Caches written before the notes existed have none and are left alone: nothing says whose
//! they are.

use super::derived::cache_dir;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// How long a gone folder's caches wait before they are removed.
pub(crate) const UNUSED: Duration = Duration::from_secs(30 * 24 * 3600);

/// Removes the caches of gone folders from the OS cache folder; how many files went.
pub(crate) fn prune_gone_folders(now: SystemTime) -> usize {
    cache_dir().map_or(0, |dir| prune_in(&dir, now, &|p| p.exists()))
}

/// [`prune_gone_folders`] in `cache`, `exists` saying whether a folder is still there.
fn prune_in(cache: &Path, now: SystemTime, exists: &dyn Fn(&Path) -> bool) -> usize {
    let Ok(entries) = std::fs::read_dir(cache) else {
        return 0;
    };
    // Each folder's files, by the hash in their names.
    let mut folders: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    for entry in entries.flatten() {
        let name = entry.file_name();
        if let Some(hash) = name.to_str().and_then(hash_of) {
            folders
                .entry(hash.to_string())
                .or_default()
                .push(entry.path());
        }
    }
    let mut removed = 0;
    for (hash, files) in folders {
        let note = cache.join(format!("folder-{hash}.path"));
        let Ok(path) = std::fs::read_to_string(&note) else {
            continue;
        };
        if path.is_empty() || exists(Path::new(&path)) {
            continue;
        }
        let used = files
            .iter()
            .filter_map(|f| f.metadata().and_then(|m| m.modified()).ok())
            .max();
        if used.is_some_and(|t| now.duration_since(t).unwrap_or_default() < UNUSED) {
            continue;
        }
        // The note last: should removing stop halfway, the next start finishes.
        let (notes, others): (Vec<_>, Vec<_>) = files.iter().partition(|f| **f == note);
        for file in others.into_iter().chain(notes) {
            removed += usize::from(std::fs::remove_file(file).is_ok());
        }
    }
    removed
}

/// The folder's hash in a derived file's name: `index-0123456789abcdef.sqlite-wal` gives
/// `0123456789abcdef`. `None` for any other name.
fn hash_of(name: &str) -> Option<&str> {
    let (kind, rest) = name.split_once('-')?;
    let hash = rest.get(..16)?;
    let known = ["listing", "report", "index", "folder"].contains(&kind);
    (known && rest[16..].starts_with('.') && hash.bytes().all(|b| b.is_ascii_hexdigit()))
        .then_some(hash)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn file(dir: &Path, name: &str, text: &str, age_days: u64, now: SystemTime) -> PathBuf {
        let path = dir.join(name);
        fs::write(&path, text).unwrap();
        let f = fs::File::options().write(true).open(&path).unwrap();
        f.set_modified(now - Duration::from_secs(age_days * 24 * 3600))
            .unwrap();
        path
    }

    #[test]
    fn the_caches_of_a_folder_gone_and_unused_for_a_month_go_and_nothing_else() {
        let cache = tempfile::tempdir().unwrap();
        let c = cache.path();
        let now = SystemTime::now();
        let gone = "/nowhere/sessions";
        let (a, b, d, e) = (
            "00000000000000aa",
            "00000000000000bb",
            "00000000000000dd",
            "00000000000000ee",
        );
        // A folder gone, its files unused for 40 days: all of them go.
        let a_files = [
            file(c, &format!("folder-{a}.path"), gone, 40, now),
            file(c, &format!("index-{a}.sqlite"), "", 40, now),
            file(c, &format!("index-{a}.sqlite-wal"), "", 41, now),
            file(c, &format!("listing-{a}.ron"), "", 45, now),
            file(c, &format!("report-{a}.bin"), "", 50, now),
        ];
        // A folder still there, unused for a year: kept.
        let b_files = [
            file(c, &format!("folder-{b}.path"), "/here/sessions", 365, now),
            file(c, &format!("index-{b}.sqlite"), "", 365, now),
        ];
        // A folder gone but one of its caches written 3 days ago: kept, for now.
        let d_files = [
            file(c, &format!("folder-{d}.path"), gone, 60, now),
            file(c, &format!("report-{d}.bin"), "", 3, now),
        ];
        // Caches without a note (written before notes existed), and other files: kept.
        let others = [
            file(c, &format!("index-{e}.sqlite"), "", 400, now),
            file(c, "notes.txt", "", 400, now),
            file(c, "index-xyz.sqlite", "", 400, now),
        ];
        let exists = |p: &Path| p == Path::new("/here/sessions");
        assert_eq!(prune_in(c, now, &exists), a_files.len());
        assert!(a_files.iter().all(|f| !f.exists()));
        assert!(
            b_files
                .iter()
                .chain(&d_files)
                .chain(&others)
                .all(|f| f.exists())
        );
        // Nothing more the second time.
        assert_eq!(prune_in(c, now, &exists), 0);
    }

    #[test]
    fn derived_names_give_their_folders_hash() {
        assert_eq!(
            hash_of("index-0123456789abcdef.sqlite-shm"),
            Some("0123456789abcdef")
        );
        assert_eq!(
            hash_of("folder-0123456789abcdef.path"),
            Some("0123456789abcdef")
        );
        for name in [
            "index-0123456789abcde.sqlite",
            "other-0123456789abcdef.ron",
            "index-0123456789abcdefx.ron",
            "index-0123456789abcdeg.sqlite",
            "listing-é123456789abcdef.ron",
            "",
        ] {
            assert_eq!(hash_of(name), None, "{name}");
        }
    }
}
