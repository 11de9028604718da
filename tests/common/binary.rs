//! The real `atelier` binary, run as a user would, in a temporary home: no LANG, no
//! ATELIER_DIR, nothing of the machine's own folders. Shared by the command-line tests.

use atelier::model::Session;
use atelier::store::{self, Store};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The binary with a clean environment and `home` as its home.
pub fn atelier(home: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_atelier"));
    c.env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("NO_COLOR", "1")
        .env_remove("ATELIER_DIR")
        .env_remove("ATELIER_CONFIG")
        .env_remove("ATELIER_LANG")
        .env_remove("ATELIER_THEME")
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .stdin(Stdio::null());
    c
}

/// A temporary home with a sessions folder in it.
pub struct Env {
    pub home: tempfile::TempDir,
    pub dir: PathBuf,
}

impl Env {
    pub fn new() -> Env {
        let home = tempfile::tempdir().unwrap();
        let dir = home.path().join("sessions");
        store::ensure_dir(&dir).unwrap();
        Env { home, dir }
    }

    pub fn cmd(&self) -> Command {
        atelier(self.home.path())
    }

    /// Writes a session into the folder, named as atelier names it.
    pub fn save(&self, s: &Session) -> PathBuf {
        let path = Store::new(&self.dir).path_for_new(s);
        store::save(&path, s).unwrap();
        path
    }

    pub fn dir(&self) -> &str {
        self.dir.to_str().unwrap()
    }
}
