//! The picker overlay: opening one with its cursor on the current value, its keys, and the
//! author / proposer pickers of cards and ideas. What a technique's own picker chose goes on
//! to `techniques::picked`.
//!
//! Separate from the editor: a picker is an overlay of its own, opened from lists as well as
//! from an open field. Opening one is `open::show_picker`, below the techniques, which open
//! theirs there; a key chosen in it comes back up here.

use crate::i18n::fill;
use crate::keymap::{Action, Ctx, Resolved, hotkey_char, key_label};
use crate::model::Change;
use crate::ui::{Flash, Model, Overlay, Pane, PickFor, PickValue, Picker, Target};
use crate::update::Effect;
use crate::update::journal::record;
use crate::update::open::open_picker;

pub fn pick_for_selected(model: &mut Model, pane: Pane) {
    let purpose = match pane {
        Pane::Cards => PickFor::CardAuthor,
        Pane::Ideas => PickFor::IdeaProposer,
        _ => return,
    };
    if model.session().and_then(|s| s.selected_id(pane)).is_some() {
        open_picker(model, purpose);
    }
}

/// A key while a picker is open. A key the picker cannot use is said in a line, and the
/// picker stays as it was: it never takes keys meant for what is under it without a word.
pub fn picker_key(model: &mut Model, r: Option<Resolved>, mut p: Picker) -> Vec<Effect> {
    match r.map(|r| (r.action, r.arg)) {
        Some((Action::Up, _)) => p.cursor = p.cursor.saturating_sub(1),
        Some((Action::Down, _)) => p.cursor = (p.cursor + 1).min(p.options.len().saturating_sub(1)),
        Some((Action::Back, _)) => {
            model.overlay = None;
            return Vec::new();
        }
        Some((Action::ForceQuit, _)) => return crate::update::quit(model),
        Some((Action::Choose, arg)) => {
            let key = arg.and_then(hotkey_char);
            let i = match key {
                Some(k) => p.option_of(k),
                None => Some(p.cursor),
            };
            match i.and_then(|i| p.options.get(i).cloned()) {
                Some((_, value)) => {
                    model.overlay = None;
                    return picked(model, p.purpose, value);
                }
                None => refuse(model, key),
            }
        }
        _ => refuse(model, None),
    }
    model.overlay = Some(Overlay::Picker(p));
    Vec::new()
}

/// A paste while a picker is open goes nowhere: the picker says so, as for a key it cannot
/// use, instead of the text landing unseen in the field under it.
pub fn picker_refuses_paste(model: &mut Model) -> bool {
    let open = matches!(model.overlay, Some(Overlay::Picker(_)));
    if open {
        refuse(model, None);
    }
    open
}

/// Says why a key did nothing in a picker, and which keys do something.
fn refuse(model: &mut Model, key: Option<char>) {
    let st = model.strings();
    let label = |a| key_label(Ctx::Picker, a);
    let (up, down, enter, esc) = (
        label(Action::Up),
        label(Action::Down),
        label(Action::Choose),
        label(Action::Back),
    );
    let text = match key {
        Some(k) => fill(st.picker_no_key, &[&k, &up, &down, &enter, &esc]),
        None => fill(st.picker_other_key, &[&up, &down, &enter, &esc]),
    };
    model.flash = Some(Flash { text, error: true });
}

fn picked(model: &mut Model, purpose: PickFor, value: PickValue) -> Vec<Effect> {
    let now = model.now;
    let author = match (&purpose, value) {
        (
            PickFor::EditorAuthor | PickFor::CardAuthor | PickFor::IdeaProposer,
            PickValue::Author(a),
        ) => a,
        (_, value) => return crate::update::techniques::picked(model, purpose, value),
    };
    let Some(s) = model.session_mut() else {
        return Vec::new();
    };
    match purpose {
        PickFor::EditorAuthor => {
            if let Some(ed) = &mut s.editor {
                ed.author = author.clone();
                if let Target::New(pane) = ed.target {
                    s.last_author.insert(pane, author);
                }
                // The author goes with the draft, so a crash brings both back.
                crate::update::journal::mirror_draft(s, now);
            }
        }
        PickFor::CardAuthor => {
            if let Some(id) = s.selected_id(Pane::Cards) {
                record(model, Change::CardAuthorSet { id, author });
            }
        }
        PickFor::IdeaProposer => {
            if let Some(id) = s.selected_id(Pane::Ideas) {
                record(
                    model,
                    Change::IdeaProposerSet {
                        id,
                        proposer: author,
                    },
                );
            }
        }
        _ => {}
    }
    Vec::new()
}
