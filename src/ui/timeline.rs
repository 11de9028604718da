//! The group timeline's state: one group's sessions, computed once when they are loaded
//! (attendance, action tracker, recurring needs, see [`crate::timeline`]), and how the
//! advisor is looking at them: the pane, the selections, the session columns scrolled to.
//!
//! The layout arithmetic that both `update` (to stop scrolling at the end) and the view (to
//! draw) need lives here, so the two cannot disagree.

use super::{ActionSort, Screen};
use crate::method::Method;
use crate::model::{Action, Group, Owner, Session};
use crate::timeline::{
    AttendanceTable, RecurringCategory, RecurringTheme, TrackedAction, action_tracker, attendance,
    recurring_needs,
};
use chrono::NaiveDate;
use std::cmp::Ordering;
use strum::VariantArray;

/// The three panes, in the order Tab goes through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, strum::VariantArray)]
pub enum TimelinePane {
    #[default]
    Attendance,
    Actions,
    Needs,
}

impl TimelinePane {
    /// The next pane (or the previous one, `back`), round.
    pub fn step(self, back: bool) -> TimelinePane {
        let i = Self::VARIANTS.iter().position(|p| *p == self).unwrap_or(0);
        Self::VARIANTS[if back { (i + 2) % 3 } else { (i + 1) % 3 }]
    }
}

/// One row of the recurring needs pane, top to bottom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NeedRow {
    CategoryHeading,
    Category(usize),
    /// No category came back.
    NoCategory,
    Blank,
    ThemeHeading,
    Theme(usize),
    /// The other titles the theme came back under, below it.
    AlsoTitled(usize),
    NoTheme,
}

/// Width of one session column of the attendance grid: a date (dd/mm) and a space.
pub const SESSION_COL: usize = 6;
/// Room for the selection mark before each row.
pub const MARK: usize = 2;
/// The columns after the sessions: the rate ("100 %"), the excused count, active or not.
pub const RATE_COL: usize = 6;
pub const EXCUSED_COL: usize = 5;
pub const ACTIVE_COL: usize = 7;

/// How the attendance grid fits a width: the member name column and how many sessions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Grid {
    pub name: usize,
    pub shown: usize,
    /// The first session column shown.
    pub first: usize,
}

pub struct TimelineUi {
    /// The screen the timeline was opened from: Esc goes back to it as it was (the browser
    /// with its filter, sort and selection; the session view at its line).
    pub back: Box<Screen>,
    /// The group as its latest session knows it, with the members only earlier sessions
    /// knew added, so that every owner has a name.
    pub group: Group,
    /// The latest session's method: the labels of need categories.
    pub method: Method,
    pub attendance: AttendanceTable,
    pub actions: Vec<TrackedAction>,
    pub categories: Vec<RecurringCategory>,
    pub themes: Vec<RecurringTheme>,
    /// Files of the group that could not be read when it was loaded.
    pub skipped: usize,
    pub pane: TimelinePane,
    pub member_sel: usize,
    /// Position in the actions as sorted (see [`TimelineUi::action_order`]).
    pub action_sel: usize,
    pub sort: ActionSort,
    /// The first member and the first action their lists show, kept by `update` as the
    /// selection moves (see `layout::scroll`): a list scrolls only when the selection would
    /// leave it.
    pub member_scroll: usize,
    pub action_scroll: usize,
    /// The first session column of the grid; `None` shows the latest sessions, which is
    /// what the advisor preparing the next meeting looks at.
    pub first_session: Option<usize>,
    /// The first row of the recurring needs shown.
    pub needs_scroll: usize,
}

impl TimelineUi {
    /// The timeline of these sessions (one group's, in any order, at least one), its overdue
    /// actions counted against `today`.
    pub fn new(back: Screen, sessions: &[Session], skipped: usize, today: NaiveDate) -> TimelineUi {
        let attendance = attendance(sessions);
        let latest = sessions.iter().max_by_key(|s| (s.number, s.date));
        let mut group = latest.map(|s| s.group.clone()).unwrap_or_default();
        group.members = attendance
            .members
            .iter()
            .map(|r| r.member.clone())
            .collect();
        let (categories, themes) = recurring_needs(sessions);
        TimelineUi {
            back: Box::new(back),
            group,
            method: latest.map_or_else(Method::builtin, |s| s.method.clone()),
            actions: action_tracker(sessions, today),
            attendance,
            categories,
            themes,
            skipped,
            pane: TimelinePane::default(),
            member_sel: 0,
            action_sel: 0,
            sort: ActionSort::default(),
            member_scroll: 0,
            action_scroll: 0,
            first_session: None,
            needs_scroll: 0,
        }
    }

    /// Rows the panes have on a terminal of this size: less the status line and footer,
    /// the header, the tabs, and the note about unreadable files when there is one.
    pub fn pane_rows(&self, size: (u16, u16)) -> usize {
        usize::from(size.1).saturating_sub(4 + usize::from(self.skipped > 0))
    }

    /// The attendance grid at this width: names as wide as the longest (within limits),
    /// narrower when that lets more sessions show; the latest sessions unless scrolled.
    pub fn grid(&self, width: u16, name_width: impl Fn(&str) -> usize) -> Grid {
        let n = self.attendance.sessions.len();
        let tail = RATE_COL + EXCUSED_COL + ACTIVE_COL;
        let longest = self
            .attendance
            .members
            .iter()
            .map(|r| name_width(&r.member.name))
            .max()
            .unwrap_or(0);
        let fits = |name: usize| {
            (usize::from(width).saturating_sub(MARK + name + 1 + tail) / SESSION_COL).min(n)
        };
        let mut name = longest.clamp(8, 20);
        if fits(name) < n {
            name = name.min(14);
        }
        let shown = fits(name);
        let last_first = n - shown;
        let first = self.first_session.unwrap_or(last_first).min(last_first);
        Grid { name, shown, first }
    }

    /// Indexes into `actions` in the order chosen. Ties keep the order the actions were
    /// decided in; actions without a due date or an owner come last.
    pub fn action_order(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.actions.len()).collect();
        let action = |i: usize| &self.actions[i].action;
        match self.sort {
            ActionSort::Entered => {}
            ActionSort::Due => crate::sort::by(&mut order, |&a, &b| due_cmp(action(a), action(b))),
            ActionSort::Owner => crate::sort::by(&mut order, |&a, &b| {
                self.owner_key(action(a).owners.first())
                    .cmp(&self.owner_key(action(b).owners.first()))
                    .then_with(|| due_cmp(action(a), action(b)))
            }),
        }
        order
    }

    /// The selected action, as it stands in the tracker.
    pub fn selected_action(&self) -> Option<&TrackedAction> {
        let order = self.action_order();
        let i = self.action_sel.min(order.len().saturating_sub(1));
        order.get(i).map(|&i| &self.actions[i])
    }

    fn owner_key(&self, o: Option<&Owner>) -> (u8, String) {
        match o {
            Some(Owner::Member(id)) => (0, self.group.member_name(id).to_lowercase()),
            Some(Owner::WholeGroup) => (1, String::new()),
            Some(Owner::Advisor) => (2, String::new()),
            Some(Owner::Host) => (3, String::new()),
            None => (4, String::new()),
        }
    }

    /// The rows of the recurring needs pane: categories, a blank, then similar themes.
    pub fn need_rows(&self) -> Vec<NeedRow> {
        let mut rows = vec![NeedRow::CategoryHeading];
        if self.categories.is_empty() {
            rows.push(NeedRow::NoCategory);
        }
        rows.extend((0..self.categories.len()).map(NeedRow::Category));
        rows.push(NeedRow::Blank);
        rows.push(NeedRow::ThemeHeading);
        if self.themes.is_empty() {
            rows.push(NeedRow::NoTheme);
        }
        for (i, t) in self.themes.iter().enumerate() {
            rows.push(NeedRow::Theme(i));
            if t.titles.len() > 1 {
                rows.push(NeedRow::AlsoTitled(i));
            }
        }
        rows
    }

    /// The first row of the needs pane when its last rows fill `height` rows.
    pub fn needs_scroll_max(&self, height: usize) -> usize {
        self.need_rows().len().saturating_sub(height)
    }
}

fn due_cmp(a: &Action, b: &Action) -> Ordering {
    (a.due.is_none(), a.due).cmp(&(b.due.is_none(), b.due))
}
