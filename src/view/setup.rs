//! Group setup: the group's fields on the left, its members on the right (below when narrow),
//! and the member form as a popup.

use super::common::{fit, muted, pane_block, popup_area, popup_frame, styled};
use super::form;
use crate::i18n::fill;
use crate::keymap::Action;
use crate::layout;
use crate::layout::text::clip;
use crate::ui::{Model, Setup, SetupFocus, SetupKind};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph, StatefulWidget, Widget, Wrap};

pub fn render(model: &Model, setup: &Setup, area: Rect, buf: &mut Buffer) {
    let s = model.strings();
    let t = &model.theme;
    let title = match &setup.kind {
        SetupKind::NewGroup => s.setup_title_new.to_string(),
        SetupKind::Next { number, .. } => fill(s.setup_title_next, &[number]),
    };
    let place = layout::setup::areas(model, setup, area);
    let (head, left, right) = (place.head, place.form, place.members);
    Line::from(styled(format!(" {title} "), t.title)).render(head, buf);
    let form_focus = setup.focus == SetupFocus::Form && setup.member_form.is_none();
    let block = pane_block(model, s.setup_group, form_focus);
    let inner = block.inner(left);
    block.render(left, buf);
    form::render(model, &setup.form, form_focus, inner, buf);

    let members_focus = setup.focus == SetupFocus::Members && setup.member_form.is_none();
    let n = setup.members.len();
    let mut title = fill(s.setup_members, &[&n]);
    // The advice on the group's size: in the title when it fits whole, else along the
    // bottom border, never cut mid-sentence in the title.
    let mut bottom = None;
    if n > 0 && !(8..=20).contains(&n) {
        let whole = format!("{title} — {}", s.setup_size_hint);
        if crate::layout::text::display_width(&whole) + 2 <= right.width as usize {
            title = whole;
        } else {
            let hint = fit(
                Line::from(muted(model, format!(" {} ", s.setup_size_hint))),
                right.width.saturating_sub(2) as usize,
            );
            bottom = Some(hint);
        }
    }
    let mut block = pane_block(model, title, members_focus);
    if let Some(hint) = bottom {
        block = block.title_bottom(hint);
    }
    if setup.members.is_empty() {
        // The key that adds a member from the group's fields, as the key table has it.
        let key = crate::keymap::key_label(crate::keymap::Ctx::SetupForm, Action::AddMember);
        Paragraph::new(fill(s.setup_no_members, &[&key]))
            .wrap(Wrap { trim: true })
            .style(t.muted)
            .block(block)
            .render(right, buf);
    } else {
        // Inside the borders and the highlight symbol; the name first, the business after.
        let w = right.width.saturating_sub(4) as usize;
        let items: Vec<ListItem> = setup
            .members
            .iter()
            .map(|m| {
                let mut spans = vec![Span::styled(clip(&m.name, w * 2 / 3), t.title)];
                if !m.business.is_empty() {
                    spans.push(muted(model, format!(" — {}", m.business)));
                }
                ListItem::new(fit(Line::from(spans), w))
            })
            .collect();
        // From the first row `update` keeps for the list (see `layout::scroll`).
        let mut state = ListState::default()
            .with_offset(setup.member_scroll)
            .with_selected(Some(setup.member_sel));
        StatefulWidget::render(
            List::new(items)
                .block(block)
                .highlight_style(if members_focus { t.selected } else { t.base })
                .highlight_symbol(if members_focus { "▶ " } else { "  " }),
            right,
            buf,
            &mut state,
        );
    }

    if let Some(mf) = &setup.member_form {
        let title = if mf.editing.is_some() {
            s.member_edit
        } else {
            s.member_add
        };
        form_popup(model, &mf.form, title, area, buf);
    }
    if let Some(lf) = &setup.leave_form {
        let name = setup
            .members
            .iter()
            .find(|m| m.id == lf.member)
            .map(|m| m.name.as_str())
            .unwrap_or_default();
        let title = fill(s.decisions.form_leave, &[&name]);
        form_popup(model, &lf.form, &title, area, buf);
    }
}

/// A form in a popup over the screen, its keys below it.
pub(crate) fn form_popup(
    model: &Model,
    form: &crate::ui::Form,
    title: &str,
    area: Rect,
    buf: &mut Buffer,
) {
    // As wide as the panes below, so that their cut rows do not peek out at its sides.
    let w = area.width.saturating_sub(2).min(76);
    let h = form::height(model, form, true, w.saturating_sub(2)) + 4;
    let popup = popup_area(area, w, h);
    let inner = popup_frame(model, popup, title, buf);
    let [fields, hint] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
    form::render(model, form, true, fields, buf);
    super::common::footer(model, hint, buf);
}
