//! Need emergence: the cards as the group calls them out, who said each, and the priority.

use super::panes::{self, author_name, counted};
use crate::i18n::fill;
use crate::ui::{Model, Pane, SessionUi};
use crate::view::common::{column, fit, muted, one_line, styled};
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
            .or_else(|| {
                ses.needs
                    .themes
                    .iter()
                    .find(|th| &th.id == id)
                    .map(|th| th.title.clone())
            })
    });
    let line = match priority {
        Some(p) => Line::from(vec![
            styled(
                format!(" ★ {}{}", s.priority_label, s.store.show.colon),
                t.marked,
            ),
            Span::raw(one_line(&p)),
        ]),
        None => Line::from(muted(model, format!(" ☆ {}", s.priority_none))),
    };
    fit(line, top.width as usize).render(top, buf);
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
                muted(model, column(&author_name(model, ui, &c.author), name_w)),
                Span::raw(one_line(&c.text)),
            ])
        })
        .collect();
    let authors = ses
        .needs
        .cards
        .iter()
        .map(|c| &c.author)
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    let mut title = counted(s.pane_cards, rows.len());
    if authors > 0 {
        title = format!("{title} · {}", fill(s.cards_authors, &[&authors]));
    }
    panes::list(
        model,
        ui,
        Pane::Cards,
        title,
        rows,
        s.empty_cards,
        list,
        buf,
    );
}
