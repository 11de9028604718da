//! The fields of each kind of record's form, in the order they are typed, and a visit's
//! review fields, which follow the member chosen.

use super::{AGREED_SLOTS, REVIEW_STATUSES, RecordForm};
use crate::i18n::{Lang, Strings, fill};
use crate::life::GroupLife;
use crate::model::Id;
use crate::model::dated::{AnswerKind, Kind, Record, VisitReview, core_questions};
use crate::ui::{Field, FieldId, FieldKind, Form};
use chrono::NaiveDate;

/// The most text fields one diagnosis question takes (its count is read from a file).
pub const MAX_TEXTS: usize = 10;

/// The form of a record of `kind`, empty but for its date (`today`) and an activity's
/// participants (everyone present, as at a check-in). `saved` is the record about to be
/// put back into it: its former members are offered too, its questions asked; a new
/// diagnosis asks `asked`.
pub fn blank(
    kind: Kind,
    life: &GroupLife,
    s: &Strings,
    lang: Lang,
    today: NaiveDate,
    saved: Option<&Record>,
    asked: &[crate::model::dated::Question],
) -> RecordForm {
    let g = &life.group;
    let mut members: Vec<(Id, String)> = g
        .members
        .iter()
        .filter(|m| m.left.is_none())
        .map(|m| (m.id.clone(), m.name.clone()))
        .collect();
    for id in saved.map(named_members).unwrap_or_default() {
        if !members.iter().any(|(m, _)| *m == id) {
            let name = g.member_name(&id);
            members.push((id, name));
        }
    }
    let names: Vec<String> = members.iter().map(|(_, n)| n.clone()).collect();
    let date = crate::dates::show(today);
    let topics: Vec<String> = life
        .method
        .need_categories
        .iter()
        .map(|c| c.id.clone())
        .collect();
    let mut questions = Vec::new();
    let mut projects = Vec::new();
    let t = &s.field_labels;
    let gs = s.group_page;
    let fields = match kind {
        Kind::Visit | Kind::Session => {
            let labels = life
                .method
                .need_categories
                .iter()
                .map(|c| c.label.get(lang).to_string())
                .collect();
            let mut v = vec![
                Field::choice(FieldId::RecordMember, names, 0),
                Field::new(FieldId::RecordDate, FieldKind::Date, &date, true),
                Field::multi(FieldId::Topics, labels, vec![false; topics.len()]),
                Field::text(FieldId::Seen, "", false),
            ];
            for i in 1..=AGREED_SLOTS {
                let n = |label: &str| fill(gs.numbered, &[&label, &i]);
                v.push(Field::text(FieldId::Agreed, "", false).labelled(n(t.agreed)));
                v.push(
                    Field::new(FieldId::AgreedDue, FieldKind::Date, "", false)
                        .labelled(n(t.agreed_due)),
                );
            }
            v.push(Field::text(FieldId::PrivateNotes, "", false));
            v
        }
        Kind::Activity => {
            let l = s.life;
            let kinds = vec![
                l.activity_training.to_string(),
                l.activity_visit.to_string(),
                l.activity_study_trip.to_string(),
                l.activity_purchase.to_string(),
                l.activity_other.to_string(),
            ];
            let mut v = vec![
                Field::choice(FieldId::ActivityKind, kinds, 0),
                Field::text(FieldId::ActivityOther, "", false),
                Field::text(FieldId::Title, "", true),
                Field::new(FieldId::RecordDate, FieldKind::Date, &date, true),
                Field::text(FieldId::Place, "", false),
                Field::multi(FieldId::Participants, names, vec![true; members.len()]),
                Field::new(FieldId::Cost, FieldKind::Number, "", false),
            ];
            projects = g.projects.iter().map(|p| p.id.clone()).collect();
            let mut titles: Vec<String> = g.projects.iter().map(|p| p.title.clone()).collect();
            // A project the group no longer carries stays a choice, by its id, so that
            // changing something else keeps the link.
            if let Some(Record::Activity(a)) = saved
                && let Some(p) = &a.project
                && !projects.contains(p)
            {
                projects.push(p.clone());
                titles.push(p.to_string());
            }
            if !projects.is_empty() {
                let mut options = vec!["—".to_string()];
                options.extend(titles);
                v.push(Field::choice(FieldId::PlanProject, options, 0));
            }
            v.push(Field::text(FieldId::Notes, "", false));
            v
        }
        Kind::Diagnosis => {
            let l = s.life;
            let occasions = vec![
                l.diagnosis_baseline.to_string(),
                l.diagnosis_follow_up.to_string(),
            ];
            let mut v = vec![
                Field::choice(FieldId::RecordMember, names, 0),
                Field::new(FieldId::RecordDate, FieldKind::Date, &date, true),
                Field::choice(FieldId::Occasion, occasions, 0),
            ];
            // A saved diagnosis is changed with the questions it was asked.
            questions = match saved {
                Some(Record::Diagnosis(d)) => d.questions.clone(),
                _ if asked.is_empty() => core_questions(),
                _ => asked.to_vec(),
            };
            for q in &questions {
                v.extend(question_fields(q, s, lang));
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
        reviews: Vec::new(),
        reviews_for: None,
        projects,
        editing: None,
        changed: false,
    }
}

/// The members a saved record names: a visit's or a diagnosis's member, an activity's
/// participants.
fn named_members(record: &Record) -> Vec<Id> {
    match record {
        Record::Visit(v) => vec![v.member.clone()],
        Record::Diagnosis(d) => vec![d.member.clone()],
        Record::Activity(a) => a.participants.keys().cloned().collect(),
    }
}

/// The field (or fields: several texts) of one diagnosis question.
fn question_fields(q: &crate::model::dated::Question, s: &Strings, lang: Lang) -> Vec<Field> {
    let label = q.label.get(lang).to_string();
    let none = "—".to_string();
    match &q.answer {
        AnswerKind::Choice(options) => {
            let mut o = vec![none];
            o.extend(options.iter().map(|c| c.label.get(lang).to_string()));
            vec![Field::choice(FieldId::Question, o, 0).labelled(label)]
        }
        AnswerKind::YesNo => {
            let o = vec![
                none,
                s.group_page.yes.to_string(),
                s.group_page.no.to_string(),
            ];
            vec![Field::choice(FieldId::Question, o, 0).labelled(label)]
        }
        AnswerKind::Count => {
            vec![Field::new(FieldId::Question, FieldKind::Number, "", false).labelled(label)]
        }
        AnswerKind::Text => vec![Field::text(FieldId::Question, "", false).labelled(label)],
        AnswerKind::Texts(n) => (1..=usize::from(*n).min(MAX_TEXTS))
            .map(|i| Field::text(FieldId::Question, "", false).labelled(format!("{label} ({i})")))
            .collect(),
    }
}

/// Puts a visit's review fields after what was seen, one per action to review, each
/// keeping the status chosen for the same action before.
pub fn set_reviews(form: &mut RecordForm, reviews: Vec<VisitReview>, s: &Strings) {
    let key = |r: &VisitReview| (r.visit.clone(), r.action.id.clone());
    let before: Vec<((Id, Id), usize)> = form
        .reviews
        .iter()
        .zip(form.form.fields.iter().filter(|f| f.id == FieldId::Review))
        .map(|(r, f)| (key(r), f.choice))
        .collect();
    let focused = form.form.focus;
    let old = form.form.fields.len();
    form.form.fields.retain(|f| f.id != FieldId::Review);
    let removed = old - form.form.fields.len();
    let at = form
        .form
        .fields
        .iter()
        .position(|f| f.id == FieldId::Seen)
        .map_or(form.form.fields.len(), |i| i + 1);
    let gs = s.group_page;
    let mut options = vec![gs.not_reviewed.to_string()];
    options.extend(REVIEW_STATUSES.iter().map(|st| st.label(s).to_string()));
    let new: Vec<Field> = reviews
        .iter()
        .map(|r| {
            let chosen = before
                .iter()
                .find(|(k, _)| *k == key(r))
                .map(|(_, c)| *c)
                .or_else(|| {
                    let st = r.status?;
                    REVIEW_STATUSES.iter().position(|x| *x == st).map(|i| i + 1)
                })
                .unwrap_or(0);
            let label = fill(
                gs.review_of,
                &[&r.action.what, &crate::dates::show(r.agreed)],
            );
            Field::choice(FieldId::Review, options.clone(), chosen).labelled(label)
        })
        .collect();
    let added = new.len();
    form.form.fields.splice(at..at, new);
    // The focus stays on the field it was on: fields after the reviews moved.
    if focused >= at {
        form.form.focus = (focused + added).saturating_sub(removed);
    }
    form.form.focus = form
        .form
        .focus
        .min(form.form.fields.len().saturating_sub(1));
    form.reviews = reviews;
}

/// A review field's status: `None` while not reviewed yet.
pub fn review_status(choice: usize) -> Option<crate::model::ActionStatus> {
    choice
        .checked_sub(1)
        .and_then(|i| REVIEW_STATUSES.get(i).copied())
}
