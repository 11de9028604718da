//! What the group decided about itself, in words, for replay: a member leaving, a role, a
//! rule, the work plan, a joint project (issue 13). What an event names by id is read from
//! the state just before it, like the rest of the history ([`context`]).

use super::Context;
use crate::dates;
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
    let objective = |id: &Id| {
        (g.plans.iter())
            .flat_map(|p| &p.objectives)
            .find(|o| &o.id == id)
            .map(|o| o.text.clone())
            .unwrap_or_default()
    };
    let milestone = |project: &Id, id: &Id| {
        (g.projects.iter())
            .filter(|p| &p.id == project)
            .flat_map(|p| &p.milestones)
            .find(|m| &m.id == id)
            .map(|m| m.text.clone())
    };
    // The milestone's text before (none: a milestone added); the day a member left when it
    // is not the session's.
    let target = match change {
        GroupChange::MilestoneSet {
            project,
            milestone: m,
        } => milestone(project, &m.id),
        GroupChange::MilestoneDone {
            project,
            milestone: m,
            ..
        } => milestone(project, m),
        GroupChange::MemberLeft { date, .. } if *date != before.date => Some(dates::show(*date)),
        _ => None,
    };
    let subject = match change {
        GroupChange::PlanObjectiveEdited { id, .. } | GroupChange::PlanObjectiveRemoved { id } => {
            objective(id)
        }
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
        GroupChange::PlannedActivityReviewed { id, .. }
        | GroupChange::PlannedActivityRemoved { id } => g
            .plans
            .iter()
            .flat_map(|p| &p.activities)
            .find(|a| &a.id == id)
            .map(|a| a.what.clone())
            .unwrap_or_default(),
        GroupChange::ProjectStatusSet { id, .. } => project(id),
        GroupChange::MilestoneSet { project: id, .. }
        | GroupChange::MilestoneDone { project: id, .. } => project(id),
        _ => String::new(),
    };
    Context {
        subject,
        target: target.unwrap_or_default(),
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
        // The day said when it is not the session's (`context`).
        GroupChange::MemberLeft { member, reason, .. } if !ctx.target.is_empty() => fill(
            t.replay_member_left_on,
            &[&group.member_name(member), &ctx.target, &reason.label(t)],
        ),
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
        GroupChange::PlanObjectiveEdited { text, .. } => fill(t.replay_objective_edited, &[text]),
        GroupChange::PlanObjectiveRemoved { .. } => fill(t.replay_objective_removed, &[&subject]),
        GroupChange::PlannedActivityRemoved { .. } => fill(t.replay_planned_removed, &[&subject]),
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
            let sentence = match ctx.target.is_empty() {
                true => t.replay_milestone_set,
                false => t.replay_milestone_edited,
            };
            fill(sentence, &[&subject, &milestone.text])
        }
        GroupChange::MilestoneDone { done, .. } => {
            let sentence = match done {
                Some(_) => t.replay_milestone_done,
                None => t.replay_milestone_reopened,
            };
            fill(sentence, &[&subject, &or_unknown(&ctx.target)])
        }
    }
}

/// "03/2027": a month of a work plan, in the form dates take everywhere.
fn month_year(month: u32, year: i32) -> String {
    format!("{month:02}/{year}")
}
