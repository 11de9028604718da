//! Follow-up: every open action of the group's earlier sessions, reviewed one by one.

use super::panes;
use crate::view::common::{muted, styled};
use crate::dates;
use crate::i18n::fill;
use crate::model::ActionStatus;
use crate::ui::{Model, Pane, SessionUi};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

pub fn status_span(model: &Model, status: Option<ActionStatus>) -> Span<'static> {
    let s = model.strings();
    let t = &model.theme;
    match status {
        None => styled(format!("? {:<10}", s.status_unreviewed), t.muted),
        Some(ActionStatus::Done) => styled(format!("✓ {:<10}", s.status_done), t.done),
        Some(ActionStatus::InProgress) => styled(format!("… {:<10}", s.status_in_progress), t.current),
        Some(ActionStatus::Blocked) => styled(format!("! {:<10}", s.status_blocked), t.error),
        Some(ActionStatus::Dropped) => styled(format!("✗ {:<10}", s.status_dropped), t.muted),
    }
}

pub fn render(model: &Model, ui: &SessionUi, area: Rect, buf: &mut Buffer) {
    let s = model.strings();
    let ses = &ui.session;
    let mut rows = Vec::new();
    for r in &ses.followup.reviews {
        let owners: Vec<String> = r
            .action
            .owners
            .iter()
            .map(|o| s.owner_label(o, &ses.group))
            .collect();
        let mut spans = vec![
            status_span(model, r.status),
            Span::raw(r.action.what.clone()),
            muted(model, format!("  ({})", fill(s.session_number, &[&r.from_number]))),
        ];
        if !owners.is_empty() {
            spans.push(muted(model, format!(" · {}", owners.join(", "))));
        }
        if let Some(d) = r.action.due {
            let overdue = d < ses.date && r.status.is_none_or(|st| !st.is_closed());
            let style = if overdue { model.theme.error } else { model.theme.muted };
            let mark = if overdue { "⚠ " } else { "" };
            spans.push(styled(format!(" · {mark}{}", dates::show(d)), style));
        }
        if !r.comment.is_empty() {
            spans.push(muted(model, format!("  ↳ {}", r.comment)));
        }
        rows.push(Line::from(spans));
    }
    let title = fill(s.pane_reviews, &[&ses.followup.reviews.len()]);
    let empty = if ses.number <= 1 { s.empty_reviews_first } else { s.empty_reviews };
    panes::list(model, ui, Pane::Reviews, title, rows, empty, area, buf);
}
