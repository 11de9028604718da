//! The vote: the themes ranked live, each with a bar as long as its votes and the number,
//! the current voter's dots beside each theme, and on the bottom border who has voted, who
//! still has dots, and who is over the budget.

use super::key_label;
use crate::i18n::fill;
use crate::keymap::{Action, Ctx};
use crate::layout::text::display_width;
use crate::layout::text::one_line;
use crate::model::{Id, Needs, VoteMode};
use crate::ui::{Model, Pane, SessionUi};
use crate::view::common::{column, fit, muted, styled};
use crate::view::session::panes;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// Eighths of a cell, for bars finer than a whole block.
const EIGHTHS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];

/// A bar of `value` out of `max` in `width` cells (the presenter view's ranking draws the
/// same bars).
pub(crate) fn bar(value: u32, max: u32, width: usize) -> String {
    if max == 0 || value == 0 {
        return String::new();
    }
    let max = u64::from(max);
    let eighths = ((u64::from(value) * width as u64 * 8 + max / 2) / max) as usize;
    // A vote always shows, however small.
    let eighths = eighths.max(1);
    format!("{}{}", "█".repeat(eighths / 8), EIGHTHS[eighths % 8])
}

/// A theme in the ranking, written the same on the session screen and in the presenter
/// view: its rank, its star if it is the priority, its title on one line.
pub(crate) struct Ranked {
    pub id: Id,
    pub votes: u32,
    /// "` 2. `"; blank for a theme with no vote, which has no rank yet.
    pub rank: String,
    pub star: Span<'static>,
    pub title: String,
}

/// The themes in the votes pane's order (ranked by votes, most first, except while votes
/// are being placed: see [`SessionUi::vote_rows`]), each with its rank by its votes as they
/// are now. Equal votes, equal rank: 1, 2, 2, 4.
pub(crate) fn ranked(model: &Model, ui: &SessionUi) -> Vec<Ranked> {
    let n = &ui.session.needs;
    let rows = ui.vote_rows();
    let all: Vec<u32> = rows.iter().map(|(_, v)| *v).collect();
    rows.into_iter()
        .map(|(id, votes)| {
            let rank = 1 + all.iter().filter(|v| **v > votes).count();
            let title = n
                .themes
                .iter()
                .find(|th| th.id == id)
                .map(|th| one_line(&th.title))
                .unwrap_or_default();
            let star = if n.priority.as_ref() == Some(&id) {
                styled("★ ", model.theme.marked)
            } else {
                Span::raw("  ")
            };
            let rank = if votes > 0 {
                format!("{rank:>2}. ")
            } else {
                " ".repeat(4)
            };
            Ranked {
                id,
                votes,
                rank,
                star,
                title,
            }
        })
        .collect()
}

/// The widest theme title on one line: the titles' column need be no wider.
pub(crate) fn longest_title(n: &Needs) -> usize {
    n.themes
        .iter()
        .map(|th| display_width(&one_line(&th.title)))
        .max()
        .unwrap_or(0)
}

/// Draws the vote; returns the width of its title.
pub fn render(model: &Model, ui: &SessionUi, area: Rect, buf: &mut Buffer) -> usize {
    let s = model.strings();
    let t = &model.theme;
    let ses = &ui.session;
    let n = &ses.needs;
    let dots = n.vote_mode == VoteMode::Dots;
    let voter = ui.tech.voter.as_ref().filter(|_| dots);

    // Whether the rows are in the order of the votes, or held while votes are placed.
    let order = if ui.votes_in_order() {
        s.needs.votes_in_order.to_string()
    } else {
        fill(
            s.needs.votes_order_held,
            &[&key_label(Ctx::Votes, Action::PickVoter)],
        )
    };
    let short = super::short_names(ses);
    // With the voter's full name, or their short name when the line is short.
    let title_with = |full: bool| {
        let title = if dots {
            let who = match voter {
                Some(v) => {
                    let left = n.dot_budget.saturating_sub(n.dots_of(v));
                    let name = match short.get(v) {
                        Some(name) if !full => name.clone(),
                        _ => ses.group.member_name(v),
                    };
                    fill(s.needs.votes_voter, &[&name, &left])
                }
                None => fill(
                    s.needs.votes_no_voter,
                    &[&key_label(Ctx::Votes, Action::PickVoter)],
                ),
            };
            format!("{} · {who}", fill(s.needs.votes_dots, &[&n.dot_budget]))
        } else {
            s.needs.votes_hands.to_string()
        };
        if n.themes.is_empty() {
            title
        } else {
            format!("{title} · {order}")
        }
    };
    let title = title_with(true);
    let title = if display_width(&title) + 2 > area.width as usize {
        title_with(false)
    } else {
        title
    };
    let title_w = display_width(&title);

    let ranking = n.ranking();
    let max = ranking.first().map_or(0, |(_, v)| *v);
    let inner_w = area.width.saturating_sub(4) as usize;
    let num_w = max.to_string().len().max(2) + 1;
    // Room for the voter's dots on a theme: the budget, or more where a lowered budget left
    // more behind.
    let dots_w = voter.map_or(0, |v| {
        let most = n
            .dots
            .values()
            .filter_map(|m| m.get(v))
            .max()
            .copied()
            .unwrap_or(0);
        most.max(n.dot_budget).min(9) as usize + 1
    });
    let bar_w = (inner_w / 4).clamp(4, 24);
    // The titles' column no wider than the longest title: the bars stay next to them.
    let longest = longest_title(n);
    let name_w = inner_w
        .saturating_sub(4 + 2 + bar_w + num_w + dots_w + 1)
        .min(longest + 1);
    let rows: Vec<Line> = ranked(model, ui)
        .into_iter()
        .map(|r| {
            let b = bar(r.votes, max, bar_w);
            let pad = bar_w.saturating_sub(display_width(&b));
            // The blanks around the bar are spans of their own: selected, the row is
            // reversed but the bar and the blanks framing it are not (view::selection).
            let title = column(&r.title, name_w);
            let mut spans = vec![
                muted(model, r.rank),
                r.star,
                Span::raw(title.strip_suffix(' ').unwrap_or(&title).to_string()),
                Span::raw(" "),
                styled(b, t.key),
                Span::raw(" ".repeat(pad + 1)),
                styled(format!("{:>w$}", r.votes, w = num_w - 1), t.title),
            ];
            let mine = voter
                .and_then(|v| n.dots.get(&r.id).and_then(|m| m.get(v)))
                .copied()
                .unwrap_or(0);
            if mine > 0 {
                spans.push(Span::raw(" "));
                spans.push(styled("●".repeat(mine as usize), t.marked));
            }
            Line::from(spans)
        })
        .collect();
    panes::list(
        model,
        ui,
        Pane::Votes,
        // Fitted: a voter's name in Arabic would otherwise cost the title its last letters.
        fit(Line::from(title), area.width.saturating_sub(2) as usize),
        rows,
        s.needs.empty_votes,
        area,
        buf,
    );
    if area.height >= 3 && area.width > 6 && !n.themes.is_empty() {
        let w = area.width as usize - 4;
        let line = fit(summary(model, ui), w);
        line.render(Rect::new(area.x + 2, area.bottom() - 1, w as u16, 1), buf);
        // Below the ranking, when there is room and no field open: each present member's
        // dots, placed (●) and left (○).
        let editing = ui
            .editor
            .as_ref()
            .is_some_and(|e| e.target.pane() == Pane::Votes);
        if dots && !editing {
            let inner = Rect::new(area.x + 1, area.y + 1, area.width - 2, area.height - 2);
            let free = inner.height.saturating_sub(ranking.len() as u16 + 1);
            members_grid(model, ui, inner, free, buf);
        }
    }
    title_w
}

/// The present members in columns, each with their dots: what the advisor looks at to see
/// who still has to vote. Drawn at the bottom of `inner` in at most `rows` rows, or not at
/// all when it does not fit.
fn members_grid(model: &Model, ui: &SessionUi, inner: Rect, rows: u16, buf: &mut Buffer) {
    let t = &model.theme;
    let ses = &ui.session;
    let n = &ses.needs;
    let budget = n.dot_budget;
    let short = super::short_names(ses);
    let cells: Vec<(String, u32)> = ses
        .present_members()
        .map(|m| {
            let name = short.get(&m.id).cloned().unwrap_or_else(|| m.name.clone());
            (name, n.dots_of(&m.id))
        })
        .collect();
    if cells.is_empty() || inner.width < 10 {
        return;
    }
    let name_w = cells
        .iter()
        .map(|(c, _)| display_width(c))
        .max()
        .unwrap_or(0)
        .min(16);
    let most = cells
        .iter()
        .map(|(_, k)| *k)
        .max()
        .unwrap_or(0)
        .max(budget)
        .min(9) as usize;
    let cell_w = name_w + 1 + most + 2 + 3;
    let cols = ((inner.width as usize - 2) / cell_w).max(1);
    let needed = cells.len().div_ceil(cols) as u16;
    if needed > rows.saturating_sub(1) {
        return;
    }
    let top = inner.bottom() - needed;
    for (i, (name, used)) in cells.iter().enumerate() {
        let (col, row) = (i % cols, i / cols);
        let x = inner.x + 2 + (col * cell_w) as u16;
        let y = top + row as u16;
        let over = *used > budget;
        let placed = (*used).min(9) as usize;
        let left = budget.saturating_sub(*used).min(9) as usize;
        let mut spans = vec![
            Span::raw(column(name, name_w)),
            styled("●".repeat(placed), if over { t.warning } else { t.marked }),
            muted(model, "○".repeat(left)),
        ];
        if over {
            spans.push(styled("⚠", t.warning));
        }
        let line = fit(Line::from(spans), cell_w - 1);
        line.render(Rect::new(x, y, (cell_w - 1) as u16, 1), buf);
    }
}

/// Who has voted and who has not, over-budget members first (a warning, with ⚠); or the
/// hands counted in all.
fn summary(model: &Model, ui: &SessionUi) -> Line<'static> {
    let s = model.strings();
    let t = &model.theme;
    let ses = &ui.session;
    let n = &ses.needs;
    if n.vote_mode == VoteMode::ShowOfHands {
        let total: u32 = n.tally.values().sum();
        return Line::from(muted(
            model,
            format!(" {} ", s.needs.hands_total.n(total as usize)),
        ));
    }
    let budget = n.dot_budget;
    let present: Vec<_> = ses.present_members().collect();
    let short = super::short_names(ses);
    let name =
        |m: &&crate::model::Member| short.get(&m.id).cloned().unwrap_or_else(|| m.name.clone());
    let used = |id| n.dots_of(id);
    let over: Vec<String> = present
        .iter()
        .filter(|m| used(&m.id) > budget)
        .map(|m| format!("{} {}/{budget}", name(m), used(&m.id)))
        .collect();
    let voted = present.iter().filter(|m| used(&m.id) > 0).count();
    let waiting: Vec<String> = present
        .iter()
        .filter(|m| used(&m.id) < budget)
        .map(|m| format!("{} {}/{budget}", name(m), used(&m.id)))
        .collect();
    let mut spans = vec![Span::raw(" ")];
    if !over.is_empty() {
        spans.push(styled(
            format!("⚠ {} ", fill(s.needs.summary_over, &[&over.join(", ")])),
            t.warning,
        ));
        spans.push(Span::raw(" "));
    }
    let mut text = fill(s.needs.summary_voted, &[&voted, &present.len()]);
    if !waiting.is_empty() {
        text = format!(
            "{text} · {}",
            fill(s.needs.summary_waiting, &[&waiting.join(", ")])
        );
    }
    spans.push(muted(model, format!("{text} ")));
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::bar;

    #[test]
    fn bars_are_proportional_and_a_vote_always_shows() {
        assert_eq!(bar(10, 10, 4), "████");
        assert_eq!(bar(5, 10, 4), "██");
        assert_eq!(bar(3, 10, 4), "█▎");
        assert_eq!(bar(1, 100, 4), "▏");
        assert_eq!(bar(0, 10, 4), "");
    }
}
