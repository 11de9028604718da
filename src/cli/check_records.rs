//! `atelier check` for visits, activities and diagnoses: each file as the session files are
//! checked (its place when it cannot be read, unknown fields, numbers out of range, answers
//! that do not fit), then across the files: a record whose group has no session in its
//! folder, a record whose member, participant or project its group does not know, the
//! links inside each group's life in its latest session, and a record found twice.

use super::problem::{Problem, problem};
use crate::i18n::{Lang, fill};
use crate::model::dated::Record;
use crate::model::{Group, Id};
use crate::store::{self, Listing, RecordSummary, Store, Summary, Warning};
use std::collections::HashMap;
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
        for field in store::record_unknown_fields_of_parsed(bytes, &record) {
            let name = field.rsplit('.').next().unwrap_or(&field);
            let message = fill(t.record_unknown_field, &[&field]);
            warn(store::locate_key(&text, name), message);
            count += 1;
        }
        if let Some(c) = store::conflict_of(path) {
            let when = c.at.format("%d/%m/%Y %H:%M");
            warn((1, 1), fill(t.record_conflict_copy, &[&c.of, &when]));
            count += 1;
        } else if let Some(copy) = sync_copy(path) {
            let tool = maker(&copy, t);
            warn(
                (1, 1),
                fill(t.record_sync_conflict_copy, &[&copy.of, &tool]),
            );
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
    /// read), a record's links to its group as the group's latest session carries it (its
    /// member, participants, project), the links inside each group's life in its latest
    /// session checked (see `store::life_links`), and the older copy of a record found
    /// twice. Returns the number of warnings.
    pub fn across(
        &self,
        sessions: &[(Summary, (usize, usize))],
        folders: &[PathBuf],
        lang: Lang,
        problems: &mut Vec<Problem>,
    ) -> usize {
        let strings = lang.strings();
        let t = &strings.store.check;
        // Each folder's groups, by the file of their latest session.
        let mut checked: HashMap<PathBuf, Vec<Summary>> = HashMap::new();
        for (s, _) in sessions {
            let folder = folder_of(&s.path).to_path_buf();
            checked.entry(folder).or_default().push(s.clone());
        }
        let mut count = life(&checked, strings, problems);
        let mut latest: HashMap<PathBuf, HashMap<Id, PathBuf>> = folders
            .iter()
            .map(|f| {
                let mine = checked.remove(f).unwrap_or_default();
                (f.clone(), latest_of(&Listing::new(mine, Vec::new())))
            })
            .collect();
        let mut groups: HashMap<PathBuf, Option<Group>> = HashMap::new();
        for f in &self.found {
            let folder = folder_of(&f.path);
            let files = latest
                .entry(folder.to_path_buf())
                .or_insert_with(|| latest_of(&Store::read_only(folder).list()));
            let Some(session) = files.get(f.record.dated().group()) else {
                let w = store::orphan_warning(&f.record, strings);
                let (line, col) = f.group_at;
                let message = format!("{}: {}", t.warning, w.message);
                problems.push((f.path.clone(), line, col, message));
                count += 1;
                continue;
            };
            let group = groups.entry(session.clone()).or_insert_with(|| {
                let bytes = std::fs::read(session).ok()?;
                store::parse_raw(&bytes).ok().map(|s| s.group)
            });
            // A latest session that cannot be read is reported as such, on its own file.
            let Some(group) = group else { continue };
            let name = file_name(session);
            let found = store::record_links(&f.record, group, &name, strings);
            count += located(&f.path, found, t.warning, problems);
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

/// The links inside each group's life, on the group's latest session among those checked:
/// an older session's were carried forward into it. Returns the number of warnings.
fn life(
    checked: &HashMap<PathBuf, Vec<Summary>>,
    strings: &crate::i18n::Strings,
    problems: &mut Vec<Problem>,
) -> usize {
    let mut count = 0;
    for summaries in checked.values() {
        let listing = Listing::new(summaries.clone(), Vec::new());
        for g in listing.groups() {
            let path = &g.latest.path;
            let Ok(bytes) = std::fs::read(path) else {
                continue;
            };
            let Ok(session) = store::parse_raw(&bytes) else {
                continue;
            };
            let found = store::life_links(&session, strings);
            count += located(path, found, strings.store.check.warning, problems);
        }
    }
    count
}

/// The warnings of a file, each at the place its anchor points to in the file's text.
fn located(path: &Path, found: Vec<Warning>, warning: &str, problems: &mut Vec<Problem>) -> usize {
    if found.is_empty() {
        return 0;
    }
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let n = found.len();
    for w in found {
        let (line, col) = store::locate(&text, &w.anchor);
        problems.push((
            path.to_path_buf(),
            line,
            col,
            format!("{warning}: {}", w.message),
        ));
    }
    n
}

/// Each group's latest session's file in a listing.
fn latest_of(listing: &Listing) -> HashMap<Id, PathBuf> {
    listing
        .groups()
        .into_iter()
        .map(|g| (g.latest.group_id.clone(), g.latest.path.clone()))
        .collect()
}

/// A file's name, for a sentence.
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// The folder a file is in; `.` for a bare file name.
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// The conflict copy a sync tool made, told by the file's name (atelier's own copies carry
/// their `conflict` field, which `check_session` names).
pub(super) fn sync_copy(path: &Path) -> Option<store::ConflictName> {
    store::conflict_name(path).filter(|c| c.maker != store::CopyMaker::Atelier)
}

/// The sync tool that made a copy, in words.
pub(super) fn maker(copy: &store::ConflictName, t: &crate::i18n::CheckStrings) -> &'static str {
    match copy.maker {
        store::CopyMaker::Syncthing => t.maker_syncthing,
        _ => t.maker_sync_tool,
    }
}
