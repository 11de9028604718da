//! The action plan: the action form (add, edit, submit), actions started from the ideas the
//! group chose, and the order the table is shown in.

use super::Effect;
use super::journal::{record, touched};
use super::open::{KeyedOption, show_keyed_picker, start};
use crate::dates;
use crate::keymap::{Action, Resolved, member_hotkey};
use crate::method::PhaseKind;
use crate::model::{Action as PlanAction, Author, Change, Id, Owner};
use crate::ui::drafts;
use crate::ui::{
    ActionForm, Confirm, Field, FieldError, FieldId, FieldKind, Flash, Form, Model, Overlay, Pane,
    PickFor, PickValue, SessionUi, Target,
};

pub fn action(model: &mut Model, _pane: Pane, r: Resolved) -> Vec<Effect> {
    match r.action {
        Action::CycleSort => cycle_sort(model),
        Action::FromIdea => pick_idea(model),
        _ => {}
    }
    Vec::new()
}

pub fn picked(model: &mut Model, purpose: PickFor, value: PickValue) -> Vec<Effect> {
    if let (PickFor::ActionFromIdea, PickValue::Item(Some(idea))) = (purpose, value) {
        open_from_idea(model, &idea);
    }
    Vec::new()
}

/// The next order of the table; the selected action stays selected wherever it lands.
fn cycle_sort(model: &mut Model) {
    let Some(s) = model.session_mut() else { return };
    let selected = s.selected_id(Pane::Actions);
    s.tech.sort = s.tech.sort.next();
    if let Some(id) = selected {
        select(s, &id);
    }
}

fn select(s: &mut SessionUi, id: &Id) {
    if let Some(i) = s.rows(Pane::Actions).iter().position(|r| r == id) {
        s.selected.insert(Pane::Actions, i);
    }
}

/// The chosen ideas that no action carries out yet, to start an action from one. Each is
/// on the key of its number in the list of ideas (1–9 then a–z), so an idea keeps its key
/// however many of the others already have their action.
fn pick_idea(model: &mut Model) {
    let st = model.strings();
    let Some(s) = model.session() else { return };
    let ses = &s.session;
    let options: Vec<KeyedOption> = ses
        .solutions
        .ideas
        .iter()
        .enumerate()
        .filter(|(_, i)| i.chosen)
        .filter(|(_, i)| {
            !ses.plan
                .actions
                .iter()
                .any(|a| a.idea.as_ref() == Some(&i.id))
        })
        .map(|(n, i)| {
            let label = i.text.replace('\n', " ");
            (member_hotkey(n), label, PickValue::Item(Some(i.id.clone())))
        })
        .collect();
    if options.is_empty() {
        let any_chosen = ses.solutions.ideas.iter().any(|i| i.chosen);
        let text = if any_chosen {
            st.solutions.no_chosen_idea_left
        } else {
            st.solutions.no_chosen_idea
        };
        model.flash = Some(Flash {
            text: text.to_string(),
            error: false,
        });
        return;
    }
    show_keyed_picker(model, PickFor::ActionFromIdea, options, None);
}

/// The action form for a new action, prefilled from the idea: what is the idea's text, the
/// idea is linked, and its proposer, when a member, carries it. Text typed earlier into a
/// new action and left as a draft is kept rather than overwritten.
fn open_from_idea(model: &mut Model, idea_id: &Id) {
    open_action_form(model, None);
    let Some(s) = model.session_mut() else { return };
    let Some(idea) = s
        .session
        .solutions
        .ideas
        .iter()
        .find(|i| &i.id == idea_id)
        .cloned()
    else {
        return;
    };
    let Some(af) = &mut s.action_form else { return };
    if let Some(f) = af.form.get_mut(FieldId::ActionWhat)
        && f.value().is_empty()
    {
        *f = Field::text(FieldId::ActionWhat, &idea.text, true);
    }
    if let Some(i) = af.ideas.iter().position(|i| i.as_ref() == Some(idea_id))
        && let Some(f) = af.form.get_mut(FieldId::ActionIdea)
    {
        f.choice = i;
    }
    if let Author::Member(m) = &idea.proposer
        && let Some(i) = af
            .owners
            .iter()
            .position(|o| *o == Owner::Member(m.clone()))
        && let Some(f) = af.form.get_mut(FieldId::ActionOwners)
        && !f.marks.iter().any(|m| *m)
    {
        f.marks[i] = true;
        f.cursor = i;
    }
}

// ---------------------------------------------------------------------------------------
// The action form

pub(super) fn action_draft_prefix(editing: Option<&Id>) -> String {
    match editing {
        Some(id) => format!("action:{id}:"),
        None => "action:new:".to_string(),
    }
}

pub(super) fn action_draft_key(editing: Option<&Id>, field: FieldId) -> String {
    format!(
        "{}{}",
        action_draft_prefix(editing),
        drafts::field_name(field)
    )
}

/// Keeps the whole action form in the drafts: every text, the owners ticked and the idea
/// linked, so that a crash brings the form back as it was, not only what was typed.
pub(crate) fn keep_action_draft(s: &mut SessionUi) {
    let Some(af) = &s.action_form else { return };
    let editing = af.editing.as_ref();
    for f in &af.form.fields {
        let value = match f.id {
            FieldId::ActionOwners => {
                let ticked: Vec<Owner> = (f.marks.iter().zip(&af.owners))
                    .filter(|(m, _)| **m)
                    .map(|(_, o)| o.clone())
                    .collect();
                drafts::owners_text(&ticked)
            }
            FieldId::ActionIdea => af
                .ideas
                .get(f.choice)
                .cloned()
                .flatten()
                .map(|id| id.0)
                .unwrap_or_default(),
            _ if f.is_text() => f.value(),
            _ => continue,
        };
        s.session
            .drafts
            .insert(action_draft_key(editing, f.id), value);
    }
}

/// On opening a session in the action plan, the action form left half filled (a crash, a
/// closed lid) comes back open, as a field half typed does.
pub(super) fn reopen_action_draft(model: &mut Model) {
    let Some(s) = model.session() else { return };
    if s.read_only || s.session.is_closed() || s.phase() != PhaseKind::ActionPlan {
        return;
    }
    let ses = &s.session;
    let editing = ses.drafts.keys().find_map(|k| {
        let (who, _) = k.strip_prefix("action:")?.split_once(':')?;
        match who {
            "new" => Some(None),
            id => ses
                .plan
                .actions
                .iter()
                .any(|a| a.id.0 == id)
                .then(|| Some(Id(id.to_string()))),
        }
    });
    if let Some(editing) = editing {
        open_action_form(model, editing);
    }
}

pub fn open_action_form(model: &mut Model, editing: Option<Id>) {
    let strings = model.strings();
    let Some(s) = model.session() else { return };
    if s.read_only || s.session.is_closed() {
        return start(model, Target::Text(crate::model::TextField::Objective));
    }
    let ses = &s.session;
    let existing = editing
        .as_ref()
        .and_then(|id| ses.plan.actions.iter().find(|a| &a.id == id));
    let mut owners: Vec<Owner> = ses
        .group
        .members
        .iter()
        .filter(|m| ses.checkin.attendance.contains_key(&m.id))
        .map(|m| Owner::Member(m.id.clone()))
        .collect();
    owners.extend([Owner::WholeGroup, Owner::Advisor, Owner::Host]);
    let owner_labels = owners
        .iter()
        .map(|o| o.label(strings, &ses.group))
        .collect();
    // What the form held when it was left, if it was: its owners and its idea.
    let kept = |f: FieldId| ses.drafts.get(&action_draft_key(editing.as_ref(), f));
    let kept_owners = kept(FieldId::ActionOwners).map(|t| drafts::owners_from(t));
    let marks = owners
        .iter()
        .map(|o| match &kept_owners {
            Some(k) => k.contains(o),
            None => existing.is_some_and(|a| a.owners.contains(o)),
        })
        .collect();
    let mut ideas: Vec<Option<Id>> = vec![None];
    let mut idea_labels = vec![strings.choice_none.to_string()];
    for i in &ses.solutions.ideas {
        ideas.push(Some(i.id.clone()));
        let mark = if i.chosen { "★ " } else { "" };
        idea_labels.push(format!("{mark}{}", i.text));
    }
    let idea_choice = match kept(FieldId::ActionIdea) {
        Some(id) => ideas
            .iter()
            .position(|i| i.as_ref().map(|i| &i.0) == Some(id)),
        None => existing
            .and_then(|a| a.idea.as_ref())
            .and_then(|id| ideas.iter().position(|i| i.as_ref() == Some(id))),
    }
    .unwrap_or(0);
    let draft = |f: FieldId, value: &str| {
        ses.drafts
            .get(&action_draft_key(editing.as_ref(), f))
            .cloned()
            .unwrap_or_else(|| value.to_string())
    };
    let due = existing
        .and_then(|a| a.due)
        .map(dates::show)
        .unwrap_or_default();
    let form = Form::new(vec![
        Field::text(
            FieldId::ActionWhat,
            &draft(FieldId::ActionWhat, existing.map_or("", |a| &a.what)),
            true,
        ),
        Field::multi(FieldId::ActionOwners, owner_labels, marks),
        Field::new(
            FieldId::ActionDue,
            FieldKind::Date,
            &draft(FieldId::ActionDue, &due),
            false,
        ),
        Field::text(
            FieldId::ActionMeans,
            &draft(FieldId::ActionMeans, existing.map_or("", |a| &a.means)),
            false,
        ),
        Field::text(
            FieldId::ActionIndicator,
            &draft(
                FieldId::ActionIndicator,
                existing.map_or("", |a| &a.indicator),
            ),
            false,
        ),
        Field::choice(FieldId::ActionIdea, idea_labels, idea_choice),
    ]);
    if let Some(s) = model.session_mut() {
        s.action_form = Some(ActionForm {
            editing,
            form,
            owners,
            ideas,
        });
    }
}

pub fn action_form_action(model: &mut Model, r: Resolved) -> Vec<Effect> {
    let now = model.now;
    let Some(s) = model.session_mut() else {
        return Vec::new();
    };
    let Some(af) = &mut s.action_form else {
        return Vec::new();
    };
    let n = af.form.fields.len();
    if matches!(
        r.action,
        Action::PrevChoice | Action::NextChoice | Action::Toggle
    ) {
        let Some(f) = af.form.focused() else {
            return Vec::new();
        };
        let before = (f.choice, f.marks.clone());
        match r.action {
            Action::PrevChoice => f.cycle(-1),
            Action::NextChoice => f.cycle(1),
            _ => f.toggle(),
        }
        // A choice made is part of the form as its texts are: kept with them. (Moving
        // among the owners changes nothing yet.)
        if (f.choice, &f.marks) != (before.0, &before.1) {
            keep_action_draft(s);
            touched(s, now);
        }
        return Vec::new();
    }
    match r.action {
        Action::NextPane => af.form.focus = (af.form.focus + 1) % n,
        Action::PrevPane => af.form.focus = (af.form.focus + n - 1) % n,
        Action::Open if af.form.focus + 1 < n => af.form.focus += 1,
        Action::Open | Action::StartSession => submit_action(model),
        Action::Back => {
            let typed = s
                .session
                .drafts
                .keys()
                .any(|k| k.starts_with(&action_draft_prefix(af.editing.as_ref())));
            if typed {
                model.overlay = Some(Overlay::Confirm(Confirm::DiscardActionForm));
            } else {
                s.action_form = None;
            }
        }
        _ => {}
    }
    Vec::new()
}

fn submit_action(model: &mut Model) {
    let now = model.now;
    let mut ids = model.ids.clone();
    let Some(s) = model.session_mut() else { return };
    let base = s.session.date;
    let Some(af) = &mut s.action_form else { return };
    if !af.form.validate(base) {
        // A date is the one field whose rule needs explaining: say it in a whole sentence.
        let bad_date = af
            .form
            .get(FieldId::ActionDue)
            .is_some_and(|f| f.error == Some(FieldError::BadDate));
        if bad_date {
            model.flash = Some(Flash {
                text: model.strings().field_bad_date.to_string(),
                error: true,
            });
        }
        return;
    }
    let f = &af.form;
    let owners = f
        .get(FieldId::ActionOwners)
        .map(|field| {
            field
                .marks
                .iter()
                .zip(&af.owners)
                .filter(|(m, _)| **m)
                .map(|(_, o)| o.clone())
                .collect()
        })
        .unwrap_or_default();
    let idea = f
        .get(FieldId::ActionIdea)
        .and_then(|c| af.ideas.get(c.choice).cloned())
        .flatten();
    let due = dates::parse(&f.value(FieldId::ActionDue), base)
        .ok()
        .flatten();
    let (id, created, project) = match af
        .editing
        .as_ref()
        .and_then(|id| s.session.plan.actions.iter().find(|a| &a.id == id))
    {
        Some(a) => (a.id.clone(), a.created, a.project.clone()),
        None => (ids.next_id(), now, None),
    };
    let action = PlanAction {
        id: id.clone(),
        what: f.value(FieldId::ActionWhat),
        owners,
        due,
        means: f.value(FieldId::ActionMeans),
        indicator: f.value(FieldId::ActionIndicator),
        idea,
        project,
        created,
    };
    let editing = af.editing.clone();
    let prefix = action_draft_prefix(editing.as_ref());
    s.session.drafts.retain(|k, _| !k.starts_with(&prefix));
    s.action_form = None;
    let change = if editing.is_some() {
        Change::ActionEdited { action }
    } else {
        Change::ActionAdded { action }
    };
    model.ids = ids;
    record(model, change);
    // The action just written stays selected, wherever the table's order puts it.
    if let Some(s) = model.session_mut() {
        select(s, &id);
    }
}
