//! A visit, an activity or a diagnosis as a list shows it ([`RecordSummary`]): the few fields
//! a group's page, `show` by id and `check` need, kept in the folder's summary cache beside
//! the sessions' summaries so that an unchanged record file is not parsed again.

use crate::model::dated::{ActivityKind, Kind, Record};
use crate::model::{Id, Timestamp};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use std::time::SystemTime;

/// What a listing knows of one record file. Like [`super::Summary`], the fields that belong
/// to the file rather than to its content (path, time, shadowed) are not cached.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordSummary {
    #[serde(skip)]
    pub path: PathBuf,
    pub kind: Kind,
    pub id: Id,
    pub group_id: Id,
    /// The group's name when the record was written (the record may be in a folder without
    /// the group's sessions).
    pub group_name: String,
    pub date: NaiveDate,
    /// The member a visit or a diagnosis is about, and their name as written in it.
    pub member: Option<(Id, String)>,
    /// An activity's title; empty for the other kinds.
    pub title: String,
    /// A visit's topics (need categories' ids, or words of the advisor's own): what the
    /// review browser's row says of it. Never what was seen nor the private notes.
    #[serde(default)]
    pub topics: Vec<String>,
    /// An activity's kind (training, supplier visit...).
    #[serde(default)]
    pub activity: Option<ActivityKind>,
    /// How many members took part in an activity (present).
    #[serde(default)]
    pub present: usize,
    pub saved: Timestamp,
    #[serde(skip)]
    pub modified: Option<SystemTime>,
    /// Another file holds the same record and is newer: this copy is listed, not used.
    #[serde(skip)]
    pub shadowed: bool,
}

impl RecordSummary {
    pub fn of(record: &Record, path: PathBuf, modified: Option<SystemTime>) -> RecordSummary {
        let d = record.dated();
        let (mut topics, mut activity, mut present) = (Vec::new(), None, 0);
        let (group_name, member, title, saved) = match record {
            Record::Visit(v) => {
                topics.clone_from(&v.topics);
                (
                    &v.group_name,
                    Some((v.member.clone(), v.member_name.clone())),
                    String::new(),
                    v.saved,
                )
            }
            Record::Activity(a) => {
                activity = Some(a.activity.clone());
                present = a.present().count();
                (&a.group_name, None, a.title.clone(), a.saved)
            }
            Record::Diagnosis(x) => (
                &x.group_name,
                Some((x.member.clone(), x.member_name.clone())),
                String::new(),
                x.saved,
            ),
        };
        RecordSummary {
            path,
            kind: d.kind(),
            id: d.id().clone(),
            group_id: d.group().clone(),
            group_name: group_name.clone(),
            date: d.date(),
            member,
            title,
            topics,
            activity,
            present,
            saved,
            modified,
            shadowed: false,
        }
    }

    /// A conflict copy, told by its name as a session's is (see `store::conflict_name`).
    pub fn is_conflict_copy(&self) -> bool {
        super::conflict_name(&self.path).is_some()
    }
}
