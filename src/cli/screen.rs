//! `atelier follow` and `atelier replay`: the full-screen commands on a saved session. The
//! session is found and read before the screen opens, so that a wrong name or an unreadable
//! file is said on the terminal; nothing is written.

use super::read_dir_choice;
use crate::i18n::Lang;
use crate::method::Method;
use crate::store;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// `atelier follow [FILE|ID]`: the session is found and read once here, so that a wrong
/// name or an unreadable file is said on the terminal, not behind a full screen.
pub(super) fn follow(
    dir: Option<PathBuf>,
    target: Option<&str>,
    lang: Lang,
    method: Method,
    prefs: crate::config::Prefs,
) -> crate::app::Fallible<ExitCode> {
    let strings = lang.strings();
    let is_file = target.is_some_and(|t| Path::new(t).is_file());
    let dir = if is_file {
        PathBuf::new()
    } else {
        match read_dir_choice(dir, strings) {
            Ok(d) => d,
            Err(code) => return Ok(code),
        }
    };
    let path = match crate::follow::resolve(&dir, target, strings) {
        Ok(p) => p,
        Err(text) => {
            eprintln!("{text}");
            return Ok(ExitCode::from(1));
        }
    };
    if let Err(e) = store::load(&path) {
        eprintln!("{}", e.located(&path, strings));
        return Ok(ExitCode::from(1));
    }
    // The folder the file is in, for what the screens say about it; nothing is listed.
    let dir = path.parent().map_or(dir, Path::to_path_buf);
    let watch = crate::follow::Watch::new(path, strings);
    // Without a session named, the second screen follows the folder: when the advisor
    // closes this session and starts the next, the next one comes up by itself.
    let watch = match target {
        Some(_) => watch,
        None => watch.latest_of(dir.clone()),
    };
    if let Some(code) = super::refuse_without_terminal(strings) {
        return Ok(code);
    }
    let options = crate::app::Options {
        dir,
        lang,
        method,
        prefs,
    };
    crate::app::run_in(options, crate::app::Mode::Follow(Box::new(watch)))?;
    Ok(ExitCode::SUCCESS)
}

/// `atelier replay FILE|ID [--anonymize]`: the session is found and read here (a wrong
/// name is said on the terminal), then replayed full screen, with the exports' pseudonyms
/// for `--anonymize`. Nothing is written.
pub(super) fn replay(
    dir: Option<PathBuf>,
    target: &str,
    anonymize: bool,
    lang: Lang,
    method: Method,
    prefs: crate::config::Prefs,
) -> crate::app::Fallible<ExitCode> {
    let strings = lang.strings();
    let dir = if Path::new(target).is_file() {
        PathBuf::new()
    } else {
        match read_dir_choice(dir, strings) {
            Ok(d) => d,
            Err(code) => return Ok(code),
        }
    };
    // Found as `follow` finds it: by reading the files, without the listing's summary
    // cache, which would be a file written.
    let path = match crate::follow::resolve(&dir, Some(target), strings) {
        Ok(p) => p,
        Err(text) => {
            eprintln!("{text}");
            return Ok(ExitCode::from(1));
        }
    };
    let session = match store::load(&path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{}", e.located(&path, strings));
            return Ok(ExitCode::from(1));
        }
    };
    if let Some(code) = super::refuse_without_terminal(strings) {
        return Ok(code);
    }
    let dir = path.parent().map_or_else(PathBuf::new, Path::to_path_buf);
    let options = crate::app::Options {
        dir,
        lang,
        method,
        prefs,
    };
    let mode = crate::app::Mode::Replay(Box::new(session), path, anonymize);
    crate::app::run_in(options, mode)?;
    Ok(ExitCode::SUCCESS)
}
