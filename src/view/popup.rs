//! Confirmations and pickers.

use super::common::{clip, popup_area, popup_frame, styled};
use crate::i18n::fill;
use crate::ui::{Confirm, Model, Picker, picker_hotkey};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

pub fn confirm(model: &Model, c: &Confirm, area: Rect, buf: &mut Buffer) {
    let s = model.strings();
    let question = match c {
        Confirm::Delete(pane, id) => {
            let what = model
                .session()
                .map(|ui| crate::view::session::item_label(ui, *pane, id))
                .unwrap_or_default();
            fill(s.confirm_delete, &[&clip(&what, 60)])
        }
        Confirm::DeleteMember(id) => {
            let name = match &model.screen {
                crate::ui::Screen::Setup(st) => st
                    .members
                    .iter()
                    .find(|m| &m.id == id)
                    .map(|m| m.name.clone())
                    .unwrap_or_default(),
                _ => String::new(),
            };
            fill(s.confirm_delete_member, &[&name])
        }
        Confirm::CloseSession => {
            let missing = model.session().map_or(0, |ui| {
                ui.session
                    .plan
                    .actions
                    .iter()
                    .filter(|a| a.owners.is_empty() || a.due.is_none())
                    .count()
            });
            if missing > 0 {
                format!("{}\n{}", fill(s.confirm_close_missing, &[&missing]), s.confirm_close)
            } else {
                s.confirm_close.to_string()
            }
        }
        Confirm::ReopenSession => s.confirm_reopen.to_string(),
        Confirm::DiscardSetup => s.confirm_discard_setup.to_string(),
        Confirm::DiscardMemberForm | Confirm::DiscardActionForm => s.confirm_discard_form.to_string(),
        Confirm::QuitUnsaved => s.confirm_quit_unsaved.to_string(),
    };
    let width = area.width.saturating_sub(4).min(64);
    let lines = (question.chars().count() as u16 / width.saturating_sub(4).max(1)) + 2 + question.lines().count() as u16;
    let popup = popup_area(area, width, lines + 3);
    let inner = popup_frame(model, popup, s.confirm_title, buf);
    let [q, keys] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
    Paragraph::new(question).wrap(Wrap { trim: true }).render(q, buf);
    super::common::footer(model, keys, buf);
}

pub fn picker(model: &Model, p: &Picker, area: Rect, buf: &mut Buffer) {
    let s = model.strings();
    let t = &model.theme;
    let height = (p.options.len() as u16 + 3).min(area.height);
    let popup = popup_area(area, area.width.saturating_sub(4).min(50), height);
    let inner = popup_frame(model, popup, s.picker_author, buf);
    let [list, hint] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
    let rows = list.height as usize;
    let start = p.cursor.saturating_sub(rows.saturating_sub(1));
    for (i, (label, _)) in p.options.iter().enumerate().skip(start).take(rows) {
        let y = list.y + (i - start) as u16;
        let key = picker_hotkey(i).map(|c| c.to_string()).unwrap_or_default();
        let style = if i == p.cursor { t.selected } else { t.base };
        Line::from(vec![
            styled(format!(" {key:>1} "), t.key),
            styled(clip(label, list.width.saturating_sub(4) as usize), style),
        ])
        .render(Rect::new(list.x, y, list.width, 1), buf);
    }
    super::common::footer(model, hint, buf);
}
