//! A session on screen: moving between phases and panes, the timer, and the list actions
//! (add, edit, delete, toggles). Every accepted change goes through `Session::record`.

use super::{Effect, edit};
use crate::keymap::{Action, Resolved};
use crate::model::{ActionStatus, Attendance, Change, Session};
use crate::ui::{Confirm, Flash, Model, Overlay, Pane, Screen, SessionUi, Target};
use chrono::{DateTime, Utc};
use ratatui::crossterm::event::KeyEvent;
use std::path::PathBuf;
use strum::VariantArray;

/// Saves come no later than this after the first unsaved change... The loop wakes at the
/// moment a save comes due (`wake::next_wake`), so a save starts within 600 ms of a change:
/// a margin under the second the README promises, for the write itself and a loaded machine
/// (at 800 the kill torture lost a card validated 1.02 s before).
pub(super) const SAVE_WITHIN_MS: i64 = 600;
/// ...and as soon as typing pauses this long.
pub(super) const SAVE_IDLE_MS: i64 = 250;
/// After a failed save, the next attempt waits this long rather than come at every tick.
pub(super) const SAVE_RETRY_MS: i64 = 3000;
/// While a timer runs, its time is written this often, so a crash loses little of it.
const RUNNING_TIMER_SAVE_S: i64 = 15;

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
        edit::open_editor(&mut ui, target);
    }
    if read_only {
        model.flash = Some(Flash {
            text: model.read_only_text().to_string(),
            error: true,
        });
    }
    model.screen = Screen::Session(Box::new(ui));
    model.overlay = None;
    // In the action plan, the action form left half filled comes back the same way.
    super::plan::reopen_action_draft(model);
    Vec::new()
}

pub fn saved(model: &mut Model, result: Result<(), String>) -> Vec<Effect> {
    let now = model.now;
    if let Some(s) = model.session_mut() {
        match result {
            Ok(()) => {
                s.save.error = None;
                s.save.last_saved = Some(now);
                if s.save.leaving {
                    return leave(model);
                }
            }
            Err(e) => {
                s.save.error = Some(e.clone());
                // Keep it dirty: the next tick tries again. Stay: the text is only in memory.
                s.save.dirty_since.get_or_insert(now);
                s.save.leaving = false;
            }
        }
    }
    Vec::new()
}

/// The file changed on disk while open (another atelier, a sync tool, a restore, a hand
/// edit): the session was saved as a conflict copy beside it, which is now its file. Said
/// in a sentence that names both files, so the advisor can compare them.
pub fn saved_as_conflict_copy(
    model: &mut Model,
    copy: std::path::PathBuf,
    conflict: crate::model::Conflict,
) -> Vec<Effect> {
    let name = |p: &std::path::Path| {
        p.file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
    };
    let text = crate::i18n::fill(
        model.strings().store.conflict_saved,
        &[&conflict.of, &name(&copy)],
    );
    if let Some(s) = model.session_mut() {
        s.path = copy;
        s.session.conflict = Some(conflict);
    }
    let effects = saved(model, Ok(()));
    model.flash = Some(crate::ui::Flash { text, error: true });
    effects
}

/// Back to the home screen, the session's lock released.
fn leave(model: &mut Model) -> Vec<Effect> {
    let mut effects = vec![Effect::Release];
    effects.extend(super::go_home(model));
    effects
}

/// Copies what the open editor holds (its text, its author) into the session's drafts, or
/// drops an unchanged one. Here rather than with the editor, which the pickers call too.
pub fn mirror_draft(s: &mut SessionUi, now: DateTime<Utc>) {
    let Some(ed) = &s.editor else { return };
    ed.keep_draft(&mut s.session.drafts);
    touched(s, now);
}

/// Marks the session as changed; the next ticks save it.
pub fn touched(s: &mut SessionUi, now: DateTime<Utc>) {
    s.save.dirty_since.get_or_insert(now);
    s.save.last_change = Some(now);
}

/// Records a change in the session on screen, unless it may not change.
pub fn record(model: &mut Model, change: Change) -> bool {
    let now = model.now;
    let strings = model.strings();
    let read_only = model.read_only_text();
    let Some(s) = model.session_mut() else {
        return false;
    };
    let reopening = matches!(change, Change::SessionReopened);
    let refusal = if s.read_only {
        Some(read_only)
    } else if s.session.is_closed() && !reopening {
        Some(strings.session_closed_reopen)
    } else {
        None
    };
    if let Some(text) = refusal {
        model.flash = Some(Flash {
            text: text.to_string(),
            error: true,
        });
        return false;
    }
    s.session.record(now, change);
    touched(s, now);
    true
}

/// The save effect, if one is due now.
pub fn autosave(model: &mut Model) -> Vec<Effect> {
    let now = model.now;
    let Some(s) = model.session_mut() else {
        return Vec::new();
    };
    if s.read_only {
        return Vec::new();
    }
    let ms = |t: Option<DateTime<Utc>>| t.map(|t| (now - t).num_milliseconds());
    let due = match (ms(s.save.dirty_since), ms(s.save.last_change)) {
        (Some(first), Some(last)) => first >= SAVE_WITHIN_MS || last >= SAVE_IDLE_MS,
        _ => false,
    };
    let timer_running = s.session.timers.iter().any(|t| t.is_running());
    let timer_due = timer_running
        && ms(s.save.last_saved.or(Some(s.session.saved)))
            .is_some_and(|m| m >= RUNNING_TIMER_SAVE_S * 1000);
    // After a failure, retry at most every few seconds rather than at every tick: a failed
    // save marks the session dirty again, so `dirty_since` is the time of that attempt.
    let retry_wait =
        s.save.error.is_some() && ms(s.save.dirty_since).is_some_and(|m| m < SAVE_RETRY_MS);
    if (due || timer_due) && !retry_wait {
        return flush(model);
    }
    Vec::new()
}

/// Saves now if anything is unsaved.
pub fn flush(model: &mut Model) -> Vec<Effect> {
    let now = model.now;
    let Some(s) = model.session_mut() else {
        return Vec::new();
    };
    if s.read_only {
        return Vec::new();
    }
    let timer_running = s.session.timers.iter().any(|t| t.is_running());
    if s.save.dirty_since.is_none() && !timer_running {
        return Vec::new();
    }
    s.session.saved = now;
    s.save.dirty_since = None;
    vec![Effect::Save(super::Snapshot::of(&s.session, &s.path))]
}

pub fn action(model: &mut Model, r: Resolved, key: KeyEvent) -> Vec<Effect> {
    let strings = model.strings();
    let read_only = model.read_only_text();
    let Some(s) = model.session_mut() else {
        return Vec::new();
    };
    if s.action_form.is_some() {
        return super::plan::action_form_action(model, r);
    }
    // Before the editor's keys: F5 works while typing, and the field stays open.
    if r.action == Action::TogglePresenter {
        toggle_presenter(model);
        return Vec::new();
    }
    if s.editor.is_some() {
        return edit::editor_action(model, r, key);
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
                edit::start(model, Target::SubCause(id));
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
        edit::park_editor(s);
        let key = crate::keymap::key_label(crate::keymap::Ctx::Facilitate, Action::TogglePresenter);
        model.flash = Some(Flash {
            text: crate::i18n::fill(strings.presenter.private_parked, &[&key]),
            error: false,
        });
    }
}

/// Moves to the next or previous phase. A running timer is paused: its phase is over. The
/// first entry into a phase starts its timer; coming back to a phase (`[`, or `]` after it)
/// leaves its timer as it was.
pub fn change_phase(model: &mut Model, delta: isize) -> Vec<Effect> {
    let Some(s) = model.session_mut() else {
        return Vec::new();
    };
    let n = s.session.method.phases.len() as isize;
    let target = s.session.current_phase as isize + delta;
    if !(0..n).contains(&target) {
        return Vec::new();
    }
    edit::park_editor(s);
    let current = s.session.current_phase;
    if s.session.timer(current).is_running() {
        pause_timer(model, current);
    }
    let phase = target as usize;
    // Moving between phases is allowed in a closed or read-only session: it is reading.
    let now = model.now;
    if let Some(s) = model.session_mut() {
        if s.read_only || s.session.is_closed() {
            s.session.current_phase = phase;
        } else {
            let first = first_entry(&s.session, phase);
            s.session.record(now, Change::PhaseEntered { phase });
            if first {
                s.session.record(now, Change::TimerStarted { phase });
            }
            touched(s, now);
            super::techniques::entered(model);
        }
    }
    reopen_draft(model);
    Vec::new()
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

/// Whether a phase was never on screen: no event entered it, and its timer never ran.
/// (Check-in, on screen from the start, is entered when the session is created.)
fn first_entry(session: &Session, phase: usize) -> bool {
    let t = session.timer(phase);
    phase > 0
        && !t.is_running()
        && t.elapsed_secs == 0
        && !session.history.iter().any(|e| {
            matches!(
                e.change,
                Change::PhaseEntered { phase: p } | Change::TimerStarted { phase: p }
                    | Change::TimerPaused { phase: p, .. } if p == phase
            )
        })
}

/// If the pane now on screen has a field half typed, bring its editor back.
fn reopen_draft(model: &mut Model) {
    let Some(s) = model.session_mut() else {
        return;
    };
    if s.read_only || s.session.is_closed() {
        return;
    }
    let pane = s.pane();
    let target = s
        .session
        .drafts
        .keys()
        .filter_map(|k| Target::from_draft_key(k))
        .find(|t| t.pane() == pane && matches!(t, Target::New(_) | Target::Text(_)));
    if let Some(t) = target {
        edit::open_editor(s, t);
    }
}

pub(super) fn pause_timer(model: &mut Model, phase: usize) {
    let now = model.now;
    if let Some(s) = model.session_mut() {
        let elapsed_secs = s.session.timer(phase).elapsed(now);
        record(
            model,
            Change::TimerPaused {
                phase,
                elapsed_secs,
            },
        );
    }
}

pub fn timer_toggle(model: &mut Model) {
    let Some(s) = model.session_mut() else {
        return;
    };
    let phase = s.session.current_phase;
    if s.session.timer(phase).is_running() {
        pause_timer(model, phase);
    } else {
        record(model, Change::TimerStarted { phase });
    }
}

pub fn timer_adjust(model: &mut Model, minutes: i32) {
    let Some(s) = model.session_mut() else {
        return;
    };
    let phase = s.session.current_phase;
    let mut t = s.session.timer(phase);
    t.adjust_planned(minutes);
    record(
        model,
        Change::PlannedChanged {
            phase,
            planned_secs: t.planned_secs,
        },
    );
}
