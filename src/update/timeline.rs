//! The group timeline: opened on a group from the home screen, the review browser or a
//! session viewed read-only; the loop reads the group's sessions (`Effect::LoadTimeline`)
//! and hands them back (`Msg::TimelineLoaded`). Esc goes back to the screen it came from,
//! as it was left.

use super::Effect;
use crate::keymap::{Action, Resolved};
use crate::model::{Id, Session};
use crate::ui::{Flash, Model, Screen, TimelinePane, TimelineUi};

/// Rows a page key moves by.
const PAGE: usize = 10;

/// The timeline of a group, or a message when there is no group to show.
fn load(model: &mut Model, group: Option<Id>) -> Vec<Effect> {
    super::load_or_say(model, group, Effect::LoadTimeline)
}

/// `t` on the home screen: the selected group, or the group of the selected session.
pub fn from_home(model: &mut Model) -> Vec<Effect> {
    let group = super::home_group(model);
    load(model, group)
}

/// F4 in the review browser (letters are the filter there): the selected row's group.
pub fn from_browser(model: &mut Model) -> Vec<Effect> {
    let Screen::Review(browser) = &model.screen else {
        return Vec::new();
    };
    let shown = browser.shown(&model.home.rows, model.home.generation);
    let sel = browser.sel.min(shown.len().saturating_sub(1));
    let group = shown.get(sel).map(|r| r.group_id.clone());
    load(model, group)
}

/// `t` in the read-only session view: that session's group.
pub fn from_view(model: &mut Model) -> Vec<Effect> {
    let group = match &model.screen {
        Screen::Review(b) => b.view.as_ref().map(|v| v.session.group.id.clone()),
        _ => None,
    };
    load(model, group)
}

/// The loop read the group's sessions: the timeline replaces the screen, which it keeps
/// to go back to.
pub fn loaded(model: &mut Model, sessions: Vec<Session>, skipped: usize) -> Vec<Effect> {
    if sessions.is_empty() {
        model.flash = Some(Flash {
            text: model.strings().home_group_unreadable.to_string(),
            error: true,
        });
        return Vec::new();
    }
    let back = std::mem::replace(&mut model.screen, Screen::Home);
    model.screen = Screen::Timeline(Box::new(TimelineUi::new(
        back,
        &sessions,
        skipped,
        model.today,
    )));
    Vec::new()
}

pub fn action(model: &mut Model, r: Resolved) -> Vec<Effect> {
    let size = model.size;
    let Screen::Timeline(ui) = &mut model.screen else {
        return Vec::new();
    };
    match r.action {
        Action::Back => {
            let back = std::mem::replace(&mut ui.back, Box::new(Screen::Home));
            model.screen = *back;
            return Vec::new();
        }
        Action::NextPane | Action::PrevPane => {
            ui.pane = ui.pane.step(r.action == Action::PrevPane);
        }
        Action::EarlierSessions | Action::LaterSessions => {
            let grid = ui.grid(size.0, crate::layout::text::display_width);
            let last_first = ui.attendance.sessions.len() - grid.shown;
            ui.first_session = if r.action == Action::EarlierSessions {
                Some(grid.first.saturating_sub(1))
            } else if grid.first + 1 >= last_first {
                // Back to the default: the latest sessions, whatever comes.
                None
            } else {
                Some(grid.first + 1)
            };
        }
        Action::OpenGroupPage => return super::group::from_timeline(model),
        Action::ExportTracker => {
            return vec![Effect::ExportTracker {
                group: ui.group.id.clone(),
                today: model.today,
            }];
        }
        Action::CycleSort => {
            // The selection follows the action, not the row.
            let order = ui.action_order();
            let here = order.get(ui.action_sel).copied();
            ui.sort = ui.sort.next();
            ui.action_sel = here
                .and_then(|i| ui.action_order().iter().position(|&j| j == i))
                .unwrap_or(0);
        }
        a => {
            let (sel, len) = match ui.pane {
                TimelinePane::Attendance => (&mut ui.member_sel, ui.attendance.members.len()),
                TimelinePane::Actions => (&mut ui.action_sel, ui.actions.len()),
                TimelinePane::Needs => {
                    let max = ui.needs_scroll_max(ui.pane_rows(size));
                    (&mut ui.needs_scroll, max + 1)
                }
            };
            move_in(sel, len, a);
        }
    }
    Vec::new()
}

/// Moves a position among `len` rows by a moving key.
fn move_in(sel: &mut usize, len: usize, a: Action) {
    let last = len.saturating_sub(1);
    *sel = match a {
        Action::Up => sel.saturating_sub(1),
        Action::Down => (*sel + 1).min(last),
        Action::PageUp => sel.saturating_sub(PAGE),
        Action::PageDown => (*sel + PAGE).min(last),
        Action::First => 0,
        Action::Last => last,
        _ => *sel,
    };
}
