//! The frame of every screen: the marks on top (`atelier demo`, a folder only read, `follow`
//! waiting), the screen's body, the status line and the footer of keys.

use super::text::wrapped_rows;
use crate::i18n::fill;
use crate::ui::Model;
use ratatui::layout::{Constraint, Layout, Rect};

/// Below this size, atelier asks for a larger window instead of drawing a screen.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

/// The rows the marks take above the screens: what the loop leaves out of the terminal's
/// height in `Msg::Resized`, so that the model's size is the rows the screens really have.
pub fn marks_rows(model: &Model) -> u16 {
    let waiting = model.follow.as_ref().is_some_and(|f| f.waiting.is_some());
    u16::from(model.demo) + u16::from(model.folder_read_only) + u16::from(waiting)
}

/// The terminal as the model knows it: the size of `Msg::Resized` and the marks above.
pub fn terminal(model: &Model) -> Rect {
    let (width, height) = model.size;
    Rect::new(0, 0, width, height.saturating_add(marks_rows(model)))
}

/// Where a screen goes in the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Frame {
    /// The marks' rows, one each.
    pub marks: Rect,
    /// Everything below the marks (the presenter view takes it all).
    pub screen: Rect,
    pub body: Rect,
    pub status: Rect,
    pub keys: Rect,
}

/// The frame in `area`; `None` when the area is too small to draw a screen.
pub fn frame(model: &Model, area: Rect) -> Option<Frame> {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return None;
    }
    // A mark never takes the last row.
    let marks = marks_rows(model).min(area.height.saturating_sub(1));
    let screen = Rect {
        y: area.y + marks,
        height: area.height - marks,
        ..area
    };
    let [body, status, keys] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(status_height(model, screen.width)),
        Constraint::Length(1),
    ])
    .areas(screen);
    Some(Frame {
        marks: Rect {
            height: marks,
            ..area
        },
        screen,
        body,
        status,
        keys,
    })
}

/// A failed save, said in full, with the session's file by its name: the folder is the one
/// on the home screen, and a long path would push the advice off the line.
pub fn save_error_text(model: &Model, error: &str) -> String {
    let error = match model.session() {
        Some(ui) => {
            let name = ui
                .path
                .file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default();
            error.replace(&ui.path.display().to_string(), &name)
        }
        None => error.to_string(),
    };
    fill(model.strings().save_failed, &[&error])
}

/// What a flash message starts with: a cross for an error, a tick otherwise.
pub fn flash_mark(error: bool) -> &'static str {
    if error { "✗ " } else { "✓ " }
}

/// Rows for the status line: one, or up to four when a flash message or a failed save is
/// longer than the line.
pub fn status_height(model: &Model, width: u16) -> u16 {
    let text = match (
        &model.flash,
        model.session().and_then(|ui| ui.save.error.as_ref()),
    ) {
        (Some(f), _) => format!("{}{}", flash_mark(f.error), f.text),
        (None, Some(e)) => save_error_text(model, e),
        (None, None) => return 1,
    };
    (wrapped_rows(&text, width as usize) as u16).clamp(1, 4)
}
