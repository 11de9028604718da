//! Which activities of the work plan a session's follow-up reviews: those whose month has
//! come by the session's date (an earlier year, or this year up to this month) and that were
//! neither done nor cancelled when the session started. Reviewing one here (done, say) keeps
//! it on the list for the rest of the session, as the actions under review stay.

use super::Session;
use super::life::PlannedActivity;
use chrono::Datelike;

impl Session {
    /// A planned activity of the group's plans, as it stands now.
    pub fn planned_activity(&self, id: &super::Id) -> Option<&PlannedActivity> {
        (self.group.plans.iter())
            .flat_map(|p| p.activities.iter())
            .find(|a| &a.id == id)
    }

    /// The activities to review, as they stand now, each with its plan's year; in time
    /// order (year, month, then the plan's order).
    pub fn plan_reviews(&self) -> Vec<(i32, PlannedActivity)> {
        // The group as the session started: what was open then is what the group reviews.
        // A session written in format 1 has no start; it has no plan either.
        let start = self.start.as_ref().map_or(&self.group, |s| &s.group);
        let (year, month) = (self.date.year(), self.date.month());
        let mut out: Vec<(i32, PlannedActivity)> = Vec::new();
        for plan in &start.plans {
            for a in &plan.activities {
                let due = plan.year < year || (plan.year == year && a.month <= month);
                if !due || a.status.is_closed() {
                    continue;
                }
                // As it stands now: reviewed (or edited) since the start.
                let now = self.planned_activity(&a.id).unwrap_or(a);
                out.push((plan.year, now.clone()));
            }
        }
        crate::sort::by_key(&mut out, |(y, a)| (*y, a.month));
        out
    }
}
