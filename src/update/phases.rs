//! Moving between the method's phases and their timers. Entering a phase for the first time
//! starts its timer and tells the phase's technique (`techniques::entered`); a draft left in
//! the pane now on screen comes back open.
//!
//! Apart from the dispatcher (`session.rs`) because an open field moves between phases and
//! toggles the timer too (`edit`), and closing a session pauses its timer.

use super::Effect;
use super::journal::{record, touched};
use super::open::{open_editor, park_editor};
use crate::model::{Change, Session};
use crate::ui::{Model, Target};

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
    park_editor(s);
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
        open_editor(s, t);
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
