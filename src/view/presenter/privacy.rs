//! The last guard of the projected screen: a phone number typed into a card, a cause or a
//! comment is hidden on the cells already drawn, whichever phase drew it and however its
//! spans were styled. Digits are one cell each, so masking them keeps every column in place.
//! Tested through the presenter screens in tests/presenter.rs (views hold no literal text).

use crate::privacy::phone_runs;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// Replaces each digit of a phone-like run on a row of `area` with a bullet.
pub fn mask_phones(area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    for y in area.top()..area.bottom() {
        // One char per cell: a wide glyph's trailing cell (empty) reads as a space, which
        // ends a run of digits as the glyph itself would.
        let cells: Vec<char> = (area.left()..area.right())
            .map(|x| buf[(x, y)].symbol().chars().next().unwrap_or(' '))
            .collect();
        for run in phone_runs(&cells) {
            for i in run.filter(|&i| cells[i].is_ascii_digit()) {
                buf[(area.left() + i as u16, y)].set_symbol("•");
            }
        }
    }
}
