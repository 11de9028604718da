//! Problem reflection: the core problem, its cause tree ("why?"), its effects.

use super::panes::{self, counted};
use crate::ui::{Model, Pane, SessionUi};
use crate::view::common::{one_line, styled};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

pub fn render(model: &Model, ui: &SessionUi, area: Rect, buf: &mut Buffer) {
    let s = model.strings();
    let t = &model.theme;
    let ses = &ui.session;
    // The statement whole if it can be, at most a third of the phase.
    let statement_h = panes::text_want(
        ui,
        Pane::Statement,
        &ses.problem.statement,
        area.width,
        (area.height / 3).max(4),
    );
    let [st, rest] =
        Layout::vertical([Constraint::Length(statement_h), Constraint::Min(4)]).areas(area);
    panes::text(
        model,
        ui,
        Pane::Statement,
        s.pane_statement.to_string(),
        &ses.problem.statement,
        st,
        buf,
    );
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
    let effects: Vec<Line> = ses
        .problem
        .effects
        .iter()
        .map(|e| Line::from(format!("→ {}", one_line(&e.text))))
        .collect();
    let causes_title = counted(s.pane_causes, rows.len());
    let effects_title = counted(s.pane_effects, effects.len());
    if rest.width >= 70 {
        let [c, e] = Layout::horizontal([Constraint::Percentage(62), Constraint::Percentage(38)])
            .areas(rest);
        panes::list(
            model,
            ui,
            Pane::Causes,
            causes_title,
            rows,
            s.empty_causes,
            c,
            buf,
        );
        panes::list(
            model,
            ui,
            Pane::Effects,
            effects_title,
            effects,
            s.empty_effects,
            e,
            buf,
        );
        return;
    }
    // Narrow: one above the other; when short, the focused list keeps its box.
    let summary = |lines: &[Line]| {
        lines
            .iter()
            .map(|l| l.to_string())
            .collect::<Vec<_>>()
            .join(" · ")
    };
    let items = vec![
        panes::Stacked {
            pane: Pane::Causes,
            label: causes_title.clone(),
            summary: summary(&rows),
            want: (rows.len() as u16 + 2).max(rest.height * 2 / 3),
            min: 3,
            draw: Box::new(move |r, b| {
                panes::list(
                    model,
                    ui,
                    Pane::Causes,
                    causes_title.clone(),
                    rows.clone(),
                    s.empty_causes,
                    r,
                    b,
                )
            }),
        },
        panes::Stacked {
            pane: Pane::Effects,
            label: effects_title.clone(),
            summary: summary(&effects),
            want: effects.len() as u16 + 2,
            min: 3,
            draw: Box::new(move |r, b| {
                panes::list(
                    model,
                    ui,
                    Pane::Effects,
                    effects_title.clone(),
                    effects.clone(),
                    s.empty_effects,
                    r,
                    b,
                )
            }),
        },
    ];
    panes::stack(model, ui, items, rest, buf);
}
