//! The needs technique's own keys and pickers (issue 3): marking cards and putting them into
//! themes, taking them out, merging themes, need categories, dot voting with a budget per
//! present member or a tally by show of hands, the priority, and the backlog of themes left
//! from earlier sessions. Every change goes through `journal::record`, so the history has it.
//!
//! Adding, renaming and deleting cards and themes are the generic list keys (`edit`).
//!
//! Split by concern: `cards` (marking and moving cards into themes), `themes` (merging,
//! categories, box jumps, priority), `backlog` (themes from earlier sessions), `votes` (dots
//! and show of hands) and `numbers` (the budget and tally fields). What stays here is the
//! key dispatch, the picker results, and the small helpers all of them share (private to
//! this module, so visible to its children only).

mod backlog;
mod cards;
mod numbers;
mod themes;
mod votes;

pub use backlog::take_up_and_rename;
pub use numbers::commit_number;

use backlog::take_up;
use cards::{move_to_theme, moved, take_out, toggle_mark};
use numbers::open_number;
use themes::{category, jump, merge, priority};
use votes::{pick_voter, set_votes, step, toggle_mode};

use super::Effect;
use super::journal::record;
use crate::i18n::fill;
use crate::keymap::{self, Action, Ctx, Resolved};
use crate::model::{Change, Id, Session};
use crate::ui::{Flash, Model, Pane, PickFor, PickValue, SessionUi, Target};

/// Show-of-hands counts and dot budgets beyond these are typing slips, not rooms.
const MAX_TALLY: u32 = crate::model::MAX_TALLY;
const MAX_BUDGET: u32 = crate::model::MAX_DOT_BUDGET;

/// What a row of the board (`Pane::Themes`) stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoardRow {
    Theme,
    /// A card, in a theme or not.
    Card,
    /// A theme of an earlier session waiting in the backlog.
    Backlog,
}

/// The kind of a board row, by id.
pub fn board_row(s: &Session, id: &Id) -> Option<BoardRow> {
    let n = &s.needs;
    if n.themes.iter().any(|t| &t.id == id) {
        Some(BoardRow::Theme)
    } else if n.cards.iter().any(|c| &c.id == id) {
        Some(BoardRow::Card)
    } else if n.backlog.iter().any(|b| &b.id == id) {
        Some(BoardRow::Backlog)
    } else {
        None
    }
}

pub fn action(model: &mut Model, pane: Pane, r: Resolved) -> Vec<Effect> {
    match r.action {
        Action::ToggleMark => toggle_mark(model, pane),
        Action::MoveToTheme => move_to_theme(model, pane),
        Action::TakeOut => take_out(model),
        Action::MergeTheme => merge(model),
        Action::PickCategory => category(model),
        Action::TogglePriority => priority(model, pane),
        Action::PrevGroup => jump(model, false),
        Action::NextGroup => jump(model, true),
        Action::PickVoter => pick_voter(model),
        Action::SetDots => {
            if let Some(d) = r.arg {
                set_votes(model, u32::from(d));
            }
        }
        Action::DotMinus => step(model, -1),
        Action::DotPlus => step(model, 1),
        Action::ToggleVoteMode => toggle_mode(model),
        Action::SetBudget if editable(model) => open_number(model, Target::Budget, None),
        Action::TakeUp => take_up(model),
        _ => {}
    }
    Vec::new()
}

// ---------------------------------------------------------------------------------------
// Small helpers

fn flash(model: &mut Model, text: String, error: bool) {
    model.flash = Some(Flash { text, error });
}

/// Whether the session may change; if not, says why (as `record` would) and returns false.
/// Used before opening a picker or a field, so that nothing is chosen in vain.
fn editable(model: &mut Model) -> bool {
    let s = model.strings();
    let refusal = match model.session() {
        Some(ui) if ui.read_only => model.read_only_text(),
        Some(ui) if ui.session.is_closed() => s.session_closed_reopen,
        Some(_) => return true,
        None => return false,
    };
    flash(model, refusal.to_string(), true);
    false
}

/// The first key bound to an action in a context, as the footer writes it.
fn key(ctx: Ctx, action: Action) -> String {
    keymap::TABLE
        .iter()
        .find(|b| b.ctx == ctx && b.action == action)
        .and_then(|b| b.keys.first())
        .map(|k| k.label())
        .unwrap_or_default()
}

fn theme_title(s: &Session, id: &Id) -> String {
    s.needs
        .themes
        .iter()
        .find(|t| &t.id == id)
        .map(|t| t.title.clone())
        .unwrap_or_default()
}

fn member_name(s: &Session, id: &Id) -> String {
    s.group.member_name(id)
}

/// The theme the selection stands for: the selected theme, or the theme of the selected card
/// on the board; the selected row in the votes.
fn selected_theme(ui: &SessionUi, pane: Pane) -> Option<Id> {
    let id = ui.selected_id(pane)?;
    let n = &ui.session.needs;
    if n.themes.iter().any(|t| t.id == id) {
        return Some(id);
    }
    n.cards
        .iter()
        .find(|c| c.id == id)
        .and_then(|c| c.theme.clone())
        .filter(|t| n.themes.iter().any(|th| &th.id == t))
}

/// The cards a key acts on: the marked ones (in the order they were written), or else the
/// selected card.
fn target_cards(ui: &SessionUi, pane: Pane) -> Vec<Id> {
    let n = &ui.session.needs;
    let marked: Vec<Id> = n
        .cards
        .iter()
        .filter(|c| ui.tech.marked.contains(&c.id))
        .map(|c| c.id.clone())
        .collect();
    if !marked.is_empty() {
        return marked;
    }
    ui.selected_id(pane)
        .filter(|id| n.cards.iter().any(|c| &c.id == id))
        .into_iter()
        .collect()
}

/// After some cards left their place on the board, keeps the selection where the eye is: on
/// the first row, from the old selection on, that did not move.
fn reselect_after_move(ui: &mut SessionUi, pane: Pane, before: &[Id], moved: &[Id]) {
    let sel = ui.selected.get(&pane).copied().unwrap_or(0);
    let keep = before
        .iter()
        .skip(sel)
        .find(|id| !moved.contains(id))
        .cloned();
    let rows = pane.rows(&ui.session);
    let i = keep
        .and_then(|id| rows.iter().position(|r| *r == id))
        .unwrap_or(sel)
        .min(rows.len().saturating_sub(1));
    ui.selected.insert(pane, i);
}

/// Selects an item's row in a pane, if it is there (the votes pane reorders when its order
/// is let go).
fn select(ui: &mut SessionUi, pane: Pane, id: &Id) {
    ui.select_id(pane, id);
}

// ---------------------------------------------------------------------------------------
// Pickers

pub fn picked(model: &mut Model, purpose: PickFor, value: PickValue) -> Vec<Effect> {
    let st = model.strings();
    match (purpose, value) {
        (PickFor::MoveCards, PickValue::Item(theme)) => moved(model, theme),
        (PickFor::MergeTheme, PickValue::Item(Some(into))) => {
            let Some(ui) = model.session() else {
                return Vec::new();
            };
            let Some(from) = selected_theme(ui, Pane::Themes) else {
                return Vec::new();
            };
            let from_title = theme_title(&ui.session, &from);
            let into_title = theme_title(&ui.session, &into);
            if from != into
                && record(
                    model,
                    Change::ThemesMerged {
                        from,
                        into: into.clone(),
                    },
                )
            {
                if let Some(ui) = model.session_mut() {
                    select(ui, Pane::Themes, &into);
                }
                flash(
                    model,
                    fill(st.needs.merged, &[&from_title, &into_title]),
                    false,
                );
            }
        }
        (PickFor::ThemeCategory, PickValue::Category(category)) => {
            if let Some(id) = model
                .session()
                .and_then(|ui| selected_theme(ui, Pane::Themes))
            {
                record(model, Change::ThemeCategorySet { id, category });
            }
        }
        (PickFor::Voter, PickValue::Item(Some(member))) => {
            if let Some(ui) = model.session_mut() {
                ui.tech.voter = Some(member);
                // The next voter sees the ranking as the last one left it.
                ui.resort_votes();
            }
        }
        _ => {}
    }
    Vec::new()
}
