//! The picker overlay: opening one with its cursor on the current value, its keys, and the
//! author / proposer pickers of cards and ideas. What a technique's own picker chose goes on
//! to `techniques::picked`.
//!
//! Separate from the editor: a picker is an overlay of its own, opened from lists as well as
//! from an open field, and the other techniques open theirs through `show_picker`.

use crate::i18n::fill;
use crate::keymap::{
    ANONYMOUS_KEY, Action, Ctx, GROUP_KEY, Resolved, hotkey_char, key_label, member_hotkey,
    picker_hotkey,
};
use crate::model::{Author, Change, Session};
use crate::ui::{Flash, Model, Overlay, Pane, PickFor, PickValue, Picker, Target};
use crate::update::Effect;
use crate::update::session::record;

/// One option of a picker with the key that chooses it.
pub type KeyedOption = (Option<char>, String, PickValue);

/// Who can be named as the author of a card or idea: anonymous, the whole group, or a
/// present member, each on their own key (the same in every picker of people).
fn author_options(model: &Model) -> Vec<KeyedOption> {
    let st = model.strings();
    let mut v = vec![
        (
            Some(ANONYMOUS_KEY),
            st.author_anonymous.to_string(),
            PickValue::Author(Author::Anonymous),
        ),
        (
            Some(GROUP_KEY),
            st.author_group.to_string(),
            PickValue::Author(Author::WholeGroup),
        ),
    ];
    if let Some(s) = model.session() {
        v.extend(present_with_keys(&s.session).map(|(key, m)| {
            (
                key,
                m.name.clone(),
                PickValue::Author(Author::Member(m.id.clone())),
            )
        }));
    }
    v
}

/// The members present at the session, each with their key in the pickers of people: their
/// place in the group's list, kept when a member before them is absent.
pub fn present_with_keys(
    session: &Session,
) -> impl Iterator<Item = (Option<char>, &crate::model::Member)> {
    session
        .group
        .members
        .iter()
        .enumerate()
        .filter(|(_, m)| session.present_members().any(|p| p.id == m.id))
        .map(|(i, m)| (member_hotkey(i), m))
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
    show_keyed_picker(model, purpose, options, current.as_ref());
}

/// Opens a picker whose rows are keyed by their place (0–9 a–z); the cursor starts on
/// `current` when it is among the options.
pub fn show_picker(
    model: &mut Model,
    purpose: PickFor,
    options: Vec<(String, PickValue)>,
    current: Option<&PickValue>,
) {
    let keyed = options
        .into_iter()
        .enumerate()
        .map(|(i, (label, value))| (picker_hotkey(i), label, value))
        .collect();
    show_keyed_picker(model, purpose, keyed, current);
}

/// Opens a picker whose options carry their own keys, which stay theirs while it is open.
pub fn show_keyed_picker(
    model: &mut Model,
    purpose: PickFor,
    options: Vec<KeyedOption>,
    current: Option<&PickValue>,
) {
    let (keys, options): (Vec<_>, Vec<_>) = options
        .into_iter()
        .map(|(key, label, value)| (key, (label, value)))
        .unzip();
    let cursor = current
        .and_then(|c| options.iter().position(|(_, o)| o == c))
        .unwrap_or(0);
    model.overlay = Some(Overlay::Picker(Picker {
        purpose,
        options,
        keys,
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
                crate::update::session::mirror_draft(s, now);
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
