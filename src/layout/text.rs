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

/// Cuts a text to a display width, with an ellipsis when it was longer.
pub fn clip(text: &str, width: usize) -> String {
    if display_width(text) <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    if plain(text) {
        return format!("{}…", plain_prefix(text, width - 1));
    }
    let mut out = String::new();
    let mut w = 0;
    for g in Span::raw(text).styled_graphemes(Style::default()) {
        let gw = g.symbol.width();
        if w + gw + 1 > width {
            break;
        }
        out.push_str(g.symbol);
        w += gw;
    }
    out.push('…');
    out
}

/// One line of a multi-line text, for lists that show a single row per item.
pub fn one_line(text: &str) -> String {
    text.replace('\n', " ⏎ ")
}
