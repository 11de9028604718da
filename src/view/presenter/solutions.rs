//! Solution search for the room: the ideas in the impact × effort matrix, each with the
//! number it has in the list, in full (a quadrant too small for its ideas shows them a
//! page at a time, the selected one's page), the chosen ones marked ✓.

use super::flow::{Item, flow, hanging};
use super::{focused_id, heading, top_lines};
use crate::i18n::fill;
use crate::model::Idea;
use crate::ui::{Model, Pane, SessionUi};
use crate::view::common::styled;
use crate::view::session::{Quadrant, in_quadrant};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// From this width on, the list of ideas sits beside the matrix.
const SIDE: u16 = 110;

pub fn render(model: &Model, ui: &SessionUi, area: Rect, buf: &mut Buffer) {
    let s = model.strings();
    let p = &s.presenter;
    let t = &model.theme;
    let ideas = &ui.session.solutions.ideas;
    let chosen = ideas.iter().filter(|i| i.chosen).count();
    let mut top = vec![heading(
        model,
        p.ideas.fill(chosen, &[&ideas.len(), &chosen]),
    )];
    if ideas.is_empty() {
        top.extend(hanging(
            Vec::new(),
            p.nothing_yet,
            t.base,
            area.width as usize,
        ));
        top_lines(top, area, buf);
        return;
    }
    let rest = top_lines(top, area, buf);
    let selected = focused_id(ui, Pane::Ideas);
    let numbered: Vec<(usize, &Idea)> = ideas.iter().enumerate().map(|(i, x)| (i + 1, x)).collect();
    let idea_item = |n: usize, idea: &Idea, w: usize| -> Item {
        let mark = if idea.chosen {
            styled("✓ ", t.done)
        } else {
            Span::raw("  ")
        };
        let prefix = vec![mark, styled(format!("{n}. "), t.key)];
        let style = if idea.chosen { t.title } else { t.base };
        let lines = hanging(prefix, &idea.text, style, w);
        Item::new(lines).selected(selected.as_ref() == Some(&idea.id))
    };
    if rest.width >= SIDE {
        let [l, _, r] = Layout::horizontal([
            Constraint::Percentage(55),
            Constraint::Length(3),
            Constraint::Min(30),
        ])
        .areas(rest);
        matrix(model, &numbered, &idea_item, l, buf);
        let list = |w: usize| {
            numbered
                .iter()
                .map(|(n, i)| idea_item(*n, i, w))
                .collect::<Vec<_>>()
        };
        flow(model, r, (r.width.max(1), u16::MAX), &list, buf);
    } else {
        matrix(model, &numbered, &idea_item, rest, buf);
    }
}

type IdeaItem<'a> = dyn Fn(usize, &Idea, usize) -> Item + 'a;

/// The four quadrants split by a cross, high impact above and high effort on the right;
/// the ideas not rated on both axes on a line below.
fn matrix(model: &Model, ideas: &[(usize, &Idea)], item: &IdeaItem, area: Rect, buf: &mut Buffer) {
    let s = model.strings();
    let st = &s.solutions;
    let p = &s.presenter;
    let t = &model.theme;
    if area.width < 20 || area.height < 5 {
        return;
    }
    let of = |q: Option<Quadrant>| in_quadrant(ideas, q);
    let unrated = of(None);
    let unrated_h = u16::from(!unrated.is_empty()) * 2;
    // No taller than the fuller quadrants need (a title and a blank line, then each idea
    // wrapped at the quadrant's width and a blank line): a square cross reads as a
    // matrix, the rest stays empty below.
    let quadrant_w = (area.width.saturating_sub(1) / 2).saturating_sub(2).max(1) as usize;
    let need = |q: Quadrant| -> u16 {
        let these = of(Some(q));
        let lines: usize = these
            .iter()
            .map(|(n, i)| item(*n, i, quadrant_w).lines.len() + 1)
            .sum();
        2 + lines as u16
    };
    let count = |a: Quadrant, b: Quadrant| need(a).max(need(b));
    let want = count(Quadrant::QuickWins, Quadrant::BigProjects)
        + 1
        + count(Quadrant::Fillers, Quadrant::Thankless);
    let area = Rect {
        height: area.height.min(1 + want + unrated_h),
        ..area
    };
    let [axis, grid, _, rest] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(unrated_h.min(1)),
        Constraint::Length(unrated_h.saturating_sub(1)),
    ])
    .areas(area);
    let legend = Line::from(vec![
        styled(format!("↑ {}", p.impact), t.key),
        styled("   ", t.base),
        styled(format!("{} →", p.effort), t.key),
    ]);
    crate::view::common::fit(legend, axis.width as usize).render(axis, buf);
    let left_w = (grid.width - 1) / 2;
    let top_want = count(Quadrant::QuickWins, Quadrant::BigProjects);
    let top_h = if grid.height >= want {
        top_want
    } else {
        (grid.height - 1) / 2
    };
    let (x_mid, y_mid) = (grid.x + left_w, grid.y + top_h);
    let cells = [
        (
            Quadrant::QuickWins,
            st.quick_wins,
            Rect::new(grid.x, grid.y, left_w.saturating_sub(1), top_h),
        ),
        (
            Quadrant::BigProjects,
            st.big_projects,
            Rect::new(x_mid + 2, grid.y, grid.width - left_w - 2, top_h),
        ),
        (
            Quadrant::Fillers,
            st.fillers,
            Rect::new(
                grid.x,
                y_mid + 1,
                left_w.saturating_sub(1),
                grid.height - top_h - 1,
            ),
        ),
        (
            Quadrant::Thankless,
            st.thankless,
            Rect::new(
                x_mid + 2,
                y_mid + 1,
                grid.width - left_w - 2,
                grid.height - top_h - 1,
            ),
        ),
    ];
    for (q, name, r) in cells {
        let these = of(Some(q));
        let title = heading(model, format!("{name} ({})", these.len()));
        let build = |w: usize| {
            let mut items = vec![Item::heading(title.clone())];
            items.extend(these.iter().map(|(n, i)| item(*n, i, w)));
            items
        };
        flow(model, r, (r.width.max(1), u16::MAX), &build, buf);
    }
    for y in grid.y..grid.bottom() {
        let symbol = if y == y_mid { "┼" } else { "│" };
        buf[(x_mid, y)].set_symbol(symbol).set_style(t.border);
    }
    for x in grid.x..grid.right() {
        if x != x_mid {
            buf[(x, y_mid)].set_symbol("─").set_style(t.border);
        }
    }
    if !unrated.is_empty() {
        let numbers: Vec<String> = unrated.iter().map(|(n, _)| n.to_string()).collect();
        let line = Line::from(vec![
            styled(fill(p.unrated, &[&unrated.len()]), t.key),
            styled(format!("  {}", numbers.join(", ")), t.base),
        ]);
        crate::view::common::fit(line, rest.width as usize).render(rest, buf);
    }
}
