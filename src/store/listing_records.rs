//! The folder's visits, activities and diagnoses in a [`Listing`]: kept apart from the
//! sessions, so that the home screen's groups, counts and lists are what they were, and found
//! by id (or its start) as sessions are.

use super::listing::{FindError, Listing};
use super::record_summary::RecordSummary;
use super::summary::Summary;
use crate::model::{Id, Timestamp};
use std::cmp::Reverse;
use std::collections::BTreeMap;
use std::path::Path;
use std::time::SystemTime;

/// A file of the folder found by name or id: a session or a record.
#[derive(Debug, Clone, Copy)]
pub enum Found<'a> {
    Session(&'a Summary),
    Record(&'a RecordSummary),
}

impl Found<'_> {
    pub fn path(&self) -> &Path {
        match self {
            Found::Session(s) => &s.path,
            Found::Record(r) => &r.path,
        }
    }

    pub fn id(&self) -> &Id {
        match self {
            Found::Session(s) => &s.id,
            Found::Record(r) => &r.id,
        }
    }
}

impl Listing {
    /// The listing with the folder's records, oldest first, the older copies of a record
    /// found twice marked (the one saved last is used, as for sessions).
    pub fn with_records(mut self, mut records: Vec<RecordSummary>) -> Listing {
        let mut newest: BTreeMap<&Id, usize> = BTreeMap::new();
        for (i, r) in records.iter().enumerate() {
            let keep = newest.entry(&r.id).or_insert(i);
            if freshness(r) > freshness(&records[*keep]) {
                *keep = i;
            }
        }
        let mut shadowed = vec![true; records.len()];
        for i in newest.into_values() {
            shadowed[i] = false;
        }
        for (r, shadowed) in records.iter_mut().zip(shadowed) {
            r.shadowed = shadowed;
        }
        records.sort_by(|a, b| {
            (a.date, a.kind, Reverse(a.saved), &a.path).cmp(&(
                b.date,
                b.kind,
                Reverse(b.saved),
                &b.path,
            ))
        });
        self.records = records;
        self
    }

    /// The records in use: one per record id.
    pub fn records_in_use(&self) -> impl Iterator<Item = &RecordSummary> {
        self.records.iter().filter(|r| !r.shadowed)
    }

    /// A group's visits, activities and diagnoses in date order (of one day: visits, then
    /// activities, then diagnoses).
    pub fn records_of_group(&self, group: &Id) -> Vec<&RecordSummary> {
        self.records_in_use()
            .filter(|r| &r.group_id == group)
            .collect()
    }

    /// A session or a record by the name of its file (with or without `.ron`), by its whole
    /// id, or by the first characters of its id: what `atelier show` takes. Ids that start
    /// alike in a session and a record are as ambiguous as two sessions'.
    pub fn find_any(&self, query: &str) -> Result<Found<'_>, FindError> {
        let q = query.trim().to_lowercase();
        if q.is_empty() {
            return Err(FindError::NotFound);
        }
        let named = |path: &Path| {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let stem = path.file_stem().and_then(|n| n.to_str()).unwrap_or("");
            name.to_lowercase() == q || stem.to_lowercase() == q
        };
        if let Some(s) = self.sessions.iter().find(|s| named(&s.path)) {
            return Ok(Found::Session(s));
        }
        if let Some(r) = self.records.iter().find(|r| named(&r.path)) {
            return Ok(Found::Record(r));
        }
        let all = || {
            self.in_use()
                .map(Found::Session)
                .chain(self.records_in_use().map(Found::Record))
        };
        if let Some(f) = all().find(|f| f.id().as_str() == q) {
            return Ok(f);
        }
        let found: Vec<Found<'_>> = all().filter(|f| f.id().as_str().starts_with(&q)).collect();
        match found.as_slice() {
            [] => Err(FindError::NotFound),
            [one] => Ok(*one),
            many => Err(FindError::Ambiguous(
                many.iter().map(|f| f.id().clone()).collect(),
            )),
        }
    }

    /// The record listed from this file, if it is one.
    pub fn record_by_path(&self, path: &Path) -> Option<&RecordSummary> {
        self.records.iter().find(|r| r.path == path)
    }
}

/// Which of two copies of a record is newer: the later save, then the later file time.
fn freshness(r: &RecordSummary) -> (Timestamp, Option<SystemTime>) {
    (r.saved, r.modified)
}
