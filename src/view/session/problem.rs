//! Problem reflection: the core problem, its cause tree ("why?") and the same causes by
//! category (fishbone), its effects, the members it concerns.
//!
//! Wide (120 columns for the phase), the tree and the fishbone sit side by side above the
//! effects and the members; `v` says which of the two the arrows walk through. Narrower, the
//! causes pane shows one of them (`v` switches) beside a column of effects and members.

use super::panes::{self, counted};
use super::{fishbone, tree};
use crate::i18n::fill;
use crate::layout::text::wrapped_rows;
use crate::layout::wrap::wrap;
use crate::model::{Attendance, Id};
use crate::ui::{Model, Pane, SessionUi};
use crate::view::common::{clip, one_line, styled};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span, Text};

/// From this width the fishbone is drawn beside the tree.
const SIDE_BY_SIDE: u16 = 120;
/// Below this width the effects and members go under the causes.
const SIDE_COLUMN: u16 = 70;

pub fn render(model: &Model, ui: &SessionUi, area: Rect, buf: &mut Buffer) {
    let s = model.strings();
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
    let by_category = ui.tech.alt_view.contains(&Pane::Causes);
    let effects = effect_rows(ui);
    let members = member_rows(model, ui);
    if rest.width >= SIDE_BY_SIDE {
        let below =
            (effects.len().max(members.len()) as u16 + 2).clamp(5, (rest.height / 3).max(5));
        let [top, bottom] =
            Layout::vertical([Constraint::Min(6), Constraint::Length(below)]).areas(rest);
        let [t, f] =
            Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(top);
        tree::render(model, ui, !by_category, t, buf);
        fishbone::render(model, ui, by_category, f, buf);
        let [e, c] = Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)])
            .areas(bottom);
        effects_pane(model, ui, e, buf);
        concerned_pane(model, ui, members, c, buf);
        return;
    }
    let causes = move |r: Rect, b: &mut Buffer| {
        if by_category {
            fishbone::render(model, ui, true, r, b);
        } else {
            tree::render(model, ui, true, r, b);
        }
    };
    let summary = |lines: &[Line]| {
        (lines.iter())
            .map(|l| l.to_string())
            .collect::<Vec<_>>()
            .join(" · ")
    };
    let effects_title = counted(s.pane_effects, effects.len());
    let concerned_title = concerned_title(model, ui, members.len());
    // Taken from the layout that draws the column: it rounds, and a column computed by hand
    // could be one wider than drawn, cutting the last word of a sentence sized for it.
    let [causes_area, side] =
        Layout::horizontal([Constraint::Percentage(62), Constraint::Percentage(38)]).areas(rest);
    let column_width = if rest.width >= SIDE_COLUMN {
        side.width
    } else {
        rest.width
    };
    // An empty list wants room for the sentence that says how to fill it.
    let want = |rows: usize, empty: &str| match rows {
        0 => wrapped_rows(empty, column_width.saturating_sub(2) as usize) as u16 + 2,
        n => n as u16 + 2,
    };
    let mut column = vec![
        panes::Stacked {
            pane: Pane::Effects,
            label: effects_title.clone(),
            summary: summary(&effects),
            want: want(
                effect_texts(ui, column_width, rest.height as usize)
                    .iter()
                    .map(|t| t.lines.len())
                    .sum(),
                s.empty_effects,
            ) + panes::field_want(ui, Pane::Effects, column_width),
            min: 3,
            draw: Box::new(move |r, b| effects_pane(model, ui, r, b)),
        },
        panes::Stacked {
            pane: Pane::Concerned,
            label: concerned_title,
            summary: summary(&members),
            want: want(members.len(), s.problem.empty_concerned),
            min: 3,
            draw: Box::new({
                let members = members.clone();
                move |r, b| concerned_pane(model, ui, members.clone(), r, b)
            }),
        },
    ];
    if rest.width >= SIDE_COLUMN {
        causes(causes_area, buf);
        panes::stack(model, ui, column, side, buf);
        return;
    }
    // Narrow: one above the other; when short, the focused pane keeps its box.
    let n = ses.problem.causes.len();
    column.insert(
        0,
        panes::Stacked {
            pane: Pane::Causes,
            label: tree::title(model, &ses.problem, s.pane_causes),
            summary: (ses.problem.causes.iter())
                .map(|c| one_line(&c.text))
                .collect::<Vec<_>>()
                .join(" · "),
            want: (n as u16 + 2).max(rest.height * 2 / 3),
            min: 3,
            draw: Box::new(causes),
        },
    );
    panes::stack(model, ui, column, rest, buf);
}

fn effect_rows(ui: &SessionUi) -> Vec<Line<'static>> {
    (ui.session.problem.effects.iter())
        .map(|e| Line::from(format!("→ {}", one_line(&e.text))))
        .collect()
}

/// The effects as the pane draws them in `width` columns (borders included): the selected
/// one whole, wrapped, while the pane has focus, in at most `max_lines`.
fn effect_texts(ui: &SessionUi, width: u16, max_lines: usize) -> Vec<Text<'static>> {
    let focused = ui.pane() == Pane::Effects;
    let selected = ui.selection(Pane::Effects);
    // Inside the borders, after the two columns of the selection mark and the arrow.
    let room = width.saturating_sub(6) as usize;
    (ui.session.problem.effects.iter())
        .enumerate()
        .map(|(i, e)| {
            let text = one_line(&e.text);
            if !focused || i != selected {
                return Text::from(format!("→ {text}"));
            }
            let mut lines = wrap(&text, room);
            if lines.len() > max_lines.max(1) {
                lines.truncate(max_lines.max(1));
                if let Some(last) = lines.last_mut() {
                    *last = clip(&format!("{last} …"), room);
                }
            }
            Text::from(
                (lines.into_iter().enumerate())
                    .map(|(k, l)| Line::from(format!("{}{l}", if k == 0 { "→ " } else { "  " })))
                    .collect::<Vec<_>>(),
            )
        })
        .collect()
}

fn effects_pane(model: &Model, ui: &SessionUi, r: Rect, b: &mut Buffer) {
    let s = model.strings();
    let rows = effect_texts(ui, r.width, r.height.saturating_sub(2) as usize);
    let title = counted(s.pane_effects, rows.len());
    panes::list(model, ui, Pane::Effects, title, rows, s.empty_effects, r, b);
}

/// "Members concerned 2/9": marked among those listed.
fn concerned_title(model: &Model, ui: &SessionUi, listed: usize) -> String {
    let n = ui.session.problem.concerned.len();
    fill(model.strings().problem.concerned_title, &[&n, &listed])
}

/// Present members (and anyone already marked), each ticked or not.
fn member_rows(model: &Model, ui: &SessionUi) -> Vec<Line<'static>> {
    let s = model.strings();
    let t = &model.theme;
    let ses = &ui.session;
    Pane::Concerned
        .rows(ses)
        .iter()
        .map(|id| {
            let concerned = ses.problem.concerned.contains(id);
            let mut spans = vec![
                if concerned {
                    styled("☑ ", t.marked)
                } else {
                    styled("☐ ", t.muted)
                },
                Span::raw(ses.group.member_name(id)),
            ];
            match ses.checkin.attendance.get(id) {
                Some(Attendance::Excused) => {
                    spans.push(styled(format!(" ({})", s.excused), t.muted))
                }
                Some(Attendance::Absent) => spans.push(styled(format!(" ({})", s.absent), t.muted)),
                _ => {}
            }
            Line::from(spans)
        })
        .collect()
}

fn concerned_pane(
    model: &Model,
    ui: &SessionUi,
    rows: Vec<Line<'static>>,
    r: Rect,
    b: &mut Buffer,
) {
    let s = model.strings();
    let title = concerned_title(model, ui, rows.len());
    panes::list(
        model,
        ui,
        Pane::Concerned,
        title,
        rows,
        s.problem.empty_concerned,
        r,
        b,
    );
}

/// The question before deleting a cause that has sub-causes: how many go with it. `None`
/// for a cause alone, which gets the usual question.
pub fn delete_question(model: &Model, ui: &SessionUi, id: &Id) -> Option<String> {
    let s = model.strings();
    let problem = &ui.session.problem;
    let cause = problem.causes.iter().find(|c| &c.id == id)?;
    let text = crate::view::common::clip(&one_line(&cause.text), 60);
    match problem.subtree(id).len() - 1 {
        0 => None,
        n => Some(s.problem.confirm_delete.fill(n, &[&text, &n])),
    }
}
