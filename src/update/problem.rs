//! The problem technique's own keys and pickers (issue 3).

use super::Effect;
use crate::keymap::Resolved;
use crate::ui::{Model, Pane, PickFor, PickValue};

pub fn action(_model: &mut Model, _pane: Pane, _r: Resolved) -> Vec<Effect> {
    Vec::new()
}

/// Entering problem reflection (see `techniques::entered`).
pub fn entered(_model: &mut Model) {}

pub fn picked(_model: &mut Model, _purpose: PickFor, _value: PickValue) -> Vec<Effect> {
    Vec::new()
}
