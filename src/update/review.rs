//! The review browser and the read-only session view. The rows come from the last listing
//! of the folder (`model.home.rows`); the browser keeps only what the advisor chose: the
//! filter, the kinds shown, the sort and the selection. Sessions are read by the loop
//! (`Effect::LoadForView`); a visit or an activity opens in its group's page, where records
//! are read, written and opened in full (`Effect::LoadGroup`, then [`opened`]).

use super::Effect;
use crate::keymap::{Action, Resolved};
use crate::model::{Session, SessionState};
use crate::ui::{Browser, Filtering, Flash, GroupSection, Model, Screen, SessionView};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::PathBuf;

/// Rows a page key moves by.
const PAGE: usize = 10;

pub fn open_browser(model: &mut Model) -> Vec<Effect> {
    model.screen = Screen::Review(Box::new(Browser::new()));
    // Read the folder again: a session saved since the last listing shows up.
    vec![Effect::Refresh]
}

/// After each message: the browser's rows shown follow its filter and sort, worked out off
/// the UI thread for many rows (see `Browser::remember`).
pub fn keep_shown(model: &mut Model) -> Option<Effect> {
    let Screen::Review(browser) = &mut model.screen else {
        return None;
    };
    let asked = browser.remember(&model.home.rows, model.home.generation)?;
    Some(Effect::FilterRows(Box::new(asked)))
}

/// The filter thread answered: the browser takes the rows if it still wants them, on screen
/// or behind the timeline or the group's page opened from it.
pub fn filtered(model: &mut Model, asked: Filtering, shown: Vec<usize>) {
    fn browser(screen: &mut Screen) -> Option<&mut Browser> {
        match screen {
            Screen::Review(b) => Some(b),
            Screen::Timeline(t) => browser(&mut t.back),
            Screen::Group(g) => browser(&mut g.back),
            Screen::Replay(r) => browser(r.back.as_mut()?),
            _ => None,
        }
    }
    if let Some(b) = browser(&mut model.screen) {
        b.filtered(asked, shown);
    }
}

pub fn action(model: &mut Model, r: Resolved) -> Vec<Effect> {
    let Screen::Review(browser) = &mut model.screen else {
        return Vec::new();
    };
    if browser.view.is_some() {
        return view_action(model, r);
    }
    let shown = browser.shown(&model.home.rows, model.home.generation);
    let last = shown.len().saturating_sub(1);
    let selected = shown.get(browser.sel.min(last)).cloned();
    let sel = &mut browser.sel;
    match r.action {
        Action::Up => *sel = sel.saturating_sub(1),
        Action::Down => *sel = (*sel + 1).min(last),
        Action::PageUp => *sel = sel.saturating_sub(PAGE),
        Action::PageDown => *sel = (*sel + PAGE).min(last),
        Action::First => *sel = 0,
        Action::Last => *sel = last,
        Action::SortNext | Action::SortPrev => {
            browser.sort = browser.sort.step(r.action == Action::SortPrev);
            browser.sel = 0;
        }
        Action::SortReverse => {
            browser.descending = !browser.descending;
            browser.sel = 0;
        }
        Action::Open => {
            if let Some(row) = selected {
                if row.record.is_some() {
                    // Its group's page, on it: where a record is read in full beside the
                    // group's members and projects, and where it is added and edited.
                    browser.opening = Some(row.id.clone());
                    return vec![Effect::LoadGroup(row.group_id.clone())];
                }
                return vec![Effect::LoadForView(row.path)];
            }
        }
        Action::ShowKinds => {
            browser.shown = browser.shown.next();
            browser.sel = 0;
        }
        Action::OpenTimeline => return super::timeline::from_browser(model),
        Action::ClearFilter => {
            browser.filter.clear();
            browser.sel = 0;
        }
        // A filter typed is undone first: Esc twice goes back.
        Action::Back if !browser.filter.is_empty() => {
            browser.filter.clear();
            browser.sel = 0;
        }
        Action::Back => return super::go_home(model),
        _ => {}
    }
    Vec::new()
}

/// The group's page was read after Enter on a visit's or an activity's row: its records'
/// section is selected, on that record open in full. Esc closes it, then goes back to the
/// browser as it was left.
pub fn opened(model: &mut Model) {
    let Screen::Group(ui) = &mut model.screen else {
        return;
    };
    let Screen::Review(browser) = ui.back.as_mut() else {
        return;
    };
    let Some(id) = browser.opening.take() else {
        return;
    };
    let Some(at) = ui.life.records.iter().position(|r| r.dated().id() == &id) else {
        return;
    };
    ui.section = GroupSection::Records;
    ui.selected.insert(GroupSection::Records, at);
    ui.detail = Some(0);
}

/// A key no binding took: text for the filter.
pub fn typed(model: &mut Model, key: KeyEvent) -> Vec<Effect> {
    let Screen::Review(browser) = &mut model.screen else {
        return Vec::new();
    };
    if browser.view.is_some() {
        return Vec::new();
    }
    let text = key.modifiers - KeyModifiers::SHIFT;
    match key.code {
        KeyCode::Char(c) if text.is_empty() => browser.filter.push(c),
        KeyCode::Backspace => {
            browser.filter.pop();
        }
        _ => return Vec::new(),
    }
    browser.sel = 0;
    Vec::new()
}

/// Text pasted in the browser goes to the filter, on one line.
pub fn paste(model: &mut Model, text: &str) -> bool {
    match &mut model.screen {
        Screen::Review(browser) if browser.view.is_none() => {
            browser.filter.push_str(&text.replace(['\n', '\r'], " "));
            browser.sel = 0;
            true
        }
        _ => false,
    }
}

/// The loop read the session asked for with `Effect::LoadForView`.
pub fn viewed(model: &mut Model, session: Session, path: PathBuf) -> Vec<Effect> {
    let lines = crate::show::show(&session, model.lang, false);
    if let Screen::Review(browser) = &mut model.screen {
        browser.view = Some(SessionView {
            path,
            session: Box::new(session),
            lines,
            scroll: 0,
        });
    }
    Vec::new()
}

fn view_action(model: &mut Model, r: Resolved) -> Vec<Effect> {
    let Screen::Review(browser) = &model.screen else {
        return Vec::new();
    };
    let Some(view) = browser.view.as_ref() else {
        return Vec::new();
    };
    // Scrolling stops where the last lines fill the screen.
    let last = crate::layout::show::scroll_max(model, view);
    let Screen::Review(browser) = &mut model.screen else {
        return Vec::new();
    };
    let Some(view) = browser.view.as_mut() else {
        return Vec::new();
    };
    let scroll = &mut view.scroll;
    match r.action {
        Action::Up => *scroll = scroll.saturating_sub(1),
        Action::Down => *scroll = (*scroll + 1).min(last),
        Action::PageUp => *scroll = scroll.saturating_sub(PAGE),
        Action::PageDown => *scroll = (*scroll + PAGE).min(last),
        Action::First => *scroll = 0,
        Action::Last => *scroll = last,
        Action::Back => browser.view = None,
        // The minutes of a past session, for its participants: as from the session itself.
        Action::Export => {
            return vec![Effect::Export {
                snapshot: super::Snapshot::of(&view.session, &view.path),
                issued: model.today,
            }];
        }
        Action::OpenTimeline => return super::timeline::from_view(model),
        Action::OpenReplay => return super::replay::from_view(model),
        Action::Resume => {
            if view.session.state == SessionState::InProgress {
                let rows = &model.home.rows;
                let here = rows.iter().find(|r| r.path == view.path);
                let Some(copy) = here.filter(|r| r.shadowed) else {
                    return vec![Effect::Open(view.path.clone())];
                };
                // Editing an older copy would fork the session: resume the newest one.
                let newest = rows
                    .iter()
                    .find(|r| r.id == copy.id && !r.shadowed)
                    .map(|r| r.path.clone());
                model.flash = Some(Flash {
                    text: model.lang.strings().home_older_copy.to_string(),
                    error: false,
                });
                return newest.map(Effect::Open).into_iter().collect();
            }
            model.flash = Some(Flash {
                text: model.lang.strings().review.cannot_resume.to_string(),
                error: true,
            });
        }
        _ => {}
    }
    Vec::new()
}
