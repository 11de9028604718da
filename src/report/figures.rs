//! The figures of one row (or of the whole period): counted session by session and record by
//! record in an [`Acc`], then finished with the group-level figures (members, size, projects)
//! taken at each group's latest session in the row.

use super::days::DoneDays;
use super::fx::{FxMap, FxSet};
use super::packed::Packed;
use super::read::Leaving;
use super::records::{Diagnosed, RecordFacts, RecordWhat};
use crate::model::life::{Gender, ProjectStatus};
use crate::model::{ActionStatus, Attendance, Id, IdeaKind, LegalStatus};
use chrono::{Datelike, Months, NaiveDate};
use std::collections::{BTreeMap, BTreeSet};
use strum::VariantArray;

/// A meeting with fewer members present than this is counted as small.
pub const SMALL_MEETING: usize = 8;
/// Group size bands: under 8, 8 to 12, 13 to 20, over 20 members.
pub const SIZE_BANDS: [usize; 3] = [8, 13, 21];
/// The types of ideas an action may come from, in the report's order; `None` last.
pub const KINDS: [Option<IdeaKind>; 5] = [
    Some(IdeaKind::Individual),
    Some(IdeaKind::Collective),
    Some(IdeaKind::ServiceRequest),
    Some(IdeaKind::Lobbying),
    None,
];
/// Why members left, in the report's order; `None` (not said) last.
pub const LEAVINGS: [Option<Leaving>; 5] = [
    Some(Leaving::Moved),
    Some(Leaving::Stopped),
    Some(Leaving::Excluded),
    Some(Leaving::Other),
    None,
];

/// The figures of a set of sessions: the whole period, or one row of `--by`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Figures {
    pub sessions: usize,
    pub closed: usize,
    pub groups: usize,
    pub present: usize,
    pub excused: usize,
    pub absent: usize,
    /// Members of the groups at their latest session in the row, and the active ones.
    pub members: usize,
    pub active: usize,
    pub planned: usize,
    pub done: usize,
    pub dropped: usize,
    /// Need categories, most frequent first.
    pub categories: Vec<NeedCount>,

    /// Groups whose first session in the folder is in the row's period.
    pub groups_started: usize,
    /// Groups of the row with no session in the six months up to the end of the period.
    pub groups_ended: usize,
    /// Groups by members at their latest session in the row: <8, 8–12, 13–20, >20.
    pub size_bands: [usize; 4],
    /// Members (at the latest sessions) who joined in the row's period.
    pub joined: usize,
    /// Members (at the latest sessions) who left in the row's period, by [`LEAVINGS`].
    pub left: [usize; 5],
    /// Of `members`, the women.
    pub women: usize,
    /// Of `members`, by legal status (`LegalStatus::VARIANTS`, then not given).
    pub statuses: Vec<usize>,
    /// The groups of the row times the months of its period.
    pub group_months: usize,
    /// Sessions with fewer than [`SMALL_MEETING`] members present.
    pub small_meetings: usize,
    /// Usefulness scores given by members present: their sum and how many.
    pub usefulness_sum: usize,
    pub usefulness_count: usize,
    /// Open actions (neither done nor dropped) whose due day is before today.
    pub overdue: usize,
    /// Days from the session that decided an action to the one whose review said done.
    pub done_days: DoneDays,
    /// Planned and done, by [`KINDS`].
    pub by_kind: [(usize, usize); 5],
    /// The groups' joint projects at their latest session in the row, by status.
    pub projects: Vec<usize>,
    pub activities: usize,
    /// Members present at those activities, added up.
    pub participants: usize,
    pub visits: usize,
    /// Distinct members visited.
    pub visited: usize,
    /// Members with a baseline diagnosis and a follow-up in the row's period.
    pub diagnosed: usize,
    /// Of those, how many said yes at the baseline and at the follow-up: formalised,
    /// affiliated to social security, bank account, credit obtained.
    pub changes: [(usize, usize); 4],
    /// Their jobs (paid, family helpers, apprentices) at the baseline and at the follow-up.
    pub jobs: (u64, u64),
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

    /// The median of [`Figures::done_days`], `None` when no action was done.
    pub fn median_days(&self) -> Option<f64> {
        self.done_days.median()
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

/// What every row reads besides its own sessions and records. Sessions are named by their
/// place in `p`, groups, members and actions by their numbers there: rows count them
/// without comparing ids.
pub(super) struct Ctx<'a> {
    pub p: &'a Packed,
    /// The latest review of every action (by number), up to the end of the period.
    pub status: Vec<Option<ActionStatus>>,
    /// The first day a review said an action was done, up to the end of the period.
    pub done_on: Vec<Option<NaiveDate>>,
    /// Every group's sessions counted, of any date, in order, by group number.
    pub by_group: &'a [Vec<usize>],
    /// At each session: the group's members and how many are active
    /// ([`super::active::active_members`]).
    pub active: Vec<(u32, u32)>,
    /// Every member's first baseline diagnosis up to the end of the period, by (group, member).
    pub baselines: FxMap<(&'a Id, &'a Id), (NaiveDate, Diagnosed)>,
    /// The day open actions are overdue against.
    pub today: NaiveDate,
    /// The end of the period (or today): a group with no session in the six months up to it
    /// has ended.
    pub end: NaiveDate,
    /// The first and last session dates of the period: its bounds when not given.
    pub first: NaiveDate,
    pub last: NaiveDate,
}

/// The days a row covers: the period, within the row's month if it has one.
#[derive(Debug, Clone, Copy)]
pub(super) struct Window {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl Window {
    pub fn holds(&self, d: NaiveDate) -> bool {
        self.from.is_none_or(|f| d >= f) && self.to.is_none_or(|t| d <= t)
    }

    /// Calendar months from its start to its end (the period's sessions bound it when open).
    fn months(&self, ctx: &Ctx) -> usize {
        let (a, b) = (self.from.unwrap_or(ctx.first), self.to.unwrap_or(ctx.last));
        let m = |d: NaiveDate| d.year() * 12 + d.month0() as i32;
        usize::try_from(m(b) - m(a) + 1).unwrap_or(0)
    }
}

/// Figures being counted.
#[derive(Default)]
pub(super) struct Acc<'a> {
    f: Figures,
    /// Groups by number.
    groups: FxSet<u32>,
    /// Need categories by label number.
    categories: FxMap<Option<u32>, (usize, FxSet<u32>)>,
    /// Each group's latest session in the row: group number → session.
    latest: FxMap<u32, usize>,
    visited: BTreeSet<(&'a Id, &'a Id)>,
    /// Each member's latest follow-up diagnosis in the row.
    followups: BTreeMap<(&'a Id, &'a Id), (NaiveDate, Diagnosed)>,
}

impl<'a> Acc<'a> {
    /// The session `i` of `ctx.p`.
    pub fn session(&mut self, i: usize, ctx: &Ctx<'a>) {
        let p = ctx.p;
        let s = &p.sessions[i];
        let group = s.group;
        let x = &mut self.f;
        x.sessions += 1;
        x.closed += usize::from(s.closed);
        self.groups.insert(group);
        let mut present = 0;
        for (_, a) in p.attendance(i) {
            match a {
                Attendance::Present => present += 1,
                Attendance::Excused => x.excused += 1,
                Attendance::Absent => x.absent += 1,
            }
        }
        x.present += present;
        x.small_meetings += usize::from(present < SMALL_MEETING);
        let scores = p.usefulness(i);
        x.usefulness_sum += scores.iter().map(|n| usize::from(*n)).sum::<usize>();
        x.usefulness_count += scores.len();
        for (_, category) in p.themes(i) {
            let category = category.filter(|c| !p.label(*c).is_empty());
            let c = self.categories.entry(category).or_default();
            c.0 += 1;
            c.1.insert(group);
        }
        for a in p.actions(i) {
            x.planned += 1;
            let kind = KINDS.iter().position(|k| *k == a.kind).unwrap_or(4);
            x.by_kind[kind].0 += 1;
            let id = a.id as usize;
            match ctx.status[id] {
                Some(ActionStatus::Done) => {
                    x.done += 1;
                    x.by_kind[kind].1 += 1;
                    if let Some(d) = ctx.done_on[id] {
                        x.done_days.push((d - s.date).num_days());
                    }
                }
                Some(ActionStatus::Dropped) => x.dropped += 1,
                _ => x.overdue += usize::from(a.due.is_some_and(|d| d < ctx.today)),
            }
        }
        let l = self.latest.entry(group).or_insert(i);
        let was = &p.sessions[*l];
        if (s.date, s.number) > (was.date, was.number) {
            *l = i;
        }
    }

    pub fn record(&mut self, r: &'a RecordFacts) {
        match &r.what {
            RecordWhat::Visit { member } => {
                self.f.visits += 1;
                self.visited.insert((&r.group, member));
            }
            RecordWhat::Activity { present } => {
                self.f.activities += 1;
                self.f.participants += present;
            }
            RecordWhat::Diagnosis {
                member,
                baseline: false,
                answers,
            } => {
                let slot = self
                    .followups
                    .entry((&r.group, member))
                    .or_insert((r.date, *answers));
                if r.date >= slot.0 {
                    *slot = (r.date, *answers);
                }
            }
            RecordWhat::Diagnosis { .. } => {}
        }
    }

    pub fn figures(self, ctx: &Ctx<'a>, window: Window) -> Figures {
        let mut x = self.f;
        x.groups = self.groups.len();
        x.statuses = vec![0; LegalStatus::VARIANTS.len() + 1];
        x.projects = vec![0; ProjectStatus::VARIANTS.len()];
        let ended_before = ctx
            .end
            .checked_sub_months(Months::new(6))
            .unwrap_or(NaiveDate::MIN);
        let p = ctx.p;
        for (&group, &latest) in &self.latest {
            let sessions = ctx.by_group[group as usize].iter().map(|&i| &p.sessions[i]);
            let (members, active) = ctx.active[latest];
            let (members, active) = (members as usize, active as usize);
            x.members += members;
            x.active += active;
            let first = sessions.clone().next();
            x.groups_started += usize::from(first.is_some_and(|s| window.holds(s.date)));
            let last = sessions.rev().find(|s| s.date <= ctx.end);
            x.groups_ended += usize::from(last.is_some_and(|s| s.date < ended_before));
            let band = SIZE_BANDS.iter().take_while(|b| members >= **b).count();
            x.size_bands[band] += 1;
            for m in p.members(latest) {
                x.joined += usize::from(m.joined.is_some_and(|d| window.holds(d)));
                if m.left.is_some_and(|d| window.holds(d)) {
                    let why = LEAVINGS.iter().position(|w| *w == m.reason).unwrap_or(4);
                    x.left[why] += 1;
                }
                if !m.stays() {
                    continue;
                }
                x.women += usize::from(m.gender == Some(Gender::Woman));
                let status = m
                    .status
                    .and_then(|s| LegalStatus::VARIANTS.iter().position(|v| *v == s))
                    .unwrap_or(LegalStatus::VARIANTS.len());
                x.statuses[status] += 1;
            }
            for project in p.projects(latest) {
                let i = ProjectStatus::VARIANTS.iter().position(|v| v == project);
                x.projects[i.unwrap_or(0)] += 1;
            }
        }
        x.group_months = x.groups * window.months(ctx);
        x.visited = self.visited.len();
        for (key, (date, after)) in &self.followups {
            let Some((_, before)) = ctx.baselines.get(key).filter(|b| b.0 < *date) else {
                continue;
            };
            x.diagnosed += 1;
            let pairs = [
                (before.formal, after.formal),
                (before.cnss, after.cnss),
                (before.bank_account, after.bank_account),
                (before.credit_year, after.credit_year),
            ];
            for (i, (b, a)) in pairs.into_iter().enumerate() {
                x.changes[i].0 += usize::from(b == Some(true));
                x.changes[i].1 += usize::from(a == Some(true));
            }
            x.jobs.0 += u64::from(before.jobs.unwrap_or(0));
            x.jobs.1 += u64::from(after.jobs.unwrap_or(0));
        }
        let mut categories: Vec<NeedCount> = self
            .categories
            .into_iter()
            .map(|(k, (themes, groups))| NeedCount {
                key: k.map(|k| p.label(k).to_string()),
                themes,
                groups: groups.len(),
            })
            .collect();
        // Most themes, then most groups; named categories before "none"; then by id.
        crate::sort::by(&mut categories, |a, b| {
            (b.themes, b.groups, a.key.is_none(), &a.key).cmp(&(
                a.themes,
                a.groups,
                b.key.is_none(),
                &b.key,
            ))
        });
        x.categories = categories;
        x
    }
}
