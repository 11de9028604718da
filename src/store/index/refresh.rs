//! Bringing the index up to date with the folder: every file `stat`ed, the new and changed
//! ones read (the light way first, on every core, as the listing does), the rows of removed
//! or unreadable files dropped, in one transaction.

use super::Index;
use crate::model::SessionState;
use crate::store::cache::Listed;
use crate::store::derived::{FileStat, SETTLE, stamp, stat_files};
use crate::store::file::LoadError;
use crate::store::listing::{Parsed, parse_all};
use rusqlite::{OptionalExtension, params};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

/// How many files are read before what they hold is written.
const BATCH: usize = 2_000;

/// A row's file as recorded: its id in the table, size and time (`None`: not settled when
/// read, so read again).
struct Known {
    rowid: i64,
    group_id: String,
    size: u64,
    stamp: Option<(u64, u32)>,
}

/// The folder's time as text, as `meta` keeps it.
pub(super) fn folder_stamp(dir: &Path) -> Option<String> {
    let t = std::fs::metadata(dir).ok()?.modified().ok()?;
    let (s, n) = stamp(t)?;
    Some(format!("{s}.{n:09}"))
}

impl Index {
    /// Whether nothing was added to, removed from or renamed in the folder since the last
    /// refresh (which recorded the folder's time only once it had settled).
    pub(super) fn current(&self) -> bool {
        let recorded: Option<String> = self
            .conn
            .query_row("SELECT value FROM meta WHERE key = 'folder'", [], |r| {
                r.get(0)
            })
            .optional()
            .ok()
            .flatten();
        recorded.is_some() && recorded == folder_stamp(&self.dir)
    }

    /// Brings every row up to date with the folder. Returns the files that could not be
    /// read, with why (they have no row: they are read again next time). `progress(done,
    /// total)` counts the files read.
    pub fn refresh(
        &mut self,
        progress: &(dyn Fn(usize, usize) + Sync),
    ) -> rusqlite::Result<Vec<(PathBuf, LoadError)>> {
        let started = SystemTime::now();
        let settled_before = started.checked_sub(SETTLE).unwrap_or(UNIX_EPOCH);
        let folder = std::fs::metadata(&self.dir)
            .ok()
            .and_then(|m| m.modified().ok());
        let files = match stat_files(&self.dir) {
            Ok(f) => f,
            Err(e) => return Ok(vec![(self.dir.clone(), e)]),
        };
        let mut known = self.known()?;
        let mut to_read: Vec<FileStat> = Vec::new();
        for file in files {
            match known.remove(file.name().as_ref()) {
                Some(k)
                    if k.size == file.size
                        && k.stamp.is_some()
                        && k.stamp == file.modified.and_then(stamp) => {}
                _ => to_read.push(file),
            }
        }
        let mut next: Vec<Parsed> = Vec::new();
        // Read and written a batch at a time: what is read is never all in memory at once
        // (100,000 files' summaries and texts took 500 MB).
        let total = to_read.len();
        let mut batches = to_read
            .chunks(BATCH)
            .map(<[FileStat]>::to_vec)
            .collect::<Vec<_>>()
            .into_iter();
        let mut read = 0;

        // The write lock taken at once: a second writer (the listing thread and a worker's
        // listing at the same time, another atelier) waits its turn rather than fail when
        // it would turn from reading to writing.
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let unreadable = {
            let mut drop_file = tx.prepare_cached("DELETE FROM files WHERE rowid = ?1")?;
            let mut drop_text = tx.prepare_cached("DELETE FROM search WHERE rowid = ?1")?;
            let mut by_name =
                tx.prepare_cached("SELECT rowid, group_id FROM files WHERE name = ?1")?;
            let mut add = tx.prepare_cached(
                "INSERT INTO files(name, lname, size, secs, nanos, record, id, group_id, date,
                 number, open, saved, summary)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            )?;
            // The groups whose latest session or count may have changed.
            let mut touched: HashSet<String> = HashSet::new();
            let mut add_text =
                tx.prepare_cached("INSERT INTO search(rowid, text) VALUES (?1, ?2)")?;
            // Files gone from the folder.
            for k in known.values() {
                drop_file.execute([k.rowid])?;
                drop_text.execute([k.rowid])?;
                touched.insert(k.group_id.clone());
            }
            let mut unreadable = Vec::new();
            loop {
                for (file, result) in std::mem::take(&mut next) {
                    let old = by_name
                        .query_row([file.name()], |r| Ok((r.get::<_, i64>(0)?, r.get(1)?)))
                        .optional()?;
                    if let Some((old, group)) = old {
                        drop_file.execute([old])?;
                        drop_text.execute([old])?;
                        touched.insert(group);
                    }
                    let listed = match result {
                        Ok(l) => l,
                        Err(e) => {
                            unreadable.push((file.path, e));
                            continue;
                        }
                    };
                    let settled = file
                        .modified
                        .filter(|t| *t < settled_before)
                        .and_then(stamp);
                    let (record, id, group, date, number, open, saved, search) = match &listed {
                        Listed::Session(s) => (
                            false,
                            s.id.as_str(),
                            s.group_id.as_str(),
                            s.date,
                            s.number,
                            s.state == SessionState::InProgress,
                            s.saved,
                            s.search.as_ref(),
                        ),
                        Listed::Record(r) => (
                            true,
                            r.id.as_str(),
                            r.group_id.as_str(),
                            r.date,
                            0,
                            false,
                            r.saved,
                            None,
                        ),
                    };
                    touched.insert(group.to_string());
                    let summary = crate::ron_text::to_string(&listed)
                        .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
                    add.execute(params![
                        file.name(),
                        file.name().to_lowercase(),
                        file.size as i64,
                        settled.map(|s| s.0 as i64),
                        settled.map(|s| s.1),
                        record,
                        id,
                        group,
                        date.to_string(),
                        number,
                        open,
                        saved.timestamp_micros(),
                        summary,
                    ])?;
                    if let Some(text) = search {
                        add_text.execute(params![tx.last_insert_rowid(), &**text])?;
                    }
                }
                let Some(batch) = batches.next() else { break };
                let n = batch.len();
                next = parse_all(batch, &|done, _| progress(read + done, total));
                read += n;
            }
            let mut forget = tx.prepare_cached("DELETE FROM groups WHERE group_id = ?1")?;
            let mut latest = tx.prepare_cached(
                "INSERT INTO groups(group_id, sessions, latest, date, saved)
                 SELECT ?1, (SELECT count(DISTINCT id) FROM files WHERE record = 0
                             AND group_id = ?1), rowid, date, saved
                 FROM files WHERE record = 0 AND group_id = ?1
                 ORDER BY number DESC, date DESC, saved DESC LIMIT 1",
            )?;
            for group in &touched {
                forget.execute([group])?;
                latest.execute([group])?;
            }
            // The folder's time is trusted only once no change can hide within its stamp.
            let folder = folder
                .filter(|t| *t < settled_before)
                .and_then(stamp)
                .map(|(s, n)| format!("{s}.{n:09}"));
            tx.execute(
                "INSERT OR REPLACE INTO meta(key, value) VALUES ('folder', ?1)",
                [folder],
            )?;
            unreadable
        };
        tx.commit()?;
        Ok(unreadable)
    }

    /// Every row's name, id, size and time.
    fn known(&self) -> rusqlite::Result<HashMap<String, Known>> {
        let mut q = self
            .conn
            .prepare_cached("SELECT name, rowid, size, secs, nanos, group_id FROM files")?;
        let rows = q.query_map([], |r| {
            let secs: Option<i64> = r.get(3)?;
            let nanos: Option<u32> = r.get(4)?;
            Ok((
                r.get::<_, String>(0)?,
                Known {
                    rowid: r.get(1)?,
                    group_id: r.get(5)?,
                    size: r.get::<_, i64>(2)? as u64,
                    stamp: secs.zip(nanos).map(|(s, n)| (s as u64, n)),
                },
            ))
        })?;
        rows.collect()
    }
}
