//! Reading a session file, and saying precisely why one cannot be read. Nothing here writes:
//! a file that fails to load is left exactly as it is.

use crate::i18n::{Strings, fill};
use crate::model::dated::Kind;
use crate::model::{SCHEMA_VERSION, Session};
use serde::Deserialize;
use std::fmt;
use std::path::Path;

/// Why a file is not a session this program can open. Each kind has its own sentence; the
/// place in the file (1-based line and column, counted in characters) when there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// Nothing but whitespace (or a byte-order mark).
    Empty,
    /// Not UTF-8 text: the place of the first bad byte.
    InvalidUtf8 { line: usize, col: usize },
    /// The text stops in the middle of the session: a cut copy or a full disk.
    Truncated { line: usize, col: usize },
    /// RON that does not parse, or does not describe a session.
    Syntax {
        line: usize,
        col: usize,
        detail: String,
    },
    /// Written by a newer atelier: refused rather than guessed at (saving it back would drop
    /// what this version does not know).
    Newer { found: u32, known: u32 },
    /// The file cannot be read at all (permissions, a folder, a vanished disk).
    Io { detail: String },
    /// A record of another kind than the one asked for: a visit where a session was
    /// expected, say. Not an error in the folder, only in the question.
    OtherKind { kind: Kind },
}

impl LoadError {
    /// Line and column, for the errors that have a place in the file.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            LoadError::InvalidUtf8 { line, col }
            | LoadError::Truncated { line, col }
            | LoadError::Syntax { line, col, .. } => Some((*line, *col)),
            _ => None,
        }
    }

    pub fn message(&self, s: &Strings) -> String {
        let s = s.store;
        match self {
            LoadError::Empty => s.load_empty.to_string(),
            LoadError::InvalidUtf8 { .. } => s.load_invalid_utf8.to_string(),
            LoadError::Truncated { .. } => s.load_truncated.to_string(),
            LoadError::Syntax { detail, .. } => fill(s.load_syntax, &[detail]),
            LoadError::Newer { found, known } => fill(s.load_newer, &[found, known]),
            LoadError::Io { detail } => fill(s.load_io, &[detail]),
            LoadError::OtherKind { kind } => {
                let what = match kind {
                    Kind::Session => s.kind_session,
                    Kind::Visit => s.kind_visit,
                    Kind::Activity => s.kind_activity,
                    Kind::Diagnosis => s.kind_diagnosis,
                };
                fill(s.load_other_kind, &[&what])
            }
        }
    }

    /// `file:line:column: message`, the form of `atelier check` and of the home screen's list
    /// of unreadable files. Errors without a place point at 1:1 so that every line has the
    /// same shape for editors and scripts.
    pub fn located(&self, path: &Path, s: &Strings) -> String {
        let (line, col) = self.position().unwrap_or((1, 1));
        format!("{}:{line}:{col}: {}", path.display(), self.message(s))
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some((line, col)) = self.position() {
            write!(f, "{line}:{col}: ")?;
        }
        f.write_str(&self.message(crate::i18n::Lang::En.strings()))
    }
}

impl std::error::Error for LoadError {}

/// Reads and parses a session file, ready to resume: a timer left running comes back paused.
pub fn load(path: &Path) -> Result<Session, LoadError> {
    let bytes = std::fs::read(path).map_err(|e| LoadError::Io {
        detail: e.to_string(),
    })?;
    parse(&bytes)
}

/// Whether a folder entry is a session file: `*.ron`, not hidden (temporary files of a save
/// in progress start with `.atelier-`), so not a lock file (`*.ron.lock`) either.
pub fn is_session_file(path: &Path) -> bool {
    path.file_name().is_some_and(is_session_name)
}

/// [`is_session_file`] on a name alone, its bytes read as they are (a folder of 100,000
/// entries is sorted out without a path made or parsed for each).
pub(crate) fn is_session_name(name: &std::ffi::OsStr) -> bool {
    let name = name.as_encoded_bytes();
    !name.starts_with(b".")
        && name
            .len()
            .checked_sub(4)
            .is_some_and(|dot| name[dot..].eq_ignore_ascii_case(b".ron"))
}

/// The fields of a session file this atelier does not know, each as its path from the top
/// (`needs.cards.3.author_x`): see [`super::known`]. Empty for a file that does not parse.
pub fn unknown_fields(bytes: &[u8]) -> Vec<String> {
    match text_of(bytes) {
        Ok(text) if read_session(text).is_ok() => super::known::unknown_fields(text, "Session"),
        _ => Vec::new(),
    }
}

/// [`unknown_fields`] of a file [`parse`] or [`parse_raw`] has just read, not parsed again.
pub fn unknown_fields_of_parsed(bytes: &[u8]) -> Vec<String> {
    text_of(bytes).map_or_else(
        |_| Vec::new(),
        |text| super::known::unknown_fields(text, "Session"),
    )
}

fn read_session(text: &str) -> Result<Session, ron::error::SpannedError> {
    ron::from_str(text)
}

/// [`parse_raw`], then [`Session::settle_after_load`].
pub fn parse(bytes: &[u8]) -> Result<Session, LoadError> {
    let mut session = parse_raw(bytes)?;
    session.settle_after_load();
    Ok(session)
}

/// The session exactly as written in the file (what `atelier check` inspects).
pub fn parse_raw(bytes: &[u8]) -> Result<Session, LoadError> {
    let text = text_of(bytes)?;
    // One parse on the happy path: a newer file that happens to parse is still refused by
    // its version. Only when the parse fails is the version probed alone, so that a newer
    // file is refused as newer rather than reported as broken, and a visit or another
    // record is named as such rather than as a broken session.
    match read_session(text) {
        Ok(s) if s.version > SCHEMA_VERSION => Err(newer(s.version)),
        Ok(s) => Ok(s),
        Err(e) => match probe(text) {
            Some((v, _)) if v > SCHEMA_VERSION => Err(newer(v)),
            Some((_, kind)) if kind != Kind::Session => Err(LoadError::OtherKind { kind }),
            _ => Err(syntax_error(text, e)),
        },
    }
}

/// The text of a file: a byte-order mark dropped (an editor on Windows may add one: no
/// reason to refuse a file), refused when empty or not UTF-8.
pub(super) fn text_of(bytes: &[u8]) -> Result<&str, LoadError> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(LoadError::Empty);
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let (line, col) = end_position(&bytes[..e.valid_up_to()]);
        LoadError::InvalidUtf8 { line, col }
    })
}

fn newer(found: u32) -> LoadError {
    LoadError::Newer {
        found,
        known: SCHEMA_VERSION,
    }
}

/// The schema version and kind alone; unknown fields are skipped (serde's default), so it
/// reads them from any file whose RON is well formed, whatever its other fields are. A
/// file without a kind (format 1) is a session.
/// What a file of the folder holds, as its `kind` field says (a session when it has none):
/// `None` for a file that cannot be read or does not parse as a record of any kind.
pub fn kind_of(path: &Path) -> Option<Kind> {
    let bytes = std::fs::read(path).ok()?;
    probe(text_of(&bytes).ok()?).map(|(_, kind)| kind)
}

pub(super) fn probe(text: &str) -> Option<(u32, Kind)> {
    #[derive(Deserialize)]
    struct Probe {
        version: u32,
        #[serde(default)]
        kind: Kind,
    }
    ron::from_str::<Probe>(text)
        .ok()
        .map(|p| (p.version, p.kind))
}

pub(super) fn syntax_error(text: &str, e: ron::error::SpannedError) -> LoadError {
    // A cut-off file shows in many ways (end of input, an unclosed string, half a word...).
    // What they share: the text opens like a session but stops before its closing `)`, or
    // the parser ran into the end. Point at the end: that is where the text is missing.
    let trimmed = text.trim_end();
    let end = end_position(trimmed.as_bytes());
    let opens = text
        .lines()
        .map(str::trim_start)
        .find(|l| !l.is_empty() && !l.starts_with("//"))
        .is_some_and(|l| l.starts_with('('));
    // The parser looks for a string's closing quote up to the end of the text.
    let ran_into_end =
        (e.span.end.line, e.span.end.col) >= end || matches!(e.code, ron::Error::ExpectedStringEnd);
    if matches!(e.code, ron::Error::Eof) || (opens && (!trimmed.ends_with(')') || ran_into_end)) {
        return LoadError::Truncated {
            line: end.0,
            col: end.1,
        };
    }
    LoadError::Syntax {
        line: e.span.start.line,
        col: e.span.start.col,
        detail: e.code.to_string(),
    }
}

/// The 1-based line and column just after `valid` (valid UTF-8 up to there).
fn end_position(valid: &[u8]) -> (usize, usize) {
    let text = String::from_utf8_lossy(valid);
    let line = 1 + text.matches('\n').count();
    let col = 1 + text.rsplit('\n').next().map_or(0, |l| l.chars().count());
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsStr;

    #[test]
    fn session_files_are_the_ron_files_not_hidden() {
        for name in [
            "2026-11-24_boulangers_s03_ab12cd.ron",
            "A.RON",
            "a.tar.ron",
            "x.Ron",
        ] {
            assert!(is_session_name(OsStr::new(name)), "{name}");
            assert!(is_session_file(&Path::new("/d").join(name)), "{name}");
        }
        for name in [
            ".atelier-tmp-1.ron",
            "a.ron.lock",
            "notes.txt",
            "ron",
            ".ron",
            "aron",
            "",
        ] {
            assert!(!is_session_name(OsStr::new(name)), "{name}");
        }
        assert!(!is_session_file(Path::new("/")));
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            assert!(is_session_name(OsStr::from_bytes(b"\xff.ron")));
            // Hidden, whatever the rest of its name.
            assert!(!is_session_name(OsStr::from_bytes(b".\xff.ron")));
        }
    }
}
