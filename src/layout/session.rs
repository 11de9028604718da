//! Where the session screen puts its parts and its phase's panes, and where a list pane
//! draws its rows and how tall each row is. The view draws in these rectangles, and `update`
//! scrolls each list with them ([`lists`]): a list scrolls the way it is drawn.

use super::frame;
use super::text::{clip, one_line, wrapped_rows};
use super::wrap::wrap;
use crate::method::PhaseKind;
use crate::ui::{Editor, Model, Pane, Screen, SessionUi, Target};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::Block;

/// Wider than this, the facilitator panel sits on the right; narrower, below (replay too).
pub const SIDE_PANEL_MIN_WIDTH: u16 = 100;
/// The facilitator panel's width on the right.
const SIDE_PANEL_WIDTH: u16 = 36;
/// Below the content, the panel only shows when the body has at least this many rows.
const PANEL_BELOW_MIN_BODY: u16 = 14;

/// The session screen's parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub head: Rect,
    pub stepper: Rect,
    /// The phase's own content.
    pub content: Rect,
    /// The facilitator panel (purpose and questions), when there is room for it.
    pub panel: Option<Rect>,
}

/// The session screen's frame, replay's too: a row for the header, the phase stepper below
/// it, and the body.
pub fn under_stepper(area: Rect) -> [Rect; 3] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(area)
}

/// The content on the left and the facilitator panel on the right, the whole height.
pub fn beside_panel(body: Rect) -> [Rect; 2] {
    Layout::horizontal([Constraint::Min(40), Constraint::Length(SIDE_PANEL_WIDTH)]).areas(body)
}

/// The session screen in `area` (the body of the frame).
pub fn areas(ui: &SessionUi, area: Rect) -> Areas {
    let [head, stepper, body] = under_stepper(area);
    let (content, panel) = if ui.panel_hidden {
        (body, None)
    } else if body.width < SIDE_PANEL_MIN_WIDTH && body.height < PANEL_BELOW_MIN_BODY {
        // On a short screen the phase's own content comes first; `?` still has the keys.
        (body, None)
    } else if body.width >= SIDE_PANEL_MIN_WIDTH {
        let [c, p] = beside_panel(body);
        (c, Some(p))
    } else {
        let h = 5.min(body.height / 3);
        let [c, p] = Layout::vertical([Constraint::Min(3), Constraint::Length(h)]).areas(body);
        (c, Some(p))
    };
    Areas {
        head,
        stepper,
        content,
        panel,
    }
}

// ---------------------------------------------------------------------------------------
// Columns of panes

/// Where a pane of a column goes: its box, or, when the column is too short for every box,
/// one line for its label and value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    Box(Rect),
    Line(Rect),
}

/// What a pane of a column asks for: rows it would like and the fewest it can do with,
/// borders included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Want {
    pub pane: Pane,
    pub want: u16,
    pub min: u16,
}

/// A column of panes. When every box fits, each gets the rows it wants (the last one the
/// rest); when not, the focused pane keeps its box and the others shrink to one line each.
pub fn stack(ui: &SessionUi, items: &[Want], area: Rect) -> Vec<Slot> {
    let Some(last) = items.len().checked_sub(1) else {
        return Vec::new();
    };
    let mins: u16 = items.iter().map(|i| i.min).sum();
    if mins <= area.height {
        let mut heights: Vec<u16> = items.iter().map(|i| i.want.max(i.min)).collect();
        heights[last] = items[last].min;
        // Give back rows from the largest boxes until the column fits.
        while heights.iter().sum::<u16>() > area.height {
            let largest = heights
                .iter()
                .enumerate()
                .filter(|(i, h)| **h > items[*i].min)
                .max_by_key(|(_, h)| **h)
                .map(|(i, _)| i);
            match largest {
                Some(i) => heights[i] -= 1,
                None => break,
            }
        }
        heights[last] += area.height.saturating_sub(heights.iter().sum::<u16>());
        let mut y = area.y;
        return heights
            .into_iter()
            .map(|h| {
                let r = Rect::new(area.x, y, area.width, h);
                y += h;
                Slot::Box(r)
            })
            .collect();
    }
    let focused = ui.pane();
    let big = items.iter().position(|i| i.pane == focused).unwrap_or(0);
    let constraints: Vec<Constraint> = (0..items.len())
        .map(|i| {
            if i == big {
                Constraint::Min(3)
            } else {
                Constraint::Length(1)
            }
        })
        .collect();
    let rects = Layout::vertical(constraints).split(area);
    (0..items.len())
        .map(|i| match i == big {
            true => Slot::Box(rects[i]),
            false => Slot::Line(rects[i]),
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// The field being typed

/// The session's open field, when it belongs to this pane.
pub fn editor_here(ui: &SessionUi, pane: Pane) -> Option<&Editor> {
    ui.editor.as_ref().filter(|e| e.target.pane() == pane)
}

/// Where the field of a list pane goes, as (the rows left to the list, the field's box):
/// below the rows when the pane holds the box and a row besides (the box gets the rows it
/// needs, up to half a tall pane); over the whole pane, borders included, when it does
/// not. A field is never cut to its top border: what is typed is always in sight.
pub fn field_place(ed: &Editor, area: Rect, inner: Rect) -> (Rect, Rect) {
    const BOX: u16 = 3;
    if inner.height > BOX {
        let h = editor_height(ed, inner.width).min((inner.height / 2 + 1).max(BOX));
        let [rows, field] =
            Layout::vertical([Constraint::Min(0), Constraint::Length(h)]).areas(inner);
        (rows, field)
    } else {
        (Rect { height: 0, ..inner }, area)
    }
}

/// Rows a list pane needs beyond its own for its open field, in `width` columns (none when
/// no field of it is open): what a column of panes adds to the pane's wish.
pub fn field_want(ui: &SessionUi, pane: Pane, width: u16) -> u16 {
    editor_here(ui, pane)
        .filter(|e| !matches!(e.target, Target::Text(_)))
        .map_or(0, |e| editor_height(e, width.saturating_sub(2)))
}

/// Rows the editor box needs: its text wrapped inside the borders, an error line if any.
pub fn editor_height(ed: &Editor, width: u16) -> u16 {
    let inner = width.saturating_sub(2) as usize;
    let rows: usize = ed.area.lines().iter().map(|l| wrapped_rows(l, inner)).sum();
    let hint = if is_date(ed) { DATE_HINT_ROWS } else { 0 };
    (rows as u16 + 2 + hint + u16::from(ed.error.is_some())).max(3)
}

/// Rows the forms a date takes get below a date field: two are enough from 22 columns.
const DATE_HINT_ROWS: u16 = 2;

/// Whether the field is a date (it says what it takes below its text).
pub fn is_date(ed: &Editor) -> bool {
    ed.target == Target::NextDate
}

/// Rows a text pane would like in `width` columns, borders included, up to `max`: enough
/// for its field being typed, its draft or its text.
pub fn text_want(ui: &SessionUi, pane: Pane, value: &str, width: u16, max: u16) -> u16 {
    if let Some(ed) = editor_here(ui, pane) {
        return editor_height(ed, width).min(max.max(3));
    }
    let target = match pane.text_field() {
        Some(f) => Target::Text(f),
        None => Target::NextDate,
    };
    let shown = ui
        .session
        .drafts
        .get(&target.draft_key())
        .map_or(value, String::as_str);
    let rows = wrapped_rows(shown, width.saturating_sub(2) as usize) as u16;
    (rows + 2).clamp(3, max.max(3))
}

/// A text pane in a column: what it asks for.
fn text_wish(ui: &SessionUi, pane: Pane, value: &str, width: u16, max: u16) -> Want {
    Want {
        pane,
        want: text_want(ui, pane, value, width, max),
        min: 3,
    }
}

// ---------------------------------------------------------------------------------------
// The phases

/// Check-in: who is here on the left (above, when narrow), and a column of the guests, the
/// objective and the remarks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckIn {
    pub attendance: Rect,
    /// The method's advice on the group's size, below who is here (no height without).
    pub advice: Rect,
    pub right: Rect,
    /// The guests, the objective and the remarks, in that order.
    pub column: Vec<Slot>,
}

/// The advice lines at most below the attendance: more would hide who is here.
const MAX_ADVICE_LINES: usize = 6;

/// The method's advice on the group's size at check-in (fewer than 8 present, more than 20
/// members), wrapped to `width`, each piece starting with a ⚠. A warning, never a block.
pub fn check_in_advice(model: &Model, ui: &SessionUi, width: u16) -> Vec<String> {
    let s = model.strings();
    crate::life::check_in_warnings(&ui.session)
        .iter()
        .flat_map(|w| wrap(&format!("⚠ {}", w.text(s)), (width as usize).max(2) - 1))
        .map(|l| format!(" {l}"))
        .take(MAX_ADVICE_LINES)
        .collect()
}

pub fn check_in(model: &Model, ui: &SessionUi, area: Rect) -> CheckIn {
    let ses = &ui.session;
    let (left, right) = if area.width >= 70 {
        let [l, r] = Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)])
            .areas(area);
        (l, r)
    } else {
        let [l, r] =
            Layout::vertical([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(area);
        (l, r)
    };
    // With its field open, the pane grows by the field's box: what is typed shows.
    let guests = (ses.checkin.guests.len() as u16 + 2).clamp(3, 6)
        + field_want(ui, Pane::Guests, right.width);
    let items = [
        Want {
            pane: Pane::Guests,
            want: guests,
            min: 3,
        },
        text_wish(ui, Pane::Objective, &ses.checkin.objective, right.width, 6),
        text_wish(ui, Pane::Remarks, &ses.checkin.remarks, right.width, 3),
    ];
    // The advice takes rows from the attendance while it keeps a few of its own.
    let advice = check_in_advice(model, ui, left.width).len() as u16;
    let advice = advice.min(left.height.saturating_sub(5));
    let [attendance, advice] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(advice)]).areas(left);
    CheckIn {
        attendance,
        advice,
        right,
        column: stack(ui, &items, right),
    }
}

/// Follow-up: the actions under review above, the work plan's activities to review below
/// (a few rows when there are none, so that Tab lands on something that says so).
pub fn follow_up(ui: &SessionUi, area: Rect) -> [Rect; 2] {
    let n = ui.session.plan_reviews().len() as u16;
    // With its comment being typed, the pane grows by the field's box: the rows stay.
    let want = if n == 0 { 3 } else { n * 2 + 2 } + field_want(ui, Pane::PlanReview, area.width);
    let h = want.min(area.height / 2).max(3.min(area.height));
    Layout::vertical([Constraint::Min(0), Constraint::Length(h)]).areas(area)
}

/// From this width on, the cards and the board side by side.
const NEEDS_WIDE: u16 = 110;
/// From this height on, the board above the vote.
const NEEDS_STACK: u16 = 26;

/// Need emergence: the priority on the first line, then the panes shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Needs {
    pub priority: Rect,
    pub panes: Vec<(Pane, Rect)>,
}

/// On a narrow screen the pane that has the focus fills the phase; on a larger one the
/// cards sit beside the board while they come in, and the board sits above the vote after.
pub fn needs(ui: &SessionUi, area: Rect) -> Needs {
    let [top, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(area);
    let focus = ui.pane();
    let panes = if focus == Pane::Cards && body.width >= NEEDS_WIDE {
        // Cards come in on the left; the board beside shows them being sorted.
        let [l, r] =
            Layout::horizontal([Constraint::Percentage(50), Constraint::Min(0)]).areas(body);
        vec![(Pane::Cards, l), (Pane::Themes, r)]
    } else if focus != Pane::Cards && body.height >= NEEDS_STACK {
        // The board takes the width; the ranking runs along the bottom, as long as it is.
        let editor = editor_here(ui, Pane::Votes).is_some();
        let want = ui.session.needs.themes.len().max(1) as u16 + 2 + if editor { 3 } else { 0 };
        let votes_h = want.clamp(5, body.height * 2 / 5);
        let [b, v] =
            Layout::vertical([Constraint::Min(0), Constraint::Length(votes_h)]).areas(body);
        vec![(Pane::Themes, b), (Pane::Votes, v)]
    } else {
        vec![(focus, body)]
    };
    Needs {
        priority: top,
        panes,
    }
}

/// From this width the fishbone is drawn beside the tree.
const PROBLEM_SIDE_BY_SIDE: u16 = 120;
/// Below this width the effects and members go under the causes.
const PROBLEM_SIDE_COLUMN: u16 = 70;

/// Problem reflection: the statement on top, then the causes (the tree, the fishbone or
/// both), the effects and the members concerned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub statement: Rect,
    /// Where the causes are drawn: the tree and the fishbone side by side when wide, else
    /// one of them (in a box of their own, or first in the column).
    pub causes: Causes,
    /// The effects and the members concerned (after the causes when they are in the column),
    /// and where the column is.
    pub column: Vec<(Pane, Slot)>,
    pub column_area: Rect,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Causes {
    Both {
        tree: Rect,
        fishbone: Rect,
    },
    One(Rect),
    /// First in the column.
    InColumn,
}

/// Wide (120 columns for the phase), the tree and the fishbone sit side by side above the
/// effects and the members; narrower, the causes pane shows one of them beside a column of
/// effects and members, or above them when narrower still.
pub fn problem(model: &Model, ui: &SessionUi, area: Rect) -> Problem {
    let s = model.strings();
    let ses = &ui.session;
    // The statement whole if it can be, at most a third of the phase.
    let statement_h = text_want(
        ui,
        Pane::Statement,
        &ses.problem.statement,
        area.width,
        (area.height / 3).max(4),
    );
    let [statement, rest] =
        Layout::vertical([Constraint::Length(statement_h), Constraint::Min(4)]).areas(area);
    let effects = ses.problem.effects.len();
    let members = Pane::Concerned.rows(ses).len();
    if rest.width >= PROBLEM_SIDE_BY_SIDE {
        let below = (effects.max(members) as u16 + 2).clamp(5, (rest.height / 3).max(5));
        let [top, bottom] =
            Layout::vertical([Constraint::Min(6), Constraint::Length(below)]).areas(rest);
        let [tree, fishbone] =
            Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(top);
        let [e, c] = Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)])
            .areas(bottom);
        return Problem {
            statement,
            causes: Causes::Both { tree, fishbone },
            column: vec![
                (Pane::Effects, Slot::Box(e)),
                (Pane::Concerned, Slot::Box(c)),
            ],
            column_area: bottom,
        };
    }
    // Taken from the layout that draws the column: it rounds, and a column computed by hand
    // could be one wider than drawn, cutting the last word of a sentence sized for it.
    let [causes_area, side] =
        Layout::horizontal([Constraint::Percentage(62), Constraint::Percentage(38)]).areas(rest);
    let column_width = if rest.width >= PROBLEM_SIDE_COLUMN {
        side.width
    } else {
        rest.width
    };
    // An empty list wants room for the sentence that says how to fill it.
    let want = |rows: usize, empty: &str| match rows {
        0 => wrapped_rows(empty, column_width.saturating_sub(2) as usize) as u16 + 2,
        n => n as u16 + 2,
    };
    let effect_lines: usize = effect_rows(ui, column_width, rest.height as usize)
        .iter()
        .map(Vec::len)
        .sum();
    let mut items = vec![
        Want {
            pane: Pane::Effects,
            want: want(effect_lines, s.empty_effects) + field_want(ui, Pane::Effects, column_width),
            min: 3,
        },
        Want {
            pane: Pane::Concerned,
            want: want(members, s.problem.empty_concerned),
            min: 3,
        },
    ];
    let (causes, column_area) = if rest.width >= PROBLEM_SIDE_COLUMN {
        (Causes::One(causes_area), side)
    } else {
        // Narrow: one above the other; when short, the focused pane keeps its box.
        let n = ses.problem.causes.len();
        items.insert(
            0,
            Want {
                pane: Pane::Causes,
                want: (n as u16 + 2).max(rest.height * 2 / 3),
                min: 3,
            },
        );
        (Causes::InColumn, rest)
    };
    let slots = stack(ui, &items, column_area);
    Problem {
        statement,
        causes,
        column: items.iter().map(|i| i.pane).zip(slots).collect(),
        column_area,
    }
}

/// The effects as the pane draws them in `width` columns (borders included), each as its
/// lines: the selected one whole, wrapped, while the pane has focus, in at most `max_lines`.
pub fn effect_rows(ui: &SessionUi, width: u16, max_lines: usize) -> Vec<Vec<String>> {
    let focused = ui.pane() == Pane::Effects;
    let selected = ui.selection(Pane::Effects);
    // Inside the borders, after the two columns of the selection mark and the arrow.
    let room = width.saturating_sub(6) as usize;
    (ui.session.problem.effects.iter())
        .enumerate()
        .map(|(i, e)| {
            let text = one_line(&e.text);
            if !focused || i != selected {
                return vec![format!("→ {text}")];
            }
            let mut lines = wrap(&text, room);
            if lines.len() > max_lines.max(1) {
                lines.truncate(max_lines.max(1));
                if let Some(last) = lines.last_mut() {
                    *last = clip(&format!("{last} …"), room);
                }
            }
            (lines.into_iter().enumerate())
                .map(|(k, l)| format!("{}{l}", if k == 0 { "→ " } else { "  " }))
                .collect()
        })
        .collect()
}

/// From this width of the phase's area, the matrix sits beside the list.
pub const MATRIX_BESIDE_MIN_WIDTH: u16 = 120;

/// Solution search: the list of ideas, the matrix, or both side by side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Solutions {
    pub list: Option<Rect>,
    /// The matrix, and whether it is the pane (asked for with `v`) or beside the list.
    pub matrix: Option<(Rect, bool)>,
}

pub fn solutions(ui: &SessionUi, area: Rect) -> Solutions {
    // An idea being typed needs the list, where its field is.
    let typing = ui
        .editor
        .as_ref()
        .is_some_and(|e| e.target.pane() == Pane::Ideas && !matches!(e.target, Target::Text(_)));
    let matrix_asked = ui.tech.alt_view.contains(&Pane::Ideas) && !typing;
    if area.width >= MATRIX_BESIDE_MIN_WIDTH && !matrix_asked {
        let [list, matrix] =
            Layout::horizontal([Constraint::Percentage(52), Constraint::Percentage(48)])
                .areas(area);
        Solutions {
            list: Some(list),
            matrix: Some((matrix, false)),
        }
    } else if matrix_asked {
        Solutions {
            list: None,
            matrix: Some((area, true)),
        }
    } else {
        Solutions {
            list: Some(area),
            matrix: None,
        }
    }
}

/// The lines of the selected idea's text in a list `width` columns wide (inside the borders
/// and the selection mark), after its number (`num_w` digits).
pub fn idea_lines(text: &str, width: usize, num_w: usize) -> Vec<String> {
    let indent = 2 + num_w + 2;
    wrap(&one_line(text), width.saturating_sub(indent).max(10))
}

/// Closing: the members (commitments and usefulness) on the left (above, when narrow), and
/// a column of the comments, the next meeting and the private notes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Closing {
    pub members: Rect,
    pub right: Rect,
    /// The comments, the next date, place and topic, and the private notes, in that order.
    pub column: Vec<Slot>,
    /// The private notes as the column shows them (hidden in the demo unless focused).
    pub notes: String,
}

pub fn closing(model: &Model, ui: &SessionUi, area: Rect) -> Closing {
    let ses = &ui.session;
    let (left, right) = if area.width >= 70 {
        let [l, r] = Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)])
            .areas(area);
        (l, r)
    } else {
        let [l, r] =
            Layout::vertical([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(area);
        (l, r)
    };
    let next = &ses.closing.next;
    let date = next.date.map(crate::dates::show).unwrap_or_default();
    let w = right.width;
    // The demo is run in front of a class: the advisor's notes show there only once their
    // pane is chosen, so that the session as it opens is safe to project.
    let notes =
        if model.demo && ui.pane() != Pane::PrivateNotes && !ses.closing.private_notes.is_empty() {
            "•••".to_string()
        } else {
            ses.closing.private_notes.clone()
        };
    // The long texts need two rows at least to be boxes worth drawing.
    let items = [
        Want {
            min: 4,
            ..text_wish(ui, Pane::Comments, &ses.closing.comments, w, 8)
        },
        text_wish(ui, Pane::NextDate, &date, w, 3),
        text_wish(ui, Pane::NextPlace, &next.place, w, 4),
        text_wish(ui, Pane::NextTopic, &next.topic, w, 4),
        Want {
            min: 4,
            ..text_wish(ui, Pane::PrivateNotes, &notes, w, 3)
        },
    ];
    Closing {
        members: left,
        right,
        column: stack(ui, &items, right),
        notes,
    }
}

/// The action plan's pane: the table (its header on the first line), and the selected action
/// written out below it after a rule, when there is room.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plan {
    /// Inside the pane's borders.
    pub inner: Rect,
    pub table: Rect,
    pub rule: Rect,
    pub detail: Rect,
}

/// The table keeps its header and at least three rows; the detail takes what is left, up to
/// all it has to say, after a rule. The detail follows the table's last row; a tall screen
/// leaves the rest empty below.
pub fn plan(ui: &SessionUi, area: Rect) -> Plan {
    let inner = Block::bordered().inner(area);
    let actions = &ui.session.plan.actions;
    let n = actions.len();
    let rows = ui.rows(Pane::Actions);
    let detail = (rows.get(ui.selection_among(Pane::Actions, rows.len())))
        .and_then(|id| actions.iter().find(|a| &a.id == id))
        .map_or(0, |a| action_detail(ui, a, inner.width as usize).lines());
    let table_want = 1 + n as u16;
    let room = inner.height.saturating_sub(table_want.min(4) + 1);
    let detail_h = if inner.height >= 8 {
        (detail as u16).min(room)
    } else {
        0
    };
    let table_h = (inner.height - detail_h - u16::from(detail_h > 0)).min(table_want);
    let [table, rule, detail, _] = Layout::vertical([
        Constraint::Length(table_h),
        Constraint::Length(u16::from(detail_h > 0)),
        Constraint::Length(detail_h),
        Constraint::Min(0),
    ])
    .areas(inner);
    Plan {
        inner,
        table,
        rule,
        detail,
    }
}

/// What the plan writes out about the selected action below its table, a line each: its
/// text wrapped, who and by when, then its means, its indicator and the idea it comes from
/// when it has them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionDetail {
    pub what: Vec<String>,
    pub means: bool,
    pub indicator: bool,
    /// The idea's place among the ideas.
    pub idea: Option<usize>,
}

impl ActionDetail {
    pub fn lines(&self) -> usize {
        self.what.len()
            + 1
            + usize::from(self.means)
            + usize::from(self.indicator)
            + usize::from(self.idea.is_some())
    }
}

/// The selected action's detail in `width` columns.
pub fn action_detail(ui: &SessionUi, a: &crate::model::Action, width: usize) -> ActionDetail {
    let idea = (a.idea.as_ref())
        .and_then(|id| ui.session.solutions.ideas.iter().position(|i| &i.id == id));
    ActionDetail {
        what: wrap(&one_line(&a.what), width),
        means: !a.means.is_empty(),
        indicator: !a.indicator.is_empty(),
        idea,
    }
}

// ---------------------------------------------------------------------------------------
// Lists

/// Where a list pane drawn in `area` (its box) puts its rows, inside the borders, and
/// below them the field being typed in it or the line of its draft (empty without either).
pub fn list_parts(ui: &SessionUi, pane: Pane, area: Rect) -> (Rect, Rect) {
    let inner = Block::bordered().inner(area);
    let editing = editor_here(ui, pane).filter(|e| !matches!(e.target, Target::Text(_)));
    match editing {
        Some(e) => field_place(e, area, inner),
        None => {
            let draft = ui
                .session
                .drafts
                .contains_key(&Target::New(pane).draft_key());
            let [rows, bottom] =
                Layout::vertical([Constraint::Min(0), Constraint::Length(u16::from(draft))])
                    .areas(inner);
            (rows, bottom)
        }
    }
}

/// A list pane on screen: where its rows go, how many lines each of them takes, and the row
/// to keep in sight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct List {
    pub pane: Pane,
    pub rows: Rect,
    pub heights: Vec<usize>,
    pub selected: usize,
}

/// The list panes of the session on screen, for the model's terminal size. None for
/// another screen, the presenter view (its own layout) or a terminal too small to draw.
/// (The causes' fishbone scrolls its own way.)
pub fn lists(model: &Model) -> Vec<List> {
    let Screen::Session(ui) = &model.screen else {
        return Vec::new();
    };
    if ui.presenter {
        return Vec::new();
    }
    let Some(frame) = frame::frame(model, frame::terminal(model)) else {
        return Vec::new();
    };
    let content = areas(ui, frame.body).content;
    let mut boxes: Vec<(Pane, Rect)> = Vec::new();
    let mut tree = None;
    match ui.phase() {
        PhaseKind::CheckIn => {
            let c = check_in(model, ui, content);
            boxes.push((Pane::Attendance, c.attendance));
            if let Some(Slot::Box(r)) = c.column.first() {
                boxes.push((Pane::Guests, *r));
            }
        }
        PhaseKind::FollowUp => {
            let [reviews, plan] = follow_up(ui, content);
            boxes.extend([(Pane::Reviews, reviews), (Pane::PlanReview, plan)]);
        }
        PhaseKind::NeedEmergence => boxes.extend(
            needs(ui, content)
                .panes
                .into_iter()
                .filter(|(p, _)| *p != Pane::Themes),
        ),
        PhaseKind::ProblemReflection => {
            let place = problem(model, ui, content);
            for (pane, slot) in &place.column {
                if let (Pane::Effects | Pane::Concerned, Slot::Box(r)) = (*pane, *slot) {
                    boxes.push((*pane, r));
                }
            }
            tree = cause_tree(model, ui, &place);
        }
        PhaseKind::SolutionSearch => {
            boxes.extend(solutions(ui, content).list.map(|r| (Pane::Ideas, r)))
        }
        PhaseKind::ActionPlan => {
            // The table's rows, below its header, one line each.
            let table = plan(ui, content).table;
            let rows = Rect {
                y: table.y + 1.min(table.height),
                height: table.height.saturating_sub(1),
                ..table
            };
            let n = ui.session.plan.actions.len();
            return vec![List {
                pane: Pane::Actions,
                rows,
                heights: vec![1; n],
                selected: ui.selection_among(Pane::Actions, n),
            }];
        }
        PhaseKind::Closing => {
            boxes.push((Pane::ClosingMembers, closing(model, ui, content).members))
        }
    }
    boxes
        .into_iter()
        .map(|(pane, area)| {
            let heights = heights(ui, pane, area);
            List {
                pane,
                rows: list_parts(ui, pane, area).0,
                selected: ui.selection_among(pane, heights.len()),
                heights,
            }
        })
        .chain(tree)
        .collect()
}

/// The cause tree as a list, when it is drawn: its rows are the causes and those being
/// typed, each one line but the selected cause, whole (see `layout::tree`). (The fishbone
/// scrolls its own way.)
fn cause_tree(model: &Model, ui: &SessionUi, place: &Problem) -> Option<List> {
    let by_category = ui.tech.alt_view.contains(&Pane::Causes);
    let (area, navigates) = match place.causes {
        Causes::Both { tree, .. } => (tree, !by_category),
        _ if by_category => return None,
        Causes::One(r) => (r, true),
        Causes::InColumn => match place.column.iter().find(|(p, _)| *p == Pane::Causes) {
            Some((_, Slot::Box(r))) => (*r, true),
            _ => return None,
        },
    };
    let rows = list_parts(ui, Pane::Causes, area).0;
    let (heights, selected) = super::tree::measure(model, ui, navigates, rows.width as usize);
    Some(List {
        pane: Pane::Causes,
        rows,
        heights,
        selected,
    })
}

/// How many lines each row of a list pane drawn in `area` takes, as the view builds them.
fn heights(ui: &SessionUi, pane: Pane, area: Rect) -> Vec<usize> {
    let ses = &ui.session;
    let members = |p: Pane| {
        p.rows(ses)
            .iter()
            .filter(|id| ses.group.member(id).is_some())
            .count()
    };
    match pane {
        // Two lines: the action, then where it comes from.
        Pane::Reviews => vec![2; ses.followup.reviews.len()],
        Pane::PlanReview => vec![2; ses.plan_reviews().len()],
        // Two lines, the selected idea's text whole.
        Pane::Ideas => {
            let ideas = &ses.solutions.ideas;
            let selected = ui.selection(Pane::Ideas);
            let width = area.width.saturating_sub(4) as usize;
            let num_w = ideas.len().to_string().len();
            (ideas.iter().enumerate())
                .map(|(n, idea)| match n == selected {
                    true => idea_lines(&idea.text, width, num_w).len() + 2,
                    false => 2,
                })
                .collect()
        }
        Pane::Effects => effect_rows(ui, area.width, area.height.saturating_sub(2) as usize)
            .iter()
            .map(Vec::len)
            .collect(),
        Pane::Attendance => vec![1; members(Pane::Attendance)],
        Pane::ClosingMembers => vec![1; members(Pane::ClosingMembers)],
        Pane::Guests => vec![1; ses.checkin.guests.len()],
        Pane::Votes => vec![1; ui.vote_rows().len()],
        _ => vec![1; pane.rows(ses).len()],
    }
}
