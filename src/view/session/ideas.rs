//! The list of ideas: each with its impact and effort, type, proposer and cause; the chosen
//! ones marked. The pieces of an idea's row (its ratings, the pane's title) are the matrix's
//! too.

use super::panes::{self, author_name, counted};
use crate::layout::session::idea_lines;
use crate::layout::text::one_line;
use crate::model::{Idea, Session};
use crate::ui::{Model, Pane, SessionUi};
use crate::view::common::{fit, muted, styled};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};

/// Whether the digits set the effort of this idea (else its impact).
pub fn rating_effort(ui: &SessionUi, idea: &Idea) -> bool {
    ui.tech.rating_effort.as_ref() == Some(&idea.id)
}

/// The pane's title: how many ideas, how many chosen, and what the next digit sets.
pub fn title(model: &Model, ui: &SessionUi, focused: bool) -> String {
    let s = model.strings();
    let ideas = &ui.session.solutions.ideas;
    let chosen = ideas.iter().filter(|i| i.chosen).count();
    let mut title = format!(
        "{} · {} {chosen}",
        counted(s.pane_ideas, ideas.len()),
        s.chosen_count
    );
    let selected = ui.selected_id(Pane::Ideas);
    if focused && let Some(idea) = ideas.iter().find(|i| Some(&i.id) == selected.as_ref()) {
        let st = &s.solutions;
        let active = if rating_effort(ui, idea) {
            st.effort
        } else {
            st.impact
        };
        title.push_str(&format!(" · {} {active}", st.digits_set));
    }
    title
}

/// Each idea on two lines: its text (the selected one whole, wrapped), then its ratings,
/// type, proposer and cause. On the selected row, the rating the next digit sets is marked.
pub fn list(model: &Model, ui: &SessionUi, area: Rect, buf: &mut Buffer) {
    let s = model.strings();
    let ses = &ui.session;
    let focused = ui.pane() == Pane::Ideas && ui.action_form.is_none();
    let selected = ui.selection(Pane::Ideas);
    // Inside the borders, after the two columns of the selection symbol.
    let width = area.width.saturating_sub(4) as usize;
    let num_w = ses.solutions.ideas.len().to_string().len();
    let rows: Vec<Text> = ses
        .solutions
        .ideas
        .iter()
        .enumerate()
        .map(|(n, idea)| {
            let is_sel = n == selected;
            if n.abs_diff(selected) > usize::from(area.height / 2) {
                // Too far from the selection to be on screen (each row takes two lines or
                // more, and the list scrolls only as far as the selected row): an empty row
                // of the same height does.
                return Text::from(vec![Line::default(), Line::default()]);
            }
            idea_row(model, ui, idea, n, num_w, is_sel, focused && is_sel, width)
        })
        .collect();
    let title = title(model, ui, focused);
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

#[allow(clippy::too_many_arguments)]
fn idea_row(
    model: &Model,
    ui: &SessionUi,
    idea: &Idea,
    n: usize,
    num_w: usize,
    whole: bool,
    active: bool,
    width: usize,
) -> Text<'static> {
    let s = model.strings();
    let st = &s.solutions;
    let t = &model.theme;
    let (mark, text_style) = if idea.chosen {
        (styled("✓ ", t.marked), t.title)
    } else {
        (Span::raw("  "), t.base)
    };
    let number = format!("{:>num_w$}. ", n + 1);
    let indent = " ".repeat(2 + num_w + 2);
    let text = one_line(&idea.text);
    let mut lines = Vec::new();
    if whole {
        // As `update` measures it to scroll the list.
        for (i, part) in idea_lines(&idea.text, width, num_w).into_iter().enumerate() {
            let mut spans = if i == 0 {
                vec![mark.clone(), muted(model, number.clone())]
            } else {
                vec![Span::raw(indent.clone())]
            };
            spans.push(styled(part, text_style));
            lines.push(Line::from(spans));
        }
    } else {
        lines.push(Line::from(vec![
            mark,
            muted(model, number),
            styled(head(&text, width), text_style),
        ]));
    }
    // The second line: ratings first, always at the same place, then the rest.
    let effort_active = active && rating_effort(ui, idea);
    let impact_active = active && !effort_active;
    let mut details = vec![Span::raw(" ".repeat(indent.len() - 1))];
    details.extend(rating(model, st.impact, idea.impact, impact_active));
    details.push(muted(model, " ·"));
    details.extend(rating(model, st.effort, idea.effort, effort_active));
    let mut facts = idea_facts(model, ui, idea);
    // The selected idea says its cause on a line of its own, where it has room.
    let cause = if whole { facts.pop() } else { None };
    for part in facts {
        details.push(muted(model, format!(" · {}", head(&part, width))));
    }
    lines.push(Line::from(details));
    if let Some(cause) = cause {
        lines.push(Line::from(vec![Span::raw(indent), muted(model, cause)]));
    }
    Text::from(lines)
}

/// "impact 4", the active one marked with ▸ and the current style.
pub fn rating(model: &Model, label: &str, value: Option<u8>, active: bool) -> [Span<'static>; 2] {
    let t = &model.theme;
    let st = &model.strings().solutions;
    let shown = value.map_or(st.unrated_mark.to_string(), |v| v.to_string());
    let text = format!("{label} {shown}");
    if active {
        [styled("▸", t.current), styled(text, t.current)]
    } else {
        [Span::raw(" "), Span::styled(text, Style::default())]
    }
}

/// The type, proposer and cause of an idea, as short as they can be said.
pub fn idea_facts(model: &Model, ui: &SessionUi, idea: &Idea) -> Vec<String> {
    let s = model.strings();
    let st = &s.solutions;
    let colon = s.store.show.colon;
    let mut parts = Vec::new();
    if let Some(k) = idea.kind {
        parts.push(k.short(s).to_string());
    }
    parts.push(format!(
        "{} {}",
        st.by_label,
        author_name(model, ui, &idea.proposer)
    ));
    parts.push(format!(
        "{}{colon}{}",
        st.cause_label,
        cause_text(&ui.session, idea).unwrap_or_else(|| st.general_short.to_string())
    ));
    parts
}

fn cause_text(ses: &Session, idea: &Idea) -> Option<String> {
    let id = idea.cause.as_ref()?;
    ses.problem
        .causes
        .iter()
        .find(|c| &c.id == id)
        .map(|c| one_line(&c.text))
}

/// The start of a text, enough to fill `width` columns, with an ellipsis when cut: what a
/// row can show of it. Measuring the width of a long text grapheme by grapheme costs more
/// than drawing a whole screen, and rows are cut to their width anyway. A character takes
/// a column or more; a few (accents typed apart, Arabic vowel signs) take none, hence the
/// half more.
pub fn head(text: &str, width: usize) -> String {
    let keep = width + width / 2 + 2;
    match text.char_indices().nth(keep) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_string(),
    }
}

/// A text on one row of `width` columns, cut with an ellipsis when longer. Latin text (every
/// character below U+0300, as French is written) takes one column a character, so it is cut
/// by counting; anything else is measured grapheme by grapheme (`fit`), which costs more.
pub fn cut(text: &str, style: Style, width: usize) -> Line<'static> {
    if !text.chars().all(|c| (c as u32) < 0x300 && !c.is_control()) {
        return fit(Line::from(Span::styled(text.to_string(), style)), width);
    }
    let shown = if text.chars().count() <= width {
        text.to_string()
    } else if width == 0 {
        String::new()
    } else {
        let mut t: String = text.chars().take(width - 1).collect();
        t.push('…');
        t
    };
    Line::from(Span::styled(shown, style))
}
