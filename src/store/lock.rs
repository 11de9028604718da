//! One atelier at a time edits a session. The lock is an OS lock on a separate file beside
//! the session (`NAME.ron.lock`): a lock on the session file itself would be lost at the
//! first atomic save, which renames a new file into place. The OS drops the lock when the
//! process ends, even by `kill -9`, so a lock file left behind blocks nobody; nor does one a
//! sync tool or a copied folder brings from another machine: the file records nothing (no
//! host, no pid), and an OS lock does not travel with it.

use crate::i18n::{Strings, fill};
use std::fmt;
use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

/// Held while a session is open for editing; dropping it releases the lock.
#[derive(Debug)]
pub struct SessionLock {
    file: File,
    path: PathBuf,
}

/// Why a session opens read-only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LockError {
    /// Another atelier holds it.
    Busy,
    /// The lock file cannot be created (read-only folder...).
    Io { path: PathBuf, detail: String },
}

impl LockError {
    pub fn message(&self, s: &Strings) -> String {
        match self {
            LockError::Busy => s.store.lock_busy.to_string(),
            LockError::Io { path, detail } => fill(s.store.lock_io, &[&path.display(), detail]),
        }
    }
}

impl fmt::Display for LockError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(crate::i18n::Lang::En.strings()))
    }
}

impl std::error::Error for LockError {}

/// A lock file is created `0600` like the session beside it (whatever the umask): its name
/// says which session is open.
fn lock_options() -> OpenOptions {
    let mut options = OpenOptions::new();
    options.create(true).truncate(false).write(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options
}

/// `NAME.ron` → `NAME.ron.lock`.
pub fn lock_path(session_path: &Path) -> PathBuf {
    let mut name = session_path.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

impl SessionLock {
    /// Takes the lock of a session file without waiting. `Err(Busy)`: open it read-only.
    pub fn acquire(session_path: &Path) -> Result<SessionLock, LockError> {
        let path = lock_path(session_path);
        let io = |e: std::io::Error| LockError::Io {
            path: path.clone(),
            detail: e.to_string(),
        };
        // The holder removes the lock file when it lets go (see `Drop`). Whoever opened the
        // old file just before may then lock a file that is no longer at the path; it checks
        // and tries again, a few times at most.
        for _ in 0..3 {
            let file = lock_options().open(&path).map_err(io)?;
            match file.try_lock() {
                Ok(()) => {}
                Err(TryLockError::WouldBlock) => return Err(LockError::Busy),
                Err(TryLockError::Error(e)) => return Err(io(e)),
            }
            if still_at(&file, &path) {
                return Ok(SessionLock { file, path });
            }
        }
        Err(LockError::Busy)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for SessionLock {
    /// Removes the lock file while still holding the lock, so that the folder does not fill
    /// up with one lock file per session ever opened; `acquire` copes with the race this
    /// opens. Closing the file then releases the lock. Failures are harmless: a lock file
    /// without a lock blocks nobody.
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}

/// Whether the open file is still the one at `path` (not removed or replaced meanwhile).
#[cfg(unix)]
fn still_at(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

/// Without inode numbers, trust the path (Windows does not let a locked open file be removed).
#[cfg(not(unix))]
fn still_at(_file: &File, path: &Path) -> bool {
    path.exists()
}
