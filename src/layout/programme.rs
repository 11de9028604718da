//! Where the programme screen puts its header, its charts and its table. The charts take
//! what the table leaves them and shrink or drop as the terminal gets smaller: two rows of
//! charts (attendance by month and actions, then needs by category and sessions by month)
//! when there is room, one row (attendance and actions; all four side by side from 120
//! columns) when there is less, none below that (the table and the header always show).
//! The view draws in these rectangles, and `update` scrolls the table with them
//! ([`table_rows`]).

use super::frame;
use crate::ui::{Model, ProgrammeUi, Screen};
use ratatui::layout::{Constraint, Layout, Rect};

/// The charts of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chart {
    Attendance,
    Actions,
    Needs,
    Sessions,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Areas {
    /// The period and the grouping, a line each.
    pub period: Rect,
    pub grouping: Rect,
    /// What is under the header: the charts and the table, or the line that says the
    /// figures are being counted.
    pub figures: Rect,
    /// Each chart shown, with its box.
    pub charts: Vec<(Chart, Rect)>,
    /// The table's column heads and the whole period's row, a line each.
    pub head: Rect,
    pub total: Rect,
    /// The rows of the grouping, one line each (none without a grouping).
    pub table: Rect,
}

/// The fewest rows of the grouping the table keeps before charts take any room.
const TABLE_ROWS_KEPT: u16 = 3;
/// From this width the four charts go side by side on one row.
const WIDE: u16 = 120;
/// The least height of a row of charts (box included), and the most.
const CHART_MIN: u16 = 6;
const CHART_MAX: u16 = 12;

/// The screen in `area` (the body of the frame), for the rows the table has.
pub fn areas(ui: &ProgrammeUi, today: chrono::NaiveDate, area: Rect) -> Areas {
    let rows = ui.rows(today) as u16;
    let [period, grouping, figures] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(area);
    let table_kept = 2 + rows.min(TABLE_ROWS_KEPT);
    let room = figures.height.saturating_sub(table_kept);
    let wide = area.width >= WIDE;
    let heights: Vec<u16> = if !wide && room >= 2 * CHART_MIN + 2 {
        let first = (room / 2).min(CHART_MAX);
        vec![first, (room - first).min(CHART_MAX - 2)]
    } else if room >= CHART_MIN {
        vec![room.min(if wide { CHART_MAX + 4 } else { CHART_MAX })]
    } else {
        Vec::new()
    };
    let charts_height: u16 = heights.iter().sum();
    let [charts_area, head, total, table] = Layout::vertical([
        Constraint::Length(charts_height),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(figures);
    let mut charts = Vec::new();
    let mut y = charts_area.y;
    let rows_of_charts: &[&[Chart]] = match heights.len() {
        2 => &[
            &[Chart::Attendance, Chart::Actions],
            &[Chart::Needs, Chart::Sessions],
        ],
        1 if wide => &[&[
            Chart::Attendance,
            Chart::Actions,
            Chart::Needs,
            Chart::Sessions,
        ]],
        1 => &[&[Chart::Attendance, Chart::Actions]],
        _ => &[],
    };
    for (kinds, &h) in rows_of_charts.iter().zip(&heights) {
        let row = Rect {
            y,
            height: h,
            ..charts_area
        };
        y += h;
        let constraints: Vec<Constraint> = kinds
            .iter()
            .map(|k| match k {
                Chart::Attendance | Chart::Needs => Constraint::Fill(3),
                Chart::Actions | Chart::Sessions => Constraint::Fill(2),
            })
            .collect();
        let cells = Layout::horizontal(constraints).split(row);
        charts.extend(kinds.iter().copied().zip(cells.iter().copied()));
    }
    Areas {
        period,
        grouping,
        figures,
        charts,
        head,
        total,
        table,
    }
}

/// The lines the programme screen's table shows, for the model's terminal size; `None` on
/// another screen or on a terminal too small to draw.
pub fn table_rows(model: &Model) -> Option<usize> {
    let Screen::Programme(ui) = &model.screen else {
        return None;
    };
    let frame = frame::frame(model, frame::terminal(model))?;
    Some(usize::from(areas(ui, model.today, frame.body).table.height))
}
