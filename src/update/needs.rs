//! The needs technique's own keys and pickers (issue 3): marking cards and putting them into
//! themes, taking them out, merging themes, need categories, dot voting with a budget per
//! present member or a tally by show of hands, the priority, and the backlog of themes left
//! from earlier sessions. Every change goes through `session::record`, so the history has it.
//!
//! Adding, renaming and deleting cards and themes are the generic list keys (`edit.rs`).

use super::Effect;
use super::session::{record, touched};
use crate::i18n::fill;
use crate::keymap::{self, Action, Ctx, Resolved};
use crate::model::{Author, Change, Id, Session, Theme, VoteMode};
use crate::ui::{Editor, Flash, Model, Pane, PickFor, PickValue, SessionUi, Target};

/// Show-of-hands counts and dot budgets beyond these are typing slips, not rooms.
const MAX_TALLY: u32 = 999;
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
        Some(ui) if ui.read_only => s.session_read_only,
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

/// Selects an item's row in a pane, if it is there (the votes pane reorders as votes come).
fn select(ui: &mut SessionUi, pane: Pane, id: &Id) {
    if let Some(i) = pane.rows(&ui.session).iter().position(|r| r == id) {
        ui.selected.insert(pane, i);
    }
}

// ---------------------------------------------------------------------------------------
// Clustering

/// Space: marks or unmarks the selected card and moves on to the next row, so that a run of
/// cards is marked with a run of Spaces.
fn toggle_mark(model: &mut Model, pane: Pane) {
    let Some(ui) = model.session_mut() else {
        return;
    };
    let Some(id) = ui.selected_id(pane) else {
        return;
    };
    if board_row(&ui.session, &id) != Some(BoardRow::Card) {
        return;
    }
    if !ui.tech.marked.remove(&id) {
        ui.tech.marked.insert(id);
    }
    let n = pane.rows(&ui.session).len();
    let sel = ui.selection(pane);
    ui.selected.insert(pane, (sel + 1).min(n.saturating_sub(1)));
}

/// m: the theme the selected or marked cards go into, from a picker ("no theme" first, then
/// the themes with their hotkeys 1, 2, 3...).
fn move_to_theme(model: &mut Model, pane: Pane) {
    let st = model.strings();
    let Some(ui) = model.session() else { return };
    let cards = target_cards(ui, pane);
    if cards.is_empty() {
        let space = key(pane.ctx().unwrap_or(Ctx::Cards), Action::ToggleMark);
        return flash(model, fill(st.needs.no_card, &[&space]), true);
    }
    let n = &ui.session.needs;
    if n.themes.is_empty() {
        let add = key(Ctx::Facilitate, Action::Add);
        return flash(model, fill(st.needs.no_theme_yet, &[&add]), true);
    }
    if !editable(model) {
        return;
    }
    let Some(ui) = model.session() else { return };
    let n = &ui.session.needs;
    let mut options = vec![(st.needs.no_theme_option.to_string(), PickValue::Item(None))];
    options.extend(
        n.themes
            .iter()
            .map(|t| (t.title.clone(), PickValue::Item(Some(t.id.clone())))),
    );
    // One card: the cursor starts on its theme; several: on the first theme.
    let current = match cards.as_slice() {
        [one] => n
            .cards
            .iter()
            .find(|c| &c.id == one)
            .map(|c| c.theme.clone()),
        _ => n.themes.first().map(|t| Some(t.id.clone())),
    }
    .map(PickValue::Item);
    super::edit::show_picker(model, PickFor::MoveCards, options, current.as_ref());
}

/// Puts the cards the key acted on into a theme (or none), then clears the marks.
fn moved(model: &mut Model, theme: Option<Id>) {
    let st = model.strings();
    let Some(ui) = model.session() else { return };
    let pane = ui.pane();
    let cards = target_cards(ui, pane);
    let single = ui.tech.marked.is_empty();
    let before = pane.rows(&ui.session);
    let changes: Vec<Change> = cards
        .iter()
        .filter(|id| {
            ui.session
                .needs
                .cards
                .iter()
                .any(|c| &c.id == *id && c.theme != theme)
        })
        .map(|id| Change::CardMoved {
            id: id.clone(),
            theme: theme.clone(),
        })
        .collect();
    let n = cards.len();
    for change in changes {
        if !record(model, change) {
            return;
        }
    }
    let Some(ui) = model.session_mut() else {
        return;
    };
    ui.tech.marked.clear();
    let text = match &theme {
        Some(t) => {
            let title = theme_title(&ui.session, t);
            if n == 1 {
                fill(st.needs.moved_one, &[&title])
            } else {
                fill(st.needs.moved_many, &[&n, &title])
            }
        }
        None if n == 1 => st.needs.moved_out_one.to_string(),
        None => fill(st.needs.moved_out_many, &[&n]),
    };
    if pane == Pane::Themes {
        reselect_after_move(ui, pane, &before, &cards);
    } else if single {
        // The card is sorted: on to the next one.
        let rows = pane.rows(&ui.session).len();
        let sel = ui.selection(pane);
        ui.selected
            .insert(pane, (sel + 1).min(rows.saturating_sub(1)));
    }
    flash(model, text, false);
}

/// x: takes the selected card (or the marked ones) out of its theme.
fn take_out(model: &mut Model) {
    let st = model.strings();
    let Some(ui) = model.session() else { return };
    let in_theme = target_cards(ui, Pane::Themes).into_iter().any(|id| {
        ui.session
            .needs
            .cards
            .iter()
            .any(|c| c.id == id && c.theme.is_some())
    });
    if !in_theme {
        return flash(model, st.needs.not_in_theme.to_string(), true);
    }
    moved(model, None);
}

/// M: merges the selected theme into another one, chosen in a picker.
fn merge(model: &mut Model) {
    let st = model.strings();
    let Some(ui) = model.session() else { return };
    let Some(from) = selected_theme(ui, Pane::Themes) else {
        return flash(model, st.needs.not_a_theme.to_string(), true);
    };
    if ui.session.needs.themes.len() < 2 {
        return flash(model, st.needs.merge_needs_two.to_string(), true);
    }
    if !editable(model) {
        return;
    }
    let Some(ui) = model.session() else { return };
    let options = ui
        .session
        .needs
        .themes
        .iter()
        .filter(|t| t.id != from)
        .map(|t| (t.title.clone(), PickValue::Item(Some(t.id.clone()))))
        .collect();
    super::edit::show_picker(model, PickFor::MergeTheme, options, None);
}

/// c: the need category of the selected theme, from the method's list, or none.
fn category(model: &mut Model) {
    let st = model.strings();
    let lang = model.lang;
    let Some(ui) = model.session() else { return };
    let Some(id) = selected_theme(ui, Pane::Themes) else {
        return flash(model, st.needs.not_a_theme.to_string(), true);
    };
    if !editable(model) {
        return;
    }
    let Some(ui) = model.session() else { return };
    let mut options = vec![(
        st.needs.no_category_option.to_string(),
        PickValue::Category(None),
    )];
    options.extend(ui.session.method.need_categories.iter().map(|c| {
        (
            c.label.get(lang).to_string(),
            PickValue::Category(Some(c.id.clone())),
        )
    }));
    let current = ui
        .session
        .needs
        .themes
        .iter()
        .find(|t| t.id == id)
        .map(|t| PickValue::Category(t.category.clone()));
    super::edit::show_picker(model, PickFor::ThemeCategory, options, current.as_ref());
}

/// ←/→ on the board: to the previous or next box (a theme, the cards in no theme, the
/// backlog), on its first row.
fn jump(model: &mut Model, forward: bool) {
    let Some(ui) = model.session_mut() else {
        return;
    };
    let rows = Pane::Themes.rows(&ui.session);
    let n = &ui.session.needs;
    let mut starts: Vec<usize> = Vec::new();
    let mut last: Option<u8> = None;
    for (i, id) in rows.iter().enumerate() {
        // 0: a theme's own row; 1: a card in no theme; 2: the backlog.
        let group = if n.themes.iter().any(|t| &t.id == id) {
            starts.push(i);
            last = Some(0);
            continue;
        } else if n.backlog.iter().any(|b| &b.id == id) {
            2
        } else if n.cards.iter().any(|c| {
            &c.id == id
                && c.theme
                    .as_ref()
                    .is_some_and(|t| n.themes.iter().any(|th| &th.id == t))
        }) {
            continue;
        } else {
            1
        };
        if last != Some(group) {
            starts.push(i);
            last = Some(group);
        }
    }
    let sel = ui.selection(Pane::Themes);
    let here = starts.iter().rposition(|s| *s <= sel);
    let target = if forward {
        starts.iter().find(|s| **s > sel).copied()
    } else {
        here.and_then(|h| h.checked_sub(1)).map(|h| starts[h])
    };
    if let Some(t) = target {
        ui.selected.insert(Pane::Themes, t);
    }
}

/// r on a theme of the backlog: it becomes a theme of this session.
fn take_up(model: &mut Model) {
    let st = model.strings();
    if !editable(model) {
        return;
    }
    let Some(ui) = model.session() else { return };
    let Some(id) = ui.selected_id(Pane::Themes) else {
        return;
    };
    let Some(item) = ui
        .session
        .needs
        .backlog
        .iter()
        .find(|b| b.id == id)
        .cloned()
    else {
        return flash(model, st.needs.not_backlog.to_string(), true);
    };
    let theme = Theme {
        id: model.ids.next_id(),
        title: item.title.clone(),
        category: item.category.clone(),
        created: model.now,
    };
    let new_id = theme.id.clone();
    if record(model, Change::BacklogTakenUp { item: id, theme }) {
        if let Some(ui) = model.session_mut() {
            select(ui, Pane::Themes, &new_id);
        }
        flash(model, fill(st.needs.taken_up, &[&item.title]), false);
    }
}

/// e or Enter on a theme of the backlog: taken up, with its title open to adjust.
pub fn take_up_and_rename(model: &mut Model) {
    take_up(model);
    let Some(ui) = model.session() else { return };
    if let Some(id) = ui.selected_id(Pane::Themes)
        && board_row(&ui.session, &id) == Some(BoardRow::Theme)
    {
        super::edit::start(model, Target::Item(Pane::Themes, id));
    }
}

// ---------------------------------------------------------------------------------------
// Priority

/// *: the selected theme becomes the session's priority (or stops being it). On the board a
/// card in a theme stands for its theme; a card in no theme is chosen itself.
fn priority(model: &mut Model, pane: Pane) {
    let st = model.strings();
    let Some(ui) = model.session() else { return };
    let Some(id) = ui.selected_id(pane) else {
        return;
    };
    let chosen = match board_row(&ui.session, &id) {
        Some(BoardRow::Backlog) => {
            let r = key(Ctx::Themes, Action::TakeUp);
            return flash(model, fill(st.needs.take_up_first, &[&r]), true);
        }
        Some(BoardRow::Card) => selected_theme(ui, pane).unwrap_or(id),
        _ => id,
    };
    let id = (ui.session.needs.priority.as_ref() != Some(&chosen)).then_some(chosen);
    record(model, Change::PrioritySet { id });
}

// ---------------------------------------------------------------------------------------
// Voting

/// F2 in the votes: who is placing dots. The cursor starts on the next present member who
/// still has dots to place, so F2 Enter goes round the room.
fn pick_voter(model: &mut Model) {
    let st = model.strings();
    let Some(ui) = model.session() else { return };
    let ses = &ui.session;
    if ses.needs.vote_mode == VoteMode::ShowOfHands {
        let v = key(Ctx::Votes, Action::ToggleVoteMode);
        return flash(model, fill(st.needs.hands_no_voter, &[&v]), true);
    }
    let budget = ses.needs.dot_budget;
    let present: Vec<(Id, String)> = ses
        .present_members()
        .map(|m| (m.id.clone(), m.name.clone()))
        .collect();
    let options: Vec<(String, PickValue)> = present
        .iter()
        .map(|(id, name)| {
            let used = ses.needs.dots_of(id);
            (
                fill(st.needs.voter_option, &[name, &used, &budget]),
                PickValue::Item(Some(id.clone())),
            )
        })
        .collect();
    let after = ui
        .tech
        .voter
        .as_ref()
        .and_then(|v| present.iter().position(|(id, _)| id == v))
        .map_or(0, |i| i + 1);
    let next = (0..present.len())
        .map(|k| &present[(after + k) % present.len()].0)
        .find(|id| ses.needs.dots_of(id) < budget)
        .or(ui.tech.voter.as_ref())
        .map(|id| PickValue::Item(Some(id.clone())));
    super::edit::show_picker(model, PickFor::Voter, options, next.as_ref());
}

/// A digit on a theme: the current voter's dots on it, or in a vote by show of hands the
/// start of the number of hands (a field opens with the digit in it).
fn set_votes(model: &mut Model, digit: u32) {
    let Some(ui) = model.session() else { return };
    let Some(theme) = ui.selected_id(Pane::Votes) else {
        return;
    };
    match ui.session.needs.vote_mode {
        VoteMode::Dots => place_dots(model, theme, |_| digit),
        VoteMode::ShowOfHands => {
            if editable(model) {
                open_number(model, Target::Tally(theme), Some(digit.to_string()));
            }
        }
    }
}

/// ←/→ on a theme: one dot (or one hand) less or more.
fn step(model: &mut Model, delta: i32) {
    let Some(ui) = model.session() else { return };
    let Some(theme) = ui.selected_id(Pane::Votes) else {
        return;
    };
    let shift = |n: u32| n.saturating_add_signed(delta);
    match ui.session.needs.vote_mode {
        VoteMode::Dots => place_dots(model, theme, shift),
        VoteMode::ShowOfHands => {
            let count =
                shift(ui.session.needs.tally.get(&theme).copied().unwrap_or(0)).min(MAX_TALLY);
            if record(
                model,
                Change::TallySet {
                    theme: theme.clone(),
                    count,
                },
            ) && let Some(ui) = model.session_mut()
            {
                select(ui, Pane::Votes, &theme);
            }
        }
    }
}

/// Sets the current voter's dots on a theme to `dots(current)`, within the budget.
fn place_dots(model: &mut Model, theme: Id, dots: impl Fn(u32) -> u32) {
    let st = model.strings();
    let Some(ui) = model.session() else { return };
    let Some(voter) = ui.tech.voter.clone() else {
        let f2 = key(Ctx::Votes, Action::PickVoter);
        return flash(model, fill(st.needs.need_voter, &[&f2]), true);
    };
    let n = &ui.session.needs;
    let current = n
        .dots
        .get(&theme)
        .and_then(|m| m.get(&voter))
        .copied()
        .unwrap_or(0);
    let wanted = dots(current);
    if wanted == current {
        return;
    }
    let used = n.dots_of(&voter);
    let total = used - current + wanted;
    let budget = n.dot_budget;
    let name = member_name(&ui.session, &voter);
    // Taking dots off is always allowed, even over a budget lowered since.
    if wanted > current && total > budget {
        let left = budget.saturating_sub(used);
        let text = fill(st.needs.over_budget, &[&name, &used, &budget, &left]);
        return flash(model, text, true);
    }
    let change = Change::DotsSet {
        theme: theme.clone(),
        member: voter,
        dots: wanted,
    };
    if !record(model, change) {
        return;
    }
    if let Some(ui) = model.session_mut() {
        select(ui, Pane::Votes, &theme);
    }
    if total == budget && wanted > current {
        let f2 = key(Ctx::Votes, Action::PickVoter);
        flash(
            model,
            fill(st.needs.budget_used, &[&name, &budget, &f2]),
            false,
        );
    }
}

/// v: dots per member, or a tally by show of hands. Each keeps its own counts.
fn toggle_mode(model: &mut Model) {
    let Some(ui) = model.session() else { return };
    let mode = match ui.session.needs.vote_mode {
        VoteMode::Dots => VoteMode::ShowOfHands,
        VoteMode::ShowOfHands => VoteMode::Dots,
    };
    let selected = ui.selected_id(Pane::Votes);
    if record(model, Change::VoteModeSet { mode })
        && let Some(ui) = model.session_mut()
        && let Some(id) = selected
    {
        select(ui, Pane::Votes, &id);
    }
}

// ---------------------------------------------------------------------------------------
// The number fields: the dot budget and a show-of-hands count

/// The number a number field starts from.
pub fn number_text(s: &Session, target: &Target) -> String {
    match target {
        Target::Budget => s.needs.dot_budget.to_string(),
        Target::Tally(id) => s.needs.tally.get(id).copied().unwrap_or(0).to_string(),
        _ => String::new(),
    }
}

/// Opens a number field; `text` replaces what it would start with (the digit just typed).
fn open_number(model: &mut Model, target: Target, text: Option<String>) {
    let now = model.now;
    let Some(ui) = model.session_mut() else {
        return;
    };
    let original = number_text(&ui.session, &target);
    let draft = ui.session.drafts.get(&target.draft_key()).cloned();
    let text = text.or(draft).unwrap_or_else(|| original.clone());
    let editor = Editor::new(target, &text, &original, Author::Anonymous);
    if editor.is_changed() {
        ui.session
            .drafts
            .insert(editor.target.draft_key(), editor.text());
        touched(ui, now);
    }
    ui.editor = Some(editor);
}

/// Enter in a number field: the budget or the count, if it is a number in range; otherwise
/// the field stays open with a sentence saying what it takes.
pub fn commit_number(model: &mut Model) -> Vec<Effect> {
    let st = model.strings();
    let Some(ui) = model.session_mut() else {
        return Vec::new();
    };
    let Some(ed) = ui.editor.clone() else {
        return Vec::new();
    };
    let text = ed.text().trim().to_string();
    let change = match &ed.target {
        Target::Budget => match text.parse::<u32>() {
            Ok(budget) if (1..=MAX_BUDGET).contains(&budget) => Change::DotBudgetSet { budget },
            _ => return number_error(model, st.needs.budget_invalid),
        },
        Target::Tally(theme) => {
            // An empty field counts no hands.
            let count = if text.is_empty() {
                Ok(0)
            } else {
                text.parse::<u32>()
            };
            match count {
                Ok(count) if count <= MAX_TALLY => Change::TallySet {
                    theme: theme.clone(),
                    count,
                },
                _ => return number_error(model, st.needs.tally_invalid),
            }
        }
        _ => return Vec::new(),
    };
    let unchanged = match &change {
        Change::DotBudgetSet { budget } => *budget == ui.session.needs.dot_budget,
        Change::TallySet { theme, count } => {
            *count == ui.session.needs.tally.get(theme).copied().unwrap_or(0)
        }
        _ => false,
    };
    ui.session.drafts.remove(&ed.target.draft_key());
    ui.editor = None;
    let now = model.now;
    if let Some(ui) = model.session_mut() {
        touched(ui, now);
    }
    if !unchanged && record(model, change) {
        if let (Target::Tally(theme), Some(ui)) = (&ed.target, model.session_mut()) {
            select(ui, Pane::Votes, theme);
        }
        if ed.target == Target::Budget {
            over_budget_warning(model);
        }
    }
    Vec::new()
}

fn number_error(model: &mut Model, text: &str) -> Vec<Effect> {
    if let Some(ui) = model.session_mut()
        && let Some(ed) = &mut ui.editor
    {
        ed.error = Some(text.to_string());
    }
    Vec::new()
}

/// After the budget went down: who has placed more dots than it allows now.
fn over_budget_warning(model: &mut Model) {
    let st = model.strings();
    let Some(ui) = model.session() else { return };
    let n = &ui.session.needs;
    let over: Vec<String> = ui
        .session
        .present_members()
        .filter(|m| n.dots_of(&m.id) > n.dot_budget)
        .map(|m| format!("{} {}/{}", m.name, n.dots_of(&m.id), n.dot_budget))
        .collect();
    if !over.is_empty() {
        let text = fill(st.needs.budget_lowered, &[&n.dot_budget, &over.join(", ")]);
        flash(model, text, true);
    }
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
            }
        }
        _ => {}
    }
    Vec::new()
}
