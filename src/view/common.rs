//! Pieces every screen uses: the status line, the footer of keys, boxes, popups.

use crate::i18n::fill;
use crate::keymap;
use crate::layout::frame::{MIN_HEIGHT, MIN_WIDTH, flash_mark, save_error_text};
use crate::layout::text::{clip, display_width, plain, plain_prefix};
use crate::ui::{Model, Screen, Unreadable, active_contexts};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Widget, Wrap};
use unicode_width::UnicodeWidthStr;

/// The "please enlarge" message, drawn at any size down to 1×1.
pub fn too_small(model: &Model, area: Rect, buf: &mut Buffer) {
    let s = model.strings();
    let text = fill(
        s.too_small,
        &[&area.width, &area.height, &MIN_WIDTH, &MIN_HEIGHT],
    );
    Paragraph::new(text)
        .wrap(Wrap { trim: true })
        .style(model.theme.warning)
        .render(area, buf);
}

/// A bordered box whose border shows whether it has the focus.
pub fn pane_block<'a>(model: &Model, title: impl Into<Line<'a>>, focused: bool) -> Block<'a> {
    let t = &model.theme;
    let title: Line = title.into();
    let title = if focused {
        title.style(t.title).patch_style(t.focus_border)
    } else {
        title.style(t.muted)
    };
    Block::default()
        .borders(Borders::ALL)
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(if focused { t.focus_border } else { t.border })
        .title(title)
}

/// The flash message, or the save state and where the file is.
pub fn status_line(model: &Model, area: Rect, buf: &mut Buffer) {
    let t = &model.theme;
    let s = model.strings();
    if let Some(f) = &model.flash {
        let style = if f.error { t.error } else { t.ok };
        let line = Line::from(vec![
            Span::styled(flash_mark(f.error), style),
            Span::styled(f.text.clone(), style),
        ]);
        // Wrapped over the rows `status_height` gave it: a long message (a full disk at
        // session creation) is read whole, not cut at the edge.
        Paragraph::new(line)
            .wrap(Wrap { trim: true })
            .render(area, buf);
        return;
    }
    if let Screen::Session(ui) = &model.screen {
        if let Some(e) = &ui.save.error {
            // Wrapped over the rows `status_height` gave it: all of it must be read.
            Paragraph::new(save_error_text(model, e))
                .style(t.error)
                .wrap(Wrap { trim: true })
                .render(area, buf);
            return;
        }
        let name = || {
            ui.path
                .file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default()
        };
        let line = if ui.read_only {
            Line::from(Span::styled(model.read_only_text(), t.warning))
        } else if model.demo {
            // Under a banner saying nothing is saved in the advisor's sessions: the file is
            // the throwaway copy's, and the line says so rather than "Saved".
            let text = fill(s.demo.saved_in_copy, &[&name()]);
            Line::from(Span::styled(text, t.muted))
        } else if ui.save.dirty_since.is_some() {
            Line::from(Span::styled(s.saving, t.muted))
        } else {
            Line::from(Span::styled(fill(s.saved_in, &[&name()]), t.muted))
        };
        line.render(area, buf);
    }
}

/// The keys of the current context, from the key table, as many as fit: chosen by their
/// priority in the footer (see [`keymap::footer_priority`]), shown in their own order.
pub fn footer(model: &Model, area: Rect, buf: &mut Buffer) {
    let t = &model.theme;
    let s = model.strings();
    let contexts = active_contexts(model);
    // In the last phase there is no next one to move on to.
    let last_phase = model
        .session()
        .is_some_and(|ui| ui.session.current_phase + 1 >= ui.session.method.phases.len());
    let mut bindings: Vec<_> = keymap::bindings_for(&contexts)
        .into_iter()
        .filter(|b| footer_worthy(b.action))
        .filter(|b| !(last_phase && b.action == keymap::Action::NextPhase))
        .collect();
    // Help first, then the context's own keys, most specific first; the way out, which
    // everyone knows, last. What does not fit is in the help.
    crate::sort::by_key(&mut bindings, |b| match b.action {
        keymap::Action::Help => 0,
        keymap::Action::Quit | keymap::Action::Back => 2,
        _ => 1,
    });
    // One way out is enough: with a way back, quitting is in the help.
    let has_back = bindings.iter().any(|b| b.action == keymap::Action::Back);
    let priority = |a: keymap::Action| match a {
        keymap::Action::Quit if has_back => 2,
        a => keymap::footer_priority(a),
    };
    let entry = |b: &keymap::Binding| {
        let key = b.keys.first().map(|k| k.label()).unwrap_or_default();
        let text = b.action.label(s);
        let w = key.width() + text.width() + 3;
        (key, text, w)
    };
    let mut order: Vec<usize> = (0..bindings.len()).collect();
    crate::sort::by_key(&mut order, |i| priority(bindings[*i].action));
    let mut shown = vec![false; bindings.len()];
    let mut width = 0usize;
    for i in order {
        let (_, _, w) = entry(bindings[i]);
        if width + w <= area.width as usize {
            width += w;
            shown[i] = true;
        }
    }
    let mut spans = Vec::new();
    for (b, _) in bindings.iter().zip(&shown).filter(|(_, on)| **on) {
        let (key, text, _) = entry(b);
        spans.push(Span::styled(format!(" {key}"), t.key));
        spans.push(Span::styled(format!(" {text} "), t.muted));
    }
    Line::from(spans).render(area, buf);
}

/// Moving keys everyone knows are left to the help overlay: the footer has little room.
fn footer_worthy(a: keymap::Action) -> bool {
    use keymap::Action::*;
    !matches!(
        a,
        Up | Down
            | PageUp
            | PageDown
            | First
            | Last
            | PrevPane
            | PrevChoice
            | PrevPeriod
            | PrevGrouping
            | ForceQuit
            | PrevPhase
    )
}

/// A centred rectangle for a popup, clipped to the area.
pub fn popup_area(area: Rect, width: u16, height: u16) -> Rect {
    let [v] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [h] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(v);
    h
}

/// Clears the popup's rectangle and draws its frame; returns the inside.
pub fn popup_frame(model: &Model, area: Rect, title: &str, buf: &mut Buffer) -> Rect {
    Clear.render(area, buf);
    // Clear empties the cells to the terminal's own colours: the theme's background (high
    // contrast sets one) must cover the popup too.
    buf.set_style(area, model.theme.base);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Double)
        .border_style(model.theme.focus_border)
        .title(Span::styled(format!(" {title} "), model.theme.title));
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

/// A line ready to draw in `width` columns: cut with an ellipsis if longer, and with each span
/// split where `str::width` and the buffer disagree (see [`display_width`]). Without the
/// split, ratatui gives a span the columns `str::width` counts and drops the letters that do
/// not fit: "محمد الأمين" would lose its last letter.
pub fn fit(line: Line<'static>, width: usize) -> Line<'static> {
    let mut spans = Vec::with_capacity(line.spans.len());
    let mut used = 0;
    let total: usize = line.spans.iter().map(|s| display_width(&s.content)).sum();
    let cut = total > width;
    // Room for the ellipsis when the line is cut.
    let room = if cut { width.saturating_sub(1) } else { width };
    for span in line.spans {
        if used >= room {
            break;
        }
        let w = display_width(&span.content);
        let span = if used + w > room && plain(&span.content) {
            let text = plain_prefix(&span.content, room - used).to_string();
            Span::styled(text, span.style)
        } else if used + w > room {
            let mut text = String::new();
            let mut tw = 0;
            for g in span.styled_graphemes(Style::default()) {
                let gw = g.symbol.width();
                if used + tw + gw > room {
                    break;
                }
                text.push_str(g.symbol);
                tw += gw;
            }
            Span::styled(text, span.style)
        } else {
            span
        };
        used += display_width(&span.content);
        spans.extend(split_ligatures(span));
    }
    if cut && width > 0 {
        let style = spans.last().map(|s| s.style).unwrap_or_default();
        spans.push(Span::styled("…", style));
    }
    Line {
        spans,
        style: line.style,
        alignment: line.alignment,
    }
}

/// Splits a span before each grapheme that `str::width` counts narrower in context than alone.
fn split_ligatures(span: Span<'static>) -> Vec<Span<'static>> {
    let content = span.content.to_string();
    if content.width() == display_width(&content) {
        return vec![span];
    }
    let mut out = Vec::new();
    let (mut start, mut pos) = (0, 0);
    for g in Span::raw(content.as_str()).styled_graphemes(Style::default()) {
        let Some(offset) = content[pos..].find(g.symbol) else {
            continue;
        };
        let at = pos + offset;
        let end = at + g.symbol.len();
        let before = content[start..at].width();
        let after = content[start..end].width();
        if at > start && after - before < g.symbol.width() {
            out.push(Span::styled(content[start..at].to_string(), span.style));
            start = at;
        }
        pos = end;
    }
    out.push(Span::styled(content[start..].to_string(), span.style));
    out
}

/// A text cut or padded to exactly `width` columns, then a space: a column of a list.
/// (`format!("{:<w$}")` pads by characters, which misaligns wide ones.)
pub fn column(text: &str, width: usize) -> String {
    let text = clip(text, width);
    let pad = width.saturating_sub(display_width(&text));
    format!("{text}{} ", " ".repeat(pad))
}

pub fn muted(model: &Model, text: impl Into<String>) -> Span<'static> {
    Span::styled(text.into(), model.theme.muted)
}

pub fn styled(text: impl Into<String>, style: Style) -> Span<'static> {
    Span::styled(text.into(), style)
}

/// An unreadable file on one line: its name, then why. The reason starts with the file's
/// full path, which the name already stands for, so that part is cut.
pub fn unreadable_line(model: &Model, u: &Unreadable, width: usize) -> Line<'static> {
    let name = u
        .path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let full = u.path.display().to_string();
    let reason = match u.reason.strip_prefix(&full) {
        Some(rest) => rest.to_string(),
        None => format!("  {}", u.reason),
    };
    let line = Line::from(vec![
        Span::styled(format!("✗ {name}"), model.theme.error),
        muted(model, reason),
    ]);
    fit(line, width)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grapheme_width(text: &str) -> usize {
        Span::raw(text)
            .styled_graphemes(Style::default())
            .map(|g| g.symbol.width())
            .sum()
    }

    fn grapheme_clip(text: &str, width: usize) -> String {
        if grapheme_width(text) <= width {
            return text.to_string();
        }
        let mut out = String::new();
        let mut w = 0;
        for g in Span::raw(text).styled_graphemes(Style::default()) {
            if w + g.symbol.width() + 1 > width {
                break;
            }
            out.push_str(g.symbol);
            w += g.symbol.width();
        }
        out.push('…');
        out
    }

    /// The quick way for plain text measures and cuts exactly as graphemes do: on every text
    /// of the sample sessions (accents, Arabic, emoji) and on characters that join.
    #[test]
    fn plain_text_is_measured_and_cut_as_graphemes_would() {
        let now = chrono::Utc::now();
        let mut texts: Vec<String> = Vec::new();
        for s in crate::sample::series(now, 1)
            .into_iter()
            .chain([crate::sample::bakers_session(now, 1)])
        {
            texts.extend(s.needs.cards.iter().map(|c| c.text.clone()));
            texts.extend(s.group.members.iter().map(|m| m.name.clone()));
            texts.extend(s.group.members.iter().map(|m| m.business.clone()));
            texts.extend(s.problem.causes.iter().map(|c| c.text.clone()));
        }
        // A combining accent, a soft hyphen, a tab, a new line, typographic punctuation.
        texts.push(['e', '\u{301}', 't', 'e', '\u{301}'].iter().collect());
        texts.push(['a', '\u{ad}', 'b', '\t', 'c', '\n', 'd'].iter().collect());
        texts.push(
            [
                '\u{2019}', '\u{2026}', '\u{ab}', '\u{bb}', '\u{d7}', '\u{2014}',
            ]
            .iter()
            .collect(),
        );
        texts.push(String::new());
        for text in &texts {
            let text = text.as_str();
            assert_eq!(display_width(text), grapheme_width(text), "{text:?}");
            for w in 1..80 {
                assert_eq!(clip(text, w), grapheme_clip(text, w), "{text:?} {w}");
                let line = fit(Line::from(text.to_string()), w);
                let cut: usize = line.spans.iter().map(|s| grapheme_width(&s.content)).sum();
                assert!(cut <= w, "{text:?} {w}: {cut}");
            }
        }
    }
}
