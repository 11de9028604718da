//! `atelier show` and `atelier export`: the commands that print one session (or, for `show`,
//! one visit, activity or diagnosis), named by its file or by its id (or the start of one) in
//! the sessions folder.

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
    if as_path.is_file() {
        return Ok(as_path.to_path_buf());
    }
    let dir = read_dir_choice(dir, strings)?;
    let found = store::index::find_path(&dir, target, false);
    resolved(found, target, &dir, strings)
}

/// `atelier show FILE|ID`: the session, visit, activity or diagnosis as readable text. A
/// visit or a diagnosis without `--private` is refused (exit 1) with the sentence saying why
/// and what to do (see `privacy::record_for_others`).
pub(super) fn show(dir: Option<PathBuf>, target: &str, private: bool, lang: Lang) -> ExitCode {
    let strings = lang.strings();
    let path = match target_any(dir, target, strings) {
        Ok(p) => p,
        Err(code) => return code,
    };
    // A record too broken to read is named as what it was meant to be, not as a session.
    let failed = |e: store::LoadError| {
        eprintln!("{}", crate::store::broken::located(&path, &e, strings));
        ExitCode::from(1)
    };
    let record = match store::load(&path) {
        Ok(session) => {
            let lines = crate::show::show(&session, lang, private);
            out(&crate::show::to_text(&lines, lang));
            return ExitCode::SUCCESS;
        }
        Err(store::LoadError::OtherKind { .. }) => match store::load_record(&path) {
            Ok(r) => r,
            Err(e) => return failed(e),
        },
        Err(e) => return failed(e),
    };
    let folder = path.parent().unwrap_or(Path::new(".")).to_path_buf();
    let group = record.dated().group().clone();
    let names = member_names(folder, group);
    match crate::show::show_record(&record, lang, private, &|id| names(id)) {
        Ok(lines) => {
            out(&crate::show::to_text(&lines, lang));
            ExitCode::SUCCESS
        }
        Err(refusal) => {
            eprintln!("{refusal}");
            ExitCode::from(1)
        }
    }
}

/// A member's name by id, from the latest session of the group in the record's folder, read
/// the first time a name is asked (an activity keeps only ids): listing the folder is not
/// paid for a record that names nobody. The folder is only read (no summary cache written).
fn member_names(folder: PathBuf, group: Id) -> impl Fn(&Id) -> Option<String> {
    let members = std::cell::OnceCell::new();
    move |id: &Id| {
        let group = members.get_or_init(|| {
            let store = Store::read_only(&folder);
            let listing = store.list();
            let latest = listing
                .sessions_of_group(&group)
                .last()
                .map(|s| s.path.clone());
            latest.and_then(|p| store::load(&p).ok()).map(|s| s.group)
        });
        group.as_ref()?.member(id).map(|m| m.name.clone())
    }
}

/// The file a `show` names: a session's or a record's, by file or by id (or its start).
fn target_any(dir: Option<PathBuf>, target: &str, strings: &Strings) -> Result<PathBuf, ExitCode> {
    let as_path = Path::new(target);
    if as_path.is_file() {
        return Ok(as_path.to_path_buf());
    }
    let dir = read_dir_choice(dir, strings)?;
    let l = &strings.store.cli;
    match store::index::find_path(&dir, target, true) {
        Ok(path) => Ok(path),
        Err(FindError::NotFound) => {
            eprintln!("{}", fill(l.not_found_any, &[&target, &dir.display()]));
            Err(ExitCode::from(1))
        }
        // Each id with what it is: a session, a visit... (the whole listing, only then).
        Err(FindError::Ambiguous(ids)) => {
            let listing = Store::new(&dir).list();
            let kind = |id: &Id| {
                let record = listing.records_in_use().find(|r| &r.id == id);
                let kind = record.map_or(crate::model::dated::Kind::Session, |r| r.kind);
                store::kind_word(kind, strings)
            };
            let ids: Vec<String> = ids
                .iter()
                .map(|id| format!("{id} ({})", kind(id)))
                .collect();
            eprintln!("{}", fill(l.ambiguous_any, &[&target, &ids.join(", ")]));
            Err(ExitCode::from(1))
        }
    }
}

/// The path found, or the sentence saying why not (and exit 1).
fn resolved(
    found: Result<PathBuf, FindError>,
    target: &str,
    dir: &Path,
    strings: &Strings,
) -> Result<PathBuf, ExitCode> {
    match found {
        Ok(path) => Ok(path),
        Err(FindError::NotFound) => {
            let l = &strings.store.cli;
            eprintln!("{}", fill(l.not_found, &[&target, &dir.display()]));
            Err(ExitCode::from(1))
        }
        Err(FindError::Ambiguous(ids)) => {
            let ids: Vec<&str> = ids.iter().map(Id::as_str).collect();
            eprintln!(
                "{}",
                fill(strings.store.cli.ambiguous, &[&target, &ids.join(", ")])
            );
            Err(ExitCode::from(1))
        }
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
