//! What the commands that name one session ask the index: the file of an id (or of the start
//! of one, or of a file name), and the session saved last. The few rows that could answer
//! are made into a small [`Listing`] and asked the same question the whole folder's listing
//! answers, so that the rules (names first, a copy of a session shadowed by a newer one, an
//! ambiguous start) are written once.

use super::Index;
use crate::store::Store;
use crate::store::cache::Listed;
use crate::store::derived::stamp;
use crate::store::listing::{FindError, Listing};
use rusqlite::params_from_iter;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The file named by `query` in the folder `dir`: a file name (with or without `.ron`), a
/// whole id or the first characters of one; sessions only, or records too when `any`.
/// Through the index, or by listing the folder when the index cannot be used.
pub fn find_path(dir: &Path, query: &str, any: bool) -> Result<PathBuf, FindError> {
    if let Some(found) = Index::open(dir).and_then(|mut i| i.find(query, any).ok()) {
        return found;
    }
    let listing = Store::new(dir).list();
    if any {
        listing.find_any(query).map(|f| f.path().to_path_buf())
    } else {
        listing.find(query).map(|s| s.path.clone())
    }
}

/// The session of the folder saved last (the later file time on a tie), if any.
pub fn latest_path(dir: &Path) -> Option<PathBuf> {
    if let Some(found) = Index::open(dir).and_then(|mut i| i.latest().ok()) {
        return found;
    }
    let listing = Store::new(dir).list();
    latest_of(&listing)
}

fn latest_of(listing: &Listing) -> Option<PathBuf> {
    listing
        .in_use()
        .max_by_key(|s| (s.saved, s.modified))
        .map(|s| s.path.clone())
}

/// A row that may answer, with its file's time as it is now.
struct Candidate {
    /// `None`: the row does not read back, so it is out of date by definition.
    listed: Option<Listed>,
    name: String,
    /// The file still has the size and time of its row.
    fresh: bool,
    modified: Option<SystemTime>,
}

impl Index {
    /// See [`find_path`]. The answer is checked against the folder (see the module's rules)
    /// and the index refreshed when it may be out of date.
    pub fn find(&mut self, query: &str, any: bool) -> rusqlite::Result<Result<PathBuf, FindError>> {
        let q = query.trim().to_lowercase();
        if q.is_empty() {
            return Ok(Err(FindError::NotFound));
        }
        let ask = |index: &Index| {
            index.candidates(
                "WHERE (lname = ?1 OR lname = ?2 OR (id >= ?1 AND id < ?3))",
                vec![q.clone(), format!("{q}.ron"), format!("{q}{}", char::MAX)],
            )
        };
        let rows = self.up_to_date(ask)?;
        let listing = listing_of(self.dir(), rows, any);
        Ok(if any {
            listing.find_any(query).map(|f| f.path().to_path_buf())
        } else {
            listing.find(query).map(|s| s.path.clone())
        })
    }

    /// See [`latest_path`].
    pub fn latest(&mut self) -> rusqlite::Result<Option<PathBuf>> {
        let ask = |index: &Index| {
            index.candidates(
                "WHERE record = 0 AND id IN (SELECT id FROM files WHERE record = 0
                 AND saved = (SELECT max(saved) FROM files WHERE record = 0))",
                Vec::new(),
            )
        };
        let rows = self.up_to_date(ask)?;
        Ok(latest_of(&listing_of(self.dir(), rows, false)))
    }

    /// The rows `ask` gives, from an index brought up to date first when the folder changed
    /// since, or when a row no longer matches its file.
    fn up_to_date(
        &mut self,
        ask: impl Fn(&Index) -> rusqlite::Result<Vec<Candidate>>,
    ) -> rusqlite::Result<Vec<Candidate>> {
        if !self.current() {
            self.refresh(&|_, _| {})?;
            return ask(self);
        }
        let rows = ask(self)?;
        if rows.iter().all(|c| c.fresh) {
            return Ok(rows);
        }
        self.refresh(&|_, _| {})?;
        ask(self)
    }

    fn candidates(&self, filter: &str, args: Vec<String>) -> rusqlite::Result<Vec<Candidate>> {
        // In name order, as the folder is listed: answers come in the same order.
        let sql =
            format!("SELECT name, size, secs, nanos, summary FROM files {filter} ORDER BY name");
        let mut q = self.conn.prepare_cached(&sql)?;
        let rows = q.query_map(params_from_iter(args), |r| {
            let secs: Option<i64> = r.get(2)?;
            let nanos: Option<u32> = r.get(3)?;
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)? as u64,
                secs.zip(nanos).map(|(s, n)| (s as u64, n)),
                r.get::<_, String>(4)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (name, size, recorded, summary) = row?;
            let listed = ron::from_str::<Listed>(&summary).ok();
            let meta = std::fs::metadata(self.dir().join(&name)).ok();
            let modified = meta.as_ref().and_then(|m| m.modified().ok());
            let fresh = listed.is_some()
                && recorded.is_some()
                && meta.as_ref().map(|m| m.len()) == Some(size)
                && modified.and_then(stamp) == recorded;
            out.push(Candidate {
                listed,
                name,
                fresh,
                modified,
            });
        }
        Ok(out)
    }
}

/// A listing of the candidates (their paths in `dir`, their files' times).
fn listing_of(dir: &Path, rows: Vec<Candidate>, records: bool) -> Listing {
    let mut sessions = Vec::new();
    let mut kept = Vec::new();
    for c in rows {
        let path = dir.join(&c.name);
        match c.listed {
            Some(Listed::Session(mut s)) => {
                (s.path, s.modified) = (path, c.modified);
                sessions.push(s);
            }
            Some(Listed::Record(mut r)) if records => {
                (r.path, r.modified) = (path, c.modified);
                kept.push(r);
            }
            _ => {}
        }
    }
    Listing::new(sessions, Vec::new()).with_records(kept)
}
