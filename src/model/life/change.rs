//! What the group decides in a meeting, as changes to the group the session carries: a member
//! leaving, a role elected, a rule adopted, amended or withdrawn, the year's work plan and its
//! review, a joint project and its steps. Recorded in the session's history like any change
//! (`Change::Group`), so replay and the audit show them, and carried to the next session with
//! the group. What each does to the group is `model/group_apply.rs`.

use super::{
    LeaveReason, Milestone, PlanStatus, PlannedActivity, Project, ProjectStatus, RoleTerm, Rule,
    RuleVersion, WorkPlan,
};
use crate::model::{Id, Item};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The largest month number, attendance-rule count and amount a change may carry (see
/// `bounds.rs`: a number read from a file is checked before it is used).
pub const MAX_RULE_COUNT: u32 = 99;
pub const MAX_AMOUNT_MAD: u64 = 1_000_000_000;
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum GroupChange {
    MemberLeft {
        member: Id,
        date: NaiveDate,
        reason: LeaveReason,
    },
    /// A member elected to a role; whoever held it ends their term the day before.
    RoleAssigned {
        term: RoleTerm,
    },
    RoleEnded {
        id: Id,
        date: NaiveDate,
    },
    RuleAdopted {
        rule: Rule,
    },
    RuleAmended {
        id: Id,
        version: RuleVersion,
    },
    RuleWithdrawn {
        id: Id,
        date: NaiveDate,
    },
    /// A year's plan agreed (or agreed again): it replaces that year's plan.
    WorkPlanAgreed {
        plan: WorkPlan,
    },
    PlanObjectiveAdded {
        year: i32,
        objective: Item,
    },
    /// An objective's new wording; it stays in its year's plan.
    PlanObjectiveEdited {
        id: Id,
        text: String,
    },
    /// An objective taken off its plan (earlier sessions keep theirs, the history says it).
    PlanObjectiveRemoved {
        id: Id,
    },
    PlannedActivityAdded {
        year: i32,
        activity: PlannedActivity,
    },
    PlannedActivityEdited {
        year: i32,
        activity: PlannedActivity,
    },
    /// A planned activity taken off the plan: one that should not be in it (typed twice, or
    /// by mistake). An activity the group gives up stays in the plan, cancelled (the
    /// follow-up's review); one taken off stays in the earlier sessions and the history.
    PlannedActivityRemoved {
        id: Id,
    },
    /// The follow-up phase's review of a planned activity.
    PlannedActivityReviewed {
        id: Id,
        status: PlanStatus,
        comment: String,
    },
    ProjectAdded {
        project: Project,
    },
    /// Title, aim, members, budget and funding as edited in the project's form.
    ProjectEdited {
        project: Project,
    },
    ProjectStatusSet {
        id: Id,
        status: ProjectStatus,
    },
    /// A milestone added, or changed (its id already in the project).
    MilestoneSet {
        project: Id,
        milestone: Milestone,
    },
    /// A milestone reached on a date, or to do again (`None`).
    MilestoneDone {
        project: Id,
        milestone: Id,
        done: Option<NaiveDate>,
    },
}

impl GroupChange {
    /// Why a number of this change is out of its range, said as (what, value, min, max).
    pub fn out_of_range(&self) -> Option<(&'static str, u64, u64, u64)> {
        let range = |what, v: u64, min: u64, max: u64| {
            (!(min..=max).contains(&v)).then_some((what, v, min, max))
        };
        let year = |y: i32| {
            range(
                "year",
                u64::try_from(y).unwrap_or(0),
                *YEARS.start() as u64,
                *YEARS.end() as u64,
            )
        };
        let month = |m: u32| range("month", u64::from(m), 1, 12);
        let check_rule = |v: &RuleVersion| {
            v.attendance.and_then(|a| {
                range(
                    "absences",
                    u64::from(a.absences),
                    1,
                    u64::from(MAX_RULE_COUNT),
                )
                .or(range(
                    "meetings",
                    u64::from(a.within),
                    1,
                    u64::from(MAX_RULE_COUNT),
                ))
            })
        };
        let check_project = |p: &Project| {
            p.budget_mad
                .and_then(|b| range("amount", b, 0, MAX_AMOUNT_MAD))
                .or_else(|| {
                    p.funding
                        .iter()
                        .find_map(|f| range("amount", f.amount_mad, 0, MAX_AMOUNT_MAD))
                })
        };
        match self {
            GroupChange::RuleAdopted { rule } => rule.versions.iter().find_map(check_rule),
            GroupChange::RuleAmended { version, .. } => check_rule(version),
            GroupChange::WorkPlanAgreed { plan } => {
                year(plan.year).or_else(|| plan.activities.iter().find_map(|a| month(a.month)))
            }
            GroupChange::PlanObjectiveAdded { year: y, .. } => year(*y),
            GroupChange::PlannedActivityAdded { year: y, activity }
            | GroupChange::PlannedActivityEdited { year: y, activity } => {
                year(*y).or(month(activity.month))
            }
            GroupChange::ProjectAdded { project } | GroupChange::ProjectEdited { project } => {
                check_project(project)
            }
            _ => None,
        }
    }
}
