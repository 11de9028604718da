//! The saved session: a plain data type, separate from UI state. It is what RON stores, what
//! `show` prints and what tests compare. It changes only through [`Session::record`], which
//! applies a domain [`Change`] and appends it, timestamped, to the history that replay reads.

use super::dated::Kind;
use super::records::{BacklogItem, Review, Timestamp};
use super::{Change, CheckIn, Closing, FollowUp, Group, Id, Needs, Plan, Problem, Solutions};
use crate::i18n::Lang;
use crate::method::{Method, PhaseKind};
use crate::timer::Timer;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The schema version this program writes. Files with a higher one are refused, not guessed at.
pub const SCHEMA_VERSION: u32 = 2;

/// What a session started from: the group as the last session left it (with its roles,
/// rules, plans and projects), the open actions to review and the themes waiting. Stored
/// from format 2 on, so that replay is a plain replay of the history from here; a session
/// first written in format 1 has none, and replay rebuilds its start as before.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Start {
    pub group: Group,
    #[serde(default)]
    pub reviews: Vec<Review>,
    #[serde(default)]
    pub backlog: Vec<BacklogItem>,
    /// Each member's attendance at the group's earlier sessions, oldest first (`None`
    /// where they were not a member yet, or nothing was recorded), the last
    /// [`crate::model::life::MAX_RULE_COUNT`] at most: what the check-in needs to say who
    /// is close to the group's attendance rule. Carried here rather than read again from
    /// the folder: a session holds only itself, and it opens (after a crash too) with the
    /// same warning it was created with.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attendance: BTreeMap<Id, Vec<Option<super::Attendance>>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum SessionState {
    #[default]
    InProgress,
    Closed,
}

/// What a conflict copy differs from: the file name beside it, and when the copy was made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    pub of: String,
    pub at: Timestamp,
}

/// One entry of the session's history: what changed, and when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub at: Timestamp,
    pub change: Change,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub version: u32,
    /// Always `Session` here: the folder also holds visits, activities and diagnoses, each
    /// with its kind. Format 1 files have none.
    #[serde(default)]
    pub kind: Kind,
    pub id: Id,
    pub number: u32,
    pub date: NaiveDate,
    /// The interface language the session was created in, which its free texts are typed in:
    /// exports in another language mark those texts with it. Files without it are French
    /// (and a French session does not write it).
    #[serde(default, skip_serializing_if = "Lang::is_fr")]
    pub lang: Lang,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub state: SessionState,
    pub created: Timestamp,
    /// When the file was last written: a running timer is counted up to here on resume.
    pub saved: Timestamp,
    #[serde(default)]
    pub closed: Option<Timestamp>,
    /// Set on a copy saved beside a session file that changed on disk while this atelier
    /// had it open (another atelier, a sync tool, a restore, a hand edit): the copy keeps
    /// the session's id, and this says which file it differs from and since when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conflict: Option<Conflict>,
    pub group: Group,
    /// Index in `method.phases` of the phase on screen.
    #[serde(default)]
    pub current_phase: usize,
    /// One timer per phase of the method, in the method's order.
    #[serde(default)]
    pub timers: Vec<Timer>,
    #[serde(default)]
    pub checkin: CheckIn,
    #[serde(default)]
    pub followup: FollowUp,
    #[serde(default)]
    pub needs: Needs,
    #[serde(default)]
    pub problem: Problem,
    #[serde(default)]
    pub solutions: Solutions,
    #[serde(default)]
    pub plan: Plan,
    #[serde(default)]
    pub closing: Closing,
    /// Text typed into a field and not yet validated, by field, so a crash loses no typing.
    #[serde(default)]
    pub drafts: BTreeMap<String, String>,
    /// The method this session was run with, so it can be resumed and reviewed anywhere.
    pub method: Method,
    /// What the session started from (format 2 on): replay starts here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Box<Start>>,
    #[serde(default)]
    pub history: Vec<Event>,
}

/// What a new session starts from.
pub struct NewSession {
    pub id: Id,
    pub number: u32,
    pub date: NaiveDate,
    pub place: String,
    pub group: Group,
    pub method: Method,
    /// Open actions of the group's earlier sessions, to review in the follow-up phase.
    pub reviews: Vec<Review>,
    /// Themes of the group's earlier sessions not chosen yet, ranked (see [`super::backlog`]).
    pub backlog: Vec<BacklogItem>,
    pub now: Timestamp,
}

impl Session {
    pub fn new(n: NewSession) -> Session {
        let timers = n
            .method
            .phases
            .iter()
            .map(|p| Timer::new(p.minutes))
            .collect();
        let attendance = n
            .group
            .members
            .iter()
            .filter(|m| m.left.is_none())
            .map(|m| (m.id.clone(), Default::default()))
            .collect();
        let start = Start {
            group: n.group.clone(),
            reviews: n.reviews.clone(),
            backlog: n.backlog.clone(),
            attendance: BTreeMap::new(),
        };
        Session {
            version: SCHEMA_VERSION,
            kind: Kind::Session,
            id: n.id,
            number: n.number,
            date: n.date,
            lang: Lang::Fr,
            place: n.place,
            state: SessionState::InProgress,
            created: n.now,
            saved: n.now,
            closed: None,
            conflict: None,
            group: n.group,
            current_phase: 0,
            timers,
            checkin: CheckIn {
                attendance,
                ..Default::default()
            },
            followup: FollowUp { reviews: n.reviews },
            needs: Needs {
                backlog: n.backlog,
                ..Needs::default()
            },
            problem: Problem::default(),
            solutions: Solutions::default(),
            plan: Plan::default(),
            closing: Closing::default(),
            drafts: BTreeMap::new(),
            method: n.method,
            start: Some(Box::new(start)),
            history: Vec::new(),
        }
    }

    pub fn is_closed(&self) -> bool {
        self.state == SessionState::Closed
    }

    pub fn phase_kind(&self) -> PhaseKind {
        self.method
            .phases
            .get(self.current_phase)
            .map_or(PhaseKind::CheckIn, |p| p.kind)
    }

    /// The timer of a phase; files edited by hand may have fewer timers than phases.
    pub fn timer(&self, phase: usize) -> Timer {
        self.timers
            .get(phase)
            .copied()
            .unwrap_or_else(|| Timer::new(self.method.phases.get(phase).map_or(0, |p| p.minutes)))
    }

    pub(super) fn timer_mut(&mut self, phase: usize) -> &mut Timer {
        while self.timers.len() <= phase {
            let minutes = self
                .method
                .phases
                .get(self.timers.len())
                .map_or(0, |p| p.minutes);
            self.timers.push(Timer::new(minutes));
        }
        &mut self.timers[phase]
    }

    /// After a load: a timer that was running when the file was last written comes back
    /// paused, its running time counted up to that write. Also mends what a hand edit may
    /// have broken (a phase index past the end, numbers out of their range).
    pub fn settle_after_load(&mut self) {
        let saved = self.saved;
        for t in &mut self.timers {
            if t.is_running() {
                t.pause(saved);
            }
        }
        if self.current_phase >= self.method.phases.len() {
            self.current_phase = self.method.phases.len().saturating_sub(1);
        }
        self.bound_numbers();
    }

    /// A member's attendance; present unless marked otherwise.
    pub fn attendance_of(&self, member: &Id) -> super::Attendance {
        self.checkin
            .attendance
            .get(member)
            .copied()
            .unwrap_or_default()
    }

    /// Members present at this session (absent and excused ones are left out).
    pub fn present_members(&self) -> impl Iterator<Item = &super::Member> {
        self.group.members.iter().filter(|m| {
            self.checkin
                .attendance
                .get(&m.id)
                .is_some_and(|a| *a == super::Attendance::Present)
        })
    }
}
