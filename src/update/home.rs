//! The home screen: groups with their last session, recent sessions, unreadable files.

use super::Effect;
use crate::keymap::{Action, Resolved};
use crate::ui::{Flash, Home, HomePane, Model, Screen};

pub fn action(model: &mut Model, r: Resolved) -> Vec<Effect> {
    let home = &mut model.home;
    let len = match home.pane {
        HomePane::Groups => home.groups.len(),
        HomePane::Recent => home.recent.len(),
        HomePane::Unreadable => home.unreadable.len(),
    };
    let sel = match home.pane {
        HomePane::Groups => &mut home.group_sel,
        HomePane::Recent => &mut home.recent_sel,
        HomePane::Unreadable => &mut home.unreadable_sel,
    };
    match r.action {
        Action::Up => *sel = sel.saturating_sub(1),
        Action::Down => *sel = (*sel + 1).min(len.saturating_sub(1)),
        Action::PageUp => *sel = sel.saturating_sub(10),
        Action::PageDown => *sel = (*sel + 10).min(len.saturating_sub(1)),
        Action::First => *sel = 0,
        Action::Last => *sel = len.saturating_sub(1),
        Action::NextPane | Action::PrevPane => {
            let order = [HomePane::Groups, HomePane::Recent, HomePane::Unreadable];
            let available: Vec<HomePane> = order
                .into_iter()
                .filter(|p| *p != HomePane::Unreadable || !home.unreadable.is_empty())
                .collect();
            let i = available.iter().position(|p| *p == home.pane).unwrap_or(0);
            let n = available.len();
            let next = if r.action == Action::NextPane {
                (i + 1) % n
            } else {
                (i + n - 1) % n
            };
            home.pane = available[next];
        }
        Action::NewGroup | Action::NextSession if refused_read_only(model) => {}
        Action::NewGroup => return super::setup::start_new(model),
        Action::NextSession => return next_session(model),
        Action::Open => return open(model),
        Action::OpenReview => return super::review::open_browser(model),
        Action::OpenTimeline => return super::timeline::from_home(model),
        Action::OpenGroupPage => return super::group::from_home(model),
        Action::OpenProgramme => return super::programme::open(model),
        _ => {}
    }
    Vec::new()
}

fn open(model: &mut Model) -> Vec<Effect> {
    let home = &model.home;
    match home.pane {
        HomePane::Groups => {
            let open = home
                .groups
                .get(home.group_sel)
                .map(|g| g.open.as_ref().map(|o| o.path.clone()));
            match open {
                Some(Some(path)) => vec![Effect::Open(path)],
                // No session open in the group (or no group): Enter starts one.
                _ if refused_read_only(model) => Vec::new(),
                Some(None) => {
                    let g = &model.home.groups[model.home.group_sel];
                    vec![Effect::PrepareNext(g.id.clone())]
                }
                None => super::setup::start_new(model),
            }
        }
        HomePane::Recent => match home.recent.get(home.recent_sel) {
            Some(e) if e.shadowed => {
                // Editing an older copy would fork the session: open the newest one.
                let newest = home
                    .recent
                    .iter()
                    .find(|o| o.id == e.id && !o.shadowed)
                    .map(|o| o.path.clone());
                model.flash = Some(Flash {
                    text: model.strings().home_older_copy.to_string(),
                    error: false,
                });
                newest.map(Effect::Open).into_iter().collect()
            }
            Some(e) => vec![Effect::Open(e.path.clone())],
            None => Vec::new(),
        },
        HomePane::Unreadable => {
            if let Some(u) = home.unreadable.get(home.unreadable_sel) {
                model.flash = Some(Flash {
                    text: format!("{}: {}", u.path.display(), u.reason),
                    error: true,
                });
            }
            Vec::new()
        }
    }
}

/// In a read-only folder, a new group or next session is refused with a sentence that says
/// why and what to do; true if so.
fn refused_read_only(model: &mut Model) -> bool {
    if !model.folder_read_only {
        return false;
    }
    model.flash = Some(Flash {
        text: model.strings().demo.read_only_refused.to_string(),
        error: true,
    });
    true
}

fn next_session(model: &mut Model) -> Vec<Effect> {
    let s = model.strings();
    let group = match model.home.pane {
        HomePane::Groups => model
            .home
            .groups
            .get(model.home.group_sel)
            .map(|g| g.id.clone()),
        HomePane::Recent => model
            .home
            .recent
            .get(model.home.recent_sel)
            .map(|e| e.group_id.clone()),
        HomePane::Unreadable => None,
    };
    match group {
        Some(id) => vec![Effect::PrepareNext(id)],
        None => {
            model.flash = Some(Flash {
                text: s.home_pick_group_first.to_string(),
                error: true,
            });
            Vec::new()
        }
    }
}

/// The listing read so far, shown while the home screen waits for its first lists. A count
/// arriving after the lists (the thread's last words) is not news: it is dropped.
pub fn listing_progress(model: &mut Model, done: usize, total: usize) {
    if !model.home.loaded {
        model.home.progress = Some((done.min(total), total));
    }
}

/// The folder is being listed again. On the home screen, where no row of the review
/// browser shows, they go until the new ones come: at 100,000 sessions the two listings
/// held at once were 60 MB more at the TUI's peak. The browser opened meanwhile says the
/// folder is being read, as at start.
pub fn relisting(model: &mut Model) {
    if matches!(model.screen, Screen::Home) && model.home.loaded {
        model.home.rows = std::sync::Arc::default();
        model.home.loaded = false;
    }
}

/// The folder as just read, on screen. Each list stays on the item that was selected (a
/// group by its id, a file by its path) when it is still there, else on the same row: a
/// file a sync brings while the list is on screen does not move the selection to another.
pub fn listed(model: &mut Model, mut home: Home) {
    let old = &model.home;
    let keep = |old_sel: usize, at: Option<usize>| at.unwrap_or(old_sel);
    let group = old.groups.get(old.group_sel).map(|g| &g.id);
    home.group_sel = keep(
        old.group_sel,
        group.and_then(|id| home.groups.iter().position(|g| &g.id == id)),
    );
    let recent = old.recent.get(old.recent_sel).map(|e| &e.path);
    home.recent_sel = keep(
        old.recent_sel,
        recent.and_then(|p| home.recent.iter().position(|e| &e.path == p)),
    );
    let bad = old.unreadable.get(old.unreadable_sel).map(|u| &u.path);
    home.unreadable_sel = keep(
        old.unreadable_sel,
        bad.and_then(|p| home.unreadable.iter().position(|u| &u.path == p)),
    );
    home.pane = old.pane;
    home.group_scroll = old.group_scroll;
    home.recent_scroll = old.recent_scroll;
    home.unreadable_scroll = old.unreadable_scroll;
    home.loaded = home.partial.is_none();
    home.generation = old.generation.wrapping_add(1);
    // The browser's selection stays on its file when the new rows are filtered (see
    // `Browser::remember`).
    model.home = home;
    // A listing asked before the programme screen opened, come while it shows.
    if matches!(model.screen, Screen::Programme(_)) {
        model.home.let_go();
    }
}
