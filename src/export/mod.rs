//! Exports of a session for other people: Markdown and HTML minutes for the participants, a
//! CSV of the actions for a spreadsheet. Pure: each function takes a session and returns the
//! text; the command line and the TUI write it.
//!
//! What never leaves (law 09-08): the advisor's private notes, the members' phone numbers, and
//! any phone number typed into a free text (a run of nine digits or more is masked). The
//! minutes are built from [`crate::show::show`] without `private`, so they follow the same
//! order and wording as `atelier show`, and from a cleaned copy of the session
//! ([`for_others`]) so that nothing private is even in reach of the renderers.
//!
//! `--anonymize` replaces names with pseudonyms ([`anonymize`], in `pseudonyms.rs`).
//!
//! The parts: [`for_others`] and the phone masking in `privacy.rs`, the pseudonyms in
//! `pseudonyms.rs`, what the three formats share (the document's lines, the action table,
//! the footer) in `sections.rs`, then one file per format: `markdown.rs`, `html.rs` (with
//! the attendance sheet that ends it in `sheet.rs`), `csv.rs`.

mod csv;
mod html;
mod markdown;
mod markup;
mod privacy;
mod pseudonyms;
mod sections;
mod sheet;
mod tracker;

pub use html::section_id;
pub(crate) use html::{CSS, page_css};
pub use markup::html_escape;
pub(crate) use markup::html_text;
pub use privacy::for_others;
pub use pseudonyms::{anonymize, anonymize_with_history, letter, people};
pub use tracker::{GroupTrack, status_word, track, tracker};

use crate::i18n::{Lang, fill};
use crate::model::Session;
use chrono::NaiveDate;

/// The formats of `atelier export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Html,
    Csv,
}

impl Format {
    pub fn parse(s: &str) -> Option<Format> {
        match s.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Csv => "csv",
        }
    }
}

/// The export as text (the CSV starts with its byte-order mark). `issued` is the day the
/// export is made, printed as the HTML minutes' date of issue: the caller reads the clock,
/// so that the same session exported on the same day gives the same text.
pub fn export(
    session: &Session,
    format: Format,
    lang: Lang,
    anonymized: bool,
    issued: NaiveDate,
) -> String {
    let mut s = for_others(session, lang);
    if anonymized {
        anonymize(&mut s, lang);
    }
    match format {
        Format::Markdown => markdown::markdown(&s, lang, anonymized),
        Format::Html => html::html(&s, lang, anonymized, issued),
        Format::Csv => csv::csv(&s, lang),
    }
}

/// Writes a group's action tracker in the three formats into `dir` (created 0700 if
/// missing), named after the group (`actions_boulangers-de-tanger.csv`…): what `X` in the
/// timeline's actions does. Returns the folder, or the sentence saying why it failed.
pub fn write_tracker_files(
    dir: &std::path::Path,
    sessions: Vec<Session>,
    lang: Lang,
    today: chrono::NaiveDate,
) -> Result<std::path::PathBuf, String> {
    let w = lang.strings().export;
    crate::store::create_private_dir(dir)
        .map_err(|e| fill(w.write_other, &[&dir.display(), &e]))?;
    let groups = track(vec![sessions], lang, today);
    let name = groups
        .first()
        .map_or_else(String::new, |g| crate::store::slug(&g.group.name));
    for format in [Format::Markdown, Format::Html, Format::Csv] {
        let text = tracker(&groups, format, lang, today, false);
        let path = dir.join(format!("actions_{name}.{}", format.extension()));
        write(&path, &text, lang)?;
    }
    Ok(dir.to_path_buf())
}

/// Writes an export whole or not at all (a temporary file renamed); the error is a
/// sentence about the export, not about saving a session.
pub fn write(path: &std::path::Path, text: &str, lang: Lang) -> Result<(), String> {
    use crate::store::SaveErrorKind as K;
    use std::io::Write;
    crate::store::write_atomic(path, text, |f, b| f.write_all(b)).map_err(|e| {
        let w = lang.strings().export;
        let p = path.display();
        match e.kind {
            K::Full => fill(w.write_full, &[&p]),
            K::ReadOnly | K::Denied => fill(w.write_denied, &[&p]),
            K::FolderGone => fill(w.write_no_folder, &[&p]),
            K::Encode | K::Other => fill(w.write_other, &[&p, &e.detail]),
        }
    })
}
