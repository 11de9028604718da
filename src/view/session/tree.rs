//! The cause tree: each "why?" one level further right, with the tree's rails, folded
//! branches marked with the count of what they hide, root causes marked by a symbol and a
//! style. The selected cause is shown whole (wrapped) and kept in view: the tree draws from
//! the first row `update` keeps for it, which moves only when the selection would leave the
//! rows in sight (`layout::tree` measures the rows, `layout::scroll` moves the first one).

use super::panes::{counted, editor_box};
use crate::i18n::fill;
use crate::layout;
use crate::layout::scroll::first_row;
use crate::layout::session::field_place;
use crate::layout::text::display_width;
use crate::layout::text::one_line;
use crate::layout::tree::{ACTIVE_GUTTER, ROOT_MARK, Selection, editing, selection, with_phantoms};
use crate::model::Problem;
use crate::ui::causes::{TreeRow, visible_tree};
use crate::ui::{Model, Pane, SessionUi, Target};
use crate::view::common::{fit, pane_block, styled};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

/// The pane's title: its name, how many causes, how many marked as root causes.
pub fn title(model: &Model, problem: &Problem, name: &str) -> String {
    let s = model.strings();
    let roots = problem.causes.iter().filter(|c| c.root).count();
    let mut title = counted(name, problem.causes.len());
    if roots > 0 {
        title = format!("{title} · {}", s.problem.roots.n(roots));
    }
    title
}

/// The field of the causes pane at the bottom of `inner` (over the whole pane `area` when
/// it is too short for both, see `layout::session::field_place`), or the draft of a new
/// cause; the rest of `inner` is returned for the rows.
pub fn field_area(
    model: &Model,
    ui: &SessionUi,
    area: Rect,
    inner: Rect,
    buf: &mut Buffer,
) -> Rect {
    let s = model.strings();
    let t = &model.theme;
    let draft = ui
        .session
        .drafts
        .get(&Target::New(Pane::Causes).draft_key());
    let ed = editing(ui);
    let (rows, bottom) = match ed {
        Some(ed) => field_place(ed, area, inner),
        None => {
            let h = u16::from(draft.is_some());
            let [rows, bottom] =
                Layout::vertical([Constraint::Min(0), Constraint::Length(h)]).areas(inner);
            (rows, bottom)
        }
    };
    if let Some(ed) = ed {
        let why = match &ed.target {
            Target::SubCause(parent) => (ui.session.problem.causes.iter())
                .find(|c| &c.id == parent)
                .map(|c| fill(s.problem.why_title, &[&clip_words(&one_line(&c.text), 40)])),
            _ => None,
        };
        editor_box(model, ui, ed, why.as_deref(), bottom, buf);
    } else if let Some(d) = draft {
        let line = Line::from(vec![
            styled(format!("✎ {} ", s.draft_label), t.draft),
            styled(one_line(d), t.draft),
        ]);
        fit(line, bottom.width as usize).render(bottom, buf);
    }
    rows
}

/// A text cut to a width at a grapheme, with an ellipsis.
fn clip_words(text: &str, width: usize) -> String {
    crate::layout::text::clip(text, width)
}

/// Draws the tree in `area` (borders included).
pub fn render(model: &Model, ui: &SessionUi, navigates: bool, area: Rect, buf: &mut Buffer) {
    let s = model.strings();
    let t = &model.theme;
    let sel = selection(ui, navigates);
    let problem = &ui.session.problem;
    let block = pane_block(
        model,
        title(model, problem, s.pane_causes),
        sel == Selection::Active,
    );
    let inner = block.inner(area);
    block.render(area, buf);
    let rows_area = field_area(model, ui, area, inner, buf);
    let phantoms = with_phantoms(ui);
    let shown = phantoms.as_ref().map_or(problem, |(p, _)| p);
    let tree = visible_tree(shown, &ui.tech.folded);
    if tree.is_empty() {
        Paragraph::new(super::panes::empty_hint(model, ui, s.empty_causes))
            .wrap(Wrap { trim: true })
            .style(t.muted)
            .render(rows_area, buf);
        return;
    }
    let selected = ui.selected_id(Pane::Causes);
    let width = rows_area.width as usize;
    let phantoms = phantoms.as_ref().map_or(&[][..], |(_, ph)| ph);
    let lines_of = |row: &TreeRow| match phantoms.iter().find(|p| p.id == row.cause.id) {
        Some(p) => vec![phantom_line(model, row, &p.text, p.typing)],
        None => {
            let is_sel = selected.as_ref() == Some(&row.cause.id);
            cause_lines(model, ui, row, is_sel.then_some(sel), width)
        }
    };
    // Every row is one line but the selected cause, shown whole: where each row starts is
    // known without building its lines, and only the lines in view are built (a tree of a
    // hundred causes is mostly out of view).
    let (heights, focus) =
        layout::tree::heights(model, ui, (sel, selected.as_ref()), &tree, phantoms, width);
    let total: usize = heights.iter().sum();
    let h = rows_area.height as usize;
    // From the first row `update` keeps for the tree; drawn before it scrolled (a replay's
    // step), the tree scrolls just enough to show the focus, as a list does.
    let stored = ui.scroll.get(&Pane::Causes).copied().unwrap_or(0);
    let first = first_row(stored, focus, &heights, h);
    let offset: usize = heights[..first.min(heights.len())].iter().sum();
    let mut at = offset;
    for (row, n) in tree.iter().zip(&heights).skip(first) {
        if at >= offset + h {
            break;
        }
        draw_in_view(lines_of(row), at, offset, rows_area, buf);
        at += n;
    }
    scroll_marks(model, area, offset, total.saturating_sub(offset + h), buf);
}

/// Draws the lines that start at line `first` of a scrolled list, those of them that are
/// in view: `area` shows the list's lines from `offset` on, each fitted to its width.
pub fn draw_in_view(
    lines: Vec<Line<'static>>,
    first: usize,
    offset: usize,
    area: Rect,
    buf: &mut Buffer,
) {
    let h = area.height as usize;
    for (k, line) in lines.into_iter().enumerate() {
        let n = first + k;
        if n < offset || n >= offset + h {
            continue;
        }
        let r = Rect::new(area.x, area.y + (n - offset) as u16, area.width, 1);
        fit(line, area.width as usize).render(r, buf);
    }
}

/// "↑3" and "↓12" at the right of the pane's top and bottom borders when lines are out of
/// view above or below.
pub fn scroll_marks(model: &Model, area: Rect, above: usize, below: usize, buf: &mut Buffer) {
    if area.height < 2 || area.width < 8 {
        return;
    }
    for (n, arrow, y) in [(above, "↑", area.y), (below, "↓", area.bottom() - 1)] {
        if n == 0 {
            continue;
        }
        let text = format!(" {arrow}{n} ");
        let w = display_width(&text) as u16;
        let x = area.right().saturating_sub(w + 1).max(area.x + 1);
        Line::from(styled(text, model.theme.key)).render(Rect::new(x, y, w, 1), buf);
    }
}

/// One cause of the tree: one line, or the whole text wrapped when selected.
fn cause_lines(
    model: &Model,
    ui: &SessionUi,
    row: &TreeRow,
    sel: Option<Selection>,
    width: usize,
) -> Vec<Line<'static>> {
    let t = &model.theme;
    let c = row.cause;
    let active = sel == Some(Selection::Active);
    // The selected cause whole, measured as `layout::tree` counts its lines.
    let whole = active.then(|| layout::tree::whole(model, ui, row, width));
    let plain_head;
    let head_of = match &whole {
        Some(w) => &w.head,
        None => {
            plain_head = layout::tree::head(row);
            &plain_head
        }
    };
    let gutter = match sel {
        Some(Selection::Active) => styled(ACTIVE_GUTTER, t.key),
        Some(Selection::Echo) => styled("› ", t.muted),
        _ => Span::raw("  "),
    };
    let mut head = vec![
        gutter,
        styled(head_of.prefix.clone(), t.muted),
        styled(
            head_of.marker,
            if row.hidden > 0 { t.marked } else { t.muted },
        ),
    ];
    let mut lead = 0;
    if let Some(count) = &head_of.hidden {
        lead += display_width(count);
        head.push(styled(count.clone(), t.marked));
    }
    if c.root {
        lead += display_width(ROOT_MARK);
        head.push(styled(ROOT_MARK, t.marked));
    }
    let text_style = if c.root { t.title } else { t.base };
    let Some(whole) = whole else {
        let mut spans = head;
        spans.push(styled(one_line(&c.text), text_style));
        let mut line = Line::from(spans);
        if sel == Some(Selection::Echo) {
            line = line.style(Style::new().add_modifier(Modifier::UNDERLINED));
        }
        return vec![line];
    };
    // Selected: the whole text, wrapped under itself, then its category.
    let cont = |cont: &str| {
        vec![
            Span::raw("  "),
            styled(cont.to_string(), t.muted),
            Span::raw(" ".repeat(lead)),
        ]
    };
    let last = whole.chunks.len().saturating_sub(1);
    let tag = whole.tag.map(|tag| styled(tag, t.muted));
    let mut out = Vec::with_capacity(whole.chunks.len() + 1);
    for (i, chunk) in whole.chunks.into_iter().enumerate() {
        let mut spans = if i == 0 {
            head.clone()
        } else {
            cont(&whole.head.cont_rails)
        };
        spans.push(styled(chunk, text_style));
        if i == last
            && whole.tag_on_last
            && let Some(tag) = &tag
        {
            spans.push(tag.clone());
        }
        out.push(Line::from(spans).style(t.selected));
    }
    if !whole.tag_on_last
        && let Some(tag) = tag
    {
        let mut spans = cont(&whole.head.cont_rails);
        spans.push(Span::styled(
            tag.content.trim_start().to_string(),
            tag.style,
        ));
        out.push(Line::from(spans).style(t.selected));
    }
    out
}

/// A cause being typed, or a "why?" left half typed, where it will appear.
fn phantom_line(model: &Model, row: &TreeRow, text: &str, typing: bool) -> Line<'static> {
    let t = &model.theme;
    let mut prefix = String::from("  ");
    for on in &row.rails {
        prefix.push_str(if *on { "│ " } else { "  " });
    }
    if row.depth > 0 {
        prefix.push_str(if row.last { "└─" } else { "├─" });
    }
    let shown = if typing && text.is_empty() {
        "…".to_string()
    } else {
        one_line(text)
    };
    Line::from(vec![
        styled(prefix, t.muted),
        styled(format!("✎ {shown}"), t.draft),
    ])
}
