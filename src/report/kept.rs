//! A folder's facts kept for the programme screen of the TUI: read once (off the screen's
//! thread), each session and record counted once, then counted again for every period and
//! grouping the advisor picks without reading a file ([`Kept::aggregate`] gives what
//! [`super::aggregate_folder`] gives on the same folder and options). Also the row and
//! category labels, as the report writes them.

use super::cache::Folder;
use super::packed::Packed;
use super::records::RecordFacts;
use super::{Options, Report, RowKey};
use crate::i18n::Lang;
use crate::method::Method;
use chrono::Datelike;
use std::collections::BTreeSet;

/// What the report reads of a folder, packed, duplicates found once for all.
#[derive(Clone, Default, PartialEq)]
pub struct Kept {
    packed: Packed,
    /// The sessions counted: one per session id.
    chosen: Vec<usize>,
    records: Vec<RecordFacts>,
    files: usize,
    unreadable: usize,
    /// The years with a session or a record, latest first.
    years: Vec<i32>,
}

/// Not the facts themselves: thousands of lines in a test's failure say nothing.
impl std::fmt::Debug for Kept {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Kept")
            .field("sessions", &self.chosen.len())
            .field("records", &self.records.len())
            .field("files", &self.files)
            .field("unreadable", &self.unreadable)
            .finish()
    }
}

impl Kept {
    /// A folder as read, each session and record once (the copy saved last).
    pub fn of(folder: Folder) -> Kept {
        let mut packed = folder.packed;
        let chosen = packed.chosen();
        packed.forget_ids();
        let records = super::dedup(folder.records, |r| (&r.id, r.saved));
        let years: BTreeSet<i32> = chosen
            .iter()
            .map(|&i| packed.sessions[i].date.year())
            .chain(records.iter().map(|r| r.date.year()))
            .collect();
        Kept {
            packed,
            chosen,
            records,
            files: folder.files,
            unreadable: folder.unreadable,
            years: years.into_iter().rev().collect(),
        }
    }

    /// The report of the kept folder for these options.
    pub fn aggregate(&self, opts: Options) -> Report {
        super::count(
            &self.packed,
            &self.chosen,
            &self.records,
            self.files,
            self.unreadable,
            opts,
        )
    }

    /// The years with a session or a record, latest first.
    pub fn years(&self) -> &[i32] {
        &self.years
    }
}

/// A row's label as the report writes it: its keys' labels (names as the report gives
/// them, phones masked), joined.
pub fn row_label(key: &RowKey, r: &Report, lang: Lang) -> String {
    super::render::row_label(key, r, lang)
}

/// A need category's label, from the method (an id it does not know as is; none: "no
/// category"), as the report writes it.
pub fn category_label<'a>(key: &'a Option<String>, method: &'a Method, lang: Lang) -> &'a str {
    super::render::category_label(key, method, lang)
}
