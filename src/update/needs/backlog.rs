//! The backlog: themes left from earlier sessions, taken up into this one (r), or taken up
//! with their title open to adjust (e / Enter).
//!
//! Separate because a backlog row is neither a theme nor a card of this session: taking it
//! up makes a new theme, with its own id, from what an earlier session left.

use super::{BoardRow, board_row, editable, flash, select};
use crate::i18n::fill;
use crate::model::{Change, Theme};
use crate::ui::{Model, Pane, Target};
use crate::update::journal::record;

/// r on a theme of the backlog: it becomes a theme of this session.
pub(super) fn take_up(model: &mut Model) {
    let st = model.strings();
    if !editable(model) {
        return;
    }
    let Some(ui) = model.session() else { return };
    let Some(id) = ui.selected_id(Pane::Themes) else {
        return;
    };
    let Some(item) = ui
        .session
        .needs
        .backlog
        .iter()
        .find(|b| b.id == id)
        .cloned()
    else {
        return flash(model, st.needs.not_backlog.to_string(), true);
    };
    let theme = Theme {
        id: model.ids.next_id(),
        title: item.title.clone(),
        category: item.category.clone(),
        created: model.now,
    };
    let new_id = theme.id.clone();
    if record(model, Change::BacklogTakenUp { item: id, theme }) {
        if let Some(ui) = model.session_mut() {
            select(ui, Pane::Themes, &new_id);
        }
        flash(model, fill(st.needs.taken_up, &[&item.title]), false);
    }
}

/// e or Enter on a theme of the backlog: taken up, with its title open to adjust.
pub fn take_up_and_rename(model: &mut Model) {
    take_up(model);
    let Some(ui) = model.session() else { return };
    if let Some(id) = ui.selected_id(Pane::Themes)
        && board_row(&ui.session, &id) == Some(BoardRow::Theme)
    {
        crate::update::open::start(model, Target::Item(Pane::Themes, id));
    }
}
