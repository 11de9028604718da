//! `atelier report`: a programme report of the whole sessions folder, figures only, no
//! names; with the values its `--by` and `--format` options take.

use super::{out, read_dir_choice};
use crate::i18n::{Lang, fill};
use crate::method::Method;
use crate::store;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// `atelier report --by`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportBy {
    Advisor,
    Host,
    Trade,
    Region,
    Group,
    Month,
}

/// `atelier report --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    Md,
    Csv,
    Html,
}

/// What `atelier report` was asked for.
pub(super) struct ReportRequest {
    pub(super) by: Vec<ReportBy>,
    pub(super) from: Option<String>,
    pub(super) to: Option<String>,
    pub(super) format: ReportFormat,
    pub(super) output: Option<PathBuf>,
}

/// `atelier report`: figures of the whole folder (need categories labelled from `method`),
/// to stdout or to a file written whole. Exit 2 for a date that is not one or a folder that
/// cannot be read, 1 when the file cannot be written.
pub(super) fn report(
    dir: Option<PathBuf>,
    req: ReportRequest,
    method: &Method,
    lang: Lang,
) -> ExitCode {
    let strings = lang.strings();
    let r = strings.report;
    let today = chrono::Local::now().date_naive();
    let date = |text: &Option<String>| match text {
        None => Ok(None),
        Some(t) => crate::dates::parse(t, today).map_err(|_| {
            eprintln!("{}", fill(r.bad_date, &[t]));
            ExitCode::from(2)
        }),
    };
    let (from, to) = match (date(&req.from), date(&req.to)) {
        (Ok(f), Ok(t)) => (f, t),
        (Err(code), _) | (_, Err(code)) => return code,
    };
    if let (Some(f), Some(t)) = (from, to)
        && f > t
    {
        let (f, t) = (crate::dates::show(f), crate::dates::show(t));
        eprintln!("{}", fill(r.bad_range, &[&f, &t]));
        return ExitCode::from(2);
    }
    if req.by.len() > 2 {
        eprintln!("{}", r.figures.too_many_by);
        return ExitCode::from(2);
    }
    if req.by.len() == 2 && req.by[0] == req.by[1] {
        eprintln!("{}", r.figures.same_by_twice);
        return ExitCode::from(2);
    }
    let dir = match read_dir_choice(dir, strings) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let folder = match crate::report::read_folder_to_count(&dir) {
        Ok(read) => read,
        Err(e) => {
            let detail = e.message(strings);
            eprintln!("{}", fill(r.folder_unreadable, &[&dir.display(), &detail]));
            return ExitCode::from(2);
        }
    };
    use crate::report::By;
    let by = req
        .by
        .iter()
        .map(|b| match b {
            ReportBy::Advisor => By::Advisor,
            ReportBy::Host => By::Host,
            ReportBy::Trade => By::Trade,
            ReportBy::Region => By::Region,
            ReportBy::Group => By::Group,
            ReportBy::Month => By::Month,
        })
        .collect();
    let options = crate::report::Options {
        from,
        to,
        by,
        today: Some(today),
    };
    let report = crate::report::aggregate_folder(folder, options);
    let text = match req.format {
        ReportFormat::Md => crate::report::to_markdown(&report, method, lang),
        ReportFormat::Csv => crate::report::to_csv(&report, method, lang),
        ReportFormat::Html => crate::report::to_html(&report, method, lang),
    };
    let Some(path) = req.output else {
        out(&text);
        return ExitCode::SUCCESS;
    };
    match store::write_atomic(&path, &text, |f, bytes| f.write_all(bytes)) {
        Ok(()) => {
            eprintln!("{}", fill(r.written, &[&path.display()]));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}", fill(r.write_failed, &[&path.display(), &e.detail]));
            ExitCode::from(1)
        }
    }
}
