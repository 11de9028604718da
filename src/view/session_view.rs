//! A past session read-only: the lines of `atelier show`, in its order and wording,
//! indented and styled by kind, word-wrapped to the screen (nothing is cut off), scrolled
//! by whole lines of `show`.

use super::common::{display_width, fit, muted, styled};
use crate::i18n::fill;
use crate::model::SessionState;
use crate::show::{LineKind, ShowLine};
use crate::ui::{Model, SessionView};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

pub fn render(model: &Model, view: &SessionView, area: Rect, buf: &mut Buffer) {
    let s = model.strings();
    let t = &model.theme;
    let w = area.width as usize;
    let [top, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let height = body.height as usize;
    let wrapped = wrapped(model, view, w);
    let n = wrapped.len();
    let first = view.scroll.min(last_first(&wrapped, height));

    let (state, style) = match view.session.state {
        SessionState::InProgress => (s.review.view_in_progress, t.current),
        SessionState::Closed => (s.review.view_closed, t.done),
    };
    let line = Line::from(vec![
        styled(format!(" {state} "), style),
        muted(model, fill(s.review.position, &[&(first + 1).min(n), &n])),
    ]);
    fit(line, w).render(top, buf);

    let lines: Vec<Line> = wrapped
        .into_iter()
        .skip(first)
        .flatten()
        .take(height)
        .collect();
    Paragraph::new(lines).render(body, buf);
}

fn wrapped(model: &Model, view: &SessionView, width: usize) -> Vec<Vec<Line<'static>>> {
    view.lines
        .iter()
        .map(|l| rows(model, l, width.saturating_sub(1)))
        .collect()
}

/// The first line shown when the last ones fill the screen: End shows them, not one line
/// alone, and scrolling further down stops there.
fn last_first(wrapped: &[Vec<Line<'static>>], height: usize) -> usize {
    let n = wrapped.len();
    let mut first = n;
    let mut filled = 0;
    while first > 0 && filled < height {
        first -= 1;
        filled += wrapped[first].len();
    }
    if filled > height && first + 1 < n {
        first += 1;
    }
    first
}

/// [`last_first`] for the model's terminal size: the screen's rows less the status line,
/// the footer and the view's own top line (the browser has no multi-row status).
pub fn scroll_max(model: &Model, view: &SessionView) -> usize {
    let (width, height) = model.size;
    let body = usize::from(height).saturating_sub(3);
    last_first(&wrapped(model, view, usize::from(width)), body)
}

/// One line of `show` as screen rows: its parts styled, wrapped at word boundaries, the
/// rows after the first indented under the text.
fn rows(model: &Model, l: &ShowLine, width: usize) -> Vec<Line<'static>> {
    let t = &model.theme;
    let colon = model.strings().store.show.colon.trim_end();
    let indent = 1 + 2 * usize::from(l.indent);
    let mut parts: Vec<(String, Style)> = Vec::new();
    let mut hang = indent;
    match l.kind {
        LineKind::Title => parts.push((l.text.clone(), t.title.add_modifier(Modifier::BOLD))),
        LineKind::Heading => parts.push((l.text.clone(), t.key.add_modifier(Modifier::BOLD))),
        LineKind::Subheading => parts.push((l.text.clone(), t.title)),
        LineKind::Field => {
            if !l.label.is_empty() {
                parts.push((format!("{}{colon} ", l.label), t.muted));
            }
            parts.push((l.text.clone(), t.base));
        }
        LineKind::Item => {
            parts.push(("- ".to_string(), t.muted));
            parts.push((l.text.clone(), t.base));
            hang += 2;
        }
        LineKind::Text => parts.push((l.text.clone(), t.base)),
        LineKind::Muted => parts.push((l.text.clone(), t.muted)),
    }
    wrap(parts, indent, hang, width)
}

/// Greedy word wrap of styled parts; a word longer than a row is cut by `fit`.
fn wrap(
    parts: Vec<(String, Style)>,
    indent: usize,
    hang: usize,
    width: usize,
) -> Vec<Line<'static>> {
    let mut out: Vec<Line<'static>> = Vec::new();
    let mut spans: Vec<Span<'static>> = vec![Span::raw(" ".repeat(indent))];
    let mut col = indent;
    let mut fresh = true;
    for (text, style) in parts {
        for (i, word) in text.split(' ').enumerate() {
            let sep = if i > 0 || text.starts_with(' ') { 1 } else { 0 };
            let w = display_width(word);
            if !fresh && col + sep + w > width {
                out.push(fit(Line::from(std::mem::take(&mut spans)), width));
                spans.push(Span::raw(" ".repeat(hang)));
                col = hang;
                fresh = true;
            } else if sep == 1 && !fresh {
                spans.push(Span::styled(" ", style));
                col += 1;
            }
            if !word.is_empty() {
                spans.push(Span::styled(word.to_string(), style));
                col += w;
                fresh = false;
            }
        }
    }
    out.push(fit(Line::from(spans), width));
    out
}
