//! The group timeline: a header (group, trade, region, sessions and their dates), tabs, and
//! one of three panes — the attendance grid, the action tracker with the selected action in
//! full below it, the needs that came back. Every mark has a symbol and a legend: meaning
//! never rests on colour alone.

mod actions;

use super::common::{column, fit, muted, styled};
use crate::dates;
use crate::i18n::fill;
use crate::layout;
use crate::layout::text::display_width;
use crate::timeline::Cell;
use crate::ui::{
    ACTIVE_COL, EXCUSED_COL, Grid, MARK, Model, NeedRow, RATE_COL, SESSION_COL, TimelinePane,
    TimelineUi,
};
use chrono::{Datelike, NaiveDate};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, StatefulWidget, Widget};
use strum::VariantArray;

pub fn render(model: &Model, ui: &TimelineUi, area: Rect, buf: &mut Buffer) {
    let ts = model.strings().timeline;
    let t = &model.theme;
    let w = area.width as usize;
    let place = layout::timeline::areas(ui, area);
    let (name, about, tabs, skipped, pane) = (
        place.name,
        place.about,
        place.tabs,
        place.skipped,
        place.pane,
    );
    header(model, ui, name, about, buf);
    tab_line(model, ui, tabs, buf);
    if ui.skipped > 0 {
        let text = ts.skipped.n(ui.skipped);
        fit(Line::from(styled(text, t.warning)), w).render(skipped, buf);
    }
    match ui.pane {
        TimelinePane::Attendance => attendance(model, ui, pane, buf),
        TimelinePane::Actions => actions::render(model, ui, pane, buf),
        TimelinePane::Needs => needs(model, ui, pane, buf),
    }
}

fn header(model: &Model, ui: &TimelineUi, name: Rect, about: Rect, buf: &mut Buffer) {
    let ts = model.strings().timeline;
    let t = &model.theme;
    let line = Line::from(vec![
        styled(format!(" {} ", ts.title), t.key),
        styled(ui.group.name.clone(), t.title),
    ]);
    fit(line, name.width as usize).render(name, buf);
    let sessions = &ui.attendance.sessions;
    let count = ts.sessions.n(sessions.len());
    // What the timeline covers first; the trade, often long, last where it may be cut.
    let mut parts = vec![count];
    if let (Some(first), Some(last)) = (sessions.first(), sessions.last()) {
        parts.push(fill(
            ts.span,
            &[&dates::show(first.date), &dates::show(last.date)],
        ));
    }
    parts.extend(
        [ui.group.region.name(), ui.group.trade.as_str()]
            .into_iter()
            .filter(|p| !p.trim().is_empty())
            .map(str::to_string),
    );
    let line = Line::from(muted(model, format!(" {}", parts.join(" · "))));
    fit(line, about.width as usize).render(about, buf);
}

/// The three panes by name, the one shown reversed and in brackets.
fn tab_line(model: &Model, ui: &TimelineUi, area: Rect, buf: &mut Buffer) {
    let ts = model.strings().timeline;
    let t = &model.theme;
    let needs = ui.categories.len() + ui.themes.len();
    let mut spans = vec![Span::raw(" ")];
    for &p in TimelinePane::VARIANTS {
        let label = match p {
            TimelinePane::Attendance => ts.pane_attendance.to_string(),
            TimelinePane::Actions => fill(ts.pane_actions, &[&ui.actions.len()]),
            TimelinePane::Needs => fill(ts.pane_needs, &[&needs]),
        };
        // Brackets as well as reversed: the pane shown reads without colour.
        if p == ui.pane {
            spans.push(styled(format!("[{label}]"), t.selected.patch(t.title)));
        } else {
            spans.push(muted(model, format!(" {label} ")));
        }
    }
    fit(Line::from(spans), area.width as usize).render(area, buf);
}

/// A selectable list of rows, the selection reversed and marked, from the first row `update`
/// keeps for it (see `layout::scroll`).
fn list(
    model: &Model,
    rows: Vec<Line<'static>>,
    (sel, offset): (usize, usize),
    area: Rect,
    buf: &mut Buffer,
) {
    let w = (area.width as usize).saturating_sub(MARK);
    let n = rows.len();
    let items: Vec<ListItem> = rows.into_iter().map(|l| ListItem::new(fit(l, w))).collect();
    let mut state = ListState::default()
        .with_offset(offset)
        .with_selected((n > 0).then(|| sel.min(n - 1)));
    StatefulWidget::render(
        List::new(items)
            .highlight_style(model.theme.selected)
            .highlight_symbol("▶ "),
        area,
        buf,
        &mut state,
    );
}

/// A text padded on the left to `width` columns, then a space.
fn right(text: &str, width: usize) -> String {
    let pad = width.saturating_sub(display_width(text));
    format!(
        "{}{} ",
        " ".repeat(pad),
        crate::layout::text::clip(text, width)
    )
}

/// A text centred in `width` columns, then a space.
fn centred(text: &str, width: usize) -> String {
    let text = crate::layout::text::clip(text, width);
    let room = width.saturating_sub(display_width(&text));
    let left = room / 2;
    format!("{}{text}{} ", " ".repeat(left), " ".repeat(room - left))
}

fn short_date(d: NaiveDate) -> String {
    format!("{:02}/{:02}", d.day(), d.month())
}

// ---------------------------------------------------------------------------------------
// Attendance

fn attendance(model: &Model, ui: &TimelineUi, area: Rect, buf: &mut Buffer) {
    let ts = model.strings().timeline;
    let t = &model.theme;
    let w = area.width as usize;
    let table = &ui.attendance;
    let grid = ui.grid(area.width, display_width);
    let n = table.sessions.len();
    let place = layout::timeline::attendance(ui, area);
    let (hints, head, dates_row, rows, totals_row, detail_row, legend, rule_row) = (
        place.hints,
        place.head,
        place.dates,
        place.members,
        place.totals,
        place.detail,
        place.legend,
        place.rule,
    );
    if grid.shown < n {
        hidden_sessions(model, grid, n, hints, buf);
    }
    let shown = &table.sessions[grid.first..grid.first + grid.shown];
    let cols = SESSION_COL - 1;
    let mut top = vec![
        Span::raw(" ".repeat(MARK)),
        styled(column(ts.col_member, grid.name), t.title),
    ];
    let mut under = vec![Span::raw(" ".repeat(MARK + grid.name + 1))];
    for s in shown {
        top.push(styled(
            centred(&fill(ts.session_col, &[&s.number]), cols),
            t.title,
        ));
        under.push(muted(model, centred(&short_date(s.date), cols)));
    }
    for (label, width) in [
        (ts.col_rate, RATE_COL),
        (ts.col_excused, EXCUSED_COL),
        (ts.col_active, ACTIVE_COL),
    ] {
        top.push(styled(right(label, width - 1), t.title));
    }
    fit(Line::from(top), w).render(head, buf);
    fit(Line::from(under), w).render(dates_row, buf);

    if table.members.is_empty() {
        fit(Line::from(muted(model, ts.no_members)), w).render(rows, buf);
    }
    // Who is close to the group's attendance rule or past it: marked, for the group to
    // discuss (the selected member's count is said below).
    let standings = crate::life::standings(&ui.group, table);
    let standing = |id: &crate::model::Id| {
        let counts = standings.iter().flat_map(|r| r.counts.iter());
        let mine: Vec<_> = counts.filter(|(m, _)| m == id).map(|(_, c)| *c).collect();
        mine.iter().find(|c| c.reached()).or(mine.first()).copied()
    };
    let lines: Vec<Line<'static>> = table
        .members
        .iter()
        .map(|r| {
            let name = match standing(&r.member.id) {
                Some(c) if c.reached() => styled(
                    column(&format!("⚠ {}", r.member.name), grid.name),
                    t.warning,
                ),
                Some(_) => styled(
                    column(&format!("⚠ {}", r.member.name), grid.name),
                    t.current,
                ),
                None => Span::raw(column(&r.member.name, grid.name)),
            };
            let mut spans = vec![name];
            for c in &r.cells[grid.first..grid.first + grid.shown] {
                let (mark, style) = cell_mark(model, *c);
                spans.push(styled(centred(mark, cols), style));
            }
            let rate = r.rate().map_or_else(
                || "—".to_string(),
                |x| fill(ts.percent, &[&((x * 100.0).round() as u32)]),
            );
            spans.push(Span::raw(right(&rate, RATE_COL - 1)));
            spans.push(Span::raw(right(&r.excused.to_string(), EXCUSED_COL - 1)));
            let (word, style) = if r.active {
                (ts.active_yes, t.done)
            } else {
                (ts.active_no, t.muted)
            };
            spans.push(styled(right(word, ACTIVE_COL - 1), style));
            Line::from(spans)
        })
        .collect();
    list(model, lines, (ui.member_sel, ui.member_scroll), rows, buf);

    // Present at each session, of the members then.
    let mut sums = vec![
        Span::raw(" ".repeat(MARK)),
        styled(column(ts.present_total, grid.name), t.title),
    ];
    for i in grid.first..grid.first + grid.shown {
        let cells = table.members.iter().map(|r| r.cells[i]);
        let members = cells.clone().filter(|c| c.is_member()).count();
        let present = cells.filter(|c| *c == Cell::Present).count();
        sums.push(styled(
            centred(&format!("{present}/{members}"), cols),
            t.title,
        ));
    }
    fit(Line::from(sums), w).render(totals_row, buf);
    let sel = ui.member_sel.min(table.members.len().saturating_sub(1));
    if let Some(r) = table.members.get(sel) {
        let mut parts = vec![fill(
            ts.member_detail,
            &[
                &r.member.name,
                &r.present,
                &r.sessions,
                &r.excused,
                &r.absent,
            ],
        )];
        if let Some(d) = r.member.joined {
            parts.push(fill(ts.joined, &[&dates::show(d)]));
        }
        if let Some(d) = r.member.left {
            parts.push(fill(ts.left, &[&dates::show(d)]));
        }
        if let Some(c) = standing(&r.member.id) {
            let d = model.strings().decisions;
            let n = d.absences.n(c.absences as usize);
            let text = if c.reached() {
                d.rule_past
            } else {
                d.rule_close
            };
            parts.push(fill(text, &[&n]));
        }
        fit(Line::from(format!(" {}", parts.join(" · "))), w).render(detail_row, buf);
    }
    fit(Line::from(muted(model, ts.legend_attendance)), w).render(legend, buf);
    fit(Line::from(muted(model, ts.active_rule)), w).render(rule_row, buf);
}

/// The sessions scrolled out of the grid, on each side, with the keys that show them.
fn hidden_sessions(model: &Model, grid: Grid, n: usize, area: Rect, buf: &mut Buffer) {
    let ts = model.strings().timeline;
    let w = area.width as usize;
    let earlier = grid.first;
    let later = n - grid.first - grid.shown;
    let left = if earlier > 0 {
        ts.earlier_hidden.n(earlier)
    } else {
        String::new()
    };
    let right = if later > 0 {
        ts.later_hidden.n(later)
    } else {
        String::new()
    };
    let gap = w.saturating_sub(display_width(&left) + display_width(&right) + 1);
    let line = Line::from(vec![
        styled(format!(" {left}"), model.theme.key),
        Span::raw(" ".repeat(gap)),
        styled(right, model.theme.key),
    ]);
    fit(line, w).render(area, buf);
}

fn cell_mark(model: &Model, c: Cell) -> (&'static str, Style) {
    let t = &model.theme;
    match c {
        Cell::Present => ("✓", t.done),
        Cell::Excused => ("~", t.current),
        Cell::Absent => ("✗", t.error),
        Cell::Unrecorded => ("?", t.muted),
        Cell::NotYet | Cell::Left => ("", t.base),
    }
}

// ---------------------------------------------------------------------------------------
// Recurring needs

fn needs(model: &Model, ui: &TimelineUi, area: Rect, buf: &mut Buffer) {
    let ts = model.strings().timeline;
    let t = &model.theme;
    let w = area.width as usize;
    let label_w = (w / 2).clamp(10, 36);
    let numbers = |sessions: &[u32]| {
        let list: Vec<String> = sessions
            .iter()
            .map(|n| fill(ts.session_col, &[n]))
            .collect();
        ts.in_sessions
            .fill(sessions.len(), &[&sessions.len(), &list.join(" ")])
    };
    let rows = ui.need_rows();
    let first = ui
        .needs_scroll
        .min(ui.needs_scroll_max(area.height as usize));
    for (y, row) in rows
        .iter()
        .skip(first)
        .take(area.height as usize)
        .enumerate()
    {
        let line = match *row {
            NeedRow::CategoryHeading => Line::from(styled(
                format!(" {}", fill(ts.by_category, &[&ui.categories.len()])),
                t.key,
            )),
            NeedRow::ThemeHeading => Line::from(styled(
                format!(" {}", fill(ts.by_theme, &[&ui.themes.len()])),
                t.key,
            )),
            NeedRow::Category(i) => {
                let c = &ui.categories[i];
                let label = ui
                    .method
                    .need_category(&c.category)
                    .map_or(c.category.as_str(), |x| x.label.get(model.lang));
                Line::from(vec![
                    Span::raw("   "),
                    styled(column(label, label_w), t.title),
                    Span::raw(numbers(&c.sessions)),
                ])
            }
            NeedRow::Theme(i) => {
                let th = &ui.themes[i];
                let title = th.titles.first().map_or("", String::as_str);
                Line::from(vec![
                    Span::raw("   "),
                    styled(column(title, label_w), t.title),
                    Span::raw(numbers(&th.sessions)),
                ])
            }
            NeedRow::AlsoTitled(i) => {
                let others = ui.themes[i].titles[1..].join(" · ");
                Line::from(muted(
                    model,
                    format!("     {}", fill(ts.also_titled, &[&others])),
                ))
            }
            NeedRow::NoCategory => Line::from(muted(model, format!("   {}", ts.none_category))),
            NeedRow::NoTheme => Line::from(muted(model, format!("   {}", ts.none_theme))),
            NeedRow::Blank => Line::default(),
        };
        let at = Rect {
            y: area.y + y as u16,
            height: 1,
            ..area
        };
        fit(line, w).render(at, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::method::Method;
    use crate::ui::Screen;

    /// The screen calls this view only from 60×16 up; drawn straight into any smaller area
    /// (a layout change, a popup), it still must not panic.
    #[test]
    fn every_pane_draws_into_any_area_without_a_panic() {
        let now = chrono::Utc::now();
        let mut sessions = crate::sample::series(now, 3);
        // Wide characters to measure in the narrowest columns: the series has Arabic names.
        sessions[0].group.members[0].name.push_str(" \u{1f9f5}");
        let mut ui = TimelineUi::new(Screen::Home, &sessions, 2, now.date_naive());
        let model = crate::ui::Model::new(Lang::Fr, Method::builtin(), ".".into(), now, 1);
        for &pane in TimelinePane::VARIANTS {
            ui.pane = pane;
            for first in [None, Some(0), Some(5)] {
                ui.first_session = first;
                ui.action_sel = 99;
                ui.member_sel = 99;
                ui.needs_scroll = 99;
                for w in [0, 1, 2, 5, 10, 20, 30, 45, 59, 60, 61, 80, 90] {
                    for h in [0, 1, 2, 3, 4, 5, 8, 9, 12, 14, 16, 20, 26] {
                        let area = Rect::new(0, 0, w, h);
                        let mut buf = Buffer::empty(Rect::new(0, 0, 90, 26));
                        render(&model, &ui, area, &mut buf);
                    }
                }
            }
        }
    }
}
