//! Problem reflection for the room: the problem in one sentence, the tree of its causes
//! (root causes marked), and what it costs the group.

use super::flow::{Item, at_most, flow, hanging};
use super::{focused_id, heading, top_lines};
use crate::model::{Cause, Id, Problem};
use crate::ui::{Model, Pane, SessionUi};
use crate::view::common::styled;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use std::collections::BTreeSet;

/// From this width on, the effects sit beside the causes.
const SIDE: u16 = 110;

pub fn render(model: &Model, ui: &SessionUi, area: Rect, buf: &mut Buffer) {
    let s = model.strings();
    let p = &s.presenter;
    let t = &model.theme;
    let pr = &ui.session.problem;
    let w = area.width as usize;
    let mut top = vec![heading(model, p.statement.to_string())];
    let statement = pr.statement.trim();
    let rows = if statement.is_empty() {
        hanging(vec![styled("  ", t.base)], p.nothing_yet, t.base, w)
    } else {
        hanging(vec![styled("  ", t.title)], statement, t.title, w)
    };
    top.extend(at_most(rows, if area.height >= 30 { 5 } else { 3 }));
    let rest = top_lines(top, area, buf);
    let roots = pr.causes.iter().filter(|c| c.root).count();
    let causes_title = heading(model, p.causes.fill(roots, &[&pr.causes.len(), &roots]));
    let selected = focused_id(ui, Pane::Causes).or_else(|| focused_id(ui, Pane::Effects));
    let effects = |w: usize| -> Item {
        let mut lines = vec![heading(model, p.effects.to_string())];
        let mut lit = None;
        for e in &pr.effects {
            let start = lines.len();
            lines.extend(hanging(vec![styled("→ ", t.key)], &e.text, t.base, w));
            if selected.as_ref() == Some(&e.id) {
                lit = Some(start..lines.len());
            }
        }
        let item = Item::new(lines);
        match lit {
            Some(r) => item.selected_lines(r),
            None => item,
        }
    };
    let tree = |w: usize| -> Vec<Item> {
        let mut items = vec![Item::heading(causes_title.clone())];
        items.extend(tree_items(model, ui, pr, selected.as_ref(), w));
        items
    };
    if rest.width >= SIDE && !pr.effects.is_empty() {
        let [l, _, r] = Layout::horizontal([
            Constraint::Percentage(64),
            Constraint::Length(3),
            Constraint::Min(20),
        ])
        .areas(rest);
        flow(model, l, (40, u16::MAX), &tree, buf);
        flow(
            model,
            r,
            (r.width.max(1), u16::MAX),
            &|w| vec![effects(w)],
            buf,
        );
    } else {
        let all = |w: usize| {
            let mut items = tree(w);
            if !pr.effects.is_empty() {
                items.push(effects(w));
            }
            items
        };
        flow(model, rest, (36, u16::MAX), &all, buf);
    }
}

/// One item per cause of the first level, with its sub-causes (those of folded causes left
/// out, as on the advisor's screen, and counted).
fn tree_items(
    model: &Model,
    ui: &SessionUi,
    pr: &Problem,
    selected: Option<&Id>,
    w: usize,
) -> Vec<Item> {
    let mut items: Vec<Item> = Vec::new();
    let mut current: Vec<Line<'static>> = Vec::new();
    let mut lit = None;
    let mut hidden: BTreeSet<&Id> = BTreeSet::new();
    let flush = |lines: &mut Vec<Line<'static>>,
                 lit: &mut Option<std::ops::Range<usize>>,
                 items: &mut Vec<Item>| {
        if !lines.is_empty() {
            let item = Item::new(std::mem::take(lines));
            items.push(match lit.take() {
                Some(r) => item.selected_lines(r),
                None => item,
            });
        }
    };
    for (depth, c) in pr.tree_order() {
        if c.parent.as_ref().is_some_and(|p| hidden.contains(p)) {
            hidden.insert(&c.id);
            continue;
        }
        if depth == 0 {
            flush(&mut current, &mut lit, &mut items);
        }
        let folded = ui.tech.folded.contains(&c.id);
        if folded {
            hidden.insert(&c.id);
        }
        let start = current.len();
        current.extend(cause_lines(model, pr, c, depth, folded, w));
        if selected == Some(&c.id) {
            lit = Some(start..current.len());
        }
    }
    flush(&mut current, &mut lit, &mut items);
    items
}

fn cause_lines(
    model: &Model,
    pr: &Problem,
    c: &Cause,
    depth: usize,
    folded: bool,
    w: usize,
) -> Vec<Line<'static>> {
    let t = &model.theme;
    let p = &model.strings().presenter;
    let indent = "   ".repeat(depth.min(6));
    let (mark, style) = match (c.root, depth) {
        (true, _) => ("◆ ", t.marked),
        (false, 0) => ("● ", t.title),
        (false, _) => ("↳ ", t.base),
    };
    let mut text = c.text.clone();
    if folded {
        let n = pr.subtree(&c.id).len().saturating_sub(1);
        if n > 0 {
            text.push_str(&format!(" (+{n})"));
        }
    }
    if c.root {
        text.push_str(&format!(" — {}", p.root));
    }
    let text_style = if c.root || depth == 0 {
        t.title
    } else {
        t.base
    };
    let prefix = vec![styled(indent, t.base), styled(mark, style)];
    hanging(prefix, &text, text_style, w)
}
