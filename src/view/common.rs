//! Pieces every screen uses: the status line, the footer of keys, boxes, popups.

use crate::i18n::fill;
use crate::keymap;
use crate::ui::{Model, Screen};
use crate::update::active_contexts;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Widget, Wrap};
use unicode_width::UnicodeWidthStr;

pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

/// The "please enlarge" message, drawn at any size down to 1×1.
pub fn too_small(model: &Model, area: Rect, buf: &mut Buffer) {
    let s = model.strings();
    let text = fill(
        s.too_small,
        &[&area.width, &area.height, &MIN_WIDTH, &MIN_HEIGHT],
    );
    Paragraph::new(text)
        .wrap(Wrap { trim: true })
        .style(model.theme.warning)
        .render(area, buf);
}

/// A bordered box whose border shows whether it has the focus.
pub fn pane_block<'a>(model: &Model, title: impl Into<Line<'a>>, focused: bool) -> Block<'a> {
    let t = &model.theme;
    let title: Line = title.into();
    let title = if focused {
        title.style(t.title).patch_style(t.focus_border)
    } else {
        title.style(t.muted)
    };
    Block::default()
        .borders(Borders::ALL)
        .border_type(if focused { BorderType::Thick } else { BorderType::Plain })
        .border_style(if focused { t.focus_border } else { t.border })
        .title(title)
}

/// The flash message, or the save state and where the file is.
pub fn status_line(model: &Model, area: Rect, buf: &mut Buffer) {
    let t = &model.theme;
    let s = model.strings();
    if let Some(f) = &model.flash {
        let style = if f.error { t.error } else { t.ok };
        let mark = if f.error { "✗ " } else { "✓ " };
        Line::from(vec![Span::styled(mark, style), Span::styled(f.text.as_str(), style)])
            .render(area, buf);
        return;
    }
    if let Screen::Session(ui) = &model.screen {
        let line = if let Some(e) = &ui.save.error {
            Line::from(Span::styled(fill(s.save_failed, &[e]), t.error))
        } else if ui.read_only {
            Line::from(Span::styled(s.session_read_only, t.warning))
        } else if ui.save.dirty_since.is_some() {
            Line::from(Span::styled(s.saving, t.muted))
        } else {
            let name = ui.path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
            Line::from(Span::styled(fill(s.saved_in, &[&name]), t.muted))
        };
        line.render(area, buf);
    }
}

/// The keys of the current context, from the key table, as many as fit.
pub fn footer(model: &Model, area: Rect, buf: &mut Buffer) {
    let t = &model.theme;
    let s = model.strings();
    let contexts = active_contexts(model);
    let mut spans = Vec::new();
    let mut width = 0usize;
    let mut bindings: Vec<_> = keymap::bindings_for(&contexts)
        .into_iter()
        .filter(|b| footer_worthy(b.action))
        .collect();
    // Help and the way out first, then the context's own keys, most specific first.
    bindings.sort_by_key(|b| match b.action {
        keymap::Action::Help => 0,
        keymap::Action::Quit | keymap::Action::Back => 1,
        _ => 2,
    });
    for b in bindings {
        let key = b.keys.first().map(|k| k.label()).unwrap_or_default();
        let text = s.action(b.action);
        let w = key.width() + text.width() + 3;
        if width + w > area.width as usize {
            break;
        }
        width += w;
        spans.push(Span::styled(format!(" {key}"), t.key));
        spans.push(Span::styled(format!(" {text} "), t.muted));
    }
    Line::from(spans).render(area, buf);
}

/// Moving keys everyone knows are left to the help overlay: the footer has little room.
fn footer_worthy(a: keymap::Action) -> bool {
    use keymap::Action::*;
    !matches!(
        a,
        Up | Down | PageUp | PageDown | First | Last | PrevPane | PrevChoice | ForceQuit | PrevPhase
    )
}

/// A centred rectangle for a popup, clipped to the area.
pub fn popup_area(area: Rect, width: u16, height: u16) -> Rect {
    let [v] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [h] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(v);
    h
}

/// Clears the popup's rectangle and draws its frame; returns the inside.
pub fn popup_frame(model: &Model, area: Rect, title: &str, buf: &mut Buffer) -> Rect {
    Clear.render(area, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Double)
        .border_style(model.theme.focus_border)
        .title(Span::styled(format!(" {title} "), model.theme.title));
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

/// Cuts a text to a display width, with an ellipsis when it was longer.
pub fn clip(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in text.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

/// One line of a multi-line text, for lists that show a single row per item.
pub fn one_line(text: &str) -> String {
    text.replace('\n', " ⏎ ")
}

pub fn muted(model: &Model, text: impl Into<String>) -> Span<'static> {
    Span::styled(text.into(), model.theme.muted)
}

pub fn styled(text: impl Into<String>, style: Style) -> Span<'static> {
    Span::styled(text.into(), style)
}
