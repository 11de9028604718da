//! The read-only session view measured: each line of `show` as the screen rows it takes,
//! and how far the view scrolls (until its last lines fill the screen). `update` stops the
//! scrolling there; `view/session_view.rs` draws the same rows.

use super::wrap::{self, Long};
use crate::show::{LineKind, ShowLine};
use crate::ui::{Model, SessionView};

/// What a piece of a row is, for the view to style it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece {
    /// The blanks a row starts with.
    Indent,
    Title,
    Heading,
    Subheading,
    /// A field's name and its colon.
    Label,
    /// The dash before an item.
    Dash,
    Text,
    Muted,
}

/// One screen row: its pieces in order.
pub type Row = Vec<(String, Piece)>;

/// One line of `show` as rows of `width` columns: its parts wrapped at word boundaries, the
/// rows after the first indented under the text. A word wider than a row is left whole on
/// its row, for the view to cut. `colon` is the language's colon, without its trailing space.
pub fn rows(l: &ShowLine, colon: &str, width: usize) -> Vec<Row> {
    let indent = 1 + 2 * usize::from(l.indent);
    let mut parts: Vec<(String, Piece)> = Vec::new();
    let mut hang = indent;
    match l.kind {
        LineKind::Title => parts.push((l.text.clone(), Piece::Title)),
        LineKind::Heading => parts.push((l.text.clone(), Piece::Heading)),
        LineKind::Subheading => parts.push((l.text.clone(), Piece::Subheading)),
        LineKind::Field => {
            if !l.label.is_empty() {
                parts.push((format!("{}{colon} ", l.label), Piece::Label));
            }
            parts.push((l.text.clone(), Piece::Text));
        }
        LineKind::Item => {
            parts.push(("- ".to_string(), Piece::Dash));
            parts.push((l.text.clone(), Piece::Text));
            hang += 2;
        }
        LineKind::Text => parts.push((l.text.clone(), Piece::Text)),
        LineKind::Muted => parts.push((l.text.clone(), Piece::Muted)),
    }
    wrap(parts, indent, hang, width)
}

/// The parts as one text wrapped by the one rule ([`wrap::rows_hanging`]), then cut back
/// into pieces: each row is a stretch of the text, rows one space apart (or more, where
/// spaces typed twice fell at the end of a row).
fn wrap(parts: Vec<(String, Piece)>, indent: usize, hang: usize, width: usize) -> Vec<Row> {
    let text: String = parts.iter().map(|(t, _)| t.as_str()).collect();
    let mut ends = Vec::with_capacity(parts.len());
    let mut end = 0;
    for (t, piece) in &parts {
        end += t.len();
        ends.push((end, *piece));
    }
    let rows = wrap::rows_hanging(
        text.split(' '),
        width.saturating_sub(indent),
        width.saturating_sub(hang),
        Long::Keep,
    );
    let mut out = Vec::with_capacity(rows.len());
    let mut at = 0;
    for (k, r) in rows.iter().enumerate() {
        let lead = if k == 0 { indent } else { hang };
        let mut row: Row = vec![(" ".repeat(lead), Piece::Indent)];
        let start = at + text[at..].find(r.as_str()).unwrap_or(0);
        let mut from = start;
        for &(end, piece) in &ends {
            let to = end.min(start + r.len());
            if to > from {
                row.push((text[from..to].to_string(), piece));
                from = to;
            }
        }
        at = start + r.len();
        out.push(row);
    }
    out
}

/// The first line shown when the last ones fill `height` rows, each line taking the rows
/// `heights` says: End shows them, not one line alone, and scrolling further down stops
/// there.
pub fn last_first(heights: &[usize], height: usize) -> usize {
    let n = heights.len();
    let mut first = n;
    let mut filled = 0;
    while first > 0 && filled < height {
        first -= 1;
        filled += heights[first];
    }
    if filled > height && first + 1 < n {
        first += 1;
    }
    first
}

/// The rows each line of the view takes in `width` columns (the view keeps its last column
/// free).
pub fn heights(model: &Model, view: &SessionView, width: usize) -> Vec<usize> {
    let colon = model.strings().store.show.colon.trim_end();
    view.lines
        .iter()
        .map(|l| rows(l, colon, width.saturating_sub(1)).len())
        .collect()
}

/// [`last_first`] for the model's terminal size: the screen's rows less the status line,
/// the footer and the view's own top line (the browser has no multi-row status).
pub fn scroll_max(model: &Model, view: &SessionView) -> usize {
    let (width, height) = model.size;
    let body = usize::from(height).saturating_sub(3);
    last_first(&heights(model, view, usize::from(width)), body)
}
