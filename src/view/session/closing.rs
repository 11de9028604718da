//! Closing: one commitment and a usefulness score per member, the next meeting, and the
//! advisor's private notes.

use super::checkin::attendance_mark;
use super::panes;
use crate::dates;
use crate::i18n::Lang;
use crate::i18n::fill;
use crate::model::Attendance;
use crate::ui::{Model, Pane, SessionUi};
use crate::view::common::{column, muted, one_line, styled};
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
    let wide = area.width >= 70;
    let (left, right) = if wide {
        let [l, r] = Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)])
            .areas(area);
        (l, r)
    } else {
        let [l, r] =
            Layout::vertical([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(area);
        (l, r)
    };
    panes::list(
        model,
        ui,
        Pane::ClosingMembers,
        title,
        rows,
        s.empty_members,
        left,
        buf,
    );
    let next = &ses.closing.next;
    let date = next.date.map(dates::show).unwrap_or_default();
    let w = right.width;
    let notes_title = format!("🔒 {}", s.pane_private_notes);
    // The demo is run in front of a class: the advisor's notes show there only once their
    // pane is chosen, so that the session as it opens is safe to project.
    let notes_text =
        if model.demo && ui.pane() != Pane::PrivateNotes && !ses.closing.private_notes.is_empty() {
            "•••".to_string()
        } else {
            ses.closing.private_notes.clone()
        };
    let mut notes = panes::stacked_text(
        model,
        ui,
        Pane::PrivateNotes,
        &notes_title,
        notes_text,
        w,
        3,
    );
    // Private notes are not read out on a projector: on one line they show as dots.
    if !notes.summary.is_empty() {
        notes.summary = "•••".to_string();
    }
    // The long texts need two rows at least to be boxes worth drawing.
    notes.min = 4;
    let mut comments = panes::stacked_text(
        model,
        ui,
        Pane::Comments,
        s.pane_comments,
        ses.closing.comments.clone(),
        w,
        8,
    );
    comments.min = 4;
    let items = vec![
        comments,
        panes::stacked_text(model, ui, Pane::NextDate, s.pane_next_date, date, w, 3),
        panes::stacked_text(
            model,
            ui,
            Pane::NextPlace,
            s.pane_next_place,
            next.place.clone(),
            w,
            4,
        ),
        panes::stacked_text(
            model,
            ui,
            Pane::NextTopic,
            s.pane_next_topic,
            next.topic.clone(),
            w,
            4,
        ),
        notes,
    ];
    panes::stack(model, ui, items, right, buf);
}
