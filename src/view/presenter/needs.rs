//! Need emergence for the room: the cards sorted into themes as the group calls them out,
//! and, while the group votes, the themes ranked with a bar each. The priority on top.

use super::flow::{Item, at_most, flow, hanging};
use super::{focused_id, heading, top_lines};
use crate::layout::text::display_width;
use crate::layout::text::one_line;
use crate::model::{Card, Id, Needs};
use crate::ui::{Model, Pane, SessionUi};
use crate::view::common::{column, styled};
use crate::view::session::votes;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

pub fn render(model: &Model, ui: &SessionUi, area: Rect, buf: &mut Buffer) {
    let s = model.strings();
    let t = &model.theme;
    let n = &ui.session.needs;
    let mut top = Vec::new();
    if let Some(p) = priority(n) {
        let prefix = vec![styled(
            format!(
                "★ {}{} ",
                s.presenter.priority,
                s.store.show.colon.trim_end()
            ),
            t.marked,
        )];
        let rows = hanging(prefix, &p, t.title, area.width as usize);
        top.extend(at_most(rows, 2));
    }
    if ui.pane() == Pane::Votes {
        ranking(model, ui, top, area, buf);
    } else {
        board(model, ui, top, area, buf);
    }
}

/// The chosen priority: a theme's title or a card's text.
fn priority(n: &Needs) -> Option<String> {
    let id = n.priority.as_ref()?;
    n.themes
        .iter()
        .find(|th| &th.id == id)
        .map(|th| th.title.clone())
        .or_else(|| n.cards.iter().find(|c| &c.id == id).map(|c| c.text.clone()))
}

/// Each theme with its cards below it, then the cards in no theme.
fn board(model: &Model, ui: &SessionUi, mut top: Vec<Line<'static>>, area: Rect, buf: &mut Buffer) {
    let s = model.strings();
    let p = &s.presenter;
    let t = &model.theme;
    let n = &ui.session.needs;
    top.push(heading(
        model,
        format!(
            "{} · {}",
            p.board_cards.n(n.cards.len()),
            p.board_themes.n(n.themes.len())
        ),
    ));
    if n.cards.is_empty() && n.themes.is_empty() {
        top.extend(hanging(
            Vec::new(),
            p.nothing_yet,
            t.base,
            area.width as usize,
        ));
    }
    let rest = top_lines(top, area, buf);
    let selected = focused_id(ui, Pane::Themes).or_else(|| focused_id(ui, Pane::Cards));
    let (groups, loose) = n.board();
    // Every card whole, wrapped, under its theme's title; when they cannot all fit, the
    // flow shows the page holding the selection.
    let build = |w: usize| -> Vec<Item> {
        let card = |c: &Card, first: bool| {
            let lines = hanging(vec![styled("• ", t.key)], &c.text, t.base, w);
            let item = Item::new(lines).selected(selected.as_ref() == Some(&c.id));
            if first { item } else { item.joined() }
        };
        let group = |title: Vec<Line<'static>>, cards: &[&Card], theme: Option<&Id>| {
            let lit = theme.is_some_and(|id| selected.as_ref() == Some(id));
            let mut items = vec![Item::heading_lines(title).selected(lit)];
            items.extend(cards.iter().map(|c| card(c, false)));
            items
        };
        let mut items: Vec<Item> = n
            .themes
            .iter()
            .zip(&groups)
            .flat_map(|(th, cards)| {
                let star = if n.priority.as_ref() == Some(&th.id) {
                    "★ "
                } else {
                    "■ "
                };
                let text = format!("{} ({})", one_line(&th.title), cards.len());
                let title = hanging(vec![styled(star, t.marked)], &text, t.title, w);
                group(title, cards, Some(&th.id))
            })
            .collect();
        if n.themes.is_empty() {
            // Before any theme exists the cards need no heading: they flow one by one.
            items.extend(loose.iter().map(|c| card(c, true)));
        } else if !loose.is_empty() {
            let text = format!("{} ({})", p.loose, loose.len());
            let title = hanging(vec![styled("□ ", t.muted)], &text, t.title, w);
            items.extend(group(title, &loose, None));
        }
        items
    };
    flow(model, rest, (30, 60), &build, buf);
}

/// The themes ranked by votes, most first, each with its bar and its number.
fn ranking(
    model: &Model,
    ui: &SessionUi,
    mut top: Vec<Line<'static>>,
    area: Rect,
    buf: &mut Buffer,
) {
    let s = model.strings();
    let p = &s.presenter;
    let t = &model.theme;
    let n = &ui.session.needs;
    let ranking = n.ranking();
    let total: u32 = ranking.iter().map(|(_, v)| v).sum();
    top.push(heading(model, p.ranking.n(total as usize)));
    if ranking.is_empty() {
        top.extend(hanging(
            Vec::new(),
            s.needs.empty_votes,
            t.base,
            area.width as usize,
        ));
    }
    let rest = top_lines(top, area, buf);
    let max = ranking.first().map_or(0, |(_, v)| *v);
    let selected = focused_id(ui, Pane::Votes);
    let longest = votes::longest_title(n);
    let ranked = votes::ranked(model, ui);
    let build = |w: usize| -> Vec<Item> {
        let num_w = max.to_string().len() + 1;
        // Titles get up to half the line; the bar the rest.
        let name_w = longest.min(w / 2).max(8);
        let bar_w = w.saturating_sub(6 + name_w + 1 + num_w + 1).max(4);
        ranked
            .iter()
            .map(|r| {
                let b = votes::bar(r.votes, max, bar_w);
                let pad = bar_w.saturating_sub(display_width(&b));
                // The blank before the bar is a span of its own: selected, the row is
                // reversed but the bar and the blanks around it are not.
                let title = column(&r.title, name_w);
                let title = title.strip_suffix(' ').unwrap_or(&title).to_string();
                let line = Line::from(vec![
                    styled(r.rank.clone(), t.key),
                    r.star.clone(),
                    styled(title, t.title),
                    Span::raw(" "),
                    styled(b, t.key),
                    Span::raw(" ".repeat(pad + 1)),
                    styled(format!("{:>num_w$}", r.votes), t.title),
                ]);
                Item::new(vec![line]).selected(selected.as_ref() == Some(&r.id))
            })
            .collect()
    };
    flow(model, rest, (rest.width.max(1), u16::MAX), &build, buf);
}
