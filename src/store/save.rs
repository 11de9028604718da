//! Saving a session atomically: the new text goes to a temporary file in the same folder,
//! is flushed to the disk, then renamed over the old file, and the folder is flushed so the
//! rename itself survives a power cut. At every instant the file on disk is either the old
//! session whole or the new one whole; a failure leaves the old one and no temporary file.

use crate::i18n::{Strings, fill};
use crate::model::Session;
use std::fmt;
use std::fs::File;
use std::io::{self, ErrorKind, Write};
use std::path::{Path, PathBuf};

/// What kind of trouble stopped a save: each has its own advice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveErrorKind {
    Full,
    ReadOnly,
    Denied,
    FolderGone,
    /// The session could not be turned into RON: a bug, not the user's doing.
    Encode,
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveError {
    pub kind: SaveErrorKind,
    pub path: PathBuf,
    /// The system's own words, for the cases with no better sentence.
    pub detail: String,
}

impl SaveError {
    fn io(path: &Path, e: &io::Error) -> SaveError {
        let kind = match e.kind() {
            ErrorKind::StorageFull | ErrorKind::QuotaExceeded => SaveErrorKind::Full,
            ErrorKind::ReadOnlyFilesystem => SaveErrorKind::ReadOnly,
            ErrorKind::PermissionDenied => SaveErrorKind::Denied,
            ErrorKind::NotFound => SaveErrorKind::FolderGone,
            _ => SaveErrorKind::Other,
        };
        SaveError {
            kind,
            path: path.to_path_buf(),
            detail: e.to_string(),
        }
    }

    pub fn message(&self, s: &Strings) -> String {
        let s = s.store;
        let path = self.path.display();
        match self.kind {
            SaveErrorKind::Full => fill(s.save_full, &[&path]),
            SaveErrorKind::ReadOnly => fill(s.save_read_only, &[&path]),
            SaveErrorKind::Denied => fill(s.save_denied, &[&path]),
            SaveErrorKind::FolderGone => fill(s.save_gone, &[&path]),
            SaveErrorKind::Encode => fill(s.save_encode, &[&self.detail]),
            SaveErrorKind::Other => fill(s.save_other, &[&path, &self.detail]),
        }
    }
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(crate::i18n::Lang::En.strings()))
    }
}

impl std::error::Error for SaveError {}

/// The session as the text of its file: pretty RON without struct names (renaming a Rust
/// type must not break old files), ending with a newline as text files do. Strings are
/// written as typed, so a plain search of the file finds a typed phrase: no `\'`, no
/// `\u{64f}` for an Arabic vowel mark or an emoji's joiner (ron writes a raw string
/// `r#"…"#` when the text holds a `"` or a `\`). Control characters never get here: they
/// are dropped when typed or pasted (`update::edit::clean`). Files written with escapes
/// still read: that is the reader's business.
pub fn encode(session: &Session) -> Result<String, ron::Error> {
    let mut text = crate::ron_text::to_string_pretty(session, false)?;
    text.push('\n');
    Ok(text)
}

/// Saves atomically. The caller sets `session.saved` first: saving reads no clock.
pub fn save(path: &Path, session: &Session) -> Result<(), SaveError> {
    save_with(path, session, |file, bytes| file.write_all(bytes))
}

/// [`save`] with the writing step given by the caller, so a test can make it fail midway
/// (a full disk after some bytes) and check that nothing was harmed.
pub fn save_with(
    path: &Path,
    session: &Session,
    write: impl FnOnce(&mut File, &[u8]) -> io::Result<()>,
) -> Result<(), SaveError> {
    let text = encode(session).map_err(|e| SaveError {
        kind: SaveErrorKind::Encode,
        path: path.to_path_buf(),
        detail: e.to_string(),
    })?;
    write_atomic(path, &text, write)
}

/// Replaces a file's content atomically: a temporary file in the same folder, written,
/// flushed, renamed over the old one. Also used for the group-setup draft.
pub fn write_atomic(
    path: &Path,
    text: &str,
    write: impl FnOnce(&mut File, &[u8]) -> io::Result<()>,
) -> Result<(), SaveError> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let err = |e: io::Error| SaveError::io(path, &e);
    // A dot name, so listings and other tools skip it; tempfile makes it 0600 and removes it
    // when dropped, which is what cleans up after every failure below.
    let mut tmp = tempfile::Builder::new()
        .prefix(".atelier-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(err)?;
    write(tmp.as_file_mut(), text.as_bytes()).map_err(err)?;
    tmp.as_file().sync_all().map_err(err)?;
    tmp.persist(path).map_err(|e| err(e.error))?;
    // The rename is done and the new file is whole; flushing the folder makes the rename
    // survive a power cut. Some file systems refuse to sync a folder: the save still
    // happened, so that is not reported as a failure.
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}
