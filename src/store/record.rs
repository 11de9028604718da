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
    read_record(text, kind).map_err(|e| match e {
        Some(e) => syntax_error(text, e),
        None => LoadError::OtherKind { kind },
    })
}

/// The fields of a record file this atelier does not know, each as its path from the top
/// (`agreed.0.whot`), as [`super::unknown_fields`] gives a session's: `check` names them, and
/// a record holding some is never saved over (see [`super::TrackedRecord`]). Empty for a
/// file that does not parse as a record.
pub fn record_unknown_fields(bytes: &[u8]) -> Vec<String> {
    let Ok(text) = text_of(bytes) else {
        return Vec::new();
    };
    match probe(text) {
        Some((_, kind)) if read_record(text, kind).is_ok() => unknown_in(text, kind),
        _ => Vec::new(),
    }
}

/// [`record_unknown_fields`] of a file [`parse_record`] has just read, not parsed again.
pub fn record_unknown_fields_of_parsed(bytes: &[u8], record: &Record) -> Vec<String> {
    text_of(bytes).map_or_else(
        |_| Vec::new(),
        |text| unknown_in(text, record.dated().kind()),
    )
}

fn unknown_in(text: &str, kind: Kind) -> Vec<String> {
    let root = match kind {
        Kind::Session => return Vec::new(),
        Kind::Visit => "Visit",
        Kind::Activity => "Activity",
        Kind::Diagnosis => "Diagnosis",
    };
    super::known::unknown_fields(text, root)
}

/// The record of `kind` in `text`. `Err(None)`: `kind` is not a record's.
fn read_record(text: &str, kind: Kind) -> Result<Record, Option<ron::error::SpannedError>> {
    fn read<T: serde::de::DeserializeOwned>(
        text: &str,
    ) -> Result<Box<T>, Option<ron::error::SpannedError>> {
        ron::from_str(text).map(Box::new).map_err(Some)
    }
    Ok(match kind {
        Kind::Session => return Err(None),
        Kind::Visit => Record::Visit(read(text)?),
        Kind::Activity => Record::Activity(read(text)?),
        Kind::Diagnosis => Record::Diagnosis(read(text)?),
    })
}

/// The record as the text of its file, in the form sessions are written (see `save::encode`).
pub fn encode_record(record: &Record) -> Result<String, ron::Error> {
    fn pretty<T: Serialize>(value: &T) -> Result<String, ron::Error> {
        let mut text = crate::ron_text::to_string_pretty(value, false)?;
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
