//! Joint projects: what the group undertakes together over months (a group purchase, a stand
//! at a fair, a shared workshop, a demand to the municipality), with the members taking
//! part, milestones, a budget and who pays what. Actions and ideas of any session, and
//! activities, can be linked to a project; its page gathers them in time order.

use crate::model::Id;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, strum::VariantArray,
)]
pub enum ProjectStatus {
    Idea,
    Prepared,
    Running,
    Done,
    Dropped,
}

impl ProjectStatus {
    pub fn is_closed(self) -> bool {
        matches!(self, ProjectStatus::Done | ProjectStatus::Dropped)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Milestone {
    pub id: Id,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done: Option<NaiveDate>,
}

/// One share of a project's cost: who pays (the host, the programme, the members), in
/// dirhams.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Funding {
    pub payer: String,
    pub amount_mad: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Project {
    pub id: Id,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub aim: String,
    pub status: ProjectStatus,
    /// The day it was first recorded, and in which session.
    pub started: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<Id>,
    #[serde(default)]
    pub members: Vec<Id>,
    #[serde(default)]
    pub milestones: Vec<Milestone>,
    /// The whole cost, in dirhams, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget_mad: Option<u64>,
    #[serde(default)]
    pub funding: Vec<Funding>,
}

impl Project {
    /// What the shares add up to, to compare with the budget (a file may say anything: the
    /// sum stops at the largest number rather than overflow).
    pub fn funded_mad(&self) -> u64 {
        self.funding
            .iter()
            .fold(0, |sum: u64, f| sum.saturating_add(f.amount_mad))
    }
}
