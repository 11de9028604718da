//! The group's own rules (its charter): attendance, admission of new members by vote, fees,
//! confidentiality. Each is agreed in a session, may be amended or withdrawn later, and keeps
//! every wording it had. An attendance rule may be made computable, so that the check-in and
//! the timeline can show who is close to it: a warning for the group to discuss, never an
//! automatic exclusion (the group applies its rules, not the advisor, nor atelier).

use crate::model::{Attendance, Id};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// "`absences` absences without excuse in `within` meetings".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttendanceRule {
    pub absences: u32,
    pub within: u32,
}

/// One wording of a rule, from the day it was agreed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RuleVersion {
    pub text: String,
    pub date: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<Id>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attendance: Option<AttendanceRule>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rule {
    pub id: Id,
    /// Its wordings in time order: the first as adopted, then each amendment.
    pub versions: Vec<RuleVersion>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawn: Option<NaiveDate>,
}

impl Rule {
    /// The wording in force: the last one. A rule always has one (a file edited by hand to
    /// have none reads as an empty rule rather than failing).
    pub fn current(&self) -> RuleVersion {
        self.versions.last().cloned().unwrap_or(RuleVersion {
            text: String::new(),
            date: NaiveDate::MIN,
            session: None,
            attendance: None,
        })
    }

    pub fn adopted(&self) -> Option<NaiveDate> {
        self.versions.first().map(|v| v.date)
    }

    pub fn in_force(&self) -> bool {
        self.withdrawn.is_none()
    }
}

/// Where a member stands against an attendance rule: unexcused absences in the last
/// `within` meetings they were expected at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AttendanceCount {
    pub absences: u32,
    pub rule: AttendanceRule,
}

impl AttendanceCount {
    /// Past the rule: as many absences as it allows, or more.
    pub fn reached(&self) -> bool {
        self.rule.absences > 0 && self.absences >= self.rule.absences
    }

    /// One absence away from it.
    pub fn close(&self) -> bool {
        !self.reached() && self.rule.absences > 0 && self.absences + 1 >= self.rule.absences
    }
}

impl AttendanceRule {
    /// The count for one member over their attendance at the group's sessions, oldest first
    /// (`None` where they were not a member yet): the last `within` meetings they belonged
    /// to.
    pub fn count(self, attendance: &[Option<Attendance>]) -> AttendanceCount {
        let absences = attendance
            .iter()
            .rev()
            .flatten()
            .take(self.within as usize)
            .filter(|a| **a == Attendance::Absent)
            .count() as u32;
        AttendanceCount {
            absences,
            rule: self,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Attendance::*;

    #[test]
    fn absences_are_counted_over_the_last_meetings_a_member_belonged_to() {
        let rule = AttendanceRule {
            absences: 3,
            within: 4,
        };
        // An old absence falls out of the window; excused ones never count.
        let seen = [
            Some(Absent),
            Some(Present),
            Some(Absent),
            Some(Excused),
            Some(Absent),
        ];
        let c = rule.count(&seen);
        assert_eq!(c.absences, 2);
        assert!(c.close() && !c.reached());
        let c = rule.count(&[None, None, Some(Absent), Some(Absent), Some(Absent)]);
        assert!(c.reached());
        // A rule of zero absences is no rule to compute.
        let none = AttendanceRule {
            absences: 0,
            within: 4,
        }
        .count(&seen);
        assert!(!none.reached() && !none.close());
    }
}
