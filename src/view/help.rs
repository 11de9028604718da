//! The `?` overlay: every key of the screen below, by context, from the key table.

use super::common::{popup_area, popup_frame, styled};
use crate::keymap::{self, Ctx};
use crate::ui::Model;
use crate::ui::screen_contexts;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};
use unicode_width::UnicodeWidthStr;

/// The help's lines for a list of contexts: a heading per context, then key and meaning.
pub fn lines(model: &Model, contexts: &[Ctx]) -> Vec<Line<'static>> {
    let s = model.strings();
    let t = &model.theme;
    let mut out = Vec::new();
    let mut seen = Vec::new();
    for ctx in contexts {
        let rows: Vec<_> = keymap::TABLE
            .iter()
            .filter(|b| b.ctx == *ctx && !seen.contains(&b.action))
            .collect();
        if rows.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(Line::default());
        }
        out.push(Line::from(styled(ctx.name(s), t.title)));
        let key_w = rows
            .iter()
            .map(|b| b.label().width())
            .max()
            .unwrap_or(4)
            .min(24);
        for b in rows {
            seen.push(b.action);
            let label = b.label();
            let pad = key_w.saturating_sub(label.width());
            out.push(Line::from(vec![
                styled(format!("  {label}{}  ", " ".repeat(pad)), t.key),
                styled(b.action.label(s), t.base),
            ]));
        }
    }
    out
}

pub fn render(model: &Model, scroll: u16, area: Rect, buf: &mut Buffer) {
    let s = model.strings();
    let lines = lines(model, &screen_contexts(model));
    let height = (lines.len() as u16 + 2).min(area.height);
    let popup = popup_area(area, area.width.saturating_sub(4).min(80), height);
    let inner = popup_frame(model, popup, s.help_title, buf);
    let max_scroll = (lines.len() as u16).saturating_sub(inner.height);
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .scroll((scroll.min(max_scroll), 0))
        .render(inner, buf);
}
