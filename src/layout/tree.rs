//! The cause tree measured: the rows it shows (the causes, and those being typed or left
//! half typed where they will go), how many lines each takes (one, or the selected cause
//! whole, wrapped), and the row to keep in sight. `update` scrolls the tree with these
//! measures; `view/session/tree.rs` draws the same rows with the same pieces.

use super::text::{display_width, one_line};
use super::wrap::wrap;
use crate::model::{Cause, Id, Problem};
use crate::ui::causes::{TreeRow, visible_tree};
use crate::ui::{Editor, Model, Pane, SessionUi, Target};

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

/// How the selection shows in the tree and in the fishbone.
pub fn selection(ui: &SessionUi, this_view_navigates: bool) -> Selection {
    let focused = ui.pane() == Pane::Causes && ui.action_form.is_none();
    match (focused, this_view_navigates) {
        (false, _) => Selection::Hidden,
        (true, true) => Selection::Active,
        (true, false) => Selection::Echo,
    }
}

/// The editor for the causes pane, if one is open.
pub fn editing(ui: &SessionUi) -> Option<&Editor> {
    ui.editor
        .as_ref()
        .filter(|e| e.target.pane() == Pane::Causes)
}

/// Where a cause being typed, or a "why?" left as a draft, will appear in the tree.
const PHANTOM: &str = "\u{0}";

/// A cause not yet in the session: being typed, or a "why?" left half typed.
pub struct Phantom {
    pub id: Id,
    pub text: String,
    pub typing: bool,
}

/// The problem with the causes being typed (or left half typed) added where they will go,
/// under an id no real cause has.
pub fn with_phantoms(ui: &SessionUi) -> Option<(Problem, Vec<Phantom>)> {
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

/// The selection's mark before the selected cause, in the view that navigates.
pub const ACTIVE_GUTTER: &str = "▶ ";
/// The mark of a root cause, before its text.
pub const ROOT_MARK: &str = "◆ ";

/// The start of a cause's first line, after the selection's gutter: the rails and the
/// branch, its marker, and the count of what it hides when folded; and the rails that
/// continue on the lines of its text below.
pub struct Head {
    pub prefix: String,
    pub marker: &'static str,
    pub hidden: Option<String>,
    pub cont_rails: String,
}

pub fn head(row: &TreeRow) -> Head {
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
    Head {
        prefix,
        marker,
        hidden: (row.hidden > 0).then(|| format!("+{} ", row.hidden)),
        cont_rails,
    }
}

/// The selected cause written whole in a tree `width` columns wide: its text wrapped under
/// itself after its head, then its category, on the last line if it fits there, else on a
/// line of its own.
pub struct Whole {
    pub head: Head,
    pub chunks: Vec<String>,
    /// The category after two blanks.
    pub tag: Option<String>,
    pub tag_on_last: bool,
}

impl Whole {
    pub fn lines(&self) -> usize {
        self.chunks.len() + usize::from(self.tag.is_some() && !self.tag_on_last)
    }
}

pub fn whole(model: &Model, ui: &SessionUi, row: &TreeRow, width: usize) -> Whole {
    let head = head(row);
    let c = row.cause;
    let used = display_width(ACTIVE_GUTTER)
        + display_width(&head.prefix)
        + display_width(head.marker)
        + head.hidden.as_deref().map_or(0, display_width)
        + if c.root { display_width(ROOT_MARK) } else { 0 };
    let room = width.saturating_sub(used).max(8);
    let chunks = wrap(&one_line(&c.text), room);
    let tag = category_label(model, ui, c).map(|cat| format!("  {cat}"));
    let last = chunks.last().map_or(0, |l| display_width(l));
    let tag_on_last = tag
        .as_ref()
        .is_some_and(|tag| last + display_width(tag) <= room);
    Whole {
        head,
        chunks,
        tag,
        tag_on_last,
    }
}

/// The lines each row of the tree takes, and the row to keep in sight: the cause being
/// typed, else the selected cause (the first row when neither is shown). `phantoms` are
/// the rows of [`with_phantoms`] among `tree`; `selected` is the selected cause, looked up
/// once by the caller (each look-up builds the tree's rows again).
pub fn heights(
    model: &Model,
    ui: &SessionUi,
    (sel, selected): (Selection, Option<&Id>),
    tree: &[TreeRow],
    phantoms: &[Phantom],
    width: usize,
) -> (Vec<usize>, usize) {
    let mut heights = Vec::with_capacity(tree.len());
    let mut focus = None;
    let mut typing_at = None;
    for (i, row) in tree.iter().enumerate() {
        let n = match phantoms.iter().find(|p| p.id == row.cause.id) {
            Some(p) => {
                if p.typing {
                    typing_at = Some(i);
                }
                1
            }
            None if selected == Some(&row.cause.id) => {
                focus = Some(i);
                match sel {
                    Selection::Active => whole(model, ui, row, width).lines(),
                    _ => 1,
                }
            }
            None => 1,
        };
        heights.push(n);
    }
    // The cause being typed is where the eye should be.
    (heights, typing_at.or(focus).unwrap_or(0))
}

/// The tree's rows drawn `width` columns wide, in the view that navigates or not: how many
/// lines each takes, and the row to keep in sight (see [`heights`]).
pub fn measure(
    model: &Model,
    ui: &SessionUi,
    navigates: bool,
    width: usize,
) -> (Vec<usize>, usize) {
    let phantoms = with_phantoms(ui);
    let shown = phantoms.as_ref().map_or(&ui.session.problem, |(p, _)| p);
    let tree = visible_tree(shown, &ui.tech.folded);
    let phantoms = phantoms.as_ref().map_or(&[][..], |(_, ph)| ph);
    let selected = ui.selected_id(Pane::Causes);
    let sel = (selection(ui, navigates), selected.as_ref());
    heights(model, ui, sel, &tree, phantoms, width)
}
