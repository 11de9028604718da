//! The record a form describes, once `Form::validate` has passed: a new one, or the saved one
//! changed, keeping its id, file, creation and history, to which each field that changed
//! adds a line (see `model::dated::record_edit`).

use super::RecordForm;
use super::fields::{MAX_TEXTS, review_status};
use crate::life::GroupLife;
use crate::model::dated::{
    Activity, ActivityKind, Answer, AnswerKind, Diagnosis, Kind, Occasion, Record, RecordChange,
    RecordEvent, Visit, VisitAction, record_edit,
};
use crate::model::{Attendance, Id, IdGen, SCHEMA_VERSION, Timestamp};
use crate::ui::FieldId;
use chrono::NaiveDate;
use std::collections::BTreeMap;

impl RecordForm {
    fn choice(&self, id: FieldId) -> usize {
        self.form.get(id).map_or(0, |f| f.choice)
    }

    fn date(&self, id: FieldId, today: NaiveDate) -> Option<NaiveDate> {
        crate::dates::parse(&self.form.value(id), today)
            .ok()
            .flatten()
    }

    /// The values of the fields of `id`, in their order.
    fn values(&self, id: FieldId) -> Vec<String> {
        self.form
            .fields
            .iter()
            .filter(|f| f.id == id)
            .map(|f| f.value())
            .collect()
    }

    /// The record the form describes, stamped `now`.
    pub fn record(
        &self,
        life: &GroupLife,
        ids: &mut IdGen,
        now: Timestamp,
        today: NaiveDate,
    ) -> Record {
        let g = &life.group;
        let (member, member_name) = self
            .members
            .get(self.choice(FieldId::RecordMember))
            .cloned()
            .unwrap_or_default();
        let date = self.date(FieldId::RecordDate, today).unwrap_or(today);
        let before = self.editing.as_ref();
        let id = before.map_or_else(|| ids.next_id(), |r| r.dated().id().clone());
        let (created, history) = match before {
            Some(Record::Visit(v)) => (v.created, v.history.clone()),
            Some(Record::Activity(a)) => (a.created, a.history.clone()),
            Some(Record::Diagnosis(d)) => (d.created, d.history.clone()),
            None => (now, created(now)),
        };
        // The group's name as the saved record has it: the file keeps the name it was given.
        let group_name = match before {
            Some(Record::Visit(v)) => v.group_name.clone(),
            Some(Record::Activity(a)) => a.group_name.clone(),
            Some(Record::Diagnosis(d)) => d.group_name.clone(),
            None => g.name.clone(),
        };
        let mut record = match self.kind {
            Kind::Visit | Kind::Session => Record::Visit(Box::new(Visit {
                version: SCHEMA_VERSION,
                kind: Kind::Visit,
                id,
                group: g.id.clone(),
                group_name,
                member,
                member_name,
                date,
                topics: self.chosen_topics(),
                seen: self.form.value(FieldId::Seen),
                agreed: self.agreed(ids, today),
                reviews: self.reviewed(),
                private_notes: self.form.value(FieldId::PrivateNotes),
                created,
                saved: now,
                history,
            })),
            Kind::Activity => Record::Activity(Box::new(Activity {
                version: SCHEMA_VERSION,
                kind: Kind::Activity,
                id,
                group: g.id.clone(),
                group_name,
                activity: self.activity_kind(),
                title: self.form.value(FieldId::Title),
                date,
                place: self.form.value(FieldId::Place),
                participants: self.participants(),
                cost_mad: self.form.value(FieldId::Cost).parse().ok(),
                notes: self.form.value(FieldId::Notes),
                project: self
                    .choice(FieldId::PlanProject)
                    .checked_sub(1)
                    .and_then(|i| self.projects.get(i).cloned()),
                created,
                saved: now,
                history,
            })),
            Kind::Diagnosis => Record::Diagnosis(Box::new(Diagnosis {
                version: SCHEMA_VERSION,
                kind: Kind::Diagnosis,
                id,
                group: g.id.clone(),
                group_name,
                member,
                member_name,
                date,
                occasion: if self.choice(FieldId::Occasion) == 0 {
                    Occasion::Baseline
                } else {
                    Occasion::FollowUp
                },
                questions: self.questions.clone(),
                answers: self.answers(),
                created,
                saved: now,
                history,
            })),
        };
        match (before, &mut record) {
            (Some(Record::Visit(b)), Record::Visit(a)) => record_edit(&**b, &mut **a, now),
            (Some(Record::Activity(b)), Record::Activity(a)) => record_edit(&**b, &mut **a, now),
            (Some(Record::Diagnosis(b)), Record::Diagnosis(a)) => record_edit(&**b, &mut **a, now),
            _ => {}
        }
        record
    }

    /// The topics ticked; a saved visit's topics the method does not name (a file of
    /// another method, a hand edit) are kept, since the form cannot show them.
    fn chosen_topics(&self) -> Vec<String> {
        let mut topics: Vec<String> = self
            .form
            .get(FieldId::Topics)
            .map(|f| {
                f.marks
                    .iter()
                    .zip(&self.topics)
                    .filter(|(m, _)| **m)
                    .map(|(_, t)| t.clone())
                    .collect()
            })
            .unwrap_or_default();
        if let Some(Record::Visit(v)) = &self.editing {
            topics.extend(
                v.topics
                    .iter()
                    .filter(|t| !self.topics.contains(t))
                    .cloned(),
            );
        }
        topics
    }

    /// What the visit agreed, slot by slot; a saved visit's actions keep their ids (the
    /// next visit reviews them by id), and those past the form's slots are kept as they were.
    fn agreed(&self, ids: &mut IdGen, today: NaiveDate) -> Vec<VisitAction> {
        let saved: &[VisitAction] = match &self.editing {
            Some(Record::Visit(v)) => &v.agreed,
            _ => &[],
        };
        let dues: Vec<Option<NaiveDate>> = self
            .values(FieldId::AgreedDue)
            .iter()
            .map(|d| crate::dates::parse(d, today).ok().flatten())
            .collect();
        let slots = self.values(FieldId::Agreed);
        let mut agreed: Vec<VisitAction> = slots
            .iter()
            .enumerate()
            .filter(|(_, what)| !what.is_empty())
            .map(|(i, what)| VisitAction {
                id: saved.get(i).map_or_else(|| ids.next_id(), |a| a.id.clone()),
                what: what.clone(),
                due: dues.get(i).copied().flatten(),
            })
            .collect();
        agreed.extend(saved.iter().skip(slots.len()).cloned());
        agreed
    }

    /// The previous visit's actions with the status each review field gives them.
    fn reviewed(&self) -> Vec<crate::model::dated::VisitReview> {
        let choices = self
            .form
            .fields
            .iter()
            .filter(|f| f.id == FieldId::Review)
            .map(|f| f.choice);
        self.reviews
            .iter()
            .zip(choices)
            .map(|(r, c)| {
                let mut r = r.clone();
                r.status = review_status(c);
                r
            })
            .collect()
    }

    fn activity_kind(&self) -> ActivityKind {
        match self.choice(FieldId::ActivityKind) {
            0 => ActivityKind::Training,
            1 => ActivityKind::Visit,
            2 => ActivityKind::StudyTrip,
            3 => ActivityKind::CollectivePurchase,
            _ => ActivityKind::Other(self.form.value(FieldId::ActivityOther)),
        }
    }

    /// Who took part: each member ticked is present; one not ticked keeps an excuse the
    /// saved activity gave them, else is absent.
    fn participants(&self) -> BTreeMap<Id, Attendance> {
        let marks = self
            .form
            .get(FieldId::Participants)
            .map(|f| f.marks.clone())
            .unwrap_or_default();
        let saved = match &self.editing {
            Some(Record::Activity(a)) => Some(&a.participants),
            _ => None,
        };
        self.members
            .iter()
            .enumerate()
            .map(|(i, (id, _))| {
                let attendance = if marks.get(i).copied().unwrap_or(true) {
                    Attendance::Present
                } else {
                    match saved.and_then(|p| p.get(id)) {
                        Some(Attendance::Excused) => Attendance::Excused,
                        _ => Attendance::Absent,
                    }
                };
                (id.clone(), attendance)
            })
            .collect()
    }

    /// The answers given, question by question; a saved diagnosis's texts past the form's
    /// fields are kept.
    fn answers(&self) -> BTreeMap<String, Answer> {
        let saved = match &self.editing {
            Some(Record::Diagnosis(d)) => Some(d),
            _ => None,
        };
        let mut answers = BTreeMap::new();
        let mut fields = self
            .form
            .fields
            .iter()
            .filter(|f| f.id == FieldId::Question);
        for q in &self.questions {
            let answer = match &q.answer {
                AnswerKind::Choice(options) => fields
                    .next()
                    .and_then(|f| f.choice.checked_sub(1))
                    .and_then(|i| options.get(i))
                    .map(|c| Answer::Choice(c.id.clone())),
                AnswerKind::YesNo => match fields.next().map(|f| f.choice) {
                    Some(1) => Some(Answer::YesNo(true)),
                    Some(2) => Some(Answer::YesNo(false)),
                    _ => None,
                },
                AnswerKind::Count => fields
                    .next()
                    .and_then(|f| f.value().parse().ok())
                    .map(Answer::Count),
                AnswerKind::Text => fields
                    .next()
                    .map(|f| f.value())
                    .filter(|v| !v.is_empty())
                    .map(Answer::Text),
                AnswerKind::Texts(n) => {
                    let shown = usize::from(*n).min(MAX_TEXTS);
                    let mut texts: Vec<String> = fields
                        .by_ref()
                        .take(shown)
                        .map(|f| f.value())
                        .filter(|v| !v.is_empty())
                        .collect();
                    if let Some(Answer::Texts(old)) = saved.and_then(|d| d.answers.get(&q.id)) {
                        texts.extend(old.iter().skip(shown).cloned());
                    }
                    (!texts.is_empty()).then_some(Answer::Texts(texts))
                }
            };
            if let Some(a) = answer {
                answers.insert(q.id.clone(), a);
            }
        }
        // Answers to questions the form does not ask (none today) are kept as they were.
        if let Some(d) = saved {
            for (id, a) in &d.answers {
                if !self.questions.iter().any(|q| &q.id == id) {
                    answers.insert(id.clone(), a.clone());
                }
            }
        }
        answers
    }
}

/// A new record's history: its creation, the first line of its audit.
fn created(now: Timestamp) -> Vec<RecordEvent> {
    vec![RecordEvent {
        at: now,
        change: RecordChange::Created,
    }]
}
