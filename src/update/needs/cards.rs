//! Clustering the cards: marking them (Space), putting the selected or marked ones into a
//! theme from a picker (m), and taking them out of it (x).
//!
//! Separate from `themes.rs`: these keys act on cards, one or a marked run of them; the
//! others act on a theme as a whole.

use super::{
    BoardRow, board_row, editable, flash, key, reselect_after_move, target_cards, theme_title,
};
use crate::i18n::fill;
use crate::keymap::{Action, Ctx};
use crate::model::{Change, Id};
use crate::ui::{Model, Pane, PickFor, PickValue};
use crate::update::journal::record;

/// Space: marks or unmarks the selected card and moves on to the next row, so that a run of
/// cards is marked with a run of Spaces.
pub(super) fn toggle_mark(model: &mut Model, pane: Pane) {
    let Some(ui) = model.session_mut() else {
        return;
    };
    let Some(id) = ui.selected_id(pane) else {
        return;
    };
    if board_row(&ui.session, &id) != Some(BoardRow::Card) {
        return;
    }
    if !ui.tech.marked.remove(&id) {
        ui.tech.marked.insert(id);
    }
    let n = pane.rows(&ui.session).len();
    let sel = ui.selection(pane);
    ui.selected.insert(pane, (sel + 1).min(n.saturating_sub(1)));
}

/// m: the theme the selected or marked cards go into, from a picker ("no theme" first, then
/// the themes with their hotkeys 1, 2, 3...).
pub(super) fn move_to_theme(model: &mut Model, pane: Pane) {
    let st = model.strings();
    let Some(ui) = model.session() else { return };
    let cards = target_cards(ui, pane);
    if cards.is_empty() {
        let space = key(pane.ctx().unwrap_or(Ctx::Cards), Action::ToggleMark);
        return flash(model, fill(st.needs.no_card, &[&space]), true);
    }
    let n = &ui.session.needs;
    if n.themes.is_empty() {
        let add = key(Ctx::Facilitate, Action::Add);
        return flash(model, fill(st.needs.no_theme_yet, &[&add]), true);
    }
    if !editable(model) {
        return;
    }
    let Some(ui) = model.session() else { return };
    let n = &ui.session.needs;
    let mut options = vec![(st.needs.no_theme_option.to_string(), PickValue::Item(None))];
    options.extend(
        n.themes
            .iter()
            .map(|t| (t.title.clone(), PickValue::Item(Some(t.id.clone())))),
    );
    // One card: the cursor starts on its theme; several: on the first theme.
    let current = match cards.as_slice() {
        [one] => n
            .cards
            .iter()
            .find(|c| &c.id == one)
            .map(|c| c.theme.clone()),
        _ => n.themes.first().map(|t| Some(t.id.clone())),
    }
    .map(PickValue::Item);
    crate::update::open::show_picker(model, PickFor::MoveCards, options, current.as_ref());
}

/// Puts the cards the key acted on into a theme (or none), then clears the marks.
pub(super) fn moved(model: &mut Model, theme: Option<Id>) {
    let st = model.strings();
    let Some(ui) = model.session() else { return };
    let pane = ui.pane();
    let cards = target_cards(ui, pane);
    let single = ui.tech.marked.is_empty();
    let before = pane.rows(&ui.session);
    let changes: Vec<Change> = cards
        .iter()
        .filter(|id| {
            ui.session
                .needs
                .cards
                .iter()
                .any(|c| &c.id == *id && c.theme != theme)
        })
        .map(|id| Change::CardMoved {
            id: id.clone(),
            theme: theme.clone(),
        })
        .collect();
    let n = cards.len();
    for change in changes {
        if !record(model, change) {
            return;
        }
    }
    let Some(ui) = model.session_mut() else {
        return;
    };
    ui.tech.marked.clear();
    let text = match &theme {
        Some(t) => {
            let title = theme_title(&ui.session, t);
            st.needs.moved.fill(n, &[&n, &title])
        }
        None => st.needs.moved_out.n(n),
    };
    if pane == Pane::Themes {
        reselect_after_move(ui, pane, &before, &cards);
    } else if single {
        // The card is sorted: on to the next one.
        let rows = pane.rows(&ui.session).len();
        let sel = ui.selection(pane);
        ui.selected
            .insert(pane, (sel + 1).min(rows.saturating_sub(1)));
    }
    flash(model, text, false);
}

/// x: takes the selected card (or the marked ones) out of its theme.
pub(super) fn take_out(model: &mut Model) {
    let st = model.strings();
    let Some(ui) = model.session() else { return };
    let in_theme = target_cards(ui, Pane::Themes).into_iter().any(|id| {
        ui.session
            .needs
            .cards
            .iter()
            .any(|c| c.id == id && c.theme.is_some())
    });
    if !in_theme {
        return flash(model, st.needs.not_in_theme.to_string(), true);
    }
    moved(model, None);
}
