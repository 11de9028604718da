//! Solution search: the ideas (`ideas.rs`), and beside them on a wide screen (or instead of
//! them with `v`) the 2×2 impact × effort matrix (`matrix.rs`).

use super::{ideas, matrix};
use crate::ui::{Model, Pane, SessionUi, Target};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};

/// From this width of the phase's area, the matrix sits beside the list.
pub const MATRIX_BESIDE_MIN_WIDTH: u16 = 120;

pub fn render(model: &Model, ui: &SessionUi, area: Rect, buf: &mut Buffer) {
    // An idea being typed needs the list, where its field is.
    let typing = ui
        .editor
        .as_ref()
        .is_some_and(|e| e.target.pane() == Pane::Ideas && !matches!(e.target, Target::Text(_)));
    let matrix_asked = ui.tech.alt_view.contains(&Pane::Ideas) && !typing;
    if area.width >= MATRIX_BESIDE_MIN_WIDTH && !matrix_asked {
        let [list_area, matrix_area] =
            Layout::horizontal([Constraint::Percentage(52), Constraint::Percentage(48)])
                .areas(area);
        ideas::list(model, ui, list_area, buf);
        matrix::render(model, ui, false, matrix_area, buf);
    } else if matrix_asked {
        matrix::render(model, ui, true, area, buf);
    } else {
        ideas::list(model, ui, area, buf);
    }
}
