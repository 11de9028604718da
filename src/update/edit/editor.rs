//! The one open text field of a session and the forms: typing and pasting into them, opening
//! a field on a target (with its draft), leaving it (Esc keeps the text as a draft) and the
//! keys that act while a field is open. What is typed is mirrored into the session's drafts
//! at every key, so an autosave carries it.
//!
//! Separate from `commit.rs`: this is the life of the field; what its text becomes in the
//! session's history is there.

use super::commit::commit;
use crate::keymap::{Action, Resolved};
use crate::model::Change;
use crate::ui::{Field, Flash, Model, Pane, PickFor, Screen, SessionUi, Setup, SetupFocus, Target};
use crate::update::journal::{mirror_draft, record, touched};
use crate::update::open::{open_picker, park_editor, start};
use crate::update::{Effect, phases, plan};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::TextArea;

/// A key no binding claimed: text for the field that has focus, if any; in a choice field,
/// a letter goes to the first value that starts with it.
pub fn typed(model: &mut Model, key: KeyEvent) -> Vec<Effect> {
    if let KeyCode::Char(c) = key.code
        && (key.modifiers - KeyModifiers::SHIFT).is_empty()
        && let Some(f) = focused_choice(model)
    {
        if f.seek(c) {
            // The choice is part of what the form keeps, as its texts are.
            let now = model.now;
            match &mut model.screen {
                Screen::Setup(setup) => setup.changed = true,
                Screen::Session(s) if s.life_form.is_some() => {
                    crate::update::life::keep_draft(s, now)
                }
                Screen::Session(s) => {
                    plan::keep_action_draft(s);
                    touched(s, now);
                }
                _ => {}
            }
        }
        return Vec::new();
    }
    edit_text(model, |area| area.input(key));
    Vec::new()
}

/// The focused field of the form on screen (the member popup's, the group's, the action's)
/// when it is a choice of one value.
fn focused_choice(model: &mut Model) -> Option<&mut Field> {
    let form = match &mut model.screen {
        Screen::Setup(setup) => setup_form(setup)?,
        Screen::Session(s) => match &mut s.life_form {
            Some(lf) => &mut lf.form,
            None => &mut s.action_form.as_mut()?.form,
        },
        Screen::Group(g) => {
            let f = g.form.as_mut()?;
            f.changed = true;
            &mut f.form
        }
        _ => return None,
    };
    form.focused()
        .filter(|f| matches!(f.kind, crate::ui::FieldKind::Choice(_)))
}

/// The keys of the key table that change a field's text (`Ctx::TextField`): clear it, delete
/// the word before the cursor, undo, redo. The same in every field, a session's or a form's.
pub fn text_action(model: &mut Model, action: Action) -> Vec<Effect> {
    edit_text(model, |area| match action {
        Action::ClearField => area.clear(),
        Action::DeleteWord => area.delete_word(),
        Action::Undo => area.undo(),
        Action::Redo => area.redo(),
        _ => false,
    });
    Vec::new()
}

/// Changes the text of the field that has focus with `edit` (true when the text changed),
/// and keeps what it says: the setup's draft, the action form's, the session's.
fn edit_text(model: &mut Model, edit: impl FnOnce(&mut TextArea<'static>) -> bool) {
    let now = model.now;
    match &mut model.screen {
        Screen::Setup(setup) => {
            if let Some(f) = setup_text_field(setup)
                && edit(&mut f.area)
            {
                f.error = None;
                setup.changed = true;
            }
        }
        Screen::Session(s) if s.life_form.is_some() => {
            edit_life_field(s, now, |f| edit(&mut f.area));
        }
        Screen::Session(s) if s.action_form.is_some() => {
            edit_action_field(s, now, |f| edit(&mut f.area));
        }
        Screen::Session(s) => {
            if let Some(ed) = &mut s.editor
                && edit(&mut ed.area)
            {
                ed.error = None;
                mirror_draft(s, now);
            }
        }
        Screen::Group(g) => {
            if let Some(form) = &mut g.form
                && let Some(f) = form.form.focused().filter(|f| f.is_text())
                && edit(&mut f.area)
            {
                f.error = None;
                form.changed = true;
            }
        }
        Screen::Home
        | Screen::Review(_)
        | Screen::Timeline(_)
        | Screen::Replay(_)
        | Screen::Programme(_) => {}
    }
}

/// The text field with focus in the group setup: the member popup's, else the group form's;
/// none while the members list has focus.
fn setup_text_field(setup: &mut Setup) -> Option<&mut Field> {
    setup_form(setup)?.focused().filter(|f| f.is_text())
}

/// The form with focus in the group setup: a popup's (why a member leaves, a member), else
/// the group's; none while the members list has focus.
fn setup_form(setup: &mut Setup) -> Option<&mut crate::ui::Form> {
    if let Some(lf) = &mut setup.leave_form {
        return Some(&mut lf.form);
    }
    match &mut setup.member_form {
        Some(mf) => Some(&mut mf.form),
        None if setup.focus == SetupFocus::Form => Some(&mut setup.form),
        None => None,
    }
}

/// Changes the focused text field of the action form with `edit` (true when the text
/// changed) and keeps its text as a draft, as the session's editor does.
fn edit_action_field(
    s: &mut SessionUi,
    now: chrono::DateTime<chrono::Utc>,
    edit: impl FnOnce(&mut Field) -> bool,
) {
    let Some(af) = &mut s.action_form else { return };
    let Some(f) = af.form.focused().filter(|f| f.is_text()) else {
        return;
    };
    if edit(f) {
        f.error = None;
        plan::keep_action_draft(s);
        touched(s, now);
    }
}

/// Changes the focused text field of a form of the group's life with `edit` (true when
/// the text changed) and keeps the form as a draft.
fn edit_life_field(
    s: &mut SessionUi,
    now: chrono::DateTime<chrono::Utc>,
    edit: impl FnOnce(&mut Field) -> bool,
) {
    let Some(lf) = &mut s.life_form else { return };
    let Some(f) = lf.form.focused().filter(|f| f.is_text()) else {
        return;
    };
    if edit(f) {
        f.error = None;
        crate::update::life::keep_draft(s, now);
    }
}

pub fn paste(model: &mut Model, text: &str) -> Vec<Effect> {
    let now = model.now;
    let one_line = text.replace("\r\n", " ").replace(['\r', '\n'], " ");
    match &mut model.screen {
        Screen::Setup(setup) => {
            if let Some(f) = setup_text_field(setup) {
                f.area.insert_str(&one_line);
                setup.changed = true;
            }
        }
        Screen::Session(s) if s.life_form.is_some() => {
            edit_life_field(s, now, |f| {
                f.area.insert_str(&one_line);
                true
            });
        }
        Screen::Session(s) if s.action_form.is_some() => {
            edit_action_field(s, now, |f| {
                f.area.insert_str(&one_line);
                true
            });
        }
        Screen::Session(s) => {
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
        Screen::Group(g) => {
            if let Some(form) = &mut g.form
                && let Some(f) = form.form.focused().filter(|f| f.is_text())
            {
                f.area.insert_str(&one_line);
                f.error = None;
                form.changed = true;
            }
        }
        Screen::Home
        | Screen::Review(_)
        | Screen::Timeline(_)
        | Screen::Replay(_)
        | Screen::Programme(_) => {}
    }
    Vec::new()
}

pub fn add(model: &mut Model, pane: Pane) {
    match pane {
        Pane::Actions => plan::open_action_form(model, None),
        // A member joining the group at this meeting.
        Pane::Attendance => {
            crate::update::life::open_form(model, crate::ui::LifeKind::NewMember, &[])
        }
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
        Pane::PlanReview => start(model, Target::PlanComment(id)),
        Pane::Concerned => crate::update::problem::toggle_concerned(model),
        Pane::ClosingMembers => start(model, Target::Commitment(id)),
        Pane::Actions => plan::open_action_form(model, Some(id)),
        // A theme waiting from an earlier session is taken up, then its title is open.
        Pane::Themes if s.session.needs.backlog.iter().any(|b| b.id == id) => {
            crate::update::needs::take_up_and_rename(model)
        }
        p => start(model, Target::Item(p, id)),
    }
}

/// What a key did in an open field: all it had to do, or closed the field and leaves the key
/// to the session's own keys (Tab out of an empty new field moves to the next pane).
pub enum FieldKey {
    Done(Vec<Effect>),
    PassOn(Vec<Effect>),
}

/// A key bound to an action while a field is open.
pub fn editor_action(model: &mut Model, r: Resolved) -> FieldKey {
    let effects = match r.action {
        Action::Validate => commit(model),
        Action::NewLine => {
            let now = model.now;
            if let Some(s) = model.session_mut()
                && let Some(ed) = &mut s.editor
            {
                if ed.target.multiline() {
                    ed.area.insert_newline();
                    mirror_draft(s, now);
                } else {
                    return FieldKey::Done(commit(model));
                }
            }
            Vec::new()
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
            Vec::new()
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
            Vec::new()
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
                return FieldKey::PassOn(effects);
            }
            effects
        }
        Action::NextPhase => phases::change_phase(model, 1),
        Action::PrevPhase => phases::change_phase(model, -1),
        Action::TimerToggle => {
            phases::timer_toggle(model);
            Vec::new()
        }
        Action::TimerPlus => {
            phases::timer_adjust(model, 1);
            Vec::new()
        }
        Action::TimerMinus => {
            phases::timer_adjust(model, -1);
            Vec::new()
        }
        _ => Vec::new(),
    };
    FieldKey::Done(effects)
}
