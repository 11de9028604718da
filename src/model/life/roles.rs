//! The roles a group elects: a coordinator and a deputy, often a treasurer, and any role of
//! its own. A role is held by one member from a date to a date; electing someone else ends
//! the term of the one before.

use crate::model::Id;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Role {
    Coordinator,
    Deputy,
    Treasurer,
    /// A role the group named itself ("responsable achats").
    Other(String),
}

/// One member holding one role for a time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoleTerm {
    pub id: Id,
    pub role: Role,
    pub member: Id,
    pub from: NaiveDate,
    /// The last day, once the term is over.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<NaiveDate>,
    /// The session that elected them, when it was recorded in one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<Id>,
}

impl RoleTerm {
    /// Whether the term covers `day`.
    pub fn holds_on(&self, day: NaiveDate) -> bool {
        self.from <= day && self.to.is_none_or(|to| day <= to)
    }

    /// Whether the term goes on once `day`'s meeting is over: a term that ends that day
    /// (the holder replaced, gone, or the term ended without anyone elected) does not.
    pub fn goes_on_after(&self, day: NaiveDate) -> bool {
        self.from <= day && self.to.is_none_or(|to| day < to)
    }
}
