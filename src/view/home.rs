//! The home screen: the groups of the sessions folder with their last session, the recent
//! sessions, and the files that could not be read.

use super::common::{fit, muted, pane_block, styled, unreadable_line};
use crate::dates;
use crate::i18n::fill;
use crate::layout::text::clip;
use crate::layout::text::wrapped_rows;
use crate::model::SessionState;
use crate::ui::{HomePane, Model};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph, StatefulWidget, Widget, Wrap};

pub fn render(model: &Model, area: Rect, buf: &mut Buffer) {
    let s = model.strings();
    let t = &model.theme;
    let home = &model.home;
    let unreadable_rows = if home.unreadable.is_empty() {
        0
    } else {
        (home.unreadable.len() as u16 + 2)
            .min(area.height / 4)
            .max(3)
    };
    // The groups take the rows they need, up to about half the screen; recent sessions the rest.
    let waiting = loading_text(model);
    let groups_rows = if home.groups.is_empty() {
        let text = if home.loaded {
            s.home_no_groups
        } else {
            &waiting
        };
        wrapped_rows(text, area.width.saturating_sub(2) as usize) as u16 + 2
    } else {
        home.groups.len() as u16 + 2
    };
    let groups_rows = groups_rows.clamp(3, (area.height * 11 / 20).max(3));
    let [title, groups, recent, bad] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(groups_rows),
        Constraint::Min(3),
        Constraint::Length(unreadable_rows),
    ])
    .areas(area);
    let line = Line::from(vec![
        styled(format!(" {} ", s.app_name), t.title),
        muted(model, fill(s.home_folder, &[&model.dir.display()])),
    ]);
    fit(line, title.width as usize).render(title, buf);

    // Groups
    let focused = home.pane == HomePane::Groups;
    let block = pane_block(model, fill(s.home_groups, &[&home.groups.len()]), focused);
    if home.groups.is_empty() {
        let text = if home.loaded {
            s.home_no_groups
        } else {
            &waiting
        };
        Paragraph::new(text)
            .wrap(Wrap { trim: true })
            .style(t.muted)
            .block(block)
            .render(groups, buf);
    } else {
        let width = groups.width.saturating_sub(4) as usize;
        let shown = in_sight(home.groups.len(), home.group_sel, groups);
        let items: Vec<ListItem> = home.groups[shown.clone()]
            .iter()
            .map(|g| {
                // Name, then its latest session (and an older one still open, if any), then
                // trade and region: what to open comes before what the advisor knows already.
                let mut spans = vec![
                    Span::styled(clip(&g.name, width / 3), t.title),
                    Span::raw(format!(
                        "  {} · {} ",
                        fill(s.session_number, &[&g.last.number]),
                        dates::show(g.last.date)
                    )),
                    state_span(model, g.last.state),
                ];
                if let Some(o) = g.open.as_ref().filter(|o| o.number != g.last.number) {
                    let open = fill(s.home_open_session, &[&o.number]);
                    spans.push(Span::styled(format!("  ● {open}"), t.current));
                }
                let mut about = g.trade.clone();
                if !g.region.is_empty() {
                    about = format!("{about} · {}", g.region);
                }
                spans.push(muted(model, format!("  {about}")));
                ListItem::new(fit(Line::from(spans), width))
            })
            .collect();
        let selected = home.group_sel.saturating_sub(shown.start);
        list(model, items, block, selected, focused, groups, buf);
    }

    // Recent sessions
    let focused = home.pane == HomePane::Recent;
    let block = pane_block(model, s.home_recent, focused);
    if home.recent.is_empty() {
        Paragraph::new(if home.loaded { s.home_no_sessions } else { "" })
            .style(t.muted)
            .block(block)
            .render(recent, buf);
    } else {
        let shown = in_sight(home.recent.len(), home.recent_sel, recent);
        let items: Vec<ListItem> = home.recent[shown.clone()]
            .iter()
            .map(|e| {
                let line = Line::from(vec![
                    Span::raw(format!("{}  ", dates::show(e.date))),
                    Span::styled(e.group_name.clone(), t.title),
                    Span::raw(format!("  {}", fill(s.session_number, &[&e.number]))),
                    Span::raw("  "),
                    if e.shadowed {
                        muted(model, format!("⧉ {}", s.home_older_copy))
                    } else {
                        state_span(model, e.state)
                    },
                ]);
                ListItem::new(fit(line, recent.width.saturating_sub(4) as usize))
            })
            .collect();
        let selected = home.recent_sel.saturating_sub(shown.start);
        list(model, items, block, selected, focused, recent, buf);
    }

    // Unreadable files
    if !home.unreadable.is_empty() {
        let focused = home.pane == HomePane::Unreadable;
        let block = pane_block(
            model,
            fill(s.home_unreadable, &[&home.unreadable.len()]),
            focused,
        );
        let items: Vec<ListItem> = home
            .unreadable
            .iter()
            .map(|u| {
                ListItem::new(unreadable_line(
                    model,
                    u,
                    bad.width.saturating_sub(4) as usize,
                ))
            })
            .collect();
        list(model, items, block, home.unreadable_sel, focused, bad, buf);
    }
}

/// What the screen says while the folder is read: how far the reading is when the files
/// are parsed one by one (no summary cache yet), else that it is being read.
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

pub fn state_span(model: &Model, state: SessionState) -> Span<'static> {
    let s = model.strings();
    match state {
        SessionState::InProgress => {
            Span::styled(format!("● {}", s.state_in_progress), model.theme.current)
        }
        SessionState::Closed => Span::styled(format!("✓ {}", s.state_closed), model.theme.done),
    }
}

/// The rows of a bordered one-line-per-row list that can be in sight with this selection: the
/// first ones, or those ending at the selection once it is past them — where ratatui's `List`
/// scrolls a fresh list to. Only these are built: with 10,000 sessions in the folder,
/// building every row of every frame was most of a key's cost.
fn in_sight(len: usize, selected: usize, area: Rect) -> std::ops::Range<usize> {
    let rows = usize::from(area.height.saturating_sub(2)).max(1);
    let selected = selected.min(len.saturating_sub(1));
    let start = (selected + 1).saturating_sub(rows);
    start..(start + rows).min(len)
}

fn list(
    model: &Model,
    items: Vec<ListItem>,
    block: ratatui::widgets::Block,
    selected: usize,
    focused: bool,
    area: Rect,
    buf: &mut Buffer,
) {
    let highlight = if focused {
        model.theme.selected
    } else {
        model.theme.base
    };
    let mut state = ListState::default().with_selected(Some(selected));
    StatefulWidget::render(
        List::new(items)
            .block(block)
            .highlight_style(highlight)
            .highlight_symbol(if focused { "▶ " } else { "  " }),
        area,
        buf,
        &mut state,
    );
}

#[cfg(test)]
mod tests {
    use super::in_sight;
    use ratatui::layout::Rect;

    #[test]
    fn only_the_rows_a_list_shows_are_built() {
        // 10 rows inside the borders.
        let area = Rect::new(0, 0, 80, 12);
        assert_eq!(in_sight(1_319, 0, area), 0..10);
        assert_eq!(in_sight(1_319, 9, area), 0..10);
        // Past the first screen the selection is the last row, as ratatui scrolls it.
        assert_eq!(in_sight(1_319, 10, area), 1..11);
        assert_eq!(in_sight(1_319, 1_318, area), 1_309..1_319);
        assert_eq!(in_sight(3, 2, area), 0..3);
        // A selection past the end (a listing that shrank) shows the last rows.
        assert_eq!(in_sight(3, 7, area), 0..3);
        assert_eq!(in_sight(0, 0, area), 0..0);
    }
}
