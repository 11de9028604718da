//! The selected row, on every screen and in every theme: its text takes the selection
//! style (reversed), but a bar keeps its own. A full block reversed is drawn in the
//! background's colour: the longest bar, the winning theme's, would read as an empty strip.
//! So a bar, and the blanks on either side of it that frame it, are never reversed.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

/// A bar of block elements (`█`, `▌`, `▏`…), as the vote's ranking draws them.
fn is_bar(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| ('\u{2580}'..='\u{259F}').contains(&c))
}

fn is_blank(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| c == ' ')
}

/// The line of a selected row: each span patched with `selected`, except a bar and the
/// blank spans next to it, which keep their style and lose the reversal the row has.
pub fn selected_line(line: Line<'static>, selected: Style) -> Line<'static> {
    let Line {
        spans,
        style,
        alignment,
    } = line;
    let bar: Vec<bool> = spans.iter().map(|s| is_bar(&s.content)).collect();
    let kept = |i: usize| {
        bar[i]
            || (is_blank(&spans[i].content)
                && ((i > 0 && bar[i - 1]) || bar.get(i + 1).copied().unwrap_or(false)))
    };
    let keep: Vec<bool> = (0..spans.len()).map(kept).collect();
    let spans = spans
        .into_iter()
        .zip(keep)
        .map(|(s, keep)| {
            let style = if keep {
                s.style.remove_modifier(Modifier::REVERSED)
            } else {
                s.style.patch(selected)
            };
            Span::styled(s.content, style)
        })
        .collect::<Vec<_>>();
    Line {
        spans,
        style,
        alignment,
    }
}
