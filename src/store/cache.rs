//! The folder's summary cache (in the OS cache folder, see `derived.rs`): file name → size, modification time and
//! [`Summary`] (or [`RecordSummary`] for a visit, an activity or a diagnosis), so that listing
//! 10,000 sessions reads one file instead of all of them.
//!
//! A derived cache (see `derived.rs` for its rules, shared with the report's cache): deleting
//! it costs one slow listing and nothing else. Files that fail to load are never cached:
//! they are read again at every listing, so they are always listed apart with their reason.

use super::derived::{Derived, DerivedCache, Entry};
use super::record_summary::RecordSummary;
use super::summary::Summary;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::Arc;

/// The kind of the summary cache, the start of its file's name.
const KIND: &str = "listing";

/// Where the summary cache of the sessions folder `dir` is kept (see `derived.rs`); `None`
/// without a home or a folder.
pub fn cache_path(dir: &std::path::Path) -> Option<std::path::PathBuf> {
    super::derived::cache_path(dir, KIND)
}

/// The search texts of a listing still in memory, by file name. Listing the folder again
/// (back to the home screen, the review browser opened) while the screen still holds the
/// last listing would otherwise hold every search text twice at its peak (40 MB more for
/// 10,000 sessions, over 100 MB in all): a text found unchanged is shared instead.
pub type Known = HashMap<String, Arc<str>>;

/// What a file of the folder is listed as: a session, or a dated record. One cache holds
/// both, so that a record file unchanged since the last listing is not parsed again either.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(super) enum Listed {
    Session(Summary),
    Record(RecordSummary),
}

/// The summary cache as read, consumed as files are matched against it. A summary taken
/// from it has no path nor file time (they belong to the file): the listing sets them.
pub(super) type Cache = DerivedCache<Listed>;

/// A line of the cache is the entry in RON (a session summary's search text is not
/// serialized), a tab, the search text with `\\`, tab and line breaks escaped (nothing for a
/// record), then a tab and `;`. The search text is most of the bytes: reading it as plain
/// text rather than as a RON string makes the cache several times faster to read.
impl Derived for Listed {
    const FILE: &'static str = KIND;
    /// Bumped whenever [`Summary`], [`RecordSummary`] or the way they are computed changes.
    /// 4: records listed too, each value tagged with its kind (a cache of format 3 holds bare
    /// session summaries: it is rebuilt, never misread).
    /// 5: a record's summary says a visit's topics, an activity's kind and how many took
    /// part (the review browser's rows).
    const FORMAT: u32 = 5;
    const FIELD: &'static str = "summary";
    /// An entry whose text is the same as the one in memory shares it rather than hold a
    /// copy (see [`Known`]).
    type Known = Known;

    fn write_tail(&self, line: &mut String) {
        line.push('\t');
        if let Listed::Session(s) = self
            && let Some(text) = &s.search
        {
            escape(text, line);
        }
    }

    fn read_line(line: &str, known: &Known) -> Option<Entry<Listed>> {
        let (entry, search) = line.split_once('\t')?;
        let mut entry: Entry<Listed> = ron::from_str(entry).ok()?;
        match &mut entry.value {
            Listed::Session(summary) => {
                let search = unescape(search)?;
                summary.search = Some(match known.get(&entry.name) {
                    Some(same) if **same == *search => Arc::clone(same),
                    _ => search.into(),
                });
            }
            // A record has no search text: anything there is not what was written.
            Listed::Record(_) if !search.is_empty() => return None,
            Listed::Record(_) => {}
        }
        Some(entry)
    }
}

fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
}

/// The text [`escape`] was given; `None` for what it cannot have written.
fn unescape(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('\\') {
        out.push_str(&rest[..at]);
        let mut after = rest[at + 1..].chars();
        out.push(match after.next()? {
            '\\' => '\\',
            't' => '\t',
            'n' => '\n',
            'r' => '\r',
            _ => return None,
        });
        rest = after.as_str();
    }
    out.push_str(rest);
    Some(out)
}
