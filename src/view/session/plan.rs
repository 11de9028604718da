//! Action plan: a table of who does what, by when, with what, and how we will know, in the
//! order the advisor chose (as entered, by due date, by owner). Cells are cut to keep the
//! columns aligned; the selected action is written out whole below the table. An action with
//! no owner or no date says so in its cell, with a sign as well as a colour.

use super::ideas::{cut, head};
use crate::dates;
use crate::layout;
use crate::layout::text::display_width;
use crate::layout::text::one_line;
use crate::model::Action;
use crate::ui::{ActionSort, Model, Pane, SessionUi};
use crate::view::common::{fit, muted, pane_block, styled};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    HighlightSpacing, Paragraph, Row, StatefulWidget, Table, TableState, Widget, Wrap,
};

const DATE_W: usize = 10;

pub fn render(model: &Model, ui: &SessionUi, area: Rect, buf: &mut Buffer) {
    let s = model.strings();
    let st = &s.solutions;
    let t = &model.theme;
    let ses = &ui.session;
    let focused = ui.pane() == Pane::Actions && ui.action_form.is_none();
    let n = ses.plan.actions.len();
    let title = format!(
        "{} · {} {}",
        super::panes::counted(s.pane_actions, n),
        st.sort_label,
        ui.tech.sort.label(s)
    );
    pane_block(model, title, focused).render(area, buf);
    let place = layout::session::plan(ui, area);
    let inner = place.inner;
    if n == 0 {
        Paragraph::new(super::panes::empty_hint(model, ui, st.empty_plan))
            .wrap(Wrap { trim: true })
            .style(t.muted)
            .render(inner, buf);
        return;
    }
    let order: Vec<&Action> = ui
        .rows(Pane::Actions)
        .iter()
        .filter_map(|id| ses.plan.actions.iter().find(|a| &a.id == id))
        .collect();
    let selected = ui.selection(Pane::Actions);
    let detail = order
        .get(selected)
        .map(|a| detail_lines(model, ui, a, inner.width as usize))
        .unwrap_or_default();
    let (table_area, rule, detail_area) = (place.table, place.rule, place.detail);
    let (table_h, detail_h) = (table_area.height, detail_area.height);
    let offset = table(model, ui, &order, focused, table_area, buf);
    // Actions out of the table's sight (a short screen keeps three rows) are counted on the
    // border, as in the other scrolled lists: none goes unseen.
    let shown = (table_h as usize).saturating_sub(1);
    let below = n.saturating_sub(offset + shown);
    super::tree::scroll_marks(model, area, offset, below, buf);
    if detail_h > 0 {
        let line = "─".repeat(rule.width as usize);
        Line::from(styled(line, t.border)).render(rule, buf);
        for (i, line) in detail.into_iter().take(detail_h as usize).enumerate() {
            let r = Rect::new(
                detail_area.x,
                detail_area.y + i as u16,
                detail_area.width,
                1,
            );
            fit(line, r.width as usize).render(r, buf);
        }
    }
}

/// Who carries an action, in a few words: the first owner, and how many others.
fn who_short(model: &Model, ui: &SessionUi, a: &Action) -> Option<String> {
    let s = model.strings();
    let first = a.owners.first()?;
    let mut who = first.label(s, &ui.session.group);
    if a.owners.len() > 1 {
        let more = crate::i18n::fill(s.solutions.who_more, &[&(a.owners.len() - 1)]);
        who.push(' ');
        who.push_str(&more);
    }
    Some(who)
}

fn missing(model: &Model, what: &str) -> Span<'static> {
    styled(format!("⚠ {what}"), model.theme.error)
}

/// Draws the table; returns the first of its rows in sight.
fn table(
    model: &Model,
    ui: &SessionUi,
    order: &[&Action],
    focused: bool,
    area: Rect,
    buf: &mut Buffer,
) -> usize {
    let s = model.strings();
    let st = &s.solutions;
    let t = &model.theme;
    let whos: Vec<Option<String>> = order.iter().map(|a| who_short(model, ui, a)).collect();
    // A missing owner or date says "to set" in its cell (the detail below and the warning
    // before closing say which), so that the columns stay narrow.
    let to_set_w = display_width(st.to_set) + 2;
    let who_w = whos
        .iter()
        .map(|w| w.as_deref().map_or(to_set_w, display_width))
        .chain([display_width(st.col_who) + 2])
        .max()
        .unwrap_or(8)
        .clamp(8, 18);
    let date_w = DATE_W.max(to_set_w).max(display_width(st.col_due) + 2);
    // Two columns for the selection symbol, one between columns.
    let rest = (area.width as usize).saturating_sub(2 + 4 + who_w + date_w);
    let what_w = rest * 9 / 20;
    let means_w = (rest - what_w) / 2;
    let indicator_w = rest - what_w - means_w;
    let widths = [what_w, who_w, date_w, means_w, indicator_w];

    let cell = |spans: Vec<Span<'static>>, w: usize| fit(Line::from(spans), w);
    let plain = |text: &str, w: usize| cut(&head(&one_line(text), w), Style::default(), w);
    let sorted = |label: &str, by: ActionSort| {
        let arrow = if ui.tech.sort == by { " ↓" } else { "" };
        format!("{label}{arrow}")
    };
    let header = Row::new(
        [
            st.col_what.to_string(),
            sorted(st.col_who, ActionSort::Owner),
            sorted(st.col_due, ActionSort::Due),
            st.col_means.to_string(),
            st.col_indicator.to_string(),
        ]
        .into_iter()
        .zip(widths)
        .map(|(h, w)| cell(vec![styled(h, t.title)], w)),
    );
    let selected = ui.selection(Pane::Actions);
    let rows: Vec<Row> = order
        .iter()
        .zip(&whos)
        .enumerate()
        .map(|(n, (a, who))| {
            if n.abs_diff(selected) > usize::from(area.height) {
                // Too far from the selection to be on screen: the table scrolls only as far
                // as the selected row.
                return Row::default();
            }
            let who = match who {
                Some(w) => cut(w, Style::default(), who_w),
                None => cell(vec![missing(model, st.to_set)], who_w),
            };
            let due = match a.due {
                Some(d) => Line::from(dates::show(d)),
                None => cell(vec![missing(model, st.to_set)], date_w),
            };
            Row::new(vec![
                plain(&a.what, what_w),
                who,
                due,
                plain(&a.means, means_w),
                plain(&a.indicator, indicator_w),
            ])
        })
        .collect();
    let constraints = widths.map(|w| Constraint::Length(w as u16));
    let table = Table::new(rows, constraints)
        .header(header)
        .column_spacing(1)
        .row_highlight_style(if focused { t.selected } else { t.base })
        .highlight_symbol(if focused { "▶ " } else { "  " })
        .highlight_spacing(HighlightSpacing::Always);
    // From the first row `update` keeps for the table (see `layout::scroll`).
    let offset = ui.scroll.get(&Pane::Actions).copied().unwrap_or(0);
    let mut state = TableState::default()
        .with_offset(offset)
        .with_selected(Some(selected));
    StatefulWidget::render(table, area, buf, &mut state);
    state.offset()
}

/// The selected action in full: its text wrapped, then each field on its own line (as
/// `layout::session::action_detail` counts them).
fn detail_lines(model: &Model, ui: &SessionUi, a: &Action, width: usize) -> Vec<Line<'static>> {
    let s = model.strings();
    let st = &s.solutions;
    let t = &model.theme;
    let colon = s.store.show.colon;
    let detail = layout::session::action_detail(ui, a, width);
    let mut lines: Vec<Line> = (detail.what.into_iter())
        .map(|l| Line::from(styled(l, t.title)))
        .collect();
    let label = |l: &str| muted(model, format!("{l}{colon}"));
    let owners: Vec<String> = a
        .owners
        .iter()
        .map(|o| o.label(s, &ui.session.group))
        .collect();
    let mut who_due = vec![label(st.col_who)];
    who_due.push(if owners.is_empty() {
        missing(model, s.no_owner)
    } else {
        Span::raw(owners.join(", "))
    });
    who_due.push(muted(model, " · "));
    who_due.push(label(st.col_due));
    who_due.push(match a.due {
        Some(d) => Span::raw(dates::show(d)),
        None => missing(model, s.no_date),
    });
    lines.push(Line::from(who_due));
    if detail.means {
        lines.push(Line::from(vec![
            label(st.col_means),
            Span::raw(one_line(&a.means)),
        ]));
    }
    if detail.indicator {
        lines.push(Line::from(vec![
            label(st.col_indicator),
            Span::raw(one_line(&a.indicator)),
        ]));
    }
    if let Some(n) = detail.idea {
        let text = one_line(&ui.session.solutions.ideas[n].text);
        lines.push(Line::from(vec![
            label(st.idea_label),
            Span::raw(format!("{}. {text}", n + 1)),
        ]));
    }
    lines
}
