//! Closing: one commitment and a usefulness score per member, the next meeting, and the
//! advisor's private notes.

use super::checkin::attendance_mark;
use super::panes;
use crate::dates;
use crate::i18n::Lang;
use crate::i18n::fill;
use crate::layout;
use crate::layout::text::one_line;
use crate::model::Attendance;
use crate::ui::{Model, Pane, SessionUi};
use crate::view::common::{column, muted, styled};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
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
            let a = ses.attendance_of(&m.id);
            // The score column is as wide for everyone, so names line up; who is not here
            // says so where a commitment would be.
            let score = match ses.closing.usefulness.get(&m.id) {
                Some(n) => {
                    let n = usize::from((*n).min(5));
                    styled(format!("{}{} ", "★".repeat(n), "☆".repeat(5 - n)), t.marked)
                }
                None if a == Attendance::Present => muted(model, "☆☆☆☆☆ "),
                None => Span::raw("      "),
            };
            let after = match ses.closing.commitments.get(&m.id) {
                Some(c) => muted(model, one_line(c)),
                None if a != Attendance::Present => attendance_mark(model, a),
                None => Span::raw(""),
            };
            Line::from(vec![score, Span::raw(column(&m.name, name_w)), after])
        })
        .collect();
    let scores: Vec<u8> = ses.closing.usefulness.values().copied().collect();
    let avg = if scores.is_empty() {
        "—".to_string()
    } else {
        let avg =
            f64::from(scores.iter().map(|n| u32::from(*n)).sum::<u32>()) / scores.len() as f64;
        let avg = format!("{avg:.1}");
        // French writes a decimal comma.
        if model.lang == Lang::Fr {
            avg.replace('.', ",")
        } else {
            avg
        }
    };
    let title = fill(s.pane_closing_members, &[&avg]);
    let place = layout::session::closing(model, ui, area);
    panes::list(
        model,
        ui,
        Pane::ClosingMembers,
        title,
        rows,
        s.empty_members,
        place.members,
        buf,
    );
    let next = &ses.closing.next;
    let date = next.date.map(dates::show).unwrap_or_default();
    let notes_title = format!("🔒 {}", s.pane_private_notes);
    let mut notes = panes::stacked_text(
        model,
        ui,
        Pane::PrivateNotes,
        &notes_title,
        place.notes.clone(),
    );
    // Private notes are not read out on a projector: on one line they show as dots.
    if !notes.summary.is_empty() {
        notes.summary = "•••".to_string();
    }
    let items = vec![
        panes::stacked_text(
            model,
            ui,
            Pane::Comments,
            s.pane_comments,
            ses.closing.comments.clone(),
        ),
        panes::stacked_text(model, ui, Pane::NextDate, s.pane_next_date, date),
        panes::stacked_text(
            model,
            ui,
            Pane::NextPlace,
            s.pane_next_place,
            next.place.clone(),
        ),
        panes::stacked_text(
            model,
            ui,
            Pane::NextTopic,
            s.pane_next_topic,
            next.topic.clone(),
        ),
        notes,
    ];
    panes::stack(model, place.right, items, &place.column, buf);
}
