//! The timeline's action tracker: every action decided in the group's sessions, one row
//! each with its status at each later session, and the selected one in full below.

use super::list;
use crate::dates;
use crate::i18n::fill;
use crate::layout;
use crate::layout::text::display_width;
use crate::layout::text::one_line;
use crate::layout::wrap::{Long, rows};
use crate::model::ActionStatus;
use crate::timeline::{StatusAt, TrackedAction};
use crate::ui::{ActionSort, MARK, Model, TimelineUi};
use crate::view::common::{column, fit, muted, styled};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

fn status_mark(model: &Model, status: Option<ActionStatus>) -> (&'static str, Style) {
    let t = &model.theme;
    match status {
        None => ("·", t.muted),
        Some(ActionStatus::Done) => ("✓", t.done),
        Some(ActionStatus::InProgress) => ("…", t.current),
        Some(ActionStatus::Blocked) => ("!", t.error),
        Some(ActionStatus::Dropped) => ("✗", t.muted),
    }
}

fn status_word(model: &Model, status: Option<ActionStatus>) -> &'static str {
    let s = model.strings();
    match status {
        None => s.status_unreviewed,
        Some(ActionStatus::Done) => s.status_done,
        Some(ActionStatus::InProgress) => s.status_in_progress,
        Some(ActionStatus::Blocked) => s.status_blocked,
        Some(ActionStatus::Dropped) => s.status_dropped,
    }
}

/// The state column: overdue first (in words, with ⚠), else the latest status.
fn state(model: &Model, a: &TrackedAction) -> (String, Style) {
    let t = &model.theme;
    if a.overdue {
        return (model.strings().timeline.overdue.to_string(), t.error);
    }
    let (mark, style) = match a.latest {
        None => ("?", t.muted),
        status => status_mark(model, status),
    };
    (format!("{mark} {}", status_word(model, a.latest)), style)
}

fn owners(model: &Model, ui: &TimelineUi, a: &TrackedAction) -> String {
    let s = model.strings();
    a.action
        .owners
        .iter()
        .map(|o| o.label(s, &ui.group))
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn render(model: &Model, ui: &TimelineUi, area: Rect, buf: &mut Buffer) {
    let s = model.strings();
    let ts = s.timeline;
    let t = &model.theme;
    let w = area.width as usize;
    if ui.actions.is_empty() {
        fit(Line::from(muted(model, ts.no_actions)), w).render(area, buf);
        return;
    }
    let place = layout::timeline::actions(area);
    let (head, rows, legend, detail) = (place.head, place.rows, place.legend, place.detail);

    let track = ui
        .actions
        .iter()
        .map(|a| a.reviews.len())
        .max()
        .unwrap_or(0)
        .max(display_width(ts.col_reviews));
    // As wide as the widest state: "⚠ overdue", or a mark and a status word.
    let statuses = [
        None,
        Some(ActionStatus::Done),
        Some(ActionStatus::InProgress),
        Some(ActionStatus::Blocked),
        Some(ActionStatus::Dropped),
    ];
    let state_w = statuses
        .iter()
        .map(|st| display_width(status_word(model, *st)) + 2)
        .chain([display_width(ts.overdue)])
        .max()
        .unwrap_or(0);
    let who = if w >= 70 { 12 } else { 0 };
    // Each column is followed by a space (see `column`).
    let fixed = MARK + 4 + (who + usize::from(who > 0)) + 11 + (track + 1) + (state_w + 1);
    let rest = w.saturating_sub(fixed + 1).max(8);
    // From 110 columns the latest status's comment gets a third of what is left, as in the
    // tracker's export (the detail below shows every comment at any width).
    let comment = if w >= 110 { rest / 3 } else { 0 };
    let what = rest - comment - usize::from(comment > 0);

    let order = ui.action_order();
    let sorted = match ui.sort {
        ActionSort::Entered => ts.sort_entered,
        ActionSort::Due => ts.sort_due,
        ActionSort::Owner => ts.sort_owner,
    };
    let mut top = vec![
        Span::raw(" ".repeat(MARK)),
        styled(column(ts.col_from, 3), t.title),
        styled(column(ts.col_what, what), t.title),
    ];
    if who > 0 {
        top.push(styled(column(ts.col_who, who), t.title));
    }
    top.push(styled(column(ts.col_due, 10), t.title));
    top.push(styled(column(ts.col_reviews, track), t.title));
    top.push(styled(column(ts.col_state, state_w), t.title));
    if comment > 0 {
        top.push(styled(
            column(model.strings().tracker.col_comment, comment),
            t.title,
        ));
    }
    fit(Line::from(top), w).render(head, buf);

    let lines: Vec<Line<'static>> = order
        .iter()
        .map(|&i| {
            let a = &ui.actions[i];
            let mut spans = vec![
                Span::raw(column(&fill(ts.session_col, &[&a.from_number]), 3)),
                Span::raw(column(&one_line(&a.action.what), what)),
            ];
            if who > 0 {
                spans.push(Span::raw(column(&owners(model, ui, a), who)));
            }
            let due = a.action.due.map(dates::show).unwrap_or_default();
            spans.push(Span::styled(
                column(&due, 10),
                if a.overdue { t.error } else { t.base },
            ));
            for r in &a.reviews {
                let (mark, style) = status_mark(model, r.status);
                spans.push(styled(mark, style));
            }
            spans.push(Span::raw(
                " ".repeat(track.saturating_sub(a.reviews.len()) + 1),
            ));
            let (text, style) = state(model, a);
            if comment == 0 {
                spans.push(styled(text, style));
            } else {
                spans.push(styled(column(&text, state_w), style));
                let said = a.status_review().map_or("", |r| r.comment.as_str());
                spans.push(Span::raw(column(&one_line(said), comment)));
            }
            Line::from(spans)
        })
        .collect();
    list(model, lines, (ui.action_sel, ui.action_scroll), rows, buf);
    fit(Line::from(muted(model, ts.legend_actions)), w).render(legend, buf);
    if detail.height > 0
        && let Some(a) = ui.selected_action()
    {
        let title = styled(fill(ts.sorted_by, &[&sorted]), t.muted);
        action_detail(model, ui, a, title, detail, buf);
    }
}

/// The selected action in full, below the list: its text wrapped, where it comes from, who
/// and by when, then its review at each later session with the comment made.
fn action_detail(
    model: &Model,
    ui: &TimelineUi,
    a: &TrackedAction,
    title: Span<'static>,
    area: Rect,
    buf: &mut Buffer,
) {
    let s = model.strings();
    let ts = s.timeline;
    let t = &model.theme;
    let block = Block::default()
        .borders(Borders::TOP)
        .border_style(t.border)
        .title(title);
    let inner = block.inner(area);
    block.render(area, buf);
    let w = (inner.width as usize).saturating_sub(1);
    let mut lines: Vec<Line<'static>> = Vec::new();
    for row in wrap(&a.action.what, w) {
        lines.push(Line::from(styled(
            row,
            t.title.add_modifier(Modifier::BOLD),
        )));
    }
    let origin = ui
        .attendance
        .sessions
        .iter()
        .find(|x| x.number == a.from_number)
        .map_or_else(|| "—".to_string(), |x| dates::show(x.date));
    let who = owners(model, ui, a);
    let due = a.action.due.map_or(ts.no_due.to_string(), dates::show);
    let mut facts = vec![
        fill(ts.decided, &[&a.from_number, &origin]),
        fill(
            ts.who,
            &[&if who.is_empty() {
                "—".to_string()
            } else {
                who
            }],
        ),
        fill(ts.due, &[&due]),
    ];
    if !a.action.means.trim().is_empty() {
        facts.push(fill(ts.means, &[&a.action.means]));
    }
    if !a.action.indicator.trim().is_empty() {
        facts.push(fill(ts.indicator, &[&a.action.indicator]));
    }
    for row in wrap(&facts.join(" · "), w) {
        lines.push(Line::from(muted(model, row)));
    }
    if a.reviews.is_empty() {
        lines.push(Line::from(muted(model, ts.never_reviewed)));
    }
    for r in &a.reviews {
        lines.extend(review_lines(model, r, w));
    }
    let shown: Vec<Line<'static>> = lines
        .into_iter()
        .take(inner.height as usize)
        .map(|l| fit(l, inner.width as usize))
        .collect();
    for (y, line) in shown.into_iter().enumerate() {
        let row = Rect {
            y: inner.y + y as u16,
            height: 1,
            ..inner
        };
        line.render(row, buf);
    }
}

fn review_lines(model: &Model, r: &StatusAt, width: usize) -> Vec<Line<'static>> {
    let ts = model.strings().timeline;
    let (mark, style) = status_mark(model, r.status);
    let word = match r.status {
        None => ts.not_reviewed,
        status => status_word(model, status),
    };
    let mut text = fill(ts.review_at, &[&r.number, &dates::show(r.date), &word]);
    if !r.comment.trim().is_empty() {
        text = format!("{text} — {}", one_line(&r.comment));
    }
    wrap(&text, width.saturating_sub(2))
        .into_iter()
        .enumerate()
        .map(|(i, row)| {
            let lead = if i == 0 {
                format!("{mark} ")
            } else {
                "  ".into()
            };
            Line::from(vec![styled(lead, style), Span::raw(row)])
        })
        .collect()
}

/// Greedy word wrap by display width; a word longer than a row is left to `fit` to cut.
fn wrap(text: &str, width: usize) -> Vec<String> {
    rows(one_line(text).split(' '), width, Long::Keep)
}
