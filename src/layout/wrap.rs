//! Greedy word wrap by display width, the one rule behind every screen's wrapping: words go
//! on a row while they fit, a space between them, and a word joined by a hyphen between two
//! letters ("Tanger-Tétouan") may end a row after its hyphen. The screens differ only in what
//! a word is (they split their texts their own way) and in what becomes of a word wider
//! than a row.
//!
//! (`text::wrapped_rows` is not this rule: it counts the rows of ratatui's own wrapping.)

use super::text::{display_width, plain};
use ratatui::style::Style;
use ratatui::text::Span;

/// A word wider than a row.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Long {
    /// Cut across rows, grapheme by grapheme.
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
    fill(words, width, width, long, rows);
}

/// [`rows_into`] into a new list.
pub fn rows<'a>(words: impl IntoIterator<Item = &'a str>, width: usize, long: Long) -> Vec<String> {
    let mut out = Vec::new();
    rows_into(words, width, long, &mut out);
    out
}

/// A text cut into rows of at most `width` columns at its spaces (each space a word's end,
/// so spaces typed twice stay), a word wider than a row cut where the row ends.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    rows(text.split(' '), width, Long::Cut)
}

/// [`wrap`] in at most `max` rows (one at least), the last one holding the rest of the
/// text whatever its width, for the view to cut with an ellipsis.
pub fn rows_at_most(text: &str, width: usize, max: usize, long: Long) -> Vec<String> {
    let mut out = rows(text.split(' '), width, long);
    let max = max.max(1);
    if out.len() > max {
        // Each row is a stretch of the text, in order: the rest starts after row `max - 2`.
        let mut at = 0;
        for r in &out[..max - 1] {
            at += text[at..].find(r.as_str()).unwrap_or(0) + r.len();
        }
        out.truncate(max - 1);
        out.push(text[at..].trim_start_matches(' ').to_string());
    }
    out
}

/// [`rows`] with a first row of `first` columns and the others of `rest`: a text that
/// starts after a label and goes on under it.
pub fn rows_hanging<'a>(
    words: impl IntoIterator<Item = &'a str>,
    first: usize,
    rest: usize,
    long: Long,
) -> Vec<String> {
    let mut out = Vec::new();
    fill(words, first, rest, long, &mut out);
    out
}

fn fill<'a>(
    words: impl IntoIterator<Item = &'a str>,
    first: usize,
    rest: usize,
    long: Long,
    rows: &mut Vec<String>,
) {
    let rest = rest.max(1);
    let mut width = first.max(1);
    let mut row = String::new();
    let mut col = 0;
    let mut next_row = |row: &mut String, col: &mut usize, width: &mut usize| {
        rows.push(std::mem::take(row));
        *col = 0;
        *width = rest;
    };
    for word in words {
        for (k, piece) in pieces(word).into_iter().enumerate() {
            // A space before a word; nothing between the parts of a hyphenated one.
            let sep = usize::from(k == 0);
            let w = display_width(piece);
            if col > 0 && col + sep + w <= width {
                if sep == 1 {
                    row.push(' ');
                }
                row.push_str(piece);
                col += sep + w;
                continue;
            }
            if col > 0 {
                next_row(&mut row, &mut col, &mut width);
            }
            if w <= width || long == Long::Keep {
                row.push_str(piece);
                col = w;
                continue;
            }
            for g in graphemes(piece) {
                let gw = display_width(&g);
                if col + gw > width && col > 0 {
                    next_row(&mut row, &mut col, &mut width);
                }
                row.push_str(&g);
                col += gw;
            }
        }
    }
    rows.push(row);
}

/// A word split after each hyphen that joins two letters, the hyphen kept: where a row may
/// end inside it.
fn pieces(word: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = word.char_indices().peekable();
    let mut before: Option<char> = None;
    while let Some((at, c)) = chars.next() {
        let after = chars.peek().map(|(_, n)| *n);
        if matches!(c, '-' | '\u{2010}')
            && before.is_some_and(char::is_alphabetic)
            && after.is_some_and(char::is_alphabetic)
        {
            let end = at + c.len_utf8();
            out.push(&word[start..end]);
            start = end;
        }
        before = Some(c);
    }
    out.push(&word[start..]);
    out
}

/// The graphemes of a text: its characters when it is plain (see `text::plain`).
fn graphemes(text: &str) -> Vec<String> {
    if plain(text) {
        return text.chars().map(String::from).collect();
    }
    Span::raw(text)
        .styled_graphemes(Style::default())
        .map(|g| g.symbol.to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_go_on_a_row_while_they_fit() {
        assert_eq!(wrap("un deux trois", 8), ["un deux", "trois"]);
        assert_eq!(wrap("", 8), [""]);
        // Spaces typed twice stay inside a row.
        assert_eq!(wrap("a  b", 8), ["a  b"]);
    }

    #[test]
    fn a_row_may_end_after_a_hyphen_between_letters() {
        assert_eq!(
            wrap("région Tanger-Tétouan", 14),
            ["région Tanger-", "Tétouan"]
        );
        assert_eq!(wrap("Tanger-Tétouan", 20), ["Tanger-Tétouan"]);
        // Not after a hyphen that does not join two letters: numbers, a leading dash.
        assert_eq!(wrap("tél 06-12-34-56", 8), ["tél", "06-12-34", "-56"]);
        assert_eq!(pieces("-a"), ["-a"]);
        assert_eq!(pieces("a-"), ["a-"]);
        assert_eq!(pieces("porte-à-faux"), ["porte-", "à-", "faux"]);
    }

    #[test]
    fn a_word_wider_than_a_row_is_cut_by_grapheme_or_kept() {
        assert_eq!(wrap("abcdef", 4), ["abcd", "ef"]);
        assert_eq!(rows(["abcdef"], 4, Long::Keep), ["abcdef"]);
        // An accent typed apart stays on its letter.
        let e = "e\u{301}";
        let word = e.repeat(5);
        let cut = wrap(&word, 2);
        assert_eq!(cut, [e.repeat(2), e.repeat(2), e.to_string()]);
    }

    #[test]
    fn at_most_so_many_rows_the_last_with_the_rest() {
        assert_eq!(
            rows_at_most("un deux trois quatre", 8, 2, Long::Keep),
            ["un deux", "trois quatre"]
        );
        assert_eq!(
            rows_at_most("à Tanger-Tétouan ce jour", 9, 2, Long::Keep),
            ["à Tanger-", "Tétouan ce jour"]
        );
        assert_eq!(rows_at_most("un", 8, 0, Long::Keep), ["un"]);
    }

    #[test]
    fn a_hanging_text_has_a_first_row_of_its_own_width() {
        assert_eq!(
            rows_hanging("un deux trois quatre".split(' '), 4, 12, Long::Keep),
            ["un", "deux trois", "quatre"]
        );
    }
}
