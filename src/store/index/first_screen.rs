//! The home screen's first screenful, from the index as its last refresh left it, without a
//! look at the folder: the groups with the most recent sessions, their unfinished sessions,
//! the sessions saved last. Shown at once at start while the folder is listed whole; the
//! whole listing then replaces it.

use super::Index;
use crate::model::Id;
use crate::store::cache::Listed;
use crate::store::listing::Listing;
use rusqlite::params;
use std::collections::{HashMap, HashSet};
use std::time::{Duration, UNIX_EPOCH};

/// A listing of only the sessions the first rows show, with what it cannot tell alone.
pub struct FirstScreen {
    pub listing: Listing,
    /// Each listed group's number of sessions in use.
    pub sessions: HashMap<Id, usize>,
    /// How many groups the folder has in all.
    pub groups: usize,
}

/// A row as read: the file's name, its recorded time, its summary in RON.
type Row = (String, Option<(u64, u32)>, String);

/// How many sessions the home screen's "recent" list shows.
const RECENT: usize = 50;

impl Index {
    /// The first `groups` groups (the most recent first) with their latest and unfinished
    /// sessions, and the sessions saved last; `None` when the index holds no session (never
    /// refreshed, or an empty folder).
    pub fn first_screen(&self, groups: usize) -> rusqlite::Result<Option<FirstScreen>> {
        let total: i64 = self
            .conn
            .query_row("SELECT count(*) FROM groups", [], |r| r.get(0))?;
        if total == 0 {
            return Ok(None);
        }
        let mut seen: HashSet<String> = HashSet::new();
        let mut rows: Vec<Row> = Vec::new();
        let mut sessions = HashMap::new();
        let row = |r: &rusqlite::Row<'_>| -> rusqlite::Result<Row> {
            let secs: Option<i64> = r.get(1)?;
            let nanos: Option<u32> = r.get(2)?;
            Ok((
                r.get(0)?,
                secs.zip(nanos).map(|(s, n)| (s as u64, n)),
                r.get(3)?,
            ))
        };
        let mut latest = self.conn.prepare_cached(
            "SELECT files.name, files.secs, files.nanos, files.summary, groups.sessions,
                    groups.group_id
             FROM groups JOIN files ON files.rowid = groups.latest
             ORDER BY groups.date DESC, groups.saved DESC LIMIT ?1",
        )?;
        let mut open = self.conn.prepare_cached(
            "SELECT name, secs, nanos, summary FROM files
             WHERE record = 0 AND group_id = ?1 AND open = 1
             ORDER BY number DESC, date DESC, saved DESC LIMIT 1",
        )?;
        let firsts = latest.query_map(params![groups as i64], |r| {
            Ok((row(r)?, r.get::<_, i64>(4)?, r.get::<_, String>(5)?))
        })?;
        let mut group_ids = Vec::new();
        for first in firsts {
            let (first, count, group) = first?;
            sessions.insert(Id(group.clone()), count as usize);
            group_ids.push(group);
            rows.push(first);
        }
        for group in &group_ids {
            if let Some(r) = open.query_map([group], row)?.next() {
                rows.push(r?);
            }
        }
        let mut recent = self.conn.prepare_cached(
            "SELECT name, secs, nanos, summary FROM files WHERE record = 0
             ORDER BY saved DESC LIMIT ?1",
        )?;
        for r in recent.query_map(params![RECENT as i64], row)? {
            rows.push(r?);
        }
        let mut summaries = Vec::new();
        for (name, stamp, summary) in rows {
            // A file gone since (removed while atelier was closed) is not offered: opening
            // it would only say it is not there.
            if !seen.insert(name.clone()) || !self.dir().join(&name).is_file() {
                continue;
            }
            // A row that does not read back is left to the whole listing.
            let Ok(Listed::Session(mut s)) = ron::from_str::<Listed>(&summary) else {
                continue;
            };
            s.path = self.dir().join(&name);
            s.modified = stamp.map(|(secs, nanos)| UNIX_EPOCH + Duration::new(secs, nanos));
            summaries.push(s);
        }
        Ok(Some(FirstScreen {
            listing: Listing::new(summaries, Vec::new()),
            sessions,
            groups: total as usize,
        }))
    }
}
