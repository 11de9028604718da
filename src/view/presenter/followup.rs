//! Follow-up for the room: each action of earlier sessions with its status, who carries it
//! and by when, and what was said about it.

use super::flow::{Item, flow, hanging};
use super::{focused_id, top_lines};
use crate::dates;
use crate::layout::text::display_width;
use crate::model::ActionStatus;
use crate::ui::{Model, Pane, SessionUi};
use crate::view::common::styled;
use crate::view::session::status_span;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

pub fn render(model: &Model, ui: &SessionUi, area: Rect, buf: &mut Buffer) {
    let s = model.strings();
    let t = &model.theme;
    let ses = &ui.session;
    let reviews = &ses.followup.reviews;
    if reviews.is_empty() {
        let empty = if ses.number <= 1 {
            s.empty_reviews_first
        } else {
            s.empty_reviews
        };
        top_lines(
            super::flow::hanging(Vec::new(), empty, t.base, area.width as usize),
            area,
            buf,
        );
        return;
    }
    let done = reviews
        .iter()
        .filter(|r| r.status == Some(ActionStatus::Done))
        .count();
    let reviewed = reviews.iter().filter(|r| r.status.is_some()).count();
    let p = s.presenter;
    let summary = format!(
        "{} · {} · {}",
        p.reviews_done.n(done),
        p.reviews_reviewed.n(reviewed),
        p.reviews_actions.n(reviews.len())
    );
    let rest = top_lines(vec![Line::from(styled(summary, t.title))], area, buf);
    let selected = focused_id(ui, Pane::Reviews);
    let build = |w: usize| {
        reviews
            .iter()
            .map(|r| {
                let status = status_span(model, r.status);
                let indent = display_width(&status.content);
                let mut lines = hanging(vec![status], &r.action.what, t.title, w);
                let mut details: Vec<String> = r
                    .action
                    .owners
                    .iter()
                    .map(|o| o.label(s, &ses.group))
                    .collect();
                let mut overdue = false;
                if let Some(d) = r.action.due {
                    overdue = d < ses.date && r.status.is_none_or(|st| !st.is_closed());
                    let mark = if overdue { "⚠ " } else { "" };
                    details.push(format!("{mark}{}", dates::show(d)));
                }
                if !details.is_empty() {
                    let style = if overdue { t.error } else { t.base };
                    let pad = vec![Span::raw(" ".repeat(indent))];
                    lines.extend(hanging(pad, &details.join(" · "), style, w));
                }
                if !r.comment.trim().is_empty() {
                    let pad = vec![Span::raw(" ".repeat(indent)), styled("↳ ", t.key)];
                    lines.extend(hanging(pad, r.comment.trim(), t.base, w));
                }
                Item::new(lines).selected(selected.as_ref() == Some(&r.action.id))
            })
            .collect()
    };
    flow(model, rest, (40, u16::MAX), &build, buf);
}
