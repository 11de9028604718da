//! Records that happen on a date of their own, between meetings: the advisor's coaching
//! visit to a member, an activity of the group other than a meeting, a member's diagnosis.
//! Each is a file of its own in the sessions folder, beside the sessions, with a readable
//! unique name that says its kind (`2026-11-18_boulangers-de-tanger_visit_k3f9x2.ron`) and a
//! `kind` field, so that folders of several advisors merge by copying without a clash.
//!
//! A record names its group by id (and keeps the group's name as it was, for a folder that
//! holds the record without the group's sessions). Its history lists each change of a field
//! with the text before and after: an audit of who wrote what when, without a second copy
//! of the record.

mod activity;
mod diagnosis;
mod visit;

pub use activity::{Activity, ActivityKind};
pub use diagnosis::{
    Answer, AnswerKind, CORE_QUESTIONS, Choice, Diagnosis, DiagnosisError, MAX_COUNT, Occasion,
    Question, core_questions, form_with,
};
pub use visit::{Visit, VisitAction, VisitReview};

use super::{Id, Timestamp};
use serde::{Deserialize, Serialize};

/// What a file of the sessions folder holds. A session file written before this field
/// existed (format 1) has none and is a session.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
pub enum Kind {
    #[default]
    Session,
    Visit,
    Activity,
    Diagnosis,
}

impl Kind {
    /// The word in the file name: English, like the rest of the name's fixed parts.
    pub fn file_word(self) -> &'static str {
        match self {
            Kind::Session => "session",
            Kind::Visit => "visit",
            Kind::Activity => "activity",
            Kind::Diagnosis => "diagnosis",
        }
    }

    pub fn is_default(&self) -> bool {
        *self == Kind::Session
    }
}

/// One change to a record: created, or a field set from one text to another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum RecordChange {
    Created,
    Set {
        field: String,
        from: String,
        to: String,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordEvent {
    pub at: Timestamp,
    pub change: RecordChange,
}

/// What the three kinds share, for the listing, `show`, `check` and the history.
pub trait Dated {
    fn kind(&self) -> Kind;
    fn id(&self) -> &Id;
    fn group(&self) -> &Id;
    fn date(&self) -> chrono::NaiveDate;
    /// Each field as text, in a fixed order: what the history compares.
    fn fields(&self) -> Vec<(&'static str, String)>;
    fn history_mut(&mut self) -> &mut Vec<RecordEvent>;
}

/// Records in `after`'s history how it differs from `before`, field by field.
pub fn record_edit<T: Dated>(before: &T, after: &mut T, at: Timestamp) {
    let old = before.fields();
    let new = after.fields();
    let events: Vec<RecordEvent> = new
        .into_iter()
        .zip(old)
        .filter(|((_, to), (_, from))| to != from)
        .map(|((field, to), (_, from))| RecordEvent {
            at,
            change: RecordChange::Set {
                field: field.to_string(),
                from,
                to,
            },
        })
        .collect();
    after.history_mut().extend(events);
}

/// Any record of the folder, as read from its file.
#[derive(Debug, Clone, PartialEq)]
pub enum Record {
    Visit(Box<Visit>),
    Activity(Box<Activity>),
    Diagnosis(Box<Diagnosis>),
}

impl Record {
    pub fn dated(&self) -> &dyn Dated {
        match self {
            Record::Visit(v) => &**v,
            Record::Activity(a) => &**a,
            Record::Diagnosis(d) => &**d,
        }
    }
}

/// Members named in a list as one text, for the history ("a, b").
pub(crate) fn joined<T: std::fmt::Display>(items: impl IntoIterator<Item = T>) -> String {
    items
        .into_iter()
        .map(|i| i.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

use crate::i18n::LifeStrings;

impl ActivityKind {
    pub fn label(&self, t: &LifeStrings) -> String {
        match self {
            ActivityKind::Training => t.activity_training.to_string(),
            ActivityKind::Visit => t.activity_visit.to_string(),
            ActivityKind::StudyTrip => t.activity_study_trip.to_string(),
            ActivityKind::CollectivePurchase => t.activity_purchase.to_string(),
            ActivityKind::Other(s) if s.trim().is_empty() => t.activity_other.to_string(),
            ActivityKind::Other(s) => s.clone(),
        }
    }
}

impl Occasion {
    pub fn label(self, t: &LifeStrings) -> &'static str {
        match self {
            Occasion::Baseline => t.diagnosis_baseline,
            Occasion::FollowUp => t.diagnosis_follow_up,
        }
    }
}
