//! Solution search: the ideas (`ideas.rs`), and beside them on a wide screen (or instead of
//! them with `v`) the 2×2 impact × effort matrix (`matrix.rs`).

use super::{ideas, matrix};
use crate::layout;
use crate::ui::{Model, SessionUi};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub fn render(model: &Model, ui: &SessionUi, area: Rect, buf: &mut Buffer) {
    let place = layout::session::solutions(ui, area);
    if let Some(list) = place.list {
        ideas::list(model, ui, list, buf);
    }
    if let Some((matrix, is_pane)) = place.matrix {
        matrix::render(model, ui, is_pane, matrix, buf);
    }
}
