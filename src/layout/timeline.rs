//! Where the group timeline puts its header, its tabs and its panes, and inside the
//! attendance and action panes where their rows go. The view draws in these rectangles, and
//! `update` scrolls the lists of members and of actions with them ([`list`]).

use super::frame;
use super::text::display_width;
use crate::ui::{Model, Screen, TimelinePane, TimelineUi};
use ratatui::layout::{Constraint, Layout, Rect};

/// The timeline's parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub name: Rect,
    pub about: Rect,
    pub tabs: Rect,
    /// The note about unreadable files, when there are some.
    pub skipped: Rect,
    pub pane: Rect,
}

/// The timeline in `area` (the body of the frame).
pub fn areas(ui: &TimelineUi, area: Rect) -> Areas {
    let note = u16::from(ui.skipped > 0);
    let [name, about, tabs, skipped, pane] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(note),
        Constraint::Min(0),
    ])
    .areas(area);
    Areas {
        name,
        about,
        tabs,
        skipped,
        pane,
    }
}

/// The attendance pane's rows, top to bottom. What is left out first when rows are short:
/// the rule, the member's line, the totals (no rows then).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attendance {
    /// The sessions scrolled out of the grid, when some are.
    pub hints: Rect,
    pub head: Rect,
    pub dates: Rect,
    /// The members, one line each.
    pub members: Rect,
    pub totals: Rect,
    pub detail: Rect,
    pub legend: Rect,
    pub rule: Rect,
}

pub fn attendance(ui: &TimelineUi, area: Rect) -> Attendance {
    let grid = ui.grid(area.width, display_width);
    let hint = u16::from(grid.shown < ui.attendance.sessions.len());
    let totals = u16::from(area.height >= 8);
    let detail = u16::from(area.height >= 12);
    let rule = u16::from(area.height >= 14);
    // The totals and the member's line right under the members, the legend at the bottom.
    let fixed = hint + 3 + totals + detail + rule;
    let members =
        (ui.attendance.members.len().max(1) as u16).min(area.height.saturating_sub(fixed));
    let [hints, head, dates, members, totals, detail, _, legend, rule] = Layout::vertical([
        Constraint::Length(hint),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(members.max(1)),
        Constraint::Length(totals),
        Constraint::Length(detail),
        Constraint::Min(0),
        Constraint::Length(1),
        Constraint::Length(rule),
    ])
    .areas(area);
    Attendance {
        hints,
        head,
        dates,
        members,
        totals,
        detail,
        legend,
        rule,
    }
}

/// The action tracker's rows, top to bottom: the header, the actions (one line each), the
/// legend, and the selected action in full when there is room.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Actions {
    pub head: Rect,
    pub rows: Rect,
    pub legend: Rect,
    pub detail: Rect,
}

pub fn actions(area: Rect) -> Actions {
    let detail_rows = match area.height {
        0..=8 => 0,
        9..=13 => 4,
        _ => 7,
    };
    let [head, rows, legend, detail] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(detail_rows),
    ])
    .areas(area);
    Actions {
        head,
        rows,
        legend,
        detail,
    }
}

/// The list of the pane shown, for the model's terminal size: its pane and the lines it
/// shows. `None` for the recurring needs (a text that scrolls, with no selection), on
/// another screen or a terminal too small to draw.
pub fn list(model: &Model) -> Option<(TimelinePane, usize)> {
    let Screen::Timeline(ui) = &model.screen else {
        return None;
    };
    let frame = frame::frame(model, frame::terminal(model))?;
    let pane = areas(ui, frame.body).pane;
    let rows = match ui.pane {
        TimelinePane::Attendance => attendance(ui, pane).members,
        TimelinePane::Actions => actions(pane).rows,
        TimelinePane::Needs => return None,
    };
    Some((ui.pane, usize::from(rows.height)))
}
