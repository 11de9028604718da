//! The member diagnosis: a short survey at joining (the baseline) and then yearly, so that a
//! programme can see change over time. Its questions are data, like the method: a fixed core
//! with stable ids that `atelier report` reads (`assets/diagnosis/core.ron`), to which a
//! programme may add questions of its own but never remove or retype the core. Each
//! diagnosis keeps the questions it was asked with, so it reads the same anywhere.

use super::{Dated, Kind, RecordEvent, joined};
use crate::method::L10n;
use crate::model::{Id, Timestamp};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const CORE_SOURCE: &str = include_str!("../../../assets/diagnosis/core.ron");

/// The ids of the core questions, in order: what the report reads.
pub const CORE_QUESTIONS: [&str; 10] = [
    "sales_band",
    "jobs_paid",
    "jobs_family",
    "apprentices",
    "formal_status",
    "cnss",
    "bank_account",
    "credit_year",
    "online",
    "difficulties",
];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub id: String,
    pub label: L10n,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum AnswerKind {
    Choice(Vec<Choice>),
    YesNo,
    Count,
    Text,
    /// Up to this many short texts.
    Texts(u8),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    pub id: String,
    pub label: L10n,
    pub answer: AnswerKind,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Answer {
    Choice(String),
    YesNo(bool),
    Count(u32),
    Text(String),
    Texts(Vec<String>),
}

/// The largest count a diagnosis takes (jobs, apprentices...). A very small enterprise has
/// under 10 employees: 10,000 leaves room for any real answer and catches a typo or a number
/// mangled in the file, which would otherwise weigh on every sum the report makes.
pub const MAX_COUNT: u32 = 10_000;

impl Answer {
    /// Whether it answers a question of this kind (a hand edit may give a count a text), a
    /// count being at most [`MAX_COUNT`].
    pub fn fits(&self, kind: &AnswerKind) -> bool {
        match (self, kind) {
            (Answer::Choice(c), AnswerKind::Choice(options)) => options.iter().any(|o| &o.id == c),
            (Answer::Count(n), AnswerKind::Count) => *n <= MAX_COUNT,
            (Answer::YesNo(_), AnswerKind::YesNo) | (Answer::Text(_), AnswerKind::Text) => true,
            (Answer::Texts(t), AnswerKind::Texts(n)) => t.len() <= usize::from(*n),
            _ => false,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Occasion {
    /// At joining.
    Baseline,
    /// A yearly follow-up.
    FollowUp,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Diagnosis {
    pub version: u32,
    pub kind: Kind,
    pub id: Id,
    pub group: Id,
    #[serde(default)]
    pub group_name: String,
    pub member: Id,
    #[serde(default)]
    pub member_name: String,
    pub date: NaiveDate,
    pub occasion: Occasion,
    /// The questions as they were asked: the core, then the programme's own.
    pub questions: Vec<Question>,
    /// By question id; a question left unanswered has no entry.
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
    pub created: Timestamp,
    pub saved: Timestamp,
    #[serde(default)]
    pub history: Vec<RecordEvent>,
}

impl Diagnosis {
    /// The answer to a question, if it has one of the question's kind.
    pub fn answer(&self, question: &str) -> Option<&Answer> {
        let q = self.questions.iter().find(|q| q.id == question)?;
        self.answers.get(question).filter(|a| a.fits(&q.answer))
    }
}

/// Why a programme's questions were refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiagnosisError {
    /// An added question reuses an id (of the core, or of another added question).
    Duplicate(String),
    /// A question with no id or no label.
    Incomplete,
    /// A choice question with no choice.
    NoChoices(String),
}

/// The core questions, as shipped.
pub fn core_questions() -> Vec<Question> {
    ron::from_str(CORE_SOURCE).expect("the core diagnosis questions are valid (tested)")
}

/// The form: the core questions, then a programme's own. An added question may not take a
/// core id (so it can neither remove nor retype one) nor repeat another's.
pub fn form_with(extra: Vec<Question>) -> Result<Vec<Question>, DiagnosisError> {
    let mut form = core_questions();
    for q in extra {
        if q.id.trim().is_empty() || q.label.fr.trim().is_empty() || q.label.en.trim().is_empty() {
            return Err(DiagnosisError::Incomplete);
        }
        if form.iter().any(|f| f.id == q.id) {
            return Err(DiagnosisError::Duplicate(q.id));
        }
        if matches!(&q.answer, AnswerKind::Choice(c) if c.is_empty()) {
            return Err(DiagnosisError::NoChoices(q.id));
        }
        form.push(q);
    }
    Ok(form)
}

impl Dated for Diagnosis {
    fn kind(&self) -> Kind {
        Kind::Diagnosis
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
        let mut v = vec![
            ("date", self.date.to_string()),
            ("member", self.member.to_string()),
            ("occasion", format!("{:?}", self.occasion)),
        ];
        // One entry for all answers: the field names of a record are fixed words.
        v.push((
            "answers",
            joined(self.answers.iter().map(|(k, a)| format!("{k}={a:?}"))),
        ));
        v
    }
    fn history_mut(&mut self) -> &mut Vec<RecordEvent> {
        &mut self.history
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_core_parses_with_its_stable_ids_in_order() {
        let ids: Vec<String> = core_questions().into_iter().map(|q| q.id).collect();
        assert_eq!(ids, CORE_QUESTIONS);
    }

    #[test]
    fn a_programme_adds_questions_but_never_retypes_or_repeats_the_core() {
        let q = |id: &str, answer| Question {
            id: id.into(),
            label: L10n {
                fr: "Question".into(),
                en: "Question".into(),
            },
            answer,
        };
        let form = form_with(vec![q("export", AnswerKind::YesNo)]).unwrap();
        assert_eq!(form.len(), CORE_QUESTIONS.len() + 1);
        assert_eq!(
            form_with(vec![q("cnss", AnswerKind::Text)]),
            Err(DiagnosisError::Duplicate("cnss".into()))
        );
        assert_eq!(
            form_with(vec![q("x", AnswerKind::Count), q("x", AnswerKind::Count)]),
            Err(DiagnosisError::Duplicate("x".into()))
        );
        assert_eq!(
            form_with(vec![q("y", AnswerKind::Choice(vec![]))]),
            Err(DiagnosisError::NoChoices("y".into()))
        );
    }
}
