//! Voting on the themes: who is placing dots (F2), dots per member within a budget, or a
//! tally by show of hands; a digit, ←/→, and switching between the two modes (v).
//!
//! Separate from the board (`cards.rs`, `themes.rs`): voting comes after clustering, in its
//! own pane, and keeps its own counts.

use super::numbers::open_number;
use super::{MAX_TALLY, editable, flash, key, member_name, select};
use crate::i18n::fill;
use crate::keymap::{Action, Ctx};
use crate::model::{Change, Id, VoteMode};
use crate::ui::{Model, Pane, PickFor, PickValue, Target};
use crate::update::journal::record;
use crate::update::open::{KeyedOption, present_with_keys, show_keyed_picker};

/// F2 in the votes: who is placing dots. The cursor starts on the next present member who
/// still has dots to place, so F2 Enter goes round the room.
pub(super) fn pick_voter(model: &mut Model) {
    let st = model.strings();
    let Some(ui) = model.session() else { return };
    let ses = &ui.session;
    if ses.needs.vote_mode == VoteMode::ShowOfHands {
        let v = key(Ctx::Votes, Action::ToggleVoteMode);
        return flash(model, fill(st.needs.hands_no_voter, &[&v]), true);
    }
    let budget = ses.needs.dot_budget;
    let present: Vec<(Option<char>, Id, String)> = present_with_keys(ses)
        .map(|(key, m)| (key, m.id.clone(), m.name.clone()))
        .collect();
    // Each member on their own key, the same as in the author picker.
    let options: Vec<KeyedOption> = present
        .iter()
        .map(|(key, id, name)| {
            let used = ses.needs.dots_of(id);
            (
                *key,
                fill(st.needs.voter_option, &[name, &used, &budget]),
                PickValue::Item(Some(id.clone())),
            )
        })
        .collect();
    let after = ui
        .tech
        .voter
        .as_ref()
        .and_then(|v| present.iter().position(|(_, id, _)| id == v))
        .map_or(0, |i| i + 1);
    let next = (0..present.len())
        .map(|k| &present[(after + k) % present.len()].1)
        .find(|id| ses.needs.dots_of(id) < budget)
        .or(ui.tech.voter.as_ref())
        .map(|id| PickValue::Item(Some(id.clone())));
    show_keyed_picker(model, PickFor::Voter, options, next.as_ref());
}

/// A digit on a theme: the current voter's dots on it, or in a vote by show of hands the
/// start of the number of hands (a field opens with the digit in it).
pub(super) fn set_votes(model: &mut Model, digit: u32) {
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
pub(super) fn step(model: &mut Model, delta: i32) {
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
            hold_order(model);
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

/// The votes pane's rows held as they are, while votes are placed: no row moves under the
/// cursor.
fn hold_order(model: &mut Model) {
    if let Some(ui) = model.session_mut()
        && ui.tech.vote_order.is_none()
    {
        ui.tech.vote_order = Some(ui.rows(Pane::Votes));
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
        let text = st
            .needs
            .over_budget
            .fill(budget as usize, &[&name, &used, &budget, &left]);
        return flash(model, text, true);
    }
    let change = Change::DotsSet {
        theme: theme.clone(),
        member: voter,
        dots: wanted,
    };
    hold_order(model);
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
            st.needs
                .budget_used
                .fill(budget as usize, &[&name, &budget, &f2]),
            false,
        );
    }
}

/// v: dots per member, or a tally by show of hands. Each keeps its own counts.
pub(super) fn toggle_mode(model: &mut Model) {
    let Some(ui) = model.session() else { return };
    let mode = match ui.session.needs.vote_mode {
        VoteMode::Dots => VoteMode::ShowOfHands,
        VoteMode::ShowOfHands => VoteMode::Dots,
    };
    let selected = ui.selected_id(Pane::Votes);
    if record(model, Change::VoteModeSet { mode })
        && let Some(ui) = model.session_mut()
    {
        ui.tech.vote_order = None;
        if let Some(id) = selected {
            select(ui, Pane::Votes, &id);
        }
    }
}
