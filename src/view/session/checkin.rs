//! Check-in: who is here, guests, the day's objective, remarks from the arrival round.

use super::panes::{self, counted};
use crate::i18n::fill;
use crate::layout;
use crate::layout::text::display_width;
use crate::model::Attendance;
use crate::ui::{Model, Pane, SessionUi};
use crate::view::common::{muted, styled};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

pub fn attendance_mark(model: &Model, a: Attendance) -> Span<'static> {
    let s = model.strings();
    let t = &model.theme;
    match a {
        Attendance::Present => mark("✓", s.present, model, t.done),
        Attendance::Excused => mark("~", s.excused, model, t.muted),
        Attendance::Absent => mark("✗", s.absent, model, t.error),
    }
}

/// A symbol and a word, padded to the longest word so that the names line up.
fn mark(symbol: &str, word: &str, model: &Model, style: Style) -> Span<'static> {
    let s = model.strings();
    let longest = [s.present, s.excused, s.absent, s.attendance_pending]
        .map(display_width)
        .into_iter()
        .max()
        .unwrap_or(0);
    let pad = " ".repeat(longest.saturating_sub(display_width(word)) + 1);
    styled(format!("{symbol} {word}{pad}"), style)
}

pub fn render(model: &Model, ui: &SessionUi, area: Rect, buf: &mut Buffer) {
    let s = model.strings();
    let ses = &ui.session;
    // Who is close to the group's attendance rule or past it: for the group to discuss.
    let standing = crate::life::check_in_standing(ses);
    let rows: Vec<Line> = Pane::Attendance
        .rows(ses)
        .iter()
        .filter_map(|id| ses.group.member(id))
        .map(|m| {
            // In a replay, before it was taken, nobody's attendance is said.
            let a = match ui.attendance_pending.contains(&m.id) {
                true => mark("·", s.attendance_pending, model, model.theme.muted),
                false => attendance_mark(model, ses.attendance_of(&m.id)),
            };
            let mut spans = vec![a, Span::raw(m.name.clone())];
            if let Some(c) = standing.get(&m.id) {
                let n = s.decisions.absences.n(c.absences as usize);
                spans.push(match c.reached() {
                    true => styled(
                        format!(" {}", fill(s.decisions.rule_past, &[&n])),
                        model.theme.warning,
                    ),
                    false => muted(model, format!(" · {}", fill(s.decisions.rule_close, &[&n]))),
                });
            }
            if let (Some(date), Some(reason)) = (m.left, &m.left_reason) {
                let left = fill(
                    s.decisions.left,
                    &[&crate::dates::show(date), &reason.label(s.life)],
                );
                spans.push(muted(model, format!(" — {left}")));
            } else if !m.business.is_empty() {
                spans.push(muted(model, format!(" — {}", m.business)));
            }
            Line::from(spans)
        })
        .collect();
    let present = ses
        .present_members()
        .filter(|m| !ui.attendance_pending.contains(&m.id))
        .count();
    let title = fill(s.pane_attendance, &[&present, &rows.len()]);
    let guests: Vec<Line> = ses
        .checkin
        .guests
        .iter()
        .map(|g| Line::from(g.text.clone()))
        .collect();
    let place = layout::session::check_in(model, ui, area);
    let advice = layout::session::check_in_advice(model, ui, place.advice.width);
    for (i, line) in advice.iter().take(place.advice.height as usize).enumerate() {
        let row = Rect::new(
            place.advice.x,
            place.advice.y + i as u16,
            place.advice.width,
            1,
        );
        Line::from(styled(line.clone(), model.theme.warning)).render(row, buf);
    }
    panes::list(
        model,
        ui,
        Pane::Attendance,
        title,
        rows,
        s.empty_members,
        place.attendance,
        buf,
    );
    let guests_title = counted(s.pane_guests, guests.len());
    let guests_summary = ses
        .checkin
        .guests
        .iter()
        .map(|g| g.text.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let items = vec![
        panes::Stacked {
            label: guests_title.clone(),
            summary: guests_summary,
            draw: Box::new(move |r, b| {
                panes::list(
                    model,
                    ui,
                    Pane::Guests,
                    guests_title.clone(),
                    guests.clone(),
                    s.empty_guests,
                    r,
                    b,
                )
            }),
        },
        panes::stacked_text(
            model,
            ui,
            Pane::Objective,
            s.pane_objective,
            ses.checkin.objective.clone(),
        ),
        panes::stacked_text(
            model,
            ui,
            Pane::Remarks,
            s.pane_remarks,
            ses.checkin.remarks.clone(),
        ),
    ];
    panes::stack(model, place.right, items, &place.column, buf);
}
