//! The programme screen: the period and the grouping chosen (each with the keys that change
//! them), the charts of the folder's figures (see `charts.rs`), and the table of the
//! grouping's rows beneath, the whole period's row first. The figures are the report's
//! (`atelier report`), written as it writes them: aggregates only, the only names are the
//! rows' labels (advisors, hosts, groups, phones masked), each drawn on one line.

mod charts;

use super::common::{column, fit, styled};
use crate::dates;
use crate::i18n::fill;
use crate::keymap::{Action, Ctx, key_label};
use crate::layout;
use crate::layout::home::grouped;
use crate::layout::programme::Areas;
use crate::layout::scroll::first_line;
use crate::layout::text::display_width;
use crate::report::{By, Figures, Report};
use crate::ui::{Model, Period, ProgrammeUi};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph, StatefulWidget, Widget, Wrap};

/// Room for the selection mark before each row.
const MARK: usize = 2;
/// The least room of the label column.
const LABEL_MIN: usize = 14;

pub fn render(model: &Model, ui: &ProgrammeUi, area: Rect, buf: &mut Buffer) {
    let place = layout::programme::areas(ui, model.today, area);
    let report = ui.shown(model.today);
    header(model, ui, report, &place, buf);
    let Some(report) = report else {
        let p = model.strings().programme;
        let (text, style) = match &ui.failed {
            Some(why) => (
                crate::escape::visible(why).into_owned(),
                model.theme.warning,
            ),
            None => (p.counting.to_string(), model.theme.muted),
        };
        Paragraph::new(text)
            .style(style)
            .wrap(Wrap { trim: true })
            .render(place.figures, buf);
        return;
    };
    charts::render(model, report, &place.charts, buf);
    table(model, ui, report, &place, buf);
}

/// What a period is called on screen.
fn period_name(model: &Model, period: Period) -> String {
    let p = model.strings().programme;
    let this = chrono::Datelike::year(&model.today);
    match period {
        Period::All => p.period_all.to_string(),
        Period::LastTwelveMonths => p.period_twelve.to_string(),
        Period::Year(y) if y == this => fill(p.period_this_year, &[&y]),
        Period::Year(y) if y == this - 1 => fill(p.period_last_year, &[&y]),
        Period::Year(y) => fill(p.period_year, &[&y]),
    }
}

/// The days a period covers, as the report says them; for the whole folder, its first and
/// last sessions once counted.
fn period_dates(model: &Model, ui: &ProgrammeUi, report: Option<&Report>) -> String {
    let t = model.strings().report;
    let o = ui.wanted(model.today);
    match (o.from, o.to) {
        (Some(f), Some(to)) => fill(t.period_range, &[&dates::show(f), &dates::show(to)]),
        (Some(f), None) => fill(t.period_from, &[&dates::show(f)]),
        (None, Some(to)) => fill(t.period_to, &[&dates::show(to)]),
        (None, None) => match report.and_then(|r| r.first.zip(r.last)) {
            Some((a, b)) => fill(t.sessions_between, &[&dates::show(a), &dates::show(b)]),
            None => t.period_all.to_string(),
        },
    }
}

/// What a grouping is called, as the report heads its column.
pub(super) fn by_name(model: &Model, by: Option<By>) -> &'static str {
    let s = model.strings();
    let t = s.report;
    match by {
        None => s.programme.grouping_none,
        Some(By::Advisor) => t.figures.advisor,
        Some(By::Host) => t.figures.host,
        Some(By::Trade) => t.trade,
        Some(By::Region) => t.region,
        Some(By::Group) => t.figures.group,
        Some(By::Month) => t.month,
    }
}

fn header(
    model: &Model,
    ui: &ProgrammeUi,
    report: Option<&Report>,
    place: &Areas,
    buf: &mut Buffer,
) {
    let s = model.strings();
    let p = s.programme;
    let t = &model.theme;
    let keys = |actions: &[Action]| {
        let labels: Vec<String> = actions
            .iter()
            .map(|a| key_label(Ctx::Programme, *a))
            .collect();
        styled(fill(p.key_hint, &[&labels.join(" ")]), t.key)
    };
    let period = fill(
        p.period,
        &[
            &period_name(model, ui.period),
            &period_dates(model, ui, report),
        ],
    );
    let line = Line::from(vec![
        styled(format!(" {} ", p.title), t.key),
        styled(period, t.title),
        keys(&[Action::PrevPeriod, Action::NextPeriod]),
    ]);
    fit(line, usize::from(place.period.width)).render(place.period, buf);
    let mut spans = vec![
        Span::raw(" "),
        Span::raw(fill(p.grouping, &[&by_name(model, ui.by)])),
        keys(&[Action::NextGrouping]),
    ];
    if let Some(r) = report.filter(|r| r.unreadable > 0) {
        spans.push(Span::raw("  "));
        spans.push(styled(
            s.report
                .unreadable
                .fill(r.unreadable, &[&count(model, r.unreadable)]),
            t.warning,
        ));
    }
    fit(Line::from(spans), usize::from(place.grouping.width)).render(place.grouping, buf);
}

/// A share as a whole percentage, as the report writes it ("82 %"); a dash for nothing.
pub(super) fn percent(model: &Model, part: usize, whole: usize) -> String {
    let t = model.strings().report;
    if whole == 0 {
        return t.nothing.to_string();
    }
    let p = (part as f64 * 100.0 / whole as f64).round();
    fill(t.percent, &[&p])
}

/// A count with its thousands apart, as the language writes them.
pub(super) fn count(model: &Model, n: usize) -> String {
    grouped(n, model.strings().review.thousands)
}

/// The table's figures, in the order they show; each with its head.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Sessions,
    Groups,
    Members,
    Active,
    Attendance,
    Planned,
    Done,
    Open,
    Overdue,
}

const COLS: [Col; 9] = [
    Col::Sessions,
    Col::Groups,
    Col::Members,
    Col::Active,
    Col::Attendance,
    Col::Planned,
    Col::Done,
    Col::Open,
    Col::Overdue,
];

/// The columns kept first when the width is short (the others drop, the last first).
const KEPT_FIRST: [Col; 9] = [
    Col::Sessions,
    Col::Groups,
    Col::Members,
    Col::Attendance,
    Col::Planned,
    Col::Done,
    Col::Open,
    Col::Overdue,
    Col::Active,
];

impl Col {
    fn head(self, model: &Model) -> &'static str {
        let p = model.strings().programme;
        match self {
            Col::Sessions => p.col_sessions,
            Col::Groups => p.col_groups,
            Col::Members => p.col_members,
            Col::Active => p.col_active,
            Col::Attendance => p.col_attendance,
            Col::Planned => p.col_planned,
            Col::Done => p.col_done,
            Col::Open => p.col_open,
            Col::Overdue => p.col_overdue,
        }
    }

    /// Its width: its head, and room for "100 %" or six digits.
    fn width(self, model: &Model) -> usize {
        display_width(self.head(model)).max(6)
    }

    fn cell(self, model: &Model, f: &Figures) -> String {
        let n = |v: usize| count(model, v);
        match self {
            Col::Sessions => n(f.sessions),
            Col::Groups => n(f.groups),
            Col::Members => n(f.members),
            Col::Active => n(f.active),
            Col::Attendance => percent(model, f.present, f.expected()),
            Col::Planned => n(f.planned),
            Col::Done => n(f.done),
            Col::Open => n(f.open()),
            Col::Overdue => n(f.overdue),
        }
    }
}

/// The columns that fit in `width`, in their order, and the label column's width: the
/// longest label's (`longest`), within what the figures leave.
fn columns(model: &Model, width: usize, longest: usize) -> (Vec<Col>, usize) {
    let mut used = MARK + LABEL_MIN + 1;
    let mut kept = Vec::new();
    for c in KEPT_FIRST {
        let w = c.width(model) + 1;
        if used + w > width {
            break;
        }
        used += w;
        kept.push(c);
    }
    let shown: Vec<Col> = COLS.into_iter().filter(|c| kept.contains(c)).collect();
    let label = width
        .saturating_sub(used - LABEL_MIN)
        .min(longest.max(LABEL_MIN))
        .max(LABEL_MIN.min(width));
    (shown, label)
}

/// A label read from the files, on one line whatever it holds.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A figure cell: right-aligned in its column, then a space.
fn number(text: &str, width: usize) -> String {
    let pad = width.saturating_sub(display_width(text));
    format!("{}{text} ", " ".repeat(pad))
}

/// A row of the table: its label on one line, then its figures.
fn row_line(
    model: &Model,
    label: &str,
    f: &Figures,
    cols: &[Col],
    label_w: usize,
) -> Line<'static> {
    let mut spans = vec![Span::raw(column(label, label_w))];
    for c in cols {
        spans.push(Span::raw(number(&c.cell(model, f), c.width(model))));
    }
    Line::from(spans)
}

fn table(model: &Model, ui: &ProgrammeUi, r: &Report, place: &Areas, buf: &mut Buffer) {
    let s = model.strings();
    let t = &model.theme;
    let w = usize::from(place.head.width);
    let labels: Vec<String> = r
        .buckets
        .iter()
        .map(|(key, _)| one_line(&crate::report::row_label(key, r, model.lang)))
        .collect();
    let longest = labels
        .iter()
        .map(|l| display_width(l))
        .chain([
            display_width(s.report.all),
            display_width(by_name(model, ui.by)),
        ])
        .max()
        .unwrap_or(0);
    let (cols, label_w) = columns(model, w, longest + 1);
    let mut head = vec![Span::raw(" ".repeat(MARK))];
    let first_head = match ui.by {
        Some(_) => by_name(model, ui.by),
        None => "",
    };
    head.push(styled(column(first_head, label_w), t.title));
    for c in &cols {
        head.push(styled(number(c.head(model), c.width(model)), t.title));
    }
    fit(Line::from(head), w).render(place.head, buf);

    let mut total = row_line(model, s.report.all, &r.total, &cols, label_w);
    total.spans.insert(0, Span::raw(" ".repeat(MARK)));
    fit(total.style(t.title), w).render(place.total, buf);

    let len = r.buckets.len();
    let height = usize::from(place.table.height);
    if len == 0 || height == 0 {
        return;
    }
    let sel = ui.sel.min(len - 1);
    let first = first_line(ui.scroll, sel, len, height);
    let end = len.min(first + height);
    let items: Vec<ListItem> = r.buckets[first..end]
        .iter()
        .zip(&labels[first..end])
        .map(|((_, f), label)| {
            let line = row_line(model, label, f, &cols, label_w);
            ListItem::new(fit(line, w.saturating_sub(MARK)))
        })
        .collect();
    let mut state = ListState::default().with_selected(Some(sel - first));
    StatefulWidget::render(
        List::new(items)
            .highlight_style(t.selected)
            .highlight_symbol("▶ "),
        place.table,
        buf,
        &mut state,
    );
}

/// A chart's box, titled.
pub(super) fn chart_block(model: &Model, title: String) -> ratatui::widgets::Block<'static> {
    super::common::pane_block(model, Line::from(format!(" {title} ")), false)
}

/// A short sentence in a chart's box, when it has nothing to draw.
pub(super) fn empty(model: &Model, text: &str, area: Rect, buf: &mut Buffer) {
    Paragraph::new(text.to_string())
        .style(model.theme.muted)
        .wrap(Wrap { trim: true })
        .render(area, buf);
}
