//! The group's decisions over a session (`D`, from any phase): its roles, rules, work plan
//! and joint projects, one section at a time, each a list the advisor moves in and acts on.
//! What is selected is UI state; what is decided goes into the session's history.

use crate::model::life::{Milestone, Project, Role, RoleTerm};
use crate::model::{Id, Session};
use chrono::Datelike;
use std::collections::BTreeMap;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, strum::VariantArray,
)]
pub enum DecisionSection {
    #[default]
    Roles,
    Rules,
    Plan,
    Projects,
}

/// One row of a section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecisionRow {
    /// A role: held by someone today, or to elect.
    Role(Role),
    Rule(Id),
    /// An objective of a year's plan.
    Objective(i32, Id),
    /// An activity of a year's plan.
    Activity(i32, Id),
    Project(Id),
    /// A milestone of a project (the project's id, then the milestone's), under it.
    Milestone(Id, Id),
}

#[derive(Debug, Clone, Default)]
pub struct DecisionsUi {
    pub section: DecisionSection,
    pub selected: BTreeMap<DecisionSection, usize>,
    /// The first row each section's list shows (see `layout::scroll`).
    pub scroll: BTreeMap<DecisionSection, usize>,
}

impl DecisionsUi {
    /// The section's selected row, within its rows.
    pub fn selection(&self, section: DecisionSection, rows: usize) -> usize {
        self.selected
            .get(&section)
            .copied()
            .unwrap_or(0)
            .min(rows.saturating_sub(1))
    }

    pub fn selected_row(&self, session: &Session) -> Option<DecisionRow> {
        let rows = rows(self.section, session);
        let i = self.selection(self.section, rows.len());
        rows.into_iter().nth(i)
    }
}

/// The years a session plans for: its own and the next.
pub fn plan_years(session: &Session) -> [i32; 2] {
    let y = session.date.year();
    [y, y + 1]
}

/// A section's rows, as the screen lists them.
pub fn rows(section: DecisionSection, session: &Session) -> Vec<DecisionRow> {
    let g = &session.group;
    match section {
        // The three roles the method names, held or not, then the group's own roles held
        // after today's meeting, in the order they were first given.
        DecisionSection::Roles => {
            let mut roles = vec![Role::Coordinator, Role::Deputy, Role::Treasurer];
            for t in g.roles.iter().filter(|t| t.goes_on_after(session.date)) {
                if !roles.contains(&t.role) {
                    roles.push(t.role.clone());
                }
            }
            roles.into_iter().map(DecisionRow::Role).collect()
        }
        DecisionSection::Rules => g
            .rules
            .iter()
            .map(|r| DecisionRow::Rule(r.id.clone()))
            .collect(),
        DecisionSection::Plan => {
            let mut out = Vec::new();
            for year in plan_years(session) {
                let Some(plan) = g.plans.iter().find(|p| p.year == year) else {
                    continue;
                };
                let objectives = plan.objectives.iter();
                out.extend(objectives.map(|o| DecisionRow::Objective(year, o.id.clone())));
                let activities = plan.by_month().into_iter();
                out.extend(activities.map(|a| DecisionRow::Activity(year, a.id.clone())));
            }
            out
        }
        // Each project, then its milestones.
        DecisionSection::Projects => (g.projects.iter())
            .flat_map(|p| {
                let milestones = (p.milestones.iter())
                    .map(|m| DecisionRow::Milestone(p.id.clone(), m.id.clone()));
                std::iter::once(DecisionRow::Project(p.id.clone())).chain(milestones)
            })
            .collect(),
    }
}

/// A milestone of the group's projects, with the project it belongs to.
pub fn milestone<'a>(session: &'a Session, id: &Id) -> Option<(&'a Project, &'a Milestone)> {
    (session.group.projects.iter())
        .find_map(|p| Some((p, p.milestones.iter().find(|m| &m.id == id)?)))
}

/// The term of a role that goes on after the session's meeting, if someone holds it.
pub fn term_of<'a>(session: &'a Session, role: &Role) -> Option<&'a RoleTerm> {
    (session.group.roles.iter())
        .rev()
        .find(|t| &t.role == role && t.goes_on_after(session.date))
}
