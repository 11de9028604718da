//! The folder's index: a SQLite database in the OS cache folder (`index-HASH.sqlite` beside
//! the RON caches, see `derived.rs`) that answers "which file is session X", "the session
//! saved last" and "the sessions whose text holds these words" without reading every file of
//! the folder, nor every summary into memory. It is what keeps `follow ID`, `replay ID`,
//! `show ID` and `export ID` near-instant in a national programme's folder (100,000
//! sessions), where the summary cache alone must be read whole (issue 14, point 5).
//!
//! A derived index, by the rules of the RON caches: never the source of truth, never in the
//! sessions folder, one row per file of the folder keyed by its name, size and time (a file
//! that differs, or is new, is read again; a row whose file is gone is dropped; a file that
//! fails to read has no row; a file saved less than `SETTLE` ago is read again next time).
//! An index that cannot be opened, is corrupt or of another version is deleted and built
//! again; one that cannot be written at all (no cache folder, a full disk) is done without:
//! callers then list the folder as before ([`super::Store::list`]).
//!
//! An answer is trusted without looking at the whole folder when the folder's own time is
//! the one recorded at the last refresh (adding, removing or renaming a file, which atelier's
//! atomic saves and sync tools do, changes it) and every file the answer names still has
//! its recorded size and time; otherwise the index is refreshed first (every file `stat`ed,
//! the changed ones read on every core).

mod first_screen;
mod listing;
mod lookup;
mod refresh;

pub use first_screen::FirstScreen;
pub use lookup::{find_path, latest_path};

use super::derived::cache_file;
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The version of the index's tables and of what a row holds: bumped with them, and with the
/// listing's summaries (a row's summary is the summary cache's value, in RON). An index of
/// another version is deleted and built again. 3: the search texts are kept in the index
/// (the filter's short words are looked for in them; the listing holds none in memory).
const VERSION: &str = "index 3, listing 5";

const SCHEMA: &str = "
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE files(
    rowid INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    lname TEXT NOT NULL,
    size INTEGER NOT NULL,
    secs INTEGER,
    nanos INTEGER,
    record INTEGER NOT NULL,
    id TEXT NOT NULL,
    group_id TEXT NOT NULL,
    date TEXT NOT NULL,
    number INTEGER NOT NULL,
    open INTEGER NOT NULL,
    saved INTEGER NOT NULL,
    summary TEXT NOT NULL
);
CREATE INDEX files_lname ON files(lname);
CREATE INDEX files_id ON files(id);
CREATE INDEX files_saved ON files(record, saved);
CREATE INDEX files_group ON files(record, group_id, number, date, saved);
-- Each group's latest session in use and how many sessions it has: the home screen's
-- first rows, kept up to date by every refresh for the groups it touched.
CREATE TABLE groups(
    group_id TEXT PRIMARY KEY,
    sessions INTEGER NOT NULL,
    latest INTEGER NOT NULL,
    date TEXT NOT NULL,
    saved INTEGER NOT NULL
);
CREATE INDEX groups_recent ON groups(date, saved);
-- The texts are kept, not only indexed: a word shorter than three letters, which a trigram
-- index cannot look up, is looked for in them.
CREATE VIRTUAL TABLE search USING fts5(text, tokenize='trigram remove_diacritics 1');
";

/// The index of one sessions folder, open.
pub struct Index {
    conn: Connection,
    dir: PathBuf,
}

impl Index {
    /// The folder's index, created if there is none; `None` when the OS has no cache
    /// folder or SQLite cannot use the file even after deleting it.
    pub fn open(dir: &Path) -> Option<Index> {
        let path = cache_file(dir, "index", "sqlite")?;
        super::dir::create_private_dir(path.parent()?).ok()?;
        create_private_file(&path);
        let conn = match connect(&path) {
            Ok(c) => c,
            // Corrupt, another version, or half-written by a program killed while creating
            // it: derived data, so it goes.
            Err(_) => {
                remove(&path);
                create_private_file(&path);
                connect(&path).ok()?
            }
        };
        super::derived::note_folder(dir);
        Some(Index {
            conn,
            dir: dir.to_path_buf(),
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Deletes the folder's index, if any (the next use builds it again).
    pub fn delete(dir: &Path) {
        if let Some(path) = cache_file(dir, "index", "sqlite") {
            remove(&path);
        }
    }

    /// The database's size on disk, in MB.
    pub fn size_mb(&self) -> f64 {
        let pages = |what: &str| -> f64 {
            self.conn
                .query_row(&format!("PRAGMA {what}"), [], |r| r.get::<_, i64>(0))
                .unwrap_or(0) as f64
        };
        pages("page_count") * pages("page_size") / 1_048_576.0
    }
}

/// Opens the file and checks its version, creating the tables in a new or outdated file.
fn connect(path: &Path) -> rusqlite::Result<Connection> {
    let conn = Connection::open(path)?;
    conn.busy_timeout(Duration::from_secs(2))?;
    // Readers (a `follow` beside the TUI) never wait for a writer; one commit, one sync.
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    let version: Option<String> = conn
        .query_row("SELECT value FROM meta WHERE key = 'version'", [], |r| {
            r.get(0)
        })
        .ok();
    if version.as_deref() != Some(VERSION) {
        let tx = conn.unchecked_transaction()?;
        tx.execute_batch(
            "DROP TABLE IF EXISTS search; DROP TABLE IF EXISTS files; DROP TABLE IF EXISTS groups;
             DROP TABLE IF EXISTS meta;",
        )?;
        tx.execute_batch(SCHEMA)?;
        tx.execute(
            "INSERT INTO meta(key, value) VALUES ('version', ?1)",
            [VERSION],
        )?;
        tx.commit()?;
    }
    Ok(conn)
}

/// Creates the file, readable by its owner only, if there is none: the index holds the
/// sessions' texts, and SQLite gives its journal files the database's permissions.
fn create_private_file(path: &Path) {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let _ = options.open(path);
}

/// Deletes an index and SQLite's files beside it.
fn remove(path: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
}

#[cfg(test)]
mod tests;
