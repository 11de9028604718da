//! What the group decides about itself during a session (issue 13): a member joining or
//! leaving at check-in, and over any phase (`D`) its roles, rules, work plan and joint
//! projects; an action or an idea linked to a project; the work plan reviewed in the
//! follow-up. Each decision is one `Change::Group` (or an action's or idea's project)
//! through `journal::record`, carried to the next session with the group.
//!
//! At the level of the techniques: it records through `journal` and opens pickers through
//! `open`; `session` routes its keys here and `edit` what its pickers and confirmations
//! chose.

mod forms;
mod links;
mod review;
mod submit;

pub use forms::{form_action, keep_draft, open_form, reopen_draft};
pub use links::{link_project, picked};
pub use review::review_plan;
pub use submit::leave;

use super::Effect;
use super::journal::record;
use super::open::show_picker;
use crate::keymap::{Action, Resolved};
use crate::model::Change;
use crate::model::life::{GroupChange, ProjectStatus, Role};
use crate::ui::decisions::{rows, term_of};
use crate::ui::{
    Confirm, DecisionRow, DecisionSection, DecisionsUi, FieldId, Flash, LifeKind, Model, Overlay,
    Pane, PickFor, PickValue, SessionUi,
};
use strum::VariantArray;

/// The role field's options, by what they stand for: the three the method names, then one
/// the group names itself (typed below).
const ROLE_TOKENS: [&str; 4] = ["coordinator", "deputy", "treasurer", "other"];

fn role_token(role: &Role) -> &'static str {
    match role {
        Role::Coordinator => ROLE_TOKENS[0],
        Role::Deputy => ROLE_TOKENS[1],
        Role::Treasurer => ROLE_TOKENS[2],
        Role::Other(_) => ROLE_TOKENS[3],
    }
}

/// A form's date field refused: its rule said in a whole sentence, as the action form does.
fn say_bad_date(model: &mut Model) {
    model.flash = Some(Flash {
        text: model.strings().field_bad_date.to_string(),
        error: true,
    });
}

/// The date typed in a form's date field, if any (checked by `Form::validate`).
fn date_of(
    form: &crate::ui::Form,
    id: FieldId,
    base: chrono::NaiveDate,
) -> Option<chrono::NaiveDate> {
    crate::dates::parse(&form.value(id), base).ok().flatten()
}

/// Whether the session on screen may change; if not, says why in a line.
pub(super) fn may_change(model: &mut Model) -> bool {
    let strings = model.strings();
    let read_only = model.read_only_text();
    let Some(s) = model.session() else {
        return false;
    };
    let refusal = if s.read_only {
        Some(read_only)
    } else if s.session.is_closed() {
        Some(strings.session_closed_reopen)
    } else {
        None
    };
    if let Some(text) = refusal {
        model.flash = Some(Flash {
            text: text.to_string(),
            error: true,
        });
    }
    refusal.is_none()
}

/// The section of the decisions where a form's item is listed.
pub(super) fn section_of(kind: &LifeKind) -> DecisionSection {
    match kind {
        LifeKind::Rule(_) => DecisionSection::Rules,
        LifeKind::Objective(_) | LifeKind::Activity(_) => DecisionSection::Plan,
        LifeKind::Project(_) | LifeKind::Milestone(_) | LifeKind::EditMilestone(_) => {
            DecisionSection::Projects
        }
        LifeKind::Elect | LifeKind::NewMember | LifeKind::Leave(_) => DecisionSection::Roles,
    }
}

/// After a decision is recorded, its row is selected in its section.
pub(super) fn show_recorded(s: &mut SessionUi, change: &Change) {
    let row = match change {
        Change::Group(GroupChange::RoleAssigned { term }) => DecisionRow::Role(term.role.clone()),
        Change::Group(GroupChange::RuleAdopted { rule }) => DecisionRow::Rule(rule.id.clone()),
        Change::Group(GroupChange::PlanObjectiveAdded { year, objective }) => {
            DecisionRow::Objective(*year, objective.id.clone())
        }
        Change::Group(GroupChange::PlannedActivityAdded { year, activity }) => {
            DecisionRow::Activity(*year, activity.id.clone())
        }
        Change::Group(GroupChange::ProjectAdded { project }) => {
            DecisionRow::Project(project.id.clone())
        }
        Change::Group(GroupChange::MilestoneSet { project, milestone }) => {
            DecisionRow::Milestone(project.clone(), milestone.id.clone())
        }
        _ => return,
    };
    let Some(d) = &mut s.decisions else { return };
    if let Some(i) = rows(d.section, &s.session).iter().position(|r| *r == row) {
        d.selected.insert(d.section, i);
    }
}

/// `D`: the group's decisions over the phase on screen; again, back to the phase.
pub fn toggle(model: &mut Model) {
    if let Some(s) = model.session_mut() {
        s.decisions = match s.decisions {
            Some(_) => None,
            None => Some(DecisionsUi::default()),
        };
    }
}

/// A key on the decisions screen (no form open).
pub fn screen_action(model: &mut Model, r: Resolved) -> Vec<Effect> {
    let Some(s) = model.session_mut() else {
        return Vec::new();
    };
    let Some(d) = &mut s.decisions else {
        return Vec::new();
    };
    let section = d.section;
    let n = rows(section, &s.session).len();
    let sel = d.selection(section, n);
    let mut select = |v: usize| {
        d.selected.insert(section, v.min(n.saturating_sub(1)));
    };
    match r.action {
        Action::Up => select(sel.saturating_sub(1)),
        Action::Down => select(sel + 1),
        Action::PageUp => select(sel.saturating_sub(10)),
        Action::PageDown => select(sel + 10),
        Action::First => select(0),
        Action::Last => select(n.saturating_sub(1)),
        Action::NextPane | Action::PrevPane => {
            let all = DecisionSection::VARIANTS;
            let i = all.iter().position(|x| *x == section).unwrap_or(0);
            let step = if r.action == Action::NextPane {
                1
            } else {
                all.len() - 1
            };
            d.section = all[(i + step) % all.len()];
        }
        Action::Back => s.decisions = None,
        _ => act(model, r.action),
    }
    Vec::new()
}

/// What a key of a section does to its selected row.
fn act(model: &mut Model, action: Action) {
    let st = model.strings();
    let Some(s) = model.session() else { return };
    let Some(d) = &s.decisions else { return };
    let row = d.selected_row(&s.session);
    let g = &s.session.group;
    match (action, row) {
        (Action::Elect, Some(DecisionRow::Role(role))) => {
            let token = role_token(&role);
            let name = match &role {
                Role::Other(name) => name.clone(),
                _ => String::new(),
            };
            open_form(
                model,
                LifeKind::Elect,
                &[(FieldId::Role, token), (FieldId::RoleName, &name)],
            );
            // The role is the row's: who is elected is what is left to say.
            focus(model, FieldId::RoleMember);
        }
        (Action::AddRole, _) => {
            let other = ROLE_TOKENS[3];
            open_form(model, LifeKind::Elect, &[(FieldId::Role, other)]);
            focus(model, FieldId::RoleName);
        }
        (Action::Add, _) => {
            let kind = match d.section {
                DecisionSection::Rules => LifeKind::Rule(None),
                DecisionSection::Plan => LifeKind::Activity(None),
                DecisionSection::Projects => LifeKind::Project(None),
                DecisionSection::Roles => LifeKind::Elect,
            };
            open_form(model, kind, &[]);
        }
        (Action::AddObjective, _) => open_form(model, LifeKind::Objective(None), &[]),
        (Action::Edit, Some(DecisionRow::Objective(_, id))) => {
            open_form(model, LifeKind::Objective(Some(id)), &[])
        }
        (Action::RemoveFromPlan, Some(DecisionRow::Objective(_, id))) => {
            ask(model, Confirm::RemoveObjective(id))
        }
        (Action::RemoveFromPlan, Some(DecisionRow::Activity(_, id))) => {
            ask(model, Confirm::RemovePlanned(id))
        }
        (Action::EndTerm, Some(DecisionRow::Role(role))) => match term_of(&s.session, &role) {
            None => say(model, st.decisions.role_vacant_already, true),
            Some(term) => {
                let id = term.id.clone();
                ask(model, Confirm::EndTerm(id));
            }
        },
        (Action::Edit, Some(DecisionRow::Milestone(_, id))) => {
            open_form(model, LifeKind::EditMilestone(id), &[])
        }
        (Action::AddMilestone, Some(DecisionRow::Milestone(project, _))) => {
            open_form(model, LifeKind::Milestone(project), &[])
        }
        // Reached at this session, or to do again.
        (Action::ToggleDone, Some(DecisionRow::Milestone(project, milestone))) => {
            let Some((_, m)) = crate::ui::decisions::milestone(&s.session, &milestone) else {
                return;
            };
            let done = m.done.is_none().then_some(s.session.date);
            if may_change(model) {
                let change = GroupChange::MilestoneDone {
                    project,
                    milestone,
                    done,
                };
                record(model, Change::Group(change));
            }
        }
        (Action::Edit, Some(DecisionRow::Rule(id))) => {
            if g.rules.iter().any(|r| r.id == id && !r.in_force()) {
                say(model, st.decisions.rule_withdrawn_already, true);
            } else {
                open_form(model, LifeKind::Rule(Some(id)), &[]);
            }
        }
        (Action::Edit, Some(DecisionRow::Activity(_, id))) => {
            open_form(model, LifeKind::Activity(Some(id)), &[])
        }
        (Action::Edit, Some(DecisionRow::Project(id))) => {
            open_form(model, LifeKind::Project(Some(id)), &[])
        }
        (Action::AddMilestone, Some(DecisionRow::Project(id))) => {
            open_form(model, LifeKind::Milestone(id), &[])
        }
        (Action::Withdraw, Some(DecisionRow::Rule(id))) => {
            if g.rules.iter().any(|r| r.id == id && !r.in_force()) {
                say(model, st.decisions.rule_withdrawn_already, true);
            } else if may_change(model) {
                model.overlay = Some(Overlay::Confirm(Confirm::WithdrawRule(id)));
            }
        }
        (Action::ProjectStatus, Some(DecisionRow::Project(id) | DecisionRow::Milestone(id, _))) => {
            let current = (g.projects.iter().find(|p| p.id == id))
                .map(|p| PickValue::ProjectStatus(p.status));
            let t = model.strings().life;
            let options = (ProjectStatus::VARIANTS.iter())
                .map(|st| (st.label(t).to_string(), PickValue::ProjectStatus(*st)))
                .collect();
            show_picker(model, PickFor::ProjectStatus, options, current.as_ref());
        }
        _ => {}
    }
}

/// Asks before a decision that takes something back, when the session may change.
fn ask(model: &mut Model, question: Confirm) {
    if may_change(model) {
        model.overlay = Some(Overlay::Confirm(question));
    }
}

/// Puts the open form's focus on a field.
fn focus(model: &mut Model, field: FieldId) {
    if let Some(s) = model.session_mut()
        && let Some(lf) = &mut s.life_form
        && let Some(i) = lf.form.fields.iter().position(|f| f.id == field)
    {
        lf.form.focus = i;
    }
}

fn say(model: &mut Model, text: &str, error: bool) {
    model.flash = Some(Flash {
        text: text.to_string(),
        error,
    });
}

/// `x` on the attendance list: the selected member leaves the group (a reason, then a
/// confirmation).
pub fn member_leaves(model: &mut Model) {
    let Some(s) = model.session() else { return };
    let Some(member) = s.selected_id(Pane::Attendance) else {
        return;
    };
    if s.session
        .group
        .member(&member)
        .is_some_and(|m| m.left.is_none())
    {
        open_form(model, LifeKind::Leave(member), &[]);
    }
}

/// What a confirmation of the group's life does once confirmed.
pub fn confirmed(model: &mut Model, c: Confirm) {
    match c {
        Confirm::MemberLeaves(member) => leave(model, &member),
        Confirm::WithdrawRule(id) => {
            let Some(date) = model.session().map(|s| s.session.date) else {
                return;
            };
            record(
                model,
                Change::Group(GroupChange::RuleWithdrawn { id, date }),
            );
        }
        // The term ends on the session's day: the role is to elect from the next meeting.
        Confirm::EndTerm(id) => {
            let Some(date) = model.session().map(|s| s.session.date) else {
                return;
            };
            record(model, Change::Group(GroupChange::RoleEnded { id, date }));
        }
        Confirm::RemoveObjective(id) => {
            record(
                model,
                Change::Group(GroupChange::PlanObjectiveRemoved { id }),
            );
        }
        Confirm::RemovePlanned(id) => {
            record(
                model,
                Change::Group(GroupChange::PlannedActivityRemoved { id }),
            );
        }
        Confirm::DiscardLifeForm => {
            let now = model.now;
            if let Some(s) = model.session_mut()
                && let Some(lf) = s.life_form.take()
            {
                lf.drop_draft(&mut s.session.drafts);
                crate::update::journal::touched(s, now);
            }
        }
        _ => {}
    }
}
