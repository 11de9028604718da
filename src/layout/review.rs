//! Where the review browser puts its title, its filter, its table and the files that could
//! not be read. The view draws in these rectangles, and `update` scrolls the table with
//! them ([`table_rows`]).

use super::frame;
use crate::ui::{Model, Screen};
use ratatui::layout::{Constraint, Layout, Rect};

/// The browser's parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub title: Rect,
    pub filter: Rect,
    pub header: Rect,
    /// The rows of the table, one line each.
    pub table: Rect,
    /// No rows when every file could be read.
    pub unreadable: Rect,
}

/// The browser in `area` (the body of the frame).
pub fn areas(model: &Model, area: Rect) -> Areas {
    let unreadable = &model.home.unreadable;
    let bad_rows = if unreadable.is_empty() {
        0
    } else {
        (unreadable.len() as u16 + 1).min(area.height / 4).max(2)
    };
    let [title, filter, header, table, unreadable] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(bad_rows),
    ])
    .areas(area);
    Areas {
        title,
        filter,
        header,
        table,
        unreadable,
    }
}

/// The lines the browser's table shows, for the model's terminal size; `None` on another
/// screen, in the session view, or on a terminal too small to draw.
pub fn table_rows(model: &Model) -> Option<usize> {
    let Screen::Review(browser) = &model.screen else {
        return None;
    };
    if browser.view.is_some() {
        return None;
    }
    let frame = frame::frame(model, frame::terminal(model))?;
    Some(usize::from(areas(model, frame.body).table.height))
}
