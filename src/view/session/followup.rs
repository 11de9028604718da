//! Follow-up: every open action of the group's earlier sessions, reviewed one by one.

use super::panes;
use crate::dates;
use crate::i18n::fill;
use crate::layout::text::display_width;
use crate::layout::text::one_line;
use crate::model::ActionStatus;
use crate::model::life::PlanStatus;
use crate::ui::{Model, Pane, SessionUi};
use crate::view::common::{muted, styled};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span, Text};
use strum::VariantArray;

/// The status column: a mark and a word, as wide for every status so texts line up.
pub fn status_span(model: &Model, status: Option<ActionStatus>) -> Span<'static> {
    let s = model.strings();
    let t = &model.theme;
    let (mark, word, style) = match status {
        None => ("?", s.status_unreviewed, t.muted),
        Some(ActionStatus::Done) => ("✓", s.status_done, t.done),
        Some(ActionStatus::InProgress) => ("…", s.status_in_progress, t.current),
        Some(ActionStatus::Blocked) => ("!", s.status_blocked, t.error),
        Some(ActionStatus::Dropped) => ("✗", s.status_dropped, t.muted),
    };
    let pad = status_width(model).saturating_sub(display_width(word) + 2);
    styled(format!("{mark} {word}{}", " ".repeat(pad)), style)
}

fn status_width(model: &Model) -> usize {
    let s = model.strings();
    [
        s.status_unreviewed,
        s.status_done,
        s.status_in_progress,
        s.status_blocked,
        s.status_dropped,
    ]
    .iter()
    .map(|w| display_width(w))
    .max()
    .unwrap_or(0)
        + 3
}

/// Each action on two lines: its status and what, then where it comes from, who, by when,
/// and the comment of this review.
pub fn render(model: &Model, ui: &SessionUi, area: Rect, buf: &mut Buffer) {
    let s = model.strings();
    let ses = &ui.session;
    let mut rows = Vec::new();
    for r in &ses.followup.reviews {
        let owners: Vec<String> = r
            .action
            .owners
            .iter()
            .map(|o| o.label(s, &ses.group))
            .collect();
        let first = Line::from(vec![
            status_span(model, r.status),
            Span::raw(r.action.what.clone()),
        ]);
        let mut details = vec![
            Span::raw(" ".repeat(status_width(model))),
            muted(model, fill(s.session_number, &[&r.from_number])),
        ];
        if !owners.is_empty() {
            details.push(muted(model, format!(" · {}", owners.join(", "))));
        }
        if let Some(d) = r.action.due {
            let overdue = d < ses.date && r.status.is_none_or(|st| !st.is_closed());
            let style = if overdue {
                model.theme.error
            } else {
                model.theme.muted
            };
            let mark = if overdue { "⚠ " } else { "" };
            details.push(styled(format!(" · {mark}{}", dates::show(d)), style));
        }
        if !r.comment.is_empty() {
            details.push(Span::raw(format!("  ↳ {}", one_line(&r.comment))));
        }
        rows.push(Text::from(vec![first, Line::from(details)]));
    }
    let title = fill(s.pane_reviews, &[&ses.followup.reviews.len()]);
    let empty = if ses.number <= 1 {
        s.empty_reviews_first
    } else {
        s.empty_reviews
    };
    let [reviews, plan] = crate::layout::session::follow_up(ui, area);
    panes::list(model, ui, Pane::Reviews, title, rows, empty, reviews, buf);
    plan_reviews(model, ui, plan, buf);
}

/// A planned activity's status: a mark and a word, as wide for every status.
pub fn plan_status_span(model: &Model, status: PlanStatus) -> Span<'static> {
    let t = &model.theme;
    let life = model.strings().life;
    let (mark, style) = match status {
        PlanStatus::Planned => ("?", t.muted),
        PlanStatus::Done => ("✓", t.done),
        PlanStatus::Postponed => ("»", t.current),
        PlanStatus::Cancelled => ("✗", t.muted),
    };
    let longest = (PlanStatus::VARIANTS.iter())
        .map(|p| display_width(p.label(life)))
        .max()
        .unwrap_or(0);
    let word = status.label(life);
    let pad = longest.saturating_sub(display_width(word)) + 1;
    styled(format!("{mark} {word}{}", " ".repeat(pad)), style)
}

/// The work plan's activities whose month has come, each on two lines: its status and what,
/// then its month, who carries it and the comment of this review.
fn plan_reviews(model: &Model, ui: &SessionUi, area: Rect, buf: &mut Buffer) {
    let s = model.strings();
    let list = ui.session.plan_reviews();
    let rows: Vec<Text> = list
        .iter()
        .map(|(year, a)| {
            let first = Line::from(vec![
                plan_status_span(model, a.status),
                Span::raw(one_line(&a.what)),
            ]);
            let mut details = vec![muted(model, format!("  {:02}/{year}", a.month))];
            if !a.who.is_empty() {
                details.push(muted(model, format!(" · {}", one_line(&a.who))));
            }
            if !a.comment.is_empty() {
                details.push(Span::raw(format!("  ↳ {}", one_line(&a.comment))));
            }
            Text::from(vec![first, Line::from(details)])
        })
        .collect();
    let title = fill(s.decisions.pane_plan_review, &[&list.len()]);
    let empty = s.decisions.empty_plan_review;
    panes::list(model, ui, Pane::PlanReview, title, rows, empty, area, buf);
}
