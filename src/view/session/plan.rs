//! Action plan: who does what, by when, with what, and how we will know.

use super::panes::{self, counted};
use crate::view::common::{muted, one_line, styled};
use crate::dates;
use crate::ui::{Model, Pane, SessionUi};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

pub fn render(model: &Model, ui: &SessionUi, area: Rect, buf: &mut Buffer) {
    let s = model.strings();
    let t = &model.theme;
    let ses = &ui.session;
    let rows: Vec<Line> = ses
        .plan
        .actions
        .iter()
        .map(|a| {
            let owners: Vec<String> = a.owners.iter().map(|o| s.owner_label(o, &ses.group)).collect();
            let who = if owners.is_empty() {
                styled(format!("⚠ {}", s.no_owner), t.error)
            } else {
                Span::styled(owners.join(", "), t.title)
            };
            let due = match a.due {
                Some(d) => Span::raw(dates::show(d)),
                None => styled(format!("⚠ {}", s.no_date), t.error),
            };
            let mut spans = vec![Span::raw(one_line(&a.what)), muted(model, " — "), who, muted(model, " · "), due];
            if !a.means.is_empty() {
                spans.push(muted(model, format!(" · {}: {}", s.means_short, one_line(&a.means))));
            }
            if !a.indicator.is_empty() {
                spans.push(muted(model, format!(" · {}: {}", s.indicator_short, one_line(&a.indicator))));
            }
            Line::from(spans)
        })
        .collect();
    panes::list(model, ui, Pane::Actions, counted(s.pane_actions, rows.len()), rows, s.empty_actions, area, buf);
}
