//! How much room a form of "label: value" rows takes: the label column, and the rows of the
//! form. The setup screen's layout sizes the group's form with it, and `view/form.rs` draws
//! it so.

use super::text::display_width;
use crate::ui::{FieldKind, Form, Model};

/// Columns a value keeps beside the labels; narrower, labels go above their fields.
const MIN_VALUE_WIDTH: usize = 16;

/// The label column: the longest label of the form whole, with its `*` and the focus mark;
/// `None` when that leaves the values too little of `width`, and labels go above.
pub fn label_width(model: &Model, form: &Form, width: u16) -> Option<u16> {
    let s = model.strings();
    let w = (form.fields.iter())
        .map(|f| display_width(f.label(s)) + usize::from(f.required) + 2)
        .max()
        .unwrap_or(10);
    (w + MIN_VALUE_WIDTH <= width as usize).then_some(w as u16)
}

/// Rows a form needs in `width` columns: one per field (two with its label above), more for
/// the focused multiple choice.
pub fn height(model: &Model, form: &Form, focused: bool, width: u16) -> u16 {
    let per = if label_width(model, form, width).is_some() {
        1
    } else {
        2
    };
    let extra = form.focused_field().filter(|_| focused).map_or(0, |f| {
        if matches!(f.kind, FieldKind::Multi(_)) {
            f.options().len().min(8)
        } else {
            0
        }
    });
    (form.fields.len() * per + extra) as u16
}
