//! The rows of `--by`: what each session (or record) is counted under, one key per `--by`
//! given, and the order the rows come in.

use super::fx::FxMap;
use super::packed::{Packed, Place, Session};
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

/// A row while counting: a number per `--by` ([`Keys::code`]), equal exactly when the
/// rows' keys are, made a [`RowKey`] once per row at the end ([`Keys::key`]). Rows keyed by
/// their labels cloned session by session, and compared as strings, were most of a count
/// by group at 100,000 sessions.
pub(super) type Code = Vec<u32>;

/// Months are numbered from far enough back that any date's is positive.
const YEAR_ZERO: i32 = 400_000;

/// Each trade typed is classified once.
#[derive(Default)]
pub(super) struct Keys {
    /// By the trade's label number: the trade's place in `trades`.
    trade_codes: FxMap<u32, u32>,
    trades: Vec<&'static str>,
}

impl Keys {
    /// The row of a session or of a record dated `date` whose group's session nearest is
    /// `s`: the group's facts at `s`, the month of `date`.
    pub fn code(&mut self, by: &[By], p: &Packed, s: &Session, date: chrono::NaiveDate) -> Code {
        by.iter().map(|b| self.part(*b, p, s, date)).collect()
    }

    fn part(&mut self, by: By, p: &Packed, s: &Session, date: chrono::NaiveDate) -> u32 {
        match by {
            By::Trade => {
                let trades = &mut self.trades;
                *self.trade_codes.entry(s.trade).or_insert_with(|| {
                    let id = trades::classify(p.label(s.trade));
                    let at = trades.iter().position(|t| *t == id).unwrap_or_else(|| {
                        trades.push(id);
                        trades.len() - 1
                    });
                    at as u32
                })
            }
            By::Region => match p.place(s) {
                Place::Unset => 0,
                Place::Other(_) => 1,
                Place::Named(k) => 2 + k as u32,
            },
            By::Advisor => s.advisor,
            By::Host => s.host,
            By::Group => s.group,
            By::Month => ((date.year() + YEAR_ZERO) * 12) as u32 + date.month0(),
        }
    }

    /// The key of the row numbered `code`.
    pub fn key(&self, by: &[By], p: &Packed, code: &[u32]) -> RowKey {
        by.iter()
            .zip(code)
            .map(|(b, &c)| match b {
                By::Trade => Bucket::Trade(self.trades[c as usize].to_string()),
                By::Region => match c {
                    0 => Bucket::RegionUnset,
                    1 => Bucket::RegionOther,
                    n => Bucket::Region(Region::NAMED[n as usize - 2].clone()),
                },
                By::Advisor => Bucket::Advisor(p.label(c).to_string()),
                By::Host => Bucket::Host(p.label(c).to_string()),
                By::Group => Bucket::Group(Id(p.groups.get(c).to_string())),
                By::Month => Bucket::Month((c / 12) as i32 - YEAR_ZERO, c % 12 + 1),
            })
            .collect()
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
/// position; keys still alike by their text. `sessions` gives a row's session count.
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
        // Keys alike by these rules ("Karima" and "karima") in their own order: the rows
        // come in any order.
        a.cmp(b)
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::read::Facts;

    /// A row's key as the rule says it: what `Keys::code` then `Keys::key` must give.
    fn by_the_rule(by: By, f: &Facts) -> Bucket {
        match by {
            By::Trade => Bucket::Trade(trades::classify(&f.trade).to_string()),
            By::Region => match &f.region {
                Region::Other(_) => Bucket::RegionOther,
                Region::Unset => Bucket::RegionUnset,
                named => Bucket::Region(named.clone()),
            },
            By::Advisor => Bucket::Advisor(f.advisor.clone()),
            By::Host => Bucket::Host(f.host.clone()),
            By::Group => Bucket::Group(f.group.clone()),
            By::Month => Bucket::Month(f.date.year(), f.date.month()),
        }
    }

    #[test]
    fn a_rows_number_is_its_key_and_equal_numbers_are_equal_keys() {
        let base = Facts::of(&crate::sample::shipped()[0]);
        let mut all = Vec::new();
        let trades = [
            "Boulangerie",
            "boulangerie ",
            "Couture",
            "menuiserie",
            "autre chose",
        ];
        let regions = [
            Region::Unset,
            Region::Other("Ailleurs".into()),
            Region::Other("Loin".into()),
            Region::NAMED[0].clone(),
            Region::NAMED[11].clone(),
        ];
        let advisors = ["Karima", "karima", "", "Samira"];
        let days = [
            (2026, 1, 5),
            (2026, 1, 30),
            (2025, 12, 1),
            (-40, 3, 1),
            (9000, 12, 31),
        ];
        for k in 0..25 {
            let mut f = base.clone();
            f.trade = trades[k % 5].into();
            f.region = regions[(k / 5) % 5].clone();
            f.advisor = advisors[k % 4].into();
            f.host = advisors[(k + 1) % 4].into();
            f.group = crate::model::Id(format!("g{}", k % 3));
            let (y, m, d) = days[(k * 3) % 5];
            f.date = chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
            all.push(f);
        }
        let p = Packed::of(&all);
        let mut keys = Keys::default();
        let every = [
            By::Trade,
            By::Region,
            By::Advisor,
            By::Host,
            By::Group,
            By::Month,
        ];
        for by in every {
            let codes: Vec<Code> = (0..all.len())
                .map(|i| keys.code(&[by], &p, &p.sessions[i], all[i].date))
                .collect();
            for (i, a) in all.iter().enumerate() {
                assert_eq!(
                    keys.key(&[by], &p, &codes[i]),
                    vec![by_the_rule(by, a)],
                    "{by:?} {i}"
                );
                for (j, b) in all.iter().enumerate() {
                    assert_eq!(
                        codes[i] == codes[j],
                        by_the_rule(by, a) == by_the_rule(by, b),
                        "{by:?} {i} {j}"
                    );
                }
            }
        }
    }

    #[test]
    fn rows_alike_by_the_rules_come_in_one_order_whatever_order_they_came_in() {
        let row = |a: &str| (vec![Bucket::Advisor(a.into())], 1usize);
        let mut one = vec![row("karima"), row("Karima"), row("Samira")];
        let mut other = vec![row("Karima"), row("Samira"), row("karima")];
        sort_rows(&mut one, |n| *n);
        sort_rows(&mut other, |n| *n);
        assert_eq!(one, other);
        assert_eq!(one[0].0, vec![Bucket::Advisor("Karima".into())]);
    }
}
