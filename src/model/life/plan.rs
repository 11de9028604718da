//! The annual work plan: the group's objectives for a year and the activities it plans month
//! by month (what, who, when), each with a status the follow-up phase reviews, as it reviews
//! the actions of earlier sessions.

use crate::model::{Id, Item};
use serde::{Deserialize, Serialize};

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, strum::VariantArray,
)]
pub enum PlanStatus {
    Planned,
    Done,
    Postponed,
    Cancelled,
}

impl PlanStatus {
    /// Done and cancelled activities need no more review.
    pub fn is_closed(self) -> bool {
        matches!(self, PlanStatus::Done | PlanStatus::Cancelled)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlannedActivity {
    pub id: Id,
    /// 1 to 12.
    pub month: u32,
    pub what: String,
    /// Who carries it, as the group says it ("Hanane et la chambre").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub who: String,
    pub status: PlanStatus,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub comment: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project: Option<Id>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkPlan {
    pub year: i32,
    /// The session that agreed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<Id>,
    #[serde(default)]
    pub objectives: Vec<Item>,
    #[serde(default)]
    pub activities: Vec<PlannedActivity>,
}

impl WorkPlan {
    /// Its activities in month order, the order they were planned within a month.
    pub fn by_month(&self) -> Vec<&PlannedActivity> {
        let mut v: Vec<&PlannedActivity> = self.activities.iter().collect();
        crate::sort::by_key(&mut v, |a| a.month);
        v
    }
}
