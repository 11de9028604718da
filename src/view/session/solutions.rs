//! Solution search: ideas with who proposed them; the chosen ones marked.

use super::panes::{self, author_name, counted};
use crate::ui::{Model, Pane, SessionUi};
use crate::view::common::{column, muted, one_line, styled};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

pub fn render(model: &Model, ui: &SessionUi, area: Rect, buf: &mut Buffer) {
    let s = model.strings();
    let t = &model.theme;
    let ses = &ui.session;
    let name_w = (area.width / 4).max(8) as usize;
    let rows: Vec<Line> = ses
        .solutions
        .ideas
        .iter()
        .map(|i| {
            let mark = if i.chosen {
                styled("[✓] ", t.marked)
            } else {
                Span::raw("[ ] ")
            };
            let mut spans = vec![
                mark,
                muted(model, column(&author_name(model, ui, &i.proposer), name_w)),
                Span::raw(one_line(&i.text)),
            ];
            if let (Some(imp), Some(eff)) = (i.impact, i.effort) {
                spans.push(muted(
                    model,
                    format!("  {} {imp} · {} {eff}", s.impact_short, s.effort_short),
                ));
            }
            Line::from(spans)
        })
        .collect();
    let chosen = ses.solutions.ideas.iter().filter(|i| i.chosen).count();
    let title = format!(
        "{} · {} {chosen}",
        counted(s.pane_ideas, rows.len()),
        s.chosen_count
    );
    panes::list(
        model,
        ui,
        Pane::Ideas,
        title,
        rows,
        s.empty_ideas,
        area,
        buf,
    );
}
