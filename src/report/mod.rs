//! The programme report (`atelier report`): what a folder gathered from many advisors says
//! in numbers. Sessions held, attendance, active members, the most frequent needs and the
//! actions planned versus done, overall and by trade or region. Aggregates only: no person's
//! name, phone or note is ever read into it (see [`Facts`]).
//!
//! Reading streams: each file is loaded, reduced to its [`Facts`] and dropped
//! ([`read_dir`]), or its facts come from the folder's report cache when the file has not
//! changed since (in the OS cache folder, [`cache_path`]); [`aggregate`] is pure and works on facts, so tests can
//! feed it sessions.
//!
//! The rules, as the method's "Across sessions" part states them:
//! - **attendance rate**: members present over members expected (every member in the
//!   session's attendance list); excused and absent are counted apart.
//! - **active member**: present at two thirds (or more) of the group's sessions of the six
//!   months up to the group's latest session in the period, counting only sessions since the
//!   member joined; members who left are not counted.
//! - **actions**: those decided in a session of the period. One is done when its latest
//!   review (at a session up to the end of the period) says Done, dropped when it says
//!   Dropped, open otherwise (in progress, blocked or never reviewed).
//! - **needs**: the themes of the need phase, counted by need category and by title
//!   (lowercase, accents folded, spaces trimmed: "Accès au crédit" and "acces au  credit"
//!   are one).
//!
//! A session found twice (a folder copied twice) is counted once, the copy saved last.

mod cache;
mod read;
mod render;
mod rows;

pub use cache::{Folder, cache_path, read_dir, read_folder};
pub use read::{Facts, facts_of_bytes, read_files};
pub use render::{to_csv, to_markdown};
pub use rows::{Bucket, By, RowKey};

use crate::model::{ActionStatus, Attendance, Id};
use crate::trades;
use chrono::{Datelike, Months, NaiveDate};
use std::collections::{BTreeMap, BTreeSet, HashMap};

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Options {
    /// Sessions dated from this day on, both ends included.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// None, one or two groupings (`--by`); with two, the rows are the pairs.
    pub by: Vec<By>,
}

/// How many theme titles the report lists.
pub const TOP_THEMES: usize = 10;
/// How many need categories a row of the by-trade or by-region table names.
pub const TOP_PER_BUCKET: usize = 3;

/// The figures of a set of sessions: the whole period, or one trade or region.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Figures {
    pub sessions: usize,
    pub closed: usize,
    pub groups: usize,
    pub present: usize,
    pub excused: usize,
    pub absent: usize,
    /// Members of the groups at their latest session in the period, and the active ones.
    pub members: usize,
    pub active: usize,
    pub planned: usize,
    pub done: usize,
    pub dropped: usize,
    /// Need categories, most frequent first.
    pub categories: Vec<NeedCount>,
}

impl Figures {
    /// Members expected at the sessions: present, excused and absent.
    pub fn expected(&self) -> usize {
        self.present + self.excused + self.absent
    }

    /// Actions neither done nor dropped.
    pub fn open(&self) -> usize {
        self.planned - self.done - self.dropped
    }
}

/// A need category (`None`: themes filed under none) or a theme title, and how often it came.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NeedCount {
    pub key: Option<String>,
    /// Themes filed under it.
    pub themes: usize,
    /// Distinct groups that raised it.
    pub groups: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemeCount {
    /// The spelling used most often (the first in alphabetical order on a tie).
    pub title: String,
    pub themes: usize,
    pub groups: usize,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    pub options: Options,
    /// The first and last session dates in the period.
    pub first: Option<NaiveDate>,
    pub last: Option<NaiveDate>,
    pub files: usize,
    pub unreadable: usize,
    pub total: Figures,
    /// Sessions per month, as (year, month), in order.
    pub months: Vec<((i32, u32), usize)>,
    pub themes: Vec<ThemeCount>,
    /// The rows of `--by`, in order (see `rows::sort_rows`).
    pub buckets: Vec<(RowKey, Figures)>,
    /// The label of each group of a `--by group` row: its name at its latest session in
    /// the period (phones masked).
    pub group_names: BTreeMap<Id, String>,
}

/// The report of the sessions read from a folder. `files` and `unreadable` are only
/// carried to the output.
pub fn aggregate(facts: Vec<Facts>, files: usize, unreadable: usize, opts: Options) -> Report {
    count(&dedup(facts), files, unreadable, opts)
}

fn count<'a>(facts: &'a [Facts], files: usize, unreadable: usize, opts: Options) -> Report {
    let in_period =
        |f: &Facts| opts.from.is_none_or(|d| f.date >= d) && opts.to.is_none_or(|d| f.date <= d);
    let mut keys = rows::Keys::default();

    // The latest review of every action, from sessions up to the end of the period.
    let mut status: HashMap<&Id, ((NaiveDate, u32), ActionStatus)> = HashMap::new();
    for f in facts.iter().filter(|f| opts.to.is_none_or(|d| f.date <= d)) {
        for (action, st) in &f.reviews {
            let Some(st) = st else { continue };
            let at = (f.date, f.number);
            status
                .entry(action)
                .and_modify(|e| {
                    if at >= e.0 {
                        *e = (at, *st);
                    }
                })
                .or_insert((at, *st));
        }
    }

    let mut total = Acc::default();
    let mut buckets: BTreeMap<RowKey, Acc> = BTreeMap::new();
    // Each group's latest session in the period within each row.
    let mut latest_in_row: BTreeMap<(&Id, RowKey), &Facts> = BTreeMap::new();
    let mut months: BTreeMap<(i32, u32), usize> = BTreeMap::new();
    let mut titles: HashMap<String, Title> = HashMap::new();
    let mut first: Option<NaiveDate> = None;
    let mut last: Option<NaiveDate> = None;
    // Every group's sessions (of any date: the window of active members may start before
    // the period), and its latest session in the period.
    let mut by_group: HashMap<&Id, Vec<&Facts>> = HashMap::new();
    let mut latest: HashMap<&Id, &Facts> = HashMap::new();

    for f in facts {
        by_group.entry(&f.group).or_default().push(f);
        if !in_period(f) {
            continue;
        }
        latest
            .entry(&f.group)
            .and_modify(|l| {
                if (f.date, f.number) > (l.date, l.number) {
                    *l = f;
                }
            })
            .or_insert(f);
        first = Some(first.map_or(f.date, |d| d.min(f.date)));
        last = Some(last.map_or(f.date, |d| d.max(f.date)));
        *months.entry((f.date.year(), f.date.month())).or_default() += 1;
        for (title, _) in &f.themes {
            let key = trades::normalize(title);
            if key.is_empty() {
                continue;
            }
            let t = titles.entry(key).or_default();
            t.themes += 1;
            t.groups.insert(&f.group);
            *t.spellings.entry(title.trim()).or_default() += 1;
        }
        total.session(f, &status);
        if !opts.by.is_empty() {
            let row = keys.row(&opts.by, f, f.date);
            buckets.entry(row.clone()).or_default().session(f, &status);
            later(latest_in_row.entry((&f.group, row)).or_insert(f), f);
        }
    }

    for (group, l) in &latest {
        let (members, active) = active_members(l, &by_group[group]);
        total.members += members;
        total.active += active;
    }
    for ((group, row), l) in &latest_in_row {
        let (members, active) = active_members(l, &by_group[group]);
        let acc = buckets.entry(row.clone()).or_default();
        acc.members += members;
        acc.active += active;
    }
    let group_names = latest_in_row
        .keys()
        .filter(|_| opts.by.contains(&By::Group))
        .map(|(g, _)| (Id::clone(g), latest[g].group_name.clone()))
        .collect();

    let mut themes: Vec<ThemeCount> = titles
        .into_values()
        .map(|t| ThemeCount {
            title: t
                .spellings
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map(|(s, _)| s.to_string())
                .unwrap_or_default(),
            themes: t.themes,
            groups: t.groups.len(),
        })
        .collect();
    themes.sort_by(|a, b| {
        (b.themes, b.groups)
            .cmp(&(a.themes, a.groups))
            .then_with(|| trades::normalize(&a.title).cmp(&trades::normalize(&b.title)))
    });
    themes.truncate(TOP_THEMES);

    let mut buckets: Vec<(RowKey, Figures)> =
        buckets.into_iter().map(|(b, a)| (b, a.figures())).collect();
    rows::sort_rows(&mut buckets, |f| f.sessions);

    Report {
        options: opts,
        first,
        last,
        files,
        unreadable,
        total: total.figures(),
        months: months.into_iter().collect(),
        themes,
        buckets,
        group_names,
    }
}

/// Keeps in `slot` the later of two sessions.
fn later<'a>(slot: &mut &'a Facts, f: &'a Facts) {
    if (f.date, f.number) > (slot.date, slot.number) {
        *slot = f;
    }
}

/// One copy per session id: the one saved last (the first in file order on a tie).
fn dedup(facts: Vec<Facts>) -> Vec<Facts> {
    let mut keep: HashMap<Id, usize> = HashMap::new();
    for (i, f) in facts.iter().enumerate() {
        match keep.get(&f.id) {
            Some(&k) if facts[k].saved >= f.saved => {}
            _ => {
                keep.insert(f.id.clone(), i);
            }
        }
    }
    let mut chosen: Vec<usize> = keep.into_values().collect();
    chosen.sort_unstable();
    let mut facts: Vec<Option<Facts>> = facts.into_iter().map(Some).collect();
    chosen.into_iter().filter_map(|i| facts[i].take()).collect()
}

/// Members of the group at `latest` (who had not left), and how many of them are active:
/// present at two thirds of the group's sessions of the six months up to `latest`, among
/// the sessions since they joined.
fn active_members(latest: &Facts, sessions: &[&Facts]) -> (usize, usize) {
    let start = latest
        .date
        .checked_sub_months(Months::new(6))
        .unwrap_or(NaiveDate::MIN);
    let window: Vec<&&Facts> = sessions
        .iter()
        .filter(|s| s.date >= start && (s.date, s.number) <= (latest.date, latest.number))
        .collect();
    let mut active = 0;
    for (member, joined) in &latest.members {
        let mut held = 0;
        let mut present = 0;
        for s in window.iter().filter(|s| joined.is_none_or(|j| s.date >= j)) {
            held += 1;
            if s.attendance
                .iter()
                .any(|(m, a)| m == member && *a == Attendance::Present)
            {
                present += 1;
            }
        }
        if held > 0 && present * 3 >= held * 2 {
            active += 1;
        }
    }
    (latest.members.len(), active)
}

#[derive(Default)]
struct Title<'a> {
    themes: usize,
    groups: BTreeSet<&'a Id>,
    spellings: BTreeMap<&'a str, usize>,
}

/// Figures being counted.
#[derive(Default)]
struct Acc<'a> {
    sessions: usize,
    closed: usize,
    groups: BTreeSet<&'a Id>,
    present: usize,
    excused: usize,
    absent: usize,
    members: usize,
    active: usize,
    planned: usize,
    done: usize,
    dropped: usize,
    categories: BTreeMap<Option<&'a str>, (usize, BTreeSet<&'a Id>)>,
}

impl<'a> Acc<'a> {
    fn session(&mut self, f: &'a Facts, status: &HashMap<&Id, ((NaiveDate, u32), ActionStatus)>) {
        self.sessions += 1;
        self.closed += usize::from(f.closed);
        self.groups.insert(&f.group);
        for (_, a) in &f.attendance {
            match a {
                Attendance::Present => self.present += 1,
                Attendance::Excused => self.excused += 1,
                Attendance::Absent => self.absent += 1,
            }
        }
        for (_, category) in &f.themes {
            let c = self
                .categories
                .entry(category.as_deref().filter(|c| !c.is_empty()))
                .or_default();
            c.0 += 1;
            c.1.insert(&f.group);
        }
        for a in &f.actions {
            self.planned += 1;
            match status.get(a).map(|s| s.1) {
                Some(ActionStatus::Done) => self.done += 1,
                Some(ActionStatus::Dropped) => self.dropped += 1,
                _ => {}
            }
        }
    }

    fn figures(self) -> Figures {
        let mut categories: Vec<NeedCount> = self
            .categories
            .into_iter()
            .map(|(k, (themes, groups))| NeedCount {
                key: k.map(str::to_string),
                themes,
                groups: groups.len(),
            })
            .collect();
        // Most themes, then most groups; named categories before "none"; then by id.
        categories.sort_by(|a, b| {
            (b.themes, b.groups, a.key.is_none(), &a.key).cmp(&(
                a.themes,
                a.groups,
                b.key.is_none(),
                &b.key,
            ))
        });
        Figures {
            sessions: self.sessions,
            closed: self.closed,
            groups: self.groups.len(),
            present: self.present,
            excused: self.excused,
            absent: self.absent,
            members: self.members,
            active: self.active,
            planned: self.planned,
            done: self.done,
            dropped: self.dropped,
            categories,
        }
    }
}
