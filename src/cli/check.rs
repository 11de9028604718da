//! `atelier check`: validates session files or folders without a terminal, one
//! `file:line:column: message` line per problem (unreadable files, warnings, sessions
//! found twice), then a summary. The folder's visits, activities and diagnoses are checked
//! too (`check_records.rs`).

use super::check_records::{Records, maker, sync_copy};
use super::problem::{Problem, problem};
use super::{out, read_dir_choice};
use crate::i18n::{Lang, Strings, fill};
use crate::model::dated::Kind;
use crate::store::{self, Listing, LoadError, Summary};
use std::path::PathBuf;
use std::process::ExitCode;

/// `atelier check`: one `file:line:column: message` line per problem, then a summary.
pub(super) fn check(dir: Option<PathBuf>, paths: Vec<PathBuf>, lang: Lang) -> ExitCode {
    let strings = lang.strings();
    let t = &strings.store.check;
    let (paths, default_dir) = if paths.is_empty() {
        match read_dir_choice(dir, strings) {
            Ok(d) => (vec![d.clone()], Some(d)),
            Err(code) => return code,
        }
    } else {
        (paths, None)
    };
    let mut problems: Vec<Problem> = Vec::new();
    let mut files = Vec::new();
    // The folders checked whole: their sessions are all in `summaries`, for the records'
    // groups.
    let mut folders = Vec::new();
    for path in paths {
        if path.is_dir() {
            folders.push(path.clone());
            match store::session_files(&path) {
                Ok(f) => files.extend(f),
                Err(e) => problems.push(problem(&path, &e, strings)),
            }
        } else if path.exists() {
            files.push(path);
        } else {
            problems.push((path, 1, 1, t.missing.to_string()));
        }
    }
    let mut unreadable = problems.len();
    let mut warnings = 0;
    let mut summaries: Vec<(Summary, (usize, usize))> = Vec::new();
    let mut records = Records::default();
    for path in &files {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                let e = LoadError::Io {
                    detail: e.to_string(),
                };
                problems.push(problem(path, &e, strings));
                unreadable += 1;
                continue;
            }
        };
        match store::parse_raw(&bytes) {
            Err(LoadError::OtherKind { kind }) if kind != Kind::Session => {
                match records.check_file(path, &bytes, lang, &mut problems) {
                    Ok(n) => warnings += n,
                    Err(()) => unreadable += 1,
                }
            }
            Err(e) => {
                problems.push(problem(path, &e, strings));
                unreadable += 1;
            }
            Ok(session) => {
                let text = String::from_utf8_lossy(&bytes);
                for w in store::check_session(&session, strings) {
                    let (line, col) = store::locate(&text, &w.anchor);
                    problems.push((
                        path.clone(),
                        line,
                        col,
                        format!("{}: {}", t.warning, w.message),
                    ));
                    warnings += 1;
                }
                if let Some(copy) = sync_copy(path) {
                    let message = fill(t.sync_conflict_copy, &[&copy.of, &maker(&copy, t)]);
                    problems.push((path.clone(), 1, 1, format!("{}: {message}", t.warning)));
                    warnings += 1;
                }
                for field in store::unknown_fields_of_parsed(&bytes) {
                    let name = field.rsplit('.').next().unwrap_or(&field);
                    let (line, col) = store::locate_key(&text, name);
                    let message = fill(t.unknown_field, &[&field]);
                    problems.push((path.clone(), line, col, format!("{}: {message}", t.warning)));
                    warnings += 1;
                }
                for ((line, col), message) in store::check_history(&session, &text, strings) {
                    problems.push((path.clone(), line, col, format!("{}: {message}", t.warning)));
                    warnings += 1;
                }
                let at = store::locate(&text, &format!("\"{}\"", session.id));
                let modified = std::fs::metadata(path).and_then(|m| m.modified()).ok();
                summaries.push((Summary::of(&session, path.clone(), modified), at));
            }
        }
    }
    warnings += records.across(&summaries, &folders, lang, &mut problems);
    warnings += duplicates(summaries, strings, &mut problems);
    crate::sort::by(&mut problems, |a, b| {
        (&a.0, a.1, a.2).cmp(&(&b.0, b.1, b.2))
    });
    let mut listed = String::new();
    for (path, line, col, message) in &problems {
        listed.push_str(&format!("{}:{line}:{col}: {message}\n", path.display()));
    }
    // File names and the texts quoted from files reach the terminal with their controls
    // made visible.
    let mut text = crate::escape::visible(&listed).into_owned();
    let checked = files.len();
    let summary = if !problems.is_empty() {
        let counts = [
            t.checked.n(checked),
            t.unreadable.n(unreadable),
            t.warnings.n(warnings),
        ];
        fill(t.problems, &[&counts[0], &counts[1], &counts[2]])
    } else if checked == 0 {
        let place = default_dir.map_or(String::new(), |d| d.display().to_string());
        fill(t.none, &[&place])
    } else {
        t.ok.n(checked)
    };
    text.push_str(&summary);
    text.push('\n');
    out(&text);
    if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// Sessions found twice: a warning on each older copy, naming the copy in use.
fn duplicates(
    summaries: Vec<(Summary, (usize, usize))>,
    strings: &Strings,
    problems: &mut Vec<Problem>,
) -> usize {
    let places: Vec<(PathBuf, (usize, usize))> = summaries
        .iter()
        .map(|(s, at)| (s.path.clone(), *at))
        .collect();
    let listing = Listing::new(summaries.into_iter().map(|(s, _)| s).collect(), Vec::new());
    let mut count = 0;
    for old in listing.sessions.iter().filter(|s| s.shadowed) {
        let Some(used) = listing.in_use().find(|s| s.id == old.id) else {
            continue;
        };
        let (line, col) = places
            .iter()
            .find(|(p, _)| p == &old.path)
            .map_or((1, 1), |(_, at)| *at);
        let message = fill(
            strings.store.check.duplicate_session,
            &[&used.path.display()],
        );
        let warning = strings.store.check.warning;
        problems.push((old.path.clone(), line, col, format!("{warning}: {message}")));
        count += 1;
    }
    count
}
