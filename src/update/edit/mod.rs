//! Typing: the one open text field of a session, the forms (setup, member, action), the
//! pickers and confirmations. What is typed is mirrored into the session's drafts at every
//! key, so an autosave carries it; Esc leaves a field without losing its text.
//!
//! Split by concern: `editor` (the field and its keys), `commit` (what a validated text
//! becomes in the session's history), `pickers` and `confirm` (the keys of the two
//! overlays), `door` (what typing and pasting let in). The rest of `update` uses the
//! functions re-exported here, as `edit::...`.
//!
//! Above the techniques: what a field or picker validated is routed down to the technique
//! it belongs to. Opening a field or picker is `open`, below the techniques, so that they can
//! open one without coming back up here.

mod commit;
mod confirm;
mod door;
mod editor;
mod pickers;

pub use confirm::confirm_key;
pub use door::clean;
pub use editor::{FieldKey, add, edit_selected, editor_action, paste, text_action, typed};
pub use pickers::{pick_for_selected, picker_key, picker_refuses_paste};
