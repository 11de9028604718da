//! The folder's listing through its index, and the review browser's filter answered by it.
//! A listing made this way holds no search text in memory (`Summary::search` is `None`):
//! at 100,000 sessions the texts were 360 MB of the TUI's 600 (issue 14, point 5). The
//! filter asks the index which files hold each word typed ([`Index::word_hits`]).

use super::Index;
use crate::store::cache::Listed;
use crate::store::listing::Listing;
use crate::store::summary::SharedTexts;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// A row whose summary does not read back: the index is not to be trusted for a listing.
#[derive(Debug)]
struct Unreadable(String);

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the index's row for {} does not read back", self.0)
    }
}

impl std::error::Error for Unreadable {}

impl Index {
    /// The folder's listing: the index brought up to date (new and changed files read on
    /// every core, `progress(done, total)` counting them), then every row's summary. The
    /// same listing as `Store`'s scan of the folder, but for the search texts, which stay
    /// here. An error (a row that does not read back, a database that fails) leaves the
    /// caller to list the folder without the index.
    pub fn listing(
        &mut self,
        progress: &(dyn Fn(usize, usize) + Sync),
    ) -> rusqlite::Result<Listing> {
        self.listing_where(progress, None)
    }

    /// [`Index::listing`] of one group's sessions and records, with every other copy of
    /// them (in another group's name too, so that the copy in use is the one the whole
    /// listing uses): what a group's timeline, page, tracker and next session read,
    /// without the whole folder's summaries in memory.
    pub fn group_listing(&mut self, group: &crate::model::Id) -> rusqlite::Result<Listing> {
        self.listing_where(&|_, _| {}, Some(group.as_str()))
    }

    fn listing_where(
        &mut self,
        progress: &(dyn Fn(usize, usize) + Sync),
        group: Option<&str>,
    ) -> rusqlite::Result<Listing> {
        let unreadable = self.refresh(progress)?;
        // The folder itself could not be read: nothing else is said about it.
        if unreadable.iter().any(|(path, _)| path == self.dir()) {
            return Ok(Listing::new(Vec::new(), unreadable));
        }
        // Room made once: grown by doubling, the summaries' vector took twice its size at
        // 100,000 sessions. A count from the file is only a hint, bounded.
        let count: i64 = match group {
            None => {
                self.conn
                    .query_row("SELECT count(*) FROM files WHERE record = 0", [], |r| {
                        r.get(0)
                    })?
            }
            Some(_) => 0,
        };
        let room = usize::try_from(count).unwrap_or(0).min(1 << 22);
        let mut q = self.conn.prepare(match group {
            None => "SELECT name, secs, nanos, summary FROM files",
            Some(_) => {
                // The group's rows, and every row with one of their ids: both by an index
                // (`record IN` lets the group's index be used).
                "SELECT name, secs, nanos, summary FROM files WHERE id IN
                 (SELECT id FROM files WHERE record IN (0, 1) AND group_id = ?1)"
            }
        })?;
        let mut rows = match group {
            None => q.query([])?,
            Some(g) => q.query([g])?,
        };
        let (mut sessions, mut records) = (Vec::with_capacity(room), Vec::new());
        let mut shared = SharedTexts::default();
        while let Some(row) = rows.next()? {
            let name: String = row.get(0)?;
            let secs: Option<i64> = row.get(1)?;
            let nanos: Option<u32> = row.get(2)?;
            let summary: String = row.get(3)?;
            let listed = ron::from_str::<Listed>(&summary).map_err(|_| {
                rusqlite::Error::FromSqlConversionFailure(
                    3,
                    rusqlite::types::Type::Text,
                    Box::new(Unreadable(name.clone())),
                )
            })?;
            let path = self.dir().join(&name);
            // A row keeps its file's time once it has settled (it then matched the file's
            // `stat` in this refresh); a file saved just now is asked again.
            let modified: Option<SystemTime> = match secs.zip(nanos) {
                Some((s, n)) => u64::try_from(s)
                    .ok()
                    .map(|s| UNIX_EPOCH + Duration::new(s, n.min(999_999_999))),
                None => std::fs::metadata(&path).and_then(|m| m.modified()).ok(),
            };
            match listed {
                Listed::Session(mut s) => {
                    (s.path, s.modified, s.search) = (path, modified, None);
                    shared.share(&mut s);
                    sessions.push(s);
                }
                Listed::Record(mut r) => {
                    (r.path, r.modified) = (path, modified);
                    records.push(r);
                }
            }
        }
        Ok(Listing::new(sessions, unreadable).with_records(records))
    }

    /// For each word (folded by `trades::fold`, as the review browser's filter folds what is
    /// typed), the names of the session files whose search text holds it, told to `each`
    /// (the word's place in `words`, the name) as they are read, never gathered: through
    /// the trigram index from three letters, by reading the texts kept beside it below.
    pub fn word_hits(
        &self,
        words: &[&str],
        mut each: impl FnMut(usize, &str),
    ) -> rusqlite::Result<()> {
        let mut matching = self.conn.prepare_cached(
            "SELECT files.name FROM search JOIN files ON files.rowid = search.rowid
             WHERE search MATCH ?1",
        )?;
        let mut holding = self.conn.prepare_cached(
            "SELECT files.name FROM search JOIN files ON files.rowid = search.rowid
             WHERE instr(search.text, ?1) > 0",
        )?;
        for (i, w) in words.iter().enumerate() {
            let mut rows = if w.chars().count() >= 3 {
                matching.query([phrase(w)])?
            } else {
                holding.query([w])?
            };
            while let Some(row) = rows.next()? {
                if let Ok(name) = row.get_ref(0)?.as_str() {
                    each(i, name);
                }
            }
        }
        Ok(())
    }

    /// For each word, the names of the session files whose search text holds it among those
    /// holding every word of `within` (three letters or more each): the trigram index finds
    /// those, and only their texts are read for the words. A word too short for the trigram
    /// index costs a pass over every text without `within` (a quarter of a second at
    /// 100,000 sessions), a few hundredths with a rarer word beside it.
    pub fn word_hits_within(
        &self,
        words: &[&str],
        within: &[&str],
        mut each: impl FnMut(usize, &str),
    ) -> rusqlite::Result<()> {
        let mut holding = self.conn.prepare_cached(
            "SELECT files.name FROM search JOIN files ON files.rowid = search.rowid
             WHERE search MATCH ?1 AND instr(search.text, ?2) > 0",
        )?;
        // The phrases one after the other: all of them (FTS5's implicit AND).
        let all: Vec<String> = within.iter().map(|w| phrase(w)).collect();
        let all = all.join(" ");
        for (i, w) in words.iter().enumerate() {
            let mut rows = holding.query(rusqlite::params![all, w])?;
            while let Some(row) = rows.next()? {
                if let Ok(name) = row.get_ref(0)?.as_str() {
                    each(i, name);
                }
            }
        }
        Ok(())
    }

    /// The search text the index keeps for the session file `name`, if any.
    pub fn text_of(&self, name: &str) -> rusqlite::Result<Option<String>> {
        let mut q = self.conn.prepare_cached(
            "SELECT search.text FROM search JOIN files ON files.rowid = search.rowid
             WHERE files.name = ?1",
        )?;
        let mut rows = q.query([name])?;
        match rows.next()? {
            Some(row) => row.get(0).map(Some),
            None => Ok(None),
        }
    }
}

/// A word as one FTS5 phrase: its characters in a row, quotes doubled.
fn phrase(word: &str) -> String {
    format!("\"{}\"", word.replace('"', "\"\""))
}
