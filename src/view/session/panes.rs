//! The two kinds of pane every phase is made of: a list of items and a text, each with the
//! field being typed in drawn where it belongs, and drafts shown for what they are.

use crate::i18n::fill;
use crate::keymap::{self, Ctx};
use crate::layout::session::{Slot, editor_here, is_date, list_parts};
use crate::layout::text::one_line;
use crate::layout::text::{display_width, wrapped_rows};
use crate::model::{Author, Id};
use crate::ui::{Editor, Model, Pane, SessionUi, Target};
use crate::view::common::{fit, muted, pane_block, styled};
use crate::view::selection::selected_line;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{
    Block, Borders, List, ListItem, ListState, Paragraph, StatefulWidget, Widget, Wrap,
};
use ratatui_textarea::WrapMode;

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
        Pane::Cards | Pane::Themes => ses
            .needs
            .themes
            .iter()
            .find(|t| &t.id == id)
            .map(|t| t.title.clone())
            .or_else(|| {
                ses.needs
                    .cards
                    .iter()
                    .find(|c| &c.id == id)
                    .map(|c| c.text.clone())
            })
            .or_else(|| {
                ses.needs
                    .backlog
                    .iter()
                    .find(|b| &b.id == id)
                    .map(|b| b.title.clone())
            }),
        Pane::Causes => {
            let n = ses.problem.subtree(id).len();
            ses.problem.causes.iter().find(|c| &c.id == id).map(|c| {
                if n > 1 {
                    format!("{} (+{})", c.text, n - 1)
                } else {
                    c.text.clone()
                }
            })
        }
        Pane::Ideas => ses
            .solutions
            .ideas
            .iter()
            .find(|i| &i.id == id)
            .map(|i| i.text.clone()),
        Pane::Actions => ses
            .plan
            .actions
            .iter()
            .find(|a| &a.id == id)
            .map(|a| a.what.clone()),
        Pane::Guests => ses
            .checkin
            .guests
            .iter()
            .find(|i| &i.id == id)
            .map(|i| i.text.clone()),
        Pane::Effects => ses
            .problem
            .effects
            .iter()
            .find(|i| &i.id == id)
            .map(|i| i.text.clone()),
        _ => None,
    };
    one_line(&text.unwrap_or_default())
}

/// The text of an empty pane: its hint of the key that adds something, or, where nothing
/// can be added (a read-only session, a replay), only that there is nothing yet.
pub fn empty_hint<'a>(model: &Model, ui: &SessionUi, hint: &'a str) -> &'a str {
    if ui.read_only {
        model.strings().nothing_yet
    } else {
        hint
    }
}

/// A list pane: rows (one line or more each), the selection when focused, the field being
/// typed below. Rows longer than the pane are cut with an ellipsis.
#[allow(clippy::too_many_arguments)]
pub fn list<R: Into<Text<'static>>>(
    model: &Model,
    ui: &SessionUi,
    pane: Pane,
    title: impl Into<Line<'static>>,
    rows: Vec<R>,
    empty: &str,
    area: Rect,
    buf: &mut Buffer,
) {
    let empty = empty_hint(model, ui, empty);
    let t = &model.theme;
    let focused = ui.pane() == pane && ui.action_form.is_none();
    let editing = editor_here(ui, pane).filter(|e| !matches!(e.target, Target::Text(_)));
    let draft = ui
        .session
        .drafts
        .get(&Target::New(pane).draft_key())
        .filter(|_| editing.is_none());
    pane_block(model, title, focused).render(area, buf);
    let (list_area, bottom) = list_parts(ui, pane, area);
    if rows.is_empty() {
        Paragraph::new(empty.to_string())
            .wrap(Wrap { trim: true })
            .style(t.muted)
            .render(list_area, buf);
    } else {
        // The highlight symbol takes two columns before every row.
        let width = list_area.width.saturating_sub(2) as usize;
        let selected = ui.selection(pane);
        let texts: Vec<Text<'static>> = rows.into_iter().map(Into::into).collect();
        let in_sight = in_sight(&texts, selected, list_area.height as usize);
        // The selected row takes the highlight span by span, so that a bar in it keeps
        // its own style (view::selection).
        let highlight = if focused { t.selected } else { t.base };
        let items: Vec<ListItem> = (texts.into_iter().enumerate())
            .map(|(i, text)| match in_sight.contains(&i) {
                // Measuring and cutting is the costly part: only for rows that can be drawn.
                true if i == selected => ListItem::new(
                    (text.lines.into_iter())
                        .map(|l| selected_line(fit(l, width), highlight))
                        .collect::<Vec<_>>(),
                )
                .style(highlight),
                true => ListItem::new(
                    (text.lines.into_iter())
                        .map(|l| fit(l, width))
                        .collect::<Vec<_>>(),
                ),
                false => ListItem::new(text),
            })
            .collect();
        // From the first row `update` keeps for the pane (see `layout::scroll`).
        let offset = ui.scroll.get(&pane).copied().unwrap_or(0);
        let mut state = ListState::default()
            .with_offset(offset)
            .with_selected(Some(selected));
        StatefulWidget::render(
            List::new(items).highlight_symbol(if focused { "▶ " } else { "  " }),
            list_area,
            buf,
            &mut state,
        );
    }
    if let Some(ed) = editing {
        editor_box(model, ui, ed, None, bottom, buf);
    } else if let Some(d) = draft {
        let s = model.strings();
        let line = Line::from(vec![
            styled(format!("✎ {} ", s.draft_label), t.draft),
            styled(one_line(d), t.draft),
        ]);
        fit(line, bottom.width as usize).render(bottom, buf);
    }
}

/// The rows a list can draw: a fresh `ListState` scrolls from the top just enough to show
/// the selected row, so only rows within a screenful of lines of it can be in sight (a list
/// of 300 cards draws some 50).
fn in_sight(texts: &[Text], selected: usize, height: usize) -> std::ops::RangeInclusive<usize> {
    let sel = selected.min(texts.len().saturating_sub(1));
    let (mut lo, mut above) = (sel, 0);
    while lo > 0 && above < height {
        lo -= 1;
        above += texts[lo].height();
    }
    let (mut hi, mut below) = (sel, texts.get(sel).map_or(0, Text::height));
    while hi + 1 < texts.len() && below < height {
        hi += 1;
        below += texts[hi].height();
    }
    lo..=hi
}

/// The field being typed in, with what it will become and, for cards and ideas, who said it.
/// A text pane's field keeps the pane's `title`.
pub fn editor_box(
    model: &Model,
    ui: &SessionUi,
    ed: &Editor,
    title: Option<&str>,
    area: Rect,
    buf: &mut Buffer,
) {
    let s = model.strings();
    let t = &model.theme;
    let what = title.unwrap_or_else(|| ed.target.title(s));
    let mut title = vec![styled(format!(" ✎ {what} "), t.title)];
    if matches!(
        ed.target,
        Target::New(Pane::Cards | Pane::Ideas) | Target::Item(Pane::Cards | Pane::Ideas, _)
    ) {
        let colon = s.store.show.colon;
        title.push(styled(
            format!(
                "{}{colon}{} ",
                s.author_label,
                author_name(model, ui, &ed.author)
            ),
            t.marked,
        ));
        if let Some(key) = key_for(Ctx::Authored, keymap::Action::PickAuthor) {
            title.push(muted(model, format!("({key}) ")));
        }
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.focus_border)
        .title(fit(
            Line::from(title),
            area.width.saturating_sub(2) as usize,
        ));
    let inner = block.inner(area);
    block.render(area, buf);
    let err = editor_field(model, ed, Style::new(), inner, buf);
    if let Some(e) = &ed.error {
        Line::from(styled(format!("⚠ {e}"), t.error)).render(err, buf);
    }
}

/// Inside an editor box's borders (the presenter view's too): the text being typed, in
/// `style`, wrapped, the cursor blinking. Returns the row below it for the error, empty
/// when there is none.
pub(crate) fn editor_field(
    model: &Model,
    ed: &Editor,
    style: Style,
    inner: Rect,
    buf: &mut Buffer,
) -> Rect {
    let err_h = u16::from(ed.error.is_some());
    // A date field says what it takes before anything is typed, below the text.
    let hint = is_date(ed).then_some(model.strings().date_forms);
    let hint_h = hint.map_or(0, |h| {
        let rows = wrapped_rows(h, inner.width as usize) as u16;
        rows.min(inner.height.saturating_sub(1 + err_h))
    });
    let [text, hint_area, err] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(hint_h),
        Constraint::Length(err_h),
    ])
    .areas(inner);
    if let Some(h) = hint {
        Paragraph::new(h)
            .wrap(Wrap { trim: true })
            .style(model.theme.muted)
            .render(hint_area, buf);
    }
    let mut ta = ed.area.clone();
    ta.set_wrap_mode(WrapMode::WordOrGlyph);
    ta.set_style(style);
    ta.set_cursor_line_style(style);
    ta.set_cursor_style(model.theme.selected.add_modifier(Modifier::SLOW_BLINK));
    ta.render(text, buf);
    err
}

/// The first key of an action in a context, as the key table writes it.
fn key_for(ctx: Ctx, action: keymap::Action) -> Option<String> {
    keymap::TABLE
        .iter()
        .find(|b| b.ctx == ctx && b.action == action)
        .and_then(|b| b.keys.first())
        .map(|k| k.label())
}

/// A text pane: its text, or the field being typed, or the draft left in it (marked in the
/// title, so that the text keeps every row).
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
        editor_box(model, ui, ed, Some(&title), area, buf);
        return;
    }
    let draft = ui.session.drafts.get(&target.draft_key());
    let mut heading = vec![Span::raw(title)];
    if draft.is_some() {
        heading.push(styled(format!(" ✎ {}", s.draft_label), t.draft));
    }
    let block = pane_block(model, Line::from(heading), focused);
    let paragraph = match draft {
        Some(d) => Paragraph::new(Span::styled(d.clone(), t.draft)),
        None if value.is_empty() => Paragraph::new(Span::styled(
            if focused && !ui.read_only {
                s.text_empty_focused
            } else {
                s.text_empty
            },
            t.muted,
        )),
        None => Paragraph::new(value.to_string()),
    };
    paragraph
        .wrap(Wrap { trim: false })
        .block(block)
        .render(area, buf);
}

/// A text pane as one of a [`stack`].
pub fn stacked_text<'a>(
    model: &'a Model,
    ui: &'a SessionUi,
    pane: Pane,
    label: &str,
    value: String,
) -> Stacked<'a> {
    let summary = value.clone();
    let title = label.to_string();
    Stacked {
        label: label.to_string(),
        summary,
        draw: Box::new(move |r, b| text(model, ui, pane, title.clone(), &value, r, b)),
    }
}

/// Draws a pane in the rectangle it is given.
pub type Draw<'a> = Box<dyn Fn(Rect, &mut Buffer) + 'a>;

/// One pane of a column of panes (see [`stack`]).
pub struct Stacked<'a> {
    pub label: String,
    /// The pane's content on one line, for when there is no room for its box.
    pub summary: String,
    pub draw: Draw<'a>,
}

/// A column of panes, each in the slot `layout::session::stack` gave it (in the same
/// order): its box, or one line "label  value" when the column is too short for every box,
/// so that no box is drawn with no room inside.
pub fn stack(model: &Model, area: Rect, items: Vec<Stacked>, slots: &[Slot], buf: &mut Buffer) {
    // Labels line up when they are short enough to leave the values most of the line.
    let longest = items
        .iter()
        .map(|i| display_width(&i.label))
        .max()
        .unwrap_or(0);
    let label_w = if longest * 3 <= area.width as usize {
        longest + 2
    } else {
        0
    };
    for (item, slot) in items.iter().zip(slots) {
        let line = match *slot {
            Slot::Box(r) => {
                (item.draw)(r, buf);
                continue;
            }
            Slot::Line(r) => r,
        };
        let pad = label_w
            .saturating_sub(display_width(&item.label) + 1)
            .max(2);
        let text = Line::from(vec![
            muted(model, format!(" {}{}", item.label, " ".repeat(pad))),
            Span::raw(one_line(&item.summary)),
        ]);
        fit(text, line.width as usize).render(line, buf);
    }
}

/// A count for a pane title: "Cartes (24)".
pub fn counted(title: &str, n: usize) -> String {
    fill("{} ({})", &[&title, &n])
}
