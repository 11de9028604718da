//! The forms of the group's life: each built from the session (its members, its projects,
//! the item being changed), what the drafts kept put back in, and the keys while one is
//! open. What a validated form records is `submit.rs`.

use super::{ROLE_TOKENS, submit};
use crate::i18n::Strings;
use crate::keymap::{Action, Resolved};
use crate::model::Session;
use crate::ui::decisions::{milestone, plan_years};
use crate::ui::member_form::{leave_form, member_form};
use crate::ui::project_form::funding_text;
use crate::ui::{
    Confirm, Field, FieldId, FieldKind, Form, LifeForm, LifeKind, Model, Overlay, SessionUi,
};
use crate::update::Effect;
use crate::update::journal::touched;
use chrono::Datelike;

/// Opens a form, with what its drafts kept, then `preset` where they kept nothing (the role
/// of the row the advisor elects to). Refused, said in a line, when the session may not
/// change.
pub fn open_form(model: &mut Model, kind: LifeKind, preset: &[(FieldId, &str)]) {
    if !super::may_change(model) {
        return;
    }
    let strings = model.strings();
    let Some(s) = model.session_mut() else { return };
    let mut lf = build(strings, &s.session, kind);
    if !lf.restore(&s.session.drafts) {
        for (field, value) in preset {
            match lf.form.get(*field).map(Field::is_text) {
                Some(true) => {
                    if let Some(f) = lf.form.get_mut(*field) {
                        *f = Field::new(*field, f.kind.clone(), value, f.required);
                    }
                }
                Some(false) => lf.choose(*field, value),
                None => {}
            }
        }
    }
    s.life_form = Some(lf);
}

/// The form of `kind` as the session stands, empty or holding the item it changes.
fn build(s: &Strings, ses: &Session, kind: LifeKind) -> LifeForm {
    let d = s.decisions;
    let text = |id, value: &str, required| Field::text(id, value, required);
    let number = |id, value: String, required| Field::new(id, FieldKind::Number, &value, required);
    let years = plan_years(ses);
    let year_field = || {
        let labels = years.iter().map(|y| y.to_string()).collect();
        Field::choice(FieldId::PlanYear, labels, 0)
    };
    let year_tokens = || (FieldId::PlanYear, years.map(|y| y.to_string()).to_vec());
    let (fields, tokens) = match &kind {
        LifeKind::NewMember => (member_form(s, None, &ses.group.trade).fields, Vec::new()),
        // The day they left: the session's, or an earlier one (they left between meetings).
        LifeKind::Leave(_) => {
            let mut fields = leave_form(s).fields;
            let day = crate::dates::show(ses.date);
            fields.push(Field::new(FieldId::LeaveDate, FieldKind::Date, &day, true));
            (fields, Vec::new())
        }
        LifeKind::Elect => {
            let t = s.life;
            let roles = [
                t.role_coordinator,
                t.role_deputy,
                t.role_treasurer,
                d.role_other,
            ];
            let members: Vec<_> = ses
                .group
                .members
                .iter()
                .filter(|m| m.left.is_none())
                .collect();
            let names = members.iter().map(|m| m.name.clone()).collect();
            let ids = members.iter().map(|m| m.id.0.clone()).collect();
            (
                vec![
                    Field::choice(FieldId::Role, roles.map(str::to_string).to_vec(), 0),
                    text(FieldId::RoleName, "", false),
                    Field::choice(FieldId::RoleMember, names, 0),
                ],
                vec![
                    (FieldId::Role, ROLE_TOKENS.map(str::to_string).to_vec()),
                    (FieldId::RoleMember, ids),
                ],
            )
        }
        LifeKind::Rule(id) => {
            let current = id
                .as_ref()
                .and_then(|id| ses.group.rules.iter().find(|r| &r.id == id))
                .map(|r| r.current());
            let wording = current.as_ref().map_or("", |v| v.text.as_str());
            let rule = current.as_ref().and_then(|v| v.attendance);
            let n = |f: fn(&crate::model::life::AttendanceRule) -> u32| {
                rule.as_ref().map(|r| f(r).to_string()).unwrap_or_default()
            };
            (
                vec![
                    text(FieldId::RuleText, wording, true),
                    number(FieldId::RuleAbsences, n(|r| r.absences), false),
                    number(FieldId::RuleWithin, n(|r| r.within), false),
                ],
                Vec::new(),
            )
        }
        LifeKind::Objective(None) => (
            vec![year_field(), text(FieldId::Objective, "", true)],
            vec![year_tokens()],
        ),
        // An objective keeps its year: it is reworded within its plan.
        LifeKind::Objective(Some(id)) => {
            let existing = (ses.group.plans.iter())
                .flat_map(|p| &p.objectives)
                .find(|o| &o.id == id);
            let wording = existing.map_or("", |o| o.text.as_str());
            (vec![text(FieldId::Objective, wording, true)], Vec::new())
        }
        LifeKind::Activity(id) => {
            let existing = id.as_ref().and_then(|id| {
                (ses.group.plans.iter())
                    .flat_map(|p| p.activities.iter())
                    .find(|a| &a.id == id)
            });
            let month = existing.map_or(ses.date.month(), |a| a.month).to_string();
            let mut labels = vec![d.no_project.to_string()];
            let mut ids = vec![String::new()];
            for p in &ses.group.projects {
                labels.push(p.title.clone());
                ids.push(p.id.0.clone());
            }
            let project = existing
                .and_then(|a| a.project.as_ref())
                .and_then(|p| ids.iter().position(|i| *i == p.0))
                .unwrap_or(0);
            let mut fields = Vec::new();
            let mut tokens = vec![(FieldId::PlanProject, ids)];
            // A planned activity keeps its year: it is edited within its plan.
            if existing.is_none() {
                fields.push(year_field());
                tokens.push(year_tokens());
            }
            fields.extend([
                number(FieldId::PlanMonth, month, true),
                text(FieldId::PlanWhat, existing.map_or("", |a| &a.what), true),
                text(FieldId::PlanWho, existing.map_or("", |a| &a.who), false),
                Field::choice(FieldId::PlanProject, labels, project),
            ]);
            (fields, tokens)
        }
        LifeKind::Project(id) => {
            let existing = id
                .as_ref()
                .and_then(|id| ses.group.projects.iter().find(|p| &p.id == id));
            // The members taking part, among the group's today and those of the project
            // who left since (kept unless unmarked).
            let taking_part = existing.map_or(&[][..], |p| &p.members[..]);
            let members: Vec<_> = (ses.group.members.iter())
                .filter(|m| m.left.is_none() || taking_part.contains(&m.id))
                .collect();
            let names = members.iter().map(|m| m.name.clone()).collect();
            let marks = members
                .iter()
                .map(|m| taking_part.contains(&m.id))
                .collect();
            let ids = members.iter().map(|m| m.id.0.clone()).collect();
            let budget = existing
                .and_then(|p| p.budget_mad)
                .map(|b| b.to_string())
                .unwrap_or_default();
            let funding = existing.map_or_else(String::new, |p| funding_text(&p.funding, s));
            (
                vec![
                    text(
                        FieldId::ProjectTitle,
                        existing.map_or("", |p| &p.title),
                        true,
                    ),
                    text(FieldId::ProjectAim, existing.map_or("", |p| &p.aim), false),
                    Field::multi(FieldId::ProjectMembers, names, marks),
                    text(FieldId::ProjectBudget, &budget, false),
                    text(FieldId::ProjectFunding, &funding, false),
                ],
                vec![(FieldId::ProjectMembers, ids)],
            )
        }
        LifeKind::Milestone(_) => (
            vec![
                text(FieldId::MilestoneText, "", true),
                Field::new(FieldId::MilestoneDue, FieldKind::Date, "", false),
            ],
            Vec::new(),
        ),
        LifeKind::EditMilestone(id) => {
            let existing = milestone(ses, id).map(|(_, m)| m);
            let due = existing.and_then(|m| m.due).map(crate::dates::show);
            (
                vec![
                    text(
                        FieldId::MilestoneText,
                        existing.map_or("", |m| &m.text),
                        true,
                    ),
                    Field::new(
                        FieldId::MilestoneDue,
                        FieldKind::Date,
                        &due.unwrap_or_default(),
                        false,
                    ),
                ],
                Vec::new(),
            )
        }
    };
    LifeForm::new(kind, Form::new(fields), tokens)
}

/// Keeps the open form in the drafts and marks the session changed, so the next ticks
/// save it.
pub fn keep_draft(s: &mut SessionUi, now: chrono::DateTime<chrono::Utc>) {
    let Some(lf) = &s.life_form else { return };
    lf.keep_draft(&mut s.session.drafts);
    touched(s, now);
}

/// On opening a session, a form of the group's life left half filled (a crash, a closed
/// lid) comes back open, over the decisions when it is one of theirs; one about an item
/// gone since is left in the drafts.
pub fn reopen_draft(model: &mut Model) {
    let Some(s) = model.session() else { return };
    if s.read_only || s.session.is_closed() {
        return;
    }
    let ses = &s.session;
    let g = &ses.group;
    let found = ses.drafts.keys().find_map(|k| {
        let kind = LifeKind::from_draft_key(k)?;
        let known = match &kind {
            LifeKind::Leave(id) => g.member(id).is_some(),
            LifeKind::Rule(Some(id)) => g.rules.iter().any(|r| &r.id == id),
            LifeKind::Activity(Some(id)) => g
                .plans
                .iter()
                .any(|p| p.activities.iter().any(|a| &a.id == id)),
            LifeKind::Project(Some(id)) | LifeKind::Milestone(id) => {
                g.projects.iter().any(|p| &p.id == id)
            }
            LifeKind::Objective(Some(id)) => (g.plans.iter())
                .flat_map(|p| &p.objectives)
                .any(|o| &o.id == id),
            LifeKind::EditMilestone(id) => milestone(ses, id).is_some(),
            _ => true,
        };
        known.then_some(kind)
    });
    let Some(kind) = found else { return };
    if kind.is_decision() {
        let section = super::section_of(&kind);
        if let Some(s) = model.session_mut() {
            s.decisions = Some(crate::ui::DecisionsUi {
                section,
                ..Default::default()
            });
        }
    }
    open_form(model, kind, &[]);
}

/// A key while a form of the group's life is open.
pub fn form_action(model: &mut Model, r: Resolved) -> Vec<Effect> {
    let now = model.now;
    let Some(s) = model.session_mut() else {
        return Vec::new();
    };
    let Some(lf) = &mut s.life_form else {
        return Vec::new();
    };
    let n = lf.form.fields.len();
    match r.action {
        Action::PrevChoice | Action::NextChoice => {
            if let Some(f) = lf.form.focused() {
                f.cycle(if r.action == Action::NextChoice {
                    1
                } else {
                    -1
                });
                keep_draft(s, now);
            }
        }
        Action::Toggle => {
            if let Some(f) = lf.form.focused() {
                f.toggle();
                keep_draft(s, now);
            }
        }
        Action::NextPane => lf.form.focus = (lf.form.focus + 1) % n,
        Action::PrevPane => lf.form.focus = (lf.form.focus + n - 1) % n,
        Action::Open if lf.form.focus + 1 < n => lf.form.focus += 1,
        Action::Open | Action::StartSession => return submit::submit(model),
        Action::Back => {
            if lf.has_draft(&s.session.drafts) {
                model.overlay = Some(Overlay::Confirm(Confirm::DiscardLifeForm));
            } else {
                s.life_form = None;
            }
        }
        _ => {}
    }
    Vec::new()
}
