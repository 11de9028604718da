//! The rows of `--by`: what each session (or record) is counted under, one key per `--by`
//! given, and the order the rows come in.

use super::read::Facts;
use crate::model::{Id, Region};
use crate::trades;
use chrono::Datelike;
use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap};

/// How sessions are grouped beside the overall figures. One or two are given; with two, the
/// rows are the pairs (`--by region --by month`: each region's months).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum By {
    Advisor,
    Host,
    Trade,
    Region,
    Group,
    Month,
}

/// What a row is about, for one `--by`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Bucket {
    /// A trade id of `assets/trades.ron`.
    Trade(String),
    /// One of the twelve regions.
    Region(Region),
    /// A region typed by the advisor, all counted together.
    RegionOther,
    RegionUnset,
    /// The advisor as typed (trimmed, phones masked); empty when not given.
    Advisor(String),
    /// The host as typed (trimmed, phones masked); empty when not given.
    Host(String),
    /// A group, by id (its label is its latest name, see `Report::group_names`).
    Group(Id),
    /// A calendar month (year, month).
    Month(i32, u32),
}

/// A row: one key per `--by`, in the order given.
pub type RowKey = Vec<Bucket>;

/// Each trade typed is classified once.
#[derive(Default)]
pub(super) struct Keys<'a> {
    trade_ids: HashMap<&'a str, &'static str>,
}

impl<'a> Keys<'a> {
    /// The row of a session or of a record dated `date` whose group's session nearest is
    /// `f`: the group's facts at `f`, the month of `date`.
    pub fn row(&mut self, by: &[By], f: &'a Facts, date: chrono::NaiveDate) -> RowKey {
        by.iter().map(|b| self.key(*b, f, date)).collect()
    }

    fn key(&mut self, by: By, f: &'a Facts, date: chrono::NaiveDate) -> Bucket {
        match by {
            By::Trade => {
                let id = *self
                    .trade_ids
                    .entry(f.trade.as_str())
                    .or_insert_with(|| trades::classify(&f.trade));
                Bucket::Trade(id.to_string())
            }
            By::Region => match &f.region {
                Region::Other(_) => Bucket::RegionOther,
                Region::Unset => Bucket::RegionUnset,
                named => Bucket::Region(named.clone()),
            },
            By::Advisor => Bucket::Advisor(f.advisor.clone()),
            By::Host => Bucket::Host(f.host.clone()),
            By::Group => Bucket::Group(f.group.clone()),
            By::Month => Bucket::Month(date.year(), date.month()),
        }
    }
}

/// Where a bucket comes in the trades list or among the regions, for ties.
fn order(b: &Bucket) -> (usize, String) {
    match b {
        Bucket::Trade(id) => (
            trades::all()
                .iter()
                .position(|t| &t.id == id)
                .unwrap_or(usize::MAX),
            id.clone(),
        ),
        Bucket::Region(r) => (
            Region::NAMED.iter().position(|n| n == r).unwrap_or(0),
            String::new(),
        ),
        Bucket::RegionOther => (100, String::new()),
        Bucket::RegionUnset => (101, String::new()),
        // Not given last.
        Bucket::Advisor(s) | Bucket::Host(s) => (usize::from(s.is_empty()), trades::normalize(s)),
        Bucket::Group(id) => (0, id.to_string()),
        Bucket::Month(y, m) => (0, format!("{y:04}-{m:02}")),
    }
}

/// Sorts rows: months in order; any other key by the sessions counted under it (most
/// first), then in the order of the list (trades, regions) or alphabetically; position by
/// position. `sessions` gives a row's session count.
pub(super) fn sort_rows<T>(rows: &mut [(RowKey, T)], sessions: impl Fn(&T) -> usize) {
    let mut weight: BTreeMap<(usize, Bucket), usize> = BTreeMap::new();
    for (key, v) in rows.iter() {
        for (i, b) in key.iter().enumerate() {
            *weight.entry((i, b.clone())).or_default() += sessions(v);
        }
    }
    let w = |i: usize, b: &Bucket| weight.get(&(i, b.clone())).copied().unwrap_or(0);
    rows.sort_by(|(a, _), (b, _)| {
        for (i, (x, y)) in a.iter().zip(b).enumerate() {
            let o = match (x, y) {
                (Bucket::Month(..), Bucket::Month(..)) => x.cmp(y),
                _ => w(i, y).cmp(&w(i, x)).then_with(|| order(x).cmp(&order(y))),
            };
            if o != Ordering::Equal {
                return o;
            }
        }
        Ordering::Equal
    });
}
