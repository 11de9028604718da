//! Confirmations and pickers.

use super::common::{fit, muted, popup_area, popup_frame, styled};
use crate::i18n::fill;
use crate::keymap::{self, Ctx};
use crate::layout::text::{clip, one_line};
use crate::layout::text::{display_width, wrapped_rows};
use crate::ui::{Confirm, Model, Picker};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

pub fn confirm(model: &Model, c: &Confirm, area: Rect, buf: &mut Buffer) {
    let s = model.strings();
    let question = match c {
        Confirm::Delete(crate::ui::Pane::Causes, id)
            if let Some(q) = model
                .session()
                .and_then(|ui| crate::view::session::delete_question(model, ui, id)) =>
        {
            q
        }
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
            let incomplete: Vec<&crate::model::Action> = model.session().map_or(Vec::new(), |ui| {
                ui.session
                    .plan
                    .actions
                    .iter()
                    .filter(|a| a.owners.is_empty() || a.due.is_none())
                    .collect()
            });
            if incomplete.is_empty() {
                s.confirm_close.to_string()
            } else {
                // Each action the group still has to settle, and what it lacks.
                let mut text = s.confirm_close_missing.n(incomplete.len());
                for a in incomplete {
                    let mut lacks = Vec::new();
                    if a.owners.is_empty() {
                        lacks.push(s.no_owner);
                    }
                    if a.due.is_none() {
                        lacks.push(s.no_date);
                    }
                    // One line each, however long its text: the text gives way.
                    let lacks = lacks.join(", ");
                    let room =
                        (popup_width(area) as usize).saturating_sub(8 + display_width(&lacks));
                    let what = clip(&one_line(&a.what), room.max(12));
                    text.push_str(&format!("\n • {what} — {lacks}"));
                }
                format!("{text}\n\n{}", s.confirm_close)
            }
        }
        Confirm::ReopenSession => s.confirm_reopen.to_string(),
        Confirm::DiscardSetup => s.confirm_discard_setup.to_string(),
        Confirm::DiscardMemberForm | Confirm::DiscardActionForm | Confirm::DiscardRecordForm => {
            s.confirm_discard_form.to_string()
        }
        Confirm::QuitUnsaved => s.confirm_quit_unsaved.to_string(),
        Confirm::DiscardLifeForm => s.confirm_discard_form.to_string(),
        Confirm::WithdrawRule(id) => {
            let text = model
                .session()
                .map(|ui| {
                    (ui.session.group.rules.iter())
                        .find(|r| &r.id == id)
                        .map(|r| r.current().text)
                        .unwrap_or_default()
                })
                .unwrap_or_default();
            fill(s.decisions.confirm_withdraw, &[&clip(&one_line(&text), 80)])
        }
        Confirm::MemberLeaves(_)
        | Confirm::EndTerm(_)
        | Confirm::RemoveObjective(_)
        | Confirm::RemovePlanned(_) => model
            .session()
            .and_then(|ui| super::session::confirm_text(s, ui, c))
            .unwrap_or_default(),
    };
    let width = popup_width(area);
    // The question wrapped inside the borders, a blank row, the keys.
    let rows = wrapped_rows(&question, width.saturating_sub(2) as usize) as u16;
    let popup = popup_area(area, width, rows + 4);
    let inner = popup_frame(model, popup, s.confirm_title, buf);
    let [q, keys] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
    Paragraph::new(question)
        .wrap(Wrap { trim: false })
        .render(q, buf);
    keys_line(model, Ctx::Confirm).render(keys, buf);
}

/// A confirmation's width: the screen's, up to 64 columns.
fn popup_width(area: Rect) -> u16 {
    area.width.saturating_sub(4).min(64)
}

/// Every key of a popup's context, each with all its keys ("y/o/Enter yes"): a popup has
/// few keys, and people look for the one they know.
fn keys_line(model: &Model, ctx: Ctx) -> Line<'static> {
    let s = model.strings();
    let t = &model.theme;
    let mut spans = Vec::new();
    for b in keymap::TABLE.iter().filter(|b| b.ctx == ctx) {
        let keys: Vec<String> = b.keys.iter().map(|k| k.label()).collect();
        spans.push(styled(format!(" {}", keys.join("/")), t.key));
        spans.push(muted(model, format!(" {}  ", b.action.label(s))));
    }
    Line::from(spans)
}

pub fn picker(model: &Model, p: &Picker, area: Rect, buf: &mut Buffer) {
    let s = model.strings();
    let t = &model.theme;
    let height = (p.options.len() as u16 + 3).min(area.height);
    let popup = popup_area(area, area.width.saturating_sub(4).min(50), height);
    let title = p.purpose.title(s);
    let inner = popup_frame(model, popup, title, buf);
    let [list, hint] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
    let rows = list.height as usize;
    let start = p.cursor.saturating_sub(rows.saturating_sub(1));
    for (i, (label, _)) in p.options.iter().enumerate().skip(start).take(rows) {
        let y = list.y + (i - start) as u16;
        let key = p.key(i).map(|c| c.to_string()).unwrap_or_default();
        let style = if i == p.cursor { t.selected } else { t.base };
        let line = Line::from(vec![
            styled(format!(" {key:>1} "), t.key),
            styled(label.clone(), style),
        ]);
        fit(line, list.width as usize).render(Rect::new(list.x, y, list.width, 1), buf);
    }
    super::common::footer(model, hint, buf);
}
