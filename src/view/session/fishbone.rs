//! The causes grouped by category, fishbone-like: one box per category of the method (5M
//! and more) with its causes, the boxes above and below a spine that points at the core
//! problem, the causes with no category apart, and the categories still empty named at the
//! bottom (a prompt: "and the equipment?"). Where the boxes do not fit, the same groups
//! become one list under headings that scrolls with the selection.

use super::tree::{draw_in_view, field_area, scroll_marks};
use crate::layout::text::display_width;
use crate::layout::text::one_line;
use crate::layout::tree::{Selection, selection};
use crate::layout::wrap::wrap;
use crate::model::{Cause, Id};
use crate::ui::causes::{Bone, empty_categories, fishbone};
use crate::ui::{Model, Pane, SessionUi};
use crate::view::common::{fit, pane_block, styled};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph, Widget, Wrap};

/// Boxes narrower than this read badly: fewer columns, or the list.
const MIN_BOX_WIDTH: u16 = 30;

pub fn render(model: &Model, ui: &SessionUi, navigates: bool, area: Rect, buf: &mut Buffer) {
    let s = model.strings();
    let t = &model.theme;
    let sel = selection(ui, navigates);
    let block = pane_block(
        model,
        s.problem.fishbone_title.to_string(),
        sel == Selection::Active,
    );
    let inner = block.inner(area);
    block.render(area, buf);
    let inner = if navigates {
        field_area(model, ui, area, inner, buf)
    } else {
        inner
    };
    let method = &ui.session.method;
    let known: Vec<&str> = (method.cause_categories.iter())
        .map(|c| c.id.as_str())
        .collect();
    let bones = fishbone(&ui.session.problem, &known);
    let empty: Vec<String> = empty_categories(&bones, &known)
        .into_iter()
        .map(|id| label(model, ui, Some(id)))
        .collect();
    let empty_line = (!empty.is_empty()).then(|| {
        Line::from(styled(
            crate::i18n::fill(s.problem.fishbone_empty, &[&empty.join(" · ")]),
            t.muted,
        ))
    });
    if bones.is_empty() {
        let empty = super::panes::empty_hint(model, ui, s.empty_causes);
        let mut lines = vec![Line::from(styled(empty, t.muted))];
        lines.extend(empty_line);
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .render(inner, buf);
        return;
    }
    // Once per frame, not once per cause: the rows behind it are the whole tree.
    let selected = ui.selected_id(Pane::Causes);
    let sel = (sel, selected.as_ref());
    if !grid(model, ui, sel, &bones, empty_line.clone(), inner, buf) {
        list(model, ui, sel, &bones, empty_line, area, inner, buf);
    }
}

/// A category's name in the advisor's language; the id itself for one the method lacks.
fn label(model: &Model, ui: &SessionUi, category: Option<&str>) -> String {
    match category {
        None => model.strings().problem.category_none.to_string(),
        Some(id) => (ui.session.method.cause_category(id))
            .map_or(id.to_string(), |c| c.label.get(model.lang).to_string()),
    }
}

/// The lines of one cause in `width` columns: one, or all of it when selected.
fn entry(
    model: &Model,
    (sel, selected): (Selection, Option<&Id>),
    level: usize,
    cause: &Cause,
    width: usize,
) -> (Vec<Line<'static>>, bool) {
    let t = &model.theme;
    let is_sel = sel != Selection::Hidden && selected == Some(&cause.id);
    let mut head = String::from(" ");
    if level > 0 {
        head.push_str(&"  ".repeat(level - 1));
        head.push_str("↳ ");
    } else if !cause.root {
        head.push_str("• ");
    }
    let mut spans = vec![styled(head.clone(), t.muted)];
    let mut lead = display_width(&head);
    if cause.root {
        spans.push(styled("◆ ", t.marked));
        lead += 2;
    }
    let text_style = if cause.root { t.title } else { t.base };
    let text = one_line(&cause.text);
    if !is_sel {
        spans.push(styled(text, text_style));
        return (vec![Line::from(spans)], false);
    }
    if sel == Selection::Echo {
        spans.push(styled(text, text_style));
        let line = Line::from(spans).style(Style::new().add_modifier(Modifier::UNDERLINED));
        return (vec![line], true);
    }
    let chunks = wrap(&text, width.saturating_sub(lead).max(8));
    let lines = chunks
        .into_iter()
        .enumerate()
        .map(|(i, chunk)| {
            let mut l = if i == 0 {
                spans.clone()
            } else {
                vec![Span::raw(" ".repeat(lead))]
            };
            l.push(styled(chunk, text_style));
            Line::from(l).style(t.selected)
        })
        .collect();
    (lines, true)
}

/// The boxes in columns around the spine, if they all fit; false when they do not.
fn grid(
    model: &Model,
    ui: &SessionUi,
    sel: (Selection, Option<&Id>),
    bones: &[Bone],
    empty_line: Option<Line<'static>>,
    area: Rect,
    buf: &mut Buffer,
) -> bool {
    let t = &model.theme;
    let cols = (area.width / MIN_BOX_WIDTH)
        .clamp(1, 3)
        .min(bones.len() as u16);
    if cols < 2 {
        return false;
    }
    let box_w = area.width / cols;
    let inner_w = box_w as usize - 2;
    // A cause is one line but the selected one, which may wrap: the boxes' heights come
    // from the counts, and their lines are built only once the boxes are known to fit
    // (with many causes they do not, and the list is drawn instead).
    let lines_in = |b: &Bone| -> usize {
        (b.causes.iter())
            .map(|(level, c)| match sel.1 == Some(&c.id) {
                true => entry(model, sel, *level, c, inner_w).0.len(),
                false => 1,
            })
            .sum()
    };
    let rows: Vec<&[Bone]> = bones.chunks(cols as usize).collect();
    let heights: Vec<u16> = rows
        .iter()
        .map(|r| r.iter().map(|b| lines_in(b) as u16 + 2).max().unwrap_or(2))
        .collect();
    let spine_after = rows.len().div_ceil(2);
    let needed: u16 = heights.iter().sum::<u16>() + 1 + u16::from(empty_line.is_some());
    if needed > area.height {
        return false;
    }
    let mut y = area.y;
    for (i, (row, h)) in rows.iter().zip(&heights).enumerate() {
        for (j, b) in row.iter().enumerate() {
            let x = area.x + j as u16 * box_w;
            let w = if j + 1 == cols as usize {
                area.right() - x
            } else {
                box_w
            };
            let r = Rect::new(x, y, w, *h);
            let name = format!(" {} · {} ", label(model, ui, b.category), b.causes.len());
            let block = Block::default()
                .borders(Borders::ALL)
                .border_type(BorderType::Rounded)
                .border_style(t.border)
                .title(styled(name, t.title));
            let inside = block.inner(r);
            block.render(r, buf);
            let lines = (b.causes.iter())
                .flat_map(|(level, c)| entry(model, sel, *level, c, inner_w).0)
                .collect();
            draw_in_view(lines, 0, 0, inside, buf);
        }
        y += h;
        if i + 1 == spine_after {
            spine(model, Rect::new(area.x, y, area.width, 1), buf);
            y += 1;
        }
    }
    if let Some(l) = empty_line {
        fit(l, area.width as usize).render(Rect::new(area.x, y, area.width, 1), buf);
    }
    true
}

/// The fish's backbone, pointing at the core problem.
fn spine(model: &Model, area: Rect, buf: &mut Buffer) {
    let t = &model.theme;
    let head = format!("▶ {}", model.strings().pane_statement);
    let len = (area.width as usize).saturating_sub(display_width(&head) + 1);
    let line = Line::from(vec![
        styled("━".repeat(len), t.muted),
        styled(head, t.title),
    ]);
    fit(line, area.width as usize).render(area, buf);
}

/// The groups as one list under headings, scrolled to keep the selection in view.
#[allow(clippy::too_many_arguments)]
fn list(
    model: &Model,
    ui: &SessionUi,
    sel: (Selection, Option<&Id>),
    bones: &[Bone],
    empty_line: Option<Line<'static>>,
    pane: Rect,
    area: Rect,
    buf: &mut Buffer,
) {
    let t = &model.theme;
    let width = area.width as usize;
    // A heading per group, then a line per cause but the selected one, which may wrap: where
    // the selection sits is known without building the lines, and only those in view are
    // built (a hundred causes are mostly out of view).
    let is_sel = |c: &Cause| sel.0 != Selection::Hidden && sel.1 == Some(&c.id);
    let mut total = 0;
    let mut focus = (0, 0);
    for b in bones {
        total += 1;
        for (level, c) in &b.causes {
            let n = match is_sel(c) {
                true => entry(model, sel, *level, c, width).0.len(),
                false => 1,
            };
            if is_sel(c) {
                focus = (total, total + n - 1);
            }
            total += n;
        }
    }
    total += usize::from(empty_line.is_some());
    let h = area.height as usize;
    let offset = scroll_offset(total, h, focus);
    let in_view = |first: usize, n: usize| first < offset + h && first + n > offset;
    let mut at = 0;
    for b in bones {
        if in_view(at, 1) {
            let name = format!("{} · {} ", label(model, ui, b.category), b.causes.len());
            let rule = "─".repeat(width.saturating_sub(display_width(&name)));
            let heading = Line::from(vec![styled(name, t.title), styled(rule, t.muted)]);
            draw_in_view(vec![heading], at, offset, area, buf);
        }
        at += 1;
        for (level, c) in &b.causes {
            let n = if is_sel(c) {
                let (lines, _) = entry(model, sel, *level, c, width);
                let n = lines.len();
                draw_in_view(lines, at, offset, area, buf);
                n
            } else {
                if in_view(at, 1) {
                    draw_in_view(entry(model, sel, *level, c, width).0, at, offset, area, buf);
                }
                1
            };
            at += n;
        }
    }
    if let Some(l) = empty_line {
        draw_in_view(vec![l], at, offset, area, buf);
    }
    scroll_marks(model, pane, offset, total.saturating_sub(offset + h), buf);
}

/// The first line to show so that lines `focus.0..=focus.1` are in view, a third down when
/// the list is longer than the room.
fn scroll_offset(total: usize, height: usize, focus: (usize, usize)) -> usize {
    if total <= height || height == 0 {
        return 0;
    }
    let (first, last) = focus;
    let mut offset = first.saturating_sub(height / 3).min(total - height);
    if last >= offset + height {
        offset = last + 1 - height;
    }
    offset.min(first)
}
