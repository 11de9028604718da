//! The advisor's individual coaching visit to a member between meetings: the business's own
//! questions (pricing, bookkeeping, formalisation), what was seen, what was agreed, reviewed
//! at the next visit. All of it is personal: a visit is never in an export meant for others,
//! never on a projector (`privacy::for_others` drops visits whole).

use super::{Dated, Kind, RecordEvent, joined};
use crate::model::{ActionStatus, Id, Timestamp};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Something agreed at a visit, with its due date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VisitAction {
    pub id: Id,
    pub what: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
}

/// An action agreed at an earlier visit to the same member, as reviewed at this one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VisitReview {
    pub action: VisitAction,
    /// The visit that agreed it.
    pub visit: Id,
    pub agreed: NaiveDate,
    #[serde(default)]
    pub status: Option<ActionStatus>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub comment: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Visit {
    pub version: u32,
    pub kind: Kind,
    pub id: Id,
    pub group: Id,
    /// The group's name when the visit was recorded.
    #[serde(default)]
    pub group_name: String,
    pub member: Id,
    /// The member's name when the visit was recorded.
    #[serde(default)]
    pub member_name: String,
    pub date: NaiveDate,
    /// Need category ids of the method (`finance`, `pricing`...), so visits are counted by
    /// topic like needs.
    #[serde(default)]
    pub topics: Vec<String>,
    #[serde(default)]
    pub seen: String,
    #[serde(default)]
    pub agreed: Vec<VisitAction>,
    #[serde(default)]
    pub reviews: Vec<VisitReview>,
    #[serde(default)]
    pub private_notes: String,
    pub created: Timestamp,
    pub saved: Timestamp,
    #[serde(default)]
    pub history: Vec<RecordEvent>,
}

impl Visit {
    /// The actions agreed at this visit that the next one should review: those not reviewed
    /// as closed here are carried too, as sessions carry open actions.
    pub fn open_actions(&self) -> Vec<VisitReview> {
        let carried = self
            .reviews
            .iter()
            .filter(|r| !r.status.is_some_and(ActionStatus::is_closed))
            .cloned();
        let agreed = self.agreed.iter().map(|a| VisitReview {
            action: a.clone(),
            visit: self.id.clone(),
            agreed: self.date,
            status: None,
            comment: String::new(),
        });
        carried
            .map(|mut r| {
                r.comment.clear();
                r
            })
            .chain(agreed)
            .collect()
    }
}

impl Dated for Visit {
    fn kind(&self) -> Kind {
        Kind::Visit
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
            ("date", self.date.to_string()),
            ("member", self.member.to_string()),
            ("topics", joined(&self.topics)),
            ("seen", self.seen.clone()),
            (
                "agreed",
                joined(self.agreed.iter().map(|a| match a.due {
                    Some(d) => format!("{} ({d})", a.what),
                    None => a.what.clone(),
                })),
            ),
            (
                "reviews",
                joined(self.reviews.iter().map(|r| {
                    format!("{}: {:?} {}", r.action.what, r.status, r.comment)
                        .trim_end()
                        .to_string()
                })),
            ),
            ("private_notes", self.private_notes.clone()),
        ]
    }
    fn history_mut(&mut self) -> &mut Vec<RecordEvent> {
        &mut self.history
    }
}
