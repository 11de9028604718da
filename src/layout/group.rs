//! Where a group's page puts its parts: the header's two lines, the method's advice on the
//! group's size (wrapped, three lines at most), the tabs, a note on unreadable files, and the
//! section's list. `update` scrolls the list with [`list_rows`]; the view draws in [`areas`].

use super::frame;
use super::wrap::wrap;
use crate::ui::{GroupUi, Model, Screen};
use ratatui::layout::{Constraint, Layout, Rect};

/// The advice lines at most: more would push the list off a small screen.
const MAX_WARNING_LINES: usize = 3;

pub struct Areas {
    pub name: Rect,
    pub about: Rect,
    pub warnings: Rect,
    pub tabs: Rect,
    pub skipped: Rect,
    pub body: Rect,
}

/// The method's advice on the group's size, wrapped to `width` (each line starts with a
/// space; the first of each piece of advice with a ⚠).
pub fn warnings(model: &Model, ui: &GroupUi, width: usize) -> Vec<String> {
    let s = model.strings();
    ui.life
        .warnings
        .iter()
        .map(|w| w.text(s))
        .flat_map(|text| wrap(&format!("⚠ {text}"), width.saturating_sub(1).max(1)))
        .map(|l| format!(" {l}"))
        .take(MAX_WARNING_LINES)
        .collect()
}

pub fn areas(model: &Model, ui: &GroupUi, area: Rect) -> Areas {
    let warning_lines = warnings(model, ui, area.width as usize).len() as u16;
    let note = u16::from(ui.skipped > 0);
    let [name, about, warnings, tabs, skipped, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(warning_lines),
        Constraint::Length(1),
        Constraint::Length(note),
        Constraint::Min(0),
    ])
    .areas(area);
    Areas {
        name,
        about,
        warnings,
        tabs,
        skipped,
        body,
    }
}

/// The rows the section's list shows at once on the page on screen, if one is.
pub fn list_rows(model: &Model) -> Option<usize> {
    let Screen::Group(ui) = &model.screen else {
        return None;
    };
    let frame = frame::frame(model, frame::terminal(model))?;
    Some(areas(model, ui, frame.body).body.height as usize)
}
