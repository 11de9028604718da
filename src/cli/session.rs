//! `atelier show` and `atelier export`: the commands that print one session, named by its
//! file or by its id (or the start of one) in the sessions folder.

use super::{out, read_dir_choice};
use crate::i18n::{Lang, Strings, fill};
use crate::model::Id;
use crate::store::{self, FindError, Store};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The session a command names, by file or by id (or the start of one); the error is
/// printed and its exit code returned.
fn target_session(
    dir: Option<PathBuf>,
    target: &str,
    strings: &Strings,
) -> Result<crate::model::Session, ExitCode> {
    let path = target_path(dir, target, strings)?;
    store::load(&path).map_err(|e| {
        eprintln!("{}", e.located(&path, strings));
        ExitCode::from(1)
    })
}

/// The file of the session a command names (see [`target_session`]).
fn target_path(dir: Option<PathBuf>, target: &str, strings: &Strings) -> Result<PathBuf, ExitCode> {
    let as_path = Path::new(target);
    let path = if as_path.is_file() {
        as_path.to_path_buf()
    } else {
        let dir = read_dir_choice(dir, strings)?;
        let listing = Store::new(&dir).list();
        match listing.find(target) {
            Ok(s) => s.path.clone(),
            Err(FindError::NotFound) => {
                let l = &strings.store.cli;
                eprintln!("{}", fill(l.not_found, &[&target, &dir.display()]));
                return Err(ExitCode::from(1));
            }
            Err(FindError::Ambiguous(ids)) => {
                let ids: Vec<&str> = ids.iter().map(Id::as_str).collect();
                eprintln!(
                    "{}",
                    fill(strings.store.cli.ambiguous, &[&target, &ids.join(", ")])
                );
                return Err(ExitCode::from(1));
            }
        }
    };
    Ok(path)
}

/// `atelier show FILE|ID`: the session as readable text.
pub(super) fn show(dir: Option<PathBuf>, target: &str, private: bool, lang: Lang) -> ExitCode {
    match target_session(dir, target, lang.strings()) {
        Ok(session) => {
            out(&crate::show::to_text(
                &crate::show::show(&session, lang, private),
                lang,
            ));
            ExitCode::SUCCESS
        }
        Err(code) => code,
    }
}

/// `atelier export ID|FILE --format md|html|csv [-o FILE] [--anonymize]`: to stdout, or
/// to a file written whole (a temporary file renamed), never half.
pub(super) fn export(
    dir: Option<PathBuf>,
    target: &str,
    format: crate::export::Format,
    output: Option<PathBuf>,
    anonymize: bool,
    lang: Lang,
) -> ExitCode {
    let strings = lang.strings();
    let session = match target_session(dir, target, strings) {
        Ok(s) => s,
        Err(code) => return code,
    };
    // The date of issue the HTML minutes print: the day of the export.
    let today = chrono::Local::now().date_naive();
    let text = crate::export::export(&session, format, lang, anonymize, today);
    super::export_out(&text, output, lang)
}
