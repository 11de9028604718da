//! Which folder holds the sessions, and making sure it exists and can be written.

use crate::i18n::{Strings, fill};
use std::ffi::OsString;
use std::fmt;
use std::path::{Path, PathBuf};

/// Why the sessions folder cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DirError {
    /// No `--dir`, no `ATELIER_DIR` and no home folder to derive a default from.
    NoHome,
    Create {
        path: PathBuf,
        detail: String,
    },
    NotWritable {
        path: PathBuf,
        detail: String,
    },
    NotAFolder {
        path: PathBuf,
    },
}

impl DirError {
    pub fn message(&self, s: &Strings) -> String {
        let s = s.store;
        match self {
            DirError::NoHome => s.dir_no_home.to_string(),
            DirError::Create { path, detail } => fill(s.dir_create, &[&path.display(), detail]),
            DirError::NotWritable { path, detail } => {
                fill(s.dir_not_writable, &[&path.display(), detail])
            }
            DirError::NotAFolder { path } => fill(s.dir_not_a_folder, &[&path.display()]),
        }
    }
}

impl fmt::Display for DirError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(crate::i18n::Lang::En.strings()))
    }
}

impl std::error::Error for DirError {}

/// `--dir` wins over `ATELIER_DIR` (given here as `env`), which wins over the OS data folder
/// (`~/.local/share/atelier/sessions` on Linux). Never the project's own `sessions/`: that
/// one holds the shipped examples. No IO beyond what `directories` reads from the env.
pub fn choose_dir(flag: Option<PathBuf>, env: Option<OsString>) -> Result<PathBuf, DirError> {
    if let Some(dir) = flag.filter(|d| !d.as_os_str().is_empty()) {
        return Ok(dir);
    }
    if let Some(dir) = env.filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "atelier")
        .map(|p| p.data_dir().join("sessions"))
        .ok_or(DirError::NoHome)
}

/// What the interactive program may do in the sessions folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Write,
    /// The write probe failed but the folder can be listed (a read-only share, a mount
    /// read-only, a folder of someone else's): atelier opens it to read, review, replay and
    /// export elsewhere, and writes nothing in it.
    ReadOnly,
}

/// A folder of atelier's own in the OS data folder (`~/.local/share/atelier/NAME` on
/// Linux), beside the default sessions folder, never in it: where the demo's exports and a
/// read-only folder's exports go, which the advisor can write and which outlive the demo.
pub fn data_folder(name: &str) -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "atelier").map(|p| p.data_dir().join(name))
}

/// Chooses the folder (see [`choose_dir`]), creates it if missing and checks whether it can
/// be written. The probe is a real write (see [`ensure_dir`]), not the permission bits: it
/// fails on a read-only mount even for root, whom bits do not stop.
pub fn resolve_dir(flag: Option<PathBuf>) -> Result<(PathBuf, Access), DirError> {
    let dir = choose_dir(flag, std::env::var_os("ATELIER_DIR"))?;
    match ensure_dir(&dir) {
        Ok(()) => Ok((dir, Access::Write)),
        Err(DirError::NotWritable { .. }) if std::fs::read_dir(&dir).is_ok() => {
            Ok((dir, Access::ReadOnly))
        }
        Err(e) => Err(e),
    }
}

/// Creates the folder and its parents if missing (the folder itself 0700: its files hold
/// people's names), then proves it writable by creating and removing a temporary file.
/// An existing folder keeps the permissions it has: the advisor may share it on purpose.
pub fn ensure_dir(dir: &Path) -> Result<(), DirError> {
    match std::fs::metadata(dir) {
        Ok(m) if !m.is_dir() => {
            return Err(DirError::NotAFolder {
                path: dir.to_path_buf(),
            });
        }
        Ok(_) => {}
        Err(_) => create_private_dir(dir).map_err(|e| DirError::Create {
            path: dir.to_path_buf(),
            detail: e.to_string(),
        })?,
    }
    tempfile::Builder::new()
        .prefix(".atelier-")
        .tempfile_in(dir)
        .map(drop)
        .map_err(|e| DirError::NotWritable {
            path: dir.to_path_buf(),
            detail: e.to_string(),
        })
}

/// Creates a folder and its missing parents, each 0700 (every folder atelier creates: the
/// sessions folder, `exports/`, the cache folder); one that exists already is left as it is.
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    match builder.create(dir) {
        // Another atelier may have created it a moment ago: that is fine.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && dir.is_dir() => Ok(()),
        other => other,
    }
}
