//! Need emergence: the cards as the group calls them out, who said each, and the priority.

use super::panes::{self, author_name, counted};
use crate::view::common::{clip, muted, one_line, styled};
use crate::i18n::fill;
use crate::ui::{Model, Pane, SessionUi};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

pub fn render(model: &Model, ui: &SessionUi, area: Rect, buf: &mut Buffer) {
    let s = model.strings();
    let t = &model.theme;
    let ses = &ui.session;
    let [top, list] = Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(area);
    let priority = ses.needs.priority.as_ref().and_then(|id| {
        ses.needs
            .cards
            .iter()
            .find(|c| &c.id == id)
            .map(|c| c.text.clone())
            .or_else(|| ses.needs.themes.iter().find(|th| &th.id == id).map(|th| th.title.clone()))
    });
    let line = match priority {
        Some(p) => Line::from(vec![
            styled(format!(" ★ {}: ", s.priority_label), t.marked),
            Span::raw(clip(&one_line(&p), top.width.saturating_sub(16) as usize)),
        ]),
        None => Line::from(muted(model, format!(" ☆ {}", s.priority_none))),
    };
    line.render(top, buf);
    let name_w = (list.width / 4).max(8) as usize;
    let rows: Vec<Line> = ses
        .needs
        .cards
        .iter()
        .map(|c| {
            let star = if ses.needs.priority.as_ref() == Some(&c.id) {
                styled("★ ", t.marked)
            } else {
                Span::raw("  ")
            };
            Line::from(vec![
                star,
                muted(model, format!("{:<w$} ", clip(&author_name(model, ui, &c.author), name_w), w = name_w)),
                Span::raw(one_line(&c.text)),
            ])
        })
        .collect();
    let authors = ses.needs.cards.iter().map(|c| &c.author).collect::<std::collections::BTreeSet<_>>().len();
    let title = format!("{} · {}", counted(s.pane_cards, rows.len()), fill(s.cards_authors, &[&authors]));
    panes::list(model, ui, Pane::Cards, title, rows, s.empty_cards, list, buf);
}
