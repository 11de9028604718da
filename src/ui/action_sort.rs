//! The orders the action plan can be shown in. Sorting is a way of looking: the plan keeps
//! the order actions were decided in, and the selection follows the action, not the row.

use super::ActionSort;
use crate::i18n::Strings;
use crate::model::{Action, Id, Owner, Session};
use std::cmp::Ordering;

impl ActionSort {
    /// The order's name, in the plan's title.
    pub fn label(self, s: &Strings) -> &'static str {
        let t = &s.solutions;
        match self {
            ActionSort::Entered => t.sort_entered,
            ActionSort::Due => t.sort_due,
            ActionSort::Owner => t.sort_owner,
        }
    }

    /// The next order `s` gives: as entered → by due date → by owner → as entered.
    pub fn next(self) -> ActionSort {
        match self {
            ActionSort::Entered => ActionSort::Due,
            ActionSort::Due => ActionSort::Owner,
            ActionSort::Owner => ActionSort::Entered,
        }
    }

    /// The ids of the session's actions in this order. Ties keep the order of entry; actions
    /// without a date or an owner come last, where the eye checks them before closing.
    pub fn order(self, s: &Session) -> Vec<Id> {
        let mut actions: Vec<&Action> = s.plan.actions.iter().collect();
        match self {
            ActionSort::Entered => {}
            ActionSort::Due => crate::sort::by_key(&mut actions, |a| (a.due.is_none(), a.due)),
            ActionSort::Owner => crate::sort::by(&mut actions, |a, b| {
                owner_key(s, a.owners.first())
                    .cmp(&owner_key(s, b.owners.first()))
                    .then_with(|| due_cmp(a, b))
            }),
        }
        actions.into_iter().map(|a| a.id.clone()).collect()
    }
}

fn due_cmp(a: &Action, b: &Action) -> Ordering {
    (a.due.is_none(), a.due).cmp(&(b.due.is_none(), b.due))
}

/// Members by name (as the group's list writes them), then the whole group, the advisor, the
/// host organisation, and no one.
fn owner_key(s: &Session, o: Option<&Owner>) -> (u8, String) {
    match o {
        Some(Owner::Member(id)) => (0, s.group.member_name(id).to_lowercase()),
        Some(Owner::WholeGroup) => (1, String::new()),
        Some(Owner::Advisor) => (2, String::new()),
        Some(Owner::Host) => (3, String::new()),
        None => (4, String::new()),
    }
}
