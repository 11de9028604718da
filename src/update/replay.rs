//! Replay's keys and autoplay. Read-only: nothing here records a change or asks for a save;
//! the only effect is quitting when replay was what atelier was started for.

use super::Effect;
use crate::keymap::{Action, Resolved};
use crate::model::Session;
use crate::ui::{Model, ReplayUi, Screen};
use std::path::PathBuf;

/// Autoplay moves on one event per this many milliseconds.
pub const PLAY_EVERY_MS: i64 = 1000;

/// `R` in the read-only session view: that session, replayed; Esc comes back to the view.
pub fn from_view(model: &mut Model) -> Vec<Effect> {
    let (session, path) = match &model.screen {
        Screen::Review(b) => match &b.view {
            Some(v) => ((*v.session).clone(), v.path.clone()),
            None => return Vec::new(),
        },
        _ => return Vec::new(),
    };
    let back = std::mem::replace(&mut model.screen, Screen::Home);
    open(model, &session, path, Some(Box::new(back)));
    Vec::new()
}

/// `atelier replay FILE|ID [--anonymize]`: the session read by the loop; Esc quits.
pub fn started(
    model: &mut Model,
    session: Session,
    path: PathBuf,
    pseudonyms: bool,
) -> Vec<Effect> {
    open(model, &session, path, None);
    if let Screen::Replay(ui) = &mut model.screen {
        ui.set_pseudonyms(pseudonyms);
    }
    Vec::new()
}

fn open(model: &mut Model, session: &Session, path: PathBuf, back: Option<Box<Screen>>) {
    let ui = ReplayUi::new(session, path, back, model.lang);
    model.screen = Screen::Replay(Box::new(ui));
}

pub fn action(model: &mut Model, r: Resolved) -> Vec<Effect> {
    let Screen::Replay(ui) = &mut model.screen else {
        return Vec::new();
    };
    let replay = &mut ui.replay;
    // A key other than play/pause takes the replay in hand: autoplay stops.
    if r.action != Action::PlayPause {
        ui.playing = false;
    }
    match r.action {
        Action::StepForward => {
            replay.step_forward();
        }
        Action::StepBack => {
            replay.step_back();
        }
        Action::NextPhase => {
            replay.next_phase();
        }
        Action::PrevPhase => {
            replay.prev_phase();
        }
        Action::PhaseEnd => {
            replay.phase_end();
        }
        Action::First => replay.go_to(0),
        Action::Last => replay.go_to(replay.len()),
        Action::PlayPause => {
            // At the end, play starts again from the beginning.
            if !ui.playing && replay.position() == replay.len() {
                replay.go_to(0);
            }
            ui.playing = !ui.playing && !replay.is_empty();
            ui.last_step = Some(model.now);
        }
        Action::TogglePanel => ui.panel_hidden = !ui.panel_hidden,
        Action::TogglePseudonyms => {
            let on = !ui.pseudonyms;
            ui.set_pseudonyms(on);
        }
        Action::Back => return back(model),
        _ => return Vec::new(),
    }
    ui.refresh();
    Vec::new()
}

fn back(model: &mut Model) -> Vec<Effect> {
    let Screen::Replay(ui) = &mut model.screen else {
        return Vec::new();
    };
    match ui.back.take() {
        Some(screen) => {
            model.screen = *screen;
            Vec::new()
        }
        None => vec![Effect::Quit],
    }
}

/// The clock moved: while playing, one event per second; the end stops it.
pub fn tick(model: &mut Model) {
    let now = model.now;
    let Screen::Replay(ui) = &mut model.screen else {
        return;
    };
    if !ui.playing {
        return;
    }
    let last = *ui.last_step.get_or_insert(now);
    if (now - last).num_milliseconds() < PLAY_EVERY_MS {
        return;
    }
    ui.last_step = Some(now);
    if ui.replay.step_forward() {
        ui.refresh();
    }
    if ui.replay.position() == ui.replay.len() {
        ui.playing = false;
    }
}
