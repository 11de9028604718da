//! The board: the themes side by side as boxes with their cards (columns that wrap into rows
//! on a narrow screen), then the cards in no theme, then the themes of earlier sessions
//! waiting to be taken up. Its rows are `Pane::Themes`'s rows, in that order; the board
//! scrolls so that the selected row is always in sight, and cards take two or three lines
//! when the board has the room.

mod lines;

use super::marked_label;
use crate::i18n::fill;
use crate::keymap::{Action, Ctx};
use crate::layout::session::field_place;
use crate::layout::text::display_width;
use crate::layout::text::{clip, one_line};
use crate::model::Card;
use crate::ui::{Model, Pane, SessionUi, Target};
use crate::view::common::{fit, muted, pane_block, styled};
use crate::view::session::panes::{counted, editor_box};
use lines::{box_lines, line_of, visible_lines};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph, Widget, Wrap};
use std::borrow::Cow;

/// The narrowest a theme box gets before the board goes down to fewer columns.
const MIN_BOX: u16 = 32;
/// The most lines a card's text takes on the board.
const MAX_CARD_LINES: usize = 3;
/// Before each line: the selection arrow and the mark (or the backlog sign), then a space.
const PREFIX: usize = 3;

/// One box of the board.
struct BoardBox<'a> {
    kind: Kind,
    /// The row of the theme itself, for a theme box.
    header: Option<usize>,
    items: Vec<Item<'a>>,
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Theme(usize),
    Unsorted,
    Backlog,
}

/// A row of the board inside a box: a card, or a theme waiting in the backlog.
struct Item<'a> {
    row: usize,
    /// The mark (● marked, · not) or the backlog sign, with its style.
    sign: Span<'static>,
    text: Cow<'a, str>,
    /// Shown muted after the text (a backlog item's votes and session).
    after: Option<String>,
}

impl BoardBox<'_> {
    /// Takes the whole width: the cards in no theme, the backlog.
    fn wide(&self) -> bool {
        !matches!(self.kind, Kind::Theme(_))
    }

    fn holds(&self, row: usize) -> bool {
        self.header == Some(row) || self.items.iter().any(|i| i.row == row)
    }
}

/// Draws the board; returns the width of its title.
pub fn render(model: &Model, ui: &SessionUi, area: Rect, buf: &mut Buffer) -> usize {
    let s = model.strings();
    let t = &model.theme;
    let ses = &ui.session;
    let focused = ui.pane() == Pane::Themes && ui.action_form.is_none();
    let title = title(model, ui);
    let title_w = display_width(&title);
    let block = pane_block(model, title, focused);
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.height == 0 || inner.width < 4 {
        return title_w;
    }

    // The field being typed on the board (a new theme, a title, a card), or its draft.
    let editing = ui
        .editor
        .as_ref()
        .filter(|e| e.target.pane() == Pane::Themes);
    let draft = ses
        .drafts
        .get(&Target::New(Pane::Themes).draft_key())
        .filter(|_| editing.is_none());
    let (board, bottom) = match editing {
        Some(ed) => field_place(ed, area, inner),
        None => {
            let h = u16::from(draft.is_some());
            let [board, bottom] =
                Layout::vertical([Constraint::Min(0), Constraint::Length(h)]).areas(inner);
            (board, bottom)
        }
    };
    // Drawn last: over the whole pane when the pane is too short for the box and rows.
    let field = |buf: &mut Buffer| {
        if let Some(ed) = editing {
            editor_box(model, ui, ed, None, bottom, buf);
        } else if let Some(d) = draft {
            let line = Line::from(vec![
                styled(format!("✎ {} ", s.draft_label), t.draft),
                styled(one_line(d), t.draft),
            ]);
            fit(line, bottom.width as usize).render(bottom, buf);
        }
    };

    let n = &ses.needs;
    // The board's rows: every theme, every card (in a theme or not), every backlog item.
    let rows = n.themes.len() + n.cards.len() + n.backlog.len();
    if rows == 0 {
        let add = super::key_label(Ctx::Facilitate, Action::Add);
        let mark = super::key_label(Ctx::Themes, Action::ToggleMark);
        let put = super::key_label(Ctx::Themes, Action::MoveToTheme);
        let text = fill(s.needs.empty_board, &[&add, &mark, &put]);
        Paragraph::new(super::super::panes::empty_hint(model, ui, &text).to_string())
            .wrap(Wrap { trim: true })
            .style(t.muted)
            .render(board, buf);
        field(buf);
        return title_w;
    }
    let sel = focused.then(|| {
        let i = ui.selected.get(&Pane::Themes).copied().unwrap_or(0);
        i.min(rows - 1)
    });
    let boxes = boxes(model, ui);
    draw(model, ui, &boxes, sel, board, area, buf);
    field(buf);
    title_w
}

/// "Themes (5) · 4 not in a theme · 2 marked".
fn title(model: &Model, ui: &SessionUi) -> String {
    let s = model.strings();
    let n = &ui.session.needs;
    let mut title = counted(s.needs.pane_themes, n.themes.len());
    let loose = n.board().1.len();
    if loose > 0 && !n.themes.is_empty() {
        title = format!("{title} · {}", fill(s.needs.unsorted_count, &[&loose]));
    }
    if !n.backlog.is_empty() {
        title = format!(
            "{title} · {}",
            fill(s.needs.backlog_count, &[&n.backlog.len()])
        );
    }
    if let Some(m) = marked_label(model, ui) {
        title = format!("{title} · {m}");
    }
    if n.themes.is_empty() && !n.cards.is_empty() {
        let add = super::key_label(Ctx::Facilitate, Action::Add);
        title = format!("{title} · {}", fill(s.needs.add_theme, &[&add]));
    }
    title
}

/// A text on one line, copied only when it has lines to join.
fn line_text(text: &str) -> Cow<'_, str> {
    if text.contains('\n') {
        Cow::Owned(one_line(text))
    } else {
        Cow::Borrowed(text)
    }
}

/// The boxes, their items numbered as the pane's rows are.
fn boxes<'a>(model: &Model, ui: &'a SessionUi) -> Vec<BoardBox<'a>> {
    let s = model.strings();
    let t = &model.theme;
    let n = &ui.session.needs;
    let mut row = 0usize;
    let mut out = Vec::new();
    let card = |row: usize, c: &'a Card| Item {
        row,
        // Built for every card, drawn for those in sight: nothing copied until then.
        sign: if ui.tech.marked.contains(&c.id) {
            Span::styled("●", t.marked)
        } else {
            Span::styled("·", t.muted)
        },
        text: line_text(&c.text),
        after: None,
    };
    let (groups, loose) = n.board();
    for (i, cards) in groups.into_iter().enumerate() {
        let header = row;
        row += 1;
        let mut items = Vec::new();
        for c in cards {
            items.push(card(row, c));
            row += 1;
        }
        out.push(BoardBox {
            kind: Kind::Theme(i),
            header: Some(header),
            items,
        });
    }
    let mut items = Vec::new();
    for c in loose {
        items.push(card(row, c));
        row += 1;
    }
    if !items.is_empty() {
        out.push(BoardBox {
            kind: Kind::Unsorted,
            header: None,
            items,
        });
    }
    let mut items = Vec::new();
    for b in &n.backlog {
        let votes = s.needs.backlog_votes.n(b.votes as usize);
        let from = fill(s.needs.backlog_from, &[&b.from_number]);
        items.push(Item {
            row,
            sign: Span::styled("↺", t.muted),
            text: line_text(&b.title),
            after: Some(format!(" · {votes} · {from}")),
        });
        row += 1;
    }
    if !items.is_empty() {
        out.push(BoardBox {
            kind: Kind::Backlog,
            header: None,
            items,
        });
    }
    out
}

/// Where each box goes, in board coordinates (the board is taller than the screen when it
/// scrolls), and the board's height.
fn place(boxes: &[BoardBox], width: u16, max_lines: usize) -> (Vec<Rect>, u16) {
    let any = Style::default();
    let cols = (width / MIN_BOX).max(1);
    let box_w = width / cols;
    let mut placed = Vec::with_capacity(boxes.len());
    let (mut y, mut col, mut row_h) = (0u16, 0u16, 0u16);
    for b in boxes {
        let (x, w) = if b.wide() {
            if col > 0 {
                y += row_h;
                (col, row_h) = (0, 0);
            }
            (0, width)
        } else {
            let x = col * box_w;
            (x, if col + 1 == cols { width - x } else { box_w })
        };
        // One line per item needs no wrapping to count.
        let lines = if max_lines == 1 {
            b.items.len()
        } else {
            box_lines(b, w.saturating_sub(2) as usize, max_lines, any).len()
        };
        let h = lines.max(1) as u16 + 2;
        placed.push(Rect::new(x, y, w, h));
        if b.wide() {
            y += h;
        } else {
            row_h = row_h.max(h);
            col += 1;
            if col == cols {
                y += row_h;
                (col, row_h) = (0, 0);
            }
        }
    }
    (placed, y + row_h)
}

/// A box's title: the theme's (with ★ for the priority), the count kept when it is cut.
fn box_title(
    model: &Model,
    ui: &SessionUi,
    b: &BoardBox,
    width: usize,
    selected: bool,
) -> Line<'static> {
    let s = model.strings();
    let t = &model.theme;
    let n = &ui.session.needs;
    let (name, style) = match b.kind {
        Kind::Theme(i) => {
            let theme = &n.themes[i];
            let star = if n.priority.as_ref() == Some(&theme.id) {
                "★ "
            } else {
                ""
            };
            let style = if selected { t.selected } else { t.title };
            (format!("{star}{}", one_line(&theme.title)), style)
        }
        Kind::Unsorted => (s.needs.unsorted.to_string(), t.title),
        Kind::Backlog => (s.needs.backlog_box.to_string(), t.title),
    };
    let count = format!(" ({})", b.items.len());
    let room = width.saturating_sub(display_width(&count) + 2);
    Line::from(styled(format!(" {}{count} ", clip(&name, room)), style))
}

#[allow(clippy::too_many_arguments)]
fn draw(
    model: &Model,
    ui: &SessionUi,
    boxes: &[BoardBox],
    sel: Option<usize>,
    view: Rect,
    frame: Rect,
    buf: &mut Buffer,
) {
    let s = model.strings();
    let t = &model.theme;
    let n = &ui.session.needs;
    let h = view.height;
    // Cards on several lines when the whole board then still fits, else on one (counted
    // first: when one line each does not fit, more never will).
    let (one, one_height) = place(boxes, view.width, 1);
    let max_lines = if one_height > h {
        1
    } else {
        (2..=MAX_CARD_LINES)
            .rev()
            .find(|l| place(boxes, view.width, *l).1 <= h)
            .unwrap_or(1)
    };
    let (placed, height) = if max_lines == 1 {
        (one, one_height)
    } else {
        place(boxes, view.width, max_lines)
    };

    // Where the selection is: its first line, and the top of its box.
    let sel_at = sel.and_then(|r| {
        let (b, rect) = boxes.iter().zip(&placed).find(|(b, _)| b.holds(r))?;
        if b.header == Some(r) {
            return Some((rect.y, rect.y));
        }
        let k = line_of(b, r, rect.width.saturating_sub(2) as usize, max_lines)?;
        Some((rect.y + 1 + k as u16, rect.y))
    });
    // Scroll so that the selected row shows, with its box from the top when there is room.
    let off = match sel_at {
        _ if height <= h => 0,
        Some((y, _)) if y < h.saturating_sub(1) => 0,
        Some((y, top)) if y - top < h.saturating_sub(1) => top,
        Some((y, _)) => y + 2 - h,
        None => 0,
    }
    .min(height.saturating_sub(h));

    // Only the boxes in sight are drawn, straight onto the screen. A box cut by the edge of
    // the board has no border (and no title) on that side, as if it went on beyond.
    let bottom = off + h;
    for (b, rect) in boxes.iter().zip(&placed) {
        if rect.bottom() <= off || rect.y >= bottom {
            continue;
        }
        let (cut_top, cut_bottom) = (rect.y < off, rect.bottom() > bottom);
        let (y0, y1) = (rect.y.max(off), rect.bottom().min(bottom));
        let shown = Rect::new(view.x + rect.x, view.y + (y0 - off), rect.width, y1 - y0);
        let holds_sel = sel.is_some_and(|r| b.holds(r));
        let inner_w = rect.width.saturating_sub(2) as usize;
        let header_sel = sel.is_some() && sel == b.header;
        let mut borders = Borders::ALL;
        if cut_top {
            borders -= Borders::TOP;
        }
        if cut_bottom {
            borders -= Borders::BOTTOM;
        }
        let mut block = Block::default()
            .borders(borders)
            .border_type(if holds_sel {
                BorderType::Thick
            } else {
                BorderType::Rounded
            })
            .border_style(if holds_sel { t.focus_border } else { t.border });
        if !cut_top {
            block = block.title(fit(box_title(model, ui, b, inner_w, header_sel), inner_w));
        }
        if let Kind::Theme(i) = b.kind
            && !cut_bottom
            && let Some(c) = n.themes[i]
                .category
                .as_deref()
                .and_then(|c| ui.session.method.need_category(c))
        {
            let label = Line::from(muted(model, format!(" {} ", c.label.get(model.lang))));
            block = block.title_bottom(fit(label, inner_w));
        }
        block.render(shown, buf);
        // The inner lines in sight: board rows [off, bottom), inside the box's borders.
        let first = rect.y + 1;
        let last = rect.bottom() - 1;
        let from = off.max(first) - first;
        let to = bottom.min(last).saturating_sub(first);
        let screen_y = |k: u16| view.y + first + k - off;
        if b.items.is_empty() && from == 0 && to > 0 {
            Line::from(muted(model, format!("   {}", s.needs.empty_theme)))
                .render(Rect::new(shown.x + 1, screen_y(0), inner_w as u16, 1), buf);
        }
        let window = from as usize..to as usize;
        for (k, row, first_line, mut spans) in visible_lines(b, inner_w, max_lines, t.muted, window)
        {
            let r = Rect::new(shown.x + 1, screen_y(k as u16), inner_w as u16, 1);
            let selected = sel == Some(row);
            if selected
                && first_line
                && let Some(lead) = spans.first_mut()
            {
                lead.content = "▶".into();
            }
            let mut line = fit(Line::from(spans), inner_w);
            if selected {
                buf.set_style(r, t.selected);
                line = line.patch_style(t.selected);
            }
            line.render(r, buf);
        }
    }
    // Arrows on the border say there is more above or below.
    if off > 0 {
        muted(model, "▲").render(Rect::new(frame.right() - 1, view.y, 1, 1), buf);
    }
    if off + h < height {
        let y = view.bottom().saturating_sub(1);
        muted(model, "▼").render(Rect::new(frame.right() - 1, y, 1, 1), buf);
    }
}
