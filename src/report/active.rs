//! The rule of active members, worked out for every session of every group at once: a
//! member is active at a session when present at two thirds (or more) of the group's
//! sessions of the six months up to it, counting only sessions since they joined; members
//! who left are not counted.

use super::packed::Packed;
use crate::model::Attendance;
use chrono::{Months, NaiveDate};

/// At each session of `p`: the group's members then (who had not left), and how many of
/// them are active: present at two thirds of the group's sessions of the six months up to
/// that session, among the sessions since they joined. `by_group`: each group's sessions in
/// order (sessions in none are left at zero). Members are compared by their numbers.
///
/// Group by group, each member ever present gets a bit, and each session the bits of those
/// present: the rule's inner loop tests bits in a row of words where it searched every
/// window session's list (half of counting 100,000 sessions, most of it waiting on memory).
pub(super) fn active_members(p: &Packed, by_group: &[Vec<usize>]) -> Vec<(u32, u32)> {
    let mut out = vec![(0, 0); p.sessions.len()];
    // A member's bit in the group at hand, by member number (`NONE`: never present there);
    // put back to `NONE` after each group.
    let mut bit = vec![NONE; p.member_ids.len()];
    let mut seen: Vec<u32> = Vec::new();
    let mut present: Vec<u64> = Vec::new();
    for sessions in by_group {
        for &i in sessions {
            for (m, a) in p.attendance(i) {
                if a == Attendance::Present && bit[m as usize] == NONE {
                    bit[m as usize] = seen.len() as u32;
                    seen.push(m);
                }
            }
        }
        let words = seen.len().div_ceil(64).max(1);
        present.clear();
        present.resize(sessions.len() * words, 0);
        for (w, &i) in sessions.iter().enumerate() {
            for (m, a) in p.attendance(i) {
                if a == Attendance::Present {
                    let b = bit[m as usize] as usize;
                    present[w * words + b / 64] |= 1 << (b % 64);
                }
            }
        }
        let dates: Vec<NaiveDate> = sessions.iter().map(|&j| p.sessions[j].date).collect();
        for (k, &i) in sessions.iter().enumerate() {
            let latest = &p.sessions[i];
            let start = latest
                .date
                .checked_sub_months(Months::new(6))
                .unwrap_or(NaiveDate::MIN);
            // The window: sessions from `start` up to this one (in order, so a range); the
            // ones after it on its day with a higher number are not in it.
            let from = dates.partition_point(|d| *d < start);
            let to = k
                + 1
                + sessions[k + 1..]
                    .iter()
                    .take_while(|&&j| {
                        (p.sessions[j].date, p.sessions[j].number) <= (latest.date, latest.number)
                    })
                    .count();
            let mut staying = 0;
            let mut active = 0;
            for m in p.members(i).iter().filter(|m| m.stays()) {
                staying += 1;
                let b = bit[m.id as usize];
                if b == NONE {
                    continue;
                }
                // Only the sessions since they joined count.
                let since = m
                    .joined
                    .map_or(from, |j| from.max(dates.partition_point(|d| *d < j)));
                let held = to.saturating_sub(since);
                let (word, mask) = (b as usize / 64, 1u64 << (b % 64));
                let came = (since..to)
                    .filter(|w| present[w * words + word] & mask != 0)
                    .count();
                if held > 0 && came * 3 >= held * 2 {
                    active += 1;
                }
            }
            out[i] = (staying, active);
        }
        for m in seen.drain(..) {
            bit[m as usize] = NONE;
        }
    }
    out
}

/// No bit: a member never present in the group at hand.
const NONE: u32 = u32::MAX;

#[cfg(test)]
mod tests {
    use super::super::read::{Facts, MemberFacts};
    use super::*;
    use crate::model::Id;
    use proptest::prelude::*;

    /// The rule as the method states it, one session at a time: what `active_members`
    /// computes for every session at once.
    fn by_the_rule(latest: &Facts, sessions: &[&Facts]) -> (usize, usize) {
        let start = latest
            .date
            .checked_sub_months(Months::new(6))
            .unwrap_or(NaiveDate::MIN);
        let window: Vec<&&Facts> = sessions
            .iter()
            .filter(|s| s.date >= start && (s.date, s.number) <= (latest.date, latest.number))
            .collect();
        let staying: Vec<&MemberFacts> = latest.members.iter().filter(|m| m.stays()).collect();
        let mut active = 0;
        for m in &staying {
            let mut held = 0;
            let mut present = 0;
            for s in window
                .iter()
                .filter(|s| m.joined.is_none_or(|j| s.date >= j))
            {
                held += 1;
                if s.attendance
                    .iter()
                    .any(|(id, a)| *id == m.id && *a == Attendance::Present)
                {
                    present += 1;
                }
            }
            if held > 0 && present * 3 >= held * 2 {
                active += 1;
            }
        }
        (staying.len(), active)
    }

    fn day(n: u16) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 1, 1).unwrap() + chrono::Days::new(u64::from(n))
    }

    /// A session: its group (of 2), day, number, and for each of up to 69 possible members
    /// (more than one word of bits holds) whether they are listed, joined late, left, and
    /// how they attended.
    type Drawn = (u8, u16, u8, Vec<(bool, Option<u16>, bool, u8)>);

    fn facts_of(drawn: &[Drawn]) -> Vec<Facts> {
        drawn
            .iter()
            .enumerate()
            .map(|(k, (group, d, number, members))| {
                let mut f = Facts {
                    id: Id(format!("s{k}")),
                    saved: chrono::DateTime::default(),
                    group: Id(format!("g{group}")),
                    group_name: String::new(),
                    host: String::new(),
                    advisor: String::new(),
                    number: u32::from(*number),
                    date: day(*d),
                    closed: true,
                    trade: String::new(),
                    region: crate::model::Region::default(),
                    members: Vec::new(),
                    attendance: Vec::new(),
                    reviews: Vec::new(),
                    themes: Vec::new(),
                    actions: Vec::new(),
                    usefulness: Vec::new(),
                    projects: Vec::new(),
                };
                for (m, (listed, joined, left, came)) in members.iter().enumerate() {
                    let id = Id(format!("m{m}"));
                    if *listed {
                        f.members.push(MemberFacts {
                            id: id.clone(),
                            joined: joined.map(day),
                            left: left.then(|| day(*d)),
                            reason: None,
                            gender: None,
                            status: None,
                        });
                    }
                    let a = match came % 4 {
                        0 => continue,
                        1 => Attendance::Present,
                        2 => Attendance::Excused,
                        _ => Attendance::Absent,
                    };
                    f.attendance.push((id, a));
                }
                f
            })
            .collect()
    }

    proptest! {
        #[test]
        fn every_sessions_active_members_follow_the_rule(
            drawn in prop::collection::vec(
                (
                    0u8..2,
                    0u16..400,
                    1u8..4,
                    prop::collection::vec(
                        (any::<bool>(), prop::option::of(0u16..400), prop::bool::weighted(0.1), 0u8..4),
                        1..70,
                    ),
                ),
                1..25,
            )
        ) {
            let facts = facts_of(&drawn);
            let mut by_group: Vec<Vec<usize>> = vec![Vec::new(); 2];
            for (i, (g, ..)) in drawn.iter().enumerate() {
                by_group[usize::from(*g)].push(i);
            }
            for s in &mut by_group {
                s.sort_by_key(|&i| (facts[i].date, facts[i].number));
            }
            let fast = active_members(&Packed::of(&facts), &by_group);
            for sessions in &by_group {
                let group: Vec<&Facts> = sessions.iter().map(|&i| &facts[i]).collect();
                for &i in sessions {
                    let (members, active) = fast[i];
                    prop_assert_eq!((members as usize, active as usize), by_the_rule(&facts[i], &group), "session {}", i);
                }
            }
        }
    }
}
