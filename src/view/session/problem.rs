//! Problem reflection: the core problem, its cause tree ("why?") and the same causes by
//! category (fishbone), its effects, the members it concerns.
//!
//! Wide (120 columns for the phase), the tree and the fishbone sit side by side above the
//! effects and the members; `v` says which of the two the arrows walk through. Narrower, the
//! causes pane shows one of them (`v` switches) beside a column of effects and members.

use super::panes::{self, counted};
use super::{fishbone, tree};
use crate::i18n::fill;
use crate::layout;
use crate::layout::session::{Causes, Slot};
use crate::layout::text::one_line;
use crate::model::{Attendance, Id};
use crate::ui::{Model, Pane, SessionUi};
use crate::view::common::styled;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span, Text};

pub fn render(model: &Model, ui: &SessionUi, area: Rect, buf: &mut Buffer) {
    let s = model.strings();
    let ses = &ui.session;
    let place = layout::session::problem(model, ui, area);
    panes::text(
        model,
        ui,
        Pane::Statement,
        s.pane_statement.to_string(),
        &ses.problem.statement,
        place.statement,
        buf,
    );
    let by_category = ui.tech.alt_view.contains(&Pane::Causes);
    let effects = effect_rows(ui);
    let members = member_rows(model, ui);
    let causes = move |r: Rect, b: &mut Buffer| {
        if by_category {
            fishbone::render(model, ui, true, r, b);
        } else {
            tree::render(model, ui, true, r, b);
        }
    };
    match place.causes {
        Causes::Both { tree, fishbone } => {
            tree::render(model, ui, !by_category, tree, buf);
            fishbone::render(model, ui, by_category, fishbone, buf);
        }
        Causes::One(r) => causes(r, buf),
        Causes::InColumn => {}
    }
    let summary = |lines: &[Line]| {
        (lines.iter())
            .map(|l| l.to_string())
            .collect::<Vec<_>>()
            .join(" · ")
    };
    let (panes, slots): (Vec<Pane>, Vec<Slot>) = place.column.into_iter().unzip();
    let column = panes
        .into_iter()
        .map(|pane| match pane {
            Pane::Causes => panes::Stacked {
                label: tree::title(model, &ses.problem, s.pane_causes),
                summary: (ses.problem.causes.iter())
                    .map(|c| one_line(&c.text))
                    .collect::<Vec<_>>()
                    .join(" · "),
                draw: Box::new(causes),
            },
            Pane::Effects => panes::Stacked {
                label: counted(s.pane_effects, effects.len()),
                summary: summary(&effects),
                draw: Box::new(move |r, b| effects_pane(model, ui, r, b)),
            },
            _ => panes::Stacked {
                label: concerned_title(model, ui, members.len()),
                summary: summary(&members),
                draw: Box::new({
                    let members = members.clone();
                    move |r, b| concerned_pane(model, ui, members.clone(), r, b)
                }),
            },
        })
        .collect();
    panes::stack(model, place.column_area, column, &slots, buf);
}

fn effect_rows(ui: &SessionUi) -> Vec<Line<'static>> {
    (ui.session.problem.effects.iter())
        .map(|e| Line::from(format!("→ {}", one_line(&e.text))))
        .collect()
}

/// The effects as the pane draws them in `width` columns (see `layout::session::effect_rows`).
fn effect_texts(ui: &SessionUi, width: u16, max_lines: usize) -> Vec<Text<'static>> {
    layout::session::effect_rows(ui, width, max_lines)
        .into_iter()
        .map(|lines| Text::from(lines.into_iter().map(Line::from).collect::<Vec<_>>()))
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
    let text = crate::layout::text::clip(&one_line(&cause.text), 60);
    match problem.subtree(id).len() - 1 {
        0 => None,
        n => Some(s.problem.confirm_delete.fill(n, &[&text, &n])),
    }
}
