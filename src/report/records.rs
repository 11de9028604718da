//! What the report counts of the records beside the sessions (visits, activities,
//! diagnoses): ids, dates and numbers, never a name, a note or an answer in words. Kept in
//! the folder's report cache with the sessions' facts.

use crate::model::dated::{Answer, Occasion, Record};
use crate::model::{Id, Timestamp};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordFacts {
    pub id: Id,
    pub saved: Timestamp,
    pub group: Id,
    pub date: NaiveDate,
    pub what: RecordWhat,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum RecordWhat {
    /// A coaching visit to a member.
    Visit { member: Id },
    /// An activity, and how many members took part (present).
    Activity { present: usize },
    /// A member's diagnosis, reduced to the answers the report compares.
    Diagnosis {
        member: Id,
        baseline: bool,
        answers: Diagnosed,
    },
}

/// The core answers a diagnosis is compared on; `None`: not answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Diagnosed {
    /// Any status but "informal".
    pub formal: Option<bool>,
    pub cnss: Option<bool>,
    pub bank_account: Option<bool>,
    pub credit_year: Option<bool>,
    /// Paid jobs, family helpers and apprentices, those answered added up.
    pub jobs: Option<u32>,
}

impl RecordFacts {
    pub fn of(record: &Record) -> RecordFacts {
        let d = record.dated();
        let (what, saved) = match record {
            Record::Visit(v) => (
                RecordWhat::Visit {
                    member: v.member.clone(),
                },
                v.saved,
            ),
            Record::Activity(a) => (
                RecordWhat::Activity {
                    present: a.present().count(),
                },
                a.saved,
            ),
            Record::Diagnosis(x) => {
                let yes = |q: &str| match x.answer(q) {
                    Some(Answer::YesNo(b)) => Some(*b),
                    _ => None,
                };
                let counts: Vec<u32> = ["jobs_paid", "jobs_family", "apprentices"]
                    .iter()
                    .filter_map(|q| match x.answer(q) {
                        Some(Answer::Count(n)) => Some(*n),
                        _ => None,
                    })
                    .collect();
                let answers = Diagnosed {
                    formal: match x.answer("formal_status") {
                        Some(Answer::Choice(c)) => Some(c != "informal"),
                        _ => None,
                    },
                    cnss: yes("cnss"),
                    bank_account: yes("bank_account"),
                    credit_year: yes("credit_year"),
                    jobs: (!counts.is_empty()).then(|| counts.iter().sum()),
                };
                (
                    RecordWhat::Diagnosis {
                        member: x.member.clone(),
                        baseline: x.occasion == Occasion::Baseline,
                        answers,
                    },
                    x.saved,
                )
            }
        };
        RecordFacts {
            id: d.id().clone(),
            saved,
            group: d.group().clone(),
            date: d.date(),
            what,
        }
    }
}
