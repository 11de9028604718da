//! The demo groups' life between their meetings, as the shipped folder holds it: what
//! `data/records.ron` says, made into visits, activities and diagnoses of the groups the
//! shipped sessions carry (their ids, members and joint project).

use super::data;
use crate::model::dated::{
    Activity, ActivityKind, Answer, Diagnosis, Kind, Occasion, Record, RecordChange, RecordEvent,
    Visit, VisitAction, core_questions,
};
use crate::model::{ActionStatus, Attendance, Group, IdGen, SCHEMA_VERSION, Session, Timestamp};
use chrono::{NaiveDate, TimeZone, Utc};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::LazyLock;

#[derive(Deserialize)]
struct GroupRecords {
    group: String,
    activities: Vec<ActivitySpec>,
    visits: Vec<VisitSpec>,
    diagnoses: Vec<DiagnosisSpec>,
}

#[derive(Deserialize)]
struct ActivitySpec {
    kind: ActivityKind,
    title: String,
    date: NaiveDate,
    place: String,
    absent: Vec<usize>,
    cost_mad: Option<u64>,
    notes: String,
    project: bool,
}

#[derive(Deserialize)]
struct VisitSpec {
    member: usize,
    date: NaiveDate,
    topics: Vec<String>,
    seen: String,
    agreed: Vec<(String, Option<NaiveDate>)>,
    private_notes: String,
    /// The status this visit gives what the member's previous visit agreed.
    review: Option<ActionStatus>,
}

#[derive(Deserialize)]
struct DiagnosisSpec {
    member: usize,
    date: NaiveDate,
    answers: BTreeMap<String, Answer>,
}

static RECORDS: LazyLock<Vec<GroupRecords>> =
    LazyLock::new(|| data("records.ron", include_str!("data/records.ron")));

/// Typed at the end of the advisor's day.
fn evening(date: NaiveDate) -> Timestamp {
    Utc.from_utc_datetime(&date.and_hms_opt(18, 30, 0).unwrap_or_default())
}

fn created(date: NaiveDate) -> Vec<RecordEvent> {
    vec![RecordEvent {
        at: evening(date),
        change: RecordChange::Created,
    }]
}

/// The records of each group of `sessions` that the data names, ids drawn from `seed`.
pub fn shipped_records(sessions: &[Session], seed: u64) -> Vec<Record> {
    let mut ids = IdGen::new(seed);
    let mut records = Vec::new();
    for spec in RECORDS.iter() {
        let Some(latest) = sessions
            .iter()
            .filter(|s| s.group.name == spec.group)
            .max_by_key(|s| s.number)
        else {
            continue;
        };
        let g = &latest.group;
        for a in &spec.activities {
            records.push(Record::Activity(Box::new(activity(g, a, &mut ids))));
        }
        let mut previous: Option<Visit> = None;
        for v in &spec.visits {
            let visit = visit(g, v, previous.as_ref(), &mut ids);
            previous = Some(visit.clone());
            records.push(Record::Visit(Box::new(visit)));
        }
        for d in &spec.diagnoses {
            records.push(Record::Diagnosis(Box::new(diagnosis(g, d, &mut ids))));
        }
    }
    records
}

fn activity(g: &Group, a: &ActivitySpec, ids: &mut IdGen) -> Activity {
    Activity {
        version: SCHEMA_VERSION,
        kind: Kind::Activity,
        id: ids.next_id(),
        group: g.id.clone(),
        group_name: g.name.clone(),
        activity: a.kind.clone(),
        title: a.title.clone(),
        date: a.date,
        place: a.place.clone(),
        participants: g
            .members
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let att = if a.absent.contains(&i) {
                    Attendance::Absent
                } else {
                    Attendance::Present
                };
                (m.id.clone(), att)
            })
            .collect(),
        cost_mad: a.cost_mad,
        notes: a.notes.clone(),
        project: a
            .project
            .then(|| g.projects.first().map(|p| p.id.clone()))
            .flatten(),
        created: evening(a.date),
        saved: evening(a.date),
        history: created(a.date),
    }
}

fn visit(g: &Group, v: &VisitSpec, previous: Option<&Visit>, ids: &mut IdGen) -> Visit {
    let member = &g.members[v.member.min(g.members.len().saturating_sub(1))];
    let id = ids.next_id();
    let agreed = v
        .agreed
        .iter()
        .map(|(what, due)| VisitAction {
            id: ids.next_id(),
            what: what.clone(),
            due: *due,
        })
        .collect();
    let reviews = previous
        .filter(|p| p.member == member.id)
        .map(|p| {
            p.open_actions()
                .into_iter()
                .map(|mut r| {
                    r.status = v.review;
                    r
                })
                .collect()
        })
        .unwrap_or_default();
    Visit {
        version: SCHEMA_VERSION,
        kind: Kind::Visit,
        id,
        group: g.id.clone(),
        group_name: g.name.clone(),
        member: member.id.clone(),
        member_name: member.name.clone(),
        date: v.date,
        topics: v.topics.clone(),
        seen: v.seen.clone(),
        agreed,
        reviews,
        private_notes: v.private_notes.clone(),
        created: evening(v.date),
        saved: evening(v.date),
        history: created(v.date),
    }
}

fn diagnosis(g: &Group, d: &DiagnosisSpec, ids: &mut IdGen) -> Diagnosis {
    let member = &g.members[d.member.min(g.members.len().saturating_sub(1))];
    Diagnosis {
        version: SCHEMA_VERSION,
        kind: Kind::Diagnosis,
        id: ids.next_id(),
        group: g.id.clone(),
        group_name: g.name.clone(),
        member: member.id.clone(),
        member_name: member.name.clone(),
        date: d.date,
        occasion: Occasion::Baseline,
        questions: core_questions(),
        answers: d.answers.clone(),
        created: evening(d.date),
        saved: evening(d.date),
        history: created(d.date),
    }
}
