//! A file that cannot be read, said as what it was meant to be: a visit, an activity or a
//! diagnosis too broken to parse is not called a broken session when its `kind` field or its
//! name says what it is (`2026-12-02_boulangers-de-tanger_visit_…_v7k2m9.ron`). Shared by
//! `show`, `check` and the home screen's list of unreadable files.

use super::LoadError;
use crate::i18n::{Strings, fill};
use crate::model::dated::Kind;
use std::path::Path;

/// Why the file cannot be read, in words: the record's own sentence when the file can be told
/// to be one, else the load error's.
pub fn message(path: &Path, e: &LoadError, strings: &Strings) -> String {
    let s = strings.store;
    let record = || told_kind(path).filter(|k| *k != Kind::Session);
    let what = |k: Kind| super::kind_word(k, strings);
    match e {
        LoadError::Empty => match record() {
            Some(k) => fill(s.record_empty, &[&what(k)]),
            None => e.message(strings),
        },
        LoadError::InvalidUtf8 { .. } => match record() {
            Some(k) => fill(s.record_invalid_utf8, &[&what(k)]),
            None => e.message(strings),
        },
        LoadError::Syntax { detail, .. } => match record() {
            Some(k) => fill(s.record_syntax, &[&what(k), detail]),
            None => e.message(strings),
        },
        _ => e.message(strings),
    }
}

/// `file:line:column: message`, as `LoadError::located` writes it, with [`message`].
pub fn located(path: &Path, e: &LoadError, strings: &Strings) -> String {
    let (line, col) = e.position().unwrap_or((1, 1));
    format!(
        "{}:{line}:{col}: {}",
        path.display(),
        message(path, e, strings)
    )
}

/// What a file says it is: its `kind` field when a line of the text holds one (whatever else
/// is broken), else the kind word of its name as atelier writes it.
pub fn told_kind(path: &Path) -> Option<Kind> {
    let bytes = std::fs::read(path).unwrap_or_default();
    let text = String::from_utf8_lossy(&bytes);
    // A top-level field (a nested `kind`, an idea's, is further in).
    let field = text.lines().find_map(|l| {
        let top = l.trim_start();
        if l.len() - top.len() > 4 {
            return None;
        }
        let value = top.strip_prefix("kind")?.trim_start();
        let value = value.strip_prefix(':')?;
        let word: String = value
            .trim_start()
            .chars()
            .take_while(char::is_ascii_alphabetic)
            .collect();
        kind_named(&word, |k| format!("{k:?}"))
    });
    // A record's name: date, group, kind, ... (a session's third part is its number).
    field.or_else(|| {
        let stem = path.file_stem()?.to_string_lossy().into_owned();
        let part = stem.split('_').nth(2)?;
        kind_named(part, |k| k.file_word().to_string())
    })
}

/// The kind whose name (as `name` spells it) is `word`.
fn kind_named(word: &str, name: impl Fn(Kind) -> String) -> Option<Kind> {
    [Kind::Session, Kind::Visit, Kind::Activity, Kind::Diagnosis]
        .into_iter()
        .find(|k| name(*k) == word)
}
