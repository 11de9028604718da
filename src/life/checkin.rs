//! The group's size and attendance rule as a session's check-in and the timeline see them:
//! the method's advice on size (fewer than 8 present, more than 20 members) and who is
//! close to or past a computable attendance rule. Warnings for the group to discuss, never
//! an exclusion: nothing here changes anything.
//!
//! A session holds only itself. The attendance of the group's earlier sessions comes with
//! it from its creation ([`crate::model::Start::attendance`], from [`past_attendance`]); the
//! check-in counts this session's roll after it.

use super::{RuleStanding, SizeWarning, standing};
use crate::i18n::Strings;
use crate::model::life::{AttendanceCount, GROUP_MAX_MEMBERS, GROUP_MIN_PRESENT, MAX_RULE_COUNT};
use crate::model::{Attendance, Group, Id, Session};
use crate::timeline::{AttendanceTable, Cell};
use std::collections::BTreeMap;

impl SizeWarning {
    /// The advice in words, the same on the group's page and at check-in.
    pub fn text(&self, s: &Strings) -> String {
        let gs = s.group_page;
        match self {
            SizeWarning::FewPresent { number, present } => {
                gs.few_present.fill(*present, &[number, present])
            }
            SizeWarning::TooMany { members } => crate::i18n::fill(gs.too_many, &[members]),
        }
    }
}

/// A member's cells as an attendance rule counts them: a mark where they were expected,
/// nothing before they joined, after they left or where nothing was recorded.
pub fn marks(cells: &[Cell]) -> Vec<Option<Attendance>> {
    cells
        .iter()
        .map(|c| match c {
            Cell::Present => Some(Attendance::Present),
            Cell::Excused => Some(Attendance::Excused),
            Cell::Absent => Some(Attendance::Absent),
            Cell::NotYet | Cell::Left | Cell::Unrecorded => None,
        })
        .collect()
}

/// Each member's attendance over the group's sessions (the timeline's table), the last
/// [`MAX_RULE_COUNT`] sessions at most: the longest window a rule may have.
pub fn past_attendance(table: &AttendanceTable) -> BTreeMap<Id, Vec<Option<Attendance>>> {
    table
        .members
        .iter()
        .map(|r| {
            let all = marks(&r.cells);
            let from = all.len().saturating_sub(MAX_RULE_COUNT as usize);
            (r.member.id.clone(), all[from..].to_vec())
        })
        .collect()
}

/// The group's rules with, for each attendance rule in force, who is close to it or past
/// it over the sessions of `table`: the timeline's marks.
pub fn standings(group: &Group, table: &AttendanceTable) -> Vec<RuleStanding> {
    group.rules.iter().map(|r| standing(r, table)).collect()
}

/// At a session's check-in: each current member close to or past an attendance rule in
/// force, with the count that says most (past before close), their earlier sessions then
/// this one's roll counted.
pub fn check_in_standing(session: &Session) -> BTreeMap<Id, AttendanceCount> {
    let mut out: BTreeMap<Id, AttendanceCount> = BTreeMap::new();
    let empty = BTreeMap::new();
    let past = session.start.as_ref().map_or(&empty, |s| &s.attendance);
    let rules = session
        .group
        .rules
        .iter()
        .filter(|r| r.in_force())
        .filter_map(|r| r.current().attendance);
    for rule in rules {
        for m in session.group.members.iter().filter(|m| m.left.is_none()) {
            let Some(today) = session.checkin.attendance.get(&m.id) else {
                continue;
            };
            let mut seen = past.get(&m.id).cloned().unwrap_or_default();
            seen.push(Some(*today));
            let c = rule.count(&seen);
            let worse = match out.get(&m.id) {
                Some(old) => c.reached() && !old.reached(),
                None => c.reached() || c.close(),
            };
            if worse {
                out.insert(m.id.clone(), c);
            }
        }
    }
    out
}

/// The method's advice on size at this session's check-in: fewer than 8 present, more than
/// 20 members.
pub fn check_in_warnings(session: &Session) -> Vec<SizeWarning> {
    let mut out = Vec::new();
    let present = session.present_members().count();
    if present < GROUP_MIN_PRESENT {
        out.push(SizeWarning::FewPresent {
            number: session.number,
            present,
        });
    }
    let members = session
        .group
        .members
        .iter()
        .filter(|m| m.left.is_none())
        .count();
    if members > GROUP_MAX_MEMBERS {
        out.push(SizeWarning::TooMany { members });
    }
    out
}
