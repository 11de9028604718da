//! An activity of the group other than a meeting: a training, a visit to a supplier or a
//! fair, a study trip, a collective purchase. Who took part is taken like the check-in's
//! attendance; it may belong to a joint project.

use super::{Dated, Kind, RecordEvent, joined};
use crate::model::{Attendance, Id, Timestamp};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ActivityKind {
    Training,
    /// A visit to a supplier, a fair, another business.
    Visit,
    StudyTrip,
    CollectivePurchase,
    Other(String),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Activity {
    pub version: u32,
    pub kind: Kind,
    pub id: Id,
    pub group: Id,
    #[serde(default)]
    pub group_name: String,
    pub activity: ActivityKind,
    pub title: String,
    pub date: NaiveDate,
    #[serde(default)]
    pub place: String,
    /// Every member of the group on the day; present unless marked otherwise.
    #[serde(default)]
    pub participants: BTreeMap<Id, Attendance>,
    /// In dirhams, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_mad: Option<u64>,
    #[serde(default)]
    pub notes: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project: Option<Id>,
    pub created: Timestamp,
    pub saved: Timestamp,
    #[serde(default)]
    pub history: Vec<RecordEvent>,
}

impl Activity {
    pub fn present(&self) -> impl Iterator<Item = &Id> {
        self.participants
            .iter()
            .filter(|(_, a)| **a == Attendance::Present)
            .map(|(id, _)| id)
    }
}

impl Dated for Activity {
    fn kind(&self) -> Kind {
        Kind::Activity
    }
    fn id(&self) -> &Id {
        &self.id
    }
    fn group(&self) -> &Id {
        &self.group
    }
    fn date(&self) -> NaiveDate {
        self.date
    }
    fn fields(&self) -> Vec<(&'static str, String)> {
        vec![
            ("activity", format!("{:?}", self.activity)),
            ("title", self.title.clone()),
            ("date", self.date.to_string()),
            ("place", self.place.clone()),
            (
                "participants",
                joined(
                    self.participants
                        .iter()
                        .map(|(id, a)| format!("{id} {a:?}")),
                ),
            ),
            (
                "cost_mad",
                self.cost_mad.map(|c| c.to_string()).unwrap_or_default(),
            ),
            ("notes", self.notes.clone()),
            (
                "project",
                self.project.as_ref().map(Id::to_string).unwrap_or_default(),
            ),
        ]
    }
    fn history_mut(&mut self) -> &mut Vec<RecordEvent> {
        &mut self.history
    }
}
