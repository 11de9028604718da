//! Check-in for the room: the day's objective, how many are here, and who, by name.

use super::flow::{Item, at_most, flow, hanging};
use super::{focused_id, heading, top_lines};
use crate::i18n::fill;
use crate::model::Attendance;
use crate::ui::{Model, Pane, SessionUi};
use crate::view::common::styled;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

pub fn render(model: &Model, ui: &SessionUi, area: Rect, buf: &mut Buffer) {
    let s = model.strings();
    let p = &s.presenter;
    let t = &model.theme;
    let ses = &ui.session;
    let w = area.width as usize;
    let mut top = Vec::new();
    let objective = ses.checkin.objective.trim();
    if !objective.is_empty() {
        top.push(heading(model, p.objective.to_string()));
        let rows = hanging(vec![Span::raw("  ")], objective, t.title, w);
        top.extend(at_most(rows, 3));
        top.push(Line::default());
    }
    let members = Pane::Attendance.rows(ses);
    let present = ses.present_members().count();
    let mut count = vec![styled(
        p.present.fill(present, &[&present, &members.len()]),
        t.title,
    )];
    if !ses.checkin.guests.is_empty() {
        count.push(styled(
            format!(" · {}", fill(p.guests, &[&ses.checkin.guests.len()])),
            t.base,
        ));
    }
    top.push(Line::from(count));
    let rest = top_lines(top, area, buf);
    let selected = focused_id(ui, Pane::Attendance).or(focused_id(ui, Pane::Guests));
    let build = |_w: usize| {
        let mut items: Vec<Item> = members
            .iter()
            .filter_map(|id| ses.group.member(id))
            .map(|m| {
                let line = match ses.attendance_of(&m.id) {
                    Attendance::Present => {
                        Line::from(vec![styled("✓ ", t.done), styled(m.name.clone(), t.title)])
                    }
                    Attendance::Excused => Line::from(vec![
                        styled("~ ", t.muted),
                        styled(format!("{} ({})", m.name, s.excused), t.base),
                    ]),
                    Attendance::Absent => Line::from(vec![
                        styled("✗ ", t.error),
                        styled(format!("{} ({})", m.name, s.absent), t.base),
                    ]),
                };
                Item::new(vec![line]).selected(selected.as_ref() == Some(&m.id))
            })
            .collect();
        items.extend(ses.checkin.guests.iter().map(|g| {
            let line = Line::from(vec![styled("+ ", t.key), styled(g.text.clone(), t.title)]);
            Item::new(vec![line]).selected(selected.as_ref() == Some(&g.id))
        }));
        items
    };
    flow(model, rest, (24, 40), &build, buf);
}
