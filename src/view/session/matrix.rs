//! The impact × effort matrix: four quadrants split by a cross, high impact above, high
//! effort on the right (3 and above count as high), the ideas not fully rated listed apart
//! below. Each idea keeps the number it has in the list; chosen ones carry ✓ and their own
//! style, and the selected idea is highlighted here as in the list.

use super::ideas;
use crate::layout::text::display_width;
use crate::layout::text::one_line;
use crate::layout::wrap::wrap;
use crate::model::Idea;
use crate::ui::{Model, Pane, SessionUi};
use crate::view::common::{fit, muted, pane_block, styled};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

/// A rating from this value up is high.
pub const HIGH: u8 = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quadrant {
    QuickWins,
    BigProjects,
    Fillers,
    Thankless,
}

/// Where an idea goes once both its ratings are given.
pub fn quadrant(idea: &Idea) -> Option<Quadrant> {
    let (impact, effort) = (idea.impact?, idea.effort?);
    Some(match (impact >= HIGH, effort >= HIGH) {
        (true, false) => Quadrant::QuickWins,
        (true, true) => Quadrant::BigProjects,
        (false, false) => Quadrant::Fillers,
        (false, true) => Quadrant::Thankless,
    })
}

/// The numbered ideas that fall in a quadrant (`None`: not rated on both axes yet), in
/// their order; the presenter view's matrix sorts them the same.
pub fn in_quadrant<'a>(ideas: &[(usize, &'a Idea)], q: Option<Quadrant>) -> Vec<(usize, &'a Idea)> {
    ideas
        .iter()
        .filter(|(_, i)| quadrant(i) == q)
        .copied()
        .collect()
}

/// `is_pane`: the matrix is the ideas pane itself (a narrow screen after `v`), so it shows
/// the pane's title and focus, and the selected idea in full on its last row; beside the list
/// it is a second look at the same ideas.
pub fn render(model: &Model, ui: &SessionUi, is_pane: bool, area: Rect, buf: &mut Buffer) {
    let s = model.strings();
    let st = &s.solutions;
    let t = &model.theme;
    let focused = is_pane && ui.pane() == Pane::Ideas && ui.action_form.is_none();
    let title = if is_pane {
        format!("{} · {}", ideas::title(model, ui, focused), st.matrix_title)
    } else {
        st.matrix_title.to_string()
    };
    let block = pane_block(model, title, focused);
    let inner = block.inner(area);
    block.render(area, buf);
    let ideas = &ui.session.solutions.ideas;
    if ideas.is_empty() {
        Paragraph::new(super::panes::empty_hint(model, ui, s.empty_ideas))
            .wrap(Wrap { trim: true })
            .style(t.muted)
            .render(inner, buf);
        return;
    }
    if inner.height < 4 || inner.width < 20 {
        return;
    }
    let selected = ui.selected_id(Pane::Ideas);
    let numbered: Vec<(usize, &Idea)> = ideas.iter().enumerate().collect();
    let of = |q: Option<Quadrant>| in_quadrant(&numbered, q);
    let unrated = of(None);

    let legend = Line::from(muted(model, st.matrix_legend));
    fit(legend, inner.width as usize).render(row(inner, 0), buf);
    let mut body = inner.height - 1;
    // Alone on screen, the matrix says which idea is selected, and its ratings, in full.
    if is_pane && body >= 8 {
        body -= 1;
        let sel = numbered
            .iter()
            .find(|(_, i)| Some(&i.id) == selected.as_ref());
        if let Some((n, idea)) = sel {
            let line = selected_line(model, ui, *n, idea, focused);
            fit(line, inner.width as usize).render(row(inner, inner.height - 1), buf);
        }
    }

    // The ideas not rated yet take a few rows at the bottom, the grid the rest.
    let unrated_h = if unrated.is_empty() {
        0
    } else {
        (1 + unrated.len() as u16).min((body / 4).max(2))
    };
    let quads = [
        of(Some(Quadrant::QuickWins)),
        of(Some(Quadrant::BigProjects)),
        of(Some(Quadrant::Fillers)),
        of(Some(Quadrant::Thankless)),
    ];
    let names = [st.quick_wins, st.big_projects, st.fillers, st.thankless];
    let room = body - unrated_h;
    let top_n = quads[0].len().max(quads[1].len()) as u16;
    let bottom_n = quads[2].len().max(quads[3].len()) as u16;
    // Each idea on as many as three rows when the screen is tall enough for all of them,
    // each half as tall as the fuller quadrant needs and a row to spare: a square cross
    // reads as a matrix, and the rest of a tall screen stays empty below it.
    let lines_per = (1..=3u16)
        .rev()
        .find(|k| 2 * (2 + top_n.max(bottom_n) * k) < room)
        .unwrap_or(1);
    let half = 2 + top_n.max(bottom_n) * lines_per;
    let grid = Rect::new(inner.x, inner.y + 1, inner.width, room.min(2 * half + 1));
    let ctx = Cells {
        model,
        selected,
        num_w: ideas.len().to_string().len(),
        lines_per,
    };
    if unrated_h > 0 {
        let r = Rect::new(inner.x, grid.bottom(), inner.width, unrated_h);
        Cells {
            lines_per: 1,
            ..ctx.clone()
        }
        .cell(st.unrated, &unrated, r, buf);
    }
    let g = grid.height.saturating_sub(1);
    if g < 2 {
        return;
    }
    let top_want = 1 + top_n * lines_per;
    let bottom_want = 1 + bottom_n * lines_per;
    let top = if top_want + bottom_want <= g {
        (g / 2).max(top_want).min(g - bottom_want)
    } else {
        (u32::from(g) * u32::from(top_want) / u32::from(top_want + bottom_want)) as u16
    }
    .clamp(1, g - 1);
    let left_w = (grid.width - 1) / 2;
    let right_w = grid.width - 1 - left_w;
    let (x_mid, y_mid) = (grid.x + left_w, grid.y + top);
    let areas = [
        Rect::new(grid.x, grid.y, left_w, top),
        Rect::new(x_mid + 1, grid.y, right_w, top),
        Rect::new(grid.x, y_mid + 1, left_w, g - top),
        Rect::new(x_mid + 1, y_mid + 1, right_w, g - top),
    ];
    for ((items, name), r) in quads.iter().zip(names).zip(areas) {
        ctx.cell(name, items, r, buf);
    }
    // The cross between the quadrants.
    for y in grid.y..grid.y + g + 1 {
        let symbol = if y == y_mid { "┼" } else { "│" };
        buf[(x_mid, y)].set_symbol(symbol).set_style(t.border);
    }
    for x in grid.x..grid.right() {
        if x != x_mid {
            buf[(x, y_mid)].set_symbol("─").set_style(t.border);
        }
    }
}

/// "▶ 2. impact 4 ·▸effort 3  Négocier avec la minoterie…": the ratings before the text, so
/// that the one the digits set is never cut off.
fn selected_line(
    model: &Model,
    ui: &SessionUi,
    n: usize,
    idea: &Idea,
    focused: bool,
) -> Line<'static> {
    let st = &model.strings().solutions;
    let t = &model.theme;
    let effort = focused && ideas::rating_effort(ui, idea);
    let mut spans = vec![styled("▶ ", t.key), muted(model, format!("{}. ", n + 1))];
    let impact = focused && !effort;
    spans.extend(ideas::rating(model, st.impact, idea.impact, impact));
    spans.push(muted(model, " ·"));
    spans.extend(ideas::rating(model, st.effort, idea.effort, effort));
    spans.push(Span::raw("  "));
    let style = if idea.chosen {
        t.title
    } else {
        Style::default()
    };
    if idea.chosen {
        spans.push(styled("✓ ", t.marked));
    }
    spans.push(styled(ideas::head(&one_line(&idea.text), 200), style));
    Line::from(spans)
}

fn row(area: Rect, y: u16) -> Rect {
    Rect::new(area.x, area.y + y, area.width, 1)
}

#[derive(Clone)]
struct Cells<'a> {
    model: &'a Model,
    selected: Option<crate::model::Id>,
    num_w: usize,
    /// Rows each idea may take.
    lines_per: u16,
}

impl Cells<'_> {
    /// A quadrant (or the unrated ideas): its name and count, then its ideas. When they do
    /// not all fit, the ideas shown are those around the selected one, and a last row says
    /// how many more there are.
    fn cell(&self, name: &str, items: &[(usize, &Idea)], area: Rect, buf: &mut Buffer) {
        let t = &self.model.theme;
        if area.height == 0 || area.width == 0 {
            return;
        }
        let head = Line::from(styled(format!("{name} ({})", items.len()), t.title));
        fit(head, area.width as usize).render(row(area, 0), buf);
        let rows = (area.height - 1) as usize;
        let per = usize::from(self.lines_per);
        if rows == 0 {
            return;
        }
        let sel = items
            .iter()
            .position(|(_, i)| Some(&i.id) == self.selected.as_ref());
        let (start, shown) = if items.len() * per <= rows {
            (0, items.len())
        } else {
            // One row is kept to say how many are hidden.
            let shown = (rows.saturating_sub(1) / per).max(1);
            let start = sel.map_or(0, |p| p.saturating_sub(shown - 1));
            (start, shown)
        };
        let mut y = 1;
        for (n, idea) in items.iter().skip(start).take(shown) {
            if y > rows {
                break;
            }
            let left = (rows + 1 - y) as u16;
            let r = Rect::new(area.x, area.y + y as u16, area.width, left);
            y += usize::from(self.item(*n, idea, r, buf));
        }
        let hidden = items.len() - shown;
        if hidden > 0 && y <= rows {
            let more = muted(self.model, format!("  ⋯ +{hidden}"));
            Line::from(more).render(row(area, y as u16), buf);
        }
    }

    /// "✓ 3 Demander à la Chambre un atelier… 4/2", on up to `lines_per` rows of `area`;
    /// returns the rows used. Drawn piece by piece at known columns: the mark, number and
    /// ratings are narrow and plain, so only the text needs measuring, once.
    fn item(&self, n: usize, idea: &Idea, area: Rect, buf: &mut Buffer) -> u16 {
        let t = &self.model.theme;
        let st = &self.model.strings().solutions;
        let unrated = st.unrated_mark;
        let score = |v: Option<u8>| v.map_or(unrated.to_string(), |v| v.to_string());
        let ratings = format!(" {}/{}", score(idea.impact), score(idea.effort));
        let (mark, text_style) = if idea.chosen {
            (styled("✓", t.marked), t.title)
        } else {
            (Span::raw(" "), Style::default())
        };
        let number = format!(" {:>w$} ", n + 1, w = self.num_w);
        let indent = (1 + number.len()) as u16;
        let ratings_w = display_width(&ratings) as u16;
        let room = area.width.saturating_sub(indent + ratings_w);
        if room == 0 {
            return 0;
        }
        let per = self.lines_per.min(area.height).max(1);
        let text = ideas::head(&one_line(&idea.text), usize::from(room * per));
        let parts = if per == 1 {
            vec![text]
        } else {
            let mut parts = wrap(&text, usize::from(room));
            if parts.len() > usize::from(per) {
                // What does not fit goes on the last row, cut there.
                let rest = parts[usize::from(per) - 1..].join(" ");
                parts.truncate(usize::from(per) - 1);
                parts.push(rest);
            }
            parts
        };
        let text_x = area.x + indent;
        for (i, part) in parts.iter().enumerate() {
            let y = area.y + i as u16;
            if i == 0 {
                mark.clone().render(Rect::new(area.x, y, 1, 1), buf);
                let r = Rect::new(area.x + 1, y, indent - 1, 1);
                muted(self.model, number.clone()).render(r, buf);
                let r = Rect::new(text_x + room, y, ratings_w, 1);
                muted(self.model, ratings.clone()).render(r, buf);
            }
            let line = ideas::cut(part, text_style, usize::from(room));
            line.render(Rect::new(text_x, y, room, 1), buf);
            if Some(&idea.id) == self.selected.as_ref() {
                buf.set_style(Rect::new(area.x, y, area.width, 1), t.selected);
            }
        }
        parts.len() as u16
    }
}
