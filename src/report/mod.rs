//! The programme report (`atelier report`): what a folder gathered from many advisors says
//! in numbers. Groups, members, meetings, attendance, actions, needs, joint projects,
//! activities, coaching visits and diagnoses, overall and by advisor, host, trade, region,
//! group or month (one or two of them). Aggregates only: no member's name, phone or note is
//! ever read into it (see [`Facts`], [`RecordFacts`]); the README defines every figure.
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

mod active;
mod cache;
mod charts;
mod days;
mod figures;
mod fx;
mod intern;
mod kept;
mod light;
mod lines;
mod packed;
mod plot;
mod read;
mod records;
mod render;
mod render_csv;
mod render_html;
mod rows;

pub use cache::{Folder, cache_path, read_dir, read_folder, read_folder_to_count};
pub use days::DoneDays;
pub use figures::{Figures, KINDS, LEAVINGS, NeedCount, SIZE_BANDS, SMALL_MEETING};
pub use kept::{Kept, category_label, row_label};
pub use light::{facts_of_bytes, read_files};
pub use lines::definitions_table;
pub use read::{ActionFacts, Facts, Leaving, MemberFacts};
pub use records::{Diagnosed, RecordFacts, RecordWhat};
pub use render::to_markdown;
pub use render_csv::to_csv;
pub use render_html::to_html;
pub use rows::{Bucket, By, RowKey};

use crate::model::{ActionStatus, Id};
use crate::trades;
use chrono::{Datelike, Months, NaiveDate};
use figures::{Acc, Ctx, Window};
use packed::Packed;
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Options {
    /// Sessions dated from this day on, both ends included.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// None, one or two groupings (`--by`); with two, the rows are the pairs.
    pub by: Vec<By>,
    /// The day actions are overdue against, and the end of an open period for groups that
    /// ended; `None`: the local date.
    pub today: Option<NaiveDate>,
}

/// How many theme titles the report lists.
pub const TOP_THEMES: usize = 10;
/// How many need categories a row of the by-trade or by-region table names.
pub const TOP_PER_BUCKET: usize = 3;

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
    /// The figures of each month of the period with a session or a record, in order: what
    /// the charts draw (attendance, actions planned and done by month), whatever `--by`
    /// says.
    pub by_month: Vec<((i32, u32), Figures)>,
    pub themes: Vec<ThemeCount>,
    /// The rows of `--by`, in order (see `rows::sort_rows`).
    pub buckets: Vec<(RowKey, Figures)>,
    /// The label of each group of a `--by group` row: its name at its latest session in
    /// the period (phones masked).
    pub group_names: BTreeMap<Id, String>,
}

/// The report of the sessions read from a folder, without records. `files` and
/// `unreadable` are only carried to the output.
pub fn aggregate(facts: Vec<Facts>, files: usize, unreadable: usize, opts: Options) -> Report {
    aggregate_all(facts, Vec::new(), files, unreadable, opts)
}

/// The report of a folder as read: its sessions and records.
pub fn aggregate_folder(folder: Folder, opts: Options) -> Report {
    Kept::of(folder).aggregate(opts)
}

/// The report of sessions and records (visits, activities, diagnoses).
pub fn aggregate_all(
    facts: Vec<Facts>,
    records: Vec<RecordFacts>,
    files: usize,
    unreadable: usize,
    opts: Options,
) -> Report {
    let packed = Packed::of(&facts);
    drop(facts);
    let records = dedup(records, |r| (&r.id, r.saved));
    count(&packed, &packed.chosen(), &records, files, unreadable, opts)
}

/// The report of the sessions `chosen` of `p` (one per session id) and of `records`.
fn count(
    p: &Packed,
    chosen: &[usize],
    records: &[RecordFacts],
    files: usize,
    unreadable: usize,
    opts: Options,
) -> Report {
    let period = Window {
        from: opts.from,
        to: opts.to,
    };
    let up_to_end = |d: NaiveDate| opts.to.is_none_or(|t| d <= t);
    let today = opts
        .today
        .unwrap_or_else(|| chrono::Local::now().date_naive());

    // The latest review of every action, and the first that said done, from sessions up to
    // the end of the period.
    let actions = p.action_ids.len();
    let mut status: Vec<Option<ActionStatus>> = vec![None; actions];
    let mut done_on: Vec<Option<NaiveDate>> = vec![None; actions];
    // The session of each action's latest review (by place in `p`): 4 bytes an action
    // where its date and number took 8, and gone once the statuses are known.
    let mut latest: Vec<u32> = vec![u32::MAX; actions];
    for &i in chosen {
        let s = &p.sessions[i];
        if !up_to_end(s.date) {
            continue;
        }
        for (action, st) in p.reviews(i) {
            let Some(st) = st else { continue };
            let a = action as usize;
            let later = match p.sessions.get(latest[a] as usize) {
                Some(was) => (s.date, s.number) >= (was.date, was.number),
                None => true,
            };
            if later {
                latest[a] = i as u32;
                status[a] = Some(st);
            }
            if st == ActionStatus::Done {
                let d = done_on[action as usize].get_or_insert(s.date);
                *d = (*d).min(s.date);
            }
        }
    }
    drop(latest);
    let mut baselines = fx::FxMap::default();
    for r in records.iter().filter(|r| up_to_end(r.date)) {
        if let RecordWhat::Diagnosis {
            member,
            baseline: true,
            answers,
        } = &r.what
        {
            let b = baselines
                .entry((&r.group, member))
                .or_insert((r.date, *answers));
            if r.date < b.0 {
                *b = (r.date, *answers);
            }
        }
    }

    // Every group's sessions (of any date: the window of active members may start before
    // the period), by the group's number.
    let mut by_group: Vec<Vec<usize>> = vec![Vec::new(); p.groups.len()];
    for &i in chosen {
        by_group[p.sessions[i].group as usize].push(i);
    }
    for sessions in &mut by_group {
        sessions.sort_by_key(|&i| (p.sessions[i].date, p.sessions[i].number));
    }
    let in_period: Vec<usize> = chosen
        .iter()
        .copied()
        .filter(|&i| period.holds(p.sessions[i].date))
        .collect();
    let first = in_period.iter().map(|&i| p.sessions[i].date).min();
    let last = in_period.iter().map(|&i| p.sessions[i].date).max();
    let records_in_period = || records.iter().filter(|r| period.holds(r.date));
    let mut ctx = Ctx {
        p,
        status,
        done_on,
        by_group: &by_group,
        // Worked out beside the rest, below.
        active: Vec::new(),
        baselines,
        today,
        end: opts.to.unwrap_or(today),
        first: first.unwrap_or(today),
        last: last.unwrap_or(today),
    };

    // On two cores: the active members and the months on one, the themes, the total and
    // the rows on the other (each half of counting 100,000 sessions).
    let mut keys = rows::Keys::default();
    let mut total = Acc::default();
    let mut rows: fx::FxMap<rows::Code, Acc> = fx::FxMap::default();
    let mut titles: fx::FxMap<Rc<str>, Title> = fx::FxMap::default();
    let (active, months, month_rows) = std::thread::scope(|scope| {
        let ctx = &ctx;
        let months = scope.spawn(|| {
            let active = active::active_members(p, &by_group);
            let mut months: BTreeMap<(i32, u32), usize> = BTreeMap::new();
            let mut month_rows: BTreeMap<(i32, u32), Acc> = BTreeMap::new();
            for &i in &in_period {
                let d = p.sessions[i].date;
                *months.entry((d.year(), d.month())).or_default() += 1;
                month_rows
                    .entry((d.year(), d.month()))
                    .or_default()
                    .session(i, ctx);
            }
            for r in records_in_period() {
                month_rows
                    .entry((r.date.year(), r.date.month()))
                    .or_default()
                    .record(r);
            }
            (active, months, month_rows)
        });
        // Each spelling (by label number) is folded once: the same titles come back session
        // after session.
        let mut folded: Vec<Option<Rc<str>>> = vec![None; p.labels.len()];
        for &i in &in_period {
            let s = &p.sessions[i];
            for (title, _) in p.themes(i) {
                let spelling = p.label(title);
                let key = folded[title as usize]
                    .get_or_insert_with(|| Rc::from(trades::normalize(spelling)));
                if key.is_empty() {
                    continue;
                }
                let t = titles.entry(Rc::clone(key)).or_default();
                t.themes += 1;
                t.groups.insert(s.group);
                *t.spellings.entry(spelling.trim()).or_default() += 1;
            }
            total.session(i, ctx);
            if !opts.by.is_empty() {
                let row = keys.code(&opts.by, p, s, s.date);
                rows.entry(row).or_default().session(i, ctx);
            }
        }
        // A record is counted under its group as its latest session up to the record's day
        // shows it (or its first, for a record older than any); under the whole period only
        // when the folder holds none of its group's sessions.
        for r in records_in_period() {
            total.record(r);
            if opts.by.is_empty() {
                continue;
            }
            let Some(g) = p.groups.find(r.group.as_str()) else {
                continue;
            };
            let sessions = ctx.by_group[g as usize].iter().map(|&i| &p.sessions[i]);
            let at = sessions
                .clone()
                .rev()
                .find(|s| s.date <= r.date)
                .or(sessions.clone().next());
            if let Some(s) = at {
                rows.entry(keys.code(&opts.by, p, s, r.date))
                    .or_default()
                    .record(r);
            }
        }
        months
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e))
    });
    ctx.active = active;

    let mut group_names = BTreeMap::new();
    if opts.by.contains(&By::Group) {
        let mut latest: fx::FxMap<u32, usize> = fx::FxMap::default();
        for &i in &in_period {
            let s = &p.sessions[i];
            let l = latest.entry(s.group).or_insert(i);
            let was = &p.sessions[*l];
            if (s.date, s.number) > (was.date, was.number) {
                *l = i;
            }
        }
        for (g, i) in latest {
            let name = p.label(p.sessions[i].group_name).to_string();
            group_names.insert(Id(p.groups.get(g).to_string()), name);
        }
    }

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

    let total = total.figures(&ctx, period);
    let by_month = opts.by.iter().position(|b| *b == By::Month);
    let mut buckets: Vec<(RowKey, Figures)> = rows
        .into_iter()
        .map(|(code, acc)| {
            let key = keys.key(&opts.by, p, &code);
            let window = match by_month.map(|i| &key[i]) {
                Some(Bucket::Month(y, m)) => month_window(period, *y, *m),
                _ => period,
            };
            (key, acc.figures(&ctx, window))
        })
        .collect();
    rows::sort_rows(&mut buckets, |f| f.sessions);
    let by_month = month_rows
        .into_iter()
        .map(|((y, m), acc)| ((y, m), acc.figures(&ctx, month_window(period, y, m))))
        .collect();

    Report {
        options: opts,
        first,
        last,
        files,
        unreadable,
        total,
        months: months.into_iter().collect(),
        by_month,
        themes,
        buckets,
        group_names,
    }
}

/// The days of a month within the period.
fn month_window(period: Window, y: i32, m: u32) -> Window {
    let start = NaiveDate::from_ymd_opt(y, m, 1);
    let end = start
        .and_then(|s| s.checked_add_months(Months::new(1)))
        .and_then(|n| n.pred_opt());
    Window {
        from: start.max(period.from),
        to: match (end, period.to) {
            (Some(e), Some(t)) => Some(e.min(t)),
            (e, t) => e.or(t),
        },
    }
}

/// One copy per id: the one saved last (the first in file order on a tie).
fn dedup<T>(facts: Vec<T>, id: impl Fn(&T) -> (&Id, crate::model::Timestamp)) -> Vec<T> {
    let mut keep: HashMap<Id, usize> = HashMap::new();
    for (i, f) in facts.iter().enumerate() {
        let (fid, saved) = id(f);
        match keep.get(fid) {
            Some(&k) if id(&facts[k]).1 >= saved => {}
            _ => {
                keep.insert(fid.clone(), i);
            }
        }
    }
    let mut chosen: Vec<usize> = keep.into_values().collect();
    chosen.sort_unstable();
    let mut facts: Vec<Option<T>> = facts.into_iter().map(Some).collect();
    chosen.into_iter().filter_map(|i| facts[i].take()).collect()
}

#[derive(Default)]
struct Title<'a> {
    themes: usize,
    /// By group number.
    groups: fx::FxSet<u32>,
    spellings: BTreeMap<&'a str, usize>,
}
