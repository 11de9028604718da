//! Content poured into columns like a newspaper: items of a few lines each, with a blank
//! line between them when there is room, as few columns as hold them all (wide lines read
//! better from afar), and the selected item always in sight.

use crate::ui::Model;
use crate::view::common::{clip, display_width, fit, styled};
use crate::view::wrap::{Long, rows_into};
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
}

impl Item {
    pub fn new(lines: Vec<Line<'static>>) -> Item {
        Item {
            lines,
            selected: None,
            sticky: false,
        }
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

/// Whether everything `build` makes fits in `area`, as [`flow`] would lay it out.
pub fn fits(area: Rect, widths: (u16, u16), build: &dyn Fn(usize) -> Vec<Item>) -> bool {
    choose(area, widths, build).is_some_and(|(_, _, fits)| fits)
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
        let gap = u16::from(spaced && row > 0);
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
    // Spaced if everything fits spaced; then from the first item, unless the selected one
    // would be out of sight: then from the first start that shows it.
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
    // The rows from the first item in sight: its start, a heading pinned on top, and the
    // placement; `rows` is the height left to the items.
    let scroll = |rows: u16| -> (usize, Option<usize>, u16, Placement) {
        let p = place(items, rows, cols, 0, spaced);
        let Some(sel) = selected.filter(|sel| !shows_whole(&p, items, *sel)) else {
            return (0, None, 0, p);
        };
        // Whole sections scroll away first: from the selected item's own heading if that
        // shows it, so that no item is seen without its heading.
        let heading = (0..sel).rev().find(|i| items[*i].sticky);
        let from_heading = heading
            .filter(|h| *h > 0)
            .map(|h| (h, place(items, rows, cols, h, spaced)))
            .filter(|(_, q)| shows_whole(q, items, sel));
        if let Some((h, q)) = from_heading {
            return (h, None, 0, q);
        }
        // Deeper in a long section: the top row holds its heading, if any, and the count
        // of what is above; the items scroll under it.
        let pinned = heading;
        let rows = rows.saturating_sub(1).max(1);
        let mut start = pinned.map_or(0, |h| h + 1);
        let mut p = place(items, rows, cols, start, spaced);
        while start < sel && !shows_whole(&p, items, sel) {
            start += 1;
            p = place(items, rows, cols, start, spaced);
        }
        (start, pinned, 1, p)
    };
    let (mut start, mut pinned, mut top, mut p) = scroll(height);
    // With more below, the last row is left to its count, which then covers no text.
    if start + p.placed < items.len() && height > 2 {
        (start, pinned, top, p) = scroll(height - 1);
    }
    // What is out of sight, counted in the corners: ↑ above, ↓ below, on rows of their
    // own or beside a heading, which is shortened for it.
    let above = start - usize::from(pinned.is_some());
    let below = items.len() - start - p.placed;
    let up = (above > 0).then(|| format!(" ↑ {above} "));
    let down = (below > 0).then(|| format!(" ↓ {below} "));
    let right = area.right();
    let corner_w = |c: Option<&str>| c.map_or(0, |c| display_width(c) as u16);
    if let Some(h) = pinned {
        let rect = Rect::new(area.x, area.y, w, 1).intersection(area);
        let width = rect.width.min(
            right
                .saturating_sub(corner_w(up.as_deref()))
                .saturating_sub(rect.x),
        );
        let line = items[h].lines[0].clone();
        fit(line, width as usize).render(Rect { width, ..rect }, buf);
    }
    for &(i, j, col, row) in &p.cells {
        let x = area.x + col * (w + GAP);
        let row = row + top;
        let mut rect = Rect::new(x, area.y + row, w, 1).intersection(area);
        let corner = match row {
            0 => up.as_deref(),
            r if r + 1 == area.height => down.as_deref(),
            _ => None,
        };
        if let Some(c) = corner {
            let cw = display_width(c) as u16;
            rect.width = rect
                .width
                .min(right.saturating_sub(cw).saturating_sub(rect.x));
        }
        let line = items[i].lines[j].clone();
        let lit = items[i].highlights(j);
        let line = if lit {
            let patched: Vec<_> = line
                .spans
                .into_iter()
                .map(|s| styled(s.content.to_string(), s.style.patch(t.selected)))
                .collect();
            Line::from(patched)
        } else {
            line
        };
        if lit {
            buf.set_style(rect, t.selected);
        }
        fit(line, rect.width as usize).render(rect, buf);
    }
    let mark = |text: String, y: u16, buf: &mut Buffer| {
        let text = clip(&text, area.width as usize);
        let tw = display_width(&text) as u16;
        let r = Rect::new(right.saturating_sub(tw), y, tw, 1);
        Line::from(styled(text, t.key)).render(r.intersection(area), buf);
    };
    if let Some(text) = up {
        mark(text, area.y, buf);
    }
    if let Some(text) = down {
        mark(text, area.bottom() - 1, buf);
    }
}

fn shows_whole(p: &Placement, items: &[Item], i: usize) -> bool {
    p.cells.iter().filter(|c| c.0 == i).count() == items[i].lines.len()
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
