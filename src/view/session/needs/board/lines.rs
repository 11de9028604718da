//! A box's inner lines: its items' texts wrapped (or one line each when the board is
//! short of room), the part after a backlog item's title muted, and where a row starts.

use super::{BoardBox, PREFIX};
use crate::layout::text::clip;
use crate::layout::wrap::{Long, rows_at_most};
use ratatui::style::Style;
use ratatui::text::Span;

/// A text cut into lines of `width` columns at spaces, at most `max` lines, the last one
/// ending with an ellipsis when the text goes on.
fn wrap(text: &str, width: usize, max: usize) -> Vec<String> {
    let width = width.max(1);
    let lines = rows_at_most(text, width, max, Long::Keep);
    // Words longer than the line, and the last line of a cut text, end with an ellipsis.
    lines.into_iter().map(|l| clip(&l, width)).collect()
}

/// A box's inner lines at a width, each with the row it belongs to and whether it is that
/// row's first line. What follows a backlog item's title is in `after_style`.
pub(super) fn box_lines(
    b: &BoardBox,
    width: usize,
    max_lines: usize,
    after_style: Style,
) -> Vec<(usize, bool, Vec<Span<'static>>)> {
    let text_w = width.saturating_sub(PREFIX);
    let mut out = Vec::new();
    for item in &b.items {
        let full = match &item.after {
            Some(after) => format!("{}{after}", item.text),
            None => item.text.to_string(),
        };
        let lines = wrap(&full, text_w, max_lines);
        let mut consumed = 0usize;
        for (k, line) in lines.into_iter().enumerate() {
            let lead = if k == 0 {
                vec![Span::raw(" "), item.sign.clone(), Span::raw(" ")]
            } else {
                vec![Span::raw(" ".repeat(PREFIX))]
            };
            // The part after the title is muted where it falls.
            let mut spans = lead;
            let title_len = item.text.len();
            let start = consumed;
            let end = start + line.len();
            if item.after.is_some() && end > title_len && start < title_len {
                let cut = floor_char_boundary(&line, title_len - start);
                spans.push(Span::raw(line[..cut].to_string()));
                spans.push(Span::styled(line[cut..].to_string(), after_style));
            } else if item.after.is_some() && start >= title_len {
                spans.push(Span::styled(line.clone(), after_style));
            } else {
                spans.push(Span::raw(line.clone()));
            }
            consumed = end + 1;
            out.push((item.row, k == 0, spans));
        }
    }
    out
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A box's inner lines, each with its row, whether it is the row's first line, and its spans:
/// in one-line mode only those for the inner lines in `window` are built.
pub(super) fn visible_lines(
    b: &BoardBox,
    width: usize,
    max_lines: usize,
    muted: Style,
    window: std::ops::Range<usize>,
) -> Vec<(usize, usize, bool, Vec<Span<'static>>)> {
    if max_lines > 1 {
        return box_lines(b, width, max_lines, muted)
            .into_iter()
            .enumerate()
            .filter(|(k, _)| window.contains(k))
            .map(|(k, (row, first, spans))| (k, row, first, spans))
            .collect();
    }
    let text_w = width.saturating_sub(PREFIX);
    b.items
        .iter()
        .enumerate()
        .skip(window.start)
        .take(window.len())
        .map(|(k, item)| {
            let mut spans = vec![Span::raw(" "), item.sign.clone(), Span::raw(" ")];
            spans.push(Span::raw(clip(&item.text, text_w)));
            if let Some(after) = &item.after {
                spans.push(Span::styled(after.clone(), muted));
            }
            (k, item.row, true, spans)
        })
        .collect()
}

/// The inner line where a row of a box starts.
pub(super) fn line_of(b: &BoardBox, row: usize, width: usize, max_lines: usize) -> Option<usize> {
    if max_lines == 1 {
        return b.items.iter().position(|i| i.row == row);
    }
    box_lines(b, width, max_lines, Style::default())
        .iter()
        .position(|(r, first, _)| *r == row && *first)
}
