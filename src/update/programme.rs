//! The programme screen: opened from the home screen (`P`), it shows at once and asks the
//! runner to read the folder's facts and count them (`Effect::ReadProgramme`); the figures
//! come back as `Msg::ProgrammeCounted` with the facts, which the screen keeps. Another
//! period (←/→) or grouping (Tab) is counted again from the kept facts
//! (`Effect::CountProgramme`), off this thread too; the folder changing reads them again.
//! Esc goes back home.

use super::{Counted, Effect};
use crate::keymap::{Action, Resolved};
use crate::ui::{Flash, GROUPINGS, Model, ProgrammeUi, Screen};

/// Rows a page key moves by.
const PAGE: usize = 10;

/// `P` on the home screen: the screen at once, its figures asked of the runner.
pub fn open(model: &mut Model) -> Vec<Effect> {
    model.home.let_go();
    let mut ui = ProgrammeUi::new();
    let options = ui.wanted(model.today);
    ui.asked = Some(options.clone());
    model.screen = Screen::Programme(Box::new(ui));
    vec![Effect::ReadProgramme(options)]
}

/// The folder changed on disk: its facts are read again (only the changed files are, with
/// the report cache) and counted for what is on screen, which stays until they come.
pub fn folder_changed(model: &mut Model) -> Vec<Effect> {
    let today = model.today;
    let Screen::Programme(ui) = &mut model.screen else {
        return Vec::new();
    };
    let options = ui.wanted(today);
    ui.asked = Some(options.clone());
    // The facts read again are not held beside these: until they come, another period or
    // grouping waits for them (see `counted`).
    ui.kept = None;
    vec![Effect::ReadProgramme(options)]
}

/// The runner counted: the figures are shown if they are those the screen now wants, else
/// the wanted ones are asked (the period or grouping changed meanwhile).
pub fn counted(model: &mut Model, result: Result<Counted, String>) -> Vec<Effect> {
    let today = model.today;
    let Screen::Programme(ui) = &mut model.screen else {
        return Vec::new();
    };
    let counted = match result {
        Ok(c) => c,
        Err(text) => {
            ui.asked = None;
            ui.failed = Some(text.clone());
            model.flash = Some(Flash { text, error: true });
            return Vec::new();
        }
    };
    ui.failed = None;
    if let Some(kept) = counted.kept {
        ui.kept = Some(kept);
    }
    let wanted = ui.wanted(today);
    if counted.report.options == wanted {
        ui.report = Some(*counted.report);
        if ui.asked.as_ref() == Some(&wanted) {
            ui.asked = None;
        }
        return Vec::new();
    }
    if ui.asked.as_ref() == Some(&wanted) {
        // Already asked: those figures are on their way.
        return Vec::new();
    }
    count(ui, wanted)
}

/// Asks the runner for the figures of `options` from the kept facts; before the facts are
/// there, the figures of the first read are counted again when they come (see `counted`).
fn count(ui: &mut ProgrammeUi, options: crate::report::Options) -> Vec<Effect> {
    let Some(kept) = &ui.kept else {
        return Vec::new();
    };
    ui.asked = Some(options.clone());
    vec![Effect::CountProgramme {
        kept: std::sync::Arc::clone(kept),
        options,
    }]
}

pub fn action(model: &mut Model, r: Resolved) -> Vec<Effect> {
    let today = model.today;
    let Screen::Programme(ui) = &mut model.screen else {
        return Vec::new();
    };
    let len = ui.rows(today);
    let last = len.saturating_sub(1);
    match r.action {
        Action::Back => return super::go_home(model),
        Action::Up => ui.sel = ui.sel.saturating_sub(1),
        Action::Down => ui.sel = (ui.sel + 1).min(last),
        Action::PageUp => ui.sel = ui.sel.saturating_sub(PAGE),
        Action::PageDown => ui.sel = (ui.sel + PAGE).min(last),
        Action::First => ui.sel = 0,
        Action::Last => ui.sel = last,
        Action::PrevPeriod | Action::NextPeriod => {
            let periods = ui.periods(today);
            let n = periods.len();
            let i = periods.iter().position(|p| *p == ui.period).unwrap_or(0);
            let next = if r.action == Action::NextPeriod {
                (i + 1) % n
            } else {
                (i + n - 1) % n
            };
            ui.period = periods[next];
            return changed(ui, today);
        }
        Action::NextGrouping | Action::PrevGrouping => {
            let n = GROUPINGS.len();
            let i = GROUPINGS.iter().position(|b| *b == ui.by).unwrap_or(0);
            let next = if r.action == Action::NextGrouping {
                (i + 1) % n
            } else {
                (i + n - 1) % n
            };
            ui.by = GROUPINGS[next];
            return changed(ui, today);
        }
        _ => {}
    }
    Vec::new()
}

/// The period or grouping changed: the table starts at its top, and the figures are asked
/// unless they are already on screen (stepping all the way round) or on their way.
fn changed(ui: &mut ProgrammeUi, today: chrono::NaiveDate) -> Vec<Effect> {
    ui.sel = 0;
    ui.scroll = 0;
    let wanted = ui.wanted(today);
    if ui.shown(today).is_some() || ui.asked.as_ref() == Some(&wanted) {
        return Vec::new();
    }
    count(ui, wanted)
}
