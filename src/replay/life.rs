//! What the group decided about itself, in words, for replay: a member leaving, a role, a
//! rule, the work plan, a joint project (issue 13). What an event names by id is read from
//! the state just before it, like the rest of the history ([`context`]).

use super::Context;
use crate::i18n::{Strings, fill};
use crate::model::life::GroupChange;
use crate::model::{Group, Id, Session};

/// The texts a change of the group's life refers to, from the group before it.
pub fn context(before: &Session, change: &GroupChange) -> Context {
    let g = &before.group;
    let project = |id: &Id| {
        g.projects
            .iter()
            .find(|p| &p.id == id)
            .map(|p| p.title.clone())
            .unwrap_or_default()
    };
    let subject = match change {
        GroupChange::RoleEnded { id, .. } => g
            .roles
            .iter()
            .find(|t| &t.id == id)
            .map(|t| g.member_name(&t.member))
            .unwrap_or_default(),
        GroupChange::RuleAmended { id, .. } | GroupChange::RuleWithdrawn { id, .. } => g
            .rules
            .iter()
            .find(|r| &r.id == id)
            .map(|r| r.current().text)
            .unwrap_or_default(),
        GroupChange::PlannedActivityReviewed { id, .. } => g
            .plans
            .iter()
            .flat_map(|p| &p.activities)
            .find(|a| &a.id == id)
            .map(|a| a.what.clone())
            .unwrap_or_default(),
        GroupChange::ProjectStatusSet { id, .. } => project(id),
        GroupChange::MilestoneSet { project: id, .. } => project(id),
        _ => String::new(),
    };
    Context {
        subject,
        target: String::new(),
    }
}

/// The title of a project of the group, from the state before the event.
pub fn project_title(before: &Session, id: &Id) -> String {
    before
        .group
        .projects
        .iter()
        .find(|p| &p.id == id)
        .map(|p| p.title.clone())
        .unwrap_or_default()
}

/// One change of the group's life in words. `group` is the saved group: it names every
/// member and role the history mentions.
pub fn describe(change: &GroupChange, ctx: &Context, group: &Group, s: &Strings) -> String {
    let t = s.life;
    let or_unknown = |text: &str| {
        if text.is_empty() {
            t.unknown.to_string()
        } else {
            text.to_string()
        }
    };
    let subject = or_unknown(&ctx.subject);
    match change {
        GroupChange::MemberLeft { member, reason, .. } => fill(
            t.replay_member_left,
            &[&group.member_name(member), &reason.label(t)],
        ),
        GroupChange::RoleAssigned { term } => fill(
            t.replay_role_assigned,
            &[
                &group.member_name(&term.member),
                &term
                    .role
                    .label_for(t, group.member(&term.member).and_then(|m| m.gender)),
            ],
        ),
        GroupChange::RoleEnded { id, .. } => {
            let role = group
                .roles
                .iter()
                .find(|r| &r.id == id)
                .map(|r| r.role.label(t))
                .unwrap_or_else(|| t.unknown.to_string());
            fill(t.replay_role_ended, &[&role, &subject])
        }
        GroupChange::RuleAdopted { rule } => fill(t.replay_rule_adopted, &[&rule.current().text]),
        GroupChange::RuleAmended { version, .. } => fill(t.replay_rule_amended, &[&version.text]),
        GroupChange::RuleWithdrawn { .. } => fill(t.replay_rule_withdrawn, &[&subject]),
        GroupChange::WorkPlanAgreed { plan } => fill(t.replay_plan_agreed, &[&plan.year]),
        GroupChange::PlanObjectiveAdded { year, objective } => {
            fill(t.replay_objective_added, &[year, &objective.text])
        }
        GroupChange::PlannedActivityAdded { year, activity } => fill(
            t.replay_planned_added,
            &[&month_year(activity.month, *year), &activity.what],
        ),
        GroupChange::PlannedActivityEdited { year, activity } => fill(
            t.replay_planned_edited,
            &[&month_year(activity.month, *year), &activity.what],
        ),
        GroupChange::PlannedActivityReviewed { status, .. } => {
            fill(t.replay_planned_reviewed, &[&subject, &status.label(t)])
        }
        GroupChange::ProjectAdded { project } => fill(t.replay_project_added, &[&project.title]),
        GroupChange::ProjectEdited { project } => fill(t.replay_project_edited, &[&project.title]),
        GroupChange::ProjectStatusSet { status, .. } => {
            fill(t.replay_project_status, &[&subject, &status.label(t)])
        }
        GroupChange::MilestoneSet { milestone, .. } => {
            fill(t.replay_milestone_set, &[&subject, &milestone.text])
        }
    }
}

/// "03/2027": a month of a work plan, in the form dates take everywhere.
fn month_year(month: u32, year: i32) -> String {
    format!("{month:02}/{year}")
}
