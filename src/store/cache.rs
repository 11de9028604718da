//! The folder's summary cache (in the OS cache folder, see `derived.rs`): file name → size, modification time and
//! [`Summary`], so that listing 10,000 sessions reads one file instead of all of them.
//!
//! A derived cache (see `derived.rs` for its rules, shared with the report's cache): deleting
//! it costs one slow listing and nothing else. Files that fail to load are never cached:
//! they are read again at every listing, so they are always listed apart with their reason.

use super::derived::{Derived, DerivedCache, Entry};
use super::summary::Summary;
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

/// The summary cache as read, consumed as files are matched against it. A summary taken
/// from it has no path nor file time (they belong to the file): the listing sets them.
pub(super) type Cache = DerivedCache<Summary>;

/// A line of the cache is the entry in RON (the summary's search text is not serialized), a
/// tab, the search text with `\\`, tab and line breaks escaped, then a tab and `;`. The search
/// text is most of the bytes: reading it as plain text rather than as a RON string makes the
/// cache several times faster to read.
impl Derived for Summary {
    const FILE: &'static str = KIND;
    /// Bumped whenever [`Summary`] or the way it is computed changes.
    const FORMAT: u32 = 3;
    const FIELD: &'static str = "summary";
    /// An entry whose text is the same as the one in memory shares it rather than hold a
    /// copy (see [`Known`]).
    type Known = Known;

    fn write_tail(&self, line: &mut String) {
        line.push('\t');
        escape(&self.search, line);
    }

    fn read_line(line: &str, known: &Known) -> Option<Entry<Summary>> {
        let (entry, search) = line.split_once('\t')?;
        let mut entry: Entry<Summary> = ron::from_str(entry).ok()?;
        let search = unescape(search)?;
        entry.value.search = match known.get(&entry.name) {
            Some(same) if **same == *search => Arc::clone(same),
            _ => search.into(),
        };
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
