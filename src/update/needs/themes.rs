//! What is done to a theme as a whole on the board: merging it into another (M), its need
//! category (c), moving from box to box (←/→) and making it the session's priority (*).
//!
//! Separate from `cards.rs`, which moves cards between themes; here the theme is the unit.

use super::{BoardRow, board_row, editable, flash, key, selected_theme};
use crate::i18n::fill;
use crate::keymap::{Action, Ctx};
use crate::model::Change;
use crate::ui::{Model, Pane, PickFor, PickValue};
use crate::update::journal::record;

/// M: merges the selected theme into another one, chosen in a picker.
pub(super) fn merge(model: &mut Model) {
    let st = model.strings();
    let Some(ui) = model.session() else { return };
    let Some(from) = selected_theme(ui, Pane::Themes) else {
        return flash(model, st.needs.not_a_theme.to_string(), true);
    };
    if ui.session.needs.themes.len() < 2 {
        return flash(model, st.needs.merge_needs_two.to_string(), true);
    }
    if !editable(model) {
        return;
    }
    let Some(ui) = model.session() else { return };
    let options = ui
        .session
        .needs
        .themes
        .iter()
        .filter(|t| t.id != from)
        .map(|t| (t.title.clone(), PickValue::Item(Some(t.id.clone()))))
        .collect();
    crate::update::open::show_picker(model, PickFor::MergeTheme, options, None);
}

/// c: the need category of the selected theme, from the method's list, or none.
pub(super) fn category(model: &mut Model) {
    let st = model.strings();
    let lang = model.lang;
    let Some(ui) = model.session() else { return };
    let Some(id) = selected_theme(ui, Pane::Themes) else {
        return flash(model, st.needs.not_a_theme.to_string(), true);
    };
    if !editable(model) {
        return;
    }
    let Some(ui) = model.session() else { return };
    let mut options = vec![(
        st.needs.no_category_option.to_string(),
        PickValue::Category(None),
    )];
    options.extend(ui.session.method.need_categories.iter().map(|c| {
        (
            c.label.get(lang).to_string(),
            PickValue::Category(Some(c.id.clone())),
        )
    }));
    let current = ui
        .session
        .needs
        .themes
        .iter()
        .find(|t| t.id == id)
        .map(|t| PickValue::Category(t.category.clone()));
    crate::update::open::show_picker(model, PickFor::ThemeCategory, options, current.as_ref());
}

/// ←/→ on the board: to the previous or next box (a theme, the cards in no theme, the
/// backlog), on its first row.
pub(super) fn jump(model: &mut Model, forward: bool) {
    let Some(ui) = model.session_mut() else {
        return;
    };
    let rows = Pane::Themes.rows(&ui.session);
    let n = &ui.session.needs;
    let mut starts: Vec<usize> = Vec::new();
    let mut last: Option<u8> = None;
    for (i, id) in rows.iter().enumerate() {
        // 0: a theme's own row; 1: a card in no theme; 2: the backlog.
        let group = if n.themes.iter().any(|t| &t.id == id) {
            starts.push(i);
            last = Some(0);
            continue;
        } else if n.backlog.iter().any(|b| &b.id == id) {
            2
        } else if n.cards.iter().any(|c| {
            &c.id == id
                && c.theme
                    .as_ref()
                    .is_some_and(|t| n.themes.iter().any(|th| &th.id == t))
        }) {
            continue;
        } else {
            1
        };
        if last != Some(group) {
            starts.push(i);
            last = Some(group);
        }
    }
    let sel = ui.selection(Pane::Themes);
    let here = starts.iter().rposition(|s| *s <= sel);
    let target = if forward {
        starts.iter().find(|s| **s > sel).copied()
    } else {
        here.and_then(|h| h.checked_sub(1)).map(|h| starts[h])
    };
    if let Some(t) = target {
        ui.selected.insert(Pane::Themes, t);
    }
}

/// *: the selected theme becomes the session's priority (or stops being it). On the board a
/// card in a theme stands for its theme; a card in no theme is chosen itself.
pub(super) fn priority(model: &mut Model, pane: Pane) {
    let st = model.strings();
    let Some(ui) = model.session() else { return };
    let Some(id) = ui.selected_id(pane) else {
        return;
    };
    let chosen = match board_row(&ui.session, &id) {
        Some(BoardRow::Backlog) => {
            let r = key(Ctx::Themes, Action::TakeUp);
            return flash(model, fill(st.needs.take_up_first, &[&r]), true);
        }
        Some(BoardRow::Card) => selected_theme(ui, pane).unwrap_or(id),
        _ => id,
    };
    let id = (ui.session.needs.priority.as_ref() != Some(&chosen)).then_some(chosen);
    record(model, Change::PrioritySet { id });
}
