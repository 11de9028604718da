//! A past session read-only: the lines of `atelier show`, in its order and wording,
//! indented and styled by kind, word-wrapped to the screen (nothing is cut off), scrolled
//! by whole lines of `show`. The rows are measured in `layout::show`, as `update` scrolls.

use super::common::{fit, muted, styled};
use crate::i18n::fill;
use crate::layout::show::{self, Piece};
use crate::model::SessionState;
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
    let heights: Vec<usize> = wrapped.iter().map(Vec::len).collect();
    let first = view.scroll.min(show::last_first(&heights, height));

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

/// Each line of `show` as styled screen rows, a word wider than a row cut by `fit`.
fn wrapped(model: &Model, view: &SessionView, width: usize) -> Vec<Vec<Line<'static>>> {
    let colon = model.strings().store.show.colon.trim_end();
    let width = width.saturating_sub(1);
    view.lines
        .iter()
        .map(|l| {
            show::rows(l, colon, width)
                .into_iter()
                .map(|row| {
                    let spans: Vec<Span> = row
                        .into_iter()
                        .map(|(text, piece)| Span::styled(text, style(model, piece)))
                        .collect();
                    fit(Line::from(spans), width)
                })
                .collect()
        })
        .collect()
}

fn style(model: &Model, piece: Piece) -> Style {
    let t = &model.theme;
    match piece {
        Piece::Indent => Style::default(),
        Piece::Title => t.title.add_modifier(Modifier::BOLD),
        Piece::Heading => t.key.add_modifier(Modifier::BOLD),
        Piece::Subheading => t.title,
        Piece::Label | Piece::Dash | Piece::Muted => t.muted,
        Piece::Text => t.base,
    }
}
