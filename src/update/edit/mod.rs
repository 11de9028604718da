//! Typing: the one open text field of a session, the forms (setup, member, action), the
//! pickers and confirmations. What is typed is mirrored into the session's drafts at every
//! key, so an autosave carries it; Esc leaves a field without losing its text.
//!
//! Split by concern: `editor` (the field and its keys), `commit` (what a validated text
//! becomes in the session's history), `pickers` and `confirm` (the two overlays), `door` (what typing and pasting let in). The rest of
//! `update` uses the functions re-exported here, as `edit::...`.

mod commit;
mod confirm;
mod door;
mod editor;
mod pickers;

pub use confirm::confirm_key;
pub use door::clean;
pub use editor::{
    add, edit_selected, editor_action, open_editor, park_editor, paste, start, text_action, typed,
};
pub use pickers::{
    KeyedOption, pick_for_selected, picker_key, picker_refuses_paste, present_with_keys,
    show_keyed_picker, show_picker,
};
