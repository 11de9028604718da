//! The form of a visit, activity or diagnosis on a group's page (issue 13, points 6–9): a
//! new one, or a saved one being changed (`e`). What is typed is kept in a draft file of its
//! own until the record is saved ([`RecordDraft`], like the group setup's), so a crash or a
//! closed lid loses none of it: the form comes back when the group's page is opened again.
//!
//! The fields of each kind are in `fields.rs`, a saved record put back into them in
//! `edit.rs`, and the record the form describes in `build.rs`.

mod build;
mod edit;
mod fields;

use super::Form;
use crate::i18n::{Lang, Strings};
use crate::life::GroupLife;
use crate::model::dated::{Kind, Question, Record, VisitReview};
use crate::model::{ActionStatus, Id};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How many actions a visit's form takes (a file written elsewhere with more keeps them).
pub const AGREED_SLOTS: usize = 3;

/// A review field's statuses, after its first option (not reviewed yet).
const REVIEW_STATUSES: [ActionStatus; 4] = [
    ActionStatus::Done,
    ActionStatus::InProgress,
    ActionStatus::Blocked,
    ActionStatus::Dropped,
];

#[derive(Debug, Clone)]
pub struct RecordForm {
    pub kind: Kind,
    pub form: Form,
    /// The members a visit or a diagnosis may be about, and who may take part in an
    /// activity, in the order of the member choice and of the participants: the group's
    /// current members, then (a saved record being changed) the former ones it names.
    pub members: Vec<(Id, String)>,
    /// The need categories' ids, in the order of the topics.
    pub topics: Vec<String>,
    /// A diagnosis's questions, in the order of their fields.
    pub questions: Vec<Question>,
    /// A visit's actions agreed at the member's previous visit, in the order of their
    /// review fields, and the member and date they are for.
    pub reviews: Vec<VisitReview>,
    reviews_for: Option<(Id, NaiveDate)>,
    /// The joint projects an activity may belong to, in the order of its project choice
    /// (after "—", none).
    pub projects: Vec<Id>,
    /// The saved record being changed; `None` for a new one.
    pub editing: Option<Record>,
    /// Typed since the form opened (a draft to keep).
    pub changed: bool,
}

/// The form as data, for the draft file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordDraft {
    pub group: Id,
    pub kind: Kind,
    pub values: Vec<(String, usize, Vec<bool>)>,
    /// The id of the saved record being changed (drafts written before this field: none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub editing: Option<Id>,
}

impl RecordForm {
    /// A new record of `kind` for the group on the page, dated `today`; a diagnosis asks
    /// `asked` (the core questions, then the programme's own).
    pub fn new(
        kind: Kind,
        life: &GroupLife,
        s: &Strings,
        lang: Lang,
        today: NaiveDate,
        asked: &[Question],
    ) -> Self {
        let mut form = fields::blank(kind, life, s, lang, today, None, asked);
        form.follow_member(life, s, today);
        form
    }

    /// The form of a saved record, filled with what it says, to change it.
    pub fn edit(
        record: &Record,
        life: &GroupLife,
        s: &Strings,
        lang: Lang,
        today: NaiveDate,
    ) -> Self {
        let kind = record.dated().kind();
        let mut form = fields::blank(kind, life, s, lang, today, Some(record), &[]);
        form.fill(record);
        form.editing = Some(record.clone());
        form.follow_member(life, s, today);
        form
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
            editing: self.editing.as_ref().map(|r| r.dated().id().clone()),
        }
    }

    /// Puts a draft's values back into the form, field by field; a choice past the end of
    /// its options (a member who left since) comes back as the first. A visit's member is
    /// put back first, so that the review fields are those the draft was typed in.
    pub fn restore(
        &mut self,
        draft: &RecordDraft,
        life: &GroupLife,
        s: &Strings,
        today: NaiveDate,
    ) {
        let member = self
            .form
            .fields
            .iter()
            .position(|f| f.id == super::FieldId::RecordMember);
        if let Some(i) = member
            && let Some((_, choice, _)) = draft.values.get(i)
        {
            let f = &mut self.form.fields[i];
            f.choice = if *choice < f.options().len() {
                *choice
            } else {
                0
            };
            self.follow_member(life, s, today);
        }
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

    /// The member chosen in a visit's form, if any.
    fn chosen_member(&self) -> Option<&Id> {
        let f = self.form.get(super::FieldId::RecordMember)?;
        self.members.get(f.choice).map(|(id, _)| id)
    }

    /// A visit's review fields follow the member chosen and the date: the actions agreed at
    /// that member's visit before, still open. Called after every key, it changes the form
    /// only when the member or the date did.
    pub fn follow_member(&mut self, life: &GroupLife, s: &Strings, today: NaiveDate) {
        if self.kind != Kind::Visit {
            return;
        }
        let member = self.chosen_member().cloned();
        let date = crate::dates::parse(&self.form.value(super::FieldId::RecordDate), today)
            .ok()
            .flatten()
            .unwrap_or(today);
        let key = member.clone().map(|m| (m, date));
        if key == self.reviews_for {
            return;
        }
        let reviews = match (&self.editing, &member) {
            // The visit being changed keeps the reviews it made of its member's actions.
            (Some(Record::Visit(v)), Some(m)) if &v.member == m => v.reviews.clone(),
            (_, Some(m)) => {
                let this = self.editing.as_ref().map(|r| r.dated().id().clone());
                life.records
                    .iter()
                    .find_map(|r| match r {
                        Record::Visit(v)
                            if &v.member == m && v.date <= date && Some(&v.id) != this.as_ref() =>
                        {
                            Some(v.open_actions())
                        }
                        _ => None,
                    })
                    .unwrap_or_default()
            }
            (_, None) => Vec::new(),
        };
        fields::set_reviews(self, reviews, s);
        self.reviews_for = key;
    }
}
