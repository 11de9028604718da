//! The follow-up's review of the work plan: a planned activity whose month has come given
//! its status with a digit; its comment is typed in the pane's field (`Target::PlanComment`).

use super::record;
use crate::model::Change;
use crate::model::life::{GroupChange, PlanStatus};
use crate::ui::{Model, Pane};

/// A digit on a planned activity under review: its status (1 done, 2 postponed, 3
/// cancelled, 0 planned again), its comment kept.
pub fn review_plan(model: &mut Model, digit: Option<u8>) {
    let Some(s) = model.session() else { return };
    let Some(id) = s.selected_id(Pane::PlanReview) else {
        return;
    };
    let status = match digit {
        Some(1) => PlanStatus::Done,
        Some(2) => PlanStatus::Postponed,
        Some(3) => PlanStatus::Cancelled,
        _ => PlanStatus::Planned,
    };
    let comment = (s.session.planned_activity(&id))
        .map(|a| a.comment.clone())
        .unwrap_or_default();
    let change = GroupChange::PlannedActivityReviewed {
        id,
        status,
        comment,
    };
    record(model, Change::Group(change));
}
