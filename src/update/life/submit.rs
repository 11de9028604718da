//! What a validated form of the group's life records: one `Change` through
//! `journal::record`, so the history, replay and the autosave have it like any other. A
//! member leaving asks first; the rest is recorded at once, and the form's drafts go.

use super::{ROLE_TOKENS, date_of, say_bad_date};
use crate::i18n::fill;
use crate::model::life::{
    AttendanceRule, GroupChange, MAX_RULE_COUNT, Milestone, PlanStatus, PlannedActivity, Project,
    ProjectStatus, Role, RoleTerm, Rule, RuleVersion,
};
use crate::model::{Change, Id, Item, Member, Session};
use crate::ui::member_form::{leave_date, read_leave, read_member};
use crate::ui::project_form::{parse_amount, parse_funding};
use crate::ui::{Confirm, FieldError, FieldId, Flash, Form, LifeForm, LifeKind, Model, Overlay};
use crate::update::Effect;
use crate::update::journal::record;

/// Checks and records the open form.
pub fn submit(model: &mut Model) -> Vec<Effect> {
    let now = model.now;
    let strings = model.strings();
    let mut ids = model.ids.clone();
    let Some(s) = model.session_mut() else {
        return Vec::new();
    };
    let Some(mut lf) = s.life_form.clone() else {
        return Vec::new();
    };
    let outcome = change_of(&mut lf, &s.session, &mut ids, now, strings);
    // The form as checked: its fields marked with what is wrong.
    s.life_form = Some(lf.clone());
    let change = match outcome {
        Outcome::Record(change) => change,
        Outcome::Ask(member) => {
            model.overlay = Some(Overlay::Confirm(Confirm::MemberLeaves(member)));
            return Vec::new();
        }
        Outcome::Refused(bad_date) => {
            if bad_date {
                say_bad_date(model);
            }
            return Vec::new();
        }
        Outcome::Said(text) => {
            model.flash = Some(Flash { text, error: true });
            return Vec::new();
        }
    };
    model.ids = ids;
    if record(model, change.clone())
        && let Some(s) = model.session_mut()
    {
        lf.drop_draft(&mut s.session.drafts);
        s.life_form = None;
        super::show_recorded(s, &change);
    }
    Vec::new()
}

/// The member leaves, for the reason the open form says (after its confirmation).
pub fn leave(model: &mut Model, member: &Id) {
    let Some(s) = model.session() else { return };
    let Some(lf) = s.life_form.clone() else {
        return;
    };
    let base = s.session.date;
    let (date, reason) = (leave_date(&lf.form, base), read_leave(&lf.form));
    // Left before this meeting: they leave the attendance list; said, so it is no surprise.
    let said = (date != base).then(|| {
        let t = model.strings().life;
        let name = s.session.group.member_name(member);
        let day = crate::dates::show(date);
        fill(t.replay_member_left_on, &[&name, &day, &reason.label(t)])
    });
    let change = Change::Group(GroupChange::MemberLeft {
        member: member.clone(),
        date,
        reason,
    });
    if record(model, change)
        && let Some(s) = model.session_mut()
    {
        lf.drop_draft(&mut s.session.drafts);
        s.life_form = None;
        if let Some(text) = said {
            model.flash = Some(Flash { text, error: false });
        }
    }
}

enum Outcome {
    Record(Change),
    /// A confirmation first: this member leaves.
    Ask(Id),
    /// A field is wrong (marked); true when it is a date, whose rule is said in a line.
    Refused(bool),
    Said(String),
}

fn change_of(
    lf: &mut LifeForm,
    ses: &Session,
    ids: &mut crate::model::IdGen,
    now: crate::model::Timestamp,
    strings: &crate::i18n::Strings,
) -> Outcome {
    let base = ses.date;
    if !lf.form.validate(base) {
        let bad_date = lf
            .form
            .fields
            .iter()
            .any(|f| f.error == Some(FieldError::BadDate));
        return Outcome::Refused(bad_date);
    }
    let f = &lf.form;
    let group = |c: GroupChange| Outcome::Record(Change::Group(c));
    match lf.kind.clone() {
        LifeKind::NewMember => {
            let fresh = Member {
                id: ids.next_id(),
                joined: Some(base),
                ..Member::default()
            };
            match read_member(&mut lf.form, base, fresh) {
                Some(member) => Outcome::Record(Change::MemberAdded { member }),
                None => Outcome::Refused(false),
            }
        }
        // Left on the session's day or before it (between two meetings), never before
        // joining: a departure to come is recorded at the session where it happens.
        LifeKind::Leave(member) => {
            let day = leave_date(&lf.form, base);
            let joined = ses.group.member(&member).and_then(|m| m.joined);
            if day > base {
                return refuse(
                    &mut lf.form,
                    FieldId::LeaveDate,
                    FieldError::LeaveAfterSession,
                );
            }
            if joined.is_some_and(|j| day < j) {
                return refuse(
                    &mut lf.form,
                    FieldId::LeaveDate,
                    FieldError::LeaveBeforeJoining,
                );
            }
            Outcome::Ask(member)
        }
        LifeKind::Elect => {
            let role = match lf.token(FieldId::Role).as_deref() {
                Some(t) if t == ROLE_TOKENS[0] => Role::Coordinator,
                Some(t) if t == ROLE_TOKENS[1] => Role::Deputy,
                Some(t) if t == ROLE_TOKENS[2] => Role::Treasurer,
                _ => {
                    let name = f.value(FieldId::RoleName);
                    if name.is_empty() {
                        return refuse(&mut lf.form, FieldId::RoleName, FieldError::Required);
                    }
                    Role::Other(name)
                }
            };
            let Some(member) = lf.token(FieldId::RoleMember).filter(|m| !m.is_empty()) else {
                return Outcome::Said(strings.decisions.no_member_to_elect.into());
            };
            group(GroupChange::RoleAssigned {
                term: RoleTerm {
                    id: ids.next_id(),
                    role,
                    member: Id(member),
                    from: base,
                    to: None,
                    session: Some(ses.id.clone()),
                },
            })
        }
        LifeKind::Rule(id) => {
            // Its numbers wrong: marked in the form.
            let Some(attendance) = attendance_rule(&mut lf.form) else {
                return Outcome::Refused(false);
            };
            let version = RuleVersion {
                text: lf.form.value(FieldId::RuleText),
                date: base,
                session: Some(ses.id.clone()),
                attendance,
            };
            group(match id {
                Some(id) => GroupChange::RuleAmended { id, version },
                None => GroupChange::RuleAdopted {
                    rule: Rule {
                        id: ids.next_id(),
                        versions: vec![version],
                        withdrawn: None,
                    },
                },
            })
        }
        LifeKind::Objective(Some(id)) => group(GroupChange::PlanObjectiveEdited {
            id,
            text: f.value(FieldId::Objective),
        }),
        LifeKind::Objective(None) => {
            let year = year_of(lf, ses);
            group(GroupChange::PlanObjectiveAdded {
                year,
                objective: Item {
                    id: ids.next_id(),
                    text: f.value(FieldId::Objective),
                    created: now,
                },
            })
        }
        LifeKind::Activity(id) => {
            if !lf
                .form
                .bound(FieldId::PlanMonth, 1..=12, FieldError::BadMonth)
            {
                return Outcome::Refused(false);
            }
            let f = &lf.form;
            let month = f.value(FieldId::PlanMonth).parse().unwrap_or(1);
            let project = lf
                .token(FieldId::PlanProject)
                .filter(|p| !p.is_empty())
                .map(Id);
            let existing = id.as_ref().and_then(|id| {
                ses.group.plans.iter().find_map(|p| {
                    let a = p.activities.iter().find(|a| &a.id == id)?;
                    Some((p.year, a.clone()))
                })
            });
            let (year, activity) = match existing {
                Some((year, a)) => (
                    year,
                    PlannedActivity {
                        month,
                        what: f.value(FieldId::PlanWhat),
                        who: f.value(FieldId::PlanWho),
                        project,
                        ..a
                    },
                ),
                None => (
                    year_of(lf, ses),
                    PlannedActivity {
                        id: ids.next_id(),
                        month,
                        what: f.value(FieldId::PlanWhat),
                        who: f.value(FieldId::PlanWho),
                        status: PlanStatus::Planned,
                        comment: String::new(),
                        project,
                    },
                ),
            };
            group(match id {
                Some(_) => GroupChange::PlannedActivityEdited { year, activity },
                None => GroupChange::PlannedActivityAdded { year, activity },
            })
        }
        LifeKind::Project(id) => {
            let existing = id
                .as_ref()
                .and_then(|id| ses.group.projects.iter().find(|p| &p.id == id));
            let (title, aim) = (f.value(FieldId::ProjectTitle), f.value(FieldId::ProjectAim));
            let members = lf
                .marked(FieldId::ProjectMembers)
                .into_iter()
                .map(Id)
                .collect();
            let typed = f.value(FieldId::ProjectBudget);
            let budget_mad = match typed.is_empty() {
                true => None,
                false => match parse_amount(&typed) {
                    Ok(v) => Some(v),
                    Err(e) => {
                        refuse(&mut lf.form, FieldId::ProjectBudget, FieldError::BadAmount);
                        return Outcome::Said(e.budget_sentence(&typed, strings));
                    }
                },
            };
            let funding = match parse_funding(&f.value(FieldId::ProjectFunding)) {
                Ok(funding) => funding,
                Err(e) => {
                    refuse(
                        &mut lf.form,
                        FieldId::ProjectFunding,
                        FieldError::BadFunding,
                    );
                    return Outcome::Said(e.sentence(strings));
                }
            };
            group(match existing {
                Some(p) => GroupChange::ProjectEdited {
                    project: Project {
                        title,
                        aim,
                        members,
                        budget_mad,
                        funding,
                        ..p.clone()
                    },
                },
                // A project starts as an idea; its status moves as the group decides.
                None => GroupChange::ProjectAdded {
                    project: Project {
                        id: ids.next_id(),
                        title,
                        aim,
                        status: ProjectStatus::Idea,
                        started: base,
                        session: Some(ses.id.clone()),
                        members,
                        milestones: Vec::new(),
                        budget_mad,
                        funding,
                    },
                },
            })
        }
        LifeKind::Milestone(project) => group(GroupChange::MilestoneSet {
            project,
            milestone: Milestone {
                id: ids.next_id(),
                text: f.value(FieldId::MilestoneText),
                due: date_of(f, FieldId::MilestoneDue, base),
                done: None,
            },
        }),
        LifeKind::EditMilestone(id) => {
            let Some((project, m)) = crate::ui::decisions::milestone(ses, &id) else {
                return Outcome::Refused(false);
            };
            group(GroupChange::MilestoneSet {
                project: project.id.clone(),
                milestone: Milestone {
                    text: f.value(FieldId::MilestoneText),
                    due: date_of(f, FieldId::MilestoneDue, base),
                    ..m.clone()
                },
            })
        }
    }
}

fn refuse(form: &mut Form, id: FieldId, error: FieldError) -> Outcome {
    if let Some(i) = form.fields.iter().position(|f| f.id == id) {
        form.fields[i].error = Some(error);
        form.focus = i;
    }
    Outcome::Refused(false)
}

/// The year chosen in the form (the session's year when the form has none).
fn year_of(lf: &LifeForm, ses: &Session) -> i32 {
    lf.token(FieldId::PlanYear)
        .and_then(|y| y.parse().ok())
        .unwrap_or(crate::ui::decisions::plan_years(ses)[0])
}

/// The attendance rule the two numbers make: none when both are empty; both needed, each
/// from 1 to 99 (`None` when not: the form says why beside them).
fn attendance_rule(form: &mut Form) -> Option<Option<AttendanceRule>> {
    let max = i64::from(MAX_RULE_COUNT);
    let absences_ok = form.bound(FieldId::RuleAbsences, 1..=max, FieldError::BadCount);
    let within_ok = form.bound(FieldId::RuleWithin, 1..=max, FieldError::BadCount);
    if !(absences_ok && within_ok) {
        return None;
    }
    let absences = form.value(FieldId::RuleAbsences).parse::<u32>().ok();
    let within = form.value(FieldId::RuleWithin).parse::<u32>().ok();
    match (absences, within) {
        (None, None) => Some(None),
        (Some(absences), Some(within)) => Some(Some(AttendanceRule { absences, within })),
        (None, _) => {
            refuse(form, FieldId::RuleAbsences, FieldError::BothNumbers);
            None
        }
        (_, None) => {
            refuse(form, FieldId::RuleWithin, FieldError::BothNumbers);
            None
        }
    }
}
