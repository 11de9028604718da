//! A session on screen: the keys of its panes (moving, the list actions add, edit, delete,
//! toggles), handing the rest to the phase's technique, the open field (`edit`), the phases
//! and timer (`phases`) and saving (`saving`). At the top of `update`'s session files: it
//! uses them all and none of them uses it. Every accepted change goes through
//! `journal::record`.

use super::edit::FieldKey;
use super::journal::record;
use super::open::{open_editor, park_editor};
use super::phases::{change_phase, timer_adjust, timer_toggle};
use super::saving::{flush, leave};
use super::{Effect, edit, life};
use crate::keymap::{Action, Resolved};
use crate::model::{ActionStatus, Attendance, Change, Session};
use crate::ui::{Confirm, Flash, Model, Overlay, Pane, Screen, SessionUi, Target};
use std::path::PathBuf;
use strum::VariantArray;

pub fn opened(model: &mut Model, session: Session, path: PathBuf, read_only: bool) -> Vec<Effect> {
    let mut session = session;
    if !read_only {
        record_settled_pauses(&mut session);
    }
    let mut ui = SessionUi::new(session, path, read_only);
    // A field that was being typed in when the session was left comes back open.
    let phase_panes = Pane::for_phase(ui.phase());
    let draft = ui
        .session
        .drafts
        .keys()
        .filter_map(|k| Target::from_draft_key(k))
        .find(|t| phase_panes.contains(&t.pane()));
    if let Some(target) = draft
        && !read_only
        && !ui.session.is_closed()
    {
        let i = phase_panes
            .iter()
            .position(|p| *p == target.pane())
            .unwrap_or(0);
        ui.focus.insert(ui.phase(), i);
        open_editor(&mut ui, target);
    }
    if read_only {
        model.flash = Some(Flash {
            text: model.read_only_text().to_string(),
            error: true,
        });
    }
    model.screen = Screen::Session(Box::new(ui));
    model.overlay = None;
    // In the action plan, the action form left half filled comes back the same way; so
    // does a form of the group's life, in any phase.
    super::plan::reopen_action_draft(model);
    if model.session().is_some_and(|s| s.action_form.is_none()) {
        life::reopen_draft(model);
    }
    Vec::new()
}

pub fn action(model: &mut Model, r: Resolved) -> Vec<Effect> {
    let strings = model.strings();
    let read_only = model.read_only_text();
    let Some(s) = model.session_mut() else {
        return Vec::new();
    };
    if s.action_form.is_some() {
        return super::plan::action_form_action(model, r);
    }
    if s.life_form.is_some() {
        return life::form_action(model, r);
    }
    // Before the editor's keys: F5 works while typing, and the field stays open.
    if r.action == Action::TogglePresenter {
        toggle_presenter(model);
        return Vec::new();
    }
    if s.editor.is_some() {
        return match edit::editor_action(model, r) {
            FieldKey::Done(effects) => effects,
            FieldKey::PassOn(effects) => effects.into_iter().chain(action(model, r)).collect(),
        };
    }
    if s.decisions.is_some() {
        return life::screen_action(model, r);
    }
    let pane = s.pane();
    let panes = Pane::for_phase(s.phase());
    let rows = s.rows(pane).len();
    let sel = s.selection_among(pane, rows);
    let set_sel = |s: &mut SessionUi, v: usize| {
        s.selected.insert(pane, v.min(rows.saturating_sub(1)));
    };
    match r.action {
        Action::Up => set_sel(s, sel.saturating_sub(1)),
        Action::Down => set_sel(s, sel + 1),
        Action::PageUp => set_sel(s, sel.saturating_sub(10)),
        Action::PageDown => set_sel(s, sel + 10),
        Action::First => set_sel(s, 0),
        Action::Last => set_sel(s, rows.saturating_sub(1)),
        Action::NextPane | Action::PrevPane => {
            let i = s.focus.get(&s.phase()).copied().unwrap_or(0);
            let n = panes.len();
            let next = if r.action == Action::NextPane {
                (i + 1) % n
            } else {
                (i + n - 1) % n
            };
            let phase = s.phase();
            s.focus.insert(phase, next);
        }
        Action::TogglePanel => s.panel_hidden = !s.panel_hidden,
        Action::NextPhase => return change_phase(model, 1),
        Action::PrevPhase => return change_phase(model, -1),
        Action::TimerToggle => timer_toggle(model),
        Action::TimerPlus => timer_adjust(model, 1),
        Action::TimerMinus => timer_adjust(model, -1),
        // Esc first lets go of the marked cards; only then does it leave the session.
        Action::Back if !s.tech.marked.is_empty() && matches!(pane, Pane::Cards | Pane::Themes) => {
            s.tech.marked.clear();
        }
        Action::Back => {
            let effects = flush(model);
            if effects.is_empty() {
                return leave(model);
            }
            // Leave once the save is written (`Msg::Saved`).
            if let Some(s) = model.session_mut() {
                s.save.leaving = true;
            }
            return effects;
        }
        Action::Add => edit::add(model, pane),
        Action::AddSubCause => {
            if let Some(id) = s.selected_id(Pane::Causes) {
                // Its sub-causes show while the next one is typed.
                s.tech.folded.remove(&id);
                super::open::start(model, Target::SubCause(id));
            }
        }
        Action::Edit => edit::edit_selected(model, pane),
        Action::Delete => {
            if s.read_only || s.session.is_closed() {
                let text = if s.read_only {
                    read_only
                } else {
                    strings.session_closed_reopen
                };
                model.flash = Some(Flash {
                    text: text.to_string(),
                    error: true,
                });
            } else if pane.can_delete()
                && let Some(id) = s.selected_id(pane)
            {
                model.overlay = Some(Overlay::Confirm(Confirm::Delete(pane, id)));
            }
        }
        Action::CycleAttendance | Action::SetAttendance => {
            if let Some(member) = s.selected_id(Pane::Attendance) {
                let current = s.session.attendance_of(&member);
                let attendance = match r.arg {
                    Some(1) => Attendance::Present,
                    Some(2) => Attendance::Excused,
                    Some(3) => Attendance::Absent,
                    _ => current.next(),
                };
                record(model, Change::AttendanceSet { member, attendance });
            }
        }
        Action::OpenDecisions => life::toggle(model),
        Action::MemberLeaves => life::member_leaves(model),
        Action::LinkProject => life::link_project(model, pane),
        Action::SetPlanStatus => life::review_plan(model, r.arg),
        Action::SetStatus => {
            if let Some(action) = s.selected_id(Pane::Reviews) {
                let status = match r.arg {
                    Some(n @ 1..=4) => Some(ActionStatus::VARIANTS[usize::from(n) - 1]),
                    _ => None,
                };
                record(model, Change::ReviewStatusSet { action, status });
            }
        }
        Action::TogglePriority if pane == Pane::Cards => {
            if let Some(id) = s.selected_id(Pane::Cards) {
                let id = if s.session.needs.priority.as_ref() == Some(&id) {
                    None
                } else {
                    Some(id)
                };
                record(model, Change::PrioritySet { id });
            }
        }
        Action::ToggleRoot => {
            if let Some(id) = s.selected_id(Pane::Causes) {
                let root = !s
                    .session
                    .problem
                    .causes
                    .iter()
                    .any(|c| c.id == id && c.root);
                record(model, Change::CauseRootSet { id, root });
            }
        }
        Action::ToggleChosen => {
            if let Some(id) = s.selected_id(Pane::Ideas) {
                let chosen = !s
                    .session
                    .solutions
                    .ideas
                    .iter()
                    .any(|i| i.id == id && i.chosen);
                record(model, Change::IdeaChosen { id, chosen });
            }
        }
        Action::Score => {
            if let Some(member) = s.selected_id(Pane::ClosingMembers) {
                let present =
                    s.session.checkin.attendance.get(&member) == Some(&Attendance::Present);
                if !present && r.arg != Some(0) {
                    let text = model.strings().closing_score_present_only.to_string();
                    model.flash = Some(Flash { text, error: true });
                } else {
                    let score = r.arg.filter(|n| *n > 0);
                    let change = Change::UsefulnessSet {
                        member: member.clone(),
                        score,
                    };
                    // A score given, the cursor moves on to the next present member, as idea
                    // ratings do; clearing one stays where it is.
                    if record(model, change) && score.is_some() {
                        next_present_member(model, &member);
                    }
                }
            }
        }
        Action::PickAuthor => edit::pick_for_selected(model, pane),
        Action::Export => {
            return vec![Effect::Export {
                snapshot: super::Snapshot::of(&s.session, &s.path),
                issued: model.today,
            }];
        }
        Action::CloseSession => {
            let confirm = if s.session.is_closed() {
                Confirm::ReopenSession
            } else {
                Confirm::CloseSession
            };
            if s.read_only {
                model.flash = Some(Flash {
                    text: model.read_only_text().to_string(),
                    error: true,
                });
            } else {
                model.overlay = Some(Overlay::Confirm(confirm));
            }
        }
        _ => return super::techniques::action(model, pane, r),
    }
    Vec::new()
}

/// Selects the first present member after `member` in the closing's list, if there is one.
fn next_present_member(model: &mut Model, member: &crate::model::Id) {
    let Some(s) = model.session_mut() else {
        return;
    };
    let rows = s.rows(Pane::ClosingMembers);
    let Some(at) = rows.iter().position(|id| id == member) else {
        return;
    };
    let next = rows
        .iter()
        .enumerate()
        .skip(at + 1)
        .find(|(_, id)| s.session.attendance_of(id) == Attendance::Present)
        .map(|(i, _)| i);
    if let Some(i) = next {
        s.selected.insert(Pane::ClosingMembers, i);
    }
}

/// The presenter view on or off. Only the drawing changes: focus, selections, marks and the
/// field being typed stay as they are. The one exception: private notes being typed are put
/// aside as a draft (nothing lost), since the room must not read them.
fn toggle_presenter(model: &mut Model) {
    let strings = model.strings();
    let Some(s) = model.session_mut() else {
        return;
    };
    s.presenter = !s.presenter;
    let private = Target::Text(crate::model::TextField::PrivateNotes);
    if s.presenter && s.editor.as_ref().is_some_and(|e| e.target == private) {
        park_editor(s);
        let key = crate::keymap::key_label(crate::keymap::Ctx::Facilitate, Action::TogglePresenter);
        model.flash = Some(Flash {
            text: crate::i18n::fill(strings.presenter.private_parked, &[&key]),
            error: false,
        });
    }
}

/// A timer running when the file was last written (atelier quit or was killed) comes back
/// paused, counted up to that save (`Session::settle_after_load`). The history is told so,
/// at that moment: else a replay would let it run on to the session's last save. Not a
/// change to save on its own (opening a session writes nothing): it goes with the next one.
fn record_settled_pauses(s: &mut Session) {
    for phase in 0..s.timers.len() {
        let last_started = s.history.iter().rev().find_map(|e| match e.change {
            Change::TimerStarted { phase: p } if p == phase => Some(true),
            Change::TimerPaused { phase: p, .. } if p == phase => Some(false),
            _ => None,
        });
        let timer = s.timer(phase);
        if last_started == Some(true) && !timer.is_running() {
            let elapsed_secs = timer.elapsed_secs;
            let at = s.saved;
            s.history.push(crate::model::Event {
                at,
                change: Change::TimerPaused {
                    phase,
                    elapsed_secs,
                },
            });
        }
    }
}
