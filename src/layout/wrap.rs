//! Greedy word wrap by display width, the one rule behind every screen's wrapping: words go
//! on a row while they fit, a space between them. The screens differ only in what a word is
//! (they split their texts their own way) and in what becomes of a word wider than a row.

use super::text::display_width;

/// A word wider than a row.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Long {
    /// Cut across rows, character by character.
    Cut,
    /// Left whole on a row of its own, for `fit` to cut with an ellipsis.
    Keep,
}

/// Rows of at most `width` columns made of `words`, pushed onto `rows`; no word is one empty
/// row. A width of 0 counts as 1.
pub fn rows_into<'a>(
    words: impl IntoIterator<Item = &'a str>,
    width: usize,
    long: Long,
    rows: &mut Vec<String>,
) {
    let width = width.max(1);
    let mut row = String::new();
    let mut col = 0;
    for word in words {
        let w = display_width(word);
        if col > 0 && col + 1 + w <= width {
            row.push(' ');
            row.push_str(word);
            col += 1 + w;
            continue;
        }
        if col > 0 {
            rows.push(std::mem::take(&mut row));
            col = 0;
        }
        if w <= width || long == Long::Keep {
            row.push_str(word);
            col = w;
            continue;
        }
        for ch in word.chars() {
            let cw = display_width(ch.encode_utf8(&mut [0; 4]));
            if col + cw > width && col > 0 {
                rows.push(std::mem::take(&mut row));
                col = 0;
            }
            row.push(ch);
            col += cw;
        }
    }
    rows.push(row);
}

/// [`rows_into`] into a new list.
pub fn rows<'a>(words: impl IntoIterator<Item = &'a str>, width: usize, long: Long) -> Vec<String> {
    let mut out = Vec::new();
    rows_into(words, width, long, &mut out);
    out
}
