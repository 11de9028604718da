//! The rows of `--by`: what each session (or record) is counted under, one key per `--by`
//! given, and the order the rows come in.

use super::fx::FxMap;
use super::packed::{Packed, Session};
use crate::model::{Id, Region};
use crate::trades;
use chrono::Datelike;
use std::cmp::Ordering;
use std::collections::BTreeMap;

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
pub(super) struct Keys {
    /// By the trade's label number.
    trade_ids: FxMap<u32, &'static str>,
}

impl Keys {
    /// The row of a session or of a record dated `date` whose group's session nearest is
    /// `s`: the group's facts at `s`, the month of `date`.
    pub fn row(&mut self, by: &[By], p: &Packed, s: &Session, date: chrono::NaiveDate) -> RowKey {
        by.iter().map(|b| self.key(*b, p, s, date)).collect()
    }

    fn key(&mut self, by: By, p: &Packed, s: &Session, date: chrono::NaiveDate) -> Bucket {
        match by {
            By::Trade => {
                let id = *self
                    .trade_ids
                    .entry(s.trade)
                    .or_insert_with(|| trades::classify(p.label(s.trade)));
                Bucket::Trade(id.to_string())
            }
            By::Region => match &s.region {
                Region::Other(_) => Bucket::RegionOther,
                Region::Unset => Bucket::RegionUnset,
                named => Bucket::Region(named.clone()),
            },
            By::Advisor => Bucket::Advisor(p.label(s.advisor).to_string()),
            By::Host => Bucket::Host(p.label(s.host).to_string()),
            By::Group => Bucket::Group(Id(p.groups.get(s.group).to_string())),
            By::Month => Bucket::Month(date.year(), date.month()),
        }
    }
}

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
