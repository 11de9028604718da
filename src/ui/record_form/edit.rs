//! A saved visit, activity or diagnosis put back into its form's fields, to be changed.

use super::RecordForm;
use super::fields::MAX_TEXTS;
use crate::model::Attendance;
use crate::model::dated::{ActivityKind, Answer, AnswerKind, Occasion, Record};
use crate::ui::{Field, FieldId};
use ratatui_textarea::{CursorMove, TextArea};

fn set_text(f: &mut Field, text: &str) {
    f.area = TextArea::new(vec![text.replace('\n', " ")]);
    f.area.move_cursor(CursorMove::End);
}

impl RecordForm {
    fn set(&mut self, id: FieldId, text: &str) {
        if let Some(f) = self.form.get_mut(id) {
            set_text(f, text);
        }
    }

    fn choose(&mut self, id: FieldId, choice: usize) {
        if let Some(f) = self.form.get_mut(id) {
            f.choice = choice.min(f.options().len().saturating_sub(1));
        }
    }

    fn choose_member(&mut self, member: &crate::model::Id) {
        let i = self.members.iter().position(|(id, _)| id == member);
        self.choose(FieldId::RecordMember, i.unwrap_or(0));
    }

    /// Fills the fields with what `record` says (its kind is the form's).
    pub(super) fn fill(&mut self, record: &Record) {
        let date = crate::dates::show(record.dated().date());
        self.set(FieldId::RecordDate, &date);
        match record {
            Record::Visit(v) => {
                self.choose_member(&v.member);
                if let Some(f) = self.form.get_mut(FieldId::Topics) {
                    for (mark, topic) in f.marks.iter_mut().zip(&self.topics) {
                        *mark = v.topics.contains(topic);
                    }
                }
                self.set(FieldId::Seen, &v.seen);
                self.set(FieldId::PrivateNotes, &v.private_notes);
                let mut slots = self
                    .form
                    .fields
                    .iter_mut()
                    .filter(|f| f.id == FieldId::Agreed);
                for a in &v.agreed {
                    let Some(f) = slots.next() else { break };
                    set_text(f, &a.what);
                }
                let mut dues = self
                    .form
                    .fields
                    .iter_mut()
                    .filter(|f| f.id == FieldId::AgreedDue);
                for a in &v.agreed {
                    let Some(f) = dues.next() else { break };
                    set_text(f, &a.due.map(crate::dates::show).unwrap_or_default());
                }
            }
            Record::Activity(a) => {
                let kind = match &a.activity {
                    ActivityKind::Training => 0,
                    ActivityKind::Visit => 1,
                    ActivityKind::StudyTrip => 2,
                    ActivityKind::CollectivePurchase => 3,
                    ActivityKind::Other(_) => 4,
                };
                self.choose(FieldId::ActivityKind, kind);
                if let ActivityKind::Other(name) = &a.activity {
                    self.set(FieldId::ActivityOther, name);
                }
                self.set(FieldId::Title, &a.title);
                self.set(FieldId::Place, &a.place);
                self.set(FieldId::Notes, &a.notes);
                self.set(
                    FieldId::Cost,
                    &a.cost_mad.map(|c| c.to_string()).unwrap_or_default(),
                );
                let present: Vec<bool> = self
                    .members
                    .iter()
                    .map(|(id, _)| a.participants.get(id) == Some(&Attendance::Present))
                    .collect();
                if let Some(f) = self.form.get_mut(FieldId::Participants) {
                    f.marks = present;
                }
                let project = a
                    .project
                    .as_ref()
                    .and_then(|p| self.projects.iter().position(|x| x == p))
                    .map_or(0, |i| i + 1);
                self.choose(FieldId::PlanProject, project);
            }
            Record::Diagnosis(d) => {
                self.choose_member(&d.member);
                let occasion = match d.occasion {
                    Occasion::Baseline => 0,
                    Occasion::FollowUp => 1,
                };
                self.choose(FieldId::Occasion, occasion);
                let mut fields = self
                    .form
                    .fields
                    .iter_mut()
                    .filter(|f| f.id == FieldId::Question);
                for q in &self.questions {
                    let answer = d.answer(&q.id);
                    match &q.answer {
                        AnswerKind::Choice(options) => {
                            let Some(f) = fields.next() else { break };
                            if let Some(Answer::Choice(c)) = answer {
                                f.choice =
                                    options.iter().position(|o| &o.id == c).map_or(0, |i| i + 1);
                            }
                        }
                        AnswerKind::YesNo => {
                            let Some(f) = fields.next() else { break };
                            f.choice = match answer {
                                Some(Answer::YesNo(true)) => 1,
                                Some(Answer::YesNo(false)) => 2,
                                _ => 0,
                            };
                        }
                        AnswerKind::Count => {
                            let Some(f) = fields.next() else { break };
                            if let Some(Answer::Count(n)) = answer {
                                set_text(f, &n.to_string());
                            }
                        }
                        AnswerKind::Text => {
                            let Some(f) = fields.next() else { break };
                            if let Some(Answer::Text(t)) = answer {
                                set_text(f, t);
                            }
                        }
                        AnswerKind::Texts(n) => {
                            let texts = match answer {
                                Some(Answer::Texts(t)) => t.as_slice(),
                                _ => &[],
                            };
                            for i in 0..usize::from(*n).min(MAX_TEXTS) {
                                let Some(f) = fields.next() else { break };
                                set_text(f, texts.get(i).map_or("", String::as_str));
                            }
                        }
                    }
                }
            }
        }
    }
}
