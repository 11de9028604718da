//! `atelier check` for visits, activities and diagnoses: each file as the session files are
//! checked (its place when it cannot be read, unknown fields, numbers out of range, answers
//! that do not fit), then across the files: a record whose group has no session in its
//! folder, and a record found twice.

use super::problem::{Problem, problem};
use crate::i18n::{Lang, fill};
use crate::model::Id;
use crate::model::dated::Record;
use crate::store::{self, Listing, RecordSummary, Store, Summary};
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

/// The records read well, for the checks across files.
#[derive(Default)]
pub(super) struct Records {
    found: Vec<Found>,
}

struct Found {
    record: Record,
    path: PathBuf,
    /// Where its id and its group are written.
    id_at: (usize, usize),
    group_at: (usize, usize),
    modified: Option<std::time::SystemTime>,
}

impl Records {
    /// Checks one record file: its problems are added; the number of warnings, or `Err` if
    /// it cannot be read (then counted as unreadable).
    pub fn check_file(
        &mut self,
        path: &Path,
        bytes: &[u8],
        lang: Lang,
        problems: &mut Vec<Problem>,
    ) -> Result<usize, ()> {
        let strings = lang.strings();
        let t = &strings.store.check;
        let record = match store::parse_record(bytes) {
            Ok(r) => r,
            Err(e) => {
                problems.push(problem(path, &e, strings));
                return Err(());
            }
        };
        let text = String::from_utf8_lossy(bytes);
        let mut warn = |(line, col): (usize, usize), message: String| {
            let message = format!("{}: {message}", t.warning);
            problems.push((path.to_path_buf(), line, col, message));
        };
        let mut count = 0;
        for w in store::check_record(&record, lang) {
            warn(store::locate(&text, &w.anchor), w.message);
            count += 1;
        }
        for field in store::record_unknown_fields(bytes) {
            let name = field.rsplit('.').next().unwrap_or(&field);
            let message = fill(t.record_unknown_field, &[&field]);
            warn(store::locate_key(&text, name), message);
            count += 1;
        }
        if let Some(c) = store::conflict_of(path) {
            let when = c.at.format("%d/%m/%Y %H:%M");
            warn((1, 1), fill(t.record_conflict_copy, &[&c.of, &when]));
            count += 1;
        }
        let d = record.dated();
        self.found.push(Found {
            id_at: store::locate(&text, &format!("\"{}\"", d.id())),
            group_at: store::locate_key(&text, "group"),
            path: path.to_path_buf(),
            modified: std::fs::metadata(path).and_then(|m| m.modified()).ok(),
            record,
        });
        Ok(count)
    }

    /// The checks across files: a record whose group has no session in its folder (the
    /// sessions of a folder checked whole are `sessions`; another folder is listed, only
    /// read), and the older copy of a record found twice. Returns the number of warnings.
    pub fn across(
        &self,
        sessions: &[(Summary, (usize, usize))],
        folders: &[PathBuf],
        lang: Lang,
        problems: &mut Vec<Problem>,
    ) -> usize {
        let strings = lang.strings();
        let t = &strings.store.check;
        let mut groups: HashMap<PathBuf, BTreeSet<Id>> = folders
            .iter()
            .map(|f| (f.clone(), BTreeSet::new()))
            .collect();
        for (s, _) in sessions {
            if let Some(ids) = groups.get_mut(folder_of(&s.path)) {
                ids.insert(s.group_id.clone());
            }
        }
        let mut count = 0;
        for f in &self.found {
            let folder = folder_of(&f.path);
            let ids = groups.entry(folder.to_path_buf()).or_insert_with(|| {
                let listing = Store::read_only(folder).list();
                listing.in_use().map(|s| s.group_id.clone()).collect()
            });
            if !ids.contains(f.record.dated().group()) {
                let w = store::orphan_warning(&f.record, strings);
                let (line, col) = f.group_at;
                let message = format!("{}: {}", t.warning, w.message);
                problems.push((f.path.clone(), line, col, message));
                count += 1;
            }
        }
        let summaries = self
            .found
            .iter()
            .map(|f| RecordSummary::of(&f.record, f.path.clone(), f.modified))
            .collect();
        let listing = Listing::default().with_records(summaries);
        for old in listing.records.iter().filter(|r| r.shadowed) {
            let Some(used) = listing.records_in_use().find(|r| r.id == old.id) else {
                continue;
            };
            let (line, col) = self
                .found
                .iter()
                .find(|f| f.path == old.path)
                .map_or((1, 1), |f| f.id_at);
            let message = fill(t.duplicate_record, &[&used.path.display()]);
            let message = format!("{}: {message}", t.warning);
            problems.push((old.path.clone(), line, col, message));
            count += 1;
        }
        count
    }
}

/// The folder a file is in; `.` for a bare file name.
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}
