//! The home screen: the groups of the sessions folder with their last session, the recent
//! sessions, and the files that could not be read.

use super::common::{fit, muted, pane_block, styled, unreadable_line};
use crate::dates;
use crate::i18n::fill;
use crate::layout;
use crate::layout::home::loading_text;
use crate::layout::scroll::first_line;
use crate::layout::text::clip;
use crate::model::SessionState;
use crate::ui::{Home, HomePane, Model};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph, StatefulWidget, Widget, Wrap};

pub fn render(model: &Model, area: Rect, buf: &mut Buffer) {
    let s = model.strings();
    let t = &model.theme;
    let home = &model.home;
    let place = layout::home::areas(model, area);
    let (title, groups, recent, bad) = (place.title, place.groups, place.recent, place.unreadable);
    let line = Line::from(vec![
        styled(format!(" {} ", s.app_name), t.title),
        muted(model, fill(s.home_folder, &[&model.dir.display()])),
    ]);
    fit(line, title.width as usize).render(title, buf);

    // Groups
    let focused = home.pane == HomePane::Groups;
    let count = home.partial.unwrap_or(home.groups.len());
    let block = pane_block(model, fill(s.home_groups, &[&count]), focused);
    if home.groups.is_empty() {
        let text = if home.loaded {
            s.home_no_groups.to_string()
        } else {
            loading_text(model)
        };
        Paragraph::new(text)
            .wrap(Wrap { trim: true })
            .style(t.muted)
            .block(block)
            .render(groups, buf);
    } else {
        let width = groups.width.saturating_sub(4) as usize;
        let shown = in_sight(home, HomePane::Groups, home.groups.len(), groups);
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
        let shown = in_sight(home, HomePane::Recent, home.recent.len(), recent);
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
                    } else if e.conflict {
                        Span::styled(s.home_conflict_copy, model.theme.warning)
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
        let shown = in_sight(home, HomePane::Unreadable, home.unreadable.len(), bad);
        let items: Vec<ListItem> = home.unreadable[shown.clone()]
            .iter()
            .map(|u| {
                ListItem::new(unreadable_line(
                    model,
                    u,
                    bad.width.saturating_sub(4) as usize,
                ))
            })
            .collect();
        let selected = home.unreadable_sel.saturating_sub(shown.start);
        list(model, items, block, selected, focused, bad, buf);
    }
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

/// The rows of a bordered one-line-per-row list in sight: from the first row `update` keeps
/// for it (see `layout::scroll`), as many as its box holds. Only these are built: with
/// 10,000 sessions in the folder, building every row of every frame was most of a key's
/// cost. (The selection is among them once `update` has scrolled; drawn before, as ratatui
/// would, the list scrolls just enough to show it.)
fn in_sight(home: &Home, pane: HomePane, len: usize, area: Rect) -> std::ops::Range<usize> {
    let rows = usize::from(area.height.saturating_sub(2)).max(1);
    let start = first_line(home.scroll(pane), home.selection(pane), len, rows).min(len);
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
    use crate::ui::{Home, HomePane};
    use ratatui::layout::Rect;

    #[test]
    fn only_the_rows_a_list_shows_are_built() {
        // 10 rows inside the borders.
        let area = Rect::new(0, 0, 80, 12);
        let at = |scroll: usize, sel: usize, len: usize| {
            let home = Home {
                group_scroll: scroll,
                group_sel: sel,
                ..Home::default()
            };
            in_sight(&home, HomePane::Groups, len, area)
        };
        assert_eq!(at(0, 0, 1_319), 0..10);
        assert_eq!(at(0, 9, 1_319), 0..10);
        // From where update left the list: the selection anywhere in it.
        assert_eq!(at(1_309, 1_318, 1_319), 1_309..1_319);
        assert_eq!(at(1_309, 1_310, 1_319), 1_309..1_319);
        // Drawn before update scrolled it, the list shows the selection all the same.
        assert_eq!(at(0, 10, 1_319), 1..11);
        assert_eq!(at(500, 3, 1_319), 3..13);
        assert_eq!(at(0, 2, 3), 0..3);
        // A selection past the end (a listing that shrank) shows the last rows.
        assert_eq!(at(0, 7, 3), 0..3);
        assert_eq!(at(0, 0, 0), 0..0);
    }
}
