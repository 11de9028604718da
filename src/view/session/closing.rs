//! Closing: one commitment and a usefulness score per member, the next meeting, and the
//! advisor's private notes.

use super::checkin::attendance_mark;
use super::panes;
use crate::view::common::{clip, muted, one_line, styled};
use crate::dates;
use crate::i18n::fill;
use crate::model::Attendance;
use crate::ui::{Model, Pane, SessionUi};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

pub fn render(model: &Model, ui: &SessionUi, area: Rect, buf: &mut Buffer) {
    let s = model.strings();
    let t = &model.theme;
    let ses = &ui.session;
    let name_w = (area.width / 4).max(10) as usize;
    let rows: Vec<Line> = Pane::ClosingMembers
        .rows(ses)
        .iter()
        .filter_map(|id| ses.group.member(id))
        .map(|m| {
            let a = ses.checkin.attendance.get(&m.id).copied().unwrap_or_default();
            let score = match ses.closing.usefulness.get(&m.id) {
                Some(n) => styled(format!("{}{} ", "★".repeat(usize::from(*n)), "☆".repeat(5 - usize::from((*n).min(5)))), t.marked),
                None if a == Attendance::Present => muted(model, "☆☆☆☆☆ "),
                None => attendance_mark(model, a),
            };
            let commitment = ses.closing.commitments.get(&m.id).map(|c| one_line(c)).unwrap_or_default();
            Line::from(vec![
                score,
                Span::raw(format!("{:<w$} ", clip(&m.name, name_w), w = name_w)),
                muted(model, commitment),
            ])
        })
        .collect();
    let scores: Vec<u8> = ses.closing.usefulness.values().copied().collect();
    let avg = if scores.is_empty() {
        "—".to_string()
    } else {
        format!("{:.1}", f64::from(scores.iter().map(|n| u32::from(*n)).sum::<u32>()) / scores.len() as f64)
    };
    let title = fill(s.pane_closing_members, &[&avg]);
    let wide = area.width >= 70;
    let (left, right) = if wide {
        let [l, r] = Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(area);
        (l, r)
    } else {
        let [l, r] = Layout::vertical([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(area);
        (l, r)
    };
    panes::list(model, ui, Pane::ClosingMembers, title, rows, s.empty_members, left, buf);
    let next = &ses.closing.next;
    let date = next.date.map(dates::show).unwrap_or_default();
    let [c, nd, np, nt, notes] = Layout::vertical([
        Constraint::Min(3),
        Constraint::Length(3),
        Constraint::Length(3),
        Constraint::Length(3),
        Constraint::Min(3),
    ])
    .areas(right);
    if !wide && right.height < 15 {
        // Too short for five boxes: the focused one and its neighbours matter most.
        compact(model, ui, right, buf);
        return;
    }
    panes::text(model, ui, Pane::Comments, s.pane_comments.to_string(), &ses.closing.comments, c, buf);
    panes::text(model, ui, Pane::NextDate, s.pane_next_date.to_string(), &date, nd, buf);
    panes::text(model, ui, Pane::NextPlace, s.pane_next_place.to_string(), &next.place, np, buf);
    panes::text(model, ui, Pane::NextTopic, s.pane_next_topic.to_string(), &next.topic, nt, buf);
    let notes_title = format!("🔒 {}", s.pane_private_notes);
    panes::text(model, ui, Pane::PrivateNotes, notes_title, &ses.closing.private_notes, notes, buf);
}

/// On a short screen: the focused text pane in full, the others as one line each.
fn compact(model: &Model, ui: &SessionUi, area: Rect, buf: &mut Buffer) {
    let s = model.strings();
    let ses = &ui.session;
    let next = &ses.closing.next;
    let date = next.date.map(dates::show).unwrap_or_default();
    let items: [(Pane, &str, String); 5] = [
        (Pane::Comments, s.pane_comments, ses.closing.comments.clone()),
        (Pane::NextDate, s.pane_next_date, date),
        (Pane::NextPlace, s.pane_next_place, next.place.clone()),
        (Pane::NextTopic, s.pane_next_topic, next.topic.clone()),
        (Pane::PrivateNotes, s.pane_private_notes, ses.closing.private_notes.clone()),
    ];
    let focused = ui.pane();
    let big = items.iter().position(|(p, _, _)| *p == focused).unwrap_or(0);
    let constraints: Vec<Constraint> = (0..items.len())
        .map(|i| if i == big { Constraint::Min(3) } else { Constraint::Length(1) })
        .collect();
    let rects = Layout::vertical(constraints).split(area);
    for (i, (pane, title, value)) in items.iter().enumerate() {
        if i == big {
            panes::text(model, ui, *pane, title.to_string(), value, rects[i], buf);
        } else {
            use ratatui::widgets::Widget;
            let shown = if *pane == Pane::PrivateNotes && !value.is_empty() { "•••".to_string() } else { one_line(value) };
            Line::from(vec![
                styled(format!(" {title}: "), model.theme.muted),
                Span::raw(clip(&shown, rects[i].width.saturating_sub(title.len() as u16 + 4) as usize)),
            ])
            .render(rects[i], buf);
        }
    }
}
