//! The programme screen's charts, with ratatui's own widgets: the attendance rate by month
//! (a `BarChart`, months grouped by year, each bar with its rate written on it), the actions
//! done, open and overdue (a horizontal `BarChart` against the actions decided, each bar's
//! label with its count and share), the needs by category (a horizontal `BarChart`, each
//! category with its count in its label) and the sessions by
//! month (a `Sparkline`, with the busiest month written under it). Meaning never rests on
//! colour: every bar says what it is and how much.

use super::{chart_block, count, empty, percent};
use crate::layout::programme::Chart;
use crate::layout::text::{clip, display_width};
use crate::report::Report;
use crate::ui::Model;
use ratatui::buffer::Buffer;
use ratatui::layout::{Direction, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Bar, BarChart, BarGroup, Paragraph, Sparkline, Widget};

/// The attendance bars: wide enough for "100 %" written on them.
const MONTH_BAR: u16 = 5;
const BAR_GAP: u16 = 1;
const YEAR_GAP: u16 = 2;

pub fn render(model: &Model, r: &Report, charts: &[(Chart, Rect)], buf: &mut Buffer) {
    for &(chart, area) in charts {
        match chart {
            Chart::Attendance => attendance(model, r, area, buf),
            Chart::Actions => actions(model, r, area, buf),
            Chart::Needs => needs(model, r, area, buf),
            Chart::Sessions => sessions(model, r, area, buf),
        }
    }
}

/// A value written on its bar: the bar's own colour behind it.
fn on_bar(style: Style) -> Style {
    style.add_modifier(Modifier::REVERSED)
}

/// The width the months take as ratatui lays them out: each year's bars, then a gap
/// between years.
fn months_width(months: &[(i32, u32)]) -> u16 {
    let mut years: Vec<(i32, u16)> = Vec::new();
    for (y, _) in months {
        match years.last_mut() {
            Some((last, n)) if last == y => *n += 1,
            _ => years.push((*y, 1)),
        }
    }
    let bars: u16 = years
        .iter()
        .map(|(_, n)| n * MONTH_BAR + (n - 1) * BAR_GAP)
        .sum();
    bars + (years.len() as u16).saturating_sub(1) * (YEAR_GAP + BAR_GAP)
}

fn attendance(model: &Model, r: &Report, area: Rect, buf: &mut Buffer) {
    let p = model.strings().programme;
    let t = &model.theme;
    let inner = chart_block(model, String::new()).inner(area);
    let months: Vec<((i32, u32), usize, usize)> = r
        .by_month
        .iter()
        .map(|(m, f)| (*m, f.present, f.expected()))
        .collect();
    // The latest months that fit (ratatui draws the first ones and drops the rest).
    let mut first = 0;
    let keys: Vec<(i32, u32)> = months.iter().map(|m| m.0).collect();
    while first < keys.len() && months_width(&keys[first..]) >= inner.width {
        first += 1;
    }
    let shown = &months[first..];
    let title = if first > 0 {
        crate::i18n::fill(p.attendance_last, &[&shown.len()])
    } else {
        p.attendance_by_month.to_string()
    };
    let block = chart_block(model, title);
    block.render(area, buf);
    if !months.iter().any(|m| m.2 > 0) {
        empty(model, p.no_attendance, inner, buf);
        return;
    }
    let mut groups: Vec<BarGroup> = Vec::new();
    let mut year: Option<(i32, Vec<Bar>)> = None;
    for &((y, m), present, expected) in shown {
        let rate = if expected == 0 {
            0
        } else {
            (present as f64 * 100.0 / expected as f64).round() as u64
        };
        let bar = Bar::default()
            .value(rate)
            .text_value(percent(model, present, expected))
            .label(Line::from(format!("{m:02}")));
        match &mut year {
            Some((yy, bars)) if *yy == y => bars.push(bar),
            _ => {
                if let Some((yy, bars)) = year.take() {
                    groups.push(BarGroup::new(bars).label(Line::from(yy.to_string())));
                }
                year = Some((y, vec![bar]));
            }
        }
    }
    if let Some((yy, bars)) = year {
        groups.push(BarGroup::new(bars).label(Line::from(yy.to_string())));
    }
    let mut chart = BarChart::default()
        .bar_width(MONTH_BAR)
        .bar_gap(BAR_GAP)
        .group_gap(YEAR_GAP)
        .max(100)
        .bar_style(t.ok)
        .value_style(on_bar(t.ok))
        .label_style(t.base);
    for g in groups {
        chart = chart.data(g);
    }
    chart.render(inner, buf);
}

fn actions(model: &Model, r: &Report, area: Rect, buf: &mut Buffer) {
    let p = model.strings().programme;
    let t = &model.theme;
    let f = &r.total;
    let block = chart_block(
        model,
        p.actions.fill(f.planned, &[&count(model, f.planned)]),
    );
    let inner = block.inner(area);
    block.render(area, buf);
    if f.planned == 0 {
        empty(model, p.no_actions, inner, buf);
        return;
    }
    let bars = [
        (p.bar_done, f.done, t.ok),
        (p.bar_open, f.open(), t.key),
        (p.bar_overdue, f.overdue, t.error),
    ];
    // Each bar labelled with what it counts and how many, with its share of the actions
    // decided where the box has room for it; the labels aligned.
    let share = |n: usize| format!("{} ({})", count(model, n), percent(model, n, f.planned));
    let with_share = bars
        .iter()
        .map(|b| display_width(b.0) + 1 + display_width(&share(b.1)))
        .max()
        .unwrap_or(0);
    let value = |n: usize| {
        if with_share + 8 <= usize::from(inner.width) {
            share(n)
        } else {
            count(model, n)
        }
    };
    let words = bars.iter().map(|b| display_width(b.0)).max().unwrap_or(0);
    let values = bars
        .iter()
        .map(|b| display_width(&value(b.1)))
        .max()
        .unwrap_or(0);
    let words = words.min(usize::from(inner.width).saturating_sub(values + 1 + 4));
    // Thicker bars when the box is tall: three bars and the gaps between them.
    let thick = (inner.height.saturating_sub(2) / 3).clamp(1, 3);
    let bars: Vec<Bar> = bars
        .into_iter()
        .map(|(word, n, style)| {
            let word = clip(word, words);
            let v = value(n);
            let pad = (words + 1 + values).saturating_sub(display_width(&word) + display_width(&v));
            Bar::default()
                .value(n as u64)
                .text_value(String::new())
                .label(Line::from(format!("{word}{}{v}", " ".repeat(pad))))
                .style(style)
        })
        .collect();
    BarChart::default()
        .direction(Direction::Horizontal)
        .bar_width(thick)
        .bar_gap(1)
        .max(f.planned as u64)
        .label_style(t.base)
        .data(BarGroup::new(bars))
        .render(inner, buf);
}

fn needs(model: &Model, r: &Report, area: Rect, buf: &mut Buffer) {
    let p = model.strings().programme;
    let t = &model.theme;
    let block = chart_block(model, p.needs_by_category.to_string());
    let inner = block.inner(area);
    block.render(area, buf);
    let categories = &r.total.categories;
    if categories.is_empty() {
        empty(model, model.strings().report.no_needs, inner, buf);
        return;
    }
    // The labels half the box at most, each with its count after it, aligned.
    let shown: Vec<(&str, String, u64)> = categories
        .iter()
        .take(usize::from(inner.height))
        .map(|c| {
            let name = crate::report::category_label(&c.key, &model.method, model.lang);
            (name, count(model, c.themes), c.themes as u64)
        })
        .collect();
    let counts = shown.iter().map(|c| display_width(&c.1)).max().unwrap_or(0);
    let names = shown.iter().map(|c| display_width(c.0)).max().unwrap_or(0);
    let names = names.min(usize::from(inner.width / 2).saturating_sub(counts + 1));
    let bars: Vec<Bar> = shown
        .into_iter()
        .map(|(name, n, value)| {
            let name = clip(name, names);
            let pad = (names + 1 + counts).saturating_sub(display_width(&name) + display_width(&n));
            Bar::default()
                .value(value)
                .text_value(String::new())
                .label(Line::from(format!("{name}{}{n}", " ".repeat(pad))))
        })
        .collect();
    BarChart::default()
        .direction(Direction::Horizontal)
        .bar_width(1)
        .bar_gap(0)
        .bar_style(t.key)
        .label_style(t.base)
        .data(BarGroup::new(bars))
        .render(inner, buf);
}

fn sessions(model: &Model, r: &Report, area: Rect, buf: &mut Buffer) {
    let p = model.strings().programme;
    let t = &model.theme;
    let block = chart_block(model, p.sessions_by_month.to_string());
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    // Every month from the first to the last, those without a session at nought.
    let mut months: Vec<((i32, u32), usize)> = Vec::new();
    for (m, f) in &r.by_month {
        while let Some(&((y, mo), _)) = months.last() {
            let next = if mo == 12 { (y + 1, 1) } else { (y, mo + 1) };
            if next >= *m {
                break;
            }
            months.push((next, 0));
        }
        months.push((*m, f.sessions));
    }
    let Some(peak) = months.iter().max_by_key(|m| (m.1, m.0)).copied() else {
        empty(model, model.strings().report.no_sessions, inner, buf);
        return;
    };
    let shown = &months[months.len().saturating_sub(usize::from(inner.width))..];
    let data: Vec<u64> = shown.iter().map(|m| m.1 as u64).collect();
    let [spark, text] = ratatui::layout::Layout::vertical([
        ratatui::layout::Constraint::Min(0),
        ratatui::layout::Constraint::Length(1),
    ])
    .areas(inner);
    Sparkline::default()
        .data(&data)
        .style(t.key)
        .render(spark, buf);
    let month = format!("{:04}-{:02}", peak.0.0, peak.0.1);
    let line = p
        .sessions_peak
        .fill(peak.1, &[&count(model, peak.1), &month]);
    Paragraph::new(super::super::common::fit(
        Line::from(line),
        usize::from(text.width),
    ))
    .render(text, buf);
}
