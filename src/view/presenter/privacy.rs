//! The last guard of the projected screen: a phone number typed into a card, a cause or a
//! comment is hidden on the cells already drawn, whichever phase drew it and however its
//! spans were styled. Digits are one cell each, so masking them keeps every column in place.

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

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Style;

    #[test]
    fn a_phone_on_screen_becomes_bullets_and_the_rest_stays() {
        let area = Rect::new(0, 0, 40, 2);
        let mut buf = Buffer::empty(area);
        buf.set_string(0, 0, "• Karim : 06 61 23 45 67 le soir", Style::new());
        buf.set_string(0, 1, "60 sacs le 01/12/2026", Style::new());
        mask_phones(area, &mut buf);
        let row = |y| (0..40).map(|x| buf[(x, y)].symbol()).collect::<String>();
        assert_eq!(row(0).trim_end(), "• Karim : •• •• •• •• •• le soir");
        assert_eq!(row(1).trim_end(), "60 sacs le 01/12/2026");
    }
}
