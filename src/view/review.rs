//! The review browser: every session of the folder as a table, the group's activities and
//! the advisor's visits among them, filtered by what is typed and by kind, sorted by the
//! chosen column; the files that could not be read listed apart.

use super::common::{column, fit, muted, styled, unreadable_line};
use crate::dates;
use crate::i18n::fill;
use crate::layout;
use crate::layout::scroll::first_line;
use crate::layout::text::display_width;
use crate::model::SessionState;
use crate::ui::{Browser, Model, RecordRow, ReviewColumn, ReviewRow};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph, StatefulWidget, Widget, Wrap};
use strum::VariantArray;

/// Room for the selection mark before each row.
const MARK: usize = 2;

/// The text columns share the room the others leave, by weight: the group first, then the
/// trade, the region and the advisor. (minimum, weight) of each.
fn flexible(c: ReviewColumn) -> Option<(usize, usize)> {
    match c {
        ReviewColumn::Group => Some((14, 4)),
        ReviewColumn::Trade => Some((7, 3)),
        // "Oriental", "Souss-Massa": the shorter regions whole even at 80 columns.
        ReviewColumn::Region => Some((8, 2)),
        ReviewColumn::Advisor => Some((6, 2)),
        _ => None,
    }
}

/// The width of a column whose words never change with the data.
fn fixed_width(model: &Model, c: ReviewColumn) -> usize {
    let s = model.strings();
    match c {
        ReviewColumn::Date => 10,
        ReviewColumn::Number => 3,
        // The longer state word of the language ("in progress"), whole.
        ReviewColumn::State => display_width(s.state_in_progress)
            .max(display_width(s.state_closed))
            .max(display_width(s.review.col_state)),
        ReviewColumn::Cards | ReviewColumn::Actions => 5,
        _ => 0,
    }
}

/// Each column's width in a table `total` columns wide. The text columns get their minimum
/// and share what is left by weight, so a wide terminal shows whole trades and regions
/// instead of a group name padded with blanks; the group takes what rounding leaves.
fn width(model: &Model, c: ReviewColumn, total: usize) -> usize {
    let Some((min, weight)) = flexible(c) else {
        return fixed_width(model, c);
    };
    let fixed: usize = ReviewColumn::VARIANTS
        .iter()
        .map(|&c| fixed_width(model, c) + 1)
        .sum();
    let flex = ReviewColumn::VARIANTS.iter().filter_map(|&c| flexible(c));
    let (mins, weights) = flex.fold((0, 0), |(m, w), (min, weight)| (m + min, w + weight));
    let extra = total.saturating_sub(fixed + MARK + mins);
    let share = |weight: usize| extra * weight / weights;
    if c == ReviewColumn::Group {
        let others: usize = ReviewColumn::VARIANTS
            .iter()
            .filter(|&&o| o != ReviewColumn::Group)
            .filter_map(|&o| flexible(o))
            .map(|(_, w)| share(w))
            .sum();
        min + extra - others
    } else {
        min + share(weight)
    }
}

fn cell(model: &Model, c: ReviewColumn, r: &ReviewRow) -> String {
    let s = model.strings();
    match c {
        ReviewColumn::Date => dates::show(r.date),
        ReviewColumn::Group => r.group.to_string(),
        ReviewColumn::Number => r.number.to_string(),
        ReviewColumn::Trade => r.trade.to_string(),
        ReviewColumn::Region => r.region.to_string(),
        ReviewColumn::Advisor => r.advisor.to_string(),
        ReviewColumn::State => match r.state {
            _ if r.conflict => s.state_conflict.to_string(),
            SessionState::InProgress => s.state_in_progress.to_string(),
            SessionState::Closed => s.state_closed.to_string(),
        },
        ReviewColumn::Cards => r.cards.to_string(),
        ReviewColumn::Actions => r.actions.to_string(),
    }
}

/// The end of a text that fits in `width` columns, with an ellipsis first when it is cut.
fn tail(text: &str, width: usize) -> String {
    if display_width(text) <= width {
        return text.to_string();
    }
    let graphemes: Vec<String> = Span::raw(text)
        .styled_graphemes(ratatui::style::Style::default())
        .map(|g| g.symbol.to_string())
        .collect();
    let mut kept = Vec::new();
    // The ellipsis takes a column.
    let mut used = 1;
    for g in graphemes.iter().rev() {
        let gw = display_width(g);
        if used + gw > width {
            break;
        }
        used += gw;
        kept.push(g.as_str());
    }
    if width == 0 {
        return String::new();
    }
    kept.push("…");
    kept.reverse();
    kept.concat()
}

/// A visit's or an activity's row: its date and group in their columns, then what it is and
/// its summary over the session's other columns (it has no number, state, cards...).
fn record_line(model: &Model, row: &ReviewRow, record: &RecordRow, w: usize) -> Line<'static> {
    let t = &model.theme;
    let mut spans = Vec::with_capacity(4);
    for c in [ReviewColumn::Date, ReviewColumn::Group] {
        let text = column(&cell(model, c, row), width(model, c, w));
        spans.push(if row.shadowed {
            muted(model, text)
        } else {
            Span::raw(text)
        });
    }
    spans.push(styled(record.kind_label(model.lang), t.title));
    let summary = record.summary(model.lang, &model.method);
    // On one line whatever the file holds.
    let summary = summary.split_whitespace().collect::<Vec<_>>().join(" ");
    spans.push(Span::raw(format!(" · {summary}")));
    fit(Line::from(spans), w.saturating_sub(MARK))
}

pub fn render(model: &Model, browser: &Browser, area: Rect, buf: &mut Buffer) {
    let s = model.strings();
    let r = s.review;
    let t = &model.theme;
    let home = &model.home;
    // The rows shown may be the last listing's while the new one is filtered.
    let shown = browser.shown(&home.rows, home.generation);
    let (rows, visible) = (shown.rows, &shown.order);
    let w = area.width as usize;
    let place = layout::review::areas(model, area);
    let (title_area, filter, shown, header, table, bad) = (
        place.title,
        place.filter,
        place.shown,
        place.header,
        place.table,
        place.unreadable,
    );

    // In all: the folder's rows now, whichever listing the rows shown come from. While the
    // folder is read with no rows yet, no count: "0 of 0" would say the folder is empty.
    let title = if rows.is_empty() && !home.loaded {
        r.title_reading.to_string()
    } else {
        fill(r.title, &[&visible.len(), &home.rows.len()])
    };
    let line = Line::from(vec![styled(format!(" {title} "), t.title)]);
    fit(line, w).render(title_area, buf);

    // The cursor is a block at the end of what was typed, where the next letter goes; a
    // filter longer than the line shows its end, so the cursor stays in sight.
    let cursor = Span::styled(" ", t.selected);
    let mut spans = vec![Span::styled(r.filter, t.key)];
    if browser.filter.is_empty() {
        spans.push(cursor);
        // A sort or a new listing being worked out off the UI thread is said instead of
        // the hint.
        let hint = if browser.filtering() {
            r.filtering
        } else {
            r.filter_hint
        };
        spans.push(muted(model, format!(" {hint}")));
    } else {
        let room = usize::from(filter.width).saturating_sub(display_width(r.filter) + 1);
        // While many rows are filtered off the UI thread, the rows of the last filter stay
        // and the line says so.
        let busy = if browser.filtering() {
            display_width(r.filtering) + 2
        } else {
            0
        };
        spans.push(Span::raw(tail(&browser.filter, room.saturating_sub(busy))));
        spans.push(cursor);
        if busy > 0 {
            spans.push(muted(model, format!(" {}", r.filtering)));
        }
    }
    fit(Line::from(spans), usize::from(filter.width)).render(filter, buf);

    // The kinds of rows shown, the key that changes them first; a choice other than all
    // stands out, as a filter typed does.
    let key =
        crate::keymap::key_label(crate::keymap::Ctx::Review, crate::keymap::Action::ShowKinds);
    let choice = browser.shown.label(s);
    let style = if browser.shown == crate::ui::Shown::All {
        t.base
    } else {
        t.selected
    };
    let line = Line::from(vec![
        Span::raw(" "),
        Span::styled(key, t.key),
        Span::raw(" "),
        Span::styled(r.shown, t.key),
        Span::styled(choice, style),
    ]);
    fit(line, usize::from(shown.width)).render(shown, buf);

    // The header: the sort column marked with its direction.
    let mut head = vec![Span::raw(" ".repeat(MARK))];
    for &c in ReviewColumn::VARIANTS {
        let label = if c == browser.sort {
            let arrow = if browser.descending { "▼" } else { "▲" };
            format!("{arrow}{}", c.label(s))
        } else {
            c.label(s).to_string()
        };
        let style = if c == browser.sort { t.key } else { t.title };
        head.push(Span::styled(column(&label, width(model, c, w)), style));
    }
    fit(Line::from(head), w).render(header, buf);

    if visible.is_empty() {
        let text = if browser.filtering() && rows.is_empty() {
            // The first rows of many, being filtered off the UI thread.
            r.filtering.to_string()
        } else if rows.is_empty() {
            if home.loaded {
                r.no_sessions.to_string()
            } else {
                crate::layout::home::loading_text(model)
            }
        } else {
            r.no_match.to_string()
        };
        Paragraph::new(text)
            .wrap(Wrap { trim: true })
            .style(t.muted)
            .render(table, buf);
    } else {
        // Only the rows in sight are drawn (10,000 made into lines took 100 ms a key), from
        // the first row `update` keeps for the table (see `layout::scroll`).
        let sel = browser.sel.min(visible.len() - 1);
        let height = (table.height as usize).max(1);
        let first = first_line(browser.scroll, sel, visible.len(), height);
        let items: Vec<ListItem> = visible[first..visible.len().min(first + height)]
            .iter()
            .map(|&i| {
                let row = &rows[i];
                if let Some(record) = &row.record {
                    return ListItem::new(record_line(model, row, record, w));
                }
                let spans: Vec<Span> = ReviewColumn::VARIANTS
                    .iter()
                    .map(|&c| {
                        let text = column(&cell(model, c, row), width(model, c, w));
                        match c {
                            ReviewColumn::State if row.state == SessionState::InProgress => {
                                Span::styled(text, t.current)
                            }
                            ReviewColumn::Group if row.shadowed => muted(model, text),
                            _ => Span::raw(text),
                        }
                    })
                    .collect();
                ListItem::new(fit(Line::from(spans), w.saturating_sub(MARK)))
            })
            .collect();
        let mut state = ListState::default().with_selected(Some(sel - first));
        StatefulWidget::render(
            List::new(items)
                .highlight_style(t.selected)
                .highlight_symbol("▶ "),
            table,
            buf,
            &mut state,
        );
    }

    if bad.height > 0 {
        let mut lines = vec![Line::styled(
            fill(r.unreadable, &[&home.unreadable.len()]),
            t.error,
        )];
        for u in &home.unreadable {
            lines.push(unreadable_line(model, u, w));
        }
        Paragraph::new(lines).render(bad, buf);
    }
}
