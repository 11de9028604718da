//! Where the home screen puts its title and its three lists (groups, recent sessions,
//! unreadable files), and how many rows each list shows. The view draws in these
//! rectangles, and `update` scrolls each list with them ([`lists`]).

use super::frame;
use super::text::wrapped_rows;
use crate::i18n::fill;
use crate::ui::{HomePane, Model, Screen};
use ratatui::layout::{Constraint, Layout, Rect};

/// The home screen's parts, each list in its box (borders included).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub title: Rect,
    pub groups: Rect,
    pub recent: Rect,
    /// No rows when every file could be read.
    pub unreadable: Rect,
}

/// The home screen in `area` (the body of the frame).
pub fn areas(model: &Model, area: Rect) -> Areas {
    let s = model.strings();
    let home = &model.home;
    let unreadable_rows = if home.unreadable.is_empty() {
        0
    } else {
        (home.unreadable.len() as u16 + 2)
            .min(area.height / 4)
            .max(3)
    };
    // The groups take the rows they need, up to about half the screen; recent sessions the rest.
    let groups_rows = if home.groups.is_empty() {
        let text = if home.loaded {
            s.home_no_groups.to_string()
        } else {
            loading_text(model)
        };
        wrapped_rows(&text, area.width.saturating_sub(2) as usize) as u16 + 2
    } else {
        home.groups.len() as u16 + 2
    };
    let groups_rows = groups_rows.clamp(3, (area.height * 11 / 20).max(3));
    let [title, groups, recent, unreadable] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(groups_rows),
        Constraint::Min(3),
        Constraint::Length(unreadable_rows),
    ])
    .areas(area);
    Areas {
        title,
        groups,
        recent,
        unreadable,
    }
}

/// What the screen says while the folder is read: how far the reading is when the files
/// are parsed one by one (no index or summary cache yet), else that it is being read.
pub fn loading_text(model: &Model) -> String {
    let s = model.strings();
    match model.home.progress {
        Some((done, total)) => {
            let sep = s.review.thousands;
            fill(
                s.review.reading,
                &[&grouped(done, sep), &grouped(total, sep)],
            )
        }
        None => s.home_loading.to_string(),
    }
}

/// A count with its thousands apart: `grouped(10000, ",")` is "10,000".
pub fn grouped(n: usize, sep: &str) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + 4);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

/// A list of the home screen on screen: its rows (one line each), and how many show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct List {
    pub pane: HomePane,
    pub len: usize,
    /// The lines inside its borders.
    pub height: usize,
}

/// The home screen's lists for the model's terminal size; none on another screen or a
/// terminal too small to draw.
pub fn lists(model: &Model) -> Vec<List> {
    if !matches!(model.screen, Screen::Home) {
        return Vec::new();
    }
    let Some(frame) = frame::frame(model, frame::terminal(model)) else {
        return Vec::new();
    };
    let a = areas(model, frame.body);
    let home = &model.home;
    let inside = |r: Rect| usize::from(r.height.saturating_sub(2));
    let mut lists = vec![
        List {
            pane: HomePane::Groups,
            len: home.groups.len(),
            height: inside(a.groups),
        },
        List {
            pane: HomePane::Recent,
            len: home.recent.len(),
            height: inside(a.recent),
        },
    ];
    if !home.unreadable.is_empty() {
        lists.push(List {
            pane: HomePane::Unreadable,
            len: home.unreadable.len(),
            height: inside(a.unreadable),
        });
    }
    lists
}
