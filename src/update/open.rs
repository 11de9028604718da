//! Putting a field or a picker on screen: the text field on a target (with its draft, or the
//! text it edits), closing it with what was typed kept as a draft, and the picker overlays
//! with their keys.
//!
//! Below the techniques and the field's own keys: a technique opens a field or a picker
//! here; what the field or picker then validates goes back up through `edit`, which routes
//! it to the technique. Opening needs nothing from either, so the import graph stays one way.

use crate::dates;
use crate::keymap::{ANONYMOUS_KEY, Action, GROUP_KEY, member_hotkey, picker_hotkey};
use crate::model::{Author, Id, ItemList, Session};
use crate::ui::{
    Editor, Flash, Model, Overlay, Pane, PickFor, PickValue, Picker, SessionUi, Target,
};

/// Opens the editor for a target, with its draft if one was left.
pub fn open_editor(s: &mut SessionUi, target: Target) {
    // The presenter view is on a projector: the private notes never open there (`start`
    // says so; drafts brought back on entering a phase are left closed).
    if s.presenter && is_private(&target) {
        return;
    }
    let ses = &s.session;
    let (original, author) = match &target {
        Target::Text(f) => (ses.text(*f).to_string(), Author::Anonymous),
        Target::NextDate => (
            ses.closing.next.date.map(dates::show).unwrap_or_default(),
            Author::Anonymous,
        ),
        Target::New(pane) => (String::new(), s.new_author(*pane)),
        Target::SubCause(_) => (String::new(), Author::Anonymous),
        Target::Item(pane, id) => item_text(s, *pane, id),
        Target::ReviewComment(id) => (
            ses.followup
                .reviews
                .iter()
                .find(|r| &r.action.id == id)
                .map(|r| r.comment.clone())
                .unwrap_or_default(),
            Author::Anonymous,
        ),
        Target::PlanComment(id) => (
            (ses.planned_activity(id))
                .map(|a| a.comment.clone())
                .unwrap_or_default(),
            Author::Anonymous,
        ),
        Target::Commitment(id) => (
            ses.closing.commitments.get(id).cloned().unwrap_or_default(),
            Author::Anonymous,
        ),
        Target::Budget | Target::Tally(_) => (number_text(ses, &target), Author::Anonymous),
    };
    let draft = ses.drafts.get(&target.draft_key());
    let text = draft.cloned().unwrap_or_else(|| original.clone());
    // The author kept with the draft; a draft saved before authors were kept has none.
    let kept_author = draft.and(target.draft_author(&ses.drafts));
    let mut ed = Editor::new(target, &text, &original, author);
    if let Some(a) = kept_author {
        ed.author = a;
    }
    s.editor = Some(ed);
}

/// The advisor's private notes: never on a projector.
fn is_private(target: &Target) -> bool {
    *target == Target::Text(crate::model::TextField::PrivateNotes)
}

/// Opens an editor unless the session may not change, or the field is the private notes and
/// the presenter view is on.
pub fn start(model: &mut Model, target: Target) {
    let strings = model.strings();
    let read_only = model.read_only_text();
    let Some(s) = model.session_mut() else { return };
    let private_refused;
    let refusal = if s.presenter && is_private(&target) {
        let key = crate::keymap::key_label(crate::keymap::Ctx::Facilitate, Action::TogglePresenter);
        private_refused = crate::i18n::fill(strings.presenter.private_refused, &[&key]);
        Some(private_refused.as_str())
    } else if s.read_only {
        Some(read_only)
    } else if s.session.is_closed() {
        Some(strings.session_closed_reopen)
    } else {
        None
    };
    match refusal {
        Some(text) => {
            model.flash = Some(Flash {
                text: text.to_string(),
                error: true,
            })
        }
        None => open_editor(s, target),
    }
}

/// Closes the editor, keeping what was typed as a draft if it differs from the saved text.
pub fn park_editor(s: &mut SessionUi) {
    if let Some(ed) = s.editor.take()
        && !ed.is_changed()
    {
        crate::ui::drafts::remove(&mut s.session.drafts, &ed.target.draft_key());
    }
}

pub(super) fn item_text(s: &SessionUi, pane: Pane, id: &Id) -> (String, Author) {
    let ses = &s.session;
    let found = match pane {
        Pane::Cards => ses
            .needs
            .cards
            .iter()
            .find(|c| &c.id == id)
            .map(|c| (c.text.clone(), c.author.clone())),
        Pane::Causes => ses
            .problem
            .causes
            .iter()
            .find(|c| &c.id == id)
            .map(|c| (c.text.clone(), Author::Anonymous)),
        Pane::Ideas => ses
            .solutions
            .ideas
            .iter()
            .find(|i| &i.id == id)
            .map(|i| (i.text.clone(), i.proposer.clone())),
        Pane::Themes | Pane::Votes => ses
            .needs
            .themes
            .iter()
            .find(|t| &t.id == id)
            .map(|t| (t.title.clone(), Author::Anonymous))
            .or_else(|| {
                ses.needs
                    .cards
                    .iter()
                    .find(|c| &c.id == id)
                    .map(|c| (c.text.clone(), c.author.clone()))
            }),
        Pane::Guests | Pane::Effects => ses
            .items(item_list(pane))
            .iter()
            .find(|i| &i.id == id)
            .map(|i| (i.text.clone(), Author::Anonymous)),
        _ => None,
    };
    found.unwrap_or_default()
}

pub(super) fn item_list(pane: Pane) -> ItemList {
    if pane == Pane::Guests {
        ItemList::Guests
    } else {
        ItemList::Effects
    }
}

/// The number a number field starts from.
pub fn number_text(s: &Session, target: &Target) -> String {
    match target {
        Target::Budget => s.needs.dot_budget.to_string(),
        Target::Tally(id) => s.needs.tally.get(id).copied().unwrap_or(0).to_string(),
        _ => String::new(),
    }
}

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
