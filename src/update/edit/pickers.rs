//! The picker overlay: opening one with its cursor on the current value, its keys, and the
//! author / proposer pickers of cards and ideas. What a technique's own picker chose goes on
//! to `techniques::picked`.
//!
//! Separate from the editor: a picker is an overlay of its own, opened from lists as well as
//! from an open field, and the other techniques open theirs through `show_picker`.

use crate::keymap::{Action, Resolved};
use crate::model::{Author, Change};
use crate::ui::{Model, Overlay, Pane, PickFor, PickValue, Picker, Target};
use crate::update::Effect;
use crate::update::session::{record, touched};

/// Who can be named as the author of a card or idea: anonymous, the whole group, or a
/// present member.
fn author_options(model: &Model) -> Vec<(String, PickValue)> {
    let st = model.strings();
    let mut v = vec![
        (
            st.author_anonymous.to_string(),
            PickValue::Author(Author::Anonymous),
        ),
        (
            st.author_group.to_string(),
            PickValue::Author(Author::WholeGroup),
        ),
    ];
    if let Some(s) = model.session() {
        v.extend(s.session.present_members().map(|m| {
            (
                m.name.clone(),
                PickValue::Author(Author::Member(m.id.clone())),
            )
        }));
    }
    v
}

/// Opens the author picker, the cursor on the current author.
pub(super) fn open_picker(model: &mut Model, purpose: PickFor) {
    let options = author_options(model);
    let current = model.session().and_then(|s| match purpose {
        PickFor::EditorAuthor => s
            .editor
            .as_ref()
            .map(|e| PickValue::Author(e.author.clone())),
        _ => None,
    });
    show_picker(model, purpose, options, current.as_ref());
}

/// Opens any picker; the cursor starts on `current` when it is among the options.
pub fn show_picker(
    model: &mut Model,
    purpose: PickFor,
    options: Vec<(String, PickValue)>,
    current: Option<&PickValue>,
) {
    let cursor = current
        .and_then(|c| options.iter().position(|(_, o)| o == c))
        .unwrap_or(0);
    model.overlay = Some(Overlay::Picker(Picker {
        purpose,
        options,
        cursor,
    }));
}

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

pub fn picker_key(model: &mut Model, r: Option<Resolved>, mut p: Picker) -> Vec<Effect> {
    let Some(r) = r else { return Vec::new() };
    match r.action {
        Action::Up => p.cursor = p.cursor.saturating_sub(1),
        Action::Down => p.cursor = (p.cursor + 1).min(p.options.len().saturating_sub(1)),
        Action::Back => {
            model.overlay = None;
            return Vec::new();
        }
        Action::ForceQuit => return crate::update::quit(model),
        Action::Choose => {
            let i = r.arg.map_or(p.cursor, usize::from);
            if let Some((_, value)) = p.options.get(i).cloned() {
                model.overlay = None;
                return picked(model, p.purpose, value);
            }
        }
        _ => {}
    }
    model.overlay = Some(Overlay::Picker(p));
    Vec::new()
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
                if matches!(ed.target, Target::New(_)) {
                    s.last_author = author;
                }
                touched(s, now);
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
