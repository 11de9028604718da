//! A past session read-only: the lines of `atelier show`, in its order and wording,
//! indented and styled by kind, scrolled.

use super::common::{fit, muted, styled};
use crate::i18n::fill;
use crate::model::SessionState;
use crate::show::LineKind;
use crate::ui::{Model, SessionView};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

pub fn render(model: &Model, view: &SessionView, area: Rect, buf: &mut Buffer) {
    let s = model.strings();
    let t = &model.theme;
    let w = area.width as usize;
    let [top, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let height = body.height as usize;
    let n = view.lines.len();
    let first = view.scroll.min(n.saturating_sub(height));

    let (state, style) = match view.session.state {
        SessionState::InProgress => (s.review.view_in_progress, t.current),
        SessionState::Closed => (s.review.view_closed, t.done),
    };
    let line = Line::from(vec![
        styled(format!(" {state} "), style),
        muted(model, fill(s.review.position, &[&(first + 1).min(n), &n])),
    ]);
    fit(line, w).render(top, buf);

    let colon = s.store.show.colon.trim_end();
    let lines: Vec<Line> = view
        .lines
        .iter()
        .skip(first)
        .take(height)
        .map(|l| {
            let mut spans = vec![Span::raw(" ".repeat(1 + 2 * usize::from(l.indent)))];
            match l.kind {
                LineKind::Title => spans.push(Span::styled(
                    l.text.clone(),
                    t.title.add_modifier(Modifier::BOLD),
                )),
                LineKind::Heading => spans.push(Span::styled(
                    l.text.clone(),
                    t.key.add_modifier(Modifier::BOLD),
                )),
                LineKind::Subheading => spans.push(Span::styled(l.text.clone(), t.title)),
                LineKind::Field => {
                    if !l.label.is_empty() {
                        spans.push(muted(model, format!("{}{colon} ", l.label)));
                    }
                    spans.push(Span::raw(l.text.clone()));
                }
                LineKind::Item => {
                    spans.push(muted(model, "- "));
                    spans.push(Span::raw(l.text.clone()));
                }
                LineKind::Text => spans.push(Span::raw(l.text.clone())),
                LineKind::Muted => spans.push(muted(model, l.text.clone())),
            }
            fit(Line::from(spans), w)
        })
        .collect();
    Paragraph::new(lines).render(body, buf);
}
