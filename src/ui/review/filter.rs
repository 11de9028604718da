//! Which rows the review browser's filter keeps: those in which every word typed (folded by
//! `trades::fold`) is found, in the row's columns as shown or in its search text. A text
//! is in memory (`ReviewRow::search`), or kept by the folder's index when the listing went
//! through it (see `store::index`): the index is then asked which files hold each word of
//! three letters or more (its trigrams), and a shorter word is looked for in the texts it
//! keeps, only for the rows whose columns do not hold it.

use super::{ReviewRow, RowKind, Shown};
use crate::store::index::Index;
use chrono::NaiveDate;
use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::Write;

/// From how many letters a word is looked up in the index's trigrams.
const TRIGRAM: usize = 3;

/// Up to how many rows' texts are read one by one from the index for a short word; more are
/// read in one pass over every text.
const ONE_BY_ONE: usize = 2_000;

/// The places in `rows` of the rows of the kinds `shown` that hold every word, in `rows`'
/// order.
pub(super) fn matching(rows: &[ReviewRow], words: &[&str], shown: Shown) -> Vec<usize> {
    matching_reading(rows, words, shown, ONE_BY_ONE)
}

/// [`matching`], reading up to `one_by_one` rows' texts one by one for short words.
fn matching_reading(
    rows: &[ReviewRow],
    words: &[&str],
    shown: Shown,
    one_by_one: usize,
) -> Vec<usize> {
    let index = (!words.is_empty())
        .then(|| rows.iter().find(|r| r.text_in_index()))
        .flatten()
        .and_then(|r| r.path.parent())
        .and_then(Index::open);
    let long: Vec<bool> = words.iter().map(|w| w.chars().count() >= TRIGRAM).collect();
    let hits = index
        .as_ref()
        .and_then(|index| long_word_hits(index, rows, words, &long));
    let mut folds = Folds::default();
    let mut out = Vec::new();
    // Rows that hold every word but short ones their columns lack: their texts decide.
    let mut pending: Vec<(usize, Vec<usize>)> = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        if !shown.keeps(r.kind) {
            continue;
        }
        let mut short_left = Vec::new();
        // A word never holds a line break, so it is found in one text or another.
        let all = words.iter().enumerate().all(|(w, word)| match &r.search {
            Some(text) => text.contains(word) || r.columns_hold(word, &mut folds),
            None if r.kind != RowKind::Session => r.columns_hold(word, &mut folds),
            None if long[w] => {
                hits.as_ref().is_some_and(|h| h[w][i]) || r.columns_hold(word, &mut folds)
            }
            None => {
                let held = r.columns_hold(word, &mut folds);
                if !held && index.is_some() {
                    short_left.push(w);
                    return true;
                }
                held
            }
        });
        match (all, short_left.is_empty()) {
            (true, true) => out.push(i),
            (true, false) => pending.push((i, short_left)),
            (false, _) => {}
        }
    }
    if let Some(index) = &index
        && !pending.is_empty()
    {
        let long = Long {
            words: &long,
            hits: hits.as_deref(),
        };
        out.extend(texts_holding(
            index, rows, words, &long, pending, one_by_one,
        ));
        out.sort_unstable();
    }
    out
}

/// Which words are long enough for the index's trigrams, and which rows' texts it found
/// holding each (`None`: it did not answer).
struct Long<'a> {
    words: &'a [bool],
    hits: Option<&'a [Vec<bool>]>,
}

/// For each word of three letters or more, whether each row's text in the index holds it,
/// read name by name from the index's answers (100,000 names gathered were 12 MB). `None`
/// when the index cannot answer: the rows are then matched by their columns.
fn long_word_hits(
    index: &Index,
    rows: &[ReviewRow],
    words: &[&str],
    long: &[bool],
) -> Option<Vec<Vec<bool>>> {
    if !long.contains(&true) {
        return None;
    }
    let by_name = names(rows);
    let long_words: Vec<(usize, &str)> = words
        .iter()
        .enumerate()
        .filter(|(w, _)| long[*w])
        .map(|(w, s)| (w, *s))
        .collect();
    let asked: Vec<&str> = long_words.iter().map(|(_, s)| *s).collect();
    let mut hits = vec![Vec::new(); words.len()];
    for &(w, _) in &long_words {
        hits[w] = vec![false; rows.len()];
    }
    index
        .word_hits(&asked, |k, name| {
            if let Some(&i) = by_name.get(name) {
                hits[long_words[k].0][i] = true;
            }
        })
        .ok()?;
    Some(hits)
}

/// The rows of `pending` whose texts in the index hold their short words: read one by one
/// when they are few; else, for the rows whose texts hold every long word, among the texts
/// the index finds holding those (« oujda cr »: 310 ms in one pass over 100,000 texts);
/// else in one pass over every text.
fn texts_holding(
    index: &Index,
    rows: &[ReviewRow],
    words: &[&str],
    long: &Long<'_>,
    pending: Vec<(usize, Vec<usize>)>,
    one_by_one: usize,
) -> Vec<usize> {
    if pending.len() > one_by_one
        && let Some(hits) = long.hits
        && long.words.contains(&true)
    {
        let within: Vec<usize> = (0..words.len()).filter(|&w| long.words[w]).collect();
        let (found, rest): (Vec<_>, Vec<_>) = pending
            .into_iter()
            .partition(|(i, _)| within.iter().all(|&w| hits[w][*i]));
        let mut out = asked_at_once(index, rows, words, &within, found);
        let others = Long {
            words: long.words,
            hits: None,
        };
        out.extend(texts_holding(index, rows, words, &others, rest, one_by_one));
        return out;
    }
    if pending.len() <= one_by_one {
        return pending
            .into_iter()
            .filter(|(i, ws)| {
                index
                    .text_of(&rows[*i].file_name())
                    .ok()
                    .flatten()
                    .is_some_and(|text| ws.iter().all(|&w| text.contains(words[w])))
            })
            .map(|(i, _)| i)
            .collect();
    }
    asked_at_once(index, rows, words, &[], pending)
}

/// The rows of `pending` whose texts hold their short words, asked of the index in one pass:
/// among the texts holding every word of `within` (by their places in `words`), or among
/// every text when it is empty.
fn asked_at_once(
    index: &Index,
    rows: &[ReviewRow],
    words: &[&str],
    within: &[usize],
    pending: Vec<(usize, Vec<usize>)>,
) -> Vec<usize> {
    if pending.is_empty() {
        return Vec::new();
    }
    let by_name = names(rows);
    let mut held = vec![Vec::new(); words.len()];
    let short: Vec<usize> = (0..words.len())
        .filter(|w| pending.iter().any(|(_, ws)| ws.contains(w)))
        .collect();
    for &w in &short {
        held[w] = vec![false; rows.len()];
    }
    let asked: Vec<&str> = short.iter().map(|&w| words[w]).collect();
    let within: Vec<&str> = within.iter().map(|&w| words[w]).collect();
    let mark = |k: usize, name: &str| {
        if let Some(&i) = by_name.get(name) {
            held[short[k]][i] = true;
        }
    };
    let answered = if within.is_empty() {
        index.word_hits(&asked, mark)
    } else {
        index.word_hits_within(&asked, &within, mark)
    };
    if answered.is_err() {
        return Vec::new();
    }
    pending
        .into_iter()
        .filter(|(i, ws)| ws.iter().all(|&w| held[w][*i]))
        .map(|(i, _)| i)
        .collect()
}

/// Each row whose text is in the index, by the name of its file there.
fn names(rows: &[ReviewRow]) -> HashMap<Cow<'_, str>, usize> {
    rows.iter()
        .enumerate()
        .filter(|(_, r)| r.text_in_index())
        .map(|(i, r)| (r.file_name(), i))
        .collect()
}

/// The columns' texts as the filter matches them, folded once per text rather than once per
/// row: a group's name, trade, region and advisor are shared by its rows (by address), a
/// date by every row of its day. What a filter of 100,000 rows would otherwise make 100,000
/// strings for.
#[derive(Default)]
pub(super) struct Folds {
    texts: HashMap<(*const u8, usize), String>,
    dates: HashMap<NaiveDate, String>,
    number: String,
}

impl Folds {
    fn text(&mut self, text: &str) -> &str {
        self.texts
            .entry((text.as_ptr(), text.len()))
            .or_insert_with(|| crate::trades::fold(text))
    }

    /// The date as shown and in ISO 8601, so that "2026-11" finds November's sessions.
    fn date(&mut self, date: NaiveDate) -> &str {
        self.dates
            .entry(date)
            .or_insert_with(|| format!("{}\n{}", crate::dates::show(date), date.format("%Y-%m-%d")))
    }
}

impl ReviewRow {
    /// Whether `word` is in one of the columns as shown (group, trade, region, advisor,
    /// date, number, state; a record's row: its kind and summary in place of the last two).
    pub(super) fn columns_hold(&self, word: &str, folds: &mut Folds) -> bool {
        let shared = [&self.group, &self.trade, &self.region, &self.advisor];
        if shared.iter().any(|t| folds.text(t).contains(word))
            || folds.date(self.date).contains(word)
        {
            return true;
        }
        match &self.record {
            Some(r) => crate::trades::fold(&r.shown).contains(word),
            None => {
                folds.number.clear();
                let _ = write!(folds.number, "{}", self.number);
                folds.number.contains(word) || folds.text(self.state_label).contains(word)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::model::Id;
    use crate::store::{self, Store};
    use crate::ui::Home;
    use chrono::{TimeZone, Utc};

    /// Three sessions of the bakers, one with a card holding the letters « wq », listed
    /// through the folder's index; its rows, and the folder (the index goes with it).
    fn rows() -> (tempfile::TempDir, Vec<ReviewRow>) {
        let dir = tempfile::tempdir().unwrap();
        let now = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap();
        for n in 1..=3 {
            let mut s = crate::sample::bakers_session(now, n);
            s.id = Id(format!("sess-{n}"));
            if n == 2 {
                s.needs.cards[0].text = "Four à bois wq, Aïn Sebaâ".into();
            }
            store::save(&dir.path().join(format!("s{n}.ron")), &s).unwrap();
        }
        let listing = Store::new(dir.path()).list();
        let home = Home::from_listing(listing, Lang::Fr);
        let rows = home.rows.to_vec();
        assert!(
            rows.iter().all(|r| r.search.is_none()),
            "texts in the index"
        );
        (dir, rows)
    }

    fn ids(rows: &[ReviewRow], found: Vec<usize>) -> Vec<&str> {
        let mut v: Vec<&str> = found.into_iter().map(|i| rows[i].id.as_str()).collect();
        v.sort_unstable();
        v
    }

    #[test]
    fn short_words_are_found_in_the_texts_the_index_keeps_read_one_by_one_or_all_at_once() {
        let (dir, rows) = rows();
        for one_by_one in [usize::MAX, 0] {
            let found = |words: &[&str]| {
                ids(
                    &rows,
                    matching_reading(&rows, words, Shown::All, one_by_one),
                )
            };
            // In no row's columns, in one session's card.
            assert_eq!(found(&["wq"]), vec!["sess-2"]);
            // A long word of the same card, and a short one of the rows' columns.
            assert_eq!(found(&["sebaa", "e"]), vec!["sess-2"]);
            // Short words in every row's columns: no text is read.
            assert_eq!(found(&["e"]), vec!["sess-1", "sess-2", "sess-3"]);
            assert_eq!(found(&["wq", "zz"]), Vec::<&str>::new());
            // A short word beside a long one: looked for among the texts holding the long
            // one (many rows), or one by one (few).
            assert_eq!(found(&["sebaa", "wq"]), vec!["sess-2"]);
            assert_eq!(found(&["wq", "bois"]), vec!["sess-2"]);
            assert_eq!(found(&["sebaa", "zz"]), Vec::<&str>::new());
            // A long word in every row's columns (the date) but in no text: those rows'
            // texts are read for the short word all the same.
            assert_eq!(found(&["2026-11", "wq"]), vec!["sess-2"]);
        }
        crate::store::index::Index::delete(dir.path());
    }
}
