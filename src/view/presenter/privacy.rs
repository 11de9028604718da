//! What the room may see of the session: the same session with every phone number typed
//! into a free text, a draft or a field being typed masked by `privacy::mask_phone_digits`, before
//! anything is drawn. Masking the texts, not the cells, leaves alone the numbers the
//! presenter view draws itself next to them (a count in brackets, a rank, a date).
//! Tested through the presenter screens in tests/presenter.rs (views hold no literal text).

use crate::privacy::mask_phone_digits;
use crate::ui::SessionUi;
use ratatui_textarea::{CursorMove, TextArea};

/// A copy of `ui` for the projector: free texts, drafts, the field being typed and the
/// action form's fields masked; the members' phones, the private notes and the history
/// (never drawn here) left out.
pub fn for_the_room(ui: &SessionUi) -> SessionUi {
    let mut room = ui.clone();
    let s = &mut room.session;
    s.history.clear();
    s.closing.private_notes.clear();
    for m in &mut s.group.members {
        m.phone.clear();
    }
    crate::privacy::for_each_text(s, &mut |t| mask_in_place(t));
    s.drafts.values_mut().for_each(mask_in_place);
    if let Some(ed) = &mut room.editor {
        ed.area = masked_area(&ed.area);
    }
    if let Some(form) = &mut room.action_form {
        for f in &mut form.form.fields {
            f.area = masked_area(&f.area);
        }
    }
    room
}

fn mask_in_place(text: &mut String) {
    *text = mask_phone_digits(text);
}

/// A text area with its phone numbers masked: bullets take the digits' places one for one,
/// so the cursor stays on the same character.
fn masked_area(area: &TextArea<'static>) -> TextArea<'static> {
    let lines: Vec<String> = area.lines().iter().map(|l| mask_phone_digits(l)).collect();
    if lines.as_slice() == area.lines() {
        return area.clone();
    }
    let ratatui_textarea::DataCursor(row, col) = area.cursor();
    let mut masked = TextArea::new(lines);
    masked.move_cursor(CursorMove::Jump(row as u16, col as u16));
    masked
}
