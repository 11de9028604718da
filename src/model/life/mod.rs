//! The group over its life (issue 13): what a member is beyond a name (gender, the year the
//! business started, why they left), the roles the group elects, the rules it gives itself,
//! its annual work plan and its joint projects.
//!
//! All of it is decided in a meeting, so it lives in the group a session carries
//! (`Group::roles`, `rules`, `plans`, `projects`): recorded in that session's history as a
//! [`crate::model::Change`] and carried forward to the next session with the group, as its
//! members always were. Records that happen on a date of their own (a visit, an activity, a
//! diagnosis) are files of their own: see [`crate::model::dated`].

mod change;
mod plan;
mod project;
mod roles;
mod rules;

pub use change::{GroupChange, MAX_AMOUNT_MAD, MAX_RULE_COUNT, YEARS};
pub use plan::{PlanStatus, PlannedActivity, WorkPlan};
pub use project::{Funding, Milestone, Project, ProjectStatus};
pub use roles::{Role, RoleTerm};
pub use rules::{AttendanceCount, AttendanceRule, Rule, RuleVersion};

use serde::{Deserialize, Serialize};

/// The method's advice on a group's size: start with 8 to 10, split above 20.
pub const GROUP_MIN_PRESENT: usize = 8;
pub const GROUP_MAX_MEMBERS: usize = 20;

/// As the member says it; "not said" is a choice of its own, not a missing answer.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, strum::VariantArray,
)]
pub enum Gender {
    Woman,
    Man,
    NotSaid,
}

/// Why a member left the group. Leaving is an event: the member stays in every earlier
/// session, the timeline and the reports.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum LeaveReason {
    Moved,
    Stopped,
    /// Excluded by the group, applying its own rule.
    Excluded,
    Other(String),
}

use crate::i18n::LifeStrings;

impl Gender {
    pub fn label(self, t: &LifeStrings) -> &'static str {
        match self {
            Gender::Woman => t.gender_woman,
            Gender::Man => t.gender_man,
            Gender::NotSaid => t.gender_not_said,
        }
    }
}

impl LeaveReason {
    /// The reason in words: the advisor's own words for "other".
    pub fn label(&self, t: &LifeStrings) -> String {
        match self {
            LeaveReason::Moved => t.left_moved.to_string(),
            LeaveReason::Stopped => t.left_stopped.to_string(),
            LeaveReason::Excluded => t.left_excluded.to_string(),
            LeaveReason::Other(s) if s.trim().is_empty() => t.left_other.to_string(),
            LeaveReason::Other(s) => s.clone(),
        }
    }
}

impl Role {
    /// The role of someone whose gender is known, in the words that agree with it.
    pub fn label_for(&self, t: &LifeStrings, gender: Option<Gender>) -> String {
        let pick = |woman: &'static str, man: &'static str, any: &'static str| match gender {
            Some(Gender::Woman) => woman,
            Some(Gender::Man) => man,
            _ => any,
        };
        match self {
            Role::Coordinator => pick(
                t.role_coordinator_woman,
                t.role_coordinator_man,
                t.role_coordinator,
            )
            .to_string(),
            Role::Deputy => pick(t.role_deputy_woman, t.role_deputy_man, t.role_deputy).to_string(),
            Role::Treasurer => pick(
                t.role_treasurer_woman,
                t.role_treasurer_man,
                t.role_treasurer,
            )
            .to_string(),
            Role::Other(s) => s.clone(),
        }
    }

    pub fn label(&self, t: &LifeStrings) -> String {
        match self {
            Role::Coordinator => t.role_coordinator.to_string(),
            Role::Deputy => t.role_deputy.to_string(),
            Role::Treasurer => t.role_treasurer.to_string(),
            Role::Other(s) => s.clone(),
        }
    }
}

impl PlanStatus {
    pub fn label(self, t: &LifeStrings) -> &'static str {
        match self {
            PlanStatus::Planned => t.plan_planned,
            PlanStatus::Done => t.plan_done,
            PlanStatus::Postponed => t.plan_postponed,
            PlanStatus::Cancelled => t.plan_cancelled,
        }
    }
}

impl ProjectStatus {
    pub fn label(self, t: &LifeStrings) -> &'static str {
        match self {
            ProjectStatus::Idea => t.project_idea,
            ProjectStatus::Prepared => t.project_prepared,
            ProjectStatus::Running => t.project_running,
            ProjectStatus::Done => t.project_done,
            ProjectStatus::Dropped => t.project_dropped,
        }
    }
}

impl AttendanceRule {
    pub fn label(self, t: &LifeStrings) -> String {
        crate::i18n::fill(t.attendance_rule, &[&self.absences, &self.within])
    }
}
