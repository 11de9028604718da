//! The facts of a folder's sessions as the count reads them: ids and labels numbered once
//! ([`Interner`]), each kind of fact in one vector for all sessions. A session's facts as
//! [`Facts`] hold about 3 KB of small strings and vectors; packed they take about a fifth,
//! and the count compares numbers and indexes vectors where it hashed ids.
//!
//! Sessions stay in the order they were packed, duplicates included (two files of one
//! session): [`Packed::chosen`] names the ones a report counts.

pub(super) mod snapshot;

use super::intern::Interner;
use super::read::{ActionFacts, Facts, Leaving, MemberFacts};
use crate::model::life::{Gender, ProjectStatus};
use crate::model::{ActionStatus, Attendance, Id, IdeaKind, LegalStatus, Region, Timestamp};
use chrono::NaiveDate;
use std::ops::Range;

/// The [`Session::order`] of a session no file of the folder holds any more (read back from
/// the cache, its file changed or gone): never counted, never written again.
pub(super) const GONE: u32 = u32::MAX;

/// A theme's category when it has none (no label has this number).
const NO_CATEGORY: u32 = u32::MAX;

/// A session's region as [`Packed::place`] reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Place<'a> {
    Unset,
    /// One of `Region::NAMED`, by its place there.
    Named(usize),
    /// A place the advisor typed.
    Other(&'a str),
}

/// Region numbers: none, then the named ones, then the labels of places typed.
const REGION_UNSET: u32 = 0;
const REGION_OTHER: u32 = 1 + Region::NAMED.len() as u32;

/// A session's own facts; what it has many of is in [`Packed`]'s vectors, from `at`.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Session {
    pub id: u32,
    pub saved: Timestamp,
    /// The group, by its number in [`Packed::groups`].
    pub group: u32,
    /// Labels, by their number in [`Packed::labels`].
    pub group_name: u32,
    pub host: u32,
    pub advisor: u32,
    pub trade: u32,
    pub number: u32,
    pub date: NaiveDate,
    pub closed: bool,
    /// Where it took place, numbered (see [`Packed::place`]): 4 bytes where a `Region`
    /// took 24.
    region: u32,
    /// Its file's place in the folder (by name): sessions may be packed in another order
    /// (cached ones first), but the first copy of a session is the first file.
    pub order: u32,
    /// Its members: where they start in [`Packed`]'s vector and how many. A session whose
    /// members are those of its group's session packed before it shares their place.
    members: (u32, u32),
    /// Where this session's attendance, reviews, themes, actions, scores and projects start
    /// in their vectors (they end where the next session's start).
    at: [u32; 6],
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Member {
    /// By its number in [`Packed::member_ids`].
    pub id: u32,
    pub joined: Option<NaiveDate>,
    pub left: Option<NaiveDate>,
    pub reason: Option<Leaving>,
    pub gender: Option<Gender>,
    pub status: Option<LegalStatus>,
}

impl Member {
    /// Still in the group (the rule of active members: no date of leaving).
    pub fn stays(&self) -> bool {
        self.left.is_none()
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Action {
    /// By its number in [`Packed::action_ids`].
    pub id: u32,
    pub due: Option<NaiveDate>,
    pub kind: Option<IdeaKind>,
}

/// Sessions' facts, numbered and packed.
#[derive(Default, Clone, PartialEq)]
pub(super) struct Packed {
    pub sessions: Vec<Session>,
    /// Members lists, each kept once for sessions one after the other of a group with the
    /// same members (most are: 20 MB less at 100,000 sessions).
    members: Vec<Member>,
    /// By group number: where the members of its session packed last are.
    last_members: Vec<(u32, u32)>,
    /// Who was marked at each session and how, side by side: each by its place in the
    /// session's members (1 byte where a member's number took 4: 4 MB at 100,000 sessions)...
    marked: Vec<u8>,
    /// ...or, for a session marking someone not among its members (or with more than 255),
    /// by member number: the session's place and where its marks start in `wide`.
    wide_sessions: Vec<(u32, u32)>,
    wide: Vec<u32>,
    attendance: Vec<Attendance>,
    /// Actions reviewed (by number in `action_ids`) and the status given, side by side
    /// (as `marked` and `attendance`: 5 bytes a review where a pair took 8).
    reviewed: Vec<u32>,
    reviews: Vec<Option<ActionStatus>>,
    /// Theme titles and need categories, by number in `labels`; [`NO_CATEGORY`] for none
    /// (8 bytes a theme where an `Option` took 12).
    themes: Vec<(u32, u32)>,
    /// Actions decided: their numbers and due days, and the types of their ideas side by
    /// side (9 bytes an action where an `Action` takes 12).
    actions: Vec<(u32, Option<NaiveDate>)>,
    kinds: Vec<Option<IdeaKind>>,
    usefulness: Vec<u8>,
    projects: Vec<ProjectStatus>,
    pub ids: Interner,
    pub groups: Interner,
    pub member_ids: Interner,
    pub action_ids: Interner,
    /// Group names, hosts, advisors, trades, theme titles and need categories.
    pub labels: Interner,
}

const ATTENDANCE: usize = 0;
const REVIEWS: usize = 1;
const THEMES: usize = 2;
const ACTIONS: usize = 3;
const USEFULNESS: usize = 4;
const PROJECTS: usize = 5;

impl Packed {
    /// Adds a session's facts after those packed, `order` being its file's place.
    pub fn push(&mut self, f: &Facts, order: usize) {
        let at = self.ends();
        let group = self.groups.number(f.group.as_str());
        let start = self.members.len();
        for m in &f.members {
            let id = self.member_ids.number(m.id.as_str());
            self.members.push(Member {
                id,
                joined: m.joined,
                left: m.left,
                reason: m.reason,
                gender: m.gender,
                status: m.status,
            });
        }
        let members = self.share_members(group, start);
        let session = Session {
            id: self.ids.number(f.id.as_str()),
            saved: f.saved,
            group,
            group_name: self.labels.number(&f.group_name),
            host: self.labels.number(&f.host),
            advisor: self.labels.number(&f.advisor),
            trade: self.labels.number(&f.trade),
            number: f.number,
            date: f.date,
            closed: f.closed,
            region: self.region_number(&f.region),
            order: order as u32,
            members,
            at,
        };
        self.sessions.push(session);
        let marks: Vec<(u32, Attendance)> = f
            .attendance
            .iter()
            .map(|(id, a)| (self.member_ids.number(id.as_str()), *a))
            .collect();
        self.push_marks(self.sessions.len() - 1, members, &marks);
        for (id, st) in &f.reviews {
            let id = self.action_ids.number(id.as_str());
            self.push_review(id, *st);
        }
        for (title, category) in &f.themes {
            let title = self.labels.number(title);
            let category = category.as_deref().map(|c| self.labels.number(c));
            self.push_theme(title, category);
        }
        for a in &f.actions {
            let id = self.action_ids.number(a.id.as_str());
            self.push_action(Action {
                id,
                due: a.due,
                kind: a.kind,
            });
        }
        self.usefulness.extend_from_slice(&f.usefulness);
        self.projects.extend_from_slice(&f.projects);
    }

    /// Sessions' facts packed in their order.
    pub fn of<'a>(facts: impl IntoIterator<Item = &'a Facts>) -> Packed {
        let mut p = Packed::default();
        for (i, f) in facts.into_iter().enumerate() {
            p.push(f, i);
        }
        p
    }

    /// The members of the group numbered `group` just pushed from `start` to the end of the
    /// vector: where they are, which is where its session packed before has them when they
    /// are the same (then they are taken off the end again).
    fn share_members(&mut self, group: u32, start: usize) -> (u32, u32) {
        let g = group as usize;
        if self.last_members.len() <= g {
            self.last_members.resize(g + 1, (0, 0));
        }
        let (before, len) = self.last_members[g];
        let (b, n) = (before as usize, len as usize);
        let new = self.members.len() - start;
        if n == new && b + n <= start && self.members[b..b + n] == self.members[start..] {
            self.members.truncate(start);
            return (before, len);
        }
        let place = (start as u32, new as u32);
        self.last_members[g] = place;
        place
    }

    /// The number of a region (see [`Packed::place`]), a place typed numbered as a label.
    fn region_number(&mut self, r: &Region) -> u32 {
        match r {
            Region::Unset => REGION_UNSET,
            Region::Other(text) => REGION_OTHER.saturating_add(self.labels.number(text)),
            named => {
                let k = Region::NAMED.iter().position(|n| n == named).unwrap_or(0);
                1 + k as u32
            }
        }
    }

    /// Where the session `s` took place.
    pub fn place(&self, s: &Session) -> Place<'_> {
        match s.region {
            REGION_UNSET => Place::Unset,
            n if n < REGION_OTHER => Place::Named(n as usize - 1),
            n => Place::Other(self.labels.get(n - REGION_OTHER)),
        }
    }

    /// The region of the session `s`, as its file says it.
    pub fn region(&self, s: &Session) -> Region {
        match self.place(s) {
            Place::Unset => Region::Unset,
            Place::Named(k) => Region::NAMED[k].clone(),
            Place::Other(text) => Region::Other(text.to_string()),
        }
    }

    /// The marks of the session at `session` (pushed or about to be), whose members are at
    /// `members`: by their places among them when every one is there, else by number.
    fn push_marks(&mut self, session: usize, members: (u32, u32), marks: &[(u32, Attendance)]) {
        let (start, len) = (members.0 as usize, members.1 as usize);
        let list = self.members.get(start..start + len).unwrap_or_default();
        let places: Option<Vec<u8>> = marks
            .iter()
            .map(|(m, _)| {
                let k = list.iter().position(|x| x.id == *m)?;
                u8::try_from(k).ok()
            })
            .collect();
        match places {
            Some(places) => self.marked.extend(places),
            None => {
                self.wide_sessions
                    .push((session as u32, self.wide.len() as u32));
                self.wide.extend(marks.iter().map(|(m, _)| *m));
                self.marked.extend(std::iter::repeat_n(0, marks.len()));
            }
        }
        self.attendance.extend(marks.iter().map(|(_, a)| *a));
    }

    fn push_action(&mut self, a: Action) {
        self.actions.push((a.id, a.due));
        self.kinds.push(a.kind);
    }

    fn push_review(&mut self, action: u32, status: Option<ActionStatus>) {
        self.reviewed.push(action);
        self.reviews.push(status);
    }

    fn push_theme(&mut self, title: u32, category: Option<u32>) {
        self.themes.push((title, category.unwrap_or(NO_CATEGORY)));
    }

    /// Where the next session's facts will start in each vector (but its members).
    fn ends(&self) -> [u32; 6] {
        [
            self.attendance.len(),
            self.reviews.len(),
            self.themes.len(),
            self.actions.len(),
            self.usefulness.len(),
            self.projects.len(),
        ]
        .map(|n| n as u32)
    }

    fn range(&self, i: usize, kind: usize, len: usize) -> Range<usize> {
        let start = self.sessions[i].at[kind] as usize;
        let end = self
            .sessions
            .get(i + 1)
            .map_or(len, |s| s.at[kind] as usize);
        start..end
    }

    pub fn members(&self, i: usize) -> &[Member] {
        let (start, len) = self.sessions[i].members;
        &self.members[start as usize..][..len as usize]
    }

    /// Each member marked at the session `i` (by number), and how.
    pub fn attendance(&self, i: usize) -> impl ExactSizeIterator<Item = (u32, Attendance)> + '_ {
        let r = self.range(i, ATTENDANCE, self.attendance.len());
        let members = self.members(i);
        let wide = self
            .wide_sessions
            .binary_search_by_key(&(i as u32), |&(s, _)| s)
            .ok()
            .and_then(|k| {
                let start = self.wide_sessions[k].1 as usize;
                self.wide.get(start..start + r.len())
            });
        self.marked[r.clone()]
            .iter()
            .zip(&self.attendance[r])
            .enumerate()
            .map(move |(k, (&place, &a))| {
                let id = match wide {
                    Some(w) => w[k],
                    None => members.get(usize::from(place)).map_or(0, |m| m.id),
                };
                (id, a)
            })
    }

    /// Each action reviewed at the session `i` (by number), and the status given.
    pub fn reviews(
        &self,
        i: usize,
    ) -> impl ExactSizeIterator<Item = (u32, Option<ActionStatus>)> + '_ {
        let r = self.range(i, REVIEWS, self.reviews.len());
        self.reviewed[r.clone()]
            .iter()
            .copied()
            .zip(self.reviews[r].iter().copied())
    }

    /// Each theme of the session `i`: its title and its category (by label number).
    pub fn themes(&self, i: usize) -> impl ExactSizeIterator<Item = (u32, Option<u32>)> + '_ {
        self.themes[self.range(i, THEMES, self.themes.len())]
            .iter()
            .map(|&(t, c)| (t, (c != NO_CATEGORY).then_some(c)))
    }

    /// The actions decided at the session `i`.
    pub fn actions(&self, i: usize) -> impl ExactSizeIterator<Item = Action> + '_ {
        let r = self.range(i, ACTIONS, self.actions.len());
        self.actions[r.clone()]
            .iter()
            .zip(&self.kinds[r])
            .map(|(&(id, due), &kind)| Action { id, due, kind })
    }

    pub fn usefulness(&self, i: usize) -> &[u8] {
        &self.usefulness[self.range(i, USEFULNESS, self.usefulness.len())]
    }

    pub fn projects(&self, i: usize) -> &[ProjectStatus] {
        &self.projects[self.range(i, PROJECTS, self.projects.len())]
    }

    /// Lets go of the texts of the sessions', members' and actions' ids, once the sessions
    /// to count are [`Packed::chosen`]: the count compares their numbers only (14 MB of
    /// the programme screen's kept facts at 100,000 sessions). Groups' ids and labels stay:
    /// rows and records name them. Not for facts still to be added to or written.
    pub fn forget_ids(&mut self) {
        self.ids.forget_texts();
        self.member_ids.forget_texts();
        self.action_ids.forget_texts();
    }

    /// The label numbered `n`.
    pub fn label(&self, n: u32) -> &str {
        self.labels.get(n)
    }

    /// The sessions a report counts, in their files' order: one per session id, the one
    /// saved last (the first file on a tie), as files copied twice are counted once.
    pub fn chosen(&self) -> Vec<usize> {
        let mut keep: Vec<Option<usize>> = vec![None; self.ids.len()];
        for (i, s) in self.sessions.iter().enumerate() {
            if s.order == GONE {
                continue;
            }
            let slot = &mut keep[s.id as usize];
            match *slot {
                Some(k)
                    if (self.sessions[k].saved, s.order) >= (s.saved, self.sessions[k].order) => {}
                _ => *slot = Some(i),
            }
        }
        let mut chosen: Vec<usize> = keep.into_iter().flatten().collect();
        chosen.sort_unstable_by_key(|&i| self.sessions[i].order);
        chosen
    }

    /// Every session packed, in their files' order.
    pub fn in_order(&self) -> Vec<usize> {
        let mut all: Vec<usize> = (0..self.sessions.len())
            .filter(|&i| self.sessions[i].order != GONE)
            .collect();
        all.sort_unstable_by_key(|&i| self.sessions[i].order);
        all
    }

    /// The session `i`'s facts as they were packed.
    pub fn facts(&self, i: usize) -> Facts {
        let s = &self.sessions[i];
        let id = |ids: &Interner, n: u32| Id(ids.get(n).to_string());
        let label = |n: u32| self.labels.get(n).to_string();
        Facts {
            id: id(&self.ids, s.id),
            saved: s.saved,
            group: id(&self.groups, s.group),
            group_name: label(s.group_name),
            host: label(s.host),
            advisor: label(s.advisor),
            number: s.number,
            date: s.date,
            closed: s.closed,
            trade: label(s.trade),
            region: self.region(s),
            members: self
                .members(i)
                .iter()
                .map(|m| MemberFacts {
                    id: id(&self.member_ids, m.id),
                    joined: m.joined,
                    left: m.left,
                    reason: m.reason,
                    gender: m.gender,
                    status: m.status,
                })
                .collect(),
            attendance: self
                .attendance(i)
                .map(|(m, a)| (id(&self.member_ids, m), a))
                .collect(),
            reviews: self
                .reviews(i)
                .map(|(a, st)| (id(&self.action_ids, a), st))
                .collect(),
            themes: self
                .themes(i)
                .map(|(t, c)| (label(t), c.map(label)))
                .collect(),
            actions: self
                .actions(i)
                .map(|a| ActionFacts {
                    id: id(&self.action_ids, a.id),
                    due: a.due,
                    kind: a.kind,
                })
                .collect(),
            usefulness: self.usefulness(i).to_vec(),
            projects: self.projects(i).to_vec(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shipped() -> Vec<Facts> {
        crate::sample::shipped().iter().map(Facts::of).collect()
    }

    #[test]
    fn every_session_comes_back_as_packed() {
        let mut facts = shipped();
        // Regions numbered: named, a place typed (numbered as a label), none.
        facts[1].region = Region::Other("Tiznit".into());
        facts[2].region = Region::Unset;
        facts[3].region = Region::DakhlaOuedEdDahab;
        assert!(
            facts
                .iter()
                .any(|f| !f.members.is_empty() && !f.actions.is_empty())
        );
        let p = Packed::of(&facts);
        assert_eq!(p.place(&p.sessions[1]), Place::Other("Tiznit"));
        assert_eq!(p.place(&p.sessions[2]), Place::Unset);
        assert_eq!(p.place(&p.sessions[3]), Place::Named(11));
        for (i, f) in facts.iter().enumerate() {
            assert_eq!(&p.facts(i), f, "session {i}");
        }
    }

    #[test]
    fn marks_of_someone_not_among_the_members_or_of_a_long_list_come_back_by_number() {
        let facts = shipped();
        let with = facts.iter().find(|f| !f.attendance.is_empty()).unwrap();
        // A guest marked present, who is not one of the session's members.
        let mut guest = with.clone();
        guest
            .attendance
            .push((Id("invite-1".into()), Attendance::Present));
        // 300 members, the last ones marked: past a byte's places.
        let mut many = with.clone();
        many.members = (0..300)
            .map(|k| MemberFacts {
                id: Id(format!("m{k}")),
                ..with.members[0].clone()
            })
            .collect();
        many.attendance = vec![
            (Id("m3".into()), Attendance::Absent),
            (Id("m299".into()), Attendance::Present),
        ];
        let all = [with.clone(), guest, with.clone(), many, with.clone()];
        let p = Packed::of(&all);
        for (i, f) in all.iter().enumerate() {
            assert_eq!(&p.facts(i), f, "session {i}");
        }
        assert_eq!(
            p.wide_sessions.len(),
            2,
            "the guest's session and the long list"
        );
        assert_eq!(p.marked.len(), p.attendance.len());
    }

    #[test]
    fn each_session_is_counted_once_the_copy_saved_last() {
        let facts = shipped();
        let (a, b) = (facts[0].clone(), facts[1].clone());
        let mut older = a.clone();
        older.saved = a.saved - chrono::Duration::hours(1);
        let tie = b.clone();
        // [b, older a, a, b again (a tie: the first stays), a's older copy again]
        let p = Packed::of(&[b, older.clone(), a, tie, older]);
        assert_eq!(p.chosen(), vec![0, 2]);
        assert_eq!(Packed::default().chosen(), Vec::<usize>::new());
        // Packed out of their files' order (cached files first): the first file still wins
        // a tie, and the sessions chosen come in their files' order.
        let mut p = Packed::default();
        p.push(&facts[1], 3);
        p.push(&facts[2], 2);
        p.push(&facts[1], 0);
        assert_eq!(p.chosen(), vec![2, 1]);
        assert_eq!(p.in_order(), vec![2, 1, 0]);
    }

    #[test]
    fn a_groups_sessions_with_the_same_members_keep_them_once() {
        let facts = shipped();
        let with = facts.iter().find(|f| f.members.len() > 1).unwrap();
        let mut joined = with.clone();
        joined.members[0].left = Some(joined.date);
        let mut other = facts
            .iter()
            .find(|f| f.group != with.group)
            .unwrap()
            .clone();
        other.members = with.members.clone();
        // The group's sessions: the same, interleaved with another group's with the same
        // list, a member leaving, then the same again as the last.
        let all = [
            with.clone(),
            other,
            with.clone(),
            joined.clone(),
            joined.clone(),
            with.clone(),
        ];
        let p = Packed::of(&all);
        for (i, f) in all.iter().enumerate() {
            assert_eq!(&p.facts(i), f, "session {i}");
        }
        let n = with.members.len();
        // Kept: the first list, the other group's, the member left, the list of the last.
        assert_eq!(p.members.len(), 4 * n);
        let place: Vec<(u32, u32)> = p.sessions.iter().map(|s| s.members).collect();
        assert_eq!(place[2], place[0]);
        assert_eq!(place[4], place[3]);
        assert_ne!(place[5], place[0]);
    }
}
