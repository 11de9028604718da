//! The rows the review browser shows: filtered and sorted once per change of the filter,
//! the kinds, the sort or the listing, remembered with the listing they index, and from
//! [`OFF_THREAD_FROM`](super::OFF_THREAD_FROM) rows worked out on the filter thread while
//! the last ones stay on screen.

use super::{Browser, ReviewColumn, ReviewRow, Shown};
use std::borrow::Cow;
use std::sync::Arc;

/// The rows shown, in order (`order` indexes `rows`), and what they were filtered for.
#[derive(Debug, Clone)]
pub(super) struct Remembered {
    key: ShownKey,
    rows: Arc<Vec<ReviewRow>>,
    order: Vec<usize>,
}

/// The rows the browser shows: `order` indexes `rows`, which may be the listing before the
/// last while the new one is filtered off the UI thread.
pub struct RowsShown<'a> {
    pub rows: &'a [ReviewRow],
    pub order: Cow<'a, [usize]>,
}

impl RowsShown<'_> {
    pub fn len(&self) -> usize {
        self.order.len()
    }

    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// The `k`th row shown.
    pub fn get(&self, k: usize) -> Option<&ReviewRow> {
        self.order.get(k).map(|&i| &self.rows[i])
    }

    pub fn iter(&self) -> impl Iterator<Item = &ReviewRow> {
        self.order.iter().map(|&i| &self.rows[i])
    }
}

/// What the rows shown depend on: the filter, the kinds, the sort and the listing.
#[derive(Debug, Clone, PartialEq)]
pub struct ShownKey {
    filter: String,
    shown: Shown,
    sort: ReviewColumn,
    descending: bool,
    /// `Home::generation` of the rows.
    rows: u64,
}

impl ShownKey {
    /// Indexes into `rows` of the rows shown: those matching the filter, in the sort order
    /// (ties by date, group, then number, so the order never depends on the folder's).
    pub fn visible(&self, rows: &[ReviewRow]) -> Vec<usize> {
        // Accents and case ignored both ways: "couturieres" finds "Couturières".
        let typed = crate::trades::fold(&self.filter);
        let words: Vec<&str> = typed.split_whitespace().collect();
        let out = super::filter::matching(rows, &words, self.shown);
        let tie = |a: &ReviewRow, b: &ReviewRow| {
            (a.date, &a.group, a.number).cmp(&(b.date, &b.group, b.number))
        };
        // Text columns: lowercased once per row, not at each comparison (10,000 rows sorted
        // by group took 47 ms that way, too slow for a keystroke).
        let mut keyed: Vec<(Option<String>, usize)> = out
            .into_iter()
            .map(|i| (self.sort.text_key(&rows[i]), i))
            .collect();
        keyed.sort_by(|(ka, a), (kb, b)| {
            let (a, b) = (&rows[*a], &rows[*b]);
            let o = ka
                .cmp(kb)
                .then_with(|| self.sort.compare(a, b))
                .then_with(|| tie(a, b));
            if self.descending { o.reverse() } else { o }
        });
        keyed.into_iter().map(|(_, i)| i).collect()
    }
}

/// Whether a filter of these rows asks the folder's index: never on the UI thread.
fn asks_index(rows: &[ReviewRow], filter: &str) -> bool {
    !filter.trim().is_empty() && rows.iter().any(ReviewRow::text_in_index)
}

/// A filter and sort to work out off the UI thread, on the rows it is for (shared, not
/// copied); answered with `Msg::RowsFiltered`.
#[derive(Debug, Clone)]
pub struct Filtering {
    pub key: ShownKey,
    pub rows: Arc<Vec<ReviewRow>>,
}

/// The same question on the same rows (shared, or equal).
impl PartialEq for Filtering {
    fn eq(&self, other: &Filtering) -> bool {
        self.key == other.key && (Arc::ptr_eq(&self.rows, &other.rows) || self.rows == other.rows)
    }
}

impl Filtering {
    pub fn run(&self) -> Vec<usize> {
        self.key.visible(&self.rows)
    }
}

impl Browser {
    pub fn new() -> Browser {
        Browser {
            descending: true,
            ..Browser::default()
        }
    }

    fn key(&self, generation: u64) -> ShownKey {
        ShownKey {
            filter: self.filter.clone(),
            shown: self.shown,
            sort: self.sort,
            descending: self.descending,
            rows: generation,
        }
    }

    /// Filters and sorts the rows again if the filter, the kinds, the sort or the listing
    /// (`generation`, see `Home::generation`) changed since the last time. Many rows are
    /// filtered off the UI thread: what to ask the filter thread is returned (once per
    /// change), and the rows shown stay until it answers ([`Browser::filtered`]); none are
    /// shown before the first answer.
    pub fn remember(&mut self, rows: &Arc<Vec<ReviewRow>>, generation: u64) -> Option<Filtering> {
        let key = self.key(generation);
        if self.remembered.as_ref().is_some_and(|r| r.key == key) {
            self.asked = None;
            return None;
        }
        if rows.len() >= self.off_thread_from || asks_index(rows, &self.filter) {
            if self.asked.as_ref() == Some(&key) {
                return None;
            }
            self.asked = Some(key.clone());
            return Some(Filtering {
                key,
                rows: Arc::clone(rows),
            });
        }
        let order = key.visible(rows);
        self.asked = None;
        self.take(key, Arc::clone(rows), order);
        None
    }

    /// The filter thread answered: kept if it is what the browser still wants.
    pub fn filtered(&mut self, asked: Filtering, order: Vec<usize>) {
        if self.asked.as_ref() == Some(&asked.key) {
            self.asked = None;
            self.take(asked.key, asked.rows, order);
        }
    }

    /// New rows shown. When they come from a new listing, the selection stays on the file
    /// it was on, wherever it now is.
    fn take(&mut self, key: ShownKey, rows: Arc<Vec<ReviewRow>>, order: Vec<usize>) {
        if let Some(old) = &self.remembered
            && old.key.rows != key.rows
            && let Some(path) = old.order.get(self.sel).map(|&i| &old.rows[i].path)
            && let Some(at) = order.iter().position(|&i| rows[i].path == *path)
        {
            self.sel = at;
        }
        self.remembered = Some(Remembered { key, rows, order });
    }

    /// A filter or a sort is being worked out off the UI thread.
    pub fn filtering(&self) -> bool {
        self.asked.is_some()
    }

    /// The rows shown: the remembered ones when still right, or while the filter thread
    /// works out the new ones (none before its first answer); else those of `rows` filtered
    /// and sorted now.
    pub fn shown<'a>(&'a self, rows: &'a [ReviewRow], generation: u64) -> RowsShown<'a> {
        match &self.remembered {
            Some(r) if r.key == self.key(generation) || self.asked.is_some() => RowsShown {
                rows: &r.rows,
                order: Cow::Borrowed(&r.order),
            },
            None if self.asked.is_some() => RowsShown {
                rows: &[],
                order: Cow::Borrowed(&[]),
            },
            _ => RowsShown {
                rows,
                order: Cow::Owned(self.visible(rows)),
            },
        }
    }

    /// Indexes into `rows` of the rows shown: those matching the filter, in the sort order.
    pub fn visible(&self, rows: &[ReviewRow]) -> Vec<usize> {
        self.key(0).visible(rows)
    }
}
