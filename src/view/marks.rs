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

/// Draws the marks that apply, one a row, in `area` (see `layout::frame::marks_rows`).
pub fn render(model: &Model, area: Rect, buf: &mut Buffer) {
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
    for (line, y) in lines.into_iter().zip(area.top()..area.bottom()) {
        let row = Rect {
            y,
            height: 1,
            ..area
        };
        buf.set_style(row, t.base);
        super::common::fit(line, row.width as usize).render(row, buf);
    }
}
