//! Group setup is typed before its session file exists. So that a crash or a closed lid
//! loses none of it, the setup is kept in a draft file of its own until the session starts.

use super::{Form, LeaveForm, MemberForm, Setup, SetupFocus, SetupKind};
use crate::model::life::LeaveReason;
use crate::model::{BacklogItem, Group, Id, Member, Review};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The setup screen as data: what was typed, field by field, in the form's order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SetupDraft {
    /// The number of the session being set up for an existing group; none for a new group.
    #[serde(default)]
    pub next_number: Option<u32>,
    #[serde(default)]
    pub reviews: Vec<Review>,
    #[serde(default)]
    pub backlog: Vec<BacklogItem>,
    /// The topic planned for the session being set up.
    #[serde(default)]
    pub topic: String,
    /// Each member's attendance at the group's sessions, for the attendance rule.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attendance: super::PastAttendance,
    pub base: Group,
    pub values: Vec<FieldValue>,
    pub members: Vec<Member>,
    /// The member being added or edited, if its form was open.
    #[serde(default)]
    pub member_form: Option<(Option<Id>, Vec<FieldValue>)>,
    /// Members of the group taken off the list, and why they left.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub left: Vec<(Id, LeaveReason)>,
    /// The member whose reason for leaving was being chosen, if its form was open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leave_form: Option<(Id, Vec<FieldValue>)>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldValue {
    pub text: String,
    pub choice: usize,
}

fn values(form: &Form) -> Vec<FieldValue> {
    form.fields
        .iter()
        .map(|f| FieldValue {
            text: f.value(),
            choice: f.choice,
        })
        .collect()
}

/// Puts saved values back into a form built the usual way (same fields, same order).
pub fn restore(form: &mut Form, values: &[FieldValue]) {
    for (f, v) in form.fields.iter_mut().zip(values) {
        if f.is_text() {
            *f = super::Field::new(f.id, f.kind.clone(), &v.text, f.required);
        } else {
            f.choice = v.choice.min(f.options().len().saturating_sub(1));
        }
    }
}

impl SetupDraft {
    pub fn of(setup: &Setup) -> SetupDraft {
        let (next_number, reviews, backlog, topic, attendance) = match &setup.kind {
            SetupKind::NewGroup => (None, Vec::new(), Vec::new(), String::new(), BTreeMap::new()),
            SetupKind::Next {
                number,
                reviews,
                backlog,
                topic,
                attendance,
            } => (
                Some(*number),
                reviews.clone(),
                backlog.clone(),
                topic.clone(),
                attendance.clone(),
            ),
        };
        SetupDraft {
            next_number,
            reviews,
            backlog,
            topic,
            attendance,
            base: setup.base.clone(),
            values: values(&setup.form),
            members: setup.members.clone(),
            member_form: setup
                .member_form
                .as_ref()
                .map(|mf| (mf.editing.clone(), values(&mf.form))),
            left: setup.left.clone(),
            leave_form: setup
                .leave_form
                .as_ref()
                .map(|lf| (lf.member.clone(), values(&lf.form))),
        }
    }

    pub fn kind(&self) -> SetupKind {
        match self.next_number {
            None => SetupKind::NewGroup,
            Some(number) => SetupKind::Next {
                number,
                reviews: self.reviews.clone(),
                backlog: self.backlog.clone(),
                topic: self.topic.clone(),
                attendance: self.attendance.clone(),
            },
        }
    }

    /// Restores the member form into a freshly built one.
    pub fn restore_member_form(&self, mut form: Form) -> Option<MemberForm> {
        let (editing, values) = self.member_form.as_ref()?;
        restore(&mut form, values);
        Some(MemberForm {
            editing: editing.clone(),
            form,
        })
    }

    /// Restores the form of a member leaving into a freshly built one.
    pub fn restore_leave_form(&self, mut form: Form) -> Option<LeaveForm> {
        let (member, values) = self.leave_form.as_ref()?;
        restore(&mut form, values);
        Some(LeaveForm {
            member: member.clone(),
            form,
        })
    }

    pub fn focus(&self) -> SetupFocus {
        SetupFocus::Form
    }
}
