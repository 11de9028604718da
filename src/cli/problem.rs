//! A line of `atelier check`'s report, for sessions and records alike.

use crate::i18n::Strings;
use crate::store::LoadError;
use std::path::{Path, PathBuf};

/// The file, the line and column, the message.
pub(super) type Problem = (PathBuf, usize, usize, String);

/// An unreadable file's line: its place (1:1 when the error has none) and its sentence.
pub(super) fn problem(path: &Path, e: &LoadError, strings: &Strings) -> Problem {
    let (line, col) = e.position().unwrap_or((1, 1));
    // A record too broken to read is named as what it was meant to be.
    (
        path.to_path_buf(),
        line,
        col,
        crate::store::broken::message(path, e, strings),
    )
}
