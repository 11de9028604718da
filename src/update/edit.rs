//! Typing: the one open text field of a session, the forms (setup, member, action), the
//! pickers and confirmations. What is typed is mirrored into the session's drafts at every
//! key, so an autosave carries it; Esc leaves a field without losing its text.

use super::session::{self, record, touched};
use super::{Effect, plan, setup};
use crate::dates;
use crate::keymap::{Action, Resolved};
use crate::model::{Author, Card, Cause, Change, Id, Idea, Item, ItemList};
use crate::ui::{
    Confirm, Editor, Flash, Model, Overlay, Pane, PickFor, PickValue, Picker, Screen, SessionUi,
    Target,
};
use ratatui::crossterm::event::KeyEvent;

/// A key no binding claimed: text for the field that has focus, if any.
pub fn typed(model: &mut Model, key: KeyEvent) -> Vec<Effect> {
    let now = model.now;
    match &mut model.screen {
        Screen::Setup(setup) => {
            let form = match &mut setup.member_form {
                Some(mf) => &mut mf.form,
                None if setup.focus == crate::ui::SetupFocus::Form => &mut setup.form,
                None => return Vec::new(),
            };
            if let Some(f) = form.focused()
                && f.is_text()
                && f.area.input(key)
            {
                f.error = None;
                setup.changed = true;
            }
        }
        Screen::Session(s) => {
            if let Some(af) = &mut s.action_form {
                if let Some(f) = af.form.focused()
                    && f.is_text()
                    && f.area.input(key)
                {
                    f.error = None;
                    let key = plan::action_draft_key(af.editing.as_ref(), f.id);
                    let value = f.value();
                    s.session.drafts.insert(key, value);
                    touched(s, now);
                }
            } else if let Some(ed) = &mut s.editor
                && ed.area.input(key)
            {
                ed.error = None;
                mirror_draft(s, now);
            }
        }
        Screen::Home | Screen::Review(_) | Screen::Timeline(_) | Screen::Replay(_) => {}
    }
    Vec::new()
}

/// Copies the open editor's text into the session's drafts (or drops an unchanged one).
fn mirror_draft(s: &mut SessionUi, now: chrono::DateTime<chrono::Utc>) {
    let Some(ed) = &s.editor else { return };
    let key = ed.target.draft_key();
    if ed.is_changed() {
        s.session.drafts.insert(key, ed.text());
    } else {
        s.session.drafts.remove(&key);
    }
    touched(s, now);
}

pub fn paste(model: &mut Model, text: &str) -> Vec<Effect> {
    let now = model.now;
    let one_line = text.replace("\r\n", " ").replace(['\r', '\n'], " ");
    match &mut model.screen {
        Screen::Setup(setup) => {
            let form = match &mut setup.member_form {
                Some(mf) => &mut mf.form,
                None if setup.focus == crate::ui::SetupFocus::Form => &mut setup.form,
                // The members list has focus: no field to paste into.
                None => return Vec::new(),
            };
            if let Some(f) = form.focused()
                && f.is_text()
            {
                f.area.insert_str(&one_line);
                setup.changed = true;
            }
        }
        Screen::Session(s) => {
            if let Some(af) = &mut s.action_form {
                if let Some(f) = af.form.focused()
                    && f.is_text()
                {
                    f.area.insert_str(&one_line);
                    let key = plan::action_draft_key(af.editing.as_ref(), f.id);
                    s.session.drafts.insert(key, f.value());
                    touched(s, now);
                }
                return Vec::new();
            }
            if s.editor.is_none() {
                // Pasting into a list or a text pane starts typing there.
                let pane = s.pane();
                if pane.can_add() && pane != Pane::Actions {
                    start(model, Target::New(pane));
                } else if let Some(f) = pane.text_field() {
                    start(model, Target::Text(f));
                } else if pane == Pane::NextDate {
                    start(model, Target::NextDate);
                }
            }
            if let Some(s) = model.session_mut()
                && let Some(ed) = &mut s.editor
            {
                ed.paste(text);
                mirror_draft(s, now);
            }
        }
        Screen::Home | Screen::Review(_) | Screen::Timeline(_) | Screen::Replay(_) => {}
    }
    Vec::new()
}

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
        Target::New(_) | Target::SubCause(_) => (String::new(), s.last_author.clone()),
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
        Target::Commitment(id) => (
            ses.closing.commitments.get(id).cloned().unwrap_or_default(),
            Author::Anonymous,
        ),
        Target::Budget | Target::Tally(_) => {
            (super::needs::number_text(ses, &target), Author::Anonymous)
        }
    };
    let text = ses
        .session_draft(&target)
        .unwrap_or_else(|| original.clone());
    s.editor = Some(Editor::new(target, &text, &original, author));
}

trait Drafts {
    fn session_draft(&self, t: &Target) -> Option<String>;
}

impl Drafts for crate::model::Session {
    fn session_draft(&self, t: &Target) -> Option<String> {
        self.drafts.get(&t.draft_key()).cloned()
    }
}

fn item_text(s: &SessionUi, pane: Pane, id: &Id) -> (String, Author) {
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

fn item_list(pane: Pane) -> ItemList {
    if pane == Pane::Guests {
        ItemList::Guests
    } else {
        ItemList::Effects
    }
}

/// The advisor's private notes: never on a projector.
fn is_private(target: &Target) -> bool {
    *target == Target::Text(crate::model::TextField::PrivateNotes)
}

/// Opens an editor unless the session may not change, or the field is the private notes and
/// the presenter view is on.
pub fn start(model: &mut Model, target: Target) {
    let strings = model.strings();
    let Some(s) = model.session_mut() else { return };
    let private_refused;
    let refusal = if s.presenter && is_private(&target) {
        let key = crate::keymap::key_label(crate::keymap::Ctx::Facilitate, Action::TogglePresenter);
        private_refused = crate::i18n::fill(strings.presenter.private_refused, &[&key]);
        Some(private_refused.as_str())
    } else if s.read_only {
        Some(strings.session_read_only)
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

pub fn add(model: &mut Model, pane: Pane) {
    match pane {
        Pane::Actions => plan::open_action_form(model, None),
        p if p.can_add() => start(model, Target::New(p)),
        Pane::NextDate => start(model, Target::NextDate),
        p => {
            if let Some(f) = p.text_field() {
                start(model, Target::Text(f));
            }
        }
    }
}

pub fn edit_selected(model: &mut Model, pane: Pane) {
    let Some(s) = model.session() else { return };
    if let Some(f) = pane.text_field() {
        return start(model, Target::Text(f));
    }
    if pane == Pane::NextDate {
        return start(model, Target::NextDate);
    }
    let Some(id) = s.selected_id(pane) else {
        if pane.can_add() {
            add(model, pane);
        }
        return;
    };
    match pane {
        Pane::Attendance => {
            let current = s.session.attendance_of(&id);
            record(
                model,
                Change::AttendanceSet {
                    member: id,
                    attendance: current.next(),
                },
            );
        }
        Pane::Reviews => start(model, Target::ReviewComment(id)),
        Pane::Concerned => super::problem::toggle_concerned(model),
        Pane::ClosingMembers => start(model, Target::Commitment(id)),
        Pane::Actions => plan::open_action_form(model, Some(id)),
        // A theme waiting from an earlier session is taken up, then its title is open.
        Pane::Themes if s.session.needs.backlog.iter().any(|b| b.id == id) => {
            super::needs::take_up_and_rename(model)
        }
        p => start(model, Target::Item(p, id)),
    }
}

/// Closes the editor, keeping what was typed as a draft if it differs from the saved text.
pub fn park_editor(s: &mut SessionUi) {
    if let Some(ed) = s.editor.take()
        && !ed.is_changed()
    {
        s.session.drafts.remove(&ed.target.draft_key());
    }
}

pub fn editor_action(model: &mut Model, r: Resolved, _key: KeyEvent) -> Vec<Effect> {
    match r.action {
        Action::Validate => return commit(model),
        Action::NewLine => {
            let now = model.now;
            if let Some(s) = model.session_mut()
                && let Some(ed) = &mut s.editor
            {
                if ed.target.multiline() {
                    ed.area.insert_newline();
                    mirror_draft(s, now);
                } else {
                    return commit(model);
                }
            }
        }
        Action::Back => {
            let now = model.now;
            if let Some(s) = model.session_mut() {
                let kept = s.editor.as_ref().is_some_and(|e| e.is_changed());
                park_editor(s);
                touched(s, now);
                if kept {
                    model.flash = Some(Flash {
                        text: model.strings().draft_kept.to_string(),
                        error: false,
                    });
                }
            }
        }
        Action::PickAuthor => {
            let can = model
                .session()
                .and_then(|s| s.editor.as_ref())
                .is_some_and(|e| {
                    matches!(
                        e.target,
                        Target::New(Pane::Cards | Pane::Ideas)
                            | Target::Item(Pane::Cards | Pane::Ideas, _)
                    )
                });
            if can {
                open_picker(model, PickFor::EditorAuthor);
            }
        }
        Action::NextPane | Action::PrevPane => {
            // Leaving a field with Tab keeps what it says, as in any form.
            let effects = commit(model);
            let still_open = model.session().is_some_and(|s| {
                s.editor
                    .as_ref()
                    .is_some_and(|e| !matches!(e.target, Target::New(_)) || e.is_changed())
            });
            if !still_open && let Some(s) = model.session_mut() {
                park_editor(s);
                return effects
                    .into_iter()
                    .chain(session::action(model, r, _key))
                    .collect();
            }
            return effects;
        }
        Action::NextPhase => return session::change_phase(model, 1),
        Action::PrevPhase => return session::change_phase(model, -1),
        Action::TimerToggle => session::timer_toggle(model),
        Action::TimerPlus => session::timer_adjust(model, 1),
        Action::TimerMinus => session::timer_adjust(model, -1),
        _ => {}
    }
    Vec::new()
}

/// Validates the open editor: its text becomes part of the session.
fn commit(model: &mut Model) -> Vec<Effect> {
    let now = model.now;
    let strings = model.strings();
    let mut ids = model.ids.clone();
    let Some(s) = model.session_mut() else {
        return Vec::new();
    };
    let Some(ed) = s.editor.clone() else {
        return Vec::new();
    };
    if matches!(ed.target, Target::Budget | Target::Tally(_)) {
        return super::needs::commit_number(model);
    }
    let text = ed.text().trim().to_string();
    let key = ed.target.draft_key();
    let mut keep_open = false;
    let change: Option<Change> = match &ed.target {
        Target::Text(field) => (text != s.session.text(*field)).then(|| Change::TextSet {
            field: *field,
            text: text.clone(),
        }),
        Target::NextDate => match dates::parse(&text, s.session.date) {
            Ok(date) => {
                (date != s.session.closing.next.date).then_some(Change::NextDateSet { date })
            }
            Err(_) => {
                if let Some(e) = &mut s.editor {
                    e.error = Some(strings.field_bad_date.to_string());
                }
                return Vec::new();
            }
        },
        Target::New(pane) => {
            if text.is_empty() {
                None
            } else {
                keep_open = true;
                let id = ids.next_id();
                new_item(*pane, id, text.clone(), ed.author.clone(), now)
            }
        }
        Target::SubCause(parent) => (!text.is_empty()).then(|| Change::CauseAdded {
            cause: Cause {
                id: ids.next_id(),
                text: text.clone(),
                parent: Some(parent.clone()),
                category: None,
                root: false,
                created: now,
            },
        }),
        Target::Item(pane, id) => {
            if text.is_empty() {
                if let Some(e) = &mut s.editor {
                    e.error = Some(strings.field_empty_use_delete.to_string());
                }
                return Vec::new();
            }
            let (old, old_author) = item_text(s, *pane, id);
            if *pane == Pane::Cards && old_author != ed.author {
                s.session.record(
                    now,
                    Change::CardAuthorSet {
                        id: id.clone(),
                        author: ed.author.clone(),
                    },
                );
            }
            if *pane == Pane::Ideas && old_author != ed.author {
                s.session.record(
                    now,
                    Change::IdeaProposerSet {
                        id: id.clone(),
                        proposer: ed.author.clone(),
                    },
                );
            }
            (old != text).then(|| edit_change(&s.session, *pane, id.clone(), text.clone()))
        }
        Target::ReviewComment(id) => Some(Change::ReviewCommented {
            action: id.clone(),
            comment: text.clone(),
        }),
        Target::Commitment(id) => Some(Change::CommitmentSet {
            member: id.clone(),
            text: text.clone(),
        }),
        // Numbers of the vote: checked and recorded by the needs technique (below).
        Target::Budget | Target::Tally(_) => None,
    };
    model.ids = ids;
    let Some(s) = model.session_mut() else {
        return Vec::new();
    };
    s.session.drafts.remove(&key);
    // A new sub-cause gets the selection, so the next "why?" goes one level deeper.
    let new_sub_cause = match &change {
        Some(Change::CauseAdded { cause }) if cause.parent.is_some() => Some(cause.id.clone()),
        _ => None,
    };
    // A new theme gets the selection: on the board it is not the last row.
    let new_theme = match &change {
        Some(Change::ThemeAdded { theme }) => Some(theme.id.clone()),
        _ => None,
    };
    if let Some(change) = change {
        s.session.record(now, change);
    }
    if let Some(id) = new_sub_cause {
        super::problem::reveal(s, &id);
    }
    touched(s, now);
    if matches!(ed.target, Target::New(Pane::Cards | Pane::Ideas)) {
        s.last_author = ed.author.clone();
    }
    if keep_open {
        // Ready for the next card: the list grows, the field empties.
        let pane = ed.target.pane();
        let rows = s.rows(pane);
        let row = new_theme
            .and_then(|id| rows.iter().position(|r| *r == id))
            .unwrap_or(rows.len().saturating_sub(1));
        s.selected.insert(pane, row);
        let mut next = Editor::new(ed.target.clone(), "", "", ed.author.clone());
        next.author = ed.author;
        s.editor = Some(next);
    } else {
        s.editor = None;
    }
    Vec::new()
}

fn new_item(
    pane: Pane,
    id: Id,
    text: String,
    author: Author,
    now: chrono::DateTime<chrono::Utc>,
) -> Option<Change> {
    Some(match pane {
        Pane::Cards => Change::CardAdded {
            card: Card {
                id,
                text,
                author,
                theme: None,
                created: now,
            },
        },
        Pane::Causes => Change::CauseAdded {
            cause: Cause {
                id,
                text,
                parent: None,
                category: None,
                root: false,
                created: now,
            },
        },
        Pane::Ideas => Change::IdeaAdded {
            idea: Idea {
                id,
                text,
                proposer: author,
                cause: None,
                kind: None,
                impact: None,
                effort: None,
                chosen: false,
                created: now,
            },
        },
        Pane::Themes => Change::ThemeAdded {
            theme: crate::model::Theme {
                id,
                title: text,
                category: None,
                created: now,
            },
        },
        Pane::Guests | Pane::Effects => Change::ItemAdded {
            list: item_list(pane),
            item: Item {
                id,
                text,
                created: now,
            },
        },
        _ => return None,
    })
}

fn is_theme(ses: &crate::model::Session, id: &Id) -> bool {
    ses.needs.themes.iter().any(|t| &t.id == id)
}

fn edit_change(ses: &crate::model::Session, pane: Pane, id: Id, text: String) -> Change {
    match pane {
        Pane::Themes | Pane::Votes if is_theme(ses, &id) => {
            Change::ThemeRenamed { id, title: text }
        }
        Pane::Cards | Pane::Themes => Change::CardEdited { id, text },
        Pane::Causes => Change::CauseEdited { id, text },
        Pane::Ideas => Change::IdeaEdited { id, text },
        p => Change::ItemEdited {
            list: item_list(p),
            id,
            text,
        },
    }
}

fn delete_change(ses: &crate::model::Session, pane: Pane, id: Id) -> Option<Change> {
    Some(match pane {
        Pane::Themes if is_theme(ses, &id) => Change::ThemeDeleted { id },
        Pane::Themes if ses.needs.backlog.iter().any(|b| b.id == id) => {
            Change::BacklogDropped { item: id }
        }
        Pane::Cards | Pane::Themes => Change::CardDeleted { id },
        Pane::Causes => Change::CauseDeleted { id },
        Pane::Ideas => Change::IdeaDeleted { id },
        Pane::Actions => Change::ActionDeleted { id },
        Pane::Guests | Pane::Effects => Change::ItemDeleted {
            list: item_list(pane),
            id,
        },
        _ => return None,
    })
}

// ---------------------------------------------------------------------------------------
// Pickers

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
pub fn open_picker(model: &mut Model, purpose: PickFor) {
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
        Action::ForceQuit => return super::quit(model),
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
        (_, value) => return super::techniques::picked(model, purpose, value),
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

// ---------------------------------------------------------------------------------------
// Confirmations

pub fn confirm_key(model: &mut Model, r: Option<Resolved>, c: Confirm) -> Vec<Effect> {
    match r.map(|r| r.action) {
        Some(Action::Yes) => {
            model.overlay = None;
            confirmed(model, c)
        }
        Some(Action::No) | Some(Action::Back) => {
            model.overlay = None;
            model.quitting = false;
            Vec::new()
        }
        Some(Action::ForceQuit) if c == Confirm::QuitUnsaved => vec![Effect::Quit],
        _ => Vec::new(),
    }
}

fn confirmed(model: &mut Model, c: Confirm) -> Vec<Effect> {
    match c {
        Confirm::Delete(pane, id) => {
            let change = model
                .session()
                .and_then(|s| delete_change(&s.session, pane, id));
            if let Some(change) = change {
                record(model, change);
            }
            Vec::new()
        }
        Confirm::DeleteMember(id) => {
            setup::delete_member(model, &id);
            Vec::new()
        }
        Confirm::CloseSession => {
            if let Some(s) = model.session_mut() {
                park_editor(s);
            }
            // The meeting is over: a running timer stops with it, or it would count on unseen.
            let running = model.session().and_then(|s| {
                let phase = s.session.current_phase;
                s.session.timer(phase).is_running().then_some(phase)
            });
            if let Some(phase) = running {
                session::pause_timer(model, phase);
            }
            if record(model, Change::SessionClosed) {
                model.flash = Some(Flash {
                    text: model.strings().session_closed_done.to_string(),
                    error: false,
                });
            }
            session::flush(model)
        }
        Confirm::ReopenSession => {
            record(model, Change::SessionReopened);
            session::flush(model)
        }
        Confirm::DiscardSetup => {
            if model.quitting {
                return vec![Effect::ClearSetupDraft, Effect::Quit];
            }
            let mut effects = vec![Effect::ClearSetupDraft];
            effects.extend(super::home::go_home(model));
            effects
        }
        Confirm::QuitUnsaved => vec![Effect::Quit],
        Confirm::DiscardMemberForm => {
            if let Screen::Setup(setup) = &mut model.screen {
                setup.member_form = None;
            }
            Vec::new()
        }
        Confirm::DiscardActionForm => {
            if let Some(s) = model.session_mut()
                && let Some(af) = s.action_form.take()
            {
                let prefix = plan::action_draft_prefix(af.editing.as_ref());
                s.session.drafts.retain(|k, _| !k.starts_with(&prefix));
                let now = model.now;
                if let Some(s) = model.session_mut() {
                    touched(s, now);
                }
            }
            Vec::new()
        }
    }
}
