//! How much room a text takes on screen: its width in columns, and the rows it takes once
//! wrapped. Both `update` (how far a list scrolls) and `view` (where to cut) measure alike.

use ratatui::style::Style;
use ratatui::text::Span;
use unicode_width::UnicodeWidthStr;

/// The columns a text takes once drawn: the sum of its graphemes' widths, which is how the
/// buffer places them. (`str::width` can say less: it counts an Arabic lam followed by an
/// alef as one column, a ligature, while the buffer gives each letter its cell.)
pub fn display_width(text: &str) -> usize {
    if plain(text) {
        return text.chars().count();
    }
    Span::raw(text)
        .styled_graphemes(Style::default())
        .map(|g| g.symbol.width())
        .sum()
}

/// Whether every character of a text is one column wide and stands alone (printable ASCII,
/// Latin letters with their accents, common punctuation): its graphemes are then its
/// characters, and it is measured and cut without grapheme segmentation, by far the
/// slowest part of drawing a long list (300 cards: 20 times slower).
pub fn plain(text: &str) -> bool {
    text.chars().all(|c| {
        matches!(c, ' '..='~' | '\u{a0}'..='\u{ac}' | '\u{ae}'..='\u{24f}' | '\u{2010}'..='\u{2027}')
    })
}

/// The longest start of a plain text (see [`plain`]) that fits in `width` columns.
pub fn plain_prefix(text: &str, width: usize) -> &str {
    match text.char_indices().nth(width) {
        Some((i, _)) => &text[..i],
        None => text,
    }
}

/// How many rows a text takes when word-wrapped at `width` columns (at least one).
pub fn wrapped_rows(text: &str, width: usize) -> usize {
    let width = width.max(1);
    text.split('\n')
        .map(|line| {
            let mut rows = 1;
            let mut col = 0;
            for word in line.split(' ') {
                let w = display_width(word);
                let needed = if col == 0 { w } else { col + 1 + w };
                if needed <= width {
                    col = needed;
                } else if w <= width {
                    rows += 1;
                    col = w;
                } else {
                    // A word longer than the line is cut across rows.
                    if col > 0 {
                        rows += 1;
                    }
                    rows += (w - 1) / width;
                    col = w % width;
                }
            }
            rows
        })
        .sum()
}
