//! A group followed over time: who came to which session, every action decided and its status
//! as reviewed session after session, and the needs that came back. Pure: it reads the
//! sessions of one group (in any order), the caller loads them.
//!
//! Sessions are put in order by number, then date. "The group's latest session" is the last
//! one in that order; its date is the reference for the six-month window of active members.
//! Overdue actions are counted against the day the caller gives (today): an action due last
//! week is late now, whenever the group last met.

use crate::model::{Action, ActionStatus, Attendance as Mark, Id, Member, Session};
use chrono::{Months, NaiveDate};
use std::collections::{BTreeMap, BTreeSet};

/// One member at one session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    Present,
    Excused,
    Absent,
    /// The session came before the member joined (before their join date, or, without one,
    /// before the first session that took their attendance).
    NotYet,
    /// The session is on or after the member's leave date and did not take their attendance.
    Left,
    /// A member at the time whose attendance this session did not record (a file edited by
    /// hand, a member added after the check-in). Counts as a session since joined, not as
    /// present.
    Unrecorded,
}

impl Cell {
    /// Whether the member belonged to the group at this session: the sessions a rate counts.
    pub fn is_member(self) -> bool {
        !matches!(self, Cell::NotYet | Cell::Left)
    }
}

/// The sessions of the table, in order: the columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRef {
    pub id: Id,
    pub number: u32,
    pub date: NaiveDate,
}

/// One member's row.
#[derive(Debug, Clone, PartialEq)]
pub struct MemberRow {
    /// As the latest session that lists the member knows them.
    pub member: Member,
    /// One cell per session, in the order of [`AttendanceTable::sessions`].
    pub cells: Vec<Cell>,
    pub present: u32,
    pub excused: u32,
    pub absent: u32,
    /// Sessions held while a member (present, excused, absent or unrecorded).
    pub sessions: u32,
    /// Present at two thirds (or more) of the group's sessions of the six months up to its
    /// latest session, counting only those since the member joined; a member who left by
    /// then is not active, nor one with no session in the window.
    pub active: bool,
}

impl MemberRow {
    /// Present / sessions since joined, `None` before the member's first session. Excused
    /// absences count as not present here; [`MemberRow::excused`] shows them apart.
    pub fn rate(&self) -> Option<f64> {
        (self.sessions > 0).then(|| f64::from(self.present) / f64::from(self.sessions))
    }

    /// Excused / sessions since joined.
    pub fn excused_rate(&self) -> Option<f64> {
        (self.sessions > 0).then(|| f64::from(self.excused) / f64::from(self.sessions))
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct AttendanceTable {
    pub sessions: Vec<SessionRef>,
    /// The members of the group's latest session in its order, then members only earlier
    /// sessions knew (removed since), in the order first met.
    pub members: Vec<MemberRow>,
}

fn ordered(sessions: &[Session]) -> Vec<&Session> {
    let mut v: Vec<&Session> = sessions.iter().collect();
    crate::sort::by_key(&mut v, |s| (s.number, s.date));
    v
}

/// Attendance per member per session, rates and active flags. See [`Cell`] and
/// [`MemberRow::active`] for the rules.
pub fn attendance(sessions: &[Session]) -> AttendanceTable {
    let ss = ordered(sessions);
    let Some(latest) = ss.last() else {
        return AttendanceTable::default();
    };
    // Latest data first: walk sessions newest to oldest, keep the first copy of each member.
    let mut members: Vec<Member> = Vec::new();
    let mut seen: BTreeSet<&Id> = BTreeSet::new();
    for s in ss.iter().rev() {
        for m in &s.group.members {
            if seen.insert(&m.id) {
                members.push(m.clone());
            }
        }
    }
    // Members only earlier sessions knew: in the order first met (oldest session first).
    let in_latest = latest.group.members.len();
    let mut removed: Vec<Member> = members.split_off(in_latest);
    crate::sort::by_key(&mut removed, |m| {
        ss.iter()
            .position(|s| s.group.members.iter().any(|x| x.id == m.id))
    });
    members.extend(removed);

    let window_start = latest
        .date
        .checked_sub_months(Months::new(6))
        .unwrap_or(NaiveDate::MIN);
    let rows = members
        .into_iter()
        .map(|member| {
            let first_recorded = ss
                .iter()
                .position(|s| s.checkin.attendance.contains_key(&member.id));
            let cells: Vec<Cell> = ss
                .iter()
                .enumerate()
                .map(|(i, s)| match s.checkin.attendance.get(&member.id) {
                    Some(Mark::Present) => Cell::Present,
                    Some(Mark::Excused) => Cell::Excused,
                    Some(Mark::Absent) => Cell::Absent,
                    None if member.left.is_some_and(|l| s.date >= l) => Cell::Left,
                    None if member.joined.is_some_and(|j| s.date < j) => Cell::NotYet,
                    None if member.joined.is_none() && first_recorded.is_none_or(|f| i < f) => {
                        Cell::NotYet
                    }
                    None => Cell::Unrecorded,
                })
                .collect();
            let count = |c: Cell| cells.iter().filter(|x| **x == c).count() as u32;
            let (mut w_present, mut w_sessions) = (0u32, 0u32);
            for (s, c) in ss.iter().zip(&cells) {
                if s.date >= window_start && c.is_member() {
                    w_sessions += 1;
                    w_present += u32::from(*c == Cell::Present);
                }
            }
            let gone = member.left.is_some_and(|l| l <= latest.date);
            MemberRow {
                present: count(Cell::Present),
                excused: count(Cell::Excused),
                absent: count(Cell::Absent),
                sessions: cells.iter().filter(|c| c.is_member()).count() as u32,
                active: !gone && w_sessions > 0 && 3 * w_present >= 2 * w_sessions,
                member,
                cells,
            }
        })
        .collect();
    AttendanceTable {
        sessions: ss
            .iter()
            .map(|s| SessionRef {
                id: s.id.clone(),
                number: s.number,
                date: s.date,
            })
            .collect(),
        members: rows,
    }
}

/// An action as reviewed at one session after the one that decided it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusAt {
    pub number: u32,
    pub date: NaiveDate,
    /// `None` when this session did not review the action, or reviewed it without a status.
    pub status: Option<ActionStatus>,
    pub comment: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TrackedAction {
    /// The action as the latest session that knew it had it (plan or review copy).
    pub action: Action,
    pub from_session: Id,
    pub from_number: u32,
    /// The origin session's date, when that session is among those given.
    pub from_date: Option<NaiveDate>,
    /// One entry per session given that comes after the origin session, in order.
    pub reviews: Vec<StatusAt>,
    /// The last status set by a review; else the `previous` a review carried from a session
    /// not given; else `None` (never reviewed).
    pub latest: Option<ActionStatus>,
    /// Due before the day given (today) and not done or dropped.
    pub overdue: bool,
}

impl TrackedAction {
    /// The review that gave the latest status: where, when and with what comment. `None`
    /// when the status was carried from a session not given, or never set.
    pub fn status_review(&self) -> Option<&StatusAt> {
        self.reviews.iter().rev().find(|r| r.status.is_some())
    }
}

/// Every action ever decided, ordered by origin session then place in its plan (actions only
/// known from a review copy, their own session missing, come in the order first met);
/// overdue against `today`.
pub fn action_tracker(sessions: &[Session], today: NaiveDate) -> Vec<TrackedAction> {
    let ss = ordered(sessions);
    let mut out: Vec<TrackedAction> = Vec::new();
    let find = |out: &[TrackedAction], id: &Id| out.iter().position(|t| &t.action.id == id);
    for s in &ss {
        for a in &s.plan.actions {
            if find(&out, &a.id).is_none() {
                out.push(TrackedAction {
                    action: a.clone(),
                    from_session: s.id.clone(),
                    from_number: s.number,
                    from_date: Some(s.date),
                    reviews: Vec::new(),
                    latest: None,
                    overdue: false,
                });
            }
        }
        for r in &s.followup.reviews {
            if find(&out, &r.action.id).is_none() {
                out.push(TrackedAction {
                    action: r.action.clone(),
                    from_session: r.from_session.clone(),
                    from_number: r.from_number,
                    from_date: None,
                    reviews: Vec::new(),
                    latest: None,
                    overdue: false,
                });
            }
        }
    }
    crate::sort::by_key(&mut out, |t| t.from_number);
    for t in &mut out {
        let mut carried = None;
        for s in ss.iter().filter(|s| s.number > t.from_number) {
            let review = s
                .followup
                .reviews
                .iter()
                .find(|r| r.action.id == t.action.id);
            if let Some(r) = review {
                t.action = r.action.clone();
                if carried.is_none() {
                    carried = r.previous;
                }
            }
            t.reviews.push(StatusAt {
                number: s.number,
                date: s.date,
                status: review.and_then(|r| r.status),
                comment: review.map(|r| r.comment.clone()).unwrap_or_default(),
            });
        }
        t.latest = t.reviews.iter().rev().find_map(|r| r.status).or(carried);
        t.overdue = t.action.due.is_some_and(|d| d < today)
            && !t.latest.is_some_and(ActionStatus::is_closed);
    }
    out
}

/// A need category raised in several sessions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecurringCategory {
    pub category: String,
    /// The numbers of the sessions with a theme of this category, ascending, no repeats.
    pub sessions: Vec<u32>,
}

/// Theme titles judged alike (see [`similar_titles`]) raised in several sessions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecurringTheme {
    /// The normalized form of the first title met (earliest session).
    pub normalized: String,
    /// Every title of the cluster as typed, in session order, no repeats.
    pub titles: Vec<String>,
    pub sessions: Vec<u32>,
}

/// Needs that came back in two sessions or more, by need category and by similar theme
/// titles; each list ordered by number of sessions (most first), then first session.
pub fn recurring_needs(sessions: &[Session]) -> (Vec<RecurringCategory>, Vec<RecurringTheme>) {
    let ss = ordered(sessions);
    let mut by_cat: BTreeMap<&str, BTreeSet<u32>> = BTreeMap::new();
    let mut themes: Vec<(u32, &str)> = Vec::new();
    for s in &ss {
        for t in &s.needs.themes {
            if let Some(c) = t.category.as_deref().filter(|c| !c.is_empty()) {
                by_cat.entry(c).or_default().insert(s.number);
            }
            if !t.title.trim().is_empty() {
                themes.push((s.number, &t.title));
            }
        }
    }
    let mut cats: Vec<RecurringCategory> = by_cat
        .into_iter()
        .filter(|(_, n)| n.len() >= 2)
        .map(|(c, n)| RecurringCategory {
            category: c.to_string(),
            sessions: n.into_iter().collect(),
        })
        .collect();
    crate::sort::by_key(&mut cats, |c| {
        (std::cmp::Reverse(c.sessions.len()), c.sessions[0])
    });

    // Single-link clusters: a title joins every cluster it is similar to, merging them.
    let norms: Vec<String> = themes.iter().map(|(_, t)| normalize_title(t)).collect();
    let mut parent: Vec<usize> = (0..themes.len()).collect();
    fn root(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    for i in 0..themes.len() {
        for j in 0..i {
            if similar_normalized(&norms[i], &norms[j]) {
                let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                parent[a.max(b)] = a.min(b);
            }
        }
    }
    let mut clusters: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..themes.len() {
        let r = root(&mut parent, i);
        clusters.entry(r).or_default().push(i);
    }
    let mut similar: Vec<RecurringTheme> = clusters
        .into_values()
        .filter_map(|members| {
            let sessions: BTreeSet<u32> = members.iter().map(|&i| themes[i].0).collect();
            if sessions.len() < 2 {
                return None;
            }
            let mut titles: Vec<String> = Vec::new();
            for &i in &members {
                if !titles.iter().any(|t| t == themes[i].1) {
                    titles.push(themes[i].1.to_string());
                }
            }
            Some(RecurringTheme {
                normalized: norms[members[0]].clone(),
                titles,
                sessions: sessions.into_iter().collect(),
            })
        })
        .collect();
    crate::sort::by_key(&mut similar, |t| {
        (std::cmp::Reverse(t.sessions.len()), t.sessions[0])
    });
    (cats, similar)
}

/// A theme title as compared: lowercase, accents folded (as [`crate::trades::normalize`]),
/// every character that is not a letter or digit (punctuation, apostrophes, emoji) read as a
/// space, spaces collapsed and trimmed. "Accès au crédit !" → "acces au credit".
pub fn normalize_title(title: &str) -> String {
    crate::trades::normalize(title)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether two theme titles name the same need. After [`normalize_title`], they are similar
/// when
/// - they are equal, or
/// - one contains the other as whole words ("credit" in "acces au credit"), the shorter
///   having at least 3 letters, or
/// - their sets of words of 3 letters or more have a Jaccard index of 1/2 or more
///   (shared words / words in either): "prix des matieres premieres" and "matieres
///   premieres trop cheres" share 2 of 6 words (no); "formalisation et cnss" and "cnss et
///   formalisation des membres" share 2 of 4 (yes).
pub fn similar_titles(a: &str, b: &str) -> bool {
    similar_normalized(&normalize_title(a), &normalize_title(b))
}

fn similar_normalized(a: &str, b: &str) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b {
        return true;
    }
    let (short, long) = if a.chars().count() <= b.chars().count() {
        (a, b)
    } else {
        (b, a)
    };
    if short.chars().count() >= 3 && format!(" {long} ").contains(&format!(" {short} ")) {
        return true;
    }
    let words = |s: &str| -> BTreeSet<String> {
        s.split(' ')
            .filter(|w| w.chars().count() >= 3)
            .map(str::to_string)
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    let union = wa.union(&wb).count();
    let shared = wa.intersection(&wb).count();
    union > 0 && 2 * shared >= union
}
