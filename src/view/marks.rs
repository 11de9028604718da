//! Lines above every screen that say how atelier is running: `atelier demo` (nothing the
//! trainer does touches real sessions), a sessions folder atelier may only read, and
//! `atelier follow` waiting for its file.

use crate::i18n::fill;
use crate::ui::Model;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

impl Model {
    /// The rows the marks take above the screens: what the loop leaves out of the
    /// terminal's height in `Msg::Resized`, so that a view that computes where its end is
    /// (the session view's End) counts the rows it really has.
    pub fn marks_rows(&self) -> u16 {
        let waiting = self.follow.as_ref().is_some_and(|f| f.waiting.is_some());
        u16::from(self.demo) + u16::from(self.folder_read_only) + u16::from(waiting)
    }
}

/// Draws the marks that apply on the top rows of `area` and returns the rest.
pub fn render(model: &Model, area: Rect, buf: &mut Buffer) -> Rect {
    let t = &model.theme;
    let d = model.strings().demo;
    let mut lines: Vec<Line> = Vec::new();
    let banner = |text: &str| {
        Line::from(Span::styled(
            format!(" {text} "),
            t.warning.add_modifier(Modifier::REVERSED | Modifier::BOLD),
        ))
        .centered()
    };
    if model.demo {
        lines.push(banner(d.banner));
    }
    if model.folder_read_only {
        lines.push(banner(d.read_only_banner));
    }
    if let Some(reason) = model.follow.as_ref().and_then(|f| f.waiting.as_ref()) {
        lines.push(Line::from(Span::styled(
            fill(d.waiting, &[reason]),
            t.muted,
        )));
    }
    let mut rest = area;
    for line in lines {
        if rest.height <= 1 {
            break;
        }
        let row = Rect { height: 1, ..rest };
        buf.set_style(row, t.base);
        super::common::fit(line, row.width as usize).render(row, buf);
        rest.y += 1;
        rest.height -= 1;
    }
    rest
}
