//! When a session is saved: the autosave rule (soon after typing stops, never later than
//! `SAVE_WITHIN_MS` after the first change, a running timer every few seconds, a failed save
//! retried at a pace), `flush` when a save must happen now, and what a save's outcome does.
//!
//! Below the dispatcher and the fields: quitting, closing a session and leaving it all flush.

use super::Effect;
use crate::ui::Model;
use chrono::{DateTime, Utc};

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
pub(super) fn leave(model: &mut Model) -> Vec<Effect> {
    let mut effects = vec![Effect::Release];
    effects.extend(super::go_home(model));
    effects
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
