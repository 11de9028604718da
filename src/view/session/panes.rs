//! The two kinds of pane every phase is made of: a list of items and a text, each with the
//! field being typed in drawn where it belongs, and drafts shown for what they are.

use crate::view::common::{clip, muted, one_line, pane_block, styled};
use crate::i18n::fill;
use crate::model::{Author, Id};
use crate::ui::{Editor, Model, Pane, SessionUi, Target};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Borders, List, ListItem, ListState, Paragraph, StatefulWidget, Widget, Wrap,
};

pub fn author_name(model: &Model, ui: &SessionUi, a: &Author) -> String {
    let s = model.strings();
    match a {
        Author::Anonymous => s.author_anonymous.to_string(),
        Author::WholeGroup => s.author_group.to_string(),
        Author::Member(id) => ui.session.group.member_name(id),
    }
}

/// A short description of an item, for confirmations.
pub fn item_label(ui: &SessionUi, pane: Pane, id: &Id) -> String {
    let ses = &ui.session;
    let text = match pane {
        Pane::Cards => ses.needs.cards.iter().find(|c| &c.id == id).map(|c| c.text.clone()),
        Pane::Causes => {
            let n = ses.problem.subtree(id).len();
            ses.problem.causes.iter().find(|c| &c.id == id).map(|c| {
                if n > 1 { format!("{} (+{})", c.text, n - 1) } else { c.text.clone() }
            })
        }
        Pane::Ideas => ses.solutions.ideas.iter().find(|i| &i.id == id).map(|i| i.text.clone()),
        Pane::Actions => ses.plan.actions.iter().find(|a| &a.id == id).map(|a| a.what.clone()),
        Pane::Guests => ses.checkin.guests.iter().find(|i| &i.id == id).map(|i| i.text.clone()),
        Pane::Effects => ses.problem.effects.iter().find(|i| &i.id == id).map(|i| i.text.clone()),
        _ => None,
    };
    one_line(&text.unwrap_or_default())
}

fn editor_here<'a>(ui: &'a SessionUi, pane: Pane) -> Option<&'a Editor> {
    ui.editor.as_ref().filter(|e| e.target.pane() == pane)
}

/// A list pane: rows, the selection when focused, the field being typed below.
pub fn list(
    model: &Model,
    ui: &SessionUi,
    pane: Pane,
    title: String,
    rows: Vec<Line<'static>>,
    empty: &str,
    area: Rect,
    buf: &mut Buffer,
) {
    let t = &model.theme;
    let focused = ui.pane() == pane && ui.action_form.is_none();
    let editing = editor_here(ui, pane).filter(|e| !matches!(e.target, Target::Text(_)));
    let draft = ui
        .session
        .drafts
        .get(&Target::New(pane).draft_key())
        .filter(|_| editing.is_none());
    let block = pane_block(model, title, focused);
    let inner = block.inner(area);
    block.render(area, buf);
    let editor_h = match editing {
        Some(e) => (e.area.lines().len() as u16 + 2 + u16::from(e.error.is_some())).min(inner.height / 2 + 1).max(3),
        None => u16::from(draft.is_some()),
    };
    let [list_area, bottom] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(editor_h)]).areas(inner);
    if rows.is_empty() {
        Paragraph::new(empty.to_string())
            .wrap(Wrap { trim: true })
            .style(t.muted)
            .render(list_area, buf);
    } else {
        let items: Vec<ListItem> = rows.into_iter().map(ListItem::new).collect();
        let mut state = ListState::default().with_selected(Some(ui.selection(pane)));
        StatefulWidget::render(
            List::new(items)
                .highlight_style(if focused { t.selected } else { t.base })
                .highlight_symbol(if focused { "▶ " } else { "  " }),
            list_area,
            buf,
            &mut state,
        );
    }
    if let Some(ed) = editing {
        editor_box(model, ui, ed, bottom, buf);
    } else if let Some(d) = draft {
        let s = model.strings();
        Line::from(vec![
            styled(format!("✎ {} ", s.draft_label), t.draft),
            styled(clip(&one_line(d), bottom.width.saturating_sub(12) as usize), t.draft),
        ])
        .render(bottom, buf);
    }
}

/// The field being typed in, with what it will become and, for cards and ideas, who said it.
pub fn editor_box(model: &Model, ui: &SessionUi, ed: &Editor, area: Rect, buf: &mut Buffer) {
    let s = model.strings();
    let t = &model.theme;
    let mut title = vec![styled(format!(" ✎ {} ", s.editor_title(&ed.target)), t.title)];
    if matches!(
        ed.target,
        Target::New(Pane::Cards | Pane::Ideas) | Target::Item(Pane::Cards | Pane::Ideas, _)
    ) {
        title.push(styled(
            format!("{}: {} ", s.author_label, author_name(model, ui, &ed.author)),
            t.marked,
        ));
        title.push(muted(model, format!("(F2) ")));
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.focus_border)
        .title(Line::from(title));
    let inner = block.inner(area);
    block.render(area, buf);
    let [text, err] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(u16::from(ed.error.is_some())),
    ])
    .areas(inner);
    let mut ta = ed.area.clone();
    ta.set_cursor_line_style(ratatui::style::Style::new());
    ta.set_cursor_style(t.selected.add_modifier(Modifier::SLOW_BLINK));
    ta.render(text, buf);
    if let Some(e) = &ed.error {
        Line::from(styled(format!("⚠ {e}"), t.error)).render(err, buf);
    }
}

/// A text pane: its text, or the field being typed, or the draft left in it.
pub fn text(
    model: &Model,
    ui: &SessionUi,
    pane: Pane,
    title: String,
    value: &str,
    area: Rect,
    buf: &mut Buffer,
) {
    let t = &model.theme;
    let s = model.strings();
    let focused = ui.pane() == pane && ui.action_form.is_none();
    let target = match pane.text_field() {
        Some(f) => Target::Text(f),
        None => Target::NextDate,
    };
    if let Some(ed) = editor_here(ui, pane) {
        editor_box(model, ui, ed, area, buf);
        return;
    }
    let block = pane_block(model, title, focused);
    let draft = ui.session.drafts.get(&target.draft_key());
    let paragraph = match draft {
        Some(d) => Paragraph::new(vec![
            Line::from(styled(format!("✎ {}", s.draft_label), t.draft)),
            Line::from(styled(d.clone(), t.draft)),
        ]),
        None if value.is_empty() => Paragraph::new(Span::styled(
            if focused { s.text_empty_focused } else { s.text_empty },
            t.muted,
        )),
        None => Paragraph::new(value.to_string()),
    };
    paragraph.wrap(Wrap { trim: false }).block(block).render(area, buf);
}

/// A count for a pane title: "Cartes (24)".
pub fn counted(title: &str, n: usize) -> String {
    fill("{} ({})", &[&title, &n])
}
