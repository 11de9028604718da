//! The number fields of the vote: the dot budget and a show-of-hands count. They open in the
//! session's one editor, but what they take is a number in range, checked here rather than
//! by the generic text commit (`edit`).
//!
//! Separate from `votes.rs`: this is the field (opening it, validating it, saying what went
//! wrong), not the keys of the votes pane.

use super::{MAX_BUDGET, MAX_TALLY, flash, select};
use crate::model::{Author, Change};
use crate::ui::{Editor, Model, Pane, Target};
use crate::update::Effect;
use crate::update::journal::{record, touched};
use crate::update::open::number_text;

/// Opens a number field; `text` replaces what it would start with (the digit just typed).
pub(super) fn open_number(model: &mut Model, target: Target, text: Option<String>) {
    let now = model.now;
    let Some(ui) = model.session_mut() else {
        return;
    };
    let original = number_text(&ui.session, &target);
    let draft = ui.session.drafts.get(&target.draft_key()).cloned();
    let text = text.or(draft).unwrap_or_else(|| original.clone());
    let editor = Editor::new(target, &text, &original, Author::Anonymous);
    if editor.is_changed() {
        ui.session
            .drafts
            .insert(editor.target.draft_key(), editor.text());
        touched(ui, now);
    }
    ui.editor = Some(editor);
}

/// Enter in a number field: the budget or the count, if it is a number in range; otherwise
/// the field stays open with a sentence saying what it takes.
pub fn commit_number(model: &mut Model) -> Vec<Effect> {
    let st = model.strings();
    let Some(ui) = model.session_mut() else {
        return Vec::new();
    };
    let Some(ed) = ui.editor.clone() else {
        return Vec::new();
    };
    let text = ed.text().trim().to_string();
    let change = match &ed.target {
        Target::Budget => match text.parse::<u32>() {
            Ok(budget) if (1..=MAX_BUDGET).contains(&budget) => Change::DotBudgetSet { budget },
            _ => return number_error(model, st.needs.budget_invalid),
        },
        Target::Tally(theme) => {
            // An empty field counts no hands.
            let count = if text.is_empty() {
                Ok(0)
            } else {
                text.parse::<u32>()
            };
            match count {
                Ok(count) if count <= MAX_TALLY => Change::TallySet {
                    theme: theme.clone(),
                    count,
                },
                _ => return number_error(model, st.needs.tally_invalid),
            }
        }
        _ => return Vec::new(),
    };
    let unchanged = match &change {
        Change::DotBudgetSet { budget } => *budget == ui.session.needs.dot_budget,
        Change::TallySet { theme, count } => {
            *count == ui.session.needs.tally.get(theme).copied().unwrap_or(0)
        }
        _ => false,
    };
    ui.session.drafts.remove(&ed.target.draft_key());
    ui.editor = None;
    let now = model.now;
    if let Some(ui) = model.session_mut() {
        touched(ui, now);
    }
    if !unchanged && record(model, change) {
        if let (Target::Tally(theme), Some(ui)) = (&ed.target, model.session_mut()) {
            ui.resort_votes();
            select(ui, Pane::Votes, theme);
        }
        if ed.target == Target::Budget {
            over_budget_warning(model);
        }
    }
    Vec::new()
}

fn number_error(model: &mut Model, text: &str) -> Vec<Effect> {
    if let Some(ui) = model.session_mut()
        && let Some(ed) = &mut ui.editor
    {
        ed.error = Some(text.to_string());
    }
    Vec::new()
}

/// After the budget went down: who has placed more dots than it allows now.
fn over_budget_warning(model: &mut Model) {
    let st = model.strings();
    let Some(ui) = model.session() else { return };
    let n = &ui.session.needs;
    let over: Vec<String> = ui
        .session
        .present_members()
        .filter(|m| n.dots_of(&m.id) > n.dot_budget)
        .map(|m| format!("{} {}/{}", m.name, n.dots_of(&m.id), n.dot_budget))
        .collect();
    if !over.is_empty() {
        let text = st
            .needs
            .budget_lowered
            .fill(over.len(), &[&n.dot_budget, &over.join(", ")]);
        flash(model, text, true);
    }
}
