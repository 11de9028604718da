//! The need, problem and solution techniques: each phase kind's own keys and pickers live in
//! its module; this routes to them by pane and by what a picker was choosing.

use super::{Effect, life, needs, plan, problem, solutions};
use crate::keymap::Resolved;
use crate::method::PhaseKind;
use crate::ui::{Model, Pane, PickFor, PickValue};

/// A key the generic session keys did not handle, for the pane that has focus.
pub fn action(model: &mut Model, pane: Pane, r: Resolved) -> Vec<Effect> {
    match pane {
        Pane::Cards | Pane::Themes | Pane::Votes => needs::action(model, pane, r),
        Pane::Statement | Pane::Causes | Pane::Effects | Pane::Concerned => {
            problem::action(model, pane, r)
        }
        Pane::Ideas => solutions::action(model, pane, r),
        Pane::Actions => plan::action(model, pane, r),
        _ => Vec::new(),
    }
}

/// A phase was just entered (in a session open for editing): a technique may prepare it.
pub fn entered(model: &mut Model) {
    if model.session().map(|s| s.phase()) == Some(PhaseKind::ProblemReflection) {
        problem::entered(model);
    }
}

/// The choice made in a picker opened by one of the techniques.
pub fn picked(model: &mut Model, purpose: PickFor, value: PickValue) -> Vec<Effect> {
    match purpose {
        PickFor::MoveCards | PickFor::MergeTheme | PickFor::ThemeCategory | PickFor::Voter => {
            needs::picked(model, purpose, value)
        }
        PickFor::ReparentCause | PickFor::CauseCategory => problem::picked(model, purpose, value),
        PickFor::LinkIdeaCause | PickFor::IdeaKind => solutions::picked(model, purpose, value),
        PickFor::ActionFromIdea => plan::picked(model, purpose, value),
        PickFor::ProjectStatus | PickFor::ActionProject | PickFor::IdeaProject => {
            life::picked(model, purpose, value)
        }
        PickFor::EditorAuthor | PickFor::CardAuthor | PickFor::IdeaProposer => Vec::new(),
    }
}
