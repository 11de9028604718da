//! The cause tree: each "why?" one level further right, with the tree's rails, folded
//! branches marked with the count of what they hide, root causes marked by a symbol and a
//! style. The selected cause is shown whole (wrapped) and kept in view, a third down the pane
//! so that the causes above it stay visible.

use super::panes::{counted, editor_box};
use crate::i18n::fill;
use crate::layout::session::field_place;
use crate::layout::text::display_width;
use crate::layout::text::one_line;
use crate::layout::wrap::wrap;
use crate::model::{Cause, Id, Problem};
use crate::ui::causes::{TreeRow, visible_tree};
use crate::ui::{Model, Pane, SessionUi, Target};
use crate::view::common::{fit, pane_block, styled};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

/// Where a cause being typed, or a "why?" left as a draft, will appear in the tree.
const PHANTOM: &str = "\u{0}";

/// How the selection shows in a view of the causes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Selection {
    /// This view holds the selection and the pane has focus: a bar, the cause whole.
    Active,
    /// The other view holds it (both are on screen): a discreet mark.
    Echo,
    /// The pane has no focus.
    Hidden,
}

/// How the selection shows in the tree and in the fishbone, the pane's title, and its border.
pub fn selection(ui: &SessionUi, this_view_navigates: bool) -> Selection {
    let focused = ui.pane() == Pane::Causes && ui.action_form.is_none();
    match (focused, this_view_navigates) {
        (false, _) => Selection::Hidden,
        (true, true) => Selection::Active,
        (true, false) => Selection::Echo,
    }
}

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

/// The editor for the causes pane, if one is open, with its height in this width.
fn editing(ui: &SessionUi) -> Option<&crate::ui::Editor> {
    ui.editor
        .as_ref()
        .filter(|e| e.target.pane() == Pane::Causes)
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

/// A cause not yet in the session: being typed, or a "why?" left half typed.
struct Phantom {
    id: Id,
    text: String,
    typing: bool,
}

/// The problem with the causes being typed (or left half typed) added where they will go,
/// under an id no real cause has.
fn with_phantoms(ui: &SessionUi) -> Option<(Problem, Vec<Phantom>)> {
    let problem = &ui.session.problem;
    let mut extra: Vec<(Option<Id>, String, bool)> = Vec::new();
    if let Some(ed) = editing(ui) {
        match &ed.target {
            Target::New(_) => extra.push((None, ed.text(), true)),
            Target::SubCause(parent) => extra.push((Some(parent.clone()), ed.text(), true)),
            _ => {}
        }
    }
    // "Why?" drafts left under causes that are on screen and open.
    for (key, text) in &ui.session.drafts {
        if let Some(Target::SubCause(parent)) = Target::from_draft_key(key) {
            let open = !ui.tech.folded.contains(&parent);
            let typing = editing(ui).is_some_and(|e| e.target == Target::SubCause(parent.clone()));
            if open && !typing && problem.causes.iter().any(|c| c.id == parent) {
                extra.push((Some(parent), text.clone(), false));
            }
        }
    }
    if extra.is_empty() {
        return None;
    }
    let mut p = problem.clone();
    let mut phantoms = Vec::new();
    for (n, (parent, text, typing)) in extra.into_iter().enumerate() {
        let id = Id(format!("{PHANTOM}{n}"));
        p.causes.push(Cause {
            id: id.clone(),
            text: String::new(),
            parent,
            category: None,
            root: false,
            created: ui.session.created,
        });
        phantoms.push(Phantom { id, text, typing });
    }
    Some((p, phantoms))
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
    let phantom_of = |row: &TreeRow| {
        (phantoms.iter())
            .flat_map(|(_, ph)| ph)
            .find(|p| p.id == row.cause.id)
    };
    let lines_of = |row: &TreeRow| match phantom_of(row) {
        Some(p) => vec![phantom_line(model, row, &p.text, p.typing)],
        None => {
            let is_sel = selected.as_ref() == Some(&row.cause.id);
            cause_lines(model, ui, row, is_sel.then_some(sel), width)
        }
    };
    // Every row is one line but the selected cause, shown whole: where each row starts is
    // known without building its lines, and only the lines in view are built (a tree of a
    // hundred causes is mostly out of view).
    let mut heights = Vec::with_capacity(tree.len());
    let mut total = 0;
    let mut focus = None;
    let mut typing_at = None;
    for row in &tree {
        let n = match phantom_of(row) {
            Some(p) => {
                if p.typing {
                    typing_at = Some((total, total));
                }
                1
            }
            None if selected.as_ref() == Some(&row.cause.id) => {
                let n = lines_of(row).len();
                focus = Some((total, total + n - 1));
                n
            }
            None => 1,
        };
        heights.push(n);
        total += n;
    }
    // The cause being typed is where the eye should be.
    let focus = typing_at.or(focus).unwrap_or((0, 0));
    let h = rows_area.height as usize;
    let offset = scroll_offset(total, h, focus);
    let mut at = 0;
    for (row, n) in tree.iter().zip(heights) {
        if at >= offset + h {
            break;
        }
        if at + n > offset {
            draw_in_view(lines_of(row), at, offset, rows_area, buf);
        }
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

/// The first line to show so that lines `focus.0..=focus.1` are in view, a third down when
/// the list is longer than the room.
pub fn scroll_offset(total: usize, height: usize, focus: (usize, usize)) -> usize {
    if total <= height || height == 0 {
        return 0;
    }
    let (first, last) = focus;
    let mut offset = first.saturating_sub(height / 3).min(total - height);
    if last >= offset + height {
        offset = last + 1 - height;
    }
    offset.min(first)
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
    let rail = |on: bool| if on { "│ " } else { "  " };
    let mut prefix = String::new();
    for on in &row.rails {
        prefix.push_str(rail(*on));
    }
    let mut cont_rails = prefix.clone();
    if row.depth > 0 {
        prefix.push_str(if row.last { "└─" } else { "├─" });
        cont_rails.push_str(rail(!row.last));
    }
    let open_children = row.children > 0 && row.hidden == 0;
    let marker = match (row.children > 0, row.hidden > 0, row.depth) {
        (true, true, _) => "▸ ",
        (true, false, _) => "▾ ",
        (false, _, 0) => "• ",
        (false, _, _) => "─ ",
    };
    cont_rails.push_str(rail(open_children));
    let gutter = match sel {
        Some(Selection::Active) => styled("▶ ", t.key),
        Some(Selection::Echo) => styled("› ", t.muted),
        _ => Span::raw("  "),
    };
    let mut head = vec![
        gutter,
        styled(prefix, t.muted),
        styled(marker, if row.hidden > 0 { t.marked } else { t.muted }),
    ];
    let mut lead = 0;
    if row.hidden > 0 {
        let count = format!("+{} ", row.hidden);
        lead += display_width(&count);
        head.push(styled(count, t.marked));
    }
    if c.root {
        lead += 2;
        head.push(styled("◆ ", t.marked));
    }
    let text_style = if c.root { t.title } else { t.base };
    let text = one_line(&c.text);
    if sel != Some(Selection::Active) {
        let mut spans = head;
        spans.push(styled(text, text_style));
        let mut line = Line::from(spans);
        if sel == Some(Selection::Echo) {
            line = line.style(Style::new().add_modifier(Modifier::UNDERLINED));
        }
        return vec![line];
    }
    // Selected: the whole text, wrapped under itself, then its category.
    let used: usize = head.iter().map(|s| display_width(&s.content)).sum();
    let room = width.saturating_sub(used).max(8);
    let chunks = wrap(&text, room);
    let last = chunks.len() - 1;
    let mut out = Vec::with_capacity(chunks.len() + 1);
    let cont = |cont: &str| {
        vec![
            Span::raw("  "),
            styled(cont.to_string(), t.muted),
            Span::raw(" ".repeat(lead)),
        ]
    };
    let tag = category_label(model, ui, c).map(|cat| styled(format!("  {cat}"), t.muted));
    let tag_fits = |chunk: &str| {
        tag.as_ref()
            .is_some_and(|tag| display_width(chunk) + display_width(&tag.content) <= room)
    };
    let mut tag_placed = tag.is_none();
    for (i, chunk) in chunks.into_iter().enumerate() {
        let mut spans = if i == 0 {
            head.clone()
        } else {
            cont(&cont_rails)
        };
        let fits = i == last && tag_fits(&chunk);
        spans.push(styled(chunk, text_style));
        if fits && let Some(tag) = &tag {
            spans.push(tag.clone());
            tag_placed = true;
        }
        out.push(Line::from(spans).style(t.selected));
    }
    if !tag_placed && let Some(tag) = tag {
        let mut spans = cont(&cont_rails);
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

/// The label of a cause's category in the advisor's language, if it has one.
pub fn category_label(model: &Model, ui: &SessionUi, c: &Cause) -> Option<String> {
    let id = c.category.as_deref()?;
    Some(
        ui.session
            .method
            .cause_category(id)
            .map_or(id.to_string(), |cat| cat.label.get(model.lang).to_string()),
    )
}
