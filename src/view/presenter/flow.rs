//! Content poured into columns like a newspaper: items of a few lines each, with a blank
//! line between them when there is room, as few columns as hold them all (wide lines read
//! better from afar). When they cannot all fit, they are cut into pages, never an item in
//! the middle: the page shown is the one holding the selected item, and says which it is
//! ("1/2") in its bottom right corner.

use crate::layout::text::clip;
use crate::layout::text::display_width;
use crate::layout::wrap::{Long, rows_into};
use crate::ui::Model;
use crate::view::common::{fit, styled};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

/// One thing on screen: a card, an action, a theme with its cards. Kept whole in a column
/// when it fits in one.
pub struct Item {
    pub lines: Vec<Line<'static>>,
    /// The selected item of the focused pane: kept in sight, these of its lines highlighted.
    pub selected: Option<std::ops::Range<usize>>,
    /// A heading: never left alone at the bottom of a column, it goes with the next item.
    pub sticky: bool,
    /// Follows the item before it with no blank line between (a card under its theme).
    pub joined: bool,
}

impl Item {
    pub fn new(lines: Vec<Line<'static>>) -> Item {
        Item {
            lines,
            selected: None,
            sticky: false,
            joined: false,
        }
    }

    /// A heading of several lines (a long theme title, wrapped).
    pub fn heading_lines(lines: Vec<Line<'static>>) -> Item {
        Item {
            sticky: true,
            ..Item::new(lines)
        }
    }

    /// With no blank line before it.
    pub fn joined(mut self) -> Item {
        self.joined = true;
        self
    }

    /// A heading for the items after it.
    pub fn heading(line: Line<'static>) -> Item {
        Item {
            sticky: true,
            ..Item::new(vec![line])
        }
    }

    /// Selected as a whole, or not.
    pub fn selected(mut self, yes: bool) -> Item {
        self.selected = yes.then_some(0..self.lines.len());
        self
    }

    /// Selected, these lines of it highlighted (a card inside its theme).
    pub fn selected_lines(mut self, lines: std::ops::Range<usize>) -> Item {
        self.selected = Some(lines);
        self
    }

    fn highlights(&self, line: usize) -> bool {
        self.selected.as_ref().is_some_and(|r| r.contains(&line))
    }
}

/// Columns are at least this wide, and this far apart.
const GAP: u16 = 3;

/// Draws the items built by `build` for a column width: in as few columns of `min_w` to
/// `max_w` as hold them all, or as many as fit when none does.
pub fn flow(
    model: &Model,
    area: Rect,
    widths: (u16, u16),
    build: &dyn Fn(usize) -> Vec<Item>,
    buf: &mut Buffer,
) {
    if let Some((cols, items, _)) = choose(area, widths, build) {
        draw(model, &items, area, cols, buf);
    }
}

/// The number of columns, the items built for their width, and whether they all fit.
fn choose(
    area: Rect,
    (min_w, max_w): (u16, u16),
    build: &dyn Fn(usize) -> Vec<Item>,
) -> Option<(u16, Vec<Item>, bool)> {
    if area.width == 0 || area.height == 0 {
        return None;
    }
    let most = ((area.width + GAP) / (min_w + GAP)).max(1);
    let least = (area.width + GAP)
        .div_ceil(max_w.saturating_add(GAP))
        .clamp(1, most);
    let mut chosen = None;
    for cols in least..=most {
        let w = col_width(area.width, cols);
        let items = build(w as usize);
        let fits = place(&items, area.height, cols, 0, false).placed == items.len();
        if fits || cols == most {
            chosen = Some((cols, items, fits));
            if fits {
                break;
            }
        }
    }
    chosen
}

fn col_width(width: u16, cols: u16) -> u16 {
    (width.saturating_sub(GAP * (cols - 1)) / cols).max(1)
}

/// Where each line goes: (item, line, column, row).
struct Placement {
    cells: Vec<(usize, usize, u16, u16)>,
    /// Items placed whole or in part, from `start`.
    placed: usize,
}

/// Pours the items from `start` into `cols` columns of `height` rows, a blank row between
/// items if `spaced`. An item that fits in a column is not split.
fn place(items: &[Item], height: u16, cols: u16, start: usize, spaced: bool) -> Placement {
    let mut cells = Vec::new();
    let (mut col, mut row) = (0u16, 0u16);
    let mut placed = 0;
    for (i, item) in items.iter().enumerate().skip(start) {
        let n = item.lines.len() as u16;
        let gap = u16::from(spaced && row > 0 && !item.joined);
        // A heading needs room for the next item too, when both fit in a column; the item
        // right after its heading is never sent to the next column without it.
        let next = items.get(i + 1).map_or(0, |x| x.lines.len() as u16);
        let n = if item.sticky && n + u16::from(spaced) + next <= height {
            n + u16::from(spaced) + next
        } else {
            n
        };
        let after_heading = i > start && items[i - 1].sticky;
        // Whole in the next column if it fits there and there is one; else split here.
        if row + gap + n > height && n <= height && row > 0 && col + 1 < cols && !after_heading {
            col += 1;
            row = 0;
        } else {
            row += gap;
        }
        if col >= cols {
            break;
        }
        for (j, _) in item.lines.iter().enumerate() {
            if row >= height {
                col += 1;
                row = 0;
                if col >= cols {
                    break;
                }
            }
            cells.push((i, j, col, row));
            row += 1;
        }
        if col >= cols {
            break;
        }
        placed += 1;
    }
    Placement { cells, placed }
}

fn draw(model: &Model, items: &[Item], area: Rect, cols: u16, buf: &mut Buffer) {
    let t = &model.theme;
    let w = col_width(area.width, cols);
    let selected = items.iter().position(|i| i.selected.is_some());
    // Spaced if everything fits spaced.
    let spaced = place(items, area.height, cols, 0, true).placed == items.len();
    // When all fits, the columns are balanced: the shortest height that still holds it all.
    let all = |h: u16| place(items, h, cols, 0, spaced).placed == items.len();
    let height = if all(area.height) && cols > 1 {
        // No shorter than the tallest item, which would then be split.
        let tallest = items
            .iter()
            .map(|i| i.lines.len() as u16)
            .max()
            .unwrap_or(1);
        let (mut lo, mut hi) = (tallest.clamp(1, area.height), area.height);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if all(mid) { hi = mid } else { lo = mid + 1 }
        }
        lo
    } else {
        area.height
    };
    // Everything, or the page holding the selected item.
    let mut p = place(items, height, cols, 0, spaced);
    let mut page_mark = None;
    if p.placed < items.len() {
        // The bottom row is the page's mark: no text is shortened for it.
        let height = height.saturating_sub(1).max(1);
        let pages = pages(items, height, cols);
        let sel = selected.unwrap_or(0);
        let k = pages.iter().rposition(|&s| s <= sel).unwrap_or(0);
        let start = pages[k];
        let pin = pinned(items, start);
        let pin_rows = pin.map_or(0, |h| items[h].lines.len() as u16);
        p = place(
            items,
            height.saturating_sub(pin_rows).max(1),
            cols,
            start,
            false,
        );
        // A page that starts inside a section shows its heading on top, so that no item is
        // seen without it.
        if let Some(h) = pin {
            for c in &mut p.cells {
                c.3 += pin_rows;
            }
            for j in 0..items[h].lines.len() {
                p.cells.push((h, j, 0, j as u16));
            }
        }
        // An item cut by the page's end is on the next page, whole; one taller than a
        // page shows what fits of it.
        let end = pages
            .get(k + 1)
            .copied()
            .unwrap_or(items.len())
            .max(start + 1);
        p.cells.retain(|c| c.0 < end);
        if pages.len() > 1 {
            page_mark = Some(format!(" {}/{} ", k + 1, pages.len()));
        }
    }
    let right = area.right();
    for &(i, j, col, row) in &p.cells {
        let x = area.x + col * (w + GAP);
        let rect = Rect::new(x, area.y + row, w, 1).intersection(area);
        let line = items[i].lines[j].clone();
        let lit = items[i].highlights(j);
        let line = if lit {
            crate::view::selection::selected_line(line, t.selected)
        } else {
            line
        };
        if lit {
            buf.set_style(rect, t.selected);
        }
        fit(line, rect.width as usize).render(rect, buf);
    }
    if let Some(text) = page_mark {
        let text = clip(&text, area.width as usize);
        let tw = display_width(&text) as u16;
        let r = Rect::new(right.saturating_sub(tw), area.bottom() - 1, tw, 1);
        Line::from(styled(text, t.key)).render(r.intersection(area), buf);
    }
}

/// The heading shown on top of a page that starts at `start` inside its section (the last
/// heading before it), if it does.
fn pinned(items: &[Item], start: usize) -> Option<usize> {
    if items.get(start).is_none_or(|i| i.sticky) {
        return None;
    }
    (0..start).rev().find(|&i| items[i].sticky)
}

/// Where each page starts: as many whole items as a page holds (one at least), a heading
/// never left last on its page.
fn pages(items: &[Item], height: u16, cols: u16) -> Vec<usize> {
    let mut starts = vec![0];
    let mut start = 0;
    loop {
        let pin_rows = pinned(items, start).map_or(0, |h| items[h].lines.len() as u16);
        let rows = height.saturating_sub(pin_rows).max(1);
        let mut n = place(items, rows, cols, start, false).placed.max(1);
        if n > 1 && start + n < items.len() && items[start + n - 1].sticky {
            n -= 1;
        }
        start += n;
        if start >= items.len() {
            return starts;
        }
        starts.push(start);
    }
}

/// Greedy word wrap at `width` columns; a word longer than a line is cut across lines. Every
/// line of the text starts a new line; an empty text is one empty line. Runs of spaces count
/// as one.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut out = Vec::new();
    for para in text.split('\n') {
        let words = para.split(' ').filter(|w| !w.is_empty());
        rows_into(words, width, Long::Cut, &mut out);
    }
    out
}

/// A text wrapped at `width` after a first-line prefix, the next lines indented under the
/// text: "• first words / next words".
pub fn hanging(
    prefix: Vec<ratatui::text::Span<'static>>,
    text: &str,
    style: ratatui::style::Style,
    width: usize,
) -> Vec<Line<'static>> {
    let pw: usize = prefix.iter().map(|s| display_width(&s.content)).sum();
    let rows = wrap(text, width.saturating_sub(pw).max(1));
    let mut out = Vec::with_capacity(rows.len());
    let mut first = Some(prefix);
    for r in rows {
        let mut spans = first
            .take()
            .unwrap_or_else(|| vec![styled(" ".repeat(pw), style)]);
        spans.push(styled(r, style));
        out.push(Line::from(spans));
    }
    out
}

/// At most `n` lines; when some are left out, the last one kept ends with an ellipsis.
pub fn at_most(mut lines: Vec<Line<'static>>, n: usize) -> Vec<Line<'static>> {
    if lines.len() > n {
        lines.truncate(n);
        if let Some(last) = lines.last_mut() {
            let style = last.spans.last().map(|s| s.style).unwrap_or_default();
            last.spans.push(styled("…", style));
        }
    }
    lines
}
