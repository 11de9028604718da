//! A group's page (issue 13, point 9): opened on a group from the home screen or its
//! timeline; the loop reads the group's sessions and records (`Effect::LoadGroup`) and hands
//! them back (`Msg::GroupLoaded`). Tab goes through the sections, Enter opens the selected
//! row in full, `t` opens the timeline, Esc goes back to the screen it came from (or closes
//! the row open in full first).

use super::Effect;
use crate::keymap::{Action, Resolved};
use crate::model::dated::Record;
use crate::model::{Id, Session};
use crate::ui::{Flash, GroupUi, HomePane, Model, Screen};

/// Rows a page key moves by.
const PAGE: usize = 10;

fn load(model: &mut Model, group: Option<Id>) -> Vec<Effect> {
    match group {
        Some(id) => vec![Effect::LoadGroup(id)],
        None => {
            model.flash = Some(Flash {
                text: model.strings().home_pick_group_first.to_string(),
                error: true,
            });
            Vec::new()
        }
    }
}

/// `p` on the home screen: the selected group, or the group of the selected session.
pub fn from_home(model: &mut Model) -> Vec<Effect> {
    let home = &model.home;
    let group = match home.pane {
        HomePane::Groups => home.groups.get(home.group_sel).map(|g| g.id.clone()),
        HomePane::Recent => home.recent.get(home.recent_sel).map(|e| e.group_id.clone()),
        HomePane::Unreadable => None,
    };
    load(model, group)
}

/// `p` in a group's timeline.
pub fn from_timeline(model: &mut Model) -> Vec<Effect> {
    let group = match &model.screen {
        Screen::Timeline(t) => Some(t.group.id.clone()),
        _ => None,
    };
    load(model, group)
}

/// The loop read the group: its page replaces the screen, which it keeps to go back to.
pub fn loaded(
    model: &mut Model,
    sessions: Vec<Session>,
    records: Vec<Record>,
    skipped: usize,
) -> Vec<Effect> {
    if sessions.is_empty() {
        model.flash = Some(Flash {
            text: model.strings().home_group_unreadable.to_string(),
            error: true,
        });
        return Vec::new();
    }
    let back = std::mem::replace(&mut model.screen, Screen::Home);
    model.screen = Screen::Group(Box::new(GroupUi::new(back, &sessions, records, skipped)));
    Vec::new()
}

pub fn action(model: &mut Model, r: Resolved) -> Vec<Effect> {
    let Screen::Group(ui) = &mut model.screen else {
        return Vec::new();
    };
    // A row open in full: the moving keys scroll it, Esc closes it.
    if let Some(line) = ui.detail {
        ui.detail = match r.action {
            Action::Back | Action::Open => None,
            Action::Up => Some(line.saturating_sub(1)),
            Action::Down => Some(line.saturating_add(1)),
            Action::PageUp => Some(line.saturating_sub(PAGE as u16)),
            Action::PageDown => Some(line.saturating_add(PAGE as u16)),
            Action::First => Some(0),
            _ => Some(line),
        };
        if r.action == Action::OpenTimeline {
            return vec![Effect::LoadTimeline(ui.life.group.id.clone())];
        }
        return Vec::new();
    }
    match r.action {
        Action::Back => {
            let back = std::mem::replace(&mut ui.back, Box::new(Screen::Home));
            model.screen = *back;
        }
        Action::NextPane | Action::PrevPane => {
            ui.section = ui.section.step(r.action == Action::PrevPane);
        }
        Action::Open => {
            if ui.rows(ui.section) > 0 {
                ui.detail = Some(0);
            }
        }
        Action::OpenTimeline => return vec![Effect::LoadTimeline(ui.life.group.id.clone())],
        a => {
            let len = ui.rows(ui.section);
            let last = len.saturating_sub(1);
            let sel = ui.selection(ui.section);
            let next = match a {
                Action::Up => sel.saturating_sub(1),
                Action::Down => (sel + 1).min(last),
                Action::PageUp => sel.saturating_sub(PAGE),
                Action::PageDown => (sel + PAGE).min(last),
                Action::First => 0,
                Action::Last => last,
                _ => sel,
            };
            ui.selected.insert(ui.section, next);
        }
    }
    Vec::new()
}
