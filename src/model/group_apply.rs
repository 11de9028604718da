//! What a change of the group's life ([`GroupChange`]) does to the group a session carries.
//! Apart from `life/` because it acts on `Group`, which holds the life's records: the types
//! stay below the group, and this sits above both.

use super::Group;
use super::Id;
use super::life::{GroupChange, WorkPlan};

impl Group {
    /// Applies a change of the group's life. One naming an unknown id does nothing, as for
    /// every change (a history is replayed as written, even after a hand edit).
    pub fn apply(&mut self, change: &GroupChange) {
        match change {
            GroupChange::MemberLeft {
                member,
                date,
                reason,
            } => {
                if let Some(m) = self.members.iter_mut().find(|m| &m.id == member) {
                    m.left = Some(*date);
                    m.left_reason = Some(reason.clone());
                }
                // A member who leaves leaves their roles.
                for t in &mut self.roles {
                    if &t.member == member && t.to.is_none() {
                        t.to = Some(*date);
                    }
                }
            }
            GroupChange::RoleAssigned { term } => {
                // A role is held by a member of the group: electing an unknown id is a
                // change naming an unknown id.
                if self.member(&term.member).is_none() {
                    return;
                }
                let day_before = term.from.pred_opt().unwrap_or(term.from);
                for t in &mut self.roles {
                    if t.role == term.role && t.to.is_none() && t.id != term.id {
                        t.to = Some(day_before.max(t.from));
                    }
                }
                upsert(&mut self.roles, term.clone(), |t| &t.id);
            }
            GroupChange::RoleEnded { id, date } => {
                if let Some(t) = self.roles.iter_mut().find(|t| &t.id == id) {
                    t.to = Some(*date);
                }
            }
            GroupChange::RuleAdopted { rule } => upsert(&mut self.rules, rule.clone(), |r| &r.id),
            GroupChange::RuleAmended { id, version } => {
                if let Some(r) = self.rules.iter_mut().find(|r| &r.id == id) {
                    r.versions.push(version.clone());
                }
            }
            GroupChange::RuleWithdrawn { id, date } => {
                if let Some(r) = self.rules.iter_mut().find(|r| &r.id == id) {
                    r.withdrawn = Some(*date);
                }
            }
            GroupChange::WorkPlanAgreed { plan } => {
                self.plans.retain(|p| p.year != plan.year);
                self.plans.push(plan.clone());
                crate::sort::by_key(&mut self.plans, |p| p.year);
            }
            GroupChange::PlanObjectiveAdded { year, objective } => {
                self.plan_mut(*year).objectives.push(objective.clone());
            }
            GroupChange::PlanObjectiveEdited { id, text } => {
                let mut objectives = self.plans.iter_mut().flat_map(|p| &mut p.objectives);
                if let Some(o) = objectives.find(|o| &o.id == id) {
                    o.text = text.clone();
                }
            }
            GroupChange::PlanObjectiveRemoved { id } => {
                for p in &mut self.plans {
                    p.objectives.retain(|o| &o.id != id);
                }
            }
            GroupChange::PlannedActivityRemoved { id } => {
                for p in &mut self.plans {
                    p.activities.retain(|a| &a.id != id);
                }
            }
            GroupChange::PlannedActivityAdded { year, activity } => {
                let plan = self.plan_mut(*year);
                upsert(&mut plan.activities, activity.clone(), |a| &a.id);
            }
            GroupChange::PlannedActivityEdited { year, activity } => {
                // An edit of an activity the plans do not have adds nothing; one whose year
                // changed moves to that year's plan.
                let Some(from) = self
                    .plans
                    .iter()
                    .position(|p| p.activities.iter().any(|a| a.id == activity.id))
                else {
                    return;
                };
                if self.plans[from].year == *year {
                    upsert(&mut self.plans[from].activities, activity.clone(), |a| {
                        &a.id
                    });
                } else {
                    self.plans[from].activities.retain(|a| a.id != activity.id);
                    self.plan_mut(*year).activities.push(activity.clone());
                }
            }
            GroupChange::PlannedActivityReviewed {
                id,
                status,
                comment,
            } => {
                if let Some(a) = self
                    .plans
                    .iter_mut()
                    .flat_map(|p| p.activities.iter_mut())
                    .find(|a| &a.id == id)
                {
                    a.status = *status;
                    a.comment = comment.clone();
                }
            }
            GroupChange::ProjectAdded { project } => {
                upsert(&mut self.projects, project.clone(), |p| &p.id)
            }
            GroupChange::ProjectEdited { project } => {
                if let Some(p) = self.projects.iter_mut().find(|p| p.id == project.id) {
                    // The status and milestones have changes of their own.
                    let (status, milestones) = (p.status, std::mem::take(&mut p.milestones));
                    *p = project.clone();
                    p.status = status;
                    p.milestones = milestones;
                }
            }
            GroupChange::ProjectStatusSet { id, status } => {
                if let Some(p) = self.projects.iter_mut().find(|p| &p.id == id) {
                    p.status = *status;
                }
            }
            GroupChange::MilestoneSet { project, milestone } => {
                if let Some(p) = self.projects.iter_mut().find(|p| &p.id == project) {
                    upsert(&mut p.milestones, milestone.clone(), |m| &m.id);
                }
            }
            GroupChange::MilestoneDone {
                project,
                milestone,
                done,
            } => {
                let mut milestones = (self.projects.iter_mut())
                    .filter(|p| &p.id == project)
                    .flat_map(|p| &mut p.milestones);
                if let Some(m) = milestones.find(|m| &m.id == milestone) {
                    m.done = *done;
                }
            }
        }
    }

    /// The plan of a year, made empty if the group has none yet.
    fn plan_mut(&mut self, year: i32) -> &mut WorkPlan {
        let i = match self.plans.iter().position(|p| p.year == year) {
            Some(i) => i,
            None => {
                self.plans.push(WorkPlan {
                    year,
                    session: None,
                    objectives: Vec::new(),
                    activities: Vec::new(),
                });
                crate::sort::by_key(&mut self.plans, |p| p.year);
                self.plans.iter().position(|p| p.year == year).unwrap_or(0)
            }
        };
        &mut self.plans[i]
    }
}

/// Replaces the element with the same id, or appends it.
fn upsert<T>(list: &mut Vec<T>, item: T, id: impl Fn(&T) -> &Id) {
    match list.iter().position(|x| id(x) == id(&item)) {
        Some(i) => list[i] = item,
        None => list.push(item),
    }
}
