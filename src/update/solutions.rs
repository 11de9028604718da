//! Solution search: linking an idea to the root cause it answers, its type, and rating it on
//! impact and effort with single keys. Choosing an idea (Space) is one of the session's
//! generic keys.
//!
//! Rating is two keystrokes per idea: the first digit sets the impact, the second the effort,
//! and the selection moves on to the next idea, ready for its impact. ← and → pick the rating
//! by hand; 0 clears the one that is active.

use super::Effect;
use super::journal::record;
use super::open::show_picker;
use crate::keymap::{Action, Resolved};
use crate::model::{Change, Id, Idea, IdeaKind, Session};
use crate::ui::{Model, Pane, PickFor, PickValue};

pub fn action(model: &mut Model, pane: Pane, r: Resolved) -> Vec<Effect> {
    let Some(s) = model.session_mut() else {
        return Vec::new();
    };
    let Some(id) = s.selected_id(pane) else {
        return Vec::new();
    };
    match r.action {
        Action::Rate => rate(model, id, r.arg.unwrap_or(0)),
        Action::PrevChoice => s.tech.rating_effort = None,
        Action::NextChoice => s.tech.rating_effort = Some(id),
        Action::ToggleView if !s.tech.alt_view.remove(&Pane::Ideas) => {
            s.tech.alt_view.insert(Pane::Ideas);
        }
        Action::LinkCause => {
            let current = idea(&s.session, &id).map(|i| PickValue::Item(i.cause.clone()));
            let options = cause_options(model, &id);
            show_picker(model, PickFor::LinkIdeaCause, options, current.as_ref());
        }
        Action::PickKind => {
            let current = idea(&s.session, &id).map(|i| PickValue::Kind(i.kind));
            let options = kind_options(model);
            show_picker(model, PickFor::IdeaKind, options, current.as_ref());
        }
        _ => {}
    }
    Vec::new()
}

pub fn picked(model: &mut Model, purpose: PickFor, value: PickValue) -> Vec<Effect> {
    let Some(s) = model.session() else {
        return Vec::new();
    };
    let Some(id) = s.selected_id(Pane::Ideas) else {
        return Vec::new();
    };
    let Some(current) = idea(&s.session, &id) else {
        return Vec::new();
    };
    let change = match (purpose, value) {
        (PickFor::LinkIdeaCause, PickValue::Item(cause)) if cause != current.cause => {
            Change::IdeaCauseSet { id, cause }
        }
        (PickFor::IdeaKind, PickValue::Kind(kind)) if kind != current.kind => {
            Change::IdeaKindSet { id, kind }
        }
        _ => return Vec::new(),
    };
    record(model, change);
    Vec::new()
}

fn idea<'a>(s: &'a Session, id: &Id) -> Option<&'a Idea> {
    s.solutions.ideas.iter().find(|i| &i.id == id)
}

/// Sets the active rating of the selected idea (0 clears it), then moves on: from impact to
/// effort, from effort to the next idea's impact.
fn rate(model: &mut Model, id: Id, digit: u8) {
    let Some(s) = model.session() else { return };
    let Some(current) = idea(&s.session, &id) else {
        return;
    };
    let effort = s.tech.rating_effort.as_ref() == Some(&id);
    let value = (digit > 0).then_some(digit.min(5));
    let (impact, eff) = if effort {
        (current.impact, value)
    } else {
        (value, current.effort)
    };
    let changed = (impact, eff) != (current.impact, current.effort);
    if changed
        && !record(
            model,
            Change::IdeaRated {
                id: id.clone(),
                impact,
                effort: eff,
            },
        )
    {
        return; // read-only or closed: said in the flash, nothing moves
    }
    let Some(s) = model.session_mut() else { return };
    if value.is_none() {
        return; // clearing stays where it is
    }
    if effort {
        s.tech.rating_effort = None;
        let sel = s.selection(Pane::Ideas);
        let last = s.session.solutions.ideas.len().saturating_sub(1);
        s.selected.insert(Pane::Ideas, (sel + 1).min(last));
    } else {
        s.tech.rating_effort = Some(id);
    }
}

/// "General", then the root causes; with no root cause marked yet, every cause in tree
/// order. The idea's own cause is always offered, so the picker can show where it is.
fn cause_options(model: &Model, idea_id: &Id) -> Vec<(String, PickValue)> {
    let st = model.strings();
    let Some(s) = model.session() else {
        return Vec::new();
    };
    let problem = &s.session.problem;
    let own = idea(&s.session, idea_id).and_then(|i| i.cause.clone());
    let any_root = problem.causes.iter().any(|c| c.root);
    let mut v = vec![(st.solutions.general.to_string(), PickValue::Item(None))];
    for (depth, c) in problem.tree_order() {
        if any_root && !c.root && own.as_ref() != Some(&c.id) {
            continue;
        }
        let indent = if any_root {
            String::new()
        } else {
            "  ".repeat(depth)
        };
        let badge = if c.root { "◆ " } else { "" };
        let text = c.text.replace('\n', " ");
        v.push((
            format!("{indent}{badge}{text}"),
            PickValue::Item(Some(c.id.clone())),
        ));
    }
    v
}

/// No type first, so that the four types sit on the keys 1 to 4.
fn kind_options(model: &Model) -> Vec<(String, PickValue)> {
    let s = model.strings();
    let kinds = [
        None,
        Some(IdeaKind::Individual),
        Some(IdeaKind::Collective),
        Some(IdeaKind::Lobbying),
        Some(IdeaKind::ServiceRequest),
    ];
    kinds
        .into_iter()
        .map(|k| (IdeaKind::label(k, s).to_string(), PickValue::Kind(k)))
        .collect()
}
