//! Problem reflection: the core problem, its cause tree ("why?"), its effects.

use super::panes::{self, counted};
use crate::view::common::{one_line, styled};
use crate::ui::{Model, Pane, SessionUi};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

pub fn render(model: &Model, ui: &SessionUi, area: Rect, buf: &mut Buffer) {
    let s = model.strings();
    let t = &model.theme;
    let ses = &ui.session;
    let statement_h = if ui.editor.as_ref().is_some_and(|e| e.target.pane() == Pane::Statement) { 6 } else { 4 };
    let [st, rest] = Layout::vertical([Constraint::Length(statement_h), Constraint::Min(4)]).areas(area);
    panes::text(model, ui, Pane::Statement, s.pane_statement.to_string(), &ses.problem.statement, st, buf);
    let rows: Vec<Line> = ses
        .problem
        .tree_order()
        .into_iter()
        .map(|(depth, c)| {
            let indent = "  ".repeat(depth);
            let branch = if depth == 0 { "• " } else { "└ " };
            let mut spans = vec![Span::raw(format!("{indent}{branch}"))];
            if c.root {
                spans.push(styled(format!("◆ {} ", s.root_badge), t.marked));
            }
            spans.push(Span::raw(one_line(&c.text)));
            Line::from(spans)
        })
        .collect();
    let effects: Vec<Line> = ses.problem.effects.iter().map(|e| Line::from(format!("→ {}", one_line(&e.text)))).collect();
    let (causes_area, effects_area) = if rest.width >= 70 {
        let [c, e] = Layout::horizontal([Constraint::Percentage(62), Constraint::Percentage(38)]).areas(rest);
        (c, e)
    } else {
        let [c, e] = Layout::vertical([Constraint::Percentage(65), Constraint::Percentage(35)]).areas(rest);
        (c, e)
    };
    panes::list(model, ui, Pane::Causes, counted(s.pane_causes, rows.len()), rows, s.empty_causes, causes_area, buf);
    panes::list(model, ui, Pane::Effects, counted(s.pane_effects, effects.len()), effects, s.empty_effects, effects_area, buf);
}
