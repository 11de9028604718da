//! When the loop must next wake up on its own, with no key pressed: the moment something on
//! screen or on disk is due (a running timer's next second, a save the typing made due, a
//! replay's next step, a setup draft or a record's draft to keep). `None`: nothing is due until a key, so the
//! loop blocks on its input and atelier costs nothing idle.

use super::replay::PLAY_EVERY_MS;
use super::saving::{SAVE_IDLE_MS, SAVE_RETRY_MS, SAVE_WITHIN_MS};
use crate::ui::{Model, Screen, SessionUi, SetupDraft};
use chrono::{DateTime, TimeDelta, Utc};

/// The next moment the loop must hand `update` a tick.
pub fn next_wake(model: &Model) -> Option<DateTime<Utc>> {
    let now = model.now;
    match &model.screen {
        Screen::Session(ui) => [saving(ui), timer_second(ui, now)]
            .into_iter()
            .flatten()
            .min(),
        Screen::Replay(r) => {
            let step = r.playing.then(|| {
                r.last_step
                    .map_or(now, |t| t + TimeDelta::milliseconds(PLAY_EVERY_MS))
            });
            [step, timer_second(&r.view, now)]
                .into_iter()
                .flatten()
                .min()
        }
        // A setup draft is written at the tick after the key that changed it.
        Screen::Setup(setup)
            if setup.changed && setup.written.as_ref() != Some(&SetupDraft::of(setup)) =>
        {
            Some(now)
        }
        // So is the draft of a record typed on a group's page.
        Screen::Group(g)
            if g.form.as_ref().is_some_and(|f| {
                f.changed && g.written.as_ref() != Some(&f.draft(&g.life.group.id))
            }) =>
        {
            Some(now)
        }
        _ => None,
    }
}

/// When the pending save is due (see `saving::autosave`): soon after the typing stops, or
/// at the latest a moment after the first unsaved change; after a failure, at the retry.
fn saving(ui: &SessionUi) -> Option<DateTime<Utc>> {
    if ui.read_only {
        return None;
    }
    let s = &ui.save;
    let first = s.dirty_since?;
    if s.error.is_some() {
        return Some(first + TimeDelta::milliseconds(SAVE_RETRY_MS));
    }
    let within = first + TimeDelta::milliseconds(SAVE_WITHIN_MS);
    let idle = s
        .last_change
        .map(|t| t + TimeDelta::milliseconds(SAVE_IDLE_MS));
    Some(idle.map_or(within, |idle| idle.min(within)))
}

/// The running timer's next whole second, when its clock on screen changes (and when a
/// running timer's periodic save comes due, which is on a second too).
fn timer_second(ui: &SessionUi, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let timer = ui.session.timer(ui.session.current_phase);
    let since = timer.running_since?;
    let ran = (now - since).num_milliseconds().max(0);
    Some(since + TimeDelta::milliseconds((ran / 1000 + 1) * 1000))
}
