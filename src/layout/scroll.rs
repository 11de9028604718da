//! Where a list scrolls to: the standard rule, as ratatui's `List` applies it to the offset
//! it is given. The list keeps its first row while the selection stays in sight, and moves
//! just enough to bring it back when it leaves: ↑ from the last row moves the cursor up a
//! row, and only at the top edge does the list scroll. One thing more than ratatui: a list
//! never leaves blank lines below its last row while rows above are out of sight. When its
//! room grows (a larger terminal, a field closed below it) or its rows shrink, it comes back
//! down to fill the room.

/// The first row a list shows when it showed `offset` first and `selected` must be in
/// sight, its rows taking `heights` lines each in `max_height` lines, with no blank lines
/// below the last row while rows above are out of sight. An empty list, or one with no
/// room, keeps its offset.
pub fn first_row(offset: usize, selected: usize, heights: &[usize], max_height: usize) -> usize {
    let n = heights.len();
    if n == 0 || max_height == 0 {
        return offset;
    }
    let offset = offset.min(n - 1);
    let selected = selected.min(n - 1);
    // The rows in sight from the offset.
    let (mut first, mut last, mut height) = (offset, offset, 0);
    for h in &heights[offset..] {
        if height + h > max_height {
            break;
        }
        height += h;
        last += 1;
    }
    // Below them: bring the selected row in, dropping rows from the top.
    while selected >= last {
        height += heights[last];
        last += 1;
        while height > max_height {
            height -= heights[first];
            first += 1;
        }
    }
    // Above them: bring the selected row in, dropping rows from the bottom.
    while selected < first {
        first -= 1;
        height += heights[first];
        while height > max_height {
            last -= 1;
            height -= heights[last];
        }
    }
    // Room left below the last row: the rows above come back into it.
    let mut below: usize = heights[first..].iter().sum();
    while first > 0 && below + heights[first - 1] <= max_height {
        first -= 1;
        below += heights[first];
    }
    first
}

/// [`first_row`] for a list whose rows are one line each, without their heights: a list of
/// 10,000 sessions scrolls without a vector of ones.
pub fn first_line(offset: usize, selected: usize, len: usize, max_height: usize) -> usize {
    if len == 0 || max_height == 0 {
        return offset;
    }
    let offset = offset.min(len - 1);
    let selected = selected.min(len - 1);
    let first = if selected < offset {
        selected
    } else if selected >= offset + max_height {
        selected + 1 - max_height
    } else {
        offset
    };
    first.min(len.saturating_sub(max_height))
}

#[cfg(test)]
mod tests {
    use super::{first_line, first_row};

    #[test]
    fn the_first_row_moves_only_when_the_selection_leaves_the_window() {
        let rows = [1; 30];
        // Down from the top: the list starts scrolling when the selection passes the bottom.
        assert_eq!(first_row(0, 9, &rows, 10), 0);
        assert_eq!(first_row(0, 10, &rows, 10), 1);
        // End, then up: the cursor moves, the list stays, until the top edge.
        assert_eq!(first_row(0, 29, &rows, 10), 20);
        assert_eq!(first_row(20, 28, &rows, 10), 20);
        assert_eq!(first_row(20, 20, &rows, 10), 20);
        assert_eq!(first_row(20, 19, &rows, 10), 19);
        // Rows of two lines, a selected one of four.
        let rows = [2, 2, 4, 2, 2, 2];
        assert_eq!(first_row(0, 2, &rows, 6), 1);
        assert_eq!(first_row(0, 5, &rows, 6), 3);
        // Room to spare below the last row: the list comes back down to fill it.
        assert_eq!(first_row(20, 25, &[1; 30], 15), 15);
        assert_eq!(first_row(20, 25, &[1; 24], 10), 14);
        assert_eq!(first_row(4, 5, &rows, 8), 3);
        assert_eq!(first_row(3, 4, &[1; 5], 10), 0);
        // Nothing to show, or no room: the offset stays.
        assert_eq!(first_row(3, 0, &[], 10), 3);
        assert_eq!(first_row(3, 0, &rows, 0), 3);
    }

    #[test]
    fn one_line_rows_scroll_as_any_rows_do() {
        for len in 0..8 {
            for height in 0..6 {
                for offset in 0..9 {
                    for selected in 0..9 {
                        assert_eq!(
                            first_line(offset, selected, len, height),
                            first_row(offset, selected, &vec![1; len], height),
                            "{offset} {selected} {len} {height}"
                        );
                    }
                }
            }
        }
    }
}
