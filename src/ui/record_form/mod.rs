//! The form of a new visit, activity or diagnosis, opened on a group's page (issue 13, points
//! 6–9). What is typed is kept in a draft file of its own until the record is saved
//! ([`RecordDraft`], like the group setup's), so a crash or a closed lid loses none of it:
//! the form comes back when the group's page is opened again.

use super::{Field, FieldId, FieldKind, Form};
use crate::i18n::{Lang, Strings};
use crate::life::GroupLife;
use crate::model::dated::{
    Activity, ActivityKind, Answer, AnswerKind, Diagnosis, Kind, Occasion, Record, RecordChange,
    RecordEvent, Visit, VisitAction, core_questions,
};
use crate::model::{Attendance, Id, IdGen, SCHEMA_VERSION, Timestamp};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone)]
pub struct RecordForm {
    pub kind: Kind,
    pub form: Form,
    /// The group's current members, in the order of the member choice.
    pub members: Vec<(Id, String)>,
    /// The need categories' ids, in the order of the topics.
    pub topics: Vec<String>,
    /// A diagnosis's questions, in the order of their fields.
    pub questions: Vec<crate::model::dated::Question>,
    /// Typed since the form opened (a draft to keep).
    pub changed: bool,
}

/// The form as data, for the draft file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordDraft {
    pub group: Id,
    pub kind: Kind,
    pub values: Vec<(String, usize, Vec<bool>)>,
}

impl RecordForm {
    /// A new record of `kind` for the group on the page, dated `today`.
    pub fn new(kind: Kind, life: &GroupLife, s: &Strings, lang: Lang, today: NaiveDate) -> Self {
        let members: Vec<(Id, String)> = life
            .group
            .members
            .iter()
            .filter(|m| m.left.is_none())
            .map(|m| (m.id.clone(), m.name.clone()))
            .collect();
        let names: Vec<String> = members.iter().map(|(_, n)| n.clone()).collect();
        let date = crate::dates::show(today);
        let topics: Vec<String> = life
            .method
            .need_categories
            .iter()
            .map(|c| c.id.clone())
            .collect();
        let mut questions = Vec::new();
        let fields = match kind {
            Kind::Visit | Kind::Session => {
                let labels = life
                    .method
                    .need_categories
                    .iter()
                    .map(|c| c.label.get(lang).to_string())
                    .collect();
                vec![
                    Field::choice(FieldId::RecordMember, names, 0),
                    Field::new(FieldId::RecordDate, FieldKind::Date, &date, true),
                    Field::multi(FieldId::Topics, labels, vec![false; topics.len()]),
                    Field::text(FieldId::Seen, "", false),
                    Field::text(FieldId::Agreed, "", false),
                    Field::new(FieldId::AgreedDue, FieldKind::Date, "", false),
                    Field::text(FieldId::PrivateNotes, "", false),
                ]
            }
            Kind::Activity => {
                let t = s.life;
                let kinds = vec![
                    t.activity_training.to_string(),
                    t.activity_visit.to_string(),
                    t.activity_study_trip.to_string(),
                    t.activity_purchase.to_string(),
                    t.activity_other.to_string(),
                ];
                vec![
                    Field::choice(FieldId::ActivityKind, kinds, 0),
                    Field::text(FieldId::Title, "", true),
                    Field::new(FieldId::RecordDate, FieldKind::Date, &date, true),
                    Field::text(FieldId::Place, "", false),
                    Field::new(FieldId::Cost, FieldKind::Number, "", false),
                    Field::text(FieldId::Notes, "", false),
                ]
            }
            Kind::Diagnosis => {
                let t = s.life;
                let occasions = vec![
                    t.diagnosis_baseline.to_string(),
                    t.diagnosis_follow_up.to_string(),
                ];
                let mut v = vec![
                    Field::choice(FieldId::RecordMember, names, 0),
                    Field::new(FieldId::RecordDate, FieldKind::Date, &date, true),
                    Field::choice(FieldId::Occasion, occasions, 0),
                ];
                questions = core_questions();
                for q in &questions {
                    let label = q.label.get(lang).to_string();
                    let none = "—".to_string();
                    match &q.answer {
                        AnswerKind::Choice(options) => {
                            let mut o = vec![none];
                            o.extend(options.iter().map(|c| c.label.get(lang).to_string()));
                            v.push(Field::choice(FieldId::Question, o, 0).labelled(label));
                        }
                        AnswerKind::YesNo => {
                            let o = vec![
                                none,
                                s.group_page.yes.to_string(),
                                s.group_page.no.to_string(),
                            ];
                            v.push(Field::choice(FieldId::Question, o, 0).labelled(label));
                        }
                        AnswerKind::Count => v.push(
                            Field::new(FieldId::Question, FieldKind::Number, "", false)
                                .labelled(label),
                        ),
                        AnswerKind::Text => {
                            v.push(Field::text(FieldId::Question, "", false).labelled(label))
                        }
                        AnswerKind::Texts(n) => {
                            for i in 1..=*n {
                                v.push(
                                    Field::text(FieldId::Question, "", false)
                                        .labelled(format!("{label} ({i})")),
                                );
                            }
                        }
                    }
                }
                v
            }
        };
        RecordForm {
            kind,
            form: Form::new(fields),
            members,
            topics,
            questions,
            changed: false,
        }
    }

    pub fn draft(&self, group: &Id) -> RecordDraft {
        RecordDraft {
            group: group.clone(),
            kind: self.kind,
            values: self
                .form
                .fields
                .iter()
                .map(|f| (f.value(), f.choice, f.marks.clone()))
                .collect(),
        }
    }

    /// Puts a draft's values back into the form, field by field; a choice past the end of
    /// its options (a member who left since) comes back as the first.
    pub fn restore(&mut self, draft: &RecordDraft) {
        for (f, (text, choice, marks)) in self.form.fields.iter_mut().zip(&draft.values) {
            if f.is_text() {
                f.area = ratatui_textarea::TextArea::new(vec![text.clone()]);
                f.area.move_cursor(ratatui_textarea::CursorMove::End);
            }
            f.choice = if *choice < f.options().len() {
                *choice
            } else {
                0
            };
            if marks.len() == f.marks.len() {
                f.marks = marks.clone();
            }
        }
        self.changed = true;
    }

    fn choice(&self, id: FieldId) -> usize {
        self.form.get(id).map_or(0, |f| f.choice)
    }

    fn date(&self, id: FieldId, today: NaiveDate) -> Option<NaiveDate> {
        crate::dates::parse(&self.form.value(id), today)
            .ok()
            .flatten()
    }

    /// The record the form describes, once `Form::validate` has passed.
    pub fn record(
        &self,
        life: &GroupLife,
        ids: &mut IdGen,
        now: Timestamp,
        today: NaiveDate,
    ) -> Record {
        let g = &life.group;
        let member = self
            .members
            .get(self.choice(FieldId::RecordMember))
            .cloned();
        let (member, member_name) = member.unwrap_or_default();
        let date = self.date(FieldId::RecordDate, today).unwrap_or(today);
        match self.kind {
            Kind::Visit | Kind::Session => {
                let topics = self
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
                let what = self.form.value(FieldId::Agreed);
                let agreed = (!what.is_empty())
                    .then(|| VisitAction {
                        id: ids.next_id(),
                        what,
                        due: self.date(FieldId::AgreedDue, today),
                    })
                    .into_iter()
                    .collect();
                // What the member's last visit agreed and is still open is reviewed here.
                let reviews = life
                    .records
                    .iter()
                    .find_map(|r| match r {
                        Record::Visit(v) if v.member == member && v.date <= date => {
                            Some(v.open_actions())
                        }
                        _ => None,
                    })
                    .unwrap_or_default();
                Record::Visit(Box::new(Visit {
                    version: SCHEMA_VERSION,
                    kind: Kind::Visit,
                    id: ids.next_id(),
                    group: g.id.clone(),
                    group_name: g.name.clone(),
                    member,
                    member_name,
                    date,
                    topics,
                    seen: self.form.value(FieldId::Seen),
                    agreed,
                    reviews,
                    private_notes: self.form.value(FieldId::PrivateNotes),
                    created: now,
                    saved: now,
                    history: created(now),
                }))
            }
            Kind::Activity => {
                let activity = match self.choice(FieldId::ActivityKind) {
                    0 => ActivityKind::Training,
                    1 => ActivityKind::Visit,
                    2 => ActivityKind::StudyTrip,
                    3 => ActivityKind::CollectivePurchase,
                    _ => ActivityKind::Other(String::new()),
                };
                Record::Activity(Box::new(Activity {
                    version: SCHEMA_VERSION,
                    kind: Kind::Activity,
                    id: ids.next_id(),
                    group: g.id.clone(),
                    group_name: g.name.clone(),
                    activity,
                    title: self.form.value(FieldId::Title),
                    date,
                    place: self.form.value(FieldId::Place),
                    // Everyone present to start with, as at a check-in.
                    participants: self
                        .members
                        .iter()
                        .map(|(id, _)| (id.clone(), Attendance::Present))
                        .collect(),
                    cost_mad: self.form.value(FieldId::Cost).parse().ok(),
                    notes: self.form.value(FieldId::Notes),
                    project: None,
                    created: now,
                    saved: now,
                    history: created(now),
                }))
            }
            Kind::Diagnosis => {
                let occasion = if self.choice(FieldId::Occasion) == 0 {
                    Occasion::Baseline
                } else {
                    Occasion::FollowUp
                };
                let mut answers = std::collections::BTreeMap::new();
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
                            let texts: Vec<String> = fields
                                .by_ref()
                                .take(usize::from(*n))
                                .map(|f| f.value())
                                .filter(|v| !v.is_empty())
                                .collect();
                            (!texts.is_empty()).then_some(Answer::Texts(texts))
                        }
                    };
                    if let Some(a) = answer {
                        answers.insert(q.id.clone(), a);
                    }
                }
                Record::Diagnosis(Box::new(Diagnosis {
                    version: SCHEMA_VERSION,
                    kind: Kind::Diagnosis,
                    id: ids.next_id(),
                    group: g.id.clone(),
                    group_name: g.name.clone(),
                    member,
                    member_name,
                    date,
                    occasion,
                    questions: self.questions.clone(),
                    answers,
                    created: now,
                    saved: now,
                    history: created(now),
                }))
            }
        }
    }
}

/// A new record's history: its creation, the first line of its audit.
fn created(now: Timestamp) -> Vec<RecordEvent> {
    vec![RecordEvent {
        at: now,
        change: RecordChange::Created,
    }]
}
