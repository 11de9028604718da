//! Reading and writing the folder's dated records (a visit, an activity, a diagnosis: see
//! `model::dated`). Each is one RON file beside the sessions, written atomically like a
//! session, read with the same care: a newer file is refused whole, a broken one is reported
//! with its place, and reading never writes.

use super::file::{LoadError, probe, syntax_error, text_of};
use super::save::{SaveError, SaveErrorKind, write_atomic};
use crate::model::SCHEMA_VERSION;
use crate::model::dated::{Kind, Record};
use serde::Serialize;
use std::path::Path;

/// Reads a record file.
pub fn load_record(path: &Path) -> Result<Record, LoadError> {
    let bytes = std::fs::read(path).map_err(|e| LoadError::Io {
        detail: e.to_string(),
    })?;
    parse_record(&bytes)
}

/// Parses a record, whichever its kind. A session file is refused as another kind.
pub fn parse_record(bytes: &[u8]) -> Result<Record, LoadError> {
    let text = text_of(bytes)?;
    let (version, kind) = match probe(text) {
        Some(p) => p,
        // Not even a version and a kind: the full parse below says where it breaks.
        None => (SCHEMA_VERSION, Kind::Visit),
    };
    if version > SCHEMA_VERSION {
        return Err(LoadError::Newer {
            found: version,
            known: SCHEMA_VERSION,
        });
    }
    let syntax = |e| syntax_error(text, e);
    Ok(match kind {
        Kind::Session => return Err(LoadError::OtherKind { kind }),
        Kind::Visit => Record::Visit(Box::new(ron::from_str(text).map_err(syntax)?)),
        Kind::Activity => Record::Activity(Box::new(ron::from_str(text).map_err(syntax)?)),
        Kind::Diagnosis => Record::Diagnosis(Box::new(ron::from_str(text).map_err(syntax)?)),
    })
}

/// The record as the text of its file, in the form sessions are written (see `save::encode`).
pub fn encode_record(record: &Record) -> Result<String, ron::Error> {
    fn pretty<T: Serialize>(value: &T) -> Result<String, ron::Error> {
        let config = ron::ser::PrettyConfig::default().escape_strings(false);
        let mut text = ron::ser::to_string_pretty(value, config)?;
        text.push('\n');
        Ok(text)
    }
    match record {
        Record::Visit(v) => pretty(v),
        Record::Activity(a) => pretty(a),
        Record::Diagnosis(d) => pretty(d),
    }
}

/// Saves a record atomically, in this atelier's format. The caller sets its `saved` time.
pub fn save_record(path: &Path, record: &Record) -> Result<(), SaveError> {
    let mut record = record.clone();
    match &mut record {
        Record::Visit(v) => (v.version, v.kind) = (SCHEMA_VERSION, Kind::Visit),
        Record::Activity(a) => (a.version, a.kind) = (SCHEMA_VERSION, Kind::Activity),
        Record::Diagnosis(d) => (d.version, d.kind) = (SCHEMA_VERSION, Kind::Diagnosis),
    }
    let text = encode_record(&record).map_err(|e| SaveError {
        kind: SaveErrorKind::Encode,
        path: path.to_path_buf(),
        detail: e.to_string(),
    })?;
    write_atomic(path, &text, |file, bytes| {
        std::io::Write::write_all(file, bytes)
    })
}

/// A group's visits, activities and diagnoses, loaded whole. The listing names each record
/// file as another kind than a session; those of the group are read here. A file that fails
/// to load now is left out (the listing reports it).
pub fn group_records(listing: &super::Listing, group: &crate::model::Id) -> Vec<Record> {
    listing
        .unreadable
        .iter()
        .filter(|(_, e)| matches!(e, LoadError::OtherKind { kind } if *kind != Kind::Session))
        .filter_map(|(path, _)| load_record(path).ok())
        .filter(|r| r.dated().group() == group)
        .collect()
}
