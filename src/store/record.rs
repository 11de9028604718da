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
    read_record(text, kind, None).map_err(|e| match e {
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
    let Some((_, kind)) = probe(text) else {
        return Vec::new();
    };
    let mut unknown = Vec::new();
    match read_record(text, kind, Some(&mut unknown)) {
        Ok(_) => unknown,
        Err(_) => Vec::new(),
    }
}

/// The record of `kind` in `text`, read through `serde_ignored` (noting the path of each
/// field it does not know into `unknown` when given): one way in for reading and for
/// `check`, so each kind's deserializer is compiled once, as a session's is. `Err(None)`:
/// `kind` is not a record's.
fn read_record(
    text: &str,
    kind: Kind,
    unknown: Option<&mut Vec<String>>,
) -> Result<Record, Option<ron::error::SpannedError>> {
    fn read<T: serde::de::DeserializeOwned>(
        text: &str,
        unknown: Option<&mut Vec<String>>,
    ) -> Result<Box<T>, Option<ron::error::SpannedError>> {
        struct Noting<'u, T>(Option<&'u mut Vec<String>>, std::marker::PhantomData<T>);
        impl<'de, T: serde::de::DeserializeOwned> serde::de::DeserializeSeed<'de> for Noting<'_, T> {
            type Value = T;
            fn deserialize<D: serde::Deserializer<'de>>(self, de: D) -> Result<T, D::Error> {
                let mut unknown = self.0;
                serde_ignored::deserialize(de, |path| {
                    if let Some(fields) = unknown.as_mut() {
                        fields.push(path.to_string());
                    }
                })
            }
        }
        ron::Options::default()
            .from_str_seed(text, Noting(unknown, std::marker::PhantomData))
            .map(Box::new)
            .map_err(Some)
    }
    Ok(match kind {
        Kind::Session => return Err(None),
        Kind::Visit => Record::Visit(read(text, unknown)?),
        Kind::Activity => Record::Activity(read(text, unknown)?),
        Kind::Diagnosis => Record::Diagnosis(read(text, unknown)?),
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
