//! The facilitation screen: header with the group, the stepper of phases and the timer; the
//! phase's content; the facilitator panel with the phase's purpose and questions.

mod checkin;
mod closing;
mod decision_confirm;
mod decisions;
mod fishbone;
mod followup;
mod ideas;
mod life_form;
mod matrix;
mod needs;
mod panes;
mod plan;
mod problem;
mod solutions;
mod tree;

pub use decision_confirm::confirm_text;
pub use panes::item_label;
// For the presenter view, which shows the same things its own way.
pub(crate) use followup::status_span;
pub(crate) use life_form::life_form;
pub(crate) use matrix::{Quadrant, in_quadrant};
pub(crate) use needs::votes;
pub(crate) use panes::{author_name, editor_field};
pub use problem::delete_question;

use super::common::{fit, styled};
use super::form;
use crate::dates;
use crate::i18n::fill;
use crate::layout;
use crate::layout::text::clip;
use crate::layout::text::display_width;
use crate::method::PhaseKind;
use crate::timer::format_clock;
use crate::ui::{Model, SessionUi};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};
use unicode_width::UnicodeWidthStr;

pub use crate::layout::session::SIDE_PANEL_MIN_WIDTH;

pub fn render(model: &Model, ui: &SessionUi, area: Rect, buf: &mut Buffer) {
    let place = layout::session::areas(ui, area);
    phases(model, ui, place.stepper, buf);
    header(model, ui, place.head, buf);
    match &ui.decisions {
        // The group's decisions take the phase's place, the phase still named above.
        Some(d) => {
            let [_, _, body] = layout::session::under_stepper(area);
            decisions::render(model, ui, d, body, buf);
        }
        None => {
            phase_content(model, ui, place.content, buf);
            if let Some(p) = place.panel {
                facilitator_panel(model, ui, p, buf);
            }
        }
    }
    action_form(model, ui, area, buf);
    life_form(model, ui, area, buf, false);
}

/// The group's decisions in `area`, for the presenter view.
pub(crate) fn decisions_body(model: &Model, ui: &SessionUi, area: Rect, buf: &mut Buffer) {
    if let Some(d) = &ui.decisions {
        decisions::render(model, ui, d, area, buf);
    }
}

/// The session screen's frame, replay's too: a row for the header (returned, for each to
/// write its own), the phase stepper below it, and the body (returned).
pub(crate) fn under_stepper(
    model: &Model,
    ui: &SessionUi,
    area: Rect,
    buf: &mut Buffer,
) -> (Rect, Rect) {
    let [head, stepper, body] = layout::session::under_stepper(area);
    phases(model, ui, stepper, buf);
    (head, body)
}

/// The action being added or edited, in a popup over the screen (the presenter view's too).
pub(crate) fn action_form(model: &Model, ui: &SessionUi, area: Rect, buf: &mut Buffer) {
    if let Some(af) = &ui.action_form {
        let s = model.strings();
        let title = if af.editing.is_some() {
            s.action_edit
        } else {
            s.action_add
        };
        // As wide as the lists below, so that their cut rows do not peek out at its sides.
        let w = area.width.saturating_sub(2).min(90);
        let h = form::height(model, &af.form, true, w.saturating_sub(2)) + 4;
        let popup = super::common::popup_area(area, w, h);
        let inner = super::common::popup_frame(model, popup, title, buf);
        let [fields, hint] =
            Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
        form::render(model, &af.form, true, fields, buf);
        super::common::footer(model, hint, buf);
    }
}

/// The phase's own content, as the session screen draws it (replay draws each step so).
pub(crate) fn phase_content(model: &Model, ui: &SessionUi, area: Rect, buf: &mut Buffer) {
    match ui.phase() {
        PhaseKind::CheckIn => checkin::render(model, ui, area, buf),
        PhaseKind::FollowUp => followup::render(model, ui, area, buf),
        PhaseKind::NeedEmergence => needs::render(model, ui, area, buf),
        PhaseKind::ProblemReflection => problem::render(model, ui, area, buf),
        PhaseKind::SolutionSearch => solutions::render(model, ui, area, buf),
        PhaseKind::ActionPlan => plan::render(model, ui, area, buf),
        PhaseKind::Closing => closing::render(model, ui, area, buf),
    }
}

fn header(model: &Model, ui: &SessionUi, area: Rect, buf: &mut Buffer) {
    let s = model.strings();
    let t = &model.theme;
    let ses = &ui.session;
    let title = format!(
        " {} · {} · {}",
        ses.group.name,
        fill(s.session_number, &[&ses.number]),
        dates::show(ses.date)
    );
    // When room is short the planned time goes first, then the paused timer's words: the
    // group's name stays whole.
    let width = |spans: &[Span]| {
        spans
            .iter()
            .map(|s| display_width(&s.content))
            .sum::<usize>()
    };
    let group_w = display_width(&ses.group.name) + 1;
    let room = area.width as usize;
    let tiers = [(true, true), (false, true), (false, false)];
    let right = tiers
        .iter()
        .enumerate()
        .map(|(tier, (planned, words))| (tier, header_right(model, ui, *planned, *words)))
        .find(|(tier, r)| {
            // The title whole; or at least the group's name and the ellipsis after it.
            let need = if *tier == 0 {
                display_width(&title) + 1
            } else {
                group_w + 2
            };
            width(r) + need <= room || *tier == tiers.len() - 1
        })
        .map(|(_, r)| r)
        .unwrap_or_default();
    let right_w = width(&right);
    let left_w = (area.width as usize).saturating_sub(right_w + 1);
    let mut spans = vec![styled(clip(&title, left_w), t.title)];
    let pad = left_w.saturating_sub(display_width(&spans[0].content));
    spans.push(Span::raw(" ".repeat(pad + 1)));
    spans.extend(right);
    fit(Line::from(spans), area.width as usize).render(area, buf);
}

/// The header's right part: the session's state, then the phase's timer, with its planned
/// time if `planned`. A paused timer says so in words (if `words`), with the key that
/// starts it, where it could run.
fn header_right(model: &Model, ui: &SessionUi, planned: bool, words: bool) -> Vec<Span<'static>> {
    let s = model.strings();
    let t = &model.theme;
    let ses = &ui.session;
    let timer = ses.timer(ses.current_phase);
    let now = model.now;
    let remaining = timer.remaining(now);
    let mut right: Vec<Span> = Vec::new();
    if ses.is_closed() {
        right.push(styled(format!(" ✓ {} ", s.state_closed), t.done));
    }
    if ui.read_only {
        right.push(styled(format!(" 🔒 {} ", s.read_only_badge), t.warning));
    }
    let state = if timer.is_running() {
        "▶".to_string()
    } else if ses.is_closed() || ui.read_only || !words {
        "⏸".to_string()
    } else {
        let key = crate::keymap::key_label(
            crate::keymap::Ctx::Facilitate,
            crate::keymap::Action::TimerToggle,
        );
        format!("⏸ {}", fill(s.timer_paused, &[&key]))
    };
    if timer.overrun(now) {
        right.push(styled(
            format!(" ⚠ {} {} ", s.timer_overrun, format_clock(remaining)),
            t.warning,
        ));
        right.push(styled(format!("{state} "), t.warning));
    } else {
        let clock = if planned {
            format!(
                " ⏱ {} / {} {state} ",
                format_clock(remaining),
                format_clock(i64::from(timer.planned_secs))
            )
        } else {
            format!(" ⏱ {} {state} ", format_clock(remaining))
        };
        right.push(styled(
            clock,
            if timer.is_running() {
                t.current
            } else {
                t.base
            },
        ));
    }
    right
}

/// The stepper: every phase, done / current / to come, with a symbol as well as a style.
fn phases(model: &Model, ui: &SessionUi, area: Rect, buf: &mut Buffer) {
    let t = &model.theme;
    let ses = &ui.session;
    let lang = model.lang;
    let current = ses.current_phase;
    // Three ways to write it, from the most to the least room: numbers and names, names
    // only, then numbers only except for the current phase.
    let build = |tier: u8| -> Vec<Span<'static>> {
        let mut spans = vec![Span::raw(" ")];
        for (i, p) in ses.method.phases.iter().enumerate() {
            let (mark, style) = match i.cmp(&current) {
                std::cmp::Ordering::Less => ("✓", t.done),
                std::cmp::Ordering::Equal => ("▶", t.current),
                std::cmp::Ordering::Greater => ("·", t.todo),
            };
            let name = match tier {
                0 => format!("{mark}{} {}", i + 1, p.short_title(lang)),
                1 => format!("{mark}{}", p.short_title(lang)),
                _ if i == current => format!("{mark}{} {}", i + 1, p.short_title(lang)),
                _ => format!("{mark}{}", i + 1),
            };
            let style = if i == current {
                style.patch(t.selected)
            } else {
                style
            };
            spans.push(Span::styled(name, style));
            spans.push(Span::styled(if tier == 0 { " › " } else { " " }, t.muted));
        }
        spans.pop();
        spans
    };
    let fits = |spans: &Vec<Span>| {
        spans.iter().map(|s| s.content.width()).sum::<usize>() <= area.width as usize
    };
    let spans = [0, 1]
        .into_iter()
        .map(build)
        .find(fits)
        .unwrap_or_else(|| build(2));
    Line::from(spans).render(area, buf);
}

pub(crate) fn facilitator_panel(model: &Model, ui: &SessionUi, area: Rect, buf: &mut Buffer) {
    let s = model.strings();
    let t = &model.theme;
    let lang = model.lang;
    let Some(phase) = ui.session.method.phases.get(ui.session.current_phase) else {
        return;
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.border)
        .title(Span::styled(
            format!(" {} ", phase.title.get(lang)),
            t.title,
        ));
    let inner = block.inner(area);
    block.render(area, buf);
    let mut lines = vec![
        Line::from(Span::styled(phase.purpose.get(lang).to_string(), t.muted)),
        Line::default(),
        Line::from(Span::styled(s.panel_questions, t.title)),
    ];
    for q in &phase.questions {
        lines.push(Line::from(vec![
            styled("• ", t.key),
            Span::raw(q.get(lang).to_string()),
        ]));
    }
    // Below the content, space is short: questions first, the purpose is in the help.
    if area.width < SIDE_PANEL_MIN_WIDTH && inner.height < 6 {
        lines.drain(..3);
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .render(inner, buf);
}
