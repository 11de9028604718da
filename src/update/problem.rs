//! Problem reflection (issue 3, points 5–8): the core problem starts from the priority need;
//! the cause tree is folded, unfolded, re-parented and filed by category; members are marked
//! concerned. Adding, editing, deleting and root marks are the generic list keys
//! (`session.rs`, `edit.rs`). Every change goes through `journal::record`.

use super::Effect;
use super::journal::record;
use super::open::show_picker;
use crate::keymap::{Action, Resolved};
use crate::model::{Change, Id, TextField};
use crate::ui::causes::{ancestors, visible_tree};
use crate::ui::{Flash, Model, Pane, PickFor, PickValue, SessionUi};

pub fn action(model: &mut Model, pane: Pane, r: Resolved) -> Vec<Effect> {
    match (pane, r.action) {
        (Pane::Causes, Action::ToggleFold) => toggle_fold(model),
        (Pane::Causes, Action::Fold) => fold(model),
        (Pane::Causes, Action::Unfold) => unfold(model),
        (Pane::Causes, Action::ToggleView) => toggle_view(model),
        (Pane::Causes, Action::Reparent) => open_reparent(model),
        (Pane::Causes, Action::PickCategory) => open_category(model),
        (Pane::Concerned, Action::ToggleConcerned) => toggle_concerned(model),
        _ => {}
    }
    Vec::new()
}

/// Entering problem reflection: an empty statement starts from the priority need chosen in
/// need emergence (a theme's title, or a card's text), for the group to sharpen.
pub fn entered(model: &mut Model) {
    let Some(s) = model.session() else { return };
    let ses = &s.session;
    if !ses.problem.statement.trim().is_empty() {
        return;
    }
    let Some(priority) = &ses.needs.priority else {
        return;
    };
    let title = ses
        .needs
        .themes
        .iter()
        .find(|t| &t.id == priority)
        .map(|t| t.title.clone())
        .or_else(|| {
            (ses.needs.cards.iter())
                .find(|c| &c.id == priority)
                .map(|c| c.text.clone())
        });
    if let Some(text) = title.filter(|t| !t.trim().is_empty()) {
        record(
            model,
            Change::TextSet {
                field: TextField::ProblemStatement,
                text,
            },
        );
    }
}

pub fn picked(model: &mut Model, purpose: PickFor, value: PickValue) -> Vec<Effect> {
    let Some(id) = model.session().and_then(|s| s.selected_id(Pane::Causes)) else {
        return Vec::new();
    };
    let Some(cause) = model
        .session()
        .and_then(|s| s.session.problem.causes.iter().find(|c| c.id == id))
        .cloned()
    else {
        return Vec::new();
    };
    match (purpose, value) {
        (PickFor::ReparentCause, PickValue::Item(parent)) if parent != cause.parent => {
            record(
                model,
                Change::CauseMoved {
                    id: id.clone(),
                    parent,
                },
            );
            // The cause stays selected where it landed, its new parent unfolded.
            if let Some(s) = model.session_mut() {
                reveal(s, &id);
            }
        }
        (PickFor::CauseCategory, PickValue::Category(category)) if category != cause.category => {
            record(
                model,
                Change::CauseCategorySet {
                    id: id.clone(),
                    category,
                },
            );
            // In the fishbone the cause changes box: the selection follows it.
            if let Some(s) = model.session_mut() {
                s.select_id(Pane::Causes, &id);
            }
        }
        _ => {}
    }
    Vec::new()
}

/// A session read only or closed opens no picker that would change it: the advisor is told
/// why at once rather than after choosing.
fn refused(model: &mut Model) -> bool {
    let st = model.strings();
    let text = match model.session() {
        Some(s) if s.read_only => model.read_only_text(),
        Some(s) if s.session.is_closed() => st.session_closed_reopen,
        Some(_) => return false,
        None => return true,
    };
    model.flash = Some(Flash {
        text: text.to_string(),
        error: true,
    });
    true
}

/// Unfolds every cause above this one and selects it.
pub fn reveal(s: &mut SessionUi, id: &Id) {
    for a in ancestors(&s.session.problem, id) {
        s.tech.folded.remove(&a);
    }
    s.select_id(Pane::Causes, id);
}

/// The selected cause, its parent and how many direct sub-causes it has.
fn selected(s: &SessionUi) -> Option<(Id, Option<Id>, Vec<Id>)> {
    let id = s.selected_id(Pane::Causes)?;
    let causes = &s.session.problem.causes;
    let parent = causes.iter().find(|c| c.id == id)?.parent.clone();
    let children = (causes.iter())
        .filter(|c| c.parent.as_ref() == Some(&id))
        .map(|c| c.id.clone())
        .collect();
    Some((id, parent, children))
}

fn toggle_fold(model: &mut Model) {
    let no_sub_causes = model.strings().problem.no_sub_causes;
    let Some(s) = model.session_mut() else { return };
    let Some((id, _, children)) = selected(s) else {
        return;
    };
    if children.is_empty() {
        model.flash = Some(Flash {
            text: no_sub_causes.to_string(),
            error: false,
        });
    } else if !s.tech.folded.remove(&id) {
        s.tech.folded.insert(id.clone());
        s.select_id(Pane::Causes, &id);
    }
}

/// ←: folds an open branch; on a leaf or a folded cause, goes up to the parent.
fn fold(model: &mut Model) {
    let Some(s) = model.session_mut() else { return };
    let Some((id, parent, children)) = selected(s) else {
        return;
    };
    let fishbone = s.tech.alt_view.contains(&Pane::Causes);
    if !children.is_empty() && !s.tech.folded.contains(&id) && !fishbone {
        s.tech.folded.insert(id.clone());
        s.select_id(Pane::Causes, &id);
    } else if let Some(p) = parent {
        s.select_id(Pane::Causes, &p);
    }
}

/// →: unfolds a folded cause; on an open one, goes down to its first sub-cause.
fn unfold(model: &mut Model) {
    let Some(s) = model.session_mut() else { return };
    let Some((id, _, children)) = selected(s) else {
        return;
    };
    let fishbone = s.tech.alt_view.contains(&Pane::Causes);
    if !fishbone && s.tech.folded.remove(&id) {
        return;
    }
    // The first sub-cause as the tree shows it.
    let none = Default::default();
    let folded = if fishbone { &none } else { &s.tech.folded };
    let first = visible_tree(&s.session.problem, folded)
        .into_iter()
        .skip_while(|r| r.cause.id != id)
        .nth(1)
        .map(|r| r.cause.id.clone())
        .filter(|c| children.contains(c));
    if let Some(c) = first {
        s.select_id(Pane::Causes, &c);
    }
}

/// `v`: the tree, or the causes grouped by category. The same cause stays selected.
fn toggle_view(model: &mut Model) {
    let Some(s) = model.session_mut() else { return };
    let id = s.selected_id(Pane::Causes);
    if !s.tech.alt_view.remove(&Pane::Causes) {
        s.tech.alt_view.insert(Pane::Causes);
    }
    if let Some(id) = id {
        reveal(s, &id);
    }
}

/// `m`: where the selected cause can go — the top level, or under any cause that is not
/// itself or one of its own sub-causes (that would make a loop), drawn as the tree.
fn open_reparent(model: &mut Model) {
    if refused(model) {
        return;
    }
    let st = model.strings();
    let Some(s) = model.session() else { return };
    let Some((id, parent, _)) = selected(s) else {
        return;
    };
    let problem = &s.session.problem;
    let own = problem.subtree(&id);
    let mut options = vec![(st.problem.parent_top.to_string(), PickValue::Item(None))];
    for row in visible_tree(problem, &Default::default()) {
        if own.contains(&row.cause.id) {
            continue;
        }
        let label = format!(
            "{}{}",
            "  ".repeat(row.depth),
            row.cause.text.replace('\n', " ")
        );
        options.push((label, PickValue::Item(Some(row.cause.id.clone()))));
    }
    let current = PickValue::Item(parent);
    show_picker(model, PickFor::ReparentCause, options, Some(&current));
}

/// `c`: the categories of the session's method, in the advisor's language, or none.
fn open_category(model: &mut Model) {
    if refused(model) {
        return;
    }
    let st = model.strings();
    let lang = model.lang;
    let Some(s) = model.session() else { return };
    let Some(id) = s.selected_id(Pane::Causes) else {
        return;
    };
    let current = (s.session.problem.causes.iter())
        .find(|c| c.id == id)
        .and_then(|c| c.category.clone());
    let mut options = vec![(
        st.problem.category_none.to_string(),
        PickValue::Category(None),
    )];
    for c in &s.session.method.cause_categories {
        options.push((
            c.label.get(lang).to_string(),
            PickValue::Category(Some(c.id.clone())),
        ));
    }
    let current = PickValue::Category(current);
    show_picker(model, PickFor::CauseCategory, options, Some(&current));
}

/// Space (or Enter) on a member: concerned by the problem, or no longer.
pub fn toggle_concerned(model: &mut Model) {
    let Some(s) = model.session() else { return };
    let Some(member) = s.selected_id(Pane::Concerned) else {
        return;
    };
    let concerned = !s.session.problem.concerned.contains(&member);
    record(model, Change::ConcernedSet { member, concerned });
}
