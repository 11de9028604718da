//! Where the group's decisions go over a session: a line of tabs (the sections), the
//! section's list in a box, and below it, where there is room, the selected row in full.
//! `update` scrolls the list with [`list_rows`]; the view draws in [`areas`].

use super::frame;
use crate::ui::{Model, Screen};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::Block;

/// From this many rows on, the selected row is shown in full below the list.
const DETAIL_MIN_BODY: u16 = 14;

pub struct Areas {
    pub tabs: Rect,
    /// The list's box, borders included.
    pub list: Rect,
    /// The selected row in full, borders included (no height when there is no room).
    pub detail: Rect,
}

/// The decisions in `body`, the session's screen below its header and stepper.
pub fn areas(body: Rect) -> Areas {
    let detail = if body.height >= DETAIL_MIN_BODY {
        (body.height / 3).clamp(4, 10)
    } else {
        0
    };
    let [tabs, list, detail] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(detail),
    ])
    .areas(body);
    Areas { tabs, list, detail }
}

/// The rows the list shows at once on the session on screen, when its decisions are open
/// (and it is not the presenter view, which keeps its selection in sight its own way).
pub fn list_rows(model: &Model) -> Option<usize> {
    let Screen::Session(ui) = &model.screen else {
        return None;
    };
    if ui.decisions.is_none() || ui.presenter {
        return None;
    }
    let frame = frame::frame(model, frame::terminal(model))?;
    let [_, _, body] = super::session::under_stepper(frame.body);
    Some(Block::bordered().inner(areas(body).list).height as usize)
}
