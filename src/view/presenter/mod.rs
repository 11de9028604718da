//! The presenter view: the session drawn for a projector at the back of a room. One header
//! line (group · phase · timer), the phase's main question as a banner, then the phase's
//! content large and uncluttered, and one discreet line at the bottom. No facilitator panel,
//! no private notes, no phone numbers, no list of keys.
//!
//! "Large" in a terminal cannot mean a bigger font. It means: the question in a reversed bold
//! band several rows tall with room around it; the content in bold with blank lines between
//! items, few words per line, and nothing else on screen. Block letters (figlet style) were
//! weighed and left out: the method's questions run to 30–70 characters, which in letters
//! five cells wide fit on no screen, and such fonts have no accented letters or Arabic, which
//! every French title and many members' names need.
//!
//! It only draws: which pane has the focus, what is selected and what is being typed are the
//! same as on the advisor's screen, so toggling loses nothing. The selected item of the
//! focused pane is highlighted and kept in sight, so the room sees what is being discussed.

mod checkin;
mod closing;
mod flow;
mod followup;
mod needs;
mod plan;
mod privacy;
mod problem;
mod solutions;

use super::common::{fit, styled};
use crate::i18n::fill;
use crate::keymap::{self, Action, Ctx};
use crate::layout::text::display_width;
use crate::method::PhaseKind;
use crate::timer::format_clock;
use crate::ui::{Model, Pane, SessionUi, Target};
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph, Widget};

pub use flow::wrap;

/// The whole screen, status and footer rows included: the presenter view has its own.
pub fn render(model: &Model, ui: &SessionUi, area: Rect, buf: &mut Buffer) {
    // Phone numbers masked in the texts before anything is drawn.
    let room = privacy::for_the_room(ui);
    let ui = &room;
    // Room to breathe grows with the screen: none when cramped, more on a large one.
    let air: u16 = match area.height {
        0..20 => 0,
        20..40 => 1,
        _ => 2,
    };
    let margin: u16 = match area.width {
        0..100 => 1,
        100..160 => 3,
        _ => 6,
    };
    let inner_w = area.width.saturating_sub(2 * margin);
    let question = question(model, ui);
    let text_w = inner_w.saturating_sub(4).max(1) as usize;
    let question_rows = wrap(&question, text_w).len().clamp(1, 3) as u16;
    let banner_h = question_rows + 2 * air.min(1) + u16::from(air >= 2);
    // The private notes are refused in presenter view and put aside on entering it; should
    // their field be open all the same (a session set to presenter view directly), it is
    // not drawn.
    let mirrored = mirrored_draft(ui);
    let typing = ui
        .editor
        .as_ref()
        .filter(|e| e.target != Target::Text(crate::model::TextField::PrivateNotes))
        .or(mirrored.as_ref());
    let editor_h = typing.map_or(0, |e| editor_height(e, inner_w, area.height));
    let [head, _, banner, _, body, editor, bottom] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(air),
        Constraint::Length(banner_h),
        Constraint::Length(air),
        Constraint::Min(1),
        Constraint::Length(editor_h),
        Constraint::Length(1),
    ])
    .areas(area);
    let indent = |r: Rect| Rect {
        x: r.x + margin.min(r.width),
        width: inner_w,
        ..r
    };
    header(model, ui, indent(head), buf);
    draw_banner(model, &question, question_rows, indent(banner), buf);
    let body = indent(body);
    match ui.phase() {
        // The group's decisions, as the advisor's screen shows them: nothing private.
        _ if ui.decisions.is_some() => super::session::decisions_body(model, ui, body, buf),
        PhaseKind::CheckIn => checkin::render(model, ui, body, buf),
        PhaseKind::FollowUp => followup::render(model, ui, body, buf),
        PhaseKind::NeedEmergence => needs::render(model, ui, body, buf),
        PhaseKind::ProblemReflection => problem::render(model, ui, body, buf),
        PhaseKind::SolutionSearch => solutions::render(model, ui, body, buf),
        PhaseKind::ActionPlan => plan::render(model, ui, body, buf),
        PhaseKind::Closing => closing::render(model, ui, body, buf),
    }
    if let Some(ed) = typing {
        editor_box(model, ui, ed, indent(editor), buf);
    }
    bottom_line(model, ui, indent(bottom), buf);
    if ui.action_form.is_some() {
        super::session::action_form(model, ui, area, buf);
    }
    super::session::life_form(model, ui, area, buf, true);
}

/// The phase's main question: the method's first question for it, or its title if it has
/// none (a trainer's own method file may leave them out).
fn question(model: &Model, ui: &SessionUi) -> String {
    let lang = model.lang;
    if ui.decisions.is_some() {
        return model.strings().decisions.title.to_string();
    }
    match ui.session.method.phases.get(ui.session.current_phase) {
        Some(p) => match p.questions.first() {
            Some(q) => q.get(lang).to_string(),
            None => p.title.get(lang).to_string(),
        },
        None => String::new(),
    }
}

/// Group · phase on the left, the timer on the right; an overrun says so in words.
fn header(model: &Model, ui: &SessionUi, area: Rect, buf: &mut Buffer) {
    let s = model.strings();
    let t = &model.theme;
    let ses = &ui.session;
    let lang = model.lang;
    let phase = ses
        .method
        .phases
        .get(ses.current_phase)
        .map(|p| p.title.get(lang).to_string())
        .unwrap_or_default();
    let timer = ses.timer(ses.current_phase);
    let remaining = timer.remaining(model.now);
    let clock = if timer.overrun(model.now) {
        styled(
            format!(" ⚠ {} {} ", s.timer_overrun, format_clock(remaining)),
            t.warning,
        )
    } else {
        let state = if timer.is_running() { "▶" } else { "⏸" };
        styled(format!(" ⏱ {} {state}", format_clock(remaining)), t.title)
    };
    let clock_w = display_width(&clock.content);
    let left_w = (area.width as usize).saturating_sub(clock_w + 1);
    let left = fit(
        Line::from(vec![
            styled(ses.group.name.clone(), t.title),
            styled(format!(" · {phase}"), t.base),
        ]),
        left_w,
    );
    let used: usize = left.spans.iter().map(|s| display_width(&s.content)).sum();
    let mut spans = left.spans;
    spans.push(Span::raw(
        " ".repeat((area.width as usize).saturating_sub(used + clock_w)),
    ));
    spans.push(clock);
    fit(Line::from(spans), area.width as usize).render(area, buf);
}

/// The question in a band: reversed and bold, centred, with a row of band above and below
/// when there is room.
fn draw_banner(model: &Model, question: &str, rows: u16, area: Rect, buf: &mut Buffer) {
    let t = &model.theme;
    let style = t.title.patch(t.selected).add_modifier(Modifier::BOLD);
    buf.set_style(area, style);
    let text_w = area.width.saturating_sub(4).max(1) as usize;
    let mut lines = wrap(question, text_w);
    if lines.len() > rows as usize {
        lines.truncate(rows as usize);
        if let Some(last) = lines.last_mut() {
            *last = crate::layout::text::clip(&format!("{last}…"), text_w);
        }
    }
    let top = area.y + area.height.saturating_sub(rows) / 2;
    for (i, l) in lines.into_iter().enumerate() {
        let y = top + i as u16;
        if y >= area.bottom() {
            break;
        }
        let row = Rect::new(area.x + 2.min(area.width), y, text_w as u16, 1);
        Paragraph::new(fit(Line::from(styled(l, style)), text_w))
            .alignment(Alignment::Center)
            .render(row.intersection(area), buf);
    }
}

/// Rows for the field being typed: its text wrapped, up to a quarter of the screen.
fn editor_height(ed: &crate::ui::Editor, width: u16, screen_h: u16) -> u16 {
    let inner = width.saturating_sub(2) as usize;
    let rows: usize = ed
        .area
        .lines()
        .iter()
        .map(|l| wrap(l, inner).len().max(1))
        .sum();
    let most = (screen_h / 4).max(3);
    (rows as u16 + 2 + u16::from(ed.error.is_some())).clamp(3, most)
}

/// The field being typed, at the bottom, bold: what the room sees being written.
/// On a second screen (`atelier follow`, or a session another atelier holds), what the
/// advisor is typing arrives as the draft saved with the session, within a second: shown in
/// the box of local typing, so the room sees the card being written. Only a new item of the
/// phase on screen (never a text field, so never the private notes).
fn mirrored_draft(ui: &SessionUi) -> Option<crate::ui::Editor> {
    if !ui.read_only || ui.editor.is_some() {
        return None;
    }
    Pane::for_phase(ui.phase()).iter().find_map(|&pane| {
        let target = Target::New(pane);
        let text = ui.session.drafts.get(&target.draft_key())?;
        (!text.trim().is_empty())
            .then(|| crate::ui::Editor::new(target, text, "", crate::model::Author::default()))
    })
}

fn editor_box(model: &Model, ui: &SessionUi, ed: &crate::ui::Editor, area: Rect, buf: &mut Buffer) {
    let s = model.strings();
    let t = &model.theme;
    let mut title = format!(" ✎ {} · {} ", s.presenter.typing, ed.target.title(s));
    // A draft mirrored from another atelier carries no author: none is named.
    let local = ui.editor.is_some();
    if local
        && matches!(
            ed.target,
            Target::New(Pane::Cards | Pane::Ideas) | Target::Item(Pane::Cards | Pane::Ideas, _)
        )
    {
        let who = crate::view::session::author_name(model, ui, &ed.author);
        title.push_str(&format!("· {who} "));
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Thick)
        .border_style(t.focus_border)
        .title(fit(
            Line::from(styled(title, t.title)),
            area.width.saturating_sub(2) as usize,
        ));
    let inner = block.inner(area);
    block.render(area, buf);
    // Bold, as everything the room reads.
    let err = super::session::editor_field(model, ed, t.title, inner, buf);
    if let Some(e) = &ed.error {
        fit(
            Line::from(styled(format!("⚠ {e}"), t.error)),
            err.width as usize,
        )
        .render(err, buf);
    }
}

/// A flash message, a failed save, or the one key that goes back.
fn bottom_line(model: &Model, ui: &SessionUi, area: Rect, buf: &mut Buffer) {
    let t = &model.theme;
    let s = model.strings();
    let w = area.width as usize;
    if let Some(f) = &model.flash {
        let (mark, style) = if f.error {
            ("✗ ", t.error)
        } else {
            ("✓ ", t.ok)
        };
        fit(Line::from(styled(format!("{mark}{}", f.text), style)), w).render(area, buf);
        return;
    }
    if let Some(e) = &ui.save.error {
        fit(Line::from(styled(fill(s.save_failed, &[e]), t.error)), w).render(area, buf);
        return;
    }
    // `atelier follow` stays in presenter view: its way out is the key shown.
    let text = if model.follow.is_some() {
        let key = keymap::key_label(Ctx::Navigation, Action::Quit);
        format!("{key} {}", Action::Quit.label(s))
    } else {
        let key = keymap::key_label(Ctx::Facilitate, Action::TogglePresenter);
        fill(s.presenter.back, &[&key])
    };
    Paragraph::new(Line::from(styled(text, t.muted)))
        .alignment(Alignment::Right)
        .render(area, buf);
}

/// The id selected in a pane, if that pane has the focus: what the room should look at.
fn focused_id(ui: &SessionUi, pane: Pane) -> Option<crate::model::Id> {
    (ui.pane() == pane).then(|| ui.selected_id(pane)).flatten()
}

/// A heading inside the content: a label in the key style, bold.
fn heading(model: &Model, text: String) -> Line<'static> {
    Line::from(styled(text, model.theme.key.add_modifier(Modifier::BOLD)))
}

/// Draws lines at the top of `area` and returns what is left below them (and a blank row
/// when there is room for one).
fn top_lines(lines: Vec<Line<'static>>, area: Rect, buf: &mut Buffer) -> Rect {
    let n = (lines.len() as u16).min(area.height);
    for (i, l) in lines.into_iter().take(n as usize).enumerate() {
        let r = Rect::new(area.x, area.y + i as u16, area.width, 1);
        fit(l, area.width as usize).render(r, buf);
    }
    let gap = u16::from(area.height > n + 6);
    let used = (n + gap).min(area.height);
    Rect {
        y: area.y + used,
        height: area.height - used,
        ..area
    }
}
