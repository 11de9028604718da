//! The panes of each phase kind: what the advisor can move between with Tab.

use crate::i18n::Strings;
use crate::keymap::Ctx;
use crate::method::PhaseKind;
use crate::model::{Attendance, Id, Session, TextField};
use strum::VariantArray;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, strum::VariantArray)]
pub enum Pane {
    Attendance,
    Guests,
    Objective,
    Remarks,
    Reviews,
    /// The work plan's activities whose month has come, reviewed in the follow-up.
    PlanReview,
    Cards,
    Themes,
    Votes,
    Statement,
    Causes,
    Effects,
    Concerned,
    Ideas,
    Actions,
    ClosingMembers,
    Comments,
    NextDate,
    NextPlace,
    NextTopic,
    PrivateNotes,
}

impl Pane {
    /// The title of the field where a new item of this pane is typed.
    pub fn new_item_title(self, s: &Strings) -> &'static str {
        let t = &s.new_item;
        match self {
            Pane::Guests => t.guests,
            Pane::Cards => t.cards,
            Pane::Causes => t.causes,
            Pane::Effects => t.effects,
            Pane::Ideas => t.ideas,
            Pane::Themes => t.themes,
            _ => t.other,
        }
    }

    pub fn for_phase(kind: PhaseKind) -> &'static [Pane] {
        match kind {
            PhaseKind::CheckIn => &[
                Pane::Attendance,
                Pane::Guests,
                Pane::Objective,
                Pane::Remarks,
            ],
            PhaseKind::FollowUp => &[Pane::Reviews, Pane::PlanReview],
            PhaseKind::NeedEmergence => &[Pane::Cards, Pane::Themes, Pane::Votes],
            PhaseKind::ProblemReflection => &[
                Pane::Statement,
                Pane::Causes,
                Pane::Effects,
                Pane::Concerned,
            ],
            PhaseKind::SolutionSearch => &[Pane::Ideas],
            PhaseKind::ActionPlan => &[Pane::Actions],
            PhaseKind::Closing => &[
                Pane::ClosingMembers,
                Pane::Comments,
                Pane::NextDate,
                Pane::NextPlace,
                Pane::NextTopic,
                Pane::PrivateNotes,
            ],
        }
    }

    /// The single-text field a pane edits, if it is a text pane.
    pub fn text_field(self) -> Option<TextField> {
        Some(match self {
            Pane::Objective => TextField::Objective,
            Pane::Remarks => TextField::Remarks,
            Pane::Statement => TextField::ProblemStatement,
            Pane::Comments => TextField::ClosingComments,
            Pane::NextPlace => TextField::NextPlace,
            Pane::NextTopic => TextField::NextTopic,
            Pane::PrivateNotes => TextField::PrivateNotes,
            _ => return None,
        })
    }

    pub fn for_text(field: TextField) -> Pane {
        Pane::VARIANTS
            .iter()
            .copied()
            .find(|p| p.text_field() == Some(field))
            .unwrap_or(Pane::Objective)
    }

    pub fn is_list(self) -> bool {
        self.text_field().is_none() && self != Pane::NextDate
    }

    /// Whether `a` adds an item here (attendance and reviews come from the group's data).
    pub fn can_add(self) -> bool {
        matches!(
            self,
            Pane::Guests
                | Pane::Cards
                | Pane::Themes
                | Pane::Causes
                | Pane::Effects
                | Pane::Ideas
                | Pane::Actions
        )
    }

    pub fn can_delete(self) -> bool {
        self.can_add()
    }

    /// The key-table context of keys that only work in this pane.
    pub fn ctx(self) -> Option<Ctx> {
        Some(match self {
            Pane::Attendance => Ctx::Attendance,
            Pane::Reviews => Ctx::Reviews,
            Pane::PlanReview => Ctx::PlanReviews,
            Pane::Cards => Ctx::Cards,
            Pane::Themes => Ctx::Themes,
            Pane::Votes => Ctx::Votes,
            Pane::Causes => Ctx::Causes,
            Pane::Concerned => Ctx::Concerned,
            Pane::Ideas => Ctx::Ideas,
            Pane::Actions => Ctx::Actions,
            Pane::ClosingMembers => Ctx::ClosingMembers,
            _ => return None,
        })
    }

    /// The ids of the rows of a list pane, in display order.
    pub fn rows(self, s: &Session) -> Vec<Id> {
        match self {
            // Those present, and anyone already marked concerned (an attendance corrected
            // afterwards must not hide a mark).
            Pane::Concerned => s
                .group
                .members
                .iter()
                .filter(|m| {
                    s.checkin.attendance.get(&m.id) == Some(&Attendance::Present)
                        || s.problem.concerned.contains(&m.id)
                })
                .map(|m| m.id.clone())
                .collect(),
            Pane::Attendance | Pane::ClosingMembers => s
                .group
                .members
                .iter()
                .filter(|m| s.checkin.attendance.contains_key(&m.id))
                .map(|m| m.id.clone())
                .collect(),
            Pane::Guests => s.checkin.guests.iter().map(|i| i.id.clone()).collect(),
            Pane::Reviews => s
                .followup
                .reviews
                .iter()
                .map(|r| r.action.id.clone())
                .collect(),
            Pane::PlanReview => s.plan_reviews().into_iter().map(|(_, a)| a.id).collect(),
            Pane::Cards => s.needs.cards.iter().map(|c| c.id.clone()).collect(),
            // The board: each theme followed by its cards, then the cards in no theme.
            Pane::Themes => {
                let (groups, loose) = s.needs.board();
                let mut rows = Vec::with_capacity(
                    s.needs.themes.len() + s.needs.cards.len() + s.needs.backlog.len(),
                );
                for (t, cards) in s.needs.themes.iter().zip(groups) {
                    rows.push(t.id.clone());
                    rows.extend(cards.into_iter().map(|c| c.id.clone()));
                }
                rows.extend(loose.into_iter().map(|c| c.id.clone()));
                // Last, the themes of earlier sessions waiting to be taken up (the backlog).
                rows.extend(s.needs.backlog.iter().map(|b| b.id.clone()));
                rows
            }
            // Themes ranked by votes, most first (ties in the order they were made).
            Pane::Votes => s.needs.ranking().into_iter().map(|(id, _)| id).collect(),
            Pane::Causes => s
                .problem
                .tree_order()
                .into_iter()
                .map(|(_, c)| c.id.clone())
                .collect(),
            Pane::Effects => s.problem.effects.iter().map(|i| i.id.clone()).collect(),
            Pane::Ideas => s.solutions.ideas.iter().map(|i| i.id.clone()).collect(),
            Pane::Actions => s.plan.actions.iter().map(|a| a.id.clone()).collect(),
            _ => Vec::new(),
        }
    }
}
