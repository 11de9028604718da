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
    /// At the end of the filter's line: the kinds of rows shown and the key that changes them.
    pub shown: Rect,
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
    let [filter, shown] =
        Layout::horizontal([Constraint::Min(1), Constraint::Length(shown_width(model))])
            .areas(filter);
    Areas {
        title,
        filter,
        shown,
        header,
        table,
        unreadable,
    }
}

/// The room the kinds shown take: the longest choice of the language, so that the filter's
/// line does not move as they change.
fn shown_width(model: &Model) -> u16 {
    use crate::keymap::{Action, Ctx, key_label};
    use crate::layout::text::display_width;
    let s = model.strings();
    let widest = <crate::ui::Shown as strum::VariantArray>::VARIANTS
        .iter()
        .map(|k| display_width(k.label(s)))
        .max()
        .unwrap_or(0);
    let key = display_width(&key_label(Ctx::Review, Action::ShowKinds));
    // " F2 Montrer : activités"
    (1 + key + 1 + display_width(s.review.shown) + widest) as u16
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
