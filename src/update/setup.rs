//! Group setup: the group's data, its members, the session's date and place. A new group
//! starts empty; the next session of a group starts from its latest data, all editable.

use super::Effect;
use crate::dates;
use crate::i18n::Strings;
use crate::keymap::{Action, Resolved};
use crate::model::{Group, Member, NewSession, NextMeeting, Region, Review, Session};
use crate::ui::member_form::{leave_form, member_form, read_leave, read_member};
use crate::ui::setup_draft_restore as restore;
use crate::ui::{
    Confirm, Field, FieldError, FieldId, FieldKind, Flash, Form, LeaveForm, MemberForm, Model,
    Overlay, Screen, Setup, SetupDraft, SetupFocus, SetupKind,
};
use ratatui::crossterm::event::KeyEvent;

pub fn start_new(model: &mut Model) -> Vec<Effect> {
    let group = Group {
        id: model.ids.next_id(),
        // The configuration file's advisor: the person at the keyboard, usually.
        advisor: model.advisor.clone(),
        ..Group::default()
    };
    open_setup(model, group, SetupKind::NewGroup, &NextMeeting::default());
    Vec::new()
}

/// What a group's next session carries from its earlier ones: the actions to review, the
/// themes waiting, each member's attendance.
pub type Carried = (
    Vec<Review>,
    Vec<crate::model::BacklogItem>,
    crate::ui::PastAttendance,
);

pub fn next_ready(
    model: &mut Model,
    group: Group,
    number: u32,
    (reviews, backlog, attendance): Carried,
    next: NextMeeting,
) -> Vec<Effect> {
    let topic = next.topic.trim().to_string();
    open_setup(
        model,
        group,
        SetupKind::Next {
            number,
            reviews,
            backlog,
            topic,
            attendance,
        },
        &next,
    );
    Vec::new()
}

fn open_setup(model: &mut Model, group: Group, kind: SetupKind, next: &NextMeeting) {
    let s = model.strings();
    // The date and place the last session planned; a planned date already past gives way
    // to today's: the meeting is being held now.
    let date = next
        .date
        .filter(|d| *d >= model.today)
        .unwrap_or(model.today);
    let form = group_form(s, &group, &dates::show(date), next.place.trim());
    model.screen = Screen::Setup(Box::new(Setup {
        written: None,
        kind,
        form,
        members: group
            .members
            .iter()
            .filter(|m| m.left.is_none())
            .cloned()
            .collect(),
        base: group,
        member_sel: 0,
        member_scroll: 0,
        focus: SetupFocus::Form,
        member_form: None,
        leave_form: None,
        left: Vec::new(),
        changed: false,
    }));
}

fn region_options(s: &Strings) -> Vec<String> {
    let mut v = vec![s.choice_none.to_string()];
    v.extend(Region::NAMED.iter().map(|r| r.name().to_string()));
    v.push(s.region_other.to_string());
    v
}

fn group_form(s: &Strings, g: &Group, date: &str, place: &str) -> Form {
    let (region, other) = match &g.region {
        Region::Unset => (0, String::new()),
        Region::Other(text) => (Region::NAMED.len() + 1, text.clone()),
        named => (
            Region::NAMED
                .iter()
                .position(|r| r == named)
                .map_or(0, |i| i + 1),
            String::new(),
        ),
    };
    Form::new(vec![
        Field::text(FieldId::GroupName, &g.name, true),
        Field::text(FieldId::Trade, &g.trade, true),
        Field::choice(FieldId::Region, region_options(s), region),
        Field::text(FieldId::RegionOther, &other, false),
        Field::text(FieldId::City, &g.city, false),
        Field::text(FieldId::Host, &g.host, false),
        Field::text(FieldId::Advisor, &g.advisor, true),
        Field::new(FieldId::Date, FieldKind::Date, date, true),
        Field::text(FieldId::Place, place, false),
    ])
}

/// A setup left half typed (crash, closed lid) comes back as it was.
pub fn resume_draft(model: &mut Model, draft: SetupDraft) -> Vec<Effect> {
    open_setup(
        model,
        draft.base.clone(),
        draft.kind(),
        &NextMeeting::default(),
    );
    let s = model.strings();
    if let Screen::Setup(setup) = &mut model.screen {
        restore(&mut setup.form, &draft.values);
        setup.members = draft.members.clone();
        let trade = setup.form.value(FieldId::Trade);
        setup.member_form = draft.restore_member_form(member_form(s, None, &trade));
        setup.leave_form = draft.restore_leave_form(leave_form(s));
        setup.left = draft.left.clone();
        setup.changed = true;
        setup.written = Some(draft);
    }
    model.flash = Some(Flash {
        text: s.setup_draft_resumed.to_string(),
        error: false,
    });
    Vec::new()
}

/// The draft effect when the setup differs from the draft last written.
pub fn autosave(model: &mut Model) -> Vec<Effect> {
    let Screen::Setup(setup) = &mut model.screen else {
        return Vec::new();
    };
    if !setup.changed {
        return Vec::new();
    }
    let draft = SetupDraft::of(setup);
    if setup.written.as_ref() == Some(&draft) {
        return Vec::new();
    }
    setup.written = Some(draft.clone());
    vec![Effect::SaveSetupDraft(Box::new(draft))]
}

pub fn action(model: &mut Model, r: Resolved, _key: KeyEvent) -> Vec<Effect> {
    let s = model.strings();
    let today = model.today;
    let Model { screen, ids, .. } = model;
    let Screen::Setup(setup) = screen else {
        return Vec::new();
    };
    if let Some(lf) = &mut setup.leave_form {
        match r.action {
            Action::NextPane => lf.form.focus = (lf.form.focus + 1) % lf.form.fields.len(),
            Action::PrevPane => {
                let n = lf.form.fields.len();
                lf.form.focus = (lf.form.focus + n - 1) % n;
            }
            Action::Open if lf.form.focus + 1 < lf.form.fields.len() => lf.form.focus += 1,
            Action::Open | Action::StartSession => submit_leave(setup),
            Action::PrevChoice => cycle(&mut lf.form, -1),
            Action::NextChoice => cycle(&mut lf.form, 1),
            // The member stays on the list: nothing was decided.
            Action::Back => setup.leave_form = None,
            _ => {}
        }
        setup.changed = true;
        return Vec::new();
    }
    if let Some(mf) = &mut setup.member_form {
        match r.action {
            Action::NextPane => mf.form.focus = (mf.form.focus + 1) % mf.form.fields.len(),
            Action::PrevPane => {
                let n = mf.form.fields.len();
                mf.form.focus = (mf.form.focus + n - 1) % n;
            }
            Action::Open if mf.form.focus + 1 < mf.form.fields.len() => mf.form.focus += 1,
            Action::Open | Action::StartSession => submit_member(setup, today, ids),
            Action::PrevChoice => cycle(&mut mf.form, -1),
            Action::NextChoice => cycle(&mut mf.form, 1),
            Action::Back => {
                model.overlay = Some(Overlay::Confirm(Confirm::DiscardMemberForm));
            }
            _ => {}
        }
        return Vec::new();
    }
    match (setup.focus, r.action) {
        (_, Action::StartSession) => return start_session(model),
        (_, Action::Back) => {
            if setup.changed {
                model.overlay = Some(Overlay::Confirm(Confirm::DiscardSetup));
                return Vec::new();
            }
            return super::go_home(model);
        }
        (SetupFocus::Form, Action::NextPane | Action::Open) => {
            if setup.form.focus + 1 < setup.form.fields.len() {
                setup.form.focus += 1;
            } else {
                setup.focus = SetupFocus::Members;
            }
        }
        (SetupFocus::Form, Action::PrevPane) => {
            if setup.form.focus > 0 {
                setup.form.focus -= 1;
            } else {
                setup.focus = SetupFocus::Members;
            }
        }
        (SetupFocus::Form, Action::PrevChoice) => {
            cycle(&mut setup.form, -1);
            setup.changed = true;
        }
        (SetupFocus::Form, Action::NextChoice) => {
            cycle(&mut setup.form, 1);
            setup.changed = true;
        }
        (SetupFocus::Members, Action::NextPane) => {
            setup.focus = SetupFocus::Form;
            setup.form.focus = 0;
        }
        (SetupFocus::Members, Action::PrevPane) => {
            setup.focus = SetupFocus::Form;
            setup.form.focus = setup.form.fields.len() - 1;
        }
        (SetupFocus::Members, Action::Up) => setup.member_sel = setup.member_sel.saturating_sub(1),
        (SetupFocus::Members, Action::Down) => {
            setup.member_sel = (setup.member_sel + 1).min(setup.members.len().saturating_sub(1))
        }
        (SetupFocus::Members, Action::First) => setup.member_sel = 0,
        (SetupFocus::Members, Action::Last) => {
            setup.member_sel = setup.members.len().saturating_sub(1)
        }
        // From the group's fields, straight to a new member: the list has the focus after.
        (SetupFocus::Members, Action::Add) | (SetupFocus::Form, Action::AddMember) => {
            setup.focus = SetupFocus::Members;
            let trade = setup.form.value(FieldId::Trade);
            setup.member_form = Some(MemberForm {
                editing: None,
                form: member_form(s, None, &trade),
            });
        }
        (SetupFocus::Members, Action::Edit) => {
            if let Some(m) = setup.members.get(setup.member_sel) {
                setup.member_form = Some(MemberForm {
                    editing: Some(m.id.clone()),
                    form: member_form(s, Some(m), ""),
                });
            }
        }
        // A member of the group leaves it, for a reason the group keeps; one added in this
        // setup was never a member, and is only taken off again.
        (SetupFocus::Members, Action::Delete) => {
            if let Some(m) = setup.members.get(setup.member_sel) {
                if setup.base.members.iter().any(|b| b.id == m.id) {
                    setup.leave_form = Some(LeaveForm {
                        member: m.id.clone(),
                        form: leave_form(s),
                    });
                } else {
                    model.overlay = Some(Overlay::Confirm(Confirm::DeleteMember(m.id.clone())));
                }
            }
        }
        _ => {}
    }
    Vec::new()
}

fn cycle(form: &mut Form, delta: isize) {
    if let Some(f) = form.focused() {
        f.cycle(delta);
    }
}

fn submit_member(setup: &mut Setup, today: chrono::NaiveDate, ids: &mut crate::model::IdGen) {
    let Some(mf) = &mut setup.member_form else {
        return;
    };
    let existing = mf
        .editing
        .as_ref()
        .and_then(|id| setup.members.iter().position(|m| &m.id == id));
    let base = existing
        .map(|i| setup.members[i].clone())
        .unwrap_or_else(|| Member {
            id: ids.next_id(),
            ..Member::default()
        });
    let Some(member) = read_member(&mut mf.form, today, base) else {
        return;
    };
    match existing {
        Some(i) => setup.members[i] = member,
        None => {
            setup.members.push(member);
            setup.member_sel = setup.members.len() - 1;
        }
    }
    setup.member_form = None;
    setup.changed = true;
}

/// The member leaves the list, their reason kept for the session's start.
fn submit_leave(setup: &mut Setup) {
    let Some(lf) = setup.leave_form.take() else {
        return;
    };
    let reason = read_leave(&lf.form);
    setup.left.retain(|(id, _)| *id != lf.member);
    setup.left.push((lf.member.clone(), reason));
    setup.members.retain(|m| m.id != lf.member);
    setup.member_sel = setup.member_sel.min(setup.members.len().saturating_sub(1));
}

fn start_session(model: &mut Model) -> Vec<Effect> {
    let s = model.strings();
    let today = model.today;
    let now = model.now;
    let Screen::Setup(setup) = &mut model.screen else {
        return Vec::new();
    };
    let mut ok = setup.form.validate(today);
    let region_choice = setup.form.get(FieldId::Region).map_or(0, |f| f.choice);
    let other = setup.form.value(FieldId::RegionOther);
    if region_choice == Region::NAMED.len() + 1 && other.is_empty() {
        if let Some(f) = setup.form.get_mut(FieldId::RegionOther) {
            f.error = Some(FieldError::Required);
        }
        ok = false;
    }
    if setup.members.is_empty() {
        model.flash = Some(Flash {
            text: s.setup_need_members.to_string(),
            error: true,
        });
        setup.focus = SetupFocus::Members;
        return Vec::new();
    }
    if !ok {
        setup.focus = SetupFocus::Form;
        model.flash = Some(Flash {
            text: s.setup_fix_fields.to_string(),
            error: true,
        });
        return Vec::new();
    }
    let date = dates::parse(&setup.form.value(FieldId::Date), today)
        .ok()
        .flatten()
        .unwrap_or(today);
    let region = match region_choice {
        0 => Region::Unset,
        i if i <= Region::NAMED.len() => Region::NAMED[i - 1].clone(),
        _ => Region::Other(other),
    };
    let (number, reviews, backlog, topic, attendance) = match &setup.kind {
        SetupKind::NewGroup => (1, Vec::new(), Vec::new(), String::new(), Default::default()),
        SetupKind::Next {
            number,
            reviews,
            backlog,
            topic,
            attendance,
        } => (
            *number,
            reviews.clone(),
            backlog.clone(),
            topic.clone(),
            attendance.clone(),
        ),
    };
    let mut members = setup.members.clone();
    for m in &mut members {
        if m.joined.is_none() {
            m.joined = Some(date);
        }
    }
    // Members taken off the list have left the group: they stay in its records.
    for old in &setup.base.members {
        if !members.iter().any(|m| m.id == old.id) {
            let mut gone = old.clone();
            if gone.left.is_none() {
                gone.left = Some(date);
                gone.left_reason = setup
                    .left
                    .iter()
                    .find(|(id, _)| *id == old.id)
                    .map(|(_, r)| r.clone());
            }
            members.push(gone);
        }
    }
    let group = Group {
        id: setup.base.id.clone(),
        name: setup.form.value(FieldId::GroupName),
        trade: setup.form.value(FieldId::Trade),
        region,
        city: setup.form.value(FieldId::City),
        host: setup.form.value(FieldId::Host),
        advisor: setup.form.value(FieldId::Advisor),
        start_date: setup.base.start_date.or(Some(date)),
        members,
        // Roles, rules, plans and projects go on as the last session left them.
        roles: setup.base.roles.clone(),
        rules: setup.base.rules.clone(),
        plans: setup.base.plans.clone(),
        projects: setup.base.projects.clone(),
    };
    let mut session = Session::new(NewSession {
        id: model.ids.next_id(),
        number,
        date,
        place: setup.form.value(FieldId::Place),
        group,
        method: model.method.clone(),
        reviews,
        backlog,
        now,
    });
    session.lang = model.lang;
    if let Some(start) = &mut session.start {
        start.attendance = attendance;
    }
    // The configuration file's budget, recorded as the session's first event: the history
    // and its replay then show the vote's budget from the start (a replay starts from the
    // defaults of a new session). The vote can still change it.
    if model.dot_budget != session.needs.dot_budget {
        let budget = model.dot_budget;
        session.record(now, crate::model::Change::DotBudgetSet { budget });
    }
    // The topic the last session planned for this one is its objective, to be said at
    // check-in (and changed there if the group decides otherwise).
    if !topic.is_empty() {
        session.record(
            now,
            crate::model::Change::TextSet {
                field: crate::model::TextField::Objective,
                text: topic,
            },
        );
    }
    // The meeting starts with its session: check-in's timer runs from here, as every
    // phase's does from its first entry.
    session.record(now, crate::model::Change::TimerStarted { phase: 0 });
    vec![Effect::Create(Box::new(session))]
}

/// A member removed from the list (after confirmation).
pub fn delete_member(model: &mut Model, id: &crate::model::Id) {
    if let Screen::Setup(setup) = &mut model.screen {
        setup.members.retain(|m| &m.id != id);
        setup.member_sel = setup.member_sel.min(setup.members.len().saturating_sub(1));
        setup.changed = true;
    }
}
