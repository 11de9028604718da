//! Replay on screen: a header (group, session, step, time of the event), the phase stepper,
//! the session at that step drawn by the session screen's own phase drawing, and at the
//! bottom the latest event in words with, beside it, the phase's purpose and questions.

use super::common::{fit, styled};
use super::session;
use crate::i18n::fill;
use crate::layout::text::clip;
use crate::layout::text::display_width;
use crate::layout::wrap::{Long, rows};
use crate::timer::format_clock;
use crate::ui::{Model, ReplayUi};
use chrono::Timelike;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};

/// Rows of the band at the bottom: the latest event (and, narrow, the phase's panel).
const BAND: u16 = 6;
/// Below this many rows for the body, the band is left out: the step's content first.
const BAND_MIN_BODY: u16 = 12;
// Wider than `session::SIDE_PANEL_MIN_WIDTH`, the phase's purpose and questions take a
// column on the right, the whole height, as on the session screen; narrower, they sit beside
// the event, and the session panel then keeps its questions (the purpose is in the help).
/// The panel's width beside the event, at most.
const BAND_PANEL_WIDTH: u16 = 38;

pub fn render(model: &Model, ui: &ReplayUi, area: Rect, buf: &mut Buffer) {
    let (head, body) = session::under_stepper(model, &ui.view, area, buf);
    header(model, ui, head, buf);
    let side = !ui.panel_hidden && body.width >= session::SIDE_PANEL_MIN_WIDTH;
    let main = if side {
        let [m, p] = crate::layout::session::beside_panel(body);
        session::facilitator_panel(model, &ui.view, p, buf);
        m
    } else {
        body
    };
    let (content, band) = if main.height >= BAND_MIN_BODY {
        let [c, b] = Layout::vertical([Constraint::Min(1), Constraint::Length(BAND)]).areas(main);
        (c, Some(b))
    } else {
        (main, None)
    };
    session::phase_content(model, &ui.view, content, buf);
    let Some(band) = band else { return };
    let (event, panel) = if side || ui.panel_hidden || band.width < 2 * BAND_PANEL_WIDTH {
        (band, None)
    } else {
        let [e, p] =
            Layout::horizontal([Constraint::Min(20), Constraint::Length(BAND_PANEL_WIDTH)])
                .areas(band);
        (e, Some(p))
    };
    latest(model, ui, event, buf);
    if let Some(p) = panel {
        session::facilitator_panel(model, &ui.view, p, buf);
    }
}

/// "Boulangers de Tanger · séance 3 · Relecture · étape 37/212 · 10:42 +42:10 ▶ lecture":
/// the group's name is what gets cut when the line is too long.
fn header(model: &Model, ui: &ReplayUi, area: Rect, buf: &mut Buffer) {
    let s = model.strings();
    let r = s.replay;
    let t = &model.theme;
    let replay = &ui.replay;
    let ses = replay.start();
    let mut right = vec![
        r.title.to_string(),
        fill(r.step, &[&replay.position(), &replay.len()]),
    ];
    if let Some((_, e)) = replay.latest() {
        let local = e.at.with_timezone(&model.utc_offset);
        let elapsed = (e.at - ses.created).num_seconds().max(0);
        right.push(format!(
            "{:02}:{:02} {}",
            local.hour(),
            local.minute(),
            fill(r.elapsed, &[&format_clock(elapsed)])
        ));
    }
    let right = format!(" · {} ", right.join(" · "));
    let playing = if ui.playing {
        format!("{} ", r.playing)
    } else {
        String::new()
    };
    let width = area.width as usize;
    let room = width.saturating_sub(display_width(&right) + display_width(&playing));
    let left = clip(
        &format!(
            " {} · {}",
            // The state shown, masked as every output for others is.
            ui.view.session.group.name,
            fill(s.session_number, &[&ses.number])
        ),
        room,
    );
    let line = Line::from(vec![
        styled(left, t.title),
        styled(right, t.title),
        styled(playing, t.current),
    ]);
    fit(line, width).render(area, buf);
}

/// The latest event in words, in a frame; a correction after closing stands out.
fn latest(model: &Model, ui: &ReplayUi, area: Rect, buf: &mut Buffer) {
    let r = model.strings().replay;
    let t = &model.theme;
    let replay = &ui.replay;
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.border)
        .title(Span::styled(format!(" {} ", r.latest), t.title));
    let inner = block.inner(area);
    block.render(area, buf);
    let width = inner.width as usize;
    let mut lines: Vec<Line> = Vec::new();
    match replay.latest() {
        _ if replay.is_empty() => lines.extend(wrap(r.no_history, t.muted, width)),
        None => lines.extend(wrap(r.at_start, t.muted, width)),
        Some((i, _)) => {
            let text = replay.describe(i, model.lang);
            let style = if replay.is_correction(i) {
                t.warning.add_modifier(Modifier::BOLD)
            } else {
                t.base.add_modifier(Modifier::BOLD)
            };
            lines.extend(wrap(&text, style, width));
        }
    }
    if !replay.rebuilds_saved() {
        lines.extend(wrap(r.not_faithful, t.warning, width));
    }
    Paragraph::new(lines).render(inner, buf);
}

/// A text word-wrapped to `width` columns, each row measured and cut by `fit` (Arabic
/// names and emoji in cards take the columns the buffer gives them).
fn wrap(text: &str, style: Style, width: usize) -> Vec<Line<'static>> {
    rows(text.split_whitespace(), width, Long::Keep)
        .into_iter()
        .map(|row| fit(Line::from(styled(row, style)), width))
        .collect()
}
